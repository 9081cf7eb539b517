"""The annotation panel: groups, the editor's requests, deletion, empty states."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from db import annotations as store
from db.annotations import (
    AnnotationRecord,
    delete_annotations,
    find_or_create_entity,
    get_annotation,
    insert_annotations,
    label_by_name,
    update_annotation,
)
from db.articles import NewArticle, get_article, insert_articles
from desktop.core.operations import new_annotation
from desktop.core.text import content_hash
from desktop.ui.annotation_panel import (
    ANNOTATION_ID_ROLE,
    EMPTY_TEXT,
    NO_ARTICLE_TEXT,
    AnnotationPanel,
    editable_number,
    parse_number,
)

# Completer popups opened by typing say this offscreen; it is harmless.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")

BODY = ("OpenAI signe avec AWS un contrat de 38 milliards de dollars sur sept ans. "
        "Sam Altman et Matt Garman saluent l'accord ; Nvidia fournira des GB200. "
        "OpenAI s'engage aussi auprès de Microsoft.")


@pytest.fixture
def article(db) -> int:
    return insert_articles([NewArticle("OpenAI et AWS", BODY, content_hash(BODY), "fr")])[0]


def _tag(article_id: int, word: str, label: str, occurrence: int = 0, **extra) -> int:
    body = get_article(article_id).body
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(word, start + 1)
    record = new_annotation(body, article_id, label_by_name(label).id, start,
                            start + len(word), **extra)
    return insert_annotations([record])[0]


@pytest.fixture
def tagged(article) -> dict[str, int]:
    org = label_by_name("ORG").id
    ids = {
        "OpenAI2": _tag(article, "OpenAI", "ORG", occurrence=1),
        "AWS": _tag(article, "AWS", "ORG", entity_id=find_or_create_entity("Amazon Web Services",
                                                                             org)),
        "OpenAI": _tag(article, "OpenAI", "ORG"),
        "Sam Altman": _tag(article, "Sam Altman", "PERSON"),
        "38 milliards de dollars": _tag(article, "38 milliards de dollars", "MONEY",
                                        value=3.8e10, unit="USD", approx=True),
    }
    return ids


def _panel(qtbot, article_id: int | None) -> AnnotationPanel:
    panel = AnnotationPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    panel.set_article(article_id)
    return panel


def _rows(panel: AnnotationPanel) -> list[tuple[str, list[str]]]:
    model = panel.model()
    groups = []
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        children = [model.index(r, 0, group).data() for r in range(model.rowCount(group))]
        groups.append((group.data(), children))
    return groups


def _finish(edit, text: str) -> None:
    """Types into a line edit as a user would, then leaves it."""
    edit.setFocus()
    edit.selectAll()
    QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Backspace,
                                           Qt.KeyboardModifier.NoModifier))
    for ch in text:
        QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, 0,
                                               Qt.KeyboardModifier.NoModifier, ch))
    edit.editingFinished.emit()


def test_groups_by_label_with_counts_sorted_by_position(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    assert _rows(panel) == [
        ("ORG (3)", ["“OpenAI”", "“AWS”", "“OpenAI”"]),
        ("PERSON (1)", ["“Sam Altman”"]),
        ("MONEY (1)", ["“38 milliards de dollars”"]),
    ]
    org = panel.model().index(0, 0)
    assert not panel.model().index(0, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert panel.model().index(1, 1, org).data() == "Amazon Web Services"
    money = panel.model().index(2, 0)
    assert panel.model().index(0, 1, money).data() == "≈ $38B"
    assert panel.tree.isExpanded(org)
    assert panel.stack.currentWidget() is panel.tree


def test_empty_states(qtbot, article):
    panel = _panel(qtbot, None)
    assert panel.stack.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == NO_ARTICLE_TEXT
    panel.set_article(article)
    assert panel.empty_label.text() == EMPTY_TEXT
    assert not panel.editor.isVisibleTo(panel)  # nothing to edit: only the hint shows
    assert not panel.delete_button.isEnabled()


def test_clicking_a_row_emits_and_fills_the_editor(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    panel.show()
    rect = panel.tree.visualRect(panel.model().index_of(tagged["Sam Altman"]))
    with qtbot.waitSignal(panel.annotation_activated) as signal:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [tagged["Sam Altman"]]
    assert panel.current_annotation_id() == tagged["Sam Altman"]
    assert panel.label_combo.currentText() == "PERSON"
    assert panel.entity_edit.isEnabled() and not panel.value_edit.isEnabled()

    with qtbot.waitSignal(panel.annotation_activated) as signal:  # again: show it again
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [tagged["Sam Altman"]]


def test_select_annotation_does_not_emit(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    with qtbot.assertNotEmitted(panel.annotation_activated):
        assert panel.select_annotation(tagged["38 milliards de dollars"])
    assert panel.value_edit.text() == "38\u202f000\u202f000\u202f000"
    assert panel.unit_edit.text() == "USD"
    assert panel.approx_check.isChecked()
    assert not panel.select_annotation(99_999)


@pytest.mark.parametrize("typed, value", [
    ("3.8e10", 3.8e10),
    ("38000000000", 3.8e10),
    ("38 000 000 000", 3.8e10),
    ("38,000,000,000", 3.8e10),
    ("3,5", 3.5),
])
def test_editing_the_value_requests_the_number(qtbot, article, tagged, typed, value):
    panel = _panel(qtbot, article)
    panel.select_annotation(tagged["38 milliards de dollars"])
    panel.value_edit.setText("1")  # make sure the typed text differs from what is shown
    panel.value_edit.editingFinished.emit()
    with qtbot.waitSignal(panel.edit_requested) as signal:
        _finish(panel.value_edit, typed)
    assert signal.args == [[tagged["38 milliards de dollars"]], {"value": value}]


def test_invalid_value_is_red_and_not_requested(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    panel.select_annotation(tagged["38 milliards de dollars"])
    with qtbot.assertNotEmitted(panel.edit_requested):
        _finish(panel.value_edit, "38 USD")
    assert panel.value_edit.property("invalid") is True
    assert panel.error_label.text() == "“38 USD” is not a number."
    with qtbot.waitSignal(panel.edit_requested) as signal:
        _finish(panel.value_edit, "12")
    assert signal.args[1] == {"value": 12.0}
    assert panel.value_edit.property("invalid") is False


@OFFSCREEN_POPUP
def test_other_fields_request_their_changes(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    money = tagged["38 milliards de dollars"]
    panel.select_annotation(money)
    requests: list[tuple[list[int], dict]] = []
    panel.edit_requested.connect(lambda ids, changes: requests.append((ids, changes)))
    _finish(panel.value_high_edit, "4e10")
    _finish(panel.unit_edit, "EUR")
    panel.approx_check.click()
    _finish(panel.note_edit, "range from the press release")
    panel.note_edit.editingFinished.emit()  # leaving again does not repeat the request
    assert requests == [
        ([money], {"value_high": 4e10}),
        ([money], {"unit": "EUR"}),
        ([money], {"approx": False}),
        ([money], {"note": "range from the press release"}),
    ]


@OFFSCREEN_POPUP
def test_entity_and_label_changes(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    aws = tagged["AWS"]
    panel.select_annotation(aws)
    assert panel.entity_edit.text() == "Amazon Web Services"
    assert "Amazon Web Services" in panel.entity_completions.stringList()
    with qtbot.waitSignal(panel.edit_requested) as signal:
        _finish(panel.entity_edit, "AWS")
    assert signal.args == [[aws], {"entity": "AWS"}]
    with qtbot.waitSignal(panel.edit_requested) as signal:
        _finish(panel.entity_edit, "")
    assert signal.args == [[aws], {"entity": ""}]

    panel.refresh()  # the main window refreshes after applying; nothing was applied here
    person = label_by_name("PERSON").id
    with qtbot.waitSignal(panel.edit_requested) as signal:
        panel.label_combo.activated.emit(panel.label_combo.findData(person))
    assert signal.args == [[aws], {"label_id": person, "entity": "Amazon Web Services"}]


def test_refresh_keeps_selection_and_shows_applied_change(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    money = tagged["38 milliards de dollars"]
    panel.select_annotation(money)
    update_annotation(money, value=1e9)  # what the main window's undoable edit would do
    with qtbot.assertNotEmitted(panel.annotation_activated):
        panel.refresh()
    assert panel.current_annotation_id() == money
    assert panel.value_edit.text() == "1\u202f000\u202f000\u202f000"


def test_delete_button_and_key_request_deletion(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    panel.select_annotation(tagged["OpenAI"])
    with qtbot.waitSignal(panel.delete_requested) as signal:
        panel.delete_button.click()
    assert signal.args == [[tagged["OpenAI"]]]

    selection = panel.tree.selectionModel()
    selection.select(panel.model().index_of(tagged["AWS"]),
                     selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    assert panel.delete_button.text() == "Delete 2"
    with qtbot.waitSignal(panel.delete_requested) as signal:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert signal.args == [[tagged["OpenAI"], tagged["AWS"]]]


def test_filter_by_label(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    panel.set_filter(label_id=label_by_name("ORG").id)
    assert [group for group, _ in _rows(panel)] == ["ORG (3)"]
    panel.set_filter(label_id=label_by_name("PLACE").id)
    assert panel.stack.currentWidget() is panel.empty_label
    panel.set_filter()
    assert len(_rows(panel)) == 3


def test_builds_a_thousand_annotations_in_one_go(qtbot, db):
    body = "Nvidia " * 1200
    article = insert_articles([NewArticle("Long", body, content_hash(body), "en")])[0]
    org = label_by_name("ORG").id
    insert_annotations([new_annotation(body, article, org, 7 * i, 7 * i + 6)
                        for i in range(1200)])
    panel = _panel(qtbot, article)
    signals: list[str] = []
    panel.model().rowsInserted.connect(lambda *_args: signals.append("inserted"))
    panel.model().modelReset.connect(lambda: signals.append("reset"))
    panel.refresh()
    assert signals == ["reset"]  # the groups arrive with their children, not row by row
    assert panel.annotation_count() == 1200
    assert _rows(panel)[0][0] == "ORG (1200)"


@pytest.mark.parametrize("text, value", [
    ("", None), ("  ", None), ("3.8e10", 3.8e10), ("1.234,5", 1234.5),
    ("1,234.5", 1234.5), ("1.000.000", 1e6), ("\u2212 5", -5.0), ("12\u202f500", 12500.0),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["abc", "1,5,6", "nan", "inf", "38 USD", "1e999"])
def test_parse_number_refuses(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_editable_number_round_trips():
    for value in (3.8e10, 12.9, 0.5, 1 / 3, 1e20, -250, 1234567.89):
        assert parse_number(editable_number(value)) == pytest.approx(value, rel=1e-11)
    assert editable_number(1e9) == "1\u202f000\u202f000\u202f000"


def test_row_ids_are_attached(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    org = panel.model().index(0, 0)
    assert org.data(ANNOTATION_ID_ROLE) is None
    assert panel.model().index(0, 2, org).data(ANNOTATION_ID_ROLE) == tagged["OpenAI"]


def test_enter_in_the_list_shows_the_annotation_again(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    panel.select_annotation(tagged["AWS"])
    with qtbot.waitSignal(panel.annotation_activated) as signal:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert signal.args == [tagged["AWS"]]


def test_another_article_starts_with_nothing_selected(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    panel.select_annotation(tagged["AWS"])
    panel.set_article(article)  # the same article again keeps the selection
    assert panel.current_annotation_id() == tagged["AWS"]
    body = "Autre texte sur Nvidia."
    other = insert_articles([NewArticle("Autre", body, content_hash(body), "fr")])[0]
    _tag(other, "Nvidia", "ORG")
    panel.set_article(other)
    assert panel.current_annotation_id() is None
    assert _rows(panel) == [("ORG (1)", ["“Nvidia”"])]


def test_apply_change_adds_rows_in_place_and_keeps_the_selection(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    panel.select_annotation(tagged["Sam Altman"])
    nvidia = _tag(article, "Nvidia", "ORG",
                  entity_id=find_or_create_entity("NVIDIA", label_by_name("ORG").id))
    gb200 = _tag(article, "GB200", "PRODUCT")
    with qtbot.assertNotEmitted(panel.annotation_activated):
        panel.apply_change([get_annotation(nvidia), get_annotation(gb200)], [])
    assert _rows(panel) == [
        ("ORG (4)", ["“OpenAI”", "“AWS”", "“Nvidia”", "“OpenAI”"]),
        ("PERSON (1)", ["“Sam Altman”"]),
        ("PRODUCT (1)", ["“GB200”"]),
        ("MONEY (1)", ["“38 milliards de dollars”"]),
    ]
    assert panel.model().index_of(nvidia).siblingAtColumn(1).data() == "NVIDIA"
    product = panel.model().index(2, 0)
    assert panel.tree.isExpanded(product)
    assert panel.tree.isFirstColumnSpanned(2, QModelIndex())
    assert panel.current_annotation_id() == tagged["Sam Altman"]
    assert panel.selected_annotation_ids() == [tagged["Sam Altman"]]


def test_apply_change_removes_rows_and_empty_groups(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    panel.select_annotation(tagged["Sam Altman"])
    delete_annotations([tagged["Sam Altman"], tagged["OpenAI"]])
    panel.apply_change([], [tagged["Sam Altman"], tagged["OpenAI"]])
    assert _rows(panel) == [
        ("ORG (2)", ["“AWS”", "“OpenAI”"]),
        ("MONEY (1)", ["“38 milliards de dollars”"]),
    ]
    assert panel.current_annotation_id() is None  # what the editor showed is gone
    assert panel.selected_annotation_ids() == []
    assert panel.quote_label.text() == "Select an annotation to edit it."


def test_apply_change_of_an_edit_moves_the_row_and_reloads_the_editor(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    aws, money = tagged["AWS"], tagged["38 milliards de dollars"]
    panel.select_annotation(aws)
    person = label_by_name("PERSON").id
    panel.apply_change([update_annotation(aws, label_id=person, entity_id=None)], [])
    assert _rows(panel)[:2] == [
        ("ORG (2)", ["“OpenAI”", "“OpenAI”"]),
        ("PERSON (2)", ["“AWS”", "“Sam Altman”"]),
    ]
    assert panel.current_annotation_id() == aws
    assert panel.label_combo.currentText() == "PERSON"
    assert panel.entity_edit.text() == ""

    panel.select_annotation(money)
    panel.apply_change([update_annotation(money, value=1e9, note="revised")], [])
    assert panel.value_edit.text() == "1\u202f000\u202f000\u202f000"
    row = panel.model().index_of(money)
    assert (row.siblingAtColumn(1).data(), row.siblingAtColumn(2).data()) == (
        "≈ $1B", "revised")


def test_apply_change_respects_the_filter(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    panel.set_filter(label_id=label_by_name("ORG").id)
    nvidia, garman = _tag(article, "Nvidia", "ORG"), _tag(article, "Matt Garman", "PERSON")
    panel.apply_change([get_annotation(nvidia), get_annotation(garman)], [])
    assert [group for group, _ in _rows(panel)] == ["ORG (4)"]
    panel.apply_change([update_annotation(nvidia, label_id=label_by_name("PLACE").id)], [])
    assert [group for group, _ in _rows(panel)] == ["ORG (3)"]
    panel.set_filter()
    assert [group for group, _ in _rows(panel)] == [
        "ORG (3)", "PERSON (2)", "PLACE (1)", "MONEY (1)"]


def test_apply_change_to_an_empty_article_shows_the_list(qtbot, article):
    panel = _panel(qtbot, article)
    assert panel.stack.currentWidget() is panel.empty_label
    aws = _tag(article, "AWS", "ORG")
    panel.apply_change([get_annotation(aws)], [])
    assert panel.stack.currentWidget() is panel.tree
    assert panel.editor.isVisibleTo(panel)
    delete_annotations([aws])
    panel.apply_change([], [aws])
    assert panel.stack.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == EMPTY_TEXT


def test_set_article_uses_the_records_given(qtbot, article, monkeypatch):
    org, person = label_by_name("ORG").id, label_by_name("PERSON").id
    records = [AnnotationRecord(i, article, (org, person)[i % 2], i, i + 1, f"q{i}")
               for i in range(1, 20_001)]
    monkeypatch.setattr(store, "annotations_for_article",
                        lambda _article_id: pytest.fail("read from the database"))
    panel = _panel(qtbot, None)
    panel.set_article(article, records)
    assert panel.annotation_count() == 20_000
    assert [group for group, _ in _rows(panel)] == ["ORG (10000)", "PERSON (10000)"]
    assert panel.select_annotation(19_999)
    assert panel.quote_label.text() == "“q19999”"


def test_scrolling_to_the_last_rows_shown_shows_more(qtbot, db):
    body = "Nvidia " * 1200
    article = insert_articles([NewArticle("Long", body, content_hash(body), "en")])[0]
    org = label_by_name("ORG").id
    insert_annotations([new_annotation(body, article, org, 7 * i, 7 * i + 6)
                        for i in range(1200)])
    panel = _panel(qtbot, article)
    panel.show()
    qtbot.waitExposed(panel)
    group = panel.model().index(0, 0)
    shown = panel.model().rowCount(group)
    assert shown < 1200
    scroll_bar = panel.tree.verticalScrollBar()
    scroll_bar.setValue(scroll_bar.maximum())
    qtbot.waitUntil(lambda: panel.model().rowCount(group) > shown)


def test_apply_change_keeps_folds_and_ignores_other_articles(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    org = panel.model().index(0, 0)
    panel.tree.collapse(org)
    panel.apply_change([get_annotation(_tag(article, "Nvidia", "ORG"))], [])
    assert not panel.tree.isExpanded(panel.model().index(0, 0))
    assert panel.tree.isExpanded(panel.model().index(1, 0))
    body = "Autre texte sur Nvidia."
    other = insert_articles([NewArticle("Autre", body, content_hash(body), "fr")])[0]
    panel.apply_change([get_annotation(_tag(other, "Nvidia", "ORG"))], [])
    assert _rows(panel)[0][0] == "ORG (4)"


def test_a_typed_value_reads_as_the_amount_reader_reads_the_article(qtbot, article, tagged):
    panel = _panel(qtbot, article)  # no language given: the panel reads the article's, French
    money = tagged["38 milliards de dollars"]
    panel.select_annotation(money)
    panel.edit_requested.connect(  # what the main window's undoable edit does
        lambda ids, changes: [update_annotation(i, **changes) for i in ids])
    with qtbot.waitSignal(panel.edit_requested):
        _finish(panel.value_edit, "2.000")
    assert get_annotation(money).value == 2000.0
    panel.refresh()
    assert panel.value_edit.text() == "2\u202f000"
    with qtbot.waitSignal(panel.edit_requested):
        _finish(panel.value_edit, "2,5 milliards")
    assert get_annotation(money).value == 2.5e9

    panel.set_article(article, language="en")  # the language the window passes wins
    panel.select_annotation(money)
    with qtbot.waitSignal(panel.edit_requested):
        _finish(panel.value_edit, "2.000")
    assert get_annotation(money).value == 2.0


# --- several annotations at once ----------------------------------------------------------


def _select(panel: AnnotationPanel, ids: list[int]) -> None:
    """Selects these rows as Ctrl+click would: the first current, the others added."""
    panel.select_annotation(ids[0])
    selection = panel.tree.selectionModel()
    for annotation_id in ids[1:]:
        selection.select(panel.model().index_of(annotation_id),
                         selection.SelectionFlag.Select | selection.SelectionFlag.Rows)


def test_the_editor_shows_what_a_selection_shares(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    orgs = [tagged["OpenAI"], tagged["AWS"], tagged["OpenAI2"]]
    _select(panel, orgs)
    assert panel.editing_ids() == orgs
    assert panel.quote_label.text().startswith("3 annotations: ")
    assert panel.label_combo.currentText() == "ORG"  # shared
    assert panel.entity_edit.isEnabled()
    assert (panel.entity_edit.text(), panel.entity_edit.placeholderText()) == (
        "", "(several values)")  # AWS is linked, the others are not
    assert (panel.note_edit.text(), panel.note_edit.placeholderText()) == ("", "")
    assert not panel.value_edit.isEnabled()  # not amounts

    _select(panel, [tagged["OpenAI"], tagged["Sam Altman"]])
    assert panel.label_combo.currentIndex() == -1
    assert panel.label_combo.placeholderText() == "(several values)"
    assert panel.entity_edit.isEnabled()  # both are entities, both unlinked
    assert (panel.entity_edit.text(), panel.entity_edit.placeholderText()) == ("", "none")

    panel.select_annotation(tagged["AWS"])  # one again: its own values, no placeholder
    assert panel.quote_label.text() == "“AWS”"
    assert panel.entity_edit.text() == "Amazon Web Services"
    assert panel.entity_edit.placeholderText() == "none"


def test_an_edit_of_a_selection_is_asked_for_all_of_it(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    chosen = [tagged["OpenAI"], tagged["Sam Altman"], tagged["38 milliards de dollars"]]
    _select(panel, chosen)
    with qtbot.assertNotEmitted(panel.edit_requested):
        panel.note_edit.editingFinished.emit()  # left untouched: nothing to send
    with qtbot.waitSignal(panel.edit_requested) as signal:
        _finish(panel.note_edit, "checked")
    assert signal.args == [chosen, {"note": "checked"}]

    person = label_by_name("PERSON").id
    with qtbot.waitSignal(panel.edit_requested) as signal:
        panel.label_combo.activated.emit(panel.label_combo.findData(person))
    assert signal.args == [chosen, {"label_id": person}]  # none is linked: no entity


def test_a_label_change_cannot_merge_different_entities(qtbot, article, tagged):
    panel = _panel(qtbot, article)
    _select(panel, [tagged["OpenAI"], tagged["AWS"]])  # unlinked, and Amazon Web Services
    person = label_by_name("PERSON").id
    with qtbot.assertNotEmitted(panel.edit_requested):
        panel.label_combo.activated.emit(panel.label_combo.findData(person))
    assert "different entities" in panel.error_label.text()
    assert panel.label_combo.currentText() == "ORG"  # shown as it still is
    money = label_by_name("MONEY").id
    with qtbot.waitSignal(panel.edit_requested) as signal:  # to an amount: both unlinked
        panel.label_combo.activated.emit(panel.label_combo.findData(money))
    assert signal.args == [[tagged["OpenAI"], tagged["AWS"]], {"label_id": money, "entity": ""}]


@OFFSCREEN_POPUP
def test_a_bulk_edit_in_the_window_is_one_undo_step(qtbot, make_window):
    from tests.helpers import store_article, tag

    body = "Trois montants : 10 euros, 20 euros et 30 euros. Et AWS."
    article_id = store_article("Montants", body)
    amounts = [tag(article_id, f"{n} euros", "MONEY", value=float(n), unit="EUR")
               for n in (10, 20, 30)]
    window = make_window()
    assert window.current_article_id() == article_id
    panel = window.panel
    _select(panel, amounts)
    assert panel.unit_edit.text() == "EUR"  # shared
    assert panel.value_edit.placeholderText() == "(several values)"

    _finish(panel.unit_edit, "USD")

    assert [get_annotation(i).unit for i in amounts] == ["USD", "USD", "USD"]
    assert window.statusBar().currentMessage() == "Changed the unit of 3 annotations."
    assert panel.selected_annotation_ids() == amounts  # still selected, shown as changed
    assert panel.unit_edit.text() == "USD"
    assert [get_annotation(i).value for i in amounts] == [10.0, 20.0, 30.0]

    person = label_by_name("PERSON").id
    panel.label_combo.activated.emit(panel.label_combo.findData(person))
    assert {get_annotation(i).label_id for i in amounts} == {person}
    assert window.statusBar().currentMessage() == "Changed the label of 3 annotations."

    panel.note_edit.setFocus()  # Ctrl+Z in a field of the panel undoes the edit
    qtbot.waitUntil(panel.note_edit.hasFocus)
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {get_annotation(i).label_id for i in amounts} == {label_by_name("MONEY").id}
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [get_annotation(i).unit for i in amounts] == ["EUR", "EUR", "EUR"]
    assert panel.unit_edit.text() == "EUR"

    window.edit_annotation(amounts[0], {"note": "one"})  # the automation API: one id still
    assert get_annotation(amounts[0]).note == "one"


def test_the_columns_share_the_width_and_grow_with_it(qtbot, db, settings_path):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from tests.helpers import store_article

    article = store_article("Colonnes", "Amazon Web Services signe avec OpenAI.")
    window = MainWindow(Settings(settings_path))
    qtbot.addWidget(window)
    window.restore_session()
    window.show()
    qtbot.waitExposed(window)
    # A first start on a 1024 px screen (the test screen is 800 px: the window
    # was fitted to it, so its docks are laid out again at 1024 px).
    window.resize(1024, 700)
    window._dock_by_default([window.library_dock, window.panel_dock])
    window.open_article(article)
    window.select_range(0, len("Amazon Web Services"))
    window.tag_selection("ORG")
    panel = window.panel
    qtbot.waitUntil(lambda: panel.column_widths()[0] > 0)
    widths = panel.column_widths()
    metrics = panel.tree.fontMetrics()
    assert sum(widths) == panel.tree.viewport().width()  # they fill the list
    assert widths[0] >= metrics.horizontalAdvance("“Amazon Web”")  # the text, indented
    assert widths[1] >= metrics.horizontalAdvance("Amazon Web Services")  # entity readable
    window.resizeDocks([window.panel_dock], [600], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: panel.column_widths()[1] > widths[1])  # and they grow with it


def test_a_typed_value_follows_a_change_of_the_articles_language(qtbot, make_window):
    from desktop.core.article_operations import EditArticle
    from tests.helpers import store_article, tag

    article_id = store_article("Value", "It costs 2.000 dollars.", lang="en")
    amount = tag(article_id, "2.000 dollars", "MONEY", value=2.0, unit="USD")
    window = make_window()
    assert window.runner.run(EditArticle(article_id, {"language": "fr"}))
    panel = window.panel
    panel.select_annotation(amount)
    _finish(panel.value_edit, "2.000")
    assert get_annotation(amount).value == 2000.0  # read as French now


def test_a_count_reads_in_the_plural_in_its_articles_language(qtbot, make_window):
    """"des centaines de milliers de processeurs" is stored as ≥ 1e5 "processeur":
    the panel and the reader's tooltip write the noun back in the plural, as the
    article does, and one of them in the singular."""
    french = ("OpenAI aura accès à des centaines de milliers de processeurs et à un "
              "processeur de secours.")
    english = "Over 50 million profiles were exposed, and one profile was not."
    fr = insert_articles([NewArticle("Processeurs", french, content_hash(french), "fr")])[0]
    en = insert_articles([NewArticle("Profiles", english, content_hash(english), "en")])[0]
    many = _tag(fr, "des centaines de milliers de processeurs", "QUANTITY", value=1e5,
                unit="processeur", bound="min")
    one = _tag(fr, "un processeur", "QUANTITY", value=1, unit="processeur")
    profiles = _tag(en, "Over 50 million profiles", "QUANTITY", value=5e7, unit="profile",
                    bound="min")

    def shown(annotation_id: int) -> str:
        return panel.model().index_of(annotation_id).siblingAtColumn(1).data().replace(
            "\u00a0", " ")

    panel = _panel(qtbot, fr)
    assert shown(many) == "≥ 100K processeurs"
    assert shown(one) == "1 processeur"
    panel.set_article(en)
    assert shown(profiles) == "≥ 50M profiles"

    window = make_window()
    window.open_article(fr)
    reader = window.reader.body
    [found] = reader.index.at(french.index("processeurs"))
    assert reader.describe(found) == "QUANTITY · ≥ 100K\u00a0processeurs"
    assert found.tooltip == "QUANTITY · ≥ 100\u202f000 processeurs"  # before Babel loads
