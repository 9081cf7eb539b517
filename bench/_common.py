"""Shared helpers for the benchmarks: corpus lookup, timing, BENCH lines."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def corpus_dir() -> Path | None:
    """``$MARGINALIA_CORPORA``, else ../shared/corpora beside the checkout."""
    candidates = [os.environ.get("MARGINALIA_CORPORA"), str(ROOT.parent / "shared" / "corpora")]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def report(name: str, value: float, unit: str, baseline: float | None = None) -> None:
    """Prints ``BENCH name value=… baseline=… ratio=…`` (one line, flushed)."""
    line = f"BENCH {name} value={value:.4g}{unit}"
    if baseline is not None and baseline > 0:
        line += f" baseline={baseline:.4g}{unit} ratio={value / baseline:.3g}"
    print(line, flush=True)


def skipped(name: str, why: str) -> None:
    print(f"BENCH {name} skipped: {why}", flush=True)


def median_time(work: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# --- PostgreSQL beside SQLite -------------------------------------------------------------

PG_VARIABLE = "MARGINALIA_BENCH_PG"
"""``off``: no PostgreSQL figures. A URL (``postgresql://user@host/postgres``): a server
whose user may create databases; each figure gets a new one, dropped after. Unset: a
throwaway server on 127.0.0.1 (tests/postgres_server.py), as the tests start."""


class PostgresBench:
    """New, empty PostgreSQL databases for the ``<name>_pg`` figures, dropped at the end.

    The server keeps PostgreSQL's defaults (fsync on): its figures are comparable to
    SQLite's, which syncs its WAL as the app sets it.
    """

    def __init__(self, admin_url: str, server: object | None = None) -> None:
        self.admin_url = admin_url
        self._server = server
        self._made: list[str] = []

    def fresh(self, name: str) -> str:
        """The URL of a new database named ``marginalia_bench_<name>``."""
        from urllib.parse import urlsplit, urlunsplit

        import psycopg

        database = f"marginalia_bench_{name}"
        with psycopg.connect(self.admin_url, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{database}"')
            con.execute(f'CREATE DATABASE "{database}"')
        self._made.append(database)
        return urlunsplit(urlsplit(self.admin_url)._replace(path=f"/{database}"))

    def close(self) -> None:
        import psycopg

        from db.connection import close_database
        from db.models import database

        close_database()
        bound = database.obj
        if bound is not None and hasattr(bound, "close_all"):
            bound.close_all()
        try:
            with psycopg.connect(self.admin_url, autocommit=True) as con:
                for name in self._made:
                    con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            if self._server is not None:
                self._server.stop()  # type: ignore[attr-defined]


def postgres_bench(name: str) -> PostgresBench | None:
    """Where ``<name>_pg`` is measured (see :data:`PG_VARIABLE`), or None, saying why."""
    chosen = os.environ.get(PG_VARIABLE, "")
    if chosen == "off":
        return None
    if chosen:
        return PostgresBench(chosen)
    from tests import postgres_server

    try:
        server = postgres_server.start(fast=False)
    except postgres_server.Unavailable as exc:
        skipped(f"{name}_pg", f"PostgreSQL: {exc}")
        return None
    admin = server.url.rsplit("/", 1)[0] + "/postgres"
    return PostgresBench(admin, server)
