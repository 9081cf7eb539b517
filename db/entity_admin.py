"""Entities as a list to manage: their counts, and the writes that rename, merge,
split and delete them (with the rows to put back on undo).

The list is two queries whatever the number of entities: one ``GROUP BY``
over the mentions (read from the ``annotation_entity_mentions`` index alone)
joined to the entities, and one for the aliases. Every write stores the name
key (:func:`db.names.name_key`) beside a name it creates or changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from db.connection import dialect
from db.entities import fresh_id
from db.entities import insert_entity as insert_entity
from db.models import Annotation, Entity, EntityAlias, _now, database
from db.names import name_key
from db.reads import annotations_where
from db.records import AnnotationRecord

# Ids travel as one JSON array parameter (no limit on how many); writes that
# name rows one by one do it this many at a time.
_CHUNK = 500


@dataclass(frozen=True)
class EntityRow:
    """One line of the entities list.

    Attributes:
        mentions: annotations pointing to the entity.
        articles: articles holding at least one of them.
    """

    id: int
    name: str
    label_id: int
    label: str
    aliases: tuple[str, ...]
    mentions: int
    articles: int


class EntityRecord(NamedTuple):
    """An entity row as stored (to check, and to put back with its id)."""

    id: int
    name: str
    label_id: int
    key: str


class AliasRecord(NamedTuple):
    """An alias row as stored; ``id`` None for one not stored yet."""

    id: int | None
    entity_id: int
    alias: str
    key: str


def new_alias(entity_id: int, alias: str, alias_id: int | None = None) -> AliasRecord:
    """An alias to store, with its key."""
    return AliasRecord(alias_id, entity_id, alias, name_key(alias))


def _ids(ids: Iterable[int]) -> str:
    return json.dumps(sorted({int(i) for i in ids}))


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# --- reads ------------------------------------------------------------------


def entity_rows(text: str = "", label_id: int | None = None) -> list[EntityRow]:
    """Every entity with its label, aliases, mention and article counts, by name.

    Args:
        text: keep entities whose name or an alias contains it (compared by
            key: case, accents and elision aside); "" keeps all.
        label_id: keep the entities of this label only; None keeps all.
    """
    key = name_key(text)
    params: list[Any] = []
    where = []
    if label_id is not None:
        where.append("e.label_id = ?")
        params.append(label_id)
    if key:
        where.append("(e.key LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM entity_alias x "
                     "WHERE x.entity_id = e.id AND x.key LIKE ? ESCAPE '\\'))")
        params += [_like(key), _like(key)]
    sql = ("SELECT e.id, e.name, e.label_id, l.name, COALESCE(m.mentions, 0), "
           "COALESCE(m.articles, 0) FROM entity e JOIN label l ON l.id = e.label_id "
           "LEFT JOIN (SELECT entity_id, COUNT(*) AS mentions, "
           "COUNT(DISTINCT article_id) AS articles FROM annotation "
           "WHERE entity_id IS NOT NULL GROUP BY entity_id) m ON m.entity_id = e.id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY lower(e.name){dialect().by_code_point}, e.id")
    rows = database.execute_sql(sql, params).fetchall()
    aliases = _aliases_by_entity(None if not where else [row[0] for row in rows])
    return [EntityRow(id=row[0], name=row[1], label_id=row[2], label=row[3],
                      aliases=tuple(aliases.get(row[0], ())), mentions=row[4],
                      articles=row[5]) for row in rows]


def _aliases_by_entity(entity_ids: list[int] | None) -> dict[int, list[str]]:
    """The aliases of these entities (of all when None), alphabetical."""
    sql = "SELECT entity_id, alias FROM entity_alias"
    params: list[Any] = []
    if entity_ids is not None:
        sql += f" WHERE entity_id IN {dialect().ids_in()}"
        params.append(_ids(entity_ids))
    found: dict[int, list[str]] = {}
    for entity_id, alias in database.execute_sql(
            sql + f" ORDER BY lower(alias){dialect().by_code_point}, id", params):
        found.setdefault(entity_id, []).append(alias)
    return found


def get_entity(entity_id: int) -> EntityRecord | None:
    row = database.execute_sql('SELECT id, name, label_id, "key" FROM entity WHERE id = ?',
                               (entity_id,)).fetchone()
    return EntityRecord(*row) if row is not None else None


def get_entities(entity_ids: Iterable[int]) -> list[EntityRecord]:
    """These entities (those that exist), by id."""
    rows = database.execute_sql(
        'SELECT id, name, label_id, "key" FROM entity '
        f"WHERE id IN {dialect().ids_in()} ORDER BY id", (_ids(entity_ids),))
    return [EntityRecord(*row) for row in rows]


def aliases_of(entity_ids: Iterable[int]) -> list[AliasRecord]:
    """The alias rows of these entities, by id."""
    rows = database.execute_sql(
        'SELECT id, entity_id, alias, "key" FROM entity_alias '
        f"WHERE entity_id IN {dialect().ids_in()} ORDER BY id", (_ids(entity_ids),))
    return [AliasRecord(*row) for row in rows]


def entity_named(key: str, label_id: int, exclude: Iterable[int] = ()) -> EntityRecord | None:
    """The entity of this label (other than ``exclude``) with this key as name or alias.

    Names come before aliases, and the oldest entity first.
    """
    excluded = _ids(exclude)
    row = database.execute_sql(
        'SELECT id, name, label_id, "key" FROM entity WHERE label_id = ? AND "key" = ? '
        f"AND id NOT IN {dialect().ids_in()} ORDER BY id LIMIT 1",
        (label_id, key, excluded)).fetchone()
    if row is None:
        row = database.execute_sql(
            'SELECT e.id, e.name, e.label_id, e."key" FROM entity_alias a '
            "JOIN entity e ON e.id = a.entity_id WHERE e.label_id = ? AND a.\"key\" = ? "
            f"AND e.id NOT IN {dialect().ids_in()} ORDER BY a.id LIMIT 1",
            (label_id, key, excluded)).fetchone()
    return EntityRecord(*row) if row is not None else None


def _records(where: str, params: Sequence[Any]) -> list[AnnotationRecord]:
    return annotations_where(where, list(params))


def mentions_of(entity_ids: Iterable[int]) -> list[AnnotationRecord]:
    """Every annotation pointing to these entities, by id (with ``created_at``)."""
    return _records(f"entity_id IN {dialect().ids_in()}", (_ids(entity_ids),))


def annotations_by_id(ids: Iterable[int]) -> list[AnnotationRecord]:
    """These annotations as stored, by id."""
    return _records(f"id IN {dialect().ids_in()}", (_ids(ids),))


def articles_mentioning(entity_id: int) -> list[int]:
    """The articles holding a mention of this entity, newest first."""
    rows = database.execute_sql(
        "SELECT ar.id FROM article ar WHERE ar.id IN "
        "(SELECT article_id FROM annotation WHERE entity_id = ?) "
        "ORDER BY ar.published IS NULL, ar.published DESC, ar.id", (entity_id,))
    return [row[0] for row in rows]


# --- writes -----------------------------------------------------------------
# Each is atomic by itself; the core operations run several in one transaction.


def rename_entity(entity_id: int, name: str, key: str | None = None) -> None:
    """Gives the entity another name, and its key (``name_key(name)`` unless given)."""
    with database.atomic():
        (Entity.update(name=name, key=name_key(name) if key is None else key)
         .where(Entity.id == entity_id).execute())


def insert_entities(records: Iterable[EntityRecord]) -> None:
    """Stores entities with their ids and keys (new ones, or ones put back)."""
    rows = [{"id": r.id, "name": r.name, "label": r.label_id, "key": r.key} for r in records]
    with database.atomic():
        for first in range(0, len(rows), _CHUNK):
            Entity.insert_many(rows[first:first + _CHUNK]).execute()


def delete_entities(entity_ids: Iterable[int]) -> None:
    """Deletes entities with their aliases (mentions still pointing to them lose the link)."""
    ids = sorted(set(entity_ids))
    with database.atomic():
        for first in range(0, len(ids), _CHUNK):
            Entity.delete().where(Entity.id.in_(ids[first:first + _CHUNK])).execute()


def insert_aliases(records: Iterable[AliasRecord]) -> list[int]:
    """Stores aliases (keeping the ids of those that have one); returns their ids."""
    ids = []
    with database.atomic():
        for record in records:
            values: dict[str, Any] = {"entity": record.entity_id, "alias": record.alias,
                                      "key": record.key}
            fresh = record.id if record.id is not None else fresh_id(EntityAlias)
            if fresh is not None:
                values["id"] = fresh
            ids.append(int(EntityAlias.insert(values).execute()))
    return ids


def delete_aliases(alias_ids: Iterable[int]) -> None:
    ids = sorted(set(alias_ids))
    with database.atomic():
        for first in range(0, len(ids), _CHUNK):
            EntityAlias.delete().where(EntityAlias.id.in_(ids[first:first + _CHUNK])).execute()


def point_mentions(annotation_ids: Iterable[int], entity_id: int) -> None:
    """Points these annotations to ``entity_id``."""
    ids = sorted(set(annotation_ids))
    now = _now()
    with database.atomic():
        for first in range(0, len(ids), _CHUNK):
            (Annotation.update(entity=entity_id, updated_at=now)
             .where(Annotation.id.in_(ids[first:first + _CHUNK])).execute())


def delete_mentions(entity_id: int) -> None:
    """Deletes every annotation pointing to the entity (their relations go with them)."""
    with database.atomic():
        Annotation.delete().where(Annotation.entity == entity_id).execute()


def move_mentions(from_ids: Iterable[int], to_id: int) -> None:
    """Points every mention of the entities ``from_ids`` to ``to_id``."""
    ids = sorted(set(from_ids))
    now = _now()
    with database.atomic():
        for first in range(0, len(ids), _CHUNK):
            (Annotation.update(entity=to_id, updated_at=now)
             .where(Annotation.entity.in_(ids[first:first + _CHUNK])).execute())
