"""Small reads about relations: the kinds in use, and the links of some annotations.

The Link dialog offers the kinds already used ("deal" first), so a kind the
user typed once ("supplies") is offered again; the annotation panel shows
what an annotation is linked to. Plain SQL through :func:`db.connection.execute`:
this module loads without peewee, like :mod:`db.reads`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from db.connection import dialect, execute

DEAL = "deal"
"""The kind of link an amount has to the parties of a deal: always offered first."""


class Link(NamedTuple):
    """One relation: ``source`` → ``target``, of ``kind``."""

    id: int
    kind: str
    source: int
    target: int


def relation_kinds() -> list[str]:
    """"deal", then every other kind of relation stored, alphabetically (case aside)."""
    rows = execute("SELECT kind FROM relation WHERE kind != ? AND kind != '' GROUP BY kind "
                   f"ORDER BY lower(kind){dialect().by_code_point}, kind", (DEAL,))
    return [DEAL, *(str(row["kind"]) for row in rows)]


def links_of(annotation_ids: Iterable[int]) -> list[Link]:
    """The relations with any of these annotations at either end, oldest first."""
    ids = sorted(set(annotation_ids))
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = execute(f"SELECT id, kind, source_id, target_id FROM relation "
                   f"WHERE source_id IN ({marks}) OR target_id IN ({marks}) ORDER BY id",
                   (*ids, *ids))
    return [Link(int(row["id"]), str(row["kind"]), int(row["source_id"]),
                 int(row["target_id"])) for row in rows]
