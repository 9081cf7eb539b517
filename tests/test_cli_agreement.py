"""``marginalia agreement A B``: κ and span F1 of two annotators, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import connection
from desktop.cli import main
from tests.helpers import store_article, tag

SAM = "Sam Altman met Nvidia in Paris."
DEAL = "Nvidia AWS"


@pytest.fixture
def annotated(db_path: Path) -> tuple[Path, int, int]:
    """The hand-computed example of tests/core/test_agreement.py, and a second article."""
    connection.open_database(db_path)
    try:
        sam = store_article("Sam", SAM, "en")
        deal = store_article("Deal", DEAL, "en")
        for author, text, label in [("alice", "Sam Altman", "PERSON"), ("alice", "Nvidia", "ORG"),
                                    ("alice", "Paris", "PLACE"), ("bob", "Altman", "PERSON"),
                                    ("bob", "Nvidia", "ORG"), ("bob", "Paris", "ORG")]:
            tag(sam, text, label, author=author)
        tag(deal, "Nvidia", "ORG", author="alice")
        tag(deal, "AWS", "ORG", author="bob")
        tag(deal, "AWS", "PRODUCT", author="alice", status="suggested")
    finally:
        connection.close_database()
    return db_path, sam, deal


def _run(db_path: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), "agreement", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_gives_kappa_and_f1_overall_per_label_and_per_article(annotated, capsys):
    db_path, sam, deal = annotated

    code, out, err = _run(db_path, capsys, "alice", "bob", "--format", "json", "--per-article")

    assert (code, err) == (0, "")
    report = json.loads(out)
    assert (report["reference"], report["compared"], report["articles"]) == ("alice", "bob",
                                                                            [sam, deal])
    overall = report["overall"]
    assert overall["tokens"] == 9 and overall["kappa"] == pytest.approx(17 / 53)
    assert overall["exact"]["f1"] == pytest.approx(1 / 4)
    assert list(report["labels"]) == ["ORG", "PERSON", "PLACE"]
    assert report["labels"]["PERSON"]["relaxed"]["f1"] == 1
    assert report["labels"]["PLACE"]["exact"]["precision"] is None
    first, second = report["per_article"]
    assert (first["article_id"], first["title"]) == (sam, "Sam")
    assert first["overall"]["kappa"] == pytest.approx(19 / 33)
    assert second["overall"]["kappa"] == -1
    assert "kappa" in report["rules"]


def test_text_is_a_table_per_label_and_the_chosen_articles_only(annotated, capsys):
    db_path, sam, _ = annotated

    code, out, err = _run(db_path, capsys, "alice", "bob", "--article", str(sam))

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "'bob' against 'alice' (the reference), 1 article, 7 tokens"
    assert lines[2].split() == ["label", "kappa", "p_o", "P", "R", "F1", "P~", "R~", "F1~",
                                "A", "B"]
    assert lines[3].split() == ["all", "0.576", "0.714", "0.333", "0.333", "0.333", "0.667",
                                "0.667", "0.667", "3", "3"]
    assert lines[6].split() == ["PLACE", "0.000", "0.857", "-", "0.000", "0.000", "-",
                                "0.000", "0.000", "1", "0"]
    assert "Article" not in out


def test_an_unknown_annotator_or_article_exits_1_and_says_why(annotated, capsys):
    db_path, _, _ = annotated

    code, out, err = _run(db_path, capsys, "alice", "zoe")
    assert (code, out) == (1, "")
    assert err.strip().endswith("No accepted annotation is by 'zoe'; annotators: 'alice', "
                                "'bob'.")

    code, out, err = _run(db_path, capsys, "alice", "bob", "--article", "99")
    assert (code, out) == (1, "")
    assert "No article with id 99" in err
