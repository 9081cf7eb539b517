"""What a table model does when the interface changes language (its views pass it on)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt


def ask_again(model: QAbstractItemModel, columns: int) -> None:
    """Has the views ask ``model`` again for its ``columns`` headers and every cell shown
    (their texts are translated as they are given)."""
    model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    model.layoutAboutToBeChanged.emit()
    model.layoutChanged.emit()
