"""Plain records and constants of the data model, without peewee.

Views, undo and the first screen of the window use these; importing them
does not load the ORM (see :mod:`db.reads` and ``desktop.ui.app``).
:mod:`db.models` defines the tables they come from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# Label kinds
ENTITY = "entity"
AMOUNT = "amount"
# Annotation statuses
ACCEPTED = "accepted"
SUGGESTED = "suggested"


@dataclass(frozen=True)
class AnnotationRecord:
    """A plain, detached copy of one annotation (what views and undo keep)."""

    id: int | None
    article_id: int
    label_id: int
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    entity_id: int | None = None
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    approx: bool = False
    note: str = ""
    author: str = ""
    status: str = ACCEPTED
    sentence: int | None = None
    # "min" when value is a lower bound ("plus de 1 400 milliards": the high end
    # open), "max" when it is an upper bound ("up to $5 million"), else None.
    bound: str | None = None
    created_at: dt.datetime | None = field(default=None, compare=False)

    def fields(self) -> dict[str, Any]:
        """The column values, without the id, for insert or update."""
        values = {
            "article": self.article_id, "label": self.label_id, "start": self.start,
            "end": self.end, "quote": self.quote, "prefix": self.prefix,
            "suffix": self.suffix, "entity": self.entity_id, "value": self.value,
            "value_high": self.value_high, "unit": self.unit, "approx": self.approx,
            "note": self.note, "author": self.author, "status": self.status,
            "sentence": self.sentence, "bound": self.bound,
        }
        if self.created_at is not None:
            values["created_at"] = self.created_at
        return values


# Fields a user may edit on an existing annotation.
EDITABLE = frozenset({"label_id", "entity_id", "value", "value_high", "unit", "approx",
                      "note", "status", "bound"})

BOUNDS = ("min", "max")
"""What :attr:`AnnotationRecord.bound` may hold besides None."""


@dataclass(frozen=True)
class LabelRecord:
    id: int
    name: str
    kind: str
    color: str
    shortcut: str | None
    position: int


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    title: str
    body: str
    language: str
    published: dt.date | None
    source: str
    imported_at: dt.datetime
