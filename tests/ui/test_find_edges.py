"""The find bar: scripts other than Latin, ligatures, soft hyphens, F3 in its box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.ui.find_bar import FindBar, search_pattern


def _found(query: str, text: str) -> list[tuple[int, int]]:
    pattern = search_pattern(query)
    assert pattern is not None
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("query", "text", "found"), [
    ("Андрей", "Андрей Иванов", [(0, 6)]),
    ("андрей", "АНДРЕЙ", [(0, 6)]),
    ("Андрей", "Андреи\u0306 x", [(0, 7)]),  # й decomposed in the text
    ("ёлка", "Ёлка, елка", [(0, 4)]),
    ("한국", "대한민국 한국", [(5, 7)]),
    ("ά", "Αθήνα άλφα", [(6, 7)]),
    ("が", "ががか", [(0, 1), (1, 2)]),
    ("oeuvre", "œuvre, ŒUVRE, oeuvre", [(0, 5), (7, 12), (14, 20)]),
    ("cœur", "coeur et cœur", [(0, 5), (9, 13)]),
    ("ex aequo", "ex æquo", [(0, 7)]),
    ("milliards", "38 mil\u00adliards", [(3, 13)]),
    ("societe", "La Société Générale", [(3, 10)]),
    ("Cafe\u0301", "café et Cafe\u0301", [(0, 4), (8, 13)]),
    ("l'oreal", "L’Oréal", [(0, 7)]),
    ("poete", "poète", [(0, 5)]),
])
def test_search_pattern(query, text, found):
    assert _found(query, text) == found


def test_match_offsets_are_code_points_past_emoji():
    text = "😀 Андрей et 👨\u200d👩\u200d👧 œuvre"
    assert _found("Андрей", text) == [(2, 8)]
    assert _found("oeuvre", text) == [(text.index("œ"), text.index("œ") + 5)]


def test_f3_and_shift_f3_in_the_find_box_move_between_matches(qtbot):
    bar = FindBar()
    qtbot.addWidget(bar)
    bar.set_text("OpenAI, OpenAI et OpenAI")
    bar.show()
    qtbot.waitExposed(bar)
    bar.edit.setFocus()
    qtbot.keyClicks(bar.edit, "openai")
    qtbot.waitUntil(lambda: bar.match_count() == 3)
    first = bar.current_match()
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert bar.current_match() != first
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_match() == first
