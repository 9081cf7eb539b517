"""The plots dock: who is mentioned, how much money, when, which labels — over a scope.

The dock never writes and never runs SQL itself: :mod:`desktop.ui.plots.figures`
computes each plot from :mod:`db.aggregates`, on the GUI thread for one article
or a few, on a worker thread (:class:`~desktop.ui.workers.BackgroundTask`) for
many or the whole corpus. Only the visible plot is computed; the others are
marked stale and computed when their tab is shown. The charts (pyqtgraph)
are built when the dock is first shown, so importing this module is cheap.

The main window gives the dock three callables to find the articles of a
scope, calls :meth:`PlotsDock.schedule_refresh` whenever annotations change,
and connects the dock's signals to the library, the annotation panel and
the reader.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCursor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from db.aggregates import Rule, Scope
from desktop.ui.filter_note import FilterNote
from desktop.ui.plain_text import as_plain_text
from desktop.ui.plots import captions, numbers
from desktop.ui.plots.figures import (
    PLOT_KINDS,
    RULE_NAMES,
    Bar,
    Fetched,
    Figure,
    PlotKind,
    Target,
    csv_rows,
    fetch,
    figure,
    resolve,
    write_csv,
)
from desktop.ui.plots.page import PlotPage
from desktop.ui.workers import BackgroundTask

REFRESH_DELAY_MS = 150
"""Annotation changes closer together than this cause one refresh."""
SYNC_ARTICLES = 50
"""Scopes of at most this many articles are computed on the GUI thread."""
# In English; the dock shows them translated.
TAB_TITLES: dict[str, str] = {"entities": QT_TRANSLATE_NOOP("PlotsDock", "Top entities"),
                              "money": QT_TRANSLATE_NOOP("PlotsDock", "Money per entity"),
                              "timeline": QT_TRANSLATE_NOOP("PlotsDock", "Timeline"),
                              "labels": QT_TRANSLATE_NOOP("PlotsDock", "Labels")}
SCOPES: tuple[tuple[str, str], ...] = (
    ("article", QT_TRANSLATE_NOOP("PlotsDock", "Current article")),
    ("selection", QT_TRANSLATE_NOOP("PlotsDock", "Selected articles")),
    ("search", QT_TRANSLATE_NOOP("PlotsDock", "Search result")),
    ("corpus", QT_TRANSLATE_NOOP("PlotsDock", "Whole corpus")))
HINT = QT_TRANSLATE_NOOP(
    "PlotsDock", "Click a bar to list its articles; double-click to open the first mention.")
NO_PYQTGRAPH = QT_TRANSLATE_NOOP(
    "PlotsDock", "Plots need pyqtgraph, which Marginalia requires but cannot import: this "
                 "installation is broken. Reinstall Marginalia (pip install --force-reinstall "
                 "marginalia) and restart it.")


def _rule_name(rule: str) -> str:
    return QCoreApplication.translate("Figures", RULE_NAMES[rule])


class PlotsDock(QDockWidget):
    """Plots of the annotations over a scope; clicking a bar filters the other views.

    Signals:
        filter_requested(object): the library should list only these article ids
            (a ``list[int]``), or every article again (``None``).
        panel_filter_requested(object, object): the annotation panel should list
            only this label id and/or entity id (``None``: any).
        open_requested(int, int): open this article at this annotation.
        refreshed(str): the plot of this kind (``"entities"``, ``"money"``,
            ``"timeline"``, ``"labels"``) was drawn again.

    Attributes:
        refresh_timer: the debounce timer started by :meth:`schedule_refresh`;
            its timeout recomputes the visible plot.
        tabs: one tab per plot.
        scope_combo: which articles the plots count.
        currency_combo: the currency of the money plots (those present).
        rule_combo: how amounts are attributed to entities.
        detail_label: the exact figures of the bar under the mouse.
    """

    filter_requested = Signal(object)
    panel_filter_requested = Signal(object, object)
    open_requested = Signal(int, int)
    refreshed = Signal(str)

    def __init__(
        self,
        current_article: Callable[[], int | None],
        selected_articles: Callable[[], list[int]],
        listed_articles: Callable[[], list[int] | None],
        parent: QWidget | None = None,
    ) -> None:
        """Builds the dock (without its charts).

        Args:
            current_article: the id of the article open in the reader, if any.
            selected_articles: the ids of the articles selected in the library.
            listed_articles: the ids the library lists (the search result), or
                None when it lists every article.
            parent: the main window.
        """
        super().__init__(parent)
        self.setObjectName("plots")  # saveState/restoreState need names
        self._current_article = current_article
        self._selected_articles = selected_articles
        self._listed_articles = listed_articles
        self._fetched: dict[str, Fetched] = {}
        self._asked: dict[str, tuple[Scope | None, Rule]] = {}  # the latest question per plot
        self._figures: dict[str, Figure] = {}
        self._stale: set[str] = set(PLOT_KINDS)
        self._currency: str | None = None
        self._fetching: BackgroundTask | None = None
        self._fetch_again = False
        self._tasks: set[BackgroundTask] = set()
        self._clicked: Bar | None = None
        self._target: Target | None = None
        self._open_pending: Bar | None = None
        self._charts_missing = False

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.refresh)

        body = QWidget(self)
        self.tabs = QTabWidget(body)
        self.tabs.setDocumentMode(True)
        self._pages: dict[str, PlotPage] = {}
        for kind in PLOT_KINDS:
            page = PlotPage(self.tabs)
            page.empty_button.clicked.connect(self._on_use_sentence_rule)
            self._pages[kind] = page
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(self._build_controls(body))
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._build_footer(body))
        self.setWidget(body)
        self._retranslate()
        self._update_controls()

    def _retranslate(self) -> None:
        """Sets the dock's fixed texts in the interface language."""
        self.setWindowTitle(self.tr("Plots"))
        for index, kind in enumerate(PLOT_KINDS):
            self.tabs.setTabText(index, self.tr(TAB_TITLES[kind]))
        for index, (_key, text) in enumerate(SCOPES):
            self.scope_combo.setItemText(index, self.tr(text))
        for index in range(self.rule_combo.count()):
            self.rule_combo.setItemText(index, _rule_name(self.rule_combo.itemData(index)))
        self.scope_combo.setToolTip(self.tr("Which articles the plots count"))
        self.currency_label.setText(self.tr("Currency"))
        self.currency_combo.setToolTip(self.tr("Amounts in different currencies are never "
                                               "added up"))
        self.rule_label.setText(self.tr("Amounts count for"))
        self.rule_combo.setToolTip(self.tr(
            "Linked by relations: an amount counts for the entities a relation links it "
            "to.\nSame sentence: it counts for the entities named in its sentence."))
        self.export_png_action.setText(self.tr("Save plot as &PNG…"))
        self.export_csv_action.setText(self.tr("Save data as &CSV…"))
        self.export_button.setText(self.tr("Export"))
        self._scope_label.setText(self.tr("&Count"))
        self.detail_label.setText(self.tr(HINT))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._stale.update(PLOT_KINDS)  # the scope's name is said in the captions
            for kind in list(self._figures):
                self._redraw(kind)
            self.refresh()
        super().changeEvent(event)

    def _build_controls(self, body: QWidget) -> QHBoxLayout:
        self.scope_combo = QComboBox(body)
        for key, text in SCOPES:
            self.scope_combo.addItem(text, key)
        self.scope_combo.setCurrentIndex(len(SCOPES) - 1)
        self.scope_combo.currentIndexChanged.connect(self._on_scope_changed)
        self.currency_label = QLabel(body)
        self.currency_combo = QComboBox(body)
        self.currency_combo.currentIndexChanged.connect(self._on_currency_changed)
        self.rule_label = QLabel(body)
        self.rule_combo = QComboBox(body)
        for rule in ("relation", "sentence"):
            self.rule_combo.addItem(_rule_name(rule), rule)
        self.rule_combo.currentIndexChanged.connect(self._on_rule_changed)
        self.export_png_action = QAction(self)
        self.export_png_action.triggered.connect(self._on_export_png)
        self.export_csv_action = QAction(self)
        self.export_csv_action.triggered.connect(self._on_export_csv)
        menu = QMenu(body)
        menu.addAction(self.export_png_action)
        menu.addAction(self.export_csv_action)
        self.export_button = QToolButton(body)
        self.export_button.setMenu(menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        row = QHBoxLayout()
        self._scope_label = QLabel(body)
        self._scope_label.setBuddy(self.scope_combo)
        row.addWidget(self._scope_label)
        row.addWidget(self.scope_combo)
        row.addWidget(self.currency_label)
        row.addWidget(self.currency_combo)
        row.addWidget(self.rule_label)
        row.addWidget(self.rule_combo)
        row.addStretch(1)
        row.addWidget(self.export_button)
        return row

    def _build_footer(self, body: QWidget) -> QHBoxLayout:
        self.detail_label = QLabel(body)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)  # it names entities
        # A long name or figure is cut at the dock's edge rather than widening the window.
        self.detail_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                        QSizePolicy.Policy.Preferred)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.filter_note = FilterNote(body)
        self.filter_note.clear_requested.connect(self.clear_filter)
        row = QHBoxLayout()
        row.addWidget(self.detail_label, 1)
        row.addWidget(self.filter_note)
        return row

    # --- public API ---------------------------------------------------------------

    def schedule_refresh(self) -> None:
        """Recomputes the visible plot soon (debounced); the others when next shown."""
        self._stale.update(PLOT_KINDS)
        self.refresh_timer.start()

    def refresh(self) -> None:
        """Recomputes the visible plot now if it is stale (the debounce timer's slot)."""
        self.refresh_timer.stop()
        kind = self.current_kind()
        if self.isVisible() and kind in self._stale:
            self._compute(kind)

    def scope_input_changed(self, what: str) -> None:
        """The current article (``"article"``), library selection (``"selection"``) or
        library list (``"search"``) changed: refresh if the scope depends on it."""
        if self.scope_kind() == what:
            self.schedule_refresh()

    def current_kind(self) -> PlotKind:
        """The plot shown."""
        return PLOT_KINDS[max(0, self.tabs.currentIndex())]

    def set_kind(self, kind: PlotKind) -> None:
        """Shows the plot ``kind``."""
        self.tabs.setCurrentIndex(PLOT_KINDS.index(kind))

    def scope_kind(self) -> str:
        """``"article"``, ``"selection"``, ``"search"`` or ``"corpus"``."""
        return str(self.scope_combo.currentData())

    def set_scope(self, kind: str) -> None:
        """Counts the articles of scope ``kind`` (see :meth:`scope_kind`)."""
        self.scope_combo.setCurrentIndex(self.scope_combo.findData(kind))

    def rule(self) -> Rule:
        """The attribution rule of the money plot."""
        return "sentence" if self.rule_combo.currentData() == "sentence" else "relation"

    def set_rule(self, rule: Rule) -> None:
        self.rule_combo.setCurrentIndex(self.rule_combo.findData(rule))

    def set_currency(self, currency: str) -> None:
        """Shows amounts in ``currency`` (when present; the first present otherwise)."""
        self._currency = currency
        self._redraw(self.current_kind())

    def figure(self, kind: PlotKind | None = None) -> Figure | None:
        """What plot ``kind`` (the visible one by default) draws, once computed."""
        return self._figures.get(kind or self.current_kind())

    def page(self, kind: PlotKind | None = None) -> PlotPage:
        """The tab of plot ``kind`` (the visible one by default)."""
        return self._pages[kind or self.current_kind()]

    def chart(self, kind: PlotKind | None = None) -> Any:
        """The chart widget of plot ``kind``, or None before it is first shown."""
        return self.page(kind).chart

    def empty_text(self, kind: PlotKind | None = None) -> str:
        """What the empty state of plot ``kind`` says, or "" when it shows a chart."""
        page = self.page(kind)
        return page.empty_label.text() if page.is_empty() else ""

    def is_busy(self) -> bool:
        """True while a plot or a click is being computed on a worker thread."""
        return bool(self._tasks)

    def wait(self) -> None:
        """Waits for the worker threads (before the window closes)."""
        for task in list(self._tasks):
            task.cancel()
            task.wait()

    def clear_filter(self) -> None:
        """Lists every article and annotation again."""
        self._clicked = self._target = self._open_pending = None
        self.filter_note.hide()
        self.filter_requested.emit(None)
        self.panel_filter_requested.emit(None, None)

    def export_png(self, path: str) -> bool:
        """Saves the visible plot with its caption, at its size on screen; False if empty."""
        page = self.page()
        if page.is_empty() or page.chart is None:
            return False
        return page.grab().save(path, "PNG")

    def export_csv(self, path: str) -> bool:
        """Saves the figures of the visible plot, as drawn, as CSV; False if empty."""
        shown = self.figure()
        page = self.page()
        if shown is None or page.is_empty():
            return False
        drawn = page.chart.shown_count() if shown.kind != "timeline" else None  # type: ignore[union-attr]
        write_csv(path, csv_rows(shown, drawn))
        return True

    # --- computing ----------------------------------------------------------------

    def _scope(self) -> tuple[Scope | None, str]:
        """The scope chosen and its name, or None and what to do to get one."""
        kind = self.scope_kind()
        if kind == "article":
            article_id = self._current_article()
            if article_id is None:
                return None, self.tr("Open an article to see its figures, or choose another "
                                     "scope.")
            return Scope.article(article_id), self.tr("current article")
        if kind == "selection":
            ids = self._selected_articles()
            if not ids:
                return None, self.tr("Select articles in the library to see their figures.")
            return Scope.articles(ids), self.tr("%n selected article(s)", None, len(ids))
        if kind == "search":
            listed = self._listed_articles()
            if listed is None:
                return Scope.corpus(), self.tr("search result (every article)")
            if not listed:
                return None, self.tr("The library lists no article: change the search to see "
                                     "figures.")
            return Scope.articles(listed), self.tr("search result (%n article(s))", None,
                                                   len(listed))
        return Scope.corpus(), self.tr("whole corpus")

    @staticmethod
    def _in_background(scope: Scope) -> bool:
        ids = scope.article_ids or []
        return scope.kind == "corpus" or len(ids) > SYNC_ARTICLES

    def _compute(self, kind: PlotKind) -> None:
        if not self._ensure_chart(kind):
            return
        self._stale.discard(kind)
        scope, scope_text = self._scope()
        self._asked[kind] = (scope, self.rule())
        if scope is None:
            self._fetched.pop(kind, None)
            self._show(Figure(kind, empty=scope_text))
            return
        work = functools.partial(fetch, kind, scope, self.rule(), scope_text)
        if not self._in_background(scope):
            try:
                fetched = work()
            except Exception as exc:  # a query failed: say so in the plot, keep the app alive
                self._on_fetch_failed(kind, str(exc))
                return
            self._on_fetched(fetched)
            return
        if self._fetching is not None:
            self._fetch_again = True  # the latest request runs when this one ends
            self._stale.add(kind)
            return
        task = self._start(work)
        task.succeeded.connect(self._on_fetched)
        task.failed.connect(functools.partial(self._on_fetch_failed, kind))
        task.done.connect(self._on_fetch_done)
        self._fetching = task

    def _start(self, work: Callable[[], Any]) -> BackgroundTask:
        task = BackgroundTask(lambda progress, cancel: work(), self)
        self._tasks.add(task)
        task.done.connect(functools.partial(self._on_task_done, task))
        task.start()
        return task

    def _on_task_done(self, task: BackgroundTask) -> None:
        self._tasks.discard(task)
        task.wait()  # its thread is ending: let it end before the task is deleted
        task.deleteLater()

    def _on_fetch_done(self) -> None:
        self._fetching = None
        if self._fetch_again:
            self._fetch_again = False
            self.refresh()

    def _on_fetched(self, fetched: Fetched) -> None:
        if self._asked.get(fetched.kind) != (fetched.scope, fetched.rule):
            return  # the scope or rule changed since it was asked for
        self._fetched[fetched.kind] = fetched
        self._redraw(fetched.kind)

    def _on_fetch_failed(self, kind: PlotKind, message: str) -> None:
        self._fetched.pop(kind, None)
        self._show(Figure(kind, empty=self.tr("The figures could not be computed: {reason}")
                          .format(reason=message)))

    def _redraw(self, kind: PlotKind) -> None:
        """Draws plot ``kind`` again from what was fetched (a new currency needs no query)."""
        fetched = self._fetched.get(kind)
        if fetched is not None:
            self._show(figure(fetched, self._currency))

    # --- drawing ------------------------------------------------------------------

    def _ensure_chart(self, kind: PlotKind) -> bool:
        """Builds the chart of ``kind`` on first use (pyqtgraph loads then); False if missing."""
        page = self._pages[kind]
        if page.chart is not None:
            return True
        if self._charts_missing:
            return False
        try:
            from desktop.ui.plots import charts
        except ImportError:
            self._charts_missing = True
            for each in self._pages.values():
                each.show_empty(self.tr(NO_PYQTGRAPH))
            return False
        if kind == "timeline":
            timeline = charts.TimelineChart(page)
            timeline.month_clicked.connect(self._on_month_clicked)
            timeline.month_hovered.connect(self._on_month_hovered)
            page.set_chart(timeline)
        else:
            bars = charts.BarChart(page, integer_values=kind != "money")
            bars.bar_clicked.connect(functools.partial(self._on_bar_clicked, kind))
            bars.bar_hovered.connect(functools.partial(self._on_bar_hovered, kind))
            bars.shown_changed.connect(functools.partial(self._on_shown_changed, kind))
            page.set_chart(bars)
        return True

    def _show(self, shown: Figure) -> None:
        kind = shown.kind
        self._figures[kind] = shown
        page = self._pages[kind]
        if shown.empty or not shown.bars:
            # The figures' texts are in English (desktop.ui.plots.figures): said translated.
            page.show_empty(QCoreApplication.translate("Figures", shown.empty)
                            or self.tr("Nothing to show here yet."),
                            self.tr("Use “{rule}”").format(rule=_rule_name("sentence"))
                            if shown.offer_sentence else "")
        elif kind == "timeline":
            self._draw_timeline(page, shown)
        else:
            money = kind == "money"
            page.chart.set_bars(  # type: ignore[union-attr]
                [bar.name for bar in shown.bars], [bar.value for bar in shown.bars],
                [bar.high for bar in shown.bars], [bar.color for bar in shown.bars],
                [numbers.bar_text(bar, money) for bar in shown.bars])
            page.show_chart()
        self._update_caption(kind)
        if kind == self.current_kind():
            self._update_controls()
        self.refreshed.emit(kind)

    def _draw_timeline(self, page: PlotPage, shown: Figure) -> None:
        points = shown.points
        # pyqtgraph draws a plot's title as HTML: the currency is the amounts' unit.
        title = (escape(self.tr("Amounts in {currency} per month").format(
                     currency=shown.currency)) if shown.currency
                 else escape(self.tr("No amounts tagged")))
        page.chart.set_months(  # type: ignore[union-attr]
            [numbers.month_name(bar.name, short=True) for bar in shown.bars],
            [bar.value for bar in shown.bars], [p.value for p in points],
            [p.high for p in points], [p.count for p in points],
            [bool(p.approx) for p in points], title,
            shown.money_color, undated_last=bool(shown.bars) and shown.bars[-1].behind.undated)
        page.show_chart()

    def _update_caption(self, kind: PlotKind) -> None:
        shown = self._figures.get(kind)
        if shown is None:
            return
        page = self._pages[kind]
        drawn = None
        if kind != "timeline" and page.chart is not None and not page.is_empty():
            drawn = page.chart.shown_count()  # type: ignore[attr-defined]
        page.caption.setText(captions.caption(shown, drawn))

    def _update_controls(self) -> None:
        """Shows the selectors the visible plot uses, the currencies it holds."""
        kind = self.current_kind()
        shown = self._figures.get(kind)
        uses_currency = kind in ("money", "timeline")
        for widget in (self.currency_label, self.currency_combo):
            widget.setVisible(uses_currency)
        for widget in (self.rule_label, self.rule_combo):
            widget.setVisible(kind == "money")
        with QSignalBlocker(self.currency_combo):
            self.currency_combo.clear()
            if shown is not None:
                self.currency_combo.addItems(list(shown.currencies))
                if shown.currency:
                    self.currency_combo.setCurrentText(shown.currency)
        self.currency_combo.setEnabled(self.currency_combo.count() > 1)
        has_chart = shown is not None and not self._pages[kind].is_empty()
        self.export_png_action.setEnabled(has_chart)
        self.export_csv_action.setEnabled(has_chart)

    # --- slots --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.refresh()

    def _on_tab_changed(self, _index: int) -> None:
        kind = self.current_kind()
        if kind not in self._stale:
            self._redraw(kind)  # in the currency chosen on another tab meanwhile
        self._update_controls()
        self.detail_label.setText(self.tr(HINT))
        self.refresh()

    def _on_scope_changed(self, _index: int) -> None:
        self.schedule_refresh()
        self.refresh()

    def _on_rule_changed(self, _index: int) -> None:
        self._stale.add("money")
        self.refresh()

    def _on_currency_changed(self, _index: int) -> None:
        text = self.currency_combo.currentText()
        if text:
            self.set_currency(text)

    def _on_use_sentence_rule(self) -> None:
        self.set_rule("sentence")

    def _on_shown_changed(self, kind: PlotKind, _shown: int) -> None:
        self._update_caption(kind)

    def _on_bar_hovered(self, kind: PlotKind, index: int) -> None:
        self._show_detail(kind, index, point=False)

    def _on_month_hovered(self, index: int, money: bool) -> None:
        self._show_detail("timeline", index, point=money)

    def _show_detail(self, kind: PlotKind, index: int, point: bool) -> None:
        shown = self._figures.get(kind)
        if shown is None or index < 0:
            self.detail_label.setText(self.tr(HINT))
            QToolTip.hideText()
            return
        text = numbers.describe(shown, index, point)
        self.detail_label.setText(text.replace("\n", " · "))
        QToolTip.showText(QCursor.pos(), as_plain_text(text), self.page(kind).chart)

    def _on_bar_clicked(self, kind: PlotKind, index: int, double: bool) -> None:
        self._click(kind, index, point=False, double=double)

    def _on_month_clicked(self, index: int, money: bool, double: bool) -> None:
        self._click("timeline", index, point=money, double=double)

    def _click(self, kind: PlotKind, index: int, point: bool, double: bool) -> None:
        """Filters the views to what is behind a bar; a double-click opens its first mention.

        The second click of a double-click opens what the first click chose,
        even if the plot was redrawn in between.
        """
        shown, fetched = self._figures.get(kind), self._fetched.get(kind)
        if shown is None or fetched is None:
            return
        if double:
            if self._clicked is None:
                return
            if self._target is not None:
                self._open(self._target)
            else:
                self._open_pending = self._clicked
            return
        bar = (shown.points if point else shown.bars)[index]
        if not bar.count:
            return
        self._clicked, self._target, self._open_pending = bar, None, None
        self._show_filter(bar, shown)
        work = functools.partial(resolve, fetched.scope, bar)
        if self._in_background(fetched.scope):
            task = self._start(work)
            task.succeeded.connect(functools.partial(self._on_resolved, bar))
            task.failed.connect(self._on_resolve_failed)
        else:
            self._on_resolved(bar, work())

    def _on_resolved(self, bar: Bar, target: Target) -> None:
        if bar is not self._clicked:
            return  # another bar was clicked since
        self._target = target
        self.filter_requested.emit(list(target.article_ids))
        self.panel_filter_requested.emit(target.label_id, target.entity_id)
        if self._open_pending is bar:
            self._open_pending = None
            self._open(target)

    def _on_resolve_failed(self, message: str) -> None:
        self.detail_label.setText(self.tr("The articles behind the bar could not be listed: "
                                          "{reason}").format(reason=message))

    def _open(self, target: Target) -> None:
        if target.first is not None:
            self.open_requested.emit(*target.first)

    def _show_filter(self, bar: Bar, shown: Figure) -> None:
        name = numbers.month_name(bar.name) if shown.kind == "timeline" else bar.name
        if bar.behind.currency:
            name = f"{name} · {bar.behind.currency}"
        self.filter_note.say(self.tr("Filtered to “{name}”").format(name=name))

    def _on_export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save plot as PNG"),
                                              f"marginalia-{self.current_kind()}.png",
                                              self.tr("PNG image (*.png)"))
        if path:
            self.export_png(path if path.lower().endswith(".png") else f"{path}.png")

    def _on_export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save plot data as CSV"),
                                              f"marginalia-{self.current_kind()}.csv",
                                              "CSV (*.csv)")
        if path:
            self.export_csv(path if path.lower().endswith(".csv") else f"{path}.csv")
