"""Stored and imported text shown as written, never read as HTML.

Qt's tooltips, message boxes and input dialogs take a string that looks like
HTML for HTML (``Qt.mightBeRichText``): a note, title, source or name holding
``<img src=…>`` or ``<b>`` would be drawn, and an image asked for. Everything
that shows such text in one of them goes through :func:`as_plain_text`.
A menu entry or a button reads ``&`` as the mark of its key instead:
stored text shown there goes through :func:`as_menu_text`.
This module imports no Qt, so the reader can use it before the first paint.
"""

from __future__ import annotations

from html import escape


def as_plain_text(text: str) -> str:
    """``text`` for a widget that guesses whether its text is HTML, to show it as written.

    Text with neither ``<`` nor ``&`` can't be taken for HTML and is returned
    as it is; other text is escaped and wrapped as HTML that keeps its line
    breaks and spaces.
    """
    if "<" not in text and "&" not in text:
        return text
    return f"<p style='white-space:pre-wrap'>{escape(text, quote=False)}</p>"


def as_menu_text(text: str) -> str:
    """``text`` for a menu entry or a button, to show it as written.

    Their text marks its key with ``&``: an "&" of a name ("AT&T", "R&D")
    is doubled, so that it shows and takes no key.
    """
    return text.replace("&", "&&")
