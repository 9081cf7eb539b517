"""What a JSON Lines file cannot carry in or out: infinite values, unfit label names."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from db import annotations as store
from db import connection
from db.models import Annotation, database
from desktop.core.exporters import ExportError, export_jsonl
from desktop.core.importers import import_paths
from tests.helpers import store_article, tag

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL

BODY = "OpenAI signe avec AWS un contrat de 38 milliards de dollars."


def _write_lines(path: Path, *texts: str) -> Path:
    path.write_text("".join(text + "\n" for text in texts), encoding="utf-8")
    return path


def _line(annotations: list[str], body: str = BODY) -> str:
    """A JSON line whose annotations are given as JSON text (to write 1e400 or NaN as is)."""
    return (f'{{"title": "T", "body": {json.dumps(body)}, '
            f'"annotations": [{", ".join(annotations)}]}}')


def _stored_values() -> list[tuple[str, float | None, float | None]]:
    return [tuple(row) for row in database.execute_sql(
        "SELECT quote, value, value_high FROM annotation ORDER BY start").fetchall()]


def test_a_value_json_reads_as_infinite_or_nan_is_refused_per_annotation(db, tmp_path):
    money = '"start": 36, "end": 59, "label": "MONEY", "unit": "USD"'
    path = _write_lines(tmp_path / "values.jsonl", _line([
        f'{{{money}, "value": 1e400}}',
        f'{{{money}, "value": 38e9, "value_high": NaN}}',
        f'{{{money}, "value": -Infinity}}',
        f'{{{money}, "value": {10 ** 400}}}',
        '{"start": 0, "end": 6, "label": "ORG", "entity": "OpenAI"}',
    ]))

    result = import_paths([path])

    assert [(p.line, p.reason.split(":")[0]) for p in result.problems] == [
        (1, f"Annotation {number} was not restored") for number in (1, 2, 3, 4)]
    assert '"value"' in result.problems[0].reason and "infinite" in result.problems[0].reason
    assert '"value_high"' in result.problems[1].reason
    assert len(result.imported) == 1
    assert _stored_values() == [("OpenAI", None, None)]


def test_the_export_never_writes_infinity_and_says_which_annotation(db, tmp_path):
    article = store_article("Contrat", BODY)
    money = tag(article, "38 milliards de dollars", "MONEY", value=38e9, unit="USD")
    Annotation.update(value_high=math.inf).where(Annotation.id == money).execute()
    path = tmp_path / "export.jsonl"
    path.write_text("previous export\n", encoding="utf-8")

    with pytest.raises(ExportError) as raised:
        export_jsonl(path)

    message = str(raised.value)
    assert f"annotation {money}" in message and "value_high" in message
    assert "“Contrat”" in message and "no file was written" in message
    assert path.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize(("stored", "what"), [
    ("'NaN'", "not a number"),  # SQLite: text, which the value's float field reads as NaN
    ("'-Infinity'", "infinite"),
])
def test_a_value_stored_infinite_or_nan_is_named_and_nothing_is_written(db, tmp_path, stored,
                                                                        what):
    _value_stored_as(db, tmp_path, stored, what)


@pytest.mark.sqlite_only  # a PostgreSQL double refuses 9e999
def test_a_value_sqlite_reads_as_infinite_is_named_and_nothing_is_written(db, tmp_path):
    _value_stored_as(db, tmp_path, "-9e999", "infinite")  # a REAL: read as infinity


def _value_stored_as(db, tmp_path, stored, what):
    first = store_article("Avant", "Rien à signaler.")
    tag(first, "Rien", "ORG", entity="Rien")
    article = store_article("Contrat", BODY)
    money = tag(article, "38 milliards de dollars", "MONEY", value=38e9, unit="USD")
    db.execute_sql(f"UPDATE annotation SET value = {stored} WHERE id = ?", (money,))
    path = tmp_path / "export.jsonl"

    with pytest.raises(ExportError) as raised:
        export_jsonl(path)

    message = str(raised.value)
    assert f"the value of its annotation {money}" in message and what in message
    assert "“Contrat”" in message and "no file was written" in message
    assert list(tmp_path.glob("*.jsonl")) == [] and list(tmp_path.glob(".*.part")) == []


@pytest.mark.sqlite_only  # a PostgreSQL text column holds no bytes
def test_text_stored_as_bytes_is_refused_with_the_article_named(db, tmp_path):
    article = store_article("Contrat", BODY)
    money = tag(article, "38 milliards de dollars", "MONEY", value=38e9, unit="USD")
    db.execute_sql("UPDATE annotation SET note = X'C3A9' WHERE id = ?", (money,))  # a BLOB
    path = tmp_path / "export.jsonl"

    with pytest.raises(ExportError) as raised:
        export_jsonl(path)

    assert "Article" in str(raised.value) and "“Contrat”" in str(raised.value)
    assert "No file was written" in str(raised.value)
    assert list(tmp_path.glob("*.jsonl")) == [] and list(tmp_path.glob(".*.part")) == []


@pytest.mark.parametrize(("label", "why"), [
    ("L" * 101, "longer than 100 characters"),
    ("Deux\nlignes", "line break"),
    ("Bip\x07", "control character"),
    ("Retour\u2029", "line break"),
])
def test_a_label_name_that_is_too_long_or_not_one_line_is_refused_and_not_created(
        db, tmp_path, label, why):
    path = _write_lines(tmp_path / "labels.jsonl", _line([
        json.dumps({"start": 0, "end": 6, "label": label, "label_kind": "entity"}),
        json.dumps({"start": 18, "end": 21, "label": label, "label_kind": "entity"}),
        json.dumps({"start": 18, "end": 21, "label": "ORG", "entity": "AWS"}),
    ]))
    labels_before = [lb.name for lb in store.labels()]

    result = import_paths([path])

    assert [(p.line, p.reason.split(":")[0]) for p in result.problems] == [
        (1, "Annotation 1 was not restored"), (1, "Annotation 2 was not restored")]
    assert why in result.problems[0].reason
    assert "the label was not created" in result.problems[0].reason
    assert "\n" not in str(result.problems[0])  # the message stays on one line
    assert [lb.name for lb in store.labels()] == labels_before
    [article] = result.imported
    assert [r.quote for r in store.annotations_for_article(article)] == ["AWS"]


def test_a_label_of_exactly_100_characters_is_created(db, tmp_path):
    label = "L" * 100
    path = _write_lines(tmp_path / "labels.jsonl", _line([
        json.dumps({"start": 0, "end": 6, "label": label, "label_kind": "entity"})]))

    result = import_paths([path])

    assert result.problems == []
    assert store.label_by_name(label) is not None


def test_a_refused_annotation_creates_neither_its_label_nor_its_entity(db, tmp_path):
    path = _write_lines(tmp_path / "late.jsonl", _line([json.dumps(
        {"start": 0, "end": 6, "label": "NEW", "entity": "OpenAI", "value": 1e308 * 10})]))

    result = import_paths([path])

    assert len(result.problems) == 1 and "infinite" in result.problems[0].reason
    assert store.label_by_name("NEW") is None
    assert connection.execute("SELECT COUNT(*) FROM entity").fetchone()[0] == 0
