"""The spaCy DocBin export, loaded by spaCy: the same entity spans, nothing shifted."""

from __future__ import annotations

import pytest

from db.articles import get_article
from desktop.core.export_formats import export
from desktop.core.export_formats.spacy_docbin import SPAN_KEY
from tests.core.export_readers import Corpus, build_corpus, expected_spans

spacy = pytest.importorskip("spacy")


@pytest.fixture
def corpus(article_id, tmp_path) -> Corpus:
    return build_corpus(article_id, tmp_path)


def _load(path):
    from spacy.tokens import DocBin

    return list(DocBin().from_disk(path).get_docs(spacy.blank("xx").vocab))


def test_spacy_loads_the_docbin_and_finds_the_same_entity_spans(corpus, tmp_path):
    path = tmp_path / "train.spacy"

    result = export("spacy", path)

    first, second = _load(path)
    assert first.text == get_article(corpus.first).body
    assert second.text == get_article(corpus.second).body
    left_out = {left.annotation_id for left in result.left_out}
    # "Open" ends inside the token "OpenAI": named, not moved to the token's end.
    assert left_out == {corpus.ids["open"]}
    assert "inside spaCy tokens" in result.left_out[0].reason
    open_start = first.text.index("Open")
    spans = {(s.start_char, s.end_char, s.label_) for s in first.spans[SPAN_KEY]}
    assert spans == expected_spans(corpus.first) - {(open_start, open_start + 4, "PRODUCT")}
    assert {(s.start_char, s.end_char, s.label_) for s in second.spans[SPAN_KEY]} == \
        expected_spans(corpus.second)
    assert {(e.start_char, e.end_char, e.label_) for e in second.ents} == \
        expected_spans(corpus.second)
    # doc.ents holds no overlaps: the span across the line break overlaps two others.
    ents = sorted((e.start_char, e.end_char) for e in first.ents)
    assert all(a[1] <= b[0] for a, b in zip(ents, ents[1:], strict=False))
    aws = next(e for e in first.ents if e.text == "AWS")
    assert (aws.start_char, aws.kb_id_) == (first.text.index("AWS"), "Amazon Web Services")
    assert first.user_data[f"{SPAN_KEY}.id"] == corpus.first
    assert result.suggestions_skipped == 1


def test_an_article_in_a_language_spacy_lacks_uses_the_multi_language_tokenizer(db, tmp_path):
    from tests.helpers import store_article, tag

    article = store_article("Klingon", "Qapla' OpenAI!", lang="tlh")
    tag(article, "OpenAI", "ORG", entity="OpenAI")

    export("spacy", tmp_path / "x.spacy")

    [doc] = _load(tmp_path / "x.spacy")
    assert [(e.text, e.label_) for e in doc.ents] == [("OpenAI", "ORG")]
