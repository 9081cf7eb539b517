"""What the agreement between annotators is computed from: who annotated what.

Every annotation carries its author (the name set in each installation), so
the annotators are the distinct authors. Only accepted annotations count: a
suggestion nobody accepted is the app's proposal, not an annotator's.

The statements are plain, portable SQL (``IN``, ``INTERSECT``, ``COUNT(DISTINCT)``,
a quoted ``"end"``) run through :func:`db.connection.execute`, so they read a
PostgreSQL team database as they read the SQLite file. Lists of articles are
sent in chunks of :data:`CHUNK` parameters, under every engine's limit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from db.connection import execute
from db.reads import annotations_where
from db.records import ACCEPTED, AnnotationRecord

CHUNK = 500
"""At most this many article ids in one statement."""


@dataclass(frozen=True)
class Annotator:
    """One author of accepted annotations.

    Attributes:
        name: the name stored on the annotations ("" for those made before
            a name was set).
        annotations: how many accepted annotations are theirs.
        articles: in how many articles.
    """

    name: str
    annotations: int
    articles: int


@dataclass(frozen=True)
class AuthoredArticle:
    """An article's text and, per author asked for, their accepted spans in it.

    Attributes:
        article_id: the article.
        title: its title.
        body: its text (the spans' code points index into it).
        spans: author → (start, end, label name) in text order; an author
            asked for who annotated nothing here has an empty list.
    """

    article_id: int
    title: str
    body: str
    spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)


def annotators(article_ids: Sequence[int] | None = None) -> list[Annotator]:
    """The authors of accepted annotations, by name; in the given articles, or in all."""
    sql = ("SELECT author, COUNT(*) AS annotations, COUNT(DISTINCT article_id) AS articles "
           "FROM annotation WHERE status = ?{articles} GROUP BY author")
    counts: dict[str, tuple[int, int]] = {}
    for chunk in _chunks(article_ids):
        where = "" if chunk is None else f" AND article_id IN ({_marks(chunk)})"
        for row in execute(sql.format(articles=where), (ACCEPTED, *(chunk or ()))):
            annotations, articles = counts.get(row["author"], (0, 0))
            counts[row["author"]] = (annotations + int(row["annotations"]),
                                     articles + int(row["articles"]))
    return [Annotator(name, *counts[name]) for name in sorted(counts)]


def shared_articles(first: str, second: str) -> list[int]:
    """The articles in which both authors have accepted annotations, by id."""
    rows = execute("SELECT article_id FROM annotation WHERE status = ? AND author = ? "
                   "INTERSECT "
                   "SELECT article_id FROM annotation WHERE status = ? AND author = ? "
                   "ORDER BY article_id", (ACCEPTED, first, ACCEPTED, second))
    return [int(row["article_id"]) for row in rows]


def authored_articles(article_ids: Sequence[int],
                      authors: Sequence[str]) -> Iterator[AuthoredArticle]:
    """Each of the articles that exists, in the order given, with each author's spans."""
    for chunk in _chunks(article_ids):
        assert chunk is not None
        marks = _marks(chunk)
        texts = {int(row["id"]): (row["title"], row["body"]) for row in execute(
            f"SELECT id, title, body FROM article WHERE id IN ({marks})", chunk)}
        spans: dict[int, dict[str, list[tuple[int, int, str]]]] = {
            article_id: {author: [] for author in authors} for article_id in texts}
        if authors:
            rows = execute(
                'SELECT a.article_id, a.author, a.start, a."end", l.name AS label '
                "FROM annotation a JOIN label l ON l.id = a.label_id "
                f"WHERE a.status = ? AND a.author IN ({_marks(authors)}) "
                f"AND a.article_id IN ({marks}) "
                'ORDER BY a.article_id, a.start, a."end", a.id',
                (ACCEPTED, *authors, *chunk))
            for row in rows:
                spans[int(row["article_id"])][row["author"]].append(
                    (int(row["start"]), int(row["end"]), row["label"]))
        for article_id in chunk:
            if article_id in texts:
                title, body = texts[article_id]
                yield AuthoredArticle(article_id, title, body, spans[article_id])


def authored_annotations(article_id: int, authors: Sequence[str]) -> list[AnnotationRecord]:
    """The accepted annotations of these authors in one article, whole, by id.

    Adjudication reads them to copy an annotator's version (its entity and
    amount too, not only its span) and to see what the result holds.
    """
    if not authors:
        return []
    return annotations_where(f"article_id = ? AND status = ? AND author IN ({_marks(authors)})",
                             (article_id, ACCEPTED, *authors))


def _chunks(ids: Sequence[int] | None) -> Iterator[list[int] | None]:
    """The ids in lists of at most :data:`CHUNK` (one None for no list: everything)."""
    if ids is None:
        yield None
        return
    unique = list(dict.fromkeys(ids))
    for first in range(0, len(unique), CHUNK):
        yield unique[first:first + CHUNK]


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))
