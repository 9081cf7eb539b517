"""Tagged by keys alone, every mention of a name counts in the figures."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from db import connection
from tests.helpers import store_article

# Eleven mentions of OpenAI, three of them glued to an elision or with a possessive.
BODY = (
    "OpenAI a signé avec AWS un contrat de sept ans. Pour OpenAI, c’est un tournant : "
    "la puissance de calcul d’OpenAI doublera. OpenAI paiera 38 milliards de dollars. "
    "Selon OpenAI, AWS livrera des centaines de milliers de puces. Les rivaux d’OpenAI "
    "observent. OpenAI's partners agree. OpenAI dépend aussi de Microsoft. OpenAI et AWS "
    "ont confirmé. Le patron d’OpenAI s’est réjoui. OpenAI n’a pas commenté."
)


def _mentions(text: str, word: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(word)
    while start >= 0:
        spans.append((start, start + len(word)))
        start = text.find(word, start + 1)
    return spans


def test_eleven_tags_of_openai_count_eleven_without_linking(qtbot, make_window, db_path,
                                                           capsys):
    article_id = store_article("OpenAI et AWS", BODY)
    window = make_window()
    window.open_article(article_id)
    text = window.reader.text()
    # "d’OpenAI" is tagged with its elision, "OpenAI's" with its possessive, as a
    # hurried reader selects them.
    spans = [(s - 2, e) if text[s - 2:s] == "d’" else
             (s, e + 2) if text[e:e + 2] == "'s" else (s, e)
             for s, e in _mentions(text, "OpenAI")]
    assert len(spans) == 11
    for start, end in spans:
        window.select_range(start, end)
        qtbot.keyClick(window.reader.body, Qt.Key.Key_1)  # ORG
    assert len(window.reader_highlights()) == 11

    dock = window.show_plots()
    dock.set_kind("entities")
    dock.set_scope("article")
    dock.schedule_refresh()
    dock.refresh_timer.timeout.emit()
    qtbot.waitUntil(lambda: not dock.is_busy() and dock.figure() is not None, timeout=10_000)
    assert [(b.name, b.count) for b in dock.figure().bars] == [("OpenAI", 11)]

    # The command line counts the same, from the same file.
    window.close()
    connection.close_database()
    from desktop.cli import main

    assert main(["--db", str(db_path), "stats", "--by", "entity", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [(r["entity"], r["mentions"]) for r in rows] == [("OpenAI", 11)]
