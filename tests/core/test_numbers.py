"""Typed numbers read as the amount reader reads the article's language."""

from __future__ import annotations

import pytest

from desktop.core.amounts import AmountRecognizer
from desktop.core.numbers import editable_number, number_language, parse_number

NBSP, NNBSP = "\u00a0", "\u202f"

# text, value in a French article, value in an English article
CASES = [
    ("2.000", 2000.0, 2.0),
    ("2,000", 2.0, 2000.0),
    ("2,5", 2.5, 2.5),
    ("2.5", 2.5, 2.5),
    ("1.5e3", 1500.0, 1500.0),
    ("3.8e10", 3.8e10, 3.8e10),
    ("3,8e10", 3.8e10, 3.8e10),
    ("1.500e3", 1500.0, 1500.0),
    ("2e-3", 0.002, 0.002),
    ("1 400", 1400.0, 1400.0),
    (f"1{NBSP}400,5", 1400.5, 1400.5),
    (f"12{NNBSP}500", 12500.0, 12500.0),
    (f"38{NNBSP}000{NNBSP}000{NNBSP}000", 3.8e10, 3.8e10),
    ("38,000,000,000", 3.8e10, 3.8e10),
    ("1.000.000", 1e6, 1e6),
    ("1.234,5", 1234.5, 1234.5),
    ("1,234.5", 1234.5, 1234.5),
    ("1234.567", 1234.567, 1234.567),
    ("  42  ", 42.0, 42.0),
    (".5", 0.5, 0.5),
    ("-5", -5.0, -5.0),
    ("\u2212 5", -5.0, -5.0),
    ("+7", 7.0, 7.0),
    ("-2.000", -2000.0, -2.0),
    (f"-1{NNBSP}400,5", -1400.5, -1400.5),
    ("38 milliards", 3.8e10, None),
    ("38 billion", 3.8e13, 3.8e10),
    ("2 billions", 2e12, 2e9),
    ("2,5 millions", 2.5e6, 2.5e6),
    ("1.3bn", 1.3e9, 1.3e9),
    ("trente-huit", 38.0, None),
    ("trente-huit milliards", 3.8e10, None),
    ("deux millions trois cent mille", 2.3e6, None),
    ("one hundred and twenty", None, 120.0),
    ("a million", None, 1e6),
    ("-trois", -3.0, None),
]

GARBAGE = ["", "   ", "abc", "38 USD", "12 %", "1,5,6", "1 40", "12-3", "--5", "5m",
           "nan", "inf", "1e999", "0x10", "1_000", "5 five"]


@pytest.mark.parametrize("text, french, english", CASES)
def test_reads_each_language(text, french, english):
    assert parse_number(text, "fr") == pytest.approx(french)
    assert parse_number(text, "en") == pytest.approx(english)


@pytest.mark.parametrize("text", GARBAGE)
def test_refuses_what_is_not_a_number(text):
    assert parse_number(text, "fr") is None
    assert parse_number(text, "en") is None


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("text", [case[0] for case in CASES])
def test_agrees_with_the_amount_reader_wherever_it_reads_the_whole_number(text, language):
    found = AmountRecognizer(language).find(f"{text} %")
    if len(found) == 1 and found[0].text == f"{text} %".strip():
        assert parse_number(text, language) == found[0].value


def test_other_languages_read_as_english():
    assert number_language("de") == number_language("") == "en"
    assert parse_number("2.000", "") == 2.0
    assert number_language("fr") == "fr"


@pytest.mark.parametrize("language", ["fr", "en", ""])
@pytest.mark.parametrize("value", [3.8e10, 2000.0, 12.9, 0.5, 1 / 3, 1.234, 1e20, 1.2e-5,
                                   -250.0, 1234567.89])
def test_editable_number_reads_back(value, language):
    assert parse_number(editable_number(value, language), language) == pytest.approx(
        value, rel=1e-11)


def test_editable_number_writes_the_languages_decimal_mark():
    assert editable_number(1234567.89, "fr") == f"1{NNBSP}234{NNBSP}567,89"
    assert editable_number(1234567.89, "en") == f"1{NNBSP}234{NNBSP}567.89"
    assert editable_number(1e9, "fr") == f"1{NNBSP}000{NNBSP}000{NNBSP}000"
