"""The main window, driven as a user would: keys, menus, undo, import."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt

from db import annotations as store
from db.annotations import label_by_name
from db.articles import article_count
from db.models import EntityAlias
from tests.helpers import store_article

TRICKY = ("Le caf\u00e9 😀 d’OpenAI\r\nCafe\u0301 𝄞 a sign\u00e9 avec AWS pour "
          "38\u00a0milliards de dollars,\u202fselon Nvidia 👩\u200d💻.\r\n")


def _tag_word(qtbot, window, body: str, word: str, key: Qt.Key) -> tuple[int, int]:
    start = body.index(word)
    window.select_range(start, start + len(word))
    qtbot.keyClick(window.reader.body, key)
    return start, start + len(word)


def test_tagging_after_emoji_combining_nbsp_and_crlf_stores_exact_characters(
        qtbot, make_window):
    article_id = store_article("Tricky", TRICKY)
    window = make_window()
    assert window.open_article(article_id)
    body = window.reader.text()
    assert "\r" not in body  # line endings normalised at import

    expected = []
    for word, key, label in (("AWS", Qt.Key.Key_1, "ORG"), ("Nvidia", Qt.Key.Key_1, "ORG"),
                             ("38\u00a0milliards de dollars", Qt.Key.Key_5, "MONEY"),
                             ("OpenAI", Qt.Key.Key_1, "ORG")):
        start, end = _tag_word(qtbot, window, body, word, key)
        expected.append((start, end, label))

    assert window.reader_highlights() == sorted(expected)
    stored = store.annotations_for_article(article_id)
    assert sorted((a.start, a.end, a.quote) for a in stored) == sorted(
        (s, e, body[s:e]) for s, e, _ in expected)
    assert {a.quote for a in stored} == {"AWS", "Nvidia", "38\u00a0milliards de dollars",
                                         "OpenAI"}


def test_sloppy_selection_snaps_to_the_word(qtbot, make_window):
    article_id = store_article("Snap", "Un accord entre OpenAI et Amazon Web Services.")
    window = make_window()
    window.open_article(article_id)
    body = window.reader.text()
    start = body.index("penAI")
    window.select_range(start - 0, start + 6)  # "penAI " : starts mid-word, ends on a space
    qtbot.keyClick(window.reader.body, Qt.Key.Key_1)
    [ann] = store.annotations_for_article(article_id)
    assert ann.quote == "OpenAI"


def test_undo_and_redo_round_trip_to_the_database(qtbot, make_window):
    article_id = store_article("Undo", "Microsoft et Oracle signent.")
    window = make_window()
    window.open_article(article_id)
    _tag_word(qtbot, window, window.reader.text(), "Oracle", Qt.Key.Key_1)
    assert [a.quote for a in store.annotations_for_article(article_id)] == ["Oracle"]

    qtbot.keyClick(window.reader.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.annotations_for_article(article_id) == []
    assert window.reader_highlights() == []

    qtbot.keyClick(window.reader.body, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [a.quote for a in store.annotations_for_article(article_id)] == ["Oracle"]
    start = window.reader.text().index("Oracle")
    assert window.reader_highlights() == [(start, start + 6, "ORG")]


def test_delete_key_removes_the_selected_highlight_and_undo_restores_it(qtbot, make_window):
    article_id = store_article("Delete", "Nvidia fournit des GPU à OpenAI.")
    window = make_window()
    window.open_article(article_id)
    start, end = _tag_word(qtbot, window, window.reader.text(), "Nvidia", Qt.Key.Key_1)
    [before] = store.annotations_for_article(article_id)

    window.select_range(start + 1, start + 2)
    qtbot.keyClick(window.reader.body, Qt.Key.Key_Delete)
    assert store.annotations_for_article(article_id) == []
    assert window.reader_highlights() == []

    window.undo_action.trigger()
    assert store.annotations_for_article(article_id) == [before]
    assert window.reader_highlights() == [(start, end, "ORG")]


def test_an_amount_tagged_by_hand_keeps_its_currency_and_percent_signs(qtbot, make_window):
    body = "OpenAI will pay $38bn over seven years; AWS grew by 38\u00a0% (+5\u00a0€)."
    article_id = store_article("Signs", body, lang="en")
    window = make_window()
    window.open_article(article_id)
    # Sloppy selections, as a drag gives them: a space before, a semicolon after.
    for selected, key in ((" $38bn ", Qt.Key.Key_5), ("38\u00a0% (", Qt.Key.Key_8),
                          ("(+5\u00a0€).", Qt.Key.Key_5)):
        start = body.index(selected)
        window.select_range(start, start + len(selected))
        qtbot.keyClick(window.reader.body, key)

    tagged = sorted((a.quote, a.value, a.unit) for a in store.annotations_for_article(article_id))
    assert tagged == [("$38bn", 3.8e10, "USD"), ("+5\u00a0€", 5.0, "EUR"),
                      ("38\u00a0%", 38.0, "%")]
    assert [body[s:e] for s, e, _label in window.reader_highlights()] == [
        "$38bn", "38\u00a0%", "+5\u00a0€"]


def test_editing_in_the_panel_links_an_entity_and_sets_a_value(qtbot, make_window):
    article_id = store_article("Edit", "Un pacte à 38 milliards de dollars avec AWS.")
    window = make_window()
    window.open_article(article_id)
    _tag_word(qtbot, window, window.reader.text(), "AWS", Qt.Key.Key_1)
    body = window.reader.text()
    start = body.index("38 milliards de dollars")
    window.select_range(start, start + len("38 milliards de dollars"))
    money_id = window.tag_selection("MONEY")
    [aws] = [a for a in store.annotations_for_article(article_id) if a.quote == "AWS"]

    money = store.get_annotation(money_id)  # tagged by hand, read as the suggestion is
    assert (money.value, money.unit) == (3.8e10, "USD")

    window.edit_annotation(aws.id, {"entity": "Amazon Web Services"})
    window.edit_annotation(money_id, {"value": 3.5e10, "unit": "EUR"})

    aws = store.get_annotation(aws.id)
    assert store.entity_name(aws.entity_id) == "Amazon Web Services"
    assert [a.alias for a in EntityAlias.select().where(EntityAlias.entity == aws.entity_id)] \
        == ["AWS"]  # the mention's text becomes one of the entity's names
    money = store.get_annotation(money_id)
    assert (money.value, money.unit) == (3.5e10, "EUR")
    window.undo_action.trigger()
    money = store.get_annotation(money_id)
    assert (money.value, money.unit) == (3.8e10, "USD")


def test_last_article_and_layout_are_restored(qtbot, make_window):
    first = store_article("First", "Premier article.")
    second = store_article("Second", "Second article.")
    window = make_window()
    window.open_article(second)
    window.panel_dock.hide()
    window.close()

    again = make_window()
    assert again.current_article_id() == second
    assert again.panel_dock.isHidden()
    assert first != second


def test_folder_import_reports_the_bad_file_and_imports_the_others(
        qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: shown.append(
        (self.text(), self.detailedText())))
    existing = store_article("Already here", "Un article déjà présent.")
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "good.txt").write_text("title: Bon\nlang: fr\n\nUn bon article.\n",
                                     encoding="utf-8")
    (folder / "also-good.md").write_text("# Good\n\nA *good* article.\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)  # no encoding fits
    window = make_window()

    with qtbot.waitSignal(window.import_finished, timeout=10_000) as blocker:
        window.import_paths([str(folder)])

    report = blocker.args[0]
    assert len(report.imported) == 2
    assert [Path(p.path).name for p in report.problems] == ["broken.txt"]
    assert article_count() == 3
    assert store.annotations_for_article(existing) == []
    [(text, details)] = shown
    assert "broken.txt" in details
    model = window.library.model()
    titles = {model.data(model.index(r, 0))
              for r in range(window.library.model().rowCount())}
    assert {"Bon", "Good", "Already here"} <= titles


KILL_SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from db.connection import open_database
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    app = QApplication([])
    open_database(sys.argv[1])
    window = MainWindow(Settings())
    window.show()
    window.open_article(int(sys.argv[2]))
    body = window.reader.text()
    start = body.index("Microsoft")
    window.select_range(start, start + len("Microsoft"))
    window.tag_selection("ORG")
    app.processEvents()
    assert window.reader_highlights()
    print("shown", flush=True)
    sys.stdin.read()  # wait to be killed
""")


def test_a_tag_survives_killing_the_process_right_after_it_was_shown(
        db, db_path, settings_path, tmp_path):
    article_id = store_article("Kill", "Microsoft reste l’hébergeur exclusif.")
    env = dict(os.environ, MARGINALIA_SETTINGS=str(settings_path))
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(db_path), str(article_id)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
                            cwd=Path(__file__).resolve().parents[2])
    try:
        assert proc.stdout.readline().strip() == "shown"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        proc.stdin.close()
    assert proc.returncode == -signal.SIGKILL
    assert [a.quote for a in store.annotations_for_article(article_id)] == ["Microsoft"]
    assert label_by_name("ORG").id == store.annotations_for_article(article_id)[0].label_id


def test_export_from_the_file_menu_writes_the_annotations(qtbot, make_window, tmp_path,
                                                          monkeypatch):
    import json

    from PySide6.QtWidgets import QFileDialog

    article_id = store_article("Export", "Ericsson licencie 820 personnes en Suède.")
    window = make_window()
    window.open_article(article_id)
    _tag_word(qtbot, window, window.reader.text(), "Ericsson", Qt.Key.Key_1)
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(out), "JSON Lines (*.jsonl)"))

    window.export_action.trigger()
    window.transfers.export_dialog.accept()  # JSON Lines, every article: the defaults
    with qtbot.waitSignal(window.tasks.current.done, timeout=10_000):
        pass

    [line] = [json.loads(text) for text in out.read_text(encoding="utf-8").splitlines()]
    assert line["title"] == "Export"
    [ann] = line["annotations"]
    assert (ann["text"], ann["label"], ann["start"], ann["end"]) == ("Ericsson", "ORG", 0, 8)
    assert str(out) in window.statusBar().currentMessage()


def test_smoke_start_shows_an_article_and_exits_0(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               MARGINALIA_SETTINGS=str(tmp_path / "settings.ini"))
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(tmp_path / "new.sqlite3"), "--smoke"],
        capture_output=True, text=True, env=env, timeout=60,
        cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    painted, ok = result.stdout.splitlines()
    assert painted == "painted"  # the bench times the start-up by this line
    assert ok.startswith("smoke ok: ") and ok.endswith(" — Marginalia")
    assert ok != "smoke ok: Marginalia"  # the window title names the article shown


def test_the_app_refuses_a_too_new_database_and_leaves_it_alone(tmp_path):
    from tests.helpers import sqlite_file

    path = tmp_path / "future.sqlite3"
    before = sqlite_file(path, 999)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               MARGINALIA_SETTINGS=str(tmp_path / "settings.ini"))
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(path), "--smoke"],
                            capture_output=True, text=True, env=env, timeout=60,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 2
    assert "newer version of Marginalia" in result.stderr and str(path) in result.stderr
    assert path.read_bytes() == before


def test_an_article_with_thousands_of_annotations_shows_them_all(qtbot, make_window):
    from desktop.core.operations import new_annotation
    from desktop.ui.main_window import FIRST_SCREEN_CHARS, PROGRESSIVE_LOAD_ABOVE

    window = make_window()  # before the article exists: it must not open at start-up
    words = PROGRESSIVE_LOAD_ABOVE + 500
    body = " ".join(f"Mot{i:05d}" for i in range(words))
    article_id = store_article("Many", body)
    org = label_by_name("ORG").id
    store.insert_annotations([new_annotation(body, article_id, org, i * 9, i * 9 + 8)
                              for i in range(words)])

    window.open_article(article_id)
    first_screen = len(window.reader_highlights())
    qtbot.waitUntil(lambda: len(window.reader_highlights()) == words, timeout=10_000)

    assert first_screen <= FIRST_SCREEN_CHARS // 9 + 1  # the rest came after the first paint
    assert window.reader_highlights()[-1] == ((words - 1) * 9, (words - 1) * 9 + 8, "ORG")
    group = window.panel.model().index(0, 0)
    assert window.panel.model().data(group) == f"ORG ({words})"


def test_linking_an_amount_to_its_parties_from_the_panel_selection(qtbot, make_window):
    from db.annotations import relations_for_article

    article_id = store_article("Deal", "OpenAI et AWS signent un pacte de 38 milliards.")
    window = make_window()
    window.open_article(article_id)
    body = window.reader.text()
    ids = {}
    for word, label in (("OpenAI", "ORG"), ("AWS", "ORG"), ("38 milliards", "MONEY")):
        window.select_range(body.index(word), body.index(word) + len(word))
        ids[word] = window.tag_selection(label)

    window.link_action.trigger()  # nothing selected in the panel: explains what to do
    assert "Select an amount" in window.statusBar().currentMessage()

    assert window.link_selected(list(ids.values())) == 2
    assert sorted(r[1:] for r in relations_for_article(article_id)) == sorted([
        ("deal", ids["38 milliards"], ids["AWS"]), ("deal", ids["38 milliards"], ids["OpenAI"])])
    start = body.index("38 milliards")
    [tip] = [h.tooltip for h in window.reader.highlights_at(start)]
    assert "linked to" in tip and "OpenAI" in tip and "AWS" in tip

    window.undo_action.trigger()
    assert relations_for_article(article_id) == []


def test_library_and_panel_fill_in_just_after_the_article_is_painted(
        qtbot, db, settings_path):
    from PySide6.QtCore import QEvent, QObject

    from desktop.core.operations import new_annotation
    from desktop.ui.annotation_panel import AnnotationPanel
    from desktop.ui.library import LibraryView
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    body = "Ericsson signe avec Nokia."
    article_id = store_article("Accord", body)
    store.insert_annotation(new_annotation(body, article_id, label_by_name("ORG").id, 0, 8))

    class FirstPaint(QObject):
        docks_then: list[bool] = []

        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and not self.docks_then:
                self.docks_then.append(isinstance(window.library_dock.widget(), LibraryView))
            return False

    window = MainWindow(Settings(settings_path))
    qtbot.addWidget(window)
    watcher = FirstPaint()
    window.reader.body_viewport().installEventFilter(watcher)
    window.restore_session()
    window.show()

    qtbot.waitUntil(lambda: isinstance(window.panel_dock.widget(), AnnotationPanel))
    assert watcher.docks_then == [False]  # the article was painted first
    assert window.reader_highlights() == [(0, 8, "ORG")]
    library = window.library_dock.widget()
    assert isinstance(library, LibraryView)
    assert library.model().match_count() == 1
    assert library.selected_article_ids() == [article_id]
    panel = window.panel_dock.widget()
    assert panel.article_id() == article_id and panel.annotation_count() == 1


def test_asking_for_the_panel_before_the_first_paint_builds_it_at_once(
        qtbot, db, settings_path):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    article_id = store_article("Accord", "Ericsson signe avec Nokia.")
    window = MainWindow(Settings(settings_path))  # never shown
    qtbot.addWidget(window)
    window.open_article(article_id)

    assert window.panel.article_id() == article_id
    assert window.panel_dock.widget() is window.panel
    assert window.library.selected_article_ids() == [article_id]


_PAINT_PROBE = textwrap.dedent("""
    import enum, gc, sys

    made = []  # the enum classes PySide6 has built so far (it builds them lazily)
    make = enum.EnumType._create_

    def spy(cls, name, *args, **kwargs):
        made.append(name)
        return make(cls, name, *args, **kwargs)

    enum.EnumType._create_ = spy
    from PySide6.QtCore import QEvent, QObject
    from desktop.ui import app
    from desktop.ui.main_window import MainWindow

    loaded_at_import = "peewee" in sys.modules
    show = MainWindow.show

    class Probe(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                print("orm at first paint:", "peewee" in sys.modules, flush=True)
                print("gc at first paint:", gc.isenabled(), flush=True)
                # Qt.GlobalColor stands for the ~95 enums of the Qt namespace.
                print("qt namespace at first paint:", "GlobalColor" in made, flush=True)
            return False

    probe = Probe()

    def watched_show(window):
        window.reader.body_viewport().installEventFilter(probe)
        show(window)

    MainWindow.show = watched_show
    print("orm after importing the window:", loaded_at_import, flush=True)
    code = app.run_gui(sys.argv[1], smoke=True)
    print("orm at exit:", "peewee" in sys.modules, flush=True)
    print("gc at exit:", gc.isenabled(), flush=True)
    sys.exit(code)
""")


def test_the_first_article_is_painted_before_the_orm_and_qt_enums_load(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               MARGINALIA_SETTINGS=str(tmp_path / "settings.ini"))
    db_file = str(tmp_path / "db.sqlite3")
    root = Path(__file__).resolve().parents[2]

    def run() -> list[str]:
        result = subprocess.run([sys.executable, "-c", _PAINT_PROBE, db_file],
                                capture_output=True, text=True, env=env, timeout=60, cwd=root)
        assert result.returncode == 0, result.stderr
        return [line for line in result.stdout.splitlines()
                if line.startswith(("orm ", "gc ", "qt "))]

    # First run: the database is created and the samples imported before the window.
    first = run()
    assert first[:3] == ["orm after importing the window: False", "orm at first paint: True",
                         "gc at first paint: False"]
    assert first[4:] == ["orm at exit: True", "gc at exit: True"]
    # Next runs: the article is read and painted first; the ORM takes over just after.
    # The cycle collector is off until then too, and back on for the rest of the run.
    # Nor does anything touch the Qt namespace, whose enums take longer to build.
    assert run() == ["orm after importing the window: False", "orm at first paint: False",
                     "gc at first paint: False", "qt namespace at first paint: False",
                     "orm at exit: True", "gc at exit: True"]


def test_a_dock_missing_from_the_saved_layout_gets_its_default_place(qtbot, db, settings_path):
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    from desktop.ui import settings as keys
    from desktop.ui.annotation_panel import AnnotationPanel
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    store_article("Accord", "Ericsson signe avec Nokia.")
    older = QMainWindow()  # a layout saved when only the library existed
    library = QDockWidget("Library", older)
    library.setObjectName("library")
    older.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, library)
    Settings(settings_path).set(keys.WINDOW_STATE, QByteArray(older.saveState()))

    window = MainWindow(Settings(settings_path))
    qtbot.addWidget(window)
    at_first_paint: list[bool] = []
    window.call_after_first_paint(lambda: at_first_paint.append(window.panel_dock.isVisible()),
                                  first=True)
    window.restore_session()
    window.show()
    qtbot.waitUntil(lambda: isinstance(window.panel_dock.widget(), AnnotationPanel))

    assert at_first_paint == [False]  # not drawn loose over the window before its place
    assert window.dockWidgetArea(window.library_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.dockWidgetArea(window.panel_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not window.panel_dock.isHidden()


def test_the_window_has_workers_hand_the_gil_back_soon(make_window):
    """A worker running Python (the name model loading, a long text's names matched
    again) would otherwise keep the GUI thread waiting up to 5 ms at each call into Qt:
    790 ms a tag instead of 150 ms while the model loaded (desktop.ui.workers)."""
    import sys

    from desktop.ui.workers import GIL_SWITCH_SECONDS

    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # Python's default
    try:
        make_window()
        assert abs(sys.getswitchinterval() - GIL_SWITCH_SECONDS) < 1e-6
    finally:
        sys.setswitchinterval(before)
