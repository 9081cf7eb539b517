"""Tokens of a text, as the CoNLL export and the agreement measures count them.

A token is a run of word characters (letters, digits, combining marks, connector
punctuation such as "_"), or any other character that is not white space, on its
own. A token keeps the characters that belong to the one before it: combining
marks and variation selectors, the zero-width joiner and the character after it,
emoji skin tones; two regional indicators make one flag. So "Café" written with a
combining accent, "👩‍🚒", "🇫🇷" and "👍🏽" are one token each, and "d’OpenAI" is
"d", "’", "OpenAI". Offsets are code points.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Iterable

_JOINING = frozenset({"Mn", "Mc", "Me", "Cf"})
"""Categories that belong to the character before them: combining marks (variation
selectors among them) and format characters (the zero-width joiner)."""
_WORD = frozenset({"Mn", "Mc", "Me", "Pc"})
"""Categories that are word characters besides letters and digits."""
_ZWJ = "\u200d"
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)


def tokens(text: str, cuts: Iterable[int] = ()) -> list[tuple[int, int]]:
    """The tokens of ``text`` as (start, end), each also cut at the offsets of ``cuts``
    that fall inside it (so that a span always covers whole tokens)."""
    found: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        start = i
        wordy = is_word(ch)
        i += 1
        if _is_regional(ch) and i < n and _is_regional(text[i]):
            i += 1  # a flag: two regional indicators
        while i < n and not text[i].isspace():
            if _joins_previous(text, i) or (wordy and is_word(text[i])):
                i += 1
            else:
                break
        found.append((start, i))
    return _cut(found, cuts)


def is_word(ch: str) -> bool:
    """True for a letter, a digit, a combining mark or connector punctuation."""
    return ch.isalnum() or unicodedata.category(ch) in _WORD


def _is_regional(ch: str) -> bool:
    return ord(ch) in _REGIONAL_INDICATORS


def _joins_previous(text: str, i: int) -> bool:
    ch = text[i]
    return (unicodedata.category(ch) in _JOINING or ord(ch) in _SKIN_TONES
            or text[i - 1] == _ZWJ)


def _cut(found: list[tuple[int, int]], cuts: Iterable[int]) -> list[tuple[int, int]]:
    """The tokens, each cut in pieces at the offsets of ``cuts`` that fall inside it."""
    boundaries = sorted(set(cuts))
    if not boundaries:
        return found
    pieces: list[tuple[int, int]] = []
    for start, end in found:
        piece = start
        index = bisect_left(boundaries, start + 1)
        while index < len(boundaries) and boundaries[index] < end:
            pieces.append((piece, boundaries[index]))
            piece = boundaries[index]
            index += 1
        pieces.append((piece, end))
    return pieces
