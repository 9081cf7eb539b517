"""import_hostile: importing a folder of hostile files, against as many clean ones.

The folder holds a few hundred files of every family issue #11 reported:
JSON Lines with half a surrogate pair, numbers of thousands of digits,
lists nested 100,000 deep; symbolic links in a loop, names that are not
UTF-8, named pipes, links to /dev/zero; gzip bombs (1 GiB of newlines, one
line of 1 GiB); a line and a text file past the size of one article (sparse
files: no room taken on disk); empty JSON Lines; UTF-32 text; Markdown
lines of 200 kB of ``[``, backticks, ``**a ``, ``![`` or ``<http:``. Each
must end as a problem of its own file (or an article), quickly and in
bounded memory.

Prints:
    import_hostile: seconds to import the hostile folder, against the same
        number of clean files.
    import_hostile_peak: the most memory Python held during that import
        (tracemalloc), against the clean import's.
    import_hostile_markdown: seconds to read every pathological Markdown
        line at 400 kB, against 200 kB: linear parsing keeps the ratio near 2
        (at most 2.2); the old regular expressions gave 4 and more.

Needs no corpus. Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_import_hostile.py``.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from _common import report

PER_FAMILY = 20
MIB = 1 << 20
MARKDOWN_UNITS = ["[", "`", "**a ", "![", "<http:", "_a ", "[a](b "]


def _record(title: str, body: str) -> str:
    return json.dumps({"title": title, "body": body})


def _jsonl(path: Path, bad_line: str, number: int) -> None:
    lines = [_record(f"Before {number}", f"Read before the bad line {number}."), bad_line,
             _record(f"After {number}", f"Read after the bad line {number}.")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _sparse(path: Path, size: int, tail: bytes = b"") -> None:
    with path.open("wb") as handle:
        handle.truncate(size)
        handle.seek(size)
        handle.write(tail)


def build_hostile(folder: Path) -> int:
    """Writes the hostile files; returns how many."""
    folder.mkdir()
    newline_bomb = gzip.compress(b"\n" * MIB, 9) * 1024
    line_bomb = gzip.compress(b"a" * MIB, 9) * 1024
    deep = 100_000
    for n in range(PER_FAMILY):
        _jsonl(folder / f"surrogate-{n}.jsonl", '{"body": "half \\ud800 pair"}', n)
        _jsonl(folder / f"digits-{n}.jsonl", '{"body": "x", "n": ' + "9" * 5000 + "}", n)
        _jsonl(folder / f"deep-{n}.jsonl", '{"body": ' + "[" * deep + "]" * deep + "}", n)
        os.symlink(f"loop-{n}.txt", folder / f"loop-{n}.txt")
        os.mkfifo(folder / f"pipe-{n}.txt")
        os.symlink("/dev/zero", folder / f"zero-{n}.txt")
        with open(os.path.join(os.fsencode(folder), b"latin-%d-caf\xe9.txt" % n), "wb") as f:
            f.write(f"title: Latin {n}\n\nA name in Latin-1, number {n}.\n".encode())
        (folder / f"bomb-newlines-{n}.jsonl.gz").write_bytes(newline_bomb)
        (folder / f"bomb-line-{n}.jsonl.gz").write_bytes(line_bomb)
        (folder / f"empty-{n}.jsonl").write_bytes(b"")
        (folder / f"empty-{n}.jsonl.gz").write_bytes(gzip.compress(b"\n\n"))
        (folder / f"wide-{n}.txt").write_bytes(
            b"\xff\xfe\0\0" + f"title: Wide {n}\n\nUTF-32 text {n}.\n".encode("utf-32-le"))
        unit = MARKDOWN_UNITS[n % len(MARKDOWN_UNITS)]
        (folder / f"markdown-{n}.md").write_text(
            f"# Markdown {n}\n\n" + unit * (200_000 // len(unit)) + "\n", encoding="utf-8")
    for n in range(4):  # each is read to its cap: 33 MiB
        _sparse(folder / f"huge-{n}.txt", 33 * MIB)
        _sparse(folder / f"long-line-{n}.jsonl", 33 * MIB,
                b"\n" + _record(f"After long {n}", f"After the long line {n}.").encode() + b"\n")
    return len(os.listdir(folder))


def build_clean(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        kind = n % 3
        text = f"Clean article {n}: the company reported {n} new shops this year."
        if kind == 0:
            (folder / f"clean-{n}.txt").write_text(f"title: Clean {n}\n\n{text}\n",
                                                   encoding="utf-8")
        elif kind == 1:
            (folder / f"clean-{n}.md").write_text(f"# Clean {n}\n\n**{text}**\n",
                                                  encoding="utf-8")
        else:
            (folder / f"clean-{n}.jsonl").write_text(_record(f"Clean {n}", text) + "\n",
                                                     encoding="utf-8")


def timed_import(database: Path, folder: Path, trace: bool = False) -> tuple[float, float, int]:
    """Seconds, peak MiB (when traced) and problems of one import into a fresh database."""
    from db.connection import close_database, open_database
    from desktop.core.importers import import_paths

    open_database(database)
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    result = import_paths([folder])
    elapsed = time.perf_counter() - started
    peak = 0.0
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / MIB
        tracemalloc.stop()
    close_database()
    return elapsed, peak, len(result.problems)


def markdown_times(size: int, repeat: int = 5) -> float:
    """Median seconds to read one pathological line of ``size`` characters, every family."""
    from desktop.core.markdown_text import markdown_to_text

    lines = [unit * (size // len(unit)) for unit in MARKDOWN_UNITS]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for line in lines:
            markdown_to_text(line)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        count = build_hostile(root / "hostile")
        build_clean(root / "clean", count)
        clean, _, _ = timed_import(root / "clean.sqlite3", root / "clean")
        hostile, _, problems = timed_import(root / "hostile.sqlite3", root / "hostile")
        _, clean_peak, _ = timed_import(root / "clean-peak.sqlite3", root / "clean", trace=True)
        _, hostile_peak, _ = timed_import(root / "hostile-peak.sqlite3", root / "hostile",
                                          trace=True)
    print(f"# import_hostile: {count} hostile files ({problems} problems) against "
          f"{count} clean files", flush=True)
    report("import_hostile", hostile, "s", clean)
    report("import_hostile_peak", hostile_peak, "MB", clean_peak)
    markdown_times(20_000, repeat=1)  # warm up
    report("import_hostile_markdown", markdown_times(400_000), "s", markdown_times(200_000))


if __name__ == "__main__":
    main()
