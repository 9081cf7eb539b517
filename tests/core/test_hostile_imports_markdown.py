"""The linear Markdown rules read short lines as the regular expressions they replace did.

The inline rules used to be regular expressions that backtrack: a line of
200,000 ``[`` took minutes. They are now scans that never search a stretch
twice (``BENCH import_hostile`` measures it). Here, on short lines made of
markup characters, where the old expressions are quick, Hypothesis checks
that both give the same text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.markdown_text import _plain, _rule_mark, markdown_to_text

_URL = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
REFERENCE_RULES = (
    (re.compile(r"!\[[^\]]*\](?:" + _URL + r"|\[[^\]]*\])"), ""),
    (re.compile(r"\[([^\]]+)\](?:" + _URL + r"|\[[^\]]*\])"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"), r"\1"),
    (re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)"), r"\1"),
    (re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)
"""The expressions the rules replace, applied in the same order."""
REFERENCE_RULE = re.compile(r"\s{0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*")

PIECES = ["*", "**", "_", "__", "~", "~~", "[", "]", "(", ")", "![", "<", ">", "http:",
          "https:", "mailto:", '"', " ", "\t", "a", "b", "é", "1", "-", "=", "](", "](x)"]
SHORT_LINES = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)
QUICK = settings(max_examples=400, deadline=None, derandomize=True, database=None)


def _reference(text: str) -> str:
    for pattern, replacement in REFERENCE_RULES:
        text = pattern.sub(replacement, text)
    return text


@QUICK
@given(line=SHORT_LINES)
def test_inline_rules_read_short_lines_as_the_old_expressions_did(line):
    assert _plain(line) == _reference(line)


@QUICK
@given(line=st.lists(st.sampled_from(["-", "*", "_", "=", " ", "\t", "a"]),
                     max_size=10).map("".join))
def test_rules_and_underlines_are_found_as_before(line):
    match = REFERENCE_RULE.fullmatch(line)
    assert _rule_mark(line) == (match.group(1) if match else None)


@QUICK
@given(text=st.lists(st.sampled_from(PIECES + ["`", "``", "\\", "\n", "# ", "> ", "```\n"]),
                     max_size=30).map("".join))
def test_any_markdown_gives_text_without_error(text):
    body, title = markdown_to_text(text)
    assert isinstance(body, str) and (title is None or isinstance(title, str))


@pytest.mark.parametrize("line,text", [
    ("Use `a` here", "Use a here"),
    ("Run ``a`b`` now", "Run a`b now"),
    ("An `unclosed run", "An `unclosed run"),
    ("A \\`literal` one", "A `literal` one"),
    ("Mixed ``x` and `y``", "Mixed x` and `y"),
    ("Code `**not bold**` stays", "Code **not bold** stays"),
    ("# Title ##", "Title"),
    ("## #", ""),
    ("#hashtag", "#hashtag"),
])
def test_code_spans_escapes_and_headings(line, text):
    assert markdown_to_text(line)[0] == text
