"""The annotation panel's model: an article's annotations grouped by label.

It holds plain :class:`~db.annotations.AnnotationRecord` objects in Python lists,
one sorted list per label, and computes what a row shows only when a view asks.
Building it for tens of thousands of annotations is a grouping and a sort; a
change to one annotation costs a binary search and one row signal.

A label row shows its annotations a batch at a time (:meth:`AnnotationTreeModel.show_more`):
a ``QTreeView`` lays out every row it has been shown again after each inserted or
removed row, calling back into Python for each, so the rows it knows about are
kept near what the user has scrolled through. This is not ``canFetchMore`` /
``fetchMore``: ``QTreeView`` fetches more each time it lays out an unfolded
parent (``QTreeViewPrivate::layout``), that is after every inserted row, which
would soon show every row; the view's owner decides when to show more.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, overload

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from db.annotations import AnnotationRecord, LabelRecord
from db.records import AMOUNT, SUGGESTED
from desktop.core.formatting import describe_amount
from desktop.ui.i18n import format_locale, quoted
from desktop.ui.model_language import ask_again
from desktop.ui.plain_text import as_plain_text
from desktop.ui.swatch import swatch

ANNOTATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Item data role holding the annotation id of a row (``None`` on label rows)."""
LABEL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""Item data role holding the label id of a row (label rows and annotation rows)."""

# English, translated where shown (the model's tr).
COLUMNS = (QT_TRANSLATE_NOOP("AnnotationTreeModel", "Text"),
           QT_TRANSLATE_NOOP("AnnotationTreeModel", "Entity / value"),
           QT_TRANSLATE_NOOP("AnnotationTreeModel", "Note"))
SUGGESTED_TIP = QT_TRANSLATE_NOOP("AnnotationTreeModel", "Suggested, not accepted yet")

_QUOTE_CHARS = 80
_UNKNOWN_POSITION = 1 << 30  # a label the model was not told about sorts last

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FONT = Qt.ItemDataRole.FontRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole

ModelIndex = QModelIndex | QPersistentModelIndex
_SortKey = tuple[int, int, int]


# An amount as the interface language writes it ("≈ 38 Md $US"), kept: Babel takes
# ~50 µs a value, and a view asks again at each repaint.
_amount_text = functools.lru_cache(maxsize=4096)(describe_amount)


def one_line(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


# Where an annotation sits within its label: by position, then id.
_sort_key: Callable[[AnnotationRecord], _SortKey] = attrgetter(  # type: ignore[assignment]
    "start", "end", "id")


@dataclass
class _Group:
    """One label's annotations, in position order (``keys`` runs alongside).

    Only the first ``shown`` of them are rows a view knows about.
    """

    label_id: int
    records: list[AnnotationRecord] = field(default_factory=list)
    keys: list[_SortKey] = field(default_factory=list)
    shown: int = 0


class AnnotationTreeModel(QAbstractItemModel):
    """Two levels: a row per label (in label order), under it that label's annotations.

    Label rows have the internal id 0; an annotation row has its label id + 1,
    which stays right while label rows are inserted or removed around it.

    Args:
        batch_size: how many more annotation rows a label row shows at a time.
        parent: the owning object.
    """

    def __init__(self, batch_size: int = 100, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._batch_size = max(1, batch_size)
        self._labels: dict[int, LabelRecord] = {}
        self._entity_names: dict[int, str] = {}
        self._groups: list[_Group] = []
        self._group_rows: dict[int, int] = {}  # label id -> row of its group
        self._by_id: dict[int, AnnotationRecord] = {}  # listed annotations
        self._language: str | None = None  # the article's (counted nouns in the plural)
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._grey = QBrush(QColor(Qt.GlobalColor.gray))

    # --- content -------------------------------------------------------------------

    def set_appearance(self, font: QFont, suggested_color: QColor) -> None:
        """Label rows are ``font`` in bold; suggestions are italic, in ``suggested_color``."""
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._italic = QFont(font)
        self._italic.setItalic(True)
        self._grey = QBrush(suggested_color)

    def reset(self, records: Iterable[AnnotationRecord], labels: Iterable[LabelRecord],
              entity_names: dict[int, str], shown: dict[int, int] | None = None,
              language: str | None = None) -> None:
        """Lists ``records`` (in any order) in place of everything listed before.

        Args:
            records: the annotations to list (stored ones: those without an id are not).
            labels: every label (for names, colours, kinds and order).
            entity_names: names of the entities the annotations link to.
            shown: how many rows each label (by id) showed before, to show as
                many again (at least one batch each).
            language: the article's, in which counted nouns are written in the
                plural ("≥ 100 k processeurs"); None: as stored.
        """
        self.beginResetModel()
        self._language = language
        self._labels = {label.id: label for label in labels}
        self._entity_names = dict(entity_names)
        self._by_id = {r.id: r for r in records if r.id is not None}
        by_label: dict[int, list[AnnotationRecord]] = {}
        for record in self._by_id.values():
            by_label.setdefault(record.label_id, []).append(record)
        self._groups = []
        for label_id in sorted(by_label, key=self._label_order):
            group = sorted(by_label[label_id], key=_sort_key)  # often sorted already: O(n)
            wanted = max(self._batch_size, (shown or {}).get(label_id, 0))
            self._groups.append(_Group(label_id, group, list(map(_sort_key, group)),
                                       min(len(group), wanted)))
        self._renumber_groups()
        self.endResetModel()

    def add_entity_names(self, names: dict[int, str]) -> None:
        """Learns entity names (for the "Entity / value" column of rows added later)."""
        self._entity_names.update(names)

    def upsert(self, record: AnnotationRecord) -> None:
        """Lists ``record`` in its place, replacing the annotation with its id if listed."""
        if record.id is None:
            return
        old = self._by_id.get(record.id)
        if old is None:
            self._insert(record)
        elif old.label_id == record.label_id and _sort_key(old) == _sort_key(record):
            group = self._groups[self._group_rows[record.label_id]]
            row = bisect_left(group.keys, _sort_key(record))
            group.records[row] = record
            self._by_id[record.id] = record
            if row < group.shown:
                first = self.createIndex(row, 0, record.label_id + 1)
                self.dataChanged.emit(first, first.siblingAtColumn(len(COLUMNS) - 1))
        else:
            self.remove(record.id)
            self._insert(record)

    def remove(self, annotation_id: int) -> bool:
        """Unlists this annotation, and its label row if it was the last; False if absent."""
        record = self._by_id.pop(annotation_id, None)
        if record is None:
            return False
        group_row = self._group_rows[record.label_id]
        group = self._groups[group_row]
        if len(group.records) == 1:
            self.beginRemoveRows(QModelIndex(), group_row, group_row)
            del self._groups[group_row]
            self._renumber_groups()
            self.endRemoveRows()
            return True
        row = bisect_left(group.keys, _sort_key(record))
        group_index = self.createIndex(group_row, 0, 0)
        if row < group.shown:
            self.beginRemoveRows(group_index, row, row)
            self._drop(group, row)
            group.shown -= 1
            self.endRemoveRows()
            if not group.shown:
                self.show_more(group_index)
        else:
            self._drop(group, row)
        self.dataChanged.emit(group_index, group_index, [_DISPLAY])
        return True

    def _insert(self, record: AnnotationRecord) -> None:
        key = _sort_key(record)
        group_row = self._group_rows.get(record.label_id)
        if group_row is None:
            orders = [self._label_order(group.label_id) for group in self._groups]
            group_row = bisect_left(orders, self._label_order(record.label_id))
            self.beginInsertRows(QModelIndex(), group_row, group_row)
            self._groups.insert(group_row, _Group(record.label_id, [record], [key], 1))
            self._renumber_groups()
            self._by_id[record.id] = record  # type: ignore[index]
            self.endInsertRows()
            return
        group = self._groups[group_row]
        row = bisect_left(group.keys, key)
        group_index = self.createIndex(group_row, 0, 0)
        if row < group.shown or group.shown == len(group.records):
            self.beginInsertRows(group_index, row, row)
            self._put(group, row, record, key)
            group.shown += 1
            self.endInsertRows()
        else:
            self._put(group, row, record, key)
        self.dataChanged.emit(group_index, group_index, [_DISPLAY])

    def _put(self, group: _Group, row: int, record: AnnotationRecord, key: _SortKey) -> None:
        group.records.insert(row, record)
        group.keys.insert(row, key)
        self._by_id[record.id] = record  # type: ignore[index]

    @staticmethod
    def _drop(group: _Group, row: int) -> None:
        del group.records[row]
        del group.keys[row]

    def _renumber_groups(self) -> None:
        self._group_rows = {group.label_id: row for row, group in enumerate(self._groups)}

    def _label_order(self, label_id: int) -> tuple[int, int]:
        label = self._labels.get(label_id)
        return (label.position if label else _UNKNOWN_POSITION), label_id

    # --- queries ------------------------------------------------------------------

    def record(self, annotation_id: int) -> AnnotationRecord | None:
        """The listed annotation with this id, or ``None``."""
        return self._by_id.get(annotation_id)

    def index_of(self, annotation_id: int) -> QModelIndex:
        """The row (column 0) of this annotation; invalid if not listed or not shown yet."""
        record = self._by_id.get(annotation_id)
        if record is None:
            return QModelIndex()
        group = self._groups[self._group_rows[record.label_id]]
        row = bisect_left(group.keys, _sort_key(record))
        if row >= group.shown:
            return QModelIndex()
        return self.createIndex(row, 0, record.label_id + 1)

    def reveal(self, annotation_id: int) -> QModelIndex:
        """Like :meth:`index_of`, first showing the rows down to this annotation."""
        record = self._by_id.get(annotation_id)
        if record is None:
            return QModelIndex()
        group_row = self._group_rows[record.label_id]
        group = self._groups[group_row]
        row = bisect_left(group.keys, _sort_key(record))
        if row >= group.shown:
            self._show_rows(group_row, row + self._batch_size)
        return self.createIndex(row, 0, record.label_id + 1)

    def can_show_more(self, group: ModelIndex) -> bool:
        """Whether this label row has annotations it does not show as rows yet."""
        if not group.isValid() or group.internalId() or group.column():
            return False
        entry = self._groups[group.row()]
        return entry.shown < len(entry.records)

    def show_more(self, group: ModelIndex) -> None:
        """Shows the next batch of this label row's annotations."""
        if self.can_show_more(group):
            self._show_rows(group.row(), self._groups[group.row()].shown + self._batch_size)

    def _show_rows(self, group_row: int, count: int) -> None:
        group = self._groups[group_row]
        count = min(count, len(group.records))
        if count > group.shown:
            self.beginInsertRows(self.createIndex(group_row, 0, 0), group.shown, count - 1)
            group.shown = count
            self.endInsertRows()

    def group_index(self, label_id: int) -> QModelIndex:
        """The row of this label; invalid if none of its annotations is listed."""
        row = self._group_rows.get(label_id)
        return QModelIndex() if row is None else self.createIndex(row, 0, 0)

    def annotation_count(self) -> int:
        """How many annotations are listed (shown as rows yet or not)."""
        return len(self._by_id)

    def label_ids(self) -> list[int]:
        """The labels that have a row, in row order."""
        return [group.label_id for group in self._groups]

    def shown_counts(self) -> dict[int, int]:
        """How many annotation rows each label (by id) shows."""
        return {group.label_id: group.shown for group in self._groups}

    def knows_entity(self, entity_id: int) -> bool:
        return entity_id in self._entity_names

    def entity_name(self, entity_id: int | None) -> str:
        """The known name of this entity ("" for none or unknown)."""
        return self._entity_names.get(entity_id, "") if entity_id is not None else ""

    # --- QAbstractItemModel ---------------------------------------------------------
    # index() runs once per row each time a view lays the tree out: keep it lean.
    # flags() is not overridden for the same reason (the default is what rows need).

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()  # noqa: B008
              ) -> QModelIndex:
        if row < 0 or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._groups):
                return self.createIndex(row, column, 0)
            return QModelIndex()
        if parent.internalId() or parent.column():
            return QModelIndex()
        group = self._groups[parent.row()]
        if row < group.shown:
            return self.createIndex(row, column, group.label_id + 1)
        return QModelIndex()

    @overload
    def parent(self) -> QObject | None: ...

    @overload
    def parent(self, child: ModelIndex) -> QModelIndex: ...

    def parent(self, child: ModelIndex | None = None) -> QObject | QModelIndex | None:
        if child is None:
            return super().parent()
        internal = child.internalId() if child.isValid() else 0
        if not internal:
            return QModelIndex()
        return self.createIndex(self._group_rows[internal - 1], 0, 0)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() or parent.column():
            return 0
        return self._groups[parent.row()].shown

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self._groups)
        return not parent.internalId() and not parent.column()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _DISPLAY) -> Any:
        if (role == _DISPLAY and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return self.tr(COLUMNS[section])
        return None

    def event(self, event: QEvent) -> bool:
        # The panel passes a change of language on: headers, amounts and tips follow.
        if event.type() == QEvent.Type.LanguageChange:
            ask_again(self, len(COLUMNS))
        return super().event(event)

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        internal = index.internalId()
        if not internal:
            return self._group_data(self._groups[index.row()], index.column(), role)
        group = self._groups[self._group_rows[internal - 1]]
        return self._annotation_data(group.records[index.row()], index.column(), role)

    def _group_data(self, group: _Group, column: int, role: int) -> Any:
        if column:
            return None
        if role == _DISPLAY:
            label = self._labels.get(group.label_id)
            name = label.name if label else self.tr("Label {id}").format(id=group.label_id)
            return f"{name} ({len(group.records)})"
        if role == LABEL_ID_ROLE:
            return group.label_id
        if role == _FONT:
            return self._bold
        if role == _DECORATION:
            label = self._labels.get(group.label_id)
            return swatch(label.color) if label else None
        return None

    def _annotation_data(self, record: AnnotationRecord, column: int, role: int) -> Any:
        if role == _DISPLAY:
            if column == 0:
                return quoted(one_line(record.quote, _QUOTE_CHARS))
            if column == 1:
                label = self._labels.get(record.label_id)
                if label is not None and label.kind == AMOUNT:
                    return _amount_text(record.value, record.value_high, record.unit,
                                        record.approx, format_locale(), record.bound, False,
                                        self._language)
                return self.entity_name(record.entity_id)
            return one_line(record.note, 200)
        if role == ANNOTATION_ID_ROLE:
            return record.id
        if role == LABEL_ID_ROLE:
            return record.label_id
        if role == _TOOLTIP:
            if column == 0:
                tip = one_line(f"…{record.prefix}[{record.quote}]{record.suffix}…", 400)
                return as_plain_text(f"{self.tr(SUGGESTED_TIP)}\n{tip}"
                                     if record.status == SUGGESTED else tip)
            if column == 2 and record.note:
                return as_plain_text(record.note)
            label = self._labels.get(record.label_id)
            if column == 1 and label is not None and label.kind == AMOUNT:
                return _amount_text(record.value, record.value_high, record.unit,
                                    record.approx, format_locale(), record.bound, True,
                                    self._language)
            return None
        if record.status == SUGGESTED:
            if role == _FONT:
                return self._italic
            if role == _FOREGROUND:
                return self._grey
        return None
