"""Opening the database: where it lives, checks before touching it, pragmas.

A database file is inspected read-only before it is opened for writing, so
a file that is not a database, is corrupt, or was written by a newer
Marginalia is reported and left byte-for-byte untouched.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from db import models
from db.migrations import SCHEMA_VERSION, migrate

ENV_VAR = "MARGINALIA_DB"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",  # with WAL, a committed action survives a crash of the app
    "busy_timeout": 5000,
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
    # Transactions take the write lock when they begin: one that reads before
    # it writes (find_or_create_entity…) would otherwise fail with "database is
    # locked" if another connection (the plots' worker refreshing the summaries,
    # an import) committed in between; waiting for the lock is what busy_timeout does.
    db = SqliteDatabase(str(target), pragmas=PRAGMAS, lock_type="IMMEDIATE")
    models.database.initialize(db)
    try:
        db.connect()
        migrate(db)
    except Exception as exc:
        if not db.is_closed():
            db.close()
        raise DatabaseError(f"Cannot open database {target}: {exc}.") from exc
    return db


def close_database() -> None:
    """Closes this thread's connection to the bound database, if any."""
    db = models.database.obj
    if db is not None and not db.is_closed():
        db.close()
