"""Zip archives: each entry is read as a file of a folder, hostile entries are named and refused.

Every archive here is made by the test with :mod:`zipfile` (and patched by
hand where zipfile would not write what a hostile archive holds): names
that climb out of their folder, links, bombs, damaged entries, archives
inside the archive. Each refused entry is one problem named
``archive.zip:folder/entry``; the other entries and files are imported.
"""

from __future__ import annotations

import gzip
import json
import stat
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from db.articles import article_count, get_article
from db.models import database
from desktop.cli import main
from desktop.core.bounded_read import MIB, size_text
from desktop.core.import_archive import MAX_ARCHIVE_ENTRIES
from desktop.core.importers import ImportReport, import_paths, read_document
from tests.core.test_import_pdf import make_pdf

GOOD_TEXT = "title: Good neighbour\n\nThe good file beside the archive is imported.\n"
GOOD_ENTRY = "title: Good entry\n\nThe good entry of the archive is imported.\n"


def _zip(path: Path, entries: dict[str, bytes | str],
         method: int = zipfile.ZIP_DEFLATED) -> Path:
    """Writes an archive of ``entries`` (name → content), in that order."""
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def _inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return folder


def _titles(report: ImportReport) -> list[str]:
    titles = []
    for article_id in report.imported:
        article = get_article(article_id)
        assert article is not None
        titles.append(article.title)
    return sorted(titles)


def _reasons(report: ImportReport, folder: Path) -> dict[str, str]:
    """Each problem's reason by where it is in ``folder``: ``{"a.zip:news/x.txt": …}``."""
    reasons = {p.path.removeprefix(f"{folder}/"): p.reason for p in report.problems
               if p.line is None}
    assert len(reasons) == len([p for p in report.problems if p.line is None]), report.problems
    return reasons


def _patch_directory(data: bytes, name: str, **fields: int) -> bytes:
    """The archive with fields of ``name``'s record in its table of contents changed.

    Fields: ``flags``, ``compressed`` (size), ``size`` (expanded), ``mode``
    (the external attributes). zipfile reads an entry as its table of
    contents says, so this is what a hostile archive would hold.
    """
    layout = {"flags": (8, "<H"), "compressed": (20, "<L"), "size": (24, "<L"),
              "mode": (38, "<L")}
    patched = bytearray(data)
    at = patched.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", patched, at + 28)[0]
        if patched[at + 46:at + 46 + length] == name.encode("utf-8"):
            for field, value in fields.items():
                offset, form = layout[field]
                struct.pack_into(form, patched, at + offset, value)
            return bytes(patched)
        at = patched.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"no entry {name} in the archive")


def _integrity_ok() -> bool:
    return database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- what an archive holds is imported ---------------------------------------------------

def test_each_entry_of_an_archive_is_imported_as_a_file_of_a_folder(db, tmp_path):
    folder = _inbox(tmp_path)
    feed = "\n".join(json.dumps({"title": f"Feed {n}", "body": f"Line {n} of the feed."})
                     for n in (1, 2)) + "\n"
    archive = _zip(folder / "news.zip", {
        "2024/": "",
        "2024/one.txt": "title: One\n\nThe first article of the archive.\n",
        "2024/two.md": "# Two\n\nThe *second* article.\n",
        "2024/page.html": "<html><head><title>Page</title></head><body><article><p>A saved "
                          "page in the archive, with a paragraph long enough to be the "
                          "article.</p></article></body></html>",
        "2024/report.pdf": make_pdf([["A report saved as a PDF, inside the archive."]],
                                    info={"Title": "Report"}),
        "feeds/feed.jsonl": feed,
        "feeds/old.jsonl.gz": gzip.compress(json.dumps(
            {"title": "Compressed", "body": "A line of a compressed feed."}).encode()),
        "README.md": "# About this archive\n",
        ".hidden.txt": "title: Hidden\n\nNot read, as in a folder.\n",
        "__MACOSX/2024/._one.txt": b"\x00\x05\x16\x07 resource fork",
        "2024/photo.jpg": b"\xff\xd8\xff",
    })

    report = import_paths([folder])

    assert _titles(report) == ["Compressed", "Feed 1", "Feed 2", "Good neighbour", "One",
                               "Page", "Report", "Two"]
    assert _reasons(report, folder) == {"news.zip:2024/photo.jpg": (
        "Unsupported file type “.jpg”: Marginalia imports .txt, .md, .markdown, .jsonl, "
        ".jsonl.gz, .html, .htm and .pdf files, and .zip archives of them.")}
    assert [str(note) for note in report.notes] == [
        f"{archive}:README.md: Skipped: looks like a README, not an article."]
    stored = {article.title: article for article in map(get_article, report.imported)}
    assert stored["One"].body == "The first article of the archive."
    assert stored["One"].source == f"{archive.resolve()}:2024/one.txt"
    assert stored["Two"].body == "Two\n\nThe second article."  # as a file's Markdown reads
    assert stored["Report"].body == "A report saved as a PDF, inside the archive."
    assert report.summary() == ("Imported 8 articles; 1 file could not be imported; "
                                "1 file skipped as not an article.")


def test_an_archive_given_by_itself_and_read_without_storing(db, tmp_path):
    archive = _zip(tmp_path / "one.zip", {"a.txt": GOOD_ENTRY})

    [article] = read_document(archive)
    report = import_paths([archive])

    assert (article.title, article.where) == ("Good entry", f"{archive}:a.txt")
    assert _titles(report) == ["Good entry"] and report.problems == []


def test_an_archive_of_folders_only_is_named(db, tmp_path):
    folder = _inbox(tmp_path)
    _zip(folder / "empty.zip", {"a/": "", "a/b/": "", ".DS_Store": b"\0"})

    report = import_paths([folder])

    assert _titles(report) == ["Good neighbour"]
    assert _reasons(report, folder) == {"empty.zip": (
        "The archive holds no files to import: it is empty, or holds only folders and "
        "hidden files.")}


# --- names, links and kinds of entries --------------------------------------------------

ZIP_SLIP = ("unpacked, it would be written outside the archive's folder, as only a malicious "
            "archive ")
ESCAPING = {
    "../evil.txt": "climbs out of its folder with “..”",
    "news/../../evil.txt": "climbs out of its folder with “..”",
    "news\\..\\..\\evil.txt": "climbs out of its folder with “..”",
    "/etc/cron.d/evil.txt": "is an absolute path",
    "\\Windows\\evil.txt": "is an absolute path",
    "C:/Users/evil.txt": "starts with a drive letter",
    "c:evil.txt": "starts with a drive letter",
}


def test_entries_whose_names_escape_their_folder_are_refused(db, tmp_path):
    folder = _inbox(tmp_path)
    entries: dict[str, bytes | str] = {name: f"title: Evil {n}\n\nWritten outside.\n"
                                       for n, name in enumerate(ESCAPING)}
    _zip(folder / "slip.zip", {**entries, "news/fine.txt": GOOD_ENTRY})

    report = import_paths([folder])

    assert _titles(report) == ["Good entry", "Good neighbour"]
    reasons = _reasons(report, folder)
    assert set(reasons) == {f"slip.zip:{name}" for name in ESCAPING}
    for name, how in ESCAPING.items():
        assert reasons[f"slip.zip:{name}"] == (
            f"The name of this entry {how}: {ZIP_SLIP}does (a “zip slip”). It was not read.")
    assert article_count() == 2


def test_a_symbolic_link_and_an_encrypted_entry_are_refused_unread(db, tmp_path):
    folder = _inbox(tmp_path)
    path = folder / "odd.zip"
    with zipfile.ZipFile(path, "w") as archive:
        link = zipfile.ZipInfo("passwd.txt")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
        archive.writestr("locked.txt", "title: Locked\n\nNot readable without its password.\n")
        archive.writestr("fine.txt", GOOD_ENTRY)
    path.write_bytes(_patch_directory(path.read_bytes(), "locked.txt", flags=0x1))

    report = import_paths([folder])

    assert _titles(report) == ["Good entry", "Good neighbour"]
    assert _reasons(report, folder) == {
        "odd.zip:passwd.txt": "This entry is a symbolic link, not a file: Marginalia does not "
                              "follow links in an archive, so it was not read.",
        "odd.zip:locked.txt": "This entry is encrypted (protected by a password): Marginalia "
                              "does not read encrypted entries. Unpack the archive with its "
                              "password and import the folder.",
    }


def test_an_archive_inside_the_archive_is_not_opened(db, tmp_path):
    folder = _inbox(tmp_path)
    inner = _zip(tmp_path / "inner.zip", {"hidden-inside.txt": "title: Inside\n\nNot read.\n"})
    _zip(folder / "outer.zip", {"inner.zip": inner.read_bytes(), "fine.txt": GOOD_ENTRY})

    report = import_paths([folder])

    assert _titles(report) == ["Good entry", "Good neighbour"]
    assert _reasons(report, folder) == {"outer.zip:inner.zip": (
        "This entry is an archive or a compressed file itself: Marginalia does not open "
        "archives inside archives. Unpack it and import what it holds.")}


def test_an_entry_compressed_with_another_method_is_named(db, tmp_path):
    folder = _inbox(tmp_path)
    path = folder / "bz.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("fine.txt", GOOD_ENTRY)
        archive.writestr("packed.txt", "title: Packed\n\nBzip2.\n", zipfile.ZIP_BZIP2)

    report = import_paths([folder])

    assert _titles(report) == ["Good entry", "Good neighbour"]
    assert _reasons(report, folder)["bz.zip:packed.txt"].startswith(
        "This entry is compressed with bzip2, which Marginalia does not read in an archive")


# --- sizes and bombs ------------------------------------------------------------------------

def test_a_bomb_of_zeros_is_refused_before_it_is_expanded(db, tmp_path):
    folder = _inbox(tmp_path)
    path = _zip(folder / "bomb.zip", {"zeros.txt": b"\0" * (64 * MIB), "fine.txt": GOOD_ENTRY})
    compressed = zipfile.ZipFile(path).getinfo("zeros.txt").compress_size

    report = import_paths([folder])

    assert _titles(report) == ["Good entry", "Good neighbour"]
    assert _reasons(report, folder) == {"bomb.zip:zeros.txt": (
        f"This entry says it expands to 64 MiB from {size_text(compressed)}, more than "
        "100 times its size, as only a decompression bomb does; Marginalia did not expand it.")}


def test_a_bomb_that_lies_about_its_sizes_stops_at_once_in_bounded_memory(db, tmp_path):
    folder = _inbox(tmp_path)
    filler = " ".join(f"word{n}" for n in range(30_000))  # stored: bytes to read after the bomb
    path = tmp_path / "lying.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("feed.jsonl", b"\n" * (64 * MIB), zipfile.ZIP_DEFLATED)
        archive.writestr("filler.txt", "title: Filler\n\n" + filler)
    # It says it takes a 50th of what it expands to: nothing to refuse before reading it.
    data = _patch_directory(path.read_bytes(), "feed.jsonl", compressed=64 * MIB // 50)
    (folder / "lying.zip").write_bytes(data)

    tracemalloc.start()
    try:
        report = import_paths([folder])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert _titles(report) == ["Filler", "Good neighbour"]
    assert _reasons(report, folder) == {"lying.zip:feed.jsonl": (
        "This entry expands to more than 100 times its size, as only a decompression bomb "
        "does; Marginalia stopped expanding it, and imported nothing of it.")}
    assert peak < 16 * MIB  # it expands to 64 MiB
    assert _integrity_ok()


def test_an_entry_larger_than_one_article_is_refused_by_what_it_declares(db, tmp_path):
    folder = _inbox(tmp_path)
    path = _zip(tmp_path / "big.zip", {"big.txt": "title: Big\n\nNot so big.\n",
                                       "fine.txt": GOOD_ENTRY}, method=zipfile.ZIP_STORED)
    (folder / "big.zip").write_bytes(_patch_directory(
        path.read_bytes(), "big.txt", compressed=32 * MIB + 1, size=32 * MIB + 1))

    report = import_paths([folder])

    assert _titles(report) == ["Good entry", "Good neighbour"]
    assert _reasons(report, folder) == {"big.zip:big.txt": (
        "The file is larger than 32 MiB, the most one article may take; split it, or import "
        "its articles as JSON Lines.")}


def test_an_entry_that_expands_past_what_it_declares_is_damaged(db, tmp_path):
    folder = _inbox(tmp_path)
    path = _zip(tmp_path / "grows.zip", {"grows.txt": "title: Grows\n\n" + "word " * 10_000,
                                         "fine.txt": GOOD_ENTRY})
    (folder / "grows.zip").write_bytes(_patch_directory(path.read_bytes(), "grows.txt",
                                                        size=100))

    report = import_paths([folder])

    assert _titles(report) == ["Good entry", "Good neighbour"]
    assert _reasons(report, folder) == {"grows.zip:grows.txt": (
        "This entry is damaged: its checksum does not match its contents, so nothing of it "
        "was imported.")}


def test_entries_that_together_expand_like_a_bomb_stop_the_archive(db, tmp_path):
    folder = _inbox(tmp_path)
    # Each expands to less than the first mebibyte, which is not checked for its ratio.
    entries: dict[str, bytes | str] = {"fine.txt": GOOD_ENTRY}
    entries.update({f"zeros-{n:02}.txt": b"\0" * 1_000_000 for n in range(40)})
    _zip(folder / "many.zip", entries)

    report = import_paths([folder])

    assert _titles(report) == ["Good entry", "Good neighbour"]
    reasons = _reasons(report, folder)
    stop = reasons.pop("many.zip")
    assert stop.startswith("The entries of this archive together expand to more than 100 "
                           "times its size, as only a decompression bomb does; Marginalia "
                           "stopped reading it at zeros-")
    assert 0 < len(reasons) < 10  # it stopped long before the 40th entry
    assert all(reason == "This is a binary file, not text." for reason in reasons.values())


@pytest.mark.parametrize("end_record", ["zip", "zip64"])
def test_an_archive_of_too_many_entries_is_refused_whole(db, tmp_path, monkeypatch, end_record):
    if end_record == "zip64":  # zipfile writes ZIP64 end records past this many entries
        monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 1000)
    folder = _inbox(tmp_path)
    _zip(folder / "crowd.zip", {f"e/{n:05}.txt": f"title: E{n}\n\nEntry {n}.\n"
                                for n in range(MAX_ARCHIVE_ENTRIES + 1)},
         method=zipfile.ZIP_STORED)

    report = import_paths([folder])

    assert _titles(report) == ["Good neighbour"]
    assert _reasons(report, folder) == {"crowd.zip": (
        "The archive holds 10,001 entries, more than 10,000, the most Marginalia reads in one "
        "archive: unpack it and import the folder, or split it into smaller archives.")}


def test_a_table_of_contents_too_large_to_read_is_refused_unread(db, tmp_path):
    folder = _inbox(tmp_path)
    data = bytearray(_zip(tmp_path / "a.zip", {"fine.txt": GOOD_ENTRY}).read_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<L", data, end + 12, 64 * MIB)  # the bytes of the table of contents
    (folder / "huge-toc.zip").write_bytes(bytes(data))

    report = import_paths([folder])

    assert _titles(report) == ["Good neighbour"]
    assert _reasons(report, folder)["huge-toc.zip"].startswith(
        "The archive's table of contents takes 64 MiB, more than 8 MiB, the most Marginalia "
        "reads")


# --- damaged archives ---------------------------------------------------------------------

def test_an_entry_whose_checksum_fails_is_refused_and_the_others_are_read(db, tmp_path):
    folder = _inbox(tmp_path)
    path = _zip(folder / "crc.zip", {"a.txt": GOOD_ENTRY,
                                     "b.txt": "title: Damaged\n\nOne byte of it changed.\n"},
                method=zipfile.ZIP_STORED)
    path.write_bytes(path.read_bytes().replace(b"One byte", b"One bite"))

    report = import_paths([folder])

    assert _titles(report) == ["Good entry", "Good neighbour"]
    assert _reasons(report, folder) == {"crc.zip:b.txt": (
        "This entry is damaged: its checksum does not match its contents, so nothing of it "
        "was imported.")}


def test_nothing_of_a_damaged_json_lines_entry_is_imported(db, tmp_path):
    folder = _inbox(tmp_path)
    lines = [json.dumps({"title": f"Line {n}", "body": f"Record number {n}."}) for n in range(3)]
    path = _zip(folder / "feed.zip", {"feed.jsonl": "\n".join(lines) + "\n",
                                      "fine.txt": GOOD_ENTRY}, method=zipfile.ZIP_STORED)
    path.write_bytes(path.read_bytes().replace(b"Record number 2", b"Record number 9"))

    report = import_paths([folder])

    assert _titles(report) == ["Good entry", "Good neighbour"]
    assert _reasons(report, folder) == {"feed.zip:feed.jsonl": (
        "This entry is damaged: its checksum does not match its contents, so nothing of it "
        "was imported.")}
    assert article_count() == 2


@pytest.mark.parametrize("cut", ["table of contents", "half"])
def test_an_archive_cut_short_is_one_problem_and_nothing_of_it_is_imported(db, tmp_path, cut):
    folder = _inbox(tmp_path)
    data = _zip(tmp_path / "a.zip", {"a.txt": GOOD_ENTRY,
                                     "b.txt": "title: B\n\nThe second.\n"}).read_bytes()
    keep = data.rfind(b"PK\x01\x02") + 10 if cut == "table of contents" else len(data) // 2
    (folder / "cut.zip").write_bytes(data[:keep])

    report = import_paths([folder])

    assert _titles(report) == ["Good neighbour"]
    assert _reasons(report, folder) == {"cut.zip": (
        "This is not a zip archive, or it is damaged: its table of contents can't be read "
        "(File is not a zip file).")}
    assert report.summary() == "Imported 1 article; 1 file could not be imported."


def test_a_file_named_zip_that_is_not_an_archive_is_named(db, tmp_path):
    folder = _inbox(tmp_path)
    (folder / "notes.zip").write_text("Just some text, misnamed.", encoding="utf-8")

    report = import_paths([folder])

    assert _titles(report) == ["Good neighbour"]
    [reason] = _reasons(report, folder).values()
    assert reason.startswith("This is not a zip archive, or it is damaged")


# --- the command line ------------------------------------------------------------------------

def test_the_command_line_imports_an_archive_and_names_its_refused_entries(db_path, tmp_path,
                                                                           capsys):
    archive = _zip(tmp_path / "mixed.zip", {"fine.txt": GOOD_ENTRY, "../evil.txt": "Evil."})

    code = main(["--db", str(db_path), "import", str(archive)])

    out, err = capsys.readouterr()
    assert code == 1
    assert out == "Imported 1 article; 1 file could not be imported.\n"
    assert err.splitlines() == [
        f"marginalia: {archive}:../evil.txt: The name of this entry climbs out of its folder "
        f"with “..”: {ZIP_SLIP}does (a “zip slip”). It was not read."]
