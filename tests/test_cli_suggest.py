"""marginalia suggest: JSON Lines of amounts and known entities, nothing else on stdout."""

from __future__ import annotations

import json

from db import connection
from db.annotations import insert_annotations, label_by_name
from db.articles import NewArticle, insert_articles
from desktop import cli
from desktop.core.operations import new_annotation
from desktop.core.text import content_hash

TEXT = ("title: Essai\n\nL’accord d’OpenAI 😀 avec AWS vaut 38 milliards de dollars sur "
        "sept ans, et plus de 1 400 milliards de dollars sur la décennie ; livraison fin 2026 "
        "de GB200.\n")


def _lines(capsys) -> list[dict]:
    out = capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines()]


def test_amounts_with_values_and_exact_offsets(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    missing = tmp_path / "none.sqlite3"

    assert cli.main(["suggest", "--no-model", "--db", str(missing), str(path)]) == 0

    rows = _lines(capsys)
    text = path.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    by_text = {r["text"]: r for r in rows}
    money = by_text["38 milliards de dollars"]
    assert (money["label"], money["value"], money["unit"], money["approx"]) == (
        "MONEY", 3.8e10, "USD", False)
    assert by_text["sept ans"]["value"] == 7 and by_text["sept ans"]["unit"] == "year"
    big = by_text["plus de 1 400 milliards de dollars"]
    assert (big["value"], big["low"], big["approx"]) == (1.4e12, 1.4e12, True)
    assert not any("2026" in r["text"] or "GB200" in r["text"] for r in rows)
    assert not missing.exists()  # suggest never creates a database


def test_entities_from_the_database_and_the_currency_hint(tmp_path, capsys):
    db_path = tmp_path / "db.sqlite3"
    connection.open_database(db_path)
    body = "OpenAI et AWS."
    [article] = insert_articles([NewArticle("t", body, content_hash(body), "fr")])
    insert_annotations([new_annotation(body, article, label_by_name("ORG").id, 0, 6)])
    connection.close_database()
    path = tmp_path / "a.txt"
    path.write_text(TEXT.replace("dollars sur sept", "$ sur sept"), encoding="utf-8")

    assert cli.main(["suggest", "--no-model", "--db", str(db_path), "--currency-hint", "CAD",
                     str(path)]) == 0

    rows = _lines(capsys)
    [openai] = [r for r in rows if "entity" in r]
    assert (openai["text"], openai["label"], openai["entity"]) == ("OpenAI", "ORG", "")
    assert any(r.get("unit") == "CAD" for r in rows)


def test_a_file_that_is_not_utf8_is_reported(tmp_path, capsys):
    path = tmp_path / "latin.txt"
    path.write_bytes("caf\u00e9".encode("latin-1"))
    assert cli.main(["suggest", "--no-model", "--db", str(tmp_path / "x.sqlite3"), str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "latin.txt" in captured.err and "UTF-8" in captured.err


def test_the_command_prints_what_the_core_suggests(tmp_path, capsys):
    from db.suggestions import gazetteer
    from desktop.core.entities import Term
    from desktop.core.suggest import suggest
    from tests.helpers import TEST_DATA

    path = TEST_DATA / "import" / "fr-no-header.txt"
    text = path.read_text(encoding="utf-8")
    db_path = tmp_path / "db.sqlite3"
    connection.open_database(db_path)
    [article] = insert_articles([NewArticle("t", text, content_hash(text), "fr")])
    start = text.index("Rennes")
    insert_annotations([new_annotation(text, article, label_by_name("PLACE").id, start,
                                       start + len("Rennes"))])
    terms = [Term(*row) for row in gazetteer()]
    connection.close_database()

    assert cli.main(["suggest", "--no-model", "--db", str(db_path), str(path)]) == 0

    printed = [(r["start"], r["end"], r["text"], r["label"], r.get("value"),
                r.get("entity", "")) for r in _lines(capsys)]
    expected = [(s.start, s.end, s.text, s.label, s.value, s.entity)
                for s in suggest(text, language="auto", terms=terms)]
    assert printed == expected
    assert {"MONEY", "QUANTITY", "PLACE"} <= {label for *_, label, _, _ in printed}
