"""Named, invertible operations on annotations: the unit of undo.

Each operation's :meth:`apply` and :meth:`revert` is one committed
transaction and returns a :class:`Change` telling views what to refresh.
The GUI wraps operations in ``QUndoCommand``s; the CLI and scripts can call
them directly. Re-applying after a revert restores the same row ids, so
relations and views that remember ids stay valid across undo/redo.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from db import annotations as store
from db import suggestions
from db.annotations import AnnotationRecord
from db.models import ACCEPTED
from desktop.core.text import context, sentence_index


@dataclass(frozen=True)
class Change:
    """What an operation touched."""

    article_ids: frozenset[int] = frozenset()
    annotation_ids: frozenset[int] = frozenset()
    labels: bool = False
    suggestions: bool = False  # only what is proposed changed (a rejection)


class Operation(Protocol):
    """An invertible change; ``name`` is shown in the Edit menu ("Undo Tag ORG")."""

    name: str

    def apply(self) -> Change: ...

    def revert(self) -> Change: ...


def new_annotation(
    body: str, article_id: int, label_id: int, start: int, end: int, **extra: Any
) -> AnnotationRecord:
    """Builds an unsaved annotation of ``body[start:end]`` with its context and sentence."""
    if not 0 <= start < end <= len(body):
        raise ValueError(f"range {start}-{end} is outside the text (0-{len(body)})")
    prefix, suffix = context(body, start, end)
    return AnnotationRecord(
        id=None, article_id=article_id, label_id=label_id, start=start, end=end,
        quote=body[start:end], prefix=prefix, suffix=suffix,
        sentence=sentence_index(body, start), **extra,
    )


def _change(records: list[AnnotationRecord]) -> Change:
    return Change(frozenset(r.article_id for r in records),
                  frozenset(r.id for r in records if r.id is not None))


@dataclass
class AddAnnotations:
    """Stores new annotations (one or many: "tag all" is one undo step)."""

    records: list[AnnotationRecord]
    name: str = "Tag"
    _stored: list[AnnotationRecord] = field(default_factory=list, init=False)

    def apply(self) -> Change:
        pending = self._stored or self.records
        ids = store.insert_annotations(pending)
        self._stored = [replace(r, id=i) for r, i in zip(pending, ids, strict=True)]
        return _change(self._stored)

    def revert(self) -> Change:
        store.delete_annotations([r.id for r in self._stored if r.id is not None])
        return _change(self._stored)

    @property
    def ids(self) -> list[int]:
        return [r.id for r in self._stored if r.id is not None]


@dataclass
class RemoveAnnotations:
    """Deletes annotations; undo puts them back with the same ids."""

    ids: list[int]
    name: str = "Remove annotation"
    _removed: list[AnnotationRecord] = field(default_factory=list, init=False)
    _relations: list[tuple[str, int, int]] = field(default_factory=list, init=False)

    def apply(self) -> Change:
        found = [store.get_annotation(i) for i in self.ids]
        self._removed = [r for r in found if r is not None]
        ids = [r.id for r in self._removed if r.id is not None]
        self._relations = store.relations_touching(ids)  # deleted with them (cascade)
        store.delete_annotations(ids)
        return _change(self._removed)

    def revert(self) -> Change:
        store.insert_annotations(self._removed)
        store.insert_relations(self._relations)
        return _change(self._removed)


@dataclass
class EditAnnotation:
    """Changes label, entity, value, unit, approx, note or status of one annotation."""

    annotation_id: int
    changes: dict[str, Any]
    name: str = "Edit annotation"
    _before: dict[str, Any] = field(default_factory=dict, init=False)

    def apply(self) -> Change:
        current = store.get_annotation(self.annotation_id)
        if current is None:
            raise LookupError(f"annotation {self.annotation_id} no longer exists")
        self._before = {key: getattr(current, key) for key in self.changes}
        updated = store.update_annotation(self.annotation_id, **self.changes)
        return _change([updated])

    def revert(self) -> Change:
        updated = store.update_annotation(self.annotation_id, **self._before)
        return _change([updated])


@dataclass
class LinkAnnotations:
    """Links annotations in pairs (an amount to the parties of a deal); undoable."""

    pairs: list[tuple[int, int]]  # (source annotation, target annotation)
    kind: str = "deal"
    name: str = "Link annotations"
    _ids: list[int] = field(default_factory=list, init=False)

    def apply(self) -> Change:
        self._ids = store.insert_relations([(self.kind, s, t) for s, t in self.pairs])
        return self._change()

    def revert(self) -> Change:
        store.delete_relations(self._ids)
        return self._change()

    def _change(self) -> Change:
        records = [store.get_annotation(i) for pair in self.pairs for i in pair]
        return _change([r for r in records if r is not None])


def accept(record: AnnotationRecord) -> AnnotationRecord:
    return replace(record, status=ACCEPTED)


@dataclass
class RejectSuggestions:
    """Remembers suggestions as rejected (so they are not proposed again); undoable."""

    article_id: int
    spans: list[tuple[int, int, int]]  # (start, end, label id)
    name: str = "Reject suggestion"

    def apply(self) -> Change:
        suggestions.add_rejections(self.article_id, self.spans)
        return Change(frozenset({self.article_id}), suggestions=True)

    def revert(self) -> Change:
        suggestions.remove_rejections(self.article_id, self.spans)
        return Change(frozenset({self.article_id}), suggestions=True)
