"""The tests never touch the user's data or settings: their default places are under tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from db import connection


def test_the_default_database_and_settings_are_in_the_test_home(tmp_path, home):
    from desktop.ui.settings import settings_path

    assert home == tmp_path / "home"
    assert connection.resolve_path() == home / ".local/share/Marginalia/marginalia.sqlite3"
    assert settings_path() == home / ".config/Marginalia/marginalia.ini"
    assert Path.home() == home
    assert os.environ.get(connection.ENV_VAR) is None


def test_every_user_folder_platformdirs_gives_is_in_the_test_home(home):
    import platformdirs

    folders = [platformdirs.user_data_path(), platformdirs.user_config_path(),
               platformdirs.user_cache_path(), platformdirs.user_state_path()]

    assert [folder.is_relative_to(home) for folder in folders] == [True] * 4


def test_opening_the_default_database_writes_only_in_the_test_home(home):
    connection.open_database()
    try:
        assert connection.resolve_path().is_file()
    finally:
        connection.close_database()

    assert sorted(p.relative_to(home).as_posix() for p in home.rglob("*.sqlite3")) == [
        ".local/share/Marginalia/marginalia.sqlite3"]


def test_a_child_process_finds_the_same_folders(home):
    code = ("from db.connection import default_path; from platformdirs import user_config_path; "
            "print(default_path()); print(user_config_path())")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)

    assert [Path(line).is_relative_to(home) for line in result.stdout.splitlines()] == [True] * 2
