"""What a pane keeps showing when its highlights are drawn anew.

A pane draws its annotations again when its annotator filter changes (the
user's choice, or by itself after the user tags under a filter) and when the
labels change (a recolour): the dashed suggestions stay, and so do the marks
of the entity under the mouse or chosen. The Link dialog offers only the
annotations the pane shows.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.core.operations import EditLabel
from desktop.ui import settings as keys
from desktop.ui.annotator_filter import EVERYONE, only
from tests.helpers import open_showing_suggestions, store_article, tag

FRENCH = "OpenAI signe avec AWS un contrat de 38 milliards de dollars. AWS s’en félicite."
ENGLISH = "Amazon Web Services signs a $38 billion deal with OpenAI. AWS will supply GPUs."
MONEY = "38 milliards de dollars"

# Completer popups (the Link dialog's editable Kind combo) say this offscreen; it is harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def _span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def _choose(window, text: str) -> None:
    """Triggers the View ▸ Annotators entry whose text (without "&") is ``text``."""
    action = next(a for a in window.annotators_menu.entries()
                  if a.text().replace("&", "") == text)
    action.trigger()


def _mouse(body, kind: QEvent.Type, point: QPoint) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    held = button if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
    QApplication.sendEvent(body.viewport(), QMouseEvent(
        kind, QPointF(point), QPointF(body.viewport().mapToGlobal(point)), button, held,
        Qt.KeyboardModifier.NoModifier))


def _point_in(pane, word: str) -> QPoint:
    """Where ``word`` (its first occurrence) is on the pane's screen; the cursor put there."""
    body = pane.pane.body
    cursor = body.textCursor()
    cursor.setPosition(pane.pane.text().index(word) + 1)
    body.setTextCursor(cursor)
    return body.cursorRect(cursor).center()


@pytest.fixture
def window(qtbot, make_window):
    """A window on FRENCH, which Alice and Bob tagged, with its suggestions shown."""
    article_id = store_article("Accord", FRENCH)
    tag(article_id, "OpenAI", "ORG", author="alice")
    tag(article_id, "AWS", "ORG", author="bob")
    window = make_window()
    open_showing_suggestions(qtbot, window, article_id, timeout=5_000)
    assert (*_span(FRENCH, MONEY), "MONEY") in window.reader_suggestions()
    return window


def _assert_n_walks_what_is_shown(qtbot, window) -> None:
    shown = window.reader_suggestions()
    qtbot.keyClick(window.reader.body, Qt.Key.Key_N)
    selected = window.reader.selection_range()
    assert selected is not None and any((s, e) == selected for s, e, _ in shown)


def test_suggestions_stay_dashed_when_the_pane_shows_one_annotator_then_everyone(
        qtbot, window):
    before = window.reader_suggestions()

    _choose(window, "1 alice")
    assert window.reader_highlights() == [(*_span(FRENCH, "OpenAI"), "ORG")]
    assert window.reader_suggestions() == before
    _assert_n_walks_what_is_shown(qtbot, window)

    _choose(window, "Everyone")
    assert len(window.reader_highlights()) == 2
    assert window.reader_suggestions() == before
    _assert_n_walks_what_is_shown(qtbot, window)


def test_suggestions_stay_dashed_when_a_tag_under_a_filter_brings_everyone_back(
        qtbot, window):
    pane = window.active
    _choose(window, "1 alice")
    window.settings.set(keys.AUTHOR, "carol")

    pane.select_range(*_span(FRENCH, "AWS", 1))
    assert pane.tag_selection("ORG") is not None
    qtbot.waitUntil(lambda: pane.annotator_filter == EVERYONE)  # so that Carol's tag shows

    assert len(window.reader_highlights()) == 3
    assert (*_span(FRENCH, MONEY), "MONEY") in window.reader_suggestions()
    _assert_n_walks_what_is_shown(qtbot, window)


def test_a_chosen_mention_stays_marked_in_every_pane_in_its_new_colour_after_a_recolour(
        qtbot, make_window):
    french, english = store_article("Accord", FRENCH), store_article("Deal", ENGLISH, "en")
    window = make_window()
    window.open_article(french)
    right = window.open_beside(english)
    left = window.panes[0]
    for pane in (left, right):
        pane.select_range(*_span(pane.pane.text(), "AWS"))
        assert pane.tag_selection("ORG") is not None
    window.focus_pane(left)
    body = left.pane.body
    point = _point_in(left, "AWS")
    _mouse(body, QEvent.Type.MouseMove, point)
    _mouse(body, QEvent.Type.MouseButtonPress, point)  # chosen: marked until something else is
    _mouse(body, QEvent.Type.MouseButtonRelease, point)
    _mouse(body, QEvent.Type.MouseMove, QPoint(1, 1))
    assert left.marked() == [_span(FRENCH, "AWS")]
    assert right.marked() == [_span(ENGLISH, "AWS")]

    org = window.labels.named("ORG")
    assert window.runner.run(EditLabel(org.id, {"color": "#123456"}))

    assert left.marked() == [_span(FRENCH, "AWS")]
    assert right.marked() == [_span(ENGLISH, "AWS")]
    start = FRENCH.index("AWS")
    assert [h.color for h in left.pane.highlights_at(start) if h.marked] == ["#123456"]
    _mouse(body, QEvent.Type.MouseMove, point)  # over it and off again: still marked
    _mouse(body, QEvent.Type.MouseMove, QPoint(1, 1))
    assert right.marked() == [_span(ENGLISH, "AWS")]


def test_a_mention_under_the_mouse_stays_marked_after_a_recolour(qtbot, make_window):
    french = store_article("Accord", FRENCH)
    window = make_window()
    window.open_article(french)
    pane = window.active
    qtbot.waitUntil(lambda: window.suggestions.shown_for() == french)
    for nth in (0, 1):
        pane.select_range(*_span(FRENCH, "AWS", nth))
        assert pane.tag_selection("ORG") is not None
    _mouse(pane.pane.body, QEvent.Type.MouseMove, _point_in(pane, "AWS"))
    assert pane.marked() == [_span(FRENCH, "AWS"), _span(FRENCH, "AWS", 1)]

    assert window.runner.run(EditLabel(window.labels.named("ORG").id, {"color": "#123456"}))

    assert pane.marked() == [_span(FRENCH, "AWS"), _span(FRENCH, "AWS", 1)]
    assert (*_span(FRENCH, MONEY), "MONEY") in window.reader_suggestions()


def test_the_link_dialog_offers_only_the_annotations_the_pane_shows(qtbot, make_window):
    article_id = store_article("Accord", FRENCH)
    tag(article_id, "OpenAI", "ORG", author="alice")
    money = tag(article_id, MONEY, "MONEY", author="alice", value=3.8e10, unit="USD")
    bobs = tag(article_id, "AWS", "ORG", author="bob")
    window = make_window()
    window.open_article(article_id)
    _choose(window, "1 alice")
    assert window.active.annotator_filter == only("alice")

    dialog = window.open_link_dialog(annotation_id=money)
    assert dialog is not None
    assert dialog.visible_texts() == ["“OpenAI” · ORG"]
    assert bobs not in dialog.checked_ids()
    dialog.reject()

    _choose(window, "Everyone")
    dialog = window.open_link_dialog(annotation_id=money)
    assert dialog is not None
    assert dialog.visible_texts() == ["“OpenAI” · ORG", "“AWS” · ORG"]
    dialog.reject()


def test_linking_when_the_pane_hides_every_other_annotation_says_why(qtbot, make_window):
    article_id = store_article("Accord", FRENCH)
    money = tag(article_id, MONEY, "MONEY", author="alice", value=3.8e10, unit="USD")
    tag(article_id, "AWS", "ORG", author="bob")
    window = make_window()
    window.open_article(article_id)
    _choose(window, "1 alice")

    assert window.open_link_dialog(annotation_id=money) is None
    assert window.statusBar().currentMessage() == (
        "The other annotations of this article are not shown in this pane "
        "(View ▸ Annotators): there is none to link it to here.")
