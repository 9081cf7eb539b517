"""``marginalia deals``: one row per deal, the same deal reported twice read as one."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from db import connection
from db.relations import RelationRecord, insert_relations
from desktop.cli import DEAL_COLUMNS, EXIT_DATABASE, main
from tests.helpers import store_article, tag

FRENCH = ("OpenAI signe avec AWS un contrat de plus de 38 milliards de dollars sur sept ans. "
          "Microsoft reste l’hébergeur d’OpenAI.")
ENGLISH = ("OpenAI and AWS signed a deal of more than $38 billion. "
           "Nvidia sells chips for about 5 to 6 million euros over 2 years.")


def _link(amount: int, *parties: int) -> None:
    insert_relations([RelationRecord(None, "deal", amount, party) for party in parties])


@pytest.fixture
def corpus(db_path: Path) -> dict[str, int]:
    """The OpenAI–AWS deal in French and in English, and a range of euros for Nvidia."""
    connection.open_database(db_path)
    try:
        fr = store_article("Contrat", FRENCH, published=dt.date(2025, 11, 4))
        en = store_article("Deal", ENGLISH, "en", published=dt.date(2025, 11, 3))
        fr_money = tag(fr, "plus de 38 milliards de dollars", "MONEY", value=38e9,
                       unit="USD", bound="min")
        tag(fr, "sept ans", "DURATION", value=7, unit="year")
        _link(fr_money, tag(fr, "OpenAI", "ORG", entity="OpenAI"),
              tag(fr, "AWS", "ORG", entity="AWS"))
        en_money = tag(en, "more than $38 billion", "MONEY", value=38e9, unit="USD",
                       bound="min")
        _link(en_money, tag(en, "OpenAI", "ORG", entity="OpenAI"),
              tag(en, "AWS", "ORG", entity="AWS"))
        chips = tag(en, "about 5 to 6 million euros", "MONEY", value=5e6, value_high=6e6,
                    unit="EUR", approx=True)
        tag(en, "2 years", "DURATION", value=2, unit="year")
        _link(chips, tag(en, "Nvidia", "ORG", entity="Nvidia"))
    finally:
        connection.close_database()
    return {"fr": fr, "en": en}


def _run(db_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["--db", str(db_path), "deals", *args])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out


def _span(article: int, body: str, text: str) -> str:
    start = body.index(text)
    return f"{article}:{start}-{start + len(text)}"


def test_csv_has_one_row_per_deal_with_its_sources(corpus, db_path, capsys):
    rows = list(csv.reader(io.StringIO(_run(db_path, capsys))))

    en_deal = _span(corpus["en"], ENGLISH, "more than $38 billion")
    fr_deal = _span(corpus["fr"], FRENCH, "plus de 38 milliards de dollars")
    chips = _span(corpus["en"], ENGLISH, "about 5 to 6 million euros")
    assert rows == [
        list(DEAL_COLUMNS),
        ["AWS; OpenAI", "38000000000", "USD", "38000000000", "38000000000", "false", "min",
         "7 year", "2025-11-03", f"{en_deal}; {fr_deal}", "2", "false"],
        ["Nvidia", "5000000", "EUR", "5000000", "6000000", "true", "", "2 year",
         "2025-11-03", chips, "1", "false"],
    ]


def test_json_lists_the_same_fields_with_sources_as_a_list(corpus, db_path, capsys):
    document = json.loads(_run(db_path, capsys, "--format", "json"))

    assert [list(row) for row in document] == [list(DEAL_COLUMNS)] * 2
    deal = document[0]
    assert (deal["parties"], deal["value"], deal["unit"], deal["approx"], deal["bound"],
            deal["duration"], deal["date"], deal["count"], deal["confirmed"]) == (
        "AWS; OpenAI", 38e9, "USD", False, "min", "7 year", "2025-11-03", 2, False)
    assert [source["article_id"] for source in deal["sources"]] == [corpus["en"], corpus["fr"]]
    start = FRENCH.index("plus de 38")
    assert deal["sources"][1] == {"article_id": corpus["fr"], "start": start,
                                  "end": start + len("plus de 38 milliards de dollars")}
    assert (document[1]["low"], document[1]["high"], document[1]["approx"]) == (5e6, 6e6, True)


def test_reports_the_user_split_are_two_rows(corpus, db_path, capsys):
    from desktop.core.deal_list import list_deals
    from desktop.core.deal_operations import SplitDeal

    connection.open_database(db_path)
    try:
        SplitDeal([d.amount_id for d in list_deals() if d.unit == "USD"]).apply()
    finally:
        connection.close_database()

    rows = list(csv.reader(io.StringIO(_run(db_path, capsys))))

    assert [(row[0], row[8], row[10], row[11]) for row in rows[1:]] == [  # by date
        ("AWS; OpenAI", "2025-11-03", "1", "false"), ("Nvidia", "2025-11-03", "1", "false"),
        ("AWS; OpenAI", "2025-11-04", "1", "false")]


def test_a_deal_counted_once_says_so_in_the_last_column(corpus, db_path, capsys):
    from desktop.core.deal_list import list_deals
    from desktop.core.deal_operations import ConfirmDeal

    proposed = list(csv.reader(io.StringIO(_run(db_path, capsys))))
    connection.open_database(db_path)
    try:
        ConfirmDeal([d.amount_id for d in list_deals() if d.unit == "USD"]).apply()
    finally:
        connection.close_database()

    rows = list(csv.reader(io.StringIO(_run(db_path, capsys))))
    assert rows[0][-1] == "confirmed"
    assert [(row[0], row[-2], row[-1]) for row in rows[1:]] == [
        ("AWS; OpenAI", "2", "true"), ("Nvidia", "1", "false")]
    # Only that column tells a confirmed deal from a proposed one.
    assert [row[:-1] for row in rows] == [row[:-1] for row in proposed]
    assert [row[-1] for row in proposed[1:]] == ["false", "false"]
    document = json.loads(_run(db_path, capsys, "--format", "json"))
    assert [(deal["count"], deal["confirmed"]) for deal in document] == [(2, True), (1, False)]


def test_an_empty_database_prints_only_the_header(db_path, capsys):
    assert _run(db_path, capsys) == ",".join(DEAL_COLUMNS) + "\n"
    assert json.loads(_run(db_path, capsys, "--format", "json")) == []


def test_a_database_that_cannot_be_opened_exits_2(tmp_path, capsys):
    assert main(["--db", str(tmp_path), "deals"]) == EXIT_DATABASE
    assert "marginalia:" in capsys.readouterr().err


def test_the_help_states_the_rule_as_the_readme_does(capsys):
    with pytest.raises(SystemExit):
        main(["deals", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "values within 5 %, dates within 31 days" in shown
