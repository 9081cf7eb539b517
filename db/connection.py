"""Opening the database: where it lives, checks before touching it, pragmas.

A database file is inspected read-only before it is opened for writing, so
a file that is not a database, is corrupt, or was written by a newer
Marginalia is reported and left byte-for-byte untouched.

The window can show its first article before the ORM is even imported
(peewee takes ~40 ms to load): :func:`open_for_reading` opens a plain
sqlite3 connection that :mod:`db.reads` uses until :func:`open_database`
takes over, which happens on the first use of :data:`db.models.database`
at the latest. This module imports neither peewee nor the models at load.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from peewee import SqliteDatabase

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


class DatabaseError(Exception):
    """The database can't be used; the message says which file and why."""


class DatabaseTooNewError(DatabaseError):
    """The file was written by a newer version of Marginalia."""


def default_path() -> Path:
    """Returns the database in the platform's user data directory."""
    from platformdirs import user_data_path

    return user_data_path("Marginalia", appauthor=False) / "marginalia.sqlite3"


def resolve_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` first, then ``$MARGINALIA_DB``, then the default location."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    return default_path()


def inspect(path: Path) -> int:
    """Returns the schema version of an existing file, opened read-only.

    Raises:
        DatabaseError: the file can't be read or is not a usable database.
        DatabaseTooNewError: its version is newer than this app knows.
    """
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open database {path}: {exc}.") from exc
    try:
        # Reading the header is enough to refuse a foreign or too-new file; a
        # full integrity check would read the whole file on every start.
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"{path} is not a Marginalia database, or it is damaged ({exc})."
        ) from exc
    finally:
        con.close()
    if version > SCHEMA_VERSION:
        raise DatabaseTooNewError(
            f"Database {path} was written by a newer version of Marginalia "
            f"(schema {version}; this version reads up to {SCHEMA_VERSION}). "
            "It has not been changed. Update Marginalia to open it."
        )
    return version


def open_database(path: str | os.PathLike[str] | None = None) -> SqliteDatabase:
    """Opens (creating if needed) and migrates the database; binds the models.

    Raises:
        DatabaseError: with a message naming the file and the reason.
    """
    target = resolve_path(path)
    if target.exists():
        if target.is_dir():
            raise DatabaseError(f"{target} is a folder, not a database file.")
        if target.stat().st_size:
            inspect(target)
    else:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"Cannot create the folder for {target}: {exc.strerror}.") from exc
    from peewee import SqliteDatabase

    from db import models
    from db.library import register_functions
    from db.migrations import migrate

    _close_early()
    # Transactions take the write lock when they begin: one that reads before
    # it writes (find_or_create_entity…) would otherwise fail with "database is
    # locked" if another connection (the plots' worker refreshing the summaries,
    # an import) committed in between; waiting for the lock is what busy_timeout does.
    db = SqliteDatabase(str(target), pragmas=PRAGMAS, lock_type="IMMEDIATE")
    register_functions(db)  # before any connection, so every thread's has them
    models.database.initialize(db)
    try:
        db.connect()
        migrate(db)
    except Exception as exc:
        if not db.is_closed():
            db.close()
        models.database.initialize(None)  # nothing may use a half-opened database
        raise DatabaseError(f"Cannot open database {target}: {exc}.") from exc
    return db


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


def open_for_reading(path: str | os.PathLike[str] | None = None) -> bool:
    """Opens an up-to-date database with plain sqlite3, for :mod:`db.reads`.

    Returns False, opening nothing, when the file does not exist yet or needs
    migrating: :func:`open_database` must create or migrate it first. The
    models' first use opens it fully (see :data:`db.models.database`).

    Raises:
        DatabaseError: as :func:`open_database`, naming the file and the reason.
    """
    global _early, _early_thread, _early_path
    target = resolve_path(path)
    if not target.is_file() or not target.stat().st_size:
        return False
    if inspect(target) != SCHEMA_VERSION:
        return False
    try:
        # Read on this thread only (see execute); closed from whichever opens fully.
        con = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000,
                              check_same_thread=False)
        con.execute("PRAGMA foreign_keys = 1")
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open database {target}: {exc}.") from exc
    _close_early()
    _early, _early_thread, _early_path = con, threading.get_ident(), target
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
    open_database(_early_path)


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
    return by_name(cursor)


def by_name(cursor: sqlite3.Cursor) -> sqlite3.Cursor:
    """Makes ``cursor`` give its rows as :class:`sqlite3.Row`, read by column name.

    The row factory applies to rows fetched after this call, so it also
    serves a cursor peewee's ``execute_sql`` has already run.
    """
    cursor.row_factory = sqlite3.Row
    return cursor


def _close_early() -> None:
    global _early, _early_path
    if _early is not None:
        _early.close()
    _early, _early_path = None, None
