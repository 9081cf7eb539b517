"""The model's names in the one suggestion pipeline, under the user's decisions.

The names a model found are handed to :func:`suggest` as they come from
the recognizer; these tests need no model. The command-line tests at the
end run the real one (read once per session) and are skipped without it.
"""

from __future__ import annotations

import json

import pytest

from desktop import cli
from desktop.core import ner
from desktop.core.entities import Term
from desktop.core.name_rules import NameSpan
from desktop.core.suggest import KNOWN, MODEL, suggest
from tests.helpers import store_article, tag

TEXT = "OpenAI signe avec Amazon Web Services (AWS) un contrat de 38 milliards de dollars."


def _span(text: str, words: str, label: str, entity: str = "") -> NameSpan:
    start = text.index(words)
    return NameSpan(start, start + len(words), words, label, entity)


def _shown(found) -> list[tuple[str, str, str]]:
    return [(s.text, s.label, s.source) for s in found]


def test_model_names_are_proposed_with_their_source_after_the_amounts():
    names = [_span(TEXT, "OpenAI", "ORG"), _span(TEXT, "Amazon Web Services", "ORG"),
             _span(TEXT, "AWS", "ORG", "Amazon Web Services")]
    found = suggest(TEXT, language="fr", names=names)
    assert _shown(found) == [("OpenAI", "ORG", MODEL), ("Amazon Web Services", "ORG", MODEL),
                             ("AWS", "ORG", MODEL), ("38 milliards de dollars", "MONEY",
                                                     "amount")]
    assert [s.entity for s in found if s.text == "AWS"] == ["Amazon Web Services"]


def test_a_name_the_user_tagged_wins_over_the_model_where_they_overlap():
    names = [_span(TEXT, "Amazon Web Services", "PERSON"), _span(TEXT, "OpenAI", "ORG")]
    terms = [Term("Amazon", "ORG", "Amazon"), Term("OpenAI", "PRODUCT", "OpenAI")]
    found = suggest(TEXT, language="fr", names=names, terms=terms)
    assert _shown(found)[:2] == [("OpenAI", "PRODUCT", KNOWN), ("Amazon", "ORG", KNOWN)]
    assert all(s.source != MODEL for s in found)


def test_a_rejected_name_is_never_proposed_again_with_that_label():
    names = [_span(TEXT, "OpenAI", "ORG"), _span(TEXT, "AWS", "ORG")]
    found = suggest(TEXT, language="fr", names=names,
                    rejected_names=[("d’OpenAI", "ORG"), ("AWS", "PERSON")])
    assert _shown(found)[0] == ("AWS", "ORG", MODEL)  # rejected as a person, not as an org
    assert "OpenAI" not in [s.text for s in found]


def test_tagged_and_rejected_spans_leave_no_model_name_there():
    names = [_span(TEXT, "OpenAI", "ORG"), _span(TEXT, "AWS", "ORG")]
    aws = TEXT.index("AWS")
    found = suggest(TEXT, language="fr", names=names, tagged=[(0, 6)],
                    rejected=[(aws, aws + 3, "ORG")])
    assert [s.label for s in found] == ["MONEY"]


def test_an_amount_wins_over_a_model_name_inside_it():
    text = "Il paie 5 millions de dollars US."
    found = suggest(text, language="fr", names=[_span(text, "US", "PLACE")])
    assert _shown(found) == [("5 millions de dollars US", "MONEY", "amount")]


def test_the_names_rejected_in_any_article_are_read_back_as_names(db):
    from db.annotations import label_by_name
    from desktop.core.operations import RejectSuggestions
    from desktop.core.rejected_names import rejected_names

    first = store_article("Un", "😀 Codex et Sora arrivent.")
    second = store_article("Deux", "Redmond répond.")
    body = "😀 Codex et Sora arrivent."
    person = label_by_name("PERSON").id
    RejectSuggestions(first, [(body.index("Codex"), body.index("Codex") + 5, person)]).apply()
    RejectSuggestions(second, [(0, 7, label_by_name("PLACE").id)]).apply()
    assert rejected_names() == {("Codex", "PERSON"), ("Redmond", "PLACE")}


# --- marginalia suggest (the real model, read once per session) ---------------


@pytest.fixture(scope="session")
def models() -> None:
    if set(ner.installed_models()) != set(ner.MODELS):
        pytest.skip(ner.missing_note())
    assert ner.load_recognizer() is not None


def _rows(capsys) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_the_command_prints_model_names_with_their_source(tmp_path, capsys, models):
    path = tmp_path / "a.txt"
    path.write_text("title: Accord\n\n" + TEXT + " Sam Altman s’en félicite.\n",
                    encoding="utf-8")
    assert cli.main(["suggest", "--db", str(tmp_path / "none.sqlite3"),
                     str(path)]) == 0
    rows = _rows(capsys)
    text = path.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    names = {(r["text"], r["label"], r["source"], r["entity"]) for r in rows if "source" in r}
    assert {("Amazon Web Services", "ORG", "model", ""),
            ("AWS", "ORG", "model", "Amazon Web Services"),
            ("Sam Altman", "PERSON", "model", "")} <= names


def test_the_command_puts_known_names_first_and_leaves_rejected_ones_out(
        tmp_path, capsys, models):
    from db import connection
    from db.annotations import label_by_name
    from desktop.core.operations import RejectSuggestions

    db_path = tmp_path / "db.sqlite3"
    connection.open_database(db_path)
    tagged = store_article("Tagué", "Sam Altman dirige OpenAI.")
    tag(tagged, "OpenAI", "PRODUCT")
    refused = store_article("Refusé", "Amazon Web Services répond.")
    RejectSuggestions(refused, [(0, 19, label_by_name("ORG").id)]).apply()
    connection.close_database()
    path = tmp_path / "a.txt"
    path.write_text(TEXT + "\n", encoding="utf-8")

    assert cli.main(["suggest", "--db", str(db_path), str(path)]) == 0
    rows = {r["text"]: r for r in _rows(capsys) if "source" in r}
    assert (rows["OpenAI"]["label"], rows["OpenAI"]["source"]) == ("PRODUCT", "known")
    assert "Amazon Web Services" not in rows
    assert db_path.exists()


def test_without_a_model_the_command_says_so_and_proposes_known_names(
        tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(ner, "installed_models", lambda: {})
    monkeypatch.setattr(ner, "_pipelines", {})
    path = tmp_path / "a.txt"
    path.write_text(TEXT + "\n", encoding="utf-8")
    assert cli.main(["suggest", "--db", str(tmp_path / "none.sqlite3"),
                     str(path)]) == 0
    captured = capsys.readouterr()
    assert "Names are suggested from your tags only" in captured.err
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["label"] for r in rows] == ["MONEY"]
