"""Operations on entities themselves: rename, merge, split an alias off, delete.

Like those of :mod:`desktop.core.operations`, each step runs in one
transaction, returns the :class:`~desktop.core.changes.Change` it made, and
is undone (and redone) with the same row ids. Whether two names name the
same entity is decided by their keys (:func:`db.names.name_key`): a name is
refused when its key is already another entity's name or alias of the same
label (merge them instead), and a mention whose text has a name's key is a
mention of that name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from db import annotations as store
from db import entity_admin as admin
from db import relations as relation_store
from db.entity_admin import AliasRecord, EntityRecord, new_alias
from db.names import name_key
from db.reads import labels
from db.records import AnnotationRecord
from db.relations import RelationRecord
from db.transactions import transaction
from desktop.core.changes import Change, annotations_changed
from desktop.core.entities import clean_name
from desktop.core.i18n import translate

# Relations of a deleted entity's mentions are read this many mentions at a time.
_CHUNK = 500


def _existing(entity_id: int) -> EntityRecord:
    entity = admin.get_entity(entity_id)
    if entity is None:
        raise LookupError(translate("Operations", "This entity no longer exists."))
    return entity


def _checked_name(text: str) -> str:
    name = clean_name(text)
    if not name:
        raise ValueError(translate("Operations", "An entity needs a name."))
    return name


def _refuse_taken(name: str, label_id: int, entity_id: int) -> None:
    """Refuses a name that already names another entity of the label."""
    other = admin.entity_named(name_key(name), label_id, exclude=[entity_id])
    if other is None:
        return
    if other.key == name_key(name):
        raise ValueError(translate(
            "Operations", "“{name}” is already an entity: merge them instead.").format(
                name=other.name))
    raise ValueError(translate(
        "Operations", "“{name}” is already a name of “{entity}”: merge them instead.").format(
            name=name, entity=other.name))


def _changed(updated: list[AnnotationRecord], names: dict[int, str]) -> Change:
    return annotations_changed(updated=updated, entity_names=names, entities=True)


@dataclass
class RenameEntity:
    """Gives an entity another name.

    The old name stays as an alias when some mention's text has its key (so
    that those mentions still read as this entity); aliases that the new name
    now covers (same key) are dropped. The change lists the entity's mentions,
    whose entity now reads differently.
    """

    entity_id: int
    new_name: str
    name: str = field(default_factory=lambda: translate("Operations", "Rename entity"))
    _before: EntityRecord | None = field(default=None, init=False)
    _dropped: list[AliasRecord] = field(default_factory=list, init=False)
    _kept: AliasRecord | None = field(default=None, init=False)  # the old name as alias
    _kept_id: int | None = field(default=None, init=False)  # its id, again on redo

    def apply(self) -> Change:
        with transaction():
            entity = _existing(self.entity_id)
            name = _checked_name(self.new_name)
            if name == entity.name:
                raise ValueError(translate(
                    "Operations", "The entity is already called “{name}”.").format(name=name))
            _refuse_taken(name, entity.label_id, entity.id)
            key = name_key(name)
            aliases = admin.aliases_of([entity.id])
            mentions = admin.mentions_of([entity.id])
            dropped = [a for a in aliases if a.key == key]
            kept = None
            if (key != entity.key and all(a.key != entity.key for a in aliases)
                    and any(name_key(r.quote) == entity.key for r in mentions)):
                kept = new_alias(entity.id, entity.name, self._kept_id)
            admin.delete_aliases(a.id for a in dropped if a.id is not None)
            admin.rename_entity(entity.id, name)
            if kept is not None:
                [kept_id] = admin.insert_aliases([kept])
                kept = kept._replace(id=kept_id)
        self._before, self._dropped, self._kept = entity, dropped, kept
        if kept is not None:
            self._kept_id = kept.id
        return _changed(mentions, {entity.id: name})

    def revert(self) -> Change:
        before = self._before
        if before is None:
            return Change()
        with transaction():
            if self._kept is not None and self._kept.id is not None:
                admin.delete_aliases([self._kept.id])
            admin.rename_entity(before.id, before.name, before.key)
            admin.insert_aliases(self._dropped)
            mentions = admin.mentions_of([before.id])
        return _changed(mentions, {before.id: before.name})


@dataclass
class MergeEntities:
    """Makes the sources one with the target: one undo step puts them all back.

    Every mention of a source points to the target; the sources' names and
    aliases become the target's aliases (but for those with a key it has
    already); the sources are deleted. Only entities of one label merge.
    """

    source_ids: list[int]
    target_id: int
    name: str = field(default_factory=lambda: translate("Operations", "Merge entities"))
    _sources: list[EntityRecord] = field(default_factory=list, init=False)
    _source_aliases: list[AliasRecord] = field(default_factory=list, init=False)
    _moved: dict[int, list[int]] = field(default_factory=dict, init=False)  # source → mentions
    _added: list[AliasRecord] = field(default_factory=list, init=False)
    _alias_ids: dict[str, int] = field(default_factory=dict, init=False)  # again on redo

    def apply(self) -> Change:
        source_ids = [i for i in dict.fromkeys(self.source_ids) if i != self.target_id]
        if not source_ids:
            raise ValueError(translate(
                "Operations", "Choose at least one other entity to merge into this one."))
        with transaction():
            target = _existing(self.target_id)
            sources = admin.get_entities(source_ids)
            if len(sources) != len(source_ids):
                raise LookupError(translate("Operations", "An entity to merge no longer exists."))
            self._check_labels(target, sources)
            source_aliases = admin.aliases_of(source_ids)
            added = self._new_aliases(target, sources, source_aliases)
            mentions = admin.mentions_of(source_ids)
            admin.move_mentions(source_ids, target.id)
            admin.delete_entities(source_ids)  # their aliases with them
            ids = admin.insert_aliases(added)
            updated = admin.annotations_by_id(r.id for r in mentions if r.id is not None)
        moved: dict[int, list[int]] = {}
        for record in mentions:
            if record.id is not None and record.entity_id is not None:
                moved.setdefault(record.entity_id, []).append(record.id)
        self._sources, self._source_aliases, self._moved = sources, source_aliases, moved
        self._added = [a._replace(id=i) for a, i in zip(added, ids, strict=True)]
        self._alias_ids.update((a.alias, i) for a, i in zip(added, ids, strict=True))
        return _changed(updated, {target.id: target.name})

    @staticmethod
    def _check_labels(target: EntityRecord, sources: list[EntityRecord]) -> None:
        other = next((s for s in sources if s.label_id != target.label_id), None)
        if other is not None:
            names = {label.id: label.name for label in labels()}
            raise ValueError(translate(
                "Operations", "Only entities of the same label can be merged: “{name}” is "
                              "{label}, “{target}” is {target_label}.").format(
                    name=other.name, label=names.get(other.label_id, "?"), target=target.name,
                    target_label=names.get(target.label_id, "?")))

    def _new_aliases(self, target: EntityRecord, sources: list[EntityRecord],
                     source_aliases: list[AliasRecord]) -> list[AliasRecord]:
        """The sources' names and aliases the target does not have yet (by key)."""
        known = {target.key} | {a.key for a in admin.aliases_of([target.id])}
        added = []
        for text in [s.name for s in sources] + [a.alias for a in source_aliases]:
            key = name_key(text)
            if key not in known:
                known.add(key)
                added.append(new_alias(target.id, text, self._alias_ids.get(text)))
        return added

    def revert(self) -> Change:
        with transaction():
            admin.delete_aliases(a.id for a in self._added if a.id is not None)
            admin.insert_entities(self._sources)
            admin.insert_aliases(self._source_aliases)
            for source_id, ids in self._moved.items():
                admin.point_mentions(ids, source_id)
            updated = admin.annotations_by_id(i for ids in self._moved.values() for i in ids)
        return _changed(updated, {s.id: s.name for s in self._sources})


@dataclass
class SplitAlias:
    """Makes an alias an entity of its own (same label), with the mentions it names.

    The mentions of the entity whose text has the alias's key move to the
    new entity; the entity's aliases with that key go (the new name covers them).
    """

    entity_id: int
    alias: str
    name: str = field(default_factory=lambda: translate("Operations", "Split alias off"))
    new_id: int | None = field(default=None, init=False)  # the new entity, again on redo
    _removed: list[AliasRecord] = field(default_factory=list, init=False)
    _moved: list[int] = field(default_factory=list, init=False)

    def apply(self) -> Change:
        with transaction():
            entity = _existing(self.entity_id)
            aliases = admin.aliases_of([entity.id])
            chosen = next((a for a in aliases if a.alias == self.alias), None)
            if chosen is None:
                raise ValueError(translate(
                    "Operations", "“{alias}” is not a name of “{entity}”.").format(
                        alias=self.alias, entity=entity.name))
            if chosen.key == entity.key:
                raise ValueError(translate(
                    "Operations", "“{alias}” only differs from “{entity}” by case or accents: "
                                  "it cannot be an entity of its own.").format(
                        alias=chosen.alias, entity=entity.name))
            _refuse_taken(chosen.alias, entity.label_id, entity.id)
            removed = [a for a in aliases if a.key == chosen.key]
            moved = [r.id for r in admin.mentions_of([entity.id])
                     if r.id is not None and name_key(r.quote) == chosen.key]
            admin.delete_aliases(a.id for a in removed if a.id is not None)
            new_id = admin.insert_entity(chosen.alias, entity.label_id, self.new_id)
            admin.point_mentions(moved, new_id)
            updated = admin.annotations_by_id(moved)
        self.new_id, self._removed, self._moved = new_id, removed, moved
        return _changed(updated, {new_id: chosen.alias})

    def revert(self) -> Change:
        if self.new_id is None:
            return Change()
        with transaction():
            entity = _existing(self.entity_id)
            # Every mention of the split-off entity goes back, also one linked to it
            # since (an import): deleting it would leave that mention with none.
            since = [r.id for r in admin.mentions_of([self.new_id]) if r.id is not None]
            back = sorted({*self._moved, *since})
            admin.point_mentions(back, entity.id)
            admin.delete_entities([self.new_id])
            admin.insert_aliases(self._removed)
            updated = admin.annotations_by_id(back)
        return _changed(updated, {entity.id: entity.name})


@dataclass
class DeleteEntity:
    """Deletes an entity, its aliases and the tags that mention it (and their links).

    A mention of an entity label always points to an entity, so the tags go
    with it; undo puts everything back with the same ids.
    """

    entity_id: int
    name: str = field(default_factory=lambda: translate("Operations", "Delete entity"))
    _entity: EntityRecord | None = field(default=None, init=False)
    _aliases: list[AliasRecord] = field(default_factory=list, init=False)
    _mentions: list[AnnotationRecord] = field(default_factory=list, init=False)
    _relations: list[RelationRecord] = field(default_factory=list, init=False)

    def apply(self) -> Change:
        with transaction():
            entity = _existing(self.entity_id)
            aliases = admin.aliases_of([entity.id])
            mentions = admin.mentions_of([entity.id])
            relations = _relations_touching([r.id for r in mentions if r.id is not None])
            admin.delete_mentions(entity.id)  # their relations with them (cascade)
            admin.delete_entities([entity.id])  # its aliases with it
        self._entity, self._aliases, self._mentions = entity, aliases, mentions
        self._relations = relations
        return annotations_changed(removed=mentions, entities=True, relations=bool(relations))

    def revert(self) -> Change:
        entity = self._entity
        if entity is None:
            return Change()
        with transaction():
            admin.insert_entities([entity])
            admin.insert_aliases(self._aliases)
            store.insert_annotations(self._mentions)
            relation_store.insert_relations(self._relations)
        return annotations_changed(added=self._mentions, entity_names={entity.id: entity.name},
                                   entities=True, relations=bool(self._relations))


def _relations_touching(annotation_ids: list[int]) -> list[RelationRecord]:
    """The relations of these annotations, each once, by id."""
    found: dict[int | None, RelationRecord] = {}
    for first in range(0, len(annotation_ids), _CHUNK):
        for relation in relation_store.relations_touching(annotation_ids[first:first + _CHUNK]):
            found[relation.id] = relation
    return sorted(found.values(), key=lambda r: r.id or 0)
