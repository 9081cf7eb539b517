"""Storage behind re-importing a changed article: its new body, and annotations set aside.

When a corrected version of a stored article is imported, its body is
replaced (the full-text index follows by trigger) and each annotation is
placed again (``desktop.core.reimport_operations``). One that cannot be
placed for sure leaves ``annotation`` for ``annotation_review`` (migration
009) until the user decides: the row keeps the whole annotation and its
links, so accepting it puts back the same annotation, with its id, entity,
value and links, and nothing is lost meanwhile. While it waits it is in no
figure, export or highlight: it has no place in the text.

The writes here run inside the caller's transaction (one user action).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from typing import Any

from db.connection import dialect
from db.models import _now, database
from db.reads import annotations_where
from db.records import AnnotationRecord
from db.relations import RelationRecord

_RECORD_FIELDS = tuple(f.name for f in fields(AnnotationRecord))


@dataclass(frozen=True)
class ReviewRow:
    """An annotation set aside by a re-import, waiting for the user's decision.

    Attributes:
        record: the annotation as it was before it was set aside (its
            ``start``/``end`` index the body it was last placed in).
        relations: its links to other annotations when it was set aside.
        duplicates: the counted-once deal rows it was part of, as
            ``(amount not counted, amount kept)``.
        candidate: the best place found in the current body, or None.
        confidence: how sure that place is, 0 to 1.
        found: how it was found (a ``desktop.core.reanchor.Found`` name).
    """

    record: AnnotationRecord
    relations: tuple[RelationRecord, ...] = ()
    duplicates: tuple[tuple[int, int], ...] = ()
    candidate: tuple[int, int] | None = None
    confidence: float = 0.0
    found: str = ""
    created_at: dt.datetime | None = field(default=None, compare=False)

    @property
    def annotation_id(self) -> int:
        assert self.record.id is not None
        return self.record.id

    @property
    def article_id(self) -> int:
        return self.record.article_id


# --- articles -----------------------------------------------------------------------


def articles_by_source(sources: Iterable[str]) -> dict[str, list[int]]:
    """The ids of the stored articles with each of these sources (by id)."""
    return _ids_by("source", sources)


def articles_by_title(titles: Iterable[str]) -> dict[str, list[tuple[int, str]]]:
    """``(id, source)`` of the stored articles with each of these titles (by id)."""
    found: dict[str, list[tuple[int, str]]] = {}
    for chunk in _chunks(sorted(set(titles))):
        # One parameter a title: each engine then looks them up in its index.
        rows = database.execute_sql(
            f"SELECT title, id, source FROM article WHERE title IN ({_marks(chunk)}) "
            "ORDER BY id", chunk).fetchall()
        for title, article_id, source in rows:
            found.setdefault(str(title), []).append((int(article_id), str(source)))
    return found


def _ids_by(column: str, values: Iterable[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for chunk in _chunks(sorted(set(values))):
        rows = database.execute_sql(
            f'SELECT "{column}", id FROM article WHERE "{column}" IN ({_marks(chunk)}) '
            "ORDER BY id", chunk).fetchall()
        for value, article_id in rows:
            found.setdefault(str(value), []).append(int(article_id))
    return found


def _marks(values: list[str]) -> str:
    return ", ".join("?" * len(values))


def _chunks(values: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def article_text(article_id: int) -> tuple[str, str] | None:
    """The article's body and content hash, or None if it is gone."""
    row = database.execute_sql("SELECT body, content_hash FROM article WHERE id = ?",
                               (article_id,)).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def set_body(article_id: int, body: str, content_hash: str) -> None:
    """Replaces the article's body (the full-text index follows by trigger).

    Raises:
        LookupError: the article no longer exists.
    """
    cursor = database.execute_sql(
        "UPDATE article SET body = ?, content_hash = ? WHERE id = ?",
        (body, content_hash, article_id))
    if not cursor.rowcount:
        raise LookupError("This article no longer exists.")


# --- annotations ----------------------------------------------------------------------


def placed_annotations(article_id: int) -> list[AnnotationRecord]:
    """The article's annotations in its text, by id, with ``created_at``."""
    return annotations_where("article_id = ?", (article_id,))


def move_annotations(records: Iterable[AnnotationRecord]) -> None:
    """Writes the place of these annotations: start, end, quote, prefix, suffix, sentence."""
    now = _stamp()
    rows = [(r.start, r.end, r.quote, r.prefix, r.suffix, r.sentence, now, r.id)
            for r in records]
    for row in rows:
        database.execute_sql(
            'UPDATE annotation SET start = ?, "end" = ?, quote = ?, prefix = ?, suffix = ?, '
            "sentence = ?, updated_at = ? WHERE id = ?", row)


def annotation_id_taken(annotation_id: int) -> bool:
    return database.execute_sql("SELECT 1 FROM annotation WHERE id = ?",
                                (annotation_id,)).fetchone() is not None


def entity_exists(entity_id: int) -> bool:
    return database.execute_sql("SELECT 1 FROM entity WHERE id = ?",
                                (entity_id,)).fetchone() is not None


def label_exists(label_id: int) -> bool:
    return database.execute_sql("SELECT 1 FROM label WHERE id = ?",
                                (label_id,)).fetchone() is not None


def restore_links(relations: Iterable[RelationRecord],
                  duplicates: Iterable[tuple[int, int]]) -> tuple[list[int], list[tuple[int, int]]]:
    """Puts back the links whose two ends are in the text, and not there already.

    A relation keeps its id unless another relation took it meanwhile.
    Returns the ids of the relations and the deal rows written (for undo).
    """
    written: list[int] = []
    for relation in relations:
        if not (annotation_id_taken(relation.source) and annotation_id_taken(relation.target)):
            continue
        there = database.execute_sql(
            "SELECT 1 FROM relation WHERE kind = ? AND source_id = ? AND target_id = ?",
            (relation.kind, relation.source, relation.target)).fetchone()
        if there is not None:
            continue
        free = relation.id is not None and database.execute_sql(
            "SELECT 1 FROM relation WHERE id = ?", (relation.id,)).fetchone() is None
        columns, values = "kind, source_id, target_id, created_at", "?, ?, ?, ?"
        params: tuple[Any, ...] = (relation.kind, relation.source, relation.target, _stamp())
        if free:
            columns, values, params = f"id, {columns}", f"?, {values}", (relation.id, *params)
        cursor = database.execute_sql(
            f"INSERT INTO relation ({columns}) VALUES ({values}) RETURNING id", params)
        written.append(int(cursor.fetchone()[0]))
    rows: list[tuple[int, int]] = []
    for amount, kept in duplicates:
        if not (annotation_id_taken(amount) and annotation_id_taken(kept)):
            continue
        cursor = database.execute_sql(
            "INSERT INTO deal_duplicate (annotation_id, kept_id) VALUES (?, ?) "
            "ON CONFLICT DO NOTHING", (amount, kept))
        if cursor.rowcount:
            rows.append((amount, kept))
    return written, rows


# --- the review list ------------------------------------------------------------------


def review_rows(article_id: int | None = None) -> list[ReviewRow]:
    """The annotations waiting for review (of one article, or all), by article, then in
    the order they had in its text."""
    where, params = ("WHERE article_id = ?", (article_id,)) if article_id is not None else ("", ())
    rows = database.execute_sql(
        "SELECT record, links, candidate_start, candidate_end, confidence, found, created_at "
        f"FROM annotation_review {where} "
        f"ORDER BY article_id, {dialect().json_number('record', 'start')}, annotation_id",
        params).fetchall()
    return [_review_row(row) for row in rows]


def review_row(annotation_id: int) -> ReviewRow | None:
    row = database.execute_sql(
        "SELECT record, links, candidate_start, candidate_end, confidence, found, created_at "
        "FROM annotation_review WHERE annotation_id = ?", (annotation_id,)).fetchone()
    return None if row is None else _review_row(row)


def review_count() -> int:
    return int(database.execute_sql("SELECT COUNT(*) FROM annotation_review").fetchone()[0])


def entity_waiting(entity_id: int) -> bool:
    """True if an annotation waiting for review points to this entity."""
    return database.execute_sql(
        "SELECT 1 FROM annotation_review "
        f"WHERE {dialect().json_number('record', 'entity_id')} = ?",
        (entity_id,)).fetchone() is not None


def set_aside(rows: Iterable[ReviewRow]) -> None:
    """Takes these annotations out of the text and lists them for review.

    Their rows in ``annotation`` are deleted (their relations and deal rows
    go with them, by cascade: ``rows`` carry them, to put back).
    """
    rows = list(rows)
    if not rows:
        return
    ids = [row.annotation_id for row in rows]
    database.execute_sql(
        f"DELETE FROM annotation WHERE id IN {dialect().ids_in()}",
        (json.dumps(ids),))
    insert_review_rows(rows)


def insert_review_rows(rows: Iterable[ReviewRow]) -> None:
    values = [(row.annotation_id, row.article_id, _record_json(row.record),
               json.dumps({"relations": [list(r) for r in row.relations],
                           "deal_duplicates": [list(d) for d in row.duplicates]}),
               row.candidate[0] if row.candidate else None,
               row.candidate[1] if row.candidate else None,
               row.confidence, row.found, _stamp(row.created_at))
              for row in rows]
    for row_values in values:
        database.execute_sql(
            "INSERT INTO annotation_review (annotation_id, article_id, record, links, "
            "candidate_start, candidate_end, confidence, found, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row_values)


def update_candidates(rows: Iterable[ReviewRow]) -> None:
    """Writes the candidate place, confidence and finding of rows already listed."""
    values = [(row.candidate[0] if row.candidate else None,
               row.candidate[1] if row.candidate else None,
               row.confidence, row.found, row.annotation_id) for row in rows]
    for row_values in values:
        database.execute_sql(
            "UPDATE annotation_review SET candidate_start = ?, candidate_end = ?, "
            "confidence = ?, found = ? WHERE annotation_id = ?", row_values)


def delete_review_rows(annotation_ids: Iterable[int]) -> None:
    database.execute_sql(
        f"DELETE FROM annotation_review WHERE annotation_id IN {dialect().ids_in()}",
        (json.dumps(list(annotation_ids)),))


def _stamp(moment: dt.datetime | None = None) -> str:
    """A time as peewee's DateTimeField writes it ("2025-11-03 09:30:00.123456")."""
    return str(moment or _now())


def _review_row(row: tuple[Any, ...]) -> ReviewRow:
    record_text, links_text, start, end, confidence, found, created_at = row
    links = json.loads(links_text)
    return ReviewRow(
        record=_record(json.loads(record_text)),
        relations=tuple(RelationRecord(*r) for r in links.get("relations", [])),
        duplicates=tuple((int(a), int(b)) for a, b in links.get("deal_duplicates", [])),
        candidate=None if start is None or end is None else (int(start), int(end)),
        confidence=float(confidence), found=str(found),
        created_at=created_at if isinstance(created_at, dt.datetime)
        else dt.datetime.fromisoformat(str(created_at)))


def _record_json(record: AnnotationRecord) -> str:
    values = {name: getattr(record, name) for name in _RECORD_FIELDS}
    if record.created_at is not None:
        values["created_at"] = record.created_at.isoformat()
    return json.dumps(values, ensure_ascii=False)


def _record(values: dict[str, Any]) -> AnnotationRecord:
    created = values.pop("created_at", None)
    record = AnnotationRecord(**{k: v for k, v in values.items() if k in _RECORD_FIELDS})
    if created:
        record = replace(record, created_at=dt.datetime.fromisoformat(created))
    return record
