"""The single path for writes from the GUI, and the one channel that tells views.

Every user action is a core operation (``desktop.core.operations``) run by
:class:`OperationRunner`: it is applied (one committed transaction) before its
command is pushed, so a failed write is reported and leaves no phantom step
on the undo stack. Undo and redo go through the runner too: the step's
``revert``/``apply`` runs first, and the stack moves only when it succeeded,
so the stack always says what the database holds. Slow operations (tag all
over the corpus) run on the task runner's worker thread with progress and
cancel; the stack and the views hear of them when they are done.

Views subscribe to :attr:`OperationRunner.changed` and update from the
:class:`~desktop.core.changes.Change` it carries; after a failed step it
carries ``reload``, and views read what they show again.

A step that finds annotations changed elsewhere since the user saw them
(:class:`~desktop.core.operations.ChangedMeanwhile`: another window, another
user) writes nothing; the runner asks :attr:`OperationRunner.resolve_conflict`
whether to write anyway (the same step again, forced: still one undo step)
or to keep the other change, which the views are then shown.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoGroup, QUndoStack

from desktop.ui.plain_text import as_menu_text

if TYPE_CHECKING:  # the window's first paint does not wait for the write side
    from desktop.core.changes import Change
    from desktop.core.operations import Operation
    from desktop.ui.tasks import TaskRunner


class OperationCommand(QUndoCommand):
    """A QUndoCommand around a core operation that the runner applies and reverts.

    When the runner moves the stack (push, :meth:`OperationRunner.undo`,
    :meth:`OperationRunner.redo`) it has done the work already, and these do
    nothing. Called by anything else (``stack.undo()`` from a script, an undo
    view), they do the work through the runner, which reports a failure; the
    stack has moved by then, so only the runner's own methods keep it truthful
    when a step fails.
    """

    def __init__(self, operation: Operation, runner: OperationRunner) -> None:
        super().__init__(operation.name)
        self.operation = operation
        self._runner = runner

    def redo(self) -> None:
        if not self._runner.moving:
            self._runner._step(self.operation.apply)

    def undo(self) -> None:
        if not self._runner.moving:
            self._runner._step(self.operation.revert)


class OperationRunner(QObject):
    """Applies operations, keeps the undo stack, tells views what changed.

    Signals:
        changed(Change): after each apply, undo or redo (and each import).
        failed(str): a write could not be done; the message is for the user.
        waiting(str): a change was not started because a slow one is still
            running (nothing failed: a note for the status bar).
        busy_changed(bool): a slow operation started (True) or ended (False).
    """

    changed = Signal(object)
    failed = Signal(str)
    waiting = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, tasks: TaskRunner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # One undo history per reader pane (the active one is the focused
        # pane's); changes made where no pane is meant go to the active one.
        self.group = QUndoGroup(self)
        self.group.setActiveStack(self.new_stack())
        self.tasks = tasks
        self._busy = False
        self._busy_stack: QUndoStack | None = None  # where the slow step running goes
        # Why the database may not be written (read only, damaged), or None: set by
        # the window; every change is refused before it starts while it is set.
        self.read_only: str | None = None
        self.last_error: str | None = None
        self.moving = False  # True while the runner itself moves the stack
        # Asked when a step finds annotations changed elsewhere meanwhile (it is given the
        # ChangedMeanwhile): True writes anyway. None: the step fails as any other does.
        self.resolve_conflict: Callable[[Exception], bool] | None = None
        self._action_updates: list[Callable[[], None]] = []  # the Undo and Redo actions

    # --- running ---------------------------------------------------------------

    def run(self, operation: Operation, on_done: Callable[[bool], None] | None = None,
            quiet: bool = False) -> bool:
        """Applies ``operation`` and pushes it on the undo stack.

        A slow operation starts on the worker thread and this returns True
        at once; ``on_done(succeeded)`` is called when it ends (at once for
        the others). Returns False if the operation failed or could not start;
        :attr:`last_error` then says why, and :attr:`failed` is emitted unless
        ``quiet`` (the caller shows the reason itself).
        """
        from desktop.core.operations import is_slow

        if self._refuse_while_busy():
            return False
        if is_slow(operation):
            return self._in_background(operation, operation.apply, push=True, on_done=on_done)
        ok = self._step(operation.apply, quiet, operation)
        if ok:
            self._push(operation)
        if on_done is not None:
            on_done(ok)
        return ok

    @property
    def stack(self) -> QUndoStack:
        """The active undo history (the focused pane's)."""
        stack = self.group.activeStack()
        assert stack is not None
        return stack

    def new_stack(self) -> QUndoStack:
        """A new, empty undo history (for a new pane); make it active to use it."""
        stack = QUndoStack(self.group)
        self.group.addStack(stack)
        return stack

    def set_active_stack(self, stack: QUndoStack) -> None:
        self.group.setActiveStack(stack)

    def remove_stack(self, stack: QUndoStack) -> None:
        """Forgets a closed pane's history (never the active one)."""
        if stack is not self.group.activeStack():
            self.group.removeStack(stack)
            stack.deleteLater()

    def undo(self) -> bool:
        """Reverts the last step; False (and the stack unchanged) if it failed."""
        stack = self.stack
        if not stack.canUndo() or self._refuse_while_busy():
            return False
        command = stack.command(stack.index() - 1)
        assert isinstance(command, OperationCommand)
        operation = command.operation
        # ``**_`` takes the progress and cancel a worker passes to slow steps.
        return self._move(operation, lambda **_: operation.revert(), stack.undo)

    def redo(self) -> bool:
        """Applies the next step again; False (and the stack unchanged) if it failed."""
        stack = self.stack
        if not stack.canRedo() or self._refuse_while_busy():
            return False
        command = stack.command(stack.index())
        assert isinstance(command, OperationCommand)
        return self._move(command.operation, command.operation.apply, stack.redo)

    def announce(self, change: Change) -> None:
        """Tells every view of a change made outside the undo stack (an import)."""
        self.changed.emit(change)

    @property
    def busy(self) -> bool:
        """True while a slow operation runs (other writes wait for it)."""
        return self._busy

    def keeps_busy(self, stack: QUndoStack) -> bool:
        """True, having said "Please wait…", if the slow operation running now goes into
        this history when its work ends (its pane may not close until then)."""
        if self._busy and stack is self._busy_stack:
            self.waiting.emit(self.tr("Please wait: a long change is still being saved."))
            return True
        return False

    # --- actions -----------------------------------------------------------------

    def undo_action(self, parent: QObject) -> QAction:
        """An Undo action that follows the active stack ("Undo Tag ORG")."""
        return self._stack_action(parent, self._undo_text, self.undo,
                                  self.group.canUndoChanged, self.group.undoTextChanged,
                                  self.group.canUndo, self.group.undoText)

    def redo_action(self, parent: QObject) -> QAction:
        """A Redo action that follows the active stack ("Redo Tag ORG")."""
        return self._stack_action(parent, self._redo_text, self.redo,
                                  self.group.canRedoChanged, self.group.redoTextChanged,
                                  self.group.canRedo, self.group.redoText)

    def _undo_text(self, operation: str) -> str:
        return (self.tr("&Undo {operation}").format(operation=as_menu_text(operation))
                if operation else self.tr("&Undo"))

    def _redo_text(self, operation: str) -> str:
        return (self.tr("&Redo {operation}").format(operation=as_menu_text(operation))
                if operation else self.tr("&Redo"))

    def event(self, event: QEvent) -> bool:
        # The window passes a change of language on to its children: the actions'
        # "Undo"/"Redo" follow (the operations keep the names they were given).
        if event.type() == QEvent.Type.LanguageChange:
            for update in self._action_updates:
                update()
        return super().event(event)

    def _stack_action(self, parent: QObject, label: Callable[[str], str],
                      slot: Callable[[], bool], can_signal: Signal, text_signal: Signal,
                      can: Callable[[], bool], text: Callable[[], str]) -> QAction:
        action = QAction(label(""), parent)
        action.triggered.connect(lambda _checked=False: slot())
        # Kept from the signals' arguments: the stack also signals while it is
        # being destroyed, when it can no longer be asked.
        state: dict[str, bool | str] = {"can": can(), "text": text()}

        def update() -> None:
            action.setEnabled(bool(state["can"]) and not self._busy)
            action.setText(label(str(state["text"])))

        def remember(key: str, value: bool | str) -> None:
            state[key] = value
            update()

        can_signal.connect(functools.partial(remember, "can"))
        text_signal.connect(functools.partial(remember, "text"))

        def follow_group(_stack: object) -> None:  # another pane's history is active
            state.update(can=can(), text=text())
            update()

        self.group.activeStackChanged.connect(follow_group)
        self.busy_changed.connect(lambda _busy: update())
        self._action_updates.append(update)
        update()
        return action

    # --- internals -----------------------------------------------------------------

    def _move(self, operation: Operation, step: Callable[[], Change],
              move_stack: Callable[[], None]) -> bool:
        from desktop.core.operations import is_slow

        if is_slow(operation):
            return self._in_background(operation, step, push=False, on_done=None,
                                       after=move_stack)
        if not self._step(step, operation=operation):
            return False
        self._moved(move_stack)
        return True

    def _step(self, step: Callable[[], Change], quiet: bool = False,
              operation: Operation | None = None) -> bool:
        try:
            change = step()
        except Exception as exc:  # a write failed: say so, keep the app alive
            if operation is not None and self.resolve_conflict is not None \
                    and _is_conflict(exc):
                return self._settle(exc, step, operation, quiet)
            self._failed(exc, quiet)
            return False
        self.last_error = None
        self.changed.emit(change)
        return True

    def _settle(self, conflict: Exception, step: Callable[[], Change], operation: Operation,
                quiet: bool) -> bool:
        """Annotations were changed elsewhere since the user saw them: writes anyway (the
        same step, forced), or shows the views the other change; as the user answers."""
        from desktop.core.operations import ChangedMeanwhile

        assert isinstance(conflict, ChangedMeanwhile) and self.resolve_conflict is not None
        if not self.resolve_conflict(conflict):
            self.last_error = str(conflict)
            self.changed.emit(conflict.change)
            return False
        operation.force = True  # (the operations that check have the flag)
        try:
            return self._step(step, quiet)
        finally:
            operation.force = False  # its undo and redo check again

    def _failed(self, exc: BaseException, quiet: bool = False) -> None:
        from desktop.core.changes import RELOAD

        # A refusal (ValueError: a name taken…) is said as it is; anything else
        # is a write that could not be done.
        self.last_error = (str(exc) if isinstance(exc, ValueError | LookupError)
                           else self.tr("The change could not be saved: {error}").format(
                               error=exc))
        if not quiet:
            self.failed.emit(self.last_error)
        self.changed.emit(RELOAD)  # the transaction was undone: views read the database again

    def _refuse_while_busy(self) -> bool:
        """Refuses a change while a slow one runs, or while the database may not be written."""
        reason = self.read_only if self.read_only is not None else (
            self.tr("Please wait: a long change is still being saved.") if self._busy
            else None)
        if reason is not None:
            from desktop.core.changes import RELOAD

            self.waiting.emit(reason)
            self.changed.emit(RELOAD)  # a view that showed the change as made shows the truth
        return reason is not None

    def _in_background(self, operation: Operation, step: Callable[..., Change], push: bool,
                       on_done: Callable[[bool], None] | None,
                       after: Callable[[], None] | None = None) -> bool:
        if self.tasks is None:  # no worker thread (scripts, some tests): run here
            ok = self._step(step)
            if ok and push:
                self._push(operation)
            if ok and after is not None:
                self._moved(after)
            if on_done is not None:
                on_done(ok)
            return ok
        task = self.tasks.start(operation.name, step)
        if task is None:
            return False
        stack = self.stack  # the history it started in, whichever pane has focus then
        self._busy_stack = stack
        self._set_busy(True)

        def succeeded(change: Change) -> None:
            change = dataclasses.replace(change, concurrent=True)
            try:
                if push:
                    self._push(operation, stack)
                if after is not None:
                    self._moved(after)
            finally:  # the work is stored: the window is free again and shows it
                self._set_busy(False)
                self.changed.emit(change)
                if on_done is not None:
                    on_done(True)

        def ended_otherwise(message: str | None) -> None:
            self._set_busy(False)
            if message is not None:
                self._failed(RuntimeError(message))
            if on_done is not None:
                on_done(False)

        task.succeeded.connect(succeeded)
        task.failed.connect(ended_otherwise)
        task.cancelled.connect(functools.partial(ended_otherwise, None))
        return True

    def _push(self, operation: Operation, stack: QUndoStack | None = None) -> None:
        target = stack if stack is not None else self.stack
        self._moved(functools.partial(target.push, OperationCommand(operation, self)))

    def _moved(self, move: Callable[[], None]) -> None:
        """Moves the stack (push, undo, redo) after the runner did the work itself."""
        self.moving = True
        try:
            move()
        finally:
            self.moving = False

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if not busy:
            self._busy_stack = None
        self.busy_changed.emit(busy)


def _is_conflict(exc: Exception) -> bool:
    """True for a step that found annotations changed elsewhere (nothing was written)."""
    from desktop.core.operations import ChangedMeanwhile

    return isinstance(exc, ChangedMeanwhile)
