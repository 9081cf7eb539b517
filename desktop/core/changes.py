"""What one operation changed: the message every view updates from.

An operation builds its :class:`Change` from what it already holds (the
records it wrote, the ids it removed), so a view can show the result without
reading the database again. Imports send one too (``articles_added``). The
GUI passes each change to every subscriber through one signal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from db.records import AnnotationRecord


@dataclass(frozen=True)
class Change:
    """The outcome of one operation, its undo or its redo.

    Attributes:
        added: annotations that now exist and did not before, as stored.
        updated: annotations that exist before and after, as they are now.
        removed: annotations that no longer exist, as they were.
        article_ids: every article whose annotations (or settings) changed.
        articles_added: articles that were imported.
        articles_edited: articles whose title, date, source, language or
            currency hint changed (views showing them read them again).
        entity_names: the names of the entities the records above point to,
            so views can show them without looking them up.
        labels: labels were added, renamed, recoloured, re-keyed or deleted.
        entities: entities or their aliases were created or deleted.
        relations: links between annotations were made or removed.
        suggestions: what is proposed changed (a rejection, a currency hint).
        reload: the views cannot trust what they hold (a write failed):
            they read everything again.
        concurrent: the change was written on another thread while the
            views went on reading, so what they read meanwhile may already
            include it (a count must be read again, not added to).
        remote: another app instance (or another program) wrote it; this
            window only heard of it (desktop.core.remote_changes).
    """

    added: tuple[AnnotationRecord, ...] = ()
    updated: tuple[AnnotationRecord, ...] = ()
    removed: tuple[AnnotationRecord, ...] = ()
    article_ids: frozenset[int] = frozenset()
    articles_added: frozenset[int] = frozenset()
    articles_edited: frozenset[int] = frozenset()
    entity_names: Mapping[int, str] = field(default_factory=dict)
    labels: bool = False
    entities: bool = False
    relations: bool = False
    suggestions: bool = False
    reload: bool = False
    concurrent: bool = False
    remote: bool = False

    @property
    def present(self) -> tuple[AnnotationRecord, ...]:
        """Annotations added or updated: those to show as they are now."""
        return self.added + self.updated

    @property
    def removed_ids(self) -> frozenset[int]:
        return frozenset(r.id for r in self.removed if r.id is not None)

    @property
    def annotation_ids(self) -> frozenset[int]:
        """Every annotation named by the change, whatever happened to it."""
        return frozenset(r.id for r in (*self.added, *self.updated, *self.removed)
                         if r.id is not None)

    def for_article(self, article_id: int) -> bool:
        """True if this article's annotations or settings changed."""
        return article_id in self.article_ids

    def count_delta(self) -> dict[int, int]:
        """How many annotations each touched article gained (negative: lost)."""
        delta: dict[int, int] = {}
        for record in self.added:
            delta[record.article_id] = delta.get(record.article_id, 0) + 1
        for record in self.removed:
            delta[record.article_id] = delta.get(record.article_id, 0) - 1
        return delta



def annotations_changed(*, added: Iterable[AnnotationRecord] = (),
                        updated: Iterable[AnnotationRecord] = (),
                        removed: Iterable[AnnotationRecord] = (),
                        entity_names: Mapping[int, str] | None = None,
                        entities: bool = False, relations: bool = False) -> Change:
    """A change to annotations, with the articles they belong to."""
    added, updated, removed = tuple(added), tuple(updated), tuple(removed)
    articles = frozenset(r.article_id for r in (*added, *updated, *removed))
    return Change(added=added, updated=updated, removed=removed, article_ids=articles,
                  entity_names=dict(entity_names or {}), entities=entities,
                  relations=relations)


RELOAD = Change(reload=True)
