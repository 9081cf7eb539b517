"""The change log: each app process's writes, for the others to follow (db.change_log).

Run on both engines (tests/db): on SQLite each app connection logs through its
own temporary triggers, on PostgreSQL through the schema's triggers. "Another
process" is a real one, started with the test's interpreter.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from db import change_log, connection
from db.change_log import ORIGIN
from db.schema import SCHEMA_VERSION
from tests.helpers import store_article, tag

ROOT = Path(__file__).resolve().parents[2]

# Tags the first word of an article as ORG, as a user of another window would;
# prints that process's origin and the annotation's id.
ANOTHER_WINDOW = textwrap.dedent("""
    import sys
    from db import change_log, connection
    from db.annotations import label_by_name
    from db.reads import get_article
    from desktop.core.operations import AddAnnotations, new_annotation

    connection.open_database(sys.argv[1])
    article = get_article(int(sys.argv[2]))
    label = label_by_name("ORG")
    step = AddAnnotations([new_annotation(article.body, article.id, label.id, 0, 6,
                                          author="Bob")])
    step.apply()
    print(change_log.ORIGIN, step.ids[0])
    connection.close_database()
""")


def another_window(db_url: str, article_id: int) -> tuple[str, int]:
    done = subprocess.run([sys.executable, "-c", ANOTHER_WINDOW, db_url, str(article_id)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    origin, annotation_id = done.stdout.split()
    return origin, int(annotation_id)


def logged(after: int) -> list[tuple[str, str, str]]:
    """(origin, kind, action) of every row after ``after``, this process's included."""
    from db.models import database

    return [tuple(row) for row in database.execute_sql(
        "SELECT origin, kind, action FROM change_log WHERE id > ? ORDER BY id", (after,))]


def test_every_kind_of_write_is_logged_under_this_process(db, article_id):
    from desktop.core.operations import (
        AddLabel,
        EditAnnotations,
        LinkAnnotations,
        RejectSuggestions,
        RemoveAnnotations,
    )

    start = change_log.latest_id()
    openai = tag(article_id, "OpenAI", "ORG")
    money = tag(article_id, "38\u00a0milliards de dollars", "MONEY", value=3.8e10, unit="USD")
    EditAnnotations([openai], {"note": "signataire"}).apply()
    EditAnnotations([openai], entity="OpenAI Inc.").apply()  # a new entity, an alias
    LinkAnnotations([(money, openai)], author="Alice").apply()
    RejectSuggestions(article_id, [(0, 6, 1)], author="Alice").apply()
    AddLabel("CLOUD", "entity", "#123456").apply()
    store_article("Autre", "Nvidia fournit des GPU.", "fr")
    RemoveAnnotations([money]).apply()

    rows = logged(start)
    assert {origin for origin, _, _ in rows} == {ORIGIN}
    assert {(kind, action) for _, kind, action in rows} >= {
        ("annotation", "insert"), ("annotation", "update"), ("annotation", "delete"),
        ("entity", "insert"), ("relation", "insert"), ("relation", "delete"),
        ("suggestion", "insert"), ("label", "insert"), ("article", "insert")}
    assert change_log.since(start) == []  # this process's own rows are not read back
    assert change_log.read_since(start) == ([], change_log.latest_id())


def test_the_authors_of_links_and_refusals_are_stored(db, article_id):
    from db.models import database
    from desktop.core.operations import LinkAnnotations, RejectSuggestions

    openai = tag(article_id, "OpenAI", "ORG")
    money = tag(article_id, "38\u00a0milliards de dollars", "MONEY", value=3.8e10, unit="USD")
    link = LinkAnnotations([(money, openai)], author="Alice")
    link.apply()
    RejectSuggestions(article_id, [(0, 6, 1)], author="Bob").apply()

    assert database.execute_sql("SELECT author FROM relation").fetchall() == [("Alice",)]
    assert database.execute_sql("SELECT author FROM rejected_suggestion").fetchall() == \
        [("Bob",)]
    link.revert()
    link.apply()  # redo: the same link, by the same author
    assert database.execute_sql("SELECT author FROM relation").fetchall() == [("Alice",)]


def test_another_process_writes_are_read_in_order(db, db_url, article_id):
    start = change_log.latest_id()
    version = change_log.data_version()

    origin, annotation_id = another_window(db_url, article_id)

    rows = change_log.since(start)
    assert origin != ORIGIN
    assert {row.origin for row in rows} == {origin}
    assert [row.id for row in rows] == sorted(row.id for row in rows)
    inserted = [row for row in rows if row.kind == "annotation"]
    assert [(r.action, r.row_id, r.article_id) for r in inserted] == \
        [("insert", annotation_id, article_id)]
    assert any(row.kind == "entity" and row.action == "insert" for row in rows)
    assert change_log.data_version() != version
    assert change_log.read_since(start) == (rows, change_log.latest_id())
    assert change_log.since(rows[-1].id) == []


@pytest.mark.sqlite_only
def test_this_process_own_writes_leave_the_file_version_alone(db, article_id):
    version = change_log.data_version()
    tag(article_id, "OpenAI", "ORG")
    assert change_log.data_version() == version  # nothing to read: nothing read


def test_writes_from_another_thread_of_this_process_are_its_own(db, article_id):
    start = change_log.latest_id()

    def write() -> None:
        tag(article_id, "AWS", "ORG")
        connection.close_thread_connection()

    worker = threading.Thread(target=write)
    worker.start()
    worker.join()

    assert change_log.since(start) == []
    assert ("annotation", "insert") in {(kind, action) for _, kind, action in logged(start)}


@pytest.mark.sqlite_only
def test_another_program_on_the_file_is_not_logged(db, db_path, article_id):
    """Documented: only the app's connections log their writes (the sqlite3 shell does not)."""
    import sqlite3

    start = change_log.latest_id()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE article SET title = 'Renamed' WHERE id = ?", (article_id,))
    con.commit()
    con.close()

    assert change_log.since(start) == []


@pytest.mark.postgres_only  # a file's log is written by the app's own connections only
def test_another_program_on_a_server_is_logged_as_such(db, db_url, article_id):
    import psycopg

    start = change_log.latest_id()
    with psycopg.connect(db_url, autocommit=True) as con:
        con.execute("UPDATE article SET title = 'Renamed' WHERE id = %s", (article_id,))

    assert [(r.origin, r.kind, r.action, r.row_id) for r in change_log.since(start)] == \
        [(change_log.OTHER_PROGRAM, "article", "update", article_id)]


def test_a_reader_knows_when_rows_after_its_place_are_gone(db, article_id):
    from db.models import database

    for word in ("OpenAI", "AWS", "Nvidia"):
        tag(article_id, word, "ORG")
    low, high = database.execute_sql("SELECT MIN(id), MAX(id) FROM change_log").fetchone()
    assert not change_log.lost(0) and not change_log.lost(low) and not change_log.lost(high)

    assert change_log.lost(high + 5)  # the log went back: a backup of it restored
    with database.atomic():  # pruned past a reader that stopped at the first row
        database.execute_sql("DELETE FROM change_log WHERE id < ?", (high,))
    assert change_log.lost(low) and not change_log.lost(high - 1)
    with database.atomic():
        database.execute_sql("DELETE FROM change_log")
    assert change_log.lost(high) and not change_log.lost(0)


def test_old_rows_are_pruned_when_the_database_is_opened(db, db_url, article_id):
    from db.models import database

    tag(article_id, "OpenAI", "ORG")
    old = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=2)
    with database.atomic():  # what was logged so far was logged two days ago
        database.execute_sql("UPDATE change_log SET at = ?", (old.isoformat(sep=" "),))
    aged = change_log.latest_id()
    tag(article_id, "AWS", "ORG")
    kept = change_log.latest_id()
    connection.close_database()
    if hasattr(db, "close_all"):
        db.close_all()

    reopened = connection.open_database(db_url)
    try:
        ids = [row[0] for row in reopened.execute_sql("SELECT id FROM change_log ORDER BY id")]
        assert ids and min(ids) > aged and max(ids) == kept
        tag(article_id, "Nvidia", "ORG")
        assert change_log.latest_id() > kept  # ids go on from there
    finally:
        connection.close_database()
        if hasattr(reopened, "close_all"):
            reopened.close_all()


@pytest.mark.postgres_only  # a file is watched through its version number
def test_a_listener_wakes_for_other_processes_only(db, db_url, article_id):
    try:
        assert not change_log.wait_for_notice(db_url, 0.2)  # now listening
        tag(article_id, "OpenAI", "ORG")  # this process's own write
        assert not change_log.wait_for_notice(db_url, 0.5)

        another_window(db_url, article_id)  # notified while not waiting: kept until asked

        assert change_log.wait_for_notice(db_url, 10)
    finally:
        change_log.stop_waiting()


@pytest.mark.sqlite_only
def test_a_database_of_schema_9_gets_the_log_and_the_authors(tmp_path):
    import sqlite3

    from tests.helpers import database_at_schema

    path = tmp_path / "old.sqlite3"
    database_at_schema(path, 9)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO article (id, title, body, language, source, content_hash, "
                "imported_at) VALUES (1, 'T', 'OpenAI et AWS', 'fr', '', 'h', '2025-01-01')")
    for annotation_id, start, end in ((1, 0, 6), (2, 10, 13)):
        con.execute("INSERT INTO annotation (id, article_id, label_id, start, \"end\", quote, "
                    "prefix, suffix, approx, note, author, status, created_at, updated_at) "
                    "VALUES (?, 1, 1, ?, ?, 'x', '', '', 0, '', 'Ann', 'accepted', "
                    "'2025-01-01', '2025-01-01')", (annotation_id, start, end))
    con.execute("INSERT INTO relation (kind, source_id, target_id, created_at) "
                "VALUES ('deal', 1, 2, '2025-01-01')")
    con.commit()
    con.close()

    connection.open_database(path)
    try:
        from db.models import database
        from db.relations import relations_touching

        assert [r.author for r in relations_touching([1])] == [""]
        start = change_log.latest_id()
        tag(1, "AWS", "ORG")
        assert ("annotation", "insert") in {(k, a) for _, k, a in logged(start)}
        assert database.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        connection.close_database()


@pytest.mark.sqlite_only
def test_a_copy_writes_the_log_it_copies_and_nothing_more(db, db_path, article_id, tmp_path):
    import sqlite3

    from db.copy import copy_database

    tag(article_id, "OpenAI", "ORG")
    connection.close_database()
    target = tmp_path / "copy.sqlite3"

    copy_database(db_path, target)

    read = "SELECT * FROM change_log ORDER BY id"
    source, copied = sqlite3.connect(db_path), sqlite3.connect(target)
    try:
        assert copied.execute(read).fetchall() == source.execute(read).fetchall()
    finally:
        source.close()
        copied.close()
