"""Heads of state and government, and parties, named in a story: a weak country signal (issue #17).

"President Rodrigo Duterte likens himself ..." names no place, yet a reader knows the story is
Philippine. The list (``stream/places/data/people.json.gz``, built by :mod:`stream.build.people`
from Wikipedia's list of state leaders and Wikidata office-holders, 2012 to late 2022, the 2026
leaders of the G20 and ASEAN states, Wikidata's ministers of 155 states to late 2022, and the members of the
United States Congress from 2012 on) maps a person's
full name to the country they led or served ("Penny Mordaunt" -> GB). A person is
no place: the geotagger counts one only when the story gives no place evidence at all
(:data:`stream.places.geotag.PERSON_WEIGHT`),
and a leader abroad ("Donald Trump meets ... in Singapore") never outweighs the place named.
Party names (Party Facts' Wikipedia import, English and native scripts: "Likud", "Fidesz",
"CDU/CSU", "Ελληνική Λύση" ...) count the same way, as ``party`` evidence.

Matching is on whole tokens, folded as the gazetteer folds them:

* a **full name** of at least two words ("Narendra Modi", "Abdel Fattah el-Sisi"), every word the
  list writes capitalised capitalised in the text too (cased scripts); a name whose only such word is the first
  is not read opening a sentence, where every word is capitalised ('"We can\'t tax ...', Croatia's "We can!");
* a **surname after a title** ("President Duterte", "Prime Minister Thabane", "Chancellor Merkel") or
  before :data:`AFTER_SURNAME` ("the Trump administration", "the Morrison government"), only for
  surnames one country's leaders alone carry. A first name or surname alone never counts.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import orjson

from stream.errors import ConfigError
from stream.text.normalize import TokenStream
from stream.text.sentence import opens_sentence

__all__ = ["AFTER_SURNAME", "DEFAULT_PEOPLE", "TITLES", "People", "PersonHit", "find_people", "load_people"]

DEFAULT_PEOPLE = Path(__file__).parent / "data" / "people.json.gz"

# Folded titles that may stand before a bare surname, as token sequences.
TITLES: frozenset[tuple[str, ...]] = frozenset(
    tuple(TokenStream.of(t).texts)
    for t in [
        "president",
        "prime minister",
        "premier",
        "chancellor",
        "pm",
        "taoiseach",
        "king",
        "queen",
        "emir",
        "sultan",
        "président",
        "premier ministre",
        "chancelier",
        "presidente",
        "primer ministro",
        "präsident",
        "präsidentin",
        "kanzler",
        "kanzlerin",
        "президент",
        "премьер",
        "премьер министр",
    ]
)
_TITLE_LEN = max(len(t) for t in TITLES)
# Folded words after a bare surname that make it a leader's: "the Trump administration", "the Morrison
# government", "Obama-era rules", "the Trump impeachment hearings" (only an office-holder is impeached).
AFTER_SURNAME = frozenset(["administration", "government", "cabinet", "ministry", "era", "regime", "impeachment"])
# Words that may sit between a title and the surname: "President el-Sisi", "President al-Assad".
_SKIPPABLE = frozenset(["al", "el", "de", "da", "van", "von"])


@dataclass(frozen=True, slots=True)
class PersonHit:
    """A leader's name in the text: its span, the listed name it matched and that person's country."""

    start: int
    end: int
    name: str
    country: str
    form: str  # "name" (full name) or "title" (title + surname)
    kind: str = "person"  # person | party


@dataclass(frozen=True, slots=True)
class People:
    # first folded token -> (folded tokens, which tokens the list capitalises, shown name, country, kind)
    by_first: dict[str, tuple[tuple[tuple[str, ...], tuple[bool, ...], str, str, str], ...]]
    surnames: dict[str, str]  # folded surname -> country
    sources: dict[str, str]


@cache
def load_people(path: Path = DEFAULT_PEOPLE) -> People:
    """Load and cache the leaders list; ConfigError if it is missing or malformed."""
    try:
        data = orjson.loads(gzip.decompress(path.read_bytes()))
        by_first: dict[str, list[tuple[tuple[str, ...], tuple[bool, ...], str, str, str]]] = {}
        for key, kind in (("people", "person"), ("parties", "party")):
            for name, country, _sources, tokens, caps in data.get(key, ()):
                entry = (tuple(tokens), tuple(map(bool, caps)), str(name), str(country), kind)
                by_first.setdefault(tokens[0], []).append(entry)
        surnames = {str(k): str(v) for k, v in data["surnames"].items()}
        sources = {str(k): str(v) for k, v in data["sources"].items()}
    except FileNotFoundError as exc:
        raise ConfigError("people list missing; run `make gazetteer`", file=str(path)) from exc
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise ConfigError(f"unreadable people list: {exc}", file=str(path)) from exc
    # Longest names first, so "Luiz Inácio Lula da Silva" wins over a shorter listed prefix.
    return People({k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in by_first.items()}, surnames, sources)


def _capitalised(text: str, ts: TokenStream, at: int) -> bool:
    ch = text[ts.start(at)]
    # Uncased scripts (Arabic, CJK) have no capitals to require.
    return ch.isupper() or ch.lower() == ch.upper()


def find_people(ts: TokenStream, text: str, people: People) -> list[PersonHit]:
    """Every leader's name in ``text`` (tokenised as ``ts``), left to right, non-overlapping."""
    hits: list[PersonHit] = []
    toks = ts.texts
    n = len(toks)
    i = 0
    while i < n:
        matched = None
        for tokens, caps, name, country, kind in people.by_first.get(toks[i], ()):
            k = len(tokens)
            if (
                tuple(toks[i : i + k]) == tokens
                and all(_capitalised(text, ts, i + j) for j in range(k) if caps[j])
                and not (k > 1 and not any(caps[1:]) and opens_sentence(text, ts.start(i), ".!?:\n"))
            ):
                matched = PersonHit(ts.start(i), ts.end(i + k - 1), name, country, "name", kind)
                i += k
                break
        if matched is None and toks[i] in people.surnames and _capitalised(text, ts, i):
            title_end = i
            while title_end > 0 and toks[title_end - 1] in _SKIPPABLE:
                title_end -= 1
            for size in range(1, _TITLE_LEN + 1):
                if title_end - size >= 0 and tuple(toks[title_end - size : title_end]) in TITLES:
                    start = ts.start(title_end - size)
                    matched = PersonHit(start, ts.end(i), text[start : ts.end(i)], people.surnames[toks[i]], "title")
                    break
            if matched is None and i + 1 < n and toks[i + 1] in AFTER_SURNAME:
                end = ts.end(i + 1)
                matched = PersonHit(ts.start(i), end, text[ts.start(i) : end], people.surnames[toks[i]], "title")
            i += 1
        elif matched is None:
            i += 1
        if matched is not None:
            hits.append(matched)
    return hits
