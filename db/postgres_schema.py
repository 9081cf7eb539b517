"""The schema of a PostgreSQL team database, built in one go rather than migrated there.

A SQLite file reaches :data:`db.schema.SCHEMA_VERSION` through the numbered
migrations of :mod:`db.migrations`, some of which only make sense there
(marking the file's header, numbering the sentences of annotations made
before sentences were stored). A team database is new when Marginalia
first opens it, so it is built here at once, at version :data:`BUILT_AT`
(the version of the day it was written, frozen since), with the same
tables, columns, keys and indexes and the same rules kept by triggers
(``tests/db/test_copy.py`` compares both engines' schemas). A later schema
change adds both a SQLite migration and a PostgreSQL one
(:data:`MIGRATIONS`); the version lives in the one-row table
``marginalia_schema``, which also marks the database as Marginalia's (what
``PRAGMA application_id`` does in a file).

What is engine-specific here:

* types: ``SERIAL`` ids, ``DOUBLE PRECISION`` for SQLite's 8-byte ``REAL``,
  ``TIMESTAMP`` for ``DATETIME``; ``approx`` stays a 0/1 integer as in the
  file (the connection writes Python's booleans as 0 and 1), so every
  statement adds it up the same way on both;
* full-text search: ``article_fts`` holds a ``tsvector`` per article, in the
  French, English or simple configuration its language calls for (each
  ignoring accents, with PostgreSQL's ``unaccent``), kept by a trigger (see
  :mod:`db.search`);
* the summaries' out-of-date marks (:mod:`db.summaries`): the same triggers as
  the file's, in PL/pgSQL; inserts and deletes mark once per statement;
* the change log (:mod:`db.change_log`, migration 10): the file's is written
  by triggers each app connection makes for itself; here permanent ones,
  once per statement, read the connection's origin and notify listeners;
* helpers the statements call: ``marginalia_ids`` (SQLite's ``json_each``
  over a JSON array of ids), and the library's sort keys
  ``marginalia_sort_key`` and ``marginalia_domain`` (Python functions in SQLite).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from db.defaults import DEFAULT_LABELS
from db.schema import APPLICATION_ID, SCHEMA_VERSION

VERSION_TABLE = "marginalia_schema"
"""The one-row table holding the schema version and Marginalia's mark."""

_TABLES = (
    'CREATE TABLE "meta" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "article" ("id" SERIAL NOT NULL PRIMARY KEY, "title" TEXT NOT NULL, '
    '"body" TEXT NOT NULL, "language" VARCHAR(8) NOT NULL, "published" DATE, '
    '"source" TEXT NOT NULL, "content_hash" VARCHAR(64) NOT NULL, '
    '"imported_at" TIMESTAMP NOT NULL, "currency_hint" VARCHAR(3))',
    'CREATE UNIQUE INDEX "article_content_hash" ON "article" ("content_hash")',
    'CREATE INDEX "article_published" ON "article" ("published")',
    # Looked up by equality only, and a B-tree entry can't exceed about 2.7 kB:
    # a hash index takes a title or source of any length.
    'CREATE INDEX "article_source" ON "article" USING hash ("source")',
    'CREATE INDEX "article_title" ON "article" USING hash ("title")',
    'CREATE TABLE "label" ("id" SERIAL NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, '
    '"kind" VARCHAR(8) NOT NULL, "color" VARCHAR(9) NOT NULL, "shortcut" VARCHAR(1), '
    '"position" INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "label_name" ON "label" ("name")',
    'CREATE TABLE "entity" ("id" SERIAL NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, '
    '"label_id" INTEGER NOT NULL REFERENCES "label" ("id") ON DELETE CASCADE, '
    '"key" TEXT NOT NULL DEFAULT \'\')',
    'CREATE INDEX "entity_label_id" ON "entity" ("label_id")',
    'CREATE UNIQUE INDEX "entity_name_label_id" ON "entity" ("name", "label_id")',
    'CREATE INDEX "entity_label_id_key" ON "entity" ("label_id", "key")',
    'CREATE TABLE "entity_alias" ("id" SERIAL NOT NULL PRIMARY KEY, '
    '"entity_id" INTEGER NOT NULL REFERENCES "entity" ("id") ON DELETE CASCADE, '
    '"alias" TEXT NOT NULL, "key" TEXT NOT NULL DEFAULT \'\')',
    'CREATE INDEX "entity_alias_entity_id" ON "entity_alias" ("entity_id")',
    'CREATE UNIQUE INDEX "entity_alias_entity_id_alias" ON "entity_alias" ("entity_id", "alias")',
    'CREATE INDEX "entity_alias_key" ON "entity_alias" ("key")',
    'CREATE TABLE "annotation" ("id" SERIAL NOT NULL PRIMARY KEY, '
    '"article_id" INTEGER NOT NULL REFERENCES "article" ("id") ON DELETE CASCADE, '
    '"label_id" INTEGER NOT NULL REFERENCES "label" ("id") ON DELETE RESTRICT, '
    '"start" INTEGER NOT NULL, "end" INTEGER NOT NULL, "quote" TEXT NOT NULL, '
    '"prefix" TEXT NOT NULL, "suffix" TEXT NOT NULL, '
    '"entity_id" INTEGER REFERENCES "entity" ("id") ON DELETE SET NULL, '
    '"value" DOUBLE PRECISION, "value_high" DOUBLE PRECISION, "unit" VARCHAR(255), '
    '"approx" INTEGER NOT NULL, "note" TEXT NOT NULL, "author" VARCHAR(255) NOT NULL, '
    '"status" VARCHAR(10) NOT NULL, "created_at" TIMESTAMP NOT NULL, '
    '"updated_at" TIMESTAMP NOT NULL, "sentence" INTEGER, "bound" VARCHAR(3))',
    'CREATE INDEX "annotation_article_id" ON "annotation" ("article_id")',
    'CREATE INDEX "annotation_label_id" ON "annotation" ("label_id")',
    'CREATE INDEX "annotation_entity_id" ON "annotation" ("entity_id")',
    'CREATE INDEX "annotation_article_id_start" ON "annotation" ("article_id", "start")',
    # The aggregates' indexes (migration 002 says what each is for).
    'CREATE INDEX "annotation_entity_mentions" ON "annotation" '
    '("entity_id", "status", "article_id")',
    'CREATE INDEX "annotation_label_mentions" ON "annotation" '
    '("label_id", "status", "article_id", "entity_id")',
    'CREATE INDEX "annotation_amounts" ON "annotation" ("label_id", "status", "unit", '
    '"article_id", "value", "value_high", "approx", "sentence") WHERE value IS NOT NULL',
    'CREATE INDEX "annotation_sentence" ON "annotation" '
    '("article_id", "sentence", "entity_id", "status")',
    'CREATE TABLE "relation" ("id" SERIAL NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL, '
    '"source_id" INTEGER NOT NULL REFERENCES "annotation" ("id") ON DELETE CASCADE, '
    '"target_id" INTEGER NOT NULL REFERENCES "annotation" ("id") ON DELETE CASCADE, '
    '"created_at" TIMESTAMP NOT NULL)',
    'CREATE INDEX "relation_source_id" ON "relation" ("source_id")',
    'CREATE INDEX "relation_target_id" ON "relation" ("target_id")',
    'CREATE TABLE "rejected_suggestion" ("id" SERIAL NOT NULL PRIMARY KEY, '
    '"article_id" INTEGER NOT NULL REFERENCES "article" ("id") ON DELETE CASCADE, '
    '"start" INTEGER NOT NULL, "end" INTEGER NOT NULL, '
    '"label_id" INTEGER NOT NULL REFERENCES "label" ("id") ON DELETE CASCADE, '
    '"created_at" TIMESTAMP NOT NULL)',
    'CREATE UNIQUE INDEX "rejected_suggestion_article_id_start_end_label_id" '
    'ON "rejected_suggestion" ("article_id", "start", "end", "label_id")',
    'CREATE INDEX "rejected_suggestion_label_id" ON "rejected_suggestion" ("label_id")',
    'CREATE TABLE "deal_duplicate" ("annotation_id" INTEGER NOT NULL PRIMARY KEY '
    'REFERENCES "annotation" ("id") ON DELETE CASCADE, '
    '"kept_id" INTEGER NOT NULL REFERENCES "annotation" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "deal_duplicate_kept_id" ON "deal_duplicate" ("kept_id")',
    'CREATE TABLE "annotation_review" ("annotation_id" INTEGER NOT NULL PRIMARY KEY, '
    '"article_id" INTEGER NOT NULL REFERENCES "article" ("id") ON DELETE CASCADE, '
    '"record" TEXT NOT NULL, "links" TEXT NOT NULL, "candidate_start" INTEGER, '
    '"candidate_end" INTEGER, "confidence" DOUBLE PRECISION NOT NULL, '
    '"found" VARCHAR(16) NOT NULL, "created_at" TIMESTAMP NOT NULL)',
    'CREATE INDEX "annotation_review_article_id" ON "annotation_review" ("article_id")',
    'CREATE TABLE "summary_dirty" ("article_id" INTEGER NOT NULL PRIMARY KEY)',
)

# The summaries (db.summaries): per family its key columns and the columns added up,
# as migration 004 made them in the file.
_SUMMARY_FAMILIES = (
    ("mentions", (("label_id", "INTEGER"), ("entity_id", "INTEGER")), (("n", "INTEGER"),)),
    ("label_month", (("month", "TEXT"), ("label_id", "INTEGER")), (("n", "INTEGER"),)),
    ("money_month", (("month", "TEXT"), ("unit", "TEXT")),
     (("total", "DOUBLE PRECISION"), ("high", "DOUBLE PRECISION"), ("amounts", "INTEGER"),
      ("approx", "INTEGER"), ("ranges", "INTEGER"))),
    ("money", (("rule", "TEXT"), ("unit", "TEXT"), ("entity_id", "INTEGER")),
     (("total", "DOUBLE PRECISION"), ("high", "DOUBLE PRECISION"), ("amounts", "INTEGER"),
      ("approx", "INTEGER"), ("ranges", "INTEGER"))),
)


def _summary_tables() -> list[str]:
    statements = []
    for name, keys, sums in _SUMMARY_FAMILIES:
        table = f"summary_{name}"
        key_names = ", ".join(f'"{k}"' for k, _ in keys)
        key_columns = ", ".join(f'"{k}" {kind} NOT NULL' for k, kind in keys)
        sum_columns = ", ".join(f'"{s}" {kind} NOT NULL' for s, kind in sums)
        statements += [
            f'CREATE TABLE "{table}_article" ("bucket" INTEGER NOT NULL, {key_columns}, '
            f'"article_id" INTEGER NOT NULL, {sum_columns}, '
            f'PRIMARY KEY ("bucket", {key_names}, "article_id"))',
            f'CREATE INDEX "{table}_article_article_id" ON "{table}_article" ("article_id")',
            f'CREATE TABLE "{table}_bucket" ({key_columns}, "bucket" INTEGER NOT NULL, '
            f'{sum_columns}, PRIMARY KEY ({key_names}, "bucket"))',
            f'CREATE TABLE "{table}" ({key_columns}, {sum_columns}, PRIMARY KEY ({key_names}))',
        ]
    return statements


# Functions the statements call where SQLite has a built-in or a Python function.
_FUNCTIONS = (
    # SQLite's json_each over a JSON array of ids (db.dialect). STRICT keeps it from
    # being inlined, so that the planner believes ROWS: a list is short, and drives
    # the query through the indexes rather than scanning the table for a few ids.
    "CREATE FUNCTION marginalia_ids(list text) RETURNS TABLE (value bigint) "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 10 AS $$ SELECT CAST(e.item AS bigint) "
    "FROM json_array_elements_text(CAST(list AS json)) AS e(item) $$",
    # db.names.sort_key: case, accents and leading punctuation ignored.
    "CREATE FUNCTION marginalia_sort_key(text) RETURNS text LANGUAGE sql STABLE "
    "PARALLEL SAFE AS $$ SELECT regexp_replace(lower(unaccent('unaccent', $1)), "
    "'^[^[:alnum:]]+', '') $$",
    # db.library._domain_sort_key: the host of a URL without www., or a path's file name.
    "CREATE FUNCTION marginalia_domain(text) RETURNS text LANGUAGE sql STABLE "
    "PARALLEL SAFE AS $$ SELECT marginalia_sort_key(COALESCE("
    "CASE WHEN s ~* '^https?://' THEN regexp_replace(lower(substring(s from "
    "'^[A-Za-z]+://(?:[^/?#@]*@)?([^/?#:]+)')), '^www[.]', '') END, "
    "regexp_replace(rtrim(replace(regexp_replace(s, '^file://', ''), '\\', '/'), '/'), "
    "'^.*/', ''))) || chr(1) || $1 FROM (SELECT btrim($1) AS s) AS x $$",
)

# Full-text search (db.search): accents ignored, words stemmed by the article's language.
_SEARCH = (
    *(statement
      for name, parser_config in (("french", "french"), ("english", "english"),
                                  ("simple", "simple"))
      for statement in (
          f"CREATE TEXT SEARCH CONFIGURATION marginalia_{name} (COPY = {parser_config})",
          f"ALTER TEXT SEARCH CONFIGURATION marginalia_{name} ALTER MAPPING FOR "
          "hword, hword_part, word WITH unaccent, "
          + ("simple" if name == "simple" else f"{name}_stem"))),
    "CREATE FUNCTION marginalia_search_config(language text) RETURNS regconfig "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE "
    "WHEN lower(language) LIKE 'fr%' THEN CAST('marginalia_french' AS regconfig) "
    "WHEN lower(language) LIKE 'en%' THEN CAST('marginalia_english' AS regconfig) "
    "ELSE CAST('marginalia_simple' AS regconfig) END $$",
    'CREATE TABLE "article_fts" ("article_id" INTEGER NOT NULL PRIMARY KEY '
    'REFERENCES "article" ("id") ON DELETE CASCADE, "config" regconfig NOT NULL, '
    '"document" tsvector NOT NULL)',
    'CREATE INDEX "article_fts_document" ON "article_fts" USING gin ("document")',
    # The words as written (accents aside), and their stems in the article's language
    # (db.search). A tsvector holds at most 1 MB: a longer text is indexed without word
    # positions (phrases then match as words anywhere), at worst its first 200,000
    # characters.
    "CREATE FUNCTION marginalia_document(chosen regconfig, words text) RETURNS tsvector "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE "
    "WHEN chosen = CAST('marginalia_simple' AS regconfig) THEN to_tsvector(chosen, words) "
    "ELSE to_tsvector('marginalia_simple', words) || to_tsvector(chosen, words) END $$",
    "CREATE FUNCTION marginalia_index_article() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE chosen regconfig := marginalia_search_config(NEW.language); "
    "words text := NEW.title || ' ' || NEW.body; document tsvector; "
    "BEGIN "
    "BEGIN document := marginalia_document(chosen, words); "
    "EXCEPTION WHEN program_limit_exceeded THEN "
    "BEGIN document := strip(marginalia_document(chosen, words)); "
    "EXCEPTION WHEN program_limit_exceeded THEN "
    "document := strip(marginalia_document(chosen, left(words, 200000))); "
    "END; END; "
    "INSERT INTO article_fts (article_id, config, document) VALUES (NEW.id, chosen, document) "
    "ON CONFLICT (article_id) DO UPDATE SET config = EXCLUDED.config, "
    "document = EXCLUDED.document; "
    "RETURN NULL; END $$",
    "CREATE TRIGGER article_fts_write AFTER INSERT OR UPDATE OF title, body, language "
    "ON article FOR EACH ROW EXECUTE FUNCTION marginalia_index_article()",
)


def _dirty_function(name: str, articles: str) -> str:
    """A trigger function putting the ``article_id``s ``articles`` selects into summary_dirty."""
    return (f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"INSERT INTO summary_dirty (article_id) SELECT DISTINCT article_id FROM "
            f"({articles}) AS marked WHERE article_id IS NOT NULL ON CONFLICT DO NOTHING; "
            "RETURN NULL; END $$")


_SUMMARISED_COLUMNS = ("status", "label_id", "entity_id", "value", "value_high", "unit",
                       "approx", "sentence", "article_id")

# The rules of migrations 004 and 007's triggers. Rows inserted or deleted are marked
# once per statement (from its transition table, "changed"); updates row by row, when
# a column the figures read has changed.
_SUMMARY_TRIGGERS = (
    _dirty_function("marginalia_dirty_annotations", "SELECT article_id FROM changed"),
    "CREATE TRIGGER summary_annotation_insert AFTER INSERT ON annotation "
    "REFERENCING NEW TABLE AS changed FOR EACH STATEMENT "
    "EXECUTE FUNCTION marginalia_dirty_annotations()",
    "CREATE TRIGGER summary_annotation_delete AFTER DELETE ON annotation "
    "REFERENCING OLD TABLE AS changed FOR EACH STATEMENT "
    "EXECUTE FUNCTION marginalia_dirty_annotations()",
    # An annotation linked by a relation counts for the amount at the other end,
    # which may be in another article.
    _dirty_function(
        "marginalia_dirty_annotation_update",
        "SELECT OLD.article_id AS article_id UNION SELECT NEW.article_id "
        "UNION SELECT x.article_id FROM relation r JOIN annotation x ON x.id = r.target_id "
        "WHERE r.source_id = NEW.id UNION SELECT x.article_id FROM relation r "
        "JOIN annotation x ON x.id = r.source_id WHERE r.target_id = NEW.id"),
    f"CREATE TRIGGER summary_annotation_update AFTER UPDATE OF "
    f"{', '.join(_SUMMARISED_COLUMNS)} ON annotation FOR EACH ROW WHEN ("
    + " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in _SUMMARISED_COLUMNS)
    + ") EXECUTE FUNCTION marginalia_dirty_annotation_update()",
    _dirty_function("marginalia_dirty_relations",
                    "SELECT a.article_id FROM changed r JOIN annotation a "
                    "ON a.id = r.source_id OR a.id = r.target_id"),
    "CREATE TRIGGER summary_relation_insert AFTER INSERT ON relation "
    "REFERENCING NEW TABLE AS changed FOR EACH STATEMENT "
    "EXECUTE FUNCTION marginalia_dirty_relations()",
    "CREATE TRIGGER summary_relation_delete AFTER DELETE ON relation "
    "REFERENCING OLD TABLE AS changed FOR EACH STATEMENT "
    "EXECUTE FUNCTION marginalia_dirty_relations()",
    _dirty_function("marginalia_dirty_relation_update",
                    "SELECT article_id FROM annotation WHERE id IN "
                    "(OLD.source_id, OLD.target_id, NEW.source_id, NEW.target_id)"),
    "CREATE TRIGGER summary_relation_update AFTER UPDATE OF source_id, target_id "
    "ON relation FOR EACH ROW EXECUTE FUNCTION marginalia_dirty_relation_update()",
    _dirty_function("marginalia_dirty_label_kind",
                    "SELECT article_id FROM annotation WHERE label_id = NEW.id"),
    "CREATE TRIGGER summary_label_kind AFTER UPDATE OF kind ON label FOR EACH ROW "
    "WHEN (OLD.kind IS DISTINCT FROM NEW.kind) "
    "EXECUTE FUNCTION marginalia_dirty_label_kind()",
    _dirty_function("marginalia_dirty_articles", "SELECT id AS article_id FROM changed"),
    "CREATE TRIGGER summary_article_delete AFTER DELETE ON article "
    "REFERENCING OLD TABLE AS changed FOR EACH STATEMENT "
    "EXECUTE FUNCTION marginalia_dirty_articles()",
    _dirty_function("marginalia_dirty_article_published", "SELECT NEW.id AS article_id"),
    "CREATE TRIGGER summary_article_published AFTER UPDATE OF published ON article "
    "FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published) "
    "EXECUTE FUNCTION marginalia_dirty_article_published()",
    # A duplicate stops (or starts again) counting in its article's money.
    _dirty_function("marginalia_dirty_deal_duplicates",
                    "SELECT a.article_id FROM changed d JOIN annotation a "
                    "ON a.id = d.annotation_id"),
    "CREATE TRIGGER summary_deal_duplicate_insert AFTER INSERT ON deal_duplicate "
    "REFERENCING NEW TABLE AS changed FOR EACH STATEMENT "
    "EXECUTE FUNCTION marginalia_dirty_deal_duplicates()",
    "CREATE TRIGGER summary_deal_duplicate_delete AFTER DELETE ON deal_duplicate "
    "REFERENCING OLD TABLE AS changed FOR EACH STATEMENT "
    "EXECUTE FUNCTION marginalia_dirty_deal_duplicates()",
    _dirty_function("marginalia_dirty_deal_duplicate_update",
                    "SELECT article_id FROM annotation "
                    "WHERE id IN (OLD.annotation_id, NEW.annotation_id)"),
    "CREATE TRIGGER summary_deal_duplicate_update AFTER UPDATE OF annotation_id "
    "ON deal_duplicate FOR EACH ROW EXECUTE FUNCTION marginalia_dirty_deal_duplicate_update()",
)

BUILT_AT = 9
"""The schema version :data:`SCHEMA` builds; :data:`MIGRATIONS` take it further."""
SCHEMA: tuple[str, ...] = (
    # PostgreSQL's contrib module (in Debian's postgresql package); trusted: the owner
    # of a database may create it there.
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    *_TABLES, *_summary_tables(), *_FUNCTIONS, *_SEARCH, *_SUMMARY_TRIGGERS)
"""Every statement that builds the schema at version :data:`BUILT_AT`. Frozen, as a
SQLite migration is: a change of schema is a new entry of :data:`MIGRATIONS`."""

DERIVED_TABLES = frozenset({"article_fts", VERSION_TABLE})
"""Tables that are not data: rebuilt from the articles, or the version record."""


def create(db: Any) -> None:
    """Builds the schema and the default labels, inside the caller's transaction."""
    for statement in SCHEMA:
        db.execute_sql(statement)
    db.execute_sql(f'CREATE TABLE "{VERSION_TABLE}" ("version" INTEGER NOT NULL, '
                   '"application_id" INTEGER NOT NULL)')
    db.execute_sql(f'INSERT INTO "{VERSION_TABLE}" (version, application_id) VALUES (?, ?)',
                   (BUILT_AT, APPLICATION_ID))
    insert_default_labels(db)


def insert_default_labels(db: Any) -> None:
    """The default labels, as a new database has them (in both engines)."""
    for position, label in enumerate(DEFAULT_LABELS):
        db.execute_sql("INSERT INTO label (name, kind, color, shortcut, position) "
                       "VALUES (?, ?, ?, ?, ?)",
                       (label.name, label.kind, label.color, label.shortcut, position))


def _log_function(table: str, kind: str, rows: str, row_id: str, article: str,
                  label: str) -> str:
    """The trigger function logging the rows a statement wrote to ``table`` (db.change_log).

    ``rows`` is the FROM item over the statement's rows (its transition table,
    ``changed``); the other arguments are SQL over it. The origin is the one
    the connection set (``marginalia.origin``); a connection that set none
    is another program's. A statement that logged something notifies the
    listeners, with its origin as payload (PostgreSQL sends one notification
    per transaction for identical ones).
    """
    return (f"CREATE FUNCTION marginalia_log_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "DECLARE writer text := current_setting('marginalia.origin', true); BEGIN "
            "IF writer = 'unlogged' THEN RETURN NULL; END IF; "
            "INSERT INTO change_log (origin, kind, action, row_id, article_id, label_id, at) "
            f"SELECT COALESCE(NULLIF(writer, ''), 'other'), '{kind}', lower(TG_OP), {row_id}, "
            f"{article}, {label}, now() AT TIME ZONE 'UTC' FROM {rows}; "
            "IF FOUND THEN PERFORM pg_notify('marginalia_changes', COALESCE(writer, '')); "
            "END IF; RETURN NULL; END $$")


# Table → its log function's arguments after the table (see _log_function).
_LOGGED_10 = {
    "annotation": ("annotation", "changed", "id", "article_id", "label_id"),
    "article": ("article", "changed", "id", "id", "NULL"),
    "label": ("label", "changed", "id", "NULL", "NULL"),
    "entity": ("entity", "changed", "id", "NULL", "label_id"),
    "entity_alias": ("entity", "changed", "entity_id", "NULL", "NULL"),
    "rejected_suggestion": ("suggestion", "changed", "id", "article_id", "label_id"),
    # One row per article of the annotations at its ends (an end deleted has none).
    "relation": ("relation", "(SELECT DISTINCT r.id, a.article_id FROM changed r "
                 "JOIN annotation a ON a.id IN (r.source_id, r.target_id)) AS linked",
                 "id", "article_id", "NULL"),
    "deal_duplicate": ("relation", "changed d JOIN annotation a ON a.id = d.annotation_id",
                       "d.annotation_id", "a.article_id", "NULL"),
}
_MIGRATION_10 = (
    'ALTER TABLE "relation" ADD COLUMN "author" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "rejected_suggestion" ADD COLUMN "author" VARCHAR(255) NOT NULL DEFAULT \'\'',
    'CREATE TABLE "change_log" ("id" BIGSERIAL NOT NULL PRIMARY KEY, "origin" TEXT NOT NULL, '
    '"kind" VARCHAR(10) NOT NULL, "action" VARCHAR(6) NOT NULL, "row_id" INTEGER NOT NULL, '
    '"article_id" INTEGER, "label_id" INTEGER, "at" TIMESTAMP NOT NULL)',
    *(_log_function(table, *arguments) for table, arguments in _LOGGED_10.items()),
    # Once per statement, from its rows (a transition table serves one event only).
    *(f"CREATE TRIGGER marginalia_log_{table}_{event.lower()} AFTER {event} ON \"{table}\" "
      f"REFERENCING {'OLD' if event == 'DELETE' else 'NEW'} TABLE AS changed "
      f"FOR EACH STATEMENT EXECUTE FUNCTION marginalia_log_{table}()"
      for table in _LOGGED_10 for event in ("INSERT", "UPDATE", "DELETE")),
)


def _migrate_10(db: Any) -> None:
    """Migration 010 (see :mod:`db.migrations`): authors of links and refusals, the change
    log, and the triggers that fill it (in a file, each app connection makes its own)."""
    for statement in _MIGRATION_10:
        db.execute_sql(statement)


_MIGRATION_11 = (
    'DROP INDEX IF EXISTS "annotation_article_id_start"',
    'CREATE INDEX "annotation_article_id_start_end" ON "annotation" '
    '("article_id", "start", "end")',
)


def _migrate_11(db: Any) -> None:
    """Migration 011 (see :mod:`db.migrations`): annotations indexed in reading order."""
    for statement in _MIGRATION_11:
        db.execute_sql(statement)


MIGRATIONS: dict[int, Callable[[Any], None]] = {10: _migrate_10, 11: _migrate_11}
"""PostgreSQL's step to version *n* from *n - 1*, for each version after :data:`BUILT_AT`:
the counterpart of the SQLite migration *n* of :mod:`db.migrations`."""
if sorted(MIGRATIONS) != list(range(BUILT_AT + 1, SCHEMA_VERSION + 1)):
    raise RuntimeError(f"db.schema.SCHEMA_VERSION is {SCHEMA_VERSION}: PostgreSQL needs "
                       f"its migrations {BUILT_AT + 1} to {SCHEMA_VERSION}.")
