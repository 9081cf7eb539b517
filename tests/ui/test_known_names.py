"""The names the suggestions look for (desktop.ui.known_names) follow every step."""

from __future__ import annotations

from typing import Any

from db import entities as entity_store
from db.annotations import label_by_name
from db.articles import get_article
from desktop.core.entity_operations import DeleteEntity
from desktop.core.operations import AddAnnotations, new_annotation
from desktop.ui.commands import OperationRunner
from desktop.ui.known_names import KnownNames
from desktop.ui.reader_controller import LabelSet
from tests.helpers import store_article


def _tag(article_id: int, text: str) -> None:
    article = get_article(article_id)
    assert article is not None
    start = article.body.index(text)
    AddAnnotations([new_annotation(article.body, article_id, label_by_name("ORG").id, start,
                                   start + len(text))]).apply()


def test_an_entity_deleted_then_put_back_is_proposed_again_by_its_aliases(
        qapp: Any, db: Any) -> None:
    article = store_article("Cloud", "Amazon Web Services et AWS.")
    _tag(article, "Amazon Web Services")
    amazon = entity_store.find_entity("Amazon Web Services", label_by_name("ORG").id)
    assert amazon is not None
    entity_store.insert_alias(amazon, "Amazon AWS")  # as a merge leaves: no mention reads it
    runner = OperationRunner()
    known = KnownNames(runner, LabelSet(runner))

    def found() -> list[tuple[str, str]]:
        return [(m.text, m.entity) for m in known.matcher().find("Chez Amazon AWS hier.")]

    assert found() == [("Amazon AWS", "Amazon Web Services")]
    assert runner.run(DeleteEntity(amazon))
    assert found() == []
    runner.undo()
    assert found() == [("Amazon AWS", "Amazon Web Services")]
