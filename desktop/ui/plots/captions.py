"""The caption above each plot: what it counts, over which articles, by which rule.

Captions are rich text (a QLabel shows them, and a PNG export includes them),
so an exported image still says which attribution rule its money figures used.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.ui.plots.figures import RULE_NAMES, Figure

# In English; captions are written translated (context "Captions").
TITLES = {
    "entities": QT_TRANSLATE_NOOP("Captions", "Most mentioned entities"),
    "money": QT_TRANSLATE_NOOP("Captions", "Money per entity"),
    "timeline": QT_TRANSLATE_NOOP("Captions", "Mentions and amounts per month of article date"),
    "labels": QT_TRANSLATE_NOOP("Captions", "Annotations per label"),
}
# What each attribution rule means (db.aggregates.RULE_DESCRIPTIONS says it to the CLI).
RULE_DESCRIPTIONS = {
    "relation": QT_TRANSLATE_NOOP("Captions", "an amount counts for an entity when a relation "
                                              "links it to a mention of the entity"),
    "sentence": QT_TRANSLATE_NOOP("Captions", "an amount counts for an entity when the entity "
                                              "is mentioned in the same sentence"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Captions", text)


def caption(shown: Figure, drawn: int | None = None) -> str:
    """The caption of ``shown``; ``drawn`` says how many of its bars fit on screen."""
    title = escape(_tr(TITLES[shown.kind]))
    if shown.kind == "money" and shown.currency:
        title = escape(QCoreApplication.translate("Captions", "Money per entity in {currency}")
                       .format(currency=shown.currency))
    if shown.kind == "timeline" and shown.currency:
        title = escape(QCoreApplication.translate(
            "Captions", "Mentions, and amounts in {currency}, per month of article date")
            .format(currency=shown.currency))
    parts = [f"<b>{title}</b>"]
    if shown.scope_text:
        parts.append(escape(shown.scope_text))
    if drawn is not None and not shown.empty and drawn < len(shown.bars):
        parts.append(escape(QCoreApplication.translate(
            "Captions", "top {drawn} of {count} shown: make the panel taller to see more")
            .format(drawn=drawn, count=len(shown.bars))))
    lines = [" · ".join(parts)]
    if shown.kind == "money" and shown.rule:
        rule = escape(QCoreApplication.translate("Figures", RULE_NAMES[shown.rule]))
        lines.append(QCoreApplication.translate("Captions", "Attributed: {rule} ({meaning}).")
                     .format(rule=f"<b>{rule}</b>",
                             meaning=escape(_tr(RULE_DESCRIPTIONS[shown.rule]))))
        notes = []
        if any(bar.approx for bar in shown.bars):
            notes.append(QCoreApplication.translate(
                "Captions", "≈ marks sums holding approximate amounts"))
        if any(bar.ranges for bar in shown.bars):
            notes.append(QCoreApplication.translate(
                "Captions", "the pale end of a bar reaches the high end of ranges"))
        if notes:
            lines.append(escape("; ".join(notes).capitalize() + "."))
    if shown.kind == "timeline" and not shown.empty and not shown.currencies:
        lines.append(escape(QCoreApplication.translate(
            "Captions", "No amounts with a currency are tagged here yet.")))
    if shown.kind in ("entities", "money") and not shown.empty:
        lines.append(legend(shown))
    return "<br>".join(line for line in lines if line)


def legend(shown: Figure) -> str:
    """A coloured square and the name of each label among the bars, in bar order."""
    seen: dict[str, str] = {}
    for bar in shown.bars:
        seen.setdefault(bar.group, bar.color)
    return "&nbsp;&nbsp;".join(
        f"<span style='color:{escape(color)}'>■</span>&nbsp;{escape(group)}"
        for group, color in seen.items() if group)
