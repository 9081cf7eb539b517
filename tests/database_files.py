"""Database files for the tests of damaged, foreign and read-only databases.

A sound database, one with a damaged b-tree page in the middle of a table,
another program's SQLite file, and a folder made immutable (``chattr +i``,
which stops root too: tests run as root here).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from db import connection

BODY = ("Paragraph {n}: the regulator approved the merger after a long review, and the "
        "two companies said they expected savings of several hundred million dollars. ") * 8


def sound_database(path: Path, articles: int = 30, annotations: int = 0,
                   rejections: int = 0) -> None:
    """A closed Marginalia database at ``path`` with ``articles`` articles (long
    enough to fill many pages), and on the first one ``annotations`` MONEY tags
    and ``rejections`` rejected suggestions."""
    from db.annotations import insert_annotations, label_by_name
    from db.articles import NewArticle, insert_articles
    from desktop.core.operations import new_annotation
    from desktop.core.text import content_hash

    connection.open_database(path)
    bodies = [BODY.format(n=n) for n in range(articles)]
    ids = insert_articles([
        NewArticle(f"Article {n}", body, content_hash(body), "en",
                   dt.date(2024, 1, 1) + dt.timedelta(days=n))
        for n, body in enumerate(bodies)])
    if annotations:
        money = label_by_name("MONEY")
        assert money is not None
        insert_annotations([new_annotation(bodies[0], ids[0], money.id, i % 700, i % 700 + 5)
                            for i in range(annotations)])
    if rejections:
        from db.models import database

        database.execute_sql(
            "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n "
            "WHERE value < ?) INSERT INTO rejected_suggestion (article_id, start, \"end\", "
            "label_id, created_at) SELECT ?, value, value + 3, 1, '2025-01-01 00:00:00' "
            "FROM n", (rejections, ids[0]))
    connection.close_database()
    assert not Path(f"{path}-wal").exists()  # all of it is in the file itself


def damage_table(path: Path, table: str, last: bool = False) -> int:
    """Overwrites the cells of a leaf page in the middle of ``table``'s b-tree (its
    second half: the page header still reads), or all the cells of its last
    leaf (the rows with the highest ids: every pointer after the header);
    returns the page's number."""
    con = sqlite3.connect(path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    con.close()
    leaves = _leaves(path.read_bytes(), page_size, root)
    assert len(leaves) >= 3, f"{table} is too small to damage in the middle"
    page = leaves[-1] if last else leaves[len(leaves) // 2]
    skip = 8 if last else page_size // 2  # a leaf page's header is 8 bytes
    with path.open("r+b") as handle:
        handle.seek((page - 1) * page_size + skip)
        handle.write(b"\xa5" * (page_size - skip))
    assert quick_check(path) != ["ok"]
    return page


def _leaves(data: bytes, page_size: int, page: int) -> list[int]:
    """The leaf pages of the table b-tree rooted at ``page``, in key order."""
    start = (page - 1) * page_size
    header = start + (100 if page == 1 else 0)
    if data[header] == 0x0D:  # a table leaf
        return [page]
    assert data[header] == 0x05, "not a table b-tree page"
    cells = int.from_bytes(data[header + 3:header + 5], "big")
    children = []
    for i in range(cells):
        cell = start + int.from_bytes(data[header + 12 + 2 * i:header + 14 + 2 * i], "big")
        children.append(int.from_bytes(data[cell:cell + 4], "big"))
    children.append(int.from_bytes(data[header + 8:header + 12], "big"))
    return [leaf for child in children for leaf in _leaves(data, page_size, child)]


def quick_check(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in con.execute("PRAGMA quick_check")]
    finally:
        con.close()


def integrity_check(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in con.execute("PRAGMA integrity_check")]
    finally:
        con.close()


def foreign_database(path: Path, user_version: int = 0) -> bytes:
    """Another program's SQLite file (its own tables, no mark); returns its bytes."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT, phone TEXT)")
    con.execute("INSERT INTO contacts (name, phone) VALUES ('Ada', '555-0100')")
    con.execute("CREATE TABLE article (id INTEGER PRIMARY KEY, url TEXT)")  # a name we use too
    con.execute(f"PRAGMA user_version = {user_version:d}")
    con.commit()
    con.close()
    return path.read_bytes()


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    """Makes ``path`` (a folder) unwritable even for root, or skips the test."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not available: no way to make a folder root can't write")
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"this file system can't make a folder immutable: {done.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
