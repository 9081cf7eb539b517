"""Figures written for the user's locale (QLocale): exact in tooltips, compact on axes.

The compact suffixes (k, M, bn, tn) are English, like the rest of the interface;
digits, decimal marks and group separators follow the locale.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale

from desktop.ui.plots.figures import RULE_NAMES, UNDATED, Bar, Figure, month_date

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k"))


def _locale() -> QLocale:
    """The user's locale, always grouping digits (the C locale does not, by default)."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions()
                            & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale


def exact(value: float) -> str:
    """Every digit, grouped as the locale does: 38000000000 → "38,000,000,000"."""
    locale = _locale()
    whole = round(value)
    if abs(value - whole) < 0.005 and abs(whole) < 2**62:  # sums of floats: 66099999999.99999
        return locale.toString(int(whole))
    return locale.toString(value, "f", 2)


def compact(value: float) -> str:
    """Three significant digits and a scale word: 38000000000 → "38 bn", 1250 → "1.25 k"."""
    locale = _locale()
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{locale.toString(value / scale, 'g', 3)} {word}"
    if value == int(value):
        return locale.toString(int(value))
    return locale.toString(value, "g", 3)


def compact_range(low: float, high: float) -> str:
    """``"43–45 bn"``; the scale word once when both ends share it."""
    if high == low:
        return compact(low)
    first, second = compact(low), compact(high)
    first_number, _, first_word = first.partition(" ")
    second_number, _, second_word = second.partition(" ")
    if first_word == second_word:
        return f"{first_number}–{second_number}{' ' + first_word if first_word else ''}"
    return f"{first}–{second}"


def bar_text(bar: Bar, money: bool) -> str:
    """The figure written at the end of a bar: "3", "≈ 43–45 bn"."""
    if not money:
        return exact(bar.value)
    text = compact_range(bar.value, bar.high)
    return f"≈ {text}" if bar.approx else text


def month_name(month: str, short: bool = False) -> str:
    """``"2025-01"`` as "January 2025" (or "Jan 2025"), in the locale's words."""
    if month == UNDATED:
        return UNDATED
    day = month_date(month)
    return _locale().toString(QDate(day.year, day.month, day.day),
                              "MMM yyyy" if short else "MMMM yyyy")


def plural(count: int, noun: str) -> str:
    """``"1 mention"``, ``"3 mentions"``, the count written for the locale."""
    return f"{exact(count)} {noun}{'' if count == 1 else 's'}"


def money_line(bar: Bar, currency: str | None) -> str:
    """Exact figures of a sum: "≈ 43,000,000,000–45,000,000,000 USD (2 amounts, 1 range…)"."""
    if not bar.count:
        return f"No amounts in {currency}" if currency else "No amounts"
    amount = exact(bar.value)
    if bar.high != bar.value:
        amount = f"{amount}–{exact(bar.high)}"
    if bar.approx:
        amount = f"≈ {amount}"
    details = [plural(bar.count, "amount")]
    if bar.ranges:
        details.append(plural(bar.ranges, "range"))
    if bar.approx:
        details.append(f"{exact(bar.approx)} approximate (≈)")
    return f"{amount} {currency or ''} ({', '.join(details)})".replace("  ", " ")


def describe(shown: Figure, index: int, point: bool = False) -> str:
    """The exact figures of bar ``index`` (or of the timeline's money point), for a tooltip."""
    if shown.kind == "timeline":
        bar = shown.points[index] if point else shown.bars[index]
        title = month_name(bar.name)
        if point:
            return f"{title} · {shown.currency or 'no currency'}\n" + money_line(
                bar, shown.currency)
        return f"{title}\n{plural(bar.count, 'mention')}"
    bar = shown.bars[index]
    if shown.kind == "entities":
        return f"{bar.name} ({bar.group})\n{plural(bar.count, 'mention')}"
    if shown.kind == "labels":
        return f"{bar.name} ({bar.group} label)\n{plural(bar.count, 'annotation')}"
    rule = RULE_NAMES.get(shown.rule or "", "")
    return (f"{bar.name} ({bar.group}) · {shown.currency}\n"
            f"{money_line(bar, shown.currency)}\nAttributed: {rule}")
