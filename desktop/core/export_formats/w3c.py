"""W3C Web Annotation Data Model, as JSON-LD: one AnnotationCollection.

The file is one ``AnnotationCollection`` whose embedded first (and only)
``AnnotationPage`` lists the annotations. Each accepted annotation is an
``Annotation`` with ``motivation: "tagging"`` and textual bodies by purpose:
``tagging`` (the label), ``identifying`` (the entity's name), ``describing``
(an amount's value, "≈ 3.8e10 USD"), ``commenting`` (the note). Its target
is the article's text with two selectors:

* ``TextQuoteSelector``: ``exact`` (the annotated text), ``prefix`` and
  ``suffix`` (up to 32 characters around it);
* ``TextPositionSelector``: ``start`` and ``end`` in code points, which is
  what the specification counts ("Unicode code points", not UTF-16 units
  nor bytes), into the body as stored (LF line ends).

The target's source is the text itself, named by its SHA-256 as an RFC 6920
``ni:///sha-256;…`` IRI (the same text gets the same name wherever it is),
with its language and title; identifiers are ``urn:uuid:`` made from the
text and the annotation, so the same annotation keeps its id from one export
to the next. A relation between two annotations of an article is an
``Annotation`` with ``motivation: "linking"``, its kind as a ``tagging``
body and the two annotations as targets, source first.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from desktop import APP_NAME, __version__
from desktop.core.export_formats import ExportResult
from desktop.core.export_formats._common import (
    Tally,
    accepted,
    content_digest,
    stable_uuid,
    value_text,
)
from desktop.core.exporters import (
    ExportedAnnotation,
    ExportedArticle,
    atomic_text_file,
    iter_articles,
    read_snapshot,
)
from desktop.core.progress import CancelToken, ProgressCallback
from desktop.core.text import context

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
QUOTE_CONTEXT = 32
"""Characters of prefix and suffix in a TextQuoteSelector."""


def export(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
           progress: ProgressCallback | None = None,
           cancel: CancelToken | None = None) -> ExportResult:
    """Writes the accepted annotations and their relations as Web Annotations.

    Raises:
        Cancelled: the export was cancelled; no file was written.
        OSError: the file could not be written; no file was left behind.
    """
    tally = Tally()
    count = 0
    with read_snapshot(), atomic_text_file(path) as handle:
        collection = uuid.uuid4()  # each export is a collection of its own
        handle.write("{\n" + _pairs({
            "@context": CONTEXT, "id": collection.urn, "type": "AnnotationCollection",
            "label": f"{APP_NAME} annotations",
            "generator": {"type": "Software", "name": f"{APP_NAME} {__version__}"},
        }) + ',\n"first": {' + _pairs({
            "id": stable_uuid("page", collection).urn, "type": "AnnotationPage",
            "startIndex": 0}) + ',\n"items": [')
        first = True
        for article in iter_articles(article_ids, progress, cancel):
            for item in _items(article, tally):
                handle.write(("\n" if first else ",\n") + _json(item))
                first = False
                count += item["motivation"] == "tagging"
        handle.write("\n]},\n" + _pairs({"total": count}) + "\n}\n")
    return ExportResult(count, "annotation", tuple(tally.left_out), tally.suggestions_skipped)


def source_iri(body: str) -> str:
    """The RFC 6920 name of a text: ``ni:///sha-256;`` and its SHA-256 in base64url."""
    digest = bytes.fromhex(content_digest(body))
    return "ni:///sha-256;" + base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def _items(article: ExportedArticle, tally: Tally) -> Iterator[dict[str, Any]]:
    body = article.body
    source = {"id": source_iri(body), "type": "Text", "format": "text/plain",
              "title": article.title}
    if article.language:
        source["language"] = article.language
    digest = source["id"]
    ids: dict[int, str] = {}
    for ann in accepted(article, tally):
        ids[ann["id"]] = stable_uuid("annotation", digest, ann["id"]).urn
        yield _annotation(ids[ann["id"]], ann, body, source)
    for number, relation in enumerate(article.relations):
        ends = [ids.get(relation["source"]), ids.get(relation["target"])]
        if None not in ends:
            yield {"id": stable_uuid("relation", digest, number, *ends).urn,
                   "type": "Annotation", "motivation": "linking",
                   "body": {"type": "TextualBody", "purpose": "tagging",
                            "value": relation["kind"]},
                   "target": ends}


def _annotation(iri: str, ann: ExportedAnnotation, body: str,
                source: dict[str, str]) -> dict[str, Any]:
    start, end = ann["start"], ann["end"]
    prefix, suffix = context(body, start, end, QUOTE_CONTEXT)
    bodies = [{"type": "TextualBody", "purpose": "tagging", "value": ann["label"]}]
    if ann["entity"]:
        bodies.append({"type": "TextualBody", "purpose": "identifying",
                       "value": ann["entity"]})
    value = value_text(ann)
    if value:
        bodies.append({"type": "TextualBody", "purpose": "describing", "value": value})
    if ann["note"]:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": ann["note"]})
    item: dict[str, Any] = {
        "id": iri, "type": "Annotation", "motivation": "tagging", "body": bodies,
        "target": {"source": source, "selector": [
            {"type": "TextQuoteSelector", "exact": body[start:end], "prefix": prefix,
             "suffix": suffix},
            {"type": "TextPositionSelector", "start": start, "end": end},
        ]},
    }
    if ann["author"]:
        item["creator"] = {"type": "Person", "name": ann["author"]}
    return item


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _pairs(fields: dict[str, Any]) -> str:
    """``fields`` as the members of a JSON object, without its braces."""
    return ",\n".join(f"{_json(key)}: {_json(value)}" for key, value in fields.items())

