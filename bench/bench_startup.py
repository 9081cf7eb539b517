"""startup: cold start to the window showing an article, vs a bare PySide6 window.

Both run as fresh processes (offscreen) until their first paint; the app
opens a database that already holds the demo articles, as on a second run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, report

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication(sys.argv)
w = QMainWindow(); t = QPlainTextEdit("hello"); w.setCentralWidget(t); w.resize(1280, 800)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
f = F(); t.viewport().installEventFilter(f); w.show(); app.exec()
"""


def _time(cmd: list[str], env: dict[str, str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    times.sort()
    return times[len(times) // 2]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                   MARGINALIA_SETTINGS=str(Path(tmp) / "settings.ini"))
        app = [sys.executable, "-m", "desktop", "--db", str(Path(tmp) / "db.sqlite3"), "--smoke"]
        subprocess.run(app, env=env, check=True, capture_output=True, cwd=ROOT)  # seeds the demo
        bare = _time([sys.executable, "-c", BARE], env)
        ours = _time(app, env)
    report("startup", ours * 1000, "ms", bare * 1000)


if __name__ == "__main__":
    main()
