"""The export formats, by name: what each writes, what its offsets count, how to run it.

One module per format writes it; this registry names them and loads a
format's module only when that format is used (spaCy takes a second to
import). Every exporter is a plain function of the core, run the same way
from the window and from ``marginalia export``::

    result = export("brat", "out.zip", article_ids=[3, 7], progress=..., cancel=...)

Offsets are code points in the database; each format writes what its
consumer counts (:attr:`ExportFormat.offsets`). A file is written under a
temporary name and renamed into place only when complete, so a cancelled or
failed export leaves nothing half written.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from desktop.core.progress import CancelToken, ProgressCallback

UNITS = {"article": "articles", "annotation": "annotations", "deal": "deals"}


@dataclass(frozen=True)
class LeftOut:
    """One annotation a format could not carry, and why (named, never shifted or dropped
    silently).

    Attributes:
        article_id: its article.
        annotation_id: the annotation.
        text: its text, to find it by.
        reason: why the format could not carry it, in words.
    """

    article_id: int
    annotation_id: int
    text: str
    reason: str

    def __str__(self) -> str:
        """One line (a line break in the text reads as a space)."""
        text = " ".join(self.text.splitlines())
        return f"article {self.article_id}, annotation {self.annotation_id} (“{text}”): " \
               f"{' '.join(self.reason.splitlines())}"


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote.

    Attributes:
        count: how many of ``unit`` it wrote.
        unit: "article", "annotation" or "deal".
        left_out: the annotations the format could not carry (each with its reason).
        suggestions_skipped: suggested (not accepted) annotations not written: the
            annotation formats carry what the user accepted (Label Studio carries
            suggestions as its "predictions").
    """

    count: int
    unit: str
    left_out: tuple[LeftOut, ...] = ()
    suggestions_skipped: int = 0

    def summary(self, path: str | os.PathLike[str]) -> str:
        """One sentence for the status bar or the terminal."""
        noun = self.unit if self.count == 1 else UNITS.get(self.unit, self.unit + "s")
        text = f"Exported {self.count:,} {noun} to {os.fspath(path)}."
        if self.suggestions_skipped:
            text += (f" {self.suggestions_skipped:,} suggestion"
                     f"{'' if self.suggestions_skipped == 1 else 's'} not accepted yet "
                     "left out.")
        if self.left_out:
            text += (f" {len(self.left_out):,} annotation"
                     f"{'' if len(self.left_out) == 1 else 's'} the format cannot carry "
                     "left out.")
        return text


Exporter = Callable[..., ExportResult]
"""``exporter(path, article_ids, progress=…, cancel=…) -> ExportResult``."""


@dataclass(frozen=True)
class ExportFormat:
    """One format the exports write.

    Attributes:
        name: its name on the command line (``--format``) and in settings.
        title: what the export dialog calls it.
        suffix: the file name's ending (a brat export also writes a folder when the
            name does not end in ``.zip``).
        offsets: what its offsets count, as its consumer reads them.
        consumer: who reads it.
        function: ``module:function`` that writes it.
        file_filter: the file dialog's filter, when not made from ``title`` and ``suffix``.
    """

    name: str
    title: str
    suffix: str
    offsets: str
    consumer: str
    function: str
    file_filter: str = field(default="")

    @property
    def filter(self) -> str:
        """The file dialog's filter for this format."""
        return self.file_filter or f"{self.title} (*{self.suffix})"

    def exporter(self) -> Exporter:
        """The function that writes it (its module is imported now)."""
        module, _, function = self.function.partition(":")
        exporter: Exporter = getattr(importlib.import_module(module), function)
        return exporter


_HERE = __name__

FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("jsonl", "JSON Lines, one article per line", ".jsonl",
                 "code points", "Marginalia (re-importable), any JSON reader",
                 f"{_HERE}.native:export_jsonl"),
    ExportFormat("csv", "CSV, one annotation per row", ".csv",
                 "code points", "spreadsheets", f"{_HERE}.native:export_csv"),
    ExportFormat("brat", "brat standoff (.txt + .ann per article, zipped)", ".zip",
                 "code points of the .txt (UTF-8)", "brat, and standoff readers",
                 f"{_HERE}.brat:export", "brat standoff, zipped (*.zip)"),
    ExportFormat("conll", "CoNLL-2003 IOB2 tokens", ".conll",
                 "tokens (no offsets; whitespace between them dropped)",
                 "NER trainers (spaCy convert, flair, Hugging Face)", f"{_HERE}.conll:export"),
    ExportFormat("spacy", "spaCy DocBin", ".spacy",
                 "code points (spaCy character offsets; a span must fit its tokens)",
                 "spaCy 3 (spacy train, DocBin)", f"{_HERE}.spacy_docbin:export"),
    ExportFormat("w3c", "W3C Web Annotation (JSON-LD)", ".jsonld",
                 "code points (TextPositionSelector)", "Web Annotation clients",
                 f"{_HERE}.w3c:export"),
    ExportFormat("label-studio", "Label Studio tasks (JSON)", ".json",
                 "code points (Label Studio's Text tag)", "Label Studio",
                 f"{_HERE}.label_studio:export"),
    ExportFormat("doccano", "doccano sequence labelling (JSONL)", ".jsonl",
                 "UTF-16 code units (doccano's default)", "doccano", f"{_HERE}.doccano:export"),
    ExportFormat("refi-qda", "REFI-QDA project (.qdpx)", ".qdpx",
                 "code points of the source's .txt (UTF-8)",
                 "QDA software (ATLAS.ti, MAXQDA, NVivo, QualCoder…)", f"{_HERE}.refi_qda:export"),
    ExportFormat("deals", "Deals, one per row (CSV)", ".csv",
                 "code points (sources as article_id:start-end)",
                 "spreadsheets (the columns of `marginalia deals`)", f"{_HERE}.deals:export"),
)}
"""Every format, in the order the export dialog lists them."""

NAMES = tuple(FORMATS)
"""The format names, as ``marginalia export --format`` accepts them."""


def export(name: str, path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
           progress: ProgressCallback | None = None,
           cancel: CancelToken | None = None) -> ExportResult:
    """Writes the articles (all if None) in format ``name`` to ``path``.

    Raises:
        KeyError: no such format.
        Cancelled: the export was cancelled; no file was written.
        ExportError: the database holds something the format cannot carry at all.
        OSError: the file could not be written; no file was left behind.
    """
    exporter = FORMATS[name].exporter()
    ids = None if article_ids is None else list(article_ids)
    return exporter(path, ids, progress=progress, cancel=cancel)
