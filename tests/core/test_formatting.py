"""How values read for a person: durations in the words of the interface language."""

from __future__ import annotations

import pytest

from desktop.core.formatting import describe_amount, format_amount


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


@pytest.mark.parametrize(("value", "high", "unit", "nouns", "written"), [
    (1e5, None, "processeur", "fr", "≥ 100 k processeurs"),  # "des centaines de milliers"
    (5e7, None, "profile", "en", "≥ 50M profiles"),
    (1e5, None, "GPU", "en", "≥ 100K GPUs"),
    (1e5, None, "GPU", "fr", "≥ 100 k GPU"),  # an acronym does not change in French
    (2, None, "station-service", "fr", "≥ 2 stations-service"),
    (300, None, "journal", "fr", "≥ 300 journaux"),
    (3, None, "person", "en", "≥ 3 people"),
    (2, 4, "company", "en", "≥ 2–4 companies"),
    (1, None, "personne", "fr", "≥ 1 personne"),
    (1.5, None, "salarié", "fr", "≥ 1,5 salarié"),  # French: the plural from two
    (1.5, None, "job", "en", "≥ 1.5 jobs"),
    (1, 1.5, "profile", "en", "≥ 1–1.5 profiles"),  # a range: more than one
    (1, None, "profile", "en", "≥ 1 profile"),
    (40, None, "co-fondateur", "fr", "≥ 40 co-fondateurs"),  # the last word of a compound
    (4, None, "sous-marin", "fr", "≥ 4 sous-marins"),
    (2, None, "start-up", "fr", "≥ 2 start-ups"),
    (3, None, "bijou", "fr", "≥ 3 bijoux"),
    (1.8e6, None, "EV", "en", "≥ 1.8M EVs"),
    (5e3, None, "tomato", "en", "≥ 5K tomatoes"),
    (1200, None, "BTC", "en", "≥ 1.2K BTC"),  # a currency, if not one Babel knows
    (5, None, "usd", "en", "≥ 5 usd"),
    (40, None, "Airbus A320", "en", "≥ 40 Airbus A320"),  # a maker and model
    (26, None, "Rafale", "fr", "≥ 26 Rafale"),
    (100, None, "km", "en", "≥ 100 km"),  # units of measure as they are
    (5, None, "barrels", "en", "≥ 5 barrels"),
    (100, None, "tonnes", "en", "≥ 100 tonnes"),  # typed in the plural already
    (100, None, "processeur", None, "≥ 100 processeur"),  # the article's language unknown
    (100, None, "processeur", "de", "≥ 100 processeur"),
])
def test_a_counted_noun_reads_in_the_plural_after_more_than_one(value, high, unit, nouns,
                                                                 written):
    locale = nouns if nouns in ("fr", "en") else "en"
    assert _plain(describe_amount(value, high, unit, False, locale, bound="min", exact=False,
                                  noun_language=nouns)) == written


def test_the_plain_form_and_the_exact_value_take_the_plural_too():
    assert _plain(format_amount(1e5, None, "processeur", False, "min", "fr")) == \
        "≥ 100 000 processeurs"
    assert _plain(format_amount(1, None, "processeur", False, None, "fr")) == "1 processeur"
    assert _plain(describe_amount(5e7, None, "profile", True, "en", noun_language="en")) == \
        "≈ 50M profiles (5 × 10⁷ profiles)"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_plural_of_a_singular_made_by_the_reader_is_the_word_it_read(language):
    """Every counted noun the amount cases read, put back in the plural, is the word
    of the text (and the singular of that plural is the noun again)."""
    from desktop.core.amount_numbers import plural, singular

    words = {"fr": "personnes salariés emplois journaux bateaux chevaux stations-service "
                   "processeurs pays abonnés usines yeux travaux foyers co-fondateurs "
                   "sous-marins demi-journées ex-salariés start-ups bijoux",
             "en": "people companies jobs households churches boxes profiles stores "
                   "children GPUs SUVs EVs days series tomatoes photos"}[language].split()
    for word in words:
        noun = singular(word, language)
        assert plural(noun, language) == word, noun
        assert plural(word, language) == word  # already plural: as it is
