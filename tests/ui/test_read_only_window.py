"""The window on a database it may not write: it says so, and editing is off.

Read only on purpose (``--read-only``) or found damaged after the first
paint, the title ends in "— read only", the actions that change the
database are disabled, a change asked for all the same is refused in the
status bar, no "Could not save" dialog appears, and the file's bytes are
the same after. (As root, a file's mode does not stop a write: see
tests/db/test_db_safety.py for the folder and file cases.)
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db import connection
from tests.database_files import damage_table, foreign_database, immutable, sound_database
from tests.helpers import TEST_DATA

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def make_window(qtbot, settings_path):
    """A main window on whatever database the test opened."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    def make() -> MainWindow:
        window = MainWindow(Settings(settings_path))
        qtbot.addWidget(window)
        window.restore_session()
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitActive(window):
            window.activateWindow()
        return window

    yield make
    connection.close_database()


@pytest.fixture
def dialogs(monkeypatch) -> list[tuple[str, str]]:
    """The (title, text) of every warning dialog the window shows."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, title, text, *args: shown.append((title, text)))
    return shown


def _editing_actions(window) -> list:
    return [window.import_files_action, window.import_folder_action, window.tag_all_action,
            window.link_action, window.link_dialog_action, window.labels_action,
            window.article_action]


def _tag_a_word(qtbot, window, word: str) -> None:
    body = window.reader.text()
    start = body.index(word)
    window.select_range(start, start + len(word))
    qtbot.keyClick(window.reader.body, Qt.Key.Key_1)


def test_a_database_opened_read_only_says_so_and_refuses_every_change(
        qtbot, make_window, dialogs, tmp_path):
    from db import reads

    path = tmp_path / "m.sqlite3"
    sound_database(path, articles=3, annotations=5)
    before = path.read_bytes()
    connection.open_database(path, read_only=True)
    refusal = (f"Marginalia opened {path} read only as asked (--read-only): nothing can be "
               "saved to it.")

    window = make_window()

    assert window.windowTitle() == "Article 2 — Marginalia — read only"
    assert not any(action.isEnabled() for action in _editing_actions(window))
    assert window.export_action.isEnabled()  # reading is fine

    _tag_a_word(qtbot, window, "regulator")
    assert window.statusBar().currentMessage() == refusal
    assert window.reader_highlights() == []

    window.open_article(1)
    tagged = [a.id for a in reads.annotations_for_article(1)]
    window.statusBar().clearMessage()
    window.remove_annotations(tagged[:1])
    assert window.statusBar().currentMessage() == refusal
    window.statusBar().clearMessage()
    window.edit_annotation(tagged[0], {"note": "changed"})
    assert window.statusBar().currentMessage() == refusal
    assert [a.id for a in reads.annotations_for_article(1)] == tagged
    window.statusBar().clearMessage()
    assert window.import_paths([str(TEST_DATA / "import" / "heading.md")]) is None
    assert window.statusBar().currentMessage() == refusal

    assert dialogs == []  # never "Could not save"
    window.close()
    connection.close_database()
    assert path.read_bytes() == before


def test_a_damage_found_after_the_first_paint_turns_editing_off_and_offers_the_backup(
        qtbot, make_window, dialogs, tmp_path):
    from db.backups import backup_now
    from desktop.ui.app import IntegrityWatch

    path = tmp_path / "m.sqlite3"
    sound_database(path, articles=3, rejections=2000)
    backup = backup_now(path)
    # A page the window does not read to show its article (the rejections of another one).
    damage_table(path, "rejected_suggestion")
    before = path.read_bytes()
    connection.open_database(path, check=False)  # as the window does: it checks after painting
    window = make_window()
    assert window.windowTitle() == "Article 2 — Marginalia"

    watch = IntegrityWatch(window, path)
    with qtbot.waitSignal(watch.finished, timeout=30_000):
        watch.start()

    assert window.windowTitle() == "Article 2 — Marginalia — read only"
    assert not any(action.isEnabled() for action in _editing_actions(window))
    [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert box.windowTitle() == "The database is damaged"
    assert box.text().startswith(f"The database {path} is damaged (SQLite's check found ")
    assert f"The latest backup is {backup}" in box.text()
    box.close()

    _tag_a_word(qtbot, window, "regulator")
    assert window.statusBar().currentMessage() == box.text()
    assert window.reader_highlights() == []
    assert dialogs == []
    window.close()
    connection.close_database()
    assert path.read_bytes() == before


def test_a_sound_database_stays_editable_after_the_check(qtbot, make_window, tmp_path):
    from desktop.ui.app import IntegrityWatch

    path = tmp_path / "m.sqlite3"
    sound_database(path, articles=3)
    connection.open_database(path, check=False)
    window = make_window()

    watch = IntegrityWatch(window, path)
    with qtbot.waitSignal(watch.finished, timeout=30_000) as blocker:
        watch.start()

    assert blocker.args[0].ok
    assert window.windowTitle() == "Article 2 — Marginalia"
    assert all(action.isEnabled() for action in _editing_actions(window))
    _tag_a_word(qtbot, window, "regulator")
    assert window.reader_highlights() != []


def test_a_database_error_no_view_caught_is_said_in_the_status_bar(
        make_window, tmp_path, capsys, monkeypatch):
    """What the app does when a slot meets a damaged page: one line, no traceback."""
    from db.models import Article
    from desktop.ui.app import _say_database_errors

    path = tmp_path / "m.sqlite3"
    sound_database(path)
    damage_table(path, "article")
    connection.open_database(path, check=False)
    window = make_window()  # it shows the newest article, far from the damaged page
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    _say_database_errors(window)

    with pytest.raises(sqlite3.DatabaseError) as raised:  # what a slot would meet
        [a.body for a in Article.select(Article.body)]
    sys.excepthook(raised.type, raised.value, None)

    message = (f"The database {path} is damaged (SQLite said “database disk image is "
               "malformed” reading it).")
    assert window.statusBar().currentMessage().startswith(message)
    assert capsys.readouterr().err.startswith(f"marginalia: {message}")


def _app(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               MARGINALIA_SETTINGS=str(tmp_path / "settings.ini"), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "desktop", *args, "--smoke"],
                          capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)


def test_the_app_opens_read_only_from_the_command_line(tmp_path):
    path = tmp_path / "m.sqlite3"
    sound_database(path, articles=3)
    before = path.read_bytes()

    result = _app(tmp_path, "--db", str(path), "--read-only")

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "smoke ok: Article 2 — Marginalia — read only"
    assert path.read_bytes() == before


def test_the_app_opens_a_database_in_a_folder_nobody_may_write_read_only(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "m.sqlite3"
    sound_database(path, articles=3)
    before = path.read_bytes()

    with immutable(folder):
        result = _app(tmp_path, "--db", str(path))

    assert result.returncode == 0, result.stderr
    assert "damaged" not in result.stderr and "Traceback" not in result.stderr
    assert result.stdout.splitlines()[-1] == "smoke ok: Article 2 — Marginalia — read only"
    assert path.read_bytes() == before


def test_the_app_refuses_another_programs_file_untouched(tmp_path):
    path = tmp_path / "contacts.db"
    before = foreign_database(path)

    result = _app(tmp_path, "--db", str(path))

    assert result.returncode == 2
    assert result.stderr.startswith(f"{path} is not a Marginalia database: it holds another "
                                    "program's tables")
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_the_app_seeds_only_a_database_it_creates(tmp_path):
    from desktop.cli import main

    path = tmp_path / "made-by-the-command-line.sqlite3"
    assert main(["--db", str(path), "stats", "--by", "label"]) == 0  # creates it, empty

    result = _app(tmp_path, "--db", str(path))

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "smoke ok: Marginalia"
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM article").fetchone()[0] == 0
    con.close()


def test_the_app_opens_when_the_article_it_shows_first_sits_on_a_damaged_page(tmp_path):
    """The first article's row is unreadable: the window opens all the same,
    without it, and says the file is damaged instead of printing a traceback."""
    path = tmp_path / "m.sqlite3"
    sound_database(path, articles=30)
    damage_table(path, "article", last=True)  # the newest articles, shown first
    before = path.read_bytes()

    result = _app(tmp_path, "--db", str(path))

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"The database {path} is damaged" in result.stderr
    # No article's title: the window opened without it. (Whether the integrity
    # check, on its own thread, has added "— read only" by the time the smoke run
    # ends depends on the machine: not asserted.)
    assert result.stdout.splitlines()[-1].startswith("smoke ok: Marginalia")
    assert path.read_bytes() == before
