"""``marginalia db copy``: a file into a team database and back, nothing lost.

These tests use both engines at once (a SQLite file and the session's
PostgreSQL database), so they are not run once per engine.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from db import connection, summaries
from db.copy import copy_database, counts, data_tables
from db.reimport import ReviewRow, insert_review_rows
from tests.helpers import store_article, tag


@pytest.fixture
def server(postgres: Any) -> Any:
    """The session's PostgreSQL database, emptied (a new database: default labels only)."""
    if isinstance(postgres, str):
        pytest.skip(f"PostgreSQL: {postgres}")
    postgres.reset()
    return postgres


def _fill(path: Path) -> None:
    """A file holding a row in every table: what a few minutes of annotating leave."""
    from db.annotations import add_alias, add_label, insert_relations, label_by_name
    from db.articles import set_meta
    from db.deal_duplicates import insert as insert_duplicates
    from db.reads import get_annotation
    from db.suggestions import add_rejections, set_currency_hint

    connection.open_database(path)
    try:
        deal = store_article("OpenAI et AWS", "OpenAI signe avec AWS un contrat de 38 milliards "
                             "de dollars. AWS fournira des processeurs à OpenAI.", "fr",
                             source="https://www.lemonde.fr/x",
                             published=dt.date(2025, 11, 3))
        again = store_article("AWS deal", "OpenAI will pay AWS 38 billion dollars, about "
                              "$38bn, from 2026.", "en")
        openai = tag(deal, "OpenAI", "ORG", entity="OpenAI")
        aws = tag(deal, "AWS", "ORG", entity="Amazon Web Services")
        money = tag(deal, "38 milliards de dollars", "MONEY", value=3.8e10, unit="USD",
                    approx=True)
        other = tag(again, "38 billion dollars", "MONEY", value=3.8e10, unit="USD",
                    value_high=4e10)
        tag(again, "OpenAI", "ORG", entity="OpenAI", note="signataire")
        insert_relations([("deal", money, openai), ("deal", aws, money),
                          ("deal", other, openai)])
        insert_duplicates([(other, money)])
        add_alias(aws_entity := get_annotation(aws).entity_id, "AWS")
        assert aws_entity is not None
        mine = add_label("CLOUD", "entity", "#123456")
        add_rejections(again, [(0, 6, mine.id), (28, 33, label_by_name("ORG").id)])
        set_currency_hint(again, "CAD")
        set_meta("seeded", "yes")
        waiting = get_annotation(tag(again, "2026", "DATE"))
        insert_review_rows([ReviewRow(waiting, candidate=(1, 5), confidence=0.5,
                                      found="fuzzy")])
        summaries.refresh()
        tag(deal, "processeurs", "PRODUCT")  # a change the summaries have yet to catch up
    finally:
        connection.close_database()


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every data table of a file, as SQLite stores it."""
    con = sqlite3.connect(path)
    try:
        tables = [name for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' "
            "ESCAPE '~' AND name NOT LIKE 'article~_fts%' ESCAPE '~' ORDER BY name")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in tables}
    finally:
        con.close()


def test_a_file_goes_to_postgresql_and_back_equal_table_by_table(tmp_path, server):
    first, back = tmp_path / "first.sqlite3", tmp_path / "back.sqlite3"
    _fill(first)

    there = copy_database(first, server.url)
    home = copy_database(server.url, back)

    before, after = _dump(first), _dump(back)
    assert set(before) == set(after) == set(there.rows)
    for table in before:
        assert after[table] == before[table], table
    assert there.rows == home.rows
    assert all(there.rows[t] for t in ("article", "annotation", "relation", "deal_duplicate",
                                       "entity_alias", "rejected_suggestion", "meta",
                                       "annotation_review", "summary_dirty", "summary_money"))


def test_the_copy_reads_and_searches_the_same_on_postgresql(tmp_path, server):
    from db import aggregates
    from db.library import article_ids

    first = tmp_path / "first.sqlite3"
    _fill(first)
    copy_database(first, server.url)

    figures = {}
    for where in (str(first), server.url):
        connection.open_database(where)
        try:
            figures[where] = (
                aggregates.money_per_entity(aggregates.Scope.corpus(), "relation"),
                aggregates.mentions_per_label(aggregates.Scope.corpus()),
                article_ids("openai"), article_ids("processeurs"))
        finally:
            connection.close_database()
    assert figures[str(first)] == figures[server.url]


def test_new_ids_on_postgresql_come_after_the_copied_ones(tmp_path, server):
    from db.annotations import insert_relations
    from db.articles import get_article

    first = tmp_path / "first.sqlite3"
    _fill(first)
    copy_database(first, server.url)

    connection.open_database(server.url)
    try:
        fresh = store_article("Nouveau", "Nvidia fournit des GPU.", "fr")
        mention = tag(fresh, "Nvidia", "ORG", entity="Nvidia")
        product = tag(fresh, "GPU", "PRODUCT")
        (relation,) = insert_relations([("supplies", mention, product)])
        assert get_article(fresh) is not None
    finally:
        connection.close_database()
    copied = _dump(first)
    assert fresh > max(row[0] for row in copied["article"])
    assert mention > max(row[0] for row in copied["annotation"])
    assert relation > max(row[0] for row in copied["relation"])


def test_a_target_holding_data_is_refused_and_left_as_it_was(tmp_path, server):
    first = tmp_path / "first.sqlite3"
    _fill(first)
    connection.open_database(server.url)
    try:
        store_article("Déjà là", "Un article de l'équipe.", "fr")
    finally:
        connection.close_database()
    before = counts(server._db, data_tables(server._db))

    with pytest.raises(connection.DatabaseError) as refused:
        copy_database(first, server.url)

    assert "already holds data (1 rows in article)" in str(refused.value)
    assert "has not been changed" in str(refused.value)
    assert counts(server._db, data_tables(server._db)) == before


def test_a_row_the_target_refuses_undoes_the_whole_copy(tmp_path, server):
    first = tmp_path / "first.sqlite3"
    _fill(first)
    con = sqlite3.connect(first)
    con.execute("UPDATE article SET published = 'last spring' WHERE title = 'AWS deal'")
    con.commit()
    con.close()

    with pytest.raises(connection.DatabaseError) as refused:
        copy_database(first, server.url)

    assert "refused a row of article" in str(refused.value)
    assert counts(server._db, ["article", "annotation"]) == {"article": 0, "annotation": 0}


def test_the_command_line_copies_and_says_what(tmp_path, server, capsys):
    from desktop.cli import EXIT_DATABASE, EXIT_OK, main

    first = tmp_path / "first.sqlite3"
    _fill(first)

    assert main(["db", "copy", "--db", str(first), "--to", server.url]) == EXIT_OK
    said = capsys.readouterr().out
    assert main(["db", "copy", "--db", str(first), "--to", server.url]) == EXIT_DATABASE
    refused = capsys.readouterr().err

    assert "every table's count checked" in said and "  annotation: 7" in said
    assert "already holds data" in refused


def test_both_engines_build_the_same_tables_columns_and_indexes(tmp_path, server):
    """The logical schema: what a copy relies on and what every statement reads."""
    from db.copy import open_unbound

    shapes = {}
    for where in (str(tmp_path / "new.sqlite3"), server.url):
        db = open_unbound(where)
        try:
            shapes[where] = {
                table: ([(c.name, c.null, c.primary_key) for c in db.get_columns(table)],
                        sorted((i.name, i.unique) for i in db.get_indexes(table)
                               if not i.name.startswith(("sqlite_autoindex", f"{table}_pkey"))),
                        sorted((fk.column, fk.dest_table) for fk in db.get_foreign_keys(table)))
                for table in data_tables(db)}
        finally:
            db.close()
    sqlite_shape, postgres_shape = shapes.values()
    assert list(sqlite_shape) == list(postgres_shape)
    for table in sqlite_shape:
        assert sqlite_shape[table] == postgres_shape[table], table
