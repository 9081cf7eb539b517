"""Importing web pages saved from a browser: the article's text and details are kept,
the page around it (menus, banners, advertisements, comments, scripts) is not."""

from __future__ import annotations

import datetime as dt
import gzip
import socket
from pathlib import Path

import pytest

from db.articles import article_count, get_article
from desktop.core.bounded_read import MAX_HTML_BYTES, MAX_HTML_TAGS
from desktop.core.import_formats import DocumentError, ImportNote
from desktop.core.importers import import_paths, read_document
from desktop.core.sources import source_name
from desktop.core.suggest import default_currency_hint
from tests.helpers import TEST_DATA

PAGES = TEST_DATA / "html"

BOILERPLATE = [
    # menus, banners, sharing, newsletters, paywalls
    "cookie", "Accept", "Accepter", "Subscribe", "S’abonner", "Rechercher", "Partager",
    "Share this", "La lettre Économie", "réservée aux abonnés", "Petites annonces", "Accueil",
    "Local news", "Advertise with us",
    # advertisements and "read also" links
    "Advertisement", "Publicité", "PUBLICITÉ", "Lire aussi", "Microsoft et OpenAI redéfinissent",
    # related stories, comments, widgets, footers
    "Related", "Nvidia shares hit record high", "Sur le même sujet", "Comments", "bluefox77",
    "Contributions", "Encore une bulle", "Leave a Reply", "Kev from Dock Road", "Recent Posts",
    "Proudly powered", "©", "Tous droits réservés", "Privacy",
    # scripts, styles and remote resources
    "http", "127.0.0.1", "PORT", "track(", "document.write", "function", "font-family", "{",
    ".jpg", ".gif", "iframe",
]


def _read(name: str):
    notes: list[ImportNote] = []
    [article] = read_document(PAGES / name, notes=notes)
    assert notes == []
    return article


def test_an_english_page_keeps_the_article_and_its_details(db):
    report = import_paths([PAGES / "en_cloud_deal.html"])

    assert report.problems == [] and report.notes == []
    article = get_article(report.imported[0])
    assert article.title == "OpenAI signs $38bn cloud deal with Amazon"
    assert article.published == dt.date(2025, 11, 3)
    assert article.language == "en"
    assert article.source == ("https://www.dailyledger.example.co.uk/business/2025/nov/03/"
                              "openai-amazon-cloud-deal — Hannah Whitcombe")
    assert article.body == (
        "OpenAI has agreed to pay Amazon Web Services $38bn over seven years for computing "
        "capacity, the latest in a string of vast infrastructure agreements struck by the "
        "maker of ChatGPT.\n\n"
        "Under the deal, announced on Monday, OpenAI will gain access to hundreds of "
        "thousands of Nvidia graphics processors hosted in AWS data centres in the United "
        "States, with the capacity expected to be fully deployed by the end of 2026.\n\n"
        "Matt Garman, the chief executive of AWS, said the agreement showed that Amazon's "
        "infrastructure could support the most demanding artificial intelligence "
        "workloads.\n\n"
        "Sam Altman, OpenAI's chief executive, said scaling frontier AI required massive, "
        "reliable compute. The company has committed to spending roughly $1.4tn on "
        "computing resources in the coming years.\n\n"
        "Shares in Amazon rose 5% in early trading in New York after the announcement.")


def test_a_french_page_keeps_the_article_and_its_details():
    article = _read("fr_contrat_aws.html")

    assert article.title == "OpenAI signe un contrat de 38 milliards de dollars avec Amazon"
    assert article.published == dt.date(2025, 11, 3)
    assert article.language == "fr"
    # No canonical link: og:url is the page's address. The author comes from JSON-LD.
    assert article.source == (
        "https://www.quotidien-exemple.fr/economie/article/2025/11/03/"
        "openai-signe-avec-amazon_6651234_3234.html — Claire Lemoine")
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("OpenAI a annoncé lundi 3 novembre la signature d’un "
                                    "contrat de 38 milliards de dollars")
    assert paragraphs[2].startswith("« Faire passer l’IA de pointe à l’échelle")
    assert paragraphs[-1] == "À la Bourse de New York, l’action Amazon gagnait près de 5 % " \
                             "après l’annonce."
    assert len(paragraphs) == 5
    assert "1 400 milliards de dollars" in article.body


def test_a_page_saved_by_a_browser_takes_the_address_it_was_saved_from():
    article = _read("en_blog_saved.html")

    assert article.title == "Harbour authority buys four electric tugboats"
    assert article.published == dt.date(2024, 6, 14)
    assert article.source == ("https://harbourdispatch.example.com/2024/06/14/"
                              "electric-tugboats — Tom Okafor")
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("The port authority has ordered four battery-electric")
    assert "Cleaner air on the quays" in paragraphs  # a subheading stays, on its own
    assert paragraphs[-1] == "The shipyard, Damen, has built similar tugs for Auckland and " \
                             "Antwerp."


def test_an_old_latin1_page_laid_out_in_tables_is_read_in_its_declared_encoding():
    article = _read("fr_gazette_latin1.htm")

    assert article.title == "Le port de Marseille investit 120 millions d'euros dans ses quais"
    assert article.published == dt.date(2023, 9, 21)
    assert article.language == "fr"
    # No address in the page: the source is the file, the author after it.
    assert article.source == f"{(PAGES / 'fr_gazette_latin1.htm').resolve()} — Jean-Marc Rouvier"
    assert "l'État et l'Union européenne" in article.body
    assert "« C'est un investissement décisif pour la santé des Marseillais" in article.body


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.iterdir()))
def test_nothing_around_the_article_is_kept(name):
    article = _read(name)

    kept = [word for word in BOILERPLATE if word in article.body or word in article.title]
    assert kept == []
    assert "\n\n\n" not in article.body and article.body == article.body.strip()


def test_the_author_after_the_address_changes_neither_its_name_nor_its_currency(tmp_path):
    article = _read("en_cloud_deal.html")
    assert source_name(article.source) == "dailyledger.example.co.uk"

    page = ('<html><head><link rel="canonical" href="https://nouvelles.example.ca">'
            '<meta name="author" content="Luc Tremblay"></head><body><article><p>'
            'Le budget de la ville atteint 5 milliards de dollars cette année, selon le maire '
            'de Montréal.</p></article></body></html>')
    [quebec] = read_document(_page(tmp_path, page))
    assert quebec.source == "https://nouvelles.example.ca/ — Luc Tremblay"
    assert source_name(quebec.source) == "nouvelles.example.ca"
    assert default_currency_hint(quebec.source) == "CAD"


def test_reading_pages_opens_no_connection(db, monkeypatch):
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)

    report = import_paths([PAGES])

    assert len(report.imported) == 4 and report.problems == []
    assert attempts == []


# --- what can't be read -------------------------------------------------------------

ARTICLE = ("<p>Le conseil municipal a voté jeudi un budget de 12 millions d’euros pour "
           "rénover les quais du vieux port, a annoncé la mairie.</p>")


def _page(folder: Path, text: str | bytes, name: str = "page.html") -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_a_page_in_an_undeclared_8bit_encoding_is_read_and_noted(db, tmp_path):
    text = ("<html><body><p>Le café de l’été coûte cher à Marseille : trois euros la tasse, "
            "dit le patron du bar « Chez Léon », près du port.</p></body></html>")
    path = _page(tmp_path, text.encode("cp1252"))

    report = import_paths([path])

    assert get_article(report.imported[0]).body.startswith("Le café de l’été coûte cher")
    assert [(n.path, n.encoding, n.message) for n in report.notes] == [
        (str(path), "Windows-1252", "Read as Windows-1252: the page is not UTF-8 and does not "
         "say its encoding (check that its accents look right).")]


def test_hostile_pages_are_named_with_their_reason_and_the_good_one_imported(db, tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    _page(folder, f"<html><body><article>{ARTICLE}</article></body></html>", "good.html")
    _page(folder, "<html><body><nav><a href='/'>Accueil</a> <a href='/s'>Sports</a></nav>"
          "<script>document.write('<p>Drawn by a script, never run</p>')</script>"
          "</body></html>", "menu.html")
    _page(folder, gzip.compress(ARTICLE.encode()), "packed.html")
    _page(folder, bytes(range(256)) * 4, "binary.htm")
    _page(folder, b"", "empty.html")
    _page(folder, b"<html><body>" + b"<i></i>" * (MAX_HTML_TAGS // 2 + 1) + b"</body></html>",
          "tags.html")
    with open(folder / "huge.html", "wb") as handle:
        handle.truncate(MAX_HTML_BYTES + 1)  # sparse: nothing written, nothing read

    report = import_paths([folder])

    assert sorted((Path(p.path).name, p.reason) for p in report.problems) == [
        ("binary.htm", "This is a binary file, not a web page."),
        ("empty.html", "This file is not a web page: no HTML markup was found in it."),
        ("huge.html", "The page is larger than 64 MiB, the most Marginalia reads of a saved "
         "web page."),
        ("menu.html", "No article text was found in this page: it may hold only links and "
         "menus, or be drawn by scripts, which Marginalia does not run."),
        ("packed.html", "This is a compressed (gzip) file, not a web page: expand it first."),
        ("tags.html", "This page holds more than 500,000 tags (500,006), far more than any "
         "article's page: Marginalia did not read it."),
    ]
    assert len(report.imported) == 1 and article_count() == 1
    assert get_article(report.imported[0]).body.startswith("Le conseil municipal a voté")


def test_a_page_nested_deeper_than_the_parser_goes_does_not_crash(tmp_path):
    deep = "<html><body>" + "<div>" * 50_000 + ARTICLE + "</div>" * 50_000 + "</body></html>"

    with pytest.raises(DocumentError, match="No article text was found"):
        read_document(_page(tmp_path, deep))
