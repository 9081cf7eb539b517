"""Queries and writes for annotations, labels and entities.

Each write function is one committed transaction: a user action is on disk
when the call returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypedDict, cast

from peewee import fn

# The reads that show an article live in db.reads (no peewee), the records in
# db.records; both are offered here too, under the names callers know.
from db import entities as entity_store
from db import relations as relation_store
from db.dialect import of as dialect_of
from db.models import (
    Annotation,
    Article,
    Entity,
    Label,
    Relation,
    _now,
    database,
)
from db.reads import annotation_count as annotation_count
from db.reads import annotations_for_article as annotations_for_article
from db.reads import annotations_starting_before as annotations_starting_before
from db.reads import entity_name as entity_name
from db.reads import entity_names as entity_names
from db.reads import get_annotation as get_annotation
from db.reads import labels as labels
from db.reads import linked_quotes as linked_quotes
from db.records import EDITABLE as EDITABLE
from db.records import AnnotationRecord as AnnotationRecord
from db.records import LabelRecord as LabelRecord
from db.relations import RelationRecord
from db.relations import delete_relations as delete_relations


def insert_annotation(record: AnnotationRecord) -> AnnotationRecord:
    """Stores ``record`` (keeping its id when it has one, as undo needs)."""
    values = record.fields()
    with database.atomic():
        if record.id is not None:
            values["id"] = record.id
        new_id = Annotation.insert(values).execute()
    return _stored(int(new_id))


# Rows per INSERT statement (19 values each: well under SQLite's 32,766), and
# from how many records they go in such statements.
_ROWS_PER_INSERT = 500
_BULK_FROM = 20


def insert_annotations(records: list[AnnotationRecord]) -> list[int]:
    """Stores many annotations in one transaction; returns their ids.

    A record with an id keeps it (undo, redo); the others get the next free
    ones, given here rather than by SQLite so that hundreds of rows go in
    one statement: the write lock is held from the transaction's start, so
    no other writer can take them meanwhile. (One statement per row cost
    about 0.4 ms a row: 2 s for tag all over the scale corpus.)
    """
    if len(records) < _BULK_FROM:  # a tag or two (a key press): SQLite gives the ids
        ids = []
        with database.atomic():
            for record in records:
                values = record.fields()
                if record.id is not None:
                    values["id"] = record.id
                ids.append(int(Annotation.insert(values).execute()))
        return ids
    now = _now()
    with database.atomic():
        fresh = iter(_new_ids(sum(1 for r in records if r.id is None),
                              [r.id for r in records if r.id is not None]))
        ids, rows = [], []
        for record in records:
            values = record.fields()
            values["id"] = record.id if record.id is not None else next(fresh)
            values.setdefault("created_at", now)
            values["updated_at"] = now
            ids.append(int(values["id"]))
            rows.append(values)
        for first in range(0, len(rows), _ROWS_PER_INSERT):
            Annotation.insert_many(rows[first:first + _ROWS_PER_INSERT]).execute()
    return ids


def _new_ids(count: int, kept: list[int]) -> list[int]:
    """``count`` ids for new annotations, inside the caller's transaction.

    SQLite: the next ones after the largest in use (or kept by the records);
    the transaction holds the write lock. PostgreSQL: from the table's
    sequence, which other users' transactions draw from at the same time.
    """
    if dialect_of(database).is_sqlite:
        top = max([int(Annotation.select(fn.MAX(Annotation.id)).scalar() or 0), *kept])
        return list(range(top + 1, top + 1 + count))
    return [int(row[0]) for row in database.execute_sql(
        "SELECT nextval(pg_get_serial_sequence('annotation', 'id')) "
        "FROM generate_series(1, ?)", (count,))]


def delete_annotations(ids: list[int]) -> None:
    with database.atomic():
        Annotation.delete().where(Annotation.id.in_(ids)).execute()


def update_annotation(annotation_id: int, **changes: Any) -> AnnotationRecord:
    """Changes editable fields (``label_id``, ``value``…) of one annotation."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    columns = {k.removesuffix("_id"): v for k, v in changes.items()}
    columns["updated_at"] = _now()
    with database.atomic():
        Annotation.update(columns).where(Annotation.id == annotation_id).execute()
    return _stored(annotation_id)


def _stored(annotation_id: int) -> AnnotationRecord:
    """The annotation as stored, after a write.

    Raises:
        LookupError: there is no annotation ``annotation_id``.
    """
    record = get_annotation(annotation_id)
    if record is None:
        raise LookupError(f"There is no annotation {annotation_id}.")
    return record


class _ArticleCount(TypedDict):
    article: int
    count: int


def annotation_counts(article_ids: list[int]) -> dict[int, int]:
    query = (Annotation.select(Annotation.article, fn.COUNT(Annotation.id).alias("count"))
             .where(Annotation.article.in_(article_ids)).group_by(Annotation.article).dicts())
    return {row["article"]: row["count"] for row in cast(Iterable[_ArticleCount], query)}


# --- labels -----------------------------------------------------------------

def label_by_name(name: str) -> LabelRecord | None:
    return next((label for label in labels() if label.name == name), None)


def add_label(name: str, kind: str, color: str, shortcut: str | None = None) -> LabelRecord:
    name = name.strip()
    if not name:
        raise ValueError("A label needs a name.")
    if kind not in ("entity", "amount"):
        raise ValueError(f"Unknown label kind {kind!r}.")
    with database.atomic():
        if Label.select().where(Label.name == name).exists():
            raise ValueError(f"A label named {name} already exists.")
        if shortcut:
            Label.update(shortcut=None).where(Label.shortcut == shortcut).execute()
        position = (Label.select(fn.MAX(Label.position)).scalar() or 0) + 1
        row = Label.create(name=name, kind=kind, color=color, shortcut=shortcut,
                           position=position)
    return LabelRecord(row.id, row.name, row.kind, row.color, row.shortcut, row.position)


def update_label(label_id: int, **changes: Any) -> None:
    """Renames, recolours or re-keys a label; a taken shortcut moves to it."""
    allowed = {"name", "color", "shortcut", "kind"}
    if set(changes) - allowed:
        raise ValueError(f"not editable: {set(changes) - allowed}")
    with database.atomic():
        if "name" in changes:
            name = changes["name"].strip()
            if not name:
                raise ValueError("A label needs a name.")
            clash = Label.select().where((Label.name == name) & (Label.id != label_id))
            if clash.exists():
                raise ValueError(f"A label named {name} already exists.")
            changes["name"] = name
        if changes.get("shortcut"):
            Label.update(shortcut=None).where(
                (Label.shortcut == changes["shortcut"]) & (Label.id != label_id)).execute()
        Label.update(changes).where(Label.id == label_id).execute()


def delete_label(label_id: int) -> None:
    """Deletes an unused label; refuses one that annotations still use."""
    with database.atomic():
        used = Annotation.select().where(Annotation.label == label_id).count()
        if used:
            raise ValueError(f"This label is used by {used} annotation(s); it was kept.")
        Label.delete().where(Label.id == label_id).execute()


# --- entities ---------------------------------------------------------------

def find_or_create_entity(name: str, label_id: int) -> int:
    """The entity of the label that ``name`` names (by name or alias); created if none."""
    with database.atomic():
        found = entity_store.find_entity(name, label_id)
        return found if found is not None else entity_store.insert_entity(
            " ".join(name.split()), label_id)


def entities_for_label(label_id: int) -> list[str]:
    return [r.name for r in Entity.select(Entity.name).where(Entity.label == label_id)
            .order_by(Entity.name)]


def add_alias(entity_id: int, alias: str) -> None:
    entity_store.insert_alias(entity_id, " ".join(alias.split()))


def insert_relations(relations: list[tuple[str, int, int]]) -> list[int]:
    """Stores ``(kind, source annotation, target annotation)`` links in one transaction."""
    return relation_store.insert_relations([RelationRecord(None, kind, source, target)
                                            for kind, source, target in relations])


class _LinkRow(TypedDict):
    """A relation as the queries below read it: its ends by annotation id."""

    kind: str
    source: int
    target: int


class _RelationRow(_LinkRow):
    id: int


def relations_for_article(article_id: int) -> list[tuple[int, str, int, int]]:
    """(id, kind, source annotation, target annotation) for one article."""
    query = (Relation.select(Relation.id, Relation.kind, Relation.source, Relation.target)
             .join(Annotation, on=(Relation.source == Annotation.id))
             .where(Annotation.article == article_id).dicts())
    return [(row["id"], row["kind"], row["source"], row["target"])
            for row in cast(Iterable[_RelationRow], query)]


def article_exists(article_id: int) -> bool:
    return Article.select().where(Article.id == article_id).exists()
