"""The few pieces of SQL that differ between SQLite and PostgreSQL, behind one interface.

Most statements of :mod:`db` are written once, in SQL both engines run:
``?`` parameters (the PostgreSQL connection turns them into its own, see
:mod:`db.postgres`), ``INSERT … ON CONFLICT DO NOTHING`` rather than
``INSERT OR IGNORE``, ``CASE WHEN`` rather than adding up comparisons,
``CAST(published AS TEXT)`` before taking a date apart. What can't be
written once is here, as a :class:`Dialect` per engine; a statement asks
:func:`db.connection.dialect` (or :func:`of`, for a database it was given)
for the one in use.

This module imports neither peewee nor a driver: the window's first reads
(:mod:`db.reads`) use it before the ORM is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Engine = Literal["sqlite", "postgresql"]

NO_LIMIT = 2 ** 62
"""A ``LIMIT`` that limits nothing, on both engines (SQLite's ``-1`` is an error in
PostgreSQL, PostgreSQL's ``NULL`` one in SQLite)."""


@dataclass(frozen=True)
class Dialect:
    """What one engine spells its own way.

    Attributes:
        engine: ``"sqlite"`` or ``"postgresql"``.
        temp: the schema of the connection's temporary tables (``temp.x``, ``pg_temp.x``).
        ordered_join: a join that keeps the tables in the order written. SQLite's
            planner takes ``CROSS JOIN … ON`` as that order; PostgreSQL has no such
            hint (and no ``ON`` after ``CROSS JOIN``), and chooses well with ``JOIN``.
        without_rowid: what ends a ``CREATE TABLE`` whose rows live in its primary
            key (SQLite's ``WITHOUT ROWID``; every PostgreSQL table has a heap).
        id_list: the table function that turns one text parameter, a JSON array
            of integers, into rows with one column, ``value``: SQLite's
            ``json_each``; on PostgreSQL ``marginalia_ids``, created with the schema.
        by_code_point: what follows an ``ORDER BY`` term to sort text by code
            point, as SQLite always does: PostgreSQL sorts by its locale.
    """

    engine: Engine
    temp: str
    ordered_join: str
    without_rowid: str
    id_list: str
    by_code_point: str

    @property
    def is_sqlite(self) -> bool:
        return self.engine == "sqlite"

    def ids(self, param: str = "?") -> str:
        """A FROM item over the ids of a JSON array parameter, in a column ``value``."""
        return f"{self.id_list}({param})"

    def ids_in(self, param: str = "?") -> str:
        """``(SELECT value FROM …)``, to follow ``IN``: the ids of a JSON array parameter."""
        return f"(SELECT value FROM {self.ids(param)})"

    def json_number(self, column: str, key: str) -> str:
        """The number under ``key`` in the JSON object stored as text in ``column``."""
        if self.is_sqlite:
            return f"json_extract({column}, '$.{key}')"
        return f"CAST(CAST({column} AS json) ->> '{key}' AS double precision)"


SQLITE = Dialect(engine="sqlite", temp="temp", ordered_join="CROSS JOIN",
                 without_rowid=" WITHOUT ROWID", id_list="json_each", by_code_point="")
POSTGRESQL = Dialect(engine="postgresql", temp="pg_temp", ordered_join="JOIN",
                     without_rowid="", id_list="marginalia_ids", by_code_point=' COLLATE "C"')


def of(database: Any) -> Dialect:
    """The dialect of a peewee database (or of the models' proxy): SQLite unless it says.

    :class:`db.postgres.ServerDatabase` carries ``dialect = POSTGRESQL``; any
    other database, a proxy bound to none included, is taken for SQLite.
    """
    try:
        found = getattr(database, "dialect", SQLITE)
    except Exception:  # an unbound proxy raises on every attribute
        return SQLITE
    return found if isinstance(found, Dialect) else SQLITE
