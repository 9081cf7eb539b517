"""Reading side by side: panes that tag on their own, and a window that follows the focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from db import reads
from desktop.ui.settings import BESIDE, LAST_ARTICLE
from tests.helpers import store_article

FRENCH = "OpenAI signe avec AWS un contrat de 38 milliards de dollars. AWS s’en félicite."
ENGLISH = "Amazon Web Services signs a $38 billion deal with OpenAI. AWS will supply GPUs."


def _span(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def _tag(pane, word: str, label: str = "ORG", nth: int = 0) -> int:
    pane.select_range(*_span(pane.pane.text(), word, nth))
    annotation_id = pane.tag_selection(label)
    assert annotation_id is not None
    return annotation_id


def _two(make_window):
    french, english = store_article("Accord", FRENCH), store_article("Deal", ENGLISH, "en")
    window = make_window()
    window.open_article(french)
    right = window.open_beside(english)
    assert right is not None
    return window, window.panes[0], right, french, english


def test_two_panes_tag_on_their_own_and_come_back_after_a_restart(qtbot, make_window):
    window, left, right, french, english = _two(make_window)
    assert [p.article_id for p in window.panes] == [french, english]
    _tag(left, "OpenAI")
    _tag(right, "OpenAI")
    _tag(right, "GPUs", "PRODUCT")
    assert left.highlights() == [(0, 6, "ORG")]
    start = ENGLISH.index("OpenAI")
    assert right.highlights() == [(start, start + 6, "ORG"),
                                  (*_span(ENGLISH, "GPUs"), "PRODUCT")]
    window.focus_pane(right)
    window.close()  # saves the session

    again = make_window()
    qtbot.waitUntil(lambda: len(again.panes) == 2)
    assert [p.article_id for p in again.panes] == [french, english]
    assert again.active is again.panes[1]  # the pane that had the focus
    assert again.panes[0].highlights() == [(0, 6, "ORG")]
    assert len(again.panes[1].highlights()) == 2


def test_the_panel_the_title_and_the_undo_history_follow_the_focused_pane(qtbot, make_window):
    window, left, right, french, english = _two(make_window)
    assert window.active is right and window.panel.article_id() == english
    assert window.windowTitle().startswith("Deal")
    assert right.pane._active_bar.isVisibleTo(window)  # the focused pane is marked
    assert not left.pane._active_bar.isVisibleTo(window)

    in_right = _tag(right, "OpenAI")
    window.focus_pane(left)
    assert window.panel.article_id() == french and window.windowTitle().startswith("Accord")
    assert left.pane._active_bar.isVisibleTo(window)
    in_left = _tag(left, "AWS")
    assert window.undo_action.text() == "&Undo Tag ORG"

    window.undo_action.trigger()  # the left pane's last step only
    assert reads.get_annotation(in_left) is None
    assert reads.get_annotation(in_right) is not None
    assert not window.undo_action.isEnabled()  # nothing more in this pane's history

    window.focus_pane(right)
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert reads.get_annotation(in_right) is None


def test_the_focus_moving_into_a_pane_makes_it_the_focused_one(qtbot, make_window):
    window, left, right, french, _english = _two(make_window)
    left.pane.body.setFocus()
    qtbot.waitUntil(lambda: window.active is left)
    assert window.panel.article_id() == french


def test_hovering_a_mention_marks_its_entity_in_every_pane_aliases_too(qtbot, make_window):
    window, left, right, _french, _english = _two(make_window)
    aws = _tag(left, "AWS")
    _tag(left, "AWS", nth=1)
    _tag(left, "OpenAI")
    amazon = _tag(right, "Amazon Web Services")
    _tag(right, "AWS")  # names the entity "AWS" at first…
    window.edit_annotation(amazon, {"entity": "AWS"})  # …and now so does this one
    _tag(right, "OpenAI")

    body = left.pane.body
    start = FRENCH.index("AWS")
    cursor = body.textCursor()
    cursor.setPosition(start + 1)
    point = body.cursorRect(cursor).center()
    QApplication.sendEvent(body.viewport(), QMouseEvent(
        QEvent.Type.MouseMove, QPointF(point), QPointF(body.viewport().mapToGlobal(point)),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))

    assert left.marked() == [_span(FRENCH, "AWS"), _span(FRENCH, "AWS", 1)]
    assert right.marked() == [_span(ENGLISH, "Amazon Web Services"), _span(ENGLISH, "AWS")]
    assert reads.get_annotation(aws).entity_id == right.entity_of(amazon)

    QApplication.sendEvent(body.viewport(), QMouseEvent(
        QEvent.Type.MouseMove, QPointF(QPoint(1, 1)), QPointF(QPoint(1, 1)),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    assert left.marked() == [] and right.marked() == []  # off the mention: no marks

    window.panel.annotation_activated.emit(aws)  # chosen in the panel: marked until changed
    assert len(right.marked()) == 2


def test_opening_beside_from_the_library_and_closing_and_swapping_panes(qtbot, make_window):
    first = store_article("Un", "Premier article sur Nvidia.")
    second = store_article("Deux", "Second article sur AMD.")
    third = store_article("Trois", "Troisième article sur Intel.")
    window = make_window()
    window.open_article(first)
    library = window.library
    table = library.table

    library.select_article(second)
    qtbot.keyClick(table, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [p.article_id for p in window.panes] == [first, second]

    row = library.model().row_of(third)
    point = table.visualRect(library.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.AltModifier, point)
    assert [p.article_id for p in window.panes] == [first, second, third]
    assert window.active.article_id == third

    window.open_beside(second)  # already open: focused, not opened twice
    assert len(window.panes) == 3 and window.active.article_id == second
    window.swap_panes()
    assert [p.article_id for p in window.panes] == [first, third, second]
    assert [window.splitter.widget(i) for i in range(3)] == [p.pane for p in window.panes]

    window.close_pane_action.trigger()  # View ▸ Close pane (Ctrl+W): the focused one
    assert [p.article_id for p in window.panes] == [first, third]
    assert window.splitter.count() == 2
    window.close_pane()
    window.close_pane()  # the last pane stays
    assert [p.article_id for p in window.panes] == [first]


def test_moving_through_the_library_then_opening_beside_keeps_the_pane_it_left(
        qtbot, make_window):
    first = store_article("Un", "Premier article sur Nvidia.")
    second = store_article("Deux", "Second article sur AMD.")
    window = make_window()
    window.open_article(first)
    library = window.library
    library.select_article(second)
    library.article_activated.emit(second)  # moving down the list opens it in the pane
    assert window.active.article_id == second
    qtbot.keyClick(library.table, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [p.article_id for p in window.panes] == [first, second]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])  # Enter: the keypad's
def test_a_search_then_ctrl_shift_enter_opens_the_first_match_beside(qtbot, make_window, key):
    first = store_article("Un", "Premier article sur Nvidia.")
    store_article("Deux", "Second article sur AMD.")
    third = store_article("Trois", "Troisième article sur Intel, sept ans après.")
    window = make_window()
    window.open_article(first)
    window.search_action.trigger()  # Ctrl+K
    qtbot.keyClicks(window.library.search_edit, "sept ans")  # the search waits for a pause

    keypad = Qt.KeyboardModifier.KeypadModifier if key == Qt.Key.Key_Enter else \
        Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(window.library.search_edit, key, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier | keypad)

    assert [p.article_id for p in window.panes] == [first, third]
    assert window.active.article_id == third
    assert window.library.model().rowCount() == 1


def test_a_right_click_in_the_library_opens_nothing(qtbot, make_window):
    first = store_article("Un", "Premier article sur Nvidia.")
    second = store_article("Deux", "Second article sur AMD.")
    window = make_window()
    window.open_article(first)
    table = window.library.table
    row = window.library.model().row_of(second)
    point = table.visualRect(window.library.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.RightButton, pos=point)
    assert window.active.article_id == first


def test_the_panes_share_the_known_names_and_a_tag_teaches_them_at_once(qtbot, make_window):
    window, left, right, _french, _english = _two(make_window)
    matcher = window.known_names.matcher()
    _tag(left, "OpenAI")
    assert window.known_names.matcher() is matcher  # learnt, not built again
    qtbot.waitUntil(lambda: any(s.text == "OpenAI" for s in right.suggestions.suggestions()))


def test_an_amount_tagged_by_hand_is_stored_with_its_number(qtbot, make_window):
    window, left, right, french, english = _two(make_window)
    money = _tag(left, "38 milliards de dollars", "MONEY")
    in_english = _tag(right, "$38 billion", "MONEY")
    not_a_number = _tag(left, "OpenAI", "MONEY")  # a wrong label: no number to read

    stored = reads.get_annotation(money)
    assert stored is not None
    assert (stored.value, stored.unit, stored.value_high) == (3.8e10, "USD", None)
    stored = reads.get_annotation(in_english)
    assert stored is not None and (stored.value, stored.unit) == (3.8e10, "USD")
    stored = reads.get_annotation(not_a_number)
    assert stored is not None and stored.value is None and stored.unit is None


def test_the_pane_built_ahead_opens_beside_as_any_other(qtbot, make_window):
    """After a pane opens beside, the next one is built while the window is idle: it is
    the one that opens next, hidden until then, and works as any pane does."""
    window, left, right, french, english = _two(make_window)
    qtbot.waitUntil(lambda: window._spare is not None)
    spare = window._spare
    assert spare not in window.panes and not spare.pane.isVisible()
    third = store_article("Troisième", "Nvidia fournit des GPU à OpenAI.")

    opened = window.open_beside(third)

    assert opened is spare and window.panes == [left, right, spare]
    assert spare.pane.isVisible() and window.active is spare
    _tag(spare, "Nvidia")
    assert spare.highlights() == [(0, 6, "ORG")]
    assert window.panel.annotation_count() == 1  # the panel follows it
    assert spare.undo_stack not in (left.undo_stack, right.undo_stack)
    window.undo_action.trigger()
    assert spare.highlights() == [] and left.highlights() == []
    qtbot.waitUntil(lambda: window._spare is not None and window._spare is not spare)


def test_going_back_to_the_first_pane_rewrites_no_settings(qtbot, make_window, settings_path):
    window, left, right, french, _english = _two(make_window)
    window.focus_pane(left)
    window.settings.sync()
    written = settings_path.stat().st_mtime_ns, settings_path.read_bytes()

    for pane in (right, left, right, left):  # the first pane's article is set each time
        window.focus_pane(pane)
    window.settings.sync()

    assert (settings_path.stat().st_mtime_ns, settings_path.read_bytes()) == written
    assert window.settings.get(LAST_ARTICLE) == french


def test_a_value_this_version_does_not_know_is_overwritten_even_with_the_default(tmp_path):
    from desktop.ui.settings import ACTIVE_PANE, THEME, Settings

    path = tmp_path / "settings.ini"
    path.write_text("[ui]\ntheme=sepia\n[reader]\nactive_pane=abc\nlast_article=7\n",
                    encoding="utf-8")
    settings = Settings(path)
    assert settings.get(THEME) == "system"  # read as the default

    settings.set(THEME, "system")
    settings.set(ACTIVE_PANE, 0)
    settings.set(LAST_ARTICLE, 7)  # the same, read back from the file as text
    settings.sync()

    text = path.read_text(encoding="utf-8")
    assert "theme=system" in text and "active_pane=0" in text and "sepia" not in text
    assert "last_article=7" in text


def test_open_beside_with_no_row_chosen_and_no_search_says_what_to_do(qtbot, make_window):
    first = store_article("Un", "Premier article sur Nvidia.")
    store_article("Deux", "Second article sur AMD.")
    window = make_window()
    window.open_article(first)
    window.library.table.selectionModel().clear()

    window.open_beside_action.trigger()

    assert [p.article_id for p in window.panes] == [first]
    assert "Open beside" in window.statusBar().currentMessage()


def test_a_pane_whose_tag_all_is_running_stays_open_until_it_is_stored(qtbot, make_window):
    from desktop.core.occurrences import Occurrence

    window, left, right, _, english = _two(make_window)
    window.focus_pane(right)
    start, end = _span(ENGLISH, "AWS")
    running = window.tag_occurrences([Occurrence(english, "Deal", start, end, "AWS", "")],
                                     window.labels.named("ORG").id)
    assert running is not None and window.runner.busy

    assert not window.close_pane(right)  # Ctrl+W before the work is stored
    assert window.statusBar().currentMessage() == \
        "Please wait: a long change is still being saved."
    assert right in window.panes
    assert window.open_beside(english + 100) is None  # no such article: no pane left behind
    third = window.open_beside(store_article("Autre", "Un autre article."))
    assert third is not None and window.close_pane(third)  # another pane closes
    assert window.panes == [left, right]

    qtbot.waitUntil(lambda: not window.runner.busy)
    assert right.highlights() == [(start, end, "ORG")]
    assert right.undo_stack.undoText() == window.runner.stack.undoText() != ""
    assert window.close_pane(right)
    left.select_range(*_span(FRENCH, "OpenAI"))
    assert left.tag_selection("ORG") is not None  # the window takes changes again


def _mouse(body, kind: QEvent.Type, point: QPoint) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else \
        Qt.MouseButton.NoButton
    held = button if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
    QApplication.sendEvent(body.viewport(), QMouseEvent(
        kind, QPointF(point), QPointF(body.viewport().mapToGlobal(point)), button, held,
        Qt.KeyboardModifier.NoModifier))


def test_clicking_a_marked_mention_chooses_it_and_delete_removes_it_alone(qtbot, make_window):
    window, left, right, _, _ = _two(make_window)
    aws = _tag(left, "AWS")
    _tag(right, "AWS")
    assert window.panel.isVisible()
    window.focus_pane(left)
    body = left.pane.body
    cursor = body.textCursor()
    cursor.setPosition(_span(FRENCH, "AWS")[0] + 1)
    body.setTextCursor(cursor)
    point = body.cursorRect(cursor).center()

    _mouse(body, QEvent.Type.MouseMove, point)  # the mouse over it marks its entity…
    assert left.marked() == [_span(FRENCH, "AWS")] and len(right.marked()) == 1
    _mouse(body, QEvent.Type.MouseButtonPress, point)  # …and a click on it chooses it
    _mouse(body, QEvent.Type.MouseButtonRelease, point)
    assert window.panel.current_annotation_id() == aws
    _mouse(body, QEvent.Type.MouseMove, QPoint(1, 1))
    assert len(right.marked()) == 1  # chosen: marked until something else is

    qtbot.keyClick(body, Qt.Key.Key_Delete)
    assert reads.get_annotation(aws) is None
    assert window.undo_action.text().replace("&", "") == "Undo Remove annotation"


def test_the_panes_come_back_in_their_order_after_a_swap_or_a_close(qtbot, make_window):
    window, _left, _right, french, english = _two(make_window)
    window.swap_panes()  # the focused (right) pane moves left
    assert [p.article_id for p in window.panes] == [english, french]
    window.close()

    again = make_window()
    qtbot.waitUntil(lambda: len(again.panes) == 2)
    assert [p.article_id for p in again.panes] == [english, french]
    assert again.active is again.panes[0]  # the focus came along with the pane

    assert again.close_pane(again.panes[0])
    again.close()
    assert again.settings.get(BESIDE) == ""  # nothing to open beside…
    third = make_window()
    assert [p.article_id for p in third.panes] == [french]  # …and this one first


def test_the_focused_pane_keeps_the_focus_when_an_article_before_it_is_gone(qtbot, make_window):
    window, _left, _right, french, english = _two(make_window)
    other = store_article("Autre", "Un troisième article, sur Nvidia.")
    window.open_beside(other)  # focused: the third pane
    window.close()
    from db.models import Article

    Article.delete_by_id(english)  # gone meanwhile (say, another team member removed it)

    again = make_window()
    qtbot.waitUntil(lambda: len(again.panes) == 2)
    assert [p.article_id for p in again.panes] == [french, other]
    assert again.active is again.panes[1]  # the third pane, now the second
