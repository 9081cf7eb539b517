"""Queries behind the library list: which articles match, in what order, and their rows.

The list holds only ids (:func:`article_ids`); the few columns it shows are
fetched a page at a time (:func:`rows`), never with the bodies.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypedDict, cast
from urllib.parse import urlsplit

from peewee import SQL, ColumnBase, Database, Function, Ordering, fn

from db.dialect import of as dialect_of
from db.models import Annotation, Article, database
from db.names import sort_key as sort_key
from db.search import fts_query as fts_query
from db.search import matching_ids

SORT_KEYS = ("title", "date", "source", "language", "annotations")
"""The orders :func:`article_ids` accepts."""

_SQL_IN_LIMIT = 500  # ids per ``IN (...)``; SQLite limits bound parameters per statement
_functions_registered: weakref.WeakSet[Database] = weakref.WeakSet()


@dataclass(frozen=True)
class LibraryRow:
    """The columns one row of the library list shows."""

    id: int
    title: str
    published: dt.date | None
    source: str
    language: str
    annotation_count: int

    @property
    def domain(self) -> str:
        """The short form of :attr:`source` the list shows."""
        return source_domain(self.source)


def source_domain(source: str) -> str:
    """Returns the host of a URL without ``www.``, or the file name of a path.

    Examples: ``https://www.lemonde.fr/x`` gives ``lemonde.fr``;
    ``/home/me/article.html`` gives ``article.html``.
    """
    source = source.strip()
    if not source:
        return ""
    parts = urlsplit(source)
    if parts.scheme in ("http", "https") and parts.hostname:
        host = parts.hostname
        return host.removeprefix("www.")
    if parts.scheme == "file":
        source = parts.path
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _domain_sort_key(source: str) -> str:
    return f"{sort_key(source_domain(source))}\x00{source}"


def register_functions(db: Database) -> None:
    """Gives every connection ``db`` opens from now on the sort functions.

    Called before the first connection: peewee adds a registered function
    to the connections it opens later and to this thread's open one only, so
    a function first registered from a worker would be missing from the GUI
    thread's connection.
    """
    if hasattr(db, "register_function"):
        db.register_function(sort_key, "marginalia_sort_key", 1, deterministic=True)
        db.register_function(_domain_sort_key, "marginalia_domain", 1, deterministic=True)
        _functions_registered.add(db)


def _ensure_functions() -> bool:
    """Registers the sort functions on the bound database; False if it can't hold any.

    A PostgreSQL database has them in its schema (db.postgres_schema).
    """
    from db.connection import open_deferred

    open_deferred()  # as any first use of the models would: database.obj is read below
    db = database.obj
    if not dialect_of(db).is_sqlite:
        return True
    if db in _functions_registered:
        return True
    if not hasattr(db, "register_function"):
        return False
    register_functions(db)
    return True


def _annotation_count() -> Function:
    """A correlated subquery counting the annotations of the outer article row."""
    counted = Annotation.alias()
    subquery = counted.select(fn.COUNT(counted.id)).where(counted.article == Article.id)
    return fn.COALESCE(subquery, 0)


def article_ids(
    search: str = "",
    sort: str = "date",
    descending: bool = True,
    ids_filter: list[int] | None = None,
) -> list[int]:
    """Returns the ids of the articles to list, in order.

    Args:
        search: words typed by the user; matched against titles and bodies
            (see :func:`fts_query`). Blank lists every article.
        sort: one of :data:`SORT_KEYS`.
        descending: reverse the order (undated articles stay last by date).
        ids_filter: if given, only these articles are listed (e.g. those a
            plot selected).

    Raises:
        ValueError: ``sort`` is not one of :data:`SORT_KEYS`.
    """
    if sort not in SORT_KEYS:
        raise ValueError(f"Unknown sort {sort!r}; expected one of {', '.join(SORT_KEYS)}.")
    if ids_filter is not None and not ids_filter:
        return []
    has_functions = _ensure_functions()

    def ordered(expression: ColumnBase) -> Ordering:
        return expression.desc() if descending else expression.asc()

    by_date = (Article.published.desc(nulls="LAST") if descending
               else Article.published.asc(nulls="LAST"))
    title: ColumnBase = (fn.marginalia_sort_key(Article.title) if has_functions
                         else fn.LOWER(Article.title))
    source: ColumnBase = (fn.marginalia_domain(Article.source) if has_functions
                          else fn.LOWER(Article.source))
    if not dialect_of(database).is_sqlite:  # code point order, as SQLite's, whatever the locale
        title, source = title.collate('"C"'), source.collate('"C"')
    order = {
        "title": [ordered(title), by_date],
        "date": [by_date, ordered(title)],
        "source": [ordered(source), by_date],
        "language": [ordered(Article.language), by_date],
        "annotations": [ordered(_annotation_count()), by_date],
    }[sort]
    query = Article.select(Article.id).order_by(*order, ordered(Article.id))

    matching = matching_ids(search, dialect_of(database))
    if matching is not None:
        query = query.where(Article.id.in_(SQL(*matching)))
    if ids_filter is not None and len(ids_filter) <= _SQL_IN_LIMIT:
        query = query.where(Article.id.in_(ids_filter))
    found: list[int] = list(query.scalars())
    if ids_filter is not None and len(ids_filter) > _SQL_IN_LIMIT:
        wanted = set(ids_filter)
        found = [row_id for row_id in found if row_id in wanted]
    return found


def rows(ids: list[int]) -> dict[int, LibraryRow]:
    """Returns the list columns of the given articles, keyed by id (missing ids are left out).

    One query per :data:`_SQL_IN_LIMIT` ids; bodies are never read.
    """
    found: dict[int, LibraryRow] = {}
    for i in range(0, len(ids), _SQL_IN_LIMIT):
        chunk = ids[i:i + _SQL_IN_LIMIT]
        query = (Article
                 .select(Article.id, Article.title, Article.published, Article.source,
                         Article.language, _annotation_count().alias("annotation_count"))
                 .where(Article.id.in_(chunk)))
        for row in cast(Iterable[_ListColumns], query.dicts()):
            found[row["id"]] = LibraryRow(**row)
    return found


class _ListColumns(TypedDict):
    """A row of :func:`rows`' query, named as the fields of :class:`LibraryRow`."""

    id: int
    title: str
    published: dt.date | None
    source: str
    language: str
    annotation_count: int

