"""File ▸ Export…: choose the format, then what to export.

The dialog only asks; :class:`~desktop.ui.transfers.Transfers` then asks
for the file and runs the export in the background. The formats are the
core's registry (:mod:`desktop.core.export_formats`): each with what it is
for and what its offsets count, shown under the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop.core.export_formats import FORMATS
from desktop.ui.plain_text import as_menu_text

THIS_ARTICLE = "article"
SELECTION = "selection"
EVERYTHING = "all"


@dataclass(frozen=True)
class ExportScopes:
    """What there is to export, as the window sees it when the dialog opens.

    Attributes:
        article: the open article's (id, title), if any.
        selection: the articles selected in the library, in list order.
        total: how many articles the library holds.
    """

    article: tuple[int, str] | None
    selection: tuple[int, ...]
    total: int


class ExportDialog(QtWidgets.QDialog):
    """The format (a list), then the scope (this article, the selection, everything).

    Signals:
        chosen(str, object): the format's name, and the article ids to export
            (None for every article), when the user presses Export.
    """

    chosen = Signal(str, object)

    def __init__(self, scopes: ExportScopes, parent: QWidget | None = None,
                 format_name: str = "jsonl") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export annotations"))
        self._scopes = scopes
        self.formats = QtWidgets.QListWidget()
        for fmt in FORMATS.values():
            item = QtWidgets.QListWidgetItem(f"{format_text(fmt.title)} (*{fmt.suffix})")
            item.setData(Qt.ItemDataRole.UserRole, fmt.name)
            self.formats.addItem(item)
        self.about = QtWidgets.QLabel()
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.formats.currentRowChanged.connect(self._on_format_changed)
        self.this_article = QtWidgets.QRadioButton()
        self.selection = QtWidgets.QRadioButton(self.tr(
            "The %n article(s) selected in the library", None, len(scopes.selection)))
        self.everything = QtWidgets.QRadioButton(self.tr("Every article ({count})").format(
            count=QtCore.QLocale().toString(scopes.total)))
        if scopes.article is not None:
            title = as_menu_text(scopes.article[1])  # a button's "&" marks its key
            self.this_article.setText(self.tr("This article: “{title}”").format(title=title))
        else:
            self.this_article.setText(self.tr("This article (none is open)"))
        self.this_article.setEnabled(scopes.article is not None)
        self.selection.setEnabled(bool(scopes.selection))
        self.everything.setChecked(True)
        scope_box = QtWidgets.QGroupBox(self.tr("What to export"))
        scope_layout = QtWidgets.QVBoxLayout(scope_box)
        for button in (self.this_article, self.selection, self.everything):
            scope_layout.addWidget(button)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(
            self.tr("Export…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(QtWidgets.QLabel(self.tr("Format:")))
        layout.addWidget(self.formats)
        layout.addWidget(self.about)
        layout.addWidget(scope_box)
        layout.addWidget(buttons)
        self.set_format(format_name)
        self.formats.setFocus()

    def set_format(self, name: str) -> None:
        """Selects the format called ``name`` (the first if unknown)."""
        names = list(FORMATS)
        self.formats.setCurrentRow(names.index(name) if name in names else 0)

    def format_name(self) -> str:
        """The chosen format's name."""
        return list(FORMATS)[max(0, self.formats.currentRow())]

    def article_ids(self) -> list[int] | None:
        """The chosen articles: the open one, the selection, or None for every article."""
        if self.this_article.isChecked() and self._scopes.article is not None:
            return [self._scopes.article[0]]
        if self.selection.isChecked() and self._scopes.selection:
            return list(self._scopes.selection)
        return None

    def accept(self) -> None:
        super().accept()
        self.chosen.emit(self.format_name(), self.article_ids())

    def _on_format_changed(self, row: int) -> None:
        fmt = list(FORMATS.values())[max(0, row)]
        self.about.setText(self.tr("For {consumer}. Offsets: {offsets}.").format(
            consumer=format_text(fmt.consumer), offsets=format_text(fmt.offsets)))


def format_text(text: str) -> str:
    """A format's title, consumer or offsets (the core's, in English), translated."""
    return QCoreApplication.translate("ExportFormat", text)
