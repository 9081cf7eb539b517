"""What "$" means: the currency hint an article's source gives, and how the amount
reader uses it for Canadian notations ("120 M$", "40 G$", "85 cents") and for a bare
scale in a clause about money ("dont 3,4 G pour la santé")."""

from __future__ import annotations

import pytest

from desktop.core.amounts import AmountRecognizer
from desktop.core.numbers import parse_number
from desktop.core.suggest import amount_suggestions, default_currency_hint


@pytest.mark.parametrize(("source", "hint"), [
    ("https://www.lapresse.ca/affaires/2024-01-01/x.php", "CAD"),
    ("https://www.ledevoir.com/economie/812345/x", "CAD"),
    ("https://ici.radio-canada.ca/nouvelle/2034567/x", "CAD"),
    ("https://www.journaldemontreal.com/2024/03/01/x", "CAD"),
    ("https://www.journaldequebec.com/2024/03/01/x", "CAD"),
    ("https://www.tvanouvelles.ca/2024/03/01/x", "CAD"),
    ("https://www.lesaffaires.com/secteurs/x", "CAD"),
    ("https://www.theglobeandmail.com/business/x", "CAD"),
    ("https://financialpost.com/news/x", "CAD"),
    ("ledevoir.com/politique/quebec/x", "CAD"),
    ("www.ledevoir.com", "CAD"),
    ("HTTPS://WWW.LEDEVOIR.COM/X", "CAD"),
    ("https://www.smh.com.au/business/x", "AUD"),
    ("https://www.lemonde.fr/economie/x", "USD"),
    ("https://www.nytimes.com/2024/x", "USD"),
    ("https://notledevoir.com/x", "USD"),
    ("https://ledevoir.com.example.org/x", "USD"),
    ("/home/me/articles/ledevoir.txt", "USD"),
    ("C:\\news\\a.txt", "USD"),
    ("file:///tmp/x.txt", "USD"),
    ("Le Devoir", "USD"),
    ("", "USD"),
])
def test_the_source_says_what_a_bare_dollar_means(source: str, hint: str) -> None:
    assert default_currency_hint(source) == hint


def test_a_canadian_french_outlet_reads_its_notations_as_canadian_dollars() -> None:
    text = ("Hydro-Québec investira 40 G$ d'ici 2035, dont 120 M$ cette année, et le "
            "timbre coûtera 85 cents de plus. Le contrat de 12 milliards $ US est signé.")
    hint = default_currency_hint("https://www.ledevoir.com/economie/1/x")
    found = [(s.text, s.value, s.unit) for s in amount_suggestions(text, "fr", hint)]
    assert found == [("40 G$", 4e10, "CAD"), ("120 M$", 1.2e8, "CAD"),
                     ("85 cents", 0.85, "CAD"), ("12 milliards $ US", 1.2e10, "USD")]


def test_without_a_clue_a_bare_dollar_stays_the_documented_default() -> None:
    found = AmountRecognizer("fr").find("Le projet coûtera 120 M$ et 40 G$.")
    assert [(a.text, a.unit) for a in found] == [("120 M$", "USD"), ("40 G$", "USD")]


@pytest.mark.parametrize(("language", "hint", "text", "expected"), [
    ("fr", "CAD", "Le budget est de 8,2 G$, dont 3,4 G pour la santé.",
     [("8,2 G$", 8.2e9, "CAD"), ("3,4 G", 3.4e9, "CAD")]),
    ("fr", None, "Le chiffre d'affaires atteint 12 M€, dont 3,4 M à l'export.",
     [("12 M€", 1.2e7, "EUR"), ("3,4 M", 3.4e6, "EUR")]),
    ("en", None, "Revenue hit £4.1bn, of which 1.2B came from exports.",
     [("£4.1bn", 4.1e9, "GBP"), ("1.2B", 1.2e9, "GBP")]),
    ("en", None, "The budget is 5 million, and the team has 3 million fans.",
     [("5 million", 5e6, None), ("3 million fans", 3e6, "fan")]),
])
def test_a_bare_short_scale_about_money_takes_the_last_currency_read(
        language: str, hint: str | None, text: str, expected: list[tuple[object, ...]]) -> None:
    found = AmountRecognizer(language, hint).find(text)
    assert [(a.text, pytest.approx(a.value), a.unit) for a in found] == expected


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Apple sold the iPhone 3G in 2008."),
    ("en", "The budget covers 4K screens for the studio."),
    ("fr", "La 5G a coûté cher aux opérateurs."),
    ("fr", "Le budget du club de Ligue 1 est serré."),
])
def test_network_and_screen_names_are_not_scales_even_about_money(language: str,
                                                                 text: str) -> None:
    assert AmountRecognizer(language).find(text) == []


@pytest.mark.parametrize(("text", "language", "value"), [
    ("1’204’550", "fr", 1204550.0),
    ("1'204'550", "en", 1204550.0),
    ("12'500.50", "fr", 12500.5),
    ("12'500.50", "en", 12500.5),
    ("2,5", "en", 2.5),
    ("1.250.000", "en", 1250000.0),
])
def test_the_value_field_reads_digits_as_the_reader_does(text: str, language: str,
                                                          value: float) -> None:
    assert parse_number(text, language) == value
    assert AmountRecognizer(language).find(f"{text} euros")[0].value == value
