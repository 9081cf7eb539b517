"""The compiled regular expressions of the amount recognizer, one set per language.

A text is scanned once, lower-cased, by :attr:`AmountPatterns.anchors`: a
digit, or a number word from a prefix trie (much faster than a plain
alternation of words). Everything else is an anchored ``match`` at a known
position, or a ``search`` in the few characters before one, so the cost of a
text is the scan plus a little work per number it holds.

Tables of alternatives (currencies, units, durations) compile to one regex
whose alternatives are named groups ``g0``, ``g1``…; ``match.lastgroup``
then says which entry matched, and :meth:`Alternatives.name` maps it back to
the canonical code or symbol.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from desktop.core import amount_lexicon as lex

SPACE = r"[ \u00a0\u202f]"
"""Spaces allowed inside an amount: never a line break."""


_Trie = dict[str, "_Trie"]


def word_trie(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, factored by common prefixes."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(root)


@dataclass(frozen=True)
class Alternatives:
    """A regex over a table of ``(name, fragment)`` pairs, and the way back to names."""

    regex: re.Pattern[str]
    names: dict[str, str]

    @classmethod
    def of(cls, table: Iterable[tuple[str, str]], before: str = "",
           after: str = "") -> Alternatives:
        names: dict[str, str] = {}
        parts = []
        for i, (name, fragment) in enumerate(table):
            names[f"g{i}"] = name
            parts.append(f"(?P<g{i}>{fragment})")
        return cls(re.compile(before + "(?:" + "|".join(parts) + ")" + after), names)

    def name(self, match: re.Match[str]) -> str:
        """The table entry ``match`` (a match of :attr:`regex`) stands for."""
        if match.lastgroup in self.names:
            return self.names[match.lastgroup]
        return next(self.names[group] for group, text in match.groupdict().items()
                    if text is not None and group in self.names)


@dataclass(frozen=True)
class AmountPatterns:
    """Everything the recognizer matches, for one language."""

    language: str
    anchors: re.Pattern[str]
    digits: re.Pattern[str]
    number_words: re.Pattern[str]
    currency_before: Alternatives
    iso_before: re.Pattern[str]
    sign_before: re.Pattern[str]
    scale: re.Pattern[str]
    currency_symbol_next: re.Pattern[str]
    connector: re.Pattern[str]
    currency_after: Alternatives
    subunit: Alternatives
    percent: re.Pattern[str]
    point_after: re.Pattern[str] | None
    unit: Alternatives
    duration: Alternatives
    hyphen_duration: Alternatives
    half_after: re.Pattern[str]
    clock_before: re.Pattern[str]
    clock_after: re.Pattern[str]
    hour_range_after: re.Pattern[str]
    approx_before: re.Pattern[str]
    range_opener_before: re.Pattern[str]
    range_connector: re.Pattern[str]
    change_verb_before: re.Pattern[str]
    vague_before: re.Pattern[str]
    one_before: re.Pattern[str]
    collective_chain: re.Pattern[str]
    collective_of: re.Pattern[str]
    singular_collective_before: re.Pattern[str]
    decade_before: re.Pattern[str]
    century_before: re.Pattern[str]
    space_word: re.Pattern[str]
    ordinal_after: re.Pattern[str]
    chain_after: re.Pattern[str]
    pounds_weight_after: re.Pattern[str]
    glued_currency: re.Pattern[str]
    euro_letter: re.Pattern[str] | None
    money_context: re.Pattern[str]
    letter_range_ahead: re.Pattern[str]
    spaced_decimal: re.Pattern[str] | None
    partitive: re.Pattern[str]
    brand_model: re.Pattern[str]
    aviation_context: re.Pattern[str]
    inch_mark: re.Pattern[str]
    screen_context: re.Pattern[str]


def _approx_regex(language: str) -> re.Pattern[str]:
    markers = lex.APPROX_MARKERS[language]
    groups = "|".join(f"(?P<{kind}>{'|'.join(fragments)})" for kind, fragments in markers.items())
    return re.compile(rf"(?i:(?<![\w])(?:{groups})(?:{SPACE}+|(?<=['’]))"
                      rf"|(?P<symbol>{lex.APPROX_SYMBOLS}){SPACE}?)$")


def _anchor_words(language: str) -> list[str]:
    words = set(lex.NUMBER_WORDS[language]) - set(lex.ONE_WORDS[language])
    words |= set(lex.COLLECTIVE_PLURALS[language]) | set(lex.COLLECTIVE_SINGULARS[language])
    words |= set(lex.ANCHOR_PHRASES[language])
    words |= {w for w in lex.SCALE_WORDS[language] if w.isalpha()}
    if language == lex.FRENCH:
        words |= {"décennie", "siècle", "demi-siècle"}
    else:
        words |= {"decade", "century", "dozen", "tens", "one and a half"}
    words |= set(lex.FRACTION_OF_A_POINT)
    return sorted(words)


@cache
def patterns_for(language: str) -> AmountPatterns:
    """The compiled patterns for ``"fr"`` or ``"en"`` (built once, then cached)."""
    fr = language == lex.FRENCH
    sp = SPACE
    number_words = word_trie(sorted(lex.NUMBER_WORDS[language], key=len, reverse=True))
    joiner = lex.NUMBER_JOINERS[language]
    word = rf"{number_words}(?![\w])"
    apostrophes = r"\d{1,3}(?:['’]\d{3})+(?![\d'’])(?:[.,]\d+|\.[-–](?![\w-]))?"
    if fr:
        digits = (rf"\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d)(?:,\d+)?|{apostrophes}"
                  r"|\d{1,3}(?:\.\d{3})+(?!\d|\.\d)(?:,\d+)?|\d+(?:[.,]\d+)?")
    else:
        digits = (rf"\d{{1,3}}(?:,\d{{3}})+(?!\d)(?:\.\d+)?|{apostrophes}"
                  r"|\d{1,3}(?:\.\d{3}){2,}(?!\d|\.\d)|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?")
    scale_words = "|".join(sorted((w for w in lex.SCALE_WORDS[language]), key=len,
                                  reverse=True))
    abbreviations = "|".join(sorted(lex.SCALE_ABBREVIATIONS, key=len, reverse=True))
    letters = "".join(lex.CURRENCY_SCALE_LETTERS)
    iso = "|".join(lex.ISO_CODES + list(lex.CODE_ALIASES))
    glued = iso + ("|" + lex.EURO_LETTER if fr else "")
    units = list(lex.UNITS) + (list(lex.FRENCH_ONLY_UNITS) if fr else [])
    durations = lex.DURATIONS[language]
    hours = dict(durations)["hour"]
    return AmountPatterns(
        language=language,
        anchors=re.compile(r"(?<![\d,])\d|(?<![\w])" + word_trie(_anchor_words(language))
                           + r"(?![\w])"),
        digits=re.compile(digits),
        number_words=re.compile(rf"{word}(?:(?:{sp}+|-)(?:{joiner}(?:{sp}+|-))?{word})*"),
        currency_before=Alternatives.of(lex.CURRENCY_PREFIXES, before=r"(?<![A-Za-z])",
                                        after=rf"(?:{sp}?|\.)$"),
        iso_before=re.compile(rf"(?<![A-Za-z])(?P<code>{iso}){sp}?$"),
        sign_before=re.compile(rf"(?:(?:^|(?<=[\s(\[]))[-−+]{sp}?|(?<![\w])(?<!au{sp})(?<!ou{sp})"
                               rf"(?:{lex.SIGN_WORDS[language]}){sp}+)$"),
        scale=re.compile(rf"(?:{sp}*|-(?=[a-z]))(?:(?P<word>(?i:{scale_words}))(?![\w])"
                         rf"|(?P<abbr>{abbreviations})(?:(?![\w])|(?=(?:{glued})(?![\w])))"
                         rf"|(?P<letter>[{letters}])(?:(?![\w])|(?=(?:{glued})(?![\w]))))"),
        currency_symbol_next=re.compile(rf"{sp}?[€$£¥]"),
        connector=re.compile(rf"{sp}*(?i:de{sp}+|d['’]{sp}?)" if fr else rf"{sp}+(?i:of){sp}+"),
        currency_after=Alternatives.of(
            list(lex.CURRENCY_SUFFIXES[language])
            + [(code, rf"{code}\b") for code in lex.ISO_CODES + list(lex.CODE_ALIASES)],
            before=f"{sp}*"),
        subunit=Alternatives.of(lex.SUBUNITS[language], before=f"{sp}*"),
        percent=re.compile(rf"(?:{sp}*|-(?=[a-z]))(?:{lex.PERCENT_FORMS[language]})"),
        point_after=re.compile(rf"{sp}+(?i:point)(?![\w])") if fr else None,
        unit=Alternatives.of(units, before=f"(?:{sp}*|-)" if not fr else f"{sp}*"),
        duration=Alternatives.of(
            [(name, rf"(?i:{fragment})(?![\w])") for name, fragment in durations],
            before=rf"{sp}*(?:(?P<adjective>{lex.DURATION_ADJECTIVES[language]}){sp}+)?"),
        hyphen_duration=Alternatives.of(
            [(name, rf"(?i:{fragment})") for name, fragment in durations],
            before="-", after=r"(?P<old>-(?i:old|long))?(?![\w])"),
        half_after=re.compile(lex.HALF_AFTER[language]),
        clock_before=re.compile(lex.CLOCK_BEFORE[language]),
        clock_after=re.compile(lex.CLOCK_AFTER),
        hour_range_after=re.compile(
            rf"(?:{lex.RANGE_CONNECTORS[language]})\d{{1,2}}{sp}*(?:{hours})(?![\w])"),
        approx_before=_approx_regex(language),
        range_opener_before=re.compile(rf"(?<![\w]){lex.RANGE_OPENERS[language]}"
                                       rf"(?:{sp}+|(?<=['’]))$"),
        range_connector=re.compile(lex.RANGE_CONNECTORS[language]),
        change_verb_before=re.compile(lex.CHANGE_VERBS[language]),
        vague_before=re.compile(rf"(?<![\w]){lex.VAGUE_DETERMINERS[language]}{sp}+$"),
        one_before=re.compile(rf"(?<![\w])(?:(?P<half>{lex.HALF_PREFIXES[language]})|"
                              rf"(?P<one>(?i:{'|'.join(lex.ONE_WORDS[language])})){sp}+)$"),
        collective_chain=re.compile(
            rf"{sp}+(?i:de|of){sp}+(?P<word>(?i:{'|'.join(lex.COLLECTIVE_PLURALS[language])}))"
            r"(?![\w])"),
        collective_of=re.compile(rf"{sp}+(?i:of)(?![\w])"),
        singular_collective_before=re.compile(
            rf"(?<![\w])(?i:une?){sp}+(?:(?i:petite|bonne){sp}+)?$"),
        decade_before=re.compile(lex.DECADE_BEFORE[language]),
        century_before=re.compile(lex.CENTURY_BEFORE[language]),
        space_word=re.compile(rf"{sp}*(?P<word>[^\W\d_][^\W_]*(?:-[^\W_]+)*)(?![\w'’-])"),
        ordinal_after=re.compile(rf"{sp}?{lex.ORDINAL_SUFFIXES}(?![\w])"),
        chain_after=re.compile(r"(?:[-–/:.]\d+)+"),
        pounds_weight_after=re.compile(rf"{sp}+of\b"),
        glued_currency=re.compile(rf"(?:{glued})(?![\w])"),
        euro_letter=re.compile(rf"{sp}?{lex.EURO_LETTER}(?![\w'’])") if fr else None,
        money_context=re.compile(rf"(?<![\w]){lex.MONEY_CONTEXT[language]}(?![\w])"),
        letter_range_ahead=re.compile(
            rf"(?:{lex.RANGE_CONNECTORS[language]})[$€£]?\d[\d.,]*{sp}?"
            rf"(?:[{letters}]|bn|mn|Mds?){sp}?(?:[$€£¥]|(?:{glued})(?![\w]))"),
        spaced_decimal=re.compile(
            rf",{sp}(?P<decimals>\d{{1,2}})(?={sp}+(?:(?i:{scale_words})|{abbreviations}|[MG]"
            r"(?=[$€]))(?![\w]))") if fr else None,
        partitive=re.compile(
            rf"{sp}+(?:(?i:de){sp}+(?:ses|leurs|nos|vos|ces|mes)|des)(?![\w])" if fr else
            rf"{sp}+(?i:of){sp}+(?:its|their|the|his|her|our|these|those)(?![\w])"),
        brand_model=re.compile(
            rf"{sp}(?P<brand>[A-Z][a-zé]{{2,}}){sp}(?P<model>[A-Z]{{1,3}}-?\d{{2,4}}"
            rf"(?:-\d{{3,4}})?(?:[a-z]{{2,4}}|[A-Z]{{1,3}})?"
            rf"|\d{{3}}(?:-\d{{1,3}}|[A-Z]{{1,2}})?(?:{sp}+MAX(?:{sp}?\d{{1,2}})?)?)"
            r"(?P<plural>s)?(?![\w-])"),
        aviation_context=re.compile(rf"(?<![\w]){lex.AVIATION_CONTEXT}(?![\w])"),
        inch_mark=re.compile(r"[\"″](?![\w\"'])"),
        screen_context=re.compile(rf"(?<![\w]){lex.SCREEN_CONTEXT}(?![\w])"),
    )
