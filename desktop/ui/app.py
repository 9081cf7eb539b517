"""Application bootstrap: checks, database, first-run sample, main window.

The database is opened before the window (read only when asked, or when
the file or its folder is not writable: the window then says so and turns
editing off). SQLite's quick check of the whole file (0.7 s on a million
annotations, see db.integrity) runs on a thread of its own just after the
first paint; a damaged file is then refused every write and the user is
told, with the latest backup (:class:`IntegrityWatch`).
"""

from __future__ import annotations

import functools
import gc
import os
import sqlite3
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop import APP_ID, APP_NAME, __version__

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings


def _display_problem() -> str | None:
    """Says why no window can be shown, before Qt aborts with a cryptic message."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("No display found (neither DISPLAY nor WAYLAND_DISPLAY is set). "
            "Run Marginalia in a desktop session, under xvfb-run, or with "
            "QT_QPA_PLATFORM=offscreen for scripted checks.")


class IntegrityWatch(QObject):
    """SQLite's quick check of the database, on a thread of its own.

    The check opens its own read-only connection (:func:`db.integrity.check_file`),
    so the window goes on meanwhile; on a damaged file the database refuses
    every write from then on, the window turns editing off, and a message
    says what is wrong and offers the latest backup.

    Signals:
        finished(object): the :class:`~db.integrity.IntegrityReport`, or the
            DatabaseError that kept the check from running.
    """

    finished = Signal(object)

    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self.window = window
        self.path = path
        self.finished.connect(self._on_finished)  # delivered on the GUI thread
        self._thread = threading.Thread(target=self._check, name="integrity-check",
                                        daemon=True)  # never holds up quitting

    def start(self) -> IntegrityWatch:
        self._thread.start()
        return self

    def _check(self) -> None:
        from db.connection import DatabaseError
        from db.integrity import check_file

        try:
            result: object = check_file(self.path, full=False)
        except DatabaseError as exc:
            result = exc
        try:
            self.finished.emit(result)
        except RuntimeError:  # the window was closed meanwhile: nobody to tell
            pass

    def _on_finished(self, result: object) -> None:
        from PySide6.QtWidgets import QMessageBox

        from db import connection
        from db.integrity import IntegrityReport

        if not isinstance(result, IntegrityReport):
            self.window.statusBar().showMessage(str(result), 15000)
            return
        if result.ok:
            return
        connection.mark_damaged(result.path, result.message)
        self.window.set_read_only(result.message)
        from desktop.ui.plain_text import as_plain_text  # a file name may hold "<"

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The database is damaged"),
                          as_plain_text(result.message), parent=self.window)
        box.open()


def watch_integrity(window: MainWindow, path: Path) -> IntegrityWatch:
    """Starts the quick check of ``path`` for ``window``; see :class:`IntegrityWatch`."""
    return IntegrityWatch(window, path).start()


def run_gui(db_path: str | None = None, smoke: bool = False, read_only: bool = False) -> int:
    """Runs the application; returns the process exit code.

    Args:
        db_path: database file (``--db``); else ``$MARGINALIA_DB`` or the default.
        smoke: show the window with an article, wait for its first paint, exit 0.
        read_only: open the database for reading only (``--read-only``).
    """
    problem = _display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2

    # No cycle collection while the modules load and the window is built: those
    # objects live as long as the app, and the collector would walk them again
    # and again (~5 ms). Just after the first paint they are frozen out of later
    # collections, which then stay short (_resume_gc).
    gc.disable()

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QFontDatabase, QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from db import connection, reads
    from db.connection import DatabaseError
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    if not QFontDatabase.families():
        print("Warning: no fonts found; text will show as boxes. "
              "Install fonts-dejavu-core (see README).", file=sys.stderr)
    settings = Settings()
    # The interface language, before any window: our catalogue and Qt's (~1 ms).
    from desktop.ui.i18n import install_translations
    from desktop.ui.settings import LANGUAGE

    install_translations(app, settings.get(LANGUAGE))
    _apply_appearance(settings)
    if not db_path and not os.environ.get(connection.ENV_VAR):
        # The team database or the data folder chosen in the preferences.
        db_path = settings.database_location()

    def refuse(exc: DatabaseError) -> int:
        gc.enable()
        print(str(exc), file=sys.stderr)
        if not smoke:
            from desktop.ui.plain_text import as_plain_text

            QMessageBox.critical(None, APP_NAME, as_plain_text(str(exc)))
        return 2

    created = False
    try:
        # An up-to-date database holding articles is read with plain sqlite3
        # until the window has painted its article; the ORM (peewee, ~40 ms to
        # load) takes over just after. A new or older file is created or
        # migrated first, and the sample articles imported into a new one.
        try:
            quick = (connection.open_for_reading(db_path, read_only=read_only)
                     and reads.first_article_id() is not None)
        except sqlite3.DatabaseError:  # a damaged page: the full open below says so
            connection.close_database()
            quick = False
        if not quick:
            from desktop.core.seed import seed_demo_if_new

            connection.open_database(db_path, read_only=read_only)
            opened = connection.opened()
            created = opened is not None and opened.created
            report = seed_demo_if_new()
            if report is not None and report.problems:
                print(report.summary(), file=sys.stderr)
    except DatabaseError as exc:
        return refuse(exc)

    window = MainWindow(settings)  # read only, it turns editing off (writes_refused)
    try:
        window.restore_session()
    except sqlite3.DatabaseError as exc:
        # The last article sits on a damaged page: the window opens without it, and
        # the integrity check after the first paint says what is wrong.
        error = connection.describe_error(exc)
        print(f"marginalia: {error}", file=sys.stderr)  # as _say_database_errors does
        window.statusBar().showMessage(str(error))
    if not quick and connection.writes_refused() is None:
        # An older database was migrated: say once what changed in it.
        from desktop.core.upgrades import upgrade_notes

        notes = upgrade_notes()
        if notes:
            window.statusBar().showMessage(" ".join(notes), 30000)
    window.show()
    window.call_after_first_paint(_resume_gc, first=True)
    window.call_after_first_paint(_follow_system_theme)
    window.call_after_first_paint(_set_window_icon)
    QTimer.singleShot(5000, _resume_gc)  # in case nothing paints (a minimised window)
    if quick:
        def open_fully() -> None:
            try:
                connection.open_deferred()
            except DatabaseError as exc:
                app.exit(refuse(exc))

        window.call_after_first_paint(open_fully, first=True)
    # A file made just now has nothing to check; a PostgreSQL server checks its own pages.
    if not created and connection.server_url(db_path) is None:
        path = connection.resolve_path(db_path)
        window.call_after_first_paint(functools.partial(watch_integrity, window, path))
    _say_database_errors(window)

    if smoke:
        return _smoke(app, window)
    # On a first run, a short tour after the first paint (a scripted --smoke keeps it).
    from desktop.ui.help_menu import offer_tour_after_first_paint

    offer_tour_after_first_paint(window)
    return app.exec()


def _say_database_errors(window: MainWindow) -> None:
    """A database error no view caught (a damaged page read by a slot) is said in
    the status bar and as one line on the terminal, not as a traceback."""
    import sqlite3

    from db.connection import DatabaseError, describe_error

    previous = sys.excepthook

    def hook(kind, error, trace):  # type: ignore[no-untyped-def]
        if isinstance(error, sqlite3.DatabaseError):
            error = describe_error(error)
        if not isinstance(error, DatabaseError):
            previous(kind, error, trace)
            return
        print(f"marginalia: {error}", file=sys.stderr)
        window.statusBar().showMessage(str(error), 15000)

    sys.excepthook = hook


def _set_window_icon() -> None:
    """Gives the windows the app's icon (resources/icons). It waits for the first
    paint: reading an SVG loads Qt's SVG module, ~4 ms a start need not pay first."""
    from PySide6.QtGui import QGuiApplication, QIcon

    from desktop.resources import resource_path

    try:
        path = resource_path("icons", f"{APP_ID}.svg")
    except FileNotFoundError as exc:
        print(f"marginalia: {exc}", file=sys.stderr)
        return
    QGuiApplication.setWindowIcon(QIcon(str(path)))


def _apply_appearance(settings: Settings) -> None:
    """The theme and the reading font of the preferences, before the window is built
    (a palette and a font: well under a millisecond)."""
    from desktop.ui import settings as keys
    from desktop.ui import themes
    from desktop.ui.reader import choose_reading_font

    themes.apply_theme(settings.get(keys.THEME), ask_system=False)
    family, size = settings.get(keys.READING_FONT_FAMILY), settings.get(keys.READING_FONT_SIZE)
    if family or size != keys.READING_FONT_SIZE.default:
        choose_reading_font(family, size)


def _follow_system_theme() -> None:
    """Under the "system" theme, the colours agree with the system's scheme once the
    window has painted (asking for the scheme costs ~20 ms; see desktop.ui.themes)."""
    from desktop.ui import themes

    themes.follow_system()


def _resume_gc() -> None:
    """Frees start-up's cyclic garbage, moves what remains out of the collector's
    way, and collects again."""
    if not gc.isenabled():
        gc.collect()
        gc.freeze()
        gc.enable()


def _smoke(app, window) -> int:  # type: ignore[no-untyped-def]
    """Waits for the article's first paint (or the empty library's message), then
    for the start-up work queued after it; prints a line at each (``painted``,
    then ``smoke ok: <title>``) so a script can time both, and exits 0."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    def painted() -> None:
        print("painted", flush=True)
        # Queued behind the work the window put off until after its first paint.
        QTimer.singleShot(0, app.quit)

    class _FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                # The filter installed last runs first (Qt's rule), so this timer
                # is queued before the window's own after-paint work.
                QTimer.singleShot(0, painted)
            return False

    watcher = _FirstPaint()
    # An empty library shows a message instead of the body: the pane paints it.
    shown = window.reader.body_viewport() if window.current_article_id() is not None \
        else window.reader
    shown.installEventFilter(watcher)
    QTimer.singleShot(30_000, lambda: app.exit(1))  # never hang a script
    code = app.exec()
    window.save_session()
    if code == 0:
        print(f"smoke ok: {window.windowTitle()}", flush=True)
    return code
