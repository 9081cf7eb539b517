"""The main window: library dock, reader, annotation panel, menus.

Widgets here do not write to the database themselves: annotation changes
go through :class:`~desktop.ui.commands.OperationRunner` (undoable, one
transaction each), long work through :class:`~desktop.ui.workers.BackgroundTask`.

Besides the user interface, the window offers a small automation API, used
by the GUI tests and by anyone scripting the app: :meth:`open_article`,
:meth:`select_range`, :meth:`tag_selection` and :meth:`reader_highlights`.
All positions in it are code points.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from db import reads as store
from desktop import APP_NAME
from desktop.core.formatting import format_amount
from desktop.core.text import snap_to_words
from desktop.ui import settings as keys
from desktop.ui.commands import OperationRunner
from desktop.ui.reader import Highlight, ReaderPane, key_sequence
from desktop.ui.settings import Settings
from desktop.ui.suggestions import SuggestionController

if TYPE_CHECKING:
    from db.records import AnnotationRecord, ArticleRecord, LabelRecord
    from desktop.core.importers import ImportReport
    from desktop.core.occurrences import Occurrence
    from desktop.core.operations import Change
    from desktop.core.progress import Progress
    from desktop.ui.annotation_panel import AnnotationPanel
    from desktop.ui.library import LibraryView
    from desktop.ui.plots import PlotsDock
    from desktop.ui.tag_all_dialog import TagAllDialog
    from desktop.ui.workers import BackgroundTask

# Qt classes the window uses only on demand (file dialogs, message boxes) are
# reached through the QtWidgets module when used: PySide6 builds a class's Python
# enums when the class is first imported, ~0.3 ms each. The Qt namespace (~95
# enums, ~25 ms) is reached through QtCore only after the first paint; the docks
# find their places through restoreState (see _place_docks and desktop.ui.reader).
# The window paints its first article before peewee is loaded: it reads through
# db.reads (plain SQL on whichever connection is open) and imports the write
# side (desktop.core.operations, db.annotations' writes) where it is first used.
# The library and annotation panel are built just after that first paint (or when
# first asked for); dialogs, the plots and the import/export code are imported
# where first used.

# Articles with more annotations than this show those of the first screen
# (FIRST_SCREEN_CHARS code points, more than any window shows) first.
PROGRESSIVE_LOAD_ABOVE = 2000
FIRST_SCREEN_CHARS = 20_000
IMPORT_FILTER = "Articles (*.txt *.md *.markdown *.jsonl *.jsonl.gz);;All files (*)"
WIKINEWS_NOTE = ("From Wikinews, the free news source (https://www.wikinews.org). "
                 "Licensed CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/). "
                 "Converted to plain text.")


def attribution(source: str) -> str:
    """The licence line an article's source requires (CC BY needs it shown)."""
    if "wikinews.org" in source:
        return WIKINEWS_NOTE
    if "wikipedia.org" in source:
        return ("Wikipedia contributors, English Wikipedia, CC BY-SA 3.0 "
                "(https://creativecommons.org/licenses/by-sa/3.0/). Markup removed.")
    if "whitehouse.gov" in source:
        return "Source: The White House, Office of the Press Secretary (public domain)."
    return ""


class _AfterPaint(QObject):
    """Runs calls once the watched widget has painted (queued after the paint).

    A call made while the widget is hidden waits for the event loop: if the
    widget has been shown by then (a window is usually shown right after it
    is filled), it waits for the paint; if not, it runs, since nothing will paint.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._pending: list[Callable[[], None]] = []
        widget.installEventFilter(self)

    def call(self, function: Callable[[], None], first: bool = False) -> None:
        if first:
            self._pending.insert(0, function)
        else:
            self._pending.append(function)
        if not self._widget.isVisible():
            QTimer.singleShot(0, self._run_if_hidden)

    def _run_if_hidden(self) -> None:
        if not self._widget.isVisible():
            self._run()

    def _run(self) -> None:
        for function in self._pending:
            QTimer.singleShot(0, function)
        self._pending = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._pending and event.type() == QEvent.Type.Paint:
            self._run()
        return False


class MainWindow(QMainWindow):
    """Marginalia's main window.

    Signals:
        article_opened(int): the reader now shows this article.
        import_finished(object): an import ended; carries the ImportReport.
    """

    article_opened = Signal(int)
    import_finished = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.runner = OperationRunner(self)
        self.runner.changed.connect(self._on_changed)
        self.runner.failed.connect(self._on_write_failed)
        self._article: ArticleRecord | None = None
        self._labels: dict[int, LabelRecord] = {}
        self._task: BackgroundTask | None = None
        self.plots_dock: PlotsDock | None = None  # built on first View ▸ Plots

        self.reader = ReaderPane(self)
        self.setCentralWidget(self.reader)
        self._after_paint = _AfterPaint(self.reader.body_viewport())
        self.suggestions = SuggestionController(
            self.reader, self.runner, lambda: self._labels,
            lambda message: self.statusBar().showMessage(message, 10000), self)
        self._library: LibraryView | None = None
        self._panel: AnnotationPanel | None = None
        self._all_shown = True  # the reader shows all the article's annotations
        self.library_dock = self._dock("Library", "library")
        self.panel_dock = self._dock("Annotations", "annotations")
        self._docks_placed = False

        self._build_actions()
        self._build_menus()
        self._connect()
        self._reload_labels()
        self.statusBar().showMessage("Select text and press 1–9 to tag it.")
        self.resize(1440, 860)
        self._after_paint.call(self._build_docks)

    @property
    def library(self) -> LibraryView:
        """The library dock's view (built after the first paint, or now if asked first)."""
        if self._library is None:
            from desktop.ui.library import LibraryView

            library = LibraryView(self)
            library.article_activated.connect(self.open_article)
            self.library_dock.setWidget(library)
            self._library = library
            if self._article is not None:
                library.select_article(self._article.id)
        return self._library

    @property
    def panel(self) -> AnnotationPanel:
        """The annotation panel (built after the first paint, or now if asked first)."""
        if self._panel is None:
            from desktop.ui.annotation_panel import AnnotationPanel

            panel = AnnotationPanel(self)
            self.reader.highlight_clicked.connect(panel.select_annotation)
            panel.annotation_activated.connect(self._on_annotation_activated)
            panel.edit_requested.connect(self.edit_annotation)
            panel.delete_requested.connect(self.remove_annotations)
            self.panel_dock.setWidget(panel)
            self._panel = panel
            if self._article is not None:
                article_id = self._article.id
                panel.set_article(article_id, store.annotations_for_article(article_id)
                                  if self._all_shown else
                                  store.annotations_starting_before(article_id,
                                                                    FIRST_SCREEN_CHARS))
        return self._panel

    def _build_docks(self) -> None:
        """Fills the library and panel docks (queued after the first paint)."""
        missing = [dock for dock in (self.library_dock, self.panel_dock)
                   if self.dockWidgetArea(dock) == QtCore.Qt.DockWidgetArea.NoDockWidgetArea]
        if self._docks_placed and missing:  # a saved layout without them
            self._dock_by_default(missing)
        self.library  # noqa: B018 (the properties build them)
        self.panel  # noqa: B018

    # --- construction ---------------------------------------------------------

    def _dock(self, title: str, name: str) -> QDockWidget:
        """A dock, empty until its view is built (it keeps its place and size meanwhile).

        It is placed by :meth:`_place_docks`.
        """
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState/restoreState need names
        dock.setWidget(QWidget(dock))
        dock.hide()  # until placed: restoreState shows it, or _dock_by_default
        return dock

    def _place_docks(self, state: QByteArray | None = None) -> None:
        """Puts the docks where ``state`` (saveState) had them, else on either side.

        restoreState places the docks it knows by name; one it does not know
        is given its default place by :meth:`_build_docks`, after the first
        paint (asking where a dock is takes the Qt namespace, see above).
        """
        if self._docks_placed:
            return
        self._docks_placed = True
        if state is None or state.isEmpty() or not self.restoreState(state):
            self._dock_by_default([self.library_dock, self.panel_dock])

    def _dock_by_default(self, docks: list[QDockWidget]) -> None:
        Qt = QtCore.Qt  # noqa: N806
        areas = {self.library_dock: Qt.DockWidgetArea.LeftDockWidgetArea,
                 self.panel_dock: Qt.DockWidgetArea.RightDockWidgetArea}
        widths = {self.library_dock: 420, self.panel_dock: 340}
        for dock in docks:
            self.addDockWidget(areas[dock], dock)
            dock.show()
        self.resizeDocks(docks, [widths[dock] for dock in docks], Qt.Orientation.Horizontal)

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts([…]), not setShortcut(…): PySide6 would weigh a
            # QKeyCombination overload and build the Qt namespace (see reader).
            action.setShortcuts([key_sequence(shortcut)])
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.import_files_action = self._action("&Import files…", self._on_import_files,
                                                QKeySequence.StandardKey.Open)
        self.import_folder_action = self._action("Import &folder…", self._on_import_folder,
                                                 "Ctrl+Shift+O")
        self.export_action = self._action("&Export…", self._on_export, "Ctrl+E")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.runner.stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([key_sequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.runner.stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([key_sequence("Ctrl+Shift+Z"), key_sequence("Ctrl+Y")])
        self.labels_action = self._action("&Labels…", self._on_edit_labels, "Ctrl+L")
        self.link_action = self._action("Link as &deal", self.link_selected, "Ctrl+J")
        self.tag_all_action = self._action("Tag &all occurrences…", self.tag_all_occurrences,
                                           "Ctrl+Shift+T")
        self.search_action = self._action("Search &library", self._on_focus_search,
                                          "Ctrl+K")
        self.about_action = self._action("&About Marginalia", self._on_about)
        self.plots_action = self._action("&Plots", self.show_plots, "Ctrl+3")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        for action in (self.import_files_action, self.import_folder_action,
                       self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.tag_all_action)
        edit_menu.addAction(self.link_action)
        edit_menu.addAction(self.labels_action)
        suggest_menu = self.menuBar().addMenu("&Suggestions")
        for action in self.suggestions.actions:
            if action is self.suggestions.show_action:
                suggest_menu.addSeparator()
            suggest_menu.addAction(action)
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(self.search_action)
        view_menu.addAction(self.library_dock.toggleViewAction())
        view_menu.addAction(self.panel_dock.toggleViewAction())
        view_menu.addAction(self.plots_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _connect(self) -> None:
        self.reader.tag_requested.connect(self._on_tag_key)
        self.reader.tag_with_label.connect(self.tag_selection)
        self.reader.delete_requested.connect(self.remove_annotations)

    # --- automation API (code points throughout) ------------------------------

    def open_article(self, article_id: int) -> bool:
        """Shows an article in the reader; False if it does not exist."""
        if self._article is not None and self._article.id == article_id:
            return True
        article = store.get_article(article_id)
        if article is None:
            return False
        self._article = article
        published = article.published.isoformat() if article.published else ""
        self.reader.set_article(article.title, article.body, published, article.language,
                                article.source, attribution(article.source))
        if store.annotation_count(article.id) <= PROGRESSIVE_LOAD_ABOVE:
            self._show_annotations(article.id)
        else:
            # Many annotations: highlight the first screen now, the rest just
            # after the first paint, so a tagged book opens as fast as a bare one.
            self._all_shown = False
            first = store.annotations_starting_before(article.id, FIRST_SCREEN_CHARS)
            self.reader.set_highlights(self._highlights(first))
            if self._panel is not None:
                self._panel.set_article(article.id, first)
            self._after_paint.call(functools.partial(self._show_annotations, article.id))
        if self._library is not None:
            self._library.select_article(article.id)
        # Suggestions come just after the text is shown: proposing amounts takes
        # longer than showing a short article (the recognizer's first use compiles
        # its patterns), and on a long text a worker would compete with the paint.
        self.suggestions.set_article(None)
        self._after_paint.call(functools.partial(
            self._start_suggestions, article.id, article.body, article.language,
            article.source))
        self.setWindowTitle(f"{article.title} — {APP_NAME}")
        self.settings.set(keys.LAST_ARTICLE, article.id)
        self.article_opened.emit(article.id)
        return True

    def call_after_first_paint(self, function: Callable[[], None],
                               first: bool = False) -> None:
        """Runs ``function`` just after the reader next paints (before the queued
        start-up work if ``first``), or soon if the window is not shown."""
        self._after_paint.call(function, first)

    def current_article_id(self) -> int | None:
        return self._article.id if self._article else None

    def select_range(self, start: int, end: int) -> None:
        self.reader.select_range(start, end)

    def tag_selection(self, label_name: str) -> int | None:
        """Tags the reader's selection (snapped to words); returns the annotation id."""
        label = next((lb for lb in self._labels.values() if lb.name == label_name), None)
        selection = self.reader.selection_range()
        if label is None or self._article is None:
            return None
        if selection is None:
            self.statusBar().showMessage("Select some text first, then press a label key.",
                                         4000)
            return None
        start, end = snap_to_words(self._article.body, *selection)
        if start == end:
            return None
        from desktop.core.operations import AddAnnotations, new_annotation

        record = new_annotation(self._article.body, self._article.id, label.id, start, end,
                                author=self.settings.get(keys.AUTHOR))
        operation = AddAnnotations([record], name=f"Tag {label.name}")
        if not self.runner.run(operation):
            return None
        self.statusBar().showMessage(f"Tagged “{record.quote}” as {label.name}.", 4000)
        return operation.ids[0]

    def reader_highlights(self) -> list[tuple[int, int, str]]:
        """The annotations the reader shows: (start, end, label), sorted."""
        return self.reader.highlights()

    def reader_suggestions(self) -> list[tuple[int, int, str]]:
        """The suggestions the reader shows (dashed): (start, end, label), sorted."""
        return self.reader.highlights(dashed=True)

    def remove_annotations(self, ids: list[int]) -> None:
        if ids:
            from desktop.core.operations import RemoveAnnotations

            noun = "annotation" if len(ids) == 1 else f"{len(ids)} annotations"
            self.runner.run(RemoveAnnotations(list(ids), name=f"Remove {noun}"))

    def edit_annotation(self, annotation_id: int, changes: dict) -> None:  # type: ignore[type-arg]
        """Applies an edit from the panel; an entity name becomes an entity link."""
        from db.annotations import add_alias, find_or_create_entity
        from desktop.core.operations import EditAnnotation

        changes = dict(changes)
        if "entity" in changes:
            name = changes.pop("entity").strip()
            current = store.get_annotation(annotation_id)
            if current is None:
                return
            label_id = changes.get("label_id", current.label_id)
            changes["entity_id"] = find_or_create_entity(name, label_id) if name else None
            quote = " ".join(current.quote.split())
            if name and quote.casefold() != name.casefold():
                # "AWS" linked to "Amazon Web Services": AWS becomes one of its names
                add_alias(changes["entity_id"], quote)
        if changes:
            self.runner.run(EditAnnotation(annotation_id, changes))

    def tag_all_dialog(self) -> TagAllDialog:
        """The dialog for the selection, or for the annotation under the cursor."""
        from desktop.ui.tag_all_dialog import TagAllDialog

        term, label_id, entity_id = "", None, None
        if self._article is not None:
            selection = self.reader.selection_range()
            if selection is not None:
                start, end = snap_to_words(self._article.body, *selection)
                term = self._article.body[start:end]
            at = self.reader.highlights_at(self.reader.cursor_position())
            annotation = store.get_annotation(at[-1].id) if at and at[-1].id > 0 else None
            if annotation is not None:
                term = term or annotation.quote
                label_id, entity_id = annotation.label_id, annotation.entity_id
        if label_id is None:
            label_id = next((lb.id for lb in self._labels.values() if lb.kind == "entity"),
                            None)
        return TagAllDialog(" ".join(term.split()), list(self._labels.values()), label_id,
                            self.current_article_id(), entity_id, self)

    def tag_all_occurrences(self) -> None:
        dialog = self.tag_all_dialog()
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.tag_occurrences(dialog.occurrences, dialog.label_id(), dialog.entity_id)

    def tag_occurrences(self, occurrences: list[Occurrence], label_id: int,
                        entity_id: int | None = None) -> list[int]:
        """Tags the mentions found by the dialog, as one undo step."""
        if not occurrences:
            return []
        from desktop.core.operations import AddAnnotations, new_annotation

        bodies: dict[int, str] = {}
        records = []
        for occurrence in occurrences:
            if occurrence.article_id not in bodies:
                article = store.get_article(occurrence.article_id)
                if article is None:
                    continue
                bodies[occurrence.article_id] = article.body
            records.append(new_annotation(
                bodies[occurrence.article_id], occurrence.article_id, label_id,
                occurrence.start, occurrence.end, entity_id=entity_id,
                author=self.settings.get(keys.AUTHOR)))
        label = self._labels.get(label_id)
        operation = AddAnnotations(
            records, name=f"Tag {len(records)} mentions as {label.name if label else '?'}")
        if not self.runner.run(operation):
            return []
        self.statusBar().showMessage(
            f"Tagged {len(records)} mentions in {len(bodies)} article(s).", 8000)
        return operation.ids

    def import_paths(self, paths: list[str]) -> BackgroundTask | None:
        """Imports files or folders in the background, with progress."""
        if not paths:
            return None
        if self._task is not None and self._task.is_running():
            self.statusBar().showMessage("An import or export is already running.", 4000)
            return None
        from desktop.core.importers import import_paths  # loaded on first use: faster start
        from desktop.ui.workers import BackgroundTask

        task = BackgroundTask(functools.partial(import_paths, list(paths)), self)
        dialog = self._progress_dialog("Importing articles…", task)
        task.succeeded.connect(self._on_import_succeeded)
        task.failed.connect(lambda message: self._show_error("Import failed", message))
        task.done.connect(dialog.close)
        self._task = task
        task.start()
        return task

    def export_to(self, path: str, fmt: str) -> BackgroundTask | None:
        """Exports every article with its annotations, in the background."""
        if self._task is not None and self._task.is_running():
            self.statusBar().showMessage("An import or export is already running.", 4000)
            return None
        from desktop.core import exporters  # loaded on first use: faster start
        from desktop.ui.workers import BackgroundTask

        work = exporters.export_csv if fmt == "csv" else exporters.export_jsonl
        task = BackgroundTask(functools.partial(work, path), self)
        dialog = self._progress_dialog("Exporting…", task)
        task.succeeded.connect(
            lambda count: self.statusBar().showMessage(f"Exported {count} to {path}.", 8000))
        task.failed.connect(lambda message: self._show_error("Export failed", message))
        task.cancelled.connect(lambda: self.statusBar().showMessage(
            f"Export cancelled; {path} was not written.", 8000))
        task.done.connect(dialog.close)
        self._task = task
        task.start()
        return task

    # --- plots ------------------------------------------------------------------

    def show_plots(self) -> PlotsDock:
        """Shows the plots dock, building it the first time (pyqtgraph loads then)."""
        if self.plots_dock is None:
            from desktop.ui.plots import PlotsDock  # loaded on first use: faster start

            dock = PlotsDock(self.current_article_id, self.library.selected_article_ids,
                             self._listed_article_ids, self)
            if not self.restoreDockWidget(dock):
                self.addDockWidget(QtCore.Qt.DockWidgetArea.BottomDockWidgetArea, dock)
                self.resizeDocks([dock], [360], QtCore.Qt.Orientation.Vertical)
            self.runner.changed.connect(dock.schedule_refresh)
            self.article_opened.connect(lambda _id: dock.scope_input_changed("article"))
            self.library.selection_changed.connect(
                lambda: dock.scope_input_changed("selection"))
            self.library.model().modelReset.connect(lambda: dock.scope_input_changed("search"))
            self.library.filter_cleared.connect(dock.clear_filter)
            dock.filter_requested.connect(self.library.set_filter_ids)
            dock.panel_filter_requested.connect(self.panel.set_filter)
            dock.open_requested.connect(self._on_plot_open)
            self.plots_dock = dock
        self.plots_dock.show()
        self.plots_dock.raise_()
        return self.plots_dock

    def _listed_article_ids(self) -> list[int] | None:
        """The articles the library lists, or None when it lists them all."""
        model = self.library.model()
        if not model.search_text and model.filter_ids is None:
            return None
        return [i for i in map(model.article_id, range(model.match_count())) if i is not None]

    def _on_plot_open(self, article_id: int, annotation_id: int) -> None:
        if self.open_article(article_id):
            self.panel.select_annotation(annotation_id)
            self._on_annotation_activated(annotation_id)

    # --- views ------------------------------------------------------------------

    def _reload_labels(self) -> None:
        self._labels = {label.id: label for label in store.labels()}
        self.reader.set_labels([(lb.name, lb.shortcut or "", lb.color)
                                for lb in self._labels.values()])

    def link_selected(self, ids: list[int] | None = None) -> int:
        """Links each selected amount to each selected entity mention, as a deal.

        Args:
            ids: annotation ids; by default those selected in the panel.

        Returns:
            How many links were made.
        """
        chosen = [r for r in map(store.get_annotation, ids if ids is not None
                                 else self.panel.selected_annotation_ids()) if r]
        kinds = {r.id: self._labels[r.label_id].kind for r in chosen if r.label_id in self._labels}
        amounts = [r for r in chosen if kinds.get(r.id) == "amount"]
        parties = [r for r in chosen if kinds.get(r.id) == "entity"]
        if not amounts or not parties:
            self.statusBar().showMessage(
                "Select an amount and the entities it belongs to in the Annotations panel "
                "(Ctrl+click), then Edit ▸ Link as deal.", 8000)
            return 0
        from desktop.core.operations import LinkAnnotations

        pairs = [(a.id, p.id) for a in amounts for p in parties
                 if a.id is not None and p.id is not None]
        names = ", ".join(p.quote for p in parties)
        if not self.runner.run(LinkAnnotations(pairs, name=f"Link to {names}")):
            return 0
        self.statusBar().showMessage(
            f"Linked {', '.join(a.quote for a in amounts)} to {names} as a deal.", 8000)
        return len(pairs)

    def _highlight(self, record: AnnotationRecord, entities: dict[int, str],
                   links: dict[int, list[str]] | None = None) -> Highlight:
        label = self._labels.get(record.label_id)
        parts = [label.name if label else "?"]
        if record.entity_id is not None and record.entity_id in entities:
            parts.append(entities[record.entity_id])
        amount = format_amount(record.value, record.value_high, record.unit, record.approx)
        if amount:
            parts.append(amount)
        if record.note:
            parts.append(record.note)
        if links and record.id in links:
            parts.append("linked to " + ", ".join(links[record.id]))
        return Highlight(id=record.id or 0, start=record.start, end=record.end,
                         color=label.color if label else "#999999",
                         label=label.name if label else "?", tooltip=" · ".join(parts))

    def _highlights(self, records: list[AnnotationRecord]) -> list[Highlight]:
        entities = store.entity_names({r.entity_id for r in records if r.entity_id})
        links = store.linked_quotes(self._article.id) if self._article is not None else {}
        return [self._highlight(record, entities, links) for record in records]

    def _start_suggestions(self, article_id: int, body: str, language: str,
                           source: str) -> None:
        if self._article is not None and self._article.id == article_id:
            self.suggestions.set_article(article_id, body, language, source)

    def _show_annotations(self, article_id: int) -> None:
        if self._article is None or self._article.id != article_id:
            return  # another article was opened meanwhile
        records = store.annotations_for_article(article_id)
        self.reader.set_highlights(self._highlights(records))
        self._all_shown = True
        if self._panel is not None:
            self._panel.set_article(article_id, records)

    def _show_highlights(self) -> None:
        if self._article is not None:
            records = store.annotations_for_article(self._article.id)
            self.reader.set_highlights(self._highlights(records))

    def _on_changed(self, change: Change) -> None:
        if change.labels:
            self._reload_labels()
            self._show_highlights()
            if self._panel is not None:
                self._panel.refresh()
        elif self._article is not None and self._article.id in change.article_ids:
            ids = sorted(change.annotation_ids)
            self.reader.remove_highlights(ids)
            present = [r for r in map(store.get_annotation, ids) if r is not None]
            for highlight in self._highlights(present):
                self.reader.add_highlight(highlight)
            if self._panel is not None:
                self._panel.apply_change(present, ids)
        if self._library is not None:
            self._library.refresh_counts(sorted(change.article_ids))

    # --- slots ------------------------------------------------------------------

    def _on_tag_key(self, key: str) -> None:
        label = next((lb for lb in self._labels.values() if lb.shortcut == key), None)
        if label is None:
            self.statusBar().showMessage(f"No label uses the key {key} (Edit ▸ Labels…).", 4000)
            return
        self.tag_selection(label.name)

    def _on_annotation_activated(self, annotation_id: int) -> None:
        record = store.get_annotation(annotation_id)
        if record is not None and self._article is not None \
                and record.article_id == self._article.id:
            self.reader.select_range(record.start, record.end)

    def _on_write_failed(self, message: str) -> None:
        self._show_error("Could not save", message)

    def _on_import_files(self) -> None:
        paths, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self, "Import articles", self.settings.get(keys.LAST_IMPORT_DIR), IMPORT_FILTER)
        if paths:
            self.settings.set(keys.LAST_IMPORT_DIR, str(Path(paths[0]).parent))
            self.import_paths(paths)

    def _on_import_folder(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self, "Import a folder of articles", self.settings.get(keys.LAST_IMPORT_DIR))
        if folder:
            self.settings.set(keys.LAST_IMPORT_DIR, folder)
            self.import_paths([folder])

    def _on_export(self) -> None:
        start = str(Path(self.settings.get(keys.LAST_EXPORT_DIR) or Path.home())
                    / "marginalia-export.jsonl")
        path, chosen = QtWidgets.QFileDialog.getSaveFileName(
            self, "Export annotations", start,
            "JSON Lines, one article per line (*.jsonl);;CSV, one annotation per row (*.csv)")
        if not path:
            return
        fmt = "csv" if path.endswith(".csv") or chosen.startswith("CSV") else "jsonl"
        self.settings.set(keys.LAST_EXPORT_DIR, str(Path(path).parent))
        self.export_to(path, fmt)

    def _on_import_succeeded(self, report: ImportReport) -> None:
        self.library.refresh()
        self.statusBar().showMessage(report.summary(), 10000)
        if report.problems:
            box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning,
                                        "Some files were not imported", report.summary(),
                                        parent=self)
            box.setDetailedText("\n".join(
                f"{p.path}{f' (line {p.line})' if p.line else ''}: {p.reason}"
                for p in report.problems))
            box.open()
        if self._article is None and report.imported:
            self.open_article(report.imported[0])
        self.import_finished.emit(report)

    def _on_edit_labels(self) -> None:
        from desktop.core.operations import Change
        from desktop.ui.labels_dialog import LabelsDialog

        dialog = LabelsDialog(self)
        # Through the runner's signal, so every view (reader, panel, plots,
        # suggestions) hears of new names and colours.
        dialog.labels_changed.connect(lambda: self.runner.changed.emit(Change(labels=True)))
        dialog.exec()

    def _on_focus_search(self) -> None:
        self.library_dock.show()
        self.library.focus_search()

    def _on_about(self) -> None:
        from desktop import __version__

        QtWidgets.QMessageBox.about(self, f"About {APP_NAME}",
                          f"<b>{APP_NAME}</b> {__version__}<br>"
                          "A reader and annotator for news articles.<br><br>"
                          "The sample articles come from Wikinews, the free news source, "
                          "under CC BY 2.5.")

    def _progress_dialog(self, title: str,
                         task: BackgroundTask) -> QtWidgets.QProgressDialog:
        from desktop.ui.workers import progress_fraction

        dialog = QtWidgets.QProgressDialog(title, "Cancel", 0, 1000, self)
        dialog.setWindowTitle(APP_NAME)
        dialog.setMinimumDuration(600)  # quick work shows no dialog at all
        dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.cancel)

        def show_progress(progress: Progress) -> None:
            fraction = progress_fraction(progress)
            if fraction is None:
                dialog.setMaximum(0)
            else:
                dialog.setValue(fraction)
            dialog.setLabelText(progress.message or title)

        task.progressed.connect(show_progress)
        return dialog

    def _show_error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QtWidgets.QMessageBox.warning(self, title, message)

    # --- window state -------------------------------------------------------------

    def restore_session(self) -> None:
        """Restores geometry, dock layout and the last article (or the first one)."""
        geometry = self.settings.get(keys.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self._place_docks(self.settings.get(keys.WINDOW_STATE))
        last = self.settings.get(keys.LAST_ARTICLE)
        if not (last and self.open_article(last)):
            first = store.first_article_id()
            if first is not None:
                self.open_article(first)
            else:
                self.reader.clear("No articles yet. Use File ▸ Import files… "
                                  "or drop files on this window.")

    def save_session(self) -> None:
        self.settings.set(keys.WINDOW_GEOMETRY, QByteArray(self.saveGeometry()))
        self.settings.set(keys.WINDOW_STATE, QByteArray(self.saveState()))
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        self._place_docks()  # shown without restore_session(): the default layout
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self._task is not None and self._task.is_running():
            self._task.cancel()
            self._task.wait()
        if self.plots_dock is not None:
            self.plots_dock.wait()
        self.suggestions.shutdown()
        self.save_session()
        super().closeEvent(event)

    # --- drag and drop --------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
