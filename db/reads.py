"""What the window reads to show an article, in plain SQL and without peewee.

These run on whatever connection :func:`db.connection.execute` gives: the
plain sqlite3 one the app opens first (so that its first article shows before
the ORM is loaded), then the models' database. :mod:`db.annotations` and
:mod:`db.articles` offer them under the same names. Reads only: every write
goes through the models. Rows are :class:`sqlite3.Row` (on PostgreSQL
:class:`db.postgres.NamedRow`), read by column name.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import fields
from typing import Any

from db.connection import dialect, execute
from db.records import AnnotationRecord, ArticleRecord, LabelRecord


def labels() -> list[LabelRecord]:
    """Every label, in the order the user arranged them."""
    rows = execute("SELECT id, name, kind, color, shortcut, position FROM label "
                   "ORDER BY position, id")
    return [LabelRecord(id=row["id"], name=row["name"], kind=row["kind"], color=row["color"],
                        shortcut=row["shortcut"], position=row["position"])
            for row in rows]


def get_article(article_id: int) -> ArticleRecord | None:
    row = execute("SELECT id, title, body, language, published, source, imported_at "
                  "FROM article WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    return ArticleRecord(id=row["id"], title=row["title"], body=row["body"],
                         language=row["language"], published=_date(row["published"]),
                         source=row["source"], imported_at=_datetime(row["imported_at"]))


def first_article_id() -> int | None:
    """The newest article (undated ones last), or None when there is none."""
    row = execute("SELECT id FROM article ORDER BY published IS NULL, published DESC, id "
                  "LIMIT 1").fetchone()
    return int(row["id"]) if row else None


# The columns of annotation named as the fields of AnnotationRecord, in their order.
_ANNOTATION_FIELDS = tuple(f.name for f in fields(AnnotationRecord))
_ANNOTATION_COLUMNS = ", ".join(f'"{name}"' for name in _ANNOTATION_FIELDS
                                if name != "created_at")
_APPROX = _ANNOTATION_FIELDS.index("approx")


def _annotations(where: str, params: tuple[int, ...]) -> list[AnnotationRecord]:
    rows = execute(f"SELECT {_ANNOTATION_COLUMNS} FROM annotation WHERE {where} "
                   'ORDER BY start, "end", id', params)
    # By position, in the order of the fields: an article can hold 20,000
    # annotations, and 17 look-ups by name per row cost 125 ms instead of 85 ms.
    records = []
    for row in rows:
        values = list(row)
        values[_APPROX] = bool(values[_APPROX])
        records.append(AnnotationRecord(*values))
    return records


def get_annotation(annotation_id: int) -> AnnotationRecord | None:
    row = execute(f"SELECT {_ANNOTATION_COLUMNS}, created_at FROM annotation WHERE id = ?",
                  (annotation_id,)).fetchone()
    if row is None:
        return None
    return _annotation(row)


def _annotation(row: sqlite3.Row) -> AnnotationRecord:
    return AnnotationRecord(
        id=row["id"], article_id=row["article_id"], label_id=row["label_id"],
        start=row["start"], end=row["end"], quote=row["quote"], prefix=row["prefix"],
        suffix=row["suffix"], entity_id=row["entity_id"], value=row["value"],
        value_high=row["value_high"], unit=row["unit"], approx=bool(row["approx"]),
        note=row["note"], author=row["author"], status=row["status"],
        sentence=row["sentence"], bound=row["bound"],
        created_at=_datetime(row["created_at"]))


def annotations_where(where: str, params: tuple[Any, ...] | list[Any]) -> list[AnnotationRecord]:
    """The annotations a SQL condition on ``annotation`` selects, by id, with ``created_at``."""
    rows = execute(f"SELECT {_ANNOTATION_COLUMNS}, created_at FROM annotation WHERE {where} "
                   "ORDER BY id", params)
    return [_annotation(row) for row in rows]


def annotations_for_article(article_id: int) -> list[AnnotationRecord]:
    """The article's annotations sorted by position.

    Plain SQL rather than model instances: an article can hold tens of
    thousands of annotations, and converting each field (dates above all)
    took most of the time to open one. ``created_at`` is left out of these
    records; :func:`db.annotations.get_annotation` has it.
    """
    return _annotations("article_id = ?", (article_id,))


def annotations_starting_before(article_id: int, limit: int) -> list[AnnotationRecord]:
    """The annotations starting before code point ``limit`` (the first screen)."""
    return _annotations("article_id = ? AND start < ?", (article_id, limit))


def annotation_count(article_id: int) -> int:
    return int(execute("SELECT COUNT(*) FROM annotation WHERE article_id = ?",
                       (article_id,)).fetchone()[0])


def entity_name(entity_id: int | None) -> str:
    """The entity's name; "" for None or an entity that no longer exists."""
    if entity_id is None:
        return ""
    row = execute("SELECT name FROM entity WHERE id = ?", (entity_id,)).fetchone()
    return str(row["name"]) if row else ""


def entity_names(ids: set[int]) -> dict[int, str]:
    """The names of these entities (the ids travel as one JSON array parameter)."""
    if not ids:
        return {}
    array = "[" + ",".join(str(int(i)) for i in sorted(ids)) + "]"
    rows = execute(f"SELECT id, name FROM entity WHERE id IN {dialect().ids_in()}", (array,))
    return {row["id"]: row["name"] for row in rows}


def linked_quotes(article_id: int) -> dict[int, list[str]]:
    """For each annotation of the article with relations, the texts it is linked to."""
    sql = ('SELECT r.source_id AS source, r.target_id AS target, s.quote AS source_quote, '
           't.quote AS target_quote FROM relation r '
           'JOIN annotation s ON s.id = r.source_id JOIN annotation t ON t.id = r.target_id '
           'WHERE s.article_id = ? OR t.article_id = ?')
    linked: dict[int, list[str]] = {}
    for row in execute(sql, (article_id, article_id)):
        linked.setdefault(row["source"], []).append(row["target_quote"])
        linked.setdefault(row["target"], []).append(row["source_quote"])
    return linked


def _date(text: str | dt.date | None) -> dt.date | None:
    """The date stored as "YYYY-MM-DD"; None for none, or for text that is not one
    (a file edited by hand must not stop an article from opening)."""
    if text is None or isinstance(text, dt.date):
        return text
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _datetime(text: str | dt.datetime) -> dt.datetime:
    return text if isinstance(text, dt.datetime) else dt.datetime.fromisoformat(text)
