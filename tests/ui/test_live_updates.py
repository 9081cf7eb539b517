"""A window shows what another process writes to its database, and never overwrites it
unasked (desktop.ui.live_updates, the conflict dialog of desktop.ui.annotation_commands).

"Another process" is a real one: another window's writes, through the same core
operations, on the same SQLite file or PostgreSQL database.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from db.annotations import label_by_name
from db.reads import annotation_count, get_annotation
from desktop.ui.library import ANNOTATIONS
from tests.helpers import store_article, tag

pytestmark = pytest.mark.both_backends

ROOT = Path(__file__).resolve().parents[2]
BODY = "OpenAI signe avec AWS un contrat de 38 milliards de dollars."

ANOTHER_WINDOW = textwrap.dedent("""
    import sys
    from db import connection
    from db.annotations import label_by_name
    from db.reads import get_article
    from desktop.core.operations import (AddAnnotations, EditAnnotations, RemoveAnnotations,
                                         new_annotation)

    connection.open_database(sys.argv[1])
    what, target, argument = sys.argv[2], int(sys.argv[3]), sys.argv[4]
    if what == "tag":  # target: an article; argument: the word
        article = get_article(target)
        start = article.body.index(argument)
        step = AddAnnotations([new_annotation(article.body, target, label_by_name("ORG").id,
                                              start, start + len(argument), author="Bob")])
    elif what == "relabel":  # target: an annotation; argument: the label
        step = EditAnnotations([target], {"label_id": label_by_name(argument).id})
    else:
        step = RemoveAnnotations([target])
    step.apply()
    connection.close_database()
""")


def another_window(db_url: str, what: str, target: int, argument: str = "") -> None:
    done = subprocess.run([sys.executable, "-c", ANOTHER_WINDOW, db_url, what, str(target),
                           argument], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def library_count(window, article_id: int) -> str:
    model = window.library.model()
    return str(model.index(model.row_of(article_id), ANNOTATIONS).data())


def open_window(make_window, article_id: int):
    """A window showing the article, its panel and library built."""
    window = make_window()
    window.open_article(article_id)
    window.panel  # noqa: B018 (built now rather than after the first paint)
    window.library  # noqa: B018
    assert window.live_updates.running
    return window


@pytest.fixture
def shown(make_window):
    """A window showing an article without annotations."""
    article_id = store_article("Contrat", BODY)
    return open_window(make_window, article_id), article_id


@pytest.fixture
def tagged(make_window):
    """A window showing an article where Bob tagged AWS as an ORG."""
    article_id = store_article("Contrat", BODY)
    aws = tag(article_id, "AWS", "ORG", entity="AWS", author="Bob")
    return open_window(make_window, article_id), article_id, aws


def test_a_tag_made_in_another_process_shows_in_reader_panel_and_library(qtbot, shown,
                                                                        db_url):
    window, article_id = shown
    start = BODY.index("AWS")

    another_window(db_url, "tag", article_id, "AWS")

    qtbot.waitUntil(lambda: (start, start + 3, "ORG") in window.reader_highlights(),
                    timeout=5000)
    qtbot.waitUntil(lambda: window.panel.annotation_count() == 1, timeout=5000)
    qtbot.waitUntil(lambda: library_count(window, article_id) == "1", timeout=5000)
    assert window.runner.stack.count() == 0  # someone else's step: not on this undo stack


def test_a_relabel_and_a_removal_elsewhere_show_too(qtbot, tagged, db_url):
    window, article_id, aws = tagged
    start = BODY.index("AWS")

    another_window(db_url, "relabel", aws, "PRODUCT")
    qtbot.waitUntil(lambda: window.reader_highlights() == [(start, start + 3, "PRODUCT")],
                    timeout=5000)
    assert window.active.record(aws).label_id == label_by_name("PRODUCT").id

    another_window(db_url, "remove", aws)
    qtbot.waitUntil(lambda: window.reader_highlights() == [], timeout=5000)
    qtbot.waitUntil(lambda: window.panel.annotation_count() == 0, timeout=5000)
    qtbot.waitUntil(lambda: library_count(window, article_id) == "0", timeout=5000)


def test_a_log_that_went_back_has_the_window_read_everything_again(qtbot, tagged, db_url,
                                                                   backend):
    """Another window restored a backup: the log is the backup's, shorter than what this
    window read, and its next ids are ones this window has passed already."""
    from db.models import database

    window, article_id, aws = tagged
    another_window(db_url, "relabel", aws, "PRODUCT")
    qtbot.waitUntil(lambda: window.active.record(aws).label_id == label_by_name("PRODUCT").id,
                    timeout=5000)
    window.live_updates.stop()  # the backup's log: everything after its first row gone
    with database.atomic():
        first = database.execute_sql("SELECT MIN(id) FROM change_log").fetchone()[0]
        database.execute_sql("DELETE FROM change_log WHERE id > ?", (first,))
        if backend == "sqlite":
            database.execute_sql("UPDATE sqlite_sequence SET seq = ? WHERE name = "
                                 "'change_log'", (first,))
        else:
            database.execute_sql("SELECT setval('change_log_id_seq', ?)", (first,))
    window.live_updates._timer.start()  # on from where it was, as a window that was away

    another_window(db_url, "tag", article_id, "OpenAI")  # logged under an id already read

    start = BODY.index("OpenAI")
    qtbot.waitUntil(lambda: (start, start + 6, "ORG") in window.reader_highlights(),
                    timeout=5000)
    qtbot.waitUntil(lambda: library_count(window, article_id) == "2", timeout=5000)


def test_undoing_a_tag_changed_elsewhere_since_asks_first(qtbot, shown, db_url, monkeypatch):
    window, article_id = shown
    start = BODY.index("OpenAI")
    window.select_range(start, start + 6)
    openai = window.tag_selection("ORG")
    window.live_updates.stop()  # not heard yet: a colleague relabels the new tag
    another_window(db_url, "relabel", openai, "PRODUCT")

    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    window.undo_action.trigger()

    assert len(asked) == 1 and "(label ORG → PRODUCT)" in asked[0]
    assert get_annotation(openai).label_id == label_by_name("PRODUCT").id  # theirs kept
    assert window.reader_highlights() == [(start, start + 6, "PRODUCT")]

    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.undo_action.trigger()  # asked again: this time undone anyway

    assert len(asked) == 1
    assert get_annotation(openai) is None and window.reader_highlights() == []


@pytest.fixture
def stale(tagged, db_url):
    """The window shows AWS as ORG; meanwhile another process made it a PRODUCT, and the
    window has not heard yet (its watch is paused)."""
    window, _article_id, aws = tagged
    window.live_updates.stop()
    another_window(db_url, "relabel", aws, "PRODUCT")
    return window, aws


def answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:
    """Answers the next message boxes with ``button``; returns their texts as they come."""
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(button.value)  # what QMessageBox.exec returns: the button's number

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_applying_mine_anyway_writes_it_in_one_undo_step(qtbot, stale, monkeypatch):
    window, aws = stale
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    product = label_by_name("PRODUCT").id

    window.edit_annotation(aws, {"note": "client"})

    assert asked == ["“AWS” (tagged by Bob) was changed elsewhere since you opened it "
                     "(label ORG → PRODUCT). Apply your change anyway?"]
    stored = get_annotation(aws)
    assert (stored.note, stored.label_id) == ("client", product)
    assert window.active.record(aws).note == "client"
    assert window.active.record(aws).label_id == product
    start = BODY.index("AWS")
    assert window.reader_highlights() == [(start, start + 3, "PRODUCT")]
    assert window.runner.stack.count() == 1

    window.runner.undo()
    assert (get_annotation(aws).note, get_annotation(aws).label_id) == ("", product)


def test_keeping_theirs_writes_nothing_and_shows_theirs(qtbot, stale, monkeypatch):
    window, aws = stale
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    product = label_by_name("PRODUCT").id

    window.edit_annotation(aws, {"label_id": label_by_name("PERSON").id})

    assert len(asked) == 1
    stored = get_annotation(aws)
    assert (stored.note, stored.label_id) == ("", product)
    assert window.active.record(aws).label_id == product
    start = BODY.index("AWS")
    assert window.reader_highlights() == [(start, start + 3, "PRODUCT")]
    assert window.runner.stack.count() == 0


def test_removing_what_was_changed_meanwhile_asks_first(qtbot, stale, monkeypatch):
    window, aws = stale
    answer(monkeypatch, QMessageBox.StandardButton.No)
    window.remove_annotations([aws])
    assert get_annotation(aws) is not None

    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.remove_annotations([aws])
    assert get_annotation(aws) is None
    assert window.reader_highlights() == []


def test_an_annotation_removed_meanwhile_is_said_so(qtbot, tagged, db_url, monkeypatch):
    window, article_id, aws = tagged
    window.live_updates.stop()
    another_window(db_url, "remove", aws)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Ok)

    window.edit_annotation(aws, {"note": "client"})

    assert asked == ["“AWS” was removed since you opened it. Your change was not applied."]
    assert window.reader_highlights() == []
    assert annotation_count(article_id) == 0


@pytest.mark.sqlite_only
def test_while_nothing_changes_a_file_is_only_asked_its_version(qtbot, shown):
    from db.models import database

    statements: list[str] = []
    database.connection().set_trace_callback(statements.append)
    try:
        qtbot.waitUntil(lambda: len(statements) >= 3, timeout=5000)  # three looks
    finally:
        database.connection().set_trace_callback(None)
    assert set(statements) == {"PRAGMA data_version"}


def test_closing_the_window_stops_the_watch_and_its_thread(qtbot, shown):
    window, _article_id = shown
    window.close()
    assert not window.live_updates.running
    assert "marginalia-live-updates" not in {t.name for t in threading.enumerate()}


def test_a_change_elsewhere_keeps_what_the_user_is_typing(qtbot, tagged, db_url):
    window, _article_id, aws = tagged
    panel = window.panel
    assert panel.select_annotation(aws)
    panel.note_edit.setFocus()
    qtbot.keyClicks(panel.note_edit, "checked")  # typed, not yet sent

    another_window(db_url, "relabel", aws, "PRODUCT")
    qtbot.waitUntil(lambda: window.active.record(aws).label_id == label_by_name("PRODUCT").id,
                    timeout=5000)

    assert panel.note_edit.text() == "checked"  # not wiped out by the update
    assert "what you are typing is kept" in window.statusBar().currentMessage()
    panel.note_edit.editingFinished.emit()  # Enter: applied over theirs
    stored = get_annotation(aws)
    assert (stored.note, stored.label_id) == ("checked", label_by_name("PRODUCT").id)
