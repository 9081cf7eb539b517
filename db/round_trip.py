"""What a JSON Lines export carries besides the annotations, and what its import writes back.

Beside its annotations, an article's line holds the names its entities go by
(their aliases), the spans the user refused as suggestions and the currency
of "$" (``article.currency_hint``, read with the articles). The rejected
spans are read a chunk of articles at a time, the entities all at once, at
a cost of one query each whatever the number of articles; the write merges
aliases into an entity without taking one from another entity.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from db.entities import insert_alias, names_of
from db.entity_admin import entity_named
from db.models import Entity, EntityAlias, Label, RejectedSuggestion, database
from db.names import name_key


@dataclass(frozen=True)
class EntityNames:
    """An entity as an export names it: its name, its label's name, its aliases (oldest first)."""

    id: int
    name: str
    label: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class RejectedSpan:
    """A span refused as a suggestion of a label, with what it takes to recreate the label."""

    start: int
    end: int
    label: str
    label_kind: str
    label_color: str


@dataclass(frozen=True)
class AliasClash:
    """An alias left out because it already names another entity of the same label."""

    alias: str
    other: str


def all_entities(with_aliases: bool = True) -> dict[int, EntityNames]:
    """Every entity, by id, with its label's name and (if ``with_aliases``) its aliases.

    One read for a whole export, which names the entities of every line:
    two statements, whatever the number of articles. The rows are read from
    the cursor as they come, without a peewee object each.
    """
    aliases: dict[int, list[str]] = {}
    if with_aliases:
        for entity_id, alias in _rows(EntityAlias.select(EntityAlias.entity, EntityAlias.alias)
                                      .order_by(EntityAlias.id)):
            aliases.setdefault(int(entity_id), []).append(str(alias))
    rows = _rows(Entity.select(Entity.id, Entity.name, Label.name)
                 .join(Label, on=(Entity.label == Label.id)))
    return {int(entity_id): EntityNames(int(entity_id), str(name), str(label),
                                        tuple(aliases.get(int(entity_id), ())))
            for entity_id, name, label in rows}


def rejections_of_articles(article_ids: Sequence[int]) -> dict[int, list[RejectedSpan]]:
    """The spans refused as suggestions in these articles, by article, in text order."""
    query = (RejectedSuggestion.select(RejectedSuggestion.article, RejectedSuggestion.start,
                                       RejectedSuggestion.end, Label.name, Label.kind,
                                       Label.color)
             .join(Label, on=(RejectedSuggestion.label == Label.id))
             .where(RejectedSuggestion.article.in_(list(article_ids)))
             .order_by(RejectedSuggestion.article, RejectedSuggestion.start,
                       RejectedSuggestion.end, Label.name).tuples())
    found: dict[int, list[RejectedSpan]] = {}
    for article_id, start, end, label, kind, color in cast(Iterable[tuple[Any, ...]], query):
        found.setdefault(int(article_id), []).append(
            RejectedSpan(int(start), int(end), str(label), str(kind), str(color)))
    return found


def merge_aliases(entity_id: int, aliases: Iterable[str]) -> list[AliasClash]:
    """Gives the entity each of ``aliases`` it does not go by yet, in one transaction.

    An alias the entity already has (by key: case, accents and spacing aside),
    or its own name, is skipped. One that names another entity of the same
    label (by its name or an alias) is left to that entity and returned, so
    the caller can say so.

    Returns:
        The aliases left out because another entity has them, with that entity's name.
    """
    clashes: list[AliasClash] = []
    with database.atomic():
        found = names_of(entity_id)
        if found is None:
            return clashes
        label_id, keys = found
        for alias in aliases:
            text = " ".join(alias.split())
            key = name_key(text)
            if not key or key in keys:
                continue
            other = entity_named(key, label_id, exclude=[entity_id])
            if other is not None:
                clashes.append(AliasClash(text, other.name))
                continue
            insert_alias(entity_id, text)
            keys.add(key)
    return clashes


def _rows(query: Any) -> Iterable[tuple[Any, ...]]:
    """The rows of a peewee query as the database cursor gives them, in its column order."""
    sql, params = query.sql()
    return cast(Iterable[tuple[Any, ...]], database.execute_sql(sql, params))
