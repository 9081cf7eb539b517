"""Figures written for the user's locale (QLocale): exact in tooltips, compact on axes.

The compact suffixes (k, M, bn, tn) are the interface language's (k, M, Md, Bn
in French); digits, decimal marks and group separators follow the locale.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from desktop.core.i18n import counted
from desktop.ui.plots.figures import RULE_NAMES, UNDATED, Bar, Figure, month_date

# The scale words, in English (translated where written).
_SCALES = ((1e12, QT_TRANSLATE_NOOP("PlotNumbers", "tn")),
           (1e9, QT_TRANSLATE_NOOP("PlotNumbers", "bn")),
           (1e6, QT_TRANSLATE_NOOP("PlotNumbers", "M")),
           (1e3, QT_TRANSLATE_NOOP("PlotNumbers", "k")))


def _tr(text: str) -> str:
    """A text of this module (marked with its context) in the interface language."""
    return QCoreApplication.translate("PlotNumbers", text)


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
            return f"{locale.toString(value / scale, 'g', 3)} {_tr(word)}"
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
        return QCoreApplication.translate("Figures", UNDATED)
    day = month_date(month)
    return _locale().toString(QDate(day.year, day.month, day.day),
                              "MMM yyyy" if short else "MMMM yyyy")


def counting(count: int, one: str, many: str) -> str:
    """``"1 mention"``, ``"3 mentions"``: ``one`` or ``many`` (translated, holding
    ``{count}``) as the language says ``count``, the count written for the locale."""
    return counted(count, one, many).format(count=exact(count))


def money_line(bar: Bar, currency: str | None) -> str:
    """Exact figures of a sum: "≈ 43,000,000,000–45,000,000,000 USD (2 amounts, 1 range…)"."""
    if not bar.count:
        return (QCoreApplication.translate("PlotNumbers", "No amounts in {currency}").format(
            currency=currency) if currency
            else QCoreApplication.translate("PlotNumbers", "No amounts"))
    amount = exact(bar.value)
    if bar.high != bar.value:
        amount = f"{amount}–{exact(bar.high)}"
    if bar.approx:
        amount = f"≈ {amount}"
    details = [counting(bar.count,
                        QCoreApplication.translate("PlotNumbers", "{count} amount"),
                        QCoreApplication.translate("PlotNumbers", "{count} amounts"))]
    if bar.ranges:
        details.append(counting(bar.ranges,
                                QCoreApplication.translate("PlotNumbers", "{count} range"),
                                QCoreApplication.translate("PlotNumbers", "{count} ranges")))
    if bar.approx:
        details.append(QCoreApplication.translate("PlotNumbers", "{count} approximate (≈)")
                       .format(count=exact(bar.approx)))
    return f"{amount} {currency or ''} ({', '.join(details)})".replace("  ", " ")


def describe(shown: Figure, index: int, point: bool = False) -> str:
    """The exact figures of bar ``index`` (or of the timeline's money point), for a tooltip."""
    if shown.kind == "timeline":
        bar = shown.points[index] if point else shown.bars[index]
        title = month_name(bar.name)
        if point:
            currency = shown.currency or QCoreApplication.translate("PlotNumbers",
                                                                    "no currency")
            return f"{title} · {currency}\n" + money_line(bar, shown.currency)
        return f"{title}\n{_mentions(bar.count)}"
    bar = shown.bars[index]
    if shown.kind == "entities":
        return f"{bar.name} ({bar.group})\n{_mentions(bar.count)}"
    if shown.kind == "labels":
        kind = QCoreApplication.translate("PlotNumbers", "{kind} label").format(
            kind=QCoreApplication.translate("LabelKind", bar.group))
        return f"{bar.name} ({kind})\n" + counting(
            bar.count, QCoreApplication.translate("PlotNumbers", "{count} annotation"),
            QCoreApplication.translate("PlotNumbers", "{count} annotations"))
    rule = QCoreApplication.translate("Figures", RULE_NAMES.get(shown.rule or "", ""))
    return (f"{bar.name} ({bar.group}) · {shown.currency}\n"
            f"{money_line(bar, shown.currency)}\n"
            + QCoreApplication.translate("PlotNumbers", "Attributed: {rule}").format(rule=rule))


def _mentions(count: int) -> str:
    return counting(count, QCoreApplication.translate("PlotNumbers", "{count} mention"),
                    QCoreApplication.translate("PlotNumbers", "{count} mentions"))


# The kinds of labels, as the labels plot's tooltips name them.
_LABEL_KINDS = (QT_TRANSLATE_NOOP("LabelKind", "entity"),
                QT_TRANSLATE_NOOP("LabelKind", "amount"))
