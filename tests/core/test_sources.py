"""Short names and licence lines of article sources."""

from __future__ import annotations

import pytest

from desktop.core.sources import WIKINEWS_NOTE, attribution, source_name


@pytest.mark.parametrize("source, name", [
    ("https://www.lemonde.fr/economie/article/2025/11/03/x.html", "lemonde.fr"),
    ("http://www.example.com", "example.com"),
    ("HTTPS://WWW.Example.COM/A", "example.com"),
    ("https://fr.wikinews.org/wiki/Essai", "fr.wikinews.org"),
    ("https://news.bbc.co.uk/2/hi/business/1.stm", "news.bbc.co.uk"),
    ("https://www2.example.org/x", "www2.example.org"),
    ("https://user@www.example.org:8443/x?q=1#top", "example.org"),
    ("http://localhost:8000/a", "localhost"),
    ("file:///home/me/news/my%20article.txt", "my article.txt"),
    ("/home/me/news/article.md", "article.md"),
    ("/home/me/news/", "news"),
    ("C:\\Users\\me\\news\\article.txt", "article.txt"),
    ("article.jsonl", "article.jsonl"),
    ("  https://www.lemonde.fr/x  ", "lemonde.fr"),
    ("Reuters", "Reuters"),
    ("", ""),
    ("   ", ""),
])
def test_source_name(source, name):
    assert source_name(source) == name


@pytest.mark.parametrize("source, note", [
    ("https://en.wikinews.org/wiki/Harbour", WIKINEWS_NOTE),
    ("https://en.wikipedia.org/wiki/Tugboat", "Wikipedia contributors"),
    ("https://obamawhitehouse.archives.gov/x", ""),
    ("https://www.whitehouse.gov/briefing-room/x", "Source: The White House"),
    ("https://www.lemonde.fr/x", ""),
    ("", ""),
])
def test_attribution(source, note):
    assert attribution(source).startswith(note) and bool(attribution(source)) == bool(note)
