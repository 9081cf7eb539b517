"""Importing PDFs: the text page by page, words cut at line ends mended, and what
can't be read (a scan, a password, a bomb, a damaged file) named with its reason."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from db.articles import article_count, get_article
from db.models import database
from desktop.core.bounded_read import (
    MAX_PDF_BYTES,
    MAX_PDF_PAGES,
    MAX_PDF_STREAM_BYTES,
    ReadCancelled,
)
from desktop.core.import_formats import DocumentError
from desktop.core.import_pdf import NO_TEXT_LAYER, PASSWORD_PROTECTED, read_pdf
from desktop.core.importers import import_paths, read_document

# --- a minimal PDF writer -----------------------------------------------------------


def _escape(text: str) -> bytes:
    """A PDF string literal's content in WinAnsi (Latin-1 covers the French here)."""
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(lines: list[str]) -> bytes:
    """Drawing commands that show ``lines`` one under the other, 14 points apart."""
    ops = [b"BT", b"/F1 11 Tf", b"14 TL", b"72 760 Td"]
    for line in lines:
        ops.append(b"(" + _escape(line) + b") Tj T*" if line else b"T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def make_pdf(pages: list[list[str] | bytes], *, info: dict[str, str] | None = None,
             compress: bool = True, shared_content: bytes | None = None) -> bytes:
    """A PDF whose pages draw the given lines (a page given as bytes is its raw content).

    Args:
        pages: each page's lines ("" is a blank line); ``[]`` is an empty page,
            as a scan without its text layer shows to a text reader.
        info: the document information (``Title``, ``Author``).
        compress: FlateDecode the content streams.
        shared_content: if given, every page draws this one stream (compressed).
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, deflate: bool) -> bytes:
        if deflate:
            data = zlib.compress(data, 9)
            return (b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data
                    + b"\nendstream")
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    catalog = add(b"")
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>")
    shared = add(stream(shared_content, True)) if shared_content is not None else None
    kids = []
    for page in pages:
        if shared is not None:
            content = shared
        else:
            data = page if isinstance(page, bytes) else _content(page) if page else b""
            content = add(stream(data, compress))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (tree, font, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                         + b"] /Count %d >>" % len(kids))
    info_ref = None
    if info:
        info_ref = add(b"<< " + b" ".join(b"/" + key.encode() + b" (" + _escape(value) + b")"
                                          for key, value in info.items()) + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info_ref is not None:
        trailer += b" /Info %d 0 R" % info_ref
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _read_one(path: Path):
    [article] = read_document(path)
    return article


# --- text ------------------------------------------------------------------------------

PAGE_ONE = [
    "OpenAI signs a seven-year cloud contract with Amazon Web Services worth",
    "38 billion dollars, the company said on Monday. The agreement is one of the",
    "largest computing deals ever struck, and it gives the maker of ChatGPT interna-",
    "tional capacity in data centres run by AWS.",
    "",
    "The New York-",
    "based analysts at Bernstein said the deal would be paid over seven years, with",
    "most of the capacity deployed by the end of 2026.",
]
PAGE_TWO = [
    "Matt Garman, the chief executive of AWS, said the agreement showed that the",
    "company could run the most demanding workloads.",
    "Sam Altman welcomed the agreement.",
]


def test_two_pages_become_paragraphs_with_the_cut_word_mended(db, tmp_path):
    path = _write(tmp_path, "cloud.pdf", make_pdf([PAGE_ONE, PAGE_TWO],
                                                 info={"Title": "OpenAI and AWS",
                                                       "Author": "Jane Roe"}))

    report = import_paths([path])

    assert report.problems == [] and len(report.imported) == 1
    article = get_article(report.imported[0])
    assert article.title == "OpenAI and AWS"
    assert article.body == (
        "OpenAI signs a seven-year cloud contract with Amazon Web Services worth 38 billion "
        "dollars, the company said on Monday. The agreement is one of the largest computing "
        "deals ever struck, and it gives the maker of ChatGPT international capacity in data "
        "centres run by AWS."
        "\n\n"
        "The New York-based analysts at Bernstein said the deal would be paid over seven "
        "years, with most of the capacity deployed by the end of 2026."
        "\n\n"
        "Matt Garman, the chief executive of AWS, said the agreement showed that the company "
        "could run the most demanding workloads."
        "\n\n"
        "Sam Altman welcomed the agreement.")
    assert article.language == "en"
    assert article.published is None  # a PDF's dates are the file's, not the article's
    assert article.source == f"{path.resolve()} — Jane Roe"


def test_a_french_pdf_keeps_its_accents_and_its_compound_numbers(tmp_path):
    lines = ["Le contrat, d’une durée de sept ans, porte sur trente-huit milliards de dollars,",
             "soit environ trente-deux milliards d’euros, a-t-",
             "il précisé. Les processeurs seront livrés d’ici la fin de l’année 2026 dans les",
             "centres de données d’Amazon, selon le porte-parole de l’entreprise américaine,",
             "qui n’a pas donné de détails sur les quatre-",
             "vingts sites concernés ni sur leur consomma-",
             "tion d’électricité."]
    path = _write(tmp_path, "contrat.pdf", make_pdf([lines], compress=False))

    article = _read_one(path)

    assert "a-t-il précisé" in article.body
    assert "les quatre-vingts sites" in article.body
    assert "leur consommation d’électricité." in article.body
    assert "\n" not in article.body  # one paragraph
    assert article.language == "fr"
    assert article.title.startswith("Le contrat, d’une durée de sept ans")


def test_running_headers_and_page_numbers_are_dropped(tmp_path):
    pages = [["The Harbour Gazette — Special report", f"Paragraph {word} of the report, in "
              "full, with enough words to look like a real line of text.", str(number)]
             for number, word in enumerate(["one", "two", "three", "four"], start=1)]
    article = _read_one(_write(tmp_path, "report.pdf", make_pdf(pages)))

    assert "Harbour Gazette" not in article.body
    assert article.body.split("\n\n") == [
        f"Paragraph {word} of the report, in full, with enough words to look like a real "
        "line of text." for word in ("one", "two", "three", "four")]


# --- what can't be read ----------------------------------------------------------------

def test_a_scan_without_text_is_named_and_the_other_files_are_imported(db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "scan.pdf", make_pdf([[], []]))
    _write(folder, "good.pdf", make_pdf([PAGE_TWO]))

    report = import_paths([folder])

    assert [(Path(p.path).name, p.reason) for p in report.problems] == [
        ("scan.pdf", NO_TEXT_LAYER)]
    assert NO_TEXT_LAYER == ("This PDF has no text layer (a scan?); Marginalia cannot read "
                             "its text.")
    assert len(report.imported) == 1 and article_count() == 1
    assert report.summary() == "Imported 1 article; 1 file could not be imported."


def _encrypted(tmp_path: Path, user_password: str, algorithm: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = _write(tmp_path, "plain.pdf", make_pdf([PAGE_TWO]))
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    path = tmp_path / f"locked-{bool(user_password)}-{algorithm}.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_locked_by_a_password_gets_a_clear_message(db, tmp_path, algorithm):
    path = _encrypted(tmp_path, "secret", algorithm)

    report = import_paths([path])

    assert [(p.path, p.reason) for p in report.problems] == [(str(path), PASSWORD_PROTECTED)]
    assert PASSWORD_PROTECTED.startswith("This PDF is protected by a password; Marginalia "
                                         "cannot read it.")
    assert article_count() == 0


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_encrypted_without_a_user_password_is_read_as_any_pdf_reader_does(
        tmp_path, algorithm):
    path = _encrypted(tmp_path, "", algorithm)

    assert _read_one(path).body.startswith("Matt Garman, the chief executive of AWS")


@pytest.mark.parametrize("data, reason", [
    (b"", "not a PDF"),
    (b"%PDF-1.4\n", "damaged"),
    (b"<html><body>Not a PDF</body></html>", "not a PDF"),
])
def test_a_file_that_is_not_a_readable_pdf_is_named_with_its_reason(tmp_path, data, reason):
    with pytest.raises(DocumentError, match=reason):
        read_document(_write(tmp_path, "bad.pdf", data))


def test_a_cut_pdf_is_damaged_and_the_database_stays_sound(db, tmp_path):
    whole = make_pdf([PAGE_ONE, PAGE_TWO])
    path = _write(tmp_path, "cut.pdf", whole[:len(whole) // 3])

    report = import_paths([path])

    assert article_count() == 0
    assert len(report.problems) == 1
    assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- bounds ------------------------------------------------------------------------------

def test_a_stream_that_expands_past_the_bound_is_refused_as_a_bomb(db, tmp_path):
    bomb = _content(["Hello."]) + b"\n" + b" " * (MAX_PDF_STREAM_BYTES + 1)
    folder = tmp_path / "in"
    folder.mkdir()
    path = _write(folder, "bomb.pdf", make_pdf([bomb]))
    _write(folder, "good.pdf", make_pdf([PAGE_TWO]))
    assert path.stat().st_size < 40_000

    report = import_paths([folder])

    [problem] = report.problems
    assert problem.path == str(path)
    assert problem.reason == (
        "Page 1: This PDF holds a compressed stream that expands past 16 MiB (or more work "
        "than that), as only a decompression bomb does; Marginalia stopped reading it.")
    assert len(report.imported) == 1


def test_pages_that_all_draw_one_huge_stream_are_refused_as_a_bomb(tmp_path):
    shared = _content(["Hello."]) + b"\n" + b" " * (MAX_PDF_STREAM_BYTES // 2)
    path = _write(tmp_path, "pages.pdf", make_pdf([[]] * 40, shared_content=shared))

    with pytest.raises(DocumentError) as error:
        read_document(path)

    assert str(error.value) == (
        "This PDF's pages expand to more than 100 times its size, as only a decompression "
        "bomb does; Marginalia stopped at page 2.")


def test_too_many_pages_are_refused_before_any_is_read(tmp_path):
    path = _write(tmp_path, "book.pdf", make_pdf([[]] * (MAX_PDF_PAGES + 1), compress=False))

    with pytest.raises(DocumentError) as error:
        read_document(path)

    assert str(error.value) == ("This PDF has 2,001 pages, more than the 2,000 Marginalia "
                                "reads of one file.")


def test_a_file_larger_than_the_bound_is_refused_unread(db, tmp_path):
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(MAX_PDF_BYTES + 1)  # sparse: nothing is written, nothing is read

    report = import_paths([path])

    assert [p.reason for p in report.problems] == [
        "The PDF is larger than 50 MiB, the most Marginalia reads of one PDF."]


def test_cancel_is_heard_between_pages(tmp_path):
    data = make_pdf([PAGE_ONE, PAGE_TWO, PAGE_TWO])
    pages_begun = []

    def check() -> None:
        pages_begun.append(len(pages_begun) + 1)
        if len(pages_begun) == 2:
            raise ReadCancelled()

    with pytest.raises(ReadCancelled):
        read_pdf(data, "three.pdf", check=check)
    assert pages_begun == [1, 2]


@pytest.mark.parametrize("stated", ["Microsoft Word - draft 3.docx", "Untitled", "report.pdf",
                                    ""])
def test_a_title_the_program_made_up_gives_way_to_the_first_line(tmp_path, stated):
    path = _write(tmp_path, "t.pdf", make_pdf([PAGE_TWO], info={"Title": stated}))

    assert _read_one(path).title == ("Matt Garman, the chief executive of AWS, said the "
                                     "agreement showed that the company could run the most "
                                     "demanding…")
