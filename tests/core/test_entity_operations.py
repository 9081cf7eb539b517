"""Rename, merge, split and delete entities: what each step stores, undoes and redoes."""

from __future__ import annotations

from typing import Any

import pytest

from db import entities as entity_store
from db.annotations import label_by_name
from db.entity_admin import articles_mentioning, entity_rows
from db.models import database
from db.reads import get_annotation
from db.relations import RelationRecord, insert_relations
from desktop.core.entity_operations import (
    DeleteEntity,
    MergeEntities,
    RenameEntity,
    SplitAlias,
)
from tests.helpers import store_article, tag

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL

FIRST = ("Amazon Web Services signe avec OpenAI. AWS fournit les GPU, et d’AWS "
         "viendront les serveurs, dit Sam Altman pour 38 milliards de dollars.")
SECOND = "AWS et OpenAI : Sam Altman confirme. Amazon Web Services se tait."


def _rows(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in database.execute_sql(sql, params).fetchall()]


def state() -> dict[str, list[tuple[Any, ...]]]:
    """Entities, aliases, links of the annotations and relations, with their ids."""
    return {
        "entity": _rows('SELECT id, name, label_id, "key" FROM entity ORDER BY id'),
        "alias": _rows('SELECT id, entity_id, alias, "key" FROM entity_alias ORDER BY id'),
        "annotation": _rows("SELECT id, article_id, label_id, start, \"end\", quote, entity_id, "
                            "value, note, status, created_at FROM annotation ORDER BY id"),
        "relation": _rows("SELECT id, kind, source_id, target_id FROM relation ORDER BY id"),
    }


def _label(name: str) -> int:
    label = label_by_name(name)
    assert label is not None
    return label.id


def _entity(name: str) -> int:
    found = entity_store.find_entity(name, _label("ORG"))
    assert found is not None, name
    return found


def _names() -> dict[int, str]:
    return {i: n for i, n, *_ in state()["entity"]}


def _aliases(entity_id: int) -> list[str]:
    return [a for _, e, a, _ in state()["alias"] if e == entity_id]


@pytest.fixture
def corpus(db) -> dict[str, int]:
    """Two articles: "Amazon Web Services" and "AWS" tagged as two ORG entities."""
    first, second = store_article("Premier", FIRST), store_article("Second", SECOND)
    ids = {
        "aws_name": tag(first, "Amazon Web Services", "ORG", entity="Amazon Web Services"),
        "aws_1": tag(first, "AWS", "ORG", entity="AWS"),
        "aws_elided": tag(first, "d’AWS", "ORG", entity="AWS"),
        "aws_2": tag(second, "AWS", "ORG", entity="AWS"),
        "aws_name_2": tag(second, "Amazon Web Services", "ORG", entity="Amazon Web Services"),
        "openai": tag(first, "OpenAI", "ORG", entity="OpenAI"),
        "altman": tag(first, "Sam Altman", "PERSON", entity="Sam Altman"),
        "money": tag(first, "38 milliards de dollars", "MONEY", value=3.8e10, unit="USD"),
    }
    entity_store.insert_alias(_entity("AWS"), "A.W.S.")
    entity_store.insert_alias(_entity("AWS"), "Amazon Web Services")  # the target's key
    insert_relations([RelationRecord(None, "deal", ids["money"], ids["aws_1"])])
    return {**ids, "first": first, "second": second}


def _round_trip(op: Any) -> tuple[Any, Any]:
    """Applies, reverts and re-applies ``op``; checks undo and redo restore exact rows."""
    before = state()
    change = op.apply()
    applied = state()
    undo = op.revert()
    assert state() == before
    op.apply()
    assert state() == applied  # the same rows under the same ids
    return change, undo


# --- the list ---------------------------------------------------------------------------


def test_the_list_counts_mentions_and_articles_and_filters(corpus):
    rows = {row.name: row for row in entity_rows()}
    aws = rows["AWS"]
    assert (aws.label, aws.mentions, aws.articles) == ("ORG", 3, 2)
    assert aws.aliases == ("A.W.S.", "Amazon Web Services")
    assert (rows["Amazon Web Services"].mentions, rows["Amazon Web Services"].articles) == (2, 2)
    assert rows["Sam Altman"].label == "PERSON"

    assert {r.name for r in entity_rows("a.w.s")} == {"AWS"}  # by alias
    assert {r.name for r in entity_rows("AMAZON web")} == {"AWS", "Amazon Web Services"}
    assert {r.name for r in entity_rows(label_id=_label("PERSON"))} == {"Sam Altman"}
    assert entity_rows("altman", _label("ORG")) == []
    assert entity_rows("100%") == []  # LIKE's wildcards are plain characters
    assert articles_mentioning(_entity("AWS")) == sorted([corpus["first"], corpus["second"]])


# --- merge ------------------------------------------------------------------------------


def test_merging_aws_into_amazon_web_services_moves_every_mention_in_one_step(corpus):
    target, source = _entity("Amazon Web Services"), _entity("AWS")
    op = MergeEntities([source], target)
    change, undo = _round_trip(op)

    mentions = [corpus[k] for k in ("aws_1", "aws_elided", "aws_2")]
    assert {get_annotation(i).entity_id for i in mentions} == {target}
    assert source not in _names()
    # "AWS" and "A.W.S." become its aliases; "Amazon Web Services" is its own name.
    assert _aliases(target) == ["AWS", "A.W.S."]
    assert state()["relation"] == [(1, "deal", corpus["money"], corpus["aws_1"])]

    assert sorted(r.id for r in change.updated) == sorted(mentions)
    assert {r.entity_id for r in change.updated} == {target}
    assert dict(change.entity_names) == {target: "Amazon Web Services"} and change.entities
    assert change.article_ids == {corpus["first"], corpus["second"]}
    assert {r.entity_id for r in undo.updated} == {source}
    assert dict(undo.entity_names) == {source: "AWS"}


def test_merging_several_entities_keeps_one_alias_per_key(corpus):
    target = _entity("Amazon Web Services")
    amazon = entity_store.insert_entity("Amazon", _label("ORG"))
    entity_store.insert_alias(amazon, "aws")  # the same key as the other source's name
    op = MergeEntities([_entity("AWS"), amazon, target], target)
    _round_trip(op)
    assert _aliases(target) == ["AWS", "Amazon", "A.W.S."]
    assert set(_names().values()) == {"Amazon Web Services", "OpenAI", "Sam Altman"}


def test_merging_entities_of_different_labels_is_refused(corpus):
    before = state()
    altman = entity_store.find_entity("Sam Altman", _label("PERSON"))
    op = MergeEntities([altman], _entity("AWS"))
    with pytest.raises(ValueError, match="same label.*Sam Altman.*PERSON.*AWS.*ORG"):
        op.apply()
    with pytest.raises(ValueError, match="other entity"):
        MergeEntities([_entity("AWS")], _entity("AWS")).apply()
    assert state() == before


# --- rename -----------------------------------------------------------------------------


def test_renaming_keeps_the_old_name_as_an_alias_when_mentions_use_it(corpus):
    aws = _entity("AWS")
    op = RenameEntity(aws, "  Amazon   AWS ")
    change, undo = _round_trip(op)
    assert _names()[aws] == "Amazon AWS"
    assert _aliases(aws) == ["A.W.S.", "Amazon Web Services", "AWS"]  # the old name last
    assert {i: k for i, _, _, k in state()["entity"]}[aws] == "amazon aws"  # its key

    assert sorted(r.id for r in change.updated) == sorted(
        corpus[k] for k in ("aws_1", "aws_elided", "aws_2"))
    assert dict(change.entity_names) == {aws: "Amazon AWS"} and change.entities
    assert dict(undo.entity_names) == {aws: "AWS"}


def test_renaming_to_an_alias_drops_it_and_an_unused_old_name_is_not_kept(db):
    article = store_article("A", "Big Blue a parlé.")
    entity_id = entity_store.insert_entity("IBM", _label("ORG"))
    entity_store.insert_alias(entity_id, "Big Blue")
    tag(article, "Big Blue", "ORG", entity_id=entity_id)
    _round_trip(RenameEntity(entity_id, "big blue"))
    assert _names()[entity_id] == "big blue"
    assert _aliases(entity_id) == []  # no mention reads "IBM"


def test_a_change_of_case_adds_no_alias(corpus):
    aws = _entity("AWS")
    _round_trip(RenameEntity(aws, "Aws"))
    assert _aliases(aws) == ["A.W.S.", "Amazon Web Services"]


@pytest.mark.parametrize(("name", "message"), [
    ("  ", "needs a name"),
    ("AWS", "already called"),
    ("openai", "“OpenAI” is already an entity: merge them instead"),
    ("A.W.S.", None),  # its own alias: allowed
])
def test_renaming_refuses_an_empty_or_taken_name(corpus, name, message):
    op = RenameEntity(_entity("AWS"), name)
    if message is None:
        op.apply()
        return
    before = state()
    with pytest.raises(ValueError, match=message):
        op.apply()
    assert state() == before


def test_renaming_to_another_entitys_alias_is_refused_but_another_label_is_free(corpus):
    openai = _entity("OpenAI")
    with pytest.raises(ValueError, match="“A.W.S.” is already a name of “AWS”"):
        RenameEntity(openai, "A.W.S.").apply()
    altman = entity_store.find_entity("Sam Altman", _label("PERSON"))
    RenameEntity(altman, "OpenAI").apply()  # a PERSON may be called like an ORG
    assert _names()[altman] == "OpenAI"


# --- split ------------------------------------------------------------------------------


def test_splitting_an_alias_off_moves_the_mentions_it_names(corpus):
    target = _entity("Amazon Web Services")
    MergeEntities([_entity("AWS")], target).apply()
    op = SplitAlias(target, "AWS")
    change, _undo = _round_trip(op)
    assert op.new_id is not None
    assert _names()[op.new_id] == "AWS"
    assert _aliases(target) == ["A.W.S."]
    moved = [corpus[k] for k in ("aws_1", "aws_elided", "aws_2")]  # "d’AWS" too: same key
    assert sorted(r.id for r in change.updated) == sorted(moved)
    assert {get_annotation(i).entity_id for i in moved} == {op.new_id}
    assert get_annotation(corpus["aws_name"]).entity_id == target
    assert dict(change.entity_names) == {op.new_id: "AWS"}


def test_undoing_a_split_takes_back_mentions_linked_to_the_new_entity_since(corpus):
    from desktop.core.operations import AddAnnotations, new_annotation

    target = _entity("Amazon Web Services")
    MergeEntities([_entity("AWS")], target).apply()
    op = SplitAlias(target, "AWS")
    op.apply()
    body = "Chez AWS, encore."
    later = store_article("Plus tard", body)
    tagged = AddAnnotations([new_annotation(body, later, _label("ORG"), 5, 8)])
    tagged.apply()  # outside this step's undo (as an import would be): it names "AWS"
    assert get_annotation(tagged.ids[0]).entity_id == op.new_id
    undo = op.revert()
    assert get_annotation(tagged.ids[0]).entity_id == target  # never left without one
    assert tagged.ids[0] in {r.id for r in undo.updated}


def test_splitting_refuses_what_is_not_an_alias_or_is_another_entity(corpus):
    aws = _entity("AWS")
    before = state()
    with pytest.raises(ValueError, match="not a name of"):
        SplitAlias(aws, "Nothing").apply()
    with pytest.raises(ValueError, match="“Amazon Web Services” is already an entity"):
        SplitAlias(aws, "Amazon Web Services").apply()
    assert state() == before


# --- delete -----------------------------------------------------------------------------


def test_deleting_an_entity_deletes_its_aliases_tags_and_their_relations(corpus):
    aws = _entity("AWS")
    op = DeleteEntity(aws)
    change, undo = _round_trip(op)
    gone = sorted(corpus[k] for k in ("aws_1", "aws_elided", "aws_2"))
    assert aws not in _names() and _aliases(aws) == []
    assert [get_annotation(i) for i in gone] == [None] * 3
    assert state()["relation"] == []
    assert sorted(r.id for r in change.removed) == gone
    assert change.relations and change.entities
    assert sorted(r.id for r in undo.added) == gone and undo.relations
    assert dict(undo.entity_names) == {aws: "AWS"}


def test_a_missing_entity_is_reported(db):
    with pytest.raises(LookupError, match="no longer exists"):
        RenameEntity(999, "X").apply()
    with pytest.raises(LookupError, match="no longer exists"):
        DeleteEntity(999).apply()
