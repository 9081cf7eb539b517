"""Runs every benchmark in bench/, each in its own process (``make bench``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        result = subprocess.run([sys.executable, str(script), *sys.argv[1:]], check=False)
        if result.returncode:
            print(f"BENCH {script.stem} failed: exit {result.returncode}", flush=True)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
