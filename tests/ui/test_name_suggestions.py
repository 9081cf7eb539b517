"""Names proposed before anyone tags them: the name model in the reader (issue #12).

The models are read once per test session (``recognizer`` below; the
window then takes them from the process at once). Each test asserts what
the user sees — the dashed suggestions, their label, the status bar — and
what the database holds after an answer.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from db import annotations as store
from db import reads
from desktop.core import ner
from desktop.core.suggest import KNOWN, MODEL
from tests.helpers import store_article, tag

GOLD = Path(__file__).resolve().parents[1] / "data" / "ner_gold"
GHOSN = GOLD / "fr-2018-11-19-carlos-ghosn-nissan-confirme-la-dissimulation-des-revenus-au.txt"


@pytest.fixture(scope="session")
def recognizer() -> ner.NameRecognizer:
    if set(ner.installed_models()) != set(ner.MODELS):
        pytest.skip(ner.missing_note())
    loaded = ner.load_recognizer()
    assert loaded is not None
    return loaded


def _ghosn_body() -> str:
    from desktop.core.import_formats import parse_text

    return parse_text(GHOSN.read_text(encoding="utf-8")).body


def _open(qtbot, window, article_id: int) -> None:
    """Opens an article and waits until the model's names are among its suggestions."""
    window.open_article(article_id)
    qtbot.waitUntil(lambda: window.suggestions.names_shown_for() == article_id, timeout=30_000)


def _offered(window) -> set[tuple[str, str, str, str]]:
    return {(s.text, s.label, s.source, s.entity) for s in window.suggestions.suggestions()}


def _at(window, text: str, nth: int = 0):
    return [s for s in window.suggestions.suggestions() if s.text == text][nth]


def test_a_new_user_s_first_article_shows_names_with_their_labels(
        qtbot, make_window, recognizer):
    window = make_window()
    article_id = store_article("Ghosn", _ghosn_body())
    _open(qtbot, window, article_id)

    offered = _offered(window)
    assert {("Carlos Ghosn", "PERSON", MODEL, ""), ("Ghosn", "PERSON", MODEL, "Carlos Ghosn"),
            ("Nissan", "ORG", MODEL, ""), ("Renault", "ORG", MODEL, ""),
            ("Tokyo", "PLACE", MODEL, ""), ("NHK", "ORG", MODEL, "")} <= offered
    shown = window.reader_suggestions()
    body = window.reader.text()
    nissan = body.index("Nissan")
    assert (nissan, nissan + 6, "ORG") in shown  # dashed in the reader, in the label's colour
    window.suggestions.go_to(window.suggestions.suggestions().index(_at(window, "Ghosn")))
    assert "PERSON · Carlos Ghosn (found by the name model)" in \
        window.statusBar().currentMessage()


def test_accepting_model_names_links_them_to_their_entities_in_one_step(
        qtbot, make_window, recognizer):
    window = make_window()
    article_id = store_article("Ghosn", _ghosn_body())
    _open(qtbot, window, article_id)
    steps = window.runner.stack.count()

    window.suggestions.accept([_at(window, "Carlos Ghosn"), _at(window, "Ghosn", 1)])
    window.suggestions.go_to(window.suggestions.suggestions().index(_at(window, "Nissan")))
    qtbot.keyClick(window.reader.body, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)

    stored = store.annotations_for_article(article_id)
    names = reads.entity_names({a.entity_id for a in stored})
    linked = {(a.quote, names[a.entity_id]) for a in stored}
    assert ("Ghosn", "Carlos Ghosn") in linked and ("Carlos Ghosn", "Carlos Ghosn") in linked
    assert ("Nissan", "Nissan") in linked and ("Renault", "Renault") in linked
    assert window.runner.stack.count() == steps + 2
    assert not any(s.text == "Nissan" for s in window.suggestions.suggestions())
    window.undo_action.trigger()  # accept all ORG was one step
    assert {a.quote for a in store.annotations_for_article(article_id)} == {
        "Carlos Ghosn", "Ghosn"}


def test_a_rejected_name_is_never_proposed_again_here_or_elsewhere(
        qtbot, make_window, recognizer):
    window = make_window()
    first = store_article("Ghosn", _ghosn_body())
    second = store_article("Encore", "Nissan, le constructeur japonais, a confirmé jeudi "
                                     "que Nissan allait réduire sa production à Yokohama.")
    _open(qtbot, window, first)
    nissan = _at(window, "Nissan")
    window.suggestions.go_to(window.suggestions.suggestions().index(nissan))
    qtbot.keyClick(window.reader.body, Qt.Key.Key_R)

    assert not any(s.text == "Nissan" for s in window.suggestions.suggestions())
    assert any(s.text == "Renault" for s in window.suggestions.suggestions())
    _open(qtbot, window, second)
    assert ("Yokohama", "PLACE", MODEL, "") in _offered(window)
    assert not any(s.text == "Nissan" and s.label == "ORG"
                   for s in window.suggestions.suggestions())


def test_names_the_user_tagged_come_first_aliases_too(qtbot, make_window, recognizer):
    window = make_window()
    earlier = store_article("Avant", "AWS et Nissan signent.")
    tag(earlier, "Nissan", "PRODUCT")
    aws = tag(earlier, "AWS", "ORG")
    window.open_article(earlier)
    window.edit_annotation(aws, {"entity": "Amazon Web Services"})  # "AWS" becomes an alias
    body = ("Amazon Web Services (AWS) fournit Nissan. Selon AWS, Nissan paiera "
            "38 milliards de dollars à Amazon Web Services.")
    later = store_article("Après", body)
    _open(qtbot, window, later)

    offered = {(text, label, source) for text, label, source, _ in _offered(window)}
    assert ("Nissan", "PRODUCT", KNOWN) in offered
    assert ("AWS", "ORG", KNOWN) in offered
    assert ("Amazon Web Services", "ORG", KNOWN) in offered
    assert not any(s.source == MODEL for s in window.suggestions.suggestions())

    window.suggestions.accept([_at(window, "AWS", 1)])
    [stored] = [a for a in store.annotations_for_article(later) if a.quote == "AWS"]
    assert reads.entity_names({stored.entity_id}) == {stored.entity_id: "Amazon Web Services"}


def test_without_the_model_known_names_still_come_and_the_status_bar_says_so_once(
        qtbot, make_window, monkeypatch):
    from desktop.ui import known_names

    missing = known_names._ModelLoader()
    missing.started = missing.done = True
    missing.note = "Names are suggested from your tags only: the name model is not installed."
    monkeypatch.setattr(known_names, "_loader", missing)
    monkeypatch.setattr(known_names.KnownNames, "model_enabled", True)
    window = make_window()
    first = store_article("Un", "OpenAI signe avec AWS.")
    tag(first, "OpenAI", "ORG")
    second = store_article("Deux", "Le rival d’OpenAI répond à Nvidia.")
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)

    window.open_article(second)
    qtbot.waitUntil(lambda: window.suggestions.shown_for() == second)
    assert [(s.text, s.source) for s in window.suggestions.suggestions()] == [("OpenAI", KNOWN)]
    window.open_article(first)
    qtbot.waitUntil(lambda: window.suggestions.shown_for() == first)
    assert messages.count(missing.note) == 1
    assert window.suggestions.names_shown_for() is None


_PAINT_PROBE = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QEvent, QObject
    from desktop.ui import app
    from desktop.ui.main_window import MainWindow

    show = MainWindow.show

    class Probe(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                print("spacy at first paint:", "spacy" in sys.modules, flush=True)
            return False

    probe = Probe()

    def watched_show(window):
        window.reader.body_viewport().installEventFilter(probe)
        show(window)

    MainWindow.show = watched_show
    sys.exit(app.run_gui(sys.argv[1], smoke=True))
""")


def test_spacy_is_not_loaded_before_the_first_paint(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               MARGINALIA_SETTINGS=str(tmp_path / "settings.ini"))
    root = Path(__file__).resolve().parents[2]
    db_file = str(tmp_path / "db.sqlite3")
    for _ in range(2):  # the first run creates the database; the second is a usual start
        result = subprocess.run([sys.executable, "-c", _PAINT_PROBE, db_file],
                                capture_output=True, text=True, env=env, timeout=60, cwd=root)
        assert result.returncode == 0, result.stderr
        assert "spacy at first paint: False" in result.stdout.splitlines()


def test_names_from_the_model_can_be_switched_off_and_on_again(qtbot, make_window, recognizer):
    window = make_window()
    article_id = store_article("Ghosn", _ghosn_body())
    _open(qtbot, window, article_id)
    assert any(s.source == MODEL for s in window.suggestions.suggestions())
    action = window.name_model_action
    assert action.isChecked() and action in window._suggestions_menu.actions()

    action.trigger()  # Suggestions ▸ Names from the model, off
    assert not action.isChecked()
    assert window.statusBar().currentMessage() == "Only the names already tagged are proposed."
    assert not any(s.source == MODEL for s in window.suggestions.suggestions())
    nissan = window.reader.text().index("Nissan")
    assert (nissan, nissan + 6, "ORG") not in window.reader_suggestions()
    window.close()

    again = make_window()  # remembered
    again.open_article(article_id)
    assert not again.name_model_action.isChecked()
    assert again.known_names.recognizer() is None  # not even asked of the model
    qtbot.waitUntil(lambda: again.suggestions.suggestions() != [])  # the amounts
    assert not any(s.source == MODEL for s in again.suggestions.suggestions())

    again.name_model_action.trigger()  # on again: the model's names come back
    qtbot.waitUntil(lambda: any(s.source == MODEL for s in again.suggestions.suggestions()),
                    timeout=30_000)
    assert (nissan, nissan + 6, "ORG") in again.reader_suggestions()
