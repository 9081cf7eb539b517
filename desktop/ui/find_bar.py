"""The reader's find bar: case- and accent-insensitive search in the article.

The search runs on the Python string, so match offsets are code points like
every other offset the reader hands out. "cafe" finds "Café", "CAFÉ" and
"Cafe" followed by a combining acute accent; a space finds a no-break space;
a straight apostrophe finds a curly one.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Callable
from functools import cache
from itertools import chain

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStyle, QToolButton, QWidget

# Texts longer than this are searched after a short pause in typing.
_DEBOUNCE_CHARS = 200_000
_DEBOUNCE_MS = 150

_COMBINING = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*"
_EQUIVALENT = {
    "'": "'\u2019\u2018\u02bc",
    "\u2019": "'\u2019\u2018\u02bc",
    "-": "-\u2010\u2011",
    '"': '"\u201c\u201d\u00ab\u00bb',
}


def _fold(text: str) -> str:
    """Returns ``text`` without accents, in lower case."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def _accented() -> dict[str, str]:
    """Maps each ASCII letter to the Latin letters that fold to it ("e" → "éèêëÉ…")."""
    table: dict[str, str] = {}
    for cp in chain(range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = _fold(ch)
        if len(base) == 1 and base.isascii() and base.isalpha():
            table[base] = table.get(base, "") + ch
    return table


_SOFT_HYPHEN = "\u00ad"
# Ligatures found by their two letters, and the two letters by the ligature.
_LIGATURES = {"oe": "œŒ", "ae": "æÆ"}
_LIGATURE_PAIRS = {ch: pair for pair, chars in _LIGATURES.items() for ch in chars}


def _ascii_base(ch: str) -> str | None:
    """The ASCII letter ``ch`` is an accented form of ("é" → "e"), or None."""
    base = _fold(ch)
    return base if len(base) == 1 and base.isascii() and base.isalpha() else None


def _letter_part(base: str) -> str:
    """The pattern for ASCII letter ``base`` in any case, with or without accents."""
    return "[" + re.escape(base + _accented().get(base, "")) + "]" + _COMBINING


def search_pattern(query: str) -> re.Pattern[str] | None:
    """Returns a pattern finding ``query`` regardless of case and accents.

    Accents are ignored on the letters of the Latin alphabet only ("cafe" finds
    "Café"); any other character is found as typed, in either case, composed or
    not ("Андрей", "한국", "ά"). "oe" and "œ", "ae" and "æ" find each other, and
    a soft hyphen may break any word found.

    Returns:
        The compiled pattern, or None for an empty query.
    """
    query = unicodedata.normalize("NFC", query).replace(_SOFT_HYPHEN, "")
    if not query:
        return None
    parts: list[str] = []
    letters: list[bool] = []  # whether each part is a letter, for the soft hyphens
    i = 0
    while i < len(query):
        ch = query[i]
        base = _ascii_base(ch)
        pair = _LIGATURE_PAIRS.get(ch)
        if pair is None and base in ("o", "a") and i + 1 < len(query):
            if _ascii_base(query[i + 1]) == "e":
                pair = base + "e"
                i += 1
        if pair is not None:
            parts.append("(?:" + _letter_part(pair[0]) + _SOFT_HYPHEN + "?"
                         + _letter_part(pair[1]) + "|[" + _LIGATURES[pair] + "])")
        elif ch in _EQUIVALENT:
            parts.append("[" + re.escape(_EQUIVALENT[ch]) + "]")
        elif ch.isspace():
            parts.append(r"[^\S\n]")
        elif base is not None:
            parts.append(_letter_part(base))
        elif unicodedata.combining(ch) and letters and letters[-1]:
            i += 1  # an accent on a letter found with any accent
            continue
        else:
            decomposed = unicodedata.normalize("NFD", ch)
            parts.append(re.escape(ch) if decomposed == ch
                         else "(?:" + re.escape(ch) + "|" + re.escape(decomposed) + ")")
        letters.append(pair is not None or ch.isalpha())
        i += 1
    pattern = parts[0]
    for k in range(1, len(parts)):
        if letters[k - 1] and letters[k]:
            pattern += _SOFT_HYPHEN + "?"
        pattern += parts[k]
    return re.compile(pattern, re.IGNORECASE)


class FindBar(QWidget):
    """A one-line search box over a text, with a match count and next/previous.

    The bar only finds; the reader selects what it finds. Enter goes to the
    next match, Shift+Enter to the previous one, Esc closes the bar.

    Signals:
        match_found(int, int): the current match moved to ``[start, end)``,
            in code points.
        closed(): the bar was closed (Esc or its close button).
    """

    match_found = Signal(int, int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._anchor = 0
        self._starts = array("q")
        self._ends = array("q")
        self._current = -1

        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.count_label = QLabel(self)
        style = self.style()
        previous = self._button(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
                                self.find_previous)
        following = self._button(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
                                 self.find_next)
        close = self._button(style.standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton),
                             self.close_bar)
        self._tips = {previous: QT_TRANSLATE_NOOP("FindBar", "Previous match (Shift+Enter)"),
                      following: QT_TRANSLATE_NOOP("FindBar", "Next match (Enter)"),
                      close: QT_TRANSLATE_NOOP("FindBar", "Close (Esc)")}
        self._retranslate()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.edit.textChanged.connect(self._on_query_changed)

    def _retranslate(self) -> None:
        """Sets the bar's texts in the interface language."""
        self.edit.setPlaceholderText(self.tr("Find in article"))
        for button, tip in self._tips.items():
            button.setToolTip(self.tr(tip))
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(
            self.tr("{0} of {1}").format("0000", "0000")))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._show_count()
        super().changeEvent(event)

    def _button(self, icon: QIcon, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def set_text(self, text: str) -> None:
        """Sets the text to search; an open bar counts the matches again."""
        self._text = text
        self._anchor = 0
        self._timer.stop()
        if self.isVisible():
            self._search(go=False)
        else:
            self._set_matches(array("q"), array("q"))

    def open(self, anchor: int, query: str = "") -> None:
        """Shows the bar and focuses the query.

        Args:
            anchor: code point from which the first match is looked for.
            query: text to search for; empty keeps the previous query.
        """
        self._anchor = anchor
        self.show()
        if query and query != self.edit.text():
            self.edit.setText(query)
        else:
            self._search()
        self.edit.selectAll()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_bar(self) -> None:
        """Hides the bar."""
        self._timer.stop()
        self.hide()
        self.closed.emit()

    def match_count(self) -> int:
        """Number of matches of the current query."""
        return len(self._starts)

    def current_match(self) -> tuple[int, int] | None:
        """The current match ``(start, end)`` in code points, if any."""
        if self._current < 0:
            return None
        return self._starts[self._current], self._ends[self._current]

    def find_next(self) -> None:
        """Moves to the next match, wrapping around at the end."""
        self._step(1)

    def find_previous(self) -> None:
        """Moves to the previous match, wrapping around at the start."""
        self._step(-1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Handles Enter, Shift+Enter, F3, Shift+F3 (find next and previous) and Esc
        in the query box."""
        if watched is self.edit and event.type() in (QEvent.Type.KeyPress,
                                                     QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            key = event.key()
            for standard, step in ((QKeySequence.StandardKey.FindNext, self.find_next),
                                   (QKeySequence.StandardKey.FindPrevious,
                                    self.find_previous)):
                if event.matches(standard):
                    event.accept()
                    if event.type() == QEvent.Type.KeyPress:
                        step()
                    return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    if key == Qt.Key.Key_Escape:
                        self.close_bar()
                    elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                        self.find_previous()
                    else:
                        self.find_next()
                return True
        return super().eventFilter(watched, event)

    def _on_query_changed(self) -> None:
        if len(self._text) > _DEBOUNCE_CHARS:
            self._timer.start()
        else:
            self._search()

    def _search(self, go: bool = True) -> None:
        """Finds every match of the query and (if ``go``) goes to the first one after the anchor."""
        self._timer.stop()
        pattern = search_pattern(self.edit.text())
        starts, ends = array("q"), array("q")
        if pattern is not None:
            for m in pattern.finditer(self._text):
                starts.append(m.start())
                ends.append(m.end())
        self._set_matches(starts, ends)
        if starts and go:
            self._go(bisect_left(starts, self._anchor) % len(starts))

    def _set_matches(self, starts: array, ends: array) -> None:
        self._starts, self._ends = starts, ends
        self._current = -1
        self._show_count()

    def _step(self, direction: int) -> None:
        if self._timer.isActive():
            self._search()
            if direction > 0:
                return
        if not self._starts:
            return
        if self._current < 0:
            self._go(bisect_left(self._starts, self._anchor) % len(self._starts))
        else:
            self._go((self._current + direction) % len(self._starts))

    def _go(self, index: int) -> None:
        self._current = index
        self._anchor = self._starts[index]
        self._show_count()
        self.match_found.emit(self._starts[index], self._ends[index])

    def _show_count(self) -> None:
        if not self.edit.text():
            self.count_label.clear()
        elif not self._starts:
            self.count_label.setText(self.tr("No matches"))
        elif self._current < 0:
            count = len(self._starts)
            self.count_label.setText(self.tr("%n match(es)", None, count))
        else:
            self.count_label.setText(
                self.tr("{0} of {1}").format(self._current + 1, len(self._starts)))
