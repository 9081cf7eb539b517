"""The table format shared by the French and English amount tests."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.amounts import Amount

MONEY, PERCENT, QUANTITY, COUNT, DURATION = "money", "percent", "quantity", "count", "duration"


@dataclass(frozen=True)
class Case:
    """One sentence and the single amount it holds."""

    sentence: str
    text: str
    kind: str
    value: float
    unit: str | None
    approx: bool = False
    low: float | None = None
    high: float | None = None


def _rounded(x: float | None) -> float | None:
    return None if x is None else float(f"{x:.9g}")


def observed(amount: Amount) -> tuple[object, ...]:
    """The fields a case pins down, with floats rounded to nine digits."""
    return (amount.text, amount.kind, _rounded(amount.value), amount.unit, amount.approx,
            _rounded(amount.low), _rounded(amount.high))


def expected(case: Case) -> tuple[object, ...]:
    return (case.text, case.kind, _rounded(case.value), case.unit, case.approx,
            _rounded(case.low), _rounded(case.high))
