"""CoNLL-2003-style IOB2 tokens: one token a line, one sentence a block.

Each article starts with the ``-DOCSTART- -X- -X- O`` line and a blank
line, as in CoNLL-2003; then every sentence is a block of lines
``<token> _ _ <tag>`` (the CoNLL-2003 columns word, part of speech, chunk,
named entity, the two middle ones unknown: ``_``) followed by a blank line.
Tags are IOB2: ``B-<LABEL>`` on the first token of an annotation, ``I-<LABEL>``
on the next ones, ``O`` elsewhere; a label's white space becomes ``_``.

The format has no offsets: the tokens are the text with its white space
dropped, in order, so a reader rebuilds each span by finding the tokens in
the text one after the other. For that to give back the same spans, tokens
are cut at every annotation's start and end (``d’OpenAI`` gives ``d``,
``’``, ``OpenAI``), and a sentence never ends inside an annotation. What
CoNLL cannot carry is left out and named, never shifted: an annotation that
starts or ends with white space (the tokens drop it), or that overlaps one
kept before it (one tag per token; the longer one is kept first).
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from desktop.core.export_formats import ExportResult
from desktop.core.export_formats._common import Tally, TypeNames, accepted
from desktop.core.exporters import (
    ExportedAnnotation,
    ExportedArticle,
    atomic_text_file,
    iter_articles,
    read_snapshot,
)
from desktop.core.i18n import translate
from desktop.core.progress import CancelToken, ProgressCallback
from desktop.core.text import sentence_starts
from desktop.core.tokens import tokens

DOCSTART = "-DOCSTART- -X- -X- O\n\n"


def export(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
           progress: ProgressCallback | None = None,
           cancel: CancelToken | None = None) -> ExportResult:
    """Writes the articles' accepted annotations as IOB2 tokens.

    Raises:
        Cancelled: the export was cancelled; no file was written.
        OSError: the file could not be written; no file was left behind.
    """
    tally = Tally()
    tags = TypeNames(r"\s+")
    count = 0
    with read_snapshot(), atomic_text_file(path) as handle:
        for article in iter_articles(article_ids, progress, cancel):
            handle.write(DOCSTART)
            for sentence in _sentences(article, tags, tally):
                handle.write("".join(f"{token} _ _ {tag}\n" for token, tag in sentence))
                handle.write("\n")
            count += 1
    return ExportResult(count, "article", tuple(tally.left_out), tally.suggestions_skipped)


def _sentences(article: ExportedArticle, tags: TypeNames,
               tally: Tally) -> Iterator[list[tuple[str, str]]]:
    body = article.body
    kept = _kept_spans(article, tally)
    pieces = tokens(body, (cut for ann in kept for cut in (ann["start"], ann["end"])))
    tag_at = _tags(pieces, kept, tags)
    starts = sentence_starts(body)
    kept_starts = [ann["start"] for ann in kept]  # sorted, and the spans do not overlap
    sentence: list[tuple[str, str]] = []
    current = 0
    for index, (start, end) in enumerate(pieces):
        number = bisect_right(starts, start) - 1
        if sentence and number != current and not _inside(kept, kept_starts, start):
            yield sentence
            sentence = []
        current = number
        sentence.append((body[start:end], tag_at[index]))
    if sentence:
        yield sentence


def _kept_spans(article: ExportedArticle, tally: Tally) -> list[ExportedAnnotation]:
    """The annotations CoNLL can carry: one per token, not starting or ending on white space."""
    body = article.body
    kept: list[ExportedAnnotation] = []
    for ann in sorted(accepted(article, tally),
                      key=lambda a: (a["start"], -(a["end"] - a["start"]), a["id"])):
        start, end = ann["start"], ann["end"]
        if start >= end or body[start].isspace() or body[end - 1].isspace():
            tally.leave_out(article, ann, translate(
                "Export", "CoNLL tokens drop white space, and this span starts or ends with it "
                          "(or is empty)"))
            continue
        clash = kept[-1] if kept and kept[-1]["end"] > start else None  # sorted: the last
        if clash is not None:
            tally.leave_out(article, ann, translate(
                "Export", "it overlaps annotation {annotation} (“{text}”): CoNLL has one tag "
                          "per token").format(annotation=clash["id"], text=clash["text"]))
            continue
        kept.append(ann)
    return kept


def _inside(kept: list[ExportedAnnotation], kept_starts: list[int], offset: int) -> bool:
    """True if ``offset`` falls inside a kept annotation (not at its start)."""
    index = bisect_right(kept_starts, offset - 1) - 1
    return index >= 0 and kept[index]["end"] > offset


def _tags(pieces: list[tuple[int, int]], kept: list[ExportedAnnotation],
          tags: TypeNames) -> list[str]:
    """The IOB2 tag of every token."""
    result = ["O"] * len(pieces)
    starts = [start for start, _ in pieces]
    for ann in kept:
        first = bisect_right(starts, ann["start"]) - 1
        label = tags(ann["label"])
        index = first
        while index < len(pieces) and pieces[index][0] < ann["end"]:
            result[index] = f"{'B' if index == first else 'I'}-{label}"
            index += 1
    return result
