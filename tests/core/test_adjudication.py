"""Adjudication: the result author's annotations after each decision, its undo and redo."""

from __future__ import annotations

import pytest

from db import annotations as store
from db import relations as relation_store
from db.agreement_reads import authored_annotations
from db.articles import NewArticle, insert_articles
from db.reads import get_article
from db.relations import RelationRecord
from desktop.core.adjudication import (
    ADJUDICATED,
    AcceptAgreed,
    AcceptVersion,
    Choice,
    disputed_spans,
)
from desktop.core.agreement import DifferenceKind, Span, differences
from desktop.core.text import content_hash
from tests.helpers import tag

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL

# Astral characters (an emoji, a ZWJ sequence), a combining accent and CRLF line
# ends before the tags: an offset counted in UTF-16 units or bytes would miss them.
BODY = ("😀 Alpha Corp signe avec Beta Ltd.\r\n"
        "Cafe\u0301 👩\u200d🚒 Gamma SA rejoint Delta Inc.\r\n"
        "Delta Inc paie 38 M€ à Epsilon.")
A, B = "alice", "bob"


@pytest.fixture
def article(db) -> int:
    """Alice and Bob agree on Alpha Corp and differ in every other way.

    ====================  ==========================  ==========================
    where                 alice                       bob
    ====================  ==========================  ==========================
    Alpha Corp            ORG                         ORG
    Beta Ltd              ORG                         —
    Gamma SA              —                           ORG
    Delta Inc (first)     ORG                         PERSON
    38 M€                 MONEY "38 M€" 3.8e7 EUR     MONEY "paie 38 M€" ≈, ≥ 3.8e7
    ====================  ==========================  ==========================
    """
    [article_id] = insert_articles([NewArticle("Essai", BODY, content_hash(BODY), "fr")])
    assert get_article(article_id).body == BODY  # kept as written, CRLF and all
    for author in (A, B):
        tag(article_id, "Alpha Corp", "ORG", entity="Alpha Corp", author=author)
    tag(article_id, "Beta Ltd", "ORG", author=A)
    tag(article_id, "Gamma SA", "ORG", author=B)
    tag(article_id, "Delta Inc", "ORG", author=A)
    tag(article_id, "Delta Inc", "PERSON", author=B)
    tag(article_id, "38 M€", "MONEY", author=A, value=3.8e7, unit="EUR", note="alice's")
    tag(article_id, "paie 38 M€", "MONEY", author=B, value=3.8e7, unit="EUR", approx=True,
        bound="min")
    return article_id


def _label_spans(article_id: int, author: str) -> list[tuple[int, int, str]]:
    names = {label.id: label.name for label in store.labels()}
    return sorted((r.start, r.end, names[r.label_id])
                  for r in authored_annotations(article_id, [author]))


def _differences(article_id: int):
    return differences(_label_spans(article_id, A), _label_spans(article_id, B))


def _at(text: str) -> tuple[int, int]:
    start = BODY.index(text)
    return start, start + len(text)


def result(article_id: int) -> list[tuple]:
    """What the result author holds: (quote, label, value, unit, approx, bound, note)."""
    names = {label.id: label.name for label in store.labels()}
    rows = []
    for r in authored_annotations(article_id, [ADJUDICATED]):
        assert BODY[r.start:r.end] == r.quote  # code points into the body
        assert r.status == "accepted"
        rows.append((r.quote, names[r.label_id], r.value, r.unit, r.approx, r.bound, r.note))
    return sorted(rows)


def test_the_differences_of_the_example(article):
    kinds = [(d.kind, d.a and BODY[d.a.start:d.a.end], d.b and BODY[d.b.start:d.b.end])
             for d in _differences(article)]
    assert kinds == [
        (DifferenceKind.ONLY_A, "Beta Ltd", None),
        (DifferenceKind.ONLY_B, None, "Gamma SA"),
        (DifferenceKind.LABEL, "Delta Inc", "Delta Inc"),
        (DifferenceKind.BOUNDARIES, "38 M€", "paie 38 M€"),
    ]


ALICE = [("38 M€", "MONEY", 3.8e7, "EUR", False, None, ""),
         ("Beta Ltd", "ORG", None, None, False, None, ""),
         ("Delta Inc", "ORG", None, None, False, None, "")]
BOB = [("Delta Inc", "PERSON", None, None, False, None, ""),
       ("Gamma SA", "ORG", None, None, False, None, ""),
       ("paie 38 M€", "MONEY", 3.8e7, "EUR", True, "min", "")]


def test_taking_a_then_b_then_undo_and_redo(article):
    before = {r.id: r for r in store.annotations_for_article(article)}
    taken_a = []
    for difference in _differences(article):
        operation = AcceptVersion(article, difference, (A, B), Choice.A)
        operation.apply()
        taken_a.append(operation)
    assert result(article) == ALICE  # Gamma SA: Alice has none there
    taken_b = []
    for difference in _differences(article):
        operation = AcceptVersion(article, difference, (A, B), Choice.B)
        change = operation.apply()
        assert change.article_ids == {article}
        taken_b.append(operation)
    assert result(article) == BOB

    for operation in reversed(taken_b):  # undo, step by step, back to Alice's
        operation.revert()
    assert result(article) == ALICE
    ids_with_a = sorted(r.id for r in authored_annotations(article, [ADJUDICATED]))
    for operation in reversed(taken_a):
        operation.revert()
    assert result(article) == []
    # Nobody's own work was touched on the way.
    assert {r.id: r for r in store.annotations_for_article(article)} == before

    for operation in taken_a:  # redo: the same rows, under the same ids
        operation.apply()
    assert result(article) == ALICE
    assert sorted(r.id for r in authored_annotations(article, [ADJUDICATED])) == ids_with_a
    for operation in taken_b:
        operation.apply()
    assert result(article) == BOB


def test_a_copy_keeps_the_entity_and_the_amount(article):
    alpha = next(r for r in authored_annotations(article, [A]) if r.quote == "Alpha Corp")
    AcceptAgreed(article, (A, B)).apply()
    money = next(d for d in _differences(article) if d.kind is DifferenceKind.BOUNDARIES)
    AcceptVersion(article, money, (A, B), Choice.B).apply()
    copies = {r.quote: r for r in authored_annotations(article, [ADJUDICATED])}
    assert copies["Alpha Corp"].entity_id == alpha.entity_id is not None
    amount = copies["paie 38 M€"]
    assert (amount.value, amount.unit, amount.approx, amount.bound) == (3.8e7, "EUR", True,
                                                                         "min")
    assert amount.author == ADJUDICATED


def test_neither_empties_the_result_there(article):
    label = next(d for d in _differences(article) if d.kind is DifferenceKind.LABEL)
    AcceptVersion(article, label, (A, B), Choice.A).apply()
    neither = AcceptVersion(article, label, (A, B), Choice.NEITHER)
    change = neither.apply()
    assert result(article) == []
    assert [r.quote for r in change.removed] == ["Delta Inc"]
    neither.revert()
    assert result(article) == [("Delta Inc", "ORG", None, None, False, None, "")]
    assert neither.name == "Take neither version"


def test_taking_the_same_version_again_keeps_the_copy_and_its_links(article):
    AcceptAgreed(article, (A, B)).apply()
    money = next(d for d in _differences(article) if d.kind is DifferenceKind.BOUNDARIES)
    AcceptVersion(article, money, (A, B), Choice.A).apply()
    copies = {r.quote: r for r in authored_annotations(article, [ADJUDICATED])}
    [link] = relation_store.insert_relations([RelationRecord(
        None, "deal", copies["38 M€"].id, copies["Alpha Corp"].id)])

    again = AcceptVersion(article, money, (A, B), Choice.A)
    change = again.apply()
    assert not change.added and not change.removed
    assert store.get_annotation(copies["38 M€"].id) is not None

    other = AcceptVersion(article, money, (A, B), Choice.B)
    change = other.apply()
    assert change.relations and [r.quote for r in change.removed] == ["38 M€"]
    assert relation_store.relations_touching([copies["38 M€"].id]) == []
    other.revert()  # the copy and its link come back with their ids
    assert store.get_annotation(copies["38 M€"].id) == copies["38 M€"]
    assert [r.id for r in relation_store.relations_touching([copies["38 M€"].id])] == [link]


def test_overlapping_differences_keep_each_others_decision(db):
    """A long span of A over two short ones of B: taking B's twice keeps both."""
    body = "La Banque de France publie."
    [article] = insert_articles([NewArticle("Banque", body, content_hash(body), "fr")])
    tag(article, "Banque de France", "ORG", author=A)
    tag(article, "Banque", "ORG", author=B)
    tag(article, "France", "PLACE", author=B)
    rows = differences(_label_spans(article, A), _label_spans(article, B))
    assert [d.kind for d in rows] == [DifferenceKind.BOUNDARIES] * 2
    for difference in rows:
        AcceptVersion(article, difference, (A, B), Choice.B).apply()
    assert sorted(r.quote for r in authored_annotations(article, [ADJUDICATED])) == [
        "Banque", "France"]


def test_accept_where_they_agree(article):
    operation = AcceptAgreed(article, (A, B))
    change = operation.apply()
    assert result(article) == [("Alpha Corp", "ORG", None, None, False, None, "")]
    assert [r.quote for r in change.added] == ["Alpha Corp"]
    assert not AcceptAgreed(article, (A, B)).apply().added  # held already: not twice
    operation.revert()
    assert result(article) == []
    operation.apply()
    assert [r.id for r in authored_annotations(article, [ADJUDICATED])] == [
        r.id for r in change.added]


def test_a_source_gone_meanwhile_is_refused_and_nothing_changes(article):
    only_a = _differences(article)[0]
    [beta] = [r for r in authored_annotations(article, [A]) if r.quote == "Beta Ltd"]
    store.delete_annotations([beta.id])
    with pytest.raises(LookupError):
        AcceptVersion(article, only_a, (A, B), Choice.A).apply()
    assert result(article) == []


def test_the_result_is_not_an_annotator_of_adjudication(article):
    with pytest.raises(ValueError):
        AcceptAgreed(article, (A, ADJUDICATED))
    with pytest.raises(ValueError):
        AcceptAgreed(article, (A, A))


def test_disputed_spans_of_three_authors():
    shared = (0, 5, "ORG")
    spans = {"a": [shared, (6, 9, "ORG")], "b": [shared, (6, 9, "PLACE")], "c": [shared]}
    assert disputed_spans(spans) == {Span(6, 9, "ORG"), Span(6, 9, "PLACE")}
    assert disputed_spans({"a": [shared, (6, 9, "ORG")]}) == set()  # one author: none
    assert disputed_spans({"a": [shared], "b": [shared], "c": []}) == {Span(*shared)}


def test_undoing_a_decision_changed_elsewhere_since_asks_first(article):
    from desktop.core.operations import ChangedMeanwhile, EditAnnotations

    difference = _differences(article)[0]
    taken = AcceptVersion(article, difference, (A, B), Choice.A)
    taken.apply()
    [copy] = authored_annotations(article, [ADJUDICATED])
    EditAnnotations([copy.id], {"note": "checked by the lead"}).apply()  # another window

    with pytest.raises(ChangedMeanwhile) as refused:
        taken.revert()

    assert refused.value.can_force
    assert [r.note for r in authored_annotations(article, [ADJUDICATED])] == [
        "checked by the lead"]  # nothing undone
    taken.force = True  # the user said: undo anyway
    taken.revert()
    assert result(article) == []


def test_replacing_the_kept_report_of_a_deal_keeps_the_other_two_counted_once(article):
    from db import deal_duplicates
    from desktop.core.deal_operations import ConfirmDeal

    money = next(d for d in _differences(article) if d.kind is DifferenceKind.BOUNDARIES)
    AcceptVersion(article, money, (A, B), Choice.A).apply()
    copy = next(r for r in authored_annotations(article, [ADJUDICATED]) if r.quote == "38 M€")
    others = []
    for title in ("Suite", "Encore"):
        body = f"{title} : Delta Inc paie 38 M€ à Epsilon."
        [other] = insert_articles([NewArticle(title, body, content_hash(body), "fr")])
        others.append(tag(other, "38 M€", "MONEY", value=3.8e7, unit="EUR"))
    ConfirmDeal([copy.id, *others]).apply()  # undated all: the first article's is kept
    assert deal_duplicates.touching(others) == [(others[0], copy.id), (others[1], copy.id)]

    replaced = AcceptVersion(article, money, (A, B), Choice.B)
    change = replaced.apply()

    assert deal_duplicates.touching(others) == [(others[1], others[0])]
    assert change.relations and len(change.article_ids) == 3
    replaced.revert()
    assert deal_duplicates.touching(others) == [(others[0], copy.id), (others[1], copy.id)]
