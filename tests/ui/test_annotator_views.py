"""View ▸ Annotators: a pane shows everyone's annotations, one annotator's, or where they differ."""

from __future__ import annotations

from dataclasses import replace

import pytest

from db import reads
from desktop.ui import settings as keys
from desktop.ui.annotator_filter import EVERYONE, WHERE_THEY_DIFFER, only
from tests.helpers import store_article, tag

TEXT = ("Amazon Web Services signs a $38 billion deal with OpenAI. "
        "AWS will supply GPUs bought from Nvidia.")
ALICE = [("Amazon Web Services", "ORG"), ("OpenAI", "ORG"), ("$38 billion", "MONEY"),
         ("Nvidia", "ORG")]
BOB = [("Amazon Web Services", "ORG"), ("OpenAI", "PERSON"), ("38 billion", "MONEY"),
       ("GPUs", "PRODUCT")]


def _span(word: str, label: str) -> tuple[int, int, str]:
    start = TEXT.index(word)
    return start, start + len(word), label


def _spans(pairs) -> list[tuple[int, int, str]]:
    return sorted(_span(word, label) for word, label in pairs)


@pytest.fixture
def article(db) -> int:
    article_id = store_article("Deal", TEXT, "en")
    for author, pairs in (("alice", ALICE), ("bob", BOB)):
        for word, label in pairs:
            tag(article_id, word, label, author=author)
    return article_id


@pytest.fixture
def window(make_window, article):
    window = make_window()
    window.open_article(article)
    window.panel  # noqa: B018 (built now rather than after the first paint)
    return window


def _panel_rows(panel) -> list[tuple[str, list[str]]]:
    model = panel.model()
    rows = []
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        rows.append((group.data(), [model.index(r, 0, group).data()
                                    for r in range(model.rowCount(group))]))
    return rows


def _choose(window, text: str) -> None:
    """Triggers the View ▸ Annotators entry whose text (without "&") is ``text``."""
    entries = window.annotators_menu.entries()
    action = next(a for a in entries if a.text().replace("&", "") == text)
    action.trigger()


def test_the_menu_lists_everyone_each_author_and_where_they_differ(window):
    entries = window.annotators_menu.entries()
    assert [a.text() for a in entries] == ["&Everyone", "&1 alice", "&2 bob",
                                           "Where they &differ"]
    assert [a.isChecked() for a in entries] == [True, False, False, False]
    assert window.annotators_menu.menuAction() in window._view_menu.actions()


def test_one_annotator_shows_exactly_their_highlights_and_rows(window):
    _choose(window, "1 alice")
    assert window.active.annotator_filter == only("alice")
    assert window.reader_highlights() == _spans(ALICE)
    assert _panel_rows(window.panel) == [
        ("ORG (3)", ["“Amazon Web Services”", "“OpenAI”", "“Nvidia”"]),
        ("MONEY (1)", ["“$38 billion”"])]
    assert window.reader.view_note() == "Only alice’s annotations: 4 of 8 shown"
    assert window.reader._view_note.isVisibleTo(window)
    assert [a.isChecked() for a in window.annotators_menu.entries()] == [
        False, True, False, False]

    _choose(window, "2 bob")
    assert window.reader_highlights() == _spans(BOB)
    assert window.panel.annotation_count() == 4

    window.reader.view_reset_requested.emit()  # "Show everyone" in the header
    assert window.active.annotator_filter == EVERYONE
    assert window.reader_highlights() == sorted(_spans(ALICE) + _spans(BOB))
    assert window.panel.annotation_count() == 8
    assert not window.reader._view_note.isVisibleTo(window)


def test_where_they_differ_hides_what_both_give_identically(window):
    _choose(window, "Where they differ")
    assert window.active.annotator_filter == WHERE_THEY_DIFFER
    shared = _span("Amazon Web Services", "ORG")
    expected = sorted(set(_spans(ALICE) + _spans(BOB)) - {shared})
    assert window.reader_highlights() == expected
    assert window.panel.annotation_count() == 6
    assert [group for group, _rows in _panel_rows(window.panel)] == [
        "ORG (2)", "PERSON (1)", "PRODUCT (1)", "MONEY (2)"]
    assert window.reader.view_note() == "Only where the annotators differ: 6 of 8 shown"


def test_changes_arriving_follow_the_filter(window, article):
    from desktop.core.operations import AddAnnotations, new_annotation

    _choose(window, "1 alice")
    deal = _span("deal", "ORG")
    org = next(label for label in reads.labels() if label.name == "ORG")
    # Bob's new annotation (from this window or, later, another one) stays hidden.
    by_bob = AddAnnotations([new_annotation(TEXT, article, org.id, deal[0], deal[1],
                                            author="bob")])
    assert window.runner.run(by_bob)
    assert window.reader_highlights() == _spans(ALICE)
    assert window.panel.annotation_count() == 4
    assert window.reader.view_note() == "Only alice’s annotations: 4 of 9 shown"
    by_alice = AddAnnotations([new_annotation(TEXT, article, org.id, deal[0], deal[1],
                                              author="alice")])
    assert window.runner.run(by_alice)
    assert deal in window.reader_highlights()
    assert window.panel.annotation_count() == 5

    # Where they differ: now that both tagged "deal" alike, it is not shown; undone, it is.
    _choose(window, "Where they differ")
    assert deal not in window.reader_highlights()
    window.undo_action.trigger()  # alice's "deal" goes: bob's alone differs now
    assert deal in window.reader_highlights()
    assert window.panel.annotation_count() == 7


def test_tagging_while_another_annotator_is_shown_shows_everyone_again(qtbot, window):
    window.settings.set(keys.AUTHOR, "carol")
    _choose(window, "2 bob")
    start = TEXT.index("deal")
    window.select_range(start, start + 4)
    annotation_id = window.tag_selection("ORG")
    assert reads.get_annotation(annotation_id).author == "carol"
    qtbot.waitUntil(lambda: window.active.annotator_filter == EVERYONE)
    assert (start, start + 4, "ORG") in window.reader_highlights()
    assert window.panel.annotation_count() == 9
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == (
        "Tagged “deal” as ORG. This pane showed only bob’s annotations: it shows everyone’s "
        "again, so that yours (by carol) show too."))

    _choose(window, "3 carol")  # one's own view: a new tag of one's own shows at once
    window.select_range(TEXT.index("AWS"), TEXT.index("AWS") + 3)
    window.tag_selection("ORG")
    assert window.active.annotator_filter == only("carol")
    assert len(window.reader_highlights()) == 2


def test_each_pane_has_its_filter_and_the_panel_follows_the_focused_one(window, article):
    left = window.active
    _choose(window, "1 alice")
    right = window.open_beside(article)
    assert right is left  # the same article, no filter asked: the pane showing it
    right = window.open_beside(article, only("bob"))
    assert right is not left and window.active is right
    assert right.highlights() == _spans(BOB)
    assert left.highlights() == _spans(ALICE)
    assert window.panel.annotation_count() == 4
    assert [a.isChecked() for a in window.annotators_menu.entries()] == [
        False, False, True, False]

    window.focus_pane(left)
    _choose(window, "Everyone")
    assert window.panel.annotation_count() == 8
    window.focus_pane(right)
    assert _panel_rows(window.panel) == [
        ("ORG (1)", ["“Amazon Web Services”"]), ("PERSON (1)", ["“OpenAI”"]),
        ("PRODUCT (1)", ["“GPUs”"]), ("MONEY (1)", ["“38 billion”"])]
    assert window.library.model().rowCount() == 1  # the library is never filtered


def test_a_filter_stays_when_the_pane_opens_another_article(window):
    other = store_article("Other", "Nothing tagged here by anyone.", "en")
    _choose(window, "1 alice")
    window.open_article(other)
    assert window.reader_highlights() == []
    assert window.reader.view_note() == "Only alice’s annotations: 0 of 0 shown"
    assert [a.text() for a in window.annotators_menu.entries()] == [
        "&Everyone", "&1 alice", "Where they &differ"]


def test_an_annotation_written_elsewhere_under_ones_name_leaves_the_filter(qtbot, window,
                                                                          article):
    """Another window (or a colleague who set no name either) tags: the view stays."""
    from desktop.core.operations import AddAnnotations, new_annotation

    window.settings.set(keys.AUTHOR, "carol")
    _choose(window, "2 bob")
    deal = _span("deal", "ORG")
    org = next(label for label in reads.labels() if label.name == "ORG")
    change = AddAnnotations([new_annotation(TEXT, article, org.id, deal[0], deal[1],
                                            author="carol")]).apply()
    window.runner.announce(replace(change, remote=True))  # as LiveUpdates does
    qtbot.wait(20)
    assert window.active.annotator_filter == only("bob")
    assert deal not in window.reader_highlights()


@pytest.mark.both_backends
def test_without_a_name_a_team_database_stores_the_login_name(qtbot, make_window, backend,
                                                              monkeypatch):
    """Colleagues who set no name are told apart on a team database; on one's own file
    an empty name stays empty (nobody else writes there)."""
    monkeypatch.setattr("getpass.getuser", lambda: "anna")
    article_id = store_article("Deal", TEXT, "en")
    window = make_window()
    window.open_article(article_id)
    start = TEXT.index("AWS")
    window.select_range(start, start + 3)

    annotation_id = window.tag_selection("ORG")

    stored = reads.get_annotation(annotation_id)
    assert stored.author == ("" if backend == "sqlite" else "anna")
    window.settings.set(keys.AUTHOR, "Anna Roe")  # a name set in Preferences comes first
    assert window.author() == "Anna Roe"
