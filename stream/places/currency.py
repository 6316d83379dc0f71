"""Money that names one state: "£2.5m", "₹500 crore", "AZN 1.2 billion", "1,5 трлн рублей", "the naira fell".

A story that names no place often still says whose money it counts: a British local paper's "a jackpot of
£2.5m", a Russian agency's "прибыль 1,5 трлн рублей". :func:`find_currencies` finds such marks; the geotagger
counts them as weak evidence for their state in a story whose text names no country
(:data:`stream.places.geotag.CURRENCY_WEIGHT`), as it counts a leader's name there.

Only money one state issues, or that is named after its issuer, is listed: the dollar sign, the euro, the franc
CFA, pesos, dinars, rupees and riyals are several states' and name none. A sign or an ISO 4217 code counts next
to an amount ("£120", "500 ₽", "USD"-style codes before or after the number); a word counts after an amount, or
bare where it is no word of another meaning ("the hryvnia weakened"). A neighbour's money of the same name is
left out by the adjective before it ("Belarusian rubles", "белорусских рублей", "Turkmen manat").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["CODES", "SIGNS", "WORDS", "Currency", "find_currencies"]


@dataclass(frozen=True, slots=True)
class Currency:
    """A mark of one state's money in a text: its offsets, the form matched and the state's ISO 3166 code."""

    start: int
    end: int
    form: str
    country: str


# Signs one state's money alone writes (the pound sign is sterling's; Egypt and Lebanon write "E£", "L£", which
# the letter before the sign excludes). Prefixed dollars name their issuer.
SIGNS: dict[str, str] = {
    "£": "GB",
    "₹": "IN",
    "₦": "NG",
    "₽": "RU",
    "₺": "TR",
    "₴": "UA",
    "₪": "IL",
    "₩": "KR",
    "₱": "PH",
    "৳": "BD",
    "₸": "KZ",
    "₼": "AZ",
    "₾": "GE",
    "֏": "AM",
    "₫": "VN",
    "₭": "LA",
    "₮": "MN",
    "៛": "KH",
    "₲": "PY",
    "₵": "GH",
    "A$": "AU",
    "AU$": "AU",
    "C$": "CA",
    "CA$": "CA",
    "NZ$": "NZ",
    "HK$": "HK",
    "S$": "SG",
    "NT$": "TW",
    "R$": "BR",
    "MX$": "MX",
}

# ISO 4217 codes of money one state issues or that is named after its issuer (CLDR's territory currencies); not the
# reserve currencies wire copy quotes for any country (USD, EUR, JPY, CHF), nor codes that are English words or
# common acronyms in capitals (ALL, TOP, PEN, CUP, SOS, BAM, PHP, MAD, BOB, CAD, DOP, ERN, NAD, CVE, MOP, LAK,
# AMD the chip maker, GEL).
CODES: dict[str, str] = {
    "GBP": "GB",
    "AZN": "AZ",
    "RUB": "RU",
    "UAH": "UA",
    "TRY": "TR",
    "KZT": "KZ",
    "INR": "IN",
    "NGN": "NG",
    "KES": "KE",
    "ZAR": "ZA",
    "EGP": "EG",
    "PKR": "PK",
    "BDT": "BD",
    "IDR": "ID",
    "MYR": "MY",
    "THB": "TH",
    "VND": "VN",
    "KRW": "KR",
    "CNY": "CN",
    "RMB": "CN",
    "HKD": "HK",
    "SGD": "SG",
    "TWD": "TW",
    "AUD": "AU",
    "NZD": "NZ",
    "SEK": "SE",
    "NOK": "NO",
    "DKK": "DK",
    "PLN": "PL",
    "CZK": "CZ",
    "HUF": "HU",
    "RON": "RO",
    "BGN": "BG",
    "ISK": "IS",
    "BRL": "BR",
    "MXN": "MX",
    "ARS": "AR",
    "CLP": "CL",
    "COP": "CO",
    "SAR": "SA",
    "AED": "AE",
    "QAR": "QA",
    "KWD": "KW",
    "BHD": "BH",
    "OMR": "OM",
    "IRR": "IR",
    "IQD": "IQ",
    "ILS": "IL",
    "JOD": "JO",
    "LBP": "LB",
    "SYP": "SY",
    "DZD": "DZ",
    "TND": "TN",
    "GHS": "GH",
    "ETB": "ET",
    "UGX": "UG",
    "TZS": "TZ",
    "BYN": "BY",
    "UZS": "UZ",
    "KGS": "KG",
    "TJS": "TJ",
    "MDL": "MD",
    "RSD": "RS",
    "MKD": "MK",
    "AFN": "AF",
    "NPR": "NP",
    "LKR": "LK",
    "MMK": "MM",
}

# Words for one state's money, folded to lower case, and whether they count bare (no amount before them): a word
# of no other meaning does ("the naira fell", "курс рубля"); "rand", "yen", "dram" and "lari" need an amount.
WORDS: dict[str, tuple[str, bool]] = {
    **dict.fromkeys(("rouble", "roubles", "ruble", "rubles"), ("RU", True)),
    **dict.fromkeys(
        ("рубль", "рубля", "рублю", "рублем", "рублём", "рублей", "рубли", "рублям", "рублями", "рублях"), ("RU", True)
    ),
    **dict.fromkeys(("hryvnia", "hryvnias", "hryvna", "hryvnas"), ("UA", True)),
    **dict.fromkeys(
        ("гривна", "гривны", "гривне", "гривну", "гривной", "гривен", "гривня", "гривні", "гривень", "гривню"), ("UA", True)
    ),
    "naira": ("NG", True),
    "rupiah": ("ID", True),
    "ringgit": ("MY", True),
    "baht": ("TH", True),
    **dict.fromkeys(("tenge", "тенге", "теңге"), ("KZ", True)),
    **dict.fromkeys(("shekel", "shekels"), ("IL", True)),
    **dict.fromkeys(("yuan", "renminbi"), ("CN", True)),
    **dict.fromkeys(("cedi", "cedis"), ("GH", True)),
    "yen": ("JP", False),
    "rand": ("ZA", False),
    **dict.fromkeys(("drams", "dram"), ("AM", False)),
    **dict.fromkeys(("դրամ", "դրամի", "դրամով"), ("AM", True)),
    "lari": ("GE", False),
    **dict.fromkeys(("ლარი", "ლარის", "ლარით", "ლარად"), ("GE", True)),
    **dict.fromkeys(("manat", "manatlıq", "manata", "manatdan"), ("AZ", True)),
    **dict.fromkeys(("лари",), ("GE", False)),
    **dict.fromkeys(("драм", "драмов"), ("AM", False)),
    **dict.fromkeys(("манат", "манатов", "маната"), ("AZ", True)),
}

# A neighbour's money of the same name: the adjective before the word says whose it is.
_OTHER_ISSUERS = re.compile(
    r"(?:belarusian|belarus|belorussian|tajik|transnistrian|turkmen|soviet|белорусск\w*|приднестровск\w*|туркменск\w*|советск\w*"
    r"|türkmen|sovet)\s+$",
    re.IGNORECASE,
)

# Groups of three after the first ("1,200", "1 500 000"), or a run of digits, each with a fraction: bounded, so that a
# long run of numbers (a results table) is read in linear time.
_AMOUNT = r"(?<![\d.,])(?:\d{1,3}(?:[.,\u00a0\u202f' ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
# Words of scale between an amount and its money ("2.5 million pounds", "1,5 трлн рублей", "5 milyon manat").
_SCALE = (
    r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|m|k|tn|crore|lakh"
    r"|тыс\.?|млн\.?|млрд\.?|трлн\.?|тысяч\w*|миллион\w*|миллиард\w*|триллион\w*"
    r"|min|mln\.?|mlrd\.?|milyon|milyar\w*|trilyon|միլիոն|միլիարդ|մլն|մլրդ|ათასი|მილიონი|მილიარდი|მლნ|მლრდ))?"
)
# An amount right after a sign or code ("£2.5m", "AZN 1.2bn"), or right before one ("500 ₽", "1,200 AZN", "2 млрд ₸").
_AMOUNT_AFTER = re.compile(rf"\s?(?:{_AMOUNT})")
_NUMBER_BEFORE = re.compile(rf"(?:{_AMOUNT}){_SCALE}\s*$")
_WORD = re.compile(r"\w+")
# The marks as plain strings, looked for with str.find: most stories hold none, and a pattern over every sign and code
# tried at each character cost ~500 us on a 2,000-character story.
_MARKS = {**SIGNS, **CODES}
_CODE_TOKENS = frozenset(code.lower() for code in CODES)


def find_currencies(text: str, tokens: Iterable[str] | None = None) -> list[Currency]:
    """Every mark of one state's money in ``text``, in order of offset. ``tokens``, the text's folded tokens when the
    caller has them, spares reading its words when none is a word of money."""
    folded = frozenset(tokens) if tokens is not None else None
    signs = [sign for sign in SIGNS if sign in text]
    if folded is None:
        codes = [code for code in CODES if code in text]
    else:
        # A code's token, or the start of one: a code glued to its amount is no token of its own ("IDR150,000").
        codes = sorted({token[:3].upper() for token in folded if token[:3] in _CODE_TOKENS})
        if not signs and not codes and WORDS.keys().isdisjoint(folded):
            return []
    marks = [*signs, *(code for code in codes if code in text)]
    found: dict[int, Currency] = {}
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            end = at + len(mark)
            if _stands_alone(text, at, end, mark in CODES) and (
                _AMOUNT_AFTER.match(text, end) or _NUMBER_BEFORE.search(text, max(0, at - 40), at)
            ):
                found.setdefault(at, Currency(at, end, mark, _MARKS[mark]))
            at = text.find(mark, end)
    present = sorted(WORDS.keys() & folded) if folded is not None else None
    if present is None or present:
        for m in (_WORD if present is None else _words_pattern(tuple(present))).finditer(text):
            entry = WORDS.get(m.group().lower())
            if entry is None:
                continue
            country, bare = entry
            before = text[max(0, m.start() - 40) : m.start()]
            if _OTHER_ISSUERS.search(before):
                continue
            if not bare and not _NUMBER_BEFORE.search(before):
                continue
            found.setdefault(m.start(), Currency(m.start(), m.end(), m.group(), country))
    return [found[start] for start in sorted(found)]


@lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern of these money words alone, case-insensitive (a story holds few of them; the same few recur)."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def _stands_alone(text: str, start: int, end: int, code: bool) -> bool:
    """Whether the mark at ``start:end`` is one of its own: a code no letter touches ("AZN1.2bn", not "KAZNA"), a sign
    after no letter or other sign ("E£", "L£" are Egypt's and Lebanon's pounds; "HK$" holds "K$" no sign names)."""
    before = text[start - 1] if start > 0 else " "
    if code:
        return not before.isalpha() and not (end < len(text) and text[end].isalpha())
    return not before.isalnum() and before not in "$£"
