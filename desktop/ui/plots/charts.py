"""The pyqtgraph widgets the plots are drawn in: horizontal bars, and a month timeline.

This is the only module that imports pyqtgraph, and :mod:`desktop.ui.plots.dock`
imports it only when a plot is first shown (it loads numpy, QtSvg, QtOpenGL…).
Each chart keeps its graphics items and updates them in place
(``setOpts``/``setData``), so a refresh redraws without clearing or flicker.
Charts know nothing of the database: they draw numbers and colours, and say
which bar the mouse is on.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence

os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"  # it would try PyQt6 first (PLATFORM.md)

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal  # noqa: E402
from PySide6.QtGui import QColor, QFontMetrics, QPalette  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from desktop.ui.plots.numbers import compact  # noqa: E402

BAR_THICKNESS = 0.7
ROW_LINES = 1.7
"""A bar row is at least this many text lines high, so names never overlap."""
MAX_ROW_LINES = 2.8
"""…and at most this many, so that two bars don't fill the chart."""
MIN_MONTHS = 6
"""The timeline spans at least this many months' width, so one month is not one wide slab."""
RANGE_ALPHA = 90
"""Opacity (of 255) of the lighter extension showing the high end of ranges."""


def _colors(widget: QWidget) -> tuple[QColor, QColor, QColor]:
    """Background, text and grid colours from the widget's palette."""
    palette = widget.palette()
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    grid = palette.color(QPalette.ColorRole.Mid)
    return base, text, grid


def _style(plot: pg.PlotItem, text: QColor, grid: str) -> None:
    """A still plot: no mouse zoom or pan, no menu, no auto-range button; a grid behind."""
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.setContentsMargins(6, 2, 12, 2)
    _color_axes(plot, text)
    for name in ("left", "bottom"):
        plot.getAxis(name).setStyle(tickLength=4)  # outwards: ticks don't cross bars or lines
    plot.showGrid(x=grid == "bottom", y=grid == "left", alpha=0.25)
    # The axis draws its grid lines: below the view box (z -100), they pass behind the bars.
    plot.getAxis(grid).setZValue(-200)


def _color_axes(plot: pg.PlotItem, text: QColor) -> None:
    """Draws the axes, their figures and the grid in ``text``'s colour."""
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(text))
        axis.setTextPen(pg.mkPen(text))


def _faded(color: str) -> QColor:
    """``color`` made pale, for the high end of ranges."""
    faded = QColor(color)
    faded.setAlpha(RANGE_ALPHA)
    return faded


def _nice_ceiling(value: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ) at least ``value``.

    The value axis ends there, so it keeps still while a count grows by one.
    """
    if value <= 0:
        return 1.0
    base = 10.0 ** math.floor(math.log10(value))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * base >= value * (1 - 1e-12):
            return step * base
    return 10 * base


class CompactAxis(pg.AxisItem):
    """A value axis written "38 bn", "1.5 M" in the locale; whole numbers only if asked."""

    def __init__(self, orientation: str, integer: bool = False) -> None:
        super().__init__(orientation)
        self._integer = integer

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802, N803
        levels = super().tickValues(minVal, maxVal, size)[:1]  # no minor ticks: a calm grid
        if not self._integer:
            return levels
        return [(max(spacing, 1.0), [v for v in values if float(v).is_integer()])
                for spacing, values in levels]

    def tickStrings(self, values: Sequence[float], scale: float,  # noqa: N802
                    spacing: float) -> list[str]:
        return [compact(value * scale) for value in values]


class BarChart(pg.PlotWidget):
    """Horizontal bars, first at the top, names on the left, figures at the bar ends.

    Only as many bars as fit at a readable height are drawn; the others wait
    for a taller chart. A range sum shows its high end as a lighter extension.

    Signals:
        bar_clicked(int, bool): the row clicked, and whether it was a double-click.
        bar_hovered(int): the row under the mouse, -1 when none.
        shown_changed(int): how many bars are drawn changed (the chart was resized).
    """

    bar_clicked = Signal(int, bool)
    bar_hovered = Signal(int)
    shown_changed = Signal(int)
    _built = False  # until then, a palette change has nothing to recolour

    def __init__(self, parent: QWidget | None = None, integer_values: bool = True) -> None:
        super().__init__(parent, axisItems={"bottom": CompactAxis("bottom", integer_values)})
        base, text, grid = _colors(self)
        self._text_color = text
        self.setBackground(base)
        self._plot: pg.PlotItem = self.getPlotItem()
        _style(self._plot, text, grid="bottom")
        self._plot.getAxis("left").setStyle(tickLength=0)
        self._view: pg.ViewBox = self._plot.getViewBox()
        self._view.invertY(True)
        self._bars = pg.BarGraphItem(x0=np.zeros(0), y=np.zeros(0), width=np.zeros(0),
                                     height=BAR_THICKNESS, brushes=[], pen=None)
        self._extensions = pg.BarGraphItem(x0=np.zeros(0), y=np.zeros(0), width=np.zeros(0),
                                           height=BAR_THICKNESS, brushes=[], pen=None)
        self._plot.addItem(self._extensions)
        self._plot.addItem(self._bars)
        self._labels: list[pg.TextItem] = []
        self._names: list[str] = []
        self._values = np.zeros(0)
        self._highs = np.zeros(0)
        self._colors: list[str] = []
        self._texts: list[str] = []
        self._shown = 0
        self._hovered = -1
        self._fitting = False
        self._drawn: dict[str, object] = {}  # what the items show, to update only changes
        self._view.sigResized.connect(self._fit)
        self.scene().sigMouseClicked.connect(self._on_clicked)
        self.scene().sigMouseMoved.connect(self._on_moved)
        self._built = True

    # --- what the dock drives ---------------------------------------------------

    def set_bars(self, names: Sequence[str], values: Sequence[float], highs: Sequence[float],
                 colors: Sequence[str], texts: Sequence[str]) -> None:
        """Shows these bars (top first), updating the existing items in place."""
        self._names = list(names)
        self._values = np.asarray(values, dtype=float)
        self._highs = np.maximum(np.asarray(highs, dtype=float), self._values)
        self._colors = list(colors)
        self._texts = list(texts)
        self._hovered = -1
        self._fit()

    def shown_count(self) -> int:
        """How many bars are drawn (the first ones)."""
        return self._shown

    def bar_item(self) -> pg.BarGraphItem:
        """The item drawing the bars (their ``opts`` hold what is drawn)."""
        return self._bars

    def extension_item(self) -> pg.BarGraphItem:
        """The item drawing the high ends of ranges."""
        return self._extensions

    def bar_texts(self) -> list[str]:
        """The figures written at the ends of the drawn bars."""
        return [label.toPlainText() for label in self._labels[:self._shown]]

    def tick_names(self) -> list[str]:
        """The names on the left axis, top first, as drawn (elided if long)."""
        ticks = self._plot.getAxis("left")._tickLevels  # set by setTicks
        return [name for _, name in ticks[0]] if ticks else []

    def bar_position(self, row: int) -> QPoint:
        """The middle of bar ``row`` in widget coordinates (to click it, in tests and scripts)."""
        end = float(self._values[row]) if self._values.size else 0.0
        return self.mapFromScene(self._view.mapViewToScene(QPointF(end / 2, row)))

    # --- drawing ----------------------------------------------------------------

    def _fit(self) -> None:
        """Draws as many bars as fit, and leaves room for the figures at their ends."""
        if self._fitting:
            return
        self._fitting = True
        try:
            count = len(self._names)
            height = self._view.height()
            row = QFontMetrics(self.font()).height() * ROW_LINES
            shown = count if height <= 0 else max(0, min(count, int(height // row)))
            if count and not shown:
                shown = 1
            self._draw(shown)
            if shown != self._shown:
                self._shown = shown
                self.shown_changed.emit(shown)
        finally:
            self._fitting = False

    def _draw(self, shown: int) -> None:
        """Updates only what changed since the last draw: usually one bar and its figure."""
        values, highs = self._values[:shown], self._highs[:shown]
        colors = tuple(self._colors[:shown])
        geometry = (shown, values.tobytes(), highs.tobytes())
        if geometry != self._drawn.get("geometry") or colors != self._drawn.get("colors"):
            rows = np.arange(shown, dtype=float)
            bars: dict = dict(x0=np.zeros(shown), y=rows, width=values, height=BAR_THICKNESS)
            extensions: dict = dict(x0=values, y=rows, width=highs - values,
                                    height=BAR_THICKNESS)
            if colors != self._drawn.get("colors"):
                bars.update(brushes=[QColor(color) for color in colors],
                            pens=self._pens(shown))
                extensions.update(brushes=[_faded(color) for color in colors])
            self._bars.setOpts(**bars)
            self._extensions.setOpts(**extensions)
            self._drawn.update(geometry=geometry, colors=colors)
        self._draw_names(shown)
        self._draw_texts(shown, highs)
        # A few bars stay at the top, no thicker than a few lines of text.
        thickest = QFontMetrics(self.font()).height() * MAX_ROW_LINES
        ranges = (max(shown, 1, self._view.height() / thickest),
                  _nice_ceiling(self._value_span(shown, highs)))
        if ranges != self._drawn.get("ranges"):
            self._view.setYRange(-0.5, ranges[0] - 0.5, padding=0)
            self._view.setXRange(0, ranges[1], padding=0)
            self._drawn["ranges"] = ranges

    def _pens(self, shown: int) -> list[QColor | None] | None:
        """No outline, but for the bar under the mouse."""
        if not shown:
            # WORKAROUND: pyqtgraph 0.14's BarGraphItem raises UnboundLocalError on
            # an empty list of pens; None means "the shared pen" (none here).
            return None
        pens: list = [None] * shown
        if 0 <= self._hovered < shown:
            pens[self._hovered] = pg.mkPen(self._text_color, width=2)
        return pens

    def _draw_names(self, shown: int) -> None:
        metrics = QFontMetrics(self.font())
        room = max(80, int(self.width() * 0.35))
        names = [metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
                 for name in self._names[:shown]]
        if names != self._drawn.get("names"):
            self._plot.getAxis("left").setTicks([list(enumerate(names))])
            self._drawn["names"] = names

    def _draw_texts(self, shown: int, highs: np.ndarray) -> None:
        while len(self._labels) < shown:
            label = pg.TextItem(anchor=(0, 0.5), color=self._text_color)
            label.setFont(self.font())
            self._plot.addItem(label, ignoreBounds=True)
            self._labels.append(label)
        for index, label in enumerate(self._labels):
            if index < shown:
                text, x = f" {self._texts[index]}", float(highs[index])
                if label.toPlainText() != text:
                    label.setText(text, color=self._text_color)
                if label.pos().x() != x or label.pos().y() != index:
                    label.setPos(x, float(index))
                label.show()
            else:
                label.hide()

    def _value_span(self, shown: int, highs: np.ndarray) -> float:
        """The right end of the value axis that leaves room for each figure after its bar."""
        width = self._view.width()
        span = float(highs.max()) if shown else 0.0
        if width > 0:
            metrics = QFontMetrics(self.font())
            for index in range(shown):
                needed = metrics.horizontalAdvance(f" {self._texts[index]} ") + 8
                room = width - needed
                end = float(highs[index])
                span = max(span, end * width / room if room > width / 4 else end * 4)
        return span if span > 0 else 1.0

    # --- the mouse --------------------------------------------------------------

    def _row_at(self, scene_pos: QPointF) -> int:
        """The drawn row under ``scene_pos`` (bar, extension, figure or name), or -1."""
        over_view = self._view.sceneBoundingRect().contains(scene_pos)
        over_names = self._plot.getAxis("left").sceneBoundingRect().contains(scene_pos)
        if not (over_view or over_names):
            return -1
        y = self._view.mapSceneToView(scene_pos).y()
        row = int(round(y))
        return row if 0 <= row < self._shown and abs(y - row) <= 0.5 else -1

    def _on_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        row = self._row_at(event.scenePos())  # type: ignore[attr-defined]
        if row >= 0:
            self.bar_clicked.emit(row, bool(event.double()))  # type: ignore[attr-defined]

    def _on_moved(self, scene_pos: QPointF) -> None:
        row = self._row_at(scene_pos)
        if row == self._hovered:
            return
        self._hovered = row
        self._bars.setOpts(pens=self._pens(self._shown))
        if row >= 0:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        self.bar_hovered.emit(row)

    def leaveEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().leaveEvent(event)
        if self._hovered >= 0:
            self._hovered = -1
            self._bars.setOpts(pens=self._pens(self._shown))
            self.unsetCursor()
            self.bar_hovered.emit(-1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Follows the theme: background, axes and figures in the new palette."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._built:
            base, text, _grid = _colors(self)
            self._text_color = text
            self.setBackground(base)
            _color_axes(self._plot, text)
            for label in self._labels:
                label.setColor(text)
            self._bars.setOpts(pens=self._pens(self._shown))


class TimelineChart(pg.GraphicsLayoutWidget):
    """Mentions per month as bars over the money of one currency as a line, months aligned.

    The month labels are spaced so they never overlap; a range sum shows as an
    error bar up to its high end; a month holding approximate amounts has a
    hollow point; a month without amounts has no point.

    Signals:
        month_clicked(int, bool, bool): the month's index, whether the money plot
            (not the mentions) was clicked, and whether it was a double-click.
        month_hovered(int, bool): the month under the mouse (-1: none), and
            whether it is over the money plot.
    """

    month_clicked = Signal(int, bool, bool)
    month_hovered = Signal(int, bool)
    _built = False  # until then, a palette change has nothing to recolour

    MENTIONS_COLOR = "#7f8fa6"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        base, text, _grid = _colors(self)
        self._text_color = text
        self.setBackground(base)
        self.mentions: pg.PlotItem = self.addPlot(
            row=0, col=0, axisItems={"left": CompactAxis("left", integer=True)})
        self.money: pg.PlotItem = self.addPlot(
            row=1, col=0, axisItems={"left": CompactAxis("left")})
        self.ci.layout.setRowStretchFactor(0, 3)
        self.ci.layout.setRowStretchFactor(1, 2)
        for plot in (self.mentions, self.money):
            _style(plot, text, grid="left")
            plot.getAxis("left").setWidth(
                QFontMetrics(self.font()).horizontalAdvance("8.88 bn") + 16)
        self.money.setXLink(self.mentions)
        self.mentions.getAxis("bottom").setStyle(showValues=False)
        self._bars = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=BAR_THICKNESS,
                                     brush=QColor(self.MENTIONS_COLOR), pen=None)
        self.mentions.addItem(self._bars)
        self._errors = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), top=np.zeros(0),
                                       beam=0.25, pen=pg.mkPen(text))
        self._line = pg.PlotDataItem(np.zeros(0), np.zeros(0), symbol="o", symbolSize=8)
        self.money.addItem(self._errors)
        self.money.addItem(self._line)
        self._months: list[str] = []
        self._undated_last = False
        self._hovered: tuple[int, bool] = (-1, False)
        self._money_title: str | None = None  # None: no titles yet (set_months)
        self.mentions.getViewBox().sigResized.connect(self._fit_ticks)
        self.scene().sigMouseClicked.connect(self._on_clicked)
        self.scene().sigMouseMoved.connect(self._on_moved)
        self._built = True

    def set_months(self, months: Sequence[str], mentions: Sequence[float],
                   lows: Sequence[float], highs: Sequence[float], amounts: Sequence[int],
                   approx: Sequence[bool], money_title: str, money_color: str,
                   undated_last: bool = False) -> None:
        """Shows one bar and one point per month.

        Args:
            months: the months as the axis writes them, oldest first.
            mentions: the height of each month's bar.
            lows: each month's money (the low end of ranges).
            highs: the same with ranges at their high end.
            amounts: how many amounts each month's money adds up (a point marks
                the months that have some).
            approx: whether each month's money holds approximate amounts.
            money_title: the title of the money plot (it names the currency).
            money_color: the colour of the money line.
            undated_last: the last "month" gathers the articles without a date.
        """
        self._months = list(months)
        self._undated_last = undated_last
        count = len(self._months)
        x = np.arange(count, dtype=float)
        heights = np.asarray(mentions, dtype=float)
        low = np.asarray(lows, dtype=float)
        high = np.maximum(np.asarray(highs, dtype=float), low)
        color = QColor(money_color)
        self._bars.setOpts(x=x, height=heights, width=BAR_THICKNESS)
        ranged = high > low
        self._errors.setData(x=x[ranged], y=low[ranged], top=(high - low)[ranged],
                             bottom=np.zeros(int(ranged.sum())), pen=pg.mkPen(color, width=1.5))
        clear = QColor(color)
        clear.setAlpha(0)
        self._line.setData(x, low, pen=pg.mkPen(color, width=1.5),
                           symbolPen=[pg.mkPen(color if n else clear) for n in amounts],
                           symbolBrush=[clear if a or not n else color
                                        for a, n in zip(approx, amounts, strict=True)],
                           symbolSize=[8 if n else 0 for n in amounts])
        self._money_title = money_title
        self._set_titles()
        self.mentions.getViewBox().setXRange(-0.5, max(count, MIN_MONTHS) - 0.5, padding=0)
        self.mentions.getViewBox().setYRange(0, max(float(heights.max(initial=0)), 1) * 1.1,
                                             padding=0)
        top = max(float(high.max(initial=0)), 1)
        # The line floats a little above the axis, so months without money stay visible.
        self.money.getViewBox().setYRange(-0.05 * top, top * 1.15, padding=0)
        self._fit_ticks()

    def bar_item(self) -> pg.BarGraphItem:
        """The item drawing the mention bars."""
        return self._bars

    def line_item(self) -> pg.PlotDataItem:
        """The item drawing the money line."""
        return self._line

    def month_position(self, index: int, money: bool = False) -> QPoint:
        """The middle of month ``index`` of either plot, in widget coordinates."""
        view = (self.money if money else self.mentions).getViewBox()
        low, high = view.viewRange()[1]
        return self.mapFromScene(view.mapViewToScene(QPointF(index, (low + high) / 2)))

    def tick_labels(self) -> list[str]:
        """The month labels drawn under the money plot."""
        ticks = self.money.getAxis("bottom")._tickLevels
        return [text for _, text in ticks[0]] if ticks else []

    def _fit_ticks(self) -> None:
        """Labels every n-th month, n chosen so that the labels don't overlap."""
        count = len(self._months)
        if not count:
            self.money.getAxis("bottom").setTicks([[]])
            return
        metrics = QFontMetrics(self.font())
        label = max(metrics.horizontalAdvance(m) for m in self._months) + 16
        width = max(self.money.getViewBox().width(), 1.0)
        step = next((s for s in (1, 2, 3, 4, 6, 12, 24, 60, 120)
                     if count / s * label <= width), count)
        dated = count - (1 if self._undated_last else 0)
        major = [(i, self._months[i]) for i in range(0, dated, step)]
        if self._undated_last:
            major = [(i, text) for i, text in major if dated - i >= step or step == 1]
            major.append((count - 1, self._months[-1]))
        minor = [(i, "") for i in range(count)]
        self.money.getAxis("bottom").setTicks([major, minor])
        self.mentions.getAxis("bottom").setTicks([major, minor])

    def _month_at(self, scene_pos: QPointF) -> tuple[int, bool]:
        for plot, money in ((self.mentions, False), (self.money, True)):
            view = plot.getViewBox()
            if view.sceneBoundingRect().contains(scene_pos):
                x = view.mapSceneToView(scene_pos).x()
                index = int(round(x))
                if 0 <= index < len(self._months) and abs(x - index) <= 0.5:
                    return index, money
        return -1, False

    def _on_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        index, money = self._month_at(event.scenePos())  # type: ignore[attr-defined]
        if index >= 0:
            self.month_clicked.emit(index, money, bool(event.double()))  # type: ignore[attr-defined]

    def _on_moved(self, scene_pos: QPointF) -> None:
        where = self._month_at(scene_pos)
        if where == self._hovered:
            return
        self._hovered = where
        if where[0] >= 0:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        self.month_hovered.emit(*where)

    def _set_titles(self) -> None:
        if self._money_title is None:
            return
        self.mentions.setTitle(self.tr("Mentions per month"), color=self._text_color,
                               size="9pt")
        self.money.setTitle(self._money_title, color=self._text_color, size="9pt")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Follows the theme: background, axes and titles in the new palette."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._built:
            base, text, _grid = _colors(self)
            self._text_color = text
            self.setBackground(base)
            for plot in (self.mentions, self.money):
                _color_axes(plot, text)
            self._set_titles()
