"""Random texts with emoji and random spans survive a JSON Lines export and a
re-import into an empty database identically (hypothesis, derandomised)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from db import annotations as store
from db import connection
from db.articles import get_article
from desktop.core.exporters import export_jsonl
from desktop.core.importers import import_paths
from desktop.core.operations import AddAnnotations, new_annotation
from tests.helpers import store_article

# Characters that shift offsets in one counting or another: outside the BMP,
# combining, joiners, no-break spaces, line breaks, plus ordinary letters.
PIECES = ["😀", "𝄞", "e\u0301", "\u200d", "\u00a0", "\u202f", "\n", " ", "OpenAI", "AWS",
          "é", "a", "38", "€", "\u2019"]
LABELS = ["ORG", "PERSON", "MONEY", "PERCENT"]

texts = st.lists(st.sampled_from(PIECES), min_size=3, max_size=40).map("".join).filter(
    lambda text: text.strip() != "")


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str, str]]]:
    """A body and a few spans on it: (start, end, label, note)."""
    body = draw(texts)
    spans = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(body) - 1))
        end = draw(st.integers(start + 1, len(body)))
        if body[start:end].strip():
            spans.append((start, end, draw(st.sampled_from(LABELS)),
                          draw(st.sampled_from(["", "à vérifier", "😀 note"]))))
    return body, spans


def _stored(article_ids: list[int]) -> list[tuple[object, ...]]:
    """What the database holds of these articles' annotations, ids left out."""
    labels = {label.id: label.name for label in store.labels()}
    rows = []
    for number, article_id in enumerate(article_ids):
        for a in store.annotations_for_article(article_id):
            rows.append((number, a.start, a.end, a.quote, labels[a.label_id], a.note,
                         a.value, a.unit, a.status, a.prefix, a.suffix))
    return sorted(rows)


@settings(max_examples=30, deadline=None, derandomize=True)
@given(st.lists(articles(), min_size=1, max_size=3))
def test_random_spans_after_emoji_survive_an_export_and_a_re_import(
        drawn: list[tuple[str, list[tuple[int, int, str, str]]]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        connection.open_database(tmp / "source.sqlite3")
        try:
            ids = []
            for number, (body, spans) in enumerate(drawn):
                # A title of its own: a re-import matches nothing by title.
                article_id = store_article(f"Article {number}", f"{number}\n{body}")
                ids.append(article_id)
                text = get_article(article_id).body
                labels = {label.name: label.id for label in store.labels()}
                records = [new_annotation(text, article_id, labels[label], start + 2, end + 2,
                                          note=note) for start, end, label, note in spans]
                if records:
                    AddAnnotations(records).apply()
            before = _stored(ids)
            export_jsonl(tmp / "out.jsonl", ids)
        finally:
            connection.close_database()
        connection.open_database(tmp / "copy.sqlite3")
        try:
            result = import_paths([tmp / "out.jsonl"])
            assert result.problems == []
            assert _stored(result.imported) == before
        finally:
            connection.close_database()
