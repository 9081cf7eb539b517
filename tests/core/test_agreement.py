"""Agreement between two annotators: tokens, Cohen's κ, span F1, where they differ."""

from __future__ import annotations

import pytest

from desktop.core.agreement import (
    Difference,
    DifferenceKind,
    Span,
    SpanCounts,
    compare,
    differences,
    pool,
    token_table,
    tokenize,
)

TEXT = "Sam Altman met Nvidia in Paris."
A = [(0, 10, "PERSON"), (15, 21, "ORG"), (25, 30, "PLACE")]
B = [(4, 10, "PERSON"), (15, 21, "ORG"), (25, 30, "ORG")]


def _words(text: str) -> list[str]:
    return [text[start:end] for start, end in tokenize(text)]


def test_kappa_and_f1_of_the_hand_computed_example():
    """"Sam Altman met Nvidia in Paris." — A tags Sam Altman PERSON, Nvidia ORG,
    Paris PLACE; B tags Altman PERSON, Nvidia ORG, Paris ORG.

    ======  ======  ======  =====
    token   A       B       same
    ======  ======  ======  =====
    Sam     PERSON  O       no
    Altman  PERSON  PERSON  yes
    met     O       O       yes
    Nvidia  ORG     ORG     yes
    in      O       O       yes
    Paris   PLACE   ORG     no
    .       O       O       yes
    ======  ======  ======  =====

    N = 7 tokens, 5 alike: p_o = 5/7.
    A gave PERSON 2, ORG 1, PLACE 1, O 3; B gave PERSON 1, ORG 2, PLACE 0, O 4:
    p_e = (2·1 + 1·2 + 1·0 + 3·4) / 7² = 16/49.
    κ = (5/7 − 16/49) / (1 − 16/49) = (35 − 16) / (49 − 16) = 19/33 ≈ 0.576.

    Per label, the label against anything else:
    ORG: A {Nvidia}, B {Nvidia, Paris}: p_o = 6/7, p_e = (1·2 + 6·5)/49 = 32/49,
    κ = (42 − 32)/(49 − 32) = 10/17. PERSON: A {Sam, Altman}, B {Altman}: the
    same figures, 10/17. PLACE: A {Paris}, B none: p_o = 6/7,
    p_e = (1·0 + 6·7)/49 = 42/49, κ = (42 − 42)/(49 − 42) = 0.

    Exact spans: only Nvidia ORG is in both: 1 of A's 3, 1 of B's 3:
    P = R = F1 = 1/3. ORG: P = 1/2, R = 1/1, F1 = 2/3; PERSON: 0, 0, 0;
    PLACE: B has none, P undefined, R = 0, F1 = 0.
    Relaxed (overlap, same label): Altman overlaps Sam Altman, so PERSON is
    1, 1, 1; ORG as exact; PLACE as exact; overall 2 of 3 each way: 2/3.
    """
    agreement = compare(TEXT, A, B)

    assert _words(TEXT) == ["Sam", "Altman", "met", "Nvidia", "in", "Paris", "."]
    kappa = agreement.kappa()
    assert (kappa.tokens, kappa.observed, kappa.expected) == (7, pytest.approx(5 / 7),
                                                              pytest.approx(16 / 49))
    assert kappa.value == pytest.approx(19 / 33)
    assert agreement.labels() == ["ORG", "PERSON", "PLACE"]
    assert agreement.kappa("ORG").value == pytest.approx(10 / 17)
    assert agreement.kappa("PERSON").value == pytest.approx(10 / 17)
    assert agreement.kappa("PLACE").expected == pytest.approx(42 / 49)
    assert agreement.kappa("PLACE").value == 0

    exact = agreement.spans()
    assert exact == SpanCounts(reference=3, candidate=3, found=1, correct=1)
    assert (exact.precision, exact.recall, exact.f1) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    org = agreement.spans("ORG")
    assert (org.precision, org.recall, org.f1) == pytest.approx((1 / 2, 1, 2 / 3))
    assert agreement.spans("PERSON").f1 == 0
    place = agreement.spans("PLACE")
    assert (place.precision, place.recall, place.f1) == (None, 0, 0)

    assert agreement.spans("PERSON", relaxed=True).f1 == 1
    assert agreement.spans("ORG", relaxed=True).f1 == pytest.approx(2 / 3)
    relaxed = agreement.spans(relaxed=True)
    assert relaxed == SpanCounts(reference=3, candidate=3, found=2, correct=2)
    assert relaxed.f1 == pytest.approx(2 / 3)


def test_tokens_keep_emoji_flags_and_combining_marks_whole():
    text = "Cafe\u0301 😀 👩\u200d🚒 🇫🇷 👍🏽 d’OpenAI 38\u00a0milliards"

    assert _words(text) == ["Cafe\u0301", "😀", "👩\u200d🚒", "🇫🇷", "👍🏽", "d", "’",
                            "OpenAI", "38", "milliards"]


def test_astral_characters_and_combining_marks_before_spans_do_not_shift_labels():
    text = "Cafe\u0301 😀 👩\u200d🚒 🇫🇷 OpenAI et 𝄞 Nvidia"
    openai = text.index("OpenAI")
    nvidia = text.index("Nvidia")
    a = [(openai, openai + 6, "ORG"), (nvidia, nvidia + 6, "ORG")]
    b = [(openai, openai + 6, "ORG")]

    table = token_table(text, [Span(*s) for s in a], [Span(*s) for s in b])

    assert table.pairs == {(None, None): 6, ("ORG", "ORG"): 1, ("ORG", None): 1}
    assert compare(text, a, a).kappa().value == 1


def test_tokens_are_cut_where_a_span_starts_or_ends_inside_a_word():
    a = [(0, 3, "PRODUCT")]  # "GPU" of "GPUs"
    b = [(0, 4, "PRODUCT")]

    table = compare("GPUs sold", a, b).tokens

    assert table.pairs == {("PRODUCT", "PRODUCT"): 1, (None, "PRODUCT"): 1, (None, None): 1}


def test_overlapping_spans_of_one_annotator_the_longest_then_earliest_then_first_label_wins():
    text = "Sam Altman"
    both = [(0, 10, "PERSON"), (4, 10, "ORG")]
    tied = [(0, 10, "PERSON"), (0, 10, "ORG")]
    earliest = [(0, 3, "PERSON"), (2, 5, "ORG")]  # pieces "Sa", "m" (both cover it), "A", "ltman"

    assert compare(text, both, both).tokens.pairs == {("PERSON", "PERSON"): 2}
    assert compare(text, tied, tied).tokens.pairs == {("ORG", "ORG"): 2}
    assert compare(text, earliest, earliest).tokens.pairs == {
        ("PERSON", "PERSON"): 2, ("ORG", "ORG"): 1, (None, None): 1}


def test_kappa_is_undefined_without_tokens_or_when_chance_explains_everything():
    empty = compare("  \n ", [], []).kappa()
    assert (empty.tokens, empty.observed, empty.expected, empty.value) == (0, None, None, None)

    untagged = compare("Nothing here.", [], []).kappa()  # every token outside, for both
    assert (untagged.observed, untagged.expected, untagged.value) == (1, 1, None)

    whole = compare("Nvidia", [(0, 6, "ORG")], [(0, 6, "ORG")])
    assert whole.kappa().value is None and whole.kappa().observed == 1
    assert whole.kappa("ORG").value is None
    assert compare(TEXT, A, B).kappa("DATE").value is None  # nobody used it


def test_kappa_of_complete_disagreement_is_minus_one():
    kappa = compare("Nvidia AWS", [(0, 6, "ORG")], [(7, 10, "ORG")]).kappa()

    assert (kappa.observed, kappa.expected, kappa.value) == (0, 0.5, -1)


def test_f1_with_spans_on_one_side_only_or_none_at_all():
    assert SpanCounts().f1 is None
    only_a = compare(TEXT, A, []).spans()
    assert (only_a.precision, only_a.recall, only_a.f1) == (None, 0, 0)
    only_b = compare(TEXT, [], B).spans(relaxed=True)
    assert (only_b.precision, only_b.recall, only_b.f1) == (0, None, 0)
    same = compare(TEXT, A, A + A)  # a span given twice counts once
    assert same.spans() == SpanCounts(3, 3, 3, 3) and same.spans().f1 == 1


def test_relaxed_counts_each_side_by_overlap():
    text = "Amazon Web Services and Microsoft"
    a = [(0, 6, "ORG"), (7, 19, "ORG")]  # "Amazon", "Web Services"
    b = [(0, 19, "ORG"), (24, 33, "ORG")]  # "Amazon Web Services", "Microsoft"

    relaxed = compare(text, a, b).spans(relaxed=True)

    assert relaxed == SpanCounts(reference=2, candidate=2, found=2, correct=1)
    assert (relaxed.precision, relaxed.recall) == (0.5, 1)
    assert relaxed.f1 == pytest.approx(2 / 3)
    touching = compare(text, [(0, 6, "ORG")], [(6, 19, "ORG")]).spans(relaxed=True)
    assert touching.found == touching.correct == 0  # sharing an end is no overlap


def test_pooled_articles_add_their_tokens_and_span_counts():
    first = compare(TEXT, A, B)
    second = compare("Nvidia AWS", [(0, 6, "ORG")], [(7, 10, "ORG")])

    pooled = pool([first, second])

    assert pooled.articles == 2
    assert pooled.kappa().tokens == 9
    # 5 + 0 of 9 alike; A: PERSON 2, ORG 2, PLACE 1, O 4; B: PERSON 1, ORG 3, O 5
    assert pooled.kappa().observed == pytest.approx(5 / 9)
    assert pooled.kappa().expected == pytest.approx((2 * 1 + 2 * 3 + 4 * 5) / 81)
    assert pooled.kappa().value == pytest.approx((45 - 28) / (81 - 28))
    assert pooled.spans() == SpanCounts(reference=4, candidate=4, found=1, correct=1)
    assert pooled.spans("ORG") == first.spans("ORG") + second.spans("ORG")
    assert pool([]).kappa().value is None


def test_differences_list_label_boundary_and_one_sided_spans_in_text_order():
    text = "OpenAI signs with AWS a deal of 38 billion dollars in Seattle."
    a = [(0, 6, "ORG"), (18, 21, "ORG"), (32, 50, "MONEY"), (54, 61, "PLACE")]
    b = [(0, 6, "ORG"), (18, 21, "PRODUCT"), (32, 42, "MONEY"), (24, 28, "MONEY")]
    assert text[32:50] == "38 billion dollars" and text[54:61] == "Seattle"

    found = differences(a, b)

    assert found == [
        Difference(DifferenceKind.LABEL, Span(18, 21, "ORG"), Span(18, 21, "PRODUCT")),
        Difference(DifferenceKind.ONLY_B, None, Span(24, 28, "MONEY")),
        Difference(DifferenceKind.BOUNDARIES, Span(32, 50, "MONEY"), Span(32, 42, "MONEY")),
        Difference(DifferenceKind.ONLY_A, Span(54, 61, "PLACE"), None),
    ]
    assert differences(a, a) == []


def test_a_span_overlapping_two_others_is_in_two_boundary_differences():
    a = [(0, 19, "ORG")]
    b = [(0, 6, "ORG"), (7, 19, "PRODUCT"), (25, 30, "ORG")]

    kinds = [(d.kind, d.b) for d in differences(a, b)]

    assert kinds == [(DifferenceKind.BOUNDARIES, Span(0, 6, "ORG")),
                     (DifferenceKind.BOUNDARIES, Span(7, 19, "PRODUCT")),
                     (DifferenceKind.ONLY_B, Span(25, 30, "ORG"))]
