"""The "Showing … · Clear filter" note of a dock that filters the library and the panel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget


class FilterNote(QWidget):
    """Says what the library is filtered to, with a button to list everything again.

    Hidden until :meth:`say` is called.

    Signals:
        clear_requested(): the Clear filter button was pressed.
    """

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # it names an entity or a title
        self.button = QToolButton(self)
        self.button.setAutoRaise(True)
        self._retranslate()
        self.button.clicked.connect(self.clear_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.hide()

    def _retranslate(self) -> None:
        self.button.setText(self.tr("Clear filter"))
        self.button.setToolTip(self.tr("List every article and annotation again"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def say(self, text: str) -> None:
        """Shows ``text`` ("Filtered to “OpenAI”") beside the button."""
        self.label.setText(text)
        self.show()
