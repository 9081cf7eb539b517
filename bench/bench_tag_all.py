"""tag_all: tag every mention of a common name across the 5,013-article scale corpus.

The scale corpus is imported into a temporary database and a main window is
opened offscreen (its library built, as after the first paint). Edit ▸ Tag all
occurrences is then done as the user does it: the dialog is opened over all
articles for ``TERM`` (its preview is computed on a worker thread), OK is
pressed once the preview is there, and the window tags the mentions (one undo
step, on the task runner's worker thread) until the runner is no longer busy.
A 10 ms timer ticks in the GUI thread all along. Both figures are taken once the
name model has loaded (it stalls the window by itself while it loads).

``tag_all_stall``: the longest gap between two ticks from opening the dialog
to the end of tagging (the views' update included), against the longest gap
over the same time with nothing running (``baseline``): how long the window
froze at worst.

``tag_all_total``: seconds from OK to the runner no longer busy (reading the
articles, building and storing the annotations, the views told), against a
plain sqlite3 ``executemany`` of the same rows into the same database, in one
transaction rolled back (``baseline``): what storing them costs at least.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import corpus_dir, report, skipped  # noqa: E402

SCALE = "scale/articles.jsonl.gz"
TERM = "Congress"  # ~5,700 mentions in ~1,600 of the 5,013 articles
LABEL = "ORG"
TICK_MS = 10
TIMEOUT_S = 600.0

COLUMNS = ("article_id", "label_id", "start", "end", "quote", "prefix", "suffix",
           "entity_id", "value", "value_high", "unit", "approx", "note", "author", "status",
           "sentence", "created_at", "updated_at")


class Ticker:
    """A timer ticking every TICK_MS in the GUI thread; remembers the longest gap."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0
        self.ticks = 0

    def start(self) -> None:
        self.last, self.longest, self.ticks = time.perf_counter(), 0.0, 0
        self.timer.start()

    def stop(self) -> float:
        """Stops; the longest gap in seconds (the time since the last tick included)."""
        self._tick()
        self.timer.stop()
        return self.longest

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now
        self.ticks += 1


def _run_until(done: Callable[[], bool], signals: list, what: str) -> None:  # type: ignore[type-arg]
    """Runs the event loop (as app.exec() does) until ``done()`` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()

    def check(*_args: object) -> None:
        if done():
            loop.quit()

    for signal in signals:
        signal.connect(check)
    guard = QTimer(singleShot=True, interval=int(TIMEOUT_S * 1000))
    guard.timeout.connect(loop.quit)
    guard.start()
    loop.exec()
    guard.stop()
    for signal in signals:
        signal.disconnect(check)
    if not done():
        raise TimeoutError(f"{what} did not end within {TIMEOUT_S:.0f} s")


def _idle_gap(seconds: float) -> float:
    """The longest tick gap over ``seconds`` of an event loop with nothing to do."""
    from PySide6.QtCore import QEventLoop, QTimer

    ticker = Ticker()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    ticker.start()
    loop.exec()
    return ticker.stop()


def _bare_insert(path: Path, records: list) -> float:  # type: ignore[type-arg]
    """A plain sqlite3 executemany of ``records`` in one transaction, rolled back."""
    import datetime as dt

    now = dt.datetime.now().isoformat(" ")
    rows = [(r.article_id, r.label_id, r.start, r.end, r.quote, r.prefix, r.suffix,
             r.entity_id, r.value, r.value_high, r.unit, r.approx, r.note, r.author,
             r.status, r.sentence, now, now) for r in records]
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA foreign_keys = 1")
        started = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        columns = ", ".join(f'"{column}"' for column in COLUMNS)
        con.executemany(f"INSERT INTO annotation ({columns}) "
                        f"VALUES ({', '.join('?' * len(COLUMNS))})", rows)
        elapsed = time.perf_counter() - started
        con.execute("ROLLBACK")
        return elapsed
    finally:
        con.close()


def main() -> None:
    corpora = corpus_dir()
    if corpora is None or not (corpora / SCALE).exists():
        skipped("tag_all_stall", "corpus not found (set MARGINALIA_CORPORA)")
        skipped("tag_all_total", "corpus not found (set MARGINALIA_CORPORA)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MARGINALIA_SETTINGS"] = str(Path(tmp) / "settings.ini")
        os.environ.pop("MARGINALIA_DB", None)
        path = Path(tmp) / "tag_all.sqlite3"
        results = _measure(path, corpora / SCALE)
    (stall, idle, total, bare, preview, mentions, articles) = results
    print(f"# tag_all: {mentions} mentions of {TERM!r} in {articles} articles; preview "
          f"{preview:.2f} s on the worker; tagged in {total:.2f} s (bare insert "
          f"{bare * 1000:.0f} ms); longest GUI stall {stall * 1000:.0f} ms "
          f"(idle {idle * 1000:.0f} ms)", flush=True)
    report("tag_all_stall", stall * 1000, "ms", idle * 1000)
    report("tag_all_total", total, "s", bare)


def _measure(path: Path, source: Path) -> tuple[float, float, float, float, float, int, int]:
    from PySide6.QtWidgets import QApplication

    from db.annotations import label_by_name
    from db.connection import close_database, open_database
    from desktop.core.importers import import_paths
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from desktop.ui.tag_all_dialog import TagAllDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    open_database(path)
    started = time.perf_counter()
    imported = len(import_paths([str(source)]).imported)
    print(f"# tag_all: imported {imported} articles in {time.perf_counter() - started:.1f} s",
          flush=True)
    window = MainWindow(Settings())
    window.restore_session()
    window.resize(1280, 800)
    window.show()
    window.library.refresh()  # built after the first paint in the app
    for _ in range(20):  # let the first paint and what follows it happen
        app.processEvents()
    # The name model loads on a worker for seconds after the window appears, and the
    # GUI thread stalls meanwhile (spaCy's imports compile large regular expressions
    # holding the GIL): both figures are taken once it is in, so that they measure
    # tagging, not that load.
    from desktop.ui.known_names import _model_loader

    deadline = time.perf_counter() + 120
    while (window.known_names.recognizer() is None and not _model_loader().done
           and time.perf_counter() < deadline):
        app.processEvents()
        time.sleep(0.01)
    label = label_by_name(LABEL)
    assert label is not None and label.id is not None

    idle = _idle_gap(2.0)

    ticker = Ticker()
    ticker.start()
    opened = time.perf_counter()
    dialog = TagAllDialog(TERM, list(window.labels.by_id.values()), label.id, None, None,
                          window)
    dialog.show()
    _run_until(lambda: not dialog.is_searching(), [dialog.preview_ready], "the preview")
    preview = time.perf_counter() - opened
    occurrences = dialog.occurrences
    dialog.accept()
    started = time.perf_counter()
    operation = window.tag_occurrences(occurrences, dialog.label_id(), dialog.entity_id)
    assert operation is not None
    _run_until(lambda: not window.runner.busy, [window.runner.busy_changed], "tagging")
    total = time.perf_counter() - started
    for _ in range(5):  # what the change queued for the views
        app.processEvents()
    stall = ticker.stop()
    if len(operation.ids) != len(occurrences):
        raise RuntimeError(f"tagged {len(operation.ids)} of {len(occurrences)} mentions")
    stored = list(operation.records)  # as built, without their ids
    mentions, articles = len(occurrences), len({o.article_id for o in occurrences})

    window.undo_action.trigger()  # back to no annotations, for the bare insert
    _run_until(lambda: not window.runner.busy, [window.runner.busy_changed], "undo")
    bare = _bare_insert(path, stored)
    window.close()
    dialog.deleteLater()
    window.deleteLater()
    app.processEvents()
    close_database()
    return stall, idle, total, bare, preview, mentions, articles


if __name__ == "__main__":
    main()
