"""The Link dialog: links one annotation to others of its article, with a kind of relation.

Opened with L in the reader body when the cursor (or the selection) is in an
annotation, with Edit ▸ Link… (Ctrl+Shift+L) or from the reader's right-click
menu over an annotation. It lists the article's other annotations that the
pane shows (those its annotator filter lets through): those of the same
sentence first (its entity mentions first of all, checked already
when the annotation is an amount: the parties of a deal), then the rest by
position. Typing filters the list; Down goes to the list, where Up/Down move
and Space checks, and typing goes back to the filter. The kind is "deal" by
default, any kind already used, or one the user types ("supplies"). OK makes
one undoable operation (:meth:`AnnotationCommands.link`); Esc cancels.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.records import AMOUNT, ENTITY, AnnotationRecord
from db.relation_kinds import DEAL, relation_kinds
from desktop.ui.annotation_model import one_line
from desktop.ui.i18n import quoted, relation_kind_name
from desktop.ui.plain_text import as_plain_text

if TYPE_CHECKING:
    from desktop.ui.annotation_commands import AnnotationCommands
    from desktop.ui.reader_controller import LabelSet, ReaderController

ID_ROLE = Qt.ItemDataRole.UserRole
# In English; said translated.
NO_ANNOTATION_TEXT = QT_TRANSLATE_NOOP(
    "LinkDialog", "Put the cursor in an annotation, then press L (or Edit ▸ Link…).")
NOTHING_TO_LINK_TEXT = QT_TRANSLATE_NOOP(
    "LinkDialog", "There is no other annotation in this article to link it to.")
ALL_HIDDEN_TEXT = QT_TRANSLATE_NOOP(
    "LinkDialog", "The other annotations of this article are not shown in this pane "
                  "(View ▸ Annotators): there is none to link it to here.")


def link_rows(source: AnnotationRecord, records: Sequence[AnnotationRecord],
              kind_of: Callable[[int], str | None], label_name: Callable[[int], str],
              entity_name: Callable[[int | None], str]
              ) -> list[tuple[AnnotationRecord, str, bool]]:
    """The annotations ``source`` can be linked to, in the order the dialog lists them.

    Those of its sentence come first (its entity mentions first of all), then
    the rest of the article by position. Each comes with its row's text
    ("“AWS” · ORG · Amazon Web Services") and whether it starts checked: the
    entity mentions of an amount's sentence, the parties of a deal.
    """
    amount = kind_of(source.label_id) == AMOUNT

    def same_sentence(record: AnnotationRecord) -> bool:
        return source.sentence is not None and record.sentence == source.sentence

    def rank(record: AnnotationRecord) -> tuple[int, int, int, int]:
        if same_sentence(record):
            group = 0 if kind_of(record.label_id) == ENTITY else 1
        else:
            group = 2
        return group, record.start, record.end, record.id or 0

    rows = []
    for record in sorted((r for r in records if r.id is not None and r.id != source.id),
                         key=rank):
        parts = [quoted(one_line(record.quote, 60)), label_name(record.label_id)]
        name = entity_name(record.entity_id)
        if name:
            parts.append(name)
        checked = amount and same_sentence(record) and kind_of(record.label_id) == ENTITY
        rows.append((record, " · ".join(parts), checked))
    return rows


def _folded(text: str) -> str:
    """``text`` without case or accents, for filtering ("societe" finds "Société")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class LinkDialog(QDialog):
    """Chooses the annotations to link one annotation to, and the kind of the links.

    Attributes:
        source: the annotation the dialog is for.
        filter_edit: the filter box (it has the focus first).
        list: the candidates, checkable.
        kind_combo: the kind, editable.
    """

    def __init__(self, source: AnnotationRecord, source_label: str,
                 rows: Sequence[tuple[AnnotationRecord, str, bool]], kinds: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setWindowTitle(self.tr("Link"))
        self.heading = QLabel(self.tr("Link “{quote}” ({label}) to:").format(
            quote=one_line(source.quote, 80), label=source_label), self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter — ↓ to the list, Space to check"))
        self.filter_edit.setToolTip(self.tr("Enter links to the checked rows; with none "
                                            "checked, to the row the filter highlights"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.installEventFilter(self)

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Annotations to link to"))
        for record, text, checked in rows:
            item = QListWidgetItem(text, self.list)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setData(ID_ROLE, record.id)
            item.setToolTip(as_plain_text(one_line(record.quote, 300)))
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemChanged.connect(self._update_ok)
        self.list.currentItemChanged.connect(self._update_ok)
        self.list.installEventFilter(self)

        self.kind_combo = QComboBox(self)
        self.kind_combo.setEditable(True)
        self.kind_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for kind in list(dict.fromkeys(kinds)) or [DEAL]:  # "deal" shown translated
            self.kind_combo.addItem(relation_kind_name(kind), kind)
        self.kind_combo.setCurrentIndex(0)
        self.kind_combo.setToolTip(self.tr("A kind already used, or type a new one (“supplies”)"))
        self.kind_combo.editTextChanged.connect(self._update_ok)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Kind"), self.kind_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(460, 420)
        self.filter_edit.setFocus()
        self._update_ok()

    # --- what the user chose ------------------------------------------------------------

    def checked_ids(self) -> list[int]:
        """The annotations checked (those filtered out too), in list order."""
        return [int(item.data(ID_ROLE)) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def chosen_ids(self) -> list[int]:
        """What OK links to: the annotations checked; with none checked and a filter
        typed, the row it highlights (typing a filter and pressing Enter links to what
        it found). Nothing else: the first row is highlighted from the start, and
        Enter must not link to a row nobody chose."""
        checked = self.checked_ids()
        if checked or not self.filter_edit.text().strip():
            return checked
        current = self.list.currentItem()
        return [int(current.data(ID_ROLE))] if current is not None and not current.isHidden() \
            else []

    def kind(self) -> str:
        """The kind typed or chosen, its spaces tidied ("deal" by default, whatever
        the interface language calls it)."""
        text = " ".join(self.kind_combo.currentText().split())
        index = self.kind_combo.findText(text)
        return str(self.kind_combo.itemData(index)) if index >= 0 else text

    def visible_texts(self) -> list[str]:
        """The rows the filter lets through, in order."""
        return [item.text() for item in self._items() if not item.isHidden()]

    # --- behaviour --------------------------------------------------------------------------

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _update_ok(self, *_args: object) -> None:
        self.ok_button.setEnabled(bool(self.chosen_ids()) and bool(self.kind()))

    def _filter(self, text: str) -> None:
        words = _folded(text).split()
        for item in self._items():
            haystack = _folded(item.text())
            item.setHidden(not all(word in haystack for word in words))
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self._go_to(self._visible_rows()[:1])
        self._update_ok()

    def _visible_rows(self) -> list[int]:
        return [row for row in range(self.list.count()) if not self.list.item(row).isHidden()]

    def _go_to(self, rows: list[int]) -> None:
        if rows:
            self.list.setCurrentRow(rows[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Down in the filter goes to the list; typing in the list goes to the filter."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.AltModifier
                                         | Qt.KeyboardModifier.MetaModifier)
        if watched is self.filter_edit and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            visible = self._visible_rows()
            current = self.list.currentRow()
            self._go_to([current] if current in visible else visible[:1])
            self.list.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if watched is self.list:
            visible = self._visible_rows()
            if key == Qt.Key.Key_Up and (not visible or self.list.currentRow() == visible[0]):
                self.filter_edit.setFocus(Qt.FocusReason.BacktabFocusReason)
                return True
            if key == Qt.Key.Key_Backspace:
                self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                self.filter_edit.backspace()
                return True
            text = event.text()
            if plain and text and text.isprintable() and not text.isspace():
                self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                self.filter_edit.insert(text)
                return True
        return super().eventFilter(watched, event)


# --- opening it from a reader pane ---------------------------------------------------------


def annotation_at(controller: ReaderController, cp: int | None = None) -> AnnotationRecord | None:
    """The annotation at ``cp``, else at the pane's selection or cursor (innermost first)."""
    pane = controller.pane
    if cp is not None:
        places = [cp]
    elif (selection := pane.selection_range()) is not None:
        places = [selection[0], max(selection[0], selection[1] - 1)]
    else:
        cursor = pane.cursor_position()
        places = [cursor, cursor - 1]  # the cursor just after an annotation is in it
    for place in places:
        if place < 0:
            continue
        for highlight in reversed(pane.highlights_at(place)):
            record = controller.record(highlight.id) if highlight.id > 0 else None
            if record is not None:
                return record
    return None


def open_link_dialog(controller: ReaderController, labels: LabelSet,
                     commands: AnnotationCommands, status: Callable[[str], None],
                     parent: QWidget, annotation_id: int | None = None) -> LinkDialog | None:
    """Opens the dialog (window-modal) for an annotation of the pane; None if there is none.

    Args:
        annotation_id: the annotation; by default the one at the cursor or selection.
    """
    source = (controller.record(annotation_id) if annotation_id is not None
              else annotation_at(controller))
    if source is None or source.id is None:
        status(QCoreApplication.translate("LinkDialog", NO_ANNOTATION_TEXT))
        return None

    def label_name(label_id: int) -> str:
        label = labels.by_id.get(label_id)
        return label.name if label is not None else "?"

    # Only what the pane shows: in a pane showing Alice's annotations, Bob's are not
    # offered (the user would link to words they cannot see highlighted).
    rows = link_rows(source, controller.shown_records(), labels.kind_of, label_name,
                     controller.entity_name)
    if not rows:
        hidden = any(r.id != source.id for r in controller.records())
        status(QCoreApplication.translate("LinkDialog",
                                          ALL_HIDDEN_TEXT if hidden else NOTHING_TO_LINK_TEXT))
        return None
    dialog = LinkDialog(source, label_name(source.label_id), rows, relation_kinds(), parent)
    source_id = source.id
    dialog.accepted.connect(
        lambda: commands.link(source_id, dialog.chosen_ids(), dialog.kind()))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
