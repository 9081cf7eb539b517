"""The library list: rows on demand, search, sort, selection and the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from db.articles import NewArticle, insert_articles
from desktop.core.text import content_hash
from desktop.ui.library import ANNOTATIONS, DATE, SOURCE, TITLE, LibraryModel, LibraryView
from tests.helpers import tag


def _articles(count: int) -> list[int]:
    start = dt.date(2020, 1, 1)
    return insert_articles([
        NewArticle(f"Article {i:04d}", f"Body number {i} about markets.",
                   content_hash(f"body {i}"), "en", start + dt.timedelta(days=i),
                   f"https://news{i % 3}.example.org/{i}")
        for i in range(count)
    ])


def _titles(view: LibraryView) -> list[str]:
    model = view.model()
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


def _type(widget, text: str) -> None:
    """Types text one key event at a time (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0,
                                                 Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def fr_articles(db) -> list[int]:
    bodies = [
        ("Électricité : la facture d'EDF grimpe", "EDF relève ses tarifs « réglementés »."),
        ("L'Oréal ouvre une usine", "L'Oréal investit 100 millions d'euros en Indonésie."),
        ("Hewlett-Packard supprime 520 postes", "HP réduit ses effectifs de 8 %."),
        ("Airbus livre l'Iran", "Le contrat dépasse 10 milliards de dollars."),
    ]
    return insert_articles([
        NewArticle(title, body, content_hash(body), "fr", dt.date(2016, 1, 1 + i),
                   "https://fr.wikinews.org/wiki/x")
        for i, (title, body) in enumerate(bodies)
    ])


def test_model_passes_the_model_tester(qtmodeltester, db):
    ids = _articles(30)
    tag(ids[3], "markets", "ORG")
    model = LibraryModel(page_size=7)
    assert model.rowCount() == 7
    model.sort(ANNOTATIONS, Qt.SortOrder.DescendingOrder)
    assert model.article_id(0) == ids[3]
    qtmodeltester.check(model)  # also fetches more pages
    assert model.rowCount() > 7


def test_rows_are_fetched_a_page_at_a_time(qtbot, db):
    _articles(1000)
    view = LibraryView(page_size=200)
    qtbot.addWidget(view)
    model = view.model()
    assert model.rowCount() == 200
    assert model.match_count() == 1000
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 400
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 1000
    assert _titles(view)[0] == "Article 0999"  # newest first
    assert view.status_label.text() == "1000 articles"


def test_shows_domain_with_full_source_in_tooltip(qtbot, db):
    _articles(1)
    view = LibraryView()
    qtbot.addWidget(view)
    cell = view.model().index(0, SOURCE)
    assert cell.data() == "news0.example.org"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "https://news0.example.org/0"
    assert view.model().index(0, DATE).data() == "2020-01-01"
    assert view.model().index(0, ANNOTATIONS).data() == "0"


def test_search_narrows_the_list_with_accents_and_punctuation(qtbot, fr_articles):
    view = LibraryView()
    qtbot.addWidget(view)
    assert view.status_label.text() == "4 articles"

    view.search_edit.setFocus()
    _type(view.search_edit, "electricité")
    assert view.search_timer.isActive()  # waits for a pause in typing
    view.search_timer.timeout.emit()
    assert _titles(view) == ["Électricité : la facture d'EDF grimpe"]
    assert view.status_label.text() == "1 of 4 match"

    view.set_search_text("« réglementés »")
    assert _titles(view) == ["Électricité : la facture d'EDF grimpe"]
    view.set_search_text("hewlett-pack")
    assert _titles(view) == ["Hewlett-Packard supprime 520 postes"]
    view.set_search_text("l'oréal")
    assert _titles(view) == ["L'Oréal ouvre une usine"]
    view.set_search_text('"milliards AND(')
    assert _titles(view) == []
    assert view.status_label.text() == "0 of 4 match"
    view.set_search_text("")
    assert len(_titles(view)) == 4


def test_sorting_by_annotation_count(qtbot, db):
    ids = _articles(5)
    for word in ("Body", "number", "markets"):
        tag(ids[1], word, "ORG")
    tag(ids[3], "markets", "ORG")
    view = LibraryView()
    qtbot.addWidget(view)
    view.table.sortByColumn(ANNOTATIONS, Qt.SortOrder.DescendingOrder)
    assert _titles(view)[:2] == ["Article 0001", "Article 0003"]
    assert view.model().index(0, ANNOTATIONS).data() == "3"
    view.table.sortByColumn(ANNOTATIONS, Qt.SortOrder.AscendingOrder)
    assert _titles(view)[-2:] == ["Article 0003", "Article 0001"]


def test_selection_emits_and_survives_refresh_and_sort(qtbot, db):
    ids = _articles(500)
    view = LibraryView(page_size=100)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.article_activated) as signal:
        view.table.selectRow(2)
    assert signal.args == [ids[-3]]
    assert view.current_article_id() == ids[-3]

    assert view.select_article(ids[0])  # oldest: beyond the first page
    assert view.current_article_id() == ids[0]
    assert view.model().rowCount() == 500
    with qtbot.assertNotEmitted(view.article_activated):
        view.refresh()
        view.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert view.current_article_id() == ids[0]
    assert view.table.currentIndex().row() == 0

    view.set_search_text("Article 0003")
    assert view.current_article_id() is None  # searched away...
    view.set_search_text("")
    assert view.current_article_id() == ids[0]  # ...and back

    view.set_filter_ids(ids[:3])
    assert view.status_label.text() == "3 of 500 match"
    assert view.show_all_button.isVisibleTo(view)
    view.show_all_button.click()
    assert view.status_label.text() == "500 articles"


def test_refresh_counts_updates_cells_without_reset(qtbot, db):
    ids = _articles(3)
    view = LibraryView()
    qtbot.addWidget(view)
    view.select_article(ids[1])
    assert view.model().index(1, ANNOTATIONS).data() == "0"  # as painting would, caches the row
    tag(ids[1], "markets", "ORG")
    with qtbot.assertNotEmitted(view.model().modelReset):
        with qtbot.waitSignal(view.model().dataChanged):
            view.refresh_counts({ids[1]})
    assert view.model().index(1, ANNOTATIONS).data() == "1"
    assert view.current_article_id() == ids[1]


def test_keyboard_from_the_search_box(qtbot, db):
    ids = _articles(5)
    view = LibraryView()
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.article_activated) as signal:
        qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    assert signal.args == [ids[4]]
    with qtbot.waitSignal(view.article_activated) as signal:
        qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    assert signal.args == [ids[3]]
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Up)
    assert view.current_article_id() == ids[4]

    qtbot.keyClicks(view.search_edit, "0002")
    with qtbot.waitSignal(view.article_activated) as signal:
        qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)  # searches now, opens the match
    assert signal.args == [ids[2]]
    assert view.model().rowCount() == 1


def test_multiple_selection_and_double_click(qtbot, db):
    ids = _articles(4)
    view = LibraryView()
    qtbot.addWidget(view)
    view.table.selectRow(0)
    view.table.selectionModel().select(
        view.model().index(2, TITLE),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows)
    assert view.selected_article_ids() == [ids[3], ids[1]]
    with qtbot.waitSignal(view.article_activated) as signal:
        view.table.doubleClicked.emit(view.model().index(2, TITLE))
    assert signal.args == [ids[1]]


def test_empty_library(qtbot, db):
    view = LibraryView()
    qtbot.addWidget(view)
    assert view.model().rowCount() == 0
    assert view.status_label.text() == "No articles yet"


def test_focus_search_selects_the_text_to_type_over(qtbot, db):
    view = LibraryView()
    qtbot.addWidget(view)
    view.show()
    view.search_edit.setText("old words")
    view.focus_search()
    assert view.search_edit.selectedText() == "old words"


def test_escape_clears_the_search(qtbot, db):
    _articles(3)
    view = LibraryView()
    qtbot.addWidget(view)
    view.set_search_text("0001")
    assert view.model().rowCount() == 1
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Escape)
    assert view.search_edit.text() == ""
    assert view.model().rowCount() == 3


def test_source_cell_names_the_source_as_the_reader_header_does(qtbot, db):
    from PySide6.QtWidgets import QLabel

    from desktop.ui.reader import ReaderPane

    source = "https://www.lemonde.fr/economie/article/2025/11/03/x.html"
    body = "Un article."
    insert_articles([NewArticle("Essai", body, content_hash(body), "fr", None, source)])
    view = LibraryView()
    qtbot.addWidget(view)
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.set_article("Essai", body, "", "fr", source)
    header = next(lb.text() for lb in pane.findChildren(QLabel) if "href" in lb.text())
    assert view.model().index(0, SOURCE).data() == "lemonde.fr"
    assert header.endswith(">lemonde.fr</a>")


def test_long_titles_elide_in_the_middle_with_the_whole_title_as_tooltip(qtbot, db):
    from tests.helpers import store_article

    title = "Disney rachète la 21st Century Fox pour 66,1 milliards de dollars après dix mois"
    store_article(title, "Un texte quelconque sur un rachat.")
    view = LibraryView()
    qtbot.addWidget(view)
    view.resize(560, 300)
    view.show()
    qtbot.waitExposed(view)
    assert view.table.textElideMode() == Qt.TextElideMode.ElideMiddle
    index = view.model().index(0, 0)
    assert view.model().data(index, Qt.ItemDataRole.ToolTipRole) == title
    shown = view.table.fontMetrics().elidedText(
        title, view.table.textElideMode(), view.table.columnWidth(0) - 8)
    assert shown.startswith("Disney") and shown.endswith("mois") and "…" in shown


def test_a_narrow_library_gives_the_titles_room_and_a_wide_one_shows_every_column(
        qtbot, make_window):
    from desktop.ui.library import LANGUAGE, SOURCE

    window = make_window()
    library = window.library
    window.library_dock.setFloating(True)
    window.library_dock.resize(330, 500)
    qtbot.waitUntil(lambda: library.table.isColumnHidden(SOURCE))
    assert library.table.isColumnHidden(LANGUAGE)
    window.library_dock.resize(900, 500)
    qtbot.waitUntil(lambda: not library.table.isColumnHidden(SOURCE))
    assert not library.table.isColumnHidden(LANGUAGE)
