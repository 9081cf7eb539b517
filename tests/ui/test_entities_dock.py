"""The Entities dock: it lists entities with their counts and runs rename, merge, split
and delete as undoable steps that every view follows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from db import entities as entity_store
from db import reads
from db.annotations import label_by_name
from desktop.ui.entities_dock import (
    ALIASES,
    ARTICLES,
    ENTITY_ID_ROLE,
    LABEL,
    MENTIONS,
    NAME,
    EntitiesDock,
    EntityTableModel,
)
from tests.helpers import store_article, tag

FIRST = "Amazon Web Services et OpenAI signent. AWS fournit les GPU ; d’AWS viendront les puces."
SECOND = "AWS et Sam Altman : OpenAI confirme."


@pytest.fixture
def corpus(db) -> dict[str, int]:
    first, second = store_article("Premier", FIRST), store_article("Second", SECOND)
    return {
        "first": first, "second": second,
        "aws_name": tag(first, "Amazon Web Services", "ORG", entity="Amazon Web Services"),
        "aws_1": tag(first, "AWS", "ORG", entity="AWS"),
        "aws_elided": tag(first, "d’AWS", "ORG", entity="AWS"),
        "aws_2": tag(second, "AWS", "ORG", entity="AWS"),
        "openai": tag(first, "OpenAI", "ORG", entity="OpenAI"),
        "openai_2": tag(second, "OpenAI", "ORG", entity="OpenAI"),
        "altman": tag(second, "Sam Altman", "PERSON", entity="Sam Altman"),
    }


def _org(name: str) -> int:
    found = entity_store.find_entity(name, label_by_name("ORG").id)
    assert found is not None
    return found


def _table(dock: EntitiesDock) -> list[tuple[str, ...]]:
    """What the table shows, row by row: name, label, aliases, mentions, articles."""
    model = dock.model()
    return [tuple(model.index(row, column).data() for column in
                  (NAME, LABEL, ALIASES, MENTIONS, ARTICLES))
            for row in range(model.rowCount())]


def _select(qtbot, dock: EntitiesDock, *names: str) -> None:
    model = dock.model()
    ids = [model.entity(row).id for row in range(model.rowCount())
           if model.entity(row).name in names]
    assert len(ids) == len(names)
    dock.select_entities(ids)
    dock.table.setFocus()


def _panel_entity(window, annotation_id: int) -> str:
    """The "Entity / value" the Annotations panel shows for this annotation."""
    index = window.panel.model().reveal(annotation_id)
    assert index.isValid()
    return index.siblingAtColumn(1).data()


def _tooltip(window, annotation_id: int) -> str:
    record = reads.get_annotation(annotation_id)
    return window.reader.highlights_at(record.start)[0].tooltip


@pytest.fixture
def window(make_window, corpus, qtbot):
    window = make_window()
    window.open_article(corpus["first"])
    window.panel  # noqa: B018 (builds it)
    return window


def test_view_entities_lists_them_with_their_counts_most_mentioned_first(qtbot, window):
    window.entities_action.trigger()
    dock = window.findChild(EntitiesDock, "entities")
    assert dock is not None and dock.isVisible() and dock.windowTitle() == "Entities"
    assert _table(dock) == [
        ("AWS", "ORG", "", "3", "2"),
        ("OpenAI", "ORG", "", "2", "2"),
        ("Amazon Web Services", "ORG", "", "1", "1"),
        ("Sam Altman", "PERSON", "", "1", "1"),
    ]
    assert dock.status_label.text() == "4 entities · double-click one to list its articles"

    dock.search_edit.setText("altm")
    qtbot.waitUntil(lambda: len(_table(dock)) == 1)
    assert _table(dock)[0][0] == "Sam Altman"
    dock.search_edit.clear()
    dock.label_combo.setCurrentIndex(dock.label_combo.findText("ORG"))
    assert [row[0] for row in _table(dock)] == ["AWS", "OpenAI", "Amazon Web Services"]

    dock.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert [row[0] for row in _table(dock)] == ["Amazon Web Services", "AWS", "OpenAI"]


def test_merging_aws_into_amazon_web_services_moves_every_mention_and_undoes_in_one_step(
        qtbot, window, corpus, monkeypatch):
    dock = window.show_entities()
    aws, target = _org("AWS"), _org("Amazon Web Services")
    asked = []

    def choose(_parent, _title, label, items, current, _editable):
        asked.append((label, items, current))
        return next(i for i in items if i.startswith("Amazon Web Services")), True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    _select(qtbot, dock, "AWS", "Amazon Web Services")
    assert dock.merge_action.isEnabled() and not dock.rename_action.isEnabled()
    steps = window.runner.stack.count()
    dock.merge_action.trigger()

    [(label, items, current)] = asked
    assert items[current].startswith("AWS (ORG, 3 tags)")  # the most mentioned by default
    assert label == ("Merge the 2 selected entities into which one?\nThe tags of the other "
                     "one will point to it, and the other's name and aliases will be kept as "
                     "its aliases.")
    mentions = [corpus[k] for k in ("aws_1", "aws_elided", "aws_2")]
    assert {reads.get_annotation(i).entity_id for i in mentions} == {target}
    assert window.runner.stack.count() == steps + 1
    # The reader's tooltips and the panel name the new entity; the list follows.
    assert "Amazon Web Services" in _tooltip(window, corpus["aws_1"])
    assert _panel_entity(window, corpus["aws_elided"]) == "Amazon Web Services"
    assert ("Amazon Web Services", "ORG", "AWS", "4", "2") in _table(dock)
    assert "AWS" not in [row[0] for row in _table(dock)]
    assert dock.selected_ids() == [target]

    window.undo_action.trigger()  # one step puts everything back
    assert {reads.get_annotation(i).entity_id for i in mentions} == {aws}
    assert reads.entity_name(aws) == "AWS"
    assert _panel_entity(window, corpus["aws_1"]) == "AWS"
    assert "Amazon Web Services" not in _tooltip(window, corpus["aws_1"])
    qtbot.waitUntil(lambda: ("AWS", "ORG", "", "3", "2") in _table(dock))


def test_rename_with_f2_shows_in_the_panel_and_a_taken_name_is_refused(
        qtbot, window, corpus, monkeypatch):
    dock = window.show_entities()
    names = iter(["OpenAI Group", "aws"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (next(names), True))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *_a: warnings.append(text))
    _select(qtbot, dock, "OpenAI")
    qtbot.keyClick(dock.table, Qt.Key.Key_F2)

    assert reads.entity_name(_org("OpenAI Group")) == "OpenAI Group"
    assert _panel_entity(window, corpus["openai"]) == "OpenAI Group"
    assert "OpenAI Group" in _tooltip(window, corpus["openai"])
    assert ("OpenAI Group", "ORG", "OpenAI", "2", "2") in _table(dock)  # its old name kept

    qtbot.keyClick(dock.table, Qt.Key.Key_F2)  # "aws" names another entity
    assert warnings == ["“AWS” is already an entity: merge them instead."]
    assert reads.entity_name(_org("OpenAI Group")) == "OpenAI Group"

    window.undo_action.trigger()
    assert _panel_entity(window, corpus["openai"]) == "OpenAI"


def test_split_alias_off_makes_it_an_entity_with_its_tags(qtbot, window, corpus, monkeypatch):
    from desktop.core.entity_operations import MergeEntities

    dock = window.show_entities()
    target = _org("Amazon Web Services")
    assert window.runner.run(MergeEntities([_org("AWS")], target))
    qtbot.waitUntil(lambda: ("Amazon Web Services", "ORG", "AWS", "4", "2") in _table(dock))
    _select(qtbot, dock, "Amazon Web Services")
    assert dock.split_action.isEnabled()
    offered = []

    def choose(_parent, _title, _label, items, *_args):
        offered.append(items)
        return "AWS", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    dock.split_action.trigger()

    assert offered == [["AWS"]]
    aws = _org("AWS")
    assert aws != target
    assert reads.get_annotation(corpus["aws_2"]).entity_id == aws
    assert _panel_entity(window, corpus["aws_1"]) == "AWS"
    assert _panel_entity(window, corpus["aws_name"]) == "Amazon Web Services"
    assert dock.selected_ids() == [aws]


def test_delete_asks_with_the_counts_then_removes_the_tags(qtbot, window, corpus, monkeypatch):
    dock = window.show_entities()
    questions = []
    answer = QMessageBox.StandardButton.Cancel

    def question(_parent, _title, text, *_args):
        questions.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    _select(qtbot, dock, "AWS")
    qtbot.keyClick(dock.table, Qt.Key.Key_Delete)
    assert questions == ["Delete “AWS” (ORG)?\n\n3 tags in 2 articles will be removed "
                         "with it.\nEdit ▸ Undo brings everything back."]
    assert reads.get_annotation(corpus["aws_1"]) is not None  # cancelled: nothing went

    answer = QMessageBox.StandardButton.Yes
    before = window.reader_highlights()
    dock.delete_action.trigger()
    assert [reads.get_annotation(corpus[k]) for k in ("aws_1", "aws_elided", "aws_2")] == [
        None] * 3
    assert len(window.reader_highlights()) == len(before) - 2
    assert "AWS" not in [row[0] for row in _table(dock)]

    window.undo_action.trigger()
    assert window.reader_highlights() == before
    assert reads.get_annotation(corpus["aws_2"]).entity_id == _org("AWS")


def test_double_click_filters_the_library_and_the_panel(qtbot, window, corpus):
    dock = window.show_entities()
    window.open_article(corpus["first"])
    row = next(r for r in range(dock.model().rowCount())
               if dock.model().entity(r).name == "Sam Altman")
    index = dock.model().index(row, NAME)
    dock.table.doubleClicked.emit(index)  # what a double-click on the row sends

    library = window.library.model()
    assert library.filter_ids == [corpus["second"]]
    assert window.current_article_id() == corpus["second"]  # the first one that mentions it
    assert window.panel.annotation_count() == 1
    assert dock.filter_note.label.text() == "Showing the article that mentions “Sam Altman”"
    assert dock.status_label.text() == "4 entities"

    dock.filter_note.button.click()
    assert library.filter_ids is None
    assert window.panel.annotation_count() == 3


def test_the_list_follows_changes_made_elsewhere_while_shown(qtbot, window, corpus):
    dock = window.show_entities()
    window.open_article(corpus["second"])
    start = window.reader.text().index("confirme")
    window.select_range(start, start + len("confirme"))
    window.tag_selection("ORG")  # a new entity, by default
    qtbot.waitUntil(lambda: any(row[0] == "confirme" for row in _table(dock)), timeout=2000)


def test_the_model_passes_the_model_tester(qtmodeltester, corpus):
    from db.entity_admin import entity_rows

    model = EntityTableModel()
    model.set_rows(entity_rows(), {})
    qtmodeltester.check(model, force_py=True)
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    model.set_rows(entity_rows("aws"), {})
    qtmodeltester.check(model)
    assert model.index(0, NAME).data(ENTITY_ID_ROLE) == _org("AWS")


def test_names_with_accents_are_listed_among_their_letter_not_after_z():
    from db.entity_admin import EntityRow

    model = EntityTableModel()
    model.set_rows([EntityRow(id=i, name=name, label_id=1, label="ORG", aliases=(),
                              mentions=1, articles=1)
                    for i, name in enumerate(["Zeta", "Électricité de France", "Eiffage"], 1)],
                   {})
    model.sort(NAME, Qt.SortOrder.AscendingOrder)

    assert [model.index(row, NAME).data() for row in range(3)] == [
        "Eiffage", "Électricité de France", "Zeta"]


def test_after_a_change_the_list_is_read_on_a_worker_and_an_overtaken_read_is_dropped(
        qtbot, window, monkeypatch):
    """Counting every entity's mentions takes tenths of a second on a large corpus: the
    list a change or the search asks for is read off the GUI thread."""
    import threading

    from desktop.ui import entities_dock

    window.entities_action.trigger()
    dock = window.findChild(EntitiesDock, "entities")
    real_read = entities_dock._read_rows
    threads: list[threading.Thread] = []
    gate = threading.Event()

    def watched_read(text: str, label_id: int | None):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        gate.wait(10)
        return real_read(text, label_id)

    monkeypatch.setattr(entities_dock, "_read_rows", watched_read)
    dock.refresh_timer.timeout.emit()  # what a change or a pause in typing starts
    qtbot.waitUntil(lambda: bool(threads))
    assert dock.is_reading() and threads[0] is not threading.main_thread()
    assert ("AWS", "ORG", "", "3", "2") in _table(dock)  # the list is still shown meanwhile
    gate.set()
    qtbot.waitUntil(lambda: not dock.is_reading())
    assert ("AWS", "ORG", "", "3", "2") in _table(dock)

    gate.clear()
    dock.refresh_timer.timeout.emit()
    qtbot.waitUntil(lambda: len(threads) == 2)
    shown: list[int] = []
    monkeypatch.setattr(dock, "_show_rows", lambda rows, colors: shown.append(len(rows)))
    dock.search_edit.blockSignals(True)
    dock.search_edit.setText("altm")
    dock.search_edit.blockSignals(False)
    dock.refresh_in_background()  # asked while the other runs: that one is not shown
    gate.set()
    qtbot.waitUntil(lambda: len(threads) == 3 and not dock.is_reading())
    assert shown == [1]  # only the read of "altm"
    monkeypatch.undo()
    dock.search_edit.setText("")
    dock.refresh()

    gate.clear()
    monkeypatch.setattr(entities_dock, "_read_rows", watched_read)
    dock.refresh_timer.timeout.emit()
    qtbot.waitUntil(lambda: len(threads) == 4)

    monkeypatch.setattr(entities_dock, "_read_rows", real_read)
    dock.search_edit.blockSignals(True)
    dock.search_edit.setText("altm")
    dock.search_edit.blockSignals(False)
    dock.refresh()  # a newer read, done at once: the worker's older one must not replace it
    assert [row[0] for row in _table(dock)] == ["Sam Altman"]
    gate.set()
    qtbot.waitUntil(lambda: not dock.is_reading())
    assert [row[0] for row in _table(dock)] == ["Sam Altman"]


def test_view_entities_by_its_key_takes_the_keyboard_to_its_filter(qtbot, window):
    """Ctrl+4 then typing filters the list; a view that names no place for the keyboard
    (Deals, Ctrl+6) leaves it in the reader, whose keys go on working."""
    from PySide6.QtWidgets import QApplication

    window.reader.body.setFocus()
    window.deals_action.trigger()
    assert QApplication.focusWidget() is window.reader.body

    window.entities_action.trigger()
    dock = window.findChild(EntitiesDock, "entities")
    assert QApplication.focusWidget() is dock.search_edit
    qtbot.keyClicks(QApplication.focusWidget(), "altm")
    qtbot.waitUntil(lambda: [row[0] for row in _table(dock)] == ["Sam Altman"])
