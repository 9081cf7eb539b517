"""What the user asks for, turned into core operations run by the runner.

Widgets and panes call :class:`AnnotationCommands` with what the user chose
(a selection and a label, rows of the panel, suggestions, a label's new
name); it builds the one core operation for that action, names it for the
Edit menu, runs it through the :class:`~desktop.ui.commands.OperationRunner`
and says in the status bar what happened. The rules themselves (snapping,
the alias rule, deal pairing) live in the core.

Edits and removals carry the annotations as the panes show them (what the
user saw): when another window or user changed them meanwhile, nothing is
written and the user is asked whether to apply their change anyway or keep
the other one (:meth:`AnnotationCommands.ask_about_conflict`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from db.records import AMOUNT, AnnotationRecord
from desktop.core.text import snap_to_words
from desktop.ui.i18n import relation_kind_name as kind_name

if TYPE_CHECKING:
    from desktop.core.operations import ChangedMeanwhile, Mention, Operation, TagMentions
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
        # The panes, for the annotations they show (set by the window).
        self.panes: Callable[[], Sequence[ReaderController]] = lambda: ()
        runner.resolve_conflict = self.ask_about_conflict

    # --- tagging ----------------------------------------------------------------------

    def tag_key(self, pane: ReaderController, key: str) -> int | None:
        """Tags the pane's selection with the label whose key is ``key``."""
        label = self._labels.with_key(key)
        if label is None:
            self._status(self.tr("No label uses the key {key} (Edit ▸ Labels…).").format(
                key=key))
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
            self._status(self.tr("Select some text first, then press a label key."))
            return None
        start, end = snap_to_words(article.body, *selection)
        if start == end:
            return None
        from desktop.core.operations import AddAnnotations, new_annotation

        amount: dict[str, Any] = {}
        if label.kind == AMOUNT:  # its number, as accepting its suggestion would store
            read = pane.suggestions.amount_over(article.id, article.body,
                                                article.language, start, end)
            if read is not None:
                # The value is the whole amount's: the span covers its words too
                # ("38" of "38 milliards de dollars" tags the whole amount).
                start, end = min(start, read.start), max(end, read.end)
                amount = {"value": read.value, "value_high": read.value_high,
                          "unit": read.unit, "approx": read.approx, "bound": read.bound}
        # Found among the highlights there (an index look-up): the pane's records are
        # 20,000 on the book, and listing them took 10 ms a key press.
        if any(h.id > 0 and not h.marked and h.start == start and h.end == end
               and h.label == label.name for h in pane.pane.highlights_at(start)):
            self._status(self.tr("“{quote}” is already tagged as {label}.").format(
                quote=article.body[start:end], label=label.name))
            return None
        record = new_annotation(article.body, article.id, label.id, start, end,
                                author=self._author(), **amount)
        operation = AddAnnotations([record],
                                   name=self.tr("Tag {label}").format(label=label.name))
        if not self.runner.run(operation):
            return None
        self._status(self.tr("Tagged “{quote}” as {label}.").format(quote=record.quote,
                                                                    label=label.name))
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
        from desktop.ui.settings import DEFAULT_CURRENCY, Settings

        label = self._labels.by_id.get(label_id)
        articles = len({m.article_id for m in mentions})
        operation = TagMentions(
            [], name=self.tr("Tag %n mention(s) as {label}", None, len(mentions)).format(
                label=label.name if label else "?"),
            mentions=list(mentions), label_id=label_id, entity_id=entity_id,
            author=self._author(),  # money naming no currency: as one tag counts it
            default_currency=Settings().get(DEFAULT_CURRENCY))

        def done(ok: bool) -> None:
            if ok:
                self._status(self.tr("Tagged %n mention(s) in {articles}.", None,
                                     len(operation.ids)).format(
                    articles=self.tr("%n article(s)", None, articles)))
            if on_done is not None:
                on_done(ok)

        return operation if self.runner.run(operation, on_done=done) else None

    # --- editing ------------------------------------------------------------------------

    def remove(self, ids: Sequence[int]) -> bool:
        if not ids:
            return False
        from desktop.core.operations import RemoveAnnotations

        name = self.tr("Remove %n annotation(s)", None, len(ids))
        return self.runner.run(RemoveAnnotations(list(ids), name=name, seen=self.seen(ids)))

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
        fields = {"label_id": self.tr("the label"), "entity": self.tr("the entity"),
                  "value": self.tr("the value"), "value_high": self.tr("the upper value"),
                  "unit": self.tr("the unit"), "approx": self.tr("the approximate flag"),
                  "note": self.tr("the note"), "status": self.tr("the status")}
        asked = [*changes, *(["entity"] if entity is not None else [])]
        named = [fields.get(key, key) for key in asked]
        if "label_id" in changes:
            what = fields["label_id"]  # a new label carries the entity along
        elif len(named) == 2:
            what = self.tr("{first} and {second}").format(first=named[0], second=named[1])
        elif len(named) == 1:
            what = named[0]
        else:
            what = self.tr("the fields")
        operation = EditAnnotations(
            ids, changes, entity=entity, seen=self.seen(ids),
            name=self.tr("Change {what} of %n annotation(s)", None, len(ids)).format(what=what))
        if not self.runner.run(operation):
            return False
        self._status(self.tr("Changed {what} of %n annotation(s).", None, len(ids)).format(
            what=what))
        return True

    def link_as_deal(self, records: Sequence[Any]) -> int:
        """Links each chosen amount to each chosen entity mention; returns how many links."""
        from desktop.core.deals import pair_deal
        from desktop.core.operations import LinkAnnotations

        deal = pair_deal(records, self._labels.kind_of)
        if not deal.complete:
            self._status(self.tr("Select an amount and the entities it belongs to in the "
                                 "Annotations panel (Ctrl+click), then Edit ▸ Link as deal."))
            return 0
        names = ", ".join(p.quote for p in deal.parties)
        if not self.runner.run(LinkAnnotations(
                list(deal.pairs), name=self.tr("Link to {names}").format(names=names),
                author=self._author())):
            return 0
        self._status(self.tr("Linked {amounts} to {names} as a deal.").format(
            amounts=", ".join(a.quote for a in deal.amounts), names=names))
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
            self._status(self.tr("Already linked ({kind}).").format(kind=kind_name(kind)))
            return 0
        names = ", ".join(t.quote for t in targets if (source_id, t.id) in new
                          or (t.id, source_id) in new)
        if not self.runner.run(LinkAnnotations(
                new, kind=kind, name=self.tr("Link to {names}").format(names=names),
                author=self._author())):
            return 0
        self._status(self.tr("Linked “{quote}” to {names} ({kind}).").format(
            quote=source.quote, names=names, kind=kind_name(kind)))
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
                self._status(self.tr("There is no {label} label any more (Edit ▸ Labels…).")
                             .format(label=item.label))
                continue
            records.append(new_annotation(
                body, article_id, label.id, item.start, item.end, value=item.value,
                value_high=item.value_high, unit=item.unit, approx=item.approx,
                bound=item.bound,
                author=self._author()))
            link.append(item.entity or None)
        if not records:
            return []
        if len(records) == 1:
            name = self.tr("Accept {label} suggestion").format(label=items[0].label)
            said = self.tr("Accepted {label} suggestion.").format(label=items[0].label)
        else:
            name = self.tr("Accept %n suggestion(s)", None, len(records))
            said = self.tr("Accepted %n suggestion(s).", None, len(records))
        operation = AddAnnotations(records, name=name, link=link)
        if not self.runner.run(operation):
            return []
        self._status(said)
        return operation.ids

    def reject_suggestions(self, article_id: int, items: Sequence[Suggestion]) -> bool:
        """Remembers suggestions as refused, so they are not proposed again."""
        from desktop.core.operations import RejectSuggestions

        spans = [(s.start, s.end, label.id) for s in items
                 if (label := self._labels.named(s.label)) is not None]
        if not spans or not self.runner.run(RejectSuggestions(article_id, spans,
                                                              author=self._author())):
            return False
        self._status(self.tr("Rejected: it will not be proposed again here."))
        return True

    def set_currency(self, article_id: int, code: str) -> bool:
        """Sets what a bare "$" means in one article."""
        from desktop.core.operations import SetCurrencyHint

        if not self.runner.run(SetCurrencyHint(
                article_id, code, name=self.tr("Set “$” to {code}").format(code=code))):
            return False
        self._status(self.tr("In this article, “$” now means {code}.").format(code=code))
        return True

    # --- labels ---------------------------------------------------------------------------------

    def run_reporting(self, operation: Operation) -> str | None:
        """Runs an operation whose refusal the caller shows itself; the reason, or None."""
        return None if self.runner.run(operation, quiet=True) else self.runner.last_error

    # --- changes made elsewhere -----------------------------------------------------------

    def seen(self, ids: Sequence[int]) -> dict[int, AnnotationRecord]:
        """The annotations as the panes show them, by id: what the user acts on.

        An annotation no pane shows is not in it (and so not checked).
        """
        found: dict[int, AnnotationRecord] = {}
        for pane in self.panes():
            for annotation_id in ids:
                if annotation_id not in found:
                    record = pane.record(annotation_id)
                    if record is not None:
                        found[annotation_id] = record
        return found

    def ask_about_conflict(self, conflict: ChangedMeanwhile) -> bool:
        """Asks whether to apply the user's change although the annotation was changed
        elsewhere meanwhile; True to apply it anyway, False to keep the other change."""
        from PySide6.QtWidgets import QMessageBox, QWidget  # on demand: see main_window

        parent = self.parent()
        box = QMessageBox(parent if isinstance(parent, QWidget) else None)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Changed meanwhile"))
        text = self.describe_conflict(conflict)
        if conflict.can_force:
            box.setText(text + " " + self.tr("Apply your change anyway?"))
            box.setStandardButtons(QMessageBox.StandardButton.Yes
                                   | QMessageBox.StandardButton.No)
            box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Apply mine"))
            box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep theirs"))
            box.setDefaultButton(QMessageBox.StandardButton.No)
        else:
            box.setText(text + " " + self.tr("Your change was not applied."))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
        answer = box.exec()
        applied = conflict.can_force and answer == QMessageBox.StandardButton.Yes
        if not applied:
            self._status(self.tr("Kept the change made elsewhere."))
        return applied

    def describe_conflict(self, conflict: ChangedMeanwhile) -> str:
        """In words: what happened to the first annotation changed elsewhere, and who tagged it."""
        differing = conflict.differing
        first = differing[0]
        seen, now = conflict.seen.get(first), conflict.current.get(first)
        shown = seen if seen is not None else now
        quote = shown.quote if shown is not None else "?"
        if now is None:
            text = self.tr("“{quote}” was removed since you opened it.").format(quote=quote)
        else:
            changes = self._differences(seen, now, conflict.entity_names)
            # Who tagged it, not who changed it: the database keeps no editor per row.
            text = (self.tr("“{quote}” (tagged by {author}) was changed elsewhere since you "
                            "opened it ({changes}).")
                    if now.author else
                    self.tr("“{quote}” was changed elsewhere since you opened it ({changes}).")
                    ).format(quote=quote, author=now.author, changes=changes)
        if len(differing) > 1:
            text += " " + self.tr("%n other annotation(s) changed too.", None,
                                  len(differing) - 1)
        return text

    def _differences(self, seen: AnnotationRecord | None, now: AnnotationRecord,
                     names: dict[int, str]) -> str:
        """What differs between two versions of an annotation, in words."""
        from db import reads
        from desktop.core.formatting import format_amount

        if seen is None:
            return self.tr("added again")

        def label(label_id: int) -> str:
            found = self._labels.by_id.get(label_id)
            return found.name if found is not None else "?"

        def entity(entity_id: int | None) -> str:
            if entity_id is None:
                return self.tr("none")
            return names.get(entity_id) or reads.entity_name(entity_id) or "?"

        def amount(r: AnnotationRecord) -> str:
            return format_amount(r.value, r.value_high, r.unit, r.approx, r.bound) or \
                self.tr("none")

        parts = []
        if seen.label_id != now.label_id:
            parts.append(self.tr("label {old} → {new}").format(old=label(seen.label_id),
                                                               new=label(now.label_id)))
        if entity(seen.entity_id) != entity(now.entity_id):  # (a new label: its own entity)
            parts.append(self.tr("entity {old} → {new}").format(old=entity(seen.entity_id),
                                                                new=entity(now.entity_id)))
        if amount(seen) != amount(now):
            parts.append(self.tr("amount {old} → {new}").format(old=amount(seen),
                                                                new=amount(now)))
        if seen.note != now.note:
            parts.append(self.tr("note “{old}” → “{new}”").format(old=seen.note, new=now.note))
        if seen.status != now.status:
            parts.append(self.tr("status {old} → {new}").format(old=seen.status,
                                                                new=now.status))
        if (seen.start, seen.end) != (now.start, now.end):
            parts.append(self.tr("its place in the text"))
        return ", ".join(parts) or self.tr("details")
