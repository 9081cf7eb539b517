"""How values read for a person: durations in the words of the interface language."""

from __future__ import annotations

import pytest

from desktop.core.formatting import describe_amount


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize(("value", "high", "unit", "approx", "locale", "written"), [
    (7, None, "year", False, "fr", "7 ans"),
    (7, None, "year", False, "en", "7 years"),
    (1, None, "year", True, "fr", "≈ 1 an"),
    (1, None, "month", False, "en", "1 month"),
    (2, 3, "month", False, "fr", "2–3 mois"),
    (1, 2, "year", False, "en", "1–2 years"),
    (2.5, None, "week", False, "fr", "2,5 semaines"),
    (3, None, "quarter", False, "fr", "3 trimestres"),
    (2, None, "century", False, "en", "2 centuries"),
    (90, None, "minute", False, "fr", "90 minutes"),
])
def test_a_duration_reads_in_the_language_of_the_interface(value, high, unit, approx, locale,
                                                            written):
    assert _plain(describe_amount(value, high, unit, approx, locale)) == written


def test_a_duration_with_a_bound_and_in_a_locale_babel_does_not_know():
    assert _plain(describe_amount(10, None, "year", False, "fr", bound="min")) == "≥ 10 ans"
    assert describe_amount(10, None, "year", False, "xx") == "10 year"  # as stored


def test_money_and_counts_read_as_before():
    assert _plain(describe_amount(3.8e10, None, "USD", False, "fr")) == \
        "38 Md $US (3,8 × 10¹⁰ USD)"
    assert _plain(describe_amount(1e5, None, "GPU", True, "en")) == "≈ 100K GPU"


def test_a_range_typed_upside_down_reads_the_right_way_round():
    assert _plain(describe_amount(2, 1, "year", False, "en")) == "1–2 years"
    assert _plain(describe_amount(3, 2, "month", False, "fr")) == "2–3 mois"
