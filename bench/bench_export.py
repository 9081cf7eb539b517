"""export_1m: the JSON Lines export of 1,000,000 annotations, vs raw rows dumped with orjson.

The database is the one :mod:`bench_aggregates` builds (5,000 articles, 2,000
entities, 1,000,000 annotations, relations for 30 % of the money amounts).

value: median time of ``desktop.core.exporters.export_jsonl`` over every
article, to a file in the same temporary folder (what File ▸ Export… in
JSON Lines runs, in one read transaction, with its progress callback).
baseline: the same rows (each article, then its annotations with their label
and entity names, its relations) read with plain sqlite3 and written one
JSON array per row with orjson, the fastest JSON encoder for Python: what
getting the data out costs without the app. Also printed: each format of
``desktop.core.export_formats`` once over the same database, for scale
(``--all``), and where one more JSON Lines export spends its time
(``--profile``: cProfile, the costliest functions by their own time).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import report, skipped

REPEAT = 3
OTHER_FORMATS = ("csv", "brat", "conll", "w3c", "label-studio", "doccano", "refi-qda", "deals")
"""Timed once each, for scale (spaCy's tokenizer makes its export a minute or more)."""

ARTICLES = "SELECT id, title, published, source, language, body, currency_hint FROM article " \
           "ORDER BY id"
ANNOTATIONS = """
SELECT a.id, a.article_id, a.start, a."end", a.quote, a.prefix, a.suffix, l.name, l.kind,
       l.color, e.name, a.value, a.value_high, a.unit, a.approx, a.note, a.author, a.status,
       a.bound
FROM annotation a JOIN label l ON l.id = a.label_id LEFT JOIN entity e ON e.id = a.entity_id
ORDER BY a.article_id, a.start, a."end", a.id
"""
RELATIONS = "SELECT kind, source_id, target_id FROM relation ORDER BY id"


def bare(database: Path, out: Path) -> None:
    """Every row the export reads, from plain sqlite3, one orjson array per row."""
    import orjson

    con = sqlite3.connect(database)
    try:
        with open(out, "wb") as handle:
            for query in (ARTICLES, ANNOTATIONS, RELATIONS):
                for row in con.execute(query):
                    handle.write(orjson.dumps(row))
                    handle.write(b"\n")
    finally:
        con.close()


def ours(out: Path) -> int:
    from desktop.core.exporters import export_jsonl

    return export_jsonl(out, progress=lambda _progress: None)


def interleaved(database: Path, folder: Path) -> tuple[float, float]:
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEAT):
        for work, spent in ((lambda: ours(folder / "ours.jsonl"), times[0]),
                            (lambda: bare(database, folder / "bare.jsonl"), times[1])):
            started = time.perf_counter()
            work()
            spent.append(time.perf_counter() - started)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    try:
        import orjson  # noqa: F401
    except ImportError:
        skipped("export_1m", "orjson is not installed (pip install -e .)")
        return
    from bench_aggregates import build

    from db.connection import close_database, open_database

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = folder / "export.sqlite3"
        started = time.perf_counter()
        counts = build(database)
        print(f"# export_1m: built {counts} in {time.perf_counter() - started:.1f} s",
              flush=True)
        open_database(database)
        try:
            value, baseline = interleaved(database, folder)
            size = (folder / "ours.jsonl").stat().st_size
            print(f"# export_1m: {size / 1e6:.0f} MB of JSON Lines, raw rows "
                  f"{(folder / 'bare.jsonl').stat().st_size / 1e6:.0f} MB", flush=True)
            if "--all" in sys.argv:
                _other_formats(folder)
            if "--profile" in sys.argv:
                _profile(folder / "profiled.jsonl")
        finally:
            close_database()
    report("export_1m", value, "s", baseline)


def _profile(out: Path, top: int = 15) -> None:
    """Prints, as comments, the functions one export spends the most time in (not counted)."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(ours, out)
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(top)
    for line in text.getvalue().splitlines():
        if line.strip():
            print(f"# export_1m profile: {line}", flush=True)


def _other_formats(folder: Path) -> None:
    from desktop.core.export_formats import FORMATS, export

    for name in OTHER_FORMATS:
        started = time.perf_counter()
        result = export(name, folder / f"all{FORMATS[name].suffix}")
        print(f"# export_1m {name}: {time.perf_counter() - started:.1f} s "
              f"({result.count:,} {result.unit}s)", flush=True)


if __name__ == "__main__":
    main()
