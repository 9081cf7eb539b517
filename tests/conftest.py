"""Shared fixtures: every test gets a fresh database and settings under tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("MARGINALIA_DB", None)

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from db import connection  # noqa: E402

TEST_DATA = Path(__file__).parent / "data"


def sqlite_file(path: Path, user_version: int) -> bytes:
    """Writes a small SQLite file of another schema version; returns its bytes."""
    import sqlite3

    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {int(user_version)}")
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    return path.read_bytes()


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
