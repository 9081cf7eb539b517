"""Importing hostile files from the window: each problem is shown, the good files arrive,
and Cancel works in the middle of one huge file."""

from __future__ import annotations

import gzip
import json
import os
import threading
from pathlib import Path

from db.articles import article_count
from desktop.core import importers
from tests.helpers import store_article

GOOD = "title: {title}\n\n{title}: a good article beside the bad ones.\n"


def _hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD.format(title="Plain and good"), encoding="utf-8")
    (folder / "wide.txt").write_bytes(
        b"\xff\xfe\0\0" + "title: Wide and good\n\nUTF-32 text.\n".encode("utf-32-le"))
    (folder / "brackets.md").write_text("# Brackets\n\n" + "[" * 200_000 + "\n",
                                        encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("loop.txt", folder / "loop.txt")
    (folder / "mixed.jsonl").write_text(
        '{"title": "Half", "body": "\\ud800"}\n'
        + json.dumps({"title": "Line two", "body": "The second line is fine."}) + "\n"
        + '{"body": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    (folder / "bomb.jsonl.gz").write_bytes(gzip.compress(b"\n" * (1 << 20), 9) * 1024)
    (folder / "empty.jsonl").write_bytes(b"")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(GOOD.format(title="Latin name").encode("utf-8"))
    return folder


def test_a_folder_of_hostile_files_shows_each_problem_and_imports_the_good_ones(
        qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str, str]] = []
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: shown.append(
        (self.text(), self.informativeText(), self.detailedText())))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *rest: warnings.append((title, text)))
    folder = _hostile_folder(tmp_path)
    # An article is open already: the window does not open an imported one (laying
    # out the 200,000 "[" of brackets.md is the reader's business, not the import's).
    store_article("Already here", "Un article déjà présent.")
    window = make_window()

    with qtbot.waitSignal(window.import_finished, timeout=20_000) as blocker:
        window.import_paths([str(folder)])

    report = blocker.args[0]
    assert warnings == []  # no "Import failed"
    [(text, first, details)] = shown
    assert text == report.summary() == (
        "Imported 5 articles; 5 files could not be imported; 2 lines with problems in 1 file.")
    assert first.splitlines() == [
        "bomb.jsonl.gz: This compressed file expands to more than 100 times its size, as only "
        "a decompression bomb does; Marginalia stopped expanding it.",
        "empty.jsonl: The file holds no articles: it is empty.",
        "loop.txt: This is a symbolic link that leads back to itself (a loop of links), so "
        "there is no file to read.",
        "mixed.jsonl (line 1): The \"body\" field holds \\ud800, half of a UTF-16 surrogate "
        "pair and not a character: the program that wrote the file cut a character (an "
        "emoji?) in two.",
        "mixed.jsonl (line 3): Lists or objects are nested too deeply on this line to be read "
        "(hundreds of levels): no article is written like that.",
        "… and 2 more (Show Details… lists them all).",
    ]
    assert f"{folder / 'pipe.txt'}: This is a named pipe (FIFO), not a regular file" in details
    assert f"{folder / 'zero.txt'}: This is a device, not a regular file" in details
    model = window.library.model()
    titles = {model.data(model.index(row, 0)) for row in range(model.rowCount())}
    assert {"Plain and good", "Wide and good", "Brackets", "Line two", "Latin name"} <= titles
    assert window.statusBar().currentMessage() == report.summary()


def test_cancel_stops_an_import_in_the_middle_of_one_huge_file(
        qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    folder = tmp_path / "incoming"
    folder.mkdir()
    body = "word " * (3 * importers.PROGRESS_STEP // 5)  # 12 MiB on one line
    (folder / "huge.jsonl").write_text(json.dumps({"title": "Huge", "body": body}) + "\n",
                                       encoding="utf-8")
    (folder / "later.txt").write_text(GOOD.format(title="Later"), encoding="utf-8")
    before = article_count()
    # The worker waits inside the huge file until the window has cancelled, so the
    # order of events is fixed: reading has started, Cancel is clicked, reading goes on.
    clicked = threading.Event()
    waited: list[bool] = []
    real_report = importers.report

    def report(progress, done, total, message):
        real_report(progress, done, total, message)
        if message == "Reading huge.jsonl…":
            waited.append(clicked.wait(timeout=20))

    monkeypatch.setattr(importers, "report", report)
    window = make_window()
    task = window.import_paths([str(folder)])

    def on_progress(progress) -> None:
        if progress.message == "Reading huge.jsonl…" and not clicked.is_set():
            window.tasks.dialog.findChild(QPushButton).click()  # the dialog's Cancel
            clicked.set()

    task.progressed.connect(on_progress)
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as blocker:
        pass

    report_ = blocker.args[0]
    assert waited == [True]  # the reading was in the middle of the file when Cancel came
    assert report_.cancelled and report_.imported == []
    assert article_count() == before
    assert window.statusBar().currentMessage() == (
        "No articles imported; cancelled before the end.")


def test_a_refused_archive_entry_is_named_with_its_archive_in_the_message(
        qtbot, make_window, tmp_path, monkeypatch):
    import zipfile

    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: shown.append(self.informativeText()))
    archive = tmp_path / "press.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("2024/good.txt", GOOD.format(title="From the archive"))
        zipped.writestr("../escape.txt", GOOD.format(title="Escaping"))
    store_article("Already here", "Un article déjà présent.")
    window = make_window()

    with qtbot.waitSignal(window.import_finished, timeout=20_000):
        window.import_paths([str(archive)])

    assert article_count() == 2  # the good entry, beside the article already there
    assert len(shown) == 1
    assert shown[0].startswith("press.zip:../escape.txt: ")
