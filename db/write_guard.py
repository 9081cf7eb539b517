"""The app's SQLite database, which can be told to refuse every write, in words.

A file opened read only (on purpose with ``--read-only``, or because the file
or its folder is not writable) or found damaged must not be written, and the
user must learn why rather than read SQLite's "attempt to write a readonly
database". :class:`GuardedDatabase` is peewee's ``SqliteDatabase`` with a
``refusal``: while it is set, a transaction that asks for the write lock is
refused before it begins, any write a transaction tries fails (the file is
opened ``mode=ro``, or the connection is ``query_only``), and both failures
raise :class:`~db.connection.DatabaseError` with the refusal as message.
A page found damaged while reading raises
:class:`~db.connection.DatabaseDamagedError`, naming the file.

Loaded when a database is opened for the models (it imports peewee).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peewee import DatabaseError as SqlError
from peewee import SqliteDatabase

from db.connection import DatabaseDamagedError, DatabaseError
from db.integrity import damage_message

WRITE_LOCKS = ("IMMEDIATE", "EXCLUSIVE")
"""Lock types a transaction asks for when it means to write."""


class GuardedDatabase(SqliteDatabase):
    """``SqliteDatabase`` for one file, refusing writes while :attr:`refusal` is set.

    Attributes:
        path: the database file (the connection string may be a URI).
        refusal: why writes are refused (a sentence naming the file), or None.
    """

    def __init__(self, path: Path, database: str, *, refusal: str | None = None,
                 **kwargs: Any) -> None:
        self.path = path
        self.refusal = refusal
        if refusal is not None:
            kwargs["lock_type"] = None  # a plain BEGIN: reading transactions still run
        super().__init__(database, **kwargs)

    def refuse_writes(self, reason: str) -> None:
        """From now on every write fails with ``reason`` (this thread's open
        connection at once, the others' when they next begin or reconnect)."""
        self.refusal = reason
        self._lock_type = None
        if not self.is_closed():
            self.connection().execute(  # type: ignore[no-untyped-call]  # (peewee's stubs)
                "PRAGMA query_only = 1")

    def begin(self, lock_type: str | None = None) -> None:
        if self.refusal is not None and (lock_type or self._lock_type) in WRITE_LOCKS:
            raise DatabaseError(self.refusal)
        super().begin(lock_type)

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        try:
            return super().execute_sql(sql, params)  # type: ignore[no-untyped-call]
        except SqlError as exc:
            worded = self._in_words(exc)
            if worded is None:
                raise
            raise worded from exc

    def _add_conn_hooks(self, conn: Any) -> None:
        """Sets up each new connection (every thread has its own): refusing, query only."""
        super()._add_conn_hooks(conn)  # type: ignore[misc]  # left out of peewee's stubs
        if self.refusal is not None:
            conn.execute("PRAGMA query_only = 1")

    def _in_words(self, exc: SqlError) -> DatabaseError | None:
        """Our error for SQLite's refusal of a write or report of a damaged page."""
        # peewee raises its own error while handling sqlite3's, which knows the code.
        code = str(getattr(exc.__cause__ or exc.__context__, "sqlite_errorname", ""))
        if code.startswith("SQLITE_READONLY") and self.refusal is not None:
            return DatabaseError(self.refusal)
        if code.startswith("SQLITE_CORRUPT") or code == "SQLITE_NOTADB":
            return DatabaseDamagedError(damage_message(self.path, [str(exc)], checked=False))
        return None
