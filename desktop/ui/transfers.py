"""Importing and exporting from the window: file dialogs, background work, reports.

The import and export themselves are Qt-free functions of the core
(``desktop.core.importers``, ``desktop.core.export_formats``) run on the window's
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
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.ui import settings as keys

if TYPE_CHECKING:
    from desktop.core.export_formats import ExportResult
    from desktop.core.import_formats import ImportNote, ImportProblem
    from desktop.core.importers import ImportReport
    from desktop.ui.commands import OperationRunner
    from desktop.ui.export_dialog import ExportDialog, ExportScopes
    from desktop.ui.settings import Settings
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.workers import BackgroundTask

_ARTICLE_FILES = "*.txt *.md *.markdown *.jsonl *.jsonl.gz *.html *.htm *.pdf *.zip"
SHOWN_PROBLEMS = 5
"""Problems listed in the message itself when an import ends; the rest are in its details."""


class Transfers(QObject):
    """Import files or folders and export annotations, for one window.

    Signals:
        import_finished(object): an import ended; carries the ImportReport.
        export_finished(object): an export ended; carries the ExportResult.

    Attributes:
        export_dialog: the last File ▸ Export… dialog (None before the first).
    """

    import_finished = Signal(object)
    export_finished = Signal(object)

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
        self.export_dialog: ExportDialog | None = None

    def import_paths(self, paths: list[str]) -> BackgroundTask | None:
        """Imports files or folders in the background, with progress."""
        if not paths:
            return None
        from desktop.core.importers import import_paths  # loaded on first use: faster start

        task = self._tasks.start(self.tr("Importing articles…"),
                                 functools.partial(import_paths, list(paths)))
        if task is not None:
            task.succeeded.connect(self._on_import_succeeded)
            task.failed.connect(lambda message: self._show_error(self.tr("Import failed"),
                                                                 message))
        return task

    def export_to(self, path: str, fmt: str,
                  article_ids: list[int] | None = None) -> BackgroundTask | None:
        """Exports the articles (every one if None) in format ``fmt``, in the background.

        When it ends, the status bar says what was written; what the format
        could not carry is listed in a message, each annotation by name.
        """
        from desktop.core import export_formats  # loaded on first use: faster start

        ids = None if article_ids is None else list(article_ids)
        task = self._tasks.start(self.tr("Exporting…"), functools.partial(
            export_formats.export, fmt, path, ids))
        if task is not None:
            task.succeeded.connect(lambda result: self._on_export_succeeded(path, result))
            task.failed.connect(lambda message: self._show_error(self.tr("Export failed"),
                                                                 message))
            task.cancelled.connect(lambda: self._say(
                self.tr("Export cancelled; {path} was not written.").format(path=path), 8000))
        return task

    def ask_files(self) -> None:
        """File ▸ Import files…"""
        paths, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self._window, self.tr("Import articles"), self._settings.get(keys.LAST_IMPORT_DIR),
            self.import_filter())
        if paths:
            self._settings.set(keys.LAST_IMPORT_DIR, str(Path(paths[0]).parent))
            self.import_paths(paths)

    def ask_folder(self) -> None:
        """File ▸ Import folder…"""
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self._window, self.tr("Import a folder of articles"),
            self._settings.get(keys.LAST_IMPORT_DIR))
        if folder:
            self._settings.set(keys.LAST_IMPORT_DIR, folder)
            self.import_paths([folder])

    def import_filter(self) -> str:
        """The file dialog's filters for an import."""
        return ";;".join((
            self.tr("Articles ({patterns})").format(patterns=_ARTICLE_FILES),
            self.tr("Web pages saved from a browser ({patterns})").format(
                patterns="*.html *.htm"),
            "PDF (*.pdf)",
            self.tr("All files ({patterns})").format(patterns="*")))

    def ask_export(self) -> ExportDialog:
        """File ▸ Export…: the format and what to export, then the file."""
        from desktop.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self._export_scopes(), self._window)
        dialog.chosen.connect(self._on_export_chosen)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def _export_scopes(self) -> ExportScopes:
        """The open article, the library's selection and its size, from the window."""
        from desktop.ui.export_dialog import ExportScopes

        window = self._window
        controller = getattr(window, "active", None)
        article = getattr(controller, "article", None)
        library = getattr(window, "library", None)
        return ExportScopes(
            article=(article.id, article.title) if article is not None else None,
            selection=tuple(library.selected_article_ids()) if library is not None else (),
            total=library.model().total_count() if library is not None else 0)

    def _on_export_chosen(self, fmt: str, article_ids: list[int] | None) -> None:
        from desktop.core.export_formats import FORMATS
        from desktop.ui.export_dialog import format_text

        export_format = FORMATS[fmt]
        start = str(Path(self._settings.get(keys.LAST_EXPORT_DIR) or Path.home())
                    / f"marginalia-{fmt}{export_format.suffix}")
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self._window, self.tr("Export annotations"), start,
            export_format.file_filter or f"{format_text(export_format.title)} "
                                         f"(*{export_format.suffix})")
        if not path:
            return
        if not path.lower().endswith(export_format.suffix):
            path += export_format.suffix
        self._settings.set(keys.LAST_EXPORT_DIR, str(Path(path).parent))
        self.export_to(path, fmt, article_ids)

    def _on_export_succeeded(self, path: str, result: ExportResult) -> None:
        from desktop.ui.plain_text import as_plain_text

        self._say(result.summary(path), 10000)
        if result.left_out:
            box = QtWidgets.QMessageBox(
                QtWidgets.QMessageBox.Icon.Information,
                self.tr("Some annotations were not exported"),
                as_plain_text(result.summary(path)), parent=self._window)
            box.setInformativeText(as_plain_text(
                self.tr("The format cannot carry these annotations as they are; they were "
                        "left out, not moved:") + "\n"
                + "\n".join(map(str, result.left_out[:SHOWN_PROBLEMS]))
                + ("\n" + _more(len(result.left_out) - SHOWN_PROBLEMS)
                   if len(result.left_out) > SHOWN_PROBLEMS else "")))
            box.setDetailedText("\n".join(map(str, result.left_out)))
            box.open()
        self.export_finished.emit(result)

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
            icon, title = ((QtWidgets.QMessageBox.Icon.Warning,
                            self.tr("Some files were not imported"))
                           if report.problems else
                           (QtWidgets.QMessageBox.Icon.Information, self.tr("Import notes")))
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


def _more(count: int) -> str:
    """The last line of a list cut short: "… and 12 more (Show Details… lists them all)."."""
    from desktop.core.i18n import number

    return QCoreApplication.translate(
        "Transfers", "… and {count} more (Show Details… lists them all).").format(
        count=number(count))


def _problem_line(problem: ImportProblem, name: str) -> str:
    from desktop.core.i18n import number

    if problem.line:
        return QCoreApplication.translate("Transfers", "{file} (line {line}): {reason}").format(
            file=name, line=number(problem.line), reason=problem.reason)
    return f"{name}: {problem.reason}"


def _short_name(path: str) -> str:
    """A file's name for the message ("a.txt"); an archive's entry keeps the
    archive's name before its own ("articles.zip:2024/a.txt")."""
    found = re.search(r"\.zip:", path, re.IGNORECASE)
    if found:
        return Path(path[:found.start() + 4]).name + path[found.start() + 4:]
    return Path(path).name


def _first_problems(problems: list[ImportProblem], notes: list[ImportNote]) -> str:
    """The first problems (else notes), by file name, for the message itself."""
    lines = [_problem_line(p, _short_name(p.path)) for p in problems[:SHOWN_PROBLEMS]]
    if not lines:
        lines = [f"{_short_name(n.path)}: {n.message}" for n in notes[:SHOWN_PROBLEMS]]
    rest = len(problems) - SHOWN_PROBLEMS if problems else len(notes) - SHOWN_PROBLEMS
    if rest > 0:
        lines.append(_more(rest))
    return "\n".join(lines)
