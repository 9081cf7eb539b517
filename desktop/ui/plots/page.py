"""One tab of the plots dock: a caption over a chart, or over what to do when it is empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget


class PlotPage(QWidget):
    """A caption above a stack holding the chart and the empty state.

    The chart is given later (:meth:`set_chart`), when the page is first
    shown, so that building the dock does not load pyqtgraph.

    Attributes:
        caption: what the plot counts, over which articles, by which rule.
        empty_label: what to do when there is nothing to show.
        empty_button: an offer that goes with the empty state (hidden unless made).
        chart: the chart widget, once built.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: QWidget | None = None
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setMargin(4)
        self.empty_label = QLabel(self)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)  # it may name a currency
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(16)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_button = QPushButton(self)
        self.empty_button.hide()
        empty = QWidget(self)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)
        self._empty = empty
        self.stack = QStackedWidget(self)
        self.stack.addWidget(empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)

    def set_chart(self, chart: QWidget) -> None:
        """Puts the chart in the page (once)."""
        self.chart = chart
        self.stack.addWidget(chart)

    def show_chart(self) -> None:
        if self.chart is not None:
            self.stack.setCurrentWidget(self.chart)

    def show_empty(self, text: str, offer: str = "") -> None:
        """Shows ``text`` instead of the chart, with a button saying ``offer`` if given."""
        self.empty_label.setText(text)
        self.empty_button.setText(offer)
        self.empty_button.setVisible(bool(offer))
        self.stack.setCurrentWidget(self._empty)

    def is_empty(self) -> bool:
        """True when the page shows its empty state rather than the chart."""
        return self.stack.currentWidget() is self._empty
