"""The summaries behind the corpus figures give what the statements over the annotations give.

A seeded random corpus (:func:`corpus`) spans several blocks of article ids
(:data:`db.summaries.BUCKET` is 2 here), with mentions with and without an
entity, money in three currencies (ranges, approximate, suggested, without a
currency, a lower-case unit), quantities, relations within and across
articles, dated and undated articles. After each kind of change, every
corpus figure read from the summaries equals the one computed from the
annotations (``db.aggregates._direct``), for both attribution rules, with
and without a currency; then the summaries equal a rebuild from scratch.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from peewee import SQL

from db import aggregates, connection, summaries
from db.aggregates import RULES, Scope
from db.annotations import (
    find_or_create_entity,
    get_annotation,
    insert_relations,
    label_by_name,
    update_label,
)
from db.articles import NewArticle, insert_articles
from db.models import SUGGESTED, Article, Entity, Relation, database
from desktop.core.deal_operations import ConfirmDeal, SplitDeal
from desktop.core.operations import (
    AddAnnotations,
    EditAnnotations,
    LinkAnnotations,
    RemoveAnnotations,
    new_annotation,
)
from desktop.core.text import content_hash
from tests.helpers import database_at_schema

ARTICLES = 9
SENTENCE = "Word word word word word word word word word word word word."  # 60 code points
PER_SENTENCE = 4
CURRENCIES = ("USD", "EUR", "JPY")


@dataclass
class Built:
    """What :func:`corpus` stored."""

    articles: list[int]
    bodies: dict[int, str]
    entities: list[int]
    mentions: list[int]
    amounts: list[int]
    labels: dict[str, int]


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    """Two article ids a block, so that a few articles fill several blocks."""
    monkeypatch.setattr(summaries, "BUCKET", 2)


@pytest.fixture
def corpus(db) -> Built:
    rng = random.Random(4)
    labels = {name: label_by_name(name).id for name in ("ORG", "PERSON", "MONEY", "QUANTITY")}
    bodies = [" ".join([SENTENCE] * PER_SENTENCE) + f" {i}" for i in range(ARTICLES)]
    dates = [None, dt.date(2024, 11, 3), dt.date(2024, 11, 28), dt.date(2025, 1, 9)]
    ids = insert_articles([NewArticle(f"A{i}", body, content_hash(body), "en", dates[i % 4])
                           for i, body in enumerate(bodies)])
    entities = [find_or_create_entity(f"E{i}", labels["ORG" if i % 3 else "PERSON"])
                for i in range(6)]
    built = Built(ids, dict(zip(ids, bodies, strict=True)), entities, [], [], labels)
    for article_id in ids:
        records = []
        for sentence in range(PER_SENTENCE):
            for slot in range(6):
                start = sentence * (len(SENTENCE) + 1) + slot * 5
                extra = _random_annotation(rng, labels, entities)
                records.append(new_annotation(bodies[ids.index(article_id)], article_id,
                                              start=start, end=start + 4, **extra))
        stored = AddAnnotations(records)
        stored.apply()
        for record, annotation_id in zip(records, stored.ids, strict=True):
            kind = built.amounts if record.label_id == labels["MONEY"] else built.mentions
            kind.append(annotation_id)
    pairs = {(rng.choice(built.amounts), rng.choice(built.mentions)) for _ in range(40)}
    insert_relations([("deal", *pair) if rng.random() < 0.7 else ("deal", *reversed(pair))
                      for pair in sorted(pairs)])
    summaries.refresh()
    return built


def _random_annotation(rng: random.Random, labels: dict[str, int],
                       entities: list[int]) -> dict[str, object]:
    roll = rng.random()
    status = SUGGESTED if rng.random() < 0.1 else "accepted"
    if roll < 0.45:
        entity = rng.choice(entities) if rng.random() < 0.85 else None
        label = labels["ORG"] if rng.random() < 0.8 else labels["PERSON"]
        return {"label_id": label, "entity_id": entity, "status": status}
    if roll < 0.85:
        value = round(rng.uniform(1, 1000), 3) * 10 ** rng.randrange(0, 10)
        high = value * rng.uniform(1, 3) if rng.random() < 0.2 else None
        unit = rng.choice([*CURRENCIES, *CURRENCIES, "usd", None])
        return {"label_id": labels["MONEY"], "value": value if rng.random() < 0.95 else None,
                "value_high": high, "unit": unit, "approx": rng.random() < 0.2,
                "status": status,
                "entity_id": rng.choice(entities) if rng.random() < 0.1 else None}
    return {"label_id": labels["QUANTITY"], "value": float(rng.randrange(1, 500)),
            "unit": "km", "status": status}


# --- comparing ------------------------------------------------------------------

def _figures() -> list[tuple[str, object]]:
    """Every corpus figure the plots and ``stats`` read, named."""
    scope = Scope.corpus()
    figures: list[tuple[str, object]] = [
        ("mentions per entity", aggregates.mentions_per_entity(scope, limit=None)),
        ("top 3 entities", aggregates.mentions_per_entity(scope, limit=3)),
        ("persons", aggregates.mentions_per_entity(
            scope, label_ids=[label_by_name("PERSON").id], limit=None)),
        ("mentions per label", aggregates.mentions_per_label(scope)),
        ("label distribution", aggregates.label_distribution(scope)),
        ("per month", aggregates.per_month(scope)),
        ("per month, EUR", aggregates.per_month(scope, "EUR")),
    ]
    for rule in RULES:
        for currency in (None, *CURRENCIES):
            figures.append((f"money {rule} {currency}",
                            aggregates.money_per_entity(scope, rule, currency, limit=None)))
        figures.append((f"money {rule} top 2", aggregates.money_per_entity(scope, rule, limit=2)))
    return figures


def _same(got: object, want: object) -> bool:
    """Equal, with floats equal to 1e-12 relative (the order of additions differs)."""
    if dataclasses.is_dataclass(got) and not isinstance(got, type):
        return type(got) is type(want) and _same(dataclasses.astuple(got),
                                                 dataclasses.astuple(want))  # type: ignore[arg-type]
    if isinstance(got, list | tuple):
        return (isinstance(want, list | tuple) and len(got) == len(want)
                and all(_same(g, w) for g, w in zip(got, want, strict=True)))
    if isinstance(got, float) or isinstance(want, float):
        return (type(got) is type(want)
                and math.isclose(got, want, rel_tol=1e-12))  # type: ignore[arg-type]
    return type(got) is type(want) and got == want


def assert_summaries_agree() -> None:
    """The summarised figures equal the direct ones, and the tables equal a rebuild."""
    summarised = _figures()
    with aggregates._direct():
        direct = _figures()
    for (name, got), (_, want) in zip(summarised, direct, strict=True):
        assert _same(got, want), f"{name}:\n  summaries {got}\n  direct    {want}"
    assert summaries.dirty_count() == 0
    kept = _tables()
    summaries.rebuild()
    rebuilt = _tables()
    for name, rows in kept.items():
        assert _same(rows, rebuilt[name]), f"{name} differs from a rebuild"


def _tables() -> dict[str, list[tuple[object, ...]]]:
    tables = {}
    for family in summaries.FAMILIES:
        for level in ("_article", "_bucket", ""):
            name = family.table + level
            tables[name] = sorted(tuple(row) for row in database.execute_sql(
                f"SELECT * FROM {name}").fetchall())
    return tables


def test_the_corpus_has_what_the_comparisons_need(corpus):
    scope = Scope.corpus()
    money = {rule: aggregates.money_per_entity(scope, rule, limit=None).rows for rule in RULES}
    months = aggregates.per_month(scope)

    assert {row.currency for row in money["relation"]} == set(CURRENCIES)
    assert len(money["sentence"]) > len(money["relation"]) >= 6
    assert any(row.money.ranges and row.money.approx for row in money["sentence"])
    assert [m.month for m in months] == ["2024-11", "2025-01", None]
    assert len(database.execute_sql("SELECT DISTINCT bucket FROM summary_money_article")
               .fetchall()) >= 4
    assert_summaries_agree()


# --- changes ----------------------------------------------------------------------

Undo = Callable[[], object] | None


def _add_mention_and_money(built: Built) -> Undo:
    article = built.articles[3]
    body = built.bodies[article]
    operation = AddAnnotations([
        new_annotation(body, article, built.labels["ORG"], 1, 3, entity_id=built.entities[2]),
        new_annotation(body, article, built.labels["MONEY"], 6, 9, value=12.5, unit="EUR")])
    operation.apply()
    return operation.revert


def _remove_linked_amount(built: Built) -> Undo:
    linked = database.execute_sql("SELECT source_id FROM relation ORDER BY id").fetchone()[0]
    operation = RemoveAnnotations([linked, built.mentions[7]])
    operation.apply()
    return operation.revert


def _edit(field: str, value: Callable[[Built], object], which: str = "amounts") -> Callable:
    """Edits ``field`` of a linked, accepted, counted annotation of kind ``which``."""
    def change(built: Built) -> Undo:
        linked = {row[0] for row in database.execute_sql(
            "SELECT source_id FROM relation UNION SELECT target_id FROM relation").fetchall()}
        new = value(built)
        target = next(i for i in getattr(built, which) if i in linked
                      and (record := get_annotation(i)).status == "accepted"
                      and (record.unit in CURRENCIES or which == "mentions")
                      and getattr(record, field) != new)
        operation = EditAnnotations([target], {field: new})
        operation.apply()
        return operation.revert
    return change


def _link_and_unlink(built: Built) -> Undo:
    unlinked = database.execute_sql(
        "SELECT id FROM annotation WHERE value IS NOT NULL AND unit = 'USD' AND id NOT IN "
        "(SELECT source_id FROM relation UNION SELECT target_id FROM relation)").fetchone()[0]
    operation = LinkAnnotations([(unlinked, built.mentions[0]), (built.mentions[-1], unlinked)])
    operation.apply()
    return operation.revert


def _link_across_articles(built: Built) -> Undo:
    amount = next(i for i in built.amounts if get_annotation(i).article_id == built.articles[0])
    mention = next(i for i in built.mentions
                   if get_annotation(i).article_id == built.articles[-1]
                   and get_annotation(i).entity_id is not None)
    LinkAnnotations([(amount, mention)]).apply()
    assert_summaries_agree()
    # The mention's entity changes: the amount, in another article, moves with it.
    operation = EditAnnotations([mention], {"entity_id": built.entities[5]})
    operation.apply()
    return operation.revert


def _label_kind(built: Built) -> Undo:
    update_label(built.labels["QUANTITY"], kind="entity")
    assert_summaries_agree()
    update_label(built.labels["MONEY"], kind="entity")
    return lambda: (update_label(built.labels["MONEY"], kind="amount"),
                    update_label(built.labels["QUANTITY"], kind="amount"))


def _delete_article(built: Built) -> Undo:
    Article.delete_by_id(built.articles[2])
    return None


def _redate_article(built: Built) -> Undo:
    Article.update(published=dt.date(2023, 5, 1)).where(Article.id == built.articles[1]).execute()
    Article.update(published=None).where(Article.id == built.articles[2]).execute()
    return None


def _delete_entity(built: Built) -> Undo:
    Entity.delete_by_id(built.entities[1])  # its mentions lose their entity (SET NULL)
    return None


def _delete_relations(built: Built) -> Undo:
    Relation.delete().where(SQL("id % 2 = 0")).execute()  # peewee's % is LIKE
    return None


def _linked_amounts_of_two_articles(built: Built) -> list[int]:
    """Two counted money amounts, linked to mentions, in two articles."""
    linked = {row[0] for row in database.execute_sql(
        "SELECT source_id FROM relation UNION SELECT target_id FROM relation").fetchall()}
    found: dict[int, int] = {}
    for i in built.amounts:
        record = get_annotation(i)
        if (i in linked and record.status == "accepted" and record.unit in CURRENCIES
                and record.value is not None):
            found.setdefault(record.article_id, i)
    return list(found.values())[:2]


def _confirm_deal(built: Built) -> Undo:
    operation = ConfirmDeal(_linked_amounts_of_two_articles(built))
    operation.apply()
    return operation.revert


def _split_deal(built: Built) -> Undo:
    amounts = _linked_amounts_of_two_articles(built)
    ConfirmDeal(amounts).apply()
    assert_summaries_agree()
    operation = SplitDeal(amounts)
    operation.apply()
    return operation.revert


CHANGES = {
    "add": _add_mention_and_money,
    "remove": _remove_linked_amount,
    "edit value": _edit("value", lambda b: 7.25e9),
    "edit high value": _edit("value_high", lambda b: 9.5e12),
    "edit unit": _edit("unit", lambda b: "JPY"),
    "edit unit to none": _edit("unit", lambda b: None),
    "edit approx": _edit("approx", lambda b: True),
    "edit status": _edit("status", lambda b: SUGGESTED),
    "edit amount entity": _edit("entity_id", lambda b: b.entities[4]),
    "edit mention entity": _edit("entity_id", lambda b: b.entities[3], "mentions"),
    "edit mention to no entity": _edit("entity_id", lambda b: None, "mentions"),
    "edit label": _edit("label_id", lambda b: b.labels["QUANTITY"]),
    "edit mention label": _edit("label_id", lambda b: b.labels["PERSON"], "mentions"),
    "link": _link_and_unlink,
    "link across articles": _link_across_articles,
    "label kind": _label_kind,
    "delete article": _delete_article,
    "redate articles": _redate_article,
    "delete entity": _delete_entity,
    "delete relations": _delete_relations,
    "confirm a deal": _confirm_deal,
    "split it again": _split_deal,
}


@pytest.mark.parametrize("change", CHANGES)
def test_after_each_change_and_its_undo_the_summaries_agree(corpus, change):
    undo = CHANGES[change](corpus)

    assert summaries.dirty_count() > 0
    assert_summaries_agree()
    if undo is not None:
        undo()
        assert_summaries_agree()


def test_a_note_or_a_colour_marks_nothing(corpus):
    EditAnnotations([corpus.amounts[0]], {"note": "checked"}).apply()
    update_label(corpus.labels["MONEY"], color="#123456")
    Article.update(title="Renamed").where(Article.id == corpus.articles[0]).execute()

    assert summaries.dirty_count() == 0


def test_many_dirty_articles_are_done_in_batches(corpus):
    database.execute_sql("UPDATE annotation SET value = value * 2 WHERE value IS NOT NULL")
    assert summaries.dirty_count() == ARTICLES

    done = summaries.refresh(batch=2)

    assert done == ARTICLES and summaries.dirty_count() == 0
    assert_summaries_agree()


def test_figures_read_inside_a_transaction_see_its_changes(corpus):
    with database.atomic():
        _add_mention_and_money(corpus)
        assert_summaries_agree()


def test_refreshing_on_another_thread_while_this_one_writes(corpus):
    errors: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        try:
            while not stop.is_set():
                aggregates.money_per_entity(Scope.corpus(), "sentence")
                aggregates.per_month(Scope.corpus())
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)
        finally:
            database.close()

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i, amount in enumerate(corpus.amounts[:30]):
            EditAnnotations([amount], {"value": 1000.0 + i}).apply()
    finally:
        stop.set()
        reader.join()

    assert errors == []
    assert_summaries_agree()


def test_ties_at_the_limit_rank_as_from_the_annotations(db):
    body = "A, B, C and D share. " * 2
    [article] = insert_articles([NewArticle("Ties", body, content_hash(body), "en")])
    org, money = label_by_name("ORG").id, label_by_name("MONEY").id
    mentions, amounts = [], []
    for i, name in enumerate("DCBA"):
        entity = find_or_create_entity(name, org)
        mentions.append(new_annotation(body, article, org, i * 3, i * 3 + 1, entity_id=entity))
        amounts.append(new_annotation(body, article, money, 22 + i, 23 + i, value=5.0,
                                      unit="USD"))
    amounts.append(new_annotation(body, article, money, 30, 31, value=7.0, unit="USD"))
    stored = AddAnnotations(mentions + amounts)
    stored.apply()
    ids = stored.ids
    LinkAnnotations([(ids[4 + i], ids[i]) for i in range(4)] + [(ids[8], ids[0])]).apply()

    for limit in (0, 1, 2, 3, None):
        got = aggregates.money_per_entity(Scope.corpus(), "relation", limit=limit)
        with aggregates._direct():
            want = aggregates.money_per_entity(Scope.corpus(), "relation", limit=limit)
        assert got == want
    top = aggregates.money_per_entity(Scope.corpus(), "relation", limit=3)
    assert [(r.entity, r.money.total) for r in top.rows] == [("D", 12.0), ("A", 5.0),
                                                             ("B", 5.0)]


# --- migration ------------------------------------------------------------------

def _v3_database(path) -> None:
    """A database at schema 3 with annotations and relations, written before migration 004."""
    database_at_schema(path, 3)
    con = sqlite3.connect(path)
    labels = dict(con.execute("SELECT name, id FROM label"))
    con.executemany("INSERT INTO article (id, title, body, language, published, source, "
                    "content_hash, imported_at) VALUES (?, 't', 'body', 'en', ?, '', ?, "
                    "'2025-01-01')", [(1, "2025-03-02", "h1"), (2, None, "h2"),
                                      (3, "2025-04-30", "h3")])
    con.executemany("INSERT INTO entity (id, name, label_id) VALUES (?, ?, ?)",
                    [(1, "OpenAI", labels["ORG"]), (2, "AWS", labels["ORG"])])
    rows = [  # id, article, label, entity, value, high, unit, approx, status, sentence
        (1, 1, "ORG", 1, None, None, None, 0, "accepted", 0),
        (2, 1, "MONEY", None, 3.8e10, None, "USD", 0, "accepted", 0),
        (3, 1, "ORG", 2, None, None, None, 0, "accepted", 0),
        (4, 2, "MONEY", None, 5e9, 7e9, "USD", 1, "accepted", 2),
        (5, 2, "ORG", 2, None, None, None, 0, "accepted", 2),
        (6, 3, "MONEY", None, 1e9, None, "EUR", 0, "accepted", 1),
        (7, 3, "ORG", 1, None, None, None, 0, "suggested", 1),
        (8, 3, "ORG", None, None, None, None, 0, "accepted", 1),
    ]
    con.executemany(
        "INSERT INTO annotation (id, article_id, label_id, start, \"end\", quote, prefix, "
        "suffix, entity_id, value, value_high, unit, approx, note, author, status, "
        "created_at, updated_at, sentence) VALUES (?, ?, ?, 0, 1, 'x', '', '', ?, ?, ?, ?, "
        "?, '', '', ?, '2025-01-01', '2025-01-01', ?)",
        [(i, art, labels[label], *rest) for i, art, label, *rest in rows])
    con.executemany("INSERT INTO relation (kind, source_id, target_id, created_at) "
                    "VALUES ('deal', ?, ?, '2025-01-01')", [(2, 1), (5, 4), (6, 7)])
    con.commit()
    con.close()


def test_a_version_3_database_gets_its_summaries(db_path):
    _v3_database(db_path)

    connection.open_database(db_path)
    try:
        assert summaries.dirty_count() == 0
        relation = aggregates.money_per_entity(Scope.corpus(), "relation")
        assert [(r.entity, r.currency, r.money.total, r.money.high, r.money.ranges)
                for r in relation.rows] == [("OpenAI", "USD", 3.8e10, 3.8e10, 0),
                                            ("AWS", "USD", 5e9, 7e9, 1)]
        assert [(m.month, m.mentions) for m in aggregates.per_month(Scope.corpus())] == [
            ("2025-03", 2), ("2025-04", 1), (None, 1)]
        assert_summaries_agree()
    finally:
        connection.close_database()

