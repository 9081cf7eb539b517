"""open_beside and cross_highlight: two reader panes, one holding the 2.4 MB book.

open_beside: opening a short article in a new pane beside the book with
20,000 annotations, until the new pane has painted, against opening the same
article in the only pane of a window (median of 15; before each open the
work the last one started in the background, its suggestions and names, is
let finish, for both figures, so that one open is not timed with the last
one's worker).

cross_highlight: the mouse moves onto a mention of an entity with 1,000
mentions across the two panes (500 in the book, 500 in a second copy of it),
until both panes have repainted their marks; median of 21 moves on and off,
once the books' suggestions have come back from their worker (while they
arrive, the GUI thread is busy showing them and a move waits ~50 ms).
There is no baseline: the target is one frame, 16 ms.

scroll_beside: the book scrolled a page at a time, beside a short article,
until repainted (median of 40), against the same scroll with the book alone.

Also printed: a pane opened beside a short article, which is what a new pane
costs by itself (widgets, the splitter's new layout) without the book to
re-wrap.

open_beside_bare_qt: the same open with none of the app's code: a bare
QPlainTextEdit with a short text added to a splitter as wide as the app's,
beside one holding the book (no highlights, no column), until both have
painted, against putting the short text in the only one; the app's window is
hidden meanwhile. What Qt itself takes to re-wrap the book for the narrower
width and paint it, which no pane of the app can go under.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import corpus_dir, report, skipped

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BOOK = "longdoc/en-1776-03-09-wealth-of-nations.txt"
SHORTS = ("title: Short one\nlang: en\n\nA short article opened beside the book.\n",
          "title: Short two\nlang: en\n\nAnother short article, to switch between runs.\n")


def _load(tmp: Path, book: Path) -> tuple[int, int, list[int], int]:
    """The book (20,000 tags, 500 of one entity), a copy of it (500 more), two shorts."""
    from db import annotations as store
    from db.articles import get_article
    from db.connection import open_database
    from db.entities import insert_entity
    from desktop.core.importers import import_paths
    from desktop.core.operations import new_annotation

    open_database(tmp / "panes.sqlite3")
    copy = tmp / "copy.txt"
    copy.write_text("title: The copy\nlang: en\n\n" + book.read_text(encoding="utf-8")
                    + "\n(a copy)\n", encoding="utf-8")
    paths = [str(book), str(copy)]
    for i, text in enumerate(SHORTS):
        (tmp / f"short{i}.txt").write_text(text, encoding="utf-8")
        paths.append(str(tmp / f"short{i}.txt"))
    book_id, copy_id, *shorts = import_paths(paths).imported
    labels = [label.id for label in store.labels()]
    entity = insert_entity("Merchant", labels[0])
    for article_id, count in ((book_id, 20_000), (copy_id, 500)):
        body = get_article(article_id).body
        words = [m.span() for m in re.finditer(r"\b[A-Za-z]{5,}\b", body)]
        step = max(1, len(words) // count)
        records = [new_annotation(body, article_id, labels[0] if i % 40 == 0 else labels[i % 4],
                                  s, e, entity_id=entity if i % 40 == 0 or count == 500
                                  else None)
                   for i, (s, e) in enumerate(words[::step][:count])]
        store.insert_annotations(records)
    return book_id, copy_id, shorts, entity


def _until_painted(viewports, action) -> float:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    waiting = set(viewports)

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                waiting.discard(obj)
            return False

    watch = Watch()
    for viewport in viewports:
        viewport.installEventFilter(watch)
    started = time.perf_counter()
    action()
    while waiting:
        QApplication.processEvents()
    elapsed = time.perf_counter() - started
    for viewport in viewports:
        viewport.removeEventFilter(watch)
    return elapsed


RUNS = 15


def _bare_qt(app, book_text: str, width: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Seconds (medians): a short text into a lone QPlainTextEdit; a new QPlainTextEdit
    holding it added to the splitter beside one holding the book, until both painted.
    ``width``: the app's splitter's, so that the book re-wraps from the same width."""
    from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QSplitter

    window = QMainWindow()
    splitter = QSplitter()
    window.setCentralWidget(splitter)
    window.resize(width, 900)
    first = QPlainTextEdit()
    splitter.addWidget(first)
    window.show()
    app.processEvents()
    texts = [text.split("\n\n", 1)[1] for text in SHORTS]
    alone = []
    for run in range(RUNS):
        first.setPlainText(texts[(run + 1) % 2])
        _settle(app, 0.02)
        alone.append(_until_painted([first.viewport()],
                                    lambda run=run: first.setPlainText(texts[run % 2])))
    first.setPlainText(book_text)
    app.processEvents()
    beside = []
    for run in range(RUNS):
        _settle(app, 0.02)
        second = QPlainTextEdit()
        second.setPlainText(texts[run % 2])
        beside.append(_until_painted([second.viewport(), first.viewport()],
                                     lambda second=second: splitter.addWidget(second)))
        second.hide()
        second.setParent(None)
        second.deleteLater()
        app.processEvents()
    window.close()
    return statistics.median(beside), statistics.median(alone)


def _model_done() -> bool:
    """The name model is loaded, or known to be missing."""
    from desktop.ui.known_names import _model_loader

    return bool(_model_loader().done)


def _settle(app, seconds: float = 0.3) -> None:  # type: ignore[no-untyped-def]
    """Lets the background work of the last open (suggestions, names) finish."""
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.005)


def _beside(window, article_id: int) -> float:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    opened = []

    def open_it() -> None:
        opened.append(window.open_beside(article_id))
        opened[0].pane.body_viewport().update()

    from PySide6.QtCore import QEvent, QObject

    painted = []

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    watch = Watch()

    def watch_new(pane) -> None:  # type: ignore[no-untyped-def]
        pane.pane.body_viewport().installEventFilter(watch)

    window.pane_added.connect(watch_new)
    started = time.perf_counter()
    open_it()
    while not painted:
        QApplication.processEvents()
    elapsed = time.perf_counter() - started
    window.pane_added.disconnect(watch_new)
    window.close_pane(opened[0])
    QApplication.processEvents()
    return elapsed


def _scroll_times(app, controller, pages: int = 41) -> list[float]:  # type: ignore[no-untyped-def]
    """Seconds from each page-down of the book's scroll bar to its repaint."""
    bar = controller.pane.body.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    app.processEvents()
    viewport = controller.pane.body_viewport()
    times = []
    for _ in range(pages):
        times.append(_until_painted([viewport], lambda: bar.setValue(bar.value()
                                                                     + bar.pageStep())))
    return times[1:]


def main() -> None:
    corpora = corpus_dir()
    if corpora is None or not (corpora / BOOK).exists():
        skipped("open_beside", "corpus not found (set MARGINALIA_CORPORA)")
        return
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        book_id, copy_id, shorts, _entity = _load(tmp, corpora / BOOK)
        window = MainWindow(Settings(tmp / "panes.ini"))
        window.resize(1600, 900)
        window.show()
        app.processEvents()

        # The name model loads on a worker for seconds after the window appears, and
        # the GUI thread is slower meanwhile: both figures are taken once it is in.
        deadline = time.perf_counter() + 120
        while (window.known_names.recognizer() is None and not _model_done()
               and time.perf_counter() < deadline):
            _settle(app, 0.1)
        alone = []
        for run in range(RUNS):  # the short articles alone, in the only pane
            window.open_article(shorts[(run + 1) % 2])
            _settle(app)
            alone.append(_until_painted([window.reader.body_viewport()],
                                        lambda run=run: window.open_article(shorts[run % 2])))
        # Beside a short article: what a new pane costs by itself (printed, not the baseline).
        window.open_article(shorts[1])
        app.processEvents()
        by_short = []
        for _run in range(7):
            _settle(app)
            by_short.append(_beside(window, shorts[0]))
        print(f"# open_beside a short article: {statistics.median(by_short) * 1000:.1f} ms",
              flush=True)
        window.open_article(book_id)
        while not window.active.all_loaded:
            app.processEvents()
        beside = []
        for run in range(RUNS):
            _settle(app)
            beside.append(_beside(window, shorts[run % 2]))
        report("open_beside", statistics.median(beside) * 1000, "ms",
               statistics.median(alone) * 1000)
        # Measured with the app's window hidden, so that none of its work runs meanwhile.
        window.hide()
        bare_beside, bare_alone = _bare_qt(app, (corpora / BOOK).read_text(encoding="utf-8"),
                                           window.splitter.width())
        report("open_beside_bare_qt", bare_beside * 1000, "ms", bare_alone * 1000)
        window.show()
        _settle(app)

        left = window.panes[0]
        right = window.open_beside(copy_id)
        assert right is not None
        while not (left.all_loaded and right.all_loaded):
            app.processEvents()
        # The books' suggestions come from workers and take the GUI thread a while to
        # show: wait until both are shown (seconds on a slow machine), then a little more.
        deadline = time.perf_counter() + 120
        while ((left.suggestions.shown_for(), right.suggestions.shown_for())
               != (book_id, copy_id) and time.perf_counter() < deadline):
            _settle(app, 0.05)
        _settle(app, 0.5)
        mention = next(r for r in left.records() if r.entity_id is not None)
        viewports = [left.pane.body_viewport(), right.pane.body_viewport()]
        left.pane.scroll_to(mention.start)
        app.processEvents()
        moves = []
        for run in range(43):
            target = mention.id if run % 2 == 0 else 0
            took = _until_painted(viewports, lambda t=target: left.pane.hovered.emit(t))
            if target:
                moves.append(took)
        marked = len(left.marked()) + len(right.marked())
        print(f"# cross_highlight: {marked} mentions marked across the two panes", flush=True)
        report("cross_highlight", statistics.median(moves[1:]) * 1000, "ms")

        # Scrolling the book a page at a time, beside a short article and alone.
        window.close_pane(right)
        beside_short = window.open_beside(shorts[0])
        assert beside_short is not None
        window.focus_pane(left)
        app.processEvents()
        paired = _scroll_times(app, left)
        window.close_pane(beside_short)
        app.processEvents()
        alone_times = _scroll_times(app, left)
        print(f"# scroll_beside: slowest page {max(paired) * 1000:.1f} ms beside a short "
              f"article, {max(alone_times) * 1000:.1f} ms alone", flush=True)
        report("scroll_beside", statistics.median(paired) * 1000, "ms",
               statistics.median(alone_times) * 1000)
        window.close()


if __name__ == "__main__":
    main()
