"""The Help menu's entries: the keyboard cheat sheet (F1) and the tour.

Only the actions are made here, when the window is built; the sheet and the
tour are imported when first asked for (the window paints its first article
before either is needed). About (in the same menu) opens
:func:`desktop.ui.about_dialog.show_about`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop.ui.reader import key_sequence

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

CONTEXT = "HelpMenu"


class HelpActions(QObject):
    """"Keyboard shortcuts" (F1) and "Take the tour", above About in the Help menu.

    Their texts follow the interface language, as the window's do.

    Attributes:
        cheat_sheet: shows the cheat sheet, or closes it if it is showing.
        tour: starts the tour from its first step.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.cheat_sheet = QAction(window)
        self.cheat_sheet.setObjectName("cheat_sheet")
        self.cheat_sheet.setShortcuts([key_sequence("F1")])
        self.cheat_sheet.triggered.connect(lambda _checked=False: self._toggle_cheat_sheet())
        self.tour = QAction(window)
        self.tour.setObjectName("take_the_tour")
        self.tour.triggered.connect(lambda _checked=False: self._start_tour())
        self.retranslate()
        window.installEventFilter(self)

    def retranslate(self) -> None:
        self.cheat_sheet.setText(QCoreApplication.translate("HelpMenu", "&Keyboard shortcuts"))
        self.tour.setText(QCoreApplication.translate("HelpMenu", "Take the &tour"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _toggle_cheat_sheet(self) -> None:
        from desktop.ui.cheat_sheet import toggle_cheat_sheet

        toggle_cheat_sheet(self._window)

    def _start_tour(self) -> None:
        from desktop.ui.tour import start_tour

        start_tour(self._window)


def install_help(window: MainWindow) -> HelpActions:
    """Puts "Keyboard shortcuts" (F1) and "Take the tour" above About in the Help
    menu (the one holding ``window.about_action``), and keeps them as
    ``window.cheat_sheet_action`` and ``window.tour_action`` (and the
    :class:`HelpActions` as ``window.help_actions``).

    A second call changes nothing and returns the same actions.
    """
    installed = getattr(window, "help_actions", None)  # (findChild walks every widget)
    if isinstance(installed, HelpActions):
        return installed
    actions = HelpActions(window)
    about = window.about_action
    menu = next((a.menu() for a in window.menuBar().actions()
                 if isinstance(a.menu(), QMenu) and about in a.menu().actions()), None)
    if menu is None:
        raise ValueError("install_help: no menu holds the About action")
    menu.insertAction(about, actions.cheat_sheet)
    menu.insertAction(about, actions.tour)
    menu.insertSeparator(about)
    window.help_actions = actions  # type: ignore[attr-defined]
    window.cheat_sheet_action = actions.cheat_sheet  # type: ignore[attr-defined]
    window.tour_action = actions.tour  # type: ignore[attr-defined]
    return actions


def offer_tour_after_first_paint(window: MainWindow) -> None:
    """On the first start (see :func:`desktop.ui.tour.maybe_start_tour`), starts
    the tour just after the window has painted its article."""
    def offer() -> None:
        from desktop.ui.tour import maybe_start_tour

        maybe_start_tour(window)

    window.call_after_first_paint(offer)
