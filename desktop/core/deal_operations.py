"""Saying which reports are one deal: confirming a group, splitting it, leaving one out.

The same deal reported in several articles is proposed as one group
(:func:`desktop.core.deal_list.group_deals`); the user confirms or splits it.
Confirming keeps the earliest report's amount (by article date, undated
last, then by where it is said, as the group orders its reports) and makes
the others duplicates of it (``deal_duplicate``, migration 007): the money
figures (:data:`db.counting.MONEY`, direct and through the summaries) then
count the deal once. Splitting sets each report apart: a row naming the
report itself as its ``kept_id``, which the money figures count and the
grouping never proposes with another report. Leaving one report out of a
group sets it apart and keeps the others as they were said.

An edit of a report (:class:`desktop.core.operations.EditAnnotations`) can
take it out of the deal it was counted once in, as part of that edit: see
:func:`leave_deals_after_edit`.

Like those of :mod:`desktop.core.operations`, each is one user action: its
:meth:`apply` and :meth:`revert` each run in one transaction and return a
:class:`~desktop.core.changes.Change` naming the reports' articles, with
``relations`` set so the plots and the deal views read them again. The
summaries need nothing more: triggers mark the articles out of date.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from db import deal_duplicates as duplicates
from db.deal_duplicates import Duplicate
from db.transactions import transaction
from desktop.core.changes import Change
from desktop.core.deal_list import kept_root
from desktop.core.i18n import translate

__all__ = ["ConfirmDeal", "DealRows", "LeaveOutOfDeal", "SplitDeal", "keep_deals_before_removal",
           "leave_deals_after_edit", "restore_after_removal"]

@dataclass
class ConfirmDeal:
    """Confirms that these money amounts report one deal; undo restores what was.

    Args:
        amount_ids: the reports (their amount annotations), at least two. The
            earliest is kept; each other becomes a duplicate of it, replacing
            any duplicate row it had.
    """

    amount_ids: Sequence[int]
    name: str = field(default_factory=lambda: translate("Operations", "Confirm deal"))
    kept_id: int | None = field(default=None, init=False)
    _rows: DealRows | None = field(default=None, init=False)

    def apply(self) -> Change:
        ids = _distinct(self.amount_ids)
        if len(ids) < 2:
            raise ValueError(translate(
                "Operations", "A deal is confirmed over at least two reports."))

        def after(ordered: list[int], before: list[Duplicate]) -> list[Duplicate]:
            self.kept_id = kept = ordered[0]
            # A report outside the group counted with one of its reports stays so.
            return [*((a, k) for a, k in before if a not in ids),
                    *((other, kept) for other in ordered[1:])]

        self._rows = DealRows.replace(ids, after)
        return _change(self._rows.articles)

    def revert(self) -> Change:
        assert self._rows is not None, "revert() before apply()"
        return _change(self._rows.put_back())


@dataclass
class SplitDeal:
    """Says these money amounts are separate deals; undo puts back what was said before.

    Each report is set apart: counted, and never proposed in a group with
    another (until the user confirms it with one). A report counted with one
    of them, not given here, counts again.

    Args:
        amount_ids: the reports, at least one.
    """

    amount_ids: Sequence[int]
    name: str = field(default_factory=lambda: translate("Operations", "Split deal"))
    _rows: DealRows | None = field(default=None, init=False)

    def apply(self) -> Change:
        ids = _distinct(self.amount_ids)
        if not ids:
            raise ValueError(translate("Operations", "Say which reports to split."))
        self._rows = DealRows.replace(ids, lambda _ordered, _before: [(i, i) for i in ids])
        return _change(self._rows.articles)

    def revert(self) -> Change:
        assert self._rows is not None, "revert() before apply()"
        return _change(self._rows.put_back())


@dataclass
class LeaveOutOfDeal:
    """Takes one report out of its group and sets it apart; undo puts it back.

    The others stay as they were said: those confirmed as one deal stay
    confirmed, counted with their earliest report if the one left out was
    the one counted; a report that is left alone is no longer confirmed.

    Args:
        amount_id: the report left out.
        group_ids: the reports of its group (with or without it).
    """

    amount_id: int
    group_ids: Sequence[int]
    name: str = field(default_factory=lambda: translate("Operations", "Leave out of deal"))
    _rows: DealRows | None = field(default=None, init=False)

    def apply(self) -> Change:
        out = int(self.amount_id)
        ids = _distinct([*self.group_ids, out])
        if len(ids) < 2:
            raise ValueError(translate(
                "Operations", "A report can be left out only of a group of two or more."))

        def after(ordered: list[int], before: list[Duplicate]) -> list[Duplicate]:
            kept_of = {a: k for a, k in before if a != k}
            # A report outside the group counted with one of its reports stays so,
            # unless with the one left out (it counts again).
            rows = [(out, out), *((a, k) for a, k in before
                                  if a not in ids and a != k and k != out)]
            # The others counted as one deal stay one deal: with the same report, or
            # with their earliest if that was the one left out.
            deals: dict[int, list[int]] = {}
            for i in ordered:  # earliest first
                if i != out:
                    deals.setdefault(kept_root(i, kept_of), []).append(i)
            for root, reports in deals.items():
                kept = reports[0] if root == out else root
                rows += [(other, kept) for other in reports if other != kept]
            return rows

        self._rows = DealRows.replace(ids, after)
        return _change(self._rows.articles)

    def revert(self) -> Change:
        assert self._rows is not None, "revert() before apply()"
        return _change(self._rows.put_back())


@dataclass(frozen=True)
class DealRows:
    """The duplicate rows of some reports, before and after an operation replaced them,
    and the reports' articles (those whose money figures change)."""

    before: list[Duplicate]
    after: list[Duplicate]
    articles: frozenset[int]

    @staticmethod
    def replace(ids: list[int],
                after: Callable[[list[int], list[Duplicate]], list[Duplicate]]) -> DealRows:
        """In one transaction, replaces every row touching ``ids`` (as the report or
        the one kept) by ``after(ids earliest first, those rows)``.

        Raises:
            LookupError: one of them no longer exists.
        """
        with transaction():
            ordered, articles = duplicates.earliest_first(ids)
            before = duplicates.touching(ids)
            rows = after(ordered, before)
            duplicates.delete(sorted({*ids, *(a for a, _ in before)}))
            duplicates.insert(rows)
        return DealRows(before, rows, articles)

    def put_back(self) -> frozenset[int]:
        """In one transaction, puts the rows back as they were before; returns the articles."""
        with transaction():
            duplicates.delete(sorted({a for a, _ in (*self.before, *self.after)}))
            duplicates.insert(self.before)
        return self.articles


def leave_deals_after_edit(edited: Collection[int],
                           new_currency: Collection[int]) -> DealRows | None:
    """Takes edited reports out of the deals they were counted once in, when they no
    longer fit; run by the edit, inside its transaction, after its rows are written.

    A report confirmed as one deal with others leaves that deal when the edit
    makes it no longer money the figures count (suggested, an amount label no
    more, no value or no currency: :data:`db.counting.MONEY_AMOUNT`), or gives
    it a currency that the deal's reports not edited do not have. Left in, it
    would take the deal's money with it (the kept report) or have its own
    money dropped in another currency (a duplicate). The report that leaves is
    a report like any other again: counted if it is money, proposed by the
    rule, not set apart. A deal all of whose money reports were edited into
    one new currency together stays one deal.

    The others stay one deal if two or more are left: counted with the same
    report, or with the earliest of them if the one counted left (as
    :class:`LeaveOutOfDeal` does). One left alone is counted on its own.

    Args:
        edited: the annotations the edit changed.
        new_currency: those of them whose currency (``unit``) it changed.

    Returns:
        The rows replaced, which the edit's undo puts back, or None if no
        deal changed.
    """
    mine = set(edited)
    if not any(a != k for a, k in duplicates.touching(sorted(mine))):
        return None

    def leaving(members: set[int]) -> set[int]:
        money = duplicates.money_units(sorted(members))
        currencies = {money[o] for o in members - mine if o in money}
        return {i for i in members & mine
                if i not in money
                or (i in new_currency and currencies and money[i] not in currencies)}

    return _take_out(mine, leaving)


def keep_deals_before_removal(removed: Collection[int]) -> DealRows | None:
    """Before reports are deleted, keeps the others of their deals counted once; run by
    the removal, inside its transaction, before its deletes.

    Deleting a report deletes its row, and the rows of the reports counted with
    it (cascade): with the kept report of a deal of three gone, the other two
    would each be counted. They stay one deal instead, counted with the earliest
    of them, as when the kept report leaves after an edit
    (:func:`leave_deals_after_edit`). One left alone is counted on its own.

    Returns:
        The rows replaced, or None if no deal changed; the removal's undo gives
        them to :func:`restore_after_removal` once the reports are back.
    """
    mine = set(removed)
    if not any(a != k for a, k in duplicates.touching(sorted(mine))):
        return None
    return _take_out(mine, lambda members: members & mine)


def restore_after_removal(deleted: Sequence[Duplicate], moved: DealRows | None) -> None:
    """Puts back, inside the undo's transaction and once the reports are back, the rows
    a removal took: ``deleted``, those that touched the removed reports; ``moved``,
    what :func:`keep_deals_before_removal` changed. What holds these reports now goes
    first: the rows the removal wrote, or one a deal step of another pane wrote since
    (each pane has its own undo history), as the deal steps' own undo does."""
    rows = dict(deleted)
    held: set[int] = set()
    if moved is not None:
        rows.update(moved.before)
        held = {a for a, _ in moved.after}
    duplicates.delete(sorted(rows.keys() | held))
    duplicates.insert(sorted(rows.items()))


def _take_out(mine: set[int], leaving_of: Callable[[set[int]], set[int]]) -> DealRows | None:
    """Takes the reports ``leaving_of(members)`` says out of the confirmed deals that
    hold one of ``mine``; the others stay one deal if two or more are left."""
    kept_of = {a: k for a, k in duplicates.all_rows() if a != k}
    groups: dict[int, set[int]] = {}
    for report in kept_of:
        root = kept_root(report, kept_of)
        groups.setdefault(root, {root}).add(report)
    touched = {root: members for root, members in groups.items() if members & mine}
    leaving = set().union(*map(leaving_of, touched.values())) if touched else set()
    changed: set[int] = set()
    rows: list[Duplicate] = []
    reports: set[int] = set()
    for root, members in touched.items():
        out = members & leaving
        if not out:
            continue
        reports |= members
        rest = members - out
        if root in rest and len(rest) > 1:
            # The one counted stays: only those counted with one that left change.
            moved = {i for i in members if i in kept_of and (i in out or kept_of[i] in out)}
            rows += [(i, root) for i in sorted(moved - out)]
            changed |= moved
        else:
            changed |= {i for i in members if i in kept_of}
            if len(rest) > 1:
                ordered, _ = duplicates.earliest_first(sorted(rest))
                rows += [(other, ordered[0]) for other in ordered[1:]]
    if not changed:
        return None
    before = [(i, kept_of[i]) for i in sorted(changed)]
    _, articles = duplicates.earliest_first(sorted(reports))
    duplicates.delete(sorted(changed))
    duplicates.insert(rows)
    return DealRows(before, rows, articles)


def _distinct(ids: Sequence[int]) -> list[int]:
    return sorted({int(i) for i in ids})


def _change(article_ids: frozenset[int]) -> Change:
    return Change(article_ids=article_ids, relations=True)
