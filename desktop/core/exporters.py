"""Exporting articles and their annotations: JSON Lines and CSV.

Offsets in both formats are code points into the article body, as stored.
A file is written under a temporary name in the destination folder and
renamed over the destination only when complete, so a cancelled or failed
export never leaves half a file. What every article needs is read once
(labels, entities and, for the JSON Lines, their aliases; every relation
when the export is the whole corpus), then the articles a chunk at a time
with a few queries per chunk (articles, annotations, the relations of a
chosen few, the rejected suggestions of the JSON Lines), never one query
per article, and all inside one read transaction so the file is a
consistent snapshot even while the app goes on writing.

Nothing the database holds leaks out as something else: a CSV cell a
spreadsheet would run as a formula is neutralised (:func:`csv_text`), and
JSON never gets ``Infinity`` or ``NaN``, which other readers refuse
(:class:`ExportError`).

JSON Lines are encoded with orjson, straight to UTF-8 bytes: the standard
library's encoder took a third of the time of a large export
(``bench/bench_export.py``). From a SQLite file, SQLite itself writes each
annotation's JSON object, byte for byte what orjson would write
(:func:`_encoded_annotations`). A large JSON Lines or CSV export holds
Python's cyclic garbage collector off while it runs (:func:`cyclic_gc_paused`).
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import math
import os
import secrets
import threading
from collections.abc import Iterable, Iterator, KeysView
from collections.abc import Set as AbstractSet
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, NotRequired, TextIO, TypedDict, cast

import orjson
from peewee import SQL, OperationalError

from db import deal_duplicates as duplicates
from db import round_trip
from db.connection import dialect
from db.counting import CURRENCY_CODE
from db.deal_reads import DEAL, DURATION_LABEL, party_entities
from db.models import ACCEPTED, AMOUNT, ENTITY, Annotation, Article, Label, Relation, database
from desktop.core.deal_list import DurationFinder, deal_durations
from desktop.core.i18n import translate
from desktop.core.progress import (
    Cancelled,
    CancelToken,
    ProgressCallback,
    is_cancelled,
    report,
)

CHUNK = 200
"""Articles read per round of queries."""

_ID = itemgetter("id")
"""An exported annotation's id (mapped over a line's annotations without a Python loop)."""

CSV_COLUMNS = ("article_id", "article_title", "article_date", "source", "start", "end",
               "text", "label", "entity", "value", "value_high", "unit", "approx", "status",
               "note", "annotation_id", "links", "bound")
"""The CSV's columns, in order; new ones are only ever added at the end.

``links`` lists the annotations this one is linked to (both ends of a link
list each other) as ``kind:annotation_id``, separated by ``"; "``: the
amount of a deal with two parties reads ``deal:12; deal:15``, where 12 and
15 are the parties' ``annotation_id``.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these gets a leading ``'``, so that a
spreadsheet shows it instead of running it as a formula (CSV injection).
Only text: a number written as a number (``-5000000``) stays a number."""

CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark: without it, Excel reads a CSV in the local
code page and garbles every accent; LibreOffice, pandas (``encoding="utf-8-sig"``)
and Python's csv module read it either way."""


class _AnnotationFields(TypedDict):
    """What an exported annotation and the row it is made from both hold."""

    id: int
    start: int
    end: int
    prefix: str
    suffix: str
    label: str
    label_kind: str
    label_color: str
    entity: str | None
    value: float | None
    value_high: float | None
    unit: str | None
    approx: bool
    note: str
    author: str
    status: str
    bound: str | None


class ExportError(ValueError):
    """The database holds something the file format cannot carry; no file was written.

    The message names the article and the annotation, and what to correct.
    """


class _ExportedAnnotation(_AnnotationFields):
    """One annotation of a JSON line (see :func:`export_jsonl`)."""

    text: str


class _ExportedRelation(TypedDict):
    """One relation of a JSON line: the ids of two annotations of the same line."""

    kind: str
    source: int
    target: int


class _ExportedDeal(TypedDict):
    """One deal of a JSON line (see :mod:`desktop.core.deal_list`), by annotation ids.

    It is derived from the annotations and relations of the line, which are
    what an import restores; it is there for readers of the file.
    """

    amount: int
    parties: list[int]
    duration: int | None
    same_deal_as: int | None
    separate: NotRequired[bool]


class _ExportedRejection(TypedDict):
    """One span of a JSON line refused as a suggestion of a label (with the label's kind and
    colour, so that an import can create a label it lacks)."""

    start: int
    end: int
    label: str
    label_kind: str
    label_color: str


class _ExportedEntity(TypedDict):
    """One entity the annotations of a JSON line point to, with all its names."""

    name: str
    label: str
    aliases: list[str]


class _LineDeal(NamedTuple):
    """A deal of a line: its money amount, its parties' mentions in the line (ids, sorted),
    and its duration's id (or None)."""

    amount: int
    parties: list[int]
    duration: int | None


@dataclass(frozen=True)
class _ExportedArticle:
    """One article with its annotations and relations, as the exporters need them."""

    id: int
    title: str
    published: dt.date | None
    source: str
    language: str
    body: str
    annotations: list[_ExportedAnnotation]
    relations: list[_ExportedRelation]
    links: dict[int, list[tuple[str, int]]]  # annotation → (kind, other end), any article
    currency_hint: str | None = None
    rejected: tuple[_ExportedRejection, ...] = ()  # JSON Lines only (see _load_chunk)
    entities: tuple[_ExportedEntity, ...] = ()  # JSON Lines only
    parties: AbstractSet[int] = frozenset()  # its accepted mentions of entities (ids)
    non_finite: bool = False  # an annotation's value is infinite or NaN: JSON cannot hold it
    # JSON Lines from SQLite only (see _encoded_annotations): the annotations as one JSON
    # array the database wrote; ``annotations`` is then empty, unless a value is infinite
    # (it then holds what the error message names).
    encoded: orjson.Fragment | None = None
    # JSON Lines from SQLite only: its deals (see _chunk_deals); None: from the export's
    # durations (see _article_deals).
    deals: list[_LineDeal] | None = None


def export_jsonl(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
                 progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None) -> int:
    """Writes one JSON object per article, with its annotations and relations.

    Each line holds ``id, title, date, source, lang, body, annotations,
    relations, currency_hint, rejected, entities, deals``; an annotation holds
    ``id, start, end, text, prefix, suffix, label, label_kind, label_color,
    entity, value, value_high, unit, approx, note, author, status, bound``; a
    relation ``kind, source, target`` (annotation ids of the same line); a
    deal ``amount, parties, duration, same_deal_as``: a money amount of the
    line with "deal" relations, the ids of its party mentions in the line and
    of its duration (or null), as :func:`desktop.core.deal_list.list_deals`
    reads them, and, when the user confirmed that it reports a deal already
    counted, the id of that deal's amount (in the same file, often on another
    line; else null), and ``"separate": true`` when the user set it apart, a
    deal of its own never proposed with another. ``currency_hint`` is what a bare "$" means in the
    article (an ISO 4217 code, or null for the default of its source);
    ``rejected`` lists the spans the user refused as suggestions, as
    ``start, end, label, label_kind, label_color``; ``entities`` lists each
    entity the line's annotations point to as ``name, label, aliases`` (its
    other names, oldest first). Importing the file into another database
    restores all of it (deals through the relations, confirmed deals through
    ``same_deal_as`` and ``separate``; aliases are merged into an entity of the same name, and
    one that names another entity there is reported, not taken from it).

    Numbers are written as JSON numbers; a value JSON cannot hold (an
    infinite one, stored by an older import) stops the export with an
    :class:`ExportError` naming it, rather than writing ``Infinity``, which
    other JSON readers refuse.

    Args:
        path: the file to write (replaced if it exists).
        article_ids: the articles to export, in this order; all (by id) if None.
        progress: called after each chunk with articles done of the total.
        cancel: checked between chunks.

    Returns:
        The number of articles written.

    Raises:
        Cancelled: the export was cancelled; no file was written.
        ExportError: an annotation holds a value JSON cannot carry; no file was written.
        OSError: the file could not be written; no file was left behind.
    """
    count = 0
    ids = None if article_ids is None else list(article_ids)
    encoded = dialect().is_sqlite
    # A read snapshot, not the write lock: the app goes on writing meanwhile.
    with (database.atomic(lock_type="DEFERRED"), atomic_binary_file(path) as handle,
          cyclic_gc_paused()):
        # From SQLite, each chunk finds its deals in the rows it reads (_chunk_deals);
        # else two statements for every deal of the export (durations by money amount).
        durations = {} if encoded else _durations(ids)
        kept = dict(duplicates.all_rows())  # one row per confirmed report: a small table
        with _EarlyWriteback(handle) as writeback:
            for article in _iter_articles(ids, progress, cancel, with_extras=True,
                                          encoded=encoded):
                writeback.wrote(handle.write(_json_bytes(_json_line(article, durations, kept),
                                                         article)))
                count += 1
    return count


class _EarlyWriteback:
    """Has the disk write what a large file holds so far while the export goes on.

    The file is made durable (``fsync``) before it replaces the destination;
    for a file of hundreds of megabytes, that waited for all of it at the end.
    Every :attr:`EVERY` bytes, a thread syncs what was written so far (the
    call waits on the disk without holding the GIL), so the last sync has
    little left to do. A failure there fails the export, as the last sync's would.
    """

    EVERY = 64 << 20

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._pending = 0
        self._thread: threading.Thread | None = None
        self._error: OSError | None = None

    def __enter__(self) -> _EarlyWriteback:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_exc: object) -> None:
        if self._thread is not None:
            self._thread.join()  # before the file is closed, whatever happened
        if self._error is not None and exc_type is None:
            # Linux reports a failed write-back once per open file: the last sync would
            # not see what this one saw, and the damaged file would replace the old one.
            raise self._error

    def wrote(self, size: int) -> None:
        self._pending += size
        if self._pending < self.EVERY or (self._thread is not None
                                          and self._thread.is_alive()):
            return
        self._pending = 0
        self._handle.flush()
        self._thread = threading.Thread(target=self._sync, args=(self._handle.fileno(),),
                                         name="export-writeback", daemon=True)
        self._thread.start()

    def _sync(self, fd: int) -> None:
        try:
            os.fsync(fd)
        except OSError as exc:  # raised in the export's thread, when it is done writing
            self._error = self._error or exc


def export_csv(path: str | os.PathLike[str], article_ids: Iterable[int] | None = None,
               progress: ProgressCallback | None = None,
               cancel: CancelToken | None = None) -> int:
    """Writes one row per annotation, for spreadsheets (UTF-8 with BOM, RFC 4180).

    Columns: see :data:`CSV_COLUMNS`. Fields holding commas, quotes or line
    breaks are quoted, so a note written on two lines stays in one cell; text
    that a spreadsheet would run as a formula is neutralised (see
    :data:`FORMULA_STARTS`).

    Args:
        path: the file to write (replaced if it exists).
        article_ids: the articles whose annotations to export; all if None.
        progress: called after each chunk with articles done of the total.
        cancel: checked between chunks.

    Returns:
        The number of annotation rows written.

    Raises:
        Cancelled: the export was cancelled; no file was written.
        OSError: the file could not be written; no file was left behind.
    """
    count = 0
    with (database.atomic(lock_type="DEFERRED"),
          _atomic_text_file(Path(path), CSV_ENCODING, "") as handle, cyclic_gc_paused()):
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for article in _iter_articles(article_ids, progress, cancel):
            date = article.published.isoformat() if article.published else ""
            title, source = csv_text(article.title), csv_text(article.source)
            for ann in article.annotations:
                links = "; ".join(f"{kind}:{other}"
                                  for kind, other in article.links.get(ann["id"], []))
                writer.writerow([
                    article.id, title, date, source, ann["start"], ann["end"],
                    csv_text(ann["text"]), csv_text(ann["label"]),
                    csv_text(ann["entity"] or ""), _csv_number(ann["value"]),
                    _csv_number(ann["value_high"]), csv_text(ann["unit"] or ""),
                    "true" if ann["approx"] else "false", csv_text(ann["status"]),
                    csv_text(ann["note"]), ann["id"], csv_text(links),
                    csv_text(ann["bound"] or ""),
                ])
                count += 1
    return count


def csv_text(text: str) -> str:
    """Text for a CSV cell, with a ``'`` before a leading ``=``, ``+``, ``-``, ``@``, tab
    or carriage return (see :data:`FORMULA_STARTS`)."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_cell(value: object) -> object:
    """``value`` neutralised by :func:`csv_text` if it is text; a number or None as it is.

    For the other CSV writers (``marginalia stats``, the plots' data), whose
    rows mix names and figures: ``-5`` as a number stays a number.
    """
    return csv_text(value) if isinstance(value, str) else value


def _csv_number(value: float | None) -> str:
    """Writes 3.8e10 as ``38000000000`` (spreadsheets read it as a number, exactly)."""
    if value is None:
        return ""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def _json_line(article: _ExportedArticle, durations: dict[int, int | None],
               kept: dict[int, int]) -> dict[str, Any]:
    return {
        "id": article.id, "title": article.title,
        "date": article.published.isoformat() if article.published else None,
        "source": article.source, "lang": article.language, "body": article.body,
        "annotations": article.annotations if article.encoded is None else article.encoded,
        "relations": article.relations,
        "currency_hint": article.currency_hint, "rejected": list(article.rejected),
        "entities": list(article.entities),
        "deals": _article_deals(article, durations, kept),  # derived: last
    }


def _json_bytes(line: dict[str, Any], article: _ExportedArticle) -> bytes:
    """``line`` as one line of JSON in UTF-8, refusing what JSON cannot hold.

    orjson would write an infinite value or NaN as ``null``: the article is
    refused instead, as the standard library's ``allow_nan=False`` did.

    Raises:
        ExportError: says which annotation holds such a value, or what else JSON refused.
    """
    if article.non_finite:
        raise _non_finite_error(article)
    try:
        return orjson.dumps(line, option=orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError as exc:
        raise ExportError(translate("Export", "Article {article} (“{title}”) was not exported: "
                                    "{reason}. No file was written.").format(
            article=article.id, title=article.title, reason=exc)) from exc


def _non_finite_error(article: _ExportedArticle) -> ExportError:
    """The error naming the first value of ``article`` that is infinite or NaN."""
    for ann in article.annotations:
        for key, number in (("value", ann["value"]), ("value_high", ann["value_high"])):
            if isinstance(number, float) and not math.isfinite(number):
                if math.isinf(number):
                    message = translate(
                        "Export", "Article {article} (“{title}”) was not exported: the {key} "
                        "of its annotation {annotation} (“{text}”) is infinite, which JSON "
                        "cannot hold. Correct the value and export again; no file was written.")
                else:
                    message = translate(
                        "Export", "Article {article} (“{title}”) was not exported: the {key} "
                        "of its annotation {annotation} (“{text}”) is not a number, which JSON "
                        "cannot hold. Correct the value and export again; no file was written.")
                return ExportError(message.format(article=article.id, title=article.title,
                                                  key=key, annotation=ann["id"],
                                                  text=ann["text"]))
    return ExportError(translate("Export", "Article {article} (“{title}”) was not exported: a "
                                 "value is infinite or not a number, which JSON cannot hold. "
                                 "No file was written.").format(article=article.id,
                                                                title=article.title))


def _durations(article_ids: list[int] | None) -> dict[int, int | None]:
    """The duration's id (or None) of every deal's money amount in these articles, by its id."""
    return {amount: duration.annotation_id if duration else None
            for amount, duration in deal_durations(article_ids).items()}


def _article_deals(article: _ExportedArticle, durations: dict[int, int | None],
                   kept: dict[int, int]) -> list[_ExportedDeal]:
    """The deals of one line, in the order of their amounts.

    A deal's parties are the line's accepted mentions of entities that a
    "deal" relation of the line links to its amount.

    Args:
        article: the line's article.
        durations: the duration (or None) of every deal's money amount, by its id,
            unless the article carries its deals (``article.deals``).
        kept: the amount each confirmed duplicate report is counted with, by its id
            (itself for a report set apart).
    """
    deals = article.deals
    if deals is None:
        deals = _line_deals(map(_ID, article.annotations), article.relations,
                            article.parties, durations)
    found: list[_ExportedDeal] = []
    for amount, parties, duration in deals:
        same = kept.get(amount)
        deal: _ExportedDeal = {"amount": amount, "parties": parties, "duration": duration,
                               "same_deal_as": None if same == amount else same}
        if same == amount:  # set apart by the user: counted on its own
            deal["separate"] = True
        found.append(deal)
    return found


def _line_deals(ordered: Iterable[int], relations: list[_ExportedRelation],
                parties: AbstractSet[int], durations: dict[int, int | None]
                ) -> list[_LineDeal]:
    """The deals of a line, from the durations of the export's deals.

    Args:
        ordered: the line's annotation ids, in order.
        relations: the line's relations.
        parties: the line's accepted mentions of entities.
        durations: the duration (or None) of deals' money amounts, by id.
    """
    amounts = list(filter(durations.__contains__, ordered))
    if not amounts:
        return []
    linked: dict[int, set[int]] = {}
    for relation in relations:
        if relation["kind"] == DEAL:
            for one, other in ((relation["source"], relation["target"]),
                               (relation["target"], relation["source"])):
                if one in durations and other in parties:
                    linked.setdefault(one, set()).add(other)
    return [_LineDeal(amount, sorted(linked.get(amount, ())), durations[amount])
            for amount in amounts]


_gc_pauses = 0
_gc_was_enabled = False
_gc_lock = threading.Lock()


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Holds Python's cyclic garbage collector off while a large export runs.

    An export of a million annotations keeps hundreds of thousands of small
    containers alive at once (the deals' rows, the relations, a chunk's
    lines), none of them in a cycle: freeing them is reference counting's
    job. The collector still walked them all, again and again as they were
    made: 0.8 s of a 6.4 s export (``bench/bench_export.py``). Objects are
    freed as usual meanwhile; only cycles wait for the collector, which runs
    again when the last export running ends (exports may overlap: the
    collector is held off until all of them end, and left off if it was off).
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


@contextmanager
def _atomic_text_file(path: Path, encoding: str, newline: str) -> Iterator[TextIO]:
    """Opens a temporary file beside ``path``; renames it over ``path`` on success only.

    The temporary file is created with ``open(..., "x")`` so it gets the
    user's usual permissions (umask), unlike ``tempfile.mkstemp``'s 0600.
    """
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        with open(temp, "x", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            temp.unlink()
        raise


def _iter_articles(article_ids: Iterable[int] | None, progress: ProgressCallback | None,
                   cancel: CancelToken | None, with_extras: bool = False,
                   encoded: bool = False) -> Iterator[_ExportedArticle]:
    """Yields the articles to export in order, a chunk at a time.

    The caller holds a read transaction around the whole export, so every
    chunk comes from the same snapshot of the database. With ``with_extras``,
    each article also gets its rejected suggestions and its entities' names
    (what the JSON Lines export carries and the CSV does not). With ``encoded``
    (JSON Lines from SQLite), the database writes each annotation's JSON
    (:func:`_encoded_annotations`).
    """
    ids = _ordered_ids(article_ids)
    total = len(ids)
    report(progress, 0, total, f"Exporting {total:,} articles")
    shared = _SharedReads.read(whole_corpus=article_ids is None, with_extras=with_extras)
    for start in range(0, total, CHUNK):
        if is_cancelled(cancel):
            raise Cancelled("The export was cancelled; no file was written.")
        yield from _load_chunk(ids[start:start + CHUNK], with_extras, shared, encoded)
        done = min(start + CHUNK, total)
        report(progress, done, total, f"Exported {done:,} of {total:,} articles")


def _ordered_ids(article_ids: Iterable[int] | None) -> list[int]:
    if article_ids is None:
        return list(Article.select(Article.id).order_by(Article.id).scalars())
    return list(dict.fromkeys(int(i) for i in article_ids))


@dataclass(frozen=True)
class _SharedReads:
    """What every chunk of one export reads from, read once at its start.

    Attributes:
        labels: each label's name, kind and colour, by id.
        entity_names: each entity's name, by id.
        entities: each entity as a JSON line names it, by id (JSON Lines only).
        entity_rank: each entity's place in name order (JSON Lines only).
        relations: every relation (kind, source, target) in the order of their ids, when
            the export is the whole corpus; else None, and each chunk reads those that
            touch it. Looking them up by annotation costs two index searches for each of
            the export's annotations: for a million, ten times reading the whole table.
        touching: for each annotation with relations, where they are in ``relations``.
    """

    labels: dict[int, tuple[str, str, str]]
    entity_names: dict[int, str]
    entities: dict[int, _ExportedEntity] = field(default_factory=dict)
    entity_rank: dict[int, int] = field(default_factory=dict)
    relations: list[tuple[str, int, int]] | None = None
    touching: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def read(cls, whole_corpus: bool, with_extras: bool) -> _SharedReads:
        """Reads the labels and entities (with their aliases if ``with_extras``), and every
        relation if ``whole_corpus``."""
        labels = {label_id: (name, kind, color) for label_id, name, kind, color in _rows(
            Label.select(Label.id, Label.name, Label.kind, Label.color))}
        known = round_trip.all_entities(with_aliases=with_extras)
        entities: dict[int, _ExportedEntity] = {}
        rank: dict[int, int] = {}
        if with_extras:
            ordered = sorted(known.values(), key=lambda entity: (entity.name, entity.id))
            entities = {entity.id: _ExportedEntity(name=entity.name, label=entity.label,
                                                   aliases=list(entity.aliases))
                        for entity in ordered}
            rank = {entity.id: n for n, entity in enumerate(ordered)}
        if not whole_corpus:
            return cls(labels, {i: entity.name for i, entity in known.items()}, entities,
                       rank)
        relations: list[tuple[str, int, int]] = list(_rows(
            Relation.select(Relation.kind, Relation.source, Relation.target)
            .order_by(Relation.id)))
        touching: dict[int, list[int]] = {}
        for n, (_kind, source, target) in enumerate(relations):
            touching.setdefault(source, []).append(n)
            if target != source:
                touching.setdefault(target, []).append(n)
        return cls(labels, {i: entity.name for i, entity in known.items()}, entities, rank,
                   relations, touching)

    def relations_of(self, annotation_ids: KeysView[int], article_ids: list[int]
                     ) -> list[tuple[str, int, int]]:
        """The relations (kind, source, target) touching these annotations, in id order.

        Args:
            annotation_ids: the annotations of a chunk.
            article_ids: the chunk's articles (whose annotations those are).
        """
        if self.relations is None:
            chunk = Annotation.select(Annotation.id).where(
                Annotation.article.in_(_each(article_ids)))
            return list(_rows(Relation.select(Relation.kind, Relation.source, Relation.target)
                              .where(Relation.source.in_(chunk) | Relation.target.in_(chunk))
                              .order_by(Relation.id)))
        # Set operations and maps, in C: a chunk of a large corpus has forty thousand
        # annotations and five thousand relations.
        touching = self.touching
        found = set(chain.from_iterable(map(touching.__getitem__,
                                            annotation_ids & touching.keys())))
        return list(map(self.relations.__getitem__, sorted(found)))


def _load_chunk(ids: list[int], with_extras: bool = False,
                shared: _SharedReads | None = None, encoded: bool = False
                ) -> list[_ExportedArticle]:
    """Reads ``ids`` (missing ones are skipped) with their annotations and relations.

    With ``with_extras``, also their rejected suggestions and their entities'
    names. Without ``shared`` (what the export read once for all its
    chunks), reads it first. With ``encoded`` (SQLite only), the annotations
    come as the JSON the database wrote (:func:`_encoded_annotations`), not as dicts.
    """
    if shared is None:
        shared = _SharedReads.read(whole_corpus=False, with_extras=with_extras)
    articles = {row.id: row for row in Article.select(
        Article.id, Article.title, Article.published, Article.source, Article.language,
        Article.body, Article.currency_hint).where(Article.id.in_(_each(ids))).namedtuples()}
    deals: dict[int, list[_LineDeal]] | None = None
    durations: dict[int, int | None] | None = None
    try:
        found = (_encoded_annotations if encoded else _annotation_dicts)(list(articles), shared)
    except OperationalError:
        # SQLite refuses to put a BLOB (stored where text belongs) into JSON: the dicts
        # carry it to orjson, whose refusal names the article (_json_bytes).
        found = _annotation_dicts(list(articles), shared)
        if encoded:  # the export did not read the durations: the chunk's are read here
            durations = _durations(list(articles))
    owner = found.owner
    relations: dict[int, list[_ExportedRelation]] = {i: [] for i in articles}
    links: dict[int, list[tuple[str, int]]] = {}  # for the CSV: not with ``encoded``
    linked: dict[int, list[int]] = {}  # with ``encoded``: the ends of "deal" relations
    for kind, source, target in shared.relations_of(owner.keys(), ids):
        if not encoded:
            links.setdefault(source, []).append((kind, target))
            if target != source:
                links.setdefault(target, []).append((kind, source))
        elif kind == DEAL:
            linked.setdefault(source, []).append(target)
            linked.setdefault(target, []).append(source)
        article = owner.get(source)
        if article is not None and owner.get(target) == article:
            # a line only links its own annotations
            relations[article].append({"kind": kind, "source": source, "target": target})
    if found.placed is not None:
        deals = _chunk_deals(found, linked)
    elif durations is not None:
        deals = {i: _line_deals(map(_ID, found.annotations[i]), relations[i], found.parties[i],
                                durations) for i in articles}
    rejected: dict[int, tuple[_ExportedRejection, ...]] = {}
    entities: dict[int, tuple[_ExportedEntity, ...]] = {}
    if with_extras and articles:
        rejected, entities = _extras(list(articles), found.entity_ids, shared)
    return [
        _ExportedArticle(id=i, title=articles[i].title, published=articles[i].published,
                         source=articles[i].source, language=articles[i].language,
                         body=articles[i].body, annotations=found.annotations[i],
                         relations=relations[i], links=links,
                         currency_hint=articles[i].currency_hint,
                         rejected=rejected.get(i, ()), entities=entities.get(i, ()),
                         parties=found.parties[i], non_finite=i in found.non_finite,
                         encoded=None if found.encoded is None
                         else orjson.Fragment(b"[%b]" % b",".join(found.encoded[i])),
                         deals=None if deals is None else deals.get(i, []))
        for i in ids if i in articles
    ]


@dataclass
class _ChunkAnnotations:
    """The annotations of a chunk's articles, and what the lines need to know of them.

    Attributes:
        annotations: each article's annotations as dicts, in order (empty lists when
            ``encoded``, but for an article with an infinite value: see
            :func:`_encoded_annotations`).
        owner: the article of each annotation, by id.
        entity_ids: the entities each article's annotations point to.
        parties: each article's accepted mentions of entities (annotation ids).
        non_finite: the articles with a value JSON cannot hold (infinite or NaN).
        encoded: each article's annotations as JSON objects (UTF-8), in order; None for dicts.
        placed: each article's accepted money amounts and durations, as SQLite wrote
            them (JSON arrays, in order; see :data:`_DEAL_ROLE`), only with ``encoded``.
        party_entity: the entity of each accepted mention of an entity (with ``encoded``).
    """

    annotations: dict[int, list[_ExportedAnnotation]]
    owner: dict[int, int] = field(default_factory=dict)
    entity_ids: dict[int, set[int]] = field(default_factory=dict)
    parties: dict[int, set[int]] = field(default_factory=dict)
    non_finite: set[int] = field(default_factory=set)
    encoded: dict[int, list[bytes]] | None = None
    placed: dict[int, list[str]] | None = None
    party_entity: dict[int, int] = field(default_factory=dict)

    @classmethod
    def empty(cls, article_ids: list[int], encoded: bool) -> _ChunkAnnotations:
        return cls(annotations={i: [] for i in article_ids},
                   entity_ids={i: set() for i in article_ids},
                   parties={i: set() for i in article_ids},
                   encoded={i: [] for i in article_ids} if encoded else None,
                   placed={i: [] for i in article_ids} if encoded else None)


class _Placed(NamedTuple):
    """A money amount or a duration of a chunk, as :func:`_chunk_deals` needs it."""

    id: int
    start: int
    sentence: int | None
    parties: frozenset[int] = frozenset()


_ANNOTATION_ORDER = 'ORDER BY a.article_id, a.start, a."end", a.id'
"""The order of a line's annotations (and of the export's rows: article first)."""


def _annotation_dicts(article_ids: list[int], shared: _SharedReads) -> _ChunkAnnotations:
    """Reads the annotations of these articles as dicts (every export format can use them)."""
    found = _ChunkAnnotations.empty(article_ids, encoded=False)
    annotations, owner, entity_ids, parties = (found.annotations, found.owner,
                                               found.entity_ids, found.parties)
    # The label's name, kind and colour and the entity's name come from small tables read
    # once, not from a join: four strings fewer to make per annotation.
    annotation_query = (Annotation.select(
        Annotation.id, Annotation.article, Annotation.start, Annotation.end, Annotation.quote,
        Annotation.prefix, Annotation.suffix, Annotation.label, Annotation.entity,
        Annotation.value, Annotation.value_high, Annotation.unit, Annotation.approx,
        Annotation.note, Annotation.author, Annotation.status, Annotation.bound)
        .where(Annotation.article.in_(_each(article_ids)))
        .order_by(Annotation.article, Annotation.start, Annotation.end, Annotation.id))
    labels, names = shared.labels, shared.entity_names
    # Plain cursor rows, not peewee's: turning a million rows into dicts field by field was
    # three quarters of the export's time (bench/bench_export.py). The columns hold what
    # the models' fields give back (integers, text), but for a value that is not a REAL,
    # which FloatField would turn into a float: so does _real. This loop runs once per
    # annotation: what it does beyond building the dict is kept to a test or two.
    for (ann_id, article_id, start, end, quote, prefix, suffix, label_id, entity_id, value,
         value_high, unit, approx, note, author, status, bound) in _rows(annotation_query):
        label_found = labels.get(label_id)
        if label_found is None:
            continue  # a label deleted behind the foreign key's back: as a join would
        label, label_kind, label_color = label_found
        owner[ann_id] = article_id
        if entity_id is not None:
            entity_ids[article_id].add(entity_id)
            if status == ACCEPTED and label_kind == ENTITY:
                parties[article_id].add(ann_id)
        # ``x - x`` is 0.0 for a finite float and NaN (true) for an infinite one or NaN.
        if value is not None and (type(value) is not float or value - value):
            value = _real(value)
            if not _finite(value):
                found.non_finite.add(article_id)
        if value_high is not None and (type(value_high) is not float
                                       or value_high - value_high):
            value_high = _real(value_high)
            if not _finite(value_high):
                found.non_finite.add(article_id)
        annotations[article_id].append({
            "id": ann_id, "start": start, "end": end, "text": quote, "prefix": prefix,
            "suffix": suffix, "label": label, "label_kind": label_kind,
            "label_color": label_color, "entity": names.get(entity_id), "value": value,
            "value_high": value_high, "unit": unit, "approx": bool(approx), "note": note,
            "author": author, "status": status, "bound": bound,
        })
    return found


_WHOLE_BELOW = 1e15
"""SQLite writes a REAL into JSON with 15 significant digits: a whole number below this in
magnitude comes out exact, and spelt as orjson spells it (``38000000000.0``; a test
compares them over random whole numbers of every size)."""

_ENCODED_ANNOTATION = (
    "json_object('id', a.id, 'start', a.start, 'end', a.\"end\", 'text', a.quote, "
    "'prefix', a.prefix, 'suffix', a.suffix, 'label', l.name, 'label_kind', l.kind, "
    "'label_color', l.color, 'entity', e.name, 'value', a.value, 'value_high', a.value_high, "
    "'unit', a.unit, 'approx', CASE WHEN a.approx THEN json('true') ELSE json('false') END, "
    "'note', a.note, 'author', a.author, 'status', a.status, 'bound', a.bound)")
"""An annotation as a JSON line holds it, written by SQLite: the same keys in the same
order as :func:`_annotation_dicts` gives orjson (see :func:`_encoded_annotations`)."""

_PARTY, _MONEY, _DURATION = 1, 2, 4
"""What an annotation may be in a deal (bits; see :data:`_DEAL_ROLE`)."""

_MONEY_TERMS = f"a.value IS NOT NULL AND l.kind = '{AMOUNT}' AND {CURRENCY_CODE}"
_PLACED = "json_array({role}, a.id, a.start, a.sentence, a.entity_id)"
_DURATION_ROLE = f"CASE WHEN {_MONEY_TERMS} THEN {_DURATION | _MONEY} ELSE {_DURATION} END"
_DEAL_ROLE = (
    f"CASE WHEN a.status = '{ACCEPTED}' THEN CASE "
    f"WHEN l.kind = '{ENTITY}' THEN CASE WHEN l.name = '{DURATION_LABEL}' "
    f"THEN {_PLACED.format(role=_PARTY | _DURATION)} ELSE {_PARTY} END "
    f"WHEN l.name = '{DURATION_LABEL}' THEN {_PLACED.format(role=_DURATION_ROLE)} "
    f"WHEN {_MONEY_TERMS} THEN {_PLACED.format(role=_MONEY)} END END")
"""What an annotation (``a``, label ``l``) is to the deals, as :mod:`db.deal_reads` reads
them: NULL if nothing; :data:`_PARTY` for an accepted mention of an entity (a party, if it
has one); else, for an accepted money amount (:data:`_MONEY`, as
:data:`db.counting.MONEY_AMOUNT`) or duration (:data:`_DURATION`), the JSON array
``[role, id, start, sentence, entity]``. Those are a fifth of a large corpus's
annotations: what the deals need of them crosses into Python for them only, read in one
go per article, and the nested cases test each annotation for as little as they can
(two more columns for every row, or one flat expression, each took 0.1 s more for a
million)."""


def _encoded_annotations(article_ids: list[int], shared: _SharedReads) -> _ChunkAnnotations:
    """Reads the annotations of these articles as JSON objects SQLite wrote (JSON Lines).

    The database writes each annotation's JSON object itself: a string and a
    few integers per row cross into Python instead of seventeen values to be
    put into a dict and encoded again, which took half the time of a large
    export (``bench/bench_export.py``). SQLite writes strings as orjson does
    (UTF-8, the same escapes: a test compares the two files byte for byte),
    and numbers with 15 significant digits: right for whole numbers below
    :data:`_WHOLE_BELOW` (amounts of money nearly always are). Any other
    value, which may need 17 digits, is written again by orjson
    (:func:`_with_values`).

    An article with an infinite value (which JSON cannot hold) also gets its
    annotations as dicts, for :func:`_non_finite_error` to name it.
    """
    del shared  # the labels and entities come from the join
    found = _ChunkAnnotations.empty(article_ids, encoded=True)
    encoded, owner = found.encoded, found.owner
    placed_by_article, party_entity = found.placed, found.party_entity
    assert encoded is not None and placed_by_article is not None
    # As a BLOB: the UTF-8 SQLite wrote goes to the file as it is, not made a str and
    # encoded again (0.05-0.1 s for a million).
    sql = (f"SELECT a.id, a.article_id, a.entity_id, {_DEAL_ROLE}, "
           f"CAST({_ENCODED_ANNOTATION} AS BLOB), "
           "a.value, a.value_high FROM annotation a JOIN label l ON l.id = a.label_id "
           "LEFT JOIN entity e ON e.id = a.entity_id "
           f"WHERE a.article_id IN {dialect().ids_in()} {_ANNOTATION_ORDER}")
    current = None
    pieces: list[bytes] = []
    seen: set[int] = set()
    mentions: set[int] = set()
    placed: list[str] = []
    party = _PARTY
    # Once per annotation, as in _annotation_dicts: the rows come article by article, so
    # the article's lists are looked up once per article, not once per row.
    for ann_id, article_id, entity_id, role, text, value, value_high in database.execute_sql(
            sql, [orjson.dumps(article_ids).decode()]):
        if article_id != current:
            current = article_id
            pieces = encoded[article_id]
            seen, mentions = found.entity_ids[article_id], found.parties[article_id]
            placed = placed_by_article[article_id]
        owner[ann_id] = article_id
        if entity_id is not None:
            seen.add(entity_id)
            if role == party:
                mentions.add(ann_id)
                party_entity[ann_id] = entity_id
        if role.__class__ is str:  # a money amount or a duration
            placed.append(role)
            if entity_id is not None and orjson.loads(role)[0] & party:  # labelled DURATION
                mentions.add(ann_id)
                party_entity[ann_id] = entity_id
        if value is not None or value_high is not None:
            if not (value_high is None and type(value) is float and value.is_integer()
                    and value and -_WHOLE_BELOW < value < _WHOLE_BELOW):  # the usual amount
                text = _with_values(text, value, value_high, article_id, found)
        pieces.append(text)
    return found


_NOT_A_PARTY = frozenset((None,))
"""What a relation's end that is no party is found as among the entities of parties."""


def _chunk_deals(found: _ChunkAnnotations, linked: dict[int, list[int]]
                 ) -> dict[int, list[_LineDeal]]:
    """The deals of a chunk's articles, found in what the chunk read.

    What :func:`desktop.core.deal_list.deal_durations` reads with two
    statements over the whole corpus (0.85 s for a million annotations,
    ``bench/bench_export.py``), from the rows the export reads anyway: a
    deal is a money amount that "deal" relations link to accepted mentions
    of entities (its parties, by entity); its duration is chosen among its
    article's durations by the same rule
    (:class:`desktop.core.deal_list.DurationFinder`). A relation's end
    outside the chunk (a link across articles) is looked up.

    Args:
        found: the chunk's annotations, read with ``encoded``.
        linked: the other ends of the "deal" relations of each annotation of the chunk
            (and of each end elsewhere) that has any.

    Returns:
        The deals of each article with any, in the order of its annotations
        (parties: the line's own mentions).
    """
    assert found.placed is not None
    party_entity = found.party_entity
    elsewhere = linked.keys() - found.owner.keys()
    if elsewhere:
        party_entity = {**party_entity, **party_entities(elsewhere)}
    find = party_entity.get

    def placed(array: list[Any]) -> _Placed:
        _role, ann_id, start, sentence, _entity = array
        others = linked.get(ann_id)
        if others is None:
            return _Placed(ann_id, start, sentence)
        # its parties' entities, found by C loops: this runs for a hundred thousand amounts
        parties = frozenset(map(find, others)) - _NOT_A_PARTY
        return _Placed(ann_id, start, sentence, cast(frozenset[int], parties))

    deals: dict[int, list[_LineDeal]] = {}
    for article_id, arrays in found.placed.items():
        if not arrays:
            continue
        decoded = orjson.loads(f"[{','.join(arrays)}]")
        money = [placed(array) for array in decoded if array[1] in linked and array[0] & _MONEY]
        if not any(one.parties for one in money):
            continue
        durations = DurationFinder(placed(array) for array in decoded if array[0] & _DURATION)
        mentions = found.parties[article_id]
        deals[article_id] = [
            _LineDeal(one.id, sorted(mentions.intersection(linked[one.id])),
                      None if best is None else best.id)
            for one in money if one.parties for best in (durations.nearest(one),)]
    return deals


def _whole(value: Any) -> bool:
    """Whether SQLite wrote ``value`` (a column as the cursor gave it) as orjson would.

    Not a negative zero, which SQLite writes ``0.0``.
    """
    if value is None:
        return True
    return (type(value) is float and value.is_integer() and -_WHOLE_BELOW < value < _WHOLE_BELOW
            and (value != 0 or math.copysign(1.0, value) > 0))


def _with_values(text: bytes, value: Any, value_high: Any, article_id: int,
                 found: _ChunkAnnotations) -> bytes:
    """``text`` (an annotation SQLite wrote), its two values written by orjson if need be.

    A value stored as something other than a REAL is read as FloatField
    would (:func:`_real`); an infinite one marks the article (see
    :func:`_encoded_annotations`). The values are found by their keys: the
    first ``,"value":`` and the first ``,"unit":`` after it are the keys
    themselves, since a ``"`` inside a JSON string is always escaped.
    """
    if _whole(value) and _whole(value_high):
        return text
    if value is not None and type(value) is not float:
        value = _real(value)
    if value_high is not None and type(value_high) is not float:
        value_high = _real(value_high)
    head, _, rest = text.partition(b',"value":')
    tail = rest.partition(b',"unit":')[2]
    values = orjson.dumps({"value": value, "value_high": value_high})
    text = b'%b,%b,"unit":%b' % (head, values[1:-1], tail)
    if not (_finite(value) and _finite(value_high)):  # orjson wrote null: named instead
        found.non_finite.add(article_id)
        found.annotations[article_id].append(cast(_ExportedAnnotation, {
            **orjson.loads(text), "value": value, "value_high": value_high}))
    return text


def _real(value: Any) -> Any:
    """A value as peewee's FloatField reads it: a float if it is one, else as stored."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return value


def _each(ids: list[int]) -> SQL:
    """``ids`` for ``IN``, as one JSON parameter (:meth:`db.dialect.Dialect.ids_in`).

    peewee spells a list out as one parameter per id, which took longer to
    build than the query took to run.
    """
    return SQL(dialect().ids_in(), [orjson.dumps(ids).decode()])


def _finite(value: Any) -> bool:
    """False for an infinite float or NaN, which JSON cannot hold; True for anything else."""
    return not isinstance(value, float) or math.isfinite(value)


def _rows(query: Any) -> Iterator[tuple[Any, ...]]:
    """The rows of a peewee query as the database cursor gives them, in its column order."""
    sql, params = query.sql()
    return iter(database.execute_sql(sql, params))


def _extras(article_ids: list[int], entity_ids: dict[int, set[int]], shared: _SharedReads
            ) -> tuple[dict[int, tuple[_ExportedRejection, ...]],
                       dict[int, tuple[_ExportedEntity, ...]]]:
    """The rejected suggestions and the entities (by name) of each of these articles.

    Args:
        article_ids: the articles of a chunk.
        entity_ids: the entities each article's annotations point to.
        shared: the export's entities, as JSON lines name them, and their order.
    """
    rejected = {
        article_id: tuple(_ExportedRejection(start=span.start, end=span.end, label=span.label,
                                             label_kind=span.label_kind,
                                             label_color=span.label_color)
                          for span in spans)
        for article_id, spans in round_trip.rejections_of_articles(article_ids).items()}
    known, rank = shared.entities, shared.entity_rank
    listed = known.keys()
    # Set operations and map rather than generator expressions: this runs for every
    # entity of every article (three quarters of a million in bench/bench_export.py).
    entities = {
        article_id: tuple(map(known.__getitem__, sorted(ids & listed, key=rank.__getitem__)))
        for article_id, ids in entity_ids.items()}
    return rejected, entities


# --- For the other export formats (desktop.core.export_formats) ---------------------------

ExportedArticle = _ExportedArticle
"""One article as the exporters read it: fields, annotations (as dicts), relations, links."""

ExportedAnnotation = _ExportedAnnotation
"""One annotation of an :data:`ExportedArticle` (a dict: see :func:`export_jsonl`)."""


def read_snapshot() -> AbstractContextManager[object]:
    """A read transaction for a whole export: every chunk comes from one snapshot.

    Not the write lock: the app goes on writing meanwhile (see the module's docstring).
    """
    return database.atomic(lock_type="DEFERRED")


def iter_articles(article_ids: Iterable[int] | None, progress: ProgressCallback | None = None,
                  cancel: CancelToken | None = None) -> Iterator[ExportedArticle]:
    """Yields the articles to export in order, a chunk of queries at a time.

    Call it inside :func:`read_snapshot`. Progress is reported after each
    chunk and ``cancel`` checked before each (raising :class:`Cancelled`).

    Args:
        article_ids: the articles, in this order (missing ones skipped); all, by id, if None.
        progress: called after each chunk with articles done of the total.
        cancel: checked between chunks.
    """
    return _iter_articles(article_ids, progress, cancel)


def atomic_text_file(path: str | os.PathLike[str], encoding: str = "utf-8",
                     newline: str = "\n") -> AbstractContextManager[TextIO]:
    """A text file written beside ``path`` and renamed over it only once complete.

    A cancelled or failed export (any exception inside) leaves no file and
    the previous ``path``, if any, untouched.
    """
    return _atomic_text_file(Path(path), encoding, newline)


@contextmanager
def atomic_binary_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Like :func:`atomic_text_file`, for bytes (a zip, a spaCy DocBin)."""
    target = Path(path)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        with open(temp, "xb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            temp.unlink()
        raise
