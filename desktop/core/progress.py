"""The progress protocol of long operations (import, export, re-anchoring).

Long operations are plain functions of the Qt-free core. They report how far
they got through a callback and look at a cancel flag between steps, so the
GUI can run them on a worker thread and the CLI can run them directly.
By convention they take ``progress: ProgressCallback | None = None`` and
``cancel: CancelToken | None = None``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    """How far a long operation got.

    Attributes:
        done: units finished so far (bytes, records… as the operation says).
        total: units in all, or None when not known in advance.
        message: one short sentence for the user ("Imported 400 articles").
    """

    done: int
    total: int | None
    message: str

    @property
    def fraction(self) -> float | None:
        """``done / total`` clamped to 0..1, or None when the total is unknown."""
        if not self.total:
            return None
        return max(0.0, min(1.0, self.done / self.total))


ProgressCallback = Callable[[Progress], None]


class CancelToken:
    """A flag one thread sets and a long operation polls between steps.

    Cancelling is a request: the operation stops at its next safe point and
    leaves the database consistent (what it committed stays committed).
    """

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Asks the operation to stop at its next safe point."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._event.is_set()


class Cancelled(Exception):
    """Raised by operations whose result is all-or-nothing (an export file)."""


def report(progress: ProgressCallback | None, done: int, total: int | None,
           message: str) -> None:
    """Calls ``progress`` if there is one; saves every caller the ``None`` check."""
    if progress is not None:
        progress(Progress(done, total, message))


def is_cancelled(cancel: CancelToken | None) -> bool:
    """True if ``cancel`` exists and was cancelled."""
    return cancel is not None and cancel.cancelled


def time_left(elapsed_s: float, fraction: float | None) -> str | None:
    """"about 2 min left" for a task ``fraction`` done after ``elapsed_s`` seconds.

    None while the guess would be noise: the total unknown, under 2 % done,
    or less than a second gone. The pace so far is assumed to hold.
    """
    if fraction is None or fraction < 0.02 or elapsed_s < 1.0 or fraction >= 1.0:
        return None
    seconds = elapsed_s * (1.0 - fraction) / fraction
    from desktop.core.i18n import language, translate

    if seconds < 5:
        return translate("Progress", "a few seconds left")
    if seconds < 90:
        return translate("Progress", "about {seconds} s left").format(
            seconds=f"{round(seconds / 5) * 5:.0f}")
    if seconds < 90 * 60:
        return translate("Progress", "about {minutes} min left").format(
            minutes=f"{round(seconds / 60):.0f}")
    hours = f"{seconds / 3600:.1f}"
    return translate("Progress", "about {hours} h left").format(
        hours=hours if language() == "en" else hours.replace(".", ","))
