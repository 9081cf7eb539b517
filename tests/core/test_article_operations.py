"""Correcting an article's details: what is stored, what undo restores, what is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from db import library, summaries
from db.models import database
from db.reads import get_article
from desktop.core.article_operations import EditArticle, checked_changes, read_details
from tests.helpers import store_article, tag

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL

CORRECTED = {"title": "  Société générale :\n un bénéfice  ", "published": "2024-03-15",
             "source": " https://www.lapresse.ca/affaires/1 ", "language": "FR",
             "currency_hint": "cad"}


def _state(article_id: int) -> tuple:
    details = read_details(article_id)
    assert details is not None
    return (details.title, details.published, details.source, details.language,
            details.currency_hint)


@pytest.fixture
def article(db) -> int:
    return store_article("Essai", "Société générale a réalisé 3 € de bénéfice.", lang="fr",
                         source="/tmp/essai.txt", published=dt.date(2023, 1, 5))


def test_apply_stores_the_clean_values_and_revert_restores_them(article):
    before = _state(article)
    op = EditArticle(article, CORRECTED)

    op.apply()
    after = ("Société générale : un bénéfice", dt.date(2024, 3, 15),
             "https://www.lapresse.ca/affaires/1", "fr", "CAD")
    assert _state(article) == after
    stored = get_article(article)
    assert (stored.title, stored.published) == after[:2]  # what the reader reads too

    op.revert()
    assert _state(article) == before == ("Essai", dt.date(2023, 1, 5), "/tmp/essai.txt",
                                         "fr", None)
    op.apply()  # redo
    assert _state(article) == after


def test_only_the_details_named_change_and_come_back(article):
    other = EditArticle(article, {"currency_hint": "EUR"})
    other.apply()
    op = EditArticle(article, {"published": ""})  # undated

    op.apply()
    assert _state(article) == ("Essai", None, "/tmp/essai.txt", "fr", "EUR")
    op.revert()
    assert _state(article) == ("Essai", dt.date(2023, 1, 5), "/tmp/essai.txt", "fr", "EUR")


def test_the_change_names_the_article_as_edited(article):
    change = EditArticle(article, {"title": "Nouveau titre"}).apply()
    assert change.articles_edited == change.article_ids == {article}
    assert not change.suggestions and not change.present and not change.reload

    op = EditArticle(article, {"currency_hint": "CAD", "language": "en"})
    assert op.apply().suggestions  # what "$" means and how amounts read changed
    undo = op.revert()
    assert undo.articles_edited == {article} and undo.suggestions


@pytest.mark.parametrize(("changes", "message"), [
    ({"title": " \n "}, "The title cannot be empty."),
    ({"published": "15/03/2024"}, "“15/03/2024” is not a date: write it as YYYY-MM-DD"),
    ({"published": "2024-02-30"}, "“2024-02-30” is not a date"),
    ({"language": "French"}, "“French” is not a language code"),
    ({"language": "f"}, "“f” is not a language code"),
    ({"currency_hint": "dollars"}, "“dollars” is not a currency code"),
    ({"currency_hint": "XYZ"}, "“XYZ” is not a currency code"),
    ({"body": "Another text"}, "An article has no detail called “body”."),
])
def test_refused_values_say_why_and_change_nothing(article, changes, message):
    before = _state(article)
    with pytest.raises(ValueError) as refused:
        EditArticle(article, {"title": "Changed", **changes}).apply()
    assert str(refused.value).startswith(message)
    assert _state(article) == before


def test_checked_changes_accepts_what_the_form_offers():
    assert checked_changes({"published": dt.date(2020, 2, 29), "language": "pt_BR",
                            "currency_hint": "", "source": ""}) == {
        "published": dt.date(2020, 2, 29), "language": "pt-br", "currency_hint": None,
        "source": ""}
    assert checked_changes({"published": None, "language": ""}) == {
        "published": None, "language": ""}


def test_an_article_deleted_meanwhile_is_reported(article):
    database.execute_sql("DELETE FROM article WHERE id = ?", (article,))
    with pytest.raises(LookupError, match="no longer exists"):
        EditArticle(article, {"title": "Gone"}).apply()


def test_the_new_title_is_searchable_and_the_old_one_is_not(article):
    EditArticle(article, {"title": "Bilan trimestriel"}).apply()
    assert library.article_ids("trimestriel") == [article]
    assert library.article_ids("Essai") == []


def test_a_new_date_moves_the_article_in_the_corpus_summaries(article):
    tag(article, "Société générale", "ORG")
    summaries.refresh()

    def months() -> list[str]:
        rows = database.execute_sql("SELECT month FROM summary_label_month").fetchall()
        return [month for (month,) in rows]

    assert months() == ["2023-01"]
    op = EditArticle(article, {"published": "2024-03-15"})
    op.apply()
    summaries.refresh()
    assert months() == ["2024-03"]
    op.revert()
    summaries.refresh()
    assert months() == ["2023-01"]
