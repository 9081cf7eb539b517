"""Numbered schema migrations.

The schema version is SQLite's ``PRAGMA user_version``. Migration *n* takes
a database at version *n - 1* to version *n*; each runs in one transaction
with the version bump, so a failed migration leaves the previous version
intact. Never edit a released migration: add the next one.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SQL, Database, IntegerField
from playhouse.migrate import SchemaMigrator

from db.defaults import DEFAULT_LABELS
from db.sentences import sentence_index

# Schema 1, frozen as SQL: a migration must build the same tables forever,
# whatever the models look like later.
_SCHEMA_1 = (
    'CREATE TABLE "meta" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "article" ("id" INTEGER NOT NULL PRIMARY KEY, "title" TEXT NOT NULL, '
    '"body" TEXT NOT NULL, "language" VARCHAR(8) NOT NULL, "published" DATE, '
    '"source" TEXT NOT NULL, "content_hash" VARCHAR(64) NOT NULL, '
    '"imported_at" DATETIME NOT NULL)',
    'CREATE UNIQUE INDEX "article_content_hash" ON "article" ("content_hash")',
    'CREATE TABLE "label" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, '
    '"kind" VARCHAR(8) NOT NULL, "color" VARCHAR(9) NOT NULL, "shortcut" VARCHAR(1), '
    '"position" INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "label_name" ON "label" ("name")',
    'CREATE TABLE "entity" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, '
    '"label_id" INTEGER NOT NULL, '
    'FOREIGN KEY ("label_id") REFERENCES "label" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "entity_label_id" ON "entity" ("label_id")',
    'CREATE UNIQUE INDEX "entity_name_label_id" ON "entity" ("name", "label_id")',
    'CREATE TABLE "entity_alias" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"entity_id" INTEGER NOT NULL, "alias" TEXT NOT NULL, '
    'FOREIGN KEY ("entity_id") REFERENCES "entity" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "entity_alias_entity_id" ON "entity_alias" ("entity_id")',
    'CREATE UNIQUE INDEX "entity_alias_entity_id_alias" ON "entity_alias" ("entity_id", "alias")',
    'CREATE TABLE "annotation" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"article_id" INTEGER NOT NULL, "label_id" INTEGER NOT NULL, "start" INTEGER NOT NULL, '
    '"end" INTEGER NOT NULL, "quote" TEXT NOT NULL, "prefix" TEXT NOT NULL, '
    '"suffix" TEXT NOT NULL, "entity_id" INTEGER, "value" REAL, "value_high" REAL, '
    '"unit" VARCHAR(255), "approx" INTEGER NOT NULL, "note" TEXT NOT NULL, '
    '"author" VARCHAR(255) NOT NULL, "status" VARCHAR(10) NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("label_id") REFERENCES "label" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("entity_id") REFERENCES "entity" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "annotation_article_id" ON "annotation" ("article_id")',
    'CREATE INDEX "annotation_label_id" ON "annotation" ("label_id")',
    'CREATE INDEX "annotation_entity_id" ON "annotation" ("entity_id")',
    'CREATE INDEX "annotation_article_id_start" ON "annotation" ("article_id", "start")',
    'CREATE TABLE "relation" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL, '
    '"source_id" INTEGER NOT NULL, "target_id" INTEGER NOT NULL, '
    '"created_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("source_id") REFERENCES "annotation" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("target_id") REFERENCES "annotation" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "relation_source_id" ON "relation" ("source_id")',
    'CREATE INDEX "relation_target_id" ON "relation" ("target_id")',
    # Full-text index over title and body, kept in step by triggers so that
    # every writer (the app, the CLI, a script) keeps it right.
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='article', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN "
    "INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER article_fts_update AFTER UPDATE OF title, body ON article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
)


def _m001_initial(db: Database) -> None:
    for statement in _SCHEMA_1:
        db.execute_sql(statement)
    for position, label in enumerate(DEFAULT_LABELS):
        db.execute_sql(
            f"INSERT INTO label (name, kind, color, shortcut, position) "
            f"VALUES ({db.param}, {db.param}, {db.param}, {db.param}, {db.param})",
            (label.name, label.kind, label.color, label.shortcut, position))


def _m002_sentences_and_aggregate_indexes(db: Database) -> None:
    """Sentence numbers on annotations, and the indexes the aggregates need.

    ``annotation.sentence`` lets "same sentence" be an equality in SQL
    (db.aggregates); existing annotations are numbered from their article's
    body with the rule in db.sentences.

    """
    migrator = SchemaMigrator.from_database(db)
    operations = [
        migrator.add_column("annotation", "sentence", IntegerField(null=True)),
        # Each index lets one family of aggregates read an index alone instead of
        # the table (1,000,000 annotations: 80-200 ms instead of 0.4-0.7 s each).
        # accepted mentions per entity
        migrator.add_index("annotation", ("entity_id", "status", "article_id"),
                           name="annotation_entity_mentions"),
        # mentions per label and per month, label distribution
        migrator.add_index("annotation", ("label_id", "status", "article_id", "entity_id"),
                           name="annotation_label_mentions"),
        # money: amounts only (those with a value)
        migrator.add_index(
            "annotation", ("label_id", "status", "unit", "article_id", "value", "value_high",
                           "approx", "sentence"),
            where=SQL("value IS NOT NULL"), name="annotation_amounts"),
        # same-sentence attribution: the mentions of one sentence of an article
        migrator.add_index("annotation", ("article_id", "sentence", "entity_id", "status"),
                           name="annotation_sentence"),
        # per-month figures and the lists behind a figure filter and sort by date
        migrator.add_index("article", ("published",)),
    ]
    migrator.migrate(*operations)
    _number_sentences(db)


def _number_sentences(db: Database, articles_per_batch: int = 200) -> None:
    """Fills ``annotation.sentence`` where it is NULL, one article body at a time."""
    param = db.param
    pending = [row[0] for row in db.execute_sql(
        "SELECT DISTINCT article_id FROM annotation WHERE sentence IS NULL").fetchall()]
    for i in range(0, len(pending), articles_per_batch):
        batch = pending[i:i + articles_per_batch]
        marks = ", ".join([param] * len(batch))
        bodies = dict(db.execute_sql(
            f"SELECT id, body FROM article WHERE id IN ({marks})", batch).fetchall())
        rows = db.execute_sql(
            f"SELECT id, article_id, start FROM annotation WHERE sentence IS NULL "
            f"AND article_id IN ({marks})", batch).fetchall()
        updates = [(sentence_index(bodies[article_id], start), annotation_id)
                   for annotation_id, article_id, start in rows]
        db.cursor().executemany(
            f"UPDATE annotation SET sentence = {param} WHERE id = {param}", updates)


def _m003_suggestions(db: Database) -> None:
    """Rejected suggestions, and the per-article meaning of a bare "$"."""
    db.execute_sql(
        'CREATE TABLE "rejected_suggestion" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"article_id" INTEGER NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, '
        '"label_id" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, '
        'FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE, '
        'FOREIGN KEY ("label_id") REFERENCES "label" ("id") ON DELETE CASCADE)')
    db.execute_sql(
        'CREATE UNIQUE INDEX "rejected_suggestion_article_id_start_end_label_id" '
        'ON "rejected_suggestion" ("article_id", "start", "end", "label_id")')
    db.execute_sql('CREATE INDEX "rejected_suggestion_label_id" '
                   'ON "rejected_suggestion" ("label_id")')
    db.execute_sql('ALTER TABLE "article" ADD COLUMN "currency_hint" VARCHAR(3)')


MIGRATIONS: tuple[Callable[[Database], None], ...] = (
    _m001_initial,
    _m002_sentences_and_aggregate_indexes,
    _m003_suggestions,
)
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
