"""aggregates_1m: the plots' aggregates over a 1,000,000-annotation corpus, vs the bare SQL.

The database (5,000 articles, 2,000 entities, 1,000,000 annotations, a
relation for 30 % of the money amounts) is built in a temporary folder:
``open_database`` creates the schema, then raw sqlite3 ``executemany`` fills it.

value: median time of ``money_per_entity`` (relation rule) +
``mentions_per_entity`` + ``per_month`` over the whole corpus, through the app's
connection, each time right after one linked money amount was edited: what
the app does after a change, i.e. update the summaries of that article
(:mod:`db.summaries`) and read the figures from them. baseline: the
``GROUP BY`` statements over the annotations that define the figures (same
joins, same filters), written out by hand and run on a plain sqlite3
connection: what computing them afresh costs. Also printed: the same with
the sentence rule, and the app's own statements over the annotations
(``db.aggregates._direct``, what this figure measured before the summaries)
against the same baseline.

aggregates_1m_pg: the same figure (after the same edit) with the database
copied into PostgreSQL (``marginalia db copy``); baseline: the SQLite figure
(see ``_common.PG_VARIABLE`` for which server).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import postgres_bench, report

ARTICLES = 5_000
ENTITIES = 2_000
ANNOTATIONS = 1_000_000
SENTENCES = 20  # per article
MONEY_SHARE = 0.2
OTHER_AMOUNT_SHARE = 0.1
SUGGESTED_SHARE = 0.05
LINKED_MONEY_SHARE = 0.3
CURRENCIES = ("USD", "EUR", "GBP")

# The statements the aggregates are built on, without the app around them.
BARE_MENTIONS = """
SELECT e.id, e.name, l.name, l.color, c.n FROM
 (SELECT a.entity_id, COUNT(*) AS n FROM annotation a
  WHERE a.status = 'accepted' AND a.entity_id IS NOT NULL GROUP BY a.entity_id) c
JOIN entity e ON e.id = c.entity_id JOIN label l ON l.id = e.label_id
ORDER BY c.n DESC, e.name, e.id LIMIT 20
"""
_MONEY = """a.status = 'accepted' AND a.value IS NOT NULL AND a.unit GLOB '[A-Z][A-Z][A-Z]'
    AND a.label_id IN (SELECT id FROM label WHERE kind = 'amount')"""
_RANKED = """ranked AS (
  SELECT t.*, e.name, e.label_id,
    ROW_NUMBER() OVER (PARTITION BY t.unit ORDER BY t.total DESC, e.name, e.id) AS place
  FROM totals t JOIN entity e ON e.id = t.entity_id)
SELECT r.entity_id, r.name, l.name, l.color, r.unit, r.total, r.high, r.amounts, r.approx,
  r.ranges
FROM ranked r JOIN label l ON l.id = r.label_id
WHERE r.place <= 20 ORDER BY r.unit, r.place
"""
BARE_MONEY_RELATION = f"""
WITH links AS (
  SELECT a.id, a.unit, a.value, a.value_high, a.approx, x.entity_id
  FROM relation r CROSS JOIN annotation a ON a.id = r.source_id
  JOIN annotation x ON x.id = r.target_id
  WHERE {_MONEY} AND x.status = 'accepted' AND x.entity_id IS NOT NULL
  UNION
  SELECT a.id, a.unit, a.value, a.value_high, a.approx, x.entity_id
  FROM relation r CROSS JOIN annotation a ON a.id = r.target_id
  JOIN annotation x ON x.id = r.source_id
  WHERE {_MONEY} AND x.status = 'accepted' AND x.entity_id IS NOT NULL),
totals AS (
  SELECT entity_id, unit, SUM(value) AS total, SUM(COALESCE(value_high, value)) AS high,
    COUNT(*) AS amounts, SUM(approx) AS approx,
    SUM(value_high IS NOT NULL AND value_high <> value) AS ranges
  FROM links GROUP BY entity_id, unit),
{_RANKED}"""
BARE_MONEY_SENTENCE = f"""
WITH amounts AS (
  SELECT a.article_id, a.sentence, a.unit, SUM(a.value) AS total,
    SUM(COALESCE(a.value_high, a.value)) AS high, COUNT(*) AS amounts,
    SUM(a.approx) AS approx, SUM(a.value_high IS NOT NULL AND a.value_high <> a.value) AS ranges
  FROM annotation a WHERE {_MONEY} GROUP BY a.article_id, a.sentence, a.unit),
mentioned AS (
  SELECT DISTINCT x.article_id, x.sentence, x.entity_id FROM annotation x
  WHERE x.status = 'accepted' AND x.entity_id IS NOT NULL),
totals AS (
  SELECT d.entity_id, m.unit, SUM(m.total) AS total, SUM(m.high) AS high,
    SUM(m.amounts) AS amounts, SUM(m.approx) AS approx, SUM(m.ranges) AS ranges
  FROM amounts m JOIN mentioned d ON d.article_id = m.article_id AND d.sentence = m.sentence
  GROUP BY d.entity_id, m.unit),
{_RANKED}"""
BARE_MONTH_MENTIONS = """
SELECT substr(ar.published, 1, 7) AS month, SUM(c.n) FROM
 (SELECT a.article_id, COUNT(*) AS n FROM annotation a
  WHERE a.status = 'accepted' AND a.label_id IN (SELECT id FROM label WHERE kind = 'entity')
  GROUP BY a.article_id) c
JOIN article ar ON ar.id = c.article_id GROUP BY month
"""
BARE_MONTH_MONEY = f"""
SELECT substr(ar.published, 1, 7) AS month, c.unit, SUM(c.total), SUM(c.high), SUM(c.amounts),
  SUM(c.approx), SUM(c.ranges) FROM
 (SELECT a.article_id, a.unit, SUM(a.value) AS total,
    SUM(COALESCE(a.value_high, a.value)) AS high, COUNT(*) AS amounts,
    SUM(a.approx) AS approx, SUM(a.value_high IS NOT NULL AND a.value_high <> a.value) AS ranges
  FROM annotation a WHERE {_MONEY}
  GROUP BY a.article_id, a.unit) c
JOIN article ar ON ar.id = c.article_id GROUP BY month, c.unit ORDER BY c.unit
"""


def build(path: Path, seed: int = 7) -> dict[str, int]:
    """Creates the schema with the app, then fills it with raw sqlite3; returns row counts."""
    from db.connection import close_database, open_database

    open_database(path)
    close_database()
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA synchronous=off")
    labels = dict(con.execute("SELECT name, id FROM label"))
    entity_labels = [labels[name] for name in ("ORG", "PERSON", "PRODUCT", "PLACE")]
    amount_labels = [labels[name] for name in ("QUANTITY", "PERCENT", "DURATION")]
    now = dt.datetime(2025, 1, 1).isoformat(" ")
    start_day = dt.date(2023, 1, 1)
    articles = []
    for i in range(1, ARTICLES + 1):
        published = (None if i % 20 == 0
                     else (start_day + dt.timedelta(days=rng.randrange(730))).isoformat())
        articles.append((i, f"Article {i}", f"Body of article {i}.", "en", published, "",
                         f"hash{i}", now))
    entities = [(i, f"Entity {i:04d}", entity_labels[i % len(entity_labels)])
                for i in range(1, ENTITIES + 1)]
    entity_label = {i: label for i, _, label in entities}
    per_article = ANNOTATIONS // ARTICLES
    annotations = []
    mentions_by_article: dict[int, list[int]] = {}
    money_ids = []
    weights = [1 / (rank + 1) for rank in range(ENTITIES)]  # a few entities dominate
    entity_draws = iter(rng.choices(range(1, ENTITIES + 1), weights, k=ANNOTATIONS))
    next_id = 1
    for article_id in range(1, ARTICLES + 1):
        mentions_by_article[article_id] = []
        for n in range(per_article):
            start = n * 30
            sentence = n * SENTENCES // per_article
            status = "suggested" if rng.random() < SUGGESTED_SHARE else "accepted"
            roll = rng.random()
            if roll < MONEY_SHARE:
                value = float(rng.randrange(1, 10_000)) * 1e6
                high = value * 2 if rng.random() < 0.1 else None
                row = (next_id, article_id, labels["MONEY"], start, start + 10, "x", None, value,
                       high, rng.choice(CURRENCIES), int(rng.random() < 0.1), status, sentence)
                money_ids.append((next_id, article_id))
            elif roll < MONEY_SHARE + OTHER_AMOUNT_SHARE:
                row = (next_id, article_id, rng.choice(amount_labels), start, start + 5, "x",
                       None, float(rng.randrange(100)), None, None, 0, status, sentence)
            else:
                entity = next(entity_draws)
                row = (next_id, article_id, entity_label[entity], start, start + 8, "x",
                       entity, None, None, None, 0, status, sentence)
                mentions_by_article[article_id].append(next_id)
            annotations.append(row)
            next_id += 1
    relations = []
    for money_id, article_id in money_ids:
        if rng.random() < LINKED_MONEY_SHARE and mentions_by_article[article_id]:
            for mention in rng.sample(mentions_by_article[article_id],
                                      min(2, len(mentions_by_article[article_id]))):
                pair = (money_id, mention) if rng.random() < 0.7 else (mention, money_id)
                relations.append(("deal", *pair, now))
    # Filling the tables without their secondary indexes, then building these
    # from their stored definitions, is several times faster and ends with the
    # same schema.
    indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                          "AND tbl_name IN ('annotation', 'relation') AND sql IS NOT NULL"
                          ).fetchall()
    with con:
        for name, _ in indexes:
            con.execute(f'DROP INDEX "{name}"')
        con.executemany("INSERT INTO article (id, title, body, language, published, source, "
                        "content_hash, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", articles)
        con.executemany("INSERT INTO entity (id, name, label_id) VALUES (?, ?, ?)", entities)
        con.executemany(
            "INSERT INTO annotation (id, article_id, label_id, start, \"end\", quote, entity_id, "
            "value, value_high, unit, approx, status, sentence, prefix, suffix, note, author, "
            "created_at, updated_at) "
            f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', '{now}', '{now}')",
            annotations)
        con.executemany("INSERT INTO relation (kind, source_id, target_id, created_at) "
                        "VALUES (?, ?, ?, ?)", relations)
        for _, sql in indexes:
            con.execute(sql)
    con.close()
    # The triggers marked every article; fill the summaries at once, as opening
    # an existing database does when migration 004 adds them.
    from db import summaries

    open_database(path)
    started = time.perf_counter()
    summaries.rebuild()
    print(f"# summaries of {path.name} built in {time.perf_counter() - started:.1f} s",
          flush=True)
    close_database()
    return {"articles": len(articles), "entities": len(entities),
            "annotations": len(annotations), "relations": len(relations)}


def run_ours(rule: str = "relation", direct: bool = False) -> tuple[Any, ...]:
    """The corpus figures through the app: from the summaries, or ``direct``ly."""
    from db import aggregates
    from db.aggregates import Scope, mentions_per_entity, money_per_entity, per_month

    scope = Scope.corpus()
    with aggregates._direct() if direct else contextlib.nullcontext():
        return (money_per_entity(scope, rule),  # type: ignore[arg-type]
                mentions_per_entity(scope), per_month(scope))


def amount_editor() -> Callable[[], None]:
    """Returns a function that edits the value of one linked money amount, through the app."""
    from db.annotations import update_annotation
    from db.models import database

    amount_id = database.execute_sql(
        "SELECT a.id FROM relation r JOIN annotation a ON a.id = r.source_id "
        "WHERE a.value IS NOT NULL AND a.unit IS NOT NULL AND a.status = 'accepted' "
        "ORDER BY r.id LIMIT 1").fetchone()[0]
    edits = itertools.count(1)

    def edit() -> None:
        update_annotation(amount_id, value=float(next(edits)) * 1e6)
    return edit


def run_bare(con: sqlite3.Connection, money_sql: str = BARE_MONEY_RELATION) -> list[Any]:
    return [con.execute(sql).fetchall()
            for sql in (money_sql, BARE_MENTIONS, BARE_MONTH_MENTIONS, BARE_MONTH_MONEY)]


def interleaved(ours: Callable[[], object], bare: Callable[[], object], repeat: int = 7,
                before: Callable[[], object] = lambda: None) -> tuple[float, float]:
    """Median times of ``ours`` and ``bare``, run turn about so both see the same load.

    ``before`` runs, untimed, before each run of ``ours``.
    """
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        before()
        for work, spent in ((ours, times[0]), (bare, times[1])):
            started = time.perf_counter()
            work()
            spent.append(time.perf_counter() - started)
    return statistics.median(times[0]), statistics.median(times[1])


def _same_figures(ours: tuple[Any, ...], bare: list[Any]) -> bool:
    """The app's money rows are the bare statement's rows (a sanity check, not a test)."""
    money = [(r.entity_id, r.currency, r.money.amounts) for r in ours[0].rows]
    return money == [(row[0], row[4], row[7]) for row in bare[0]] and len(ours[1]) == len(bare[1])


def main() -> None:
    from db.connection import close_database, open_database

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "aggregates.sqlite3"
        started = time.perf_counter()
        counts = build(path)
        print(f"# aggregates_1m: built {counts} in {time.perf_counter() - started:.1f} s",
              flush=True)
        open_database(path)
        con = sqlite3.connect(path)
        for rule, money_sql in (("relation", BARE_MONEY_RELATION),
                                ("sentence", BARE_MONEY_SENTENCE)):
            if not _same_figures(run_ours(rule), run_bare(con, money_sql)):  # also warms up
                print(f"# aggregates_1m: the {rule} figures differ from the bare SQL",
                      flush=True)
        edit = amount_editor()
        ours, bare = interleaved(run_ours, lambda: run_bare(con), before=edit)
        ours_sentence, bare_sentence = interleaved(
            lambda: run_ours("sentence"), lambda: run_bare(con, BARE_MONEY_SENTENCE),
            before=edit)
        direct, bare_direct = interleaved(lambda: run_ours(direct=True),
                                          lambda: run_bare(con), repeat=3)
        con.close()
        close_database()
        on_postgres = postgres_figure(path)
    for what, value, baseline in (("with the sentence rule", ours_sentence, bare_sentence),
                                  ("from the annotations (no summaries)", direct, bare_direct)):
        print(f"# aggregates_1m {what}: {value * 1000:.0f} ms, bare {baseline * 1000:.0f} ms, "
              f"ratio {value / baseline:.3g}", flush=True)
    report("aggregates_1m", ours * 1000, "ms", bare * 1000)
    if on_postgres is not None:
        report("aggregates_1m_pg", on_postgres * 1000, "ms", ours * 1000)


def postgres_figure(path: Path, repeat: int = 7) -> float | None:
    """The app's figure on a PostgreSQL copy of the database at ``path`` (None: no server)."""
    from db.connection import close_database, open_database
    from db.copy import copy_database

    bench = postgres_bench("aggregates_1m")
    if bench is None:
        return None
    try:
        url = bench.fresh("aggregates")
        started = time.perf_counter()
        copied = copy_database(path, url)
        print(f"# aggregates_1m_pg: {copied.total} rows copied into PostgreSQL in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        open_database(url)
        run_ours()  # warms up
        run_ours("sentence")
        edit = amount_editor()
        times = []
        for _ in range(repeat):
            edit()
            started = time.perf_counter()
            run_ours()
            times.append(time.perf_counter() - started)
        edit()
        started = time.perf_counter()
        run_ours(direct=True)
        print(f"# aggregates_1m_pg from the annotations (no summaries): "
              f"{(time.perf_counter() - started) * 1000:.0f} ms", flush=True)
        close_database()
        return statistics.median(times)
    finally:
        bench.close()


if __name__ == "__main__":
    main()
