"""spaCy's DocBin (``.spacy``): one Doc per article, written with spaCy itself.

Each article is tokenised by the blank pipeline of its language (spaCy's
rule-based tokenizer; ``xx``, the multi-language one, for a language spaCy
does not know), the tokenizer a pipeline trained on the file would use.
spaCy counts character offsets in code points, as the database does. Each
accepted annotation becomes a span through ``Doc.char_span(...,
alignment_mode="strict")``: a span whose ends fall inside a token is left
out and named, never moved to the nearest token.

* ``doc.ents``: the spans that do not overlap (the longer first), labelled
  with the label's name, the entity's name as ``kb_id_``;
* ``doc.spans["marginalia"]``: every span that fits, overlapping ones
  included (a span group may overlap);
* ``doc.user_data``: the article's ``id``, ``title``, ``date``, ``source``
  under ``marginalia.<name>`` keys.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from desktop.core.export_formats import ExportResult
from desktop.core.export_formats._common import Tally, accepted
from desktop.core.exporters import (
    ExportedArticle,
    atomic_binary_file,
    iter_articles,
    read_snapshot,
)
from desktop.core.i18n import translate
from desktop.core.progress import CancelToken, ProgressCallback

SPAN_KEY = "marginalia"
"""The ``doc.spans`` group that holds every exported span, overlapping ones too."""
FALLBACK_LANGUAGE = "xx"


def export(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
           progress: ProgressCallback | None = None,
           cancel: CancelToken | None = None) -> ExportResult:
    """Writes a DocBin of the articles with their accepted annotations as spans.

    Raises:
        Cancelled: the export was cancelled; no file was written.
        OSError: the file could not be written; no file was left behind.
    """
    from spacy.tokens import DocBin  # a second to import: only when this format is used

    tally = Tally()
    pipelines: dict[str, Any] = {}
    docs = DocBin(store_user_data=True)
    count = 0
    with read_snapshot():
        for article in iter_articles(article_ids, progress, cancel):
            docs.add(_doc(article, _pipeline(pipelines, article.language), tally))
            count += 1
    data = docs.to_bytes()
    with atomic_binary_file(path) as handle:
        handle.write(data)
    return ExportResult(count, "article", tuple(tally.left_out), tally.suggestions_skipped)


def _pipeline(pipelines: dict[str, Any], language: str) -> Any:
    """The blank pipeline of ``language`` (cached), else the multi-language one."""
    import spacy

    code = (language or "").split("-")[0].lower() or FALLBACK_LANGUAGE
    if code not in pipelines:
        try:
            pipelines[code] = spacy.blank(code)
        except (ImportError, KeyError, ValueError):  # not a language spaCy knows
            pipelines[code] = pipelines.get(FALLBACK_LANGUAGE) or spacy.blank(FALLBACK_LANGUAGE)
    return pipelines[code]


def _doc(article: ExportedArticle, nlp: Any, tally: Tally) -> Any:
    from spacy.util import filter_spans

    doc = nlp.make_doc(article.body)
    spans = []
    for ann in accepted(article, tally):
        span = doc.char_span(ann["start"], ann["end"], label=ann["label"],
                             kb_id=ann["entity"] or "", alignment_mode="strict")
        if span is None:
            tally.leave_out(article, ann, translate(
                "Export", "its ends fall inside spaCy tokens ({tokens})").format(
                tokens=_tokens_around(doc, ann["start"], ann["end"])))
            continue
        spans.append(span)
    doc.spans[SPAN_KEY] = spans
    doc.ents = filter_spans(spans)  # the longest first, no overlaps
    for key, value in (("id", article.id), ("title", article.title),
                       ("date", article.published.isoformat() if article.published else None),
                       ("source", article.source)):
        doc.user_data[f"{SPAN_KEY}.{key}"] = value
    return doc


def _tokens_around(doc: Any, start: int, end: int) -> str:
    """The tokens that hold the span's ends, for the message."""
    touched = [token.text for token in doc
               if token.idx < end and start < token.idx + len(token.text)]
    quoted = translate("Export", "“{text}”", "a token quoted in a message")
    return " ".join(quoted.format(text=text) for text in touched[:4]) or translate(
        "Export", "none", "no tokens")
