"""Aggregates over a constructed corpus: exact counts and sums, per scope and rule.

The corpus (see :func:`corpus`), sentence by sentence:

* A1, 2025-01-15: "OpenAI signs with AWS a deal of 38 billion dollars." (USD 3.8e10,
  related to OpenAI and, the other way round, from AWS) "Microsoft invests 10 billion
  euros." (EUR 1e10, no relation) "Nvidia sells chips."
* A2, 2025-01-28: "AWS and Amazon Web Services earn between 5 and 7 billion dollars."
  (a USD range, related to both mentions of AWS) "About 2 billion euros go to OpenAI."
  (approximate EUR 2e9, related to OpenAI)
* A3, 2025-02-03: "Nvidia earns 1 billion dollars." (no relation) "OpenAI pays 3 billion
  dollars to Nvidia." (related to Nvidia) "Rumours say OpenAI may add 9 billion
  dollars." (a suggested OpenAI and a suggested USD 9e9 related to Nvidia: ignored)
* A4, no date: "Sam Altman spoke on Monday." "He paid 4 million dollars, a tidy sum,
  to 300 engineers." (USD 4e6 related to Sam Altman; "a tidy sum" is MONEY without a
  value, "300" a QUANTITY: neither is money)
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

import pytest

from db import connection
from db.aggregates import (
    RULE_DESCRIPTIONS,
    EntityMentions,
    MoneySum,
    Scope,
    articles_behind,
    label_distribution,
    mentions_behind,
    mentions_per_entity,
    mentions_per_label,
    money_per_entity,
    per_month,
)
from db.annotations import (
    find_or_create_entity,
    get_annotation,
    insert_annotations,
    insert_relations,
    label_by_name,
)
from db.articles import NewArticle, insert_articles
from db.migrations import SCHEMA_VERSION
from db.models import SUGGESTED, Annotation
from desktop.core.operations import new_annotation
from desktop.core.text import content_hash, sentence_index
from tests.helpers import database_at_schema

BODIES = {
    "A1": ("OpenAI signs with AWS a deal of 38 billion dollars. Microsoft invests 10 billion "
           "euros. Nvidia sells chips.", dt.date(2025, 1, 15)),
    "A2": ("AWS and Amazon Web Services earn between 5 and 7 billion dollars. About 2 billion "
           "euros go to OpenAI.", dt.date(2025, 1, 28)),
    "A3": ("Nvidia earns 1 billion dollars. OpenAI pays 3 billion dollars to Nvidia. Rumours "
           "say OpenAI may add 9 billion dollars.", dt.date(2025, 2, 3)),
    "A4": ("Sam Altman spoke on Monday. He paid 4 million dollars, a tidy sum, to 300 "
           "engineers.", None),
}


@dataclass
class Corpus:
    """Ids of what :func:`corpus` stored, by short name."""

    articles: dict[str, int] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    annotations: dict[str, int] = field(default_factory=dict)
    labels: dict[str, int] = field(default_factory=dict)


@pytest.fixture
def corpus(db) -> Corpus:
    found = Corpus()
    ids = insert_articles([NewArticle(name, body, content_hash(body), "en", published)
                           for name, (body, published) in BODIES.items()])
    found.articles = dict(zip(BODIES, ids, strict=True))
    found.labels = {name: label_by_name(name).id
                    for name in ("ORG", "PERSON", "MONEY", "QUANTITY")}

    def tag(key: str, article: str, text: str, label: str, entity: str | None = None,
            nth: int = 0, **extra: object) -> None:
        body = BODIES[article][0]
        start = -1
        for _ in range(nth + 1):
            start = body.index(text, start + 1)
        if entity is not None:
            extra["entity_id"] = found.entities.setdefault(
                entity, find_or_create_entity(entity, found.labels[label]))
        record = new_annotation(body, found.articles[article], found.labels[label], start,
                                start + len(text), **extra)
        found.annotations[key] = insert_annotations([record])[0]

    tag("a1 openai", "A1", "OpenAI", "ORG", "OpenAI")
    tag("a1 aws", "A1", "AWS", "ORG", "AWS")
    tag("a1 38bn", "A1", "38 billion dollars", "MONEY", value=3.8e10, unit="USD")
    tag("a1 microsoft", "A1", "Microsoft", "ORG", "Microsoft")
    tag("a1 10bn", "A1", "10 billion euros", "MONEY", value=1e10, unit="EUR")
    tag("a1 nvidia", "A1", "Nvidia", "ORG", "Nvidia")
    tag("a2 aws", "A2", "AWS", "ORG", "AWS")
    tag("a2 amazon", "A2", "Amazon Web Services", "ORG", "AWS")
    tag("a2 range", "A2", "between 5 and 7 billion dollars", "MONEY", value=5e9,
        value_high=7e9, unit="USD")
    tag("a2 2bn", "A2", "About 2 billion euros", "MONEY", value=2e9, unit="EUR", approx=True)
    tag("a2 openai", "A2", "OpenAI", "ORG", "OpenAI")
    tag("a3 nvidia", "A3", "Nvidia", "ORG", "Nvidia")
    tag("a3 1bn", "A3", "1 billion dollars", "MONEY", value=1e9, unit="USD")
    tag("a3 openai", "A3", "OpenAI", "ORG", "OpenAI")
    tag("a3 3bn", "A3", "3 billion dollars", "MONEY", value=3e9, unit="USD")
    tag("a3 nvidia 2", "A3", "Nvidia", "ORG", "Nvidia", nth=1)
    tag("a3 openai suggested", "A3", "OpenAI", "ORG", "OpenAI", nth=1, status=SUGGESTED)
    tag("a3 9bn suggested", "A3", "9 billion dollars", "MONEY", value=9e9, unit="USD",
        status=SUGGESTED)
    tag("a4 altman", "A4", "Sam Altman", "PERSON", "Sam Altman")
    tag("a4 4m", "A4", "4 million dollars", "MONEY", value=4e6, unit="USD")
    tag("a4 tidy sum", "A4", "a tidy sum", "MONEY")
    tag("a4 300", "A4", "300", "QUANTITY", value=300.0)
    a = found.annotations
    insert_relations([
        ("deal", a["a1 38bn"], a["a1 openai"]),
        ("deal", a["a1 aws"], a["a1 38bn"]),  # the other direction counts too
        ("deal", a["a2 range"], a["a2 aws"]),
        ("deal", a["a2 range"], a["a2 amazon"]),  # same entity twice: counted once
        ("deal", a["a2 2bn"], a["a2 openai"]),
        ("deal", a["a3 3bn"], a["a3 nvidia 2"]),
        ("deal", a["a3 9bn suggested"], a["a3 nvidia 2"]),
        ("paid", a["a4 4m"], a["a4 altman"]),
    ])
    return found


def _money(result, rows: list[tuple[str, str, float, float, int, int, int]], corpus: Corpus):
    """Compares money rows with ``(entity, currency, total, high, amounts, approx, ranges)``."""
    got = [(corpus_name(corpus, row.entity_id), row.currency, row.money.total, row.money.high,
            row.money.amounts, row.money.approx, row.money.ranges) for row in result.rows]
    assert got == rows


def corpus_name(corpus: Corpus, entity_id: int) -> str:
    return next(name for name, i in corpus.entities.items() if i == entity_id)


# --- mentions ---------------------------------------------------------------

def test_mentions_per_entity_over_the_corpus_count_accepted_mentions_only(corpus):
    rows = mentions_per_entity(Scope.corpus())

    assert [(r.entity, r.label, r.mentions) for r in rows] == [
        ("AWS", "ORG", 3), ("Nvidia", "ORG", 3), ("OpenAI", "ORG", 3),
        ("Microsoft", "ORG", 1), ("Sam Altman", "PERSON", 1),
    ]
    assert rows[0] == EntityMentions(corpus.entities["AWS"], "AWS", "ORG",
                                     label_by_name("ORG").color, 3)


def test_mentions_per_entity_per_scope_label_and_limit(corpus):
    arts = corpus.articles

    one = mentions_per_entity(Scope.article(arts["A3"]))
    some = mentions_per_entity(Scope.articles([arts["A2"], arts["A4"]]))
    people = mentions_per_entity(Scope.corpus(), label_ids=[corpus.labels["PERSON"]])
    top = mentions_per_entity(Scope.corpus(), limit=2)

    assert [(r.entity, r.mentions) for r in one] == [("Nvidia", 2), ("OpenAI", 1)]
    assert [(r.entity, r.mentions) for r in some] == [("AWS", 2), ("OpenAI", 1),
                                                      ("Sam Altman", 1)]
    assert [(r.entity, r.mentions) for r in people] == [("Sam Altman", 1)]
    assert [r.entity for r in top] == ["AWS", "Nvidia"]
    assert len(mentions_per_entity(Scope.corpus(), limit=None)) == 5


def test_a_long_list_of_article_ids_is_one_parameter(corpus):
    ids = [*range(100_000, 140_000), corpus.articles["A1"], corpus.articles["A1"]]

    rows = mentions_per_entity(Scope.articles(ids))

    assert [(r.entity, r.mentions) for r in rows] == [
        ("AWS", 1), ("Microsoft", 1), ("Nvidia", 1), ("OpenAI", 1)]
    assert mentions_per_entity(Scope.articles([])) == []
    usd = money_per_entity(Scope.articles(ids), "sentence", currency="USD")
    assert [(r.entity, r.money.total) for r in usd.rows] == [("AWS", 3.8e10), ("OpenAI", 3.8e10)]
    assert mentions_behind(Scope.articles(ids), currency="USD") == [
        (corpus.annotations["a1 38bn"], corpus.articles["A1"],
         BODIES["A1"][0].index("38 billion"))]


def test_mentions_per_label_and_label_distribution(corpus):
    org, person = label_by_name("ORG"), label_by_name("PERSON")

    per_label = mentions_per_label(Scope.corpus())
    distribution = label_distribution(Scope.corpus())
    in_a4 = label_distribution(Scope.article(corpus.articles["A4"]))

    assert [(r.label, r.color, r.mentions, r.entities) for r in per_label] == [
        ("ORG", org.color, 10, 4), ("PERSON", person.color, 1, 1)]
    assert [(r.label, r.kind, r.count) for r in distribution] == [
        ("ORG", "entity", 10), ("PERSON", "entity", 1), ("MONEY", "amount", 8),
        ("QUANTITY", "amount", 1)]
    assert [(r.label, r.count) for r in in_a4] == [("PERSON", 1), ("MONEY", 2),
                                                   ("QUANTITY", 1)]


# --- money per entity -------------------------------------------------------

def test_money_per_entity_by_relation(corpus):
    result = money_per_entity(Scope.corpus(), "relation")

    assert result.rule == "relation"
    assert result.rule_description == RULE_DESCRIPTIONS["relation"]
    assert result.currency is None
    _money(result, [
        ("OpenAI", "EUR", 2e9, 2e9, 1, 1, 0),
        ("AWS", "USD", 4.3e10, 4.5e10, 2, 0, 1),
        ("OpenAI", "USD", 3.8e10, 3.8e10, 1, 0, 0),
        ("Nvidia", "USD", 3e9, 3e9, 1, 0, 0),
        ("Sam Altman", "USD", 4e6, 4e6, 1, 0, 0),
    ], corpus)


def test_money_per_entity_by_sentence(corpus):
    result = money_per_entity(Scope.corpus(), "sentence")

    assert result.rule == "sentence"
    _money(result, [
        ("Microsoft", "EUR", 1e10, 1e10, 1, 0, 0),
        ("OpenAI", "EUR", 2e9, 2e9, 1, 1, 0),
        ("AWS", "USD", 4.3e10, 4.5e10, 2, 0, 1),
        ("OpenAI", "USD", 4.1e10, 4.1e10, 2, 0, 0),
        ("Nvidia", "USD", 4e9, 4e9, 2, 0, 0),
    ], corpus)


def test_money_per_entity_in_one_currency_per_scope_and_limit(corpus):
    arts = corpus.articles

    usd = money_per_entity(Scope.corpus(), "relation", currency="usd", limit=2)
    a1_relation = money_per_entity(Scope.article(arts["A1"]), "relation")
    a1_sentence = money_per_entity(Scope.article(arts["A1"]), "sentence", currency="EUR")
    some = money_per_entity(Scope.articles([arts["A3"], arts["A4"]]), "sentence")

    assert usd.currency == "USD"
    _money(usd, [("AWS", "USD", 4.3e10, 4.5e10, 2, 0, 1),
                 ("OpenAI", "USD", 3.8e10, 3.8e10, 1, 0, 0)], corpus)
    _money(a1_relation, [("AWS", "USD", 3.8e10, 3.8e10, 1, 0, 0),
                         ("OpenAI", "USD", 3.8e10, 3.8e10, 1, 0, 0)], corpus)
    _money(a1_sentence, [("Microsoft", "EUR", 1e10, 1e10, 1, 0, 0)], corpus)
    _money(some, [("Nvidia", "USD", 4e9, 4e9, 2, 0, 0),
                  ("OpenAI", "USD", 3e9, 3e9, 1, 0, 0)], corpus)
    assert len(money_per_entity(Scope.corpus(), "sentence", limit=None).rows) == 5
    assert len(money_per_entity(Scope.corpus(), "sentence", limit=1).rows) == 2  # per currency


def test_money_per_entity_refuses_an_unknown_rule_or_currency(corpus):
    with pytest.raises(ValueError, match="rule"):
        money_per_entity(Scope.corpus(), "both")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ISO 4217"):
        money_per_entity(Scope.corpus(), "relation", currency="dollars")


def test_accepting_a_suggestion_makes_it_count(corpus):
    from db.annotations import update_annotation

    update_annotation(corpus.annotations["a3 9bn suggested"], status="accepted")

    usd = money_per_entity(Scope.corpus(), "relation", currency="USD")
    assert [(corpus_name(corpus, r.entity_id), r.money.total) for r in usd.rows][2] == (
        "Nvidia", 1.2e10)


# --- per month --------------------------------------------------------------

def test_per_month_counts_mentions_and_sums_money_per_currency(corpus):
    rows = per_month(Scope.corpus())

    assert [(r.month, r.mentions) for r in rows] == [("2025-01", 7), ("2025-02", 3), (None, 1)]
    assert rows[0].money == (MoneySum("EUR", 1.2e10, 1.2e10, 2, 1, 0),
                             MoneySum("USD", 4.3e10, 4.5e10, 2, 0, 1))
    assert rows[1].money == (MoneySum("USD", 4e9, 4e9, 2, 0, 0),)
    assert rows[2].money == (MoneySum("USD", 4e6, 4e6, 1, 0, 0),)
    assert rows[0].money_in("EUR").approx == 1
    assert rows[1].money_in("EUR") is None


def test_per_month_in_one_currency_and_scope(corpus):
    arts = corpus.articles

    eur = per_month(Scope.corpus(), currency="EUR")
    some = per_month(Scope.articles([arts["A2"], arts["A3"]]), currency="USD")

    assert [(r.month, r.mentions, r.money) for r in eur] == [
        ("2025-01", 7, (MoneySum("EUR", 1.2e10, 1.2e10, 2, 1, 0),)),
        ("2025-02", 3, ()),
        (None, 1, ()),
    ]
    assert [(r.month, r.mentions, r.money) for r in some] == [
        ("2025-01", 3, (MoneySum("USD", 5e9, 7e9, 1, 0, 1),)),
        ("2025-02", 3, (MoneySum("USD", 4e9, 4e9, 2, 0, 0),)),
    ]


# --- behind a figure --------------------------------------------------------

def _keys(corpus: Corpus, rows: list[tuple[int, int, int]]) -> list[str]:
    names = {i: key for key, i in corpus.annotations.items()}
    return [names[annotation_id] for annotation_id, _, _ in rows]


def test_mentions_behind_an_entity_label_and_month_bar(corpus):
    scope = Scope.corpus()
    ents, labels = corpus.entities, corpus.labels

    openai = mentions_behind(scope, entity_id=ents["OpenAI"])
    people = mentions_behind(scope, label_id=labels["PERSON"])
    january = mentions_behind(scope, month="2025-01")
    undated = mentions_behind(scope, undated=True)
    money_label = mentions_behind(Scope.article(corpus.articles["A4"]),
                                  label_id=labels["MONEY"])

    assert _keys(corpus, openai) == ["a1 openai", "a2 openai", "a3 openai"]
    a1 = corpus.annotations["a1 openai"]
    assert openai[0] == (a1, corpus.articles["A1"], get_annotation(a1).start)
    assert _keys(corpus, people) == ["a4 altman"]
    assert _keys(corpus, january) == ["a1 openai", "a1 aws", "a1 microsoft", "a1 nvidia",
                                      "a2 aws", "a2 amazon", "a2 openai"]
    assert _keys(corpus, undated) == ["a4 altman"]
    assert _keys(corpus, money_label) == ["a4 4m", "a4 tidy sum"]


def test_mentions_behind_money_figures_follow_the_rule(corpus):
    scope = Scope.corpus()
    openai = corpus.entities["OpenAI"]

    by_relation = mentions_behind(scope, entity_id=openai, currency="USD", rule="relation")
    by_sentence = mentions_behind(scope, entity_id=openai, currency="USD", rule="sentence")
    all_usd_in_january = mentions_behind(scope, month="2025-01", currency="USD")
    february_money = mentions_behind(scope, month="2025-02", rule="sentence",
                                     entity_id=corpus.entities["Nvidia"])

    assert _keys(corpus, by_relation) == ["a1 38bn"]
    assert _keys(corpus, by_sentence) == ["a1 38bn", "a3 3bn"]
    assert _keys(corpus, all_usd_in_january) == ["a1 38bn", "a2 range"]
    assert _keys(corpus, february_money) == ["a3 1bn", "a3 3bn"]
    with pytest.raises(ValueError, match="rule"):
        mentions_behind(scope, entity_id=openai, currency="USD")


def test_articles_behind_are_distinct_and_by_date_undated_last(corpus):
    arts = corpus.articles

    assert articles_behind(Scope.corpus(), entity_id=corpus.entities["OpenAI"]) == [
        arts["A1"], arts["A2"], arts["A3"]]
    assert articles_behind(Scope.corpus(), currency="USD") == [
        arts["A1"], arts["A2"], arts["A3"], arts["A4"]]
    assert articles_behind(Scope.articles([arts["A4"], arts["A2"]]), currency="USD",
                           rule="relation", entity_id=corpus.entities["AWS"]) == [arts["A2"]]


def test_scopes_are_checked():
    with pytest.raises(ValueError):
        Scope("article", [1, 2])
    with pytest.raises(ValueError):
        Scope("corpus", [1])
    with pytest.raises(ValueError):
        Scope("articles")
    with pytest.raises(ValueError):
        Scope("everything")  # type: ignore[arg-type]


# --- the sentence column ----------------------------------------------------

def test_every_stored_annotation_has_its_sentence(corpus):
    a = corpus.annotations
    assert [get_annotation(a[k]).sentence for k in
            ("a1 openai", "a1 38bn", "a1 10bn", "a1 nvidia", "a3 9bn suggested")] == [
        0, 0, 1, 2, 2]


def test_restored_annotations_get_their_sentence(db):
    from desktop.core.import_annotations import AnnotationRestorer
    from desktop.core.import_formats import ParsedArticle

    body = "First one. Then AWS pays 5 dollars."
    [article_id] = insert_articles([NewArticle("T", body, content_hash(body))])
    start = body.index("AWS")
    parsed = ParsedArticle(title="T", body=body, path="x.jsonl", line=1, annotations=[
        {"id": 1, "start": start, "end": start + 3, "label": "ORG", "entity": "AWS"}])
    problems: list = []

    AnnotationRestorer(problems).restore(parsed, article_id)

    stored = Annotation.get(Annotation.article == article_id)
    assert problems == [] and stored.sentence == 1


def _v1_database(path) -> None:
    """A database at schema 1, as Marginalia wrote it before migration 002."""
    database_at_schema(path, 1)
    con = sqlite3.connect(path)
    body = "OpenAI a signé. AWS fournit 38 milliards.\nNvidia aussi."
    con.execute("INSERT INTO article (title, body, language, source, content_hash, "
                "imported_at) VALUES ('t', ?, 'fr', '', 'h', '2025-01-01')", (body,))
    for word in ("OpenAI", "38 milliards", "Nvidia"):
        start = body.index(word)
        con.execute(
            "INSERT INTO annotation (article_id, label_id, start, \"end\", quote, prefix, "
            "suffix, approx, note, author, status, created_at, updated_at) VALUES "
            "(1, 1, ?, ?, ?, '', '', 0, '', '', 'accepted', '2025-01-01', '2025-01-01')",
            (start, start + len(word), word))
    con.commit()
    con.close()


def test_a_version_1_database_is_migrated_and_its_sentences_numbered(db_path):
    _v1_database(db_path)

    connection.open_database(db_path)
    connection.close_database()

    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("SELECT quote, sentence FROM annotation ORDER BY start").fetchall() == [
        ("OpenAI", 0), ("38 milliards", 1), ("Nvidia", 2)]
    indexes = {row[1] for row in con.execute("PRAGMA index_list(annotation)")}
    assert {"annotation_sentence", "annotation_amounts"} <= indexes
    con.close()


def test_sentence_numbers_agree_with_the_text_rule(corpus):
    for key, annotation_id in corpus.annotations.items():
        record = get_annotation(annotation_id)
        body = BODIES[key[:2].upper()][0]
        assert record.sentence == sentence_index(body, record.start), key
