"""Marginalia's own JSON Lines and CSV, as :mod:`desktop.core.exporters` writes them."""

from __future__ import annotations

import os
from collections.abc import Iterable

from desktop.core import exporters
from desktop.core.export_formats import ExportResult
from desktop.core.progress import CancelToken, ProgressCallback


def export_jsonl(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
                 progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None) -> ExportResult:
    """One article per line, with everything (see :func:`exporters.export_jsonl`)."""
    return ExportResult(exporters.export_jsonl(path, article_ids, progress, cancel), "article")


def export_csv(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
               progress: ProgressCallback | None = None,
               cancel: CancelToken | None = None) -> ExportResult:
    """One annotation per row (see :func:`exporters.export_csv`)."""
    return ExportResult(exporters.export_csv(path, article_ids, progress, cancel), "annotation")
