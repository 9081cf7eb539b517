"""How values are written for people (tooltips, the annotation panel)."""

from __future__ import annotations

from typing import TypeGuard


def format_number(value: float) -> str:
    """A compact, exact-enough rendering: 38000000000 → "3.8e10", 820 → "820"."""
    if value == int(value) and abs(value) < 1e7:
        return f"{int(value):,}".replace(",", "\u202f")
    mantissa, _, exponent = f"{value:.6g}".partition("e")
    if not exponent:
        return mantissa
    return f"{mantissa}e{int(exponent)}"


BOUND_SIGNS = {"min": ">", "max": "<"}
"""How a bound reads before its value: "plus de 1 400 milliards" is "> 1.4e12"."""


def format_amount(value: float | None, high: float | None, unit: str | None,
                  approx: bool, bound: str | None = None) -> str:
    """E.g. "≈ 3.8e10 USD", "6e9–7e9 EUR", "> 1.4e12 USD", "" when there is no value."""
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
        text = f"{text} {unit}"
    return text


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _is_currency(unit: str | None) -> TypeGuard[str]:
    return unit is not None and len(unit) == 3 and unit.isalpha() and unit.isupper()


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


def describe_amount(value: float | None, high: float | None, unit: str | None, approx: bool,
                    locale: str = "en", bound: str | None = None, exact: bool = True) -> str:
    """How a value reads for a person in ``locale``: "≈ 38 Md $US (3,8 × 10¹⁰ USD)";
    without the exact value in brackets when not ``exact`` ("≈ 38 Md $US", "≈ $38B")."""
    from babel.numbers import format_compact_currency, format_compact_decimal

    if value is None:
        return ""
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
