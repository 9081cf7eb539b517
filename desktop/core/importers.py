"""Importing articles from files: plain text, Markdown, JSON Lines, web pages, PDF and zip.

Every body goes through :func:`desktop.core.text.normalize_body` exactly
once, so the stored body is exactly what the reader shows and offsets never
shift. Articles are stored in batches, one transaction each: a cancelled
import keeps the batches it committed, and bad input (an unreadable file, a
malformed line) becomes an :class:`ImportProblem` naming the file and the
reason while the other files go on. A file handled all the same gets an
:class:`ImportNote`: one read in a legacy encoding (not UTF-8), and a
README, licence or change log found in a folder, which is skipped (given by
itself, it is imported). Nothing already stored is changed: an article
whose content is already present is reported as a duplicate, never stored
twice.

Hostile input stays a problem of its file: only regular files are read,
within the bounds of :mod:`desktop.core.bounded_read` (so a named pipe, a
link to ``/dev/zero`` or a decompression bomb neither blocks nor fills the
memory), a loop of symbolic links or a folder nested deeper than Python
recurses is reported, a name that is not UTF-8 is stored as
:func:`~desktop.core.bounded_read.display_path` writes it, and Cancel is
heard in the middle of a long file too. A zip archive is read entry by
entry, in memory, within the bounds of :mod:`desktop.core.import_archive`;
each refused entry is a problem of its own, named ``archive.zip:folder/entry``.

JSON Lines written by :func:`desktop.core.exporters.export_jsonl` carry
annotations and relations; importing such a file into a database that does
not hold those articles yet restores them.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Generator, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from peewee import PeeweeException

from db.articles import NewArticle, existing_hashes, insert_articles
from db.connection import DatabaseError
from db.models import database
from desktop.core.bounded_read import (
    MIB,
    ReadCancelled,
    display_path,
    not_regular_reason,
    os_reason,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP, counted, number, translate
from desktop.core.import_annotations import AnnotationRestorer
from desktop.core.import_formats import (
    SUPPORTED_SUFFIXES,
    DocumentError,
    ImportNote,
    ImportProblem,
    ParsedArticle,
    RecordError,
    iter_file,
    not_an_article,
    read_document,
    suffix_of,
    unsupported_reason,
)
from desktop.core.progress import CancelToken, ProgressCallback, is_cancelled, report
from desktop.core.reimport_operations import ArticleUpdate, store_new_versions
from desktop.core.text import content_hash

__all__ = [
    "DocumentError", "ImportNote", "ImportProblem", "ImportReport", "ParsedArticle", "RecordError",
    "collect_files", "import_paths", "read_document",
]

log = logging.getLogger(__name__)

PROGRESS_STEP = 4 * MIB
"""Inside one long file, progress is reported each time this many more bytes were read."""

UNEXPECTED_REASON = QT_TRANSLATE_NOOP(  # said translated
    "Import", "An unexpected error stopped the reading of this file, so it was skipped; the "
              "details are in the log. Please report it.")
"""The problem of a file whose reading failed in a way no other message describes (a bug)."""


@dataclass
class ImportReport:
    """What an import did.

    Attributes:
        imported: ids of the articles stored, in the order read.
        duplicates: ``(where, title, existing_id)`` of each article skipped
            because the same text is already stored (or came earlier in
            this import).
        problems: files or lines that could not be imported, and why.
        notes: files imported in a legacy encoding, or skipped on purpose
            (not articles); none of them is a failure.
        cancelled: the user stopped the import before the end.
        updated: ``(where, article id, placed, for review)`` of each stored
            article a new version updated (see
            :mod:`desktop.core.reimport_operations`): its annotations placed
            in the new text, and those set aside for review.
        updates: what each of those updates changed, for the window's undo.
    """

    imported: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, str, int]] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    notes: list[ImportNote] = field(default_factory=list)
    cancelled: bool = False
    updated: list[tuple[str, int, int, int]] = field(default_factory=list)
    updates: list[ArticleUpdate] = field(default_factory=list, repr=False)

    def summary(self) -> str:
        """One sentence for the user, e.g. "Imported 12 articles; 2 already present."."""
        # Each clause in the interface language (English on the command line); the
        # first one is capitalised when the sentence is put together.
        count = len(self.imported)
        parts = ([counted(count, translate("Import", "Imported {count} article"),
                          translate("Import", "Imported {count} articles")).format(
                      count=number(count))
                  if count else translate("Import", "No articles imported")]
                 if count or not self.updated else [])
        if self.updated:
            placed = sum(u[2] for u in self.updated)
            waiting = sum(u[3] for u in self.updated)
            in_place = counted(placed, translate("Import", "{count} annotation in place"),
                               translate("Import", "{count} annotations in place")).format(
                count=number(placed))
            parts.append(counted(
                len(self.updated),
                translate("Import", "updated {count} changed article ({placed}, {waiting} to "
                                    "review)"),
                translate("Import", "updated {count} changed articles ({placed}, {waiting} to "
                                    "review)")).format(
                count=number(len(self.updated)), placed=in_place, waiting=number(waiting)))
        if self.duplicates:
            duplicates = len(self.duplicates)
            parts.append(counted(
                duplicates, translate("Import", "{count} already present", "one article"),
                translate("Import", "{count} already present", "several articles")).format(
                    count=number(duplicates)))
        failed_files = {p.path for p in self.problems if p.line is None}
        bad_lines = [p for p in self.problems if p.line is not None]
        if failed_files:
            parts.append(counted(
                len(failed_files), translate("Import", "{count} file could not be imported"),
                translate("Import", "{count} files could not be imported")).format(
                    count=number(len(failed_files))))
        if bad_lines:
            files = len({p.path for p in bad_lines})
            parts.append(counted(
                len(bad_lines), translate("Import", "{count} line with problems in {files}"),
                translate("Import", "{count} lines with problems in {files}")).format(
                    count=number(len(bad_lines)), files=_files(files)))
        skipped = [n for n in self.notes if n.skipped]
        if skipped:
            parts.append(counted(
                len(skipped), translate("Import", "{count} file skipped as not an article"),
                translate("Import", "{count} files skipped as not articles")).format(
                    count=number(len(skipped))))
        encodings = [n.encoding for n in self.notes if n.encoding]
        if encodings:
            parts.append(
                counted(len(encodings), translate("Import", "{count} file read as {encoding}"),
                        translate("Import", "{count} files read as {encoding}"))
                if len(set(encodings)) == 1 else
                counted(len(encodings),
                        translate("Import", "{count} file read in older encodings"),
                        translate("Import", "{count} files read in older encodings")),
            )
            parts[-1] = parts[-1].format(count=number(len(encodings)), encoding=encodings[0])
        if self.cancelled:
            parts.append(translate("Import", "cancelled before the end"))
        text = translate("Import", "; ").join(parts) + translate("Import", ".")
        return text[:1].upper() + text[1:]


def _files(count: int) -> str:
    """"1 file", "3 files", in the interface language."""
    return counted(count, translate("Import", "{count} file"),
                   translate("Import", "{count} files")).format(count=number(count))


# --- storing ----------------------------------------------------------------------

def collect_files(paths: Iterable[str | os.PathLike[str]],
                  problems: list[ImportProblem],
                  notes: list[ImportNote] | None = None) -> list[Path]:
    """Expands folders (recursively, sorted, hidden entries skipped) into files.

    Missing paths, unreadable folders, links that lead nowhere or in a loop,
    what is not a regular file (a named pipe, a device) and files of an
    unsupported type are added to ``problems``; a file named twice, or
    reached twice through links, is read once. A README, a licence, a
    change log… found in a folder is skipped, with a note added to
    ``notes`` (named by itself, it is taken like any other file). Folders
    are walked without recursion, however deep they nest.
    """
    files: list[Path] = []
    seen: set[object] = set()
    # Depth first, in name order: pushed in reverse, so the first comes out first.
    stack: list[tuple[Path, bool]] = [(Path(item), False) for item in reversed(list(paths))]
    while stack:
        path, in_folder = stack.pop()
        entries = _visit(path, in_folder, seen, files, problems, notes)
        stack.extend((entry, True) for entry in reversed(entries))
    return files


def _visit(path: Path, in_folder: bool, seen: set[object], files: list[Path],
           problems: list[ImportProblem], notes: list[ImportNote] | None) -> list[Path]:
    """Takes one path: adds it to ``files`` or says why not; returns a folder's entries.

    A file or folder is known by its device and inode, links followed, so
    one reached again (through a link, or named twice) is skipped.
    """
    name = display_path(path)
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:
        key: object = ("unreadable", os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            problems.append(ImportProblem(name, _missing_reason(path, exc)))
        return []
    if (info.st_dev, info.st_ino) in seen:
        return []
    seen.add((info.st_dev, info.st_ino))
    if stat.S_ISDIR(info.st_mode):
        try:
            entries = sorted(path.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            problems.append(ImportProblem(name, _folder_reason(exc)))
            return []
        return [entry for entry in entries if not entry.name.startswith(".")]
    kind = not_an_article(path) if in_folder else None
    if kind is not None:
        if notes is not None:
            notes.append(ImportNote(name, translate(
                "Import", "Skipped: looks like {kind}, not an article (import the file by "
                          "itself to read it).").format(kind=translate("Import", kind)),
                skipped=True))
    elif not stat.S_ISREG(info.st_mode):
        problems.append(ImportProblem(name, not_regular_reason(info.st_mode)))
    elif suffix_of(path) not in SUPPORTED_SUFFIXES:
        problems.append(ImportProblem(name, unsupported_reason(suffix_of(path))))
    else:
        files.append(path)
    return []


def _missing_reason(path: Path, exc: OSError | ValueError) -> str:
    """Why ``os.stat`` found nothing to read at ``path``, in words."""
    if isinstance(exc, ValueError):  # a NUL in a name typed by hand
        return translate("Import", "This is not a valid file name.")
    if isinstance(exc, FileNotFoundError) and os.path.islink(path):
        try:
            target = display_path(os.readlink(path))
        except OSError:
            target = translate("Import", "a file")
        return translate("Import", "This is a symbolic link to {target}, which does not "
                                   "exist.").format(target=target)
    return os_reason(exc)


def _folder_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return translate("Import", "Permission denied: Marginalia is not allowed to read "
                                   "this folder.")
    return translate("Import", "The folder could not be read ({reason}).").format(
        reason=exc.strerror or exc)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except (OSError, ValueError):
        return 0


class _BatchWriter:
    """Collects parsed articles and stores them a batch (one transaction) at a time."""

    def __init__(self, result: ImportReport, batch_size: int,
                 progress: ProgressCallback | None, total: int) -> None:
        self.result = result
        self.batch_size = batch_size
        self.progress = progress
        self.total = total
        self.position = 0
        self.pending: list[tuple[ParsedArticle, str]] = []
        self.restorer = AnnotationRestorer(result.problems)

    def add(self, article: ParsedArticle) -> None:
        self.pending.append((article, content_hash(article.body)))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Stores the pending articles that are not duplicates, in one transaction."""
        batch, self.pending = self.pending, []
        if not batch:
            return
        try:
            self._store(batch)
        except PeeweeException as exc:
            raise DatabaseError(translate(
                "Import", "Could not store the imported articles: {error}. The {count} "
                          "articles stored before are kept.").format(
                    error=exc, count=number(len(self.result.imported)))) from exc
        except DatabaseError:
            raise
        except Exception as exc:  # a bug: stop, for the restorer's caches may be wrong now
            log.exception("Storing a batch of imported articles failed")
            files = ", ".join(sorted({article.path for article, _ in batch})[:3])
            raise DatabaseError(translate(
                "Import", "An unexpected error stopped the import while storing articles of "
                          "{files} (the details are in the log). The {count} articles stored "
                          "before are kept.").format(
                    files=files, count=number(len(self.result.imported)))) from exc
        imported = len(self.result.imported)
        report(self.progress, self.position, self.total,
               counted(imported, translate("Import", "Imported {count} article"),
                       translate("Import", "Imported {count} articles")).format(
                   count=number(imported)))

    def _store(self, batch: list[tuple[ParsedArticle, str]]) -> None:
        # The transaction takes the write lock as it begins, so the hashes read
        # inside it include any another process (a second import) stored
        # meanwhile: those articles are duplicates, skipped, not a failed insert.
        with database.atomic():
            stored = existing_hashes(sorted({digest for _, digest in batch}))
            fresh: list[tuple[ParsedArticle, str]] = []
            repeats: list[tuple[ParsedArticle, str]] = []
            fresh_hashes: set[str] = set()
            for article, digest in batch:
                if digest in stored:
                    self._duplicate(article, stored[digest])
                elif digest in fresh_hashes:
                    repeats.append((article, digest))
                else:
                    fresh_hashes.add(digest)
                    fresh.append((article, digest))
            fresh, updates = store_new_versions(fresh, self.result.imported)
            ids = insert_articles([
                NewArticle(title=a.title, body=a.body, content_hash=digest,
                           language=a.language, published=a.published, source=a.source)
                for a, digest in fresh])
            for (article, _), article_id in zip(fresh, ids, strict=True):
                if article.annotations or article.rejected or article.currency_hint is not None:
                    self.restorer.restore(article, article_id)
        self.result.imported.extend(ids)
        self.result.updates.extend(updates)
        self.result.updated.extend((u.where, u.article_id, u.placed, u.for_review)
                                   for u in updates)
        new_ids = {digest: article_id for (_, digest), article_id in zip(fresh, ids, strict=True)}
        new_ids.update({u.after.content_hash: u.article_id for u in updates})
        for article, digest in repeats:
            self._duplicate(article, new_ids[digest])

    def _duplicate(self, article: ParsedArticle, existing_id: int) -> None:
        self.result.duplicates.append((article.where, article.title, existing_id))


def import_paths(paths: Iterable[str | os.PathLike[str]],
                 progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None,
                 batch_size: int = 200) -> ImportReport:
    """Imports the articles of files and folders into the bound database.

    Args:
        paths: files or folders (recursed in name order, hidden entries skipped).
        progress: called after each stored batch, and every few megabytes
            inside a long file, with bytes read of the total.
        cancel: checked before each article and each chunk read; a cancelled
            import keeps the batches already committed and drops the one
            being gathered.
        batch_size: articles stored per transaction.

    Returns:
        What was imported, skipped as duplicate, and which input had problems.

    Raises:
        DatabaseError: the database refused a write (the batches committed
            before are kept).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    result = ImportReport()
    files = collect_files(paths, result.problems, result.notes)
    sizes = [_size(path) for path in files]
    writer = _BatchWriter(result, batch_size, progress, sum(sizes))
    report(progress, 0, writer.total,
           translate("Import", "Reading {files}").format(files=_files(len(files))))
    done = 0
    for path, size in zip(files, sizes, strict=True):
        if is_cancelled(cancel):
            result.cancelled = True
            break
        reading = _ReadProgress(progress, writer.total, done, size, path.name)
        try:
            with closing(_articles_of(path, result, cancel, reading)) as articles:
                for article, position in articles:
                    if is_cancelled(cancel):
                        result.cancelled = True
                        break
                    writer.position = done + min(position, size)
                    writer.add(article)
        except ReadCancelled:
            result.cancelled = True
        if result.cancelled:
            break
        done += size
        writer.position = done
    if not result.cancelled:
        writer.flush()
        writer.restorer.finish()
        report(progress, writer.total, writer.total, result.summary())
    return result


def _articles_of(path: Path, result: ImportReport, cancel: CancelToken | None,
                 on_read: _ReadProgress) -> Generator[tuple[ParsedArticle, int], None, None]:
    """The articles of one file; whatever stops its reading becomes a problem of that file.

    Raises:
        ReadCancelled: the user cancelled while the file was being read.
    """
    articles = iter_file(path, result.problems, result.notes, cancel=cancel, on_read=on_read)
    with closing(articles):
        while True:
            try:
                item = next(articles)
            except StopIteration:
                return
            except DocumentError as exc:
                result.problems.append(ImportProblem(display_path(path), str(exc)))
                return
            except ReadCancelled:
                raise
            except Exception:  # a bug must not cost the other files their import
                log.exception("Reading %s for an import failed", display_path(path))
                result.problems.append(ImportProblem(display_path(path),
                                                     translate("Import", UNEXPECTED_REASON)))
                return
            yield item


class _ReadProgress:
    """Reports progress inside one long file, every :data:`PROGRESS_STEP` bytes read."""

    def __init__(self, progress: ProgressCallback | None, total: int, done: int, size: int,
                 name: str) -> None:
        self._progress = progress
        self._total = total
        self._done = done
        self._size = size
        self._message = translate("Import", "Reading {file}…").format(file=display_path(name))
        self._reported = 0

    def __call__(self, position: int) -> None:
        if position - self._reported >= PROGRESS_STEP:
            self._reported = position
            report(self._progress, self._done + min(position, self._size), self._total,
                   self._message)
