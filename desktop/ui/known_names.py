"""The names suggestions look for, shared by every reader pane.

Read once from the database (entity names, aliases, tagged mentions), then
kept in step with the changes the runner announces: a new tag adds its text
and its entity's name; anything a tag does not tell (a rename, a merge, an
alias, new labels) makes it read them again when next asked. The matcher
built from them is kept too, and grows with each new name, so a key press
does not rebuild it from thousands of names.

The name model (:mod:`desktop.core.ner`) is shared here too: loaded once
per process on a thread of its own the first time a pane asks for it —
after the window's first paint, since panes ask when they propose — and
announced by :attr:`KnownNames.model_ready`. The names the user rejected
anywhere, which the model must not propose again, are read with it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from db.records import ENTITY

if TYPE_CHECKING:
    from desktop.core.changes import Change
    from desktop.core.entities import EntityMatcher, Term
    from desktop.core.ner import NameRecognizer
    from desktop.ui.commands import OperationRunner
    from desktop.ui.reader_controller import LabelSet


class _ModelLoader(QObject):
    """Loads the name model once per process, on a thread of its own.

    It outlives every window (spaCy's models are read once per process), so
    its thread never reports to an object that is gone.

    Signals:
        loaded(): the model is loaded, or known to be missing.
    """

    loaded = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.started = False
        self.done = False
        self.recognizer: NameRecognizer | None = None
        self.note = ""

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        from desktop.core.ner import installed_models, loaded_recognizer, missing_note

        recognizer = loaded_recognizer()
        if recognizer is not None and set(recognizer.languages) == set(installed_models()):
            # Already read in this process (a second window, or a test session).
            self.recognizer, self.note, self.done = recognizer, missing_note(), True
            return
        threading.Thread(target=self._load, name="name-model", daemon=True).start()

    def _load(self) -> None:
        from desktop.core.ner import load_recognizer, missing_note

        try:
            self.note = missing_note()
            self.recognizer = load_recognizer()
        finally:
            self.done = True
            self.loaded.emit()  # queued to the GUI thread, where the loader lives


_loader: _ModelLoader | None = None


def _model_loader() -> _ModelLoader:
    global _loader
    if _loader is None:
        _loader = _ModelLoader()
    return _loader


class KnownNames(QObject):
    """The known names and their matcher (the GUI thread's; workers get a copy of the names).

    Built before the panes, so it hears of each change before their suggestions do.

    Signals:
        model_ready(): the name model is loaded, or known to be missing
            (:meth:`recognizer` says which).
    """

    model_ready = Signal()
    model_switched = Signal(bool)
    model_enabled = True
    """False: no name model, and nothing said about it (names come from tags only);
    :meth:`set_model_enabled` changes it for this window."""

    def __init__(self, runner: OperationRunner, labels: LabelSet,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels = labels
        self._terms: list[Term] | None = None
        self._matcher: EntityMatcher | None = None
        self._generation = 0  # one more each time the names change
        self._frozen: tuple[int, EntityMatcher] | None = None  # built by a worker
        self._rejected: set[tuple[str, str]] | None = None
        self._told = False
        _model_loader().loaded.connect(self.model_ready)
        runner.changed.connect(self._on_changed)

    def recognizer(self) -> NameRecognizer | None:
        """The name model if it is loaded; else None, and it starts loading (once).

        :attr:`model_ready` follows when it is.
        """
        if not self.model_enabled:
            return None
        loader = _model_loader()
        loader.start()
        return loader.recognizer

    def set_model_enabled(self, enabled: bool) -> None:
        """Switches the name model on or off (Suggestions ▸ Names from the model); the
        panes hear it from :attr:`model_switched` and propose again."""
        if enabled != self.model_enabled:
            self.model_enabled = enabled
            self.model_switched.emit(enabled)

    def model_note(self) -> str:
        """What to tell the user about a missing model, the first time only ("" after)."""
        loader = _model_loader()
        if self._told or not self.model_enabled or not loader.done or not loader.note:
            return ""
        self._told = True
        return loader.note

    def rejected_names(self) -> set[tuple[str, str]]:
        """(name, label) the user rejected in any article (read again after a rejection)."""
        if self._rejected is None:
            from desktop.core.rejected_names import rejected_names

            self._rejected = rejected_names()
        return self._rejected

    def terms(self) -> list[Term]:
        """The names to look for (read from the database the first time after a reset)."""
        if self._terms is None:
            from db import suggestions as rejections
            from desktop.core.entities import Term

            self._terms = [Term(text, label, entity)
                           for text, label, entity in rejections.gazetteer()]
            self._matcher = None
        return self._terms

    @property
    def generation(self) -> int:
        """Grows each time the names change: a matcher is for one generation of them."""
        return self._generation

    def frozen_matcher(self) -> EntityMatcher | None:
        """A matcher of the names as they are now that no one changes (workers may share
        it), if a worker built one for this generation (:meth:`keep_frozen`)."""
        if self._frozen is not None and self._frozen[0] == self._generation:
            return self._frozen[1]
        return None

    def keep_frozen(self, generation: int, matcher: EntityMatcher) -> None:
        """Keeps a matcher a worker built from the names of ``generation``, for the next
        workers (building one from thousands of names takes tenths of a second)."""
        if generation == self._generation:
            self._frozen = (generation, matcher)

    def matcher(self) -> EntityMatcher:
        """A matcher for :meth:`terms`, for the GUI thread only."""
        terms = self.terms()
        if self._matcher is None:
            from desktop.core.entities import EntityMatcher

            self._matcher = EntityMatcher(terms)
        return self._matcher

    def _on_changed(self, change: Change) -> None:
        if change.suggestions or change.labels or change.reload:
            self._rejected = None
        if change.labels or change.reload or (change.entities and not change.added):
            self._terms = self._matcher = None  # read them again when next asked
            self._generation += 1
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
        if change.entities:  # entities put back (an undo) come back with their aliases
            learnt += self._aliases_of(change)
        if not learnt:
            return
        self._terms.extend(learnt)
        self._generation += 1
        if self._matcher is not None:
            self._matcher.add(learnt)

    def _aliases_of(self, change: Change) -> list[Term]:
        """The aliases of the entities the annotations added point to (one indexed read,
        only when entities were created or put back: a tag of a new name, an undo)."""
        from db.entity_admin import aliases_of
        from desktop.core.entities import Term

        labels: dict[int, str] = {}
        for record in change.added:
            label = self._labels.by_id.get(record.label_id)
            if record.entity_id is not None and label is not None and label.kind == ENTITY:
                labels[record.entity_id] = label.name
        if not labels:
            return []
        return [Term(alias.alias, labels[alias.entity_id],
                     change.entity_names.get(alias.entity_id, ""))
                for alias in aliases_of(labels)]
