"""Conversion between code-point offsets (stored) and UTF-16 offsets (Qt).

Everything outside the Qt boundary counts code points, as Python does. Qt
counts UTF-16 code units, so every character above U+FFFF (most emoji, some
CJK, musical symbols) takes two Qt positions but one Python position. An
:class:`OffsetMap` is built once per text and converts both ways in
O(log n), where n is the number of such characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Converts positions in one text between code points and UTF-16 units.

    Attributes:
        length: the text's length in code points.
        utf16_length: the text's length in UTF-16 units.
    """

    __slots__ = ("_astral", "_astral_u16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        if text.isascii():
            astral: list[int] = []
        else:
            astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral = astral
        # UTF-16 position of each astral character (its high surrogate).
        self._astral_u16 = [cp + n for n, cp in enumerate(astral)]
        self.length = len(text)
        self.utf16_length = len(text) + len(astral)

    @property
    def is_identity(self) -> bool:
        """True when both counts agree everywhere (no astral characters)."""
        return not self._astral

    def to_utf16(self, cp: int) -> int:
        """Returns the UTF-16 position of code-point position ``cp``."""
        if not self._astral:
            return cp
        return cp + bisect_left(self._astral, cp)

    def to_codepoint(self, u16: int) -> int:
        """Returns the code-point position of UTF-16 position ``u16``.

        A position between the two halves of a surrogate pair (which Qt can
        report for a click in the middle of an emoji) rounds down to the
        start of that character.
        """
        if not self._astral:
            return u16
        # Astral characters wholly before u16 each took one extra unit.
        n = bisect_right(self._astral_u16, u16 - 2)
        if n < len(self._astral_u16) and self._astral_u16[n] + 1 == u16:
            return self._astral[n]  # between the halves of a pair
        return u16 - n
