"""Exporting articles and their annotations: JSON Lines and CSV.

Offsets in both formats are code points into the article body, as stored.
A file is written under a temporary name in the destination folder and
renamed over the destination only when complete, so a cancelled or failed
export never leaves half a file. Rows are read a chunk of articles at a
time with three queries per chunk (articles, annotations, relations), never
one query per article, and inside one read transaction so the file is a
consistent snapshot even while the app goes on writing.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from peewee import JOIN

from db.models import Annotation, Article, Entity, Label, Relation, database
from desktop.core.progress import (
    Cancelled,
    CancelToken,
    ProgressCallback,
    is_cancelled,
    report,
)

CHUNK = 200
"""Articles read per round of queries."""

CSV_COLUMNS = ("article_id", "article_title", "article_date", "source", "start", "end",
               "text", "label", "entity", "value", "value_high", "unit", "approx", "status",
               "note")

CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark: without it, Excel reads a CSV in the local
code page and garbles every accent; LibreOffice, pandas (``encoding="utf-8-sig"``)
and Python's csv module read it either way."""


@dataclass(frozen=True)
class _ExportedArticle:
    """One article with its annotations and relations, as the exporters need them."""

    id: int
    title: str
    published: dt.date | None
    source: str
    language: str
    body: str
    annotations: list[dict[str, Any]]
    relations: list[dict[str, Any]]


def export_jsonl(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
                 progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None) -> int:
    """Writes one JSON object per article, with its annotations and relations.

    Each line holds ``id, title, date, source, lang, body, annotations,
    relations``; an annotation holds ``id, start, end, text, prefix, suffix,
    label, label_kind, label_color, entity, value, value_high, unit, approx,
    note, author, status``; a relation ``kind, source, target`` (annotation
    ids of the same line). Importing the file into another database restores
    all of it.

    Args:
        path: the file to write (replaced if it exists).
        article_ids: the articles to export, in this order; all (by id) if None.
        progress: called after each chunk with articles done of the total.
        cancel: checked between chunks.

    Returns:
        The number of articles written.

    Raises:
        Cancelled: the export was cancelled; no file was written.
        OSError: the file could not be written; no file was left behind.
    """
    count = 0
    # A read snapshot, not the write lock: the app goes on writing meanwhile.
    with (database.atomic(lock_type="DEFERRED"),
          _atomic_text_file(Path(path), "utf-8", "\n") as handle):
        for article in _iter_articles(article_ids, progress, cancel):
            handle.write(json.dumps(_json_line(article), ensure_ascii=False))
            handle.write("\n")
            count += 1
    return count


def export_csv(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
               progress: ProgressCallback | None = None,
               cancel: CancelToken | None = None) -> int:
    """Writes one row per annotation, for spreadsheets (UTF-8 with BOM, RFC 4180).

    Columns: see :data:`CSV_COLUMNS`. Fields holding commas, quotes or line
    breaks are quoted, so a note written on two lines stays in one cell.

    Args:
        path: the file to write (replaced if it exists).
        article_ids: the articles whose annotations to export; all if None.
        progress: called after each chunk with articles done of the total.
        cancel: checked between chunks.

    Returns:
        The number of annotation rows written.

    Raises:
        Cancelled: the export was cancelled; no file was written.
        OSError: the file could not be written; no file was left behind.
    """
    count = 0
    with (database.atomic(lock_type="DEFERRED"),
          _atomic_text_file(Path(path), CSV_ENCODING, "") as handle):
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for article in _iter_articles(article_ids, progress, cancel):
            date = article.published.isoformat() if article.published else ""
            for ann in article.annotations:
                writer.writerow([
                    article.id, article.title, date, article.source, ann["start"], ann["end"],
                    ann["text"], ann["label"], ann["entity"] or "", _csv_number(ann["value"]),
                    _csv_number(ann["value_high"]), ann["unit"] or "",
                    "true" if ann["approx"] else "false", ann["status"], ann["note"],
                ])
                count += 1
    return count


def _csv_number(value: float | None) -> str:
    """Writes 3.8e10 as ``38000000000`` (spreadsheets read it as a number, exactly)."""
    if value is None:
        return ""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def _json_line(article: _ExportedArticle) -> dict[str, Any]:
    return {
        "id": article.id, "title": article.title,
        "date": article.published.isoformat() if article.published else None,
        "source": article.source, "lang": article.language, "body": article.body,
        "annotations": article.annotations, "relations": article.relations,
    }


@contextmanager
def _atomic_text_file(path: Path, encoding: str, newline: str) -> Iterator[TextIO]:
    """Opens a temporary file beside ``path``; renames it over ``path`` on success only.

    The temporary file is created with ``open(..., "x")`` so it gets the
    user's usual permissions (umask), unlike ``tempfile.mkstemp``'s 0600.
    """
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        with open(temp, "x", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            temp.unlink()
        raise


def _iter_articles(article_ids: Iterable[int] | None, progress: ProgressCallback | None,
                   cancel: CancelToken | None) -> Iterator[_ExportedArticle]:
    """Yields the articles to export in order, a chunk at a time.

    The caller holds a read transaction around the whole export, so every
    chunk comes from the same snapshot of the database.
    """
    ids = _ordered_ids(article_ids)
    total = len(ids)
    report(progress, 0, total, f"Exporting {total:,} articles")
    for start in range(0, total, CHUNK):
        if is_cancelled(cancel):
            raise Cancelled("The export was cancelled; no file was written.")
        yield from _load_chunk(ids[start:start + CHUNK])
        done = min(start + CHUNK, total)
        report(progress, done, total, f"Exported {done:,} of {total:,} articles")


def _ordered_ids(article_ids: Iterable[int] | None) -> list[int]:
    if article_ids is None:
        return [row[0] for row in Article.select(Article.id).order_by(Article.id).tuples()]
    return list(dict.fromkeys(int(i) for i in article_ids))


def _load_chunk(ids: list[int]) -> list[_ExportedArticle]:
    """Reads ``ids`` (missing ones are skipped) with their annotations and relations."""
    rows = {row[0]: row for row in Article.select(
        Article.id, Article.title, Article.published, Article.source, Article.language,
        Article.body).where(Article.id.in_(ids)).tuples()}
    annotations: dict[int, list[dict[str, Any]]] = {i: [] for i in rows}
    owner: dict[int, int] = {}
    annotation_rows = (Annotation.select(
        Annotation.id, Annotation.article, Annotation.start, Annotation.end, Annotation.quote,
        Annotation.prefix, Annotation.suffix, Label.name, Label.kind, Label.color, Entity.name,
        Annotation.value, Annotation.value_high, Annotation.unit, Annotation.approx,
        Annotation.note, Annotation.author, Annotation.status)
        .join(Label, on=(Annotation.label == Label.id))
        .switch(Annotation).join(Entity, JOIN.LEFT_OUTER, on=(Annotation.entity == Entity.id))
        .where(Annotation.article.in_(ids))
        .order_by(Annotation.article, Annotation.start, Annotation.end, Annotation.id).tuples())
    for (ann_id, article_id, start, end, quote, prefix, suffix, label, kind, color, entity,
         value, value_high, unit, approx, note, author, status) in annotation_rows:
        owner[ann_id] = article_id
        annotations[article_id].append({
            "id": ann_id, "start": start, "end": end, "text": quote, "prefix": prefix,
            "suffix": suffix, "label": label, "label_kind": kind, "label_color": color,
            "entity": entity, "value": value, "value_high": value_high, "unit": unit,
            "approx": bool(approx), "note": note, "author": author, "status": status,
        })
    relations: dict[int, list[dict[str, Any]]] = {i: [] for i in rows}
    relation_rows = (Relation.select(Relation.kind, Relation.source, Relation.target)
                     .join(Annotation, on=(Relation.source == Annotation.id))
                     .where(Annotation.article.in_(ids)).order_by(Relation.id).tuples())
    for kind, source, target in relation_rows:
        if owner.get(target) == owner[source]:  # a line can only link its own annotations
            relations[owner[source]].append({"kind": kind, "source": source, "target": target})
    return [
        _ExportedArticle(id=i, title=rows[i][1], published=rows[i][2], source=rows[i][3],
                         language=rows[i][4], body=rows[i][5], annotations=annotations[i],
                         relations=relations[i])
        for i in ids if i in rows
    ]
