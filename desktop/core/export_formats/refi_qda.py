"""A REFI-QDA project (``.qdpx``): the exchange format of qualitative data analysis software.

A ``.qdpx`` is a zip holding ``project.qde`` (XML of the REFI-QDA Project
schema 1.0, namespace ``urn:QDA-XML:project:1.0``) and a ``Sources`` folder
with each article's text as ``<guid>.txt`` (UTF-8, as the standard asks for
plain text sources). In ``project.qde``:

* ``CodeBook``: a code per label (its colour), and, under an entity label's
  code, a code per entity its annotations name ("ORG" › "OpenAI"), so a
  coder sees mentions grouped by entity;
* ``Sources``: a ``TextSource`` per article (``plainTextPath`` =
  ``internal://<guid>.txt``, the title as its name, source, date and
  language in its description) and, in it, a ``PlainTextSelection`` per
  accepted annotation, coded with its entity's code (else its label's),
  its value and note as the selection's description;
* ``Users``: the annotations' authors; ``Links``: the relations between two
  exported annotations (``direction="OneWay"``, source to target, named by
  kind).

Positions: the standard counts Unicode code points of the source's text
from 0 ("Selections in a text file are defined by the first and the last
character (Unicode codepoint) in the file", REFI-QDA 1.5, §10.2), so they are
written as stored; ``endPosition`` is the position after the last character,
as QDA software reads it (QualCoder takes ``text[start:end]``).

GUIDs are made from the article's text and the annotation, so exporting the
same thing twice gives the same GUIDs.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable
from typing import IO
from xml.etree import ElementTree

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
    ExportedArticle,
    atomic_binary_file,
    iter_articles,
    read_snapshot,
)
from desktop.core.progress import CancelToken, ProgressCallback

NAMESPACE = "urn:QDA-XML:project:1.0"
PROJECT_FILE = "project.qde"
SOURCES = "Sources"
_COLOR = re.compile(r"#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})")
"""The schema's RGBType; a colour that is not one is left out."""
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold, even escaped (control characters): shown as U+FFFD."""
SPOOL = 32 * 1024 * 1024
"""The sources' XML is kept in memory up to this size, then in a temporary file."""


class _Codebook:
    """The codes met so far: one per label, one per (label, entity) under it."""

    def __init__(self) -> None:
        self.labels: dict[str, tuple[str, str]] = {}  # name → (guid, colour)
        self.entities: dict[str, dict[str, str]] = {}  # label → entity → guid

    def code(self, label: str, color: str, entity: str | None) -> str:
        """The GUID of the code a mention is coded with (made on first use)."""
        if label not in self.labels:
            self.labels[label] = (_guid("code", label), color)
            self.entities[label] = {}
        if not entity:
            return self.labels[label][0]
        return self.entities[label].setdefault(entity, _guid("code", label, entity))

    def element(self) -> ElementTree.Element:
        book = ElementTree.Element("CodeBook")
        codes = ElementTree.SubElement(book, "Codes")
        for label, (guid, color) in self.labels.items():
            code = ElementTree.SubElement(codes, "Code", _color(
                {"guid": guid, "name": xml_text(label), "isCodable": "true"}, color))
            for entity, entity_guid in self.entities[label].items():
                ElementTree.SubElement(code, "Code", _color(
                    {"guid": entity_guid, "name": xml_text(entity), "isCodable": "true"},
                    color))
        return book


def export(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
           progress: ProgressCallback | None = None,
           cancel: CancelToken | None = None) -> ExportResult:
    """Writes a REFI-QDA project of the articles and their accepted annotations.

    Raises:
        Cancelled: the export was cancelled; no file was written.
        OSError: the file could not be written; no file was left behind.
    """
    tally = Tally()
    codebook = _Codebook()
    users: dict[str, str] = {}
    links: list[ElementTree.Element] = []
    count = 0
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with (read_snapshot(), atomic_binary_file(path) as handle,
          zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive,
          tempfile.SpooledTemporaryFile(SPOOL, "w+", encoding="utf-8") as sources):
        for article in iter_articles(article_ids, progress, cancel):
            source = _source(article, codebook, users, links, tally)
            archive.writestr(f"{SOURCES}/{source.get('guid')}.txt",
                             article.body.encode("utf-8"))
            sources.write(ElementTree.tostring(source, encoding="unicode"))
            count += 1
        with archive.open(PROJECT_FILE, "w") as project:
            _write_project(project, now, codebook, users, links, sources, count)
    return ExportResult(count, "article", tuple(tally.left_out), tally.suggestions_skipped)


def _write_project(out: IO[bytes], now: str, codebook: _Codebook, users: dict[str, str],
                   links: list[ElementTree.Element], sources: IO[str], count: int) -> None:
    def put(text: str) -> None:
        out.write(text.encode("utf-8"))

    put('<?xml version="1.0" encoding="utf-8"?>\n')
    put(f'<Project xmlns="{NAMESPACE}" name="{APP_NAME} export" '
        f'origin="{APP_NAME} {__version__}" creationDateTime="{now}">')
    if users:
        element = ElementTree.Element("Users")
        for name, guid in users.items():
            ElementTree.SubElement(element, "User", guid=guid, name=xml_text(name))
        put(ElementTree.tostring(element, encoding="unicode"))
    if codebook.labels:
        put(ElementTree.tostring(codebook.element(), encoding="unicode"))
    if count:
        put("<Sources>")
        sources.seek(0)
        while chunk := sources.read(1 << 20):
            put(chunk)
        put("</Sources>")
    if links:
        element = ElementTree.Element("Links")
        element.extend(links)
        put(ElementTree.tostring(element, encoding="unicode"))
    put("</Project>\n")


def _source(article: ExportedArticle, codebook: _Codebook, users: dict[str, str],
            links: list[ElementTree.Element], tally: Tally) -> ElementTree.Element:
    digest = content_digest(article.body)
    guid = _guid("source", digest, article.id)
    source = ElementTree.Element("TextSource", guid=guid, name=xml_text(article.title),
                                 plainTextPath=f"internal://{guid}.txt")
    about = [f"Source: {article.source}" if article.source else "",
             f"Date: {article.published.isoformat()}" if article.published else "",
             f"Language: {article.language}" if article.language else ""]
    if any(about):
        ElementTree.SubElement(source, "Description").text = xml_text(
            "\n".join(filter(None, about)))
    selections: dict[int, str] = {}
    for ann in accepted(article, tally):
        selection = ElementTree.SubElement(source, "PlainTextSelection", guid=_guid(
            "selection", digest, ann["id"]), name=xml_text(ann["text"]),
            startPosition=str(ann["start"]), endPosition=str(ann["end"]))
        selections[ann["id"]] = selection.get("guid", "")
        user = _user(users, ann["author"])
        if user:
            selection.set("creatingUser", user)
        description = "\n".join(filter(None, (value_text(ann), ann["note"])))
        if description:
            ElementTree.SubElement(selection, "Description").text = xml_text(description)
        coding = ElementTree.SubElement(selection, "Coding",
                                        guid=_guid("coding", digest, ann["id"]))
        if user:
            coding.set("creatingUser", user)
        ElementTree.SubElement(coding, "CodeRef", targetGUID=codebook.code(
            ann["label"], ann["label_color"], ann["entity"]))
    for number, relation in enumerate(article.relations):
        origin, target = selections.get(relation["source"]), selections.get(relation["target"])
        if origin and target:
            links.append(ElementTree.Element("Link", guid=_guid("link", digest, number),
                                             name=xml_text(relation["kind"]),
                                             direction="OneWay",
                                             originGUID=origin, targetGUID=target))
    return source


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold as U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _user(users: dict[str, str], author: str) -> str | None:
    if not author:
        return None
    return users.setdefault(author, _guid("user", author))


def _guid(*parts: object) -> str:
    return str(stable_uuid(*parts)).upper()


def _color(attributes: dict[str, str], color: str) -> dict[str, str]:
    if _COLOR.fullmatch(color or ""):
        attributes["color"] = color
    return attributes

