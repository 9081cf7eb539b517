"""Tagging from the keyboard and the mouse: spans, duplicates, elisions, tag all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from db import annotations as store
from desktop.core.offsets import OffsetMap
from tests.helpers import open_showing_suggestions, store_article, tag

BODY = ("Selon d’OpenAI 👨\u200d👩\u200d👧, le contrat de 38\u00a0milliards de dollars "
        "avec AWS dépasse 1\u202f400\u00a0milliards de dollars. OpenAI et Sam Altman.")


@pytest.fixture
def window(qtbot, make_window):
    aid = store_article("Deal", BODY)
    w = make_window()
    open_showing_suggestions(qtbot, w, aid)
    return w


def _rows(w):
    return [(BODY[r.start:r.end], r.value, r.unit)
            for r in store.annotations_for_article(w.current_article_id())]


def _double_click(qtbot, w, cp):
    pane = w.reader
    cursor = QTextCursor(pane.body.document())
    cursor.setPosition(OffsetMap(BODY).to_utf16(cp))
    qtbot.mouseDClick(pane.body.viewport(), Qt.MouseButton.LeftButton,
                      pos=pane.body.cursorRect(cursor).center())


def test_money_key_on_part_of_an_amount_tags_the_whole_amount(qtbot, window):
    _double_click(qtbot, window, BODY.index("38") + 1)
    qtbot.keyClick(window.reader.body, Qt.Key.Key_5)  # MONEY
    qtbot.waitUntil(lambda: len(_rows(window)) == 1)
    assert _rows(window) == [("38\u00a0milliards de dollars", 3.8e10, "USD")]
    # Its suggestion is taken; the other amount's remains.
    qtbot.waitUntil(lambda: [BODY[s:e] for s, e, _ in window.reader_suggestions()]
                    == ["1\u202f400\u00a0milliards de dollars"])


def test_dragging_over_part_of_a_thousands_amount_tags_all_of_it(qtbot, window):
    s = BODY.index("400\u00a0milliards")
    window.select_range(s + 1, s + 20)
    window.tag_selection("MONEY")
    assert _rows(window) == [("1\u202f400\u00a0milliards de dollars", 1.4e12, "USD")]


def test_same_label_key_twice_stores_one_annotation(qtbot, window):
    s = BODY.index("AWS")
    window.select_range(s, s + 3)
    window.reader.body.setFocus()
    qtbot.keyClick(window.reader.body, Qt.Key.Key_2)
    qtbot.keyClick(window.reader.body, Qt.Key.Key_2)
    assert len(_rows(window)) == 1
    assert window.statusBar().currentMessage() == "“AWS” is already tagged as PERSON."
    # Another label on the same words is another annotation.
    window.select_range(s, s + 3)
    qtbot.keyClick(window.reader.body, Qt.Key.Key_1)
    assert len(_rows(window)) == 2


def test_double_clicked_elided_name_is_tagged_without_its_elision(qtbot, window):
    _double_click(qtbot, window, BODY.index("OpenAI") + 2)
    assert BODY.__getitem__(slice(*window.reader.selection_range())) == "d’OpenAI"
    qtbot.keyClick(window.reader.body, Qt.Key.Key_2)
    assert [r[0] for r in _rows(window)] == ["OpenAI"]


def test_tag_all_from_an_elided_selection_searches_the_name(qtbot, window):
    _double_click(qtbot, window, BODY.index("OpenAI") + 2)
    dialog = window.tag_all_dialog()
    try:
        assert dialog.term_edit.text() == "OpenAI"
    finally:
        dialog.close()


def test_tag_all_on_a_double_clicked_tagged_name_preselects_its_label(qtbot, window):
    aid = window.current_article_id()
    tag(aid, "Altman", "PERSON", entity="Sam Altman")
    window.active._set_records(store.annotations_for_article(aid))
    s = BODY.index("Altman")
    _double_click(qtbot, window, s + 2)
    assert window.reader.selection_range() == (s, s + 6)
    record = store.annotations_for_article(aid)[0]
    for select in ((s, s + 6), (s + 6, s)):  # left to right, then right to left
        cursor = window.reader.body.textCursor()
        offsets = OffsetMap(BODY)
        cursor.setPosition(offsets.to_utf16(select[0]))
        cursor.setPosition(offsets.to_utf16(select[1]), QTextCursor.MoveMode.KeepAnchor)
        window.reader.body.setTextCursor(cursor)
        dialog = window.tag_all_dialog()
        try:
            assert dialog.label_combo.currentText() == "PERSON"
            assert dialog.entity_id == record.entity_id is not None
        finally:
            dialog.close()
