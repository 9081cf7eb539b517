"""What suggestions need from the database: known names, rejections, currency hints."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypedDict, cast

from peewee import JOIN

from db.models import (
    ACCEPTED,
    ENTITY,
    Annotation,
    Article,
    Entity,
    EntityAlias,
    Label,
    RejectedSuggestion,
    database,
)


class _NameRow(TypedDict):
    """A name to look for: its text, its label's name, its entity's name if linked."""

    text: str
    label: str
    entity: str | None


def gazetteer() -> list[tuple[str, str, str]]:
    """(text, label name, entity name) for every name to look for again.

    Entity names and their aliases, and the text of every accepted entity tag
    (with its entity's name, or "" when the tag is not linked yet).
    """
    label, entity = Label.name.alias("label"), Entity.name.alias("entity")
    names = Entity.select(Entity.name.alias("text"), label, entity).join(Label)
    aliases = (EntityAlias.select(EntityAlias.alias.alias("text"), label, entity)
               .join(Entity).join(Label))
    tagged = (Annotation.select(Annotation.quote.alias("text"), label, entity)
              .join(Label).switch(Annotation).join(Entity, JOIN.LEFT_OUTER)
              .where((Label.kind == ENTITY) & (Annotation.status == ACCEPTED))
              .distinct())
    found: dict[tuple[str, str], str] = {}
    for query in (names, aliases, tagged):
        for row in cast(Iterable[_NameRow], query.dicts()):
            key = (" ".join(row["text"].split()), row["label"])
            if not found.get(key):
                found[key] = row["entity"] or ""
    return [(text, label, entity) for (text, label), entity in found.items()]


class _RejectionRow(TypedDict):
    start: int
    end: int
    label: str


def rejected_for_article(article_id: int) -> set[tuple[int, int, str]]:
    """(start, end, label name) the user rejected in this article."""
    query = (RejectedSuggestion.select(RejectedSuggestion.start, RejectedSuggestion.end,
                                       Label.name.alias("label"))
             .join(Label).where(RejectedSuggestion.article == article_id).dicts())
    return {(row["start"], row["end"], row["label"])
            for row in cast(Iterable[_RejectionRow], query)}


def add_rejections(article_id: int, spans: list[tuple[int, int, int]],
                   author: str = "") -> None:
    """Remembers (start, end, label id) as rejected by ``author``, in one transaction."""
    with database.atomic():
        for start, end, label_id in spans:
            RejectedSuggestion.insert(article=article_id, start=start, end=end,
                                      label=label_id, author=author
                                      ).on_conflict_ignore().execute()


def remove_rejections(article_id: int, spans: list[tuple[int, int, int]]) -> None:
    with database.atomic():
        for start, end, label_id in spans:
            RejectedSuggestion.delete().where(
                (RejectedSuggestion.article == article_id) & (RejectedSuggestion.start == start)
                & (RejectedSuggestion.end == end) & (RejectedSuggestion.label == label_id)
            ).execute()


def currency_hint(article_id: int) -> str | None:
    row = Article.select(Article.currency_hint).where(Article.id == article_id).first()
    return row.currency_hint if row else None


def set_currency_hint(article_id: int, code: str | None) -> None:
    with database.atomic():
        Article.update(currency_hint=code).where(Article.id == article_id).execute()


def rejected_spans(article_id: int) -> set[tuple[int, int, int]]:
    """(start, end, label id) the user rejected in this article."""
    query = (RejectedSuggestion.select(RejectedSuggestion.start, RejectedSuggestion.end,
                                       RejectedSuggestion.label)
             .where(RejectedSuggestion.article == article_id).dicts())
    return {(int(r["start"]), int(r["end"]), int(r["label"]))
            for r in cast(Iterable[dict[str, Any]], query)}
