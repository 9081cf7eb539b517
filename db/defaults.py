"""The label set a new database starts with."""

from __future__ import annotations

from typing import NamedTuple


class DefaultLabel(NamedTuple):
    name: str
    kind: str
    color: str
    shortcut: str | None


DEFAULT_LABELS: tuple[DefaultLabel, ...] = (
    DefaultLabel("ORG", "entity", "#4e79a7", "1"),
    DefaultLabel("PERSON", "entity", "#f28e2b", "2"),
    DefaultLabel("PRODUCT", "entity", "#b07aa1", "3"),
    DefaultLabel("PLACE", "entity", "#59a14f", "4"),
    DefaultLabel("MONEY", "amount", "#e15759", "5"),
    DefaultLabel("QUANTITY", "amount", "#76b7b2", "6"),
    DefaultLabel("DURATION", "amount", "#edc948", "7"),
    DefaultLabel("PERCENT", "amount", "#ff9da7", "8"),
    DefaultLabel("DATE", "amount", "#9c755f", "9"),
)
