"""The table format shared by the French and English amount tests, and a measure of them.

Run ``python -m tests.core.amount_cases`` to print, per language, the share of
cases read fully right (span, value and unit) and the share of sentences
without an amount that raise a false alarm.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from desktop.core.amounts import Amount, AmountRecognizer

MONEY, PERCENT, QUANTITY, COUNT, DURATION = "money", "percent", "quantity", "count", "duration"

NBSP, NNBSP = "\u00a0", "\u202f"


@dataclass(frozen=True)
class Case:
    """One sentence and the single amount it holds.

    ``hint`` is what a bare "$" means for the sentence's article (the recognizer's
    currency hint; None for the default).
    """

    sentence: str
    text: str
    kind: str
    value: float
    unit: str | None
    approx: bool = False
    low: float | None = None
    high: float | None = None
    hint: str | None = None


def _rounded(x: float | None) -> float | None:
    return None if x is None else float(f"{x:.9g}")


def observed(amount: Amount) -> tuple[object, ...]:
    """The fields a case pins down, with floats rounded to nine digits."""
    return (amount.text, amount.kind, _rounded(amount.value), amount.unit, amount.approx,
            _rounded(amount.low), _rounded(amount.high))


def expected(case: Case) -> tuple[object, ...]:
    return (case.text, case.kind, _rounded(case.value), case.unit, case.approx,
            _rounded(case.low), _rounded(case.high))


@cache
def recognizer(language: str, hint: str | None = None) -> AmountRecognizer:
    """One recognizer per language and currency hint, shared by the tests."""
    return AmountRecognizer(language=language, currency_hint=hint)


def found_in(case: Case, language: str) -> list[Amount]:
    return recognizer(language, case.hint).find(case.sentence)


def with_spaces(cases: Iterable[Case]) -> list[Case]:
    """Each case, then the same with its amount's spaces as U+00A0, then as U+202F (the
    way French typography and many web pages write them)."""
    out = []
    for case in cases:
        out.append(case)
        if " " not in case.text:
            continue
        for space in (NBSP, NNBSP):
            text = case.text.replace(" ", space)
            out.append(dataclasses.replace(
                case, text=text, sentence=case.sentence.replace(case.text, text, 1)))
    return out


def spaced_sentences(sentences: Iterable[str]) -> list[str]:
    """Each sentence, then the same with every space as U+00A0 and as U+202F."""
    return [variant for sentence in sentences
            for variant in dict.fromkeys((sentence, sentence.replace(" ", NBSP),
                                          sentence.replace(" ", NNBSP)))]


def fully_right(case: Case, found: list[Amount]) -> bool:
    """The sentence yields exactly its amount, with the right span, value and unit."""
    return len(found) == 1 and (found[0].text, _rounded(found[0].value), found[0].unit) == (
        case.text, _rounded(case.value), case.unit)


@dataclass(frozen=True)
class Score:
    """How one language's tables read."""

    language: str
    cases: int
    right: int
    strict: int
    new_cases: int
    new_right: int
    negatives: int
    alarms: int

    def lines(self) -> list[str]:
        return [
            f"{self.language}: fully right {self.right}/{self.cases} = "
            f"{100 * self.right / self.cases:.1f} % (with kind, approx and bounds too: "
            f"{100 * self.strict / self.cases:.1f} %)",
            f"{self.language}: round-two families {self.new_right}/{self.new_cases} = "
            f"{100 * self.new_right / self.new_cases:.1f} %",
            f"{self.language}: false alarms {self.alarms}/{self.negatives} = "
            f"{100 * self.alarms / self.negatives:.1f} % of sentences without an amount",
        ]


def score(language: str, cases: list[Case], new_cases: list[Case],
          negatives: list[str]) -> Score:
    """Reads every case and negative sentence of one language."""
    right = strict = new_right = 0
    new = {id(case) for case in new_cases}
    for case in cases:
        found = found_in(case, language)
        ok = fully_right(case, found)
        right += ok
        strict += [observed(a) for a in found] == [expected(case)]
        new_right += ok and id(case) in new
    alarms = sum(bool(recognizer(language).find(sentence)) for sentence in negatives)
    return Score(language, len(cases), right, strict, len(new_cases), new_right,
                 len(negatives), alarms)


def main() -> None:
    from tests.core import test_amounts_en, test_amounts_fr

    for module, language in ((test_amounts_fr, "fr"), (test_amounts_en, "en")):
        every = module.CASES + module.KNOWN_GAPS
        new = module.ROUND_TWO + module.KNOWN_GAPS
        negatives = module.NEGATIVES + module.NEUTRAL + module.NEUTRAL_GAPS
        for line in score(language, every, new, negatives).lines():
            print(line)
        for case in module.KNOWN_GAPS:
            found = [(a.text, a.value, a.unit) for a in found_in(case, language)]
            print(f"  still wrong: {case.sentence!r} -> {found}")
        for sentence in module.NEUTRAL_GAPS:
            found = [(a.text, a.value, a.unit) for a in recognizer(language).find(sentence)]
            print(f"  false alarm: {sentence!r} -> {found}")


if __name__ == "__main__":
    main()
