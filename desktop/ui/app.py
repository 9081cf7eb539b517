"""Application bootstrap: checks, database, first-run sample, main window."""

from __future__ import annotations

import gc
import os
import sys

from desktop import APP_ID, APP_NAME, __version__


def _display_problem() -> str | None:
    """Says why no window can be shown, before Qt aborts with a cryptic message."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("No display found (neither DISPLAY nor WAYLAND_DISPLAY is set). "
            "Run Marginalia in a desktop session, under xvfb-run, or with "
            "QT_QPA_PLATFORM=offscreen for scripted checks.")


def run_gui(db_path: str | None = None, smoke: bool = False) -> int:
    """Runs the application; returns the process exit code.

    Args:
        db_path: database file (``--db``); else ``$MARGINALIA_DB`` or the default.
        smoke: show the window with an article, wait for its first paint, exit 0.
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

    def refuse(exc: DatabaseError) -> int:
        gc.enable()
        print(str(exc), file=sys.stderr)
        if not smoke:
            QMessageBox.critical(None, APP_NAME, str(exc))
        return 2

    try:
        # An up-to-date database holding articles is read with plain sqlite3
        # until the window has painted its article; the ORM (peewee, ~40 ms to
        # load) takes over just after. A new or older file is created or
        # migrated first, and the sample articles imported into an empty one.
        quick = connection.open_for_reading(db_path) and reads.first_article_id() is not None
        if not quick:
            from desktop.core.seed import seed_demo_if_empty

            connection.open_database(db_path)
            report = seed_demo_if_empty()
            if report is not None and report.problems:
                print(report.summary(), file=sys.stderr)
    except DatabaseError as exc:
        return refuse(exc)

    window = MainWindow(Settings())
    window.restore_session()
    if not quick:  # an older database was migrated: say once what changed in it
        from desktop.core.upgrades import upgrade_notes

        notes = upgrade_notes()
        if notes:
            window.statusBar().showMessage(" ".join(notes), 30000)
    window.show()
    window.call_after_first_paint(_resume_gc, first=True)
    QTimer.singleShot(5000, _resume_gc)  # in case nothing paints (a minimised window)
    if quick:
        def open_fully() -> None:
            try:
                connection.open_deferred()
            except DatabaseError as exc:
                app.exit(refuse(exc))

        window.call_after_first_paint(open_fully, first=True)

    if smoke:
        return _smoke(app, window)
    return app.exec()


def _resume_gc() -> None:
    """Frees start-up's cyclic garbage, moves what remains out of the collector's
    way, and collects again."""
    if not gc.isenabled():
        gc.collect()
        gc.freeze()
        gc.enable()


def _smoke(app, window) -> int:  # type: ignore[no-untyped-def]
    """Waits for the article's first paint, then for the start-up work queued
    after it; prints a line at each (``painted``, then ``smoke ok: <title>``)
    so a script can time both, and exits 0."""
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
    window.reader.body_viewport().installEventFilter(watcher)
    QTimer.singleShot(30_000, lambda: app.exit(1))  # never hang a script
    code = app.exec()
    window.save_session()
    if code == 0:
        print(f"smoke ok: {window.windowTitle()}", flush=True)
    return code
