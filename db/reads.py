"""What the window reads to show an article, in plain SQL and without peewee.

These run on whatever connection :func:`db.connection.execute` gives: the
plain sqlite3 one the app opens first (so that its first article shows before
the ORM is loaded), then the models' database. :mod:`db.annotations` and
:mod:`db.articles` offer them under the same names. Reads only: every write
goes through the models.
"""

from __future__ import annotations

import datetime as dt

from db.connection import execute
from db.records import AnnotationRecord, ArticleRecord, LabelRecord


def labels() -> list[LabelRecord]:
    """Every label, in the order the user arranged them."""
    rows = execute("SELECT id, name, kind, color, shortcut, position FROM label "
                   "ORDER BY position, id")
    return [LabelRecord(*row) for row in rows]


def get_article(article_id: int) -> ArticleRecord | None:
    row = execute("SELECT id, title, body, language, published, source, imported_at "
                  "FROM article WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    published, imported = row[4], row[6]
    return ArticleRecord(*row[:4], _date(published), row[5], _datetime(imported))


def first_article_id() -> int | None:
    """The newest article (undated ones last), or None when there is none."""
    row = execute("SELECT id FROM article ORDER BY published IS NULL, published DESC, id "
                  "LIMIT 1").fetchone()
    return row[0] if row else None


_ANNOTATION_COLUMNS = (
    'id, article_id, label_id, start, "end", quote, prefix, suffix, entity_id, value, '
    "value_high, unit, approx, note, author, status, sentence")


def _annotations(where: str, params: tuple[int, ...]) -> list[AnnotationRecord]:
    rows = execute(f"SELECT {_ANNOTATION_COLUMNS} FROM annotation WHERE {where} "
                   'ORDER BY start, "end", id', params)
    return [AnnotationRecord(*row[:12], bool(row[12]), *row[13:]) for row in rows]


def get_annotation(annotation_id: int) -> AnnotationRecord | None:
    row = execute(f"SELECT {_ANNOTATION_COLUMNS}, created_at FROM annotation WHERE id = ?",
                  (annotation_id,)).fetchone()
    if row is None:
        return None
    return AnnotationRecord(*row[:12], bool(row[12]), *row[13:17], _datetime(row[17]))


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
    return row[0] if row else ""


def entity_names(ids: set[int]) -> dict[int, str]:
    """The names of these entities (the ids travel as one JSON array parameter)."""
    if not ids:
        return {}
    array = "[" + ",".join(str(int(i)) for i in sorted(ids)) + "]"
    rows = execute("SELECT id, name FROM entity WHERE id IN (SELECT value FROM json_each(?))",
                   (array,))
    return dict(rows.fetchall())


def linked_quotes(article_id: int) -> dict[int, list[str]]:
    """For each annotation of the article with relations, the texts it is linked to."""
    sql = ('SELECT r.source_id, r.target_id, s.quote, t.quote FROM relation r '
           'JOIN annotation s ON s.id = r.source_id JOIN annotation t ON t.id = r.target_id '
           'WHERE s.article_id = ? OR t.article_id = ?')
    linked: dict[int, list[str]] = {}
    for source, target, source_quote, target_quote in execute(sql, (article_id, article_id)):
        linked.setdefault(source, []).append(target_quote)
        linked.setdefault(target, []).append(source_quote)
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
