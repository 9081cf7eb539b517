"""Edit ▸ Article details… (F2): the form, and the views that follow the edit and its undo.

Two articles: "Fusion" (2025-01-10, two tags) and "Rachat" (2025-03-02, one
tag), so the corpus timeline reads 2025-01: 2, 2025-02: 0, 2025-03: 1.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from db.reads import get_article
from desktop.core.article_operations import read_details
from desktop.ui.article_dialog import ArticleDialog
from desktop.ui.library import TITLE
from tests.helpers import store_article, tag

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def articles(db) -> dict[str, int]:
    fusion = store_article("Fusion", "Alstom et Siemens fusionnent pour 15 milliards d'euros.",
                           source="https://www.lemonde.fr/economie/1",
                           published=dt.date(2025, 1, 10))
    rachat = store_article("Rachat", "Bombardier rachète une usine à Montréal.",
                           source="https://www.lapresse.ca/affaires/2",
                           published=dt.date(2025, 3, 2))
    tag(fusion, "Alstom", "ORG")
    tag(fusion, "Siemens", "ORG")
    tag(rachat, "Bombardier", "ORG")
    return {"Fusion": fusion, "Rachat": rachat}


def _timeline(qtbot, window):
    """The plots dock on the corpus timeline, drawn (as tests/ui/test_plots.py does)."""
    dock = window.show_plots()
    dock.set_kind("timeline")
    dock.set_scope("corpus")
    dock.schedule_refresh()
    dock.refresh_timer.timeout.emit()
    qtbot.waitUntil(lambda: not dock.is_busy(), timeout=10_000)
    return dock


def _months(dock) -> list[tuple[str, float]]:
    """The month bars drawn."""
    heights = dock.chart().bar_item().opts["height"]
    return [(bar.name, float(h)) for bar, h in zip(dock.figure().bars, heights, strict=True)]


def _redrawn(qtbot, dock) -> list[tuple[str, float]]:
    """The month bars once the redraw a change asked for is done."""
    assert dock.refresh_timer.isActive()  # the change asked for one
    with qtbot.waitSignal(dock.refreshed, timeout=10_000):
        dock.refresh_timer.timeout.emit()
    return _months(dock)


def _library_title(window, article_id: int) -> str:
    model = window.library.model()
    return model.data(model.index(model.row_of(article_id), TITLE))


def _header_texts(window) -> list[str]:
    return [label.text() for label in window.reader.findChildren(QLabel) if label.isVisible()]


def _save(qtbot, dialog: ArticleDialog, **fields: str) -> None:
    for name, text in fields.items():
        edit = getattr(dialog, f"{name}_edit")
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_a_new_date_moves_the_article_in_the_timeline_and_undo_moves_it_back(
        qtbot, make_window, articles):
    window = make_window()
    window.open_article(articles["Fusion"])
    dock = _timeline(qtbot, window)
    assert _months(dock) == [("2025-01", 2), ("2025-02", 0), ("2025-03", 1)]
    window.reader.body.setFocus()
    qtbot.keyClick(window.reader.body, Qt.Key.Key_F2)
    dialog = window.findChild(ArticleDialog)
    assert dialog is not None and dialog.isVisible()
    assert (dialog.title_edit.text(), dialog.date_edit.text()) == ("Fusion", "2025-01-10")

    _save(qtbot, dialog, title="Fusion Alstom-Siemens", date="2025-03-20")

    assert dialog.isHidden()
    assert _redrawn(qtbot, dock) == [("2025-03", 3)]
    assert _library_title(window, articles["Fusion"]) == "Fusion Alstom-Siemens"
    assert "Fusion Alstom-Siemens" in _header_texts(window)
    assert window.windowTitle().startswith("Fusion Alstom-Siemens — ")
    assert window.reader_highlights() == [(0, 6, "ORG"), (10, 17, "ORG")]  # kept
    assert get_article(articles["Fusion"]).published == dt.date(2025, 3, 20)

    # Offscreen, the closed dialog leaves no window active; a desktop gives it back.
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.reader.body, Qt.Key.Key_Z, CTRL)

    assert _redrawn(qtbot, dock) == [("2025-01", 2), ("2025-02", 0), ("2025-03", 1)]
    assert _library_title(window, articles["Fusion"]) == "Fusion"
    assert "Fusion" in _header_texts(window)
    assert window.windowTitle().startswith("Fusion — ")
    assert window.reader_highlights() == [(0, 6, "ORG"), (10, 17, "ORG")]


def test_the_reader_header_follows_and_the_text_keeps_its_selection(
        qtbot, make_window, articles):
    window = make_window()
    window.open_article(articles["Rachat"])
    body = window.reader.text()
    window.select_range(body.index("usine"), body.index("usine") + 5)
    dialog = window.edit_article()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.source_edit.setText("https://www.ledevoir.com/2")

    _save(qtbot, dialog, title="Bombardier buys a plant")

    texts = _header_texts(window)
    assert "Bombardier buys a plant" in texts
    assert any("2025-03-02" in t and "English" in t and "ledevoir.com" in t for t in texts)
    assert window.reader.selection_range() == (body.index("usine"), body.index("usine") + 5)
    assert read_details(articles["Rachat"]).language == "en"
    assert window.runner.stack.undoText() == "Edit article details"


def test_the_library_context_menu_edits_its_row_and_f2_there_edits_the_current_row(
        qtbot, make_window, articles):
    window = make_window()
    window.open_article(articles["Fusion"])
    library = window.library
    table = library.table
    row = library.model().row_of(articles["Rachat"])
    menu = library.context_menu(table.visualRect(library.model().index(row, TITLE)).center())
    [beside, edit] = menu.actions()
    assert beside.text().startswith("Open beside")
    assert edit.text().startswith("Edit article…")

    edit.trigger()

    dialog = window.findChild(ArticleDialog)
    assert dialog.article_id == articles["Rachat"]
    dialog.reject()
    library.select_article(articles["Rachat"])
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    dialogs = [d for d in window.findChildren(ArticleDialog) if d.isVisible()]
    assert [d.article_id for d in dialogs] == [articles["Rachat"]]
    _save(qtbot, dialogs[0], date="")
    assert library.model().data(library.model().index(row, 1)) == ""  # undated now
    assert window.runner.stack.undoText() == "Change article date"


def test_refused_values_are_said_in_the_form_which_stays_open(qtbot, make_window, articles):
    window = make_window()
    window.open_article(articles["Fusion"])
    dialog = window.edit_article()

    _save(qtbot, dialog, date="10/01/2025")

    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text().startswith("“10/01/2025” is not a date")
    assert dialog.focusWidget() is dialog.date_edit  # to correct it
    dialog.language_combo.setCurrentIndex(dialog.language_combo.count() - 1)  # Other…
    dialog.date_edit.setText("2025-01-10")
    _save(qtbot, dialog, other_language="allemand")
    assert dialog.error_label.text().startswith("“allemand” is not a language code")
    assert not window.runner.stack.canUndo()  # nothing was run
    assert read_details(articles["Fusion"]).language == "fr"

    dialog.other_language_edit.setText("de")
    dialog.currency_combo.setCurrentIndex(dialog.currency_combo.findData("CHF"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isHidden()
    assert (read_details(articles["Fusion"]).language,
            read_details(articles["Fusion"]).currency_hint) == ("de", "CHF")


def test_the_currency_default_names_what_the_source_implies(qtbot, make_window, articles):
    window = make_window()
    window.open_article(articles["Rachat"])
    dialog = window.edit_article()
    assert dialog.currency_combo.currentText() == "Default for the source (CAD)"

    dialog.source_edit.setText("https://www.nytimes.com/x")
    assert dialog.currency_combo.itemText(0) == "Default for the source (USD)"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert read_details(articles["Rachat"]).currency_hint is None


def test_a_new_language_writes_the_counts_of_the_panel_in_it(qtbot, make_window, db):
    from tests.helpers import store_article, tag

    article = store_article("Usines", "Le groupe ferme 300 usines.", "fr")
    plants = tag(article, "300 usines", "QUANTITY", value=300, unit="usine")
    window = make_window()
    window.open_article(article)

    def shown() -> str:
        return window.panel.model().index_of(plants).siblingAtColumn(1).data()

    assert shown() == "300\u00a0usines"
    dialog = window.edit_article()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
    _save(qtbot, dialog)
    assert shown() == "300\u00a0usine"  # a language whose plural is not known: as stored
