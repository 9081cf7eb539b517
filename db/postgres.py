"""A shared PostgreSQL database (``--db postgresql://user@host/dbname``), through peewee.

The rest of :mod:`db` writes its statements once (see :mod:`db.dialect`);
this module makes the server's connection take them as the SQLite file's
does:

* ``?`` parameters become psycopg's ``%s`` (and a literal ``%`` is doubled);
  parameters are bound on the client (psycopg's ``ClientCursor``), as
  sqlite3 does, so an untyped ``?`` never needs a cast;
* rows read by column name (:func:`db.connection.by_name`) are
  :class:`NamedRow`, which reads like :class:`sqlite3.Row`;
* Python's booleans are written as 0 and 1 (the ``approx`` column is an
  integer in both engines) and a ``NUMERIC`` result (PostgreSQL's sum of
  counts) is read as an ``int``, or a ``float`` if it has a fraction;
* transactions: SQLite's ``IMMEDIATE`` (the write lock taken as the
  transaction begins, which every transaction of the app asks for) is a
  transaction-level advisory lock, so the app's transactions that read
  before they write (find or create an entity, the summaries' refresh)
  still run one at a time, across every user of the database; a
  ``DEFERRED`` one (a reading snapshot for an export) is ``REPEATABLE READ``
  and takes no lock. A writer waits at most :data:`LOCK_TIMEOUT_MS`.
* read only (``--read-only``): every transaction is read only, and a
  write fails with the sentence :func:`db.connection.writes_refused` gives;
* the change log (:mod:`db.change_log`): each connection names this process
  (``marginalia.origin``) for the triggers that log its writes, and
  :class:`ChangeListener` waits for the notifications they send.

What SQLite does on the file and PostgreSQL on the server has no
counterpart here: the file's header mark, its quick check, its backups and
its read-only open are the server's business (its roles and privileges,
``pg_dump``); :mod:`db.connection` says so where it is asked.

Loaded only when a PostgreSQL URL is opened: it imports peewee and psycopg.
"""

from __future__ import annotations

import functools
import re
import weakref
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from peewee import DatabaseError as SqlError
from peewee import PostgresqlDatabase
from psycopg.adapt import Loader
from psycopg.types.numeric import Int4Dumper

from db.change_log import ORIGIN
from db.connection import DatabaseError, DatabaseTooNewError, ForeignDatabaseError
from db.dialect import POSTGRESQL
from db.i18n import translate
from db.schema import APPLICATION_ID, SCHEMA_VERSION

LOCK_TIMEOUT_MS = 30_000
"""How long a transaction waits for another's write lock (another user's action)."""
WRITE_LOCK = APPLICATION_ID
"""The advisory lock that stands for SQLite's write lock (one per database)."""
_WRITE_LOCKS = ("IMMEDIATE", "EXCLUSIVE")
_READ_ONLY_SQLSTATE = "25006"


def is_server_url(location: object) -> bool:
    """True if ``location`` names a PostgreSQL database rather than a file."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def display_url(url: str) -> str:
    """The URL without its password, to name the database in messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[-1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}@{host}" if user else host))


class NamedRow(tuple[Any, ...]):
    """A row read by position or by column name, as :class:`sqlite3.Row` is."""

    __slots__ = ()
    _positions: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._positions[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._positions)


def named_rows(cursor: Any) -> Any:
    """psycopg's row factory for :class:`NamedRow`s (one class per result)."""
    description = cursor.description or ()
    row_class = type("NamedRow", (NamedRow,), {
        "__slots__": (), "_positions": {column.name: i for i, column in enumerate(description)}})
    return row_class


class _BooleanAsInteger(Int4Dumper):
    """Writes True and False as 1 and 0, as SQLite stores them."""

    def dump(self, obj: Any) -> bytes:
        return b"1" if obj else b"0"


class _Number(Loader):
    """Reads a ``NUMERIC`` as an int, or a float when it has a fraction."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        try:
            return int(text)
        except ValueError:
            return float(text)


_PIECES = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|(\$\w*\$).*?\1|--[^\n]*|%s|[?%]""",
                     re.DOTALL)


@functools.lru_cache(maxsize=2048)
def driver_sql(sql: str) -> str:
    """``sql`` as psycopg takes it: ``?`` outside quotes becomes ``%s``, ``%`` is doubled.

    A ``%s`` peewee wrote is kept as the parameter it is.
    """
    def swap(match: re.Match[str]) -> str:
        piece = match.group(0)
        if piece == "?":
            return "%s"
        if piece == "%":
            return "%%"
        if piece == "%s":
            return piece
        return piece.replace("%", "%%")

    return _PIECES.sub(swap, sql)


class ServerDatabase(PostgresqlDatabase):
    """peewee's PostgreSQL database (psycopg 3), taking the statements written for SQLite.

    Attributes:
        url: the database's URL (with its password, if it has one).
        where: how messages name it (the URL without its password).
        refusal: why writes are refused (``--read-only``), or None.
    """

    dialect = POSTGRESQL

    def __init__(self, url: str, *, refusal: str | None = None) -> None:
        self.url = url if url.startswith("postgresql://") else \
            "postgresql://" + url.split("://", 1)[1]
        self.where = display_url(self.url)
        self.refusal = refusal
        self._opened: weakref.WeakSet[Any] = weakref.WeakSet()
        super().__init__(self.url, prefer_psycopg3=True, cursor_factory=psycopg.ClientCursor,
                         application_name="marginalia", connect_timeout=10,
                         options=f"-c lock_timeout={LOCK_TIMEOUT_MS:d}",
                         # A network that goes silent (a laptop leaving the office Wi-Fi)
                         # fails a statement within ~15 s rather than hanging the window.
                         keepalives=1, keepalives_idle=10, keepalives_interval=5,
                         keepalives_count=3, tcp_user_timeout=15000)

    def _connect(self) -> Any:
        conn = super()._connect()  # type: ignore[misc]  # left out of peewee's stubs
        self._opened.add(conn)
        return conn

    def close_all(self) -> None:
        """Closes the connections every thread opened (peewee keeps one per thread).

        For a database being let go of: a thread still using it gets an error.
        """
        for conn in list(self._opened):
            conn.close()
        self._opened.clear()

    def _initialize_connection(self, conn: Any) -> None:
        conn.adapters.register_dumper(bool, _BooleanAsInteger)
        conn.adapters.register_loader("numeric", _Number)
        # The triggers log this connection's writes under this process's name (db.change_log).
        conn.execute(f"SET marginalia.origin = '{ORIGIN}'")
        if self.refusal is not None:
            conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    def begin(self, lock_type: str | None = None) -> None:
        """Begins a transaction, as SQLite's ``BEGIN <lock_type>`` would (see the module)."""
        if self.refusal is not None:
            if lock_type in _WRITE_LOCKS:
                raise DatabaseError(self.refusal)
            super().begin()
            return
        if lock_type == "DEFERRED":
            super().begin("REPEATABLE READ")
            return
        super().begin()
        try:
            self.execute_sql("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
        except Exception:
            self.rollback()  # not left in a failed transaction
            raise

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        try:
            return super().execute_sql(  # type: ignore[no-untyped-call]  # (peewee's stubs)
                driver_sql(sql), params)
        except SqlError as exc:
            cause = exc.__cause__ or exc.__context__
            if self.refusal is not None and getattr(cause, "sqlstate", None) == \
                    _READ_ONLY_SQLSTATE:
                raise DatabaseError(self.refusal) from exc
            if isinstance(cause, psycopg.OperationalError):  # the server gone, a lock timed out
                raise DatabaseError(translate(
                    "Connection", "The database {database} could not be used: {reason}."
                ).format(database=self.where, reason=_first_line(exc))) from exc
            raise


class ChangeListener:
    """A connection of its own that waits for notifications on one channel.

    For a thread that does nothing else (the window's watcher, through
    :func:`db.change_log.wait_for_notice`): the models' connections are
    peewee's, one per thread, and never wait.

    Attributes:
        url: the database's URL.
    """

    def __init__(self, url: str, channel: str, ignore: str | None = None) -> None:
        self.url = url
        self._ignore = ignore
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10,
                                         application_name="marginalia")
            self._conn.execute(f'LISTEN "{channel}"')
        except psycopg.Error as exc:
            raise DatabaseError(f"Cannot wait for changes to the database "
                                f"{display_url(url)}: {_first_line(exc)}.") from exc

    def wait(self, timeout: float) -> bool:
        """True as soon as a notification arrives (one whose payload is not
        ``ignore``), False after ``timeout`` seconds without one."""
        try:
            for notice in self._conn.notifies(timeout=timeout):
                if notice.payload != self._ignore:
                    return True
        except psycopg.Error as exc:
            raise DatabaseError(f"Stopped waiting for changes to the database "
                                f"{display_url(self.url)}: {_first_line(exc)}.") from exc
        return False

    def close(self) -> None:
        self._conn.close()


def open_server(url: str, refusal: str | None) -> tuple[ServerDatabase, bool]:
    """Connects to the database at ``url`` and brings its schema up to date.

    Returns the database and whether its schema was built just now.

    Raises:
        DatabaseError: the server can't be reached, or the database is not one
            Marginalia may use; the message names it and says why.
    """
    db = ServerDatabase(url, refusal=refusal)
    try:
        db.connect()
    except SqlError as exc:
        raise DatabaseError(translate(
            "Connection", "Cannot connect to the database {database}: {reason}."
        ).format(database=db.where, reason=_first_line(exc))) from exc
    applied: list[int] = []
    try:
        version = schema_version(db)
        if version is None or version < SCHEMA_VERSION:
            if refusal is not None:
                raise DatabaseError(translate(
                    "Connection", "The database {database} must be set up or upgraded for "
                    "this version of Marginalia, which means writing to it, but it is open "
                    "read only. It has not been changed.").format(database=db.where))
            applied = migrate(db)
    except SqlError as exc:
        db.close()
        raise DatabaseError(translate(
            "Connection", "Cannot open the database {database}: {reason}."
        ).format(database=db.where, reason=_first_line(exc))) from exc
    except Exception:
        db.close()
        raise
    if refusal is None:
        from db.change_log import prune

        prune(db)
    from db.postgres_schema import BUILT_AT

    return db, version is None and BUILT_AT in applied


def schema_version(db: ServerDatabase) -> int | None:
    """The version of Marginalia's schema in ``db``, or None for an empty database.

    Raises:
        ForeignDatabaseError: it holds another program's tables.
        DatabaseTooNewError: a newer Marginalia set it up.
    """
    from db.postgres_schema import VERSION_TABLE

    tables = [name for (name,) in db.execute_sql(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() ORDER BY table_name").fetchall()]
    if VERSION_TABLE not in tables:
        if tables:
            names = ", ".join(tables[:5])
            raise ForeignDatabaseError(translate(
                "Connection", "{database} is not a Marginalia database: it holds another "
                "program's tables ({names}). It has not been changed; choose another "
                "database with --db.").format(database=db.where, names=names))
        return None
    version, mark = db.execute_sql(f'SELECT version, application_id FROM "{VERSION_TABLE}"'
                                   ).fetchone()
    if mark != APPLICATION_ID:
        raise ForeignDatabaseError(translate(
            "Connection", "{database} is not a Marginalia database: its version record "
            "carries another mark ({mark}). It has not been changed."
        ).format(database=db.where, mark=mark))
    if version > SCHEMA_VERSION:
        raise DatabaseTooNewError(translate(
            "Connection", "Database {database} was set up by a newer version of Marginalia "
            "(schema {version}; this version reads up to {supported}). It has not been "
            "changed. Update Marginalia to open it."
        ).format(database=db.where, version=version, supported=SCHEMA_VERSION))
    return int(version)


def migrate(db: ServerDatabase) -> list[int]:
    """Builds the schema in an empty database, or brings it to :data:`SCHEMA_VERSION`.

    Each step runs in one transaction holding the write lock, and reads the
    version again inside it: two users opening a new database at once build
    it once. Returns the versions reached (the built one first).
    """
    from db import postgres_schema

    applied: list[int] = []
    while True:
        with db.atomic():
            current = schema_version(db)
            if current is not None and current >= SCHEMA_VERSION:
                return applied
            if current is None:
                postgres_schema.create(db)
                number = postgres_schema.BUILT_AT
            else:
                number = current + 1
                postgres_schema.MIGRATIONS[number](db)
                db.execute_sql(f'UPDATE "{postgres_schema.VERSION_TABLE}" SET version = ?',
                               (number,))
        applied.append(number)


def _first_line(exc: BaseException) -> str:
    """The driver's message, first line, without a final full stop."""
    text = str(exc.__cause__ or exc).strip().splitlines()
    return text[0].rstrip(".") if text else type(exc).__name__
