"""Adjudication: settling where two annotators differ, in a result of its own.

**The result author.** A decision is stored as annotations whose author is
:data:`ADJUDICATED` (``"adjudicated"``). Nobody's own work is changed or
deleted: annotator A's and B's annotations stay as they left them, and the
result is one more author, so ``marginalia agreement A adjudicated``
measures how far each annotator agrees with it.

**Where they differ** is the agreement's rule, not a second one: two spans
match when start, end and label are all the same, and
:func:`desktop.core.agreement.differences` lists, in text order, the spans
only one annotator gives, those with the same range and another label, and
overlapping ones with other boundaries. :func:`disputed_spans` says the same
of any number of authors: a span is disputed unless every one of them gives
it identically.

**Taking a version** (:class:`AcceptVersion`) settles one difference:

* the result's annotations at the difference's own spans (the same start,
  end and label as A's or B's span there) are removed;
* a copy of the chosen annotator's annotation of their span is added: label,
  range, entity, value, upper value, unit, approximate flag and bound, with
  the author :data:`ADJUDICATED` and the status accepted (the annotator's
  note stays theirs). A copy the result holds already is kept as it is,
  with its id and links;
* choosing the side that has no span there, or neither side, leaves the
  result empty at those spans.

Only the difference's own spans are replaced, not everything that overlaps
it: where one long span of A overlaps two short ones of B (two differences),
taking B's version in each keeps both of B's spans.

**Where they agree** (:class:`AcceptAgreed`): every span both annotators
give identically is copied into the result (from A's annotation), unless the
result holds it already.

Both are core operations (:mod:`desktop.core.operations`): ``apply`` and
``revert`` run in one transaction each; ``revert`` puts back exactly what
was removed (ids, links, a deal's reports) and removes what was added, and
a redo gives the copies their ids again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from db import agreement_reads, deal_duplicates
from db import annotations as store
from db import relations as relation_store
from db.reads import entity_names, labels
from db.records import ACCEPTED, AnnotationRecord
from db.relations import RelationRecord
from db.transactions import transaction
from desktop.core.agreement import Difference, Span, differences
from desktop.core.changes import Change, annotations_changed
from desktop.core.deal_operations import (
    DealRows,
    keep_deals_before_removal,
    restore_after_removal,
)
from desktop.core.i18n import translate
from desktop.core.operations import EntityLinks, check_unchanged

ADJUDICATED = "adjudicated"
"""The author of the adjudicated result's annotations."""


class Choice(StrEnum):
    """Which version of a difference the result takes."""

    A = "a"
    B = "b"
    NEITHER = "neither"


# --- where they differ -------------------------------------------------------------------


def disputed_spans(spans_by_author: Mapping[str, Iterable[tuple[int, int, str]]]) -> set[Span]:
    """The spans not given identically by every one of these authors.

    Each pair of authors is compared with :func:`~desktop.core.agreement.differences`;
    a span in any of their differences is disputed. With one author (or none)
    nothing is.
    """
    spans = {author: [Span(*span) for span in given] for author, given in spans_by_author.items()}
    authors = sorted(spans)
    disputed: set[Span] = set()
    for index, first in enumerate(authors):
        for second in authors[index + 1:]:
            for difference in differences(spans[first], spans[second]):
                disputed.update(span for span in (difference.a, difference.b)
                                if span is not None)
    return disputed


def chosen_span(difference: Difference, choice: Choice) -> Span | None:
    """The span the result holds there once ``choice`` is taken (None: nothing)."""
    if choice is Choice.A:
        return difference.a
    if choice is Choice.B:
        return difference.b
    return None


def extent(difference: Difference) -> tuple[int, int]:
    """The code points the difference covers, from its first start to its last end."""
    spans = [span for span in (difference.a, difference.b) if span is not None]
    return min(span.start for span in spans), max(span.end for span in spans)


def copy_for_result(record: AnnotationRecord) -> AnnotationRecord:
    """An unsaved copy of an annotator's annotation as the result's."""
    return replace(record, id=None, author=ADJUDICATED, status=ACCEPTED, note="",
                   created_at=None)


def no_name(author: str) -> str:
    """How an author is named in messages ("" was stored before a name was set)."""
    return author or translate("Adjudication", "(no name)")


# --- operations ---------------------------------------------------------------------------


@dataclass
class _ResultWrite:
    """Replaces some of the result's annotations in one article; undoable exactly."""

    article_id: int
    force: bool = field(default=False, init=False)  # undo even what changed elsewhere since
    _added: list[AnnotationRecord] = field(default_factory=list, init=False)
    _removed: list[AnnotationRecord] = field(default_factory=list, init=False)
    _relations: list[RelationRecord] = field(default_factory=list, init=False)
    _duplicates: list[tuple[int, int]] = field(default_factory=list, init=False)
    _deals: DealRows | None = field(default=None, init=False)  # rows moved to another report
    _entities: EntityLinks = field(default_factory=EntityLinks, init=False)

    def _write(self, remove: list[AnnotationRecord], add: list[AnnotationRecord]) -> Change:
        """Removes ``remove`` and stores ``add``, inside the caller's transaction."""
        ids = [r.id for r in remove if r.id is not None]
        # Deleted with them (cascade): their links and a confirmed deal's reports.
        relations = relation_store.relations_touching(ids)
        duplicates = deal_duplicates.touching(ids) if ids else []
        # The other reports of a deal whose kept report goes stay one deal.
        self._deals = keep_deals_before_removal(ids) if ids else None
        if ids:
            store.delete_annotations(ids)
        self._entities.begin()
        self._entities.retire_unused(r.entity_id for r in remove if r.entity_id is not None)
        if self._added and len(self._added) == len(add):  # a redo: the same ids again
            add = [replace(r, id=done.id) for r, done in zip(add, self._added, strict=True)]
        new_ids = store.insert_annotations(add) if add else []
        added = [replace(r, id=i) for r, i in zip(add, new_ids, strict=True)]
        self._added, self._removed = added, remove
        self._relations, self._duplicates = relations, duplicates
        return self._change(added, remove)

    def revert(self) -> Change:
        """Puts the result back as it was; unless ``force``, refuses (ChangedMeanwhile)
        if another window changed what this step wrote, or reused the ids it freed."""
        with transaction():
            if not self.force:
                check_unchanged({**{r.id: None for r in self._removed if r.id is not None},
                                 **{r.id: r for r in self._added if r.id is not None}})
            ids = [r.id for r in self._added if r.id is not None]
            if ids:
                store.delete_annotations(ids)
            self._entities.restore_retired()
            if self._removed:
                store.insert_annotations(self._removed)
            relation_store.insert_relations(self._relations)
            restore_after_removal(self._duplicates, self._deals)
        return self._change(self._removed, self._added)

    def _change(self, added: list[AnnotationRecord], removed: list[AnnotationRecord]) -> Change:
        named = {r.entity_id for r in added if r.entity_id is not None}
        change = annotations_changed(added=added, removed=removed,
                                     relations=bool(self._relations),
                                     entities=self._entities.changed,
                                     entity_names=entity_names(named))
        # Said of the article even when nothing was there to replace (neither, twice),
        # and of the articles of reports counted anew.
        moved = self._deals.articles if self._deals is not None else frozenset()
        return replace(change, article_ids=change.article_ids | {self.article_id} | moved,
                       relations=change.relations or bool(moved))


def _label_names() -> dict[int, str]:
    return {label.id: label.name for label in labels()}


def _span(record: AnnotationRecord, names: Mapping[int, str]) -> Span:
    return Span(record.start, record.end, names.get(record.label_id, ""))


def _check_annotators(annotators: Sequence[str]) -> None:
    if len(annotators) != 2 or annotators[0] == annotators[1] or ADJUDICATED in annotators:
        raise ValueError(translate(
            "Adjudication", "Adjudication needs two different annotators, neither of them "
                            "the adjudicated result."))


@dataclass
class AcceptVersion(_ResultWrite):
    """The result takes A's version of one difference, or B's, or neither.

    Args:
        article_id: the article.
        difference: where A and B differ (its spans' labels are label names).
        annotators: (A, B), the authors of the difference's spans ``a`` and ``b``.
        choice: whose version the result takes.
    """

    difference: Difference
    annotators: tuple[str, str]
    choice: Choice
    name: str = ""

    def __post_init__(self) -> None:
        _check_annotators(self.annotators)
        if not self.name:
            if self.choice is Choice.NEITHER:
                self.name = translate("Adjudication", "Take neither version")
            else:
                author = self.annotators[0 if self.choice is Choice.A else 1]
                self.name = translate("Adjudication", "Take {author}’s version").format(
                    author=no_name(author))

    def apply(self) -> Change:
        chosen = chosen_span(self.difference, self.choice)
        source = (None if chosen is None
                  else self.annotators[0 if self.choice is Choice.A else 1])
        with transaction():
            names = _label_names()
            records = agreement_reads.authored_annotations(
                self.article_id, [ADJUDICATED] + ([source] if source is not None else []))
            result = [r for r in records if r.author == ADJUDICATED]
            kept = next((r for r in result if _span(r, names) == chosen), None)
            replaced = {span for span in (self.difference.a, self.difference.b)
                        if span is not None}
            remove = [r for r in result if _span(r, names) in replaced and r is not kept]
            add = []
            if chosen is not None and kept is None:
                original = next((r for r in records if r.author == source
                                 and _span(r, names) == chosen), None)
                if original is None:
                    raise LookupError(translate(
                        "Adjudication", "{author}’s annotation there no longer exists."
                    ).format(author=no_name(source or "")))
                add = [copy_for_result(original)]
            return self._write(remove, add)


@dataclass
class AcceptAgreed(_ResultWrite):
    """The result takes every span A and B give identically (copied from A's).

    Args:
        article_id: the article.
        annotators: (A, B).
    """

    annotators: tuple[str, str]
    name: str = field(default_factory=lambda: translate("Adjudication",
                                                        "Accept where they agree"))

    def __post_init__(self) -> None:
        _check_annotators(self.annotators)

    def apply(self) -> Change:
        first, second = self.annotators
        with transaction():
            names = _label_names()
            records = agreement_reads.authored_annotations(
                self.article_id, [first, second, ADJUDICATED])
            of_first: dict[Span, AnnotationRecord] = {}
            for record in records:  # by id: the first of a span given twice
                if record.author == first:
                    of_first.setdefault(_span(record, names), record)
            of_second = {_span(r, names) for r in records if r.author == second}
            held = {_span(r, names) for r in records if r.author == ADJUDICATED}
            agreed = sorted(of_first.keys() & of_second - held)
            return self._write([], [copy_for_result(of_first[span]) for span in agreed])
