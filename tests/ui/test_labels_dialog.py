"""The Labels dialog writes each change to the database and announces it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QMessageBox

from db.annotations import insert_annotations, label_by_name
from db.articles import NewArticle, insert_articles
from db.models import Label
from desktop.core.operations import new_annotation
from desktop.core.text import content_hash
from desktop.ui.labels_dialog import COLOUR, KEY, NAME, LabelsDialog


@pytest.fixture
def dialog(qtbot, db) -> LabelsDialog:
    dialog = LabelsDialog()
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *args: shown.append(text))
    return shown


def _row_of(dialog: LabelsDialog, name: str) -> int:
    names = [dialog.table.item(row, NAME).text() for row in range(dialog.table.rowCount())]
    return names.index(name)


def _select(dialog: LabelsDialog, name: str) -> None:
    dialog.table.selectRow(_row_of(dialog, name))


def _choose_key(dialog: LabelsDialog, key: str | None) -> None:
    dialog.shortcut_combo.activated.emit(dialog.shortcut_combo.findData(key))


def test_lists_the_default_labels(dialog):
    assert dialog.table.rowCount() == 9
    assert dialog.table.item(0, NAME).text() == "ORG"
    assert dialog.table.item(0, KEY).text() == "1"
    assert dialog.table.item(4, COLOUR).text() == "#e15759"
    assert dialog.table.item(4, 1).text() == "Amount"
    assert dialog.name_edit.text() == "ORG"  # the first label is selected


def test_add_creates_a_label_with_a_free_colour_and_selects_it(qtbot, dialog):
    dialog.new_name_edit.setText("EVENT")
    dialog.new_kind_combo.setCurrentIndex(dialog.new_kind_combo.findData("entity"))
    with qtbot.waitSignal(dialog.labels_changed):
        dialog.add_button.click()
    row = Label.get(Label.name == "EVENT")
    assert row.kind == "entity" and row.shortcut is None  # 1–9 are all taken
    assert row.color not in {label.color for label in Label.select().where(Label.id != row.id)}
    assert dialog.current_label_id() == row.id
    assert dialog.new_name_edit.text() == ""


def test_add_refuses_a_duplicate_name(qtbot, dialog, warnings):
    dialog.new_name_edit.setText("ORG")
    with qtbot.assertNotEmitted(dialog.labels_changed):
        dialog.add_button.click()
    assert warnings == ["A label named ORG already exists."]
    assert Label.select().count() == 9


def test_rename(qtbot, dialog, warnings):
    _select(dialog, "PRODUCT")
    dialog.name_edit.setText("  GADGET ")
    with qtbot.waitSignal(dialog.labels_changed):
        dialog.name_edit.editingFinished.emit()
    assert Label.get(Label.shortcut == "3").name == "GADGET"
    assert dialog.table.item(2, NAME).text() == "GADGET"

    dialog.name_edit.setText("ORG")
    dialog.name_edit.editingFinished.emit()
    assert warnings == ["A label named ORG already exists."]
    assert dialog.name_edit.text() == "GADGET"


def test_taking_a_key_moves_it(qtbot, dialog):
    _select(dialog, "DATE")
    with qtbot.waitSignal(dialog.labels_changed):
        _choose_key(dialog, "1")
    assert Label.get(Label.name == "DATE").shortcut == "1"
    assert Label.get(Label.name == "ORG").shortcut is None
    assert dialog.table.item(_row_of(dialog, "ORG"), KEY).text() == "—"
    with qtbot.waitSignal(dialog.labels_changed):
        _choose_key(dialog, None)
    assert Label.get(Label.name == "DATE").shortcut is None


def test_colour_uses_the_colour_dialog(qtbot, dialog, monkeypatch):
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args, **kwargs: QColor("#123456"))
    _select(dialog, "PLACE")
    with qtbot.waitSignal(dialog.labels_changed):
        dialog.colour_button.click()
    assert Label.get(Label.name == "PLACE").color == "#123456"

    monkeypatch.setattr(QColorDialog, "getColor", lambda *args, **kwargs: QColor())  # cancelled
    with qtbot.assertNotEmitted(dialog.labels_changed):
        dialog.colour_button.click()
    assert Label.get(Label.name == "PLACE").color == "#123456"


def test_delete_refuses_a_used_label(qtbot, dialog, warnings):
    body = "AWS and OpenAI."
    article = insert_articles([NewArticle("t", body, content_hash(body))])[0]
    insert_annotations([new_annotation(body, article, label_by_name("ORG").id, 0, 3)])
    _select(dialog, "ORG")
    with qtbot.assertNotEmitted(dialog.labels_changed):
        dialog.delete_button.click()
    assert warnings == ["This label is used by 1 annotation(s); it was kept."]
    assert label_by_name("ORG") is not None

    _select(dialog, "PERCENT")
    with qtbot.waitSignal(dialog.labels_changed):
        dialog.delete_button.click()
    assert label_by_name("PERCENT") is None
    assert dialog.table.rowCount() == 8


def test_enter_after_a_rename_renames_and_opens_nothing(qtbot, dialog, monkeypatch):
    from PySide6.QtCore import Qt

    opened: list[str] = []
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a: opened.append("colour") or QColor())
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    _select(dialog, "PLACE")
    dialog.name_edit.setFocus()
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "LOCATION")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert Label.get_or_none(Label.name == "LOCATION") is not None
    assert opened == []  # the colour picker did not open
