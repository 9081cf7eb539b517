"""Running long operations (import, export) off the GUI thread.

The work is a plain function from ``desktop.core`` that takes ``progress``
and ``cancel`` arguments. It runs in a QThread; its progress reaches the
GUI through queued signals, and widgets are only touched from the GUI
thread. The worker closes its own database connection when done.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.core.progress import Cancelled, CancelToken, Progress

GIL_SWITCH_SECONDS = 0.0005
"""How long a thread may hold the GIL while another waits for it (Python's default: 5 ms).

The GUI thread gives up the GIL whenever it waits (on the database, in calls
into Qt) and must then wait to get it back while a worker runs Python (the
name model loading, a long text's suggestions matched again after each tag):
up to the whole interval each time, and a keypress waits many times. Tagging a word in the
2.4 MB book while its suggestions were matched again took a median 619 ms
with 5 ms, 127 ms with 1 ms and 62 ms with 0.5 ms (alone: 13 ms). The
switches cost only while two threads want the GIL at once."""


def keep_gui_responsive() -> None:
    """Lets the GUI thread get the GIL back soon while workers run (see
    :data:`GIL_SWITCH_SECONDS`); the main window calls it."""
    if sys.getswitchinterval() > GIL_SWITCH_SECONDS:
        sys.setswitchinterval(GIL_SWITCH_SECONDS)


class _Worker(QObject):
    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Callable[..., Any], cancel: CancelToken) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(progress=self.progressed.emit, cancel=self._cancel)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)
        finally:
            from db.connection import close_thread_connection

            close_thread_connection()
            # Quit from here, not through a queued signal: a GUI thread blocked
            # in wait() would never deliver it.
            QThread.currentThread().quit()


class BackgroundTask(QObject):
    """One long operation on its own thread.

    Signals:
        progressed(Progress): from the work, in the GUI thread.
        succeeded(object): the work's return value.
        failed(str): the exception's message.
        cancelled(): the work stopped because it was cancelled.
        done(): after any of these, when the thread has stopped.
    """

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, work: Callable[..., Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel_token = CancelToken()
        self._thread = QThread()
        self._worker = _Worker(work, self.cancel_token)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed)
        self._worker.succeeded.connect(self.succeeded)
        self._worker.failed.connect(self.failed)
        self._worker.cancelled.connect(self.cancelled)
        self._thread.finished.connect(self.done)
        # Set when the outcome reaches the GUI thread, before the other slots run:
        # a slot that starts the next task must not find this one still "running"
        # while its thread only returns (see TaskRunner.current).
        self.ended = False
        for outcome in (self.succeeded, self.failed, self.cancelled):
            outcome.connect(self._end)

    def _end(self, *_args: object) -> None:
        self.ended = True

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def wait(self) -> None:
        self._thread.wait()

    def is_running(self) -> bool:
        return self._thread.isRunning()


def progress_fraction(progress: Progress) -> int | None:
    """Per mille done, or None when the total is unknown."""
    if not progress.total:
        return None
    return min(1000, int(1000 * progress.done / progress.total))
