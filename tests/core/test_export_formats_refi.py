"""The REFI-QDA export: a .qdpx valid against the published Project schema, whose selections
quote their source text at code-point positions."""

from __future__ import annotations

import zipfile

import pytest

from db.articles import get_article
from desktop.core.export_formats import export
from desktop.core.export_formats.refi_qda import NAMESPACE, PROJECT_FILE
from tests.core.export_readers import REFI_XSD, Corpus, build_corpus, expected_spans

etree = pytest.importorskip("lxml.etree")
NS = {"q": NAMESPACE}


@pytest.fixture
def corpus(article_id, tmp_path) -> Corpus:
    return build_corpus(article_id, tmp_path)


def _project(path):
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return etree.fromstring(files[PROJECT_FILE]), files


def test_the_qdpx_validates_against_the_refi_qda_project_schema(corpus, tmp_path):
    path = tmp_path / "project.qdpx"

    export("refi-qda", path)

    project, _ = _project(path)
    schema = etree.XMLSchema(etree.parse(str(REFI_XSD)))
    schema.assertValid(project)


def test_selections_quote_their_source_at_code_point_positions(corpus, tmp_path):
    path = tmp_path / "project.qdpx"

    result = export("refi-qda", path)

    project, files = _project(path)
    codes = {code.get("guid"): code for code in project.iterfind(".//q:Code", NS)}
    sources = project.findall("q:Sources/q:TextSource", NS)
    assert result.count == len(sources) == 2
    for source, article_id in zip(sources, (corpus.first, corpus.second), strict=True):
        guid = source.get("guid")
        assert source.get("plainTextPath") == f"internal://{guid}.txt"
        text = files[f"Sources/{guid}.txt"].decode("utf-8")
        assert text == get_article(article_id).body
        found = set()
        for selection in source.findall("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            assert text[start:end] == selection.get("name")
            [ref] = selection.findall("q:Coding/q:CodeRef", NS)
            code = codes[ref.get("targetGUID")]
            parent = code.getparent()
            label = parent.get("name") if parent.tag == f"{{{NAMESPACE}}}Code" else code.get(
                "name")
            found.add((start, end, label))
        assert found == expected_spans(article_id)
    first = sources[0]
    aws = next(s for s in first.findall("q:PlainTextSelection", NS) if s.get("name") == "AWS")
    assert int(aws.get("startPosition")) == get_article(corpus.first).body.index("AWS")
    org = next(c for c in codes.values() if c.get("name") == "ORG")
    assert {c.get("name") for c in org.findall("q:Code", NS)} == {
        "OpenAI", "Amazon Web Services", "Airbus", "Safran"}
    assert [link.get("name") for link in project.findall("q:Links/q:Link", NS)] == [
        "deal", "deal"]
    [user] = project.findall("q:Users/q:User", NS)
    assert user.get("name") == "ana" and aws.get("creatingUser") == user.get("guid")


def test_an_empty_export_is_still_a_valid_project(db, tmp_path):
    path = tmp_path / "empty.qdpx"

    assert export("refi-qda", path).count == 0

    project, _ = _project(path)
    etree.XMLSchema(etree.parse(str(REFI_XSD))).assertValid(project)
