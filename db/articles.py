"""Queries and writes for articles, and the database's own facts (meta)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.models import Article, Meta, _now, database
from db.reads import first_article_id as first_article_id
from db.reads import get_article as get_article
from db.records import ArticleRecord as ArticleRecord


@dataclass(frozen=True)
class NewArticle:
    """An article about to be stored; ``body`` is already normalised."""

    title: str
    body: str
    content_hash: str
    language: str = ""
    published: dt.date | None = None
    source: str = ""


def article_count() -> int:
    return Article.select().count()


def existing_hashes(hashes: list[str]) -> dict[str, int]:
    """Maps each of ``hashes`` already stored to its article id."""
    found: dict[str, int] = {}
    for i in range(0, len(hashes), 500):
        chunk = hashes[i:i + 500]
        query = Article.select(Article.content_hash, Article.id).where(
            Article.content_hash.in_(chunk)).namedtuples()
        found.update({row.content_hash: row.id for row in query})
    return found


_ROWS_PER_INSERT = 100  # 7 columns each: far below SQLite's bound-variable limit


def insert_articles(articles: list[NewArticle]) -> list[int]:
    """Stores the batch in one transaction and returns the new ids, in order.

    The caller has already dropped duplicates (see :func:`existing_hashes`).
    Rows go in as multi-row ``INSERT … RETURNING id`` statements: building one
    peewee query per row costs as much as the full-text indexing itself on a
    bulk import (5,013 articles: 7.2–7.9 s one by one, 3.2–3.8 s multi-row).
    """
    ids: list[int] = []
    now = _now()
    with database.atomic():
        for i in range(0, len(articles), _ROWS_PER_INSERT):
            rows = [{"title": art.title, "body": art.body, "content_hash": art.content_hash,
                     "language": art.language, "published": art.published,
                     "source": art.source, "imported_at": now}
                    for art in articles[i:i + _ROWS_PER_INSERT]]
            cursor = Article.insert_many(rows).returning(Article.id).execute()
            # RETURNING promises no order; rowids grow in VALUES order.
            ids.extend(sorted(row.id for row in cursor))
    return ids


def get_meta(key: str, default: str | None = None) -> str | None:
    row = Meta.get_or_none(Meta.key == key)
    return row.value if row else default


def set_meta(key: str, value: str) -> None:
    with database.atomic():
        Meta.insert(key=key, value=value).on_conflict(
            conflict_target=[Meta.key], update={Meta.value: value}).execute()


def take_meta(key: str) -> str | None:
    """The value stored under ``key``, removed (a note to show once)."""
    with database.atomic():
        row = Meta.get_or_none(Meta.key == key)
        if row is None:
            return None
        Meta.delete().where(Meta.key == key).execute()
        return str(row.value)
