"""Tag all occurrences of an amount stores each one's value, as tagging it by hand does."""

from __future__ import annotations

from typing import Any

import pytest

from db.annotations import annotations_for_article, label_by_name
from desktop.core.operations import Mention, SetCurrencyHint, TagMentions
from tests.helpers import store_article

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL

BODY = ("Le contrat de 38 milliards de dollars est long. "
        "Altman répète : 38 milliards de dollars. Et 12 millions d’euros pour Paris.")


def _label(name: str) -> int:
    label = label_by_name(name)
    assert label is not None
    return label.id


def _tag_all(article_id: int, text: str, label: str) -> None:
    mentions, start = [], BODY.find(text)
    while start >= 0:
        mentions.append(Mention(article_id, start, start + len(text)))
        start = BODY.find(text, start + 1)
    TagMentions([], mentions=mentions, label_id=_label(label)).apply()


def _stored(article_id: int) -> list[tuple[Any, ...]]:
    return [(r.quote, r.value, r.value_high, r.unit, r.approx)
            for r in annotations_for_article(article_id)]


def test_tag_all_stores_the_value_and_unit_of_each_amount(db: Any) -> None:
    article = store_article("Deal", BODY)
    _tag_all(article, "38 milliards de dollars", "MONEY")
    assert _stored(article) == [("38 milliards de dollars", 3.8e10, None, "USD", False)] * 2


def test_tag_all_reads_dollars_in_the_article_currency(db: Any) -> None:
    article = store_article("Deal", BODY)
    SetCurrencyHint(article, "CAD").apply()
    _tag_all(article, "38 milliards de dollars", "MONEY")
    assert [unit for *_, unit, _approx in _stored(article)] == ["CAD", "CAD"]


def test_tag_all_of_an_entity_label_stores_no_value(db: Any) -> None:
    article = store_article("Deal", BODY)
    _tag_all(article, "Altman", "PERSON")
    assert _stored(article) == [("Altman", None, None, None, False)]
