"""Hostile files: each is a problem of its own file, named with the reason, and the rest imports.

Every file here is made by the test in ``tmp_path``: broken JSON values,
links that loop, named pipes, decompression bombs, byte-order marks,
names that are not UTF-8, Markdown lines that used to take minutes.
"""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from db.articles import article_count, get_article
from db.models import database
from desktop.core import bounded_read, importers
from desktop.core.bounded_read import MAX_ARTICLE_BYTES, MIB
from desktop.core.importers import (
    DocumentError,
    ImportProblem,
    ImportReport,
    import_paths,
    read_document,
)
from desktop.core.progress import CancelToken, Progress

GOOD_TEXT = "title: Good neighbour\n\nThe good file beside the bad one is imported.\n"


def _problem(report: ImportReport, name: str) -> ImportProblem:
    found = [p for p in report.problems if Path(p.path).name == name]
    assert len(found) == 1, report.problems
    return found[0]


def _titles(report: ImportReport) -> list[str]:
    titles = []
    for article_id in report.imported:
        article = get_article(article_id)
        assert article is not None
        titles.append(article.title)
    return sorted(titles)


def _integrity_ok() -> bool:
    return database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def _folder_with_good_file(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return folder


def _record(title: str, body: str) -> str:
    return json.dumps({"title": title, "body": body})


# --- JSON values Python can't take ------------------------------------------------------

DEEP = 100_000

BAD_LINES = {
    "lone high surrogate in the body": (
        '{"title": "Half", "body": "before \\ud800 after"}',
        'The "body" field holds \\ud800, half of a UTF-16 surrogate pair'),
    "lone low surrogate in the title": (
        '{"title": "\\uDC00", "body": "A body."}',
        'The "title" field holds \\udc00, half of a UTF-16 surrogate pair'),
    "surrogates in the wrong order in the source": (
        '{"source": "\\ude00\\ud83d", "body": "A body."}',
        'The "source" field holds \\ude00'),
    "lone surrogate in an annotation": (
        '{"body": "Nvidia sells.", "annotations": [{"start": 0, "end": 6, '
        '"label": "\\ud83d"}]}',
        'The "annotations" field holds \\ud83d'),
    "NUL in the body": (
        '{"body": "a\\u0000b"}', 'The "body" field holds a NUL character'),
    "integer of 5,000 digits": (
        '{"body": "A body.", "count": ' + "7" * 5000 + "}",
        "A number on this line has more than 4,300 digits, too many to read."),
    "integer of 5,000 digits as a start": (
        '{"body": "A body.", "annotations": [{"start": ' + "1" * 5000 + "}]}",
        "A number on this line has more than 4,300 digits"),
    "arrays nested 100,000 deep": (
        '{"body": "A body.", "x": ' + "[" * DEEP + "]" * DEEP + "}",
        "Lists or objects are nested too deeply on this line to be read"),
    "objects nested 100,000 deep": (
        '{"body": "A body.", "x": ' + '{"a":' * DEEP + "1" + "}" * DEEP + "}",
        "Lists or objects are nested too deeply on this line to be read"),
    "date nested 500 deep": (
        '{"body": "A body.", "date": ' + "[" * 500 + "]" * 500 + "}",
        "The date (a list) is not a valid date of the form YYYY-MM-DD."),
    "date of 100,000 characters": (
        '{"body": "A body.", "date": "' + "9" * 100_000 + '"}',
        "The date '" + "9" * 59 + "… is not a valid date of the form YYYY-MM-DD."),
    "lone surrogate in a key": (
        '{"body": "A body.", "extra": {"\\ud800": 1}}',
        'The "extra" field holds \\ud800'),
    "body nested 100,000 deep": (
        '{"body": ' + "[" * DEEP + "]" * DEEP + "}",
        "Lists or objects are nested too deeply on this line to be read"),
}


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
@pytest.mark.parametrize("case", list(BAD_LINES), ids=list(BAD_LINES))
def test_a_json_value_python_cannot_take_loses_only_its_line(db, tmp_path, case, suffix):
    bad_line, reason = BAD_LINES[case]
    folder = _folder_with_good_file(tmp_path)
    text = "\n".join([_record("First", "The line before."), bad_line,
                      _record("Third", "The line after.")]) + "\n"
    path = folder / f"feed{suffix}"
    if suffix == ".jsonl.gz":
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")

    report = import_paths([folder])

    assert _titles(report) == ["First", "Good neighbour", "Third"]
    problem = _problem(report, path.name)
    assert problem.line == 2
    assert problem.reason.startswith(reason), problem.reason
    assert "Traceback" not in problem.reason and "Error" not in problem.reason
    assert article_count() == 3
    assert _integrity_ok()


def test_escapes_that_only_look_suspect_are_read(db, tmp_path):
    path = tmp_path / "fine.jsonl"
    lines = ['{"title": "Emoji", "body": "A \\ud83d\\ude00 smile."}',
             '{"title": "Backslash", "body": "Type \\\\ud800 and \\\\u0000 literally."}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    report = import_paths([path])

    assert report.problems == []
    bodies = [get_article(i).body for i in report.imported]
    assert bodies == ["A 😀 smile.", "Type \\ud800 and \\u0000 literally."]


def test_reading_stops_when_a_thousand_lines_hold_no_article(db, tmp_path):
    path = tmp_path / "not-articles.jsonl"
    path.write_text("junk\n" * 5000 + _record("Late", "Never reached.") + "\n",
                    encoding="utf-8")

    report = import_paths([path])

    assert report.imported == []
    reasons = [p.reason for p in report.problems]
    assert ("Reading stopped at line 1,000: 1,000 lines and not one article in them, so this "
            "is not JSON Lines of articles.") in reasons
    assert reasons[-1] == "980 more lines with problems were skipped as well."


# --- sizes -----------------------------------------------------------------------

def _sparse(path: Path, size: int, tail: bytes = b"") -> Path:
    """A file of ``size`` zero bytes that takes no room on disk, then ``tail``."""
    with path.open("wb") as handle:
        handle.truncate(size)
        handle.seek(size)
        handle.write(tail)
    return path


def test_a_line_longer_than_one_article_is_skipped_in_bounded_memory(db, tmp_path):
    folder = _folder_with_good_file(tmp_path)
    after = (_record("After", "The line after the long one.") + "\n").encode()
    path = _sparse(folder / "long.jsonl", MAX_ARTICLE_BYTES + MIB, b"\n" + after)

    tracemalloc.start()
    try:
        report = import_paths([folder])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert _titles(report) == ["After", "Good neighbour"]
    problem = _problem(report, path.name)
    assert (problem.line, problem.reason) == (
        1, "The line is longer than 32 MiB, the most one article may take; it was skipped.")
    assert peak < MAX_ARTICLE_BYTES + 8 * MIB  # one line, never the whole file
    assert _integrity_ok()


@pytest.mark.parametrize("name", ["huge.txt", "huge.md"])
def test_a_text_file_larger_than_one_article_is_refused(db, tmp_path, name):
    folder = _folder_with_good_file(tmp_path)
    _sparse(folder / name, MAX_ARTICLE_BYTES + 1)

    report = import_paths([folder])

    assert _titles(report) == ["Good neighbour"]
    assert _problem(report, name).reason == (
        "The file is larger than 32 MiB, the most one article may take; split it, or "
        "import its articles as JSON Lines.")


def _bomb(path: Path, byte: bytes, before: str = "") -> Path:
    """A gzip file that expands to 1 GiB of ``byte`` (after ``before``), in about 1 MiB."""
    member = gzip.compress(byte * MIB, 9)
    head = gzip.compress(before.encode("utf-8")) if before else b""
    path.write_bytes(head + member * 1024)
    return path


BOMBS = {
    "1 GiB of newlines": (b"\n", ""),
    "one line of 1 GiB": (b"a", ""),
    "1 GiB of spaces after a good line": (b" ", _record("Before", "Read before the bomb.") + "\n"),
}


@pytest.mark.parametrize("case", list(BOMBS), ids=list(BOMBS))
def test_a_gzip_bomb_stops_at_once_in_bounded_memory(db, tmp_path, case):
    byte, before = BOMBS[case]
    folder = _folder_with_good_file(tmp_path)
    path = _bomb(folder / "bomb.jsonl.gz", byte, before)

    tracemalloc.start()
    try:
        report = import_paths([folder])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    reason = _problem(report, path.name).reason
    assert reason.startswith("This compressed file expands to more than 100 times its size, "
                             "as only a decompression bomb does; Marginalia stopped expanding it.")
    expected = ["Good neighbour"] + (["Before"] if before else [])
    assert _titles(report) == sorted(expected)
    if before:
        assert "Reading stopped after line" in reason and "lines before it were read" in reason
    assert peak < 16 * MIB  # it expands to 1 GiB
    assert _integrity_ok()


def test_a_compressed_file_is_read_up_to_its_expanded_size_cap(db, tmp_path, monkeypatch):
    monkeypatch.setattr(bounded_read, "MAX_EXPANDED_BYTES", MIB)
    lines = [_record(f"Report {i}", f"Report {i}: " + " ".join(f"w{i}x{j}" for j in range(400)))
             for i in range(800)]
    path = tmp_path / "large.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))

    report = import_paths([path])

    assert 0 < len(report.imported) < 800
    [problem] = report.problems
    assert problem.reason.startswith("Once expanded, this compressed file is larger than 1 MiB, "
                                     "the most Marginalia reads from one file.")
    assert article_count() == len(report.imported)


# --- empty files, encodings ---------------------------------------------------------

EMPTY = {
    "empty.jsonl": (b"", "The file holds no articles: it is empty."),
    "empty.jsonl.gz": (b"", "The file holds no articles: it is empty."),
    "nothing-inside.jsonl.gz": (gzip.compress(b""), "The file holds no articles: it is empty."),
    "blank.jsonl": (b"\n \r\n\t\n\n", "The file holds no articles: all its lines are blank."),
    "spaces.jsonl": (b"   ", "The file holds no articles: all its lines are blank."),
    "blank.jsonl.gz": (gzip.compress(b"\n" * 1000),
                       "The file holds no articles: all its lines are blank."),
}


@pytest.mark.parametrize("name", list(EMPTY))
def test_an_empty_json_lines_file_is_named(db, tmp_path, name):
    data, reason = EMPTY[name]
    folder = _folder_with_good_file(tmp_path)
    (folder / name).write_bytes(data)

    report = import_paths([folder])

    assert _titles(report) == ["Good neighbour"]
    assert _problem(report, name).reason == reason


ENCODED = {
    "utf-32-le": b"\xff\xfe\x00\x00" + "title: Été\n\nCafé 😀 crème.\n".encode("utf-32-le"),
    "utf-32-be": b"\x00\x00\xfe\xff" + "title: Été\n\nCafé 😀 crème.\n".encode("utf-32-be"),
    "utf-16-le": b"\xff\xfe" + "title: Été\n\nCafé 😀 crème.\n".encode("utf-16-le"),
    "utf-16-be": b"\xfe\xff" + "title: Été\n\nCafé 😀 crème.\n".encode("utf-16-be"),
    "utf-8-bom": b"\xef\xbb\xbf" + "title: Été\n\nCafé 😀 crème.\n".encode(),
}


@pytest.mark.parametrize("encoding", list(ENCODED))
def test_the_byte_order_mark_decides_the_encoding(db, tmp_path, encoding):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(ENCODED[encoding])

    report = import_paths([path])

    assert report.problems == [] and report.notes == []
    [article_id] = report.imported
    article = get_article(article_id)
    assert (article.title, article.body) == ("Été", "Café 😀 crème.")


@pytest.mark.parametrize("encoding,bom", [("UTF-16", b"\xff\xfe"), ("UTF-32", b"\xff\xfe\0\0")])
def test_a_nul_in_decoded_text_and_wide_json_lines_are_refused(db, tmp_path, encoding, bom):
    codec = "utf-16-le" if encoding == "UTF-16" else "utf-32-le"
    folder = _folder_with_good_file(tmp_path)
    (folder / "nul.txt").write_bytes(bom + "First line\nA NUL \0 here.".encode(codec))
    (folder / "damaged.md").write_bytes(bom + "Cut".encode(codec)[:-1])
    (folder / "wide.jsonl").write_bytes(bom + (_record("W", "Wide.") + "\n").encode(codec))

    report = import_paths([folder])

    assert _titles(report) == ["Good neighbour"]
    assert _problem(report, "nul.txt").reason == (
        f"This {encoding} text holds a NUL character on line 2, which no text has: the file "
        "is damaged, or not text.")
    assert _problem(report, "damaged.md").reason == (
        f"This {encoding} file is damaged and can't be decoded.")
    assert _problem(report, "wide.jsonl").reason == (
        f"This file is {encoding} text, but JSON Lines must be UTF-8: save it as UTF-8 and "
        "import it again.")


# --- what is not a regular file ---------------------------------------------------------

def test_only_regular_files_are_read_and_links_that_loop_are_named(db, tmp_path):
    folder = _folder_with_good_file(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("self.txt", folder / "self.txt")
    os.symlink("ping.md", folder / "pong.md")
    os.symlink("pong.md", folder / "ping.md")
    os.symlink("nowhere.txt", folder / "gone.txt")
    os.symlink("good.txt", folder / "via-link.txt")  # the same file again: read once
    os.symlink(".", folder / "again")  # the folder inside itself
    (tmp_path / "outside.md").write_text("# Outside\n\nReached through a link.\n",
                                         encoding="utf-8")
    os.symlink(tmp_path / "outside.md", folder / "linked.md")

    report = import_paths([folder])

    assert _titles(report) == ["Good neighbour", "Outside"]
    assert _problem(report, "pipe.txt").reason == (
        "This is a named pipe (FIFO), not a regular file: Marginalia reads only regular files "
        "(reading this one could block or never end).")
    assert _problem(report, "zero.txt").reason.startswith("This is a device, not a regular file")
    loop = ("This is a symbolic link that leads back to itself (a loop of links), so there is "
            "no file to read.")
    assert [_problem(report, name).reason for name in ("self.txt", "ping.md", "pong.md")] == [
        loop] * 3
    assert _problem(report, "gone.txt").reason == (
        "This is a symbolic link to nowhere.txt, which does not exist.")
    assert len(report.problems) == 6
    assert report.summary() == "Imported 2 articles; 6 files could not be imported."
    assert _integrity_ok()


def test_a_pipe_named_by_itself_is_refused_without_blocking(db, tmp_path):
    pipe = tmp_path / "named.jsonl"
    os.mkfifo(pipe)

    report = import_paths([pipe, tmp_path / "missing.txt"])
    with pytest.raises(DocumentError, match="named pipe"):
        read_document(pipe)

    assert _problem(report, "named.jsonl").reason.startswith("This is a named pipe (FIFO)")
    assert _problem(report, "missing.txt").reason == "The file does not exist."


def test_a_file_name_that_is_not_utf8_is_imported_and_shown(db, tmp_path):
    folder = _folder_with_good_file(tmp_path)
    raw = os.fsencode(folder)
    with open(os.path.join(raw, b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"title: Latin name\n\nA file named in Latin-1.\n")
    with open(os.path.join(raw, b"vide\xff.jsonl"), "wb"):
        pass

    report = import_paths([folder])

    assert _titles(report) == ["Good neighbour", "Latin name"]
    stored = [get_article(i) for i in report.imported]
    latin = next(a for a in stored if a.title == "Latin name")
    assert latin.source == str(folder / "caf\\xe9.txt")
    problem = _problem(report, "vide\\xff.jsonl")
    assert str(problem).encode("utf-8")  # shown and printed as it is
    assert problem.reason == "The file holds no articles: it is empty."


def test_a_folder_nested_deeper_than_python_recurses(db, tmp_path):
    top = tmp_path / "top"
    try:
        deepest = top
        deepest.mkdir()
        for _ in range(1200):  # one by one: mkdir(parents=True) itself recurses
            deepest = deepest / "d"
            deepest.mkdir()
        (deepest / "bottom.txt").write_text("title: Bottom\n\nAt the bottom.\n",
                                            encoding="utf-8")

        report = import_paths([top])
    finally:
        _remove_deep(top)

    assert _titles(report) == ["Bottom"]


def _remove_deep(top: Path) -> None:
    """Removes a chain of nested folders without recursion (pytest's clean-up recurses)."""
    deepest = top
    while (deepest / "d").is_dir():
        deepest = deepest / "d"
    while True:
        for entry in deepest.iterdir():
            if not entry.is_dir():
                entry.unlink()
        deepest.rmdir()
        if deepest == top:
            return
        deepest = deepest.parent


# --- Markdown that used to take minutes ------------------------------------------------

PATHOLOGICAL = ["[", "`", "**a ", "![", "<http:", "_a ", "*a ", "[a](b ", "\\`x"]


def test_pathological_markdown_lines_import_with_every_character(db, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for number, unit in enumerate(PATHOLOGICAL):
        line = "Start " + unit * (200_000 // len(unit)) + " end"
        (folder / f"{number}.md").write_text(line + "\n", encoding="utf-8")

    report = import_paths([folder])

    assert report.problems == []
    bodies = {Path(get_article(i).source).name: get_article(i).body for i in report.imported}
    for number, unit in enumerate(PATHOLOGICAL[:-1]):  # no markup closes: the text is as it is
        assert bodies[f"{number}.md"] == "Start " + unit * (200_000 // len(unit)) + " end"
    assert bodies[f"{len(PATHOLOGICAL) - 1}.md"] == "Start " + "`x" * 66_666 + " end"


# --- cancel, and errors no message foresaw ------------------------------------------------

def test_cancel_is_heard_in_the_middle_of_one_long_file(db, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a-long.jsonl").write_text(
        _record("Long", "word " * (3 * importers.PROGRESS_STEP // 5)) + "\n", encoding="utf-8")
    (folder / "b-after.txt").write_text(GOOD_TEXT, encoding="utf-8")
    token = CancelToken()
    seen: list[Progress] = []

    def on_progress(progress: Progress) -> None:
        seen.append(progress)
        if progress.message == "Reading a-long.jsonl…":
            token.cancel()

    report = import_paths([folder], progress=on_progress, cancel=token)

    assert report.cancelled and report.imported == []
    reading = [p for p in seen if p.message == "Reading a-long.jsonl…"]
    assert len(reading) == 1 and seen[-1] is reading[0]  # nothing read after it
    assert reading[0].done == importers.PROGRESS_STEP
    assert article_count() == 0
    assert report.summary() == "No articles imported; cancelled before the end."


def test_an_unexpected_error_in_one_file_spares_the_others(db, tmp_path, monkeypatch, caplog):
    from desktop.core import import_formats

    original = import_formats.parse_text

    def parse_text(text: str, source: str = ""):
        if source.endswith("buggy.txt"):
            raise KeyError("a bug")
        return original(text, source)

    monkeypatch.setattr(import_formats, "parse_text", parse_text)
    folder = _folder_with_good_file(tmp_path)
    (folder / "buggy.txt").write_text("Some text.", encoding="utf-8")

    report = import_paths([folder])

    assert _titles(report) == ["Good neighbour"]
    assert _problem(report, "buggy.txt").reason == importers.UNEXPECTED_REASON
    assert "buggy.txt" in caplog.text  # the details are logged
