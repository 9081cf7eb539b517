"""The Deals dock: every deal the annotations say, the same deal reported twice as one row.

The deals are read with :func:`desktop.core.deal_list.list_deals` (two SQL
statements for the whole corpus) and proposed as groups by
:func:`~desktop.core.deal_list.group_deals`; each group is one row: its
parties, amount, duration, date and how many sources report it. The
reading is done again a moment after a change that may touch a deal
(annotations, relations, entities, articles), and only while the dock is
shown; a dock shown again catches up. On a corpus of 1,000 deals the
reading and grouping take ~40 ms, so they run on the GUI thread.

Double-clicking a row (or Enter) opens its sources side by side, each with
the amount selected. "Count once" says the selected rows' reports are one
deal (rows the rule kept apart too); "Count each" says a group's reports are
separate deals; a row's context menu also leaves one report out of its group.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QWidget,
)

from db import reads
from db.names import name_order
from desktop.core.deal_list import Deal, DealGroup, Duration, Source, group_deals, list_deals
from desktop.core.formatting import TIME_UNITS, describe_amount, describe_duration, format_amount
from desktop.ui.dock_body import set_dock_body
from desktop.ui.i18n import format_date, format_locale
from desktop.ui.model_language import ask_again
from desktop.ui.plain_text import as_plain_text
from desktop.ui.shortcuts import pop_up

if TYPE_CHECKING:
    from desktop.core.changes import Change
    from desktop.ui.main_window import MainWindow

ModelIndex = QModelIndex | QPersistentModelIndex

PARTIES, AMOUNT, DURATION, DATE, SOURCES = range(5)
# In English; the model shows them translated.
_HEADERS = (QT_TRANSLATE_NOOP("DealTableModel", "Parties"),
            QT_TRANSLATE_NOOP("DealTableModel", "Amount"),
            QT_TRANSLATE_NOOP("DealTableModel", "Duration"),
            QT_TRANSLATE_NOOP("DealTableModel", "Date"),
            QT_TRANSLATE_NOOP("DealTableModel", "Sources"))
_HEADER_TIPS = (
    QT_TRANSLATE_NOOP("DealTableModel", "The entities the amount is linked to as a deal"),
    QT_TRANSLATE_NOOP("DealTableModel", "The amount (a range when the reports differ)"),
    QT_TRANSLATE_NOOP("DealTableModel",
                      "How long the deal runs, as a duration tag of the article says it"),
    QT_TRANSLATE_NOOP("DealTableModel", "The earliest date of an article that reports it"),
    QT_TRANSLATE_NOOP("DealTableModel", "How many tagged amounts report it — double-click "
                                        "to open them side by side"))
REFRESH_DELAY_MS = 150
"""How long after the last change (or keystroke in the filter) the list is made again."""

MAX_PANES = 4
"""The most sources a double-click opens side by side."""

EMPTY_TEXT = QT_TRANSLATE_NOOP(  # shown translated
    "DealsDock", "No deals yet. Select an amount and its parties in the Annotations panel, "
                 "then Edit ▸ Link as deal (Ctrl+J).")

_DAYS_PER_UNIT = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0,
                  "week": 7.0, "month": 30.44, "quarter": 91.31, "year": 365.25,
                  "decade": 3652.5, "century": 36525.0}
"""Roughly how many days a unit of time is, to sort durations of different units."""


def party_text(group: DealGroup) -> str:
    """"AWS · OpenAI": the parties' names, alphabetically."""
    return " · ".join(sorted(group.party_names, key=name_order))


def amount_texts(group: DealGroup) -> tuple[str, str]:
    """The amount as a person reads it ("$38B") and exactly ("3.8 × 10¹⁰ USD")."""
    high = group.high if group.high != group.low else None
    full = describe_amount(group.low, high, group.unit, group.approx, format_locale(),
                           group.bound)
    short, paren, exact = full.partition(" (")
    if not paren:
        return full, format_amount(group.low, high, group.unit, False, group.bound)
    return short, exact.removesuffix(")")


def duration_text(duration: Duration | None) -> str:
    """"5 years", "2–3 mois" (in the interface language), "" without a duration."""
    if duration is None or duration.value is None:
        return ""
    if duration.unit in TIME_UNITS:
        return describe_duration(duration.value, duration.value_high, duration.unit,
                                 duration.approx, format_locale())
    return format_amount(duration.value, duration.value_high, duration.unit, duration.approx)


def _duration_days(duration: Duration | None) -> float | None:
    if duration is None or duration.value is None:
        return None
    return duration.value * _DAYS_PER_UNIT.get(duration.unit or "", 1.0)


def _sort_key(group: DealGroup, column: int) -> Any:
    """The value a column sorts by; None for a row with nothing there (listed last)."""
    if column == AMOUNT:
        return (group.low, group.high, group.unit)
    if column == DURATION:
        return _duration_days(group.duration)
    if column == DATE:
        return group.date
    if column == SOURCES:
        return len(group.sources)
    return name_order(party_text(group))


def by_article(sources: Sequence[Source]) -> list[Source]:
    """The first source of each article, in the order given."""
    seen: dict[int, Source] = {}
    for source in sources:
        seen.setdefault(source.article_id, source)
    return list(seen.values())


class DealTableModel(QAbstractTableModel):
    """The deal groups listed, as rows, in the order of the chosen column.

    The groups are read in one go (two statements for the whole corpus), so
    the model holds them all; what a cell shows is made when it is asked for.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[DealGroup] = []
        self._amounts: dict[int, tuple[str, str]] = {}  # id(group) → texts, made when asked
        self._titles: dict[int, str] = {}  # article id → title, read when a tooltip asks
        self._column = DATE
        self._order = Qt.SortOrder.AscendingOrder

    # --- what the view asks -------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(_HEADER_TIPS[section])
        return None

    def event(self, event: QEvent) -> bool:
        # The dock passes a change of language on: headers, amounts, dates follow.
        if event.type() == QEvent.Type.LanguageChange:
            self._amounts.clear()
            ask_again(self, len(_HEADERS))
        return super().event(event)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._groups):
            return None
        group, column = self._groups[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(group, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_plain_text(self._tooltip(group, column))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column in (AMOUNT, SOURCES)
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(_HEADERS):
            return
        self._column, self._order = column, order
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        kept = [self._groups[index.row()] for index in old]
        self._sort()
        row_of = {id(group): row for row, group in enumerate(self._groups)}
        self.changePersistentIndexList(old, [self.index(row_of[id(g)], index.column())
                                             for g, index in zip(kept, old, strict=True)])
        self.layoutChanged.emit()

    # --- what the dock asks --------------------------------------------------

    def set_groups(self, groups: Sequence[DealGroup]) -> None:
        """Lists ``groups`` in the current order, in place of those listed before."""
        self.beginResetModel()
        self._groups = list(groups)
        self._amounts.clear()
        self._titles.clear()
        self._sort()
        self.endResetModel()

    def group(self, row: int) -> DealGroup | None:
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def groups(self) -> list[DealGroup]:
        """The listed groups, in list order."""
        return list(self._groups)

    # --- internals -----------------------------------------------------------

    def _sort(self) -> None:
        column = self._column
        # Ties keep the groups' own order (earliest first); rows with nothing in the
        # column (no duration, no date) stay last whichever way it goes.
        self._groups.sort(key=lambda g: (g.date is None, g.date or dt.date.min, g.sources))
        known = [g for g in self._groups if _sort_key(g, column) is not None]
        unknown = [g for g in self._groups if _sort_key(g, column) is None]
        known.sort(key=lambda g: _sort_key(g, column),
                   reverse=self._order == Qt.SortOrder.DescendingOrder)
        self._groups = known + unknown

    def _amount(self, group: DealGroup) -> tuple[str, str]:
        texts = self._amounts.get(id(group))
        if texts is None:
            texts = self._amounts[id(group)] = amount_texts(group)
        return texts

    def _text(self, group: DealGroup, column: int) -> str:
        if column == PARTIES:
            return party_text(group)
        if column == AMOUNT:
            return self._amount(group)[0]
        if column == DURATION:
            return duration_text(group.duration)
        if column == DATE:
            return format_date(group.date)
        # A confirmed group is one deal in the money figures: marked with a tick.
        return f"{len(group.sources)} ✓" if group.confirmed else str(len(group.sources))

    def _tooltip(self, group: DealGroup, column: int) -> str:
        if column == AMOUNT:
            short, exact = self._amount(group)
            lines = [f"{short} = {exact}"]
            if len(group.deals) > 1:
                lines += [self.report_text(d) for d in group.deals]
            return "\n".join(lines)
        if column in (SOURCES, DATE):
            undated = self.tr("undated")
            lines = [f"{format_date(d.date) if d.date else undated} — "
                     f"{self.title(d.sources[0].article_id)}" for d in group.deals]
            if group.confirmed:
                lines.append(self.tr("✓ You said these reports are one deal: counted once"))
            elif group.first.separate:
                lines.append(self.tr("You said this report is a deal of its own: it is never "
                                     "proposed with another (select both rows and Count once "
                                     "to join them)"))
            return "\n".join([*lines, self.tr("Double-click to open them side by side")])
        return self._text(group, column)

    def report_text(self, deal: Deal) -> str:
        """One report of a deal, as a menu names it: its amount and its article's title."""
        full = describe_amount(deal.value, deal.value_high, deal.unit, deal.approx,
                               format_locale(), deal.bound)
        return self.tr("{amount} in “{title}”").format(
            amount=full.partition(" (")[0], title=self.title(deal.sources[0].article_id))

    def title(self, article_id: int) -> str:
        """The title of an article (read once, then kept until the list is made again)."""
        title = self._titles.get(article_id)
        if title is None:
            article = reads.get_article(article_id)
            title = self._titles[article_id] = article.title if article else f"#{article_id}"
        return title


class DealsDock(QDockWidget):
    """Lists the deals the annotations say and opens their sources side by side.

    Attributes:
        filter_edit: keeps the deals one of whose parties' names holds its text.
        table: the deals, one row per group.
        message: what is shown instead when there is no deal at all.
        status_label: how many deals are listed, and what a double-click does.
        refresh_timer: the single-shot timer that reads the deals again.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("deals")  # saveState/restoreState need names
        self._window = window
        self._groups: list[DealGroup] = []
        self._stale = True

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.refresh)

        body = QWidget(self)
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _text: self._show_groups())

        self._model = DealTableModel(self)
        self.table = QTableView(body)
        self.table.setModel(self._model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows: "Count once" joins the reports of all of them into one deal.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PARTIES, QHeaderView.ResizeMode.Stretch)
        for column, width in ((AMOUNT, 150), (DURATION, 100), (DATE, 100), (SOURCES, 70)):
            header.resizeSection(column, width)
        # Double-click or Enter (the platform's "activate").
        self.table.activated.connect(self._on_activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)

        self.message = QLabel(body)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setEnabled(False)  # muted, like the reader's empty text
        self.status_label = QLabel(body)
        self.status_label.setWordWrap(True)  # a long count line wraps, not widens the window
        self.confirm_button = QPushButton(body)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.split_button = QPushButton(body)
        self.split_button.clicked.connect(self.split_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        # The filter alone on top, the buttons and the count under the table, each on
        # its row: all on one row squeezed the filter to a few letters (and wrapped the
        # count one word per line) when the dock shared the bottom with another.
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.split_button)
        buttons.addStretch(1)
        set_dock_body(self, body, (self.filter_edit, 0), (self.table, 1), (self.message, 1),
                      (buttons, 0), (self.status_label, 0))

        window.runner.changed.connect(self._on_changed)
        self.visibilityChanged.connect(self._on_visibility_changed)
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        """Sets the dock's fixed texts in the interface language."""
        self.setWindowTitle(self.tr("Deals"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by party…"))
        self.filter_edit.setAccessibleName(self.tr("Filter deals by party"))
        self.message.setText(self.tr(EMPTY_TEXT))
        self.confirm_button.setText(self.tr("Count once"))
        self.split_button.setText(self.tr("Count each"))
        self.split_button.setToolTip(self.tr(
            "These are separate deals: count every report, and no longer propose them "
            "as one"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._show_groups()
        super().changeEvent(event)

    # --- public API ----------------------------------------------------------

    def model(self) -> DealTableModel:
        return self._model

    def refresh(self) -> None:
        """Reads the deals again now, keeping the row selected."""
        self.refresh_timer.stop()
        self._stale = False
        self._groups = group_deals(list_deals())
        self._show_groups()

    def schedule_refresh(self) -> None:
        """Reads the deals again in a moment if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh_timer.start()

    def open_sources(self, group: DealGroup) -> list[int]:
        """Opens the group's sources side by side, each with its amount selected.

        The first source's article opens in the focused pane (or the pane
        showing it already), each other one beside it; at most
        :data:`MAX_PANES`. Returns the articles opened, in pane order.
        """
        window = self._window
        sources = by_article(group.sources)
        shown = sources[:MAX_PANES]
        opened: list[tuple[Any, Source]] = []
        for position, source in enumerate(shown):
            controller = next((c for c in window.panes if c.article_id == source.article_id),
                              None)
            if controller is not None:
                window.focus_pane(controller)
            elif position == 0:
                controller = window.active if window.open_article(source.article_id) else None
            else:
                controller = window.open_beside(source.article_id)
            if controller is not None:
                opened.append((controller, source))
        for controller, source in opened:
            controller.pane.select_range(source.start, source.end)
        if opened:
            window.focus_pane(opened[0][0])
        if len(sources) > MAX_PANES:
            message = self.tr("Opened {shown} of the {count} articles that report this "
                              "deal (at most {shown} side by side).").format(
                shown=MAX_PANES, count=len(sources))
        else:
            message = self.tr("Opened the %n article(s) that report {parties}, with the "
                              "amount selected.", None, len(opened)).format(
                parties=party_text(group))
        window.statusBar().showMessage(message, 6000)
        return [source.article_id for _controller, source in opened]

    # --- internals -----------------------------------------------------------

    def _show_groups(self) -> None:
        """Lists the deals the filter keeps, keeping the rows selected selected (after a
        join, a split or a report left out, the rows their first reports are in)."""
        current = self._model.group(self.table.currentIndex().row())
        selected = [g.sources[0] for g in self.selected_groups()]
        wanted = self.filter_edit.text().casefold().strip()
        groups = [g for g in self._groups
                  if not wanted or any(wanted in name.casefold() for name in g.party_names)]
        self._model.set_groups(groups)
        rows = {source: r for r, g in enumerate(self._model.groups()) for source in g.sources}
        if current is not None and current.sources[0] in rows:
            self.table.selectRow(rows[current.sources[0]])
        chosen = QItemSelection()
        for row in sorted({rows[source] for source in selected if source in rows}):
            chosen.select(self._model.index(row, 0),
                          self._model.index(row, self._model.columnCount() - 1))
        if not chosen.isEmpty():
            self.table.selectionModel().select(chosen,
                                               QItemSelectionModel.SelectionFlag.Select)
        empty = not self._groups
        self.message.setVisible(empty)
        self.table.setVisible(not empty)
        self.filter_edit.setVisible(not empty)
        if empty:
            self.status_label.setText("")
        elif not groups:
            self.status_label.setText(self.tr("No deal has a party matching the filter."))
        else:
            reports = sum(len(g.deals) for g in groups)
            text = self.tr("%n deal(s)", None, len(groups))
            if reports != len(groups):
                text = self.tr("{deals} ({reports})").format(
                    deals=text, reports=self.tr("%n report(s)", None, reports))
            self.status_label.setText(self.tr("{deals} · double-click one to open its sources")
                                      .format(deals=text))
        self.confirm_button.setVisible(not empty)
        self.split_button.setVisible(not empty)
        self._update_buttons()

    def _on_changed(self, change: Change) -> None:
        if (change.relations or change.entities or change.reload or change.labels
                or change.added or change.updated or change.removed
                or change.articles_added or change.articles_edited):
            self.schedule_refresh()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._stale:
            self.refresh_timer.start()

    def selected_group(self) -> DealGroup | None:
        """The first selected group (in list order), if any."""
        groups = self.selected_groups()
        return groups[0] if groups else None

    def selected_groups(self) -> list[DealGroup]:
        """The selected groups, in list order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [group for group in map(self._model.group, rows) if group is not None]

    def confirm_selected(self) -> bool:
        """Counts the reports of the selected groups as one deal (one undo step)."""
        groups = self.selected_groups()
        if not _can_confirm(groups):
            return False
        from desktop.core.deal_operations import ConfirmDeal

        return self._window.runner.run(
            ConfirmDeal([d.amount_id for group in groups for d in group.deals],
                        name=self.tr("Count {parties} once").format(
                            parties=party_text(groups[0]))))

    def split_selected(self) -> bool:
        """Says the reports of each selected group are separate deals (one undo step)."""
        groups = [group for group in self.selected_groups() if len(group.deals) > 1]
        if not groups:
            return False
        from desktop.core.deal_operations import SplitDeal

        return self._window.runner.run(
            SplitDeal([d.amount_id for group in groups for d in group.deals],
                      name=self.tr("Count each report of {parties}").format(
                          parties=party_text(groups[0]))))

    def leave_out(self, group: DealGroup, amount_id: int) -> bool:
        """Takes one report out of ``group``: a deal of its own (one undo step)."""
        from desktop.core.deal_operations import LeaveOutOfDeal

        report = next((d for d in group.deals if d.amount_id == amount_id), None)
        if report is None or len(group.deals) < 2:
            return False
        return self._window.runner.run(
            LeaveOutOfDeal(amount_id, [d.amount_id for d in group.deals],
                           name=self.tr("Leave “{title}” out of {parties}").format(
                               title=self._model.title(report.sources[0].article_id),
                               parties=party_text(group))))

    def context_menu(self, position: QPoint) -> QMenu | None:
        """The menu of the rows selected, for a click at ``position`` (viewport
        coordinates, the current row's for the keyboard); None off the rows."""
        index = self.table.indexAt(position)
        if not index.isValid():
            index = self.table.currentIndex()
        if self._model.group(index.row()) is None:
            return None
        if not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Open the sources side by side"),
                       lambda: self._on_activated(index))
        menu.addSeparator()
        for button in (self.confirm_button, self.split_button):
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
            action.setToolTip(button.toolTip())
        groups = self.selected_groups()
        leave = menu.addMenu(self.tr("Leave out of this deal"))
        leave.setToolTipsVisible(True)
        group = groups[0] if len(groups) == 1 else None
        if group is None or len(group.deals) < 3:
            leave.setEnabled(False)  # with two, "Count each" does it
        else:
            for deal in group.deals:
                action = leave.addAction(self._model.report_text(deal),
                                         lambda d=deal.amount_id: self.leave_out(group, d))
                action.setToolTip(self.tr("A deal of its own, never proposed with another "
                                          "report; the others stay as they are"))
        return menu

    def _update_buttons(self, *_args: object) -> None:
        groups = self.selected_groups()
        self.confirm_button.setEnabled(_can_confirm(groups))
        if len({d.unit for g in groups for d in g.deals}) > 1:
            self.confirm_button.setToolTip(self.tr(
                "The selected reports are in different currencies: they cannot be counted "
                "as one deal"))
        else:
            self.confirm_button.setToolTip(self.tr(
                "The reports of the selected rows are one deal: the money figures count it "
                "once (the earliest report)"))
        self.split_button.setEnabled(any(len(g.deals) > 1 for g in groups))

    def _on_context_menu(self, position: QPoint) -> None:
        menu = self.context_menu(position)
        if menu is not None:
            pop_up(menu, self.table.viewport().mapToGlobal(position))

    def _on_activated(self, index: QModelIndex) -> None:
        group = self._model.group(index.row())
        if group is not None:
            self.open_sources(group)


def _can_confirm(groups: Sequence[DealGroup]) -> bool:
    """Whether "Count once" has something to do: two reports or more in one currency,
    not one group already counted once."""
    reports = sum(len(g.deals) for g in groups)
    return (reports > 1 and not (len(groups) == 1 and groups[0].confirmed)
            and len({d.unit for g in groups for d in g.deals}) == 1)
