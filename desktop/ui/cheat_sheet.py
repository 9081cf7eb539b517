"""The keyboard cheat sheet (F1): every key of the main window, grouped by menu.

The sheet is built each time it opens, from the window's menus as they are
then (so a new action, a renamed one or a changed key shows at once) and
from a declared list of the keys that are not menu actions: the label digits
of the reader (read from the labels), Delete, the find bar's Return and Esc,
the library's and the annotation panel's keys. An action without a shortcut
shows the way to it through the menus (``Alt+V ▸ L``) where its menu and it
both have a mnemonic of their own.

Keys are written with :meth:`QKeySequence.toString` in native format, so
they read as the platform and the language spell them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

NATIVE = QKeySequence.SequenceFormat.NativeText
CONTEXT = "CheatSheet"


translate = QCoreApplication.translate


@dataclass(frozen=True)
class KeyEntry:
    """One line of the sheet.

    Attributes:
        group: where the key acts: a menu's title ("Edit") or a part of the
            window ("Reader", "Find bar").
        what: what it does, as the menu or the part of the window says it.
        keys: the keys, in native text; "" when the mouse is the only way.
            Keys that do the same are separated by " / ", keys pressed one
            after the other through the menus by " ▸ ".
    """

    group: str
    what: str
    keys: str


def plain(text: str) -> str:
    """A menu text as read: mnemonic marks out ("&&" is "&"), the tab-separated
    shortcut hint dropped."""
    text = text.split("\t", 1)[0]
    out, i = [], 0
    while i < len(text):
        if text[i] == "&" and i + 1 < len(text):
            i += 1
        out.append(text[i])
        i += 1
    return "".join(out).strip()


def mnemonic(text: str) -> str | None:
    """The letter marked with "&" in a menu text, upper-cased; None if none is."""
    i = text.find("&")
    while i != -1 and i + 1 < len(text):
        if text[i + 1] != "&":
            return text[i + 1].upper()
        i = text.find("&", i + 2)
    return None


ALTERNATIVES = " / "
"""Between keys that do the same ("Del / Backspace"); not ", ", which Qt writes
between the keys of one sequence."""
STEPS = " ▸ "
"""Between the keys pressed one after the other through the menus ("Alt+H ▸ A")."""


def native(*keys: str | QKeySequence) -> str:
    """Key sequences ("Ctrl+E", or already built) in the platform's words, as
    alternatives ("Ctrl+Shift+Z / Ctrl+Y")."""
    sequences = [QKeySequence.fromString(k) if isinstance(k, str) else k for k in keys]
    return ALTERNATIVES.join(s.toString(NATIVE) for s in sequences if not s.isEmpty())


def standard(key: QKeySequence.StandardKey) -> str:
    """Every binding of a standard key on this platform ("F3 / Ctrl+G")."""
    return native(*QKeySequence.keyBindings(key))


def menu_actions(bar: QMenuBar) -> Iterator[tuple[list[QMenu], QAction]]:
    """Every visible action of the menu bar's menus, with the menus leading to it
    (outermost first); separators and submenu entries themselves are left out."""

    def walk(path: list[QMenu]) -> Iterator[tuple[list[QMenu], QAction]]:
        for action in path[-1].actions():
            if action.isSeparator() or not action.isVisible():
                continue
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                yield from walk([*path, submenu])
            else:
                yield path, action

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and top.isVisible():
            yield from walk([menu])


def _unique_mnemonics(actions: list[QAction]) -> set[str]:
    """The mnemonic letters used by exactly one of ``actions``."""
    counts: dict[str, int] = {}
    for action in actions:
        letter = mnemonic(action.text())
        if letter is not None:
            counts[letter] = counts.get(letter, 0) + 1
    return {letter for letter, count in counts.items() if count == 1}


def menu_route(bar: QMenuBar, path: list[QMenu], action: QAction) -> str:
    """The keys that reach ``action`` through the menus ("Alt+V ▸ L"), or "".

    Each step must be a mnemonic no sibling shares (Qt cycles between
    entries sharing one instead of choosing). Menus have no mnemonics on macOS.
    """
    if sys.platform == "darwin":
        return ""
    steps: list[str] = []
    siblings = [a for a in bar.actions() if a.isVisible()]
    holders = [menu.menuAction() for menu in path] + [action]
    for holder, menu in zip(holders, [None, *path], strict=True):
        if menu is not None:
            siblings = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        letter = mnemonic(holder.text())
        if letter is None or letter not in _unique_mnemonics(siblings):
            return ""
        steps.append(letter)
    return STEPS.join(native(key) for key in [f"Alt+{steps[0]}", *steps[1:]])


def action_keys(action: QAction) -> str:
    """An action's own keys, as alternatives ("" if it has none)."""
    return native(*action.shortcuts())


def menu_entries(window: MainWindow) -> list[KeyEntry]:
    """A line for each action of the window's menus, grouped by menu title."""
    bar = window.menuBar()
    entries = []
    for path, action in menu_actions(bar):
        group = " ▸ ".join(plain(menu.title()) for menu in path)
        keys = action_keys(action) or menu_route(bar, path, action)
        entries.append(KeyEntry(group, plain(action.text()), keys))
    return entries


def declared_entries(window: MainWindow) -> list[KeyEntry]:
    """The keys that are not menu actions, where they act.

    Read from desktop.ui.reader, find_bar, library and annotation_panel: each
    handles its keys itself (the reader's digits are the labels' shortcuts).
    Actions added to the reader's body and not in a menu (L for Link…) are
    walked, not declared.
    """
    reader, find, library = (
        translate("CheatSheet", "Reader"),
        translate("CheatSheet", "Find bar"),
        translate("CheatSheet", "Library"),
    )
    panel, window_group, sheet = (
        translate("CheatSheet", "Annotation panel"),
        translate("CheatSheet", "Window"),
        translate("CheatSheet", "This sheet"),
    )
    entries: list[KeyEntry] = []
    for label in sorted(window.labels.by_id.values(), key=lambda lb: lb.position):
        if label.shortcut:
            entries.append(
                KeyEntry(
                    reader,
                    translate("CheatSheet", "Tag the selection as {0}").format(label.name),
                    native(label.shortcut),
                )
            )
    entries += [
        KeyEntry(
            reader,
            translate("CheatSheet", "Select text by character"),
            native("Shift+Left", "Shift+Right"),
        ),
        KeyEntry(
            reader,
            translate("CheatSheet", "Select text by word"),
            native("Ctrl+Shift+Left", "Ctrl+Shift+Right"),
        ),
        KeyEntry(
            reader, translate("CheatSheet", "Select text by line"), native("Shift+Up", "Shift+Down")
        ),
        KeyEntry(
            reader,
            translate("CheatSheet", "Remove the tags in the selection or at the cursor"),
            native("Del", "Backspace"),
        ),
    ]
    in_menus = {action for _path, action in menu_actions(window.menuBar())}
    entries += [
        KeyEntry(reader, plain(action.text()), action_keys(action))
        for action in window.reader.body.actions()
        if action not in in_menus and action.isVisible() and action.shortcuts()
    ]
    entries += [
        KeyEntry(
            find,
            translate("CheatSheet", "Next match"),
            ALTERNATIVES.join([native("Return"), standard(QKeySequence.StandardKey.FindNext)]),
        ),
        KeyEntry(
            find,
            translate("CheatSheet", "Previous match"),
            ALTERNATIVES.join(
                [native("Shift+Return"), standard(QKeySequence.StandardKey.FindPrevious)]
            ),
        ),
        KeyEntry(
            find,
            translate("CheatSheet", "Close the find bar (the match stays selected)"),
            native("Esc"),
        ),
        KeyEntry(
            library,
            translate("CheatSheet", "Move through the list from the search box"),
            native("Up", "Down", "PgUp", "PgDown"),
        ),
        KeyEntry(library, translate("CheatSheet", "Open the chosen article"), native("Return")),
        KeyEntry(
            library,
            translate("CheatSheet", "Open the chosen article beside the one shown"),
            native("Ctrl+Shift+Return"),
        ),
        KeyEntry(library, translate("CheatSheet", "Clear the search"), native("Esc")),
        KeyEntry(
            panel,
            translate("CheatSheet", "Show the chosen annotation in the text"),
            native("Return"),
        ),
        KeyEntry(
            panel,
            translate("CheatSheet", "Delete the chosen annotations"),
            native("Del", "Backspace"),
        ),
        KeyEntry(
            window_group,
            translate("CheatSheet", "Move to the next or previous part of the window"),
            native("Tab", "Shift+Tab"),
        ),
    ]
    bar = window.menuBar()
    tops = [a for a in bar.actions() if a.isVisible() and isinstance(a.menu(), QMenu)]
    unique = _unique_mnemonics(tops)
    for top in tops:
        letter = mnemonic(top.text())
        if letter in unique and sys.platform != "darwin":
            entries.append(
                KeyEntry(
                    window_group,
                    translate("CheatSheet", "Open the {0} menu").format(plain(top.text())),
                    native(f"Alt+{letter}"),
                )
            )
    entries += [
        KeyEntry(sheet, translate("CheatSheet", "Close this sheet"), native("Esc", "F1")),
    ]
    return entries


def all_entries(window: MainWindow) -> list[KeyEntry]:
    """The sheet's lines: the menus' actions first, in menu order, then the other keys."""
    return menu_entries(window) + declared_entries(window)


class CheatSheet(QDialog):
    """A non-modal window listing every key of the main window, with a filter.

    Esc and F1 close it. It reads the window's menus again each time it is shown.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.setModal(False)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.set_filter)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays in the filter
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.empty_label = QLabel(self)
        self.empty_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.note)
        close = QAction(self)
        close.setShortcuts([QKeySequence.fromString("F1")])
        close.triggered.connect(self.close)
        self.addAction(close)
        self.resize(720, 720)
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        """Sets the sheet's own texts in the interface language."""
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.filter_edit.setPlaceholderText(self.tr("Filter: a word or a key (tag, Ctrl+E…)"))
        self.filter_edit.setAccessibleName(self.tr("Filter the keys"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.note.setText(
            self.tr(
                "Single letters and digits act in the article text; typed in a field "
                "they are text. Menus also open with Alt and their underlined letter."
            )
        )
        self.empty_label.setText(self.tr("No key matches this filter."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            # Once the window has renamed its menus and actions (its own event).
            QTimer.singleShot(0, self.refresh)
        super().changeEvent(event)

    def refresh(self) -> None:
        """Reads the window's menus and keys again; the filter stays."""
        self.tree.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in all_entries(self._window):
            group = groups.get(entry.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [entry.group])
                group.setFont(0, bold)
                group.setFirstColumnSpanned(True)
                groups[entry.group] = group
            item = QTreeWidgetItem(group, [entry.what, entry.keys or "—"])
            item.setToolTip(0, entry.what)
            if not entry.keys:
                item.setToolTip(1, self.tr("No key: use the menu or the mouse"))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)  # for every line: it keeps its width when filtered
        self.set_filter(self.filter_edit.text())

    def set_filter(self, text: str) -> None:
        """Shows only the lines whose action, keys or group hold ``text`` (any case)."""
        needle = text.strip().casefold()
        shown = 0
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            whole = needle in group.text(0).casefold()
            visible = 0
            for j in range(group.childCount()):
                item = group.child(j)
                match = (
                    whole or needle in item.text(0).casefold() or needle in item.text(1).casefold()
                )
                item.setHidden(not match)
                visible += match
            group.setHidden(visible == 0)
            shown += visible
        self.empty_label.setVisible(shown == 0)

    def shown_entries(self) -> list[KeyEntry]:
        """The lines the sheet shows now (the filter applied), as the user reads them."""
        entries = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group.isHidden():
                continue
            for j in range(group.childCount()):
                item = group.child(j)
                if not item.isHidden():
                    keys = item.text(1)
                    entries.append(
                        KeyEntry(group.text(0), item.text(0), "" if keys == "—" else keys)
                    )
        return entries

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if not event.spontaneous():
            self.refresh()
            self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.filter_edit.selectAll()
        super().showEvent(event)


def find_cheat_sheet(window: QWidget) -> CheatSheet | None:
    return window.findChild(CheatSheet)


def show_cheat_sheet(window: MainWindow) -> CheatSheet:
    """Shows the window's cheat sheet (built the first time), raised and focused."""
    sheet = find_cheat_sheet(window)
    if sheet is None:
        sheet = CheatSheet(window)
    sheet.show()
    sheet.raise_()
    sheet.activateWindow()
    return sheet


def toggle_cheat_sheet(window: MainWindow) -> CheatSheet | None:
    """F1: shows the sheet, or closes it if it is showing; returns it when shown."""
    sheet = find_cheat_sheet(window)
    if sheet is not None and sheet.isVisible():
        sheet.close()
        return None
    return show_cheat_sheet(window)
