"""The ``marginalia`` command line: exit codes, messages, and what the database holds."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from db import connection
from db.articles import article_count
from desktop import __version__
from desktop.cli import main
from tests.helpers import TEST_DATA

DATA = TEST_DATA / "import"


@pytest.fixture
def stored(db_path: Path):
    """Opens the CLI's database afterwards to look at what it holds."""
    def count() -> int:
        connection.open_database(db_path)
        try:
            return article_count()
        finally:
            connection.close_database()
    return count


def test_import_prints_the_summary_and_exits_0(db_path, capsys, stored):
    code = main(["--db", str(db_path), "import", str(DATA / "three.jsonl"),
                 str(DATA / "en-with-header.txt")])

    out, err = capsys.readouterr()
    assert code == 0
    assert out == "Imported 4 articles.\n" and err == ""
    assert stored() == 4


def test_import_again_reports_articles_already_present(db_path, capsys, stored):
    main(["--db", str(db_path), "import", str(DATA / "heading.md")])
    capsys.readouterr()

    code = main(["--db", str(db_path), "import", "-v", str(DATA / "heading.md")])

    out, _ = capsys.readouterr()
    assert code == 0
    assert out.splitlines() == [
        f"Already present: {DATA / 'heading.md'} (Ferry operator orders two ships) is article 1.",
        "No articles imported; 1 already present.",
    ]
    assert stored() == 1


def test_import_names_each_bad_file_and_its_reason_and_exits_1(db_path, tmp_path, capsys,
                                                               stored):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.md").write_text("# Title\n\nSome text here.", encoding="utf-8")
    (inbox / "latin1.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)  # no encoding fits
    (inbox / "feed.jsonl").write_text('{"title": "no body"}\n', encoding="utf-8")

    code = main(["--db", str(db_path), "import", str(inbox), str(inbox / "gone.txt")])

    out, err = capsys.readouterr()
    assert code == 1
    assert out == ("Imported 1 article; 2 files could not be imported; "
                   "1 line with problems in 1 file.\n")
    lines = err.splitlines()
    assert f'marginalia: {inbox / "feed.jsonl"}, line 1: The record has no "body" field.' \
        in lines
    assert any(line.startswith(f"marginalia: {inbox / 'latin1.txt'}: This is not UTF-8 text")
               for line in lines)
    assert f"marginalia: {inbox / 'gone.txt'}: The file does not exist." in lines
    assert "Traceback" not in err
    assert stored() == 1


def test_a_database_that_cannot_be_opened_exits_2_without_traceback(tmp_path, capsys):
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("shopping list\n" * 100, encoding="utf-8")

    code = main(["--db", str(not_a_db), "import", str(DATA / "heading.md")])

    out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("marginalia: ") and str(not_a_db) in err
    assert "Traceback" not in err and out == ""
    assert not_a_db.read_text(encoding="utf-8") == "shopping list\n" * 100


def test_export_jsonl_and_csv(db_path, tmp_path, capsys):
    main(["--db", str(db_path), "import", str(DATA / "three.jsonl")])
    capsys.readouterr()

    code = main(["--db", str(db_path), "export", "--format", "jsonl",
                 "--out", str(tmp_path / "all.jsonl")])
    assert code == 0
    assert capsys.readouterr().out == f"Exported 3 articles to {tmp_path / 'all.jsonl'}.\n"
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["title"] for line in lines][0] == "Water utility raises prices"

    code = main(["export", "--db", str(db_path), "--out", str(tmp_path / "one.csv"),
                 "--article", "2"])
    assert code == 0
    assert capsys.readouterr().out == f"Exported 0 annotations to {tmp_path / 'one.csv'}.\n"
    with (tmp_path / "one.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle))[:3] == ["article_id", "article_title", "article_date"]


def test_export_of_an_unknown_article_exits_1(db_path, tmp_path, capsys):
    code = main(["--db", str(db_path), "export", "--out", str(tmp_path / "x.jsonl"),
                 "--article", "42"])

    assert code == 1
    assert capsys.readouterr().err == (
        "marginalia: No article with id 42; nothing was exported.\n")
    assert not (tmp_path / "x.jsonl").exists()


def test_export_to_an_unwritable_place_exits_1(db_path, tmp_path, capsys):
    target = tmp_path / "missing-folder" / "x.csv"

    code = main(["--db", str(db_path), "export", "--out", str(target)])

    assert code == 1
    assert capsys.readouterr().err.startswith(f"marginalia: Could not write {target}: ")


def test_export_format_must_be_known(db_path, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "export", "--out", str(tmp_path / "x.xlsx")])

    assert exit_info.value.code == 2
    assert "--format is needed" in capsys.readouterr().err


def test_database_from_the_environment(tmp_path, monkeypatch, capsys):
    target = tmp_path / "env.sqlite3"
    monkeypatch.setenv("MARGINALIA_DB", str(target))

    assert main(["import", str(DATA / "heading.md")]) == 0
    assert target.exists()


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])

    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"marginalia {__version__}\n"


def test_the_command_line_never_loads_qt(db_path):
    script = (
        "import sys\n"
        "from desktop.cli import main\n"
        f"code = main(['--db', {str(db_path)!r}, 'import', {str(DATA)!r}])\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')]\n"
        "print(code, loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=Path(__file__).parents[1], check=True)

    assert done.stdout.splitlines()[-1] == "0 []"
