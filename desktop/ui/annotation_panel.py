"""The annotation panel: the open article's annotations by label, and an editor for one.

The panel never writes. It asks, through :attr:`AnnotationPanel.edit_requested`
and :attr:`AnnotationPanel.delete_requested`; the main window applies the
change as an undoable operation and then calls :meth:`AnnotationPanel.refresh`.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSignalBlocker,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
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
from db.annotations import AnnotationRecord, LabelRecord
from db.models import AMOUNT, ENTITY, SUGGESTED
from desktop.core.formatting import format_amount
from desktop.ui.swatch import swatch

ANNOTATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Item data role holding the annotation id of a row (``None`` on label rows)."""
LABEL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""Item data role holding the label id of a row (label rows and annotation rows)."""

EMPTY_TEXT = "No annotations yet — select text in the reader and press 1–9 to tag it."
NO_ARTICLE_TEXT = "No article open."
NO_MATCH_TEXT = "No annotations match the filter."

_COLUMNS = ("Text", "Entity / value", "Note")
_QUOTE_CHARS = 80
_INVALID_COLOR = QColor("#c62828")
_COMMON_UNITS = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR", "RUB",
                 "%", "people", "jobs", "units", "t", "kg", "km", "MW", "GW", "years",
                 "months", "days")
_GROUP_SPACE = "\u202f"  # narrow no-break space between digit groups
_SEPARATORS = re.compile(r"[\s\u00a0\u2009\u202f_']+")
_COMMA_GROUPS = re.compile(r"[+-]?\d{1,3}(,\d{3})+")


def parse_number(text: str) -> float | None:
    """Reads a number as a user types it; ``None`` for blank.

    Accepts "3.8e10", "38000000000", "38 000 000 000", "38,000,000,000",
    "3,5" (decimal comma), "1.234,5" and "1,234.5".

    Raises:
        ValueError: ``text`` is not a finite number.
    """
    compact = _SEPARATORS.sub("", text).replace("\u2212", "-")
    if not compact:
        return None
    if "," in compact and "." in compact:
        if compact.rfind(",") > compact.rfind("."):
            compact = compact.replace(".", "").replace(",", ".")
        else:
            compact = compact.replace(",", "")
    elif "," in compact:
        compact = (compact.replace(",", "") if _COMMA_GROUPS.fullmatch(compact)
                   else compact.replace(",", "."))
    elif compact.count(".") > 1:
        compact = compact.replace(".", "")
    value = float(compact)
    if not math.isfinite(value):
        raise ValueError(f"{text!r} is not a finite number")
    return value


def editable_number(value: float) -> str:
    """Writes ``value`` exactly enough to edit, thousands apart ("38 000 000 000").

    The list shows the compact form of :mod:`desktop.core.formatting`
    ("3.8e10"); the editor shows every digit, so changing one loses nothing.
    """
    return f"{value:,.12g}".replace(",", _GROUP_SPACE)


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


class AnnotationPanel(QWidget):
    """Lists the open article's annotations by label and edits the selected one.

    Signals:
        annotation_activated(int): the user chose an annotation in the list
            (to show it in the reader).
        edit_requested(int, dict): the user changed fields of an annotation;
            keys are among ``label_id``, ``entity`` (a name; "" unlinks),
            ``value``, ``value_high``, ``unit``, ``approx`` and ``note``.
        delete_requested(list): the user asked to delete these annotation ids.
    """

    annotation_activated = Signal(int)
    edit_requested = Signal(int, dict)
    delete_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article_id: int | None = None
        self._label_filter: int | None = None
        self._entity_filter: int | None = None
        self._labels: dict[int, LabelRecord] = {}
        self._records: dict[int, AnnotationRecord] = {}
        self._entity_names: dict[int, str] = {}
        self._items: dict[int, QStandardItem] = {}
        self._collapsed: set[int] = set()
        self._record: AnnotationRecord | None = None  # what the editor shows
        self._loaded_text: dict[QLineEdit, str] = {}
        self._completer_label: int | None = None
        self._selecting = False
        self._current_before_press: int | None = None

        self._model = QStandardItemModel(0, len(_COLUMNS), self)
        self._model.setHorizontalHeaderLabels(list(_COLUMNS))
        self.tree = QTreeView(self)
        self.tree.setModel(self._model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("0" * 14))
        header.resizeSection(2, self.fontMetrics().horizontalAdvance("M" * 4))
        self.tree.installEventFilter(self)
        self._viewport = self.tree.viewport()
        self._viewport.installEventFilter(self)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.collapsed.connect(self._on_collapsed)
        self.tree.expanded.connect(self._on_expanded)

        self.empty_label = QLabel(EMPTY_TEXT, self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(16)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.tree)

        self.editor = self._build_editor()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.editor)
        self.set_article(None)

    # --- public API ----------------------------------------------------------

    def model(self) -> QStandardItemModel:
        """The list's model: label rows, each holding its annotation rows."""
        return self._model

    def set_article(self, article_id: int | None) -> None:
        """Shows the annotations of this article (``None``: nothing open)."""
        same = article_id == self._article_id
        if not same:
            self._collapsed.clear()
        self._article_id = article_id
        self._rebuild(keep=self.selected_annotation_ids() if same else None, keep_scroll=same)

    def article_id(self) -> int | None:
        return self._article_id

    def refresh(self) -> None:
        """Reads the annotations again, keeping the selection, folds and scroll position."""
        self._completer_label = None
        self._rebuild(keep=self.selected_annotation_ids(), keep_scroll=True)

    def set_filter(self, label_id: int | None = None, entity_id: int | None = None) -> None:
        """Lists only annotations with this label and/or entity (``None``: any)."""
        self._label_filter, self._entity_filter = label_id, entity_id
        self._rebuild(keep=self.selected_annotation_ids(), keep_scroll=True)

    def select_annotation(self, annotation_id: int) -> bool:
        """Makes this annotation current and shows it in the editor, without emitting.

        Returns:
            False if it is not listed (another article, or filtered out).
        """
        item = self._items.get(annotation_id)
        if item is None:
            return False
        index = item.index()
        self.tree.expand(index.parent())
        self._set_current(index)
        self.tree.scrollTo(index)
        return True

    def current_annotation_id(self) -> int | None:
        """The annotation the editor shows, or ``None``."""
        return self._record.id if self._record else None

    def selected_annotation_ids(self) -> list[int]:
        """The selected annotations, in list order."""
        ids = [index.data(ANNOTATION_ID_ROLE)
               for index in self.tree.selectionModel().selectedRows(0)]
        wanted = {i for i in ids if i is not None}
        return [i for i in self._items if i in wanted]

    def annotation_count(self) -> int:
        """How many annotations are listed."""
        return len(self._items)

    # --- building the list ---------------------------------------------------

    def _rebuild(self, keep: list[int] | None, keep_scroll: bool) -> None:
        scroll = self.tree.verticalScrollBar().value() if keep_scroll else 0
        current = self.current_annotation_id() if keep is not None else None
        records = (store.annotations_for_article(self._article_id)
                   if self._article_id is not None else [])
        self._records = {r.id: r for r in records if r.id is not None}
        self._labels = {label.id: label for label in store.labels()}
        self._entity_names = store.entity_names(
            {r.entity_id for r in records if r.entity_id is not None})
        shown = [r for r in records
                 if (self._label_filter is None or r.label_id == self._label_filter)
                 and (self._entity_filter is None or r.entity_id == self._entity_filter)]

        by_label: dict[int, list[AnnotationRecord]] = {}
        for record in shown:
            by_label.setdefault(record.label_id, []).append(record)
        order = sorted(by_label, key=lambda i: (self._labels[i].position, i)
                       if i in self._labels else (1 << 30, i))

        self._items = {}
        groups: list[list[QStandardItem]] = []
        for label_id in order:
            groups.append(self._group_row(label_id, by_label[label_id]))

        self._selecting = True
        try:
            self._model.removeRows(0, self._model.rowCount())
            for row, group in enumerate(groups):
                self._model.appendRow(group)
                self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
                if order[row] not in self._collapsed:
                    self.tree.expand(group[0].index())
        finally:
            self._selecting = False

        if self._article_id is None:
            self.empty_label.setText(NO_ARTICLE_TEXT)
        elif not records:
            self.empty_label.setText(EMPTY_TEXT)
        else:
            self.empty_label.setText(NO_MATCH_TEXT)
        self.stack.setCurrentWidget(self.tree if self._items else self.empty_label)
        self.editor.setVisible(bool(self._items))

        self._restore_selection(keep or [], current)
        self.tree.verticalScrollBar().setValue(scroll)

    def _group_row(self, label_id: int, records: list[AnnotationRecord]) -> list[QStandardItem]:
        label = self._labels.get(label_id)
        name = label.name if label else f"Label {label_id}"
        group = QStandardItem(f"{name} ({len(records)})")
        group.setData(label_id, LABEL_ID_ROLE)
        if label:
            group.setIcon(swatch(label.color))
        bold = QFont(self.font())
        bold.setBold(True)
        group.setFont(bold)
        for record in records:
            group.appendRow(self._annotation_row(record, label))
        return [group, QStandardItem(), QStandardItem()]

    def _annotation_row(self, record: AnnotationRecord,
                        label: LabelRecord | None) -> list[QStandardItem]:
        quote = QStandardItem(f"“{_one_line(record.quote, _QUOTE_CHARS)}”")
        context = f"…{record.prefix}[{record.quote}]{record.suffix}…"
        quote.setToolTip(_one_line(context, 400))
        if label is not None and label.kind == AMOUNT:
            detail = QStandardItem(format_amount(record.value, record.value_high,
                                                  record.unit, record.approx))
        else:
            detail = QStandardItem(self._entity_names.get(record.entity_id or -1, ""))
        note = QStandardItem(_one_line(record.note, 200))
        if record.note:
            note.setToolTip(record.note)
        row = [quote, detail, note]
        for item in row:
            item.setData(record.id, ANNOTATION_ID_ROLE)
            item.setData(record.label_id, LABEL_ID_ROLE)
        if record.status == SUGGESTED:
            italic = QFont(self.font())
            italic.setItalic(True)
            grey = QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
            for item in row:
                item.setFont(italic)
                item.setForeground(grey)
            quote.setToolTip("Suggested, not accepted yet\n" + quote.toolTip())
        if record.id is not None:
            self._items[record.id] = quote
        return row

    def _restore_selection(self, keep: list[int], current: int | None) -> None:
        target = current if current in self._items else next(
            (i for i in keep if i in self._items), None)
        if target is None:
            self._show_in_editor(None)
            return
        self._set_current(self._items[target].index())
        selection = self.tree.selectionModel()
        for annotation_id in keep:
            if annotation_id in self._items and annotation_id != target:
                selection.select(self._items[annotation_id].index(),
                                 QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)

    def _set_current(self, index: QModelIndex) -> None:
        self._selecting = True
        try:
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._selecting = False
        self._show_in_editor(self._records.get(index.data(ANNOTATION_ID_ROLE)))

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
        self.entity_edit.setPlaceholderText("none")
        self.entity_edit.setClearButtonEnabled(True)
        self.entity_completions = QStringListModel(self)
        self.entity_completer = QCompleter(self.entity_completions, self)
        self.entity_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.entity_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entity_edit.setCompleter(self.entity_completer)
        self.entity_completer.activated.connect(self._on_entity_completed)
        self.entity_edit.editingFinished.connect(self._on_entity_finished)

        self.value_edit = QLineEdit(editor)
        self.value_edit.setPlaceholderText("e.g. 3.8e10 or 38 000 000 000")
        self.value_high_edit = QLineEdit(editor)
        self.value_high_edit.setPlaceholderText("only for a range")
        for edit, key in ((self.value_edit, "value"), (self.value_high_edit, "value_high")):
            edit.textEdited.connect(lambda _text, e=edit: self._validate(e))
            edit.editingFinished.connect(lambda e=edit, k=key: self._on_number_finished(e, k))
        self.unit_edit = QLineEdit(editor)
        self.unit_edit.setPlaceholderText("e.g. USD")
        unit_completer = QCompleter(list(_COMMON_UNITS), self.unit_edit)
        unit_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.unit_edit.setCompleter(unit_completer)
        self.unit_edit.editingFinished.connect(self._on_unit_finished)
        self.approx_check = QCheckBox("Approximate", editor)
        self.approx_check.clicked.connect(self._on_approx_clicked)
        self.note_edit = QLineEdit(editor)
        self.note_edit.editingFinished.connect(self._on_note_finished)
        self.error_label = QLabel(editor)
        palette = self.error_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, _INVALID_COLOR)
        self.error_label.setPalette(palette)
        self.error_label.hide()

        self.delete_button = QPushButton("Delete", editor)
        self.delete_button.setToolTip("Delete the selected annotations (Del)")
        self.delete_button.clicked.connect(self._request_delete)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Label", self.label_combo)
        form.addRow("Entity", self.entity_edit)
        form.addRow("Value", self.value_edit)
        form.addRow("Upper value", self.value_high_edit)
        form.addRow("Unit", self.unit_edit)
        form.addRow("", self.approx_check)
        form.addRow("Note", self.note_edit)
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

    def _show_in_editor(self, record: AnnotationRecord | None) -> None:
        """Fills the form with ``record`` (or empties and disables it)."""
        self._record = record
        self._fill_label_combo(record.label_id if record else None)
        label = self._labels.get(record.label_id) if record else None
        is_entity = label is not None and label.kind == ENTITY
        is_amount = label is not None and label.kind == AMOUNT
        if record is None:
            self.quote_label.setText("Select an annotation to edit it.")
        else:
            self.quote_label.setText(f"“{_one_line(record.quote, 200)}”")
        texts = {
            self.entity_edit: self._entity_names.get(record.entity_id or -1, "") if record else "",
            self.value_edit: editable_number(record.value)
            if record and record.value is not None else "",
            self.value_high_edit: editable_number(record.value_high)
            if record and record.value_high is not None else "",
            self.unit_edit: (record.unit or "") if record else "",
            self.note_edit: record.note if record else "",
        }
        for edit, text in texts.items():
            with QSignalBlocker(edit):
                edit.setText(text)
            self._loaded_text[edit] = text
            self._set_invalid(edit, None)
        with QSignalBlocker(self.approx_check):
            self.approx_check.setChecked(bool(record and record.approx))
        self.label_combo.setEnabled(record is not None)
        self.entity_edit.setEnabled(is_entity)
        for widget in (self.value_edit, self.value_high_edit, self.unit_edit,
                       self.approx_check):
            widget.setEnabled(is_amount)
        self.note_edit.setEnabled(record is not None)
        if is_entity and record is not None and self._completer_label != record.label_id:
            self.entity_completions.setStringList(store.entities_for_label(record.label_id))
            self._completer_label = record.label_id
        self._update_delete_button()

    def _fill_label_combo(self, label_id: int | None) -> None:
        with QSignalBlocker(self.label_combo):
            self.label_combo.clear()
            for label in self._labels.values():
                self.label_combo.addItem(swatch(label.color), label.name, label.id)
            self.label_combo.setCurrentIndex(self.label_combo.findData(label_id))

    def _request_edit(self, changes: dict[str, Any]) -> None:
        record = self._record
        if record is None or record.id is None or not changes:
            return
        local = {("entity_id" if k == "entity" else k): v for k, v in changes.items()
                 if k != "entity"}
        self._record = replace(record, **local)  # so a repeated signal is not re-sent
        self.edit_requested.emit(record.id, changes)

    def _validate(self, edit: QLineEdit) -> bool:
        """Marks ``edit`` red unless it holds a number or nothing; True if it does."""
        try:
            parse_number(edit.text())
        except ValueError:
            self._set_invalid(edit, f"“{edit.text().strip()}” is not a number.")
            return False
        self._set_invalid(edit, None)
        return True

    def _set_invalid(self, edit: QLineEdit, message: str | None) -> None:
        edit.setProperty("invalid", message is not None)
        palette = edit.palette()
        default = self.palette().color(QPalette.ColorRole.Text)
        palette.setColor(QPalette.ColorRole.Text, _INVALID_COLOR if message else default)
        edit.setPalette(palette)
        edit.setToolTip(message or "")
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
        self._show_in_editor(self._records.get(annotation_id))
        if annotation_id is not None:
            self.annotation_activated.emit(annotation_id)

    def _on_clicked(self, index: QModelIndex) -> None:
        annotation_id = index.data(ANNOTATION_ID_ROLE)
        # A click that made the row current was announced by _on_current_changed;
        # a click on the row already current is announced here (to show it again).
        if annotation_id is not None and annotation_id == self._current_before_press:
            self.annotation_activated.emit(annotation_id)

    def _on_selection_changed(self, *_args: object) -> None:
        self._update_delete_button()

    def _on_collapsed(self, index: QModelIndex) -> None:
        label_id = index.data(LABEL_ID_ROLE)
        if not self._selecting and index.data(ANNOTATION_ID_ROLE) is None and label_id:
            self._collapsed.add(label_id)

    def _on_expanded(self, index: QModelIndex) -> None:
        self._collapsed.discard(index.data(LABEL_ID_ROLE))

    def _on_label_chosen(self, combo_index: int) -> None:
        record = self._record
        label_id = self.label_combo.itemData(combo_index)
        if record is None or label_id is None or label_id == record.label_id:
            return
        changes: dict[str, Any] = {"label_id": label_id}
        name = self._entity_names.get(record.entity_id or -1, "")
        new_kind = self._labels[label_id].kind if label_id in self._labels else ENTITY
        if name:
            # An entity belongs to one label: keep the name, under the new label.
            changes["entity"] = name if new_kind == ENTITY else ""
        self._request_edit(changes)

    def _on_entity_completed(self, text: str) -> None:
        self.entity_edit.setText(text)
        self._on_entity_finished()

    def _on_entity_finished(self) -> None:
        if self._record is None:
            return
        name = " ".join(self.entity_edit.text().split())
        if name == " ".join(self._loaded_text.get(self.entity_edit, "").split()):
            return
        self._loaded_text[self.entity_edit] = name
        self._request_edit({"entity": name})

    def _on_number_finished(self, edit: QLineEdit, key: str) -> None:
        if self._record is None or edit.text() == self._loaded_text.get(edit):
            self._set_invalid(edit, None)  # back to what was stored: nothing to send
            return
        if not self._validate(edit):
            return
        value = parse_number(edit.text())
        if value == getattr(self._record, key):
            return
        self._loaded_text[edit] = edit.text()
        self._request_edit({key: value})

    def _on_unit_finished(self) -> None:
        if self._record is None:
            return
        unit = self.unit_edit.text().strip() or None
        if unit == self._record.unit:
            return
        self._request_edit({"unit": unit})

    def _on_approx_clicked(self, checked: bool) -> None:
        if self._record is not None and checked != self._record.approx:
            self._request_edit({"approx": checked})

    def _on_note_finished(self) -> None:
        if self._record is None:
            return
        note = self.note_edit.text().strip()
        if note == self._record.note:
            return
        self._request_edit({"note": note})

    # --- keys -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
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
        self.delete_button.setText("Delete" if count <= 1 else f"Delete {count}")
