"""doccano's sequence-labelling import format: JSON Lines of ``text`` and ``label`` spans.

One line per article: ``{"text": …, "label": [[start, end, "LABEL"], …],
"article_id": …, "title": …}`` (doccano keeps the other keys as the
document's metadata), with the accepted annotations in order.

Offsets: doccano's annotator counts JavaScript string positions, UTF-16
code units (``v-annotator``, the component doccano labels text with, takes
offsets from the browser's selection and slices the text with
``String.substr``; doccano issue #2290), unless the project was created
with "Count grapheme clusters as one character". So an emoji counts two:
the offsets are converted from code points, and a span after an emoji lands
on the same words in doccano. A project with grapheme clusters counted as one
character would need other offsets; this export does not write them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

from desktop.core.export_formats import ExportResult
from desktop.core.export_formats._common import Tally, accepted, utf16_offsets
from desktop.core.exporters import atomic_text_file, iter_articles, read_snapshot
from desktop.core.progress import CancelToken, ProgressCallback


def export(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
           progress: ProgressCallback | None = None,
           cancel: CancelToken | None = None) -> ExportResult:
    """Writes one doccano line per article, offsets in UTF-16 code units.

    Raises:
        Cancelled: the export was cancelled; no file was written.
        OSError: the file could not be written; no file was left behind.
    """
    tally = Tally()
    count = 0
    with read_snapshot(), atomic_text_file(path) as handle:
        for article in iter_articles(article_ids, progress, cancel):
            spans = accepted(article, tally)
            units = utf16_offsets(article.body) if not article.body.isascii() else None
            line = {
                "text": article.body,
                "label": [[units[a["start"]] if units else a["start"],
                           units[a["end"]] if units else a["end"], a["label"]] for a in spans],
                "article_id": article.id, "title": article.title,
            }
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
    return ExportResult(count, "article", tuple(tally.left_out), tally.suggestions_skipped)
