"""The Labels dialog: add, rename, recolour, re-key and delete labels.

Every change is a core operation (``desktop.core.operations``: one
transaction, one undo step) run through the window's runner, whose change
tells the reader, the panel and the shortcuts, so they follow while the
dialog is open; :attr:`LabelsDialog.labels_changed` says it to the dialog's
own callers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import reads as store
from db.records import AMOUNT, ENTITY, LabelRecord
from desktop.core import operations
from desktop.ui.plain_text import as_plain_text
from desktop.ui.swatch import swatch

if TYPE_CHECKING:
    from desktop.core.operations import Operation

# Runs an operation; returns why it was refused, or None when it was done.
RunOperation = Callable[["Operation"], "str | None"]


def run_directly(operation: Operation) -> str | None:
    """Applies an operation outside any undo stack (a dialog used on its own)."""
    try:
        operation.apply()
    except (ValueError, LookupError) as exc:
        return str(exc)
    return None

NAME, KIND, COLOUR, KEY = range(4)
# In English; the dialog shows them translated.
_HEADERS = (QT_TRANSLATE_NOOP("LabelsDialog", "Name"), QT_TRANSLATE_NOOP("LabelsDialog", "Kind"),
            QT_TRANSLATE_NOOP("LabelsDialog", "Colour"), QT_TRANSLATE_NOOP("LabelsDialog", "Key"))
_KINDS = {ENTITY: QT_TRANSLATE_NOOP("LabelsDialog", "Entity"),
          AMOUNT: QT_TRANSLATE_NOOP("LabelsDialog", "Amount")}
_KEYS = tuple("123456789")
# Colours offered to new labels, in order, skipping those already used.
_PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
            "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#17becf", "#bcbd22", "#8c564b")


class LabelsDialog(QDialog):
    """Edits the label set.

    Signals:
        labels_changed(): a label was added, renamed, recoloured, re-keyed
            or deleted (already committed).
    """

    labels_changed = Signal()

    def __init__(self, run: RunOperation = run_directly, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Labels"))
        self._run = run
        self._labels: list[LabelRecord] = []

        self.table = QTableWidget(0, len(_HEADERS), self)
        self.table.setHorizontalHeaderLabels([self.tr(header) for header in _HEADERS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (KIND, COLOUR, KEY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)

        self.name_edit = QLineEdit(self)
        self.name_edit.editingFinished.connect(self._on_name_finished)
        self.colour_button = QPushButton(self.tr("Choose…"), self)
        self.colour_button.clicked.connect(self._on_colour_clicked)
        self.shortcut_combo = QComboBox(self)
        self.shortcut_combo.activated.connect(self._on_shortcut_chosen)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the label (only if no annotation uses it)"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        selected = QGroupBox(self.tr("Selected label"), self)
        form = QFormLayout(selected)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Colour"), self.colour_button)
        form.addRow(self.tr("Key"), self.shortcut_combo)
        form.addRow("", self.delete_button)

        self.new_name_edit = QLineEdit(self)
        self.new_name_edit.setPlaceholderText(self.tr("Name, e.g. EVENT"))
        self.new_name_edit.returnPressed.connect(self._on_add_clicked)
        self.new_kind_combo = QComboBox(self)
        for kind, text in _KINDS.items():
            self.new_kind_combo.addItem(self.tr(text), kind)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(self._on_add_clicked)
        adding = QGroupBox(self.tr("New label"), self)
        add_row = QHBoxLayout(adding)
        add_row.addWidget(self.new_name_edit, 1)
        add_row.addWidget(self.new_kind_combo)
        add_row.addWidget(self.add_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        # Enter in a name field commits that name; it must not also press a
        # button (it opened the colour picker after a rename).
        for button in (self.colour_button, self.delete_button, self.add_button,
                       *buttons.buttons()):
            button.setAutoDefault(False)
            button.setDefault(False)
        side = QVBoxLayout()
        side.addWidget(selected)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(adding)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.refresh()
        if self._labels:
            self.table.selectRow(0)

    # --- public API ----------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        """Reads the labels again; selects ``select`` (default: the label selected now)."""
        keep = select if select is not None else self.current_label_id()
        self._labels = store.labels()
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(self._labels))
            for row, label in enumerate(self._labels):
                self._fill_row(row, label)
            self.table.clearSelection()
            for row, label in enumerate(self._labels):
                if label.id == keep:
                    self.table.selectRow(row)
        self._on_selection_changed()

    def current_label_id(self) -> int | None:
        """The selected label, or ``None``."""
        label = self._current()
        return label.id if label else None

    def select_label(self, label_id: int) -> None:
        for row, label in enumerate(self._labels):
            if label.id == label_id:
                self.table.selectRow(row)

    # --- internals ----------------------------------------------------------

    def _fill_row(self, row: int, label: LabelRecord) -> None:
        cells = {
            NAME: QTableWidgetItem(label.name),
            KIND: QTableWidgetItem(self.tr(_KINDS[label.kind]) if label.kind in _KINDS
                                   else label.kind),
            COLOUR: QTableWidgetItem(swatch(label.color), label.color),
            KEY: QTableWidgetItem(label.shortcut or "—"),
        }
        cells[KEY].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        cells[KEY].setToolTip(as_plain_text(
            self.tr("Press {key} in the reader to tag with {label}").format(
                key=label.shortcut, label=label.name))
            if label.shortcut else self.tr("No key"))
        for column, item in cells.items():
            item.setData(Qt.ItemDataRole.UserRole, label.id)
            self.table.setItem(row, column, item)

    def _current(self) -> LabelRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self._labels):
            return None
        return self._labels[rows[0].row()]

    def _on_selection_changed(self) -> None:
        label = self._current()
        for widget in (self.name_edit, self.colour_button, self.shortcut_combo,
                       self.delete_button):
            widget.setEnabled(label is not None)
        with QSignalBlocker(self.name_edit):
            self.name_edit.setText(label.name if label else "")
        self.colour_button.setIcon(swatch(label.color) if label else QIcon())
        self.colour_button.setText(label.color if label else self.tr("Choose…"))
        owners = {other.shortcut: other for other in self._labels if other.shortcut}
        with QSignalBlocker(self.shortcut_combo):
            self.shortcut_combo.clear()
            self.shortcut_combo.addItem(self.tr("None"), None)
            for key in _KEYS:
                owner = owners.get(key)
                taken = (self.tr(" (now {label})").format(label=owner.name)
                         if owner and label and owner.id != label.id else "")
                self.shortcut_combo.addItem(f"{key}{taken}", key)
            shortcut = label.shortcut if label else None
            self.shortcut_combo.setCurrentIndex(self.shortcut_combo.findData(shortcut))

    def _write(self, operation: Operation, title: str, select: Callable[[], int | None]
               = lambda: None) -> bool:
        """Runs one operation, shows why it was refused, or refreshes and announces it.

        ``select`` names the label to select afterwards (a new label).
        """
        refused = self._run(operation)
        if refused is not None:
            QMessageBox.warning(self, title, as_plain_text(refused))
            self.refresh()
            return False
        self.refresh(select())
        self.labels_changed.emit()
        return True

    def _on_name_finished(self) -> None:
        label = self._current()
        name = self.name_edit.text().strip()
        if label is None or name == label.name:
            return
        self._write(operations.EditLabel(label.id, {"name": name},
                                         name=self.tr("Rename {label} to {name}").format(
                                             label=label.name, name=name)),
                    self.tr("Label not renamed"))

    def _on_colour_clicked(self) -> None:
        label = self._current()
        if label is None:
            return
        color = QColorDialog.getColor(QColor(label.color), self,
                                      self.tr("Colour of {label}").format(label=label.name))
        if not color.isValid() or color.name() == label.color:
            return
        self._write(operations.EditLabel(label.id, {"color": color.name()},
                                         name=self.tr("Recolour {label}").format(
                                             label=label.name)),
                    self.tr("Colour not changed"))

    def _on_shortcut_chosen(self, index: int) -> None:
        label = self._current()
        key = self.shortcut_combo.itemData(index)
        if label is None or key == label.shortcut:
            return
        self._write(operations.EditLabel(label.id, {"shortcut": key},
                                         name=self.tr("Change the key of {label}").format(
                                             label=label.name)),
                    self.tr("Key not changed"))

    def _on_delete_clicked(self) -> None:
        label = self._current()
        if label is None:
            return
        self._write(operations.DeleteLabel(label.id, name=self.tr("Delete label {label}").format(
            label=label.name)), self.tr("{label} kept").format(label=label.name))

    def _on_add_clicked(self) -> None:
        name = self.new_name_edit.text().strip()
        if not name:
            self.new_name_edit.setFocus()
            return
        used_colours = {label.color.lower() for label in self._labels}
        colour = next((c for c in _PALETTE if c not in used_colours), _PALETTE[0])
        used_keys = {label.shortcut for label in self._labels}
        key = next((k for k in _KEYS if k not in used_keys), None)
        kind = self.new_kind_combo.currentData()
        adding = operations.AddLabel(name, kind, colour, key,
                                     name=self.tr("Add label {name}").format(name=name))
        if self._write(adding, self.tr("Label not added"), lambda: adding.label_id):
            self.new_name_edit.clear()
