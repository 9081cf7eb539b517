"""The plots dock, driven as a user would: tabs, selectors, clicks, exports, undo.

The constructed corpus, sentence by sentence (relations in brackets):

* P1, 2025-01-10: "OpenAI signs with AWS a deal of 38 billion dollars." (USD 3.8e10,
  related to OpenAI) "Nvidia sells chips to OpenAI."
* P2, 2025-03-02: "Sam Altman says AWS earns between 5 and 7 billion dollars." (a USD
  range, related to AWS) "About 2 billion euros go to OpenAI." (approximate EUR 2e9,
  related to OpenAI)
* P3, no date: "Nvidia and Sam Altman met."

So: OpenAI 3 mentions, AWS, Nvidia and Sam Altman 2 each; labels ORG 7, PERSON 2,
MONEY 3; months 2025-01 (4 mentions), 2025-02 (none), 2025-03 (3), undated (2).
"""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from db.annotations import (
    find_or_create_entity,
    insert_annotations,
    insert_relations,
    label_by_name,
)
from db.articles import NewArticle, insert_articles
from desktop.core.operations import new_annotation
from desktop.core.text import content_hash
from desktop.ui.plots import figures

ROOT = Path(__file__).resolve().parents[2]
BODIES = {
    "P1": ("OpenAI signs with AWS a deal of 38 billion dollars. Nvidia sells chips to OpenAI.",
           dt.date(2025, 1, 10)),
    "P2": ("Sam Altman says AWS earns between 5 and 7 billion dollars. About 2 billion euros "
           "go to OpenAI.", dt.date(2025, 3, 2)),
    "P3": ("Nvidia and Sam Altman met.", None),
}
ORG, PERSON = "#4e79a7", "#f28e2b"


@dataclass
class Corpus:
    articles: dict[str, int] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    annotations: dict[str, int] = field(default_factory=dict)


def _tag(found: Corpus, key: str, article: str, text: str, label: str,
         entity: str | None = None, nth: int = 0, bodies=BODIES, **extra: object) -> None:
    body = bodies[article][0]
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    label_id = label_by_name(label).id
    if entity is not None:
        extra["entity_id"] = found.entities.setdefault(
            entity, find_or_create_entity(entity, label_id))
    record = new_annotation(body, found.articles[article], label_id, start,
                            start + len(text), **extra)
    found.annotations[key] = insert_annotations([record])[0]


@pytest.fixture
def corpus(db) -> Corpus:
    found = Corpus()
    ids = insert_articles([NewArticle(name, body, content_hash(body), "en", published)
                           for name, (body, published) in BODIES.items()])
    found.articles = dict(zip(BODIES, ids, strict=True))
    _tag(found, "p1 openai", "P1", "OpenAI", "ORG", "OpenAI")
    _tag(found, "p1 aws", "P1", "AWS", "ORG", "AWS")
    _tag(found, "p1 38bn", "P1", "38 billion dollars", "MONEY", value=3.8e10, unit="USD")
    _tag(found, "p1 nvidia", "P1", "Nvidia", "ORG", "Nvidia")
    _tag(found, "p1 openai 2", "P1", "OpenAI", "ORG", "OpenAI", nth=1)
    _tag(found, "p2 altman", "P2", "Sam Altman", "PERSON", "Sam Altman")
    _tag(found, "p2 aws", "P2", "AWS", "ORG", "AWS")
    _tag(found, "p2 range", "P2", "between 5 and 7 billion dollars", "MONEY", value=5e9,
         value_high=7e9, unit="USD")
    _tag(found, "p2 2bn", "P2", "About 2 billion euros", "MONEY", value=2e9, unit="EUR",
         approx=True)
    _tag(found, "p2 openai", "P2", "OpenAI", "ORG", "OpenAI")
    _tag(found, "p3 nvidia", "P3", "Nvidia", "ORG", "Nvidia")
    _tag(found, "p3 altman", "P3", "Sam Altman", "PERSON", "Sam Altman")
    a = found.annotations
    insert_relations([("deal", a["p1 38bn"], a["p1 openai"]),
                      ("deal", a["p2 range"], a["p2 aws"]),
                      ("paid", a["p2 openai"], a["p2 2bn"])])
    return found


@pytest.fixture
def english():
    """Numbers written the en_US way, whatever the machine's locale."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def _plots(qtbot, window, kind: str = "entities", scope: str = "corpus"):
    """Opens the plots dock on plot ``kind`` over ``scope`` and waits until it is drawn."""
    dock = window.show_plots()
    dock.set_kind(kind)
    dock.set_scope(scope)
    dock.schedule_refresh()
    dock.refresh_timer.timeout.emit()
    qtbot.waitUntil(lambda: not dock.is_busy(), timeout=10_000)
    return dock


def _redraw(qtbot, dock) -> None:
    """What the debounce timer does when it fires, waited for."""
    with qtbot.waitSignal(dock.refreshed, timeout=10_000):
        dock.refresh_timer.timeout.emit()


def _double_click(qtbot, widget, pos) -> None:
    """What Qt receives from a double-click (QTest.mouseDClick alone sends no release)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)


def _widths(chart) -> list[float]:
    return [float(w) for w in chart.bar_item().opts["width"]]


def _colors(chart) -> list[str]:
    return [brush.name() for brush in chart.bar_item().opts["brushes"]]


# --- start-up cost ------------------------------------------------------------------

def test_importing_the_main_window_does_not_load_pyqtgraph():
    code = ("import sys\n"
            "import desktop.ui.main_window, desktop.ui.plots\n"
            "print('pyqtgraph' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


def test_pyqtgraph_loads_when_the_plots_are_first_shown(qtbot, make_window, corpus):
    window = make_window()
    assert window.plots_dock is None

    dock = _plots(qtbot, window)

    assert "pyqtgraph" in sys.modules
    assert dock.chart("entities") is not None
    assert dock.chart("money") is None  # built when its tab is first shown


# --- what the plots show --------------------------------------------------------------

def test_top_entities_are_bars_in_label_colours_most_mentioned_first(
        qtbot, make_window, corpus):
    window = make_window()

    dock = _plots(qtbot, window, "entities")

    chart = dock.chart()
    assert chart.tick_names() == ["OpenAI", "AWS", "Nvidia", "Sam Altman"]
    assert _widths(chart) == [3, 2, 2, 2]
    assert _colors(chart) == [ORG, ORG, ORG, PERSON]
    assert chart.bar_texts() == [" 3", " 2", " 2", " 2"]
    assert [(b.name, b.count, b.group) for b in dock.figure().bars] == [
        ("OpenAI", 3, "ORG"), ("AWS", 2, "ORG"), ("Nvidia", 2, "ORG"),
        ("Sam Altman", 2, "PERSON")]
    assert "whole corpus" in dock.page().caption.text()


def test_money_per_entity_shows_ranges_approximations_and_the_rule(
        qtbot, make_window, corpus, english):
    window = make_window()

    dock = _plots(qtbot, window, "money")

    chart = dock.chart()
    assert dock.figure().currencies == ("EUR", "USD")
    assert dock.figure().currency == "EUR"
    dock.set_currency("USD")
    assert dock.currency_combo.currentText() == "USD"
    assert chart.tick_names() == ["OpenAI", "AWS"]
    assert _widths(chart) == [3.8e10, 5e9]
    assert [float(w) for w in chart.extension_item().opts["width"]] == [0, 2e9]
    assert chart.bar_texts() == [" 38 bn", " 5–7 bn"]
    caption = dock.page().caption.text()
    assert "Money per entity in USD" in caption and "Linked by relations" in caption

    dock.currency_combo.setCurrentText("EUR")
    assert chart.tick_names() == ["OpenAI"]
    assert chart.bar_texts() == [" ≈ 2 bn"]
    assert "approximate" in dock.page().caption.text()

    with qtbot.waitSignal(dock.refreshed, timeout=10_000):
        dock.rule_combo.setCurrentIndex(dock.rule_combo.findData("sentence"))
    assert dock.figure().rule == "sentence"
    assert "Same sentence" in dock.page().caption.text()
    assert "Linked by relations" not in dock.page().caption.text()


def test_without_relations_the_money_plot_says_so_and_offers_the_sentence_rule(
        qtbot, make_window, db):
    body = "Oracle pays 3 million dollars to Cerner."
    [article_id] = insert_articles([NewArticle("O", body, content_hash(body), "en")])
    found, bodies = Corpus(articles={"O": article_id}), {"O": (body, None)}
    _tag(found, "oracle", "O", "Oracle", "ORG", "Oracle", bodies=bodies)
    _tag(found, "3m", "O", "3 million dollars", "MONEY", value=3e6, unit="USD", bodies=bodies)
    window = make_window()
    window.open_article(article_id)

    dock = _plots(qtbot, window, "money", scope="article")

    assert dock.empty_text().startswith(figures.NO_RELATIONS)
    assert dock.page().empty_button.isVisible()
    with qtbot.waitSignal(dock.refreshed, timeout=10_000):
        qtbot.mouseClick(dock.page().empty_button, Qt.MouseButton.LeftButton)
    assert dock.rule() == "sentence"
    assert dock.empty_text() == ""
    assert dock.chart().tick_names() == ["Oracle"]
    assert "Same sentence" in dock.page().caption.text()


def test_timeline_has_every_month_undated_last_and_the_currency_line(
        qtbot, make_window, corpus):
    window = make_window()

    dock = _plots(qtbot, window, "timeline")
    dock.set_currency("USD")

    chart = dock.chart()
    shown = dock.figure()
    assert [b.name for b in shown.bars] == ["2025-01", "2025-02", "2025-03", "Undated"]
    assert [float(h) for h in chart.bar_item().opts["height"]] == [4, 0, 3, 2]
    x, y = chart.line_item().getData()
    assert list(x) == [0, 1, 2, 3] and list(y) == [3.8e10, 0, 5e9, 0]
    assert [(p.value, p.high) for p in shown.points] == [(3.8e10, 3.8e10), (0, 0),
                                                         (5e9, 7e9), (0, 0)]
    assert chart.tick_labels()[-1] == "Undated"


def test_label_distribution_in_label_colours(qtbot, make_window, corpus):
    window = make_window()

    dock = _plots(qtbot, window, "labels")

    chart = dock.chart()
    assert chart.tick_names() == ["ORG", "PERSON", "MONEY"]
    assert _widths(chart) == [7, 2, 3]
    assert _colors(chart) == [ORG, PERSON, label_by_name("MONEY").color]


def test_scopes_count_the_current_selected_or_listed_articles(qtbot, make_window, corpus):
    window = make_window()
    window.open_article(corpus.articles["P3"])

    dock = _plots(qtbot, window, "entities", scope="article")
    assert dock.chart().tick_names() == ["Nvidia", "Sam Altman"]
    assert "current article" in dock.page().caption.text()

    window.library.select_article(corpus.articles["P1"])
    dock = _plots(qtbot, window, "entities", scope="selection")
    assert [(b.name, b.count) for b in dock.figure().bars] == [
        ("OpenAI", 2), ("AWS", 1), ("Nvidia", 1)]
    assert "1 selected article" in dock.page().caption.text()

    window.library.set_search_text("Altman")
    dock = _plots(qtbot, window, "entities", scope="search")
    assert [b.name for b in dock.figure().bars] == ["Sam Altman", "AWS", "Nvidia", "OpenAI"]
    assert "search result (2 articles)" in dock.page().caption.text()


def test_empty_states_say_what_to_do(qtbot, make_window, db):
    window = make_window()

    dock = _plots(qtbot, window, "entities")
    assert dock.empty_text() == figures.NO_ENTITIES
    for kind, text in (("money", figures.NO_MONEY), ("timeline", figures.NO_TIMELINE),
                       ("labels", figures.NO_LABELS)):
        dock = _plots(qtbot, window, kind)
        assert dock.empty_text() == text
        assert not dock.export_png_action.isEnabled()

    dock = _plots(qtbot, window, "entities", scope="article")
    assert dock.empty_text().startswith("Open an article")


def test_without_pyqtgraph_the_dock_says_the_install_is_broken(qtbot, make_window, corpus,
                                                                monkeypatch):
    import desktop.ui.plots

    monkeypatch.delattr(desktop.ui.plots, "charts", raising=False)
    monkeypatch.setitem(sys.modules, "desktop.ui.plots.charts", None)  # import fails
    window = make_window()

    dock = window.show_plots()

    text = dock.empty_text()
    assert "installation is broken" in text
    assert "pip install --force-reinstall marginalia" in text
    assert "[plots]" not in text


# --- hover, click, double-click --------------------------------------------------------

def test_hovering_a_bar_shows_its_exact_figures_for_the_locale(
        qtbot, make_window, corpus, english):
    window = make_window()
    dock = _plots(qtbot, window, "money")
    dock.set_currency("USD")
    chart = dock.chart()

    qtbot.mouseMove(chart.viewport(), chart.bar_position(1))

    assert dock.detail_label.text() == (
        "AWS (ORG) · USD · 5,000,000,000–7,000,000,000 USD (1 amount, 1 range) · "
        "Attributed: Linked by relations")


def test_clicking_a_bar_filters_the_library_and_the_panel(qtbot, make_window, corpus):
    window = make_window()
    dock = _plots(qtbot, window, "entities")
    chart = dock.chart()

    with qtbot.waitSignal(dock.filter_requested, timeout=10_000) as blocker:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton,
                         pos=chart.bar_position(3))  # Sam Altman

    expected = [corpus.articles["P2"], corpus.articles["P3"]]
    assert blocker.args == [expected]
    model = window.library.model()
    assert sorted(model.article_id(row) for row in range(model.match_count())) == expected
    window.open_article(corpus.articles["P2"])
    assert window.panel.annotation_count() == 1  # only the entity's mention
    assert dock.filter_note.label.text() == "Filtered to “Sam Altman”"

    dock.filter_note.button.click()
    assert model.match_count() == 3
    assert window.panel.annotation_count() == 5


def test_double_clicking_a_bar_opens_the_first_mention(qtbot, make_window, corpus):
    window = make_window()
    window.open_article(corpus.articles["P3"])
    dock = _plots(qtbot, window, "money")
    dock.set_currency("USD")
    chart = dock.chart()

    with qtbot.waitSignal(dock.open_requested, timeout=10_000) as blocker:
        _double_click(qtbot, chart.viewport(), chart.bar_position(1))  # AWS

    amount = corpus.annotations["p2 range"]
    assert blocker.args == [corpus.articles["P2"], amount]
    assert window.current_article_id() == corpus.articles["P2"]
    assert window.panel.current_annotation_id() == amount
    start = BODIES["P2"][0].index("between")
    assert window.reader.selection_range() == (start, start + len("between 5 and 7 billion "
                                                                  "dollars"))


def test_clicking_a_month_lists_its_articles(qtbot, make_window, corpus):
    window = make_window()
    dock = _plots(qtbot, window, "timeline")
    chart = dock.chart()

    with qtbot.waitSignal(dock.filter_requested, timeout=10_000) as blocker:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton,
                         pos=chart.month_position(3))

    assert blocker.args == [[corpus.articles["P3"]]]


# --- refresh ------------------------------------------------------------------------------

def test_the_plot_follows_a_new_annotation_and_its_undo(qtbot, make_window, corpus):
    window = make_window()
    window.open_article(corpus.articles["P3"])
    dock = _plots(qtbot, window, "labels", scope="article")
    chart = dock.chart()
    bars = chart.bar_item()
    assert _widths(chart) == [1, 1]

    body = window.reader.text()
    window.select_range(body.index("met"), body.index("met") + 3)
    assert window.tag_selection("ORG") is not None
    assert dock.refresh_timer.isActive()
    _redraw(qtbot, dock)
    assert _widths(chart) == [2, 1]

    window.undo_action.trigger()
    _redraw(qtbot, dock)
    assert _widths(chart) == [1, 1]
    assert chart.bar_item() is bars  # the item is updated in place, not rebuilt


def test_a_hidden_tab_is_recomputed_only_when_shown(qtbot, make_window, corpus):
    window = make_window()
    window.open_article(corpus.articles["P3"])
    dock = _plots(qtbot, window, "labels", scope="article")
    dock.set_kind("entities")
    stale = dock.figure("labels")

    body = window.reader.text()
    window.select_range(body.index("met"), body.index("met") + 3)
    window.tag_selection("ORG")
    _redraw(qtbot, dock)
    assert dock.figure("labels") is stale

    with qtbot.waitSignal(dock.refreshed, timeout=10_000):
        dock.set_kind("labels")
    assert [b.count for b in dock.figure("labels").bars] == [2, 1]


# --- export --------------------------------------------------------------------------------

def test_png_export_writes_the_plot_at_its_size(qtbot, make_window, corpus, tmp_path,
                                                monkeypatch):
    window = make_window()
    dock = _plots(qtbot, window, "entities")
    target = tmp_path / "entities.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PNG image (*.png)"))

    dock.export_png_action.trigger()

    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == (dock.page().width(), dock.page().height())
    assert len({image.pixel(x, image.height() // 2) for x in range(image.width())}) > 2


def test_csv_export_holds_what_is_shown(qtbot, make_window, corpus, tmp_path, monkeypatch):
    window = make_window()
    dock = _plots(qtbot, window, "money")
    dock.set_currency("USD")
    target = tmp_path / "money"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "CSV (*.csv)"))

    dock.export_csv_action.trigger()

    with open(tmp_path / "money.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        ["entity", "label", "currency", "total", "high", "amounts", "approximate", "ranges",
         "rule"],
        ["OpenAI", "ORG", "USD", "38000000000", "38000000000", "1", "0", "0",
         "Linked by relations"],
        ["AWS", "ORG", "USD", "5000000000", "7000000000", "1", "0", "1",
         "Linked by relations"],
    ]
