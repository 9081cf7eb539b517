"""The caption above each plot: what it counts, over which articles, by which rule.

Captions are rich text (a QLabel shows them, and a PNG export includes them),
so an exported image still says which attribution rule its money figures used.
"""

from __future__ import annotations

from html import escape

from db.aggregates import RULE_DESCRIPTIONS
from desktop.ui.plots.figures import RULE_NAMES, Figure

TITLES = {
    "entities": "Most mentioned entities",
    "money": "Money per entity",
    "timeline": "Mentions and amounts per month of article date",
    "labels": "Annotations per label",
}


def caption(shown: Figure, drawn: int | None = None) -> str:
    """The caption of ``shown``; ``drawn`` says how many of its bars fit on screen."""
    title = TITLES[shown.kind]
    if shown.kind == "money" and shown.currency:
        title = f"Money per entity in {escape(shown.currency)}"
    if shown.kind == "timeline" and shown.currency:
        title = f"Mentions, and amounts in {escape(shown.currency)}, per month of article date"
    parts = [f"<b>{title}</b>"]
    if shown.scope_text:
        parts.append(escape(shown.scope_text))
    if drawn is not None and not shown.empty and drawn < len(shown.bars):
        parts.append(f"top {drawn} of {len(shown.bars)} shown: make the panel taller to "
                     "see more")
    lines = [" · ".join(parts)]
    if shown.kind == "money" and shown.rule:
        lines.append(f"Attributed: <b>{RULE_NAMES[shown.rule]}</b> "
                     f"({escape(RULE_DESCRIPTIONS[shown.rule])}).")
        notes = []
        if any(bar.approx for bar in shown.bars):
            notes.append("≈ marks sums holding approximate amounts")
        if any(bar.ranges for bar in shown.bars):
            notes.append("the pale end of a bar reaches the high end of ranges")
        if notes:
            lines.append("; ".join(notes).capitalize() + ".")
    if shown.kind == "timeline" and not shown.empty and not shown.currencies:
        lines.append("No amounts with a currency are tagged here yet.")
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
