"""Re-importing a corrected article in the window: one undo step, and the To review dock.

The Facebook demo story (``resources/samples``, Wikinews, CC BY 2.5) is
tagged, edited by script and imported again through the window. The reader
shows the new text with the highlights at their new places, the dock lists
the annotations whose words were edited, and each decision (Enter accepts,
Delete removes, Space skips) is one undo step — as is the re-import itself.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db import reimport
from db.reads import get_annotation, get_article
from desktop.ui.review_dock import ANNOTATION, CONFIDENCE, EMPTY_TEXT, HOW, PLACE, WAS
from tests.core.test_reanchor import FACEBOOK, sample_body, sample_header, scripted_edit
from tests.core.test_reimport import FACEBOOK_EDITS, write_article
from tests.helpers import tag


@pytest.fixture
def story(db, tmp_path):
    """The story imported and tagged, and its corrected version written beside it."""
    from desktop.core.importers import import_paths

    first = write_article(tmp_path / "v1.txt", sample_header(FACEBOOK), sample_body(FACEBOOK))
    [article_id] = import_paths([first]).imported
    ids = {
        "UpGuard": tag(article_id, "UpGuard", "ORG", entity="UpGuard"),
        "50 million": tag(article_id, "50 million", "QUANTITY", value=5e7),
        "Bloomberg": tag(article_id, "Bloomberg", "ORG", entity="Bloomberg"),
        "The Guardian": tag(article_id, "The Guardian", "ORG", entity="The Guardian"),
    }
    old = get_article(article_id).body
    spans = {name: (get_annotation(i).start, get_annotation(i).end) for name, i in ids.items()}
    edited = scripted_edit(old, spans, FACEBOOK_EDITS)
    second = write_article(tmp_path / "v2.txt", sample_header(FACEBOOK), edited.body)
    return {"id": article_id, "ids": ids, "old": old, "spans": spans, "edited": edited,
            "file": second}


def _reimport(qtbot, window, story):
    with qtbot.waitSignal(window.import_finished, timeout=20_000) as blocker:
        window.import_paths([str(story["file"])])
    return blocker.args[0]


def _rows(dock) -> list[list[str]]:
    model = dock.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _highlights(spans, body_places) -> list[tuple[int, int, str]]:
    return sorted((start, end, label) for (start, end), label in zip(spans, body_places,
                                                                       strict=True))


def test_a_reimport_is_one_undo_step_and_the_reader_follows_it(qtbot, make_window, story):
    window = make_window()
    assert window.open_article(story["id"])
    old_highlights = window.reader_highlights()

    report = _reimport(qtbot, window, story)

    new_body = story["edited"].body
    assert report.updated == [(str(story["file"]), story["id"], 2, 2)]
    assert window.statusBar().currentMessage() == (
        "Updated 1 changed article (2 annotations in place, 2 to review).")
    assert window.reader.text() == new_body
    places = story["edited"].places
    assert window.reader_highlights() == sorted(
        [(*places["UpGuard"], "ORG"), (*places["The Guardian"], "ORG")])
    for start, end, _label in window.reader_highlights():
        assert new_body[start:end] in ("UpGuard", "The Guardian")
    assert window.undo_action.text() == "&Undo Re-import changed article"
    assert window.runner.stack.count() == 1

    window.undo_action.trigger()
    assert window.reader.text() == story["old"]
    assert window.reader_highlights() == old_highlights
    assert reimport.review_count() == 0
    dock = window.show_review()
    assert dock.message.isVisible() and dock.message.text() == EMPTY_TEXT

    window.redo_action.trigger()
    assert window.reader.text() == new_body
    assert dock.model().rowCount() == 2


def test_the_review_dock_lists_what_waits_and_enter_accepts(qtbot, make_window, story,
                                                            qtmodeltester):
    window = make_window()
    _reimport(qtbot, window, story)
    dock = window.show_review()
    assert dock.isVisible() and dock.objectName() == "review"
    qtmodeltester.check(dock.model(), force_py=True)
    rows = {row[ANNOTATION]: row for row in _rows(dock)}
    assert set(rows) == {"QUANTITY “50 million”", "ORG “Bloomberg”"}
    amount = rows["QUANTITY “50 million”"]
    assert "[50 million]" in amount[WAS] and "[87 million]" in amount[PLACE]
    assert amount[HOW] == "reworded" and amount[CONFIDENCE].endswith(" %")
    assert "2 annotations to review" in dock.status_label.text()
    assert dock.table.hasFocus()

    # Choosing a row shows its place in the reader.
    row = next(r for r in range(2) if dock.model().item(r).quote == "50 million")
    dock.table.setCurrentIndex(dock.model().index(row, ANNOTATION))
    item = dock.current_item()
    assert window.current_article_id() == story["id"]
    cursor = window.reader.body.textCursor()
    assert window.reader.text()[item.candidate[0]:item.candidate[1]] == "87 million"
    assert (cursor.selectionEnd() - cursor.selectionStart()) == len("87 million")

    steps = window.runner.stack.count()
    qtbot.keyClick(dock.table, Qt.Key.Key_Return)
    annotation_id = story["ids"]["50 million"]
    record = get_annotation(annotation_id)
    assert record is not None and record.quote == "87 million" and record.value == 5e7
    assert (record.start, record.end, "QUANTITY") in window.reader_highlights()
    assert [r[ANNOTATION] for r in _rows(dock)] == ["ORG “Bloomberg”"]
    assert window.runner.stack.count() == steps + 1
    assert window.undo_action.text() == "&Undo Accept the new place of “50 million”"

    # Ctrl+Z from the list itself, where the focus is after Enter.
    qtbot.keyClick(dock.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_annotation(annotation_id) is None
    assert dock.model().rowCount() == 2
    assert all(h[0] != record.start for h in window.reader_highlights())


def test_delete_removes_and_space_skips(qtbot, make_window, story):
    window = make_window()
    _reimport(qtbot, window, story)
    dock = window.show_review()
    steps = window.runner.stack.count()

    first = dock.current_item()
    qtbot.keyClick(dock.table, Qt.Key.Key_Space)
    assert dock.current_item() != first  # skipped: the next one, nothing written
    assert window.runner.stack.count() == steps and dock.model().rowCount() == 2

    skipped_to = dock.current_item()
    qtbot.keyClick(dock.table, Qt.Key.Key_Delete)
    assert reimport.review_row(skipped_to.annotation_id) is None
    assert [item.annotation_id for item in dock.model().items()] == [first.annotation_id]
    assert window.runner.stack.count() == steps + 1

    window.undo_action.trigger()
    assert reimport.review_row(skipped_to.annotation_id) is not None
    assert dock.model().rowCount() == 2


def test_the_list_is_there_after_a_restart_from_the_view_menu(qtbot, make_window, story):
    window = make_window()
    _reimport(qtbot, window, story)
    window.close()

    again = make_window()
    assert again.review_action.shortcut().toString() == "Ctrl+7"
    again.review_action.trigger()
    dock = again.show_review()
    assert dock.model().rowCount() == 2
    assert not again.runner.stack.canUndo()  # the undo history is the session's
