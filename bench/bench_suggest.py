"""suggest_throughput: MB of article text per second through AmountRecognizer.find,
on one core, over the bodies of the scale corpus (each article in its own
language, as the app reads them), vs a single compiled ``\\d+`` finditer over
the same bodies: the least any number finder must do.

suggest_dense_notations: the same over a text made only of sentences that hold the
notations of issue #12 (Québec's "M$", "ME", '13"', "(1,8)%", "from 20k up to 2M
USD", models, partitives…), a number every few words: the slow path, not a target.
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


_DENSE = {
    "fr": ("Le chiffre d'affaires atteint 8 312 M CAD, dont 3,4 G à l'export et 4 210 ME "
           "en Europe. La Caisse a investi 1,2 G$ et 250 k$ en primes, 2,75E le ticket. "
           "La marge recule de (1,8)% ; l'écart est de 40 pb. Le groupe a fermé trois de "
           "ses usines et commandé 40 Airbus A320, livrés en 5 à8 ans, pour 1’204’550 francs "
           "suisses. Les frais vont de 20 k€ jusqu'à 2 M€. L'A350 vole 8 100 nm ; un écran "
           "de 13\" et un capteur de 12 mégapixels. Alpha, 552 081 317 RCS Paris, 75002 "
           "Paris, ouvre de 9 h à 17 h.\n"),
    "en": ("Revenue reached 8,312 M CAD and RMB2,340 million; GBX 3,150 a share, 320k "
           "subscribers and 250.000 residents. Margins fell (1.8)% after a 7.5-percent rise "
           "and 6pc inflation, about 2,5%. The company closed three of its plants and "
           "ordered 40 Airbus A320. Fees range from 20k up to 2M USD, below $4–6 million. "
           "The jet flies 3,500 nm at 1.1 petaFlops with a 13\" screen and a 12-megapixel "
           "camera. The Made in China 2025 plan and the A320neo 2 engines.\n"),
}


def _dense() -> tuple[float, float, float]:
    """MB/s through find on the dense notations text, and the \\d+ baseline on it."""
    from desktop.core.amounts import AmountRecognizer

    texts = {lang: sentence * 2000 for lang, sentence in _DENSE.items()}
    megabytes = sum(len(text.encode("utf-8")) for text in texts.values()) / 1e6
    recognizers = {lang: AmountRecognizer(lang, "CAD") for lang in texts}

    def ours() -> float:
        started = time.perf_counter()
        for lang, text in texts.items():
            recognizers[lang].find(text)
        return time.perf_counter() - started

    def baseline() -> float:
        digits = re.compile(r"\d+")
        started = time.perf_counter()
        for text in texts.values():
            for _ in digits.finditer(text):
                pass
        return time.perf_counter() - started

    return megabytes, min(ours() for _ in range(2)), min(baseline() for _ in range(3))


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
    dense_mb, dense_ours, dense_baseline = _dense()
    report("suggest_dense_notations", dense_mb / dense_ours, "MB/s", dense_mb / dense_baseline)


if __name__ == "__main__":
    main()
