"""The Compare dock: two reports of one deal, side by side, compared."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db import reads
from desktop.ui.comparison_dock import FIRST_ARTICLE, LABEL, NAME, ONE_ARTICLE_TEXT
from tests.helpers import store_article

FRENCH = ("OpenAI signe avec AWS un pacte à 38 milliards de dollars. "
          "Sam Altman salue l’accord, et AWS fournira les GPU. Microsoft reste un partenaire.")
ENGLISH = ("Amazon's cloud unit will sell computing power to the maker of ChatGPT. "
           "AWS and OpenAI signed a $38 billion deal; Nvidia supplies the chips.")


def _tag(window, text: str, label: str, occurrence: int = 0) -> int:
    """Tags an occurrence of ``text`` in the focused pane, as a user would."""
    body = window.active.article.body
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    window.select_range(start, start + len(text))
    annotation_id = window.tag_selection(label)
    assert annotation_id is not None
    return annotation_id


@pytest.fixture
def reports(db) -> dict[str, int]:
    return {"fr": store_article("OpenAI et AWS : 38 milliards", FRENCH, "fr"),
            "en": store_article("OpenAI signs $38bn AWS deal", ENGLISH, "en")}


@pytest.fixture
def window(make_window, reports):
    """The English report tagged, then the French one, with the English one beside it."""
    window = make_window()
    window.open_article(reports["en"])
    ids = {"en_aws": _tag(window, "AWS", "ORG"), "en_openai": _tag(window, "OpenAI", "ORG"),
           "en_money": _tag(window, "$38 billion", "MONEY"),
           "en_nvidia": _tag(window, "Nvidia", "ORG")}
    window.open_article(reports["fr"])
    ids |= {"fr_openai": _tag(window, "OpenAI", "ORG"), "fr_aws": _tag(window, "AWS", "ORG"),
            "fr_money": _tag(window, "38 milliards de dollars", "MONEY"),
            "fr_aws_2": _tag(window, "AWS", "ORG", 1),
            "fr_microsoft": _tag(window, "Microsoft", "ORG")}
    # The values, as set in the Annotations panel.
    for money in (ids["en_money"], ids["fr_money"]):
        window.edit_annotation(money, {"value": 38e9, "unit": "USD"})
    window.ids = ids
    return window


def _span(annotation_id: int) -> tuple[int, int]:
    record = reads.get_annotation(annotation_id)
    assert record is not None
    return record.start, record.end


def _sections(dock) -> dict[str, list[list[str]]]:
    """What the tree shows: each section's title (without its count) and rows' texts."""
    tree = dock.tree
    found = {}
    for index in range(tree.topLevelItemCount()):
        section = tree.topLevelItem(index)
        rows = [[section.child(r).text(c) for c in range(tree.columnCount())]
                for r in range(section.childCount())
                if section.child(r).flags() & Qt.ItemFlag.ItemIsEnabled]
        found[section.text(NAME).rpartition(" — ")[0]] = rows
    return found


def _click(qtbot, dock, section_title: str, row: int) -> None:
    tree = dock.tree
    section = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                   if tree.topLevelItem(i).text(NAME).startswith(section_title))
    item = section.child(row)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _compared(qtbot, window):
    dock = window.show_comparison()
    qtbot.waitUntil(lambda: dock.comparison is not None and not dock._timer.isActive())
    return dock


def test_one_article_says_how_to_compare(qtbot, window):
    window.compare_action.trigger()
    dock = window.show_comparison()
    assert dock.objectName() == "compare" and dock.windowTitle() == "Compare"
    assert dock.isVisible()
    qtbot.wait(200)
    assert dock.message.isVisible() and dock.message.text() == ONE_ARTICLE_TEXT
    assert not dock.tree.isVisible()


def test_shared_entities_and_amounts_are_listed_per_article(qtbot, window, reports):
    beside = window.open_beside(reports["en"])
    assert beside.article_id == reports["en"]
    dock = _compared(qtbot, window)
    assert not dock.message.isVisible()
    headers = [dock.tree.headerItem().text(c) for c in range(dock.tree.columnCount())]
    assert headers[FIRST_ARTICLE:] == ["OpenAI et AWS : 38 milliards",
                                       "OpenAI signs $38bn AWS deal"]
    sections = _sections(dock)
    assert list(sections) == ["Shared entities", "Amounts that agree", "Amounts that differ",
                              "Only in OpenAI et AWS : 38 milliards",
                              "Only in OpenAI signs $38bn AWS deal"]
    assert [(r[NAME], r[LABEL], r[FIRST_ARTICLE:]) for r in sections["Shared entities"]] == [
        ("AWS", "ORG", ["2", "1"]), ("OpenAI", "ORG", ["1", "1"])]
    assert [r[NAME] for r in sections["Only in OpenAI et AWS : 38 milliards"]] == ["Microsoft"]
    assert [r[NAME] for r in sections["Only in OpenAI signs $38bn AWS deal"]] == ["Nvidia"]
    (agreeing,) = sections["Amounts that agree"]
    assert agreeing[LABEL] == "MONEY" and "3.8 × 10¹⁰ USD" in agreeing[NAME]
    # Each article's wording, signs included: the selection was "$38 billion".
    assert agreeing[FIRST_ARTICLE:] == ["“38 milliards de dollars”", "“$38 billion”"]
    assert sections["Amounts that differ"] == []


def test_clicking_a_row_selects_its_first_mention_in_each_pane(qtbot, window, reports):
    beside = window.open_beside(reports["en"])
    dock = _compared(qtbot, window)
    french = next(c for c in window.panes if c.article_id == reports["fr"])
    _click(qtbot, dock, "Shared entities", 0)  # AWS
    assert french.pane.selection_range() == (FRENCH.index("AWS"), FRENCH.index("AWS") + 3)
    assert beside.pane.selection_range() == (ENGLISH.index("AWS"), ENGLISH.index("AWS") + 3)
    _click(qtbot, dock, "Amounts that agree", 0)
    assert french.pane.selection_range() == _span(window.ids["fr_money"])
    assert beside.pane.selection_range() == _span(window.ids["en_money"])
    # A row of one article moves that article's pane only.
    _click(qtbot, dock, "Only in OpenAI signs", 0)
    start = ENGLISH.index("Nvidia")
    assert beside.pane.selection_range() == (start, start + len("Nvidia"))
    assert french.pane.selection_range() == _span(window.ids["fr_money"])


def test_amounts_of_one_deal_that_differ_are_listed(qtbot, window, reports):
    ids = window.ids
    window.edit_annotation(ids["en_money"], {"value": 40e9})
    assert window.link_selected([ids["fr_money"], ids["fr_openai"], ids["fr_aws"]]) == 2
    assert window.link_selected([ids["en_money"], ids["en_openai"], ids["en_aws"]]) == 2
    window.open_beside(reports["en"])
    dock = _compared(qtbot, window)
    sections = _sections(dock)
    assert sections["Amounts that agree"] == []
    (differing,) = sections["Amounts that differ"]
    assert differing[NAME] == "AWS · OpenAI" and differing[LABEL] == "MONEY"
    assert differing[FIRST_ARTICLE:] == ["3.8e10 USD", "4e10 USD"]


def test_it_follows_changes_while_shown_only(qtbot, window, reports):
    window.open_beside(reports["en"])
    dock = _compared(qtbot, window)
    french = next(c for c in window.panes if c.article_id == reports["fr"])
    start = FRENCH.index("Sam Altman")
    french.pane.select_range(start, start + len("Sam Altman"))
    window.commands.tag(french, "PERSON")
    qtbot.waitUntil(lambda: ["Microsoft", "Sam Altman"] == [
        r[NAME] for r in _sections(dock)["Only in OpenAI et AWS : 38 milliards"]])
    # Hidden, it waits; shown again, it catches up.
    dock.hide()
    window.remove_annotations([window.ids["fr_microsoft"]])
    qtbot.wait(300)
    assert "Microsoft" in [r[NAME] for r in _sections(dock)["Only in OpenAI et AWS : 38 milliards"]]
    window.show_comparison()
    qtbot.waitUntil(lambda: ["Sam Altman"] == [
        r[NAME] for r in _sections(dock)["Only in OpenAI et AWS : 38 milliards"]])
    assert reads.get_annotation(window.ids["fr_microsoft"]) is None


def test_closing_the_other_pane_leaves_the_message(qtbot, window, reports):
    beside = window.open_beside(reports["en"])
    dock = _compared(qtbot, window)
    assert dock.tree.isVisible()
    window.close_pane(beside)
    qtbot.waitUntil(lambda: dock.message.isVisible())
    assert dock.comparison is None


def test_a_pane_opening_another_article_is_compared_anew(qtbot, window, reports):
    beside = window.open_beside(reports["en"])
    dock = _compared(qtbot, window)
    third = store_article("Nvidia et AWS", "Nvidia vend des GPU à AWS.", "fr")
    beside.open_article(third)
    qtbot.waitUntil(lambda: dock.tree.headerItem().text(FIRST_ARTICLE + 1) == "Nvidia et AWS")
    assert dock.comparison is not None and dock.comparison.article_ids == (reports["fr"], third)
    assert _sections(dock)["Shared entities"] == []  # nothing tagged there yet


def test_a_renamed_entity_is_shown_by_its_new_name(qtbot, window, reports):
    from desktop.core.entity_operations import RenameEntity

    window.open_beside(reports["en"])
    dock = _compared(qtbot, window)
    aws = reads.get_annotation(window.ids["fr_aws"])
    assert aws is not None and aws.entity_id is not None
    assert window.runner.run(RenameEntity(aws.entity_id, "Amazon Web Services"))
    qtbot.waitUntil(lambda: [r[NAME] for r in _sections(dock)["Shared entities"]] == [
        "Amazon Web Services", "OpenAI"])


def test_the_articles_columns_share_the_width_with_their_whole_titles(qtbot, window, reports):
    long_title = "Amazon et OpenAI : un contrat de sept ans, 38 milliards de dollars, des GPU"
    third = store_article(long_title, FRENCH + " Une suite.", "fr")
    window.open_beside(reports["en"])
    window.open_beside(third)
    dock = _compared(qtbot, window)
    dock.setFloating(True)  # sized by the test, not by the window's layout
    dock.resize(1200, 300)
    qtbot.waitUntil(lambda: dock.tree.viewport().width() > 1000)
    tree, header = dock.tree, dock.tree.header()

    assert tree.headerItem().text(FIRST_ARTICLE + 2) == long_title  # elided only when drawn
    widths = [header.sectionSize(c) for c in range(FIRST_ARTICLE, tree.columnCount())]
    assert max(widths) - min(widths) <= 1  # the same for each article
    assert header.length() == tree.viewport().width()  # no empty strip on the right
    assert header.sectionSize(NAME) >= tree.sizeHintForColumn(NAME)
    assert header.sectionSize(LABEL) < 2 * tree.sizeHintForColumn(LABEL)  # as wide as "MONEY"

    dock.resize(420, 300)  # too narrow: the figures stay whole, the view scrolls
    qtbot.waitUntil(lambda: tree.viewport().width() < 420)
    for column in range(FIRST_ARTICLE, tree.columnCount()):  # « 38 milliards de dollars »…
        assert header.sectionSize(column) >= tree.sizeHintForColumn(column) > 0
    assert header.length() > tree.viewport().width()
    assert tree.horizontalScrollBar().maximum() > 0


def test_a_count_agrees_with_its_report_in_the_other_language(qtbot, make_window, db):
    from tests.helpers import tag

    fr = store_article("Processeurs", "OpenAI aura 100 000 processeurs de Nvidia.", "fr")
    en = store_article("GPUs", "OpenAI gets 100,000 Nvidia GPUs.", "en")
    tag(fr, "100 000 processeurs", "QUANTITY", value=1e5, unit="processeur")
    tag(en, "100,000 Nvidia GPUs", "QUANTITY", value=1e5, unit="GPU")
    window = make_window()
    window.open_article(fr)
    window.open_beside(en)
    dock = _compared(qtbot, window)
    (agreeing,) = _sections(dock)["Amounts that agree"]
    assert agreeing[NAME].replace("\u00a0", " ") == "100K processeurs"  # the first's noun
    assert agreeing[LABEL] == "QUANTITY"
    assert agreeing[FIRST_ARTICLE:] == ["“100 000 processeurs”", "“100,000 Nvidia GPUs”"]
