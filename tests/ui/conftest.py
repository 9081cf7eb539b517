"""Fixtures for GUI tests: a main window on a fresh database and settings file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def compile_translations() -> None:
    """Builds the .qm catalogues from the .ts sources where missing or older (as
    `make` does; a test run straight after a clone or an edit of a .ts needs them)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        built = source.with_suffix(".qm")
        if not built.exists() or built.stat().st_mtime < source.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(built)],
                           check=True)


@pytest.fixture(scope="session", autouse=True)
def _interface_language(qapp):
    """The English interface, as the app loads it (its catalogue holds the plural
    forms: "1 article", "2 articles"); tests of another language switch and back."""
    from desktop.ui.i18n import install_translations

    compile_translations()
    install_translations(qapp, "en")
    # Nothing to set back at the end: a language change then would reach the windows
    # of the last tests once their database is closed (and its server stopped).
    yield


@pytest.fixture
def settings_path(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("MARGINALIA_SETTINGS", str(path))
    return path


@pytest.fixture
def make_window(qtbot, db, settings_path):
    """Builds main windows (several, to test restoring a session)."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    def make() -> MainWindow:
        window = MainWindow(Settings(settings_path))
        qtbot.addWidget(window)
        window.restore_session()
        window.show()
        qtbot.waitExposed(window)
        # Offscreen, window shortcuts (Ctrl+Z…) only fire in the active window.
        with qtbot.waitActive(window):
            window.activateWindow()
        return window

    return make



@pytest.fixture(autouse=True)
def _name_model_off_unless_asked(request, monkeypatch):
    """The window's tests see amounts and known names only, unless they ask for the
    name model (the ``recognizer`` fixture): what it proposes is tested on its own
    (tests/ui/test_name_suggestions.py), and it need not load for the others."""
    if "recognizer" not in request.fixturenames:
        from desktop.ui.known_names import KnownNames

        monkeypatch.setattr(KnownNames, "model_enabled", False)
