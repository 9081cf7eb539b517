"""Log rows written elsewhere become the Change the views follow (desktop.core.remote_changes).

The rows here are this process's own (read back whatever their origin):
what they stand for does not depend on who wrote them.
"""

from __future__ import annotations

import pytest

from db import change_log
from db.change_log import LogRow
from desktop.core.remote_changes import MANY, change_from_log
from tests.helpers import store_article, tag

pytestmark = pytest.mark.both_backends


def rows_after(after: int) -> list[LogRow]:
    """Every log row after ``after``, whoever wrote it."""
    from db.models import database

    return [LogRow(*row) for row in database.execute_sql(
        "SELECT id, origin, kind, action, row_id, article_id, label_id FROM change_log "
        "WHERE id > ? ORDER BY id", (after,))]


def test_annotations_added_updated_and_removed(db, article_id):
    from db.reads import get_annotation
    from desktop.core.operations import EditAnnotations, RemoveAnnotations

    kept = tag(article_id, "Nvidia", "ORG")
    doomed = tag(article_id, "AWS", "ORG")
    start = change_log.latest_id()
    added = tag(article_id, "OpenAI", "ORG", entity="OpenAI")
    EditAnnotations([kept], {"note": "fournisseur"}).apply()
    RemoveAnnotations([doomed]).apply()

    change = change_from_log(rows_after(start))

    assert [r.id for r in change.added] == [added]
    assert change.added[0] == get_annotation(added)
    assert [(r.id, r.note) for r in change.updated] == [(kept, "fournisseur")]
    assert [(r.id, r.article_id) for r in change.removed] == [(doomed, article_id)]
    assert change.article_ids == {article_id}
    assert change.entity_names[change.added[0].entity_id] == "OpenAI"
    assert change.concurrent and change.remote and change.relations  # the removed one’s links too
    assert not change.reload and not change.labels


def test_tagged_then_removed_in_one_batch_is_only_removed(db, article_id):
    from desktop.core.operations import RemoveAnnotations

    start = change_log.latest_id()
    brief = tag(article_id, "AWS", "ORG")
    RemoveAnnotations([brief]).apply()

    change = change_from_log(rows_after(start))

    assert change.added == change.updated == ()
    assert [r.id for r in change.removed] == [brief]
    assert change.count_delta() == {article_id: -1}  # hence concurrent: counts are read


def test_removed_then_put_back_is_updated(db, article_id):
    from desktop.core.operations import RemoveAnnotations

    aws = tag(article_id, "AWS", "ORG")
    start = change_log.latest_id()
    step = RemoveAnnotations([aws])
    step.apply()
    step.revert()

    change = change_from_log(rows_after(start))

    assert [r.id for r in change.updated] == [aws] and change.added == change.removed == ()


def test_links_labels_suggestions_and_articles_set_their_flags(db, article_id):
    from desktop.core.operations import (
        AddLabel,
        LinkAnnotations,
        RejectSuggestions,
        SetCurrencyHint,
    )

    openai = tag(article_id, "OpenAI", "ORG")
    money = tag(article_id, "38\u00a0milliards de dollars", "MONEY", value=3.8e10, unit="USD")
    other = store_article("Autre", "Nvidia fournit des GPU.", "fr")
    start = change_log.latest_id()

    LinkAnnotations([(money, openai)]).apply()
    assert change_from_log(rows_after(start)).relations
    assert change_from_log(rows_after(start)).article_ids == {article_id}

    start = change_log.latest_id()
    AddLabel("CLOUD", "entity", "#123456").apply()
    assert change_from_log(rows_after(start)).labels

    start = change_log.latest_id()
    RejectSuggestions(other, [(0, 6, 1)]).apply()
    change = change_from_log(rows_after(start))
    assert change.suggestions and change.article_ids == {other}

    start = change_log.latest_id()
    SetCurrencyHint(other, "CAD").apply()
    change = change_from_log(rows_after(start))
    assert change.articles_edited == {other} and change.suggestions

    start = change_log.latest_id()
    new = store_article("Nouveau", "Microsoft investit.", "fr")
    change = change_from_log(rows_after(start))
    assert change.articles_added == {new} and not change.reload


def test_an_entity_made_elsewhere_sets_the_entities_flag(db, article_id):
    start = change_log.latest_id()
    tag(article_id, "OpenAI", "ORG", entity="OpenAI")
    assert change_from_log(rows_after(start)).entities


def test_an_entity_renamed_elsewhere_has_the_views_read_its_mentions_again(db, article_id):
    from db.entity_admin import rename_entity
    from db.reads import get_annotation

    aws = get_annotation(tag(article_id, "AWS", "ORG", entity="AWS"))
    start = change_log.latest_id()
    rename_entity(aws.entity_id, "Amazon Web Services")

    change = change_from_log(rows_after(start))

    # Its mentions' rows did not change, but every one shows the new name.
    assert change.reload and change.entities and change.remote


def test_a_very_large_batch_asks_the_views_to_read_again(db, article_id):
    rows = [LogRow(i + 1, "elsewhere", "annotation", "insert", 10_000 + i, article_id, 1)
            for i in range(MANY + 1)]
    change = change_from_log(rows)
    assert change.reload and change.concurrent and change.remote and change.added == ()


def test_no_rows_no_change(db):
    change = change_from_log([])
    assert change.annotation_ids == frozenset() and not change.reload
