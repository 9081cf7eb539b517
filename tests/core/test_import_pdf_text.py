"""The lines a PDF draws, back into paragraphs: hyphens at line ends, paragraph ends,
running headers."""

from __future__ import annotations

import pytest

from desktop.core.pdf_text import join_hyphenated, page_paragraphs, pdf_body


@pytest.mark.parametrize("before, after, joined", [
    # a word the typesetter cut
    ("the maker of ChatGPT interna-", "tional capacity", "the maker of ChatGPT international "
     "capacity"),
    ("Interna-", "tional markets", "International markets"),
    ("une consomma-", "tion d’électricité", "une consommation d’électricité"),
    # two words joined by their own hyphen
    ("The New York-", "based analysts", "The New York-based analysts"),
    ("a Paris-", "based start-up", "a Paris-based start-up"),
    ("the state-", "owned bank", "the state-owned bank"),
    ("a-t-", "il précisé", "a-t-il précisé"),
    ("trente-", "huit milliards", "trente-huit milliards"),
    ("quatre-", "vingts sites", "quatre-vingts sites"),
    ("twenty-", "five years", "twenty-five years"),
    ("celui-", "ci est", "celui-ci est"),
    # a capital, a digit or an acronym after or before the hyphen
    ("the Franco-", "German border", "the Franco-German border"),
    ("the COVID-", "19 pandemic", "the COVID-19 pandemic"),
    ("in 2020-", "21 the", "in 2020-21 the"),
    ("the UN-", "backed plan", "the UN-backed plan"),
    ("the NATO-", "led force", "the NATO-led force"),
    # no hyphen, a dash, a soft hyphen
    ("the end of", "the year", "the end of the year"),
    ("prices rose –", "again", "prices rose – again"),
    ("infor\u00ad", "mation", "information"),
])
def test_a_line_end_hyphen_is_dropped_only_when_it_cut_a_word(before, after, joined):
    assert join_hyphenated(before, after) == joined


def test_the_text_itself_decides_when_it_can():
    # "well-being" is written with its hyphen elsewhere; "database" whole.
    words = {"database", "the"}
    compounds = {"well-being"}

    assert join_hyphenated("their well-", "being matters", words, compounds) == \
        "their well-being matters"
    assert join_hyphenated("the data-", "base grew", words, compounds) == "the database grew"
    # Neither "coowned" nor "co-owned" is in the text: the known compounds decide.
    assert join_hyphenated("the co-", "owned firm", words, compounds) == "the co-owned firm"
    # A compound the text writes whole is joined even if its second word is listed.
    assert join_hyphenated("the inter-", "related parts", {"interrelated"}, set()) == \
        "the interrelated parts"


def test_lines_become_paragraphs_at_blank_lines_short_endings_and_bullets():
    lines = [
        "Quarterly results",
        "Revenue at the harbour authority rose by a fifth over the year, helped by",
        "record cruise calls and a busy summer for the island ferries.",
        "Costs were flat.",
        "The board proposed three measures for next year, to be voted in spring:",
        "• a new shore power station;",
        "• four electric tugboats, replacing the",
        "diesel fleet;",
        "",
        "The vote is due in April, after the consultation with residents of the",
        "old town ends.",
    ]

    assert page_paragraphs(lines, usual=75) == [
        "Quarterly results",
        "Revenue at the harbour authority rose by a fifth over the year, helped by record "
        "cruise calls and a busy summer for the island ferries.",
        "Costs were flat.",
        "The board proposed three measures for next year, to be voted in spring:",
        "• a new shore power station;",
        "• four electric tugboats, replacing the diesel fleet;",
        "The vote is due in April, after the consultation with residents of the old town "
        "ends.",
    ]


def test_page_breaks_are_paragraph_breaks_and_running_lines_go():
    pages = [
        "Annual report 2024\nThe first page holds a sentence that runs on for a whole line,\n"
        "and ends here.\n1",
        "Annual report 2024\nThe second page holds another sentence that also runs on for a\n"
        "whole line.\n2",
        "Annual report 2024\nThe third page is short.\n3",
    ]

    assert pdf_body(pages) == (
        "The first page holds a sentence that runs on for a whole line, and ends here.\n\n"
        "The second page holds another sentence that also runs on for a whole line.\n\n"
        "The third page is short.")


def test_a_sentence_cut_by_a_page_break_is_one_sentence_again():
    pages = ["The information found in one folder is added to the information found in\n"
             "the folders before it, except when a later file deletes it. Information in a",
             "folder lower in the list takes precedence over the folders above it, and the\n"
             "same rule holds for the inter-",
             "national catalogue.",
             "New paragraph on a new page."]

    assert pdf_body(pages) == (
        "The information found in one folder is added to the information found in the "
        "folders before it, except when a later file deletes it. Information in a folder "
        "lower in the list takes precedence over the folders above it, and the same rule "
        "holds for the international catalogue.\n\n"
        "New paragraph on a new page.")


def test_ligatures_and_control_characters_are_read_as_letters():
    assert pdf_body(["The ﬁnal ofﬁce\x07 ﬂoor."]) == "The final office floor."


def test_no_text_gives_an_empty_body():
    assert pdf_body(["", "  \n \n", ""]) == ""
