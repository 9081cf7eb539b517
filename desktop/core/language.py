"""A tiny French/English guesser for articles imported without a language.

Counting the commonest function words of each language is enough to tell
French news from English news, needs no model or dependency, and is fast
enough to run on every imported article. Anything else is left unknown.
"""

from __future__ import annotations

import re

FRENCH = "fr"
ENGLISH = "en"

_FRENCH_WORDS = frozenset(
    "le la les un une des du de au aux et est sont été être que qui quoi dont dans pour "
    "par sur avec sans sous mais ou où ne pas plus il elle ils elles nous vous je ce cette "
    "ces son sa ses leur leurs ont avait était selon aussi comme entre après avant".split()
)
_ENGLISH_WORDS = frozenset(
    "the of and to in is are was were be been being that which who what this these those "
    "for with without at by from it its he she they we you i not but or as have has had "
    "will would said also than after before into about".split()
)
# Elided articles and pronouns ("l'accord", "d’OpenAI", "qu'il") are French.
_ELISION = re.compile(r"\b(?:l|d|qu|n|s|c|j)['’]\w", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")

SAMPLE_CHARS = 4000
"""Only the start of a long text is read: it says as much as the whole."""


def guess_language(text: str) -> str:
    """Returns ``"fr"``, ``"en"``, or ``""`` when the text gives no clear sign.

    Args:
        text: the article (title and body, or either).
    """
    sample = text[:SAMPLE_CHARS]
    french = len(_ELISION.findall(sample))
    english = 0
    for word in _WORD.findall(sample.lower()):
        if word in _FRENCH_WORDS:
            french += 1
        elif word in _ENGLISH_WORDS:
            english += 1
    if french == english or max(french, english) < 2:
        return ""
    return FRENCH if french > english else ENGLISH
