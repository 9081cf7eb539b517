"""Importing files: what the database holds afterwards and what the user is told."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
from pathlib import Path

import pytest

from db import annotations as store
from db.articles import article_count, get_article
from db.dialect import of as dialect_of
from db.library import article_ids
from db.models import Article, database
from desktop.core.importers import (
    ImportNote,
    ImportProblem,
    ImportReport,
    import_paths,
    read_document,
)
from desktop.core.language import guess_language
from desktop.core.progress import CancelToken, Progress
from desktop.core.text import content_hash
from tests.helpers import TEST_DATA

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL

DATA = TEST_DATA / "import"


def _stored(article_id: int):
    article = get_article(article_id)
    assert article is not None
    return article


def _problem(problems: list[ImportProblem], name: str) -> ImportProblem:
    found = [p for p in problems if Path(p.path).name == name]
    assert len(found) == 1, problems
    return found[0]


def _write_jsonl(path: Path, records: list[dict], compress: bool = False) -> Path:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if compress:
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _records(count: int) -> list[dict]:
    return [{"title": f"Report {i}", "date": f"2020-01-{i + 1:02d}", "source": f"s{i}",
             "lang": "en", "body": f"Quarterly report number word{i} of the company."}
            for i in range(count)]


# --- formats ---------------------------------------------------------------------

def test_plain_text_header_gives_metadata_and_body(db):
    result = import_paths([DATA / "en-with-header.txt"])

    [article_id] = result.imported
    article = _stored(article_id)
    assert article.title == "Harbour authority buys four electric tugboats"
    assert article.published == dt.date(2021, 6, 14)
    assert article.source == "https://example.org/news/electric-tugboats"
    assert article.language == "en"
    assert article.body.startswith("The harbour authority said on Monday")
    assert article.body.endswith("the old diesel boats will be sold.")
    assert result.problems == [] and result.duplicates == []


def test_plain_text_without_header_uses_first_line_and_guesses_language(db):
    path = DATA / "fr-no-header.txt"
    [article_id] = import_paths([path]).imported

    article = _stored(article_id)
    assert article.title == "La coopérative laitière annonce 45 embauches"
    assert article.body == path.read_text(encoding="utf-8").strip()
    assert article.language == "fr"
    assert article.published is None
    assert article.source == str(path.resolve())


def test_markdown_front_matter_and_light_markup_removed(db):
    [article_id] = import_paths([DATA / "front-matter.md"]).imported

    article = _stored(article_id)
    assert article.title == "Bakery chain opens 30 shops"
    assert article.published == dt.date(2022, 3, 1)
    assert article.source == "https://example.org/bakery"
    assert article.body == (
        "Bakery chain expands\n\n"
        "The chain Crumb & Co will open 30 new shops this year, says its annual report.\n\n"
        "Growth was strong, the chief executive said.\n\n"
        "Prices rose by 4* per cent; see table 2."
    )


def test_markdown_title_comes_from_first_heading(db):
    [article_id] = import_paths([DATA / "heading.md"]).imported

    article = _stored(article_id)
    assert article.title == "Ferry operator orders two ships"
    assert "worth 80 million dollars with" in article.body
    assert "#" not in article.body and "_" not in article.body
    assert article.language == "en"


@pytest.mark.parametrize("compress", [False, True], ids=["jsonl", "jsonl.gz"])
def test_json_lines_plain_and_gzipped(db, tmp_path, compress):
    records = [json.loads(line) for line in (DATA / "three.jsonl").read_text("utf-8").splitlines()]
    name = "articles.jsonl.gz" if compress else "articles.jsonl"
    path = _write_jsonl(tmp_path / name, records, compress=compress)

    result = import_paths([path])

    assert len(result.imported) == 3 and result.problems == []
    stored = [_stored(i) for i in result.imported]
    assert [a.title for a in stored] == [r["title"] for r in records]
    assert [a.body for a in stored] == [r["body"] for r in records]
    assert stored[0].published == dt.date(2020, 1, 5)
    assert stored[1].published is None
    assert stored[1].language == "fr"  # no "lang" field: guessed from the words
    assert stored[2].source == "https://example.org/airline"


def test_read_document_parses_without_storing(db):
    articles = read_document(DATA / "three.jsonl")

    assert [a.where for a in articles] == [f"{DATA / 'three.jsonl'}, line {n}" for n in (1, 2, 3)]
    assert article_count() == 0


def test_language_guess():
    assert guess_language("Le conseil a voté la hausse des prix pour les usagers.") == "fr"
    assert guess_language("The council voted for the increase of the prices.") == "en"
    assert guess_language("OpenAI AWS Nvidia") == ""


# --- normalisation -----------------------------------------------------------------

def test_crlf_and_bom_are_normalised_so_offsets_match_what_is_shown(db, tmp_path):
    expected = "Premier paragraphe.\n\nOpenAI 😀 signe avec AWS pour 38\u00a0milliards.\nFin."
    raw = ("\ufefftitle: Essai\r\nlang: fr\r\n\r\n" + expected.replace("\n", "\r\n")) + "\r\n"
    (tmp_path / "crlf.txt").write_bytes(raw.encode("utf-8"))
    (tmp_path / "cr.jsonl").write_text(
        json.dumps({"title": "Essai 2", "body": "Ligne un\rOpenAI\r\nAWS"}) + "\r\n",
        encoding="utf-8")

    result = import_paths([tmp_path / "crlf.txt", tmp_path / "cr.jsonl"])

    first, second = (_stored(i) for i in result.imported)
    assert first.title == "Essai"
    assert first.body == expected
    assert first.body.index("AWS") == expected.index("AWS")
    assert "\r" not in second.body and second.body == "Ligne un\nOpenAI\nAWS"
    row = Article.get_by_id(first.id)
    assert row.content_hash == content_hash(expected)


def test_the_same_text_with_crlf_or_lf_is_a_duplicate(db, tmp_path):
    body = "One line.\nAnother line of the same article."
    (tmp_path / "a.txt").write_bytes(body.encode())
    (tmp_path / "b.txt").write_bytes(body.replace("\n", "\r\n").encode())

    result = import_paths([tmp_path])

    assert len(result.imported) == 1
    assert result.duplicates == [(str(tmp_path / "b.txt"), "One line.", result.imported[0])]


# --- duplicates ------------------------------------------------------------------

def test_articles_already_stored_are_skipped_and_reported(db):
    first = import_paths([DATA / "en-with-header.txt", DATA / "three.jsonl"])
    assert len(first.imported) == 4

    again = import_paths([DATA / "three.jsonl", DATA / "en-with-header.txt"])

    assert again.imported == []
    assert [(where.rsplit(", ", 1)[-1], title) for where, title, _ in again.duplicates] == [
        ("line 1", "Water utility raises prices"),
        ("line 2", "Une usine de vélos ouvre à Lyon"),
        ("line 3", "Airline cuts 200 jobs"),
        (str(DATA / "en-with-header.txt"), "Harbour authority buys four electric tugboats"),
    ]
    assert sorted(existing for *_, existing in again.duplicates) == sorted(first.imported)
    assert article_count() == 4
    assert again.summary() == "No articles imported; 4 already present."


def test_repeats_within_one_import_are_stored_once(db, tmp_path):
    record = _records(1)[0]
    path = _write_jsonl(tmp_path / "twice.jsonl", [record, dict(record, title="Copy")])

    result = import_paths([path], batch_size=1)
    same_batch = import_paths([_write_jsonl(tmp_path / "other.jsonl", [
        dict(record, body="Other text."), dict(record, body="Other text.", title="Copy 2")])])

    assert len(result.imported) == 1
    assert result.duplicates == [(f"{path}, line 2", "Copy", result.imported[0])]
    assert len(same_batch.imported) == 1
    assert same_batch.duplicates[0][1:] == ("Copy 2", same_batch.imported[0])
    assert article_count() == 2


# --- bad input -----------------------------------------------------------------------

def test_bad_files_are_reported_by_name_and_reason_while_good_ones_import(db, tmp_path,
                                                                         article_id):
    before = get_article(article_id)
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(DATA / "en-with-header.txt", folder / "good.txt")
    (folder / "binary.txt").write_bytes(b"title: x\n\n\x00\x01\x02\xff binary")
    (folder / "garbled.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)
    (folder / "empty.txt").write_text("title: Nothing here\n\n   \n", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.txt").write_text("A hidden file is not imported.", encoding="utf-8")
    records = _records(4)
    lines = [json.dumps(records[0]), '{"title": "broken", "body": "no closing quote}',
             json.dumps({"title": "no body"}), json.dumps(records[1]),
             json.dumps(dict(records[2], date="14/06/2021")), json.dumps(records[3])]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = import_paths([folder])

    assert len(result.imported) == 4  # good.txt + lines 1, 4 and 6
    titles = sorted(_stored(i).title for i in result.imported)
    assert titles == ["Harbour authority buys four electric tugboats", "Report 0", "Report 1",
                      "Report 3"]
    assert "binary" in _problem(result.problems, "binary.txt").reason
    garbled = _problem(result.problems, "garbled.txt").reason
    assert garbled.startswith("This is not UTF-8 text: byte 0x80 on line 1 (byte 0 of the file)")
    assert _problem(result.problems, "empty.txt").reason == "The article has no text."
    assert "Unsupported file type “.docx”" in _problem(result.problems, "notes.docx").reason
    feed = sorted((p.line, p.reason) for p in result.problems if p.path.endswith("feed.jsonl"))
    assert [line for line, _ in feed] == [2, 3, 5]
    assert feed[0][1].startswith("Not valid JSON")
    assert feed[1][1] == 'The record has no "body" field.'
    assert "YYYY-MM-DD" in feed[2][1]
    assert str(_problem(result.problems, "garbled.txt")).startswith(str(folder / "garbled.txt"))
    assert not any(".hidden" in p.path for p in result.problems)
    assert get_article(article_id) == before
    assert article_count() == 5
    assert result.summary() == ("Imported 4 articles; 4 files could not be imported; "
                                "3 lines with problems in 1 file.")


def test_missing_and_unreadable_files_are_reported(db, tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text("Some text.", encoding="utf-8")
    from desktop.core import bounded_read

    original = bounded_read.os.open

    def open_(path, flags, *args, **kwargs):  # root may read any file: refuse this one
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return original(path, flags, *args, **kwargs)

    monkeypatch.setattr(bounded_read.os, "open", open_)

    result = import_paths([tmp_path / "gone.txt", locked, DATA / "heading.md"])

    assert len(result.imported) == 1
    assert _problem(result.problems, "gone.txt").reason == "The file does not exist."
    assert "Permission denied" in _problem(result.problems, "locked.txt").reason


def test_a_damaged_gzip_file_keeps_the_lines_before_the_damage(db, tmp_path):
    path = _write_jsonl(tmp_path / "big.jsonl.gz", _records(50), compress=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    (tmp_path / "fake.jsonl.gz").write_text("not gzip at all", encoding="utf-8")

    result = import_paths([path, tmp_path / "fake.jsonl.gz"])

    assert 0 < len(result.imported) < 50
    assert "cut short or damaged" in _problem(result.problems, "big.jsonl.gz").reason
    assert _problem(result.problems, "fake.jsonl.gz").reason == "This is not a valid gzip file."


def test_a_file_of_garbage_lines_is_summarised_not_listed_line_by_line(db, tmp_path):
    (tmp_path / "junk.jsonl").write_text("junk\n" * 100, encoding="utf-8")

    result = import_paths([tmp_path / "junk.jsonl"])

    assert len(result.problems) == 21
    assert result.problems[-1].reason == "80 more lines with problems were skipped as well."


def test_annotations_that_do_not_fit_the_text_are_reported_and_the_rest_restored(db, tmp_path):
    body = "Nvidia sells GPUs to OpenAI."
    record = {"title": "GPUs", "body": body, "annotations": [
        {"id": 1, "start": 0, "end": 6, "text": "Nvidia", "label": "ORG", "entity": "Nvidia"},
        {"id": 2, "start": 21, "end": 27, "text": "OpenAI", "label": "ORG"},
        {"id": 3, "start": 5, "end": 90, "text": "x", "label": "ORG"},
        {"id": 4, "start": 13, "end": 17, "text": "CPUs", "label": "PRODUCT"},
        {"id": 5, "start": 13, "end": 17, "text": "GPUs", "label": "  "},
    ], "relations": [{"kind": "supplies", "source": 1, "target": 2},
                     {"kind": "supplies", "source": 1, "target": 4},
                     {"kind": "supplies", "source": [1], "target": 2}]}
    path = _write_jsonl(tmp_path / "export.jsonl", [record])

    result = import_paths([path])

    [article_id] = result.imported
    assert [a.quote for a in store.annotations_for_article(article_id)] == ["Nvidia", "OpenAI"]
    assert len(store.relations_for_article(article_id)) == 1
    reasons = [(p.line, p.reason) for p in result.problems]
    assert reasons[0] == (1, "Annotation 3 was not restored: its range 5-90 is outside the "
                             "text (0-28).")
    assert reasons[1] == (1, "Annotation 4 was not restored: its text 'CPUs' differs from the "
                             "article's 'GPUs' at 13-17.")
    assert reasons[2] == (1, "Annotation 5 was not restored: it has no label.")
    assert [line for line, _ in reasons[3:]] == [1, 1]
    assert all(r.startswith("Relation ") for _, r in reasons[3:])


# --- cancel and progress -------------------------------------------------------------

def test_cancel_keeps_committed_batches_and_a_consistent_database(db, tmp_path):
    path = _write_jsonl(tmp_path / "seven.jsonl", _records(7))
    token = CancelToken()
    seen: list[Progress] = []

    def on_progress(progress: Progress) -> None:
        seen.append(progress)
        if len(seen) == 2:  # the first report after the start: one batch is committed
            token.cancel()

    result = import_paths([path], progress=on_progress, cancel=token, batch_size=2)

    assert result.cancelled
    assert len(result.imported) == 2
    assert article_count() == 2
    assert [_stored(i).title for i in result.imported] == ["Report 0", "Report 1"]
    found = {word: article_ids(word) for word in ("word1 ", "word2 ")}
    assert found == {"word1 ": [result.imported[1]], "word2 ": []}  # the full-text index too
    if dialect_of(database).is_sqlite:
        assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert result.summary() == "Imported 2 articles; cancelled before the end."

    rest = import_paths([path])
    assert len(rest.imported) == 5 and len(rest.duplicates) == 2


def test_progress_counts_bytes_up_to_the_total(db):
    seen: list[Progress] = []

    import_paths([DATA], progress=seen.append, batch_size=2)

    total = sum(p.stat().st_size for p in DATA.iterdir())
    assert all(p.total == total for p in seen)
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert seen[-1].done == total and seen[-1].fraction == 1.0
    assert seen[-1].message == "Imported 7 articles."


def test_summary_sentences():
    report = ImportReport(imported=[1], duplicates=[("a", "t", 3), ("b", "u", 4)],
                          problems=[ImportProblem("x.txt", "Bad.")])
    assert report.summary() == (
        "Imported 1 article; 2 already present; 1 file could not be imported.")
    assert ImportReport().summary() == "No articles imported."


# --- legacy encodings and files that are not articles ------------------------------------

SOCIETE = "Société générale a réalisé 3 € de bénéfice"


def test_a_windows_1252_file_is_read_with_its_accents_and_a_note(db, tmp_path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(f"title: Résultats\n\n{SOCIETE} en 2023.\n".encode("cp1252"))
    modern = tmp_path / "modern.md"
    modern.write_text(f"# Résultats\n\n{SOCIETE} cette année.\n", encoding="utf-8")

    result = import_paths([legacy, modern])

    assert result.problems == []
    legacy_article, modern_article = (_stored(i) for i in result.imported)
    assert legacy_article.title == "Résultats"
    assert legacy_article.body == f"{SOCIETE} en 2023."
    assert modern_article.body.endswith(f"{SOCIETE} cette année.")
    [note] = result.notes  # UTF-8 comes first: the Markdown file gets none
    assert Path(note.path).name == "legacy.txt" and note.encoding == "Windows-1252"
    assert note.message.startswith("Read as Windows-1252: the file is not UTF-8")
    assert result.summary() == "Imported 2 articles; 1 file read as Windows-1252."


def test_read_document_reads_a_latin_1_file_and_says_so(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes("# Crème brûlée\n\nLe café crème coûte 2 euros à Noël.".encode("latin-1"))
    notes: list[ImportNote] = []

    [article] = read_document(path, notes=notes)

    assert article.title == "Crème brûlée"
    assert article.body.endswith("Le café crème coûte 2 euros à Noël.")
    assert [n.encoding for n in notes] == ["Windows-1252"]  # Latin-1 text reads alike


def test_readme_and_licence_in_a_folder_are_skipped_and_reported(db, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "README.md").write_text("# About this corpus\n\nTwo articles.\n", encoding="utf-8")
    (folder / "LICENSE").write_text("MIT License\n\nPermission is hereby granted…\n",
                                    encoding="utf-8")
    (folder / "one.txt").write_text("title: One\n\nThe first article.\n", encoding="utf-8")
    (folder / "two.md").write_text("# Two\n\nThe second article.\n", encoding="utf-8")

    result = import_paths([folder])

    assert sorted(_stored(i).title for i in result.imported) == ["One", "Two"]
    assert result.problems == []
    assert sorted(Path(n.path).name for n in result.notes) == ["LICENSE", "README.md"]
    assert all(n.skipped for n in result.notes)
    readme = next(n for n in result.notes if n.path.endswith("README.md"))
    assert readme.message.startswith("Skipped: looks like a README, not an article")
    assert result.summary() == "Imported 2 articles; 2 files skipped as not articles."

    named = import_paths([folder / "README.md"])  # given by itself, it is an article

    assert [_stored(i).title for i in named.imported] == ["About this corpus"]
    assert named.notes == []
