"""The rows deals are read from: money with its parties, and the durations beside it."""

from __future__ import annotations

from db.deal_reads import deal_rows
from db.models import Entity
from db.records import SUGGESTED
from db.relations import RelationRecord, insert_relations
from tests.helpers import store_article, tag

BODY = ("OpenAI et AWS signent un contrat de 38 milliards de dollars sur sept ans. "
        "Microsoft reste l’hébergeur d’OpenAI pour deux ans. Nvidia vend pour trois ans.")


def _relate(kind: str, source: int, target: int) -> None:
    insert_relations([RelationRecord(None, kind, source, target)])


def test_a_duration_gets_its_parties_from_deal_relations_either_way(db):
    article = store_article("Contrat", BODY)
    openai = tag(article, "OpenAI", "ORG", entity="OpenAI")
    aws = tag(article, "AWS", "ORG", entity="AWS")
    microsoft = tag(article, "Microsoft", "ORG", entity="Microsoft", status=SUGGESTED)
    money = tag(article, "38 milliards de dollars", "MONEY", value=38e9, unit="USD")
    seven = tag(article, "sept ans", "DURATION", value=7, unit="year")
    two = tag(article, "deux ans", "DURATION", value=2, unit="year")
    three = tag(article, "trois ans", "DURATION", value=3, unit="year", status=SUGGESTED)
    _relate("deal", money, openai)
    _relate("deal", seven, openai)  # from the duration
    _relate("deal", aws, seven)  # to the duration
    _relate("supplies", two, aws)  # not a deal
    _relate("deal", two, microsoft)  # a suggested mention is not a party
    _relate("deal", three, aws)  # a suggested duration is not read

    rows = deal_rows()

    def named(parties: frozenset[int]) -> list[str]:
        return sorted(Entity.get_by_id(entity).name for entity in parties)

    assert [(row.id, named(row.parties)) for row in rows.money] == [(money, ["OpenAI"])]
    assert [(row.id, row.value, named(row.parties)) for row in rows.durations] == [
        (seven, 7, ["AWS", "OpenAI"]), (two, 2, [])]


def test_durations_are_read_only_beside_money_of_the_articles_asked_for(db):
    with_money = store_article("Contrat", BODY)
    openai = tag(with_money, "OpenAI", "ORG", entity="OpenAI")
    money = tag(with_money, "38 milliards de dollars", "MONEY", value=38e9, unit="USD")
    seven = tag(with_money, "sept ans", "DURATION", value=7, unit="year")
    _relate("deal", money, openai)
    without_money = store_article("Autre", BODY + " Encore.")
    tag(without_money, "sept ans", "DURATION", value=7, unit="year")

    assert [row.id for row in deal_rows().durations] == [seven]
    assert [row.id for row in deal_rows([with_money]).durations] == [seven]
    chosen = deal_rows([without_money])
    assert (chosen.money, chosen.durations) == ([], [])
