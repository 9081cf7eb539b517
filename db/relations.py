"""Links between annotations (a deal: an amount and its parties), kept with their ids."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple, cast

from db.models import Relation, database


class RelationRecord(NamedTuple):
    id: int | None
    kind: str
    source: int
    target: int
    author: str = ""  # who linked them (Preferences ▸ Author)


def relations_touching(annotation_ids: list[int]) -> list[RelationRecord]:
    """The relations that involve any of these annotations."""
    if not annotation_ids:
        return []
    query = cast(Iterable[dict[str, Any]], (
        Relation.select(Relation.id, Relation.kind, Relation.source, Relation.target,
                        Relation.author)
        .where(Relation.source.in_(annotation_ids) | Relation.target.in_(annotation_ids))
        .dicts()))
    return [RelationRecord(int(r["id"]), str(r["kind"]), int(r["source"]), int(r["target"]),
                           str(r["author"])) for r in query]


def insert_relations(relations: list[RelationRecord]) -> list[int]:
    """Stores relations (keeping the ids of those restored); returns their ids."""
    ids = []
    with database.atomic():
        for relation in relations:
            values: dict[str, object] = {"kind": relation.kind, "source": relation.source,
                                         "target": relation.target, "author": relation.author}
            if relation.id is not None:
                values["id"] = relation.id
            ids.append(int(Relation.insert(values).execute()))
    return ids


def delete_relations(ids: list[int]) -> None:
    with database.atomic():
        Relation.delete().where(Relation.id.in_(ids)).execute()
