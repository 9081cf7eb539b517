"""Full-text search over titles and bodies: one function, on either engine.

:func:`matching_ids` turns what a user typed into a statement selecting the
ids of the articles that match, for ``Article.id IN (…)``. The rule is the
same on both engines: each whitespace-separated word must appear (its
letters and digits, in order, as a phrase: "Hewlett-Packard", "l'Oréal"),
case and accents aside; the last word also matches as the start of a longer
word while it is being typed (no space after it); quotes and operators
typed are plain text.

* SQLite: the FTS5 table ``article_fts`` (migration 001, kept by triggers),
  queried with :func:`fts_query`.
* PostgreSQL: ``article_fts`` holds a ``tsvector`` per article (see
  :mod:`db.postgres_schema`): its words as written (accents aside) and, for a
  French or English article, their stems in that language, so that a word
  also finds its other forms ("contrats" finds "contrat"). Each word of the
  query must match, written or stemmed, in the article's own configuration.
"""

from __future__ import annotations

import re
from typing import Any

from db.dialect import Dialect

_TOKEN = re.compile(r"[^\W_]+")
"""A run of letters and digits: what FTS5's unicode61 tokenizer keeps of a word."""

CONFIGS = ("marginalia_french", "marginalia_english", "marginalia_simple")
"""PostgreSQL's text search configurations, one per article language (and one for others)."""
_AS_WRITTEN = "marginalia_simple"


def fts_query(text: str) -> str:
    """Turns what a user typed into a safe FTS5 query, or ``""`` for "no search".

    Each whitespace-separated word becomes a quoted phrase (FTS5 then splits it
    the way it split the text, so "Hewlett-Packard" and "l'Oréal" match), words
    must all appear, and the last word matches as a prefix while it is still
    being typed (no space after it). Quotes and operators the user typed are
    kept as plain text, so no input raises an FTS5 syntax error.
    """
    words = [word for word in text.split() if any(ch.isalnum() for ch in word)]
    if not words:
        return ""
    phrases = ['"' + word.replace('"', '""') + '"' for word in words]
    if not text[-1:].isspace():
        phrases[-1] += "*"
    return " ".join(phrases)


def ts_phrases(text: str) -> list[str]:
    """The words typed as PostgreSQL ``to_tsquery`` phrases (``'hewlett' <-> 'packard'``).

    Only letters and digits reach the query, quoted, so nothing typed is an
    operator; the last word ends in ``:*`` (a prefix) unless a space follows it.
    """
    phrases = []
    for word in text.split():
        tokens = _TOKEN.findall(word)
        if tokens:
            phrases.append([f"'{token}'" for token in tokens])
    if phrases and not text[-1:].isspace():
        phrases[-1][-1] += ":*"
    return [" <-> ".join(tokens) for tokens in phrases]


def matching_ids(text: str, dialect: Dialect) -> tuple[str, list[Any]] | None:
    """``(subquery, params)`` selecting the ids of the articles that match ``text``.

    None when ``text`` holds no word to look for (every article is listed).
    """
    if dialect.is_sqlite:
        match = fts_query(text)
        if not match:
            return None
        return "(SELECT rowid FROM article_fts WHERE article_fts MATCH ?)", [match]
    phrases = ts_phrases(text)
    if not phrases:
        return None
    branches, params = [], []
    for config in CONFIGS:
        # Each word as written, or stemmed the article's way (a stop word, which
        # has no stem, is matched as written).
        words = " && ".join(
            f"(to_tsquery('{_AS_WRITTEN}', ?) || to_tsquery('{config}', ?))" for _ in phrases)
        branches.append(f"(f.config = CAST('{config}' AS regconfig) AND f.document @@ ({words}))")
        params += [phrase for phrase in phrases for _ in (0, 1)]
    return (f"(SELECT f.article_id FROM article_fts f WHERE {' OR '.join(branches)})", params)
