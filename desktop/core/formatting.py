"""How values are written for people (tooltips, the annotation panel)."""

from __future__ import annotations

import functools
from typing import TypeGuard


def format_number(value: float) -> str:
    """A compact, exact-enough rendering: 38000000000 → "3.8e10", 820 → "820"."""
    if value == int(value) and abs(value) < 1e7:
        return f"{int(value):,}".replace(",", "\u202f")
    mantissa, _, exponent = f"{value:.6g}".partition("e")
    if not exponent:
        return mantissa
    return f"{mantissa}e{int(exponent)}"


BOUND_SIGNS = {"min": "≥", "max": "≤"}
"""How a bound reads before its value: "plus de 1 400 milliards" is "≥ 1.4e12" (at least:
"des centaines de milliers" is ≥ 1e5 too)."""


def format_amount(value: float | None, high: float | None, unit: str | None,
                  approx: bool, bound: str | None = None,
                  noun_language: str | None = None) -> str:
    """E.g. "≈ 3.8e10 USD", "6e9–7e9 EUR", "≥ 1.4e12 USD", "" when there is no value.

    ``noun_language``: the language of the article the amount is in; a counted noun
    is then written in the plural after more than one ("≥ 5e7 profiles", see
    :func:`counted_unit`).
    """
    if value is None:
        return ""
    text = format_number(value)
    if high is not None and high != value:
        text = f"{text}–{format_number(high)}"
    if bound in BOUND_SIGNS:  # a bound says more than "about"
        text = f"{BOUND_SIGNS[bound]} {text}"
    elif approx:
        text = f"≈ {text}"
    if unit:
        text = f"{text} {counted_unit(unit, value, high, noun_language)}"
    return text


def counted_unit(unit: str, value: float, high: float | None,
                 noun_language: str | None) -> str:
    """``unit`` as it reads after ``value`` (to ``high``): a counted noun of an article
    in ``noun_language`` ("fr", "en") in the plural after more than one ("100 000
    processeurs", "50M profiles", "2 GPUs"); a unit of measure, a currency, a unit of
    time or a noun of another language as stored ("km", "USD", "barrels")."""
    if noun_language not in ("en", "fr") or not is_counted_noun(unit):
        return unit
    single = high is None or high == value
    if noun_language == "en":  # "1 profile", "1.5 profiles", "1–2 profiles"
        one = single and abs(value) == 1
    else:  # "1,5 salarié", "2 salariés"
        one = max(abs(value), abs(high if high is not None else value)) < 2
    if one:
        return unit
    from desktop.core.amount_numbers import plural

    return plural(unit, noun_language)


def is_counted_noun(unit: str | None) -> bool:
    """True for the unit of a count ("processeur", "GPU", "Airbus A320"): not a unit of
    measure, a currency (ISO 4217, or one the amount reader writes: "BTC"; in any case:
    "usd"), a percentage or a unit of time, nor empty."""
    return bool(unit) and unit not in _measure_units() and not _is_currency(unit) and \
        (unit or "").upper() not in _currency_codes()


@functools.cache
def _currency_codes() -> frozenset[str]:
    """Every currency code the amount reader writes, and those Babel knows."""
    from babel.numbers import list_currencies

    from desktop.core import amount_lexicon as lex

    written = {code for table in lex.CURRENCY_SUFFIXES.values() for code, _ in table}
    return frozenset({*list_currencies(), *lex.ISO_CODES, *written})


@functools.cache
def _measure_units() -> frozenset[str]:
    """The units a quantity, a percentage or a duration is stored in (not counted nouns)."""
    from desktop.core import amount_lexicon as lex

    return frozenset({name for name, _ in (*lex.UNITS, *lex.FRENCH_ONLY_UNITS)}
                     | {"%", "bp"} | TIME_UNITS)


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _is_currency(unit: str | None) -> TypeGuard[str]:
    """An ISO 4217 code Babel knows: "USD", not "GPU" (which would read "GPU100K")."""
    from babel.numbers import is_currency

    return unit is not None and len(unit) == 3 and unit.isupper() and is_currency(unit)


def scientific(value: float, locale: str = "en") -> str:
    """3.8e10 → "3.8 × 10¹⁰" (decimal mark of the locale); small values stay plain."""
    from babel.numbers import format_decimal

    if value == 0 or 1e-3 <= abs(value) < 1e6:
        return format_decimal(value, locale=locale)
    mantissa, _, exponent = f"{value:.4g}".partition("e")
    if not exponent:
        return format_decimal(value, locale=locale)
    return (f"{format_decimal(float(mantissa), locale=locale)} × 10"
            f"{str(int(exponent)).translate(_SUPERSCRIPT)}")


TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "quarter", "year",
                        "decade", "century"})
"""The units a duration is stored in (desktop.core.amount_lexicon.DURATIONS)."""


def describe_duration(value: float, high: float | None, unit: str, approx: bool,
                      locale: str = "en", bound: str | None = None) -> str:
    """A duration in the words of ``locale``: "7 ans", "2–3 months", "≈ 1 week".

    Args:
        unit: one of :data:`TIME_UNITS` (another is written as it is stored).
    """
    from babel.core import UnknownLocaleError
    from babel.numbers import format_decimal
    from babel.units import format_unit

    if high is not None and high < value:  # typed the wrong way round
        value, high = high, value
    last = high if high is not None and high != value else value
    try:  # the unit agrees with the last number: "1–2 ans", "1 an"
        text = format_unit(last, f"duration-{unit}", length="long", locale=locale)
        if last != value:
            text = f"{format_decimal(value, locale=locale)}–{text}"
    except (ValueError, LookupError, UnknownLocaleError):  # unknown to Babel: as stored
        text = format_amount(value, high, unit, False)
    if bound in BOUND_SIGNS:
        return f"{BOUND_SIGNS[bound]} {text}"
    return f"≈ {text}" if approx else text


def describe_amount(value: float | None, high: float | None, unit: str | None, approx: bool,
                    locale: str = "en", bound: str | None = None, exact: bool = True,
                    noun_language: str | None = None) -> str:
    """How a value reads for a person in ``locale``: "≈ 38 Md $US (3,8 × 10¹⁰ USD)";
    without the exact value in brackets when not ``exact`` ("≈ 38 Md $US", "≈ $38B").
    ``noun_language``: as for :func:`format_amount` ("≥ 100 k processeurs")."""
    from babel.numbers import format_compact_currency, format_compact_decimal

    if value is None:
        return ""
    if unit in TIME_UNITS:
        return describe_duration(value, high, unit, approx, locale, bound)
    if unit:
        unit = counted_unit(unit, value, high, noun_language)
    values = [value] if high is None or high == value else [value, high]
    try:
        if _is_currency(unit):
            short = "–".join(format_compact_currency(v, unit, locale=locale, fraction_digits=1)
                             for v in values)
        else:
            short = "–".join(format_compact_decimal(v, locale=locale, fraction_digits=1)
                             for v in values)
            if unit:
                short = f"{short}\u00a0{unit}" if unit != "%" else f"{short}\u00a0%"
    except (ValueError, LookupError):  # an unknown locale or currency: plain text
        short = format_amount(value, high, unit, False)
    written = "–".join(scientific(v, locale) for v in values)
    if bound in BOUND_SIGNS:
        text = f"{BOUND_SIGNS[bound]} {short}"
    else:
        text = f"≈ {short}" if approx else short
    if exact and abs(value) >= 1e6:
        text += f" ({written}{' ' + unit if unit else ''})"
    return text
