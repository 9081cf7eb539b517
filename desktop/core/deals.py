"""Deals: an amount linked to the parties it is paid by or to."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from db.records import AMOUNT, ENTITY, AnnotationRecord


@dataclass(frozen=True)
class DealPairing:
    """How a set of chosen annotations links up as a deal.

    Attributes:
        amounts: the chosen amounts.
        parties: the chosen entity mentions.
        pairs: (amount id, party id) for each amount and each party.
    """

    amounts: tuple[AnnotationRecord, ...]
    parties: tuple[AnnotationRecord, ...]
    pairs: tuple[tuple[int, int], ...]

    @property
    def complete(self) -> bool:
        """True when there is at least one amount and one party to link."""
        return bool(self.pairs)


def pair_deal(records: Iterable[AnnotationRecord],
              kind_of: Callable[[int], str | None]) -> DealPairing:
    """Links every chosen amount to every chosen entity mention.

    Args:
        records: the annotations the user chose, in any order.
        kind_of: the kind (``"entity"`` or ``"amount"``) of a label id.
    """
    chosen = [r for r in records if r.id is not None]
    amounts = tuple(r for r in chosen if kind_of(r.label_id) == AMOUNT)
    parties = tuple(r for r in chosen if kind_of(r.label_id) == ENTITY)
    pairs = tuple((a.id, p.id) for a in amounts for p in parties
                  if a.id is not None and p.id is not None)
    return DealPairing(amounts, parties, pairs)
