"""Entities and their aliases: the writes the core operations make, and their undo."""

from __future__ import annotations

from db.models import Annotation, Entity, EntityAlias, database
from db.reads import entity_names as entity_names


def find_entity(name: str, label_id: int) -> int | None:
    """The entity of this label named ``name`` or having it as an alias, if any."""
    row = Entity.get_or_none((Entity.name == name) & (Entity.label == label_id))
    if row is not None:
        return int(row.id)
    alias = (EntityAlias.select(EntityAlias.entity).join(Entity)
             .where((EntityAlias.alias == name) & (Entity.label == label_id)).first())
    return int(alias.entity_id) if alias is not None else None


def insert_entity(name: str, label_id: int, entity_id: int | None = None) -> int:
    """Stores an entity (with ``entity_id`` when it is being restored); returns its id."""
    values: dict[str, object] = {"name": name, "label": label_id}
    if entity_id is not None:
        values["id"] = entity_id
    with database.atomic():
        return int(Entity.insert(values).execute())


def delete_entity(entity_id: int) -> None:
    """Deletes an entity and its aliases (its mentions lose their link)."""
    with database.atomic():
        Entity.delete().where(Entity.id == entity_id).execute()


def entity_in_use(entity_id: int) -> bool:
    """True if an annotation still points to this entity."""
    return bool(Annotation.select().where(Annotation.entity == entity_id).exists())


def insert_alias(entity_id: int, alias: str) -> bool:
    """Gives the entity another name; False if it already had it."""
    with database.atomic():
        exists = (EntityAlias.select()
                  .where((EntityAlias.entity == entity_id) & (EntityAlias.alias == alias))
                  .exists())
        if exists:
            return False
        EntityAlias.insert(entity=entity_id, alias=alias).execute()
    return True


def delete_alias(entity_id: int, alias: str) -> None:
    with database.atomic():
        EntityAlias.delete().where(
            (EntityAlias.entity == entity_id) & (EntityAlias.alias == alias)).execute()
