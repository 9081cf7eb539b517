"""The rows deals are read from: money linked to parties by "deal" relations, and durations.

A deal is not stored as such: it is what the annotations and their "deal"
relations say (:mod:`desktop.core.deal_list` puts it together). This module
reads, in two statements for the whole corpus or a list of articles:

* every **money amount** (accepted, of an amount label, with a value and a
  three-capital currency: :data:`db.counting.MONEY_AMOUNT`, as the plots
  count it, reports of a confirmed deal that the plots skip included) that a
  "deal" relation, in either direction, links to an accepted mention of an
  entity, with each such entity and its name, and the amount it duplicates
  if the user confirmed it reports the same deal (``deal_duplicate``);
* every accepted **duration** (an annotation of the ``DURATION`` label) of
  the articles those amounts are in, with the entities it is linked to by
  "deal" relations, if any.

Only accepted annotations count, as everywhere. A list of ids travels as
one JSON parameter, read by the engine's own table function
(:meth:`db.dialect.Dialect.ids_in`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from db.connection import dialect
from db.counting import MONEY_AMOUNT
from db.models import ACCEPTED, ENTITY, database

DEAL = "deal"
"""The kind of the relations that link an amount to the parties of a deal."""

DURATION_LABEL = "DURATION"
"""The label whose annotations give a deal its duration."""

_LINKS = (f"links(amount, party) AS ("
          f"SELECT source_id, target_id FROM relation WHERE kind = '{DEAL}' "
          f"UNION SELECT target_id, source_id FROM relation WHERE kind = '{DEAL}')")
"""Each "deal" relation from both of its ends: an amount may be its source or target."""

_PARTY = (f"x.status = '{ACCEPTED}' AND x.entity_id IS NOT NULL "
          f"AND x.label_id IN (SELECT id FROM label WHERE kind = '{ENTITY}')")
"""``x`` is a party: an accepted mention of an entity."""

_AMOUNT_COLUMNS = ("a.id, a.article_id, a.start, a.\"end\", a.value, a.value_high, a.unit, "
                   "a.approx, a.bound, a.sentence")


class AmountRow(NamedTuple):
    """One amount annotation as the deals need it.

    A named tuple rather than a frozen dataclass: a large corpus has a
    hundred thousand of them, which a tuple makes five times faster.

    Attributes:
        id: the annotation.
        article_id: its article.
        start: where it starts in the body (code points).
        end: where it ends.
        value: its value (the low end of a range).
        value_high: the high end of a range, else None.
        unit: its unit (an ISO 4217 code for money).
        approx: whether it is approximate.
        bound: ``"min"``, ``"max"`` or None.
        sentence: the number of its sentence in the body, if known.
        parties: the entities "deal" relations link it to.
        kept_id: the amount whose deal this one reports again, when the user
            confirmed they are one deal (it is then not counted), else None.
    """

    id: int
    article_id: int
    start: int
    end: int
    value: float | None
    value_high: float | None
    unit: str | None
    approx: bool
    bound: str | None
    sentence: int | None
    parties: frozenset[int] = frozenset()
    kept_id: int | None = None


@dataclass(frozen=True)
class DealRows:
    """What :func:`deal_rows` read.

    Attributes:
        money: the money amounts linked to at least one party, by article and position.
        durations: the durations of those amounts' articles, by article and position.
        entity_names: the name of every party entity.
        published: the date of each of those articles (None when undated).
    """

    money: list[AmountRow]
    durations: list[AmountRow]
    entity_names: dict[int, str]
    published: dict[int, dt.date | None]


def deal_rows(article_ids: Sequence[int] | None = None) -> DealRows:
    """Reads the money amounts of deals and the durations beside them.

    Args:
        article_ids: the articles to read (any number; the ids travel as one
            JSON parameter), or None for the whole corpus.
    """
    scope, params = "", []
    if article_ids is not None:
        scope = f" AND a.article_id IN {dialect().ids_in()}"
        params.append(json.dumps(sorted({int(i) for i in article_ids})))
    # One snapshot for both statements, without taking the write lock.
    with database.atomic(lock_type="DEFERRED"):
        money_rows = _rows(
            f"WITH {_LINKS} SELECT {_AMOUNT_COLUMNS}, ar.published, x.entity_id, e.name, "
            "d.kept_id FROM links k JOIN annotation a ON a.id = k.amount "
            # LEFT: a party is a party by its mention, as for a duration (a name lost
            # behind the foreign key's back is shown as "?")
            "JOIN annotation x ON x.id = k.party LEFT JOIN entity e ON e.id = x.entity_id "
            "JOIN article ar ON ar.id = a.article_id "
            "LEFT JOIN deal_duplicate d ON d.annotation_id = a.id "
            f"WHERE {MONEY_AMOUNT} AND {_PARTY}{scope} ORDER BY a.article_id, a.start, a.id",
            params)
        money, names, published = _amounts(money_rows)
        durations: list[AmountRow] = []
        if money:
            # Found by their label (an index on label and status), not by going through
            # every annotation of those articles: the unary + keeps SQLite from choosing
            # the article index, which reads them all (a million for a large corpus).
            duration_rows = _rows(
                f"SELECT {_AMOUNT_COLUMNS}, NULL AS published, "
                "x.entity_id, NULL AS name, NULL AS kept_id FROM annotation a "
                f"LEFT JOIN relation r ON r.kind = '{DEAL}' "
                "AND (r.source_id = a.id OR r.target_id = a.id) "
                "LEFT JOIN annotation x ON x.id = "
                "(CASE WHEN r.source_id = a.id THEN r.target_id ELSE r.source_id END) "
                f"AND {_PARTY} "
                "WHERE a.label_id IN (SELECT id FROM label WHERE name = ?) "
                f"AND a.status = '{ACCEPTED}' "
                f"AND +a.article_id IN {dialect().ids_in()} "
                "ORDER BY a.article_id, a.start, a.id",
                [DURATION_LABEL, json.dumps(sorted(published))])
            durations = _amounts(duration_rows)[0]
    return DealRows(money, durations, names, published)


def party_entities(annotation_ids: Iterable[int]) -> dict[int, int]:
    """The entity of each of these annotations that is a party (an accepted mention of an
    entity), by annotation id; the others are left out."""
    rows = database.execute_sql(
        f"SELECT x.id, x.entity_id FROM annotation x WHERE x.id IN {dialect().ids_in()} "
        f"AND {_PARTY}", [json.dumps(sorted(int(i) for i in annotation_ids))])
    return {int(annotation_id): int(entity_id) for annotation_id, entity_id in rows}


def _amounts(rows: list[tuple[Any, ...]]
             ) -> tuple[list[AmountRow], dict[int, str], dict[int, dt.date | None]]:
    """Folds one row per (amount, party) into one :class:`AmountRow` per amount.

    The rows are plain tuples in the order of :data:`_AMOUNT_COLUMNS`, then the
    article's date, the party's entity, its name and the amount it duplicates.
    """
    fields: dict[int, tuple[Any, ...]] = {}
    parties: dict[int, set[int]] = {}
    names: dict[int, str] = {}
    published: dict[int, dt.date | None] = {}
    for row in rows:
        amount_id, entity_id, name = row[0], row[11], row[12]
        found = parties.get(amount_id)
        if found is None:
            found = parties[amount_id] = set()
            fields[amount_id] = row
            if row[1] not in published:
                published[row[1]] = _date(row[10])
        if entity_id is not None:
            found.add(entity_id)
            if name is not None:
                names[entity_id] = str(name)
    folded = [AmountRow(int(amount_id), int(article_id), int(start), int(end), value,
                        value_high, unit, bool(approx), bound, sentence,
                        parties=frozenset(parties[amount_id]),
                        kept_id=None if kept_id is None else int(kept_id))
              for (amount_id, article_id, start, end, value, value_high, unit, approx, bound,
                   sentence, _published, _entity, _name, kept_id) in fields.values()]
    return folded, names, published


def _date(value: object) -> dt.date | None:
    """An article's date as stored; None when undated or not a date."""
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _rows(sql: str, params: list[str]) -> list[tuple[Any, ...]]:
    """The rows as the cursor gives them: plain tuples, read by position (a tenth of the time
    :class:`sqlite3.Row` by name takes over the hundred thousand rows of a large corpus)."""
    return list(database.execute_sql(sql, params).fetchall())
