"""Re-anchoring: where each annotation of an edited article now is, and how sure that is.

A corrected news story comes back with sentences inserted, deleted or
reworded. Each annotation stored its quote and the 32 characters before and
after it (``prefix``, ``suffix``, see :func:`desktop.core.text.context`);
:func:`reanchor` looks for each one in the new body and gives it a
:class:`Placement`: a place and a confidence from 0 to 1. Only an annotation
whose exact quote is found with enough of its context, clearly ahead of any
other place holding the same words, is *confident* and moves there. Every
other one is *doubtful*: it is kept out of the text (the caller parks it for
review), with the best place found offered as a candidate — so none is ever
shown on a look-alike it was not checked against.

The rule, in order:

1. **Unchanged passage.** The old and new bodies are compared
   (:class:`BodyMap`: paragraphs, then the sentences of the paragraphs that
   changed, then the words of the sentences that changed; difflib's longest
   matching blocks at each level). An annotation whose quote and whole
   stored context lie inside one unchanged run of text moves with that run:
   confidence 1. (That run is the text around it, kept in order: the
   comparison of the whole article places it, not a guess among look-alikes.)
2. **The exact quote, judged by its context.** Otherwise every place of the
   new body holding exactly the quote is scored by how much its surroundings
   look like the stored prefix and suffix (:func:`context_score`; the
   similarity is rapidfuzz's normalised Indel similarity). The best place's
   confidence is its score, halved when another place scores as well and
   lowered the closer the second best comes (:data:`MARGIN`). It moves when
   that reaches :data:`AUTO_MOVE`; a quote found several times with the same
   context is therefore never decided: it goes to review.
3. **A reworded quote.** When no exact place is confident, the text that
   replaced the old passage (where the comparison maps it) is searched for
   the run of whole words most like the quote (rapidfuzz's normalised
   Levenshtein similarity, :func:`_most_alike`). Such a place, when its
   words are at least :data:`REWORDED_QUOTE` alike, is offered with
   confidence *quote similarity × context score*, but always for review:
   the annotation's words changed.

Of the exact and the reworded places, the one with the higher confidence is
offered; an annotation with neither is listed as not found.

Cost, for an old body of *n* and a new one of *m* code points: the common
beginning and end are skipped in O((n + m) log n) character comparisons
(made in C); the rest is split into paragraphs in linear time and compared
with difflib, near-linear on two versions of one text (quadratic at worst,
but in paragraphs, then in the sentences and words of the passages that
changed only). An annotation in an unchanged passage then costs a binary
search, O(log b) for *b* unchanged runs; one near an edit costs a scan of
the new body for its quote (once per distinct quote), O(m), plus O(c · w)
to score its *c* occurrences with contexts of *w* = 32, plus the fuzzy search
of the replaced passage (at most 4,000 code points, runs of about the
quote's length). Measured: a demo article with 30 annotations, 1 ms; the
2.4 MB Wealth of Nations with 20 edits spread through it and 2,000
annotations, 0.14 s to compare and 0.02 s to place them; a single 287,000
character sentence with 10 edits, 2.3 s (words compared directly).

All offsets are code points, like everywhere outside the Qt boundary.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum

from rapidfuzz.distance import Indel, Levenshtein

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.text import sentence_starts

AUTO_MOVE = 0.8
"""The confidence an exact quote needs to move without review.

Calibrated on the demo articles: two unrelated 32-character windows of news
text are 0.34 alike on average (0.47 for the closest 1 %), so one side of
the context found whole and the other replaced scores 0.83 and moves, while
a look-alike with foreign text on both sides scores about 0.4 and does not.
"""

MARGIN = 0.2
"""How far the best place must score ahead of the next one holding the same
quote for its confidence to stand whole; at a tie it is halved."""

REWORDED_QUOTE = 0.75
"""How alike (0 to 1) a reworded quote must be to the stored one to be offered at all."""

MIN_SIDE = 8
"""A stored prefix or suffix shorter than this (the annotation was at an end of
the body) tells too little to count for or against a place."""

MIN_FUZZY_QUOTE = 4
"""Quotes shorter than this are looked for exactly only: a fuzzy match of
two or three characters would be anything."""

_SEARCH_SLACK = 64
"""Code points added on each side of the replaced passage searched for a reworded quote."""

_MAX_SEARCH = 4000
"""At most this many code points around the mapped place are searched for a reworded quote."""

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")
_WORD = re.compile(r"\w+|[^\w\s]")


class Found(Enum):
    """How an annotation's place in the new body was found (said in the review list,
    translated there)."""

    UNCHANGED = QT_TRANSLATE_NOOP("Found", "in an unchanged passage")
    CONTEXT = QT_TRANSLATE_NOOP("Found", "the same words, with their context")
    AMBIGUOUS = QT_TRANSLATE_NOOP("Found", "the same words at several places")
    WEAK_CONTEXT = QT_TRANSLATE_NOOP("Found", "the same words, with a changed context")
    REWORDED = QT_TRANSLATE_NOOP("Found", "reworded")
    MISSING = QT_TRANSLATE_NOOP("Found", "not found")


@dataclass(frozen=True)
class Anchor:
    """What an annotation stored to be found again: its place and the text around it.

    Attributes:
        id: the annotation's id.
        start: where it was in the old body (code points), or, for one not
            ``placed`` there, a place near which to look (None: anywhere).
        end: its end, likewise.
        quote: its text.
        prefix: the text that was just before it.
        suffix: the text that was just after it.
        placed: False for an annotation that was not in the old body's text
            (one still waiting for review): it never moves with an unchanged
            passage, only by its quote and context.
    """

    id: int
    start: int | None
    end: int | None
    quote: str
    prefix: str = ""
    suffix: str = ""
    placed: bool = True


@dataclass(frozen=True)
class Placement:
    """Where an annotation goes in the new body.

    Attributes:
        id: the annotation's id.
        start: the best place found (code points), or None if none was.
        end: its end, or None.
        confidence: 0 to 1; how sure the place is the annotation's own text.
        confident: True when the annotation moves there without review: its
            exact quote, confidence at least :data:`AUTO_MOVE`.
        found: how the place was found.
    """

    id: int
    start: int | None
    end: int | None
    confidence: float
    confident: bool
    found: Found


def reanchor(old_body: str, new_body: str, anchors: Iterable[Anchor],
             body_map: BodyMap | None = None) -> list[Placement]:
    """Places each annotation of ``old_body`` in ``new_body`` (in the order given).

    ``body_map`` is the comparison of the two bodies, if made already.
    """
    if body_map is None:
        body_map = BodyMap(old_body, new_body)
    finder = _Finder(old_body, new_body, body_map)
    return [finder.place(anchor) for anchor in anchors]


class BodyMap:
    """Which runs of the old body are unchanged in the new one, and where they went.

    The bodies are compared paragraph by paragraph (lines); the paragraphs
    that changed, sentence by sentence; the sentences that changed, word by
    word. Each comparison is difflib's (longest matching blocks), so each
    one only sees a few items: a book with edits here and there compares
    its 30,000 paragraphs, then the few sentences around each edit.

    Attributes:
        blocks: the unchanged runs, in order, as ``(old_start, old_end,
            new_start, new_end)`` in code points (adjacent runs merged).
    """

    def __init__(self, old: str, new: str) -> None:
        head = _common_prefix_length(old, new)
        tail = _common_suffix_length(old[head:], new[head:])
        blocks: list[tuple[int, int, int, int]] = []
        if head:
            blocks.append((0, head, 0, head))
        _compare(old, new, (head, len(old) - tail), (head, len(new) - tail), 0, blocks)
        if tail:
            blocks.append((len(old) - tail, len(old), len(new) - tail, len(new)))
        self.blocks = _merged(blocks)
        self._old_starts = [block[0] for block in self.blocks]
        self._new_length = len(new)
        self._old_length = len(old)

    def kept(self) -> int:
        """How many code points of the old body are found unchanged in the new one."""
        return sum(block[1] - block[0] for block in self.blocks)

    def kept_share(self) -> float:
        """The share (0 to 1) of the old body found unchanged in the new one."""
        return self.kept() / self._old_length if self._old_length else 1.0

    def unchanged(self, start: int, end: int) -> int | None:
        """Where old ``[start, end)`` now starts, if all of it is in one unchanged run."""
        block = self._block_at(start)
        if block is None or end > block[1]:
            return None
        return block[2] + start - block[0]

    def replaced(self, start: int, end: int) -> tuple[int, int]:
        """The part of the new body that stands where old ``[start, end)`` stood.

        An end inside an unchanged run maps with it; an end in a rewritten
        passage maps to the edge of that passage, so the part returned holds
        all the text that replaced the old one.
        """
        k = bisect_right(self._old_starts, start) - 1  # the last run starting at or before
        new_start = 0
        if k >= 0:
            old_start, old_end, block_new_start, block_new_end = self.blocks[k]
            new_start = (block_new_start + start - old_start if start < old_end
                         else block_new_end)
        k = bisect_right(self._old_starts, end - 1)  # the first run starting after end - 1
        new_end = self.blocks[k][2] if k < len(self.blocks) else self._new_length
        if k > 0:
            old_start, old_end, block_new_start, _ = self.blocks[k - 1]
            if end <= old_end:  # the last character is inside that run
                new_end = block_new_start + end - old_start
        return new_start, max(new_start, new_end)

    def _block_at(self, offset: int) -> tuple[int, int, int, int] | None:
        k = bisect_right(self._old_starts, offset) - 1
        if k < 0:
            return None
        block = self.blocks[k]
        return block if offset < block[1] else None


class _Finder:
    """Places annotations one by one; the places of each quote are looked up once."""

    def __init__(self, old: str, new: str, body_map: BodyMap) -> None:
        self.old = old
        self.new = new
        self.map = body_map
        self._places: dict[str, list[int]] = {}

    def place(self, anchor: Anchor) -> Placement:
        quote = anchor.quote
        if not quote:
            return Placement(anchor.id, None, None, 0.0, False, Found.MISSING)
        if (anchor.placed and anchor.start is not None and anchor.end is not None
                and self.old[anchor.start:anchor.end] == quote):
            window_start = max(0, anchor.start - len(anchor.prefix))
            moved = self.map.unchanged(window_start,
                                       min(len(self.old), anchor.end + len(anchor.suffix)))
            if moved is not None:
                start = moved + anchor.start - window_start
                return Placement(anchor.id, start, start + len(quote), 1.0, True,
                                 Found.UNCHANGED)
        exact = self._exact(anchor)
        if exact is not None and exact.confident:
            return exact
        reworded = self._reworded(anchor)
        candidates = [p for p in (exact, reworded) if p is not None]
        if not candidates:
            return Placement(anchor.id, None, None, 0.0, False, Found.MISSING)
        return max(candidates, key=lambda p: p.confidence)

    def _exact(self, anchor: Anchor) -> Placement | None:
        """The best place holding exactly the quote, judged by context against the others."""
        places = self._places.get(anchor.quote)
        if places is None:
            places = self._places[anchor.quote] = list(_occurrences(self.new, anchor.quote))
        if not places:
            return None
        length = len(anchor.quote)
        scored = sorted(((context_score(anchor, self.new, start, start + length), start)
                         for start in places), key=lambda pair: -pair[0])
        best, start = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        confidence = best * min(1.0, 0.5 + (best - second) / (2 * MARGIN))
        if confidence >= AUTO_MOVE:
            found = Found.CONTEXT
        elif best - second < MARGIN and len(scored) > 1:
            found = Found.AMBIGUOUS
            # Shown for review: of the equally good places, the one nearest the old place.
            near = self._near(anchor)
            start = min((s for score, s in scored if best - score < MARGIN),
                        key=lambda s: abs(s - near))
        else:
            found = Found.WEAK_CONTEXT
        return Placement(anchor.id, start, start + length, round(confidence, 3),
                         confidence >= AUTO_MOVE, found)

    def _reworded(self, anchor: Anchor) -> Placement | None:
        """The words most like the quote where the old passage was rewritten, if alike enough."""
        quote = anchor.quote
        if len(quote.strip()) < MIN_FUZZY_QUOTE or anchor.start is None or anchor.end is None:
            return None
        start, end = self.map.replaced(max(0, anchor.start - len(anchor.prefix)),
                                       min(len(self.old), anchor.end + len(anchor.suffix)))
        near = self._near(anchor)
        start, end = max(0, start - _SEARCH_SLACK), min(len(self.new), end + _SEARCH_SLACK)
        if end - start > _MAX_SEARCH:  # a whole section rewritten: search around the old place
            start = max(0, near - _MAX_SEARCH // 2)
            end = min(len(self.new), start + _MAX_SEARCH)
        found = _most_alike(self.new, start, end, quote, near)
        if found is None:
            return None
        likeness, found_start, found_end = found
        confidence = likeness * context_score(anchor, self.new, found_start, found_end)
        return Placement(anchor.id, found_start, found_end, round(confidence, 3), False,
                         Found.REWORDED)

    def _near(self, anchor: Anchor) -> int:
        """Where the anchor's old place is in the new body (0 when it had none)."""
        if anchor.start is None or anchor.end is None:
            return 0
        return self.map.replaced(anchor.start, anchor.end)[0]


def _most_alike(text: str, start: int, end: int, quote: str,
                near: int) -> tuple[float, int, int] | None:
    """The run of whole words of ``text[start:end]`` most like ``quote``, but not equal to it.

    Runs from half to one and a half times the quote's length are compared
    (rapidfuzz's normalised Levenshtein similarity: one changed character
    costs as much as one missing, so "87 million" is nearer "50 million"
    than "million" is); of equally alike ones, the nearest to ``near``
    wins. A run starts and ends as the quote does, with a word or with a
    sign: "Houthi" is never offered as ". Houthi". Returns ``(likeness,
    start, end)``, or None if none is :data:`REWORDED_QUOTE` alike.
    """
    pieces = _pieces(text, start, end)
    shortest, longest = len(quote) // 2, len(quote) + len(quote) // 2 + 1
    first_is_word, last_is_word = _is_word(quote[0]), _is_word(quote[-1])
    best: tuple[float, int, int, int] | None = None  # likeness, -distance, start, end
    for i, (run_start, _) in enumerate(pieces):
        if _is_word(text[run_start]) != first_is_word:
            continue
        for j in range(i, len(pieces)):
            run_end = pieces[j][1]
            length = run_end - run_start
            if length > longest:
                break
            if length < shortest or _is_word(text[run_end - 1]) != last_is_word:
                continue
            text_run = text[run_start:run_end]
            if text_run == quote:
                continue  # judged by the exact search already
            likeness = Levenshtein.normalized_similarity(quote, text_run,
                                                         score_cutoff=REWORDED_QUOTE)
            if not likeness:
                continue
            key = (likeness, -abs(run_start - near), run_start, run_end)
            if best is None or key[:2] > best[:2]:
                best = key
    return None if best is None else (best[0], best[2], best[3])


def context_score(anchor: Anchor, body: str, start: int, end: int) -> float:
    """How much the text around ``body[start:end]`` looks like the anchor's stored context.

    Each side (prefix, suffix) is compared with the same length of text next
    to the place; the better side counts three times as much as the other,
    so a sentence inserted or deleted right next to the annotation (one
    side replaced whole) does not hide a place whose other side is intact.
    A side stored shorter than :data:`MIN_SIDE` is left out; with neither
    side to compare, the score is 1 (the quote alone decides).
    """
    sides: list[float] = []
    if len(anchor.prefix) >= MIN_SIDE:
        found = body[max(0, start - len(anchor.prefix)):start]
        sides.append(Indel.normalized_similarity(anchor.prefix, found))
    if len(anchor.suffix) >= MIN_SIDE:
        found = body[end:end + len(anchor.suffix)]
        sides.append(Indel.normalized_similarity(anchor.suffix, found))
    if not sides:
        return 1.0
    if len(sides) == 1:
        return sides[0]
    return 0.75 * max(sides) + 0.25 * min(sides)


def _occurrences(text: str, quote: str) -> Iterable[int]:
    """Every start of ``quote`` in ``text``, overlapping ones included."""
    at = text.find(quote)
    while at >= 0:
        yield at
        at = text.find(quote, at + 1)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words and other characters of ``text[start:end]``, each with its combining marks."""
    pieces: list[tuple[int, int]] = []
    for match in _WORD.finditer(text, start, end):
        if pieces and pieces[-1][1] == match.start() and _is_mark(match.group()[0]):
            pieces[-1] = (pieces[-1][0], match.end())
        else:
            pieces.append((match.start(), match.end()))
    return pieces


def _is_word(ch: str) -> bool:
    """Whether ``ch`` belongs to a word (a letter, digit or combining mark), not a sign."""
    return ch.isalnum() or ch == "_" or _is_mark(ch)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


_LINES, _SENTENCES, _TOKENS = range(3)


def _compare(old: str, new: str, old_span: tuple[int, int], new_span: tuple[int, int],
             level: int, blocks: list[tuple[int, int, int, int]]) -> None:
    """Adds to ``blocks`` the unchanged runs of ``old[old_span]`` in ``new[new_span]``.

    Units of ``level`` (lines, sentences, then tokens) are compared; a
    passage replaced by another is compared again in smaller units.
    """
    old_units, old_starts = _units(old, *old_span, level)
    new_units, new_starts = _units(new, *new_span, level)
    if not old_units or not new_units:
        return
    matcher = SequenceMatcher(None, old_units, new_units, autojunk=True)
    for kind, i1, i2, j1, j2 in matcher.get_opcodes():
        if kind == "equal":
            blocks.append((old_starts[i1], old_starts[i2], new_starts[j1], new_starts[j2]))
        elif kind == "replace" and level < _TOKENS:
            _compare(old, new, (old_starts[i1], old_starts[i2]),
                     (new_starts[j1], new_starts[j2]), level + 1, blocks)


def _units(text: str, start: int, end: int, level: int) -> tuple[list[str], list[int]]:
    """The lines, sentences or tokens of ``text[start:end]`` (every character in one).

    Returns the units and their starts, with ``end`` appended (so unit
    ``i`` runs from ``starts[i]`` to ``starts[i + 1]``).
    """
    if level == _SENTENCES:
        starts = [start + s for s in sentence_starts(text[start:end])] if end > start else []
    else:
        pattern = _LINE if level == _LINES else _TOKEN
        starts = [match.start() for match in pattern.finditer(text, start, end)]
    starts.append(end)
    return [text[a:b] for a, b in zip(starts, starts[1:], strict=False)], starts


def _merged(blocks: Sequence[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """The runs with those that continue each other (in both bodies) joined."""
    merged: list[tuple[int, int, int, int]] = []
    for block in blocks:
        if merged and merged[-1][1] == block[0] and merged[-1][3] == block[2]:
            last = merged[-1]
            merged[-1] = (last[0], block[1], last[2], block[3])
        else:
            merged.append(block)
    return merged


def _common_prefix_length(a: str, b: str) -> int:
    """How many code points ``a`` and ``b`` share at their start (comparisons in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix_length(a: str, b: str) -> int:
    """How many code points ``a`` and ``b`` share at their end."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle:] == b[len(b) - middle:]:
            low = middle
        else:
            high = middle - 1
    return low
