"""Tag all occurrences: preview every untagged mention of a name, then tag them at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.annotations import LabelRecord
from desktop.core.occurrences import Occurrence, find_occurrences
from desktop.ui.swatch import swatch

PREVIEW_LIMIT = 500  # rows listed; the count above the list is always complete


class TagAllDialog(QDialog):
    """Chooses a name, a label and a scope, and shows how many mentions and where.

    Attributes:
        occurrences: the mentions found for the current choices.
        entity_id: the entity the new tags link to (that of the annotation the
            dialog started from), or None.
    """

    def __init__(self, term: str, labels: list[LabelRecord], label_id: int | None,
                 article_id: int | None, entity_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tag all occurrences")
        self._article_id = article_id
        self.entity_id = entity_id
        self.occurrences: list[Occurrence] = []

        self.term_edit = QLineEdit(term, self)
        self.term_edit.editingFinished.connect(self.update_preview)
        self.label_combo = QComboBox(self)
        for label in labels:
            self.label_combo.addItem(swatch(label.color), label.name, label.id)
        if label_id is not None:
            self.label_combo.setCurrentIndex(max(0, self.label_combo.findData(label_id)))
        self.article_radio = QRadioButton("This article", self)
        self.corpus_radio = QRadioButton("All articles", self)
        self.article_radio.setEnabled(article_id is not None)
        (self.article_radio if article_id is not None else self.corpus_radio).setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.article_radio)
        scope.addButton(self.corpus_radio)
        scope.buttonToggled.connect(lambda _button, checked: checked and self.update_preview())
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.article_radio)
        scope_row.addWidget(self.corpus_radio)
        scope_row.addStretch(1)

        form = QFormLayout()
        form.addRow("&Name", self.term_edit)
        form.addRow("&Label", self.label_combo)
        form.addRow("Where", scope_row)
        self.count_label = QLabel(self)
        self.preview = QListWidget(self)
        self.preview.setUniformItemSizes(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        self.update_preview()

    def label_id(self) -> int:
        return int(self.label_combo.currentData())

    def update_preview(self) -> None:
        """Finds the mentions for the current name and scope, and lists them."""
        term = self.term_edit.text().strip()
        scope = [self._article_id] if self.article_radio.isChecked() and self._article_id \
            else None
        self.occurrences = find_occurrences(term, scope) if len(term) >= 2 else []
        articles = len({o.article_id for o in self.occurrences})
        count = len(self.occurrences)
        if count:
            where = "in this article" if scope else \
                f"in {articles} article{'s' if articles != 1 else ''}"
            self.count_label.setText(f"{count} untagged mention{'s' if count != 1 else ''} "
                                     f"{where}.")
        else:
            self.count_label.setText("No untagged mention of this name.")
        self.preview.clear()
        for occurrence in self.occurrences[:PREVIEW_LIMIT]:
            # The mention first: titles are long and would push it out of sight.
            item = QListWidgetItem(f"{occurrence.context}   — {occurrence.title}")
            item.setToolTip(f"{occurrence.title}\n{occurrence.context}")
            self.preview.addItem(item)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(f"Tag {count}" if count else "Tag")
        ok.setEnabled(bool(count))
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
