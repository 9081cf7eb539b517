"""What opening an older database changed, said once to the user."""

from __future__ import annotations

from db.articles import take_meta
from db.migrations import LINKED_BY_5
from desktop.core.i18n import counted, number, translate


def upgrade_notes() -> list[str]:
    """Sentences about what the last migrations did to the user's data (each said once)."""
    notes = []
    linked = take_meta(LINKED_BY_5)
    if linked is not None and int(linked):
        count = int(linked)
        notes.append(counted(
            count,
            translate("Upgrades", "Linked {count} tagged mention to the entities its text "
                                  "names, so every mention counts in the figures."),
            translate("Upgrades", "Linked {count} tagged mentions to the entities their text "
                                  "names, so every mention counts in the figures."),
        ).format(count=number(count)))
    return notes
