"""Turning the lines a PDF draws back into paragraphs of text.

A PDF holds no paragraphs, only lines placed on pages: a word cut at a
line's end keeps its hyphen ("interna-" / "tional"), every line ends with a
break, and each page repeats its running header and its number. The reader
wants the article's text: words whole, a paragraph on one line (so that a
sentence is one sentence, for the suggestions and the "same sentence"
rule), pages one after the other.

So, page by page:

* the running header or footer (a first or last line the pages share,
  numbers aside) and a bare page number are dropped;
* lines are joined into paragraphs: a paragraph ends at a blank line,
  before a bullet, and after a line that ends a sentence well short of the
  page's usual width, or a short line before a capital (a heading);
* a hyphen at a line's end is taken out when it cut a word, and kept when it
  joins two words ("New York-" / "based", "vingt-" / "deux"): see
  :func:`join_hyphenated`;
* a page break is a paragraph break, unless it falls in the middle of a
  sentence (the page ends without a full stop and the next starts in lower
  case).

Pure text functions: no PDF library here (:mod:`desktop.core.import_pdf`
reads the pages).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

__all__ = ["join_hyphenated", "page_paragraphs", "pdf_body", "usual_width"]

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_PAGE_NUMBER = re.compile(r"(?:page\s+|p\.\s*)?[-–—\s]*\d{1,4}(?:\s*(?:/|of|sur)\s*\d{1,4})?"
                          r"[-–—\s]*", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_BULLET = re.compile(r"(?:[•◦▪▫●○■□‣⁃∙·*]|[-–—](?=\s)|\d{1,3}[.)](?=\s)|[a-z][.)](?=\s))")
_SENTENCE_END = re.compile(r"[.!?:;…»”\"')\]]$")
_WORD_BEFORE_HYPHEN = re.compile(r"(\w+)[-\u00ad]$")
_FIRST_WORD = re.compile(r"\w+")
_HYPHENATED = re.compile(r"\b(\w+)-(\w+)\b")
_WORDS = re.compile(r"\w+")

_KEEP_FIRST = frozenset(
    # English tens ("twenty-five") and the French numbers that start a compound.
    "twenty thirty forty fifty sixty seventy eighty ninety "
    "dix vingt trente quarante cinquante soixante quatre cent deux trois cinq six sept huit "
    "neuf "
    # Words that stay joined by a hyphen to the next one.
    "ex self vice well half all cross grand grande porte demi mi après avant arrière sous "
    "chef".split())
_KEEP_SECOND = frozenset(
    # English compounds of a name or a word with a participle or noun ("York-based").
    "based owned led backed funded controlled born related linked style friendly wide sized "
    "speaking focused oriented driven bound made run listed registered headquartered "
    "affiliated appointed era year old term level class scale free proof ready specific "
    "sponsored built designed inspired centric powered elect "
    # French numbers ("vingt-deux", "quatre-vingts", "vingt-et-un").
    "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize vingt vingts cent cents mille et "
    # French inverted pronouns and fixed compounds ("a-t-il", "celui-ci", "peut-être").
    "il elle ils elles on t je tu nous vous le la les moi toi lui leur y en ci là même "
    "mêmes être dire delà dessus dessous midi".split())


def pdf_body(pages: Iterable[str]) -> str:
    """The article's text from the text of each page, as pypdf extracts it.

    Returns:
        Paragraphs separated by a blank line, as the other importers give
        them; "" when no page holds text.
    """
    page_lines = [_clean_lines(text) for text in pages]
    page_lines = _without_running_lines(page_lines)
    words, compounds = _vocabulary(page_lines)
    usual = usual_width(line for lines in page_lines for line in lines)
    paragraphs: list[str] = []
    for lines in page_lines:
        page = page_paragraphs(lines, usual, words, compounds)
        if paragraphs and page and _runs_on(paragraphs[-1], page[0]):
            paragraphs[-1] = join_hyphenated(paragraphs[-1], page[0], words, compounds)
            page = page[1:]
        paragraphs.extend(page)
    return "\n\n".join(paragraphs)


def _runs_on(last: str, first: str) -> bool:
    """Whether a page's first line goes on with the sentence the page before left open.

    A page break is a paragraph break, except in the middle of a sentence:
    the page before ends without a full stop (or with a cut word) and the
    next one starts in lower case.
    """
    return not _SENTENCE_END.search(last) and first[0].islower()


def usual_width(lines: Iterable[str]) -> int:
    """The length of a full line of the text: longer than four lines in five.

    Measured over the whole text, so that a page of a few lines (the last
    one) is read with the width of the others.
    """
    lengths = sorted(len(line) for line in lines if line)
    return lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0


def _clean_lines(text: str) -> list[str]:
    text = _CONTROL.sub("", text.translate(_LIGATURES).replace("\r\n", "\n").replace("\r", "\n"))
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """The pages without their page numbers and the header and footer they repeat."""
    def edges(lines: list[str]) -> list[str]:
        filled = [line for line in lines if line]
        return filled[:2] + filled[-2:]

    repeated: set[str] = set()
    if len(pages) >= 3:
        counts = Counter(key for lines in pages for key in {_DIGITS.sub("#", e) for e in
                                                              edges(lines)})
        repeated = {key for key, count in counts.items() if count * 2 >= len(pages)
                    and count >= 3}
    kept = []
    for lines in pages:
        edge = set(edges(lines))
        kept.append([line for line in lines if not (line in edge and (
            _PAGE_NUMBER.fullmatch(line) or _DIGITS.sub("#", line) in repeated))])
    return kept


def _vocabulary(pages: list[list[str]]) -> tuple[set[str], set[str]]:
    """The words of the text and its hyphenated compounds, lower case, as the lines hold them.

    A word cut at a line's end is found whole elsewhere in the text, or a
    compound is found with its hyphen inside a line: either tells how to
    mend the cut.
    """
    words: set[str] = set()
    compounds: set[str] = set()
    for lines in pages:
        for line in lines:
            body = line[:-1] if line.endswith(("-", "\u00ad")) else line
            lowered = body.lower()
            words.update(_WORDS.findall(lowered))
            compounds.update(f"{a}-{b}" for a, b in _HYPHENATED.findall(lowered))
    return words, compounds


def page_paragraphs(lines: list[str], usual: int, words: set[str] | None = None,
                    compounds: set[str] | None = None) -> list[str]:
    """The paragraphs of one page's lines (already stripped).

    Args:
        lines: the page's lines, in order; "" is a blank line.
        usual: the length of a full line (:func:`usual_width`).
        words: the words of the whole text, lower case (see :func:`join_hyphenated`).
        compounds: its hyphenated compounds, lower case.
    """
    paragraphs: list[str] = []
    current = ""
    previous = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = previous = ""
            continue
        if current and _ends_paragraph(previous, line, usual):
            paragraphs.append(current)
            current = ""
        current = join_hyphenated(current, line, words, compounds) if current else line
        previous = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _ends_paragraph(line: str, following: str, usual: int) -> bool:
    """Whether a paragraph ends after ``line``, from how it ends and what follows."""
    if _BULLET.match(following):
        return True
    short = len(line) < 0.85 * usual
    if short and _SENTENCE_END.search(line):
        return True
    first = following[0]
    return len(line) < 0.6 * usual and (first.isupper() or first.isdigit())


def join_hyphenated(before: str, after: str, words: set[str] | None = None,
                    compounds: set[str] | None = None) -> str:
    """Joins a line to the text before it, mending a word the line break cut.

    A hyphen at the end of ``before`` is dropped when it cut a word
    ("interna-" + "tional" gives "international") and kept when it joins
    two words ("New York-" + "based" gives "New York-based"). It is kept
    when the next line starts with a capital or a digit, or the word before
    it holds a digit or is an acronym ("COVID-" + "19"); else the text
    decides when it can (the whole word, or the compound with its hyphen,
    found elsewhere in it); else a known compound keeps it: a number
    ("vingt-" + "deux"), a French pronoun ("a-t-" + "il"), a word such as
    "based", "owned", "led" after a name. Otherwise the hyphen was the
    typesetter's and goes. A soft hyphen (U+00AD) always goes.

    Args:
        before: the text so far (ending with the previous line).
        after: the next line.
        words: the words of the whole text, lower case.
        compounds: the hyphenated compounds found inside its lines, lower case.
    """
    cut = _WORD_BEFORE_HYPHEN.search(before)
    if cut is None:
        return f"{before} {after}"
    head = before[:-1]
    if before.endswith("\u00ad"):
        return head + after
    left = cut.group(1)
    right_match = _FIRST_WORD.match(after)
    right = right_match.group() if right_match else ""
    if _keeps_hyphen(left, right, words or set(), compounds or set()):
        return f"{head}-{after}"
    return head + after


def _keeps_hyphen(left: str, right: str, words: set[str], compounds: set[str]) -> bool:
    if not right or not right[0].islower() or not left[-1].isalpha():
        return True
    if any(ch.isdigit() for ch in left) or (len(left) >= 2 and left.isupper()):
        return True
    low_left, low_right = left.lower(), right.lower()
    if f"{low_left}-{low_right}" in compounds:
        return True
    if low_left + low_right in words:
        return False
    return low_right in _KEEP_SECOND or low_left in _KEEP_FIRST
