"""startup: cold start to the window showing an article, vs a bare PySide6 window.

Both run as fresh processes (offscreen); the app opens a database that already
holds the demo articles, as on a second run. Each process prints ``painted``
just after its first paint (the app: its reader with the article); the figure
is the time from spawning the process to reading that line. The processes
alternate, so a slow spell on the machine hits both alike.

``startup_ready`` (not a target) runs on until the app has also done the work
it puts off until after its first paint (the suggestions of the article) and
prints ``smoke ok``; exiting the process is timed by neither.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, report

RUNS = 21
BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication(sys.argv)
w = QMainWindow(); t = QPlainTextEdit("hello"); w.setCentralWidget(t); w.resize(1280, 800)
def painted():
    print("painted", flush=True)
    app.quit()
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, painted)
        return False
f = F(); t.viewport().installEventFilter(f); w.show(); app.exec()
"""


def _times(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning ``cmd`` to its ``painted`` line, and to its last line."""
    started = time.perf_counter()
    with subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as process:
        assert process.stdout is not None
        painted = last = None
        for line in process.stdout:
            last = time.perf_counter() - started
            if line.strip() == "painted":
                painted = last
        if process.wait() or painted is None or last is None:
            raise RuntimeError(f"{cmd[-1]} did not paint (exit {process.returncode})")
    return painted, last


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                   MARGINALIA_SETTINGS=str(Path(tmp) / "settings.ini"))
        app = [sys.executable, "-m", "desktop", "--db", str(Path(tmp) / "db.sqlite3"), "--smoke"]
        subprocess.run(app, env=env, check=True, capture_output=True, cwd=ROOT)  # seeds the demo
        bare, ours, ready = [], [], []
        for _ in range(RUNS):
            bare.append(_times([sys.executable, "-c", BARE], env)[0])
            painted, done = _times(app, env)
            ours.append(painted)
            ready.append(done)
    bare_ms = statistics.median(bare) * 1000
    report("startup", statistics.median(ours) * 1000, "ms", bare_ms)
    report("startup_ready", statistics.median(ready) * 1000, "ms", bare_ms)


if __name__ == "__main__":
    main()
