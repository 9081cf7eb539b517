"""Suggestions in the reader: shown dashed, walked and answered from the keyboard.

The controller computes an article's suggestions (amounts once per opening,
off the GUI thread for long texts; the name model's names once per opening,
always on a worker, once the model has loaded; known entities again after
each change, which is cheap), shows them in the reader with negative
highlight ids, and turns answers into undoable operations through the window's
:class:`~desktop.ui.annotation_commands.AnnotationCommands`: accepting adds an
annotation with the proposed value, rejecting remembers the span so it is
not proposed again. It learns what changed from the runner's changes: the
spans tagged come from its pane's controller, never read back.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QMenu

from desktop.ui.i18n import format_locale
from desktop.ui.plain_text import as_menu_text
from desktop.ui.reader import Highlight, key_sequence

if TYPE_CHECKING:
    from desktop.core.changes import Change
    from desktop.core.entities import EntityMatcher, Term
    from desktop.core.ner import NameRecognizer, NameSpan
    from desktop.core.progress import CancelToken
    from desktop.core.suggest import Suggestion
    from desktop.ui.annotation_commands import AnnotationCommands
    from desktop.ui.commands import OperationRunner
    from desktop.ui.known_names import KnownNames
    from desktop.ui.reader_controller import LabelSet, ReaderController
    from desktop.ui.workers import BackgroundTask

# The recognizer (desktop.core.suggest, entities), Babel (describe_amount) and the
# write side (operations, db.suggestions) are imported where first used: the
# window paints its first article before any suggestion is computed.

# Texts longer than this get their suggestions computed on a worker thread.
BACKGROUND_ABOVE = 100_000
# Up to this long, a text's suggestions are shown once the model's names are in,
# when the model is loaded (reading them takes a few tens of ms): they appear
# once, not in two steps. Longer texts show the rest first.
WAIT_FOR_NAMES_UP_TO = 2_000
# The name model reads texts up to this long (a 2.4 MB book would keep a core busy
# for a minute); longer ones get the names the user tagged only.
MODEL_UP_TO = 400_000
# At most this many suggestions are shown at once (the first ones in the text).
MAX_SHOWN = 2_000
CURRENCIES = ("USD", "CAD", "AUD", "EUR", "GBP", "CHF", "JPY", "CNY", "HKD", "NZD", "SGD")


class SuggestionController(QObject):
    """Shows and answers the current article's suggestions.

    Signals:
        updated(int): the suggestions were recomputed; how many there are.
        names_found(int): the name model's names of this article (their
            number) are now part of what is shown.

    Attributes:
        actions: the menu actions (next, previous, accept, reject, accept all,
            show/hide, currency), for the window's Suggestions menu.
    """

    updated = Signal(int)
    names_found = Signal(int)

    def __init__(self, controller: ReaderController, runner: OperationRunner,
                 commands: AnnotationCommands, labels: LabelSet, known: KnownNames,
                 status: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self._known = known
        self._reader = controller.pane
        self._tagged = controller.tagged_spans
        self._commands = commands
        self._label_set = labels
        self._status = status
        self._article: tuple[int, str, str] | None = None  # id, body, language
        self._source = ""
        self._currency = "USD"  # what a bare "$" means in the article
        self._bare_currency = "USD"  # what money naming no currency is counted in
        self._amounts: list[Suggestion] | None = None  # of the current article
        self._names: list[NameSpan] | None = None  # the model's, of the current article
        self._names_task: BackgroundTask | None = None
        self._names_shown_for: int | None = None
        self._items: list[Suggestion] = []
        self._ids: list[int] = []  # the reader's highlight id of each item (negative)
        self._last_id = 0
        self._refreshing: BackgroundTask | None = None
        self._abandoned: list[BackgroundTask] = []  # kept alive until their thread ends
        self._refresh_again = False
        self._current = -1
        self._task: BackgroundTask | None = None
        self._shown_for: int | None = None
        self.enabled = True
        # After a change to a long text, wait for a pause before matching again:
        # each pass takes a worker a good part of a second.
        self._later = QTimer(self, singleShot=True, interval=400)
        self._later.timeout.connect(self._refresh)
        self._build_actions(self)
        self._reader.highlight_clicked.connect(self._on_highlight_clicked)
        runner.changed.connect(self._on_changed)
        known.model_ready.connect(self._on_model_ready)
        known.model_switched.connect(self._on_model_switched)

    # --- public API ------------------------------------------------------------

    def set_article(self, article_id: int | None, body: str = "", language: str = "",
                    source: str = "") -> None:
        """Starts over for a newly opened article (None: nothing open)."""
        self._clear_shown()
        self._shown_for = self._names_shown_for = None
        self._amounts = self._names = None
        self._current = -1
        for task in (self._task, self._names_task):
            if task is not None:
                self._abandon(task)  # its result is ignored when it arrives
        self._task = self._names_task = None
        if article_id is None:
            self._article = None
            return
        self._article = (article_id, body, language)
        self._source = source
        self._currency, self._bare_currency = self._currencies(article_id)
        self._compute_names()  # first: a short text's amounts wait for its names
        self._compute_amounts()

    def shutdown(self) -> None:
        """Stops proposing and waits for any worker (before the window closes)."""
        self._later.stop()
        for task in (self._task, self._refreshing, self._names_task, *self._abandoned):
            if task is not None:
                task.cancel()
                task.wait()
        self._task = self._refreshing = self._names_task = None
        self._abandoned = []

    def busy(self) -> bool:
        """Whether one of its workers still runs: one computing for the open article, or
        one abandoned when another article was opened, until its thread ends (a worker
        does not stop in the middle of a step)."""
        tasks = (self._task, self._refreshing, self._names_task, *self._abandoned)
        return any(task is not None and not task.ended for task in tasks)

    def names_shown_for(self) -> int | None:
        """The article whose model names are part of what is shown; None until they are.

        Never set when the model is missing, or for a text too long for it.
        """
        return self._names_shown_for

    def shown_for(self) -> int | None:
        """The article whose suggestions are shown (computed); None while they are not.

        The window computes them just after an article is first painted.
        """
        return self._shown_for

    def suggestions(self) -> list[Suggestion]:
        """The suggestions shown now, sorted by position."""
        return list(self._items)

    def current(self) -> Suggestion | None:
        return self._items[self._current] if 0 <= self._current < len(self._items) else None

    def go_to(self, index: int) -> None:
        """Makes suggestion ``index`` current: selected in the reader, described below."""
        if not self._items:
            self._status(self.tr("No suggestions in this article."))
            return
        self._current = index % len(self._items)
        item = self._items[self._current]
        self._reader.select_range(item.start, item.end)
        self._status(self.tr("Suggestion {number} of {count}: {suggestion} — A accept, "
                             "R reject, N next").format(number=self._current + 1,
                                                        count=len(self._items),
                                                        suggestion=self._describe(item)))

    def next(self) -> None:
        self.go_to(self._current + 1)

    def previous(self) -> None:
        self.go_to(self._current - 1 if self._current >= 0 else -1)

    def accept(self, items: list[Suggestion] | None = None) -> list[int]:
        """Turns suggestions (default: the current one) into annotations; one undo step."""
        chosen = items if items is not None else [s for s in [self.current()] if s]
        if not chosen or self._article is None:
            return []
        article_id, body, _ = self._article
        position = chosen[0].start
        ids = self._commands.accept_suggestions(article_id, body, chosen)
        if ids:
            self._move_after(position)
        return ids

    def reject(self, items: list[Suggestion] | None = None) -> None:
        """Refuses suggestions (default: the current one); they are not proposed again."""
        chosen = items if items is not None else [s for s in [self.current()] if s]
        if not chosen or self._article is None:
            return
        position = chosen[0].start
        if self._commands.reject_suggestions(self._article[0], chosen):
            self._move_after(position)

    def accept_all_of_label(self) -> list[int]:
        """Accepts every suggestion with the current one's label, as one undo step."""
        item = self.current()
        if item is None:
            self._status(self.tr("Go to a suggestion first (N)."))
            return []
        return self.accept([s for s in self._items if s.label == item.label])

    def set_currency(self, code: str) -> None:
        """Sets what a bare "$" means in this article, and proposes amounts again."""
        if self._article is None:
            return
        self._commands.set_currency(self._article[0], code)

    def reread_default_currency(self) -> None:
        """Proposes the article's amounts again if the user's default currency (a
        preference) changes what its money is counted in."""
        if self._article is not None:
            self._use_currency(*self._currencies(self._article[0]))

    def _currencies(self, article_id: int) -> tuple[str, str]:
        """What a bare "$" means in the article, and what its money naming no
        currency is counted in: the article's own choice for both, else its
        source's dollar for both, else USD and the user's default currency."""
        from db import suggestions as rejections
        from desktop.core.suggest import source_currency
        from desktop.ui.settings import DEFAULT_CURRENCY, Settings

        said = rejections.currency_hint(article_id) or source_currency(self._source)
        if said:
            return said, said
        return "USD", Settings().get(DEFAULT_CURRENCY)

    def amount_over(self, article_id: int, body: str, language: str, start: int,
                    end: int) -> Suggestion | None:
        """The amount read in the article that ``[start, end)`` overlaps most, or None.

        A span the user tags by hand as an amount takes its value, range, unit and
        approximation from it ("38 milliards de dollars": 3.8e10 USD), as accepting
        the suggestion would. The amounts already read are used; before they are
        (just opened, or a long article read on a worker), the text around the
        span is read at once.
        """
        from desktop.core.suggest import amount_around, most_overlapping

        if (self._article is not None and self._article[0] == article_id
                and self._amounts is not None):
            return most_overlapping(self._amounts, start, end)
        currency, bare = self._currencies(article_id)
        # The reader knows French and English; it guesses between them for the others.
        return amount_around(body, start, end, language if language in ("fr", "en") else "auto",
                             currency, bare)

    def _use_currency(self, code: str, bare: str) -> None:
        if (code, bare) != (self._currency, self._bare_currency):
            self._currency, self._bare_currency = code, bare
            self._amounts = None
            self._compute_amounts()

    # --- computing -----------------------------------------------------------------

    def _compute_amounts(self) -> None:
        if self._article is None or not self.enabled:
            return
        from desktop.core.suggest import amount_suggestions

        article_id, body, language = self._article
        work = functools.partial(amount_suggestions, body, language or "auto", self._currency,
                                 self._bare_currency)
        if len(body) <= BACKGROUND_ABOVE:
            self._amounts = work()
            self._refresh()
            return
        from desktop.ui.workers import BackgroundTask

        task = BackgroundTask(lambda progress, cancel: work(), self)
        task.succeeded.connect(functools.partial(self._on_amounts_ready, article_id, task))
        self._task = task
        task.start()

    def _abandon(self, task: BackgroundTask) -> None:
        """Cancels a worker and keeps it alive until its thread ends."""
        task.cancel()
        self._abandoned.append(task)
        task.done.connect(lambda: task in self._abandoned and self._abandoned.remove(task))

    def _compute_names(self) -> None:
        """Starts the name model on the article, on a worker (once the model is loaded)."""
        if self._article is None or not self.enabled or self._names_task is not None \
                or self._names is not None:
            return
        recognizer = self._known.recognizer()  # None until loaded: model_ready follows
        if recognizer is None:
            note = self._known.model_note()  # once it is known to be missing, said once
            if note:
                self._status(note)
            return
        article_id, body, language = self._article
        if len(body) > MODEL_UP_TO:
            return
        from desktop.ui.workers import BackgroundTask

        work = functools.partial(_model_names, recognizer, body, language or "auto")
        task = BackgroundTask(lambda progress, cancel: work(cancel), self)
        task.succeeded.connect(functools.partial(self._on_names_ready, article_id, task))
        task.done.connect(functools.partial(self._on_names_done, task))
        self._names_task = task
        task.start()

    def _on_names_ready(self, article_id: int, task: BackgroundTask,
                        names: list[NameSpan]) -> None:
        if task is not self._names_task or self._article is None \
                or self._article[0] != article_id:
            return  # another article was opened meanwhile
        self._names_task = None
        self._names = names
        self._refresh()

    def _on_names_done(self, task: BackgroundTask) -> None:
        if task is self._names_task:  # it failed: propose without the model's names
            self._names_task = None
            self._names = []
            self._refresh()

    def _on_model_ready(self) -> None:
        self._compute_names()

    def _on_model_switched(self, enabled: bool) -> None:
        """Proposes again with the model's names (once it has read the article) or without."""
        if self._names_task is not None:
            self._abandon(self._names_task)
            self._names_task = None
        self._names = None
        if enabled:
            self._compute_names()
        self._refresh()

    def _on_amounts_ready(self, article_id: int, task: BackgroundTask,
                          amounts: list[Suggestion]) -> None:
        if task is not self._task or self._article is None or self._article[0] != article_id:
            return  # another article was opened meanwhile
        self._task = None
        self._amounts = amounts
        self._refresh()

    def _refresh(self) -> None:
        """Recomputes what is shown from the amounts, known names, tags and rejections.

        Long texts are matched on a worker thread; one pass at a time, and a
        change during a pass asks for one more.
        """
        if self._article is None or self._amounts is None or not self.enabled:
            self._show([])
            return
        article_id, body, _ = self._article
        if self._names_task is not None and len(body) <= WAIT_FOR_NAMES_UP_TO:
            return  # shown with the model's names, in a moment
        names = self._names or []
        rejected = self._known.rejected_names() if names else set()
        if len(body) <= BACKGROUND_ABOVE:  # the shared matcher, kept up to date
            self._show(_matching(article_id, body, self._tagged(), self._known.matcher(),
                                 self._amounts, names, rejected))
            return
        # A worker builds its own matcher from a copy of the names, which the next workers
        # share until the names change (the GUI thread's grows as names are tagged).
        frozen = self._known.frozen_matcher()
        generation = self._known.generation
        work = functools.partial(_matching_on_worker, article_id, body, self._tagged(),
                                 list(self._known.terms()) if frozen is None else frozen,
                                 self._amounts, names, rejected)
        if self._refreshing is not None:
            self._refresh_again = True
            return
        from desktop.ui.workers import BackgroundTask

        task = BackgroundTask(lambda progress, cancel: work(), self)
        task.succeeded.connect(functools.partial(self._on_matched_on_worker, article_id,
                                                 generation))
        task.done.connect(self._on_refresh_done)
        self._refreshing = task
        task.start()

    def _on_matched_on_worker(self, article_id: int, generation: int,
                              found: tuple[list[Suggestion], EntityMatcher]) -> None:
        items, matcher = found
        self._known.keep_frozen(generation, matcher)
        if self._article is not None and self._article[0] == article_id:
            self._show(items)

    def _on_refresh_done(self) -> None:
        self._refreshing = None
        if self._refresh_again:
            self._refresh_again = False
            self._refresh()

    def _show(self, items: list[Suggestion]) -> None:
        current = self.current()
        self._clear_shown()
        colors = {label.name: label.color for label in self._label_set.by_id.values()}
        if len(items) > MAX_SHOWN:
            self._status(self.tr("{count} suggestions: the first {shown} are shown; answer "
                                 "some to see more.").format(count=len(items), shown=MAX_SHOWN))
        self._items = list(items[:MAX_SHOWN])
        shown = []
        # The highlight keeps a plain tooltip; the one shown, with the amount as the
        # interface language writes it, is made on hover (tooltip_of): Babel took 130 ms
        # for a book's 2,000 suggestions, and the window froze while they arrived.
        tip = self._tooltip_text()
        for item in self._items:
            self._last_id -= 1
            self._ids.append(self._last_id)
            shown.append(Highlight(
                id=self._last_id, start=item.start, end=item.end,
                color=colors.get(item.label, "#888888"), label=item.label,
                tooltip=tip.format(suggestion=self._describe(item, plain=True)),
                dashed=True))
        self._reader.add_highlights(shown)  # the blocks on screen repaint once
        self._current = self._items.index(current) if current in self._items else -1
        self._shown_for = self._article[0] if self._article is not None else None
        self.updated.emit(len(self._items))
        if self._names is not None and self._names_shown_for != self._shown_for:
            self._names_shown_for = self._shown_for
            from desktop.core.suggest import MODEL

            self.names_found.emit(sum(1 for item in self._items if item.source == MODEL))

    def _drop_overlapping(self, spans: list[tuple[int, int]]) -> None:
        """Hides at once the suggestions a new tag covers (the full pass may be slow)."""
        gone = [i for i, item in enumerate(self._items)
                if any(s < item.end and item.start < e for s, e in spans)]
        if not gone:
            return
        self._reader.remove_highlights([self._ids[i] for i in gone])
        current = self.current()
        for i in reversed(gone):
            del self._items[i], self._ids[i]
        self._current = self._items.index(current) if current in self._items else -1

    def _clear_shown(self) -> None:
        if self._ids:
            self._reader.remove_highlights(self._ids)
        self._items, self._ids = [], []

    def tooltip_of(self, highlight_id: int) -> str | None:
        """What hovering a suggestion's highlight says, in the interface's language of the
        moment; None if the highlight is not a suggestion shown here."""
        if highlight_id not in self._ids:
            return None
        item = self._items[self._ids.index(highlight_id)]
        return self._tooltip_text().format(suggestion=self._describe(item))

    def _tooltip_text(self) -> str:
        return self.tr("Suggested: {suggestion}\nA to accept, R to reject")

    def _describe(self, item: Suggestion, plain: bool = False) -> str:
        """ "MONEY · ≈ 38 Md $US (3,8 × 10¹⁰ USD)"; with ``plain``, without Babel (fast):
        "MONEY · ≈ 3.8e10 USD"."""
        if item.value is None:  # an entity: its name, or the text found, and from where
            from desktop.core.suggest import MODEL

            name = f"{item.label} · {item.entity or item.text}"
            return (self.tr("{name} (found by the name model)").format(name=name)
                    if item.source == MODEL else name)
        from desktop.core.formatting import describe_amount, format_amount

        nouns = self._article[2] if self._article is not None else None  # "processeurs"
        value = (format_amount(item.value, item.value_high, item.unit, item.approx, item.bound,
                               nouns)
                 if plain else describe_amount(item.value, item.value_high, item.unit,
                                               item.approx, format_locale(), item.bound,
                                               noun_language=nouns))
        return f"{item.label} · {value}" if value else item.label

    def _move_after(self, position: int) -> None:
        following = [i for i, s in enumerate(self._items) if s.start >= position]
        if following:
            self.go_to(following[0])
        else:
            self._current = -1

    # --- slots -----------------------------------------------------------------------

    def _on_changed(self, change: Change) -> None:
        # (The known names have already followed the change: KnownNames hears first.)
        if self._article is None:
            return
        article_id = self._article[0]
        if change.for_article(article_id):
            self._drop_overlapping([(r.start, r.end) for r in change.present
                                    if r.article_id == article_id])
        if change.suggestions and change.for_article(article_id) or change.reload:
            currencies = self._currencies(article_id)
            if currencies != (self._currency, self._bare_currency):
                self._use_currency(*currencies)
                return
        # Entities renamed, merged or deleted elsewhere change what is proposed here too,
        # and so does a name rejected elsewhere (the model does not propose it again).
        rejected_elsewhere = change.suggestions and bool(self._names)
        if change.for_article(article_id) or change.labels or change.entities or change.reload \
                or rejected_elsewhere:
            if len(self._article[1]) > BACKGROUND_ABOVE:
                self._later.start()
            else:
                self._refresh()

    def _on_highlight_clicked(self, highlight_id: int) -> None:
        if highlight_id >= 0:
            return
        if highlight_id not in self._ids:
            return
        self.go_to(self._ids.index(highlight_id))
        from desktop.ui.shortcuts import pop_up

        # Its keys are the menu's: A typed while it is open must not accept the suggestion
        # behind it and leave the menu offering the next one under the old one's name.
        pop_up(self.answer_menu(), QCursor.pos())

    def answer_menu(self) -> QMenu:
        """Accept / reject menu for the current suggestion (what a click opens).

        Its letters are the reader's keys where they can be: A accepts, R rejects.
        """
        item = self.current()
        menu = QMenu(self._reader)
        if item is not None:
            described = as_menu_text(self._describe(item))
            menu.addAction(self.tr("&Accept {suggestion}").format(suggestion=described),
                           self.accept)
            menu.addAction(self.tr("&Reject"), self.reject)
            menu.addAction(self.tr("Accept a&ll {label} suggestions").format(
                label=as_menu_text(item.label)), self.accept_all_of_label)
        return menu

    def _on_toggle(self, shown: bool) -> None:
        self.enabled = shown
        if shown:
            self._compute_names()
            self._compute_amounts()
        else:
            self._clear_shown()
            self._current = -1

    def _on_choose_currency(self) -> None:
        if self._article is None:
            return
        choices = list(CURRENCIES)
        current = choices.index(self._currency) if self._currency in choices else 0
        code, ok = QtWidgets.QInputDialog.getItem(
            self._reader, self.tr("Currency of “$”"),
            self.tr("In this article, a bare “$” or “dollars” means:"), choices, current, False)
        if ok and code:
            self.set_currency(code)

    def _build_actions(self, parent: QObject) -> None:
        """Builds the menu actions; their keys act only in this pane's reader body.

        The single-letter keys (N, P, A, R, X, Shift+A, Shift+N) are text
        anywhere else: typed into the library search, the panel or a dialog
        they must not answer a suggestion. So each keyed action is also added
        to the body, whose key handling triggers it (as it asks to tag on a
        digit), and its shortcut is limited to the body: the menu still shows
        the key, and no window-wide shortcut takes it. The context is set by
        name: the Qt namespace is not built before the first paint (see
        desktop.ui.reader).
        """
        body = self._reader.body

        def action(slot: Callable[[], object], *keys: str) -> QAction:
            act = QAction(parent)
            act.triggered.connect(lambda _checked=False: slot())
            if keys:
                act.setShortcuts([key_sequence(k) for k in keys])
                if not act.setProperty("shortcutContext", "WidgetWithChildrenShortcut"):
                    raise ValueError("cannot limit a suggestion key to the reader")
                body.addAction(act)
            return act

        self.next_action = action(self.next, "N")
        self.previous_action = action(self.previous, "P", "Shift+N")
        self.accept_action = action(self.accept, "A")
        self.reject_action = action(self.reject, "R", "X")
        self.accept_all_action = action(self.accept_all_of_label, "Shift+A")
        self.show_action = QAction(parent, checkable=True, checked=True)
        self.show_action.toggled.connect(self._on_toggle)
        self.currency_action = action(self._on_choose_currency)
        self.actions = [self.next_action, self.previous_action, self.accept_action,
                        self.reject_action, self.accept_all_action, self.show_action,
                        self.currency_action]
        self.retranslate()

    def retranslate(self) -> None:
        """Sets the actions' texts in the interface language (the window calls it again
        after a change of language)."""
        for act, text in ((self.next_action, self.tr("&Next suggestion")),
                          (self.previous_action, self.tr("&Previous suggestion")),
                          (self.accept_action, self.tr("&Accept suggestion")),
                          (self.reject_action, self.tr("&Reject suggestion")),
                          (self.accept_all_action, self.tr("Accept all of this &label")),
                          (self.show_action, self.tr("&Show suggestions")),
                          (self.currency_action, self.tr("&Currency of “$” in this article…"))):
            act.setText(text)



def _matching(article_id: int, body: str, tagged: list[tuple[int, int]],
              matcher: EntityMatcher, amounts: list[Suggestion],
              found: list[NameSpan], rejected_names: set[tuple[str, str]]) -> list[Suggestion]:
    """The suggestions left once tags and rejections are taken out (any thread).

    ``matcher`` finds the known names (the GUI thread's, or one a worker built or
    shares: see :func:`_matching_on_worker`); ``found`` the name model's names, which
    it never finds here.
    """
    from db import suggestions as rejections
    from desktop.core.suggest import suggest

    return suggest(body, tagged=tagged, rejected=rejections.rejected_for_article(article_id),
                   matcher=matcher, amounts=amounts, names=found,
                   rejected_names=rejected_names)


def _matching_on_worker(article_id: int, body: str, tagged: list[tuple[int, int]],
                        names: EntityMatcher | list[Term], amounts: list[Suggestion],
                        found: list[NameSpan], rejected_names: set[tuple[str, str]]
                        ) -> tuple[list[Suggestion], EntityMatcher]:
    """:func:`_matching` on a worker, with the matcher it used (built from ``names`` if
    they are terms), for the next workers."""
    from desktop.core.entities import EntityMatcher

    matcher = names if isinstance(names, EntityMatcher) else EntityMatcher(names)
    return (_matching(article_id, body, tagged, matcher, amounts, found, rejected_names),
            matcher)


def _model_names(recognizer: NameRecognizer, body: str, language: str,
                 cancel: CancelToken) -> list[NameSpan]:
    """The model's names in ``body`` (on a worker); stops early when cancelled."""
    from desktop.core.progress import Cancelled

    found = recognizer.find(body, language, cancelled=lambda: cancel.cancelled)
    if cancel.cancelled:
        raise Cancelled("another article was opened")
    return found
