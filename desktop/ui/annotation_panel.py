"""The annotation panel: the open article's annotations by label, and an editor for one.

The panel never writes. It asks, through :attr:`AnnotationPanel.edit_requested`
and :attr:`AnnotationPanel.delete_requested`; the main window applies the
change as an undoable operation and then tells the panel what changed with
:meth:`AnnotationPanel.apply_change` (or reloads it with :meth:`AnnotationPanel.refresh`).

With several annotations selected, the editor edits them all: each field shows
their common value, or nothing and "(several values)"; a field changed is
asked for all of them at once (one undo step).

Each pane's list follows that pane's annotator filter
(:meth:`AnnotationPanel.set_annotator_filter`): it lists, and counts, only
the annotations the pane highlights.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSignalBlocker,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db import annotations as store
from db import reads
from db.annotations import AnnotationRecord, LabelRecord
from db.records import AMOUNT, ENTITY
from desktop.ui import themes
from desktop.ui.annotation_model import (
    ANNOTATION_ID_ROLE,
    LABEL_ID_ROLE,
    AnnotationTreeModel,
    as_plain_text,
    one_line,
)
from desktop.ui.annotator_filter import DIFFER_MODE, EVERYONE, AnnotatorFilter, shown_ids
from desktop.ui.i18n import quoted, relation_kind_name
from desktop.ui.swatch import swatch

if TYPE_CHECKING:
    from desktop.core.changes import Change

# The share of the list's width of each column: text, entity / value, note.
COLUMN_SHARES = (0.42, 0.42, 0.16)

# In English; the panel shows them translated (its tr).
EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "AnnotationPanel", "No annotations yet — select text in the reader and press 1–9 to tag it.")
NO_ARTICLE_TEXT = QT_TRANSLATE_NOOP("AnnotationPanel", "No article open.")
NO_MATCH_TEXT = QT_TRANSLATE_NOOP("AnnotationPanel", "No annotations match the filter.")
NO_SELECTION_TEXT = QT_TRANSLATE_NOOP("AnnotationPanel", "Select an annotation to edit it.")
SEVERAL_VALUES = QT_TRANSLATE_NOOP("AnnotationPanel", "(several values)")

_COMMON_UNITS = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR", "RUB",
                 "%", "bp", "people", "jobs", "units", "t", "kg", "km", "nmi", "MW", "GW",
                 "PFLOPS", "MP", "in", "years", "months", "days")


def parse_number(text: str, language: str = "en") -> float | None:
    """Reads the Value field as the amount reader reads the article; ``None`` for blank.

    The rule is :func:`desktop.core.numbers.parse_number`'s: "2.000" is 2000
    in a French article and 2.0 in an English one.

    Raises:
        ValueError: ``text`` is not blank and not a finite number.
    """
    from desktop.core import numbers

    if not text.strip():
        return None
    value = numbers.parse_number(text, language)
    if value is None:
        raise ValueError(f"{text!r} is not a number")
    return value


def editable_number(value: float, language: str = "en") -> str:
    """Writes ``value`` exactly enough to edit, thousands apart ("38 000 000 000").

    The list shows the compact form of :mod:`desktop.core.formatting`
    ("3.8e10"); the editor shows every digit, with the article's decimal
    mark, so changing one loses nothing and it reads back as it was.
    """
    from desktop.core import numbers

    return numbers.editable_number(value, language)


@dataclass(eq=False)
class _PaneList:
    """The list of one reader pane's article, with what the panel knows of it."""

    tree: QTreeView
    model: AnnotationTreeModel
    article_id: int | None = None
    language: str | None = None  # the article's; None: not read yet
    records: dict[int, AnnotationRecord] = field(default_factory=dict)  # filtered or not
    collapsed: set[int] = field(default_factory=set)
    filters: tuple[int | None, int | None] = (None, None)  # what it was built with
    stale: bool = False  # something changed it while another pane had the focus
    annotators: AnnotatorFilter = EVERYONE  # the pane's
    shown: set[int] | None = None  # the ids ``annotators`` lets through (None: all)


class AnnotationPanel(QWidget):
    """Lists the open article's annotations by label and edits the selected ones.

    Signals:
        annotation_activated(int): the user chose an annotation in the list
            (to show it in the reader).
        edit_requested(list, dict): the user changed fields of the selected
            annotations (their ids, in list order), all to the same values;
            keys are among ``label_id``, ``entity`` (a name; "" unlinks),
            ``value``, ``value_high``, ``unit``, ``approx`` and ``note``.
        delete_requested(list): the user asked to delete these annotation ids.
    """

    annotation_activated = Signal(int)
    edit_requested = Signal(list, dict)
    delete_requested = Signal(list)
    typing_kept = Signal(str)  # what was typed survived a change made elsewhere: say so

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label_filter: int | None = None
        self._entity_filter: int | None = None
        self._labels: dict[int, LabelRecord] = {}
        self._record: AnnotationRecord | None = None  # the current one
        self._editing: list[AnnotationRecord] = []  # what the editor edits: the selection
        self._loaded_text: dict[QLineEdit, str] = {}
        self._completer_label: tuple[int, ...] | None = None  # whose entities are offered
        self._combo_labels: tuple[tuple[int, str, str], ...] = ()  # what the label list shows
        self._selecting = False
        self._current_before_press: int | None = None
        # The columns share the list's width and grow with it (see _share_width);
        # a column the user drags keeps its new share.
        self._shares = list(COLUMN_SHARES)
        self._sharing = False
        # More rows of a label are shown when the last shown one nears the view.
        self._show_more_timer = QTimer(self, singleShot=True, interval=0)
        self._show_more_timer.timeout.connect(self._show_more_near_view)
        self.stack = QStackedWidget(self)
        # One list for each reader pane, kept while the pane is open (see set_article).
        self._lists: dict[object, _PaneList] = {}
        self._spare: _PaneList | None = None  # a closed pane's list, for the next one
        self._list = self._new_list()
        self._lists[None] = self._list

        self.empty_label = QLabel(self.tr(EMPTY_TEXT), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(16)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack.insertWidget(0, self.empty_label)

        self.editor = self._build_editor()
        self._retranslate()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.editor)
        self.set_article(None)

    # --- public API ----------------------------------------------------------

    def model(self) -> AnnotationTreeModel:
        """The list's model: label rows, each holding its annotation rows."""
        return self._model

    def set_article(self, article_id: int | None,
                    records: list[AnnotationRecord] | Callable[[], list[AnnotationRecord]]
                    | None = None,
                    language: str | None = None, pane: object = None) -> None:
        """Shows the annotations of this article (``None``: nothing open).

        Args:
            article_id: the article, or ``None``.
            records: its annotations, when the caller has them already;
                ``None`` reads them from the database.
            language: the language the article's numbers are written in
                ("fr", "en"), which decides how a typed value reads ("2.000");
                ``None`` keeps the one already known for this article, or
                reads it from the database when first needed.
            pane: the reader pane it is shown in (any key). Each pane keeps its
                own list while it is open: focusing a pane again shows its list
                as it was (folds, selection, scroll) without building it again.
                ``None``: the list in view.
        """
        if pane is not None and self._switch_to(pane, article_id):
            return
        if callable(records):
            records = records()
        same = article_id == self._article_id
        if not same:
            self._collapsed.clear()
            self._language = None
        if language is not None:
            self._language = language
        self._article_id = article_id
        self._load(records)
        self._rebuild(keep=self.selected_annotation_ids() if same else None, keep_scroll=same)

    def article_id(self) -> int | None:
        return self._article_id

    def forget(self, pane: object) -> None:
        """Drops the list of a pane that closed."""
        entry = self._lists.get(pane)
        if entry is None or entry is self._list:
            return
        del self._lists[pane]
        if self._spare is None:
            # Kept, emptied, for the next pane: a list already laid out and shown
            # once is cheaper to show again than a new one (about 1 ms).
            entry.model.reset((), (), {})
            entry.article_id, entry.language, entry.records = None, None, {}
            entry.annotators, entry.shown = EVERYONE, None
            entry.collapsed.clear()
            entry.stale = True
            self._spare = entry
            return
        self.stack.removeWidget(entry.tree)
        entry.tree.deleteLater()

    def mark_stale(self, pane: object) -> None:
        """The pane's annotations changed while another had the focus: its list is
        built again when it is next shown."""
        entry = self._lists.get(pane)
        if entry is not None and entry is not self._list:
            entry.stale = True

    def set_annotator_filter(self, pane: object, annotators: AnnotatorFilter) -> None:
        """Lists only the annotations of ``pane`` that ``annotators`` lets through (as
        the pane highlights them); its list is built again now, or when next shown."""
        entry = self._entry_for(pane)
        if entry.annotators == annotators:
            return
        entry.annotators = annotators
        if entry is self._list:
            self._rebuild(keep=self.selected_annotation_ids(), keep_scroll=True)
        else:
            entry.stale = True

    def _entry_for(self, pane: object) -> _PaneList:
        """The list of ``pane``, taken or made the first time."""
        entry = self._lists.get(pane)
        if entry is None:
            if self._lists.get(None) is self._list:  # the first pane takes the first list
                entry = self._lists.pop(None)
            elif self._spare is not None:  # a closed pane's
                entry, self._spare = self._spare, None
            else:
                entry = self._new_list()
            self._lists[pane] = entry
        return entry

    def _switch_to(self, pane: object, article_id: int | None) -> bool:
        """Puts ``pane``'s list in view; True if it shows ``article_id`` as it is now."""
        entry = self._entry_for(pane)
        if entry is self._list:
            return False  # the same pane: its article, or more of its annotations
        self._list = entry
        self._completer_label = None
        self._share_width()
        fresh = (not entry.stale and entry.article_id == article_id
                 and entry.filters == (self._label_filter, self._entity_filter))
        if not fresh:
            entry.stale = False
            return False
        self._update_empty_state()
        current = self.tree.currentIndex()
        annotation_id = current.data(ANNOTATION_ID_ROLE) if current.isValid() else None
        self._show_in_editor(self._records.get(annotation_id)
                             if annotation_id is not None else None)
        return True

    def _new_list(self) -> _PaneList:
        """A list (tree and model) for one more pane, in the stack, wired to the panel."""
        model = AnnotationTreeModel(parent=self)
        tree = QTreeView(self)
        entry = _PaneList(tree, model)
        model.rowsInserted.connect(lambda *args: self._if_current(
            entry, self._on_rows_inserted, *args))
        tree.setModel(model)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setAllColumnsShowFocus(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(lambda *args: self._if_current(
            entry, self._on_section_resized, *args))
        tree.installEventFilter(self)
        tree.viewport().installEventFilter(self)
        selection = tree.selectionModel()
        selection.currentChanged.connect(lambda *args: self._if_current(
            entry, self._on_current_changed, *args))
        selection.selectionChanged.connect(lambda *args: self._if_current(
            entry, self._on_selection_changed, *args))
        tree.clicked.connect(lambda *args: self._if_current(entry, self._on_clicked, *args))
        tree.collapsed.connect(lambda *args: self._if_current(entry, self._on_collapsed, *args))
        tree.expanded.connect(lambda *args: self._if_current(entry, self._on_expanded, *args))
        scroll_bar = tree.verticalScrollBar()
        scroll_bar.valueChanged.connect(lambda *args: self._if_current(
            entry, self._on_scrolled, *args))
        scroll_bar.rangeChanged.connect(lambda *args: self._if_current(
            entry, self._on_scrolled, *args))
        self.stack.addWidget(tree)
        return entry

    def _if_current(self, entry: _PaneList, slot: Callable[..., None], *args: Any) -> None:
        """Calls ``slot`` for a signal of ``entry``'s tree only while it is the one in view."""
        if entry is self._list:
            slot(*args)

    # The state of the list in view (each pane's list keeps its own).

    @property
    def tree(self) -> QTreeView:
        return self._list.tree

    @property
    def _model(self) -> AnnotationTreeModel:
        return self._list.model

    @property
    def _viewport(self) -> QWidget:
        return self._list.tree.viewport()

    @property
    def _article_id(self) -> int | None:
        return self._list.article_id

    @_article_id.setter
    def _article_id(self, value: int | None) -> None:
        self._list.article_id = value

    @property
    def _language(self) -> str | None:
        return self._list.language

    @_language.setter
    def _language(self, value: str | None) -> None:
        self._list.language = value

    @property
    def _records(self) -> dict[int, AnnotationRecord]:
        return self._list.records

    @_records.setter
    def _records(self, value: dict[int, AnnotationRecord]) -> None:
        self._list.records = value

    @property
    def _collapsed(self) -> set[int]:
        return self._list.collapsed

    def refresh(self) -> None:
        """Reads the annotations again, keeping the selection, folds and scroll position."""
        self._completer_label = None
        self._labels = {}  # perhaps changed too: read again
        self._load(None)
        self._rebuild(keep=self.selected_annotation_ids(), keep_scroll=True)

    def apply_change(self, records: list[AnnotationRecord], removed_ids: list[int]) -> None:
        """Shows annotations added, edited, removed or restored since the list was built.

        Costs a binary search and a row signal per annotation named, however many
        the article has. Annotations of other articles are ignored.

        Args:
            records: the annotations as they are now (new ones or edited ones).
            removed_ids: annotations that no longer exist.
        """
        if self._article_id is None:
            return
        changed = {r.id: r for r in records
                   if r.id is not None and r.article_id == self._article_id}
        removed = {i for i in removed_ids if i in self._records}
        if not changed and not removed:
            return
        keep = self.selected_annotation_ids()
        current = self.current_annotation_id()
        unknown = {r.entity_id for r in changed.values()
                   if r.entity_id is not None and not self._model.knows_entity(r.entity_id)}
        if unknown:
            self._model.add_entity_names(store.entity_names(unknown))
            self._completer_label = None  # perhaps a new entity: offer it next time
        if self._list.annotators.mode == DIFFER_MODE:
            # Where they differ depends on every annotation: others may come or go.
            for annotation_id in removed:
                del self._records[annotation_id]
            self._records.update(changed)
            self._rebuild(keep=[i for i in keep if i not in removed], keep_scroll=True)
            return
        self._selecting = True
        try:
            for annotation_id in removed:
                del self._records[annotation_id]
                self._model.remove(annotation_id)
            for annotation_id, record in changed.items():
                self._records[annotation_id] = record
                if self._passes_filter(record):
                    self._model.upsert(record)
                else:
                    self._model.remove(annotation_id)
        finally:
            self._selecting = False
        self._update_empty_state()
        if (removed | changed.keys()) & {current, *keep}:
            self._restore_selection([i for i in keep if i not in removed],
                                    None if current in removed else current)
        else:
            self._update_delete_button()

    def on_change(self, change: Change) -> None:
        """Follows a change from the runner: shows what it carries, reads nothing back.

        After a failed write (``reload``) or a change of labels it reads its
        article's annotations again.
        """
        for entry in self._lists.values():
            if entry is not self._list and entry.article_id is not None and (
                    change.reload or change.labels or change.entities
                    or change.for_article(entry.article_id)
                    or any(entry.model.knows_entity(entity_id)
                           and entry.model.entity_name(entity_id) != name
                           for entity_id, name in change.entity_names.items())
                    or entry.article_id in change.articles_edited):
                entry.stale = True  # built again when its pane has the focus
        if self._article_id is not None and self._article_id in change.articles_edited:
            # Its language may have changed: typed numbers and counted nouns follow.
            self._language = None
            self._rebuild(keep=self.selected_annotation_ids(), keep_scroll=True)
        if change.reload or change.labels:
            self.refresh()
            return
        if change.relations:
            self._show_links()  # links made or undone: "Linked to: …" follows
        if change.entities:
            self._completer_label = None  # perhaps a new entity: offer it next time
        if self._article_id is None or not change.for_article(self._article_id):
            return
        if change.entity_names:
            self._model.add_entity_names(dict(change.entity_names))
        self.apply_change(list(change.present), sorted(change.removed_ids))

    def set_filter(self, label_id: int | None = None, entity_id: int | None = None) -> None:
        """Lists only annotations with this label and/or entity (``None``: any)."""
        self._label_filter, self._entity_filter = label_id, entity_id
        self._rebuild(keep=self.selected_annotation_ids(), keep_scroll=True)

    def select_annotation(self, annotation_id: int) -> bool:
        """Makes this annotation current and shows it in the editor, without emitting.

        Returns:
            False if it is not listed (another article, or filtered out).
        """
        index = self._model.reveal(annotation_id)
        if not index.isValid():
            return False
        self.tree.expand(index.parent())
        self._set_current(index)
        self.tree.scrollTo(index)
        return True

    def current_annotation_id(self) -> int | None:
        """The current annotation (the list's cursor), or ``None``.

        The editor edits the selected annotations (:meth:`editing_ids`).
        """
        return self._record.id if self._record else None

    def selected_annotation_ids(self) -> list[int]:
        """The selected annotations, in list order."""
        rows = sorted((index.parent().row(), index.row(), index.data(ANNOTATION_ID_ROLE))
                      for index in self.tree.selectionModel().selectedRows(0)
                      if index.parent().isValid())
        return [annotation_id for _group, _row, annotation_id in rows]

    def editing_ids(self) -> list[int]:
        """The annotations the editor edits: the selected ones, else the current one."""
        return [r.id for r in self._editing if r.id is not None]

    def annotation_count(self) -> int:
        """How many annotations are listed."""
        return self._model.annotation_count()

    # --- building the list ---------------------------------------------------

    def _load(self, records: list[AnnotationRecord] | None) -> None:
        """Takes the article's annotations (read again when ``records`` is ``None``)."""
        if records is None:
            records = (store.annotations_for_article(self._article_id)
                       if self._article_id is not None else [])
        self._records = {r.id: r for r in records if r.id is not None}
        if not self._labels:  # read once, and again after a change of labels (refresh)
            self._labels = {label.id: label for label in store.labels()}

    def _passes_filter(self, record: AnnotationRecord) -> bool:
        return ((self._label_filter is None or record.label_id == self._label_filter)
                and (self._entity_filter is None or record.entity_id == self._entity_filter)
                and self._annotator_shows(record))

    def _annotator_shows(self, record: AnnotationRecord) -> bool:
        """Whether the pane's annotator filter lets this annotation through."""
        annotators, shown = self._list.annotators, self._list.shown
        if annotators.mode == DIFFER_MODE:
            return shown is None or record.id in shown
        return not annotators.on or record.author == annotators.author

    def _rebuild(self, keep: list[int] | None, keep_scroll: bool) -> None:
        scroll = self.tree.verticalScrollBar().value() if keep_scroll else 0
        shown = self._model.shown_counts() if keep_scroll else None
        current = self.current_annotation_id() if keep is not None else None
        records = self._records.values()
        names = store.entity_names({r.entity_id for r in records if r.entity_id is not None})
        self._list.shown = shown_ids(self._list.annotators, records)
        unfiltered = (self._label_filter is None and self._entity_filter is None
                      and not self._list.annotators.on)
        listed = records if unfiltered else filter(self._passes_filter, records)
        self._model.set_appearance(self.font(),
                                   self.palette().color(QPalette.ColorRole.PlaceholderText))
        self._list.filters = (self._label_filter, self._entity_filter)
        self._selecting = True
        try:
            self._model.reset(listed, self._labels.values(), names, shown,
                              self._number_language() or None)
            self._show_groups(0, len(self._model.label_ids()) - 1)
        finally:
            self._selecting = False
        self._update_empty_state()
        self._restore_selection(keep or [], current)
        self.tree.verticalScrollBar().setValue(scroll)

    def _show_groups(self, first: int, last: int) -> None:
        """Spans these label rows across the columns and unfolds those not folded."""
        root = QModelIndex()
        for row in range(first, last + 1):
            self.tree.setFirstColumnSpanned(row, root, True)
            group = self._model.index(row, 0)
            if group.data(LABEL_ID_ROLE) not in self._collapsed:
                self.tree.expand(group)

    def _update_empty_state(self) -> None:
        if self._article_id is None:
            self.empty_label.setText(self.tr(NO_ARTICLE_TEXT))
        elif not self._records:
            self.empty_label.setText(self.tr(EMPTY_TEXT))
        else:
            self.empty_label.setText(self.tr(NO_MATCH_TEXT))
        listed = self._model.annotation_count() > 0
        self.stack.setCurrentWidget(self.tree if listed else self.empty_label)
        self.editor.setVisible(listed)

    def _restore_selection(self, keep: list[int], current: int | None) -> None:
        if current is not None and self._model.record(current) is not None:
            target: int | None = current
        else:
            target = next((i for i in keep if self._model.record(i) is not None), None)
        if target is None:
            self._selecting = True
            try:
                self.tree.selectionModel().clear()
            finally:
                self._selecting = False
            self._show_in_editor(None)
            return
        others = QItemSelection()
        for annotation_id in keep:
            if annotation_id != target:
                index = self._model.reveal(annotation_id)
                if index.isValid():
                    others.select(index, index)
        # The others in one go (one signal), then the editor once for them all.
        self._set_current(self._model.reveal(target), others)

    def _set_current(self, index: QModelIndex, others: QItemSelection | None = None) -> None:
        """Makes ``index`` current and the selection (with ``others``); fills the editor."""
        selection = self.tree.selectionModel()
        self._selecting = True
        try:
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            if others is not None and not others.isEmpty():
                selection.select(others, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._selecting = False
        self._show_in_editor(self._records.get(index.data(ANNOTATION_ID_ROLE)))

    def _show_more_near_view(self) -> None:
        """Shows more rows of each unfolded label whose last shown row is in or near view."""
        height = self._viewport.height()
        for label_id in self._model.label_ids():
            group = self._model.group_index(label_id)
            if not self._model.can_show_more(group) or not self.tree.isExpanded(group):
                continue
            last = self._model.index(self._model.rowCount(group) - 1, 0, group)
            # Rows added below one already in view do not move what the user sees.
            if 0 <= self.tree.visualRect(last).top() < 2 * height:
                self._model.show_more(group)

    # --- the editor ------------------------------------------------------------

    def _build_editor(self) -> QWidget:
        editor = QWidget(self)
        self.quote_label = QLabel(editor)
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.quote_label.font())
        bold.setBold(True)
        self.quote_label.setFont(bold)

        self.label_combo = QComboBox(editor)
        self.label_combo.activated.connect(self._on_label_chosen)
        self.entity_edit = QLineEdit(editor)
        self.entity_edit.setClearButtonEnabled(True)
        self.entity_completions = QStringListModel(self)
        self.entity_completer = QCompleter(self.entity_completions, self)
        self.entity_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.entity_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entity_edit.setCompleter(self.entity_completer)
        self.entity_completer.activated.connect(self._on_entity_completed)
        self.entity_edit.editingFinished.connect(self._on_entity_finished)

        self.value_edit = QLineEdit(editor)
        self.value_high_edit = QLineEdit(editor)
        for edit, key in ((self.value_edit, "value"), (self.value_high_edit, "value_high")):
            edit.textEdited.connect(lambda _text, e=edit: self._validate(e))
            edit.editingFinished.connect(lambda e=edit, k=key: self._on_number_finished(e, k))
        self.unit_edit = QLineEdit(editor)
        unit_completer = QCompleter(list(_COMMON_UNITS), self.unit_edit)
        unit_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.unit_edit.setCompleter(unit_completer)
        self.unit_edit.editingFinished.connect(self._on_unit_finished)
        self.approx_check = QCheckBox(editor)
        self.approx_check.clicked.connect(self._on_approx_clicked)
        self.note_edit = QLineEdit(editor)
        self.note_edit.editingFinished.connect(self._on_note_finished)
        self.links_label = QLabel(editor)  # read-only: "Linked to: AWS (deal)" (Edit ▸ Link…)
        self.links_label.setWordWrap(True)
        self.links_label.setTextFormat(Qt.TextFormat.PlainText)
        self.links_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.links_label.hide()
        self._placeholders: dict[QLineEdit, str] = {}  # set by _retranslate
        self.error_label = QLabel(editor)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
        self.error_label.hide()

        self.delete_button = QPushButton(editor)
        self.delete_button.clicked.connect(self._request_delete)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._field_labels = {widget: QLabel(editor) for widget in (
            self.label_combo, self.entity_edit, self.value_edit, self.value_high_edit,
            self.unit_edit, self.note_edit)}
        for widget, field_label in self._field_labels.items():
            field_label.setBuddy(widget)
        form.addRow(self._field_labels[self.label_combo], self.label_combo)
        form.addRow(self._field_labels[self.entity_edit], self.entity_edit)
        form.addRow(self._field_labels[self.value_edit], self.value_edit)
        form.addRow(self._field_labels[self.value_high_edit], self.value_high_edit)
        form.addRow(self._field_labels[self.unit_edit], self.unit_edit)
        form.addRow("", self.approx_check)
        form.addRow(self._field_labels[self.note_edit], self.note_edit)
        form.addRow(self.links_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.quote_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return editor

    def _retranslate(self) -> None:
        """Sets the editor's fixed texts in the interface language."""
        for widget, text in ((self.label_combo, self.tr("Label")),
                             (self.entity_edit, self.tr("Entity")),
                             (self.value_edit, self.tr("Value")),
                             (self.value_high_edit, self.tr("Upper value")),
                             (self.unit_edit, self.tr("Unit")),
                             (self.note_edit, self.tr("Note"))):
            self._field_labels[widget].setText(text)
        self._placeholders = {self.entity_edit: self.tr("none"),
                              self.value_edit: self.tr("e.g. 3.8e10 or 38 000 000 000"),
                              self.value_high_edit: self.tr("only for a range"),
                              self.unit_edit: self.tr("e.g. USD"),
                              self.note_edit: ""}
        for edit, placeholder in self._placeholders.items():
            edit.setPlaceholderText(placeholder)
        self.approx_check.setText(self.tr("Approximate"))
        self.delete_button.setToolTip(self.tr("Delete the selected annotations (Del)"))
        self._update_delete_button()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._update_empty_state()
            self._show_in_editor(self._record)
        super().changeEvent(event)

    def _show_in_editor(self, record: AnnotationRecord | None) -> None:
        """Makes ``record`` current and fills the form with the selection.

        The form edits the selected annotations, or ``record`` when none is
        selected (empty and disabled when there is neither). A field the
        selected annotations share shows their value; one where they differ
        shows nothing and "(several values)", and is sent only if typed in.
        """
        self._record = record
        selected = [r for r in map(self._records.get, self.selected_annotation_ids())
                    if r is not None]
        records = selected or ([record] if record is not None else [])
        # A change made elsewhere to the annotations being edited does not wipe out
        # what the user is typing into a field: the text stays, to send or Esc.
        same = bool(records) and [r.id for r in records] == [r.id for r in self._editing]
        typing = {edit for edit in (self.entity_edit, self.value_edit, self.value_high_edit,
                                    self.unit_edit, self.note_edit)
                  if same and self._typed(edit)}
        self._editing = records
        label_ids = tuple(dict.fromkeys(r.label_id for r in records))
        kinds = {self._labels[i].kind if i in self._labels else None for i in label_ids}
        is_entity = kinds == {ENTITY}
        is_amount = kinds == {AMOUNT}
        self._fill_label_combo(label_ids[0] if len(label_ids) == 1 else None)
        self.label_combo.setPlaceholderText(self.tr(SEVERAL_VALUES) if len(label_ids) > 1
                                            else "")
        if not records:
            self.quote_label.setText(self.tr(NO_SELECTION_TEXT))
        elif len(records) == 1:
            self.quote_label.setText(quoted(one_line(records[0].quote, 200)))
        else:
            quotes = ", ".join(quoted(one_line(r.quote, 40)) for r in records[:12])
            self.quote_label.setText(one_line(self.tr("%n annotation(s): {quotes}", None,
                                                      len(records)).format(quotes=quotes), 200))

        def number(value: float | None) -> str:
            return "" if value is None else editable_number(value, self._number_language())

        # The values compared, and how the one they share reads (only it is written out).
        fields: dict[QLineEdit, tuple[set[Any], Callable[[Any], str]]] = {
            self.entity_edit: ({r.entity_id for r in records}, self._model.entity_name),
            self.value_edit: ({r.value for r in records}, number),
            self.value_high_edit: ({r.value_high for r in records}, number),
            self.unit_edit: ({r.unit or "" for r in records}, str),
            self.note_edit: ({r.note for r in records}, str),
        }
        for edit, (values, shown) in fields.items():
            several = len(values) > 1
            text = shown(next(iter(values))) if len(values) == 1 else ""
            if edit in typing and edit.text() != text:
                self.typing_kept.emit(self.tr(
                    "This annotation was just changed elsewhere; what you are typing is "
                    "kept: Enter applies it over that change."))
            else:
                with QSignalBlocker(edit):
                    edit.setText(text)
            edit.setPlaceholderText(self.tr(SEVERAL_VALUES) if several
                                    else self._placeholders.get(edit, ""))
            self._loaded_text[edit] = text
            self._set_invalid(edit, None)
        approx = {r.approx for r in records}
        with QSignalBlocker(self.approx_check):
            self.approx_check.setTristate(len(approx) > 1)
            self.approx_check.setCheckState(
                Qt.CheckState.PartiallyChecked if len(approx) > 1
                else Qt.CheckState.Checked if True in approx else Qt.CheckState.Unchecked)
        self.label_combo.setEnabled(bool(records))
        self.entity_edit.setEnabled(is_entity)
        for widget in (self.value_edit, self.value_high_edit, self.unit_edit,
                       self.approx_check):
            widget.setEnabled(is_amount)
        self.note_edit.setEnabled(bool(records))
        self._show_links()
        if is_entity and self._completer_label != label_ids:
            names = (store.entities_for_label(i) for i in label_ids)
            self.entity_completions.setStringList(
                list(dict.fromkeys(name for group in names for name in group)))
            self._completer_label = label_ids
        self._update_delete_button()

    def _show_links(self) -> None:
        """Shows what the one annotation in the editor is linked to, read from the
        relations: "Linked to: AWS (deal), OpenAI (deal)"; nothing for several."""
        from db.relation_kinds import links_of

        one = self._editing[0].id if len(self._editing) == 1 else None
        names = []
        for link in links_of([one]) if one is not None else []:
            other = link.target if link.source == one else link.source
            record = self._records.get(other) or reads.get_annotation(other)
            quote = one_line(record.quote, 40) if record is not None else f"#{other}"
            names.append(f"{quote} ({relation_kind_name(link.kind)})")
        self.links_label.setText(self.tr("Linked to: {names}").format(names=", ".join(names))
                                 if names else "")
        self.links_label.setVisible(bool(names))

    def _fill_label_combo(self, label_id: int | None) -> None:
        """Lists the labels (again only if they changed) and shows ``label_id``'s."""
        listed = tuple((label.id, label.name, label.color) for label in self._labels.values())
        with QSignalBlocker(self.label_combo):
            if listed != self._combo_labels:
                self.label_combo.clear()
                for label in self._labels.values():
                    self.label_combo.addItem(swatch(label.color), label.name, label.id)
                self._combo_labels = listed
            self.label_combo.setCurrentIndex(self.label_combo.findData(label_id))

    def _request_edit(self, changes: dict[str, Any]) -> None:
        """Asks for ``changes`` to every annotation the editor edits."""
        records = [r for r in self._editing if r.id is not None]
        if not records or not changes:
            return
        local = {("entity_id" if k == "entity" else k): v for k, v in changes.items()
                 if k != "entity"}
        # Kept as asked, so a repeated signal (leaving a field again) is not re-sent.
        self._editing = [replace(r, **local) for r in records]
        if self._record is not None:
            self._record = next((r for r in self._editing if r.id == self._record.id),
                                self._record)
        self.edit_requested.emit([r.id for r in records], changes)

    def _refuse(self, message: str) -> None:
        """Says in the editor why an edit was not asked for."""
        self.error_label.setText(message)
        palette = self.error_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, themes.error_color(
            self.palette().color(QPalette.ColorRole.Window)))
        self.error_label.setPalette(palette)
        self.error_label.show()

    def _number_language(self) -> str:
        """The open article's language, read once from the database if not given."""
        if self._language is None and self._article_id is not None:
            article = reads.get_article(self._article_id)
            self._language = article.language if article is not None else ""
        return self._language or ""

    def _validate(self, edit: QLineEdit) -> bool:
        """Marks ``edit`` red unless it holds a number or nothing; True if it does."""
        try:
            parse_number(edit.text(), self._number_language())
        except ValueError:
            self._set_invalid(edit, self.tr("“{text}” is not a number.").format(
                text=edit.text().strip()))
            return False
        self._set_invalid(edit, None)
        return True

    def _set_invalid(self, edit: QLineEdit, message: str | None) -> None:
        edit.setProperty("invalid", message is not None)
        palette = edit.palette()
        default = self.palette().color(QPalette.ColorRole.Text)
        palette.setColor(QPalette.ColorRole.Text, themes.error_color(
            self.palette().color(QPalette.ColorRole.Base)) if message else default)
        edit.setPalette(palette)
        edit.setToolTip(as_plain_text(message or ""))
        if message:
            self.error_label.setText(message)
            self.error_label.show()
        elif not any(e.property("invalid") for e in (self.value_edit, self.value_high_edit)):
            self.error_label.hide()

    # --- slots -------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting:
            return
        annotation_id = current.data(ANNOTATION_ID_ROLE) if current.isValid() else None
        self._show_in_editor(
            self._records.get(annotation_id) if annotation_id is not None else None)
        if annotation_id is not None:
            self.annotation_activated.emit(annotation_id)

    def _on_clicked(self, index: QModelIndex) -> None:
        annotation_id = index.data(ANNOTATION_ID_ROLE)
        # A click that made the row current was announced by _on_current_changed;
        # a click on the row already current is announced here (to show it again).
        if annotation_id is not None and annotation_id == self._current_before_press:
            self.annotation_activated.emit(annotation_id)

    def _on_selection_changed(self, *_args: object) -> None:
        if self._selecting:
            return  # the editor is filled once the selection is made
        self._show_in_editor(self._record)

    def _on_collapsed(self, index: QModelIndex) -> None:
        label_id = index.data(LABEL_ID_ROLE)
        if not self._selecting and index.data(ANNOTATION_ID_ROLE) is None and label_id:
            self._collapsed.add(label_id)

    def _on_expanded(self, index: QModelIndex) -> None:
        self._collapsed.discard(index.data(LABEL_ID_ROLE))

    def _on_scrolled(self, *_args: int) -> None:
        self._show_more_timer.start()  # not connected directly: start(int) takes milliseconds

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():  # a label's first annotation arrived
            self._show_groups(first, last)

    def _on_label_chosen(self, combo_index: int) -> None:
        records = self._editing
        label_id = self.label_combo.itemData(combo_index)
        if not records or label_id is None or all(r.label_id == label_id for r in records):
            return
        changes: dict[str, Any] = {"label_id": label_id}
        names = {self._model.entity_name(r.entity_id) for r in records}
        new_kind = self._labels[label_id].kind if label_id in self._labels else ENTITY
        if names != {""}:
            # An entity belongs to one label: keep the name, under the new label.
            if new_kind != ENTITY:
                changes["entity"] = ""
            elif len(names) == 1:
                changes["entity"] = names.pop()
            else:  # one edit gives them all one entity: it cannot keep several
                self._show_in_editor(self._record)
                self._refuse(self.tr("These annotations are linked to different entities "
                                     "(or some to none): change their label in groups that "
                                     "share one."))
                return
        self._request_edit(changes)

    def _on_entity_completed(self, text: str) -> None:
        self.entity_edit.setText(text)
        self._on_entity_finished()

    def _on_entity_finished(self) -> None:
        if not self._editing:
            return
        name = " ".join(self.entity_edit.text().split())
        if name == " ".join(self._loaded_text.get(self.entity_edit, "").split()):
            return
        self._loaded_text[self.entity_edit] = name
        self._request_edit({"entity": name})

    def _on_number_finished(self, edit: QLineEdit, key: str) -> None:
        if not self._editing or edit.text() == self._loaded_text.get(edit):
            self._set_invalid(edit, None)  # back to what was shown: nothing to send
            return
        if not self._validate(edit):
            return
        value = parse_number(edit.text(), self._number_language())
        if all(getattr(r, key) == value for r in self._editing):
            return
        self._loaded_text[edit] = edit.text()
        self._request_edit({key: value})

    def _typed(self, edit: QLineEdit) -> bool:
        """True if ``edit`` no longer holds what was shown (or last sent)."""
        return bool(self._editing) and edit.text() != self._loaded_text.get(edit)

    def _on_unit_finished(self) -> None:
        if not self._typed(self.unit_edit):
            return
        unit = self.unit_edit.text().strip() or None
        if all(r.unit == unit for r in self._editing):
            return
        self._loaded_text[self.unit_edit] = self.unit_edit.text()
        self._request_edit({"unit": unit})

    def _on_approx_clicked(self, checked: bool) -> None:
        if any(r.approx != checked for r in self._editing):
            self.approx_check.setTristate(False)  # the next click unticks them all
            self._request_edit({"approx": checked})

    def _on_note_finished(self) -> None:
        if not self._typed(self.note_edit):
            return
        note = self.note_edit.text().strip()
        if all(r.note == note for r in self._editing):
            return
        self._loaded_text[self.note_edit] = self.note_edit.text()
        self._request_edit({"note": note})

    # --- keys -----------------------------------------------------------------------

    def _share_width(self) -> None:
        """Gives each column its share of the list's width."""
        width = self._viewport.width()
        if width <= 0:
            return
        header = self.tree.header()
        self._sharing = True
        try:
            for column, share in enumerate(self._shares[:-1]):
                header.resizeSection(column, int(width * share))
            used = sum(header.sectionSize(c) for c in range(len(self._shares) - 1))
            header.resizeSection(len(self._shares) - 1, max(0, width - used))
        finally:
            self._sharing = False

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        width = self._viewport.width()
        if self._sharing or width <= 0 or column >= len(self._shares) - 1:
            return
        # The user dragged a column edge: the last column gives or takes the difference.
        self._shares[column] = new / width
        rest = 1.0 - sum(self._shares[:-1])
        self._shares[-1] = max(0.05, rest)
        self._share_width()

    def column_widths(self) -> list[int]:
        """The width of each column of the list, in pixels."""
        return [self.tree.header().sectionSize(c) for c in range(len(self._shares))]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if "_list" not in self.__dict__:  # the first list is being built
            return super().eventFilter(watched, event)
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._share_width()
        if watched is self._viewport and event.type() == QEvent.Type.MouseButtonPress:
            self._current_before_press = self.current_annotation_id()
        if (watched is self.tree and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)):
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._request_delete()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.current_annotation_id()
                if current is not None:
                    self.annotation_activated.emit(current)
                return True
        return super().eventFilter(watched, event)

    def _deletable_ids(self) -> list[int]:
        ids = self.selected_annotation_ids()
        if not ids and self._record is not None and self._record.id is not None:
            ids = [self._record.id]
        return ids

    def _request_delete(self) -> None:
        ids = self._deletable_ids()
        if ids:
            self.delete_requested.emit(ids)

    def _update_delete_button(self) -> None:
        count = len(self._deletable_ids())
        self.delete_button.setEnabled(count > 0)
        self.delete_button.setText(self.tr("Delete") if count <= 1
                                   else self.tr("Delete %n", None, count))
