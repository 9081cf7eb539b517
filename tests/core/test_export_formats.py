"""The ecosystem exports, each read back as its consumer reads it.

The corpus (:func:`tests.core.export_readers.build_corpus`) has spans after
an emoji, a combining accent, an astral symbol, a span across a line break,
overlapping spans, a suggestion, deals, and an article imported from a file
with CRLF line ends: a span after the emoji or the line ends must land on
the same text in every consumer.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from db.articles import get_article
from desktop.core.export_formats import FORMATS, NAMES, ExportResult, export
from desktop.core.export_formats.label_studio import config_path
from desktop.core.export_formats.w3c import source_iri
from desktop.core.exporters import ExportError
from desktop.core.progress import Cancelled, CancelToken
from tests.core.export_readers import (
    Corpus,
    brat_files,
    build_corpus,
    check_label_studio,
    conll_spans,
    doccano_spans,
    expected_spans,
    jsonl,
    read_brat,
    read_conll,
    w3c_selections,
)


@pytest.fixture
def corpus(article_id, tmp_path) -> Corpus:
    return build_corpus(article_id, tmp_path)


def _bodies(corpus: Corpus) -> dict[int, str]:
    return {i: get_article(i).body for i in (corpus.first, corpus.second)}


def _without(corpus: Corpus, article_id: int, *names: str) -> set[tuple[int, int, str]]:
    """The accepted spans of an article, less the named annotations."""
    from db import annotations as store

    left = {corpus.ids[name] for name in names}
    labels = {label.id: label.name for label in store.labels()}
    return {(r.start, r.end, labels[r.label_id]) for r in store.annotations_for_article(article_id)
            if r.status == "accepted" and r.id not in left}


def test_the_second_article_lost_its_crlf_before_the_spans(corpus):
    body = get_article(corpus.second).body
    assert "\r" not in body and body.index("Safran") == len("Le 🚀 décolle.\nAirbus signe avec ")


# --- brat -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["out.zip", "out-folder"])
def test_brat_standoff_reads_back_the_same_spans_relations_and_notes(corpus, tmp_path, name):
    path = tmp_path / name

    result = export("brat", path)

    assert (result.count, result.unit, result.suggestions_skipped) == (2, "article", 1)
    assert result.left_out == ()
    docs = read_brat(brat_files(path))
    bodies = _bodies(corpus)
    for article_id in (corpus.first, corpus.second):
        doc = docs[f"article-{article_id}"]
        assert doc.text == bodies[article_id]
        spans = {(fragments[0][0], fragments[-1][1], kind)
                 for kind, fragments, _ in doc.entities.values()}
        expected = {(s, e, "Dish_Co" if label == "Dish & Co" else label)
                    for s, e, label in expected_spans(article_id)}
        assert spans == expected
    first = docs[f"article-{corpus.first}"]
    body = bodies[corpus.first]
    by_text = {text: (tid, fragments) for tid, (_, fragments, text) in first.entities.items()}
    aws, fragments = by_text["AWS"]
    assert fragments == [(body.index("AWS"), body.index("AWS") + 3)]  # code points, after 😀
    across = next(f for _, f, text in first.entities.values() if text == "dollars. Cafe\u0301")
    assert len(across) == 2  # one fragment per line, as brat writes them
    assert first.notes[aws] == "entity: Amazon Web Services; note: cloud provider of OpenAI"
    money = by_text["38\u00a0milliards de dollars"][0]
    assert "value: ≈ 3.8e10 USD" in first.notes[money]
    assert sorted((kind, a, b) for kind, a, b in first.relations.values()) == sorted(
        [("deal", money, by_text["OpenAI"][0]), ("deal", money, aws)])
    conf = brat_files(path)["annotation.conf"]
    assert "# Dish_Co is the label “Dish & Co”" in conf
    assert "#123456" in brat_files(path)["visual.conf"]


def test_a_brat_folder_never_replaces_files_it_did_not_write(corpus, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")

    with pytest.raises(ExportError, match="not an empty folder"):
        export("brat", folder)

    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    (folder / "notes.txt").unlink()
    assert export("brat", folder).count == 2  # an empty folder is filled


# --- CoNLL ----------------------------------------------------------------------------------

def test_conll_tokens_rebuild_the_same_spans(corpus, tmp_path):
    path = tmp_path / "out.conll"

    result = export("conll", path)

    documents = read_conll(path)
    bodies = _bodies(corpus)
    assert len(documents) == 2
    first, second = documents
    assert len(first) >= 2  # a block per sentence
    # One tag per token: of two overlapping spans the longer (then earlier) stays.
    tags = {(s, e, label.replace(" ", "_"))  # a tag holds no white space
            for s, e, label in _without(corpus, corpus.first, "across", "open")}
    assert conll_spans(bodies[corpus.first], first) == tags
    assert conll_spans(bodies[corpus.second], second) == expected_spans(corpus.second)
    assert sorted(left.annotation_id for left in result.left_out) == sorted(
        [corpus.ids["across"], corpus.ids["open"]])
    assert all("overlaps" in left.reason for left in result.left_out)


def test_conll_leaves_out_a_span_that_starts_with_white_space(db, tmp_path):
    from db import annotations as store
    from desktop.core.operations import new_annotation
    from tests.helpers import store_article

    article = store_article("Espace", "Un mot ici.")
    label = store.label_by_name("ORG").id
    [ann] = store.insert_annotations([new_annotation("Un mot ici.", article, label, 2, 6)])

    result = export("conll", tmp_path / "out.conll")

    assert [left.annotation_id for left in result.left_out] == [ann]
    assert "white space" in result.left_out[0].reason


# --- W3C ------------------------------------------------------------------------------------

def test_w3c_selectors_quote_the_text_at_their_code_point_positions(corpus, tmp_path):
    path = tmp_path / "out.jsonld"

    result = export("w3c", path)

    document = json.loads(path.read_text(encoding="utf-8"))
    bodies = _bodies(corpus)
    items = w3c_selections(document, {source_iri(body): body for body in bodies.values()})
    assert result.count == len(items) == sum(len(expected_spans(i)) for i in bodies)
    found = {(item["target"]["source"]["title"],
              *(s for sel in item["target"]["selector"] if sel["type"] == "TextPositionSelector"
                for s in (sel["start"], sel["end"])),
              next(b["value"] for b in item["body"] if b["purpose"] == "tagging"))
             for item in items}
    titles = {corpus.first: "Essai", corpus.second: "Décollage"}
    assert found == {(titles[i], s, e, label) for i in bodies for s, e, label in expected_spans(i)}
    aws = next(i for i in items if i["target"]["selector"][0]["exact"] == "AWS")
    assert {b["purpose"]: b["value"] for b in aws["body"]} == {
        "tagging": "ORG", "identifying": "Amazon Web Services",
        "commenting": "cloud\tprovider\nof OpenAI"}
    assert aws["creator"] == {"type": "Person", "name": "ana"}
    links = [i for i in document["first"]["items"] if i["motivation"] == "linking"]
    assert [link["body"]["value"] for link in links] == ["deal", "deal"]

    export("w3c", tmp_path / "again.jsonld")
    again = json.loads((tmp_path / "again.jsonld").read_text(encoding="utf-8"))
    assert [i["id"] for i in again["first"]["items"]] == [
        i["id"] for i in document["first"]["items"]]  # stable ids


# --- Label Studio and doccano ---------------------------------------------------------------

def test_label_studio_tasks_import_with_their_config_and_keep_suggestions_apart(corpus,
                                                                              tmp_path):
    path = tmp_path / "tasks.json"

    result = export("label-studio", path)

    tasks = json.loads(path.read_text(encoding="utf-8"))
    config = config_path(path).read_text(encoding="utf-8")
    check_label_studio(tasks, config)
    assert result.count == len(tasks) == 2
    by_article = {task["data"]["article_id"]: task for task in tasks}
    for article_id in (corpus.first, corpus.second):
        [annotation] = by_article[article_id]["annotations"]
        spans = {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0])
                 for r in annotation["result"] if r["type"] == "labels"}
        assert spans == expected_spans(article_id)
    first = by_article[corpus.first]
    body = first["data"]["text"]
    aws = next(r for r in first["annotations"][0]["result"]
               if r["type"] == "labels" and r["value"]["text"] == "AWS")
    assert aws["value"]["start"] == body.index("AWS")  # code points, as Label Studio counts
    [prediction] = first["predictions"]
    assert [(r["type"], r["value"]["text"]) for r in prediction["result"]] == [
        ("labels", "Nvidia"), ("textarea", ["Nvidia"])]  # the suggestion and its entity
    relations = [r for r in first["annotations"][0]["result"] if r["type"] == "relation"]
    assert [r["labels"] for r in relations] == [["deal"], ["deal"]]
    details = {r["from_name"]: r["value"]["text"] for r in first["annotations"][0]["result"]
               if r["type"] == "textarea" and r["id"] == aws["id"]}
    assert details == {"entity": ["Amazon Web Services"],
                       "note": ["cloud\tprovider\nof OpenAI"]}


def test_label_studio_config_declares_every_label_even_with_nothing_tagged(article_id,
                                                                           tmp_path):
    # Label Studio refuses a Labels control without a Label ("'Label' is a required
    # property"): an export of untagged articles must still declare the labels.
    from xml.etree import ElementTree

    from db import annotations as store

    path = tmp_path / "tasks.json"

    export("label-studio", path)

    [task] = json.loads(path.read_text(encoding="utf-8"))
    assert task["annotations"] == [] and "predictions" not in task
    config = config_path(path).read_text(encoding="utf-8")
    check_label_studio([task], config)
    [control] = ElementTree.fromstring(config).iter("Labels")
    assert [(e.get("value"), e.get("background")) for e in control.iter("Label")] == [
        (label.name, label.color) for label in store.labels()]


def test_label_studio_config_leaves_labels_out_when_there_is_none(article_id, tmp_path):
    from xml.etree import ElementTree

    from db import annotations as store

    for label in store.labels():
        store.delete_label(label.id)
    path = tmp_path / "tasks.json"

    export("label-studio", path)

    view = ElementTree.fromstring(config_path(path).read_text(encoding="utf-8"))
    assert list(view.iter("Labels")) == [] and len(list(view.iter("Text"))) == 1


def test_doccano_offsets_count_utf16_units_as_doccano_does(corpus, tmp_path):
    path = tmp_path / "doccano.jsonl"

    result = export("doccano", path)

    lines = jsonl(path)
    assert result.count == len(lines) == 2
    for line, article_id in zip(lines, (corpus.first, corpus.second), strict=True):
        assert line["article_id"] == article_id
        assert doccano_spans(line) == expected_spans(article_id)
    first = lines[0]
    [aws] = [span for span in first["label"] if span[2] == "ORG"
             and first["text"].encode("utf-16-le")[2 * span[0]:2 * span[1]] == "AWS".encode(
                 "utf-16-le")]
    assert aws[0] == first["text"].index("AWS") + 1  # 😀 is two UTF-16 units


# --- deals ----------------------------------------------------------------------------------

# The writers of the formats are the same on both engines; what they read (db.round_trip,
# db.deal_reads) runs on both in tests/core/test_exporters.py, and the deals here.
@pytest.mark.both_backends
def test_deals_csv_has_the_rows_of_marginalia_deals(corpus, tmp_path, db_url, capsys):
    from desktop.cli import DEAL_COLUMNS, main
    from desktop.core.export_formats.deals import COLUMNS

    path = tmp_path / "deals.csv"
    result = export("deals", path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        exported = list(csv.reader(handle))

    assert COLUMNS == DEAL_COLUMNS
    assert result.count == len(exported) - 1 == 1
    capsys.readouterr()
    assert main(["--db", db_url, "deals"]) == 0
    printed = list(csv.reader(capsys.readouterr().out.splitlines()))
    assert exported == printed
    assert exported[1][0] == "Amazon Web Services; OpenAI"


# --- every format ---------------------------------------------------------------------------

def _target(tmp_path: Path, name: str) -> Path:
    return tmp_path / "out" / f"export{FORMATS[name].suffix}"


@pytest.mark.parametrize("name", NAMES)
def test_a_cancelled_export_leaves_nothing(corpus, tmp_path, name):
    (tmp_path / "out").mkdir()
    token = CancelToken()
    token.cancel()

    with pytest.raises(Cancelled):
        export(name, _target(tmp_path, name), cancel=token)

    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("name", [n for n in NAMES if n != "deals"])
def test_an_export_failing_halfway_leaves_nothing(corpus, tmp_path, name):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "export.keep").write_text("x", encoding="utf-8")

    def fail_after_first_chunk(progress):
        if progress.done:
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        export(name, _target(tmp_path, name), progress=fail_after_first_chunk)

    assert [p.name for p in (tmp_path / "out").iterdir()] == ["export.keep"]


@pytest.mark.parametrize("name", NAMES)
def test_every_format_exports_a_chosen_article_only(corpus, tmp_path, name):
    (tmp_path / "out").mkdir()

    result = export(name, _target(tmp_path, name), article_ids=[corpus.second])

    assert isinstance(result, ExportResult)
    expected = {"article": 1, "annotation": 4, "deal": 0}[result.unit]
    assert result.count == expected


def test_summary_names_what_was_left_out():
    from desktop.core.export_formats import LeftOut

    result = ExportResult(3, "article", (LeftOut(1, 2, "x", "why"),), 2)

    assert result.summary("f.conll") == (
        "Exported 3 articles to f.conll. 2 suggestions not accepted yet left out. "
        "1 annotation the format cannot carry left out.")


@pytest.mark.parametrize("name", [n for n in NAMES if n not in ("jsonl", "csv", "deals")])
def test_a_span_past_the_end_of_the_text_is_named_not_clipped(db, tmp_path, name):
    from db.models import Article
    from tests.helpers import store_article, tag

    article = store_article("Court", "Texte court, puis plus long.")
    ann = tag(article, "plus long", "ORG")
    Article.update(body="Texte court.").where(Article.id == article).execute()  # by hand
    (tmp_path / "out").mkdir()

    result = export(name, _target(tmp_path, name))

    assert [left.annotation_id for left in result.left_out] == [ann]
    assert result.left_out[0].reason == (
        "its span 18–27 is not within the article's text (12 characters)")
