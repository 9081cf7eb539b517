"""Aggregates behind the plots and ``marginalia stats``, computed in SQL over a scope.

What the figures count:

* Only **accepted** annotations count; suggestions never do.
* A **mention** is an accepted annotation of a label of kind ``entity``
  (whether or not it is linked to an entity yet). A mention *of an entity*
  is an accepted annotation linked to it (``entity_id``).
* A **money amount** is an accepted annotation of a label of kind ``amount``
  that has a value and whose unit is three capital letters, the shape of an
  ISO 4217 code ("USD", "EUR"). The unit is its currency. This covers the
  default MONEY label and any amount label a user adds for money, and leaves
  out a MONEY annotation whose value or currency is not known yet (it can't
  be added to anything). Quantities must therefore not use three-capital
  units.
* Money is summed **per currency**, never across currencies. A range counts
  from ``value`` (low) to ``value_high`` (high); a single value is both. Each
  sum says how many amounts it holds, how many are approximate and how many
  are ranges, so a view can show "low–high" and mark "≈".
* An amount counts for an entity under one of two **attribution rules**
  (:data:`RULES`), never both at once: ``"relation"`` — a relation (either
  direction) links the amount to a mention of the entity; ``"sentence"`` —
  a mention of the entity is in the same sentence of the same article
  (``Annotation.sentence``, see :mod:`db.sentences`; an amount that is itself
  linked to an entity counts for it). An amount counts at most once per
  entity, however many mentions or relations link them. Results attributed
  by a rule carry it (:class:`MoneyResult`).

A :class:`Scope` is the current article, a list of articles (a selection or
a search result; any length: the ids travel as one JSON parameter, never as
thousands of bound parameters) or the whole corpus.

Every figure comes from SQL ``GROUP BY`` statements (one per function, two
for :func:`per_month`); Python only wraps the few result rows. Over the
corpus they read the sums :mod:`db.summaries` keeps (brought up to date
first, in the same transaction), which give the same figures as the
statements over the annotations (float sums may differ in the last bits, by
the order of the additions); over one article or a list they read the
annotations. The statements run on SQLite and PostgreSQL alike; the list of
articles' ids and the join order hint are the dialect's (:mod:`db.dialect`).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from db import summaries
from db.connection import by_name, dialect
from db.counting import LINK_COLUMNS, LINKED, MENTION, MONEY, SUMS
from db.dialect import NO_LIMIT
from db.models import ACCEPTED, ENTITY, database

Rule = Literal["relation", "sentence"]
RULES: tuple[Rule, ...] = ("relation", "sentence")
RULE_DESCRIPTIONS: dict[str, str] = {
    "relation": "an amount counts for an entity when a relation links it to a mention "
                "of the entity",
    "sentence": "an amount counts for an entity when the entity is mentioned in the same "
                "sentence",
}

ScopeKind = Literal["article", "articles", "corpus"]

_ENTITY_LABELS = f"SELECT id FROM label WHERE kind = '{ENTITY}'"
_BY_DATE = "ar.published IS NULL, ar.published, ar.id"


@dataclass(frozen=True)
class Scope:
    """Which articles an aggregate covers.

    Attributes:
        kind: ``"article"`` (one id), ``"articles"`` (a selection or a search
            result, any number of ids, possibly none) or ``"corpus"``.
        article_ids: the ids, or None for the corpus.
    """

    kind: ScopeKind
    article_ids: list[int] | None = None

    def __post_init__(self) -> None:
        if self.kind == "corpus":
            if self.article_ids is not None:
                raise ValueError("The corpus scope takes no article ids.")
        elif self.kind == "article":
            if self.article_ids is None or len(self.article_ids) != 1:
                raise ValueError("The article scope takes exactly one article id.")
        elif self.kind == "articles":
            if self.article_ids is None:
                raise ValueError("The articles scope needs a list of article ids.")
        else:
            raise ValueError(f"Unknown scope {self.kind!r}.")

    @classmethod
    def corpus(cls) -> Scope:
        return cls("corpus")

    @classmethod
    def article(cls, article_id: int) -> Scope:
        return cls("article", [article_id])

    @classmethod
    def articles(cls, article_ids: Sequence[int]) -> Scope:
        return cls("articles", list(article_ids))

    def annotations(self, alias: str = "a") -> tuple[str, str, list[Any]]:
        """Returns ``(FROM clause, " AND …" condition, params)`` for the scope's annotations.

        The annotations are named ``alias``; the parameters go before any
        other of the statement (the FROM clause, or the first condition).
        A list of articles drives the query: SQLite can't tell how many ids
        a JSON array holds and would otherwise read every amount to pick a
        few articles' (50 articles of 5,000: 280 ms instead of 8 ms).
        """
        table = f"annotation {alias}"
        if self.kind == "corpus":
            return table, "", []
        assert self.article_ids is not None
        if self.kind == "article":
            return table, f" AND {alias}.article_id = ?", [int(self.article_ids[0])]
        ids = json.dumps(sorted({int(i) for i in self.article_ids}))
        spoken = dialect()
        return (f"{spoken.ids()} AS {alias}_scope {spoken.ordered_join} {table} "
                f"ON {alias}.article_id = {alias}_scope.value", "", [ids])


@dataclass(frozen=True)
class EntityMentions:
    """How often one entity is mentioned."""

    entity_id: int
    entity: str
    label: str
    color: str
    mentions: int


@dataclass(frozen=True)
class LabelMentions:
    """Mentions of one entity label and how many distinct entities they name."""

    label_id: int
    label: str
    color: str
    mentions: int
    entities: int


@dataclass(frozen=True)
class LabelCount:
    """Accepted annotations of one label (any kind)."""

    label_id: int
    label: str
    kind: str
    color: str
    count: int


@dataclass(frozen=True)
class MoneySum:
    """Amounts of one currency added up.

    Attributes:
        currency: the ISO 4217 code.
        total: the sum of the values (the low end of ranges).
        high: the sum with each range at its high end (equals ``total``
            when there are no ranges).
        amounts: how many amounts were added.
        approx: how many of them are approximate.
        ranges: how many of them are ranges.
    """

    currency: str
    total: float
    high: float
    amounts: int
    approx: int
    ranges: int

    @property
    def low(self) -> float:
        return self.total


@dataclass(frozen=True)
class EntityMoney:
    """The amounts of one currency attributed to one entity."""

    entity_id: int
    entity: str
    label: str
    color: str
    money: MoneySum

    @property
    def currency(self) -> str:
        return self.money.currency


@dataclass(frozen=True)
class MoneyResult:
    """Money per entity, with the attribution rule every row was computed by.

    Attributes:
        rule: ``"relation"`` or ``"sentence"`` (see :data:`RULE_DESCRIPTIONS`).
        currency: the currency asked for, or None for every currency.
        rows: one per entity and currency, by currency then largest total (ties
            by entity name).
    """

    rule: Rule
    currency: str | None
    rows: list[EntityMoney]

    @property
    def rule_description(self) -> str:
        return RULE_DESCRIPTIONS[self.rule]


@dataclass(frozen=True)
class MonthRow:
    """One month of article dates: mentions and money (per currency).

    Attributes:
        month: ``"YYYY-MM"``, or None for articles without a date.
        mentions: mentions in the month's articles.
        money: one sum per currency, by currency code (only the currency
            asked for, if one was).
    """

    month: str | None
    mentions: int
    money: tuple[MoneySum, ...]

    def money_in(self, currency: str) -> MoneySum | None:
        """The sum in ``currency``, or None if the month has none."""
        return next((m for m in self.money if m.currency == currency), None)


def currency_code(text: str) -> str:
    """Returns ``text`` as a currency code ("usd " gives "USD").

    Raises:
        ValueError: it is not three letters, the shape of an ISO 4217 code.
    """
    code = text.strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise ValueError(f"Currency {text!r} is not a 3-letter ISO 4217 code (e.g. USD).")
    return code


def mentions_per_entity(
    scope: Scope, label_ids: Sequence[int] | None = None, limit: int | None = 20
) -> list[EntityMentions]:
    """Returns the most mentioned entities, most first (ties by name).

    Args:
        scope: the articles counted.
        label_ids: only entities of these labels; all if None.
        limit: how many entities at most; all if None.
    """
    params: list[Any] = []
    if _summarised(scope):
        counts = ("SELECT s.entity_id, SUM(s.n) AS n FROM summary_mentions s "
                  "WHERE s.entity_id <> 0 GROUP BY s.entity_id")
    else:
        source, where, params = scope.annotations()
        counts = (f"SELECT a.entity_id, COUNT(*) AS n FROM {source} "
                  f"WHERE a.status = '{ACCEPTED}' AND a.entity_id IS NOT NULL{where} "
                  "GROUP BY a.entity_id")
    label_filter = ""
    if label_ids is not None:
        label_filter = f" WHERE e.label_id IN ({', '.join('?' * len(label_ids))})"
        params += [int(i) for i in label_ids]
    sql = (
        "SELECT e.id AS entity_id, e.name AS entity, l.name AS label, l.color, "
        f"c.n AS mentions FROM ({counts}) c "
        "JOIN entity e ON e.id = c.entity_id JOIN label l ON l.id = e.label_id"
        f"{label_filter} ORDER BY c.n DESC, e.name, e.id LIMIT ?"
    )
    with _reading(scope):
        rows = _rows(sql, [*params, _limit(limit)])
    return [EntityMentions(**row) for row in rows]


def mentions_per_label(scope: Scope) -> list[LabelMentions]:
    """Returns the mentions of each entity label that has any, in label order."""
    params: list[Any] = []
    if _summarised(scope):
        counts = ("SELECT s.label_id, SUM(s.n) AS n, COUNT(DISTINCT NULLIF(s.entity_id, 0)) "
                  f"AS entities FROM summary_mentions s WHERE s.label_id IN ({_ENTITY_LABELS}) "
                  "GROUP BY s.label_id")
    else:
        source, where, params = scope.annotations()
        counts = ("SELECT a.label_id, COUNT(*) AS n, COUNT(DISTINCT a.entity_id) AS entities "
                  f"FROM {source} WHERE {MENTION}{where} GROUP BY a.label_id")
    sql = ("SELECT l.id AS label_id, l.name AS label, l.color, c.n AS mentions, c.entities "
           f"FROM ({counts}) c JOIN label l ON l.id = c.label_id ORDER BY l.position, l.id")
    with _reading(scope):
        rows = _rows(sql, params)
    return [LabelMentions(**row) for row in rows]


def label_distribution(scope: Scope) -> list[LabelCount]:
    """Returns the accepted annotations of each label that has any (amounts too)."""
    params: list[Any] = []
    if _summarised(scope):
        counts = "SELECT s.label_id, SUM(s.n) AS n FROM summary_mentions s GROUP BY s.label_id"
    else:
        source, where, params = scope.annotations()
        counts = (f"SELECT a.label_id, COUNT(*) AS n FROM {source} "
                  f"WHERE a.status = '{ACCEPTED}'{where} GROUP BY a.label_id")
    sql = ("SELECT l.id AS label_id, l.name AS label, l.kind, l.color, c.n AS count "
           f"FROM ({counts}) c JOIN label l ON l.id = c.label_id ORDER BY l.position, l.id")
    with _reading(scope):
        rows = _rows(sql, params)
    return [LabelCount(**row) for row in rows]


def money_per_entity(
    scope: Scope, rule: Rule, currency: str | None = None, limit: int | None = 20
) -> MoneyResult:
    """Returns the money attributed to each entity by ``rule``, per currency.

    Args:
        scope: the articles whose amounts are counted.
        rule: ``"relation"`` or ``"sentence"``; every row uses this one.
        currency: only this currency; every currency (separately) if None.
        limit: the largest ``limit`` entities of each currency; all if None.

    Raises:
        ValueError: unknown rule, or a currency that is not a 3-letter code.
    """
    currency = _currency(currency)
    totals, params = _totals(scope, rule, currency, _limit(limit))
    sql = (
        f"{totals}, ranked AS (SELECT t.*, e.name, e.label_id, ROW_NUMBER() OVER "
        "(PARTITION BY t.unit ORDER BY t.total DESC, e.name, e.id) AS place "
        "FROM totals t JOIN entity e ON e.id = t.entity_id) "
        "SELECT r.entity_id, r.name AS entity, l.name AS label, l.color, r.unit AS currency, "
        "r.total, r.high, r.amounts, r.approx, r.ranges FROM ranked r "
        "JOIN label l ON l.id = r.label_id WHERE ? < 0 OR r.place <= ? ORDER BY r.unit, r.place"
    )
    with _reading(scope):
        rows = _rows(sql, [*params, _limit(limit), _limit(limit)])
    return MoneyResult(rule, currency, [
        EntityMoney(entity_id=row["entity_id"], entity=row["entity"], label=row["label"],
                    color=row["color"], money=_money_sum(row))
        for row in rows
    ])


def per_month(scope: Scope, currency: str | None = None) -> list[MonthRow]:
    """Returns mentions and money per month of article date, oldest first, undated last.

    Args:
        scope: the articles counted.
        currency: only this currency's money; every currency (separately) if None.

    Raises:
        ValueError: a currency that is not a 3-letter code.
    """
    currency = _currency(currency)
    params: list[Any] = []
    money_params: list[Any] = []
    if _summarised(scope):
        # Months are "" for undated articles in the summaries.
        mentions_sql = ("SELECT NULLIF(s.month, '') AS month, SUM(s.n) AS mentions "
                        "FROM summary_label_month s "
                        f"WHERE s.label_id IN ({_ENTITY_LABELS}) GROUP BY s.month")
        money_sql = ("SELECT NULLIF(s.month, '') AS month, s.unit AS currency, s.total, "
                     "s.high, s.amounts, s.approx, s.ranges FROM summary_money_month s")
        if currency is not None:
            money_sql += " WHERE s.unit = ?"
            money_params.append(currency)
        money_sql += " ORDER BY s.unit"
    else:
        source, where, params = scope.annotations()
        mentions_sql = (
            "SELECT substr(CAST(ar.published AS TEXT), 1, 7) AS month, SUM(c.n) AS mentions FROM "
            f"(SELECT a.article_id, COUNT(*) AS n FROM {source} WHERE {MENTION}{where} "
            "GROUP BY a.article_id) c JOIN article ar ON ar.id = c.article_id GROUP BY month"
        )
        money_where, money_params = where, list(params)
        if currency is not None:
            money_where += " AND a.unit = ?"
            money_params.append(currency)
        money_sql = (
            "SELECT substr(CAST(ar.published AS TEXT), 1, 7) AS month, c.unit AS currency, "
            "SUM(c.total) AS total, SUM(c.high) AS high, SUM(c.amounts) AS amounts, "
            "SUM(c.approx) AS approx, SUM(c.ranges) AS ranges FROM "
            f"(SELECT a.article_id, a.unit, {SUMS.format(p='a.')} FROM {source} "
            f"WHERE {MONEY}{money_where} GROUP BY a.article_id, a.unit) c "
            "JOIN article ar ON ar.id = c.article_id GROUP BY month, c.unit ORDER BY c.unit"
        )
    with _reading(scope):
        mentions = {row["month"]: row["mentions"] for row in _rows(mentions_sql, params)}
        money_rows = _rows(money_sql, money_params)
    money: dict[str | None, list[MoneySum]] = {}
    for row in money_rows:
        money.setdefault(row["month"], []).append(_money_sum(row))
    months = sorted(set(mentions) | set(money), key=lambda m: (m is None, m or ""))
    return [MonthRow(m, int(mentions.get(m, 0)), tuple(money.get(m, ()))) for m in months]


def mentions_behind(
    scope: Scope,
    entity_id: int | None = None,
    label_id: int | None = None,
    month: str | None = None,
    currency: str | None = None,
    rule: Rule | None = None,
    *,
    undated: bool = False,
    limit: int | None = None,
) -> list[tuple[int, int, int]]:
    """Returns the annotations behind a figure: ``(annotation id, article id, start)``.

    Ordered by article date (undated last), article id and start, so the
    first is where to open the text. Two kinds of figure:

    * **Money** (``currency`` or ``rule`` given): the money amounts, of
      ``currency`` if given, of amount label ``label_id`` if given; with
      ``entity_id``, only those ``rule`` attributes to that entity (``rule``
      is then required).
    * **Mentions** (otherwise): accepted annotations of ``entity_id`` and/or
      ``label_id`` (any label kind, as :func:`label_distribution` counts);
      with neither, every mention (as :func:`per_month` counts).

    Args:
        scope: the articles looked in.
        entity_id: the entity of the bar.
        label_id: the label of the bar.
        month: ``"YYYY-MM"`` of the article date.
        currency: the currency of a money figure.
        rule: the attribution rule of a money-per-entity figure.
        undated: only articles without a date (the ``None`` month).
        limit: at most this many; all if None.

    Raises:
        ValueError: money per entity without a rule, or a bad month or currency.
    """
    sql, params = _behind(scope, entity_id, label_id, month, currency, rule, undated)
    sql = (f"SELECT b.id, b.article_id, b.start FROM ({sql}) b "
           f"JOIN article ar ON ar.id = b.article_id ORDER BY {_BY_DATE}, b.start, b.id LIMIT ?")
    rows = _rows(sql, [*params, _limit(limit)])
    return [(row["id"], row["article_id"], row["start"]) for row in rows]


def articles_behind(
    scope: Scope,
    entity_id: int | None = None,
    label_id: int | None = None,
    month: str | None = None,
    currency: str | None = None,
    rule: Rule | None = None,
    *,
    undated: bool = False,
) -> list[int]:
    """Returns the distinct articles of :func:`mentions_behind`, by date (undated last) and id."""
    sql, params = _behind(scope, entity_id, label_id, month, currency, rule, undated)
    sql = (f"SELECT ar.id FROM article ar WHERE ar.id IN (SELECT b.article_id FROM ({sql}) b) "
           f"ORDER BY {_BY_DATE}")
    return [row["id"] for row in _rows(sql, params)]


def _behind(
    scope: Scope, entity_id: int | None, label_id: int | None, month: str | None,
    currency: str | None, rule: Rule | None, undated: bool,
) -> tuple[str, list[Any]]:
    """The statement selecting ``(id, article_id, start)`` behind a figure."""
    currency = _currency(currency)
    extra, extra_params = _date_condition(month, undated)
    if label_id is not None:
        extra += " AND a.label_id = ?"
        extra_params.append(int(label_id))
    if currency is not None or rule is not None:
        if currency is not None:
            extra += " AND a.unit = ?"
            extra_params.append(currency)
        source, where, params = scope.annotations()
        select = f"SELECT a.id, a.article_id, a.start FROM {source} WHERE {MONEY}{where}{extra}"
        if entity_id is None:
            return select, params + extra_params
        if rule is None:
            raise ValueError("Say which rule attributes money to the entity "
                             f"({' or '.join(RULES)}).")
        if rule not in RULES:
            raise ValueError(f"Unknown rule {rule!r}; expected {' or '.join(RULES)}.")
        attributed = _ATTRIBUTED_TO[rule]
        return (select + attributed,
                [*params, *extra_params, *[int(entity_id)] * attributed.count("?")])
    source, where, params = scope.annotations()
    if entity_id is not None:
        extra += " AND a.entity_id = ?"
        extra_params.append(int(entity_id))
    kind = MENTION if entity_id is None and label_id is None else f"a.status = '{ACCEPTED}'"
    return (f"SELECT a.id, a.article_id, a.start FROM {source} WHERE {kind}{where}{extra}",
            params + extra_params)


def _totals(
    scope: Scope, rule: Rule, currency: str | None, limit: int = -1
) -> tuple[str, list[Any]]:
    """``WITH …, totals AS (…)``: the money ``rule`` gives each entity, per currency.

    ``totals`` has ``entity_id, unit`` and the :class:`MoneySum` columns; it
    may leave out rows that can't be among the ``limit`` largest of their
    currency (-1: none left out).
    """
    if rule not in RULES:
        raise ValueError(f"Unknown rule {rule!r}; expected {' or '.join(RULES)}.")
    if _summarised(scope):
        # Ranking every entity of a big corpus costs more than all the rest:
        # only those at least as large as their currency's limit-th largest
        # total (ties included) can be among the largest, and they keep their
        # places. MATERIALIZED: one look-up per currency, not per row.
        units, unit_params = "", []
        if currency is not None:
            units, unit_params = " AND unit = ?", [currency]
        return (
            "WITH floors AS MATERIALIZED (SELECT u.unit, (SELECT f.total FROM summary_money f "
            "WHERE f.rule = ? AND f.unit = u.unit ORDER BY f.total DESC LIMIT 1 OFFSET ?) "
            f"AS floor FROM (SELECT DISTINCT unit FROM summary_money WHERE rule = ?{units}) u), "
            "totals AS (SELECT s.entity_id, s.unit, s.total, s.high, s.amounts, s.approx, "
            "s.ranges FROM floors c JOIN summary_money s ON s.rule = ? AND s.unit = c.unit "
            "WHERE ? < 0 OR c.floor IS NULL OR s.total >= c.floor)",
            [rule, max(limit - 1, 0) if limit != NO_LIMIT else 0, rule, *unit_params, rule,
             -1 if limit == NO_LIMIT else limit],
        )
    source, where, params = scope.annotations()
    if currency is not None:
        where += " AND a.unit = ?"
        params.append(currency)
    if rule == "sentence":
        # Each sentence's amounts are added up first, then given to each entity
        # mentioned in that sentence (once per entity however often it is named):
        # every amount counts once per entity without listing every pair.
        mentioned, mentioned_where, mentioned_params = scope.annotations("x")
        return (
            "WITH amounts AS (SELECT a.article_id, a.sentence, a.unit, "
            f"{SUMS.format(p='a.')} FROM {source} WHERE {MONEY}{where} "
            "GROUP BY a.article_id, a.sentence, a.unit), "
            "mentioned AS (SELECT DISTINCT x.article_id, x.sentence, x.entity_id "
            f"FROM {mentioned} WHERE {LINKED}{mentioned_where}), "
            "totals AS (SELECT d.entity_id, m.unit, SUM(m.total) AS total, "
            "SUM(m.high) AS high, SUM(m.amounts) AS amounts, SUM(m.approx) AS approx, "
            "SUM(m.ranges) AS ranges FROM amounts m JOIN mentioned d "
            "ON d.article_id = m.article_id AND d.sentence = m.sentence "
            "GROUP BY d.entity_id, m.unit)",
            params + mentioned_params,
        )
    # Over the corpus, walking the relations is cheaper than walking the amounts
    # (there are fewer); CROSS JOIN keeps SQLite's planner to that order. Within a
    # scope, its annotations come first. UNION keeps an amount linked to the same
    # entity twice (or both ways) once.
    branches = []
    for mine, other in (("source_id", "target_id"), ("target_id", "source_id")):
        if scope.kind == "corpus":
            joined = f"relation r {dialect().ordered_join} annotation a ON a.id = r.{mine}"
        else:
            joined = f"{source} JOIN relation r ON r.{mine} = a.id"
        branches.append(f"SELECT {LINK_COLUMNS} FROM {joined} "
                        f"JOIN annotation x ON x.id = r.{other} "
                        f"WHERE {MONEY}{where} AND {LINKED}")
    return (
        f"WITH links AS ({branches[0]} UNION {branches[1]}), "
        f"totals AS (SELECT k.entity_id, k.unit, {SUMS.format(p='k.')} FROM links k "
        "GROUP BY k.entity_id, k.unit)",
        params + params,
    )


# Restricts the amount ``a`` to those a rule gives the entity bound to each "?".
_ATTRIBUTED_TO: dict[str, str] = {
    "relation": (
        " AND (EXISTS (SELECT 1 FROM relation r JOIN annotation x ON x.id = r.target_id "
        f"WHERE r.source_id = a.id AND x.entity_id = ? AND {LINKED}) "
        "OR EXISTS (SELECT 1 FROM relation r JOIN annotation x ON x.id = r.source_id "
        f"WHERE r.target_id = a.id AND x.entity_id = ? AND {LINKED}))"
    ),
    "sentence": (
        " AND EXISTS (SELECT 1 FROM annotation x WHERE x.article_id = a.article_id "
        f"AND x.sentence = a.sentence AND x.entity_id = ? AND {LINKED})"
    ),
}


def _date_condition(month: str | None, undated: bool) -> tuple[str, list[Any]]:
    """Restricts ``a.article_id`` to articles of ``month`` ("YYYY-MM") or without a date."""
    if undated:
        if month is not None:
            raise ValueError("Ask for a month or for undated articles, not both.")
        return " AND a.article_id IN (SELECT id FROM article WHERE published IS NULL)", []
    if month is None:
        return "", []
    try:
        first = dt.date.fromisoformat(f"{month}-01")
    except ValueError:
        raise ValueError(f"Month {month!r} is not YYYY-MM.") from None
    following = (first + dt.timedelta(days=31)).replace(day=1)
    return (" AND a.article_id IN (SELECT id FROM article WHERE published >= ? "
            "AND published < ?)", [first.isoformat(), following.isoformat()])


_DIRECT: contextvars.ContextVar[bool] = contextvars.ContextVar("aggregates_direct", default=False)


@contextlib.contextmanager
def _direct() -> Iterator[None]:
    """Computes corpus figures from the annotations, not the summaries (tests compare both)."""
    token = _DIRECT.set(True)
    try:
        yield
    finally:
        _DIRECT.reset(token)


def _rows(sql: str, params: list[Any]) -> list[sqlite3.Row]:
    """Runs ``sql`` on the models' database; its rows are read by column name."""
    rows: list[sqlite3.Row] = by_name(database.execute_sql(sql, params)).fetchall()
    return rows


def _money_sum(row: sqlite3.Row) -> MoneySum:
    """The :class:`MoneySum` of a row with ``currency`` and the :data:`SUMS` columns."""
    return MoneySum(currency=row["currency"], total=row["total"], high=row["high"],
                    amounts=row["amounts"], approx=row["approx"], ranges=row["ranges"])


def _summarised(scope: Scope) -> bool:
    """True when ``scope``'s figures are read from :mod:`db.summaries`.

    Bringing the summaries up to date is a write: on a database that may not
    be written (read only, damaged) with summaries out of date, the figures
    are computed from the annotations instead (the same figures, more slowly).
    """
    if scope.kind != "corpus" or _DIRECT.get():
        return False
    from db.connection import writes_refused

    return writes_refused() is None or not summaries.dirty_count()


def _reading(scope: Scope) -> contextlib.AbstractContextManager[None]:
    """Where to run the statements of ``scope``: after the summaries are brought up to date."""
    return summaries.fresh() if _summarised(scope) else contextlib.nullcontext()


def _currency(currency: str | None) -> str | None:
    return None if currency is None else currency_code(currency)


def _limit(limit: int | None) -> int:
    """:data:`~db.dialect.NO_LIMIT` for no limit, which both engines read as such."""
    return NO_LIMIT if limit is None else max(0, int(limit))
