"""The Preferences dialog: what it shows, what OK stores and applies, what Cancel leaves."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel

from db import annotations as store
from desktop.ui import settings as keys
from desktop.ui import themes
from desktop.ui.preferences_dialog import PreferencesDialog, open_preferences
from desktop.ui.reader import choose_reading_font, reading_font
from desktop.ui.settings import Settings
from tests.helpers import open_showing_suggestions, store_article

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _default_appearance_after(qapp):
    """Every test leaves the platform's colours and the default reading font."""
    yield
    themes.apply_theme(themes.SYSTEM, ask_system=False)
    choose_reading_font("", keys.READING_FONT_SIZE.default)


@pytest.fixture
def other_family() -> str:
    """An installed font family other than the default reading face."""
    default = reading_font().family()
    families = [f for f in QFontDatabase.families() if f != default and "Math" not in f]
    if not families:
        pytest.skip("only one font family is installed")
    return "DejaVu Sans" if "DejaVu Sans" in families else families[0]


def _dialog(qtbot, settings_path: Path) -> PreferencesDialog:
    dialog = PreferencesDialog(Settings(settings_path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _choose(combo, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _press(qtbot, dialog: PreferencesDialog, button: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)


def _ok(qtbot, dialog: PreferencesDialog) -> None:
    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)


def _preferences_of(qtbot, window) -> PreferencesDialog:
    """Opens the dialog as Edit ▸ Preferences… does, and returns it."""
    open_preferences(window)
    dialog = window.findChild(PreferencesDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _stored(settings_path: Path) -> dict:
    settings = Settings(settings_path)
    return {setting.key: settings.get(setting) for setting in (
        keys.LANGUAGE, keys.THEME, keys.READING_FONT_FAMILY, keys.READING_FONT_SIZE,
        keys.DEFAULT_CURRENCY, keys.DATA_FOLDER, keys.DATA_SERVER, keys.AUTHOR)}


# --- what it shows, what it stores ------------------------------------------------------------

def test_the_dialog_shows_the_stored_values(qtbot, settings_path, tmp_path, other_family):
    settings = Settings(settings_path)
    for setting, value in ((keys.LANGUAGE, "fr"), (keys.THEME, "dark"),
                           (keys.READING_FONT_FAMILY, other_family),
                           (keys.READING_FONT_SIZE, 15.0), (keys.DEFAULT_CURRENCY, "EUR"),
                           (keys.DATA_FOLDER, str(tmp_path / "data")),
                           (keys.AUTHOR, "Ada")):
        settings.set(setting, value)
    settings.sync()

    dialog = _dialog(qtbot, settings_path)

    assert dialog.language_combo.currentText() == "Français"
    assert dialog.theme_combo.currentText() == "Dark"
    assert dialog.font_combo.currentFont().family() == other_family
    assert dialog.size_spin.text() == "15 pt"
    assert dialog.currency_combo.currentText().startswith("EUR — ")
    assert dialog.folder_edit.text() == str(tmp_path / "data")
    assert dialog.author_edit.text() == "Ada"


def test_a_new_user_sees_the_defaults(qtbot, settings_path):
    dialog = _dialog(qtbot, settings_path)

    assert dialog.language_combo.currentData() == "system"
    assert dialog.theme_combo.currentData() == "system"
    assert dialog.font_combo.currentFont().family() == reading_font().family()
    assert dialog.size_spin.value() == 12
    assert dialog.currency_combo.currentData() == "USD"
    assert dialog.folder_edit.text() == ""
    assert dialog.folder_edit.placeholderText()  # the default folder, named
    assert dialog.author_edit.text() == ""


def test_ok_stores_every_field(qtbot, settings_path, tmp_path, monkeypatch, other_family):
    switched = []
    monkeypatch.setattr("desktop.ui.i18n.apply_language", switched.append)
    dialog = _dialog(qtbot, settings_path)
    _choose(dialog.language_combo, "fr")
    _choose(dialog.theme_combo, "dark")
    dialog.font_combo.setCurrentText(other_family)
    dialog.size_spin.setValue(16)
    _choose(dialog.currency_combo, "GBP")
    qtbot.keyClicks(dialog.folder_edit, str(tmp_path / "data"))
    qtbot.keyClicks(dialog.server_edit, "postgresql://ada@db.example.org/newsroom")
    qtbot.keyClicks(dialog.author_edit, "Ada Lovelace")

    _ok(qtbot, dialog)

    assert not dialog.isVisible()
    assert _stored(settings_path) == {
        "ui/language": "fr", "ui/theme": "dark", "reader/font_family": other_family,
        "reader/font_size": 16.0, "amounts/default_currency": "GBP",
        "data/folder": str(tmp_path / "data"),
        "data/server": "postgresql://ada@db.example.org/newsroom",
        "annotation/author": "Ada Lovelace"}
    assert switched == ["fr"]  # the interface switches language at once


def test_ok_without_changes_keeps_the_defaults(qtbot, settings_path):
    dialog = _dialog(qtbot, settings_path)

    _ok(qtbot, dialog)

    assert _stored(settings_path) == _stored(settings_path.with_name("untouched.ini"))


def test_cancel_stores_and_changes_nothing(qtbot, settings_path, tmp_path, other_family):
    dialog = _dialog(qtbot, settings_path)
    before = _stored(settings_path)
    _choose(dialog.theme_combo, "dark")
    dialog.font_combo.setCurrentText(other_family)
    dialog.size_spin.setValue(20)
    _choose(dialog.currency_combo, "EUR")
    qtbot.keyClicks(dialog.folder_edit, str(tmp_path / "data"))
    qtbot.keyClicks(dialog.author_edit, "Ada")

    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    assert not dialog.isVisible()
    assert _stored(settings_path) == before
    assert themes.current_choice() == themes.SYSTEM
    assert themes.current_scheme() == themes.LIGHT
    assert reading_font().pointSizeF() == 12


def test_a_data_folder_that_is_a_file_is_refused(qtbot, settings_path, tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("x")
    dialog = _dialog(qtbot, settings_path)
    qtbot.keyClicks(dialog.folder_edit, str(file))

    _ok(qtbot, dialog)

    assert dialog.isVisible()
    assert "is a file, not a folder" in dialog.error_label.text()
    assert dialog.error_label.isVisible()
    assert _stored(settings_path)["data/folder"] == ""


@pytest.mark.parametrize(("typed", "said"), [
    ("postgresql://anna:secret@db.example.org/newsroom", "Leave the password out"),
    ("mysql://db.example.org/newsroom", "is not a database address"),
    ("postgresql://db.example.org:port/newsroom", "is not a database address"),
])
def test_a_team_database_that_cannot_be_used_is_refused(qtbot, settings_path, typed, said):
    dialog = _dialog(qtbot, settings_path)
    qtbot.keyClicks(dialog.server_edit, typed)

    _ok(qtbot, dialog)

    assert dialog.isVisible()
    assert said in dialog.error_label.text()
    assert dialog.focusWidget() is dialog.server_edit
    assert _stored(settings_path)["data/server"] == ""  # no password stored in clear


def test_every_field_has_a_label_with_a_mnemonic(qtbot, settings_path):
    dialog = _dialog(qtbot, settings_path)
    fields = [dialog.language_combo, dialog.theme_combo, dialog.font_combo, dialog.size_spin,
              dialog.author_edit, dialog.currency_combo, dialog.folder_edit, dialog.server_edit]
    keys_used = []
    for field in fields:
        labels = [label for label in dialog.findChildren(QLabel) if label.buddy() is field]
        assert len(labels) == 1, field
        text = labels[0].text()
        assert "&" in text, text
        keys_used.append(text[text.index("&") + 1].lower())
    assert "&" in dialog.browse_button.text()
    keys_used.append(dialog.browse_button.text()[dialog.browse_button.text().index("&") + 1])
    assert len(set(keys_used)) == len(keys_used)  # no two fields share a key
    assert dialog.findChildren(QFormLayout)  # the labels sit in one form, fields aligned


# --- applied at once ------------------------------------------------------------------------

def test_the_theme_applies_at_once(qtbot, make_window, settings_path):
    window = make_window()
    dark = themes.palette(themes.DARK).color(QPalette.ColorRole.Base)
    dialog = _preferences_of(qtbot, window)
    _choose(dialog.theme_combo, "dark")

    _ok(qtbot, dialog)

    assert window.reader.body.palette().color(QPalette.ColorRole.Base) == dark
    assert themes.current_scheme() == themes.DARK
    assert _stored(settings_path)["ui/theme"] == "dark"


def test_the_reading_font_applies_to_the_reader_at_once(qtbot, make_window, other_family):
    window = make_window()
    dialog = _preferences_of(qtbot, window)
    dialog.font_combo.setCurrentText(other_family)
    dialog.size_spin.setValue(18)

    _ok(qtbot, dialog)

    font = window.reader.body.font()
    assert (font.family(), font.pointSizeF()) == (other_family, 18)
    assert reading_font().family() == other_family  # and panes opened later


def test_the_stored_appearance_is_applied_at_start(qtbot, settings_path, other_family):
    from desktop.ui.app import _apply_appearance
    from desktop.ui.reader import ReaderPane

    settings = Settings(settings_path)
    settings.set(keys.THEME, "dark")
    settings.set(keys.READING_FONT_FAMILY, other_family)
    settings.set(keys.READING_FONT_SIZE, 14.0)

    _apply_appearance(settings)
    pane = ReaderPane()
    qtbot.addWidget(pane)

    assert pane.body.palette().color(QPalette.ColorRole.Base) == \
        themes.palette(themes.DARK).color(QPalette.ColorRole.Base)
    assert (pane.body.font().family(), pane.body.font().pointSizeF()) == (other_family, 14)


# --- default currency -------------------------------------------------------------------------

def test_the_default_currency_is_what_a_bare_amount_is_stored_with(qtbot, make_window):
    """Money whose text names no currency is counted in the default currency; a
    "dollars" written out stays the dollar."""
    body = ("Le chiffre d'affaires atteint 3,4 Mds cette année. "
            "Le contrat vaut 5 millions de dollars.")
    window = make_window()
    article_id = store_article("Bilan", body)
    open_showing_suggestions(qtbot, window, article_id)
    assert [(s.text, s.unit) for s in window.suggestions.suggestions()] == [
        ("3,4 Mds", "USD"), ("5 millions de dollars", "USD")]

    dialog = _preferences_of(qtbot, window)
    _choose(dialog.currency_combo, "EUR")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: window.suggestions.shown_for() == article_id, timeout=20_000)
    window.reader.body.setFocus()
    qtbot.keyClick(window.reader.body, Qt.Key.Key_N)
    qtbot.keyClick(window.reader.body, Qt.Key.Key_A)  # accept "3,4 Mds"
    qtbot.keyClick(window.reader.body, Qt.Key.Key_A)  # and "5 millions de dollars"

    stored = sorted((a.quote, a.value, a.unit) for a in store.annotations_for_article(article_id))
    assert stored == [("3,4 Mds", 3.4e9, "EUR"), ("5 millions de dollars", 5e6, "USD")]


def test_an_article_from_a_canadian_source_keeps_its_dollar(qtbot, make_window, settings_path):
    settings = Settings(settings_path)
    settings.set(keys.DEFAULT_CURRENCY, "EUR")
    settings.sync()
    window = make_window()
    article_id = store_article("Bilan", "Le chiffre d'affaires atteint 3,4 Mds.",
                               source="https://www.ledevoir.com/economie/1")
    open_showing_suggestions(qtbot, window, article_id)

    assert [(s.text, s.unit) for s in window.suggestions.suggestions()] == [("3,4 Mds", "CAD")]


# --- data folder ---------------------------------------------------------------------------------

def test_the_data_folder_is_used_on_the_next_start(qtbot, make_window, settings_path, tmp_path):
    from db import connection

    window = make_window()
    open_now = connection.opened().path
    folder = tmp_path / "elsewhere"
    dialog = _preferences_of(qtbot, window)
    qtbot.keyClicks(dialog.folder_edit, str(folder))

    _ok(qtbot, dialog)

    assert connection.opened().path == open_now  # this session's database stays
    assert "next time" in window.statusBar().currentMessage()
    assert not folder.exists()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MARGINALIA_SETTINGS=str(settings_path))
    env.pop("MARGINALIA_DB", None)
    started = subprocess.run([sys.executable, "-m", "desktop", "--smoke"], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert started.returncode == 0, started.stderr
    assert (folder / "marginalia.sqlite3").is_file()


def test_the_team_database_is_used_on_the_next_start(qtbot, make_window, settings_path,
                                                     postgres):
    from db import connection

    if isinstance(postgres, str):
        pytest.skip(f"PostgreSQL: {postgres}")
    team = postgres.new_database("team_from_preferences")  # new: never opened yet
    window = make_window()
    open_now = connection.opened().path
    dialog = _preferences_of(qtbot, window)
    qtbot.keyClicks(dialog.server_edit, team)

    _ok(qtbot, dialog)

    assert connection.opened().path == open_now  # this session's database stays
    assert "team database" in window.statusBar().currentMessage()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MARGINALIA_SETTINGS=str(settings_path))
    env.pop("MARGINALIA_DB", None)
    started = subprocess.run([sys.executable, "-m", "desktop", "--smoke"], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert started.returncode == 0, started.stderr
    # The first start on the empty team database set it up with the sample articles.
    from db.reads import first_article_id

    database = connection.open_database(team)
    try:
        assert first_article_id() is not None
    finally:
        connection.close_database()
        database.close_all()


# --- reaching it -----------------------------------------------------------------------------

def test_ctrl_comma_opens_the_preferences(qtbot, make_window):
    window = make_window()

    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)

    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None and dialog.isVisible()
    assert window.preferences_action in window.menuBar().actions()[1].menu().actions()
