"""One user action, one transaction."""

from __future__ import annotations

from typing import Any

from db.models import database


def transaction() -> Any:
    """A context manager: everything inside commits together or not at all.

    Nested calls become savepoints of the outer transaction, so a core
    operation can wrap the store's own transactional functions in one.
    The write lock is taken when it begins (see :mod:`db.connection`).
    """
    return database.atomic()
