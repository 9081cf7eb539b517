"""Second thoughts: numbers the amount grammar reads but that are not amounts.

The grammar alone would take "March 5" for a count, "Flight 93 crews" for 93
crews, "the 2008 terrorist attacks" for 2008 attacks and "les deux
entreprises" for a statement of how many companies there are. These rules
look at the word just before the number and say no.
"""

from __future__ import annotations

import re

from desktop.core import amount_lexicon as lex
from desktop.core.amount_lexicon import COUNT, DURATION

_BOUNDARY = frozenset('.!?:;\n«»"“”()—–')
"""Characters after which a capitalised word starts a sentence, not a name."""

_FUNCTION_WORDS = frozenset(
    "le la les l un une des de du d au aux à en et ou ce cet cette ces son sa ses leur leurs "
    "the a an of in on at to and or by for from with this that these those its their his her "
    "our some more over about around nearly almost plus près environ quelque moins au dont "
    "entre between".split())
"""Capitalised at the start of a sentence, these are still not names."""

_DEFINITE = frozenset(
    "les ces des aux nos vos ses mes tes leurs the these those its their our his her my your "
    "both all".split())
"""Before a small spelled-out number, these make it a reference ("les deux entreprises",
"the two incidents"), not a statement of how many."""

_TRIM = ",;:()«»\"“”"

_MODEL_CODE = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")
"""A letter touching a digit: a model or plan name ("A320neo", "H100", "5G")."""

_POSTCODE = re.compile(r"\d{5}[ \u00a0\u202f][A-ZÉ]")
"""Five digits, unspaced, then a capitalised word: a French postcode ("75002 Paris")."""


def is_plausible(text: str, language: str, start: int, kind: str, unit: str | None, *,
                 scaled: bool, plain_year: bool, modifiers: int, spelled_small: bool) -> bool:
    """False if the number at ``start`` is a label, a date, a year or a name.

    Args:
        text: the whole text.
        language: "fr" or "en".
        start: where the number begins (its currency symbol or determiner included,
            approximation words excluded).
        kind: the kind of amount the grammar read.
        unit: its unit (for counts, the counted noun).
        scaled: the number has a scale word ("millions").
        plain_year: the number is written like a year (four digits, 1800–2099).
        modifiers: how many words stand between a count's number and its noun.
        spelled_small: the number is a word from one to ten ("deux", "two").
    """
    token_start, word = previous_token(text, start)
    lower = word.lower()
    bare = lower.strip(_TRIM)
    if lower in lex.LABEL_WORDS:
        return False  # "article 49-3", "Flight 93"
    if bare in lex.MONTHS[language] and word[-1].isalnum() and not scaled \
            and (language == lex.FRENCH or word[0].isupper()) and kind in (COUNT, DURATION):
        return False  # "March 5 …"
    if kind != COUNT:
        return True
    if plain_year and (modifiers or bare in lex.YEAR_CONTEXT or not word[-1:].isalpha()
                       or unit is None or not unit[0].islower()):
        return False  # "the 2008 terrorist attacks", "14, 2019 NATO press release"
    if plain_year and word[:1].isupper() and bare not in _FUNCTION_WORDS \
            and bare not in lex.APPROX_LAST_WORDS:
        return False  # "Vision 2030 aims…": a plan named after its year
    if spelled_small and bare in _DEFINITE:
        return False
    if unit is not None and unit[:1].isupper() and _POSTCODE.match(text, start):
        return False  # "75002 Paris"
    if not word or not word[-1].isalnum():
        return True
    return not _names_a_product(text, token_start, word, bare)


def previous_token(text: str, start: int) -> tuple[int, str]:
    """The run of non-space characters before ``start`` (skipping spaces), and where
    it begins; ``(start, "")`` at the beginning of the text."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and not text[begin - 1].isspace() and end - begin < 40:
        begin -= 1
    return begin, text[begin:end]


def _names_a_product(text: str, token_start: int, word: str, bare: str) -> bool:
    """True if ``word``, just before a count, is a name the number belongs to
    ("Boeing 737 jets", "Switch 2 consoles", "UNSCR 1929 bans")."""
    if bare in _FUNCTION_WORDS or not any(ch.isupper() for ch in word):
        return False
    if _MODEL_CODE.search(word.strip(_TRIM)):
        return True  # "l'A320neo 2 moteurs"
    if len(word) > 1 and word.isupper():
        return True
    if word == "I" or _possessive(word) or "n't" in word or "n’t" in word:
        return False  # "That's 2 million people", "America's 28 million businesses"
    if "'" in word or "’" in word:
        word = re.split("['’]", word)[-1]  # "l'Ironman 70.3": the name after the elision
        if not word[:1].isupper():
            return False
    j = token_start - 1
    while j >= 0 and text[j] in " \u00a0\u202f\t":
        j -= 1
    return not (j < 0 or text[j] in _BOUNDARY)


def _possessive(word: str) -> bool:
    """True for an English possessive ("America's", "company’s")."""
    return word.lower().endswith(("'s", "’s"))
