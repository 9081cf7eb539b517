"""The To review dock: annotations a re-import could not place for sure, one per row.

When a changed version of a stored article is imported, the annotations
whose words were not found for sure in the new text wait out of the text
(``desktop.core.reimport_operations``). Each row shows the annotation's
words and what was around them, the best place found in the new text with
what is around it, and how sure that place is. Working through the list:

* **Enter** (or Accept) puts the annotation at the place offered;
* **Delete** (or Remove) removes it;
* **Space** (or Skip) leaves it for later and goes to the next row.

Accept and Remove are one undo step each, run by the window's
:class:`~desktop.ui.commands.OperationRunner`; Skip changes nothing. Choosing
a row shows its article in the focused pane (or the pane showing it) with
the place offered selected. The list is read again, only while the dock is
shown, after a change to an article it lists or whose text changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop.ui.dock_body import list_key, set_dock_body
from desktop.ui.i18n import quoted
from desktop.ui.model_language import ask_again
from desktop.ui.plain_text import as_plain_text

if TYPE_CHECKING:
    from desktop.core.changes import Change
    from desktop.core.reimport_operations import ReviewItem
    from desktop.ui.main_window import MainWindow

ModelIndex = QModelIndex | QPersistentModelIndex

ARTICLE, ANNOTATION, WAS, PLACE, CONFIDENCE, HOW = range(6)
# In English; the model shows them translated.
_HEADERS = (QT_TRANSLATE_NOOP("ReviewTableModel", "Article"),
            QT_TRANSLATE_NOOP("ReviewTableModel", "Annotation"),
            QT_TRANSLATE_NOOP("ReviewTableModel", "Was"),
            QT_TRANSLATE_NOOP("ReviewTableModel", "Best place now"),
            QT_TRANSLATE_NOOP("ReviewTableModel", "Confidence"),
            QT_TRANSLATE_NOOP("ReviewTableModel", "How"))
_HEADER_TIPS = (
    QT_TRANSLATE_NOOP("ReviewTableModel", "The article that was re-imported"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "The annotation's label and words"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "The words as they were, with the text around them"),
    QT_TRANSLATE_NOOP("ReviewTableModel",
                      "The best place found in the new text, with the text around it"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "How sure that place is the annotation's own text"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "How the place was found"))
_CONTEXT = 24
"""Characters of context shown on each side in the list (the tooltip has all 32)."""

EMPTY_TEXT = QT_TRANSLATE_NOOP(  # shown translated
    "ReviewDock", "Nothing to review. When a changed version of an article is imported, "
                  "the annotations whose words are not found for sure in it are listed here.")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def in_context(before: str, words: str, after: str, width: int = _CONTEXT) -> str:
    """"…text before [words] text after…" on one line, ``width`` characters each side."""
    before = _one_line(before)
    after = _one_line(after)
    head = "…" + before[-width:] if len(before) > width else before
    tail = after[:width] + "…" if len(after) > width else after
    return f"{head} [{_one_line(words)}] {tail}".strip()


class ReviewTableModel(QAbstractTableModel):
    """The annotations waiting for review, one per row (a short list: all held)."""

    def __init__(self, label_name: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[ReviewItem] = []
        self._label_name = label_name  # label id → its name

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(_HEADER_TIPS[section])
        return None

    def event(self, event: QEvent) -> bool:
        # The dock passes a change of language on: headers and cells follow.
        if event.type() == QEvent.Type.LanguageChange:
            ask_again(self, len(_HEADERS))
        return super().event(event)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_plain_text(self._tooltip(item, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def set_items(self, items: list[ReviewItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> ReviewItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def items(self) -> list[ReviewItem]:
        return list(self._items)

    def _text(self, item: ReviewItem, column: int) -> str:
        if column == ARTICLE:
            return _one_line(item.article_title)
        if column == ANNOTATION:
            return f"{self._label_name(item.label_id)} {quoted(_one_line(item.quote))}"
        if column == WAS:
            return in_context(item.before, item.quote, item.after)
        if column == PLACE:
            if item.candidate is None:
                return self.tr("— none found —")
            return in_context(item.candidate_before, item.candidate_quote, item.candidate_after)
        if column == CONFIDENCE:
            return "—" if item.candidate is None else f"{round(item.confidence * 100)} %"
        return QCoreApplication.translate("Found", item.found)  # the core's words

    def _tooltip(self, item: ReviewItem, column: int) -> str:
        if column == WAS:
            return in_context(item.before, item.quote, item.after, width=32)
        if column == PLACE and item.candidate is not None:
            return (in_context(item.candidate_before, item.candidate_quote,
                               item.candidate_after, width=32)
                    + "\n" + self.tr("Enter puts the annotation here"))
        return self._text(item, column)


class ReviewDock(QDockWidget):
    """Lists the annotations waiting for review and runs the user's decision on each.

    Attributes:
        table: the annotations, one per row.
        message: what is shown instead when nothing waits.
        status_label: how many wait, and the keys.
        accept_button, remove_button, skip_button: the three decisions.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("review")  # saveState/restoreState need names
        self._window = window
        self._stale = True
        self._article_ids: set[int] = set()

        body = QWidget(self)
        labels = window.labels
        self._model = ReviewTableModel(
            lambda label_id: labels.by_id[label_id].name if label_id in labels.by_id else "?",
            self)
        self.table = QTableView(body)
        self.table.setModel(self._model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((ARTICLE, 140), (ANNOTATION, 140), (WAS, 230), (PLACE, 230),
                              (CONFIDENCE, 80)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        self.message = QLabel(body)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setEnabled(False)  # muted, like the other docks' empty text
        self.status_label = QLabel(body)
        self.accept_button = QPushButton(body)
        self.accept_button.clicked.connect(self.accept_current)
        self.remove_button = QPushButton(body)
        self.remove_button.clicked.connect(self.remove_current)
        self.skip_button = QPushButton(body)
        self.skip_button.clicked.connect(self.skip_current)

        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        for button in (self.accept_button, self.remove_button, self.skip_button):
            top.addWidget(button)
        set_dock_body(self, body, (top, 0), (self.table, 1), (self.message, 1))

        window.runner.changed.connect(self._on_changed)
        self.visibilityChanged.connect(self._on_visibility_changed)
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        """Sets the dock's fixed texts in the interface language."""
        self.setWindowTitle(self.tr("To review"))
        self.message.setText(self.tr(EMPTY_TEXT))
        self.accept_button.setText(self.tr("Accept"))
        self.accept_button.setToolTip(self.tr("Put the annotation at the place offered (Enter)"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the annotation (Delete)"))
        self.skip_button.setText(self.tr("Skip"))
        self.skip_button.setToolTip(self.tr("Leave it for later and go to the next one (Space)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._show_count(self._model.rowCount())
        super().changeEvent(event)

    def _show_count(self, count: int) -> None:
        self.status_label.setText(self.tr(
            "%n annotation(s) to review · Enter accepts the place · Delete removes · "
            "Space skips", None, count) if count else "")

    # --- public API ----------------------------------------------------------

    def model(self) -> ReviewTableModel:
        return self._model

    def refresh(self) -> None:
        """Reads the list again, keeping the current row's place in it."""
        from desktop.core.reimport_operations import review_items

        self._stale = False
        row = self.table.currentIndex().row()
        items = review_items()
        self._article_ids = {item.article_id for item in items}
        self._model.set_items(items)
        empty = not items
        self.message.setVisible(empty)
        self.table.setVisible(not empty)
        for button in (self.accept_button, self.remove_button, self.skip_button):
            button.setVisible(not empty)
        self._show_count(len(items))
        if items:
            self._select(min(max(row, 0), len(items) - 1), show=False)
        self._update_buttons()

    def start(self) -> None:
        """Shows the first annotation to review, with the focus in the list (after an import)."""
        if self._stale:
            self.refresh()
        if self._model.rowCount():
            self._select(0)
            self.table.setFocus()

    def current_item(self) -> ReviewItem | None:
        return self._model.item(self.table.currentIndex().row())

    def accept_current(self) -> bool:
        """Puts the current annotation at the place offered (one undo step)."""
        from desktop.core.reimport_operations import AcceptReview

        item = self.current_item()
        if item is None:
            return False
        if item.candidate is None:
            self._window.statusBar().showMessage(self.tr(
                "No place was found for “{quote}”: remove it (Delete), or tag the words "
                "again by hand.").format(quote=_one_line(item.quote)), 8000)
            return False
        return self._run(AcceptReview(item.annotation_id, name=self.tr(
            "Accept the new place of “{quote}”").format(quote=_one_line(item.quote))))

    def remove_current(self) -> bool:
        """Removes the current annotation (one undo step)."""
        from desktop.core.reimport_operations import RemoveReview

        item = self.current_item()
        if item is None:
            return False
        return self._run(RemoveReview(item.annotation_id, name=self.tr(
            "Remove “{quote}” under review").format(quote=_one_line(item.quote))))

    def skip_current(self) -> None:
        """Goes to the next annotation (the first after the last), deciding nothing."""
        count = self._model.rowCount()
        if count:
            self._select((self.table.currentIndex().row() + 1) % count)

    # --- internals -----------------------------------------------------------

    def _run(self, operation: Any) -> bool:
        """Runs a decision; the list then shows the next annotation's place."""
        focused = self.table.hasFocus()
        ok = self._window.runner.run(operation)
        item = self.current_item()
        if ok and item is not None:
            self._show(item)
        if focused:
            self.table.setFocus()
        return ok

    def _select(self, row: int, show: bool = True) -> None:
        index = self._model.index(row, ARTICLE)
        if show:
            self.table.setCurrentIndex(index)
        else:  # a refresh: keep the place in the list without opening anything
            selection = self.table.selectionModel()
            selection.blockSignals(True)
            self.table.setCurrentIndex(index)
            selection.blockSignals(False)
            self.table.viewport().update()
        self.table.scrollTo(index)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        item = self._model.item(current.row())
        if item is not None:
            self._show(item)

    def _show(self, item: ReviewItem) -> None:
        """Shows the item's article, with the place offered selected, without taking the focus."""
        window = self._window
        controller = next((c for c in window.panes if c.article_id == item.article_id), None)
        if controller is None:
            if not window.open_article(item.article_id):
                return
            controller = window.active
        if item.candidate is not None:
            controller.pane.select_range(*item.candidate)
        else:
            window.statusBar().showMessage(self.tr(
                "No place was found for “{quote}” in the new text.").format(
                    quote=_one_line(item.quote)), 6000)

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.accept_button.setEnabled(item is not None and item.candidate is not None)
        self.remove_button.setEnabled(item is not None)
        self.skip_button.setEnabled(self._model.rowCount() > 1)

    def _on_changed(self, change: Change) -> None:
        if not (change.reload or change.articles_edited
                or change.article_ids & self._article_ids):
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._stale:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Enter, Delete and Space in the list decide, before any window shortcut."""
        if watched is self.table:
            taken, action = list_key(event, _KEYS)
            if action is not None:
                getattr(self, action)()
            if taken:
                return True
        return super().eventFilter(watched, event)


_KEYS = {Qt.Key.Key_Return: "accept_current", Qt.Key.Key_Enter: "accept_current",
         Qt.Key.Key_Delete: "remove_current", Qt.Key.Key_Backspace: "remove_current",
         Qt.Key.Key_Space: "skip_current"}
