"""A deal reported in several articles counts once in the money figures once confirmed.

The French and English reports of the $38 billion OpenAI–AWS deal are two
amounts; confirming the group (:class:`ConfirmDeal`) keeps the earliest and
makes the other a duplicate, which the money figures skip, through the
summaries and without them; undoing or splitting counts both again.
Splitting sets each report apart (a row naming itself), so the grouping no
longer proposes them as one; what the user said wins over the rule.
"""

from __future__ import annotations

import datetime as dt

import pytest

from db import aggregates, summaries
from db.aggregates import Scope
from db.models import database
from db.relations import RelationRecord, insert_relations
from desktop.core.deal_list import group_deals, list_deals
from desktop.core.deal_operations import ConfirmDeal, LeaveOutOfDeal, SplitDeal
from tests.helpers import store_article, tag

FRENCH = "OpenAI signe avec AWS un contrat de 38 milliards de dollars sur sept ans."
ENGLISH = "OpenAI and AWS signed a $38 billion deal on Monday."


def _report(title: str, body: str, amount: str, published: dt.date, lang: str) -> int:
    article = store_article(title, body, lang=lang, published=published)
    money = tag(article, amount, "MONEY", value=38e9, unit="USD")
    parties = [tag(article, "OpenAI", "ORG", entity="OpenAI"),
               tag(article, "AWS", "ORG", entity="AWS")]
    insert_relations([RelationRecord(None, "deal", money, party) for party in parties])
    return money


@pytest.fixture
def reports(db) -> tuple[int, int]:
    """(French amount, English amount): the French report is a day earlier."""
    french = _report("Contrat", FRENCH, "38 milliards de dollars", dt.date(2025, 11, 3), "fr")
    english = _report("Deal", ENGLISH, "$38 billion", dt.date(2025, 11, 4), "en")
    return french, english


def _third() -> int:
    """A third report of the deal, a day after the English one."""
    return _report("Suite", "OpenAI and AWS: the $38 billion deal, again.", "$38 billion",
                   dt.date(2025, 11, 5), "en")


def _openai(*, direct: bool, rule: aggregates.Rule = "relation") -> tuple[float, int]:
    """OpenAI's USD total and number of amounts, over the corpus."""
    def read() -> aggregates.MoneyResult:
        return aggregates.money_per_entity(Scope.corpus(), rule, "USD", limit=None)

    if direct:
        with aggregates._direct():
            result = read()
    else:
        summaries.refresh()
        result = read()
    [row] = [r for r in result.rows if r.entity == "OpenAI"]
    return row.money.total, row.money.amounts


def _both(rule: aggregates.Rule = "relation") -> set[tuple[float, int]]:
    return {_openai(direct=False, rule=rule), _openai(direct=True, rule=rule)}


def _duplicates() -> list[tuple[int, int]]:
    return [tuple(r) for r in database.execute_sql(
        "SELECT annotation_id, kept_id FROM deal_duplicate ORDER BY annotation_id").fetchall()]


def test_a_confirmed_deal_counts_once_and_undo_or_split_counts_each_report(reports):
    french, english = reports
    assert _both() == {(76e9, 2)}

    confirm = ConfirmDeal([english, french])
    change = confirm.apply()
    assert confirm.kept_id == french  # the earliest report is kept
    assert _duplicates() == [(english, french)]
    assert change.relations and len(change.article_ids) == 2
    assert _both() == {(38e9, 1)}
    assert _both("sentence") == {(38e9, 1)}

    confirm.revert()
    assert _duplicates() == []
    assert _both() == {(76e9, 2)}

    confirm.apply()  # redo
    assert _both() == {(38e9, 1)}

    split = SplitDeal([french, english])
    split.apply()
    assert _duplicates() == [(french, french), (english, english)]  # each set apart
    assert _both() == {(76e9, 2)}
    assert _both("sentence") == {(76e9, 2)}

    split.revert()
    assert _duplicates() == [(english, french)]
    assert _both() == {(38e9, 1)}


def test_the_months_and_the_figures_behind_skip_the_duplicate(reports):
    french, english = reports
    ConfirmDeal([french, english]).apply()

    summaries.refresh()
    [month] = aggregates.per_month(Scope.corpus(), "USD")
    with aggregates._direct():
        [direct] = aggregates.per_month(Scope.corpus(), "USD")
    assert month == direct
    assert month.money_in("USD").total == 38e9
    behind = aggregates.mentions_behind(Scope.corpus(), currency="USD")
    assert [annotation_id for annotation_id, _, _ in behind] == [french]


def test_the_group_says_whether_it_is_confirmed(reports):
    french, english = reports
    [group] = group_deals(list_deals())
    assert [d.amount_id for d in group.deals] == [french, english]
    assert not group.confirmed

    ConfirmDeal([d.amount_id for d in group.deals]).apply()
    [group] = group_deals(list_deals())  # both reports are still read
    assert group.confirmed
    assert [d.kept_id for d in group.deals] == [None, french]

    SplitDeal([d.amount_id for d in group.deals]).apply()
    groups = group_deals(list_deals())  # two deals now, though the rule matches them
    assert [[d.amount_id for d in g.deals] for g in groups] == [[french], [english]]
    assert not any(g.confirmed for g in groups)
    assert all(g.first.separate for g in groups)


def test_deleting_the_kept_report_counts_the_other_again(reports):
    french, english = reports
    ConfirmDeal([french, english]).apply()
    assert _both() == {(38e9, 1)}

    database.execute_sql("DELETE FROM annotation WHERE id = ?", (french,))

    assert _duplicates() == []
    assert _both() == {(38e9, 1)}  # the English report, counted again


def test_confirming_needs_two_existing_reports(reports):
    french, _ = reports
    with pytest.raises(ValueError):
        ConfirmDeal([french, french]).apply()
    with pytest.raises(LookupError):
        ConfirmDeal([french, 9999]).apply()
    assert _duplicates() == []


def test_removing_a_report_and_undoing_keeps_the_deal_confirmed(reports):
    from desktop.core.operations import RemoveAnnotations

    french, english = reports
    ConfirmDeal([french, english]).apply()
    remove = RemoveAnnotations([english])
    remove.apply()
    assert _duplicates() == []  # gone with the amount (cascade)
    remove.revert()
    assert _duplicates() == [(english, french)]
    assert _both() == {(38e9, 1)}  # still counted once


def _groups() -> list[list[int]]:
    return [[d.amount_id for d in g.deals] for g in group_deals(list_deals())]


def test_removing_the_kept_report_of_three_keeps_the_other_two_counted_once(reports):
    from desktop.core.operations import RemoveAnnotations

    french, english = reports
    third = _third()
    ConfirmDeal([french, english, third]).apply()
    remove = RemoveAnnotations([french])

    change = remove.apply()

    assert _duplicates() == [(third, english)]  # counted with the earliest left
    assert _both() == {(38e9, 1)}
    assert change.relations and len(change.article_ids) == 3  # the money moved there
    remove.revert()
    assert _duplicates() == [(english, french), (third, french)]
    assert _both() == {(38e9, 1)}
    remove.apply()  # redo
    assert _duplicates() == [(third, english)]
    assert _both() == {(38e9, 1)}


def test_removing_a_duplicate_of_three_keeps_the_deal(reports):
    from desktop.core.operations import RemoveAnnotations

    french, english = reports
    third = _third()
    ConfirmDeal([french, english, third]).apply()
    remove = RemoveAnnotations([english])

    remove.apply()

    assert _duplicates() == [(third, french)]
    assert _both() == {(38e9, 1)}
    remove.revert()
    assert _duplicates() == [(english, french), (third, french)]


def test_splitting_a_proposed_group_makes_two_deals_and_undo_proposes_it_again(reports):
    french, english = reports
    assert _groups() == [[french, english]]  # proposed by the rule, not confirmed

    split = SplitDeal([french, english])
    split.apply()
    assert _groups() == [[french], [english]]
    assert _both() == {(76e9, 2)}

    split.revert()
    assert _duplicates() == []
    assert _groups() == [[french, english]]


def test_a_report_set_apart_is_not_proposed_with_a_new_one(reports):
    french, english = reports
    SplitDeal([french, english]).apply()
    third = _third()
    assert _groups() == [[french], [english], [third]]
    assert _both() == {(114e9, 3)}


def test_counting_once_reports_the_rule_keeps_apart(reports):
    french, english = reports
    later = _report("Rumeur", "OpenAI et AWS : 30 milliards de dollars, disait-on.",
                    "30 milliards de dollars", dt.date(2025, 10, 1), "fr")
    database.execute_sql("UPDATE annotation SET value = ? WHERE id = ?", (30e9, later))
    assert _groups() == [[later], [french, english]]  # 30 and 38 billion: two deals

    ConfirmDeal([later, french, english]).apply()
    [group] = group_deals(list_deals())
    assert group.confirmed and [d.amount_id for d in group.deals] == [later, french, english]
    assert _both() == {(30e9, 1)}  # counted once, as its earliest report says


def test_a_new_report_is_proposed_into_a_confirmed_deal(reports):
    french, english = reports
    ConfirmDeal([french, english]).apply()
    third = _third()
    [group] = group_deals(list_deals())
    assert [d.amount_id for d in group.deals] == [french, english, third]
    assert not group.confirmed  # the new report is a proposal, counted until confirmed
    assert _both() == {(76e9, 2)}


def test_leaving_the_kept_report_out_keeps_the_others_counted_once(reports):
    french, english = reports
    third = _third()
    ConfirmDeal([french, english, third]).apply()
    assert _both() == {(38e9, 1)}

    leave = LeaveOutOfDeal(french, [french, english, third])
    change = leave.apply()
    assert len(change.article_ids) == 3
    assert _duplicates() == [(french, french), (third, english)]
    assert _groups() == [[french], [english, third]]
    assert group_deals(list_deals())[1].confirmed
    assert _both() == {(76e9, 2)}  # the French report on its own, the other two once

    leave.revert()
    assert _duplicates() == [(english, french), (third, french)]
    assert _both() == {(38e9, 1)}
    leave.apply()  # redo
    assert _duplicates() == [(french, french), (third, english)]


def test_leaving_a_report_out_of_a_proposal_sets_it_apart_only(reports):
    french, english = reports
    third = _third()
    LeaveOutOfDeal(english, [french, english, third]).apply()
    assert _duplicates() == [(english, english)]
    assert _groups() == [[french, third], [english]]  # the other two still proposed
    assert _both() == {(114e9, 3)}
    with pytest.raises(ValueError):
        LeaveOutOfDeal(french, [french]).apply()


def test_leaving_one_out_keeps_the_others_counted_with_a_report_outside_the_group(reports):
    """The report the others are counted with is no longer a deal (its links are gone):
    leaving one out keeps the others counted with it, as they were."""
    french, english = reports
    third = _third()
    first = _report("Avant", "OpenAI et AWS : 38 milliards de dollars.",
                    "38 milliards de dollars", dt.date(2025, 11, 1), "fr")
    ConfirmDeal([first, french, english, third]).apply()
    database.execute_sql("DELETE FROM relation WHERE source_id = ? OR target_id = ?",
                         (first, first))
    assert _groups() == [[french, english, third]]
    with aggregates._direct():  # all three counted with the one that is no longer a deal
        rows = aggregates.money_per_entity(Scope.corpus(), "relation", "USD", limit=None).rows
    assert "OpenAI" not in [row.entity for row in rows]

    LeaveOutOfDeal(third, [french, english, third]).apply()

    assert _duplicates() == [(french, first), (english, first), (third, third)]
    assert _both() == {(38e9, 1)}  # the one left out, on its own


def test_confirming_keeps_a_report_counted_with_one_of_the_group_and_undo_restores(reports):
    french, english = reports
    third = _third()
    ConfirmDeal([english, third]).apply()
    assert _duplicates() == [(third, english)]

    confirm = ConfirmDeal([french, english])  # the third report is not in it
    confirm.apply()
    assert confirm.kept_id == french
    assert _duplicates() == [(english, french), (third, english)]  # counted through english
    assert group_deals(list_deals())[0].confirmed
    assert _both() == {(38e9, 1)}

    confirm.revert()
    assert _duplicates() == [(third, english)]
    assert _both() == {(76e9, 2)}


def test_undoing_a_removal_after_another_pane_set_the_other_report_apart(reports):
    """Each pane has its own undo history: a deal step may come between a removal and
    its undo. The undo puts the deal back as the removal found it, without a clash."""
    from desktop.core.operations import RemoveAnnotations

    french, english = reports
    ConfirmDeal([french, english]).apply()
    remove = RemoveAnnotations([french])
    remove.apply()
    SplitDeal([english]).apply()  # from the other pane: counted on its own, set apart
    assert _duplicates() == [(english, english)]

    remove.revert()

    assert _duplicates() == [(english, french)]
    assert _both() == {(38e9, 1)}
