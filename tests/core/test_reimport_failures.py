"""A re-import and each review step are all or nothing, like every operation.

With the write refuser of :mod:`tests.core.test_operation_failures`, each
statement of the re-import (inside the import's transaction), of its undo
and redo, and of accepting and removing an annotation under review is
refused in turn: the step must raise and leave every table as it was. Then
the step runs whole, and its undo gives back the database it started from.
"""

from __future__ import annotations

import pytest

from db import reimport
from db.articles import get_article
from db.reads import get_annotation
from db.relations import RelationRecord, insert_relations
from desktop.core.importers import import_paths
from desktop.core.reimport_operations import AcceptReview, ReimportArticles, RemoveReview
from tests.core.test_operation_failures import (
    WriteRefuser,
    fail_between_every_write,
    settled,
    snapshot,
)
from tests.core.test_reanchor import ERICSSON, find, sample_body, sample_header, scripted_edit
from tests.core.test_reimport import write_article
from tests.helpers import tag


@pytest.fixture
def refuser(db):
    refuser = WriteRefuser(db)
    yield refuser
    refuser.close()


@pytest.fixture
def versions(db, tmp_path):
    """The Ericsson story imported and tagged (an amount linked to its parties), and
    a second version with a sentence deleted and an amount reworded."""
    header, body = sample_header(ERICSSON), sample_body(ERICSSON)
    [article_id] = import_paths([write_article(tmp_path / "v1.txt", header, body)]).imported
    ids = {"Ericsson": tag(article_id, "Ericsson", "ORG", entity="Ericsson"),
           "820 postes": tag(article_id, "820 postes", "QUANTITY", value=820, unit="poste"),
           "Borås": tag(article_id, "Borås", "PLACE", occurrence=1, entity="Borås"),
           "Kumla": tag(article_id, "Kumla", "PLACE", entity="Kumla")}
    insert_relations([RelationRecord(None, "deal", ids["820 postes"], ids["Ericsson"]),
                      RelationRecord(None, "deal", ids["820 postes"], ids["Borås"])])
    spans = {"Borås": find(body, "Borås", 1)}
    edited = scripted_edit(body, spans, [
        ("820 postes", "800 postes"),
        (" Le site de Borås, qui emploie 460 personnes, fermera ses portes.", "")])
    return article_id, ids, write_article(tmp_path / "v2.txt", header, edited.body)


def test_a_refused_write_anywhere_in_a_reimport_changes_nothing(refuser, versions):
    article_id, ids, second = versions
    start = settled()

    report, writes = fail_between_every_write(refuser, lambda: import_paths([second]),
                                              "re-import")
    assert writes > 3 and report.updated == [(str(second), article_id, 2, 2)]
    assert get_annotation(ids["820 postes"]) is None
    after = settled()

    step = ReimportArticles(report.updates)
    step.apply()
    fail_between_every_write(refuser, step.revert, "undo of the re-import")
    assert settled() == start
    assert "820 postes" in get_article(article_id).body
    fail_between_every_write(refuser, step.apply, "redo of the re-import")
    assert settled() == after


def test_a_refused_write_in_a_review_step_changes_nothing(refuser, versions):
    article_id, ids, second = versions
    import_paths([second])
    waiting = settled()

    accept = AcceptReview(ids["820 postes"])
    fail_between_every_write(refuser, accept.apply, "accept")
    assert get_annotation(ids["820 postes"]).quote == "800 postes"
    fail_between_every_write(refuser, accept.revert, "undo of accept")
    assert settled() == waiting

    remove = RemoveReview(ids["Borås"])
    fail_between_every_write(refuser, remove.apply, "remove")
    assert reimport.review_row(ids["Borås"]) is None
    fail_between_every_write(refuser, remove.revert, "undo of remove")
    assert settled() == waiting
    assert snapshot()["annotation_review"]
