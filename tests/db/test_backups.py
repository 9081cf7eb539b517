"""Automatic backups: consistent copies, rotation, no copy of unchanged data, restore and undo."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from db import backups, connection
from db.backups import BackupError
from tests.helpers import sqlite_file, store_article

pytestmark = pytest.mark.sqlite_only  # backups are copies of the file


def _titles(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in con.execute("SELECT title FROM article ORDER BY id")]
    finally:
        con.close()


def _quick_check(path: Path) -> str:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return str(con.execute("PRAGMA quick_check").fetchone()[0])
    finally:
        con.close()


def _damage(path: Path) -> None:
    """Scribbles over the start of every page but the first (header and schema stay readable)."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):
        data[start + 8:start + 200] = b"\xab" * 192
    path.write_bytes(bytes(data))


def _at(minute: int) -> dt.datetime:
    return dt.datetime(2025, 3, 1, 12, minute, tzinfo=dt.UTC)


def test_a_backup_taken_while_another_connection_writes_holds_the_committed_rows(db, db_path):
    store_article("Committed", "Already saved.")
    writer = sqlite3.connect(db_path)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO article (title, body, language, source, content_hash, "
                       "imported_at) VALUES ('Pending', 'x', 'en', '', 'h', '2025-01-01')")
        backup = backups.backup_now(db_path)  # the write lock is held meanwhile
        writer.commit()
    finally:
        writer.close()

    assert backup is not None and backup.parent == backups.backups_folder(db_path)
    assert _quick_check(backup) == "ok"
    assert _titles(backup) == ["Committed"]
    assert _titles(db_path) == ["Committed", "Pending"]
    assert not [p.name for p in backup.parent.iterdir() if p.name.startswith(".")]


def test_rotation_keeps_the_last_backups(db, db_path):
    made = []
    for number in range(1, 8):
        store_article(f"Article {number}", f"Body {number}.")
        made.append(backups.backup_now(db_path, keep=3, now=_at(number)))

    listed = backups.list_backups(db_path)

    assert [b.path for b in listed] == made[:-4:-1]  # the three newest, newest first
    assert [b.articles for b in listed] == [7, 6, 5]
    assert [b.taken for b in listed] == [_at(7), _at(6), _at(5)]
    assert all(b.kind == "backup" and b.size > 0 for b in listed)
    assert backups.latest_backup(db_path) == made[-1]


def test_an_unchanged_database_makes_no_new_backup(db, db_path):
    store_article("One", "One body.")
    first = backups.backup_now(db_path, now=_at(1))
    connection.close_database()  # the last connection checkpoints the log into the file
    connection.open_database(db_path)

    unchanged = backups.backup_now(db_path, now=_at(2))
    store_article("Two", "Two body.")
    changed = backups.backup_now(db_path, now=_at(3))

    assert first is not None and unchanged is None and changed is not None
    assert [b.articles for b in backups.list_backups(db_path)] == [2, 1]


def test_two_databases_keep_their_backups_apart(db, db_path, tmp_path):
    other = tmp_path / "elsewhere" / db_path.name
    other.parent.mkdir()
    store_article("Here", "Here.")
    backups.backup_now(db_path)
    connection.close_database()
    connection.open_database(other)
    backups.backup_now(other)

    assert backups.backups_folder(db_path) != backups.backups_folder(other)
    assert [b.articles for b in backups.list_backups(db_path)] == [1]
    assert [b.articles for b in backups.list_backups(other)] == [0]


def test_restore_keeps_the_replaced_file_and_restoring_it_undoes(db, db_path):
    store_article("Before", "Before.")
    backup = backups.backup_now(db_path, now=_at(1))
    store_article("After", "After.")
    connection.close_database()

    kept = backups.restore(db_path, backup, now=_at(2))

    assert kept is not None and kept.name.startswith("replaced-")
    assert _titles(db_path) == ["Before"]
    assert _titles(kept) == ["Before", "After"]
    listed = backups.list_backups(db_path)
    assert [(b.kind, b.articles) for b in listed] == [("replaced", 2), ("backup", 1)]
    assert backups.latest_backup(db_path) == backup  # a replaced file is not a backup

    again = backups.restore(db_path, kept, now=_at(3))  # the undo

    assert _titles(db_path) == ["Before", "After"]
    assert again is not None and _titles(again) == ["Before"]
    connection.open_database(db_path)
    from db import reads

    assert reads.first_article_id() is not None
    assert connection.inspect(db_path) >= 1


def test_a_damaged_backup_is_refused_with_its_name_and_nothing_changes(db, db_path):
    store_article("Kept", "Kept.")
    backup = backups.backup_now(db_path)
    store_article("Current", "Current.")
    connection.close_database()
    _damage(backup)

    with pytest.raises(BackupError, match="damaged") as refused:
        backups.restore(db_path, backup)

    assert str(backup) in str(refused.value)
    assert _titles(db_path) == ["Kept", "Current"]
    assert [b.kind for b in backups.list_backups(db_path)] == ["backup"]  # nothing kept


def test_a_file_that_is_no_marginalia_database_is_refused(db, db_path, tmp_path):
    foreign = tmp_path / "foreign.sqlite3"
    sqlite_file(foreign, user_version=3)
    connection.close_database()

    with pytest.raises(BackupError, match="not a Marginalia database") as refused:
        backups.restore(db_path, foreign)

    assert str(foreign) in str(refused.value)


def test_a_damaged_database_is_not_backed_up_and_the_good_backups_stay(db, db_path):
    store_article("Good", "Good.")
    good = backups.backup_now(db_path, keep=1)
    store_article("Later", "Later.")
    connection.close_database()
    _damage(db_path)

    with pytest.raises(BackupError, match="not backed up") as refused:
        backups.backup_now(db_path, keep=1)

    assert str(db_path) in str(refused.value)
    assert [b.path for b in backups.list_backups(db_path)] == [good]
    assert not [p for p in good.parent.iterdir() if p.name.startswith(".")]


def test_a_backup_restores_over_a_file_that_is_no_database(db, db_path):
    store_article("Saved", "Saved.")
    backup = backups.backup_now(db_path)
    connection.close_database()
    db_path.write_bytes(b"not a database at all" * 100)

    kept = backups.restore(db_path, backup)

    assert _titles(db_path) == ["Saved"] and _quick_check(db_path) == "ok"
    assert kept is not None and kept.read_bytes().startswith(b"not a database")
    assert [b.articles for b in backups.list_backups(db_path)] == [None, 1]


def test_nothing_to_back_up_before_the_database_exists(tmp_path):
    assert backups.backup_now(tmp_path / "missing.sqlite3") is None
    assert backups.latest_backup(tmp_path / "missing.sqlite3") is None
    assert backups.list_backups(tmp_path / "missing.sqlite3") == []


def test_the_bound_database_is_the_one_backed_up(db, db_path):
    assert backups.bound_path() == db_path
