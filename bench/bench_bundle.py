"""bundle_startup: the PyInstaller bundle's start to its first paint, vs the venv's.

Both run ``--smoke`` offscreen as fresh processes, outside the venv (``env``
holds only PATH, HOME, the locale and the files chosen), on a database that
already holds the demo articles, as on a second run. The figure is the time
from spawning the process to its ``painted`` line (as in bench_startup.py);
the baseline is ``python -m desktop --smoke`` from the venv. The two alternate,
so a slow spell on the machine hits both alike. The page cache is warm: the
first start after a reboot (or a cache drop) is slower for both.

The bundle is ``dist/marginalia`` (``make bundle``), or ``$MARGINALIA_BUNDLE``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, report, skipped

RUNS = 11


def bundle_executable() -> Path:
    folder = Path(os.environ.get("MARGINALIA_BUNDLE") or ROOT / "dist" / "marginalia")
    return folder / "marginalia"


def _painted_after(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``cmd`` to its ``painted`` line (it must then exit 0)."""
    started = time.perf_counter()
    with subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as process:
        assert process.stdout is not None
        painted = None
        for line in process.stdout:
            if painted is None and line.strip() == "painted":
                painted = time.perf_counter() - started
        if process.wait() or painted is None:
            raise RuntimeError(f"{cmd[0]} did not paint (exit {process.returncode})")
    return painted


def _newer_source(bundle: Path) -> Path | None:
    """A source file of the app changed after ``bundle`` was built, if any."""
    built = bundle.stat().st_mtime
    for folder in ("db", "desktop"):
        for source in (ROOT / folder).rglob("*.py"):
            if source.stat().st_mtime > built:
                return source
    return None


def main() -> None:
    bundle = bundle_executable()
    if not os.access(bundle, os.X_OK):
        skipped("bundle_startup", f"no bundle at {bundle.parent} (make bundle)")
        return
    newer = _newer_source(bundle)
    if newer is not None:  # an older bundle may refuse the database the venv seeds
        skipped("bundle_startup", f"the bundle at {bundle.parent} is older than "
                                  f"{newer.relative_to(ROOT)} (make bundle)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        env = {"PATH": "/usr/bin:/bin", "HOME": tmp, "LANG": "C.UTF-8",
               "QT_QPA_PLATFORM": "offscreen",
               "MARGINALIA_DB": str(Path(tmp) / "db.sqlite3"),
               "MARGINALIA_SETTINGS": str(Path(tmp) / "settings.ini")}
        venv = [sys.executable, "-m", "desktop", "--smoke"]
        subprocess.run(venv, env=env, check=True, capture_output=True, cwd=ROOT)  # seeds
        ours, theirs = [], []
        for _ in range(RUNS):
            ours.append(_painted_after([str(bundle), "--smoke"], env))
            theirs.append(_painted_after(venv, env))
    report("bundle_startup", statistics.median(ours) * 1000, "ms",
           statistics.median(theirs) * 1000)


if __name__ == "__main__":
    main()
