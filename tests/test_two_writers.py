"""Two app processes annotate one database at once: nothing is lost, each sees the other.

Each process makes 400 annotations, one core operation (one transaction)
each, as a user tagging fast would; both start together. Then 800
annotations are stored, and each process has read the other's 400 from the
change log (db.change_log.since). On a SQLite file and on PostgreSQL.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db.articles import NewArticle, insert_articles
from desktop.core.text import content_hash

pytestmark = pytest.mark.both_backends

ROOT = Path(__file__).resolve().parents[1]
WRITES = 400  # each; the two write at once for a second or more
WORD = 6  # "w0000 "

WRITER = textwrap.dedent("""
    import json, sys, time
    from db import change_log, connection
    from db.annotations import label_by_name
    from db.reads import get_article
    from desktop.core.operations import AddAnnotations, new_annotation

    url, article_id, first, writes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), \\
        int(sys.argv[4])
    connection.open_database(url)
    article = get_article(article_id)
    label = label_by_name("QUANTITY")
    print("ready", flush=True)
    sys.stdin.readline()  # both start together
    ids = []
    for word in range(first, first + writes):
        start = word * 6
        step = AddAnnotations([new_annotation(article.body, article_id, label.id, start,
                                              start + 5, author=f"writer {first}")])
        step.apply()
        ids += step.ids
    seen = {}
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # until the other's writes are all read
        seen = {}
        for row in change_log.since(0):
            if row.kind == "annotation" and row.action == "insert":
                seen[row.origin] = seen.get(row.origin, 0) + 1
        if sum(seen.values()) >= writes:
            break
        time.sleep(0.05)
    print(json.dumps({"origin": change_log.ORIGIN, "ids": ids, "seen": seen}), flush=True)
    connection.close_database()
""")


def test_two_processes_writing_at_once_lose_nothing_and_see_each_other(db, db_url):
    body = "".join(f"w{i:04d} " for i in range(2 * WRITES))
    article_id = insert_articles([NewArticle("Mots", body, content_hash(body), "fr")])[0]

    writers = [subprocess.Popen([sys.executable, "-c", WRITER, db_url, str(article_id),
                                 str(first), str(WRITES)], cwd=ROOT, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for first in (0, WRITES)]
    try:
        for writer in writers:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        for writer in writers:  # go
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        outcomes = []
        for writer in writers:
            out, err = writer.communicate(timeout=600)
            assert writer.returncode == 0, err
            outcomes.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.communicate()

    from db.reads import annotation_count

    assert annotation_count(article_id) == 2 * WRITES
    first, second = outcomes
    assert len(set(first["ids"])) == len(set(second["ids"])) == WRITES
    assert not set(first["ids"]) & set(second["ids"])
    assert first["seen"] == {second["origin"]: WRITES}
    assert second["seen"] == {first["origin"]: WRITES}
