"""Reading articles from files: plain text, Markdown, JSON Lines, web pages, PDF and zip.

Parsing only, no database: :mod:`desktop.core.importers` stores what is read
here, and the CLI ``suggest`` command reads one file with
:func:`read_document`. Every body goes through
:func:`desktop.core.text.normalize_body` exactly once, so the stored body is
exactly what the reader shows. Problems are reported in words, naming the
file (and line) and the reason.

A text or Markdown file is read as UTF-8 when it is UTF-8, or in the
encoding its byte-order mark names (UTF-8, UTF-16 or UTF-32, either byte
order). Other bytes are a file saved in an older 8-bit encoding:
:func:`legacy_encoding` finds which (charset-normalizer), the file is read
in it, and an :class:`ImportNote` says so, for the user to check its accents.

Reading is bounded (:mod:`desktop.core.bounded_read`): only regular files,
one article of at most ``MAX_ARTICLE_BYTES``, compressed files expanded as
a stream within a size and a ratio. A JSON line that can't be read — bad
JSON, a number of thousands of digits, lists nested thousands deep, text
holding half a surrogate pair or a NUL — is a problem of that line only.

A saved web page (``.html``, ``.htm``: :mod:`desktop.core.import_html`) and
a PDF (:mod:`desktop.core.import_pdf`) are one article each, read by their
modules, which load their libraries only when such a file is read. A zip
archive (:mod:`desktop.core.import_archive`) is read entry by entry, each
entry as if it were a file in a folder.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
import sys
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from desktop.core import i18n
from desktop.core.bounded_read import (
    MAX_ARTICLE_BYTES,
    MAX_HTML_BYTES,
    MAX_PDF_BYTES,
    GzipChunks,
    LimitReached,
    LineReader,
    Readable,
    ReadCallback,
    ReadCancelled,
    article_too_big,
    display_path,
    open_regular,
    read_article_file,
    read_chunks,
    size_text,
)
from desktop.core.bounded_read import DocumentError as DocumentError
from desktop.core.i18n import QT_TRANSLATE_NOOP, number, translate
from desktop.core.language import guess_language
from desktop.core.markdown_text import markdown_to_text
from desktop.core.progress import CancelToken, is_cancelled
from desktop.core.text import normalize_body

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
ARCHIVE_SUFFIXES = (".zip",)
SUPPORTED_SUFFIXES = (TEXT_SUFFIXES + MARKDOWN_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES
                      + PDF_SUFFIXES + ARCHIVE_SUFFIXES)

MAX_PROBLEMS_PER_FILE = 20
"""Past this many bad lines in one file, the rest are counted, not listed."""

GIVE_UP_AFTER_BAD_LINES = 1000
"""A JSON Lines file whose first this many lines hold no article is not read further."""

TITLE_MAX = 120
"""A title taken from the first line of the text is cut to this many characters."""


class RecordError(Exception):
    """One record (a JSON line, or an annotation in it) can't be imported; says why."""


@dataclass
class ParsedArticle:
    """One article read from a file, not stored yet.

    Attributes:
        title: the headline.
        body: the text exactly as it will be shown (normalised).
        language: ``"fr"``, ``"en"``… (guessed when the file does not say).
        published: the publication date, if known.
        source: a URL or the file the article came from.
        path: the file it was read from, for messages.
        line: the line number in a JSON Lines file, else None.
        annotations: annotations carried by a Marginalia export (raw dicts).
        relations: relations carried by a Marginalia export (raw dicts).
        deals: deals carried by a Marginalia export (raw dicts; only their
            ``amount``, ``same_deal_as`` and ``separate`` are read, the rest
            comes from the relations).
        currency_hint: what a bare "$" means in the article, as a Marginalia
            export gave it (raw: checked when restored), or None.
        rejected: the spans refused as suggestions that a Marginalia export
            carried (raw: checked when restored), or None.
        entities: the entities, with their aliases, that a Marginalia export
            named for the annotations (raw: checked when restored), or None.
    """

    title: str
    body: str
    language: str = ""
    published: dt.date | None = None
    source: str = ""
    path: str = ""
    line: int | None = None
    annotations: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    deals: list[dict[str, Any]] = field(default_factory=list)
    currency_hint: object = None
    rejected: object = None
    entities: object = None

    @property
    def where(self) -> str:
        """The file, and the line in it, the article was read from."""
        return self.path if self.line is None else f"{self.path}, line {self.line}"


@dataclass(frozen=True)
class ImportProblem:
    """Why one file (or one line of it) was not imported, in words."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}, line {self.line}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class ImportNote:
    """Something to know about a file that was handled all the same, in words.

    Attributes:
        path: the file.
        message: what happened ("Read as Windows-1252: …", "Skipped: …").
        encoding: the legacy encoding the file was read in (its name for
            people, "Windows-1252"), or None.
        skipped: the file was left out on purpose (a README in a folder).
    """

    path: str
    message: str
    encoding: str | None = None
    skipped: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


# --- reading files --------------------------------------------------------------

def read_document(path: str | os.PathLike[str],
                  problems: list[ImportProblem] | None = None,
                  notes: list[ImportNote] | None = None) -> list[ParsedArticle]:
    """Reads the articles of one file without storing them.

    Args:
        path: a ``.txt``, ``.md``, ``.markdown``, ``.jsonl``, ``.jsonl.gz``,
            ``.html``, ``.htm`` or ``.pdf`` file, or a ``.zip`` archive of them.
        problems: if given, bad lines of a JSON Lines file are added to it
            (they are skipped either way).
        notes: if given, gets a note when the file was not UTF-8 (see
            :func:`iter_file`).

    Raises:
        DocumentError: the file can't be read or holds no article; the
            message says why.
    """
    sink: list[ImportProblem] = [] if problems is None else problems
    return [article for article, _ in iter_file(Path(path), sink, notes)]


def suffix_of(path: PurePath) -> str:
    """The file's type as its lower-case extension (``".jsonl.gz"`` counts as one)."""
    name = path.name.lower()
    return next((s for s in SUPPORTED_SUFFIXES if name.endswith(s)), path.suffix.lower())


def iter_file(path: Path, problems: list[ImportProblem], notes: list[ImportNote] | None = None,
              *, cancel: CancelToken | None = None, on_read: ReadCallback | None = None
              ) -> Generator[tuple[ParsedArticle, int], None, None]:
    """Yields each article of ``path`` with the bytes of the file read so far.

    Bad lines of a JSON Lines file are added to ``problems`` and skipped. A
    text or Markdown file that is not UTF-8 is read in the legacy encoding
    that fits it, and a note naming it is added to ``notes``. Paths in
    problems, notes and articles are shown as :func:`display_path` writes
    them, whatever bytes the file's name holds.

    Args:
        path: the file.
        problems: gets the bad lines of a JSON Lines file.
        notes: gets a note when the file was read in a legacy encoding.
        cancel: checked before each chunk read, in the middle of a long file too.
        on_read: told the bytes of the file read so far, after each chunk.

    Raises:
        DocumentError: the whole file can't be read; the message says why.
        ReadCancelled: ``cancel`` was set while the file was being read.
    """
    suffix = suffix_of(path)
    if suffix in ARCHIVE_SUFFIXES:
        from desktop.core.import_archive import iter_archive  # it reads entries with this module

        yield from iter_archive(path, problems, notes, cancel=cancel, on_read=on_read)
        return
    if suffix in JSONL_SUFFIXES:
        with open_regular(path) as handle:
            yield from iter_jsonl(handle, display_path(path), _source_of(path), problems,
                                  gzipped=suffix == ".jsonl.gz", cancel=cancel, on_read=on_read)
        return
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(unsupported_reason(suffix))
    limit, too_big = size_limit(suffix)
    data = read_article_file(path, cancel, on_read, limit, too_big)
    article = parse_document(data, suffix, display_path(path), _source_of(path), notes, cancel)
    yield article, len(data)


def size_limit(suffix: str) -> tuple[int, str]:
    """The most a file of one article of this type may take, and the message past it."""
    if suffix in HTML_SUFFIXES:
        return MAX_HTML_BYTES, translate(
            "Import", "The page is larger than {size}, the most Marginalia reads of a saved "
                      "web page.").format(size=size_text(MAX_HTML_BYTES))
    if suffix in PDF_SUFFIXES:
        return MAX_PDF_BYTES, translate(
            "Import", "The PDF is larger than {size}, the most Marginalia reads of one PDF."
        ).format(size=size_text(MAX_PDF_BYTES))
    return MAX_ARTICLE_BYTES, article_too_big(MAX_ARTICLE_BYTES)


def parse_document(data: bytes, suffix: str, name: str, source: str,
                   notes: list[ImportNote] | None = None,
                   cancel: CancelToken | None = None) -> ParsedArticle:
    """The article the whole bytes of one file hold, read as its type says.

    Args:
        data: the file's bytes, within :func:`size_limit`.
        suffix: its type (:func:`suffix_of`): text, Markdown, a web page or a PDF.
        name: the file as messages name it.
        source: the source stored when the file names none.
        notes: gets a note when the file was read in a legacy encoding.
        cancel: checked now and then through a long text or PDF.

    Raises:
        DocumentError: the file holds no article; the message says why.
        ReadCancelled: ``cancel`` was set.
    """
    if suffix in HTML_SUFFIXES:
        from desktop.core.import_html import read_html  # its libraries load for pages only

        page = read_html(data, source)
        if page.guessed_encoding is not None and notes is not None:
            encoding = encoding_name(page.guessed_encoding)
            notes.append(ImportNote(name, translate(
                "Import", "Read as {encoding}: the page is not UTF-8 and does not say its "
                          "encoding (check that its accents look right).").format(
                    encoding=encoding), encoding=encoding))
        article = page.article
    elif suffix in PDF_SUFFIXES:
        from desktop.core.import_pdf import read_pdf  # pypdf loads for PDFs only

        article = read_pdf(data, source, check=_canceller(cancel))
    else:
        decoded, legacy = _decode(data)
        text = normalize_body(decoded)
        if suffix in MARKDOWN_SUFFIXES:
            article = parse_markdown(text, source=source, check=_canceller(cancel))
        else:
            article = parse_text(text, source=source)
        if legacy is not None and notes is not None:
            encoding = encoding_name(legacy)
            notes.append(ImportNote(name, translate(
                "Import", "Read as {encoding}: the file is not UTF-8 (check that its accents "
                          "look right).").format(encoding=encoding), encoding=encoding))
    article.path = name
    return article


def source_with_author(source: str, author: str) -> str:
    """An article's source with its author after it: ``"https://x.org/a — Jane Roe"``.

    The database has no field for the author, and the source line is what
    names where an article comes from. The address stays first and whole,
    so the short name shown for it (:func:`desktop.core.sources.source_name`)
    and the currency its country suggests are the same as without the
    author; an address without a path gets its "/" so that its host ends
    before the author.
    """
    author = " ".join(author.split())[:AUTHOR_MAX]
    if not author:
        return source
    if re.fullmatch(r"https?://[^/\s]+", source, re.IGNORECASE):
        source += "/"
    return f"{source} — {author}"


AUTHOR_MAX = 200
"""An author (or list of authors) written after the source is cut to this many characters."""


def _canceller(cancel: CancelToken | None) -> Callable[[], None]:
    """A check that raises :class:`ReadCancelled` once ``cancel`` is set."""
    def check() -> None:
        if is_cancelled(cancel):
            raise ReadCancelled()
    return check


def _source_of(path: Path) -> str:
    """The file an article came from, as stored: its full path, links resolved."""
    return display_path(os.path.realpath(path))


def unsupported_reason(suffix: str) -> str:
    """The message for a file Marginalia can't import."""
    kind = f"“{suffix}”" if suffix else translate("Import", "without an extension")
    return translate(
        "Import", "Unsupported file type {kind}: Marginalia imports .txt, .md, .markdown, "
                  ".jsonl, .jsonl.gz, .html, .htm and .pdf files, and .zip archives of them."
    ).format(kind=kind)


# Files that come with a folder of articles but are not articles, by what
# their name says they are (any case, any extension: README, readme.md, LICENSE.txt).
# (In English; the note that names one is translated, these with it.)
_NOT_ARTICLES = {"readme": QT_TRANSLATE_NOOP("Import", "a README"),
                 "license": QT_TRANSLATE_NOOP("Import", "a licence"),
                 "licence": QT_TRANSLATE_NOOP("Import", "a licence"),
                 "copying": QT_TRANSLATE_NOOP("Import", "a licence"),
                 "changelog": QT_TRANSLATE_NOOP("Import", "a change log"),
                 "authors": QT_TRANSLATE_NOOP("Import", "a list of authors"),
                 "notice": QT_TRANSLATE_NOOP("Import", "a notice")}


def not_an_article(path: PurePath) -> str | None:
    """What the file's name says it is when that is not an article ("a README"), else None."""
    return _NOT_ARTICLES.get(path.name.split(".", 1)[0].lower())


_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
              (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))
"""Byte-order marks of UTF-32 and UTF-16; UTF-32 first (its LE mark starts like UTF-16's)."""


def wide_encoding(data: bytes) -> tuple[str, str] | None:
    """The codec and name of the UTF-16 or UTF-32 encoding ``data``'s byte-order mark names."""
    return next(((codec, name) for bom, codec, name in _WIDE_BOMS if data.startswith(bom)), None)


def _decode(data: bytes) -> tuple[str, str | None]:
    """Decodes a whole text file, and names the legacy encoding used (None: UTF).

    A byte-order mark decides first (UTF-32, UTF-16, UTF-8); then UTF-8;
    only bytes that are none of these are read in the legacy encoding that
    fits them. Text holding a NUL is refused: no text file has one.
    """
    wide = wide_encoding(data)
    if wide is not None:
        codec, name = wide
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise DocumentError(translate(
                "Import", "This {encoding} file is damaged and can't be decoded.").format(
                    encoding=name)) from exc
        if "\0" in text:
            line = text.count("\n", 0, text.index("\0")) + 1
            raise DocumentError(translate(
                "Import", "This {encoding} text holds a NUL character on line {line}, which "
                          "no text has: the file is damaged, or not text.").format(
                    encoding=name, line=number(line)))
        return text, None
    if b"\0" in data:
        raise DocumentError(translate("Import", "This is a binary file, not text."))
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        refusal = _not_utf8(data, exc.start)
        if data.startswith(codecs.BOM_UTF8):  # it says it is UTF-8: no other encoding fits
            raise DocumentError(refusal) from exc
    encoding = legacy_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    raise DocumentError(refusal)


PREFERRED_LEGACY = "cp1252"
"""Windows-1252, taken whenever it reads the bytes plausibly.

The articles are mostly French and English, and their older files are in
Windows-1252 or Latin-1 (which it reads alike: they differ only in control
codes no text uses). On a short text a detector finds many encodings
equally likely, and picking among them by its language model reads
"crème" as "crčme" (Windows-1250) as often as not.
"""


def legacy_encoding(data: bytes) -> str | None:
    """The Python codec of the 8-bit encoding that reads ``data`` best, or None.

    charset-normalizer lists the encodings that decode the bytes into
    plausible text; Windows-1252 is taken if it is one of them
    (see :data:`PREFERRED_LEGACY`), else the one it ranks first (Windows-1251
    for Russian, Windows-1250 for Polish…). UTF-16 and UTF-32 without a
    byte-order mark are never guessed.
    """
    from charset_normalizer import from_bytes  # loaded for the files that need it only

    matches = [m for m in from_bytes(data) if not m.encoding.startswith("utf")]
    if not matches:
        return None
    if any(PREFERRED_LEGACY in m.could_be_from_charset for m in matches):
        return PREFERRED_LEGACY
    return str(matches[0].encoding)


_ENCODING_NAMES = {"cp1252": "Windows-1252", "latin_1": "Latin-1", "mac_roman": "Mac Roman",
                   "koi8_r": "KOI8-R", "koi8_u": "KOI8-U"}


def encoding_name(codec: str) -> str:
    """The name people know an encoding by: "cp1250" → "Windows-1250"."""
    if codec in _ENCODING_NAMES:
        return _ENCODING_NAMES[codec]
    if re.fullmatch(r"cp125\d", codec):
        return f"Windows-{codec[2:]}"
    if codec.startswith("iso8859_"):
        return f"ISO-8859-{codec[8:]}"
    return codec.upper().replace("_", "-")


def _not_utf8(data: bytes, position: int, of: str = "file") -> str:
    """Says which byte is not UTF-8, by line (for a file) and by byte offset."""
    byte = f"0x{data[position]:02X}"
    if of == "file":
        line = data.count(b"\n", 0, position) + 1
        return translate(
            "Import", "This is not UTF-8 text: byte {byte} on line {line} (byte {position} of "
                      "the file) is not valid UTF-8. Save the file as UTF-8 and import it again."
        ).format(byte=byte, line=number(line), position=number(position))
    return translate(
        "Import", "This is not UTF-8 text: byte {byte} (byte {position} of the line) is not "
                  "valid UTF-8. Save the file as UTF-8 and import it again.").format(
            byte=byte, position=number(position))


# --- plain text -------------------------------------------------------------------

_HEADER_LINE = re.compile(r"(title|date|source|lang|language)[ \t]*:[ \t]*(.*)", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_text(text: str, source: str = "") -> ParsedArticle:
    """Parses a plain-text article: optional header lines, a blank line, the body.

    The header (``title:``, ``date:``, ``source:``, ``lang:``) counts only if
    it is followed by a blank line; otherwise the whole text is the body and
    its first non-empty line the title.

    Args:
        text: the file's text, already normalised.
        source: the file, used when the header gives no source.

    Raises:
        DocumentError: the body is empty or the date is not YYYY-MM-DD.
    """
    fields, body = _split_header(text)
    return _article(fields, body.strip(), source)


def _split_header(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    fields: dict[str, str] = {}
    for i, line in enumerate(lines):
        match = _HEADER_LINE.fullmatch(line.strip())
        if match:
            key = match.group(1).lower()
            fields["lang" if key == "language" else key] = match.group(2).strip()
            continue
        if fields and not line.strip():
            return fields, "\n".join(lines[i + 1:])
        break
    else:
        if fields:
            return fields, ""
    return {}, text


def _article(fields: dict[str, str], body: str, source: str,
             title: str | None = None) -> ParsedArticle:
    if not body.strip():
        raise DocumentError(translate("Import", "The article has no text."))
    try:
        published = _parse_date(fields.get("date"))
    except ValueError as exc:
        raise DocumentError(str(exc)) from exc
    language = fields.get("lang", "").strip().lower() or guess_language(body)
    return ParsedArticle(
        title=fields.get("title") or title or title_from(body), body=body,
        language=language, published=published,
        source=fields.get("source") or source, path=source,
    )


def _parse_date(value: object) -> dt.date | None:
    """Reads a YYYY-MM-DD date; empty means unknown. Raises ValueError saying why."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(translate(
        "Import", "The date {date} is not a valid date of the form YYYY-MM-DD.").format(
            date=shown(value)))


SHOWN_CHARACTERS = 60
"""A value quoted in a message is cut to this many characters."""


def shown(value: object) -> str:
    """A value from a file as a message quotes it: short, printable, whatever it holds.

    A list or an object is named, not written out (it may nest deeper than
    ``repr`` recurses); a long text or number is cut. Half a surrogate pair
    comes out escaped (``repr`` writes it ``\\ud800``).
    """
    if isinstance(value, list):
        return "(a list)"
    if isinstance(value, dict):
        return "(an object)"
    text = repr(value[:SHOWN_CHARACTERS + 1] if isinstance(value, str) else value)
    if len(text) > SHOWN_CHARACTERS:
        text = text[:SHOWN_CHARACTERS] + "…"
    return text


def title_from(body: str) -> str:
    """A title from the text's first non-empty line, cut to :data:`TITLE_MAX` characters."""
    line = next((ln.strip() for ln in body.split("\n") if ln.strip()), "")
    if len(line) <= TITLE_MAX:
        return line
    cut = line.rfind(" ", 0, TITLE_MAX)
    return line[:cut if cut > TITLE_MAX // 2 else TITLE_MAX].rstrip() + "…"


# --- Markdown -------------------------------------------------------------------

def parse_markdown(text: str, source: str = "", check: Callable[[], None] | None = None
                   ) -> ParsedArticle:
    """Parses a Markdown article into the plain text the reader shows.

    Front matter (``---`` … ``---`` with title/date/source/lang) gives the
    metadata; otherwise the title is the first ``#`` heading. Light markup is
    removed: heading marks, emphasis, links (their text stays), images,
    block-quote marks, code fences and backslash escapes.

    Args:
        text: the file's text, already normalised.
        source: the file, used when the front matter gives no source.
        check: called now and then through a long text; it may raise to stop it.

    Raises:
        DocumentError: the body is empty or the date is not YYYY-MM-DD.
    """
    fields, markdown = _split_front_matter(text)
    body, heading = markdown_to_text(markdown, check)
    return _article(fields, body, source, title=heading)


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            fields: dict[str, str] = {}
            for line in lines[1:i]:
                key, sep, value = line.partition(":")
                key = key.strip().lower()
                if sep and key in ("title", "date", "source", "lang", "language"):
                    fields["lang" if key == "language" else key] = _unquote(value.strip())
            return fields, "\n".join(lines[i + 1:])
    return {}, text


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


# --- JSON Lines -------------------------------------------------------------------

def iter_jsonl(handle: Readable, name: str, source: str, problems: list[ImportProblem],
               *, gzipped: bool = False, cancel: CancelToken | None = None,
               on_read: ReadCallback | None = None) -> Iterator[tuple[ParsedArticle, int]]:
    """Streams the records of a JSON Lines file (gzip-compressed if ``gzipped``), a line at a time.

    Memory holds one line (at most ``MAX_ARTICLE_BYTES``) and one chunk; a
    compressed file is expanded within the bounds of
    :class:`~desktop.core.bounded_read.GzipChunks`. Each article comes with
    the bytes of ``handle`` read so far.

    Args:
        handle: the open file, or the entry of an archive.
        name: the file as messages name it.
        source: the source stored when a record names none.
        problems: gets the bad lines.
        gzipped: the bytes are gzip-compressed (a ``.jsonl.gz`` file).
        cancel: checked before each chunk read.
        on_read: told the bytes of ``handle`` read so far, after each chunk.
    """
    feed = _JsonLinesFeed(name, problems)
    read = 0

    def count(done: int) -> None:
        nonlocal read
        read = done
        if on_read is not None:
            on_read(done)

    expanded = GzipChunks(handle, cancel, count) if gzipped else None
    chunks: Iterable[bytes] = (expanded if expanded is not None
                               else read_chunks(handle, cancel, count))
    lines = LineReader(chunks, MAX_ARTICLE_BYTES)
    try:
        for number, line in lines:
            article = feed.article(number, line, source)
            if article is not None:
                yield article, read
            elif feed.given_up:
                break
    except LimitReached as exc:
        feed.stopped(str(exc), lines.number)
    except (EOFError, zlib.error) as exc:
        if not lines.number:
            raise DocumentError(translate("Import", "This is not a valid gzip file.")) from exc
        problems.append(ImportProblem(name, translate(
            "Import", "The compressed file is cut short or damaged after line {line}; the "
                      "lines before it were read.").format(line=i18n.number(lines.number))))
    feed.finish(empty=not (expanded.expanded if expanded is not None else read))


class _JsonLinesFeed:
    """Turns the lines of one JSON Lines file into articles, and its bad lines into problems."""

    def __init__(self, name: str, problems: list[ImportProblem]) -> None:
        self.name = name
        self.problems = problems
        self.good = 0
        self.bad = 0
        self.given_up = False

    def article(self, number: int, line: bytes | None, source: str) -> ParsedArticle | None:
        """The article of one line, or None (a bad line is reported, a blank one skipped).

        Raises:
            DocumentError: the first line shows the file is not UTF-8 JSON Lines at all.
        """
        if line is None:
            self._bad(number, translate(
                "Import", "The line is longer than {size}, the most one article may take; it "
                          "was skipped.").format(size=size_text(MAX_ARTICLE_BYTES)))
            return None
        if not self.good and not self.bad:
            _refuse_wide_text(line)
        if not line.strip():
            return None
        try:
            article = parse_record(line, source=source, line=number)
        except RecordError as exc:
            if not self.good and not self.bad and b"\0" in line:
                raise DocumentError(translate(
                    "Import", "This is a binary file, not JSON Lines text.")) from exc
            self._bad(number, str(exc))
            return None
        self.good += 1
        article.path = self.name
        return article

    def _bad(self, number: int, reason: str) -> None:
        self.bad += 1
        if self.bad <= MAX_PROBLEMS_PER_FILE:
            self.problems.append(ImportProblem(self.name, reason, number))
        if not self.good and self.bad >= GIVE_UP_AFTER_BAD_LINES:
            self.given_up = True
            self.problems.append(ImportProblem(self.name, translate(
                "Import", "Reading stopped at line {line}: {count} lines and not one article in "
                          "them, so this is not JSON Lines of articles.").format(
                    line=i18n.number(number), count=i18n.number(GIVE_UP_AFTER_BAD_LINES))))

    def stopped(self, reason: str, lines: int) -> None:
        """The file went past a bound after ``lines`` lines."""
        if not self.good and not self.bad:
            raise DocumentError(reason)
        self.problems.append(ImportProblem(self.name, translate(
            "Import", "{reason} Reading stopped after line {line}; the lines before it were "
                      "read.").format(reason=reason, line=i18n.number(lines))))

    def finish(self, empty: bool) -> None:
        """Reports what the whole file lacked; ``empty``: it held no byte at all.

        Raises:
            DocumentError: the file holds nothing, or only blank lines.
        """
        if not self.good and not self.bad:
            raise DocumentError(translate("Import", "The file holds no articles: it is empty.")
                                if empty else translate(
                                    "Import", "The file holds no articles: all its lines are "
                                              "blank."))
        if self.bad > MAX_PROBLEMS_PER_FILE:
            self.problems.append(ImportProblem(self.name, translate(
                "Import", "{count} more lines with problems were skipped as well.").format(
                    count=i18n.number(self.bad - MAX_PROBLEMS_PER_FILE))))


def _refuse_wide_text(line: bytes) -> None:
    """Refuses a JSON Lines file that starts with a UTF-16 or UTF-32 byte-order mark."""
    wide = wide_encoding(line)
    if wide is not None:
        raise DocumentError(translate(
            "Import", "This file is {encoding} text, but JSON Lines must be UTF-8: save it as "
                      "UTF-8 and import it again.").format(encoding=wide[1]))


def parse_record(data: bytes | str, source: str = "", line: int | None = None
                 ) -> ParsedArticle:
    """Parses one JSON Lines record (title, date, source, lang, body, annotations…).

    Args:
        data: the line, as read from the file.
        source: the file, used when the record gives no source.
        line: the line number, for messages.

    Raises:
        RecordError: the line is not a usable article; the message says why.
    """
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RecordError(_not_utf8(data, exc.start, "line")) from exc
    else:
        text = data
    record = _load_json(text.removeprefix("\ufeff"))
    if not isinstance(record, dict):
        raise RecordError(translate("Import", "The line is not a JSON object."))
    if _SUSPECT_ESCAPE.search(text):
        _refuse_broken_text(record)
    body = record.get("body")
    if body is None:
        raise RecordError(translate("Import", 'The record has no "body" field.'))
    if not isinstance(body, str):
        raise RecordError(translate("Import", 'The "body" field is not text.'))
    body = normalize_body(body)
    if not body.strip():
        raise RecordError(translate("Import", "The article has no text."))
    try:
        published = _parse_date(record.get("date"))
    except ValueError as exc:
        raise RecordError(str(exc)) from exc
    annotations = record.get("annotations") or []
    relations = record.get("relations") or []
    deals = record.get("deals") or []
    if not all(isinstance(items, list) for items in (annotations, relations, deals)):
        raise RecordError(translate(
            "Import", '"annotations", "relations" and "deals" must be lists.'))
    language = _text(record, "lang") or _text(record, "language")
    title = _text(record, "title").strip()
    return ParsedArticle(
        title=title or title_from(body), body=body,
        language=language.strip().lower() or guess_language(title + "\n" + body),
        published=published, source=_text(record, "source") or source, path=source,
        line=line, annotations=annotations, relations=relations, deals=deals,
        currency_hint=record.get("currency_hint"), rejected=record.get("rejected"),
        entities=record.get("entities"),
    )


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError(translate("Import", 'The "{key}" field is not text.').format(key=key))
    return value


def _load_json(text: str) -> object:
    """Parses one line of JSON; what Python can't parse is a :class:`RecordError` in words."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordError(translate("Import", "Not valid JSON: {reason} (column {column}).")
                          .format(reason=exc.msg, column=number(exc.colno))) from exc
    except RecursionError as exc:
        raise RecordError(translate(
            "Import", "Lists or objects are nested too deeply on this line to be read (hundreds "
                      "of levels): no article is written like that.")) from exc
    except ValueError as exc:  # an integer of more digits than Python converts
        raise RecordError(translate(
            "Import", "A number on this line has more than {count} digits, too many to read."
        ).format(count=number(sys.get_int_max_str_digits()))) from exc


_SUSPECT_ESCAPE = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")
"""An escape that may give a NUL or half a surrogate pair (the only ways JSON text gets them)."""
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _refuse_broken_text(record: dict[str, Any]) -> None:
    """Refuses text no article holds: a NUL, or half of a UTF-16 surrogate pair.

    Half a pair comes from a program that cut an emoji or other character
    in two; it is no character, can't be stored as UTF-8, nor shown. Every
    field is looked at, those read today and any read tomorrow alike: the
    message names the field.
    """
    for key, value in record.items():
        for text in _strings([key, value]):
            if "\0" in text:
                raise RecordError(translate(
                    "Import", "The {field} field holds a NUL character (\\u0000), which no "
                              "text has.").format(field=_field(key)))
            half = _SURROGATE.search(text)
            if half is not None:
                raise RecordError(translate(
                    "Import", "The {field} field holds {escape}, half of a UTF-16 surrogate "
                              "pair and not a character: the program that wrote the file cut "
                              "a character (an emoji?) in two.").format(
                        field=_field(key), escape=f"\\u{ord(half.group()):04x}"))


def _field(key: str) -> str:
    """A record's key as a message names it: quoted, printable, short."""
    text = key.encode("utf-8", "backslashreplace").decode("utf-8")
    if len(text) > SHOWN_CHARACTERS:
        text = text[:SHOWN_CHARACTERS] + "…"
    return f'"{text}"'


def _strings(value: object) -> Iterator[str]:
    """Every string in a parsed JSON value, keys too, however deep (without recursion)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
