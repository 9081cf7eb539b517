"""Entity suggestions from what the user already tagged (a gazetteer).

Once "OpenAI" is tagged ORG, its other mentions — and those of its aliases —
are proposed. Matching is on whole words only ("Mark" never inside
"bookmark"), sees through French elision ("d’OpenAI", "l'Oréal"), ignores
case for ordinary names but keeps it for acronyms ("AWS" is not "aws"), and
treats any run of spaces (including no-break ones) in a name as one space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A name to look for and what a match means."""

    text: str
    label: str
    entity: str  # canonical entity name ("" when the tag has no entity yet)


@dataclass(frozen=True)
class EntityMatch:
    start: int
    end: int
    text: str
    label: str
    entity: str


def _pattern(text: str) -> str:
    words = [re.escape(word) for word in text.split()]
    return r"[\s\u00a0\u202f]+".join(words)


def _is_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


class EntityMatcher:
    """Finds whole-word mentions of a set of terms in a text.

    Longer terms win over shorter ones at the same place ("Amazon Web
    Services" over "Amazon"); matches never overlap.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        by_key: dict[tuple[str, bool], Term] = {}
        for term in terms:
            text = " ".join(term.text.split())
            if len(text) < 2:
                continue  # a single letter would match everywhere
            exact = _is_acronym(text)
            key = (text if exact else text.casefold(), exact)
            by_key.setdefault(key, Term(text, term.label, term.entity))
        self._terms = by_key
        exact = sorted((t for (_, e), t in by_key.items() if e), key=lambda t: -len(t.text))
        loose = sorted((t for (_, e), t in by_key.items() if not e), key=lambda t: -len(t.text))
        self._exact = self._compile(exact, 0)
        self._loose = self._compile(loose, re.IGNORECASE)

    @staticmethod
    def _compile(terms: list[Term], flags: int) -> re.Pattern[str] | None:
        if not terms:
            return None
        alternatives = "|".join(_pattern(t.text) for t in terms)
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags)

    def _term_for(self, matched: str) -> Term | None:
        text = " ".join(matched.split())
        return self._terms.get((text, True)) or self._terms.get((text.casefold(), False))

    def find(self, text: str) -> list[EntityMatch]:
        found: list[EntityMatch] = []
        for pattern in (self._exact, self._loose):
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                term = self._term_for(match.group())
                if term is not None:
                    found.append(EntityMatch(match.start(), match.end(), match.group(),
                                             term.label, term.entity))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[EntityMatch] = []
        for match in found:
            if not kept or match.start >= kept[-1].end:
                kept.append(match)
        return kept


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True if [start, end) meets any of ``spans``."""
    return any(s < end and start < e for s, e in spans)
