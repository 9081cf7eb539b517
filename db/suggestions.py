"""What suggestions need from the database: known names, rejections, currency hints."""

from __future__ import annotations

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


def gazetteer() -> list[tuple[str, str, str]]:
    """(text, label name, entity name) for every name to look for again.

    Entity names and their aliases, and the text of every accepted entity tag
    (with its entity's name, or "" when the tag is not linked yet).
    """
    names = (Entity.select(Entity.name, Label.name).join(Label).tuples())
    aliases = (EntityAlias.select(EntityAlias.alias, Label.name, Entity.name)
               .join(Entity).join(Label).tuples())
    tagged = (Annotation.select(Annotation.quote, Label.name, Entity.name)
              .join(Label).switch(Annotation).join(Entity, JOIN.LEFT_OUTER)
              .where((Label.kind == ENTITY) & (Annotation.status == ACCEPTED))
              .distinct().tuples())
    found: dict[tuple[str, str], str] = {}
    rows = [(name, label, name) for name, label in names] + [*aliases, *tagged]
    for text, label, entity in rows:
        key = (" ".join(text.split()), label)
        if not found.get(key):
            found[key] = entity or ""
    return [(text, label, entity) for (text, label), entity in found.items()]


def rejected_for_article(article_id: int) -> set[tuple[int, int, str]]:
    """(start, end, label name) the user rejected in this article."""
    query = (RejectedSuggestion.select(RejectedSuggestion.start, RejectedSuggestion.end,
                                       Label.name)
             .join(Label).where(RejectedSuggestion.article == article_id).tuples())
    return set(query)


def add_rejections(article_id: int, spans: list[tuple[int, int, int]]) -> None:
    """Remembers (start, end, label id) as rejected, in one transaction."""
    with database.atomic():
        for start, end, label_id in spans:
            RejectedSuggestion.insert(article=article_id, start=start, end=end,
                                      label=label_id).on_conflict_ignore().execute()


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
