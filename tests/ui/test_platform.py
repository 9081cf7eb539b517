"""Facts about the Qt stack the app relies on (see PLATFORM.md)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFontDatabase, QTextCursor, QTextDocument


def test_void_calls_do_not_leak_references_to_none(qapp):
    # PySide6 6.12.0 drops a reference to None on every void C++ call and
    # aborts the interpreter after a few thousand; the pin keeps us below it.
    document = QTextDocument("some text to move the cursor around in")
    cursor = QTextCursor(document)
    before = sys.getrefcount(None)
    for i in range(20_000):
        cursor.setPosition(i % 10)
    after = sys.getrefcount(None)
    assert after >= before - 100


def test_fonts_are_installed(qapp):
    # Without fonts every glyph is a box and Qt says nothing.
    assert QFontDatabase.families()
