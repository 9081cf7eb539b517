"""live_update: from another process's commit to this window showing it.

A window shows an article; another process (started once, with the same
interpreter) tags a word of it through the core operations, one tag at a time
(each at a random moment of the window's 250 ms cycle), and notes the time its
transaction committed. The window is left to its event
loop until the tag is highlighted in its reader (:mod:`desktop.ui.live_updates`
announced it); the figure is the time between the commit and then, median of
:data:`WRITES` tags. Baseline: 1 s, the target ("within a second").

live_update (SQLite): the window looks at the file's data version every 250 ms,
so the figure is about half that plus the reading. live_update_pg: the same
on PostgreSQL, where the window is woken by the server's notification (see
``_common.PG_VARIABLE`` for which server).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, postgres_bench, report

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WRITES = 20
TARGET_S = 1.0
BODY = " ".join(f"mot{i:03d}" for i in range(WRITES + 5)) + "."

# The other process: tags word n of the article when told "n", prints the commit's time.
WRITER = """
import sys, time
from db import connection
from db.annotations import label_by_name
from db.reads import get_article
from desktop.core.operations import AddAnnotations, new_annotation

connection.open_database(sys.argv[1])
article = get_article(int(sys.argv[2]))
label = label_by_name("ORG")
print("ready", flush=True)
for line in sys.stdin:
    start = article.body.index(f"mot{int(line):03d}")
    step = AddAnnotations([new_annotation(article.body, article.id, label.id, start,
                                          start + 6, author="writer")])
    step.apply()
    print(time.time(), flush=True)
connection.close_database()
"""


def measure(location: str, settings: Path) -> list[float]:
    """Seconds from each commit of the other process to the highlight in this window."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from db.articles import NewArticle, insert_articles
    from db.connection import close_database, open_database
    from desktop.core.text import content_hash
    from desktop.ui.known_names import KnownNames
    from desktop.ui.live_updates import INTERVAL_MS
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    KnownNames.model_enabled = False  # the name model's loading is not what is measured
    db = open_database(location)
    article_id = insert_articles([NewArticle("Live", BODY, content_hash(BODY), "fr")])[0]
    window = MainWindow(Settings(settings))
    window.show()
    window.open_article(article_id)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, location, str(article_id)],
                              cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    latencies = []
    rng = random.Random(15)
    try:
        assert writer.stdin is not None and writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        for n in range(WRITES):
            start = BODY.index(f"mot{n:03d}")
            loop = QEventLoop()
            seen: list[float] = []

            def on_shown(_change: object, start: int = start, seen: list[float] = seen,
                         loop: QEventLoop = loop) -> None:
                if (start, start + 6, "ORG") in window.reader_highlights() and not seen:
                    seen.append(time.time())
                    loop.quit()

            def write(n: int = n) -> None:
                assert writer.stdin is not None
                writer.stdin.write(f"{n}\n")
                writer.stdin.flush()

            window.live_updates.shown.connect(on_shown)
            QTimer.singleShot(10_000, loop.quit)  # never hang
            # At any moment between two looks at the file, as a colleague's tag comes.
            QTimer.singleShot(rng.randrange(INTERVAL_MS), write)
            loop.exec()
            window.live_updates.shown.disconnect(on_shown)
            committed = float(writer.stdout.readline())
            if not seen:
                raise RuntimeError(f"tag {n} did not show within 10 s")
            latencies.append(seen[0] - committed)
            app.processEvents()
    finally:
        if writer.stdin is not None:
            writer.stdin.close()
        writer.wait(timeout=60)
        window.close()
        window.deleteLater()
        app.processEvents()
        close_database()
        if hasattr(db, "close_all"):
            db.close_all()
    return latencies


def _say(name: str, latencies: list[float]) -> None:
    print(f"# {name}: {len(latencies)} tags, from {min(latencies) * 1000:.0f} to "
          f"{max(latencies) * 1000:.0f} ms", flush=True)
    report(name, statistics.median(latencies) * 1000, "ms", TARGET_S * 1000)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["MARGINALIA_SETTINGS"] = str(folder / "live.ini")
        _say("live_update", measure(str(folder / "live.sqlite3"), folder / "live.ini"))
        bench = postgres_bench("live_update")
        if bench is None:
            return
        try:
            _say("live_update_pg", measure(bench.fresh("live"), folder / "live_pg.ini"))
        finally:
            bench.close()


if __name__ == "__main__":
    main()
