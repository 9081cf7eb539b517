"""Writes made by other app instances, turned into the Change every view follows.

Another window on the same file, or another user of a team database, logs
what it writes (:mod:`db.change_log`). The window reads those log rows and
passes them here: :func:`change_from_log` reads the annotations they name
as they are now and builds one :class:`~desktop.core.changes.Change`, so
the views update as they do for the user's own operations. It is marked
``concurrent``: it was written elsewhere, so a count read meanwhile may
include it already (the library reads its counts again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.change_log import LogRow
from db.connection import dialect
from db.reads import annotations_where, entity_names
from db.records import AnnotationRecord
from desktop.core.changes import Change

MANY = 2_000
"""Beyond this many annotations in one batch (an import with its tags, a tag all over
the corpus elsewhere), the views read everything again rather than take each record."""


@dataclass
class _Fate:
    """What one batch did to one annotation: how it was before, what it was last."""

    existed: bool  # before the batch (its first row there was not an insert)
    article_id: int | None
    label_id: int | None


def change_from_log(rows: Sequence[LogRow]) -> Change:
    """The change that other processes' log rows (in log order) stand for.

    Annotations named by the rows are read as they are now: one present now
    is ``updated`` if it existed before the batch, else ``added``; one gone
    is ``removed`` (a record holding its id, article and label, which is
    what views use), even if the batch also inserted it. Relations, labels,
    entities and rejected suggestions set their flags; articles inserted
    are ``articles_added``, updated ones ``articles_edited`` (their currency
    hint among them: suggestions too); an article deleted or an entity
    renamed makes the views read everything again.
    """
    fates: dict[int, _Fate] = {}
    articles: set[int] = set()
    added_articles: set[int] = set()
    edited_articles: set[int] = set()
    kinds = {row.kind for row in rows}
    suggestions = "suggestion" in kinds
    reload = False
    for row in rows:
        if row.article_id is not None:
            articles.add(row.article_id)
        if row.kind == "annotation":
            fate = fates.setdefault(row.row_id, _Fate(row.action != "insert", None, None))
            fate.article_id = row.article_id if row.article_id is not None else fate.article_id
            fate.label_id = row.label_id if row.label_id is not None else fate.label_id
        elif row.kind == "article":
            if row.action == "insert":
                added_articles.add(row.row_id)
            elif row.action == "update":
                edited_articles.add(row.row_id)
                suggestions = True  # its currency hint, language or source may have changed
            else:
                reload = True
        elif row.kind == "entity" and row.action == "update":
            # An entity renamed (or relabelled): the name of every mention of it, in
            # articles this batch does not name. The views read everything again.
            reload = True
    if reload or len(fates) > MANY:
        return Change(article_ids=frozenset(articles), articles_added=frozenset(added_articles),
                      articles_edited=frozenset(edited_articles), labels="label" in kinds,
                      entities="entity" in kinds, relations="relation" in kinds,
                      suggestions=suggestions, reload=True, concurrent=True,
                      remote=True)
    present = _current(fates)
    added = [r for i, r in present.items() if not fates[i].existed]
    updated = [r for i, r in present.items() if fates[i].existed]
    removed = [AnnotationRecord(id=i, article_id=fate.article_id, label_id=fate.label_id or 0,
                                start=0, end=0, quote="")
               for i, fate in fates.items() if i not in present and fate.article_id is not None]
    articles |= {r.article_id for r in present.values()}
    names = entity_names({r.entity_id for r in present.values() if r.entity_id is not None})
    return Change(added=tuple(added), updated=tuple(updated), removed=tuple(removed),
                  article_ids=frozenset(articles), articles_added=frozenset(added_articles),
                  articles_edited=frozenset(edited_articles), entity_names=names,
                  labels="label" in kinds, entities="entity" in kinds,
                  # a removed annotation's links went with it
                  relations="relation" in kinds or bool(removed),
                  suggestions=suggestions, concurrent=True, remote=True)


def _current(fates: dict[int, _Fate]) -> dict[int, AnnotationRecord]:
    """The annotations of the batch that exist now, by id, in log order."""
    if not fates:
        return {}
    ids = "[" + ",".join(str(i) for i in fates) + "]"
    found = {r.id: r for r in annotations_where(f"id IN {dialect().ids_in()}", (ids,))
             if r.id is not None}
    return {i: found[i] for i in fates if i in found}
