"""Text rules shared by importers, the reader and tagging.

The body stored in the database is exactly the text the reader shows, so
anything Qt would rewrite on display is rewritten once here, at import:
CRLF and lone CR become LF (Qt would fold CRLF into one paragraph break and
shift every later offset by one), and a leading byte-order mark is dropped.
"""

from __future__ import annotations

import unicodedata

from db.names import elision_length

# Sentence numbers are stored with each annotation, and migration 002 numbers
# the annotations already stored, so the rule lives in ``db``; it is part of
# the text rules and is offered here to the rest of the app.
from db.sentences import sentence_index as sentence_index
from db.sentences import sentence_starts as sentence_starts

_BOM = "\ufeff"


def normalize_body(text: str) -> str:
    """Returns ``text`` with line endings normalised to LF and no BOM."""
    if text.startswith(_BOM):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def content_hash(body: str) -> str:
    """Returns the hash that identifies an article's content."""
    import hashlib  # only imports need it: not loaded for the window's start

    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _is_word_char(ch: str) -> bool:
    """True for letters, digits, combining marks and in-word connectors."""
    if ch.isalnum() or ch == "_":
        return True
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def _joins(text: str, i: int) -> bool:
    """True if ``text[i]`` joins two parts of one word or number.

    Hyphens join words ("Hewlett-Packard"); a point or comma joins digits
    ("1,5", "3.8"). Apostrophes do not: "d’OpenAI" holds the word "OpenAI".
    """
    if i <= 0 or i + 1 >= len(text):
        return False
    ch, before, after = text[i], text[i - 1], text[i + 1]
    if ch in "-‑":
        return _is_word_char(before) and _is_word_char(after)
    if ch in ".,":
        return before.isdigit() and after.isdigit()
    return False


def _keeps_first(text: str, s: int, e: int) -> bool:
    """Whether ``text[s]``, the first character of a selection holding a number, is
    part of its amount: a currency sign ("$38bn"), or a sign before a number or a
    currency sign ("-5 %", "+$2m")."""
    ch = text[s]
    if unicodedata.category(ch) == "Sc":
        return True
    return (ch in _SIGNS and s + 1 < e
            and (text[s + 1].isdigit() or unicodedata.category(text[s + 1]) == "Sc"))


def _keeps_last(ch: str) -> bool:
    """Whether ``ch``, the last character of a selection holding a number, is part of
    its amount: a currency sign ("5 €", "38 milliards $") or a percent ("38 %")."""
    return ch in _PER or unicodedata.category(ch) == "Sc"


_SIGNS = "+-−±"
_PER = "%‰‱"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widens or trims a sloppy selection to whole words.

    Leading and trailing spaces and punctuation are dropped; a selection that
    starts or ends in the middle of a word is widened to the whole word
    (across hyphens, and across decimal points between digits, but not
    across apostrophes); a leading French elision and a trailing possessive
    are dropped, so "d’OpenAI" and "OpenAI’s" yield "OpenAI". A selection that
    holds a number keeps the currency signs, percent signs and the sign at
    its ends, as the amounts read in the text do ("$38bn", "38 %", "-5 %",
    "5 €"). If nothing but spaces or punctuation is selected, the range is
    only trimmed of spaces, so a lone "€" or "%" can still be tagged.

    Args:
        text: the whole article body.
        start: selection start, in code points.
        end: selection end, in code points (exclusive).

    Returns:
        The snapped ``(start, end)``; ``start == end`` if only white space
        was selected.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    s, e = start, end
    number = any(ch.isdigit() for ch in text[start:end])
    while s < e and not _is_word_char(text[s]) and not (number and _keeps_first(text, s, e)):
        s += 1
    while e > s and not _is_word_char(text[e - 1]) and not (number and _keeps_last(text[e - 1])):
        e -= 1
    if s == e:
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e
    while s > 0 and (_is_word_char(text[s - 1]) or _joins(text, s - 1)):
        s -= 1
    while e < len(text) and (_is_word_char(text[e]) or _joins(text, e)):
        e += 1
    return _trim_elision_and_possessive(text, s, e)


_APOSTROPHES = "'’ʼ"


def _trim_elision_and_possessive(text: str, s: int, e: int) -> tuple[int, int]:
    """Drops a leading elision ("d’OpenAI", by the rule names follow: db.names) and a
    trailing possessive ("OpenAI’s") from the whole words ``text[s:e]``, unless
    nothing of a word would be left."""
    s += elision_length(text[s:e])
    if (e - s >= 3 and text[e - 1] in "sS" and text[e - 2] in _APOSTROPHES
            and text[e - 3].isalnum()):
        e -= 2
    return s, e


def context(text: str, start: int, end: int, width: int = 32) -> tuple[str, str]:
    """Returns the prefix and suffix around ``text[start:end]`` for re-anchoring."""
    return text[max(0, start - width):start], text[end:end + width]
