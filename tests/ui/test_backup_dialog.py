"""Backups in the window: the schedule (driven by a fake clock) and File ▸ Restore a backup…."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db import backups, reads
from desktop.core.changes import Change
from desktop.ui.backup_dialog import START_AFTER_S, BackupDialog, BackupSchedule
from desktop.ui.commands import OperationRunner
from desktop.ui.library import TITLE
from tests.helpers import store_article

MINUTE = 60.0


class FakeClock:
    """Seconds, moved by the test (stands in for time.monotonic)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _library_titles(window) -> list[str]:
    model = window.library.model()
    return sorted(model.index(row, TITLE).data() for row in range(model.rowCount()))


def _start_backup_done(qtbot, window) -> None:
    """Makes now the backup the window makes a moment after its first paint, and waits
    for it (if its timer has not fired already)."""
    qtbot.waitUntil(lambda: window.backups is not None)
    schedule = window.backups
    if schedule.timer.isActive():
        schedule.timer.stop()
        assert schedule.back_up_if_due()
    qtbot.waitUntil(lambda: not schedule.running, timeout=10_000)


def _announce(runner: OperationRunner) -> None:
    runner.announce(Change(articles_added=frozenset({1})))


@pytest.fixture
def confirm(monkeypatch) -> list[str]:
    """Answers Yes to the confirmation; records what it said."""
    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


# --- the schedule ----------------------------------------------------------------------


def test_a_backup_on_start_then_at_most_one_per_interval_while_changes_are_made(
        qtbot, db, db_path):
    store_article("One", "One.")
    runner, clock = OperationRunner(), FakeClock()
    schedule = BackupSchedule(runner, interval_s=10 * MINUTE, clock=clock,
                              database=lambda: db_path)

    with qtbot.waitSignal(schedule.finished) as started:
        assert schedule.start()
    assert started.args[0] == backups.latest_backup(db_path)

    clock.now += 60 * MINUTE  # an hour without changes: nothing to do
    assert not schedule.back_up_if_due()
    assert not schedule.timer.isActive()

    clock.now += 1 * MINUTE
    store_article("Two", "Two.")
    _announce(runner)  # ten minutes passed since the last backup: due at once
    assert schedule.timer.isActive() and schedule.timer.interval() == 0
    with qtbot.waitSignal(schedule.finished):
        assert schedule.back_up_if_due()

    clock.now += 2 * MINUTE
    store_article("Three", "Three.")
    _announce(runner)  # two minutes after that backup: it waits for the other eight
    assert schedule.timer.isActive() and schedule.timer.interval() == 8 * 60 * 1000
    assert not schedule.back_up_if_due()

    clock.now += 8 * MINUTE
    with qtbot.waitSignal(schedule.finished) as third:
        assert schedule.back_up_if_due()
    assert third.args[0] is not None
    assert [b.articles for b in backups.list_backups(db_path)] == [3, 2, 1]


def test_a_change_that_leaves_the_data_as_it_was_makes_no_new_backup(qtbot, db, db_path):
    store_article("One", "One.")
    runner, clock = OperationRunner(), FakeClock()
    schedule = BackupSchedule(runner, clock=clock, database=lambda: db_path)
    with qtbot.waitSignal(schedule.finished):
        schedule.start()

    _announce(runner)
    clock.now += schedule.interval_s
    with qtbot.waitSignal(schedule.finished) as again:
        assert schedule.back_up_if_due()

    assert again.args[0] is None
    assert len(backups.list_backups(db_path)) == 1


def test_the_window_backs_up_soon_after_its_first_paint(qtbot, make_window, db_path):
    store_article("Alpha", "Alpha.")
    window = make_window()
    qtbot.waitUntil(lambda: window.backups is not None)
    assert window.backups.timer.interval() == START_AFTER_S * 1000
    _start_backup_done(qtbot, window)

    assert [b.articles for b in backups.list_backups(db_path)] == [1]


def test_a_failed_backup_is_said_in_the_status_bar_only(qtbot, make_window, tmp_path,
                                                         monkeypatch):
    window = make_window()
    _start_backup_done(qtbot, window)
    boxes: list[str] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda *args: boxes.append(args[2]))
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is no database" * 200)
    window.backups.database = lambda: broken

    with qtbot.waitSignal(window.backups.finished):
        assert window.backups.start()

    message = window.statusBar().currentMessage()
    assert str(broken) in message and "not backed up" in message
    assert "Error" not in message and "Traceback" not in message
    assert boxes == []
    assert backups.list_backups(broken) == []


# --- File ▸ Restore a backup… ----------------------------------------------------------


def test_the_dialog_lists_the_backups_newest_first(qtbot, make_window, db_path):
    store_article("Alpha", "Alpha.")
    window = make_window()
    _start_backup_done(qtbot, window)
    store_article("Beta", "Beta.")
    store_article("Gamma", "Gamma.")
    newest = backups.backup_now(db_path)

    window.restore_backup_action.trigger()
    dialog = window.backup_dialog

    assert isinstance(dialog, BackupDialog) and dialog.isVisible()
    assert [b.path for b in dialog.backups()] == [newest, backups.list_backups(db_path)[1].path]
    assert [(row[1], row[3]) for row in dialog.rows()] == [("3", "Automatic backup"),
                                                           ("1", "Automatic backup")]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", dialog.rows()[0][0])  # local
    assert dialog.rows()[0][2].endswith("kB")
    assert dialog.selected().path == newest and dialog.restore_button.isDefault()

    qtbot.keyClick(dialog.tree, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_enter_restores_the_chosen_backup_and_the_window_shows_its_articles(
        qtbot, make_window, db_path, confirm):
    store_article("Alpha", "Alpha.")
    window = make_window()
    _start_backup_done(qtbot, window)
    store_article("Beta", "Beta.")
    window.library.refresh()
    window.select_range(0, 5)
    window.tag_selection("ORG")
    assert _library_titles(window) == ["Alpha", "Beta"]
    assert window.undo_action.isEnabled()

    dialog = window.open_backups()
    dialog.select(0)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)

    assert dialog.restored is not None and not dialog.isVisible()
    assert "kept" in confirm[0]
    assert _library_titles(window) == ["Alpha"]
    assert window.active.article.title == "Alpha" and window.reader_highlights() == []
    assert not window.undo_action.isEnabled()  # the history was about the replaced file
    assert reads.first_article_id() is not None
    assert "replaced-" in window.statusBar().currentMessage()

    undo = window.open_backups()  # the replaced file is listed first: restoring it undoes
    assert undo.backups()[0].kind == "replaced"
    assert (undo.rows()[0][1], undo.rows()[0][3]) == ("2", "Kept before a restore")
    undo.select(0)
    assert undo.restore_selected()

    assert _library_titles(window) == ["Alpha", "Beta"]
    assert [label for _s, _e, label in window.reader_highlights()] == ["ORG"]


def test_a_damaged_backup_is_refused_in_the_dialog_and_nothing_changes(
        qtbot, make_window, db_path, confirm):
    store_article("Alpha", "Alpha.")
    window = make_window()
    _start_backup_done(qtbot, window)
    backup = backups.latest_backup(db_path)
    data = bytearray(backup.read_bytes())
    for start in range(4096, len(data), 4096):
        data[start + 8:start + 200] = b"\xab" * 192
    backup.write_bytes(bytes(data))
    store_article("Beta", "Beta.")
    window.library.refresh()

    dialog = window.open_backups()
    assert not dialog.restore_selected()

    assert dialog.isVisible() and not dialog.message_label.isHidden()
    assert str(backup) in dialog.message_label.text()
    assert "damaged" in dialog.message_label.text()
    assert _library_titles(window) == ["Alpha", "Beta"]
    dialog.reject()


@pytest.mark.both_backends
def test_restore_on_a_team_database_says_where_its_backups_are(qtbot, make_window, backend):
    window = make_window()

    dialog = window.open_backups()

    message = window.statusBar().currentMessage()
    if backend == "sqlite":
        assert dialog is not None and dialog.isVisible()
        dialog.close()
    else:  # the server's copies are its administrator's: the file dialog has nothing to list
        assert dialog is None
        assert "team database is backed up on its server" in message
        assert "No database is open" not in message
