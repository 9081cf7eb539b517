"""The Entities dock: every entity with its counts, to rename, merge, split and delete.

The list is read with two queries (:func:`db.entity_admin.entity_rows`) and
read again, a moment after any change of entities or annotations, only while
the dock is shown. The dock writes nothing itself: each action is a core
operation (:mod:`desktop.core.entity_operations`) run by the window's
:class:`~desktop.ui.commands.OperationRunner`, so it is one undo step and
every view follows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QToolButton,
    QWidget,
)

from db import entity_admin, reads
from db.entity_admin import EntityRow
from db.names import name_order
from db.records import ENTITY
from desktop.ui.dock_body import set_dock_body
from desktop.ui.filter_note import FilterNote
from desktop.ui.plain_text import as_plain_text
from desktop.ui.shortcuts import claim_menu_keys
from desktop.ui.swatch import swatch

if TYPE_CHECKING:
    from desktop.core.changes import Change
    from desktop.core.operations import Operation
    from desktop.ui.commands import OperationRunner
    from desktop.ui.workers import BackgroundTask

ModelIndex = QModelIndex | QPersistentModelIndex

ENTITY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Item data role holding the entity id of a row (same in every column)."""

NAME, LABEL, ALIASES, MENTIONS, ARTICLES = range(5)
# In English; the model shows them translated.
_HEADERS = (QT_TRANSLATE_NOOP("EntityTableModel", "Name"),
            QT_TRANSLATE_NOOP("EntityTableModel", "Label"),
            QT_TRANSLATE_NOOP("EntityTableModel", "Aliases"),
            QT_TRANSLATE_NOOP("EntityTableModel", "Mentions"),
            QT_TRANSLATE_NOOP("EntityTableModel", "Articles"))
_HEADER_TIPS = (QT_TRANSLATE_NOOP("EntityTableModel", "The entity's name"),
                QT_TRANSLATE_NOOP("EntityTableModel", "Its label"),
                QT_TRANSLATE_NOOP("EntityTableModel", "Other names that mean it"),
                QT_TRANSLATE_NOOP("EntityTableModel", "How many tags point to it"),
                QT_TRANSLATE_NOOP("EntityTableModel", "How many articles hold one of them"))
REFRESH_DELAY_MS = 120
"""How long after a change (or a keystroke in the search box) the list is read again."""

EMPTY_TEXT = QT_TRANSLATE_NOOP(  # shown translated
    "EntitiesDock",
    "No entities yet. Tag a name in the reader (select it, press 1–4) and it is listed here.")


def _sort_key(row: EntityRow, column: int) -> Any:
    if column == MENTIONS:
        return (row.mentions, row.articles)
    if column == ARTICLES:
        return (row.articles, row.mentions)
    if column == LABEL:
        return name_order(row.label)
    if column == ALIASES:
        return len(row.aliases)
    return name_order(row.name)


class EntityTableModel(QAbstractTableModel):
    """The listed entities, as rows, in the order of the chosen column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EntityRow] = []
        self._row_of: dict[int, int] = {}  # entity id → row
        self._colors: dict[int, str] = {}
        self._column = MENTIONS
        self._order = Qt.SortOrder.DescendingOrder

    # --- what the view asks -------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(_HEADER_TIPS[section])
        return None

    def event(self, event: QEvent) -> bool:
        # The dock passes a change of language on: the headers follow.
        if event.type() == QEvent.Type.LanguageChange:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADERS) - 1)
        return super().event(event)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == ENTITY_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ALIASES and row.aliases:
                return as_plain_text(self.tr("Also called: {names}").format(
                    names=", ".join(row.aliases)))
            if column in (MENTIONS, ARTICLES):
                return self.tr("%n tag(s) in {articles} — double-click to list those articles",
                               None, row.mentions).format(
                    articles=self.tr("%n article(s)", None, row.articles))
            return as_plain_text(self._text(row, column))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column in (MENTIONS, ARTICLES)
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == LABEL:
            color = self._colors.get(row.label_id)
            return swatch(color) if color else None
        return None

    @staticmethod
    def _text(row: EntityRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == LABEL:
            return row.label
        if column == ALIASES:
            return ", ".join(row.aliases)
        return str(row.mentions if column == MENTIONS else row.articles)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(_HEADERS):
            return
        self._column, self._order = column, order
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in old]
        self._sort()
        self.changePersistentIndexList(old, [self.index(self._row_of[i], index.column())
                                             for i, index in zip(ids, old, strict=True)])
        self.layoutChanged.emit()

    # --- what the dock asks --------------------------------------------------

    def set_rows(self, rows: Sequence[EntityRow], colors: dict[int, str]) -> None:
        """Lists ``rows`` in the current order, in place of those listed before."""
        self.beginResetModel()
        self._rows, self._colors = list(rows), dict(colors)
        self._sort()
        self.endResetModel()

    def entity(self, row: int) -> EntityRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, entity_id: int) -> int | None:
        return self._row_of.get(entity_id)

    def rows(self) -> list[EntityRow]:
        """The listed entities, in list order."""
        return list(self._rows)

    def _sort(self) -> None:
        column = self._column
        # Ties keep a stable alphabetical order whichever way the column goes.
        self._rows.sort(key=lambda r: (name_order(r.name), r.id))
        self._rows.sort(key=lambda r: _sort_key(r, column),
                        reverse=self._order == Qt.SortOrder.DescendingOrder)
        self._row_of = {row.id: i for i, row in enumerate(self._rows)}


class EntitiesDock(QDockWidget):
    """Lists the entities and runs the actions on them.

    Signals:
        filter_requested(object): the library should list only these article
            ids (a ``list[int]``), or every article again (``None``).
        panel_filter_requested(object, object): the annotation panel should
            list only this label id and/or entity id (``None``: any).
        open_requested(int): open this article (the first that mentions the
            entity chosen, when the open one does not).

    Attributes:
        refresh_timer: the single-shot timer that reads the list again, on a worker
            thread (after a change, or as the search is typed).
    """

    filter_requested = Signal(object)
    panel_filter_requested = Signal(object, object)
    open_requested = Signal(int)

    def __init__(self, runner: OperationRunner, current_article: Callable[[], int | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entities")  # saveState/restoreState need names
        self._runner = runner
        self._current_article = current_article
        self._stale = True
        self._filtered: int | None = None  # the entity the library and panel show
        self._reads = 0  # each read of the list is numbered: only the latest is shown
        self._reading: BackgroundTask | None = None
        self._read_again = False

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.refresh_in_background)

        body = QWidget(self)
        self.search_edit = QLineEdit(body)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _text: self.refresh_timer.start())
        self.label_combo = QComboBox(body)
        self.label_combo.currentIndexChanged.connect(lambda _i: self.refresh())

        self._model = EntityTableModel(self)
        self.table = QTableView(body)
        self.table.setModel(self._model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ALIASES, QHeaderView.ResizeMode.Stretch)
        for column, width in ((NAME, 220), (LABEL, 110)):
            header.resizeSection(column, width)
        header.setSortIndicator(MENTIONS, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self._keys: dict[str, QAction] = {}  # the keys the list takes, as text
        self.table.installEventFilter(self)
        self.rename_action = self._action(self.rename_selected, "F2")
        self.merge_action = self._action(self.merge_selected)
        self.split_action = self._action(self.split_selected)
        self.delete_action = self._action(self.delete_selected,
                                          QKeySequence(QKeySequence.StandardKey.Delete))

        self.status_label = QLabel(body)
        self.status_label.setWordWrap(True)  # a long count line wraps, not widens the window
        self.status_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self.filter_note = FilterNote(body)
        self.filter_note.clear_requested.connect(self.clear_filter)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.label_combo)
        buttons = QHBoxLayout()
        for action in (self.rename_action, self.merge_action, self.split_action,
                       self.delete_action):
            button = QToolButton(body)
            button.setDefaultAction(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.filter_note)
        buttons.addWidget(self.status_label)
        set_dock_body(self, body, (search_row, 0), (self.table, 1), (buttons, 0))
        self.setFocusProxy(self.search_edit)  # View ▸ Entities: type to filter

        runner.changed.connect(self.on_change)
        self.visibilityChanged.connect(self._on_visibility_changed)
        self._retranslate()
        self._fill_labels()
        self.refresh()

    def _retranslate(self) -> None:
        """Sets the dock's fixed texts in the interface language."""
        self.setWindowTitle(self.tr("Entities"))
        self.search_edit.setPlaceholderText(self.tr("Filter by name or alias…"))
        self.search_edit.setAccessibleName(self.tr("Filter entities"))
        self.label_combo.setToolTip(self.tr("List the entities of one label only"))
        for action, text, tip in (
                (self.rename_action, self.tr("&Rename…"),
                 self.tr("Give the entity another name (F2)")),
                (self.merge_action, self.tr("&Merge into…"),
                 self.tr("Make the selected entities one: their tags point to the one you "
                         "choose, their names become its aliases")),
                (self.split_action, self.tr("&Split alias off…"),
                 self.tr("Make one of the entity's aliases an entity of its own, with the "
                         "tags that use it")),
                (self.delete_action, self.tr("&Delete…"),
                 self.tr("Delete the entity and every tag that mentions it"))):
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        header = self.table.horizontalHeader()
        for column in (MENTIONS, ARTICLES):  # as wide as their titles
            title = str(self._model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, self.fontMetrics().horizontalAdvance(title) + 24)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._fill_labels()
            self._update_status()
        super().changeEvent(event)

    def _action(self, slot: Callable[[], object],
                shortcut: str | QKeySequence | None = None) -> QAction:
        """An action on the selected entities; its texts are set by _retranslate."""
        action = QAction(self)
        if shortcut is not None:
            # Shown in the menus; the list takes the key itself (eventFilter):
            # F2 and Delete mean other things elsewhere in the window.
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self._keys[action.shortcut().toString()] = action
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """F2 and Delete in the list run its actions, before any window shortcut."""
        if watched is self.table and event.type() in (QEvent.Type.ShortcutOverride,
                                                       QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            action = self._keys.get(QKeySequence(event.keyCombination()).toString())
            if action is not None:
                event.accept()  # the list's, not a window shortcut's
                if event.type() == QEvent.Type.KeyPress and action.isEnabled():
                    action.trigger()
                return True
        return super().eventFilter(watched, event)

    # --- public API ----------------------------------------------------------

    def model(self) -> EntityTableModel:
        return self._model

    def refresh(self) -> None:
        """Reads the list again now, keeping the selection and scroll position."""
        self.refresh_timer.stop()
        self._stale = False
        self._reads += 1
        self._show_rows(*_read_rows(self.search_edit.text(), self.label_combo.currentData()))

    def refresh_in_background(self) -> None:
        """Reads the list again on a worker thread, then shows it as :meth:`refresh` does.

        Counting the mentions of every entity reads every annotation linked to one
        (0.2-0.3 s for 20,000 entities over a million annotations): after each change,
        or each pause in typing the search, that froze the window. A read asked for
        while one runs starts when it ends, and the running one is not shown; nor is
        a read overtaken by a newer one done at once.
        """
        self.refresh_timer.stop()
        if self._reading is not None:
            self._reads += 1  # what it reads is not what is asked now: it is not shown
            self._read_again = True
            return
        from desktop.ui.workers import BackgroundTask

        self._stale = False
        self._reads += 1
        number, text, label_id = self._reads, self.search_edit.text(), \
            self.label_combo.currentData()
        task = BackgroundTask(lambda progress, cancel: _read_rows(text, label_id), self)
        task.succeeded.connect(lambda read: self._on_read(number, read))
        task.failed.connect(lambda reason: self._on_read_failed(number, reason))
        task.done.connect(lambda: self._on_read_done(task))
        self._reading = task
        task.start()

    def is_reading(self) -> bool:
        """Whether a read of the list runs on a worker thread."""
        return self._reading is not None

    def wait(self) -> None:
        """Waits for the read on a worker thread, if any (before the window closes or the
        database is replaced); no other starts after it."""
        self.refresh_timer.stop()
        self._read_again = False
        self._reads += 1  # what it read (from a database about to be replaced) is not shown
        if self._reading is not None:
            self._reading.wait()

    def on_change(self, change: Change) -> None:
        """Reads the list again soon after entities or annotations changed (if shown)."""
        if change.labels:
            self._fill_labels()
        if not (change.entities or change.labels or change.reload or change.added
                or change.updated or change.removed or change.articles_added):
            return
        self._stale = True
        if self.isVisible():
            self.refresh_timer.start()

    def selected_ids(self) -> list[int]:
        """The selected entities, in list order."""
        return [row.id for row in self.selected_rows()]

    def selected_rows(self) -> list[EntityRow]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [r for r in map(self._model.entity, rows) if r is not None]

    def select_entities(self, entity_ids: Sequence[int]) -> None:
        """Selects these entities (the first one current) and scrolls to it."""
        self._select(list(entity_ids), entity_ids[0] if entity_ids else None)

    def rename_selected(self) -> bool:
        """Asks for a new name of the selected entity and renames it."""
        from desktop.core.entity_operations import RenameEntity

        rows = self.selected_rows()
        if len(rows) != 1:
            return False
        row = rows[0]
        name, ok = QInputDialog.getText(
            self, self.tr("Rename entity"),
            as_plain_text(self.tr("New name for “{name}” ({label}):").format(
                name=row.name, label=row.label)),
            QLineEdit.EchoMode.Normal, row.name)
        if not ok or " ".join(name.split()) == row.name:
            return False
        return self._run(RenameEntity(row.id, name, name=self.tr("Rename “{name}”").format(
            name=row.name)), [row.id])

    def merge_selected(self) -> bool:
        """Asks which of the selected entities the others merge into, and merges them."""
        from desktop.core.entity_operations import MergeEntities

        rows = sorted(self.selected_rows(), key=lambda r: (-r.mentions, name_order(r.name)))
        if len(rows) < 2:
            return False
        items = [self.tr("{name} ({label}, %n tag(s))", None, r.mentions).format(
                     name=r.name, label=r.label) for r in rows]
        question = (self.tr("Merge the 2 selected entities into which one?\nThe tags of the "
                            "other one will point to it, and the other's name and aliases "
                            "will be kept as its aliases.") if len(rows) == 2 else
                    self.tr("Merge the {count} selected entities into which one?\nThe tags "
                            "of the other {others} will point to it, and their names and "
                            "aliases will be kept as its aliases.").format(
                        count=len(rows), others=len(rows) - 1))
        choice, ok = QInputDialog.getItem(
            self, self.tr("Merge entities"), question, items, 0, False)
        if not ok or choice not in items:
            return False
        target = rows[items.index(choice)]
        sources = [r.id for r in rows if r is not target]
        return self._run(MergeEntities(sources, target.id, name=self.tr(
            "Merge into “{name}”").format(name=target.name)), [target.id])

    def split_selected(self) -> bool:
        """Asks which alias of the selected entity becomes an entity of its own."""
        from desktop.core.entity_operations import SplitAlias

        rows = self.selected_rows()
        if len(rows) != 1 or not rows[0].aliases:
            return False
        row = rows[0]
        alias, ok = QInputDialog.getItem(
            self, self.tr("Split alias off"),
            as_plain_text(self.tr("Which name of “{name}” becomes an entity of its own?\n"
                                  "The tags that read that name move to it.").format(
                name=row.name)),
            list(row.aliases), 0, False)
        if not ok or alias not in row.aliases:
            return False
        op = SplitAlias(row.id, alias, name=self.tr("Split “{alias}” off").format(alias=alias))
        if not self._run(op, []):
            return False
        self.select_entities([op.new_id] if op.new_id is not None else [row.id])
        return True

    def delete_selected(self) -> bool:
        """Asks for confirmation (with what goes), then deletes the selected entity."""
        from desktop.core.entity_operations import DeleteEntity

        rows = self.selected_rows()
        if len(rows) != 1:
            return False
        row = rows[0]
        answer = QMessageBox.question(
            self, self.tr("Delete entity"), as_plain_text(self.delete_question(row)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._run(DeleteEntity(row.id, name=self.tr("Delete “{name}”").format(
            name=row.name)), [])

    def delete_question(self, row: EntityRow) -> str:
        """What the confirmation says: the entity and everything that goes with it."""
        if row.aliases:
            goes = self.tr("Delete “{name}” ({label}) with its %n alias(es)", None,
                           len(row.aliases)).format(name=row.name, label=row.label)
        else:
            goes = self.tr("Delete “{name}” ({label})").format(name=row.name, label=row.label)
        if row.mentions:
            text = self.tr("{question}?\n\n%n tag(s) in {articles} will be removed with it.",
                           None, row.mentions).format(
                question=goes, articles=self.tr("%n article(s)", None, row.articles))
        else:
            text = self.tr("{question}?\n\nNo tag mentions it.").format(question=goes)
        return text + "\n" + self.tr("Edit ▸ Undo brings everything back.")

    def show_articles_of(self, entity_id: int) -> None:
        """Lists the articles that mention the entity, and its tags in the panel."""
        ids = entity_admin.articles_mentioning(entity_id)
        position = self._model.row_of(entity_id)
        row = self._model.entity(position) if position is not None else None
        name = row.name if row is not None else self.tr("the entity")
        self._filtered = entity_id
        self.filter_requested.emit(ids)
        self.panel_filter_requested.emit(None, entity_id)
        self.filter_note.say(self.tr("Showing the %n article(s) that mention(s) “{name}”", None,
                                     len(ids)).format(name=name))
        self._update_status()
        if ids and self._current_article() not in ids:
            self.open_requested.emit(ids[0])

    def clear_filter(self) -> None:
        """Lists every article and annotation again."""
        self.on_filter_cleared()
        self.filter_requested.emit(None)
        self.panel_filter_requested.emit(None, None)

    def on_filter_cleared(self) -> None:
        """The library lists every article again (its Show all): forget the filter."""
        self._filtered = None
        self.filter_note.hide()
        self._update_status()

    # --- internals -----------------------------------------------------------

    def _run(self, operation: Operation, select: list[int]) -> bool:
        """Runs an operation; a refusal is shown with its reason. Then lists the result."""
        ok = self._runner.run(operation, quiet=True)
        if not ok:
            QMessageBox.warning(self, operation.name, as_plain_text(
                self._runner.last_error or self.tr("The change could not be made.")))
            return False
        self.refresh()
        if select:
            self.select_entities(select)
        return True

    def _fill_labels(self) -> None:
        chosen = self.label_combo.currentData()
        self.label_combo.blockSignals(True)
        try:
            self.label_combo.clear()
            self.label_combo.addItem(self.tr("All labels"), None)
            for label in reads.labels():
                if label.kind == ENTITY:
                    self.label_combo.addItem(swatch(label.color), label.name, label.id)
            index = self.label_combo.findData(chosen)
            self.label_combo.setCurrentIndex(max(0, index))
        finally:
            self.label_combo.blockSignals(False)

    def _select(self, entity_ids: list[int], current: int | None) -> None:
        selection = QItemSelection()
        for entity_id in entity_ids:
            row = self._model.row_of(entity_id)
            if row is not None:
                selection.select(self._model.index(row, 0),
                                 self._model.index(row, len(_HEADERS) - 1))
        model = self.table.selectionModel()
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        row = self._model.row_of(current) if current is not None else None
        if row is not None:
            model.setCurrentIndex(self._model.index(row, NAME),
                                  QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(self._model.index(row, NAME))
        self._update_actions()

    def _update_status(self) -> None:
        count = self._model.rowCount()
        if count:
            text = self.tr("%n entity(ies)", None, count)
            if self._filtered is None:  # say once how to see where one is mentioned
                text = self.tr("{entities} · double-click one to list its articles").format(
                    entities=text)
            self.status_label.setText(text)
        elif self.search_edit.text() or self.label_combo.currentData() is not None:
            self.status_label.setText(self.tr("No entity matches the filter."))
        else:
            self.status_label.setText(self.tr(EMPTY_TEXT))

    def _update_actions(self) -> None:
        rows = self.selected_rows()
        one = len(rows) == 1
        self.rename_action.setEnabled(one)
        self.merge_action.setEnabled(len(rows) >= 2)
        self.split_action.setEnabled(one and bool(rows[0].aliases))
        self.delete_action.setEnabled(one)

    # --- slots ---------------------------------------------------------------

    def _on_selection_changed(self, *_args: object) -> None:
        self._update_actions()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._stale:
            self.refresh_in_background()

    def _on_read(self, number: int, read: tuple[list[EntityRow], dict[int, str]]) -> None:
        if number == self._reads:  # else a newer read was asked for (or done) since
            self._show_rows(*read)

    def _on_read_failed(self, number: int, reason: str) -> None:
        self._stale = True
        if number != self._reads:
            return  # a newer read was asked for: it says how it went
        self.status_label.setText(self.tr("The list could not be read: {reason}").format(
            reason=reason))

    def _on_read_done(self, task: BackgroundTask) -> None:
        task.wait()  # its thread is ending: let it end before the task is deleted
        task.deleteLater()
        self._reading = None
        if self._read_again:
            self._read_again = False
            if self.isVisible():
                self.refresh_in_background()
            else:
                self._stale = True  # read when next shown

    def _show_rows(self, rows: list[EntityRow], colors: dict[int, str]) -> None:
        """Shows these rows, keeping the selection, the current row and the scroll position."""
        selected = self.selected_ids()
        current = self._model.entity(self.table.currentIndex().row())
        scroll = self.table.verticalScrollBar().value()
        self._model.set_rows(rows, colors)
        self._select(selected, current.id if current is not None else None)
        self.table.verticalScrollBar().setValue(scroll)
        self._update_status()


    def _on_double_clicked(self, index: QModelIndex) -> None:
        row = self._model.entity(index.row())
        if row is not None:
            self.show_articles_of(row.id)

    def _on_context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.rename_action, self.merge_action, self.split_action,
                       self.delete_action):
            menu.addAction(action)
        claim_menu_keys(menu)
        menu.exec(self.table.viewport().mapToGlobal(position))


def _read_rows(text: str, label_id: int | None) -> tuple[list[EntityRow], dict[int, str]]:
    """The entities the list shows (see :func:`db.entity_admin.entity_rows`) and the colour
    of each label; on any thread."""
    return (entity_admin.entity_rows(text, label_id),
            {label.id: label.color for label in reads.labels()})
