"""Linking or relabelling one mention in the Annotations panel: which other mentions follow."""

from __future__ import annotations

from typing import Any

import pytest

from db.annotations import label_by_name
from db.articles import get_article
from db.models import database
from db.names import name_key
from desktop.core.entities import EntityMatcher, Term
from desktop.core.operations import AddAnnotations, EditAnnotations, new_annotation
from tests.helpers import store_article

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL


def _label(name: str) -> int:
    label = label_by_name(name)
    assert label is not None
    return label.id


def _tag(article_id: int, text: str, label: str = "ORG", occurrence: int = 0) -> int:
    """Tags an occurrence of ``text`` as the user would (its entity found or made)."""
    article = get_article(article_id)
    assert article is not None
    start = -1
    for _ in range(occurrence + 1):
        start = article.body.index(text, start + 1)
    op = AddAnnotations([new_annotation(article.body, article_id, _label(label), start,
                                        start + len(text))])
    op.apply()
    return op.ids[0]


def _mentions() -> list[tuple[Any, ...]]:
    """Each mention as (id, quote, its label, its entity's name, its entity's label)."""
    rows = database.execute_sql(
        "SELECT a.id, a.quote, la.name, e.name, le.name FROM annotation a "
        "JOIN label la ON la.id = a.label_id JOIN entity e ON e.id = a.entity_id "
        "JOIN label le ON le.id = e.label_id ORDER BY a.id").fetchall()
    return [tuple(row) for row in rows]


def _entities() -> dict[str, set[str]]:
    """Each entity's name with its aliases."""
    names: dict[str, set[str]] = {
        str(name): set() for (name,) in database.execute_sql("SELECT name FROM entity")}
    for name, alias in database.execute_sql(
            "SELECT e.name, a.alias FROM entity_alias a JOIN entity e ON e.id = a.entity_id"):
        names[str(name)].add(str(alias))
    return names


def test_linking_one_mention_moves_only_the_mentions_of_the_same_text(db: Any) -> None:
    first = store_article("Tech", "Apple vend des iPhone. Apple Inc. gagne.")
    second = store_article("Musique", "Apple Corps, le label des Beatles. Apple Inc. et Apple.")
    apple = _tag(first, "Apple")
    inc = _tag(first, "Apple Inc.")
    EditAnnotations([inc], entity="Apple").apply()  # "Apple Inc." becomes a name of Apple
    other_inc = _tag(second, "Apple Inc.")
    other_apple = _tag(second, "Apple", occurrence=2)
    corps = _tag(second, "Apple")  # the Beatles' label, linked to Apple by its text
    before = _mentions()

    op = EditAnnotations([corps], entity="Apple Corps")
    op.apply()

    assert {row[0]: row[3] for row in _mentions()} == {
        apple: "Apple Corps", inc: "Apple", other_inc: "Apple",
        other_apple: "Apple Corps", corps: "Apple Corps"}
    assert _entities()["Apple"] == {"Apple Inc."}  # the old entity keeps its alias
    op.revert()
    assert _mentions() == before


def test_relabelling_one_mention_leaves_the_others_in_their_entity(db: Any) -> None:
    first = store_article("Résultats", "Apple publie ses résultats. Apple gagne.")
    second = store_article("Montres", "La nouvelle Apple Watch : Apple dévoile.")
    others = [_tag(first, "Apple"), _tag(first, "Apple", occurrence=1),
              _tag(second, "Apple", occurrence=1)]
    watch = _tag(second, "Apple")
    before = _mentions()

    # What the panel sends when its label box is set to PRODUCT: the entity's name kept.
    op = EditAnnotations([watch], {"label_id": _label("PRODUCT")}, entity="Apple")
    op.apply()

    after = {row[0]: row[1:] for row in _mentions()}
    assert after[watch] == ("Apple", "PRODUCT", "Apple", "PRODUCT")
    assert all(after[i] == ("Apple", "ORG", "Apple", "ORG") for i in others)
    op.revert()
    assert _mentions() == before


@pytest.mark.parametrize(("name", "text"), [
    ("Socie\u0301te\u0301 Ge\u0301ne\u0301rale", "Chez la Société Générale, et SOCIÉTÉ GÉNÉRALE."),
    ("Société Générale",
     "Chez la Socie\u0301te\u0301 Ge\u0301ne\u0301rale, et "
     "SOCIE\u0301TE\u0301 GE\u0301NE\u0301RALE."),
])
def test_a_name_is_found_whichever_way_its_accents_are_written(name: str, text: str) -> None:
    # Mentions the suggestions and Tag all link to the entity, as name_key does.
    matcher = EntityMatcher([Term(name, "ORG", "Société Générale")])
    found = [(m.start, m.end, m.text) for m in matcher.find(text)]
    words = text[8:].split(", et ")
    second = text.index(", et ") + len(", et ")
    assert found == [(8, 8 + len(words[0]), words[0]),
                     (second, len(text) - 1, text[second:-1])]
    assert all(name_key(m.text) == name_key(name) for m in matcher.find(text))
