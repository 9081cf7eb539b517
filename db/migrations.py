"""Numbered schema migrations.

The schema version is SQLite's ``PRAGMA user_version``. Migration *n* takes
a database at version *n - 1* to version *n*; each runs in one transaction
with the version bump, so a failed migration leaves the previous version
intact. Never edit a released migration: add the next one.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database

from db import models
from db.defaults import DEFAULT_LABELS


def _m001_initial(db: Database) -> None:
    db.create_tables(models.ALL_MODELS, safe=False)
    # Full-text index over title and body, kept in step by triggers so that
    # every writer (the app, the CLI, a script) keeps it right.
    db.execute_sql(
        "CREATE VIRTUAL TABLE article_fts USING fts5("
        "title, body, content='article', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute_sql(
        "CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN "
        "INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END"
    )
    db.execute_sql(
        "CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN "
        "INSERT INTO article_fts(article_fts, rowid, title, body) "
        "VALUES ('delete', old.id, old.title, old.body); END"
    )
    db.execute_sql(
        "CREATE TRIGGER article_fts_update AFTER UPDATE OF title, body ON article BEGIN "
        "INSERT INTO article_fts(article_fts, rowid, title, body) "
        "VALUES ('delete', old.id, old.title, old.body); "
        "INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END"
    )
    for position, label in enumerate(DEFAULT_LABELS):
        models.Label.create(
            name=label.name, kind=label.kind, color=label.color,
            shortcut=label.shortcut, position=position,
        )


MIGRATIONS: tuple[Callable[[Database], None], ...] = (_m001_initial,)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: Database) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(db: Database) -> list[int]:
    """Brings ``db`` to :data:`SCHEMA_VERSION`; returns the versions applied."""
    applied = []
    current = schema_version(db)
    for number in range(current + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[number - 1](db)
            db.execute_sql(f"PRAGMA user_version = {number:d}")
        applied.append(number)
    return applied
