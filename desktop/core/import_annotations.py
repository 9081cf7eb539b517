"""Restoring the annotations, relations and confirmed deals of a Marginalia JSON Lines export.

Importing an export into a database that does not hold its articles yet
must give back the same annotations: same labels (created by name, kind and
colour when missing), entities (found or created by name and label),
values, units, notes, statuses, offsets and context.
"""

from __future__ import annotations

import re
from typing import Any, TypeGuard

from db import deal_duplicates as duplicates
from db.annotations import (
    AnnotationRecord,
    add_label,
    find_or_create_entity,
    insert_annotations,
    insert_relations,
    labels,
)
from db.models import ACCEPTED, AMOUNT, ENTITY, SUGGESTED
from db.names import canonical_name, name_key
from db.records import BOUNDS
from desktop.core.import_formats import ImportProblem, ParsedArticle, RecordError
from desktop.core.text import context, sentence_index

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
FALLBACK_COLOR = "#888888"


class AnnotationRestorer:
    """Stores the annotations and relations a Marginalia export carried with an article.

    Labels are matched by name and created (with the exported kind and
    colour) when missing; entities are found or created by name and label,
    and a mention of an entity label exported without one is linked by its
    text, as when it is tagged (:mod:`db.names`).
    An annotation that does not fit the text is reported and skipped.

    A deal the user confirmed as reported by several articles comes back
    counted once: a line's deal names (``same_deal_as``) the amount, often on
    another line of the same file, that it is counted with; the pair is stored
    as soon as both amounts are, and :meth:`finish` reports those whose other
    amount never came.
    """

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        self._labels: dict[str, int] | None = None
        self._kinds: dict[int, str] = {}
        self._entities: dict[tuple[str, int], int] = {}
        # Amounts restored, by file and exported id; pairs still waiting for one end.
        self._amounts: dict[tuple[str, int], int] = {}
        self._waiting: list[tuple[ParsedArticle, int, int]] = []

    def restore(self, article: ParsedArticle, article_id: int) -> None:
        """Stores ``article``'s annotations and relations (inside the caller's transaction)."""
        records: list[AnnotationRecord] = []
        exported_ids: list[object] = []
        for number, raw in enumerate(article.annotations, 1):
            try:
                records.append(self._record(raw, article.body, article_id))
            except RecordError as exc:
                self._problem(article, f"Annotation {number} was not restored: {exc}")
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
                self._problem(article, f"Relation {number} was not restored: it must have a "
                              "kind and link two annotations of the same line.")
                continue
            rows.append((raw["kind"], mapping[raw["source"]], mapping[raw["target"]]))
        if rows:
            insert_relations(rows)
        self._restore_deals(article, mapping)

    def finish(self) -> None:
        """Reports the confirmed deals whose other report was not in the file."""
        for article, amount, kept in self._waiting:
            self._problem(article, f"The deal of amount {amount} is not counted once with "
                          f"the deal of amount {kept}: amount {kept} was not imported "
                          "from this file.")
        self._waiting = []

    def _restore_deals(self, article: ParsedArticle, mapping: dict[int, int]) -> None:
        for number, raw in enumerate(article.deals, 1):
            amount = raw.get("amount") if isinstance(raw, dict) else None
            if _is_int(amount) and amount in mapping:  # the deals' amounts only: few
                self._amounts[(article.path, amount)] = mapping[amount]
            if not isinstance(raw, dict) or raw.get("same_deal_as") is None:
                continue
            kept = raw.get("same_deal_as")
            if not _is_int(amount) or not _is_int(kept) or amount == kept:
                self._problem(article, f"Deal {number} is not counted once: its amount "
                              "and the one it is counted with must be two annotation ids.")
            elif amount not in mapping:
                self._problem(article, f"Deal {number} is not counted once: amount "
                              f"{amount} is not an annotation of the line.")
            else:
                self._waiting.append((article, amount, kept))
        rows, waiting = [], []
        for pending in self._waiting:
            owner, amount, kept = pending
            new_kept = self._amounts.get((owner.path, kept))
            if new_kept is None:
                waiting.append(pending)
            else:
                rows.append((self._amounts[(owner.path, amount)], new_kept))
        self._waiting = waiting
        duplicates.insert(rows)

    def _problem(self, article: ParsedArticle, reason: str) -> None:
        self.problems.append(ImportProblem(article.path, reason, article.line))

    def _record(self, raw: object, body: str, article_id: int) -> AnnotationRecord:
        if not isinstance(raw, dict):
            raise RecordError("it is not a JSON object.")
        start, end = raw.get("start"), raw.get("end")
        if not (_is_int(start) and _is_int(end) and 0 <= start < end <= len(body)):
            raise RecordError(f"its range {start!r}-{end!r} is outside the text "
                              f"(0-{len(body)}).")
        quote = body[start:end]
        text = raw.get("text", quote)
        if text != quote:
            raise RecordError(f"its text {text!r} differs from the article's {quote!r} at "
                              f"{start}-{end}.")
        status = raw.get("status") or ACCEPTED
        if status not in (ACCEPTED, SUGGESTED):
            raise RecordError(f"unknown status {status!r}.")
        label_id = self._label(raw)
        entity = raw.get("entity")
        entity_id = None
        if not (isinstance(entity, str) and entity.strip()) and self._kinds[label_id] == ENTITY:
            entity = canonical_name(quote)  # every mention points to an entity
        if isinstance(entity, str) and entity.strip():
            key = (name_key(entity), label_id)
            if key not in self._entities:
                self._entities[key] = find_or_create_entity(entity, label_id)
            entity_id = self._entities[key]
        prefix, suffix = context(body, start, end)
        return AnnotationRecord(
            id=None, article_id=article_id, label_id=label_id, start=start, end=end,
            quote=quote, prefix=_str(raw, "prefix", prefix), suffix=_str(raw, "suffix", suffix),
            entity_id=entity_id, value=_number(raw, "value"),
            value_high=_number(raw, "value_high"), unit=_str(raw, "unit", None),
            approx=bool(raw.get("approx", False)), note=_str(raw, "note", ""),
            bound=raw["bound"] if raw.get("bound") in BOUNDS else None,
            author=_str(raw, "author", ""), status=status,
            sentence=sentence_index(body, start),
        )

    def _label(self, raw: dict[str, Any]) -> int:
        name = raw.get("label")
        if not isinstance(name, str) or not name.strip():
            raise RecordError("it has no label.")
        if self._labels is None:
            known = labels()
            self._labels = {label.name: label.id for label in known}
            self._kinds = {label.id: label.kind for label in known}
        if name not in self._labels:
            kind = raw.get("label_kind")
            color = raw.get("label_color")
            try:
                created = add_label(
                    name, kind if kind in (ENTITY, AMOUNT) else ENTITY,
                    color if isinstance(color, str) and _COLOR.fullmatch(color)
                    else FALLBACK_COLOR)
            except ValueError as exc:
                raise RecordError(f"its label could not be created ({exc})") from exc
            self._labels[created.name] = created.id
            self._labels[name] = created.id
            self._kinds[created.id] = created.kind
        return self._labels[name]


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(raw: dict[str, Any], key: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RecordError(f'its "{key}" is not a number.')
    return float(value)


def _str(raw: dict[str, Any], key: str, default: str | None) -> Any:
    value = raw.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise RecordError(f'its "{key}" is not text.')
    return value


