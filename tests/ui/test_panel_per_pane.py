"""The annotation panel keeps one list per reader pane: focus comes back to it as it was."""

from __future__ import annotations

from db import reads
from tests.helpers import store_article
from tests.ui.test_panes import ENGLISH, _tag
from tests.ui.test_panes import _two as two_panes


def _two(make_window):
    window, left, right, _french, _english = two_panes(make_window)
    return window, left, right


def _label_id(name: str) -> int:
    return next(label.id for label in reads.labels() if label.name == name)


def _shown_name(panel, annotation_id: int) -> str:
    index = panel.model().index_of(annotation_id)
    assert index.isValid()
    return index.siblingAtColumn(1).data()


def test_focusing_a_pane_again_shows_its_list_as_it_was_left(qtbot, make_window):
    window, left, right = _two(make_window)
    window.focus_pane(left)
    _tag(left, "OpenAI")
    aws = _tag(left, "AWS")
    _tag(left, "38 milliards de dollars", "MONEY")
    panel = window.panel
    assert panel.select_annotation(aws)
    money = panel.model().group_index(_label_id("MONEY"))
    panel.tree.collapse(money)
    assert panel.entity_edit.text() == "AWS"

    window.focus_pane(right)  # nothing tagged there yet
    assert panel.article_id() == right.article_id
    assert panel.stack.currentWidget() is panel.empty_label
    assert not panel.editor.isVisible()

    window.focus_pane(left)
    assert panel.article_id() == left.article_id
    assert panel.stack.currentWidget() is panel.tree
    assert panel.annotation_count() == 3
    assert panel.current_annotation_id() == aws and panel.selected_annotation_ids() == [aws]
    assert panel.entity_edit.text() == "AWS"  # the editor shows it again
    assert not panel.tree.isExpanded(panel.model().group_index(_label_id("MONEY")))
    assert panel.tree.isExpanded(panel.model().group_index(_label_id("ORG")))


def test_a_change_made_while_another_pane_had_the_focus_is_shown_when_it_comes_back(
        qtbot, make_window):
    from desktop.core.entity_operations import RenameEntity

    window, left, right = _two(make_window)
    window.focus_pane(left)
    openai = _tag(left, "OpenAI")
    panel = window.panel
    assert _shown_name(panel, openai) == "OpenAI"

    window.focus_pane(right)
    in_right = _tag(right, "OpenAI")
    record = reads.get_annotation(openai)
    assert record is not None and record.entity_id is not None
    assert window.runner.run(RenameEntity(record.entity_id, "OpenAI Group"))
    assert _shown_name(panel, in_right) == "OpenAI Group"  # the list in view follows at once

    window.focus_pane(left)
    assert _shown_name(panel, openai) == "OpenAI Group"
    assert panel.annotation_count() == 1


def test_a_closed_pane_s_list_serves_the_next_pane_and_lists_do_not_pile_up(
        qtbot, make_window):
    window, left, right = _two(make_window)
    panel = window.panel
    window.focus_pane(left)  # each pane's list is built when it is first shown
    window.focus_pane(right)
    assert panel.stack.count() == 3  # the "no annotations" page and one list per pane
    _tag(right, "OpenAI")
    window.close_pane(right)
    assert panel.article_id() == left.article_id
    for round_ in range(3):  # opening and closing beside again and again
        again = window.open_beside(store_article(f"Encore {round_}",
                                                 f"{ENGLISH} Encore {round_}.", "en"))
        assert again is not None
        assert panel.article_id() == again.article_id
        assert panel.annotation_count() == 0  # nothing of the closed pane's list is left
        assert panel.stack.currentWidget() is panel.empty_label
        _tag(again, "OpenAI")
        assert panel.annotation_count() == 1
        window.close_pane(again)
    qtbot.wait(1)
    assert panel.stack.count() == 3  # the first pane's list and one kept for the next
