"""Label writes the core operations make, each undoable by the one beside it.

The checks a user must hear about (an empty or taken name, an unknown kind,
a label still in use) raise :class:`ValueError` with a sentence to show.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from peewee import fn

from db.i18n import translate
from db.models import (
    Annotation,
    Entity,
    EntityAlias,
    Label,
    RejectedSuggestion,
    database,
)
from db.reads import labels
from db.records import AMOUNT, ENTITY, LabelRecord

KINDS = (ENTITY, AMOUNT)


def label_record(label_id: int) -> LabelRecord | None:
    return next((label for label in labels() if label.id == label_id), None)


def kinds() -> dict[int, str]:
    """The kind (entity or amount) of every label, by id."""
    return {label.id: label.kind for label in labels()}


def holder_of_key(key: str, except_id: int | None = None) -> LabelRecord | None:
    """The label (other than ``except_id``) whose keyboard shortcut is ``key``."""
    return next((label for label in labels()
                 if label.shortcut == key and label.id != except_id), None)


LABEL_NAME_MAX = 100
"""A label's name has at most this many characters."""

# Characters a name must not hold: controls (line breaks, tabs…), line and
# paragraph separators, lone surrogates (SQLite cannot store them) and the
# marks that reverse the direction of the text around them.
_UNFIT_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
_DIRECTION_MARKS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def unfit_character(text: str) -> bool:
    """Whether ``text`` holds a character a one-line name may not (see above)."""
    return any(unicodedata.category(ch) in _UNFIT_CATEGORIES or ch in _DIRECTION_MARKS
               for ch in text)


def checked_name(name: str, label_id: int | None = None) -> str:
    """``name`` stripped; raises ValueError if it is empty, longer than
    :data:`LABEL_NAME_MAX`, not on one line, or another label has it."""
    name = name.strip()
    if not name:
        raise ValueError(translate("Labels", "A label needs a name."))
    if len(name) > LABEL_NAME_MAX:
        raise ValueError(translate("Labels", "A label's name has at most {count} characters.")
                         .format(count=LABEL_NAME_MAX))
    if unfit_character(name):
        raise ValueError(translate("Labels", "A label's name is one line, without control "
                                             "characters."))
    if any(label.name == name and label.id != label_id for label in labels()):
        raise ValueError(translate("Labels", "A label named {name} already exists.").format(
            name=name))
    return name


def check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"Unknown label kind {kind!r}.")


def next_position() -> int:
    return int(Label.select(fn.MAX(Label.position)).scalar() or 0) + 1


def insert_label(record: LabelRecord, keep_id: bool = False) -> int:
    """Stores a label (with its id when ``keep_id``: a deletion undone); returns the id."""
    values: dict[str, Any] = {"name": record.name, "kind": record.kind,
                              "color": record.color, "shortcut": record.shortcut,
                              "position": record.position}
    if keep_id:
        values["id"] = record.id
    with database.atomic():
        return int(Label.insert(values).execute())


def set_label_fields(label_id: int, **fields: Any) -> None:
    """Writes ``name``, ``color``, ``shortcut`` or ``kind`` as given (no checks)."""
    allowed = {"name", "color", "shortcut", "kind"}
    if set(fields) - allowed:
        raise ValueError(f"not editable: {sorted(set(fields) - allowed)}")
    with database.atomic():
        Label.update(fields).where(Label.id == label_id).execute()


def usage(label_id: int) -> int:
    """How many annotations use this label."""
    return int(Annotation.select().where(Annotation.label == label_id).count())


def delete_label_row(label_id: int) -> None:
    with database.atomic():
        Label.delete().where(Label.id == label_id).execute()


@dataclass(frozen=True)
class LabelDependents:
    """What deleting a label takes with it (by cascade), kept to put back on undo."""

    entities: list[dict[str, Any]]
    aliases: list[dict[str, Any]]
    rejections: list[dict[str, Any]]


def dependents(label_id: int) -> LabelDependents:
    """The entities, their aliases and the rejected suggestions of a label, as rows."""
    entities = _rows(Entity.select().where(Entity.label == label_id).dicts())
    ids = [row["id"] for row in entities]
    aliases = _rows(EntityAlias.select().where(EntityAlias.entity.in_(ids)).dicts()) if ids else []
    rejections = _rows(RejectedSuggestion.select()
                       .where(RejectedSuggestion.label == label_id).dicts())
    return LabelDependents(entities, aliases, rejections)


def _rows(query: object) -> list[dict[str, Any]]:
    """The rows of a ``.dicts()`` query (typed as model instances by peewee's stubs)."""
    return list(cast(Iterable[dict[str, Any]], query))


def restore_dependents(saved: LabelDependents) -> None:
    """Puts back, with their ids, the rows :func:`dependents` saved."""
    with database.atomic():
        for model, rows in ((Entity, saved.entities), (EntityAlias, saved.aliases),
                            (RejectedSuggestion, saved.rejections)):
            if rows:
                model.insert_many(rows).execute()
