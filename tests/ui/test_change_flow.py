"""One write path, one change channel: what a user action writes, reads and tells the views."""

from __future__ import annotations

import re
import sqlite3

from PySide6.QtCore import Qt

from db import reads
from db.models import Entity, EntityAlias, database
from tests.helpers import open_showing_suggestions, store_article


class Statements:
    """Every SQL statement the models' connection runs while recording."""

    def __init__(self) -> None:
        self.sql: list[str] = []

    def __enter__(self) -> Statements:
        database.connection().set_trace_callback(self._seen)
        return self

    def _seen(self, sql: str) -> None:
        # SQLite reports a statement again at the start of each trigger it
        # fires (the summaries' and the search index's): count it once.
        if not self.sql or self.sql[-1] != sql:
            self.sql.append(sql)

    def __exit__(self, *exc: object) -> None:
        database.connection().set_trace_callback(None)

    def writes(self) -> list[str]:
        return [s for s in self.sql
                if re.match(r"\s*(INSERT|UPDATE|DELETE)", s, re.IGNORECASE)]

    def transactions(self) -> int:
        return sum(1 for s in self.sql if re.match(r"\s*BEGIN", s, re.IGNORECASE))

    def selects_from_annotation(self) -> list[str]:
        return [s for s in self.sql if re.match(r"\s*SELECT", s, re.IGNORECASE)
                and re.search(r'FROM\s+"?annotation"?', s, re.IGNORECASE)]


def _select_word(window, word: str) -> tuple[int, int]:
    start = window.reader.text().index(word)
    window.select_range(start, start + len(word))
    return start, start + len(word)


def test_a_key_press_is_one_write_transaction_and_reads_nothing_back(qtbot, make_window):
    article_id = store_article("Clé", "OpenAI signe avec AWS un contrat de 38 milliards.")
    window = make_window()
    open_showing_suggestions(qtbot, window, article_id, timeout=5_000)
    start, end = _select_word(window, "AWS")

    with Statements() as seen:
        qtbot.keyClick(window.reader.body, Qt.Key.Key_1)

    [stored] = reads.annotations_for_article(article_id)
    assert (stored.start, stored.end, stored.quote) == (start, end, "AWS")
    assert stored.entity_id == Entity.get(Entity.name == "AWS").id  # entities by default
    assert seen.transactions() == 1
    assert [w.split("(")[0].strip() for w in seen.writes()] == [  # meta: the id given
        'INSERT INTO "meta"', 'INSERT INTO "entity"', 'INSERT INTO "annotation"']
    assert seen.selects_from_annotation() == []  # no view read the new row back
    # …and yet every view shows it.
    assert window.reader_highlights() == [(start, end, "ORG")]
    assert window.panel.annotation_count() == 1
    model = window.library.model()
    assert model.data(model.index(model.row_of(article_id), 4)) in (1, "1")


def test_linking_a_mention_creates_entity_and_alias_in_the_step_and_undo_removes_them(
        qtbot, make_window):
    article_id = store_article("Alias", "AWS et OpenAI signent.")
    window = make_window()
    window.open_article(article_id)
    _select_word(window, "AWS")
    annotation_id = window.tag_selection("ORG")
    steps = window.runner.stack.count()
    aws = reads.get_annotation(annotation_id).entity_id  # tagged, it names "AWS"
    assert [e.name for e in Entity.select()] == ["AWS"]

    window.edit_annotation(annotation_id, {"entity": "Amazon Web Services"})

    entity = Entity.get(Entity.name == "Amazon Web Services")
    assert [a.alias for a in EntityAlias.select()] == ["AWS"]
    assert reads.get_annotation(annotation_id).entity_id == entity.id
    assert window.runner.stack.count() == steps + 1  # one undo step for all three writes
    tooltip = window.reader.highlights_at(1)[0].tooltip
    assert "Amazon Web Services" in tooltip

    window.undo_action.trigger()
    assert [e.name for e in Entity.select()] == ["AWS"]
    assert EntityAlias.select().count() == 0
    assert reads.get_annotation(annotation_id).entity_id == aws
    assert "Amazon Web Services" not in window.reader.highlights_at(1)[0].tooltip

    window.redo_action.trigger()  # the same entity again, under the same id
    assert Entity.get(Entity.name == "Amazon Web Services").id == entity.id
    assert reads.get_annotation(annotation_id).entity_id == entity.id


def test_a_failed_undo_is_reported_and_the_stack_stays_truthful(qtbot, make_window,
                                                                 monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    article_id = store_article("Échec", "Nvidia fournit des GPU.")
    window = make_window()
    window.open_article(article_id)
    _select_word(window, "Nvidia")
    window.tag_selection("ORG")
    index = window.runner.stack.index()

    def deny_deletes(action, *_args):
        return sqlite3.SQLITE_DENY if action == sqlite3.SQLITE_DELETE else sqlite3.SQLITE_OK

    database.connection().set_authorizer(deny_deletes)
    try:
        window.undo_action.trigger()
    finally:
        database.connection().set_authorizer(None)

    assert shown and "could not be saved" in shown[0]
    assert window.runner.stack.index() == index  # the step is still done…
    assert [a.quote for a in reads.annotations_for_article(article_id)] == ["Nvidia"]
    assert window.reader_highlights() == [(0, 6, "ORG")]  # …and still shown

    window.undo_action.trigger()  # and can be undone once the database lets it
    assert reads.annotations_for_article(article_id) == []
    assert window.runner.stack.index() == index - 1


def _org_renamed_in_the_labels_dialog(qtbot, make_window, name: str):
    """A window on "Nvidia fournit des GPU." with Nvidia tagged ORG, and the Labels
    dialog in which ORG was just renamed ``name``; returns both."""
    from desktop.ui.labels_dialog import LabelsDialog

    article_id = store_article("Étiquettes", "Nvidia fournit des GPU.")
    window = make_window()
    window.open_article(article_id)
    _select_word(window, "Nvidia")
    window.tag_selection("ORG")
    dialog = LabelsDialog(window.commands.run_reporting, window)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    dialog.name_edit.setText(name)
    dialog.name_edit.editingFinished.emit()
    return window, dialog


def test_the_label_dialog_writes_through_the_undo_stack(qtbot, make_window, monkeypatch):
    from desktop.ui.labels_dialog import NAME

    window, dialog = _org_renamed_in_the_labels_dialog(qtbot, make_window, "COMPANY")

    assert dialog.table.item(0, NAME).text() == "COMPANY"
    assert window.reader_highlights() == [(0, 6, "COMPANY")]
    assert window.undo_action.text() == "&Undo Rename ORG to COMPANY"

    window.undo_action.trigger()
    assert [lb.name for lb in reads.labels()][0] == "ORG"
    assert window.reader_highlights() == [(0, 6, "ORG")]


def test_setting_the_currency_is_undoable(qtbot, make_window):
    article_id = store_article("Dollars", "Un contrat de 38 milliards de dollars.",
                               source="https://www.ledevoir.com/x")
    window = make_window()
    open_showing_suggestions(qtbot, window, article_id, timeout=5_000)
    before = reads.get_article(article_id)
    assert before is not None

    window.suggestions.set_currency("EUR")
    from db.suggestions import currency_hint

    assert currency_hint(article_id) == "EUR"
    qtbot.waitUntil(lambda: any(s.unit == "EUR" for s in window.suggestions.suggestions()))
    window.undo_action.trigger()
    assert currency_hint(article_id) is None
    qtbot.waitUntil(lambda: all(s.unit != "EUR" for s in window.suggestions.suggestions()))


def test_an_import_of_annotated_jsonl_updates_an_open_corpus_plot(qtbot, make_window,
                                                                  tmp_path):
    import json

    window = make_window()
    dock = window.show_plots()
    dock.set_kind("entities")
    dock.set_scope("corpus")
    dock.schedule_refresh()
    dock.refresh_timer.timeout.emit()
    qtbot.waitUntil(lambda: not dock.is_busy(), timeout=10_000)
    assert dock.figure().bars == ()
    lines = [json.dumps({
        "title": f"Article {i}", "body": f"Nvidia vend des puces, épisode {i}.", "lang": "fr",
        "annotations": [{"start": 0, "end": 6, "text": "Nvidia", "label": "ORG",
                         "entity": "Nvidia"}]}) for i in range(3)]
    path = tmp_path / "annotated.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.import_paths([str(path)])
    # The import's change reached the dock: it redraws by itself (debounced).
    with qtbot.waitSignal(dock.refreshed, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: not dock.is_busy(), timeout=10_000)
    assert [(b.name, b.count) for b in dock.figure().bars] == [("Nvidia", 3)]


def test_the_stack_moved_directly_still_undoes_and_redoes(qtbot, make_window):
    """An undo view or a script may call the QUndoStack itself."""
    article_id = store_article("Pile", "Nvidia fournit des GPU.")
    window = make_window()
    window.open_article(article_id)
    _select_word(window, "Nvidia")
    window.tag_selection("ORG")

    window.runner.stack.undo()
    assert reads.annotations_for_article(article_id) == []
    assert window.reader_highlights() == []
    window.runner.stack.redo()
    assert [a.quote for a in reads.annotations_for_article(article_id)] == ["Nvidia"]
    assert window.reader_highlights() == [(0, 6, "ORG")]


def test_removing_one_end_of_a_deal_updates_the_other_ends_tooltip(qtbot, make_window):
    article_id = store_article("Accord", "AWS reçoit 38 milliards de dollars.")
    window = make_window()
    window.open_article(article_id)
    _select_word(window, "AWS")
    aws = window.tag_selection("ORG")
    start, _ = _select_word(window, "38 milliards de dollars")
    money = window.tag_selection("MONEY")
    assert window.link_selected([money, aws]) == 1
    assert "linked to AWS" in window.reader.highlights_at(start)[0].tooltip
    assert "linked to 38 milliards" in window.reader.highlights_at(0)[0].tooltip

    window.remove_annotations([aws])
    assert "linked to" not in window.reader.highlights_at(start)[0].tooltip
    window.undo_action.trigger()
    assert "linked to AWS" in window.reader.highlights_at(start)[0].tooltip


def test_the_only_article_imported_opens_at_once(qtbot, make_window, tmp_path):
    store_article("Déjà là", "Un premier article.")
    window = make_window()
    path = tmp_path / "nouveau.txt"
    path.write_text("title: Nouveau\n\nNvidia livre des GPU à OpenAI.\n", encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=10_000):
        window.import_paths([str(path)])
    assert window.reader.text().startswith("Nvidia livre des GPU")
    assert window.windowTitle().startswith("Nouveau")


def test_renaming_an_entity_elsewhere_renames_what_is_proposed_here(qtbot, make_window):
    from desktop.core.entity_operations import RenameEntity

    tagged = store_article("Un", "OpenAI signe.")
    shown = store_article("Deux", "Le rival d’OpenAI répond.")
    window = make_window()
    window.open_article(tagged)
    _select_word(window, "OpenAI")
    openai = reads.get_annotation(window.tag_selection("ORG")).entity_id
    window.open_article(shown)
    qtbot.waitUntil(lambda: [s.entity for s in window.suggestions.suggestions()] == ["OpenAI"])
    assert window.runner.run(RenameEntity(openai, "OpenAI Group"))
    qtbot.waitUntil(
        lambda: [s.entity for s in window.suggestions.suggestions()] == ["OpenAI Group"])


def test_an_ampersand_in_a_name_shows_in_menus_and_takes_no_key(qtbot, make_window):
    """"R&D" in the Undo entry and in right-click ▸ Tag as reads "R&D"; "&" marks no key."""
    from desktop.ui.cheat_sheet import mnemonic, plain
    from desktop.ui.plain_text import as_menu_text

    assert [plain(as_menu_text(t)) for t in ("AT&T", "R&&D", "&", "")] == [
        "AT&T", "R&&D", "&", ""]
    window, _dialog = _org_renamed_in_the_labels_dialog(qtbot, make_window, "R&D")

    undo = window.undo_action.text()
    assert plain(undo) == "Undo Rename ORG to R&D" and mnemonic(undo) == "U"
    _select_word(window, "GPU")
    tag_as = next(a.menu() for a in window.reader.context_menu(
        window.reader.body.viewport().rect().center()).actions() if a.menu() is not None)
    assert "R&D" in [plain(a.text()) for a in tag_as.actions()]
