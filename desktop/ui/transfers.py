"""Importing and exporting from the window: file dialogs, background work, reports.

The import and export themselves are Qt-free functions of the core
(``desktop.core.importers``, ``desktop.core.exporters``) run on the window's
:class:`~desktop.ui.tasks.TaskRunner`. When an import ends, its change goes
out on the operation runner's channel, so every view (the library, the
plots…) hears of the new articles like any other change.

A file that can't be imported never stops the others: the core reports it
(file and reason) in the import's report, and the window lists those
problems in words when the import ends, the first few at once and all of
them under "Show Details".
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.ui import settings as keys

if TYPE_CHECKING:
    from desktop.core.import_formats import ImportNote, ImportProblem
    from desktop.core.importers import ImportReport
    from desktop.ui.commands import OperationRunner
    from desktop.ui.settings import Settings
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.workers import BackgroundTask

IMPORT_FILTER = "Articles (*.txt *.md *.markdown *.jsonl *.jsonl.gz);;All files (*)"
EXPORT_FILTER = ("JSON Lines, one article per line (*.jsonl);;"
                 "CSV, one annotation per row (*.csv)")
SHOWN_PROBLEMS = 5
"""Problems listed in the message itself when an import ends; the rest are in its details."""


class Transfers(QObject):
    """Import files or folders and export annotations, for one window.

    Signals:
        import_finished(object): an import ended; carries the ImportReport.
    """

    import_finished = Signal(object)

    def __init__(self, window: QWidget, tasks: TaskRunner, runner: OperationRunner,
                 settings: Settings, say: Callable[[str, int], None],
                 show_error: Callable[[str, str], None]) -> None:
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self._runner = runner
        self._settings = settings
        self._say = say
        self._show_error = show_error

    def import_paths(self, paths: list[str]) -> BackgroundTask | None:
        """Imports files or folders in the background, with progress."""
        if not paths:
            return None
        from desktop.core.importers import import_paths  # loaded on first use: faster start

        task = self._tasks.start("Importing articles…",
                                 functools.partial(import_paths, list(paths)))
        if task is not None:
            task.succeeded.connect(self._on_import_succeeded)
            task.failed.connect(lambda message: self._show_error("Import failed", message))
        return task

    def export_to(self, path: str, fmt: str) -> BackgroundTask | None:
        """Exports every article with its annotations, in the background."""
        from desktop.core import exporters  # loaded on first use: faster start

        work = exporters.export_csv if fmt == "csv" else exporters.export_jsonl
        task = self._tasks.start("Exporting…", functools.partial(work, path))
        if task is not None:
            task.succeeded.connect(
                lambda count: self._say(f"Exported {count} to {path}.", 8000))
            task.failed.connect(lambda message: self._show_error("Export failed", message))
            task.cancelled.connect(
                lambda: self._say(f"Export cancelled; {path} was not written.", 8000))
        return task

    def ask_files(self) -> None:
        """File ▸ Import files…"""
        paths, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self._window, "Import articles", self._settings.get(keys.LAST_IMPORT_DIR),
            IMPORT_FILTER)
        if paths:
            self._settings.set(keys.LAST_IMPORT_DIR, str(Path(paths[0]).parent))
            self.import_paths(paths)

    def ask_folder(self) -> None:
        """File ▸ Import folder…"""
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self._window, "Import a folder of articles",
            self._settings.get(keys.LAST_IMPORT_DIR))
        if folder:
            self._settings.set(keys.LAST_IMPORT_DIR, folder)
            self.import_paths([folder])

    def ask_export(self) -> None:
        """File ▸ Export…"""
        start = str(Path(self._settings.get(keys.LAST_EXPORT_DIR) or Path.home())
                    / "marginalia-export.jsonl")
        path, chosen = QtWidgets.QFileDialog.getSaveFileName(
            self._window, "Export annotations", start, EXPORT_FILTER)
        if not path:
            return
        fmt = "csv" if path.endswith(".csv") or chosen.startswith("CSV") else "jsonl"
        self._settings.set(keys.LAST_EXPORT_DIR, str(Path(path).parent))
        self.export_to(path, fmt)

    def _on_import_succeeded(self, report: ImportReport) -> None:
        from desktop.core.changes import Change

        # Every view hears of the new articles (the library lists them, the
        # plots count their annotations).
        self._runner.announce(Change(articles_added=frozenset(report.imported),
                                     article_ids=frozenset(report.imported)))
        self._say(report.summary(), 10000)
        if report.problems or report.notes:
            # Notes (a file read in a legacy encoding, a README skipped) are no
            # failure, but the user should check or know of them.
            icon, title = ((QtWidgets.QMessageBox.Icon.Warning, "Some files were not imported")
                           if report.problems else
                           (QtWidgets.QMessageBox.Icon.Information, "Import notes"))
            problems = sorted(report.problems, key=_by_file_and_line)
            box = QtWidgets.QMessageBox(icon, title, report.summary(), parent=self._window)
            box.setInformativeText(_first_problems(problems, report.notes))
            box.setDetailedText("\n".join(
                [_problem_line(p, p.path) for p in problems]
                + [str(note) for note in report.notes]))
            box.open()
        self.import_finished.emit(report)


def _by_file_and_line(problem: ImportProblem) -> tuple[str, bool, int]:
    """Sorts problems by file, then line; a file's own problems after its lines'."""
    return problem.path, problem.line is None, problem.line or 0


def _problem_line(problem: ImportProblem, name: str) -> str:
    line = f" (line {problem.line:,})" if problem.line else ""
    return f"{name}{line}: {problem.reason}"


def _first_problems(problems: list[ImportProblem], notes: list[ImportNote]) -> str:
    """The first problems (else notes), by file name, for the message itself."""
    lines = [_problem_line(p, Path(p.path).name) for p in problems[:SHOWN_PROBLEMS]]
    if not lines:
        lines = [f"{Path(n.path).name}: {n.message}" for n in notes[:SHOWN_PROBLEMS]]
    rest = len(problems) - SHOWN_PROBLEMS if problems else len(notes) - SHOWN_PROBLEMS
    if rest > 0:
        lines.append(f"… and {rest:,} more (Show Details… lists them all).")
    return "\n".join(lines)
