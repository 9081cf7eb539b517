"""The table docks (Entities, Deals, To review, Adjudication): their body, rows stacked
with tight margins, and the plain keys their list takes before the window's shortcuts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDockWidget, QLayout, QVBoxLayout, QWidget

T = TypeVar("T")


def set_dock_body(dock: QDockWidget, body: QWidget,
                  *rows: tuple[QWidget | QLayout, int]) -> None:
    """Stacks ``rows`` (a widget or a layout, with its stretch) in ``body`` and shows
    it in ``dock``, with the 4-pixel margins and spacing the docks share."""
    layout = QVBoxLayout(body)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.setSpacing(4)
    for row, stretch in rows:
        if isinstance(row, QLayout):
            layout.addLayout(row, stretch)
        else:
            layout.addWidget(row, stretch)
    dock.setWidget(body)


def list_key(event: QEvent, keys: Mapping[int, T]) -> tuple[bool, T | None]:
    """Whether ``event`` (in a dock's list) is one of its plain ``keys``, taken before any
    window shortcut (the override is accepted), and the key's action when it is pressed.

    Returns:
        (taken, action): ``taken`` when the event is the list's to eat; ``action`` only
        for the key press itself (None for the shortcut override that precedes it).
    """
    if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        return False, None
    assert isinstance(event, QKeyEvent)
    action = keys.get(event.key())
    if action is None or event.modifiers() not in (Qt.KeyboardModifier.NoModifier,
                                                   Qt.KeyboardModifier.KeypadModifier):
        return False, None
    event.accept()  # the list's, not a window shortcut's
    return True, action if event.type() == QEvent.Type.KeyPress else None
