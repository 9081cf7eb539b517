"""open_book_20k and add_annotation, on the 2.4 MB Wealth of Nations.

open_book_20k: opening the book in the main window until the reader has
painted, with 20,000 annotations vs with none. add_annotation: median time
from the tag key to the new highlight painted and its row committed, once
the book has settled (all its annotations shown, its suggestions back).
Every figure is taken once the name model has loaded (it loads on a thread
for seconds after the first window appears, sharing the GIL), and each open
once the last one's suggestions are done.

open_book_20k_pg: the tagged book opened from a PostgreSQL database;
baseline: the same from SQLite (see ``_common.PG_VARIABLE`` for which server).
"""

from __future__ import annotations

import functools
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import corpus_dir, postgres_bench, report, skipped

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BOOK = "longdoc/en-1776-03-09-wealth-of-nations.txt"
SHORT = "title: Short\nlang: en\n\nA short article to switch to between measurements.\n"


def _load(location: Path | str, book: Path, annotations: int):  # type: ignore[no-untyped-def]
    from db import annotations as store
    from db.connection import close_database, open_database
    from desktop.core.importers import import_paths
    from desktop.core.operations import new_annotation

    close_database()
    open_database(location)
    short = Path(tempfile.mkdtemp()) / "short.txt"
    short.write_text(SHORT, encoding="utf-8")
    book_id, short_id = import_paths([str(book), str(short)]).imported
    if annotations:
        from db.articles import get_article

        body = get_article(book_id).body
        words = [m.span() for m in re.finditer(r"\b[A-Za-z]{5,}\b", body)]
        step = max(1, len(words) // annotations)
        labels = [label.id for label in store.labels()]
        records = [new_annotation(body, book_id, labels[i % 4], s, e)
                   for i, (s, e) in enumerate(words[::step][:annotations])]
        store.insert_annotations(records)
    return book_id, short_id


def _until_painted(window, action) -> float:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    painted = []

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    watch = Watch()
    viewport = window.reader.body_viewport()
    viewport.installEventFilter(watch)
    started = time.perf_counter()
    action()
    viewport.update()
    while not painted:
        QApplication.processEvents()
    elapsed = time.perf_counter() - started
    viewport.removeEventFilter(watch)
    return elapsed


def _settle(seconds: float) -> None:
    """Lets the window's background work run (the event loop turning, not spinning)."""
    from PySide6.QtWidgets import QApplication

    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        QApplication.processEvents()
        time.sleep(0.01)


def _wait_for_model(window) -> None:  # type: ignore[no-untyped-def]
    """Until the name model is loaded, or known missing (at most 2 minutes): it loads on
    a thread for seconds after the first window appears, and the GUI thread shares the
    GIL with it meanwhile (see bench_panes)."""
    from desktop.ui.known_names import _model_loader

    deadline = time.perf_counter() + 120
    while (window.known_names.recognizer() is None and not _model_loader().done
           and time.perf_counter() < deadline):
        _settle(0.1)


def _open_times(window, book_id: int, short_id: int, expected: int,  # type: ignore[no-untyped-def]
                runs: int = 5) -> tuple[float, float]:
    """Median time to the first paint, and to every highlight loaded and painted."""
    from PySide6.QtWidgets import QApplication

    first, complete = [], []
    for _ in range(runs):
        _until_painted(window, lambda: window.open_article(short_id))
        while window.active.suggestions.busy():  # the last open's, on workers, finish
            _settle(0.02)
        started = time.perf_counter()
        first.append(_until_painted(window, lambda: window.open_article(book_id)))
        while len(window.reader.highlights()) < expected:
            QApplication.processEvents()
        complete.append(time.perf_counter() - started)
    return statistics.median(first), statistics.median(complete)


def main() -> None:
    corpora = corpus_dir()
    if corpora is None or not (corpora / BOOK).exists():
        skipped("open_book_20k", "corpus not found (set MARGINALIA_CORPORA)")
        return
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        results = {}
        for name, count in (("bare", 0), ("tagged", 20_000)):
            book_id, short_id = _load(tmp / f"{name}.sqlite3", corpora / BOOK, count)
            window = MainWindow(Settings(tmp / f"{name}.ini"))
            window.show()
            app.processEvents()
            _wait_for_model(window)
            results[name] = _open_times(window, book_id, short_id, count)
            if name == "tagged":
                from db.articles import get_article
                from desktop.core.text import snap_to_words

                body = get_article(book_id).body
                window.open_article(book_id)
                # Tagging is timed once the book is settled: its annotations all
                # shown and its suggestions back from their worker (while they
                # arrive the window is busy for about a second; README says so).
                while not window.active.all_loaded:
                    app.processEvents()
                deadline = time.perf_counter() + 120
                while (window.active.suggestions.shown_for() != book_id
                       and time.perf_counter() < deadline):
                    _settle(0.05)
                _settle(0.5)
                tag_times = []

                tag = functools.partial(window.tag_selection, "ORG")
                for i in range(30):
                    at = body.index(" ", (i + 1) * len(body) // 32) + 1
                    start, end = snap_to_words(body, at, at + 3)
                    window.select_range(start, end)
                    app.processEvents()
                    tag_times.append(_until_painted(window, tag))
                report("add_annotation", statistics.median(tag_times) * 1000, "ms")
            window.close()
            window.deleteLater()
            app.processEvents()
        bench = postgres_bench("open_book_20k")
        if bench is not None:
            try:
                book_id, short_id = _load(bench.fresh("book"), corpora / BOOK, 20_000)
                window = MainWindow(Settings(tmp / "postgresql.ini"))
                window.show()
                app.processEvents()
                results["postgresql"] = _open_times(window, book_id, short_id, 20_000)
                window.close()
                window.deleteLater()
                app.processEvents()
            finally:
                bench.close()
    report("open_book_20k", results["tagged"][0] * 1000, "ms", results["bare"][0] * 1000)
    if "postgresql" in results:
        report("open_book_20k_pg", results["postgresql"][0] * 1000, "ms",
               results["tagged"][0] * 1000)
    # Past the first paint: until all 20,000 highlights are loaded (not a target).
    report("open_book_20k_complete", results["tagged"][1] * 1000, "ms",
           results["bare"][1] * 1000)


if __name__ == "__main__":
    main()
