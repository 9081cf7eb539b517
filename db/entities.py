"""Entities and their aliases: the writes the core operations make, and their undo."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from peewee import Model, fn

from db.dialect import of as dialect_of
from db.models import Annotation, Entity, EntityAlias, Meta, database
from db.names import name_key
from db.reads import entity_names as entity_names


def find_entity(name: str, label_id: int) -> int | None:
    """The entity of this label that ``name`` names, if any (see :mod:`db.names`).

    Its name is looked for first, then its aliases; the oldest entity wins.
    """
    key = name_key(name)
    row = (Entity.select(Entity.id).where((Entity.key == key) & (Entity.label == label_id))
           .order_by(Entity.id).first())
    if row is not None:
        return int(row.id)
    alias = (EntityAlias.select(EntityAlias.entity).join(Entity)
             .where((EntityAlias.key == key) & (Entity.label == label_id))
             .order_by(EntityAlias.id).first())
    return int(alias.entity_id) if alias is not None else None


def insert_entity(name: str, label_id: int, entity_id: int | None = None) -> int:
    """Stores an entity (with ``entity_id`` when it is being restored); returns its id."""
    values: dict[str, object] = {"name": name, "label": label_id, "key": name_key(name)}
    with database.atomic():
        fresh = entity_id if entity_id is not None else fresh_id(Entity)
        if fresh is not None:
            values["id"] = fresh
        return int(Entity.insert(values).execute())


def fresh_id(table: type[Model]) -> int | None:
    """An id for a new entity or alias that none had before, inside the caller's
    transaction; None on PostgreSQL, whose sequences never give an id twice.

    SQLite gives a new row the largest id in use plus one, so an entity deleted
    by a merge would see its id taken by the next new one, and the merge's undo
    (which puts it back with its id) fail. The largest id given is kept in
    ``meta`` (``<table>_id_high``) and never given again.
    """
    if not dialect_of(database).is_sqlite:
        return None
    key = f"{table._meta.table_name}_id_high"
    used = int(table.select(fn.MAX(table._meta.primary_key)).scalar() or 0)
    given = Meta.get_or_none(Meta.key == key)
    fresh = max(used, int(given.value) if given is not None else 0) + 1
    Meta.insert(key=key, value=str(fresh)).on_conflict(
        conflict_target=[Meta.key], update={Meta.value: str(fresh)}).execute()
    return fresh


def delete_entity(entity_id: int) -> None:
    """Deletes an entity and its aliases (its mentions lose their link)."""
    with database.atomic():
        Entity.delete().where(Entity.id == entity_id).execute()


def entity_in_use(entity_id: int) -> bool:
    """True if an annotation still points to this entity."""
    return bool(Annotation.select().where(Annotation.entity == entity_id).exists())


def insert_alias(entity_id: int, alias: str, alias_id: int | None = None) -> int | None:
    """Gives the entity another name; returns the alias's id (``alias_id`` when it is
    being made again, by a redo), or None if it had one with the same key already."""
    key = name_key(alias)
    with database.atomic():
        exists = (EntityAlias.select()
                  .where((EntityAlias.entity == entity_id) & (EntityAlias.key == key))
                  .exists())
        if exists:
            return None
        values: dict[str, object] = {"entity": entity_id, "alias": alias, "key": key}
        fresh = alias_id if alias_id is not None else fresh_id(EntityAlias)
        if fresh is not None:
            values["id"] = fresh
        return int(EntityAlias.insert(values).execute())


def delete_alias(entity_id: int, alias: str) -> None:
    with database.atomic():
        EntityAlias.delete().where(
            (EntityAlias.entity == entity_id) & (EntityAlias.alias == alias)).execute()


@dataclass(frozen=True)
class SavedEntity:
    """An entity and its aliases as stored, to put back with the same ids."""

    row: dict[str, Any]
    aliases: list[dict[str, Any]]


def save_entity(entity_id: int) -> SavedEntity | None:
    row = Entity.select().where(Entity.id == entity_id).dicts().first()
    if row is None:
        return None
    aliases = cast(Iterable[dict[str, Any]],
                   EntityAlias.select().where(EntityAlias.entity == entity_id).dicts())
    return SavedEntity(cast(dict[str, Any], row), list(aliases))


def restore_entity(saved: SavedEntity) -> None:
    with database.atomic():
        Entity.insert(saved.row).execute()
        if saved.aliases:
            EntityAlias.insert_many(saved.aliases).execute()


def names_of(entity_id: int) -> tuple[int, set[str]] | None:
    """The label of an entity and the keys of its name and aliases (None if gone)."""
    row = Entity.select(Entity.label, Entity.key).where(Entity.id == entity_id).first()
    if row is None:
        return None
    aliases = EntityAlias.select(EntityAlias.key).where(EntityAlias.entity == entity_id)
    return int(row.label_id), {str(row.key), *(str(a.key) for a in aliases)}
