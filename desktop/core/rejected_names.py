"""The names the user rejected, in any article: the model never proposes them again.

A rejection is stored as a span of one article (``rejected_suggestion``);
the name is the article's text over that span. SQLite's ``substr`` counts
characters, as our offsets do, so the names are read in one statement.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from peewee import fn

from db.models import Article, Label, RejectedSuggestion


def rejected_names() -> set[tuple[str, str]]:
    """(name as written, label name) of every rejected suggestion."""
    text = fn.substr(Article.body, RejectedSuggestion.start + 1,
                     RejectedSuggestion.end - RejectedSuggestion.start)
    query = (RejectedSuggestion.select(text.alias("name"), Label.name.alias("label"))
             .join(Article).switch(RejectedSuggestion).join(Label).distinct().tuples())
    return {(name, label) for name, label in cast(Iterable[tuple[str, str]], query)}
