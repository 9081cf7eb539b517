"""Help: the keyboard cheat sheet (F1), the first-run tour and the About dialog,
over a window showing a demo article."""

from __future__ import annotations

from importlib import metadata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from db import annotations as store
from desktop.ui import settings as keys
from desktop.ui.cheat_sheet import (
    KeyEntry,
    find_cheat_sheet,
    menu_actions,
    mnemonic,
    native,
    plain,
)
from desktop.ui.help_menu import install_help, offer_tour_after_first_paint
from desktop.ui.settings import Settings

DEMO = "fr-2017-12-14-disney-rachete-la-21st-century-fox-pour-66-1-milliards-de-do.txt"
"""The demo article the window shows: names, and amounts the app proposes."""


@pytest.fixture
def demo(db) -> int:
    """The demo article stored as the first start imports it; its id."""
    from desktop.core.importers import import_paths
    from desktop.resources import sample_articles_dir

    report = import_paths([sample_articles_dir() / DEMO])
    [article_id] = report.imported
    return article_id


@pytest.fixture
def window(qtbot, demo, make_window):
    window = make_window()
    install_help(window)
    assert window.current_article_id() == demo
    return window


def _entries(sheet) -> list[KeyEntry]:
    return sheet.shown_entries()


def _press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


# --- the cheat sheet ------------------------------------------------------------------


def test_f1_shows_every_menu_action_with_its_keys(qtbot, window):
    _press(qtbot, window.reader.body, Qt.Key.Key_F1)
    sheet = find_cheat_sheet(window)
    assert sheet is not None and sheet.isVisible()
    assert not sheet.isModal() and QApplication.activeModalWidget() is None

    shown = _entries(sheet)
    actions = list(menu_actions(window.menuBar()))
    assert len(actions) > 30
    for path, action in actions:
        group = " ▸ ".join(plain(menu.title()) for menu in path)
        matches = [e for e in shown if e.group == group and e.what == plain(action.text())]
        assert matches, f"{group} ▸ {plain(action.text())} is not in the sheet"
        if native(*action.shortcuts()):  # (Quit has none on some platforms)
            assert matches[0].keys == native(*action.shortcuts())
    export = next(e for e in shown if e.what == plain(window.export_action.text()))
    assert export.keys == QKeySequence.fromString("Ctrl+E").toString(
        QKeySequence.SequenceFormat.NativeText)


def test_f1_or_esc_closes_the_sheet(qtbot, window):
    _press(qtbot, window.reader.body, Qt.Key.Key_F1)
    sheet = find_cheat_sheet(window)
    qtbot.waitUntil(sheet.filter_edit.hasFocus)
    _press(qtbot, sheet.filter_edit, Qt.Key.Key_F1)
    assert not sheet.isVisible()

    window.cheat_sheet_action.trigger()
    assert sheet.isVisible()
    _press(qtbot, sheet.filter_edit, Qt.Key.Key_Escape)
    assert not sheet.isVisible()

    window.cheat_sheet_action.trigger()
    window.cheat_sheet_action.trigger()  # F1 in the window again: closed
    assert not sheet.isVisible()


def test_the_sheet_lists_the_keys_of_the_reader_find_bar_and_docks(qtbot, window):
    window.cheat_sheet_action.trigger()
    shown = _entries(find_cheat_sheet(window))

    def keys_of(what: str) -> str:
        return next(e.keys for e in shown if e.what == what)

    for label in window.labels.by_id.values():
        assert keys_of(f"Tag the selection as {label.name}") == label.shortcut
    assert keys_of("Next suggestion") == "N"
    assert keys_of("Accept suggestion") == "A"
    assert keys_of("Reject suggestion") == "R / X"
    assert keys_of("Link…") in ("L", "Ctrl+Shift+L")
    assert KeyEntry("Reader", "Link…", "L") in shown  # the body's own key
    assert keys_of("Next match").startswith(native("Return"))
    assert keys_of("Close the find bar (the match stays selected)") == native("Esc")
    assert keys_of("Open the chosen article beside the one shown") == \
        native("Ctrl+Shift+Return")


def test_the_sheet_follows_the_menus_and_labels_as_they_are(qtbot, window):
    """It is read from the window each time it opens: nothing to keep up to date."""
    window.cheat_sheet_action.trigger()
    sheet = find_cheat_sheet(window)
    window.cheat_sheet_action.trigger()  # closed
    added = QAction("Brand new thing", window)
    added.setShortcuts([QKeySequence.fromString("Ctrl+Alt+B")])
    file_menu = next(path[-1] for path, action in menu_actions(window.menuBar())
                     if action is window.export_action)
    file_menu.addAction(added)
    window.labels.by_id = {i: lb for i, lb in window.labels.by_id.items()
                           if lb.name != "DATE"}

    window.cheat_sheet_action.trigger()

    shown = _entries(sheet)
    assert KeyEntry("File", "Brand new thing", native("Ctrl+Alt+B")) in shown
    assert not any(e.what == "Tag the selection as DATE" for e in shown)


def test_typing_in_the_sheet_filters_it(qtbot, window):
    window.cheat_sheet_action.trigger()
    sheet = find_cheat_sheet(window)
    qtbot.waitUntil(sheet.filter_edit.hasFocus)

    qtbot.keyClicks(sheet.filter_edit, "tag")
    shown = _entries(sheet)
    assert any(e.what == "Tag the selection as ORG" for e in shown)
    assert all("tag" in f"{e.group} {e.what} {e.keys}".casefold() for e in shown)

    sheet.filter_edit.clear()
    qtbot.keyClicks(sheet.filter_edit, "Ctrl+E")
    assert plain(window.export_action.text()) in [e.what for e in _entries(sheet)]
    assert not sheet.empty_label.isVisible()

    qtbot.keyClicks(sheet.filter_edit, "zzz")
    assert _entries(sheet) == []
    assert sheet.empty_label.isVisible()


def _mnemonic_problems(window) -> list[str]:
    problems = []
    bar = window.menuBar()
    tops = [a for a in bar.actions() if a.isVisible() and a.menu() is not None]
    letters = [mnemonic(a.text()) for a in tops]
    for top, letter in zip(tops, letters, strict=True):
        if letter is None or letters.count(letter) > 1:
            problems.append(f"menu bar: {top.text()!r}")
    menus = {id(menu): menu for path, _action in menu_actions(bar) for menu in path}
    for menu in menus.values():
        entries = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        letters = [mnemonic(a.text()) for a in entries]
        for action, letter in zip(entries, letters, strict=True):
            if letter is not None and letters.count(letter) > 1:
                problems.append(f"{plain(menu.title())}: {action.text()!r} shares &{letter}")
    return problems




def test_every_menu_action_can_be_reached_without_the_mouse(qtbot, window):
    """Each has a shortcut, or its menus and it have a mnemonic of their own."""
    window.cheat_sheet_action.trigger()
    shown = _entries(find_cheat_sheet(window))
    unreachable = [f"{e.group} ▸ {e.what}" for e in shown if not e.keys]
    assert unreachable + _mnemonic_problems(window) == []


def test_no_menu_uses_a_mnemonic_twice(qtbot, window):
    assert _mnemonic_problems(window) == []


def test_an_action_without_a_shortcut_shows_its_way_through_the_menus(qtbot, window):
    window.cheat_sheet_action.trigger()
    shown = _entries(find_cheat_sheet(window))
    tour = next(e for e in shown if e.what == "Take the tour")
    assert tour.keys == f"{native('Alt+H')} ▸ T"


# --- the tour ---------------------------------------------------------------------------


def _build_window(qtbot, settings_path):
    """A window as the app starts one: the tour is offered before it first paints."""
    from desktop.ui.main_window import MainWindow

    window = MainWindow(Settings(settings_path))
    qtbot.addWidget(window)
    install_help(window)
    window.restore_session()
    offer_tour_after_first_paint(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _visible_callout(window):
    from desktop.ui.tour import find_tour

    tour = find_tour(window)
    return tour.callout if tour is not None else None


def test_the_tour_shows_on_the_first_start_only(qtbot, demo, settings_path):
    from desktop.ui.tour import TOUR_VERSION, maybe_start_tour

    first = _build_window(qtbot, settings_path)
    qtbot.waitUntil(lambda: _visible_callout(first) is not None)
    callout = _visible_callout(first)
    assert callout.title_label.text() == "Select a name"
    assert callout.counter_label.text() == "Step 1 of 6"
    assert Settings(settings_path).get(keys.TOUR_SHOWN) == TOUR_VERSION
    first.close()

    second = _build_window(qtbot, settings_path)
    assert maybe_start_tour(second) is None  # what its offer after the first paint calls
    assert _visible_callout(second) is None


def test_esc_skips_the_tour_and_it_stays_skipped(qtbot, window, settings_path):
    from desktop.ui.tour import TOUR_VERSION, maybe_start_tour

    tour = maybe_start_tour(window)
    assert tour is not None
    qtbot.waitUntil(tour.callout.next_button.hasFocus)
    _press(qtbot, tour.callout.next_button, Qt.Key.Key_Return)
    assert tour.index == 1

    with qtbot.waitSignal(tour.finished) as finished:
        _press(qtbot, tour.callout.next_button, Qt.Key.Key_Escape)
    assert finished.args == [True]
    assert _visible_callout(window) is None
    assert Settings(settings_path).get(keys.TOUR_SHOWN) == TOUR_VERSION
    assert maybe_start_tour(window) is None


def test_each_step_is_shown_beside_what_it_speaks_of(qtbot, window):
    from desktop.ui.tour import Tour, start_tour

    tour = start_tour(window)
    seen = []
    for index in range(len(tour.steps)):
        callout = tour.callout
        assert tour.index == index
        assert callout.isVisible() and callout.text_label.isVisible()
        assert callout.title_label.text() == tour.steps[index].title
        assert callout.counter_label.text() == f"Step {index + 1} of {len(tour.steps)}"
        box = callout.geometry()
        assert window.rect().contains(box)
        target = tour.target()
        assert target is not None, tour.steps[index].title
        assert window.rect().intersects(target)
        assert not box.intersects(target)  # beside it, its arrow towards it
        gap = {"below": box.top() - target.bottom(), "above": target.top() - box.bottom(),
               "right": box.left() - target.right(), "left": target.left() - box.right()}
        assert 0 < gap[callout.side] <= 4
        assert tour.spotlight.isVisible() and tour.spotlight.geometry().contains(target)
        seen.append(callout.text_label.text())
        if index < len(tour.steps) - 1:
            _press(qtbot, callout.next_button, Qt.Key.Key_Return)
    legend = seen[1]
    for label in window.labels.by_id.values():
        assert label.name in legend and f"<b>{label.shortcut}</b>" in legend
    assert all(f"<b>{k}</b>" in seen[2] for k in "NAR")
    assert "<b>F1</b>" in seen[5]
    assert tour.callout.next_button.text() == "&Done"

    with qtbot.waitSignal(tour.finished) as finished:
        _press(qtbot, tour.callout.next_button, Qt.Key.Key_Return)
    assert finished.args == [False]
    qtbot.waitUntil(lambda: not window.findChildren(Tour))


def test_the_steps_point_at_the_selection_and_at_a_suggestion(qtbot, window):
    from desktop.ui.tour import start_tour

    qtbot.waitUntil(lambda: window.suggestions.shown_for() == window.current_article_id(),
                    timeout=20_000)
    body = window.reader.text()
    start = body.index("Walt Disney")
    window.select_range(start, start + len("Walt Disney"))
    tour = start_tour(window)
    tour.next()
    body_view = window.reader.body
    cursor = body_view.textCursor()
    assert tour.target().contains(body_view.viewport().mapTo(
        window, body_view.cursorRect(cursor).center()))

    tour.next()
    first = window.suggestions.suggestions()[0]
    cursor.setPosition(body_view.offsets.to_utf16(first.start))
    at = body_view.viewport().mapTo(window, body_view.cursorRect(cursor).center())
    assert tour.target().contains(at)


def test_the_window_stays_usable_under_the_tour(qtbot, window):
    from desktop.ui.tour import start_tour

    tour = start_tour(window)
    assert QApplication.activeModalWidget() is None
    body = window.reader.text()
    start = body.index("Disney")
    window.select_range(start, start + len("Disney"))
    _press(qtbot, window.reader.body, Qt.Key.Key_1)

    [tagged] = store.annotations_for_article(window.current_article_id())
    assert (tagged.start, tagged.end) == (start, start + len("Disney"))
    assert tour.callout.isVisible()
    # Alt+N, the Next button's mnemonic, from anywhere in the window (a button
    # "clicks" when its mnemonic is pressed once it has shown itself pressed).
    _press(qtbot, window.reader.body, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tour.index == 1)


def test_help_take_the_tour_shows_it_again(qtbot, window):
    from desktop.ui.tour import maybe_start_tour

    maybe_start_tour(window).skip()
    assert _visible_callout(window) is None

    window.tour_action.trigger()
    callout = _visible_callout(window)
    assert callout is not None and callout.counter_label.text() == "Step 1 of 6"


def test_the_tour_and_the_sheet_follow_a_change_of_language(qtbot, window):
    from PySide6.QtCore import QEvent

    from desktop.ui.tour import start_tour

    tour = start_tour(window)
    tour.next()
    window.cheat_sheet_action.trigger()
    sheet = find_cheat_sheet(window)
    titles = [step.title for step in tour.steps]
    QApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    QApplication.sendEvent(sheet, QEvent(QEvent.Type.LanguageChange))

    qtbot.waitUntil(lambda: [step.title for step in tour.steps] == titles
                    and tour.steps is not None and tour.callout.isVisible())
    assert tour.index == 1 and tour.callout.title_label.text() == titles[1]
    assert KeyEntry("Reader", "Link…", "L") in _entries(sheet)


# --- About ------------------------------------------------------------------------------


def _about(window):
    from desktop.ui.about_dialog import show_about

    dialog = show_about(window)
    assert dialog.isVisible()
    return dialog


def test_help_about_opens_the_about_dialog(qtbot, window, monkeypatch):
    from PySide6 import QtWidgets

    from desktop.ui.about_dialog import AboutDialog

    old_box_shown = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "about",
                        lambda *args: old_box_shown.append(args))  # it would block the test
    window.about_action.trigger()
    assert old_box_shown == []
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert QApplication.activeModalWidget() is dialog  # window-modal, as the other dialogs


def _rows(table) -> dict[str, list[str]]:
    return {table.item(r, 0).text(): [table.item(r, c).text()
                                      for c in range(1, table.columnCount())]
            for r in range(table.rowCount())}


def test_about_shows_the_app_and_its_components_licences(qtbot, window):
    from desktop import __version__

    dialog = _about(window)
    assert dialog.name_label.text() == "Marginalia"
    assert __version__ in dialog.version_label.text()
    assert dialog.description_label.text() == "A desktop reader and annotator for news articles"
    assert "MIT" in dialog.licence_label.text()
    rows = _rows(dialog.components_table)
    expected = {"PySide6": "LGPL-3.0-only", "Qt": "LGPL-3.0-only", "peewee": "MIT",
                "pyqtgraph": "MIT", "spaCy": "MIT", "fr_core_news_sm": "LGPL-LR",
                "en_core_web_sm": "MIT", "trafilatura": "Apache-2.0",
                "pypdf": "BSD-3-Clause", "RapidFuzz": "MIT", "Babel": "BSD-3-Clause",
                "text2num": "MIT", "charset-normalizer": "MIT", "platformdirs": "MIT"}
    assert {name: row[1] for name, row in rows.items()} == expected
    assert rows["spaCy"][0] == metadata.version("spacy")
    assert rows["fr_core_news_sm"][0] == metadata.version("fr-core-news-sm")
    model = dialog.components_table.item(list(rows).index("fr_core_news_sm"), 2)
    assert "WikiNER (CC BY 4.0)" in model.toolTip()


def test_about_lists_every_library_the_app_ships(qtbot, window):
    dialog = _about(window)
    dialog.tabs.setCurrentIndex(1)
    rows = _rows(dialog.libraries_table)
    assert rows["numpy"][0] == metadata.version("numpy")
    assert rows["peewee"][1] == "MIT"  # its metadata says none: the declared one
    assert {"spacy", "thinc", "lxml", "shiboken6"} <= {name.lower() for name in rows}


def test_about_credits_the_demo_articles_without_links_to_follow(qtbot, window):
    from desktop.core.seed import sample_files

    dialog = _about(window)
    dialog.tabs.setCurrentWidget(dialog.attribution_view)
    assert dialog.attribution_view.isVisible()
    text = dialog.attribution_view.toPlainText()
    assert "Creative Commons Attribution 2.5" in text
    assert "https://creativecommons.org/licenses/by/2.5/" in text
    assert "Original article: <source URL>." in text
    assert "github.com/YoannDupont/WiNER-fr" in text
    for path in sample_files():
        source = next(line for line in path.read_text(encoding="utf-8").splitlines()
                      if line.startswith("source:"))
        assert source.removeprefix("source:").strip() in text
    assert "href" not in dialog.attribution_view.toHtml()
    assert not dialog.attribution_view.openLinks()

    _press(qtbot, dialog.close_button, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
