"""Inflection rules that let one gazetteer entry match every case form of a place name.

Place names are stored once (folded) and the matcher accepts a *tail* after the
name inside the same token, or a *proclitic* before it, only when that affix
belongs to the closed set of the name's script family. Names whose citation
form ends in an inflecting vowel are also stored as a *stem* that must be
followed by such a tail. These are rules, not enumerated word forms:

======  =============================================================================
family  rule
======  =============================================================================
lat     No prefix. Tail empty; German genitive ``s``/``es``; Turkish/Azerbaijani case,
        possessive and plural suffixes (one or two chained, with vowel harmony
        variants) when the story is Turkic or its language is unknown; Finnish
        case endings when the story is Finnish (``fi``) only: after a vowel-final
        name ``-n -ssa -sta -lla -lta -lle -na -a -ta`` (both vowel-harmony
        spellings; not the translative ``-ksi``, a country's language) and the
        illative (the final vowel doubled + ``n``: Saksaan, Ruotsiin; ``-hVn``,
        ``-seen``), after a consonant-final name the same behind a linking ``-i-``
        (Myanmarin, Irakissa, Iraniin), each optionally followed by the clitic
        ``-kin``/``-kaan``/``-kään``; names whose stem changes (Suomi -> Suomessa,
        Helsinki -> Helsingissä, Kreikka -> Kreikan, Yhdysvallat -> Yhdysvalloissa)
        are stored as their wordfreq-attested case forms (flag FI, see
        ``stream.build.gazetteer``); adjective endings (``-e``, ``-en``, ``-ne``,
        ``-s`` ...) on demonyms only.
cyr     Russian/Ukrainian/Bulgarian noun case endings after a consonant-final name;
        a name ending in a vowel (``Армения``) is also stored as its stem
        (``армени``) that needs an ending; adjectives (``армянский``) keep a stem
        and take adjective endings. The adjective of a multi-word name
        (``Нагорный Карабах``) is expanded over the adjective endings at build time.
        Cities' relational adjectives (``московский``, ``київський``) are demonyms
        derived at build time and inflect so.
ara     Arabic and Persian proclitics and article before the name (و ف ب ل ك ال وال
        بال فال كال لل ولل) and nisba/Persian tails after it (ي يه يين يون يان ها
        هاي). A name ending in ``ا``/``يا`` is also stored as a stem for the nisba
        (أرمينيا -> أرمين + ي/ية/يين -> الأرمينية).
hye     Armenian case and article endings (-ի -ում -ից -ով -ը -ն -ական -ցի ...).
geo     Georgian case endings (-ის -ში -მა -ს -ით -ად -იდან -თან ...); a name in -ი
        is also stored as its stem.
cjk     No word spaces: substring matches inside a token are accepted.
kor     Korean postpositions written on the name (서울에서, 미국의, 일본과), -인 / -군 / -측.
heb     Hebrew prefixes before the name (ו ה ב ל מ כ ש and their chains: וב, מה, שב, ומה, כש),
        a word-initial ו of the name doubled after one (בוושינגטון); gentilic adjectives
        (ישראלי) take the feminine and plural endings (ישראלית, ישראלים, -ים, -יות).
other   Whole tokens only.
======  =============================================================================
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from stream.text.normalize import HE_PREFIXES

__all__ = [
    "AR_ARTICLE_PREFIXES",
    "AR_PROCLITICS",
    "BALTIC_LATIN",
    "BALTIC_TAILS",
    "CYR_ADJ_ENDINGS",
    "CYR_VOWELS",
    "DECLINING_LATIN",
    "FAMILIES",
    "FINNISH_LOCATIVE",
    "HE_ADJ_TAILS",
    "HE_LOCATIVE_PREFIXES",
    "HE_PREFIXES",
    "HYE_LOWER_TAILS",
    "KOR_LOCATIVE",
    "MAX_HE_PREFIX_CHARS",
    "MAX_PROCLITIC_CHARS",
    "MAX_TAIL_CHARS",
    "SLAVIC_LATIN",
    "SLAVIC_TAILS",
    "TURKIC_LOCATIVE",
    "cyr_romanisations",
    "family_of",
    "finnish_tails",
    "stems",
    "tails_for",
]

FAMILIES = ("lat", "cyr", "ara", "hye", "geo", "cjk", "other", "kor", "heb")
LAT, CYR, ARA, HYE, GEO, CJK, OTHER, KOR, HEB = range(len(FAMILIES))

AR_PROCLITICS = frozenset(
    ["و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وب", "ول", "فب", "فل", "وك"]
)

AR_ARTICLE_PREFIXES = frozenset(p for p in AR_PROCLITICS if "ال" in p or p.endswith("لل"))
MAX_PROCLITIC_CHARS = max(map(len, AR_PROCLITICS))


#: The prefixes that say "in": the name they are written on is the scene (as Arabic ب).
HE_LOCATIVE_PREFIXES = frozenset(p for p in HE_PREFIXES if p.endswith("ב"))
# After a prefix a name's initial consonantal ו is written doubled (ושינגטון, בוושינגטון): one more letter.
MAX_HE_PREFIX_CHARS = max(map(len, HE_PREFIXES)) + 1

# Locative case endings (Turkish -da/-de/-ta/-te, Azerbaijani -da/-də, after a possessive -nda),
# alone or with the relative -ki: a place name carrying one is where something happens.
_TURKIC_LOCATIVE_ENDINGS = ["da", "de", "ta", "te", "də", "nda", "nde", "ndə"]
TURKIC_LOCATIVE = frozenset(
    [
        *_TURKIC_LOCATIVE_ENDINGS,
        "daki",
        "deki",
        "taki",
        "teki",
        "dakı",
        "dəki",
        "ndaki",
        "ndeki",
        "ndakı",
        "ndəki",
    ]
)
_TURKIC_CASE = [
    "dan",
    "den",
    "tan",
    "ten",
    "dən",
    "ın",
    "in",
    "un",
    "ün",
    "nın",
    "nin",
    "nun",
    "nün",
    "ı",
    "i",
    "u",
    "ü",
    "yı",
    "yi",
    "yu",
    "yü",
    "nı",
    "ni",
    "nu",
    "nü",
    "a",
    "e",
    "ə",
    "ya",
    "ye",
    "yə",
    "na",
    "ne",
    "nə",
    "ndan",
    "nden",
    "ndən",
    "la",
    "le",
    "lə",
    "yla",
    "yle",
    "ylə",
    "lı",
    "li",
    "lu",
    "lü",
    "ca",
    "ce",
    "ça",
    "çe",
    "ki",
    "dır",
    "dir",
    "dur",
    "dür",
    "lar",
    "ler",
    "lər",
    *TURKIC_LOCATIVE,
]
_TURKIC_FIRST = [
    "lar",
    "ler",
    "lər",
    "lı",
    "li",
    "lu",
    "lü",
    *_TURKIC_LOCATIVE_ENDINGS,
    "ın",
    "in",
    "un",
    "ün",
]
TURKIC_TAILS = frozenset(_TURKIC_CASE + [a + b for a, b in itertools.product(_TURKIC_FIRST, _TURKIC_CASE) if len(a + b) <= 8])
_GERMAN_TAILS = frozenset(["s", "es"])
# The Slavic languages written in Latin letters decline names: Polish "do Warszawy", "w Rosji", "na Ukrainę", "w
# Berlinie"; Czech "v Německu", "do Prahy", "Ukrajinou"; Slovak "na Slovensku"; Croatian and Slovene "u Njemačkoj",
# "u Zagrebu", "v Sloveniji". A name in -a or -o declines from its stem (stored flagged SL), one in a consonant from
# itself. The endings that follow the stem or the name; the stem changes some take ("Polsce", "Praze") are not read.
SLAVIC_LATIN = frozenset(["pl", "cs", "sk", "hr", "sl", "bs", "sr"])
SLAVIC_TAILS = frozenset(["a", "e", "i", "u", "y", "ę", "ą", "ě", "ie", "ii", "ou", "em", "om", "oj", "owi", "ovi"])
# Lithuanian and Latvian decline a name in -a from its stem as well: "Rusijos", "Lietuvoje", "Rusiją"; "Krievijas",
# "Latvijā", "Krieviju". The Slavic stems (SL) are read in their stories too, with these endings.
BALTIC_LATIN = frozenset(["lt", "lv"])
BALTIC_TAILS = frozenset(["os", "oje", "ą", "ai", "ų", "ā", "as", "u", "ē", "es", "ei"])
DECLINING_LATIN = SLAVIC_LATIN | BALTIC_LATIN

# Finnish case endings, written on the name (Venäjällä, Kiinasta, Saksaan): genitive -n, inessive -ssa, elative
# -sta, adessive -lla, ablative -lta, allative -lle, essive -na, partitive -a / -ta, each in both vowel-harmony
# spellings (a name's harmony is not checked: the wrong one is no word of another meaning). The translative -ksi is
# left out: on a country's name it is its language ("suomeksi", "ranskaksi": in Finnish, in French).
_FI_CASE = ["n", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "na", "nä", "a", "ä", "ta", "tä"]
# The clitics "too" / "not even", on the name or any case form (Suomessakin, Venäjäkään); possessive suffixes
# (Suomessamme) are rare in news and left out.
_FI_CLITICS = ["kin", "kaan", "kään"]
_FI_VOWELS = "aeiouyäö"


def _with_clitics(endings: list[str]) -> frozenset[str]:
    return frozenset([*endings, *(e + c for e in ["", *endings] for c in _FI_CLITICS)])


# After a name's final vowel V: the cases, and the illative Vn (Saksaan, Ruotsiin, Peruun); hVn and seen for a name
# in a long vowel (Thaimaahan, Lontooseen).
_FI_AFTER_VOWEL = {v: _with_clitics([*_FI_CASE, v + "n", "h" + v + "n", "seen"]) for v in _FI_VOWELS}
# After a consonant, a linking -i- (Myanmarin, Israelissa, Irakia) and the illative -iin (Iraniin).
_FI_AFTER_CONSONANT = _with_clitics(["i" + e for e in _FI_CASE] + ["iin"])
#: The Finnish tails that make the name the scene: the inessive "in" (Suomessa, Irakissa), with a clitic or not.
#: The adessive (Venäjällä) is left out: on most names it is the possessor ("Kiinalla on" China has).
FINNISH_LOCATIVE = frozenset(e + c for e in ("ssa", "ssä", "issa", "issä") for c in ["", *_FI_CLITICS])


def finnish_tails(final: str) -> frozenset[str]:
    """The Finnish case tails after a name ending in ``final`` (its last letter)."""
    return _FI_AFTER_VOWEL.get(final, _FI_AFTER_CONSONANT)


LAT_DEMONYM_TAILS = frozenset(["s", "e", "es", "en", "er", "em", "ne", "nes", "n", "ns", "a", "as", "o", "os"])
# The endings a demonym takes in the languages whose own are few: English only the plural -s (Americans, Greeks),
# French -e, -s, -ne (française, grecs, italienne), German its adjective endings and weak nouns' -n (deutsche,
# Russen). Another language's agreeing ending on a demonym of any language is a name or a word there (French "grec"
# + o is the surname Greco, "Juliette Gréco"). Other languages take every ending (LAT_DEMONYM_TAILS).
_DEMONYM_TAILS = {
    "en": frozenset(["s"]),
    "fr": frozenset(["s", "e", "es", "ne", "nes"]),
    "de": frozenset(["s", "e", "es", "en", "er", "em", "n", "ns"]),
}

CYR_NOUN_ENDINGS = frozenset(
    [
        "а",
        "я",
        "у",
        "ю",
        "е",
        "є",
        "и",
        "і",
        "ї",
        "ы",
        "о",
        "ом",
        "ем",
        "ём",
        "ой",
        "ей",
        "ою",
        "ею",
        "ам",
        "ям",
        "ами",
        "ями",
        "ах",
        "ях",
        "ов",
        "ев",
        "ью",
        "ию",
        "ией",
        "ии",
        "ия",
        "ові",
        "еві",
        "у",
    ]
)
CYR_ADJ_ENDINGS = [
    "ий",
    "ый",
    "ой",
    "ій",
    "ая",
    "яя",
    "ое",
    "ее",
    "ей",  # soft feminine oblique cases: "Средней Азии"
    "ые",
    "ие",
    "ого",
    "его",
    "ому",
    "ему",
    "ым",
    "им",
    "ом",
    "ем",
    "ую",
    "юю",
    "ых",
    "их",
    "ыми",
    "ими",
    "а",
    "я",
    "е",
    "є",
    "і",
    "ї",
    "ої",
    "ого",
    "ього",
    "ому",
    "ьому",
    "ім",
    "ою",
    "их",
    "іх",
    "ими",
    "іми",
    "у",
    "ю",
]
_CYR_ADJ_SET = frozenset(CYR_ADJ_ENDINGS)

# A Hebrew gentilic adjective in -י (ישראלי, מצרי) takes the feminine -ת, the plurals -ם / -ים and -ות /
# -יות: ישראלית, ישראלים, רוסיים, מצריות.
HE_ADJ_TAILS = frozenset(["ת", "ם", "ים", "ות", "יות"])
AR_TAILS = frozenset(["ي", "يه", "يين", "يون", "يان", "ها", "هاي", "يا", "ين", "ان"])
AR_ADJ_TAILS = AR_TAILS | {"ه"}
HYE_TAILS = frozenset(
    [
        "ի",
        "ում",
        "ից",
        "ով",
        "ը",
        "ն",
        "ին",
        "ու",
        "յի",
        "յում",
        "յից",
        "յով",
        "յին",
        "ն",
        "ական",
        "ականի",
        "ականը",
        "ականներ",
        "ցի",
        "ցին",
        "ցու",
        "ցիներ",
        "ցիների",
        "ցիները",
        "ի",
        "ում",
        "իս",
    ]
)
# Armenian adjectives and nouns of people made from a place's name are written in lower case (բելգիական, "Belgian";
# կանադացի, "a Canadian"), though the name itself takes a capital.
HYE_LOWER_TAILS = frozenset(t for t in HYE_TAILS if t.startswith(("ական", "ցի", "ցու")))
_GEO_CASE_TAILS = frozenset(
    [
        "ი",
        "ის",
        "ში",
        "მა",
        "ს",
        "ით",
        "ად",
        "იდან",
        "ისთვის",
        "თან",
        "ზე",
        "ში",
        "ური",
        "ულ",
        "ული",
        "ის",
        "ში",
        "ზე",
        "დან",
        "თვის",
        "მ",
        "სა",
    ]
)
# The particle -ც ("also", "even") follows the name or any case ending: რუსეთიც, საქართველოშიც.
GEO_TAILS = _GEO_CASE_TAILS | {t + "ც" for t in _GEO_CASE_TAILS} | {"ც"}

# Korean writes its postpositions on the noun (서울에서 "in Seoul", 일본과 "and Japan", 미국의 "of the US"),
# and -인 "person of", -군 "forces of", -측 "the side of" on names; a name continuing into other syllables is
# another word (인도 India in 인도네시아 Indonesia).
_KOR_POSTPOSITIONS = frozenset(
    [
        "에서", "에서는", "에서도", "에서의", "에서만", "에", "에는", "에도", "에게", "에의", "의", "은", "는", "이", "가", "을", "를",
        "과", "와", "과의", "와의", "과는", "와는", "로", "으로", "로의", "으로의", "로부터", "으로부터", "로는", "으로는", "도", "만",
        "까지", "부터", "보다", "이나", "나", "이며", "이고", "이다", "인", "인들", "군", "측", "산", "행", "발", "내", "간",
    ]
)  # fmt: skip
# A name's own suffix (미국인 "American", 러시아군 "Russian forces") may carry a postposition too: 러시아군이.
KOR_TAILS = _KOR_POSTPOSITIONS | {s + p for s in ("인", "인들", "군", "측") for p in _KOR_POSTPOSITIONS if len(p) <= 2}
#: The Korean tails that make the name the scene: -에서 "in, at" and it with a particle.
KOR_LOCATIVE = frozenset(t for t in _KOR_POSTPOSITIONS if t.startswith("에서"))

#: The longest tail any closed set accepts: a matcher needs to look no further past a name
#: (a longer continuation is in no set), which keeps scanning long unspaced tokens linear.
MAX_TAIL_CHARS = max(
    len(tail)
    for tails in (
        TURKIC_TAILS,
        _GERMAN_TAILS,
        _FI_AFTER_CONSONANT,
        *_FI_AFTER_VOWEL.values(),
        LAT_DEMONYM_TAILS,
        CYR_NOUN_ENDINGS,
        _CYR_ADJ_SET,
        AR_TAILS,
        HYE_TAILS,
        GEO_TAILS,
        KOR_TAILS,
        HE_ADJ_TAILS,
    )
    for tail in tails
)

_SCRIPT_FAMILY = {
    "LATIN": LAT,
    "CYRILLIC": CYR,
    "ARABIC": ARA,
    "ARMENIAN": HYE,
    "GEORGIAN": GEO,
    "CJK": CJK,
    "HIRAGANA": CJK,
    "KATAKANA": CJK,
    "THAI": CJK,
    "LAO": CJK,
    "MYANMAR": CJK,
    "KHMER": CJK,
    "TIBETAN": CJK,
    "HANGUL": KOR,
    "HEBREW": HEB,
}


def family_of(form: str) -> int:
    """Script family of a folded form, from the Unicode name of its first letter."""
    for ch in form:
        if ch.isalpha():
            return _letter_family(ch)
    return OTHER


@functools.cache
def _letter_family(ch: str) -> int:
    # Cached per letter: the gazetteer asks for each of its ~177,000 keys at every process start.
    return _SCRIPT_FAMILY.get(unicodedata.name(ch, "").split(" ", 1)[0], OTHER)


# Russian and Ukrainian letters in the romanisation first names take in a Latin first-name list (BGN/PCGN-like).
_CYR_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэіґ", "abvgdeziyklmnoprstufyeig", strict=True)),
        **{"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya", "ї": "yi", "є": "ye"},
        **{"ъ": "", "ь": "", "'": "", "’": ""},
    }
)


def cyr_romanisations(key: str) -> set[str]:
    """Latin spellings under which a folded Cyrillic name may stand in a first-name list: the plain romanisation
    (Владимир vladimir, Лариса larisa) and the usual variants (-ia for -iya: viktoria; h for kh: halil; i for
    y; j for y before a vowel, as South Slavic and Nordic names are written: Dejan, Kaja, Sanja)."""
    base = key.translate(_CYR_LATIN)
    variants = {base, base.replace("iya", "ia"), base.replace("kh", "h"), base.replace("y", "i")}
    variants.add(re.sub(r"y(?=[aeiou])", "j", base))
    return variants


_CYR_DECLINED_O_E = ("ово", "ево", "ёво", "ино", "ыно", "ье")
CYR_VOWELS = frozenset("аеёиоуыэюяіїє")


def stems(form: str, family: int, *, adjective: bool = False, phrase: bool = False, short: bool = False) -> list[str]:
    """Stems of ``form`` that are stored besides it and must be followed by a tail.

    ``phrase``: ``form`` is the last word of a multi-word name, whose other words already
    make it distinctive, so a shorter noun is declined too ("Центральной Азии").
    ``short``: the name is a country's or a capital's, which declines from four letters in -а/-я too ("на Кубе",
    "в Вене", "в Риге" had found nothing); other towns' short names decline into words ("Дума", the Syrian
    town Douma, and "в Думу", the parliament).
    """
    out: list[str] = []
    if family == CYR:
        if adjective:
            for ending in ("ский", "ський", "цкий", "цький"):
                if form.endswith(ending):
                    out.append(form[: -len(ending)] + ending[:-2])
                    break
            else:
                if form[-2:] in _CYR_ADJ_SET and len(form) >= 6:
                    out.append(form[:-2])
        elif (
            len(form) >= (4 if phrase or (short and form[-1] in "ая") else 5)
            and (form[-1] in "аяыйь" or form.endswith(_CYR_DECLINED_O_E))
            and not (form[-1] == "а" and form[-2] in CYR_VOWELS)
        ):
            # Names in a vowel and -а are foreign and do not decline either (Самоа, Никарагуа, Гоа):
            # "Самое неожиданное" had named Samoa.
            # Foreign names in -о, -е, -и do not decline (Совето, Токио, Осло, Сочи, Зимбабве):
            # stripping the vowel made "Совета" (of the council) Soweto. Russian and Ukrainian
            # names in -ово/-ево/-ино and -ье do (Иваново -> Иванова, Приморье -> Приморья).
            out.append(form[:-1])
    elif family == ARA:
        if form.endswith("يا") and len(form) >= 5:
            out.append(form[:-2])
        elif form.endswith("ا") and len(form) >= 4:
            out.append(form[:-1])
    elif family == GEO:
        # Georgian drops a final -ი before every case ending (რუსეთი, რუსეთის) and a
        # final -ა or -ე before the genitive, instrumental and adverbial (უკრაინა,
        # უკრაინის, უკრაინით; ყურე, ყურის); the vowel stays before -ს, -ში, -ზე.
        if form.endswith(("ი", "ა", "ე")) and len(form) >= (4 if form.endswith("ი") or phrase else 5):
            out.append(form[:-1])
    elif family == HYE and form.endswith("ա") and len(form) >= 4:
        out.append(form[:-1])
    return out


# The adjective endings of Russian and of Ukrainian alone (CYR_ADJ_ENDINGS holds both): a stem spelt in one language
# takes that language's endings only ("Шушинский район" is never "шушинскіх район"), which halves the forms stored.
_RU_ADJ_ENDINGS = frozenset(
    [
        *("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ей", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им"),
        *("ом", "ем", "ую", "юю", "ых", "их", "ыми", "ими"),
    ]
)
_UK_ADJ_ENDINGS = frozenset(
    [
        *("ий", "ій", "а", "я", "е", "є", "і", "ї", "ої", "ого", "ього", "ому", "ьому", "им", "ім", "ою", "их"),
        *("іх", "ими", "іми", "у", "ю"),
    ]
)
_UK_LETTERS = frozenset("іїєґ")
_RU_LETTERS = frozenset("ыэъё")


def _adjective_endings(stem: str) -> frozenset[str]:
    """The endings a Cyrillic adjective stem takes: Ukrainian after a soft -ськ/-цьк or a Ukrainian letter, Russian
    after a hard -ск/-цк or a Russian letter, both otherwise."""
    if stem.endswith(("ськ", "цьк", "зьк")) or _UK_LETTERS.intersection(stem):
        return _UK_ADJ_ENDINGS
    if stem.endswith(("ск", "цк", "зк")) or _RU_LETTERS.intersection(stem):
        return _RU_ADJ_ENDINGS
    return _CYR_ADJ_SET


# Ukrainian feminine adjective endings: nominative, genitive, dative and locative, accusative, instrumental.
_UK_FEMININE_ENDINGS = ("а", "ої", "ій", "у", "ою")


def expand_cyr_phrase(words: list[str]) -> list[str]:
    """Case forms of a Cyrillic multi-word name whose leading words are adjectives."""
    first = words[0]
    if len(words) >= 2 and len(first) >= 5 and first.endswith(("ська", "цька", "зька")):
        # A Ukrainian feminine adjective ("Запорізька область"): its own case endings ("у Запорізькій області",
        # "Запорізької області"), which the Russian ones below do not give.
        stem = first[:-1]
        return sorted({" ".join([stem + e, *words[1:]]) for e in _UK_FEMININE_ENDINGS})
    if len(words) < 2 or first[-2:] not in _CYR_ADJ_SET or len(first) < 5:
        return [" ".join(words)]
    stem = first[:-2]
    return sorted({" ".join([stem + e, *words[1:]]) for e in _adjective_endings(stem)} | {" ".join(words)})


def tails_for(family: int, language: str | None, *, adjective: bool, final: str = "") -> frozenset[str] | None:
    """Allowed non-empty tails for a match of ``family`` in a story of ``language``.

    ``final``: the name's last letter, which the Finnish endings depend on (read in ``fi`` stories only).
    ``None`` means any continuation is accepted (scripts written without spaces).
    """
    if family == LAT:
        allowed: set[str] = set()
        if language == "fi" and not adjective:
            allowed |= finnish_tails(final)
        if language in (None, "und", "tr", "az"):
            allowed |= TURKIC_TAILS
        if language in (None, "und", "de"):
            allowed |= _GERMAN_TAILS
        if language in SLAVIC_LATIN and not adjective:
            allowed |= SLAVIC_TAILS
        if language in BALTIC_LATIN and not adjective:
            allowed |= BALTIC_TAILS
        if adjective:
            allowed |= _DEMONYM_TAILS.get(language or "", LAT_DEMONYM_TAILS)
        return frozenset(allowed)
    if family == CYR:
        return _CYR_ADJ_SET if adjective else CYR_NOUN_ENDINGS
    if family == ARA:
        # A nisba stored with its yeh (سعودي, مصري) takes the feminine ة (folded ه) directly.
        return AR_ADJ_TAILS if adjective else AR_TAILS
    if family == HYE:
        return HYE_TAILS
    if family == GEO:
        return GEO_TAILS
    if family == CJK:
        return None
    if family == KOR:
        return KOR_TAILS
    if family == HEB and adjective:
        return HE_ADJ_TAILS
    return frozenset()
