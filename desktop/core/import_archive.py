"""Reading a zip archive of articles entry by entry, in memory, within bounds.

A zip archive is taken as a folder in one file: each entry of a type a
folder import reads is read as if it were a file of that folder, and
messages name it ``archive.zip:folder/entry.txt``. Folders, hidden entries
and the ``__MACOSX`` folder macOS adds are passed over; a README or a
licence is skipped with a note, as in a folder. Nothing is extracted to disk.

Archives are a classic carrier of hostile input, so an entry is refused —
a problem of its own, while the other entries go on — when:

* its name leads out of its folder: an absolute path, a drive letter, or a
  ``..`` part (with ``/`` or ``\\`` between parts), a "zip slip";
* it is a symbolic link or another special file, it is encrypted, or it is
  compressed otherwise than stored or deflated (the methods expanded a
  bounded chunk at a time);
* it is an archive itself: archives inside archives are not opened;
* it declares, or expands to, more than a file of its type may take
  (:func:`~desktop.core.import_formats.size_limit`; a JSON Lines entry up to
  :data:`~desktop.core.bounded_read.MAX_EXPANDED_BYTES`), or a ratio of a
  decompression bomb (:func:`~desktop.core.bounded_read.is_bomb`): the
  declared sizes are checked first, then the bytes really read and expanded,
  after each chunk;
* it is damaged: each entry is expanded to its end, and its checksum
  checked, before any article of it is stored.

The whole archive is one problem when its table of contents can't be read
(not a zip, cut short), holds more than :data:`MAX_ARCHIVE_ENTRIES` entries
or takes more than :data:`MAX_DIRECTORY_BYTES`; and its reading stops when
its entries together expand to a bomb's ratio of the archive's size.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Generator, Iterator
from contextlib import closing
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO

from desktop.core.bounded_read import (
    MAX_EXPANDED_BYTES,
    MAX_EXPANSION,
    MIB,
    DocumentError,
    ReadCallback,
    ReadCancelled,
    display_path,
    is_bomb,
    open_regular,
    size_text,
)
from desktop.core.import_formats import (
    ARCHIVE_SUFFIXES,
    JSONL_SUFFIXES,
    SUPPORTED_SUFFIXES,
    ImportNote,
    ImportProblem,
    ParsedArticle,
    iter_jsonl,
    not_an_article,
    parse_document,
    size_limit,
    suffix_of,
    unsupported_reason,
)
from desktop.core.progress import CancelToken, is_cancelled

__all__ = ["MAX_ARCHIVE_ENTRIES", "MAX_DIRECTORY_BYTES", "iter_archive"]

log = logging.getLogger(__name__)

MAX_ARCHIVE_ENTRIES = 10_000
"""An archive of more entries than this is refused whole.

A year of one newspaper's articles is a few thousand files; an archive
of more is better unpacked and imported as a folder, which has no such bound.
"""

MAX_DIRECTORY_BYTES = 8 * MIB
"""The most an archive's table of contents may take: it is read whole into memory.

That of 10,000 entries named in a few hundred characters each takes 2–5 MiB.
"""

ENTRY_CHUNK_BYTES = 64 * 1024
"""Expanded from an entry at a time; the bounds are checked after each chunk."""

SHOWN_NAME = 200
"""An entry's name is cut to this many characters in messages."""

UNEXPECTED_ENTRY_REASON = ("An unexpected error stopped the reading of this entry, so it was "
                           "skipped; the details are in the log. Please report it.")
"""The problem of an entry whose reading failed in a way no other message describes (a bug)."""

_NESTED_SUFFIXES = ARCHIVE_SUFFIXES + (".7z", ".rar", ".tar", ".tgz", ".gz", ".bz2", ".xz",
                                       ".zst")
"""Entries that are archives or compressed files themselves (a ``.jsonl.gz`` is not one)."""

_EXPANDED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
"""The compression methods read: zipfile expands only these a bounded chunk at a time."""

_METHOD_NAMES = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA", 9: "Deflate64",
                 93: "Zstandard", 95: "XZ", 98: "PPMd", 99: "AES encryption"}

_ENCRYPTED = 0x1
"""The bit of an entry's flags that says it is encrypted."""

_SEPARATOR = re.compile(r"[/\\]")
_DRIVE = re.compile(r"[A-Za-z]:")

# The records at the end of a zip file that say where its table of contents is.
_END = struct.Struct("<4s4H2LH")
_END_SIGNATURE = b"PK\x05\x06"
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64_LOCATOR_SIGNATURE = b"PK\x06\x07"
_END64 = struct.Struct("<4sQ2H2L4Q")
_END64_SIGNATURE = b"PK\x06\x06"

_DAMAGE = (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error, struct.error,
           RuntimeError, NotImplementedError, OverflowError)
"""What zipfile raises for a damaged archive or entry (bad values, data cut short…)."""


class _ArchiveStopped(Exception):
    """The entries read so far expand to a bomb's ratio of the archive; says at which one."""


def iter_archive(path: Path, problems: list[ImportProblem], notes: list[ImportNote] | None = None,
                 *, cancel: CancelToken | None = None, on_read: ReadCallback | None = None
                 ) -> Generator[tuple[ParsedArticle, int], None, None]:
    """Yields each article of the entries of a zip archive, with the archive's bytes read so far.

    A refused entry, or one that holds no article, is added to ``problems``
    under the name ``archive.zip:folder/entry``, and the next entry is read.

    Args:
        path: the archive.
        problems: gets the refused entries and the bad lines of JSON Lines entries.
        notes: gets the entries skipped as not articles, and those read in
            a legacy encoding.
        cancel: checked before each entry and each chunk expanded.
        on_read: told the bytes of the archive read so far.

    Raises:
        DocumentError: the archive can't be read as a whole; the message says why.
        ReadCancelled: ``cancel`` was set while the archive was being read.
    """
    name = display_path(path)
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        counted = _CountingFile(handle)
        with _open_zip(counted, size) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ARCHIVE_ENTRIES:
                raise DocumentError(_too_many(len(entries)))
            reader = _EntryReader(archive, counted, size, name,
                                  display_path(os.path.realpath(path)), problems, notes,
                                  cancel, on_read)
            for info in entries:
                if is_cancelled(cancel):
                    raise ReadCancelled()
                try:
                    yield from reader.articles(info)
                except _ArchiveStopped as exc:
                    problems.append(ImportProblem(name, str(exc)))
                    return
            if not reader.files:
                raise DocumentError("The archive holds no files to import: it is empty, or "
                                    "holds only folders and hidden files.")


def _open_zip(counted: _CountingFile, size: int) -> zipfile.ZipFile:
    """Reads the archive's table of contents, once its declared size is known to be sane.

    Raises:
        DocumentError: the archive is not a zip, is damaged, or its table of
            contents is too large.
    """
    declared = _declared_directory(counted, size)
    if declared is not None:
        entries, directory = declared
        if entries > MAX_ARCHIVE_ENTRIES:
            raise DocumentError(_too_many(entries))
        if directory > MAX_DIRECTORY_BYTES:
            raise DocumentError(
                f"The archive's table of contents takes {size_text(directory)}, more than "
                f"{size_text(MAX_DIRECTORY_BYTES)}, the most Marginalia reads (that of "
                f"{MAX_ARCHIVE_ENTRIES:,} entries takes far less): the archive is damaged "
                "or made to exhaust the memory.")
    try:
        return zipfile.ZipFile(counted)
    except _DAMAGE as exc:
        raise DocumentError(f"This is not a zip archive, or it is damaged: its table of "
                            f"contents can't be read ({_detail(exc)}).") from exc


def _too_many(entries: int) -> str:
    return (f"The archive holds {entries:,} entries, more than {MAX_ARCHIVE_ENTRIES:,}, the "
            "most Marginalia reads in one archive: unpack it and import the folder, or split "
            "it into smaller archives.")


def _declared_directory(handle: _CountingFile, size: int) -> tuple[int, int] | None:
    """The entries and the bytes of the table of contents the archive's end records declare.

    The records are found as zipfile finds them (the end record last in the
    file, else the last one in its final 64 KiB; that of ZIP64 just before
    it, when its locator is there), so the figures are those zipfile goes
    by. None when there is no end record: zipfile then says the file is no zip.
    """
    try:
        handle.seek(max(0, size - _END.size))
        last = handle.read(_END.size)
        if len(last) == _END.size and last.startswith(_END_SIGNATURE) and last[-2:] == b"\0\0":
            at, record = size - _END.size, last
        else:
            tail_start = max(0, size - _END.size - 0xFFFF)
            handle.seek(tail_start)
            tail = handle.read(size - tail_start)
            found = tail.rfind(_END_SIGNATURE)
            record = tail[found:found + _END.size]
            if found < 0 or len(record) < _END.size:
                return None
            at = tail_start + found
        entries, directory = _END.unpack(record)[4:6]
        if at >= _END64_LOCATOR.size + _END64.size:
            handle.seek(at - _END64_LOCATOR.size - _END64.size)
            zip64 = handle.read(_END64.size + _END64_LOCATOR.size)
            if (zip64[_END64.size:].startswith(_END64_LOCATOR_SIGNATURE)
                    and zip64.startswith(_END64_SIGNATURE)):
                entries, directory = _END64.unpack(zip64[:_END64.size])[7:9]
        return int(entries), int(directory)
    except (OSError, ValueError, OverflowError, struct.error):
        return None


class _CountingFile:
    """The open archive, counting the bytes read of it (an entry's compressed bytes among them)."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self.count = 0

    def read(self, size: int = -1, /) -> bytes:
        data = self._handle.read(size)
        self.count += len(data)
        return data

    def seek(self, offset: int, whence: int = os.SEEK_SET, /) -> int:
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()

    def seekable(self) -> bool:
        return True


class _EntryReader:
    """Reads the entries of one open archive, and says why one is refused.

    Attributes:
        files: entries that are files (not folders nor hidden), refused ones included.
        position: the bytes of the archive read so far, as progress reports them.
        expanded: the bytes all entries expanded to so far.
    """

    def __init__(self, archive: zipfile.ZipFile, counted: _CountingFile, size: int, name: str,
                 source: str, problems: list[ImportProblem], notes: list[ImportNote] | None,
                 cancel: CancelToken | None, on_read: ReadCallback | None) -> None:
        self.archive = archive
        self.counted = counted
        self.size = size
        self.name = name
        self.source = source
        self.problems = problems
        self.notes = notes
        self.cancel = cancel
        self.on_read = on_read
        self.files = 0
        self.position = 0
        self.expanded = 0

    def articles(self, info: zipfile.ZipInfo) -> Iterator[tuple[ParsedArticle, int]]:
        """The articles of one entry; whatever refuses it becomes a problem naming it.

        Raises:
            ReadCancelled: ``cancel`` was set.
            _ArchiveStopped: the archive expanded to a bomb's ratio of its size.
        """
        entry = _shown_name(info.filename)
        where = f"{self.name}:{entry}"
        try:
            suffix = self._admitted(info, where)
            if suffix is None:
                return
            if suffix in JSONL_SUFFIXES:
                yield from self._jsonl_articles(info, suffix, where, f"{self.source}:{entry}")
                return
            data = self._read_whole(info, suffix)
            article = parse_document(data, suffix, where, f"{self.source}:{entry}", self.notes,
                                     self.cancel)
            yield article, self.position
        except (ReadCancelled, _ArchiveStopped):
            raise
        except DocumentError as exc:
            self.problems.append(ImportProblem(where, str(exc)))
        except Exception:  # a bug must not cost the other entries their import
            log.exception("Reading %s for an import failed", where)
            self.problems.append(ImportProblem(where, UNEXPECTED_ENTRY_REASON))

    def _admitted(self, info: zipfile.ZipInfo, where: str) -> str | None:
        """The entry's type when it is to be read; else None, with the problem or note said."""
        escape = _escape_reason(info.filename)
        if escape is not None:
            self.files += 1
            self.problems.append(ImportProblem(where, escape))
            return None
        parts = [part for part in _SEPARATOR.split(info.filename) if part not in ("", ".")]
        kind = stat.S_IFMT(info.external_attr >> 16)
        if info.is_dir() or kind == stat.S_IFDIR or not parts:
            return None
        if parts[0] == "__MACOSX" or any(part.startswith(".") for part in parts):
            return None  # hidden, as a folder's hidden files are
        self.files += 1
        last = PurePosixPath(parts[-1])
        not_article = not_an_article(last)
        if not_article is not None:
            if self.notes is not None:
                self.notes.append(ImportNote(where, f"Skipped: looks like {not_article}, not "
                                             "an article.", skipped=True))
            return None
        suffix = suffix_of(last)
        refusal = _refusal(info, kind, suffix)
        if refusal is not None:
            self.problems.append(ImportProblem(where, refusal))
            return None
        return suffix

    def _read_whole(self, info: zipfile.ZipInfo, suffix: str) -> bytes:
        """The entry's bytes, once expanded to the end and checked."""
        chunks: list[bytes] = []
        with closing(self._open(info, suffix, counting=True)) as stream:
            while chunk := stream.read(ENTRY_CHUNK_BYTES):
                chunks.append(chunk)
        return b"".join(chunks)

    def _jsonl_articles(self, info: zipfile.ZipInfo, suffix: str, where: str, source: str
                        ) -> Iterator[tuple[ParsedArticle, int]]:
        """The articles of a JSON Lines entry: expanded and checked to its end, then read.

        An entry may take far more than the memory should hold, so it is
        expanded twice: once to check its bounds and checksum, storing
        nothing, then to read its lines.
        """
        with closing(self._open(info, suffix, counting=True)) as stream:
            while stream.read(ENTRY_CHUNK_BYTES):
                pass
        with closing(self._open(info, suffix, counting=False)) as stream:
            for article, _ in iter_jsonl(stream, where, source, self.problems,
                                         gzipped=suffix == ".jsonl.gz", cancel=self.cancel):
                yield article, self.position

    def _open(self, info: zipfile.ZipInfo, suffix: str, counting: bool) -> _EntryStream:
        try:
            opened = self.archive.open(info)
        except _DAMAGE as exc:
            raise DocumentError(_damaged(exc)) from exc
        limit, too_big = _limit(suffix)
        return _EntryStream(self, opened, info, limit, too_big, counting)

    def count(self, info: zipfile.ZipInfo, raw: int, expanded: int) -> None:
        """Takes note of ``expanded`` more bytes, ``raw`` read of ``info`` so far.

        Raises:
            _ArchiveStopped: the entries expanded to a bomb's ratio of the archive.
        """
        self.expanded += expanded
        self.position = max(self.position, min(self.size, max(0, info.header_offset) + raw))
        if self.on_read is not None:
            self.on_read(self.position)
        if is_bomb(self.size, self.expanded):
            raise _ArchiveStopped(
                f"The entries of this archive together expand to more than {MAX_EXPANSION} "
                "times its size, as only a decompression bomb does; Marginalia stopped "
                f"reading it at {_shown_name(info.filename)}, and read the entries before it.")


class _EntryStream:
    """One entry, expanded a chunk at a time within the bounds of its type.

    Reading it raises :class:`DocumentError` past its bounds or when it is
    damaged, :class:`ReadCancelled` once the import is cancelled.
    """

    def __init__(self, reader: _EntryReader, opened: IO[bytes], info: zipfile.ZipInfo,
                 limit: int, too_big: str, counting: bool) -> None:
        self._reader = reader
        self._opened = opened
        self._info = info
        self._limit = limit
        self._too_big = too_big
        self._counting = counting
        self._start = reader.counted.count
        self._expanded = 0

    def read(self, size: int = -1, /) -> bytes:
        """At most ``size`` expanded bytes, and no more than :data:`ENTRY_CHUNK_BYTES`."""
        if is_cancelled(self._reader.cancel):
            raise ReadCancelled()
        try:
            data = self._opened.read(ENTRY_CHUNK_BYTES if size < 0 else
                                     min(size, ENTRY_CHUNK_BYTES))
        except _DAMAGE as exc:
            raise DocumentError(_damaged(exc)) from exc
        self._expanded += len(data)
        raw = self._reader.counted.count - self._start
        if self._expanded > self._limit:
            raise DocumentError(self._too_big)
        if is_bomb(raw, self._expanded):
            raise DocumentError(_ENTRY_BOMB)
        if self._counting:
            self._reader.count(self._info, raw, len(data))
        return data

    def close(self) -> None:
        self._opened.close()


def _refusal(info: zipfile.ZipInfo, kind: int, suffix: str) -> str | None:
    """Why an entry that is a file is not read, or None; judged before a byte of it is read."""
    if kind == stat.S_IFLNK:
        return ("This entry is a symbolic link, not a file: Marginalia does not follow links "
                "in an archive, so it was not read.")
    if kind not in (0, stat.S_IFREG):
        return "This entry is a device, a pipe or a socket, not a file, so it was not read."
    if suffix in _NESTED_SUFFIXES:
        return ("This entry is an archive or a compressed file itself: Marginalia does not "
                "open archives inside archives. Unpack it and import what it holds.")
    if suffix not in SUPPORTED_SUFFIXES:
        return unsupported_reason(suffix)
    if info.flag_bits & _ENCRYPTED:
        return ("This entry is encrypted (protected by a password): Marginalia does not read "
                "encrypted entries. Unpack the archive with its password and import the folder.")
    if info.compress_type not in _EXPANDED_METHODS:
        method = _METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
        return (f"This entry is compressed with {method}, which Marginalia does not read in "
                "an archive (only stored or deflated entries, as zip tools write by "
                "default). Unpack the archive and import the folder.")
    if is_bomb(info.compress_size, info.file_size):
        return (f"This entry says it expands to {size_text(info.file_size)} from "
                f"{size_text(info.compress_size)}, more than {MAX_EXPANSION} times its size, "
                "as only a decompression bomb does; Marginalia did not expand it.")
    limit, too_big = _limit(suffix)
    return too_big if info.file_size > limit else None


def _limit(suffix: str) -> tuple[int, str]:
    """The most an entry of this type may expand to, and the message past it."""
    if suffix in JSONL_SUFFIXES:
        return MAX_EXPANDED_BYTES, (f"Once expanded, this entry is larger than "
                                    f"{size_text(MAX_EXPANDED_BYTES)}, the most Marginalia "
                                    "reads from one file.")
    return size_limit(suffix)


def _escape_reason(name: str) -> str | None:
    """Why an entry's name leads out of the folder the archive would be unpacked in, or None."""
    if name.startswith(("/", "\\")):
        how = "is an absolute path"
    elif _DRIVE.match(name):
        how = "starts with a drive letter"
    elif ".." in _SEPARATOR.split(name):
        how = "climbs out of its folder with “..”"
    else:
        return None
    return (f"The name of this entry {how}: unpacked, it would be written outside the "
            "archive's folder, as only a malicious archive does (a “zip slip”). It was not read.")


_ENTRY_BOMB = (f"This entry expands to more than {MAX_EXPANSION} times its size, as only a "
               "decompression bomb does; Marginalia stopped expanding it, and imported "
               "nothing of it.")


def _damaged(exc: BaseException) -> str:
    """The message for an entry zipfile could not expand."""
    if "zip bomb" in str(exc):
        # Python's own check (3.11.4 and later, and Debian's 3.11.2): an entry whose
        # data overlaps the next one's, as a bomb built to lie about its sizes does.
        return _ENTRY_BOMB
    if "CRC" in str(exc):
        return ("This entry is damaged: its checksum does not match its contents, so nothing "
                "of it was imported.")
    return (f"This entry is damaged and can't be expanded ({_detail(exc)}), so nothing of it "
            "was imported.")


def _detail(exc: BaseException) -> str:
    """What zipfile said, for the end of a message."""
    text = str(exc).strip().rstrip(".")
    return _shown_name(text) if text else type(exc).__name__


def _shown_name(name: str) -> str:
    """A name as messages show it: control characters escaped, at most :data:`SHOWN_NAME` long."""
    shown = "".join(character if character.isprintable()
                    else character.encode("unicode_escape").decode("ascii")
                    for character in name)
    return shown if len(shown) <= SHOWN_NAME else shown[:SHOWN_NAME] + "…"
