"""JSON Lines round trips: aliases, rejected suggestions and the currency of "$" come back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import annotations as store
from db import connection, entity_admin
from db import suggestions as rejections
from db.articles import get_article
from desktop.core.entities import Term
from desktop.core.exporters import export_jsonl
from desktop.core.importers import import_paths
from desktop.core.operations import RejectSuggestions, SetCurrencyHint
from desktop.core.suggest import suggest
from tests.helpers import store_article, tag

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL

BODY = ("AWS signe avec OpenAI un contrat de 38 milliards de dollars. "
        "Amazon Web Services paiera aussi 5 millions de dollars à Nvidia.")


def _span(text: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = BODY.index(text, start + 1)
    return start, start + len(text)


@pytest.fixture
def source(db) -> int:
    """An article with aliases, two rejected suggestions and "$" meaning CAD."""
    article = store_article("Contrat", BODY, source="https://example.ca/contrat")
    tag(article, "AWS", "ORG", entity="Amazon Web Services")
    tag(article, "OpenAI", "ORG", entity="OpenAI")
    tag(article, "38 milliards de dollars", "MONEY", value=38e9, unit="CAD")
    org = store.label_by_name("ORG").id
    money = store.label_by_name("MONEY").id
    aws = store.find_or_create_entity("Amazon Web Services", org)
    store.add_alias(aws, "AWS")
    store.add_alias(aws, "Amazon WS")
    store.add_alias(store.find_or_create_entity("OpenAI", org), "Open AI")
    RejectSuggestions(article, [(*_span("Amazon Web Services"), org),
                                (*_span("5 millions de dollars"), money)]).apply()
    SetCurrencyHint(article, "CAD").apply()
    return article


def _aliases() -> dict[tuple[str, str], tuple[str, ...]]:
    return {(row.name, row.label): row.aliases for row in entity_admin.entity_rows()}


def _rejected(article_id: int) -> set[tuple[int, int, str]]:
    return rejections.rejected_for_article(article_id)


def _suggested(article_id: int, rejecting: bool = True) -> list[tuple[str, str, str | None]]:
    """What the suggester proposes in the article, as the reader gets it: (text, label, unit).

    With ``rejecting`` False, what it would propose if nothing had been rejected.
    """
    body = get_article(article_id).body
    terms = [Term(text, label, entity) for text, label, entity in rejections.gazetteer()]
    tagged = [(r.start, r.end) for r in store.annotations_for_article(article_id)]
    found = suggest(body, language="fr", currency_hint=rejections.currency_hint(article_id),
                    terms=terms, tagged=tagged,
                    rejected=_rejected(article_id) if rejecting else ())
    return [(s.text, s.label, s.unit) for s in found]


def _into_fresh_database(folder: Path) -> None:
    connection.close_database()
    connection.open_database(folder / "fresh.sqlite3")


def test_each_line_carries_the_hint_the_rejections_and_the_entities_names(source, tmp_path):
    path = tmp_path / "export.jsonl"

    export_jsonl(path)

    [line] = [json.loads(text) for text in path.read_text("utf-8").splitlines()]
    assert line["currency_hint"] == "CAD"
    assert line["rejected"] == [
        {"start": _span("Amazon Web Services")[0], "end": _span("Amazon Web Services")[1],
         "label": "ORG", "label_kind": "entity", "label_color": store.label_by_name("ORG").color},
        {"start": _span("5 millions de dollars")[0], "end": _span("5 millions de dollars")[1],
         "label": "MONEY", "label_kind": "amount",
         "label_color": store.label_by_name("MONEY").color},
    ]
    assert line["entities"] == [
        {"name": "Amazon Web Services", "label": "ORG", "aliases": ["AWS", "Amazon WS"]},
        {"name": "OpenAI", "label": "ORG", "aliases": ["Open AI"]},
    ]
    assert list(line)[-1] == "deals"


def test_a_round_trip_into_an_empty_database_restores_aliases_rejections_and_hint(
        source, tmp_path):
    aliases, rejected = _aliases(), _rejected(source)
    suggested_before = _suggested(source)
    path = tmp_path / "export.jsonl"
    export_jsonl(path)

    _into_fresh_database(tmp_path)
    result = import_paths([path])

    assert result.problems == []
    [article] = result.imported
    assert _aliases() == aliases
    assert _aliases()[("Amazon Web Services", "ORG")] == ("Amazon WS", "AWS")
    assert _rejected(article) == rejected
    assert rejections.currency_hint(article) == "CAD"
    # The suggester proposes what it proposed before, and not what was rejected.
    assert _suggested(article) == suggested_before
    assert {("Amazon Web Services", "ORG", None), ("5 millions de dollars", "MONEY", "CAD")} \
        <= set(_suggested(article, rejecting=False)) - set(_suggested(article))


def test_aliases_merge_into_an_entity_the_database_already_has_without_duplicates(
        source, tmp_path):
    path = tmp_path / "export.jsonl"
    export_jsonl(path)
    _into_fresh_database(tmp_path)
    org = store.label_by_name("ORG").id
    aws = store.find_or_create_entity("amazon web services", org)  # the same entity, by key
    store.add_alias(aws, "aws")  # "AWS" by another spelling
    store.add_alias(aws, "Amazon Cloud")

    result = import_paths([path])

    assert result.problems == []
    assert _aliases()[("amazon web services", "ORG")] == ("Amazon Cloud", "Amazon WS", "aws")
    assert _aliases()[("OpenAI", "ORG")] == ("Open AI",)


def test_an_alias_that_names_another_entity_is_reported_not_taken(source, tmp_path):
    path = tmp_path / "export.jsonl"
    export_jsonl(path)
    _into_fresh_database(tmp_path)
    org = store.label_by_name("ORG").id
    store.add_alias(store.find_or_create_entity("Amazon", org), "Amazon WS")

    result = import_paths([path])

    [problem] = result.problems
    assert problem.line == 1 and problem.path == str(path)
    assert "“Amazon WS”" in problem.reason and "“Amazon Web Services”" in problem.reason
    assert "“Amazon”" in problem.reason
    assert _aliases()[("Amazon", "ORG")] == ("Amazon WS",)
    assert _aliases()[("Amazon Web Services", "ORG")] == ("AWS",)
    assert result.imported  # the article and its annotations are there all the same
    assert len(store.annotations_for_article(result.imported[0])) == 3


def test_a_bad_currency_hint_or_rejection_is_reported_and_the_rest_restored(db, tmp_path):
    body = "Le contrat vaut 5 millions de dollars."
    line = {"title": "T", "body": body, "currency_hint": "XYZ",
            "rejected": [{"start": 16, "end": 999, "label": "MONEY"},
                         {"start": 16, "end": 37, "label": "MONEY"}],
            "annotations": [{"start": 0, "end": 2, "label": "ORG", "entity": "Le"}]}
    path = tmp_path / "hand.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")

    result = import_paths([path])

    reasons = [(p.line, p.reason) for p in result.problems]
    assert len(reasons) == 2 and all(number == 1 for number, _ in reasons)
    assert "currency" in reasons[1][1] and "XYZ" in reasons[1][1]
    assert reasons[0][1].startswith("Rejected suggestion 1 was not restored")
    [article] = result.imported
    assert rejections.currency_hint(article) is None
    assert _rejected(article) == {(16, 37, "MONEY")}


def test_a_line_without_the_new_fields_still_imports(db, tmp_path):
    line = {"title": "T", "body": "OpenAI signe.",
            "annotations": [{"start": 0, "end": 6, "label": "ORG", "entity": "OpenAI"}]}
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")

    result = import_paths([path])

    assert result.problems == [] and len(result.imported) == 1
    assert rejections.currency_hint(result.imported[0]) is None


def test_the_hint_and_rejections_of_an_article_without_annotations_come_back(db, tmp_path):
    line = {"title": "T", "body": "Le contrat vaut 5 millions de dollars.",
            "currency_hint": "CAD", "rejected": [{"start": 16, "end": 37, "label": "MONEY"}]}
    path = tmp_path / "bare.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")

    result = import_paths([path])

    [article] = result.imported
    assert rejections.currency_hint(article) == "CAD"
    assert _rejected(article) == {(16, 37, "MONEY")}
