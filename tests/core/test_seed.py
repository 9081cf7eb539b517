"""The demo articles: seeded once into an empty database, found wherever the app runs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from db.articles import article_count, get_article, get_meta
from db.models import Article
from desktop import resources
from desktop.core.importers import import_paths
from desktop.core.seed import SEEDED_KEY, sample_files, seed_demo_if_empty
from tests.helpers import TEST_DATA


def test_samples_ship_with_their_licence():
    folder = resources.sample_articles_dir()

    assert len(sample_files(folder)) == 30
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 2.5" in readme and "Wikinews" in readme


def test_an_empty_database_is_seeded_once(db):
    result = seed_demo_if_empty()

    assert result is not None and result.problems == [] and len(result.imported) == 30
    assert article_count() == 30
    languages = sorted(get_article(i).language for i in result.imported)
    assert languages.count("en") == 12 and languages.count("fr") == 18
    assert all(get_article(i).source.startswith("https://") for i in result.imported)
    assert get_meta(SEEDED_KEY) == "30 articles"
    assert seed_demo_if_empty() is None
    assert article_count() == 30


def test_deleting_every_article_does_not_bring_the_samples_back(db):
    seed_demo_if_empty()
    Article.delete().execute()

    assert seed_demo_if_empty() is None
    assert article_count() == 0


def test_a_database_that_already_has_articles_is_not_seeded(db):
    import_paths([TEST_DATA / "import" / "heading.md"])

    assert seed_demo_if_empty() is None
    assert article_count() == 1
    assert get_meta(SEEDED_KEY) is not None


def test_missing_samples_are_not_fatal_and_seeding_is_tried_again(db, monkeypatch):
    monkeypatch.setattr(resources, "resource_roots", lambda: [Path("/nonexistent")])

    assert seed_demo_if_empty() is None
    assert get_meta(SEEDED_KEY) is None


def test_resource_path_explains_what_is_missing(monkeypatch, tmp_path):
    monkeypatch.setattr(resources, "resource_roots", lambda: [tmp_path / "resources"])

    with pytest.raises(FileNotFoundError, match=r"'icons/app\.svg' was not found .*looked in"):
        resources.resource_path("icons", "app.svg")


def test_resources_are_found_in_a_pyinstaller_bundle(monkeypatch, tmp_path):
    (tmp_path / "resources" / "samples").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert resources.sample_articles_dir() == tmp_path / "resources" / "samples"


def test_resources_are_found_when_installed_as_data(monkeypatch, tmp_path):
    installed = tmp_path / "share" / "marginalia" / "resources" / "samples"
    installed.mkdir(parents=True)
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    monkeypatch.setattr(resources, "__file__", str(tmp_path / "site-packages" / "desktop" / "x"))

    assert resources.sample_articles_dir() == installed
