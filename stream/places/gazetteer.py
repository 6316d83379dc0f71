"""Load the built place gazetteer and its Aho-Corasick automaton.

The artifact (``stream/places/data/gazetteer.json.gz``) is produced by
``python -m stream.build.gazetteer``; see that module for sources and filters.
Loading parses it and builds one automaton over every folded form; the result
is cached per path, so the first story pays the load once.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import ahocorasick
import orjson

from stream.errors import ConfigError
from stream.places.geomorph import ARA, CJK, CYR, HEB, LAT, family_of
from stream.text.automaton import ordered_automaton

__all__ = [
    "ABBREV",
    "ADJ",
    "AMBIG",
    "ANCHORED_FAMILIES",
    "ARTICLED",
    "CAP",
    "CASE",
    "DEFAULT_ARTIFACT",
    "DEMONYM",
    "ELSEWHERE",
    "FI",
    "INSIDE_FAMILIES",
    "LOWER",
    "METONYM",
    "NAME",
    "NEEDPRE",
    "NOTAIL",
    "SL",
    "STEM",
    "WORD",
    "Entry",
    "Gazetteer",
    "Place",
    "load_gazetteer",
]

DEFAULT_ARTIFACT = Path(__file__).parent / "data" / "gazetteer.json.gz"

# Entry flags, as written by stream.build.gazetteer.
# WORD: ambiguous only because the form is a frequent word in the languages of
# ``Gazetteer.word_langs[form]``; in a story of another known language it is sure.
AMBIG, STEM, CASE, CAP, ADJ, NEEDPRE, NOTAIL, WORD = 1, 2, 4, 8, 16, 32, 64, 128
# LOWER: written in lower case, as Russian and Ukrainian write a person's nationality (американец); a capital
# only opening a sentence, and then not with a surname's ending (Поляков is a surname, поляков "of Poles").
LOWER = 256
# FI: a Finnish case form stored whole (Suomessa, Yhdysvaltain: the stem changes), read in Finnish stories only.
FI = 512
# ELSEWHERE: a city's alternate name that is the own name of a town of another country ("Salisbury" for Harare,
# "Augusta" for Augsburg, "Bethlehem" for Belém): ambiguous, and "in Salisbury" says it is a place, not which.
ELSEWHERE = 1024
# ARTICLED: an Arabic-script name without the article whose place is also named with it (رياض: الرياض): not read bare
# in Arabic stories, where it is a first name or a noun ("رياض الأطفال", kindergartens); Persian writes places so.
ARTICLED = 2048
# SL: a name's stem before a Slavic case ending ("warszaw" of Warszawa: "do Warszawy", "w Warszawie"), read in the
# Latin-script Slavic languages' stories only (stream.places.geomorph.SLAVIC_LATIN), with their tails only.
SL = 4096
# Form types.
NAME, DEMONYM, METONYM, ABBREV = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class Place:
    """A canonical place: a country (id = ISO 3166 alpha-2), territory, area, state or city."""

    id: str
    name: str
    kind: str  # country | territory | area | state | capital | city | region | shared
    countries: tuple[str, ...]
    population: int


# (place index, form type, flags)
Entry = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Places, the automaton over their folded forms, and the context-trigger words."""

    places: tuple[Place, ...]
    # Folded key -> (key, family, entries), a Latin or Cyrillic key after a space (see ANCHORED_FAMILIES): the
    # automaton scans " " + the joined tokens.
    automaton: ahocorasick.Automaton
    triggers: dict[str, frozenset[str]]
    # The Slavic stems' keys, as ``automaton`` holds the others (see SL): walked in a Latin-script Slavic story only.
    slavic_automaton: ahocorasick.Automaton
    all_triggers: frozenset[str]
    country_index: dict[str, int]
    sources: dict[str, str]
    word_langs: dict[str, frozenset[str]]  # form -> languages where it may be a word (or the place's own)
    checked_langs: dict[int, frozenset[str]]  # script family -> languages whose word lists were checked
    # Latin-script country name -> the checked languages whose own name it is, for names that are not
    # every checked language's own ("Mauricio" is Spanish for Mauritius and an English first name).
    name_langs: dict[str, frozenset[str]]
    # Hebrew tokens that read as a prefix and a place name but are mostly another word (שנים "years" is no
    # ש + Nîmes, מקום "place" no מ + Qom): the prefixed reading needs support (see stream.build.gazetteer).
    he_prefixed_words: frozenset[str] = frozenset()
    # Arabic-script proclitics and one-word forms, as "proclitic|form", whose token is mostly another word (ك|بيرا:
    # كبيرا "big", not ك + Beira): that reading is not taken (see stream.build.gazetteer._arabic_prefixed_words).
    ar_prefixed_words: frozenset[str] = frozenset()
    # Finnish forms of names (bare or with a Finnish tail: "miten", "sarjan", "oman") that are mostly another Finnish
    # word: in a Finnish story the reading needs support (see stream.build.gazetteer).
    fi_words: frozenset[str] = frozenset()
    # Slavic stems and case endings, as "stem|tail", whose form is mostly another word of a Latin-script Slavic or
    # Baltic language: in such a story the reading needs support (see stream.build.gazetteer._slavic_words).
    sl_words: frozenset[str] = frozenset()
    # Latin forms and a German genitive tail, as "name|tail", that make a German word of another meaning ("abga|s":
    # Abgas, exhaust): no tail is read so (see stream.build.gazetteer._german_words).
    de_words: frozenset[str] = frozenset()
    # Folded one-word Latin first names that are no language's frequent word (Kathy, Patrick): one opening a sentence
    # before a place's name makes a person's name of both (see stream.build.gazetteer._first_names).
    first_names: frozenset[str] = frozenset()
    # Cyrillic case forms, as "name|tail", that are mostly a Russian or Ukrainian word of another meaning ("пул|я", a
    # bullet, not Poole's): their readings need support (see stream.build.gazetteer._cyrillic_words).
    cyr_words: frozenset[str] = frozenset()
    # Folded names of towns under the city floor -> their one country, read in a dateline only ("PATASKALA —"; see
    # stream.build.gazetteer._dateline_towns).
    dateline_towns: dict[str, str] = field(default_factory=dict)
    # Folded names of small towns of the United States, Canada, Australia and the United Kingdom -> their one country,
    # read in the text of an English story that names no country, with support ("Schaumburg trustees"; see
    # stream.build.gazetteer._local_towns and stream.places.geotag._local_towns).
    local_towns: dict[str, str] = field(default_factory=dict)
    # Their names' first tokens, which most of a story's tokens are not (one set lookup a token).
    local_town_heads: frozenset[str] = frozenset()
    # Ambiguous Latin and Cyrillic forms -> the languages where they are a frequent word: opening a sentence, where
    # every word is capitalised, such a form ("Can trading pollution ...", Caen) is a word unless the text uses it as
    # a place (a locative, a trigger); another name of its country is no support there.
    opening_words: dict[str, frozenset[str]] = field(default_factory=dict)

    def lookup(self, key: str) -> tuple[Entry, ...]:
        """Entries stored for an exact folded key (no inflection; the Slavic stems, in ``slavic_automaton``, are none)."""
        value = self.automaton.get(_anchored(key, family_of(key)), None)
        return value[2] if value else ()

    def country_name(self, iso2: str) -> str:
        idx = self.country_index.get(iso2)
        return self.places[idx].name if idx is not None else iso2


#: Script families in which a name may start inside a token: after an Arabic proclitic or a Hebrew prefix, or
#: anywhere in a run of an unspaced script.
INSIDE_FAMILIES = frozenset([ARA, HEB, CJK])
#: Script families whose forms are stored after a space, so that they match only where a token starts: half of a
#: story's matches were Latin or Cyrillic forms inside a longer word ("oman" in "woman"), which the automaton
#: reported and the geotagger dropped. Armenian and Georgian forms are not: a letter inside a word then falls
#: back to the root, where those scripts' letters come late, and their stories' walk grew by a quarter.
ANCHORED_FAMILIES = frozenset([LAT, CYR])


def _anchored(key: str, family: int) -> str:
    return " " + key if family in ANCHORED_FAMILIES else key


@cache
def load_gazetteer(path: Path = DEFAULT_ARTIFACT) -> Gazetteer:
    """Load and cache the gazetteer at ``path``; ConfigError if it is missing or malformed."""
    try:
        data = orjson.loads(gzip.decompress(path.read_bytes()))
        places = tuple(Place(p[0], p[1], p[2], tuple(p[3]), p[4]) for p in data["places"])
        forms = data["forms"]
        families = [(key, family_of(key), entries) for key, entries in forms.items()]
        # The Slavic and Baltic stems (SL; make gazetteer stores them under keys of their own) get an automaton of their
        # own, walked in those languages' stories only: in the main one they made every story's walk longer and matched
        # English words' starts ("ameryk", "rosj").
        slavic_only = frozenset(key for key, entries in forms.items() if entries and all(e[2] & SL for e in entries))
        # Keys and values in the automaton's root order (stream.text.automaton), so that a text's walk is short.
        auto, slavic_auto = (
            ordered_automaton(
                {
                    _anchored(key, family): (key, family, tuple(tuple(e) for e in entries))
                    for key, family, entries in families
                    if (key in slavic_only) is slavic
                },
                lambda key: (key, family_of(key), ()),
            )
            for slavic in (False, True)
        )
        triggers = {lang: frozenset(words) for lang, words in data["triggers"].items()}
    except FileNotFoundError as exc:
        raise ConfigError("gazetteer artifact missing; run `make gazetteer`", file=str(path)) from exc
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise ConfigError(f"unreadable gazetteer artifact: {exc}", file=str(path)) from exc
    return Gazetteer(
        places=places,
        automaton=auto,
        triggers=triggers,
        slavic_automaton=slavic_auto,
        all_triggers=frozenset().union(*triggers.values()),
        country_index={p.id: i for i, p in enumerate(places) if p.kind == "country"},
        sources=dict(data["sources"]),
        word_langs={k: frozenset(v) for k, v in data.get("word_langs", {}).items()},
        checked_langs={int(k): frozenset(v) for k, v in data.get("checked_langs", {}).items()},
        name_langs={k: frozenset(v) for k, v in data.get("name_langs", {}).items()},
        he_prefixed_words=frozenset(data.get("he_prefixed_words", ())),
        ar_prefixed_words=frozenset(data.get("ar_prefixed_words", ())),
        fi_words=frozenset(data.get("fi_words", ())),
        sl_words=frozenset(data.get("sl_words", ())),
        de_words=frozenset(data.get("de_words", ())),
        first_names=frozenset(data.get("first_names", ())),
        cyr_words=frozenset(data.get("cyr_words", ())),
        dateline_towns=dict(data.get("dateline_towns", {})),
        local_towns=dict(data.get("local_towns", {})),
        local_town_heads=frozenset(key.partition(" ")[0] for key in data.get("local_towns", {})),
        opening_words={k: frozenset(v) for k, v in data.get("opening_words", {}).items()},
    )
