"""Named, invertible operations: every change a user can make, and its undo.

One user action is one operation; its :meth:`~Operation.apply` and
:meth:`~Operation.revert` each run in one transaction, side effects included
(an entity created to link a mention is removed by the undo that unlinks it),
and return a :class:`~desktop.core.changes.Change` built from what the
operation already holds, so views need not read it back. A step that fails
raises, and its transaction leaves the database as it was.

The GUI wraps operations in ``QUndoCommand``s (``desktop.ui.commands``); the
CLI and scripts can call them directly. Re-applying after a revert restores
the same row ids, so relations and views that remember ids stay valid across
undo and redo. Operations whose ``slow`` is true take ``progress`` and
``cancel`` in :meth:`apply` and are run off the GUI thread.

Several windows (or users of a team database) may write at once. Edits and
removals take the annotations as the user saw them (``seen``) and refuse
to overwrite a change made elsewhere meanwhile (:class:`ChangedMeanwhile`,
nothing written) unless told to ``force``; their undo and redo check the
rows against what the step itself left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from db import annotations as store
from db import deal_duplicates, entity_admin, suggestions
from db import entities as entity_store
from db import labels as label_store
from db import relations as relation_store
from db.names import canonical_name, name_key
from db.reads import get_article
from db.records import ACCEPTED, AMOUNT, ENTITY, AnnotationRecord, ArticleRecord, LabelRecord
from db.relations import RelationRecord
from db.transactions import transaction
from desktop.core.changes import Change, annotations_changed
from desktop.core.deal_operations import (
    DealRows,
    keep_deals_before_removal,
    leave_deals_after_edit,
    restore_after_removal,
)
from desktop.core.entities import alias_for, clean_name
from desktop.core.i18n import translate
from desktop.core.progress import (
    Cancelled,
    CancelToken,
    ProgressCallback,
    is_cancelled,
    report,
)
from desktop.core.text import context, sentence_index

# Tag-all inserts this many annotations between progress reports and cancel checks.
CHUNK = 500

# The fields whose change can make an amount stop being counted money, or change its currency.
_MONEY_FIELDS = frozenset({"status", "label_id", "value", "unit"})


class Operation(Protocol):
    """An invertible change; ``name`` is shown in the Edit menu ("Undo Tag ORG")."""

    name: str

    def apply(self) -> Change: ...

    def revert(self) -> Change: ...


def is_slow(operation: object) -> bool:
    """True for operations to run off the GUI thread (they accept progress and cancel)."""
    return bool(getattr(operation, "slow", False))


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


def accept(record: AnnotationRecord) -> AnnotationRecord:
    return replace(record, status=ACCEPTED)


@dataclass
class EntityLinks:
    """Finds or creates entities and aliases for an operation, and undoes what it created.

    An entity or alias created here is created again with the same id on redo, so
    annotations restored by id point to it again.
    """

    _created: dict[tuple[str, int], int] = field(default_factory=dict)  # (name, label) → id
    _live: list[int] = field(default_factory=list)  # created by the last apply
    _aliases: list[tuple[int, str]] = field(default_factory=list)  # added by the last apply
    _alias_ids: dict[tuple[int, str], int] = field(default_factory=dict)  # given, for redo
    _found: dict[tuple[str, int], int] = field(default_factory=dict)  # (key, label) → id
    _retired: list[entity_store.SavedEntity] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)

    def entity(self, name: str, label_id: int) -> int:
        """The entity of this label called ``name`` (or with that alias); created if none."""
        return self._entity(clean_name(name), label_id)

    def named_by(self, text: str, label_id: int) -> int:
        """The entity a mention's text names ("d’OpenAI": OpenAI); created if none."""
        return self._entity(canonical_name(text), label_id)

    def _entity(self, name: str, label_id: int) -> int:
        key = (name_key(name), label_id)
        found = self._found.get(key)
        if found is None:
            found = entity_store.find_entity(name, label_id)
        if found is None:
            found = entity_store.insert_entity(name, label_id, self._created.get((name, label_id)))
            self._created[(name, label_id)] = found
            self._live.append(found)
            self.names[found] = name
        self._found[key] = found
        return found

    def alias(self, entity_id: int, quote: str, entity_name: str) -> None:
        """Records the mention's text as another name of the entity (the alias rule)."""
        alias = alias_for(quote, entity_name)
        if alias is None:
            return
        given = entity_store.insert_alias(entity_id, alias, self._alias_ids.get((entity_id, alias)))
        if given is not None:
            self._alias_ids[(entity_id, alias)] = given
            self._aliases.append((entity_id, alias))

    def retire_unused(self, entity_ids: Iterable[int]) -> None:
        """Deletes these entities if no mention points to them any more (kept for undo).

        Re-linking the only mention of "AWS" to "Amazon Web Services" leaves
        the entity "AWS" (made when it was tagged) with nothing: it goes, its
        name now an alias of the other.
        """
        for entity_id in sorted(set(entity_ids) - set(self._live)):
            if not entity_store.entity_in_use(entity_id):
                saved = entity_store.save_entity(entity_id)
                if saved is not None:
                    entity_store.delete_entity(entity_id)
                    self._retired.append(saved)

    def restore_retired(self) -> None:
        """Puts back, with their ids, the entities :meth:`retire_unused` deleted."""
        for saved in self._retired:
            entity_store.restore_entity(saved)

    @property
    def changed(self) -> bool:
        return bool(self._live or self._aliases or self._retired)

    def begin(self) -> None:
        """Forgets what the previous apply created (it was undone, or kept)."""
        self._live, self._aliases, self._found, self._retired = [], [], {}, []

    def undo(self) -> None:
        """Removes the aliases and the (now unused) entities the last apply created."""
        for entity_id, alias in self._aliases:
            entity_store.delete_alias(entity_id, alias)
        for entity_id in self._live:
            if not entity_store.entity_in_use(entity_id):
                entity_store.delete_entity(entity_id)


def _with_entities(records: list[AnnotationRecord], names: Sequence[str | None],
                   entities: EntityLinks) -> list[AnnotationRecord]:
    """The records, each mention of an entity label pointing to an entity.

    ``names[i]``, when given, names the entity of ``records[i]``; otherwise a
    mention without one points to the entity its text names (found by name
    or alias, or created): entities by default, so every mention counts.
    """
    kinds = label_store.kinds()
    linked = []
    for i, record in enumerate(records):
        name = names[i] if i < len(names) else None
        if name:
            record = replace(record, entity_id=entities.entity(name, record.label_id))
        elif record.entity_id is None and kinds.get(record.label_id) == ENTITY:
            record = replace(record, entity_id=entities.named_by(record.quote, record.label_id))
        linked.append(record)
    return linked


def _names_of(records: Iterable[AnnotationRecord], known: dict[int, str]) -> dict[int, str]:
    """The names of the entities the records point to (read only those not known)."""
    wanted = {r.entity_id for r in records if r.entity_id is not None}
    names = {i: known[i] for i in wanted if i in known}
    missing = wanted - names.keys()
    if missing:
        names.update(entity_store.entity_names(missing))
    return names


class ChangedMeanwhile(Exception):
    """Annotations were changed elsewhere since the user saw them; nothing was written.

    Another window, another user on the team database, or the user's own
    step in another pane's history changed or removed them after the view
    the user acted on was filled. The operation raises this inside its
    transaction, before writing, unless told to ``force``.

    Attributes:
        seen: the annotations as the user saw them, by id (None: absent).
        current: the same annotations as stored now, by id (None: removed).
        entity_names: the names of the entities the current ones point to.
        can_force: whether applying anyway can work (an edit of an
            annotation that is gone cannot).
    """

    def __init__(self, seen: Mapping[int, AnnotationRecord | None],
                 current: Mapping[int, AnnotationRecord | None],
                 entity_names: Mapping[int, str], can_force: bool) -> None:
        super().__init__(translate(
            "Operations", "Someone else changed these annotations meanwhile; nothing was "
                          "saved."))
        self.seen, self.current = dict(seen), dict(current)
        self.entity_names, self.can_force = dict(entity_names), can_force

    @property
    def differing(self) -> list[int]:
        """The ids of the annotations stored otherwise than seen, in the order given."""
        return [i for i in self.seen if self.current.get(i) != self.seen[i]]

    @property
    def change(self) -> Change:
        """What the views show instead of what they held: the annotations as stored now."""
        present = [r for r in self.current.values() if r is not None]
        gone = [r for i, r in self.seen.items() if r is not None and self.current.get(i) is None]
        return annotations_changed(updated=present, removed=gone,
                                   entity_names=self.entity_names, relations=bool(gone))


def _check_unchanged(expected: Mapping[int, AnnotationRecord | None],
                     can_force: Callable[[dict[int, AnnotationRecord | None]], bool]) -> None:
    """Raises :class:`ChangedMeanwhile` unless each annotation is stored as ``expected``.

    ``expected`` maps ids to the records the user saw (or None: not there);
    ``can_force`` tells, from the stored ones, whether writing anyway can work.
    Run inside the operation's transaction, so the answer holds until it commits.
    """
    if not expected:
        return
    current: dict[int, AnnotationRecord | None] = dict.fromkeys(expected)
    for record in entity_admin.annotations_by_id(expected):  # one read, even for a tag all
        if record.id is not None:
            current[record.id] = record
    if all(current[i] == record for i, record in expected.items()):
        return
    present = [r for r in current.values() if r is not None]
    raise ChangedMeanwhile(expected, current, _names_of(present, {}), can_force(current))


def check_unchanged(expected: Mapping[int, AnnotationRecord | None]) -> None:
    """:func:`_check_unchanged` for operations elsewhere in the core (adjudication):
    writing anyway can work when the ids expected free still are (rows expected are
    written over or deleted whatever they hold now)."""
    _check_unchanged(expected, lambda current: all(
        current[i] is None for i, record in expected.items() if record is None))


def _all_present(current: dict[int, AnnotationRecord | None]) -> bool:
    return all(r is not None for r in current.values())


def _none_present(current: dict[int, AnnotationRecord | None]) -> bool:
    return all(r is None for r in current.values())


# --- annotations ------------------------------------------------------------------


@dataclass
class AddAnnotations:
    """Stores new annotations (one, or many: accepting all suggestions is one step).

    Args:
        records: the annotations to store.
        link: for each record, the name of the entity to link it to (found or
            created with it, removed by its undo), or None; empty for none.
    """

    records: list[AnnotationRecord]
    name: str = field(default_factory=lambda: translate("Operations", "Tag"))
    link: Sequence[str | None] = ()  # None: the entity the text names, for entity labels
    force: bool = False  # undo even what was changed elsewhere since (see revert)
    _stored: list[AnnotationRecord] = field(default_factory=list, init=False)
    _entities: EntityLinks = field(default_factory=EntityLinks, init=False)

    def apply(self) -> Change:
        return self._insert(None, None)

    def _insert(self, progress: ProgressCallback | None,
                cancel: CancelToken | None) -> Change:
        pending = self._pending()
        if self._stored:  # a redo: the same rows again, under the same ids
            pending = [replace(r, id=done.id) for r, done in zip(pending, self._stored,
                                                                   strict=True)]
        stored: list[AnnotationRecord] = []
        with transaction():
            # On redo too: the undo removed the entities this step created.
            self._entities.begin()
            pending = _with_entities(pending, self.link, self._entities)
            for first in range(0, len(pending), CHUNK):
                if is_cancelled(cancel):
                    raise Cancelled(translate(
                        "Operations", "Tagging was cancelled; nothing was tagged."))
                chunk = pending[first:first + CHUNK]
                ids = store.insert_annotations(chunk)
                stored.extend(replace(r, id=i) for r, i in zip(chunk, ids, strict=True))
                report(progress, len(stored), len(pending),
                       translate("Operations", "Tagged {count} mentions…").format(
                           count=len(stored)))
        self._stored = stored
        return annotations_changed(added=stored, entities=self._entities.changed,
                                   entity_names=_names_of(stored, self._entities.names))

    def _pending(self) -> list[AnnotationRecord]:
        return list(self.records)

    def revert(self) -> Change:
        """Removes what the step stored; unless ``force``, refuses (ChangedMeanwhile)
        if another window or user changed or removed one of them since: their note,
        label or links would go with it unasked."""
        with transaction():
            if not self.force:
                _check_unchanged({r.id: r for r in self._stored if r.id is not None},
                                 _all_present)
            store.delete_annotations(self.ids)
            self._entities.undo()
        return annotations_changed(removed=self._stored, entities=self._entities.changed)

    @property
    def ids(self) -> list[int]:
        return [r.id for r in self._stored if r.id is not None]


@dataclass(frozen=True)
class Mention:
    """A span to tag in an article (what "tag all occurrences" found)."""

    article_id: int
    start: int
    end: int


@dataclass
class TagMentions(AddAnnotations):
    """Tags many mentions across articles as one step, off the GUI thread.

    The records are built in :meth:`apply` (each article's body is read
    once), which reports progress and stops, storing nothing, when cancelled.
    """

    mentions: Sequence[Mention] = ()
    label_id: int = 0
    entity_id: int | None = None
    author: str = ""
    # What money naming no currency is counted in when its article and source say
    # nothing (Preferences); None: as a bare "$", US dollars.
    default_currency: str | None = None
    slow = True

    def apply(self, progress: ProgressCallback | None = None,
              cancel: CancelToken | None = None) -> Change:
        if not self._stored:
            self.records = self._build(progress, cancel)
        return self._insert(progress, cancel)

    def _build(self, progress: ProgressCallback | None,
               cancel: CancelToken | None) -> list[AnnotationRecord]:
        # The entity asked for goes only to the mentions it names, in its own
        # label; the others point to the entity their own text names.
        known = entity_store.names_of(self.entity_id) if self.entity_id is not None else None
        keys = known[1] if known is not None and known[0] == self.label_id else set()
        amounts = label_store.kinds().get(self.label_id) == AMOUNT
        articles: dict[int, ArticleRecord | None] = {}
        readings: dict[int, tuple[str, str, str | None]] = {}  # of _amount, by article
        records = []
        for done, mention in enumerate(self.mentions):
            if mention.article_id not in articles:
                if is_cancelled(cancel):
                    raise Cancelled(translate(
                        "Operations", "Tagging was cancelled; nothing was tagged."))
                articles[mention.article_id] = get_article(mention.article_id)
                report(progress, done, len(self.mentions), "Preparing the mentions…")
            article = articles[mention.article_id]
            body = article.body if article is not None else ""
            if mention.end <= len(body):
                text = body[mention.start:mention.end]
                extra = (self._amount(article, mention, readings) if amounts and article
                         else {"entity_id": self.entity_id if name_key(text) in keys else None})
                records.append(new_annotation(
                    body, mention.article_id, self.label_id, mention.start, mention.end,
                    author=self.author, **extra))
        return records

    def _amount(self, article: ArticleRecord, mention: Mention,
                readings: dict[int, tuple[str, str, str | None]]) -> dict[str, Any]:
        """The value, range, unit and approximation of the amount a mention overlaps,
        read as tagging it by hand reads it (in the article's language and currency).

        ``readings`` keeps, by article, the language and currencies it is read in.
        """
        from desktop.core.suggest import amount_around, source_currency

        if article.id not in readings:
            said = suggestions.currency_hint(article.id) or source_currency(article.source)
            # The reader knows French and English; it guesses between them for the others.
            language = article.language if article.language in ("fr", "en") else "auto"
            readings[article.id] = ((language, said, said) if said
                                    else (language, "USD", self.default_currency))
        language, currency, bare = readings[article.id]
        read = amount_around(article.body, mention.start, mention.end, language,
                             currency, bare)
        if read is None:
            return {}
        return {"value": read.value, "value_high": read.value_high, "unit": read.unit,
                "approx": read.approx, "bound": read.bound}


@dataclass
class RemoveAnnotations:
    """Deletes annotations with their links; undo puts both back with the same ids.

    Args:
        ids: the annotations to delete.
        seen: the annotations as the user saw them (by id), or empty (a
            script: no check). If one is stored otherwise, or is gone,
            :class:`ChangedMeanwhile` is raised and nothing is deleted. Undo
            and redo check against what the last step left.
        force: delete without that check.
    """

    ids: list[int]
    name: str = field(default_factory=lambda: translate("Operations", "Remove annotation"))
    seen: dict[int, AnnotationRecord] = field(default_factory=dict)
    force: bool = False
    _removed: list[AnnotationRecord] = field(default_factory=list, init=False)
    _relations: list[RelationRecord] = field(default_factory=list, init=False)
    _duplicates: list[tuple[int, int]] = field(default_factory=list, init=False)
    _deals: DealRows | None = field(default=None, init=False)  # rows moved to another report
    _entities: EntityLinks = field(default_factory=EntityLinks, init=False)
    _reverted: bool = field(default=False, init=False)

    def apply(self) -> Change:
        with transaction():
            if not self.force:  # a redo: what its undo put back
                expected = ({r.id: r for r in self._removed if r.id is not None}
                            if self._reverted else dict(self.seen))
                _check_unchanged(expected, lambda _current: True)
            removed = [r for r in map(store.get_annotation, self.ids) if r is not None]
            ids = [r.id for r in removed if r.id is not None]
            # Deleted with them (cascade): their links, and a confirmed deal's reports.
            relations = relation_store.relations_touching(ids)
            self._duplicates = deal_duplicates.touching(ids)
            # The other reports of a deal whose kept report goes stay one deal.
            self._deals = keep_deals_before_removal(ids)
            store.delete_annotations(ids)
            # An entity left with no mention goes too (its name would be proposed
            # forever); the undo puts it back first.
            self._entities.begin()
            self._entities.retire_unused(r.entity_id for r in removed if r.entity_id)
        self._removed, self._relations, self._reverted = removed, relations, False
        return self._with_deals(annotations_changed(removed=removed, relations=bool(relations),
                                                    entities=self._entities.changed))

    def revert(self) -> Change:
        with transaction():
            if not self.force:  # their ids must still be free
                _check_unchanged({r.id: None for r in self._removed if r.id is not None},
                                 _none_present)
            self._entities.restore_retired()
            store.insert_annotations(self._removed)
            relation_store.insert_relations(self._relations)
            restore_after_removal(self._duplicates, self._deals)
        self._reverted = True
        return self._with_deals(annotations_changed(
            added=self._removed, relations=bool(self._relations),
            entities=self._entities.changed, entity_names=_names_of(self._removed, {})))

    def _with_deals(self, change: Change) -> Change:
        """The change, with the articles of the reports counted anew (see apply)."""
        if self._deals is None:
            return change
        return replace(change, article_ids=change.article_ids | self._deals.articles,
                       relations=True)


@dataclass
class EditAnnotations:
    """Changes label, value, unit, approx, note or status of annotations, and their entity.

    Args:
        ids: the annotations to change (all get the same values).
        changes: the fields and their new values (``label_id``, ``value``…).
        entity: the name of the entity to link them to (found by name or
            alias, or created); "" unlinks them; None leaves the link alone.
            Linking a mention whose text differs from the entity's name
            records that text as an alias ("AWS" of "Amazon Web Services").
            An amount counted once with other reports of a deal that the
            edit makes no longer money, or moves to another currency, leaves
            that deal in the same step (see
            :func:`desktop.core.deal_operations.leave_deals_after_edit`).
        seen: the annotations as the user saw them (by id), or empty (a
            script: no check). If one is stored otherwise, or is gone,
            :class:`ChangedMeanwhile` is raised and nothing is written. Undo
            and redo check against what the last step left.
        force: write without that check.
    """

    ids: list[int]
    changes: dict[str, Any] = field(default_factory=dict)
    entity: str | None = None
    name: str = field(default_factory=lambda: translate("Operations", "Edit annotation"))
    seen: dict[int, AnnotationRecord] = field(default_factory=dict)
    force: bool = False
    _before: dict[int, dict[str, Any]] = field(default_factory=dict, init=False)
    _moved: dict[int, list[int]] = field(default_factory=dict, init=False)
    _entities: EntityLinks = field(default_factory=EntityLinks, init=False)
    _left: dict[int, AnnotationRecord] = field(default_factory=dict, init=False)
    # The other mentions the last apply moved with them, as it left them (undo checks them).
    _followers: dict[int, AnnotationRecord] = field(default_factory=dict, init=False)
    _deals: DealRows | None = field(default=None, init=False)  # what the last apply changed
    _reverted: bool = field(default=False, init=False)

    def apply(self) -> Change:
        updated, before = [], {}
        with transaction():
            if not self.force:  # a redo: what its undo left
                _check_unchanged(dict(self._left) if self._reverted else dict(self.seen),
                                 _all_present)
            self._entities.begin()
            kinds = label_store.kinds()
            for annotation_id in self.ids:
                current = store.get_annotation(annotation_id)
                if current is None:
                    raise LookupError(f"annotation {annotation_id} no longer exists")
                changes = dict(self.changes)
                if "entity_id" not in changes:
                    changes.update(self._entity_change(current, changes, kinds))
                before[annotation_id] = {key: getattr(current, key) for key in changes}
                updated.append(store.update_annotation(annotation_id, **changes))
            moved = self._follow(before, updated)
            self._entities.retire_unused(
                values["entity_id"] for values in before.values()
                if values.get("entity_id") is not None)
            deals = self._leave_deals(before, updated)
        self._before, self._moved, self._deals = before, moved, deals
        self._left, self._reverted = self._own(updated), False
        others = entity_admin.annotations_by_id(i for ids in moved.values() for i in ids)
        self._followers = {r.id: r for r in others if r.id is not None}
        return self._with_deals(annotations_changed(
            updated=[*updated, *others], entities=self._entities.changed,
            entity_names=_names_of([*updated, *others], self._entities.names)))

    def _leave_deals(self, before: dict[int, dict[str, Any]],
                     updated: list[AnnotationRecord]) -> DealRows | None:
        """Takes the amounts that are no longer money, or changed currency, out of the
        deals they were counted once in (the rows replaced, for the undo)."""
        if not _MONEY_FIELDS & self.changes.keys():
            return None
        new_currency = [r.id for r in updated if r.id is not None
                        and before[r.id].get("unit", r.unit) != r.unit]
        return leave_deals_after_edit(list(before), new_currency)

    def _with_deals(self, change: Change) -> Change:
        """The change, telling the deal views and the money figures if deals changed:
        the reports counted with the amounts edited are in other articles."""
        if self._deals is None:
            return change
        return replace(change, article_ids=change.article_ids | self._deals.articles,
                       relations=True)

    def _follow(self, before: dict[int, dict[str, Any]],
                updated: list[AnnotationRecord]) -> dict[int, list[int]]:
        """Moves the other mentions of the same text from the entity a linked mention left.

        Linking a mention of "AWS" (until now pointing to the entity "AWS",
        made when it was tagged) to "Amazon Web Services" makes "AWS" one of
        its names: the other mentions of "AWS" follow, and the entity goes if
        that empties it. Mentions of its other names ("Apple Inc." of "Apple",
        when one "Apple" goes to "Apple Corps") stay. A relabelled mention
        ("Apple" of "Apple Watch" made a PRODUCT) moves alone: the others keep
        their label, so they keep their entity. Returns, by entity left, the
        ids of the mentions moved.
        """
        if not self.entity:
            return {}
        moved: dict[int, list[int]] = {}
        mine = set(self.ids)
        for record in updated:
            old = before.get(record.id or 0, {}).get("entity_id")
            if old is None or record.entity_id is None or old == record.entity_id:
                continue
            known = entity_store.names_of(old)
            key = name_key(record.quote)
            if known is None or known[0] != record.label_id or key not in known[1]:
                continue  # relabelled, or the old entity was not just what this text names
            others = [r.id for r in entity_admin.mentions_of([old])
                      if r.id is not None and r.id not in mine and name_key(r.quote) == key]
            if others:
                entity_admin.point_mentions(others, record.entity_id)
                moved.setdefault(old, []).extend(others)
        return moved

    def _entity_change(self, current: AnnotationRecord, changes: dict[str, Any],
                       kinds: dict[int, str]) -> dict[str, int | None]:
        """The new ``entity_id``, if it changes: mentions of entity labels always have one.

        Relabelled as an amount, a mention loses its entity; relabelled as an
        entity, or unlinked by the user, it points to the one its text names.
        """
        if kinds.get(changes.get("label_id", current.label_id)) != ENTITY:
            was_mention = kinds.get(current.label_id) == ENTITY
            return {"entity_id": None} if was_mention and current.entity_id is not None else {}
        if self.entity is not None or current.entity_id is None:
            return {"entity_id": self._link(current, changes)}
        return {}

    def _link(self, current: AnnotationRecord, changes: dict[str, Any]) -> int:
        """The entity the mention is linked to: the one named, else the one its text names."""
        label_id = changes.get("label_id", current.label_id)
        name = clean_name(self.entity or "")
        if not name:  # an entity mention always points to an entity: its own text's
            return self._entities.named_by(current.quote, label_id)
        entity_id = self._entities.entity(name, label_id)
        self._entities.alias(entity_id, current.quote, name)
        return entity_id

    def _own(self, records: Iterable[AnnotationRecord]) -> dict[int, AnnotationRecord]:
        """The records of the annotations this step edits (not those that followed them)."""
        mine = set(self.ids)
        return {r.id: r for r in records if r.id is not None and r.id in mine}

    def revert(self) -> Change:
        with transaction():
            if not self.force:
                _check_unchanged({**self._followers, **self._left}, _all_present)
            self._entities.restore_retired()
            for entity_id, ids in self._moved.items():
                entity_admin.point_mentions(ids, entity_id)
            updated = [store.update_annotation(i, **values) for i, values in self._before.items()]
            updated += entity_admin.annotations_by_id(
                i for ids in self._moved.values() for i in ids)
            self._entities.undo()
            if self._deals is not None:
                self._deals.put_back()
        self._left, self._reverted = self._own(updated), True
        return self._with_deals(annotations_changed(updated=updated,
                                                    entities=self._entities.changed,
                                                    entity_names=_names_of(updated, {})))


@dataclass
class LinkAnnotations:
    """Links annotations in pairs (an amount to the parties of a deal); undoable."""

    pairs: list[tuple[int, int]]  # (source annotation, target annotation)
    kind: str = "deal"
    name: str = field(default_factory=lambda: translate("Operations", "Link annotations"))
    author: str = ""  # who links them (Preferences ▸ Author)
    _stored: list[RelationRecord] = field(default_factory=list, init=False)

    def apply(self) -> Change:
        pending = self._stored or [RelationRecord(None, self.kind, s, t, self.author)
                                   for s, t in self.pairs]
        with transaction():
            ids = relation_store.insert_relations(pending)
            change = self._change()
        self._stored = [r._replace(id=i) for r, i in zip(pending, ids, strict=True)]
        return change

    def revert(self) -> Change:
        with transaction():
            relation_store.delete_relations([r.id for r in self._stored if r.id is not None])
            return self._change()

    def _change(self) -> Change:
        ids = {i for pair in self.pairs for i in pair}
        records = [r for r in map(store.get_annotation, sorted(ids)) if r is not None]
        return annotations_changed(updated=records, relations=True,
                                   entity_names=_names_of(records, {}))


# --- suggestions ------------------------------------------------------------------


@dataclass
class RejectSuggestions:
    """Remembers suggestions as rejected (so they are not proposed again); undoable."""

    article_id: int
    spans: list[tuple[int, int, int]]  # (start, end, label id)
    name: str = field(default_factory=lambda: translate("Operations", "Reject suggestion"))
    author: str = ""  # who refuses them (Preferences ▸ Author)
    _new: list[tuple[int, int, int]] = field(default_factory=list, init=False)

    def apply(self) -> Change:
        with transaction():
            before = suggestions.rejected_spans(self.article_id)
            new = [span for span in dict.fromkeys(self.spans) if span not in before]
            suggestions.add_rejections(self.article_id, new, self.author)
        self._new = new  # undo takes back only these, not older rejections
        return Change(article_ids=frozenset({self.article_id}), suggestions=True)

    def revert(self) -> Change:
        with transaction():
            suggestions.remove_rejections(self.article_id, self._new)
        return Change(article_ids=frozenset({self.article_id}), suggestions=True)


@dataclass
class SetCurrencyHint:
    """Sets what a bare "$" means in one article (None: the default for its source)."""

    article_id: int
    code: str | None
    name: str = field(default_factory=lambda: translate("Operations", "Set currency"))
    _before: str | None = field(default=None, init=False)

    def apply(self) -> Change:
        with transaction():
            before = suggestions.currency_hint(self.article_id)
            suggestions.set_currency_hint(self.article_id, self.code)
        self._before = before
        return Change(article_ids=frozenset({self.article_id}), suggestions=True)

    def revert(self) -> Change:
        with transaction():
            suggestions.set_currency_hint(self.article_id, self._before)
        return Change(article_ids=frozenset({self.article_id}), suggestions=True)


# --- labels -------------------------------------------------------------------------

LABELS_CHANGED = Change(labels=True)


def _take_key(key: str | None, label_id: int | None) -> LabelRecord | None:
    """Frees ``key`` for a label: its holder (returned, to give it back) loses it."""
    if not key:
        return None
    holder = label_store.holder_of_key(key, label_id)
    if holder is not None:
        label_store.set_label_fields(holder.id, shortcut=None)
    return holder


def _give_back(holder: LabelRecord | None) -> None:
    if holder is not None:
        label_store.set_label_fields(holder.id, shortcut=holder.shortcut)


@dataclass
class AddLabel:
    """Adds a label; a key already used by another label moves to it."""

    label_name: str
    kind: str
    color: str
    shortcut: str | None = None
    name: str = field(default_factory=lambda: translate("Operations", "Add label"))
    label_id: int | None = field(default=None, init=False)
    _holder: LabelRecord | None = field(default=None, init=False)

    def apply(self) -> Change:
        with transaction():
            label_store.check_kind(self.kind)
            name = label_store.checked_name(self.label_name)
            holder = _take_key(self.shortcut, None)
            record = LabelRecord(self.label_id or 0, name, self.kind, self.color,
                                 self.shortcut or None, label_store.next_position())
            label_id = label_store.insert_label(record, keep_id=self.label_id is not None)
        self.label_id, self._holder = label_id, holder
        return LABELS_CHANGED

    def revert(self) -> Change:
        with transaction():
            if self.label_id is not None:
                if label_store.usage(self.label_id):
                    raise ValueError(translate(
                        "Operations", "The label is in use now; it was kept."))
                label_store.delete_label_row(self.label_id)
            _give_back(self._holder)
        return LABELS_CHANGED


@dataclass
class EditLabel:
    """Renames, recolours or re-keys a label (a key taken from another label moves)."""

    label_id: int
    changes: dict[str, Any]
    name: str = field(default_factory=lambda: translate("Operations", "Edit label"))
    _before: dict[str, Any] = field(default_factory=dict, init=False)
    _holder: LabelRecord | None = field(default=None, init=False)

    def apply(self) -> Change:
        changes = dict(self.changes)
        with transaction():
            current = label_store.label_record(self.label_id)
            if current is None:
                raise LookupError(translate("Operations", "This label no longer exists."))
            if "name" in changes:
                changes["name"] = label_store.checked_name(changes["name"], self.label_id)
            if "kind" in changes and changes["kind"] != current.kind:
                label_store.check_kind(changes["kind"])
                used = label_store.usage(self.label_id)
                if used:  # its mentions would lose (or lack) their entities
                    raise ValueError(translate(
                        "Operations", "{label} is used by {count} annotation(s): its kind "
                                      "cannot change.").format(label=current.name, count=used))
            holder = _take_key(changes.get("shortcut"), self.label_id)
            label_store.set_label_fields(self.label_id, **changes)
        self._before = {key: getattr(current, key) for key in changes}
        self._holder = holder
        return LABELS_CHANGED

    def revert(self) -> Change:
        with transaction():
            label_store.set_label_fields(self.label_id, **self._before)
            _give_back(self._holder)
        return LABELS_CHANGED


@dataclass
class DeleteLabel:
    """Deletes a label no annotation uses; undo brings it back with its id."""

    label_id: int
    name: str = field(default_factory=lambda: translate("Operations", "Delete label"))
    _record: LabelRecord | None = field(default=None, init=False)
    _dependents: label_store.LabelDependents | None = field(default=None, init=False)

    def apply(self) -> Change:
        with transaction():
            record = label_store.label_record(self.label_id)
            if record is None:
                raise LookupError(translate("Operations", "This label no longer exists."))
            used = label_store.usage(self.label_id)
            if used:
                raise ValueError(translate(
                    "Operations", "This label is used by {count} annotation(s); it was kept."
                ).format(count=used))
            # Its entities, their aliases and its rejected suggestions go with it
            # (cascade): kept here so the undo puts them back.
            dependents = label_store.dependents(self.label_id)
            label_store.delete_label_row(self.label_id)
        self._record, self._dependents = record, dependents
        return LABELS_CHANGED

    def revert(self) -> Change:
        if self._record is not None:
            with transaction():
                label_store.insert_label(self._record, keep_id=True)
                if self._dependents is not None:
                    label_store.restore_dependents(self._dependents)
        return LABELS_CHANGED
