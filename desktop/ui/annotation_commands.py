"""What the user asks for, turned into core operations run by the runner.

Widgets and panes call :class:`AnnotationCommands` with what the user chose
(a selection and a label, rows of the panel, suggestions, a label's new
name); it builds the one core operation for that action, names it for the
Edit menu, runs it through the :class:`~desktop.ui.commands.OperationRunner`
and says in the status bar what happened. The rules themselves (snapping,
the alias rule, deal pairing) live in the core.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from desktop.core.text import snap_to_words

if TYPE_CHECKING:
    from desktop.core.operations import Mention, Operation, TagMentions
    from desktop.core.suggest import Suggestion
    from desktop.ui.commands import OperationRunner
    from desktop.ui.reader_controller import LabelSet, ReaderController

# The write side (desktop.core.operations and the db writes under it) loads on
# the first write, after the window's first paint.


class AnnotationCommands(QObject):
    """Maps user intents to core operations, one undo step each."""

    def __init__(self, runner: OperationRunner, labels: LabelSet, author: Callable[[], str],
                 status: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._labels = labels
        self._author = author
        self._status = status

    # --- tagging ----------------------------------------------------------------------

    def tag_key(self, pane: ReaderController, key: str) -> int | None:
        """Tags the pane's selection with the label whose key is ``key``."""
        label = self._labels.with_key(key)
        if label is None:
            self._status(f"No label uses the key {key} (Edit ▸ Labels…).")
            return None
        return self.tag(pane, label.name)

    def tag(self, pane: ReaderController, label_name: str) -> int | None:
        """Tags the pane's selection (snapped to words); returns the annotation id."""
        label = self._labels.named(label_name)
        article = pane.article
        if label is None or article is None:
            return None
        selection = pane.pane.selection_range()
        if selection is None:
            self._status("Select some text first, then press a label key.")
            return None
        start, end = snap_to_words(article.body, *selection)
        if start == end:
            return None
        from desktop.core.operations import AddAnnotations, new_annotation

        record = new_annotation(article.body, article.id, label.id, start, end,
                                author=self._author())
        operation = AddAnnotations([record], name=f"Tag {label.name}")
        if not self.runner.run(operation):
            return None
        self._status(f"Tagged “{record.quote}” as {label.name}.")
        return operation.ids[0]

    def tag_mentions(self, mentions: Sequence[Mention], label_id: int,
                     entity_id: int | None = None,
                     on_done: Callable[[bool], None] | None = None) -> TagMentions | None:
        """Tags many mentions (tag all occurrences) as one undo step, off the GUI thread.

        Returns the operation (its ``ids`` once done), or None if nothing started.
        """
        if not mentions:
            return None
        from desktop.core.operations import TagMentions

        label = self._labels.by_id.get(label_id)
        articles = len({m.article_id for m in mentions})
        operation = TagMentions(
            [], name=f"Tag {len(mentions)} mentions as {label.name if label else '?'}",
            mentions=list(mentions), label_id=label_id, entity_id=entity_id,
            author=self._author())

        def done(ok: bool) -> None:
            if ok:
                self._status(f"Tagged {len(operation.ids)} mentions in {articles} article(s).")
            if on_done is not None:
                on_done(ok)

        return operation if self.runner.run(operation, on_done=done) else None

    # --- editing ------------------------------------------------------------------------

    def remove(self, ids: Sequence[int]) -> bool:
        if not ids:
            return False
        from desktop.core.operations import RemoveAnnotations

        noun = "annotation" if len(ids) == 1 else f"{len(ids)} annotations"
        return self.runner.run(RemoveAnnotations(list(ids), name=f"Remove {noun}"))

    def edit(self, ids: Sequence[int], changes: dict[str, Any]) -> bool:
        """Applies the same edit to these annotations, as one undo step.

        An ``"entity"`` name links them to that entity ("" unlinks them). The
        status bar says what changed and how many ("Changed the label of 3
        annotations.").
        """
        from desktop.core.operations import EditAnnotations

        changes = dict(changes)
        entity = changes.pop("entity", None)
        ids = list(dict.fromkeys(ids))
        if not ids or (not changes and entity is None):
            return False
        fields = {"label_id": "label", "entity": "entity", "value": "value",
                  "value_high": "upper value", "unit": "unit", "approx": "approximate flag",
                  "note": "note", "status": "status"}
        asked = [*changes, *(["entity"] if entity is not None else [])]
        named = [fields.get(key, key) for key in asked]
        if "label_id" in changes:
            what = "label"  # a new label carries the entity along: the label changed
        elif len(named) <= 2:
            what = " and ".join(named)
        else:
            what = "fields"
        noun = "1 annotation" if len(ids) == 1 else f"{len(ids)} annotations"
        operation = EditAnnotations(ids, changes, entity=entity,
                                    name=f"Change the {what} of {noun}")
        if not self.runner.run(operation):
            return False
        self._status(f"Changed the {what} of {noun}.")
        return True

    def link_as_deal(self, records: Sequence[Any]) -> int:
        """Links each chosen amount to each chosen entity mention; returns how many links."""
        from desktop.core.deals import pair_deal
        from desktop.core.operations import LinkAnnotations

        deal = pair_deal(records, self._labels.kind_of)
        if not deal.complete:
            self._status("Select an amount and the entities it belongs to in the Annotations "
                         "panel (Ctrl+click), then Edit ▸ Link as deal.")
            return 0
        names = ", ".join(p.quote for p in deal.parties)
        if not self.runner.run(LinkAnnotations(list(deal.pairs), name=f"Link to {names}")):
            return 0
        self._status(f"Linked {', '.join(a.quote for a in deal.amounts)} to {names} as a deal.")
        return len(deal.pairs)

    def link(self, source_id: int, target_ids: Sequence[int], kind: str = "deal") -> int:
        """Links one annotation to others with a relation of ``kind``, as one undo step.

        An amount is always the source of its link to a party (as in a deal);
        otherwise ``source_id`` is the source and each target a target. Links
        already stored (same ends, same kind) are not made twice. Returns how
        many links were made.
        """
        from db import reads
        from db.relation_kinds import links_of
        from desktop.core.operations import LinkAnnotations

        kind = " ".join(kind.split())
        source = reads.get_annotation(source_id)
        targets = [r for r in map(reads.get_annotation, dict.fromkeys(target_ids))
                   if r is not None and r.id != source_id]
        if source is None or not targets or not kind:
            return 0
        amount = self._labels.kind_of(source.label_id) == "amount"
        pairs = [(t.id, source_id) if not amount
                 and self._labels.kind_of(t.label_id) == "amount" else (source_id, t.id)
                 for t in targets if t.id is not None]
        stored = {(link.source, link.target) for link in links_of([source_id])
                  if link.kind == kind}
        new = [pair for pair in pairs if pair not in stored]
        if not new:
            self._status(f"Already linked ({kind}).")
            return 0
        names = ", ".join(t.quote for t in targets if (source_id, t.id) in new
                          or (t.id, source_id) in new)
        if not self.runner.run(LinkAnnotations(new, kind=kind, name=f"Link to {names}")):
            return 0
        self._status(f"Linked “{source.quote}” to {names} ({kind}).")
        return len(new)

    # --- suggestions ------------------------------------------------------------------------

    def accept_suggestions(self, article_id: int, body: str,
                           items: Sequence[Suggestion]) -> list[int]:
        """Turns suggestions into annotations (and their entities), as one undo step."""
        from desktop.core.operations import AddAnnotations, new_annotation

        records, link = [], []
        for item in items:
            label = self._labels.named(item.label)
            if label is None:
                self._status(f"There is no {item.label} label any more (Edit ▸ Labels…).")
                continue
            records.append(new_annotation(
                body, article_id, label.id, item.start, item.end, value=item.value,
                value_high=item.value_high, unit=item.unit, approx=item.approx,
                bound=item.bound,
                author=self._author()))
            link.append(item.entity or None)
        if not records:
            return []
        noun = f"{items[0].label} suggestion" if len(records) == 1 else \
            f"{len(records)} suggestions"
        operation = AddAnnotations(records, name=f"Accept {noun}", link=link)
        if not self.runner.run(operation):
            return []
        self._status(f"Accepted {noun}.")
        return operation.ids

    def reject_suggestions(self, article_id: int, items: Sequence[Suggestion]) -> bool:
        """Remembers suggestions as refused, so they are not proposed again."""
        from desktop.core.operations import RejectSuggestions

        spans = [(s.start, s.end, label.id) for s in items
                 if (label := self._labels.named(s.label)) is not None]
        if not spans or not self.runner.run(RejectSuggestions(article_id, spans)):
            return False
        self._status("Rejected: it will not be proposed again here.")
        return True

    def set_currency(self, article_id: int, code: str) -> bool:
        """Sets what a bare "$" means in one article."""
        from desktop.core.operations import SetCurrencyHint

        if not self.runner.run(SetCurrencyHint(article_id, code, name=f"Set “$” to {code}")):
            return False
        self._status(f"In this article, “$” now means {code}.")
        return True

    # --- labels ---------------------------------------------------------------------------------

    def run_reporting(self, operation: Operation) -> str | None:
        """Runs an operation whose refusal the caller shows itself; the reason, or None."""
        return None if self.runner.run(operation, quiet=True) else self.runner.last_error
