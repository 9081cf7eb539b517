"""The Link dialog: typed relations made by keyboard or mouse, shown in the panel, undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from db import annotations as store
from db.relation_kinds import links_of, relation_kinds
from tests.helpers import store_article, tag

BODY = ("OpenAI signe avec AWS un contrat de 38 milliards de dollars. "
        "Microsoft n'est pas concerné par cet accord.")

# Completer popups (the editable Kind combo) say this offscreen; it is harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture
def article(qtbot, make_window):
    article_id = store_article("Contrat", BODY)
    ids = {
        "openai": tag(article_id, "OpenAI", "ORG", entity="OpenAI"),
        "aws": tag(article_id, "AWS", "ORG", entity="Amazon Web Services"),
        "money": tag(article_id, "38 milliards de dollars", "MONEY", value=3.8e10, unit="USD"),
        "microsoft": tag(article_id, "Microsoft", "ORG", entity="Microsoft"),
    }
    window = make_window()
    window.open_article(article_id)
    qtbot.waitUntil(lambda: len(window.reader_highlights()) == 4)
    return window, article_id, ids


def _relations(article_id: int) -> list[tuple[int, str, int, int]]:
    return sorted(store.relations_for_article(article_id))


def _press_l_in(qtbot, window, text: str):
    """Puts the reader's cursor inside ``text`` and presses L there; returns the dialog."""
    start = window.reader.text().index(text)
    window.select_range(start + 1, start + 1)
    window.reader.body.setFocus()
    qtbot.keyClick(window.reader.body, Qt.Key.Key_L)
    dialog = window.link_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_l_on_an_amount_links_it_to_the_parties_of_its_sentence_undoably(qtbot, article):
    window, article_id, ids = article

    dialog = _press_l_in(qtbot, window, "milliards")

    assert dialog.heading.text() == "Link “38 milliards de dollars” (MONEY) to:"
    assert dialog.visible_texts() == ["“OpenAI” · ORG · OpenAI",
                                      "“AWS” · ORG · Amazon Web Services",
                                      "“Microsoft” · ORG · Microsoft"]
    assert dialog.checked_ids() == [ids["openai"], ids["aws"]]  # the sentence's parties
    assert dialog.kind() == "deal"
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)  # Enter is OK

    made = _relations(article_id)
    assert [(kind, source, target) for _id, kind, source, target in made] == [
        ("deal", ids["money"], ids["openai"]), ("deal", ids["money"], ids["aws"])]
    assert not dialog.isVisible()

    window.undo_action.trigger()  # one undo step takes both back
    assert _relations(article_id) == []
    window.redo_action.trigger()
    assert _relations(article_id) == made  # the same ids


def test_the_panel_shows_what_the_annotation_is_linked_to(qtbot, article):
    window, article_id, ids = article
    panel = window.panel
    assert panel.select_annotation(ids["money"])
    assert panel.links_label.isHidden()

    window.commands.link(ids["money"], [ids["openai"], ids["aws"]], "deal")

    assert panel.links_label.text() == "Linked to: OpenAI (deal), AWS (deal)"
    assert not panel.links_label.isHidden()
    window.undo_action.trigger()
    assert panel.links_label.isHidden()
    window.redo_action.trigger()
    assert panel.links_label.text() == "Linked to: OpenAI (deal), AWS (deal)"
    assert panel.select_annotation(ids["aws"])  # the other end shows it too
    assert panel.links_label.text() == "Linked to: 38 milliards de dollars (deal)"


def test_a_kind_of_ones_own_by_keyboard_alone_is_stored_and_offered_next_time(
        qtbot, article):
    window, article_id, ids = article

    dialog = _press_l_in(qtbot, window, "AWS")
    assert dialog.heading.text() == "Link “AWS” (ORG) to:"
    assert dialog.checked_ids() == []  # a name: nothing is checked for it
    assert not dialog.ok_button.isEnabled()  # nor chosen by a filter
    qtbot.waitUntil(dialog.filter_edit.hasFocus)
    qtbot.keyClicks(dialog.filter_edit, "micro")
    assert dialog.visible_texts() == ["“Microsoft” · ORG · Microsoft"]
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Down)
    qtbot.waitUntil(dialog.list.hasFocus)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert dialog.checked_ids() == [ids["microsoft"]]
    assert dialog.ok_button.isEnabled()
    line = dialog.kind_combo.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "supplies")
    assert dialog.kind() == "supplies"
    dialog.ok_button.click()

    [(_id, kind, source, target)] = _relations(article_id)
    assert (kind, source, target) == ("supplies", ids["aws"], ids["microsoft"])
    assert relation_kinds() == ["deal", "supplies"]

    dialog = _press_l_in(qtbot, window, "OpenAI")
    offered = [dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())]
    assert offered == ["deal", "supplies"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels: nothing stored
    assert not dialog.isVisible()
    assert len(_relations(article_id)) == 1


def test_with_nothing_checked_enter_links_to_the_row_the_filter_found(qtbot, article):
    window, article_id, ids = article
    dialog = _press_l_in(qtbot, window, "AWS")
    assert dialog.checked_ids() == []
    qtbot.waitUntil(dialog.filter_edit.hasFocus)
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)  # the first row: nobody chose it
    assert dialog.isVisible() and _relations(article_id) == []

    qtbot.keyClicks(dialog.filter_edit, "zzz")  # nothing found: nothing to link to
    assert dialog.visible_texts() == [] and not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and _relations(article_id) == []
    dialog.filter_edit.clear()
    qtbot.keyClicks(dialog.filter_edit, "micro")
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    [(_id, kind, source, target)] = _relations(article_id)
    assert (kind, source, target) == ("deal", ids["aws"], ids["microsoft"])


def test_typing_in_the_list_goes_back_to_the_filter(qtbot, article):
    window, _article_id, _ids = article
    dialog = _press_l_in(qtbot, window, "Microsoft")
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Down)
    qtbot.waitUntil(dialog.list.hasFocus)

    qtbot.keyClicks(dialog.list, "open")

    qtbot.waitUntil(dialog.filter_edit.hasFocus)
    assert dialog.filter_edit.text() == "open"
    assert dialog.visible_texts() == ["“OpenAI” · ORG · OpenAI"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_an_entity_links_to_an_amount_as_its_party(qtbot, article):
    window, article_id, ids = article

    assert window.commands.link(ids["aws"], [ids["money"]], "deal") == 1
    assert window.commands.link(ids["money"], [ids["aws"]], "deal") == 0  # not twice

    [(_id, kind, source, target)] = _relations(article_id)
    assert (kind, source, target) == ("deal", ids["money"], ids["aws"])  # amount → party
    assert [link.kind for link in links_of([ids["aws"]])] == ["deal"]


def test_the_reader_menu_over_an_annotation_offers_link(qtbot, article):
    window, _article_id, ids = article
    body = window.reader.body
    cursor = QTextCursor(body.document())
    cursor.setPosition(window.reader.text().index("AWS") + 1)
    point = body.cursorRect(cursor).center() + QPoint(2, 0)

    menu = window.reader.context_menu(point)
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["Remove annotation", "Link…\tL"]  # then Copy, Select All…
    menu.actions()[1].trigger()
    dialog = window.link_dialog
    assert dialog is not None and dialog.source.id == ids["aws"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    menu.deleteLater()


def test_l_outside_an_annotation_or_typed_in_the_library_search_opens_nothing(
        qtbot, article):
    window, article_id, _ids = article
    start = window.reader.text().index("signe")
    window.select_range(start, start)
    window.reader.body.setFocus()
    qtbot.keyClick(window.reader.body, Qt.Key.Key_L)
    assert window.link_dialog is None
    assert "annotation" in window.statusBar().currentMessage()

    search = window.library.search_edit
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClick(search, Qt.Key.Key_L)
    assert search.text() == "l"
    assert window.link_dialog is None
    assert _relations(article_id) == []
