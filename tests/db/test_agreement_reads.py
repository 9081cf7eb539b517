"""Reading who annotated what, for the agreement between annotators."""

from __future__ import annotations

import pytest

from db import agreement_reads
from db.agreement_reads import (
    Annotator,
    AuthoredArticle,
    annotators,
    authored_articles,
    shared_articles,
)
from db.records import SUGGESTED
from tests.helpers import store_article, tag

DEAL = "OpenAI signs with AWS a deal of 38 billion dollars."
CHIPS = "Nvidia sells chips to OpenAI."
QUIET = "Nothing to see."


@pytest.fixture
def tagged(db) -> tuple[int, int, int]:
    """Three articles: alice and bob both tagged the first, alice alone the second."""
    deal, chips, quiet = (store_article(title, body, "en") for title, body in
                          [("Deal", DEAL), ("Chips", CHIPS), ("Quiet", QUIET)])
    tag(deal, "AWS", "ORG", author="alice")
    tag(deal, "OpenAI", "ORG", author="alice")
    tag(deal, "38 billion dollars", "MONEY", author="alice", value=3.8e10, unit="USD")
    tag(deal, "OpenAI", "ORG", author="bob")
    tag(deal, "38 billion", "MONEY", author="bob", value=3.8e10)
    tag(deal, "AWS", "PRODUCT", author="bob", status=SUGGESTED)  # never accepted
    tag(chips, "Nvidia", "ORG", author="alice")
    tag(chips, "OpenAI", "ORG", author="carol", status=SUGGESTED)
    tag(chips, "chips", "PRODUCT")  # before a name was set
    return deal, chips, quiet


def test_annotators_are_the_authors_of_accepted_annotations(tagged):
    deal, chips, quiet = tagged

    assert annotators() == [Annotator("", 1, 1), Annotator("alice", 4, 2),
                            Annotator("bob", 2, 1)]
    assert annotators([deal, quiet]) == [Annotator("alice", 3, 1), Annotator("bob", 2, 1)]
    assert annotators([]) == []


def test_annotators_over_many_articles_are_counted_across_chunks(tagged, monkeypatch):
    monkeypatch.setattr(agreement_reads, "CHUNK", 1)

    assert annotators(list(tagged)) == annotators()


def test_shared_articles_are_those_both_annotated(tagged):
    deal, chips, _ = tagged

    assert shared_articles("alice", "bob") == [deal]
    assert shared_articles("alice", "alice") == [deal, chips]
    assert shared_articles("alice", "carol") == []  # carol's only one is a suggestion


def test_authored_articles_give_each_authors_accepted_spans_with_label_names(tagged,
                                                                            monkeypatch):
    deal, chips, quiet = tagged
    monkeypatch.setattr(agreement_reads, "CHUNK", 2)

    found = list(authored_articles([quiet, deal, 999, chips, deal], ["alice", "bob"]))

    assert found == [
        AuthoredArticle(quiet, "Quiet", QUIET, {"alice": [], "bob": []}),
        AuthoredArticle(deal, "Deal", DEAL, {
            "alice": [(0, 6, "ORG"), (18, 21, "ORG"), (32, 50, "MONEY")],
            "bob": [(0, 6, "ORG"), (32, 42, "MONEY")]}),
        AuthoredArticle(chips, "Chips", CHIPS, {"alice": [(0, 6, "ORG")], "bob": []}),
    ]
    assert [a.spans for a in authored_articles([chips], [])] == [{}]
