"""``marginalia export --format F``: every format, named on stderr what it cannot carry."""

from __future__ import annotations

import zipfile

import pytest

from desktop.cli import build_parser, main
from desktop.core.export_formats import NAMES
from tests.core.export_readers import Corpus, build_corpus


@pytest.fixture
def corpus(article_id, tmp_path) -> Corpus:
    return build_corpus(article_id, tmp_path)


def test_the_format_choices_are_the_registry_names():
    parser = build_parser()
    export = parser._subparsers._group_actions[0].choices["export"]  # type: ignore[union-attr]
    [action] = [a for a in export._actions if a.dest == "format"]

    assert tuple(action.choices) == NAMES


def test_export_to_brat_zip_from_the_command_line(corpus, db_path, tmp_path, capsys):
    out = tmp_path / "brat.zip"

    code = main(["--db", str(db_path), "export", "--format", "brat", "--out", str(out),
                 "--article", str(corpus.second)])

    assert code == 0
    assert capsys.readouterr().out == f"Exported 1 article to {out}.\n"
    with zipfile.ZipFile(out) as archive:
        assert f"article-{corpus.second}.ann" in archive.namelist()


def test_what_a_format_cannot_carry_is_named_and_exits_1(corpus, db_path, tmp_path, capsys):
    out = tmp_path / "train.conll"

    code = main(["--db", str(db_path), "export", "--format", "conll", "--out", str(out)])

    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == (f"Exported 2 articles to {out}. 1 suggestion not accepted yet left "
                            "out. 2 annotations the format cannot carry left out.\n")
    lines = captured.err.splitlines()
    assert len(lines) == 2 and all(line.startswith(
        "marginalia: not exported (the conll format cannot carry it): article ") for line in lines)
    assert f"annotation {corpus.ids['open']} (“Open”)" in captured.err
    assert out.exists()


def test_an_unknown_format_is_refused(db_path, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "export", "--format", "xlsx", "--out", str(tmp_path / "x")])

    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
