"""Tools ▸ Adjudicate…: two annotators side by side, one difference at a time, undoably."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db import reads
from db.agreement_reads import authored_annotations
from desktop.core.adjudication import ADJUDICATED, Choice
from desktop.ui.adjudication_dock import (
    AdjudicateDialog,
    AdjudicationDock,
    ask_adjudication,
    start_adjudication,
)
from desktop.ui.annotator_filter import EVERYONE, only
from tests.helpers import store_article, tag
from tests.ui.test_annotator_views import ALICE, BOB, TEXT, _span, _spans

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def article(db) -> int:
    """Alice and Bob as in test_annotator_views; Carol tagged one word."""
    article_id = store_article("Deal", TEXT, "en")
    for author, pairs in (("alice", ALICE), ("bob", BOB), ("carol", [("AWS", "ORG")])):
        for word, label in pairs:
            tag(article_id, word, label, author=author, value=3.8e10 if label == "MONEY"
                else None, unit="USD" if label == "MONEY" else None)
    return article_id


@pytest.fixture
def window(make_window, article):
    window = make_window()
    window.open_article(article)
    window.panel  # noqa: B018 (built now rather than after the first paint)
    return window


def _result(article_id: int) -> list[tuple[int, int, str]]:
    names = {label.id: label.name for label in reads.labels()}
    return sorted((r.start, r.end, names[r.label_id])
                  for r in authored_annotations(article_id, [ADJUDICATED]))


def _rows(dock: AdjudicationDock) -> list[list[str]]:
    model = dock.model()
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


@pytest.fixture
def dock(window, article) -> AdjudicationDock:
    return start_adjudication(window, "alice", "bob")


def test_the_dialog_offers_the_two_with_most_annotations(qtbot, window, article):
    dialog = ask_adjudication(window)
    assert dialog is not None
    assert dialog.chosen() == ("alice", "bob")  # 4 each; Carol has 1
    assert dialog.first_combo.currentText() == "alice (4 annotations)"
    dialog.second_combo.setCurrentIndex(0)  # the same one twice: not allowed
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.second_combo.setCurrentIndex(2)
    dialog.accept()
    dock = window.findChild(AdjudicationDock, "adjudication")
    assert dock is not None and dock.isVisible()
    assert dock.annotators == ("alice", "carol")


def test_it_opens_the_article_twice_filtered_to_each_annotator(qtmodeltester, window, article,
                                                              dock):
    qtmodeltester.check(dock.model())
    left, right = window.panes
    assert left.article_id == right.article_id == article
    assert left.annotator_filter == only("alice") and right.annotator_filter == only("bob")
    assert left.highlights() == _spans(ALICE)
    assert right.highlights() == _spans(BOB)
    assert _rows(dock) == [
        ["boundaries differ", "“$38 billion”", "MONEY “$38 billion”", "MONEY “38 billion”", ""],
        ["label differs", "“OpenAI”", "ORG “OpenAI”", "PERSON “OpenAI”", ""],
        ["only right", "“GPUs”", "—", "PRODUCT “GPUs”", ""],
        ["only left", "“Nvidia”", "ORG “Nvidia”", "—", ""],
    ]
    header = dock.model().headerData
    assert [header(c, Qt.Orientation.Horizontal) for c in (2, 3)] == ["alice (left)",
                                                                      "bob (right)"]


def test_moving_through_the_list_selects_the_difference_in_both_panes(qtbot, window, dock):
    left, right = window.panes
    assert dock.current_row() == 0
    assert left.pane.selection_range() == _span("$38 billion", "")[:2]
    assert right.pane.selection_range() == _span("38 billion", "")[:2]
    qtbot.keyClick(dock.table, Qt.Key.Key_Down)
    qtbot.keyClick(dock.table, Qt.Key.Key_Down)  # GPUs: only Bob; the left shows the place
    assert left.pane.selection_range() == right.pane.selection_range() == _span("GPUs", "")[:2]
    rect = dock.table.visualRect(dock.model().index(3, 1))
    qtbot.mouseClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert left.pane.selection_range() == _span("Nvidia", "")[:2]


def test_keys_1_2_0_decide_and_ctrl_z_undoes(qtbot, window, article, dock):
    dock.table.setFocus()
    qtbot.keyClick(dock.table, Qt.Key.Key_1)  # $38 billion: Alice's
    assert _result(article) == [_span("$38 billion", "MONEY")]
    [money] = authored_annotations(article, [ADJUDICATED])
    assert (money.value, money.unit) == (3.8e10, "USD")
    assert dock.current_row() == 1  # on to the next difference
    qtbot.keyClick(dock.table, Qt.Key.Key_2)  # OpenAI: Bob's
    qtbot.keyClick(dock.table, Qt.Key.Key_0)  # GPUs: neither
    qtbot.keyClick(dock.table, Qt.Key.Key_2)  # Nvidia: Bob's, who has none
    assert _result(article) == [_span("$38 billion", "MONEY"), _span("OpenAI", "PERSON")]
    assert dock.decisions() == ["alice’s", "bob’s", "neither", "bob’s: none"]
    # Neither pane shows the result: the column does.
    assert window.panes[0].highlights() == _spans(ALICE)
    assert window.panes[1].highlights() == _spans(BOB)

    qtbot.keyClick(dock.table, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(dock.table, Qt.Key.Key_Z, CTRL)
    assert dock.decisions() == ["alice’s", "bob’s", "", ""]
    qtbot.keyClick(dock.table, Qt.Key.Key_Z, CTRL)
    assert _result(article) == [_span("$38 billion", "MONEY")]
    assert dock.decisions() == ["alice’s", "", "", ""]
    window.redo_action.trigger()
    assert _result(article) == [_span("$38 billion", "MONEY"), _span("OpenAI", "PERSON")]
    assert dock.decisions()[1] == "bob’s"

    assert dock.decide(Choice.B, row=0)  # a row decided again: Bob's replaces Alice's
    assert _result(article) == [_span("38 billion", "MONEY"), _span("OpenAI", "PERSON")]
    assert dock.decisions()[0] == "bob’s"
    assert "2 of 4 differences decided" in dock.summary.text()


def test_accept_where_they_agree_is_one_step(qtbot, window, article, dock):
    assert dock.agree_button.text() == "Accept where they agree (1)"
    qtbot.mouseClick(dock.agree_button, Qt.MouseButton.LeftButton)
    assert _result(article) == [_span("Amazon Web Services", "ORG")]
    assert dock.agree_button.text() == "Accept where they agree (0)"
    assert not dock.agree_button.isEnabled()
    window.undo_action.trigger()
    assert _result(article) == []
    assert dock.agree_button.isEnabled()


def test_escape_ends_adjudication_and_its_steps_can_still_be_undone(qtbot, window, article,
                                                                    dock):
    left = window.panes[0]
    qtbot.keyClick(dock.table, Qt.Key.Key_1)
    qtbot.keyClick(dock.table, Qt.Key.Key_Escape)
    assert not dock.isVisible()
    assert window.panes == [left]  # the pane opened for Bob is closed
    assert left.annotator_filter == EVERYONE
    assert left.highlights() == sorted(_spans(ALICE) + _spans(BOB) + [_span("AWS", "ORG")]
                                       + [_span("$38 billion", "MONEY")])
    window.undo_action.trigger()  # the decision is in the left pane's history
    assert _result(article) == []


def test_a_change_from_elsewhere_updates_the_rows(window, article, dock):
    from desktop.core.operations import RemoveAnnotations

    [gpus] = [r for r in authored_annotations(article, ["bob"]) if r.quote == "GPUs"]
    assert window.runner.run(RemoveAnnotations([gpus.id]))
    assert [row[1] for row in _rows(dock)] == ["“$38 billion”", "“OpenAI”", "“Nvidia”"]


def test_the_dock_gives_the_article_s_kappa_and_f1(qtbot, make_window):
    """The hand-computed example of tests/core/test_agreement.py (κ = 19/33, exact F1 = 1/3,
    overlapping F1 = 2/3), as ``marginalia agreement`` gives it for this article."""
    sam = store_article("Sam", "Sam Altman met Nvidia in Paris.", "en")
    for author, text, label in [("alice", "Sam Altman", "PERSON"), ("alice", "Nvidia", "ORG"),
                                ("alice", "Paris", "PLACE"), ("bob", "Altman", "PERSON"),
                                ("bob", "Nvidia", "ORG"), ("bob", "Paris", "ORG")]:
        tag(sam, text, label, author=author)
    window = make_window()
    window.open_article(sam)

    dock = start_adjudication(window, "alice", "bob")

    assert ("Agreement here: Cohen’s κ 0.58 on tokens, span F1 0.33 (exact), 0.67 "
            "(overlapping).") in dock.summary.text()


def test_a_letter_in_an_open_menu_chooses_its_entry_not_a_reader_key(qtbot, window, article):
    """"a" in Tools is Adjudicate…, though A accepts a suggestion while the reader has
    the focus (and the focus stays there while a menu is open)."""
    from PySide6.QtCore import QPoint

    chosen = []
    window.annotators_menu.adjudicate_action.triggered.connect(lambda *_: chosen.append(1))
    accepted = []
    window.active.suggestions.accept_action.triggered.connect(lambda *_: accepted.append(1))
    window.reader.body.setFocus()
    assert window.focusWidget() is window.reader.body
    menu = window._tools_menu
    menu.popup(window.mapToGlobal(QPoint(100, 30)))
    qtbot.waitUntil(menu.isVisible)

    qtbot.keyClick(menu, Qt.Key.Key_A)

    assert chosen == [1] and accepted == []
    dialog = window.findChild(AdjudicateDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_a_letter_in_the_readers_context_menu_is_the_menus_not_a_reader_key(qtbot, window):
    """With the reader's right-click menu open, A and N (accept, next suggestion while the
    reader has the focus) do nothing behind the menu."""
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtWidgets import QApplication

    suggestions = window.active.suggestions
    acted = []
    suggestions.accept_action.triggered.connect(lambda *_: acted.append("accept"))
    suggestions.next_action.triggered.connect(lambda *_: acted.append("next"))
    window.reader.body.setFocus()
    seen = []

    def type_in_the_menu() -> None:
        menu = QApplication.activePopupWidget()
        seen.append([action.text() for action in menu.actions()])
        qtbot.keyClick(menu, Qt.Key.Key_A)
        qtbot.keyClick(menu, Qt.Key.Key_N)
        seen.append(menu.isVisible())
        menu.close()

    QTimer.singleShot(0, type_in_the_menu)
    window.reader._on_context_menu(QPoint(5, 5))  # what a right-click runs (until it closes)

    assert seen and any(text.startswith("&Copy") for text in seen[0])
    assert seen[1] is True  # A and N left the menu open…
    assert acted == []  # …and answered no suggestion behind it
    assert QApplication.activePopupWidget() is None
