"""What each app connection wrote, so that other app instances on the same database follow.

Two windows (or a window and ``marginalia import``) may use one database at
once: a SQLite file on a shared disk, or a PostgreSQL team database. The
database itself records every write an app connection makes in the table
``change_log`` (schema 10): which process wrote it (:data:`ORIGIN`), to
what (``kind``: annotation, relation, label, entity, article, suggestion),
how (``action``: insert, update, delete), the row's id and, where it has
them, its article and label. A window reads the rows the *others* wrote
after the last one it saw (:func:`since`) and shows those changes as it
shows its own (``desktop.core.remote_changes``, ``desktop.ui.live_updates``).

How the rows get there:

* SQLite: a trigger stored in the file cannot know which connection fired
  it, so every connection the app opens for writing creates its own
  ``TEMP`` triggers (:func:`install`), which write this process's origin
  as a literal. Writes made by another program (the ``sqlite3`` shell, a
  script on a plain connection) have no such triggers and are **not**
  logged: a window learns of them when it next reads what it shows.
* PostgreSQL: permanent triggers (:mod:`db.postgres_schema`, migration 10)
  read the origin each connection sets (``marginalia.origin``, see
  :mod:`db.postgres`) and send a notification on the channel
  :data:`CHANNEL` with the origin as payload, which a listener waits for
  (:func:`wait_for_notice`). A write from another program is logged under
  the origin :data:`OTHER_PROGRAM`.

Ids grow in the order transactions commit, because the app's writing
transactions take the database's write lock before they write (the file's
lock; on PostgreSQL an advisory lock, see :mod:`db.postgres`). A bulk copy
(``marginalia db copy``) writes nothing to the log (:func:`stop_logging`).
Rows older than :data:`KEEP` are removed when a database is opened for
writing (:func:`prune`).

This module imports neither peewee nor a driver at load: the window starts
watching before the ORM is loaded.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import uuid
from dataclasses import dataclass
from typing import Any

from db.connection import dialect, execute

ORIGIN = uuid.uuid4().hex
"""This process's name in the log: random, one per process."""
OTHER_PROGRAM = "other"
"""The origin of a write on PostgreSQL by a connection that is not the app's (psql)."""
UNLOGGED = "unlogged"
"""The origin a PostgreSQL connection sets to write without logging (a bulk copy)."""
CHANNEL = "marginalia_changes"
"""PostgreSQL's notification channel; the payload is the writer's origin."""
TABLE = "change_log"
KEEP = dt.timedelta(days=1)
"""How long log rows are kept: a window reads them within a second."""

KINDS = ("annotation", "relation", "label", "entity", "article", "suggestion")
ACTIONS = ("insert", "update", "delete")


@dataclass(frozen=True)
class LogRow:
    """One write, as the log holds it.

    Attributes:
        id: its place in the log (grows with each write).
        origin: the process that wrote it (:data:`ORIGIN` there).
        kind: one of :data:`KINDS`.
        action: one of :data:`ACTIONS`.
        row_id: the row written: an annotation, relation, label, entity,
            article or rejected suggestion (for an alias, its entity; for a
            deal counted once, its annotation).
        article_id: the article it belongs to, where it has one.
        label_id: its label, where it has one (what a deleted annotation had).
    """

    id: int
    origin: str
    kind: str
    action: str
    row_id: int
    article_id: int | None
    label_id: int | None


# --- reading -------------------------------------------------------------------------

_COLUMNS = "id, origin, kind, action, row_id, article_id, label_id"


def latest_id() -> int:
    """The id of the last row logged (0 when there is none), on this thread's connection."""
    row = execute(f"SELECT MAX(id) FROM {TABLE}").fetchone()
    return int(row[0] or 0)


def since(last_id: int) -> list[LogRow]:
    """The rows other processes logged after ``last_id``, in the order they were written."""
    return read_since(last_id)[0]


def read_since(last_id: int) -> tuple[list[LogRow], int]:
    """:func:`since`, and the id of the last row logged by anyone (to start from next time).

    One statement, so both come from one snapshot: the rows this process
    wrote are skipped by the database, but the last row is always read, so
    a window moves past its own writes without reading them.
    """
    rows = execute(
        f"SELECT {_COLUMNS} FROM {TABLE} WHERE id > ? AND (origin <> ? OR id = "
        f"(SELECT MAX(id) FROM {TABLE})) ORDER BY id", (last_id, ORIGIN)).fetchall()
    found = [LogRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), int(r[4]),
                    None if r[5] is None else int(r[5]), None if r[6] is None else int(r[6]))
             for r in rows]
    last = found[-1].id if found else last_id
    return [row for row in found if row.origin != ORIGIN], last


def lost(last_id: int) -> bool:
    """Whether rows after ``last_id`` can no longer be read: the log went back (the
    database was replaced, a backup restored elsewhere) or was pruned past it (a
    window away for longer than :data:`KEEP`). Its reader must then read everything."""
    low, high = execute(f"SELECT MIN(id), MAX(id) FROM {TABLE}").fetchone()
    if high is None:
        return last_id > 0
    return int(high) < last_id or (last_id > 0 and int(low) > last_id + 1)


def data_version() -> int:
    """A number that moves when another connection has committed a write.

    SQLite's ``PRAGMA data_version`` on this thread's connection (it costs no
    read of the file); on PostgreSQL, which has no such counter, the last id
    of the log.
    """
    if dialect().is_sqlite:
        return int(execute("PRAGMA data_version").fetchone()[0])
    return latest_id()


# --- waiting (PostgreSQL) ------------------------------------------------------------

_listeners = threading.local()


def wait_for_notice(url: str, timeout: float) -> bool:
    """Waits up to ``timeout`` seconds for another process's write to the database at ``url``.

    Blocks the calling thread (a thread of its own: the window's listener);
    returns True when one was notified, False when the time ran out. The
    thread keeps one connection that listens, from its first call until
    :func:`stop_waiting`; changes made meanwhile are caught up by reading
    the log.

    Raises:
        db.connection.DatabaseError: the server can't be reached (call again
            later: a new connection is made).
    """
    from db.postgres import ChangeListener

    listener = getattr(_listeners, "current", None)
    if listener is None or listener.url != url:
        stop_waiting()
        listener = ChangeListener(url, CHANNEL, ignore=ORIGIN)
        _listeners.current = listener
    try:
        return listener.wait(timeout)
    except Exception:
        stop_waiting()  # a new connection next time
        raise


def stop_waiting() -> None:
    """Closes the listening connection of this thread, if it has one."""
    listener = getattr(_listeners, "current", None)
    _listeners.current = None
    if listener is not None:
        listener.close()


# --- writing the log (SQLite) --------------------------------------------------------

# Table → (kind, row id, article, label) as SQL over the trigger's row, "{r}" (new, old).
_SIMPLE = {
    "annotation": ("annotation", "{r}.id", "{r}.article_id", "{r}.label_id"),
    "article": ("article", "{r}.id", "{r}.id", "NULL"),
    "label": ("label", "{r}.id", "NULL", "NULL"),
    "entity": ("entity", "{r}.id", "NULL", "{r}.label_id"),
    "entity_alias": ("entity", "{r}.entity_id", "NULL", "NULL"),
    "rejected_suggestion": ("suggestion", "{r}.id", "{r}.article_id", "{r}.label_id"),
}
# Rows that belong to annotations: one log row per article of the annotations they join
# (both ends of a link may be in two articles; an end deleted meanwhile has none).
_JOINED = {
    "relation": ("relation", "{r}.id", "id IN ({r}.source_id, {r}.target_id)"),
    "deal_duplicate": ("relation", "{r}.annotation_id", "id = {r}.annotation_id"),
}
LOGGED_TABLES = (*_SIMPLE, *_JOINED)


def _trigger_name(table: str, action: str) -> str:
    return f"marginalia_log_{table}_{action}"


def sqlite_triggers(origin: str = ORIGIN) -> list[str]:
    """The ``TEMP`` triggers that log one connection's writes under ``origin``.

    Table names in their bodies are unqualified (a temporary trigger may
    write to the main database's tables, but must name them so).
    """
    if not origin.isalnum():
        raise ValueError(f"an origin is letters and digits: {origin!r}")
    columns = "origin, kind, action, row_id, article_id, label_id, at"
    statements = []
    for action in ACTIONS:
        row = "old" if action == "delete" else "new"
        for table in LOGGED_TABLES:
            if table in _SIMPLE:
                kind, row_id, article, label = (
                    part.format(r=row) for part in _SIMPLE[table])
                body = (f"INSERT INTO {TABLE} ({columns}) VALUES ('{origin}', '{kind}', "
                        f"'{action}', {row_id}, {article}, {label}, datetime('now'));")
            else:
                kind, row_id, ends = (part.format(r=row) for part in _JOINED[table])
                body = (f"INSERT INTO {TABLE} ({columns}) SELECT DISTINCT '{origin}', "
                        f"'{kind}', '{action}', {row_id}, article_id, NULL, datetime('now') "
                        f"FROM annotation WHERE {ends};")
            statements.append(
                f'CREATE TEMP TRIGGER IF NOT EXISTS "{_trigger_name(table, action)}" '
                f'AFTER {action.upper()} ON main."{table}" BEGIN {body} END')
    return statements


def install(con: sqlite3.Connection) -> bool:
    """Makes this SQLite connection log its writes (its ``TEMP`` triggers).

    Does nothing, and returns False, while the file has no log yet (a
    database older than schema 10 is opened before it is migrated: the
    opener calls this again after migrating).
    """
    if con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                   (TABLE,)).fetchone() is None:
        return False
    for statement in sqlite_triggers():
        con.execute(statement)
    return True


def stop_logging(db: Any) -> None:
    """Writes of this thread's connection to ``db`` (a peewee database) are not logged.

    For a bulk copy into a new database: the rows copied are not changes
    anyone is watching, and logging a million of them would double the work.
    """
    from db.dialect import of

    if not of(db).is_sqlite:
        db.execute_sql(f"SET marginalia.origin = '{UNLOGGED}'")
        return
    for action in ACTIONS:
        for table in LOGGED_TABLES:
            db.execute_sql(f'DROP TRIGGER IF EXISTS temp."{_trigger_name(table, action)}"')


# --- keeping it short ----------------------------------------------------------------


def prune(db: Any, now: dt.datetime | None = None) -> int:
    """Deletes the rows older than :data:`KEEP` from ``db`` (a peewee database); how many.

    Cheap when there is nothing to do (the oldest row is read first). It never
    waits: a file another process is writing (an import) is left as it is,
    and on PostgreSQL the delete makes no id, so it does not take the app's
    write lock (:class:`db.postgres.ServerDatabase`); the next open prunes.
    """
    from peewee import OperationalError

    from db.connection import DatabaseError
    from db.dialect import of

    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    cutoff = (now - KEEP).isoformat(sep=" ")
    sqlite = of(db).is_sqlite
    waited = None
    try:
        oldest = db.execute_sql(f"SELECT at FROM {TABLE} ORDER BY id LIMIT 1").fetchone()
        if oldest is None or str(oldest[0]) >= cutoff:
            return 0
        if sqlite:  # no wait for the write lock: the open goes on at once
            waited = int(db.execute_sql("PRAGMA busy_timeout").fetchone()[0])
            db.execute_sql("PRAGMA busy_timeout = 0")
        with db.atomic(lock_type="IMMEDIATE" if sqlite else "DEFERRED"):
            if not sqlite:
                db.execute_sql("SET LOCAL lock_timeout = 100")  # rows another opener holds
            cursor = db.execute_sql(f"DELETE FROM {TABLE} WHERE at < ?", (cutoff,))
            return max(0, int(cursor.rowcount))
    except (DatabaseError, OperationalError):  # locked by another writer, or refused
        return 0
    finally:
        if waited is not None:
            db.execute_sql(f"PRAGMA busy_timeout = {waited:d}")
