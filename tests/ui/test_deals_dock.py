"""The Deals dock: the same deal reported in French and in English, as one row."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from db import reads
from db.relations import RelationRecord, insert_relations
from desktop.ui.deals_dock import AMOUNT, DATE, EMPTY_TEXT, PARTIES, SOURCES
from tests.helpers import store_article, tag

FRENCH = ("OpenAI signe avec AWS un pacte à 38 milliards de dollars sur sept ans. "
          "Sam Altman salue l’accord. Microsoft reste un partenaire.")
ENGLISH = ("Amazon's cloud unit will sell computing power to the maker of ChatGPT. "
           "AWS and OpenAI signed a $38 billion deal; Microsoft and Nvidia signed "
           "a $5 billion one.")


@pytest.fixture
def reports(db) -> dict[str, int]:
    """Two articles on the OpenAI–AWS deal, each amount linked to both parties."""
    fr = store_article("OpenAI et AWS : 38 milliards", FRENCH, "fr",
                       published=dt.date(2025, 11, 3))
    en = store_article("OpenAI signs $38bn AWS deal", ENGLISH, "en",
                       published=dt.date(2025, 11, 4))
    ids = {"fr": fr, "en": en,
           "fr_money": tag(fr, "38 milliards de dollars", "MONEY", value=3.8e10, unit="USD"),
           "en_money": tag(en, "$38 billion", "MONEY", value=3.8e10, unit="USD"),
           "en_small": tag(en, "$5 billion", "MONEY", value=5e9, unit="USD")}
    relations = []
    for lang in ("fr", "en"):
        for name in ("OpenAI", "AWS"):
            party = tag(ids[lang], name, "ORG", entity=name)
            relations.append(RelationRecord(None, "deal", ids[f"{lang}_money"], party))
        ids[f"{lang}_microsoft"] = tag(ids[lang], "Microsoft", "ORG", entity="Microsoft")
    ids["en_nvidia"] = tag(en, "Nvidia", "ORG", entity="Nvidia")
    insert_relations(relations)
    return ids


def _rows(dock) -> list[list[str]]:
    model = dock.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _span(annotation_id: int) -> tuple[int, int]:
    record = reads.get_annotation(annotation_id)
    assert record is not None
    return record.start, record.end


def _double_click(qtbot, dock, row: int) -> None:
    table = dock.table
    index = dock.model().index(row, PARTIES)
    table.scrollTo(index)
    point = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_the_same_deal_twice_is_one_row(make_window, reports):
    window = make_window()
    dock = window.show_deals()
    assert dock.objectName() == "deals" and dock.isVisible()
    assert _rows(dock) == [["AWS · OpenAI", "$38B", "", "2025-11-03", "2"]]
    tip = dock.model().index(0, AMOUNT).data(Qt.ItemDataRole.ToolTipRole)
    assert "3.8 × 10¹⁰ USD" in tip
    sources = dock.model().index(0, SOURCES).data(Qt.ItemDataRole.ToolTipRole)
    assert "OpenAI et AWS : 38 milliards" in sources and "OpenAI signs $38bn" in sources
    assert "1 deal (2 reports)" in dock.status_label.text()
    # The View menu's action shows the same dock.
    assert window.deals_action.shortcut().toString() == "Ctrl+6"
    window.deals_action.trigger()
    assert window.show_deals() is dock


def test_sorting_and_filtering(make_window, reports):
    window = make_window()
    window.link_selected([reports["en_small"], reports["en_microsoft"], reports["en_nvidia"]])
    dock = window.show_deals()
    dock.refresh()
    assert [r[PARTIES] for r in _rows(dock)] == ["AWS · OpenAI", "Microsoft · Nvidia"]
    dock.table.sortByColumn(AMOUNT, Qt.SortOrder.AscendingOrder)
    assert [r[AMOUNT] for r in _rows(dock)] == ["$5B", "$38B"]
    dock.table.sortByColumn(AMOUNT, Qt.SortOrder.DescendingOrder)
    assert [r[AMOUNT] for r in _rows(dock)] == ["$38B", "$5B"]
    dock.table.sortByColumn(SOURCES, Qt.SortOrder.AscendingOrder)
    assert [r[SOURCES] for r in _rows(dock)] == ["1", "2"]
    dock.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
    assert [r[DATE] for r in _rows(dock)] == ["2025-11-04", "2025-11-03"]
    dock.filter_edit.setText("nvid")
    assert [r[PARTIES] for r in _rows(dock)] == ["Microsoft · Nvidia"]
    dock.filter_edit.setText("nobody")
    assert _rows(dock) == []
    assert "matching the filter" in dock.status_label.text()


def test_double_click_opens_the_sources_side_by_side(qtbot, make_window, reports):
    window = make_window()
    window.open_article(reports["en"])
    dock = window.show_deals()
    _double_click(qtbot, dock, 0)
    shown = {c.article_id: c for c in window.panes}
    assert len(window.panes) == 2 and set(shown) == {reports["fr"], reports["en"]}
    # The first (earliest) source in the focused pane, which showed the other one before.
    assert window.panes[0].article_id == reports["fr"]
    assert window.active is window.panes[0]
    assert shown[reports["fr"]].pane.selection_range() == _span(reports["fr_money"])
    assert shown[reports["en"]].pane.selection_range() == _span(reports["en_money"])
    assert "Opened the 2 articles" in window.statusBar().currentMessage()
    # Enter, with one source closed: the pane showing the other is reused, one opens beside.
    window.close_pane(shown[reports["en"]])
    dock.table.setFocus()
    dock.table.setCurrentIndex(dock.model().index(0, PARTIES))
    qtbot.keyClick(dock.table, Qt.Key.Key_Return)
    assert [c.article_id for c in window.panes] == [reports["fr"], reports["en"]]
    assert window.panes[1].pane.selection_range() == _span(reports["en_money"])


def test_a_deal_linked_in_the_app_is_listed_after_a_moment(qtbot, make_window, reports):
    window = make_window()
    dock = window.show_deals()
    assert len(_rows(dock)) == 1
    assert window.link_selected([reports["en_small"], reports["en_microsoft"],
                                 reports["en_nvidia"]]) == 2
    qtbot.waitUntil(lambda: len(_rows(dock)) == 2)
    assert "Microsoft · Nvidia" in [r[PARTIES] for r in _rows(dock)]
    # Hidden, it does not read; shown again, it catches up.
    dock.hide()
    window.runner.undo()
    qtbot.wait(250)
    assert len(_rows(dock)) == 2
    window.show_deals()
    qtbot.waitUntil(lambda: len(_rows(dock)) == 1)


def test_no_deals_says_how_to_make_one(make_window, db):
    store_article("Rien", "Aucun accord ici.", "fr")
    window = make_window()
    dock = window.show_deals()
    assert dock.message.isVisible() and dock.message.text() == EMPTY_TEXT
    assert "Link as deal (Ctrl+J)" in EMPTY_TEXT
    assert not dock.table.isVisible()


def test_the_model_passes_the_model_tester(qtmodeltester, make_window, reports):
    window = make_window()
    window.link_selected([reports["en_small"], reports["en_microsoft"], reports["en_nvidia"]])
    dock = window.show_deals()
    dock.refresh()
    qtmodeltester.check(dock.model())
    dock.table.sortByColumn(AMOUNT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(dock.model())


def test_at_most_four_sources_open_side_by_side(qtbot, make_window, db):
    relations = []
    for n in range(5):
        article = store_article(f"Report {n}", f"AWS and OpenAI signed a $38 billion deal ({n}).",
                                "en", published=dt.date(2025, 11, 3 + n))
        money = tag(article, "$38 billion", "MONEY", value=3.8e10, unit="USD")
        relations += [RelationRecord(None, "deal", money, tag(article, name, "ORG", entity=name))
                      for name in ("AWS", "OpenAI")]
    insert_relations(relations)
    window = make_window()
    dock = window.show_deals()
    assert _rows(dock) == [["AWS · OpenAI", "$38B", "", "2025-11-03", "5"]]
    _double_click(qtbot, dock, 0)
    assert len(window.panes) == 4
    assert "Opened 4 of the 5 articles" in window.statusBar().currentMessage()


def test_counting_a_deal_once_and_each_report_again(qtbot, make_window, reports):
    from db import aggregates
    from db.aggregates import Scope

    def openai_usd() -> float:
        result = aggregates.money_per_entity(Scope.corpus(), "relation", "USD", limit=None)
        return next(r.money.total for r in result.rows if r.entity == "OpenAI")

    window = make_window()
    dock = window.show_deals()
    assert openai_usd() == 7.6e10  # each report counted
    dock.table.selectRow(0)
    assert dock.confirm_button.isEnabled() and dock.split_button.isEnabled()

    dock.confirm_button.click()
    qtbot.waitUntil(lambda: _rows(dock)[0][-1] == "2 ✓")
    assert openai_usd() == 3.8e10  # the deal counted once
    assert window.undo_action.text() == "&Undo Count AWS · OpenAI once"
    dock.table.selectRow(0)
    assert dock.split_button.isEnabled() and not dock.confirm_button.isEnabled()

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _rows(dock)[0][-1] == "2")
    assert openai_usd() == 7.6e10
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: _rows(dock)[0][-1] == "2 ✓")
    dock.table.selectRow(0)
    dock.split_button.click()  # two deals now: one row each
    qtbot.waitUntil(lambda: [row[-1] for row in _rows(dock)] == ["1", "1"])
    assert openai_usd() == 7.6e10
    assert "a deal of its own" in dock.model().index(0, SOURCES).data(
        Qt.ItemDataRole.ToolTipRole)

    # Both rows selected: "Count once" makes them one deal again. A change elsewhere,
    # which lists the deals again, keeps both selected.
    dock.table.selectAll()
    dock.refresh()
    assert len(dock.selected_groups()) == 2
    assert dock.confirm_button.isEnabled() and not dock.split_button.isEnabled()
    dock.confirm_button.click()
    qtbot.waitUntil(lambda: [row[-1] for row in _rows(dock)] == ["2 ✓"])
    assert openai_usd() == 3.8e10
    assert dock.selected_group() is not None  # the joined row, ready for "Count each"
    assert dock.split_button.isEnabled()


def test_a_proposed_group_split_is_two_rows_until_undone(qtbot, make_window, reports):
    window = make_window()
    dock = window.show_deals()
    dock.table.selectRow(0)
    dock.split_button.click()
    qtbot.waitUntil(lambda: len(_rows(dock)) == 2)
    assert window.undo_action.text() == "&Undo Count each report of AWS · OpenAI"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: [row[-1] for row in _rows(dock)] == ["2"])


def test_leaving_one_report_out_from_the_context_menu(qtbot, make_window, reports):
    from db.aggregates import Scope, money_per_entity

    third = store_article("AWS–OpenAI: what $38 billion buys", "AWS and OpenAI: $38 billion.",
                          "en", published=dt.date(2025, 11, 5))
    money = tag(third, "$38 billion", "MONEY", value=3.8e10, unit="USD")
    insert_relations([RelationRecord(None, "deal", money, tag(third, name, "ORG", entity=name))
                      for name in ("AWS", "OpenAI")])
    window = make_window()
    dock = window.show_deals()
    assert [row[-1] for row in _rows(dock)] == ["3"]
    dock.table.selectRow(0)
    dock.confirm_button.click()
    qtbot.waitUntil(lambda: [row[-1] for row in _rows(dock)] == ["3 ✓"])

    # The keyboard's menu (no row under the point): the current row's.
    menu = dock.context_menu(QPoint(-1, -1))
    assert menu is not None
    [leave] = [a.menu() for a in menu.actions() if a.menu() is not None]
    names = [action.text() for action in leave.actions()]
    assert names == ["$38B in “OpenAI et AWS : 38 milliards”",
                     "$38B in “OpenAI signs $38bn AWS deal”",
                     "$38B in “AWS–OpenAI: what $38 billion buys”"]
    leave.actions()[0].trigger()  # the French report, the one counted

    qtbot.waitUntil(lambda: sorted(row[-1] for row in _rows(dock)) == ["1", "2 ✓"])
    result = money_per_entity(Scope.corpus(), "relation", "USD", limit=None)
    assert next(r.money.total for r in result.rows if r.entity == "OpenAI") == 7.6e10
    assert window.undo_action.text() == \
        "&Undo Leave “OpenAI et AWS : 38 milliards” out of AWS · OpenAI"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: [row[-1] for row in _rows(dock)] == ["3 ✓"])


def test_reports_in_two_currencies_cannot_be_counted_once(make_window, reports):
    from db.models import database

    database.execute_sql("UPDATE annotation SET unit = 'EUR' WHERE id = ?",
                         (reports["en_small"],))
    insert_relations([RelationRecord(None, "deal", reports["en_small"], reports["en_nvidia"])])
    window = make_window()
    dock = window.show_deals()
    assert len(_rows(dock)) == 2
    dock.table.selectAll()
    assert not dock.confirm_button.isEnabled()
    assert "different currencies" in dock.confirm_button.toolTip()
    dock.table.selectRow(0)
    assert dock.confirm_button.isEnabled()
    assert "different currencies" not in dock.confirm_button.toolTip()


def test_a_view_opened_at_the_bottom_beside_another_is_a_tab_as_wide_as_the_window(
        qtbot, make_window, reports):
    window = make_window()
    window.resize(1400, 900)
    window.show()
    entities = window.show_entities()
    qtbot.waitExposed(window)

    deals = window.show_deals()
    plots = window.show_plots()

    assert set(window.tabifiedDockWidgets(entities)) == {deals, plots}
    window.show_deals()  # Ctrl+6 again: its tab comes to the front
    qtbot.waitUntil(lambda: deals.visibleRegion().boundingRect().width() > 0)
    assert deals.width() > window.width() * 0.9
    assert entities.visibleRegion().isEmpty()  # behind its tab


def test_the_annotations_panel_moved_to_the_bottom_stays_in_view_beside_a_new_view(
        qtbot, make_window, reports):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.panel_dock)

    deals = window.show_deals()

    assert window.tabifiedDockWidgets(window.panel_dock) == []
    assert window.tabifiedDockWidgets(deals) == []
    assert deals.isVisible() and window.panel_dock.isVisible()


def test_a_duration_reads_as_the_interface_language_writes_it():
    from desktop.core.deal_list import Duration
    from desktop.ui.deals_dock import duration_text

    assert duration_text(Duration(1, 7, None, "year", False)) == "7 years"
    assert duration_text(Duration(1, 3, 2, "month", True)) == "≈ 2–3 months"  # typed upside down
    assert duration_text(Duration(1, 1500, None, None, False)) == "1\u202f500"  # no unit
    assert duration_text(Duration(1, 3, None, "fortnight", False)) == "3 fortnight"  # as stored
