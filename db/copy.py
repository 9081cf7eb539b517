"""Copying a whole database into a new one: a file into a team database, and back.

``marginalia db copy --to postgresql://…`` moves a local database into a
shared PostgreSQL one; ``--from postgresql://… --to file.sqlite3`` brings it
back. Both ends are opened as the app opens them (created and migrated to
this version if needed), then every table is copied, parents before
children, in batches, with its ids; in a PostgreSQL target each table's
sequence is then set past the largest id copied.

Nothing is lost or half done:

* the target must be new: no data in it but the default labels and notes
  of its own set-up (which the source's replace); a target holding
  anything else is refused, untouched;
* the source is read in one snapshot, and the target written in one
  transaction: a failure (a row the target refuses, an interruption)
  leaves it as it was;
* before that transaction commits, every table's rows are counted at both
  ends; a difference refuses the copy.

The summaries (:mod:`db.summaries`) are copied as they are, with the list of
articles they have yet to catch up on; the full-text index is not copied:
the target's triggers build it from the articles. The change log
(:mod:`db.change_log`) is copied as it is too, with every column of every
table (the authors of links and refusals among them); the rows the copy
writes are not logged, as no window is following a database being filled.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from peewee import Database

from db.change_log import TABLE as LOG
from db.change_log import stop_logging
from db.connection import DatabaseError, open_unbound, server_url
from db.defaults import DEFAULT_LABELS
from db.dialect import of as dialect_of

BATCH = 1000
"""Rows per INSERT statement (and per progress report)."""

SET_UP_TABLES = frozenset({"label", "meta", LOG})
"""Tables a new database already fills (the default labels, notes of its migrations,
the log of what the app wrote there, see db.change_log): a target holding only those
rows counts as empty, and they are replaced."""
CAUGHT_UP = "summary_dirty"
"""Filled by the target's triggers as rows arrive: replaced by the source's at the end."""


@dataclass(frozen=True)
class CopyReport:
    """What :func:`copy_database` copied.

    Attributes:
        source: how messages name the source.
        target: how messages name the target.
        rows: table → rows copied (equal at both ends), in the order copied.
    """

    source: str
    target: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


ProgressCallback = Callable[[str, int, int], None]
"""Called as ``(table, rows copied so far, rows in the source)`` after each batch."""


def copy_database(source: str | os.PathLike[str], target: str | os.PathLike[str],
                  progress: ProgressCallback | None = None) -> CopyReport:
    """Copies every row of ``source`` into the new database ``target`` (file or URL).

    Raises:
        DatabaseError: either end can't be opened, the target is not new, a row
            is refused, or the counts differ; the target is then unchanged.
    """
    if os.fspath(source) == os.fspath(target):
        raise DatabaseError("The source and the target of a copy are the same database.")
    src = open_unbound(source)
    try:
        dst = open_unbound(target)
        try:
            return _copy(src, dst, _name(source), _name(target), progress)
        finally:
            _close(dst)
    finally:
        _close(src)


def data_tables(db: Database) -> list[str]:
    """Every table holding data, parents before the tables that refer to them.

    Left out: the full-text index (SQLite's FTS5 table and its shadow tables,
    PostgreSQL's ``article_fts``) and PostgreSQL's schema version record.
    The change log comes first: emptied in the reverse order (as the tests
    empty their PostgreSQL database), it is emptied last, after the
    deletes that it logs.
    """
    from db.postgres_schema import DERIVED_TABLES

    names = [t for t in db.get_tables()
             if t not in DERIVED_TABLES and not t.startswith(("sqlite_", "article_fts"))]
    parents = {t: {fk.dest_table for fk in db.get_foreign_keys(t)} - {t} for t in names}
    ordered: list[str] = [LOG] if LOG in names else []
    while len(ordered) < len(names):
        ready = [t for t in names if t not in ordered and parents[t] <= set(ordered)]
        if not ready:
            raise DatabaseError("The tables' foreign keys form a cycle: they can't be copied "
                                "parents first.")
        ordered += ready
    return ordered


def counts(db: Database, tables: list[str]) -> dict[str, int]:
    """The rows of each table."""
    return {t: int(db.execute_sql(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]) for t in tables}


def _copy(src: Database, dst: Database, source: str, target: str,
          progress: ProgressCallback | None) -> CopyReport:
    tables = data_tables(src)
    missing = sorted(set(tables) - set(data_tables(dst)))
    if missing:
        raise DatabaseError(f"The target {target} has no table {', '.join(missing)}: it was "
                            "set up by another version of Marginalia. Nothing was copied.")
    columns = {t: _columns(src, t) for t in tables}
    for table in tables:
        other = _columns(dst, table)
        if sorted(other) != sorted(columns[table]):
            raise DatabaseError(f"The table {table} has other columns in {target} than in "
                                f"{source}. Nothing was copied.")
    with src.atomic(lock_type="DEFERRED"):  # one snapshot of the source
        expected = counts(src, tables)
        with dst.atomic():
            stop_logging(dst)
            _refuse_unless_new(dst, target, tables)
            for table in SET_UP_TABLES:
                dst.execute_sql(f'DELETE FROM "{table}"')
            for table in tables:
                if table != CAUGHT_UP:
                    _copy_table(src, dst, table, columns[table], expected[table], progress)
            dst.execute_sql(f'DELETE FROM "{CAUGHT_UP}"')  # what the triggers marked
            if CAUGHT_UP in tables:
                _copy_table(src, dst, CAUGHT_UP, columns[CAUGHT_UP], expected[CAUGHT_UP],
                            progress)
            if not dialect_of(dst).is_sqlite:
                _follow_ids(dst, tables, columns)
                for table in tables:  # the planner's statistics, for the first queries
                    dst.execute_sql(f'ANALYZE "{table}"')
            found = counts(dst, tables)
            different = [f"{t}: {expected[t]} in the source, {found[t]} in the target"
                         for t in tables if found[t] != expected[t]]
            if different:
                raise DatabaseError(f"The copy into {target} was undone: the rows do not "
                                    f"match ({'; '.join(different)}).")
    return CopyReport(source, target, expected)


def _refuse_unless_new(db: Database, target: str, tables: list[str]) -> None:
    """Raises unless ``db`` holds nothing but what a new database holds."""
    held = {t: n for t, n in counts(db, tables).items() if n and t not in SET_UP_TABLES}
    labels = {row[0] for row in db.execute_sql("SELECT name FROM label").fetchall()}
    if labels - {label.name for label in DEFAULT_LABELS}:
        held["label"] = len(labels)
    if held:
        what = ", ".join(f"{n} rows in {t}" for t, n in sorted(held.items()))
        raise DatabaseError(f"The target {target} already holds data ({what}): Marginalia "
                            "copies only into a new, empty database. It has not been changed.")


def _copy_table(src: Database, dst: Database, table: str, names: list[str], total: int,
                progress: ProgressCallback | None) -> None:
    """Copies one table, :data:`BATCH` rows at a time, in its primary key's order.

    Into PostgreSQL through ``COPY … FROM STDIN`` (its bulk load, which still
    fires the triggers), into SQLite through ``executemany``.
    """
    quoted = ", ".join(f'"{c}"' for c in names)
    order = ", ".join(f'"{c}"' for c in _key(src, table, names))
    cursor = src.execute_sql(f'SELECT {quoted} FROM "{table}" ORDER BY {order}')
    to_sqlite = dialect_of(dst).is_sqlite
    insert = f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
    done = 0
    try:
        if to_sqlite:
            for rows in _batches(cursor):
                dst.cursor().executemany(insert, [tuple(_for_sqlite(v) for v in row)
                                                  for row in rows])
                done += len(rows)
                if progress is not None:
                    progress(table, done, total)
            return
        with dst.cursor().copy(f'COPY "{table}" ({quoted}) FROM STDIN') as bulk:
            for rows in _batches(cursor):
                for row in rows:
                    bulk.write_row(row)
                done += len(rows)
                if progress is not None:
                    progress(table, done, total)
    except DatabaseError:
        raise
    except Exception as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseError(f"The target refused a row of {table} ({reason}). Nothing was "
                            "copied.") from exc


def _batches(cursor: Any) -> Iterator[list[tuple[Any, ...]]]:
    while True:
        rows = cursor.fetchmany(BATCH)
        if not rows:
            return
        yield [tuple(row) for row in rows]


def _for_sqlite(value: Any) -> Any:
    """A value as peewee stores it in SQLite: dates and times as ISO text."""
    if isinstance(value, dt.datetime):
        return str(value)  # "2025-11-03 09:30:00.123456", as DateTimeField writes it
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _follow_ids(db: Database, tables: list[str], columns: dict[str, list[str]]) -> None:
    """Sets each id sequence past the largest id copied (PostgreSQL)."""
    for table in tables:
        if "id" not in columns[table]:
            continue
        sequence = db.execute_sql("SELECT pg_get_serial_sequence(?, 'id')",
                                  (table,)).fetchone()[0]
        if sequence is not None:
            db.execute_sql(f'SELECT setval(?, COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) '
                           f'FROM "{table}"', (sequence,))


def _columns(db: Database, table: str) -> list[str]:
    return [column.name for column in db.get_columns(table)]


def _key(db: Database, table: str, names: list[str]) -> list[str]:
    """The primary key's columns (all the columns if it has none), to read in a fixed order."""
    return list(db.get_primary_keys(table)) or names


def _name(location: str | os.PathLike[str]) -> str:
    text = os.fspath(location)
    if server_url(text) is None:
        return text
    from db.postgres import display_url

    return display_url(text)


def _close(db: Database) -> None:
    if not db.is_closed():
        db.close()
