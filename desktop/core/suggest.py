"""Suggestions for one text: amounts with their values, and known entities.

Suggestions are proposals, not annotations: they live in memory until the
user accepts one (it becomes an annotation with its value) or rejects it
(the span is remembered so it is not proposed again). Nothing here touches
the database; the caller passes what is already tagged or rejected.

:func:`suggest` is the one pipeline: the window (``desktop.ui.suggestions``)
and ``marginalia suggest`` both call it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.amounts import Amount, AmountRecognizer
from desktop.core.entities import EntityMatcher, Term


@dataclass(frozen=True)
class Suggestion:
    """One proposed annotation; offsets are code points.

    Attributes:
        value_high: the upper value accepting stores (None unless a range's
            two ends differ).
        bound: "min" when ``value`` is only a lower bound ("plus de 1 400
            milliards"), "max" when only an upper one ("up to $5 million").
        entity: the entity a known name stands for ("" if not linked).
        amount: what the recognizer read, for an amount (with its ``low`` and
            ``high`` bounds as the text states them); None for a name.
    """

    start: int
    end: int
    text: str
    label: str
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    approx: bool = False
    entity: str = ""
    amount: Amount | None = None
    bound: str | None = None

    @property
    def key(self) -> tuple[int, int, str]:
        return self.start, self.end, self.label


class _Coverage:
    """The union of some spans, for O(log n) "does this overlap anything" checks."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, end - 1) - 1  # last interval starting before end
        return i >= 0 and self._ends[i] > start


def bound_of(amount: Amount) -> str | None:
    """"min" for a lower bound only ("more than 500"), "max" for an upper one only."""
    if amount.low is not None and amount.high is None:
        return "min"
    if amount.high is not None and amount.low is None:
        return "max"
    return None


def amount_suggestions(text: str, language: str = "auto",
                       currency_hint: str | None = None) -> list[Suggestion]:
    """The amounts of ``text`` as suggestions (the slow part: run it once per text)."""
    found = []
    for amount in AmountRecognizer(language, currency_hint).find(text):
        high = amount.high if amount.high is not None and amount.high != amount.value else None
        found.append(Suggestion(amount.start, amount.end, amount.text, amount.label,
                                amount.value, high, amount.unit, amount.approx,
                                amount=amount, bound=bound_of(amount)))
    return found


def suggest(
    text: str,
    *,
    language: str = "auto",
    currency_hint: str | None = None,
    terms: Iterable[Term] = (),
    tagged: Iterable[tuple[int, int]] = (),
    rejected: Iterable[tuple[int, int, str]] = (),
    matcher: EntityMatcher | None = None,
    amounts: list[Suggestion] | None = None,
    entities: bool = True,
) -> list[Suggestion]:
    """Returns the suggestions for ``text``, sorted by position.

    The amounts of the text, then the known names that do not overlap an
    amount, less whatever overlaps a tag or was rejected.

    Args:
        text: the article body.
        language: "fr", "en" or "auto".
        currency_hint: what a bare "$" means for this article (default USD).
        terms: names already tagged (or registered), to find again.
        tagged: spans already annotated; nothing overlapping them is proposed.
        rejected: (start, end, label) the user rejected; never proposed again.
        matcher: a prepared matcher for ``terms`` (saves compiling it per article).
        amounts: the text's amount suggestions if already computed.
        entities: False to propose amounts only.
    """
    covered = _Coverage(tagged)
    refused = set(rejected)
    found = list(amounts) if amounts is not None else amount_suggestions(
        text, language, currency_hint)
    if entities:
        entity_matcher = matcher if matcher is not None else EntityMatcher(terms)
        amount_spans = _Coverage((s.start, s.end) for s in found)
        for match in entity_matcher.find(text):
            if not amount_spans.overlaps(match.start, match.end):
                found.append(Suggestion(match.start, match.end, match.text, match.label,
                                        entity=match.entity))
    kept = [s for s in found
            if s.key not in refused and not covered.overlaps(s.start, s.end)]
    kept.sort(key=lambda s: (s.start, s.end))
    return kept


# Where a bare "$" is not the US dollar, by the country domain of the source.
_DOLLAR_BY_DOMAIN = {"ca": "CAD", "au": "AUD", "nz": "NZD", "sg": "SGD", "hk": "HKD",
                     "tw": "TWD", "mx": "MXN", "ar": "ARS", "cl": "CLP", "co": "COP"}


def default_currency_hint(source: str) -> str:
    """What "$" means for an article from ``source`` (USD unless a country says otherwise)."""
    from urllib.parse import urlsplit

    host = urlsplit(source).hostname or "" if "://" in source else ""
    return _DOLLAR_BY_DOMAIN.get(host.rsplit(".", 1)[-1], "USD")
