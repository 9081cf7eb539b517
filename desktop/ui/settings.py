"""User settings, declared once with their types and defaults, over QSettings.

Settings live in an INI file in the platform's config folder (or the file
named by ``$MARGINALIA_SETTINGS``, which tests use). A version number is
stored with them; :data:`UPGRADES` holds the named functions that bring an
older file up to date, so a renamed key never silently resets.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ENV_VAR = "MARGINALIA_SETTINGS"
VERSION = 1


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its key in the file, its type, its default.

    Attributes:
        choices: the values it may take, if only a few; any other value read
            from the file (edited by hand, or by a newer version) gives the default.
    """

    key: str
    type: type[T]
    default: T
    choices: tuple[T, ...] = ()


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
SPLITTER_STATE = Setting("window/splitter", QByteArray, QByteArray())
LAST_ARTICLE = Setting("reader/last_article", int, 0)  # the first pane's
# The articles of the panes beside the first, left to right ("12,40"), and the
# pane that had the focus (0: the first).
BESIDE = Setting("reader/beside", str, "")
ACTIVE_PANE = Setting("reader/active_pane", int, 0)
LAST_IMPORT_DIR = Setting("import/last_dir", str, "")
LAST_EXPORT_DIR = Setting("export/last_dir", str, "")
AUTHOR = Setting("annotation/author", str, "")
# The version of the first-run tour last shown (0: never); a tour whose steps
# changed enough to show again gets a higher version (desktop.ui.tour).
TOUR_SHOWN = Setting("help/tour_shown", int, 0)

# Preferences (desktop.ui.preferences_dialog).
LANGUAGE = Setting("ui/language", str, "system", ("system", "en", "fr"))
THEME = Setting("ui/theme", str, "system", ("system", "light", "dark"))
READING_FONT_FAMILY = Setting("reader/font_family", str, "")  # "": the first serif installed
READING_FONT_SIZE = Setting("reader/font_size", float, 12.0)  # points
# The ISO 4217 code of money whose text names no currency ("un chiffre d'affaires
# de 3,4 Mds"), unless the article or its source says which; see
# desktop.ui.suggestions.SuggestionController._currencies.
DEFAULT_CURRENCY = Setting("amounts/default_currency", str, "USD")
# Suggestions ▸ Names from the model: 1 proposes the name model's names, 0 only the
# names already tagged (desktop.ui.known_names).
NAME_MODEL = Setting("suggestions/name_model", int, 1, (0, 1))
# The folder of the default database ("": the platform's user data folder); read
# at start-up only, after --db and $MARGINALIA_DB.
DATA_FOLDER = Setting("data/folder", str, "")
# A team database (PostgreSQL) to use instead of the file in the data folder:
# "postgresql://user@host/dbname", without its password (libpq reads ~/.pgpass).
DATA_SERVER = Setting("data/server", str, "")

UPGRADES: dict[int, Callable[[QSettings], None]] = {}


def settings_path() -> Path:
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    from platformdirs import user_config_path

    return user_config_path("Marginalia", appauthor=False) / "marginalia.ini"


class Settings:
    """Typed access to the settings file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        found = int(self._qs.value("meta/version", 0))
        for version in range(found + 1, VERSION + 1):
            if version in UPGRADES:
                UPGRADES[version](self._qs)
        if found != VERSION:
            self._qs.setValue("meta/version", VERSION)

    def get(self, setting: Setting[T]) -> T:
        raw = self._qs.value(setting.key, setting.default)
        if raw is None:
            return setting.default
        if setting.type is QByteArray:
            return raw if isinstance(raw, QByteArray) else setting.default  # type: ignore[return-value]
        try:
            value = setting.type(raw)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return setting.default
        if setting.choices and value not in setting.choices:
            return setting.default
        return value

    def set(self, setting: Setting[T], value: T) -> None:
        """Stores a value; the same value again writes nothing (QSettings would write
        the whole file again on the GUI thread: 5 ms, at each return to the first pane)."""
        if self._qs.contains(setting.key):
            # The raw value: get() reads an invalid one as the default, which must
            # still be written over. An ini file gives numbers back as text.
            stored = self._qs.value(setting.key)
            if stored == value or (isinstance(stored, str) and not isinstance(value, QByteArray)
                                   and stored == str(value)):
                return
        self._qs.setValue(setting.key, value)

    def sync(self) -> None:
        self._qs.sync()

    def database_location(self) -> str | None:
        """What the preferences say to open: the team database's URL if one is set,
        else the file in the chosen data folder; None for the default file."""
        server = self.get(DATA_SERVER).strip()
        if server:
            return server
        chosen = self.database_file()
        return str(chosen) if chosen is not None else None

    def database_file(self) -> Path | None:
        """The database in the data folder chosen in the preferences; None for the
        default one (:func:`db.connection.default_path`)."""
        folder = self.get(DATA_FOLDER).strip()
        if not folder:
            return None
        from db.connection import default_path

        return Path(folder).expanduser() / default_path().name
