"""``marginalia stats``: the aggregates over the corpus as CSV or JSON, with their rule."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from db import connection
from db.annotations import (
    find_or_create_entity,
    insert_annotations,
    insert_relations,
    label_by_name,
)
from db.articles import NewArticle, insert_articles
from db.models import SUGGESTED
from desktop.cli import EXIT_DATABASE, main
from desktop.core.operations import new_annotation
from desktop.core.text import content_hash

DEAL = "OpenAI signs with AWS a deal of 38 billion dollars. Microsoft invests 2 billion euros."
CHIPS = "Nvidia sells chips for about 5 million dollars. Maybe OpenAI too."


@pytest.fixture
def corpus(db_path: Path) -> Path:
    """Two articles (one undated), money in USD and EUR, one relation, one suggestion."""
    connection.open_database(db_path)
    try:
        deal, chips = insert_articles([
            NewArticle("Deal", DEAL, content_hash(DEAL), "en", dt.date(2025, 11, 3)),
            NewArticle("Chips", CHIPS, content_hash(CHIPS), "en"),
        ])
        ids = {}
        for key, article, body, text, label, extra in [
            ("openai", deal, DEAL, "OpenAI", "ORG", {}),
            ("aws", deal, DEAL, "AWS", "ORG", {}),
            ("38bn", deal, DEAL, "38 billion dollars", "MONEY", {"value": 3.8e10, "unit": "USD"}),
            ("microsoft", deal, DEAL, "Microsoft", "ORG", {}),
            ("2bn", deal, DEAL, "2 billion euros", "MONEY", {"value": 2e9, "unit": "EUR"}),
            ("nvidia", chips, CHIPS, "Nvidia", "ORG", {}),
            ("5m", chips, CHIPS, "about 5 million dollars", "MONEY",
             {"value": 5e6, "unit": "USD", "approx": True}),
            ("openai?", chips, CHIPS, "OpenAI", "ORG", {"status": SUGGESTED}),
        ]:
            label_id = label_by_name(label).id
            if label == "ORG":
                extra["entity_id"] = find_or_create_entity(text, label_id)
            start = body.index(text)
            record = new_annotation(body, article, label_id, start, start + len(text), **extra)
            ids[key] = insert_annotations([record])[0]
        insert_relations([("deal", ids["38bn"], ids["aws"])])
    finally:
        connection.close_database()
    return db_path


def _run(db_path: Path, capsys, *args: str) -> str:
    code = main(["--db", str(db_path), "stats", *args])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_by_entity_csv_has_one_row_per_entity_and_currency_and_the_rule(corpus, capsys):
    rows = _csv(_run(corpus, capsys, "--by", "entity"))

    assert rows[0] == ["entity_id", "entity", "label", "mentions", "currency", "total", "high",
                       "amounts", "approx", "ranges", "rule"]
    assert [row[1:] for row in rows[1:]] == [
        ["AWS", "ORG", "1", "USD", "38000000000", "38000000000", "1", "0", "0", "relation"],
        ["Microsoft", "ORG", "1", "", "", "", "", "", "", "relation"],
        ["Nvidia", "ORG", "1", "", "", "", "", "", "", "relation"],
        ["OpenAI", "ORG", "1", "", "", "", "", "", "", "relation"],
    ]


def test_by_entity_with_the_sentence_rule(corpus, capsys):
    rows = _csv(_run(corpus, capsys, "--by", "entity", "--rule", "sentence"))

    assert [row[1:] for row in rows[1:]] == [
        ["AWS", "ORG", "1", "USD", "38000000000", "38000000000", "1", "0", "0", "sentence"],
        ["Microsoft", "ORG", "1", "EUR", "2000000000", "2000000000", "1", "0", "0", "sentence"],
        ["Nvidia", "ORG", "1", "USD", "5000000", "5000000", "1", "1", "0", "sentence"],
        ["OpenAI", "ORG", "1", "USD", "38000000000", "38000000000", "1", "0", "0", "sentence"],
    ]


def test_by_entity_json_names_the_rule_and_nests_money(corpus, capsys):
    document = json.loads(_run(corpus, capsys, "--by", "entity", "--rule", "sentence",
                               "--currency", "usd", "--format", "json"))

    assert document["rule"] == "sentence"
    assert "same sentence" in document["rule_description"]
    assert document["currency"] == "USD" and document["scope"] == "corpus"
    assert [(row["entity"], row["mentions"], row["money"]) for row in document["rows"]] == [
        ("AWS", 1, [{"currency": "USD", "total": 3.8e10, "high": 3.8e10, "amounts": 1,
                     "approx": 0, "ranges": 0}]),
        ("Microsoft", 1, []),
        ("Nvidia", 1, [{"currency": "USD", "total": 5e6, "high": 5e6, "amounts": 1,
                        "approx": 1, "ranges": 0}]),
        ("OpenAI", 1, [{"currency": "USD", "total": 3.8e10, "high": 3.8e10, "amounts": 1,
                        "approx": 0, "ranges": 0}]),
    ]


def test_by_month_sums_each_currency_apart_and_leaves_undated_last(corpus, capsys):
    rows = _csv(_run(corpus, capsys, "--by", "month"))
    eur = _csv(_run(corpus, capsys, "--by", "month", "--currency", "EUR"))

    assert rows == [
        ["month", "mentions", "currency", "total", "high", "amounts", "approx", "ranges"],
        ["2025-11", "3", "EUR", "2000000000", "2000000000", "1", "0", "0"],
        ["2025-11", "3", "USD", "38000000000", "38000000000", "1", "0", "0"],
        ["", "1", "USD", "5000000", "5000000", "1", "1", "0"],
    ]
    assert eur[1:] == [["2025-11", "3", "EUR", "2000000000", "2000000000", "1", "0", "0"],
                       ["", "1", "", "", "", "", "", ""]]


def test_by_month_json_has_no_rule(corpus, capsys):
    document = json.loads(_run(corpus, capsys, "--by", "month", "--format", "json"))

    assert document["rule"] is None
    assert [(row["month"], row["mentions"], [m["currency"] for m in row["money"]])
            for row in document["rows"]] == [("2025-11", 3, ["EUR", "USD"]), (None, 1, ["USD"])]


def test_by_label(corpus, capsys):
    rows = _csv(_run(corpus, capsys, "--by", "label"))

    assert rows == [["label", "kind", "color", "annotations", "entities"],
                    ["ORG", "entity", label_color("ORG", corpus), "4", "4"],
                    ["MONEY", "amount", label_color("MONEY", corpus), "3", ""]]


def label_color(name: str, db_path: Path) -> str:
    connection.open_database(db_path)
    try:
        return label_by_name(name).color
    finally:
        connection.close_database()


def test_an_empty_database_prints_only_the_header(db_path, capsys):
    assert _run(db_path, capsys, "--by", "entity") == (
        "entity_id,entity,label,mentions,currency,total,high,amounts,approx,ranges,rule\n")


@pytest.mark.parametrize("args", [
    ["--by", "month", "--rule", "sentence"],
    ["--by", "label", "--currency", "USD"],
    ["--by", "entity", "--currency", "dollars"],
    ["--by", "article"],
])
def test_options_that_do_not_fit_are_refused(db_path, capsys, args):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "stats", *args])
    assert exit_info.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_a_database_that_cannot_be_opened_exits_2(tmp_path, capsys):
    assert main(["--db", str(tmp_path), "stats", "--by", "label"]) == EXIT_DATABASE
    assert str(tmp_path) in capsys.readouterr().err


def test_the_rule_choices_match_the_aggregates():
    from db import aggregates
    from desktop import cli

    assert tuple(cli.RULES) == tuple(aggregates.RULES)
