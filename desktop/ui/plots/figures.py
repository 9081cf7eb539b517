"""What each plot shows, computed from :mod:`db.aggregates`; no Qt, no pyqtgraph.

A plot is drawn in two steps. :func:`fetch` runs the SQL for one plot over
one scope (it may run on a worker thread: it touches no widget), and
:func:`figure` turns what was fetched into the bars and points to draw for
the chosen currency (pure and quick, so switching currency needs no query).
:func:`resolve` finds the articles and the first annotation behind a bar,
for the library filter and for opening the text.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from db.aggregates import (
    EntityMentions,
    LabelCount,
    MoneyResult,
    MonthRow,
    Rule,
    Scope,
    articles_behind,
    label_distribution,
    mentions_behind,
    mentions_per_entity,
    money_per_entity,
    per_month,
)
from db.annotations import get_annotation, label_by_name
from db.records import ENTITY
from desktop.core.exporters import csv_text
from desktop.core.i18n import QT_TRANSLATE_NOOP

PlotKind = Literal["entities", "money", "timeline", "labels"]
PLOT_KINDS: tuple[PlotKind, ...] = ("entities", "money", "timeline", "labels")
# The texts below are in English; the dock shows them translated (context "Figures").
RULE_NAMES: dict[str, str] = {"relation": QT_TRANSLATE_NOOP("Figures", "Linked by relations"),
                              "sentence": QT_TRANSLATE_NOOP("Figures", "Same sentence")}
FETCH_LIMIT = 30
"""Bars fetched for the entity plots; the view shows as many as fit."""
UNDATED = QT_TRANSLATE_NOOP("Figures", "Undated")
MONEY_COLOR = "#e15759"
"""The money line's colour when no MONEY label is found."""

NO_ENTITIES = QT_TRANSLATE_NOOP(
    "Figures", "Tag entities to see who is mentioned most: select a name in the reader "
               "and press its label key (1 for ORG, 2 for PERSON…).")
UNLINKED_ENTITIES = QT_TRANSLATE_NOOP(
    "Figures", "Link your entity tags to entities to see who is mentioned most: select a tag "
               "in the Annotations panel and type a name in its Entity box.")
NO_MONEY = QT_TRANSLATE_NOOP(
    "Figures", "Tag some amounts to see them here: tag a sum as MONEY and give it a value "
               "and a currency (e.g. 38e9 USD).")
NO_RELATIONS = "No amount here is linked to an entity by a relation."  # how the next two begin
NO_RELATIONS_SENTENCE = QT_TRANSLATE_NOOP(
    "Figures", "No amount here is linked to an entity by a relation. Amounts are named in "
               "the same sentence as entities: count them by that rule instead.")
NO_RELATIONS_AT_ALL = QT_TRANSLATE_NOOP(
    "Figures", "No amount here is linked to an entity by a relation. Link amounts to the "
               "entities they belong to, or tag the entities named next to them.")
NO_SENTENCES = QT_TRANSLATE_NOOP(
    "Figures", "No entity is named in the same sentence as an amount here. Tag the "
               "entities next to your amounts.")
NO_TIMELINE = QT_TRANSLATE_NOOP("Figures", "Tag entities or amounts to see them month by month.")
NO_LABELS = QT_TRANSLATE_NOOP(
    "Figures", "Tag some text to see how often each label is used: select it in the reader "
               "and press a label key (1–9).")


@dataclass(frozen=True)
class Behind:
    """Which annotations a bar or point stands for (see :func:`db.aggregates.mentions_behind`)."""

    entity_id: int | None = None
    label_id: int | None = None
    month: str | None = None
    undated: bool = False
    currency: str | None = None
    rule: Rule | None = None


@dataclass(frozen=True)
class Bar:
    """One bar (or timeline point) and the figures its tooltip tells.

    Attributes:
        name: what the axis shows (entity, label or ``"YYYY-MM"`` / ``"Undated"``).
        value: the bar's length; the low end of a sum holding ranges.
        color: ``#rrggbb``, the colour of the label.
        behind: the annotations it counts.
        high: the sum with each range at its high end (equals ``value``
            without ranges).
        count: mentions, annotations or amounts counted.
        approx: how many of the amounts are approximate.
        ranges: how many of the amounts are ranges.
        group: the entity's label, or the label's kind.
    """

    name: str
    value: float
    color: str
    behind: Behind
    high: float = 0.0
    count: int = 0
    approx: int = 0
    ranges: int = 0
    group: str = ""

    @property
    def top(self) -> float:
        """Where the bar ends, its high end included."""
        return max(self.value, self.high)


@dataclass(frozen=True)
class Fetched:
    """The rows of one plot over one scope, as the aggregates returned them.

    Attributes:
        kind: the plot.
        scope: the articles counted.
        scope_text: how the scope is named in captions ("3 selected articles").
        rule: the attribution rule of the money plot.
        entities: the most mentioned entities (``"entities"``).
        money: the money per entity, every currency (``"money"``).
        months: mentions and money per month, every currency (``"timeline"``).
        labels: annotations per label (``"labels"``).
        empty: what to do, when there is nothing to show.
        offer_sentence: the relation rule found nothing but the sentence rule would.
        money_color: the colour of the MONEY label, for the timeline's money line.
    """

    kind: PlotKind
    scope: Scope
    scope_text: str = ""
    rule: Rule = "relation"
    entities: list[EntityMentions] = field(default_factory=list)
    money: MoneyResult | None = None
    months: list[MonthRow] = field(default_factory=list)
    labels: list[LabelCount] = field(default_factory=list)
    empty: str = ""
    offer_sentence: bool = False
    money_color: str = MONEY_COLOR


@dataclass(frozen=True)
class Figure:
    """What one plot draws.

    Attributes:
        kind: the plot.
        bars: top to bottom (entities, money, labels) or left to right (months).
        points: the timeline's money in ``currency``, one per month of ``bars``.
        currencies: the currencies present, for the currency selector.
        currency: the currency shown (money and timeline), if any.
        rule: the attribution rule of the money plot, None for the others.
        scope_text: how the scope is named in captions.
        empty: what to do, when there is nothing to show ("" otherwise).
        offer_sentence: offer to count money by the same-sentence rule instead.
        money_color: the colour of the timeline's money line.
    """

    kind: PlotKind
    bars: tuple[Bar, ...] = ()
    points: tuple[Bar, ...] = ()
    currencies: tuple[str, ...] = ()
    currency: str | None = None
    rule: Rule | None = None
    scope_text: str = ""
    empty: str = ""
    offer_sentence: bool = False
    money_color: str = MONEY_COLOR


@dataclass(frozen=True)
class Target:
    """What a click on a bar leads to.

    Attributes:
        article_ids: the articles behind the bar, by date.
        label_id: the label to filter the annotation panel by, if any.
        entity_id: the entity to filter the annotation panel by, if any.
        first: ``(article id, annotation id)`` of the first annotation behind
            the bar, where a double-click opens the text; None if there is none.
    """

    article_ids: list[int]
    label_id: int | None
    entity_id: int | None
    first: tuple[int, int] | None


def fetch(kind: PlotKind, scope: Scope, rule: Rule = "relation", scope_text: str = "",
          limit: int = FETCH_LIMIT) -> Fetched:
    """Runs the aggregates of plot ``kind`` over ``scope`` (safe on a worker thread)."""
    if kind == "entities":
        entities = mentions_per_entity(scope, limit=limit)
        empty = ""
        if not entities:
            tagged = any(row.kind == ENTITY for row in label_distribution(scope))
            empty = UNLINKED_ENTITIES if tagged else NO_ENTITIES
        return Fetched(kind, scope, scope_text, rule, entities=entities, empty=empty)
    if kind == "money":
        money = money_per_entity(scope, rule, limit=limit)
        empty, offer = "", False
        if not money.rows:
            empty, offer = _why_no_money(scope, rule)
        return Fetched(kind, scope, scope_text, rule, money=money, empty=empty,
                       offer_sentence=offer)
    if kind == "timeline":
        months = per_month(scope)
        money_label = label_by_name("MONEY")
        return Fetched(kind, scope, scope_text, rule, months=months,
                       empty="" if months else NO_TIMELINE,
                       money_color=money_label.color if money_label else MONEY_COLOR)
    if kind == "labels":
        labels = label_distribution(scope)
        return Fetched(kind, scope, scope_text, rule, labels=labels,
                       empty="" if labels else NO_LABELS)
    raise ValueError(f"Unknown plot {kind!r}.")


def _why_no_money(scope: Scope, rule: Rule) -> tuple[str, bool]:
    """The empty-state text of the money plot, and whether to offer the sentence rule."""
    if not mentions_behind(scope, rule=rule, limit=1):
        return NO_MONEY, False
    if rule == "sentence":
        return NO_SENTENCES, False
    by_sentence = money_per_entity(scope, "sentence", limit=1).rows
    if by_sentence:
        return NO_RELATIONS_SENTENCE, True
    return NO_RELATIONS_AT_ALL, False


def figure(fetched: Fetched, currency: str | None = None) -> Figure:
    """The bars to draw from ``fetched``, in ``currency`` (the first present if None or absent)."""
    kind = fetched.kind
    base = Figure(kind, scope_text=fetched.scope_text, empty=fetched.empty,
                  offer_sentence=fetched.offer_sentence, money_color=fetched.money_color,
                  rule=fetched.rule if kind == "money" else None)
    if kind == "entities":
        bars = tuple(Bar(row.entity, float(row.mentions), row.color,
                         Behind(entity_id=row.entity_id), float(row.mentions), row.mentions,
                         group=row.label) for row in fetched.entities)
        return replace(base, bars=bars)
    if kind == "labels":
        bars = tuple(Bar(row.label, float(row.count), row.color, Behind(label_id=row.label_id),
                         float(row.count), row.count, group=row.kind)
                     for row in fetched.labels)
        return replace(base, bars=bars)
    if kind == "money":
        rows = fetched.money.rows if fetched.money else []
        currencies = tuple(sorted({row.currency for row in rows}))
        chosen = _choose(currency, currencies)
        bars = tuple(
            Bar(row.entity, row.money.total, row.color,
                Behind(entity_id=row.entity_id, currency=row.currency, rule=fetched.rule),
                row.money.high, row.money.amounts, row.money.approx, row.money.ranges,
                group=row.label)
            for row in rows if row.currency == chosen)
        return replace(base, bars=bars, currencies=currencies, currency=chosen)
    return _timeline(fetched, base, currency)


def _timeline(fetched: Fetched, base: Figure, currency: str | None) -> Figure:
    """Months from the first to the last, gaps filled with zeros, undated last."""
    rows = {row.month: row for row in fetched.months}
    currencies = tuple(sorted({m.currency for row in fetched.months for m in row.money}))
    chosen = _choose(currency, currencies)
    dated = sorted(month for month in rows if month is not None)
    months: list[str | None] = list(_month_span(dated[0], dated[-1])) if dated else []
    if None in rows:
        months.append(None)
    bars, points = [], []
    for month in months:
        row = rows.get(month)
        name = month or UNDATED
        behind = Behind(month=month, undated=month is None)
        mentions = row.mentions if row else 0
        bars.append(Bar(name, float(mentions), "", behind, float(mentions), mentions))
        money = row.money_in(chosen) if row and chosen else None
        money_behind = Behind(month=month, undated=month is None, currency=chosen)
        if money is None:
            points.append(Bar(name, 0.0, "", money_behind))
        else:
            points.append(Bar(name, money.total, "", money_behind, money.high, money.amounts,
                              money.approx, money.ranges))
    return replace(base, bars=tuple(bars), points=tuple(points), currencies=currencies,
                    currency=chosen)


def _month_span(first: str, last: str) -> list[str]:
    """Every ``"YYYY-MM"`` from ``first`` to ``last``, both included."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _choose(currency: str | None, present: Sequence[str]) -> str | None:
    if currency in present:
        return currency
    return present[0] if present else None


def resolve(scope: Scope, bar: Bar) -> Target:
    """The articles and first annotation behind ``bar`` (safe on a worker thread)."""
    behind = bar.behind
    arguments = dict(entity_id=behind.entity_id, label_id=behind.label_id,
                     month=behind.month, currency=behind.currency, rule=behind.rule,
                     undated=behind.undated)
    money = behind.currency is not None or behind.rule is not None
    article_ids = articles_behind(scope, **arguments)  # type: ignore[arg-type]
    first_rows = mentions_behind(scope, limit=1, **arguments)  # type: ignore[arg-type]
    first = (first_rows[0][1], first_rows[0][0]) if first_rows else None
    label_id, entity_id = behind.label_id, behind.entity_id
    if money:
        # The panel can't filter by currency or rule: show the amounts' label, so
        # the annotation a double-click opens is listed.
        record = get_annotation(first[1]) if first else None
        label_id, entity_id = (record.label_id if record else None), None
    return Target(article_ids, label_id, entity_id, first)


# --- CSV ------------------------------------------------------------------------

def csv_rows(shown: Figure, bars: int | None = None) -> list[list[object]]:
    """The rows of ``shown`` as a CSV writes them, header first.

    Args:
        shown: the figure on screen.
        bars: how many of its bars are on screen (all if None).
    """
    kept = shown.bars if bars is None else shown.bars[:bars]
    if shown.kind == "entities":
        return [["entity", "label", "mentions"],
                *([csv_text(b.name), csv_text(b.group), b.count] for b in kept)]
    if shown.kind == "labels":
        return [["label", "kind", "annotations"],
                *([csv_text(b.name), csv_text(b.group), b.count] for b in kept)]
    if shown.kind == "money":
        rule = RULE_NAMES.get(shown.rule or "", "")
        return [["entity", "label", "currency", "total", "high", "amounts", "approximate",
                 "ranges", "rule"],
                *([csv_text(b.name), csv_text(b.group), shown.currency, _number(b.value),
                   _number(b.high),
                   b.count, b.approx, b.ranges, rule] for b in kept)]
    header = ["month", "mentions", "currency", "total", "high", "amounts", "approximate",
              "ranges"]
    rows: list[list[object]] = [header]
    for bar, point in zip(kept, shown.points, strict=False):
        rows.append([bar.name, bar.count, shown.currency or "", _number(point.value),
                     _number(point.high), point.count, point.approx, point.ranges])
    return rows


def write_csv(path: str | Path, rows: list[list[object]]) -> None:
    """Writes ``rows`` as UTF-8 CSV (with a BOM, so spreadsheet programs read the accents)."""
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows(rows)


def _number(value: float) -> str:
    """Every digit, no exponent: ``38000000000`` rather than ``3.8e10``."""
    if value == int(value):
        return str(int(value))
    return repr(value)


def month_date(month: str) -> dt.date:
    """The first day of ``"YYYY-MM"``."""
    return dt.date(int(month[:4]), int(month[5:7]), 1)
