"""brat standoff: a ``.txt`` and a ``.ann`` per article, in a folder or a zip.

Each article's body is written as ``article-<id>.txt`` (UTF-8, LF line
ends, exactly the stored text) and its annotations as ``article-<id>.ann``:

* ``T<n>\\t<TYPE> <start> <end>\\t<text>``: one per accepted annotation, its
  offsets in code points of the ``.txt`` (what brat counts). A span across a
  line break is written as fragments (``0 5;6 10``), one per line, whose
  texts the T line joins with a space, as brat does.
* ``R<n>\\t<kind> Arg1:T<a> Arg2:T<b>``: one per relation between two
  annotations of the article (a relation to another article has no place
  in a per-document format; the JSON Lines export keeps them).
* ``#<n>\\tAnnotatorNotes T<a>\\t<entity, value, note>``: what brat has no
  field for, as the annotation's note, on one line.

Types are the label names with every character brat refuses in a type name
(anything but ASCII letters, digits, ``_`` and ``-``) as ``_``;
``annotation.conf`` declares them (with the original label as a comment when
it differs) and ``visual.conf`` gives them their colours, so the folder opens
in brat as a collection.

A name ending in ``.zip`` gets a zip; any other name a folder, which must not
exist yet or be empty (an export never deletes files it did not write). Both
are written under a temporary name and renamed into place when complete.
"""

from __future__ import annotations

import os
import secrets
import shutil
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Protocol

from desktop.core.export_formats import ExportResult
from desktop.core.export_formats._common import Tally, TypeNames, accepted, details
from desktop.core.exporters import (
    ExportedArticle,
    ExportError,
    atomic_binary_file,
    iter_articles,
    read_snapshot,
)
from desktop.core.i18n import translate
from desktop.core.progress import CancelToken, ProgressCallback

TYPE_REFUSED = r"[^A-Za-z0-9_-]+"
"""The characters brat does not take in a type name (labels and relation kinds)."""
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
"""What ends a line for a reader that splits lines as Python's ``str.splitlines`` does (brat
reads its files so): a span is cut there into fragments."""


class _Sink(Protocol):
    def write(self, name: str, text: str) -> None: ...


def export(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
           progress: ProgressCallback | None = None,
           cancel: CancelToken | None = None) -> ExportResult:
    """Writes the articles as brat standoff to a zip (``*.zip``) or a new folder.

    Raises:
        Cancelled: the export was cancelled; nothing was written.
        ExportError: the folder exists and holds files.
        OSError: the files could not be written; nothing was left behind.
    """
    target = Path(path)
    writer = _zip if target.suffix.lower() == ".zip" else _folder
    with read_snapshot(), writer(target) as sink:
        return _write(sink, article_ids, progress, cancel)


def _write(sink: _Sink, article_ids: Iterable[int] | None, progress: ProgressCallback | None,
           cancel: CancelToken | None) -> ExportResult:
    tally = Tally()
    types, kinds = TypeNames(TYPE_REFUSED), TypeNames(TYPE_REFUSED, "RELATION")
    colors: dict[str, str] = {}
    count = 0
    for article in iter_articles(article_ids, progress, cancel):
        stem = f"article-{article.id}"
        sink.write(f"{stem}.txt", article.body)
        sink.write(f"{stem}.ann", "".join(_ann_lines(article, types, kinds, colors, tally)))
        count += 1
    sink.write("annotation.conf", _annotation_conf(types, kinds))
    sink.write("visual.conf", _visual_conf(types, colors))
    return ExportResult(count, "article", tuple(tally.left_out), tally.suggestions_skipped)


def _ann_lines(article: ExportedArticle, types: TypeNames, kinds: TypeNames,
               colors: dict[str, str], tally: Tally) -> Iterator[str]:
    body = article.body
    textbound: dict[int, str] = {}
    for ann in accepted(article, tally):
        fragments = _fragments(body, ann["start"], ann["end"])
        if not fragments:
            tally.leave_out(article, ann, translate(
                "Export", "brat has no span for empty or line-break-only text"))
            continue
        tid = f"T{len(textbound) + 1}"
        textbound[ann["id"]] = tid
        kind = types(ann["label"])
        colors.setdefault(kind, ann["label_color"])
        spans = ";".join(f"{start} {end}" for start, end in fragments)
        text = " ".join(body[start:end] for start, end in fragments)
        yield f"{tid}\t{kind} {spans}\t{text}\n"
        note = details(ann)
        if note:
            yield f"#{len(textbound)}\tAnnotatorNotes {tid}\t{note}\n"
    number = 0
    for relation in article.relations:
        source, target = textbound.get(relation["source"]), textbound.get(relation["target"])
        if source is not None and target is not None:
            number += 1
            yield f"R{number}\t{kinds(relation['kind'])} Arg1:{source} Arg2:{target}\n"


def _fragments(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start``–``end`` cut at line breaks (:data:`LINE_BREAKS`), without empty pieces
    (brat's fragments)."""
    fragments = []
    piece = start
    for i in range(start, end + 1):
        if i == end or body[i] in LINE_BREAKS:
            if i > piece:
                fragments.append((piece, i))
            piece = i + 1
    return fragments


def _annotation_conf(types: TypeNames, kinds: TypeNames) -> str:
    lines = ["# Written by Marginalia: one entity type per label.", "[entities]"]
    for label, name in types.items():
        if name != label:
            lines.append(f"# {name} is the label “{label}”")
        lines.append(name)
    lines.append("[relations]")
    for kind, name in kinds.items():
        if name != kind:
            lines.append(f"# {name} is the relation “{kind}”")
        lines.append(f"{name}\tArg1:<ENTITY>, Arg2:<ENTITY>")
    lines += ["[events]", "[attributes]"]
    return "\n".join(lines) + "\n"


def _visual_conf(types: TypeNames, colors: dict[str, str]) -> str:
    lines = ["[labels]"]
    lines += [f"{name} | {label}" for label, name in types.items()]
    lines.append("[drawing]")
    lines += [f"{name}\tbgColor:{colors[name]}" for _, name in types.items()
              if colors.get(name, "").startswith("#")]
    return "\n".join(lines) + "\n"


@contextmanager
def _zip(target: Path) -> Iterator[_Sink]:
    with atomic_binary_file(target) as handle, \
            zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        yield _ZipSink(archive)


class _ZipSink:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive

    def write(self, name: str, text: str) -> None:
        self._archive.writestr(name, text.encode("utf-8"))


@contextmanager
def _folder(target: Path) -> Iterator[_Sink]:
    if target.exists() and not (target.is_dir() and not any(target.iterdir())):
        raise ExportError(f"{target} already exists and is not an empty folder: choose a new "
                          "folder (or a name ending in .zip); nothing was written.")
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    temp.mkdir()
    try:
        yield _FolderSink(temp)
        if target.is_dir():
            target.rmdir()  # empty (checked above); rename() would not replace it everywhere
        os.replace(temp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            shutil.rmtree(temp)
        raise


class _FolderSink:
    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def write(self, name: str, text: str) -> None:
        with open(self._folder / name, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
