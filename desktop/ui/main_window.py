"""The main window: a shell that composes the reader pane, docks and menus.

The window holds no business rules and writes nothing itself. Each reader
pane has its :class:`~desktop.ui.reader_controller.ReaderController` (its
article, highlights, tooltips, loading and suggestions); user intents become
core operations in :class:`~desktop.ui.annotation_commands.AnnotationCommands`;
the :class:`~desktop.ui.commands.OperationRunner` runs them (one transaction,
one undo step each) and announces each :class:`~desktop.core.changes.Change`,
which every view (panes, panel, library, plots) follows by itself; long work
runs on the :class:`~desktop.ui.tasks.TaskRunner`.

Besides the user interface, the window offers a small automation API, used
by the GUI tests and by anyone scripting the app: :meth:`open_article`,
:meth:`select_range`, :meth:`tag_selection` and :meth:`reader_highlights`.
All positions in it are code points.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QWidget

from db import connection
from db import reads as store
from desktop import APP_NAME
from desktop.core.text import snap_to_words
from desktop.ui import settings as keys
from desktop.ui.annotation_commands import AnnotationCommands
from desktop.ui.annotator_filter import AnnotatorFilter, AnnotatorsMenu
from desktop.ui.commands import OperationRunner
from desktop.ui.help_menu import install_help
from desktop.ui.known_names import KnownNames
from desktop.ui.live_updates import LiveUpdates
from desktop.ui.reader import ReaderPane, key_sequence
from desktop.ui.reader_controller import (
    FIRST_SCREEN_CHARS,
    PROGRESSIVE_LOAD_ABOVE,
    LabelSet,
    ReaderController,
)
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner
from desktop.ui.transfers import Transfers
from desktop.ui.workers import keep_gui_responsive

if TYPE_CHECKING:
    from pathlib import Path

    from desktop.core.changes import Change
    from desktop.core.importers import ImportReport
    from desktop.core.occurrences import Occurrence
    from desktop.ui.annotation_panel import AnnotationPanel
    from desktop.ui.article_dialog import ArticleDialog
    from desktop.ui.backup_dialog import BackupDialog, BackupSchedule
    from desktop.ui.library import LibraryView
    from desktop.ui.link_dialog import LinkDialog
    from desktop.ui.plots import PlotsDock
    from desktop.ui.review_dock import ReviewDock
    from desktop.ui.suggestions import SuggestionController
    from desktop.ui.tag_all_dialog import TagAllDialog

__all__ = ["FIRST_SCREEN_CHARS", "PROGRESSIVE_LOAD_ABOVE", "MainWindow"]

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

SPARE_AT_START_MS = 5000
"""When, after the first paint, the first pane to open beside is built ahead."""
SPARE_AFTER_MS = 100
"""How long after a pane opens beside the next one is built ahead (once it has painted),
so that opening another beside costs less (~3.5 ms of widgets, wiring and style)."""

BOTTOM_VIEWS = frozenset({"entities", "compare", "deals", "review", "plots", "adjudication"})
"""The docks opened from the menus at the bottom (by name), which share it as tabs."""


class MainWindow(QMainWindow):
    """Marginalia's main window.

    Signals:
        article_opened(int): the focused reader pane now shows this article.
    """

    article_opened = Signal(int)
    pane_added = Signal(object)
    pane_closed = Signal(object)
    panes_reordered = Signal()
    active_pane_changed = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.read_only_reason: str | None = None  # why the database may not be written
        self._title = APP_NAME
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        keep_gui_responsive()  # workers share the GIL with this thread
        self.tasks = TaskRunner(self)
        self.tasks.refused.connect(self._say)
        self.runner = OperationRunner(self.tasks, self)
        self.runner.failed.connect(self._on_write_failed)
        self.runner.waiting.connect(self._say)
        # The labels are read again before any view hears of a change (first subscriber).
        self.labels = LabelSet(self.runner, self)
        # The names suggestions look for, shared by the panes (they hear of changes next).
        self.known_names = KnownNames(self.runner, self.labels, self)
        if not settings.get(keys.NAME_MODEL):
            self.known_names.set_model_enabled(False)
        self.commands = AnnotationCommands(self.runner, self.labels, self.author,
                                           self._say, self)
        self.commands.panes = lambda: self.panes  # what the user saw, for edits and removals
        self.transfers = Transfers(self, self.tasks, self.runner, settings, self._say,
                                   self._show_error)
        # Import and export keep their names on the window: the automation API.
        self.import_finished = self.transfers.import_finished
        self.import_paths = self._import_paths
        self.export_to = self.transfers.export_to
        self.transfers.import_finished.connect(self._on_import_finished)
        self.plots_dock: PlotsDock | None = None  # built on first View ▸ Plots
        # Reader panes side by side; the focused one (``active``) is the one the
        # panel, the undo history, the menus and the keys follow.
        self.splitter = QSplitter()  # (no overload to weigh: see the note on the Qt namespace)
        self.splitter.setParent(self)
        self.splitter.setChildrenCollapsible(False)
        self.panes: list[ReaderController] = []
        self._spare: ReaderController | None = None  # the next pane, built ahead
        self.active = self._add_pane()
        self.setCentralWidget(self.splitter)
        self._selected_entity: int | None = None  # clicked or chosen in the panel
        app = QtWidgets.QApplication.instance()
        if isinstance(app, QtWidgets.QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        self._library: LibraryView | None = None
        self._panel: AnnotationPanel | None = None
        self.library_dock = self._dock("library")
        self.panel_dock = self._dock("annotations")
        self._docks_placed = False

        self._build_actions()
        self._build_menus()
        self._retranslate()
        self.statusBar().showMessage(self.tr("Select text and press 1–9 to tag it."))
        self.resize(1440, 860)
        self.call_after_first_paint(self._build_docks)
        self.backups: BackupSchedule | None = None  # started after the first paint
        self.call_after_first_paint(self._start_backups)
        # The second pane, built ahead once the start's own work is well over.
        self.call_after_first_paint(
            lambda: QTimer.singleShot(SPARE_AT_START_MS, self._prepare_spare))
        self.set_read_only(connection.writes_refused())
        # What other windows and users write to the database shows here too.
        self.live_updates = LiveUpdates(self.runner, self)
        self.live_updates.start()

    # --- composition ------------------------------------------------------------

    def _add_pane(self) -> ReaderController:
        """A reader pane with its controller, wired to the commands, at the right: the
        one built ahead while the window was idle (:meth:`_prepare_spare`), if any."""
        controller, self._spare = self._spare or self._build_pane(), None
        # Each pane keeps its own undo history (the first one the runner's first).
        controller.undo_stack = self.runner.stack if not self.panes else self.runner.new_stack()
        self.splitter.addWidget(controller.pane)
        self.panes.append(controller)
        return controller

    def _prepare_spare(self) -> None:
        """Builds the next pane ahead (widgets, wiring, style), off the path of opening an
        article beside: what is left then is the splitter making room, and the article."""
        if self._spare is None and self.isVisible():
            self._spare = self._build_pane()
            self._spare.pane.ensurePolished()

    def _build_pane(self) -> ReaderController:
        """A reader pane with its controller, wired to the commands, not yet shown."""
        controller = ReaderController(ReaderPane(self), self.runner, self.labels,
                                      self.commands, self.known_names, self._say, self)
        pane = controller.pane
        pane.hovered.connect(functools.partial(self._on_hovered, controller))
        pane.tag_requested.connect(functools.partial(self.commands.tag_key, controller))
        pane.tag_with_label.connect(functools.partial(self.commands.tag, controller))
        pane.delete_requested.connect(self.commands.remove)
        controller.article_opened.connect(functools.partial(self._on_pane_opened, controller))
        controller.annotations_shown.connect(
            functools.partial(self._on_pane_loaded, controller))
        pane.highlight_clicked.connect(functools.partial(self._on_highlight_clicked, controller))
        self._add_link_key(controller)
        return controller

    def _add_link_key(self, controller: ReaderController) -> None:
        """L in this pane's body (only there: anywhere else it is text) and its
        right-click menu over an annotation open the Link dialog. The key's
        context is set by name, as the suggestions' keys (see desktop.ui.suggestions)."""
        body = controller.pane.body
        action = QAction(self.tr("Lin&k…"), body)
        action.setObjectName("link_key")  # its text follows the language (_retranslate)
        action.setShortcuts([key_sequence("L")])
        if not action.setProperty("shortcutContext", "WidgetWithChildrenShortcut"):
            raise ValueError("cannot limit the link key to the reader")
        action.triggered.connect(lambda _checked=False: self.open_link_dialog(controller))
        body.addAction(action)
        controller.pane.link_requested.connect(
            lambda annotation_id: self.open_link_dialog(controller, annotation_id))

    def author(self) -> str:
        """The name stored with what the user writes: Preferences ▸ Author name, or on a
        team database where none is set, the login name (so that colleagues' work is
        never mixed under one empty name)."""
        from db import connection

        name = self.settings.get(keys.AUTHOR).strip()
        opened = connection.opened()
        if name or opened is None or opened.url is None:
            return name
        import getpass

        try:
            return getpass.getuser()
        except (KeyError, OSError):  # no login name known (a container's unnamed user)
            return ""

    # --- panes ------------------------------------------------------------------

    def open_beside(self, article_id: int, annotators: AnnotatorFilter | None = None
                    ) -> ReaderController | None:
        """Opens an article in a new pane at the right and focuses it.

        An article open in a pane already is focused there instead. Returns
        the pane's controller, or None if the article does not exist.

        With ``annotators``, the pane shows only those annotators' annotations,
        and a pane showing the article is reused only if it shows the same ones:
        an article can be open twice, filtered two ways (adjudication does).
        """
        for controller in self.panes:
            if controller.article_id == article_id and (
                    annotators is None or controller.annotator_filter == annotators):
                self.focus_pane(controller)
                return controller
        if self.active.article_id is None:  # the only pane is empty: use it
            if annotators is not None:
                self.active.set_annotator_filter(annotators)
            return self.active if self.open_article(article_id) else None
        controller = self._add_pane()
        if annotators is not None:
            controller.set_annotator_filter(annotators)
        if not controller.open_article(article_id):
            self.close_pane(controller)
            return None
        self.pane_added.emit(controller)
        self.focus_pane(controller)
        QTimer.singleShot(SPARE_AFTER_MS, self._prepare_spare)  # for the next one
        return controller

    def focus_pane(self, pane: ReaderController | int) -> ReaderController:
        """Makes a pane (or the pane at that index) the focused one."""
        controller = self.panes[pane] if isinstance(pane, int) else pane
        self._activate(controller)
        controller.pane.body.setFocus()
        return controller

    def close_pane(self, pane: ReaderController | None = None) -> bool:
        """Closes a pane (default: the focused one); the last one stays, and so does the
        one whose history a slow operation running now goes into, until it ends."""
        controller = pane if pane is not None else self.active
        if len(self.panes) == 1 or controller not in self.panes:
            return False
        if self.runner.keeps_busy(controller.undo_stack):
            return False
        index = self.panes.index(controller)
        self.panes.remove(controller)
        if controller is self.active:
            self.focus_pane(self.panes[min(index, len(self.panes) - 1)])
        controller.mark_entity(None)
        controller.suggestions.shutdown()
        self.runner.remove_stack(controller.undo_stack)
        controller.pane.hide()
        controller.pane.setParent(None)
        controller.pane.deleteLater()
        controller.deleteLater()
        if self._panel is not None:
            self._panel.forget(controller)
        self._show_active_marks()
        self.pane_closed.emit(controller)
        return True

    def swap_panes(self) -> None:
        """Moves the focused pane one place right (the last one: one place left)."""
        if len(self.panes) < 2:
            return
        index = self.panes.index(self.active)
        other = index + 1 if index + 1 < len(self.panes) else index - 1
        self.panes[index], self.panes[other] = self.panes[other], self.panes[index]
        self.splitter.insertWidget(other, self.active.pane)
        self.panes_reordered.emit()

    def _activate(self, controller: ReaderController) -> None:
        if controller is self.active:
            return
        self.active = controller
        self.runner.set_active_stack(controller.undo_stack)
        self._show_active_marks()
        self._fill_suggestions_menu()
        if controller.article_id is not None:
            self._on_pane_opened(controller, controller.article_id)
        self.active_pane_changed.emit(controller)

    def _show_active_marks(self) -> None:
        several = len(self.panes) > 1
        for controller in self.panes:
            controller.pane.set_active(controller is self.active, several)

    def _on_focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        for controller in self.panes:
            if now is not None and (now is controller.pane or controller.pane.isAncestorOf(now)):
                self._activate(controller)
                return

    # --- cross-highlighting -----------------------------------------------------

    def _on_hovered(self, controller: ReaderController, annotation_id: int) -> None:
        """The mouse is over a mention: every pane marks its entity's mentions."""
        entity = controller.entity_of(annotation_id) if annotation_id else None
        self._mark(entity if entity is not None else self._selected_entity)

    def _on_highlight_clicked(self, controller: ReaderController, highlight_id: int) -> None:
        if controller is self.active and self._panel is not None:
            self._panel.select_annotation(highlight_id)
        if highlight_id > 0:
            self._selected_entity = controller.entity_of(highlight_id)
            self._mark(self._selected_entity)

    def _mark(self, entity_id: int | None) -> None:
        for controller in self.panes:
            controller.mark_entity(entity_id)

    @property
    def reader(self) -> ReaderPane:
        """The focused pane's reader widget."""
        return self.active.pane

    @property
    def suggestions(self) -> SuggestionController:
        """The focused pane's suggestions."""
        return self.active.suggestions

    @property
    def library(self) -> LibraryView:
        """The library dock's view (built after the first paint, or now if asked first)."""
        if self._library is None:
            from desktop.ui.library import LibraryView

            library = LibraryView(self)
            library.article_activated.connect(self.open_article)
            library.edit_requested.connect(self.edit_article)
            library.open_beside_requested.connect(self._open_beside_from_library)
            self.runner.changed.connect(library.on_change)
            self.library_dock.setWidget(library)
            self._library = library
            if self.active.article_id is not None:
                library.select_article(self.active.article_id)
        return self._library

    def _fill_suggestions_menu(self) -> None:
        """The Suggestions menu acts on the focused pane."""
        menu = self._suggestions_menu
        menu.clear()
        for action in self.suggestions.actions:
            if action is self.suggestions.show_action:
                menu.addSeparator()
            menu.addAction(action)
            if action is self.suggestions.show_action:  # for every pane
                menu.addAction(self.name_model_action)

    @property
    def panel(self) -> AnnotationPanel:
        """The annotation panel (built after the first paint, or now if asked first).

        It follows the focused pane.
        """
        if self._panel is None:
            from desktop.ui.annotation_panel import AnnotationPanel

            panel = AnnotationPanel(self)
            panel.annotation_activated.connect(self._on_annotation_activated)
            panel.edit_requested.connect(self.edit_annotation)
            panel.delete_requested.connect(self.commands.remove)
            panel.typing_kept.connect(lambda message: self._say(message, 10000))
            self.runner.changed.connect(panel.on_change)
            self.panel_dock.setWidget(panel)
            self._panel = panel
            if self.active.article_id is not None:
                panel.set_article(self.active.article_id, self.active.records,
                                  self._language(self.active), pane=self.active)
        return self._panel

    def _build_docks(self) -> None:
        """Fills the library and panel docks (queued after the first paint)."""
        missing = [dock for dock in (self.library_dock, self.panel_dock)
                   if self.dockWidgetArea(dock) == QtCore.Qt.DockWidgetArea.NoDockWidgetArea]
        if self._docks_placed and missing:  # a saved layout without them
            self._dock_by_default(missing)
        self.library  # noqa: B018 (the properties build them)
        self.panel  # noqa: B018

    def _dock(self, name: str) -> QDockWidget:
        """A dock, empty until its view is built (it keeps its place and size meanwhile).

        It is placed by :meth:`_place_docks`; its title is set by :meth:`_retranslate`.
        """
        dock = QDockWidget(self)
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
        # Their widths at 1440 px. On a narrower window the library gives up the
        # most (its titles elide in the middle), so the panel's text and entity
        # stay readable down to 1024 px.
        scale = min(1.0, self.width() / 1440)
        widths = {self.library_dock: max(200, int(420 * scale * scale)),
                  self.panel_dock: 340 if self.width() >= 1000 else int(340 * scale)}
        for dock in docks:
            self.addDockWidget(areas[dock], dock)
            dock.show()
        self.resizeDocks(docks, [widths[dock] for dock in docks], Qt.Orientation.Horizontal)

    def _action(self, slot: Callable[[], Any],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
                ) -> QAction:
        """An action of the menus; its text is set by :meth:`_retranslate`."""
        action = QAction(self)
        if shortcut is not None:
            # setShortcuts([…]), not setShortcut(…): PySide6 would weigh a
            # QKeyCombination overload and build the Qt namespace (see reader).
            action.setShortcuts([key_sequence(shortcut)])
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @staticmethod
    def _enter(dock: QDockWidget) -> None:
        """A view opened from its menu entry or key takes the keyboard where it says
        (its focus proxy: the Entities view's filter); one that says nowhere leaves it
        in the reader, whose keys go on working."""
        if dock.focusProxy() is not None:
            dock.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    def _build_actions(self) -> None:
        self.import_files_action = self._action(self.transfers.ask_files,
                                                QKeySequence.StandardKey.Open)
        self.import_folder_action = self._action(self.transfers.ask_folder, "Ctrl+Shift+O")
        self.export_action = self._action(self.transfers.ask_export, "Ctrl+E")
        self.restore_backup_action = self._action(self.open_backups)
        self.quit_action = self._action(self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.runner.undo_action(self)
        self.undo_action.setShortcuts([key_sequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.runner.redo_action(self)
        self.redo_action.setShortcuts([key_sequence("Ctrl+Shift+Z"), key_sequence("Ctrl+Y")])
        # A line edit would take these keys for its own text: in the window they undo.
        self._watch_undo_keys()
        # Ctrl+F finds in the article wherever the focus is (the body claims it too).
        self.find_action = self._action(
            lambda: self.reader.open_find() if self.active.article is not None else None,
            QKeySequence.StandardKey.Find)
        self.labels_action = self._action(self._on_edit_labels, "Ctrl+L")
        self.link_action = self._action(self.link_selected, "Ctrl+J")
        self.link_dialog_action = self._action(self.open_link_dialog, "Ctrl+Shift+L")
        self.tag_all_action = self._action(self.tag_all_occurrences, "Ctrl+Shift+T")
        self.search_action = self._action(self._on_focus_search, "Ctrl+K")
        self.about_action = self._action(self._on_about)
        self.plots_action = self._action(lambda: self._enter(self.show_plots()), "Ctrl+3")
        self.open_beside_action = self._action(self._on_open_beside, "Ctrl+Shift+Return")
        self.open_beside_action.setShortcuts([key_sequence("Ctrl+Shift+Return"),
                                              key_sequence("Ctrl+Shift+Enter")])  # keypad
        self.close_pane_action = self._action(self.close_pane, "Ctrl+W")
        self.swap_panes_action = self._action(self.swap_panes, "Ctrl+Shift+S")
        self.name_model_action = QAction(self, checkable=True,
                                         checked=self.known_names.model_enabled)
        self.name_model_action.toggled.connect(self._on_name_model_toggled)
        self.article_action = self._action(self.edit_article, "F2")
        self.runner.changed.connect(self._on_articles_edited)  # the title follows
        self.entities_action = self._action(lambda: self._enter(self.show_entities()), "Ctrl+4")
        self.compare_action = self._action(lambda: self._enter(self.show_comparison()),
                                           "Ctrl+5")
        self.deals_action = self._action(lambda: self._enter(self.show_deals()), "Ctrl+6")
        self.review_action = self._action(lambda: self._enter(self.show_review()), "Ctrl+7")
        self.preferences_action = self._action(self._on_preferences, "Ctrl+,")
        self.runner.changed.connect(self._on_texts_changed)  # a re-import, its undo, its redo

    def _build_menus(self) -> None:
        self._file_menu = file_menu = self.menuBar().addMenu("")
        for action in (self.import_files_action, self.import_folder_action,
                       self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.restore_backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self._edit_menu = edit_menu = self.menuBar().addMenu("")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.tag_all_action)
        edit_menu.addAction(self.link_action)
        edit_menu.addAction(self.link_dialog_action)
        edit_menu.addAction(self.labels_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.article_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        self._suggestions_menu = self.menuBar().addMenu("")
        self._fill_suggestions_menu()
        self._view_menu = view_menu = self.menuBar().addMenu("")
        view_menu.addAction(self.search_action)
        # The docks' own show/hide actions: keys of their own, as every menu entry has.
        for dock, key in ((self.library_dock, "Ctrl+1"), (self.panel_dock, "Ctrl+2")):
            toggle = dock.toggleViewAction()
            toggle.setShortcuts([key_sequence(key)])
            view_menu.addAction(toggle)
        view_menu.addAction(self.plots_action)
        view_menu.addSeparator()
        for action in (self.open_beside_action, self.close_pane_action,
                       self.swap_panes_action):
            view_menu.addAction(action)
        # Whose annotations the focused pane shows; Tools ▸ Adjudicate… beside it.
        self.annotators_menu = AnnotatorsMenu(self)
        view_menu.addMenu(self.annotators_menu)
        view_menu.addAction(self.entities_action)
        view_menu.addAction(self.compare_action)
        view_menu.addAction(self.deals_action)
        view_menu.addAction(self.review_action)
        self._tools_menu = self.menuBar().addMenu("")
        self._tools_menu.addAction(self.annotators_menu.adjudicate_action)
        self._help_menu = help_menu = self.menuBar().addMenu("")
        help_menu.addAction(self.about_action)
        install_help(self)  # Keyboard shortcuts (F1), Take the tour
        from desktop.ui.shortcuts import MenuKeys

        MenuKeys(self)  # a letter in an open menu is the menu's, not the reader's key

    def _retranslate(self) -> None:
        """Sets the menus', actions' and docks' texts in the interface language; again
        after each change of language (see changeEvent)."""
        for menu, title in ((self._file_menu, self.tr("&File")),
                            (self._edit_menu, self.tr("&Edit")),
                            (self._suggestions_menu, self.tr("&Suggestions")),
                            (self._view_menu, self.tr("&View")),
                            (self._tools_menu, self.tr("&Tools")),
                            (self._help_menu, self.tr("&Help"))):
            menu.setTitle(title)
        for action, text in (
                (self.import_files_action, self.tr("&Import files…")),
                (self.import_folder_action, self.tr("Import &folder…")),
                (self.export_action, self.tr("&Export…")),
                (self.restore_backup_action, self.tr("&Restore a backup…")),
                (self.quit_action, self.tr("&Quit")),
                (self.find_action, self.tr("&Find in article…")),
                (self.labels_action, self.tr("&Labels…")),
                (self.link_action, self.tr("Link as &deal")),
                (self.link_dialog_action, self.tr("Lin&k…")),
                (self.tag_all_action, self.tr("Tag &all occurrences…")),
                (self.search_action, self.tr("Search &library")),
                (self.about_action, self.tr("&About Marginalia")),
                (self.plots_action, self.tr("&Plots")),
                (self.open_beside_action, self.tr("Open &beside")),
                (self.close_pane_action, self.tr("&Close pane")),
                (self.swap_panes_action, self.tr("S&wap panes")),
                (self.name_model_action, self.tr("Names from the &model")),
                (self.article_action, self.tr("Ar&ticle details…")),
                (self.entities_action, self.tr("&Entities")),
                (self.compare_action, self.tr("Co&mpare open articles")),
                (self.deals_action, self.tr("&Deals")),
                (self.review_action, self.tr("To &review")),
                (self.preferences_action, self.tr("&Preferences…"))):
            action.setText(text)
        for controller in (*self.panes, *([self._spare] if self._spare is not None else [])):
            link_key = controller.pane.body.findChild(QAction, "link_key")
            if link_key is not None:
                link_key.setText(self.tr("Lin&k…"))
            controller.suggestions.retranslate()
        self.library_dock.setWindowTitle(self.tr("Library"))
        self.panel_dock.setWindowTitle(self.tr("Annotations"))
        self._show_title(self._title)

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _watch_undo_keys(self) -> None:
        from desktop.ui.shortcuts import UndoKeys

        self._undo_keys = UndoKeys(self, self.undo_action, self.redo_action)

    # --- automation API (code points throughout) ------------------------------

    def open_article(self, article_id: int) -> bool:
        """Shows an article in the focused pane; False if it does not exist."""
        return self.active.open_article(article_id)

    def call_after_first_paint(self, function: Callable[[], None],
                               first: bool = False) -> None:
        """Runs ``function`` just after the reader next paints (before the queued
        start-up work if ``first``), or soon if the window is not shown."""
        self.panes[0].call_after_paint(function, first)

    def current_article_id(self) -> int | None:
        return self.active.article_id

    def select_range(self, start: int, end: int) -> None:
        self.reader.select_range(start, end)

    def tag_selection(self, label_name: str) -> int | None:
        """Tags the focused pane's selection (snapped to words); returns the annotation id."""
        return self.commands.tag(self.active, label_name)

    def reader_highlights(self) -> list[tuple[int, int, str]]:
        """The annotations the reader shows: (start, end, label), sorted."""
        return self.reader.highlights()

    def reader_suggestions(self) -> list[tuple[int, int, str]]:
        """The suggestions the reader shows (dashed): (start, end, label), sorted."""
        return self.reader.highlights(dashed=True)

    def remove_annotations(self, ids: list[int]) -> None:
        self.commands.remove(ids)

    def edit_annotation(self, ids: int | list[int], changes: dict[str, Any]) -> None:
        """Applies an edit to one annotation or several (one undo step).

        Args:
            ids: an annotation id, or the ids of the annotations that all get
                the same changes (the panel's selection).
            changes: the fields and their new values; an ``"entity"`` name
                links to that entity ("" unlinks).
        """
        self.commands.edit([ids] if isinstance(ids, int) else list(ids), changes)

    def link_selected(self, ids: list[int] | None = None) -> int:
        """Links each selected amount to each selected entity mention, as a deal.

        Args:
            ids: annotation ids; by default those selected in the panel.

        Returns:
            How many links were made.
        """
        chosen = ids if ids is not None else self.panel.selected_annotation_ids()
        return self.commands.link_as_deal([r for r in map(store.get_annotation, chosen) if r])

    def open_link_dialog(self, controller: ReaderController | None = None,
                         annotation_id: int | None = None) -> LinkDialog | None:
        """Edit ▸ Link… (Ctrl+Shift+L; L in the reader): links the annotation at the
        cursor (or ``annotation_id``) of a pane (default: the focused one) to others.

        The dialog opens window-modal; the last one opened is ``link_dialog``.
        """
        from desktop.ui.link_dialog import open_link_dialog

        self.link_dialog = open_link_dialog(controller or self.active, self.labels,
                                            self.commands, self._say, self, annotation_id)
        return self.link_dialog

    def tag_all_dialog(self) -> TagAllDialog:
        """The dialog for the selection, or for the annotation under the cursor."""
        from desktop.ui.tag_all_dialog import TagAllDialog

        term, label_id, entity_id = "", None, None
        article = self.active.article
        if article is not None:
            selection = self.reader.selection_range()
            # The highlight under the selection's first word (the cursor is after
            # a selection made left to right), else under the cursor.
            position = self.reader.cursor_position()
            if selection is not None:
                start, end = snap_to_words(article.body, *selection)
                term = article.body[start:end]
                position = start if start < end else selection[0]
            at = self.reader.highlights_at(position)
            annotation = self.active.record(at[-1].id) if at and at[-1].id > 0 else None
            if annotation is not None:
                term = term or annotation.quote
                label_id, entity_id = annotation.label_id, annotation.entity_id
        if label_id is None:
            label_id = next((lb.id for lb in self.labels.by_id.values()
                             if lb.kind == "entity"), None)
        return TagAllDialog(" ".join(term.split()), list(self.labels.by_id.values()), label_id,
                            self.current_article_id(), entity_id, self)

    def tag_all_occurrences(self) -> None:
        dialog = self.tag_all_dialog()
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.tag_occurrences(dialog.occurrences, dialog.label_id(), dialog.entity_id)

    def tag_occurrences(self, occurrences: list[Occurrence], label_id: int,
                        entity_id: int | None = None,
                        on_done: Callable[[bool], None] | None = None) -> Any:
        """Tags the mentions found by the dialog, as one undo step, off the GUI thread.

        Returns the running operation (its ``ids`` when done), or None.
        """
        from desktop.core.operations import Mention

        mentions = [Mention(o.article_id, o.start, o.end) for o in occurrences]
        return self.commands.tag_mentions(mentions, label_id, entity_id, on_done)

    def edit_article(self, article_id: int | None = None) -> ArticleDialog | None:
        """Edit ▸ Article details… (F2): opens the form for ``article_id``; by default
        the library's current article when the library has the focus, else the one shown."""
        from desktop.ui.article_dialog import ArticleDialog

        focus = self.focusWidget()
        if article_id is None and self._library is not None and focus is not None \
                and self._library.isAncestorOf(focus):
            article_id = self._library.current_article_id()
        article_id = article_id if article_id is not None else self.active.article_id
        dialog = None if article_id is None else ArticleDialog.for_article(
            article_id, self.commands.run_reporting, self)
        if dialog is None:
            self._say(self.tr("Open or select an article first."))
            return None
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_articles_edited(self, change: Change) -> None:
        article = self.active.article  # its controller has read it again already
        if article is not None and article.id in change.articles_edited:
            self._show_title(f"{article.title} — {APP_NAME}")

    # --- plots ------------------------------------------------------------------

    def show_plots(self) -> PlotsDock:
        """Shows the plots dock, building it the first time (pyqtgraph loads then)."""
        if self.plots_dock is None:
            from desktop.ui.plots import PlotsDock  # loaded on first use: faster start

            dock = PlotsDock(self.current_article_id, self.library.selected_article_ids,
                             self._listed_article_ids, self)
            if not self.restoreDockWidget(dock):
                self.place_at_bottom(dock, 360)
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

    def _on_demand_dock(self, kind: type[QDockWidget], name: str,
                        build: Callable[[], QDockWidget]) -> tuple[QDockWidget, bool]:
        """The dock of this class and name, built (and placed, at the bottom unless a
        saved layout says where) the first time; shown and raised. True if just built."""
        dock = self.findChild(kind, name)
        built = dock is None
        if dock is None:
            dock = build()
            if not self.restoreDockWidget(dock):
                self.place_at_bottom(dock, 300)
        dock.show()
        dock.raise_()
        return dock, built

    def place_at_bottom(self, dock: QDockWidget, height: int) -> None:
        """Puts a new view (a dock named in :data:`BOTTOM_VIEWS`) at the bottom; where
        another such view is open there already, as a tab beside it: side by side, two
        tables of five columns would each get half the window's width. The library and
        the Annotations panel are never hidden behind one, wherever the user put them."""
        bottom = QtCore.Qt.DockWidgetArea.BottomDockWidgetArea
        beside = next((other for other in self.findChildren(QDockWidget)
                       if other is not dock and other.objectName() in BOTTOM_VIEWS
                       and other.isVisible() and not other.isFloating()
                       and self.dockWidgetArea(other) == bottom), None)
        if beside is not None:
            self.tabifyDockWidget(beside, dock)
        else:
            self.addDockWidget(bottom, dock)
            self.resizeDocks([dock], [height], QtCore.Qt.Orientation.Vertical)

    def show_entities(self) -> QDockWidget:
        """Shows the Entities dock (an ``EntitiesDock``), building it the first time."""
        from desktop.ui.entities_dock import EntitiesDock

        dock, built = self._on_demand_dock(
            EntitiesDock, "entities",
            lambda: EntitiesDock(self.runner, self.current_article_id, self))
        if built:
            assert isinstance(dock, EntitiesDock)
            dock.filter_requested.connect(self.library.set_filter_ids)
            dock.panel_filter_requested.connect(self.panel.set_filter)
            dock.open_requested.connect(self.open_article)
            self.library.filter_cleared.connect(dock.on_filter_cleared)
        return dock

    def _wait_for_entities(self) -> None:
        """Lets the Entities dock's read on a worker thread end, if the dock was built."""
        from desktop.ui.entities_dock import EntitiesDock

        dock = self.findChild(EntitiesDock, "entities")
        if dock is not None:
            dock.wait()

    def show_comparison(self) -> QDockWidget:
        """Shows the Compare dock (a ``ComparisonDock``) over the open panes, building it
        the first time."""
        from desktop.ui.comparison_dock import ComparisonDock

        return self._on_demand_dock(ComparisonDock, "compare", lambda: ComparisonDock(self))[0]

    def show_deals(self) -> QDockWidget:
        """Shows the Deals dock (a ``DealsDock``), building it the first time."""
        from desktop.ui.deals_dock import DealsDock

        return self._on_demand_dock(DealsDock, "deals", lambda: DealsDock(self))[0]

    def show_review(self) -> ReviewDock:
        """Shows the To review dock (annotations a re-import set aside), building it the
        first time."""
        from desktop.ui.review_dock import ReviewDock

        dock = self._on_demand_dock(ReviewDock, "review", lambda: ReviewDock(self))[0]
        assert isinstance(dock, ReviewDock)
        return dock

    def _on_texts_changed(self, change: Change) -> None:
        """Shows again, in each pane, an article whose text changed (a re-import)."""
        for controller in self.panes:
            article_id = controller.article_id
            if article_id is None or article_id not in change.articles_edited:
                continue
            stored = store.get_article(article_id)
            if stored is not None and stored.body != controller.pane.text():
                previous = controller.previous_article_id
                controller.clear("")
                controller.open_article(article_id)
                controller.previous_article_id = previous

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

    # --- backups ----------------------------------------------------------------

    def _start_backups(self) -> None:
        """Backs the database up soon after the first paint, then as changes are made."""
        from desktop.ui.backup_dialog import START_AFTER_S, BackupSchedule

        self.backups = BackupSchedule(self.runner, self)
        self.backups.failed.connect(lambda message: self._say(message, 15000))
        self.backups.start(after_s=START_AFTER_S)

    def open_backups(self) -> BackupDialog | None:
        """File ▸ Restore a backup…: lists the open database's backups, window-modal.

        The last dialog opened is ``backup_dialog``.
        """
        from db import connection
        from db.backups import bound_path
        from desktop.ui.backup_dialog import BackupDialog

        path = bound_path()
        opened = connection.opened()
        if path is None and opened is not None and opened.url is not None:
            self._say(self.tr("A team database is backed up on its server (pg_dump, by its "
                              "administrator): Marginalia backs up and restores only a "
                              "database file on this computer."), 15000)
            return None
        if path is None:
            self._say(self.tr("No database is open."))
            return None
        self.backup_dialog = BackupDialog(path, self.restore_backup, self)
        self.backup_dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.backup_dialog.open()
        return self.backup_dialog

    def restore_backup(self, backup: Path) -> str | None:
        """Puts ``backup`` in place of the open database and shows what it holds.

        The file it replaces is kept (restoring that one undoes this). The
        workers stop first; then every view reads the database again, each
        pane shows its article again where the backup has it, and the undo
        histories start afresh (their steps were made on the replaced file).
        Returns why it was not done (the database is unchanged then), or None.
        """
        from db.backups import BackupError, restore_open_database

        if self.runner.busy or self.tasks.current is not None:
            return self.tr("Wait until the import, export or long change now running is done.")
        if self.backups is not None:
            self.backups.wait()
        if self.plots_dock is not None:
            self.plots_dock.wait()
        self._wait_for_entities()
        shown = [(controller, controller.article_id) for controller in self.panes]
        for controller in self.panes:
            controller.suggestions.shutdown()
        problem, kept = None, None
        self.live_updates.stop()  # the log to follow is the restored file's
        QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        try:
            kept = restore_open_database(backup)
        except BackupError as exc:
            problem = str(exc)
        finally:
            QtWidgets.QApplication.restoreOverrideCursor()
            self.live_updates.start()
        if problem is None:
            for stack in self.runner.group.stacks():
                stack.clear()
            from db.connection import writes_refused

            self.set_read_only(writes_refused())  # a sound backup replaced a damaged file
        self._show_again(shown)
        if problem is None:
            self._say(self.tr("Restored {backup}.").format(backup=backup.name)
                      if kept is None else
                      self.tr("Restored {backup}. The database it replaced is kept as {kept} "
                              "in the backups folder: restore that one to undo.").format(
                          backup=backup.name, kept=kept.name), 20000)
        return problem

    def _show_again(self, shown: list[tuple[ReaderController, int | None]]) -> None:
        """After the database was replaced: every view reads it again, and each pane
        opens the article it showed, if it is there (else the pane closes, the last
        one showing the first article)."""
        from desktop.core.changes import RELOAD

        for controller, _article_id in shown:
            controller.clear("")
        self._selected_entity = None
        self.runner.announce(RELOAD)
        for controller, article_id in shown:
            if article_id is not None and controller.open_article(article_id):
                continue
            if not self.close_pane(controller):
                first = store.first_article_id()
                if first is None or not controller.open_article(first):
                    controller.clear(self.tr("No articles yet. Use File ▸ Import files… "
                                             "or drop files on this window."))

    # --- slots ------------------------------------------------------------------

    def _on_pane_opened(self, controller: ReaderController, article_id: int) -> None:
        if controller is self.panes[0]:
            self.settings.set(keys.LAST_ARTICLE, article_id)
        if controller is not self.active:
            return
        article = controller.article
        if article is not None:
            self._show_title(f"{article.title} — {APP_NAME}")
        if self._library is not None:
            self._library.select_article(article_id)
        if self._panel is not None:
            self._panel.set_article(article_id, controller.records,
                                    self._language(controller), pane=controller)
        self.article_opened.emit(article_id)

    @staticmethod
    def _language(controller: ReaderController) -> str | None:
        return controller.article.language if controller.article is not None else None

    def _on_pane_loaded(self, controller: ReaderController, article_id: int) -> None:
        """All the annotations of a heavily tagged article are in: the panel lists them."""
        if self._panel is None:
            return
        if controller is self.active:
            self._panel.set_article(article_id, controller.records(),
                                    self._language(controller), pane=controller)
        else:
            self._panel.mark_stale(controller)

    def _open_beside_from_library(self, article_id: int) -> None:
        """Opens beside the article chosen in the library.

        Moving through the library opens each article in the focused pane; if
        that is how this one got there, the pane goes back to what it showed
        before, and the article opens beside it.
        """
        pane = self.active
        previous = pane.previous_article_id
        if (pane.article_id == article_id and previous is not None
                and all(p.article_id != previous for p in self.panes)):
            pane.open_article(previous)
        self.open_beside(article_id)

    def _on_open_beside(self) -> None:
        """View ▸ Open beside: the library's current article (or its search's first
        match), in a new pane."""
        article_id = self.library.article_to_open_beside()
        if article_id is None:
            self._say(self.tr("Choose an article in the library, then View ▸ Open beside "
                              "(or Alt+click it)."))
            return
        self._open_beside_from_library(article_id)

    def _on_annotation_activated(self, annotation_id: int) -> None:
        record = self.active.record(annotation_id) or store.get_annotation(annotation_id)
        if record is not None and record.article_id == self.active.article_id:
            self.reader.select_range(record.start, record.end)
        if record is not None:  # chosen in the panel: its entity is marked in every pane
            self._selected_entity = record.entity_id
            self._mark(record.entity_id)

    def _on_write_failed(self, message: str) -> None:
        if self.read_only_reason is not None:  # expected: said in the status bar, no dialog
            self._say(self.read_only_reason, 10000)
            return
        self._show_error(self.tr("Could not save"), message)

    # --- read only ----------------------------------------------------------------

    def set_read_only(self, reason: str | None) -> None:
        """Turns editing off while the database may not be written; ``reason`` says why.

        The title ends in "— read only", the actions that change the database
        are disabled, and a change asked for all the same (a label key in the
        reader, Delete, an edit in the panel) is refused in the status bar.
        None turns editing back on.
        """
        self.read_only_reason = reason
        for action in (self.import_files_action, self.import_folder_action,
                       self.tag_all_action, self.link_action, self.link_dialog_action,
                       self.labels_action, self.article_action):
            action.setEnabled(reason is None)
        if self.read_only_reason is not None and self._asked_read_only():
            self.restore_backup_action.setEnabled(False)  # --read-only: never written
        self.runner.read_only = reason
        self._show_title(self._title)
        if reason is not None:
            self.statusBar().showMessage(reason)

    @staticmethod
    def _asked_read_only() -> bool:
        from db.connection import opened

        state = opened()
        return state is not None and state.read_only

    def _show_title(self, title: str) -> None:
        self._title = title
        self.setWindowTitle(self.tr("{title} — read only").format(title=title)
                            if self.read_only_reason else title)

    def _import_paths(self, paths: list[str]) -> Any:
        """Imports in the background (see Transfers), unless the database is read only."""
        if self.read_only_reason is not None:
            self._say(self.read_only_reason, 10000)
            return None
        return self.transfers.import_paths(paths)

    def _on_import_finished(self, report: ImportReport) -> None:
        if report.updates:
            self._on_reimported(report)
        # The one article just imported is the one the user wants to read.
        if len(report.imported) == 1 or (self.active.article is None and report.imported):
            self.open_article(report.imported[0])

    def _on_reimported(self, report: ImportReport) -> None:
        """Stored articles were updated by new versions: one undo step, and the review."""
        from desktop.core.reimport_operations import ReimportArticles

        # The import wrote them; this puts them on the undo stack and tells the views.
        self.runner.run(ReimportArticles(report.updates))
        if not report.imported and len({u.article_id for u in report.updates}) == 1:
            self.open_article(report.updates[0].article_id)
        if any(u.for_review for u in report.updates):
            self.show_review().start()

    def _on_edit_labels(self) -> None:
        from desktop.ui.labels_dialog import LabelsDialog

        dialog = LabelsDialog(self.commands.run_reporting, self)
        dialog.exec()

    def _on_focus_search(self) -> None:
        self.library_dock.show()
        self.library.focus_search()

    def _on_about(self) -> None:
        from desktop.ui.about_dialog import show_about

        show_about(self)

    def _on_name_model_toggled(self, enabled: bool) -> None:
        """Suggestions ▸ Names from the model: every pane proposes again, and the next
        start remembers (a preference, not an undo step)."""
        self.settings.set(keys.NAME_MODEL, int(enabled))
        self.known_names.set_model_enabled(enabled)
        self._say(self.tr("The name model's names are proposed.") if enabled
                  else self.tr("Only the names already tagged are proposed."), 5000)

    def _on_preferences(self) -> None:
        from desktop.ui.preferences_dialog import open_preferences

        open_preferences(self)

    def _say(self, message: str, timeout: int = 4000) -> None:
        self.statusBar().showMessage(message, timeout)

    def _show_error(self, title: str, message: str) -> None:
        from desktop.ui.plain_text import as_plain_text  # a file name may hold "<"

        self.statusBar().showMessage(message, 10000)
        QtWidgets.QMessageBox.warning(self, title, as_plain_text(message))

    # --- window state -------------------------------------------------------------

    def restore_session(self) -> None:
        """Restores geometry, dock layout and the last article (or the first one)."""
        geometry = self.settings.get(keys.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:  # the first start: as large as the default, but on the screen
            available = self.screen().availableGeometry()
            self.resize(min(self.width(), available.width()),
                        min(self.height(), available.height()))
        self._place_docks(self.settings.get(keys.WINDOW_STATE))
        last = self.settings.get(keys.LAST_ARTICLE)
        if not (last and self.open_article(last)):
            first = store.first_article_id()
            if first is not None:
                self.open_article(first)
            else:
                self.active.clear(self.tr("No articles yet. Use File ▸ Import files… "
                                          "or drop files on this window."))
        beside = [int(i) for i in self.settings.get(keys.BESIDE).split(",") if i.isdigit()]
        if beside and self.active.article_id is not None:
            # The panes beside open after the first one has painted: a fast start.
            self.call_after_first_paint(functools.partial(self._restore_panes, beside))

    def _restore_panes(self, article_ids: list[int]) -> None:
        first = self.active
        # By the place each had when saved: an article deleted since leaves a gap
        # (None), so the pane that had the focus gets it back all the same.
        restored = [first, *(self.open_beside(article_id) for article_id in article_ids)]
        splitter = self.settings.get(keys.SPLITTER_STATE)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        active = self.settings.get(keys.ACTIVE_PANE)
        self.focus_pane((restored[active] if 0 <= active < len(restored) else None) or first)

    def save_session(self) -> None:
        self.settings.set(keys.WINDOW_GEOMETRY, QByteArray(self.saveGeometry()))
        self.settings.set(keys.WINDOW_STATE, QByteArray(self.saveState()))
        first = self.panes[0].article_id  # another one since it opened, after a swap or close
        if first is not None:
            self.settings.set(keys.LAST_ARTICLE, first)
        kept = [self.panes[0], *(p for p in self.panes[1:] if p.article_id is not None)]
        self.settings.set(keys.BESIDE, ",".join(str(p.article_id) for p in kept[1:]))
        self.settings.set(keys.ACTIVE_PANE, kept.index(self.active) if self.active in kept else 0)
        self.settings.set(keys.SPLITTER_STATE, QByteArray(self.splitter.saveState()))
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        self._place_docks()  # shown without restore_session(): the default layout
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.live_updates.stop()
        self.tasks.cancel_and_wait()
        if self.backups is not None:
            self.backups.wait()
        if self.plots_dock is not None:
            self.plots_dock.wait()
        self._wait_for_entities()
        for pane in (*self.panes, *([self._spare] if self._spare is not None else [])):
            pane.suggestions.shutdown()
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
