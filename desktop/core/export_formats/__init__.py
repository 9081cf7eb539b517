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

from desktop.core.i18n import QT_TRANSLATE_NOOP, counted, number, translate
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
        return translate("Export", "article {article}, annotation {annotation} (“{text}”): "
                                   "{reason}").format(
            article=self.article_id, annotation=self.annotation_id,
            text=" ".join(self.text.splitlines()), reason=" ".join(self.reason.splitlines()))


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
        exported = {
            "article": (translate("Export", "Exported {count} article to {path}."),
                        translate("Export", "Exported {count} articles to {path}.")),
            "annotation": (translate("Export", "Exported {count} annotation to {path}."),
                           translate("Export", "Exported {count} annotations to {path}.")),
            "deal": (translate("Export", "Exported {count} deal to {path}."),
                     translate("Export", "Exported {count} deals to {path}.")),
        }.get(self.unit)
        if exported is None:  # a unit of a format added later: named as it is
            noun = self.unit if self.count == 1 else UNITS.get(self.unit, self.unit + "s")
            text = f"Exported {number(self.count)} {noun} to {os.fspath(path)}."
        else:
            text = counted(self.count, *exported).format(count=number(self.count),
                                                         path=os.fspath(path))
        if self.suggestions_skipped:
            text += " " + counted(
                self.suggestions_skipped,
                translate("Export", "{count} suggestion not accepted yet left out."),
                translate("Export", "{count} suggestions not accepted yet left out."),
            ).format(count=number(self.suggestions_skipped))
        if self.left_out:
            text += " " + counted(
                len(self.left_out),
                translate("Export", "{count} annotation the format cannot carry left out."),
                translate("Export", "{count} annotations the format cannot carry left out."),
            ).format(count=number(len(self.left_out)))
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

# Titles, offsets and consumers are in English; the export dialog shows them translated.
FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("jsonl",
                 QT_TRANSLATE_NOOP("ExportFormat", "JSON Lines, one article per line"),
                 ".jsonl",
                 QT_TRANSLATE_NOOP("ExportFormat", "code points"),
                 QT_TRANSLATE_NOOP("ExportFormat", "Marginalia (re-importable), any JSON reader"),
                 f"{_HERE}.native:export_jsonl"),
    ExportFormat("csv",
                 QT_TRANSLATE_NOOP("ExportFormat", "CSV, one annotation per row"),
                 ".csv",
                 QT_TRANSLATE_NOOP("ExportFormat", "code points"),
                 QT_TRANSLATE_NOOP("ExportFormat", "spreadsheets"),
                 f"{_HERE}.native:export_csv"),
    ExportFormat("brat",
                 QT_TRANSLATE_NOOP(
                     "ExportFormat", "brat standoff (.txt + .ann per article, zipped)"),
                 ".zip",
                 QT_TRANSLATE_NOOP("ExportFormat", "code points of the .txt (UTF-8)"),
                 QT_TRANSLATE_NOOP("ExportFormat", "brat, and standoff readers"),
                 f"{_HERE}.brat:export",
                 "brat standoff, zipped (*.zip)"),
    ExportFormat("conll",
                 QT_TRANSLATE_NOOP("ExportFormat", "CoNLL-2003 IOB2 tokens"),
                 ".conll",
                 QT_TRANSLATE_NOOP(
                     "ExportFormat", "tokens (no offsets; whitespace between them dropped)"),
                 QT_TRANSLATE_NOOP(
                     "ExportFormat", "NER trainers (spaCy convert, flair, Hugging Face)"),
                 f"{_HERE}.conll:export"),
    ExportFormat("spacy",
                 QT_TRANSLATE_NOOP("ExportFormat", "spaCy DocBin"),
                 ".spacy",
                 QT_TRANSLATE_NOOP(
                     "ExportFormat",
                     "code points (spaCy character offsets; a span must fit its tokens)"),
                 QT_TRANSLATE_NOOP("ExportFormat", "spaCy 3 (spacy train, DocBin)"),
                 f"{_HERE}.spacy_docbin:export"),
    ExportFormat("w3c",
                 QT_TRANSLATE_NOOP("ExportFormat", "W3C Web Annotation (JSON-LD)"),
                 ".jsonld",
                 QT_TRANSLATE_NOOP("ExportFormat", "code points (TextPositionSelector)"),
                 QT_TRANSLATE_NOOP("ExportFormat", "Web Annotation clients"),
                 f"{_HERE}.w3c:export"),
    ExportFormat("label-studio",
                 QT_TRANSLATE_NOOP("ExportFormat", "Label Studio tasks (JSON)"),
                 ".json",
                 QT_TRANSLATE_NOOP("ExportFormat", "code points (Label Studio's Text tag)"),
                 QT_TRANSLATE_NOOP("ExportFormat", "Label Studio"),
                 f"{_HERE}.label_studio:export"),
    ExportFormat("doccano",
                 QT_TRANSLATE_NOOP("ExportFormat", "doccano sequence labelling (JSONL)"),
                 ".jsonl",
                 QT_TRANSLATE_NOOP("ExportFormat", "UTF-16 code units (doccano's default)"),
                 QT_TRANSLATE_NOOP("ExportFormat", "doccano"),
                 f"{_HERE}.doccano:export"),
    ExportFormat("refi-qda",
                 QT_TRANSLATE_NOOP("ExportFormat", "REFI-QDA project (.qdpx)"),
                 ".qdpx",
                 QT_TRANSLATE_NOOP("ExportFormat", "code points of the source's .txt (UTF-8)"),
                 QT_TRANSLATE_NOOP(
                     "ExportFormat", "QDA software (ATLAS.ti, MAXQDA, NVivo, QualCoder…)"),
                 f"{_HERE}.refi_qda:export"),
    ExportFormat("deals",
                 QT_TRANSLATE_NOOP("ExportFormat", "Deals, one per row (CSV)"),
                 ".csv",
                 QT_TRANSLATE_NOOP("ExportFormat", "code points (sources as article_id:start-end)"),
                 QT_TRANSLATE_NOOP(
                     "ExportFormat", "spreadsheets (the columns of `marginalia deals`)"),
                 f"{_HERE}.deals:export"),
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
