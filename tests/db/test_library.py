"""Library queries: search, sort and page rows, all in SQL."""

from __future__ import annotations

import datetime as dt

import pytest

from db.articles import NewArticle, insert_articles
from db.library import article_ids, fts_query, rows, sort_key, source_domain
from db.models import database
from desktop.core.text import content_hash
from tests.helpers import tag


def _store(*articles: tuple[str, str, str, dt.date | None, str]) -> list[int]:
    return insert_articles([
        NewArticle(title, body, content_hash(title + body), lang, published, source)
        for title, body, lang, published, source in articles
    ])


@pytest.fixture
def three(db) -> list[int]:
    return _store(
        ("Électricité : EDF relève ses prix", "EDF annonce une hausse de 3,5 %.", "fr",
         dt.date(2018, 5, 2), "https://fr.wikinews.org/wiki/EDF"),
        ("AWS signs a deal with OpenAI", "OpenAI will pay AWS 38 billion dollars.", "en",
         dt.date(2025, 11, 3), "https://www.example.com/aws"),
        ("« Brexit » et la City", "La City s'inquiète; Hewlett-Packard aussi.", "fr",
         None, "/home/me/brexit.html"),
    )


@pytest.mark.parametrize("typed, query", [
    ("", ""),
    ("   ", ""),
    ("openai", '"openai"*'),
    ("openai ", '"openai"'),
    ('say "hi', '"say" """hi"*'),
    ("AND( OR", '"AND(" "OR"*'),
    ("« » -", ""),
])
def test_fts_query_quotes_every_word_and_prefixes_the_last(typed, query):
    assert fts_query(typed) == query


def test_search_ignores_case_accents_and_punctuation(three):
    edf, aws, brexit = three
    assert article_ids("electricite") == [edf]
    assert article_ids("ÉLECTRICITÉ") == [edf]
    assert article_ids("open") == [aws]  # the last word matches as a prefix
    assert article_ids("open ") == []  # finished words match whole
    assert article_ids("hewlett-packard") == [brexit]
    assert article_ids("s'inquiète") == [brexit]
    assert set(article_ids("la")) == {brexit}
    for hostile in ['"', 'AND(', 'OR)', 'NEAR(x', '*', 'title:', '"openai']:
        article_ids(hostile)  # never a syntax error
    assert article_ids('"openai') == [aws]
    assert article_ids("openai edf") == []  # every word must match


def test_sorts(three):
    edf, aws, brexit = three
    assert article_ids(sort="date") == [aws, edf, brexit]  # undated last
    assert article_ids(sort="date", descending=False) == [edf, aws, brexit]
    assert article_ids(sort="title", descending=False) == [aws, brexit, edf]
    assert article_ids(sort="source", descending=False) == [brexit, aws, edf]
    assert article_ids(sort="language", descending=False)[0] == aws
    tag(edf, "EDF", "ORG")
    tag(edf, "hausse", "ORG")
    tag(brexit, "City", "ORG")
    assert article_ids(sort="annotations") == [edf, brexit, aws]
    assert article_ids(sort="annotations", descending=False) == [aws, brexit, edf]
    with pytest.raises(ValueError):
        article_ids(sort="body")


def test_filter_by_ids_small_and_large(three):
    edf, aws, brexit = three
    assert article_ids(ids_filter=[brexit, edf]) == [edf, brexit]
    assert article_ids(ids_filter=[]) == []
    assert article_ids(ids_filter=[aws, *range(10_000, 11_000)]) == [aws]
    assert article_ids("la", ids_filter=[edf]) == []


def test_rows_carry_columns_and_counts(three):
    edf, aws, brexit = three
    tag(aws, "OpenAI", "ORG")
    found = rows([aws, brexit, 999])
    assert set(found) == {aws, brexit}
    assert found[aws].title == "AWS signs a deal with OpenAI"
    assert found[aws].published == dt.date(2025, 11, 3)
    assert found[aws].annotation_count == 1
    assert found[aws].domain == "example.com"
    assert found[brexit].published is None and found[brexit].annotation_count == 0
    assert found[brexit].domain == "brexit.html"


def test_sort_key_and_domain():
    assert sort_key("« Électricité »") == "electricite »"
    assert source_domain("https://www.lemonde.fr/a/b") == "lemonde.fr"
    assert source_domain("file:///tmp/x/article.txt") == "article.txt"
    assert source_domain("") == ""


def test_names_sort_as_a_reader_orders_them_not_by_code_point():
    from db.names import name_order

    names = ["Zeta", "Électricité de France", "oeuvre", "Eiffage", "Œuvre", "EDF", "edf",
             "« Brexit »", "Łódź", "Ørsted", "Lyon", "Orange"]

    assert sorted(names, key=name_order) == [
        "« Brexit »", "EDF", "edf", "Eiffage", "Électricité de France", "Łódź", "Lyon",
        "oeuvre", "Œuvre", "Orange", "Ørsted", "Zeta"]


def test_sorting_by_title_works_on_every_thread_whichever_sorts_first(db):
    """The sort functions exist on each thread's connection, also when a worker
    is the first to sort (the tag-all preview) and the GUI thread's connection
    was already open."""
    import threading

    from db.connection import close_thread_connection
    from tests.helpers import store_article

    second = store_article("Zèbre", "Un texte sur les zèbres.")
    first = store_article("« Abeille »", "Un texte sur les abeilles.")
    assert database.connection() is not None  # this thread's connection is open
    seen: list[list[int]] = []

    def worker() -> None:
        seen.append(article_ids(sort="title", descending=False))
        close_thread_connection()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == [[first, second]]
    assert article_ids(sort="title", descending=False) == [first, second]
