"""What opening an older database changed, said once to the user."""

from __future__ import annotations

from db.articles import take_meta
from db.migrations import LINKED_BY_5


def upgrade_notes() -> list[str]:
    """Sentences about what the last migrations did to the user's data (each said once)."""
    notes = []
    linked = take_meta(LINKED_BY_5)
    if linked is not None and int(linked):
        count = int(linked)
        notes.append(f"Linked {count} tagged mention{'s' if count != 1 else ''} to the entities "
                     "their text names, so every mention counts in the figures.")
    return notes
