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
