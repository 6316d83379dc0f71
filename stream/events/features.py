"""What a story says about its event, as language-neutral terms where possible.

An enriched story (:meth:`stream.pipeline.Enriched.to_dict`) already carries gazetteer ids for its
countries and places, IPTC topic codes and its language; this module adds what the text says in any
script (Latin names inside Chinese text too): proper names reduced to a transliteration-tolerant consonant key (``Лавров``, ``Lavrov`` and
``لافروف`` all give ``4161``; in caseless scripts, Arabic, Hebrew, Georgian and Hangul, every word is a
possible name, and Hangul is romanized first; in Chinese, runs of the characters used to spell foreign
names are read in pinyin and give name guesses, ``h``, that count only where they meet a name, and so
are katakana runs spelt in Latin (ゼレンスキー, Zelensky); a long
key also gives guesses without its inflection, Bolsonaron's without its n; so does a short Thai run, and
each Tamil word, with and without its last consonants, since Tamil has no capitals and writes names with vowel
signs (எலிசபெத், Elizabeth, gives 4213 as the Latin spelling does: ITN tune half, Tamil recall 0.418 -> 0.787,
cross-lingual 0.7790 -> 0.7835; without the shortened guesses 0.7827)), numbers in any digits (``٣٠٠`` is 300; counts also by approximate value, so a toll of 146 meets
one of 151; regnal numbers in Roman numerals or Chinese, ``XVI`` and ``十六世``, are 16), and, for comparison with stories
in the same language only, content words (character pairs in unspaced scripts).

Terms are strings ``family:value``; families and their base weights are in :data:`FAMILY_WEIGHT`. The
``r`` family (the top-level Media Topics of the topics the rules found with confidence) is never
scored: it only vetoes a join on another subject.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from stream.events.fingerprint import sketch, strip_marks, units
from stream.text.han import HAN_SYLLABLES
from stream.text.normalize import fold
from stream.topics.taxonomy import load_taxonomy

__all__ = [
    "FAMILY_WEIGHT",
    "SPECIFIC",
    "StoryFeatures",
    "blocking_key",
    "extract",
    "katakana_spellings",
    "name_key",
    "parse_time",
]

#: How much each family of evidence counts when a story is compared with an event.
#: p: places (sub-national, by gazetteer id), c: countries, t: IPTC topics, n: proper names,
#: d: numbers, w: words of one language.
#: h: a guessed name key: spelt from Han characters (:func:`_han_names`; the run may be no name, the
#: transliteration may differ) or a name key less its inflection (:data:`STEM_DIGITS`), so it counts as a name (``n``) where the event has that key and not at
#: all where it has not; an event stores it as ``n``.
#: r: the top-level topics of the story's confident topics (rules, score at least CONFIDENT_TOPIC); never
#: scored (weight 0), they only veto a join (:mod:`stream.events.cluster`).
FAMILY_WEIGHT: dict[str, float] = {"p": 2.0, "c": 1.0, "t": 0.5, "n": 2.0, "h": 2.0, "d": 1.0, "w": 3.0, "r": 0.0}
#: Families that can tell two events in one country apart (countries and topics cannot).
SPECIFIC = frozenset("pnhdw")
#: Characters of the text read for names and numbers: the headline and the first paragraph or two, where a
#: wire story says who did what where (the lead carries the event). 1,500 until the third cost round: on a
#: 2,000-character story that read most of the background too, and in scripts without capitals (Arabic,
#: Persian, Georgian) and in German every word or noun there gave a name key (the bench's German stories held
#: a median of 174 terms). 500, with WORD_UNITS 80 -> 50, was set for cost (Clusterer.assign on the bench's wire-length stories,
#: median of the non-duplicates, 304 -> about 196 us in one process; terms a story, median, 113 -> 62) and then
#: checked, never chosen, on the two evaluations: the ITN tune half reads the same to the fourth decimal
#: (monolingual 0.9101, cross-lingual 0.7835: blurbs are one sentence; 174 long Thai, Chinese and Arabic ones
#: lose some terms); ECB+ (full English articles, never tuned on) first order 0.759 -> 0.744, mean of 10
#: orders 0.760 -> 0.759 (sd 0.013). Also measured, not taken: 600 and 50 (about 210 us; ECB+ mean 0.760),
#: 500 and 40 (195 us; mean 0.758, tune monolingual 0.9104) and 400 and 40 (187 us; mean 0.749, below).
LEAD_CHARS = 500
#: Units read for words: the headline and first paragraph or so of a wire story, where it says what happened
#: (150 before: on a 2,000-character story the rest, background and boilerplate, was most of the words, and
#: every word is an index lookup, a posting to count and a term to score: with the rest of that cost round,
#: Clusterer.assign on the bench's wire-length stories went from a median of 959 to 521-605 us of CPU,
#: ``python -m benchmarks.bench_events``). 80 was set for cost, then checked, never chosen, on the
#: two evaluations: ITN (one-sentence blurbs, under 80 units) tune/test unchanged, 0.773 / 0.698 cross-lingual;
#: ECB+ (full articles, never tuned on) 0.765 -> 0.773, mean of 10 orders 0.756 -> 0.762. 50 since the third
#: cost round (see LEAD_CHARS). A unit of an unspaced script is one character, so a long Thai or Chinese blurb
#: is read in part.
WORD_UNITS = 50

#: A name key also gives guesses (``h:``) without its last one and two digits, keeping at least four:
#: inflection adds consonants (Bolsonaron, Берлинском, Kipchogea) that transliteration does not touch.
STEM_DIGITS = 2
STEM_MIN = 4
#: Counts at least this large (not years) also give approximate terms: tolls and tallies drift as an
#: event is updated (146, then 151, then 154 dead), so nearby values should still meet.
APPROX_MIN = 20
#: Years are exact: 2022 and 2023 are different seasons, tournaments, elections.
YEARS = (1800, 2100)
#: Base weight of an approximate-number term (an exact match also shares its approximate ones).
APPROX_WEIGHT = 1.0
#: Width of an approximate bucket as a ratio: two bucketings offset by half a bucket, so values within
#: about 5 % of each other always share one and values more than 10 % apart never do.
APPROX_RATIO = 1.1

#: A topic found by the rules with at least this score is confident enough to keep a story out of an
#: event on another subject (the model's guesses on a short text in a rare language are not).
CONFIDENT_TOPIC = 0.5

# Latin spelling of letters of non-Latin scripts, enough for a consonant key (vowels are dropped anyway).
_TRANSLIT = str.maketrans(
    {
        **dict(zip("абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґў", "abvgdejziiklmnoprstufhccssiiieuaiiegu", strict=True)),
        **dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω", "abgdezitiklmnxoprsstufhpo", strict=True)),
        **dict(zip("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ", "abgdezeetjilxckhdgcmynsocpjrsvtrcwpkof", strict=True)),
        **dict(zip("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ", "abgdevztiklmnopjrstupkgkscctcckjh", strict=True)),
        **dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهوي", "abtsjhhddrzssstdzaafkklmnhwy", strict=True)),
        # Persian, Urdu and Kurdish letters beyond Arabic's (keheh and Persian yeh are folded already)
        **dict(zip("پچژگٹڈڑںہھےڕڵۆێەڤ", "pcjgtdrnhhyrloeev", strict=True)),
        **dict(zip("אבגדהוזחטיכךלמםנןסעפףצץקרשת", "abgdhwzhtykklmmnnsapfcckrst", strict=True)),
        # Thai consonants (อ only carries a vowel; ง is ng); vowel signs and marks are not letters and drop out.
        **dict(zip("กขฃคฅฆจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬฮ", "kkkkkkcccscydttttndttttnbppfpfpmyrrllwssshlh", strict=True)),
        "ง": "ng",
        "อ": "",
        # Tamil consonants (vowels, vowel signs and the virama are no letters a key keeps and drop out).
        **dict(zip("கஙசஞடணதநபமயரலவழளறனஜஷஸஹ", "knsntntnpmyrlvllrnjssh", strict=True)),
    }
)
# Soundex-like classes: letters that transliterations swap (p/b/f/v, c/k/q/g, d/t, s/z, m/n) agree.
_CLASS = str.maketrans("bfpvcgjkqsxzdtlmnr", "111122222222334556", "aeiouyhw'")
_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]*")
_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*")
_CASELESS_NAMES = re.compile(r"[\u0590-\u06ff]")  # Hebrew and Arabic script: no capitals to find names by
# Other caseless scripts whose every word is read as a possible name: Georgian, Hangul.
_CASELESS_OTHER = re.compile("[\u10d0-\u10ff\uac00-\ud7a3]")
_HANGUL = re.compile("[\uac00-\ud7a3]")
# Thai runs between spaces, caseless and unspaced within: a foreign name often stands alone (ฌาอีร์
# โบลโซนารู is Jair Bolsonaro), so each short run gives a name guess (h:), which counts only where it
# meets a name. Runs longer than 15 characters are phrases.
_THAI_RUN = re.compile("[\u0e01-\u0e4e]{2,15}(?![\u0e01-\u0e4e])")
# Tamil words, caseless and written with vowel signs that are no letters to the name pattern (which would cut
# a word at each): each whole word of a Tamil run gives a name guess (h:), and so does it less the last one
# and two digits of its key (case endings: கினியில் is in Guinea), as long name keys do.
_TAMIL_RUN = re.compile("[\u0b80-\u0bff]{2,30}(?![\u0b80-\u0bff])")
# Japanese spells foreign names in katakana (ゼレンスキー, バイデン, トランプ; ・ between a name's parts):
# each run of two or more is spelt in Latin letters (enough for a consonant key: the vowel of each mora
# drops out, ッ doubles and ー lengthens nothing a key keeps) and gives name guesses (h:). Japanese has
# one liquid for Latin l and r, so each may be either (ボルソナーロ is Bolsonaro), and チ is the ti of
# foreign names as often as a ch (プーチン is Putin): all spellings are tried, at most KATAKANA_SPELLINGS.
_KATAKANA_RUN = re.compile("[\u30a1-\u30fa\u30fc]{2,}")
_KATAKANA_ROWS = (
    ("アイウエオァィゥェォッー", ("",)),
    ("カキクケコヵヶ", ("k",)),
    ("ガギグゲゴ", ("g",)),
    ("サスセソ", ("s",)),
    ("シ", ("sh",)),
    ("ザズゼゾヅ", ("z",)),
    ("ジヂ", ("j",)),
    ("タテト", ("t",)),
    ("チ", ("ch", "t")),
    ("ツ", ("ts",)),
    ("ダデド", ("d",)),
    ("ナニヌネノン", ("n",)),
    ("ハヒヘホ", ("h",)),
    ("フ", ("f",)),
    ("バビブベボ", ("b",)),
    ("パピプペポ", ("p",)),
    ("マミムメモ", ("m",)),
    ("ヤユヨャュョ", ("y",)),
    ("ラリルレロ", ("r", "l")),
    ("ワヮヰヱヲ", ("w",)),
    ("ヴ", ("v",)),
)
_KATAKANA_FORMS = {ch: forms for chars, forms in _KATAKANA_ROWS for ch in chars}
#: Spellings tried per katakana run at most.
KATAKANA_SPELLINGS = 8


def katakana_spellings(run: str) -> list[str]:
    """Latin spellings of a katakana run (see :data:`_KATAKANA_RUN`), the plain one (r, ch) first."""
    spellings = [""]
    for ch in run:
        forms = _KATAKANA_FORMS.get(ch, ("",))
        spellings = [s + f for s in spellings for f in forms][:KATAKANA_SPELLINGS]
    return spellings


# Regnal and ordinal numbers in Roman numerals (Benedict XVI, Charles III) and in Chinese before 世
# (本篤十六世, 查尔斯三世): other languages write them in digits (베네딕토 16세, เบเนดิกต์ที่ 16), so they
# become number terms (I to XXXIX, a suffix after a hyphen allowed: XVI-lea). Two letters at least: a
# lone I is a pronoun, a lone V or X a letter.
_ROMAN = re.compile(r"(?<![\w'’-])(?=[IVX]{2,}(?![\w'’]))X{0,3}(?:IX|IV|V?I{0,3})(?![\w'’])")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10}
_HAN_REGNAL = re.compile("([一二三四五六七八九十]{1,3})世")
_HAN_DIGIT = {ch: i for i, ch in enumerate("〇一二三四五六七八九")}
# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, kana, Han.
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")

# Where an unspaced script meets a letter of another: Chinese writes SpaceX, ZTF or DRX inside a run of
# characters (的SpaceX載人), which would otherwise read as one word starting with 的, no name.
_SCRIPT_EDGE = re.compile(f"(?<=[{_UNSPACED}])(?=[^\\W\\d_{_UNSPACED}])|(?<=[^\\W\\d_{_UNSPACED}])(?=[{_UNSPACED}])")


# Hangul syllables spelt with Latin consonants (initial, final; vowels are dropped anyway): the
# revised romanization, ㄹ as r before a vowel and l after one (and ㄹㄹ as l).
_HANGUL_INITIAL = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_HANGUL_FINAL = (
    *("", "g", "kk", "gs", "n", "nj", "nh", "d", "l", "lg", "lm", "lb", "ls", "lt"),
    *("lp", "lh", "m", "b", "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", "h"),
)
# One trailing particle (subject, topic, object, genitive, locative...) comes off a Hangul word of three
# or more syllables: 크리스테르손이 is 크리스테르손.
_HANGUL_PARTICLES = ("에서", "으로", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로")


_HAN_READING = {ch: syllable for syllable, chars in HAN_SYLLABLES.items() for ch in chars}
_HAN_NAME = re.compile("[" + "".join(sorted(_HAN_READING)) + "]{2,}")
_HAN = re.compile("[\u4e00-\u9fff]")


#: Spellings tried per Han name at most (see :func:`_syllable_forms`).
HAN_SPELLINGS = 16


def _syllable_forms(syllable: str) -> tuple[str, ...]:
    """What a syllable may stand for in a transliterated name: Chinese spells v and w alike and often
    adds a g to a final n (维斯塔潘 is Verstappen, 安东 Anton). It has no r either (克里斯特森 is
    Kristersson), but reading every l as an r too joined more unrelated stories than it found on the
    ITN tune half (cross-lingual F1 0.729 without, 0.725 with)."""
    forms = [syllable]
    if syllable[0] == "w":
        forms.append("v" + syllable[1:])
    if syllable.endswith("ng"):
        forms += [f[:-1] for f in forms]
    return tuple(forms)


def _han_names(text: str) -> list[list[str]]:
    """Pinyin spellings of each run of transliteration characters in ``text`` (see
    :data:`stream.text.han.HAN_SYLLABLES`): the plain one first, then others by :func:`_syllable_forms`, at most
    :data:`HAN_SPELLINGS`."""
    out = []
    for m in _HAN_NAME.finditer(text):
        spellings = [""]
        for ch in m.group():
            forms = _syllable_forms(_HAN_READING[ch])
            spellings = [s + f for s in spellings for f in forms][:HAN_SPELLINGS]
        out.append(spellings)
    return out


def _hangul(word: str) -> str:
    if len(word) >= 3:
        for particle in _HANGUL_PARTICLES:
            if word.endswith(particle) and len(word) - len(particle) >= 2:
                word = word[: -len(particle)]
                break
    out = []
    final = 0
    for ch in word:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            initial = _HANGUL_INITIAL[code // 588]
            if initial == "r" and final == 8:  # ㄹㄹ spells an l: 젤렌스키 is Zelensky
                initial = "l"
            final = code % 28
            out.append(f"{initial}a{_HANGUL_FINAL[final]}")
        else:
            out.append(ch)
            final = 0
    return "".join(out)


@lru_cache(maxsize=1 << 16)
def name_key(word: str) -> str:
    """A consonant key of a name that survives transliteration: fold, strip marks, Latin letters, classes."""
    if _HANGUL.search(word):
        word = _hangul(word)
    latin = strip_marks(fold(word)).translate(_TRANSLIT)
    if latin.startswith("al") and len(word) >= 5 and _CASELESS_NAMES.match(word):
        latin = latin[2:]  # the Arabic article
    coded = latin.translate(_CLASS)
    key = re.sub(r"(.)\1+", r"\1", "".join(c for c in coded if c.isdigit()))
    return key


# Letters that transliterations read two ways: Cyrillic х (and Arabic خ, Hebrew ח, Greek χ) is the h of
# Хамас, Hamas and the kh of Херсон, Kherson. name_key reads an h (dropped); a name with one also gives a
# guess (h:) with a k. (Reading Cyrillic г as h too, Гельсінкі, gained less on the ITN tune half.)
_KH = str.maketrans({"х": "k", "χ": "k", "خ": "k", "ח": "k"})


@lru_cache(maxsize=1 << 14)
def kh_key(word: str) -> str | None:
    """The name key of ``word`` with its х (خ, ח, χ) read as kh, or None when that changes nothing."""
    folded = strip_marks(fold(word))
    other = folded.translate(_KH)
    if other == folded:
        return None
    key = name_key(other)
    return key if key != name_key(word) else None


def roman_value(numeral: str) -> int:
    """The value of a well-formed Roman numeral (``XVI`` is 16)."""
    values = [_ROMAN_VALUE[ch] for ch in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def han_number(numeral: str) -> int:
    """The value of a Chinese numeral below 100 (十六 is 16, 二十 is 20, 三 is 3)."""
    if "十" not in numeral:
        return _HAN_DIGIT.get(numeral, 0)
    tens, _, units = numeral.partition("十")
    return _HAN_DIGIT.get(tens, 1) * 10 + _HAN_DIGIT.get(units, 0) if len(tens) <= 1 and len(units) <= 1 else 0


def approx_buckets(value: int) -> tuple[str, str]:
    """The two approximate-number buckets of ``value`` (log scale, :data:`APPROX_RATIO` wide, offset by half)."""
    x = math.log(value) / math.log(APPROX_RATIO)
    return f"{math.floor(x)}", f"{math.floor(x + 0.5)}h"


@lru_cache(maxsize=4096)
def topic_root(code: str) -> str:
    """The top-level Media Topic of ``code`` (``code`` itself when it is one or is unknown)."""
    up = load_taxonomy().ancestors(code)
    return up[-1] if up else code


def parse_time(value: Any) -> float | None:
    """Seconds since the epoch from an ISO 8601 string (``Z`` or offset) or a number; None otherwise."""
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            return None
    return None


@dataclass(slots=True)
class StoryFeatures:
    """One story, as clustering sees it."""

    id: str
    language: str
    time: float
    source: str | None
    headline: str
    sketch: tuple[int, ...]
    terms: dict[str, float] = field(default_factory=dict)  # term -> base weight (before idf)
    focus_country: str | None = None
    focus_region: str | None = None
    regions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (the events agent keeps these in a changelogged table to rebuild its clusterer)."""
        return {
            "id": self.id,
            "language": self.language,
            "time": self.time,
            "source": self.source,
            "headline": self.headline,
            "sketch": list(self.sketch),
            "terms": self.terms,
            "focus_country": self.focus_country,
            "focus_region": self.focus_region,
            "regions": list(self.regions),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StoryFeatures:
        return cls(
            id=str(d["id"]),
            language=str(d["language"]),
            time=float(d["time"]),
            source=d.get("source"),
            headline=str(d.get("headline") or ""),
            sketch=tuple(int(x) for x in d.get("sketch") or ()),
            terms={str(k): float(v) for k, v in (d.get("terms") or {}).items()},
            focus_country=d.get("focus_country"),
            focus_region=d.get("focus_region"),
            regions=tuple(d.get("regions") or ()),
        )


def _language(story: dict[str, Any]) -> str:
    lang = story.get("language")
    if isinstance(lang, dict):
        lang = lang.get("code")
    return str(lang) if lang else "und"


def blocking_key(story: dict[str, Any]) -> str:
    """The key that sends an enriched story to the partition clustering it: the focus country, else the
    first country, else the language (``country:AZ``, ``language:ar``). Stories of one event share their
    focus country in every language, so they meet in one partition."""
    focus = story.get("focus") or {}
    country = focus.get("country") if isinstance(focus, dict) else None
    if not country:
        for c in story.get("countries") or ():
            if isinstance(c, dict) and c.get("iso2"):
                country = c["iso2"]
                break
    if country:
        return f"country:{country}"
    return f"language:{_language(story)}"


def extract(story: dict[str, Any], *, now: float | None = None, source: str | None = None) -> StoryFeatures:
    """Features of an enriched story dict. Its time is ``versioncreated``, else ``published_at``, else ``now``."""
    headline = str(story.get("headline") or "")
    body = str(story.get("body") or "")
    text = f"{headline}\n\n{body}" if headline and body else headline or body
    seq = units(text)
    lang = _language(story)
    terms: dict[str, float] = {}
    focus = story.get("focus") or {}
    for c in story.get("countries") or ():
        iso = c.get("iso2")
        if iso:
            terms[f"c:{iso}"] = 1.0 if iso == focus.get("country") else 0.5
    for p in story.get("places") or ():
        if p.get("id"):
            terms[f"p:{p['id']}"] = 1.0
    for t in (story.get("topics") or ())[:3]:
        if t.get("code"):
            terms[f"t:{t['code']}"] = 1.0
    for t in (story.get("topics") or ())[:3]:
        if t.get("code") and t.get("source") == "rules" and (t.get("score") or 0.0) >= CONFIDENT_TOPIC:
            terms[f"r:{topic_root(t['code'])}"] = 1.0
    lead = text[:LEAD_CHARS]
    caseless = bool(_CASELESS_NAMES.search(lead))
    named = _SCRIPT_EDGE.sub(" ", lead) if _UNSPACED_CHAR.search(lead) else lead
    for m in _NAME.finditer(named):
        word = m.group()
        if (len(word) >= 4 and (word[0].isupper() or (caseless and _CASELESS_NAMES.match(word)))) or (
            len(word) >= 2 and _CASELESS_OTHER.match(word)
        ):
            key = name_key(word)
            if len(key) >= 3:
                terms[f"n:{key}"] = 1.0
                other = kh_key(word)
                if other is not None and len(other) >= 3:
                    terms.setdefault(f"h:{other}", 1.0)
                for cut in range(1, STEM_DIGITS + 1):
                    if len(key) - cut >= STEM_MIN:
                        terms.setdefault(f"h:{key[:-cut]}", 1.0)
    if _HAN.search(lead):
        for spellings in _han_names(lead):
            for spelt in spellings:
                key = name_key(spelt)
                if len(key) >= 3:
                    terms[f"h:{key}"] = 1.0
    for m in _KATAKANA_RUN.finditer(lead):
        for spelt in katakana_spellings(m.group()):
            key = name_key(spelt)
            if len(key) >= 3:
                terms.setdefault(f"h:{key}", 1.0)
    for m in _THAI_RUN.finditer(lead):
        if m.start() == 0 or not "\u0e01" <= lead[m.start() - 1] <= "\u0e4e":  # a whole Thai run, not its tail
            key = name_key(m.group())
            if len(key) >= 3:
                terms.setdefault(f"h:{key}", 1.0)
    for m in _TAMIL_RUN.finditer(lead):
        if m.start() == 0 or not "\u0b80" <= lead[m.start() - 1] <= "\u0bff":  # a whole word, not its tail
            key = name_key(m.group())
            if len(key) >= 3:
                terms.setdefault(f"h:{key}", 1.0)
                for cut in range(1, STEM_DIGITS + 1):
                    if len(key) - cut >= STEM_MIN:
                        terms.setdefault(f"h:{key[:-cut]}", 1.0)
    for m in _NUMBER.finditer(lead):
        digits = re.sub(r"\D", "", m.group())
        if digits.isdigit() and len(digits) <= 12:
            value = int(digits)
            if value > 1:
                terms[f"d:{value}"] = 1.0
                if value >= APPROX_MIN and not YEARS[0] <= value <= YEARS[1]:
                    for bucket in approx_buckets(value):
                        terms.setdefault(f"d:~{bucket}", APPROX_WEIGHT)
    for m in _ROMAN.finditer(lead):
        value = roman_value(m.group())
        if value > 1:
            terms.setdefault(f"d:{value}", 1.0)
    for m in _HAN_REGNAL.finditer(lead):
        value = han_number(m.group(1))
        if value > 1:
            terms.setdefault(f"d:{value}", 1.0)
    prev = ""
    for u in seq[:WORD_UNITS]:
        if len(u) == 1 and _UNSPACED_CHAR.match(u):
            if prev:
                terms[f"w:{lang}:{prev}{u}"] = 1.0
            prev = u
            continue
        prev = ""
        if len(u) >= 4 and not u.isdigit():
            terms[f"w:{lang}:{u}"] = 1.0
    ts = parse_time(story.get("versioncreated")) or parse_time(story.get("published_at"))
    if ts is None:
        ts = now if now is not None else 0.0
    provider = story.get("provider")
    src = source or story.get("source") or (provider.get("name") if isinstance(provider, dict) else None)
    return StoryFeatures(
        id=str(story.get("id") or ""),
        language=lang,
        time=ts,
        source=str(src) if src else None,
        headline=headline,
        sketch=sketch(seq),
        terms=terms,
        focus_country=focus.get("country"),
        focus_region=focus.get("region"),
        regions=tuple(r["id"] for r in story.get("regions") or () if r.get("id")),
    )
