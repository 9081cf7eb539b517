"""The reader: one article's header and body, with highlights, selection and find.

The reader knows nothing of the database: the main window gives it the
article and its highlights, and listens to what the user asks for (tag this,
delete that). Every offset crossing its API is a code point; conversion to
Qt's UTF-16 positions happens here, through
:class:`~desktop.core.offsets.OffsetMap`, and nowhere else.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from html import escape
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QStackedLayout,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.core.offsets import OffsetMap
from desktop.core.sources import source_name
from desktop.ui.highlights import BlockFormatter, Highlight, HighlightIndex, block_starts
from desktop.ui.plain_text import as_menu_text, as_plain_text

if TYPE_CHECKING:
    from desktop.ui.find_bar import FindBar

__all__ = ["Highlight", "ReaderPane", "choose_reading_font", "key_sequence", "reading_font"]

# Serif faces that read well on screen, best first; the first one installed wins.
_SERIF_FAMILIES = (
    "Source Serif 4", "Source Serif Pro", "Literata", "Charter", "Georgia", "Noto Serif",
    "PT Serif", "Libertinus Serif", "DejaVu Serif", "Liberation Serif", "Times New Roman",
)
# The reader is built before the window first paints, and the first use of the Qt
# namespace (Qt.AlignmentFlag…) from Python makes PySide6 build all its ~95 enum
# classes: ~25 ms, more than building and painting the reader. So the widgets
# are set up by property name (_set_properties) and QtCore.Qt is reached only in
# handlers of user input, which come later.
_READING_POINT_SIZE = 12.0
_COLUMN_CHARS = 80
_DOCUMENT_MARGIN = 8
# Measures the average character width of running text in the reading font.
_SAMPLE = "The quick brown fox jumps over the lazy dog, 38 milliards de dollars. "


def _set_properties(widget: QObject, **properties: str | bool) -> None:
    """Sets Qt properties by name; enum and flag values by their key names
    ("PlainText", "TextSelectableByMouse|TextSelectableByKeyboard")."""
    for name, value in properties.items():
        if not widget.setProperty(name, value):
            raise ValueError(f"{type(widget).__name__}: cannot set {name} to {value!r}")


def key_sequence(key: str | QKeySequence.StandardKey) -> QKeySequence:
    """The key sequence "Ctrl+E", or the platform's main one for a standard key.

    Not QKeySequence(key): weighing its QKeyCombination overload makes PySide6
    build the Qt namespace, and the window's actions are made before it paints.
    """
    if isinstance(key, str):
        return QKeySequence.fromString(key)
    bindings = QKeySequence.keyBindings(key)
    return bindings[0] if bindings else QKeySequence()


# The reading font chosen in the preferences: a family ("": the first serif face
# of _SERIF_FAMILIES installed) and a size in points.
_chosen_font: tuple[str, float] = ("", _READING_POINT_SIZE)
READING_SIZES = (6.0, 48.0)
"""The smallest and largest reading font sizes, in points."""


def reading_font(point_size: float | None = None) -> QFont:
    """Returns the font articles are read in: the one chosen in the preferences if
    it is installed, else a serif face; in ``point_size``, else the chosen size."""
    chosen, size = _chosen_font
    installed = set(QFontDatabase.families())
    font = QFont()
    for family in (chosen, *_SERIF_FAMILIES) if chosen else _SERIF_FAMILIES:
        if family in installed:
            font.setFamily(family)
            break
    else:
        font.setFamily("serif")
        font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size if point_size is not None else size)
    return font


def choose_reading_font(family: str, point_size: float) -> None:
    """Reads articles in ``family`` ("": the default serif face) at ``point_size``,
    in the panes open now and in those opened later."""
    global _chosen_font
    low, high = READING_SIZES
    _chosen_font = (family, min(max(point_size, low), high))
    font = reading_font()
    for widget in QApplication.allWidgets():
        if isinstance(widget, ReaderPane):
            widget.set_reading_font(font)


def _language_name(code: str) -> str:
    """Returns the name of a language code in the interface language ("fr" → "French")."""
    from desktop.ui.i18n import language_name

    return language_name(code)


class _BodyView(QPlainTextEdit):
    """The article body: read-only, laid out lazily, highlights formatted on paint.

    The text column is limited to about 80 characters; the viewport margins
    centre it. Highlights live in :attr:`index`; just before a region is
    painted, :attr:`formatter` gives the blocks in it whose formats are stale
    their formats, so only what is on screen is ever formatted.

    Signals:
        column_changed(): the text column moved or changed width.
        highlight_clicked(int): a click (not a drag) landed on a highlight;
            the id of the innermost one.

    Attributes:
        offsets: code points ↔ UTF-16 for the current text.
        index: the highlights shown.
        formatter: sets the highlight formats of blocks.
    """

    column_changed = Signal()
    highlight_clicked = Signal(int)
    hovered = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self._hovered = 0
        self.viewport().setMouseTracking(True)  # to say which highlight the mouse is over
        _set_properties(self, textInteractionFlags="TextSelectableByMouse|TextSelectableByKeyboard")
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDocumentMargin(_DOCUMENT_MARGIN)
        self.offsets = OffsetMap("")
        self.index = HighlightIndex()
        self.formatter = BlockFormatter(self.index, self.offsets, self._base_color(),
                                        self._text_color())
        self._side_margin = 0  # left; the right one may be a pixel wider
        self._right_margin = 0
        self._wrapped_width = -1  # the viewport width the lines were last wrapped at
        self._press_pos: QPoint | None = None
        # What the tooltip says of a highlight, asked when it shows (set by the pane's
        # controller: in the interface's language, which costs too much for every one of
        # a book's highlights); else its ``tooltip``.
        self.describe: Callable[[Highlight], str] | None = None

    # --- text and highlights ------------------------------------------------

    def set_text(self, text: str) -> None:
        """Shows ``text`` exactly and drops every highlight."""
        starts = block_starts(text)
        # Qt breaks a word wider than the column where it can, but looking for
        # where takes time that grows faster than the word: a 200 kB "word"
        # ("[[[[…", a base64 blob) froze the window for 8-10 s. Such a text
        # is broken anywhere instead (0.07 s); every other keeps whole words.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere if _has_huge_word(text, starts)
                             else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setPlainText(text)
        self.offsets = OffsetMap(text)
        if len(starts) != self.document().blockCount():
            # Qt split the text differently than expected (a CR slipped through
            # normalisation): take the blocks from the document itself.
            starts = []
            block = self.document().begin()
            while block.isValid():
                starts.append(self.offsets.to_codepoint(block.position()))
                block = block.next()
        self.index = HighlightIndex(starts)
        self.formatter = BlockFormatter(self.index, self.offsets, self._base_color(),
                                        self._text_color())

    def refresh_blocks(self, numbers: set[int]) -> None:
        """Marks blocks stale and repaints those of them on screen."""
        if not numbers:
            return
        self.formatter.invalidate(numbers)
        viewport = self.viewport()
        for block, top, height in self._blocks_in(viewport.rect()):
            if block.blockNumber() in numbers:
                viewport.update(QRect(0, math.floor(top), viewport.width(),
                                      math.ceil(height) + 1))

    def refresh_all(self) -> None:
        """Marks every block stale and repaints the viewport."""
        self.formatter.invalidate_all()
        self.viewport().update()

    # --- positions ------------------------------------------------------------

    def char_at(self, point: QPoint) -> int | None:
        """Returns the code point of the character under ``point`` (viewport coordinates).

        Returns:
            The position, or None if ``point`` is not over text (past the end
            of a line, in the margin, below the last line).
        """
        block = self.cursorForPosition(point).block()
        if not block.isValid():
            return None
        geometry = self.blockBoundingGeometry(block).translated(self.contentOffset())
        x = point.x() - geometry.left()
        y = point.y() - geometry.top()
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if not line.y() <= y < line.y() + line.height():
                continue
            if not line.x() <= x < line.x() + line.naturalTextWidth():
                return None
            u16 = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
            if u16 >= block.length() - 1:
                return None
            return self.offsets.to_codepoint(block.position() + u16)
        return None

    def column_left(self) -> int:
        """Returns the x where the text column starts, in this widget's coordinates."""
        return self.frameWidth() + self._side_margin + _DOCUMENT_MARGIN

    # --- events -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Formats the stale blocks about to be painted, then paints."""
        for block, _top, _height in self._blocks_in(event.rect()):
            self.formatter.ensure_formatted(block)
        super().paintEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        moved = self._fit_column()
        size, old = event.size(), event.oldSize()
        if old.isValid() and self.viewport().width() == self._wrapped_width:
            # The side margins took the whole change and the text column kept its
            # width: tell Qt the width did not change, or it re-wraps every block
            # (13 ms for the 2.4 MB book, each time a pane opens or closes beside it).
            event = QResizeEvent(size, QSize(size.width(), old.height()))
        super().resizeEvent(event)
        self._wrapped_width = self.viewport().width()
        if moved:
            self.column_changed.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_column()
            # QPlainTextEdit re-wraps its lines only when a resize changes the
            # widget's width, not on a change of font or of its viewport's
            # margins: tell it the width changed (from none).
            QPlainTextEdit.resizeEvent(self, QResizeEvent(self.size(), QSize()))
            self._wrapped_width = self.viewport().width()
            self.column_changed.emit()
        elif event.type() == QEvent.Type.PaletteChange:
            self.formatter.set_base(self._base_color(), self._text_color())
            self.viewport().update()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        """Shows the tooltips of the highlights under the mouse, says which one it is over."""
        if event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            self._hover(self.char_at(event.position().toPoint()))
        elif event.type() == QEvent.Type.Leave:
            self._hover(None)
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            cp = self.char_at(event.pos())
            found = self.index.at(cp) if cp is not None else []
            if found:

                describe = self.describe
                texts = (describe(h) if describe else h.tooltip for h in found)
                QToolTip.showText(event.globalPos(), as_plain_text("\n".join(texts)),
                                  self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _hover(self, cp: int | None) -> None:
        found = [h for h in self.index.at(cp) if h.id > 0 and not h.marked] \
            if cp is not None else []
        annotation_id = min(found, key=lambda h: h.end - h.start).id if found else 0
        if annotation_id != self._hovered:
            self._hovered = annotation_id
            self.hovered.emit(annotation_id)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == QtCore.Qt.MouseButton.LeftButton:
            self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        press, self._press_pos = self._press_pos, None
        if event.button() != QtCore.Qt.MouseButton.LeftButton or press is None:
            return
        pos = event.position().toPoint()
        if (pos - press).manhattanLength() >= QApplication.startDragDistance():
            return
        if self.textCursor().hasSelection():
            return
        cp = self.char_at(pos)
        found = [h for h in (self.index.at(cp) if cp is not None else []) if not h.marked]
        if found:  # an annotation before a suggestion on the same words; marks say nothing
            innermost = min(found, key=lambda h: (h.id < 0, h.end - h.start))
            self.highlight_clicked.emit(innermost.id)

    # --- helpers -----------------------------------------------------------------

    def _base_color(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Base)

    def _text_color(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    def _blocks_in(self, rect: QRect) -> Iterator[tuple[QTextBlock, float, float]]:
        """Yields the visible blocks meeting ``rect`` with their top and height."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        while block.isValid() and top <= rect.bottom():
            height = self.blockBoundingRect(block).height()
            if block.isVisible() and top + height >= rect.top():
                yield block, top, height
            top += height
            block = block.next()

    def _fit_column(self) -> bool:
        """Sets side margins so the text column is about 80 characters wide.

        The column keeps the same width in pixels whatever the widget's width
        (the margins take the rest), so a resize re-wraps nothing unless the
        widget gets narrower than the column. Returns whether the margins changed.
        """
        metrics = QFontMetricsF(self.font())
        column = round(metrics.horizontalAdvance(_SAMPLE) / len(_SAMPLE) * _COLUMN_CHARS
                       + 2 * _DOCUMENT_MARGIN)
        total = self.viewport().width() + self._side_margin + self._right_margin
        left = max(0, (total - column) // 2)
        right = max(0, total - column - left)
        if (left, right) == (self._side_margin, self._right_margin):
            return False
        self._side_margin, self._right_margin = left, right
        self.setViewportMargins(left, 0, right, 0)
        return True


_HUGE_WORD = 1000
"""Characters without a space beyond which a word is broken anywhere (see set_text)."""


def _stored(highlight: Highlight) -> bool:
    """An annotation of the database: not a suggestion, nor the mark of an entity's mention
    (which covers the same words, and would be the one clicked or deleted)."""
    return highlight.id > 0 and not highlight.marked


def _has_huge_word(text: str, starts: list[int]) -> bool:
    """Whether a line of ``text`` holds a run of more than :data:`_HUGE_WORD`
    characters without white space (only long lines are looked into)."""
    ends = [*starts[1:], len(text)]
    return any(end - start > _HUGE_WORD
               and max(map(len, text[start:end].split()), default=0) > _HUGE_WORD
               for start, end in zip(starts, ends, strict=True))


class ReaderPane(QWidget):
    """Shows one article (header and body) with its highlights.

    The body is a read-only text view that lays out only what is shown, so a
    whole book opens at once. Digits 1–9 ask to tag the selection, Delete and
    Backspace ask to delete the highlights under it, Ctrl+F opens a find bar;
    the pane only emits the requests, the main window carries them out and
    gives the pane the new highlights.

    Signals:
        tag_requested(str): a digit key 1–9 was pressed in the body.
        tag_with_label(str): a label was chosen in the "Tag as" menu.
        delete_requested(list): ids of the highlights to delete (overlapping
            the selection, or around the cursor); never empty.
        highlight_clicked(int): a highlight was clicked; its id.
        hovered(int): the mouse moved onto an annotation (its id) or off
            every annotation (0).
        link_requested(int): "Link…" was chosen in the menu of this annotation.
        selection_changed(): the selection in the body changed.
        source_clicked(str): the source link was clicked; nothing is opened.
        view_reset_requested(): "Show everyone" was clicked in the note saying
            that only some annotations are shown (see :meth:`set_view_note`).

    Attributes:
        body: the text view showing the article body.
        find_bar: the find bar under the body (built on first use, hidden until Ctrl+F).
    """

    tag_requested = Signal(str)
    tag_with_label = Signal(str)
    delete_requested = Signal(list)
    highlight_clicked = Signal(int)
    hovered = Signal(int)
    link_requested = Signal(int)
    selection_changed = Signal()
    source_clicked = Signal(str)
    view_reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._muted: list[QLabel] = []  # secondary text, greyed out
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self._text = ""
        self._source = ""
        self._labels: list[tuple[str, str, str]] = []

        self._title = QLabel(self)
        _set_properties(self._title, textFormat="PlainText", wordWrap=True,
                        textInteractionFlags="TextSelectableByMouse")

        self._meta = QLabel(self)
        _set_properties(self._meta, textFormat="RichText", openExternalLinks=False,
                        textInteractionFlags="LinksAccessibleByMouse")
        self._meta.linkActivated.connect(self._on_source_link)

        self._attribution = QLabel(self)
        _set_properties(self._attribution, textFormat="PlainText", wordWrap=True,
                        textInteractionFlags="TextSelectableByMouse")
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self._attribution.setFont(small)

        # Says when only some annotators' annotations are shown (set_view_note).
        self._view_text = ""
        self._view_note = QLabel(self)
        _set_properties(self._view_note, textFormat="RichText", wordWrap=True,
                        textInteractionFlags="LinksAccessibleByMouse|LinksAccessibleByKeyboard")
        self._view_note.setObjectName("view_note")
        self._view_note.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self._view_note.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self._view_note.setAutoFillBackground(True)
        self._view_note.setMargin(4)
        self._view_note.linkActivated.connect(lambda _link: self.view_reset_requested.emit())
        self._view_note.hide()

        self.body = _BodyView(self)
        self.body.setAccessibleName(self.tr("Article text"))
        self.set_reading_font(reading_font())
        _set_properties(self.body, contextMenuPolicy="CustomContextMenu")
        self.body.customContextMenuRequested.connect(self._on_context_menu)
        self.body.selectionChanged.connect(self.selection_changed)
        self.body.highlight_clicked.connect(self.highlight_clicked)
        self.body.hovered.connect(self.hovered)
        self.body.column_changed.connect(self._align_header)
        self.body.installEventFilter(self)

        self._find_bar: FindBar | None = None  # built on first use: a faster start

        self._header = QWidget(self)
        header_layout = QVBoxLayout(self._header)
        header_layout.setSpacing(4)
        header_layout.addWidget(self._title)
        header_layout.addWidget(self._meta)
        header_layout.addWidget(self._attribution)
        header_layout.addWidget(self._view_note)
        header_layout.addSpacing(6)
        rule = QFrame(self._header)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Plain)
        rule.setForegroundRole(QPalette.ColorRole.Midlight)
        header_layout.addWidget(rule)

        article = QWidget(self)
        self._article_layout = QVBoxLayout(article)
        self._article_layout.setContentsMargins(0, 0, 0, 0)
        self._article_layout.setSpacing(0)
        self._article_layout.addWidget(self._header)
        self._article_layout.addWidget(self.body, 1)

        self._empty = QLabel(self)
        _set_properties(self._empty, alignment="AlignCenter", wordWrap=True)
        self._empty.setMargin(24)
        self._muted = [self._meta, self._attribution, self._empty]
        self._set_muted()

        # The pane the keys and the panel follow, when several are open, shows a
        # bar in the highlight colour along its top (set_active).
        self._active_bar = QWidget(self)
        self._active_bar.setFixedHeight(3)
        self._active_bar.setBackgroundRole(QPalette.ColorRole.Highlight)
        self._active_bar.setAutoFillBackground(True)
        self._active_bar.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._active_bar)
        self._stack = QStackedLayout()
        outer.addLayout(self._stack, 1)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(article)
        self.clear(self.tr("Select an article in the library"))
        self._align_header()

    def set_reading_font(self, font: QFont) -> None:
        """Shows the title and the body in ``font`` (the title larger and bold)."""
        title_font = QFont(font)
        title_font.setPointSizeF(font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self.body.setFont(font)

    @property
    def find_bar(self) -> FindBar:
        """The find bar under the body, built the first time it is asked for."""
        if self._find_bar is None:
            from desktop.ui.find_bar import FindBar

            bar = FindBar(self)
            bar.setBackgroundRole(QPalette.ColorRole.Window)
            bar.setAutoFillBackground(True)
            bar.hide()
            bar.match_found.connect(self.select_range)
            bar.closed.connect(self._on_find_closed)
            bar.set_text(self._text)
            self._article_layout.addWidget(bar)
            self._find_bar = bar
        return self._find_bar

    # --- article ---------------------------------------------------------------------

    def set_article(self, title: str, body: str, published: str, language: str, source: str,
                    attribution: str = "") -> None:
        """Shows an article; drops the previous highlights and selection.

        Args:
            title: the headline.
            body: the exact text whose code points annotations index.
            published: the publication date as it should read, or "".
            language: language code, e.g. "fr".
            source: URL or file the article came from, or "".
            attribution: licence notice shown small under the header, or "".
        """
        self._text = body
        self.set_header(title, published, language, source, attribution)
        self.body.set_text(body)
        if self._find_bar is not None:
            self._find_bar.set_text(body)
        self._stack.setCurrentIndex(1)

    def set_header(self, title: str, published: str, language: str, source: str,
                   attribution: str = "") -> None:
        """Shows the article's details above its body (an edit: highlights, selection
        and scrolling stay). The arguments are those of :meth:`set_article`."""
        self._source = source
        self._title.setText(title)
        parts = [escape(p) for p in (published, _language_name(language)) if p]
        if source:
            parts.append(f'<a href="{escape(source, quote=True)}">'
                         f"{escape(source_name(source))}</a>")
        self._meta.setText(" · ".join(parts))
        self._meta.setToolTip(as_plain_text(source))  # "<img…>" shown as written
        self._meta.setVisible(bool(parts))
        self._attribution.setText(attribution)
        self._attribution.setVisible(bool(attribution))

    def clear(self, message: str) -> None:
        """Shows ``message`` instead of an article."""
        self._text = ""
        self._source = ""
        self.body.set_text("")
        if self._find_bar is not None:
            self._find_bar.set_text("")
            self._find_bar.hide()
        self._empty.setText(message)
        self._empty_is_default = message == self.tr("Select an article in the library")
        self._stack.setCurrentIndex(0)

    def text(self) -> str:
        """The body shown (exactly as given to :meth:`set_article`)."""
        return self._text

    def body_viewport(self) -> QWidget:
        """The widget the body is painted on (for event filters and tests)."""
        return self.body.viewport()

    def set_labels(self, labels: list[tuple[str, str, str]]) -> None:
        """Sets the labels offered by the "Tag as" menu: (name, shortcut or "", colour)."""
        self._labels = list(labels)

    # --- highlights -----------------------------------------------------------------------

    def set_highlights(self, highlights: list[Highlight]) -> None:
        """Replaces every highlight (offsets in code points)."""
        self.body.index.replace_all(highlights)
        self.body.refresh_all()

    def add_highlight(self, highlight: Highlight) -> None:
        """Adds one highlight, or replaces the one with the same id."""
        self.body.refresh_blocks(self.body.index.add(highlight))

    def add_highlights(self, highlights: list[Highlight]) -> None:
        """Adds many highlights, repainting the blocks they touch once."""
        self.body.refresh_blocks(self.body.index.add_many(highlights))

    def remove_highlights(self, ids: list[int]) -> None:
        """Removes the highlights with these ids; unknown ids are ignored."""
        self.body.refresh_blocks(self.body.index.remove(ids))

    def highlights(self, dashed: bool | None = False) -> list[tuple[int, int, str]]:
        """The highlights as (start, end, label), sorted.

        Args:
            dashed: False for annotations only, True for suggestions only,
                None for both.
        """
        return sorted((h.start, h.end, h.label) for h in self.body.index.all()
                      if not h.marked and (dashed is None or h.dashed == dashed))

    def marked(self) -> list[tuple[int, int]]:
        """The spans marked as mentions of the entity under the mouse, sorted."""
        return sorted((h.start, h.end) for h in self.body.index.all() if h.marked)

    def set_view_note(self, text: str) -> None:
        """Says in the header which annotations are shown, when not all of them are
        ("Only Alice’s annotations: 3 of 8 shown"), with a "Show everyone" link
        (:attr:`view_reset_requested`); "" hides the note."""
        self._view_text = text
        if text:
            link = escape(self.tr("Show everyone"))
            self._view_note.setText(f'{escape(text)} · <a href="everyone">{link}</a>')
        self._view_note.setVisible(bool(text))

    def view_note(self) -> str:
        """The note on which annotations are shown ("" when all are)."""
        return self._view_text

    def set_active(self, active: bool, shown: bool = True) -> None:
        """Marks this pane as the one the panel and the keys follow (when ``shown``).

        A bar in the highlight colour runs along its top while it is active
        and other panes are open beside it.
        """
        self._active_bar.setVisible(active and shown)

    def highlights_at(self, cp: int) -> list[Highlight]:
        """The highlights covering the character at ``cp``, outermost first."""
        return self.body.index.at(cp)

    # --- selection and scrolling ----------------------------------------------------------

    def selection_range(self) -> tuple[int, int] | None:
        """The selection as (start, end) in code points, or None if nothing is selected."""
        cursor = self.body.textCursor()
        if not cursor.hasSelection():
            return None
        offsets = self.body.offsets
        return (offsets.to_codepoint(cursor.selectionStart()),
                offsets.to_codepoint(cursor.selectionEnd()))

    def cursor_position(self) -> int:
        """The text cursor's position in code points."""
        return self.body.offsets.to_codepoint(self.body.textCursor().position())

    def select_range(self, start: int, end: int) -> None:
        """Selects ``[start, end)`` (code points) and scrolls it into view.

        A range already on screen does not move; one off screen is centred.
        """
        offsets = self.body.offsets
        start = max(0, min(start, offsets.length))
        end = max(start, min(end, offsets.length))
        first, last = self.visible_range()
        on_screen = self.body.isVisible() and first <= start and end <= last
        cursor = self.body.textCursor()
        cursor.setPosition(offsets.to_utf16(start))
        cursor.setPosition(offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.body.setTextCursor(cursor)
        if not on_screen:
            self.body.centerCursor()

    def scroll_to(self, start: int) -> None:
        """Puts the cursor at ``start`` (code points) and scrolls it into view."""
        self.select_range(start, start)

    def visible_range(self) -> tuple[int, int]:
        """The code points at the top-left and bottom-right of the body's viewport."""
        rect = self.body.viewport().rect()
        first = self.body.cursorForPosition(rect.topLeft()).position()
        last = self.body.cursorForPosition(rect.bottomRight()).position()
        return self.body.offsets.to_codepoint(first), self.body.offsets.to_codepoint(last)

    # --- find ---------------------------------------------------------------------------------

    def open_find(self) -> None:
        """Opens the find bar, searching for the selection if it is a short phrase."""
        selection = self.selection_range()
        query = ""
        anchor = self.cursor_position()
        if selection is not None:
            anchor = selection[0]
            selected = self._text[selection[0]:selection[1]]
            if len(selected) <= 100 and "\n" not in selected:
                query = selected
        self.find_bar.open(anchor, query)

    # --- events -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Handles the body's keys: digits, Delete/Backspace, Ctrl+F, F3, and the
        keys of the actions added to the body (the suggestions' N, A, R…)."""
        if watched is self.body and event.type() in (QEvent.Type.KeyPress,
                                                     QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            action = self._key_action(event)
            if action is not None:
                # Claim the key before any window shortcut bound to it.
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    action()
                return True
        return super().eventFilter(watched, event)

    def _key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        """Returns what a key press in the body does, or None to let the body have it."""
        if event.matches(QKeySequence.StandardKey.Find):
            return self.open_find
        searched = self._find_bar is not None and self._find_bar.edit.text()
        if event.matches(QKeySequence.StandardKey.FindNext) and searched:
            return self.find_bar.find_next
        if event.matches(QKeySequence.StandardKey.FindPrevious) and searched:
            return self.find_bar.find_previous
        Qt = QtCore.Qt  # noqa: N806 (see the note on _READING_POINT_SIZE)
        modifiers = event.modifiers()
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                        | Qt.KeyboardModifier.MetaModifier):
            return None
        key = event.key()
        digit = event.text()
        if not (len(digit) == 1 and digit in "123456789"):
            # Keypad and synthetic events may come without text.
            digit = str(key - Qt.Key.Key_0) if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 else ""
        if digit:
            return lambda: self.tag_requested.emit(digit)
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            # Claimed even over nothing, so a window-wide Delete (say, of the
            # article selected in the library) never fires from the text.
            return self._request_delete
        # Single keys of actions added to the body (a suggestion's A…) act only
        # here, as the digits do: typed anywhere else they are text.
        pressed = QKeySequence(event.keyCombination())
        for action in self.body.actions():
            if action.isEnabled() and any(
                    pressed.matches(shortcut) == QKeySequence.SequenceMatch.ExactMatch
                    for shortcut in action.shortcuts()):
                return action.trigger
        return None

    def _request_delete(self) -> None:
        ids = self._ids_to_delete()
        if ids:
            self.delete_requested.emit(ids)

    def _ids_to_delete(self) -> list[int]:
        """Ids of the annotations overlapping the selection, or touching the cursor (not
        the suggestions, nor the marks of an entity's mentions)."""
        selection = self.selection_range()
        if selection is not None:
            return [h.id for h in self.body.index.overlapping(*selection) if _stored(h)]
        cp = self.cursor_position()
        return [h.id for h in self.body.index.overlapping(cp - 1, cp + 1)
                if h.start <= cp <= h.end and _stored(h)]

    def _on_context_menu(self, pos: QPoint) -> None:
        from desktop.ui.shortcuts import claim_menu_keys

        menu = claim_menu_keys(self.context_menu(pos))  # A, N… are not the reader's there
        menu.exec(self.body.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """Builds the body's context menu for a click at ``pos`` (viewport coordinates).

        "Tag as ▸" (when text is selected) and "Remove annotation" (when the
        click or the selection is on highlights) come before the standard
        Copy and Select All.
        """
        menu = self.body.createStandardContextMenu(pos)
        standard = menu.actions()
        first = standard[0] if standard else None
        added = False
        if self.selection_range() is not None and self._labels:
            from desktop.ui.swatch import swatch

            tag_menu = QMenu(self.tr("Tag as"), menu)
            for name, shortcut, color in self._labels:
                shown = as_menu_text(name)
                text = f"{shown}\t{shortcut}" if shortcut else shown
                action = tag_menu.addAction(swatch(color), text)
                action.triggered.connect(
                    lambda _checked=False, label=name: self.tag_with_label.emit(label))
            menu.insertMenu(first, tag_menu)
            added = True
        cp = self.body.char_at(pos)
        under = self.body.index.at(cp) if cp is not None else []
        ids = [h.id for h in under if _stored(h)] or self._ids_to_delete()
        if ids:
            text = (self.tr("Remove annotation") if len(ids) == 1
                    else self.tr("Remove %n annotation(s)", None, len(ids)))
            remove = QAction(text, menu)
            remove.triggered.connect(lambda _checked=False: self.delete_requested.emit(ids))
            menu.insertAction(first, remove)
            added = True
        annotations = [h for h in under if _stored(h)]
        if annotations:
            innermost = min(annotations, key=lambda h: h.end - h.start)
            link = QAction(self.tr("Link…") + "\tL", menu)
            link.triggered.connect(
                lambda _checked=False: self.link_requested.emit(innermost.id))
            menu.insertAction(first, link)
            added = True
        if added and first is not None:
            menu.insertSeparator(first)
        return menu

    def _on_source_link(self, _link: str) -> None:
        self.source_clicked.emit(self._source)

    def _on_find_closed(self) -> None:
        self.body.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def _align_header(self) -> None:
        """Lines the header up with the body's text column."""
        left = self.body.column_left()
        self._header.layout().setContentsMargins(left, 16, left, 4)

    def _set_muted(self) -> None:
        """Greys out the secondary text (metadata, attribution, empty state)."""
        # A copy already; QPalette(palette) would make PySide6 weigh the
        # QPalette(Qt.GlobalColor) overload, and build the whole Qt namespace.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText,
                         palette.color(QPalette.ColorRole.PlaceholderText))
        for label in self._muted:
            label.setPalette(palette)
            if label is self._meta and label.text():
                # WORKAROUND: a rich-text label colours its links when its text is
                # set, from the palette of then: set it again for the new links.
                text = label.text()
                label.clear()
                label.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._set_muted()
        if event.type() == QEvent.Type.LanguageChange:
            self.body.setAccessibleName(self.tr("Article text"))
            self.set_view_note(self._view_text)  # its owner says it again in the new language
            if self._empty_is_default:  # others' messages are said again by their owners
                self._empty.setText(self.tr("Select an article in the library"))
