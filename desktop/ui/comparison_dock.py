"""The Compare dock: what the articles open side by side share and where they differ.

It compares the articles the window's reader panes show (two or more) with
:func:`desktop.core.comparison.compare`: the entities they share, those
only one names, the amounts that agree and those linked to the same parties
that differ. Each pane's annotations come from its controller (kept in step
with every change); their entity names and relations are read here, through
:mod:`db`. The comparison is made again a moment after a pane opens an
article, a pane is added or closed, or a change touches one of the open
articles (or the entities or labels), and only while the dock is shown.

Clicking a row selects, in each pane, the mention (or amount) it stands for.
The rows are few (a few articles' entities and amounts), so a tree widget
holds them, sections and all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import annotations as annotation_store
from db import reads
from db.names import name_order
from db.records import AnnotationRecord
from desktop.core.comparison import (
    AmountGroup,
    ArticleAnnotations,
    Comparison,
    EntityMentions,
    compare,
)
from desktop.core.formatting import describe_amount, format_amount
from desktop.ui.i18n import format_locale, quoted
from desktop.ui.plain_text import as_plain_text
from desktop.ui.swatch import swatch

if TYPE_CHECKING:
    from desktop.core.changes import Change
    from desktop.ui.main_window import MainWindow
    from desktop.ui.reader_controller import ReaderController

REFRESH_DELAY_MS = 150
"""How long after the last change the comparison is made again."""

TARGETS_ROLE = Qt.ItemDataRole.UserRole + 1
"""Item data (column 0): article id → (start, end) of what the row stands for there."""

ONE_ARTICLE_TEXT = QT_TRANSLATE_NOOP(  # shown translated
    "ComparisonDock",
    "Open another article beside this one (Ctrl+Shift+Enter in the library) to compare")
NAME, LABEL = 0, 1
FIRST_ARTICLE = 2
TITLE_CHARS = 40


def _short(title: str, limit: int = TITLE_CHARS) -> str:
    return title if len(title) <= limit else title[:limit - 1].rstrip() + "…"


def _times(records: Sequence[AnnotationRecord]) -> str:
    return f" (×{len(records)})" if len(records) > 1 else ""


class ComparisonDock(QDockWidget):
    """Compares the articles open in the window's reader panes.

    Attributes:
        tree: the sections and their rows; columns: name, label, then one
            per article compared.
        message: what is shown instead when there is nothing to compare.
        comparison: the last comparison made (None while fewer than two
            articles are open).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(self.tr("Compare"), window)
        self.setObjectName("compare")  # saveState/restoreState need names
        self._window = window
        self.comparison: Comparison | None = None
        self._titles: dict[int, str] = {}
        self._languages: dict[int, str] = {}  # of the articles compared (their counts' nouns)
        self._sized_for: tuple[int, ...] = ()  # the articles the columns were sized for
        self._dirty = True

        self.message = QLabel(self.tr(ONE_ARTICLE_TEXT))
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setEnabled(False)  # muted, like the reader's empty text
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setTextElideMode(Qt.TextElideMode.ElideRight)  # the titles
        self._figures: list[int] = []  # how wide each article's column's cells are
        self.tree.viewport().installEventFilter(self)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.itemActivated.connect(self._on_item_clicked)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        window.runner.changed.connect(self._on_changed)
        window.pane_added.connect(self._on_panes_changed)
        window.pane_closed.connect(self._on_panes_changed)
        window.panes_reordered.connect(self._on_panes_changed)
        self.visibilityChanged.connect(self._on_visibility_changed)
        self._watch_panes()
        self._show_message(True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Compare"))
            self.message.setText(self.tr(ONE_ARTICLE_TEXT))
            if self.comparison is not None:
                self._show(self.comparison)
        super().changeEvent(event)

    # --- when to compare ------------------------------------------------------------

    def schedule_refresh(self, *_args: Any) -> None:
        """Compares again in a moment if shown, else when next shown."""
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def _watch_panes(self) -> None:
        for controller in self._window.panes:
            controller.article_opened.connect(self.schedule_refresh,
                                              Qt.ConnectionType.UniqueConnection)

    def _on_panes_changed(self, *_args: Any) -> None:
        self._watch_panes()
        self.schedule_refresh()

    def _on_changed(self, change: Change) -> None:
        open_ids = {c.article_id for c in self._window.panes if c.article_id is not None}
        if (change.reload or change.labels or change.entities
                or open_ids & (change.article_ids | change.articles_edited)):
            self.schedule_refresh()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible and self._dirty:
            self._timer.start()

    # --- comparing --------------------------------------------------------------------

    def _open_controllers(self) -> list[ReaderController]:
        """One pane per article shown, in the panes' order."""
        seen: set[int] = set()
        controllers = []
        for controller in self._window.panes:
            article_id = controller.article_id
            if article_id is not None and article_id not in seen:
                seen.add(article_id)
                controllers.append(controller)
        return controllers

    def _article_data(self, controller: ReaderController) -> ArticleAnnotations:
        article = controller.article
        assert article is not None
        records = (controller.records() if controller.all_loaded
                   else reads.annotations_for_article(article.id))
        # Read, not taken from the pane: a rename or merge in the Entities dock
        # changes names without touching this article's annotations.
        names = reads.entity_names({r.entity_id for r in records if r.entity_id is not None})
        kinds = {label.id: label.kind for label in self._window.labels.by_id.values()}
        relations = [(source, target) for _id, _kind, source, target
                     in annotation_store.relations_for_article(article.id)]
        return ArticleAnnotations(article.id, article.title, records, names, kinds, relations,
                                  article.language or "")

    def refresh(self) -> None:
        """Compares the open articles now and shows the result."""
        self._timer.stop()
        self._dirty = False
        controllers = self._open_controllers()
        if len(controllers) < 2:
            self.comparison = None
            self.tree.clear()
            self._show_message(True)
            return
        articles = [self._article_data(c) for c in controllers]
        self._titles = {a.article_id: a.title for a in articles}
        self._languages = {a.article_id: a.language for a in articles}
        self.comparison = compare(articles)
        self._show(self.comparison)
        self._show_message(False)

    def _show_message(self, shown: bool) -> None:
        self.message.setVisible(shown)
        self.tree.setVisible(not shown)

    # --- showing ------------------------------------------------------------------------

    def _show(self, comparison: Comparison) -> None:
        ids = comparison.article_ids
        expanded = self._expanded_sections()
        self.tree.clear()
        self.tree.setColumnCount(FIRST_ARTICLE + len(ids))
        headers = [self.tr("Entity or amount"), self.tr("Label"),
                   *(self._titles[i] for i in ids)]  # elided to the column by the header
        self.tree.setHeaderLabels(headers)
        header_item = self.tree.headerItem()
        for column, article_id in enumerate(ids, start=FIRST_ARTICLE):
            header_item.setToolTip(column, as_plain_text(self._titles[article_id]))
        # What the articles have in common and where they differ come first; the
        # lists of what only one names (often long) after.
        sections: list[tuple[str, list[QTreeWidgetItem]]] = [
            (self.tr("Shared entities"),
             [self._entity_row(e, ids) for e in comparison.shared_entities]),
            (self.tr("Amounts that agree"),
             [self._agreeing_row(g, ids) for g in comparison.agreeing_amounts]),
            (self.tr("Amounts that differ"),
             [self._differing_row(g, ids, comparison.party_names)
              for g in comparison.disagreeing_amounts])]
        for article_id in ids:
            sections.append((self.tr("Only in {title}").format(
                                 title=_short(self._titles[article_id])),
                             [self._entity_row(e, ids) for e in comparison.only_in[article_id]]))
        for title, rows in sections:
            section = QTreeWidgetItem([f"{title} — {len(rows)}"])
            font = QFont(section.font(NAME))
            font.setBold(True)
            section.setFont(NAME, font)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(section)
            section.setFirstColumnSpanned(True)
            if rows:
                section.addChildren(rows)
            else:
                empty = QTreeWidgetItem([self.tr("None")])
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                section.addChild(empty)
            section.setExpanded(expanded.get(title, True))
        # The name and label columns as wide as their rows (the section titles span
        # them all); for the same articles they only grow, keeping what the user
        # widened. The articles' columns share the rest of the width equally, never
        # narrower than their figures (the view scrolls sideways instead).
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        same = ids == self._sized_for
        self._sized_for = ids
        for column in (NAME, LABEL):
            wanted = max(self.tree.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, max(wanted, header.sectionSize(column)) if same
                                 else wanted)
        self._figures = [self.tree.sizeHintForColumn(column)
                         for column in range(FIRST_ARTICLE, self.tree.columnCount())]
        self._fit_articles()

    def _fit_articles(self) -> None:
        """Shares what the name and label columns leave of the width between the articles'
        columns, each at least as wide as its figures (the view scrolls sideways then)."""
        header = self.tree.header()
        if not self._figures:
            return
        left = self.tree.viewport().width() - header.sectionSize(NAME) \
            - header.sectionSize(LABEL)
        share, extra = divmod(max(0, left), len(self._figures))
        for place, figures in enumerate(self._figures):
            wanted = share + (extra if place == len(self._figures) - 1 else 0)
            header.resizeSection(FIRST_ARTICLE + place, max(figures, wanted))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_articles()  # the dock, or a scroll bar coming or going
        return super().eventFilter(watched, event)

    def _expanded_sections(self) -> dict[str, bool]:
        """Whether each section (by its title, without the count) is open now."""
        found = {}
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            found[item.text(NAME).rpartition(" — ")[0]] = item.isExpanded()
        return found

    def _label_cells(self, item: QTreeWidgetItem, label_id: int) -> None:
        label = self._window.labels.by_id.get(label_id)
        if label is not None:
            item.setText(LABEL, label.name)
            item.setIcon(LABEL, swatch(label.color))

    @staticmethod
    def _targets(item: QTreeWidgetItem, firsts: Mapping[int, AnnotationRecord | None]) -> None:
        item.setData(NAME, TARGETS_ROLE, {article_id: (r.start, r.end)
                                          for article_id, r in firsts.items() if r is not None})

    def _entity_row(self, entity: EntityMentions, ids: Sequence[int]) -> QTreeWidgetItem:
        item = QTreeWidgetItem([entity.name])
        item.setToolTip(NAME, as_plain_text(self.tr(
            "{name}: %n mention(s) — click to show the first one in each article", None,
            entity.total).format(name=entity.name)))
        self._label_cells(item, entity.label_id)
        for column, article_id in enumerate(ids, start=FIRST_ARTICLE):
            mentions = entity.mentions.get(article_id, ())
            item.setText(column, str(len(mentions)) if mentions else "—")
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
            if mentions:
                item.setToolTip(column, as_plain_text(
                    " · ".join(sorted({m.quote for m in mentions}))))
        self._targets(item, {a: entity.first(a) for a in ids})
        return item

    def _agreeing_row(self, group: AmountGroup, ids: Sequence[int]) -> QTreeWidgetItem:
        """The value in words, then each article's wording of it."""
        first = next(r for records in group.amounts.values() for r in records)
        item = QTreeWidgetItem([describe_amount(
            first.value, first.value_high, first.unit, first.approx, format_locale(),
            first.bound, noun_language=self._languages.get(first.article_id))])
        self._label_cells(item, group.label_id)
        for column, article_id in enumerate(ids, start=FIRST_ARTICLE):
            records = group.amounts.get(article_id, ())
            if records:
                item.setText(column, f"{quoted(records[0].quote)}{_times(records)}")
                item.setToolTip(column, as_plain_text("\n".join(
                    f"{quoted(r.quote)} = {self._value(r)}" for r in records)))
            else:
                item.setText(column, "—")
        self._targets(item, {a: group.first(a) for a in ids})
        return item

    def _differing_row(self, group: AmountGroup, ids: Sequence[int],
                       party_names: Mapping[int, str]) -> QTreeWidgetItem:
        """The parties, then each article's value for them."""
        parties = " · ".join(sorted((party_names.get(e, "?") for e in group.parties),
                                    key=name_order))
        item = QTreeWidgetItem([parties])
        item.setToolTip(NAME, as_plain_text(
            self.tr("Linked to {parties} in each article, with values that differ").format(
                parties=parties)))
        self._label_cells(item, group.label_id)
        for column, article_id in enumerate(ids, start=FIRST_ARTICLE):
            records = group.amounts.get(article_id, ())
            if records:
                item.setText(column, " / ".join(dict.fromkeys(map(self._value, records))))
                item.setToolTip(column, as_plain_text("\n".join(
                    f"{quoted(r.quote)} = {self._value(r)}" for r in records)))
            else:
                item.setText(column, "—")
        self._targets(item, {a: group.first(a) for a in ids})
        return item

    @staticmethod
    def _value(record: AnnotationRecord) -> str:
        return format_amount(record.value, record.value_high, record.unit, record.approx,
                             record.bound)

    # --- going to a row -----------------------------------------------------------------

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        targets = item.data(NAME, TARGETS_ROLE)
        if not targets:
            return
        for controller in self._window.panes:
            span = targets.get(controller.article_id)
            if span is not None:
                controller.pane.select_range(*span)
