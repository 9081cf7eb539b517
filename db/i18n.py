"""Translation of the messages the database layer and the core write for people.

These layers are Qt-free: they call :func:`translate` (and mark texts
translated later with :func:`QT_TRANSLATE_NOOP`), which returns the English
text as it is until the GUI installs Qt's translator with :func:`install`
(``desktop.ui.i18n`` does, before the window is built). The command line
installs nothing and stays in English. The core uses them through
:mod:`desktop.core.i18n`.

``pyside6-lupdate`` finds these calls by name, as it finds Qt's own: the
context and the text must be string literals written in the call, e.g.
``translate("Import", "The file is empty.")``. It does not find plural
forms (``%n``) in such calls: a message with a count is written twice, for
one and for more, and :func:`counted` picks by the language's rule ("0
article" in French, "0 articles" in English).
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str, "str | None"], str]
"""Takes a context, an English text and its disambiguation (or None), returns the
text in the user's language (``QCoreApplication.translate`` is one)."""

_translator: Translator | None = None
_language = "en"


def install(translator: Translator | None, language: str = "en") -> None:
    """Makes :func:`translate` use ``translator`` for ``language`` (None: English again)."""
    global _translator, _language
    _translator = translator
    _language = language if translator is not None else "en"


def language() -> str:
    """The language messages are written in: "en" until a translator is installed."""
    return _language


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """``text`` in the user's language (English while no translator is installed).

    ``disambiguation`` tells apart two uses of the same English text (lupdate
    stores it as the message's comment): "{count} already present" said of one
    article or of several.
    """
    return text if _translator is None else _translator(context, text, disambiguation)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's marker name)
    """Marks ``text`` for translation (lupdate extracts it) and returns it unchanged:
    for a text kept in English and translated where it is shown."""
    return text


def counted(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` (both translated already), as the language says ``count``:
    French says "0 article" and "1 article", English "0 articles"."""
    singular = abs(count) < 2 if _language == "fr" else count == 1
    return one if singular else many
