"""Where is a story about: place mentions, countries, regions and focus.

One Aho-Corasick pass over the folded token stream finds every gazetteer form;
each hit is then checked against the inflection rules of its script
(:mod:`stream.places.geomorph`): whole tokens, or an Arabic proclitic or Hebrew prefix
chain before and a closed-set case/nisba/possessive tail after. A Hebrew token that reads
as a prefix and a name but is mostly another word (שנים "years", not ש + Nîmes; the
build measures it) needs support. Overlapping hits keep the one
that covers most tokens, then the longest form.

Precision first: a form marked ambiguous in the gazetteer (Jordan, Georgia,
Chad, Niger, cities named like words) counts only with support — an
unambiguous mention of the same country, the dateline, provider metadata,
or a trigger word ("government", "حكومة", "правительство" ...) within three
tokens; a country name opening a sentence is its own support when nothing else
in the story names a place ("Jordan reports 2,648 new cases"). Names in cased scripts must be capitalised; abbreviations (US, UK,
ABD, РФ) must be in capitals.

A story with no place evidence at all may still name a head of state or government or a party
(:mod:`stream.places.people`): "President Rodrigo Duterte signs ..." counts for PH with a
``person`` mention (the name and its offsets), "Likud wins ..." for IL with a ``party`` one,
never as a place.
"""

from __future__ import annotations

import dataclasses
import heapq
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial
from itertools import chain, pairwise
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import NamedTuple

import orjson

from stream.places.currency import WORDS as MONEY_WORDS
from stream.places.currency import find_currencies
from stream.places.dateline import find_dateline, provider_dateline
from stream.places.focus import (
    AMBIGUOUS_WEIGHT,
    LOCATIVE_WEIGHT,
    POSITION_WEIGHTS,
    SOURCE_WEIGHTS,
    SPEAKER_WEIGHT,
    Scored,
    TieParts,
    position_weight,
    score,
)
from stream.places.gazetteer import (
    ABBREV,
    ADJ,
    AMBIG,
    ARTICLED,
    CAP,
    CASE,
    DEMONYM,
    ELSEWHERE,
    FI,
    INSIDE_FAMILIES,
    LOWER,
    METONYM,
    NAME,
    NEEDPRE,
    NOTAIL,
    STEM,
    WORD,
    Entry,
    Gazetteer,
    load_gazetteer,
)
from stream.places.geomorph import (
    AR_ARTICLE_PREFIXES,
    AR_PROCLITICS,
    ARA,
    CJK,
    CYR,
    CYR_ADJ_ENDINGS,
    DECLINING_LATIN,
    FAMILIES,
    FINNISH_LOCATIVE,
    GEO,
    HE_LOCATIVE_PREFIXES,
    HE_PREFIXES,
    HEB,
    HYE,
    HYE_LOWER_TAILS,
    KOR,
    KOR_LOCATIVE,
    LAT,
    MAX_HE_PREFIX_CHARS,
    MAX_PROCLITIC_CHARS,
    MAX_TAIL_CHARS,
    TURKIC_LOCATIVE,
    cyr_romanisations,
    family_of,
    tails_for,
)
from stream.places.organisations import load_organisations
from stream.places.people import TITLES, find_people, load_people
from stream.places.qualifier import (
    COUNTY_NOUNS,
    QUALIFYING,
    abbreviations,
    counties,
    county_lists,
    state_abbreviation,
    state_adjectives,
)
from stream.places.regions import RegionCatalog, load_regions
from stream.places.senses import (
    LANGUAGE_NAMES,
    LANGUAGE_NOUN_STEMS,
    names_a_language,
    names_a_language_cyrillic,
    names_native_americans,
)
from stream.story import Story
from stream.text.han import NAME_CHARACTERS
from stream.text.normalize import TokenStream, fold
from stream.text.sentence import opens_sentence

__all__ = ["GeoResult", "Mention", "load_regions", "locate"]

# Where events happen weighs more than who comments on them: a name in a
# locative form ("in Karabakh", "в Карабахе", "Karabağ'da", "في قره باغ",
# "Ղարաբաղում", "ყარაბაღში") is the scene, "Moscow said" is a speaker.
_LOCATIVE_BEFORE = frozenset(
    ["in", "im", "à", "au", "aux", "dans", "en", "в", "во", "на", "у", "في", "فى", "وفي", "داخل", "در", "درون"]
)
_LOCATIVE_TAILS = {
    LAT: TURKIC_LOCATIVE,
    HYE: frozenset(["ում", "յում"]),
    GEO: frozenset(["ში"]),
    KOR: KOR_LOCATIVE,
}
_AR_LOCATIVE_PROCLITICS = frozenset(p for p in AR_PROCLITICS if p.lstrip("وف").startswith("ب"))
# Persian and Urdu write their conjunction and prepositions apart (و, به, که): a letter of the Arabic
# proclitics before a name is the word's own there (کامل "complete" is no ک + Amol, ویران "ruined" no
# و + Iran).
_NO_PROCLITIC_LANGS = frozenset(["fa", "ur"])
# Yiddish, in Hebrew letters, writes its prepositions and conjunction apart (אין ישראל, און).
_NO_HE_PREFIX_LANGS = frozenset(["yi"])
# A tail is read up to one character past the longest tail any rule knows: a longer one is in no
# set either, and copying the rest of a 500 KB unspaced token per match made scanning quadratic.
# Names read per story, in text order. A wire story names tens of places; a body that repeats a name
# thousands of times (a 500 KB run of 北京) is no more about it after the first thousand, and each name
# read costs about 10 us, so the bound keeps such input to a fraction of a second.
_MAX_HITS = 1_000
_TAIL_CAP = 1 + max(MAX_TAIL_CHARS, *(len(t) for tails in _LOCATIVE_TAILS.values() for t in tails))
# "the variant first detected in India", "originally identified in South Africa": where a thing came
# from is background to the story that reports it elsewhere ("Ireland reports its first cases of ..."),
# so "in" there does not make the scene. Folded tokens before "in" [the] X, in Latin script.
_ORIGIN_ADVERBS = frozenset(["first", "originally", "initially"])
_ORIGIN_VERBS = frozenset(["detected", "identified", "discovered", "sequenced", "found"])
# Words between "in" and a name that leave it the scene: "in the United States", "in northern Iraq",
# "in the southern Philippines" (folded, Latin script); at most two of them.
_SCENE_MODIFIERS = frozenset(
    [
        *("the", "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west"),
        *("northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern"),
        "southwestern",
    ]
)
_MAX_SCENE_MODIFIERS = 2
# Where a meeting is held hosts it; the story is about who meets ("The leaders of northern and southern
# Cyprus meet in Switzerland", "the summit in Papua New Guinea"), so "in" right after these words (folded,
# Latin script) does not make the scene: the headline's hosts (focus.py) in the body's words.
_MEETINGS = frozenset(["meet", "meets", "met", "meeting", "meetings", "talks", "summit", "conference", "negotiations"])
# English prepositions whose object is the target of an action (folded): "sanctions against Iran", "an arms
# embargo on Iran", "a probe against Lebanon's caretaker prime minister". A target wins a tie for the focus
# (focus.py); its weight is unchanged (as a boost it cost a public-test relevant country, round eight).
_TARGET_BEFORE = frozenset(["against", "on"])
# The folded English word before a name that gives it a part in a tie (focus.py): a target, an origin
# ("returning from Istanbul"), or the "of" after a leader's title ("Prime Minister of Fiji"). One look-up
# per name; most names have none of them before.
_TARGET, _ORIGIN, _OF = "target", "origin", "of"
# English nouns of people that a demonym before them gives a nationality ("Chinese tourists", "a Finnish
# national", "Indian nationals"); curated, the nouns of persons abroad in news text.
_NATIONALS = frozenset(
    [
        *("national", "nationals", "citizen", "citizens", "tourist", "tourists", "migrant", "migrants"),
        *("worker", "workers", "prisoner", "prisoners", "man", "woman", "men", "women", "families"),
    ]
)
_ROLES_BEFORE = {**dict.fromkeys(_TARGET_BEFORE, _TARGET), "from": _ORIGIN, "of": _OF}
# Words that join two names into a pair ("Armenia and Azerbaijan", "Erivan ile
# Ankara", "Україна та Польща"); commas and hyphens leave no token between.
# Compared with folded tokens: the Armenian ligature "և" folds (NFKC) to "եւ", "ԵՎ" to "եվ".
_CONJUNCTIONS = frozenset(
    ["and", "et", "und", "y", "e", "i", "и", "і", "й", "та", "ile", "ve", "və", "و", "եւ", "եվ", "ու", "და", "with", "avec"]
)
# Articles that may stand between a conjunction and the second name of a pair: "la Géorgie et l'Azerbaïdjan",
# "Armenia y el Perú", "Russia and the United States" (folded tokens; the elided "l'" is its own token).
_PAIR_ARTICLES = frozenset(["l", "la", "le", "les", "el", "los", "las", "die", "der", "the"])
_PAIR_SEPARATORS = ",-‐–—/&;،"
# What spells foreign names in Chinese and Japanese: the Han characters of transliterations and katakana. A
# city name glued to more of them inside a run is part of a longer name (尼斯, Nice, in 傑尼斯, Denys;
# 阿拉, Arrah, in 阿拉斯加, Alaska; 達州, Dazhou, in 佛羅里達州, Florida state), so it counts only with support.
_SPELLING = NAME_CHARACTERS | frozenset(chr(c) for c in range(0x30A1, 0x30FD))
# Country and capital names are not checked so: spelling characters are also common words' (抵达基辅, arrives
# in Kyiv: 达 and 基 both spell names), and those names are rarely part of another.
_UNGLUED_KINDS = frozenset(["country", "territory", "capital"])
# What joins two names inside a run of Chinese or Japanese: "and" (与, 和, 及, 同, 跟, と) or a list mark.
_CJK_JOINS = frozenset(["与", "與", "和", "及", "同", "跟", "、", "と", "・", "·"])
# A capital ranks above a state of the same name: "Washington" in news is the capital (and the
# government speaking) far more often than the state; both count for the same country.
_KIND_RANK = {"country": 0, "territory": 1, "area": 2, "capital": 3, "state": 4, "city": 5, "region": 6, "shared": 7}
_TRIGGER_WINDOW = 3
# A short quotation, up to this many characters between its marks, is a name or a slogan, not speech.
_MAX_QUOTED_NAME = 25
_QUOTE_OPENERS = '«“„"'
_QUOTE_CLOSERS = '»”“"'
_QUOTE_MARKS = frozenset(_QUOTE_OPENERS + _QUOTE_CLOSERS)
_APOSTROPHES = ("'", "’")
# Metonyms that are seats of government (folded form prefixes, every story language), the rest of the
# gazetteer's metonyms being legislatures, agencies, forces and the Houthis: outside a locative form a seat
# is its government speaking, weighed as a capital is ("The Pentagon reports ... withdrawing U.S. troops
# from Syria", "Кремль заявил").
_SEATS = (
    *("white house", "whitehall", "downing street", "oval office", "zhongnanhai", "state department"),
    *("kreml", "pentag", "pentág", "élysée", "elysee", "matignon", "quai d orsay", "maison blanche", "moncloa"),
    *("casa blanca", "quirinale", "palazzo chigi", "weisses haus", "beştepe", "beyaz saray", "ağ ev"),
    *("кремл", "пентагон", "госдеп", "даунинг", "елисей", "бел", "біл", "կրեմլ", "պենտագոն", "սպիտակ տուն"),
    *("თეთრი სახლ", "კრემლ", "პენტაგონ", "پنتاگون", "كاخ سفيد"),
    *("الكرملين", "كرملين", "البنتاغون", "بنتاغون", "البيت الابيض", "بيت الابيض", "الاليزيه", "اليزيه", "داونينغ"),
)
# English words that count people before a plural demonym ("three Australians", "several Britons"), folded.
_COUNT_WORDS = frozenset(
    [
        *("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("dozens", "hundreds", "thousands", "several", "many", "some"),
    ]
)
# A sports club's standard abbreviation (curated, in capitals in the text; #17, fifteenth round): a city up to two
# capitalised words after one ("FC Dinamo București", "AC Milan", "FK Crvena Zvezda Beograd") or right before one
# ("Liverpool FC") names the club's home, not a person's surname after "Dinamo".
_CLUB_MARKS = frozenset(["fc", "afc", "cf", "ac", "sc", "fk", "sk"])
# Capitalised words that name a football club before its home city: "Real Madrid", "Deportivo Coruna", "Spartak
# Moscow", "Red Star Belgrade". Read as first names, they had made persons called Madrid or Moscow, whose surname rule
# then dropped the story's "MADRID" dateline (CoNLL-2003 English dev).
_CLUB_PREFIXES = frozenset(
    [
        *("real", "atletico", "deportivo", "sporting", "athletic", "celta", "dynamo", "dinamo", "spartak"),
        *("lokomotiv", "cska", "zenit", "shakhtar", "bayern", "borussia", "hertha", "werder", "eintracht"),
        *("olympique", "steaua", "partizan", "legia", "slavia", "hapoel", "maccabi", "star"),
    ]
)
# English verbs of speech that follow the speaker's surname: "Nelson said" (see _speaker).
_SPEECH_VERBS = frozenset(["said", "says", "told", "added", "explained", "noted", "wrote"])
# Russian and Ukrainian verbs of speech in the past, beside the speaker's surname: "— заявил Борисов", "Хамад сказал".
_CYR_SPEECH_VERBS = frozenset(
    [
        *("сказал", "сказала", "заявил", "заявила", "отметил", "отметила", "добавил", "добавила", "сообщил"),
        *("сообщила", "подчеркнул", "подчеркнула", "пояснил", "пояснила", "написал", "написала", "рассказал"),
        *("рассказала", "сказав", "заявив", "зазначив", "зазначила", "додав", "додала", "повідомив", "повідомила"),
    ]
)
# Arabic patronymic particles after a first name ("Hamad bin Khalifa", "Хамад бен Джасем").
_PATRONYMS = frozenset(["bin", "ben", "ibn", "bint", "бин", "бен", "ибн", "бинт", "бін", "ібн"])
# "Servant of": Arabic names made of it and one of God's names ("Abdul Hamid", "Abdel-Aziz", "Абдель Азиз").
_THEOPHORIC = frozenset(["abdul", "abdel", "abd", "abdol", "abdal", "abdur", "abdus", "abdoul", "абдул", "абдель", "абд"])
# The capitalised names of an American town's institutions after the town's name: "Paris High School", "Paris PD".
_LOCAL_INSTITUTIONS = (
    ("high", "school"),
    ("middle", "school"),
    ("public", "library"),
    ("public", "schools"),
    ("city", "schools"),
    ("city", "public", "schools"),
    ("school", "board"),
    ("school", "district"),
    ("independent", "school", "district"),
    ("board", "of", "education"),
    ("police", "department"),
    ("fire", "department"),
    ("pd",),
    ("isd",),
    ("township",),
    ("city", "commission"),
    ("city", "manager"),
    ("municipal", "court"),
    ("parks", "and", "recreation"),
)
_LOCAL_MARKS = frozenset(words[0] for words in _LOCAL_INSTITUTIONS)
# North American local news (see _north_american_local): a dollar amount and a town's institution or office, named
# anywhere in the story.
_DOLLAR_AMOUNT = re.compile(r"\$\s?\d")
# Money of other countries: a wire story converts euros and pounds to dollars ("€100 million ($110 million)").
_OTHER_MONEY = ("€", "£", "¥", " euro", "pounds sterling", " yen", " yuan", " ruble", " rouble")  # " euro": not "neurologist"
# A street address as American papers write it: a house number, the street's name and its type abbreviated with a
# full stop ("2517 Memphis St., Alexandria", "400 S. Locust St., Lebanon").
# The street types the address ends in, looked for first as plain substrings (the address pattern costs ~55 us a story).
_STREET_KINDS = ("St.", "Ave.", "Rd.", "Dr.", "Blvd.", "Ln.", "Ct.", "Pkwy.", "Hwy.")
_STREET_ADDRESS = re.compile(r"\b\d{1,5} (?:[NSEW]\. )?(?:[A-Z][a-z]+ ){1,2}(?:St|Ave|Rd|Dr|Blvd|Ln|Ct|Pkwy|Hwy)\.,? [A-Za-z]")
# A telephone number as the North American plan writes it, which local papers print for readers to call ("call
# Officer Robert Canto at (860) 828-7080", "952-873-6325"): an area code and an exchange of 2-9, then four digits.
_NANP_PHONE = re.compile(r"(?<![\d-])(?:\([2-9]\d\d\) ?|[2-9]\d\d[-.])[2-9]\d\d-\d{4}(?![\d-])")
# Its last dash and four digits: a pattern that opens with a literal is searched for at C speed (~1 us a story, where
# the whole pattern costs ~90 us), and most stories have none.
_NANP_TAIL = re.compile(r"-\d{4}")
_LOCAL_OFFICES = (
    *(words for words in _LOCAL_INSTITUTIONS if len(words) > 1),
    ("township",),
    ("county",),
    ("sheriff",),
    ("zoning",),
    ("selectmen",),
    ("aldermen",),
    ("freeholders",),
    ("state", "police"),
    ("police", "chief"),
    ("fire", "chief"),
    # Canada's: a councillor (the Commonwealth's spelling, paid in dollars) and Ontario's members of its parliament.
    ("councillor",),
    ("councillors",),
    ("mpp",),
)
# American councils' titles: Irish and British councils have councillors.
_COUNCIL_TITLES = frozenset(["councilman", "councilwoman", "councilmen", "councilwomen", "councilmember", "councilmembers"])
# Offices and bodies of American local government, under names no other country's press gives its own: Canada's
# have councillors and school boards, Ireland's city managers, South Africa's townships, India's state police.
_AMERICAN_LOCAL_OFFICES = (
    *((word,) for word in sorted(_COUNCIL_TITLES)),
    *((word,) for word in ("selectmen", "aldermen", "alderman")),
    ("board", "of", "supervisors"),
    ("county", "commission"),
    ("county", "commissioners"),
    *(("sheriff", "s", noun) for noun in ("office", "deputy", "deputies", "department")),
    *(("sheriff", noun) for noun in ("office", "deputy", "deputies", "department")),
    ("school", "district"),
    ("municipal", "court"),
    ("board", "of", "education"),
)
# The first and last words of each (one word's twice): :func:`_american_local_offices` is asked only where the tokens
# hold both of one office's ("school district" needs "school" and "district").
_OFFICE_ENDS = frozenset((office[0], office[-1]) for office in _AMERICAN_LOCAL_OFFICES)
_OFFICE_MARKS = frozenset(word for ends in _OFFICE_ENDS for word in ends)


def _office_marked(marks: frozenset[str] | set[str]) -> bool:
    """Whether the story's mark words (:data:`_MARK_WORDS` in its tokens) may hold an American local office."""
    if marks.isdisjoint(_OFFICE_MARKS):  # most stories
        return False
    return any(first in marks and last in marks for first, last in _OFFICE_ENDS)


def _phrase_starts(texts: list[str], phrase: tuple[str, ...]) -> Iterator[int]:
    """The token indexes where ``phrase`` (folded words) stands in ``texts``."""
    n, at = len(phrase), -1
    while True:
        try:
            at = texts.index(phrase[0], at + 1)
        except ValueError:
            return
        if n == 1 or texts[at : at + n] == list(phrase):
            yield at


# Words before a small town's name that make it a place ("in Pataskala", "near Bicester"). Not "of": "the intersection of
# Woodfield and Martingale roads" names a road.
_TOWN_PREPOSITIONS = frozenset(["in", "at", "near", "outside", "from", "to", "into", "around", "across", "through", "downtown"])
# Words after a small town's name that make it the town's: its people, its government, its institutions ("Schaumburg
# trustees", "a Hamlin man", "Ozark police").
_TOWN_NOUNS = frozenset(
    [
        *("police", "council", "city", "town", "township", "village", "borough", "mayor", "trustees", "officials"),
        *("selectmen", "aldermen", "councillors", "councilors", "commissioners", "residents", "resident", "voters"),
        *("man", "woman", "boy", "girl", "teen", "fire", "firefighters", "board", "library", "zoning", "school"),
        *("schools", "high", "hospital", "area", "park", "district", "center", "centre", "church", "chamber"),
        "neighborhood",
    ]
)
_DASHES = ("—", "–", "-")


def _local_towns(gaz: Gazetteer, ts: TokenStream, text: str) -> list[tuple[int, int, str, str]]:
    """Small towns of :attr:`Gazetteer.local_towns` named in ``text`` with support, as (start, end, folded name,
    country), when all of them are towns of one country (else none).

    Such a name counts capitalised (or in capitals), after a locative ("in Pataskala", "near Bicester"), before
    a noun of the town's people or government ("Schaumburg trustees", "a Hamlin man"), before a possessive, or in
    capitals before a dash (a local paper's dateline inside its byline: "PATASKALA --"). After a capitalised first name
    it is a surname ("Andrew Haney scored"), and so is every other mention of it in the story ("Geoffrey Hinton ...
    Hinton's remarks": no Hinton, Alberta).
    """
    texts, heads, towns = ts.texts, gaz.local_town_heads, gaz.local_towns
    named: list[tuple[int, int, str]] = []  # (first token, last token, folded name)
    surnames: set[str] = set()
    n = len(texts)
    i = 0
    while i < n:
        if texts[i] not in heads or not text[ts.start(i)].isupper():
            i += 1
            continue
        for last in range(min(n, i + 4) - 1, i - 1, -1):  # the longest name first: "Sedro Woolley"
            form = texts[i] if last == i else " ".join(texts[i : last + 1])
            if form in towns:
                break
        else:
            i += 1
            continue
        if i > 0 and texts[i - 1] in gaz.first_names and text[ts.start(i - 1)].isupper():
            surnames.add(form)
        else:
            named.append((i, last, form))
        i = last + 1
    found: list[tuple[int, int, str, str]] = []
    for i, last, form in named:
        start, end = ts.start(i), ts.end(last)
        name = text[start:end]
        if form in surnames or not all(w[:1].isupper() for w in name.replace("-", " ").split()):
            continue
        if (
            (i > 0 and texts[i - 1] in _TOWN_PREPOSITIONS and text[ts.end(i - 1) : start] == " ")
            or (last + 1 < n and texts[last + 1] in _TOWN_NOUNS and text[end : ts.start(last + 1)] == " ")
            or text[end : end + 2] in _POSSESSIVES
            or (name.isupper() and text[end:].lstrip(" ").startswith(_DASHES))
        ):
            found.append((start, end, form, towns[form]))
    return found if len({c for *_rest, c in found}) == 1 else []


def _american_local_offices(ts: TokenStream, text: str, townships: bool) -> list[tuple[int, int, str]]:
    """The spans of :data:`_AMERICAN_LOCAL_OFFICES` in the story, in text order, with the office's folded form; with
    ``townships``, also of each named civil township (:data:`_TOWNSHIP`)."""
    spans = []
    for office in _AMERICAN_LOCAL_OFFICES:
        for at in _phrase_starts(ts.texts, office):
            spans.append((ts.start(at), ts.end(at + len(office) - 1), " ".join(office)))
    if townships and "Township" in text:
        spans.extend((m.start(), m.end(), "township") for m in _TOWNSHIP.finditer(text))
    return sorted(spans)


# A civil township by its name ("Readington Township", "Hamilton Township"), as American local papers name their
# own. Read only where the story names no country: South Africa's press names its townships too, mostly in lower
# case ("Alexandra township"), and Ontario's ("Zorra Township") stand beside a Canadian place.
_TOWNSHIP = re.compile(r"\b(?:(?:Upper|Lower|East|West|North|South|New|Old|Mount) )?[A-Z][a-z]+(?:-[A-Z][a-z]+)? Township\b")


_ARABIC_NAME_MARKS = _PATRONYMS | _THEOPHORIC
# A monarch's titles before the name they reign under (English, capitalised).
_ROYAL_TITLES = frozenset(["king", "queen", "prince", "princess", "emperor", "empress", "tsar", "czar", "sultan", "emir"])
# Kinship nouns before a relative's first name (English).
_KIN_WORDS = frozenset(
    [
        *("son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "grandson"),
        *("granddaughter", "nephew", "niece", "cousin", "widow", "stepson", "stepdaughter", "fiancee", "fiance"),
    ]
)
# Titles of office in languages that write them in lower case before a surname ("el presidente Bush", "le président
# Santos"), and German's (capitalised: "Präsident Bush"): the name after one is the holder's, not a place, however sure
# a town's name it is in that language (Bush, a town of Egypt, is no Spanish word). Compounds ending so count in German
# ("Außenminister", "Ministerpräsident"). Not Russian or Ukrainian, where a title takes the genitive of its place ("мэр
# Москвы", "премьер-министра Великобритании"), nor a German genitive ("Präsident Frankreichs", "Bürgermeister Berlins").
_OFFICE_TITLES: dict[str, frozenset[str]] = {
    "es": frozenset(
        [
            *("presidente", "presidenta", "expresidente", "vicepresidente", "ministro", "ministra", "canciller"),
            *("senador", "senadora", "gobernador", "gobernadora", "alcalde", "alcaldesa", "rey", "reina", "papa"),
            *("general", "juez", "jueza", "embajador", "embajadora", "diputado", "diputada", "mandatario", "dictador"),
            *("coronel", "fiscal", "comandante", "príncipe", "princesa", "secretario", "secretaria"),
        ]
    ),
    "fr": frozenset(
        [
            *("président", "présidente", "ministre", "chancelier", "chancelière", "sénateur", "sénatrice"),
            *("gouverneur", "maire", "roi", "reine", "prince", "princesse", "pape", "général", "juge"),
            *("ambassadeur", "ambassadrice", "député", "députée", "dictateur", "colonel", "secrétaire"),
        ]
    ),
    "pt": frozenset(
        [
            *("presidente", "presidenta", "ministro", "ministra", "governador", "governadora", "prefeito"),
            *("prefeita", "senador", "senadora", "rei", "rainha", "papa", "general", "juiz", "juíza", "embaixador"),
            *("deputado", "deputada", "chanceler", "secretário", "secretária", "príncipe", "princesa"),
        ]
    ),
    "it": frozenset(
        [
            *("presidente", "ministro", "ministra", "premier", "senatore", "senatrice", "sindaco", "re", "regina"),
            *("papa", "generale", "giudice", "ambasciatore", "deputato", "deputata", "cancelliere", "principe"),
        ]
    ),
    "de": frozenset(
        [
            *("präsident", "präsidentin", "kanzler", "kanzlerin", "minister", "ministerin", "gouverneur"),
            *("bürgermeister", "bürgermeisterin", "könig", "königin", "papst", "senator", "senatorin", "general"),
            *("botschafter", "botschafterin", "regierungschef", "regierungschefin", "prinz", "prinzessin"),
        ]
    ),
}
_GERMAN_TITLE_ENDS = ("minister", "ministerin", "präsident", "präsidentin", "kanzler", "kanzlerin", "chef", "chefin")


# Particles that open a surname after a first name: "Jordan van der Berg", "Leonardo da Vinci", "Ursula von der
# Leyen".
_SURNAME_PARTICLES = frozenset(["de", "da", "di", "du", "del", "della", "dos", "das", "van", "von"])


# Cricket scorecards' marks before a fielder's or a bowler's surname: caught, bowled, stumped ("Saeed Anwar c Croft b
# Cork 176", "st Germon b Astle"), in lower case.
_CRICKET_MARKS = frozenset(["b", "c", "st"])
_CLUB_WORDS = _CLUB_MARKS | _CLUB_PREFIXES
_MARK_WORDS = (
    _CRICKET_MARKS
    | _CLUB_WORDS
    | {"governor", "premier"}
    | _SPEECH_VERBS
    | _CYR_SPEECH_VERBS
    | _ARABIC_NAME_MARKS
    | _KIN_WORDS
    | _ROYAL_TITLES
    | _LOCAL_MARKS
    | _OFFICE_MARKS
    | frozenset().union(*_OFFICE_TITLES.values())
    | _SURNAME_PARTICLES
)
# How far into a headline a colon may end the topic label that opens it ("Haut-Karabakh : ...").
_MAX_TOPIC_CHARS = 40
# A place inside an organisation name adds this much (times its position weight) to a
# country the story names elsewhere.
ORGANISATION_WEIGHT = 0.3
# A head of state or government, or a party, named in a story that names no place at all ("President
# Rodrigo Duterte signs ..."): this much (times its position weight) for its country (issue #17).
# The weight only orders several leaders' countries; a place named anywhere leaves people out.
PERSON_WEIGHT = 0.5
# An office only American local government has, under that name, named in a story that names no place of the United
# States or Canada (see _AMERICAN_LOCAL_OFFICES): this much (times its position weight) for the United States.
OFFICE_WEIGHT = 0.25
# One state's money named in a story whose text names no country ("£2.5m", "рублей"; see stream.places.currency): this
# much (times its position weight) for that state, as an office's weight, so that a leader's name outweighs it.
CURRENCY_WEIGHT = 0.25
# A small town of the United States, Canada, Australia or the United Kingdom named with support of its own in an English
# story that names no country (see _local_towns): this much (times its position weight) for its country. A name read
# with support weighs as an ambiguous one does; only ever the one country's evidence, so the weight orders it against
# leaders' and offices' countries.
LOCAL_TOWN_WEIGHT = AMBIGUOUS_WEIGHT
# A country's name or abbreviation before a force noun ("United States aircraft bomb ...") weighs this much;
# so does a demonym there when the story names another country as the scene ("Japanese troops land in ...").
FORCE_WEIGHT = 0.5
# A plural demonym after a number or a quantifier in English ("three Australians") weighs this much of a demonym.
COUNTED_PEOPLE_WEIGHT = 0.5
# A country in an enumeration of at least three weighs this much of a mention.
LIST_WEIGHT = 0.5
# A name hyphened to an attribute ("pro-Kremlin", "Saudi-led") weighs this much of a mention.
ATTRIBUTIVE_WEIGHT = 0.25
# A country is one of the story's own (``relevant: true``) when its score is at least this
# fraction of the top country's, or the headline names it; the rest are background mentions.
RELEVANT_RATIO = 0.5
# Capitalised words that follow or precede a place name without making it a person's name:
# compass and size words, titles, institutions, geographic nouns (folded).
# Parts of a place named before it: "Northeast Ohio", "Downtown Cleveland", "Midtown Atlanta", "Metro Vancouver".
_PLACE_PARTS = frozenset(
    [
        *("northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern"),
        *("southwestern", "downtown", "uptown", "midtown", "inner", "outer", "metro", "suburban", "rural", "coastal"),
        *("historic", "upstate", "downstate", "occupied"),
    ]
)
_NAME_NEIGHBOURS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "new",
        "old",
        "president",
        "prime",
        "minister",
        "foreign",
        "police",
        "army",
        "government",
        "state",
        "city",
        "province",
        "region",
        "county",
        "airport",
        "river",
        "lake",
        "mount",
        "bay",
        "falls",
        "harbour",
        "harbor",
        "valley",
        "street",
        "square",
        "university",
        "court",
        "parliament",
        "senate",
        "mayor",
        "governor",
        "king",
        "queen",
        "premier",
        "cup",
        "league",
        "open",
        "grand",
        "prix",
        "club",
        "united",
        "national",
        "federal",
        "republic",
        "nord",
        "sud",
        "est",
        "ouest",
        "centre",
        "président",
        "gouvernement",
        "ville",
        "région",
        "norte",
        "sur",
        "este",
        "oeste",
        "centro",
        "presidente",
        "gobierno",
        "ciudad",
        "región",
        "nord",
        "süd",
        "ost",
        "west",
        "mitte",
        "präsident",
        "regierung",
        "stadt",
        "север",
        "юг",
        "восток",
        "запад",
        "президент",
        "правительство",
        "город",
        "kuzey",
        "güney",
        "doğu",
        "batı",
        "orta",
        "cumhurbaşkanı",
        "hükümet",
        "il",
        "şehir",
        # Administrative units, institutions and buildings named after their place: "Kyiv Oblast",
        # "Idlib Governorate", "Liverpool Crown Court", "Texas Senator", "Dubai International"
        # (airport); the place name is not a first name there.
        "oblast",
        "governorate",
        "krai",
        "district",
        "prefecture",
        "municipality",
        "territory",
        "island",
        "islands",
        "peninsula",
        "senator",
        "attorney",
        "congressman",
        "congresswoman",
        "legislative",
        "assembly",
        "council",
        "crown",
        "cathedral",
        "international",
        "metropolitan",
        "regional",
        "municipal",
        # "... received from Illinois Department of Transportation": with no article before it, a state's office
        # had read as a person called Illinois Department.
        "department",
        "ministry",
        # "... in the dock of Belfast Magistrate's Court": no person called Belfast Magistrate.
        *("magistrate", "magistrates", "coroner", "coroners", "tribunal", "borough", "township", "constabulary"),
        "college",
        "school",
        "hospital",
        "institute",
        "agency",
        "commission",
        "guard",
        "patrol",
        *_PLACE_PARTS,
    ]
)
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "for",
        "and",
        "or",
        "but",
        "with",
        "as",
        "is",
        "was",
        "le",
        "la",
        "les",
        "de",
        "du",
        "des",
        "un",
        "une",
        "en",
        "au",
        "aux",
        "à",
        "et",
        "el",
        "los",
        "las",
        "del",
        "y",
        "al",
        "con",
        "por",
        "para",
        "der",
        "die",
        "das",
        "dem",
        "den",
        "des",
        "ein",
        "eine",
        "im",
        "am",
        "vom",
        "zum",
        "zur",
        "und",
        "в",
        "во",
        "на",
        "из",
        "с",
        "со",
        "к",
        "и",
        "у",
        "по",
        "для",
        # Prepositions and conjunctions that open sentences before a place in an oblique case or after a comma
        # ("Между Лондоном и Москвой ...", "Near Jordan's border ..."): opening a sentence they are capitalised like a
        # first name, and an ambiguous city (Лондон, Jordan) had been read as the surname after them.
        "near",
        "outside",
        "inside",
        "between",
        "across",
        "around",
        "beyond",
        "unlike",
        "despite",
        "after",
        "before",
        "within",
        "without",
        "toward",
        "towards",
        "against",
        "along",
        "amid",
        "among",
        "behind",
        "beside",
        "during",
        "over",
        "through",
        "throughout",
        "under",
        "via",
        "into",
        "upon",
        "между",
        "под",
        "над",
        "перед",
        "за",
        "вокруг",
        "около",
        "возле",
        "близ",
        "вблизи",
        "после",
        "от",
        "до",
        "без",
        "через",
        "при",
        "о",
        "об",
        "про",
        "среди",
        "против",
        "внутри",
        "вдоль",
        "мимо",
        "кроме",
        "ко",
        "а",
        "но",
        "или",
        "між",
        "під",
        "навколо",
        "біля",
        "поблизу",
        "після",
        "з",
        "із",
        "зі",
        "від",
        "серед",
        "проти",
        "вздовж",
        "повз",
        "і",
        "та",
    ]
)


# A named tuple built without its generated __new__ (a Python frame per tuple): for the dozens of mentions and
# scored pieces of evidence of every story, all fields given.
_new_tuple = tuple.__new__


class Mention(NamedTuple):
    """Evidence for a place: the original text span and the gazetteer form it matched.

    A named tuple, not a frozen dataclass: a frozen dataclass sets each field through ``object.__setattr__``,
    and a 2,000-character story builds a mention per name (about 4% of the stage).
    """

    text: str
    start: int
    end: int
    form: str
    source: str  # text | dateline | demonym | metonym | provider | origin | organisation | person | party


# Not frozen: a frozen dataclass sets each field through object.__setattr__, and a 2,000-character story builds
# dozens of hits (about 5% of the stage). Hits are compared by identity (id()), never hashed or changed.
@dataclass(slots=True)
class _Hit:
    first: int  # token indexes
    last: int
    form: str
    nisba: bool  # an Arabic-script name with a nisba tail: an adjective
    locative: bool  # the name is the scene: "in X", a locative case ending or proclitic
    prep: bool  # a locative preposition before it ("in", "à", "в", "في"): used as a place
    readings: tuple[tuple[int, int, int], ...]  # (place, ftype, flags)
    family: int  # script family of the form, as the automaton stores it (no per-use Unicode lookup)
    # Character offsets of the mention in the story text: the tokens' span (set once the hit is kept),
    # except for a name inside a run of an unspaced script (Chinese, Japanese), where the run is one
    # token and holds several names.
    start: int
    end: int


@dataclass(frozen=True)
class GeoResult:
    """Countries, regions and places of one story, with evidence and focus."""

    countries: tuple[dict[str, object], ...]
    regions: tuple[dict[str, object], ...]
    places: tuple[dict[str, object], ...]
    focus_country: str | None
    focus_region: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "countries": [dict(c) for c in self.countries],
            "regions": [dict(r) for r in self.regions],
            "places": [dict(p) for p in self.places],
            "focus": {"country": self.focus_country, "region": self.focus_region},
        }


@cache
def _tails(family: int, language: str | None, adjective: bool, final: str) -> frozenset[str] | None:
    return tails_for(family, language, adjective=adjective, final=final)


@cache
def _any_tails(language: str | None) -> dict[int, frozenset[str]]:
    """Per script family, every tail any reading may take in a story of ``language``: a match whose tail is none of
    them is dropped before its readings are read (two in three of a story's matches with a tail: "chi" in
    "children", "pre" in "president"). Families whose tails depend on more than the language (Finnish endings on
    the name's last letter) or that take any tail (unspaced scripts) are left out, so they are read as before."""
    out: dict[int, frozenset[str]] = {}
    for family in range(len(FAMILIES)):
        if language == "fi" and family == LAT:
            continue
        allowed = [tails_for(family, language, adjective=adjective) for adjective in (False, True)]
        if all(a is not None for a in allowed):
            out[family] = frozenset().union(*(a for a in allowed if a is not None))
    return out


_NEEDPRE_FI = NEEDPRE | FI
# Script families whose names a person's can be (capitals tell them): the rules on persons ask only these.
_CASED_FAMILIES = frozenset([LAT, CYR])
# Finnish case forms stored whole (FI: Suomessa) that make the name the scene, as the inessive tail does.
_FI_INESSIVE = ("ssa", "ssä")


# Endings of Arabic nisba adjectives and their plurals (برازيلية, بحريني, كويتيون).
_AR_NISBA_ENDINGS = ("ي", "ية", "يون", "يين", "يان", "يتان", "يات")


def _scan(ts: TokenStream, text: str, gaz: Gazetteer, language: str | None) -> list[_Hit]:
    """Every gazetteer form in ``ts`` (the first :data:`_MAX_HITS`) that passes its script's inflection and case rules.

    Linear in the text: per automaton match only bounded pieces are copied (a proclitic, a
    tail cut at ``_TAIL_CAP``), and a span's case is checked once per token span.
    """
    joined, starts, texts = ts.joined, ts.starts, ts.texts
    begins, ends = ts.begins, ts.ends  # original offsets, indexed directly: dozens of reads per story
    # The hits found, as tuples that sort in the overlap order below without a key: (first - last, -len(form),
    # first, the order found, then _Hit's fields from last on). Only the hits kept become _Hit objects.
    found: list[_Candidate] = []
    all_caps: dict[tuple[int, int], bool] = {}  # token span -> written in capitals (or without letters)
    # Longest form hit so far inside each single token: a later hit there that is no longer
    # loses the overlap resolution below anyway (ties keep the earlier hit), so it is not checked.
    longest_in_token: dict[int, int] = {}
    dollar = "$" in text  # most stories hold none: the check per name below is then skipped
    # Finnish endings, Finnish-only forms (FI) and Finnish words (fi_words) are read in Finnish stories only.
    fi = language == "fi"
    slavic = language in DECLINING_LATIN
    lat_locative = FINNISH_LOCATIVE if fi else TURKIC_LOCATIVE
    any_tails = _any_tails(language)
    # Latin and Cyrillic keys begin with a space (gazetteer.ANCHORED_FAMILIES), so the walk is over the joined
    # tokens after one: ``stop`` is a match's end in ``joined``, exclusive.
    matches: Iterable[tuple[int, tuple[str, int, tuple[Entry, ...]]]] = gaz.automaton.iter(" " + joined)
    if slavic:
        # The Slavic and Baltic stems' own automaton (Gazetteer.slavic_automaton), its matches merged in by where they
        # end; a stem takes only the story language's endings (the tail check below).
        matches = heapq.merge(matches, gaz.slavic_automaton.iter(" " + joined), key=itemgetter(0))
    for stop, (key, family, entries) in matches:
        begin = stop - len(key)
        # Tokens are joined by single spaces, so a match starts inside a token when a non-space precedes it.
        prefixed = begin > 0 and joined[begin - 1] != " "
        # Only Arabic proclitics, Hebrew prefixes and unspaced runs let a name start inside a token: the
        # Armenian or Georgian forms inside a longer word go before any lookup.
        if prefixed and family not in INSIDE_FAMILIES:
            continue
        article = False
        proclitic = ""
        # The token index is found only for a match with a reading left to check or keep, or one inside a token.
        first = bisect_right(starts, begin) - 1 if prefixed else -1
        tok_start = starts[first] if prefixed else begin
        if prefixed and family == HEB:
            if begin - tok_start > MAX_HE_PREFIX_CHARS or language in _NO_HE_PREFIX_LANGS:
                continue
            proclitic = _he_prefix(joined[tok_start:begin], key)
            if not proclitic:
                continue
        elif prefixed and family != CJK:
            if family != ARA or begin - tok_start > MAX_PROCLITIC_CHARS or language in _NO_PROCLITIC_LANGS:
                continue
            proclitic = joined[tok_start:begin]
            if proclitic not in AR_PROCLITICS:
                continue
            if f"{proclitic}|{key}" in gaz.ar_prefixed_words:
                # A frequent word of another meaning: كبيرا ("big"), not ك + Beira; وكيل ("agent"), not و + Kiel.
                continue
            article = proclitic in AR_ARTICLE_PREFIXES
        # The rest of the last token, cut at _TAIL_CAP: found without the token index, which only the
        # matches with a reading left need.
        space = joined.find(" ", stop, stop + _TAIL_CAP)
        tail = joined[stop:space] if space >= 0 else joined[stop : stop + _TAIL_CAP]
        if tail and family in any_tails and tail not in any_tails[family]:
            continue
        if tail and family == LAT and f"{key}|{tail}" in gaz.de_words and language in (None, "und", "de"):
            # A German word of another meaning, not a genitive: "Abgas" (exhaust, dpa's "Abgas-Skandal") is no Abga's,
            # a GeoNames form of Abha.
            continue
        single = " " not in key
        if single and family != CJK and longest_in_token.get(tok_start, 0) >= len(key):
            continue
        last = -1
        readings = []
        for place, ftype, flags in entries:
            if (
                flags & ARTICLED
                and language == "ar"
                and not article
                and single
                and not tail
                and not key.endswith(_AR_NISBA_ENDINGS)
            ):
                # Arabic writes these places with the article (الرياض, الهند): bare, the word is a name or a noun of
                # its own ("رياض الأطفال", kindergartens; the first names Riyad and Hind; صور, pictures, not Tyre),
                # though Persian writes the places so. An indefinite nisba needs none ("شركة برازيلية", "كويتيون").
                continue
            if flags & _NEEDPRE_FI and ((flags & NEEDPRE and not prefixed) or (flags & FI and not fi)):
                continue
            # Arabic proper names take the article only as a nisba adjective
            # (الأرمينية) or when it belongs to the name: "السيول" is floods, not Seoul.
            if article and not tail and not flags & NEEDPRE:
                continue
            if tail:
                if flags & NOTAIL:
                    continue
                allowed = _tails(family, language, bool(flags & ADJ), key[-1] if fi and family == LAT else "")
                if allowed is not None and tail not in allowed:
                    continue
            elif flags & STEM:
                continue
            if flags & (CASE | CAP | LOWER):
                if last < 0:
                    first = bisect_right(starts, begin) - 1 if first < 0 else first
                    last = first if single else first + key.count(" ")
                if flags & CASE and not _all_caps(all_caps, text, ts, first, last):
                    continue
                if flags & CAP and not text[begins[first]].isupper() and not (family == HYE and tail in HYE_LOWER_TAILS):
                    continue
                if flags & LOWER and text[begins[first]].isupper() and not _nationality_opening(text, begins[first], tail):
                    continue
            readings.append((place, ftype, flags))
        if not readings:
            continue
        if last < 0:
            first = bisect_right(starts, begin) - 1 if first < 0 else first
            last = first if single else first + key.count(" ")
        unspaced = family == CJK and single
        if readings and proclitic and family == HEB:
            readings = _he_prefixed_readings(gaz, readings, texts[first])
        if slavic and tail and family == LAT and f"{key}|{tail}" in gaz.sl_words:
            # A Slavic word of another meaning ("baru", of a bar, not Bar's).
            readings = [(p, t, (f | AMBIG) & ~WORD) for p, t, f in readings]
        if fi and family == LAT and f"{key}|{tail}" in gaz.fi_words:
            # A Finnish word of another meaning ("Miten" how, not Mitte + n; "Sarjan" of a series, not Sharjah's).
            readings = [(p, t, f | AMBIG | WORD) for p, t, f in readings]
        # A Russian or Ukrainian word of another meaning ("Вона", she, not Vaughan's; "Читаю", I read, not Chita's):
        # a place only after a locative preposition.
        word_form = bool(tail) and family == CYR and f"{key}|{tail}" in gaz.cyr_words
        if readings and unspaced:
            readings = _inside_a_run(gaz, readings, joined, begin, stop - 1, tok_start, tok_start + len(texts[first]))
        # A name or code written against a dollar sign is a currency, not a place: "US$70 million",
        # "HK$5", "NZ$" price in that money whatever the story is about.
        if readings and dollar and text[ends[last] : ends[last] + 1] == "$":
            continue
        if readings:
            # In cased scripts a capitalised name after "in"/"à"/"в" is a place; in
            # Arabic "في" precedes any noun ("في المدينة", in the city), so it proves nothing.
            prep = first > 0 and texts[first - 1] in _LOCATIVE_BEFORE and family in (LAT, CYR)
            if word_form and not prep:
                continue
            locative = (
                prep
                or tail.lstrip("'’") in (lat_locative if family == LAT else _LOCATIVE_TAILS.get(family, ()))
                or (fi and not tail and family == LAT and key.endswith(_FI_INESSIVE) and any(r[2] & FI for r in readings))
                # The tokenizer splits "Karabağ'da" at the apostrophe.
                or (
                    last + 1 < len(texts)
                    and texts[last + 1] in _LOCATIVE_TAILS[LAT]
                    and text[ends[last] : ends[last] + 1] in _APOSTROPHES
                )
                or proclitic in _AR_LOCATIVE_PROCLITICS
                or proclitic in HE_LOCATIVE_PREFIXES
                or (
                    family == LAT
                    and first > 0
                    and texts[first - 1] in _SCENE_MODIFIERS
                    and _scene_through_modifiers(text, ts, first)
                )
            )
            if locative and family == LAT and (_origin_before(texts, first - 1) or _venue_before(texts, first)):
                locative = False
            start = stop = -1  # the tokens' span, set below for the hits kept
            if unspaced:
                start, stop = ts.inner_span(first, begin - tok_start, len(key))
            found.append(
                (
                    first - last,
                    -len(key),
                    first,
                    len(found),
                    last,
                    key,
                    bool(tail) and family == ARA,
                    locative,
                    prep,
                    tuple(readings),
                    family,
                    start,
                    stop,
                )
            )
            if single:
                longest_in_token[tok_start] = len(key)
            if len(found) == _MAX_HITS:
                break
    # Longest token span first, then longest form, then the earlier (the order found breaks every tie); drop hits
    # overlapping a kept one. Inside a run of an unspaced script the characters, not the token, are what two names
    # may not share: "中国与哈萨克斯坦" names China and Kazakhstan.
    found.sort()
    taken: set[int] = set()
    inside: set[int] = set()  # tokens (unspaced runs) with names kept inside them
    claimed: set[int] = set()  # character offsets of those names: a bounded check per name, however long the run
    kept: list[_Hit] = []
    for _span, _length, first, _order, last, key, nisba, locative, prep, chosen, family, start, stop in found:
        if family == CJK and first == last:
            chars = range(start, stop)
            if first in taken or any(c in claimed for c in chars):
                continue
            inside.add(first)
            claimed.update(chars)
        elif first == last:  # most hits: the check below without a generator
            if first in taken or first in inside:
                continue
            taken.add(first)
            start, stop = begins[first], ends[last]
        else:
            span_ids = range(first, last + 1)
            if any(i in taken or i in inside for i in span_ids):
                continue
            taken.update(span_ids)
            start, stop = begins[first], ends[last]
        kept.append(_Hit(first, last, key, nisba, locative, prep, chosen, family, start, stop))
    kept.sort(key=_text_order)
    return kept


# A hit of _scan before the overlaps are resolved: the overlap order's keys, then _Hit's fields from ``last`` on.
_Candidate = tuple[int, int, int, int, int, str, bool, bool, bool, tuple[tuple[int, int, int], ...], int, int, int]
# The text order of the hits kept: a C getter (a tuple per hit was a measurable part of the scan).
_text_order = attrgetter("first", "start")


# Endings of Russian and Ukrainian surnames that a nationality noun takes too: "Поляков" (a surname) against
# "поляков" (of Poles).
_SURNAME_TAILS = frozenset(["ов", "ев", "ин", "ын", "ова", "ева", "іна"])


def _nationality_opening(text: str, start: int, tail: str) -> bool:
    """Whether a capitalised nationality noun at ``start`` (with ending ``tail``) opens a sentence, and so may be
    one ("Француз Ален Аспе ..."), rather than being a surname ("Сергей Поляков", "Поляков заявил")."""
    return tail not in _SURNAME_TAILS and opens_sentence(text, start)


def _he_prefix(written: str, key: str) -> str:
    """The Hebrew prefix chain of :data:`HE_PREFIXES` written before the name ``key``, or "" if it is none.

    A name's initial consonantal ו is doubled after a prefix (וושינגטון -> בוושינגטון): the extra ו is the
    name's, not a conjunction's.
    """
    if written in HE_PREFIXES:
        return written
    if key[:1] == "ו" and written[-1:] == "ו" and written[:-1] in HE_PREFIXES:
        return written[:-1]
    return ""


def _he_prefixed_readings(gaz: Gazetteer, readings: list[tuple[int, int, int]], token: str) -> list[tuple[int, int, int]]:
    """The readings of a name written behind a Hebrew prefix: ambiguous as a word where the build found the
    token mostly another word (:attr:`Gazetteer.he_prefixed_words`: שנים "years", not ש + Nîmes)."""
    if token not in gaz.he_prefixed_words:
        return readings
    return [(p, t, f | AMBIG | WORD) for p, t, f in readings]


# Titles that may head "<title> [name] of <country>" (folded token sequences): the leaders' titles of
# stream.places.people and a minister's.
_TITLES_OF = TITLES | {("minister",)}
_TITLE_ENDS = frozenset(t[-1] for t in _TITLES_OF)
_MAX_TITLE_NAME_WORDS = 3


def _inside_a_run(
    gaz: Gazetteer, readings: list[tuple[int, int, int]], joined: str, begin: int, end: int, run_start: int, run_end: int
) -> list[tuple[int, int, int]]:
    """The readings of a name at ``joined[begin : end + 1]`` inside the unspaced run ``[run_start, run_end)``: those
    that need support (ambiguous, as no word list's word) where the name looks part of a longer one."""
    if _glued(joined, begin, end, run_start, run_end):
        every_kind = False
    elif not "\u0e01" <= joined[begin] <= "\u0e5b":
        return readings
    elif _mid_syllable(joined, begin, end, run_start, run_end):
        every_kind = True
    elif (begin > run_start or end + 1 < run_end) and not joined[run_start:begin].endswith(_TH_PLACE_MARKERS):
        every_kind = False
    else:
        return readings
    return [
        r if not every_kind and gaz.places[r[0]].kind in _UNGLUED_KINDS else (r[0], r[1], (r[2] | AMBIG) & ~WORD)
        for r in readings
    ]


def _glued(joined: str, begin: int, end: int, run_start: int, run_end: int) -> bool:
    """Whether the name at ``joined[begin : end + 1]``, inside the run ``[run_start, run_end)``, spells on into
    a neighbour: its edge character and the one beyond it both spell foreign names (:data:`_SPELLING`)."""
    return (begin > run_start and joined[begin - 1] in _SPELLING and joined[begin] in _SPELLING) or (
        end + 1 < run_end and joined[end + 1] in _SPELLING and joined[end] in _SPELLING
    )


# Thai vowels written before their consonant, and the vowel signs and marks written after or over it.
_TH_PREPOSED = frozenset("เแโใไ")
_TH_FOLLOWING = frozenset("ะัาำิีึืฺุู็่้๊๋์ํ")
# Words written right before a place name: in, at, from, to, towards, and city, province, district, capital, country.
_TH_PLACE_MARKERS = tuple(fold(w) for w in ("ใน", "ที่", "จาก", "ไป", "ยัง", "สู่", "เมือง", "จังหวัด", "อำเภอ", "เขต", "กรุง", "ประเทศ"))


def _mid_syllable(joined: str, begin: int, end: int, run_start: int, run_end: int) -> bool:
    """Whether a Thai name inside a run starts or ends inside a syllable of its neighbours, so it is part of a longer
    word: its last consonant takes the next vowel sign ("ลาว", Laos, in ฟอร์มูลาวัน, Formula One), or a vowel written
    before its first consonant belongs to the syllable before it. A city inside a run counts only with support too
    (วัฒนา, a Bangkok district, in วิวัฒนาการ, evolution) unless a place word or a locative is written before it
    (ไปเชียงใหม่, to Chiang Mai); countries and capitals only when cut so."""
    return (end + 1 < run_end and joined[end + 1] in _TH_FOLLOWING) or (begin > run_start and joined[begin - 1] in _TH_PREPOSED)


def _titled(ts: TokenStream, text: str, of: int) -> bool:
    """Whether the "of" at token ``of`` follows a title, directly or across a capitalised name.

    "Prime Minister of", "President Yoweri Museveni of"; not "the people of", "a Minister's visit of".
    """
    texts = ts.texts
    at = of
    for _ in range(_MAX_TITLE_NAME_WORDS + 1):
        # Only a word that ends a title starts the comparison of whole titles.
        if at > 0 and texts[at - 1] in _TITLE_ENDS and any(tuple(texts[at - len(t) : at]) == t for t in _TITLES_OF):
            return True
        at -= 1
        if at < 0 or not text[ts.start(at)].isupper():
            return False
    return False


def _tie_parts(
    ts: TokenStream, text: str, gaz: Gazetteer, hits: list[_Hit], accepted: list[tuple[int, Mention, float]], in_text: int
) -> tuple[frozenset[str], frozenset[str]]:
    """The countries that win a tie at the top (targets) and those that lose one (background); English text.

    A target is named right after "against" / "on" ("sanctions against Iran"); a background country only
    after "from" ("returning from Istanbul", and names joined to it: "from Colombia and Brazil"), after a
    leader's "<title> [name] of" ("Prime Minister of Fiji") or as a demonym before a noun of people
    ("a Finnish national"). ``accepted[:in_text]`` are the names read in
    the text, in order. Only read when the top is tied (focus.py): most stories never pay for it.
    """
    texts = ts.texts
    by_start = {ts.start(h.first): h for h in hits}
    targets: set[str] = set()
    background_starts: set[int] = set()
    origin_end = -1  # last token of the latest origin
    for place, mention, _w in accepted[:in_text]:
        hit = by_start.get(mention.start)
        if hit is None:
            continue
        after = hit.last + 1
        if mention.source == "demonym" and after < len(texts) and texts[after] in _NATIONALS and text[ts.start(after)].islower():
            # "Acquitted Finnish national Mikko Vehvilainen, a soldier in the British Army": the people's
            # nationality, not where the story happens.
            background_starts.add(mention.start)
            continue
        if hit.first == 0:
            continue
        role = _ROLES_BEFORE.get(texts[hit.first - 1])
        if role is _TARGET:
            if mention.source == "text" and hit.family == LAT:
                targets.update(gaz.places[place].countries)
        elif role is _ORIGIN or (origin_end >= 0 and _joined(ts, text, origin_end, hit.first)):
            background_starts.add(mention.start)
            origin_end = hit.last
        elif role is _OF and _titled(ts, text, hit.first - 1):
            # "President Yoweri Museveni of Uganda announces ...": the leader's country is the speaker, as a
            # demonym before the title is ("Zambian President").
            background_starts.add(mention.start)
    # Countries named only so: the dateline, a provider place or any other mention makes a country more.
    named_else = {c for i, m, _w in accepted if m.start not in background_starts for c in gaz.places[i].countries}
    background = {c for i, m, _w in accepted if m.start in background_starts for c in gaz.places[i].countries}
    return frozenset(targets), frozenset(background - named_else)


def _joined(ts: TokenStream, text: str, last: int, first: int) -> bool:
    """Whether tokens ``last`` and ``first`` are joined as members of one phrase: "X and Y", "X, Y", "X or the Y"."""
    between = ts.texts[last + 1 : first]
    if between and between[-1] == "the":
        # "from Colombia and the United States": the article belongs to the next name.
        between = between[:-1]
    if not between:
        return text[ts.end(last) : ts.start(first)].startswith(", ")
    return len(between) == 1 and between[0] in ("and", "or")


# The words that join two items of a list: the pairs' "and" words (not "with") and "or".
_AND_OR = (_CONJUNCTIONS - {"with", "avec", "ile"}) | frozenset(
    ["or", "ou", "o", "oder", "ili", "или", "чи", "veya", "ya", "یا", "կամ", "ან"]
)


def _listed_with_a_country(
    ts: TokenStream, text: str, pending: list[tuple[_Hit, list[tuple[int, int, int]]]], gaz: Gazetteer
) -> set[int]:
    """Ids of the ambiguous hits written next to a sure country name, joined by "and", "or" or a comma.

    "Russia and Georgia", "Azerbaijan, Georgia": a name listed beside a country is read as a country (Georgia, not
    the US state; Jordan, not the given name); it is no support for its other readings."""
    places = gaz.places
    # Most stories have no ambiguous name that can be a country: nothing to look at.
    can_be = [h for h, sure in pending if not sure and any(places[r[0]].kind == "country" for r in h.readings)]
    if not can_be:
        return set()
    ordered = sorted(pending, key=lambda p: p[0].start)
    where = {id(h): k for k, (h, _) in enumerate(ordered)}
    out: set[int] = set()
    todo = [where[id(h)] for h in can_be]
    grown = True
    while grown:  # along the list: "Azerbaijan, Georgia and Turkey" backs Georgia, then Turkey through it
        grown = False
        for k in todo:
            hit = ordered[k][0]
            if id(hit) in out:
                continue
            for m in (k - 1, k + 1):
                if not 0 <= m < len(ordered):
                    continue
                other, sure = ordered[m]
                a, b = (other, hit) if m < k else (hit, other)
                if not (id(other) in out or any(places[r[0]].kind == "country" for r in sure)):
                    continue
                if a.last < b.first and _listed(ts, text, a.last, b.first):
                    out.add(id(hit))
                    grown = True
                    break
    return out


def _listed(ts: TokenStream, text: str, last: int, first: int) -> bool:
    """Whether tokens ``last`` and ``first`` are neighbours in a list: "X and Y", "X or Y", "X, Y", in any language."""
    between = ts.texts[last + 1 : first]
    if not between:
        return text[ts.end(last) : ts.start(first)].strip() == ","
    return len(between) == 1 and between[0] in _AND_OR


def _venue_before(texts: list[str], first: int) -> bool:
    """Whether "in" before the name (across its modifiers) follows a meeting word: "meet in [the] X"."""
    at = first - 1
    while at > 0 and first - at <= _MAX_SCENE_MODIFIERS and texts[at] in _SCENE_MODIFIERS:
        at -= 1
    return at > 0 and texts[at] in _LOCATIVE_BEFORE and texts[at - 1] in _MEETINGS


def _scene_through_modifiers(text: str, ts: TokenStream, first: int) -> bool:
    """Whether "in" precedes the name across an article or compass word ("in the United States", "in northern Iraq").

    The words must be lower-case: a capitalised one belongs to another name ("in the South China Sea").
    """
    texts = ts.texts
    at = first - 1
    skipped = 0
    while at >= 0 and skipped < _MAX_SCENE_MODIFIERS and texts[at] in _SCENE_MODIFIERS and text[ts.start(at)].islower():
        at, skipped = at - 1, skipped + 1
    return skipped > 0 and at >= 0 and texts[at] in _LOCATIVE_BEFORE


def _origin_before(texts: list[str], at: int) -> bool:
    """Whether the tokens ending at ``at`` read "first detected in [the]" (see :data:`_ORIGIN_VERBS`)."""
    if at >= 0 and texts[at] == "the":
        at -= 1
    return at >= 2 and texts[at] == "in" and texts[at - 1] in _ORIGIN_VERBS and texts[at - 2] in _ORIGIN_ADVERBS


def _all_caps(memo: dict[tuple[int, int], bool], text: str, ts: TokenStream, first: int, last: int) -> bool:
    """Whether tokens ``first..last`` are written in capitals or have no letters; once per span."""
    found = memo.get((first, last))
    if found is None:
        span = text[ts.start(first) : ts.end(last)]
        found = memo[first, last] = span.isupper() or not any(c.isalpha() for c in span)
    return found


def _best_entry(gaz: Gazetteer, key: str, *, city_first: bool = False, backed: Callable[[str], bool] | None = None) -> int | None:
    entries = [e for e in gaz.lookup(key) if e[1] in (0, 2) and gaz.places[e[0]].kind not in ("region", "shared")]
    if not entries:
        return None

    def rank(e: tuple[int, int, int]) -> tuple[int, int, int]:
        place = gaz.places[e[0]]
        kind = _KIND_RANK.get(place.kind, 9)
        # A dateline names a city: "عمان" there is Amman, not Oman.
        if city_first and place.kind in ("capital", "city"):
            kind -= 10
        # A reading whose country the story names elsewhere wins (VALENCIA in a
        # story about Spain), then the kind, then the larger place.
        support = 0 if backed is not None and any(backed(c) for c in place.countries) else 1
        return support, kind, -place.population

    ranked = sorted(entries, key=rank)
    return ranked[0][0]


def _qualifying_state(gaz: Gazetteer, hit: _Hit) -> frozenset[str]:
    """The countries of ``hit`` read as a first-level division of a :data:`QUALIFYING` country and never as a
    country ("Texas", "Ontario"; not "Georgia"); empty when it is no qualifier."""
    kinds = {gaz.places[r[0]].kind for r in hit.readings}
    if "country" in kinds or "state" not in kinds:
        return frozenset()
    countries = frozenset(c for r in hit.readings if gaz.places[r[0]].kind == "state" for c in gaz.places[r[0]].countries)
    return countries if countries <= QUALIFYING else frozenset()


# Between a town's name and the country that qualifies it: the comma and at most a compass word ("Delmas, north-east
# South Africa", "Gulu, northern Uganda").
_COUNTRY_QUALIFIER_GAP = re.compile(
    r",[ \t]+(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?east|north-?west|south-?east"
    r"|south-?west|north-?eastern|north-?western|south-?eastern|south-?western)[ \t]+)?"
)
# After the country: a list goes on ("Kabul, Pakistan and India", "Lyon, Germany, Italy"), a qualifier does not.
_LIST_GOES_ON = re.compile(r"[ \t]*(?:(?:and|or|&)\b|,[ \t]*(?P<next>\w))")


def _country_qualifies(gaz: Gazetteer, ts: TokenStream, text: str, hit: _Hit, after: _Hit) -> bool:
    """Whether ``after`` is a country named right after the town ``hit`` to say where it is ("Delmas, north-east South
    Africa", "Córdoba (Argentina)"): a sure country after the comma (and a compass word), no list going on after it,
    or alone in brackets, and ``hit`` read only as cities, none of them a capital (a capital beside another country is
    a list's item: "Kabul, Pakistan"). Brackets are also how agency sports copy gives a player's country ("Bruny Surin
    (Canada) 10.30", "Nicklas Kulti (Sweden)"): a name so followed by another country than its city's is no city."""
    bracketed = text[hit.end : after.start] == " (" and text[after.end : after.end + 1] == ")"
    if not bracketed and not _COUNTRY_QUALIFIER_GAP.fullmatch(text, hit.end, after.start):
        return False
    if not all(gaz.places[r[0]].kind == "country" and not r[2] & AMBIG for r in after.readings):
        return False
    if bracketed:
        kinds = {gaz.places[r[0]].kind for r in hit.readings}
        # A province's name too ("Surin", a Thai city and province) only after a capitalised word, a player's first
        # name: "Crimea (Russia)" names the disputed province.
        prev = hit.first - 1
        return kinds == {"city"} or (
            kinds <= {"city", "state"} and prev >= 0 and text[ts.end(prev) : hit.start] == " " and _name_word(ts, text, prev)
        )
    if not all(gaz.places[r[0]].kind == "city" for r in hit.readings):
        return False
    more = _LIST_GOES_ON.match(text, after.end)
    return more is None or (more["next"] is not None and not more["next"].isupper())


def _qualified(gaz: Gazetteer, ts: TokenStream, text: str, hits: list[_Hit], *, towns: bool = True) -> list[_Hit]:
    """Apply state and province qualifiers (:mod:`stream.places.qualifier`): "Athens, Ga." is one place in
    Georgia, US (its span the name and the abbreviation, no hit left inside the abbreviation: "Kan." is no
    Chinese town); "Paris, Texas" and "London, Ontario" keep the name only in the qualifier's country, and
    drop it where the gazetteer has no such reading (the qualifier names the country on its own); so does a country
    after a town ("Delmas, north-east South Africa": :func:`_country_qualifies`). ``towns``: an
    abbreviation after a name the gazetteer does not know counts too (English stories: elsewhere "Ind." or "Del."
    after a comma is more often something else)."""
    out: list[_Hit] = []
    hits = list(hits)
    skip_to = -1
    for i, hit in enumerate(hits):
        if hit.start < skip_to:
            continue
        opener = text[hit.end : hit.end + 2]
        if hit.family != LAT or not (opener[:1] == "," or opener == " ("):
            out.append(hit)
            continue
        abbreviation = state_abbreviation(text, hit.end) if opener[:1] == "," else None
        if abbreviation is not None:
            state, _q_start, q_end = abbreviation
            place = _state_place(gaz, state)
            if place is not None:
                home = set(gaz.places[place].countries)
                inside = tuple(r for r in hit.readings if home & set(gaz.places[r[0]].countries))
                readings = inside or ((place, NAME, 0),)
                out.append(dataclasses.replace(hit, readings=readings, end=q_end))
                skip_to = q_end
                continue
        after = hits[i + 1] if i + 1 < len(hits) else None
        if after is not None and _country_qualifies(gaz, ts, text, hit, after):
            # "Delmas, north-east South Africa": the town of that name in the country named after it, not the
            # gazetteer's city of another (Delmas, Haiti); one there keeps that reading alone ("Alexandria, Egypt").
            home = {c for r in after.readings for c in gaz.places[r[0]].countries}
            inside = tuple(r for r in hit.readings if home & set(gaz.places[r[0]].countries))
            if inside:
                out.append(dataclasses.replace(hit, readings=inside))
            continue
        if opener[:1] == "," and after is not None and after.start - hit.end <= 3 and not text[hit.end + 1 : after.start].strip():
            countries = _qualifying_state(gaz, after)
            if countries:
                # The qualifier is used as a place there, sure as an unambiguous name ("Ontario" is also a
                # Californian city): its division readings alone, none of them ambiguous.
                hits[i + 1] = dataclasses.replace(
                    after,
                    readings=tuple((r[0], r[1], r[2] & ~AMBIG) for r in after.readings if gaz.places[r[0]].kind == "state"),
                )
                inside = tuple(r for r in hit.readings if countries & set(gaz.places[r[0]].countries))
                if inside:
                    out.append(dataclasses.replace(hit, readings=inside))
                continue
        out.append(hit)
    # A town the gazetteer does not know, qualified all the same ("of Cross City, Fla."): the abbreviation names its
    # state as a place of the story, as the state's name would.
    if not towns:
        return out
    ends = {h.end for h in out}
    starts: list[int] | None = None
    added = False
    seen: set[int] = set()
    for name, q_start, q_end, comma in chain(abbreviations(text), state_adjectives(text)):
        if comma in ends or q_start in seen:
            continue
        seen.add(q_start)
        place = _state_place(gaz, name)
        if place is None:
            continue
        # No hit left inside the abbreviation: "Man." is Manitoba there, not the Isle of Man.
        out = [h for h in out if not q_start <= h.start < q_end]
        if starts is None:
            starts = [ts.start(i) for i in range(len(ts.texts))]
        made = _span_hit(starts, q_start, q_end, TokenStream.of(name).joined, place)
        if made is not None:
            out.append(made)
            added = True
    return sorted(out, key=lambda h: h.start) if added else out


def _span_hit(starts: list[int], start: int, end: int, form: str, place: int) -> _Hit | None:
    """A sure hit of ``place`` over ``text[start:end]``, a span no gazetteer match gave (a state's abbreviation, a
    county), on the tokens that cover it (``starts``: each token's start)."""
    at = bisect_right(starts, start) - 1
    if at < 0:
        return None
    last = max(at, bisect_right(starts, end - 1) - 1)
    return _Hit(at, last, form, False, False, False, ((place, NAME, 0),), LAT, start, end)


def _counties(gaz: Gazetteer, ts: TokenStream, text: str, hits: list[_Hit]) -> list[_Hit]:
    """Apply US counties (:func:`stream.places.qualifier.counties`): "Laurel County" and "Avoyelles Parish" name
    their state, one that several states give a county ("Washington County") the state the story names or else
    the United States; no hit is left inside the county's name ("Douglas County" is no Isle of Man, "Lebanon
    County" no Lebanon). A county named like a British or an Irish one ("Kent County", "Clare County") counts only
    beside one of its states."""
    out = hits
    named: set[int] | None = None
    starts: list[int] | None = None
    added = False
    found: list[tuple[tuple[str, ...], int, int, bool, str | None]] = [(*county, None) for county in counties(text)]
    if "unties" in text or "arishes" in text:
        found.extend(county_lists(text))
    for states, c_start, c_end, elsewhere, name in found:
        places = [p for p in (_state_place(gaz, s) for s in states) if p is not None]
        if len(places) > 1 or elsewhere:
            if named is None:
                named = {r[0] for h in hits for r in h.readings if gaz.places[r[0]].kind == "state"}
            places = [p for p in places if p in named]
            if elsewhere and len(places) != 1:
                # "Kent County Council" is England's unless the story names the state: no reading of it here.
                continue
        out = [h for h in out if not c_start <= h.start < c_end]
        if len(places) != 1:
            # Which state is unknown, the country is not: "Washington County" is American wherever it lies.
            places = [gaz.country_index["US"]]
        if starts is None:
            starts = [ts.start(i) for i in range(len(ts.texts))]
        made = _span_hit(starts, c_start, c_end, TokenStream.of(name or text[c_start:c_end]).joined, places[0])
        if made is not None:
            out.append(made)
            added = True
    return sorted(out, key=lambda h: h.start) if added else out


def _state_place(gaz: Gazetteer, name: str) -> int | None:
    """The first-level division of a :data:`QUALIFYING` country called ``name`` ("Georgia": the US state)."""
    for place, _ftype, _flags in gaz.lookup(TokenStream.of(name).joined):
        entry = gaz.places[place]
        if entry.kind == "state" and set(entry.countries) <= QUALIFYING:
            return place
    return None


def _dateline_state(gaz: Gazetteer, text: str, end: int, key: str) -> tuple[int, int] | None:
    """(place, end of the qualifier) when a state qualifies the dateline's name: "ATHENS, Ga. (AP)", "PARIS,
    Texas (AP)". The name's own reading in that country when the gazetteer has one, else the state."""
    abbreviation = state_abbreviation(text, end)
    if abbreviation is not None:
        name, q_end = abbreviation[0], abbreviation[2]
    else:
        m = _DATELINE_QUALIFIER.match(text, end)
        if m is None:
            return None
        name, q_end = m.group(1), m.end(1)
    state = _state_place(gaz, name)
    if state is None:
        return None
    # "TBILISI, Georgia": a qualifier that also names a country the dateline's name lies in is that country.
    qualifier = TokenStream.of(name).joined
    named = {c for e in gaz.lookup(qualifier) if gaz.places[e[0]].kind == "country" for c in gaz.places[e[0]].countries}
    if named and any(named & set(gaz.places[e[0]].countries) for e in gaz.lookup(key)):
        return None
    countries = set(gaz.places[state].countries)
    own = [e for e in gaz.lookup(key) if e[1] in (0, 2) and countries & set(gaz.places[e[0]].countries)]
    return (own[0][0] if own else state), q_end


# A dateline's name followed by its country in brackets: "GORIS (Arménie), 28 sept 2023 (AFP)".
_DATELINE_BRACKET = re.compile(r"[ \t]*\([^()\n]{1,40}\)")
# A dateline's name followed by a full state or province name: "PARIS, Texas (AP)", "LONDON, Ontario --".
_DATELINE_QUALIFIER = re.compile(r",[ \t]*([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?=[ \t]*[(,\-—–]|[ \t]*$)")


def _dateline_place(gaz: Gazetteer, name: str) -> bool:
    """Whether ``name`` is a place a dateline may name: a gazetteer form or a dateline town."""
    key = TokenStream.of(name).joined
    return bool(gaz.lookup(key)) or key in gaz.dateline_towns


def _provider_place(gaz: Gazetteer, name: str, code: str | None) -> int | None:
    if code and code.upper() in gaz.country_index:
        return gaz.country_index[code.upper()]
    key = TokenStream.of(name).joined
    if not key:
        return None
    found = _best_entry(gaz, key)
    if found is None:
        # A provider's abbreviation names its place as surely as its name does: "UK", "UAE", AAP's "NSW".
        abbreviated = {e[0] for e in gaz.lookup(key) if e[1] == ABBREV}
        if len(abbreviated) == 1:
            found = abbreviated.pop()
    return found


def locate(
    story: Story,
    language: str | None = None,
    *,
    regions_file: Path | None = None,
    gazetteer_file: Path | None = None,
    tokens: TokenStream | None = None,
    people: bool = True,
) -> GeoResult:
    """Geotag ``story``: countries, regions, places with evidence, and the focus.

    ``tokens`` may pass ``TokenStream.of(story.text)`` when the caller already has it; ``people=False``
    leaves leaders and parties out (the builder of their list resolves country names without them).
    """
    gaz = load_gazetteer(gazetteer_file) if gazetteer_file is not None else load_gazetteer()
    catalog: RegionCatalog = load_regions(regions_file)
    lang = None if language in (None, "", "und") else language
    text = story.text
    ts = tokens if tokens is not None else TokenStream.of(text)
    hits = _scan(ts, text, gaz, lang)
    # A governor's title or a club's mark in the story (one pass over the tokens; most stories have neither).
    marks = _MARK_WORDS.intersection(ts.texts)
    if "governor" in marks:
        for h in hits:
            if h.family == LAT and (
                (h.last + 1 < len(ts.texts) and ts.texts[h.last + 1] == "governor")
                or (h.first > 1 and ts.texts[h.first - 1] == "of" and ts.texts[h.first - 2] == "governor")
            ):
                _governed_unit(gaz, h)
    if "premier" in marks:
        # "Ontario Premier Doug Ford", "Ontario's premier", "the premier of Ontario": a province's or an Australian
        # state's head; the province, not Ontario, California.
        texts = ts.texts
        for h in hits:
            if h.family == LAT and (
                (h.last + 1 < len(texts) and texts[h.last + 1] == "premier")
                or (h.last + 2 < len(texts) and texts[h.last + 1] == "s" and texts[h.last + 2] == "premier")
                or (h.first > 1 and texts[h.first - 1] == "of" and texts[h.first - 2] == "premier")
            ):
                _region_of_a_state(gaz, h)
    orgs = load_organisations()
    # Every token inside a hit; most hits are one token, so the others add their ranges (half the cost of a range
    # per hit).
    hit_tokens = {h.first for h in hits}
    for h in hits:
        if h.last != h.first:
            hit_tokens.update(range(h.first + 1, h.last + 1))
    texts, n_tokens = ts.texts, len(ts.texts)
    after_org, before_org, whole_org = orgs.after, orgs.before, orgs.whole
    org_hits = [
        h
        for h in hits
        if h.family in (LAT, CYR)
        # covers()'s own first test, asked here: most names have no organisation's word beside them.
        and (
            (h.last + 1 < n_tokens and texts[h.last + 1] in after_org)
            or (h.first > 0 and texts[h.first - 1] in before_org)
            or (h.first == h.last and texts[h.first] in whole_org)
        )
        and orgs.covers(ts.texts, h.first, h.last)
        and (_named_after(ts, text, h) or orgs.covers(ts.texts, h.first, h.last, suffixes=False))
    ]
    in_org = {id(h) for h in org_hits}  # identity, not dataclass equality: a list scan per hit
    # A capitalised Cyrillic adjective of a city after a name is an epithet, no place beside it: "Софія
    # Київська" (Saint Sophia of Kyiv) names no Sofia.
    epithets = frozenset([h.first for h in hits if h.family == CYR and all(r[1] == DEMONYM for r in h.readings)])
    # A city in a sports club's name is the club's home, no person's name ("FC Dinamo București").
    clubs = {id(h) for h in hits if _club_home(ts, text, h, gaz)} if marks & _CLUB_WORDS else set()
    not_names = in_org | clubs if clubs else in_org
    # One-word names that are places only with support may be first names before a middle initial ("George W. Bush").
    weak_firsts = []
    for h in hits:  # a loop, not nested generators: this runs for every hit of every story
        if h.first == h.last:
            for r in h.readings:
                if not r[2] & AMBIG:
                    break
            else:
                weak_firsts.append(h.first)
    weak = frozenset(weak_firsts)
    persons = [
        h
        for h in hits
        # _person_name's own first test, asked here: a call per hit of every story was ~4% of the stage.
        if h.first == h.last
        and h.family in _CASED_FAMILIES
        and id(h) not in not_names
        and _person_name(ts, text, h, hit_tokens, lang, gaz, epithets=epithets, weak=weak)
    ]
    # Both names of a person can be places' ("Isabel Salazar", "Montserrat Tura", "Virginia Ruano"): neither then
    # passes the rules above, each having a place beside it.
    named_twice = _two_place_names(gaz, text, hits, not_names)
    # "Hamad bin Jassim", "шейх Хамад бен Халифа": a name before an Arabic patronymic particle is a person's.
    patronyms = (
        [h for h in hits if id(h) not in not_names and _before_a_patronym(ts, text, h)] if marks & _ARABIC_NAME_MARKS else []
    )
    # "Polk's son, Trent, said", "his wife Georgia": a name after a kinship noun is a relative's.
    # English only: Spanish and French "son" are "are" and "his" ("son Madrid y Barcelona", "son Liban natal").
    people_named = (
        [h for h in hits if id(h) not in not_names and _after_kin(ts, text, h)] if lang == "en" and marks & _KIN_WORDS else []
    )
    # "Leila de Lima", "Javier de Mauricio": a name after a first name and a surname's particle is the surname.
    if not marks.isdisjoint(_SURNAME_PARTICLES):
        people_named += [
            h
            for h in hits
            if h.first > 1
            and texts[h.first - 1] in _SURNAME_PARTICLES
            and id(h) not in not_names
            and _surname_after_particle(ts, text, h, hit_tokens, gaz)
        ]
    # "el presidente Bush", "le président Santos", "Präsident Bush": a name after a title of office is its holder's.
    titles = _OFFICE_TITLES.get(lang or "")
    if titles is not None and (lang == "de" or not marks.isdisjoint(titles)):
        people_named += [
            h
            for h in hits
            if h.first > 0
            and (texts[h.first - 1] in titles or (lang == "de" and texts[h.first - 1].endswith(_GERMAN_TITLE_ENDS)))
            and id(h) not in not_names
            and _after_an_office(ts, text, h, titles, lang, gaz)
        ]
    # "Saeed Anwar c Croft b Cork 176": a name after cricket's "caught" or "bowled" is a player's (Cork, Ireland).
    cricket = (
        [h for h in hits if id(h) not in not_names and _after_a_cricket_mark(ts, text, h)]
        if lang in (None, "en") and not marks.isdisjoint(_CRICKET_MARKS)
        else []
    )
    people_named += cricket
    # "Queen Elizabeth", "Queen Rania", "Queen Victoria": a name after a monarch's title is the monarch's.
    if lang == "en" and marks & _ROYAL_TITLES:
        people_named += [h for h in hits if id(h) not in not_names and _after_a_royal_title(ts, text, h, gaz)]
    if named_twice or patronyms or people_named:
        # By identity: a hit both rules find is one person's name once.
        persons = list({id(h): h for h in chain(persons, named_twice, patronyms, people_named)}.values())
    dropped = in_org | {id(h) for h in persons} if persons else in_org
    # A surname seen after a first name ("Defense Secretary Lloyd Austin") is the same person when the
    # story repeats it alone ("accusing Austin of ..."): the place reading of that form is gone.
    # Headlines capitalise every word, so only the body's persons count; "in Austin" stays a place.
    surnames = {
        h.form
        for h in persons
        if h.start >= story.body_offset and _after_first_name(ts, text, h, hit_tokens, weak, gaz.first_names)
    }
    surnames.update(h.form for h in chain(named_twice[1::2], patronyms, cricket) if h.start >= story.body_offset)
    if lang == "en":
        speakers = (
            [h for h in hits if h.family == LAT and id(h) not in dropped and _speaker(ts, text, h, gaz)]
            if marks & _SPEECH_VERBS
            else []
        )
        if speakers:
            dropped = dropped | {id(h) for h in speakers}
            surnames.update(h.form for h in speakers if h.start >= story.body_offset)
    elif lang in ("ru", "uk") and marks & _CYR_SPEECH_VERBS:
        speakers = [h for h in hits if h.family == CYR and id(h) not in dropped and _cyr_speaker(ts, text, h, gaz)]
        if speakers:
            dropped = dropped | {id(h) for h in speakers}
            surnames.update(h.form for h in speakers if h.start >= story.body_offset)
    body_at = story.body_offset
    english = lang in (None, "en")
    # "Paris High School", "Paris Public Library": an American town's institutions; the story's every bare mention
    # of that name is the town, not the capital it is named after (a name has one sense in a story).
    local = (
        {h.form.removesuffix(" city") for h in hits if h.family == LAT and _names_a_local_institution(ts, text, h)}
        if english and marks & _LOCAL_MARKS
        else set()
    )
    # "на испанском языке", "англійською мовою": a country's adjective before "language" names no country.
    cyr_languages = lang in (None, "ru", "uk") and any(stem in text or stem.capitalize() in text for stem in LANGUAGE_NOUN_STEMS)
    for h in hits:
        if h.family != LAT:  # every rule below is of Latin names
            continue
        if h.last > h.first and _compass_phrase(h.form):
            # "Far North", "North East", "West Coast": a division's name made of compass words is a phrase of
            # the language too ("the West Coast", "North East Texas"), ambiguous as "North" alone is.
            h.readings = tuple((p, t, f | AMBIG) for p, t, f in h.readings)
        elif h.form.endswith("land") and h.form.startswith(_COMPASS_LANDS):
            # "Northland", "Southland": a region's name made of a compass word is a region of many countries' speech
            # ("a Northland packing facility" in Kansas City, "the Southland" for Southern California).
            h.readings = tuple((p, t, f | AMBIG) if gaz.places[p].kind == "state" else (p, t, f) for p, t, f in h.readings)
        elif (
            len(h.readings) > 1
            and h.first > 0
            and texts[h.first - 1] in _REGION_ADJECTIVES
            and text[ts.end(h.first - 1) : h.start] == " "
        ):
            # "northern Ontario", "Southwestern Ontario": a region of a province or a state, not a part of another
            # country's town of that name (Ontario, California).
            _region_of_a_state(gaz, h)
        elif h.end - h.start <= 5 and h.start >= body_at and _acronym(gaz, text, h):
            # "MERS", "(D-OR)": a short word in capitals inside a body is mostly an acronym; a town's name written
            # so (Moers's "Mers") needs support. Countries' and capitals' names ("USA", "ROME") stay as they are.
            h.readings = tuple((p, t, f | AMBIG) if gaz.places[p].kind == "city" else (p, t, f) for p, t, f in h.readings)
    hits = [
        h
        for h in hits
        if id(h) not in dropped
        and not (surnames and h.form in surnames and not h.locative and not h.prep and h.family in (LAT, CYR))
        and not ((h.form in _COMPASS or (" " in h.form and _compass_phrase(h.form))) and _compass_modifier(ts, text, h, gaz))
        # "Metro Vancouver" is no Indonesian Metro: a part's word before a capitalised name is part of that name.
        and not (h.form in _PLACE_PARTS and _before_a_name(ts, text, h))
        and not (lang == "de" and _german_noun(gaz, ts, text, h))
        and not (h.form in _SOVIET_FORMS and _after_the_soviet_union(ts, h))
        and not (english and _names_a_body(gaz, ts, text, h))
        and not (h.family == LAT and english and _no_english_place(gaz, ts, text, h, hit_tokens, lang))
        and not (
            cyr_languages
            and h.family == CYR
            and h.first == h.last
            and all(r[1] == DEMONYM for r in h.readings)
            and names_a_language_cyrillic(ts, text, h.first, h.last)
        )
        # "аль-Багдади", "al-Baghdadi": a place's nisba after the Arabic article is a person's surname.
        and not (
            h.first == h.last
            and h.first > 0
            and h.family in _CASED_FAMILIES
            and texts[h.first - 1] in _AL_PARTICLES
            and text[ts.end(h.first - 1) : h.start] == "-"
            and texts[h.first][len(h.form) :] in ("и", "i")
        )
        # "по московскому времени", "за київським часом": a city's adjective before "time" is a time zone.
        and not (
            h.family == CYR
            and h.first == h.last
            and h.last + 1 < n_tokens
            and texts[h.last + 1] in _TIME_NOUNS
            and all(r[1] == DEMONYM for r in h.readings)
        )
        # Only a unit noun after the name or "<unit noun> of" before it can make it a subdivision's.
        and not (
            (
                (h.last + 1 < n_tokens and texts[h.last + 1] in _SUBDIVISION_NOUNS)
                or (h.first > 1 and texts[h.first - 1] == "of")
                or (h.first > 0 and h.family == ARA and texts[h.first - 1][-4:] in _AR_UNIT_ENDINGS)
            )
            and _names_a_unit(ts, text, h, gaz)
        )
    ]

    if local:
        for h in hits:
            if h.form in local:
                h.readings = tuple(r for r in h.readings if "US" in gaz.places[r[0]].countries)
        hits = [h for h in hits if h.readings]
    if "," in text or " (" in text:
        hits = _qualified(gaz, ts, text, hits, towns=english)
    if english and (any(noun in text for noun in COUNTY_NOUNS) or "unties" in text or "arishes" in text):  # US counties
        hits = _counties(gaz, ts, text, hits)

    headline_end = len(story.headline) if story.headline else 0
    para = text.find("\n", body_at + 1)
    lead_end = len(text) if para < 0 else para
    # A story without a headline (a wire brief, a portal item) says what it is about in its first
    # sentence: it weighs as the headline would.
    top_end = headline_end or _first_sentence_end(text, body_at, lead_end)

    # (place index, Mention, weight) for accepted evidence.
    accepted: list[tuple[int, Mention, float]] = []
    # Support for readings: country -> forms that name it unambiguously, so a
    # hit can ask whether *another* name backs its reading.
    sure_forms: dict[str, set[str]] = {}
    pending: list[tuple[_Hit, list[tuple[int, int, int]]]] = []
    places = gaz.places
    for hit in hits:
        readings, form = hit.readings, hit.form
        if len(readings) == 1 and not readings[0][2] & AMBIG:  # most hits: one sure reading, no comprehension
            sure = [readings[0]]
        else:
            sure = [r for r in readings if not r[2] & AMBIG or _is_sure(gaz, r, form, lang, hit.family)]
        for r in sure:
            for c in places[r[0]].countries:
                sure_forms.setdefault(c, set()).add(form)
        pending.append((hit, sure))

    def backed_elsewhere(country: str, form: str) -> bool:
        return country in external or bool(sure_forms.get(country, set()) - {form})

    external: set[str] = set()
    origins: list[tuple[int, str]] = []  # where the content was filed from (NewsML-G2 ``located``): see below
    for pp in story.places:
        place = _provider_place(gaz, pp.name, pp.code)
        if place is None:
            continue
        if pp.origin:
            origins.append((place, pp.name))
            continue
        accepted.append((place, Mention(pp.name, -1, -1, fold(pp.name), "provider"), SOURCE_WEIGHTS["provider"]))
        external.update(gaz.places[place].countries)
    dateline = find_dateline(story)
    frame, printed = text, True  # the text the dateline's offsets are in, and whether that is the story's
    if dateline is None and story.dateline:
        # NITF, NewsML 1 and NewsML-G2 send the dateline apart from the body, which does not repeat it ("KANSAS
        # CITY, Mo.", "Unnao"): read as the text's would be, its mention at no offset of the text.
        dateline = provider_dateline(story.dateline, partial(_dateline_place, gaz))
        frame, printed = story.dateline, False
    dated = False  # the story's dateline names a gazetteer place
    if dateline is not None:
        key = TokenStream.of(dateline.text).joined
        # "ATHENS, Ga. (AP)", "PARIS, Texas (AP)": the qualifier's state, whatever capital the name also is.
        qualified = _dateline_state(gaz, frame, dateline.end, key)
        place = (
            qualified[0]
            if qualified is not None
            else _best_entry(gaz, key, city_first=True, backed=lambda c: backed_elsewhere(c, key))
        )
        if place is not None and qualified is None and _homonym_towns(key):
            # A dateline's bare name is a town's as the text's are ("LEBANON (AP) — ... Warren County", "MANSFIELD —"
            # atop a city council's dollars): the homonym rule reads it with the text's names.
            entries = tuple(e for e in gaz.lookup(key) if e[1] in (0, 2))
            own = _Hit(-1, -1, key, False, True, False, entries, LAT, *((dateline.start, dateline.end) if printed else (-1, -1)))
            local_news = _local_news(ts, text) if english else frozenset()
            if set(gaz.places[place].countries) & _homonym_countries(gaz, text, [*pending, (own, [])], local_news).keys():
                place = None
        elif place is None and key in gaz.dateline_towns:
            # A town under the gazetteer's floor, filed from: its country ("PATASKALA —", a local paper's own town).
            place = gaz.country_index.get(gaz.dateline_towns[key])
        if place is not None:
            end = qualified[1] if qualified is not None else dateline.end
            at = (dateline.start, end) if printed else (-1, -1)
            mention = Mention(frame[dateline.start : end], *at, fold(dateline.text), "dateline")
            accepted.append((place, mention, SOURCE_WEIGHTS["dateline"]))
            external.update(gaz.places[place].countries)
            dated = True
        if place is not None and printed:  # a provider's dateline spans no text
            # The dateline's own span is not a second mention; the headline above it still counts. Nor is its
            # country in brackets after it: "GORIS (Arménie), 28 sept (AFP)".
            bracket = _DATELINE_BRACKET.match(text, end)
            stop = bracket.end() if bracket is not None else dateline.end
            filed_in = set(gaz.places[place].countries)
            pending = [
                (h, s)
                for h, s in pending
                if not dateline.start <= h.start < dateline.end
                and not (end <= h.start < stop and any(filed_in & set(gaz.places[r[0]].countries) for r in h.readings))
            ]

    if not _homonym_forms().isdisjoint([h.form for h, _s in pending]):
        homes = _homonym_countries(gaz, text, pending, _local_news(ts, text) if english else frozenset())
        towns = homes.keys() - external
        local_countries = _local_countries(gaz, text, pending) if towns else set()
        if towns:
            kept = []
            for h, sure in pending:
                readings = tuple(r for r in h.readings if not set(gaz.places[r[0]].countries) & towns)
                if readings:
                    h.readings = readings
                    kept.append((h, [r for r in sure if r in readings]))
                    continue
                # A name left with no reading is a town of the story's home country ("Berlin police" beside Hartford
                # is Berlin, Connecticut): a town mention of it. Where two of the story's countries have a town of the
                # name (local news of the United States or Canada), the one with the larger: a bare "London" in a
                # Canadian paper is Ontario's, "Paris firefighters" in an American one are Texas's.
                home = set().union(*(homes[c] for r in h.readings for c in gaz.places[r[0]].countries if c in homes))
                # A country whose state, county or council the story names comes before one local news only suggests.
                named_home = home & local_countries
                country = next((c for c in _homonym_order(h.form) if c in (named_home or home)), None)
                if country is not None and h.start >= 0:
                    weight = position_weight(h.start, top_end, lead_end) * LOCAL_TOWN_WEIGHT
                    mention = Mention(text[h.start : h.end], h.start, h.end, h.form, "town")
                    accepted.append((gaz.country_index[country], mention, weight))
            pending = kept
            for c in towns:
                sure_forms.pop(c, None)
    supported = set(external) | set(sure_forms)
    # Two different ambiguous names that agree on a country back each other
    # ("Georgia" and "Atlanta" -> US).
    # In a script without capitals, a name ambiguous as a frequent word of the story's language backs
    # nothing: two such words that name towns of one state (Arabic يشير "indicates" and وادي
    # "valley", both Algerian towns) are two words, not two places. Capitals already tell
    # "Boston" and "Miami" from words.
    forms_by_country: dict[str, set[int]] = {}
    for hit, sure in pending:
        if not sure:
            for r in hit.readings:
                if r[2] & WORD and hit.family == ARA and lang in gaz.word_langs.get(hit.form, ()):
                    continue
                if r[2] & WORD and hit.family == HEB:  # a Hebrew token read as a prefixed name is mostly a word
                    continue
                if r[2] & WORD and lang == "fi" and hit.family == LAT and _fi_word(gaz, ts, hit):
                    continue
                for c in gaz.places[r[0]].countries:
                    forms_by_country.setdefault(c, set()).add(r[0])
    supported.update(
        c for c, forms in forms_by_country.items() if len(forms) > 1 and any(gaz.places[f].kind != "state" for f in forms)
    )
    listed_with_a_country = _listed_with_a_country(ts, text, pending, gaz)
    triggers = gaz.triggers.get(lang, gaz.all_triggers) if lang else gaz.all_triggers
    headline_hits: list[tuple[_Hit, tuple[str, ...]]] = []
    headline_kinds: dict[str, set[str]] = {}  # country -> kinds of the places that name it in the headline
    region_hits: list[tuple[str, float, bool]] = []
    unbacked: list[tuple[_Hit, float]] = []  # ambiguous names left without support, with their position weight
    country_names: list[tuple[int, _Hit]] = []  # (index in accepted, hit) of names read as a country
    named_places = 0  # hits read as a place or a region
    forces_of: list[int] = []  # (index in accepted) of demonyms before a force noun: "Japanese troops"
    scenes: set[str] = set()  # countries of names in a locative form: "in South Sudan"
    adjective_first = lang == "en"
    # (index in accepted) of names that repeat the one before: "Stockholm, Sweden", "China's National People's Congress"
    repeats: list[int] = []
    quoted = _short_quotations(text)
    top_weight, lead_weight, body_weight = POSITION_WEIGHTS["headline"], POSITION_WEIGHTS["lead"], POSITION_WEIGHTS["body"]
    topic_end = story.headline.find(":", 0, _MAX_TOPIC_CHARS) if story.headline else -1
    for hit, sure in pending:
        start, end = hit.start, hit.end
        if text[start - 2 : start] == ", " and not hit.locative and hit.family == LAT:
            hit.locative = _addresses_a_scene(ts, text, hit, hit_tokens)
        # position_weight, inline: asked of every name
        weight = top_weight if start < top_end else lead_weight if start < lead_end else body_weight
        chosen = sure
        factor = 1.0
        if chosen and hit.family == CYR and lang in gaz.opening_words.get(hit.form, ()) and opens_sentence(text, start):
            # "Рено продала долю ...", "Дерби завершилось вничью": a Russian word opening a sentence (or a sentence-case
            # headline) is capitalised as any is, not for a foreign town of its spelling (stream.build.gazetteer
            # ._cyrillic_opening_words); the town's name needs support there as an ambiguous one does.
            chosen = []
        if not chosen:
            backed = [r for r in hit.readings if any(c in supported for c in gaz.places[r[0]].countries)]
            # Opening a sentence, a frequent word of the story's language is capitalised as any word is: Paris named
            # later is no support for Caen ("Can trading pollution like stocks help ...?"), nor is a trigger word or
            # a preposition nearby ('"Can you imagine ...", the city's police chief said'). A country's name there
            # is the country far more often ("Turkey's central bank ...": the third round).
            opening = lang in gaz.opening_words.get(hit.form, ()) and opens_sentence(text, start)
            if opening and backed and all(gaz.places[r[0]].kind != "country" for r in backed):
                backed = []
            if not backed and not (opening and all(gaz.places[r[0]].kind != "country" for r in hit.readings)):
                # The words beside the name, not the name itself: German "Hauptstadt" is a trigger word and, in
                # pycountry's German, the name of Honiara's Capital Territory.
                window = [
                    *texts[max(0, hit.first - _TRIGGER_WINDOW) : hit.first],
                    *texts[hit.last + 1 : hit.last + 1 + _TRIGGER_WINDOW],
                ]
                # A trigger word nearby, or a locative ("à Nice", "in Jordan", Turkish "Miami'de": a case
                # ending after an apostrophe, which only proper names take): the name is used as a place.
                if (
                    hit.prep
                    or (hit.locative and hit.family == LAT and text[end : end + 1] in _APOSTROPHES)
                    or (any(t in triggers for t in window) and not _word_of_the_story(gaz, hit, lang))
                    or (lang == "en" and _before_a_resident(ts, text, hit))
                ):
                    # A preposition says the name is a place, not which: a town of another country has it too.
                    backed = [r for r in hit.readings if not r[2] & ELSEWHERE]
                elif _capitalised_word(ts, text, hit, gaz, lang, body_at):
                    # "the ceasefire brokered by Turkey with Russia": a country's name that is a frequent word of
                    # the story's language, written with a capital inside a body sentence, is the country.
                    backed = list(hit.readings)
                elif lang == "fr" and hit.first > 0 and texts[hit.first - 1] in _FRENCH_ARTICLES:
                    # French writes a country's name with the article, a town's without ("le Salvador a adopté":
                    # not Salvador, Brazil). Only a country's name that is no word: "le Centre", "l'Ouest" and
                    # "l'Atlantique" are words with their article, not Burkina Faso's, Cameroon's or Benin's regions.
                    backed = [r for r in hit.readings if gaz.places[r[0]].kind == "country" and not r[2] & WORD]
                elif clubs and id(hit) in clubs:
                    # A club bears its home city's name: "Manchester United", "FC Dinamo București".
                    backed = [r for r in hit.readings if gaz.places[r[0]].kind in ("city", "capital")]
                elif id(hit) in listed_with_a_country:
                    backed = [r for r in hit.readings if gaz.places[r[0]].kind == "country"]
                elif text[end : end + 2] in _POSSESSIVES and _owns_an_organ(ts, text, hit):
                    # "Jordan's air force intercepts ...", "Chad's government": only a state has them, so the
                    # name is the country's as surely as an unambiguous one.
                    backed = [r for r in hit.readings if gaz.places[r[0]].kind == "country"]
                    if backed:
                        chosen, factor = backed, 1.0
            if not chosen:
                chosen, factor = backed, AMBIGUOUS_WEIGHT
        if not chosen:
            unbacked.append((hit, weight))
            continue
        if (
            start > 3
            and text[start - 3 : start] in ("'s ", "’s ")
            and accepted
            and accepted[-1][1].end == start - 3
            and _foreign_generic_unit(gaz, hit, chosen, accepted[-1][0])
        ):
            # "in Saudi Arabia's Eastern Province": a generic subdivision name after a country's possessive is
            # that country's division, not another state's division of the same name (Sri Lanka's).
            continue
        if quoted and _in_a_named_thing(quoted, text, start, end):
            # "группа «Ленинград»", "крейсер «Москва»", "отель «Украина»": a quotation after a noun of what it names
            # is that thing's name, whatever place the name recalls.
            continue
        # Several readings of one span (Valencia ES/VE, عمان Amman/Oman, Georgia
        # the country and the state): prefer the readings whose country another
        # name in the story backs, then the highest-ranked kind, then the larger place.
        if len(chosen) > 1 and len({c for r in chosen for c in gaz.places[r[0]].countries}) > 1:
            backed_r = [r for r in chosen if any(backed_elsewhere(c, hit.form) for c in gaz.places[r[0]].countries)]
            chosen = backed_r or chosen
        # One place read both as a name and as a demonym ("Israeli", "Iraqi", "Saudi": names in some
        # locales, adjectives in news English) is the adjective: names are not written so in any story language.
        if len(chosen) == 1:
            place, ftype, _flags = chosen[0]
        else:
            place, ftype, _flags = min(chosen, key=lambda r: (*_rank(gaz, r[0]), adjective_first and r[1] != DEMONYM, r[1]))
        entry = places[place]
        kind = entry.kind
        if kind == "shared":
            continue
        source = "demonym" if ftype == DEMONYM or hit.nisba else "metonym" if ftype == METONYM else "text"
        named_places += 1
        if kind == "region":
            region_hits.append((entry.id, weight * factor, start < headline_end))
            continue
        mention = _new_tuple(Mention, (text[start:end], start, end, hit.form, source))
        weight *= SOURCE_WEIGHTS[source] * factor
        if source == "demonym" and _before_an_institution(ts, text, hit):
            # "An Egyptian court sentences ...", "the Azerbaijani government says": the state itself acts,
            # as its name would say; weighed as a name, not as an incidental adjective.
            weight /= SOURCE_WEIGHTS["demonym"]
        if (
            source == "demonym"
            and adjective_first
            and text[end - 1 : end] == "s"
            and hit.first > 0
            and (texts[hit.first - 1] in _COUNT_WORDS or texts[hit.first - 1].isdigit())
        ):
            # "Police in Serbia arrest three Australians": people counted by their nationality are
            # persons abroad as often as at home, weaker than the adjective.
            weight *= COUNTED_PEOPLE_WEIGHT
        if ftype == ABBREV and _before_a_word(ts, text, hit):
            # "U.S. envoy", "UK troops": an abbreviation before a common noun is the adjective.
            weight *= SOURCE_WEIGHTS["demonym"]
        if clubs and id(hit) in clubs:
            # The club's home: evidence for its country, weaker than the place named (as "the Boston Celtics").
            weight *= ORGANISATION_WEIGHT
        elif quoted and any(a <= start and end <= b for a, b in quoted):
            # A place inside a short quotation names a thing called after it, as inside an organisation's
            # name: an exhibition («Комитас и Париж», «Сокровища Персии»), a party ("Georgian Dream"), a
            # law's nickname ("the Russian law"), a club ("Qarabağ"), a product ("Azeri Light").
            weight *= ORGANISATION_WEIGHT
        elif source == "text":
            if lang == "en" and texts[hit.first - 1] == "the" and _names_a_thing(ts, text, hit, hit_tokens, lang, gaz):
                weight *= ORGANISATION_WEIGHT
            elif hit.last + 1 < n_tokens and texts[hit.last + 1] in _FORCES and _before_a_force(ts, text, hit):
                # "United States aircraft bomb a convoy ...", "U.S. troops land in ...": the state's forces act,
                # and where they act is the story; a name read as an adjective weighs as an actor.
                weight *= FORCE_WEIGHT
        if (
            (hit.first > 0 and texts[hit.first - 1] in _ATTRIBUTE_PREFIXES)
            or (hit.last + 1 < n_tokens and texts[hit.last + 1] in _ATTRIBUTE_SUFFIXES)
        ) and _attributive(ts, text, hit):
            # "pro-Kremlin politician", "Saudi-led coalition", "Russian-occupied town": the name
            # qualifies an actor or a side, the thing described is elsewhere.
            weight *= ATTRIBUTIVE_WEIGHT
        elif (hit.locative and source == "text") or (start == 0 and end <= topic_end and not text[end:topic_end].strip()):
            # A name alone before a colon that opens the headline is its topic ("Haut-Karabakh : l'exode des
            # Arméniens ...", "Кремль: ..."): the story's place, weighed as a scene is.
            weight *= LOCATIVE_WEIGHT
        elif kind == "capital" or (source == "metonym" and hit.form.startswith(_SEATS)):
            # A capital not in a locative form is mostly its government speaking.
            weight *= SPEAKER_WEIGHT
        if (
            start > 1
            and text[start - 2] in ",s"  # "Stockholm, Sweden", "Russia's Russian ...": see _repeats
            and accepted
            and 2 <= start - accepted[-1][1].end <= 3
            and _repeats(gaz, text, accepted[-1], place, source, start)
        ):
            # "in Stockholm, Sweden": the country after its own city says where the city is; "China's National
            # People's Congress": the organ after its country's possessive says which it is. No second place the
            # story is about: the mention keeps its share, but the focus is chosen without it.
            repeats.append(len(accepted))
        if kind == "country" and hit.family in (LAT, CYR):
            country_names.append((len(accepted), hit))
        if source == "demonym":
            if hit.last + 1 < n_tokens and texts[hit.last + 1] in _FORCES and _before_a_force(ts, text, hit):
                forces_of.append(len(accepted))
        elif hit.locative and source == "text":
            scenes.update(entry.countries)
        accepted.append((place, mention, weight))
        if start < headline_end:
            headline_hits.append((hit, entry.countries))
            for c in entry.countries:
                headline_kinds.setdefault(c, set()).add(kind)
    in_text = len(accepted)  # the names read in the text; people, organisations and lone names come after
    for i in forces_of:
        place, mention, weight = accepted[i]
        if scenes.difference(gaz.places[place].countries):
            # "Japanese troops land in South Sudan": a state's forces where the story names another
            # country as the scene are an actor there; "The Bahraini military reports ..." is at home.
            accepted[i] = (place, mention, weight * FORCE_WEIGHT)
    listed = _enumerated(ts, text, country_names, accepted, gaz)
    if listed and len(listed) < named_places:
        # Each of a list of three or more countries ("Qatar, Kuwait, Bahrain and the UAE ask ... to leave
        # Lebanon") is a small part of one actor or backdrop; a list that holds every place the story
        # names is what it is about ("cases doubled in Peru, Nepal and Zambia") and keeps its weights.
        for i in listed:
            place, mention, weight = accepted[i]
            accepted[i] = (place, mention, weight * LIST_WEIGHT)
    # Countries the text names: the rules below are for a story whose text names no place (a provider's place is
    # metadata: AP's "Ukraine" on a story about "President Trump").
    named = {c for i, m, _w in accepted if m.source not in _METADATA for c in gaz.places[i].countries}
    if not named:
        lone = _lone_country(gaz, text, ts, unbacked, lang)
        if lone is not None:
            for hit, weight in lone:
                start, end = hit.start, hit.end
                place = hit.readings[0][0]  # every reading is this one country (see _lone_country)
                accepted.append((place, Mention(text[start:end], start, end, hit.form, "text"), weight * AMBIGUOUS_WEIGHT))
                if start < headline_end:
                    headline_hits.append((hit, gaz.places[place].countries))
            named = {c for i, m, _w in accepted if m.source not in _METADATA for c in gaz.places[i].countries}
    if not named and people:
        for person in find_people(ts, text, load_people()):
            idx = gaz.country_index.get(person.country)
            if idx is None:
                continue
            weight = position_weight(person.start, top_end, lead_end) * PERSON_WEIGHT
            mention = Mention(text[person.start : person.end], person.start, person.end, person.name, person.kind)
            accepted.append((idx, mention, weight))
    if not named and english and gaz.local_towns:
        # "Schaumburg trustees approved ...", "in Pataskala": a local paper's own small town, under the gazetteer's floor.
        for start, end, form, country in _local_towns(gaz, ts, text):
            weight = position_weight(start, top_end, lead_end) * LOCAL_TOWN_WEIGHT
            accepted.append((gaz.country_index[country], Mention(text[start:end], start, end, form, "town"), weight))
    if english and (_office_marked(marks) or (not named and "Township" in text)) and "US" not in named and "CA" not in named:
        # American local news names its own town, often under the gazetteer's floor ("FALLS VILLAGE", "Northbrook"):
        # the offices of American local government name the country.
        for start, end, form in _american_local_offices(ts, text, not named):
            weight = position_weight(start, top_end, lead_end) * OFFICE_WEIGHT
            mention = Mention(text[start:end], start, end, form, "office")
            accepted.append((gaz.country_index["US"], mention, weight))
    if not named:
        # "a jackpot of £2.5m", "прибыль 1,5 трлн рублей": a story that names no country still says whose money it counts.
        for money in find_currencies(text, ts.texts):
            idx = gaz.country_index.get(money.country)
            if idx is not None:
                weight = position_weight(money.start, top_end, lead_end) * CURRENCY_WEIGHT
                mention = Mention(text[money.start : money.end], money.start, money.end, money.form, "currency")
                accepted.append((idx, mention, weight))
    for hit in org_hits:
        start, end = hit.start, hit.end
        # "The Reserve Bank of Australia slashes its cash rate": a state's central bank, named after the state, is
        # its organ, and counts for it in a story that names no place, as a leader's name does.
        central = not named and hit.first >= 3 and texts[hit.first - 3 : hit.first] in _CENTRAL_BANKS
        for place, _ftype, _flags in hit.readings:
            if gaz.places[place].kind != "country" or not (central or set(gaz.places[place].countries) & (named | external)):
                continue
            weight = position_weight(start, top_end, lead_end) * ORGANISATION_WEIGHT
            accepted.append((place, Mention(text[start:end], start, end, hit.form, "organisation"), weight))
            break
    if origins:
        _add_origins(gaz, accepted, origins, dated)
    # Countries the headline names only by a city: "... talks in Washington", "Moscow hosts ...".
    hosts = frozenset(c for c, kinds in headline_kinds.items() if kinds <= {"city", "capital"})
    tie_parts: TieParts | None = None
    if lang in (None, "en"):

        def tie_parts() -> tuple[frozenset[str], frozenset[str]]:
            return _tie_parts(ts, text, gaz, [h for h, _s in pending], accepted, in_text)

    pairs = _pairs(ts, text, headline_hits)
    joint = bool(pairs) and _agreement(ts, headline_end)
    return _result(
        gaz, catalog, accepted, pairs, region_hits, headline_hits, hosts, tie_parts, joint, repeats, metadata=bool(story.places)
    )


# Mention sources of the provider's metadata, not of the text.
_METADATA = frozenset(["provider", "origin"])


def _add_origins(gaz: Gazetteer, accepted: list[tuple[int, Mention, float]], origins: list[tuple[int, str]], dated: bool) -> None:
    """Add the places the content was filed from (NewsML-G2 ``located``) that the text agrees with.

    The origin is no place the story is about: Reuters sends its editing desk ("Bangalore" on a Syria story
    datelined BEIRUT, on a Chelsea match report). It counts as a provider place for a country the text names
    (its dateline or any mention: dpa's "Athen" over "Athen (dpa) - ..."), never against the text's own
    dateline; in a story whose text names no country it is listed as the ``origin``, which makes no country
    relevant and decides no focus (:func:`stream.places.focus.score`).
    """
    named = {c for i, m, _w in accepted if m.source not in _METADATA for c in gaz.places[i].countries}
    filed = {c for i, m, _w in accepted if m.source == "dateline" for c in gaz.places[i].countries}
    for place, name in origins:
        countries = gaz.places[place].countries
        if dated and not filed.intersection(countries):
            continue  # the text's dateline says where it was filed
        mention = Mention(name, -1, -1, fold(name), "provider" if named else "origin")
        if not named or named.intersection(countries):
            accepted.append((place, mention, SOURCE_WEIGHTS["provider"]))


# Russian and Ukrainian nouns (their stems, folded) of things that bear a quoted name: "группа «Ленинград»", "крейсер
# «Москва»", "клуб «Барселона»", "отель «Украина»", "фильм «Париж»".
_NAMED_THING_STEMS = (
    "групп",
    "груп",
    "ансамбл",
    "клуб",
    "команд",
    "отел",
    "готел",
    "гостиниц",
    "ресторан",
    "кафе",
    "магазин",
    "газет",
    "журнал",
    "телеканал",
    "канал",
    "радиостанц",
    "издательств",
    "видавництв",
    "фестивал",
    "фестивал",
    "конкурс",
    "театр",
    "кинотеатр",
    "фильм",
    "фільм",
    "сериал",
    "серіал",
    "песн",
    "пісн",
    "альбом",
    "книг",
    "роман",
    "спектакл",
    "выставк",
    "виставк",
    "крейсер",
    "корабл",
    "судн",
    "лайнер",
    "самолет",
    "самолёт",
    "литак",
    "завод",
    "компани",
    "компані",
    "концерн",
    "холдинг",
    "банк",
    "фонд",
    "движени",
    "рух",
    "партии",
    "партія",
    "партії",
    "объединени",
    "операци",
    "операці",
    "стадион",
    "стадіон",
    "проект",
    "программ",
    "програм",
    "бренд",
    "марк",
    "корпораци",
)
_WORD_BEFORE = re.compile(r"(\w+)\s*$")


def _in_a_named_thing(quoted: list[tuple[int, int]], text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` lies in one of the ``quoted`` spans right after a noun of a thing that bears a
    quoted name (:data:`_NAMED_THING_STEMS`)."""
    for a, b in quoted:
        if a <= start and end <= b:
            m = _WORD_BEFORE.search(text, max(0, a - 1 - 30), a - 1)
            return m is not None and m.group(1).lower().startswith(_NAMED_THING_STEMS)
    return False


def _short_quotations(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks of at most :data:`_MAX_QUOTED_NAME` characters on one line: «Комитас и Париж».

    The marks are found with ``str.find`` (a regular expression tried at every character cost ~8 us on a
    2,000-character story); a span holds no other mark, so it closes at the next mark after it opens.
    """
    marks: list[int] = []
    for mark in _QUOTE_MARKS:
        at = text.find(mark)
        while at >= 0:
            marks.append(at)
            at = text.find(mark, at + 1)
    if len(marks) < 2:
        return []
    marks.sort()
    spans: list[tuple[int, int]] = []
    i = 0
    while i + 1 < len(marks):
        opens, closes = marks[i], marks[i + 1]
        if (
            text[opens] in _QUOTE_OPENERS
            and text[closes] in _QUOTE_CLOSERS
            and 1 <= closes - opens - 1 <= _MAX_QUOTED_NAME
            and text.find("\n", opens + 1, closes) < 0
        ):
            spans.append((opens + 1, closes))
            i += 2
        else:
            i += 1
    return spans


def _fi_word(gaz: Gazetteer, ts: TokenStream, hit: _Hit) -> bool:
    """Whether ``hit`` is a Finnish word of another meaning (:attr:`Gazetteer.fi_words`: the name and its tail)."""
    token, last = ts.texts[hit.last], hit.form.rpartition(" ")[2]
    return token.startswith(last) and f"{hit.form}|{token[len(last) :]}" in gaz.fi_words


def _word_of_the_story(gaz: Gazetteer, hit: _Hit, lang: str | None) -> bool:
    """Whether ``hit`` is a town's or a region's name that is a frequent word of the story's language, or another
    state's money, which a trigger word nearby does not make a place: Persian "روز دوشنبه گذشته وزیر ..." ("last
    Monday the minister ...") names no Dushanbe, "MINISTRY SAYS YEN RISE HURTS EXPORTS" no Vĩnh Yên. A country's
    name so read stays backed ("Turkey's government")."""
    money = MONEY_WORDS.get(hit.form)
    if money is not None and all(
        gaz.places[r[0]].kind != "country" and money[0] not in gaz.places[r[0]].countries for r in hit.readings
    ):
        return True
    return (
        lang is not None
        and lang in gaz.word_langs.get(hit.form, ())
        and all(gaz.places[r[0]].kind != "country" and r[2] & WORD for r in hit.readings)
    )


def _lone_country(
    gaz: Gazetteer, text: str, ts: TokenStream, unbacked: list[tuple[_Hit, float]], lang: str | None = None
) -> list[tuple[_Hit, float]] | None:
    """Unsupported country names to accept when the story has no other place evidence at all.

    "Jordan reports 2,648 new cases", "Turkey's telecoms authority bans ...": a capitalised
    country name that is also a first name or a word, with no trigger nearby, is the only place
    the story names. When every such name reads as one and the same country (a person's name
    was already ruled out), that country is the story's. Several candidate countries, or a
    city or state reading, leave the story without a country, as before.
    """
    countries: set[str] = set()
    for hit, _weight in unbacked:
        if any(r[2] & WORD for r in hit.readings) and (
            hit.family == HEB
            or (hit.family == CYR and lang in gaz.word_langs.get(hit.form, ()))
            or (lang == "fi" and hit.family == LAT and _fi_word(gaz, ts, hit))
        ):
            # A Hebrew token that is mostly a word (הירדן, the river), a Cyrillic word of the story's language
            # (Того, "of that") or a Finnish one (Oman, "own"), opens a sentence as any word does.
            return None
        places = {r[0] for r in hit.readings}
        if len(places) != 1 or any(gaz.places[p].kind != "country" for p in places):
            return None
        countries.update(gaz.places[p].id for p in places)
    # The name must open a sentence, as its subject: "Jordan reports ...", not "... said Jordan".
    if len(countries) != 1 or not any(opens_sentence(text, hit.start) for hit, _w in unbacked):
        return None
    return unbacked


# Words before a full stop that do not end a sentence: titles and abbreviations of news English.
_ABBREVIATIONS = frozenset(
    [
        *("mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "rep", "sen", "gov", "rev"),
        *("jr", "sr", "no", "inc", "corp", "co", "ltd", "vs", "mt", "ft", "adm", "cmdr", "prof"),
    ]
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9\u00c0-\u024f\u0400-\u04ff])")


def _first_sentence_end(text: str, begin: int, end: int) -> int:
    """Where the first sentence of ``text[begin:end]`` ends (``end`` if it runs on); "U.S." ends none."""
    for m in _SENTENCE_END.finditer(text, begin, end):
        stop = m.start()
        if text[stop] == ".":
            word = text[begin:stop].rsplit(None, 1)[-1] if text[begin:stop].strip() else ""
            word = word.lstrip("\"'“‘(")
            if "." in word or len(word) == 1 or word.lower() in _ABBREVIATIONS:
                continue
        return m.end()
    return end


def _capitalised_word(ts: TokenStream, text: str, hit: _Hit, gaz: Gazetteer, lang: str | None, body_at: int) -> bool:
    """Whether ``hit``, a country's name that is a frequent word of the story's language ("turkey"), is written as a
    name there: one capitalised word inside a body sentence (not opening it, not in capitals), small words around."""
    if hit.family != LAT or lang is None or hit.first != hit.last or hit.start < body_at:
        return False
    # A country's reading alone: "Columbia" is also a city of South Carolina, and a capital says nothing between them.
    if lang not in gaz.word_langs.get(hit.form, ()) or any(gaz.places[r[0]].kind != "country" for r in hit.readings):
        return False
    word = text[hit.start : hit.end]
    if not word[:1].isupper() or word.isupper() or opens_sentence(text, hit.start):
        return False
    # A capitalised neighbour makes a longer name ("Wild Turkey", "Turkey Creek") or a title-case line.
    neighbours = [i for i in (hit.first - 1, hit.last + 1) if 0 <= i < len(ts.texts)]
    return not any(text[ts.start(i)].isupper() for i in neighbours)


def _person_name(
    ts: TokenStream,
    text: str,
    hit: _Hit,
    hit_tokens: set[int],
    lang: str | None,
    gaz: Gazetteer,
    *,
    article: bool = True,
    epithets: frozenset[int] = frozenset(),
    weak: frozenset[int] = frozenset(),
) -> bool:
    """Whether a one-word place name in a cased script is part of a person's name.

    "Paris Hilton", "Israel Adesanya": the next word is capitalised, follows after one space
    and is no place, title or geographic noun. "Michael Jordan", "Abraham Lincoln": the word
    before is such a word, and the name is ambiguous or that word does not start a sentence
    (German capitalises every noun: "Bundesstaat Georgia", so there only the next word counts).
    ``article=False`` leaves out the English article rule (see :func:`_names_a_thing`). ``epithets``: tokens
    of Cyrillic adjectives of places, which after the name make an epithet, not a place beside it.
    """
    if hit.first != hit.last or hit.family not in (LAT, CYR):
        return False
    # Both rules below need a capitalised word beside the name; most names have none ("in Paris on Monday"),
    # and this is the cheapest thing to ask first.
    nxt, prev, begins = hit.last + 1, hit.first - 1, ts.begins
    if not (nxt < len(begins) and text[begins[nxt]].isupper()) and not (prev >= 0 and text[begins[prev]].isupper()):
        return False
    # A sure country name stays a place: "Azərbaycan Respublikası", "France Télévisions" -- unless it
    # is only another language's name for the country: "Mauricio Macri" in English names a person.
    # Sure as _is_sure says: a name that is only another language's frequent word is sure in this one's stories
    # (Bulgarian writes the United Kingdom "Великобритания" more often than its CLDR name, so the form is a
    # Bulgarian "word"; "Премьер-министр Великобритании Борис Джонсон" had lost the country to a person's name).
    readings = hit.readings
    if len(readings) == 1:  # most names: the same tests as below without a generator each
        place, ftype, _flags = readings[0]
        sure_country = gaz.places[place].kind == "country" and _is_sure(gaz, readings[0], hit.form, lang, hit.family)
        demonym = ftype == DEMONYM
    else:
        sure_country = all(gaz.places[r[0]].kind == "country" and _is_sure(gaz, r, hit.form, lang, hit.family) for r in readings)
        demonym = all(r[1] == DEMONYM for r in readings)
    if sure_country and not _foreign_name(gaz, hit, lang) and not (lang == "en" and _titled_name(ts, text, hit)):
        # Russian surnames are often a country's declined name (Ливанов, "of the Lebanons"; Куба): after a first
        # name they are the person's ("министр Дмитрий Ливанов", "Мартин Куба").
        return hit.family == CYR and _after_a_cyrillic_first_name(ts, text, hit, gaz)
    # A demonym is an adjective, and English capitalises the title or body it qualifies: "Polish
    # Energy Minister", "Thai Prime Minister" name no person called Polish or Thai.
    if demonym:
        return False
    texts = ts.texts
    start, end = ts.start(hit.first), ts.end(hit.last)
    if not text[start : start + 1].isupper():
        return False
    # Turkish and Azerbaijani name buildings, events and bodies with a compound whose
    # capitalised head noun carries the possessive ending: "Kırım Köprüsü", "İstanbul Film
    # Festivali", "Bakı Mərkəzi Məscidi". A surname does not decline so; a place name that
    # is no common first name before such a compound stays a place.
    first_name = not (
        lang in ("tr", "az") and not any(r[2] & AMBIG for r in hit.readings) and _turkic_compound(ts, text, hit.last + 1)
    )
    # English puts no article before a person's name: "a Kabul Shiite shrine", "the Boston Celtics",
    # "the Cleveland Board of Control" name a thing of the place (see _names_a_thing).
    if article and lang == "en" and hit.first > 0 and texts[hit.first - 1] in _EN_ARTICLES:
        first_name = False
    if (
        first_name
        and nxt < len(texts)
        and (nxt not in hit_tokens or nxt in epithets)
        and text[end : ts.start(nxt)] == " "
        and _name_word(ts, text, nxt)
        # A facility named after a person opens with its place ("Tehran Imam Khomeini International Airport"), not with
        # a name that is a common first name as much ("Ben Gurion Airport": no Bern).
        and (all(r[2] & AMBIG for r in hit.readings) or not _opens_a_facility(ts, text, nxt))
    ):
        return True
    # A first name and a middle initial: "President George W. Bush" (George, a South African city); a first name and a
    # surname's particle: "Jordan van der Berg".
    if (
        first_name
        and nxt < len(texts)
        and (len(texts[nxt]) == 1 or texts[nxt] in _SURNAME_PARTICLES)
        and (_initial_after(ts, text, hit, hit_tokens, weak, gaz.first_names) or _particle_after(ts, text, hit, hit_tokens, gaz))
    ):
        return True
    # A hyphenated first name: "spokeswoman Kerry-Ann Hamilton" (no county Kerry). Two places so joined are no person:
    # their second part is a place that needs no support ("Bosnia-Herzegovina", "Paris-Dakar"; "Ann" needs it).
    if (
        first_name
        and nxt + 1 < len(texts)
        and (nxt not in hit_tokens or nxt in weak)
        and text[end : ts.start(nxt)] == "-"
        and _name_word(ts, text, nxt)
        and text[ts.end(nxt) : ts.start(nxt + 1)] == " "
        and _name_word(ts, text, nxt + 1)
    ):
        return True
    if prev < 0 or prev in hit_tokens:
        return False
    if lang == "de":
        # German capitalises every noun ("Bundesstaat Georgia"): only a first name before the name tells a person
        # there ("Konkurrentin Simona Halep", Aleppo's Turkish name in dpa's tennis report).
        return (
            hit.family == LAT
            and texts[prev] in gaz.first_names
            and text[ts.end(prev) : start] == " "
            and _name_word(ts, text, prev)
            and not any(gaz.places[r[0]].kind in ("country", "capital") and not r[2] & AMBIG for r in hit.readings)
        )
    if _initial_before(ts, text, hit, hit_tokens, weak) or _lone_initial_before(ts, text, hit):
        return True
    if text[ts.end(prev) : start] != " " or not _name_word(ts, text, prev):
        return False
    # Opening a sentence, any word is capitalised: only a first name tells a person there ("... said. Kathy Cosco,
    # spokeswoman"), where a country or a town that needs no support stays a place ("Downtown Paris", "Unlike Kabul").
    # A Cyrillic name that is a word of another Cyrillic language only needs none in this one: "Позиция Вашингтона"
    # (Bulgarian's word) is Washington's position.
    return (
        not opens_sentence(text, ts.start(prev), ".!?\n:;—–-")
        or (
            all(r[2] & AMBIG for r in hit.readings)
            and (hit.family != CYR or not any(_is_sure(gaz, r, hit.form, lang, hit.family) for r in hit.readings))
        )
        or (hit.family == LAT and texts[prev] in gaz.first_names)
        or (hit.family == CYR and _cyrillic_first_name(texts[prev], gaz))
    )


# Capitalised nouns that end the name of a place's facility named after a person: "Tehran Imam Khomeini International
# Airport", "Paris Charles de Gaulle Airport", "Mumbai Chhatrapati Shivaji Terminus".
_FACILITY_NOUNS = frozenset(["airport", "airfield", "terminus", "station", "stadium", "arena", "port", "harbour", "harbor"])
# Words a person's name in a facility's name may hold besides capitalised ones.
_NAME_PARTICLES_IN_FACILITIES = frozenset(["de", "la", "du", "van", "von", "al", "el", "bin"])


def _opens_a_facility(ts: TokenStream, text: str, i: int) -> bool:
    """Whether the capitalised words from token ``i`` (up to six, particles allowed) end in a facility's noun: then
    the name before them is the place whose airport or station it is, not a first name."""
    texts = ts.texts
    for j in range(i, min(i + 6, len(texts))):
        word = texts[j]
        if word in _FACILITY_NOUNS and text[ts.start(j)].isupper():
            return True
        if not (text[ts.start(j)].isupper() or word in _NAME_PARTICLES_IN_FACILITIES):
            return False
    return False


def _word_before(ts: TokenStream, text: str, hit: _Hit, words: frozenset[str]) -> int:
    """The token before a capitalised one-word Latin name when it is one of ``words``, else -1."""
    if hit.first != hit.last or hit.family != LAT or hit.first == 0 or not text[hit.start].isupper():
        return -1
    return hit.first - 1 if ts.texts[hit.first - 1] in words else -1


def _after_kin(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a capitalised one-word Latin name follows a kinship noun in lower case, after a space or a comma:
    "his son, Trent,", "her daughter Paris" ("Mother Russia", capitalised, is the country)."""
    prev = _word_before(ts, text, hit, _KIN_WORDS)
    return prev >= 0 and text[ts.start(prev)].islower() and text[ts.end(prev) : hit.start] in (" ", ", ")


def _after_a_royal_title(ts: TokenStream, text: str, hit: _Hit, gaz: Gazetteer) -> bool:
    """Whether a capitalised one-word Latin name that is no sure country's follows a capitalised royal title after a
    space: "Queen Elizabeth" (not Elizabeth, New Jersey), "Queen Rania" (not Rania, Iraq)."""
    prev = _word_before(ts, text, hit, _ROYAL_TITLES)
    if prev < 0 or not text[ts.start(prev)].isupper() or text[ts.end(prev) : hit.start] != " ":
        return False
    return not any(gaz.places[r[0]].kind == "country" and not r[2] & AMBIG for r in hit.readings)


def _after_an_office(ts: TokenStream, text: str, hit: _Hit, titles: frozenset[str], lang: str | None, gaz: Gazetteer) -> bool:
    """Whether a capitalised one-word Latin name that is no country's follows a title of office after a space:
    "el presidente Bush" (not Būsh, Egypt), "le président Santos" (not Santos, Brazil), "Präsident Bush"."""
    prev = hit.first - 1
    if hit.first != hit.last or hit.family != LAT or prev < 0 or not text[hit.start].isupper():
        return False
    word = ts.texts[prev]
    if word not in titles and not (lang == "de" and word.endswith(_GERMAN_TITLE_ENDS)):
        return False
    if text[ts.end(prev) : hit.start] != " " or text[hit.start : hit.end].isupper():
        return False
    if lang == "de" and text[hit.end - 1] == "s":
        return False
    return not any(gaz.places[r[0]].kind == "country" for r in hit.readings)


def _before_a_patronym(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a capitalised one-word name stands before an Arabic patronymic particle and a capitalised name:
    "Hamad bin Jassim", "шейх Хамад бен Халифа", "Абдулла бин Хамад" (the name after it is a person's too); or
    after "Abdul", "Abdel" ("Amir Abdul-Hamid")."""
    texts = ts.texts
    if hit.first != hit.last or hit.family not in (LAT, CYR):
        return False
    nxt, prev = hit.last + 1, hit.first - 1
    # "Abdul-Hamid", "Abdel Aziz": the name after "servant of" is God's, in a person's name.
    if prev >= 0 and texts[prev] in _THEOPHORIC and text[ts.end(prev) : hit.start] in (" ", "-", "‑"):
        # Capitalised, not in capitals: Turkish "ABD" is the United States ("ABD-Meksika sınırı", "ABD Irak'a ...").
        word = text[ts.start(prev) : ts.end(prev)]
        return word[:1].isupper() and not word.isupper()
    if nxt + 1 < len(texts) and texts[nxt] in _PATRONYMS and text[hit.end : ts.start(nxt)] == " ":
        return text[ts.start(nxt)].islower() and text[ts.start(nxt + 1)].isupper()
    return (
        prev >= 1
        and texts[prev] in _PATRONYMS
        and text[ts.end(prev) : hit.start] == " "
        and text[ts.start(prev)].islower()
        and text[ts.start(prev - 1)].isupper()
    )


def _cyr_speaker(ts: TokenStream, text: str, hit: _Hit, gaz: Gazetteer) -> bool:
    """Whether a Cyrillic town's name, undeclined, is a speaker's surname beside a verb of speech: "— заявил
    Борисов", "Хамад сказал". A capital or a country speaks as its government ("Москва заявила")."""
    texts = ts.texts
    if hit.first != hit.last or texts[hit.first] != hit.form or not text[hit.start].isupper():
        return False
    if any(gaz.places[r[0]].kind != "city" for r in hit.readings):
        return False
    nxt, prev = hit.last + 1, hit.first - 1
    return (nxt < len(texts) and texts[nxt] in _CYR_SPEECH_VERBS and text[hit.end : ts.start(nxt)] == " ") or (
        prev >= 0 and texts[prev] in _CYR_SPEECH_VERBS and text[ts.end(prev) : hit.start] == " "
    )


def _two_place_names(gaz: Gazetteer, text: str, hits: list[_Hit], not_names: set[int]) -> list[_Hit]:
    """Pairs of one-word names (first, surname, ...) that make a person's: a capitalised name that is a place only
    with support (a first name: Isabel, Montserrat, Virginia) right before a capitalised town's or region's name,
    one space between ("Isabel Salazar", "Montserrat Tura"). A sure country's name is no surname."""
    out: list[_Hit] = []
    for a, b in pairwise(hits):
        if (
            b.first == a.last + 1
            and a.first == a.last
            and b.first == b.last
            and a.family == b.family
            and a.family in (LAT, CYR)
            and id(a) not in not_names
            and id(b) not in not_names
            and text[a.end : b.start] == " "
            and all(r[2] & AMBIG for r in a.readings)
            # Ambiguous as a common word, not as a first name: German "Hauptstadt Berlin" is no person.
            and not all(r[2] & WORD for r in a.readings)
            and a.form not in _NAME_NEIGHBOURS
            and a.form not in _COMPASS
            and not _compass_phrase(a.form)
            and text[a.start].isupper()
            and text[b.start].isupper()
            and not text[a.start : a.end].isupper()
            and not text[b.start : b.end].isupper()
            and not any(gaz.places[r[0]].kind == "country" and not r[2] & AMBIG for r in b.readings)
        ):
            out += [a, b]
    return out


def _name_word(ts: TokenStream, text: str, i: int) -> bool:
    """Whether token ``i`` may be a person's first name or surname beside a place name: capitalised (not all in
    capitals), letters only, no place's neighbour ("North", "City") and no function word."""
    start = ts.start(i)
    word = ts.texts[i]
    return (
        text[start].isupper()
        and not text[start : ts.end(i)].isupper()
        and word.isalpha()
        and word not in _NAME_NEIGHBOURS
        and word not in _FUNCTION_WORDS
    )


_EN_ARTICLES = frozenset(["a", "an", "the"])
# German articles and determiners, folded: German names no town with one ("das Essen", the meal; "die Halle", a hall;
# "die Löwen", lions, not Leuven; "der Kanton", not Guangzhou), as it does some countries and regions ("die Schweiz",
# "der Iran", "in den Marken").
_DE_ARTICLES = frozenset(
    [
        *("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"),
        *("kein", "keine", "keinen", "keinem", "keiner", "keines", "dieser", "diese", "dieses", "diesem", "diesen"),
        *("jeder", "jede", "jedes", "jedem", "jeden"),
    ]
)


# Capitalised nouns after which a town's or region's one-word name is a word of a body's name: "Unity Party", "Lakes
# Alliance", "Independence Day", and the word after "National" ("National Unity Government", "Government of National
# Unity": no Unity state of South Sudan).
_BODY_NOUNS = frozenset(["party", "movement", "front", "alliance", "coalition", "bloc", "platform", "day"])


def _names_a_body(gaz: Gazetteer, ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a one-word town's or region's name in an English story is a word of a party's, a government's or a
    day's name: after a capitalised "National", or before a capitalised noun of :data:`_BODY_NOUNS`."""
    texts, prev, nxt = ts.texts, hit.first - 1, hit.last + 1
    # The neighbours first: most names have neither beside them.
    after_national = prev >= 0 and texts[prev] == "national"
    if not after_national and (nxt >= len(texts) or texts[nxt] not in _BODY_NOUNS):
        return False
    if hit.first != hit.last or hit.family != LAT or not text[hit.start].isupper():
        return False
    if not _names_of(gaz, hit.readings, ("city", "state")):
        return False
    if after_national and text[ts.start(prev)].isupper() and text[ts.end(prev) : hit.start] == " ":
        return True
    return (
        nxt < len(texts) and texts[nxt] in _BODY_NOUNS and text[ts.start(nxt)].isupper() and text[hit.end : ts.start(nxt)] == " "
    )


def _names_of(gaz: Gazetteer, readings: Sequence[tuple[int, int, int]], kinds: tuple[str, ...]) -> bool:
    """Whether every reading is a name (no demonym, metonym or abbreviation) of a place of one of ``kinds``."""
    return all(r[1] == NAME and gaz.places[r[0]].kind in kinds for r in readings)


# Hyphens that join a name to the noun of a compound ("Honolulu-Flughafen").
_COMPOUND_HYPHENS = ("-", "\u2010", "\u2011")


def _german_noun(gaz: Gazetteer, ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a one-word town's name in a German story stands right after an article: German capitalises every noun,
    and a town's name takes no article, so the word is the noun ("Das Essen war kalt").

    Not where the article belongs to a compound the name opens ("dem Honolulu-Airport", "des Peking-Marathons"), nor
    a relative pronoun after a comma ("das Zugende, das Kapstadt am nächsten ist")."""
    at = hit.first - 1
    if at < 0 or hit.first != hit.last or ts.texts[at] not in _DE_ARTICLES or text[ts.end(at) : hit.start] != " ":
        return False
    relative = text[max(0, ts.start(at) - 2) : ts.start(at)].rstrip().endswith(",")
    if relative or text[hit.end : hit.end + 1] in _COMPOUND_HYPHENS:
        return False
    return _names_of(gaz, hit.readings, ("city", "capital"))


# English titles before a person's full name: "Health Minister Salvador Illa", "Foreign Minister Israel Katz".
_EN_TITLES = frozenset(
    [
        *("minister", "president", "secretary", "chancellor", "premier", "senator", "governor", "mayor", "leader"),
        *("general", "judge", "ambassador", "spokesman", "spokeswoman", "chairman", "chairwoman", "commissioner"),
        *("envoy", "king", "queen", "prince", "princess", "sultan", "emir", "coach", "striker", "captain"),
    ]
)


def _titled_name(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a one-word country name stands between a title and a capitalised word: a first name ("Health Minister
    Salvador Illa"), which even a country's sure name can be."""
    prev, nxt, texts = hit.first - 1, hit.last + 1, ts.texts
    if prev < 0 or nxt >= len(texts) or texts[prev] not in _EN_TITLES:
        return False
    return text[ts.end(prev) : hit.start] == " " and text[hit.end : ts.start(nxt)] == " " and _name_word(ts, text, nxt)


def _names_a_thing(ts: TokenStream, text: str, hit: _Hit, hit_tokens: set[int], lang: str | None, gaz: Gazetteer) -> bool:
    """Whether an English place name opens the name of a thing called after it: "the Washington Post".

    Between "the" and a capitalised word a name that would else be a first name names a team, a body, a
    newspaper or a treaty ("the Boston Celtics", "the Ulster Unionist Party", "the Paris Agreement"):
    evidence for its country, weaker than the place named. (After "the" only the next word can make a
    person: the word before is a function word.)
    """
    return (
        hit.first > 0 and ts.texts[hit.first - 1] == "the" and _person_name(ts, text, hit, hit_tokens, lang, gaz, article=False)
    )


def _named_after(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether the word after a name may begin an organisation's name: in Latin script only a capitalised one.

    "Bangladeshi bank officials", "a Swiss bank" name a bank of the place; "Deutsche Bank" is the company.
    """
    nxt = hit.last + 1
    return hit.family != LAT or nxt >= len(ts.texts) or not text[ts.start(nxt)].islower()


# Compass initials abbreviate a place's first word ("N. Korea", "S. Africa", "W. Virginia"), no middle name.
_COMPASS_INITIALS = frozenset("nsew")


def _initial_before(ts: TokenStream, text: str, hit: _Hit, hit_tokens: set[int], weak: frozenset[int] = frozenset()) -> bool:
    """Whether a middle initial after a first name stands before the name: "Roy A. Nelson", "John F. Kennedy".
    ``weak``: tokens of names that are places only with support, which may be the first name ("George W. Bush")."""
    initial, first = hit.first - 1, hit.first - 2
    if first < 0 or initial in hit_tokens or (first in hit_tokens and first not in weak):
        return False
    texts = ts.texts
    if len(texts[initial]) != 1 or not texts[initial].isalpha():
        return False
    # A compass initial abbreviates a place's first word ("Bluefield W. Virginia") unless a first name stands
    # before it that is a place only with support ("George W. Bush").
    if texts[initial] in _COMPASS_INITIALS and first not in weak:
        return False
    if text[ts.end(initial) : ts.start(hit.first)] != ". " or text[ts.end(first) : ts.start(initial)] != " ":
        return False
    return text[ts.start(initial)].isupper() and _name_word(ts, text, first)


def _after_a_cricket_mark(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a capitalised one-word name stands right after a cricket scorecard's lower-case "c", "b" or "st" (caught,
    bowled, stumped), itself a word of its own after another: "Saeed Anwar c Croft b Cork 176"."""
    mark = hit.first - 1
    if hit.first != hit.last or hit.family != LAT or mark < 1 or ts.texts[mark] not in _CRICKET_MARKS:
        return False
    at = ts.start(mark)
    return (
        text[at].islower()
        and text[ts.end(mark) : hit.start] == " "
        and text[at - 1 : at] == " "
        and text[hit.start].isupper()
        and ts.end(mark - 1) == at - 1
    )


def _lone_initial_before(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a capital initial alone stands right before the name: "M. Vaughan 57", "To bat: R. Croft, D. Cork"
    (agency sports copy writes its players so), or a run of them: "the book by J.M. Barrie", "J. R. R. Tolkien". Not a
    compass initial ("W. Virginia", "N. Ireland", "S.E. Paris"), nor a dotted abbreviation ("the U.K. Paris office")."""
    initial = hit.first - 1
    texts = ts.texts
    if initial < 0 or len(texts[initial]) != 1 or not texts[initial].isalpha():
        return False
    if text[ts.end(initial) : hit.start] != ". " or not text[ts.start(initial)].isupper():
        return False
    letters = [texts[initial]]
    at = ts.start(initial)
    # Walk back over the run's earlier initials, each a capital letter and a dot ("J.M.", "J. R. R.").
    while (
        initial - len(letters) >= 0
        and len(texts[initial - len(letters)]) == 1
        and text[ts.end(initial - len(letters)) : at] in (".", ". ")
        and text[ts.start(initial - len(letters))].isupper()
    ):
        at = ts.start(initial - len(letters))
        letters.append(texts[initial - len(letters)])
    if at > 0 and (text[at - 1] in ".-" or text[at - 1].isalnum()):
        return False
    run = "".join(reversed(letters))
    return not set(run) <= _COMPASS_INITIALS and run not in _DOTTED_ABBREVIATIONS


# Dotted abbreviations of places and bodies, whose last letter stands before a place's name as an initial would
# ("the U.K. Paris office", "U.S. Chicago branch", "Washington D.C. Paris flights").
_DOTTED_ABBREVIATIONS = frozenset(["uk", "us", "usa", "uae", "dc", "eu", "un", "ussr", "prc", "nyc", "la"])


# Russian and Ukrainian adjective endings of two letters or more (a one-letter one ends nouns too: Куба).
_CYR_ADJ_TAILS = tuple(ending for ending in CYR_ADJ_ENDINGS if len(ending) > 1)


def _after_a_cyrillic_first_name(ts: TokenStream, text: str, hit: _Hit, gaz: Gazetteer) -> bool:
    """Whether the capitalised Cyrillic word just before a Cyrillic name, one space apart, is a first name: one of its
    romanisations (:func:`cyr_romanisations`, and "-y" or "-i" for "-ий") is in ``gaz.first_names`` ("Дмитрий"
    dmitry, "Мартин" martin)."""
    prev = hit.first - 1
    if prev < 0 or text[ts.end(prev) : hit.start] != " " or not _name_word(ts, text, prev):
        return False
    # An adjective after a first name is a royal's epithet as often as a surname ("Астрид Шведской", Astrid of Sweden).
    word = ts.texts[prev]
    if ts.texts[hit.first].endswith(_CYR_ADJ_TAILS):
        return False
    return _cyrillic_first_name(word, gaz)


def _cyrillic_first_name(word: str, gaz: Gazetteer) -> bool:
    """Whether a folded Cyrillic ``word`` is a first name: one of its romanisations (:func:`cyr_romanisations`, and
    "-y" or "-i" for "-ий") is in ``gaz.first_names`` ("дмитрий" dmitry, "борис" boris)."""
    if family_of(word) != CYR:
        return False
    spellings = cyr_romanisations(word[:-2] if word.endswith("ий") else word)
    if word.endswith("ий"):
        spellings = {stem + end for stem in spellings for end in ("y", "i", "iy", "ii")}
    return not gaz.first_names.isdisjoint(spellings)


def _initial_after(
    ts: TokenStream, text: str, hit: _Hit, hit_tokens: set[int], weak: frozenset[int], first_names: frozenset[str]
) -> bool:
    """Whether a middle initial and a surname follow the name: "Florence S. Wright". The surname may be a place that
    needs support after a first name ("George W. Bush"), where a compass initial abbreviates a place's first word after
    another place ("Charleston W. Virginia")."""
    initial, surname = hit.last + 1, hit.last + 2
    texts = ts.texts
    if surname >= len(texts) or initial in hit_tokens:
        return False
    if surname in hit_tokens and (surname not in weak or hit.family != LAT or texts[hit.first] not in first_names):
        return False
    if len(texts[initial]) != 1 or not texts[initial].isalpha() or not text[ts.start(initial)].isupper():
        return False
    if text[ts.end(hit.last) : ts.start(initial)] != " " or text[ts.end(initial) : ts.start(surname)] != ". ":
        return False
    return _name_word(ts, text, surname)


def _particle_after(ts: TokenStream, text: str, hit: _Hit, hit_tokens: set[int], gaz: Gazetteer) -> bool:
    """Whether the name is a first name (``gaz.first_names``) and a surname with its particle follows it, the surname
    being no place: "Jordan van der Berg", where "Santiago de Cuba" and "Salvador de Bahia" stay places."""
    if hit.family != LAT or ts.texts[hit.first] not in gaz.first_names:
        return False
    particle = hit.last + 1
    texts = ts.texts
    surname = particle + 2 if particle + 1 < len(texts) and texts[particle + 1] in ("der", "den", "la", "los") else particle + 1
    if surname >= len(texts) or texts[particle] not in _SURNAME_PARTICLES or not text[ts.start(particle)].islower():
        return False
    if any(i in hit_tokens for i in range(particle, surname + 1)):
        return False
    between = text[ts.end(hit.last) : ts.start(surname)]
    return between == f" {text[ts.start(particle) : ts.end(surname - 1)]} " and _name_word(ts, text, surname)


# Words before a first name that make the name after its particle a place's: a saint's town or church, a royal's title.
_SAINT_WORDS = frozenset(["san", "sant", "santa", "santo", "são", "saint", "sainte", "st", "ste", "sankt"])
_NOBLE_TITLES = _ROYAL_TITLES | frozenset(
    [
        *("duke", "duchess", "príncipe", "princesa", "rey", "reina", "duque", "duquesa", "conde", "condesa", "roi"),
        *("reine", "princesse", "duc", "duchesse", "comte", "comtesse", "rei", "rainha", "re", "regina", "principe"),
        *("duca", "prinz", "prinzessin", "könig", "königin", "herzog"),
    ]
)


def _surname_after_particle(ts: TokenStream, text: str, hit: _Hit, hit_tokens: set[int], gaz: Gazetteer) -> bool:
    """Whether a capitalised one-word Latin name that is no country's follows a first name (``gaz.first_names``) and a
    surname's particle, one space apart: "Leila de Lima" (not Peru's capital). A title or a noun before the particle
    is no first name ("Gran Duque de Luxemburgo", "Universidad de Chile" stay places), nor a saint's ("Sant Joan de
    Reus")."""
    particle, first = hit.first - 1, hit.first - 2
    texts = ts.texts
    if hit.first != hit.last or hit.family != LAT or first < 0 or texts[particle] not in _SURNAME_PARTICLES:
        return False
    if first in hit_tokens or texts[first] not in gaz.first_names or not text[hit.start].isupper():
        return False
    if text[ts.end(first) : ts.start(particle)] != " " or text[ts.end(particle) : hit.start] != " ":
        return False
    if not text[ts.start(particle)].islower() or not _name_word(ts, text, first):
        return False
    # A saint's name before the particle names a place after the place ("Hospital Sant Joan de Reus"), and a royal's
    # name after a title is styled after the place ("el Príncipe William de Gales").
    if first > 0 and (texts[first - 1] in _SAINT_WORDS or texts[first - 1] in _NOBLE_TITLES):
        return False
    return not any(gaz.places[r[0]].kind == "country" for r in hit.readings)


def _speaker(ts: TokenStream, text: str, hit: _Hit, gaz: Gazetteer) -> bool:
    """Whether an English town's name is a speaker's surname: "..., Nelson said." A capital or a country speaks as
    its government ("Moscow said", "Russia says"), a town does not."""
    nxt = hit.last + 1
    if hit.first != hit.last or nxt >= len(ts.texts) or ts.texts[nxt] not in _SPEECH_VERBS:
        return False
    if text[ts.end(hit.last) : ts.start(nxt)] != " " or any(gaz.places[r[0]].kind != "city" for r in hit.readings):
        return False
    prev = hit.first - 1
    return prev < 0 or ts.texts[prev] not in _FUNCTION_WORDS


def _after_first_name(
    ts: TokenStream,
    text: str,
    hit: _Hit,
    hit_tokens: set[int],
    weak: frozenset[int] = frozenset(),
    first_names: frozenset[str] = frozenset(),
) -> bool:
    """Whether a place name read as a person's is the surname: a capitalised word, no place, just before it (opening
    a sentence, one of ``first_names``), or a first name and a middle initial."""
    if _initial_before(ts, text, hit, hit_tokens, weak):
        return True
    prev = hit.first - 1
    if prev < 0 or prev in hit_tokens or text[ts.end(prev) : ts.start(hit.first)] != " ":
        return False
    word = ts.texts[prev]
    if not text[ts.start(prev)].isupper() or not word.isalpha() or word in _NAME_NEIGHBOURS or word in _FUNCTION_WORDS:
        return False
    return not opens_sentence(text, ts.start(prev)) or (hit.family == LAT and word in first_names)


def _foreign_name(gaz: Gazetteer, hit: _Hit, lang: str | None) -> bool:
    """Whether ``hit`` is a Latin country name that is not the story language's own name for it."""
    if lang is None or hit.family != LAT or lang not in gaz.checked_langs.get(LAT, frozenset()):
        return False
    own = gaz.name_langs.get(hit.form)
    return own is not None and lang not in own


# Compass words that are whole names of first-level subdivisions (Cameroon's North, Fiji's Central
# and Western divisions, Haiti's Ouest) and the unit nouns that may follow such a name.
_COMPASS = frozenset(
    [
        *("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre"),
        *("nord", "sud", "est", "ouest", "norte", "sur", "este", "oeste", "centro"),
    ]
)
# Adjectives naming a region of a larger area before its name: "northern Ontario", "Southwestern Ontario".
_REGION_ADJECTIVES = frozenset(
    [
        *("northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern"),
        *("southwestern", "upstate", "downstate"),
    ]
)
# The Arabic article written before a name in Latin and Cyrillic script ("al-Baghdadi", "аль-Багдади").
_AL_PARTICLES = frozenset(["al", "el", "аль", "ал", "эль", "ель"])
# Russian and Ukrainian "time" after a city's adjective: a time zone ("по московскому времени", "за київським часом").
_TIME_NOUNS = frozenset(["времени", "время", "часом", "часу", "час"])
_COMPASS_LANDS = ("northland", "southland", "eastland", "westland")
_UNIT_NOUNS = frozenset(["province", "region", "division", "department", "district", "state", "governorate", "oblast"])


# Street nouns of English addresses, capitalised after the name: "Falcon Street", "Malta Road", "Pennsylvania Avenue";
# and squares ("Independence Square" in Kyiv is no town of Missouri).
_STREET_NOUNS = frozenset(
    ["street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "drive", "lane", "square", "plaza"]
)


def _names_a_street(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether the name is a street's or a neighbourhood's, not the place's: "Falcon Street", "Malta Road" (a street
    noun after it, capitalised), "Little Portugal", "Little Italy" (an immigrants' quarter)."""
    texts = ts.texts
    nxt = hit.last + 1
    if nxt < len(texts) and texts[nxt] in _STREET_NOUNS and text[ts.start(nxt)].isupper():
        return text[ts.end(hit.last) : ts.start(nxt)] == " "
    # One capitalised word between: "Indian Lake Road", "Dublin Center Drive".
    if (
        nxt + 1 < len(texts)
        and texts[nxt + 1] in _STREET_NOUNS
        and text[ts.start(nxt + 1)].isupper()
        and text[ts.start(nxt)].isupper()
        and texts[nxt].isalpha()
        and text[ts.end(hit.last) : ts.start(nxt)] == " "
        and text[ts.end(nxt) : ts.start(nxt + 1)] == " "
    ):
        return True
    prev = hit.first - 1
    return prev >= 0 and texts[prev] == "little" and text[ts.start(prev)] == "L" and text[ts.end(prev) : hit.start] == " "


# French definite articles (folded; "l'" is its own token): before a name that may be a country's they make it one.
_FRENCH_ARTICLES = frozenset(["le", "la", "les", "l", "du", "des"])
# The English demonym of the Soviet Union (Russia's, as its name is: curated.yaml), and the words around it that put the
# story after the state: "former Soviet republics", "post-Soviet", "Soviet-era tanks", "Soviet-made".
_SOVIET_FORMS = frozenset(["soviet"])  # "Soviets" is this form with its tail
_AFTER_THE_STATE_BEFORE = frozenset(["former", "ex", "post", "anti"])
_AFTER_THE_STATE_AFTER = frozenset(["era", "style", "made", "built", "designed", "times", "legacy"])


def _after_the_soviet_union(ts: TokenStream, hit: _Hit) -> bool:
    """Whether "Soviet" names the past of the states that followed the Soviet Union, not the state itself (its Soviet
    buyers, Soviet officials): "the former Soviet republic of Georgia", "post-Soviet", "Soviet-era weapons"."""
    texts = ts.texts
    before = texts[hit.first - 1] if hit.first > 0 else ""
    after = texts[hit.last + 1] if hit.last + 1 < len(texts) else ""
    return before in _AFTER_THE_STATE_BEFORE or after in _AFTER_THE_STATE_AFTER


def _no_english_place(gaz: Gazetteer, ts: TokenStream, text: str, hit: _Hit, hit_tokens: set[int], lang: str | None) -> bool:
    """Whether an English name is none of a place: a street's, after a saint's title, a language's or Native
    Americans' (country words), or the end of a longer foreign name. The neighbouring tokens are asked first: most
    names have none of these words beside them."""
    texts = ts.texts
    prev = texts[hit.first - 1] if hit.first > 0 else ""
    nxt = texts[hit.last + 1] if hit.last + 1 < len(texts) else ""
    after = texts[hit.last + 2] if hit.last + 2 < len(texts) else ""
    if (nxt in _STREET_NOUNS or after in _STREET_NOUNS or prev == "little") and _names_a_street(ts, text, hit):
        return True
    if prev in ("st", "saint") and _after_saint(ts, text, hit):
        return True
    if prev in ("a", "an") and nxt in _RESIDENT_NOUNS and _a_country_named_resident(gaz, ts, text, hit):
        return True
    if prev == "new" and _after_new(ts, text, hit) and not any("US" in gaz.places[r[0]].countries for r in hit.readings):
        # New London, New Berlin, New England: settlers' namesakes, American where the gazetteer does not know
        # them; an American reading of the name stays ("New Milford", "New Concord").
        return True
    if hit.form.startswith(("st ", "saint ")) and (
        (nxt in _SAINT_INSTITUTIONS and _named_for_a_saint(gaz, ts, text, hit)) or _second_saint(ts, text, hit)
    ):
        return True
    word = texts[hit.first]
    if (word in LANGUAGE_NAMES or word in ("indian", "indians")) and _no_country_sense(gaz, ts, text, hit, hit_tokens):
        return True
    return lang == "en" and prev in _NAME_PARTICLES and _ends_a_longer_name(gaz, ts, text, hit, hit_tokens)


def _no_country_sense(gaz: Gazetteer, ts: TokenStream, text: str, hit: _Hit, hit_tokens: set[int]) -> bool:
    """Whether an English country word is used for a language or for Native Americans (:mod:`stream.places.senses`):
    "in English and Spanish", "American Indians"."""
    if hit.first != hit.last or any(gaz.places[r[0]].kind != "country" for r in hit.readings):
        return False
    return names_a_language(ts, text, hit.first, hit.last) or names_native_americans(ts, text, hit.first, hit.last, hit_tokens)


# English nouns of a place's people after its capitalised name: "a Miami man", "Lebanon residents".
_RESIDENT_NOUNS = frozenset(
    [
        *("man", "woman", "men", "women", "boy", "girl", "boys", "girls", "teen", "teens", "teenager", "teenagers"),
        *("resident", "residents", "native", "natives", "couple", "family", "families", "youth", "mother", "father"),
    ]
)


def _before_a_resident(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether an English name is followed by a noun of its people: "a Miami man", "Paris residents", as local news
    and wire copy call people by their town. The name is a place there, as after "in"."""
    nxt = hit.last + 1
    return (
        hit.family == LAT
        and nxt < len(ts.texts)
        and ts.texts[nxt] in _RESIDENT_NOUNS
        and text[ts.end(hit.last) : ts.start(nxt)] == " "
        and text[hit.start].isupper()
        and text[ts.start(nxt)].islower()
    )


# Particles inside Romance, Dutch and German names: "Castanheira de Pera", "Pedro de Valdivia", "Mark van Bommel".
_NAME_PARTICLES = frozenset(["de", "do", "da", "dos", "das", "del", "della", "di", "du", "des", "van", "von", "der"])


def _ends_a_longer_name(gaz: Gazetteer, ts: TokenStream, text: str, hit: _Hit, hit_tokens: set[int]) -> bool:
    """Whether, in an English story, a town's or region's name ends a longer foreign name after a particle
    ("Castanheira de Pera", a Portuguese town, is no Pera; "Pedro de Valdivia" no Valdivia; the "Clan del Golfo" no
    Gulf province of Papua New Guinea). A country's name stays: "Banco de México" names an organisation of Mexico."""
    particle, head = hit.first - 1, hit.first - 2
    if head < 0 or ts.texts[particle] not in _NAME_PARTICLES or head in hit_tokens:
        return False
    if any(gaz.places[r[0]].kind not in ("city", "state") for r in hit.readings):
        return False
    if text[ts.end(particle) : hit.start] != " " or text[ts.end(head) : ts.start(particle)] != " ":
        return False
    return text[ts.start(particle)].islower() and text[ts.start(head)].isupper() and ts.texts[head].isalpha()


def _acronym(gaz: Gazetteer, text: str, hit: _Hit) -> bool:
    """Whether a Latin name read as a town is written as a short word in capitals (2 to 4 letters) in a body written
    in lower case. The caller has asked its length (at most 5 characters with a hyphen or an apostrophe)."""
    if not text[hit.start : hit.end].isupper() or not any(gaz.places[r[0]].kind == "city" for r in hit.readings):
        return False
    surface = text[hit.start : hit.end].replace("-", "").replace("'", "")
    if not 2 <= len(surface) <= 4 or not surface.isalpha():
        return False
    around = text[max(0, hit.start - 60) : hit.end + 60]
    return sum(c.islower() for c in around) > sum(c.isupper() for c in around)


def _after_saint(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether the name follows "St." or "Saint" and is thus another place's or a church's: "St. Paris" (Ohio), "St.
    James United Methodist Church". A saint's place the gazetteer knows ("St. Petersburg", "Saint Lucia") is one
    longer name, read whole before this is asked."""
    prev = hit.first - 1
    if prev < 0 or ts.texts[prev] not in ("st", "saint") or not text[ts.start(prev)].isupper():
        return False
    return text[ts.end(prev) : hit.start] in (" ", ". ")


# Capitalised nouns after a saint's name that make it a church's or a hospital's, whatever place bears the name too
# ("St. John's Health System", "St. Louis Cathedral"), and those that do so only where the name is not the place's own
# or needs support ("St. James United Methodist Church"; "St. Petersburg University" is the city's).
_SAINT_CHURCHES = frozenset(
    [
        *("church", "cathedral", "chapel", "parish", "abbey", "basilica", "episcopal", "catholic", "lutheran"),
        *("methodist", "baptist", "presbyterian", "coptic", "orthodox", "anglican", "evangelical"),
        *("hospital", "health", "medical", "mercy", "er"),
    ]
)
_SAINT_INSTITUTIONS = _SAINT_CHURCHES | {"united", "school", "academy", "college", "university", "seminary", "home", "hall"}


def _named_for_a_saint(gaz: Gazetteer, ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a place's name that is a saint's ("St. James", "St. John's") opens the capitalised name of a church,
    hospital or school, which the saint named: "St. James United Methodist Church" (an old name of Vũng Tàu), "St.
    John's Health System" (not Newfoundland's capital). A school may bear the place's own name: "St. Petersburg
    University" is the city's, unless the name needs support or is not the place's own."""
    nxt = hit.last + 1
    if not text[ts.start(nxt)].isupper():
        return False
    if ts.texts[nxt] in _SAINT_CHURCHES:
        return True
    return all(
        r[2] & AMBIG or _saint_form(TokenStream.of(gaz.places[r[0]].name).joined) != _saint_form(hit.form) for r in hit.readings
    )


def _second_saint(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a saint's name that is a place's follows another saint's and "and": a church's dedication ("the church
    of St. Peter and St. Paul", "Saint Peter and Saint Paul Coptic Orthodox Church"), not Saint Paul, Minnesota."""
    texts, first = ts.texts, hit.first
    return (
        first >= 3
        and texts[first - 1] == "and"
        and texts[first - 3] in ("st", "saint")
        and text[ts.start(first - 2)].isupper()
        and text[ts.start(first - 3)].isupper()
    )


def _saint_form(form: str) -> str:
    return "st " + form[6:] if form.startswith("saint ") else form


def _names_a_local_institution(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a name that an American town has too (``homonyms.tsv``) opens the capitalised name of a town's
    institution (:data:`_LOCAL_INSTITUTIONS`): "Paris High School", "Alexandria City Public Schools", "Paris PD"."""
    # "Alexandria City Public Schools": the gazetteer may read "Alexandria City" whole.
    if "US" not in _homonym_towns(hit.form):
        return False
    texts, nxt = ts.texts, hit.last + 1
    for words in _LOCAL_INSTITUTIONS:
        end = nxt + len(words)
        if end <= len(texts) and tuple(texts[nxt:end]) == words:
            return all(text[ts.start(i)].isupper() and text[ts.end(i - 1) : ts.start(i)] == " " for i in range(nxt, end))
    return False


def _a_country_named_resident(gaz: Gazetteer, ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a country's name, which an American town has too, stands where a town does: "a Lebanon woman".
    English calls a country's people by its adjective ("a Lebanese woman"), a town's by its name."""
    towns = _homonyms().get(hit.form)
    prev = hit.first - 1
    return (
        towns is not None
        and "US" in towns
        and prev >= 0
        and ts.texts[prev] in ("a", "an")
        and all(gaz.places[r[0]].kind == "country" and r[1] == NAME for r in hit.readings)
        and _before_a_resident(ts, text, hit)
    )


def _after_new(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether the name follows a capitalised "New" inside a sentence and is thus part of another place's name: "New
    London Police Chief" (Connecticut), "New Berlin". A "New" place the gazetteer knows ("New Delhi", "New York") is
    one longer name, read whole before this is asked; a title-case headline's "New Paris attacks" opens its
    sentence."""
    prev = hit.first - 1
    start = ts.start(prev)
    return text[start] == "N" and text[ts.end(prev) : hit.start] == " " and not opens_sentence(text, start)


def _compass_phrase(form: str) -> bool:
    """A name of two or more words, each a compass word (or "far", "coast"): "far north", "north east", "west coast"."""
    if " " not in form:  # most forms: asked of every hit
        return False
    return all(w in _COMPASS or w in ("far", "coast") for w in form.split())


def _before_a_name(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a capitalised word follows ``hit`` after one space."""
    nxt = hit.last + 1
    return nxt < len(ts.texts) and text[hit.end : ts.start(nxt)] == " " and text[ts.start(nxt)].isupper()


def _compass_modifier(ts: TokenStream, text: str, hit: _Hit, gaz: Gazetteer) -> bool:
    """Whether a compass word read as a subdivision only qualifies the capitalised name after it.

    "in North Kosovo", "in Central Jakarta", "the Western Balkan region": the compass word is part of
    the next name, not Cameroon's North or Fiji's Central division. Before a unit noun ("Western
    Province") it stays a name.
    """
    if not (hit.first == hit.last and hit.form in _COMPASS) and not _compass_phrase(hit.form):
        return False
    if not all(r[2] & AMBIG and gaz.places[r[0]].kind == "state" for r in hit.readings):
        return False
    nxt = hit.last + 1
    if nxt >= len(ts.texts) or text[ts.end(hit.last) : ts.start(nxt)] not in (" ", "-"):
        return False
    return text[ts.start(nxt)].isupper() and ts.texts[nxt] not in _UNIT_NOUNS


# Unit nouns of subdivisions only: "Department of Justice" and "State of Palestine" name states' own bodies.
_SUBDIVISION_NOUNS = frozenset(["province", "region", "governorate", "oblast", "district", "prefecture", "county"])
# Arabic puts the unit noun first, the name in construct after it: "ولاية جورجيا" (the state of Georgia),
# "محافظة", "إقليم", "مقاطعة"; a conjunction or preposition may be attached ("بولاية").
_AR_SUBDIVISION_NOUNS = frozenset(fold(w) for w in ["ولاية", "محافظة", "إقليم", "مقاطعة"])
_AR_UNIT_ENDINGS = frozenset(w[-4:] for w in _AR_SUBDIVISION_NOUNS)


# Hyphened words that make a name an attribute: "pro-/anti-X", "X-led/-backed/-occupied ...".
_ATTRIBUTE_PREFIXES = frozenset(["pro", "anti"])
_ATTRIBUTE_SUFFIXES = frozenset(
    [
        *("led", "backed", "brokered", "sponsored", "funded", "supported", "installed", "allied", "aligned"),
        *("armed", "trained", "owned", "made", "born"),
    ]
)


def _attributive(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a Latin name is hyphened to an attribute word: "pro-Kremlin", "Saudi-led", "Iranian-backed"."""
    if hit.family != LAT:
        return False
    texts = ts.texts
    prev, nxt = hit.first - 1, hit.last + 1
    if prev >= 0 and texts[prev] in _ATTRIBUTE_PREFIXES and text[ts.end(prev) : ts.start(hit.first)] == "-":
        return True
    return nxt < len(texts) and texts[nxt] in _ATTRIBUTE_SUFFIXES and text[ts.end(hit.last) : ts.start(nxt)] == "-"


def _before_a_word(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a lower-case word follows the name after one space ("U.S. envoy"; not "U.S. House", "U.S., and")."""
    nxt = hit.last + 1
    if nxt >= len(ts.texts):
        return False
    gap = text[ts.end(hit.last) : ts.start(nxt)]
    return gap in (" ", ". ") and text[ts.start(nxt)].islower()


# English nouns of a state's own organs; after a demonym ("Egyptian court") they make it the state acting.
# Not "officials" (sources quoted about anything) nor titles ("Zambian President", tried in round three).
_INSTITUTIONS = frozenset(
    ["court", "courts", "police", "government", "authorities", "parliament", "ministry", "prosecutors", "judge", "cabinet"]
)


# English nouns of armed forces, their arms and their attacks (folded); after a country's name or
# abbreviation ("United States aircraft", "U.S. troops") the name qualifies an actor abroad.
_FORCES = frozenset(
    [
        *("troops", "soldiers", "forces", "army", "military", "navy", "air", "personnel", "warplanes", "jets"),
        *("aircraft", "drones", "strikes", "airstrikes"),
    ]
)


# Folded tokens before a country's name that make a central bank's name: "Reserve Bank of Australia".
_CENTRAL_BANKS = tuple([w, "bank", "of"] for w in ("reserve", "central", "national"))
_POSSESSIVES = ("'s", "’s")
# After a name's possessive, the nouns of what only a state has: its organs and forces, and its leader's titles.
_STATE_ORGANS = _INSTITUTIONS | _FORCES | frozenset(["president", "prime", "foreign", "defence", "defense", "king", "embassy"])


def _owns_an_organ(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a lower-case organ of a state follows the name's possessive: "Jordan's air force", not "Jordan's Nike deal"."""
    s, nxt = hit.last + 1, hit.last + 2
    return nxt < len(ts.texts) and ts.texts[s] == "s" and ts.texts[nxt] in _STATE_ORGANS and text[ts.start(nxt)].islower()


def _before_a_force(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a lower-case force noun follows the name: "United States military", not "U.S. Army"."""
    nxt = hit.last + 1
    return nxt < len(ts.texts) and ts.texts[nxt] in _FORCES and text[ts.start(nxt)].islower()


# Capitalised words of a place the gazetteer does not know, between "in" and the name that addresses it.
_MAX_ADDRESSED_WORDS = 3


def _addresses_a_scene(ts: TokenStream, text: str, hit: _Hit, hit_tokens: set[int]) -> bool:
    """Whether the name addresses a scene no gazetteer place names: "a raid in Beit Jinn, Syria".

    A town too small for the gazetteer is written with the country (or state) it lies in after a comma;
    "in" marks the town as the scene, and so the name that places it.
    """
    texts = ts.texts
    at = hit.first - 1
    if at < 0 or text[ts.end(at) : ts.start(hit.first)] != ", ":
        return False
    words = 0
    while at >= 0 and words < _MAX_ADDRESSED_WORDS and at not in hit_tokens and texts[at].isalpha():
        if not text[ts.start(at)].isupper() or (words and text[ts.end(at) : ts.start(at + 1)] not in (" ", "-")):
            break
        at, words = at - 1, words + 1
    return (
        words > 0
        and at >= 0
        and texts[at] in _LOCATIVE_BEFORE
        and text[ts.end(at) : ts.start(at + 1)] == " "
        and not _origin_before(texts, at)
        and not (at > 0 and texts[at - 1] in _MEETINGS)
    )


def _repeats(gaz: Gazetteer, text: str, before: tuple[int, Mention, float], place: int, source: str, start: int) -> bool:
    """Whether the name at ``start`` only repeats the place named right before it.

    A country after its own city or subdivision and a comma ("in Stockholm, Sweden", "the Christchurch, New Zealand
    mosque shootings"), that place itself not the end of an address chain ("in Pasir Putih, Aceh, Indonesia",
    "London, Ontario, Canada": there the country settles which of two readings the chain means); a demonym or
    metonym after its own country's possessive ("Russia's Russian Direct Investment Fund").
    """
    prev, mention, _w = before
    if mention.start < 0 or gaz.places[prev].countries != gaz.places[place].countries:
        return False
    if mention.end == start - 2 and text[start - 2 : start] == ", ":
        return (
            gaz.places[place].kind == "country"
            and gaz.places[prev].kind != "country"
            and text[mention.start - 2 : mention.start] != ", "
        )
    return (
        mention.end == start - 3
        and source in ("demonym", "metonym")
        and text[start - 3 : start] in ("'s ", "’s ")
        and gaz.places[prev].kind == "country"
    )


def _foreign_generic_unit(gaz: Gazetteer, hit: _Hit, chosen: list[tuple[int, int, int]], owner: int) -> bool:
    """Whether ``hit``, right after the possessive of the country ``owner``, is a generic subdivision name that the
    chosen readings give another state: "Saudi Arabia's Eastern Province" read as Sri Lanka's.

    A generic name is compass words and unit nouns only ("Eastern Province", "Northern Region", "Central"): the
    possessor says whose division it is. A proper name keeps its reading ("Ukraine's Kursk incursion").
    """
    if gaz.places[owner].kind != "country" or not hit.form:
        return False
    if any(w not in _COMPASS and w not in _UNIT_NOUNS for w in hit.form.split()):
        return False
    own = gaz.places[owner].countries
    return all(gaz.places[r[0]].kind == "state" and gaz.places[r[0]].countries != own for r in chosen)


def _iso_subdivisions() -> dict[str, set[tuple[str, str]]]:
    """Folded ISO 3166-2 subdivision names -> (country, code after the hyphen) of each so named.

    Read from pycountry's database files (a runtime dependency), not through its objects, which would stay in
    memory (~9 MiB). A name that is also an ISO 3166-1 country's (Puerto Rico, Guam: a state's outlying area with
    its own code) is left out: such a name is that country's, as the gazetteer reads it.
    """
    import pycountry

    base = Path(pycountry.DATABASE_DIR)
    countries = {
        fold(str(c[key]))
        for c in orjson.loads((base / "iso3166-1.json").read_bytes())["3166-1"]
        for key in ("name", "common_name", "official_name")
        if key in c
    }
    out: dict[str, set[tuple[str, str]]] = {}
    for sub in orjson.loads((base / "iso3166-2.json").read_bytes())["3166-2"]:
        key = fold(str(sub["name"]))
        if key not in countries:
            country, _, code = str(sub["code"]).partition("-")
            out.setdefault(key, set()).add((country, code))
    return out


# (gazetteer, its governed forms): see _governed_forms; one entry per gazetteer loaded.
_GOVERNED: list[tuple[Gazetteer, dict[str, int]]] = []


def _governed_forms(gaz: Gazetteer) -> dict[str, int]:
    """Forms the gazetteer reads only by name as a country that are exactly the ISO 3166-2 name of subdivisions of
    one other state -> that state's place index ("papua" -> Indonesia: Papua New Guinea's short form in some
    locales, Indonesia's Papua province). A subdivision whose ISO code is the country's own ("Sint Maarten",
    NL-SX; "Macao SAR", CN-MO) is left out: the gazetteer keeps such a territory's code. Built on first use (a
    story with a governor's title; ~0.1 s), a handful of forms kept.
    """
    for loaded, kept in _GOVERNED:
        if loaded is gaz:
            return kept
    table: dict[str, int] = {}
    for key, subs in _iso_subdivisions().items():
        owners = {owner for owner, _code in subs}
        readings = gaz.lookup(key)
        if len(owners) != 1 or not readings:
            continue
        if not _names_of(gaz, readings, ("country",)):
            continue
        (owner,) = owners
        idx = gaz.country_index.get(owner)
        read = {c for r in readings for c in gaz.places[r[0]].countries}
        if idx is not None and owner not in read and not any(code in read for _owner, code in subs):
            table[key] = idx
    _GOVERNED.append((gaz, table))
    return table


def _governed_unit(gaz: Gazetteer, hit: _Hit) -> None:
    """Read a name before or after a governor's title as the subdivision it is, where only that can be governed.

    "Governor of Papua Lukas Enembe", "Papua Governor": a sovereign state has no governor, a province has; a name
    read only as a country is the other state's whose ISO 3166-2 subdivision it names (see :func:`_governed_forms`).
    """
    idx = _governed_forms(gaz).get(hit.form)
    if idx is not None and _names_of(gaz, hit.readings, ("country",)):
        hit.readings = ((idx, NAME, 0),)


def _region_of_a_state(gaz: Gazetteer, hit: _Hit) -> None:
    """Read a name that has a first-level division's reading and otherwise only towns' or capitals' as that division:
    beside a premier's title or after a region's adjective. A country's reading keeps the name as it was: "Georgia's premier"
    is the country's prime minister as often."""
    states = tuple((p, t, f & ~AMBIG) for p, t, f in hit.readings if t == NAME and gaz.places[p].kind == "state")
    if states and all(gaz.places[r[0]].kind in ("state", "city", "capital") for r in hit.readings):
        hit.readings = states


def _club_home(ts: TokenStream, text: str, hit: _Hit, gaz: Gazetteer) -> bool:
    """Whether a Latin city name sits in a sports club's name: "FC Dinamo București", "Liverpool FC", "Real Madrid".

    The mark (:data:`_CLUB_MARKS`) is written in capitals, and only capitalised words stand between it and
    the name; the name has a city reading (the club's home).
    """
    if hit.family != LAT:
        return False
    texts, n = ts.texts, len(ts.texts)
    prev = hit.first - 1
    if (
        prev >= 0
        and texts[prev] in _CLUB_PREFIXES
        and text[ts.start(prev)].isupper()
        and text[ts.end(prev) : hit.start] == " "
        and (texts[prev] != "star" or (prev > 0 and texts[prev - 1] == "red"))
    ):
        # "Real Madrid", "Red Star Belgrade": a club's word before its home.
        return any(gaz.places[r[0]].kind in ("city", "capital") for r in hit.readings)
    nxt = hit.last + 1
    marked = nxt < n and texts[nxt] in _CLUB_MARKS and text[ts.start(nxt) : ts.end(nxt)].isupper()
    for at in range(hit.first - 1, max(-1, hit.first - 4), -1):
        if marked:
            break
        word = text[ts.start(at) : ts.end(at)]
        if not word[:1].isupper():
            break
        marked = texts[at] in _CLUB_MARKS and word.isupper()
    return marked and any(gaz.places[r[0]].kind in ("city", "capital") for r in hit.readings)


def _before_an_institution(ts: TokenStream, text: str, hit: _Hit) -> bool:
    """Whether a lower-case institution noun follows the name: "Egyptian court", not "Chinese Ministry of ..."."""
    nxt = hit.last + 1
    return nxt < len(ts.texts) and ts.texts[nxt] in _INSTITUTIONS and text[ts.start(nxt)].islower()


def _names_a_unit(ts: TokenStream, text: str, hit: _Hit, gaz: Gazetteer) -> bool:
    """Whether a name read only as a country is the name of a subdivision: "Équateur Province", "Province of Équateur".

    A country is no province of itself; a unit noun next to its name makes it a subdivision's (named after
    a river, a region, an old state) in whatever country the story names beside it.
    """
    texts = ts.texts
    if hit.family == ARA:
        prev = texts[hit.first - 1] if hit.first > 0 else ""
        unit = prev in _AR_SUBDIVISION_NOUNS or (prev[:1] in ("و", "ب", "ل", "ف") and prev[1:] in _AR_SUBDIVISION_NOUNS)
        return unit and all(gaz.places[r[0]].kind == "country" for r in hit.readings)
    nxt = hit.last + 1
    before = nxt < len(texts) and texts[nxt] in _SUBDIVISION_NOUNS and text[ts.end(hit.last) : ts.start(nxt)] == " "
    after = hit.first >= 2 and texts[hit.first - 1] == "of" and texts[hit.first - 2] in _SUBDIVISION_NOUNS
    if after and hit.first >= 3 and texts[hit.first - 3] != "the" and text[ts.start(hit.first - 3)].isupper():
        # "the Tigray region of Ethiopia", "the Far North region of Cameroon": a name before the unit noun is the
        # unit's, and the country after "of" is its parent, as named.
        after = False
    return (before or after) and hit.family == LAT and all(gaz.places[r[0]].kind == "country" for r in hit.readings)


# The third-person possessive of a Turkic compound's head noun, with an optional case
# ending after the pronominal n: "köprüsü", "festivali", "meydanı", "məscidində", "parkının".
_TURKIC_POSSESSIVE = re.compile(r"(?:[ıiuü]|s[ıiuü])(?:n(?:[ıiuüeaə]|d[aeə]|d[aeə]n|[ıiuü]n|l[aeə]))?$")


def _turkic_compound(ts: TokenStream, text: str, at: int) -> bool:
    """Whether up to three capitalised words from token ``at`` end in a compound head noun."""
    texts = ts.texts
    for i in range(at, min(at + 3, len(texts))):
        if not text[ts.start(i)].isupper():
            return False
        if _TURKIC_POSSESSIVE.search(texts[i]) and len(texts[i]) >= 4:
            return True
    return False


def _rank(gaz: Gazetteer, idx: int) -> tuple[int, int]:
    place = gaz.places[idx]
    return _KIND_RANK.get(place.kind, 9), -place.population


def _is_sure(gaz: Gazetteer, reading: tuple[int, int, int], form: str, lang: str | None, family: int) -> bool:
    """Unambiguous, or ambiguous only as a frequent word of languages other than the story's."""
    flags = reading[2]
    if not flags & AMBIG:
        return True
    if not flags & WORD or lang is None or lang not in gaz.checked_langs.get(family, frozenset()):
        return False
    return lang not in gaz.word_langs.get(form, frozenset())


# Words that join the members of a list of countries, in the cased-script story languages, and what may
# stand beside them ("Colombia, Brazil, and the United States", "as well as").
_LIST_JOINS = frozenset(["and", "or", "und", "oder", "et", "ou", "y", "o", "e", "ve", "veya", "ile", "i", "и", "или", "та", "і"])
_LIST_WORDS = _LIST_JOINS | {"the", "as", "well"}
_MAX_LIST_GAP = 4


def _enumerated(
    ts: TokenStream, text: str, names: list[tuple[int, _Hit]], accepted: list[tuple[int, Mention, float]], gaz: Gazetteer
) -> set[int]:
    """Indexes (in ``accepted``) of country names in runs of three or more countries joined by commas or "and" / "or".

    ``names`` are the accepted country names in text order; any other name between two of them breaks
    their run (its tokens are no list words), so only these are walked.
    """
    listed: set[int] = set()
    if len(names) < 3:
        return listed
    texts = ts.texts
    # k: names k-1 and k are joined. At most "as well as the" stands between two members, so farther
    # names are no list and cost no slicing; a run of three needs two joins.
    hits = [h for _i, h in names]
    near = [k for k in range(1, len(hits)) if hits[k].first - hits[k - 1].last <= _MAX_LIST_GAP + 1]
    if len(near) < 2:
        return listed
    joins = [
        k
        for k in near
        if all(t in _LIST_WORDS for t in texts[hits[k - 1].last + 1 : hits[k].first])
        and (
            any(t in _LIST_JOINS for t in texts[hits[k - 1].last + 1 : hits[k].first])
            or "," in text[ts.end(hits[k - 1].last) : ts.start(hits[k].first)]
        )
    ]
    if len(joins) < 2:
        return listed
    begin = end = joins[0]  # the run is names[begin - 1 : end + 1]
    for k in [*joins[1:], -1]:
        if k == end + 1:
            end = k
            continue
        run = names[begin - 1 : end + 1]
        if len(run) >= 3 and len({c for i, _h in run for c in gaz.places[accepted[i][0]].countries}) >= 3:
            listed.update(i for i, _h in run)
        begin = end = k
    return listed


# Words of a headline saying that the two countries it names jointly agree, sign, make a deal or restore ties
# ("reopen embassies", "تعيدان فتح") (focus.py's JOINT_PAIR_RATIO): folded whole words of the cased Latin-script languages, and stems elsewhere (Russian,
# Ukrainian, Turkish and Azerbaijani, Arabic and Persian, Armenian, Georgian inflect them).
_AGREEMENT_WORDS = frozenset(
    [
        *("reopen", "restore", "rétablissent", "wiederherstellen", "restablecen"),
        *("agree", "agrees", "agreed", "agreement", "sign", "signs", "signed", "deal", "treaty", "accord", "pact"),
        *("accordent", "accordé", "signent", "signé", "traité", "pacte"),
        *("einigen", "einigung", "abkommen", "vertrag", "unterzeichnen", "unterzeichnet"),
        *("acuerdo", "acuerdan", "firman", "firmado", "tratado", "pacto"),
    ]
)
_AGREEMENT_STEMS = (
    *("تعيد", "يعيد", "تستأنف", "возобнов", "восстанов", "відновл", "bərpa"),
    *("договор", "соглашен", "подписа", "домовил", "угод", "підписа", "договір"),
    *("anlaş", "imzala", "mutabakat", "antlaşma", "saziş", "razılaş", "müqavilə"),
    *("اتفاق", "معاهد", "توقع", "توقيع", "يوقع", "توافق", "قرارداد", "امضا"),
    *("համաձայն", "պայմանագ", "ստորագր", "შეთანხმ", "ხელშეკრულ"),
)


def _agreement(ts: TokenStream, headline_end: int) -> bool:
    """Whether the headline (text before ``headline_end``) has a word of agreement: "sign", "s'accordent", "домовилися"."""
    for i, tok in enumerate(ts.texts):
        if ts.start(i) >= headline_end:
            break
        if tok in _AGREEMENT_WORDS or tok.startswith(_AGREEMENT_STEMS):
            return True
    return False


def _pairs(ts: TokenStream, text: str, hits: list[tuple[_Hit, tuple[str, ...]]]) -> frozenset[frozenset[str]]:
    """Country pairs the headline names jointly: "Armenia and Azerbaijan", "إيران والسعودية"."""
    pairs: set[frozenset[str]] = set()
    for (a, ca), (b, cb) in pairwise(hits):
        if a.first == b.first:  # two names inside one run of an unspaced script: "中国与哈萨克斯坦"
            if len(ca) == 1 and len(cb) == 1 and ca != cb and text[a.end : b.start] in _CJK_JOINS:
                pairs.add(frozenset(ca + cb))
            continue
        # Names joined by a conjunction ("Armenia and Azerbaijan", "أرمينيا وأذربيجان" with the proclitic
        # و; an article may follow it: "la Géorgie et l'Azerbaïdjan") or a separator ("Kyrgyzstan,
        # Tajikistan", "Armenia-Azerbaijan").
        # Names next to each other with only a space between are subject and object in
        # word-order languages that mark case: "Bakı Moskvadan cavab gözləyir".
        between = ts.texts[a.last + 1 : b.first]
        if len(ca) != 1 or len(cb) != 1 or ca == cb or not all(t in _CONJUNCTIONS or t in _PAIR_ARTICLES for t in between):
            continue
        gap = text[ts.end(a.last) : ts.start(b.first)]
        conj = ts.texts[b.first][:1]
        proclitic = conj in ("و", "ו") and not b.form.startswith(conj)
        if any(t in _CONJUNCTIONS for t in between) or proclitic or any(ch in gap for ch in _PAIR_SEPARATORS):
            pairs.add(frozenset(ca + cb))
    return frozenset(pairs)


_HOMONYMS_FILE = Path(__file__).parent / "data" / "homonyms.tsv"
# A US county's form (:func:`_qualified`) is local as a state is, also where it names only the country.
_COUNTY_FORMS = tuple(" " + TokenStream.of(noun).joined for noun in COUNTY_NOUNS)


@cache
def _homonyms() -> dict[str, frozenset[str]]:
    """Form -> countries with a town of that name the gazetteer does not read (``make homonyms``)."""
    return {form: frozenset(countries) for form, countries in _homonyms_by_size().items()}


@cache
def _homonyms_by_size() -> dict[str, tuple[str, ...]]:
    """:func:`_homonyms`, each form's countries in the table's order: the one with the largest town of the name first."""
    table: dict[str, tuple[str, ...]] = {}
    for line in _HOMONYMS_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, countries = line.split("\t")
            table[form] = tuple(countries.split(","))
    return table


@cache
def _homonym_forms() -> frozenset[str]:
    """Every form :func:`_homonym_towns` answers: the table's, and each read whole with "city"."""
    table = _homonyms()
    return frozenset(table).union(form + " city" for form in table)


def _homonym_order(form: str) -> tuple[str, ...]:
    """:func:`_homonym_towns` in the table's order, the country with the largest town of the name first."""
    table = _homonyms_by_size()
    return table.get(_homonym_key(form), ())


def _homonym_key(form: str) -> str:
    """The table's form for ``form``: itself, or read whole with "city", the name bare ("Dublin City Council")."""
    return form if form in _homonyms() else form.removesuffix(" city")


def _homonym_towns(form: str) -> frozenset[str]:
    """The countries with a town of ``form``'s name that the gazetteer does not read (``homonyms.tsv``); a name read
    whole with "city" is looked up bare too ("Dublin City Council", "Alexandria City Public Schools")."""
    return _homonyms().get(_homonym_key(form), frozenset())


def _homonym_countries(
    gaz: Gazetteer, text: str, pending: list[tuple[_Hit, list[tuple[int, int, int]]]], local_news: frozenset[str] = frozenset()
) -> dict[str, set[str]]:
    """Countries named only by bare names of towns in another country whose *states* the story names: in a story
    that names Louisiana, "Alexandria" is the Louisiana town, not Egypt's city; in a story of Laurel County, "London"
    is London, Kentucky (:mod:`stream.build.homonyms`). A state, not the country's name, makes the story local: "Pope
    Francis returns to Rome after his trip to Cuba and the United States" keeps Italy. A capital, where foreign news
    happens, needs more: a county, which local news names and national and foreign news seldom does ("The Texas
    governor flew to Paris", "Shares fell in New York and London" keep France and Britain). A town's council counts as a
    state does: "Enfield Council's cabinet member" makes the story's bare "Edmonton" the London district, not Alberta's.

    ``local_news``: the countries whose local news the story reads as (:func:`_local_news`), whose papers name their own
    town without its state: they count as named by a county, for the other countries' names only (of the United States
    and Canada, which the paper is in the cues do not tell).

    Returns each such country with the countries whose towns its names are read as."""
    found = _homonyms_of(gaz, text, pending, frozenset())
    if local_news:
        for c, home in _homonyms_of(gaz, text, pending, local_news).items():
            if c not in local_news:
                found.setdefault(c, set()).update(home)
    return found


def _local_units(
    gaz: Gazetteer, text: str, pending: list[tuple[_Hit, list[tuple[int, int, int]]]]
) -> Iterator[tuple[str, str, bool]]:
    """(country, form, whether a county) for each sure state, county or town council the story names."""
    for hit, sure in pending:
        county = hit.form.endswith(_COUNTY_FORMS)
        council = hit.end >= 0 and _COUNCIL_AFTER.match(text, hit.end) is not None
        for r in sure:
            if county or council or gaz.places[r[0]].kind == "state":
                for c in gaz.places[r[0]].countries:
                    yield c, hit.form, county


def _local_countries(gaz: Gazetteer, text: str, pending: list[tuple[_Hit, list[tuple[int, int, int]]]]) -> set[str]:
    """The countries whose state, county or town council the story may name (:func:`_local_units`, every reading of a
    name, sure or not: "Ontario" may be a Californian city until the story's other names decide)."""
    return {c for c, _form, _county in _local_units(gaz, text, [(hit, list(hit.readings)) for hit, _sure in pending])}


def _homonyms_of(
    gaz: Gazetteer, text: str, pending: list[tuple[_Hit, list[tuple[int, int, int]]]], assumed: frozenset[str]
) -> dict[str, set[str]]:
    """:func:`_homonym_countries`, with the ``assumed`` countries counted as named by a county."""
    local: dict[str, set[str]] = {c: {_LOCAL_NEWS} for c in assumed}  # country -> forms sure of its states or counties
    counties: dict[str, set[str]] = {c: {_LOCAL_NEWS} for c in assumed}  # country -> forms of its counties
    for c, form, county in _local_units(gaz, text, pending):
        local.setdefault(c, set()).add(form)
        if county:
            counties.setdefault(c, set()).add(form)
    if not local:  # most stories: no state or county, nothing more to read
        return {}
    by_country: dict[str, set[str]] = {}
    capitals: set[tuple[str, str]] = set()  # (form, country) read as that country's capital
    for hit, _sure in pending:
        for r in hit.readings:
            place = gaz.places[r[0]]
            for c in place.countries:
                by_country.setdefault(c, set()).add(hit.form)
            if place.kind == "capital":
                capitals.update((hit.form, c) for c in place.countries)
    homes: dict[str, set[str]] = {}  # country -> the countries whose towns its names are
    for c, fs in by_country.items():
        towns = [
            {d for d in _homonym_towns(f) if d != c and ((counties if (f, c) in capitals else local).get(d, set()) - fs)}
            for f in fs
        ]
        if all(towns):
            homes[c] = set().union(*towns)
    # A story that surely names a third country is about more than one country's towns ("WASHINGTON ... Steele's
    # reports ... Moscow ... Paris"): only a story of one country reads its bare names as that country's towns.
    # Its people are no place of it ("Caddo and Atakapa Indians, then Spanish, French, and Mexican explorers").
    named = {c for hit, sure in pending for r in sure if r[1] != DEMONYM for c in gaz.places[r[0]].countries}
    return {c: home for c, home in homes.items() if not named - set(homes) - home}


# A town's own council right after its name ("Enfield Council's cabinet member", "Richmond Borough Council").
_COUNCIL_AFTER = re.compile(r"\s(?:(?:City|Borough|County|District|Town|Parish) )?Council\b")
# Stands for a state or county the story does not name when it reads as local news (no form is spelt so).
_LOCAL_NEWS = "<local news>"
_LOCAL_NEWS_COUNTRIES = frozenset(["US", "CA"])


def _local_news(ts: TokenStream, text: str) -> frozenset[str]:
    """The countries whose local news an English story reads as: the United States and Canada
    (:func:`_north_american_local`), or the United Kingdom (:func:`_british_local`); none for most stories."""
    if _north_american_local(ts, text):
        return _LOCAL_NEWS_COUNTRIES
    if _british_local(text):
        return _BRITISH_LOCAL
    return frozenset()


_BRITISH_LOCAL = frozenset(["GB"])
# A British telephone number as papers print it for readers to call ("contact police on 01524 63333", "020 7946 0958",
# "0800 555 111"): a trunk zero and a four- or five-digit area code, or 020 and two groups of four.
# It opens with the literal trunk zero, which the regular expression engine finds at C speed; the character before
# is checked apart (a lookbehind first would try the pattern at every character).
_UK_PHONE = re.compile(r"0(?:2\d \d{4} \d{4}|[1-9]\d{2,3} \d{3} \d{3,4}|1\d{3} \d{5,6})(?![\d-])")
# Courts only England and Wales hold under that name.
_UK_COURTS = ("Crown Court", "Magistrates' Court", "Magistrates Court", "Magistrates’ Court")


def _british_local(text: str) -> bool:
    """Whether an English story reads as British local news: a British telephone number printed for readers to call, or
    a Crown or Magistrates' Court. Such papers name their own town bare ("DETECTIVES in Lancaster"): Lancaster,
    Lancashire, not the Californian city."""
    if any(court in text for court in _UK_COURTS):
        return True
    return any(m.start() == 0 or text[m.start() - 1] not in "0123456789+" for m in _UK_PHONE.finditer(text))


def _north_american_local(ts: TokenStream, text: str) -> bool:
    """Whether an English story reads as North American local news: a dollar amount, and a town's institution or
    office ("city manager", "school board", "municipal court", "sheriff", "county"); or a street address written
    as American papers write it ("2517 Memphis St., Alexandria"), or a telephone number of the North American plan
    ("call (860) 828-7080"). Such papers name their own town bare ("Dublin City
    Council", "Mansfield council", "Paris firefighters"): Dublin, Ohio, not Ireland's capital."""
    street = any(kind in text for kind in _STREET_KINDS) and _STREET_ADDRESS.search(text)
    if street or (_NANP_TAIL.search(text) and _NANP_PHONE.search(text)):
        return True
    texts = ts.texts
    words = set(texts)
    if not words.isdisjoint(_COUNCIL_TITLES):
        return True
    if not _DOLLAR_AMOUNT.search(text) or any(money in text for money in _OTHER_MONEY):
        return False
    return any(office[0] in words and next(_phrase_starts(texts, office), None) is not None for office in _LOCAL_OFFICES)


def _mention_dicts(mentions: Sequence[Mention]) -> list[dict[str, object]]:
    """Each mention as the JSON object of the result, unpacked in one comprehension (a method call per mention was
    ~40% of it)."""
    return [{"text": t, "start": a, "end": b, "form": f, "source": s} for t, a, b, f, s in mentions]


def _result(
    gaz: Gazetteer,
    catalog: RegionCatalog,
    accepted: list[tuple[int, Mention, float]],
    pairs: frozenset[frozenset[str]] = frozenset(),
    region_hits: list[tuple[str, float, bool]] | None = None,
    headline_hits: list[tuple[_Hit, tuple[str, ...]]] | None = None,
    hosts: frozenset[str] = frozenset(),
    tie_parts: TieParts | None = None,
    joint: bool = False,
    repeats: Sequence[int] = (),
    *,
    metadata: bool = False,
) -> GeoResult:
    """``metadata``: the story carries provider places, so evidence says which is the provider's (most stories do not:
    the checks are skipped)."""
    gplaces = gaz.places
    if metadata:
        evidence = [
            Scored((pl := gplaces[i]).id, pl.countries, w, m.source == "dateline", m.source == "origin", m.source in _METADATA)
            for i, m, w in accepted
        ]
    else:
        evidence = [
            _new_tuple(Scored, ((pl := gplaces[i]).id, pl.countries, w, m.source == "dateline", False, False))
            for i, m, w in accepted
        ]
    headline_countries = frozenset(c for _h, cs in headline_hits or () for c in cs)
    repeated: dict[str, float] | None = None
    if repeats:
        repeated = {}
        for i in repeats:
            for iso in gplaces[accepted[i][0]].countries:
                repeated[iso] = repeated.get(iso, 0.0) + accepted[i][2]
    scores = score(
        evidence, catalog, pairs, region_hits or [], headline_countries, hosts, tie_parts, joint, repeated, metadata=metadata
    )
    by_country: dict[str, list[Mention]] = {}
    by_place: dict[int, list[Mention]] = {}
    for idx, mention, _w in accepted:
        pl = gplaces[idx]
        for iso in pl.countries:
            by_country.setdefault(iso, []).append(mention)
        if pl.kind != "country":
            by_place.setdefault(idx, []).append(mention)
    top = max(scores.countries.values(), default=0.0)
    countries = tuple(
        {
            "iso2": iso,
            "name": gaz.country_name(iso),
            "score": round(share, 4),
            "relevant": (share >= RELEVANT_RATIO * top or iso in headline_countries) and iso not in scores.origin_only,
            "mentions": _mention_dicts(by_country.get(iso, ())),
        }
        for iso, share in sorted(scores.countries.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    regions = tuple(
        {"id": rid, "name": catalog.regions[rid].name, "score": round(share, 4)}
        for rid, share in sorted(scores.regions.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    places: tuple[dict[str, object], ...] = tuple(
        {
            "id": gaz.places[idx].id,
            "name": gaz.places[idx].name,
            "kind": gaz.places[idx].kind,
            "country": gaz.places[idx].countries[0] if len(gaz.places[idx].countries) == 1 else None,
            "score": round(scores.places.get(gaz.places[idx].id, 0.0), 4),
            "mentions": _mention_dicts(mentions),
        }
        for idx, mentions in sorted(by_place.items(), key=lambda kv: (-scores.places.get(gaz.places[kv[0]].id, 0.0), kv[0]))
    )
    return GeoResult(countries, regions, places, scores.focus_country, scores.focus_region)
