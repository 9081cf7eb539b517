"""Stored and imported text is shown as written, never read as HTML by Qt.

Qt draws a tooltip, a label, a message box or an input dialog's question as
HTML when the text looks like HTML: a note, title, entity name or source
holding ``<img src=http://…>`` would be drawn as an image and bold text.
Each test puts such a text where a user sees it and checks what is handed
to Qt: escaped HTML for tooltips and dialogs, plain-text format for labels.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor, QTextDocument
from PySide6.QtGui import Qt as QtGuiFunctions
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox, QToolTip

from db import annotations as store
from db.relations import RelationRecord, insert_relations
from desktop.core.offsets import OffsetMap
from desktop.ui.plain_text import as_plain_text
from tests.helpers import store_article, tag

EVIL = '<img src="http://127.0.0.1:9/x.png"> <b>bold</b>'
BODY = "AWS signe un contrat de 38 milliards de dollars avec OpenAI."
OTHER = "OpenAI et AWS : un autre article sur le contrat."


def shown(html_or_text: str) -> str:
    """What Qt draws for a string given to a tooltip or a message box (as it decides)."""
    if not QtGuiFunctions.mightBeRichText(html_or_text):
        return html_or_text
    document = QTextDocument()
    document.setHtml(html_or_text)
    return document.toPlainText()


def assert_escaped(given: str, expected: str) -> None:
    """``given`` (what the code passed to Qt) holds no live tag and is drawn as ``expected``."""
    assert "<img" not in given and "<b>" not in given
    assert "&lt;img" in given
    assert shown(given) == expected


@pytest.fixture
def evil(db) -> dict[str, int]:
    """An article whose title, source, entity name and note all look like HTML."""
    article = store_article(EVIL, BODY, source=EVIL)
    aws = tag(article, "AWS", "ORG", entity=EVIL, note=EVIL)
    money = tag(article, "38 milliards de dollars", "MONEY", value=38e9, unit="USD")
    insert_relations([RelationRecord(None, "deal", money, aws)])
    return {"article": article, "aws": aws, "money": money}


@pytest.fixture
def window(make_window, evil, qtbot):
    window = make_window()
    window.open_article(evil["article"])
    qtbot.waitUntil(lambda: len(window.reader_highlights()) == 2)
    return window


def test_text_that_can_not_be_html_is_left_as_it_is_and_the_rest_is_escaped(qapp):
    assert as_plain_text("ORG · AWS\nnote") == "ORG · AWS\nnote"
    given = as_plain_text(f"ORG · {EVIL}\nsecond  line & more")
    assert_escaped(given, f"ORG · {EVIL}\nsecond  line & more")
    assert shown(as_plain_text("a\n&lt;b&gt; typed as is")) == "a\n&lt;b&gt; typed as is"


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_readers_tooltip_shows_the_entity_and_note_as_written(window):
    pane = window.reader
    start = pane.text().index("AWS")
    cursor = QTextCursor(pane.body.document())
    cursor.setPosition(OffsetMap(pane.text()).to_utf16(start + 1))
    rect = pane.body.cursorRect(cursor)
    point = QPoint(rect.x() + 2, rect.center().y())
    viewport = pane.body_viewport()

    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point,
                                                viewport.mapToGlobal(point)))

    assert QToolTip.isVisible()
    assert_escaped(QToolTip.text(), f"ORG · {EVIL} · {EVIL} · linked to 38 milliards de dollars")
    QToolTip.hideText()


def test_the_reader_header_shows_the_title_and_source_as_written(window):
    labels = window.reader.findChildren(QLabel)
    [title] = [label for label in labels if label.text() == EVIL]
    assert title.textFormat() == Qt.TextFormat.PlainText
    [meta] = [label for label in labels if label.toolTip() and label.isVisible()]
    assert_escaped(meta.toolTip(), EVIL)
    assert "<img" not in meta.text()  # the header's own rich text escapes the source too


def test_the_library_and_panel_tooltips_show_titles_and_notes_as_written(window, evil):
    library = window.library.model()
    row = library.row_of(evil["article"])
    tips = [library.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
            for column in range(library.columnCount())]
    assert_escaped(tips[0], EVIL)  # the title
    assert sum(1 for tip in tips if tip and "&lt;img" in tip) == 2  # and the source

    panel = window.panel.model()
    note = panel.reveal(evil["aws"]).siblingAtColumn(2)
    assert_escaped(note.data(Qt.ItemDataRole.ToolTipRole), EVIL)
    assert window.panel.error_label.textFormat() == Qt.TextFormat.PlainText


def test_the_entities_dock_shows_names_as_written_in_tooltips_and_questions(
        window, monkeypatch):
    from desktop.ui.entities_dock import NAME

    dock = window.show_entities()
    model = dock.model()
    [row] = [r for r in range(model.rowCount()) if model.entity(r).name == EVIL]
    assert_escaped(model.index(row, NAME).data(Qt.ItemDataRole.ToolTipRole), EVIL)
    assert dock.filter_note.label.textFormat() == Qt.TextFormat.PlainText
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *_: (
        asked.append(text), QMessageBox.StandardButton.Cancel)[1])
    monkeypatch.setattr(QInputDialog, "getText", lambda _parent, _title, label, *_: (
        asked.append(label), ("", False))[1])
    dock.select_entities([model.entity(row).id])

    dock.delete_selected()
    dock.rename_selected()

    delete, rename = asked
    assert_escaped(delete, shown(delete))
    assert shown(delete).startswith(f"Delete “{EVIL}” (ORG)?\n\n")
    assert_escaped(rename, f"New name for “{EVIL}” (ORG):")


def test_the_deals_dock_tooltip_names_parties_as_written(window):
    from desktop.ui.deals_dock import PARTIES

    dock = window.show_deals()
    tip = dock.model().index(0, PARTIES).data(Qt.ItemDataRole.ToolTipRole)
    assert_escaped(tip, EVIL)


def test_the_comparison_header_tooltip_shows_titles_as_written(window, qtbot):
    from desktop.ui.comparison_dock import FIRST_ARTICLE

    other = store_article("Autre", OTHER)
    assert window.open_beside(other) is not None
    dock = window.show_comparison()
    dock.refresh()
    header = dock.tree.headerItem()
    tips = [header.toolTip(column) for column in range(FIRST_ARTICLE, FIRST_ARTICLE + 2)]
    assert "Autre" in tips
    [evil_tip] = [tip for tip in tips if tip != "Autre"]
    assert_escaped(evil_tip, EVIL)


def test_the_plots_show_entity_names_as_written_on_hover(window, qtbot, monkeypatch):
    from desktop.ui.plots import dock as plots_dock

    dock = window.show_plots()
    dock.set_kind("entities")
    dock.set_scope("corpus")
    dock.schedule_refresh()
    dock.refresh_timer.timeout.emit()
    qtbot.waitUntil(lambda: not dock.is_busy(), timeout=10_000)
    tips: list[str] = []
    monkeypatch.setattr(plots_dock.QToolTip, "showText", lambda _pos, text, *_: tips.append(text))
    chart = dock.chart()

    qtbot.mouseMove(chart.viewport(), chart.bar_position(0))

    [tip] = tips
    assert_escaped(tip, f"{EVIL} (ORG)\n1 mention")
    assert dock.detail_label.textFormat() == Qt.TextFormat.PlainText
    assert dock.detail_label.text() == f"{EVIL} (ORG) · 1 mention"
    assert dock.filter_note.label.textFormat() == Qt.TextFormat.PlainText
    assert dock.page("entities").empty_label.textFormat() == Qt.TextFormat.PlainText


def test_a_label_named_like_html_is_shown_as_written_in_the_labels_dialog(make_window, db):
    from desktop.ui.labels_dialog import KEY, NAME, LabelsDialog

    store.add_label("<b>L</b>", "entity", "#123456", shortcut="9")
    window = make_window()
    dialog = LabelsDialog(window.commands.run_reporting, window)
    [row] = [r for r in range(dialog.table.rowCount())
             if dialog.table.item(r, NAME).text() == "<b>L</b>"]
    tip = dialog.table.item(row, KEY).toolTip()
    assert "<b>" not in tip
    assert shown(tip) == "Press 9 in the reader to tag with <b>L</b>"
    dialog.close()


def test_an_error_message_naming_a_file_is_shown_as_written(window, qtbot, tmp_path,
                                                           monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_: (
        warned.append(text), QMessageBox.StandardButton.Ok)[1])
    folder = tmp_path / "<b>missing</b>"

    task = window.export_to(str(folder / "export.jsonl"), "jsonl")
    assert task is not None
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)

    [message] = warned
    assert "&lt;b&gt;missing&lt;/b&gt;" in message and "<b>" not in message
    assert "<b>missing</b>" in shown(message)


def test_the_tag_all_preview_shows_titles_as_written(window, qtbot):
    store_article(EVIL + " (2)", OTHER)
    window.library.refresh()  # stored behind the window's back
    start = window.reader.text().index("OpenAI")
    window.select_range(start, start + len("OpenAI"))
    qtbot.keyClick(window.reader.body, Qt.Key.Key_1)
    dialog = window.tag_all_dialog()
    qtbot.addWidget(dialog)
    assert dialog.count_label.textFormat() == Qt.TextFormat.PlainText

    with qtbot.waitSignal(dialog.preview_ready):
        dialog.corpus_radio.setChecked(True)

    [item] = [dialog.preview.item(row) for row in range(dialog.preview.count())]
    assert_escaped(item.toolTip(), shown(item.toolTip()))
    assert shown(item.toolTip()).startswith(EVIL + " (2)\n")
