"""What only a PostgreSQL team database does: its connection, its refusals, its set-up.

The behaviour both engines share is tested once per engine by the rest of
tests/db (see tests/conftest.py); these need the server itself.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from db import connection
from db.postgres import display_url, driver_sql


@pytest.fixture
def server(postgres: Any) -> Any:
    if isinstance(postgres, str):
        pytest.skip(f"PostgreSQL: {postgres}")
    postgres.reset()
    return postgres


@pytest.mark.parametrize(("written", "sent"), [
    ("SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = %s AND b = %s"),
    ("SELECT 'what?', \"odd?name\" FROM t WHERE x = ?",
     "SELECT 'what?', \"odd?name\" FROM t WHERE x = %s"),
    ("SELECT 5 % 2, '100%' WHERE y LIKE ?", "SELECT 5 %% 2, '100%%' WHERE y LIKE %s"),
    ('SELECT "t1"."id" FROM "t" AS "t1" WHERE "t1"."id" = %s',
     'SELECT "t1"."id" FROM "t" AS "t1" WHERE "t1"."id" = %s'),  # peewee's own
    ("CREATE FUNCTION f() AS $$ SELECT '?' ~ '(?:a)' $$", "CREATE FUNCTION f() AS $$ SELECT '?' "
     "~ '(?:a)' $$"),
    ("SELECT 1 -- why? \nFROM t WHERE a = ?", "SELECT 1 -- why? \nFROM t WHERE a = %s"),
])
def test_statements_written_for_sqlite_reach_psycopg_with_its_parameters(written, sent):
    assert driver_sql(written) == sent


def test_messages_never_show_the_password():
    assert display_url("postgresql://ann:s3cret@db.example:5432/team") == (
        "postgresql://ann@db.example:5432/team")
    assert display_url("postgresql://db.example/team") == "postgresql://db.example/team"


def test_a_database_opened_read_only_refuses_writes_in_words(server):
    from db.annotations import add_label, labels

    connection.open_database(server.url, read_only=True)
    try:
        assert len(labels()) == 9  # reading works
        assert connection.writes_refused() is not None
        with pytest.raises(connection.DatabaseError) as refused:
            add_label("CLOUD", "entity", "#123456")
    finally:
        connection.close_database()
    assert "read only as asked (--read-only)" in str(refused.value)
    assert "nothing can be saved" in str(refused.value)
    connection.open_database(server.url)
    try:
        assert [label.name for label in labels()][-1] == "DATE"  # nothing was written
    finally:
        connection.close_database()


def test_another_programs_database_is_refused_and_left_as_it_was(server):
    import psycopg

    url = server.new_database("marginalia_foreign")
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE invoices (id integer)")

    with pytest.raises(connection.ForeignDatabaseError) as refused:
        connection.open_database(url)

    assert "not a Marginalia database" in str(refused.value) and "invoices" in str(refused.value)
    with psycopg.connect(url) as con:
        tables = con.execute("SELECT table_name FROM information_schema.tables "
                             "WHERE table_schema = 'public'").fetchall()
    assert tables == [("invoices",)]


def test_a_database_set_up_by_a_newer_version_is_refused(server):
    import psycopg

    from db.schema import SCHEMA_VERSION

    url = server.new_database("marginalia_newer")
    connection.open_database(url)
    connection.close_database()
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("UPDATE marginalia_schema SET version = %s", (SCHEMA_VERSION + 1,))

    with pytest.raises(connection.DatabaseTooNewError) as refused:
        connection.open_database(url)

    assert "newer version of Marginalia" in str(refused.value)


def test_two_users_opening_a_new_database_at_once_set_it_up_once(server):
    from db.postgres import open_server

    url = server.new_database("marginalia_race")
    built, failed = [], []

    def first_open() -> None:
        try:
            db, created = open_server(url, None)
            built.append(created)
            db.close()
        except Exception as exc:  # the test reports it
            failed.append(exc)

    threads = [threading.Thread(target=first_open) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert failed == []
    assert sorted(built) == [False, False, True]


def test_check_says_the_server_checks_its_own_pages(server, capsys):
    from desktop.cli import EXIT_OK, main

    assert main(["check", "--db", server.url]) == EXIT_OK
    said = capsys.readouterr().out
    assert "Marginalia reads it (0 articles, schema up to date)" in said
    assert "does not apply to a PostgreSQL database" in said


def test_an_unreachable_server_is_named_in_words(tmp_path):
    with pytest.raises(connection.DatabaseError) as refused:
        connection.open_database("postgresql://nobody:pw@127.0.0.1:1/none")
    assert str(refused.value).startswith(
        "Cannot connect to the database postgresql://nobody@127.0.0.1:1/none:")
    assert "pw" not in str(refused.value)
