"""Whose annotations a reader pane shows: everyone's, one annotator's, or where they differ.

Each pane has an :class:`AnnotatorFilter` (its controller keeps it); the
pane's highlights and the annotation panel's list of it follow the filter,
and the pane's header says when one is on. The library is never filtered.

"Where they differ" is the agreement's rule (:func:`desktop.core.adjudication.disputed_spans`):
an accepted annotation is shown unless every annotator of the article gives
its span and label identically. The annotators are the authors of the
article's accepted annotations, the adjudicated result aside (it is an
outcome, not one more opinion); suggestions nobody accepted are no one's.

View ▸ Annotators (:class:`AnnotatorsMenu`) sets the focused pane's filter.
When the user's own new annotation would be hidden by it (tagging while
the pane shows another annotator's work), the pane shows everyone's again
and the status bar says why: the user sees what they just did, beside what
they were looking at. Annotations written by another window or user never
move the filter, even under the user's own name.

Nothing here loads the write side (peewee) before it is needed: the menu is
filled when it is opened, and the rule of differences is read when first used.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from db.records import ACCEPTED, AnnotationRecord
from desktop.ui.plain_text import as_menu_text

if TYPE_CHECKING:
    from desktop.core.changes import Change
    from desktop.ui.main_window import MainWindow
    from desktop.ui.reader_controller import ReaderController

translate = QCoreApplication.translate

EVERYONE_MODE, AUTHOR_MODE, DIFFER_MODE = "everyone", "author", "differ"


class AnnotatorFilter(NamedTuple):
    """Whose annotations a pane shows.

    Attributes:
        mode: ``"everyone"``, ``"author"`` (only :attr:`author`'s) or
            ``"differ"`` (only where the annotators differ).
        author: the annotator, for ``"author"`` ("" is a name too: the
            annotations made before a name was set).
    """

    mode: str = EVERYONE_MODE
    author: str = ""

    @property
    def on(self) -> bool:
        """True unless everyone's annotations are shown."""
        return self.mode != EVERYONE_MODE


EVERYONE = AnnotatorFilter()
WHERE_THEY_DIFFER = AnnotatorFilter(DIFFER_MODE)


def only(author: str) -> AnnotatorFilter:
    """The filter showing one annotator's annotations."""
    return AnnotatorFilter(AUTHOR_MODE, author)


def shown_ids(annotators: AnnotatorFilter,
              records: Iterable[AnnotationRecord]) -> set[int] | None:
    """The ids of the annotations of one article that ``annotators`` shows (None: all).

    ``records`` are all the article's annotations: where annotators differ
    depends on every one of them.
    """
    if annotators.mode == AUTHOR_MODE:
        return {r.id for r in records if r.id is not None and r.author == annotators.author}
    if annotators.mode != DIFFER_MODE:
        return None
    from desktop.core.adjudication import ADJUDICATED, disputed_spans

    given = [r for r in records if r.id is not None and r.status == ACCEPTED
             and r.author != ADJUDICATED]
    by_author: dict[str, list[tuple[int, int, str]]] = {}
    for record in given:  # a label id stands for its name: the same matches either way
        by_author.setdefault(record.author, []).append(_span(record))
    disputed = disputed_spans(by_author)
    return {r.id for r in given if r.id is not None and _span(r) in disputed}


def _span(record: AnnotationRecord) -> tuple[int, int, str]:
    return record.start, record.end, str(record.label_id)


def authors_of(records: Iterable[AnnotationRecord]) -> list[str]:
    """The authors of these annotations, by name."""
    return sorted({r.author for r in records})


def author_name(author: str) -> str:
    """An author as the interface names it: "(no name)" for "", the result as such."""
    from desktop.core.adjudication import ADJUDICATED

    if author == ADJUDICATED:
        return translate("AnnotatorsMenu", "adjudicated result")
    return author or translate("AnnotatorsMenu", "(no name)")


def describe(annotators: AnnotatorFilter) -> str:
    """What a pane with this filter shows, for its header and the status bar."""
    if annotators.mode == AUTHOR_MODE:
        return translate("AnnotatorsMenu", "Only {author}’s annotations").format(
            author=author_name(annotators.author))
    if annotators.mode == DIFFER_MODE:
        return translate("AnnotatorsMenu", "Only where the annotators differ")
    return translate("AnnotatorsMenu", "Everyone’s annotations")


class AnnotatorsMenu(QMenu):
    """View ▸ Annotators: Everyone, each author of the focused pane's article, Where
    they differ; checked as the focused pane's filter is. Also keeps the annotation
    panel told of each pane's filter, and the Tools ▸ Adjudicate… action.

    The entries are made again, when the menu opens, for the article shown then;
    :meth:`entries` makes them at once (for scripts and tests).

    Attributes:
        adjudicate_action: Tools ▸ Adjudicate… (on the focused pane's article).
    """

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self._window = window
        self._group: QActionGroup | None = None
        self._built: tuple[object, ...] | None = None  # what the entries show
        # The user's own new annotation hidden by the focused pane's filter, until the
        # pane shows everyone's: (change, pane, its filter, the user's name).
        self._hidden_own: tuple[Change, ReaderController, AnnotatorFilter, str] | None = None
        self.adjudicate_action = QAction(self)
        self.adjudicate_action.triggered.connect(lambda _checked=False: self._adjudicate())
        self.aboutToShow.connect(self.entries)
        window.pane_added.connect(self._watch)
        window.runner.changed.connect(self._on_changed)
        for controller in window.panes:
            self._watch(controller)
        self._retranslate()

    # --- entries --------------------------------------------------------------------

    def entries(self) -> list[QAction]:
        """The menu's entries for the focused pane, made again if they changed."""
        controller = self._window.active
        authors = authors_of(controller.records())
        current = controller.annotator_filter
        if current.mode == AUTHOR_MODE and current.author not in authors:
            authors = sorted([*authors, current.author])  # another article's, kept
        key = (tuple(authors), current, controller.article_id is not None)
        if key != self._built:
            self._fill(authors, current, controller.article_id is not None)
            self._built = key
        return [action for action in self.actions() if not action.isSeparator()]

    def _fill(self, authors: list[str], current: AnnotatorFilter, has_article: bool) -> None:
        self.clear()
        if self._group is not None:
            self._group.deleteLater()
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        choices = [(self.tr("&Everyone"), EVERYONE)]
        for number, author in enumerate(authors, start=1):
            name = as_menu_text(author_name(author))
            # Each author's digit is its mnemonic (names are anything, and may share letters).
            choices.append((f"&{number} {name}" if number < 10 else name, only(author)))
        choices.append((self.tr("Where they &differ"), WHERE_THEY_DIFFER))
        for index, (text, annotators) in enumerate(choices):
            if index == 1 or index == len(choices) - 1:
                self.addSeparator()
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(annotators == current)
            action.setEnabled(has_article)
            action.setData(annotators)
            action.triggered.connect(functools.partial(self._choose, annotators))
            self._group.addAction(action)
            self.addAction(action)

    def _choose(self, annotators: AnnotatorFilter, _checked: bool = False) -> None:
        self._window.active.set_annotator_filter(annotators)
        self._built = None

    # --- what the panes do ------------------------------------------------------------

    def _watch(self, controller: ReaderController) -> None:
        controller.annotators_changed.connect(functools.partial(self._on_filter, controller))
        if controller.annotator_filter.on:  # set before the window heard of the pane
            self._on_filter(controller, controller.annotator_filter)

    def _on_filter(self, controller: ReaderController, annotators: AnnotatorFilter) -> None:
        self._window.panel.set_annotator_filter(controller, annotators)
        self._built = None

    def _on_changed(self, change: Change) -> None:
        """Notes when the user's own new annotation, made in this window, is hidden by
        the focused pane's filter; just after (once the action has said what it did)
        the pane shows everyone's. What other windows or users wrote never moves the
        filter, even under one's own name (a colleague who set none, like oneself)."""
        if change.remote:
            return
        controller = self._window.active
        article_id = controller.article_id
        annotators = controller.annotator_filter
        if not annotators.on or article_id is None or change.reload:
            return
        me = self._window.author()
        mine = [r.id for r in change.added if r.article_id == article_id and r.author == me]
        if not mine:
            return
        records = {r.id: r for r in controller.records()}
        records.update((r.id, r) for r in change.present if r.article_id == article_id)
        shown = shown_ids(annotators, records.values())
        if shown is None or all(i in shown for i in mine):
            return
        self._hidden_own = (change, controller, annotators, me)
        QTimer.singleShot(0, self._show_own)

    def _show_own(self) -> None:
        pending, self._hidden_own = self._hidden_own, None
        if pending is None:
            return
        _change, controller, annotators, me = pending
        if controller not in self._window.panes or controller.annotator_filter != annotators:
            return
        controller.set_annotator_filter(EVERYONE)
        if annotators.mode == AUTHOR_MODE:
            message = self.tr("This pane showed only {author}’s annotations: it shows "
                              "everyone’s again, so that yours (by {me}) show too.").format(
                author=author_name(annotators.author), me=author_name(me))
        else:
            message = self.tr("This pane showed only where the annotators differ: it shows "
                              "everyone’s annotations again, so that yours (by {me}) show "
                              "too.").format(me=author_name(me))
        bar = self._window.statusBar()
        said = bar.currentMessage()  # what the action said ("Tagged “deal” as ORG.") first
        bar.showMessage(f"{said} {message}" if said else message, 10000)

    def _adjudicate(self) -> None:
        from desktop.ui.adjudication_dock import ask_adjudication

        ask_adjudication(self._window)

    # --- language ---------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setTitle(self.tr("&Annotators"))
        self.adjudicate_action.setText(self.tr("&Adjudicate…"))
        self._built = None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
