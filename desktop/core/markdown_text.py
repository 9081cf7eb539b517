"""Markdown to the plain text the reader shows.

Only light markup is removed (heading marks, emphasis, links, images,
block-quote marks, code fences, backslash escapes): the result is stored as
the article body, so it must read naturally and keep every word.

Every step takes time linear in the line, whatever the line holds: a file
can be one line of 200,000 ``[`` or ``**a``. No pattern here can backtrack
over a span it already tried, and where a rule looks ahead for its end (the
``]`` of a link, the ``**`` that closes ``**``), the search starts where
the last one stopped, so no stretch of the line is searched twice
(:class:`_NextMatch`). Code spans follow CommonMark: a run of backticks is
closed by the next run of the same length, and a run no such run follows
is plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

_FENCE = re.compile(r"\s{0,3}(```|~~~)")
_REF_DEFINITION = re.compile(r"\s{0,3}\[[^\]]+\]:\s+\S+.*")
_QUOTE_MARK = re.compile(r"\s{0,3}(?:>[ \t]?)+")
_RULE_MARKS = "-*_="


CHECK_EVERY_LINES = 2048
"""A long text calls its ``check`` once per this many lines."""


def markdown_to_text(markdown: str, check: Callable[[], None] | None = None
                     ) -> tuple[str, str | None]:
    """Returns the text of ``markdown`` without its markup, and its first level-1 heading.

    Args:
        markdown: the text, line endings normalised.
        check: called every :data:`CHECK_EVERY_LINES` lines; it may raise to
            stop a long text (the import's Cancel).
    """
    out: list[str] = []
    title: str | None = None
    in_fence = False
    for number, line in enumerate(markdown.split("\n")):
        if check is not None and number % CHECK_EVERY_LINES == CHECK_EVERY_LINES - 1:
            check()
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        mark = _rule_mark(line)
        if mark is not None:
            if mark == "=" and title is None and out and out[-1].strip():
                title = out[-1].strip()  # a Setext heading: the line above is level 1
            continue
        heading = _atx_heading(line)
        if heading is not None:
            level, content = heading
            text = _inline(content)
            if title is None and level == 1 and text:
                title = text
            out.append(text)
            continue
        if _REF_DEFINITION.fullmatch(line):
            continue
        quote = _QUOTE_MARK.match(line)
        out.append(_inline(line[quote.end():] if quote else line))
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in out))
    return body.strip(), title


def _indent_ok(line: str, stripped: str) -> bool:
    return len(line) - len(stripped) <= 3


def _rule_mark(line: str) -> str | None:
    """The mark of a thematic break or Setext underline ("---", "* * *", "==="), else None."""
    stripped = line.lstrip()
    if not stripped or stripped[0] not in _RULE_MARKS or not _indent_ok(line, stripped):
        return None
    mark = stripped[0]
    marks = stripped.replace(" ", "").replace("\t", "")
    return mark if len(marks) >= 3 and not marks.strip(mark) else None


def _atx_heading(line: str) -> tuple[int, str] | None:
    """The level and text of an ATX heading ("## Title ##"), else None."""
    stripped = line.lstrip()
    if not stripped.startswith("#") or not _indent_ok(line, stripped):
        return None
    rest = stripped.lstrip("#")
    level = len(stripped) - len(rest)
    if level > 6 or (rest and rest[0] not in " \t"):
        return None
    content = rest.strip(" \t")
    unclosed = content.rstrip("#")
    if unclosed != content and (not unclosed or unclosed[-1] in " \t"):
        content = unclosed.rstrip(" \t")  # the optional closing sequence
    return level, content


# --- inline markup -----------------------------------------------------------------

_MARKUP = re.compile(r"[\\`*_~\[<]")
"""A line without any of these has no inline markup."""
_TOKEN = re.compile(r"`+|\\[!-/:-@\[-`{-~]")
"""A run of backticks (a code span may start) or a backslash escape."""
_BACKTICKS = re.compile(r"`+")


def _inline(line: str) -> str:
    """Removes inline markup, leaving code spans and escaped characters literal."""
    if not _MARKUP.search(line):
        return line
    parts: list[str] = []
    kept = 0  # line[kept:] is not in parts yet
    position = 0
    closers = _CodeSpanClosers(line)
    while (token := _TOKEN.search(line, position)) is not None:
        if token.group()[0] == "\\":
            parts += [_plain(line[kept:token.start()]), token.group()[1]]
            kept = position = token.end()
            continue
        end = closers.after(token.end(), len(token.group()))
        if end is None:  # no run of the same length follows: the backticks are text
            position = token.end()
            continue
        close_start, close_end = end
        parts += [_plain(line[kept:token.start()]), line[token.end():close_start].strip()]
        kept = position = close_end
    parts.append(_plain(line[kept:]))
    return "".join(parts)


class _CodeSpanClosers:
    """Finds the run of backticks that closes a code span opened by a run of ``width``.

    The last run of each width is found once for the line (the way cmark
    does): an opener whose width has no run after it is known at once to be
    text, so a line of unclosed runs is not searched to its end again and
    again. When a closer exists, the search stops at it and the reading goes
    on after it, so each stretch of the line is searched once.
    """

    def __init__(self, line: str) -> None:
        self._line = line
        self._last: dict[int, int] | None = None
        self._patterns: dict[int, re.Pattern[str]] = {}

    def after(self, position: int, width: int) -> tuple[int, int] | None:
        """``(start, end)`` of the first run of exactly ``width`` backticks from ``position``."""
        if self._last is None:
            self._last = {len(run.group()): run.start()
                          for run in _BACKTICKS.finditer(self._line)}
        if self._last.get(width, -1) < position:
            return None
        pattern = self._patterns.get(width)
        if pattern is None:
            pattern = self._patterns[width] = re.compile(f"(?<!`)`{{{width}}}(?!`)")
        found = pattern.search(self._line, position)
        return None if found is None else (found.start(), found.end())


def _plain(text: str) -> str:
    """Removes images, links, autolinks and emphasis from text holding no code or escape."""
    for rule in _INLINE_RULES:
        if not text:
            break
        text = rule(text)
    return text


class _NextMatch:
    """The first match of a pattern at or after a position, searched as rarely as possible.

    The last answer is kept: for a position between the one last asked and
    the match found then, the answer is the same, and no search is made.
    When the positions asked only grow, no stretch of the text is searched
    twice, so a whole rule takes time linear in the text.
    """

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self._pattern = pattern
        self._text = text
        self._asked = -1
        self._found: int | None = None  # None: no match at or after ``_asked``

    def at_or_after(self, position: int) -> int | None:
        """Where the first match at or after ``position`` starts, or None."""
        if self._asked != -1 and self._asked <= position and (
                self._found is None or position <= self._found):
            return self._found
        match = self._pattern.search(self._text, position)
        self._asked, self._found = position, None if match is None else match.start()
        return self._found


_CLOSE_BRACKET = re.compile(r"\]")
_URL_RUN = re.compile(r"[^()\s]*")
_SPACES = re.compile(r"\s*")


def _link_tail_end(text: str, start: int, brackets: _NextMatch) -> int | None:
    """End of the ``(url "title")`` or ``[ref]`` that starts at ``start``, or None."""
    if text.startswith("(", start):
        return _url_end(text, start)
    if text.startswith("[", start):
        close = brackets.at_or_after(start + 1)
        return None if close is None else close + 1
    return None


def _url_end(text: str, start: int) -> int | None:
    """End of ``(url)`` or ``(url "title")`` at ``start``; the url may hold one level of ``()``."""
    position = start + 1
    while True:
        run = _URL_RUN.match(text, position)
        assert run is not None  # the pattern matches the empty string
        position = run.end()
        if text.startswith(")", position):
            return position + 1
        if not text.startswith("(", position):
            break
        inner = _URL_RUN.match(text, position + 1)
        assert inner is not None
        if not text.startswith(")", inner.end()):
            return None
        position = inner.end() + 1
    spaces = _SPACES.match(text, position)
    assert spaces is not None
    if spaces.end() == position or not text.startswith('"', spaces.end()):
        return None
    quote = text.find('"', spaces.end() + 1)
    if quote < 0 or not text.startswith(")", quote + 1):
        return None
    return quote + 2


def _links(text: str, image: bool) -> str:
    """Removes images (``![alt](url)``) or keeps only the text of links (``[text](url)``)."""
    opener = "![" if image else "["
    if opener not in text or "]" not in text:
        return text
    label_ends = _NextMatch(_CLOSE_BRACKET, text)
    ref_ends = _NextMatch(_CLOSE_BRACKET, text)
    parts: list[str] = []
    kept = 0
    search = 0
    tried: tuple[int, int | None] = (-1, None)  # the last "]" whose tail was looked at
    while (start := text.find(opener, search)) >= 0:
        label_end = label_ends.at_or_after(start + len(opener))
        if label_end is None:
            break  # no "]" after this opener, nor after any later one
        if label_end == start + len(opener) and not image:  # "[]": a link needs text
            search = start + 1
            continue
        if tried[0] != label_end:  # openers before the same "]" share its tail
            tried = (label_end, _link_tail_end(text, label_end + 1, ref_ends))
        end = tried[1]
        if end is None:
            search = start + 1
            continue
        parts.append(text[kept:start])
        if not image:
            parts.append(text[start + 1:label_end])
        kept = search = end
    parts.append(text[kept:])
    return "".join(parts)


_AUTOLINK_START = re.compile(r"<(?:https?|mailto):")
_AUTOLINK_STOP = re.compile(r"[>\s]")


def _autolinks(text: str) -> str:
    """``<https://example.org>`` → ``https://example.org``."""
    if "<" not in text:
        return text
    stops = _NextMatch(_AUTOLINK_STOP, text)
    parts: list[str] = []
    kept = 0
    search = 0
    while (start := _AUTOLINK_START.search(text, search)) is not None:
        stop = stops.at_or_after(start.end())
        if stop is None:
            break  # nothing ends this link, nor any later one
        if stop == start.end() or text[stop] != ">":
            search = start.start() + 1
            continue
        parts += [text[kept:start.start()], text[start.start() + 1:stop]]
        kept = search = stop + 1
    parts.append(text[kept:])
    return "".join(parts)


def _pairs(mark: str, opener: str, closer: str) -> Callable[[str], str]:
    """A rule that keeps the text between an opening and a closing ``mark``.

    Args:
        mark: the delimiter ("**", "_"…), which the text must hold twice.
        opener: a pattern matching the opening delimiter where it may open.
        closer: a pattern matching the closing delimiter where it may close.

    The text between is at least one character, and the closer is the first
    one after the opener, as a lazy ``mark(.+?)mark`` would find it.
    """
    openers, closers = re.compile(opener), re.compile(closer)
    width = len(mark)

    def rule(text: str) -> str:
        if text.count(mark[0]) < 2 * width:
            return text
        opening, closing = _NextMatch(openers, text), _NextMatch(closers, text)
        parts: list[str] = []
        kept = 0
        while (start := opening.at_or_after(kept)) is not None:
            end = closing.at_or_after(start + width + 1)
            if end is None:
                break  # no closer after this opener, nor after any later one
            parts += [text[kept:start], text[start + width:end]]
            kept = end + width
        parts.append(text[kept:])
        return "".join(parts)

    return rule


_INLINE_RULES: tuple[Callable[[str], str], ...] = (
    partial(_links, image=True),
    partial(_links, image=False),
    _autolinks,
    _pairs("**", r"\*\*(?=\S)", r"(?<=\S)\*\*"),
    _pairs("__", r"(?<!\w)__(?=\S)", r"(?<=\S)__(?!\w)"),
    _pairs("*", r"(?<!\*)\*(?=[^\s*])", r"(?<=[^\s*])\*(?!\*)"),
    _pairs("_", r"(?<!\w)_(?=[^\s_])", r"(?<=[^\s_])_(?!\w)"),
    _pairs("~~", r"~~(?=\S)", r"(?<=\S)~~"),
)
"""Applied in this order, each to what the one before left."""
