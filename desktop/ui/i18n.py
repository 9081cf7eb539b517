"""The interface language: Qt translators, the default locale, and the formats that follow.

Marginalia is written in English; ``resources/translations/marginalia_fr.ts``
holds the French interface (``make translations`` updates it from the code
with ``pyside6-lupdate``; ``pyside6-lrelease`` compiles it to the ``.qm``
loaded here). ``marginalia_en.ts`` holds only the English plural forms
("1 article", "2 articles").

The language is the user's setting: ``"system"`` (the default) follows the
system locale, ``"fr"`` or ``"en"`` choose one. :func:`install_translations`
loads it before the window is built; :func:`apply_language` switches at run
time: Qt then sends every widget a ``LanguageChange`` event, and each
widget that sets its texts once sets them again (its ``changeEvent``).
Qt's own texts (the Cancel of a button box, a file dialog) come from Qt's
``qtbase_<language>.qm``.

Amounts (Babel, :func:`format_locale`) and dates (:func:`format_date`) are
written the chosen language's way: "38 Md $US", "$38B".
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QTranslator

LANGUAGES = {"en": "English", "fr": "Français"}
"""The interface languages, by code, each named in itself."""
SYSTEM = "system"
"""The setting's value that follows the system locale."""
SOURCE_LANGUAGE = "en"
CATALOGUE = "marginalia"
"""Our catalogues are ``<CATALOGUE>_<language>.qm`` in resources/translations."""
QT_CATALOGUES = ("qtbase",)
"""Qt's own catalogues loaded besides ours (Qt's translations folder)."""

# English keeps ISO 8601 dates (read alike in the US and in the UK, and sorted
# as text); French writes them day first, as French readers do.
_DATE_FORMATS = {"en": "yyyy-MM-dd", "fr": "dd/MM/yyyy"}

# The languages articles are most often in, named in the interface language; any
# other is named in itself ("Deutsch"), which reads in every interface.
_LANGUAGE_NAMES = {"fr": QT_TRANSLATE_NOOP("Language", "French"),
                   "en": QT_TRANSLATE_NOOP("Language", "English"),
                   "de": QT_TRANSLATE_NOOP("Language", "German"),
                   "es": QT_TRANSLATE_NOOP("Language", "Spanish"),
                   "it": QT_TRANSLATE_NOOP("Language", "Italian"),
                   "pt": QT_TRANSLATE_NOOP("Language", "Portuguese"),
                   "nl": QT_TRANSLATE_NOOP("Language", "Dutch")}

_translators: list[QTranslator] = []
_language = SOURCE_LANGUAGE


def resolve_language(setting: str | None) -> str:
    """The interface language for a setting: ``"fr"``, ``"en"``, or the system's
    language when ``setting`` is ``"system"`` (English when it is neither)."""
    if setting in LANGUAGES:
        return setting
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else SOURCE_LANGUAGE


def current_language() -> str:
    """The interface language now in use (``"en"`` until translations are installed)."""
    return _language


def format_locale() -> str:
    """The Babel locale amounts and numbers are written in ("fr": "38 Md $US")."""
    return _language


def format_date(value: datetime.date | str | None) -> str:
    """A date as the interface language writes it ("03/11/2025"; "2025-11-03" in
    English); "" for none. A text that is not an ISO date is shown as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return QDate(value.year, value.month, value.day).toString(_DATE_FORMATS[_language])


def quoted(text: str) -> str:
    """``text`` between the interface language's quotation marks: “AWS”, « AWS »."""
    return f"«\u00a0{text}\u00a0»" if _language == "fr" else f"“{text}”"


def language_name(code: str) -> str:
    """The name of an article's language ("fr" → "French", "français" in French), else
    its name in itself, else the code ("" for none)."""
    if not code:
        return ""
    known = _LANGUAGE_NAMES.get(code.lower())
    if known is not None:
        return QCoreApplication.translate("Language", known)
    locale = QLocale(code)
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return code
    return locale.nativeLanguageName() or code


def relation_kind_name(kind: str) -> str:
    """How a kind of link reads: the built-in "deal" in the interface language, a
    kind the user typed ("supplies") as it was typed."""
    from db.relation_kinds import DEAL

    return QCoreApplication.translate("RelationKind", "deal") if kind == DEAL else kind


def translations_dir() -> Path | None:
    """The folder of our compiled catalogues, or None if none is found (an
    install without them: the interface is then in English)."""
    from desktop.resources import resource_path

    try:
        return resource_path("translations")
    except FileNotFoundError:
        return None


def install_translations(app: QCoreApplication, language: str | None = SYSTEM) -> str:
    """Loads the interface language (``"system"``, ``"fr"`` or ``"en"``) into ``app``
    before any window is built: our catalogue, Qt's own, the default locale, and
    the translator of the core's messages. Returns the language in use.

    A missing catalogue leaves those texts in English; nothing fails.
    """
    from desktop.core import i18n as core_i18n

    global _language
    for translator in _translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    _translators.clear()
    code = resolve_language(language)
    folder = translations_dir()
    if folder is not None:
        _load(app, folder / f"{CATALOGUE}_{code}.qm")
    if code != SOURCE_LANGUAGE:
        from PySide6.QtCore import QLibraryInfo

        qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        for name in QT_CATALOGUES:
            _load(app, qt_folder / f"{name}_{code}.qm")
    system = QLocale.system()
    # The user's own region when it speaks the chosen language (en_GB, fr_CA…).
    QLocale.setDefault(system if system.name().split("_")[0] == code else QLocale(code))
    _language = code
    core_i18n.install(QCoreApplication.translate, code)
    return code


def apply_language(language: str | None) -> str:
    """Switches the interface to ``language`` (``"system"``, ``"fr"``, ``"en"``) at
    run time; every open window, dock and dialog shows its texts again in it.
    Returns the language in use."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language needs a QApplication")
    return install_translations(app, language)


def _load(app: QCoreApplication, path: Path) -> None:
    if not path.is_file():
        return
    translator = QTranslator(app)
    if translator.load(str(path)):
        app.installTranslator(translator)
        _translators.append(translator)
