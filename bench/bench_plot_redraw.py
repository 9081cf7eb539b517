"""plot_redraw: from one annotation change to the visible plot redrawn, 1,000,000 annotations.

The database is :mod:`bench_aggregates`' (5,000 articles, 1,000,000 annotations),
built by its :func:`~bench_aggregates.build`. A plots dock on the "Top entities"
tab listens to an :class:`~desktop.ui.commands.OperationRunner` as in the main
window. Each step tags one entity mention (or undoes it, turn about) through the
runner, fires the debounce timer at once (the bench does not wait its 150 ms),
waits for the dock to redraw (computed on a worker thread for the corpus) and
repaints the chart; the worker thread's exit after that is not timed.

value: median time of one step for the current-article scope (``plot_redraw``)
and for the whole corpus: "Top entities" (``plot_redraw_corpus``), "Money per
entity" by relations, the dock's default rule (``plot_redraw_corpus_money``),
and "Timeline" (``plot_redraw_corpus_timeline``). baseline: the bare SQL
``GROUP BY`` over the annotations that the plot's figures are defined by
(``bench_aggregates.BARE_MENTIONS``, restricted to the article for the article
scope; ``BARE_MONEY_RELATION``; ``BARE_MONTH_MENTIONS`` + ``BARE_MONTH_MONEY``)
on a plain sqlite3 connection: what a redraw computing them afresh would at
least wait for. Over the corpus the dock reads the summaries of
:mod:`db.summaries` instead, updated for the one changed article, so these
ratios are below 1.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import report  # noqa: E402
from bench_aggregates import (  # noqa: E402
    BARE_MENTIONS,
    BARE_MONEY_RELATION,
    BARE_MONTH_MENTIONS,
    BARE_MONTH_MONEY,
    build,
)

STEPS = 9
# The label distribution over the accepted annotations (the Labels tab).
BARE_LABELS = ("SELECT label_id, COUNT(*) FROM annotation WHERE status = 'accepted' "
               "GROUP BY label_id")
ARTICLE_ID = 1
BARE_ARTICLE_MENTIONS = BARE_MENTIONS.replace(
    "WHERE a.status = 'accepted' AND a.entity_id IS NOT NULL",
    "WHERE a.status = 'accepted' AND a.entity_id IS NOT NULL AND a.article_id = ?")


def _wait(app, until: Callable[[], bool], timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    """Runs the event loop until ``until()`` holds."""
    started = time.perf_counter()
    while not until():
        app.processEvents()
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the plot was not redrawn")
        time.sleep(0.0005)


def _median_step(app, dock, runner, record, steps: int = STEPS) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median (whole step, write and emit only) in seconds over ``steps`` changes."""
    from desktop.core.operations import AddAnnotations

    totals, writes = [], []
    for step in range(steps + 1):  # the first one warms up
        drawn: list[str] = []
        dock.refreshed.connect(drawn.append)
        started = time.perf_counter()
        if step % 2 == 0:
            runner.run(AddAnnotations([record], name="Tag ORG"))
        else:
            runner.undo()
        written = time.perf_counter()
        dock.refresh_timer.timeout.emit()  # what the debounce timer does 150 ms later
        _wait(app, lambda drawn=drawn: bool(drawn))
        dock.chart().viewport().repaint()  # paint now, not at the next event loop turn
        finished = time.perf_counter()
        dock.refreshed.disconnect(drawn.append)
        _wait(app, lambda: not dock.is_busy())  # the worker thread ends, untimed
        if step:
            totals.append(finished - started)
            writes.append(written - started)
    return statistics.median(totals), statistics.median(writes)


def _bare(path: Path, statements: tuple[str, ...], params: tuple[int, ...] = (),
          repeat: int = 7) -> float:
    """Median time of running ``statements`` one after the other on a plain connection."""
    con = sqlite3.connect(path)
    try:
        times = []
        for _ in range(repeat + 1):
            started = time.perf_counter()
            for sql in statements:
                con.execute(sql, params).fetchall()
            times.append(time.perf_counter() - started)
        return statistics.median(times[1:])
    finally:
        con.close()


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMainWindow

    from db.annotations import label_by_name
    from db.connection import close_database, open_database
    from desktop.core.operations import new_annotation
    from desktop.ui.commands import OperationRunner
    from desktop.ui.plots import PlotsDock

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plots.sqlite3"
        started = time.perf_counter()
        counts = build(path)
        print(f"# plot_redraw: built {counts} in {time.perf_counter() - started:.1f} s",
              flush=True)
        open_database(path)
        body = "Body of article 1."  # what build() stores
        record = new_annotation(body, ARTICLE_ID, label_by_name("ORG").id, 0, 4, entity_id=1)

        host = QMainWindow()
        runner = OperationRunner(parent=host)
        dock = PlotsDock(lambda: ARTICLE_ID, lambda: [ARTICLE_ID], lambda: None, host)
        runner.changed.connect(dock.schedule_refresh)
        host.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        host.resize(1200, 800)
        host.show()
        results: dict[str, tuple[float, float, float]] = {}
        for scope, statements, params in (
                ("article", (BARE_ARTICLE_MENTIONS,), (ARTICLE_ID,)),
                ("corpus", (BARE_MENTIONS,), ())):
            dock.set_scope(scope)
            _wait(app, lambda: dock.figure() is not None and not dock.is_busy())
            total, write = _median_step(app, dock, runner, record)
            results[scope] = (total, write, _bare(path, statements, params))
        for kind, statements in (("money", (BARE_MONEY_RELATION,)),
                                 ("timeline", (BARE_MONTH_MENTIONS, BARE_MONTH_MONEY))):
            dock.set_kind(kind)  # type: ignore[arg-type]
            _wait(app, lambda: not dock.is_busy())
            total, write = _median_step(app, dock, runner, record)
            results[f"corpus_{kind}"] = (total, write, _bare(path, statements))
        dock.set_kind("labels")
        _wait(app, lambda: not dock.is_busy())
        total, write = _median_step(app, dock, runner, record)
        results["corpus_labels"] = (total, write, _bare(path, (BARE_LABELS,)))
        host.close()
        close_database()
    for name, (total, write, bare) in results.items():
        print(f"# plot_redraw {name}: {total * 1000:.1f} ms a step, of which "
              f"{write * 1000:.1f} ms write and change signal; bare query {bare * 1000:.1f} ms",
              flush=True)
    for name, key in (("plot_redraw", "article"), ("plot_redraw_corpus", "corpus"),
                      ("plot_redraw_corpus_money", "corpus_money"),
                      ("plot_redraw_corpus_timeline", "corpus_timeline"),
                      ("plot_redraw_corpus_labels", "corpus_labels")):
        report(name, results[key][0] * 1000, "ms", results[key][2] * 1000)


if __name__ == "__main__":
    main()
