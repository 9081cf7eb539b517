"""CSV files a spreadsheet opens never run a cell as a formula; numbers stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from db import annotations as store
from db import connection
from db.relations import RelationRecord, insert_relations
from desktop.cli import main
from desktop.core.exporters import FORMULA_STARTS, csv_cell, csv_text, export_csv
from tests.helpers import store_article, tag

BODY = "=cmd a vendu -5 millions de +Widgets à @acme\tet \rautres."


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    assert start in FORMULA_STARTS
    assert csv_text(f"{start}SUM(A1)") == f"'{start}SUM(A1)"
    assert csv_cell(f"{start}SUM(A1)") == f"'{start}SUM(A1)"


def test_plain_text_and_numbers_are_left_as_they_are():
    assert csv_text("OpenAI") == "OpenAI" and csv_text("") == ""
    assert csv_text(" =1") == " =1"  # a leading space makes it text for spreadsheets
    assert csv_cell(-5) == -5 and csv_cell(-2.5) == -2.5 and csv_cell(None) is None


def test_every_text_column_of_the_annotations_csv_is_neutralised(db, tmp_path):
    article = store_article("=1+1", BODY, source="\tsource")
    store.add_label("@Label", "entity", "#123456")
    store.add_label("-Amount", "amount", "#654321")
    cmd = tag(article, "=cmd", "@Label", entity="+Entity", note="\rnote")
    money = tag(article, "-5 millions", "-Amount", value=-5e6, value_high=-4e6, unit="+EUR")
    insert_relations([RelationRecord(None, "=kind", money, cmd)])
    path = tmp_path / "export.csv"

    export_csv(path)

    with path.open(encoding="utf-8-sig", newline="") as handle:
        first, second = csv.DictReader(handle)
    assert (first["article_title"], first["source"], first["text"], first["label"],
            first["entity"], first["note"], first["links"]) == (
        "'=1+1", "'\tsource", "'=cmd", "'@Label", "'+Entity", "'\rnote", f"'=kind:{money}")
    assert (second["text"], second["label"], second["unit"], second["links"]) == (
        "'-5 millions", "'-Amount", "'+EUR", f"'=kind:{cmd}")
    assert (second["value"], second["value_high"]) == ("-5000000", "-4000000")  # numbers


@pytest.fixture
def corpus(db_path: Path) -> Path:
    """A database whose entity and label names look like formulas."""
    connection.open_database(db_path)
    try:
        article = store_article("Deal", BODY)
        store.add_label("@Label", "entity", "#123456")
        party = tag(article, "=cmd", "@Label", entity="=cmd|' /C calc'!A0")
        money = tag(article, "-5 millions", "MONEY", value=-5e6, unit="USD")
        insert_relations([RelationRecord(None, "deal", money, party)])
    finally:
        connection.close_database()
    return db_path


def _stats(db_path: Path, capsys, by: str) -> list[dict[str, str]]:
    assert main(["--db", str(db_path), "stats", "--by", by]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return list(csv.DictReader(io.StringIO(out)))


def test_stats_by_entity_neutralises_names_and_keeps_negative_sums_as_numbers(corpus, capsys):
    [row] = _stats(corpus, capsys, "entity")

    assert (row["entity"], row["label"]) == ("'=cmd|' /C calc'!A0", "'@Label")
    assert (row["currency"], row["total"], row["rule"]) == ("USD", "-5000000", "relation")


def test_stats_by_label_neutralises_label_names(corpus, capsys):
    rows = {row["label"]: row for row in _stats(corpus, capsys, "label")}

    assert "'@Label" in rows and "@Label" not in rows
    assert rows["'@Label"]["annotations"] == "1" and rows["'@Label"]["kind"] == "entity"
