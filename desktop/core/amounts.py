"""Finding amounts in French and English text, with normalised values.

An amount is a number together with what it measures: money ("38 milliards
de dollars" → 3.8e10 USD), a percentage, a quantity with a unit ("2 GW"), a
count of things ("800 personnes") or a duration ("sept ans"). The recognizer
proposes them; the user accepts, corrects or rejects each one.

Rules the results follow (the tests and the app rely on them):

- Spans are code-point offsets into the text, sorted and non-overlapping; the
  longest reading wins. A span includes the words that qualify the number
  ("plus de", "about", "entre … et", "des centaines de") and what it measures
  ("de dollars"), but not a period around it ("over the next decade" → "the
  next decade").
- ``value`` is the number in the unit: money in the currency's main unit
  ("77 cents" → 0.77 USD, "GBX 3,150" → 31.5 GBP), a range's low end, a
  duration's number of units, percentage points as "%", basis points as
  written ("75 points de base" → 75 "bp"); an accountant's "(1,8)%" is
  negative. ``low`` and ``high`` bound ranges ("de 6 à 7 milliards",
  "between $5bn and $7bn", "5-7 %", "5 à8 ans", "from 20k up to 2M USD",
  "$4–6 million", whose first end takes the second's scale and the second
  the first's currency) and open bounds ("plus de 1 400 milliards" sets only
  ``low``, "up to" only ``high``). After a verb of change ("passé de 20 à
  25 %", "rose from 5% to 7%") the two numbers are two amounts, not a range.
- A vague quantity counts its smallest reading: "des centaines de milliers"
  is 1e5, "several billion" 2e9; it is ``approx`` with ``low`` set. "Une
  trentaine" is an approximate 30.
- ``unit``: an ISO 4217 code for money (a bare "$", "dollars", "cents" and
  Québec's "M$", "G$", "k$" take the recognizer's currency hint; "RMB" is
  CNY, "GBX" pence of GBP, a French "E" against a number or its scale is EUR:
  "2,75E", "4 210 ME"); "%" or "bp" for percentages; a unit symbol for
  quantities ("km", "t", "GW", "m³", "barrels", "barrels/day", "°C", "nmi"
  for an aircraft's "nm", "PFLOPS", "MP", "in" for '13"' about a screen);
  the counted noun, singular, for counts ("personnes" → "personne", "GPUs"
  → "GPU"; lower case unless a proper noun or acronym; maker and model for
  "40 Airbus A320"; None after a bare scale, as in "5 millions"); a unit of
  time for durations ("year", "month", "week", "day", "hour", "minute",
  "second", "decade", "century", "quarter").
- Numbers follow each language: French "1 400,5" (space, U+00A0 or U+202F
  between thousands, "2.000" too, and "13, 4 milliards" with a stray space),
  English "1,400.5" (and "250.000.000", "2,5%", and "250.000" before a
  counted noun); apostrophes group thousands in both ("1’204’550"). "milliard"
  is 1e9, a French "billion" 1e12 and an English one 1e9. "m", "k", "M", "G"
  are scales only next to a currency ("$5m", "12 M€", "5 G$", "8 312 M CAD",
  "320k euros"), before a counted noun ("2.5m households", "320k abonnés"),
  at the start of a range with a currency ("20k up to 2M USD"), or, but for
  "m", in a clause about money ("un chiffre d'affaires de 3,4 G"), which
  then takes the currency of the last money amount read, else the hint;
  elsewhere "5 m" is five metres, "5G" a network and "4K" a resolution.
- A count is a number followed by a plural noun or an acronym (English allows
  up to two words between: "74 Malaysian stores"; French one adjective before
  and one after: "processeurs graphiques"; both a partitive: "three of its
  plants", "trois de ses usines"), a maker and a model ("40 Airbus A320"),
  or in French a capitalised name ("26 Rafale"). Years, dates, times of day,
  ordinals, labels ("article 49-3", "Flight 93", "Ligue 1"), product and
  plan names ("Boeing 737 jets", "A320neo 2 moteurs", "Boeing 737 MAX 8",
  "Vision 2030"), registration numbers ("552 081 317 RCS Paris"), postcodes
  ("75002 Paris"), numbers joined to letters or other digits ("GB200",
  "2016-11-29", "2:49") and references such as "les deux entreprises" are
  not amounts; nor is a bare number with nothing it measures.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core import amount_lexicon as lex
from desktop.core.amount_lexicon import COUNT, DURATION, MONEY, PERCENT, QUANTITY
from desktop.core.amount_patterns import patterns_for
from desktop.core.amount_reader import AmountReader
from desktop.core.language import guess_language

__all__ = ["COUNT", "DURATION", "LABELS", "MONEY", "PERCENT", "QUANTITY", "Amount",
           "AmountRecognizer"]

LABELS = {MONEY: "MONEY", PERCENT: "PERCENT", QUANTITY: "QUANTITY", COUNT: "QUANTITY",
          DURATION: "DURATION"}
"""The annotation label each kind of amount is proposed under."""


@dataclass(frozen=True)
class Amount:
    """An amount found in a text.

    Attributes:
        start: first code point of the span.
        end: code point after the span.
        text: ``text[start:end]``.
        kind: "money", "percent", "quantity", "count" or "duration".
        label: the annotation label: "MONEY", "PERCENT", "QUANTITY" or "DURATION".
        value: the normalised number (a range's low end).
        low: the lower bound, for ranges and "more than"-like amounts.
        high: the upper bound, for ranges and "up to"-like amounts.
        unit: ISO 4217 code, "%", unit symbol, counted noun or unit of time.
        approx: True if the text says the number is approximate or a bound.
    """

    start: int
    end: int
    text: str
    kind: str
    label: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    approx: bool


class AmountRecognizer:
    """Finds amounts in French or English text.

    Args:
        language: "fr", "en", or "auto" (or "", as for an article imported without a
            language) to decide per text from its commonest words.
        currency_hint: the ISO code a bare "$" or "dollars" means (for a Canadian
            source, "CAD"); None means "USD".
        default_currency: the ISO code of money whose text names no currency at
            all ("un chiffre d'affaires de 3,4 Mds" before any other amount of
            money); None means the currency hint.
    """

    def __init__(self, language: str = "auto", currency_hint: str | None = None,
                 default_currency: str | None = None) -> None:
        if language not in ("auto", "", lex.FRENCH, lex.ENGLISH):
            raise ValueError(f"unsupported language {language!r}: use 'fr', 'en' or 'auto'")
        self.language = language or "auto"
        self.currency_hint = currency_hint or "USD"
        self.default_currency = default_currency or self.currency_hint

    def language_of(self, text: str) -> str:
        """The language the recognizer reads ``text`` in."""
        if self.language != "auto":
            return self.language
        return guess_language(text) or lex.ENGLISH

    def find(self, text: str) -> list[Amount]:
        """All amounts in ``text``, sorted, non-overlapping, longest reading first."""
        patterns = patterns_for(self.language_of(text))
        return [Amount(start=r.start, end=r.end, text=text[r.start:r.end], kind=r.kind,
                       label=LABELS[r.kind], value=r.value, low=r.low, high=r.high, unit=r.unit,
                       approx=r.approx)
                for r in AmountReader(text, patterns, self.currency_hint,
                                      self.default_currency).read()]
