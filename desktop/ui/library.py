"""The library: a searchable, sortable list of every article.

:class:`LibraryModel` holds the ids of the listed articles only; rows become
visible a page at a time (``canFetchMore``/``fetchMore``) and their columns
are read from the database a page at a time, when a view first asks for them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import articles as article_store
from db import library
from db.annotations import annotation_counts
from db.library import LibraryRow
from desktop.core.sources import source_name
from desktop.ui.i18n import format_date
from desktop.ui.plain_text import as_plain_text
from desktop.ui.shortcuts import pop_up

if TYPE_CHECKING:
    from desktop.core.changes import Change

ModelIndex = QModelIndex | QPersistentModelIndex

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Item data role holding the article id of a row (same in every column)."""

TITLE, DATE, SOURCE, LANGUAGE, ANNOTATIONS = range(5)
_HEADERS = (QT_TRANSLATE_NOOP("LibraryModel", "Title"),
            QT_TRANSLATE_NOOP("LibraryModel", "Date"),
            QT_TRANSLATE_NOOP("LibraryModel", "Source"),
            QT_TRANSLATE_NOOP("LibraryModel", "Lang"),
            QT_TRANSLATE_NOOP("LibraryModel", "Tags"))  # translated where shown
_SORT_KEYS = ("title", "date", "source", "language", "annotations")
SEARCH_DELAY_MS = 150


class LibraryModel(QAbstractTableModel):
    """Article ids in list order, with their columns fetched a page at a time.

    Attributes:
        page_size: how many rows each ``fetchMore`` reveals and each database
            read fetches.
    """

    def __init__(self, parent: QObject | None = None, page_size: int = 200) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._search = ""
        self._sort_key = "date"
        self._descending = True
        self._filter_ids: list[int] | None = None
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._visible = 0
        self._revealing = False  # no nested fetchMore while rows are being inserted
        self._cache: dict[int, LibraryRow] = {}
        self._total = 0
        self._requery()

    # --- what the view asks -------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._visible

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return (not parent.isValid() and not self._revealing
                and self._visible < len(self._ids))

    def fetchMore(self, parent: ModelIndex) -> None:
        if self.canFetchMore(parent):
            self._reveal(min(len(self._ids), self._visible + self.page_size))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == ANNOTATIONS:
            return self.tr("Number of annotations in the article")
        if role == Qt.ItemDataRole.TextAlignmentRole and section == ANNOTATIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._visible:
            return None
        article_id = self._ids[index.row()]
        if role == ARTICLE_ID_ROLE:
            return article_id
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == ANNOTATIONS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.title if column == TITLE else row.source if column == SOURCE else None
            return as_plain_text(tip) if tip is not None else None
        if column == TITLE:
            return row.title
        if column == DATE:
            return format_date(row.published)
        if column == SOURCE:
            return source_name(row.source)
        if column == LANGUAGE:
            return row.language
        return str(row.annotation_count)

    def event(self, event: QEvent) -> bool:
        # The library passes a change of language on: headers and dates follow.
        if event.type() == QEvent.Type.LanguageChange:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADERS) - 1)
            if self._visible:
                self.dataChanged.emit(self.index(0, DATE), self.index(self._visible - 1, DATE))
        return super().event(event)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(_SORT_KEYS):
            return
        key, descending = _SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort_key, self._descending):
            self._sort_key, self._descending = key, descending
            self._reset()

    # --- what the library view drives ---------------------------------------

    @property
    def search_text(self) -> str:
        return self._search

    @property
    def filter_ids(self) -> list[int] | None:
        return self._filter_ids

    def total_count(self) -> int:
        """How many articles the library holds, whatever the search and filter."""
        return self._total

    def match_count(self) -> int:
        """How many articles the search and filter list (not only those fetched)."""
        return len(self._ids)

    def set_search(self, text: str) -> None:
        """Lists only the articles whose title or body hold every word of ``text``."""
        if text != self._search:
            self._search = text
            self._reset()

    def set_filter_ids(self, ids: list[int] | None) -> None:
        """Lists only these articles (``None``: all of them), still searched and sorted."""
        self._filter_ids = None if ids is None else list(ids)
        self._reset()

    def refresh(self) -> None:
        """Reads the list again (articles added or removed, titles changed)."""
        self._reset()

    def refresh_counts(self, article_ids: list[int] | set[int] | frozenset[int]) -> None:
        """Updates the annotation counts of these articles in place, without a reset.

        The order is left as it is even when sorted by count, so rows do not
        jump away while the user tags.
        """
        cached = [i for i in article_ids if i in self._cache]
        if not cached:
            return
        counts = annotation_counts(cached)
        for article_id in cached:
            self._cache[article_id] = replace(self._cache[article_id],
                                              annotation_count=counts.get(article_id, 0))
            row = self._row_of.get(article_id)
            if row is not None and row < self._visible:
                cell = self.index(row, ANNOTATIONS)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    def refresh_rows(self, article_ids: frozenset[int] | set[int]) -> None:
        """Reads these articles' rows again (their details were edited), in place.

        Like the counts, the rows keep their places until the list is next read.
        """
        cached = [i for i in article_ids if i in self._cache]
        if not cached:
            return  # rows not read yet show what they hold when first shown
        self._cache.update(library.rows(cached))
        for article_id in cached:
            row = self._row_of.get(article_id)
            if row is not None and row < self._visible:
                self.dataChanged.emit(self.index(row, TITLE), self.index(row, ANNOTATIONS))

    def add_to_counts(self, delta: dict[int, int]) -> None:
        """Adds to the annotation counts shown (from a change), without reading them."""
        for article_id, added in delta.items():
            row_data = self._cache.get(article_id)
            if row_data is None or not added:
                continue
            self._cache[article_id] = replace(
                row_data, annotation_count=max(0, row_data.annotation_count + added))
            row = self._row_of.get(article_id)
            if row is not None and row < self._visible:
                cell = self.index(row, ANNOTATIONS)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    def article_id(self, row: int) -> int | None:
        """The id of the article at ``row`` (visible or not), or ``None``."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        """The row of ``article_id`` in the list, revealing rows up to it if needed."""
        row = self._row_of.get(article_id)
        if row is None:
            return None
        if row >= self._visible:
            pages = row // self.page_size + 1
            self._reveal(min(len(self._ids), pages * self.page_size))
        return row

    # --- internals ----------------------------------------------------------

    def _requery(self) -> None:
        self._ids = library.article_ids(self._search, self._sort_key, self._descending,
                                        self._filter_ids)
        self._row_of = {article_id: row for row, article_id in enumerate(self._ids)}
        self._visible = min(len(self._ids), self.page_size)
        self._cache.clear()
        self._total = article_store.article_count()

    def _reset(self) -> None:
        self.beginResetModel()
        self._requery()
        self.endResetModel()

    def _reveal(self, visible: int) -> None:
        if visible <= self._visible or self._revealing:
            return
        self._revealing = True
        try:
            self.beginInsertRows(QModelIndex(), self._visible, visible - 1)
            self._visible = visible
            self.endInsertRows()
        finally:
            self._revealing = False

    def _row(self, row: int) -> LibraryRow | None:
        article_id = self._ids[row]
        if article_id not in self._cache:
            start = row - row % self.page_size
            self._cache.update(library.rows(self._ids[start:start + self.page_size]))
        return self._cache.get(article_id)


# A title keeps room for about this many characters before the library hides its
# source column, then its language column (LibraryView._fit_columns_to_width).
_TITLE_CHARS = 24


class LibraryView(QWidget):
    """The library pane: a search box above the article list, a count below.

    Signals:
        article_activated(int): the user moved to an article (selection,
            Enter or double-click); the id of the article to open.
        selection_changed(): the selected articles changed.
        filter_cleared(): the user pressed "Show all" to drop a plot's filter.
        edit_requested(int): "Edit article…" was chosen in a row's context menu.
        open_beside_requested(int): open this article in a new pane beside the
            others (Alt+click, Ctrl+Shift+Enter, or the row's context menu).
    """

    article_activated = Signal(int)
    selection_changed = Signal()
    filter_cleared = Signal()
    edit_requested = Signal(int)
    open_beside_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None, page_size: int = 200) -> None:
        super().__init__(parent)
        self._model = LibraryModel(self, page_size=page_size)
        self._selecting = False  # True while the selection moves by program, not by user
        self._open_id: int | None = None  # the article last opened, kept selected if listed

        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(self._on_search_text_changed)

        self.table = QTableView(self)
        # Tab leaves the list for the next part of the window, as everywhere else.
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self._model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        # Titles often differ at their ends ("… achète X", "… rachète Y"): keep both.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._column_widths: dict[int, int] = {}  # set by _size_columns
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self._size_columns()
        header = self.table.horizontalHeader()
        header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # the model already lists newest first
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit())
        self._model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self._model.modelReset.connect(self._on_model_reset)

        self.status_label = QLabel(self)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.show_all_button = QToolButton(self)
        self.show_all_button.setAutoRaise(True)
        self.show_all_button.clicked.connect(self._on_show_all)

        status = QHBoxLayout()
        status.setContentsMargins(4, 0, 4, 0)
        status.addWidget(self.status_label, 1)
        status.addWidget(self.show_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(status)
        self._retranslate()

    def _retranslate(self) -> None:
        """Sets the library's texts in the interface language."""
        self.search_edit.setPlaceholderText(self.tr("Search articles…"))
        self.search_edit.setAccessibleName(self.tr("Search articles"))
        self.show_all_button.setText(self.tr("Show all"))
        self.show_all_button.setToolTip(self.tr("List every article again"))
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        # A change of language can arrive while the view is still being built.
        if event.type() == QEvent.Type.LanguageChange and "search_edit" in self.__dict__:
            self._retranslate()
            self._size_columns()
        super().changeEvent(event)

    # --- public API ----------------------------------------------------------

    def model(self) -> LibraryModel:
        """The list's model (ids in list order)."""
        return self._model

    def focus_search(self) -> None:
        """Puts the keyboard in the search box, its text selected to type over."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def apply_search(self) -> None:
        """Applies what the search box holds now, without waiting for the typing pause."""
        self.search_timer.stop()
        self._model.set_search(self.search_edit.text())

    def set_search_text(self, text: str) -> None:
        """Puts ``text`` in the search box and applies it at once."""
        self.search_edit.setText(text)
        self.apply_search()

    def _on_show_all(self) -> None:
        self.set_filter_ids(None)
        self.filter_cleared.emit()

    def set_filter_ids(self, ids: list[int] | None) -> None:
        """Lists only these articles (e.g. chosen in a plot); ``None`` lists all again."""
        self._model.set_filter_ids(ids)

    def refresh(self) -> None:
        """Reads the list again, keeping the current article selected."""
        self._model.refresh()

    def refresh_counts(self, article_ids: list[int] | set[int] | frozenset[int]) -> None:
        """Updates the annotation counts shown for these articles."""
        self._model.refresh_counts(article_ids)

    def on_change(self, change: Change) -> None:
        """Follows a change: new articles are listed, counts move by what was tagged,
        edited articles show their new details."""
        if change.articles_added or change.reload:
            self.refresh()
            return
        if change.articles_edited:
            self._model.refresh_rows(change.articles_edited)
        if change.concurrent:  # rows read meanwhile may count it already
            self._model.refresh_counts(change.article_ids)
        else:
            self._model.add_to_counts(change.count_delta())

    def current_article_id(self) -> int | None:
        """The article of the current row, or ``None``."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self._model.article_id(index.row())

    def article_to_open_beside(self) -> int | None:
        """What View ▸ Open beside opens: the current row's article; after a search
        that left no row current, the first match, as Enter in the search box would
        open (the current row does not move: that would open it in the pane too)."""
        if self.search_timer.isActive() or self._model.search_text != self.search_edit.text():
            self.apply_search()
        current = self.current_article_id()
        if current is not None or not self.search_edit.text().strip():
            return current
        return self._model.article_id(0)  # None if nothing matches

    def selected_article_ids(self) -> list[int]:
        """The selected articles, in list order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [i for i in (self._model.article_id(row) for row in rows) if i is not None]

    def select_article(self, article_id: int) -> bool:
        """Makes ``article_id`` the current, only selected row and scrolls to it.

        Does not emit :attr:`article_activated`: the caller already knows. The
        article is selected again whenever a search or filter that hid it is undone.

        Returns:
            False if the article is not in the list (searched or filtered away).
        """
        self._open_id = article_id
        row = self._model.row_of(article_id)
        if row is None:
            return False
        index = self._model.index(row, TITLE)
        self._selecting = True
        try:
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._selecting = False
        self.table.scrollTo(index)
        return True

    # --- events -------------------------------------------------------------

    def _fit_columns_to_width(self) -> None:
        """In a narrow library the titles keep room to be read: the source column
        goes first, then the language, and they come back when it widens."""
        widths = self._column_widths  # as sized, whether shown or not
        if not widths:
            return
        room = self.table.viewport().width() - widths[DATE] - widths[ANNOTATIONS]
        title = self.fontMetrics().averageCharWidth() * _TITLE_CHARS
        for column in (LANGUAGE, SOURCE):
            room -= widths[column]
        for column in (SOURCE, LANGUAGE):  # the source goes first
            hide = room < title
            if self.table.isColumnHidden(column) != hide:
                self.table.setColumnHidden(column, hide)
                if not hide:
                    self.table.horizontalHeader().resizeSection(column, widths[column])
            if hide:
                room += widths[column]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns_to_width()
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            beside = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                    and event.modifiers() == beside
                    and watched in (self.table, self.search_edit)):
                article_id = self.current_article_id()
                if article_id is not None:
                    self.open_beside_requested.emit(article_id)
                return True
            if watched is self.search_edit and self._on_search_key(event):
                return True
            if watched is self.table and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate_current()
                return True
        if (watched is self.table.viewport() and event.type() == QEvent.Type.MouseButtonPress
                and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.RightButton):
            return True  # the menu only: the row under it is not opened in the pane
        if (watched is self.table.viewport() and event.type() == QEvent.Type.MouseButtonPress
                and isinstance(event, QMouseEvent)
                and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            # Alt+click opens the row beside, without moving the current row.
            article_id = self._model.article_id(self.table.indexAt(event.position().toPoint())
                                                .row())
            if article_id is not None:
                self.open_beside_requested.emit(article_id)
            return True
        return super().eventFilter(watched, event)

    def _on_search_key(self, event: QKeyEvent) -> bool:
        """Lets the keyboard drive the list from the search box."""
        key = event.key()
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                 Qt.Key.Key_PageDown: self._page_rows(), Qt.Key.Key_PageUp: -self._page_rows()}
        if key in steps:
            if self.search_timer.isActive():
                self.apply_search()
            self._move_current(steps[key])
            return True
        if key == Qt.Key.Key_Escape and self.search_edit.text():
            self.set_search_text("")
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.search_timer.isActive() or self._model.search_text != self.search_edit.text():
                self.apply_search()
            if self.current_article_id() is None and self._model.rowCount() > 0:
                self._move_current(1)
            self._activate_current()
            return True
        return False

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """The menu of the row at ``pos`` (viewport coordinates), or None off the rows."""
        article_id = self._model.article_id(self.table.indexAt(pos).row())
        if article_id is None:
            return None
        menu = QMenu(self)
        keys = QKeySequence("Ctrl+Shift+Return").toString(  # "Ctrl+Maj+Entrée" in French
            QKeySequence.SequenceFormat.NativeText)
        beside = menu.addAction(self.tr("Open beside") + "\t" + keys)
        beside.triggered.connect(
            lambda _checked=False: self.open_beside_requested.emit(article_id))
        edit = menu.addAction(self.tr("Edit article…") + "\tF2")
        edit.triggered.connect(lambda _checked=False: self.edit_requested.emit(article_id))
        return menu

    def _on_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(pos)
        if menu is not None:
            pop_up(menu, self.table.viewport().mapToGlobal(pos))

    def _on_search_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    def _on_double_clicked(self, index: QModelIndex) -> None:
        article_id = self._model.article_id(index.row())
        if article_id is not None:
            self.article_activated.emit(article_id)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self._model.article_id(current.row()) if current.isValid() else None
        if article_id is not None and not self._selecting:
            self._open_id = article_id
            self.article_activated.emit(article_id)

    def _on_model_about_to_be_reset(self) -> None:
        self._open_id = self.current_article_id() or self._open_id

    def _on_model_reset(self) -> None:
        if self._open_id is not None:
            self.select_article(self._open_id)
        self._update_status()

    # --- helpers ------------------------------------------------------------

    def _activate_current(self) -> None:
        article_id = self.current_article_id()
        if article_id is not None:
            self.article_activated.emit(article_id)

    def _move_current(self, step: int) -> None:
        count = self._model.match_count()
        if not count:
            return
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row()):
            row = max(0, min(count - 1, current.row() + step))
        else:
            row = 0 if step > 0 else count - 1
        article_id = self._model.article_id(row)
        if article_id is None:
            return
        self.select_article(article_id)
        self.article_activated.emit(article_id)

    def _page_rows(self) -> int:
        row_height = self.table.verticalHeader().defaultSectionSize()
        return max(1, self.table.viewport().height() // max(1, row_height) - 1)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        padding = 24
        def title(column: int) -> str:
            return str(self._model.headerData(column, Qt.Orientation.Horizontal))

        header.setMinimumSectionSize(metrics.horizontalAdvance(title(LANGUAGE)) + padding)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        widths = {
            DATE: metrics.horizontalAdvance(max(format_date("2000-12-30"), title(DATE),
                                                key=metrics.horizontalAdvance)) + padding,
            SOURCE: metrics.horizontalAdvance(max("en.wikinews", title(SOURCE),
                                                  key=metrics.horizontalAdvance)) + padding,
            LANGUAGE: metrics.horizontalAdvance(title(LANGUAGE)) + padding,
            ANNOTATIONS: metrics.horizontalAdvance(title(ANNOTATIONS)) + padding,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        self._column_widths = widths
        self._fit_columns_to_width()

    def _update_status(self) -> None:
        total = self._model.total_count()
        shown = self._model.match_count()
        filtered = self._model.filter_ids is not None
        searching = bool(library.fts_query(self._model.search_text))
        if total == 0:
            text = self.tr("No articles yet")
        elif filtered or searching:
            text = self.tr("%n of {total} match", None, shown).format(total=total)
        else:
            text = self.tr("%n article(s)", None, total)
        self.status_label.setText(text)
        self.show_all_button.setVisible(filtered)

