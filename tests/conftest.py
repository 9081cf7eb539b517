"""Shared fixtures: every test gets a fresh database and settings under tmp_path.

Helpers the tests share are in :mod:`tests.helpers`.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from db import connection  # noqa: E402

USER_FOLDERS = {
    "HOME": ".",
    "XDG_DATA_HOME": ".local/share",
    "XDG_CONFIG_HOME": ".config",
    "XDG_CACHE_HOME": ".cache",
    "XDG_STATE_HOME": ".local/state",
}
"""Where the user's folders are, under a home folder (platformdirs and Qt read these)."""
CHOSEN_FILES = ("MARGINALIA_DB", "MARGINALIA_SETTINGS")
"""Variables naming the database and the settings file instead of the default ones."""


def _use_home(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable, folder in USER_FOLDERS.items():
        monkeypatch.setenv(variable, str(home / folder))
    for variable in CHOSEN_FILES:
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A home for what outlives one test (the QApplication), set up before it."""
    home = tmp_path_factory.mktemp("session-home")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _use_home(home, monkeypatch)
        yield home


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's home folder, ``tmp_path / "home"``: its data, settings and caches go there.

    The user's own are never read or written, and the database and settings
    files are the default ones unless the test names others.
    """
    path = tmp_path / "home"
    _use_home(path, monkeypatch)
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "marginalia.sqlite3"


@pytest.fixture
def db(db_path: Path):
    """A fresh, migrated database bound to the models (default labels, no articles)."""
    database = connection.open_database(db_path)
    yield database
    connection.close_database()


@pytest.fixture
def article_id(db) -> int:
    """One stored article with astral characters, combining marks, NBSP."""
    from db.articles import NewArticle, insert_articles
    from desktop.core.text import content_hash

    body = ("OpenAI 😀 signe avec AWS un contrat de 38\u00a0milliards de dollars.\n"
            "Cafe\u0301 𝄞 Nvidia fournit des GPU.")
    return insert_articles([NewArticle("Essai", body, content_hash(body), "fr")])[0]
