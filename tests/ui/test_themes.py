"""Themes: light and dark palettes, readable highlights on both, following the system.

Colours are read as the user sees them: the format the reader paints a
highlight with, and the pixels of the painted body.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from db.defaults import DEFAULT_LABELS
from desktop.ui import themes
from desktop.ui.highlights import _MARK_TINT, _TINT, _mix, overlap_tint
from desktop.ui.reader import Highlight, ReaderPane

WORD = "mmmmmmmm"
"""A highlighted word with no glyph reaching the top of its line (its background shows there)."""
BODY = f"Avant {WORD} après {WORD} et {WORD} fin."


@pytest.fixture(autouse=True)
def _system_theme_after(qapp):
    """Every test leaves the application with the platform's own colours."""
    yield
    themes.apply_theme(themes.SYSTEM, ask_system=False)


@pytest.fixture
def reader(qtbot) -> ReaderPane:
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.resize(700, 300)
    pane.set_article("Essai", BODY, "", "fr", "")
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def _word(nth: int) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = BODY.index(WORD, start + 1)
    return start, start + len(WORD)


def _drawn(reader: ReaderPane, cp: int) -> tuple[QColor, QColor]:
    """The background and the text colour the reader paints the character at ``cp`` in."""
    block = reader.body.document().begin()  # the body is one line
    reader.body.formatter.ensure_formatted(block)
    palette = reader.body.palette()
    for fr in block.layout().formats():
        if fr.start <= cp < fr.start + fr.length:
            fmt = fr.format
            text = (fmt.foreground().color() if fmt.hasProperty(fmt.Property.ForegroundBrush)
                    else palette.color(QPalette.ColorRole.Text))
            return fmt.background().color(), text
    return palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)


def _pixel_behind(qtbot, reader: ReaderPane, cp: int) -> QColor:
    """The colour painted at the top of the line, over the character at ``cp``."""
    qtbot.waitUntil(lambda: reader.body.viewport().isVisible())
    cursor = reader.body.textCursor()
    cursor.setPosition(cp)
    rect = reader.body.cursorRect(cursor)
    image = reader.body.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 4, rect.top() + 1)


def _close(a: QColor, b: QColor, tolerance: int = 2) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3],
                                                       strict=True))


# --- the palettes -------------------------------------------------------------------

@pytest.mark.parametrize("scheme", [themes.LIGHT, themes.DARK])
def test_each_palette_reads_well_on_its_own_backgrounds(scheme):
    colors = themes.palette(scheme)
    role = QPalette.ColorRole
    for text, background in [(role.Text, role.Base), (role.WindowText, role.Window),
                             (role.ButtonText, role.Button), (role.Text, role.AlternateBase),
                             (role.HighlightedText, role.Highlight), (role.Link, role.Base),
                             (role.ToolTipText, role.ToolTipBase),
                             (role.PlaceholderText, role.Base)]:
        ratio = themes.contrast_ratio(colors.color(text), colors.color(background))
        assert ratio >= themes.AA_TEXT, (text, background, round(ratio, 2))
    assert themes.is_dark(colors) == (scheme == themes.DARK)


def test_contrast_ratio_is_the_wcag_one():
    black, white = QColor("#000000"), QColor("#ffffff")
    assert themes.contrast_ratio(black, white) == pytest.approx(21)
    assert themes.contrast_ratio(white, white) == pytest.approx(1)
    assert themes.contrast_ratio(QColor("#767676"), white) == pytest.approx(4.54, abs=0.01)


# --- highlights on both themes ----------------------------------------------------------

@pytest.mark.parametrize("scheme", [themes.LIGHT, themes.DARK])
@pytest.mark.parametrize("label", DEFAULT_LABELS, ids=[label.name for label in DEFAULT_LABELS])
def test_text_over_every_default_label_is_readable(reader, scheme, label):
    """AA (4.5:1) for the text over a highlight, over two nested ones, and over a
    marked mention (the strongest tint), as the reader paints them."""
    themes.apply_theme(scheme)
    base = reader.body.palette().color(QPalette.ColorRole.Base)
    assert base == themes.palette(scheme).color(QPalette.ColorRole.Base)
    (s1, e1), (s2, e2), (s3, e3) = _word(0), _word(1), _word(2)
    reader.set_highlights([
        Highlight(1, s1, e1, label.color, label.name, ""),
        Highlight(2, s2 - 1, e2 + 1, label.color, label.name, ""),
        Highlight(3, s2, e2, label.color, label.name, ""),
        Highlight(4, s3, e3, label.color, label.name, ""),
        Highlight(-5, s3, e3, label.color, label.name, "", marked=True),  # over its mention
    ])
    color = QColor(label.color)
    for cp, tint in ((s1, _TINT), (s2, overlap_tint(base)), (s3, _MARK_TINT)):
        background, text = _drawn(reader, cp)
        assert _close(background, _mix(base, color, tint)), (cp, background.name())
        ratio = themes.contrast_ratio(text, background)
        assert ratio >= themes.AA_TEXT, (scheme, label.name, tint, round(ratio, 2))


def test_default_labels_keep_the_theme_text_colour_unless_marked(reader):
    """Over one highlight or two nested ones, every default colour is readable in the
    palette's own text colour: only a marked mention's strong tint may need another."""
    (s1, e1), (s2, e2) = _word(0), _word(1)
    for scheme in (themes.LIGHT, themes.DARK):
        themes.apply_theme(scheme)
        text_color = reader.body.palette().color(QPalette.ColorRole.Text)
        for label in DEFAULT_LABELS:
            reader.set_highlights([
                Highlight(1, s1, e1, label.color, label.name, ""),
                Highlight(2, s2 - 1, e2 + 1, label.color, label.name, ""),
                Highlight(3, s2, e2, label.color, label.name, "")])
            assert _drawn(reader, s1)[1] == text_color, (scheme, label.name)
            assert _drawn(reader, s2)[1] == text_color, (scheme, label.name)


def test_a_user_colour_that_would_be_unreadable_gets_a_readable_text(reader):
    themes.apply_theme(themes.DARK)
    start, end = _word(0)
    reader.set_highlights([Highlight(1, start, end, "#ffff00", "X", ""),
                           Highlight(-2, start, end, "#ffff00", "X", "", marked=True)])
    background, text = _drawn(reader, start)
    assert themes.contrast_ratio(text, background) >= themes.AA_TEXT
    assert text == QColor("#000000")


# --- switching at run time --------------------------------------------------------------

def test_switching_theme_repaints_the_reader_and_its_highlights(qtbot, reader):
    org = next(label for label in DEFAULT_LABELS if label.name == "ORG")
    start, end = _word(0)
    reader.set_highlights([Highlight(1, start, end, org.color, org.name, "")])
    light = themes.palette(themes.LIGHT).color(QPalette.ColorRole.Base)
    dark = themes.palette(themes.DARK).color(QPalette.ColorRole.Base)

    themes.apply_theme(themes.LIGHT)
    qtbot.waitUntil(lambda: reader.body.palette().color(QPalette.ColorRole.Base) == light)
    assert _close(_pixel_behind(qtbot, reader, start), _mix(light, QColor(org.color), _TINT))
    assert _close(_pixel_behind(qtbot, reader, 2), light)  # outside any highlight

    themes.apply_theme(themes.DARK)

    assert reader.body.palette().color(QPalette.ColorRole.Base) == dark
    assert themes.current_scheme() == themes.DARK
    assert _close(_drawn(reader, start)[0], _mix(dark, QColor(org.color), _TINT))
    assert _close(_pixel_behind(qtbot, reader, start), _mix(dark, QColor(org.color), _TINT))
    assert _close(_pixel_behind(qtbot, reader, 2), dark)


def test_the_plots_follow_the_theme(qtbot):
    from desktop.ui.plots.charts import BarChart, TimelineChart

    bars, timeline = BarChart(), TimelineChart()
    for chart in (bars, timeline):
        qtbot.addWidget(chart)
    bars.set_bars(["OpenAI"], [3], [3], ["#4e79a7"], ["3"])
    timeline.set_months(["2025-01"], [2], [1e9], [1e9], [1], [False], "Amounts in USD",
                        "#e15759")

    for scheme in (themes.DARK, themes.LIGHT):
        themes.apply_theme(scheme)
        colors = themes.palette(scheme)
        base, text = colors.color(QPalette.ColorRole.Base), colors.color(QPalette.ColorRole.Text)
        for chart in (bars, timeline):
            assert chart.backgroundBrush().color() == base, scheme
            assert chart.grab().toImage().pixelColor(2, 2) == base, scheme
        assert bars.getPlotItem().getAxis("left").textPen().color() == text
        assert timeline.money.getAxis("left").textPen().color() == text
        assert bars._labels[0].color == text


# --- following the system ---------------------------------------------------------------

def _system_says(monkeypatch, scheme: str) -> None:
    """What the platform does when the user changes the system's colour scheme."""
    monkeypatch.setattr(themes, "system_scheme", lambda: scheme)
    QGuiApplication.styleHints().colorSchemeChanged.emit(
        Qt.ColorScheme.Dark if scheme == themes.DARK else Qt.ColorScheme.Light)


def test_the_system_theme_follows_the_system_scheme(qtbot, monkeypatch, reader):
    dark = themes.palette(themes.DARK).color(QPalette.ColorRole.Base)
    themes.apply_theme(themes.SYSTEM)
    platform_base = reader.body.palette().color(QPalette.ColorRole.Base)
    assert not themes.is_dark(QGuiApplication.palette())  # offscreen Qt paints light

    _system_says(monkeypatch, themes.DARK)

    assert themes.current_scheme() == themes.DARK
    assert reader.body.palette().color(QPalette.ColorRole.Base) == dark

    _system_says(monkeypatch, themes.LIGHT)

    assert themes.current_scheme() == themes.LIGHT
    assert reader.body.palette().color(QPalette.ColorRole.Base) == platform_base


def test_a_chosen_theme_ignores_the_system(monkeypatch, reader):
    themes.apply_theme(themes.LIGHT)

    _system_says(monkeypatch, themes.DARK)

    assert themes.current_choice() == themes.LIGHT
    assert themes.current_scheme() == themes.LIGHT

    themes.apply_theme(themes.SYSTEM)  # the system is dark meanwhile

    assert themes.current_scheme() == themes.DARK
