"""Entity suggestions: whole words, elision, acronyms, aliases."""

from __future__ import annotations

from desktop.core.entities import EntityMatcher, Term

TERMS = [Term("OpenAI", "ORG", "OpenAI"), Term("AWS", "ORG", "Amazon Web Services"),
         Term("Amazon Web Services", "ORG", "Amazon Web Services"),
         Term("Amazon", "ORG", "Amazon"), Term("Mark", "PERSON", "Mark Zuckerberg"),
         Term("Sam Altman", "PERSON", "Sam Altman")]


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.label, m.entity) for m in EntityMatcher(TERMS).find(text)]


def test_whole_words_only():
    assert _found("Add a bookmark, Mark.") == [("Mark", "PERSON", "Mark Zuckerberg")]
    assert _found("OpenAIs and NotOpenAI") == []


def test_french_elision_with_either_apostrophe():
    assert _found("l’accord d’OpenAI et l'offre d'AWS") == [
        ("OpenAI", "ORG", "OpenAI"), ("AWS", "ORG", "Amazon Web Services")]


def test_case_is_ignored_for_names_but_kept_for_acronyms():
    assert _found("openai, aws et AWS") == [("openai", "ORG", "OpenAI"),
                                            ("AWS", "ORG", "Amazon Web Services")]


def test_longest_name_wins_and_spaces_may_be_non_breaking():
    assert _found("Amazon\u00a0Web Services et Amazon") == [
        ("Amazon\u00a0Web Services", "ORG", "Amazon Web Services"),
        ("Amazon", "ORG", "Amazon")]
    assert _found("Sam  Altman") == [("Sam  Altman", "PERSON", "Sam Altman")]


def test_offsets_are_code_points_after_emoji():
    text = "😀 OpenAI 𝄞 OpenAI"
    starts = [m.start for m in EntityMatcher(TERMS).find(text)]
    assert starts == [2, 11]
    assert all(text[m.start:m.end] == "OpenAI" for m in EntityMatcher(TERMS).find(text))


def test_combining_marks_and_hyphens_stay_inside_words():
    matcher = EntityMatcher([Term("Cafe\u0301 Noir", "ORG", "Café Noir"),
                             Term("Hewlett-Packard", "ORG", "HP")])
    found = [(m.text, m.entity) for m in matcher.find(
        "Le Cafe\u0301 Noir, Cafe\u0301s Noirs, Hewlett-Packard et Hewlett-Packards.")]
    assert found == [("Cafe\u0301 Noir", "Café Noir"), ("Hewlett-Packard", "HP")]


def test_thousands_of_names_are_matched_without_compiling_a_pattern():
    terms = [Term(f"Company{i}", "ORG", f"Company {i}") for i in range(20_000)]
    text = " ".join(f"Company{i}" for i in range(0, 20_000, 7))
    found = EntityMatcher(terms).find(text)
    assert len(found) == len(range(0, 20_000, 7))
    assert found[1].entity == "Company 7"


def test_a_matcher_learns_new_names_without_being_built_again():
    matcher = EntityMatcher([Term("Amazon", "ORG", "Amazon")])
    assert [m.text for m in matcher.find("Amazon Web Services et Amazon.")] == [
        "Amazon", "Amazon"]
    matcher.add([Term("Amazon Web Services", "ORG", "Amazon Web Services")])
    assert [m.text for m in matcher.find("Amazon Web Services et Amazon.")] == [
        "Amazon Web Services", "Amazon"]  # the longer name still wins
