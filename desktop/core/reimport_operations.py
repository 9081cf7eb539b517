"""Re-importing a changed article, and reviewing the annotations it could not place.

A corrected version of a stored article (a news story edited after it was
published) updates that article instead of adding a second one:
:func:`previous_version` says which stored article an incoming one is a new
version of, and :func:`update_article` replaces its body and places each of
its annotations again with :mod:`desktop.core.reanchor`, inside the import's
transaction. A confident annotation moves to its new place; a doubtful one
is set aside for review (``db.reimport``): out of the text, the figures and
the exports, never on a look-alike, until the user accepts the place offered
(:class:`AcceptReview`) or removes it (:class:`RemoveReview`).

The import itself runs on the window's worker; in the window, what it did
becomes one undo step, :class:`ReimportArticles`, whose first
:meth:`~ReimportArticles.apply` finds the work done. Undo puts back the old
body and every annotation's old place and standing (placed or waiting);
redo writes the new ones again. Each step runs in one transaction and
returns a :class:`~desktop.core.changes.Change`: the re-import names the
articles in ``articles_edited`` (their text changed, so the views showing
them read them again), a review step names the annotation it put back.

A step refuses (:class:`ValueError`, with a sentence for the user) rather
than guess when the article is no longer as the step left it, for instance
after a later re-import kept in another pane's history.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from db import deal_duplicates, reimport
from db import relations as relation_store
from db.annotations import delete_annotations, insert_annotations
from db.labels import kinds as label_kinds
from db.reads import entity_names, get_article
from db.records import ENTITY, AnnotationRecord
from db.reimport import ReviewRow
from db.transactions import transaction
from desktop.core.changes import Change, annotations_changed
from desktop.core.i18n import counted, translate
from desktop.core.import_formats import ParsedArticle, title_from
from desktop.core.operations import EntityLinks
from desktop.core.reanchor import Anchor, BodyMap, Found, Placement, reanchor
from desktop.core.text import context, sentence_index

__all__ = [
    "SAME_STORY", "SAME_STORY_CHARS", "AcceptReview", "ArticleState", "ArticleUpdate",
    "ReimportArticles", "RemoveReview", "ReviewItem", "previous_version", "review_count",
    "review_items", "store_new_versions", "update_article",
]

SAME_STORY = 0.5
"""The share of a stored article's text that must be found unchanged in an incoming
one matched only by its title or its file (not by its web address) for it to be
taken as a new version; below, the incoming article is stored as a new one."""

SAME_STORY_CHARS = 200
"""…and how many code points of it at least (a paragraph): two short texts can
share half their characters by chance."""

_ADDRESS = re.compile(r"https?://", re.IGNORECASE)
"""How a source that is a web address begins (a file's path or a file: URL is not one)."""


@dataclass(frozen=True)
class ArticleState:
    """An article's text and its annotations' standing: what a re-import changes.

    Attributes:
        body: the text.
        content_hash: its hash (see :func:`desktop.core.text.content_hash`).
        placed: the annotations in the text, by id (their places matter here).
        waiting: the annotations set aside for review, by id (their places
            and candidates matter; the rest is read when they are written).
    """

    body: str
    content_hash: str
    placed: Mapping[int, AnnotationRecord]
    waiting: Mapping[int, ReviewRow]


@dataclass(frozen=True)
class ArticleUpdate:
    """One stored article updated by a re-import: its state before and after.

    Attributes:
        article_id: the article.
        where: the file (and line) the new version came from.
        before: the article as it was.
        after: the article with its new body.
    """

    article_id: int
    where: str
    before: ArticleState
    after: ArticleState

    @property
    def placed(self) -> int:
        """How many annotations are in the new text (moved or not)."""
        return len(self.after.placed)

    @property
    def for_review(self) -> int:
        """How many annotations wait for review after it."""
        return len(self.after.waiting)


# --- the import path ---------------------------------------------------------------


def previous_version(source: str, title: str,
                     exclude: Iterable[int] = ()) -> tuple[int, bool] | None:
    """The stored article an incoming one is a new version of, if exactly one is.

    The incoming article's source, when it is not empty, names it: the one
    stored article with that source. Failing that (no source, or none
    stored, or several), its title: the one stored article with exactly that
    title, unless both have web addresses and they differ (two papers can
    print the same headline).

    Args:
        source: the incoming article's source (a web address or its file).
        title: its title.
        exclude: articles not to update (those this import stored itself).

    Returns:
        ``(article id, sure)``: ``sure`` when a web address matched, so the
        text may have changed as much as it likes; else the caller checks
        that enough of it is the same (:data:`SAME_STORY`). None when no
        single stored article matches.
    """
    skip = set(exclude)
    source = source.strip()
    if source:
        ids = [i for i in reimport.articles_by_source([source]).get(source, []) if i not in skip]
        if len(ids) == 1:
            return ids[0], bool(_ADDRESS.match(source))
    if not title.strip():
        return None
    stored = [(i, s) for i, s in reimport.articles_by_title([title]).get(title, [])
              if i not in skip]
    if len(stored) != 1:
        return None
    article_id, stored_source = stored[0]
    if (_ADDRESS.match(source) and _ADDRESS.match(stored_source)
            and source != stored_source.strip()):
        return None
    return article_id, False


def store_new_versions(articles: Sequence[tuple[ParsedArticle, str]], exclude: Iterable[int] = ()
                       ) -> tuple[list[tuple[ParsedArticle, str]], list[ArticleUpdate]]:
    """Updates the stored articles some incoming ones are new versions of.

    Runs in the caller's transaction (the import's batch).

    Args:
        articles: incoming articles, each with the hash of its body, none of
            them stored already.
        exclude: articles not to update (those this import stored itself).

    Returns:
        The articles still to store as new ones, and the updates made. An
        article carrying annotations (a Marginalia export, restored with
        them) is always stored as a new one, and so is one whose text is too
        unlike the stored article only its title or file names. A title the
        file did not give (made from the text's first line) names nothing.
    """
    rest: list[tuple[ParsedArticle, str]] = []
    updates: list[ArticleUpdate] = []
    skip = set(exclude)
    for article, digest in articles:
        target = None
        if not (article.annotations or article.rejected or article.currency_hint is not None):
            # A title made from the first line of the text is no name: only one
            # the file gave (a header, front matter, a field) may find the article.
            title = article.title if article.title != title_from(article.body) else ""
            target = previous_version(article.source, title, skip)
        update = None if target is None else update_article(
            target[0], article.body, digest, article.where, sure=target[1])
        if update is None:
            rest.append((article, digest))
        else:
            updates.append(update)
    return rest, updates


def update_article(article_id: int, body: str, content_hash: str, where: str,
                   sure: bool = True) -> ArticleUpdate | None:
    """Gives a stored article its new body and places its annotations again.

    Runs in the caller's transaction (the import's). Annotations waiting
    for review from an earlier re-import are looked for again too: one now
    found for sure goes back into the text, the others get a new candidate.

    Args:
        article_id: the stored article.
        body: the new body, normalised as every imported body is.
        content_hash: its hash.
        where: the file (and line) it came from, for the report.
        sure: False when the article was matched only by title or file:
            then it is updated only if at least :data:`SAME_STORY` of its
            text, and :data:`SAME_STORY_CHARS` code points, are still there.

    Returns:
        What changed, or None when the text is too different to be a new
        version (nothing is written then).

    Raises:
        LookupError: the article no longer exists.
    """
    current = _read_state(article_id)
    body_map = BodyMap(current.body, body)
    if not sure and (body_map.kept_share() < SAME_STORY
                     or body_map.kept() < min(SAME_STORY_CHARS, len(current.body))):
        return None
    anchors = [Anchor(i, r.start, r.end, r.quote, r.prefix, r.suffix)
               for i, r in current.placed.items()]
    # One waiting for review has no place in the old text: its candidate, if
    # any, says where to look.
    anchors += [Anchor(i, row.candidate[0] if row.candidate else None,
                       row.candidate[1] if row.candidate else None, row.record.quote,
                       row.record.prefix, row.record.suffix, placed=False)
                for i, row in current.waiting.items()]
    placements = reanchor(current.body, body, anchors, body_map)
    placed: dict[int, AnnotationRecord] = {}
    waiting: dict[int, ReviewRow] = {}
    for placement in placements:
        before = (current.placed[placement.id] if placement.id in current.placed
                  else current.waiting[placement.id].record)
        if placement.confident and placement.start is not None and placement.end is not None:
            placed[placement.id] = _placed_at(before, body, placement.start, placement.end)
        else:  # its links are read as it is set aside
            row = current.waiting.get(placement.id) or ReviewRow(record=before)
            waiting[placement.id] = _with_candidate(row, placement)
    after = ArticleState(body, content_hash, placed, waiting)
    _write_state(article_id, current, after, EntityLinks())
    return ArticleUpdate(article_id, where, current, after)


# --- operations --------------------------------------------------------------------


@dataclass
class ReimportArticles:
    """The re-imports of one import, as one undo step.

    The import wrote them already (in its own transactions): the first
    :meth:`apply` only announces them. :meth:`revert` puts back each
    article's old body and its annotations' old places and standing; a
    later :meth:`apply` writes the new ones again.
    """

    updates: Sequence[ArticleUpdate]
    name: str = ""
    _written: bool = field(default=True, init=False)
    _entities: EntityLinks = field(default_factory=EntityLinks, init=False)

    def __post_init__(self) -> None:
        if not self.name:
            count = len({u.article_id for u in self.updates})
            self.name = counted(
                count, translate("Operations", "Re-import changed article"),
                translate("Operations", "Re-import {count} changed articles")).format(
                    count=count)

    def apply(self) -> Change:
        if not self._written:
            with transaction():
                self._entities.begin()
                for update in self.updates:
                    _write_state(update.article_id, update.before, update.after, self._entities)
            self._written = True
        return self._change()

    def revert(self) -> Change:
        with transaction():
            for update in reversed(self.updates):
                _write_state(update.article_id, update.after, update.before, self._entities)
            self._entities.undo()  # an entity the last apply made, unused once it is undone
        self._written = False
        return self._change()

    def _change(self) -> Change:
        # The texts changed: views showing these articles read them again, with
        # their annotations (so no records here, which index one text or the other).
        ids = frozenset(u.article_id for u in self.updates)
        return Change(article_ids=ids, articles_edited=ids, entities=True, relations=True,
                      suggestions=True)


@dataclass
class AcceptReview:
    """Puts an annotation waiting for review back into the text, at the place offered.

    It comes back whole: its id (a new one if another annotation took it
    meanwhile), label, entity, value, note, and its links to annotations in
    the text. Its quote becomes the words at that place.
    """

    annotation_id: int
    name: str = field(
        default_factory=lambda: translate("Operations", "Accept the place of an annotation"))
    _row: ReviewRow | None = field(default=None, init=False)
    _record: AnnotationRecord | None = field(default=None, init=False)
    _relations: bool = field(default=False, init=False)
    _entities: EntityLinks = field(default_factory=EntityLinks, init=False)

    def apply(self) -> Change:
        with transaction():
            row = reimport.review_row(self.annotation_id)
            if row is None:
                raise LookupError(translate(
                    "Operations", "This annotation is no longer waiting for review."))
            if row.candidate is None:
                raise ValueError(translate(
                    "Operations", "No place was found for “{quote}”: remove it, or tag the "
                                  "words again by hand.").format(quote=row.record.quote))
            article = get_article(row.article_id)
            if article is None:
                raise LookupError(translate("Operations", "Its article no longer exists."))
            start, end = row.candidate
            if not 0 <= start < end <= len(article.body):
                raise ValueError(translate(
                    "Operations", "The place offered is no longer in the text."))
            self._entities.begin()
            record = _placed_at(row.record, article.body, start, end)
            [record] = _ready_to_insert([record], self._entities)
            ids = {row.annotation_id: row.annotation_id}
            if reimport.annotation_id_taken(row.annotation_id):
                record = replace(record, id=None)
            [new_id] = insert_annotations([record])
            record = replace(record, id=new_id)
            ids[row.annotation_id] = new_id
            relations = [r._replace(source=ids.get(r.source, r.source),
                                    target=ids.get(r.target, r.target)) for r in row.relations]
            duplicates = [(ids.get(a, a), ids.get(b, b)) for a, b in row.duplicates]
            written, _ = reimport.restore_links(relations, duplicates)
            reimport.delete_review_rows([row.annotation_id])
        self._row, self._record, self._relations = row, record, bool(written)
        return annotations_changed(added=[record], relations=self._relations,
                                   entities=self._entities.changed,
                                   entity_names=_names([record], self._entities))

    def revert(self) -> Change:
        assert self._row is not None and self._record is not None and self._record.id is not None
        with transaction():
            delete_annotations([self._record.id])  # its restored links go with it
            reimport.insert_review_rows([self._row])
            self._entities.undo()
        return annotations_changed(removed=[self._record], relations=self._relations,
                                   entities=self._entities.changed)


@dataclass
class RemoveReview:
    """Removes an annotation waiting for review; undo lists it again.

    An entity no annotation points to any more (in the text or waiting)
    goes with it, as when a tag is removed, and comes back with the undo.
    """

    annotation_id: int
    name: str = field(
        default_factory=lambda: translate("Operations", "Remove an annotation under review"))
    _row: ReviewRow | None = field(default=None, init=False)
    _entities: EntityLinks = field(default_factory=EntityLinks, init=False)

    def apply(self) -> Change:
        with transaction():
            row = reimport.review_row(self.annotation_id)
            if row is None:
                raise LookupError(translate(
                    "Operations", "This annotation is no longer waiting for review."))
            reimport.delete_review_rows([self.annotation_id])
            self._entities.begin()
            entity = row.record.entity_id
            if entity is not None and not reimport.entity_waiting(entity):
                self._entities.retire_unused([entity])
        self._row = row
        return self._change()

    def revert(self) -> Change:
        assert self._row is not None
        with transaction():
            self._entities.restore_retired()
            reimport.insert_review_rows([self._row])
        return self._change()

    def _change(self) -> Change:
        assert self._row is not None
        return Change(article_ids=frozenset({self._row.article_id}),
                      entities=self._entities.changed)


# --- the review list ------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewItem:
    """One annotation waiting for review, as the review list shows it.

    Attributes:
        annotation_id: the annotation.
        article_id: its article.
        article_title: the article's title.
        label_id: the annotation's label.
        quote: its words, as they were.
        before: the text that was just before them.
        after: the text that was just after them.
        candidate: the best place found in the current text, or None.
        candidate_quote: the words at that place ("" without one).
        candidate_before: the text just before that place.
        candidate_after: the text just after it.
        confidence: how sure that place is, 0 to 1.
        found: how it was found, in words ("reworded", "not found"…).
    """

    annotation_id: int
    article_id: int
    article_title: str
    label_id: int
    quote: str
    before: str
    after: str
    candidate: tuple[int, int] | None
    candidate_quote: str
    candidate_before: str
    candidate_after: str
    confidence: float
    found: str


def review_items(article_id: int | None = None) -> list[ReviewItem]:
    """The annotations waiting for review (of one article, or all), by article, then in
    the order they had in its text."""
    items = []
    articles: dict[int, tuple[str, str]] = {}
    for row in reimport.review_rows(article_id):
        if row.article_id not in articles:
            article = get_article(row.article_id)
            articles[row.article_id] = ((article.title, article.body) if article is not None
                                        else ("", ""))
        title, body = articles[row.article_id]
        candidate = row.candidate if row.candidate and row.candidate[1] <= len(body) else None
        words, before, after = "", "", ""
        if candidate is not None:
            words = body[candidate[0]:candidate[1]]
            before, after = context(body, *candidate)
        record = row.record
        items.append(ReviewItem(
            annotation_id=row.annotation_id, article_id=row.article_id, article_title=title,
            label_id=record.label_id, quote=record.quote, before=record.prefix,
            after=record.suffix, candidate=candidate, candidate_quote=words,
            candidate_before=before, candidate_after=after, confidence=row.confidence,
            found=_found_words(row.found)))
    return items


def review_count() -> int:
    """How many annotations wait for review, in all articles."""
    return reimport.review_count()


def _found_words(name: str) -> str:
    try:
        return Found[name].value
    except KeyError:
        return name


# --- internals -----------------------------------------------------------------------


def _read_state(article_id: int) -> ArticleState:
    text = reimport.article_text(article_id)
    if text is None:
        raise LookupError(translate("Operations", "This article no longer exists."))
    placed = {r.id: r for r in reimport.placed_annotations(article_id) if r.id is not None}
    waiting = {row.annotation_id: row for row in reimport.review_rows(article_id)}
    return ArticleState(text[0], text[1], placed, waiting)


def _placed_at(record: AnnotationRecord, body: str, start: int, end: int) -> AnnotationRecord:
    """The annotation at ``body[start:end]``: its quote, context and sentence from there."""
    prefix, suffix = context(body, start, end)
    return replace(record, start=start, end=end, quote=body[start:end], prefix=prefix,
                   suffix=suffix, sentence=sentence_index(body, start))


def _with_candidate(row: ReviewRow, placement: Placement) -> ReviewRow:
    candidate = (None if placement.start is None or placement.end is None
                 else (placement.start, placement.end))
    return replace(row, candidate=candidate, confidence=placement.confidence,
                   found=placement.found.name)


_Links = tuple[tuple[relation_store.RelationRecord, ...], tuple[tuple[int, int], ...]]


def _links_of(annotation_ids: list[int]) -> dict[int, _Links]:
    """Each annotation's relations and counted-once deal rows, as stored now."""
    if not annotation_ids:
        return {}
    relations = relation_store.relations_touching(annotation_ids)
    duplicates = deal_duplicates.touching(annotation_ids)
    return {i: (tuple(r for r in relations if i in (r.source, r.target)),
                tuple(d for d in duplicates if i in d)) for i in annotation_ids}


def _write_state(article_id: int, current: ArticleState, target: ArticleState,
                 entities: EntityLinks) -> None:
    """Takes the article from ``current`` (checked against the database) to ``target``.

    Annotations placed in both keep their rows (only their place changes,
    so an edit made meanwhile stays); those leaving the text are set aside
    as they are now, with their links; those coming back are inserted whole
    from their review rows, their links restored.

    Raises:
        ValueError: the article is not as ``current`` says (changed since).
        LookupError: the article no longer exists.
    """
    text = reimport.article_text(article_id)
    if text is None:
        raise LookupError(translate("Operations", "This article no longer exists."))
    placed_now = {r.id: r for r in reimport.placed_annotations(article_id) if r.id is not None}
    waiting_now = {row.annotation_id: row for row in reimport.review_rows(article_id)}
    if (text[1] != current.content_hash or placed_now.keys() != current.placed.keys()
            or waiting_now.keys() != current.waiting.keys()):
        raise ValueError(translate(
            "Operations", "This article was changed since it was re-imported (its text or its "
                          "annotations): undo those changes first."))
    reimport.set_body(article_id, target.body, target.content_hash)
    staying = sorted(current.placed.keys() & target.placed.keys())
    reimport.move_annotations(target.placed[i] for i in staying)
    leaving = sorted(current.placed.keys() - target.placed.keys())
    links = _links_of(leaving)
    reimport.set_aside(
        replace(target.waiting[i], record=_place_of(target.waiting[i].record, placed_now[i]),
                relations=links[i][0], duplicates=links[i][1])
        for i in leaving)
    coming = sorted(current.waiting.keys() & target.placed.keys())
    for i in coming:
        if reimport.annotation_id_taken(i):
            raise ValueError(translate(
                "Operations", "An annotation made since took the id of one this step puts back: "
                              "undo it first."))
    records = _ready_to_insert([_place_of(target.placed[i], waiting_now[i].record)
                                for i in coming], entities)
    insert_annotations(records)
    for i in coming:
        reimport.restore_links(waiting_now[i].relations, waiting_now[i].duplicates)
    reimport.delete_review_rows(coming)
    still = sorted(current.waiting.keys() & target.waiting.keys())
    reimport.update_candidates(target.waiting[i] for i in still)


def _place_of(place: AnnotationRecord, record: AnnotationRecord) -> AnnotationRecord:
    """``record`` (as stored now) at the place ``place`` says."""
    return replace(record, start=place.start, end=place.end, quote=place.quote,
                   prefix=place.prefix, suffix=place.suffix, sentence=place.sentence)


def _ready_to_insert(records: list[AnnotationRecord],
                     entities: EntityLinks) -> list[AnnotationRecord]:
    """The records with their label checked and their entity still there.

    A mention whose entity was deleted while it waited points to the one its
    words name (found or created) instead, as a mention of an entity label
    must point to one.

    Raises:
        ValueError: a record's label was deleted meanwhile.
    """
    kinds = label_kinds()
    ready = []
    for record in records:
        if record.label_id not in kinds:
            raise ValueError(translate(
                "Operations", "The label of “{quote}” was deleted: remove it instead.").format(
                    quote=record.quote))
        if record.entity_id is not None and not reimport.entity_exists(record.entity_id):
            record = replace(record, entity_id=(
                entities.named_by(record.quote, record.label_id)
                if kinds[record.label_id] == ENTITY else None))
        ready.append(record)
    return ready


def _names(records: Iterable[AnnotationRecord], entities: EntityLinks) -> dict[int, str]:
    wanted = {r.entity_id for r in records if r.entity_id is not None}
    names = {i: entities.names[i] for i in wanted if i in entities.names}
    missing = wanted - names.keys()
    if missing:
        names.update(entity_names(missing))
    return names
