"""HighlightIndex: filing many highlights at once files them as one by one would."""

from __future__ import annotations

from desktop.ui.highlights import Highlight, HighlightIndex, block_starts

# Blocks: "Amazon 😀 Web\n" (0-12), "Services\n" (13-21), "\n" (22), "OpenAI é\n" …
TEXT = "Amazon 😀 Web\nServices\n\nOpenAI e\u0301\u00a0AWS\n"


def _h(hid: int, start: int, end: int, label: str = "ORG") -> Highlight:
    return Highlight(id=hid, start=start, end=end, color="#336699", label=label, tooltip="")


def _filed(index: HighlightIndex) -> list[tuple[int, list[int]]]:
    return [(block, sorted(h.id for h in index.in_block(block)))
            for block in range(index.block_count) if index.in_block(block)]


def test_many_at_once_are_filed_as_one_by_one() -> None:
    spans = [_h(1, 0, 6), _h(2, 7, 8), _h(3, 9, 21), _h(4, 23, 29), _h(5, 30, 31),
             _h(6, 10, 10), _h(7, 32, 35)]
    one_by_one = HighlightIndex(block_starts(TEXT))
    changed_one = set().union(*(one_by_one.add(h) for h in spans))
    at_once = HighlightIndex(block_starts(TEXT))

    changed = at_once.add_many(spans)

    assert changed == changed_one == {0, 1, 3}
    assert _filed(at_once) == _filed(one_by_one) == [(0, [1, 2, 3, 6]), (1, [3]),
                                                     (3, [4, 5, 7])]
    assert [h.id for h in at_once.at(10)] == [3]  # the span over the line break
    assert [h.id for h in at_once.at(14)] == [3]


def test_an_id_given_again_replaces_the_highlight_and_the_later_of_two_wins() -> None:
    index = HighlightIndex(block_starts(TEXT))
    index.add(_h(1, 0, 6))

    changed = index.add_many([_h(1, 13, 21), _h(2, 23, 29, "PER"), _h(2, 23, 29, "ORG")])

    assert changed == {0, 1, 3}  # block 0 lost its highlight
    assert _filed(index) == [(1, [1]), (3, [2])]
    assert [h.label for h in index.all()] == ["ORG", "ORG"]
    assert len(index) == 2


def test_removing_leaves_the_other_highlights_of_the_block() -> None:
    index = HighlightIndex(block_starts(TEXT))
    same = [_h(1, 0, 6), _h(2, 0, 6), _h(3, 0, 12)]  # equal spans, one enclosing them
    index.add_many(same)

    assert index.remove([2, 99]) == {0}

    assert [h.id for h in index.at(3)] == [3, 1]
    assert index.remove([1, 3]) == {0}
    assert _filed(index) == []
    assert len(index) == 0
