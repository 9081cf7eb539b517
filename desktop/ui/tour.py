"""The first-run tour: a few callouts over the window, one step at a time.

On the first start (the ``TOUR_SHOWN`` setting is below :data:`TOUR_VERSION`)
and just after the window first paints, a small panel points at one part of
the window after another: the article to select a name in, the label keys,
where suggestions appear, the annotation panel, the library, and F1. It is a
child widget of the window, not a dialog: the window stays usable under it
(the user can try each step as it is explained). Next, Back and Skip (or
Return, Esc, and Alt with the underlined letters) move through it; the
setting is stored when it starts, so it shows once. Help ▸ Take the tour
shows it again.

Keys named in the steps are read from the window's actions, so they stay
right when a key changes and read as the platform writes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from desktop.ui import settings as keys
from desktop.ui.cheat_sheet import plain

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

TOUR_VERSION = 1
"""Raised when the steps change enough that users who saw the tour should see it again."""

WIDTH = 380  # the callout's width, arrow included
ARROW = 11  # how far the arrow reaches out of the bubble
GAP = 2  # between the arrow's tip and the part of the window pointed at
Side = str  # where the callout sits relative to its target: "below", "above", "left", "right"


@dataclass(frozen=True)
class TourStep:
    """One step: what it says, and the part of the window it points at.

    Attributes:
        title: a few words.
        text: rich text (keys in bold, the label legend).
        target: the rectangle pointed at, in the window's coordinates, or
            None when that part is not shown (the callout then sits in the
            middle of the window).
        widget: the widget whose moves and resizes move the target.
        side: where the callout goes first, if it fits there.
    """

    title: str
    text: str
    target: Callable[[], QRect | None]
    widget: Callable[[], QWidget | None]
    side: Side


class TourCallout(QWidget):
    """The panel of the tour: a rounded bubble with an arrow towards its target.

    Signals:
        next_requested(): Next (or Return while it has the focus).
        back_requested(): Back.
        skip_requested(): Skip (or Esc while it has the focus).

    Attributes:
        side: where it sits relative to its target, or None (no arrow).
    """

    next_requested = Signal()
    back_requested = Signal()
    skip_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tourCallout")
        self.setAccessibleName(self.tr("Tour"))
        self.side: Side | None = None
        self._arrow_at = 0
        self.counter_label = QLabel(self)
        self.title_label = QLabel(self)
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.title_label.setFont(bold)
        self.text_label = QLabel(self)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setWordWrap(True)
        self.text_label.setOpenExternalLinks(False)
        self.skip_button = QPushButton(self)
        self.back_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.next_button.setDefault(True)
        self.skip_button.clicked.connect(self.skip_requested)
        self.back_button.clicked.connect(self.back_requested)
        self.next_button.clicked.connect(self.next_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        margin = ARROW + 14
        layout.setContentsMargins(margin, margin - 4, margin, margin - 4)
        layout.setSpacing(6)
        layout.addWidget(self.counter_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addSpacing(4)
        layout.addLayout(buttons)
        self.setFixedWidth(WIDTH)
        self._mute(self.counter_label)

    def _mute(self, label: QLabel) -> None:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText,
                         palette.color(QPalette.ColorRole.PlaceholderText))
        label.setPalette(palette)

    def show_step(self, index: int, count: int, step: TourStep) -> None:
        """Shows step ``index`` (from 0) of ``count``, and sizes itself to it."""
        self.counter_label.setText(self.tr("Step {0} of {1}").format(index + 1, count))
        self.title_label.setText(step.title)
        self.text_label.setText(step.text)
        self.skip_button.setText(self.tr("S&kip tour"))
        self.back_button.setText(self.tr("&Back"))
        self.back_button.setEnabled(index > 0)
        last = index == count - 1
        self.next_button.setText(self.tr("&Done") if last else self.tr("&Next"))
        self.skip_button.setVisible(not last)
        layout = self.layout()
        assert layout is not None
        layout.activate()
        self.resize(WIDTH, layout.totalHeightForWidth(WIDTH))

    def point(self, side: Side | None, at: int) -> None:
        """Puts the arrow on the side facing the target (``side`` is where the
        callout is), ``at`` pixels along that edge; None: no arrow."""
        self.side, self._arrow_at = side, at
        self.update()

    def bubble(self) -> QRectF:
        """The rounded panel inside the widget (the arrow reaches past it)."""
        return QRectF(self.rect()).adjusted(ARROW, ARROW, -ARROW, -ARROW)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.bubble().adjusted(1, 1, -1, -1)
        path = QPainterPath()
        path.addRoundedRect(box, 8, 8)
        arrow = self._arrow(box)
        if arrow is not None:
            tip = QPainterPath()
            tip.addPolygon(arrow)
            tip.closeSubpath()
            path = path.united(tip)
        palette = self.palette()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawPath(path.simplified())
        painter.end()

    def _arrow(self, box: QRectF) -> QPolygonF | None:
        """The arrow's triangle, from the bubble's edge out to the widget's edge."""
        half, at = ARROW, float(self._arrow_at)
        if self.side == "below":  # the target is above: the arrow points up
            return QPolygonF([QPointF(at - half, box.top()), QPointF(at, 0.5),
                              QPointF(at + half, box.top())])
        if self.side == "above":
            return QPolygonF([QPointF(at - half, box.bottom()),
                              QPointF(at, self.height() - 0.5),
                              QPointF(at + half, box.bottom())])
        if self.side == "right":  # the target is to the left
            return QPolygonF([QPointF(box.left(), at - half), QPointF(0.5, at),
                              QPointF(box.left(), at + half)])
        if self.side == "left":
            return QPolygonF([QPointF(box.right(), at - half),
                              QPointF(self.width() - 0.5, at),
                              QPointF(box.right(), at + half)])
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.skip_requested.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next_requested.emit()
        else:
            super().keyPressEvent(event)


class Spotlight(QWidget):
    """An outline around the part of the window the tour points at; clicks pass through."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        painter.setPen(QPen(color, 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 6, 6)
        painter.end()


def place(target: QRect | None, size: tuple[int, int], area: QRect,
          first: Side) -> tuple[QRect, Side | None, int]:
    """Where a callout of ``size`` goes next to ``target``, inside ``area``.

    Tries ``first``, then below, right, left and above; where none fits
    (or there is no target) the callout is centred in ``area`` with no arrow.

    Returns:
        Its rectangle, the side it is on (None: centred), and where along the
        facing edge its arrow goes (pixels from its left or top).
    """
    width, height = size
    if target is None:
        centred = QRect(0, 0, width, height)
        centred.moveCenter(area.center())
        return centred, None, 0

    def clamp(value: int, low: int, high: int) -> int:
        return max(low, min(value, high))

    centre = target.center()
    for side in dict.fromkeys([first, "below", "right", "left", "above"]):
        if side in ("below", "above"):
            x = clamp(centre.x() - width // 2, area.left(), area.right() + 1 - width)
            y = target.bottom() + 1 + GAP if side == "below" else target.top() - GAP - height
            along = clamp(centre.x() - x, 2 * ARROW + 8, width - 2 * ARROW - 8)
        else:
            x = target.right() + 1 + GAP if side == "right" else target.left() - GAP - width
            y = clamp(centre.y() - height // 2, area.top(), area.bottom() + 1 - height)
            along = clamp(centre.y() - y, 2 * ARROW + 8, height - 2 * ARROW - 8)
        rect = QRect(x, y, width, height)
        if area.contains(rect):
            return rect, side, along
    centred = QRect(0, 0, width, height)
    centred.moveCenter(area.center())
    return centred, None, 0


def _keys(action: QAction | None, fallback: str) -> str:
    """The first key of ``action`` as the platform writes it, in bold HTML."""
    from desktop.ui.cheat_sheet import native

    shortcuts = action.shortcuts() if action is not None else []
    text = native(shortcuts[0]) if shortcuts else ""
    return f"<b>{escape(text or fallback)}</b>"


class Tour(QObject):
    """The tour over ``window``: its steps, the callout and the outline.

    Signals:
        finished(bool): the tour closed; True if it was skipped before its end.

    Attributes:
        steps: the steps, built when the tour starts.
        index: the step shown (from 0).
        callout: the panel showing it.
        spotlight: the outline around what it points at.
    """

    finished = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.index = 0
        self.steps = self._steps()
        self.callout = TourCallout(window)
        self.spotlight = Spotlight(window)
        self.callout.next_requested.connect(self.next)
        self.callout.back_requested.connect(self.back)
        self.callout.skip_requested.connect(self.skip)
        self._watched: QWidget | None = None
        self._closed = False
        window.installEventFilter(self)

    # --- steps ------------------------------------------------------------------------

    def _steps(self) -> list[TourStep]:
        w = self.window
        suggestions = w.suggestions
        help_menu = _menu_holding(w, w.about_action)
        tour_action: QAction | None = getattr(w, "tour_action", None)
        again = (f"{escape(plain(help_menu.title()))} ▸ {escape(plain(tour_action.text()))}"
                 if help_menu is not None and tour_action is not None else "")
        return [
            TourStep(
                self.tr("Select a name"),
                self.tr("This is one of the demo articles. Select the name of a company, "
                        "a person or a place in it: drag over it with the mouse, or press "
                        "{find}, type the name and press <b>Return</b>. <b>Esc</b> then "
                        "closes the find bar and leaves the name selected.").format(
                    find=_keys(w.find_action, "Ctrl+F")),
                self._text_top, lambda: self.window.reader.body.viewport(), "below"),
            TourStep(
                self.tr("Tag it with one key"),
                self.tr("Press the digit of a label to tag the selection:") + self._legend()
                + self.tr("The right-click menu offers the same labels. {delete} removes "
                          "a tag, {undo} undoes.").format(
                    delete="<b>Del</b>", undo=_keys(w.undo_action, "Ctrl+Z")),
                self._selection_or_text_top, lambda: self.window.reader.body.viewport(),
                "below"),
            TourStep(
                self.tr("Suggestions"),
                self.tr("Amounts and names the app finds by itself are underlined with dashes "
                        "in the text. There, {next} goes to the next one, {accept} accepts "
                        "it with its value, {reject} rejects it. The {menu} menu lists "
                        "them all.").format(next=_keys(suggestions.next_action, "N"),
                                            accept=_keys(suggestions.accept_action, "A"),
                                            reject=_keys(suggestions.reject_action, "R"),
                                            menu=escape(plain(_menu_title_text(
                                                w, suggestions.next_action)))),
                self._suggestion_or_menu, self.window.menuBar, "below"),
            TourStep(
                self.tr("The annotation panel"),
                self.tr("Every tag of the article is listed here. Choose one to change "
                        "its label or its entity, correct its value or add a note; "
                        "<b>Return</b> shows it in the text."),
                lambda: self._dock(self.window.panel_dock), lambda: self.window.panel_dock,
                "left"),
            TourStep(
                self.tr("The library"),
                self.tr("Your articles, the demo ones among them. {search} searches them; "
                        "<b>Return</b> opens the chosen one here, {beside} opens it beside "
                        "this one, to compare how two articles tell the story.").format(
                    search=_keys(w.search_action, "Ctrl+K"),
                    beside=_keys(w.open_beside_action, "Ctrl+Shift+Return")),
                lambda: self._dock(self.window.library_dock), lambda: self.window.library_dock,
                "right"),
            TourStep(
                self.tr("Every key, at any time"),
                self.tr("Everything can be done from the keyboard: press {help} for the "
                        "list of every key.").format(
                    help=_keys(getattr(w, "cheat_sheet_action", None), "F1"))
                + (" " + self.tr("{menu} shows this tour again.").format(menu=again)
                   if again else ""),
                lambda: self._menu_title(w.about_action), self.window.menuBar, "below"),
        ]

    def _legend(self) -> str:
        """The labels with their keys and colours, as a small table, three a row."""
        labels = sorted((lb for lb in self.window.labels.by_id.values() if lb.shortcut),
                        key=lambda lb: lb.position)
        cells = [f'<td><span style="color:{escape(lb.color)}">■</span> '
                 f"<b>{escape(lb.shortcut or '')}</b> {escape(lb.name)}&nbsp;&nbsp;</td>"
                 for lb in labels]
        rows = ["<tr>" + "".join(cells[i:i + 3]) + "</tr>" for i in range(0, len(cells), 3)]
        return f'<table cellspacing="2" style="margin: 4px 0">{"".join(rows)}</table>'

    # --- targets (window coordinates) --------------------------------------------------

    def _text_top(self) -> QRect | None:
        """The first lines of the article's text column."""
        viewport = self.window.reader.body.viewport()
        if not viewport.isVisible():
            return None
        lines = self.window.reader.body.fontMetrics().lineSpacing() * 4
        top_left = viewport.mapTo(self.window, QPoint(0, 0))
        return QRect(top_left.x(), top_left.y(), viewport.width(),
                     min(viewport.height(), lines + 8))

    def _span(self, start: int, end: int) -> QRect | None:
        """Where the text from ``start`` to ``end`` (code points) is, if its first
        line is on screen (that line only, when it runs over several)."""
        body = self.window.reader.body
        cursor = body.textCursor()
        cursor.setPosition(body.offsets.to_utf16(start))
        first = body.cursorRect(cursor)
        cursor.setPosition(body.offsets.to_utf16(end))
        last = body.cursorRect(cursor)
        viewport = body.viewport()
        if not (viewport.isVisible() and viewport.rect().contains(first.center())):
            return None
        right = last.right() if last.top() == first.top() else viewport.width() - 1
        rect = QRect(QPoint(first.left(), first.top()), QPoint(right, first.bottom()))
        return rect.adjusted(-4, -2, 4, 2).translated(viewport.mapTo(self.window, QPoint(0, 0)))

    def _selection_or_text_top(self) -> QRect | None:
        """The selected text when it is on screen, else the first lines."""
        selection = self.window.reader.selection_range()
        found = self._span(*selection) if selection is not None else None
        return found or self._text_top()

    def _suggestion_or_menu(self) -> QRect | None:
        """The first suggestion on screen, else the Suggestions menu's title."""
        for item in self.window.suggestions.suggestions():
            found = self._span(item.start, item.end)
            if found is not None:
                return found
        return self._menu_title(self.window.suggestions.next_action)

    def _menu_title(self, action: QAction) -> QRect | None:
        """Where the menu bar shows the title of the menu holding ``action``."""
        menu = _menu_holding(self.window, action)
        bar = self.window.menuBar()
        if menu is None or not bar.isVisible():
            return None
        rect = bar.actionGeometry(menu.menuAction())
        if rect.isEmpty():
            return None
        return rect.translated(bar.mapTo(self.window, QPoint(0, 0)))

    def _dock(self, dock: QWidget) -> QRect | None:
        if not dock.isVisible() or dock.isWindow():  # closed, or floating on its own
            return None
        return QRect(dock.mapTo(self.window, QPoint(0, 0)), dock.size())

    # --- moving through ------------------------------------------------------------------

    def start(self) -> None:
        """Shows the first step and stores that the tour was shown."""
        self._remember()
        self.go_to(0)
        self.callout.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to(self, index: int) -> None:
        focused = self.callout.isAncestorOf(self.window.focusWidget()) \
            if self.window.focusWidget() is not None else False
        self.index = max(0, min(index, len(self.steps) - 1))
        step = self.steps[self.index]
        self.callout.show_step(self.index, len(self.steps), step)
        self._watch(step.widget())
        self.callout.show()
        self.place()
        if focused and not self.callout.next_button.hasFocus():
            self.callout.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def next(self) -> None:
        if self.index + 1 < len(self.steps):
            self.go_to(self.index + 1)
        else:
            self.close(skipped=False)

    def back(self) -> None:
        if self.index > 0:
            self.go_to(self.index - 1)

    def skip(self) -> None:
        self.close(skipped=True)

    def close(self, skipped: bool = True) -> None:
        """Takes the tour off the window (the setting says it was shown)."""
        self._closed = True
        self._remember()
        self._watch(None)
        self.window.removeEventFilter(self)
        had_focus = self.callout.isAncestorOf(self.window.focusWidget()) \
            if self.window.focusWidget() is not None else False
        for widget in (self.callout, self.spotlight):
            widget.hide()
            widget.deleteLater()
        if had_focus:  # back to the text, not to nowhere
            self.window.reader.body.setFocus(Qt.FocusReason.OtherFocusReason)
        self.finished.emit(skipped)
        self.deleteLater()

    def _remember(self) -> None:
        settings = self.window.settings
        if settings.get(keys.TOUR_SHOWN) < TOUR_VERSION:
            settings.set(keys.TOUR_SHOWN, TOUR_VERSION)
            settings.sync()

    # --- placing ---------------------------------------------------------------------------

    def target(self) -> QRect | None:
        """What the step shown points at, in window coordinates (None: nothing)."""
        return self.steps[self.index].target()

    def place(self) -> None:
        """Puts the callout beside what the step points at, and the outline around it."""
        step = self.steps[self.index]
        target = step.target()
        window = self.window
        area = window.rect()
        bar = window.menuBar()
        area.setTop(bar.geometry().bottom() + 1 if bar.isVisible() else 0)
        if window.statusBar().isVisible():
            area.setBottom(window.statusBar().geometry().top() - 1)
        area = area.adjusted(8, 0, -8, -8)  # right under a menu title is fine
        rect, side, along = place(target, (self.callout.width(), self.callout.height()),
                                  area, step.side)
        self.callout.setGeometry(rect)
        self.callout.point(side, along)
        if target is not None:
            self.spotlight.setGeometry(target.adjusted(-3, -3, 3, 3)
                                       .intersected(window.rect()))
            self.spotlight.show()
            self.spotlight.raise_()
        else:
            self.spotlight.hide()
        self.callout.raise_()

    def _watch(self, widget: QWidget | None) -> None:
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched = widget
        if widget is not None:
            widget.installEventFilter(self)

    def _retranslate(self) -> None:
        """The steps again in the interface language, the one shown with them."""
        if not self._closed:
            self.steps = self._steps()
            self.go_to(self.index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            # Once the window has renamed its menus and actions (its own event).
            QTimer.singleShot(0, self._retranslate)
        elif event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show,
                            QEvent.Type.Hide) and self.callout.isVisible():
            self.place()
        return False


def _menu_holding(window: MainWindow, action: QAction) -> QMenu | None:
    """The menu bar's menu that holds ``action``."""
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and action in menu.actions():
            return menu
    return None


def _menu_title_text(window: MainWindow, action: QAction) -> str:
    menu = _menu_holding(window, action)
    return menu.title() if menu is not None else ""


def find_tour(window: QWidget) -> Tour | None:
    """The tour running over ``window``, if one is."""
    for tour in window.findChildren(Tour):
        if tour.callout.isVisible():
            return tour
    return None


def start_tour(window: MainWindow) -> Tour:
    """Starts the tour from its first step (Help ▸ Take the tour); one runs at a time."""
    running = find_tour(window)
    if running is not None:
        running.close(skipped=True)
    tour = Tour(window)
    tour.start()
    return tour


def maybe_start_tour(window: MainWindow) -> Tour | None:
    """Starts the tour if this user has not seen it yet (the first start); else None."""
    if window.settings.get(keys.TOUR_SHOWN) >= TOUR_VERSION:
        return None
    return start_tour(window)
