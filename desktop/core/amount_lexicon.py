"""Words and symbols the amount recognizer reads, per language.

Pure data: regular-expression fragments and small tables, kept apart from the
matching logic so that adding a currency or a unit is a one-line change here.
Fragments are written for the original text (case matters for symbols such as
"MW" or "M€"); word fragments that may be capitalised use ``(?i:...)``.

Each table is a tuple of ``(canonical, fragment)`` pairs, tried in order, so a
longer or more specific form must come before a shorter one ("dollars
canadiens" before "dollars", "km/h" before "km").
"""

from __future__ import annotations

FRENCH = "fr"
ENGLISH = "en"

MONEY, PERCENT, QUANTITY, COUNT, DURATION = "money", "percent", "quantity", "count", "duration"
"""The kinds of amount."""

HINT = "HINT"
"""Currency marker for a bare "$" or "dollars": the recognizer's currency hint."""

POUNDS = "POUNDS"
"""English "pounds": sterling, or a weight when followed by "of" and no scale."""

LIVRES = "LIVRES"
"""French "livres": sterling after a scale word ("4 millions de livres"), else books."""

# --- Scales --------------------------------------------------------------------------------

SCALE_WORDS = {
    FRENCH: {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
             "billion": 1e12, "billions": 1e12, "trillion": 1e18, "trillions": 1e18},
    ENGLISH: {"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
              "billions": 1e9, "trillion": 1e12, "trillions": 1e12, "crore": 1e7,
              "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "dozen": 12.0},
}
"""Scale words that may follow a number ("38 milliards", "2.6 billion")."""

SCALE_ABBREVIATIONS = {
    "Mds": 1e9, "Md": 1e9, "Mrd": 1e9, "mrd": 1e9, "mds": 1e9, "bn": 1e9, "bln": 1e9,
    "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12,
}
"""Abbreviations that mean a scale wherever they follow a number ("1.3bn", "4,5 Md€")."""

CURRENCY_SCALE_LETTERS = {"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9,
                          "G": 1e9}
"""One-letter scales read only next to a currency ("$5m", "12 M€", "5 G$", "EUR 5m"):
elsewhere "5 m" is five metres."""

# --- Number words ----------------------------------------------------------------------------

NUMBER_WORDS = {
    FRENCH: (
        "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
        "quinze seize vingt vingts trente quarante cinquante soixante septante huitante "
        "octante nonante cent cents mille million millions milliard milliards"
    ).split(),
    ENGLISH: (
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
        "eighty ninety hundred thousand million millions billion billions trillion"
    ).split(),
}
"""Words text2num reads; sequences of them form one number ("trente-huit")."""

NUMBER_JOINERS = {FRENCH: "et", ENGLISH: "and"}
"""The word that may join number words ("vingt et un", "one hundred and twenty")."""

BIG_SCALES = frozenset("million millions milliard milliards billion billions trillion "
                       "trillions".split())
"""Scales peeled off the end of a spelled-out number so each language's billion applies."""

ANCHOR_PHRASES = {
    FRENCH: ("un an", "un mois", "une semaine", "une année", "une heure"),
    ENGLISH: ("one year", "one month", "one week", "one hour"),
}
"""Durations of one unit spelled with the article, found as whole phrases."""

ONE_WORDS = {FRENCH: ("un", "une"), ENGLISH: ("a", "an", "one")}
"""Words that mean one before a scale ("un milliard", "a million")."""

HALF_PREFIXES = {FRENCH: r"(?i:un\s+demi-)", ENGLISH: r"(?i:half\s+a\s+)"}
"""What makes "million" half of one ("un demi-million", "half a million")."""

# --- Vague quantities --------------------------------------------------------------------------

COLLECTIVE_PLURALS = {
    FRENCH: {"dizaines": 10.0, "centaines": 100.0, "milliers": 1e3, "millions": 1e6,
             "milliards": 1e9},
    ENGLISH: {"tens": 10.0, "dozens": 12.0, "hundreds": 100.0, "thousands": 1e3,
              "millions": 1e6, "billions": 1e9, "trillions": 1e12},
}
"""Plural collectives: "des centaines de milliers", "hundreds of thousands". A vague
quantity's value is its smallest reading (the collective itself), kept as ``low``."""

COLLECTIVE_SINGULARS = {
    FRENCH: {"dizaine": 10.0, "douzaine": 12.0, "quinzaine": 15.0, "vingtaine": 20.0,
             "trentaine": 30.0, "quarantaine": 40.0, "cinquantaine": 50.0,
             "soixantaine": 60.0, "centaine": 100.0, "millier": 1e3},
    ENGLISH: {},
}
"""French approximate collectives: "une trentaine de personnes" ≈ 30."""

VAGUE_DETERMINERS = {
    FRENCH: r"(?i:(?P<some>des)|(?P<several>plusieurs|quelques))",
    ENGLISH: r"(?i:(?P<several>several|a\s+few|few))",
}
"""Words before a collective or a scale: "some" counts 1, "several" counts 2."""

SEVERAL = 2.0
"""The smallest number "several", "plusieurs", "quelques", "a few" can mean."""

# --- Approximations --------------------------------------------------------------------------

APPROX_MARKERS = {
    FRENCH: {
        "low": (r"un\s+peu\s+plus\s+(?:de|d['’])", r"pas\s+moins\s+(?:de|d['’])",
                r"plus\s+(?:de|d['’])", r"au\s+moins", r"au\s+minimum"),
        "high": (r"un\s+peu\s+moins\s+(?:de|d['’])", r"pas\s+plus\s+(?:de|d['’])",
                 r"moins\s+(?:de|d['’])", r"jusqu['’]\s?(?:à|a)", r"au\s+plus",
                 r"au\s+maximum"),
        "about": (r"pr[èe]s\s+(?:de|d['’])", r"environ", r"quelque", r"approximativement",
                  r"à\s+peu\s+pr[èe]s", r"aux\s+alentours\s+(?:de|d['’])",
                  r"autour\s+(?:de|d['’])", r"de\s+l['’]ordre\s+(?:de|d['’])", r"presque",
                  r"quasiment", r"env\."),
    },
    ENGLISH: {
        "low": (r"more\s+than", r"just\s+over", r"well\s+over", r"over", r"at\s+least",
                r"upwards\s+of", r"in\s+excess\s+of", r"no\s+(?:fewer|less)\s+than",
                r"not\s+less\s+than", r"north\s+of", r"above"),
        "high": (r"less\s+than", r"fewer\s+than", r"just\s+under", r"under", r"up\s+to",
                 r"at\s+most", r"as\s+(?:many|much)\s+as", r"no\s+more\s+than",
                 r"not\s+more\s+than", r"below"),
        "about": (r"about", r"around", r"nearly", r"almost", r"approximately", r"roughly",
                  r"some", r"close\s+to", r"an\s+estimated", r"approx\.?", r"circa"),
    },
}
"""Words before an amount that make it approximate; "low"/"high" also bound it."""

APPROX_SYMBOLS = r"[~≈]"

APPROX_LAST_WORDS = frozenset(
    "de d' environ quelque moins plus minimum maximum près pres approximativement presque "
    "quasiment env. à a than over least of most as under below above about around nearly "
    "almost approximately roughly some estimated approx approx. circa to".split())
"""The last word of every approximation marker above, lower case: a cheap first test."""

# --- Ranges ---------------------------------------------------------------------------------

RANGE_OPENERS = {FRENCH: r"(?i:entre|de|d['’])", ENGLISH: r"(?i:between|from)"}
_S = r"[ \u00a0\u202f]"
RANGE_CONNECTORS = {
    FRENCH: rf"(?:{_S}*[-–—]{_S}*|{_S}+(?:à|et|ou|jusqu['’]{_S}?à){_S}+|{_S}*à{_S}*(?=\d))",
    ENGLISH: rf"(?:{_S}*[-–—]{_S}*|{_S}+(?:to|and|or|up{_S}+to){_S}+|{_S}+to(?=\d))",
}
"""What joins the two ends of a range; "à" and "to" may touch the second number ("5 à8")."""

PAIRED_CONNECTORS = {"et": ("entre",), "and": ("between",), "up to": ("from",),
                     "jusqu'à": ("de", "d'")}
"""Connectors that make a range only after their opener ("entre 20 et 30", "from 20k up
to 2M USD"), with spaces and apostrophes written plainly."""

CHANGE_VERBS = {
    FRENCH: r"(?i:\b(?:pass|évolu))\w*\s+$",
    ENGLISH: r"(?i:\b(?:rose|risen|rise|rising|grew|grown|increas|climb|jump|went|gone|fell|"
             r"fallen|drop|declin|moved|expand|rais|boost|cut|lower|reduc|up|down)\w*\s+$)",
}
"""A verb just before "de"/"from" makes "de 20 à 25 %" a change, not a range."""

# --- Money ---------------------------------------------------------------------------------

CURRENCY_PREFIXES = (
    ("USD", r"US\s?\$|U\.S\.\s?\$|USD\s?\$"), ("CAD", r"C\$|CA\$|CAN\$|Can\$"),
    ("AUD", r"A\$|AU\$|AUD\$"), ("NZD", r"NZ\$"), ("HKD", r"HK\$"), ("SGD", r"S\$"),
    ("TWD", r"NT\$"), ("BRL", r"R\$"), ("MXN", r"MX\$"), (HINT, r"\$"), ("EUR", r"€"),
    ("GBP", r"£"), ("JPY", r"¥"), ("INR", r"₹|Rs\.?"), ("KRW", r"₩"), ("RUB", r"₽"),
    ("TRY", r"₺"), ("ILS", r"₪"),
)
"""Symbols written before a number ("US$1.5 billion", "€5bn", "Rs 500 crore")."""

MONEY_CONTEXT = {
    FRENCH: r"(?i:chiffre\s+d['’]affaires|budget|revenus?|recettes|b[ée]n[ée]fices?|pertes?"
            r"|co[uû]t\w*|investi\w*|dettes?|valoris\w*|valeur|financement|subventions?"
            r"|enveloppe|d[ée]penses?|capitalisation|capital|montant|somme|amende|facture"
            r"|prix|pay[ée]e?s?|vers[ée]e?s?|lev[ée]e?s?|vendu\w*|rachet\w*|EBITDA|BAIIA"
            r"|r[ée]sultat)",
    ENGLISH: r"(?i:revenues?|sales|turnover|profits?|loss(?:es)?|budget|costs?|cost|worth"
             r"|valu\w*|invest\w*|debt|funding|financing|price[ds]?|paid|pay|spen[dt]\w*"
             r"|raised?|fines?|capex|earnings|EBITDA|income|bought|sold|deal)",
}
"""Words that make a bare "3,4 G" or "120 M" an amount of money: the clause before the
number must hold one of them (within :data:`MONEY_CONTEXT_SPAN` characters)."""

MONEY_CONTEXT_SPAN = 60

ISO_CODES = (
    "USD EUR GBP CHF CAD AUD NZD JPY CNY HKD SGD SEK NOK DKK PLN CZK HUF RUB INR BRL ZAR KRW "
    "MXN TRY ILS AED SAR TWD XOF XAF"
).split()
"""ISO 4217 codes read before or after a number ("CHF 10", "238,10 USD", "SEK9 million")."""

CODE_ALIASES = {"RMB": ("CNY", 1.0), "Rmb": ("CNY", 1.0), "GBX": ("GBP", 0.01),
                "GBp": ("GBP", 0.01)}
"""Other codes markets write, with the ISO code and the factor to its main unit:
"RMB2,340 million" is in yuan, "GBX 3,150" in pence (31.50 GBP)."""

EURO_LETTER = "E"
"""French shorthand for euros, written against the number or its scale ("2,75E", "15E",
"4 210 ME" for millions of euros), or after a price ("2,75 E"); "la classe 2 E" and
"le 2E arrondissement" are left alone."""

CURRENCY_SUFFIXES = {
    FRENCH: (
        ("USD", r"(?i:dollars?\s+(?:US|am[ée]ricains?|des\s+[ÉE]tats-Unis))\b|\$\s?US\b|US\s?\$"),
        ("CAD", r"(?i:dollars?\s+(?:canadiens?|CA|CAN)\b)|\$\s?(?:CA|CAN|can)\b"),
        ("AUD", r"(?i:dollars?\s+australiens?)\b|\$\s?AU\b"),
        ("NZD", r"(?i:dollars?\s+n[ée]o-z[ée]landais)\b"),
        ("HKD", r"(?i:dollars?\s+(?:de\s+Hong[- ]Kong|hongkongais))\b"),
        ("SGD", r"(?i:dollars?\s+(?:de\s+Singapour|singapouriens?))\b"),
        ("TWD", r"(?i:dollars?\s+(?:ta[ïi]wanais|de\s+Ta[ïi]wan))\b"),
        (HINT, r"(?i:dollars?)\b|\$"),
        ("EUR", r"(?i:euros?)\b|€"),
        ("TRY", r"(?i:(?:livres?|lires?)\s+turques?)\b"),
        ("EGP", r"(?i:livres?\s+[ée]gyptiennes?)\b"),
        ("GBP", r"(?i:livres?\s+(?:sterling|britanniques?))\b|£"),
        (LIVRES, r"(?i:livres)\b"),
        ("CHF", r"(?i:francs?\s+suisses?)\b"),
        ("XOF", r"(?i:francs?\s+CFA)\b"),
        ("JPY", r"(?i:yens?)\b|¥"),
        ("CNY", r"(?i:yuans?(?:\s+renminbi)?|renminbis?)\b"),
        ("INR", r"(?i:roupies?(?:\s+indiennes?)?)\b|₹"),
        ("RUB", r"(?i:roubles?(?:\s+russes?)?)\b|₽"),
        ("DKK", r"(?i:couronnes?\s+danoises?)\b"),
        ("NOK", r"(?i:couronnes?\s+norv[ée]giennes?)\b"),
        ("CZK", r"(?i:couronnes?\s+tch[èe]ques?)\b"),
        ("ISK", r"(?i:couronnes?\s+islandaises?)\b"),
        ("SEK", r"(?i:couronnes?(?:\s+su[ée]doises?)?)\b"),
        ("PLN", r"(?i:z[lł]otys?)\b"),
        ("HUF", r"(?i:forints?)\b"),
        ("BRL", r"(?i:r[ée]als|reais)\b"),
        ("ARS", r"(?i:pesos?\s+argentins?)\b"),
        ("MXN", r"(?i:pesos?(?:\s+mexicains?)?)\b"),
        ("ZAR", r"(?i:rands?)\b"),
        ("KRW", r"(?i:wons)\b|₩"),
        ("DZD", r"(?i:dinars?\s+alg[ée]riens?)\b"),
        ("TND", r"(?i:dinars?\s+tunisiens?)\b"),
        ("AED", r"(?i:dirhams?\s+(?:[ée]miratis|des\s+[ÉE]mirats))\b"),
        ("MAD", r"(?i:dirhams?(?:\s+marocains?)?)\b"),
        ("SAR", r"(?i:riyals?(?:\s+saoudiens?)?)\b"),
        ("ILS", r"(?i:shekels?|sh[ée]kels?)\b|₪"),
        ("UAH", r"(?i:hryvnias?)\b"),
        ("NGN", r"(?i:nairas?)\b"),
        ("BTC", r"(?i:bitcoins?)\b"),
    ),
    ENGLISH: (
        ("USD", r"(?i:(?:US|U\.S\.|American|United\s+States)\s+dollars?)\b|\$\s?US\b|US\s?\$"),
        ("CAD", r"(?i:Canadian\s+dollars?)\b"),
        ("AUD", r"(?i:Australian\s+dollars?)\b"),
        ("NZD", r"(?i:New\s+Zealand\s+dollars?)\b"),
        ("HKD", r"(?i:Hong\s+Kong\s+dollars?)\b"),
        ("SGD", r"(?i:Singapore(?:an)?\s+dollars?)\b"),
        ("TWD", r"(?i:(?:New\s+)?Taiwan(?:ese)?\s+dollars?)\b"),
        (HINT, r"(?i:-?dollars?)\b|\$"),
        ("EUR", r"(?i:-?euros?)\b|€"),
        ("EGP", r"(?i:Egyptian\s+pounds?)\b"),
        ("GBP", r"(?i:(?:pounds?|quid)\s+sterling|British\s+pounds?)\b|£"),
        (POUNDS, r"(?i:pounds?)\b"),
        ("CHF", r"(?i:Swiss\s+francs?)\b"),
        ("XOF", r"(?i:CFA\s+francs?)\b"),
        ("JPY", r"(?i:(?:Japanese\s+)?yen)\b|¥"),
        ("CNY", r"(?i:(?:Chinese\s+)?(?:yuan|renminbi))\b"),
        ("INR", r"(?i:(?:Indian\s+)?rupees?)\b|₹"),
        ("RUB", r"(?i:(?:Russian\s+)?r[ou]u?bles?)\b|₽"),
        ("SEK", r"(?i:(?:Swedish\s+)?kron(?:or|a))\b"),
        ("DKK", r"(?i:Danish\s+kron(?:er|e))\b"),
        ("NOK", r"(?i:(?:Norwegian\s+)?kroner)\b"),
        ("PLN", r"(?i:(?:Polish\s+)?z[lł]otys?)\b"),
        ("HUF", r"(?i:(?:Hungarian\s+)?forints?)\b"),
        ("BRL", r"(?i:(?:Brazilian\s+)?reais|Brazilian\s+reals?)\b"),
        ("ARS", r"(?i:Argentine\s+pesos?)\b"),
        ("MXN", r"(?i:(?:Mexican\s+)?pesos?)\b"),
        ("ZAR", r"(?i:(?:South\s+African\s+)?rand)\b"),
        ("KRW", r"(?i:(?:South\s+)?Korean\s+won)\b|₩"),
        ("TRY", r"(?i:(?:Turkish\s+)?lira)\b"),
        ("ILS", r"(?i:(?:Israeli\s+)?shekels?)\b|₪"),
        ("SAR", r"(?i:(?:Saudi\s+)?riyals?)\b"),
        ("AED", r"(?i:(?:UAE\s+|Emirati\s+)?dirhams?)\b"),
        ("NGN", r"(?i:(?:Nigerian\s+)?naira)\b"),
        ("BTC", r"(?i:bitcoins?)\b"),
    ),
}
"""Currencies written after a number, first match wins."""

SUBUNITS = {
    FRENCH: (("EUR", r"(?i:centimes?(?:\s+d['’]euros?)?)\b"),
             (HINT, r"(?i:cents?(?:\s+de\s+dollars?)?)\b|¢")),
    ENGLISH: ((HINT, r"(?i:cents?)\b|¢"), ("GBP", r"(?i:pence)\b|p(?![\w'’])")),
}
"""Hundredths of a currency ("80 centimes", "77 cents", "50p")."""

ATTACHED_ONLY_SUBUNIT = "p"
""""p" for pence counts only written against the number ("50p")."""

# --- Percentages ----------------------------------------------------------------------------

PERCENT_FORMS = {
    FRENCH: r"%|(?i:pour[- \u00a0\u202f]?cent|pourcent|points?\s+de\s+pourcentage)\b"
            r"|p\.[ \u00a0\u202f]?100\b"
            r"|(?P<basis>(?i:points?\s+de\s+base)\b|pb\b|bps?\b)",
    ENGLISH: r"%|(?i:per[- \u00a0\u202f]?cent|percentage\s+points?|pct)\b|pc\b|p\.c\."
             r"|(?P<basis>(?i:basis\s+points?)\b|bps?\b)",
}
"""Percentages and percentage points (both "%"; Canadian "p. 100" and "p.c." too), and
basis points ("bp": "75 points de base" is 75 bp, as the text says, not 0.75 %)."""

FRACTION_OF_A_POINT = {"half a percentage point": 0.5, "a quarter of a percentage point": 0.25,
                       "un demi-point": 0.5, "un quart de point": 0.25}
"""Percentage points written without a digit."""

SIGN_WORDS = {FRENCH: r"(?i:moins)", ENGLISH: r"(?i:minus)"}
"""A minus written as a word ("minus 20 degrees"); read for quantities only."""

# --- Quantities -----------------------------------------------------------------------------

_M = r"(?i:m[eè]tres?|meters?|metres?)"
_KM = r"(?i:kilom[eè]tres?|kilometers?|kilometres?)"

UNITS = (
    ("light-year", r"(?i:ann[ée]es?[- ]lumi[eè]re|light[- ]years?)\b"),
    ("barrels/day", r"(?i:(?:barrels?|barils?)(?:\s+of\s+oil)?\s*(?:per\s+day|a\s+day|/day|"
                    r"par\s+jour|/jour|/j))\b|(?i:bpd|b/d)\b"),
    ("barrels", r"(?i:barrels?|barils?)\b"),
    ("km/h", r"km/h\b|km/hr?\b|kmh\b|" + _KM + r"(?:\s+par\s+heure|\s+à\s+l['’]heure|/h|"
             r"/heure|\s+per\s+hour|\s+an\s+hour)\b"),
    ("mph", r"mph\b|(?i:miles?\s+(?:per|an)\s+hour)\b"),
    ("kn", r"(?i:n[œo]e?uds|knots)\b"),
    ("µg/m³", r"[µμ]g/m[3³]"),
    ("km²", r"km²|km2\b|(?i:kilom[eè]tres?\s+carr[ée]s|square\s+(?:kilometers?|kilometres?))\b"),
    ("m²", r"m²|m2\b|(?i:m[eè]tres?\s+carr[ée]s|square\s+(?:meters?|metres?))\b"),
    ("mi²", r"(?i:square\s+miles?|milles?\s+carr[ée]s)\b"),
    ("ft²", r"(?i:square\s+(?:feet|foot)|pieds?\s+carr[ée]s)\b"),
    ("km³", r"km³|km3\b|(?i:cubic\s+(?:kilometers?|kilometres?)|kilom[eè]tres?\s+cubes)\b"),
    ("m³", r"m³|m3\b|(?i:cubic\s+(?:meters?|metres?)|m[eè]tres?\s+cubes)\b"),
    ("ft³", r"(?i:cubic\s+(?:feet|foot))\b"),
    ("GWh", r"GWh\b|(?i:gigawatts?[- ]?(?:heures?|hours?))\b"),
    ("MWh", r"MWh\b|(?i:m[ée]gawatts?[- ]?(?:heures?|hours?))\b"),
    ("kWh", r"kWh\b|(?i:kilowatts?[- ]?(?:heures?|hours?))\b"),
    ("TWh", r"TWh\b|(?i:t[ée]rawatts?[- ]?(?:heures?|hours?))\b"),
    ("GW", r"GW\b|(?i:gigawatts?)\b"),
    ("MW", r"MW\b|(?i:m[ée]gawatts?)\b"),
    ("kW", r"kW\b|(?i:kilowatts?)\b"),
    ("TW", r"TW\b|(?i:t[ée]rawatts?)\b"),
    ("Mt", r"Mt\b|(?i:m[ée]gatonnes?|megatons?)\b"),
    ("Gt", r"Gt\b|(?i:gigatonnes?)\b"),
    ("t", r"t(?![\w'’])|(?i:tonnes?|(?:metric\s+)?tons?)\b"),
    ("kg", r"kg\b|(?i:kilos?|kilogrammes?|kilograms?)\b"),
    ("mg", r"mg\b|(?i:milligrammes?|milligrams?)\b"),
    ("g", r"g(?![\w'’])|(?i:grammes?|grams?)\b"),
    ("lb", r"lbs?\b\.?"),
    ("oz", r"oz\b|(?i:ounces?|onces?)\b"),
    ("ct", r"(?i:carats?)\b"),
    ("nmi", r"(?i:nautical\s+miles?|milles?\s+(?:nautiques|marins))\b|nmi\b|NM\b"),
    ("km", r"km\b|" + _KM + r"\b"),
    ("cm", r"cm\b|(?i:centim[eè]tres?|centimeters?|centimetres?)\b"),
    ("mm", r"mm\b|(?i:millim[eè]tres?|millimeters?|millimetres?)\b"),
    ("µm", r"[µμ]m\b|(?i:microns?|microm[eè]tres?|micrometers?)\b"),
    ("nm", r"nm\b|(?i:nanom[eè]tres?|nanometers?|nanometres?)\b"),
    ("m", r"m(?![\w'’²³/])|" + _M + r"\b"),
    ("mi", r"(?i:miles?|milles)\b"),
    ("ft", r"ft\b|(?i:feet|foot|pieds)\b"),
    ("in", r"(?i:inches|inch|pouces)\b"),
    ("yd", r"(?i:yards?)\b"),
    ("ha", r"ha\b|(?i:hectares?)\b"),
    ("acre", r"(?i:acres?)\b"),
    ("gal", r"(?i:(?:U\.S\.\s+|US\s+|imperial\s+)?gallons?)\b"),
    ("hL", r"h[lL]\b|(?i:hectolitres?|hectoliters?)\b"),
    ("mL", r"m[lL]\b|(?i:millilitres?|milliliters?)\b"),
    ("L", r"(?i:litres?|liters?)\b"),
    ("°C", r"°\s?C\b|(?i:degr[ée]s?\s+(?:Celsius|C)|degrees?\s+(?:Celsius|C))\b"),
    ("°F", r"°\s?F\b|(?i:degr[ée]s?\s+Fahrenheit|degrees?\s+(?:Fahrenheit|F))\b"),
    ("°", r"°|(?i:degr[ée]s|degrees)\b"),
    ("GHz", r"GHz\b"), ("MHz", r"MHz\b"), ("kHz", r"kHz\b"), ("Hz", r"Hz\b"),
    ("Gbit/s", r"Gb(?:it)?/s|Gbps\b"), ("Mbit/s", r"Mb(?:it)?/s|Mbps\b"),
    ("EFLOPS", r"(?i:exa-?flops?|EFLOPS?)(?:/s)?\b"),
    ("PFLOPS", r"(?i:p[ée]ta-?flops?|PFLOPS?)(?:/s)?\b"),
    ("TFLOPS", r"(?i:t[ée]ra-?flops?|TFLOPS?)(?:/s)?\b"),
    ("GFLOPS", r"(?i:giga-?flops?|GFLOPS?)(?:/s)?\b"),
    ("MP", r"(?i:m[ée]ga-?pixels?)\b|MP\b|Mpx\b"),
    ("PB", r"PB\b|(?i:p[ée]ta(?:octets|bytes?))\b"),
    ("TB", r"TB\b|(?i:t[ée]ra(?:octets|bytes?))\b"),
    ("GB", r"GB\b|(?i:giga(?:octets|bytes?))\b"),
    ("MB", r"MB\b|(?i:m[ée]ga(?:octets|bytes?))\b"),
    ("kB", r"[kK]B\b|(?i:kilo(?:octets|bytes?))\b"),
    ("ppm", r"ppm\b"),
    ("mAh", r"mAh\b"),
)
"""Units of measure in both languages, canonical symbol first."""

AVIATION_CONTEXT = (r"(?i:range|autonomie|rayon\s+d['’]action|franchissable|flight|vol|vols"
                    r"|aircraft|avions?|jets?|airliners?|appareils?|port[ée]e|nautical"
                    r"|nautiques|fly|flies|flew|voler|vole|cruise|croisi[èe]re|miles?|"
                    r"airbus|boeing|embraer|bombardier|sea|mer|ship|navire|bateau|coast"
                    r"|c[ôo]tes?|offshore|large)")
"""Words near "nm" that make it nautical miles (an aircraft's range), not nanometres."""

SCREEN_CONTEXT = (r"(?i:screens?|displays?|[ée]crans?|inch(?:es)?|pouces?|TV|t[ée]l[ée]\w*"
                  r"|monitors?|moniteurs?|laptops?|portables?|notebooks?|MacBook\w*|iPad\w*"
                  r"|tablets?|tablettes?|wheels?|roues?|jantes?|diagonale|diagonal|PC)")
"""Words near '13"' that make the double quote an inch mark rather than a closing quote."""

AIRCRAFT_MAKERS = frozenset(
    "airbus boeing embraer bombardier cessna tupolev antonov ilyushin iliouchine sukhoi "
    "mcdonnell lockheed dassault comac atr saab".split())
"""Makers whose models are bare numbers ("40 Boeing 737"); models with letters ("Airbus
A320", "Nvidia H100") follow any capitalised name."""

NAUTICAL_MIN = 1000.0
"""From this value on, "nm" is read as nautical miles whatever the context: a length of a
thousand nanometres or more is written in micrometres."""

FRENCH_ONLY_UNITS = (("TB", r"To\b"), ("GB", r"Go\b"), ("MB", r"Mo\b"), ("kB", r"Ko\b"))
"""French byte symbols that would be words in English ("To", "Go")."""

# --- Durations ---------------------------------------------------------------------------------

DURATIONS = {
    FRENCH: (("year", r"ans?|ann[ée]es?"), ("month", r"mois"), ("week", r"semaines?"),
             ("day", r"jours?|journ[ée]es?"), ("hour", r"heures?|h"),
             ("minute", r"minutes?|min"), ("second", r"secondes?"),
             ("decade", r"d[ée]cennies?"), ("century", r"si[èe]cles?"),
             ("quarter", r"trimestres?")),
    ENGLISH: (("year", r"years?|yrs?"), ("month", r"months?"), ("week", r"weeks?"),
              ("day", r"days?"), ("hour", r"hours?|hrs?"), ("minute", r"minutes?|mins?"),
              ("second", r"seconds?|secs?"), ("decade", r"decades?"),
              ("century", r"century|centuries")),
}
"""Units of time, all read case-insensitively."""

DURATION_ADJECTIVES = {
    FRENCH: r"(?i:derni[èe]res?|derniers|premi[èe]res?|premiers|prochaines?|prochains|longues?"
            r"|longs|bonnes?|bons|pleines?|pleins)",
    ENGLISH: r"(?i:consecutive|straight|successive|long|full|more|additional|further|"
             r"remaining|short|extra|whole)",
}
"""Words allowed between a number and its unit of time ("22 consecutive months")."""

HALF_AFTER = {FRENCH: r"(?i:\s+et\s+demie?)\b", ENGLISH: r"(?i:\s+and\s+a\s+half)\b"}

CLOCK_BEFORE = {
    FRENCH: r"(?i:\b(?:à|vers|dès|avant|il\s+est)\s*$)",
    ENGLISH: r"(?i:\b(?:at|by|until|till|before)\s*$)",
}
"""Words before "22 heures" that make it a time of day, not a duration."""

CLOCK_AFTER = (r"(?i:[ \u00a0\u202f]*(?:\d|du\s+(?:matin|soir)|de\s+l['’]apr[èe]s-midi"
               r"|heure\s+locale|\(heure|GMT|UTC|HNE|HAE|a\.?m\.?|p\.?m\.?))")

DECADE_BEFORE = {
    FRENCH: r"(?i:\b(?:la|une|cette|l['’])\s+(?:(?:prochaine|derni[èe]re|pr[ée]c[ée]dente|"
            r"nouvelle|m[êe]me|premi[èe]re)\s+)?$)",
    ENGLISH: r"(?i:\b(?:the|a|this|that|one)\s+(?:(?:next|past|last|coming|previous|whole|entire|"
             r"following|first|same)\s+)?$)",
}
"""What makes a lone "décennie" or "decade" mean one decade ("la prochaine décennie")."""

CENTURY_BEFORE = {FRENCH: r"(?i:\b(?:un|demi-)\s*$)", ENGLISH: r"(?i:\b(?:a|one)\s+$)"}

# --- Counts ------------------------------------------------------------------------------------

IRREGULAR_PLURALS = {
    ENGLISH: {"people": "person", "men": "man", "women": "woman", "children": "child",
              "staff": "staff", "personnel": "personnel", "police": "police",
              "aircraft": "aircraft", "cattle": "cattle", "sheep": "sheep", "fish": "fish",
              "deer": "deer", "teeth": "tooth", "mice": "mouse", "geese": "goose",
              "species": "species", "series": "series", "crew": "crew", "offspring":
              "offspring", "livestock": "livestock"},
    FRENCH: {"gens": "gens", "travaux": "travail", "yeux": "œil", "messieurs": "monsieur",
             "mesdames": "madame", "personnel": "personnel"},
}
"""Counted nouns that are plural without an "s", and their singular."""

INVARIABLE_NOUNS = {
    FRENCH: frozenset(
        "pays prix voix choix croix corps bras temps poids bois avis procès succès accès cours "
        "concours discours secours virus campus bus autobus fils souris repas tapis jus gaz nez "
        "os colis débris enclos puits remords mets relais refus rubis abus excès progrès "
        "palais matelas verglas lilas cas héros taux époux remous dos".split()),
    ENGLISH: frozenset("news means species series headquarters".split()),
}
"""Nouns ending in s or x that are the same in the singular."""

NOT_COUNTED = {
    FRENCH: frozenset(
        "les des ses mes tes nos vos leurs ces aux plus moins dans sous sans vers après depuis "
        "alors puis très tous toutes jamais toujours parfois ailleurs plusieurs certains "
        "certaines quelques autres fois mais ainsi dont donc lors selon parmi chez pour par "
        "sur avec entre contre avant pendant jusqu tandis assez trop beaucoup peu mois ans "
        "jours heures fin début mars janvier février avril mai juin juillet août septembre "
        "octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche "
        "premiers premières derniers dernières prochains prochaines suivants suivantes "
        "précédents précédentes uns unes avons sommes êtes étions serons aurons allons "
        "pouvons devons faisons vais fais suis peux veux dois sais vois crois prends mets "
        "tiers quarts moitiés centièmes dixièmes millièmes reprises rangs voire aussi "
        "chiffres bis ter quater".split()),
    ENGLISH: frozenset(
        "this his hers its is was has does says seems remains means makes takes gets goes "
        "comes gives shows needs wants looks yes us as thus plus minus versus across always "
        "perhaps unless whereas besides towards afterwards sometimes less others ones times "
        "percent quarters thirds fifths halves tenths hundredths thousandths hours years days "
        "weeks months minutes seconds decades centuries ours yours theirs miss kiss".split()),
}
"""Words ending like plurals that never name what is counted."""

UNCOUNTED_ACRONYMS = frozenset(
    "AM PM EST EDT CST CDT PST PDT MST MDT GMT UTC CET CEST BST HNE HAE ET PT CT JST KST IST "
    "SGT ICT MMT BRT ACST HAST AEST AEDT NZST RCS SIREN SIRET RCSB NAF APE TVA".split())
"""All-capital words after a number that are time zones, clock marks or registers ("552 081
317 RCS Paris": a company's registration number), not things."""

FRENCH_PRE_NOUN_ADJECTIVES = frozenset(
    "nouveaux nouvelles autres grands grandes petits petites jeunes vieux anciens anciennes "
    "seuls seules principaux principales premiers premières derniers dernières prochains "
    "prochaines gros grosses vrais vraies bons bonnes hauts hautes".split())
"""French adjectives that come before the noun they qualify ("10 nouveaux postes")."""

ENGLISH_MODIFIER_STOPWORDS = frozenset(
    "the a an of and or to in on at by for from with as is was are were be been being has have "
    "had do does did will would can could may might shall should not no but if than that "
    "which who whom whose this these those it its he she they we you i me him her them us our "
    "your their my there here then so per each every all any some more most such only also "
    "just over under about after before into out up down off again new".split()) - {"more",
                                                                               "new"}
"""Words that cannot stand between a number and the counted noun in English."""

LABEL_WORDS = frozenset(
    "n° no no. nº numéro numero number nr num # article articles section sections chapter "
    "chapitre room salle version v page p route highway interstate flight vol liste list "
    "category catégorie amendment amendement décret decree loi level niveau phase step étape "
    "episode épisode saison season round tome volume line ligne gate stage acte act bill "
    "proposition résolution resolution class classe terminal expedition alinéa paragraphe "
    "paragraph annexe annex figure fig tableau table item point division groupe group "
    "circonscription district zone secteur sector quai platform porte siren siret rcs "
    "tva vat ligue league liga serie formula formule".split())
"""Words before a number that make it a label ("article 49-3", "Flight 93")."""

YEAR_CONTEXT = frozenset(
    "the in of since by from to until en de depuis fin début mi l'an an année année' class "
    "saison season édition edition during pendant before after avant après jusqu'en dès "
    "vers around circa early late mid spring summer autumn fall winter printemps été automne "
    "hiver".split())
"""Words before a year-shaped number that make it a year even before a plural noun."""

MONTHS = {
    FRENCH: frozenset("janvier février fevrier mars avril mai juin juillet août aout septembre "
                      "octobre novembre décembre decembre".split()),
    ENGLISH: frozenset("january february march april may june july august september october "
                       "november december jan feb mar apr jun jul aug sep sept oct nov dec"
                       .split()),
}

ORDINAL_SUFFIXES = r"(?:e|er|ère|ere|re|ème|eme|è|es|èmes|th|st|nd|rd)"
"""Ordinal marks after a number, attached or spaced ("1er", "4 e", "3rd")."""
