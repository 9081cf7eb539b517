"""Exports: file contents, round trips through import, and files never left half-written."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from db import annotations as store
from db import connection
from db.articles import NewArticle, get_article, insert_articles
from db.models import Relation, database
from desktop.core import exporters
from desktop.core.exporters import CSV_COLUMNS, export_csv, export_jsonl
from desktop.core.importers import import_paths
from desktop.core.operations import new_annotation
from desktop.core.progress import Cancelled, CancelToken
from desktop.core.text import content_hash
from tests.helpers import tag

pytestmark = pytest.mark.both_backends  # tests/conftest.py: SQLite and PostgreSQL

NOTE = "contrat « cloud »\nsur sept ans, payé en $"


@pytest.fixture
def annotated(article_id) -> int:
    """The fixture article (emoji, combining marks, NBSP) with annotations and relations."""
    store.add_label("DISH", "entity", "#123456")
    openai = tag(article_id, "OpenAI", "ORG", entity="OpenAI")
    aws = tag(article_id, "AWS", "ORG", entity="Amazon Web Services")
    money = tag(article_id, "38\u00a0milliards de dollars", "MONEY", value=3.8e10, unit="USD",
                 approx=True, note=NOTE, author="ana", status="suggested")
    tag(article_id, "Cafe\u0301", "DISH", entity="Café")
    tag(article_id, "𝄞", "QUANTITY", value=1.0, value_high=2.5)
    Relation.insert_many([{"kind": "deal", "source": money, "target": openai},
                          {"kind": "deal", "source": money, "target": aws}]).execute()
    return article_id


def _snapshot(article_id: int) -> tuple[list[tuple], list[tuple]]:
    """Everything a user sees of an article's annotations, without database ids."""
    labels = {label.id: label for label in store.labels()}
    records = store.annotations_for_article(article_id)
    annotations = [
        (r.start, r.end, r.quote, r.prefix, r.suffix, labels[r.label_id].name,
         labels[r.label_id].kind, labels[r.label_id].color, store.entity_name(r.entity_id),
         r.value, r.value_high, r.unit, r.approx, r.note, r.author, r.status)
        for r in records]
    starts = {r.id: r.start for r in records}
    relations = sorted((kind, starts[source], starts[target])
                       for _, kind, source, target in store.relations_for_article(article_id))
    return annotations, relations


def test_jsonl_round_trip_into_a_fresh_database_restores_annotations(annotated, tmp_path):
    before_body = get_article(annotated).body
    before = _snapshot(annotated)
    path = tmp_path / "export.jsonl"

    assert export_jsonl(path) == 1

    connection.close_database()
    connection.open_database(tmp_path / "fresh.sqlite3")
    result = import_paths([path])

    assert result.problems == []
    [article_id] = result.imported
    assert get_article(article_id).body == before_body
    assert _snapshot(article_id) == before
    assert len(before[0]) == 5 and len(before[1]) == 2
    dish = store.label_by_name("DISH")
    assert (dish.kind, dish.color) == ("entity", "#123456")


def test_jsonl_line_holds_code_point_offsets_and_readable_text(annotated, tmp_path):
    path = tmp_path / "export.jsonl"
    export_jsonl(path)

    [line] = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    body = record["body"]
    assert record["title"] == "Essai" and record["lang"] == "fr" and record["date"] is None
    by_text = {a["text"]: a for a in record["annotations"]}
    assert set(by_text) == {"OpenAI", "AWS", "38\u00a0milliards de dollars", "Cafe\u0301", "𝄞"}
    for ann in record["annotations"]:
        assert body[ann["start"]:ann["end"]] == ann["text"]
    assert by_text["AWS"]["start"] == body.index("AWS") == 20  # 😀 counts one code point (Qt: two)
    money = by_text["38\u00a0milliards de dollars"]
    assert (money["value"], money["unit"], money["approx"], money["note"], money["status"]) == (
        3.8e10, "USD", True, NOTE, "suggested")
    assert by_text["OpenAI"]["entity"] == "OpenAI" and by_text["OpenAI"]["label_kind"] == "entity"
    assert {(r["kind"], r["source"], r["target"]) for r in record["relations"]} == {
        ("deal", money["id"], by_text["OpenAI"]["id"]), ("deal", money["id"], by_text["AWS"]["id"])}
    assert "😀" in line  # written as UTF-8, not \\u escapes


def test_reimporting_into_the_same_database_changes_nothing(annotated, tmp_path):
    path = tmp_path / "export.jsonl"
    export_jsonl(path)
    before = _snapshot(annotated)

    result = import_paths([path])

    assert result.imported == [] and result.duplicates[0][2] == annotated
    assert _snapshot(annotated) == before


def test_csv_has_one_row_per_annotation_and_opens_in_spreadsheets(annotated, tmp_path):
    path = tmp_path / "export.csv"

    assert export_csv(path) == 5

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM tells Excel the file is UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [row["text"] for row in rows] == [
        "OpenAI", "AWS", "38\u00a0milliards de dollars", "Cafe\u0301", "𝄞"]
    money = rows[2]
    assert money == {
        "article_id": str(annotated), "article_title": "Essai", "article_date": "",
        "source": "", "start": "38", "end": "61", "text": "38\u00a0milliards de dollars",
        "label": "MONEY", "entity": "", "value": "38000000000", "value_high": "",
        "unit": "USD", "approx": "true", "status": "suggested", "note": NOTE,
        "annotation_id": money["annotation_id"], "links": money["links"], "bound": "",
    }
    assert rows[4]["value"] == "1" and rows[4]["value_high"] == "2.5"
    assert rows[3]["entity"] == "Café" and rows[3]["label"] == "DISH"


def test_export_of_chosen_articles_keeps_their_order(db, tmp_path):
    ids = insert_articles([NewArticle(f"T{i}", f"Body {i}", content_hash(f"Body {i}"))
                           for i in range(3)])
    path = tmp_path / "some.jsonl"

    assert export_jsonl(path, [ids[2], ids[0], 9999, ids[2]]) == 2

    titles = [json.loads(line)["title"] for line in path.read_text("utf-8").splitlines()]
    assert titles == ["T2", "T0"]


def test_export_reads_in_chunks_not_one_query_per_article(db, tmp_path, monkeypatch):
    ids = insert_articles([NewArticle(f"T{i}", f"Body {i}", content_hash(f"Body {i}"))
                           for i in range(60)])
    org = store.label_by_name("ORG").id
    store.insert_annotations([new_annotation(f"Body {i}", i_id, org, 0, 4)
                              for i, i_id in enumerate(ids)])
    queries: list[str] = []
    execute = db.execute_sql
    monkeypatch.setattr(db, "execute_sql", lambda sql, *a, **k: (queries.append(sql),
                                                                execute(sql, *a, **k))[1])

    def selects(chunk: int, article_ids: list[int] | None = None) -> int:
        monkeypatch.setattr(exporters, "CHUNK", chunk)
        queries.clear()
        assert export_csv(tmp_path / "all.csv", article_ids) == 60
        return sum(q.lstrip().upper().startswith("SELECT") for q in queries)

    for chosen in (None, ids):  # everything, or a list of articles
        one, two, three = selects(60, chosen), selects(30, chosen), selects(20, chosen)
        # a few statements for the export, then the same few for each chunk
        assert one <= 8 and 2 <= two - one == three - two <= 3


def test_everything_or_every_article_chosen_gives_the_same_files(annotated, tmp_path,
                                                                 monkeypatch):
    """All articles are read with every relation at once; chosen ones, a chunk at a time."""
    other = insert_articles([NewArticle("Suite", "AWS encore", content_hash("AWS encore"))])[0]
    aws = tag(other, "AWS", "ORG", entity="Amazon Web Services")
    [openai] = [r.id for r in store.annotations_for_article(annotated) if r.quote == "OpenAI"]
    Relation.insert_many([{"kind": "same", "source": aws, "target": openai}]).execute()
    monkeypatch.setattr(exporters, "CHUNK", 1)

    for export, suffix in ((export_jsonl, ".jsonl"), (export_csv, ".csv")):
        export(tmp_path / f"all{suffix}")
        export(tmp_path / f"chosen{suffix}", [annotated, other])
        assert (tmp_path / f"all{suffix}").read_bytes() == \
            (tmp_path / f"chosen{suffix}").read_bytes()
    with (tmp_path / "all.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["links"] for row in rows if row["annotation_id"] == str(aws)] == \
        [f"same:{openai}"]  # across articles: in the CSV, not in either JSON line


def test_cancelled_export_leaves_no_file_and_keeps_the_old_one(annotated, tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text("previous export\n", encoding="utf-8")
    token = CancelToken()
    token.cancel()

    with pytest.raises(Cancelled):
        export_jsonl(path, cancel=token)

    assert path.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


def test_failed_export_leaves_nothing_behind(annotated, tmp_path, monkeypatch):
    path = tmp_path / "export.csv"

    def disk_full(value: float | None) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.core.exporters._csv_number", disk_full)

    with pytest.raises(OSError, match="No space left"):
        export_csv(path)

    assert [p.name for p in tmp_path.iterdir()  # beside the database file, if it is one
            if not p.name.startswith("marginalia.sqlite3")] == []


def test_export_into_a_missing_folder_raises_oserror(annotated, tmp_path):
    with pytest.raises(FileNotFoundError):
        export_jsonl(tmp_path / "no" / "such" / "folder.jsonl")
    assert not (tmp_path / "no").exists()


def test_path_may_be_a_string(annotated, tmp_path):
    target = str(tmp_path / "export.csv")
    assert export_csv(target) == 5 and Path(target).exists()


def test_csv_rows_carry_the_entity_and_the_links_of_each_annotation(annotated, tmp_path):
    path = tmp_path / "export.csv"
    export_csv(path)

    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["text"]: row for row in csv.DictReader(handle)}
    assert CSV_COLUMNS[-3:] == ("annotation_id", "links", "bound")  # added at the end
    openai, aws, money = rows["OpenAI"], rows["AWS"], rows["38\u00a0milliards de dollars"]
    assert (openai["entity"], aws["entity"]) == ("OpenAI", "Amazon Web Services")
    assert money["links"] == f"deal:{openai['annotation_id']}; deal:{aws['annotation_id']}"
    assert openai["links"] == aws["links"] == f"deal:{money['annotation_id']}"
    assert rows["𝄞"]["links"] == ""


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(db, tmp_path):
    body = "=HYPERLINK(evil) a coûté -5 millions à @acme selon +Info."
    [article] = insert_articles([NewArticle("=1+1", body, content_hash(body),
                                            source="@source")])
    tag(article, "=HYPERLINK(evil)", "ORG", entity="-Evil Corp", note="+note")
    tag(article, "-5 millions", "MONEY", value=-5e6, unit="EUR")
    path = tmp_path / "export.csv"

    export_csv(path)

    with path.open(encoding="utf-8-sig", newline="") as handle:
        org, money = csv.DictReader(handle)
    assert (org["article_title"], org["source"], org["text"], org["entity"], org["note"]) == (
        "'=1+1", "'@source", "'=HYPERLINK(evil)", "'-Evil Corp", "'+note")
    assert (money["text"], money["value"]) == ("'-5 millions", "-5000000")  # numbers stay


def test_a_lower_bound_is_exported_and_read_back(db, tmp_path):
    import json

    from db.annotations import label_by_name
    from desktop.core.exporters import export_jsonl
    from desktop.core.operations import AddAnnotations, new_annotation
    from tests.helpers import store_article

    body = "L’infrastructure vaut plus de 1 400 milliards de dollars."
    article = store_article("Borne", body)
    start = body.index("plus de")
    AddAnnotations([new_annotation(body, article, label_by_name("MONEY").id, start,
                                   len(body) - 1, value=1.4e12, unit="USD", approx=True,
                                   bound="min")]).apply()
    path = tmp_path / "out.jsonl"
    export_jsonl(str(path))
    [line] = path.read_text(encoding="utf-8").splitlines()
    [annotation] = json.loads(line)["annotations"]
    assert (annotation["value"], annotation["bound"]) == (1.4e12, "min")


def _deals_seen(article_ids: list[int]) -> list[tuple]:
    """What ``list_deals`` says of these articles, without database ids."""
    from db.articles import get_article
    from desktop.core.deal_list import list_deals

    titles = {i: get_article(i).title for i in article_ids}
    seen = [(d.party_names, d.value, d.value_high, d.unit, d.approx, d.bound, d.date,
             (d.duration.value, d.duration.unit) if d.duration else None,
             tuple((titles[s.article_id], s.start, s.end) for s in d.sources))
            for d in list_deals()]
    return sorted(seen, key=lambda deal: deal[-1])


def test_jsonl_lists_each_deal_and_an_import_gives_the_same_deals(db, tmp_path):
    import datetime as dt

    from db.relations import RelationRecord, insert_relations
    from tests.helpers import store_article

    fr_body = "OpenAI signe avec AWS un contrat de 38 milliards de dollars sur sept ans."
    en_body = "OpenAI and AWS signed a $38 billion deal. Nvidia gets $5 million."
    fr = store_article("Contrat", fr_body, published=dt.date(2025, 11, 4))
    en = store_article("Deal", en_body, "en")
    fr_ids = [tag(fr, "OpenAI", "ORG", entity="OpenAI"), tag(fr, "AWS", "ORG", entity="AWS")]
    fr_money = tag(fr, "38 milliards de dollars", "MONEY", value=38e9, unit="USD")
    years = tag(fr, "sept ans", "DURATION", value=7, unit="year")
    en_ids = [tag(en, "OpenAI", "ORG", entity="OpenAI"), tag(en, "AWS", "ORG", entity="AWS")]
    en_money = tag(en, "$38 billion", "MONEY", value=38e9, unit="USD", bound="min")
    nvidia = tag(en, "Nvidia", "ORG", entity="Nvidia")
    chips = tag(en, "$5 million", "MONEY", value=5e6, unit="USD", status="suggested")
    insert_relations([RelationRecord(None, "deal", money, party)
                      for money, parties in ((fr_money, fr_ids), (en_money, en_ids),
                                             (chips, [nvidia]))
                      for party in parties])
    before = _deals_seen([fr, en])
    path = tmp_path / "export.jsonl"

    export_jsonl(path)

    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert [(line["title"], list(line)[-1], line["deals"]) for line in lines] == [
        ("Contrat", "deals", [{"amount": fr_money, "parties": sorted(fr_ids),
                               "duration": years, "same_deal_as": None}]),
        ("Deal", "deals", [{"amount": en_money, "parties": sorted(en_ids),
                            "duration": None, "same_deal_as": None}]),  # a suggested
        # amount is no deal
    ]
    connection.close_database()
    connection.open_database(tmp_path / "fresh.sqlite3")
    result = import_paths([path])

    assert result.problems == []
    assert len(before) == 2 and _deals_seen(result.imported) == before


@pytest.mark.parametrize("refused", [False, True], ids=["read", "json-refused"])
def test_each_lines_deals_are_those_list_deals_reads_however_the_export_reads_them(
        db, tmp_path, monkeypatch, refused):
    """From SQLite the export finds deals in the rows it reads (exporters._chunk_deals),
    elsewhere it asks deal_list: both must say what list_deals says, ties and links across
    articles (and chunks: one article per chunk here) included. ``json-refused``: SQLite
    would not write a chunk's JSON, which is then read as dicts (with its own deals)."""
    from peewee import OperationalError

    from db.models import Label
    from db.relations import RelationRecord, insert_relations
    from desktop.core.deal_list import list_deals
    from tests.helpers import store_article

    monkeypatch.setattr(exporters, "CHUNK", 1)
    if refused:
        def refuse(*_args: object) -> None:
            raise OperationalError("JSON cannot hold BLOBs")
        monkeypatch.setattr(exporters, "_encoded_annotations", refuse)
    body = ("Acme pays Bolt 5 million dollars over two years, or three years. "
            "Acme and Bolt also agree 9 million dollars for a decade. "
            "Later, for four years, Acme owes Bolt 1 million dollars. "
            "Cyan owes 3 million dollars. Dune owes 4 million dollars for 12 USD years.")
    other = store_article("Other", "Zeta is the buyer.", "en")
    main = store_article("Main", body, "en")
    acme = tag(main, "Acme", "ORG", entity="Acme")
    bolt = tag(main, "Bolt", "ORG", entity="Bolt")
    first = tag(main, "5 million dollars", "MONEY", value=5e6, unit="USD")
    tag(main, "two years", "DURATION", value=2, unit="year")
    tag(main, "three years", "DURATION", value=3, unit="year")
    tied_money = tag(main, "9 million dollars", "MONEY", value=9e6, unit="USD")
    # Two durations starting at the same place: the longer one is older (a smaller id), and
    # the rows of a line come shorter first. The older wins, as list_deals reads it.
    decade = tag(main, "a decade", "DURATION", value=10, unit="year")
    tag(main, "a dec", "DURATION", value=10, unit="year")
    four = tag(main, "four years", "DURATION", value=4, unit="year")
    linked_money = tag(main, "1 million dollars", "MONEY", value=1e6, unit="USD")
    cyan_money = tag(main, "3 million dollars", "MONEY", value=3e6, unit="USD")
    cyan = tag(main, "Cyan", "ORG", entity="Cyan", status="suggested")
    dune_money = tag(main, "4 million dollars", "MONEY", value=4e6, unit="USD")
    # a DURATION with a currency: money too, and its own nearest duration
    odd = tag(main, "12 USD years", "DURATION", value=12, unit="USD")
    zeta = tag(other, "Zeta", "ORG", entity="Zeta")
    links = [(first, acme),  # no duration is linked to Acme alone: the nearest in its sentence
             (bolt, tied_money),  # either direction
             (linked_money, acme), (linked_money, bolt), (four, acme), (four, bolt),  # the
             # same parties: that duration wins, whatever the sentence
             (cyan_money, cyan),  # a suggested party: no deal
             (dune_money, zeta), (odd, zeta)]  # a party in another article (and chunk)
    insert_relations([RelationRecord(None, "deal", one, two) for one, two in links])
    read = {d.amount_id: d.duration.annotation_id if d.duration else None
            for d in list_deals()}
    path = tmp_path / "deals.jsonl"

    export_jsonl(path)

    lines = {line["title"]: line for line in map(json.loads, path.read_text("utf-8").splitlines())}
    exported = {deal["amount"]: deal["duration"] for deal in lines["Main"]["deals"]}
    durations = {a["text"]: a["id"] for a in lines["Main"]["annotations"]
                 if a["label"] == "DURATION"}
    assert exported == read == {first: durations["two years"], tied_money: decade,
                                linked_money: four, dune_money: odd, odd: odd}
    assert [(d["amount"], d["parties"]) for d in lines["Main"]["deals"]] == [
        (first, [acme]), (tied_money, [bolt]), (linked_money, [acme, bolt]),
        (dune_money, []), (odd, [])]  # a line names only its own mentions
    assert lines["Other"]["deals"] == []
    assert Label.get(Label.name == "DURATION").kind == "amount"


def test_a_mention_of_an_entity_labelled_duration_is_a_party_and_a_duration(db, tmp_path):
    """A DURATION label turned into an entity label: its mentions are both (as list_deals
    reads them), which the export from SQLite finds in one column of its rows."""
    from db.models import Label
    from db.relations import RelationRecord, insert_relations
    from desktop.core.deal_list import list_deals
    from tests.helpers import store_article

    Label.update(kind="entity").where(Label.name == "DURATION").execute()
    article = store_article("Odd", "Acme pays 5 million dollars to Forever.", "en")
    money = tag(article, "5 million dollars", "MONEY", value=5e6, unit="USD")
    forever = tag(article, "Forever", "DURATION", entity="Forever")
    insert_relations([RelationRecord(None, "deal", money, forever)])
    [deal] = list_deals()
    path = tmp_path / "odd.jsonl"

    export_jsonl(path)

    [line] = map(json.loads, path.read_text("utf-8").splitlines())
    assert deal.duration is not None and deal.duration.annotation_id == forever
    assert line["deals"] == [{"amount": money, "parties": [forever], "duration": forever,
                              "same_deal_as": None}]


def test_a_deal_confirmed_across_articles_is_exported_and_imported_counted_once(db, tmp_path):
    """Two reports of one deal, confirmed: the export says which one the other is
    counted with, and an import into an empty database counts the deal once."""
    import datetime as dt

    from db.aggregates import Scope, money_per_entity
    from db.relations import RelationRecord, insert_relations
    from desktop.core.deal_operations import ConfirmDeal
    from tests.helpers import store_article

    fr = store_article("Contrat", "OpenAI signe avec AWS un contrat de 38 milliards de dollars.",
                       published=dt.date(2025, 11, 3))
    en = store_article("Deal", "OpenAI and AWS signed a $38 billion deal.", "en",
                       published=dt.date(2025, 11, 4))
    amounts = []
    for article, text in ((fr, "38 milliards de dollars"), (en, "$38 billion")):
        parties = [tag(article, name, "ORG", entity=name) for name in ("OpenAI", "AWS")]
        amounts.append(tag(article, text, "MONEY", value=38e9, unit="USD"))
        insert_relations([RelationRecord(None, "deal", amounts[-1], p) for p in parties])
    ConfirmDeal([amounts[1], amounts[0]]).apply()
    def money_by_entity() -> list[tuple[str, float]]:
        return sorted((row.entity, row.money.total)
                      for row in money_per_entity(Scope.corpus(), "relation").rows)

    counted = money_by_entity()
    path = tmp_path / "export.jsonl"

    export_jsonl(path, [en, fr])  # the kept report's line comes second

    deals = [json.loads(line)["deals"] for line in path.read_text("utf-8").splitlines()]
    assert [[d["same_deal_as"] for d in line] for line in deals] == [[amounts[0]], [None]]
    connection.close_database()
    connection.open_database(tmp_path / "fresh.sqlite3")
    result = import_paths([path])

    assert result.problems == []
    assert money_by_entity() == counted
    assert counted == [("AWS", 38e9), ("OpenAI", 38e9)]  # once, not 76e9


def test_reports_set_apart_are_exported_as_separate_and_come_back_so(db, tmp_path):
    """"Count each" sets both reports apart: the lines say ``"separate": true`` (and no
    ``same_deal_as``, so a reader adding up the deals counts both), and an import
    into an empty database keeps them two deals, not proposed as one."""
    import datetime as dt

    from db.relations import RelationRecord, insert_relations
    from desktop.core.deal_list import group_deals, list_deals
    from desktop.core.deal_operations import SplitDeal
    from tests.helpers import store_article

    amounts = []
    for title, body, text, day in (
            ("Contrat", "OpenAI signe avec AWS un contrat de 38 milliards de dollars.",
             "38 milliards de dollars", 3),
            ("Deal", "OpenAI and AWS signed a $38 billion deal.", "$38 billion", 4)):
        article = store_article(title, body, published=dt.date(2025, 11, day))
        parties = [tag(article, name, "ORG", entity=name) for name in ("OpenAI", "AWS")]
        amounts.append(tag(article, text, "MONEY", value=38e9, unit="USD"))
        insert_relations([RelationRecord(None, "deal", amounts[-1], p) for p in parties])
    SplitDeal(amounts).apply()
    path = tmp_path / "export.jsonl"

    export_jsonl(path)

    deals = [json.loads(line)["deals"] for line in path.read_text("utf-8").splitlines()]
    assert [[(d["same_deal_as"], d.get("separate")) for d in line] for line in deals] == [
        [(None, True)], [(None, True)]]
    connection.close_database()
    connection.open_database(tmp_path / "fresh.sqlite3")
    result = import_paths([path])

    assert result.problems == []
    groups = group_deals(list_deals())
    assert [len(g.deals) for g in groups] == [1, 1]
    assert all(g.first.separate for g in groups)


def _one_amount(deals: list[dict[str, object]]) -> dict[str, object]:
    """A line with one amount, id 7 ($38 billion), and ``deals``."""
    body = "OpenAI and AWS signed a $38 billion deal."
    return {"title": "Deal", "lang": "en", "body": body, "relations": [], "deals": deals,
            "annotations": [
                {"id": 7, "start": body.index("$38"), "end": body.index(" deal"),
                 "label": "MONEY", "label_kind": "amount", "value": 38e9, "unit": "USD"}]}


def test_a_malformed_separate_deal_is_reported_and_the_rest_imported(db, tmp_path):
    line = _one_amount([{"amount": 7, "parties": [], "duration": None,
                         "same_deal_as": None, "separate": "yes"},
                        {"amount": 8, "parties": [], "duration": None,
                         "same_deal_as": None, "separate": True}])
    path = tmp_path / "part.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")

    result = import_paths([path])

    assert len(result.imported) == 1
    assert [(p.line, p.reason) for p in result.problems] == [
        (1, 'Deal 1 is not set apart: "separate" must be true, and the deal counted with '
            "no other."),
        (1, "Deal 2 is not set apart: its amount is not an annotation of the line.")]
    assert database.execute_sql("SELECT COUNT(*) FROM deal_duplicate").fetchone()[0] == 0


def _two_amounts(deals: list[dict[str, object]], title: str = "Deal") -> dict[str, object]:
    """A line with two amounts, ids 7 ($38 billion) and 8 ($39 billion), and ``deals``."""
    body = f"{title}: OpenAI and AWS signed a $38 billion deal, $39 billion or so."
    return {"title": title, "lang": "en", "body": body, "relations": [], "deals": deals,
            "annotations": [
                {"id": 7, "start": body.index("$38"), "end": body.index(" deal"),
                 "label": "MONEY", "label_kind": "amount", "value": 38e9, "unit": "USD"},
                {"id": 8, "start": body.index("$39"), "end": body.index(" or"),
                 "label": "MONEY", "label_kind": "amount", "value": 39e9, "unit": "USD"}]}


def test_how_an_amount_is_counted_is_taken_once_and_never_in_a_loop(db, tmp_path):
    """"separate": false is no setting apart; a second word on one amount and a
    same_deal_as closing a loop are reported and left out, the rest is imported."""
    lines = [
        _two_amounts([{"amount": 7, "same_deal_as": None},
                      {"amount": 8, "same_deal_as": 7, "separate": False}], "Plain"),
        _two_amounts([{"amount": 7, "same_deal_as": None, "separate": True},
                      {"amount": 7, "same_deal_as": 8}], "Twice"),
        _two_amounts([{"amount": 7, "same_deal_as": 8},
                      {"amount": 8, "same_deal_as": 7}], "Loop")]
    path = tmp_path / "deals.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")

    result = import_paths([path])

    assert len(result.imported) == 3
    assert [(p.line, p.reason) for p in result.problems] == [
        (2, "Deal 2 is left out: an earlier deal of the line already says how its amount "
            "is counted."),
        (3, "The deal of amount 8 is not counted once with the deal of amount 7: that one "
            "is counted with it already.")]
    quotes = dict(database.execute_sql("SELECT id, article_id FROM annotation").fetchall())
    titles = dict(database.execute_sql("SELECT id, title FROM article").fetchall())
    rows = sorted((titles[quotes[a]], a == k) for a, k in
                  database.execute_sql("SELECT annotation_id, kept_id FROM deal_duplicate"))
    assert rows == [("Loop", False), ("Plain", False), ("Twice", True)]


def test_a_confirmed_deal_whose_other_report_is_not_in_the_file_is_reported(db, tmp_path):
    from tests.helpers import store_article

    line = _one_amount([{"amount": 7, "parties": [], "duration": None, "same_deal_as": 99}])
    path = tmp_path / "part.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    store_article("Other", "Nothing here.")

    result = import_paths([path])

    assert len(result.imported) == 1
    assert [(p.line, p.reason) for p in result.problems] == [
        (1, "The deal of amount 7 is not counted once with the deal of amount 99: "
            "amount 99 was not imported from this file.")]


HARD_BODY = ("« OpenAI » paie 38\u00a0milliards, dit \"AWS\" \\ sur 7 ans 😀 ; Cafe\u0301\r\n"
             "ligne\u2028suivante, bip\x01 et fin\x7f : 0,1 % ou un tiers, 5e-324.")
"""Every kind of text a JSON encoder may write differently: quotes, backslash, emoji, a
combining mark, NBSP, CRLF, a line separator, control characters."""


@pytest.mark.sqlite_only  # the JSON Lines SQLite writes (exporters._encoded_annotations)
def test_annotations_sqlite_writes_are_byte_for_byte_what_orjson_writes(db, tmp_path,
                                                                          monkeypatch):
    article = insert_articles([NewArticle("« Dur »", HARD_BODY, content_hash(HARD_BODY))])[0]
    values = [3.8e10, 0.1, 1 / 3, 1e15, 123456789012345.0, 1e16, 5e-324, -2.5, 0.0, -7.0]
    spans = ["OpenAI", "38\u00a0milliards", "\"AWS\"", "\\", "7 ans", "😀", "Cafe\u0301",
             "ligne\u2028suivante", "bip\x01", "fin\x7f"]
    ids = [tag(article, span, "MONEY", value=value, unit="USD", note=f"« {span} »\r\n",
               author="ana \"b\"", approx=n % 2 == 0)
           for n, (span, value) in enumerate(zip(spans, values, strict=True))]
    tag(article, "0,1 %", "PERCENT", value=0.1, value_high=2.5, bound="min")
    tag(article, "un tiers", "QUANTITY", value=1.0, value_high=1e15 + 1)
    tag(article, "5e-324", "ORG", entity="É\"trange\\")
    text_value, word_value = ids[0], ids[1]  # values an older import stored as text
    db.execute_sql("UPDATE annotation SET value = '12' WHERE id = ?", (text_value,))
    db.execute_sql("UPDATE annotation SET value = 'beaucoup' WHERE id = ?", (word_value,))

    by_sqlite = tmp_path / "sqlite.jsonl"
    export_jsonl(by_sqlite)
    monkeypatch.setattr(exporters, "_encoded_annotations", exporters._annotation_dicts)
    by_orjson = tmp_path / "orjson.jsonl"
    export_jsonl(by_orjson)

    assert by_sqlite.read_bytes() == by_orjson.read_bytes()
    line = json.loads(by_sqlite.read_text("utf-8"))
    assert [a["value"] for a in line["annotations"][:10]] == [12.0, "beaucoup", *values[2:]]
    assert line["annotations"][3]["text"] == "\\" and line["annotations"][9]["text"] == "fin\x7f"


@pytest.mark.sqlite_only
def test_sqlite_writes_whole_numbers_below_1e15_as_orjson_does(db):
    import random

    import orjson

    rng = random.Random(20261204)
    numbers = [float(sign * rng.randrange(10 ** digits, 10 ** (digits + 1)))
               for digits in range(15) for sign in (1, -1) for _ in range(200)]
    numbers += [0.0, 1.0, -1.0, 999_999_999_999_999.0, 3.8e10]
    assert all(exporters._whole(number) for number in numbers)
    written = [row[0] for row in db.execute_sql(
        "SELECT json_object('value', value) FROM json_each(?)",
        [orjson.dumps(numbers).decode()])]

    assert written == [orjson.dumps({"value": number}).decode() for number in numbers]
    assert not any(exporters._whole(number) for number in (1e15, 0.5, -0.0, 1e16, "12"))


def test_the_garbage_collector_runs_again_after_an_export_even_a_failed_one(annotated,
                                                                             tmp_path):
    import gc

    during: list[bool] = []
    export_jsonl(tmp_path / "ok.jsonl", progress=lambda _p: during.append(gc.isenabled()))
    assert during and not any(during)  # held off while the export runs…
    assert gc.isenabled()  # …and back after it
    with pytest.raises(OSError):
        export_csv(tmp_path / "missing" / "folder.csv")
    assert gc.isenabled()

    gc.disable()  # someone else held it off: an export leaves it so
    try:
        export_jsonl(tmp_path / "again.jsonl")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_file_synced_while_it_is_written_is_the_same_file_and_no_sync_outlives_it(
        annotated, tmp_path, monkeypatch):
    """A large export has the disk write as it goes (exporters._EarlyWriteback); here after
    every line, from a second article on, and with a failure after the first sync."""
    import threading

    from tests.helpers import store_article

    store_article("Deux", "Un autre article, pour une deuxième ligne.")
    plain = tmp_path / "plain.jsonl"
    export_jsonl(plain)
    syncs: list[int] = []
    real_sync = exporters._EarlyWriteback._sync

    def counted(self: object, fd: int) -> None:
        syncs.append(fd)
        real_sync(self, fd)

    monkeypatch.setattr(exporters._EarlyWriteback, "EVERY", 1)
    monkeypatch.setattr(exporters._EarlyWriteback, "_sync", counted)
    synced = tmp_path / "synced.jsonl"

    export_jsonl(synced)

    assert synced.read_bytes() == plain.read_bytes() and len(syncs) >= 1
    assert not [t for t in threading.enumerate() if t.name == "export-writeback"]
    monkeypatch.setattr(exporters, "CHUNK", 1)
    syncs.clear()
    cancel, reports = CancelToken(), []

    def cancel_after_the_first_line(_progress: object) -> None:
        reports.append(_progress)
        if len(reports) == 2:  # the first article is written, its sync started
            cancel.cancel()

    failing = tmp_path / "failing.jsonl"
    with pytest.raises(Cancelled):
        export_jsonl(failing, progress=cancel_after_the_first_line, cancel=cancel)
    assert len(reports) == 2 and len(syncs) == 1
    assert not failing.exists() and list(tmp_path.glob(".*.part")) == []
    assert not [t for t in threading.enumerate() if t.name == "export-writeback"]


def test_a_sync_that_fails_while_the_file_is_written_fails_the_export(annotated, tmp_path,
                                                                      monkeypatch):
    """Linux reports a failed write-back to one sync only: the one the writing thread
    saw must fail the export, though the last sync then succeeds."""
    import os

    from tests.helpers import store_article

    store_article("Deux", "Un autre article, pour une deuxième ligne.")
    path = tmp_path / "kept.jsonl"
    path.write_text("what was there\n", encoding="utf-8")
    calls: list[int] = []
    real_fsync = os.fsync

    def failing_once(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(exporters._EarlyWriteback, "EVERY", 1)
    monkeypatch.setattr(os, "fsync", failing_once)

    with pytest.raises(OSError, match="Input/output error"):
        export_jsonl(path)

    assert len(calls) >= 1
    assert path.read_text(encoding="utf-8") == "what was there\n"
    assert list(tmp_path.glob(".*.part")) == []


def test_parties_whose_entity_is_0_or_gone_make_the_same_deals_as_list_deals(db, tmp_path):
    """Entity 0 is an entity like any other; a mention whose entity row is gone (deleted
    behind the foreign key's back) is still a party, for a money amount as for a
    duration, in list_deals as in the export."""
    from db.models import Entity, Label
    from db.relations import RelationRecord, insert_relations
    from desktop.core.deal_list import list_deals
    from tests.helpers import store_article

    Entity.insert(id=0, name="Acme", label=Label.get(Label.name == "ORG").id,
                  key="acme").execute()
    article = store_article("Zero", "Acme pays 5 million dollars for two years. "
                                    "Bolt gets 3 million dollars.", "en")
    acme = tag(article, "Acme", "ORG", entity_id=0)
    bolt = tag(article, "Bolt", "ORG", entity="Bolt")
    money = tag(article, "5 million dollars", "MONEY", value=5e6, unit="USD")
    years = tag(article, "two years", "DURATION", value=2, unit="year")
    other = tag(article, "3 million dollars", "MONEY", value=3e6, unit="USD")
    insert_relations([RelationRecord(None, "deal", one, two) for one, two in (
        (money, acme), (years, acme), (other, bolt))])
    if connection.dialect().is_sqlite:
        db.execute_sql("PRAGMA foreign_keys = OFF")
        db.execute_sql("DELETE FROM entity WHERE name = 'Bolt'")
        db.execute_sql("PRAGMA foreign_keys = ON")
    read = [(d.amount_id, d.duration.annotation_id if d.duration else None)
            for d in list_deals()]
    path = tmp_path / "zero.jsonl"

    export_jsonl(path)

    [line] = map(json.loads, path.read_text("utf-8").splitlines())
    assert read == [(money, years), (other, None)]
    assert line["deals"] == [
        {"amount": money, "parties": [acme], "duration": years, "same_deal_as": None},
        {"amount": other, "parties": [bolt], "duration": None, "same_deal_as": None}]
