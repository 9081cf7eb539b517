"""Sums behind the corpus figures, kept per article and recomputed only where they changed.

Adding up a million annotations takes about 0.4 s, and one change moves
few sums. Migration 004 adds triggers that put every article whose figures
may have changed into ``summary_dirty`` (an annotation added, removed or
edited, a relation made or undone, a label changing kind, an article's date
changed or the article deleted); triggers, so every writer (the app, the CLI,
a script) keeps the summaries right. :func:`refresh` recomputes what those
articles feed; :func:`fresh` runs the reading of the figures after it, in
the same transaction.

Each :class:`Family` of sums has a key (e.g. rule, currency, entity) and is
kept at three levels:

* ``summary_<family>_article``: the sums of one article and key, from its
  annotations;
* ``summary_<family>_bucket``: the sums of a block of :data:`BUCKET`
  consecutive article ids, added up from the article rows;
* ``summary_<family>``: the sums over the corpus, added up from the blocks.

A dirty article's rows are recomputed from its annotations, then every key
its old or new rows hold is added up again, with ``SUM``, in its block and
then in the corpus. Nothing is kept by adding or subtracting differences,
so float sums can't drift. The blocks bound the work: an entity named in
every article is added up from one block's 64 rows and the corpus's ~80
block rows rather than from 5,000 article rows (one changed article of a
million annotations: ~20 ms). Many dirty articles (an import, a label
changing kind) are done in batches, one transaction each, so that the
write lock is never held for long; :func:`rebuild` redoes everything at
once, for a migration.

Keys are never NULL: ``entity_id`` 0 stands for "no entity" and ``month``
"" for an undated article.

The statements run on SQLite and PostgreSQL alike (:mod:`db.dialect` gives the
few words that differ); on PostgreSQL the same triggers, in PL/pgSQL, mark
the dirty articles (:mod:`db.postgres_schema`), and the write lock the
refresh takes is PostgreSQL's advisory lock (:mod:`db.postgres`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from peewee import Database, DatabaseProxy

from db.counting import LINK_COLUMNS, LINKED, MONEY, SUM_COLUMNS, SUMS
from db.dialect import NO_LIMIT, Dialect
from db.dialect import of as dialect_of
from db.models import ACCEPTED, database

BUCKET = 64
"""Consecutive article ids added up together in ``summary_<family>_bucket``."""
BATCH = 256
"""Dirty articles redone in one transaction by :func:`refresh`."""

_MONTH = "COALESCE(substr(CAST(ar.published AS TEXT), 1, 7), '')"
_KEY_TYPES = {"label_id": "INTEGER", "entity_id": "INTEGER", "month": "TEXT", "unit": "TEXT",
              "rule": "TEXT", "bucket": "INTEGER"}

Source = Callable[[str], str]
"""Gives the FROM clause of the annotations to summarise, named by the alias it is given."""


def _all_articles(alias: str) -> str:
    return f"annotation {alias}"


def _batch_articles(dialect: Dialect) -> Source:
    def source(alias: str) -> str:
        # The batch drives the query: its annotations are looked up by article.
        return (f"{dialect.temp}.summary_batch {alias}_batch {dialect.ordered_join} "
                f"annotation {alias} ON {alias}.article_id = {alias}_batch.article_id")

    return source


@dataclass(frozen=True)
class Family:
    """Sums kept per article, block and corpus under one key.

    Attributes:
        name: the tables are ``summary_<name>_article``, ``…_bucket`` and ``summary_<name>``.
        keys: the key columns.
        sums: the columns added up.
        rows: the statement selecting ``article_id``, the keys and the sums (in
            that order, by those names) for the annotations of a :data:`Source`.
    """

    name: str
    keys: tuple[str, ...]
    sums: tuple[str, ...]
    rows: Callable[[Source], str]

    @property
    def table(self) -> str:
        return f"summary_{self.name}"


def _mention_rows(source: Source) -> str:
    return (f"SELECT a.article_id, a.label_id, COALESCE(a.entity_id, 0) AS entity_id, "
            "COUNT(*) AS n "
            f"FROM {source('a')} WHERE a.status = '{ACCEPTED}' "
            "GROUP BY a.article_id, a.label_id, COALESCE(a.entity_id, 0)")


def _label_month_rows(source: Source) -> str:
    return (f"SELECT c.article_id, {_MONTH} AS month, c.label_id, c.n FROM "
            f"(SELECT a.article_id, a.label_id, COUNT(*) AS n FROM {source('a')} "
            f"WHERE a.status = '{ACCEPTED}' GROUP BY a.article_id, a.label_id) c "
            "JOIN article ar ON ar.id = c.article_id")


def _money_month_rows(source: Source) -> str:
    return (f"SELECT c.article_id, {_MONTH} AS month, c.unit, "
            f"{', '.join(f'c.{s}' for s in SUM_COLUMNS)} "
            f"FROM (SELECT a.article_id, a.unit, {SUMS.format(p='a.')} FROM {source('a')} "
            f"WHERE {MONEY} GROUP BY a.article_id, a.unit) c "
            "JOIN article ar ON ar.id = c.article_id")


def _money_rows(source: Source) -> str:
    """Money per article, currency and entity under each rule (see db.aggregates._totals)."""
    links = [f"SELECT a.article_id, {LINK_COLUMNS} FROM {source('a')} "
             f"JOIN relation r ON r.{mine} = a.id JOIN annotation x ON x.id = r.{other} "
             f"WHERE {MONEY} AND {LINKED}"
             for mine, other in (("source_id", "target_id"), ("target_id", "source_id"))]
    added = ", ".join(f"SUM(m.{s}) AS {s}" for s in SUM_COLUMNS)
    return (
        f"WITH links AS ({links[0]} UNION {links[1]}), "
        "amounts AS (SELECT a.article_id, a.sentence, a.unit, "
        f"{SUMS.format(p='a.')} FROM {source('a')} WHERE {MONEY} "
        "GROUP BY a.article_id, a.sentence, a.unit), "
        "mentioned AS (SELECT DISTINCT x.article_id, x.sentence, x.entity_id "
        f"FROM {source('x')} WHERE {LINKED}) "
        f"SELECT k.article_id, 'relation' AS rule, k.unit, k.entity_id, {SUMS.format(p='k.')} "
        "FROM links k GROUP BY k.article_id, k.unit, k.entity_id "
        f"UNION ALL SELECT m.article_id, 'sentence', m.unit, d.entity_id, {added} "
        "FROM amounts m JOIN mentioned d "
        "ON d.article_id = m.article_id AND d.sentence = m.sentence "
        "GROUP BY m.article_id, m.unit, d.entity_id"
    )


MENTIONS = Family("mentions", ("label_id", "entity_id"), ("n",), _mention_rows)
"""Accepted annotations per label and entity (0: none)."""
LABEL_MONTHS = Family("label_month", ("month", "label_id"), ("n",), _label_month_rows)
"""Accepted annotations per month of article date and label."""
MONEY_MONTHS = Family("money_month", ("month", "unit"), SUM_COLUMNS, _money_month_rows)
"""Money amounts per month of article date and currency."""
MONEY_PER_ENTITY = Family("money", ("rule", "unit", "entity_id"), SUM_COLUMNS, _money_rows)
"""Money per attribution rule, currency and entity."""
FAMILIES: tuple[Family, ...] = (MENTIONS, LABEL_MONTHS, MONEY_MONTHS, MONEY_PER_ENTITY)


def refresh(db: Database | DatabaseProxy = database, batch: int = BATCH) -> int:
    """Brings the summaries up to date; returns how many articles were recomputed.

    The dirty articles are done ``batch`` at a time, each batch in one write
    transaction that takes the write lock first: safe from any thread or
    process, and another writer never waits long (256 articles of 200
    annotations: about a second). Within a caller's transaction, all at once.
    """
    if db.in_transaction():
        return _update(db)
    done = 0
    while _dirty_exists(db):
        with db.atomic(lock_type="IMMEDIATE"):
            done += _update(db, batch)
    return done


@contextmanager
def fresh() -> Iterator[None]:
    """Runs the block in a transaction whose summaries match its annotations.

    A change committed meanwhile by another connection is in the next call's
    figures.
    """
    if database.in_transaction():
        _update(database)
        yield
        return
    refresh(database)
    with database.atomic():  # a read snapshot: up to date, unless a change came since
        if not _dirty_exists(database):
            yield
            return
    with database.atomic(lock_type="IMMEDIATE"):
        _update(database)
        yield


def rebuild(db: Database | DatabaseProxy = database) -> None:
    """Recomputes every summary with plain ``GROUP BY`` statements, in one transaction.

    Faster than :func:`refresh` when every article is dirty (a million
    annotations: about 10 s), but it holds the write lock all along.
    """
    with db.atomic(lock_type="IMMEDIATE"):
        for family in FAMILIES:
            _rebuild_family(db, family)
        db.execute_sql("DELETE FROM summary_dirty")


def dirty_count(db: Database | DatabaseProxy = database) -> int:
    """How many articles wait for :func:`refresh`."""
    return int(db.execute_sql("SELECT COUNT(*) FROM summary_dirty").fetchone()[0])


def _dirty_exists(db: Database | DatabaseProxy) -> bool:
    return bool(db.execute_sql("SELECT EXISTS (SELECT 1 FROM summary_dirty)").fetchone()[0])


def _update(db: Database | DatabaseProxy, limit: int | None = None) -> int:
    """Redoes the dirty articles (the first ``limit`` by id, or all) and clears them.

    Runs inside the caller's transaction; returns how many articles it redid.
    """
    temp = dialect_of(db).temp
    db.execute_sql("CREATE TEMP TABLE IF NOT EXISTS summary_batch "
                   "(article_id INTEGER PRIMARY KEY)")
    db.execute_sql(f"DELETE FROM {temp}.summary_batch")
    db.execute_sql(f"INSERT INTO {temp}.summary_batch SELECT article_id FROM summary_dirty "
                   "ORDER BY article_id LIMIT ?", (NO_LIMIT if limit is None else limit,))
    count = int(db.execute_sql(f"SELECT COUNT(*) FROM {temp}.summary_batch").fetchone()[0])
    _measured(db, f"{temp}.summary_batch")
    if count:
        for family in FAMILIES:
            _update_family(db, family)
        db.execute_sql("DELETE FROM summary_dirty "
                       f"WHERE article_id IN (SELECT article_id FROM {temp}.summary_batch)")
    return count


def _measured(db: Database | DatabaseProxy, temporary: str) -> None:
    """Lets PostgreSQL's planner know how many rows a temporary table holds.

    It has no statistics of its own: without them PostgreSQL expects a
    thousand rows and reads the summaries whole (2.5 s on a million
    annotations), where a few dirty articles call for their rows only.
    SQLite follows the join order written (``CROSS JOIN``).
    """
    if not dialect_of(db).is_sqlite:
        db.execute_sql(f"ANALYZE {temporary}")


def _rebuild_family(db: Database | DatabaseProxy, family: Family) -> None:
    keys, sums = ", ".join(family.keys), ", ".join(family.sums)
    added = ", ".join(f"SUM({s})" for s in family.sums)
    table = family.table
    for level in (f"{table}_article", f"{table}_bucket", table):
        db.execute_sql(f"DELETE FROM {level}")
    db.execute_sql(
        f"INSERT INTO {table}_article (article_id, {keys}, {sums}, bucket) "
        f"SELECT r.*, r.article_id / {BUCKET} FROM ({family.rows(_all_articles)}) AS r")
    db.execute_sql(
        f"INSERT INTO {table}_bucket (bucket, {keys}, {sums}) "
        f"SELECT bucket, {keys}, {added} FROM {table}_article GROUP BY bucket, {keys}")
    db.execute_sql(f"INSERT INTO {table} ({keys}, {sums}) "
                   f"SELECT {keys}, {added} FROM {table}_bucket GROUP BY {keys}")


def _update_family(db: Database | DatabaseProxy, family: Family) -> None:
    keys, sums = ", ".join(family.keys), ", ".join(family.sums)
    table = family.table
    dialect = dialect_of(db)
    blocks = f"{dialect.temp}.{table}_touched_blocks"
    corpus = f"{dialect.temp}.{table}_touched"
    dirty = f"article_id IN (SELECT article_id FROM {dialect.temp}.summary_batch)"
    execute = db.execute_sql
    # The (block, key) pairs the dirty articles held before and hold now, and
    # their keys. Read in primary key order, they need no sorting to be added up.
    typed = ", ".join(f"{k} {_KEY_TYPES[k]}" for k in ("bucket", *family.keys))
    execute(f"CREATE TEMP TABLE IF NOT EXISTS {table}_touched_blocks "
            f"({typed}, PRIMARY KEY (bucket, {keys})){dialect.without_rowid}")
    typed = ", ".join(f"{k} {_KEY_TYPES[k]}" for k in family.keys)
    execute(f"CREATE TEMP TABLE IF NOT EXISTS {table}_touched "
            f"({typed}, PRIMARY KEY ({keys})){dialect.without_rowid}")
    execute(f"DELETE FROM {blocks}")
    execute(f"DELETE FROM {corpus}")
    touch = (f"INSERT INTO {blocks} SELECT bucket, {keys} "
             f"FROM {table}_article WHERE {dirty} ON CONFLICT DO NOTHING")
    execute(touch)
    execute(f"DELETE FROM {table}_article WHERE {dirty}")
    execute(f"INSERT INTO {table}_article (article_id, {keys}, {sums}, bucket) "
            f"SELECT r.*, r.article_id / {BUCKET} "
            f"FROM ({family.rows(_batch_articles(dialect))}) AS r")
    execute(touch)
    # WHERE true: without it SQLite would read ON CONFLICT as a join's ON.
    execute(f"INSERT INTO {corpus} SELECT {keys} FROM {blocks} WHERE true "
            "ON CONFLICT DO NOTHING")
    _measured(db, blocks)
    _measured(db, corpus)
    # Each touched key added up again in its block, then over the blocks.
    added = ", ".join(f"SUM(s.{s})" for s in family.sums)
    key_columns = ", ".join(f"t.{k}" for k in family.keys)
    # Row values in the order of the primary key, or SQLite scans the table.
    execute(f"DELETE FROM {table}_bucket WHERE ({keys}, bucket) IN "
            f"(SELECT {keys}, bucket FROM {blocks})")
    on = " AND ".join(f"s.{k} = t.{k}" for k in ("bucket", *family.keys))
    execute(f"INSERT INTO {table}_bucket (bucket, {keys}, {sums}) "
            f"SELECT t.bucket, {key_columns}, {added} FROM {blocks} t "
            f"{dialect.ordered_join} {table}_article s ON {on} "
            f"GROUP BY t.bucket, {key_columns}")
    execute(f"DELETE FROM {table} WHERE ({keys}) IN (SELECT {keys} FROM {corpus})")
    on = " AND ".join(f"s.{k} = t.{k}" for k in family.keys)
    execute(f"INSERT INTO {table} ({keys}, {sums}) "
            f"SELECT {key_columns}, {added} FROM {corpus} t "
            f"{dialect.ordered_join} {table}_bucket s ON {on} GROUP BY {key_columns}")
