"""Opening the database: where it lives, checks before touching it, pragmas.

A database file is inspected read-only before it is opened for writing, so
a file that is not a database, is damaged, belongs to another program or
was written by a newer Marginalia is reported and left byte-for-byte
untouched. Only an empty file, or one that carries Marginalia's mark
(``PRAGMA application_id``) or, from before the mark, its tables, is ever
set up or migrated.

A file is opened read only when asked (``--read-only``) or when the file or
its folder is not writable (SQLite in WAL mode keeps its ``-wal`` and
``-shm`` files beside the database); a file found damaged refuses writes
too. :func:`writes_refused` says why, in a sentence naming the file; every
write then fails with that sentence (:mod:`db.write_guard`).

Every connection of a file opened for writing logs its writes for the other
app instances using the file (:class:`LoggedConnection`, :mod:`db.change_log`).

The window can show its first article before the ORM is even imported
(peewee takes ~40 ms to load, ~0.1 s with the PostgreSQL driver):
:func:`open_for_reading` opens a plain sqlite3 connection that
:mod:`db.reads` uses until :func:`open_database` takes over, which happens
on the first use of :data:`db.models.database` at the latest. This module
imports neither peewee nor the models at load.

``--db`` (or ``$MARGINALIA_DB``) may also be a PostgreSQL URL,
``postgresql://user@host/dbname``: :func:`open_database` then connects to
that team database through :mod:`db.postgres`, and everything above that is
about the file (its header mark, the quick check, read-only opening of a
file that is not writable, the early plain-sqlite3 reads) does not apply:
:func:`server_url` tells the two apart.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.i18n import translate
from db.schema import APPLICATION_ID, OWN_TABLES, SCHEMA_VERSION

if TYPE_CHECKING:
    from peewee import Database

    from db.dialect import Dialect

ENV_VAR = "MARGINALIA_DB"
BUSY_TIMEOUT_MS = 5000
"""How long a statement waits for another connection's write lock."""
PRAGMAS: dict[str, str | int] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",  # with WAL, a committed action survives a crash of the app
    "busy_timeout": BUSY_TIMEOUT_MS,
    "cache_size": -32_000,
}
READ_ONLY_PRAGMAS: dict[str, str | int] = {
    key: value for key, value in PRAGMAS.items() if key not in ("journal_mode", "synchronous")}
"""A read-only connection sets no journal mode: that would be a write."""


class DatabaseError(Exception):
    """The database can't be used; the message says which file and why."""


class DatabaseTooNewError(DatabaseError):
    """The file was written by a newer version of Marginalia."""


class ForeignDatabaseError(DatabaseError):
    """The file is an SQLite database of another program; it is left untouched."""


class DatabaseDamagedError(DatabaseError):
    """SQLite found damaged pages in the file; the message offers the latest backup."""


@dataclass(frozen=True)
class Opened:
    """The database the models are bound to.

    Attributes:
        path: the file; None for a PostgreSQL database.
        refusal: why it may not be written (a sentence naming the file), or
            None when it may.
        created: this open created it (its schema was built just now).
        read_only: it is opened for reading only (``mode=ro``): asked for, or
            the file or its folder is not writable. A file found damaged
            refuses writes but is not read only: a backup may replace it.
        url: the PostgreSQL database's URL, or None for a file.
    """

    path: Path | None
    refusal: str | None
    created: bool
    read_only: bool = False
    url: str | None = None

    @property
    def where(self) -> str:
        """How messages name the database: its file, or its URL without the password."""
        if self.url is not None:
            from db.postgres import display_url

            return display_url(self.url)
        return str(self.path)


_opened: Opened | None = None
_damaged: dict[Path, str] = {}  # files found damaged in this process → their refusal


def default_path() -> Path:
    """Returns the database in the platform's user data directory."""
    from platformdirs import user_data_path

    return user_data_path("Marginalia", appauthor=False) / "marginalia.sqlite3"


def server_url(explicit: str | os.PathLike[str] | None = None) -> str | None:
    """The PostgreSQL URL that ``--db`` (else ``$MARGINALIA_DB``) names, or None for a file."""
    chosen = explicit or os.environ.get(ENV_VAR) or None
    if isinstance(chosen, str) and chosen.startswith(("postgresql://", "postgres://")):
        return chosen
    return None


def resolve_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` first, then ``$MARGINALIA_DB``, then the default location.

    For a file only: see :func:`server_url` first.
    """
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    return default_path()


def inspect(path: Path, check: bool | None = None) -> int:
    """Returns the schema version of an existing file, opened read-only.

    Args:
        path: an existing, non-empty file.
        check: run SQLite's quick check (see :mod:`db.integrity`): always
            (True), never (False), or only when the file is about to be
            migrated (None), so nothing is written into a damaged file.

    Raises:
        DatabaseError: the file can't be read or is not a usable database.
        ForeignDatabaseError: it is another program's database.
        DatabaseTooNewError: its version is newer than this app knows.
        DatabaseDamagedError: the check found damaged pages.
    """
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(_cannot_open(path, exc)) from exc
    try:
        # Reading the header and the table names is enough to refuse a foreign
        # or too-new file; the quick check reads the whole file (see db.integrity).
        try:
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            mark = int(con.execute("PRAGMA application_id").fetchone()[0])
            tables = {name for (name,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise _unreadable(path, exc) from exc
        _refuse_unless_ours(path, version, mark, tables)
        if check or (check is None and 0 < version < SCHEMA_VERSION):
            _refuse_if_damaged(path, con)
    finally:
        con.close()
    return version


def _refuse_unless_ours(path: Path, version: int, mark: int, tables: set[str]) -> None:
    """Raises unless the file is empty, Marginalia's, and not newer than this app."""
    if version > SCHEMA_VERSION and mark in (0, APPLICATION_ID):
        raise DatabaseTooNewError(translate(
            "Connection", "Database {path} was written by a newer version of Marginalia "
                          "(schema {version}; this version reads up to {supported}). It has "
                          "not been changed. Update Marginalia to open it.").format(
            path=path, version=version, supported=SCHEMA_VERSION))
    empty = version == 0 and not tables
    from_before_the_mark = version >= 1 and OWN_TABLES <= tables
    if mark == APPLICATION_ID or (mark == 0 and (empty or from_before_the_mark)):
        return
    if mark:
        what = translate("Connection", "its header carries another program's mark "
                                       "(application id {mark})").format(mark=mark)
    else:
        names = ", ".join(sorted(tables)[:5]) or translate("Connection", "none",
                                                            "no tables")
        what = translate("Connection", "it holds another program's tables "
                                       "({names})").format(names=names)
    raise ForeignDatabaseError(translate(
        "Connection", "{path} is not a Marginalia database: {why}. It has not been changed; "
                      "choose another file with --db.").format(path=path, why=what))


def _refuse_if_damaged(path: Path, con: sqlite3.Connection) -> None:
    from db.integrity import damage_message, findings

    try:
        problems = findings(con)
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    if problems:
        raise DatabaseDamagedError(damage_message(path, problems))


def _unreadable(path: Path, exc: sqlite3.Error) -> DatabaseError:
    """Says, in words, why SQLite could not read ``path`` at all."""
    code = str(getattr(exc, "sqlite_errorname", ""))
    if code == "SQLITE_NOTADB":
        return DatabaseError(translate(
            "Connection", "{path} is not a Marginalia database: SQLite cannot read it as a "
                          "database at all. It has not been changed.").format(path=path))
    if code.startswith("SQLITE_CORRUPT"):
        from db.integrity import damage_message

        return DatabaseDamagedError(damage_message(path, [str(exc)], checked=False))
    if code.startswith("SQLITE_CANTOPEN") and not os.access(path, os.R_OK):
        return DatabaseError(translate(
            "Connection", "Cannot open database {path}: the file is not readable.").format(
            path=path))
    return DatabaseError(_cannot_open(path, exc))


def describe_error(exc: sqlite3.Error) -> DatabaseError:
    """Our error, in words naming the open file, for an SQLite error met reading it.

    :mod:`db.write_guard` words the errors of a statement as it runs; rows
    fetched later (a long SELECT read row by row) raise sqlite3's own.
    """
    opened_file = _opened.path if _opened is not None else None
    path = _early_path or opened_file or resolve_path()
    error = _unreadable(path, exc)
    if isinstance(error, DatabaseDamagedError):
        return error
    known = _damaged.get(path.resolve())
    if known is not None:  # garbage read from a page known to be damaged (text not UTF-8…)
        return DatabaseDamagedError(known)
    return DatabaseError(translate("Connection", "Cannot read database {path}: {reason}.")
                         .format(path=path, reason=exc))


def _cannot_open(path: Path, exc: Exception) -> str:
    """"Cannot open database …: …." in words, the reason as SQLite or the system gave it."""
    return translate("Connection", "Cannot open database {path}: {reason}.").format(
        path=path, reason=exc)


def read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` for reading only, wherever it is.

    A reader of a WAL database needs its ``-shm`` file, which SQLite creates
    beside the database when it can. In a folder that is not writable, with
    no ``-wal`` and ``-shm`` there, nobody can be writing the file (a writer
    needs them too), so it is opened ``immutable``: read as it is, no locks.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not _writable(path.parent) and _in_wal_mode(path) and not all(
            path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-shm")):
        uri += "&immutable=1"
    return uri


def _in_wal_mode(path: Path) -> bool:
    """True if the file's header says WAL (read and write versions 2)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return header[:16] == b"SQLite format 3\x00" and header[18:20] == b"\x02\x02"


def _writable(path: Path) -> bool:
    """Whether this process may write ``path`` (a file, or a folder to create files in).

    ``os.access`` answers for the user the process runs as; for root it is
    False only on a read-only file system or an immutable file or folder.
    """
    return os.access(path, os.W_OK)


def _read_only_reason(target: Path, asked: bool) -> str | None:
    """Why ``target`` must be opened read only, as the end of a sentence, or None."""
    if asked:
        return translate("Connection", "as asked (--read-only)")
    if target.exists() and not _writable(target):
        return translate("Connection", "because the file is not writable")
    folder = target.parent
    if target.exists() and not _writable(folder):
        return translate("Connection", "because its folder {folder} is not writable (SQLite "
                                       "needs to create its journal files beside the "
                                       "database)").format(folder=folder)
    return None


def _read_only_refusal(target: Path | str, why: str) -> str:
    return translate("Connection", "Marginalia opened {file} read only {why}: nothing can be "
                                   "saved to it.").format(file=target, why=why)


def open_database(path: str | os.PathLike[str] | None = None, *, read_only: bool = False,
                  check: bool | None = None) -> Database:
    """Opens (creating if needed) and migrates the database; binds the models.

    Args:
        path: the file (``--db``), or a PostgreSQL URL; else ``$MARGINALIA_DB``
            or the default file.
        read_only: open it for reading only. A file is opened so anyway when
            it or its folder is not writable; :func:`writes_refused` says why.
        check: run SQLite's quick check first (see :func:`inspect`); a
            PostgreSQL server checks its own pages, so there it is not run.

    Raises:
        DatabaseError: with a message naming the file and the reason.
    """
    global _opened
    url = server_url(path)
    if url is not None:
        return _open_server(url, read_only)
    db, _opened = _open_file(resolve_path(path), read_only, check, bind=True)
    return db


def open_unbound(path: str | os.PathLike[str], *, read_only: bool = False) -> Database:
    """Opens a database as :func:`open_database` does, without binding the models to it.

    For work that reads or writes two databases at once (``marginalia db
    copy``): the caller uses the returned database directly, and closes it.

    Raises:
        DatabaseError: as :func:`open_database`.
    """
    url = server_url(path)
    if url is not None:
        from db.postgres import display_url, open_server

        refusal = None
        if read_only:
            refusal = _read_only_refusal(display_url(url),
                                         translate("Connection", "as asked (--read-only)"))
        return open_server(url, refusal)[0]
    return _open_file(resolve_path(path), read_only, None, bind=False)[0]


def _open_file(target: Path, read_only: bool, check: bool | None,
               bind: bool) -> tuple[Database, Opened]:
    """Opens, checks and migrates the file ``target`` (see :func:`open_database`).

    ``bind``: bind the models to it (before it is migrated, and unbound if that fails).
    """
    why = _read_only_reason(target, read_only)
    version = _existing_version(target, why, check)
    from db import models
    from db.library import register_functions
    from db.migrations import migrate
    from db.write_guard import GuardedDatabase

    if bind:
        _close_early()
    if version is None:
        _use_wal(target)
    refusal = _damaged.get(target.resolve())
    if why is not None:
        refusal = refusal or _read_only_refusal(target, why)
        db = GuardedDatabase(target, read_only_uri(target), refusal=refusal, uri=True,
                             pragmas=READ_ONLY_PRAGMAS)
    else:
        # Transactions take the write lock when they begin: one that reads before
        # it writes (find_or_create_entity…) would otherwise fail with "database is
        # locked" if another connection (the plots' worker refreshing the summaries,
        # an import) committed in between; waiting for the lock is what busy_timeout does.
        db = GuardedDatabase(target, str(target), refusal=refusal, pragmas=PRAGMAS,
                             lock_type="IMMEDIATE", factory=LoggedConnection)
    register_functions(db)  # before any connection, so every thread's has them
    if bind:
        _let_go(models.database.obj)
        models.database.initialize(db)
    try:
        db.connect()
        applied = migrate(db) if refusal is None else []
        if refusal is None:
            from db import change_log

            # This connection opened before migration 010 may have made the log.
            change_log.install(db.connection())  # type: ignore[no-untyped-call]
            change_log.prune(db)
    except Exception as exc:
        if not db.is_closed():
            db.close()
        if bind:
            models.database.initialize(None)  # nothing may use a half-opened database
        if isinstance(exc, DatabaseError):
            raise
        raise DatabaseError(_cannot_open(target, exc)) from exc
    return db, Opened(target, refusal, created=version is None and 1 in applied,
                      read_only=why is not None)


class LoggedConnection(sqlite3.Connection):
    """A connection whose writes are logged for the other app instances (db.change_log).

    peewee opens one connection per thread, through ``sqlite3.connect``; this
    class, passed as its ``factory``, gives each one its ``TEMP`` triggers
    as it opens. Only the connections of a file opened for writing have them.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from db import change_log

        try:
            change_log.install(self)
        except sqlite3.DatabaseError:
            pass  # a damaged file: the first statement says so, in words (db.write_guard)


def _open_server(url: str, read_only: bool) -> Database:
    """Connects the models to the PostgreSQL database at ``url`` (see :func:`open_database`)."""
    global _opened
    from db import models
    from db.postgres import display_url, open_server

    _close_early()
    refusal = None
    if read_only:
        refusal = _read_only_refusal(display_url(url),
                                     translate("Connection", "as asked (--read-only)"))
    db, created = open_server(url, refusal)
    _let_go(models.database.obj)
    models.database.initialize(db)
    _opened = Opened(None, refusal, created=created, read_only=read_only, url=url)
    return db


def _existing_version(target: Path, why: str | None, check: bool | None) -> int | None:
    """The schema version of the file (None if there is none yet), refusing what
    can't be opened as asked; creates the folder of a new file."""
    if target.is_dir():
        raise DatabaseError(translate(
            "Connection", "{path} is a folder, not a database file.").format(path=target))
    if target.exists() and target.stat().st_size:
        version = inspect(target, check)
        if why is not None and version < SCHEMA_VERSION:
            raise DatabaseError(translate(
                "Connection", "{path} must be upgraded to this version of Marginalia before "
                              "it can be read, which means writing to it, but it is open read "
                              "only {why}. It has not been changed.").format(
                path=target, why=why))
        return version
    if why is not None:
        raise DatabaseError(translate(
            "Connection", "There is no Marginalia database in {path} yet, and it is open read "
                          "only {why}, so none was created.").format(path=target, why=why))
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(translate(
            "Connection", "Cannot create the folder for {path}: {reason}.").format(
            path=target, reason=exc.strerror)) from exc
    if not _writable(folder):
        raise DatabaseError(translate(
            "Connection", "Cannot create the database {path}: its folder is not "
                          "writable.").format(path=target))
    return None


def _use_wal(target: Path) -> None:
    """Puts a new (or empty) file in WAL mode before the app's connection opens it.

    The switch takes the file's exclusive lock. When two processes create the
    same file at once (two first imports), each may hold a shared lock while
    asking for it; SQLite then answers "database is locked" at once rather
    than wait (waiting would deadlock), so the switch is asked again until
    it is done (by either process) or the busy timeout has passed.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            con = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                con.execute("PRAGMA journal_mode = wal").fetchone()
                return
            finally:
                con.close()
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "") != "SQLITE_BUSY" or \
                    time.monotonic() > deadline:
                raise DatabaseError(translate(
                    "Connection", "Cannot create the database {path}: {reason}.").format(
                    path=target, reason=exc)) from exc
        time.sleep(0.01)


def _let_go(previous: Any) -> None:
    """Closes every connection of a PostgreSQL database the models no longer use.

    A file's connections close when they are collected; a server's would
    stay open until then, and warn.
    """
    if previous is not None and hasattr(previous, "close_all"):
        previous.close_all()


def forget_damage(path: Path) -> None:
    """Lets ``path`` be written again once a sound file has replaced it (a backup restored).

    Takes effect at the next :func:`open_database` of the file.
    """
    _damaged.pop(path.resolve(), None)


def opened() -> Opened | None:
    """The database last opened with :func:`open_database` (bound to the models)."""
    return _opened


def writes_refused() -> str | None:
    """Why the open database may not be written (a sentence naming it), or None.

    Also answers for the plain connection of :func:`open_for_reading`.
    """
    if _early_path is not None:
        return _damaged.get(_early_path.resolve(), _early_refusal)
    return _opened.refusal if _opened is not None else None


def mark_damaged(path: Path, message: str) -> None:
    """From now on, in this process, ``path`` refuses every write with ``message``.

    For a damage found after the file was opened (the window checks it in
    the background): the bound database stops writing at once, and a later
    :func:`open_database` of the file opens it refusing writes.
    """
    global _opened
    key = path.resolve()
    _damaged[key] = message
    if _opened is not None and _opened.path is not None and _opened.path.resolve() == key:
        _opened = replace(_opened, refusal=message)
        from db import models
        from db.write_guard import GuardedDatabase

        bound = models.database.obj
        if isinstance(bound, GuardedDatabase):
            bound.refuse_writes(message)


def close_database() -> None:
    """Closes this thread's connection to the bound database, if any."""
    _close_early()
    close_thread_connection()


def close_thread_connection() -> None:
    """Closes this thread's connection to the models' database, if it has one open.

    For a worker thread when its work is done: peewee gives each thread its own
    connection, kept open until closed. The plain connection of
    :func:`open_for_reading`, which belongs to the thread that opened it, is left open.
    """
    from db import models

    db = models.database.obj
    if db is not None and not db.is_closed():
        db.close()


# --- reading before the ORM is loaded ----------------------------------------------

_early: sqlite3.Connection | None = None
_early_thread = 0
_early_path: Path | None = None
_early_read_only = False  # asked for (--read-only): the full open keeps it
_early_refusal: str | None = None


def open_for_reading(path: str | os.PathLike[str] | None = None,
                     read_only: bool = False) -> bool:
    """Opens an up-to-date database with plain sqlite3, for :mod:`db.reads`.

    Returns False, opening nothing, when the file does not exist yet, needs
    migrating or is not Marginalia's: :func:`open_database` must create,
    migrate or refuse it. The models' first use opens it fully (see
    :data:`db.models.database`), read only if ``read_only``.

    Raises:
        DatabaseError: as :func:`open_database`, naming the file and the reason.
    """
    global _early, _early_thread, _early_path, _early_read_only, _early_refusal
    if server_url(path) is not None:
        return False  # a server's rows need the driver, and so peewee: opened fully
    target = resolve_path(path)
    if not target.is_file() or not target.stat().st_size:
        return False
    try:
        if inspect(target, check=False) != SCHEMA_VERSION:
            return False
    except ForeignDatabaseError:
        return False  # open_database says so (the window's slow path)
    why = _read_only_reason(target, read_only)
    try:
        # Read on this thread only (see execute); closed from whichever opens fully.
        if why is None:
            con = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000,
                                  check_same_thread=False)
        else:
            con = sqlite3.connect(read_only_uri(target), uri=True,
                                  timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        con.execute("PRAGMA foreign_keys = 1")
    except sqlite3.Error as exc:
        raise DatabaseError(_cannot_open(target, exc)) from exc
    _close_early()
    _early, _early_thread, _early_path = con, threading.get_ident(), target
    _early_read_only = read_only
    _early_refusal = None if why is None else _read_only_refusal(target, why)
    return True


def opened_for_reading() -> Path | None:
    """The file :func:`open_for_reading` opened, until :func:`open_database` takes over."""
    return _early_path


def open_deferred() -> None:
    """Opens fully the database :func:`open_for_reading` opened (no-op otherwise).

    Raises:
        DatabaseError: called on another thread than the one that opened it
            for reading (opening closes that thread's plain connection).
    """
    if _early_path is None:
        return
    if threading.get_ident() != _early_thread:
        raise DatabaseError(f"{_early_path} must be opened fully (open_database) by the "
                            "thread that opened it for reading before another uses it.")
    open_database(_early_path, read_only=_early_read_only)


def execute(sql: str, params: tuple[Any, ...] | list[Any] = ()) -> sqlite3.Cursor:
    """Runs one read statement (``?`` parameters) on this thread's connection.

    That is the plain connection of :func:`open_for_reading` while it is open
    (on the thread that opened it), else the models' database. The rows are
    :class:`sqlite3.Row`: read them by column name (``row["title"]``).
    """
    if _early is not None and threading.get_ident() == _early_thread:
        cursor = _early.execute(sql, params)
    else:
        from db import models

        cursor = models.database.execute_sql(sql, params)
    named: sqlite3.Cursor = by_name(cursor)
    return named


def by_name(cursor: Any) -> Any:
    """Makes ``cursor`` give its rows as :class:`sqlite3.Row`, read by column name.

    The row factory applies to rows fetched after this call, so it also
    serves a cursor peewee's ``execute_sql`` has already run. A PostgreSQL
    cursor gives :class:`db.postgres.NamedRow`, which reads the same way.
    """
    if isinstance(cursor, sqlite3.Cursor):
        cursor.row_factory = sqlite3.Row
    else:
        from db.postgres import named_rows

        cursor.row_factory = named_rows
    return cursor


def dialect() -> Dialect:
    """The SQL dialect of the connection :func:`execute` uses on this thread."""
    from db import dialect as dialects

    if _early is not None and threading.get_ident() == _early_thread:
        return dialects.SQLITE
    from db import models

    return dialects.of(models.database)


def _close_early() -> None:
    global _early, _early_path, _early_refusal
    if _early is not None:
        _early.close()
    _early, _early_path, _early_refusal = None, None, None
