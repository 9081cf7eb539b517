"""Helpers shared by the tests: files, databases and rows they set up.

Fixtures live in the ``conftest.py`` files and use these; a test module
imports what it needs from here, never from a ``conftest.py``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

TEST_DATA = Path(__file__).parent / "data"
"""Files the tests read (articles to import…)."""


def sqlite_file(path: Path, user_version: int) -> bytes:
    """Writes a small SQLite file of another schema version; returns its bytes."""
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {int(user_version)}")
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    return path.read_bytes()


def database_at_schema(path: Path, version: int) -> None:
    """Writes an empty Marginalia database at schema ``version``, as that version left it.

    It runs the first ``version`` migrations, each in its transaction, and
    closes the file; the caller adds the rows of that time with plain SQL.
    """
    from peewee import SqliteDatabase

    from db import connection, models
    from db.migrations import MIGRATIONS

    db = SqliteDatabase(str(path), pragmas=connection.PRAGMAS)
    models.database.initialize(db)
    db.connect()
    for number, migration in enumerate(MIGRATIONS[:version], start=1):
        with db.atomic():
            migration(db)
            db.execute_sql(f"PRAGMA user_version = {number:d}")
    db.close()


def store_article(title: str, body: str, lang: str = "fr", source: str = "",
                  published: dt.date | None = None) -> int:
    """Stores one article (its body normalised, as an import would); returns its id."""
    from db.articles import NewArticle, insert_articles
    from desktop.core.text import content_hash, normalize_body

    body = normalize_body(body)
    return insert_articles([NewArticle(title, body, content_hash(body), lang, published,
                                       source)])[0]


def tag(article_id: int, text: str, label: str, *, occurrence: int = 0,
        entity: str | None = None, **fields: Any) -> int:
    """Stores an annotation of ``label`` over an occurrence of ``text``; returns its id.

    Args:
        article_id: the article whose body holds ``text``.
        text: what to tag; the first occurrence unless ``occurrence`` says otherwise.
        label: the label's name ("ORG", "MONEY"…).
        occurrence: which occurrence of ``text``, from 0.
        entity: the name of the entity to link it to (created if needed).
        fields: other fields of the annotation (``value``, ``unit``, ``status``…).
    """
    from db import annotations as store
    from db.articles import get_article
    from desktop.core.operations import new_annotation

    article = get_article(article_id)
    assert article is not None, f"no article {article_id}"
    start = -1
    for _ in range(occurrence + 1):
        start = article.body.index(text, start + 1)
    label_record = store.label_by_name(label)
    assert label_record is not None, f"no label {label}"
    if entity is not None:
        fields["entity_id"] = store.find_or_create_entity(entity, label_record.id)
    record = new_annotation(article.body, article_id, label_record.id, start,
                            start + len(text), **fields)
    return store.insert_annotations([record])[0]


def tooltip_over(pane: Any, cp: int) -> str:
    """What the reader pane's tooltip says over the code point ``cp``, as shown (HTML
    entities read back, no-break spaces as spaces)."""
    from html import unescape

    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QToolTip

    from desktop.core.offsets import OffsetMap

    cursor = QTextCursor(pane.body.document())
    cursor.setPosition(OffsetMap(pane.text()).to_utf16(cp))
    rect = pane.body.cursorRect(cursor)
    point = QPoint(rect.x() + 2, rect.center().y())
    viewport = pane.body_viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point,
                                                viewport.mapToGlobal(point)))
    text = QToolTip.text()
    QToolTip.hideText()
    return unescape(text).replace("\u00a0", " ").replace("\u202f", " ")


def open_showing_suggestions(qtbot: Any, window: Any, article_id: int,
                             timeout: int = 20_000) -> None:
    """Opens an article in the window's focused pane and waits for its suggestions
    (they follow its first paint; a long text's come from a worker)."""
    window.open_article(article_id)
    qtbot.waitUntil(lambda: window.suggestions.shown_for() == article_id, timeout=timeout)
