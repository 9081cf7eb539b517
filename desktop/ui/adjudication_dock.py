"""The Adjudication dock: two annotators' versions of one article, settled difference by difference.

Tools ▸ Adjudicate… asks for annotator A and B among the authors of the
focused pane's article (:class:`AdjudicateDialog`; by default the two with
most annotations there), then shows the article twice side by side: the
focused pane filtered to A's annotations on the left, a pane filtered to
B's on the right (:meth:`~desktop.ui.main_window.MainWindow.open_beside`
with a filter). The dock lists where they differ (the agreement's rule:
only A, only B, the label, the boundaries), one row each, with the text, A's
version, B's version and the decision taken so far.

Keys in the list: Up and Down move from one difference to the next and
select it in both panes (a click does the same); **1** takes A's version,
**2** B's, **0** neither, and the list goes on to the next row; Ctrl+Z
undoes. Each decision is one undo step (:class:`~desktop.core.adjudication.AcceptVersion`),
kept in the left pane's history, so it can still be undone once
adjudication is over. The decisions are stored as annotations of the result
author (:data:`~desktop.core.adjudication.ADJUDICATED`), which neither pane
shows: the Decision column does, read from what the result holds (updated
from each change). "Neither" leaves no annotation: the column says so while
that step is in the history.

Closing the dock (or Escape in it) ends adjudication: both panes show
everyone's annotations again, and the pane it opened for B closes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.agreement_reads import Annotator, annotators, authored_annotations
from db.records import ACCEPTED, AnnotationRecord
from desktop.core.adjudication import (
    ADJUDICATED,
    AcceptAgreed,
    AcceptVersion,
    Choice,
    extent,
)
from desktop.core.agreement import Difference, DifferenceKind, Span, compare, differences
from desktop.ui.annotator_filter import EVERYONE, author_name, only
from desktop.ui.dock_body import list_key, set_dock_body
from desktop.ui.i18n import quoted
from desktop.ui.model_language import ask_again
from desktop.ui.plain_text import as_plain_text

if TYPE_CHECKING:
    from desktop.core.changes import Change
    from desktop.ui.main_window import MainWindow
    from desktop.ui.reader_controller import ReaderController

translate = QCoreApplication.translate
ModelIndex = QModelIndex | QPersistentModelIndex

WHERE, TEXT, VERSION_A, VERSION_B, DECISION = range(5)
_QUOTE_CHARS = 60
_KINDS = {
    DifferenceKind.ONLY_A: QT_TRANSLATE_NOOP("DifferencesModel", "only left"),
    DifferenceKind.ONLY_B: QT_TRANSLATE_NOOP("DifferencesModel", "only right"),
    DifferenceKind.LABEL: QT_TRANSLATE_NOOP("DifferencesModel", "label differs"),
    DifferenceKind.BOUNDARIES: QT_TRANSLATE_NOOP("DifferencesModel", "boundaries differ"),
}


def _figure(value: float | None) -> str:
    """An agreement figure with two decimals in the interface's locale; "—" if undefined."""
    return "—" if value is None else QLocale().toString(value, "f", 2)


def _one_line(text: str, limit: int = _QUOTE_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


class DifferencesModel(QAbstractTableModel):
    """The differences between A and B in one article, one per row, with the decisions.

    A short list (one article's differences): every row is held.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Difference] = []
        self._decisions: list[str] = []
        self._body = ""
        self._names = ("", "")

    def set_rows(self, body: str, names: tuple[str, str], rows: Sequence[Difference],
                 decisions: Sequence[str]) -> None:
        self.beginResetModel()
        self._body, self._names = body, names
        self._rows, self._decisions = list(rows), list(decisions)
        self.endResetModel()

    def set_decisions(self, decisions: Sequence[str]) -> None:
        """Shows new decisions for the same rows (only the cells that changed repaint)."""
        for row, (old, new) in enumerate(zip(self._decisions, decisions, strict=True)):
            if old != new:
                self._decisions[row] = new
                index = self.index(row, DECISION)
                self.dataChanged.emit(index, index)

    def difference(self, row: int) -> Difference | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def differences(self) -> list[Difference]:
        return list(self._rows)

    def decision(self, row: int) -> str:
        return self._decisions[row] if 0 <= row < len(self._decisions) else ""

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        first, second = (author_name(name) for name in self._names)
        return {WHERE: self.tr("Where"), TEXT: self.tr("Text"),
                VERSION_A: self.tr("{author} (left)").format(author=first),
                VERSION_B: self.tr("{author} (right)").format(author=second),
                DECISION: self.tr("Decision")}.get(section)

    def event(self, event: QEvent) -> bool:
        # The dock passes a change of language on: headers and cells follow.
        if event.type() == QEvent.Type.LanguageChange:
            ask_again(self, DECISION + 1)
        return super().event(event)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        difference = self.difference(index.row()) if index.isValid() else None
        if difference is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(difference, column, index.row())
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT:
            start, end = extent(difference)
            return as_plain_text(f"…{self._body[max(0, start - 40):start]}"
                                 f"[{self._body[start:end]}]{self._body[end:end + 40]}…")
        if role == Qt.ItemDataRole.FontRole and column == DECISION:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, difference: Difference, column: int, row: int) -> str:
        if column == WHERE:
            return self.tr(_KINDS[difference.kind])
        if column == TEXT:
            return quoted(_one_line(self._body[slice(*extent(difference))]))
        if column in (VERSION_A, VERSION_B):
            span = difference.a if column == VERSION_A else difference.b
            if span is None:
                return "—"
            return f"{span.label} {quoted(_one_line(self._body[span.start:span.end], 40))}"
        return self._decisions[row]


class AdjudicationDock(QDockWidget):
    """Lists where two annotators differ in one article and settles each difference.

    Attributes:
        table: the differences, one per row.
        summary: the article, who is on which side, how many are decided.
        take_a_button, take_b_button, neither_button: the decision on the current row.
        agree_button: copies every span both give identically into the result.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("adjudication")  # saveState/restoreState need names
        self._window = window
        self.article_id: int | None = None
        self.annotators: tuple[str, str] = ("", "")
        self.left: ReaderController | None = None
        self.right: ReaderController | None = None
        self._opened_right = False
        self._body = ""
        self._records: dict[int, AnnotationRecord] = {}  # A's, B's and the result's
        self._leaving = False

        body = QWidget(self)
        self._model = DifferencesModel(self)
        self.table = QTableView(body)
        self.table.setModel(self._model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((WHERE, 130), (VERSION_A, 240), (VERSION_B, 240),
                              (DECISION, 160)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)  # the rest
        header.setStretchLastSection(False)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.clicked.connect(lambda index: self._show(index.row()))

        self.summary = QLabel(body)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # it names people and a title
        self.summary.setWordWrap(True)
        self.message = QLabel(body)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setEnabled(False)  # muted, like the other docks' empty text
        self.take_a_button = QPushButton(body)
        self.take_a_button.clicked.connect(lambda: self.decide(Choice.A))
        self.take_b_button = QPushButton(body)
        self.take_b_button.clicked.connect(lambda: self.decide(Choice.B))
        self.neither_button = QPushButton(body)
        self.neither_button.clicked.connect(lambda: self.decide(Choice.NEITHER))
        self.agree_button = QPushButton(body)
        self.agree_button.clicked.connect(self.accept_agreed)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        for button in (self.take_a_button, self.take_b_button, self.neither_button,
                       self.agree_button):
            top.addWidget(button)
        set_dock_body(self, body, (top, 0), (self.table, 1), (self.message, 1))

        window.runner.changed.connect(self._on_changed)
        # An undo or a redo moves the active history (the left pane's, for decisions).
        window.runner.group.indexChanged.connect(self._on_stack_moved)
        window.pane_closed.connect(self._on_pane_closed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        self._retranslate()

    # --- starting and leaving -------------------------------------------------------

    def begin(self, article_id: int, first: str, second: str) -> None:
        """Shows the focused pane's article filtered to ``first`` on the left and, in a
        pane beside it, to ``second``; lists where they differ."""
        self.leave()
        window = self._window
        left = window.active
        if left.article_id != article_id and not left.open_article(article_id):
            return
        left.set_annotator_filter(only(first))
        opened = len(window.panes)
        right = window.open_beside(article_id, only(second))
        if right is None:
            left.set_annotator_filter(EVERYONE)
            return
        self._opened_right = len(window.panes) > opened
        self.article_id, self.annotators = article_id, (first, second)
        self.left, self.right = left, right
        for controller in (left, right):
            controller.article_opened.connect(self._on_pane_opened)
        article = left.article
        self._body = article.body if article is not None else ""
        self._read()
        self._show_rows(keep=None)
        self.table.setFocus()
        if self._model.rowCount():
            self._select(0)

    def leave(self) -> None:
        """Ends adjudication: both panes show everyone's again; B's pane closes if it
        was opened for it."""
        if self.article_id is None or self._leaving:
            return
        self._leaving = True
        try:
            window = self._window
            left, right = self.left, self.right
            self.article_id, self.left, self.right = None, None, None
            for controller, name in ((left, self.annotators[0]), (right, self.annotators[1])):
                if controller is None or controller not in window.panes:
                    continue
                controller.article_opened.disconnect(self._on_pane_opened)
                if controller.annotator_filter == only(name):
                    controller.set_annotator_filter(EVERYONE)
            window.runner.set_active_stack(window.active.undo_stack)
            if self._opened_right and right is not None and right in window.panes:
                window.close_pane(right)
            if left is not None and left in window.panes:
                window.focus_pane(left)
            self._records = {}
            self._model.set_rows("", ("", ""), [], [])
        finally:
            self._leaving = False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.leave()
        super().closeEvent(event)

    # --- decisions ------------------------------------------------------------------

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def decide(self, choice: Choice, row: int | None = None) -> bool:
        """Takes A's version of the current difference (or ``row``), or B's, or neither;
        one undo step. The list then goes on to the next difference."""
        row = self.current_row() if row is None else row
        difference = self._model.difference(row)
        if difference is None or self.article_id is None:
            return False
        if not self._run(AcceptVersion(self.article_id, difference, self.annotators, choice)):
            return False
        if row + 1 < self._model.rowCount():
            self._select(row + 1)
        return True

    def accept_agreed(self) -> bool:
        """Copies every span A and B give identically into the result (one undo step)."""
        if self.article_id is None:
            return False
        return self._run(AcceptAgreed(self.article_id, self.annotators))

    def _run(self, operation: Any) -> bool:
        """Runs a decision in the left pane's history (it outlives the dock)."""
        assert self.left is not None
        focused = self.table.hasFocus()
        self._window.runner.set_active_stack(self.left.undo_stack)
        ok = self._window.runner.run(operation)
        if focused:
            self.table.setFocus()
        return ok

    def decisions(self) -> list[str]:
        """The Decision column, row by row."""
        return [self._model.decision(row) for row in range(self._model.rowCount())]

    def model(self) -> DifferencesModel:
        return self._model

    # --- what is shown --------------------------------------------------------------

    def _read(self) -> None:
        """Reads A's, B's and the result's accepted annotations of the article."""
        if self.article_id is None:
            return
        authors = [*self.annotators, ADJUDICATED]
        self._records = {r.id: r for r in authored_annotations(self.article_id, authors)
                         if r.id is not None}

    def _spans(self, author: str) -> list[tuple[int, int, str]]:
        labels = self._window.labels.by_id
        return [(r.start, r.end, labels[r.label_id].name if r.label_id in labels else "?")
                for r in self._records.values() if r.author == author]

    def _show_rows(self, keep: Difference | None) -> None:
        """Lists the differences again, the current one kept if it is still one."""
        first, second = self.annotators
        rows = differences(self._spans(first), self._spans(second))
        if rows == self._model.differences():
            self._model.set_decisions(self._decisions(rows))
        else:
            self._model.set_rows(self._body, self.annotators, rows, self._decisions(rows))
            if keep is not None and keep in rows:
                self._select(rows.index(keep), show=False)
        self._show_summary(rows)

    def _decisions(self, rows: Sequence[Difference]) -> list[str]:
        result = {Span(*span) for span in self._spans(ADJUDICATED)}
        steps = self._steps()
        return [self._decision(row, result, steps) for row in rows]

    def _decision(self, difference: Difference, result: set[Span],
                  steps: list[AcceptVersion]) -> str:
        """What the result holds at the difference's spans, in words."""
        first, second = (author_name(name) for name in self.annotators)
        has_a = difference.a is not None and difference.a in result
        has_b = difference.b is not None and difference.b in result
        if has_a and has_b:
            return self.tr("both")
        if has_a:
            return self.tr("{author}’s").format(author=first)
        if has_b:
            return self.tr("{author}’s").format(author=second)
        step = next((s for s in reversed(steps) if s.difference == difference), None)
        if step is None:
            return ""
        if step.choice is Choice.NEITHER:
            return self.tr("neither")
        # The side chosen has no span there: the result has none either.
        return self.tr("{author}’s: none").format(
            author=first if step.choice is Choice.A else second)

    def _steps(self) -> list[AcceptVersion]:
        """The decisions on this article and these annotators that are done (not undone)."""
        if self.left is None:
            return []
        stack = self.left.undo_stack
        steps = []
        for index in range(stack.index()):
            operation = getattr(stack.command(index), "operation", None)
            if (isinstance(operation, AcceptVersion) and operation.article_id == self.article_id
                    and operation.annotators == self.annotators):
                steps.append(operation)
        return steps

    def _show_summary(self, rows: Sequence[Difference]) -> None:
        if self.article_id is None:
            self.summary.setText("")
            return
        first, second = (author_name(name) for name in self.annotators)
        decided = sum(1 for row in range(len(rows)) if self._model.decision(row))
        result = {Span(*span) for span in self._spans(ADJUDICATED)}
        agreed = (set(map(Span._make, self._spans(self.annotators[0])))
                  & set(map(Span._make, self._spans(self.annotators[1]))))
        agreement = compare(self._body, self._spans(self.annotators[0]),
                            self._spans(self.annotators[1]))
        self.summary.setText(" ".join((self.tr(
            "{first} on the left, {second} on the right: {decided} of {count} differences "
            "decided. 1, 2 or 0 takes the left, the right or neither; Ctrl+Z undoes; "
            "Esc ends.").format(first=first, second=second, decided=decided,
                                count=len(rows)), self.tr(
            "Agreement here: Cohen’s κ {kappa} on tokens, span F1 {exact} (exact), "
            "{relaxed} (overlapping).").format(
                kappa=_figure(agreement.kappa().value), exact=_figure(agreement.spans().f1),
                relaxed=_figure(agreement.spans(relaxed=True).f1)))))
        self.agree_button.setText(self.tr("Accept where they agree ({count})").format(
            count=len(agreed - result)))
        self.agree_button.setEnabled(bool(agreed - result))
        self.take_a_button.setText(self.tr("Take {author}’s (1)").format(author=first))
        self.take_b_button.setText(self.tr("Take {author}’s (2)").format(author=second))
        empty = not rows
        self.message.setVisible(empty)
        self.table.setVisible(not empty)
        for button in (self.take_a_button, self.take_b_button, self.neither_button):
            button.setEnabled(not empty)

    def _select(self, row: int, show: bool = True) -> None:
        index = self._model.index(row, WHERE)
        if not show:
            self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        if not show:
            self.table.selectionModel().blockSignals(False)
            self.table.viewport().update()
        self.table.scrollTo(index)

    def _show(self, row: int) -> None:
        """Selects the difference in both panes: A's span on the left, B's on the right
        (where one has none, the other's place)."""
        difference = self._model.difference(row)
        if difference is None:
            return
        for controller, span in ((self.left, difference.a or difference.b),
                                 (self.right, difference.b or difference.a)):
            if controller is not None and span is not None:
                controller.select_range(span.start, span.end)

    # --- slots ----------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(current.row())

    def _on_changed(self, change: Change) -> None:
        if self.article_id is None:
            return
        if change.reload or change.labels:
            self._read()
        elif change.for_article(self.article_id):
            wanted = {*self.annotators, ADJUDICATED}
            for record in change.removed:
                self._records.pop(record.id or 0, None)
            for record in change.present:
                if record.id is None or record.article_id != self.article_id:
                    continue
                if record.author in wanted and record.status == ACCEPTED:
                    self._records[record.id] = record
                else:  # no longer an accepted annotation of theirs
                    self._records.pop(record.id, None)
        else:
            return
        self._show_rows(keep=self._model.difference(self.current_row()))

    def _on_stack_moved(self, _index: int) -> None:
        if self.left is not None and self._window.runner.stack is self.left.undo_stack:
            self._show_rows(keep=self._model.difference(self.current_row()))

    def _on_pane_opened(self, article_id: int) -> None:
        if article_id != self.article_id:
            self.close()  # a pane went on to another article: adjudication is over

    def _on_pane_closed(self, controller: object) -> None:
        if controller in (self.left, self.right):
            if controller is self.right:
                self._opened_right = False
            self.close()

    def _on_focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        """Ctrl+Z in the dock undoes its decisions (the left pane's history); anywhere
        else, the focused pane's history is the one undone."""
        if self.left is None or now is None:
            return
        runner = self._window.runner
        if self.isAncestorOf(now):
            runner.set_active_stack(self.left.undo_stack)
        elif runner.stack is self.left.undo_stack and self._window.active is not self.left:
            runner.set_active_stack(self._window.active.undo_stack)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """1, 2, 0 and Esc in the list decide or end, before any window shortcut."""
        if watched is self.table:
            taken, action = list_key(event, _KEYS)
            if isinstance(action, Choice):
                self.decide(action)
            elif action is not None:
                self.close()
            if taken:
                return True
        return super().eventFilter(watched, event)

    # --- language -------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Adjudication"))
        self.message.setText(self.tr("They agree everywhere in this article: nothing to "
                                     "decide. “Accept where they agree” copies their "
                                     "annotations into the result."))
        self.neither_button.setText(self.tr("Neither (0)"))
        self.take_a_button.setToolTip(self.tr("The result takes the left pane’s version (1)"))
        self.take_b_button.setToolTip(self.tr("The result takes the right pane’s version (2)"))
        self.neither_button.setToolTip(self.tr("The result has no annotation there (0)"))
        self.agree_button.setToolTip(self.tr(
            "Copies every annotation both give identically into the result"))
        self._show_summary(self._model.differences())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.article_id is not None:
                self._show_rows(keep=self._model.difference(self.current_row()))
        super().changeEvent(event)


_KEYS: dict[int, Choice | str] = {
    Qt.Key.Key_1: Choice.A, Qt.Key.Key_2: Choice.B, Qt.Key.Key_0: Choice.NEITHER,
    Qt.Key.Key_Escape: "leave"}


# --- choosing A and B ---------------------------------------------------------------------


class AdjudicateDialog(QDialog):
    """Asks for annotators A (left) and B (right) among an article's authors.

    By default the two with most annotations there, A the one with more.
    """

    def __init__(self, candidates: Sequence[Annotator], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Adjudicate"))
        ranked = sorted(candidates, key=lambda a: (-a.annotations, a.name))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.first_combo = QComboBox(self)
        self.second_combo = QComboBox(self)
        for combo in (self.first_combo, self.second_combo):
            for candidate in ranked:
                combo.addItem(self.tr("{author} ({count} annotations)").format(
                    author=author_name(candidate.name), count=candidate.annotations),
                    candidate.name)
            combo.currentIndexChanged.connect(self._check)
        self.second_combo.setCurrentIndex(min(1, len(ranked) - 1))
        intro = QLabel(self.tr("Whose versions to compare? The article opens twice side by "
                               "side: A’s annotations on the left, B’s on the right. Your "
                               "decisions are saved as the annotations of “{result}”.").format(
            result=ADJUDICATED), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("A (left):"), self.first_combo)
        form.addRow(self.tr("B (right):"), self.second_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._check()

    def chosen(self) -> tuple[str, str]:
        return self.first_combo.currentData(), self.second_combo.currentData()

    def _check(self, *_args: object) -> None:
        first, second = self.chosen()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(first != second)


def ask_adjudication(window: MainWindow) -> AdjudicateDialog | None:
    """Tools ▸ Adjudicate…: asks for A and B among the focused article's annotators,
    then adjudicates (window-modal). Says in the status bar why not, when not."""
    article_id = window.active.article_id
    say = window.statusBar().showMessage
    if article_id is None:
        say(translate("AdjudicationDock", "Open an article first."), 6000)
        return None
    candidates = [a for a in annotators([article_id]) if a.name != ADJUDICATED]
    if len(candidates) < 2:
        say(translate("AdjudicationDock", "Adjudication compares two annotators: this article "
                                          "has annotations of one at most."), 8000)
        return None
    dialog = AdjudicateDialog(candidates, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: start_adjudication(window, *dialog.chosen(), article_id))
    dialog.open()
    return dialog


def start_adjudication(window: MainWindow, first: str, second: str,
                       article_id: int | None = None) -> AdjudicationDock:
    """Adjudicates ``first`` (left) against ``second`` (right) on an article (by default
    the focused pane's), in the Adjudication dock, built the first time."""
    dock = window.findChild(AdjudicationDock, "adjudication")
    if dock is None:
        dock = AdjudicationDock(window)
        window.place_at_bottom(dock, 260)
    dock.show()
    dock.raise_()
    target = article_id if article_id is not None else window.active.article_id
    if target is not None:
        dock.begin(target, first, second)
    return dock
