"""Reading a web page saved from a browser (``.html``, ``.htm``) as one article.

The page is parsed, never rendered: trafilatura finds the article's main
text and its title, date, author and language in the markup, and drops
what surrounds it (navigation, cookie banners, advertisements, related
stories, comments, footers). Scripts, styles, frames and pictures are
neither run nor loaded nor kept: only the text is stored, so an imported
page can never reach the network, then or when it is shown.

Nothing is fetched either while reading: the page is decoded here and
handed to trafilatura as a parsed tree (given a string that looks like a
URL, htmldate would download it), trafilatura's own download functions
are never called, and libxml2 parses with network access off.

The source is the page's own address (``<link rel="canonical">``, else
``og:url``, else the address a browser notes it saved the page from) when
it gives one, else the file. The database keeps no
author, so the author is written after the source (see
:func:`~desktop.core.import_formats.source_with_author`).

Bounds: the file may take :data:`~desktop.core.bounded_read.MAX_HTML_BYTES`
and hold :data:`~desktop.core.bounded_read.MAX_HTML_TAGS` tags; a page
nested deeper than Python recurses is refused with a message.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any

from desktop.core.bounded_read import MAX_HTML_TAGS, DocumentError
from desktop.core.i18n import number, translate
from desktop.core.import_formats import (
    ParsedArticle,
    legacy_encoding,
    source_with_author,
    title_from,
    wide_encoding,
)
from desktop.core.language import guess_language
from desktop.core.text import normalize_body

__all__ = ["HtmlPage", "read_html"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HtmlPage:
    """A page read as an article, and how its bytes were decoded.

    Attributes:
        article: the article (its ``path`` is left for the caller to set).
        guessed_encoding: the 8-bit codec the page was read in when it
            neither was UTF-8 nor said which encoding it is in (the user
            should check its accents), else None.
    """

    article: ParsedArticle
    guessed_encoding: str | None = None


def read_html(data: bytes, file_source: str) -> HtmlPage:
    """Reads the article of a saved web page.

    Args:
        data: the file's bytes (already bounded by the caller).
        file_source: the file, the article's source when the page names no
            address of its own.

    Raises:
        DocumentError: the file is no web page, holds no article text, or
            goes past a bound; the message says which.
    """
    if data.startswith(b"\x1f\x8b"):
        raise DocumentError(translate(
            "Import", "This is a compressed (gzip) file, not a web page: expand it first."))
    tags = data.count(b"<")
    if tags > MAX_HTML_TAGS:
        raise DocumentError(translate(
            "Import", "This page holds more than {limit} tags ({count}), far more than any "
                      "article's page: Marginalia did not read it.").format(
                limit=number(MAX_HTML_TAGS), count=number(tags)))
    text, guessed = decode_page(data)
    try:
        return HtmlPage(_article_of(text, file_source), guessed)
    except RecursionError as exc:
        raise DocumentError(translate(
            "Import", "The page's elements are nested too deeply to be read (thousands of "
                      "levels): no article is written like that.")) from exc


# --- decoding ----------------------------------------------------------------------

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_DECLARED_SPAN = 4096
"""A page declares its encoding in its first bytes (HTML requires the first 1,024)."""

_LATIN_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
                 "windows-1252", "cp1252"}
"""Labels browsers read as Windows-1252 (the HTML standard says so)."""


def decode_page(data: bytes) -> tuple[str, str | None]:
    """Decodes a page's bytes; also names the codec guessed when nothing declared one.

    A byte-order mark decides first, then UTF-8 (a page in UTF-8 is very
    often labelled Latin-1 by mistake: its accents are two bytes that only
    UTF-8 reads), then the encoding the page declares in a ``<meta>``
    tag, and last the 8-bit encoding charset-normalizer finds. A page
    holding NULs outside UTF-16 or UTF-32 is binary, not a page.

    Raises:
        DocumentError: the bytes are not text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), None
    wide = wide_encoding(data)
    if wide is not None:
        return data.decode(wide[0], "replace"), None
    if b"\0" in data:
        raise DocumentError(translate("Import", "This is a binary file, not a web page."))
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    declared = _declared_codec(data[:_DECLARED_SPAN])
    if declared is not None:
        return data.decode(declared, "replace"), None
    guessed = legacy_encoding(data) or "cp1252"
    return data.decode(guessed, "replace"), guessed


def _declared_codec(head: bytes) -> str | None:
    """The Python codec of the encoding a ``<meta>`` tag declares, or None."""
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _LATIN_LABELS:
        return "cp1252"
    import codecs

    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    # A page declared UTF-16 without a byte-order mark is read as UTF-8 by browsers.
    return None if codec.startswith(("utf-16", "utf-32", "utf-8")) else codec


# --- finding the article -------------------------------------------------------------

def _class_has(token: str) -> str:
    """An XPath test: the element's class (any case) holds ``token`` as a whole word."""
    lower = "translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    return f"contains(concat(' ', normalize-space({lower}), ' '), ' {token} ')"


_BOILERPLATE_CLASSES = ("ad", "ads", "advert", "advertisement", "inline-ad", "ad-slot",
                        "pub", "publicite", "sponsored", "promo", "newsletter", "related",
                        "cookie", "cookie-banner", "cookie-consent", "consent", "paywall",
                        "share", "social", "catcher")
PRUNED = [f"//*[{_class_has(token)}]" for token in _BOILERPLATE_CLASSES] + [
    "//iframe", "//noscript", "//aside"]
"""Containers of what is not the article, removed before trafilatura looks for it.

trafilatura drops most boilerplate by itself; these are the advertisement,
cookie and "read also" blocks whose class names say what they are, which
it sometimes keeps inside the article's own container.
"""

_LABEL_LINE = re.compile(
    r"(?:advertisement|advertisements|advert|ad|sponsored(?: content)?|publicité|pub|"
    r"annonce|contenu sponsorisé|continue reading(?: below)?|scroll to continue)\W*",
    re.IGNORECASE)
"""A line that is only the label of an advertisement slot."""
_READ_ALSO = re.compile(r"(?:lire aussi|à lire aussi|read more|read also|see also)\s*[:|]",
                        re.IGNORECASE)
"""A "read also: <another story>" line inside the text."""

MIN_WORDS = 5
"""A page none of whose paragraphs has this many words holds links or labels, no article."""

TRAFILATURA_DATES = {"original_date": True, "extensive_search": False}
"""How trafilatura looks for the date: the publication date the markup states
(meta tags, ``<time>``, the URL), never a guess from dates in the text."""


def _article_of(text: str, file_source: str) -> ParsedArticle:
    import trafilatura  # heavy (lxml, htmldate, dateparser): loaded for the first page only

    tree = trafilatura.load_html(text)
    if tree is None:
        raise DocumentError(translate(
            "Import", "This file is not a web page: no HTML markup was found in it."))
    url = page_address(tree) or saved_from(text)
    dates = dict(TRAFILATURA_DATES, max_date=dt.date.today().isoformat())
    try:
        document = trafilatura.bare_extraction(
            tree, url=url or None, with_metadata=True, include_comments=False,
            include_tables=False, include_images=False, include_links=False,
            include_formatting=False, prune_xpath=PRUNED, date_extraction_params=dates)
    except RecursionError:
        raise
    except Exception as exc:  # trafilatura on markup it did not expect
        log.exception("trafilatura failed on a page")
        raise DocumentError(translate(
            "Import", "Reading this page failed ({error}); the details are in the log.").format(
                error=type(exc).__name__)) from exc
    title = _one_line(_field(document, "title"))
    body = _body(_field(document, "text"), title)
    if not any(len(paragraph.split()) >= MIN_WORDS for paragraph in body.split("\n\n")):
        raise DocumentError(translate(
            "Import", "No article text was found in this page: it may hold only links and "
                      "menus, or be drawn by scripts, which Marginalia does not run."))
    title = title or title_from(body)
    language = page_language(tree) or guess_language(title + "\n" + body)
    source = source_with_author(url or file_source, _authors(_field(document, "author")))
    return ParsedArticle(title=title, body=body, language=language,
                         published=_date(_field(document, "date")), source=source,
                         path=file_source)


def _field(document: Any, name: str) -> str:
    """A text field of trafilatura's result ("" when it found none)."""
    value = getattr(document, name, None) if document is not None else None
    return value if isinstance(value, str) else ""


def _body(text: str, title: str) -> str:
    """The article's text: one paragraph per block, boilerplate lines dropped.

    The headline is the title, not the text's first paragraph (as in the
    other formats, whose title is not repeated in the body).
    """
    paragraphs = []
    for line in normalize_body(text).split("\n"):
        line = " ".join(line.split())
        if line and not _LABEL_LINE.fullmatch(line) and not _READ_ALSO.match(line):
            paragraphs.append(line)
    if len(paragraphs) > 1 and title and paragraphs[0].casefold() == title.casefold():
        del paragraphs[0]
    return normalize_body("\n\n".join(paragraphs))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _authors(text: str) -> str:
    """trafilatura's authors ("A; B") as a byline reads them ("A, B")."""
    return ", ".join(name for name in (_one_line(n) for n in text.split(";")) if name)


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def page_address(tree: Any) -> str:
    """The page's own address: its canonical link, else its ``og:url``, else "".

    Only an absolute ``http``/``https`` address counts (a relative one says
    nothing without the address the page was saved from).
    """
    rel = "translate(@rel, 'CANONICAL', 'canonical')"
    candidates = (
        tree.xpath(f"//link[contains(concat(' ', normalize-space({rel}), ' '), "
                   "' canonical ')]/@href")
        + tree.xpath("//meta[@property='og:url' or @name='og:url']/@content"))
    for candidate in candidates:
        address = str(candidate).strip()
        if re.match(r"https?://[^\s/]+", address, re.IGNORECASE) and " " not in address:
            return address
    return ""


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s<>\"']+)\s*-->",
                         re.IGNORECASE)


def saved_from(text: str) -> str:
    """The address a browser wrote it saved the page from (``<!-- saved from url=… -->``)."""
    match = _SAVED_FROM.search(text[:_DECLARED_SPAN])
    return match.group(1) if match else ""


_LANGUAGE_TAG = re.compile(r"([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*")


def page_language(tree: Any) -> str:
    """The language the page declares (``lang``, Content-Language, ``og:locale``), or ""."""
    candidates = (tree.xpath("/html/@lang | /html/@xml:lang",
                             namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
                  + tree.xpath("//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', "
                               "'content-language')='content-language']/@content")
                  + tree.xpath("//meta[@property='og:locale']/@content"))
    for candidate in candidates:
        match = _LANGUAGE_TAG.fullmatch(str(candidate).strip())
        if match is not None:
            return match.group(1).lower()
    return ""
