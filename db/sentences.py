"""Sentence numbers: which sentence of an article an offset falls in.

Annotations store the number of the sentence their start falls in
(``Annotation.sentence``), so that "an entity mentioned in the same sentence
as an amount" is a plain equality in SQL. The rule lives here, in ``db``,
because migration 002 numbers the annotations already stored with it; the
app uses it through :mod:`desktop.core.text`.

A sentence ends:

* at a line break (each line of a body is a paragraph in the reader), or
* after ``.``, ``!``, ``?`` or ``…`` (and any closing quotes or brackets,
  French ``»`` included) followed by white space and then a capital letter,
  a digit or an opening quote or bracket.

So "38,5", "3.8" and "example.com" (no space) never end a sentence, nor does
"etc." before a lower-case word. A point after a single letter ("U.S.",
"M. Dupont", "J. K. Rowling") or after a usual title ("Mme", "Dr") does not
end one either, even before a capital.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

_TERMINATORS = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’»)]")
_OPENERS = frozenset("\"'“‘«([¿¡")
_INLINE_SPACES = frozenset(" \t\u00a0\u202f\u2009")
# Titles written before a name, matched with their case ("Me" is a French lawyer's
# title; "me." ends an English sentence).
_ABBREVIATIONS = frozenset({
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Gov", "Sen", "Rep", "vs",
    "Mme", "Mmes", "Mlle", "Mlles", "MM", "Me", "Mgr", "Pr", "cf",
})


def _is_abbreviation(body: str, point: int) -> bool:
    """True if the ``.`` at ``point`` closes an initial or a usual title, not a sentence."""
    start = point
    while start > 0 and body[start - 1].isalpha():
        start -= 1
    word = body[start:point]
    return len(word) == 1 or word in _ABBREVIATIONS


def _after_closers(body: str, i: int) -> int:
    """Skips closing quotes and brackets after a terminator (also ``"fin. »"``)."""
    n = len(body)
    while i < n:
        if body[i] in _CLOSERS:
            i += 1
            continue
        j = i
        while j < n and body[j] in _INLINE_SPACES:
            j += 1
        if j > i and j < n and body[j] == "»":
            i = j + 1
            continue
        break
    return i


@lru_cache(maxsize=16)
def _starts(body: str) -> tuple[int, ...]:
    starts = [0]
    n = len(body)
    i = 0
    while i < n:
        ch = body[i]
        if ch == "\n":
            j = i + 1
            while j < n and body[j].isspace():
                j += 1
            if j < n and j > starts[-1]:
                starts.append(j)
            i = j
            continue
        if ch not in _TERMINATORS:
            i += 1
            continue
        end = i
        while end < n and body[end] in _TERMINATORS:
            end += 1
        single_point = end - i == 1 and ch == "."
        j = _after_closers(body, end)
        k = j
        while k < n and body[k].isspace() and body[k] != "\n":
            k += 1
        if k == j or k >= n or body[k] == "\n":
            i = k  # no space after it, the end of the text, or a line break (handled above)
            continue
        nxt = body[k]
        if ((nxt.isupper() or nxt.istitle() or nxt.isdigit() or nxt in _OPENERS)
                and not (single_point and _is_abbreviation(body, i))):
            starts.append(k)
        i = k
    return tuple(starts)


def sentence_starts(body: str) -> list[int]:
    """Returns the code-point offsets where the sentences of ``body`` start.

    The first is always 0; white space between two sentences belongs to the
    first of them.
    """
    return list(_starts(body))


def sentence_index(body: str, offset: int) -> int:
    """Returns the number (from 0) of the sentence of ``body`` that ``offset`` falls in.

    Offsets past the end fall in the last sentence. Calls on the same body
    reuse its sentence boundaries, so numbering many annotations of one
    article costs one pass over the text.
    """
    return max(0, bisect_right(_starts(body), offset) - 1)
