"""Tag all occurrences: a preview of how many and where, then one undo step."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from db import annotations as store
from db.articles import NewArticle, insert_articles
from db.models import Annotation
from desktop.core.text import content_hash
from tests.helpers import store_article


def test_preview_counts_mentions_in_the_article_and_the_corpus(qtbot, make_window):
    window = make_window()
    first = store_article("Un", "OpenAI signe avec AWS. L’offre d’OpenAI plaît à OpenAIs.")
    second = store_article("Deux", "Microsoft et OpenAI. Rien sur openai ici ? Si : openai.")
    store_article("Trois", "Aucun rapport.")
    window.library.refresh()  # stored behind the window's back
    window.open_article(first)
    body = window.reader.text()
    window.select_range(0, 6)
    qtbot.keyClick(window.reader.body, Qt.Key.Key_1)
    window.select_range(body.index("OpenAI", 5), body.index("OpenAI", 5) + 2)  # sloppy

    dialog = window.tag_all_dialog()
    qtbot.addWidget(dialog)
    assert dialog.term_edit.text() == "OpenAI"
    assert dialog.label_combo.currentText() == "ORG"
    assert len(dialog.occurrences) == 1  # "d’OpenAI"; not "OpenAIs", not the tagged one
    assert dialog.count_label.text() == "1 untagged mention in this article."

    # The corpus is searched by a worker.
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.corpus_radio.setChecked(True)
    assert dialog.count_label.text() == "4 untagged mentions in 2 articles."
    assert dialog.preview.count() == 4
    assert "[d’OpenAI]" not in dialog.preview.item(0).text()
    assert "[OpenAI]" in dialog.preview.item(0).text()

    with qtbot.waitSignal(window.runner.busy_changed, timeout=WAIT_MS,
                          check_params_cb=lambda busy: not busy):
        operation = window.tag_occurrences(dialog.occurrences, dialog.label_id(),
                                           dialog.entity_id)
    assert len(operation.ids) == 4
    assert [a.quote for a in store.annotations_for_article(second)] == [
        "OpenAI", "openai", "openai"]
    assert len(store.annotations_for_article(first)) == 2
    model = window.library.model()
    assert model.data(model.index(model.row_of(second), 4)) in (3, "3")  # the Tags column

    with qtbot.waitSignal(window.runner.busy_changed, timeout=WAIT_MS,
                          check_params_cb=lambda busy: not busy):
        window.undo_action.trigger()  # one step removes all four, off the GUI thread too
    assert store.annotations_for_article(second) == []
    assert [a.quote for a in store.annotations_for_article(first)] == ["OpenAI"]


# --- a large corpus: the work runs off the GUI thread -----------------------------------

BIG = 3000  # articles, each with three mentions of "Nvidia"
AMD_EVERY, INTEL_EVERY = 10, 15  # one article in ten also names AMD, one in fifteen Intel
WAIT_MS = 60_000  # generous: the machine may be busy; nothing here asserts on time


@pytest.fixture
def big_corpus(db) -> list[int]:
    """BIG articles stored at once (one transaction); their ids."""
    articles = []
    for i in range(BIG):
        body = (f"Article {i}. Nvidia annonce ses résultats. Les puces de Nvidia se vendent "
                f"bien ; Nvidia recrute.")
        if i % AMD_EVERY == 0:
            body += " AMD répond."
        if i % INTEL_EVERY == 0:
            body += " Intel attend."
        articles.append(NewArticle(f"Nvidia {i}", body, content_hash(body), "fr"))
    return insert_articles(articles)


class Ticks:
    """Counts the ticks of a 10 ms timer in the GUI thread: they stop if it is blocked.

    (A 0 ms timer would also do, but it takes the GIL from the worker so often
    that it slows the work it watches several times.)
    """

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1

    def stop(self) -> None:
        self.timer.stop()


def _org(window: Any) -> int:
    return next(lb.id for lb in window.labels.by_id.values() if lb.name == "ORG")


def _corpus_dialog(window: Any, term: str) -> Any:
    """The dialog over the whole corpus (no article open), its search started."""
    from desktop.ui.tag_all_dialog import TagAllDialog

    return TagAllDialog(term, list(window.labels.by_id.values()), _org(window), None,
                        None, window)


def _preview(qtbot: Any, window: Any, term: str) -> list[Any]:
    dialog = _corpus_dialog(window, term)
    qtbot.addWidget(dialog)
    if dialog.is_searching():
        with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
            pass
    return dialog.occurrences


def _not_busy(qtbot: Any, window: Any) -> Any:
    return qtbot.waitSignal(window.runner.busy_changed, timeout=WAIT_MS,
                            check_params_cb=lambda busy: not busy)


def _window(make_window: Any) -> Any:
    """A window with its library built, as it is after the first paint."""
    window = make_window()
    window.library.refresh()
    return window


def test_tagging_a_large_corpus_keeps_the_window_responsive(qtbot, make_window, big_corpus):
    window = _window(make_window)
    occurrences = _preview(qtbot, window, "Nvidia")
    assert len(occurrences) == 3 * BIG
    depth = window.runner.stack.count()

    ticks = Ticks()
    with _not_busy(qtbot, window):
        operation = window.tag_occurrences(occurrences, _org(window))
        assert operation is not None and window.runner.busy  # started, not done yet
        before = ticks.count
        # Another change meanwhile waits: said in the status bar, nothing written.
        window.open_article(big_corpus[0])
        window.select_range(0, 6)
        assert window.tag_selection("PRODUCT") is None
        assert "Please wait" in window.statusBar().currentMessage()
    during = ticks.count - before
    ticks.stop()
    assert during > 5  # the event loop kept turning while the worker tagged
    assert len(operation.ids) == 3 * BIG
    assert Annotation.select().count() == 3 * BIG
    assert window.runner.stack.count() == depth + 1
    assert store.annotation_count(big_corpus[-1]) == 3

    with _not_busy(qtbot, window):
        window.undo_action.trigger()  # one step, also on the worker thread
    assert Annotation.select().count() == 0
    assert window.runner.stack.index() == depth


def test_cancelling_a_large_tag_all_stores_nothing(qtbot, make_window, big_corpus):
    window = _window(make_window)
    occurrences = _preview(qtbot, window, "Nvidia")
    depth = window.runner.stack.count()
    ended: list[bool] = []

    operation = window.tag_occurrences(occurrences, _org(window), on_done=ended.append)
    task = window.tasks.current
    assert operation is not None and task is not None
    with qtbot.waitSignal(task.done, timeout=WAIT_MS):
        task.cancel()  # before the worker could store anything
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=WAIT_MS)
    assert ended == [False]
    assert Annotation.select().count() == 0
    assert operation.ids == []
    assert window.runner.stack.count() == depth
    assert window.tasks.current is None

    # The window still tags at a key press.
    window.open_article(big_corpus[0])
    body = window.reader.text()
    window.select_range(body.index("Nvidia"), body.index("Nvidia") + len("Nvidia"))
    qtbot.keyClick(window.reader.body, Qt.Key.Key_1)
    assert [a.quote for a in store.annotations_for_article(big_corpus[0])] == ["Nvidia"]
    assert window.runner.stack.count() == depth + 1


def test_corpus_preview_runs_on_a_worker_and_only_the_newest_is_shown(
        qtbot, make_window, big_corpus):
    window = _window(make_window)
    ticks = Ticks()
    dialog = _corpus_dialog(window, "Nvidia")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.is_searching()  # the constructor returned before the search ended
    assert dialog.count_label.text().startswith("Looking for mentions…")
    assert not ok.isEnabled() and dialog.occurrences == []
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        before = ticks.count
    assert ticks.count - before >= 3  # the GUI thread kept turning meanwhile
    ticks.stop()
    assert dialog.count_label.text() == f"{3 * BIG} untagged mentions in {BIG} articles."
    assert ok.isEnabled() and ok.text() == f"Tag {3 * BIG}"
    assert dialog.preview.count() == 500  # PREVIEW_LIMIT rows; the count says all

    shown: list[str] = []
    dialog.preview_ready.connect(lambda: shown.append(dialog.term_edit.text()))
    dialog.term_edit.setText("AMD")
    dialog.term_edit.editingFinished.emit()
    first = dialog.search
    assert first is not None and not ok.isEnabled()
    dialog.term_edit.setText("Intel")  # before AMD's result came
    dialog.term_edit.editingFinished.emit()
    assert first.cancel_token.cancelled and dialog.search is not first
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(lambda: not dialog.has_workers(), timeout=WAIT_MS)  # AMD's too
    intel = len(range(0, BIG, INTEL_EVERY))
    assert shown == ["Intel"]  # AMD's (partial) result was never shown
    assert {o.text for o in dialog.occurrences} == {"Intel"}
    assert dialog.count_label.text() == f"{intel} untagged mentions in {intel} articles."
    assert ok.isEnabled()

    # Closing while a search runs cancels it and waits for its thread.
    dialog.term_edit.setText("Nvidia")
    dialog.term_edit.editingFinished.emit()
    running = dialog.search
    assert running is not None
    dialog.reject()
    assert running.cancel_token.cancelled and not running.is_running()
    assert not dialog.has_workers()
