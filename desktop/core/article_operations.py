"""Correcting an article's details: title, date, source, language and currency of "$".

:class:`EditArticle` is one user action, like those of
:mod:`desktop.core.operations`: its :meth:`~EditArticle.apply` and
:meth:`~EditArticle.revert` each run in one transaction and return a
:class:`~desktop.core.changes.Change` naming the article in
``articles_edited``, so the library, the reader and the window title read
it again. A date moved changes the corpus plots: the database's triggers
mark the article's summaries out of date, and the plots recompute them.

:func:`checked_changes` holds the rules, so a dialog can say what is wrong
before it runs anything; a refused value raises :class:`ValueError` with a
sentence for the user.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from db import article_edits
from db.article_edits import DETAILS, ArticleDetails
from db.transactions import transaction
from desktop.core.changes import Change
from desktop.core.i18n import translate

__all__ = ["DETAILS", "ArticleDetails", "EditArticle", "checked_changes", "read_details"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,4})?")
_CURRENCY = re.compile(r"[A-Z]{3}")

# Changing these changes what is suggested (the language and source choose how
# amounts are read, and what "$" means by default).
_SUGGESTION_INPUTS = frozenset({"source", "language", "currency_hint"})


def read_details(article_id: int) -> ArticleDetails | None:
    """The article's details as stored (to fill a form), or None if it is gone."""
    return article_edits.article_details(article_id)


def checked_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """The changes made clean (trimmed, dates parsed, codes cased), or a refusal.

    Args:
        changes: some of ``title`` (not empty), ``published`` (a date,
            "YYYY-MM-DD", or ""/None for undated), ``source``, ``language``
            (a short code such as "fr" or "en", or "" for unknown) and
            ``currency_hint`` (an ISO 4217 code such as "CAD", or ""/None for
            the default of the source).

    Raises:
        ValueError: a value the article cannot take; the message says why.
    """
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in DETAILS:
            raise ValueError(translate(
                "Operations", "An article has no detail called “{name}”.").format(name=name))
        clean[name] = _CHECKS[name](value)
    return clean


def _title(value: Any) -> str:
    title = " ".join(str(value or "").split())  # one line, as the header and list show it
    if not title:
        raise ValueError(translate("Operations", "The title cannot be empty."))
    return title


def _published(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(translate(
        "Operations", "“{text}” is not a date: write it as YYYY-MM-DD (for example "
                      "2024-03-15), or leave it empty if the date is unknown.").format(text=text))


def _source(value: Any) -> str:
    return str(value or "").strip()


def _language(value: Any) -> str:
    code = str(value or "").strip().lower().replace("_", "-")
    if code and not _LANGUAGE.fullmatch(code):
        raise ValueError(translate(
            "Operations", "“{value}” is not a language code: use a short code such as fr or "
                          "en, or leave it empty if the language is unknown.").format(
                value=value))
    return code


def _currency_hint(value: Any) -> str | None:
    code = str(value or "").strip().upper()
    if not code:
        return None
    if not _CURRENCY.fullmatch(code) or code not in _iso_4217_codes():
        raise ValueError(translate(
            "Operations", "“{value}” is not a currency code: use an ISO 4217 code such as "
                          "USD, CAD or EUR, or the default for the source.").format(value=value))
    return code


@cache
def _iso_4217_codes() -> frozenset[str]:
    from babel.numbers import list_currencies  # loaded on the first check only

    return frozenset(list_currencies())


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "title": _title, "published": _published, "source": _source, "language": _language,
    "currency_hint": _currency_hint,
}


@dataclass
class EditArticle:
    """Changes some details of one article; undo writes back what they were.

    Args:
        article_id: the article to correct.
        changes: the details to change and their new values (see
            :func:`checked_changes`); the others are left as they are.
    """

    article_id: int
    changes: Mapping[str, Any]
    name: str = field(default_factory=lambda: translate("Operations", "Edit article details"))
    _before: dict[str, Any] = field(default_factory=dict, init=False)

    def apply(self) -> Change:
        changes = checked_changes(self.changes)  # refused before anything is written
        with transaction():
            current = article_edits.article_details(self.article_id)
            if current is None:
                raise LookupError(translate("Operations", "This article no longer exists."))
            before = {name: getattr(current, name) for name in changes}
            article_edits.set_article_details(self.article_id, **changes)
        self._before = before
        return self._change()

    def revert(self) -> Change:
        with transaction():
            article_edits.set_article_details(self.article_id, **self._before)
        return self._change()

    def _change(self) -> Change:
        ids = frozenset({self.article_id})
        return Change(article_ids=ids, articles_edited=ids,
                      suggestions=not _SUGGESTION_INPUTS.isdisjoint(self.changes))
