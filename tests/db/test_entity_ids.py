"""An entity or alias id once given is never given again, so an undo can put it back."""

from __future__ import annotations

from db import entities as entity_store
from db.annotations import label_by_name
from db.models import Entity, EntityAlias
from desktop.core.entity_operations import MergeEntities
from desktop.core.operations import AddAnnotations, new_annotation
from tests.helpers import store_article


def _tag(article_id: int, body: str, word: str) -> None:
    start = body.index(word)
    AddAnnotations([new_annotation(body, article_id, label_by_name("ORG").id, start,
                                   start + len(word))]).apply()


def test_a_merge_is_undone_after_a_new_entity_was_made_meanwhile(db):
    body = "Amazon Web Services et AWS. Plus tard : Nvidia."
    article = store_article("A", body)
    _tag(article, body, "Amazon Web Services")
    _tag(article, body, "AWS")
    org = label_by_name("ORG").id
    amazon = entity_store.find_entity("Amazon Web Services", org)
    aws = entity_store.find_entity("AWS", org)
    assert amazon is not None and aws is not None and aws > amazon
    merge = MergeEntities([aws], amazon)  # in the Entities dock, one pane's history
    merge.apply()
    _tag(article, body, "Nvidia")  # in another pane: a new entity, while AWS's id is free

    nvidia = entity_store.find_entity("Nvidia", org)
    assert nvidia is not None and nvidia > aws  # not AWS's id again
    merge.revert()  # Ctrl+Z in the first pane
    assert sorted((e.id, e.name) for e in Entity.select()) == [
        (amazon, "Amazon Web Services"), (aws, "AWS"), (nvidia, "Nvidia")]


def test_an_alias_id_is_not_given_twice_either(db):
    org = label_by_name("ORG").id
    entity = entity_store.insert_entity("OpenAI", org)
    assert entity_store.insert_alias(entity, "Open AI")
    first = EntityAlias.get(EntityAlias.alias == "Open AI").id
    entity_store.delete_alias(entity, "Open AI")
    assert entity_store.insert_alias(entity, "OpenAI Inc.")
    assert EntityAlias.get(EntityAlias.alias == "OpenAI Inc.").id > first
