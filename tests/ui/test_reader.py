"""The reader shows an article and its highlights at the right characters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from desktop.core.offsets import OffsetMap
from desktop.ui.reader import Highlight, ReaderPane

BODY = ("OpenAI 😀 signe avec AWS un contrat de 38\u00a0milliards de dollars.\n"
        "Cafe\u0301 𝄞 Nvidia fournit des GPU à 20\u202f% du prix.\n"
        "\n"
        "Amazon et Amazon et AMAZON et Amazône.")

COLORS = {"ORG": "#1f77b4", "MONEY": "#2ca02c", "PERSON": "#d62728"}


def span_of(word: str, nth: int = 1, text: str = BODY) -> tuple[int, int]:
    """Code-point span of the nth occurrence of ``word`` in ``text``."""
    start = -1
    for _ in range(nth):
        start = text.index(word, start + 1)
    return start, start + len(word)


def hl(hid: int, word: str, label: str = "ORG", nth: int = 1, dashed: bool = False,
       text: str = BODY) -> Highlight:
    start, end = span_of(word, nth, text)
    return Highlight(hid, start, end, COLORS[label], label, f"{label} · {word}", dashed)


def formatted_spans(pane: ReaderPane) -> list[tuple[int, int, QTextCharFormat]]:
    """What the reader paints: every format range of every block, in code points."""
    offsets = OffsetMap(pane.text())
    spans = []
    block = pane.body.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            start = offsets.to_codepoint(block.position() + r.start)
            end = offsets.to_codepoint(block.position() + r.start + r.length)
            spans.append((start, end, QTextCharFormat(r.format)))
        block = block.next()
    return spans


def viewport_point(pane: ReaderPane, cp: int) -> QPoint:
    """A point over the character at code point ``cp``."""
    cursor = QTextCursor(pane.body.document())
    cursor.setPosition(OffsetMap(pane.text()).to_utf16(cp))
    rect = pane.body.cursorRect(cursor)
    return QPoint(rect.x() + 3, rect.center().y())


@pytest.fixture
def pane(qtbot) -> ReaderPane:
    widget = ReaderPane()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.set_article("Essai", BODY, "2025-11-05", "fr", "https://fr.wikinews.org/wiki/Essai",
                       "From Wikinews, CC BY 2.5")
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def paint(pane: ReaderPane) -> None:
    """Lets pending layout happen, then paints the body now."""
    QApplication.processEvents()
    pane.body.viewport().repaint()


def test_highlights_cover_exactly_their_characters_after_astral_and_combining(pane):
    words = [hl(1, "OpenAI"), hl(2, "AWS"), hl(3, "38\u00a0milliards de dollars", "MONEY"),
             hl(4, "Cafe\u0301", "PERSON"), hl(5, "Nvidia"), hl(6, "20\u202f%", "MONEY")]
    pane.set_highlights(words)
    paint(pane)

    painted = [(s, e) for s, e, _ in formatted_spans(pane)]
    assert painted == [(h.start, h.end) for h in words]
    assert [BODY[s:e] for s, e in painted] == [
        "OpenAI", "AWS", "38\u00a0milliards de dollars", "Cafe\u0301", "Nvidia", "20\u202f%"]
    assert pane.highlights() == sorted((h.start, h.end, h.label) for h in words)


def test_a_highlight_across_a_line_break_colours_both_lines(pane):
    start, end = span_of("dollars.")[0], span_of("Cafe\u0301")[1]
    pane.set_highlights([Highlight(1, start, end, COLORS["ORG"], "ORG", "ORG")])
    paint(pane)
    painted = [(s, e) for s, e, _ in formatted_spans(pane)]
    assert painted == [(start, BODY.index("\n")), (BODY.index("\n") + 1, end)]


def test_overlap_and_suggestions_look_distinct(pane):
    pane.set_highlights([hl(1, "Amazon et Amazon et"), hl(2, "Amazon", "PERSON", nth=2),
                         hl(3, "AMAZON", "MONEY", dashed=True)])
    paint(pane)

    (outer, _, outer_fmt), (inner_s, inner_e, inner_fmt), (tail_s, _, tail_fmt), \
        (sug_s, sug_e, sug_fmt) = formatted_spans(pane)
    assert (inner_s, inner_e) == span_of("Amazon", 2)
    assert outer == span_of("Amazon")[0]
    assert tail_s == inner_e
    assert inner_fmt.background().color() != outer_fmt.background().color()
    assert inner_fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert inner_fmt.underlineColor().name() == COLORS["PERSON"]
    assert tail_fmt.background().color() == outer_fmt.background().color()
    assert (sug_s, sug_e) == span_of("AMAZON")
    assert sug_fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert sug_fmt.underlineColor().name() == COLORS["MONEY"]
    assert sug_fmt.background().style() == Qt.BrushStyle.NoBrush


def test_selection_round_trips_through_astral_characters(pane):
    for word in ("signe", "Nvidia", "Amazône", "😀 signe", "𝄞"):
        start, end = span_of(word)
        pane.select_range(start, end)
        assert pane.selection_range() == (start, end)
        assert pane.body.textCursor().selection().toPlainText() == word
    pane.select_range(3, 3)
    assert pane.selection_range() is None


def test_digit_key_asks_to_tag_the_selection(pane, qtbot):
    pane.select_range(*span_of("Nvidia"))
    with qtbot.waitSignal(pane.tag_requested) as blocker:
        qtbot.keyClick(pane.body, Qt.Key.Key_1)
    assert blocker.args == ["1"]
    assert pane.selection_range() == span_of("Nvidia")  # the key did not type or move


def test_delete_asks_to_remove_the_highlights_under_the_selection_or_cursor(pane, qtbot):
    pane.set_highlights([hl(1, "OpenAI"), hl(2, "AWS"), hl(3, "Nvidia")])
    pane.select_range(span_of("OpenAI")[0] + 2, span_of("AWS")[0] + 1)
    with qtbot.waitSignal(pane.delete_requested) as blocker:
        qtbot.keyClick(pane.body, Qt.Key.Key_Delete)
    assert sorted(blocker.args[0]) == [1, 2]

    pane.scroll_to(span_of("Nvidia")[0] + 3)
    with qtbot.waitSignal(pane.delete_requested) as blocker:
        qtbot.keyClick(pane.body, Qt.Key.Key_Backspace)
    assert blocker.args == [[3]]

    pane.scroll_to(span_of("fournit")[0] + 2)
    with qtbot.assertNotEmitted(pane.delete_requested):
        qtbot.keyClick(pane.body, Qt.Key.Key_Delete)


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_tooltip_lists_every_highlight_under_the_mouse(pane):
    pane.set_highlights([hl(1, "Amazon et Amazon"), hl(2, "Amazon", "PERSON", nth=2)])
    paint(pane)
    viewport = pane.body_viewport()
    point = viewport_point(pane, span_of("Amazon", 2)[0] + 1)
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point,
                                                viewport.mapToGlobal(point)))
    assert QToolTip.isVisible()
    assert QToolTip.text() == "ORG · Amazon et Amazon\nPERSON · Amazon"
    QToolTip.hideText()


def test_click_on_a_highlight_reports_it(pane, qtbot):
    pane.set_highlights([hl(1, "Amazon et Amazon"), hl(2, "Amazon", "PERSON", nth=2)])
    paint(pane)
    point = viewport_point(pane, span_of("Amazon", 2)[0] + 2)
    with qtbot.waitSignal(pane.highlight_clicked) as blocker:
        qtbot.mouseClick(pane.body_viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [2]  # the innermost


def test_find_bar_counts_and_steps_through_matches(pane, qtbot):
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.edit, "amazon")
    assert bar.count_label.text() == "1 of 4"
    assert pane.selection_range() == span_of("Amazon")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == "3 of 4"
    assert pane.selection_range() == span_of("AMAZON")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert pane.selection_range() == span_of("Amazon", 2)

    # Accents on either side do not matter: "amazone" finds "Amazône".
    QApplication.sendEvent(bar.edit, QKeyEvent(QEvent.Type.KeyPress, 0,
                                               Qt.KeyboardModifier.NoModifier, "e"))
    assert bar.count_label.text() == "1 of 1"
    assert pane.selection_range() == span_of("Amazône")
    bar.edit.setText("café")
    assert pane.selection_range() == span_of("Cafe\u0301")
    bar.edit.setText("20 %")
    assert pane.selection_range() == span_of("20\u202f%")
    bar.edit.setText("zzz")
    assert bar.count_label.text() == "No matches"

    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_bar_starts_with_the_selected_phrase(pane):
    pane.select_range(*span_of("AMAZON"))
    pane.open_find()
    assert pane.find_bar.edit.text() == "AMAZON"
    assert pane.find_bar.count_label.text() == "3 of 4"


def test_context_menu_offers_labels_and_removal(pane, qtbot):
    pane.set_labels([("ORG", "1", COLORS["ORG"]), ("MONEY", "", COLORS["MONEY"])])
    pane.set_highlights([hl(7, "Nvidia")])
    paint(pane)
    pane.select_range(*span_of("Nvidia"))
    menu = pane.context_menu(viewport_point(pane, span_of("Nvidia")[0] + 1))
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["Tag as", "Remove annotation"]
    assert any("Copy" in t for t in texts) and any("Select All" in t for t in texts)

    tag_menu = menu.actions()[0].menu()
    assert [a.text() for a in tag_menu.actions()] == ["ORG\t1", "MONEY"]
    with qtbot.waitSignal(pane.tag_with_label) as blocker:
        tag_menu.actions()[1].trigger()
    assert blocker.args == ["MONEY"]
    with qtbot.waitSignal(pane.delete_requested) as blocker:
        menu.actions()[1].trigger()
    assert blocker.args == [[7]]


def test_header_shows_metadata_and_opens_nothing(pane, qtbot):
    labels = {label.text() for label in pane.findChildren(QLabel) if label.isVisible()}
    assert "Essai" in labels
    assert "From Wikinews, CC BY 2.5" in labels
    meta = next(lb for lb in pane.findChildren(QLabel) if "fr.wikinews.org" in lb.text())
    assert "2025-11-05 · French · " in meta.text()
    assert not meta.openExternalLinks()
    with qtbot.waitSignal(pane.source_clicked) as blocker:
        meta.linkActivated.emit("https://fr.wikinews.org/wiki/Essai")
    assert blocker.args == ["https://fr.wikinews.org/wiki/Essai"]

    pane.clear("Select an article in the library")
    visible = [lb.text() for lb in pane.findChildren(QLabel) if lb.isVisible()]
    assert visible == ["Select an article in the library"]
    assert pane.highlights() == []


def test_adding_and_removing_one_highlight_repaints_its_block(pane, qtbot):
    pane.set_highlights([hl(1, "OpenAI")])
    paint(pane)
    pane.add_highlight(hl(2, "Nvidia"))
    qtbot.waitUntil(lambda: [(s, e) for s, e, _ in formatted_spans(pane)]
                    == [span_of("OpenAI"), span_of("Nvidia")])
    pane.remove_highlights([1, 99])
    qtbot.waitUntil(lambda: [(s, e) for s, e, _ in formatted_spans(pane)]
                    == [span_of("Nvidia")])
    assert pane.highlights() == [(*span_of("Nvidia"), "ORG")]


def test_long_document_formats_only_the_blocks_on_screen(qtbot):
    lines = [f"Line {i}: 😀 Acme paid 38 dollars to Globex on day {i}." for i in range(50_000)]
    body = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    highlights = []
    for n in range(20_000):
        i = n * 5 // 2
        col = lines[i].index("Acme") if n % 2 == 0 else lines[i].index("Globex")
        word = "Acme" if n % 2 == 0 else "Globex"
        highlights.append(Highlight(n, starts[i] + col, starts[i] + col + len(word),
                                    COLORS["ORG"], "ORG", word))
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.set_article("Long", body, "", "en", "")
    pane.set_highlights(highlights)
    pane.show()
    qtbot.waitExposed(pane)
    paint(pane)

    document = pane.body.document()
    first = document.findBlockByNumber(0)
    # "Acme" after "Line 0: 😀 ": 10 code points, 11 UTF-16 units into the block.
    assert [(r.start, r.length) for r in first.layout().formats()] == [(11, 4)]
    far = document.findBlockByNumber(45_000)  # line 45,000 has highlight 18,000
    assert far.layout().formats() == []

    pane.scroll_to(starts[45_000])
    qtbot.waitUntil(lambda: len(far.layout().formats()) == 1)
    formatted = sum(1 for i in range(0, 50_000, 50)
                    if document.findBlockByNumber(i).layout().formats())
    assert formatted < 10


def test_header_names_the_source_as_the_library_does(qtbot):
    from desktop.core.sources import source_name

    source = "https://www.lemonde.fr/economie/article/2025/11/03/x.html"
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.set_article("Essai", BODY, "", "fr", source)
    meta = next(lb for lb in pane.findChildren(QLabel) if "href" in lb.text())
    assert meta.text().endswith(">lemonde.fr</a>")
    assert source_name(source) == "lemonde.fr"  # what the library's Source column shows


def test_the_text_column_keeps_its_width_and_its_lines_when_the_pane_widens_or_narrows(qtbot):
    """Wider than 80 characters, the margins take a resize and no line re-flows;
    narrower, the lines wrap to the new width (and back)."""
    widget = ReaderPane()
    qtbot.addWidget(widget)
    paragraph = " ".join(["Amazon Web Services fournira des centaines de milliers de GPU."] * 12)
    widget.set_article("Long", paragraph + "\n\nFin.", "2025-11-03", "fr", "")
    widget.resize(1400, 600)
    widget.show()
    qtbot.waitExposed(widget)
    body = widget.body
    block = body.document().begin()

    def lines() -> int:
        body.viewport().repaint()  # lays the shown blocks out
        return block.layout().lineCount()

    column, wide_lines = body.viewport().width(), lines()
    assert body.column_left() > 100  # centred in a wide pane
    widget.resize(1000, 600)
    QApplication.processEvents()
    assert body.viewport().width() == column
    assert lines() == wide_lines
    widget.resize(column // 2, 600)
    QApplication.processEvents()
    assert body.viewport().width() < column
    assert lines() > wide_lines  # re-wrapped to the narrow pane
    widget.resize(1400, 600)
    QApplication.processEvents()
    assert body.viewport().width() == column
    assert lines() == wide_lines


def test_a_word_longer_than_a_thousand_characters_is_broken_anywhere_the_rest_by_words(qtbot):
    """Qt's search for a break in a huge word grows faster than the word (a 200 kB
    line of "[" froze the window for 8 s): such a text wraps anywhere."""
    from PySide6.QtGui import QTextOption

    widget = ReaderPane()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    widget.set_article("Blob", "Avant.\n" + "[" * 5000 + " après.", "", "fr", "")
    widget.body.viewport().repaint()
    assert widget.body.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    assert widget.body.document().findBlockByNumber(1).layout().lineCount() > 10
    widget.set_article("Normal", BODY, "", "fr", "")
    assert widget.body.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
