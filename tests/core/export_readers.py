"""Readers for the export formats, written to their published specifications, and the
corpus the format tests export.

Each reader is strict: it refuses what its consumer would refuse or misread
(a malformed line, a span whose quoted text is not the text at its offsets)
with an :class:`AssertionError` naming the line.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from tests.helpers import TEST_DATA, tag

REFI_XSD = TEST_DATA / "refi-qda" / "Project-mrt2019.xsd"

# --- the corpus ---------------------------------------------------------------------------

FIRST_BODY = ("OpenAI 😀 signe avec AWS un contrat de 38\u00a0milliards de dollars.\n"
              "Cafe\u0301 𝄞 Nvidia fournit des GPU.")
"""The body of the ``article_id`` fixture (tests/conftest.py)."""
CRLF_FILE = ("title: Décollage\r\nlang: fr\r\n\r\n"
             "Le 🚀 décolle.\r\nAirbus signe avec Safran un accord de 2\u00a0ans.\r\n"
             "Safran livre.")


@dataclass
class Corpus:
    """What :func:`build_corpus` stored: article ids, and the annotation ids by name."""

    first: int
    second: int
    ids: dict[str, int] = field(default_factory=dict)


def build_corpus(first: int, folder: Path) -> Corpus:
    """Tags the ``article_id`` fixture and imports a second article written with CRLF.

    First article: spans after an emoji ("AWS", "38 milliards de dollars"), a
    combining accent ("Café"), an astral symbol ("𝄞"), a span across the line
    break, one inside a word ("Open", which spaCy's tokens cannot hold), a
    suggestion, a deal between the amount and two parties. Second article:
    imported from a file with CRLF line ends and an emoji before the spans.
    """
    from db import annotations as store
    from db.models import Relation
    from desktop.core.importers import import_paths

    corpus = Corpus(first, 0)
    store.add_label("Dish & Co", "entity", "#123456")
    ids = corpus.ids
    ids["openai"] = tag(first, "OpenAI", "ORG", entity="OpenAI")
    ids["aws"] = tag(first, "AWS", "ORG", entity="Amazon Web Services", author="ana",
                     note="cloud\tprovider\nof OpenAI")
    ids["money"] = tag(first, "38\u00a0milliards de dollars", "MONEY", value=3.8e10,
                       unit="USD", approx=True)
    ids["cafe"] = tag(first, "Cafe\u0301", "Dish & Co", entity="Café")
    ids["clef"] = tag(first, "𝄞", "QUANTITY", value=1.0)
    ids["across"] = tag(first, "dollars.\nCafe\u0301", "PRODUCT")
    ids["open"] = tag(first, "Open", "PRODUCT")
    ids["nvidia"] = tag(first, "Nvidia", "ORG", entity="Nvidia", status="suggested")
    Relation.insert_many([{"kind": "deal", "source": ids["money"], "target": ids["openai"]},
                          {"kind": "deal", "source": ids["money"], "target": ids["aws"]},
                          {"kind": "supplies", "source": ids["nvidia"],
                           "target": ids["openai"]}]).execute()
    path = folder / "crlf.txt"
    path.write_bytes(CRLF_FILE.encode("utf-8"))
    [corpus.second] = import_paths([path]).imported
    ids["airbus"] = tag(corpus.second, "Airbus", "ORG", entity="Airbus")
    ids["safran"] = tag(corpus.second, "Safran", "ORG", entity="Safran")
    ids["safran2"] = tag(corpus.second, "Safran", "ORG", occurrence=1, entity="Safran")
    ids["years"] = tag(corpus.second, "2\u00a0ans", "DURATION", value=2.0, unit="year")
    return corpus


def expected_spans(article_id: int, accepted_only: bool = True) -> set[tuple[int, int, str]]:
    """(start, end, label) of the article's annotations, as the database holds them."""
    from db import annotations as store

    labels = {label.id: label.name for label in store.labels()}
    return {(r.start, r.end, labels[r.label_id])
            for r in store.annotations_for_article(article_id)
            if r.status == "accepted" or not accepted_only}


# --- brat ---------------------------------------------------------------------------------

_T_LINE = re.compile(r"T(\d+)\t([A-Za-z0-9_-]+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)")
_R_LINE = re.compile(r"R(\d+)\t([A-Za-z0-9_-]+) Arg1:(T\d+) Arg2:(T\d+)")
_NOTE_LINE = re.compile(r"#(\d+)\tAnnotatorNotes ([TR]\d+)\t(.*)")


@dataclass
class BratDocument:
    text: str
    entities: dict[str, tuple[str, list[tuple[int, int]], str]] = field(default_factory=dict)
    relations: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def read_brat(files: dict[str, str]) -> dict[str, BratDocument]:
    """Reads a brat collection (file name → text) strictly, after the standoff format.

    Every ``.ann`` line must be a T, R or AnnotatorNotes line; ids are unique;
    a T line's fragments lie in the text in order, and its text is their
    texts joined by a space; an R or note refers to an existing annotation;
    each type is declared in ``annotation.conf``.
    """
    conf = files["annotation.conf"]
    declared = _conf_section(conf, "entities")
    kinds = {line.split("\t")[0] for line in _conf_section(conf, "relations")}
    documents = {}
    for name in files:
        if not name.endswith(".ann"):
            continue
        stem = name[:-4]
        assert f"{stem}.txt" in files, f"{name} has no .txt"
        doc = BratDocument(files[f"{stem}.txt"])
        for number, line in enumerate(files[name].splitlines(), start=1):
            where = f"{name}:{number}: {line!r}"
            if match := _T_LINE.fullmatch(line):
                tid = f"T{match[1]}"
                assert tid not in doc.entities, f"{where}: duplicate id"
                assert match[2] in declared, f"{where}: type not in annotation.conf"
                fragments = [tuple(map(int, part.split())) for part in match[3].split(";")]
                last = 0
                for start, end in fragments:
                    assert last <= start < end <= len(doc.text), f"{where}: bad offsets"
                    last = end
                quoted = " ".join(doc.text[s:e] for s, e in fragments)
                assert quoted == match[4], f"{where}: text {match[4]!r} is not {quoted!r}"
                doc.entities[tid] = (match[2], fragments, match[4])  # type: ignore[assignment]
            elif match := _R_LINE.fullmatch(line):
                rid = f"R{match[1]}"
                assert rid not in doc.relations, f"{where}: duplicate id"
                assert match[2] in kinds, f"{where}: relation type not in annotation.conf"
                assert match[3] in doc.entities and match[4] in doc.entities, \
                    f"{where}: argument not defined before"
                doc.relations[rid] = (match[2], match[3], match[4])
            elif match := _NOTE_LINE.fullmatch(line):
                assert match[2] in doc.entities or match[2] in doc.relations, \
                    f"{where}: note on an unknown annotation"
                doc.notes[match[2]] = match[3]
            else:
                raise AssertionError(f"{where}: not a standoff line")
        documents[stem] = doc
    return documents


def _conf_section(conf: str, section: str) -> list[str]:
    lines, inside = [], False
    for line in conf.splitlines():
        if line.startswith("["):
            inside = line == f"[{section}]"
        elif inside and line and not line.startswith("#"):
            lines.append(line)
    return lines


def brat_files(path: Path) -> dict[str, str]:
    """A brat export (folder or zip) as file name → text (UTF-8)."""
    if path.is_dir():
        return {p.name: p.read_bytes().decode("utf-8") for p in path.iterdir()}
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


# --- CoNLL --------------------------------------------------------------------------------

def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents → sentences → (token, tag), checking CoNLL-2003 columns and IOB2."""
    documents: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    previous = "O"
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if line == "-DOCSTART- -X- -X- O":
            assert not sentence, f"line {number}: DOCSTART inside a sentence"
            documents.append([])
            continue
        if not line:
            if sentence:
                documents[-1].append(sentence)
            sentence, previous = [], "O"
            continue
        columns = line.split(" ")
        assert len(columns) == 4, f"line {number}: {line!r} has not 4 columns"
        token, iob = columns[0], columns[3]
        assert token and not any(ch.isspace() for ch in token), f"line {number}: bad token"
        assert re.fullmatch(r"O|[BI]-\S+", iob), f"line {number}: bad tag {iob!r}"
        if iob.startswith("I-"):
            assert previous != "O" and previous[2:] == iob[2:], f"line {number}: I- after O"
        sentence.append((token, iob))
        previous = iob
    assert not sentence, "the last sentence has no blank line after it"
    return documents


def conll_spans(body: str, sentences: list[list[tuple[str, str]]]) -> set[tuple[int, int, str]]:
    """Rebuilds the spans of a CoNLL document from its tokens against ``body``.

    Each token must be the next non-white-space text of the body.
    """
    spans = set()
    position = 0
    current: list[Any] | None = None
    for sentence in sentences:
        for token, iob in sentence:
            while body[position].isspace():
                position += 1
            assert body.startswith(token, position), f"{token!r} is not at {position}"
            start, position = position, position + len(token)
            if iob.startswith("B-") or iob == "O":
                if current:
                    spans.add(tuple(current))
                current = [start, position, iob[2:]] if iob != "O" else None
            else:
                assert current is not None
                current[1] = position
        if current:
            spans.add(tuple(current))
            current = None
    assert body[position:].strip() == "", "tokens stop before the end of the text"
    return spans  # type: ignore[return-value]


# --- Label Studio, doccano, W3C -----------------------------------------------------------

def check_label_studio(tasks: Any, config: str) -> None:
    """Checks tasks against Label Studio's documented import shape and the project config.

    A list of tasks; each has ``data.text``; each annotation or prediction has a
    ``result`` list; a ``labels`` result names a ``Labels`` control of the config
    (``from_name``) for its ``Text`` object (``to_name``), with integer ``start``
    < ``end``, ``text`` equal to the task text at those offsets (code points),
    and labels the config declares; a ``textarea`` result belongs to a region
    and names a per-region TextArea; a ``relation`` joins two regions and uses
    a declared relation.
    """
    view = ElementTree.fromstring(config)
    text_tags = {e.get("name"): e.get("value") for e in view.iter("Text")}
    label_controls = {e.get("name"): (e.get("toName"), {x.get("value") for x in e.iter("Label")})
                      for e in view.iter("Labels")}
    areas = {e.get("name"): e.get("toName") for e in view.iter("TextArea")
             if e.get("perRegion") == "true"}
    kinds = {e.get("value") for e in view.iter("Relation")}
    assert isinstance(tasks, list)
    for task in tasks:
        data = task["data"]
        for to_name, value in text_tags.items():
            assert value.startswith("$") and isinstance(data[value[1:]], str), to_name
        for group in ("annotations", "predictions"):
            for annotation in task.get(group, []):
                regions = {}
                for result in annotation["result"]:
                    if result["type"] == "labels":
                        to_name, names = label_controls[result["from_name"]]
                        assert result["to_name"] == to_name and to_name in text_tags
                        value = result["value"]
                        text = data[text_tags[to_name][1:]]
                        assert isinstance(value["start"], int) and isinstance(value["end"], int)
                        assert 0 <= value["start"] < value["end"] <= len(text)
                        assert text[value["start"]:value["end"]] == value["text"]
                        assert set(value["labels"]) <= names
                        regions[result["id"]] = value
                for result in annotation["result"]:
                    if result["type"] == "textarea":
                        assert areas[result["from_name"]] == result["to_name"]
                        region = regions[result["id"]]
                        assert (result["value"]["start"], result["value"]["end"]) == (
                            region["start"], region["end"])
                        assert all(isinstance(t, str) for t in result["value"]["text"])
                    elif result["type"] == "relation":
                        assert result["from_id"] in regions and result["to_id"] in regions
                        assert result["direction"] in ("left", "right", "bi")
                        assert set(result["labels"]) <= kinds
                    else:
                        assert result["type"] == "labels", result["type"]


def doccano_spans(line: dict[str, Any]) -> set[tuple[int, int, str]]:
    """The spans of a doccano line back in code points, reading its offsets as doccano does
    (UTF-16 code units of ``text``), and checking its documented shape."""
    text = line["text"]
    assert isinstance(text, str) and isinstance(line["label"], list)
    units = text.encode("utf-16-le")
    spans = set()
    for start, end, label in line["label"]:
        assert isinstance(start, int) and isinstance(end, int) and isinstance(label, str)
        assert 0 <= start < end <= len(units) // 2
        quoted = units[2 * start:2 * end].decode("utf-16-le")  # fails inside a surrogate pair
        cp_start = len(units[:2 * start].decode("utf-16-le"))
        spans.add((cp_start, cp_start + len(quoted), label))
    return spans


def w3c_selections(document: dict[str, Any], bodies: dict[str, str]) -> list[dict[str, Any]]:
    """Checks each annotation's selectors against the text its source names; returns them.

    ``bodies`` maps each source IRI to its text. The TextQuoteSelector's
    ``exact`` must be the text between the TextPositionSelector's ``start``
    and ``end`` (code points), with ``prefix`` just before and ``suffix`` just
    after.
    """
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection"
    items = document["first"]["items"]
    assert document["first"]["type"] == "AnnotationPage"
    ids = {item["id"] for item in items}
    assert len(ids) == len(items) and all(i.startswith("urn:uuid:") for i in ids)
    found = []
    for item in items:
        assert item["type"] == "Annotation"
        if item["motivation"] == "linking":
            assert all(target in ids for target in item["target"])
            continue
        target = item["target"]
        text = bodies[target["source"]["id"]]
        quote, position = (next(s for s in target["selector"] if s["type"] == kind)
                           for kind in ("TextQuoteSelector", "TextPositionSelector"))
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"]
        assert text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"])
        found.append(item)
    assert document["total"] == len(found)
    return found


def jsonl(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
