"""How values are written for people (tooltips, the annotation panel)."""

from __future__ import annotations


def format_number(value: float) -> str:
    """A compact, exact-enough rendering: 38000000000 → "3.8e10", 820 → "820"."""
    if value == int(value) and abs(value) < 1e7:
        return f"{int(value):,}".replace(",", "\u202f")
    mantissa, _, exponent = f"{value:.6g}".partition("e")
    if not exponent:
        return mantissa
    return f"{mantissa}e{int(exponent)}"


def format_amount(value: float | None, high: float | None, unit: str | None,
                  approx: bool) -> str:
    """E.g. "≈ 3.8e10 USD", "6e9–7e9 EUR", "" when there is no value."""
    if value is None:
        return ""
    text = format_number(value)
    if high is not None and high != value:
        text = f"{text}–{format_number(high)}"
    if approx:
        text = f"≈ {text}"
    if unit:
        text = f"{text} {unit}"
    return text
