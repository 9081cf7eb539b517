"""Re-importing a corrected article: the stored one is updated, its annotations follow.

The demo articles (``resources/samples``, Wikinews, CC BY 2.5) are imported,
tagged, edited by script (:mod:`tests.core.test_reanchor`) and imported
again. The tests check what the database holds: one article with the new
text and its full-text row, each annotation whose words survive at its new
place (the text there is its quote), the others set aside for review with
their links, and — through the undo step, accept and remove — that each
step can be taken back exactly.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from db import connection, reimport
from db.articles import article_count, get_article
from db.library import article_ids
from db.models import database
from db.reads import annotations_for_article, get_annotation
from db.relations import RelationRecord, insert_relations, relations_touching
from desktop.core.importers import import_paths
from desktop.core.reimport_operations import (
    AcceptReview,
    ReimportArticles,
    RemoveReview,
    review_items,
)
from desktop.core.text import context, sentence_index
from tests.core.test_reanchor import (
    ERICSSON,
    FACEBOOK,
    sample_body,
    sample_header,
    scripted_edit,
)
from tests.helpers import tag

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL

FACEBOOK_EDITS = [
    ("According to a report", "Facebook confirmed the leak on Thursday, after "
     "Bloomberg asked. According to a report"),
    (" Reportedly, the Amazon S3 Buckets were only secured after Bloomberg "
     "contacted Facebook.", ""),
    ("UpGuard reportedly sent an email to", "UpGuard, based in California, says it wrote to"),
    ("over 50 million Facebook", "over 87 million Facebook"),
    (" confirmed with UpGuard", " 😀 confirmed with UpGuard"),
    ("In these two instances", "In these two cafe\u0301 instances,\u00a0in fact"),
]
"""A sentence inserted (naming look-alikes), one deleted, words reworded, emoji,
a combining mark and a no-break space added."""


def write_article(path: Path, header: str, body: str) -> Path:
    path.write_text(f"{header}\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def facebook(db, tmp_path):
    """The Facebook story imported and tagged: amounts, names, links, an entity."""
    first = write_article(tmp_path / "v1.txt", sample_header(FACEBOOK), sample_body(FACEBOOK))
    [article_id] = import_paths([first]).imported
    body = get_article(article_id).body
    ids = {
        "UpGuard": tag(article_id, "UpGuard", "ORG", entity="UpGuard"),
        "Cultura Colectiva": tag(article_id, "Cultura Colectiva", "ORG", occurrence=1,
                                 entity="Cultura Colectiva"),
        "50 million": tag(article_id, "50 million", "QUANTITY", value=5e7, unit="profile"),
        "Bloomberg": tag(article_id, "Bloomberg", "ORG", note="the agency",
                         entity="Bloomberg"),
        "Facebook after Bloomberg": tag(article_id, "Facebook", "ORG", occurrence=3,
                                        entity="Facebook"),
        "Amazon Web Services": tag(article_id, "Amazon Web Services", "ORG", entity="AWS"),
        "The Guardian": tag(article_id, "The Guardian", "ORG", entity="The Guardian"),
        "At the Pool": tag(article_id, "At the Pool", "PRODUCT", entity="At the Pool"),
    }
    insert_relations([RelationRecord(None, "deal", ids["50 million"], ids["UpGuard"]),
                      RelationRecord(None, "deal", ids["50 million"], ids["Bloomberg"])])
    spans = {name: (get_annotation(i).start, get_annotation(i).end) for name, i in ids.items()}
    edited = scripted_edit(body, spans, FACEBOOK_EDITS)
    second = write_article(tmp_path / "v2.txt", sample_header(FACEBOOK), edited.body)
    return dataclasses.make_dataclass("Tagged", ["article_id", "ids", "old", "edited", "file"])(
        article_id, ids, body, edited, second)


def _snapshot(article_id: int) -> tuple:
    """What undo must give back: the text, every annotation whole, links, the review."""
    article = get_article(article_id)
    records = annotations_for_article(article_id)
    ids = [r.id for r in records]
    return (article.body, records, sorted(relations_touching(ids)),
            [(r.annotation_id, r.candidate) for r in reimport.review_rows(article_id)])


def _search(word: str) -> list[int]:
    return article_ids(f"{word} ")  # the whole word, as the full-text index has it


def test_a_corrected_story_updates_the_stored_article_and_its_annotations(facebook):
    report = import_paths([facebook.file])

    assert report.imported == [] and article_count() == 1
    gone = {name for name, place in facebook.edited.places.items() if place is None}
    assert gone == {"50 million", "Bloomberg", "Facebook after Bloomberg"}
    placed = len(facebook.ids) - len(gone)
    assert report.updated == [(str(facebook.file), facebook.article_id, placed, len(gone))]
    assert report.summary() == (f"Updated 1 changed article ({placed} annotations in place, "
                                f"{len(gone)} to review).")
    article = get_article(facebook.article_id)
    assert article.body == facebook.edited.body
    assert _search("California") == [facebook.article_id] and _search("contacted") == []
    # Every annotation whose words survive is at its new place, with its new context.
    for name, annotation_id in facebook.ids.items():
        record = get_annotation(annotation_id)
        place = facebook.edited.places[name]
        if place is None:
            assert record is None, name
            continue
        assert (record.start, record.end) == place, name
        assert article.body[record.start:record.end] == record.quote
        assert (record.prefix, record.suffix) == context(article.body, *place)
        assert record.sentence == sentence_index(article.body, record.start)
    # The others wait for review, out of the text, whole and with their links.
    waiting = {row.annotation_id: row for row in reimport.review_rows(facebook.article_id)}
    assert set(waiting) == {facebook.ids[name] for name in gone}
    amount = waiting[facebook.ids["50 million"]]
    assert (amount.record.value, amount.record.unit) == (5e7, "profile")
    assert len(amount.relations) == 2
    assert article.body[slice(*amount.candidate)] == "87 million"
    assert waiting[facebook.ids["Bloomberg"]].record.note == "the agency"
    assert relations_touching([facebook.ids["UpGuard"]]) == []


def test_undo_gives_back_the_old_text_and_every_place_and_redo_the_new(facebook):
    before = _snapshot(facebook.article_id)
    report = import_paths([facebook.file])
    after = _snapshot(facebook.article_id)
    step = ReimportArticles(report.updates)
    assert step.name == "Re-import changed article"

    change = step.apply()  # the import wrote it: this only tells the views
    assert change.articles_edited == {facebook.article_id}
    assert _snapshot(facebook.article_id) == after

    change = step.revert()
    assert change.articles_edited == {facebook.article_id}
    assert _snapshot(facebook.article_id) == before
    assert _search("contacted") == [facebook.article_id] and _search("California") == []
    assert reimport.review_count() == 0

    step.apply()
    assert _snapshot(facebook.article_id) == after
    step.revert()
    assert _snapshot(facebook.article_id) == before


def test_undo_refuses_once_the_article_was_tagged_since(facebook):
    report = import_paths([facebook.file])
    after = _snapshot(facebook.article_id)
    tag(facebook.article_id, "Cambridge Analytica", "ORG")
    step = ReimportArticles(report.updates)
    step.apply()
    with pytest.raises(ValueError, match="changed since it was re-imported"):
        step.revert()
    assert _snapshot(facebook.article_id)[0] == after[0]  # nothing was written


def test_the_review_survives_a_restart(facebook, db_url):
    import_paths([facebook.file])
    connection.close_database()
    connection.open_database(db_url)
    items = review_items()
    assert sorted(item.quote for item in items) == ["50 million", "Bloomberg", "Facebook"]
    amount = next(item for item in items if item.quote == "50 million")
    assert amount.candidate_quote == "87 million"
    assert amount.before.endswith("in which over ") and amount.found == "reworded"
    assert 0.75 <= amount.confidence <= 1.0


def test_accepting_puts_the_annotation_back_whole_and_undo_sets_it_aside(facebook):
    import_paths([facebook.file])
    annotation_id = facebook.ids["50 million"]
    step = AcceptReview(annotation_id)

    change = step.apply()
    record = get_annotation(annotation_id)
    body = get_article(facebook.article_id).body
    assert [r.id for r in change.added] == [annotation_id]
    assert body[record.start:record.end] == record.quote == "87 million"
    assert (record.value, record.unit) == (5e7, "profile")
    # Its link to UpGuard (in the text) is back; the one to Bloomberg (waiting) is not.
    assert [(r.kind, r.source, r.target) for r in relations_touching([annotation_id])] == [
        ("deal", annotation_id, facebook.ids["UpGuard"])]
    assert annotation_id not in {r.annotation_id for r in reimport.review_rows()}

    step.revert()
    assert get_annotation(annotation_id) is None
    assert relations_touching([facebook.ids["UpGuard"]]) == []
    row = reimport.review_row(annotation_id)
    assert row is not None and len(row.relations) == 2

    step.apply()  # redo
    assert get_annotation(annotation_id).quote == "87 million"


def test_accepting_the_second_end_of_a_link_brings_the_link_back(facebook):
    import_paths([facebook.file])
    amount, agency = facebook.ids["50 million"], facebook.ids["Bloomberg"]
    AcceptReview(amount).apply()
    AcceptReview(agency).apply()  # offered on the Bloomberg of the new first sentence
    kinds = {(r.source, r.target) for r in relations_touching([amount])}
    assert kinds == {(amount, facebook.ids["UpGuard"]), (amount, agency)}


def test_removing_from_the_review_and_undo(facebook):
    import_paths([facebook.file])
    annotation_id = facebook.ids["Facebook after Bloomberg"]
    step = RemoveReview(annotation_id)
    change = step.apply()
    assert change.article_ids == {facebook.article_id}
    assert reimport.review_row(annotation_id) is None
    assert get_annotation(annotation_id) is None
    step.revert()
    assert reimport.review_row(annotation_id) is not None


def test_nothing_is_accepted_where_no_place_was_found(db, tmp_path):
    header = sample_header(ERICSSON)
    body = sample_body(ERICSSON)
    [article_id] = import_paths([write_article(tmp_path / "v1.txt", header, body)]).imported
    people = tag(article_id, "460 personnes", "QUANTITY", value=460, unit="personne")
    new = body.replace(" Le site de Borås, qui emploie 460 personnes, fermera ses portes.", "")
    report = import_paths([write_article(tmp_path / "v2.txt", header, new)])
    assert report.updated == [(str(tmp_path / "v2.txt"), article_id, 0, 1)]
    [item] = review_items()
    assert item.annotation_id == people and item.candidate is None and item.found == "not found"
    with pytest.raises(ValueError, match="No place was found"):
        AcceptReview(people).apply()
    assert reimport.review_row(people) is not None


def test_a_later_version_puts_back_what_an_earlier_one_set_aside(facebook, tmp_path):
    import_paths([facebook.file])
    annotation_id = facebook.ids["Bloomberg"]
    assert reimport.review_row(annotation_id) is not None
    # The third version restores the deleted sentence.
    third = facebook.edited.body.replace(
        "could be done about it.", "could be done about it. Reportedly, the Amazon S3 Buckets "
        "were only secured after Bloomberg contacted Facebook.")
    report = import_paths([write_article(tmp_path / "v3.txt", sample_header(FACEBOOK), third)])
    assert [u.article_id for u in report.updates] == [facebook.article_id]
    record = get_annotation(annotation_id)
    assert record is not None and third[record.start:record.end] == "Bloomberg"
    assert record.note == "the agency"
    assert reimport.review_row(annotation_id) is None
    # ... and undo sets it aside again, with its candidate.
    ReimportArticles(report.updates).revert()
    assert get_annotation(annotation_id) is None
    assert reimport.review_row(annotation_id) is not None


# --- which stored article an incoming one is a new version of ---------------------------


def _txt(path: Path, title: str | None, body: str, source: str | None = None) -> Path:
    header = "".join(f"{key}: {value}\n" for key, value in
                     (("title", title), ("source", source)) if value is not None)
    path.write_text((header + "\n" if header else "") + body, encoding="utf-8")
    return path


def test_a_title_finds_the_article_when_the_file_moved(db, tmp_path):
    body = sample_body(ERICSSON)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    [article_id] = import_paths([_txt(tmp_path / "a" / "x.txt", "Ericsson", body)]).imported
    report = import_paths([_txt(tmp_path / "b" / "y.txt", "Ericsson",
                                body.replace("820 postes", "800 postes"))])
    assert report.imported == [] and [u[1] for u in report.updated] == [article_id]


def test_an_unlike_text_under_the_same_title_is_a_new_article(db, tmp_path):
    import_paths([_txt(tmp_path / "x.txt", "Marchés", sample_body(ERICSSON))])
    report = import_paths([_txt(tmp_path / "y.txt", "Marchés", sample_body(FACEBOOK))])
    assert len(report.imported) == 1 and report.updated == []
    assert article_count() == 2


def test_a_title_made_from_the_first_line_names_nothing(db, tmp_path):
    body = sample_body(ERICSSON)
    (tmp_path / "a").mkdir()
    import_paths([_txt(tmp_path / "a" / "x.txt", None, body)])
    report = import_paths([_txt(tmp_path / "y.txt", None, body.replace("820", "800"))])
    assert len(report.imported) == 1 and report.updated == []


def test_two_papers_with_one_headline_stay_two_articles(db, tmp_path):
    body = sample_body(ERICSSON)
    import_paths([_txt(tmp_path / "x.txt", "Ericsson", body, "https://a.example/1")])
    report = import_paths([_txt(tmp_path / "y.txt", "Ericsson", body.replace("820", "800"),
                                "https://b.example/2")])
    assert len(report.imported) == 1 and report.updated == []


def test_an_address_finds_the_article_however_much_its_text_changed(db, tmp_path):
    source = "https://fr.example/ericsson"
    [article_id] = import_paths([_txt(tmp_path / "x.txt", "A", sample_body(ERICSSON),
                                      source)]).imported
    report = import_paths([_txt(tmp_path / "y.txt", "B", sample_body(FACEBOOK), source)])
    assert report.imported == [] and [u[1] for u in report.updated] == [article_id]
    assert get_article(article_id).title == "A"  # only the text is updated


def test_two_versions_in_one_import_are_two_articles(db, tmp_path):
    body = sample_body(ERICSSON)
    source = "https://fr.example/ericsson"
    _txt(tmp_path / "1.txt", "A", body, source)
    _txt(tmp_path / "2.txt", "A", body.replace("820", "800"), source)
    report = import_paths([tmp_path])
    assert len(report.imported) == 2 and report.updated == []


def test_the_command_line_says_what_was_updated(db_path, tmp_path, capsys):
    from desktop.cli import main

    source = "https://fr.example/ericsson"
    body = sample_body(ERICSSON)
    main(["--db", str(db_path), "import", str(_txt(tmp_path / "x.txt", "A", body, source))])
    capsys.readouterr()
    code = main(["--db", str(db_path), "import",
                 str(_txt(tmp_path / "y.txt", "A", body.replace("820 postes", "800 postes"),
                          source))])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out == "Updated 1 changed article (0 annotations in place, 0 to review).\n"


def test_an_entity_deleted_while_waiting_is_found_again_by_name(facebook):
    from db import entities as entity_store

    import_paths([facebook.file])
    annotation_id = facebook.ids["Bloomberg"]
    old_entity = reimport.review_row(annotation_id).record.entity_id
    entity_store.delete_entity(old_entity)
    step = AcceptReview(annotation_id)
    step.apply()
    record = get_annotation(annotation_id)
    assert record.entity_id is not None and record.entity_id != old_entity
    assert entity_store.names_of(record.entity_id) is not None
    step.revert()
    assert entity_store.names_of(record.entity_id) is None  # made by the step, gone with it


def test_a_label_deleted_while_waiting_is_refused(facebook):
    from db.labels import delete_label_row

    import_paths([facebook.file])
    annotation_id = facebook.ids["50 million"]
    label_id = reimport.review_row(annotation_id).record.label_id
    database.execute_sql("DELETE FROM relation")
    assert not [r for r in annotations_for_article(facebook.article_id)
                if r.label_id == label_id]
    delete_label_row(label_id)
    with pytest.raises(ValueError, match="was deleted"):
        AcceptReview(annotation_id).apply()
    assert reimport.review_row(annotation_id) is not None


def test_removing_the_last_mention_of_an_entity_removes_it_until_undone(facebook):
    from db import entities as entity_store

    import_paths([facebook.file])
    annotation_id = facebook.ids["Facebook after Bloomberg"]
    entity_id = reimport.review_row(annotation_id).record.entity_id
    step = RemoveReview(annotation_id)
    assert step.apply().entities
    assert entity_store.names_of(entity_id) is None
    step.revert()
    assert entity_store.names_of(entity_id) is not None
