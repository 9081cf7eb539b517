"""What an article's source — a URL or a file path — says about it.

:func:`source_name` is the short name every view shows for a source (the
reader's header and the library list show the same one); :func:`attribution`
is the licence line a source requires.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from desktop.core.i18n import QT_TRANSLATE_NOOP, translate

__all__ = ["WIKINEWS_NOTE", "attribution", "source_name"]

# The notices in English; :func:`attribution` gives them in the interface language.
WIKINEWS_NOTE = QT_TRANSLATE_NOOP(
    "Sources", "From Wikinews, the free news source (https://www.wikinews.org). Licensed CC "
               "BY 2.5 (https://creativecommons.org/licenses/by/2.5/). Converted to plain text.")
"""The notice the Wikinews samples' licence (CC BY 2.5) requires wherever they are shown."""

_WIKIPEDIA_NOTE = QT_TRANSLATE_NOOP(
    "Sources", "Wikipedia contributors, English Wikipedia, CC BY-SA 3.0 "
               "(https://creativecommons.org/licenses/by-sa/3.0/). Markup removed.")
_WHITE_HOUSE_NOTE = QT_TRANSLATE_NOOP(
    "Sources", "Source: The White House, Office of the Press Secretary (public domain).")


def source_name(source: str) -> str:
    """The short name of a source: the host of a URL without ``www.``, else a file's name.

    Examples: ``https://www.lemonde.fr/x`` gives ``lemonde.fr``,
    ``https://fr.wikinews.org/wiki/X`` gives ``fr.wikinews.org`` (other
    subdomains stay), ``file:///tmp/my%20article.txt`` and
    ``/tmp/my article.txt`` give ``my article.txt``, ``C:\\news\\a.txt``
    gives ``a.txt``, and ``""`` gives ``""``. A source that is neither
    (``"Reuters"``) is shown as it is.
    """
    source = source.strip()
    if not source:
        return ""
    parts = urlsplit(source)
    if parts.scheme in ("http", "https") and parts.hostname:
        return parts.hostname.removeprefix("www.")
    path = unquote(parts.path) if parts.scheme == "file" else source
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def attribution(source: str) -> str:
    """The licence line an article's source requires (CC BY needs it shown), or ""."""
    if "wikinews.org" in source:
        return translate("Sources", WIKINEWS_NOTE)
    if "wikipedia.org" in source:
        return translate("Sources", _WIKIPEDIA_NOTE)
    if "whitehouse.gov" in source:
        return translate("Sources", _WHITE_HOUSE_NOTE)
    return ""
