"""File ▸ Export…: the format, then the scope, then the file; in the background, cancellable."""

from __future__ import annotations

import json
import threading
import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from tests.helpers import store_article, tag

# spaCy is loaded whole here, at collection, before any window's name suggestions load it
# on a thread of their own: two threads importing it at once can see it half-imported.
pytest.importorskip("spacy.tokens")


@pytest.fixture
def articles(db) -> list[int]:
    ids = [store_article(f"Article {n} & co", f"OpenAI 😀 signe avec AWS, numéro {n}.")
           for n in range(3)]
    for article in ids:
        tag(article, "AWS", "ORG", entity="Amazon Web Services")
    return ids


def _save_as(monkeypatch, path, asked: list | None = None) -> None:
    def answer(*args, **kwargs):
        if asked is not None:
            asked.append(args)
        return str(path), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def _export(qtbot, window, fmt: str, scope: str, monkeypatch):
    failures: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_: (
        failures.append(text), QMessageBox.StandardButton.Ok)[1])
    window.export_action.trigger()
    dialog = window.transfers.export_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_format(fmt)
    getattr(dialog, scope).click()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    task = window.tasks.current
    assert task is not None
    finished: list = []
    window.transfers.export_finished.connect(finished.append)
    qtbot.waitUntil(lambda: not task.is_running(), timeout=30_000)
    qtbot.waitUntil(lambda: bool(finished or failures), timeout=30_000)
    assert failures == []
    return finished[0]


def test_this_article_in_brat_asks_for_a_zip_and_says_what_it_wrote(
        qtbot, make_window, articles, tmp_path, monkeypatch):
    window = make_window()
    window.open_article(articles[1])
    asked: list = []
    _save_as(monkeypatch, tmp_path / "brat-export", asked)  # the suffix is added

    result = _export(qtbot, window, "brat", "this_article", monkeypatch)

    out = tmp_path / "brat-export.zip"
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == sorted([
            f"article-{articles[1]}.txt", f"article-{articles[1]}.ann", "annotation.conf",
            "visual.conf"])
        ann = archive.read(f"article-{articles[1]}.ann").decode("utf-8")
    assert ann.startswith("T1\tORG 20 23\tAWS\n")  # code points: 😀 counts one
    assert "brat standoff, zipped (*.zip)" in asked[0]
    assert result.count == 1
    assert window.statusBar().currentMessage() == f"Exported 1 article to {out}."


def test_the_dialog_offers_the_open_article_and_the_library_selection(
        qtbot, make_window, articles, tmp_path, monkeypatch):
    window = make_window()
    window.open_article(articles[0])
    library = window.library
    library.table.selectRow(0)
    library.table.selectionModel().select(
        library.model().index(2, 0),
        library.table.selectionModel().SelectionFlag.Select
        | library.table.selectionModel().SelectionFlag.Rows)
    selected = library.selected_article_ids()
    assert len(selected) == 2
    _save_as(monkeypatch, tmp_path / "two.jsonl")

    window.export_action.trigger()
    dialog = window.transfers.export_dialog
    title = window.active.article.title  # the library opens the row it selects
    assert "&" in title and dialog.this_article.text() == (
        f"This article: “{title.replace('&', '&&')}”")  # a button shows "&&" as "&"
    assert dialog.selection.text() == "The 2 articles selected in the library"
    assert dialog.everything.text() == "Every article (3)" and dialog.everything.isChecked()
    dialog.reject()
    _export(qtbot, window, "jsonl", "selection", monkeypatch)

    lines = [json.loads(line) for line in
             (tmp_path / "two.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == selected


def test_without_an_article_or_a_selection_only_everything_is_offered(
        qtbot, make_window, db, tmp_path):
    window = make_window()
    window.export_action.trigger()
    dialog = window.transfers.export_dialog

    assert not dialog.this_article.isEnabled() and not dialog.selection.isEnabled()
    assert dialog.article_ids() is None
    dialog.set_format("refi-qda")
    assert "code points" in dialog.about.text()
    dialog.reject()


def test_annotations_a_format_cannot_carry_are_listed(qtbot, make_window, articles, tmp_path,
                                                     monkeypatch):
    tag(articles[0], "Open", "PRODUCT")  # inside the spaCy token "OpenAI"
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box))
    window = make_window()
    _save_as(monkeypatch, tmp_path / "train.spacy")

    result = _export(qtbot, window, "spacy", "everything", monkeypatch)

    assert [left.text for left in result.left_out] == ["Open"]
    [box] = shown
    assert box.windowTitle() == "Some annotations were not exported"
    assert f"article {articles[0]}, annotation " in box.detailedText()
    assert "“Open”" in box.informativeText()


def test_cancel_in_the_middle_writes_nothing(qtbot, make_window, articles, tmp_path,
                                            monkeypatch):
    from desktop.core import exporters

    cancelled = threading.Event()
    load_chunk = exporters._load_chunk
    calls = []

    def slow_second_chunk(ids, *args):
        calls.append(ids)
        if len(calls) == 2:  # the first chunk is written; wait for Cancel
            assert cancelled.wait(10)
        return load_chunk(ids, *args)

    monkeypatch.setattr(exporters, "CHUNK", 1)
    monkeypatch.setattr(exporters, "_load_chunk", slow_second_chunk)
    window = make_window()
    out = tmp_path / "cancelled.jsonld"
    _save_as(monkeypatch, out)
    window.export_action.trigger()
    dialog = window.transfers.export_dialog
    dialog.set_format("w3c")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    task = window.tasks.current
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=10_000)

    progress = window.tasks.dialog
    qtbot.waitUntil(progress.isVisible, timeout=10_000)  # shown after 600 ms of work
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
        cancelled.set()

    qtbot.waitUntil(lambda: not task.is_running(), timeout=10_000)
    assert list(tmp_path.glob("*.jsonld")) == [] and list(tmp_path.glob(".*.part")) == []
    assert window.statusBar().currentMessage() == f"Export cancelled; {out} was not written."
    QApplication.processEvents()
