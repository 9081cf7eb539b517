"""The amount recognizer as a whole: its API, offsets, languages, currency hints,
sentences holding several amounts, and the demo articles shipped with the app.

Single-amount forms, one table per language, are in test_amounts_fr.py and
test_amounts_en.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.amounts import Amount, AmountRecognizer

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _brief(amounts: list[Amount]) -> list[tuple[object, ...]]:
    return [(a.text, a.kind, a.value, a.unit) for a in amounts]


def test_founding_story_in_our_own_words_yields_its_amounts_and_nothing_absurd() -> None:
    text = (
        "OpenAI a conclu avec AWS un contrat de 38 milliards de dollars sur 7 ans. "
        "L'entreprise s'était déjà engagée à acheter 250 milliards de dollars de services "
        "à Microsoft. L'accord de 38 milliards de dollars lui ouvre des centaines de milliers "
        "de processeurs graphiques. Ses besoins dépasseraient plus de 1 400 milliards de "
        "dollars d’investissements sur la décennie. Les puces GB200 et GB300 seront en "
        "place d'ici fin 2026, avec une extension possible en 2027."
    )
    found = AmountRecognizer().find(text)
    assert _brief(found) == [
        ("38 milliards de dollars", "money", 3.8e10, "USD"),
        ("7 ans", "duration", 7.0, "year"),
        ("250 milliards de dollars", "money", 2.5e11, "USD"),
        ("38 milliards de dollars", "money", 3.8e10, "USD"),
        ("des centaines de milliers de processeurs graphiques", "count", 1e5, "processeur"),
        ("plus de 1 400 milliards de dollars", "money", 1.4e12, "USD"),
        ("la décennie", "duration", 1.0, "decade"),
    ]
    gpus, over = found[4], found[5]
    assert (gpus.approx, gpus.low, gpus.high) == (True, 1e5, None)
    assert (over.approx, over.low, over.high) == (True, 1.4e12, None)
    assert [a.label for a in found] == ["MONEY", "DURATION", "MONEY", "MONEY", "QUANTITY",
                                        "MONEY", "DURATION"]


def test_offsets_are_code_points_and_survive_emoji_and_no_break_spaces() -> None:
    text = "😀👩‍💻 Le contrat\u00a0: 1\u202f400 milliards de dollars, 😀 et 3,5\u00a0%."
    found = AmountRecognizer("fr").find(text)
    assert [a.text for a in found] == ["1\u202f400 milliards de dollars", "3,5\u00a0%"]
    for amount in found:
        assert text[amount.start:amount.end] == amount.text


def test_results_are_sorted_and_never_overlap_on_the_demo_articles() -> None:
    paths = sorted(SAMPLES.glob("*.txt"))
    assert paths, "the demo articles are missing from resources/samples"
    total = 0
    for path in paths:
        body = path.read_text(encoding="utf-8").partition("\n\n")[2]
        found = AmountRecognizer().find(body)
        total += len(found)
        for before, after in zip(found, found[1:], strict=False):
            assert before.end <= after.start, path.name
        for amount in found:
            assert body[amount.start:amount.end] == amount.text
            assert amount.start < amount.end
    assert total > 5 * len(paths)


@pytest.mark.parametrize(("name", "expected"), [
    ("fr-2016-11-29-suede-ericsson-licencie-800-personnes.txt",
     [("820 postes", "count", 820.0, "poste"),
      ("10 milliards de couronnes", "money", 1e10, "SEK"),
      ("environ 1 milliard d’euros", "money", 1e9, "EUR")]),
    ("fr-2016-01-24-l-iran-annonce-le-prochain-achat-de-114-airbus.txt",
     [("114 Airbus", "count", 114.0, "Airbus"),
      ("30 à 50 milliards de dollars", "money", 3e10, "USD"),
      ("1 000 kilomètres", "quantity", 1000.0, "km")]),
    ("en-2020-06-21-british-supermarket-chain-tesco-to-sell-its-polish-branch-to.txt",
     [("900 million złotys", "money", 9e8, "PLN"),
      ("181 million pounds", "money", 1.81e8, "GBP"),
      ("301 stores", "count", 301.0, "store")]),
    ("en-2019-07-10-benin-nigeria-join-african-union-continental-free-trade-bloc.txt",
     [("between $5 and $7 billion", "money", 5e9, "USD"),
      ("US$3.4 trillion", "money", 3.4e12, "USD"),
      ("about 16–17 percent", "percent", 16.0, "%")]),
])
def test_demo_articles_yield_their_headline_amounts(
        name: str, expected: list[tuple[object, ...]]) -> None:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"{name} is not among the shipped samples")
    found = _brief(AmountRecognizer().find(path.read_text(encoding="utf-8")))
    for item in expected:
        assert item in found


def test_demo_articles_yield_no_model_names_dates_or_years() -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        for amount in AmountRecognizer().find(path.read_text(encoding="utf-8")):
            assert amount.text not in {"A320", "A340", "737", "2016", "2019", "2020"}, path.name
            assert amount.unit not in {"janvier", "décembre", "March"}, path.name


@pytest.mark.parametrize(("text", "hint", "expected"), [
    ("The tower cost $400 million.", "CAD", [("$400 million", 4e8, "CAD")]),
    ("It paid 20 dollars.", "AUD", [("20 dollars", 20.0, "AUD")]),
    ("It paid US$20 and C$30.", "AUD", [("US$20", 20.0, "USD"), ("C$30", 30.0, "CAD")]),
    ("Each copy costs 77 cents.", "CAD", [("77 cents", 0.77, "CAD")]),
    ("The tower cost $400 million.", None, [("$400 million", 4e8, "USD")]),
])
def test_the_currency_hint_says_what_a_bare_dollar_means(
        text: str, hint: str | None, expected: list[tuple[object, ...]]) -> None:
    found = AmountRecognizer("en", currency_hint=hint).find(text)
    assert [(a.text, a.value, a.unit) for a in found] == expected


def test_the_language_decides_what_a_billion_is() -> None:
    french = "Le budget fédéral atteindra 2 billions de dollars selon le ministère."
    english = "The federal budget will reach 2 billion dollars, the ministry said."
    assert AmountRecognizer("fr").find(french)[0].value == 2e12
    assert AmountRecognizer("en").find(english)[0].value == 2e9
    assert AmountRecognizer().language_of(french) == "fr"
    assert AmountRecognizer().language_of(english) == "en"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        AmountRecognizer(language="de")


def test_an_empty_or_number_free_text_yields_nothing() -> None:
    assert AmountRecognizer().find("") == []
    assert AmountRecognizer().find("Rien à signaler ici, ni chiffre ni montant.") == []


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("fr", "Le budget de la Défense atteindra 413 milliards d'euros sur sept ans.",
     [("413 milliards d'euros", "money", 4.13e11, "EUR"), ("sept ans", "duration", 7, "year")]),
    ("fr", "L'inflation a atteint 5,2 % sur un an en février.",
     [("5,2 %", "percent", 5.2, "%"), ("un an", "duration", 1, "year")]),
    ("fr", "L'athlète a couru le 100 mètres en 9,58 secondes.",
     [("100 mètres", "quantity", 100, "m"), ("9,58 secondes", "duration", 9.58, "second")]),
    ("fr", "Le parc compte 120 éoliennes d'une puissance totale de 300 MW.",
     [("120 éoliennes", "count", 120, "éolienne"), ("300 MW", "quantity", 300, "MW")]),
    ("fr", "Il a touché 300 000 € d'indemnités et 2 000 € par mois.",
     [("300 000 €", "money", 3e5, "EUR"), ("2 000 €", "money", 2000, "EUR")]),
    ("fr", "La commission est passée de 20 à 25 %.",
     [("20", "percent", 20, "%"), ("25 %", "percent", 25, "%")]),
    ("fr", "Les effectifs passeront de 650 à 830 militaires.",
     [("650", "count", 650, "militaire"), ("830 militaires", "count", 830, "militaire")]),
    ("fr", "Ils étaient 44 Russes, huit Ukrainiens et deux Indiens.",
     [("44 Russes", "count", 44, "Russe"), ("huit Ukrainiens", "count", 8, "Ukrainien"),
      ("deux Indiens", "count", 2, "Indien")]),
    ("en", "The company cut 12,000 jobs, or about 6% of its workforce.",
     [("12,000 jobs", "count", 12000, "job"), ("about 6%", "percent", 6, "%")]),
    ("en", "Sales rose 12% to €4.1bn.",
     [("12%", "percent", 12, "%"), ("€4.1bn", "money", 4.1e9, "EUR")]),
    ("en", "Prices rose from 5% to 7%.",
     [("5%", "percent", 5, "%"), ("7%", "percent", 7, "%")]),
    ("en", "The 30-year-old striker signed a four-year contract.",
     [("30-year-old", "duration", 30, "year"), ("four-year", "duration", 4, "year")]),
    ("en", "The program will cost $1 trillion over 10 years.",
     [("$1 trillion", "money", 1e12, "USD"), ("10 years", "duration", 10, "year")]),
    ("en", "The fine was €4.3bn ($4.9bn).",
     [("€4.3bn", "money", 4.3e9, "EUR"), ("$4.9bn", "money", 4.9e9, "USD")]),
    ("en", "The company operates 1,200 stores in 30 countries.",
     [("1,200 stores", "count", 1200, "store"), ("30 countries", "count", 30, "country")]),
    ("en", "Nvidia's revenue jumped 265% to $22.1 billion.",
     [("265%", "percent", 265, "%"), ("$22.1 billion", "money", 2.21e10, "USD")]),
])
def test_sentences_with_several_amounts(language: str, text: str,
                                         expected: list[tuple[object, ...]]) -> None:
    found = AmountRecognizer(language).find(text)
    assert [(a.text, a.kind, pytest.approx(a.value), a.unit) for a in found] == expected


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Les deux entreprises ont signé cette semaine."),
    ("fr", "L'entreprise affiche une croissance à deux chiffres."),
    ("fr", "Selon l'article 58-1, le texte est recevable."),
    ("fr", "Le vol AF447 s'est abîmé en mer."),
    ("fr", "La loi du 9 décembre 1905 reste en vigueur."),
    ("fr", "Vers 19 h 18 UTC, la secousse a été ressentie."),
    ("fr", "Il est arrivé 17 e du classement général."),
    ("en", "The two incidents involved separate buckets."),
    ("en", "UNSCR 1929 bans a wide range of weapons."),
    ("en", "The iPhone 15 Pro launched in September."),
    ("en", "The bill passed 219 to 212."),
    ("en", "It's 9 a.m. and the 5 p.m. deadline looms."),
    ("en", "The 2019 Atlantic hurricane season was busy."),
    ("en", "Kickoff was at 7:30 pm on November the 6th."),
])
def test_more_numbers_that_are_not_amounts(language: str, text: str) -> None:
    assert AmountRecognizer(language).find(text) == []


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("fr", "Un plan d'économies (environ 1 milliard d’euros) est prévu.",
     ("environ 1 milliard d’euros", 1e9, True, None, None)),
    ("fr", "Il a levé plus d'un milliard de dollars.",
     ("plus d'un milliard de dollars", 1e9, True, 1e9, None)),
    ("fr", "Il a vécu là pendant près d'un siècle.", ("près d'un siècle", 1.0, True, None, None)),
    ("en", "Most of the world’s people—some 70 percent—live in cities.",
     ("some 70 percent", 70.0, True, None, None)),
    ("en", "The industry came back --nearly 250,000 new jobs.",
     ("nearly 250,000 new jobs", 250000.0, True, None, None)),
    ("en", "She had been cancer-free for more than a decade.",
     ("more than a decade", 1.0, True, 1.0, None)),
])
def test_approximation_words_glued_to_punctuation_or_elided(
        language: str, text: str, expected: tuple[object, ...]) -> None:
    [amount] = AmountRecognizer(language).find(text)
    assert (amount.text, amount.value, amount.approx, amount.low, amount.high) == expected


def test_an_empty_language_means_auto() -> None:
    found = AmountRecognizer(language="").find("Le groupe a perdu deux milliards d'euros.")
    assert [(a.value, a.unit) for a in found] == [(2e9, "EUR")]
