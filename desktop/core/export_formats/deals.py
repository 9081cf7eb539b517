"""The deals as CSV, one row per deal, with the columns of ``marginalia deals``.

Columns (new ones only ever at the end): ``parties`` (names joined by
``"; "``), ``value`` (the first source's), ``unit``, ``low``, ``high``,
``approx``, ``bound``, ``duration``, ``date`` (the earliest), ``sources``
(``article_id:start-end; …``, offsets in code points; the earliest first,
or the one counted if confirmed), ``count`` (of sources), ``confirmed``
(``true`` when the user counted its reports once: the money figures count
the first source only). A deal reported by several articles is one row,
grouped as :mod:`desktop.core.deal_list` proposes. With a choice of articles, only the
deals reported by those articles are read. The file is UTF-8 with a
byte-order mark and neutralised formula cells, like every CSV the app
writes (:mod:`desktop.core.exporters`).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from typing import Any

from desktop.core.deal_list import DealGroup, group_deals, list_deals
from desktop.core.export_formats import ExportResult
from desktop.core.exporters import CSV_ENCODING, atomic_text_file, csv_cell, read_snapshot
from desktop.core.progress import Cancelled, CancelToken, ProgressCallback, is_cancelled, report

COLUMNS = ("parties", "value", "unit", "low", "high", "approx", "bound", "duration",
           "date", "sources", "count", "confirmed")
"""The columns, as ``marginalia deals`` prints them (a test keeps them equal)."""


def export(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
           progress: ProgressCallback | None = None,
           cancel: CancelToken | None = None) -> ExportResult:
    """Writes one row per deal of the articles (all if None).

    Raises:
        Cancelled: the export was cancelled; no file was written.
        OSError: the file could not be written; no file was left behind.
    """
    ids = None if article_ids is None else list(dict.fromkeys(int(i) for i in article_ids))
    report(progress, 0, None, "Reading the deals")
    with read_snapshot():
        groups = group_deals(list_deals(ids))
    if is_cancelled(cancel):
        raise Cancelled("The export was cancelled; no file was written.")
    with atomic_text_file(path, CSV_ENCODING, "") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for group in groups:
            row = deal_row(group)
            writer.writerow([cell(csv_cell(row[column])) for column in COLUMNS])
    report(progress, len(groups), len(groups), f"Exported {len(groups):,} deals")
    return ExportResult(len(groups), "deal")


def deal_row(group: DealGroup) -> dict[str, Any]:
    """One deal group as the cells of :data:`COLUMNS` (before :func:`cell`)."""
    duration = group.duration
    duration_text = None
    if duration is not None and duration.value is not None:
        span = cell(duration.value)
        if duration.value_high is not None and duration.value_high != duration.value:
            span += f"-{cell(duration.value_high)}"
        duration_text = f"{span} {duration.unit}" if duration.unit else span
    return {"parties": "; ".join(group.party_names), "value": group.value, "unit": group.unit,
            "low": group.low, "high": group.high,
            "approx": "true" if group.approx else "false", "bound": group.bound,
            "duration": duration_text,
            "date": group.date.isoformat() if group.date else None,
            "sources": "; ".join(f"{s.article_id}:{s.start}-{s.end}" for s in group.sources),
            "count": len(group.sources), "confirmed": "true" if group.confirmed else "false"}


def cell(value: object) -> str:
    """A CSV cell: an integral float without ".0", None empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)
