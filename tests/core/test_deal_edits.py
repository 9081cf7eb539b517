"""A deal counted once stays right when its reports or their articles are edited.

The French and English reports of the $38 billion OpenAI–AWS deal are
confirmed as one deal (:class:`ConfirmDeal`: the French one, a day earlier,
is counted, the English one is its duplicate). Editing a report so that it
is no longer counted money, or into another currency, takes it out of the
deal in the same step, and its undo puts the deal back
(:func:`desktop.core.deal_operations.leave_deals_after_edit`). A confirmed
group stays confirmed, its counted report listed first, when that report is
no longer the earliest (:attr:`DealGroup.confirmed`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db import aggregates, connection, summaries
from db.aggregates import Scope
from db.annotations import label_by_name
from db.models import database
from db.records import SUGGESTED
from db.relations import RelationRecord, insert_relations
from desktop.core.article_operations import EditArticle
from desktop.core.deal_list import Deal, Source, group_deals, list_deals
from desktop.core.deal_operations import ConfirmDeal
from desktop.core.exporters import export_jsonl
from desktop.core.importers import import_paths
from desktop.core.operations import EditAnnotations
from tests.helpers import store_article, tag

FRENCH = "OpenAI signe avec AWS un contrat de 38 milliards de dollars sur sept ans."
ENGLISH = "OpenAI and AWS signed a $38 billion deal on Monday."
THIRD = "OpenAI and AWS: the $38 billion deal, again."


def _report(title: str, body: str, amount: str, published: dt.date, lang: str = "en") -> int:
    article = store_article(title, body, lang=lang, published=published)
    money = tag(article, amount, "MONEY", value=38e9, unit="USD")
    insert_relations([RelationRecord(None, "deal", money, tag(article, name, "ORG",
                                                              entity=name))
                      for name in ("OpenAI", "AWS")])
    return money


@pytest.fixture
def reports(db) -> tuple[int, int]:
    """(French amount, English amount), confirmed as one deal: the French one is kept."""
    french = _report("Contrat", FRENCH, "38 milliards de dollars", dt.date(2025, 11, 3), "fr")
    english = _report("Deal", ENGLISH, "$38 billion", dt.date(2025, 11, 4))
    ConfirmDeal([french, english]).apply()
    return french, english


def _third() -> int:
    return _report("Suite", THIRD, "$38 billion", dt.date(2025, 11, 5))


def _openai(currency: str) -> set[tuple[float, int]]:
    """OpenAI's total and number of amounts in ``currency``, through the summaries and
    without them (one value when they agree); (0, 0) for none."""
    found = set()
    for direct in (False, True):
        if direct:
            with aggregates._direct():
                result = aggregates.money_per_entity(Scope.corpus(), "relation", currency,
                                                     limit=None)
        else:
            summaries.refresh()
            result = aggregates.money_per_entity(Scope.corpus(), "relation", currency,
                                                 limit=None)
        found |= {(row.money.total, row.money.amounts) for row in result.rows
                  if row.entity == "OpenAI"} or {(0.0, 0)}
    return found


def _rows() -> list[tuple[list[int], str, bool]]:
    """What the Deals view lists: each row's reports (first listed first), currency and ✓."""
    return [([d.amount_id for d in g.deals], g.unit, g.confirmed)
            for g in group_deals(list_deals())]


def _duplicates() -> list[tuple[int, int]]:
    return [(int(a), int(k)) for a, k in database.execute_sql(
        "SELECT annotation_id, kept_id FROM deal_duplicate ORDER BY annotation_id").fetchall()]


# --- an edit takes a report that no longer fits out of its deal ------------------------------

@pytest.mark.both_backends
def test_the_kept_report_made_a_suggestion_leaves_the_deal_and_undo_puts_it_back(reports):
    french, english = reports
    assert _openai("USD") == {(38e9, 1)} and _rows() == [([french, english], "USD", True)]

    edit = EditAnnotations([french], {"status": SUGGESTED})
    change = edit.apply()

    assert _duplicates() == []
    assert _openai("USD") == {(38e9, 1)}  # the English report, counted on its own
    assert _rows() == [([english], "USD", False)]
    # The deal views and the plots hear of it, and of the English report's article too.
    english_article = next(d.sources[0].article_id for d in list_deals())
    assert change.relations and english_article in change.article_ids

    change = edit.revert()
    assert _duplicates() == [(english, french)]
    assert _openai("USD") == {(38e9, 1)}
    assert _rows() == [([french, english], "USD", True)]
    assert change.relations and english_article in change.article_ids

    edit.apply()  # redo
    assert _duplicates() == []
    assert _openai("USD") == {(38e9, 1)}


@pytest.mark.both_backends
def test_the_kept_report_relabelled_as_a_quantity_leaves_the_deal(reports):
    french, english = reports
    quantity = label_by_name("QUANTITY")
    assert quantity is not None

    EditAnnotations([french], {"label_id": quantity.id, "unit": None}).apply()

    assert _duplicates() == []
    assert _openai("USD") == {(38e9, 1)}
    assert _rows() == [([english], "USD", False)]


@pytest.mark.both_backends
def test_a_report_moved_to_another_currency_leaves_the_deal_kept_or_not(reports):
    french, english = reports

    edit = EditAnnotations([english], {"unit": "EUR", "value": 35e9})
    edit.apply()
    assert _duplicates() == []
    assert _openai("USD") == {(38e9, 1)} and _openai("EUR") == {(35e9, 1)}
    assert _rows() == [([french], "USD", False), ([english], "EUR", False)]
    edit.revert()
    assert _rows() == [([french, english], "USD", True)]
    assert _openai("USD") == {(38e9, 1)} and _openai("EUR") == {(0.0, 0)}

    EditAnnotations([french], {"unit": "EUR"}).apply()  # the kept one
    assert _duplicates() == []
    assert _openai("USD") == {(38e9, 1)} and _openai("EUR") == {(38e9, 1)}
    assert _rows() == [([french], "EUR", False), ([english], "USD", False)]


def test_an_edit_that_keeps_the_report_money_in_its_currency_keeps_the_deal(reports):
    french, english = reports
    EditAnnotations([english], {"value": 39e9, "note": "rounded"}).apply()
    EditAnnotations([french], {"unit": "USD", "approx": True}).apply()
    assert _duplicates() == [(english, french)]
    assert _rows() == [([french, english], "USD", True)]

    # Both reports moved to euros together: still one deal, now in euros.
    EditAnnotations([french, english], {"unit": "EUR"}).apply()
    assert _duplicates() == [(english, french)]
    assert _rows() == [([french, english], "EUR", True)]
    assert _openai("EUR") == {(38e9, 1)}


@pytest.mark.both_backends
def test_the_others_stay_one_deal_with_their_earliest_when_the_kept_report_leaves(reports):
    french, english = reports
    third = _third()
    ConfirmDeal([french, english, third]).apply()
    assert _duplicates() == [(english, french), (third, french)]

    edit = EditAnnotations([french], {"status": SUGGESTED})
    edit.apply()
    assert _duplicates() == [(third, english)]
    assert _rows() == [([english, third], "USD", True)]
    assert _openai("USD") == {(38e9, 1)}

    edit.revert()
    assert _duplicates() == [(english, french), (third, french)]
    assert _rows() == [([french, english, third], "USD", True)]


def test_the_others_stay_counted_with_the_kept_report_when_a_duplicate_leaves(reports):
    french, english = reports
    third = _third()
    # A chain, as an import may leave one: the third report counted with the English one.
    database.execute_sql("INSERT INTO deal_duplicate (annotation_id, kept_id) VALUES (?, ?)",
                         (third, english))
    assert _rows() == [([french, english, third], "USD", True)]

    edit = EditAnnotations([english], {"unit": "GBP"})
    edit.apply()
    assert _duplicates() == [(third, french)]
    assert _rows() == [([french, third], "USD", True), ([english], "GBP", False)]
    assert _openai("USD") == {(38e9, 1)} and _openai("GBP") == {(38e9, 1)}

    edit.revert()
    assert _duplicates() == [(english, french), (third, english)]


def test_an_export_after_the_kept_report_left_imports_every_amount(reports, tmp_path: Path):
    french, _ = reports
    EditAnnotations([french], {"status": SUGGESTED}).apply()
    path = tmp_path / "deals.jsonl"
    export_jsonl(path)
    connection.close_database()
    connection.open_database(tmp_path / "fresh.sqlite3")

    assert [str(p) for p in import_paths([path]).problems] == []
    assert _openai("USD") == {(38e9, 1)}
    assert [(unit, confirmed) for _, unit, confirmed in _rows()] == [("USD", False)]


# --- a confirmed group whose kept report is no longer the earliest ----------------------------

@pytest.mark.both_backends
def test_a_deal_stays_confirmed_when_the_kept_reports_article_is_dated_later(reports):
    french, english = reports
    article = next(d.sources[0].article_id for d in list_deals() if d.amount_id == french)

    EditArticle(article, {"published": dt.date(2025, 11, 10)}).apply()

    assert _rows() == [([french, english], "USD", True)]  # the one counted first
    [group] = group_deals(list_deals())
    assert group.value == 38e9 and group.date == dt.date(2025, 11, 4)
    assert _openai("USD") == {(38e9, 1)}


def test_two_reports_of_one_day_stay_confirmed_after_a_round_trip(db, tmp_path: Path):
    french = _report("Contrat", FRENCH, "38 milliards de dollars", dt.date(2025, 11, 3), "fr")
    english = _report("Deal", ENGLISH, "$38 billion", dt.date(2025, 11, 3))
    ConfirmDeal([french, english]).apply()
    articles = {d.amount_id: d.sources[0].article_id for d in list_deals()}
    path = tmp_path / "deals.jsonl"
    export_jsonl(path, [articles[english], articles[french]])  # the English one first
    connection.close_database()
    connection.open_database(tmp_path / "fresh.sqlite3")

    assert import_paths([path]).problems == []

    [(ids, unit, confirmed)] = _rows()
    assert (len(ids), unit, confirmed) == (2, "USD", True)
    kept = next(d for d in list_deals() if d.amount_id == ids[0])
    assert kept.kept_id is None and kept.sources[0].start == FRENCH.index("38 milliards")
    assert _openai("USD") == {(38e9, 1)}


def _deal(amount_id: int, date: dt.date, kept_id: int | None = None) -> Deal:
    return Deal(amount_id=amount_id, parties=frozenset({1, 2}), party_names=("AWS", "OpenAI"),
                value=38e9, value_high=None, unit="USD", approx=False, bound=None,
                duration=None, date=date, sources=(Source(amount_id, 10, 20),),
                kept_id=kept_id)


def test_a_group_is_confirmed_when_its_reports_lead_to_one_of_them_listed_first():
    early, late = dt.date(2025, 11, 3), dt.date(2025, 11, 10)
    [group] = group_deals([_deal(1, early, kept_id=3), _deal(2, early, kept_id=1),
                           _deal(3, late)])
    assert [d.amount_id for d in group.deals] == [3, 1, 2] and group.confirmed
    # A cycle counts none of them; a report counted with one outside the group is not
    # counted with the others: neither is confirmed, and both list the earliest first.
    [cycle] = group_deals([_deal(1, early, kept_id=2), _deal(2, late, kept_id=1)])
    assert [d.amount_id for d in cycle.deals] == [1, 2] and not cycle.confirmed
    [outside] = group_deals([_deal(1, early, kept_id=9), _deal(2, late, kept_id=1)])
    assert [d.amount_id for d in outside.deals] == [1, 2] and not outside.confirmed
