"""Label Studio tasks (JSON), with the labelling configuration of their project beside them.

The file is a JSON list of tasks, one per article, which Label Studio
imports into a text project: ``data`` holds ``text`` (the body) and the
article's ``article_id``, ``title``, ``date``, ``source``; ``annotations``
holds one annotation whose ``result`` lists

* one ``labels`` region per accepted annotation: ``from_name: "label"``,
  ``to_name: "text"``, ``value: {start, end, text, labels: [label]}``;
* per-region ``textarea`` results (``entity``, ``value``, ``note``) with the
  same ``id`` as their region, for the entity's name, an amount's value and
  the note;
* one ``relation`` (``from_id``, ``to_id``, ``direction: "right"``,
  ``labels: [kind]``) per relation between two annotations of the article.

Suggestions the user has not accepted go to the task's ``predictions`` (Label
Studio's word for them), in the same shape.

Offsets: Label Studio's ``Text`` tag counts code points (its editor splits the
text with the string iterator, one entry per code point, and a region's
offsets count those entries; Label Studio counted UTF-16 units before 2022,
see label-studio issue #1347 and label-studio-frontend pull request #308), so
they are written as stored.

``<name>.label-config.xml`` is written beside the tasks: the labelling
configuration to paste into the project's settings (Labels with their
colours, Relations, the per-region TextAreas). It declares every label of the
database, in the user's order, not only those the exported annotations use: the
project can then tag with any of them, and an export with nothing tagged yet
still has a ``Label`` in its ``Labels`` (Label Studio refuses a ``Labels``
without one: "'Label' is a required property"). With no label at all, the
``Labels`` control is left out (Label Studio accepts that).

packaging/consumers/check-label-studio.sh imports an export into a real Label
Studio and checks it reads every span where it was.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from db.reads import labels as stored_labels
from db.records import ACCEPTED
from desktop import APP_NAME
from desktop.core.export_formats import ExportResult
from desktop.core.export_formats._common import Tally, in_text, value_text
from desktop.core.exporters import (
    ExportedAnnotation,
    ExportedArticle,
    atomic_text_file,
    iter_articles,
    read_snapshot,
)
from desktop.core.progress import CancelToken, ProgressCallback

LABELS = "label"
TEXT = "text"
RELATIONS_NAME = "relations"
PER_REGION = ("entity", "value", "note")
"""The per-region TextAreas, in the order they are shown."""
PREDICTIONS_VERSION = f"{APP_NAME} suggestions"


def export(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
           progress: ProgressCallback | None = None,
           cancel: CancelToken | None = None) -> ExportResult:
    """Writes one task per article and the project's labelling configuration beside it.

    Raises:
        Cancelled: the export was cancelled; no file was written.
        OSError: the files could not be written; none was left behind.
    """
    kinds: dict[str, None] = {}
    tally = Tally()
    count = 0
    with read_snapshot(), atomic_text_file(path) as handle:
        labels = {label.name: label.color for label in stored_labels()}
        handle.write("[")
        for article in iter_articles(article_ids, progress, cancel):
            task = _task(article, labels, kinds, tally)
            handle.write(("\n" if count == 0 else ",\n") + json.dumps(task, ensure_ascii=False))
            count += 1
        handle.write("\n]\n" if count else "]\n")
        with atomic_text_file(config_path(path)) as config:
            config.write(label_config(labels, list(kinds)))
    return ExportResult(count, "article", tuple(tally.left_out))


def config_path(path: str | os.PathLike[str]) -> Path:
    """Where the labelling configuration of the tasks at ``path`` is written."""
    target = Path(path)
    return target.with_name(f"{target.stem}.label-config.xml")


def label_config(labels: dict[str, str], kinds: list[str]) -> str:
    """The labelling configuration: ``labels`` (name → colour) and relation ``kinds``."""
    view = ElementTree.Element("View")
    if labels:  # a Labels control without a Label is refused
        choices = ElementTree.SubElement(view, "Labels", name=LABELS, toName=TEXT)
        for name, color in labels.items():
            ElementTree.SubElement(choices, "Label", value=name, background=color)
    ElementTree.SubElement(view, "Text", name=TEXT, value=f"${TEXT}")
    relations = ElementTree.SubElement(view, "Relations")
    for kind in kinds:
        ElementTree.SubElement(relations, "Relation", value=kind)
    details = ElementTree.SubElement(view, "View", visibleWhen="region-selected")
    for name in PER_REGION:
        ElementTree.SubElement(details, "Header", value=name.capitalize())
        ElementTree.SubElement(details, "TextArea", name=name, toName=TEXT, perRegion="true",
                               editable="true", maxSubmissions="1")
    ElementTree.indent(view)
    return ElementTree.tostring(view, encoding="unicode") + "\n"


def _task(article: ExportedArticle, labels: dict[str, str], kinds: dict[str, None],
          tally: Tally) -> dict[str, Any]:
    body = article.body
    regions: dict[int, str] = {}
    accepted = {ann["id"]: ann["status"] == ACCEPTED for ann in article.annotations}
    results: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    for ann in article.annotations:
        if not in_text(article, ann, tally):
            continue
        labels.setdefault(ann["label"], ann["label_color"])
        regions[ann["id"]] = region = f"m{ann['id']}"
        results[accepted[ann["id"]]].extend(_region(region, ann, body))
    for relation in article.relations:
        source, target = relation["source"], relation["target"]
        if source not in regions or target not in regions:
            continue
        by_status = {accepted[source], accepted[target]}
        if len(by_status) == 1:  # both ends among the annotations, or both among predictions
            kinds.setdefault(relation["kind"], None)
            results[by_status.pop()].append({
                "type": "relation", "from_id": regions[source], "to_id": regions[target],
                "direction": "right", "labels": [relation["kind"]]})
    task: dict[str, Any] = {
        "data": {TEXT: body, "article_id": article.id, "title": article.title,
                 "date": article.published.isoformat() if article.published else None,
                 "source": article.source},
        "annotations": [{"result": results[True]}] if results[True] else [],
    }
    if results[False]:
        task["predictions"] = [{"model_version": PREDICTIONS_VERSION, "result": results[False]}]
    return task


def _region(region: str, ann: ExportedAnnotation, body: str) -> list[dict[str, Any]]:
    start, end = ann["start"], ann["end"]
    span = {"start": start, "end": end, "text": body[start:end]}
    results: list[dict[str, Any]] = [{
        "id": region, "from_name": LABELS, "to_name": TEXT, "type": "labels",
        "origin": "manual", "value": {**span, "labels": [ann["label"]]}}]
    for name, text in zip(PER_REGION, (ann["entity"] or "", value_text(ann), ann["note"]),
                          strict=True):
        if text:
            results.append({"id": region, "from_name": name, "to_name": TEXT,
                            "type": "textarea", "value": {**span, "text": [text]}})
    return results
