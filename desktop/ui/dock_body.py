"""The body of the table docks (Entities, Deals, To review): rows stacked, tight margins."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QLayout, QVBoxLayout, QWidget


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
