"""Reading import files within bounds: regular files only, sizes capped, cancellable.

Whatever a file holds, reading it must end soon, in bounded memory, and
never block, because an import runs over folders the user did not inspect
byte by byte. So:

* only regular files are read (a symbolic link to one is fine): a named
  pipe would block forever and ``/dev/zero`` never ends. The type is
  checked on the open descriptor, which is opened without blocking;
* a text or Markdown file, and one line of a JSON Lines file, is one
  article: it may take up to :data:`MAX_ARTICLE_BYTES`; a saved web page
  up to :data:`MAX_HTML_BYTES` and a PDF up to :data:`MAX_PDF_BYTES`, for
  they carry much besides the text (markup, scripts, fonts, images);
* a compressed file is expanded as a stream, a chunk at a time, and
  refused once it expands more than :data:`MAX_EXPANSION` times its size
  (a decompression bomb, :func:`is_bomb`) or past :data:`MAX_EXPANDED_BYTES`;
  the entries of a zip archive are held to the same rule
  (:mod:`desktop.core.import_archive`);
* the cancel token is looked at before every chunk, so Cancel works in the
  middle of one huge file too.

Messages say what was refused and the bound, in words.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from desktop.core.i18n import QT_TRANSLATE_NOOP, language, number, translate
from desktop.core.progress import CancelToken, is_cancelled

MIB = 1 << 20
"""One mebibyte."""

MAX_ARTICLE_BYTES = 32 * MIB
"""The most one article may take: a text or Markdown file, or one JSON line.

The longest real article here (a 2.4 MB book, exported with 20,000
annotations) takes about 11 MB as a JSON line.
"""

MAX_EXPANDED_BYTES = 2048 * MIB
"""The most read from one compressed file, once expanded."""

MAX_EXPANSION = 100
"""A compressed file may expand to this many times the bytes read of it.

JSON Lines of articles compress 3 to 10 times; a file expanding a hundred
times more than it takes is a decompression bomb (the bound Apache POI
uses for its own "zip bomb" check, too).
"""

MAX_HTML_BYTES = 64 * MIB
"""The most a saved web page (``.html``, ``.htm``) may take.

A page saved "HTML only" takes 0.1–3 MB; one saved as a single file
(SingleFile, "Save page as… complete" in one file) carries its pictures
inline in base64, 10–30 MB for a photo-heavy article. The markup is parsed
whole, so this also bounds the memory the parsed page takes.
"""

MAX_HTML_TAGS = 500_000
"""A saved page holding more tags than this is refused before it is parsed.

The heaviest news pages hold 20,000–40,000 elements; a parsed element takes
a few hundred bytes, so this keeps a page of nothing but tags from taking
gigabytes once parsed.
"""

MAX_PDF_BYTES = 50 * MIB
"""The most a PDF may take: a long report with its fonts and pictures."""

MAX_PDF_PAGES = 2000
"""A PDF of more pages than this is refused: the text of each page is read in
Python, 10–50 ms a page, and an article is not a 2,000-page book."""

MAX_PDF_STREAM_BYTES = 16 * MIB
"""The most one compressed stream of a PDF (a page's drawing commands…) may expand to.

A page of text draws itself in 5–100 kB; a page of a scanned book may hold
a few megabytes of picture. Past this, pypdf stops the expansion.
"""

EXPANSION_GRACE = MIB
"""Below this many expanded bytes the ratio is not checked: a tiny file may expand a lot."""

CHUNK_BYTES = MIB
"""Read (or expanded) at a time; the cancel token is checked before each chunk."""

_COMPRESSED_CHUNK = 16 * 1024
"""Compressed bytes fed to the decompressor at a time, so its ratio is followed closely."""

ReadCallback = Callable[[int], None]
"""Told how many bytes of the file have been read so far, after each chunk."""


class Readable(Protocol):
    """What bytes are read from: an open file, or an entry of an archive being expanded."""

    def read(self, size: int = -1, /) -> bytes:
        """At most ``size`` bytes, ``b""`` at the end."""


class DocumentError(Exception):
    """A whole file can't be imported; the message says why, in words."""


class ReadCancelled(Exception):
    """The user cancelled while a file was being read."""


class LimitReached(Exception):
    """A compressed file went past a bound while being read; the message says which."""


# --- names and kinds of files ------------------------------------------------------

def display_path(path: str | os.PathLike[str]) -> str:
    """The path as text that can be shown and stored whatever bytes its name holds.

    A name that is not valid UTF-8 comes from the file system with its bad
    bytes as lone surrogates, which can be neither stored nor shown; they
    are written as ``\\xe9`` instead.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def size_text(size: int) -> str:
    """A byte count for people: "32 MiB", "2 GiB", "512 bytes"."""
    french = language() == "fr"
    for unit, scale in (("GiB", 1 << 30), ("MiB", MIB), ("KiB", 1 << 10)):
        if size >= scale:
            amount = size / scale
            text = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.1f}"
            if french:  # "1,5 Gio": a decimal comma, and French's own units
                text = text.replace(",", "\u202f").replace(".", ",")
                unit = unit.replace("iB", "io")
            return f"{text}\u00a0{unit}" if french else f"{text} {unit}"
    return translate("Import", "{count} bytes").format(count=number(size))


_KINDS = ((stat.S_ISFIFO, QT_TRANSLATE_NOOP("Import", "a named pipe (FIFO)")),
          (stat.S_ISCHR, QT_TRANSLATE_NOOP("Import", "a device")),
          (stat.S_ISBLK, QT_TRANSLATE_NOOP("Import", "a device")),
          (stat.S_ISSOCK, QT_TRANSLATE_NOOP("Import", "a socket")),
          (stat.S_ISDIR, QT_TRANSLATE_NOOP("Import", "a folder")))


def not_regular_reason(mode: int) -> str:
    """Why a file of this ``st_mode`` is not read (it is not a regular file)."""
    kind = next((name for test, name in _KINDS if test(mode)),
                QT_TRANSLATE_NOOP("Import", "a special file"))
    return translate(
        "Import", "This is {kind}, not a regular file: Marginalia reads only regular files "
                  "(reading this one could block or never end).").format(
            kind=translate("Import", kind))


def os_reason(exc: OSError) -> str:
    """The reason in words for an error of the file system about one file."""
    if isinstance(exc, FileNotFoundError):
        return translate("Import", "The file does not exist.")
    if isinstance(exc, PermissionError):
        return translate("Import", "Permission denied: Marginalia is not allowed to read this "
                                   "file.")
    if isinstance(exc, IsADirectoryError):
        return translate("Import", "This is a folder, not a file.")
    if exc.errno == errno.ELOOP:
        return translate("Import", "This is a symbolic link that leads back to itself (a loop "
                                   "of links), so there is no file to read.")
    reason = exc.strerror or translate("Import", "error {number}").format(number=exc.errno)
    return translate("Import", "The file could not be read ({reason}).").format(reason=reason)


# --- opening and reading ------------------------------------------------------------

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS = (os.O_RDONLY | _NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_BINARY", 0))


def open_regular(path: Path) -> BinaryIO:
    """Opens a regular file for reading; anything else is refused before a byte is read.

    The file is opened without blocking (a named pipe with no writer would
    otherwise hang right there), then its type is checked on the descriptor
    itself, so it cannot change between the check and the reading.

    Raises:
        DocumentError: the file can't be opened or is not a regular file.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise DocumentError(os_reason(exc)) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise DocumentError(not_regular_reason(mode))
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering=0)
    except BaseException:
        os.close(fd)
        raise


def read_chunks(handle: Readable, cancel: CancelToken | None = None,
                on_read: ReadCallback | None = None,
                size: int = CHUNK_BYTES) -> Iterator[bytes]:
    """Yields the file's bytes a chunk at a time, checking for Cancel before each.

    Raises:
        ReadCancelled: the cancel token was set.
        DocumentError: the file could not be read.
    """
    done = 0
    while True:
        if is_cancelled(cancel):
            raise ReadCancelled()
        try:
            data = handle.read(size)
        except OSError as exc:
            raise DocumentError(os_reason(exc)) from exc
        if not data:
            return
        done += len(data)
        if on_read is not None:
            on_read(done)
        yield data


def read_article_file(path: Path, cancel: CancelToken | None = None,
                      on_read: ReadCallback | None = None,
                      limit: int = MAX_ARTICLE_BYTES, too_big: str | None = None) -> bytes:
    """Reads a whole file that holds one article, up to ``limit`` bytes.

    Args:
        path: the file.
        cancel: looked at before each chunk.
        on_read: told the bytes read so far, after each chunk.
        limit: the most the file may take.
        too_big: the message for a larger file (one naming the bound for a
            text article by default).

    Raises:
        DocumentError: the file can't be read, is not a regular file, or is
            larger than ``limit``.
        ReadCancelled: the cancel token was set.
    """
    if too_big is None:
        too_big = article_too_big(limit)
    with open_regular(path) as handle:
        if os.fstat(handle.fileno()).st_size > limit:
            raise DocumentError(too_big)
        chunks: list[bytes] = []
        total = 0
        for chunk in read_chunks(handle, cancel, on_read):
            total += len(chunk)
            if total > limit:  # it grew, or its size was not told
                raise DocumentError(too_big)
            chunks.append(chunk)
    return b"".join(chunks)


def article_too_big(limit: int) -> str:
    """The message for a text or Markdown file larger than ``limit``, the most an article takes."""
    return translate(
        "Import", "The file is larger than {size}, the most one article may take; split it, or "
                  "import its articles as JSON Lines.").format(size=size_text(limit))


class GzipChunks:
    """Expands a gzip stream (one or more members) a chunk at a time, within bounds.

    Attributes:
        read: compressed bytes read from the file so far.
        expanded: bytes produced so far.

    Iterating raises :class:`LimitReached` past :data:`MAX_EXPANDED_BYTES`
    or :data:`MAX_EXPANSION`, ``zlib.error`` for damaged data and
    ``EOFError`` when the file is cut short, besides what
    :func:`read_chunks` raises.
    """

    def __init__(self, handle: Readable, cancel: CancelToken | None = None,
                 on_read: ReadCallback | None = None) -> None:
        self._handle = handle
        self._cancel = cancel
        self._on_read = on_read
        self.read = 0
        self.expanded = 0

    def __iter__(self) -> Iterator[bytes]:
        member: zlib._Decompress | None = None
        members = 0
        for raw in read_chunks(self._handle, self._cancel, self._on_read, _COMPRESSED_CHUNK):
            self.read += len(raw)
            data = raw
            while True:
                if member is None:
                    if members:
                        data = data.lstrip(b"\0")  # zero padding after a member, as gzip allows
                    if not data:
                        break
                    member = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    members += 1
                out = member.decompress(data, CHUNK_BYTES)
                if out:
                    self._count(len(out))
                    yield out
                if member.eof:  # the next member, if any, starts in what is left
                    data, member = member.unused_data, None
                    continue
                data = member.unconsumed_tail
                if not data and len(out) < CHUNK_BYTES:
                    break  # all of ``raw`` taken in, and no output held back
        if member is not None:
            raise EOFError("the compressed stream ends before its end mark")

    def _count(self, size: int) -> None:
        self.expanded += size
        if self.expanded > MAX_EXPANDED_BYTES:
            raise LimitReached(translate(
                "Import", "Once expanded, this compressed file is larger than {size}, the most "
                          "Marginalia reads from one file.").format(
                    size=size_text(MAX_EXPANDED_BYTES)))
        if is_bomb(self.read, self.expanded):
            raise LimitReached(translate(
                "Import", "This compressed file expands to more than {times} times its size, as "
                          "only a decompression bomb does; Marginalia stopped expanding it."
            ).format(times=MAX_EXPANSION))


def is_bomb(read: int, expanded: int) -> bool:
    """Whether ``read`` compressed bytes expanding to ``expanded`` is a decompression bomb.

    Past :data:`EXPANSION_GRACE`, a stream may expand at most
    :data:`MAX_EXPANSION` times the bytes it took.
    """
    return expanded > EXPANSION_GRACE and expanded > MAX_EXPANSION * read


# --- lines ------------------------------------------------------------------------------

_BLANK = re.compile(rb"[ \t\r\n\f\v]*")


class LineReader:
    """Splits chunks of bytes into lines of at most ``limit`` bytes each.

    Blank lines are skipped (they still count in the line numbers). A line
    longer than ``limit`` is not kept in memory: it comes out as ``None``,
    for the caller to report, and the reading goes on after it.

    Attributes:
        number: lines read so far, the blank ones included.
    """

    def __init__(self, chunks: Iterable[bytes], limit: int = MAX_ARTICLE_BYTES) -> None:
        self._chunks = chunks
        self._limit = limit
        self.number = 0

    def __iter__(self) -> Iterator[tuple[int, bytes | None]]:
        """Yields ``(line number, the line without its newline, or None if too long)``."""
        pending: list[bytes] = []
        size = 0
        too_long = False
        for chunk in self._chunks:
            position, end = 0, len(chunk)
            while position < end:
                if not pending and not too_long:  # at the start of a line: skip blank ones
                    skip = _BLANK.match(chunk, position)
                    assert skip is not None  # the pattern matches the empty string
                    self.number += chunk.count(b"\n", position, skip.end())
                    position = skip.end()
                    if position == end:
                        break
                newline = chunk.find(b"\n", position)
                stop = end if newline < 0 else newline
                if not too_long:
                    size += stop - position
                    if size > self._limit:
                        too_long, pending = True, []
                    else:
                        pending.append(chunk[position:stop])
                if newline < 0:
                    break
                self.number += 1
                yield self.number, None if too_long else b"".join(pending)
                pending, size, too_long = [], 0, False
                position = newline + 1
        if pending or too_long:
            self.number += 1
            yield self.number, None if too_long else b"".join(pending)
