"""Comparing articles: shared entities, amounts that agree and amounts that differ."""

from __future__ import annotations

import dataclasses
from typing import Any

from db.records import SUGGESTED, AnnotationRecord
from desktop.core.comparison import ArticleAnnotations, agree, close, compare

ORG, PERSON, MONEY, QUANTITY, DURATION = 1, 2, 5, 6, 7
KINDS = {ORG: "entity", PERSON: "entity", MONEY: "amount", QUANTITY: "amount",
         DURATION: "amount"}
OPENAI, AWS, ALTMAN, MICROSOFT, NVIDIA = 10, 11, 12, 13, 14
NAMES = {OPENAI: "OpenAI", AWS: "Amazon Web Services", ALTMAN: "Sam Altman",
         MICROSOFT: "Microsoft", NVIDIA: "Nvidia"}

FRENCH = ("OpenAI signe avec AWS un pacte à 38 milliards de dollars sur sept ans. "
          "Sam Altman salue AWS. Microsoft reste l’hébergeur d’OpenAI.")
ENGLISH = ("OpenAI and AWS signed a $38 billion deal over seven years. "
           "Amazon Web Services shares rose; Nvidia supplies the chips.")


class Article:
    """Builds one article's annotations by the text they cover."""

    def __init__(self, article_id: int, body: str) -> None:
        self.article_id, self.body = article_id, body
        self.records: list[AnnotationRecord] = []
        self.relations: list[tuple[int, int]] = []

    def tag(self, text: str, label: int, occurrence: int = 0, **fields: Any) -> int:
        start = -1
        for _ in range(occurrence + 1):
            start = self.body.index(text, start + 1)
        annotation_id = self.article_id * 100 + len(self.records) + 1
        self.records.append(AnnotationRecord(annotation_id, self.article_id, label, start,
                                             start + len(text), text, **fields))
        return annotation_id

    def link(self, amount: int, *parties: int) -> None:
        self.relations.extend((amount, party) for party in parties)

    def data(self) -> ArticleAnnotations:
        return ArticleAnnotations(self.article_id, f"article {self.article_id}", self.records,
                                  NAMES, KINDS, self.relations)


def _deal_reports() -> tuple[Article, Article]:
    fr, en = Article(1, FRENCH), Article(2, ENGLISH)
    fr.tag("OpenAI", ORG, entity_id=OPENAI)
    fr.tag("AWS", ORG, entity_id=AWS)
    fr.tag("38 milliards de dollars", MONEY, value=38e9, unit="USD")
    fr.tag("sept ans", DURATION, value=7, unit="year")
    fr.tag("Sam Altman", PERSON, entity_id=ALTMAN)
    fr.tag("AWS", ORG, 1, entity_id=AWS)
    fr.tag("Microsoft", ORG, entity_id=MICROSOFT)
    fr.tag("OpenAI", ORG, 1, entity_id=OPENAI)
    en.tag("OpenAI", ORG, entity_id=OPENAI)
    en.tag("AWS", ORG, entity_id=AWS)
    en.tag("$38 billion", MONEY, value=38e9, unit="USD")
    en.tag("seven years", DURATION, value=7, unit="year")
    en.tag("Amazon Web Services", ORG, entity_id=AWS)
    en.tag("Nvidia", ORG, entity_id=NVIDIA)
    return fr, en


def test_entities_shared_and_only_in_one_article():
    fr, en = _deal_reports()
    result = compare([fr.data(), en.data()])
    assert result.article_ids == (1, 2)
    # AWS: 2 + 2 mentions, OpenAI: 2 + 1: the most mentioned first.
    assert [(e.name, e.total) for e in result.shared_entities] == [
        ("Amazon Web Services", 4), ("OpenAI", 3)]
    aws = result.shared_entities[0]
    assert [r.quote for r in aws.mentions[2]] == ["AWS", "Amazon Web Services"]
    first = aws.first(1)
    assert first is not None and FRENCH[first.start:first.end] == "AWS"
    assert first.start == FRENCH.index("AWS")
    assert [e.name for e in result.only_in[1]] == ["Microsoft", "Sam Altman"]
    assert [e.name for e in result.only_in[2]] == ["Nvidia"]
    assert aws.label_id == ORG


def test_the_same_deal_in_french_and_english_agrees():
    fr, en = _deal_reports()
    result = compare([fr.data(), en.data()])
    assert [[r.quote for records in g.amounts.values() for r in records]
            for g in result.agreeing_amounts] == [
        ["38 milliards de dollars", "$38 billion"], ["sept ans", "seven years"]]
    assert result.disagreeing_amounts == ()


def test_amounts_linked_to_the_same_parties_that_differ_disagree():
    fr, en = Article(1, FRENCH), Article(2, ENGLISH.replace("$38", "$40"))
    parties_fr = [fr.tag("OpenAI", ORG, entity_id=OPENAI), fr.tag("AWS", ORG, entity_id=AWS)]
    fr.link(fr.tag("38 milliards de dollars", MONEY, value=38e9, unit="USD"), *parties_fr)
    fr.link(fr.tag("sept ans", DURATION, value=7, unit="year"), *parties_fr)
    parties_en = [en.tag("OpenAI", ORG, entity_id=OPENAI), en.tag("AWS", ORG, entity_id=AWS)]
    money = en.tag("$40 billion", MONEY, value=40e9, unit="USD")
    en.link(money, *parties_en)
    # The other direction counts too, and the duration agrees: only money differs.
    en.relations.extend((party, en.tag("seven years", DURATION, value=7, unit="year"))
                        for party in parties_en)
    result = compare([fr.data(), en.data()])
    assert len(result.disagreeing_amounts) == 1
    group = result.disagreeing_amounts[0]
    assert group.parties == {OPENAI, AWS} and group.label_id == MONEY
    assert [(a, [r.value for r in rs]) for a, rs in group.amounts.items()] == [
        (1, [38e9]), (2, [40e9])]
    assert {result.party_names[e] for e in group.parties} == {"OpenAI", "Amazon Web Services"}
    first = group.first(2)
    assert first is not None and first.id == money
    # Neither agrees with the other, so neither is listed as agreeing.
    assert [g.label_id for g in result.agreeing_amounts] == [DURATION]


def test_other_parties_or_units_linked_alike_are_compared_so():
    fr, en = Article(1, FRENCH), Article(2, ENGLISH)
    fr.link(fr.tag("38 milliards de dollars", MONEY, value=38e9, unit="USD"),
            fr.tag("OpenAI", ORG, entity_id=OPENAI))
    # Linked to OpenAI and AWS: another set of parties, not compared.
    en.link(en.tag("$38 billion", MONEY, value=35e9, unit="USD"),
            en.tag("OpenAI", ORG, entity_id=OPENAI), en.tag("AWS", ORG, entity_id=AWS))
    assert compare([fr.data(), en.data()]).disagreeing_amounts == ()
    en.relations.clear()
    en.relations.append((en.records[0].id or 0, en.records[1].id or 0))
    assert len(compare([fr.data(), en.data()]).disagreeing_amounts) == 1
    # The same value in another currency differs too.
    en.records[0] = AnnotationRecord(en.records[0].id, 2, MONEY, en.records[0].start,
                                     en.records[0].end, "$38 billion", value=38e9, unit="CAD")
    found = compare([fr.data(), en.data()])
    assert [[r.unit for r in g.amounts[2]] for g in found.disagreeing_amounts] == [["CAD"]]
    assert found.agreeing_amounts == ()


def test_different_units_never_agree():
    fr, en = Article(1, FRENCH), Article(2, ENGLISH)
    fr.tag("38 milliards de dollars", MONEY, value=38e9, unit="USD")
    en.tag("$38 billion", MONEY, value=38e9, unit="EUR")
    fr.tag("sept ans", DURATION, value=7, unit="year")
    en.tag("seven years", DURATION, value=7, unit="day")
    assert compare([fr.data(), en.data()]).agreeing_amounts == ()


def test_tolerance_edges():
    assert close(100, 99) and close(-100, -99) and close(0, 0)
    assert not close(100, 98.9)
    assert close(38e9, 38.38e9) and not close(38e9, 38.4e9)
    assert close(100, 95, tolerance=0.05) and not close(100, 94.9, tolerance=0.05)
    fr, en = Article(1, FRENCH), Article(2, ENGLISH)
    fr.tag("38 milliards de dollars", MONEY, value=38.5e9, unit="USD")
    en.tag("$38 billion", MONEY, value=38e9, unit="USD")
    assert compare([fr.data(), en.data()]).agreeing_amounts == ()
    assert len(compare([fr.data(), en.data()], tolerance=0.02).agreeing_amounts) == 1


def test_agreement_is_not_transitive_the_closest_pairs_group_first():
    a, b, c = Article(1, "99 EUR"), Article(2, "100 EUR"), Article(3, "101 EUR")
    a.tag("99 EUR", MONEY, value=99, unit="EUR")
    b.tag("100 EUR", MONEY, value=100, unit="EUR")
    c.tag("101 EUR", MONEY, value=101, unit="EUR")
    groups = compare([a.data(), b.data(), c.data()]).agreeing_amounts
    # 100 and 101 are 0.99 % apart, 99 and 100 1 %; 99 and 101 do not agree.
    assert [list(g.amounts) for g in groups] == [[2, 3]]


def test_an_amount_that_agrees_with_another_articles_is_found_past_a_smaller_one():
    a, b = Article(1, "99 M$ puis 100 M$"), Article(2, "$100.5M")
    a.tag("99 M$", MONEY, value=99e6, unit="USD")
    hundred = a.tag("100 M$", MONEY, value=100e6, unit="USD")
    other = b.tag("$100.5M", MONEY, value=100.5e6, unit="USD")
    [group] = compare([a.data(), b.data()]).agreeing_amounts
    assert [[r.id for r in rs] for rs in group.amounts.values()] == [[hundred], [other]]


def _counts(french_noun: str, english_noun: str, english_language: str = "en"
            ) -> tuple[ArticleAnnotations, ArticleAnnotations]:
    """A French and an English report of a count linked to OpenAI and Nvidia."""
    fr = Article(1, "OpenAI aura des centaines de milliers de processeurs de Nvidia.")
    en = Article(2, "OpenAI gets hundreds of thousands of Nvidia GPUs.")
    for article, text in ((fr, "des centaines de milliers de processeurs"),
                          (en, "hundreds of thousands of Nvidia GPUs")):
        parties = [article.tag("OpenAI", ORG, entity_id=OPENAI),
                   article.tag("Nvidia", ORG, entity_id=NVIDIA)]
        noun = french_noun if article is fr else english_noun
        article.link(article.tag(text, QUANTITY, value=1e5, unit=noun, bound="min"), *parties)
    return (dataclasses.replace(fr.data(), language="fr"),
            dataclasses.replace(en.data(), language=english_language))


def test_counts_in_two_languages_agree_whatever_noun_each_counts_in():
    result = compare(list(_counts("processeur", "GPU")))
    [group] = result.agreeing_amounts
    assert [[r.unit for r in rs] for rs in group.amounts.values()] == [["processeur"], ["GPU"]]
    assert result.disagreeing_amounts == ()  # the same parties, the same figure


def test_counts_of_two_nouns_in_one_language_are_two_things():
    result = compare(list(_counts("processeur", "salarié", english_language="fr")))
    assert result.agreeing_amounts == ()
    [differing] = result.disagreeing_amounts  # linked alike: compared, and they differ
    assert differing.parties == {OPENAI, NVIDIA}
    # Units of measure stay units across languages: 5 km is not 5 t.
    km, tonnes = Article(1, "5 km"), Article(2, "5 t")
    km.tag("5 km", QUANTITY, value=5, unit="km")
    tonnes.tag("5 t", QUANTITY, value=5, unit="t")
    assert compare([dataclasses.replace(km.data(), language="fr"),
                    dataclasses.replace(tonnes.data(), language="en")]).agreeing_amounts == ()


def test_ranges_and_bounds_compare_by_their_ends_and_kind():
    def amount(**fields: Any) -> AnnotationRecord:
        return AnnotationRecord(1, 1, MONEY, 0, 1, "x", unit="USD", **fields)

    assert agree(amount(value=6e9, value_high=7e9), amount(value=6e9, value_high=7.01e9))
    assert not agree(amount(value=6e9, value_high=7e9), amount(value=6e9, value_high=8e9))
    assert not agree(amount(value=6e9, value_high=7e9), amount(value=6e9))
    assert agree(amount(value=6e9, value_high=6e9), amount(value=6e9))  # a range of one
    assert agree(amount(value=1.4e12, bound="min"), amount(value=1.4e12, bound="min"))
    assert not agree(amount(value=1.4e12, bound="min"), amount(value=1.4e12, bound="max"))
    assert not agree(amount(value=1.4e12, bound="min"), amount(value=1.4e12))
    assert agree(amount(value=5e6, approx=True), amount(value=5e6))
    assert not agree(amount(), amount())  # no value


def test_several_mentions_of_one_amount_group_per_article_largest_first():
    fr, en = Article(1, FRENCH + " 38 milliards de dollars, 7 %."), Article(2, ENGLISH + " 7%")
    fr.tag("38 milliards de dollars", MONEY, value=38e9, unit="USD")
    fr.tag("38 milliards de dollars", MONEY, 1, value=38e9, unit="USD")
    fr.tag("7 %", MONEY, value=7, unit="%")
    en.tag("7%", MONEY, value=7.0, unit="%")
    en.tag("$38 billion", MONEY, value=38e9, unit="USD", approx=True)
    groups = compare([fr.data(), en.data()]).agreeing_amounts
    assert [[len(rs) for rs in g.amounts.values()] for g in groups] == [[2, 1], [1, 1]]
    first = groups[0].first(1)
    assert first is not None and first.start == FRENCH.index("38 milliards")


def test_only_accepted_annotations_of_known_kinds_count():
    fr, en = Article(1, FRENCH), Article(2, ENGLISH)
    fr.tag("OpenAI", ORG, entity_id=OPENAI, status=SUGGESTED)
    en.tag("OpenAI", ORG, entity_id=OPENAI)
    fr.tag("AWS", 99, entity_id=AWS)  # a label not in the kinds given
    en.tag("AWS", ORG, entity_id=AWS)
    result = compare([fr.data(), en.data()])
    assert result.shared_entities == ()
    assert [e.name for e in result.only_in[2]] == ["Amazon Web Services", "OpenAI"]
    assert result.only_in[1] == ()


def test_three_articles_one_differing_is_a_disagreement():
    reports = [Article(i, ENGLISH) for i in (1, 2, 3)]
    for report, value in zip(reports, (38e9, 38e9, 40e9), strict=True):
        report.link(report.tag("$38 billion", MONEY, value=value, unit="USD"),
                    report.tag("OpenAI", ORG, entity_id=OPENAI),
                    report.tag("AWS", ORG, entity_id=AWS))
    result = compare([r.data() for r in reports])
    assert [list(g.amounts) for g in result.disagreeing_amounts] == [[1, 2, 3]]
    assert [list(g.amounts) for g in result.agreeing_amounts] == [[1, 2]]
    assert [(e.name, len(e.mentions)) for e in result.shared_entities] == [
        ("Amazon Web Services", 3), ("OpenAI", 3)]
