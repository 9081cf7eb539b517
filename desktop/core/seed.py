"""The demo articles a new user finds on first start.

A database the window has just created is filled once with the sample
articles shipped in ``resources/samples`` so there is something to read and
tag at once (:func:`seed_demo_if_new`). Only then: a file opened by the
command line, an existing file, one opened read only, is never seeded. The
database remembers it was seeded (meta key ``demo_seeded``): a user who
deletes every article does not get the samples back, and a database that
already had articles when this first ran is never seeded.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from db import connection
from db.articles import article_count, get_meta, set_meta
from desktop.resources import sample_articles_dir

if TYPE_CHECKING:
    from desktop.core.importers import ImportReport

SEEDED_KEY = "demo_seeded"

log = logging.getLogger(__name__)


def sample_files(folder: Path | None = None) -> list[Path]:
    """The sample article files (``*.txt``; the README is not an article), sorted."""
    return sorted((folder or sample_articles_dir()).glob("*.txt"))


def seed_demo_if_new() -> ImportReport | None:
    """Imports the sample articles if the bound database was created by this open.

    Returns:
        The import report, or None when the database existed before (or
        was not opened by :func:`db.connection.open_database`), may not be
        written, or see :func:`seed_demo_if_empty`.
    """
    opened = connection.opened()
    if opened is None or not opened.created or connection.writes_refused():
        return None
    return seed_demo_if_empty()


def seed_demo_if_empty() -> ImportReport | None:
    """Imports the sample articles into the bound database the first time it is empty.

    Returns:
        The import report if the samples were imported now, else None (the
        database was seeded before, already holds articles, or the samples
        are missing from this installation — which is logged, not raised:
        the app is usable without them).
    """
    if get_meta(SEEDED_KEY) is not None:
        return None
    if article_count():
        set_meta(SEEDED_KEY, "skipped: the database already held articles")
        return None
    try:
        files = sample_files()
    except FileNotFoundError as exc:
        log.warning("Demo articles not seeded: %s", exc)
        return None
    from desktop.core.importers import import_paths  # only on first run: keeps start-up light

    result = import_paths(files)
    set_meta(SEEDED_KEY, f"{len(result.imported)} articles")
    return result
