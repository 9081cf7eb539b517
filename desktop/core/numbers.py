"""Reading a number a person typed, the way the amount reader reads the article.

The annotation panel's Value field and the amount recognizer must give the
same number for the same characters, or accepting a suggestion and typing its
text would store two different values. So :func:`parse_number` hands every
form the reader takes for one number to the reader's own code
(:func:`desktop.core.amount_numbers.digits_value` and
:func:`~desktop.core.amount_numbers.words_value`), and adds only forms that can
mean one thing whatever the language: an exponent, several grouping marks, a
space between thousands in English, both marks at once.
"""

from __future__ import annotations

import math
import re

from desktop.core.amount_lexicon import (
    BIG_SCALES,
    ENGLISH,
    FRENCH,
    ONE_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
)
from desktop.core.amount_numbers import digits_value, scale_value, words_value
from desktop.core.amount_patterns import patterns_for

__all__ = ["editable_number", "number_language", "parse_number"]

_GROUP_SPACE = "\u202f"  # narrow no-break space, as French typography groups digits
_SIGN = re.compile(r"([-+])\s*")
_DIGITS_THEN_SCALE = re.compile(r"(?P<number>\d\S*?)\s*(?P<scale>[^\W\d_]+)")
_EXPONENT = re.compile(r"(?P<mantissa>\d+(?:[.,]\d+)?)[eE](?P<exponent>[-+]?\d+)")
_LEADING_MARK = re.compile(r"[.,](\d+)")
_SPACE_GROUPS = re.compile(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?")
_BOTH_MARKS = {
    (".", ","): re.compile(r"\d{1,3}(?:\.\d{3})+,\d+"),
    (",", "."): re.compile(r"\d{1,3}(?:,\d{3})+\.\d+"),
}
_REPEATED_MARK = {mark: re.compile(rf"\d{{1,3}}(?:\{mark}\d{{3}}){{2,}}") for mark in ".,"}
_ENGLISH_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_WORD_SPLIT = re.compile(r"[\s-]+")


def number_language(language: str) -> str:
    """The convention numbers of an article in ``language`` follow: ``"fr"`` or ``"en"``.

    Anything but French reads as English, as the recognizer does when it
    cannot tell.
    """
    return FRENCH if language == FRENCH else ENGLISH


def parse_number(text: str, language: str) -> float | None:
    """The number ``text`` means in an article in ``language``; None if it is not one.

    The rule is the amount reader's (``desktop.core.amounts``):

    - French groups thousands with a space, U+00A0 or U+202F, or a point
      before exactly three digits, and writes a decimal comma: "1 400,5",
      "2.000" is 2000, "2,000" is 2.0, "2,5" is 2.5.
    - English groups thousands with a comma and writes a decimal point:
      "1,400.5", "2,000" is 2000, "2.000" is 2.0.
    - A scale word or abbreviation may follow, as the language reads it:
      "38 milliards" and "38 billion" are 3.8e10, French "2 billions" is
      2e12, "1.3bn" is 1.3e9. Numbers in words are read too ("trente-huit",
      "one hundred and twenty", "trois millions").

    Forms the reader does not look for in running text, but that can mean
    only one thing, are accepted as well: a leading sign ("-5", "− 5"),
    an exponent whose mantissa has a decimal point or comma ("3.8e10",
    "3,8e10", "1.5e3" is 1500 in both languages), spaces between thousands
    in English ("38 000 000 000"), a comma in English that cannot group
    thousands ("2,5" is 2.5), several grouping marks ("38,000,000,000" or
    "1.000.000" in either language), and both marks at once, the last one
    being the decimal mark ("1.234,5", "1,234.5").

    Args:
        text: what was typed; spaces around it are ignored.
        language: the article's language; see :func:`number_language`.

    Returns:
        The value, or None when ``text`` is blank, is not a number ("abc",
        "38 USD", "1,5,6") or is not finite ("1e999", "nan").
    """
    lang = number_language(language)
    compact = " ".join(text.replace("\u2212", "-").split())
    negative = False
    sign = _SIGN.match(compact)
    if sign is not None:
        negative = sign.group(1) == "-"
        compact = compact[sign.end():]
    if not compact:
        return None
    if compact[0].isdigit() or compact[0] in ".,":
        value = _digits_and_scale(compact, lang)
    else:
        value = _words(compact, lang)
    if value is None or not math.isfinite(value):
        return None
    return -value if negative else value


def editable_number(value: float, language: str) -> str:
    """``value`` written exactly enough to edit, and to read back by :func:`parse_number`.

    Every digit is shown, thousands apart by U+202F ("38 000 000 000"), with
    the language's decimal mark ("12,9" in French, "12.9" in English); very
    large or small values take an exponent ("1e+20", "1,2e-05").
    """
    written = f"{value:,.12g}"
    if number_language(language) == FRENCH:
        return written.replace(",", _GROUP_SPACE).replace(".", ",")
    return written.replace(",", _GROUP_SPACE)


def _digits_and_scale(text: str, lang: str) -> float | None:
    """Digits, perhaps followed by a scale ("2,5 millions", "1.3bn")."""
    factor = 1.0
    scaled = _DIGITS_THEN_SCALE.fullmatch(text)
    if scaled is not None:
        word = scaled.group("scale")
        found = scale_value(word, lang) if word.lower() in SCALE_WORDS[lang] else (
            SCALE_ABBREVIATIONS.get(word))
        if found is None:
            return None
        text, factor = scaled.group("number"), found
    value = _digits(text, lang)
    return None if value is None else value * factor


def _digits(text: str, lang: str) -> float | None:
    """A number in digits: the reader's reading when it reads one, else an unambiguous one."""
    if patterns_for(lang).digits.fullmatch(text):
        return digits_value(text, lang)
    exponent = _EXPONENT.fullmatch(text)
    if exponent is not None:
        return float(f"{exponent['mantissa'].replace(',', '.')}e{exponent['exponent']}")
    if leading := _LEADING_MARK.fullmatch(text):
        return float(f"0.{leading.group(1)}")
    if _SPACE_GROUPS.fullmatch(text):
        return float(text.replace(" ", "").replace(",", "."))
    for (group, decimal), pattern in _BOTH_MARKS.items():
        if pattern.fullmatch(text):
            return float(text.replace(group, "").replace(decimal, "."))
    for mark, pattern in _REPEATED_MARK.items():
        if pattern.fullmatch(text):
            return float(text.replace(mark, ""))
    if lang == ENGLISH and _ENGLISH_DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    return None


def _words(text: str, lang: str) -> float | None:
    """A number in words, every word read ("trente-huit milliards", "a million")."""
    words = [w for w in _WORD_SPLIT.split(text.lower()) if w]
    last = words[-1]
    if len(words) == 2 and words[0] in ONE_WORDS[lang] and last in SCALE_WORDS[lang]:
        return scale_value(last, lang)
    read = words_value(text, lang)
    if read is None:
        return None
    value, count = read
    if count == len(words):
        return value
    if count == len(words) - 1 and last in BIG_SCALES:
        factor = scale_value(last, lang)
        return None if factor is None else value * factor
    return None
