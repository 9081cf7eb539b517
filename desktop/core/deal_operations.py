"""Confirming that several reports are one deal, and splitting them again.

The same deal reported in several articles is proposed as one group
(:func:`desktop.core.deal_list.group_deals`); the user confirms or splits it.
Confirming keeps the earliest report's amount (by article date, undated
last, then by where it is said, as the group orders its reports) and makes
the others duplicates of it (``deal_duplicate``, migration 007): the money
figures (:data:`db.counting.MONEY`, direct and through the summaries) then
count the deal once. Splitting removes those duplicate rows, so each report
counts again.

Like those of :mod:`desktop.core.operations`, each is one user action: its
:meth:`apply` and :meth:`revert` each run in one transaction and return a
:class:`~desktop.core.changes.Change` naming the reports' articles, with
``relations`` set so the plots and the deal views read them again. The
summaries need nothing more: triggers mark the articles out of date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from db import deal_duplicates as duplicates
from db.deal_duplicates import Duplicate
from db.transactions import transaction
from desktop.core.changes import Change
from desktop.core.i18n import translate

__all__ = ["ConfirmDeal", "SplitDeal"]

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
    _before: list[Duplicate] = field(default_factory=list, init=False)
    _article_ids: frozenset[int] = field(default_factory=frozenset, init=False)

    def apply(self) -> Change:
        ids = _distinct(self.amount_ids)
        if len(ids) < 2:
            raise ValueError(translate(
                "Operations", "A deal is confirmed over at least two reports."))
        with transaction():
            ordered, articles = duplicates.earliest_first(ids)
            kept, others = ordered[0], ordered[1:]
            before = duplicates.duplicates_of(ids)
            duplicates.delete(ids)
            duplicates.insert([(other, kept) for other in others])
        self.kept_id, self._before, self._article_ids = kept, before, articles
        return _change(articles)

    def revert(self) -> Change:
        ids = _distinct(self.amount_ids)
        with transaction():
            duplicates.delete(ids)
            duplicates.insert(self._before)
        return _change(self._article_ids)


@dataclass
class SplitDeal:
    """Says these money amounts are separate deals again; undo confirms them back.

    Args:
        amount_ids: the reports; their duplicate rows are removed, so each counts.
    """

    amount_ids: Sequence[int]
    name: str = field(default_factory=lambda: translate("Operations", "Split deal"))
    _before: list[Duplicate] = field(default_factory=list, init=False)
    _article_ids: frozenset[int] = field(default_factory=frozenset, init=False)

    def apply(self) -> Change:
        ids = _distinct(self.amount_ids)
        if not ids:
            raise ValueError(translate("Operations", "Say which reports to split."))
        with transaction():
            _, articles = duplicates.earliest_first(ids)
            before = duplicates.duplicates_of(ids)
            duplicates.delete(ids)
        self._before, self._article_ids = before, articles
        return _change(articles)

    def revert(self) -> Change:
        with transaction():
            duplicates.delete([annotation_id for annotation_id, _ in self._before])
            duplicates.insert(self._before)
        return _change(self._article_ids)


def _distinct(ids: Sequence[int]) -> list[int]:
    return sorted({int(i) for i in ids})


def _change(article_ids: frozenset[int]) -> Change:
    return Change(article_ids=article_ids, relations=True)
