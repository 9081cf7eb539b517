"""Colour swatches: the small squares that show a label's colour in lists and buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

_cache: dict[tuple[str, int], QIcon] = {}


def swatch(color: str, size: int = 12) -> QIcon:
    """Returns a rounded square of ``color`` ("#rrggbb") with a darker outline."""
    key = (color, size)
    icon = _cache.get(key)
    if icon is None:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(color).darker(130))
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(0.5, 0.5, size - 1, size - 1, size / 5, size / 5)
        painter.end()
        icon = _cache[key] = QIcon(pixmap)
    return icon
