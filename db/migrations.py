"""Numbered schema migrations of the SQLite file.

The schema version is SQLite's ``PRAGMA user_version``. Migration *n* takes
a database at version *n - 1* to version *n*; each runs in one transaction
with the version bump, so a failed migration leaves the previous version
intact. Never edit a released migration: add the next one, and its
PostgreSQL counterpart in :mod:`db.postgres_schema` (a team database is
built there at once, at the version it was frozen at, and migrated on from it).
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SQL, Database, IntegerField
from playhouse.migrate import SchemaMigrator

from db import summaries
from db.defaults import DEFAULT_LABELS
from db.schema import APPLICATION_ID, SCHEMA_VERSION
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


# Schema 4, frozen as SQL: the summaries behind the corpus figures (db.summaries).
# Per family: its key columns and the columns added up.
_SUMMARY_FAMILIES_4 = (
    ("mentions", (("label_id", "INTEGER"), ("entity_id", "INTEGER")), (("n", "INTEGER"),)),
    ("label_month", (("month", "TEXT"), ("label_id", "INTEGER")), (("n", "INTEGER"),)),
    ("money_month", (("month", "TEXT"), ("unit", "TEXT")),
     (("total", "REAL"), ("high", "REAL"), ("amounts", "INTEGER"), ("approx", "INTEGER"),
      ("ranges", "INTEGER"))),
    ("money", (("rule", "TEXT"), ("unit", "TEXT"), ("entity_id", "INTEGER")),
     (("total", "REAL"), ("high", "REAL"), ("amounts", "INTEGER"), ("approx", "INTEGER"),
      ("ranges", "INTEGER"))),
)
_SUMMARISED_COLUMNS = ("status", "label_id", "entity_id", "value", "value_high", "unit",
                       "approx", "sentence", "article_id")


def _dirty_4(articles: str) -> str:
    """A trigger step putting the ``article_id``s that ``articles`` selects into summary_dirty.

    Not ``INSERT OR IGNORE``: run by a foreign key action (an entity deleted
    sets its mentions' entity to NULL), a trigger takes that action's conflict
    policy, ABORT.
    """
    return ("INSERT INTO summary_dirty (article_id) SELECT DISTINCT article_id "
            f"FROM ({articles}) WHERE article_id NOT IN (SELECT article_id FROM summary_dirty); ")


def _relation_ends_4(row: str) -> str:
    """Marks the articles of both ends of relation ``row`` (``new`` or ``old``)."""
    return _dirty_4(
        f"SELECT article_id FROM annotation WHERE id IN ({row}.source_id, {row}.target_id)")


_SCHEMA_4_TRIGGERS = (
    "CREATE TRIGGER summary_annotation_insert AFTER INSERT ON annotation BEGIN "
    f"{_dirty_4('SELECT new.article_id AS article_id')}END",
    "CREATE TRIGGER summary_annotation_delete AFTER DELETE ON annotation BEGIN "
    f"{_dirty_4('SELECT old.article_id AS article_id')}END",
    # An annotation linked by a relation counts for the amount at the other end,
    # which may be in another article.
    f"CREATE TRIGGER summary_annotation_update AFTER UPDATE OF "
    f"{', '.join(_SUMMARISED_COLUMNS)} ON annotation WHEN "
    + " OR ".join(f"old.{c} IS NOT new.{c}" for c in _SUMMARISED_COLUMNS)
    + " BEGIN "
    + _dirty_4("SELECT old.article_id AS article_id UNION SELECT new.article_id "
            "UNION SELECT x.article_id FROM relation r JOIN annotation x ON x.id = r.target_id "
            "WHERE r.source_id = new.id UNION SELECT x.article_id FROM relation r "
            "JOIN annotation x ON x.id = r.source_id WHERE r.target_id = new.id")
    + "END",
    "CREATE TRIGGER summary_relation_insert AFTER INSERT ON relation BEGIN "
    f"{_relation_ends_4('new')}END",
    "CREATE TRIGGER summary_relation_delete AFTER DELETE ON relation BEGIN "
    f"{_relation_ends_4('old')}END",
    "CREATE TRIGGER summary_relation_update AFTER UPDATE OF source_id, target_id "
    f"ON relation BEGIN {_relation_ends_4('old')}{_relation_ends_4('new')}END",
    "CREATE TRIGGER summary_label_kind AFTER UPDATE OF kind ON label "
    "WHEN old.kind IS NOT new.kind BEGIN "
    f"{_dirty_4('SELECT article_id FROM annotation WHERE label_id = new.id')}END",
    "CREATE TRIGGER summary_article_delete AFTER DELETE ON article BEGIN "
    f"{_dirty_4('SELECT old.id AS article_id')}END",
    "CREATE TRIGGER summary_article_published AFTER UPDATE OF published ON article "
    f"WHEN old.published IS NOT new.published BEGIN {_dirty_4('SELECT new.id AS article_id')}END",
)


def _m004_summaries(db: Database) -> None:
    """Summaries of the corpus figures, kept right by triggers (see db.summaries).

    Every article is marked dirty; :func:`migrate` fills the summaries after
    the last migration (a million annotations: about 10 s, once).
    """
    db.execute_sql('CREATE TABLE "summary_dirty" ("article_id" INTEGER NOT NULL PRIMARY KEY)')
    for name, keys, sums in _SUMMARY_FAMILIES_4:
        table = f"summary_{name}"
        key_names = ", ".join(f'"{k}"' for k, _ in keys)
        key_columns = ", ".join(f'"{k}" {kind} NOT NULL' for k, kind in keys)
        sum_columns = ", ".join(f'"{s}" {kind} NOT NULL' for s, kind in sums)
        db.execute_sql(
            f'CREATE TABLE "{table}_article" ("bucket" INTEGER NOT NULL, {key_columns}, '
            f'"article_id" INTEGER NOT NULL, {sum_columns}, '
            f'PRIMARY KEY ("bucket", {key_names}, "article_id")) WITHOUT ROWID')
        db.execute_sql(f'CREATE INDEX "{table}_article_article_id" '
                       f'ON "{table}_article" ("article_id")')
        db.execute_sql(
            f'CREATE TABLE "{table}_bucket" ({key_columns}, "bucket" INTEGER NOT NULL, '
            f'{sum_columns}, PRIMARY KEY ({key_names}, "bucket")) WITHOUT ROWID')
        db.execute_sql(f'CREATE TABLE "{table}" ({key_columns}, {sum_columns}, '
                       f'PRIMARY KEY ({key_names})) WITHOUT ROWID')
    for statement in _SCHEMA_4_TRIGGERS:
        db.execute_sql(statement)
    db.execute_sql("INSERT INTO summary_dirty (article_id) SELECT id FROM article")


# Where migration 005 leaves the number of mentions it linked (shown once).
LINKED_BY_5 = "entities_linked_by_migration_5"


def _m005_entity_keys_and_links(db: Database) -> None:
    """Entity and alias keys (db.names), and every entity mention linked to an entity.

    Each unlinked mention of an entity label is linked, by the key of its
    text, to the entity of its label with that name or alias, or to a new
    entity named after it; :data:`LINKED_BY_5` in ``meta`` says how many.
    The keys are those of :func:`db.names.name_key` today: a later change of
    that rule needs a migration of its own to compute them again.
    """
    from db.names import canonical_name, name_key

    cursor = db.cursor()
    for table, column in (("entity", "name"), ("entity_alias", "alias")):
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "key" TEXT NOT NULL DEFAULT \'\'')
        rows = db.execute_sql(f'SELECT id, "{column}" FROM "{table}"').fetchall()
        cursor.executemany(f'UPDATE "{table}" SET "key" = ? WHERE id = ?',
                           [(name_key(text), row_id) for row_id, text in rows])
    db.execute_sql('CREATE INDEX "entity_label_id_key" ON "entity" ("label_id", "key")')
    db.execute_sql('CREATE INDEX "entity_alias_key" ON "entity_alias" ("key")')

    known: dict[tuple[int, str], int] = {}  # (label, key) → entity: names before aliases
    for entity_id, label_id, key in db.execute_sql(
            'SELECT id, label_id, "key" FROM entity ORDER BY id'):
        known.setdefault((label_id, key), entity_id)
    for entity_id, label_id, key in db.execute_sql(
            'SELECT a.entity_id, e.label_id, a."key" FROM entity_alias a '
            "JOIN entity e ON e.id = a.entity_id ORDER BY a.id"):
        known.setdefault((label_id, key), entity_id)
    unlinked = db.execute_sql(
        "SELECT a.id, a.label_id, a.quote FROM annotation a JOIN label l ON l.id = a.label_id "
        "WHERE l.kind = 'entity' AND a.entity_id IS NULL ORDER BY a.id").fetchall()
    links = []
    for annotation_id, label_id, quote in unlinked:
        key = name_key(quote)
        if (label_id, key) not in known:
            known[(label_id, key)] = db.execute_sql(
                'INSERT INTO entity (name, label_id, "key") VALUES (?, ?, ?)',
                (canonical_name(quote), label_id, key)).lastrowid
        links.append((known[(label_id, key)], annotation_id))
    cursor.executemany("UPDATE annotation SET entity_id = ? WHERE id = ?", links)
    db.execute_sql("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                   (LINKED_BY_5, str(len(links))))


def _m006_amount_bounds(db: Database) -> None:
    """Whether an amount's value is a lower or upper bound ("plus de", "up to")."""
    db.execute_sql('ALTER TABLE "annotation" ADD COLUMN "bound" VARCHAR(3)')


# Schema 7, frozen as SQL: reports of a deal the user confirmed, counted once.
_SCHEMA_7 = (
    'CREATE TABLE "deal_duplicate" ("annotation_id" INTEGER NOT NULL PRIMARY KEY, '
    '"kept_id" INTEGER NOT NULL, '
    'FOREIGN KEY ("annotation_id") REFERENCES "annotation" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("kept_id") REFERENCES "annotation" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "deal_duplicate_kept_id" ON "deal_duplicate" ("kept_id")',
    # A duplicate stops (or starts again) counting in its article's money.
    "CREATE TRIGGER summary_deal_duplicate_insert AFTER INSERT ON deal_duplicate BEGIN "
    f"{_dirty_4('SELECT article_id FROM annotation WHERE id = new.annotation_id')}END",
    "CREATE TRIGGER summary_deal_duplicate_delete AFTER DELETE ON deal_duplicate BEGIN "
    f"{_dirty_4('SELECT article_id FROM annotation WHERE id = old.annotation_id')}END",
    "CREATE TRIGGER summary_deal_duplicate_update AFTER UPDATE OF annotation_id "
    "ON deal_duplicate BEGIN "
    + _dirty_4("SELECT article_id FROM annotation "
               "WHERE id IN (old.annotation_id, new.annotation_id)")
    + "END",
)


def _m007_deal_duplicates(db: Database) -> None:
    """Money amounts that report a deal already counted (a confirmed group), counted once.

    A row says that amount ``annotation_id`` reports the same deal as
    ``kept_id`` and must not be added up again (db.counting.MONEY); triggers
    mark the duplicate's article for its summaries to be recomputed.
    """
    for statement in _SCHEMA_7:
        db.execute_sql(statement)


def _m008_application_id(db: Database) -> None:
    """Marks the file as Marginalia's (``PRAGMA application_id``, see db.schema).

    On a new database it comes with the rest of the schema; on an older one
    it marks a file recognised by its version and tables. Either way, from
    now on a file is known to be ours by its header alone.
    """
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID:d}")


# Schema 9, frozen as SQL: annotations a re-import set aside for review (db.reimport).
_SCHEMA_9 = (
    'CREATE TABLE "annotation_review" ("annotation_id" INTEGER NOT NULL PRIMARY KEY, '
    '"article_id" INTEGER NOT NULL, "record" TEXT NOT NULL, "links" TEXT NOT NULL, '
    '"candidate_start" INTEGER, "candidate_end" INTEGER, "confidence" REAL NOT NULL, '
    '"found" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "annotation_review_article_id" ON "annotation_review" ("article_id")',
    # A re-imported article is known by its source, else its title.
    'CREATE INDEX "article_source" ON "article" ("source")',
    'CREATE INDEX "article_title" ON "article" ("title")',
)


def _m009_annotation_review(db: Database) -> None:
    """Annotations a re-import could not place for sure, kept out of the text for review.

    A row holds the annotation as it was (``record``, JSON), its links
    (``links``, JSON: relations and counted-once deal rows) and the best
    place found in the new body, if any, with its confidence; the annotation
    itself is out of ``annotation`` until the user accepts or removes it.
    Indexes on the articles' source and title find the stored version of a
    re-imported article.
    """
    for statement in _SCHEMA_9:
        db.execute_sql(statement)


# Schema 10, frozen as SQL: who made each link and each refusal, and the change log.
_SCHEMA_10 = (
    'ALTER TABLE "relation" ADD COLUMN "author" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "rejected_suggestion" ADD COLUMN "author" VARCHAR(255) NOT NULL DEFAULT \'\'',
    # AUTOINCREMENT: an id is never given twice, even once the rows before it are pruned,
    # so a reader that remembers the last id it saw never misses a row.
    'CREATE TABLE "change_log" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"origin" TEXT NOT NULL, "kind" VARCHAR(10) NOT NULL, "action" VARCHAR(6) NOT NULL, '
    '"row_id" INTEGER NOT NULL, "article_id" INTEGER, "label_id" INTEGER, '
    '"at" DATETIME NOT NULL)',
)


def _m010_authors_and_change_log(db: Database) -> None:
    """The author of relations and rejected suggestions, and the log of app writes.

    ``author`` (Preferences ▸ Author, as annotations already have it) says
    who linked two annotations or refused a suggestion; rows made before
    have none (""). ``change_log`` lists what each app process wrote, for
    the others to follow (:mod:`db.change_log`); in a file, the rows are
    written by triggers each app connection makes for itself, so nothing
    else is stored here for them. Read by id (``WHERE id > ?``): the
    primary key is its index.
    """
    for statement in _SCHEMA_10:
        db.execute_sql(statement)


_SCHEMA_11 = (
    'DROP INDEX IF EXISTS "annotation_article_id_start"',
    'CREATE INDEX "annotation_article_id_start_end" ON "annotation" '
    '("article_id", "start", "end")',
)


def _m011_reading_order_index(db: Database) -> None:
    """An article's annotations indexed in reading order: start, end, then id.

    The index on (article, start) left each run of annotations starting at
    the same place to be sorted by end: with the JSON of each row in the
    sort, a tenth of the JSON Lines export of a million annotations
    (``bench/bench_export.py``). An index entry ends with the row's id, so
    (article, start, end) gives the reader's order, the exports' and the
    agreement's (``ORDER BY start, "end", id``) as it is. It replaces the
    old index, which it serves for too.
    """
    for statement in _SCHEMA_11:
        db.execute_sql(statement)


MIGRATIONS: tuple[Callable[[Database], None], ...] = (
    _m001_initial,
    _m002_sentences_and_aggregate_indexes,
    _m003_suggestions,
    _m004_summaries,
    _m005_entity_keys_and_links,
    _m006_amount_bounds,
    _m007_deal_duplicates,
    _m008_application_id,
    _m009_annotation_review,
    _m010_authors_and_change_log,
    _m011_reading_order_index,
)
if len(MIGRATIONS) != SCHEMA_VERSION:  # a new migration needs db.schema bumped too
    raise RuntimeError(f"db.schema.SCHEMA_VERSION is {SCHEMA_VERSION}, "
                       f"but there are {len(MIGRATIONS)} migrations.")


def schema_version(db: Database) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(db: Database) -> list[int]:
    """Brings ``db`` to :data:`SCHEMA_VERSION`; returns the versions applied.

    Each migration runs in a transaction that takes the write lock first and
    reads the version again inside it: another process opening the same
    file at the same moment (two imports, an import and the window) either
    finds the work done or waits for it, and never runs a migration twice.

    Raises:
        MigrationRefused: an unversioned file that is not empty (another
            program's, made meanwhile); it is left as it was.
    """
    applied: list[int] = []
    if schema_version(db) >= SCHEMA_VERSION:  # the usual case: no lock needed
        return applied
    while True:
        with db.atomic(lock_type="IMMEDIATE"):
            current = schema_version(db)
            if current >= SCHEMA_VERSION:
                break
            if current == 0:
                _refuse_unless_empty(db)
            number = current + 1
            MIGRATIONS[number - 1](db)
            db.execute_sql(f"PRAGMA user_version = {number:d}")
        applied.append(number)
    if applied and summaries.dirty_count(db):
        # Summaries a migration marked out of date are computed by this version's
        # code, so that no migration depends on code that changes later. (A
        # migration that marks none, as 008, costs no rebuild: 10 s on a million
        # annotations.)
        summaries.rebuild(db)
    return applied


class MigrationRefused(Exception):
    """The file is not one Marginalia may initialise; the message says why."""


def _refuse_unless_empty(db: Database) -> None:
    """Lets schema 1 be built only in a file that holds nothing yet.

    :func:`db.connection.inspect` refuses another program's file before it is
    opened for writing; this catches one that became so in between.
    """
    tables = db.execute_sql(
        "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite~_%' ESCAPE '~'").fetchall()
    if tables:
        names = ", ".join(sorted(name for (name,) in tables)[:5])
        raise MigrationRefused(f"the file holds another program's data (tables {names}), "
                               "so Marginalia did not set it up")
