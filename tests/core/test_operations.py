"""Undoable annotation operations, checked against what the database holds."""

from __future__ import annotations

import pytest

from db import annotations as store
from db.annotations import label_by_name
from db.articles import get_article
from desktop.core.operations import (
    AddAnnotations,
    EditAnnotations,
    RemoveAnnotations,
    new_annotation,
)

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL


def _tag(article_id: int, word: str, label: str) -> AddAnnotations:
    body = get_article(article_id).body
    start = body.index(word)
    record = new_annotation(body, article_id, label_by_name(label).id, start, start + len(word))
    return AddAnnotations([record])


def test_add_undo_redo_round_trips_to_the_database(article_id):
    op = _tag(article_id, "Nvidia", "ORG")
    op.apply()
    [stored] = store.annotations_for_article(article_id)
    assert stored.quote == "Nvidia"
    assert get_article(article_id).body[stored.start:stored.end] == "Nvidia"

    op.revert()
    assert store.annotations_for_article(article_id) == []

    op.apply()
    [again] = store.annotations_for_article(article_id)
    assert again.id == stored.id and again.quote == "Nvidia"


def test_remove_and_undo_restores_every_field(article_id):
    add = _tag(article_id, "38\u00a0milliards de dollars", "MONEY")
    add.apply()
    [ann_id] = add.ids
    EditAnnotations([ann_id], {"value": 3.8e10, "unit": "USD", "note": "deal"}).apply()
    before = store.get_annotation(ann_id)

    remove = RemoveAnnotations([ann_id])
    remove.apply()
    assert store.get_annotation(ann_id) is None
    remove.revert()
    assert store.get_annotation(ann_id) == before


def test_edit_undo_restores_previous_values(article_id):
    add = _tag(article_id, "AWS", "ORG")
    add.apply()
    [ann_id] = add.ids
    edit = EditAnnotations([ann_id], {"label_id": label_by_name("PRODUCT").id, "note": "cloud"})
    edit.apply()
    assert store.get_annotation(ann_id).label_id == label_by_name("PRODUCT").id
    edit.revert()
    restored = store.get_annotation(ann_id)
    assert restored.label_id == label_by_name("ORG").id and restored.note == ""


def test_link_and_undo_and_removing_a_linked_annotation_restores_its_links(article_id):
    from db.annotations import relations_for_article
    from desktop.core.operations import LinkAnnotations

    money, org = _tag(article_id, "38\u00a0milliards de dollars", "MONEY"), _tag(
        article_id, "AWS", "ORG")
    money.apply()
    org.apply()
    link = LinkAnnotations([(money.ids[0], org.ids[0])])
    link.apply()
    assert [r[1:] for r in relations_for_article(article_id)] == [
        ("deal", money.ids[0], org.ids[0])]

    remove = RemoveAnnotations([org.ids[0]])
    remove.apply()
    assert relations_for_article(article_id) == []
    remove.revert()
    assert [r[1:] for r in relations_for_article(article_id)] == [
        ("deal", money.ids[0], org.ids[0])]

    link.revert()
    assert relations_for_article(article_id) == []


def test_many_annotations_go_in_together_and_keep_their_ids_on_redo(article_id):
    body = get_article(article_id).body
    org = label_by_name("ORG").id
    words = [(i, i + 1) for i in range(0, 60)]
    op = AddAnnotations([new_annotation(body, article_id, org, s, e) for s, e in words])
    op.apply()
    stored = store.annotations_for_article(article_id)
    assert len(stored) == 60 and len(set(op.ids)) == 60
    assert [(a.start, a.end) for a in stored] == words
    first = list(op.ids)
    op.revert()
    assert store.annotations_for_article(article_id) == []
    op.apply()  # redo: the same ids
    assert op.ids == first
    assert [a.id for a in store.annotations_for_article(article_id)] == sorted(first)
