"""The French interface end to end: no English left in the main window, its menus,
docks, panel and dialogs; Qt's own buttons in French; amounts written the French way;
and the language switched at run time.

A text "left in English" is one the window shows that is the English source of a
message of ``resources/translations/marginalia_fr.ts`` translated otherwise (the
text itself, or a message with its placeholders filled in), or one that holds
words only the English sources use (a text the catalogue lacks altogether).
What the user's data says (titles, names, quotes) is not the interface's.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from tests.helpers import store_article, tag, tooltip_over

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "marginalia_fr.ts"
DEAL = ("OpenAI signe avec AWS un contrat de 38 milliards de dollars sur sept ans. "
        "Sam Altman salue l’accord ; Microsoft reste un partenaire.")
_WORD = re.compile(r"[A-Za-zÀ-ÿ’']{3,}")
_PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n")
_PATH = re.compile(r"(?:[A-Za-z]:)?[/\\][^\s)]*")


class Catalogue:
    """The French catalogue's messages: what is English, what is French."""

    def __init__(self, path: Path) -> None:
        self.sources: dict[str, set[str]] = {}  # English source → its translations
        patterns: list[tuple[re.Pattern[str], str]] = []
        for message in ET.parse(path).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.findall("numerusform")] or [
                translation.text or ""]
            self.sources.setdefault(source, set()).update(forms)
            literal = _PLACEHOLDER.sub(" ", source)
            if _PLACEHOLDER.search(source) and len(_WORD.findall(literal)) >= 2:
                pattern = "".join(r"(?:.+?)" if _PLACEHOLDER.fullmatch(part) else re.escape(part)
                                  for part in re.split(r"(\{[a-z_0-9]*\}|%n)", source))
                patterns.append((re.compile(pattern, re.DOTALL), source))
        self.patterns = patterns
        translated = " ".join(t for forms in self.sources.values() for t in forms)
        french_words = {w.lower() for w in _WORD.findall(translated)}
        self.english_words = {w.lower() for s in self.sources for w in _WORD.findall(s)
                              if not _PLACEHOLDER.fullmatch(w)} - french_words

    def english_left(self, text: str, data: list[str]) -> str | None:
        """Why ``text`` is English the catalogue translates, or None."""
        if text in self.sources and text not in self.sources[text]:
            return "an English source"
        for pattern, source in self.patterns:
            if pattern.fullmatch(text) and not any(
                    _fits(translation, text) for translation in self.sources[source]):
                return f"the English of “{source}”"
        for piece in data:  # the user's data is not the interface's, nor are file paths
            text = text.replace(piece, " ")
        text = _PATH.sub(" ", text)
        english = {w.lower() for w in _WORD.findall(text)} & self.english_words
        if len(english) >= 2 or (english and len(_WORD.findall(text)) == 1):
            return f"English words the catalogue lacks: {sorted(english)}"
        return None


def _fits(translation: str, text: str) -> bool:
    pattern = "".join(r"(?:.+?)" if _PLACEHOLDER.fullmatch(part) else re.escape(part)
                      for part in re.split(r"(\{[a-z_0-9]*\}|%n)", translation))
    return re.fullmatch(pattern, text, re.DOTALL) is not None


def _plain(text: str) -> str:
    """A label's text without its markup, as read."""
    return unescape(re.sub(r"<[^>]+>", " ", text)).strip() if "<" in text else text.strip()


def visible_texts(root: QWidget) -> list[str]:
    """Every text ``root`` and its children show: titles, labels, buttons, menus and
    their actions, placeholders, tooltips, tab and header titles, combo items."""
    texts: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        texts += [widget.windowTitle(), widget.toolTip(), widget.accessibleName(),
                  widget.statusTip()]
        if isinstance(widget, QLabel):
            texts.append(_plain(widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            texts.append(widget.title())
        header = (widget.horizontalHeader() if isinstance(widget, QTableView)
                  else widget.header() if isinstance(widget, QTreeView) else None)
        if header is not None and widget.model() is not None:
            model = widget.model()
            for column in range(header.count()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(column, Qt.Orientation.Horizontal, role)
                    if isinstance(value, str):
                        texts.append(value)
        for action in widget.actions():
            texts += [action.text(), action.toolTip(), action.statusTip()]
    return [text for text in texts if text and text.strip()]


def assert_french(catalogue: Catalogue, root: QWidget, data: list[str], where: str) -> None:
    left = sorted({f"{text!r}: {why}" for text in visible_texts(root)
                   if (why := catalogue.english_left(text, data)) is not None})
    assert not left, f"English left in {where}:\n" + "\n".join(left)


@pytest.fixture
def catalogue() -> Catalogue:
    return Catalogue(CATALOGUE)


@pytest.fixture
def french(qapp):
    from desktop.ui.i18n import install_translations

    assert install_translations(qapp, "fr") == "fr"
    yield
    install_translations(qapp, "en")


@pytest.fixture
def corpus(db, french) -> dict[str, int]:
    """The demo articles, and an article on the AWS deal with its amount and parties."""
    from db.relations import RelationRecord, insert_relations
    from desktop.core.seed import seed_demo_if_empty

    seed_demo_if_empty()
    article = store_article("OpenAI et AWS : 38 milliards", DEAL, "fr")
    money = tag(article, "38 milliards de dollars", "MONEY", value=3.8e10, unit="USD")
    parties = [tag(article, name, "ORG", entity=name) for name in ("OpenAI", "AWS")]
    insert_relations([RelationRecord(None, "deal", money, party) for party in parties])
    tag(article, "Sam Altman", "PERSON", entity="Sam Altman")
    years = tag(article, "sept ans", "DURATION", value=7, unit="year")
    return {"article": article, "money": money, "years": years}


def _data() -> list[str]:
    """What the user's data says: titles, sources, label names (longest first)."""
    from db import reads
    from db.library import article_ids, rows

    pieces = [label.name for label in reads.labels()]
    for row in rows(article_ids("", "date", True, None)).values():
        pieces += [row.title, row.source]
    return sorted({p for p in pieces if p}, key=len, reverse=True)


def _mnemonics(texts: list[str]) -> list[str]:
    """The letters "&" marks in ``texts`` ("&&" is an ampersand), lower case."""
    return [m.group(1).lower() for text in texts
            for m in [re.search(r"(?<!&)&([^&\s])", text)] if m]


def _open_menus(qtbot, window) -> None:
    """Opens each menu of the menu bar; in each, no two entries share a key (Alt+letter)."""
    titles = [action.text() for action in window.menuBar().actions()]
    assert len(set(_mnemonics(titles))) == len(titles), titles
    for action in window.menuBar().actions():
        menu = action.menu()
        menu.popup(window.mapToGlobal(window.rect().center()))
        qtbot.waitUntil(menu.isVisible)
        keys = _mnemonics([entry.text() for entry in menu.actions()])
        assert len(set(keys)) == len(keys), (menu.title(), keys)
        menu.hide()


def test_french_main_window_menus_docks_panel_and_dialogs(qtbot, make_window, corpus,
                                                           catalogue):
    from db import reads

    window = make_window()
    assert window.open_article(corpus["article"])
    demo = next(i for i in map(window.library.model().article_id, range(31))
                if i is not None and "wikinews" in (reads.get_article(i).source or ""))
    window.open_beside(demo)  # a demo article (its licence line), and two panes to compare
    window.focus_pane(0)
    data = [*_data(), DEAL]
    window.show_plots()
    window.show_entities()
    window.show_comparison()
    window.show_deals()
    window.show_review()
    qtbot.waitUntil(lambda: window.plots_dock.figure() is not None, timeout=10_000)
    window.panel.select_annotation(corpus["money"])
    window.reader.select_range(DEAL.index("milliards"), DEAL.index("milliards") + 9)
    window.reader.open_find()
    _open_menus(qtbot, window)
    assert [a.text() for a in window.menuBar().actions()] == [
        "&Fichier", "É&dition", "&Suggestions", "&Affichage", "&Outils", "Aid&e"]
    assert_french(catalogue, window, data, "the main window")

    # The amount as French writes it, in the panel.
    money = window.panel.model().index_of(corpus["money"]).siblingAtColumn(1)
    assert money.data().replace("\u00a0", " ").replace("\u202f", " ") == "38 Md $US"
    years = window.panel.model().index_of(corpus["years"]).siblingAtColumn(1)
    assert years.data() == "7 ans"  # not the stored unit, "7 year"

    # The dialogs, each as the menus open it.
    from desktop.ui.labels_dialog import LabelsDialog

    labels = LabelsDialog(window.commands.run_reporting, window)
    qtbot.addWidget(labels)
    labels.show()
    assert_french(catalogue, labels, data, "the Labels dialog")
    labels.close()

    export = window.transfers.ask_export()
    assert_french(catalogue, export, data, "the Export dialog")
    cancel = export.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Annuler"  # Qt's own text, from Qt's French catalogue
    export.reject()

    details = window.edit_article(corpus["article"])
    assert details is not None
    assert_french(catalogue, details, data, "the Article details dialog")
    details.reject()

    backups = window.open_backups()
    assert backups is not None
    assert_french(catalogue, backups, data, "the Restore a backup dialog")
    backups.reject()

    window.reader.select_range(DEAL.index("38 milliards"), DEAL.index("38 milliards") + 2)
    link = window.open_link_dialog(annotation_id=corpus["money"])
    assert link is not None
    assert_french(catalogue, link, data, "the Link dialog")
    link.reject()

    tag_all = window.tag_all_dialog()
    qtbot.addWidget(tag_all)
    tag_all.show()
    qtbot.waitUntil(lambda: bool(tag_all.count_label.text()), timeout=10_000)
    assert_french(catalogue, tag_all, data, "the Tag all occurrences dialog")
    tag_all.reject()


def test_switching_language_at_run_time(qtbot, make_window, corpus, catalogue):
    from desktop.ui.i18n import apply_language

    window = make_window()
    window.open_article(corpus["article"])
    window.show_deals()

    def menus() -> list[str]:
        return [a.text() for a in window.menuBar().actions()]

    assert menus()[0] == "&Fichier"
    assert apply_language("en") == "en"
    qtbot.waitUntil(lambda: menus() == ["&File", "&Edit", "&Suggestions", "&View", "&Tools",
                                          "&Help"])
    assert window.library_dock.windowTitle() == "Library"
    assert window.findChild(QDockWidget, "deals").windowTitle() == "Deals"
    assert window.library.model().headerData(0, Qt.Orientation.Horizontal) == "Title"
    assert window.undo_action.text().startswith("&Undo")
    money = window.panel.model().index_of(corpus["money"]).siblingAtColumn(1)
    assert money.data() == "$38B"

    assert apply_language("fr") == "fr"
    qtbot.waitUntil(lambda: menus()[0] == "&Fichier")
    assert window.library_dock.windowTitle() == "Bibliothèque"
    assert window.undo_action.text().startswith("&Annuler")
    assert window.library.model().headerData(0, Qt.Orientation.Horizontal) == "Titre"
    QApplication.processEvents()
    assert_french(catalogue, window, [*_data(), DEAL], "the main window switched back")


def test_core_messages_follow_the_language(french):
    """Undo names, import reports and refusals written by the Qt-free core."""
    from desktop.core.importers import ImportReport
    from desktop.core.operations import AddLabel, RemoveAnnotations

    assert RemoveAnnotations([1]).name == "Supprimer l’annotation"
    assert AddLabel("EVENT", "entity", "#000000", None).name == "Ajouter une étiquette"
    assert ImportReport().summary() == "Aucun article importé."
    assert QCoreApplication.translate("Import", "The file is empty.") == "Le fichier est vide."


def test_the_keyboard_sheet_and_the_preferences_speak_french(qtbot, make_window, corpus,
                                                            catalogue):
    from desktop.ui.cheat_sheet import declared_entries, menu_entries, show_cheat_sheet
    from desktop.ui.preferences_dialog import PreferencesDialog

    window = make_window()
    entries = menu_entries(window) + declared_entries(window)
    english = {"Reader", "Find bar", "Library", "Window", "This sheet"}
    assert not [e for e in entries if e.group in english]
    assert any(e.what == "Annoter la sélection comme ORG" for e in entries)
    assert not [e for e in entries if e.what.startswith(("Tag the", "Select text", "Open the"))]
    sheet = show_cheat_sheet(window)
    assert_french(catalogue, sheet, _data(), "the keyboard sheet")
    sheet.close()
    preferences = PreferencesDialog(window.settings, window)
    # Each language is offered by its own name, as the system settings do.
    left = [text for text in visible_texts(preferences)
            if text != "English" and catalogue.english_left(text, _data()) is not None]
    assert not left, f"English left in the Preferences dialog: {left}"
    preferences.reject()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_readers_tooltip_writes_an_amount_as_the_interface_language_does(
        qtbot, make_window, corpus, qapp):
    from desktop.ui.i18n import install_translations

    window = make_window()
    window.open_article(corpus["article"])
    qtbot.waitUntil(lambda: len(window.reader_highlights()) >= 4)
    money = window.reader.text().index("38 milliards") + 1

    assert tooltip_over(window.reader, money) == \
        "MONEY · 38 Md $US (3,8 × 10¹⁰ USD) · liée à OpenAI, AWS"

    install_translations(qapp, "en")
    assert tooltip_over(window.reader, money) == \
        "MONEY · $38B (3.8 × 10¹⁰ USD) · linked to OpenAI, AWS"
    # a name has no amount: its tooltip follows the language too
    assert tooltip_over(window.reader, window.reader.text().index("OpenAI") + 1) == \
        "ORG · OpenAI · linked to 38 milliards de dollars"


def test_a_pane_built_ahead_speaks_the_language_chosen_since(qtbot, make_window, db):
    """The next pane is built while the window is idle; a change of language after that
    reaches it too, so that it opens with its menus in the language of the others."""
    from desktop.ui.i18n import apply_language

    first = store_article("Premier", "Premier article sur Nvidia.", "fr")
    second = store_article("Second", "Second article sur AMD.", "fr")
    window = make_window()
    window.open_article(first)
    window.open_beside(second)
    qtbot.waitUntil(lambda: window._spare is not None)
    try:
        assert apply_language("fr") == "fr"
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&Fichier")
        third = window.open_beside(store_article("Troisième", "Sur Intel.", "fr"))
        assert third is not None
        assert third.suggestions.next_action.text() == \
            window.panes[0].suggestions.next_action.text() == "Suggestion &suivante"
    finally:
        apply_language("en")
