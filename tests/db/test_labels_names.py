"""A label's name: one line, at most 100 characters, whoever creates it."""

from __future__ import annotations

import pytest

from db.labels import LABEL_NAME_MAX, checked_name


@pytest.mark.parametrize(("name", "problem"), [
    ("x" * (LABEL_NAME_MAX + 1), "A label's name has at most 100 characters."),
    ("ORG\nPERSON", "A label's name is one line, without control characters."),
    ("ORG\u202e", "A label's name is one line, without control characters."),
    ("  ", "A label needs a name."),
])
def test_a_name_that_is_too_long_or_not_one_line_is_refused_in_words(db, name, problem):
    with pytest.raises(ValueError) as refused:
        checked_name(name)
    assert str(refused.value) == problem


def test_a_name_of_a_hundred_characters_is_taken_stripped(db):
    assert checked_name(" " + "é" * LABEL_NAME_MAX + " ") == "é" * LABEL_NAME_MAX
