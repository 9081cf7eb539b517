"""What other app instances write to the open database, shown in this window within a second.

Another window on the same file, ``marginalia import`` in a terminal, or a
colleague on the team database: each logs its writes (:mod:`db.change_log`).
:class:`LiveUpdates` reads the rows the others logged and announces them
through the :class:`~desktop.ui.commands.OperationRunner`, as one
:class:`~desktop.core.changes.Change` (:mod:`desktop.core.remote_changes`),
so every view updates as it does for the user's own operations. Nothing goes
on the undo stack: the user undoes only their own steps.

* SQLite: a timer asks the file's ``PRAGMA data_version`` every
  :data:`INTERVAL_MS` (a number kept in shared memory: no read of the file);
  only when it has moved is the log read.
* PostgreSQL: a thread of its own waits for the server's notifications and
  wakes the GUI thread, which reads the log; the same timer, slower
  (:data:`SERVER_INTERVAL_MS`), catches what a lost connection missed.

The watch starts when the window is built (the database is open by then)
and stops when it closes, or before the database is replaced (a backup
restored) and starts again after.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from db import change_log, connection

if TYPE_CHECKING:
    from desktop.core.changes import Change
    from desktop.ui.commands import OperationRunner

INTERVAL_MS = 250
"""How often a file's version is asked for."""
SERVER_INTERVAL_MS = 1000
"""How often a team database's log is read besides its notifications."""
WAIT_S = 0.25
"""How long the listener waits at a time (and so the longest a stop waits for it)."""
RETRY_S = 2.0
"""How long the listener waits before connecting again after the server was lost."""
STOP_WAIT_S = 2.0
"""How long a stop waits for the listener thread at most."""


class LiveUpdates(QObject):
    """Announces the other processes' writes to the open database through the runner.

    Signals:
        shown(Change): a change written elsewhere was announced to the views.
    """

    shown = Signal(object)
    _noticed = Signal()  # from the listener thread: read the log on the GUI thread

    def __init__(self, runner: OperationRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_tick)
        self._noticed.connect(self.check_now)  # queued: emitted by the listener thread
        self._last = 0
        self._version: int | None = None
        self._listener: threading.Thread | None = None
        self._stopping = threading.Event()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> bool:
        """Follows the database open now, from its last logged write; False if it can't.

        Writes logged before this are taken as shown: the views read the
        database after this is called.
        """
        self.stop()
        try:
            self._last = change_log.latest_id()
            self._version = change_log.data_version()
        except Exception:  # no log to follow: no database open (peewee's errors among these)
            return False
        opened = connection.opened()
        url = opened.url if opened is not None else None
        if url is None:
            self._timer.start(INTERVAL_MS)
            return True
        self._timer.start(SERVER_INTERVAL_MS)
        self._stopping = threading.Event()
        self._listener = threading.Thread(target=self._listen, args=(url, self._stopping),
                                          name="marginalia-live-updates", daemon=True)
        self._listener.start()
        return True

    def stop(self) -> None:
        """Stops following the database; returns when the listener thread has ended.

        (Within :data:`WAIT_S`; a thread still connecting to a server that does
        not answer is not waited for longer than :data:`STOP_WAIT_S`: it ends by
        itself, without a word to this object.)
        """
        self._timer.stop()
        self._stopping.set()
        if self._listener is not None:
            self._listener.join(STOP_WAIT_S)
            self._listener = None

    def check_now(self) -> Change | None:
        """Reads what the others logged since the last look and announces it (or None)."""
        if not self.running:
            return None  # a notice queued before a stop
        return self._read()[1]

    def _read(self) -> tuple[bool, Change | None]:
        """Reads the log and announces what it holds; False if it could not be read."""
        from desktop.core.changes import Change
        from desktop.core.remote_changes import change_from_log

        try:
            if change_log.lost(self._last):
                # The log went back (a backup restored by another window) or was pruned
                # past what this window read: what the views hold can't be patched.
                self._last = change_log.latest_id()
                change: Change | None = Change(reload=True, concurrent=True, remote=True)
            else:
                rows, self._last = change_log.read_since(self._last)
                change = change_from_log(rows) if rows else None
        except Exception:  # noqa: BLE001 — read again at the next tick, on a new connection
            # (a database being replaced, a team database's connection lost: sqlite3's,
            # peewee's or psycopg's errors alike).
            _reconnect()
            return False, None
        if change is not None:
            self._runner.announce(change)
            self.shown.emit(change)
        return True, change

    def _on_tick(self) -> None:
        try:
            version = change_log.data_version()
        except Exception:  # noqa: BLE001 — as in _read: asked again next tick, reconnected
            _reconnect()
            return
        if version != self._version and self._read()[0]:
            self._version = version

    def _listen(self, url: str, stopping: threading.Event) -> None:
        """The listener thread: wakes the GUI thread at each of the others' writes."""
        try:
            while not stopping.is_set():
                try:
                    noticed = change_log.wait_for_notice(url, WAIT_S)
                except Exception:  # the server is gone: the timer reads on meanwhile
                    stopping.wait(RETRY_S)
                    continue
                if noticed and not stopping.is_set():
                    try:
                        self._noticed.emit()
                    except RuntimeError:  # the window went while this thread connected
                        return
        finally:
            change_log.stop_waiting()


def _reconnect() -> None:
    """Drops this thread's connection after a failed read, so that the next one opens
    a new one (peewee connects again by itself, with the triggers or the origin)."""
    try:
        connection.close_thread_connection()
    except Exception:  # noqa: BLE001 — a transaction still open: the next read tries again
        return
