"""suggest_throughput: MB of article text per second through AmountRecognizer.find,
on one core, over the bodies of the scale corpus (each article in its own
language, as the app reads them), vs a single compiled ``\\d+`` finditer over
the same bodies: the least any number finder must do.
"""

from __future__ import annotations

import gzip
import json
import re
import time

from _common import corpus_dir, report, skipped

SCALE = "scale/articles.jsonl.gz"


def _bodies() -> list[tuple[str, str]] | None:
    corpora = corpus_dir()
    if corpora is None or not (corpora / SCALE).is_file():
        return None
    with gzip.open(corpora / SCALE, "rt", encoding="utf-8") as lines:
        return [(item["lang"], item["body"]) for item in map(json.loads, lines)]


def _ours(bodies: list[tuple[str, str]]) -> tuple[float, int]:
    from desktop.core.amounts import AmountRecognizer

    recognizers = {lang: AmountRecognizer(lang) for lang in ("fr", "en")}
    for recognizer in recognizers.values():
        recognizer.find("38 milliards de dollars")  # compile the patterns before timing
    found = 0
    started = time.perf_counter()
    for lang, body in bodies:
        found += len(recognizers[lang].find(body))
    return time.perf_counter() - started, found


def _baseline(bodies: list[tuple[str, str]]) -> float:
    digits = re.compile(r"\d+")
    started = time.perf_counter()
    for _, body in bodies:
        for _ in digits.finditer(body):
            pass
    return time.perf_counter() - started


def main() -> None:
    bodies = _bodies()
    if bodies is None:
        skipped("suggest_throughput", f"{SCALE} not found (set MARGINALIA_CORPORA)")
        return
    megabytes = sum(len(body.encode("utf-8")) for _, body in bodies) / 1e6
    ours, found = min(_ours(bodies) for _ in range(2))
    baseline = min(_baseline(bodies) for _ in range(3))
    print(f"# {len(bodies)} articles, {megabytes:.1f} MB, {found} amounts", flush=True)
    report("suggest_throughput", megabytes / ours, "MB/s", megabytes / baseline)


if __name__ == "__main__":
    main()
