"""Damaged, foreign and read-only databases are recognised, said in words, never written.

Each refusal is checked on the file itself: its bytes are the same after.
Damaged files are made here: a sound database whose b-tree page in the
middle of a table is overwritten.

Tests run as root here, and root may write any file whatever its mode, so
a folder that can't be written is made with ``chattr +i`` (immutable, which
stops root too) where the file system allows it, else the test is skipped;
the other read-only cases use ``--read-only`` or stand in for the
permission check (:func:`db.connection._writable`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import connection
from db.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.database_files import (
    BODY,
    damage_table,
    foreign_database,
    immutable,
    integrity_check,
    sound_database,
)
from tests.helpers import database_at_schema

# --- Marginalia's mark, and files that are not ours --------------------------------------


@pytest.mark.sqlite_only  # the file's header (a server's database: marginalia_schema)
def test_a_new_database_carries_marginalias_mark(db_path):
    connection.open_database(db_path)
    connection.close_database()
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    con.close()
    assert connection.opened().created


def test_a_database_from_before_the_mark_is_recognised_by_its_tables_and_marked(tmp_path):
    path = tmp_path / "old.sqlite3"
    database_at_schema(path, 7)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO article (title, body, language, source, content_hash, "
                "imported_at) VALUES ('Kept', 'Body.', 'en', '', 'h1', '2024-01-01')")
    con.commit()
    con.close()

    connection.open_database(path)
    connection.close_database()

    con = sqlite3.connect(path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("SELECT title FROM article").fetchall() == [("Kept",)]
    con.close()
    assert not connection.opened().created


@pytest.mark.parametrize("user_version", [0, 3])
def test_another_programs_database_is_refused_and_left_untouched(tmp_path, user_version):
    path = tmp_path / "contacts.db"
    before = foreign_database(path, user_version)

    with pytest.raises(connection.ForeignDatabaseError) as err:
        connection.open_database(path)

    message = str(err.value)
    assert message.startswith(f"{path} is not a Marginalia database: it holds another "
                              "program's tables (article, contacts)")
    assert "It has not been changed" in message
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_a_file_with_another_programs_mark_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("PRAGMA application_id = 1234")
    con.commit()
    con.close()
    before = path.read_bytes()

    with pytest.raises(connection.ForeignDatabaseError, match="another program's mark"):
        connection.open_database(path)
    assert path.read_bytes() == before


def test_an_empty_sqlite_file_is_set_up(tmp_path):
    path = tmp_path / "empty.sqlite3"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = wal")  # what a racing first open leaves
    con.close()

    connection.open_database(path)
    from db.annotations import labels

    assert len(labels()) == 9
    connection.close_database()


def test_a_file_another_program_filled_meanwhile_is_not_set_up(tmp_path):
    """Inspected empty, then filled by someone else before the schema is built."""
    from peewee import SqliteDatabase

    from db.migrations import MigrationRefused, migrate

    path = tmp_path / "raced.sqlite3"
    foreign_database(path)
    db = SqliteDatabase(str(path))
    db.connect()
    try:
        with pytest.raises(MigrationRefused, match=r"another program's data \(tables article"):
            migrate(db)
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == 0
    finally:
        db.close()


# --- damaged files ---------------------------------------------------------------------


def test_the_quick_check_finds_a_damaged_page_and_says_so_with_the_file(tmp_path):
    from db.integrity import check_file

    path = tmp_path / "damaged.sqlite3"
    sound_database(path)
    assert check_file(path, full=False).ok
    damage_table(path, "article")

    for full in (False, True):
        report = check_file(path, full=full)
        assert not report.ok
        assert report.message.startswith(f"The database {path} is damaged (SQLite's check "
                                         "found ")
        assert "Marginalia will not write to it" in report.message
        assert "No backup of it was found." in report.message


def test_a_damaged_database_is_refused_on_a_checked_open_untouched(tmp_path):
    path = tmp_path / "damaged.sqlite3"
    sound_database(path)
    damage_table(path, "article")
    before = path.read_bytes()
    from db import models

    models.database.initialize(None)
    with pytest.raises(connection.DatabaseDamagedError, match="is damaged"):
        connection.open_database(path, check=True)

    assert path.read_bytes() == before
    assert models.database.obj is None  # never opened for writing


def test_a_damaged_older_database_is_not_migrated(tmp_path):
    path = tmp_path / "old.sqlite3"
    database_at_schema(path, 7)
    con = sqlite3.connect(path)
    con.executemany(
        "INSERT INTO article (title, body, language, source, content_hash, imported_at) "
        "VALUES (?, ?, 'en', '', ?, '2024-01-01')",
        [(f"A{n}", BODY.format(n=n), f"h{n}") for n in range(30)])
    con.commit()
    con.close()
    damage_table(path, "article")
    before = path.read_bytes()

    with pytest.raises(connection.DatabaseDamagedError) as err:
        connection.open_database(path)  # not asked to check: it is about to be migrated

    assert str(path) in str(err.value)
    assert path.read_bytes() == before
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 7
    con.close()


def test_a_database_found_damaged_refuses_every_write_in_words(tmp_path):
    from db.articles import NewArticle, article_count, insert_articles
    from db.integrity import check_file
    from db.models import Article

    path = tmp_path / "damaged.sqlite3"
    sound_database(path)
    damage_table(path, "article")
    before = path.read_bytes()
    connection.open_database(path, check=False)  # the window: it checks after its first paint
    report = check_file(path, full=False)

    connection.mark_damaged(path, report.message)

    assert connection.writes_refused() == report.message
    assert not connection.opened().read_only  # a backup may still replace it
    with pytest.raises(connection.DatabaseError) as err:
        insert_articles([NewArticle("New", "A new body.", "new-hash", "en")])
    assert str(err.value) == report.message
    assert article_count() == 30  # read from an index: the damaged page is not needed
    with pytest.raises(sqlite3.DatabaseError) as damaged:
        list(Article.select(Article.body))  # the damaged page, met row by row
    said = connection.describe_error(damaged.value)  # what the command line and the window say
    assert isinstance(said, connection.DatabaseDamagedError)
    assert str(said).startswith(f"The database {path} is damaged (SQLite said “database disk "
                                "image is malformed” reading it). Marginalia will not write")
    connection.close_database()
    assert path.read_bytes() == before

    connection.open_database(path, check=False)  # opened again in this process: still refused
    assert connection.writes_refused() == report.message
    with pytest.raises(connection.DatabaseError, match="is damaged"):
        insert_articles([NewArticle("New", "A new body.", "new-hash", "en")])
    connection.close_database()
    assert path.read_bytes() == before

    path.unlink()  # a sound file in its place (a backup restored)
    connection.forget_damage(path)
    sound_database(path)
    connection.open_database(path, check=True)
    assert connection.writes_refused() is None
    insert_articles([NewArticle("New", "A new body.", "new-hash", "en")])
    connection.close_database()


def test_the_damage_message_offers_the_latest_backup(tmp_path):
    from db.backups import backup_now
    from db.integrity import check_file

    path = tmp_path / "damaged.sqlite3"
    sound_database(path)
    backup = backup_now(path)
    assert backup is not None
    damage_table(path, "article")

    message = check_file(path).message

    assert f"The latest backup is {backup}: File ▸ Restore a backup… in the window puts it " \
           "back" in message


# --- read only -------------------------------------------------------------------------


def test_a_read_only_open_reads_and_refuses_writes_in_words(tmp_path):
    from db.articles import NewArticle, article_count, get_article, insert_articles

    path = tmp_path / "shared.sqlite3"
    sound_database(path, articles=3)
    before = path.read_bytes()

    connection.open_database(path, read_only=True)

    refusal = connection.writes_refused()
    assert refusal == (f"Marginalia opened {path} read only as asked (--read-only): "
                       "nothing can be saved to it.")
    assert connection.opened().read_only
    assert article_count() == 3 and get_article(1).title == "Article 0"
    with pytest.raises(connection.DatabaseError) as err:
        insert_articles([NewArticle("New", "A new body.", "new-hash", "en")])
    assert str(err.value) == refusal
    connection.close_database()
    assert path.read_bytes() == before
    assert integrity_check(path) == ["ok"]


def test_a_file_that_is_not_writable_is_opened_read_only(tmp_path, monkeypatch):
    from db.articles import NewArticle, article_count, insert_articles

    path = tmp_path / "locked.sqlite3"
    sound_database(path, articles=2)
    before = path.read_bytes()
    # Root may write any file whatever its mode: the permission check stands in.
    monkeypatch.setattr(connection, "_writable", lambda p: Path(p) != path)

    connection.open_database(path)

    assert connection.writes_refused() == (
        f"Marginalia opened {path} read only because the file is not writable: nothing can "
        "be saved to it.")
    assert article_count() == 2
    with pytest.raises(connection.DatabaseError, match="because the file is not writable"):
        insert_articles([NewArticle("New", "A new body.", "new-hash", "en")])
    connection.close_database()
    assert path.read_bytes() == before


def test_a_database_in_a_folder_nobody_may_write_is_read_not_called_damaged(tmp_path):
    from db.articles import NewArticle, article_count, insert_articles

    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "m.sqlite3"
    sound_database(path, articles=4)
    before = path.read_bytes()

    with immutable(folder):
        assert connection.inspect(path, check=True) == SCHEMA_VERSION
        connection.open_database(path, check=True)
        refusal = connection.writes_refused()
        assert refusal == (f"Marginalia opened {path} read only because its folder {folder} is "
                           "not writable (SQLite needs to create its journal files beside the "
                           "database): nothing can be saved to it.")
        assert article_count() == 4
        with pytest.raises(connection.DatabaseError) as err:
            insert_articles([NewArticle("New", "A new body.", "new-hash", "en")])
        assert str(err.value) == refusal
        connection.close_database()
        assert sorted(p.name for p in folder.iterdir()) == ["m.sqlite3"]
    assert path.read_bytes() == before


def test_no_database_is_created_in_a_folder_that_is_not_writable(tmp_path, monkeypatch):
    path = tmp_path / "new.sqlite3"
    monkeypatch.setattr(connection, "_writable", lambda p: Path(p) != tmp_path)

    with pytest.raises(connection.DatabaseError) as err:
        connection.open_database(path)

    assert str(err.value) == f"Cannot create the database {path}: its folder is not writable."
    assert not path.exists()


def test_a_read_only_open_creates_nothing(tmp_path):
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(connection.DatabaseError, match="open read only as asked"):
        connection.open_database(path, read_only=True)
    assert not path.exists()


def test_an_older_database_opened_read_only_is_refused_untouched(tmp_path):
    path = tmp_path / "old.sqlite3"
    database_at_schema(path, 6)
    before = path.read_bytes()

    with pytest.raises(connection.DatabaseError) as err:
        connection.open_database(path, read_only=True)

    assert str(err.value) == (
        f"{path} must be upgraded to this version of Marginalia before it can be read, which "
        "means writing to it, but it is open read only as asked (--read-only). It has not "
        "been changed.")
    assert path.read_bytes() == before


def test_reading_before_the_orm_keeps_read_only_when_it_opens_fully(tmp_path):
    from db import models, reads
    from db.articles import NewArticle, insert_articles

    path = tmp_path / "quick.sqlite3"
    sound_database(path, articles=2)
    before = path.read_bytes()
    models.database.initialize(None)

    assert connection.open_for_reading(path, read_only=True)
    assert reads.first_article_id() is not None
    assert "read only as asked" in connection.writes_refused()
    with pytest.raises(connection.DatabaseError, match="read only as asked"):
        insert_articles([NewArticle("New", "A new body.", "new-hash", "en")])  # opens fully
    assert connection.opened_for_reading() is None
    connection.close_database()
    assert path.read_bytes() == before


# --- the demo articles -----------------------------------------------------------------


def test_only_a_database_created_now_is_seeded(tmp_path):
    from db.articles import article_count
    from desktop.core.seed import seed_demo_if_new

    path = tmp_path / "m.sqlite3"
    connection.open_database(path)
    connection.close_database()

    connection.open_database(path)  # empty, but it existed: never seeded
    assert seed_demo_if_new() is None
    assert article_count() == 0
    connection.close_database()
