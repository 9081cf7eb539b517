"""Suggestions for one text: amounts with their values, known entities, and model names.

Suggestions are proposals, not annotations: they live in memory until the
user accepts one (it becomes an annotation with its value) or rejects it
(the span is remembered so it is not proposed again). Nothing here touches
the database; the caller passes what is already tagged or rejected.

Names come from two sources, the user's first: the names the user tagged
(and their entities' names and aliases) wherever they occur, then what the
statistical model found (:mod:`desktop.core.ner`) where no known name, no
amount and no tag already is. A model name the user rejected once, in any
article, is not proposed again with that label.

:func:`suggest` is the one pipeline: the window (``desktop.ui.suggestions``)
and ``marginalia suggest`` both call it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from db.names import name_key
from desktop.core.amounts import Amount, AmountRecognizer
from desktop.core.entities import EntityMatcher, Term

if TYPE_CHECKING:
    from desktop.core.ner import NameSpan

AMOUNT, KNOWN, MODEL = "amount", "known", "model"
"""Where a suggestion comes from: the amount reader, the names the user tagged, the model."""


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
        source: AMOUNT, KNOWN (a name the user tagged, or its entity's) or
            MODEL (found by the name model).
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
    source: str = AMOUNT

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


def amount_suggestions(text: str, language: str = "auto", currency_hint: str | None = None,
                       default_currency: str | None = None) -> list[Suggestion]:
    """The amounts of ``text`` as suggestions (the slow part: run it once per text).

    ``currency_hint`` and ``default_currency`` are those of
    :class:`~desktop.core.amounts.AmountRecognizer`.
    """
    found = []
    for amount in AmountRecognizer(language, currency_hint, default_currency).find(text):
        high = amount.high if amount.high is not None and amount.high != amount.value else None
        found.append(Suggestion(amount.start, amount.end, amount.text, amount.label,
                                amount.value, high, amount.unit, amount.approx,
                                amount=amount, bound=bound_of(amount)))
    return found


AROUND = 300
"""How many code points on each side of a span :func:`amount_around` reads."""


def amount_around(text: str, start: int, end: int, language: str = "auto",
                  currency_hint: str | None = None,
                  default_currency: str | None = None) -> Suggestion | None:
    """The amount of ``text`` that ``[start, end)`` overlaps most, reading only the
    text around the span (a span tagged by hand: "38 milliards de dollars" gives
    3.8e10 USD); None if the span overlaps no amount."""
    low, high = max(0, start - AROUND), min(len(text), end + AROUND)
    found = [replace(s, start=s.start + low, end=s.end + low)
             for s in amount_suggestions(text[low:high], language, currency_hint,
                                         default_currency)]
    return most_overlapping(found, start, end)


def most_overlapping(suggestions: Iterable[Suggestion], start: int,
                     end: int) -> Suggestion | None:
    """The suggestion sharing the most code points with ``[start, end)``, or None."""
    best: Suggestion | None = None
    shared = 0
    for suggestion in suggestions:
        overlap = min(end, suggestion.end) - max(start, suggestion.start)
        if overlap > shared:
            best, shared = suggestion, overlap
    return best


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
    names: Sequence[NameSpan] = (),
    rejected_names: Iterable[tuple[str, str]] = (),
) -> list[Suggestion]:
    """Returns the suggestions for ``text``, sorted by position.

    The amounts of the text, then the known names that do not overlap an
    amount, then the model's names that overlap neither, less whatever
    overlaps a tag or was rejected.

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
        names: the name model's names in ``text`` (:func:`model_names`; the
            window's worker finds them), proposed where nothing above is.
        rejected_names: (name, label) the user rejected anywhere; the model
            never proposes them again.
    """
    covered = _Coverage(tagged)
    refused = set(rejected)
    found = list(amounts) if amounts is not None else amount_suggestions(
        text, language, currency_hint)
    if entities:
        entity_matcher = matcher if matcher is not None else EntityMatcher(terms)
        amount_spans = _Coverage((s.start, s.end) for s in found)
        known = []
        for match in entity_matcher.find(text):
            if not amount_spans.overlaps(match.start, match.end):
                known.append(Suggestion(match.start, match.end, match.text, match.label,
                                        entity=match.entity, source=KNOWN))
        found.extend(known)
        if names:
            taken = _Coverage([(s.start, s.end) for s in found])
            refused_names = {(name_key(text), label) for text, label in rejected_names}
            found.extend(
                Suggestion(n.start, n.end, n.text, n.label, entity=n.entity, source=MODEL)
                for n in names
                if not taken.overlaps(n.start, n.end)
                and (name_key(n.text), n.label) not in refused_names)
    kept = [s for s in found
            if s.key not in refused and not covered.overlaps(s.start, s.end)]
    kept.sort(key=lambda s: (s.start, s.end))
    return kept


def model_names(text: str, language: str = "auto") -> list[NameSpan]:
    """The model's names in ``text``, or [] when no model reads its language.

    Loads the language's model the first time (seconds): not for the GUI thread.
    """
    from desktop.core.language import guess_language
    from desktop.core.ner import MODELS, load_recognizer

    if language not in MODELS:
        language = guess_language(text[:4000])
    recognizer = load_recognizer([language]) if language in MODELS else None
    return recognizer.find(text, language) if recognizer is not None else []


# Where a bare "$" is not the US dollar: by the country domain of the source, or by the
# outlet for Canadian papers and broadcasters on other domains (Québec's press writes
# "120 M$", "40 G$" for Canadian dollars).
_DOLLAR_BY_DOMAIN = {"ca": "CAD", "au": "AUD", "nz": "NZD", "sg": "SGD", "hk": "HKD",
                     "tw": "TWD", "mx": "MXN", "ar": "ARS", "cl": "CLP", "co": "COP",
                     "ledevoir.com": "CAD", "journaldemontreal.com": "CAD",
                     "journaldequebec.com": "CAD", "lesaffaires.com": "CAD",
                     "lactualite.com": "CAD", "ledroit.com": "CAD", "lesoleil.com": "CAD",
                     "noovo.info": "CAD", "theglobeandmail.com": "CAD",
                     "nationalpost.com": "CAD", "financialpost.com": "CAD",
                     "thestar.com": "CAD", "torontosun.com": "CAD",
                     "montrealgazette.com": "CAD", "ottawacitizen.com": "CAD",
                     "vancouversun.com": "CAD", "theprovince.com": "CAD",
                     "calgaryherald.com": "CAD", "edmontonjournal.com": "CAD",
                     "winnipegfreepress.com": "CAD", "leaderpost.com": "CAD",
                     "thestarphoenix.com": "CAD", "timescolonist.com": "CAD"}


def default_currency_hint(source: str) -> str:
    """What "$" means for an article from ``source``: USD unless its country domain
    (".ca", ".com.au") or its outlet (ledevoir.com, theglobeandmail.com) says otherwise.

    ``source`` is a URL, or a bare host with or without a path ("ledevoir.com/x");
    subdomains count as their domain ("ici.radio-canada.ca", "www.ledevoir.com").
    """
    return source_currency(source) or "USD"


def source_currency(source: str) -> str | None:
    """The dollar that ``source``'s country domain or outlet writes "$" for, as in
    :func:`default_currency_hint`; None when the source says nothing of it."""
    import re
    from urllib.parse import urlsplit

    text = source.strip().lower()
    if "://" in text:
        host = urlsplit(text).hostname or ""
    else:
        bare = re.match(r"([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/:?#]|$)", text)
        host = bare.group(1) if bare else ""
    labels = host.split(".")
    for i in range(len(labels)):
        code = _DOLLAR_BY_DOMAIN.get(".".join(labels[i:]))
        if code is not None:
            return code
    return None
