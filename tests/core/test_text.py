"""Offsets and text rules: the ground every highlight stands on."""

from __future__ import annotations

import pytest

from desktop.core.offsets import OffsetMap
from desktop.core.text import normalize_body, snap_to_words

SAMPLES = ["", "plain ascii", "a😀b é𝄞c", "😀😀😀", "Cafe\u0301 👩\u200d💻 x\u00a0y\u202fz"]


@pytest.mark.parametrize("text", SAMPLES)
def test_offset_map_matches_utf16_and_round_trips(text):
    offsets = OffsetMap(text)
    for cp in range(len(text) + 1):
        u16 = len(text[:cp].encode("utf-16-le")) // 2
        assert offsets.to_utf16(cp) == u16
        assert offsets.to_codepoint(u16) == cp
    assert offsets.utf16_length == len(text.encode("utf-16-le")) // 2


def test_platform_example_and_the_middle_of_a_surrogate_pair():
    offsets = OffsetMap("a😀b é𝄞c")
    assert offsets.to_utf16(6) == 8  # "c": Python 6, Qt 8 (PLATFORM.md)
    assert offsets.to_codepoint(2) == 1  # between the halves of 😀 → the emoji itself


def test_normalize_body_turns_crlf_and_cr_into_lf_and_drops_the_bom():
    assert normalize_body("\ufeffa\r\nb\rc\nd") == "a\nb\nc\nd"


@pytest.mark.parametrize(("text", "selected", "expected"), [
    ("la start-up d’OpenAI signe", "penAI", "OpenAI"),
    ("la start-up d’OpenAI signe", "’OpenAI s", "OpenAI signe"),
    ("Hewlett-Packard va supprimer", "Hewlett", "Hewlett-Packard"),
    ("un pacte à 38,5 milliards", "8,5 mil", "38,5 milliards"),
    ("  AWS  ", "  AWS  ", "AWS"),
    ("Cafe\u0301 noir", "Caf", "Cafe\u0301"),
    ("le prix : 5 € !", "€", "€"),
    # An amount keeps its signs, as the amounts read in the text do.
    ("OpenAI will pay $38bn over", "$38bn", "$38bn"),
    ("OpenAI will pay $38bn over", " $38b", "$38bn"),
    ("will pay US$6m.", "$6m.", "US$6m"),
    ("une hausse de 38\u00a0% cette année", "38\u00a0% ", "38\u00a0%"),
    ("soit 5\u00a0€ de plus", "5\u00a0€", "5\u00a0€"),
    ("un pacte (38 milliards $).", "(38 milliards $).", "38 milliards $"),
    ("It fell by -5% to (€5.2 million).", "-5%", "-5%"),
    ("It fell by -5% to (€5.2 million).", "(€5.2 million)", "€5.2 million"),
    ("up by +$2m, then", "+$2m,", "+$2m"),
    # Without a number, signs and punctuation are trimmed as before.
    ("the $ fell; «OpenAI»", "«OpenAI»", "OpenAI"),
    ("prices - and $ - fell", "- and $ -", "and"),
    # A leading French elision and a trailing possessive are dropped, as a
    # double click selects them with the name (any apostrophe, lower case only).
    ("la start-up d’OpenAI signe", "d’OpenAI", "OpenAI"),
    ("la start-up d'OpenAI signe", "d'Open", "OpenAI"),
    ("la start-up dʼOpenAI signe", "dʼOpenAI", "OpenAI"),
    ("jusqu’à l’Élysée", "l’Élysée", "Élysée"),
    ("lorsqu’Altman parle", "lorsqu’Alt", "Altman"),
    ("OpenAI's shares fell", "OpenAI's", "OpenAI"),
    ("Sam Altman’s firm", "Sam Altman’", "Sam Altman"),
    ("la start-up d’OpenAI’s", "d’OpenAI’s", "OpenAI"),
    ("D’Artagnan arrive", "D’Artagnan", "D’Artagnan"),
    ("chez L’Oréal", "L’Oréal", "L’Oréal"),
    ("aujourd’hui", "aujourd’hui", "aujourd’hui"),
    ("Jesus’ words", "Jesus’", "Jesus"),
    # Nothing left but the elision or the possessive: kept.
    ("le d’ seul", "d’", "d"),
    ("un ’s seul", "’s", "s"),
    ("d’a", "d’a", "a"),
])
def test_snap_to_words(text, selected, expected):
    start = text.index(selected)
    s, e = snap_to_words(text, start, start + len(selected))
    assert text[s:e] == expected


def test_snap_of_white_space_only_is_empty():
    s, e = snap_to_words("a   b", 1, 4)
    assert s == e
