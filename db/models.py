"""The data model. Offsets (``start``/``end``) are code points into ``Article.body``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from db.records import ACCEPTED, AMOUNT, ENTITY, SUGGESTED

__all__ = ["ACCEPTED", "AMOUNT", "ENTITY", "SUGGESTED", "database"]


class _Database(DatabaseProxy):
    """The models' database, bound by :func:`db.connection.open_database`.

    When the app opened the file with :func:`db.connection.open_for_reading`
    to show its first screen sooner, the first use of the models opens it fully.
    """

    def __getattr__(self, attr: str) -> Any:
        if self.obj is None:
            from db import connection

            connection.open_deferred()
        return super().__getattr__(attr)


database = _Database()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Meta(BaseModel):
    """Key/value facts about the database itself (e.g. whether the demo was seeded)."""

    key = CharField(primary_key=True)
    value = TextField()


class Article(BaseModel):
    id = AutoField()
    title = TextField()
    body = TextField()
    language = CharField(max_length=8, default="")
    published = DateField(null=True)
    source = TextField(default="")
    content_hash = CharField(max_length=64, unique=True)
    imported_at = DateTimeField(default=_now)
    currency_hint = CharField(max_length=3, null=True)  # what a bare "$" means here


class Label(BaseModel):
    id = AutoField()
    name = CharField(unique=True)
    kind = CharField(max_length=8)  # ENTITY or AMOUNT
    color = CharField(max_length=9)  # "#rrggbb"
    shortcut = CharField(max_length=1, null=True)  # "1".."9"
    position = IntegerField(default=0)


class Entity(BaseModel):
    id = AutoField()
    name = TextField()
    label = ForeignKeyField(Label, backref="entities", on_delete="CASCADE")
    # db.names.name_key(name): what a mention's text must share to name it.
    key = TextField(default="")

    class Meta:
        indexes = ((("name", "label"), True), (("label", "key"), False))


class EntityAlias(BaseModel):
    id = AutoField()
    entity = ForeignKeyField(Entity, backref="aliases", on_delete="CASCADE")
    # The field hides Model.alias() (a table alias, for self-joins), which this
    # model never needs; "alias" is what the column and every query call it.
    alias = TextField()  # type: ignore[assignment]
    key = TextField(default="")  # db.names.name_key(alias)

    class Meta:
        indexes = ((("entity", "alias"), True), (("key",), False))


class Annotation(BaseModel):
    id = AutoField()
    article = ForeignKeyField(Article, backref="annotations", on_delete="CASCADE")
    label = ForeignKeyField(Label, backref="annotations", on_delete="RESTRICT")
    start = IntegerField()
    end = IntegerField()
    quote = TextField()
    prefix = TextField(default="")
    suffix = TextField(default="")
    entity = ForeignKeyField(Entity, null=True, backref="mentions", on_delete="SET NULL")
    value = FloatField(null=True)
    value_high = FloatField(null=True)
    unit = CharField(null=True)
    approx = BooleanField(default=False)
    note = TextField(default="")
    author = CharField(default="")
    status = CharField(max_length=10, default=ACCEPTED)
    # Number (from 0) of the sentence of the body that ``start`` falls in
    # (db.sentences); indexed with ``article`` by migration 002.
    sentence = IntegerField(null=True)
    bound = CharField(max_length=3, null=True)  # "min", "max" (migration 006)
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)

    class Meta:
        # An article's annotations in reading order (start, end, then id, the rowid):
        # the reader and the exports read them so without sorting (migration 011).
        indexes = ((("article", "start", "end"), False),)


class Relation(BaseModel):
    id = AutoField()
    kind = CharField()
    source = ForeignKeyField(Annotation, backref="relations_out", on_delete="CASCADE")
    target = ForeignKeyField(Annotation, backref="relations_in", on_delete="CASCADE")
    created_at = DateTimeField(default=_now)
    author = CharField(default="")  # who linked them (migration 010)


class RejectedSuggestion(BaseModel):
    """A span the user refused as a suggestion of a label: never proposed again."""

    id = AutoField()
    article = ForeignKeyField(Article, on_delete="CASCADE")
    start = IntegerField()
    end = IntegerField()
    label = ForeignKeyField(Label, on_delete="CASCADE")
    created_at = DateTimeField(default=_now)
    author = CharField(default="")  # who refused it (migration 010)

    class Meta:
        indexes = ((("article", "start", "end", "label"), True),)


ALL_MODELS: list[type[BaseModel]] = [
    Meta, Article, Label, Entity, EntityAlias, Annotation, Relation, RejectedSuggestion,
]
