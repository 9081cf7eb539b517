"""Keys that reach what the user means: the window's undo stack wherever the focus is,
and an open menu's entries before the reader's one-letter keys.

A line edit takes Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y for its own text: it claims
them (``ShortcutOverride``) before any window shortcut. In the main window the
user means the app's undo, whatever field the focus is in (the library
search, an editor field of the annotation panel), so :class:`UndoKeys` claims
those keys first, in the line edits of the window, and triggers the window's
undo or redo action instead. A dialog's fields keep their own undo.

It watches only the line edits the focus enters (from
``QApplication.focusChanged``), not every event of the application.

The reader's one-letter keys (N, P, A, R, X, L: desktop.ui.suggestions,
desktop.ui.main_window) are shortcuts limited to the reader's body, and Qt
matches such a shortcut by the focus widget alone, which stays the body while
a menu is open: "a" in Tools would accept a suggestion instead of choosing
Adjudicate…. :class:`MenuKeys` claims the plain keys typed in an open menu of
the window for the menu (its mnemonics, its search by letter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6 import QtCore

# QLineEdit and QDialog are reached through QtWidgets on the first focus change:
# PySide6 builds a class's enums on its first import, and this module is imported
# before the window first paints.


class UndoKeys(QObject):
    """Sends the undo and redo keys typed in a line edit of ``window`` to its actions.

    Args:
        window: the main window; line edits in its docks count, those in a
            dialog (a window of its own, even when the main window is its
            parent) do not.
        undo: the action Ctrl+Z triggers (its own shortcuts say which keys).
        redo: the action Ctrl+Shift+Z and Ctrl+Y trigger.
    """

    def __init__(self, window: QWidget, undo: QAction, redo: QAction) -> None:
        super().__init__(window)
        self._window = window
        self._actions = (undo, redo)
        app = QtWidgets.QApplication.instance()
        assert isinstance(app, QtWidgets.QApplication)
        app.focusChanged.connect(self._on_focus_changed)
        self._on_focus_changed(None, app.focusWidget())  # a field may have it already

    def _on_focus_changed(self, old: QWidget | None, now: QWidget | None) -> None:
        if isinstance(old, QtWidgets.QLineEdit):
            old.removeEventFilter(self)
        if isinstance(now, QtWidgets.QLineEdit) and self._in_window(now):
            now.installEventFilter(self)

    def _in_window(self, widget: QWidget) -> bool:
        """True if ``widget`` is in the main window (or one of its floating docks)."""
        parent: QWidget | None = widget
        while parent is not None:
            if parent is self._window:
                return True
            if isinstance(parent, QtWidgets.QDialog):
                return False
            parent = parent.parentWidget()
        return False

    def action_for(self, event: QKeyEvent) -> QAction | None:
        """The undo or redo action whose shortcut ``event`` is, or None."""
        pressed = QKeySequence(event.keyCombination())
        for action in self._actions:
            if any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch
                   for key in action.shortcuts()):
                return action
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        action = self.action_for(event)
        if action is None:
            return False
        # Claimed, so no shortcut fires and the line edit never sees the key;
        # the action runs on the key press (once, even if nothing can be undone).
        event.accept()
        if event.type() == QEvent.Type.KeyPress:
            action.trigger()
        return True


class _MenuKeyFilter(QObject):
    """Gives the menus it watches the plain keys typed in them, before any shortcut.

    While a menu is open the focus stays where it was, often the reader,
    whose one-letter keys (A accepts a suggestion, N goes to the next) would
    otherwise act behind the menu.
    """

    def watch(self, menu: QtWidgets.QMenu) -> None:
        """Claims the plain keys of ``menu`` and of its submenus (those it has now)."""
        menu.installEventFilter(self)
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QtWidgets.QMenu):
                self.watch(sub)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ShortcutOverride:
            from PySide6.QtCore import Qt  # not before the first paint (see above)

            assert isinstance(event, QKeyEvent)
            others = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                           | Qt.KeyboardModifier.KeypadModifier)
            if not others and event.text().isprintable() and event.text().strip():
                event.accept()  # the menu's: it gets the key press
        return False


class MenuKeys(_MenuKeyFilter):
    """The plain keys typed in an open menu of ``window``'s menu bar are the menu's.

    Watches each menu of the menu bar and its submenus (a menu added to those
    later is not: call :meth:`watch` for it). A context menu claims its keys
    with :func:`claim_menu_keys`.
    """

    def __init__(self, window: QtWidgets.QMainWindow) -> None:
        super().__init__(window)
        for action in window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QtWidgets.QMenu):
                self.watch(menu)


def claim_menu_keys(menu: QtWidgets.QMenu) -> QtWidgets.QMenu:
    """Makes ``menu`` take the plain keys typed while it is open, as the menu bar's do
    (:class:`MenuKeys`); returns it. Call it once the menu is built (its submenus too),
    before showing it; the filter goes with the menu."""
    _MenuKeyFilter(menu).watch(menu)
    return menu


def pop_up(menu: QtWidgets.QMenu, at: QtCore.QPoint) -> None:
    """Shows a context menu built for one use at ``at`` (global coordinates), without
    waiting: it takes the keys typed while open (:func:`claim_menu_keys`) and is
    deleted once closed."""
    from PySide6.QtCore import Qt  # not on import: this module is imported before the first paint

    claim_menu_keys(menu)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(at)

