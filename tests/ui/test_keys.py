"""Keys act where the user is: letters answer suggestions only in the reader,
undo and redo reach the window's stack from any field, Ctrl+F finds from anywhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from db import annotations as store
from tests.helpers import open_showing_suggestions, store_article

DEAL = ("OpenAI signe un pacte de 38\u00a0milliards de dollars sur 7 ans avec AWS. "
        "Selon OpenAI, des centaines de milliers de processeurs graphiques seront livrés "
        "d’ici fin 2026.")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
# Completer popups opened by typing say this offscreen; it is harmless.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def _span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def _focus(qtbot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


@pytest.fixture
def window(qtbot, make_window):
    """The window on an article with its suggestions shown, the first one current."""
    article_id = store_article("Deal", DEAL)
    window = make_window()
    open_showing_suggestions(qtbot, window, article_id)
    qtbot.keyClick(window.reader.body, Qt.Key.Key_N)
    assert window.suggestions.current() is not None
    return window


def _annotations(window) -> list:
    return store.annotations_for_article(window.current_article_id())


@pytest.mark.parametrize("key", [Qt.Key.Key_A, Qt.Key.Key_N, Qt.Key.Key_1])
def test_letters_typed_in_the_library_search_are_text(qtbot, window, key):
    current = window.suggestions.current()
    selection = window.reader.selection_range()
    search = window.library.search_edit
    _focus(qtbot, search)

    qtbot.keyClick(search, key)

    assert search.text() == chr(key).lower()
    assert _annotations(window) == []
    assert window.suggestions.current() == current  # N did not move on either
    assert window.reader.selection_range() == selection


def test_letters_typed_in_the_panel_note_are_text(qtbot, window):
    body = window.reader.text()
    window.select_range(*_span(body, "AWS"))
    qtbot.keyClick(window.reader.body, Qt.Key.Key_1)
    [aws] = _annotations(window)
    window.panel.select_annotation(aws.id)
    note = window.panel.note_edit
    _focus(qtbot, note)

    for key in (Qt.Key.Key_A, Qt.Key.Key_N, Qt.Key.Key_R, Qt.Key.Key_1):
        qtbot.keyClick(note, key)
    qtbot.keyClick(note, "A", SHIFT)

    assert note.text() == "anr1A"
    assert _annotations(window) == [aws]


def test_letters_in_the_lists_do_not_answer_suggestions(qtbot, window):
    body = window.reader.text()
    window.select_range(*_span(body, "AWS"))
    qtbot.keyClick(window.reader.body, Qt.Key.Key_1)  # the panel lists one annotation
    window.suggestions.next()
    [aws] = _annotations(window)
    shown = window.reader_suggestions()
    for widget in (window.panel.tree, window.library.table):
        _focus(qtbot, widget)
        for key in (Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_X):
            qtbot.keyClick(widget, key)
        qtbot.keyClick(widget, Qt.Key.Key_A, SHIFT)
    assert _annotations(window) == [aws]
    assert window.reader_suggestions() == shown  # none rejected either


def test_letters_typed_in_a_dialog_are_text(qtbot, window):
    from desktop.ui.labels_dialog import LabelsDialog

    dialog = LabelsDialog(window.commands.run_reporting, window)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    _focus(qtbot, dialog.new_name_edit)
    qtbot.keyClicks(dialog.new_name_edit, "anr")
    assert dialog.new_name_edit.text() == "anr"
    assert _annotations(window) == []
    dialog.close()


def test_a_in_the_reader_still_accepts(qtbot, window):
    body = window.reader.text()
    _focus(qtbot, window.reader.body)
    qtbot.keyClick(window.reader.body, Qt.Key.Key_A)
    [money] = _annotations(window)
    assert (money.start, money.end) == _span(body, "38\u00a0milliards de dollars")
    assert money.value == 3.8e10


def test_the_menu_shows_the_keys_and_they_belong_to_the_reader(window):
    suggestions = window.suggestions
    keys = {action.text(): [k.toString() for k in action.shortcuts()]
            for action in suggestions.actions}
    assert keys["&Accept suggestion"] == ["A"]
    assert keys["&Previous suggestion"] == ["P", "Shift+N"]
    assert keys["&Reject suggestion"] == ["R", "X"]
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Suggestions")
    assert suggestions.accept_action in menu.actions()
    for action in suggestions.actions:
        if action.shortcuts():
            assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
            assert action in window.reader.body.actions()


def test_ctrl_z_in_the_library_search_undoes_the_last_tag(qtbot, window):
    body = window.reader.text()
    window.select_range(*_span(body, "AWS"))
    qtbot.keyClick(window.reader.body, Qt.Key.Key_1)
    assert [a.quote for a in _annotations(window)] == ["AWS"]
    search = window.library.search_edit
    _focus(qtbot, search)
    qtbot.keyClicks(search, "deal")

    qtbot.keyClick(search, Qt.Key.Key_Z, CTRL)
    assert _annotations(window) == []
    assert search.text() == "deal"  # the search box's own undo did not run

    qtbot.keyClick(search, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [a.quote for a in _annotations(window)] == ["AWS"]
    qtbot.keyClick(search, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(search, Qt.Key.Key_Y, CTRL)
    assert [a.quote for a in _annotations(window)] == ["AWS"]
    assert search.text() == "deal"


@OFFSCREEN_POPUP
def test_ctrl_z_in_the_panel_entity_field_undoes_the_link(qtbot, window):
    body = window.reader.text()
    window.select_range(*_span(body, "AWS"))
    qtbot.keyClick(window.reader.body, Qt.Key.Key_1)
    [aws] = _annotations(window)
    panel = window.panel
    panel.select_annotation(aws.id)
    entity = panel.entity_edit
    before = aws.entity_id  # a new tag may link to a known name at once
    _focus(qtbot, entity)
    entity.selectAll()
    qtbot.keyClicks(entity, "Amazon Web Services")
    entity.editingFinished.emit()
    assert store.entity_name(store.get_annotation(aws.id).entity_id) == "Amazon Web Services"

    qtbot.keyClick(entity, Qt.Key.Key_Z, CTRL)

    assert store.get_annotation(aws.id).entity_id == before
    assert [a.quote for a in _annotations(window)] == ["AWS"]  # only the link was undone
    qtbot.keyClick(entity, Qt.Key.Key_Z, CTRL)
    assert _annotations(window) == []


def test_a_dialog_field_keeps_its_own_undo(qtbot, window):
    from desktop.ui.labels_dialog import LabelsDialog

    body = window.reader.text()
    window.select_range(*_span(body, "AWS"))
    qtbot.keyClick(window.reader.body, Qt.Key.Key_1)
    dialog = LabelsDialog(window.commands.run_reporting, window)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    _focus(qtbot, dialog.new_name_edit)
    qtbot.keyClicks(dialog.new_name_edit, "EVENT")
    qtbot.keyClick(dialog.new_name_edit, Qt.Key.Key_Z, CTRL)
    assert dialog.new_name_edit.text() == ""
    assert [a.quote for a in _annotations(window)] == ["AWS"]
    dialog.close()


def test_ctrl_f_in_the_library_opens_the_find_bar(qtbot, window):
    search = window.library.search_edit
    _focus(qtbot, search)
    qtbot.keyClick(search, Qt.Key.Key_F, CTRL)
    bar = window.reader.find_bar
    assert bar.isVisible()
    qtbot.waitUntil(bar.edit.hasFocus)

    bar.close_bar()
    assert not bar.isVisible()
    _focus(qtbot, window.library.table)
    qtbot.keyClick(window.library.table, Qt.Key.Key_F, CTRL)
    assert bar.isVisible()
