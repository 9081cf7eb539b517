"""What the figures count, as SQL conditions shared by :mod:`db.aggregates` and :mod:`db.summaries`.

The rules themselves are told in :mod:`db.aggregates`. Annotations are
named ``a`` (the counted ones) and ``x`` (the mention at the other end of a
link); :data:`SUMS` is written over a placeholder prefix ``{p}``.
"""

from __future__ import annotations

from db.models import ACCEPTED, AMOUNT, ENTITY

MENTION = (f"a.status = '{ACCEPTED}' "
           f"AND a.label_id IN (SELECT id FROM label WHERE kind = '{ENTITY}')")
"""``a`` is a mention: an accepted annotation of an entity label."""

CURRENCY_CODE = ("length(a.unit) = 3 "
                 "AND ltrim(a.unit, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') = ''")
"""``a.unit`` is three capital letters A to Z, the shape of an ISO 4217 code.

SQLite's ``GLOB '[A-Z][A-Z][A-Z]'``, written so that PostgreSQL reads it the same:
``ltrim`` strips those 26 letters in both, whatever the collation."""

MONEY_AMOUNT = (f"a.status = '{ACCEPTED}' AND a.value IS NOT NULL "
                f"AND {CURRENCY_CODE} "
                f"AND a.label_id IN (SELECT id FROM label WHERE kind = '{AMOUNT}')")
"""``a`` is a money amount: accepted, of an amount label, with a value and a currency.

Every report of a deal, counted or not (what :mod:`db.deal_reads` reads).
"""

NOT_DUPLICATE = ("a.id NOT IN (SELECT annotation_id FROM deal_duplicate "
                 "WHERE kept_id <> annotation_id)")
"""``a`` is not a report of a deal already counted (a confirmed group's later reports).

A row naming the report itself as the one kept is a report the user set
apart, a deal of its own: it counts."""

MONEY = f"{MONEY_AMOUNT} AND {NOT_DUPLICATE}"
"""``a`` is a money amount that counts: :data:`MONEY_AMOUNT`, once per confirmed deal.

A group of reports of one deal the user confirmed counts one report's
amount only (its earliest, when confirmed); the others are in
``deal_duplicate`` (migration 007). An edit that makes a report no longer
money, or moves it to another currency, takes it out of its deal
(``desktop.core.deal_operations.leave_deals_after_edit``), and a removed
amount takes its rows with it (cascade), once the removal has moved the
others of its deal onto another report
(``desktop.core.deal_operations.keep_deals_before_removal``). The kept report is not checked
here: whether a report counted would then depend on another annotation's
row, which the summaries' triggers do not follow (they mark the article of
the row that changed), and a chain of reports would count twice.
"""

LINKED = f"x.status = '{ACCEPTED}' AND x.entity_id IS NOT NULL"
"""``x`` is an accepted annotation linked to an entity."""

LINK_COLUMNS = "a.id, a.unit, a.value, a.value_high, a.approx, x.entity_id"
"""One amount ``a`` given to the entity of ``x``."""

SUMS = ("SUM({p}value) AS total, SUM(COALESCE({p}value_high, {p}value)) AS high, "
        "COUNT(*) AS amounts, SUM({p}approx) AS approx, "
        "SUM(CASE WHEN {p}value_high <> {p}value THEN 1 ELSE 0 END) AS ranges")
"""The columns of a :class:`~db.aggregates.MoneySum` over money rows prefixed ``{p}``."""

SUM_COLUMNS = ("total", "high", "amounts", "approx", "ranges")
"""The names of the :data:`SUMS` columns, which add up across groups."""
