"""Reports of one deal counted once: the rows of ``deal_duplicate`` (migration 007).

An amount listed here reports the same deal as its ``kept_id`` and is left
out of the money figures (db.counting's MONEY). An amount listed with itself
as ``kept_id`` is one the user set apart: a deal of its own, counted, and
never proposed in a group with another report (desktop.core.deal_list).

Rows are inserted and deleted, never updated: the summaries' triggers
(migration 007) mark an article out of date on insert, on delete and on an
update of ``annotation_id`` only, and whether a row counts now depends on
``kept_id`` too.
"""

from __future__ import annotations

import json

from db.connection import dialect
from db.counting import MONEY_AMOUNT
from db.models import database

Duplicate = tuple[int, int]
"""A row of ``deal_duplicate``: (the amount not counted, the amount kept), or
(the amount set apart, itself)."""


def earliest_first(ids: list[int]) -> tuple[list[int], frozenset[int]]:
    """The amounts by article date (undated last), article, position and id; their articles.

    Raises:
        LookupError: one of them no longer exists.
    """
    rows = database.execute_sql(
        f"SELECT a.id, a.article_id FROM {dialect().ids()} AS s "
        "JOIN annotation a ON a.id = s.value JOIN article ar ON ar.id = a.article_id "
        "ORDER BY ar.published IS NULL, ar.published, a.article_id, a.start, a.\"end\", a.id",
        (json.dumps(ids),)).fetchall()
    if len(rows) != len(ids):
        raise LookupError("A report of this deal no longer exists.")
    return [int(r[0]) for r in rows], frozenset(int(r[1]) for r in rows)


def delete(ids: list[int]) -> None:
    if ids:
        database.execute_sql(
            f"DELETE FROM deal_duplicate WHERE annotation_id IN {dialect().ids_in()}",
            (json.dumps(ids),))


def insert(rows: list[Duplicate]) -> None:
    for first in range(0, len(rows), 500):
        chunk = rows[first:first + 500]
        database.execute_sql(
            "INSERT INTO deal_duplicate (annotation_id, kept_id) VALUES "
            + ", ".join(["(?, ?)"] * len(chunk)), [value for row in chunk for value in row])


def touching(ids: list[int]) -> list[Duplicate]:
    """The rows in which any of these amounts is the duplicate or the one kept."""
    rows = database.execute_sql(
        "SELECT annotation_id, kept_id FROM deal_duplicate "
        f"WHERE annotation_id IN {dialect().ids_in()} "
        f"OR kept_id IN {dialect().ids_in()} ORDER BY annotation_id",
        (json.dumps(ids), json.dumps(ids))).fetchall()
    return [(int(r[0]), int(r[1])) for r in rows]


def money_units(ids: list[int]) -> dict[int, str]:
    """The currency of each of these amounts that is money the figures read
    (:data:`db.counting.MONEY_AMOUNT`); the others are left out."""
    rows = database.execute_sql(
        f"SELECT a.id, a.unit FROM annotation a WHERE a.id IN {dialect().ids_in()} "
        f"AND {MONEY_AMOUNT}", (json.dumps(ids),)).fetchall()
    return {int(r[0]): str(r[1]) for r in rows}


def all_rows() -> list[Duplicate]:
    """Every row, by amount."""
    rows = database.execute_sql(
        "SELECT annotation_id, kept_id FROM deal_duplicate ORDER BY annotation_id").fetchall()
    return [(int(r[0]), int(r[1])) for r in rows]
