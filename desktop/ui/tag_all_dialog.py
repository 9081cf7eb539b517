"""Tag all occurrences: preview every untagged mention of a name, then tag them at once.

Over the whole corpus the preview is computed on a worker thread (reading
thousands of articles takes seconds): the dialog says it is looking, with
progress, and OK waits for the result for the current name and scope. A new
name or scope cancels the search under way; closing the dialog cancels it
and waits for its thread.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.annotations import LabelRecord
from desktop.core.occurrences import Occurrence, find_occurrences
from desktop.core.progress import Progress
from desktop.ui.plain_text import as_plain_text
from desktop.ui.swatch import swatch
from desktop.ui.workers import BackgroundTask, progress_fraction

PREVIEW_LIMIT = 500  # rows listed; the count above the list is always complete
SEARCHING = QT_TRANSLATE_NOOP("TagAllDialog", "Looking for mentions…")  # shown translated

# What a preview is for: the name, and the articles searched (None: all of them).
_Choice = tuple[str, tuple[int, ...] | None]


class TagAllDialog(QDialog):
    """Chooses a name, a label and a scope, and shows how many mentions and where.

    Attributes:
        occurrences: the mentions found for the current choices (empty while
            they are being looked for).
        entity_id: the entity the new tags link to (that of the annotation the
            dialog started from), or None.

    Signals:
        preview_ready(): the preview for the current name and scope is shown
            (at once for one article, when the worker is done for the corpus).
    """

    preview_ready = Signal()

    def __init__(self, term: str, labels: list[LabelRecord], label_id: int | None,
                 article_id: int | None, entity_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag all occurrences"))
        self._article_id = article_id
        self.entity_id = entity_id
        self.occurrences: list[Occurrence] = []
        self._shown: _Choice | None = None  # what the preview shows
        self._search: BackgroundTask | None = None  # the search for the current choices
        self._searching: _Choice | None = None
        # Every search whose thread has not ended (superseded ones included):
        # kept alive until then, and waited for when the dialog closes.
        self._tasks: set[BackgroundTask] = set()

        self.term_edit = QLineEdit(term, self)
        self.term_edit.editingFinished.connect(self.update_preview)
        self.label_combo = QComboBox(self)
        for label in labels:
            self.label_combo.addItem(swatch(label.color), label.name, label.id)
        if label_id is not None:
            self.label_combo.setCurrentIndex(max(0, self.label_combo.findData(label_id)))
        self.article_radio = QRadioButton(self.tr("This article"), self)
        self.corpus_radio = QRadioButton(self.tr("All articles"), self)
        self.article_radio.setEnabled(article_id is not None)
        (self.article_radio if article_id is not None else self.corpus_radio).setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.article_radio)
        scope.addButton(self.corpus_radio)
        scope.buttonToggled.connect(self._on_scope_toggled)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.article_radio)
        scope_row.addWidget(self.corpus_radio)
        scope_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.term_edit)
        form.addRow(self.tr("&Label"), self.label_combo)
        form.addRow(self.tr("Where"), scope_row)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)  # a failure may quote text
        self.preview = QListWidget(self)
        self.preview.setUniformItemSizes(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.update_preview()

    def label_id(self) -> int:
        return int(self.label_combo.currentData())

    @property
    def search(self) -> BackgroundTask | None:
        """The worker looking for the current choices' mentions, while it does."""
        return self._search

    def is_searching(self) -> bool:
        """True while the mentions for the current choices are being looked for."""
        return self._search is not None

    def has_workers(self) -> bool:
        """True while a search thread (the current one or a superseded one) may run."""
        return bool(self._tasks)

    def _on_scope_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self.update_preview()

    def update_preview(self) -> None:
        """Finds the mentions for the current name and scope, and lists them.

        One article is searched at once; the corpus on a worker thread, whose
        result is shown when it arrives (:attr:`preview_ready`).
        """
        term = self.term_edit.text().strip()
        scope = (self._article_id,) if self.article_radio.isChecked() and self._article_id \
            else None
        choice: _Choice = (term, scope)
        if choice in (self._shown, self._searching):
            return  # focus left the name unchanged: nothing new to look for
        self._abandon_search()
        if len(term) < 2:
            self._show(choice, [])
        elif scope is not None:
            self._show(choice, find_occurrences(term, scope))  # one article: quick
        else:
            self._start_search(choice)

    # --- the corpus search ------------------------------------------------------------

    def _start_search(self, choice: _Choice) -> None:
        term, scope = choice
        self._shown = None
        self.occurrences = []
        self.preview.clear()
        self.count_label.setText(self.tr(SEARCHING))
        self._set_ok(0)
        task = BackgroundTask(functools.partial(find_occurrences, term, scope), self)
        task.progressed.connect(functools.partial(self._on_progress, task))
        task.succeeded.connect(functools.partial(self._on_found, task, choice))
        task.failed.connect(functools.partial(self._on_failed, task))
        task.done.connect(functools.partial(self._on_task_done, task))
        self._tasks.add(task)
        self._search, self._searching = task, choice
        task.start()

    def _on_progress(self, task: BackgroundTask, progress: Progress) -> None:
        if task is not self._search:
            return
        fraction = progress_fraction(progress)
        self.count_label.setText(self.tr(SEARCHING) if fraction is None
                                 else self.tr("{searching} {percent}%").format(
                                     searching=self.tr(SEARCHING), percent=fraction // 10))

    def _on_found(self, task: BackgroundTask, choice: _Choice,
                  occurrences: list[Occurrence]) -> None:
        if task is not self._search:
            return  # superseded or cancelled: its (partial) result is not shown
        self._search = self._searching = None
        self._show(choice, occurrences)

    def _on_failed(self, task: BackgroundTask, message: str) -> None:
        if task is not self._search:
            return
        self._search = self._searching = None
        self.count_label.setText(self.tr("The mentions could not be looked for: {reason}")
                                 .format(reason=message))

    def _on_task_done(self, task: BackgroundTask) -> None:
        self._tasks.discard(task)
        task.wait()  # its thread is ending: let it end before the task is deleted
        task.deleteLater()

    def _abandon_search(self) -> None:
        """Asks the search under way to stop; its result will be ignored."""
        if self._search is not None:
            self._search.cancel()
        self._search = self._searching = None

    def stop_searching(self) -> None:
        """Cancels every search and waits for their threads (the dialog is closing)."""
        self._abandon_search()
        tasks, self._tasks = self._tasks, set()
        for task in tasks:
            task.cancel()
            task.wait()  # each task is deleted (with the dialog, or when it says it is done)

    def done(self, result: int) -> None:  # accept() and reject() come here
        self.stop_searching()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.stop_searching()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._shown is None and self._search is None:
            self.update_preview()  # shown again after a close stopped its search

    # --- showing --------------------------------------------------------------------

    def _show(self, choice: _Choice, occurrences: Sequence[Occurrence]) -> None:
        _term, scope = choice
        self._shown = choice
        self.occurrences = list(occurrences)
        articles = len({o.article_id for o in self.occurrences})
        count = len(self.occurrences)
        if count:
            self.count_label.setText(
                self.tr("%n untagged mention(s) in this article.", None, count) if scope else
                self.tr("%n untagged mention(s) in {articles}.", None, count).format(
                    articles=self.tr("%n article(s)", None, articles)))
        else:
            self.count_label.setText(self.tr("No untagged mention of this name."))
        self.preview.clear()
        for occurrence in self.occurrences[:PREVIEW_LIMIT]:
            # The mention first: titles are long and would push it out of sight.
            item = QListWidgetItem(f"{occurrence.context}   — {occurrence.title}")
            item.setToolTip(as_plain_text(f"{occurrence.title}\n{occurrence.context}"))
            self.preview.addItem(item)
        self._set_ok(count)
        self.preview_ready.emit()

    def _set_ok(self, count: int) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Tag %n", None, count) if count else self.tr("Tag"))
        ok.setEnabled(bool(count))
