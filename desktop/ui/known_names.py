"""The names suggestions look for, shared by every reader pane.

Read once from the database (entity names, aliases, tagged mentions), then
kept in step with the changes the runner announces: a new tag adds its text
and its entity's name; anything a tag does not tell (a rename, a merge, an
alias, new labels) makes it read them again when next asked. The matcher
built from them is kept too, and grows with each new name, so a key press
does not rebuild it from thousands of names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from db.records import ENTITY

if TYPE_CHECKING:
    from desktop.core.changes import Change
    from desktop.core.entities import EntityMatcher, Term
    from desktop.ui.commands import OperationRunner
    from desktop.ui.reader_controller import LabelSet


class KnownNames(QObject):
    """The known names and their matcher (the GUI thread's; workers get a copy of the names).

    Built before the panes, so it hears of each change before their suggestions do.
    """

    def __init__(self, runner: OperationRunner, labels: LabelSet,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels = labels
        self._terms: list[Term] | None = None
        self._matcher: EntityMatcher | None = None
        runner.changed.connect(self._on_changed)

    def terms(self) -> list[Term]:
        """The names to look for (read from the database the first time after a reset)."""
        if self._terms is None:
            from db import suggestions as rejections
            from desktop.core.entities import Term

            self._terms = [Term(text, label, entity)
                           for text, label, entity in rejections.gazetteer()]
            self._matcher = None
        return self._terms

    def matcher(self) -> EntityMatcher:
        """A matcher for :meth:`terms`, for the GUI thread only."""
        terms = self.terms()
        if self._matcher is None:
            from desktop.core.entities import EntityMatcher

            self._matcher = EntityMatcher(terms)
        return self._matcher

    def _on_changed(self, change: Change) -> None:
        if change.labels or change.reload or (change.entities and not change.added):
            self._terms = self._matcher = None  # read them again when next asked
            return
        if self._terms is None:
            return
        from desktop.core.entities import Term

        learnt = []
        for record in change.present:
            label = self._labels.by_id.get(record.label_id)
            if label is None or label.kind != ENTITY:
                continue
            names = change.entity_names
            entity = names.get(record.entity_id, "") if record.entity_id is not None else ""
            learnt.append(Term(record.quote, label.name, entity))
            if entity and entity != record.quote:  # "d’OpenAI" tagged: look for "OpenAI"
                learnt.append(Term(entity, label.name, entity))
        self._terms.extend(learnt)
        if self._matcher is not None:
            self._matcher.add(learnt)
