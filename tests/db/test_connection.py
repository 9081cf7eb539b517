"""Opening, migrating and refusing databases."""

from __future__ import annotations

import sqlite3

import pytest

from db import connection
from db.annotations import labels
from db.migrations import SCHEMA_VERSION
from tests.helpers import sqlite_file


@pytest.mark.sqlite_only  # the file's header
def test_new_database_has_schema_version_and_default_labels(db, db_path):
    names = [label.name for label in labels()]
    assert names == ["ORG", "PERSON", "PRODUCT", "PLACE", "MONEY", "QUANTITY",
                     "DURATION", "PERCENT", "DATE"]
    assert [label.shortcut for label in labels()] == list("123456789")
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_keeps_data_and_does_not_migrate_again(db_path):
    connection.open_database(db_path)
    connection.close_database()
    connection.open_database(db_path)
    assert len(labels()) == 9
    connection.close_database()


def test_too_new_database_is_refused_and_left_untouched(db_path):
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT)")
    con.execute("INSERT INTO article (title) VALUES ('from the future')")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    before = db_path.read_bytes()

    with pytest.raises(connection.DatabaseTooNewError) as err:
        connection.open_database(db_path)

    assert str(db_path) in str(err.value)
    assert "newer version" in str(err.value)
    assert db_path.read_bytes() == before
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_file_that_is_not_a_database_is_refused_with_its_name(tmp_path):
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_bytes(b"this is plain text, not SQLite" * 100)
    before = bogus.read_bytes()
    with pytest.raises(connection.DatabaseError) as err:
        connection.open_database(bogus)
    assert "notes.sqlite3" in str(err.value)
    assert bogus.read_bytes() == before


def test_environment_variable_chooses_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv(connection.ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert connection.resolve_path() == tmp_path / "env.sqlite3"
    assert connection.resolve_path(tmp_path / "flag.sqlite3") == tmp_path / "flag.sqlite3"


def test_a_transaction_that_reads_first_keeps_its_write_when_another_writer_comes(db):
    import threading

    from db.annotations import find_or_create_entity, label_by_name
    from db.models import database

    other_done = threading.Event()

    def other_writer() -> None:  # another connection, as the plots' worker or an import
        with database.atomic():
            database.execute_sql("INSERT INTO meta (key, value) VALUES ('other', 'x')")
        connection.close_thread_connection()
        other_done.set()

    with database.atomic():
        org = label_by_name("ORG")  # a read first
        thread = threading.Thread(target=other_writer)
        thread.start()
        # The other writer waits for this transaction, whatever the timing:
        # it began with the write lock.
        assert not other_done.wait(0.3)
        entity_id = find_or_create_entity("Ericsson", org.id)
    thread.join(10)

    assert other_done.is_set()
    assert database.execute_sql("SELECT name FROM entity WHERE id = ?",
                                (entity_id,)).fetchone() == ("Ericsson",)
    assert database.execute_sql("SELECT value FROM meta WHERE key = 'other'").fetchone() == (
        "x",)


def test_reading_before_the_orm_gives_what_the_models_give_then_hands_over(db_path):
    import datetime as dt

    from db import models, reads
    from db.annotations import find_or_create_entity, insert_annotation
    from db.articles import NewArticle, insert_articles
    from db.models import Annotation, Article, Entity, Label
    from desktop.core.operations import new_annotation

    connection.open_database(db_path)
    body = "Ericsson 😀 signe avec Nokia.\nCafe\u0301 à Paris."
    dated, undated = insert_articles([
        NewArticle("Accord", body, "h1", "fr", published=dt.date(2025, 3, 1)),
        NewArticle("Sans date", "Texte.", "h2", "fr")])
    org = Label.get(Label.name == "ORG").id
    entity = find_or_create_entity("Ericsson", org)
    stored = insert_annotation(new_annotation(body, dated, org, 0, 8, entity_id=entity,
                                              value=3.0, approx=True))
    # What the models read, field by field.
    article = Article.get_by_id(dated)
    expected_article = (article.id, article.title, article.body, article.language,
                        article.published, article.source, article.imported_at)
    expected_labels = [(r.id, r.name, r.kind, r.color, r.shortcut, r.position)
                       for r in Label.select().order_by(Label.position, Label.id)]
    row = Annotation.get_by_id(stored.id)
    expected_annotation = (row.start, row.end, row.quote, row.entity_id, row.value,
                           bool(row.approx), row.sentence, row.created_at)
    connection.close_database()
    models.database.initialize(None)  # as in a new process: the ORM not bound yet

    assert connection.open_for_reading(db_path)
    assert connection.opened_for_reading() == db_path
    got = reads.get_article(dated)
    assert (got.id, got.title, got.body, got.language, got.published, got.source,
            got.imported_at) == expected_article
    assert reads.get_article(undated).published is None
    assert [(lb.id, lb.name, lb.kind, lb.color, lb.shortcut, lb.position)
            for lb in reads.labels()] == expected_labels
    for record in (reads.get_annotation(stored.id), reads.annotations_for_article(dated)[0]):
        assert (record.start, record.end, record.quote, record.entity_id, record.value,
                record.approx, record.sentence) == expected_annotation[:7]
    assert reads.get_annotation(stored.id).created_at == expected_annotation[7]
    assert reads.first_article_id() == dated  # the newest; undated ones last
    assert reads.entity_names({entity}) == {entity: "Ericsson"}
    assert reads.linked_quotes(dated) == {}

    # The models' first use opens the database fully; the plain connection closes.
    assert Entity.get_by_id(entity).name == "Ericsson"
    assert models.database.obj is not None
    assert connection.opened_for_reading() is None
    connection.close_database()


@pytest.mark.sqlite_only  # a server's DATE column holds nothing else
def test_a_date_that_is_not_one_reads_as_none(db, article_id):
    from db import reads
    from db.models import database

    database.execute_sql("UPDATE article SET published = '' WHERE id = ?", (article_id,))
    assert reads.get_article(article_id).published is None
    database.execute_sql("UPDATE article SET published = '2024-13-45' WHERE id = ?",
                         (article_id,))
    assert reads.get_article(article_id).published is None


def test_only_the_thread_that_opened_for_reading_may_open_fully(db_path):
    import threading

    from db import models

    connection.open_database(db_path)
    connection.close_database()
    models.database.initialize(None)
    assert connection.open_for_reading(db_path)
    errors: list[Exception] = []

    def worker() -> None:
        try:
            connection.open_deferred()
        except connection.DatabaseError as exc:
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)

    assert len(errors) == 1 and str(db_path) in str(errors[0])
    assert connection.opened_for_reading() == db_path  # still open here, and usable
    assert labels()[0].name == "ORG"
    connection.open_deferred()
    assert connection.opened_for_reading() is None
    connection.close_database()


def test_a_new_or_older_database_is_not_read_before_it_is_migrated(tmp_path):
    assert not connection.open_for_reading(tmp_path / "new.sqlite3")
    assert not (tmp_path / "new.sqlite3").exists()
    old = tmp_path / "old.sqlite3"
    before = sqlite_file(old, 1)
    assert not connection.open_for_reading(old)
    assert old.read_bytes() == before
    assert connection.opened_for_reading() is None


def test_a_too_new_database_is_refused_before_reading_too(tmp_path):
    path = tmp_path / "future.sqlite3"
    sqlite_file(path, SCHEMA_VERSION + 1)
    with pytest.raises(connection.DatabaseTooNewError, match="newer version"):
        connection.open_for_reading(path)


def test_a_database_that_fails_to_open_is_not_left_bound(db_path, monkeypatch):
    from db import migrations, models

    def broken(db):  # noqa: ANN001
        raise OSError("disk I/O error")

    monkeypatch.setattr(migrations, "migrate", broken)
    with pytest.raises(connection.DatabaseError, match="disk I/O error"):
        connection.open_database(db_path)
    assert models.database.obj is None


@pytest.mark.sqlite_only  # SQLite's query plan
def test_a_version_10_database_gets_annotations_indexed_in_reading_order(tmp_path):
    from tests.helpers import database_at_schema

    path = tmp_path / "v10.sqlite3"
    database_at_schema(path, 10)

    connection.open_database(path)
    connection.close_database()

    con = sqlite3.connect(path)
    indexes = {row[1] for row in con.execute("PRAGMA index_list(annotation)")}
    assert "annotation_article_id_start_end" in indexes
    assert "annotation_article_id_start" not in indexes
    # What the reader and the exports read: in index order, with nothing left to sort.
    plans = [con.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall() for sql in (
        'SELECT * FROM annotation WHERE article_id = 1 ORDER BY start, "end", id',
        'SELECT a.quote FROM annotation a JOIN label l ON l.id = a.label_id '
        'WHERE a.article_id IN (1, 2) ORDER BY a.article_id, a.start, a."end", a.id')]
    con.close()
    assert all("annotation_article_id_start_end" in str(plan) for plan in plans)
    assert not any("TEMP B-TREE" in str(plan) for plan in plans)
