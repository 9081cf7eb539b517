"""Two ``marginalia import`` at once: both succeed, and each article is stored once.

The processes are real (``python -m desktop``), started together and waited
for; the assertions hold whichever of them gets the write lock first, so
nothing here depends on timing. An article the other process stored first
is reported as already present, not as an error; two first opens of a new
file build its schema once.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from db.schema import APPLICATION_ID, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 600  # several batches of 200: the two imports take turns at the write lock


def _feed(path: Path, count: int, tag: str) -> Path:
    """A JSON Lines file of ``count`` distinct articles."""
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            handle.write(json.dumps({"title": f"{tag} {n}", "lang": "en",
                                     "body": f"Report {tag} number {n}: the council voted."})
                         + "\n")
    return path


def _import_at_once(db_path: Path, *files: Path) -> list[subprocess.CompletedProcess[str]]:
    """Starts one ``marginalia import`` per file, all at once; waits for every one."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    processes = [subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(db_path),
                                   "import", str(file)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env=env, cwd=ROOT)
                 for file in files]
    done = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return done


def _counts(summary: str) -> tuple[int, int]:
    """(imported, already present) from an import's summary line."""
    imported = re.search(r"Imported ([\d,]+) article", summary)
    present = re.search(r"([\d,]+) already present", summary)
    return (int(imported.group(1).replace(",", "")) if imported else 0,
            int(present.group(1).replace(",", "")) if present else 0)


def _stored(db_path: Path, sql: str) -> object:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_two_imports_of_the_same_file_at_once_store_each_article_once(tmp_path):
    db_path = tmp_path / "m.sqlite3"
    [setup] = _import_at_once(db_path, _feed(tmp_path / "other.jsonl", 1, "other"))
    assert setup.returncode == 0, setup.stderr  # the file exists: the race is over the articles
    feed = _feed(tmp_path / "feed.jsonl", ARTICLES, "same")

    results = _import_at_once(db_path, feed, feed)

    for result in results:
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""  # no "UNIQUE constraint failed"
        imported, present = _counts(result.stdout)
        assert imported + present == ARTICLES
    assert sum(_counts(r.stdout)[0] for r in results) == ARTICLES
    assert _stored(db_path, "SELECT count(*) FROM article") == ARTICLES + 1
    assert _stored(db_path, "SELECT count(DISTINCT body) FROM article") == ARTICLES + 1


def test_two_first_opens_of_a_new_file_at_once_build_it_once(tmp_path):
    db_path = tmp_path / "new" / "m.sqlite3"
    feeds = [_feed(tmp_path / f"{tag}.jsonl", 50, tag) for tag in ("left", "right")]

    results = _import_at_once(db_path, *feeds)

    for result in results:
        assert result.returncode == 0, result.stderr  # no "table meta already exists"
        assert result.stderr == ""
        assert result.stdout == "Imported 50 articles.\n"
    assert _stored(db_path, "PRAGMA user_version") == SCHEMA_VERSION
    assert _stored(db_path, "PRAGMA application_id") == APPLICATION_ID
    assert _stored(db_path, "SELECT count(*) FROM label") == 9
    assert _stored(db_path, "SELECT count(*) FROM article") == 100
    assert _stored(db_path, "PRAGMA integrity_check") == "ok"


def test_no_other_writer_stores_an_article_between_the_check_and_the_insert(db, db_path,
                                                                           monkeypatch):
    """The import reads which articles are stored inside the transaction that inserts
    them, holding the write lock: another writer can't slip the same article in between."""
    from desktop.core import importers

    body = "A report that two processes import at the same moment."
    looked_up = importers.existing_hashes
    other_writer: list[str] = []

    def lookup_then_another_writer_tries(hashes: list[str]) -> dict[str, int]:
        found = looked_up(hashes)
        con = sqlite3.connect(db_path, timeout=0)  # no waiting: locked is an answer
        try:
            with con:
                con.execute("INSERT INTO article (title, body, language, source, content_hash, "
                            "imported_at) VALUES ('Other', ?, 'en', '', ?, '2025-01-01')",
                            (body, hashes[0]))
            other_writer.append("stored")
        except sqlite3.OperationalError as exc:
            other_writer.append(str(exc))
        finally:
            con.close()
        return found

    monkeypatch.setattr(importers, "existing_hashes", lookup_then_another_writer_tries)
    feed = db_path.parent / "one.txt"
    feed.write_text(body, encoding="utf-8")

    report = importers.import_paths([feed])

    assert other_writer == ["database is locked"]
    assert len(report.imported) == 1 and report.problems == []
    assert _stored(db_path, "SELECT count(*) FROM article") == 1
