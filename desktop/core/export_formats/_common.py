"""What the annotation formats share: which annotations they carry, names their consumers
accept, offsets in UTF-16, stable identifiers, values as words."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from db.records import ACCEPTED
from desktop.core.export_formats import LeftOut
from desktop.core.exporters import ExportedAnnotation, ExportedArticle
from desktop.core.formatting import format_amount
from desktop.core.i18n import number, translate

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:marginalia:export")
"""Where the identifiers of exported things are made (:func:`stable_uuid`)."""


@dataclass
class Tally:
    """What an export met on its way: left-out annotations, skipped suggestions."""

    left_out: list[LeftOut] = field(default_factory=list)
    suggestions_skipped: int = 0

    def leave_out(self, article: ExportedArticle, ann: ExportedAnnotation, reason: str) -> None:
        self.left_out.append(LeftOut(article.id, ann["id"], ann["text"], reason))


def accepted(article: ExportedArticle, tally: Tally) -> list[ExportedAnnotation]:
    """The article's accepted annotations (in order of start) within its text; the others
    are counted (suggestions) or left out (spans outside the text).

    A suggestion not accepted yet is no gold label for a trainer or a coder,
    so the annotation formats leave it out (Label Studio keeps them apart as
    predictions: see its module).
    """
    kept = [ann for ann in article.annotations if ann["status"] == ACCEPTED]
    tally.suggestions_skipped += len(article.annotations) - len(kept)
    return [ann for ann in kept if in_text(article, ann, tally)]


def in_text(article: ExportedArticle, ann: ExportedAnnotation, tally: Tally) -> bool:
    """True if the annotation's span lies in the article's text; else it is left out.

    A span past the end (the text shortened by hand in the database, say)
    has no place in any format: named, never clipped.
    """
    if 0 <= ann["start"] < ann["end"] <= len(article.body):
        return True
    tally.leave_out(article, ann, translate(
        "Export", "its span {start}–{end} is not within the article's text ({count} "
                  "characters)").format(start=ann["start"], end=ann["end"],
                                        count=number(len(article.body))))
    return False


def value_text(ann: ExportedAnnotation) -> str:
    """An amount's value as words ("≈ 3.8e10 USD", "≥ 1.4e12 USD"); "" if it has none."""
    return format_amount(ann["value"], ann["value_high"], ann["unit"], ann["approx"],
                         ann["bound"])


def details(ann: ExportedAnnotation) -> str:
    """Entity, value and note on one line, for formats with a single note field."""
    parts = []
    if ann["entity"]:
        parts.append(f"entity: {ann['entity']}")
    value = value_text(ann)
    if value:
        parts.append(f"value: {value}")
    if ann["note"]:
        parts.append(f"note: {ann['note']}")
    return one_line("; ".join(parts))


def one_line(text: str) -> str:
    """``text`` with its line breaks and tabs as spaces (line-based formats)."""
    return re.sub(r"[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]", " ", text)


class TypeNames:
    """Names for labels (or relation kinds) that a format accepts, one per label.

    ``pattern`` matches the characters the format refuses; each run of them
    becomes ``_``. Two labels that would read the same get ``_2``, ``_3``…
    """

    def __init__(self, pattern: str, fallback: str = "LABEL") -> None:
        self._refused = re.compile(pattern)
        self._fallback = fallback
        self._names: dict[str, str] = {}
        self._taken: set[str] = set()

    def __call__(self, label: str) -> str:
        name = self._names.get(label)
        if name is None:
            base = self._refused.sub("_", label).strip("_") or self._fallback
            name, n = base, 1
            while name in self._taken:
                n += 1
                name = f"{base}_{n}"
            self._names[label] = name
            self._taken.add(name)
        return name

    def items(self) -> Iterator[tuple[str, str]]:
        """(label, name) in the order the names were made."""
        return iter(self._names.items())


def utf16_offsets(text: str) -> list[int]:
    """The UTF-16 position of every code-point position of ``text`` (one more at the end)."""
    positions = [0] * (len(text) + 1)
    unit = 0
    for i, ch in enumerate(text):
        positions[i] = unit
        unit += 2 if ord(ch) > 0xFFFF else 1
    positions[len(text)] = unit
    return positions


def content_digest(body: str) -> str:
    """The SHA-256 of the body as UTF-8, in hex (the article's content hash)."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def stable_uuid(*parts: object) -> uuid.UUID:
    """An identifier made from ``parts``: the same thing exported twice keeps it."""
    return uuid.uuid5(_NAMESPACE, "\x1f".join(map(str, parts)))


def by_id(annotations: Iterable[ExportedAnnotation]) -> dict[int, ExportedAnnotation]:
    return {ann["id"]: ann for ann in annotations}
