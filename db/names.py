"""How a mention's text names an entity: the rule that finds "OpenAI" in "d’OpenAI".

A mention is linked to the entity whose name or alias has the same key: the
text without a French elision before it ("d’", "l'", "qu’"…) or an English
possessive after it ("’s"), with case, accents and runs of spaces ignored.
A new entity is named after the mention's text without the elision or the
possessive. The keys are stored beside the names (``entity.key``,
``entity_alias.key``, migration 005), so finding an entity is one indexed
look-up; this module is the one place that computes them.
"""

from __future__ import annotations

import re
import unicodedata

# French elided words a name can be glued to ("d’OpenAI", "qu’Airbus").
# Lower case only: a capital makes it part of a name ("N'Golo Kanté", "D'Angelo").
_ELISION = re.compile(r"^(?:d|l|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ]")
_POSSESSIVE = re.compile(r"['’ʼ]s?$", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})
# Names that keep their elided article: the article is part of the name.
_KEEP_ARTICLE = re.compile(r"^l['’ʼ](?:or[ée]al|[ée]quipe|express|obs)\b", re.IGNORECASE)


def canonical_name(text: str) -> str:
    """The name a mention gives: spaces collapsed, elision and possessive taken off.

    "d’OpenAI" → "OpenAI"; "OpenAI's" → "OpenAI"; "L’Oréal" stays "L’Oréal";
    "Amazon\u00a0Web Services" → "Amazon Web Services". A name whose
    possessive is part of it ("McDonald's") loses it too: link such a
    mention to the entity by hand once, and its text becomes an alias.
    """
    name = " ".join(text.split())
    name = name[elision_length(name):]
    possessive = _POSSESSIVE.search(name)
    if possessive and possessive.start() > 1 and name[possessive.start() - 1].isalnum():
        name = name[:possessive.start()]
    return name


def elision_length(text: str) -> int:
    """How many characters of a French elision ``text`` starts with, to drop before a
    name ("d’OpenAI": 2); 0 if none, if the article is part of the name ("L’Oréal"),
    or if no letter or digit follows it."""
    found = _ELISION.match(text)
    if found is None or _KEEP_ARTICLE.match(text) or not text[found.end():][:1].isalnum():
        return 0
    return found.end()


def name_key(text: str) -> str:
    """What two names must share to name the same entity (case, accents, spacing aside)."""
    folded = unicodedata.normalize("NFKD", canonical_name(text).translate(_APOSTROPHES))
    letters = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(letters.casefold().split())


def sort_key(text: str) -> str:
    """Returns the key titles and names sort by: case, accents and leading
    punctuation ignored, as a reader orders them rather than by code point.

    "Électricité" sorts with "electricite" (by code point it comes after "Z"),
    "« Brexit »" with "brexit", "Œuvre" with "oeuvre".
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_LIGATURES)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    start = next((i for i, ch in enumerate(letters) if ch.isalnum()), len(letters))
    return letters[start:]


def name_order(name: str) -> tuple[str, str]:
    """The key to list names by: :func:`sort_key`, then the name itself for a fixed
    order between names that differ only by case or accents."""
    return sort_key(name), name


_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
                            "þ": "th", "ħ": "h", "ı": "i"})
"""Letters NFKD keeps whole (after casefold), sorted as the letters they stand for, as
PostgreSQL's unaccent reads them ("Ørsted" with the O's, "Łódź" with the L's)."""
