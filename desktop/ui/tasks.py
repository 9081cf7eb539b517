"""One place that runs long work off the GUI thread, with progress and cancel.

Imports, exports and slow operations (tag all over the corpus) all go
through :class:`TaskRunner`: one at a time, on a worker thread, with a
window-modal progress dialog that appears only if the work lasts more than
~600 ms and whose Cancel asks the work to stop at its next safe point.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop import APP_NAME

if TYPE_CHECKING:  # the thread machinery loads with the first task, after the first paint
    from desktop.core.progress import Progress
    from desktop.ui.workers import BackgroundTask

# Work quicker than this shows no dialog at all.
SHOW_PROGRESS_AFTER_MS = 600


class TaskRunner(QObject):
    """Runs one background task at a time for a window.

    Signals:
        refused(str): a task was asked for while another one runs.
    """

    refused = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._task: BackgroundTask | None = None
        self.dialog: QtWidgets.QProgressDialog | None = None

    @property
    def current(self) -> BackgroundTask | None:
        """The running task, if any: one whose outcome the GUI thread has not had yet.

        Once it has, the next task may start, even if the last one's thread
        is still returning (each task has its own thread).
        """
        task = self._task
        return task if task is not None and task.is_running() and not task.ended else None

    def start(self, title: str, work: Callable[..., Any]) -> BackgroundTask | None:
        """Starts ``work(progress=…, cancel=…)`` on a worker thread; None if one runs."""
        if self.current is not None:
            self.refused.emit(self.tr("Another import, export or long change is still running."))
            return None
        from desktop.ui.workers import BackgroundTask

        task = BackgroundTask(work, self)
        self.dialog = self._progress_dialog(title, task)
        task.done.connect(self.dialog.close)
        self._task = task
        task.start()
        return task

    def cancel_and_wait(self) -> None:
        """Stops the running task at its next safe point and waits for its thread."""
        task = self.current
        if task is not None:
            task.cancel()
        if self._task is not None:
            self._task.wait()  # also a thread that delivered its outcome and is returning

    def _progress_dialog(self, title: str, task: BackgroundTask) -> QtWidgets.QProgressDialog:
        from desktop.core.progress import time_left
        from desktop.ui.workers import progress_fraction

        dialog = QtWidgets.QProgressDialog(title, self.tr("Cancel"), 0, 1000, self._window)
        dialog.setWindowTitle(APP_NAME)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)
        started = time.monotonic()

        def show_progress(progress: Progress) -> None:
            fraction = progress_fraction(progress)
            if fraction is None:
                dialog.setMaximum(0)
            else:
                dialog.setValue(fraction)
            left = time_left(time.monotonic() - started, progress.fraction)
            text = progress.message or title
            dialog.setLabelText(f"{text} — {left}" if left else text)

        task.progressed.connect(show_progress)
        return dialog
