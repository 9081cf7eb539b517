"""import_scale: importing the 5,013-article scale corpus through the app's importer,
vs a raw sqlite3 executemany of the same rows into the same schema (same
FTS5 index and triggers), reading and hashing the same gzip file.

import_scale_pg: the same import into a new PostgreSQL database; baseline:
the app's import into SQLite (see ``_common.PG_VARIABLE`` for which server).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import sqlite3
import tempfile
import time
from pathlib import Path

from _common import corpus_dir, postgres_bench, report, skipped

SCALE = "scale/articles.jsonl.gz"


def _fresh(path: Path) -> None:
    from db.connection import close_database, open_database

    open_database(path)
    close_database()


def _raw(path: Path, source: Path) -> float:
    _fresh(path)
    started = time.perf_counter()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA synchronous=normal")
    now = dt.datetime.now().isoformat(" ")
    rows = []
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            body = item["body"].replace("\r\n", "\n")
            rows.append((item["title"], body, item.get("lang") or "", item.get("date"),
                         item.get("source") or "",
                         hashlib.sha256(body.encode()).hexdigest(), now))
    with con:
        con.executemany(
            "INSERT OR IGNORE INTO article (title, body, language, published, source, "
            "content_hash, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    con.close()
    return time.perf_counter() - started


def _ours(path: Path | str, source: Path) -> tuple[float, int]:
    from db.connection import close_database, open_database
    from desktop.core.importers import import_paths

    open_database(path)
    started = time.perf_counter()
    result = import_paths([str(source)])
    elapsed = time.perf_counter() - started
    close_database()
    return elapsed, len(result.imported)


def main() -> None:
    corpora = corpus_dir()
    if corpora is None or not (corpora / SCALE).exists():
        skipped("import_scale", "corpus not found (set MARGINALIA_CORPORA)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        raw = _raw(Path(tmp) / "raw.sqlite3", corpora / SCALE)
        ours, count = _ours(Path(tmp) / "ours.sqlite3", corpora / SCALE)
    print(f"# import_scale: {count} articles imported", flush=True)
    report("import_scale", ours, "s", raw)
    bench = postgres_bench("import_scale")
    if bench is not None:
        try:
            on_postgres, count = _ours(bench.fresh("import"), corpora / SCALE)
        finally:
            bench.close()
        print(f"# import_scale_pg: {count} articles imported", flush=True)
        report("import_scale_pg", on_postgres, "s", ours)


if __name__ == "__main__":
    main()
