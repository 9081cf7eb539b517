"""Shared fixtures: every test gets a fresh database and settings under tmp_path.

Helpers the tests share are in :mod:`tests.helpers`.

The database tests run on both engines: a test under ``tests/db``, or marked
``both_backends``, that uses the ``db`` fixture runs once on a SQLite file
(``[sqlite]``) and once on PostgreSQL (``[postgresql]``), unless marked
``sqlite_only`` (it is about the file itself), or only on PostgreSQL if marked
``postgres_only`` (its notifications, its other clients). PostgreSQL is a throwaway
server (:mod:`tests.postgres_server`) started once for the session, on
127.0.0.1, when the first such test needs it, and stopped at the end; each
test finds its database emptied (``TRUNCATE … RESTART IDENTITY``) with the
default labels, as a new file has them. Where PostgreSQL can't be run, those
variants are skipped, with the reason in pytest's summary (``-ra``).
"""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

from db import connection  # noqa: E402
from tests import postgres_server  # noqa: E402

BACKENDS = ("sqlite", "postgresql")

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


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Runs the database tests once per engine (see the module's docstring)."""
    if "backend" not in metafunc.fixturenames:
        return
    node = metafunc.definition
    in_db_tests = Path(str(node.path)).parent.name == "db"
    if node.get_closest_marker("postgres_only"):
        metafunc.parametrize("backend", ["postgresql"], indirect=True)
    elif (in_db_tests or node.get_closest_marker("both_backends")) and \
            not node.get_closest_marker("sqlite_only"):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[postgres_server.TestDatabase | str]:
    """The session's PostgreSQL database, or why there is none (a sentence)."""
    try:
        server = postgres_server.start()
    except postgres_server.Unavailable as exc:
        yield str(exc)
        return
    try:
        with postgres_server.TestDatabase(server.url) as database:
            yield database
    finally:
        server.stop()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The engine of the ``db`` fixture: ``"sqlite"`` unless the test runs on both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def _new_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file as the app creates it, made once: each ``db`` test starts from a copy.

    Copying and opening it takes ~7 ms, creating one ~28 ms (on a slow machine);
    the tests of creating a file open their own (``db_path``).
    """
    path = tmp_path_factory.mktemp("new-file") / "marginalia.sqlite3"
    connection.open_database(path)
    connection.close_database()
    return path


@pytest.fixture
def db_url(backend: str, db_path: Path, request: pytest.FixtureRequest) -> str:
    """Where the ``db`` fixture's database is: the file, or the emptied PostgreSQL database."""
    if backend == "sqlite":
        if not db_path.exists():
            shutil.copyfile(request.getfixturevalue("_new_file"), db_path)
        return str(db_path)
    found: Any = request.getfixturevalue("postgres")
    if isinstance(found, str):
        pytest.skip(f"PostgreSQL: {found}")
    found.reset()
    return str(found.url)


@pytest.fixture
def db(db_url: str):
    """A fresh, migrated database bound to the models (default labels, no articles).

    On SQLite it is a copy of a file this session created, so it was not created
    by this open: ``connection.opened().created`` is False and no demo is seeded.
    """
    database = connection.open_database(db_url)
    yield database
    connection.close_database()
    if hasattr(database, "close_all"):  # PostgreSQL: the threads' connections too
        database.close_all()


@pytest.fixture
def article_id(db) -> int:
    """One stored article with astral characters, combining marks, NBSP."""
    from db.articles import NewArticle, insert_articles
    from desktop.core.text import content_hash

    body = ("OpenAI 😀 signe avec AWS un contrat de 38\u00a0milliards de dollars.\n"
            "Cafe\u0301 𝄞 Nvidia fournit des GPU.")
    return insert_articles([NewArticle("Essai", body, content_hash(body), "fr")])[0]
