"""Reading articles from files: plain text, Markdown and JSON Lines.

Parsing only, no database: :mod:`desktop.core.importers` stores what is read
here, and the CLI ``suggest`` command reads one file with
:func:`read_document`. Every body goes through
:func:`desktop.core.text.normalize_body` exactly once, so the stored body is
exactly what the reader shows. Problems are reported in words, naming the
file (and line) and the reason.

A text or Markdown file is read as UTF-8 when it is UTF-8 (or has a UTF-16
byte-order mark). Other bytes are a file saved in an older 8-bit encoding:
:func:`legacy_encoding` finds which (charset-normalizer), the file is read
in it, and an :class:`ImportNote` says so, for the user to check its accents.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.language import guess_language
from desktop.core.markdown_text import markdown_to_text
from desktop.core.text import normalize_body

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + JSONL_SUFFIXES

MAX_PROBLEMS_PER_FILE = 20
"""Past this many bad lines in one file, the rest are counted, not listed."""

TITLE_MAX = 120
"""A title taken from the first line of the text is cut to this many characters."""


class DocumentError(Exception):
    """A whole file can't be imported; the message says why, in words."""


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
            ``amount`` and ``same_deal_as`` are read, the rest comes from
            the relations).
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
        path: a ``.txt``, ``.md``, ``.markdown``, ``.jsonl`` or ``.jsonl.gz`` file.
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


def suffix_of(path: Path) -> str:
    """The file's type as its lower-case extension (``".jsonl.gz"`` counts as one)."""
    name = path.name.lower()
    return next((s for s in SUPPORTED_SUFFIXES if name.endswith(s)), path.suffix.lower())


def iter_file(path: Path, problems: list[ImportProblem], notes: list[ImportNote] | None = None
              ) -> Generator[tuple[ParsedArticle, int], None, None]:
    """Yields each article of ``path`` with the bytes of the file read so far.

    Bad lines of a JSON Lines file are added to ``problems`` and skipped. A
    text or Markdown file that is not UTF-8 is read in the legacy encoding
    that fits it, and a note naming it is added to ``notes``.

    Raises:
        DocumentError: the whole file can't be read; the message says why.
    """
    suffix = suffix_of(path)
    if suffix in JSONL_SUFFIXES:
        yield from _iter_jsonl(path, problems)
        return
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(unsupported_reason(suffix))
    data = _read_bytes(path)
    decoded, legacy = _decode(data)
    text = normalize_body(decoded)
    parse = parse_markdown if suffix in MARKDOWN_SUFFIXES else parse_text
    article = parse(text, source=str(path.resolve()))
    article.path = str(path)
    if legacy is not None and notes is not None:
        name = encoding_name(legacy)
        notes.append(ImportNote(str(path), f"Read as {name}: the file is not UTF-8 (check "
                                "that its accents look right).", encoding=name))
    yield article, len(data)


def unsupported_reason(suffix: str) -> str:
    """The message for a file Marginalia can't import."""
    kind = f"“{suffix}”" if suffix else "without an extension"
    return (f"Unsupported file type {kind}: Marginalia imports .txt, .md, .markdown, "
            ".jsonl and .jsonl.gz files.")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(_os_reason(exc)) from exc


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "The file does not exist."
    if isinstance(exc, PermissionError):
        return "Permission denied: Marginalia is not allowed to read this file."
    if isinstance(exc, IsADirectoryError):
        return "This is a folder, not a file."
    return f"The file could not be read ({exc.strerror or exc})."


def _decode(data: bytes) -> tuple[str, str | None]:
    """Decodes a whole text file, and names the legacy encoding used (None: UTF).

    UTF-8 (BOM allowed) comes first, then UTF-16 with its BOM; only bytes
    that are neither are read in the legacy encoding that fits them.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise DocumentError("This UTF-16 file is damaged and can't be decoded.") from exc
    if b"\0" in data:
        raise DocumentError("This is a binary file, not text.")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        refusal = _not_utf8(data, exc.start)
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
    where = f"(byte {position:,} of the {of})"
    if of == "file":
        line = data.count(b"\n", 0, position) + 1
        where = f"on line {line:,} {where}"
    return (f"This is not UTF-8 text: byte 0x{data[position]:02X} {where} is not valid "
            "UTF-8. Save the file as UTF-8 and import it again.")


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
        raise DocumentError("The article has no text.")
    try:
        published = _parse_date(fields.get("date"))
    except ValueError as exc:
        raise DocumentError(str(exc)) from exc
    language = fields.get("lang", "").strip().lower() or guess_language(body)
    return ParsedArticle(
        title=fields.get("title") or title or _title_from(body), body=body,
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
    raise ValueError(f"The date {value!r} is not a valid date of the form YYYY-MM-DD.")


def _title_from(body: str) -> str:
    line = next((ln.strip() for ln in body.split("\n") if ln.strip()), "")
    if len(line) <= TITLE_MAX:
        return line
    cut = line.rfind(" ", 0, TITLE_MAX)
    return line[:cut if cut > TITLE_MAX // 2 else TITLE_MAX].rstrip() + "…"


# --- Markdown -------------------------------------------------------------------

def parse_markdown(text: str, source: str = "") -> ParsedArticle:
    """Parses a Markdown article into the plain text the reader shows.

    Front matter (``---`` … ``---`` with title/date/source/lang) gives the
    metadata; otherwise the title is the first ``#`` heading. Light markup is
    removed: heading marks, emphasis, links (their text stays), images,
    block-quote marks, code fences and backslash escapes.

    Args:
        text: the file's text, already normalised.
        source: the file, used when the front matter gives no source.

    Raises:
        DocumentError: the body is empty or the date is not YYYY-MM-DD.
    """
    fields, markdown = _split_front_matter(text)
    body, heading = markdown_to_text(markdown)
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

def _iter_jsonl(path: Path, problems: list[ImportProblem]
                ) -> Iterator[tuple[ParsedArticle, int]]:
    """Streams the records of a ``.jsonl`` or ``.jsonl.gz`` file, one line at a time."""
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise DocumentError(_os_reason(exc)) from exc
    bad = 0
    good = 0
    number = 0
    source = str(path.resolve())
    with raw:
        stream = gzip.GzipFile(fileobj=raw, mode="rb") if suffix_of(path) == ".jsonl.gz" else raw
        try:
            for number, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    article = parse_record(line, source=source, line=number)
                except RecordError as exc:
                    if not good and not bad and b"\0" in line:
                        raise DocumentError("This is a binary file, not JSON Lines text.") from exc
                    bad += 1
                    if bad <= MAX_PROBLEMS_PER_FILE:
                        problems.append(ImportProblem(str(path), str(exc), number))
                    continue
                good += 1
                article.path = str(path)
                yield article, raw.tell()
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            if not number:
                raise DocumentError("This is not a valid gzip file.") from exc
            problems.append(ImportProblem(
                str(path), f"The compressed file is cut short or damaged after line {number:,}; "
                "the lines before it were read."))
        except OSError as exc:
            raise DocumentError(_os_reason(exc)) from exc
    if bad > MAX_PROBLEMS_PER_FILE:
        problems.append(ImportProblem(
            str(path), f"{bad - MAX_PROBLEMS_PER_FILE:,} more lines with problems were "
            "skipped as well."))


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
    try:
        record = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise RecordError(f"Not valid JSON: {exc.msg} (column {exc.colno}).") from exc
    if not isinstance(record, dict):
        raise RecordError("The line is not a JSON object.")
    body = record.get("body")
    if body is None:
        raise RecordError('The record has no "body" field.')
    if not isinstance(body, str):
        raise RecordError('The "body" field is not text.')
    body = normalize_body(body)
    if not body.strip():
        raise RecordError("The article has no text.")
    try:
        published = _parse_date(record.get("date"))
    except ValueError as exc:
        raise RecordError(str(exc)) from exc
    annotations = record.get("annotations") or []
    relations = record.get("relations") or []
    deals = record.get("deals") or []
    if not all(isinstance(items, list) for items in (annotations, relations, deals)):
        raise RecordError('"annotations", "relations" and "deals" must be lists.')
    language = _text(record, "lang") or _text(record, "language")
    title = _text(record, "title").strip()
    return ParsedArticle(
        title=title or _title_from(body), body=body,
        language=language.strip().lower() or guess_language(title + "\n" + body),
        published=published, source=_text(record, "source") or source, path=source,
        line=line, annotations=annotations, relations=relations, deals=deals,
    )


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordError(f'The "{key}" field is not text.')
    return value


