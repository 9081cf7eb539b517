"""Markdown to the plain text the reader shows.

Only light markup is removed (heading marks, emphasis, links, images,
block-quote marks, code fences, backslash escapes): the result is stored as
the article body, so it must read naturally and keep every word.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"\s{0,3}(```|~~~)")
_RULE = re.compile(r"\s{0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*")
_ATX = re.compile(r"\s{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_REF_DEFINITION = re.compile(r"\s{0,3}\[[^\]]+\]:\s+\S+.*")
_QUOTE_MARK = re.compile(r"^\s{0,3}(?:>[ \t]?)+")
_PROTECTED = re.compile(r"(`+)(.+?)\1|\\([!-/:-@\[-`{-~])")
_URL = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[[^\]]*\](?:" + _URL + r"|\[[^\]]*\])"), ""),
    (re.compile(r"\[([^\]]+)\](?:" + _URL + r"|\[[^\]]*\])"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"), r"\1"),
    (re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)"), r"\1"),
    (re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Returns the text of ``markdown`` without its markup, and its first level-1 heading."""
    out: list[str] = []
    title: str | None = None
    in_fence = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _RULE.fullmatch(line):
            if line.strip().startswith("=") and title is None and out and out[-1].strip():
                title = out[-1].strip()  # a Setext heading: the line above is level 1
            continue
        heading = _ATX.fullmatch(line)
        if heading:
            text = _inline(heading.group(2) or "")
            if title is None and len(heading.group(1)) == 1 and text:
                title = text
            out.append(text)
            continue
        if _REF_DEFINITION.fullmatch(line):
            continue
        out.append(_inline(_QUOTE_MARK.sub("", line)))
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in out))
    return body.strip(), title


def _inline(line: str) -> str:
    """Removes inline markup, leaving code spans and escaped characters literal."""
    parts = []
    position = 0
    for match in _PROTECTED.finditer(line):
        parts.append(_plain(line[position:match.start()]))
        parts.append(match.group(2).strip() if match.group(1) else match.group(3))
        position = match.end()
    parts.append(_plain(line[position:]))
    return "".join(parts)


def _plain(text: str) -> str:
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    return text


