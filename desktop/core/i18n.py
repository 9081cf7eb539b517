"""Translation of the core's messages: :mod:`db.i18n`'s hook, and numbers for them.

The core writes its messages in English with :func:`translate` (``pyside6-lupdate``
finds the calls by name) and they reach the user in the interface language
once the GUI has installed Qt's translator (``desktop.ui.i18n``); the command
line stays in English. See :mod:`db.i18n` for the rules the calls follow.
"""

from __future__ import annotations

from db.i18n import QT_TRANSLATE_NOOP, counted, install, language, translate

__all__ = ["QT_TRANSLATE_NOOP", "counted", "install", "language", "number", "translate"]


def number(count: int) -> str:
    """A whole number as the interface language writes it: "3,000", "3 000"."""
    if language() == "en":
        return f"{count:,}"
    from babel.numbers import format_decimal

    return str(format_decimal(count, locale=language()))
