"""Comparing the annotations of several articles: what they share, what they disagree on.

Two reports of the same event name the same entities and the same figures,
in whatever language: "38 milliards de dollars" and "$38 billion" are both
stored as 3.8 × 10¹⁰ USD. :func:`compare` finds, over the annotations of two
or more articles,

- the entities mentioned in several of them (every mention points to an
  entity, so this is a matter of entity ids), and those only one mentions;
- the amounts that agree: the same unit and shape (a value, a range, a
  bound of the same kind) and values within a relative tolerance; counts in
  articles of two languages agree whatever noun each counts in its own
  ("100 000 GPU" and "100,000 processors": the nouns are not translated);
- the amounts that disagree: amounts of one label linked (by relations, such
  as a deal) to the same set of parties in several articles, whose values
  differ beyond the tolerance or whose units differ.

It reads nothing: the caller passes each article's annotations, entity names,
label kinds and relations as plain data. Only accepted annotations count, as
in the plots.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from db.names import name_order
from db.records import ACCEPTED, AMOUNT, ENTITY, AnnotationRecord
from desktop.core.formatting import is_counted_noun

TOLERANCE = 0.01
"""How far apart (relative to the larger) two values may be and still agree."""


@dataclass(frozen=True)
class ArticleAnnotations:
    """What :func:`compare` needs to know about one article.

    Attributes:
        article_id: the article.
        title: its title (for the caller's headings).
        records: its annotations, in any order.
        entity_names: the name of each entity its mentions point to.
        label_kinds: the kind (``"entity"`` or ``"amount"``) of each label id.
        relations: (source annotation id, target annotation id) of each link
            touching its annotations, in either direction.
        language: its language ("fr", "en"; "" unknown), which its counted
            nouns are in.
    """

    article_id: int
    title: str
    records: Sequence[AnnotationRecord]
    entity_names: Mapping[int, str] = field(default_factory=dict)
    label_kinds: Mapping[int, str] = field(default_factory=dict)
    relations: Sequence[tuple[int, int]] = ()
    language: str = ""


@dataclass(frozen=True)
class EntityMentions:
    """One entity and its mentions, per article.

    Attributes:
        entity_id: the entity.
        name: its name.
        label_id: the label of its first mention.
        mentions: article id → its mentions there, by position (only the
            articles that mention it).
    """

    entity_id: int
    name: str
    label_id: int
    mentions: Mapping[int, tuple[AnnotationRecord, ...]]

    @property
    def total(self) -> int:
        """Its mentions over all the articles."""
        return sum(len(m) for m in self.mentions.values())

    def first(self, article_id: int) -> AnnotationRecord | None:
        """Its first mention in that article, if it has one there."""
        found = self.mentions.get(article_id, ())
        return found[0] if found else None


@dataclass(frozen=True)
class AmountGroup:
    """Amounts of several articles, listed together, per article.

    Attributes:
        amounts: article id → its amounts in the group, by position.
        parties: for a disagreement, the entity ids the amounts are linked to
            (empty for amounts that agree).
        label_id: the label of the first amount.
    """

    amounts: Mapping[int, tuple[AnnotationRecord, ...]]
    parties: frozenset[int] = frozenset()
    label_id: int = 0

    def first(self, article_id: int) -> AnnotationRecord | None:
        """The first of its amounts in that article, if it has one there."""
        found = self.amounts.get(article_id, ())
        return found[0] if found else None

    @property
    def largest(self) -> float:
        return max((r.value_high if r.value_high is not None else r.value or 0.0)
                   for records in self.amounts.values() for r in records)


@dataclass(frozen=True)
class Comparison:
    """What :func:`compare` found.

    Attributes:
        article_ids: the articles compared, in the order given.
        shared_entities: entities mentioned in two or more of them, most
            mentioned first.
        only_in: article id → the entities only that article mentions, most
            mentioned first.
        agreeing_amounts: groups of amounts from two or more articles that
            agree, largest first.
        disagreeing_amounts: amounts linked to the same parties in two or
            more articles that do not agree, largest first.
        party_names: the names of the entities in ``disagreeing_amounts``' parties.
    """

    article_ids: tuple[int, ...]
    shared_entities: tuple[EntityMentions, ...] = ()
    only_in: Mapping[int, tuple[EntityMentions, ...]] = field(default_factory=dict)
    agreeing_amounts: tuple[AmountGroup, ...] = ()
    disagreeing_amounts: tuple[AmountGroup, ...] = ()
    party_names: Mapping[int, str] = field(default_factory=dict)


# --- values -----------------------------------------------------------------------------


def close(a: float, b: float, tolerance: float = TOLERANCE) -> bool:
    """True if ``a`` and ``b`` are within ``tolerance`` of the larger of them.

    The bound is inclusive (99 and 100 agree at 1 %), with a hair of slack for
    values that went through floating point ("38,5 milliards" × 10⁹).
    """
    if a == b:
        return True
    scale = max(abs(a), abs(b))
    return abs(a - b) <= tolerance * scale * (1 + 1e-9)


def _high(record: AnnotationRecord) -> float | None:
    """The high end of a range, or None for a single value."""
    if record.value_high is None or record.value_high == record.value:
        return None
    return record.value_high


_COUNT = "\x00count"
"""Stands for any counted noun in :func:`_shape` across languages."""


def _shape(record: AnnotationRecord, any_noun: bool = False) -> tuple[str, str, bool]:
    """What must be equal for two amounts to be compared: unit, bound, range or not.

    ``any_noun``: every counted noun is the same unit (amounts of articles in two
    languages, whose nouns are not translated).
    """
    unit = record.unit or ""
    if any_noun and is_counted_noun(unit):
        unit = _COUNT
    return (unit, record.bound or "", _high(record) is not None)


def agree(a: AnnotationRecord, b: AnnotationRecord, tolerance: float = TOLERANCE,
          across_languages: bool = False) -> bool:
    """True if two amounts say the same: same unit and shape, values within tolerance.

    Ranges agree when both their ends do; bounds when they are of the same
    kind ("at least") and their values agree. Whether either is approximate
    does not matter. Amounts without a value never agree. With
    ``across_languages`` (two articles in two languages), counts agree whatever
    their nouns: "processeur" and "GPU".
    """
    if a.value is None or b.value is None or \
            _shape(a, across_languages) != _shape(b, across_languages):
        return False
    if not close(a.value, b.value, tolerance):
        return False
    high_a, high_b = _high(a), _high(b)
    return high_a is None or high_b is None or close(high_a, high_b, tolerance)


# --- comparing ----------------------------------------------------------------------------


def compare(articles: Sequence[ArticleAnnotations],
            tolerance: float = TOLERANCE) -> Comparison:
    """Compares the annotations of ``articles`` (two or more, each once).

    Args:
        articles: each article's annotations and what they point to.
        tolerance: how far apart two values may be, relative to the larger,
            and still agree (1 % by default).
    """
    ids = tuple(a.article_id for a in articles)
    shared, only = _entities(articles)
    disagreeing, party_names = _disagreements(articles, tolerance)
    return Comparison(article_ids=ids, shared_entities=shared, only_in=only,
                      agreeing_amounts=_agreements(articles, tolerance),
                      disagreeing_amounts=disagreeing, party_names=party_names)


def _accepted(records: Iterable[AnnotationRecord], kinds: Mapping[int, str],
              kind: str) -> list[AnnotationRecord]:
    return sorted((r for r in records if r.status == ACCEPTED and kinds.get(r.label_id) == kind),
                  key=lambda r: (r.start, r.end, r.id or 0))


def _entities(articles: Sequence[ArticleAnnotations]
              ) -> tuple[tuple[EntityMentions, ...], dict[int, tuple[EntityMentions, ...]]]:
    """The entities several articles mention, and those each mentions alone."""
    by_entity: dict[int, dict[int, list[AnnotationRecord]]] = {}
    names: dict[int, str] = {}
    for article in articles:
        for record in _accepted(article.records, article.label_kinds, ENTITY):
            if record.entity_id is None:
                continue
            by_entity.setdefault(record.entity_id, {}).setdefault(
                article.article_id, []).append(record)
            names.setdefault(record.entity_id,
                             article.entity_names.get(record.entity_id) or record.quote)
    entities = [EntityMentions(entity_id, names[entity_id],
                               next(iter(mentions.values()))[0].label_id,
                               {a: tuple(m) for a, m in mentions.items()})
                for entity_id, mentions in by_entity.items()]
    entities.sort(key=lambda e: (-e.total, name_order(e.name), e.entity_id))
    shared = tuple(e for e in entities if len(e.mentions) >= 2)
    only = {a.article_id: tuple(e for e in entities if list(e.mentions) == [a.article_id])
            for a in articles}
    return shared, only


def _sort_groups(groups: Iterable[AmountGroup]) -> tuple[AmountGroup, ...]:
    def key(group: AmountGroup) -> tuple[float, str, int]:
        first = next(r for records in group.amounts.values() for r in records)
        return (-group.largest, first.unit or "", first.start)

    return tuple(sorted(groups, key=key))


def _agreements(articles: Sequence[ArticleAnnotations],
                tolerance: float) -> tuple[AmountGroup, ...]:
    """Groups of agreeing amounts that span two or more articles.

    Amounts of two articles that agree are joined, the closest pairs first, as
    long as every value of the group stays within the tolerance of every other:
    $100M in one article and $100.5M in another make a group even when the
    first also says $99M, and 99, 100 and 101 make one group of two, not a
    chain of three. The amounts are sorted by shape and value, so each is only
    compared with the few values that follow it within the tolerance.
    """
    languages = {article.article_id: article.language for article in articles}
    mixed = len({language for language in languages.values() if language}) > 1
    amounts = [(article.article_id, record) for article in articles
               for record in _accepted(article.records, article.label_kinds, AMOUNT)
               if record.value is not None]
    amounts.sort(key=lambda item: (_shape(item[1], mixed), item[1].value or 0.0,
                                   _high(item[1]) or 0.0))
    pairs: list[tuple[float, int, int]] = []  # (how far apart, i, j)
    for i, (article_a, a) in enumerate(amounts):
        for j in range(i + 1, len(amounts)):
            article_b, b = amounts[j]
            if _shape(a, mixed) != _shape(b, mixed) or \
                    not close(a.value or 0.0, b.value or 0.0, tolerance):
                break  # sorted: no later value is closer
            if article_a != article_b and agree(
                    a, b, tolerance, _languages_differ(languages, article_a, article_b)):
                pairs.append((_apart(a, b), i, j))
    group_of = list(range(len(amounts)))  # union-find over the amounts' places
    members = {i: [record] for i, (_, record) in enumerate(amounts)}

    def root(i: int) -> int:
        while group_of[i] != i:
            group_of[i] = group_of[group_of[i]]
            i = group_of[i]
        return i

    for _, i, j in sorted(pairs):
        first, second = root(i), root(j)
        if first != second and _all_close([*members[first], *members[second]], tolerance):
            group_of[second] = first
            members[first] += members.pop(second)
    grouped: dict[int, dict[int, list[AnnotationRecord]]] = {}
    for i, (article_id, record) in enumerate(amounts):
        grouped.setdefault(root(i), {}).setdefault(article_id, []).append(record)
    found = [AmountGroup(_in_order(per_article, articles),
                         label_id=next(iter(per_article.values()))[0].label_id)
             for per_article in grouped.values() if len(per_article) >= 2]
    return _sort_groups(found)


def _apart(a: AnnotationRecord, b: AnnotationRecord) -> float:
    """How far apart two amounts' values are, relative to the larger (ends of ranges too)."""
    def gap(x: float, y: float) -> float:
        scale = max(abs(x), abs(y))
        return abs(x - y) / scale if scale else 0.0

    high_a, high_b = _high(a), _high(b)
    ends = gap(high_a, high_b) if high_a is not None and high_b is not None else 0.0
    return max(gap(a.value or 0.0, b.value or 0.0), ends)


def _all_close(records: Sequence[AnnotationRecord], tolerance: float) -> bool:
    """True if every value (and every high end) is within the tolerance of every other."""
    values = [r.value or 0.0 for r in records]
    highs = [h for r in records if (h := _high(r)) is not None]
    return close(min(values), max(values), tolerance) and (
        not highs or close(min(highs), max(highs), tolerance))


def _languages_differ(languages: Mapping[int, str], a: int, b: int) -> bool:
    """True if articles ``a`` and ``b`` are known to be in two languages."""
    return bool(languages[a]) and bool(languages[b]) and languages[a] != languages[b]


def _in_order(per_article: Mapping[int, list[AnnotationRecord]],
              articles: Sequence[ArticleAnnotations]) -> dict[int, tuple[AnnotationRecord, ...]]:
    """The records per article, the articles in the given order, each's by position."""
    return {a.article_id: tuple(sorted(per_article[a.article_id],
                                       key=lambda r: (r.start, r.end, r.id or 0)))
            for a in articles if a.article_id in per_article}


def _parties(article: ArticleAnnotations) -> dict[int, frozenset[int]]:
    """For each amount of the article linked to entity mentions, their entities."""
    by_id = {r.id: r for r in article.records if r.id is not None and r.status == ACCEPTED}
    kinds = article.label_kinds
    linked: dict[int, set[int]] = {}
    for source, target in article.relations:
        for amount_id, party_id in ((source, target), (target, source)):
            amount, party = by_id.get(amount_id), by_id.get(party_id)
            if (amount is not None and party is not None and party.entity_id is not None
                    and kinds.get(amount.label_id) == AMOUNT
                    and kinds.get(party.label_id) == ENTITY):
                linked.setdefault(amount_id, set()).add(party.entity_id)
    return {amount_id: frozenset(parties) for amount_id, parties in linked.items()}


def _disagreements(articles: Sequence[ArticleAnnotations], tolerance: float
                   ) -> tuple[tuple[AmountGroup, ...], dict[int, str]]:
    """Amounts of one label linked to the same parties in several articles that differ.

    For each set of parties and amount label, the articles that link amounts
    of that label to exactly those parties are compared: when one of them
    holds an amount that no other agrees with, the group is a disagreement
    (an article saying both $38 billion and seven years of the same deal is
    compared label by label, money with money).
    """
    linked: dict[tuple[frozenset[int], int], dict[int, list[AnnotationRecord]]] = {}
    names: dict[int, str] = {}
    languages = {article.article_id: article.language for article in articles}
    for article in articles:
        parties = _parties(article)
        for record in _accepted(article.records, article.label_kinds, AMOUNT):
            if record.id in parties and record.value is not None:
                key = (parties[record.id], record.label_id)
                linked.setdefault(key, {}).setdefault(article.article_id, []).append(record)
        for record in article.records:
            if record.entity_id is not None and record.entity_id in article.entity_names:
                names.setdefault(record.entity_id, article.entity_names[record.entity_id])
    found: list[AmountGroup] = []
    for (parties_key, label_id), per_article in linked.items():
        if len(per_article) < 2:
            continue
        unmatched = any(
            not any(agree(record, other, tolerance,
                          _languages_differ(languages, article_id, other_id))
                    for other_id, others in per_article.items() if other_id != article_id
                    for other in others)
            for article_id, records in per_article.items() for record in records)
        if unmatched:
            found.append(AmountGroup(_in_order(per_article, articles), parties_key, label_id))
    party_names = {entity_id: names.get(entity_id, "?")
                   for group in found for entity_id in group.parties}
    return _sort_groups(found), party_names
