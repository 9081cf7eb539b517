"""Reading a PDF as one article: its text, page by page (pypdf).

pypdf reads the text each page draws; :mod:`desktop.core.pdf_text` turns
those lines back into paragraphs (words cut at a line's end mended, the
running header and page numbers dropped, a page break as a paragraph
break). The title is the one the file states when it is a real one (not
"Microsoft Word - draft.docx"), else the first line of the text; the
author it states goes after the source
(:func:`~desktop.core.import_formats.source_with_author`); its dates are
those of the file, not of the article, so none is taken.

What can't be read is said in words: a scan with no text layer, a file
locked by a password, a damaged file. Bounds, besides the file's size
(:data:`~desktop.core.bounded_read.MAX_PDF_BYTES`):

* at most :data:`~desktop.core.bounded_read.MAX_PDF_PAGES` pages;
* each compressed stream expands to at most
  :data:`~desktop.core.bounded_read.MAX_PDF_STREAM_BYTES` (pypdf's own
  limits, set lower than its defaults, for every filter it expands);
* the pages' drawing commands together expand to at most
  :data:`~desktop.core.bounded_read.MAX_EXPANSION` times the file's size
  (past the first :data:`~desktop.core.bounded_read.MAX_PDF_STREAM_BYTES`):
  pages that all draw one huge compressed stream are a decompression bomb
  pypdf does not see, for each stream is within its limit;
* the text at most :data:`~desktop.core.bounded_read.MAX_ARTICLE_BYTES`;
* no outside program is ever run (pypdf would call ``jbig2dec`` for some
  pictures: it is turned off).

Cancel is heard between pages.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

from desktop.core import i18n
from desktop.core.bounded_read import (
    MAX_ARTICLE_BYTES,
    MAX_EXPANSION,
    MAX_PDF_BYTES,
    MAX_PDF_PAGES,
    MAX_PDF_STREAM_BYTES,
    DocumentError,
    ReadCancelled,
    size_text,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.import_formats import ParsedArticle, source_with_author, title_from
from desktop.core.language import guess_language
from desktop.core.pdf_text import pdf_body
from desktop.core.text import normalize_body

__all__ = ["NO_TEXT_LAYER", "PDF_LIMITS", "read_pdf"]

log = logging.getLogger(__name__)

# In English; said translated.
NO_TEXT_LAYER = QT_TRANSLATE_NOOP(
    "Import", "This PDF has no text layer (a scan?); Marginalia cannot read its text.")
PASSWORD_PROTECTED = QT_TRANSLATE_NOOP(
    "Import", "This PDF is protected by a password; Marginalia cannot read it. Open it in a PDF "
              "reader and save or print a copy without a password, then import that copy.")

PDF_LIMITS: dict[str, Any] = {
    "maximum_declared_stream_length": MAX_PDF_BYTES,
    "zlib_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "lzw_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "run_length_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "brotli_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "jbig2_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "array_based_stream_maximum_output_length": MAX_PDF_STREAM_BYTES,
    "image_maximum_buffer_size": MAX_PDF_STREAM_BYTES,
    "stream_decoding_work_maximum_length": 4 * MAX_PDF_STREAM_BYTES,
    "xform_maximum_invocations_per_extraction": 1000,
    "jbig2dec_binary": None,
    "disable_legacy_handling": True,
}
"""pypdf's limits while Marginalia reads a PDF (pypdf's defaults: 75 MB a stream)."""

_TITLE_NOT_A_TITLE = re.compile(
    r"(?:microsoft \w+ - |untitled\b|document\d*$|.*\.(?:docx?|odt|rtf|pdf|indd|qxd|txt|pages)$)",
    re.IGNORECASE)
"""A title a program wrote for the file rather than for the article."""


def read_pdf(data: bytes, file_source: str,
             check: Callable[[], None] | None = None) -> ParsedArticle:
    """Reads the article of a PDF.

    Args:
        data: the file's bytes (already bounded by the caller).
        file_source: the file, the article's source.
        check: called before each page; it may raise (Cancel).

    Raises:
        DocumentError: the file can't be read, has no text, or goes past a
            bound; the message says which.
        ReadCancelled: ``check`` raised it.
    """
    import pypdf  # loaded for PDFs only

    if b"%PDF-" not in data[:1024]:
        raise DocumentError(translate(
            "Import", "This is not a PDF file (it does not start with “%PDF-”)."))
    with pypdf.apply_configuration(**PDF_LIMITS):
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            count = len(reader.pages)
            texts = list(_page_texts(reader, count, len(data), check))
            title, author = _metadata(reader)
        except (DocumentError, ReadCancelled):
            raise
        except RecursionError as exc:
            raise DocumentError(translate(
                "Import", "This PDF's objects are nested too deeply to be read.")) from exc
        except Exception as exc:
            raise DocumentError(_reason(exc)) from exc
    body = normalize_body(pdf_body(texts))
    if not body.strip():
        raise DocumentError(translate("Import", NO_TEXT_LAYER))
    return ParsedArticle(title=title or title_from(body), body=body,
                         language=guess_language(body),
                         source=source_with_author(file_source, author), path=file_source)


def _page_texts(reader: Any, count: int, size: int,
                check: Callable[[], None] | None) -> Iterator[str]:
    """The text of each page, within the bounds of the module."""
    if count > MAX_PDF_PAGES:
        raise DocumentError(translate(
            "Import", "This PDF has {count} pages, more than the {limit} Marginalia reads of "
                      "one file.").format(count=i18n.number(count),
                                          limit=i18n.number(MAX_PDF_PAGES)))
    drawn = 0
    chars = 0
    for number, page in enumerate(reader.pages, start=1):
        if check is not None:
            check()
        try:
            contents = page.get_contents()
            drawn += len(contents.get_data()) if contents is not None else 0
            if drawn > MAX_PDF_STREAM_BYTES and drawn > MAX_EXPANSION * size:
                raise DocumentError(translate(
                    "Import", "This PDF's pages expand to more than {times} times its size, as "
                              "only a decompression bomb does; Marginalia stopped at page "
                              "{page}.").format(times=MAX_EXPANSION, page=_page(number)))
            text = page.extract_text()
        except DocumentError:
            raise
        except Exception as exc:
            raise DocumentError(translate("Import", "Page {page}: {reason}").format(
                page=_page(number), reason=_reason(exc))) from exc
        chars += len(text)
        if chars > MAX_ARTICLE_BYTES:
            raise DocumentError(translate(
                "Import", "The text of this PDF is longer than {size}, the most one article "
                          "may take.").format(size=size_text(MAX_ARTICLE_BYTES)))
        yield text


def _reason(exc: Exception) -> str:
    """What a pypdf error means for the user, in words."""
    from pypdf.errors import (
        DependencyError,
        EmptyFileError,
        FileNotDecryptedError,
        LimitReachedError,
    )

    if isinstance(exc, FileNotDecryptedError):
        return translate("Import", PASSWORD_PROTECTED)
    if isinstance(exc, DependencyError):
        return translate("Import", "This PDF is encrypted in a way Marginalia cannot decrypt "
                                   "({error}).").format(error=exc)
    if isinstance(exc, LimitReachedError):
        return translate(
            "Import", "This PDF holds a compressed stream that expands past {size} (or more "
                      "work than that), as only a decompression bomb does; Marginalia stopped "
                      "reading it.").format(size=size_text(MAX_PDF_STREAM_BYTES))
    if isinstance(exc, EmptyFileError):
        return translate("Import", "The file is empty.")
    log.info("pypdf could not read a PDF", exc_info=exc)
    return translate("Import", "This PDF is damaged, or built in a way Marginalia can't read "
                               "({error}).").format(error=f"{type(exc).__name__}: "
                                                          f"{str(exc)[:200]}")


def _page(page: int) -> str:
    return i18n.number(page)


def _metadata(reader: Any) -> tuple[str, str]:
    """The title (when it is one) and the author the file states, or ""."""
    try:
        info = reader.metadata
        if info is None:
            return "", ""
        title = " ".join(str(info.title or "").split())
        author = " ".join(str(info.author or "").split())
    except Exception:  # a damaged information dictionary says nothing
        return "", ""
    if _TITLE_NOT_A_TITLE.match(title):
        title = ""
    return title, author
