"""Highlights in the reader: what they are, where they are, how they look.

The reader shows one read-only document, possibly a whole book, with tens of
thousands of highlights. Storing them as character formats in the document,
or as extra selections, costs seconds (see PLATFORM.md). Instead a
:class:`HighlightIndex` files every highlight under the text blocks (lines)
it touches, and a :class:`BlockFormatter` turns the highlights of one block
into ``QTextLayout`` formats only when that block is about to be painted.
Setting 20,000 highlights is then a matter of filing them; only the few
dozen blocks on screen are ever formatted.

All offsets given to and returned by this module are code points; the
conversion to Qt's UTF-16 positions happens in :class:`BlockFormatter`
through :class:`~desktop.core.offsets.OffsetMap`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextLayout

from desktop.core.offsets import OffsetMap
from desktop.ui.themes import readable_on

# Characters at which QTextDocument.setPlainText starts a new block. The body
# is normalised to LF at import, so a CR never gets here (a CRLF pair would
# make one break out of two characters and shift every later block).
_BLOCK_BREAK = re.compile("[\n\r\u2029\ufdd0\ufdd1]")

# How much of a label colour goes into a highlight's background: enough to
# tell labels apart, little enough that text stays readable on top (where it
# would not, over a strong tint or a user's colour, the text turns black or
# white: see BlockFormatter).
_TINT = 0.30
_OVERLAP_TINT = 0.55
# On a dark base a strong tint of a light colour (yellow, pink, teal) turns too
# light for light text: nested highlights are blended less there, so every default
# label keeps the theme's text colour (a marked mention, meant to stand out, keeps
# its strong tint and gets dark text where it needs it).
_OVERLAP_TINT_ON_DARK = 0.40
_MARK_TINT = 0.8  # a marked mention: its colour nearly full


class Highlight(NamedTuple):
    """One highlighted span of the article body.

    A named tuple rather than a frozen dataclass: a reader makes hundreds of
    them at a time (the mentions marked under the mouse), and a frozen
    dataclass takes more than twice as long to make.

    Attributes:
        id: annotation id (negative for suggestions).
        start: first code point of the span.
        end: code point after the span.
        color: label colour, ``"#rrggbb"``.
        label: label name, e.g. ``"ORG"``.
        tooltip: what hovering the span shows, e.g. ``"ORG · OpenAI"``.
        dashed: draw a dashed underline instead of a filled background
            (suggestions not yet accepted).
        marked: a mark over an annotation (a mention of the entity under the
            mouse, in every pane): its text is drawn bold on a stronger tint.
    """

    id: int
    start: int
    end: int
    color: str
    label: str
    tooltip: str
    dashed: bool = False
    marked: bool = False


def block_starts(text: str) -> list[int]:
    """Returns the code-point offset at which each block (line) of ``text`` starts."""
    return [0, *(m.end() for m in _BLOCK_BREAK.finditer(text))]


def _outer_first(h: Highlight) -> tuple[int, int, int]:
    """Sort key: by start, longer (enclosing) spans before shorter ones."""
    return (h.start, -h.end, h.id)


class HighlightIndex:
    """Highlights of one text, filed under the blocks they touch.

    Lookups by block, by position and by range only look at the blocks
    concerned, so they stay cheap however many highlights there are.
    """

    def __init__(self, starts: Sequence[int] = (0,)) -> None:
        """Creates an empty index.

        Args:
            starts: code-point offset of each block, ascending, from
                :func:`block_starts`.
        """
        self._starts = list(starts) or [0]
        self._by_id: dict[int, Highlight] = {}
        self._by_block: dict[int, list[Highlight]] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    @property
    def block_count(self) -> int:
        """Number of blocks in the text."""
        return len(self._starts)

    def block_start(self, block: int) -> int:
        """Returns the code-point offset of block number ``block``."""
        return self._starts[block]

    def block_of(self, cp: int) -> int:
        """Returns the number of the block holding code point ``cp``."""
        return max(0, bisect_right(self._starts, cp) - 1)

    def blocks_of(self, start: int, end: int) -> range:
        """Returns the numbers of the blocks a span ``[start, end)`` touches."""
        return range(self.block_of(start), self.block_of(max(start, end - 1)) + 1)

    def replace_all(self, highlights: Iterable[Highlight]) -> None:
        """Drops every highlight and files ``highlights`` instead."""
        self._by_id = {}
        self._by_block = {}
        for h in highlights:
            self._file(h)

    def add(self, highlight: Highlight) -> set[int]:
        """Adds a highlight (replacing one with the same id).

        Returns:
            The numbers of the blocks whose appearance changed.
        """
        changed = self.remove([highlight.id])
        self._file(highlight)
        changed.update(self.blocks_of(highlight.start, highlight.end))
        return changed

    def add_many(self, highlights: Iterable[Highlight]) -> set[int]:
        """Adds highlights (each replacing one with the same id; of two with the same
        id, the later) in one go: what :meth:`add` does for each, faster for many
        (the 500 mentions of an entity marked under the mouse).

        Returns:
            The numbers of the blocks whose appearance changed.
        """
        batch = {h.id: h for h in highlights}
        changed = self.remove([i for i in batch if i in self._by_id])
        starts, by_id, by_block = self._starts, self._by_id, self._by_block
        for h in batch.values():
            by_id[h.id] = h
            first = bisect_right(starts, h.start) - 1
            last = bisect_right(starts, h.end - 1) - 1 if h.end - 1 > h.start else first
            for block in range(max(0, first), max(0, last) + 1):
                filed = by_block.get(block)
                if filed is None:
                    by_block[block] = [h]
                else:
                    filed.append(h)
                changed.add(block)
        return changed

    def remove(self, ids: Iterable[int]) -> set[int]:
        """Removes the highlights with these ids; unknown ids are ignored.

        Returns:
            The numbers of the blocks whose appearance changed.
        """
        changed: set[int] = set()
        for hid in ids:
            h = self._by_id.pop(hid, None)
            if h is None:
                continue
            for block in self.blocks_of(h.start, h.end):
                # By identity: list.remove would compare h with the highlights filed
                # before it field by field.
                filed = [other for other in self._by_block[block] if other is not h]
                if filed:
                    self._by_block[block] = filed
                else:
                    del self._by_block[block]
                changed.add(block)
        return changed

    def in_block(self, block: int) -> list[Highlight]:
        """Returns the highlights touching block number ``block``."""
        return self._by_block.get(block, [])

    def at(self, cp: int) -> list[Highlight]:
        """Returns the highlights covering the character at ``cp``, outermost first."""
        found = [h for h in self.in_block(self.block_of(cp)) if h.start <= cp < h.end]
        return sorted(found, key=_outer_first)

    def overlapping(self, start: int, end: int) -> list[Highlight]:
        """Returns the highlights sharing at least one character with ``[start, end)``."""
        if end <= start:
            return []
        blocks = self.blocks_of(start, end)
        if len(blocks) > len(self._by_id):
            candidates: Iterable[Highlight] = self._by_id.values()
        else:
            candidates = {h.id: h for b in blocks for h in self.in_block(b)}.values()
        found = [h for h in candidates if h.start < end and h.end > start]
        return sorted(found, key=_outer_first)

    def all(self) -> list[Highlight]:
        """Returns every highlight, outermost first."""
        return sorted(self._by_id.values(), key=_outer_first)

    def _file(self, h: Highlight) -> None:
        self._by_id[h.id] = h
        for block in self.blocks_of(h.start, h.end):
            self._by_block.setdefault(block, []).append(h)


def _color(name: str) -> QColor:
    """The colour named "#rrggbb". Not QColor(name): PySide6 would weigh the
    QColor(Qt.GlobalColor) overload and build the whole Qt namespace (~25 ms)
    before the reader first paints."""
    return QColor.fromString(name)


def overlap_tint(base: QColor) -> float:
    """How much of the label colours goes into nested highlights on ``base``."""
    return _OVERLAP_TINT_ON_DARK if base.lightnessF() < 0.5 else _OVERLAP_TINT


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """Returns ``a`` blended towards ``b`` by ``t`` (0 gives ``a``, 1 gives ``b``)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


class BlockFormatter:
    """Gives the blocks of one document the formats of their highlights.

    Formats are set with ``QTextLayout.setFormats``, which invalidates the
    block's lines, so the text view lays the block out again with the new
    formats the next time it paints it; the document itself is untouched.
    A block is formatted at most once per change: the formatter remembers
    which blocks are up to date and the text view asks it, just before
    painting, to format the visible blocks that are not.

    Attributes:
        index: the highlights to show.
    """

    def __init__(self, index: HighlightIndex, offsets: OffsetMap, base: QColor,
                 text: QColor | None = None) -> None:
        """Creates a formatter.

        Args:
            index: the highlights to show.
            offsets: the offset map of the document's text.
            base: the background colour the tints are blended into.
            text: the colour the text is drawn in (the palette's); a highlight
                on which it would be hard to read gets black or white text.
                None: black on a light base, white on a dark one.
        """
        self.index = index
        self._offsets = offsets
        self._base = base.toRgb()  # a copy (see _color)
        self._text = self._text_on(self._base, text)
        self._overlap_tint = overlap_tint(self._base)
        self._fresh: set[int] = set()
        self._formatted: set[int] = set()
        self._cache: dict[tuple[int, int, int], QTextCharFormat] = {}

    def set_base(self, base: QColor, text: QColor | None = None) -> None:
        """Changes the background and text colours (palette change); every block
        goes stale."""
        self._base = base.toRgb()  # a copy (see _color)
        self._text = self._text_on(self._base, text)
        self._overlap_tint = overlap_tint(self._base)
        self._cache.clear()
        self._fresh.clear()

    @staticmethod
    def _text_on(base: QColor, text: QColor | None) -> QColor:
        if text is not None:
            return text.toRgb()
        return readable_on(base, QColor.fromRgbF(0, 0, 0))

    def invalidate_all(self) -> None:
        """Marks every block stale."""
        self._fresh.clear()

    def invalidate(self, blocks: Iterable[int]) -> None:
        """Marks these blocks stale."""
        self._fresh.difference_update(blocks)

    def is_fresh(self, block: int) -> bool:
        """True if block number ``block`` shows the current highlights."""
        return block in self._fresh

    def ensure_formatted(self, block: QTextBlock) -> None:
        """Sets the formats of ``block`` if they are stale."""
        number = block.blockNumber()
        if number in self._fresh:
            return
        ranges = self.format_ranges(block)
        if ranges or number in self._formatted:
            block.layout().setFormats(ranges)
        if ranges:
            self._formatted.add(number)
        else:
            self._formatted.discard(number)
        self._fresh.add(number)

    def format_ranges(self, block: QTextBlock) -> list[QTextLayout.FormatRange]:
        """Returns the formats for the highlights of ``block``, block-relative UTF-16."""
        number = block.blockNumber()
        filed = self.index.in_block(number)
        if not filed:
            return []
        lo = self.index.block_start(number)
        if number + 1 < self.index.block_count:
            hi = self.index.block_start(number + 1) - 1
        else:
            hi = self._offsets.length
        clipped = ((max(h.start, lo), min(h.end, hi), h) for h in filed)
        spans = sorted((s for s in clipped if s[0] < s[1]), key=lambda s: _outer_first(s[2]))
        bounds = sorted({p for s, e, _ in spans for p in (s, e)})
        segments: list[tuple[int, int, QTextCharFormat]] = []  # touching ones merged
        active: list[tuple[int, int, Highlight]] = []
        waiting = 0
        for left, right in zip(bounds, bounds[1:], strict=False):
            active = [s for s in active if s[1] > left]
            while waiting < len(spans) and spans[waiting][0] <= left:
                active.append(spans[waiting])
                waiting += 1
            if not active:
                continue
            fmt = self._segment_format([s[2] for s in active])
            start16 = self._offsets.to_utf16(left)
            end16 = self._offsets.to_utf16(right)
            if segments and segments[-1][2] is fmt and segments[-1][1] == start16:
                segments[-1] = (segments[-1][0], end16, fmt)
            else:
                segments.append((start16, end16, fmt))
        u16_base = block.position()
        ranges: list[QTextLayout.FormatRange] = []
        for start16, end16, fmt in segments:
            fr = QTextLayout.FormatRange()
            fr.start = start16 - u16_base
            fr.length = end16 - start16
            fr.format = fmt
            ranges.append(fr)
        return ranges

    def _segment_format(self, active: list[Highlight]) -> QTextCharFormat:
        """Returns the format for text covered by ``active`` (outermost first).

        One filled highlight: a light tint of its colour. Two or more: a
        stronger tint mixing the outermost and innermost colours, underlined
        in the innermost colour so the nesting shows. A dashed highlight
        (suggestion) adds no fill, only a dashed underline in its colour.
        """
        marked = any(h.marked for h in active)
        solid = [h for h in active if not h.dashed and not h.marked]
        dashed = [h for h in active if h.dashed]
        background = QColor()
        underline = QTextCharFormat.UnderlineStyle.NoUnderline
        underline_color = QColor()
        if marked and solid:
            background = _mix(self._base, _color(solid[-1].color), _MARK_TINT)
        elif len(solid) == 1:
            background = _mix(self._base, _color(solid[0].color), _TINT)
        elif solid:
            mixed = _mix(_color(solid[0].color), _color(solid[-1].color), 0.5)
            background = _mix(self._base, mixed, self._overlap_tint)
            underline = QTextCharFormat.UnderlineStyle.SingleUnderline
            underline_color = _color(solid[-1].color)
        if dashed:
            underline = QTextCharFormat.UnderlineStyle.DashUnderline
            underline_color = _color(dashed[-1].color)
        key = (background.rgba() if background.isValid() else -1,
               underline.value, underline_color.rgba() if underline_color.isValid() else -1,
               marked)
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if marked:
                fmt.setFontWeight(700)
            if background.isValid():
                fmt.setBackground(background)
                foreground = readable_on(background, self._text)
                if foreground.rgba() != self._text.rgba():
                    fmt.setForeground(foreground)
            if underline != QTextCharFormat.UnderlineStyle.NoUnderline:
                fmt.setUnderlineStyle(underline)
                fmt.setUnderlineColor(underline_color)
            self._cache[key] = fmt
        return fmt
