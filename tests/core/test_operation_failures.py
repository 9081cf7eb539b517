"""Every operation is all or nothing: a write refused between its steps changes nothing.

Failures are injected with SQLite's authorizer: the k-th statement that
writes one of our tables (INSERT, UPDATE or DELETE, triggers included) is
refused, for k = 1, 2, … until the step runs with no write left to refuse,
so a failure lands between every two steps of apply, revert, redo and the
revert after it. The database (every table, the summaries kept by triggers
included) must then be exactly as before the step. SQLite consults the
authorizer only when it prepares a statement, and sqlite3 keeps prepared
statements in a cache, so the authorizer is set again after each statement
(a peewee query hook): setting it expires the cached statements, and each
is prepared, hence authorized, anew.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest

from db import annotations as store
from db import entities as entity_store
from db import summaries
from db.annotations import label_by_name
from db.articles import NewArticle, get_article, insert_articles
from db.copy import data_tables
from db.models import database
from db.reads import get_annotation
from db.relations import RelationRecord, insert_relations
from desktop.core import operations
from desktop.core.article_operations import EditArticle
from desktop.core.deal_operations import ConfirmDeal, LeaveOutOfDeal, SplitDeal
from desktop.core.entity_operations import (
    DeleteEntity,
    MergeEntities,
    RenameEntity,
    SplitAlias,
)
from desktop.core.operations import (
    AddAnnotations,
    AddLabel,
    DeleteLabel,
    EditAnnotations,
    EditLabel,
    LinkAnnotations,
    Mention,
    Operation,
    RejectSuggestions,
    RemoveAnnotations,
    SetCurrencyHint,
    TagMentions,
    new_annotation,
)
from desktop.core.progress import Cancelled, CancelToken, Progress
from desktop.core.text import content_hash

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL

SECOND_BODY = "Amazon (AWS) vend des GPU à OpenAI pour 2\u00a0% de son capital."

Snapshot = dict[str, list[tuple[Any, ...]]]


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    """Tag-all inserts two annotations per chunk: a failure can fall between chunks."""
    monkeypatch.setattr(operations, "CHUNK", 2)


# --- the database as data -------------------------------------------------------------


def _rows(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in database.execute_sql(sql, params).fetchall()]


def _user_tables() -> list[str]:
    """Every table of ours: not the engine's own, not the full-text index, not the change
    log (it records every write, those an undo takes back too: db.change_log)."""
    return sorted(t for t in data_tables(database.obj) if t != "change_log")


TIMESTAMPS = frozenset({"created_at", "updated_at"})


def snapshot(*, timestamps: bool = True) -> Snapshot:
    """Every row of every table of ours, sorted; timestamps masked when not wanted.

    Not the largest entity and alias ids given (``meta``: ``entity_id_high``…): like
    a sequence, they never go back, so that an id is never given twice
    (db.entities.fresh_id).
    """
    dump: Snapshot = {}
    for table in _user_tables():
        cursor = database.execute_sql(f'SELECT * FROM "{table}"')
        masked = [i for i, column in enumerate(cursor.description)
                  if not timestamps and column[0] in TIMESTAMPS]
        rows = [tuple("<time>" if i in masked else v for i, v in enumerate(row))
                for row in cursor.fetchall()
                if not (table == "meta" and str(row[0]).endswith("_id_high"))]
        dump[table] = sorted(rows, key=repr)
    return dump


def settled() -> Snapshot:
    """The database once the summaries are brought up to date, timestamps masked.

    Undoing marks the articles it touched for their summaries to be recomputed
    (``summary_dirty``), and stamps the rows it writes back; what an undo must
    restore is the data, and the summaries computed from it.
    """
    summaries.refresh()
    return snapshot(timestamps=False)


def _diff(before: Snapshot, after: Snapshot) -> dict[str, tuple[list[Any], list[Any]]]:
    """Per table that differs: (rows only before, rows only after)."""
    return {t: ([r for r in before.get(t, []) if r not in after.get(t, [])],
                [r for r in after.get(t, []) if r not in before.get(t, [])])
            for t in sorted(set(before) | set(after)) if before.get(t) != after.get(t)}


# --- failure injection ----------------------------------------------------------------


class WriteRefuser:
    """Refuses the k-th statement that writes one of our tables, with the sqlite3 authorizer."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.tables = frozenset(_user_tables())
        self.refuse_at: int | None = None
        self.writes = 0  # statements that wrote (or tried to write) our tables
        self.refused = False
        self._counted = False  # the statement being prepared was counted
        db.query_hooks.append(self._after_statement)

    def close(self) -> None:
        self.db.query_hooks.remove(self._after_statement)
        self.db.connection().set_authorizer(None)

    def arm(self, k: int) -> None:
        self.refuse_at, self.writes, self.refused, self._counted = k, 0, False, False
        self.db.connection().set_authorizer(self._authorize)

    def disarm(self) -> None:
        self.refuse_at = None
        self.db.connection().set_authorizer(None)

    def _after_statement(self, _event: Any) -> None:
        if self.refuse_at is not None:
            self._counted = False
            # Expires every cached statement: the next one is authorized afresh.
            self.db.connection().set_authorizer(self._authorize)

    def _authorize(self, action: int, table: str | None, *_: Any) -> int:
        if self.refuse_at is None or table not in self.tables or action not in (
                sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE):
            return sqlite3.SQLITE_OK
        if not self._counted:  # one count per statement, whatever its triggers write
            self._counted = True
            self.writes += 1
        if self.writes == self.refuse_at:
            self.refused = True
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK


@pytest.fixture
def refuser(db):
    refuser = WriteRefuser(db)
    yield refuser
    refuser.close()


def fail_between_every_write(refuser: WriteRefuser, step: Callable[[], Any],
                             what: str) -> tuple[Any, int]:
    """Runs ``step`` refusing its 1st write, then its 2nd… until it succeeds.

    After each refusal the step must have raised and left every table as it
    was. Returns what the successful run returned and how many statements wrote.
    """
    before = snapshot()
    for k in itertools.count(1):
        assert k < 100, f"{what}: still writing after 100 statements"
        refuser.arm(k)
        try:
            result = step()
        except Exception as exc:
            refuser.disarm()
            assert refuser.refused, f"{what} failed without a refused write: {exc!r}"
            assert "not authorized" in str(exc), f"{what}: the refusal became {exc!r}"
            after = snapshot()
            assert after == before, (
                f"{what} with write {k} refused left changes: {_diff(before, after)}")
            continue
        refuser.disarm()
        assert not refuser.refused, f"{what} went on after its write {k} was refused"
        assert refuser.writes == k - 1
        return result, k - 1
    raise AssertionError("unreachable")


@pytest.mark.sqlite_only  # the refuser is sqlite3's authorizer
def test_a_refused_write_raises_inside_peewee_and_rolls_back(refuser, article_id):
    """The injection itself: the statement fails in peewee, the transaction rolls back,
    and a statement sqlite3 has cached is refused too."""
    from db.transactions import transaction

    org = _label("ORG")
    body = get_article(article_id).body
    records = [new_annotation(body, article_id, org, 0, 6),
               new_annotation(body, article_id, org, *_span(article_id, "Nvidia"))]
    store.insert_annotations(records[:1])  # the INSERT is now prepared and cached
    before = snapshot()
    refuser.arm(2)  # the second, identical INSERT
    with pytest.raises(Exception, match="not authorized") as raised, transaction():
        store.insert_annotations(records)
    refuser.disarm()
    assert type(raised.value).__module__ == "peewee"
    assert refuser.refused and refuser.writes == 2
    assert snapshot() == before


# --- building the data ----------------------------------------------------------------


def _label(name: str) -> int:
    label = label_by_name(name)
    assert label is not None
    return label.id


def _span(article_id: int, word: str) -> tuple[int, int]:
    start = get_article(article_id).body.index(word)
    return start, start + len(word)


def _tagged(article_id: int, word: str, label: str, **extra: Any) -> int:
    """Stores an annotation of ``word`` directly (setup, not an operation); its id."""
    body = get_article(article_id).body
    [annotation_id] = store.insert_annotations(
        [new_annotation(body, article_id, _label(label), *_span(article_id, word), **extra)])
    return annotation_id


def _second_article() -> int:
    return insert_articles([NewArticle("Autre", SECOND_BODY, content_hash(SECOND_BODY), "fr")])[0]


def _entity(name: str, label: str) -> int:
    return entity_store.insert_entity(name, _label(label))


def _entities() -> list[tuple[Any, ...]]:
    return _rows("SELECT id, name, label_id FROM entity ORDER BY id")


def _aliases() -> list[tuple[Any, ...]]:
    return _rows("SELECT entity_id, alias FROM entity_alias ORDER BY entity_id, alias")


def _relations() -> list[tuple[Any, ...]]:
    return _rows("SELECT id, kind, source_id, target_id FROM relation ORDER BY id")


def _labels() -> dict[str, tuple[Any, ...]]:
    return {row[1]: row for row in _rows(
        "SELECT id, name, kind, color, shortcut, position FROM label")}


# --- one row per operation: what it needs, and what it must have done ----------------


@dataclass(frozen=True)
class Case:
    build: Callable[[int], Operation]  # stores what the operation needs (article id given)
    applied: Callable[[Any], None]  # checks the database once the operation is applied


def _add(article_id: int) -> AddAnnotations:
    _entity("Nvidia", "ORG")  # found, not created
    body = get_article(article_id).body
    records = [
        new_annotation(body, article_id, _label("ORG"), *_span(article_id, "OpenAI")),
        new_annotation(body, article_id, _label("MONEY"),
                       *_span(article_id, "38\u00a0milliards de dollars"),
                       value=3.8e10, unit="USD"),
        new_annotation(body, article_id, _label("ORG"), *_span(article_id, "Nvidia")),
    ]
    return AddAnnotations(records, link=["OpenAI", None, "Nvidia"])


def _add_applied(op: AddAnnotations) -> None:
    org = _label("ORG")
    assert [name for _, name, _ in _entities()] == ["Nvidia", "OpenAI"]
    names = dict((i, n) for i, n, _ in _entities())
    stored = [get_annotation(i) for i in op.ids]
    assert [(r.quote, r.label_id, names.get(r.entity_id), r.value) for r in stored] == [
        ("OpenAI", org, "OpenAI", None),
        ("38\u00a0milliards de dollars", _label("MONEY"), None, 3.8e10),
        ("Nvidia", org, "Nvidia", None)]


def _tag_all(article_id: int) -> TagMentions:
    other = _second_article()
    gpu = _entity("GPU", "PRODUCT")
    mentions = [Mention(article_id, *_span(article_id, "GPU")),
                Mention(other, *_span(other, "GPU")),
                Mention(other, *_span(other, "AWS")),
                Mention(article_id, *_span(article_id, "AWS")),
                Mention(article_id, 999, 1003)]  # beyond the text: skipped
    return TagMentions([], name="Tag all", mentions=mentions, label_id=_label("PRODUCT"),
                       entity_id=gpu, author="test")


def _tag_all_applied(op: TagMentions) -> None:
    rows = _rows("SELECT article_id, quote, label_id, entity_id, author FROM annotation "
                 "ORDER BY id")
    product = _label("PRODUCT")
    entities = {name: entity_id for entity_id, name, _ in _entities()}
    gpu, aws = entities["GPU"], entities["AWS"]  # the entity asked for names GPU only
    assert [(q, lab, e, a) for _, q, lab, e, a in rows] == [
        ("GPU", product, gpu, "test"), ("GPU", product, gpu, "test"),
        ("AWS", product, aws, "test"), ("AWS", product, aws, "test")]
    assert len({article for article, *_ in rows}) == 2


def _remove(article_id: int) -> RemoveAnnotations:
    aws_entity = _entity("Amazon Web Services", "ORG")
    money = _tagged(article_id, "38\u00a0milliards de dollars", "MONEY", value=3.8e10,
                    unit="USD", note="deal")
    aws = _tagged(article_id, "AWS", "ORG", entity_id=aws_entity)
    openai = _tagged(article_id, "OpenAI", "ORG")
    insert_relations([RelationRecord(None, "deal", money, aws),
                      RelationRecord(None, "deal", money, openai)])
    return RemoveAnnotations([aws, money])


def _remove_applied(op: RemoveAnnotations) -> None:
    assert [get_annotation(i) for i in op.ids] == [None, None]
    assert _rows("SELECT quote FROM annotation") == [("OpenAI",)]
    assert _relations() == []
    assert _entities() == []  # its last mention gone, the entity goes too (undo: back)


def _edit(article_id: int) -> EditAnnotations:
    other = _second_article()
    ids = [_tagged(article_id, "AWS", "PRODUCT"), _tagged(other, "AWS", "PRODUCT")]
    return EditAnnotations(ids, {"label_id": _label("ORG"), "note": "cloud"},
                           entity="Amazon Web Services")


def _edit_applied(op: EditAnnotations) -> None:
    [(entity_id, name, label_id)] = _entities()
    assert (name, label_id) == ("Amazon Web Services", _label("ORG"))
    assert _aliases() == [(entity_id, "AWS")]
    assert [(r.label_id, r.entity_id, r.note) for r in map(get_annotation, op.ids)] == [
        (_label("ORG"), entity_id, "cloud")] * 2


def _link(article_id: int) -> LinkAnnotations:
    money = _tagged(article_id, "38\u00a0milliards de dollars", "MONEY", value=3.8e10)
    parties = [_tagged(article_id, "AWS", "ORG"), _tagged(article_id, "OpenAI", "ORG")]
    return LinkAnnotations([(money, party) for party in parties])


def _link_applied(op: LinkAnnotations) -> None:
    assert [row[1:] for row in _relations()] == [("deal", s, t) for s, t in op.pairs]


def _reject(article_id: int) -> RejectSuggestions:
    return RejectSuggestions(article_id, [(*_span(article_id, "OpenAI"), _label("ORG")),
                                          (*_span(article_id, "AWS"), _label("ORG")),
                                          (*_span(article_id, "AWS"), _label("PRODUCT"))])


def _reject_applied(op: RejectSuggestions) -> None:
    assert _rows("SELECT article_id, start, end, label_id FROM rejected_suggestion "
                 "ORDER BY id") == [(op.article_id, *span) for span in op.spans]


def _currency(article_id: int) -> SetCurrencyHint:
    SetCurrencyHint(article_id, "EUR").apply()  # what the undo must bring back
    return SetCurrencyHint(article_id, "CAD")


def _currency_applied(op: SetCurrencyHint) -> None:
    assert _rows("SELECT currency_hint FROM article WHERE id = ?", op.article_id) == [("CAD",)]


def _add_label(_article_id: int) -> AddLabel:
    return AddLabel("DEAL", "entity", "#123456", shortcut="1")  # ORG's key


def _add_label_applied(op: AddLabel) -> None:
    labels = _labels()
    assert labels["DEAL"][:5] == (op.label_id, "DEAL", "entity", "#123456", "1")
    assert labels["ORG"][4] is None


def _edit_label(_article_id: int) -> EditLabel:
    return EditLabel(_label("PERSON"), {"name": "PEOPLE", "color": "#000000", "shortcut": "1"})


def _edit_label_applied(op: EditLabel) -> None:
    labels = _labels()
    assert "PERSON" not in labels
    assert labels["PEOPLE"][:5] == (op.label_id, "PEOPLE", "entity", "#000000", "1")
    assert labels["ORG"][4] is None


def _delete_label(_article_id: int) -> DeleteLabel:
    return DeleteLabel(_label("DATE"))


def _delete_label_applied(op: DeleteLabel) -> None:
    assert "DATE" not in _labels()


def _rename_entity(article_id: int) -> RenameEntity:
    aws = _entity("AWS", "ORG")
    entity_store.insert_alias(aws, "Amazon Web Services")  # dropped: the new name covers it
    _tagged(article_id, "AWS", "ORG", entity_id=aws)  # so "AWS" is kept as an alias
    return RenameEntity(aws, "Amazon Web Services")


def _rename_entity_applied(op: RenameEntity) -> None:
    assert _entities() == [(op.entity_id, "Amazon Web Services", _label("ORG"))]
    assert _aliases() == [(op.entity_id, "AWS")]
    assert _rows('SELECT "key" FROM entity') == [("amazon web services",)]


def _merge_entities(article_id: int) -> MergeEntities:
    other = _second_article()
    target = _entity("Amazon Web Services", "ORG")
    aws, amazon = _entity("AWS", "ORG"), _entity("Amazon", "ORG")
    entity_store.insert_alias(aws, "A.W.S.")
    entity_store.insert_alias(amazon, "Amazon Web Services")  # the target's own name
    _tagged(article_id, "AWS", "ORG", entity_id=aws)
    _tagged(other, "AWS", "ORG", entity_id=aws)
    _tagged(other, "Amazon", "ORG", entity_id=amazon)
    return MergeEntities([aws, amazon], target)


def _merge_entities_applied(op: MergeEntities) -> None:
    target = op.target_id
    assert _entities() == [(target, "Amazon Web Services", _label("ORG"))]
    assert _aliases() == [(target, "A.W.S."), (target, "AWS"), (target, "Amazon")]
    assert _rows("SELECT DISTINCT entity_id FROM annotation") == [(target,)]


def _split_alias(article_id: int) -> SplitAlias:
    other = _second_article()
    entity_id = _entity("Amazon Web Services", "ORG")
    for alias in ("AWS", "Amazon"):
        entity_store.insert_alias(entity_id, alias)
    _tagged(article_id, "AWS", "ORG", entity_id=entity_id)
    _tagged(other, "AWS", "ORG", entity_id=entity_id)
    _tagged(other, "Amazon", "ORG", entity_id=entity_id)
    return SplitAlias(entity_id, "AWS")


def _split_alias_applied(op: SplitAlias) -> None:
    assert [name for _, name, _ in _entities()] == ["Amazon Web Services", "AWS"]
    assert _aliases() == [(op.entity_id, "Amazon")]
    assert _rows("SELECT quote, entity_id FROM annotation ORDER BY id") == [
        ("AWS", op.new_id), ("AWS", op.new_id), ("Amazon", op.entity_id)]


def _delete_entity(article_id: int) -> DeleteEntity:
    other = _second_article()
    aws = _entity("AWS", "ORG")
    entity_store.insert_alias(aws, "Amazon Web Services")
    money = _tagged(article_id, "38\u00a0milliards de dollars", "MONEY", value=3.8e10)
    mention = _tagged(article_id, "AWS", "ORG", entity_id=aws)
    _tagged(other, "AWS", "ORG", entity_id=aws)
    _tagged(other, "OpenAI", "ORG")
    insert_relations([RelationRecord(None, "deal", money, mention)])
    return DeleteEntity(aws)


def _delete_entity_applied(op: DeleteEntity) -> None:
    assert (_entities(), _aliases(), _relations()) == ([], [], [])
    assert _rows("SELECT quote FROM annotation ORDER BY id") == [
        ("38\u00a0milliards de dollars",), ("OpenAI",)]


def _edit_article(article_id: int) -> EditArticle:
    _tagged(article_id, "AWS", "ORG")  # counted in the summaries of the article's month
    return EditArticle(article_id, {"title": "Corrigé", "published": "2024-03-15",
                                    "source": "https://lapresse.ca/1", "language": "en",
                                    "currency_hint": "CAD"})


def _edit_article_applied(op: EditArticle) -> None:
    assert _rows("SELECT title, published, source, language, currency_hint FROM article "
                 "WHERE id = ?", op.article_id) == [
        ("Corrigé", "2024-03-15", "https://lapresse.ca/1", "en", "CAD")]


def _deal_reports(article_id: int) -> list[int]:
    """The same deal in two articles: each amount linked to OpenAI and AWS; their ids."""
    other = _second_article()
    amounts = []
    for article, words in ((article_id, ("38\u00a0milliards de dollars", "AWS", "OpenAI")),
                           (other, ("2\u00a0%", "AWS", "OpenAI"))):
        money = _tagged(article, words[0], "MONEY", value=3.8e10, unit="USD")
        parties = [_tagged(article, word, "ORG", entity_id=_entity_named(word))
                   for word in words[1:]]
        insert_relations([RelationRecord(None, "deal", money, p) for p in parties])
        amounts.append(money)
    return amounts


def _entity_named(name: str) -> int:
    found = [i for i, n, _ in _entities() if n == name]
    return found[0] if found else _entity(name, "ORG")


def _duplicates() -> list[tuple[Any, ...]]:
    return _rows("SELECT annotation_id, kept_id FROM deal_duplicate ORDER BY annotation_id")


def _confirm_deal(article_id: int) -> ConfirmDeal:
    return ConfirmDeal(list(reversed(_deal_reports(article_id))))


def _confirm_deal_applied(op: ConfirmDeal) -> None:
    first, second = sorted(op.amount_ids)  # same date (none): the first article's is kept
    assert op.kept_id == first
    assert _duplicates() == [(second, first)]


def _split_deal(article_id: int) -> SplitDeal:
    amounts = _deal_reports(article_id)
    ConfirmDeal(amounts).apply()  # what the undo must bring back
    return SplitDeal(amounts)


def _split_deal_applied(op: SplitDeal) -> None:
    assert _duplicates() == [(i, i) for i in sorted(op.amount_ids)]  # each set apart


def _leave_out(article_id: int) -> LeaveOutOfDeal:
    amounts = _deal_reports(article_id)
    ConfirmDeal(amounts).apply()  # what the undo must bring back
    return LeaveOutOfDeal(min(amounts), amounts)


def _leave_out_applied(op: LeaveOutOfDeal) -> None:
    assert _duplicates() == [(op.amount_id, op.amount_id)]  # the other is left alone


CASES = {
    "AddAnnotations": Case(_add, _add_applied),
    "TagMentions": Case(_tag_all, _tag_all_applied),
    "RemoveAnnotations": Case(_remove, _remove_applied),
    "EditAnnotations": Case(_edit, _edit_applied),
    "LinkAnnotations": Case(_link, _link_applied),
    "RejectSuggestions": Case(_reject, _reject_applied),
    "SetCurrencyHint": Case(_currency, _currency_applied),
    "AddLabel": Case(_add_label, _add_label_applied),
    "EditLabel": Case(_edit_label, _edit_label_applied),
    "DeleteLabel": Case(_delete_label, _delete_label_applied),
    "RenameEntity": Case(_rename_entity, _rename_entity_applied),
    "MergeEntities": Case(_merge_entities, _merge_entities_applied),
    "SplitAlias": Case(_split_alias, _split_alias_applied),
    "DeleteEntity": Case(_delete_entity, _delete_entity_applied),
    "EditArticle": Case(_edit_article, _edit_article_applied),
    "ConfirmDeal": Case(_confirm_deal, _confirm_deal_applied),
    "SplitDeal": Case(_split_deal, _split_deal_applied),
    "LeaveOutOfDeal": Case(_leave_out, _leave_out_applied),
}
by_operation = pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())


@by_operation
@pytest.mark.sqlite_only  # the refuser is sqlite3's authorizer
def test_apply_fails_cleanly_between_every_write(case, refuser, article_id):
    op = case.build(article_id)
    original = settled()
    _, writes = fail_between_every_write(refuser, op.apply, "apply")
    assert writes >= 1
    case.applied(op)
    assert settled() != original


@by_operation
@pytest.mark.sqlite_only  # the refuser is sqlite3's authorizer
def test_revert_fails_cleanly_between_every_write_then_restores(case, refuser, article_id):
    op = case.build(article_id)
    original = settled()
    op.apply()
    settled()  # the revert's failures are compared with every table, summaries included
    _, writes = fail_between_every_write(refuser, op.revert, "revert")
    assert writes >= 1
    after = settled()
    assert after == original, _diff(original, after)


@by_operation
@pytest.mark.sqlite_only  # the refuser is sqlite3's authorizer
def test_redo_and_its_revert_fail_cleanly_and_round_trip(case, refuser, article_id):
    """apply → revert → redo (refused at every write) → revert (likewise) → as before."""
    op = case.build(article_id)
    original = settled()
    op.apply()
    applied = settled()
    op.revert()
    assert settled() == original

    fail_between_every_write(refuser, op.apply, "redo")
    case.applied(op)
    redone = settled()
    assert redone == applied, _diff(applied, redone)  # the same rows, the same ids

    fail_between_every_write(refuser, op.revert, "revert of the redo")
    after = settled()
    assert after == original, _diff(original, after)


# --- side effects that must come and go with the step --------------------------------


def test_linking_aws_creates_the_entity_and_alias_and_undo_removes_both(article_id):
    aws = _tagged(article_id, "AWS", "ORG")
    entities, aliases = _entities(), _aliases()
    op = EditAnnotations([aws], entity="Amazon Web Services")

    op.apply()
    [(entity_id, name, label_id)] = _entities()
    assert (name, label_id) == ("Amazon Web Services", _label("ORG"))
    assert _aliases() == [(entity_id, "AWS")]
    assert get_annotation(aws).entity_id == entity_id

    op.revert()
    assert (_entities(), _aliases()) == (entities, aliases)
    assert get_annotation(aws).entity_id is None

    op.apply()
    assert _entities() == [(entity_id, "Amazon Web Services", _label("ORG"))]
    assert _aliases() == [(entity_id, "AWS")]
    assert get_annotation(aws).entity_id == entity_id


def test_linking_to_an_existing_entity_adds_only_the_alias_and_undo_keeps_the_entity(
        article_id):
    entity_id = _entity("Amazon Web Services", "ORG")
    aws = _tagged(article_id, "AWS", "ORG")
    op = EditAnnotations([aws], entity="Amazon Web Services")
    op.apply()
    assert _aliases() == [(entity_id, "AWS")]
    op.revert()
    assert _entities() == [(entity_id, "Amazon Web Services", _label("ORG"))]
    assert _aliases() == []


def test_adding_with_a_link_creates_the_entity_and_undo_removes_it(article_id):
    body = get_article(article_id).body
    record = new_annotation(body, article_id, _label("ORG"), *_span(article_id, "OpenAI"))
    op = AddAnnotations([record], link=["OpenAI"])

    op.apply()
    [(entity_id, name, _)] = _entities()
    assert name == "OpenAI"
    assert get_annotation(op.ids[0]).entity_id == entity_id

    op.revert()
    assert _entities() == []
    assert _rows("SELECT count(*) FROM annotation") == [(0,)]

    op.apply()  # redo: the entity again, with its id
    assert _entities() == [(entity_id, "OpenAI", _label("ORG"))]
    assert get_annotation(op.ids[0]).entity_id == entity_id
    op.revert()
    assert _entities() == []


def test_undoing_the_removal_of_a_linked_annotation_restores_its_relation_and_id(article_id):
    money = _tagged(article_id, "38\u00a0milliards de dollars", "MONEY", value=3.8e10)
    aws = _tagged(article_id, "AWS", "ORG")
    link = LinkAnnotations([(money, aws)])
    link.apply()
    relations = _relations()
    [(relation_id, *_)] = relations
    before = get_annotation(aws)

    op = RemoveAnnotations([aws])
    op.apply()
    assert _relations() == []
    op.revert()
    assert _relations() == relations == [(relation_id, "deal", money, aws)]
    assert get_annotation(aws) == before and get_annotation(aws).created_at == before.created_at

    link.revert()  # the link's own undo still finds it by id
    assert _relations() == []


def test_undoing_a_key_taken_from_another_label_gives_it_back():
    before = _labels()
    op = EditLabel(_label("PERSON"), {"shortcut": "1"})
    op.apply()
    assert (_labels()["PERSON"][4], _labels()["ORG"][4]) == ("1", None)
    op.revert()
    assert _labels() == before
    assert (before["PERSON"][4], before["ORG"][4]) == ("2", "1")


def test_undoing_a_label_deletion_restores_it_with_its_id(db):
    before = _labels()
    op = DeleteLabel(_label("DATE"))
    op.apply()
    assert "DATE" not in _labels()
    op.revert()
    assert _labels() == before


def test_undoing_a_label_deletion_restores_what_went_with_the_label(article_id):
    date = _label("DATE")
    entity_id = entity_store.insert_entity("Noël", date)
    entity_store.insert_alias(entity_id, "Noel")
    RejectSuggestions(article_id, [(0, 6, date)]).apply()
    original = settled()
    op = DeleteLabel(date)
    op.apply()
    op.revert()
    after = settled()
    assert after == original, _diff(original, after)


def test_undoing_a_rejection_keeps_what_was_rejected_before(article_id):
    org = _label("ORG")
    RejectSuggestions(article_id, [(0, 6, org)]).apply()
    original = settled()
    op = RejectSuggestions(article_id, [(0, 6, org), (*_span(article_id, "AWS"), org)])
    op.apply()
    op.revert()
    after = settled()
    assert after == original, _diff(original, after)


# --- tag all: cancelling stores nothing -----------------------------------------------


def _cancel_when(message_start: str) -> tuple[CancelToken, list[Progress], Callable[..., None]]:
    cancel, reports = CancelToken(), []

    def progress(report: Progress) -> None:
        reports.append(report)
        if report.message.startswith(message_start):
            cancel.cancel()
    return cancel, reports, progress


def test_tag_all_cancelled_before_it_starts_stores_nothing(article_id):
    op = _tag_all(article_id)
    before = snapshot()
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        op.apply(None, cancel)
    assert snapshot() == before


@pytest.mark.parametrize("moment", ["Preparing", "Tagged"],
                         ids=["while-preparing", "after-the-first-chunk"])
def test_tag_all_cancelled_while_running_stores_nothing_and_can_run_again(moment, article_id):
    op = _tag_all(article_id)
    before = snapshot()
    cancel, reports, progress = _cancel_when(moment)
    with pytest.raises(Cancelled):
        op.apply(progress, cancel)
    assert reports and reports[-1].message.startswith(moment)
    if moment == "Tagged":  # two annotations were inserted before the cancel was seen
        assert reports[-1].done == 2 and reports[-1].total == 4
    assert snapshot() == before

    change = op.apply()  # not cancelled: everything at once
    assert len(change.added) == 4
    _tag_all_applied(op)


# --- the change tells what changed ----------------------------------------------------


def _as_stored(record: Any) -> Any:
    return replace(record, created_at=None)


def test_adding_returns_the_stored_records_with_their_ids(article_id):
    op = _add(article_id)
    change = op.apply()
    assert all(r.id is not None for r in change.added)
    assert [_as_stored(r) for r in change.added] == [
        _as_stored(get_annotation(i)) for i in op.ids]
    assert [r.id for r in change.added] == op.ids
    names = {i: n for i, n, _ in _entities()}
    assert dict(change.entity_names) == names and change.entities
    assert change.article_ids == {article_id}

    undo = op.revert()
    assert [r.id for r in undo.removed] == op.ids
    redo = op.apply()
    assert [_as_stored(r) for r in redo.added] == [_as_stored(r) for r in change.added]


def test_removing_returns_the_removed_records_as_they_were(article_id):
    op = _remove(article_id)
    before = [get_annotation(i) for i in op.ids]
    change = op.apply()
    assert list(change.removed) == before and change.relations
    assert [get_annotation(i) for i in op.ids] == [None, None]

    undo = op.revert()
    assert [_as_stored(r) for r in undo.added] == [
        _as_stored(get_annotation(i)) for i in op.ids] == [_as_stored(r) for r in before]
    assert dict(undo.entity_names) == {before[0].entity_id: "Amazon Web Services"}


def test_editing_returns_the_updated_records_and_the_new_entity_name(article_id):
    op = _edit(article_id)
    change = op.apply()
    [(entity_id, *_)] = _entities()
    assert [_as_stored(r) for r in change.updated] == [
        _as_stored(get_annotation(i)) for i in op.ids]
    assert {r.entity_id for r in change.updated} == {entity_id}
    assert dict(change.entity_names) == {entity_id: "Amazon Web Services"}
    assert change.entities and not change.added and not change.removed

    undo = op.revert()
    assert [_as_stored(r) for r in undo.updated] == [
        _as_stored(get_annotation(i)) for i in op.ids]
    assert {r.entity_id for r in undo.updated} == {None}
