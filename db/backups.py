"""Automatic backups of a database, and restoring one.

Each database has its own folder of backups under the user data folder
(``backups/<file stem>-<8 hex digits of its absolute path>``), so two
databases never mix. A backup is taken with SQLite's online backup API
(:meth:`sqlite3.Connection.backup`): the copy is one consistent snapshot
even while the app writes, it is written under a temporary name and renamed
once complete, and only the last few are kept. File names carry the time in
UTC, so they sort by age: ``backup-20250102T030405.678901Z.sqlite3``.

Restoring keeps the file it replaces (``replaced-<time>.sqlite3``, listed
with the backups): restoring that file back is the undo.

Two rules protect the backups that are good. A copy that fails SQLite's
``quick_check`` is not kept, so a damaged database never pushes good
backups out of the rotation. And a copy identical to the newest backup is
not kept either: the online backup API copies the database page by page, so
two copies of unchanged content are the same bytes (a checkpoint of the
write-ahead log between them changes nothing), while any committed change
alters at least one page. Comparing the new copy with the newest backup is
thus an exact test of "nothing changed"; it costs one read of a file of the
same size, and nothing when the sizes differ. File dates are no such test
(the log is rewritten at the same size, within one clock tick).

This module is Qt-free and loads neither peewee nor the models, except
:func:`bound_path`, which asks the models which file they are bound to.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from db.connection import BUSY_TIMEOUT_MS, default_path
from db.i18n import translate
from db.schema import SCHEMA_VERSION

KEEP = 5
"""How many automatic backups (and how many replaced files) are kept."""
Kind = Literal["backup", "replaced"]
BACKUP: Kind = "backup"
REPLACED: Kind = "replaced"
KINDS: tuple[Kind, ...] = (BACKUP, REPLACED)
_SUFFIX = ".sqlite3"
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_PARTIAL = ".partial-"
_STALE_PARTIAL_S = 24 * 3600  # an unfinished copy this old was left by a killed app
_COMPARE_CHUNK = 1 << 20


class BackupError(Exception):
    """A backup could not be made or restored; the message says which file and why."""


@dataclass(frozen=True)
class Backup:
    """One file in a database's backups folder.

    Attributes:
        path: the file.
        kind: ``"backup"`` (made automatically) or ``"replaced"`` (the
            database as it was before a restore replaced it).
        taken: when it was made, in UTC.
        size: its size in bytes.
        articles: how many articles it holds, or None if it cannot be read.
    """

    path: Path
    kind: Kind
    taken: dt.datetime
    size: int
    articles: int | None


# --- where -------------------------------------------------------------------------


def backups_folder(db_path: Path) -> Path:
    """The folder holding the backups of ``db_path`` (not created here)."""
    absolute = Path(os.path.abspath(db_path))
    digest = hashlib.sha256(str(absolute).encode("utf-8")).hexdigest()[:8]
    return default_path().parent / "backups" / f"{absolute.stem}-{digest}"


def bound_path() -> Path | None:
    """The database file the app has open (the models' or the early reader's), if any."""
    from db import connection

    early = connection.opened_for_reading()
    if early is not None:
        return early
    opened = connection.opened()
    return opened.path if opened is not None else None


# --- backing up -------------------------------------------------------------------


def backup_now(db_path: Path, keep: int = KEEP, now: dt.datetime | None = None) -> Path | None:
    """Backs up ``db_path`` into its backups folder; keeps the last ``keep``.

    Returns the new backup, or None when there is nothing to back up (no
    file yet) or nothing changed since the newest backup.

    Raises:
        BackupError: the file could not be copied, or the copy fails SQLite's
            integrity check (then no backup is made and the earlier ones stay).
    """
    if not db_path.is_file() or not db_path.stat().st_size:
        return None
    folder = _make_folder(db_path)
    partial = _copy_to_partial(db_path, folder)
    try:
        problem = _integrity_problem(partial)
        if problem is not None:
            raise BackupError(translate(
                "Backups", "{file} was not backed up: {problem} The earlier backups are kept."
            ).format(file=db_path, problem=problem))
        newest = _newest(folder, BACKUP)
        if newest is not None and _same_bytes(partial, newest):
            return None
        target = _free_name(folder, BACKUP, now)
        os.replace(partial, target)
    except OSError as exc:
        raise BackupError(translate("Backups", "Could not back up {file} into {folder}: "
                                               "{reason}.").format(
            file=db_path, folder=folder, reason=_reason(exc))) from exc
    finally:
        partial.unlink(missing_ok=True)
    _rotate(folder, BACKUP, keep)
    return target


def _copy_to_partial(db_path: Path, folder: Path) -> Path:
    """A consistent copy of the database, under a temporary name in ``folder``."""
    handle, name = tempfile.mkstemp(prefix=_PARTIAL, suffix=_SUFFIX, dir=folder)
    os.close(handle)
    partial = Path(name)
    try:
        _online_copy(db_path, partial)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(translate(
            "Backups", "{file} was not backed up: {problem} The earlier backups are kept."
        ).format(file=db_path, problem=_read_problem(exc))) from exc
    return partial


def _online_copy(source: Path, target: Path) -> None:
    """Copies ``source`` into ``target`` with the online backup API, in one step.

    One step reads one snapshot, so writes by other connections meanwhile are
    either all in the copy or not at all. The copy is left in rollback-journal
    mode, so reading it later (read-only) creates no side files.
    """
    with _connect(source, read_only=True) as src, _connect(target) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE").fetchone()


def _integrity_problem(path: Path) -> str | None:
    """None if ``path`` passes SQLite's quick_check; else the problem, in words."""
    try:
        with _connect(path, read_only=True) as con:
            verdict = con.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError:
        return translate("Backups", "it is not a database, or it is damaged.")
    if verdict is None or verdict[0] != "ok":
        return translate("Backups", "it is damaged (SQLite's integrity check found problems).")
    return None


def _read_problem(exc: sqlite3.Error) -> str:
    """Why SQLite could not read a database, as a sentence."""
    if isinstance(exc, sqlite3.DatabaseError) and (
            "malformed" in str(exc) or _is_not_a_database(exc)):
        return translate("Backups", "it is not a database, or it is damaged.")
    return translate("Backups", "SQLite could not read it ({reason}).").format(
        reason=_reason(exc))


def _same_bytes(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with a.open("rb") as fa, b.open("rb") as fb:
        while True:
            chunk = fa.read(_COMPARE_CHUNK)
            if chunk != fb.read(_COMPARE_CHUNK):
                return False
            if not chunk:
                return True


# --- listing -------------------------------------------------------------------------


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of ``db_path`` and the files restores replaced, newest first."""
    found = []
    for path, kind, taken in _files(backups_folder(db_path)):
        try:
            size = path.stat().st_size
        except OSError:  # removed by a rotation meanwhile
            continue
        found.append(Backup(path, kind, taken, size, article_count(path)))
    found.sort(key=lambda backup: backup.taken, reverse=True)
    return found


def latest_backup(db_path: Path) -> Path | None:
    """The newest automatic backup of ``db_path``, if there is one."""
    folder = backups_folder(db_path)
    return _newest(folder, BACKUP) if folder.is_dir() else None


def article_count(path: Path) -> int | None:
    """How many articles the database file holds; None if it cannot be read."""
    try:
        with _connect(path, read_only=True) as con:
            return int(con.execute("SELECT count(*) FROM article").fetchone()[0])
    except sqlite3.Error:
        return None


def _files(folder: Path) -> Iterator[tuple[Path, Kind, dt.datetime]]:
    """Each backup or replaced file of ``folder`` with its kind and time."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        for kind in KINDS:
            taken = _time_in_name(path.name, kind)
            if taken is not None:
                yield path, kind, taken


def _time_in_name(name: str, kind: Kind) -> dt.datetime | None:
    prefix = f"{kind}-"
    if not (name.startswith(prefix) and name.endswith(_SUFFIX)):
        return None
    try:
        taken = dt.datetime.strptime(name[len(prefix):-len(_SUFFIX)], _STAMP)
    except ValueError:
        return None
    return taken.replace(tzinfo=dt.UTC)


def _newest(folder: Path, kind: Kind) -> Path | None:
    files = sorted((taken, path) for path, k, taken in _files(folder) if k == kind)
    return files[-1][1] if files else None


# --- restoring ------------------------------------------------------------------------


def restore(db_path: Path, backup: Path, keep: int = KEEP,
            now: dt.datetime | None = None) -> Path | None:
    """Puts ``backup`` in place of ``db_path``, keeping the file it replaces.

    The backup is checked first: it must pass SQLite's quick_check and be a
    Marginalia database this version can open. The database it replaces is
    copied to ``replaced-<time>.sqlite3`` in the backups folder (restore that
    one to undo), then the backup is written into place with the online
    backup API, through SQLite, never by copying over the open file. Close
    the app's own connection first and open the database again after: a
    backup from an older version is upgraded by the usual migrations then.

    Returns:
        The kept copy of the replaced database; None when there was none (no
        file, or an empty one).

    Raises:
        BackupError: the backup is damaged, not a Marginalia database, too
            new, or a file could not be written; nothing was replaced then.
    """
    _check_restorable(backup)
    folder = _make_folder(db_path)
    kept = _keep_current(db_path, folder, now) if _exists(db_path) else None
    try:
        with _connect(backup, read_only=True) as src, _connect(db_path) as dst:
            src.backup(dst)
    except sqlite3.DatabaseError as exc:
        if not _is_not_a_database(exc):
            raise BackupError(translate(
                "Backups", "Could not restore {backup} into {file}: {reason}. The database "
                           "was not changed.").format(
                    backup=backup, file=db_path, reason=_reason(exc))) from exc
        _replace_unreadable(db_path, backup)
    _rotate(folder, REPLACED, keep)
    return kept


def restore_open_database(backup: Path, keep: int = KEEP) -> Path | None:
    """Restores ``backup`` over the database the app has open, and opens it again.

    This thread's connection is closed first; other threads must have
    finished their work with the database. The restored file is opened (and
    a backup from an older version migrated) before this returns, even when
    the restore was refused: then the database is the one that was open.

    Returns:
        The kept copy of the replaced database (see :func:`restore`).

    Raises:
        BackupError: no database is open, or the restore was refused or
            failed, or the database could not be opened again.
    """
    from db.connection import DatabaseError, close_database, forget_damage, open_database

    db_path = bound_path()
    if db_path is None:
        raise BackupError(translate(
            "Backups", "No database is open: there is nothing to restore into."))
    if _opened_read_only():
        raise BackupError(translate(
            "Backups", "{file} is open read only, so no backup can be restored into it."
        ).format(file=db_path))
    close_database()
    try:
        kept = restore(db_path, backup, keep)
        forget_damage(db_path)  # a sound file replaced the damaged one: it may be written
        return kept
    finally:
        try:
            open_database(db_path)
        except DatabaseError as exc:
            raise BackupError(str(exc)) from exc


def _opened_read_only() -> bool:
    """True if the open database was opened for reading only (asked for, or not writable).

    A file found damaged refuses writes but is not read only: a backup may replace it.
    """
    from db import connection

    opened = connection.opened()
    return opened is not None and opened.read_only


def _check_restorable(backup: Path) -> None:
    if not backup.is_file():
        raise BackupError(translate(
            "Backups", "{backup} cannot be restored: the file is missing.").format(backup=backup))
    problem = _integrity_problem(backup)
    if problem is not None:
        raise BackupError(translate("Backups", "{backup} cannot be restored: {problem}").format(
            backup=backup, problem=problem))
    try:
        with _connect(backup, read_only=True) as con:
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            has_articles = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article'"
            ).fetchone() is not None
    except sqlite3.Error as exc:
        raise BackupError(translate("Backups", "{backup} cannot be restored: {reason}.").format(
            backup=backup, reason=_reason(exc))) from exc
    if version < 1 or not has_articles:
        raise BackupError(translate(
            "Backups", "{backup} cannot be restored: it is not a Marginalia database.").format(
                backup=backup))
    if version > SCHEMA_VERSION:
        raise BackupError(translate(
            "Backups", "{backup} cannot be restored: it was written by a newer version of "
                       "Marginalia (schema {version}; this version reads up to {supported})."
        ).format(backup=backup, version=version, supported=SCHEMA_VERSION))


def _keep_current(db_path: Path, folder: Path, now: dt.datetime | None) -> Path:
    """Copies the database about to be replaced into the backups folder.

    A file SQLite cannot copy (damaged) is copied as bytes, with its
    write-ahead log beside it, so it is kept as it was.
    """
    kept = _free_name(folder, REPLACED, now)
    try:
        try:
            _online_copy(db_path, kept)
        except sqlite3.DatabaseError:
            kept.unlink(missing_ok=True)
            shutil.copyfile(db_path, kept)
            wal = _side_file(db_path, "-wal")
            if wal.is_file():
                shutil.copyfile(wal, _side_file(kept, "-wal"))
    except OSError as exc:
        kept.unlink(missing_ok=True)
        raise BackupError(translate(
            "Backups", "Could not keep a copy of {file} in {folder} before restoring: {reason}. "
                       "The database was not changed.").format(
                file=db_path, folder=folder, reason=_reason(exc))) from exc
    return kept


def _replace_unreadable(db_path: Path, backup: Path) -> None:
    """Replaces a file SQLite does not read as a database (nobody can have it open).

    The backup is copied beside it and renamed over it; the old file's
    write-ahead log and index go, since they belong to the old content.
    """
    handle, name = tempfile.mkstemp(prefix=_PARTIAL, suffix=_SUFFIX, dir=db_path.parent)
    os.close(handle)
    partial = Path(name)
    try:
        _online_copy(backup, partial)
        for side in ("-wal", "-shm", "-journal"):
            _side_file(db_path, side).unlink(missing_ok=True)
        os.replace(partial, db_path)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(translate("Backups", "Could not restore {backup} into {file}: "
                                               "{reason}.").format(
            backup=backup, file=db_path, reason=_reason(exc))) from exc
    finally:
        partial.unlink(missing_ok=True)


def _is_not_a_database(exc: sqlite3.DatabaseError) -> bool:
    return "not a database" in str(exc)


def _exists(db_path: Path) -> bool:
    return db_path.is_file() and db_path.stat().st_size > 0


# --- files ------------------------------------------------------------------------------


@contextlib.contextmanager
def _connect(path: Path, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    """A plain connection that is closed on leaving (sqlite3's own only commits)."""
    if read_only:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                              timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        yield con
    finally:
        con.close()


def _make_folder(db_path: Path) -> Path:
    folder = backups_folder(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(translate(
            "Backups", "Could not create the backups folder {folder}: {reason}.").format(
                folder=folder, reason=_reason(exc))) from exc
    return folder


def _free_name(folder: Path, kind: Kind, now: dt.datetime | None) -> Path:
    """``<kind>-<UTC time>.sqlite3`` in ``folder``, a microsecond later if taken."""
    taken = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    while True:
        path = folder / f"{kind}-{taken.strftime(_STAMP)}{_SUFFIX}"
        if not path.exists():
            return path
        taken += dt.timedelta(microseconds=1)


def _rotate(folder: Path, kind: Kind, keep: int) -> None:
    """Removes all but the newest ``keep`` files of ``kind``, and stale partial copies."""
    files = sorted(((taken, path) for path, k, taken in _files(folder) if k == kind),
                   reverse=True)
    for _taken, path in files[max(keep, 1):]:
        for side in ("", "-wal"):
            with contextlib.suppress(OSError):
                _side_file(path, side).unlink(missing_ok=True)
    for partial in folder.glob(f"{_PARTIAL}*"):
        with contextlib.suppress(OSError):
            if time.time() - partial.stat().st_mtime > _STALE_PARTIAL_S:
                partial.unlink()


def _side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _reason(exc: OSError | sqlite3.Error) -> str:
    """The reason of a failure in words: the system's or SQLite's sentence, not Python's."""
    if isinstance(exc, OSError):
        return exc.strerror or "the file could not be written"
    return str(exc) or "SQLite reported an error"
