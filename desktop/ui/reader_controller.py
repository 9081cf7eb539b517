"""One reader pane's logic: its article, highlights, tooltips, loading and suggestions.

The window composes panes; each :class:`ReaderController` drives one
:class:`~desktop.ui.reader.ReaderPane` and keeps the annotations of the
article it shows, updated from the changes the operation runner announces
(never read back after a write). :class:`LabelSet` holds the labels every
pane and dialog shows, read again only when a change says they changed.

A pane may show only some annotators' annotations (its
:class:`~desktop.ui.annotator_filter.AnnotatorFilter`): the controller keeps
all of the article's annotations, highlights those the filter shows, and says
so in the pane's header.

Nothing here touches the ``Qt`` namespace or loads peewee before the first
paint (see ``desktop.ui.main_window``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from db import reads as store
from desktop.core.formatting import describe_amount, format_amount
from desktop.core.sources import attribution
from desktop.ui.annotator_filter import EVERYONE, AnnotatorFilter, describe, shown_ids
from desktop.ui.i18n import format_date, format_locale
from desktop.ui.reader import Highlight, ReaderPane
from desktop.ui.suggestions import SuggestionController

if TYPE_CHECKING:
    from db.records import AnnotationRecord, ArticleRecord, LabelRecord
    from desktop.core.changes import Change
    from desktop.ui.annotation_commands import AnnotationCommands
    from desktop.ui.commands import OperationRunner
    from desktop.ui.known_names import KnownNames

# Articles with more annotations than this show those of the first screen
# (FIRST_SCREEN_CHARS code points, more than any window shows) first.
PROGRESSIVE_LOAD_ABOVE = 2000
FIRST_SCREEN_CHARS = 20_000
# Marks over annotations take ids below this (suggestions count down from -1).
MARK_IDS = -1_000_000_000
READ_LANGUAGES = ("fr", "en")  # those desktop.core.amounts reads


class LabelSet(QObject):
    """The labels, by id, read again when a change says they changed.

    Built (and subscribed) before the views, so they see the new labels
    when they hear of the same change.

    Signals:
        changed(): the labels were read again.
    """

    changed = Signal()

    def __init__(self, runner: OperationRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.by_id: dict[int, LabelRecord] = {}
        self.reload()
        runner.changed.connect(self._on_changed)

    def reload(self) -> None:
        self.by_id = {label.id: label for label in store.labels()}
        self.changed.emit()

    def named(self, name: str) -> LabelRecord | None:
        return next((lb for lb in self.by_id.values() if lb.name == name), None)

    def with_key(self, key: str) -> LabelRecord | None:
        return next((lb for lb in self.by_id.values() if lb.shortcut == key), None)

    def kind_of(self, label_id: int) -> str | None:
        label = self.by_id.get(label_id)
        return label.kind if label is not None else None

    def _on_changed(self, change: Change) -> None:
        if change.labels or change.reload:
            self.reload()


class AfterPaint(QObject):
    """Runs calls once the watched widget has painted (queued after the paint).

    A call made while the widget is hidden waits for the event loop: if the
    widget has been shown by then (a window is usually shown right after it
    is filled), it waits for the paint; if not, it runs, since nothing will paint.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._pending: list[Callable[[], None]] = []
        widget.installEventFilter(self)

    def call(self, function: Callable[[], None], first: bool = False) -> None:
        if first:
            self._pending.insert(0, function)
        else:
            self._pending.append(function)
        if not self._widget.isVisible():
            QTimer.singleShot(0, self._run_if_hidden)

    def _run_if_hidden(self) -> None:
        if not self._widget.isVisible():
            self._run()

    def _run(self) -> None:
        for function in self._pending:
            QTimer.singleShot(0, function)
        self._pending = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._pending and event.type() == QEvent.Type.Paint:
            self._run()
        return False


class ReaderController(QObject):
    """Shows one article in a reader pane and keeps it in step with every change.

    Signals:
        article_opened(int): the pane now shows this article.
        annotations_shown(int): all the annotations of a heavily tagged article
            are now known (after the first paint; until then, those of the
            first screen).
        annotators_changed(AnnotatorFilter): the pane now shows these
            annotators' annotations.

    Attributes:
        pane: the reader widget.
        suggestions: the pane's suggestions.
    """

    article_opened = Signal(int)
    annotations_shown = Signal(int)
    annotators_changed = Signal(object)

    def __init__(self, pane: ReaderPane, runner: OperationRunner, labels: LabelSet,
                 commands: AnnotationCommands, known: KnownNames,
                 status: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pane = pane
        pane.body.describe = self._describe
        self._labels = labels
        self._status = status
        self._commands = commands
        self._article: ArticleRecord | None = None
        self._records: dict[int, AnnotationRecord] = {}
        self._entity_names: dict[int, str] = {}
        self._links: dict[int, list[str]] = {}
        self._marked_entity: int | None = None
        self._marks: list[int] = []
        self._annotators = EVERYONE
        self._shown: set[int] | None = None  # the ids the filter shows (None: all)
        pane.view_reset_requested.connect(lambda: self.set_annotator_filter(EVERYONE))
        self.previous_article_id: int | None = None  # shown before the current one
        self.all_loaded = True
        self._after_paint = AfterPaint(pane.body_viewport())
        runner.changed.connect(self._on_changed)  # before the suggestions: they use _records
        labels.changed.connect(self._on_labels_read)
        self._on_labels_read()
        self.suggestions = SuggestionController(self, runner, commands, labels, known, status,
                                                self)

    # --- what it shows -------------------------------------------------------------

    @property
    def article(self) -> ArticleRecord | None:
        return self._article

    @property
    def article_id(self) -> int | None:
        return self._article.id if self._article is not None else None

    def records(self) -> list[AnnotationRecord]:
        """The annotations known for the article, by position (whatever the filter)."""
        return sorted(self._records.values(), key=lambda r: (r.start, r.end, r.id or 0))

    def shown_records(self) -> list[AnnotationRecord]:
        """The annotations the pane shows (those its annotator filter lets through)."""
        shown = self._shown
        return self.records() if shown is None else [r for r in self.records() if r.id in shown]

    def shows(self, annotation_id: int) -> bool:
        """True if this annotation of the article is shown under the annotator filter."""
        return annotation_id in self._records and (self._shown is None
                                                   or annotation_id in self._shown)

    # --- whose annotations -----------------------------------------------------------

    @property
    def annotator_filter(self) -> AnnotatorFilter:
        return self._annotators

    def set_annotator_filter(self, annotators: AnnotatorFilter) -> None:
        """Shows everyone's annotations, one annotator's, or those where they differ.

        The filter stays when the pane opens another article.
        """
        if annotators == self._annotators:
            return
        self._annotators = annotators
        self._refilter()
        if self._article is not None:
            self._show_annotations()
        self._say_view()
        self.annotators_changed.emit(annotators)

    def _refilter(self) -> None:
        self._shown = shown_ids(self._annotators, self._records.values())

    def _say_view(self) -> None:
        """The header's note: which annotations are shown, when not all are."""
        if not self._annotators.on or self._article is None:
            self.pane.set_view_note("")
            return
        self.pane.set_view_note(self.tr("{view}: {shown} of {total} shown").format(
            view=describe(self._annotators), shown=len(self._shown or ()),
            total=len(self._records)))

    def tagged_spans(self) -> list[tuple[int, int]]:
        return [(r.start, r.end) for r in self._records.values()]

    def record(self, annotation_id: int) -> AnnotationRecord | None:
        return self._records.get(annotation_id)

    def entity_name(self, entity_id: int | None) -> str:
        return self._entity_names.get(entity_id, "") if entity_id is not None else ""

    # --- what a script or a test does with one pane (code points) ------------------

    def select_range(self, start: int, end: int) -> None:
        self.pane.select_range(start, end)

    def tag_selection(self, label_name: str) -> int | None:
        """Tags this pane's selection (snapped to words); returns the annotation id."""
        return self._commands.tag(self, label_name)

    def highlights(self) -> list[tuple[int, int, str]]:
        """The annotations the pane shows: (start, end, label), sorted."""
        return self.pane.highlights()

    def marked(self) -> list[tuple[int, int]]:
        """The spans marked as mentions of the entity under the mouse, sorted."""
        return self.pane.marked()

    # --- cross-highlighting ------------------------------------------------------------

    def entity_of(self, annotation_id: int) -> int | None:
        """The entity an annotation of this pane points to, if any."""
        record = self._records.get(annotation_id)
        return record.entity_id if record is not None else None

    def mark_entity(self, entity_id: int | None) -> None:
        """Marks every mention of this entity in the pane (None: no mark).

        Aliases need nothing more: every mention points to its entity, so a
        mention of "AWS" linked to Amazon Web Services is marked with it.
        """
        if entity_id == self._marked_entity:
            return
        if self._marks:
            self.pane.remove_highlights(self._marks)
        self._marked_entity = entity_id
        labels = self._labels.by_id
        marks = [] if entity_id is None else [
            Highlight(id=MARK_IDS - (r.id or 0), start=r.start, end=r.end,
                      color=label.color if label else "#999999",
                      label=label.name if label else "?", tooltip="", marked=True)
            for r in self._records.values() if r.entity_id == entity_id and self.shows(r.id or 0)
            for label in [labels.get(r.label_id)]]
        self._marks = [m.id for m in marks]
        self.pane.add_highlights(marks)

    def call_after_paint(self, function: Callable[[], None], first: bool = False) -> None:
        """Runs ``function`` just after the pane next paints (or soon if not shown)."""
        self._after_paint.call(function, first)

    # --- opening ---------------------------------------------------------------------

    def open_article(self, article_id: int) -> bool:
        """Shows an article; False if it does not exist."""
        if self._article is not None and self._article.id == article_id:
            return True
        article = store.get_article(article_id)
        if article is None:
            return False
        self.previous_article_id = self.article_id
        self._article = article
        self.pane.set_article(article.title, article.body, *self._header(article))
        if store.annotation_count(article.id) <= PROGRESSIVE_LOAD_ABOVE:
            self._load(article.id)
        else:
            # Many annotations: highlight the first screen now, the rest just
            # after the first paint, so a tagged book opens as fast as a bare one.
            self.all_loaded = False
            self._set_records(store.annotations_starting_before(article.id, FIRST_SCREEN_CHARS))
            self.call_after_paint(functools.partial(self._load, article.id, deferred=True))
        # Suggestions come just after the text is shown: proposing amounts takes
        # longer than showing a short article (the recognizer's first use compiles
        # its patterns), and on a long text a worker would compete with the paint.
        self.suggestions.set_article(None)
        self.call_after_paint(functools.partial(self._start_suggestions, article.id))
        self.article_opened.emit(article.id)
        return True

    def clear(self, message: str) -> None:
        """Shows ``message`` instead of an article."""
        self._article = None
        self._records = {}
        self._refilter()
        self._marked_entity, self._marks = None, []
        self.suggestions.set_article(None)
        self.pane.clear(message)
        self._say_view()

    def _load(self, article_id: int, deferred: bool = False) -> None:
        if self.article_id != article_id:
            return  # another article was opened meanwhile
        self._set_records(store.annotations_for_article(article_id))
        self.all_loaded = True
        if deferred:
            self.annotations_shown.emit(article_id)

    def _set_records(self, records: list[AnnotationRecord]) -> None:
        self._marked_entity, self._marks = None, []  # set_highlights drops them
        self._records = {r.id: r for r in records if r.id is not None}
        self._entity_names = store.entity_names(
            {r.entity_id for r in records if r.entity_id is not None})
        self._links = store.linked_quotes(self._article.id) if self._article is not None else {}
        self._refilter()
        shown = self._shown
        self.pane.set_highlights([self._highlight(r) for r in records
                                  if shown is None or r.id in shown])
        self._say_view()

    @staticmethod
    def _header(article: ArticleRecord) -> tuple[str, str, str, str]:
        """The pane's header arguments after the title: date, language, source, licence."""
        published = format_date(article.published)  # as the interface language writes it
        return published, article.language, article.source, attribution(article.source)

    def event(self, event: QEvent) -> bool:
        # The window passes a change of language on: the header's date, language and
        # licence line are written in the new one.
        if event.type() == QEvent.Type.LanguageChange and self._article is not None:
            self.pane.set_header(self._article.title, *self._header(self._article))
            self._say_view()
        return super().event(event)

    def _show_details(self, article_id: int) -> None:
        """Shows the article's edited details; its text, highlights and scroll stay."""
        article = store.get_article(article_id)
        if article is None:
            return
        before, self._article = self._article, article
        self.pane.set_header(article.title, *self._header(article))
        if before is not None and (before.language, before.source) != (article.language,
                                                                       article.source):
            self._start_suggestions(article_id)  # amounts read by language, "$" by source

    def _start_suggestions(self, article_id: int) -> None:
        if self._article is not None and self._article.id == article_id:
            # The amount reader knows French and English; in an article said to be
            # in another language ("de", set in its details) it guesses between them.
            language = self._article.language
            self.suggestions.set_article(article_id, self._article.body,
                                         language if language in READ_LANGUAGES else "",
                                         self._article.source)

    # --- highlights --------------------------------------------------------------------

    def _highlight(self, record: AnnotationRecord) -> Highlight:
        label = self._labels.by_id.get(record.label_id)
        name = label.name if label else "?"
        amount = format_amount(record.value, record.value_high, record.unit, record.approx,
                               record.bound, self._noun_language())
        return Highlight(id=record.id or 0, start=record.start, end=record.end,
                         color=label.color if label else "#999999", label=name,
                         tooltip=self._tooltip(record, name, amount))

    def _tooltip(self, record: AnnotationRecord, label: str, amount: str) -> str:
        """ "MONEY · ≈ 3.8e10 USD · its note · linked to OpenAI, AWS" """
        parts = [label]
        if record.entity_id is not None and record.entity_id in self._entity_names:
            parts.append(self._entity_names[record.entity_id])
        if amount:
            parts.append(amount)
        if record.note:
            parts.append(record.note)
        if record.id in self._links:
            parts.append(self.tr("linked to {names}").format(
                names=", ".join(self._links[record.id or 0])))
        return " · ".join(parts)

    def _describe(self, highlight: Highlight) -> str:
        """A highlight's tooltip as it shows, in the interface's language of the moment,
        its amount as that language writes it ("≈ 38 Md $US (3,8 × 10¹⁰ USD)"): made when
        asked, not for each of a book's highlights (Babel is slow for that)."""
        if highlight.id < 0:  # a suggestion (or a mark, which says nothing)
            return self.suggestions.tooltip_of(highlight.id) or highlight.tooltip
        record = self._records.get(highlight.id)
        if record is None:
            return highlight.tooltip
        amount = describe_amount(record.value, record.value_high, record.unit, record.approx,
                                 format_locale(), record.bound,
                                 noun_language=self._noun_language())
        return self._tooltip(record, highlight.label, amount)

    def _noun_language(self) -> str | None:
        """The article's language, in which its counted nouns are put in the plural."""
        return self._article.language if self._article is not None else None

    def _show_annotations(self) -> None:
        """Highlights anew the annotations the filter shows (in their labels' colours
        of the moment) and marks the marked entity's mentions among them again.

        Only the annotations' highlights and the marks are replaced: the suggestions'
        (dashed) stay as their controller showed them, so A and N walk what the user
        sees. All in one replacement: removing thousands of highlights one by one from
        a long paragraph takes time that grows with the square of their number.
        """
        marked, self._marked_entity, self._marks = self._marked_entity, None, []
        suggested = [h for h in self.pane.body.index.all() if h.dashed and h.id < 0]
        self.pane.set_highlights([*(self._highlight(r) for r in self.shown_records()),
                                  *suggested])
        if marked is not None:
            self.mark_entity(marked)

    def _on_labels_read(self) -> None:
        self.pane.set_labels([(lb.name, lb.shortcut or "", lb.color)
                              for lb in self._labels.by_id.values()])
        if self._article is not None:
            self._show_annotations()

    def _on_changed(self, change: Change) -> None:
        article_id = self.article_id
        if article_id is None:
            return
        if change.reload or article_id in change.articles_edited:
            self._show_details(article_id)
        if change.reload:
            self._set_records(store.annotations_for_article(article_id))
            return
        if not change.for_article(article_id):
            return
        self._entity_names.update(change.entity_names)
        relinked: list[AnnotationRecord] = []
        if change.relations:  # the other ends of the links changed show it too
            before, self._links = self._links, store.linked_quotes(article_id)
            named = change.annotation_ids
            relinked = [r for i, r in self._records.items() if i not in named
                        and before.get(i) != self._links.get(i)]
        gone = [r.id for r in (*change.removed, *change.present, *relinked)
                if r.id is not None and r.article_id == article_id]
        self.pane.remove_highlights(gone)
        for record in change.removed:
            self._records.pop(record.id or 0, None)
        fresh = [r for r in (*change.present, *relinked)
                 if r.article_id == article_id and r.id is not None]
        for record in fresh:
            self._records[record.id or 0] = record
        if self._annotators.on:
            # Where they differ depends on every annotation: others may show or hide.
            before = self._shown or set()
            self._refilter()
            after = self._shown or set()
            self.pane.remove_highlights(sorted(before - after))
            named = {r.id for r in fresh}
            self.pane.add_highlights([self._highlight(self._records[i])
                                      for i in sorted(after - before - named)])
            self._say_view()
        for record in fresh:
            if self.shows(record.id or 0):
                self.pane.add_highlight(self._highlight(record))
        if self._marked_entity is not None:  # its mentions may have changed: mark again
            entity, self._marked_entity = self._marked_entity, None
            self.mark_entity(entity)
