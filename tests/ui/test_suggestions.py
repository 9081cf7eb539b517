"""Suggestions in the reader: shown dashed, walked and answered by keyboard or click."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db import annotations as store
from db import suggestions as rejections
from db.annotations import label_by_name
from tests.helpers import open_showing_suggestions, store_article, tooltip_over

DEAL = ("OpenAI signe un pacte de 38\u00a0milliards de dollars sur 7 ans avec AWS. "
        "Selon OpenAI, des centaines de milliers de processeurs graphiques seront livrés "
        "d’ici fin 2026 ; l’infrastructure d’OpenAI vaut plus de 1 400 milliards de dollars.")


def _span(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text)


def _open(qtbot, make_window, body: str = DEAL):
    window = make_window()
    article_id = store_article("Deal", body)
    open_showing_suggestions(qtbot, window, article_id)
    return window, article_id


def test_suggestions_follow_the_first_paint_of_the_article(qtbot, make_window):
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        paints = 0

        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
            return False

    window = make_window()
    article_id = store_article("Deal", DEAL)
    counter = PaintCounter()
    window.reader.body_viewport().installEventFilter(counter)
    paints_before_suggestions = []
    window.suggestions.updated.connect(lambda _n: paints_before_suggestions.append(counter.paints))

    window.open_article(article_id)

    assert window.reader_suggestions() == []  # the text first, at once
    assert window.reader.text() == DEAL
    qtbot.waitUntil(lambda: window.suggestions.shown_for() == article_id)
    assert len(paints_before_suggestions) == 1 and paints_before_suggestions[0] >= 1
    assert (*_span(DEAL, "7 ans"), "DURATION") in window.reader_suggestions()


def test_amounts_are_proposed_dashed_with_their_values(qtbot, make_window):
    window, _ = _open(qtbot, make_window)
    shown = window.reader_suggestions()
    assert (*_span(DEAL, "38\u00a0milliards de dollars"), "MONEY") in shown
    assert (*_span(DEAL, "7 ans"), "DURATION") in shown
    assert (*_span(DEAL, "plus de 1 400 milliards de dollars"), "MONEY") in shown
    assert not any(DEAL[s:e] in ("2026", "fin 2026") for s, e, _ in shown)
    assert window.reader_highlights() == []  # nothing is an annotation yet

    start, _ = _span(DEAL, "38\u00a0milliards")
    tip = tooltip_over(window.reader, start + 1)  # as the interface language writes it
    assert tip.startswith("Suggested: MONEY · ") and "(3.8 × 10¹⁰ USD)" in tip, tip
    assert tip.endswith("A to accept, R to reject")


def test_next_and_accept_by_keyboard_store_the_value(qtbot, make_window):
    window, article_id = _open(qtbot, make_window)
    body = window.reader.text()
    qtbot.keyClick(window.reader.body, Qt.Key.Key_N)
    assert window.reader.selection_range() == _span(body, "38\u00a0milliards de dollars")

    qtbot.keyClick(window.reader.body, Qt.Key.Key_A)

    [money] = store.annotations_for_article(article_id)
    assert (money.quote, money.value, money.unit, money.approx) == (
        "38\u00a0milliards de dollars", 3.8e10, "USD", False)
    assert money.label_id == label_by_name("MONEY").id
    assert window.reader_highlights() == [(money.start, money.end, "MONEY")]
    assert (money.start, money.end, "MONEY") not in window.reader_suggestions()
    # the next suggestion is now current
    assert window.reader.selection_range() == _span(body, "7 ans")


def test_rejected_suggestion_is_not_proposed_again_and_undo_brings_it_back(
        qtbot, make_window):
    window, article_id = _open(qtbot, make_window)
    body = window.reader.text()
    years = (*_span(body, "7 ans"), "DURATION")
    qtbot.keyClick(window.reader.body, Qt.Key.Key_N)
    qtbot.keyClick(window.reader.body, Qt.Key.Key_N)
    assert window.reader.selection_range() == years[:2]

    qtbot.keyClick(window.reader.body, Qt.Key.Key_R)

    assert years not in window.reader_suggestions()
    assert rejections.rejected_for_article(article_id) == {years}
    assert store.annotations_for_article(article_id) == []
    open_showing_suggestions(qtbot, window, store_article("Other", "Un autre texte."))
    open_showing_suggestions(qtbot, window, article_id)
    assert years not in window.reader_suggestions()
    assert window.reader_suggestions()  # the others are back

    window.undo_action.trigger()
    assert rejections.rejected_for_article(article_id) == set()
    assert years in window.reader_suggestions()


def test_a_tagged_name_is_proposed_elsewhere_and_accept_all_is_one_undo_step(
        qtbot, make_window):
    window, article_id = _open(qtbot, make_window)
    body = window.reader.text()
    window.select_range(*_span(body, "OpenAI"))
    qtbot.keyClick(window.reader.body, Qt.Key.Key_1)

    orgs = [s for s in window.reader_suggestions() if s[2] == "ORG"]
    assert orgs == [(*_span(body, "OpenAI", 1), "ORG"), (*_span(body, "OpenAI", 2), "ORG")]

    qtbot.keyClick(window.reader.body, Qt.Key.Key_N)
    while window.suggestions.current().label != "ORG":
        qtbot.keyClick(window.reader.body, Qt.Key.Key_N)
    qtbot.keyClick(window.reader.body, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)

    quotes = sorted(a.quote for a in store.annotations_for_article(article_id))
    assert quotes == ["OpenAI", "OpenAI", "OpenAI"]
    window.undo_action.trigger()
    assert [a.quote for a in store.annotations_for_article(article_id)] == ["OpenAI"]


def test_clicking_a_suggestion_offers_accept_and_reject(qtbot, make_window):
    window, article_id = _open(qtbot, make_window)
    body = window.reader.text()
    ids = window.suggestions._ids
    window.reader.highlight_clicked.emit(ids[0])
    menu = window.suggestions.answer_menu()
    texts = [action.text() for action in menu.actions()]
    assert texts[0].startswith("&Accept MONEY") and "&Reject" in texts

    menu.actions()[0].trigger()
    [money] = store.annotations_for_article(article_id)
    assert (money.start, money.end) == _span(body, "38\u00a0milliards de dollars")


def test_currency_hint_changes_what_dollars_mean(qtbot, make_window):
    window, article_id = _open(qtbot, make_window, "Le contrat vaut 5 millions de dollars.")
    window.suggestions.set_currency("CAD")
    [item] = window.suggestions.suggestions()
    assert (item.value, item.unit) == (5e6, "CAD")
    assert rejections.currency_hint(article_id) == "CAD"


def test_a_long_article_gets_its_suggestions_from_a_worker(qtbot, make_window):
    from desktop.ui.suggestions import BACKGROUND_ABOVE

    filler = "Un paragraphe sans chiffre pour allonger le texte.\n" * (BACKGROUND_ABOVE // 50)
    body = filler + "Enfin, AWS facture 38 milliards de dollars."
    window, _ = _open(qtbot, make_window, body)
    start, end = _span(body, "38 milliards de dollars")

    qtbot.waitUntil(lambda: (start, end, "MONEY") in window.reader_suggestions(),
                    timeout=20_000)
    [item] = window.suggestions.suggestions()
    assert (item.value, item.unit) == (3.8e10, "USD")


def test_busy_says_a_worker_runs_until_its_thread_ends_abandoned_or_not(
        qtbot, make_window, monkeypatch):
    """What a benchmark waits on before timing the next open (bench/bench_book.py)."""
    import threading

    from desktop.core import suggest
    from desktop.ui.suggestions import BACKGROUND_ABOVE

    release = threading.Event()
    real = suggest.amount_suggestions

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is not threading.main_thread():  # the long one's
            release.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(suggest, "amount_suggestions", held)
    filler = "Un paragraphe sans chiffre pour allonger le texte.\n" * (BACKGROUND_ABOVE // 50)
    window = make_window()
    window.open_article(store_article("Long", filler + "Enfin, 38 milliards de dollars."))
    qtbot.waitUntil(window.suggestions.busy)  # started once the article is painted
    window.open_article(store_article("Court", DEAL))  # the long one's worker is abandoned
    assert window.suggestions.busy()

    release.set()

    qtbot.waitUntil(lambda: not window.suggestions.busy(), timeout=20_000)


def test_a_long_articles_workers_share_one_matcher_until_a_new_name_is_tagged(
        qtbot, make_window, monkeypatch):
    """Building a matcher from thousands of names takes tenths of a second: the workers of
    a long article share the one the first built, until a name is learnt, whose other
    mentions are then proposed."""
    import threading

    from desktop.core import entities
    from desktop.ui.suggestions import BACKGROUND_ABOVE

    built: list[int] = []

    class Counted(entities.EntityMatcher):
        def __init__(self, terms=()):  # type: ignore[no-untyped-def]
            if threading.current_thread() is not threading.main_thread():
                built.append(1)  # a worker's (the GUI thread keeps its own up to date)
            super().__init__(terms)

    monkeypatch.setattr(entities, "EntityMatcher", Counted)
    filler = "Un paragraphe sans chiffre pour allonger le texte.\n" * (BACKGROUND_ABOVE // 50)
    body = filler + "Nvidia vend. AWS facture 38 milliards de dollars. Nvidia livre."
    window, article_id = _open(qtbot, make_window, body)
    money = _span(body, "38 milliards de dollars")
    qtbot.waitUntil(lambda: (*money, "MONEY") in window.reader_suggestions(), timeout=20_000)
    workers_matchers = len(built)

    with qtbot.waitSignal(window.suggestions.updated, timeout=20_000):
        window.select_range(*money)
        window.tag_selection("MONEY")  # no name learnt: the next worker shares the matcher
    assert (*money, "MONEY") not in window.reader_suggestions()
    assert len(built) == workers_matchers

    window.select_range(*_span(body, "Nvidia"))
    window.tag_selection("ORG")  # learnt: the next worker builds a matcher with it
    second = _span(body, "Nvidia", 1)
    qtbot.waitUntil(lambda: (*second, "ORG") in window.reader_suggestions(), timeout=20_000)
    assert len(built) == workers_matchers + 1


def test_closing_the_window_while_a_worker_runs_stops_it_cleanly(qtbot, make_window):
    from desktop.ui.suggestions import BACKGROUND_ABOVE

    body = "Texte de remplissage pour un long article.\n" * (BACKGROUND_ABOVE // 40)
    window, _ = _open(qtbot, make_window, body + "Il coûte 5 millions d'euros.")
    window.close()  # waits for the worker: it must quit even though the GUI thread waits
    controller = window.suggestions
    assert controller._task is None and controller._refreshing is None


def test_more_than_is_a_lower_bound_not_an_approximation(qtbot, make_window):
    window, article_id = _open(qtbot, make_window)
    body = window.reader.text()
    start, end = _span(body, "plus de 1 400 milliards de dollars")
    [item] = [s for s in window.suggestions.suggestions() if s.start == start]
    assert (item.value, item.value_high, item.bound) == (1.4e12, None, "min")
    window.suggestions.go_to(window.suggestions.suggestions().index(item))
    assert "≥ " in window.statusBar().currentMessage()
    assert "≈" not in window.statusBar().currentMessage()
    assert [h.id < 0 for h in window.reader.highlights_at(start + 3)] == [True]
    tip = tooltip_over(window.reader, start + 3)
    assert tip.startswith("Suggested: MONEY · ≥ ") and tip.endswith("A to accept, R to reject")

    [annotation_id] = window.suggestions.accept([item])
    stored = store.get_annotation(annotation_id)
    assert (stored.value, stored.value_high, stored.bound) == (1.4e12, None, "min")
    [shown] = [h for h in window.reader.highlights_at(start + 3) if h.id == annotation_id]
    assert "≥ 1.4e12 USD" in shown.tooltip


def test_a_letter_in_a_suggestions_menu_chooses_its_entry_once(qtbot, make_window):
    """A in the menu a click on a suggestion opens accepts that one suggestion, as the
    menu says, and nothing else behind it."""
    from PySide6.QtWidgets import QApplication

    window, article_id = _open(qtbot, make_window,
                               "AT&T paie 38 milliards de dollars, puis 5 millions d'euros.")
    first, second = window.suggestions.suggestions()[:2]
    window.reader.body.setFocus()
    window.reader.highlight_clicked.emit(window.suggestions._ids[0])
    menu = QApplication.activePopupWidget()
    assert menu is not None and menu.actions()[0].text().startswith("&Accept")

    qtbot.keyClick(menu, Qt.Key.Key_A)

    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert [(a.start, a.end) for a in store.annotations_for_article(article_id)] == [
        (first.start, first.end)]
    assert (second.start, second.end) in [(s.start, s.end)
                                          for s in window.suggestions.suggestions()]
