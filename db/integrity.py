"""Whether a database file is sound, from SQLite's own checks, said in words.

``PRAGMA quick_check`` reads every page and checks each b-tree, but does not
compare the indexes with their tables; ``PRAGMA integrity_check`` does that
too. Measured on the 1,000,000-annotation database of
``bench/bench_aggregates.py`` (304 MB, in the page cache, 2-core machine):
quick_check 0.66–0.81 s, integrity_check 5.1–5.2 s. So the command line runs
the quick check whenever it opens a database, the window runs it in the
background after its first paint, and the full check runs when asked for
(``marginalia check``, :func:`check_file`).

This module uses plain :mod:`sqlite3` on a read-only connection of its own:
a check can run on any thread, beside the app's connections, and never
writes.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db.backups import latest_backup
from db.i18n import counted, translate

MAX_FINDINGS = 20
"""How many problems a check lists at most (SQLite would go on to 100)."""


@dataclass(frozen=True)
class IntegrityReport:
    """What a check of one database file found.

    Attributes:
        path: the file checked.
        problems: SQLite's findings, one line each; empty when it is sound.
        full: ``integrity_check`` (True) or ``quick_check`` (False).
    """

    path: Path
    problems: tuple[str, ...]
    full: bool

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def message(self) -> str:
        """One paragraph for the user: sound, or damaged and what to do."""
        if self.ok:
            if self.full:
                return translate("Integrity", "{path}: no problems found (full integrity "
                                              "check).").format(path=self.path)
            return translate("Integrity", "{path}: no problems found (quick check)."
                             ).format(path=self.path)
        return damage_message(self.path, self.problems)


def findings(con: sqlite3.Connection, full: bool = False) -> list[str]:
    """Runs SQLite's check on an open connection; returns its findings ([] if sound).

    A file damaged so badly that the check cannot even run (its schema can't
    be read) gives the reason SQLite stops with as its one finding.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = con.execute(f"PRAGMA {pragma}({MAX_FINDINGS:d})").fetchall()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            return [str(exc)]
        raise
    lines = [line.strip() for row in rows for line in str(row[0]).splitlines()]
    if lines == ["ok"]:
        return []
    # "*** in database main ***" heads the findings of each attached database.
    return [line for line in lines if line and not line.startswith("***")]


def check_file(path: Path, full: bool = True) -> IntegrityReport:
    """Checks a database file on a read-only connection of its own.

    Raises:
        db.connection.DatabaseError: there is no such file, or it can't be
            opened at all (naming the file and the reason).
    """
    from db.connection import DatabaseError, read_only_uri

    if not path.is_file():
        raise DatabaseError(translate("Integrity", "There is no database file at {path}."
                                      ).format(path=path))
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(translate("Connection", "Cannot open database {path}: {reason}."
                                      ).format(path=path, reason=exc)) from exc
    try:
        problems = findings(con, full)
    except sqlite3.Error as exc:
        raise DatabaseError(translate("Integrity", "Cannot check database {path}: {reason}."
                                      ).format(path=path, reason=exc)) from exc
    finally:
        con.close()
    return IntegrityReport(path, tuple(problems), full)


def damage_message(path: Path, problems: tuple[str, ...] | list[str],
                   checked: bool = True) -> str:
    """Says that ``path`` is damaged, what SQLite found first, and what to do.

    ``checked``: the problems are a check's findings, not an error met reading.
    """
    count = len(problems)
    if checked and count >= MAX_FINDINGS:
        found = translate("Integrity", "SQLite's check found {count} problems or more, the "
                                       "first: “{problem}”")
    elif checked:
        found = counted(count, translate("Integrity", "SQLite's check found {count} problem, "
                                                      "the first: “{problem}”"),
                        translate("Integrity", "SQLite's check found {count} problems, the "
                                               "first: “{problem}”"))
    else:
        found = translate("Integrity", "SQLite said “{problem}” reading it")
    found = found.format(count=count, problem=problems[0])
    backup = latest_backup_of(path)
    if backup is not None:
        advice = translate("Integrity", "The latest backup is {backup}: File ▸ Restore a "
                                        "backup… in the window puts it back (and keeps the "
                                        "damaged file).").format(backup=backup)
    else:
        advice = translate("Integrity", "No backup of it was found.")
    return translate("Integrity", "The database {file} is damaged ({found}). Marginalia will "
                                  "not write to it, and what it reads from it may be "
                                  "incomplete. {advice}").format(
        file=path, found=found, advice=advice)


def latest_backup_of(path: Path) -> Path | None:
    """The newest backup of ``path`` (:func:`db.backups.latest_backup`), or None.

    The one place a damage report asks for the backup to offer; a backups
    folder that can't be read simply has none to offer.
    """
    try:
        return latest_backup(path)
    except OSError:
        return None
