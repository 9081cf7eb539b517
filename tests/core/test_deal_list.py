"""Deals read from what is tagged: money, the parties its relations link, duration, date."""

from __future__ import annotations

import datetime as dt

import pytest

from db.records import SUGGESTED
from db.relations import RelationRecord, insert_relations
from desktop.core.deal_list import Deal, DealGroup, Duration, Source, group_deals, list_deals
from tests.helpers import store_article, tag

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL

FRENCH = ("OpenAI signe avec AWS un contrat de 38 milliards de dollars sur sept ans. "
          "Microsoft reste l’hébergeur d’OpenAI.")
ENGLISH = ("OpenAI and AWS signed a $38 billion deal. It runs for seven years. "
           "Nvidia sells chips for $5 million.")


def _link(amount: int, *parties: int) -> None:
    insert_relations([RelationRecord(None, "deal", amount, party) for party in parties])


def _french(published: dt.date | None = dt.date(2025, 11, 3), tail: str = "") -> dict[str, int]:
    article = store_article("Contrat", FRENCH + tail, published=published)
    ids = {
        "article": article,
        "openai": tag(article, "OpenAI", "ORG", entity="OpenAI"),
        "aws": tag(article, "AWS", "ORG", entity="AWS"),
        "money": tag(article, "38 milliards de dollars", "MONEY", value=38e9, unit="USD"),
        "duration": tag(article, "sept ans", "DURATION", value=7, unit="year"),
        "microsoft": tag(article, "Microsoft", "ORG", entity="Microsoft"),
        "openai2": tag(article, "OpenAI", "ORG", occurrence=1, entity="OpenAI"),
    }
    _link(ids["money"], ids["openai"], ids["aws"])
    return ids


def test_a_money_amount_linked_to_parties_is_a_deal_with_its_date_and_source(db):
    ids = _french()

    [deal] = list_deals()

    start = FRENCH.index("38 milliards")
    assert deal.amount_id == ids["money"]
    assert deal.party_names == ("AWS", "OpenAI")
    assert len(deal.parties) == 2
    assert (deal.value, deal.value_high, deal.unit, deal.approx, deal.bound) == (
        38e9, None, "USD", False, None)
    assert deal.date == dt.date(2025, 11, 3)
    assert deal.sources == (Source(ids["article"], start, start + len("38 milliards de dollars")),)
    # "sept ans" is in the same sentence, though not linked.
    assert deal.duration == Duration(ids["duration"], 7, None, "year", False)


def test_two_mentions_of_one_entity_are_one_party(db):
    ids = _french()
    _link(ids["money"], ids["openai2"])

    [deal] = list_deals()

    assert deal.party_names == ("AWS", "OpenAI")


def test_a_duration_linked_to_the_same_parties_goes_with_the_deal_in_another_sentence(db):
    article = store_article("Deal", ENGLISH, "en")
    openai = tag(article, "OpenAI", "ORG", entity="OpenAI")
    aws = tag(article, "AWS", "ORG", entity="AWS")
    money = tag(article, "$38 billion", "MONEY", value=38e9, unit="USD")
    years = tag(article, "seven years", "DURATION", value=7, unit="year")
    nvidia = tag(article, "Nvidia", "ORG", entity="Nvidia")
    chips = tag(article, "$5 million", "MONEY", value=5e6, unit="USD")
    _link(money, openai, aws)
    _link(chips, nvidia)

    assert [(d.party_names, d.duration) for d in list_deals()] == [
        (("AWS", "OpenAI"), None), (("Nvidia",), None)]

    _link(years, aws, openai)
    deals = list_deals()

    assert [(d.amount_id, d.party_names, d.duration) for d in deals] == [
        (money, ("AWS", "OpenAI"), Duration(years, 7, None, "year", False)),
        (chips, ("Nvidia",), None),  # linked to other parties, in another sentence
    ]
    assert deals[0].date is None  # an undated article


def test_only_accepted_money_with_a_currency_and_parties_counts(db):
    article = store_article("Essai", FRENCH)
    openai = tag(article, "OpenAI", "ORG", entity="OpenAI")
    suggested = tag(article, "38 milliards de dollars", "MONEY", value=38e9, unit="USD",
                    status=SUGGESTED)
    no_value = tag(article, "milliards", "MONEY", unit="USD")
    years = tag(article, "sept ans", "DURATION", value=7, unit="year")
    tag(article, "dollars", "MONEY", value=1, unit="USD")  # no relation: no parties
    unlinked_party = tag(article, "Microsoft", "ORG", entity="Microsoft", status=SUGGESTED)
    lone = tag(article, "contrat", "MONEY", value=2, unit="EUR")
    _link(suggested, openai)
    _link(no_value, openai)
    _link(years, openai)
    _link(lone, unlinked_party)

    assert list_deals() == []


def test_a_relation_from_the_party_to_the_amount_counts_too(db):
    ids = _french()
    article = store_article("Autre", "Nvidia vend pour 5 millions de dollars.")
    nvidia = tag(article, "Nvidia", "ORG", entity="Nvidia")
    money = tag(article, "5 millions de dollars", "MONEY", value=5e6, unit="USD")
    insert_relations([RelationRecord(None, "deal", nvidia, money)])

    assert [d.party_names for d in list_deals()] == [("AWS", "OpenAI"), ("Nvidia",)]
    assert [d.amount_id for d in list_deals([article])] == [money]
    assert [d.amount_id for d in list_deals([ids["article"], 9999])] == [ids["money"]]
    assert list_deals([]) == []


def test_the_whole_corpus_is_read_in_two_statements(db):
    for number in range(3):
        _french(tail=f" ({number})")
    statements: list[str] = []
    original = db.execute_sql

    def counting(sql: str, *args: object, **kwargs: object) -> object:
        statements.append(sql)
        return original(sql, *args, **kwargs)

    db.execute_sql = counting
    try:
        deals = list_deals()
    finally:
        del db.execute_sql
    assert len(deals) == 3
    assert len([s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]) == 2


# --- the same deal reported twice ---------------------------------------------------------

OPENAI, AWS, NVIDIA = 1, 2, 3
NAMES = {OPENAI: "OpenAI", AWS: "Amazon Web Services", NVIDIA: "Nvidia"}


def _deal(amount_id: int, value: float, *, parties: tuple[int, ...] = (OPENAI, AWS),
          unit: str = "USD", date: dt.date | None = dt.date(2025, 11, 3),
          value_high: float | None = None, approx: bool = False, bound: str | None = None,
          duration: Duration | None = None, kept_id: int | None = None) -> Deal:
    return Deal(amount_id=amount_id, parties=frozenset(parties),
                party_names=tuple(sorted(NAMES[p] for p in parties)), value=value,
                value_high=value_high, unit=unit, approx=approx, bound=bound,
                duration=duration, date=date, sources=(Source(amount_id, 10, 20),),
                kept_id=kept_id)


def test_a_french_and_an_english_report_of_one_deal_are_one_group(db):
    french = _french()
    article = store_article("Deal", ENGLISH, "en", published=dt.date(2025, 11, 4))
    openai = tag(article, "OpenAI", "ORG", entity="OpenAI")
    aws = tag(article, "AWS", "ORG", entity="AWS")
    money = tag(article, "$38 billion", "MONEY", value=38e9, unit="USD")
    nvidia = tag(article, "Nvidia", "ORG", entity="Nvidia")
    chips = tag(article, "$5 million", "MONEY", value=5e6, unit="USD")
    _link(money, openai, aws)
    _link(chips, nvidia)

    groups = group_deals(list_deals())

    assert [(g.party_names, g.value, len(g.sources)) for g in groups] == [
        (("AWS", "OpenAI"), 38e9, 2), (("Nvidia",), 5e6, 1)]
    deal = groups[0]
    start = ENGLISH.index("$38 billion")
    assert deal.sources[1] == Source(article, start, start + len("$38 billion"))
    assert deal.sources[0].article_id == french["article"]
    assert deal.date == dt.date(2025, 11, 3)
    assert deal.duration == Duration(french["duration"], 7, None, "year", False)
    assert (deal.low, deal.high, deal.approx, deal.bound) == (38e9, 38e9, False, None)


def test_values_far_apart_are_two_deals_and_close_ones_one():
    assert len(group_deals([_deal(1, 38e9), _deal(2, 45e9)])) == 2
    [group] = group_deals([_deal(1, 38e9), _deal(2, 39.5e9)])  # 3.8 % apart
    assert (group.value, group.low, group.high, group.approx) == (38e9, 38e9, 39.5e9, True)
    assert len(group_deals([_deal(1, 38e9), _deal(2, 40.5e9)])) == 2  # 6.2 % apart


def test_other_parties_or_another_currency_are_other_deals():
    assert len(group_deals([_deal(1, 38e9), _deal(2, 38e9, parties=(OPENAI, NVIDIA))])) == 2
    assert len(group_deals([_deal(1, 38e9), _deal(2, 38e9, parties=(OPENAI,))])) == 2
    assert len(group_deals([_deal(1, 38e9), _deal(2, 38e9, unit="EUR")])) == 2


def test_dates_more_than_a_month_apart_are_other_deals_and_undated_matches_any():
    base = dt.date(2025, 11, 3)
    assert len(group_deals([_deal(1, 38e9), _deal(2, 38e9, date=base + dt.timedelta(31))])) == 1
    assert len(group_deals([_deal(1, 38e9), _deal(2, 38e9, date=base + dt.timedelta(32))])) == 2
    [group] = group_deals([_deal(1, 38e9, date=None), _deal(2, 38e9)])
    assert [s.article_id for s in group.sources] == [2, 1]  # dated first
    assert group.date == base
    assert len(group_deals([_deal(1, 38e9)], days=0)) == 1


def test_ranges_match_by_both_ends():
    a = _deal(1, 30e9, value_high=40e9)
    assert len(group_deals([a, _deal(2, 30.5e9, value_high=39e9)])) == 1
    assert len(group_deals([a, _deal(2, 30e9, value_high=50e9)])) == 2
    assert len(group_deals([a, _deal(2, 30e9)])) == 2


def test_a_group_holds_only_reports_that_all_match_whatever_the_order():
    deals = [_deal(1, 38e9), _deal(2, 39.8e9), _deal(3, 41.7e9)]  # each 4.5 % from the next
    for order in (deals, deals[::-1], [deals[1], deals[0], deals[2]]):
        groups = group_deals(order)
        assert [[d.amount_id for d in g.deals] for g in groups] == [[1, 2], [3]]


def test_a_group_keeps_a_shared_bound_and_the_first_duration():
    years = Duration(9, 7, None, "year", False)
    [group] = group_deals([_deal(1, 38e9, bound="min"), _deal(2, 38e9, bound="min",
                                                              duration=years)])
    assert (group.bound, group.duration) == ("min", years)
    [group] = group_deals([_deal(1, 38e9, bound="min"), _deal(2, 38e9)])
    assert group.bound is None
    assert group_deals([]) == []


def _ids(groups: list[DealGroup]) -> list[list[int]]:
    return [[d.amount_id for d in g.deals] for g in groups]


def test_what_the_user_said_wins_over_the_rule():
    # Confirmed though 20 % apart, in another currency, with other parties.
    confirmed = [_deal(1, 38e9), _deal(2, 30e9, kept_id=1),
                 _deal(3, 38e9, unit="EUR", parties=(NVIDIA,), kept_id=1)]
    # Set apart though it matches report 1 exactly.
    apart = _deal(4, 38e9, kept_id=4)
    for order in (confirmed + [apart], [apart, *confirmed[::-1]]):
        groups = group_deals(order)
        assert _ids(groups) == [[1, 2, 3], [4]]
        assert groups[0].confirmed and groups[1].first.separate
    # A report the user said nothing of is proposed into the confirmed group it matches.
    groups = group_deals([_deal(1, 38e9), _deal(2, 38.5e9, kept_id=1), _deal(5, 38e9)])
    assert _ids(groups) == [[1, 2, 5]] and not groups[0].confirmed
    # Not into one it does not match: 30 billion is 21 % from 38.
    assert _ids(group_deals([*confirmed[:2], _deal(5, 38e9)])) == [[1, 2], [5]]


def test_a_chain_of_confirmed_reports_is_one_group_and_a_cycle_too():
    chain = [_deal(1, 38e9), _deal(2, 38e9, kept_id=1), _deal(3, 90e9, kept_id=2)]
    [group] = group_deals(chain)
    assert _ids([group]) == [[1, 2, 3]] and group.confirmed  # counted once: 3 → 2 → 1
    cycle = [_deal(1, 38e9, kept_id=3), _deal(2, 50e9, kept_id=1), _deal(3, 90e9, kept_id=2)]
    assert _ids(group_deals(cycle)) == [[1, 2, 3]]
    # The kept report of a group set apart by mistake still holds its group.
    assert _ids(group_deals([_deal(1, 38e9, kept_id=1), _deal(2, 60e9, kept_id=1)])) == [[1, 2]]


def test_a_report_joins_the_earliest_group_it_matches_not_a_confirmed_one_first():
    # B (undated) matches both A's group and the confirmed C + D; it stays with A,
    # where it was proposed before C and D were counted once.
    a, b = _deal(1, 38e9, date=dt.date(2025, 11, 1)), _deal(2, 38e9, date=None)
    c = _deal(3, 38e9, date=dt.date(2026, 1, 20))
    d = _deal(4, 38e9, date=None, kept_id=3)
    for order in ([a, b, c, d], [d, c, b, a]):
        groups = group_deals(order)
        assert _ids(groups) == [[1, 2], [3, 4]]
        assert groups[1].confirmed
