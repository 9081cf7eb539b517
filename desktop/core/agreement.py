"""How far two annotators agree on an article: Cohen's κ on tokens, F1 on spans.

Everything here works on plain data (an article's text and each annotator's
spans as ``(start, end, label)`` in code points), so it reads nothing and runs
the same on any database. Annotator A is the reference, B is compared with it.

**Tokens** (:func:`tokenize`). A token is a run of word characters (letters,
digits, combining marks and connector punctuation such as ``_``), or any
other character that is not white space, alone. Either kind keeps the
characters that belong to the one before it: combining marks, format
characters (the zero-width joiner, variation selectors), emoji skin tones,
and whatever follows a zero-width joiner; two regional indicators make one
flag. So "Café" written with a combining accent is one token, "👩‍🚒" is one,
"🇫🇷" is one, and "d’OpenAI" is three: ``d``, ``’``, ``OpenAI``. For κ the
tokens are also cut at every start and end of both annotators' spans, so that
a span always covers whole tokens.

**Token labels.** Each token gets, for each annotator, the label of the span
that covers it, or *outside* (``O`` in the literature, ``None`` here) when
none does. Where spans of one annotator overlap, the longest wins, then the
one that starts first, then the label first in alphabetical order.

**Cohen's κ** over N tokens, with ``a`` of them given the same label by both
and ``nA(k)``, ``nB(k)`` the tokens each gave label k (outside included):
``p_o = a / N``, ``p_e = Σ_k nA(k)·nB(k) / N²``, ``κ = (p_o − p_e) / (1 − p_e)``.
Per label it is the same over two categories: the label, or anything else.
κ is undefined (None) when there are no tokens, or when ``p_e = 1``: both
annotators gave every token one same category (which makes ``p_o = 1`` too),
so there is nothing for chance to be corrected against; the observed
agreement is still reported. Over several articles the tokens are pooled
into one table: κ of a set is not the mean of the articles' κ.

**Span F1** of B against A, per label and over all labels. Exact: a span
matches when start, end and label are all the same. Relaxed: a span of B is
correct when it shares at least one code point with a span of A of the same
label, and a span of A is found when a span of B of its label overlaps it.
``precision = correct / |B|``, ``recall = found / |A|``, ``F1 = 2PR / (P + R)``
(for exact matches ``2·matches / (|A| + |B|)``). A span given twice by one
annotator counts once. Precision is None when B has no span, recall when A
has none; F1 is None when neither has, and 0 when only one has. Over several
labels or articles the counts are summed before dividing (micro-average).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import accumulate
from typing import NamedTuple

from desktop.core.tokens import tokens

OUTSIDE: None = None
"""The label of a token no span covers (``O``)."""



class Span(NamedTuple):
    """One annotation as the comparison sees it: a range of code points and a label."""

    start: int
    end: int
    label: str


# --- tokens -------------------------------------------------------------------------------


def tokenize(text: str) -> list[tuple[int, int]]:
    """The tokens of ``text`` as (start, end) code-point ranges (:mod:`desktop.core.tokens`)."""
    return tokens(text)


def token_labels(pieces: Sequence[tuple[int, int]], spans: Iterable[Span]) -> list[str | None]:
    """The label of each token for one annotator (None outside every span).

    ``pieces`` are tokens in text order, none of them crossing a span's
    start or end. Overlapping spans: the longest wins, then the earliest,
    then the first label in alphabetical order.
    """
    labels: list[str | None] = [OUTSIDE] * len(pieces)
    starts = [start for start, _ in pieces]
    # The strongest claim first; a token keeps the first label it is given.
    for span in sorted(set(spans), key=lambda s: (s.start - s.end, s.start, s.label)):
        for index in range(bisect_left(starts, span.start), bisect_left(starts, span.end)):
            if labels[index] is OUTSIDE:
                labels[index] = span.label
    return labels


# --- κ ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kappa:
    """Cohen's κ over some tokens.

    Attributes:
        tokens: how many tokens were compared (N).
        observed: p_o, the share given the same category by both (None without tokens).
        expected: p_e, the share chance alone would make agree (None without tokens).
        value: κ, or None when undefined (no tokens, or p_e = 1).
    """

    tokens: int
    observed: float | None
    expected: float | None
    value: float | None


@dataclass(frozen=True)
class TokenTable:
    """How many tokens got each pair of labels (A's, B's); tables of articles add up.

    Attributes:
        pairs: (label of A, label of B) → number of tokens; None is outside.
    """

    pairs: Mapping[tuple[str | None, str | None], int] = field(default_factory=dict)

    def __add__(self, other: TokenTable) -> TokenTable:
        return TokenTable(dict(Counter(self.pairs) + Counter(other.pairs)))

    @property
    def tokens(self) -> int:
        return sum(self.pairs.values())

    def labels(self) -> set[str]:
        """The labels either annotator gave to some token."""
        return {label for pair in self.pairs for label in pair if label is not None}

    def kappa(self, label: str | None = None) -> Kappa:
        """κ over every label (outside included), or for ``label`` against anything else."""
        if label is None:
            return _kappa(self.pairs)
        binary: Counter[tuple[str | None, str | None]] = Counter()
        for (a, b), count in self.pairs.items():  # any other label counts as outside
            binary[a if a == label else OUTSIDE, b if b == label else OUTSIDE] += count
        return _kappa(binary)


def _kappa(pairs: Mapping[tuple[str | None, str | None], int]) -> Kappa:
    """κ from counts of label pairs, in integers until the last division (exact at p_e = 1)."""
    n = sum(pairs.values())
    if n == 0:
        return Kappa(0, None, None, None)
    agreed = sum(count for (a, b), count in pairs.items() if a == b)
    by_a: Counter[str | None] = Counter()
    by_b: Counter[str | None] = Counter()
    for (a, b), count in pairs.items():
        by_a[a] += count
        by_b[b] += count
    chance = sum(count * by_b[category] for category, count in by_a.items())  # p_e · N²
    value = None if chance == n * n else (agreed * n - chance) / (n * n - chance)
    return Kappa(n, agreed / n, chance / (n * n), value)


def token_table(text: str, spans_a: Iterable[Span], spans_b: Iterable[Span]) -> TokenTable:
    """The label pairs of the article's tokens, cut at both annotators' span boundaries."""
    spans_a, spans_b = list(spans_a), list(spans_b)
    cuts = [offset for span in (*spans_a, *spans_b) for offset in (span.start, span.end)]
    pieces = tokens(text, cuts)
    pairs = Counter(zip(token_labels(pieces, spans_a), token_labels(pieces, spans_b),
                        strict=True))
    return TokenTable(dict(pairs))


# --- span F1 ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpanCounts:
    """Spans of A (the reference) and B, and how many of each the other matches.

    Attributes:
        reference: spans of A.
        candidate: spans of B.
        found: spans of A that B matches.
        correct: spans of B that match one of A (equal to ``found`` for exact matches).
    """

    reference: int = 0
    candidate: int = 0
    found: int = 0
    correct: int = 0

    def __add__(self, other: SpanCounts) -> SpanCounts:
        return SpanCounts(self.reference + other.reference, self.candidate + other.candidate,
                          self.found + other.found, self.correct + other.correct)

    @property
    def precision(self) -> float | None:
        return self.correct / self.candidate if self.candidate else None

    @property
    def recall(self) -> float | None:
        return self.found / self.reference if self.reference else None

    @property
    def f1(self) -> float | None:
        if not self.reference and not self.candidate:
            return None
        precision, recall = self.precision or 0.0, self.recall or 0.0
        if precision + recall == 0:
            return 0.0
        return 2 * precision * recall / (precision + recall)


def span_counts(spans_a: Iterable[Span], spans_b: Iterable[Span],
                relaxed: bool = False) -> dict[str, SpanCounts]:
    """Per label, the spans of B matched against A: exactly, or by overlap when ``relaxed``."""
    by_label_a = _by_label(spans_a)
    by_label_b = _by_label(spans_b)
    counts = {}
    for label in sorted(by_label_a.keys() | by_label_b.keys()):
        a, b = by_label_a.get(label, []), by_label_b.get(label, [])
        if relaxed:
            found, correct = _overlapped(a, b), _overlapped(b, a)
        else:
            found = correct = len(set(a) & set(b))
        counts[label] = SpanCounts(len(a), len(b), found, correct)
    return counts


def _by_label(spans: Iterable[Span]) -> dict[str, list[Span]]:
    grouped: dict[str, list[Span]] = {}
    for span in sorted(set(spans)):
        grouped.setdefault(span.label, []).append(span)
    return grouped


def _overlapped(spans: Sequence[Span], others: Sequence[Span]) -> int:
    """How many of ``spans`` share at least one code point with one of ``others``."""
    ordered = sorted(others)
    starts = [other.start for other in ordered]
    furthest = list(accumulate((other.end for other in ordered), max))  # end reached so far
    count = 0
    for span in spans:
        before = bisect_left(starts, span.end)  # the others starting before the span ends
        if before and furthest[before - 1] > span.start:
            count += 1
    return count


# --- one article, several articles --------------------------------------------------------


@dataclass(frozen=True)
class Agreement:
    """Token κ and span counts of B against A, over one article or pooled over several.

    Attributes:
        tokens: the label pairs of the tokens.
        exact: per label, spans matched by start, end and label.
        relaxed: per label, spans matched by overlap and label.
        articles: how many articles are pooled.
    """

    tokens: TokenTable = field(default_factory=TokenTable)
    exact: Mapping[str, SpanCounts] = field(default_factory=dict)
    relaxed: Mapping[str, SpanCounts] = field(default_factory=dict)
    articles: int = 0

    def __add__(self, other: Agreement) -> Agreement:
        return Agreement(self.tokens + other.tokens, _add(self.exact, other.exact),
                         _add(self.relaxed, other.relaxed), self.articles + other.articles)

    def labels(self) -> list[str]:
        """Every label either annotator used, in alphabetical order."""
        return sorted(self.tokens.labels() | self.exact.keys())

    def kappa(self, label: str | None = None) -> Kappa:
        """κ over all labels, or for one label against the rest."""
        return self.tokens.kappa(label)

    def spans(self, label: str | None = None, relaxed: bool = False) -> SpanCounts:
        """Span counts for one label, or summed over all of them (micro-average)."""
        counts = self.relaxed if relaxed else self.exact
        if label is not None:
            return counts.get(label, SpanCounts())
        return sum(counts.values(), SpanCounts())


def _add(first: Mapping[str, SpanCounts],
         second: Mapping[str, SpanCounts]) -> dict[str, SpanCounts]:
    total = dict(first)
    for label, counts in second.items():
        total[label] = total.get(label, SpanCounts()) + counts
    return total


def compare(text: str, spans_a: Iterable[tuple[int, int, str]],
            spans_b: Iterable[tuple[int, int, str]]) -> Agreement:
    """How far B agrees with A on one article (``text`` is its body)."""
    a = [Span(*span) for span in spans_a]
    b = [Span(*span) for span in spans_b]
    return Agreement(token_table(text, a, b), span_counts(a, b),
                     span_counts(a, b, relaxed=True), articles=1)


def pool(agreements: Iterable[Agreement]) -> Agreement:
    """Several articles' agreement as one: tokens pooled, span counts summed."""
    return sum(agreements, Agreement())


# --- where they differ --------------------------------------------------------------------


class DifferenceKind(StrEnum):
    ONLY_A = "only_a"
    """A span of A that no span of B overlaps."""
    ONLY_B = "only_b"
    """A span of B that no span of A overlaps."""
    LABEL = "label"
    """The same start and end, different labels."""
    BOUNDARIES = "boundaries"
    """Overlapping spans whose start or end differ (of the same label or not)."""


@dataclass(frozen=True)
class Difference:
    """One place where the annotators differ; ``a`` or ``b`` is None for a span only one has."""

    kind: DifferenceKind
    a: Span | None
    b: Span | None

    @property
    def start(self) -> int:
        return min(span.start for span in (self.a, self.b) if span is not None)


def differences(spans_a: Iterable[tuple[int, int, str]],
                spans_b: Iterable[tuple[int, int, str]]) -> list[Difference]:
    """Where B differs from A, in text order.

    Spans both gave (same start, end and label) are set aside first. Of the
    others, each pair with the same start and end is a ``LABEL`` difference,
    each overlapping pair with another start or end a ``BOUNDARIES`` one (a
    span may be in several pairs), and a span in no pair is ``ONLY_A`` or
    ``ONLY_B``.
    """
    a_set = {Span(*span) for span in spans_a}
    b_set = {Span(*span) for span in spans_b}
    rest_a, rest_b = sorted(a_set - b_set), sorted(b_set - a_set)
    found: list[Difference] = []
    paired: set[tuple[str, Span]] = set()
    later = 0  # spans of B from here on start at or after the current span of A ends
    active: list[Span] = []  # spans of B that may still overlap a span of A
    for a in rest_a:
        active = [b for b in active if b.end > a.start]
        while later < len(rest_b) and rest_b[later].start < a.end:
            if rest_b[later].end > a.start:
                active.append(rest_b[later])
            later += 1
        for b in active:
            if not (b.start < a.end and a.start < b.end):
                continue
            same = (a.start, a.end) == (b.start, b.end)
            found.append(Difference(DifferenceKind.LABEL if same else DifferenceKind.BOUNDARIES,
                                    a, b))
            paired.update((("a", a), ("b", b)))
    found += [Difference(DifferenceKind.ONLY_A, a, None) for a in rest_a
              if ("a", a) not in paired]
    found += [Difference(DifferenceKind.ONLY_B, None, b) for b in rest_b
              if ("b", b) not in paired]
    return sorted(found, key=lambda d: (d.start, d.a or d.b, d.b or d.a))
