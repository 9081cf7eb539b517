"""The scan behind :meth:`desktop.core.amounts.AmountRecognizer.find`.

The reader walks the anchors of a text (digits and number words, see
:mod:`desktop.core.amount_patterns`) from left to right. At each one it reads a
number with its scale (:class:`_Number`), then what the number measures
(:class:`_Measure`: a currency, "%", a unit, a unit of time or a counted noun),
then whether a second number makes it a range, then the approximation words
before it. :func:`desktop.core.amount_checks.is_plausible` has the last word.
Each amount found moves the scan past its end, so results never overlap and the
longest reading wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core import amount_lexicon as lex
from desktop.core.amount_checks import is_plausible, previous_token
from desktop.core.amount_lexicon import COUNT, DURATION, MONEY, PERCENT, QUANTITY
from desktop.core.amount_numbers import (
    digits_value,
    is_counted_noun,
    scale_value,
    singular,
    token_end,
    words_value,
)
from desktop.core.amount_patterns import AmountPatterns

_SIGN_KINDS = frozenset({PERCENT, QUANTITY, MONEY})
_DIGIT_AHEAD = re.compile(r"(?:US|[A-Z]{1,3})?[$€£¥]?[ \u00a0]?(?=\d)")
_FOR_BEFORE = re.compile(r"(?i:\bfor\s+)$")
_DEFINITE_START = re.compile(r"(?i:the|this|that|la|cette|l['’])\b")
_WORD_SEPARATORS = re.compile(r"[-–—'(\[{«“\"]")
_DIRECTIONS = frozenset("nord sud est ouest north south east west".split())
_QUOTE_LOOKBACK = 2000
"""How far back a quotation that a '"' after a number may close is looked for."""
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_ACRONYM_BEFORE_DIGIT = re.compile(r"[ \u00a0\u202f]\d")
_MODEL_STOPWORDS = frozenset(
    "the and les des aux pour par avec dans sur sous entre with from into over under".split())
_ORDINAL_DETERMINERS = frozenset("le la les du au aux l' l’ son sa ses leur".split())
"""Before "2E", these make it an ordinal ("le 2E arrondissement"), not 2 euros."""
_QUOTES = "«»\"“”(["


@dataclass(frozen=True, slots=True)
class Reading:
    """An amount as the reader found it (:class:`desktop.core.amounts.Amount` adds the
    quoted text and the label)."""

    start: int
    end: int
    kind: str
    unit: str | None
    value: float
    low: float | None
    high: float | None
    approx: bool


@dataclass
class _Number:
    """A number read at one place, before knowing what it measures.

    ``start`` includes what belongs to the number before its digits (a currency
    symbol, a sign, "des" in "des centaines"); ``number_end`` is where the number
    itself ends and ``end`` where its scale ("milliards", "bn") ends. ``value`` is
    already multiplied by ``scale``. ``resume`` is where the scan goes on if the
    number turns out to measure nothing.
    """

    start: int
    digits_start: int
    number_end: int
    end: int
    value: float
    scale: float = 1.0
    scaled: bool = False
    vague: bool = False
    approx: bool = False
    currency: str | None = None
    signed: bool = False
    attached: bool = False
    plain_year: bool = False
    one_word: bool = False
    fixed: tuple[str, str] | None = None
    sign_word: bool = False
    mille: bool = False
    short_scale: bool = False
    money_context: bool = False
    resume: int = 0


@dataclass
class _Measure:
    """What follows a number: its kind, unit and where the amount ends."""

    end: int
    kind: str
    unit: str | None
    factor: float = 1.0
    extra: float = 0.0
    modifiers: int = 0


class AmountReader:
    """One pass over one text: call :meth:`read` once."""

    def __init__(self, text: str, patterns: AmountPatterns, currency_hint: str,
                 default_currency: str | None = None) -> None:
        self.text = text
        # Lower-casing U+0130 adds a code point; mapping it to "I" keeps offsets aligned.
        self.low = text.replace("\u0130", "I").lower()
        self.p = patterns
        self.lang = patterns.language
        self.hint = currency_hint
        self.default = default_currency or currency_hint
        self.floor = 0
        self.skip_to = 0
        self.range_end = False
        self.found: list[Reading] = []

    def read(self) -> list[Reading]:
        """The amounts of the text, in order."""
        pos = 0
        anchors = self.p.anchors
        while True:
            anchor = anchors.search(self.low, pos)
            if anchor is None:
                return self.found
            amount, resume = self._read(anchor.start(), anchor.end())
            if amount is not None:
                self.found.append(amount)
                self.floor = pos = amount.end
            else:
                pos = max(resume, anchor.end())

    # --- numbers -------------------------------------------------------------------------

    def _read(self, start: int, end: int) -> tuple[Reading | None, int]:
        self.skip_to = end
        if self.low[start].isdigit():
            number = self._digits(start)
        else:
            number = self._words(start, end)
        if number is None:
            return None, self.skip_to
        return self._complete(number), number.resume

    def _skip(self, resume: int) -> _Number | None:
        """No number here: the scan goes on after the digits and any "-11-29" chain they
        start. Always returns None, for ``return self._skip(...)``."""
        self.skip_to = max(self.skip_to, resume)
        return None

    def _digits(self, s: int, in_range: bool = False) -> _Number | None:
        t, p = self.text, self.p
        written = p.digits.match(t, s)
        if written is None:
            return None
        number_end = written.end()
        chain = p.chain_after.match(t, number_end)
        resume = chain.end() if chain else number_end
        prev = t[s - 1] if s else ""
        before = t[s - 2] if s > 1 else ""
        currency: str | None = None
        start = s
        if not in_range:
            if prev.isalpha() or prev == "#":
                code = p.iso_before.search(t, max(self.floor, s - 4), s)
                rupees = p.currency_before.regex.search(t, max(self.floor, s - 4), s)
                if code is None and rupees is None:
                    return self._skip(resume)
            elif prev in "-–‐" and before.isalpha():
                return self._skip(resume)
            elif prev in ".,:/-–" and before.isdigit():
                return self._skip(resume)
            elif prev == "." and before not in "€$£":
                return self._skip(resume)  # only "€.92.114.005" and "$.50" start after a point
        if chain and chain.group()[0] in "/:.":
            return self._skip(resume)
        value = digits_value(written.group(), self.lang)
        plain_year = (len(written.group()) == 4 and written.group().isdigit()
                      and 1800 <= value <= 2099)
        if p.spaced_decimal is not None and t[number_end:number_end + 1] == "," \
                and written.group().isdigit():
            decimals = p.spaced_decimal.match(t, number_end)
            if decimals is not None:  # "13, 4 milliards": a stray space after the comma
                value = float(f"{written.group()}.{decimals.group('decimals')}")
                number_end = resume = decimals.end()
                plain_year = False
        found = p.currency_before.regex.search(t, max(self.floor, s - 8), s)
        if found:
            currency, start = p.currency_before.name(found), found.start()
            if prev == "." and "." not in written.group():
                value = float("0." + written.group())  # "$.50"
        else:
            code = p.iso_before.search(t, max(self.floor, s - 6), s)
            if code:
                currency, start = code.group("code"), code.start()
                if currency in lex.CODE_ALIASES:
                    currency, factor = lex.CODE_ALIASES[currency]
                    value *= factor
        signed = False
        if currency is None and not in_range:
            sign = p.sign_before.search(t, max(self.floor, s - 7), s)
            if sign:
                signed, start = True, sign.start()
                if sign.group()[0] in "-−mM":
                    value = -value
        if currency == lex.HINT:
            currency = self.hint
        if p.ordinal_after.match(t, number_end):
            return self._skip(resume)
        if prev == "(" and currency is None and t[number_end:number_end + 1] == ")" \
                and p.percent.match(t, number_end + 1):
            value, start, number_end = -value, s - 1, number_end + 1  # "(1,8)%" is negative
        number = _Number(start=start, digits_start=s, number_end=number_end, end=number_end,
                         value=value, currency=currency, signed=signed, plain_year=plain_year,
                         sign_word=signed and t[start].isalpha(), resume=resume)
        self._scale(number)
        number.plain_year = plain_year and not number.scaled
        number.attached = number.end == number_end and t[number_end:number_end + 1].isalpha()
        return number

    def _scale(self, number: _Number) -> None:
        """Reads a scale after the number ("milliards", "bn", the "M" of "M€")."""
        t, p = self.text, self.p
        for _ in range(2):
            found = p.scale.match(t, number.end)
            if found is None:
                return
            letter = found.group("letter")
            if found.group("word"):
                factor = scale_value(found.group("word"), self.lang)
            elif found.group("abbr"):
                factor = lex.SCALE_ABBREVIATIONS[found.group("abbr")]
                number.short_scale = True
            elif self._letter_is_scale(number, letter, found.start("letter"), found.end()):
                factor = lex.CURRENCY_SCALE_LETTERS[letter]
                number.short_scale = True
            else:
                return
            if factor is None:
                return
            number.value *= factor
            number.scale *= factor
            number.scaled = True
            number.mille = found.group().strip().lower() == "mille"
            number.end = found.end()

    def _letter_is_scale(self, number: _Number, letter: str, at: int, end: int) -> bool:
        """True if the letter after a number is a scale ("k", "M", "G"): next to a currency
        ("$5m", "12 M€", "8 312 M CAD", "4 210 ME"), before a counted noun ("2.5m
        households", "320k abonnés"), at the start of a range whose other end has a
        currency ("from 20k up to 2M USD"), or in a clause about money ("un chiffre
        d'affaires de 3,4 G")."""
        t, p = self.text, self.p
        if number.currency or p.currency_symbol_next.match(t, end) \
                or p.glued_currency.match(t, end) or p.currency_after.regex.match(t, end):
            return True
        english = self.lang == lex.ENGLISH
        attached = at == number.end
        if (letter in "mk" and english) or (attached and letter in ("kMB" if english else "kM")):
            if self._noun_follows(end):
                return True
        if p.letter_range_ahead.match(t, end):
            return True
        if letter == "m" or (letter == "b" and not english) or (attached and letter in "GK"):
            return False  # "5 m" is five metres; "5G" a network, "4K" a resolution
        if self._money_context(number.start):
            number.money_context = True
            return True
        return False

    def _money_context(self, start: int) -> bool:
        """True if the sentence just before ``start`` speaks of money: a word such as
        "revenue" or "budget", or an amount of money ("12 M€, dont 3,4 M")."""
        begin = max(0, start - lex.MONEY_CONTEXT_SPAN)
        window = self.text[begin:start]
        cut = begin + max(window.rfind(". "), window.rfind(";"), window.rfind("\n")) + 1
        if self.found and self.found[-1].kind == MONEY and self.found[-1].end > cut:
            return True
        return self.p.money_context.search(self.text, cut, start) is not None

    def _noun_follows(self, at: int) -> bool:
        """True if a counted noun follows ("2.5m households"), so "m" means million."""
        found = self.p.space_word.match(self.text, at)
        return (found is not None and found.start("word") > at
                and is_counted_noun(found.group("word"), self.lang)
                and self.p.unit.regex.match(self.text, at) is None
                and self.p.duration.regex.match(self.text, at) is None)

    def _words(self, s: int, e: int) -> _Number | None:
        """A number at a word anchor: a collective, a unit of time, a scale after an
        article ("a million") or a spelled-out number ("trente-huit")."""
        word = self.low[s:e]
        if word in lex.COLLECTIVE_PLURALS[self.lang]:
            return self._collective(s, e, word)
        if word in lex.COLLECTIVE_SINGULARS[self.lang]:
            return self._singular_collective(s, e, word)
        if word in ("décennie", "decade"):
            found = self.p.decade_before.search(self.low, max(self.floor, s - 40), s)
            return self._unit_of_time(found.start(), e, 1.0, "decade") if found else None
        if word in ("siècle", "century", "demi-siècle"):
            return self._century(s, e, word)
        if word in lex.FRACTION_OF_A_POINT:
            return _Number(start=s, digits_start=s, number_end=e, end=e,
                           value=lex.FRACTION_OF_A_POINT[word], fixed=(PERCENT, "%"), resume=e)
        if word in lex.SCALE_WORDS[self.lang] or word == "hundred":
            number = self._determined_scale(s, e, word)
            if number is not None or word in lex.BIG_SCALES:
                return number
        return self._spelled(s)

    def _determined_scale(self, s: int, e: int, word: str) -> _Number | None:
        """"a million", "un milliard", "half a million", "several billion", "a hundred"."""
        one = self.p.one_before.search(self.text, max(self.floor, s - 12), s)
        several = self.p.vague_before.search(self.text, max(self.floor, s - 12), s)
        if one is not None:
            found, factor, vague = one, 0.5 if one.group("half") else 1.0, False
        elif several is not None and several.group("several"):
            found, factor, vague = several, lex.SEVERAL, True
        else:
            return None
        number = _Number(start=found.start(), digits_start=s, number_end=s, end=s,
                         value=factor, vague=vague, approx=vague, resume=e)
        if word == "hundred":
            number.value *= 100.0
            number.end = number.number_end = e
        else:
            self._scale(number)
        return number

    def _spelled(self, s: int) -> _Number | None:
        """A number written in words, read by text2num ("trente-huit", "four and a half")."""
        phrase = self.p.number_words.match(self.low, s)
        if phrase is None:
            return None
        read = words_value(phrase.group(), self.lang)
        if read is None:
            return None
        value, count = read
        end = s + token_end(phrase.group(), count)
        read_words = self.low[s:end]
        number = _Number(start=s, digits_start=s, number_end=end, end=end, value=value,
                         one_word=read_words in lex.ONE_WORDS[self.lang],
                         scaled=any(w in lex.BIG_SCALES for w in read_words.split()),
                         resume=end)
        if self.lang == lex.ENGLISH and (half := self.p.half_after.match(self.low, end)):
            number.value += 0.5
            number.end = number.number_end = half.end()
        self._scale(number)
        return number

    def _collective(self, s: int, e: int, word: str) -> _Number | None:
        """"des centaines de milliers", "hundreds of thousands": vague, at least the collective."""
        t, p = self.text, self.p
        value = lex.COLLECTIVE_PLURALS[self.lang][word]
        start = s
        before = p.vague_before.search(t, max(self.floor, s - 12), s)
        if self.lang == lex.FRENCH:
            if before is None:
                return None
            start = before.start()
            if before.group("several"):
                value *= lex.SEVERAL
        elif p.collective_of.match(t, e) is None:
            return None
        elif before is not None:
            start, value = before.start(), value * lex.SEVERAL
        end = e
        while (chained := p.collective_chain.match(t, end)) is not None:
            value *= lex.COLLECTIVE_PLURALS[self.lang][chained.group("word").lower()]
            end = chained.end()
        return _Number(start=start, digits_start=s, number_end=end, end=end, value=value,
                       scaled=True, vague=True, approx=True, resume=end)

    def _singular_collective(self, s: int, e: int, word: str) -> _Number | None:
        """"une trentaine de personnes": about thirty."""
        t, p = self.text, self.p
        before = p.singular_collective_before.search(t, max(self.floor, s - 16), s)
        if before is None:
            return None
        value = lex.COLLECTIVE_SINGULARS[self.lang][word]
        end = e
        chained = p.collective_chain.match(t, end)
        if chained is not None:
            value *= lex.COLLECTIVE_PLURALS[self.lang][chained.group("word").lower()]
            end = chained.end()
        return _Number(start=before.start(), digits_start=s, number_end=end, end=end,
                       value=value, scaled=True, approx=True, resume=end)

    def _century(self, s: int, e: int, word: str) -> _Number | None:
        half = self.p.one_before.search(self.text, max(self.floor, s - 12), s)
        if word == "demi-siècle" or (half and half.group("half")):
            found = half if half else self.p.century_before.search(self.low, max(0, s - 8), s)
            start = found.start() if found else s
            return self._unit_of_time(start, e, 0.5, "century")
        found = self.p.century_before.search(self.low, max(self.floor, s - 8), s)
        return self._unit_of_time(found.start(), e, 1.0, "century") if found else None

    def _unit_of_time(self, start: int, end: int, value: float, unit: str) -> _Number:
        """A duration written without a digit ("la prochaine décennie", "a century")."""
        return _Number(start=start, digits_start=start, number_end=end, end=end, value=value,
                       one_word=True, fixed=(DURATION, unit), resume=end)

    # --- what the number measures -----------------------------------------------------------

    def _complete(self, number: _Number) -> Reading | None:
        if number.fixed is not None:
            kind, unit = number.fixed
            return self._finish(number, number.start, number.end, kind, unit, number.value)
        measure = self._measure(number)
        ranged = self._range(number, measure)
        if ranged is not None:
            return ranged
        if measure is None:
            if not number.scaled or number.attached:
                return None
            if number.short_scale and (number.money_context
                                       or self._money_context(number.start)):
                measure = _Measure(number.end, MONEY, self._running_currency())
            else:
                measure = _Measure(number.end, COUNT, None)
        if number.attached and measure.end == number.number_end:
            return None
        if measure.kind == COUNT and self.lang == lex.ENGLISH and not number.scaled \
                and _DOT_THOUSANDS.fullmatch(self.text, number.digits_start, number.number_end):
            number.value *= 1000.0  # "250.000 residents": nobody counts a fraction of one
        value = number.value * measure.factor + measure.extra
        low = value if number.vague else None
        return self._finish(number, number.start, measure.end, measure.kind, measure.unit,
                            value, low=low, modifiers=measure.modifiers)

    def _running_currency(self) -> str:
        """The currency of the last money amount found so far, else the default currency:
        what a bare "3,4 G" in a clause about money is counted in."""
        for reading in reversed(self.found):
            if reading.kind == MONEY and reading.unit:
                return reading.unit
        return self.default

    def _measure(self, number: _Number) -> _Measure | None:
        t, p, pos = self.text, self.p, number.end
        if number.currency:
            return _Measure(pos, MONEY, number.currency)
        if "E" in t[pos:pos + 2] and (euros := self._euro_letter(number, pos)) is not None:
            return _Measure(euros, MONEY, "EUR")
        if number.attached and not t[pos].isalpha():
            return None
        if pos == number.number_end and t[pos:pos + 1] in ('"', "″"):
            inches = self._inches(number, pos)
            if inches is not None:
                return inches
        percent = p.percent.match(t, pos)
        if percent and not number.one_word:
            if percent.group("basis"):
                return _Measure(percent.end(), PERCENT, "bp")
            return _Measure(percent.end(), PERCENT, "%")
        if p.point_after is not None and 0 < abs(number.value) < 2 and number.value % 1:
            point = p.point_after.match(t, pos)
            if point:
                return _Measure(point.end(), PERCENT, "%")
        linked = self._linked(number)
        for at in dict.fromkeys((pos, linked)):
            if at is None:
                continue
            money = self._currency(number, at)
            if money is not None:
                return money
            if at == pos:
                sub = p.subunit.regex.match(t, pos)
                if sub and (sub.group().strip() != lex.ATTACHED_ONLY_SUBUNIT or t[pos] == "p"):
                    unit = p.subunit.name(sub)
                    return _Measure(sub.end(), MONEY, self.hint if unit == lex.HINT else unit,
                                    factor=0.01)
            unit_match = p.unit.regex.match(t, at)
            if unit_match:
                unit = p.unit.name(unit_match)
                if unit == "nm" and self._nautical(number, unit_match.end()):
                    unit = "nmi"
                return _Measure(unit_match.end(), QUANTITY, unit)
            duration = self._duration(number, at)
            if duration is not None:
                return duration
        if number.one_word:
            return None
        if self.lang == lex.FRENCH and number.scaled and not number.mille:
            if linked is None and number.short_scale:
                linked = pos  # "320k abonnés"
            return self._count(number, linked, need_space=False)
        if linked is not None:
            return self._count(number, linked, need_space=False)
        return self._count(number, pos, need_space=True)

    def _euro_letter(self, number: _Number, pos: int) -> int | None:
        """Where a French "E" that means euros ends: after a price ("2,75E", "2,75 E"),
        against a whole number ("15E", but not an ordinal: "le 2E arrondissement") or
        against its scale ("4 210 ME", "3,2 MdsE"); None if there is none."""
        t, euro = self.text, self.p.euro_letter
        found = euro.match(t, pos) if euro is not None else None
        if found is None:
            return None
        spaced = found.end() - pos > 1
        if pos != number.number_end:
            return found.end() if number.short_scale and not spaced else None
        if "," in t[number.digits_start:number.number_end]:
            return found.end()
        _, word = previous_token(self.low, number.start)
        if spaced or word.strip(_QUOTES) in _ORDINAL_DETERMINERS:
            return None
        return found.end()

    def _inches(self, number: _Number, pos: int) -> _Measure | None:
        """'13"' for a screen or a wheel: a double quote (or ″) against the number that
        does not close a quotation opened earlier in the paragraph, unless words about
        screens stand near it. Never a height (5'2"), a bearing (52′ 16″), the end of a
        range or a chain ("1775–1917\"")."""
        t = self.text
        inches = self.p.inch_mark.match(t, pos)
        before = t[max(0, number.digits_start - 4):number.digits_start]
        if inches is None or any(ch in before for ch in "'’′°-–/") or number.value > 150:
            return None
        window = t[max(0, number.start - 60):min(len(t), inches.end() + 25)]
        if self.p.screen_context.search(window) is None:
            back = max(0, number.start - _QUOTE_LOOKBACK)
            paragraph = t.rfind("\n", back, number.start) + 1 or back
            if t[pos] == '"' and t.count('"', paragraph, number.start) % 2:
                return None
        return _Measure(inches.end(), QUANTITY, "in")

    def _linked(self, number: _Number) -> int | None:
        """Where a noun may start after "de"/"d'" (French scales) or "of" (English vagues)."""
        allowed = number.scaled if self.lang == lex.FRENCH else number.vague
        if not allowed:
            return None
        found = self.p.connector.match(self.text, number.end)
        return found.end() if found else None

    def _currency(self, number: _Number, at: int) -> _Measure | None:
        t, p = self.text, self.p
        found = p.currency_after.regex.match(t, at)
        if found is None:
            return None
        code = p.currency_after.name(found)
        if code in lex.CODE_ALIASES:
            code, factor = lex.CODE_ALIASES[code]
            return _Measure(found.end(), MONEY, code, factor=factor)
        if code == lex.HINT:
            code = self.hint
        elif code == lex.POUNDS:
            if p.pounds_weight_after.match(t, found.end()):
                return _Measure(found.end(), QUANTITY, "lb")
            code = "GBP"
        elif code == lex.LIVRES:
            if not number.scaled:
                return None
            code = "GBP"
        return _Measure(found.end(), MONEY, code)

    def _nautical(self, number: _Number, end: int) -> bool:
        """True if "nm" after this number is nautical miles: a thousand or more, or words
        about flying or the sea in the sentence ("a range of 3,500 nm")."""
        if abs(number.value) >= lex.NAUTICAL_MIN:
            return True
        window = self.text[max(0, number.start - 80):end + 40]
        return self.p.aviation_context.search(window) is not None

    def _duration(self, number: _Number, at: int) -> _Measure | None:
        t, p = self.text, self.p
        found = p.duration.regex.match(t, at)
        end = None
        if found:
            unit, end = p.duration.name(found), found.end()
            if number.one_word and found.group("adjective"):
                return None
        elif self.lang == lex.ENGLISH and at == number.end:
            found = p.hyphen_duration.regex.match(t, at)
            if found is None:
                return None
            unit, end = p.hyphen_duration.name(found), found.end()
        else:
            return None
        if unit == "hour" and (p.clock_after.match(t, end) or self._hours_of_day(number, end)
                               or (not self.range_end and p.clock_before.search(
                                   t, max(0, number.start - 16), number.start))):
            return None  # "à 22 heures", "de 9 h à 17 h": times of day
        half = p.half_after.match(t, end)
        if half:
            return _Measure(half.end(), DURATION, unit, extra=0.5)
        return _Measure(end, DURATION, unit)

    def _hours_of_day(self, number: _Number, end: int) -> bool:
        """True for opening hours, "de 9 h à 17 h" or "18 h-19 h": both ends carry the
        unit, and the range opens with "de"/"entre" or starts late in the day (a
        duration, "3 h à 5 h d'autonomie", writes small numbers)."""
        hours = self.p.hour_range_after.match(self.text, end)
        if hours is None or (number.value < 7 and self.p.range_opener_before.search(
                self.text, max(0, number.start - 10), number.start) is None):
            return False
        number.resume = max(number.resume, hours.end())  # the second hour is a time too
        return True

    def _count(self, number: _Number, at: int | None, need_space: bool) -> _Measure | None:
        if at is None:
            return None
        t, p, english = self.text, self.p, self.lang == lex.ENGLISH
        modifiers = 0
        head = None
        partitive = None
        if need_space and not number.plain_year:
            following = t[at + 1:at + 2]
            partitive = p.partitive.match(t, at) if following in "oOdD" else None
            if partitive is not None:  # "three of its plants", "trois de ses usines"
                at, need_space = partitive.end(), False
            elif following.isupper() and (model := self._brand_model(number, at)) is not None:
                return model
        for i in range(3 if english else 2):
            found = p.space_word.match(t, at)
            if found is None or (i == 0 and need_space and found.start("word") == at):
                return None
            word = found.group("word")
            lower = word.lower()
            if partitive is not None and (lower.split("-")[0] in lex.NUMBER_WORDS[self.lang]
                                          or lower in lex.COLLECTIVE_PLURALS[self.lang]):
                return None  # "two of the five bridges": the five bridges are the count
            if not english and i == 0 and lower in lex.FRENCH_PRE_NOUN_ADJECTIVES:
                modifiers += 1
            elif is_counted_noun(word, self.lang) or (
                    not english and i == 0 and number.value >= 2
                    and self._brand(word, found.end())):
                head, at = word, found.end()
                after = p.space_word.match(t, at)
                # English puts the counted noun last: "Nvidia GPUs", "graphics processors".
                if english and after is not None and after.group("word").islower() \
                        and is_counted_noun(after.group("word"), self.lang):
                    head, at = after.group("word"), after.end()
                    modifiers += 1
                break
            elif english and i < 2 and lower not in lex.ENGLISH_MODIFIER_STOPWORDS \
                    and lower not in lex.MONTHS[self.lang]:
                modifiers += 1
            else:
                return None
            at = found.end()
        if head is None:
            return None
        if _ACRONYM_BEFORE_DIGIT.match(t, at) and head.isupper():
            return None  # "737 MAX 8": a model
        if not english:
            after = p.space_word.match(t, at)
            if after and after.start("word") > at and after.group("word")[0].islower() \
                    and is_counted_noun(after.group("word"), self.lang) \
                    and p.unit.regex.match(t, at) is None \
                    and p.duration.regex.match(t, at) is None:
                at = after.end()
        return _Measure(at, COUNT, singular(head, self.lang), modifiers=modifiers)

    def _brand_model(self, number: _Number, at: int) -> _Measure | None:
        """"40 Airbus A320": a count of aircraft named by maker and model (the model number
        is not the amount); "40 Airbus A320 aircraft" counts the noun after the model."""
        t, p = self.text, self.p
        found = p.brand_model.match(t, at)
        if found is None or number.value < 1 or number.value % 1:
            return None
        brand, model = found.group("brand"), " ".join(found.group("model").split())
        lower = brand.lower()
        if lower in lex.MONTHS[self.lang] or lower in _DIRECTIONS or lower in _MODEL_STOPWORDS \
                or (model[0].isdigit() and lower not in lex.AIRCRAFT_MAKERS):
            return None
        end = at = found.end()
        for _ in range(2):  # "40 Airbus A320 aircraft", "12 F-16 fighter jets"
            after = p.space_word.match(t, at)
            if after is None or not after.group("word")[0].islower():
                break
            if is_counted_noun(after.group("word"), self.lang):
                return _Measure(after.end(), COUNT, singular(after.group("word"), self.lang),
                                modifiers=2)
            at = after.end()
        return _Measure(end, COUNT, f"{brand} {model}", modifiers=2)

    def _brand(self, word: str, end: int) -> bool:
        """A capitalised singular noun counted as a thing ("26 Rafale"), not an address
        ("10 Downing Street") or a model ("Airbus A320")."""
        if len(word) < 3 or not word[0].isupper() or not word[1:].islower() \
                or word.lower() in lex.MONTHS[self.lang] or word.lower() in _DIRECTIONS:
            return False
        following = self.p.space_word.match(self.text, end)
        if following is not None and (following.group("word")[0].isupper()
                                      or len(following.group("word")) == 1):
            return False
        return not self.text[end:end + 3].strip()[:1].isdigit()

    # --- ranges -------------------------------------------------------------------------------

    def _range(self, first: _Number, measure: _Measure | None) -> Reading | None:
        """"de 6 à 7 milliards d'euros", "between $5 and $7 billion", "5-7 %"."""
        t, p = self.text, self.p
        at = measure.end if measure else first.end
        link = p.range_connector.match(t, at)
        if link is None:
            return None
        word = " ".join(link.group().lower().replace("’", "'").split())
        opener = p.range_opener_before.search(t, max(self.floor, first.start - 10), first.start)
        paired = lex.PAIRED_CONNECTORS.get(word)
        if paired and not (opener and opener.group().strip().lower().replace("’", "'")
                           in paired):
            return None
        second = self._second(link.end())
        if second is None:
            return None
        self.range_end = True  # "de 2 à 3 heures": this "à" joins, it does not tell the time
        try:
            second_measure = self._measure(second)
        finally:
            self.range_end = False
        if second_measure is None and second.scaled and measure is None:
            second_measure = _Measure(second.end, COUNT, None)
        elif second_measure is None and second.scaled and measure is not None \
                and measure.kind == MONEY and measure.end == first.end:
            # "$4–6 million": the second end shares the first one's currency.
            second_measure = _Measure(second.end, MONEY, measure.unit)
        if second_measure is None:
            return None
        if measure is not None and measure.end > first.end and (
                measure.kind != second_measure.kind or measure.unit != second_measure.unit):
            return None
        low = first.value
        if not first.scaled and second.scaled and (measure is None or measure.end == first.end):
            low *= second.scale
        if first.currency and second.currency and first.currency != second.currency:
            return None
        low = low * second_measure.factor + second_measure.extra
        high = second.value * second_measure.factor + second_measure.extra
        if opener and opener.group().strip().lower() in ("de", "d'", "d’", "from") and \
                p.change_verb_before.search(t, max(0, opener.start() - 30), opener.start()):
            # "passée de 20 à 25 %": two values, the first taking the second's unit.
            if measure is not None and measure.end > first.end:
                return None
            return self._finish(first, first.start, first.end, second_measure.kind,
                                second_measure.unit, low)
        if not low < high:
            return None
        start = opener.start() if opener else first.start
        return self._finish(first, start, second_measure.end, second_measure.kind,
                            second_measure.unit, low, low=low, high=high,
                            modifiers=second_measure.modifiers)

    def _second(self, at: int) -> _Number | None:
        """The number after a range connector, read in place."""
        floor, self.floor = self.floor, at
        try:
            lead = _DIGIT_AHEAD.match(self.text, at)
            if lead is not None:
                return self._digits(lead.end(), in_range=True)
            anchor = self.p.anchors.match(self.low, at)
            if anchor is None or self.low[at].isdigit():
                return None
            return self._words(at, anchor.end())
        finally:
            self.floor = floor

    def _approximation(self, start: int) -> re.Match[str] | None:
        """The approximation words just before ``start`` ("plus de", "about", "~"), if any.

        The regex runs only when the word before could end such words: most numbers
        have none, and a backwards regex search costs more than a set lookup.
        """
        _, word = previous_token(self.low, start)
        word = word.replace("’", "'")
        last = word[-2:] if word.endswith("'") else _WORD_SEPARATORS.split(word)[-1]
        if last in lex.APPROX_LAST_WORDS or word[-1:] in ("~", "≈"):
            return self.p.approx_before.search(self.text, max(self.floor, start - 40), start)
        return None

    # --- the final checks --------------------------------------------------------------------

    def _finish(self, number: _Number, start: int, end: int, kind: str, unit: str | None,
                value: float, low: float | None = None, high: float | None = None,
                modifiers: int = 0) -> Reading | None:
        t = self.text
        if number.signed and (kind not in _SIGN_KINDS or (number.sign_word and kind != QUANTITY)):
            start = max(start, number.digits_start) if start == number.start else start
            value = abs(value)
            if low is not None:
                low = abs(low)
        approx = number.approx
        marker = None
        if number.fixed is None or not _DEFINITE_START.match(t, start):
            # "over the next decade" is a period, not "more than a decade".
            marker = self._approximation(start)
        if marker and kind == DURATION and marker.group().strip().lower() == "over" \
                and not _FOR_BEFORE.search(t, max(0, marker.start() - 8), marker.start()):
            marker = None  # "$1 trillion over 10 years" is a period; "for over 36 years" a bound
        if marker:
            start, approx = marker.start(), True
            if low is None and high is None:
                if marker.group("low"):
                    low = value
                elif marker.group("high"):
                    high = value
        if not is_plausible(t, self.lang, number.start, kind, unit, scaled=number.scaled,
                            plain_year=number.plain_year, modifiers=modifiers,
                            spelled_small=self.low[number.digits_start].isalpha()
                            and number.value <= 10):
            return None
        return Reading(start, end, kind, unit, value, low, high, approx)
