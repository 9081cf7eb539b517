"""The Preferences dialog: language, theme, reading font, default currency, data
folder and author name, over the typed settings of :mod:`desktop.ui.settings`.

Nothing is stored or changed until OK: then every field is stored, the theme
and the reading font change at once, and so does the language when the
interface can switch it while running (:mod:`desktop.ui.i18n`). The data
folder is read at start-up only, so a new one is used from the next start;
the dialog says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpacerItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import settings as keys
from desktop.ui import themes
from desktop.ui.reader import READING_SIZES, choose_reading_font, reading_font
from desktop.ui.settings import Setting, Settings
from desktop.ui.suggestions import CURRENCIES

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

SHORTCUT = "Ctrl+,"
"""The key that opens the dialog (Cmd+, on macOS, as Qt reads Ctrl there)."""

# The languages of the interface, each named in itself so that a reader of
# that language finds it whatever the interface's language is now (those of
# desktop.ui.i18n when it is there).
_LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


translate = QCoreApplication.translate


def _language_names() -> dict[str, str]:
    try:
        from desktop.ui.i18n import LANGUAGES
    except ImportError:
        return _LANGUAGE_NAMES
    return dict(LANGUAGES)


def _language_switcher() -> Any:
    """``desktop.ui.i18n.apply_language`` if the interface can change language
    while running, else None (the language is then used from the next start)."""
    try:
        from desktop.ui.i18n import apply_language
    except ImportError:
        return None
    return apply_language


def _currency_name(code: str) -> str:
    """ "EUR — Euro" in the interface's language; the code alone if Babel does not know it."""
    from babel.core import UnknownLocaleError
    from babel.numbers import get_currency_name
    from PySide6.QtCore import QLocale

    try:
        name = get_currency_name(code, locale=QLocale().name())
    except (UnknownLocaleError, ValueError):
        name = get_currency_name(code, locale="en")
    return f"{code} — {name}" if name and name != code else code


class PreferencesDialog(QDialog):
    """Shows the stored preferences; OK stores and applies them, Cancel forgets.

    Signals:
        applied(set): the preferences were stored; the settings whose value changed.

    Attributes:
        language_combo, theme_combo, font_combo, size_spin, currency_combo,
        folder_edit, server_edit, author_edit: the fields (the two first in the
            Data section, shown last).
        error_label: says why OK was refused (a data folder that cannot be one,
            a team database address that is not one).
    """

    applied = Signal(set)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self._switch_language = _language_switcher()

        self.language_combo = QComboBox(self)
        self.language_combo.addItem(self.tr("Same as the system"), "system")
        for code, name in _language_names().items():
            self.language_combo.addItem(name, code)
        self.theme_combo = QComboBox(self)
        self.theme_combo.addItem(self.tr("Same as the system"), themes.SYSTEM)
        self.theme_combo.addItem(self.tr("Light"), themes.LIGHT)
        self.theme_combo.addItem(self.tr("Dark"), themes.DARK)
        self.font_combo = QFontComboBox(self)
        self.font_combo.setFontFilters(QFontComboBox.FontFilter.ScalableFonts)
        self.size_spin = QSpinBox(self)
        self.size_spin.setRange(*(int(size) for size in READING_SIZES))
        self.size_spin.setSuffix(self.tr(" pt"))
        self.currency_combo = QComboBox(self)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.clicked.connect(self._on_browse)
        self.server_edit = QLineEdit(self)
        self.server_edit.setClearButtonEnabled(True)
        self.server_edit.setPlaceholderText("postgresql://you@server/newsroom")
        self.author_edit = QLineEdit(self)
        self.author_edit.setPlaceholderText(self.tr("Stored with each annotation you make"))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # a typed "<" stays text
        palette = self.error_label.palette()
        palette.setColor(self.error_label.foregroundRole(), themes.error_color(
            self.palette().color(QPalette.ColorRole.Window)))
        self.error_label.setPalette(palette)
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addSpacing(self.fontMetrics().height() // 2)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show_stored()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)

    # --- building -------------------------------------------------------------

    def _form(self) -> QFormLayout:
        """One form for every section, so that the fields of all line up."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._section(form, self.tr("Appearance"), first=True)
        form.addRow(self.tr("&Language:"), self.language_combo)
        if self._switch_language is None:
            form.addRow("", self._note(self.tr("Takes effect the next time Marginalia starts.")))
        form.addRow(self.tr("&Theme:"), self.theme_combo)
        form.addRow(self.tr("Reading &font:"), self.font_combo)
        form.addRow(self.tr("Font si&ze:"), self.size_spin)

        self._section(form, self.tr("Annotations"))
        form.addRow(self.tr("&Author name:"), self.author_edit)
        form.addRow(self.tr("Default c&urrency:"), self.currency_combo)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "Money whose text names no currency (“a turnover of 3.4 bn”) is counted in "
                    "it, unless the article or its source says which."
                )
            ),
        )

        self._section(form, self.tr("Data"))
        from db.connection import default_path

        self.folder_edit.setPlaceholderText(str(default_path().parent))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        label = QLabel(self.tr("&Data folder:"), self)  # its field is a row of two
        label.setBuddy(self.folder_edit)
        form.addRow(label, row)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "Where the database is kept. A new folder is used the next time Marginalia "
                    "starts; the database open now stays where it is."
                )
            ),
        )
        form.addRow(self.tr("Tea&m database:"), self.server_edit)
        form.addRow(
            "",
            self._note(
                self.tr(
                    "A PostgreSQL database shared with your team, used instead of the data "
                    "folder from the next start. Leave the password out: PostgreSQL reads it "
                    "from ~/.pgpass. Empty: this computer's file."
                )
            ),
        )
        return form

    def _section(self, form: QFormLayout, title: str, first: bool = False) -> None:
        """A bold heading across the form."""
        heading = QLabel(title, self)
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        if not first:
            form.addItem(QSpacerItem(0, heading.fontMetrics().height() // 2))
        form.addRow(heading)

    def _note(self, text: str) -> QLabel:
        """A short explanation under a field, in the muted colour."""
        note = QLabel(text, self)
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        small = QFont(note.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        note.setFont(small)
        return note

    # --- values -----------------------------------------------------------------

    def _show_stored(self) -> None:
        """Fills the fields with the stored preferences."""
        get = self.settings.get
        self._select(self.language_combo, get(keys.LANGUAGE))
        self._select(self.theme_combo, get(keys.THEME))
        family = get(keys.READING_FONT_FAMILY)
        self.font_combo.setCurrentFont(QFont(family) if family else reading_font())
        self.size_spin.setValue(round(get(keys.READING_FONT_SIZE)))
        # What the font fields show for the stored values (the default face for "",
        # a whole size): left as they are, the stored values stay.
        self._shown_font = (self.font_combo.currentFont().family(), self.size_spin.value())
        currency = get(keys.DEFAULT_CURRENCY)
        codes = list(CURRENCIES) if currency in CURRENCIES else [*CURRENCIES, currency]
        for code in codes:
            self.currency_combo.addItem(_currency_name(code), code)
        self._select(self.currency_combo, currency)
        self.folder_edit.setText(get(keys.DATA_FOLDER))
        self.server_edit.setText(get(keys.DATA_SERVER))
        self.author_edit.setText(get(keys.AUTHOR))

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def values(self) -> dict[Setting[Any], Any]:
        """What the fields say, by setting, as it would be stored."""
        family, size = self.font_combo.currentFont().family(), self.size_spin.value()
        shown_family, shown_size = self._shown_font
        folder = self.folder_edit.text().strip()
        return {
            keys.LANGUAGE: self.language_combo.currentData(),
            keys.THEME: self.theme_combo.currentData(),
            keys.READING_FONT_FAMILY: (
                self.settings.get(keys.READING_FONT_FAMILY) if family == shown_family else family
            ),
            keys.READING_FONT_SIZE: (
                self.settings.get(keys.READING_FONT_SIZE) if size == shown_size else float(size)
            ),
            keys.DEFAULT_CURRENCY: self.currency_combo.currentData(),
            keys.DATA_FOLDER: str(Path(folder).expanduser()) if folder else "",
            keys.DATA_SERVER: self.server_edit.text().strip(),
            keys.AUTHOR: self.author_edit.text().strip(),
        }

    def _folder_problem(self, folder: str) -> str | None:
        """Why ``folder`` cannot hold the database, or None."""
        if not folder:
            return None
        path = Path(folder)
        if not path.is_absolute():
            return self.tr("Choose the data folder by its full path, e.g. {0}.").format(
                Path.home() / "Marginalia"
            )
        if path.exists() and not path.is_dir():
            return self.tr("“{0}” is a file, not a folder.").format(folder)
        return None

    def _grow_to_fit(self) -> None:
        """Makes the dialog tall enough for every wrapped line once the error shows
        (a form's wrapped notes would be squeezed, not the window grown)."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        wanted = layout.totalHeightForWidth(self.width())
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def _server_problem(self, url: str) -> str | None:
        """Why ``url`` cannot name a team database, or None (empty: none wanted)."""
        if not url:
            return None
        example = "postgresql://you@server/newsroom"
        try:
            parts = urlsplit(url)
            password, _port = parts.password, parts.port
        except ValueError:  # a port that is not a number
            return self.tr("“{0}” is not a database address. Write it as {1}.").format(
                url, example)
        if parts.scheme not in ("postgresql", "postgres") or not (
                parts.hostname or parts.path.strip("/")):
            return self.tr("“{0}” is not a database address. Write it as {1}.").format(
                url, example)
        if password is not None:
            return self.tr(
                "Leave the password out of the address: it would be stored in plain text. "
                "PostgreSQL reads it from ~/.pgpass (or $PGPASSWORD).")
        return None

    # --- OK ----------------------------------------------------------------------------

    def accept(self) -> None:
        """Stores every field and applies what can change at once; refuses a data
        folder that cannot be one (and says why)."""
        values = self.values()
        for problem, field in ((self._folder_problem(values[keys.DATA_FOLDER]), self.folder_edit),
                               (self._server_problem(values[keys.DATA_SERVER]), self.server_edit)):
            if problem:
                self.error_label.setText(problem)
                self.error_label.show()
                self._grow_to_fit()
                field.setFocus()
                field.selectAll()
                return
        changed = {
            setting for setting, value in values.items() if value != self.settings.get(setting)
        }
        for setting, value in values.items():
            self.settings.set(setting, value)
        self.settings.sync()
        apply_preferences(self.settings, changed)
        self.applied.emit(changed)
        super().accept()

    def _on_browse(self) -> None:
        start = self.folder_edit.text().strip() or self.folder_edit.placeholderText()
        folder = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), start)
        if folder:
            self.folder_edit.setText(folder)


def apply_preferences(settings: Settings, changed: set[Setting[Any]]) -> None:
    """Applies the stored appearance preferences that ``changed``, to the whole application."""
    if keys.THEME in changed:
        themes.apply_theme(settings.get(keys.THEME))
    if changed & {keys.READING_FONT_FAMILY, keys.READING_FONT_SIZE}:
        choose_reading_font(
            settings.get(keys.READING_FONT_FAMILY), settings.get(keys.READING_FONT_SIZE)
        )
    switch = _language_switcher()
    if keys.LANGUAGE in changed and switch is not None:
        switch(settings.get(keys.LANGUAGE))


def open_preferences(window: MainWindow) -> None:
    """Opens the Preferences dialog over ``window`` (Edit ▸ Preferences…, Ctrl+,).

    Once OK is pressed, the window's panes propose amounts again if the
    default currency changed, and the status bar says when a new data folder
    will be used.
    """
    dialog = PreferencesDialog(window.settings, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.applied.connect(lambda changed: _on_applied(window, changed))
    dialog.open()


def _on_applied(window: MainWindow, changed: set[Setting[Any]]) -> None:
    if keys.DEFAULT_CURRENCY in changed:
        for pane in window.panes:
            pane.suggestions.reread_default_currency()
    if keys.DATA_FOLDER in changed and not window.settings.get(keys.DATA_SERVER):
        window.statusBar().showMessage(
            translate(
                "PreferencesDialog",
                "The new data folder will be used the next time Marginalia starts.",
            ),
            15000,
        )
    elif keys.DATA_SERVER in changed:
        window.statusBar().showMessage(
            translate(
                "PreferencesDialog",
                "The team database will be used the next time Marginalia starts.",
            )
            if window.settings.get(keys.DATA_SERVER)
            else translate(
                "PreferencesDialog",
                "This computer's database will be used the next time Marginalia starts.",
            ),
            15000,
        )
    elif keys.LANGUAGE in changed and _language_switcher() is None:
        window.statusBar().showMessage(
            translate(
                "PreferencesDialog",
                "The new language will be used the next time Marginalia starts.",
            ),
            15000,
        )
