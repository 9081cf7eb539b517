"""Deals, as the annotations say them: an amount of money, its parties, a duration, a date.

A deal is not stored by itself: it is read from what is tagged. Each money
amount (accepted, with a value and a currency, as the plots count money)
that "deal" relations link to mentions of entities is one :class:`Deal`:

- its **parties** are the entities of those mentions (a set: two mentions of
  AWS are one party);
- its **duration** is a ``DURATION`` amount of the same article linked to
  exactly the same parties, or else one in the same sentence as the money;
  of several, the nearest to the money;
- its **date** is its article's published date;
- its **source** is where the amount is: (article id, start, end).

The reading is two SQL statements for the whole corpus
(:func:`db.deal_reads.deal_rows`), never one per deal.

The same deal reported twice (a French and an English article on the
OpenAI–AWS contract) is two :class:`Deal` s; :func:`group_deals` proposes
them as one :class:`DealGroup`: same parties, same currency, values within
5 % (a range by both of its ends), dates within 31 days (an undated report
matches any date). Whether a group is right is for the user to say
(:mod:`desktop.core.deal_operations`), and what they said wins over the rule:
reports confirmed as one deal are one group whatever their values (and count
once in the money figures: :attr:`DealGroup.confirmed`); a report set apart
is a deal of its own, never proposed with another (:attr:`Deal.separate`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, NamedTuple, Protocol, TypeVar

from db.deal_reads import AmountRow, deal_rows
from db.names import name_order
from desktop.core.comparison import close

TOLERANCE = 0.05
"""How far apart (relative to the larger) two reports' values may be in one group."""

DAYS = 31
"""How many days apart two reports' dates may be in one group."""

_Candidate = TypeVar("_Candidate", bound="Placed")


class Source(NamedTuple):
    """Where an amount is: its article and its code-point range there."""

    article_id: int
    start: int
    end: int


@dataclass(frozen=True)
class Duration:
    """How long a deal runs, as one ``DURATION`` annotation says it.

    Attributes:
        annotation_id: the annotation.
        value: the number of units (the low end of a range).
        value_high: the high end of a range, else None.
        unit: the unit of time ("year", "month"…), if known.
        approx: whether it is approximate.
    """

    annotation_id: int
    value: float | None
    value_high: float | None
    unit: str | None
    approx: bool


@dataclass(frozen=True)
class Deal:
    """One money amount and the parties it is linked to.

    Attributes:
        amount_id: the money annotation.
        parties: the entity ids of its parties.
        party_names: their names, sorted.
        value: the amount (the low end of a range).
        value_high: the high end of a range, else None.
        unit: its currency (ISO 4217).
        approx: whether it is approximate.
        bound: ``"min"`` (at least), ``"max"`` (at most) or None.
        duration: how long it runs, if an annotation says it.
        date: its article's published date, if known.
        sources: where it is said (one source: this amount).
        kept_id: the amount this one reports again, when the user confirmed
            they are one deal (this one is then not counted); its own id
            when the user set it apart (:attr:`separate`); else None.
    """

    amount_id: int
    parties: frozenset[int]
    party_names: tuple[str, ...]
    value: float
    value_high: float | None
    unit: str
    approx: bool
    bound: str | None
    duration: Duration | None
    date: dt.date | None
    sources: tuple[Source, ...]
    kept_id: int | None = None

    @property
    def low(self) -> float:
        return self.value

    @property
    def high(self) -> float:
        """The high end: the value itself unless it is a range."""
        return self.value if self.value_high is None else self.value_high

    @property
    def separate(self) -> bool:
        """True if the user said this report is a deal of its own: it is counted, and
        :func:`group_deals` never proposes it with another report."""
        return self.kept_id == self.amount_id


def list_deals(article_ids: Sequence[int] | None = None) -> list[Deal]:
    """The deals of these articles (all if None), by article and position.

    Args:
        article_ids: the articles to read, or None for the whole corpus.
    """
    rows = deal_rows(article_ids)
    durations = _by_article(rows.durations)
    deals = []
    for money in rows.money:
        if money.value is None or money.unit is None:
            continue  # the statement reads only money with both; this keeps mypy sure
        deals.append(Deal(
            amount_id=money.id, parties=money.parties,
            party_names=tuple(sorted((rows.entity_names.get(e, "?") for e in money.parties),
                                     key=name_order)),
            value=money.value, value_high=money.value_high, unit=money.unit,
            approx=money.approx, bound=money.bound,
            duration=_duration(money, durations.get(money.article_id)),
            date=rows.published.get(money.article_id),
            sources=(Source(money.article_id, money.start, money.end),),
            kept_id=money.kept_id))
    return deals


def deal_durations(article_ids: Sequence[int] | None = None) -> dict[int, Duration | None]:
    """The duration of each deal of these articles (all if None), by its money amount's id.

    What :func:`list_deals` gives as each deal's ``duration``, without
    putting the deals together: a JSON Lines export needs only this.
    """
    rows = deal_rows(article_ids)
    durations = _by_article(rows.durations)
    return {money.id: _duration(money, durations.get(money.article_id))
            for money in rows.money if money.value is not None and money.unit is not None}


def _by_article(rows: list[AmountRow]) -> dict[int, DurationFinder[AmountRow]]:
    found: dict[int, list[AmountRow]] = {}
    for row in rows:
        found.setdefault(row.article_id, []).append(row)
    return {article_id: DurationFinder(durations) for article_id, durations in found.items()}


def _duration(money: AmountRow, durations: DurationFinder[AmountRow] | None) -> Duration | None:
    """The duration that goes with ``money``, if any (see :class:`DurationFinder`)."""
    best = None if durations is None else durations.nearest(money)
    if best is None:
        return None
    return Duration(best.id, best.value, best.value_high, best.unit, best.approx)


class Placed(Protocol):
    """An amount as the duration rule sees it: where it is and what it is linked to."""

    @property
    def id(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def sentence(self) -> int | None: ...
    @property
    def parties(self) -> frozenset[int]: ...


class DurationFinder(Generic[_Candidate]):
    """Finds a deal's duration among the durations of its article.

    The rule: a duration linked to exactly the same parties wins over one
    in the same sentence; among equals, the nearest to the money, then the
    first (by start, then id). The durations are indexed by parties and by
    sentence once per article, not searched once per deal. The JSON Lines
    export applies this rule to what it reads itself (:mod:`desktop.core.exporters`).
    """

    def __init__(self, durations: Iterable[_Candidate]) -> None:
        self._by_parties: dict[frozenset[int], list[_Candidate]] = {}
        self._by_sentence: dict[int, list[_Candidate]] = {}
        for duration in durations:
            if duration.parties:
                self._by_parties.setdefault(duration.parties, []).append(duration)
            if duration.sentence is not None:
                self._by_sentence.setdefault(duration.sentence, []).append(duration)

    def nearest(self, money: Placed) -> _Candidate | None:
        """The duration of the deal of ``money`` (an amount of the same article), if any."""
        found = self._by_parties.get(money.parties) if money.parties else None
        if not found and money.sentence is not None:
            found = self._by_sentence.get(money.sentence)
        if not found:
            return None
        return min(found, key=lambda d: (abs(d.start - money.start), d.start, d.id))


@dataclass(frozen=True)
class DealGroup:
    """Deals that look like one deal reported several times.

    Attributes:
        deals: the reports, earliest first (undated last, then by source);
            when some of them are confirmed as one deal, the report they are
            counted with comes first (:func:`group_deals` orders them so).
    """

    deals: tuple[Deal, ...]

    @property
    def first(self) -> Deal:
        return self.deals[0]

    @property
    def parties(self) -> frozenset[int]:
        return self.first.parties

    @property
    def party_names(self) -> tuple[str, ...]:
        return self.first.party_names

    @property
    def unit(self) -> str:
        return self.first.unit

    @property
    def value(self) -> float:
        """The value of the first report: the one counted, if the user confirmed the
        group, else the earliest."""
        return self.first.value

    @property
    def low(self) -> float:
        """The smallest value any report gives."""
        return min(d.low for d in self.deals)

    @property
    def high(self) -> float:
        """The largest value any report gives (a range's high end)."""
        return max(d.high for d in self.deals)

    @property
    def approx(self) -> bool:
        """True if a report is approximate or the reports' values differ."""
        return any(d.approx for d in self.deals) or self.low != self.high

    @property
    def bound(self) -> str | None:
        """The bound every report shares ("min", "max"), else None."""
        bounds = {d.bound for d in self.deals}
        return bounds.pop() if len(bounds) == 1 else None

    @property
    def duration(self) -> Duration | None:
        """The duration of the first report that gives one (see :attr:`deals`)."""
        return next((d.duration for d in self.deals if d.duration is not None), None)

    @property
    def date(self) -> dt.date | None:
        """The earliest date of a report."""
        return min((d.date for d in self.deals if d.date is not None), default=None)

    @property
    def sources(self) -> tuple[Source, ...]:
        return tuple(source for deal in self.deals for source in deal.sources)

    @property
    def confirmed(self) -> bool:
        """True if the user confirmed the group: every report is counted with one of
        them (directly, or through another: an import may leave a chain), which is
        counted itself, whichever it is (an article's date changed since, or an
        import kept another of two reports of one day); it is listed first.

        The money figures then count that report's amount only. A group of
        one report has nothing to confirm (False).
        """
        kept_of = _kept_of(self.deals)
        roots = {kept_root(d.amount_id, kept_of) for d in self.deals}
        return (len(self.deals) > 1 and len(roots) == 1
                and self.first.amount_id in roots and self.first.amount_id not in kept_of)


def same_deal(a: Deal, b: Deal, tolerance: float = TOLERANCE, days: int = DAYS) -> bool:
    """True if two reports may be of one deal.

    Same parties and currency, low ends and high ends within ``tolerance``
    of the larger, dates at most ``days`` apart (an undated one matches any).
    """
    if a.parties != b.parties or a.unit != b.unit:
        return False
    if not (close(a.low, b.low, tolerance) and close(a.high, b.high, tolerance)):
        return False
    return a.date is None or b.date is None or abs((a.date - b.date).days) <= days


def group_deals(deals: Sequence[Deal], tolerance: float = TOLERANCE,
                days: int = DAYS) -> list[DealGroup]:
    """Proposes which deals are one deal reported several times, after what the user said.

    What the user said comes first (each deal's ``kept_id``):

    - reports confirmed as one deal (a kept report and those counted with
      it) are one group, whatever the rule below says of them;
    - a report set apart (:attr:`Deal.separate`) is a group of its own.

    The other reports are taken earliest first; each joins the earliest
    group (by its earliest report) all of whose deals it matches
    (:func:`same_deal`), confirmed or not, or starts a new one. So a group
    never holds two reports that the rule did not match or the user did not
    confirm, and the result does not depend on the order given. A report
    the rule adds to a confirmed group is a proposal: the group is no longer
    :attr:`~DealGroup.confirmed` until the user confirms it again.

    Args:
        deals: the deals, in any order.
        tolerance: how far apart two values may be, relative to the larger.
        days: how many days apart two dates may be.

    Returns:
        The groups, by their earliest report (date, undated last, then source).
    """
    kept_of = _kept_of(deals)
    kept = set(kept_of.values())
    confirmed: dict[int, list[Deal]] = {}
    alone: list[list[Deal]] = []
    loose: list[Deal] = []
    for deal in deals:
        root = kept_root(deal.amount_id, kept_of)
        if root != deal.amount_id or deal.amount_id in kept:
            confirmed.setdefault(root, []).append(deal)
        elif deal.separate:
            alone.append([deal])
        else:
            loose.append(deal)
    by_key: dict[tuple[frozenset[int], str], list[list[Deal]]] = {}
    for group in confirmed.values():
        first = min(group, key=_order)
        by_key.setdefault((first.parties, first.unit), []).append(group)
    for deal in sorted(loose, key=_order):
        groups = by_key.setdefault((deal.parties, deal.unit), [])
        matching = [g for g in groups
                    if all(same_deal(deal, other, tolerance, days) for other in g)]
        if matching:
            # The earliest, as if the reports had been grouped one by one in date order:
            # a group the user just confirmed does not draw in a report proposed elsewhere.
            min(matching, key=lambda g: min(map(_order, g))).append(deal)
        else:
            groups.append([deal])
    found = [DealGroup(_in_order(group, kept_of))
             for group in [*alone, *(g for groups in by_key.values() for g in groups)]]
    return sorted(found, key=lambda g: min(map(_order, g.deals)))


def _kept_of(deals: Iterable[Deal]) -> dict[int, int]:
    """The report each confirmed one is counted with (the reports set apart left out)."""
    return {d.amount_id: d.kept_id for d in deals if d.kept_id is not None and not d.separate}


def _in_order(group: list[Deal], kept_of: Mapping[int, int]) -> tuple[Deal, ...]:
    """The reports earliest first, but the one the confirmed ones are counted with
    first, when it is among them (the money figures count its amount)."""
    ordered = sorted(group, key=_order)
    roots = {kept_root(d.amount_id, kept_of) for d in ordered if d.amount_id in kept_of}
    kept = [d for d in ordered if d.amount_id in roots and d.amount_id not in kept_of]
    if len(roots) == 1 and kept:
        ordered.remove(kept[0])
        ordered.insert(0, kept[0])
    return tuple(ordered)


def kept_root(amount_id: int, kept_of: Mapping[int, int]) -> int:
    """The report a confirmed one is counted with, following a chain of them
    (an import or an adjudication may leave one); itself if it is not confirmed.

    Args:
        amount_id: the report.
        kept_of: the report each confirmed one is counted with (``deal_duplicate``
            without the reports set apart).

    Of a cycle, which no operation makes and an import refuses, the smallest id.
    """
    path = [amount_id]
    while (kept := kept_of.get(path[-1])) is not None:
        if kept in path:
            return min(path[path.index(kept):])
        path.append(kept)
    return path[-1]


def _order(deal: Deal) -> tuple[bool, dt.date, tuple[Source, ...], int]:
    """Earliest first, undated last, then by where it is said."""
    return (deal.date is None, deal.date or dt.date.min, deal.sources, deal.amount_id)
