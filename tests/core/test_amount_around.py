"""The number of an amount tagged by hand: the amount its span overlaps most."""

from __future__ import annotations

from desktop.core.suggest import AROUND, amount_around

TEXT = ("🚀 Cafe\u0301 : OpenAI signe avec AWS un contrat de 38 milliards de dollars "
        "sur sept ans, et environ 200 salariés.")


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_the_span_of_an_amount_reads_its_value_and_unit() -> None:
    found = amount_around(TEXT, *_span(TEXT, "38 milliards de dollars"), "fr")
    assert found is not None
    assert (found.value, found.unit, found.text) == (3.8e10, "USD", "38 milliards de dollars")


def test_a_span_cut_short_still_reads_the_whole_amount() -> None:
    found = amount_around(TEXT, *_span(TEXT, "38 milliards"), "fr")  # "de dollars" left out
    assert found is not None and (found.value, found.unit) == (3.8e10, "USD")


def test_a_span_over_no_amount_reads_nothing() -> None:
    assert amount_around(TEXT, *_span(TEXT, "OpenAI"), "fr") is None


def test_far_in_a_long_text_the_offsets_are_the_texts() -> None:
    long = "x " * (5 * AROUND) + TEXT
    start, end = _span(long, "sept ans")
    found = amount_around(long, start, end, "fr")
    assert found is not None and (found.start, found.end) == (start, end)
    assert found.unit is not None and found.value == 7
