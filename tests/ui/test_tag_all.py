"""Tag all occurrences: a preview of how many and where, then one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db import annotations as store
from tests.ui.conftest import store_article


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

    dialog.corpus_radio.setChecked(True)
    assert dialog.count_label.text() == "4 untagged mentions in 2 articles."
    assert dialog.preview.count() == 4
    assert "[d’OpenAI]" not in dialog.preview.item(0).text()
    assert "[OpenAI]" in dialog.preview.item(0).text()

    with qtbot.waitSignal(window.runner.busy_changed, check_params_cb=lambda busy: not busy):
        operation = window.tag_occurrences(dialog.occurrences, dialog.label_id(),
                                           dialog.entity_id)
    assert len(operation.ids) == 4
    assert [a.quote for a in store.annotations_for_article(second)] == [
        "OpenAI", "openai", "openai"]
    assert len(store.annotations_for_article(first)) == 2
    model = window.library.model()
    assert model.data(model.index(model.row_of(second), 4)) in (3, "3")  # the Tags column

    with qtbot.waitSignal(window.runner.busy_changed, check_params_cb=lambda busy: not busy):
        window.undo_action.trigger()  # one step removes all four, off the GUI thread too
    assert store.annotations_for_article(second) == []
    assert [a.quote for a in store.annotations_for_article(first)] == ["OpenAI"]
