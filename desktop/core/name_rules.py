"""How what the name model found becomes names to propose (:func:`clean_names`).

The small spaCy models find names' spans well and label them less well
(a French model trained on Wikipedia calls many companies places, the
English one calls unknown brands people), and they miss a name's other
mentions. These rules, true of news text in general, are applied to the
spans of one article:

- **Our labels.** People (PER, PERSON), organisations (ORG), places (LOC,
  GPE, FAC) and products (PRODUCT); dates, amounts, nationalities, laws,
  events and works are left out. French MISC is most often a company the
  model does not know ("OpenAI", "SoftBank"): an organisation, or a
  product when it holds a digit ("GB300").
- **The name alone.** A French elision, an English possessive, a leading
  "the" or title ("M. Ghosn"), a trailing word in lower case and stray
  punctuation are taken off; a spaced dash parts two names ("Renault -
  Nissan"). What is left must look like a name: a capital or a digit
  first, or a capital inside its first word ("eBay"); not a common word
  alone ("Selon"), nor a word the text also writes in lower case.
- **One label per name and article**, from its mentions' votes. A word
  just before or after a mention that says what it names ("la firme Adobe",
  "the Kaufland chain", "CEO Tim Cook") counts twice. A place needs more
  than half of the votes; a one-word person must be the surname of a
  person named in full in the text, or have a title before it. The form
  decides last: a last or first word such as "Group", "News", "Bank" makes
  an organisation; a model number makes a product ("A350", "Nvidia
  GB200"); a capital inside a word ("SpaceX") is a brand, never a person.
- **Every mention.** A name found once is proposed at its other mentions,
  with its short forms linked to it: a person's surname ("Ghosn" for
  Carlos Ghosn), the acronym its initials spell or that follows it in
  brackets ("AWS" for Amazon Web Services), and the first word of an
  organisation's name when the text uses it alone ("Salling" of Salling
  Group, proposed under its own name).

``tests/core/test_ner_gold.py`` measures the result on articles tagged by hand.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from db.names import canonical_name, name_key
from desktop.core.entities import EntityMatcher, Term

ORG, PERSON, PLACE, PRODUCT = "ORG", "PERSON", "PLACE", "PRODUCT"

_LABELS = {  # the models' labels, ours
    "PER": PERSON, "PERSON": PERSON,
    "ORG": ORG,
    "LOC": PLACE, "GPE": PLACE, "FAC": PLACE,
    "PRODUCT": PRODUCT,
    "MISC": ORG,  # a digit makes it a product (see _label_of)
}

# What may be trimmed around a span: elided French words, possessives, punctuation.
_ELIDED = re.compile(r"(?:[dljmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ]", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’ʼ]s?$", re.IGNORECASE)
_EDGE = " \t\n\u00a0\u202f\"'’‘“”«»()[]{}<>,;:!?.-–—/*_#|"
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&]{1,7})\)")
_WORD = re.compile(r"\w+")
# A capitalised word after a word and before one that is not capitalised ("… Salling said").
_STANDALONE = re.compile(
    r"(?<=[^.!?…\s] )(?:[dl][’'])?([A-Z][\w-]+)(?=[\s,.;:!?’')]+(?:[a-z0-9]|$)|$)")
_MODEL_NUMBER = re.compile(r"(?=\w*\d)(?=\w*[A-Za-z])\w+")
_HEAD = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)*")
_WORD_AFTER = re.compile(r"[ \u00a0]+([\w-]+)")
_WORDS_BEFORE = re.compile(r"[\w'’.-]+|[^\w\s]")
# Taken off the front of a name: English articles, titles ("the ECJ", "M. Ghosn").
_LEADING = re.compile(r"(?:the|The|THE|M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+")
# A last word in lower case is not part of a name ("AGI sur les serveurs"), save "plc".
_TRAILING_LOWER = re.compile(r"\s+([a-zà-ÿ][\w-]*)$")
# A dash between spaces joins two names ("Renault - Nissan", "Tesco — Netto").
_JOINING_DASH = re.compile(r"\s+[-–—]\s+")

CUE_WEIGHT = 2
"""How many mentions a cue word before a name is worth in the vote on its label."""

CUES = {
    **dict.fromkeys((
        "entreprise", "société", "groupe", "firme", "start-up", "startup", "filiale",
        "constructeur", "compagnie", "banque", "fonds", "agence", "quotidien", "journal",
        "chaîne", "opérateur", "éditeur", "company", "firm", "retailer", "group", "bank",
        "agency", "newspaper", "daily", "chain", "carrier", "manufacturer", "maker",
        "broadcaster", "subsidiary"), ORG),
    **dict.fromkeys((
        "application", "appli", "app", "service", "fonctionnalité", "logiciel", "jeu",
        "smartphone", "console", "fusée", "rocket", "capsule", "software", "feature",
        "game", "browser", "navigateur"), PRODUCT),
    **dict.fromkeys((
        "m.", "mme", "mlle", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
        "président", "présidente", "pdg", "ceo", "fondateur", "fondatrice", "founder",
        "president", "chairman", "chairwoman", "ministre", "minister", "administrator",
        "directeur", "directrice", "porte-parole", "spokesman", "spokeswoman", "senator",
        "sénateur", "sénatrice", "judge", "juge", "lawyer", "avocat", "avocate"), PERSON),
}
"""Words that, just before a name, say what it names (lower case)."""
_LINKS = frozenset(("de", "du", "des", "d", "of", "à", "au", "aux", "for", "pour"))
_SMALL = frozenset(("and", "et", "the", "la", "le", "les", "a", "an", "&"))
_CUES_AFTER = frozenset(word for word, label in CUES.items() if label != PERSON)
"""The same words just after a name ("the Netto chain", "the Crew Dragon capsule")."""

DESIGNATORS = frozenset((
    "group", "groupe", "inc", "corp", "corporation", "company", "co", "ltd", "limited",
    "plc", "llc", "sa", "sas", "ag", "gmbh", "nv", "bv", "spa", "holding", "holdings",
    "pictures", "studios", "productions", "partners", "network", "networks", "news",
    "services", "service", "bank", "banque", "airlines", "airways", "motors", "systems",
    "technologies",
    "university", "université", "institute", "institut", "foundation", "fondation",
    "agency", "agence", "association", "commission", "council", "conseil", "party", "parti",
))
"""Words that make a name an organisation's, first or last ("Endemol Shine Group", "Banque X")."""


@dataclass(frozen=True)
class NameSpan:
    """A name the model proposes; offsets are code points.

    Attributes:
        entity: the full name it stands for when it is a short form ("Carlos
            Ghosn" for "Ghosn", "European Court of Justice" for "ECJ"); "" otherwise.
    """

    start: int
    end: int
    text: str
    label: str
    entity: str = ""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without what surrounds the name: elision, possessive, title, punctuation."""
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        elided = _ELIDED.match(text, start, end)
        if elided and elided.end() < end:
            start = elided.end()
        leading = _LEADING.match(text, start, end)
        if leading and leading.end() < end:
            start = leading.end()
        possessive = _POSSESSIVE.search(text, start, end)
        if possessive and possessive.start() > start + 1:
            end = possessive.start()
        trailing = _TRAILING_LOWER.search(text, start, end)
        if trailing and trailing.start() > start and \
                trailing.group(1).casefold() not in DESIGNATORS:
            end = trailing.start()
        if (start, end) == before:
            return start, end


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut where a spaced dash joins two names ("Renault - Nissan")."""
    parts, at = [], start
    for dash in _JOINING_DASH.finditer(text, start, end):
        parts.append((at, dash.start()))
        at = dash.end()
    parts.append((at, end))
    return parts


def _looks_like_name(name: str, stop_words: frozenset[str]) -> bool:
    if len(name) < 2 or not any(ch.isalpha() for ch in name):
        return False
    first = _WORD.match(name)
    if first is None:
        return False
    word = first.group()
    if not (word[0].isupper() or word[0].isdigit() or any(ch.isupper() for ch in word[1:])):
        return False
    words = _WORD.findall(name)
    # A common word alone is no name ("Selon"), but an acronym may look like one ("US").
    return not (len(words) == 1 and not name.isupper() and name.casefold() in stop_words)


def _label_of(label: str, name: str) -> str | None:
    ours = _LABELS.get(label)
    if label == "MISC" and any(ch.isdigit() for ch in name):
        return PRODUCT
    return ours


def _cue(text: str, start: int, stop_words: frozenset[str]) -> str | None:
    """The label the words just before a name give it ("la firme Adobe", "CEO Tim Cook").

    The cue is the word just before, or the one before it when an adjective
    stands between ("la firme californienne Adobe"); a small word between
    ("the chain in Poland") or punctuation means there is none.
    """
    words = _WORDS_BEFORE.findall(text, max(0, start - 60), start)
    for word in reversed(words[-2:]):
        if not word[0].isalnum():
            return None  # punctuation: the words before belong to something else
        elided = _ELIDED.match(word)
        word = word[elided.end():].casefold() if elided else word.casefold()
        if word in CUES:
            return CUES[word]
        if word in stop_words or word in _LINKS or not word.isalpha():
            return None
    return None


def _cue_after(text: str, end: int) -> str | None:
    """The label a word just after a name gives it ("the Kaufland chain")."""
    following = _WORD_AFTER.match(text, end)
    if following is None:
        return None
    word = following.group(1).casefold()
    return CUES[word] if word in _CUES_AFTER else None


def _lowercase_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text) if w.islower())


def clean_names(text: str, raw: Iterable[tuple[int, int, str]],
                stop_words: frozenset[str] = frozenset()) -> list[NameSpan]:
    """What the model found, as names to propose (see the module docstring).

    Args:
        text: the whole text the offsets index.
        raw: (start, end, model label) of each span the model found.
        stop_words: the language's common words, never a name on their own.
    """
    lowercase = _lowercase_words(text)
    found: list[NameSpan] = []
    cues: dict[int, str] = {}
    groups: set[str] = set()  # what the model calls a nationality or group ("Hungarian")
    for raw_start, raw_end, model_label in raw:
        if model_label == "NORP":
            groups.add(name_key(text[raw_start:raw_end]))
        for part_start, part_end in _parts(text, raw_start, raw_end):
            start, end = _trim(text, part_start, part_end)
            name = text[start:end]
            if "\n" in name or not _looks_like_name(name, stop_words):
                continue
            if name.istitle() and " " not in name and name.casefold() in lowercase:
                continue  # written in lower case elsewhere: a common word ("Valorisé")
            label = _label_of(model_label, name)
            if label is None:
                continue
            cue = _cue(text, part_start, stop_words) or _cue_after(text, part_end)
            if cue is not None:
                cues[start] = cue
            found.append(NameSpan(start, end, name, label))
    found = _one_label_per_name(found, cues)
    return _with_other_mentions(text, found, stop_words | groups)


def _one_label_per_name(spans: list[NameSpan], cues: dict[int, str]) -> list[NameSpan]:
    """Each name takes one label for the whole text, from its mentions' votes.

    A cue word around a mention counts twice. A place needs more than half
    of the votes (the French model calls too many unknown names places); a
    one-word person must be someone's surname or have a title before it
    ("M. Ghosn", "President Trump"); then the name's form decides (:func:`_by_form`).
    """
    votes: dict[str, Counter[str]] = {}
    cued: dict[str, Counter[str]] = {}
    for span in spans:
        key = name_key(span.text)
        votes.setdefault(key, Counter())[span.label] += 1
        if span.start in cues:
            cued.setdefault(key, Counter())[cues[span.start]] += 1
            votes[key][cues[span.start]] += CUE_WEIGHT
    surnames = {name_key(s.text.split()[-1]) for s in spans
                if s.label == PERSON and len(s.text.split()) > 1}
    chosen = {}
    for key, counts in votes.items():
        ranked = [label for label, _ in counts.most_common()]
        label = ranked[0]
        if label == PLACE and 2 * counts[PLACE] <= counts.total():
            label = ranked[1]
        if label == PERSON and " " not in key and key not in surnames \
                and PERSON not in cued.get(key, ()):
            label = next((other for other in ranked if other not in (PERSON, PLACE)), ORG)
        chosen[key] = label
    for span in spans:  # what the name's own form says, whatever the votes
        key = name_key(span.text)
        chosen[key] = _by_form(span.text, chosen[key])
    return [replace(s, label=chosen[name_key(s.text)]) for s in spans]


def _by_form(name: str, label: str) -> str:
    """The label the name's form imposes: "Fox News" is an organisation, "A350" a product."""
    words = _WORD.findall(name)
    if len(words) > 1 and (words[-1].casefold() in DESIGNATORS
                           or words[0].casefold() in DESIGNATORS):
        return ORG
    if label in (PERSON, PLACE) and len(words) == 1 and any(ch.isdigit() for ch in name):
        return PRODUCT  # a model number ("A350", "GB200")
    if len(words) > 1 and _MODEL_NUMBER.fullmatch(words[-1]):
        return PRODUCT  # a maker and a model ("Nvidia GB200", "Amazon EC2")
    if label == PERSON and _inner_capital(name):
        return ORG  # a brand ("SpaceX", "UpGuard")
    return label


def _inner_capital(name: str) -> bool:
    """A capital inside a word, as brands have ("SpaceX", "eBay"); not "McDonald", "O'Neil"."""
    for word in _WORD.findall(name):
        inner = word[1:]
        if word[:2] in ("Mc",) or word[:3] in ("Mac",):
            inner = word[3:]
        if any(ch.isupper() for ch in inner) and not word.isupper():
            return True
    return False


def _with_other_mentions(text: str, spans: list[NameSpan],
                         stop_words: frozenset[str] | set[str]) -> list[NameSpan]:
    """The spans, and the other mentions of the names they found (short forms too).

    ``stop_words`` are never a short form: the language's common words, and
    the nationalities the model found ("Hungarian" of Hungarian Development Bank).
    """
    terms: list[Term] = []
    heads: set[str] = set()  # first words of organisations' names ("Salling" of "Salling Group")
    full: dict[str, str] = {}  # a surname's key → the full name
    for span in spans:
        name = canonical_name(span.text)
        words = name.split()
        if span.label == PERSON and len(words) > 1:
            surname = words[-1]
            if len(surname) > 2 and surname.casefold() not in stop_words:
                full.setdefault(name_key(surname), name)
    for span in spans:
        name = canonical_name(span.text)
        terms.append(Term(name, span.label, full.get(name_key(name), "")))
        words = name.split()
        if span.label == PERSON and len(words) > 1:
            if name_key(words[-1]) in full:
                terms.append(Term(words[-1], PERSON, full[name_key(words[-1])]))
        acronym = _ACRONYM.match(text, span.end)
        if acronym and len(words) > 1:
            terms.append(Term(acronym.group(1), span.label, name))
        initials = _initials(name)
        if initials:
            terms.append(Term(initials, span.label, name))
        first = name_key(words[0]) if words else ""
        if span.label == ORG and len(words) > 1 and _HEAD.fullmatch(words[0]) \
                and first not in stop_words and first not in DESIGNATORS:
            heads.add(words[0])
    places = {name_key(s.text) for s in spans if s.label == PLACE}
    standalone = _standalone_words(text)
    terms.extend(Term(head, ORG, "") for head in heads
                 if name_key(head) not in places and head in standalone)
    kept = _without_overlaps([replace(s, label=PERSON, entity=full[name_key(s.text)])
                              if name_key(s.text) in full and " " not in s.text else s
                              for s in spans])
    taken = _Taken()
    for span in kept:
        taken.add(span.start, span.end)
    for match in EntityMatcher(terms).find(text):
        if not match.text[:1].isupper() and not match.text[:1].isdigit():
            continue  # "poke" is not "Poke"
        if taken.overlaps(match.start, match.end):
            continue
        kept.append(NameSpan(match.start, match.end, match.text, match.label, match.entity))
        taken.add(match.start, match.end)
    kept.sort(key=lambda s: (s.start, s.end))
    return kept


def _initials(name: str) -> str:
    """The acronym a name's capitalised words spell ("AWS" for Amazon Web Services), or ""."""
    parts = [part for part in re.split(r"[\s-]+", name) if part]
    if len(parts) < 2:
        return ""
    letters = [part[0] for part in parts if part[0].isupper()]
    return "".join(letters) if len(letters) >= 2 and len(letters) == len(
        [p for p in parts if p.casefold() not in _LINKS and p.casefold() not in _SMALL]) \
        else ""


def _standalone_words(text: str) -> set[str]:
    """Capitalised words used alone: not at a sentence's start, nor followed by another."""
    return {m.group(1) for m in _STANDALONE.finditer(text)}


class _Taken:
    """Spans that do not overlap, sorted, to ask in O(log n) whether a new one would."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, end - 1) - 1  # the last span starting before end
        return i >= 0 and self._ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def _without_overlaps(spans: list[NameSpan]) -> list[NameSpan]:
    """Sorted spans, the longer kept where two overlap."""
    kept: list[NameSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start < kept[-1].end:
            if span.end - span.start > kept[-1].end - kept[-1].start:
                kept[-1] = span
            continue
        kept.append(span)
    return kept
