"""Turning written numbers and counted nouns into values and names.

Digits follow each language's habits: French writes "1 400,5" (thousands
separated by a space, U+00A0 or U+202F, a decimal comma), English writes
"1,400.5". Spelled-out numbers ("trente-huit", "one hundred and twenty") are
read by text2num, which is only ever called on a short span the recognizer
already found, never on the whole text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from desktop.core.amount_lexicon import (
    BIG_SCALES,
    ENGLISH,
    FRENCH,
    INVARIABLE_NOUNS,
    IRREGULAR_PLURALS,
    ISO_CODES,
    MONTHS,
    NOT_COUNTED,
    ONE_WORDS,
    SCALE_WORDS,
    UNCOUNTED_ACRONYMS,
)

_GROUP_SPACES = re.compile(r"[ \u00a0\u202f]")
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_APOSTROPHES = re.compile(r"['’]")
_ENGLISH_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_ENGLISH_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_WORD_SPLIT = re.compile(r"[\s\u00a0-]+")
_WORD = re.compile(r"[^\s\u00a0\u202f-]+")
_HEAD_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{2,5}s?|[A-Z]{2}s")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+s?$")
_IE_PLURALS = frozenset(
    "movies cookies calories sorties zombies rookies lies ties pies dies prairies brownies "
    "selfies hippies goalies species series".split())
"""English plurals in "-ies" whose singular ends in "-ie", not "-y"."""


def digits_value(written: str, language: str) -> float:
    """The value of a number written in digits.

    Args:
        written: the digits as they appear ("1 400", "3,5", "1,400.5", "1.400.000",
            "1’204’550"); in French a point before exactly three digits groups
            thousands ("2.000"); in English two or more such points do
            ("250.000.000"), and a comma before one or two digits is a decimal
            comma ("2,5"). Apostrophes group thousands in both ("1'204.50",
            "1'250.–" for a round sum).
        language: ``"fr"`` or ``"en"``; decides what a comma means.
    """
    if "'" in written or "’" in written:  # Swiss: "1'250.50", "1'250.–" (no cents)
        return float(_APOSTROPHES.sub("", written).rstrip(".-–").replace(",", "."))
    if language == FRENCH:
        plain = _GROUP_SPACES.sub("", written)
        if _DOTTED_THOUSANDS.match(plain):
            plain = plain.replace(".", "")
        return float(plain.replace(",", "."))
    if _ENGLISH_DECIMAL_COMMA.fullmatch(written):
        return float(written.replace(",", "."))
    if _ENGLISH_DOTTED.fullmatch(written):
        return float(written.replace(".", ""))
    return float(written.replace(",", ""))


@lru_cache(maxsize=4096)
def words_value(words: str, language: str) -> tuple[float, int] | None:
    """The value of a spelled-out number, and how many of its words were read.

    A trailing big scale ("trente-huit milliards") is left unread, so that the
    caller applies the language's own billion. If text2num refuses the whole
    phrase, shorter and shorter beginnings are tried ("deux et trois" → 2).

    Args:
        words: the phrase, words separated by spaces or hyphens.
        language: ``"fr"`` or ``"en"``.

    Returns:
        ``(value, words_read)``, or None if not even the first word is a number.
    """
    tokens = [t for t in _WORD_SPLIT.split(words.lower()) if t]
    if tokens and tokens[-1] in BIG_SCALES and not any(t in BIG_SCALES for t in tokens[:-1]):
        tokens = tokens[:-1]
    while tokens:
        phrase = " ".join(tokens)
        if tokens[0] in ONE_WORDS[language] and len(tokens) > 1:
            phrase = ("un " if language == FRENCH else "one ") + " ".join(tokens[1:])
        try:
            return float(text2num(phrase, language)), len(tokens)
        except ValueError:
            tokens = tokens[:-1]
        while tokens and tokens[-1] in ("et", "and"):
            tokens = tokens[:-1]
    return None


def scale_value(word: str, language: str) -> float | None:
    """The factor a scale word stands for ("milliards" → 1e9, French "billion" → 1e12)."""
    return SCALE_WORDS[language].get(word.lower())


def singular(noun: str, language: str) -> str:
    """The counted noun in the singular, by simple spelling rules.

    Lower-case nouns stay lower-case, proper nouns and acronyms keep their
    case ("Airbus", "GPUs" → "GPU").

    English: irregular plurals from a table, "-ies" → "-y" (but "movies"),
    "-ches/-shes/-sses/-xes/-zes" and long "-oes" lose "es", else a final "s" goes.
    French: invariable nouns and a few irregulars from tables, "-eaux" → "-eau",
    "-aux" → "-al", "-eux"/"-oux" lose "x", else a final "s" or "x" goes; in a
    compound the first word carries the plural ("stations-service"); proper nouns
    in "-ais" and "-ois" do not change ("Français", "Chinois").
    In both, a proper noun ending in "-us" stays as it is ("Airbus").
    """
    lower = noun.lower()
    irregular = IRREGULAR_PLURALS[language].get(lower)
    if irregular is not None:
        return irregular
    if _ACRONYM.match(noun):
        return noun[:-1] if noun.endswith("s") else noun
    if lower in INVARIABLE_NOUNS[language] or (lower.endswith("us") and noun[0].isupper()):
        return noun
    if language == FRENCH and lower.endswith(("ais", "ois")) and noun[0].isupper():
        return noun
    if language == ENGLISH:
        if lower.endswith("ies") and len(lower) > 4 and lower not in _IE_PLURALS:
            return noun[:-3] + "y"
        if lower.endswith(("ches", "shes", "sses", "xes", "zes")) or (
                lower.endswith("oes") and len(lower) > 5):
            return noun[:-2]
        return noun[:-1] if lower.endswith("s") and not lower.endswith("ss") else noun
    head, dash, rest = noun.partition("-")
    if dash and not lower.endswith(("s", "x")):
        return singular(head, language) + dash + rest
    if lower.endswith("eaux"):
        return noun[:-1]
    if lower.endswith("aux") and len(lower) > 4:
        return noun[:-3] + "al"
    if lower.endswith(("eux", "oux")):
        return noun[:-1]
    return noun[:-1] if lower.endswith(("s", "x")) else noun


_SINGULAR_IRREGULARS = {language: {one: many for many, one in table.items()}
                        for language, table in IRREGULAR_PLURALS.items()}
_FRENCH_AL_PLURAL_S = frozenset("bal carnaval chacal festival récital régal cérémonial".split())
_FRENCH_EU_PLURAL_S = frozenset("pneu bleu émeu landau sarrau".split())
_FRENCH_OU_PLURAL_X = frozenset("bijou caillou chou genou hibou joujou pou".split())
_FRENCH_COMPLEMENTS = frozenset("service clé poste type témoin".split())
"""Second words of French compounds that stay singular: "stations-service"."""
_ENGLISH_OES = frozenset("tomato potato hero echo veto torpedo embargo volcano".split())


def plural(noun: str, language: str) -> str:
    """The counted noun in the plural: the other way round from :func:`singular`.

    A noun that is already plural, a proper noun or a maker and model
    ("Airbus A320", "Rafale") stays as it is, and so does an acronym in French
    ("100 000 GPU"); in English an acronym takes an "s" ("GPUs", "EVs").

    English: irregulars from the table, "-y" after a consonant → "-ies",
    "-s/-x/-z/-ch/-sh" and a few "-o" ("tomatoes") take "es", else "s". French:
    irregulars from the table, invariable nouns and "-s/-x/-z" stay,
    "-eau/-au/-eu" take "x" (but "pneus"), "-ou" takes "s" (but "bijoux"), "-al" →
    "-aux" (but "festivals"), else "s"; in a compound the last word takes the
    plural ("co-fondateurs", "sous-marins", "start-ups"), but for a few
    complements that stay singular ("stations-service").
    """
    lower = noun.lower()
    irregular = _SINGULAR_IRREGULARS[language].get(lower)
    if irregular is not None:
        return irregular
    head, dash, rest = noun.partition("-")
    if language == FRENCH and dash and rest and not noun[0].isupper():
        if rest.lower() in _FRENCH_COMPLEMENTS:
            return plural(head, language) + dash + rest
        return head + dash + plural(rest, language)
    if not noun or " " in noun or lower in INVARIABLE_NOUNS[language] or \
            singular(noun, language) != noun:
        return noun
    if _ACRONYM.match(noun):
        return noun + "s" if language == ENGLISH else noun
    if noun[0].isupper() or not noun[-1].isalpha():
        return noun
    if language == ENGLISH:
        if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u"):
            return noun[:-1] + "ies"
        if lower.endswith(("s", "x", "z", "ch", "sh")) or lower in _ENGLISH_OES:
            return noun + "es"
        return noun + "s"
    if lower.endswith(("s", "x", "z")):
        return noun
    if lower.endswith(("au", "eu")) and lower not in _FRENCH_EU_PLURAL_S or \
            lower in _FRENCH_OU_PLURAL_X:
        return noun + "x"
    if lower.endswith("al") and lower not in _FRENCH_AL_PLURAL_S:
        return noun[:-2] + "aux"
    return noun + "s"


def token_end(phrase: str, count: int) -> int:
    """The offset in ``phrase`` just after its ``count``-th word."""
    for seen, token in enumerate(_WORD.finditer(phrase), start=1):
        if seen == count:
            return token.end()
    return len(phrase)


def is_counted_noun(word: str, language: str) -> bool:
    """True if ``word`` can be what a count counts: a plural noun ("personnes",
    "stations-service", "people") or an acronym ("GPU", "PME", "SUVs")."""
    lower = word.lower()
    if lower in IRREGULAR_PLURALS[language]:
        return True
    if _HEAD_ACRONYM.fullmatch(word):
        return word.rstrip("s") not in UNCOUNTED_ACRONYMS and word not in ISO_CODES
    if lower in NOT_COUNTED[language] or lower in MONTHS[language] or len(lower) < 3:
        return False
    if language == ENGLISH:
        return lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
    first = lower.split("-", 1)[0]
    return lower.endswith(("s", "x")) or ("-" in lower and len(first) > 2
                                          and first.endswith(("s", "x")))
