"""Fuzzing each importer: whatever a file holds, it is a problem of that file, never a crash.

Hypothesis writes text, Markdown, JSON Lines and gzipped JSON Lines files
of its own making (random bytes, byte-order marks, NULs, broken escapes,
deep nesting, huge numbers, damaged gzip streams) beside a good file, and
each import must: raise nothing, name only problems of the fuzzed file in
words, import the good file, store each article whole (the body read, its
full-text row) or not at all, and leave a sound database. The runs are
small and derandomised, so the suite stays quick and the same every time.
"""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.articles import get_article
from db.models import database
from desktop.core.importers import UNEXPECTED_REASON, DocumentError, import_paths, read_document

FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])
_cases = itertools.count()

# --- what the files hold ----------------------------------------------------------------

_MARKUP = list("ab é😀\u00a0 \t\n\r\0#*_~`[]()!<>:\\\"'-=|") + [
    "title: ", "date: 2021-02-03", "date: 2021-02-30", "lang: fr", "---\n", "```\n", "**",
    "__", "](http://x)", "<https://e.org>", "![", "\\*", "\n\n", "\ufeff"]
_TEXTS = st.lists(st.sampled_from(_MARKUP) | st.characters(blacklist_categories=("Cs",)),
                  max_size=60).map("".join)
_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "utf-32-le", "cp1252",
              "latin-1"]


@st.composite
def text_files(draw: st.DrawFn) -> bytes:
    """Text in some encoding (with or without its byte-order mark), or raw bytes."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=300))
    text = draw(_TEXTS)
    return text.encode(draw(st.sampled_from(_ENCODINGS)), errors="ignore")


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**6),
                     st.floats(allow_nan=False), st.text(max_size=12))
_JSON = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)
_BROKEN_ESCAPES = ["\\ud800", "\\udfff", "\\ude00\\ud83d", "\\u0000", "\\ud83d\\ude00",
                   "\\\\ud800"]


@st.composite
def annotation(draw: st.DrawFn) -> dict[str, object]:
    start = draw(st.integers(-2, 30))
    return {"id": draw(st.integers(0, 5)), "start": start,
            "end": start + draw(st.integers(-1, 8)),
            "label": draw(st.sampled_from(["ORG", "MONEY", "PERSON", "", "NEW"])),
            "text": draw(st.none() | st.text(max_size=6)),
            "value": draw(st.none() | st.integers(0, 10**9) | st.floats(0, 1e12))}


_FIELDS_FOR_ESCAPE = ["body", "title", "source", "label"]


@st.composite
def record_lines(draw: st.DrawFn) -> str:
    """One JSON line: a record (maybe with a broken escape), or something that is not one."""
    kind = draw(st.sampled_from(["record", "escape", "escape", "deep", "digits", "json", "text"]))
    if kind == "deep":
        depth = draw(st.sampled_from([2_000, 100_000]))  # past what Python parses
        opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
        inner = opener * depth + ("1" if opener != "[" else "") + closer * depth
        return '{"body": "Deep.", "x": ' + inner + "}"
    if kind == "digits":
        digits = draw(st.sampled_from([4_301, 6_000]))  # past what Python converts
        return '{"body": "Digits.", "n": ' + "9" * digits + "}"
    if kind == "json":
        return json.dumps(draw(_JSON))
    if kind == "text":
        return draw(_TEXTS).replace("\n", " ")
    where = draw(st.sampled_from(_FIELDS_FOR_ESCAPE)) if kind == "escape" else ""
    record: dict[str, object] = {"body": draw(_TEXTS) + ("\x01" if where == "body" else "")}
    for key in ("title", "source", "lang"):
        if draw(st.booleans()) or key == where:
            record[key] = draw(st.text(max_size=10)) + ("\x01" if key == where else "")
    if draw(st.booleans()):
        record["date"] = draw(st.sampled_from(["2020-01-31", "2020-02-30", "", "31/01/2020"]))
    if draw(st.booleans()) or where == "label":
        notes = draw(st.lists(annotation(), min_size=1, max_size=3))
        if where == "label":
            notes[0]["label"] = "ORG\x01"
        record["annotations"] = notes
        record["relations"] = draw(st.lists(st.dictionaries(
            st.sampled_from(["kind", "source", "target"]), _SCALARS), max_size=2))
    if draw(st.booleans()):
        record["extra"] = draw(_JSON)
    line = json.dumps(record)  # ASCII: the placeholder is written \u0001
    return line.replace("\\u0001", draw(st.sampled_from(_BROKEN_ESCAPES)))


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(record_lines() | st.just(""), max_size=6))
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    head = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\0"]))
    return head + text.encode("utf-8") + draw(st.sampled_from([b"", b"\n"]))


@st.composite
def gzip_files(draw: st.DrawFn) -> bytes:
    """Gzipped JSON Lines, in one member or two, maybe cut, flipped, padded or trailed."""
    data = draw(jsonl_files())
    cut = draw(st.integers(0, len(data)))
    packed = (gzip.compress(data[:cut]) + gzip.compress(data[cut:])
              if draw(st.booleans()) else gzip.compress(data))
    damage = draw(st.sampled_from(["none", "cut", "flip", "pad", "trail"]))
    where = draw(st.integers(0, max(0, len(packed) - 1)))
    if damage == "cut":
        return packed[:where]
    if damage == "flip":
        return packed[:where] + bytes([packed[where] ^ 0xFF]) + packed[where + 1:]
    if damage == "pad":
        return packed + b"\0" * 8
    if damage == "trail":
        return packed + b"not gzip"
    return packed


# --- the checks ------------------------------------------------------------------------

def _import_beside_good_file(tmp_path: Path, name: str, data: bytes) -> None:
    """Imports the fuzzed file in a folder beside a good one, and checks what came of it.

    Problems are the fuzzed file's, in words; what it gave is stored whole
    (each body read, with its full-text row); the good file is imported;
    the database is sound.
    """
    number = next(_cases)
    folder = tmp_path / f"case-{number}"
    folder.mkdir()
    path = folder / name
    path.write_bytes(data)
    (folder / "good.txt").write_text(f"title: Good {number}\n\nThe good file {number}.\n",
                                     encoding="utf-8")

    report = import_paths([folder])

    stored = [get_article(i) for i in report.imported]
    assert f"Good {number}" in [a.title for a in stored if a is not None]
    for problem in report.problems:
        assert Path(problem.path) == path, problem
        assert problem.reason and problem.reason != UNEXPECTED_REASON, problem
        assert "Traceback" not in problem.reason
    try:
        expected = read_document(path)
    except DocumentError:
        expected = []
    from_file = [a for a in stored if a is not None and a.title != f"Good {number}"]
    assert len(from_file) + len(report.duplicates) == len(expected)
    bodies = {article.body for article in expected}
    for article in from_file:
        assert article.body in bodies
        fts = database.execute_sql("SELECT body FROM article_fts WHERE rowid = ?",
                                   (article.id,)).fetchone()
        assert fts == (article.body,)
    assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    database.execute_sql("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")


@FUZZ
@given(data=text_files())
def test_fuzzed_text_files(db, tmp_path, data):
    _import_beside_good_file(tmp_path, "fuzzed.txt", data)


@FUZZ
@given(data=text_files(), suffix=st.sampled_from([".md", ".markdown"]))
def test_fuzzed_markdown_files(db, tmp_path, data, suffix):
    _import_beside_good_file(tmp_path, f"fuzzed{suffix}", data)


@FUZZ
@given(data=jsonl_files())
def test_fuzzed_json_lines_files(db, tmp_path, data):
    _import_beside_good_file(tmp_path, "fuzzed.jsonl", data)


@FUZZ
@given(data=gzip_files())
def test_fuzzed_gzipped_json_lines_files(db, tmp_path, data):
    _import_beside_good_file(tmp_path, "fuzzed.jsonl.gz", data)
