"""Writes to an article's own details: title, date, source, language and "$" currency.

The core's ``EditArticle`` operation checks the values and calls these in one
transaction; each write is undone by writing back what :func:`article_details`
read before it. Triggers keep the rest in step, whoever writes: the full-text
index follows the title, and the plot summaries of the article are marked
out of date when its date changes (``db.migrations``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from db.models import Article, database


@dataclass(frozen=True)
class ArticleDetails:
    """What a user may correct about an article (its body never changes).

    Attributes:
        title: the headline.
        published: the publication date, or None when unknown.
        source: a URL or the file it came from, or "".
        language: a language code ("fr", "en"), or "" when unknown.
        currency_hint: what a bare "$" means in it (ISO 4217), or None for
            the default of its source.
    """

    title: str
    published: dt.date | None
    source: str
    language: str
    currency_hint: str | None


DETAILS = tuple(f.name for f in fields(ArticleDetails))
"""The names of the fields :func:`set_article_details` may change."""


def article_details(article_id: int) -> ArticleDetails | None:
    """The article's details as stored, or None if there is no such article."""
    row = (Article.select(Article.title, Article.published, Article.source, Article.language,
                          Article.currency_hint)
           .where(Article.id == article_id).namedtuples().first())
    if row is None:
        return None
    published = row.published
    if isinstance(published, str):  # a date written by hand that SQLite kept as text
        try:
            published = dt.date.fromisoformat(published[:10])
        except ValueError:
            published = None
    return ArticleDetails(title=row.title, published=published, source=row.source,
                          language=row.language, currency_hint=row.currency_hint)


def set_article_details(article_id: int, **values: Any) -> None:
    """Writes some of the article's details (names from :data:`DETAILS`), in one statement.

    Raises:
        LookupError: the article no longer exists.
        ValueError: a name that is not one of :data:`DETAILS`.
    """
    unknown = set(values) - set(DETAILS)
    if unknown:
        raise ValueError(f"An article has no detail called {', '.join(sorted(unknown))}.")
    if not values:
        return
    with database.atomic():
        updated = Article.update(**values).where(Article.id == article_id).execute()
    if not updated:
        raise LookupError("This article no longer exists.")
