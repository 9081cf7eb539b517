"""Restoring what a Marginalia JSON Lines export carries with each article.

Importing an export into a database that does not hold its articles yet
must give back the same annotations: same labels (created by name, kind and
colour when missing), entities (found or created by name and label) with
their aliases, values, units, notes, statuses, offsets and context; the
relations and confirmed deals; the suggestions the user rejected; and the
currency of "$". What the database could not hold as it is (an infinite
value, a label name on several lines) is refused, one annotation at a time,
with a message naming the line.
"""

from __future__ import annotations

import math
import re
from typing import Any, TypeGuard

from db import deal_duplicates as duplicates
from db import round_trip
from db import suggestions as rejections
from db.annotations import (
    AnnotationRecord,
    add_label,
    find_or_create_entity,
    insert_annotations,
    insert_relations,
    labels,
)
from db.entities import find_entity
from db.labels import LABEL_NAME_MAX, unfit_character
from db.models import ACCEPTED, AMOUNT, ENTITY, SUGGESTED
from db.names import canonical_name, name_key
from db.records import BOUNDS
from desktop.core.article_operations import checked_changes
from desktop.core.deal_list import kept_root
from desktop.core.i18n import translate
from desktop.core.import_formats import ImportProblem, ParsedArticle, RecordError
from desktop.core.text import context, sentence_index

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
FALLBACK_COLOR = "#888888"



class AnnotationRestorer:
    """Stores what a Marginalia export carried with an article: annotations, relations,
    confirmed deals, entities' aliases, rejected suggestions and the currency of "$".

    Labels are matched by name and created (with the exported kind and
    colour) when missing; entities are found or created by name and label,
    and a mention of an entity label exported without one is linked by its
    text, as when it is tagged (:mod:`db.names`).
    An annotation that does not fit the text is reported and skipped.

    A deal the user confirmed as reported by several articles comes back
    counted once: a line's deal names (``same_deal_as``) the amount, often on
    another line of the same file, that it is counted with; the pair is stored
    as soon as both amounts are, and :meth:`finish` reports those whose other
    amount never came. A deal the user set apart (``"separate": true``)
    comes back set apart.

    The aliases of the line's entities are merged into the entities the
    annotations were linked to (one they already have is not added twice);
    an alias that names another entity of the database is reported and left
    to it. The rejected suggestions and the currency of "$" are stored with
    the article.
    """

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        self._labels: dict[str, int] | None = None
        self._kinds: dict[int, str] = {}
        self._entities: dict[tuple[str, int], int] = {}
        # Amounts restored, by file and exported id; pairs still waiting for one end.
        self._amounts: dict[tuple[str, int], int] = {}
        self._waiting: list[tuple[ParsedArticle, int, int]] = []
        self._counted: set[int] = set()  # amounts (new ids) a deal of the file said how to count
        self._kept_of: dict[int, int] = {}  # the pairs stored, to refuse one closing a loop
        self._clashes: set[tuple[int, str]] = set()  # (entity, alias) already reported

    def restore(self, article: ParsedArticle, article_id: int) -> None:
        """Stores what ``article``'s line carried (inside the caller's transaction).

        Whatever can't be restored is added to :attr:`problems`, naming the line
        and the reason; the rest is stored.
        """
        records: list[AnnotationRecord] = []
        exported_ids: list[object] = []
        for number, raw in enumerate(article.annotations, 1):
            try:
                records.append(self._record(raw, article.body, article_id))
            except RecordError as exc:
                self._problem(article, translate(
                    "Import", "Annotation {number} was not restored: {reason}").format(
                    number=number, reason=exc))
                continue
            exported_ids.append(raw.get("id"))
        new_ids = insert_annotations(records)
        mapping = {old: new for old, new in zip(exported_ids, new_ids, strict=True)
                   if _is_int(old)}
        rows = []
        for number, raw in enumerate(article.relations, 1):
            if (not isinstance(raw, dict) or not isinstance(raw.get("kind"), str)
                    or not _is_int(raw.get("source")) or not _is_int(raw.get("target"))
                    or raw["source"] not in mapping or raw["target"] not in mapping):
                self._problem(article, translate(
                    "Import", "Relation {number} was not restored: it must have a kind and "
                              "link two annotations of the same line.").format(number=number))
                continue
            rows.append((raw["kind"], mapping[raw["source"]], mapping[raw["target"]]))
        if rows:
            insert_relations(rows)
        self._restore_deals(article, mapping)
        self._restore_entities(article)
        self._restore_rejected(article, article_id)
        self._restore_currency_hint(article, article_id)

    def finish(self) -> None:
        """Reports the confirmed deals whose other report was not in the file."""
        for article, amount, kept in self._waiting:
            self._problem(article, translate(
                "Import", "The deal of amount {amount} is not counted once with the deal of "
                          "amount {kept}: amount {kept} was not imported from this file.").format(
                amount=amount, kept=kept))
        self._waiting = []

    def _restore_deals(self, article: ParsedArticle, mapping: dict[int, int]) -> None:
        apart = []
        entries: list[object] = list(article.deals)  # a file may hold anything there
        for number, raw in enumerate(entries, 1):
            if not isinstance(raw, dict):
                continue
            amount = raw.get("amount")
            if _is_int(amount) and amount in mapping:  # the deals' amounts only: few
                self._amounts[(article.path, amount)] = mapping[amount]
            separate, kept = raw.get("separate"), raw.get("same_deal_as")
            if separate is None or separate is False:
                if kept is None:
                    continue
                if not _is_int(amount) or not _is_int(kept) or amount == kept:
                    self._problem(article, translate(
                        "Import", "Deal {number} is not counted once: its amount and the one "
                                  "it is counted with must be two annotation ids.").format(
                        number=number))
                elif amount not in mapping:
                    self._problem(article, translate(
                        "Import", "Deal {number} is not counted once: amount {amount} is not "
                                  "an annotation of the line.").format(number=number,
                                                                      amount=amount))
                elif self._first_deal_of(article, number, mapping[amount]):
                    self._waiting.append((article, amount, kept))
            elif separate is not True or kept is not None:
                self._problem(article, translate(
                    "Import", "Deal {number} is not set apart: \"separate\" must be true, "
                              "and the deal counted with no other.").format(number=number))
            elif not _is_int(amount) or amount not in mapping:
                self._problem(article, translate(
                    "Import", "Deal {number} is not set apart: its amount is not an "
                              "annotation of the line.").format(number=number))
            elif self._first_deal_of(article, number, mapping[amount]):
                apart.append((mapping[amount], mapping[amount]))
        rows, waiting = [], []
        for pending in self._waiting:
            owner, amount, kept = pending
            new_kept = self._amounts.get((owner.path, kept))
            if new_kept is None:
                waiting.append(pending)
                continue
            new_amount = self._amounts[(owner.path, amount)]
            if kept_root(new_kept, self._kept_of) == new_amount:
                self._problem(owner, translate(
                    "Import", "The deal of amount {amount} is not counted once with the deal "
                              "of amount {kept}: that one is counted with it already.").format(
                    amount=amount, kept=kept))
                continue
            self._kept_of[new_amount] = new_kept
            rows.append((new_amount, new_kept))
        self._waiting = waiting
        duplicates.insert(apart + rows)

    def _first_deal_of(self, article: ParsedArticle, number: int, amount: int) -> bool:
        """Whether the deal ``number`` of the line is the first to say how ``amount`` (its
        new id) is counted; a second one is reported and left out."""
        if amount in self._counted:
            self._problem(article, translate(
                "Import", "Deal {number} is left out: an earlier deal of the line already "
                          "says how its amount is counted.").format(number=number))
            return False
        self._counted.add(amount)
        return True

    def _restore_entities(self, article: ParsedArticle) -> None:
        """Merges the aliases of the line's entities into the database's entities."""
        if article.entities is None:
            return
        if not isinstance(article.entities, list):
            self._problem(article, translate(
                "Import", 'The entities\' aliases were not restored: "entities" must be a '
                          "list."))
            return
        for number, raw in enumerate(article.entities, 1):
            try:
                entity_id, name, aliases = self._entity_entry(raw)
            except RecordError as exc:
                self._problem(article, translate(
                    "Import", "The aliases of entity {number} were not restored: {reason}")
                    .format(number=number, reason=exc))
                continue
            for clash in round_trip.merge_aliases(entity_id, aliases):
                if (entity_id, clash.alias) in self._clashes:
                    continue
                self._clashes.add((entity_id, clash.alias))
                self._problem(article, translate(
                    "Import", "The alias “{alias}” of “{name}” was not restored: in this "
                              "database it names “{other}”, which keeps it.").format(
                    alias=clash.alias, name=name, other=clash.other))

    def _entity_entry(self, raw: object) -> tuple[int, str, list[str]]:
        """The entity an ``entities`` item names (the line's annotations made or found it),
        its name, and its aliases."""
        if not isinstance(raw, dict):
            raise RecordError(translate("Import", "it is not a JSON object."))
        name, label, aliases = raw.get("name"), raw.get("label"), raw.get("aliases", [])
        if not (isinstance(name, str) and name.strip()) or not isinstance(label, str):
            raise RecordError(translate("Import", "it needs a name and a label."))
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise RecordError(translate("Import", 'its "aliases" must be a list of names.'))
        for text in (name, *aliases):
            _check_name(text)
        label_id = self._labels_by_name().get(label)
        if label_id is None or self._kinds[label_id] != ENTITY:
            raise RecordError(translate(
                "Import", "its label {label} is not an entity label of this database or of "
                          "the line's annotations.").format(label=_quoted(label)))
        key = (name_key(name), label_id)
        entity_id = self._entities.get(key) or find_entity(name, label_id)
        if entity_id is None:
            raise RecordError(translate(
                "Import", "no annotation of the line points to {name}.").format(
                name=_quoted(name)))
        return entity_id, name, aliases

    def _restore_rejected(self, article: ParsedArticle, article_id: int) -> None:
        """Stores the spans the user refused as suggestions: they are not proposed again."""
        if article.rejected is None:
            return
        if not isinstance(article.rejected, list):
            self._problem(article, translate(
                "Import", 'The rejected suggestions were not restored: "rejected" must be a '
                          "list."))
            return
        spans = []
        for number, raw in enumerate(article.rejected, 1):
            try:
                if not isinstance(raw, dict):
                    raise RecordError(translate("Import", "it is not a JSON object."))
                start, end = raw.get("start"), raw.get("end")
                if not (_is_int(start) and _is_int(end)
                        and 0 <= start < end <= len(article.body)):
                    raise RecordError(_outside(start, end, article.body))
                spans.append((start, end, self._label(raw)))
            except RecordError as exc:
                self._problem(article, translate(
                    "Import", "Rejected suggestion {number} was not restored: {reason}").format(
                    number=number, reason=exc))
        if spans:
            rejections.add_rejections(article_id, spans)

    def _restore_currency_hint(self, article: ParsedArticle, article_id: int) -> None:
        """Stores what "$" means in the article (an ISO 4217 code), when the line says."""
        if article.currency_hint is None:
            return
        try:
            if not isinstance(article.currency_hint, str):
                raise ValueError(translate("Import", "it is not text."))
            code = checked_changes({"currency_hint": article.currency_hint})["currency_hint"]
        except ValueError as exc:
            self._problem(article, translate(
                "Import", 'The currency of "$" was not restored: {reason}').format(reason=exc))
            return
        if code is not None:
            rejections.set_currency_hint(article_id, code)

    def _problem(self, article: ParsedArticle, reason: str) -> None:
        self.problems.append(ImportProblem(article.path, reason, article.line))

    def _record(self, raw: object, body: str, article_id: int) -> AnnotationRecord:
        if not isinstance(raw, dict):
            raise RecordError(translate("Import", "it is not a JSON object."))
        start, end = raw.get("start"), raw.get("end")
        if not (_is_int(start) and _is_int(end) and 0 <= start < end <= len(body)):
            raise RecordError(_outside(start, end, body))
        quote = body[start:end]
        text = raw.get("text", quote)
        if text != quote:
            raise RecordError(translate(
                "Import", "its text {text} differs from the article's {quote} at "
                          "{start}-{end}.").format(
                text=repr(text), quote=repr(quote), start=start, end=end))
        status = raw.get("status") or ACCEPTED
        if status not in (ACCEPTED, SUGGESTED):
            raise RecordError(translate("Import", "unknown status {status}.").format(
                status=repr(status)))
        prefix, suffix = context(body, start, end)
        # Every field is checked before a label or an entity is made for it.
        fields = {"prefix": _str(raw, "prefix", prefix), "suffix": _str(raw, "suffix", suffix),
                  "value": _number(raw, "value"), "value_high": _number(raw, "value_high"),
                  "unit": _str(raw, "unit", None), "note": _str(raw, "note", ""),
                  "author": _str(raw, "author", "")}
        entity = raw.get("entity")
        if isinstance(entity, str):
            _check_name(entity, entity=True)
        label_id = self._label(raw)
        entity_id = None
        if not (isinstance(entity, str) and entity.strip()) and self._kinds[label_id] == ENTITY:
            entity = canonical_name(quote)  # every mention points to an entity
        if isinstance(entity, str) and entity.strip():
            entity_id = self._entity(entity, label_id)
        return AnnotationRecord(
            id=None, article_id=article_id, label_id=label_id, start=start, end=end,
            quote=quote, entity_id=entity_id, approx=bool(raw.get("approx", False)),
            bound=raw["bound"] if raw.get("bound") in BOUNDS else None, status=status,
            sentence=sentence_index(body, start), **fields,
        )

    def _entity(self, name: str, label_id: int) -> int:
        """The entity of the label that ``name`` names, found or created (once per import)."""
        key = (name_key(name), label_id)
        if key not in self._entities:
            self._entities[key] = find_or_create_entity(name, label_id)
        return self._entities[key]

    def _labels_by_name(self) -> dict[str, int]:
        """The labels' ids by name (read once, then kept up to date with those created)."""
        if self._labels is None:
            known = labels()
            self._labels = {label.name: label.id for label in known}
            self._kinds = {label.id: label.kind for label in known}
        return self._labels

    def _label(self, raw: dict[str, Any]) -> int:
        """The label ``raw`` names, created (with its exported kind and colour) if missing.

        Raises:
            RecordError: it names no label, or one that may not be created: longer
                than :data:`LABEL_NAME_MAX` characters, or holding a line break or
                another control character.
        """
        name = raw.get("label")
        if not isinstance(name, str) or not name.strip():
            raise RecordError(translate("Import", "it has no label."))
        known = self._labels_by_name()
        if name not in known:
            _check_label_name(name)
            kind = raw.get("label_kind")
            color = raw.get("label_color")
            try:
                created = add_label(
                    name, kind if kind in (ENTITY, AMOUNT) else ENTITY,
                    color if isinstance(color, str) and _COLOR.fullmatch(color)
                    else FALLBACK_COLOR)
            except ValueError as exc:
                raise RecordError(translate(
                    "Import", "its label could not be created ({reason})").format(
                    reason=exc)) from exc
            known[created.name] = created.id
            known[name] = created.id
            self._kinds[created.id] = created.kind
        return known[name]


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(raw: dict[str, Any], key: str) -> float | None:
    """A finite number: JSON readers give ``1e400`` as infinity and accept ``NaN``."""
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RecordError(translate("Import", 'its "{key}" is not a number.').format(key=key))
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise RecordError(translate(
            "Import", 'its "{key}" is too large to be a number Marginalia can store (it reads '
                      "as infinite or as not a number).").format(key=key))
    return number


def _str(raw: dict[str, Any], key: str, default: str | None) -> Any:
    value = raw.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise RecordError(translate("Import", 'its "{key}" is not text.').format(key=key))
    if _has_surrogates(value):
        raise RecordError(translate(
            "Import", 'its "{key}" holds a broken character (a lone UTF-16 '
                      "surrogate).").format(key=key))
    return value


def _check_label_name(name: str) -> None:
    """Refuses a label name an import may not create (too long, or not on one line)."""
    if len(name.strip()) > LABEL_NAME_MAX:
        raise RecordError(translate(
            "Import", "its label {label} is longer than {count} characters; the label was not "
                      "created.").format(label=_quoted(name), count=LABEL_NAME_MAX))
    if unfit_character(name):
        raise RecordError(translate(
            "Import", "its label {label} holds a line break or another control character; "
                      "the label was not created.").format(label=_quoted(name)))


def _check_name(name: str, entity: bool = False) -> None:
    """Refuses an entity name or alias the database cannot store (a lone surrogate).

    ``entity``: the name is an annotation's ``entity`` (else an ``entities`` item's
    name or alias).
    """
    if not _has_surrogates(name):
        return
    if entity:
        raise RecordError(translate(
            "Import", "its entity {name} holds a broken character (a lone UTF-16 "
                      "surrogate).").format(name=_quoted(name)))
    raise RecordError(translate(
        "Import", "its name {name} holds a broken character (a lone UTF-16 "
                  "surrogate).").format(name=_quoted(name)))


def _outside(start: object, end: object, body: str) -> str:
    """Why a span (an annotation's, a rejected suggestion's) does not fit the text."""
    return translate("Import", "its range {start}-{end} is outside the text "
                               "(0-{length}).").format(
        start=repr(start), end=repr(end), length=len(body))


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def _quoted(text: str) -> str:
    """``text`` for a message: cut at 40 characters, on one line, hidden characters shown."""
    shown = "".join(f"\\u{ord(ch):04x}" if unfit_character(ch) else ch for ch in text[:40])
    return translate("Import", "“{text}”", "a name quoted in a message").format(
        text=f"{shown}{'…' if len(text) > 40 else ''}")


