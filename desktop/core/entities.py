"""Entity suggestions from what the user already tagged (a gazetteer).

Once "OpenAI" is tagged ORG, its other mentions — and those of its aliases —
are proposed. Matching is on whole words only ("Mark" never inside
"bookmark"), sees through French elision ("d’OpenAI", "l'Oréal"), ignores
case for ordinary names but keeps it for acronyms ("AWS" is not "aws"), and
treats any run of spaces (including no-break ones) in a name as one space.
Accents written as combining marks match composed ones ("Cafe\u0301" is
"Café"), as in :func:`db.names.name_key`.

Names are matched word by word through a dictionary keyed by their first
word, not by one big regular expression: a corpus can hold tens of
thousands of tagged names, and compiling them into a pattern took seconds,
while the dictionary is built at once and scans a 2.4 MB book in well
under a second.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from db.names import canonical_name, name_key

# Letters and digits with any combining marks ("Cafe\u0301" is one word).
_WORD = re.compile(r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]+")
_SPACE = re.compile(r"[\s\u00a0\u202f]+")


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


def _nfc(word: str) -> str:
    """A word with its accents composed: "Cafe\u0301" and "Café" are the same word."""
    return unicodedata.normalize("NFC", word)


def _is_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _joiner(text: str) -> str:
    """What stands between two words of a name: any white space counts as one space."""
    return " " if _SPACE.fullmatch(text) else text


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]  # composed (NFC) and casefolded
    joiners: tuple[str, ...]  # between consecutive words
    exact: tuple[str, ...] | None  # the words as written (composed), for acronyms
    term: Term


class EntityMatcher:
    """Finds whole-word mentions of a set of terms in a text.

    Longer terms win over shorter ones at the same place ("Amazon Web
    Services" over "Amazon"); matches never overlap.
    """

    def __init__(self, terms: Iterable[Term] = ()) -> None:
        self._by_first: dict[str, list[_Entry]] = {}
        self._seen: set[tuple[tuple[str, ...], tuple[str, ...], bool]] = set()
        self.add(terms)

    def add(self, terms: Iterable[Term]) -> None:
        """Looks for these terms too (a name just tagged), without building the rest again."""
        seen = self._seen
        touched: set[str] = set()
        for term in terms:
            text = " ".join(term.text.split())
            words = [m for m in _WORD.finditer(text)]
            if not words or words[0].start() != 0 or words[-1].end() != len(text):
                continue  # leading or trailing punctuation ("C++"): not a plain name
            if len(text) < 2:
                continue  # a single letter would match everywhere
            folded = tuple(_nfc(m.group()).casefold() for m in words)
            joiners = tuple(_joiner(text[a.end():b.start()])
                            for a, b in zip(words, words[1:], strict=False))
            exact = _is_acronym(text)
            key = (folded, joiners, exact)
            if key in seen:
                continue
            seen.add(key)
            entry = _Entry(folded, joiners,
                           tuple(_nfc(m.group()) for m in words) if exact else None,
                           Term(text, term.label, term.entity))
            self._by_first.setdefault(folded[0], []).append(entry)
            touched.add(folded[0])
        for first in touched:
            self._by_first[first].sort(key=lambda e: -len(e.words))

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, text: str) -> list[EntityMatch]:
        if not self._by_first:
            return []
        # Each word's span in the text, and the word composed (its offsets unchanged).
        tokens = [(m.start(), m.end(), _nfc(m.group())) for m in _WORD.finditer(text)]
        found: list[EntityMatch] = []
        i, count = 0, len(tokens)
        while i < count:
            entries = self._by_first.get(tokens[i][2].casefold())
            matched = None
            if entries:
                for entry in entries:
                    if self._matches(entry, tokens, i, text):
                        matched = entry
                        break
            if matched is None:
                i += 1
                continue
            last = i + len(matched.words) - 1
            start, end = tokens[i][0], tokens[last][1]
            found.append(EntityMatch(start, end, text[start:end], matched.term.label,
                                     matched.term.entity))
            i = last + 1
        return found

    @staticmethod
    def _matches(entry: _Entry, tokens: list[tuple[int, int, str]], i: int, text: str) -> bool:
        n = len(entry.words)
        if i + n > len(tokens):
            return False
        for k in range(n):
            word = tokens[i + k][2]
            if entry.exact is not None:
                if word != entry.exact[k]:
                    return False
            elif word.casefold() != entry.words[k]:
                return False
            if k and _joiner(text[tokens[i + k - 1][1]:tokens[i + k][0]]) != entry.joiners[k - 1]:
                return False
        return True


def clean_name(text: str) -> str:
    """A name as stored: runs of spaces (no-break ones too) become one space."""
    return " ".join(text.split())


def alias_for(quote: str, entity_name: str) -> str | None:
    """The alias a mention adds to the entity it is linked to, if any.

    Linking the mention "AWS" to "Amazon Web Services" makes "AWS" one of
    the entity's names, so its other mentions are found and linked; a mention
    that names the entity already ("d’OpenAI" for OpenAI: the same key, see
    :mod:`db.names`) adds nothing.
    """
    alias = canonical_name(quote)
    if not alias or name_key(alias) == name_key(entity_name):
        return None
    return alias
