"""import_html: articles per second imported from 200 saved web pages, against the
plain-text import of the same 200 articles (.txt files with a header) as baseline.

The pages are made here from two templates, English and French, laid out as
news sites save them: a cookie banner, menus of links, inline scripts and
styles, remote pictures and frames, advertisement slots, a "related stories"
list, comments and a footer around an article of 6–10 paragraphs (35–60 kB a
page). Both imports run into a fresh database; the libraries the HTML import
loads (trafilatura, lxml…) are loaded before the clock starts, and that time
is printed apart.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from _common import report

PAGES = 200

EN_SENTENCES = [
    "{org} agreed to pay {other} ${n} million over {years} years for computing capacity.",
    "The deal, announced on {day}, is one of the largest the company has struck this year.",
    "{person}, the chief executive of {org}, said demand for its services kept growing.",
    "Analysts at {other} expect revenue to rise by {pct}% in the coming quarter.",
    "Shares in {org} rose {pct}% in early trading in New York after the announcement.",
    "The company employs about {n},000 people in {country} and plans to hire more.",
    "Regulators in {country} said they would look closely at the agreement.",
    "{person} declined to comment on the price paid for the new data centres.",
]
FR_SENTENCES = [
    "{org} a signé avec {other} un contrat de {n} millions d’euros sur {years} ans.",
    "L’accord, annoncé {day}, est l’un des plus importants conclus cette année.",
    "{person}, le patron de {org}, a déclaré que la demande ne cessait de croître.",
    "Selon les analystes de {other}, le chiffre d’affaires devrait progresser de {pct} %.",
    "À la Bourse de Paris, l’action {org} gagnait {pct} % après l’annonce.",
    "Le groupe emploie environ {n} 000 personnes en {country} et prévoit d’embaucher.",
    "Les autorités de la concurrence en {country} examineront l’accord de près.",
    "{person} n’a pas souhaité commenter le prix payé pour les nouveaux centres de données.",
]
ORGS = ["OpenAI", "Amazon", "Nvidia", "Airbus", "TotalEnergies", "Siemens", "Renault", "Orange"]
PEOPLE = ["Sam Altman", "Matt Garman", "Claire Lemoine", "Tom Okafor", "Ingrid Solberg"]
COUNTRIES = ["France", "Germany", "Canada", "Japan", "Brazil", "Italy"]
DAYS = ["Monday", "Tuesday", "lundi", "mardi", "Wednesday", "jeudi"]

TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | {site}</title>
<link rel="canonical" href="https://www.{site}/{lang}/2025/{n}/story-{n}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="2025-{month:02d}-{mday:02d}T08:00:00Z">
<link rel="stylesheet" href="https://cdn.{site}/site.css">
<style>{style}</style>
<script src="https://cdn.{site}/analytics.js"></script>
<script>{script}</script>
</head><body>
<div class="cookie-consent"><p>We and our partners use cookies to measure the audience and
show personalised advertising.</p><button>Accept</button><button>Refuse</button></div>
<header><img src="https://cdn.{site}/logo.svg" alt="{site}"><nav><ul>{menu}</ul></nav></header>
<div class="ad"><iframe src="https://ads.example.net/slot/{n}"></iframe>Advertisement</div>
<main><article><h1>{title}</h1><p class="byline">By {author}</p>
<figure><img src="https://cdn.{site}/photos/{n}.jpg"><figcaption>Photograph: Agency</figcaption>
</figure>
{paragraphs}
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
</article>
<section class="comments"><h2>Comments</h2>{comments}</section></main>
<footer><p>© 2025 {site}. All rights reserved.</p><ul>{menu}</ul></footer>
<script async src="https://ads.example.net/tag.js"></script>
</body></html>
"""


def _article(n: int, rng: random.Random) -> tuple[str, str, list[str]]:
    """The language, title and paragraphs of article ``n``."""
    lang = "fr" if n % 2 else "en"
    sentences = FR_SENTENCES if lang == "fr" else EN_SENTENCES
    org, other = rng.sample(ORGS, 2)

    def fill(sentence: str) -> str:
        return sentence.format(org=org, other=other, person=rng.choice(PEOPLE),
                               country=rng.choice(COUNTRIES), day=rng.choice(DAYS),
                               n=rng.randint(2, 900), years=rng.randint(2, 12),
                               pct=rng.randint(1, 40))

    paragraphs = [" ".join(fill(s) for s in rng.sample(sentences, 4)) + f" (No. {n}.)"
                  for _ in range(rng.randint(6, 10))]
    title = f"{org} and {other}: story {n}" if lang == "en" else f"{org} et {other} : récit {n}"
    return lang, title, paragraphs


def build(folder: Path) -> tuple[Path, Path]:
    """Writes the pages and the same articles as .txt; returns both folders."""
    pages, texts = folder / "pages", folder / "texts"
    pages.mkdir()
    texts.mkdir()
    rng = random.Random(13)
    menu = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    script = "var config = " + repr({f"key{i}": "value" * 8 for i in range(400)}) + ";"
    style = " ".join(f".c{i} {{ margin: {i}px; color: #{i:06x}; }}" for i in range(300))
    for n in range(PAGES):
        lang, title, paragraphs = _article(n, rng)
        author = rng.choice(PEOPLE)
        month, mday = 1 + n % 12, 1 + n % 28
        related = "".join(f'<li><a href="/r/{n}/{i}">Another story {i}</a></li>'
                          for i in range(8))
        comments = "".join(f"<div class='comment'><p>Reader {i} says this is news.</p></div>"
                           for i in range(12))
        html = TEMPLATE.format(
            lang=lang, title=title, site=f"news{n % 5}.example.com", n=n, author=author,
            month=month, mday=mday, style=style, script=script, menu=menu,
            paragraphs="\n".join(f"<p>{p}</p>" for p in paragraphs), related=related,
            comments=comments)
        (pages / f"page-{n:03d}.html").write_text(html, encoding="utf-8")
        (texts / f"page-{n:03d}.txt").write_text(
            f"title: {title}\ndate: 2025-{month:02d}-{mday:02d}\nsource: "
            f"https://www.news{n % 5}.example.com/{lang}/2025/{n}/story-{n}\nlang: {lang}\n\n"
            + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return pages, texts


def timed_import(database: Path, folder: Path) -> tuple[float, int, int]:
    """Seconds, articles imported and problems of one import into a fresh database."""
    from db.connection import close_database, open_database
    from desktop.core.importers import import_paths

    open_database(database)
    started = time.perf_counter()
    result = import_paths([folder])
    elapsed = time.perf_counter() - started
    close_database()
    return elapsed, len(result.imported), len(result.problems)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages, texts = build(root)
        size = sum(p.stat().st_size for p in pages.iterdir()) / PAGES / 1000
        started = time.perf_counter()
        import trafilatura  # noqa: F401  (loaded once, as by the first page of an import)

        loading = time.perf_counter() - started
        text_time, text_count, _ = timed_import(root / "texts.sqlite3", texts)
        html_time, html_count, problems = timed_import(root / "pages.sqlite3", pages)
    assert html_count == text_count == PAGES and problems == 0, (html_count, problems)
    print(f"# import_html: {PAGES} pages of {size:.0f} kB on average; loading trafilatura "
          f"took {loading:.2f} s before the clock; .txt import {text_time:.2f} s, "
          f"HTML import {html_time:.2f} s", flush=True)
    report("import_html", PAGES / html_time, " articles/s", PAGES / text_time)


if __name__ == "__main__":
    main()
