"""Sentence numbers: where sentences start, and which one an offset falls in."""

from __future__ import annotations

import pytest

from desktop.core.text import sentence_index, sentence_starts


def _sentences(body: str) -> list[str]:
    starts = sentence_starts(body)
    return [body[a:b] for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]


def test_sentences_end_at_a_terminator_before_a_capital_digit_or_quote():
    body = ("OpenAI signs with AWS. Is it big? Yes! 38 billion dollars… "
            "« Huge », says one. \"Really,\" says another.")
    assert _sentences(body) == [
        "OpenAI signs with AWS. ", "Is it big? ", "Yes! ", "38 billion dollars… ",
        "« Huge », says one. ", "\"Really,\" says another.",
    ]


@pytest.mark.parametrize("body", [
    "Le contrat vaut 38,5 milliards et 3.8e10 dollars.",
    "Les U.S. officials et M. Dupont parlent.",
    "U.S. President Biden spoke, with Mme Durand and Dr. Who.",
    "OpenAI, AWS, Nvidia, etc. sont là.",
    "See example.com for details.",
    "Il a dit... que non.",
    "« Pourquoi ? » demande-t-il.",
    "« C'est fini. » a-t-il dit.",
])
def test_no_split_inside_numbers_abbreviations_initials_or_before_lower_case(body):
    assert sentence_starts(body) == [0]


def test_a_line_break_ends_a_sentence_even_without_a_point():
    body = "A headline without a point\n\nThe first paragraph. A second sentence.\nLast"
    assert _sentences(body) == [
        "A headline without a point\n\n", "The first paragraph. ", "A second sentence.\n",
        "Last",
    ]


def test_closing_quotes_and_french_spacing_stay_with_their_sentence():
    body = "Il a dit : « C'est fini. » Puis il est parti. \"Done.\" Then."
    assert _sentences(body) == [
        "Il a dit : « C'est fini. » ", "Puis il est parti. ", "\"Done.\" ", "Then.",
    ]


def test_sentence_index_counts_from_zero_and_gives_spaces_to_the_sentence_before():
    body = "One. Two.  Three 😀. Four"
    assert [sentence_index(body, body.index(w)) for w in ("One", "Two", "Three", "Four")] == [
        0, 1, 2, 3]
    assert sentence_index(body, body.index("Two") + 5) == 1  # in the double space
    assert sentence_index(body, len(body) + 10) == 3
    assert sentence_index("", 0) == 0


def test_offsets_are_code_points():
    body = "😀 Émoji 👩\u200d💻. Next one."
    assert sentence_index(body, body.index("Next")) == 1
    assert sentence_starts(body) == [0, body.index("Next")]
