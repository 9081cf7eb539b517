"""The single path for annotation writes from the GUI.

Every change goes through :class:`OperationRunner.run`: the operation is
applied (one committed transaction) before its command is pushed, so a
failed write is reported and never leaves a phantom step on the undo
stack. Undo and redo call the same operation's ``revert``/``apply``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

if TYPE_CHECKING:  # the window's first paint does not wait for the write side
    from desktop.core.operations import Change, Operation


class OperationCommand(QUndoCommand):
    """A QUndoCommand around an already applied core operation."""

    def __init__(self, operation: Operation, runner: OperationRunner) -> None:
        super().__init__(operation.name)
        self._operation = operation
        self._runner = runner
        self._skip_first_redo = True

    def redo(self) -> None:
        if self._skip_first_redo:  # push() calls redo(); the operation already ran
            self._skip_first_redo = False
            return
        self._runner.report(self._operation.apply)

    def undo(self) -> None:
        self._runner.report(self._operation.revert)


class OperationRunner(QObject):
    """Applies operations, keeps the undo stack, tells views what changed.

    Signals:
        changed(Change): after each apply, undo or redo.
        failed(str): a write could not be done; the message is for the user.
    """

    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)

    def run(self, operation: Operation) -> bool:
        """Applies ``operation`` and pushes it on the undo stack; False if it failed."""
        if not self.report(operation.apply):
            return False
        self.stack.push(OperationCommand(operation, self))
        return True

    def report(self, step) -> bool:  # type: ignore[no-untyped-def]
        try:
            change: Change = step()
        except Exception as exc:  # a write failed: say so, keep the app alive
            self.failed.emit(f"The change could not be saved: {exc}")
            return False
        self.changed.emit(change)
        return True
