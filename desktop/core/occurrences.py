"""Finding every mention of a name, in one article or across the corpus.

"Tag all occurrences" uses this to preview how many mentions there are and
where, before tagging them all as one undoable step. The full-text index
narrows the corpus to the articles holding the words; the entity matcher
then finds whole-word mentions (through elision, case kept for acronyms).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from db import annotations as store
from db.articles import get_article
from db.library import article_ids
from desktop.core.entities import EntityMatcher, Term
from desktop.core.progress import CancelToken, ProgressCallback, is_cancelled, report

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Occurrence:
    article_id: int
    title: str
    start: int
    end: int
    text: str
    context: str  # the mention with some words around it, on one line


def _context(body: str, start: int, end: int, width: int = 40) -> str:
    def one_line(text: str) -> str:
        return _SPACES.sub(" ", text)

    before, after = body[max(0, start - width):start], body[end:end + width]
    return f"…{one_line(before)}[{body[start:end]}]{one_line(after)}…"


def find_occurrences(
    term: str,
    scope: Iterable[int] | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[Occurrence]:
    """Untagged whole-word mentions of ``term``.

    Args:
        term: the name to look for ("OpenAI", "Amazon Web Services").
        scope: the articles to search; None for the whole corpus.

    Returns:
        The mentions that no annotation overlaps, by article then position.
    """
    matcher = EntityMatcher([Term(term, "", "")])
    candidates = list(scope) if scope is not None else article_ids(search=term, sort="date")
    found: list[Occurrence] = []
    for done, article_id in enumerate(candidates):
        if is_cancelled(cancel):
            break
        article = get_article(article_id)
        if article is None:
            continue
        matches = matcher.find(article.body)
        if matches:
            tagged = [(a.start, a.end) for a in store.annotations_for_article(article_id)]
            found.extend(
                Occurrence(article_id, article.title, m.start, m.end, m.text,
                           _context(article.body, m.start, m.end))
                for m in matches
                if not any(s < m.end and m.start < e for s, e in tagged))
        report(progress, done + 1, len(candidates), "Looking for mentions…")
    return found
