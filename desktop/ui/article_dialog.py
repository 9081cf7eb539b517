"""The Article details dialog: correct an article's title, date, source, language and "$".

Opened by Edit ▸ Article details… (F2) and by "Edit article…" in the
library's context menu. It shows what is stored, checks what the user typed
with the core's rules (:func:`desktop.core.article_operations.checked_changes`;
a refusal is said under the form, which stays open), and runs what changed
as one :class:`~desktop.core.article_operations.EditArticle` through the
window's runner: one undo step, whose change the library, the reader, the
window title and the plots follow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.article_operations import (
    ArticleDetails,
    EditArticle,
    checked_changes,
    read_details,
)
from desktop.core.suggest import default_currency_hint
from desktop.ui import themes
from desktop.ui.i18n import format_locale, language_name
from desktop.ui.suggestions import CURRENCIES

if TYPE_CHECKING:
    from desktop.core.operations import Operation

# Runs an operation; returns why it was refused, or None when it was done.
RunOperation = Callable[["Operation"], "str | None"]

LANGUAGES = ("fr", "en", "")  # then Other…
# The undo step's name when one detail alone changes ("Undo Change article date"),
# translated where used.
_NAMES = {"title": QT_TRANSLATE_NOOP("ArticleDialog", "Rename article"),
          "published": QT_TRANSLATE_NOOP("ArticleDialog", "Change article date"),
          "source": QT_TRANSLATE_NOOP("ArticleDialog", "Change article source"),
          "language": QT_TRANSLATE_NOOP("ArticleDialog", "Change article language"),
          "currency_hint": QT_TRANSLATE_NOOP("ArticleDialog", "Change article currency")}


class ArticleDialog(QDialog):
    """The form for one article's details.

    Attributes:
        article_id: the article edited.
        title_edit, date_edit, source_edit: the text fields.
        language_combo: French, English, Unknown or Other… (then
            ``other_language_edit`` holds the code).
        currency_combo: the default for the source, then ISO 4217 codes.
        error_label: why the last OK was refused (hidden when nothing is wrong).
        ok_button: saves and closes.
    """

    def __init__(self, article_id: int, details: ArticleDetails, run: RunOperation,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article_id = article_id
        self._details = details
        self._run = run
        self.setWindowTitle(self.tr("Article details"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 48)

        self.title_edit = QLineEdit(details.title, self)
        self.date_edit = QLineEdit(
            details.published.isoformat() if details.published else "", self)
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD, or empty if unknown"))
        self.date_edit.setMaxLength(10)
        self.source_edit = QLineEdit(details.source, self)
        self.source_edit.setPlaceholderText(self.tr("A web address or a file, or empty"))
        self.source_edit.textChanged.connect(self._on_source_changed)

        self.language_combo = QComboBox(self)
        for code in LANGUAGES:
            self.language_combo.addItem(f"{language_name(code)} ({code})" if code
                                        else self.tr("Unknown"), code)
        self.language_combo.addItem(self.tr("Other…"), None)
        self.other_language_edit = QLineEdit(self)
        self.other_language_edit.setPlaceholderText(self.tr("code, e.g. de"))
        self.other_language_edit.setMaxLength(8)
        self.other_language_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 9)
        known = self.language_combo.findData(details.language)
        if known >= 0:
            self.language_combo.setCurrentIndex(known)
        else:
            self.language_combo.setCurrentIndex(self.language_combo.count() - 1)
            self.other_language_edit.setText(details.language)
        self.language_combo.currentIndexChanged.connect(self._on_language_chosen)
        self._on_language_chosen()
        language_row = QHBoxLayout()
        language_row.setContentsMargins(0, 0, 0, 0)
        language_row.addWidget(self.language_combo)
        language_row.addWidget(self.other_language_edit)
        language_row.addStretch(1)

        self.currency_combo = QComboBox(self)
        self.currency_combo.addItem("", None)  # the default: named by _on_source_changed
        codes = list(CURRENCIES)
        if details.currency_hint and details.currency_hint not in codes:
            codes.append(details.currency_hint)
        for code in codes:
            self.currency_combo.addItem(_currency_label(code), code)
        self.currency_combo.setCurrentIndex(max(0, self.currency_combo.findData(
            details.currency_hint)) if details.currency_hint else 0)
        self._on_source_changed(details.source)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow(self.tr("&Source:"), self.source_edit)
        language_label = QLabel(self.tr("&Language:"), self)  # its field is a row of two
        language_label.setBuddy(self.language_combo)
        form.addRow(language_label, language_row)
        form.addRow(self.tr("C&urrency of “$”:"), self.currency_combo)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        palette = self.error_label.palette()
        palette.setColor(self.error_label.foregroundRole(), themes.error_color(
            self.palette().color(QPalette.ColorRole.Window)))
        self.error_label.setPalette(palette)
        self.error_label.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok_button, QPushButton)
        self.ok_button = ok_button
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        for edit in (self.title_edit, self.source_edit):
            edit.setCursorPosition(0)  # long texts show their start
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title_edit.setSelection(len(details.title), -len(details.title))  # to type over

    @classmethod
    def for_article(cls, article_id: int, run: RunOperation,
                    parent: QWidget | None = None) -> ArticleDialog | None:
        """The dialog filled with what is stored; None if the article is gone."""
        details = read_details(article_id)
        return None if details is None else cls(article_id, details, run, parent)

    def values(self) -> dict[str, Any]:
        """What the form holds, as typed (checked only by :meth:`changes`)."""
        language = self.language_combo.currentData()
        return {"title": self.title_edit.text(), "published": self.date_edit.text(),
                "source": self.source_edit.text(),
                "language": self.other_language_edit.text() if language is None else language,
                "currency_hint": self.currency_combo.currentData()}

    def changes(self) -> dict[str, Any]:
        """The details that differ from what is stored, checked and made clean.

        Raises:
            ValueError: a value is refused; the message says why.
        """
        clean = checked_changes(self.values())
        return {name: value for name, value in clean.items()
                if value != getattr(self._details, name)}

    # --- slots -----------------------------------------------------------------------

    def _on_ok(self) -> None:
        try:
            changes = self.changes()
        except ValueError as exc:
            self._refuse(str(exc))
            return
        if changes:
            name = (self.tr(_NAMES[next(iter(changes))]) if len(changes) == 1
                    else self.tr("Edit article details"))
            refused = self._run(EditArticle(self.article_id, changes, name=name))
            if refused is not None:
                self._refuse(refused)
                return
        self.accept()

    def _refuse(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        # The field a refusal names (the core's message is in the interface language).
        field = {self.tr("title", "a word of the message refusing a title"): self.title_edit,
                 self.tr("date", "a word of the message refusing a date"): self.date_edit,
                 self.tr("language", "a word of the message refusing a language code"):
                     self.other_language_edit}
        for word, widget in field.items():
            if word in message and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                widget.selectAll()
                break

    def _on_language_chosen(self, _index: int = 0) -> None:
        other = self.language_combo.currentData() is None
        self.other_language_edit.setEnabled(other)
        self.other_language_edit.setVisible(other)
        if other:
            self.other_language_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_source_changed(self, source: str) -> None:
        self.currency_combo.setItemText(0, self.tr("Default for the source ({code})").format(
            code=default_currency_hint(source.strip())))


def _currency_label(code: str) -> str:
    """"CAD — Canadian Dollar"; the code alone if Babel does not know it."""
    from babel.numbers import get_currency_name

    name = get_currency_name(code, locale=format_locale())
    return f"{code} — {name}" if name and name != code else code
