"""Backups in the window: the schedule that makes them, and File ▸ Restore a backup….

:class:`BackupSchedule` backs the open database up (:func:`db.backups.backup_now`)
a few seconds after the window has painted, then at most every
:data:`BACKUP_EVERY_MINUTES` minutes while changes are made (it hears of each
through the runner). Each backup runs on a worker thread, so the window never
waits for the copy (only quitting waits for one being written); a failure is
said in the status bar, never in a dialog.

:class:`BackupDialog` lists the backups, newest first, and restores the one
chosen after a confirmation that says what happens to the current file. The
window does the restoring (it must stop its own readers and show the
restored articles): the dialog calls it and shows its refusal, if any.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import backups
from db.backups import Backup
from desktop.ui import themes
from desktop.ui.i18n import format_date
from desktop.ui.plain_text import as_plain_text

if TYPE_CHECKING:
    import datetime as dt

    from desktop.core.changes import Change
    from desktop.ui.commands import OperationRunner
    from desktop.ui.workers import BackgroundTask

BACKUP_EVERY_MINUTES = 10
"""At most one backup this often while changes are made (and one at each start)."""
START_AFTER_S = 5.0
"""The start's backup waits this long after the first paint, so that it does not
compete with the work start-up puts off until then (suggestions, docks)."""

# Restores the backup; returns why it was refused, or None when it was done.
RestoreBackup = Callable[[Path], "str | None"]

# In English; the dialog shows them translated.
KINDS = {"backup": QT_TRANSLATE_NOOP("BackupDialog", "Automatic backup"),
         "replaced": QT_TRANSLATE_NOOP("BackupDialog", "Kept before a restore")}
COLUMNS = (QT_TRANSLATE_NOOP("BackupDialog", "Saved"),
           QT_TRANSLATE_NOOP("BackupDialog", "Articles"),
           QT_TRANSLATE_NOOP("BackupDialog", "Size"),
           QT_TRANSLATE_NOOP("BackupDialog", "Kind"))


class BackupSchedule(QObject):
    """Backs up the open database on start, then at most every few minutes of activity.

    The timer's slot is :meth:`back_up_if_due`; tests call it themselves with
    a fake ``clock`` (seconds, like :func:`time.monotonic`).

    Signals:
        finished(object): a backup ended (its thread too): the new file's
            Path, or None when nothing had changed since the newest backup
            (or it failed).
        failed(str): a backup could not be made; the message names the file
            and the reason. Sent just before ``finished``.

    Attributes:
        database: gives the file to back up (the one the app has open).
        timer: waits for the next backup once changes were made.
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, runner: OperationRunner, parent: QObject | None = None,
                 interval_s: float = BACKUP_EVERY_MINUTES * 60,
                 clock: Callable[[], float] = time.monotonic,
                 database: Callable[[], Path | None] = backups.bound_path) -> None:
        super().__init__(parent)
        self.interval_s = interval_s
        self._clock = clock
        self.database = database
        self._last: float | None = None  # when the last backup started (clock seconds)
        self._pending = False  # changes were made since then
        self._task: BackgroundTask | None = None
        self._finished_task: BackgroundTask | None = None
        self._outcome: tuple[Path | None, str | None] = (None, None)  # the task's
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.back_up_if_due)
        runner.changed.connect(self._on_changed)
        app = QCoreApplication.instance()
        if app is not None:  # a copy being written is finished, not left half-done
            app.aboutToQuit.connect(self.wait)

    @property
    def running(self) -> bool:
        """True while a backup is being written."""
        return self._task is not None

    def start(self, after_s: float = 0.0) -> bool:
        """Backs up now, or in ``after_s`` seconds (as when the window starts),
        whatever the interval; then follows the schedule.

        Returns True if a backup started now (not when one is being written).
        """
        self._pending = True
        self._last = None
        if after_s > 0:
            self.timer.stop()
            self._arm(after_s)
            return False
        return self.back_up_if_due()

    def back_up_if_due(self) -> bool:
        """Starts a backup if changes wait and the last one is old enough.

        Otherwise it waits for the time left (when changes wait). Returns
        True if a backup started.
        """
        if not self._pending or self.running:
            return False
        left = self._time_left()
        if left > 0:
            self._arm(left)
            return False
        path = self.database()
        if path is None:
            return False
        from desktop.ui.workers import BackgroundTask

        self._pending = False
        self._last = self._clock()
        self._release_finished_task()
        task = BackgroundTask(lambda progress, cancel: backups.backup_now(path), self)
        self._outcome = (None, None)
        task.succeeded.connect(lambda backup: self._set_outcome(backup, None))
        task.failed.connect(lambda message: self._set_outcome(None, message))
        task.done.connect(self._on_done)
        self._task = task
        task.start()
        return True

    def wait(self) -> None:
        """Waits for the backup being written, if any (before the window closes or
        the database is replaced)."""
        self.timer.stop()
        if self._task is not None:
            self._task.wait()

    def _release_finished_task(self) -> None:
        """Lets the last backup's task (its thread long ended) be deleted, now."""
        if self._finished_task is not None:
            self._finished_task.wait()
            self._finished_task.setParent(None)
            self._finished_task = None

    def _time_left(self) -> float:
        if self._last is None:
            return 0.0
        return self._last + self.interval_s - self._clock()

    def _arm(self, seconds: float) -> None:
        if not self.timer.isActive():
            self.timer.start(max(0, int(seconds * 1000)))

    def _on_changed(self, _change: Change) -> None:
        self._pending = True
        if not self.running:
            self._arm(self._time_left())

    def _set_outcome(self, backup: Path | None, problem: str | None) -> None:
        self._outcome = (backup, problem)

    def _on_done(self) -> None:
        # Kept until the next backup starts: deleting it from its own signal, or
        # with deleteLater (pending when the schedule goes), is unsafe.
        self._finished_task, self._task = self._task, None
        backup, problem = self._outcome
        if self._pending:  # changes made while it was written: the next one in due time
            self._arm(self._time_left())
        if problem is not None:
            self.failed.emit(problem)
        self.finished.emit(backup)


class BackupDialog(QDialog):
    """The backups of the open database, newest first, and a Restore button.

    Enter restores the selected backup (after the confirmation), as does a
    double click; Esc closes.

    Attributes:
        tree: one row per file: when it was saved (local time), how many
            articles it holds, its size and its kind.
        restore_button: restores the selected backup (the default button).
        message_label: why the last restore was refused (hidden otherwise).
        restored: the backup restored, once done.
    """

    def __init__(self, db_path: Path, restore: RestoreBackup,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db_path = db_path
        self._restore = restore
        self._backups: list[Backup] = []
        self.restored: Path | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 50)

        self.intro_label = QLabel(self)
        self.intro_label.setWordWrap(True)
        self.folder_label = QLabel(self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels([self.tr(column) for column in COLUMNS])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.restore_selected())
        self.tree.currentItemChanged.connect(lambda _now, _before: self._update_button())
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        palette = self.message_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, themes.error_color(
            self.palette().color(QPalette.ColorRole.Window)))
        self.message_label.setPalette(palette)
        self.message_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.refresh()
        self.resize(self.sizeHint().width(),
                    self.fontMetrics().height() * (20 if self._backups else 8))

    # --- public API ------------------------------------------------------------------

    def refresh(self) -> None:
        """Lists the backups again (newest first) and selects the newest."""
        self._backups = backups.list_backups(self._db_path)
        name = self._db_path.name
        if self._backups:
            self.intro_label.setText(self.tr(
                "Backups of {name}, newest first (local times). Restoring one keeps "
                "the current database first, listed here as “{kept}”: "
                "restore that one to undo.").format(name=name, kept=self.tr(KINDS["replaced"])))
        else:
            self.intro_label.setText(self.tr(
                "No backups of {name} yet. Marginalia makes one when it starts and at "
                "most every {minutes} minutes while you work.").format(
                    name=name, minutes=BACKUP_EVERY_MINUTES))
        self._show_folder()
        self.tree.setVisible(bool(self._backups))
        self.tree.clear()
        for backup in self._backups:
            self.tree.addTopLevelItem(self._item(backup))
        if self._backups:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.tree.setFocus()
        self._update_button()

    def backups(self) -> list[Backup]:
        """The files listed, in the order shown."""
        return list(self._backups)

    def rows(self) -> list[tuple[str, ...]]:
        """The text of each row, as shown."""
        return [tuple(item.text(column) for column in range(len(COLUMNS)))
                for item in map(self.tree.topLevelItem, range(self.tree.topLevelItemCount()))]

    def select(self, row: int) -> None:
        self.tree.setCurrentItem(self.tree.topLevelItem(row))

    def selected(self) -> Backup | None:
        row = self.tree.indexOfTopLevelItem(self.tree.currentItem())
        return self._backups[row] if 0 <= row < len(self._backups) else None

    def restore_selected(self) -> bool:
        """Asks, then restores the selected backup; True when it was restored."""
        backup = self.selected()
        if backup is None or not self._confirmed(backup):
            return False
        problem = self._restore(backup.path)
        if problem is not None:
            self.message_label.setText(problem)
            self.message_label.show()
            self.refresh()
            return False
        self.restored = backup.path
        self.accept()
        return True

    # --- internals ---------------------------------------------------------------------

    def _confirmed(self, backup: Backup) -> bool:
        articles = self._articles(backup.articles)
        answer = QMessageBox.question(
            self, self.tr("Restore this backup?"), as_plain_text(self.tr(
                "Replace the database {name} with this backup ({kind}, saved on {time}, "
                "{articles})?\n\n"
                "The current file is kept first, in the backups folder (a replaced-… file), "
                "and listed here as “{kept}”: restoring it undoes this. The "
                "window then shows the restored articles; the undo history starts afresh."
            ).format(name=self._db_path.name, kind=self.tr(KINDS[backup.kind]).lower(),
                     time=local_time(backup.taken), articles=articles,
                     kept=self.tr(KINDS["replaced"]))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def _show_folder(self) -> None:
        """Names the backups folder, elided in the middle to fit; whole in its tooltip."""
        folder = str(backups.backups_folder(self._db_path))
        width = self.fontMetrics().horizontalAdvance("M") * 46
        shown = self.fontMetrics().elidedText(folder, Qt.TextElideMode.ElideMiddle, width)
        self.folder_label.setText(self.tr("Folder: {folder}").format(folder=shown))
        self.folder_label.setToolTip(self.tr("{folder}\n(backups of {database})").format(
            folder=folder, database=self._db_path))

    def _item(self, backup: Backup) -> QTreeWidgetItem:
        item = QTreeWidgetItem([local_time(backup.taken),
                                "?" if backup.articles is None else str(backup.articles),
                                file_size(backup.size), self.tr(KINDS[backup.kind])])
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        item.setTextAlignment(1, right)
        item.setTextAlignment(2, right)
        item.setToolTip(0, str(backup.path))
        if backup.articles is None:
            item.setToolTip(1, self.tr("This file cannot be read as a Marginalia database."))
        return item

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _articles(self, count: int | None) -> str:
        if count is None:
            return self.tr("unreadable")
        return self.tr("%n article(s)", None, count)


def local_time(moment: dt.datetime) -> str:
    """A UTC time as the user's local date and time, to the second (the date
    written as the interface language writes it)."""
    local = moment.astimezone()
    return f"{format_date(local.date())} {local.strftime('%H:%M:%S')}"


def file_size(size: int) -> str:
    """A size in bytes as the locale writes it ("1.2 MB")."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)
