"""The command line on damaged, foreign and read-only databases: what the user reads.

Each case asserts the message on stderr, the exit code, and where the file
was refused, that its bytes are the same after (see test_db_safety for how
the files are made, and for what running as root means here).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db import connection
from desktop.cli import EXIT_DATABASE, EXIT_OK, EXIT_PROBLEMS, main
from tests.database_files import (
    damage_table,
    foreign_database,
    immutable,
    integrity_check,
    quick_check,
    sound_database,
)
from tests.helpers import TEST_DATA

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = TEST_DATA / "import" / "three.jsonl"


def _tagged_database(path: Path) -> None:
    """A database with one article, an ORG mention of OpenAI, and summaries out of date."""
    from db.annotations import find_or_create_entity, insert_annotations, label_by_name
    from db.articles import NewArticle, insert_articles
    from db.summaries import dirty_count
    from desktop.core.operations import new_annotation
    from desktop.core.text import content_hash

    body = "OpenAI signs a deal with AWS."
    connection.open_database(path)
    [article] = insert_articles([NewArticle("Deal", body, content_hash(body), "en")])
    org = label_by_name("ORG")
    assert org is not None
    insert_annotations([new_annotation(body, article, org.id, 0, 6,
                                       entity_id=find_or_create_entity("OpenAI", org.id))])
    assert dirty_count() == 1  # the figures wait for the next reader to bring them up to date
    connection.close_database()


# --- marginalia check --------------------------------------------------------------------


def test_check_says_a_sound_database_has_no_problems(tmp_path, capsys):
    path = tmp_path / "m.sqlite3"
    sound_database(path, articles=3)
    before = path.read_bytes()

    code = main(["--db", str(path), "check"])

    out, err = capsys.readouterr()
    assert code == EXIT_OK and err == ""
    assert out == f"{path}: no problems found (full integrity check).\n"
    assert path.read_bytes() == before


def test_check_names_the_damage_and_exits_2(tmp_path, capsys):
    path = tmp_path / "m.sqlite3"
    sound_database(path)
    damage_table(path, "article")
    before = path.read_bytes()

    code = main(["check", "--db", str(path)])

    out, err = capsys.readouterr()
    assert code == EXIT_DATABASE and out == ""
    assert err.startswith(f"marginalia: The database {path} is damaged (SQLite's check found ")
    assert "Marginalia will not write to it" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_check_of_another_programs_file_says_it_is_not_ours(tmp_path, capsys):
    path = tmp_path / "contacts.db"
    before = foreign_database(path)

    assert main(["check", "--db", str(path)]) == EXIT_DATABASE
    assert "is not a Marginalia database" in capsys.readouterr().err
    assert path.read_bytes() == before


# --- damaged files -----------------------------------------------------------------------


def test_import_into_a_damaged_database_is_refused_and_nothing_is_written(tmp_path, capsys):
    path = tmp_path / "m.sqlite3"
    sound_database(path)
    damage_table(path, "article")
    before = path.read_bytes()
    found = quick_check(path)

    code = main(["--db", str(path), "import", str(ARTICLES)])

    out, err = capsys.readouterr()
    assert code == EXIT_DATABASE and out == ""
    assert err.startswith(f"marginalia: The database {path} is damaged")
    assert "No backup of it was found." in err and "Traceback" not in err
    assert path.read_bytes() == before
    assert quick_check(path) == found


def test_export_from_a_damaged_database_warns_instead_of_a_silent_short_export(tmp_path, capsys):
    path = tmp_path / "m.sqlite3"
    sound_database(path)
    damage_table(path, "article")
    before = path.read_bytes()
    out_file = tmp_path / "out.jsonl"

    code = main(["--db", str(path), "export", "--out", str(out_file)])

    out, err = capsys.readouterr()
    assert code == EXIT_DATABASE and out == ""
    first, last = err.splitlines()
    assert first.startswith(f"marginalia: warning: The database {path} is damaged")
    assert first.endswith("Reading it all the same.")
    # The damaged page is met: the export stops there, said in words, and writes no file.
    assert last.startswith(f"marginalia: The database {path} is damaged")
    assert "Traceback" not in err
    assert not out_file.exists()
    assert path.read_bytes() == before


def test_stats_of_a_damaged_database_warn_and_exit_1(tmp_path, capsys):
    path = tmp_path / "m.sqlite3"
    sound_database(path, articles=3, annotations=600)
    damage_table(path, "annotation")
    before = path.read_bytes()

    code = main(["--db", str(path), "stats", "--by", "label"])

    out, err = capsys.readouterr()
    assert code == EXIT_PROBLEMS
    assert err.startswith(f"marginalia: warning: The database {path} is damaged")
    assert out.splitlines()[0] == "label,kind,color,annotations,entities"
    assert path.read_bytes() == before


# --- another program's file --------------------------------------------------------------


@pytest.mark.parametrize("command", [
    ["export", "--out", "{out}"], ["stats", "--by", "entity"], ["deals"],
    ["import", str(ARTICLES)]])
def test_every_command_refuses_another_programs_file_untouched(tmp_path, capsys, command):
    path = tmp_path / "contacts.db"
    before = foreign_database(path)
    out_file = tmp_path / "out.jsonl"

    code = main(["--db", str(path), *[part.format(out=out_file) for part in command]])

    out, err = capsys.readouterr()
    assert code == EXIT_DATABASE and out == ""
    assert err == (f"marginalia: {path} is not a Marginalia database: it holds another "
                   "program's tables (article, contacts). It has not been changed; choose "
                   "another file with --db.\n")
    assert path.read_bytes() == before
    assert not out_file.exists()


def test_a_reading_command_on_a_new_file_creates_an_empty_database_never_seeded(db_path,
                                                                                 tmp_path):
    assert main(["--db", str(db_path), "export", "--out", str(tmp_path / "o.jsonl")]) == EXIT_OK

    con = sqlite3.connect(db_path)
    assert con.execute("SELECT count(*) FROM article").fetchone()[0] == 0
    con.close()


# --- read only ---------------------------------------------------------------------------


def test_reading_commands_work_read_only_and_leave_the_file_alone(tmp_path, capsys):
    path = tmp_path / "m.sqlite3"
    _tagged_database(path)
    before = path.read_bytes()

    code = main(["--db", str(path), "--read-only", "stats", "--by", "entity",
                 "--format", "json"])
    out, err = capsys.readouterr()
    assert code == EXIT_OK and err == ""
    [row] = json.loads(out)["rows"]
    assert (row["entity"], row["mentions"]) == ("OpenAI", 1)  # summaries out of date: read afresh

    assert main(["deals", "--db", str(path), "--read-only"]) == EXIT_OK
    out_file = tmp_path / "out.csv"
    assert main(["--read-only", "--db", str(path), "export", "--out", str(out_file)]) == EXIT_OK
    assert "OpenAI" in out_file.read_text(encoding="utf-8-sig")
    capsys.readouterr()

    assert path.read_bytes() == before
    assert integrity_check(path) == ["ok"]


def test_import_into_a_read_only_database_says_why_nothing_was_imported(tmp_path, capsys):
    path = tmp_path / "m.sqlite3"
    sound_database(path, articles=2)
    before = path.read_bytes()

    code = main(["--db", str(path), "--read-only", "import", str(ARTICLES)])

    out, err = capsys.readouterr()
    assert code == EXIT_DATABASE and out == ""
    assert err == (f"marginalia: Marginalia opened {path} read only as asked (--read-only): "
                   "nothing can be saved to it. Nothing was imported.\n")
    assert path.read_bytes() == before


def test_a_read_only_open_of_a_missing_file_creates_nothing(tmp_path, capsys):
    path = tmp_path / "missing.sqlite3"

    assert main(["--db", str(path), "--read-only", "stats", "--by", "label"]) == EXIT_DATABASE
    assert "none was created" in capsys.readouterr().err
    assert not path.exists()


def test_a_database_in_a_folder_nobody_may_write(tmp_path, capsys):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "m.sqlite3"
    _tagged_database(path)
    before = path.read_bytes()

    with immutable(folder):
        stats = main(["--db", str(path), "stats", "--by", "label"])
        stats_out, stats_err = capsys.readouterr()
        imported = main(["--db", str(path), "import", str(ARTICLES)])
        _, import_err = capsys.readouterr()
        listed = sorted(p.name for p in folder.iterdir())

    assert stats == EXIT_OK and stats_err == ""
    assert "ORG,entity," in stats_out
    assert imported == EXIT_DATABASE
    assert import_err == (f"marginalia: Marginalia opened {path} read only because its folder "
                          f"{folder} is not writable (SQLite needs to create its journal files "
                          "beside the database): nothing can be saved to it. Nothing was "
                          "imported.\n")
    assert listed == ["m.sqlite3"]
    assert path.read_bytes() == before


def test_stats_on_a_read_only_file_in_a_real_process_print_no_traceback(tmp_path):
    path = tmp_path / "m.sqlite3"
    _tagged_database(path)
    before = path.read_bytes()
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(path), "--read-only",
                           "stats", "--by", "month"], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=60)

    assert done.returncode == EXIT_OK, done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines()[0].startswith("month,mentions,currency")
    assert path.read_bytes() == before
