"""Build the people -> country list (heads of state and government, parties) behind :mod:`stream.places.people`.

Run ``python -m stream.build.people [--mirrors DIR]`` (part of ``make gazetteer``); it writes
``stream/places/data/people.json.gz``. Issue #17: a story that names no place but "President Rodrigo
Duterte" or "Prime Minister Tom Thabane" is about that person's country to any reader.

Sources (pinned in :data:`SOURCES`; each repository is ``DIR/<owner>+<name>/repo`` or a bare clone in
``~/.cache/wirewatch/topic-sources``, located as :func:`stream.build.topic_sources.locate` does):

* ``chinapedia/wikipedia.abstract.en``, ``Page/List_of_state_leaders_in_the_21st_century.md``: the
  English Wikipedia article "List of state leaders in the 21st century" as of August 2019 (Wikipedia text,
  CC BY-SA 3.0/4.0; the repository has no licence file of its own). Every head of state and government
  per polity, 2001 to mid-2019, "Name, Title (start–end)".
* ``every-politician-scrapers/world-leaders-2021``, ``data/wikidata.csv`` and ``data/wikipedia.csv`` at
  *every* commit up to the pinned one (August 2021 to October 2022): a daily Wikidata query of the holders
  of each state's head-of-state and head-of-government positions (Wikidata is CC0) and the matching
  Wikipedia list. Together they cover 2015 to late 2022; leaders who took office later are missing.
* ``open-data-archive/world-leaders-current``, ``snapshots/<year>/<month>/<date>.json`` at the pinned commit
  (CC BY-SA 4.0, repository ``LICENSE``; data from Wikidata and Wikipedia): the daily snapshot, May to
  August 2026, of the heads of state and government of the G20 and ASEAN states (28 countries, with the EU
  and the African Union, which are no country and are skipped), each holder's English name and, where
  given, the name in the local language and script ("Friedrich Merz", "Sanae Takaichi", "高市早苗",
  "Михаил Владимирович Мишустин"). It brings the list past October 2022 for those states only: a wire
  processor running today has to know today's leaders (Keir Starmer, Javier Milei, Claudia Sheinbaum).
* ``every-politician-scrapers/world``, ``wikidata/results/missing-successors.csv`` at *every* commit up to the
  pinned one (December 2022): a Wikidata query (CC0; the repository has no licence file) of the cabinet posts of
  155 states and sub-national governments whose holder left office from 2000 on, each row naming the holder
  who left, the successor and the jurisdiction ("Penny Mordaunt", "Leader of the House of Commons", "United
  Kingdom"): about 1,700 ministers, the first people on the list who led no state.
* ``unitedstates/congress-legislators``, ``legislators-current.yaml`` as it stood at each 1 January and 1 July from
  :data:`FIRST_YEAR` on and at the pinned commit (CC0): the members of the United States Congress, whose names
  English news gives without a place ("Senator Amy Klobuchar says ..."): about 900 names, counted as ministers'
  are (rule 7's rare word, no surname alone). The repository's historical file is absent from the size-limited
  snapshot, so the half-yearly versions of the current one stand in for it: everyone who sat for half a year.
* ``hdigital/partyfactsdata`` (Party Facts, MIT), ``import/wikipedia/wikidata.csv``: the English and
  native names (Latin, Greek, Cyrillic, Arabic, Armenian, Bengali ... scripts) of about 4,200 core parties
  of the world from their Wikipedia infoboxes, each with its country (ISO 3166-1 alpha-3).

Rules, fixed before the list was used:

1. A polity heading resolves to its country by the gazetteer (:func:`stream.places.geotag.locate` on the
   heading: exactly one country). Unresolved headings are skipped. The 2026 snapshots give an ISO 3166-1
   alpha-2 code, taken when the gazetteer has that country.
2. Office-holders whose term ended before :data:`FIRST_YEAR` are left out. Roles held for another state
   (Andorra's co-princes: the French President) and governors-general are left out.
3. A name is kept when it has at least two words, every capitalised word starts a token and no word is an
   institution word (``Council``, ``Government``): "Presidential Council" is no person.
4. A name (folded) that more than one country claims is dropped (Elizabeth II, Charles III).
5. The surname (last word, at least three letters, not a Roman numeral, no listed leader's first name)
   is kept for "title + surname" matches ("President Duterte") only when one country claims it among
   all kept names.
6. A party name (brackets dropped) must start with a capital in cased scripts; a name of one word besides
   articles ("The Democrats", "Die Linke") needs a word outside every language's 10,000 most frequent
   words (:mod:`stream.language.lexicon`: "Likud", "Fidesz"). A name claimed by two countries, or by a
   party and a leader, is dropped; acronyms (``name_short``) are not taken.
7. A minister's jurisdiction resolves to its country as a polity heading does (Scotland and Alberta count for
   their states); the holder who left counts from the year they left (rule 2), the successor as in office.
   The name needs rule 3 and a capitalised word outside every language's 10,000 most frequent words (rule 6's
   test: "Penny Mordaunt", not a name of common words only, "Simon Hart", "Grace Church"); a name that two
   countries' leaders or ministers claim is dropped (rule 4), and a minister's surname never counts alone
   (rule 5 reads the leaders' names only): a minister is not named by "President" or "the ... government".
8. A member of Congress is kept as a minister is (rule 7), under the official full name, first + last name and
   nickname + last name; a territory's delegate (Puerto Rico, Guam, the US Virgin Islands, American Samoa, the
   Northern Mariana Islands) counts for the territory, every other member for the United States.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain
from pathlib import Path

import orjson
import yaml

from stream.build import topic_sources as ts
from stream.build.topic_corpora import GitTree
from stream.places.gazetteer import load_gazetteer
from stream.places.geotag import locate
from stream.places.people import DEFAULT_PEOPLE
from stream.story import Story
from stream.text.normalize import TokenStream

__all__ = ["FIRST_YEAR", "SOURCES", "main", "parse_legislators", "parse_ministers", "parse_snapshot", "parse_state_leaders"]

FIRST_YEAR = 2012

SOURCES: dict[str, ts.Source] = {
    "wikipedia_state_leaders": ts.Source(
        "chinapedia/wikipedia.abstract.en",
        "4f3e897da088cbe89a4f1d4cba3fa2e439c3721b",
        "Wikipedia text, CC BY-SA (article 'List of state leaders in the 21st century'); no repository licence",
        None,
    ),
    "world_leaders_2021": ts.Source(
        "every-politician-scrapers/world-leaders-2021",
        "be7039cf5952d8121c4f1e24eea64cc5dd465633",
        "Wikidata query results (CC0) and a Wikipedia list (CC BY-SA); no repository licence",
        None,
    ),
    "world_leaders_current": ts.Source(
        "open-data-archive/world-leaders-current",
        "b06a1440a6eda040a90166cb3f84d9634d1779b2",
        "CC BY-SA 4.0 (repository LICENSE, open-data-archive); data from Wikidata and Wikipedia",
        None,
    ),
    "world_ministers": ts.Source(
        "every-politician-scrapers/world",
        "4a3b394d9a35d26d138cded8718d0805b7ce9336",
        "Wikidata query results (CC0); no repository licence",
        None,
    ),
    "us_congress": ts.Source(
        "unitedstates/congress-legislators",
        "dfa9622263dd4c8d08636926e498f1845704d7eb",
        "CC0 1.0 (repository LICENSE: public domain dedication)",
        None,
    ),
    "partyfacts_wikipedia": ts.Source(
        "hdigital/partyfactsdata",
        "764de8978f84ba41a1c88752d6a00b9a4d05f599",
        "MIT (repository LICENSE.md, Party Facts authors); names from English Wikipedia infoboxes and Wikidata",
        None,
    ),
}
_PARTIES_FILE = "import/wikipedia/wikidata.csv"
_LEADERS_PAGE = "Page/List_of_state_leaders_in_the_21st_century.md"
_HISTORY_FILES = ("data/wikidata.csv", "data/wikipedia.csv")
_MINISTERS_FILE = "wikidata/results/missing-successors.csv"
_SNAPSHOTS = "snapshots"
_LEGISLATORS_FILE = "legislators-current.yaml"
# A delegate of a territory serves the territory, which the gazetteer keeps as a country of its own.
_TERRITORIES = frozenset(["PR", "GU", "VI", "AS", "MP"])
_NO_SURNAME = frozenset(["world_ministers", "us_congress"])
_POSITIONS = ("head_of_state", "head_of_government")

_YEARS = re.compile(r"\((?P<years>[^()]*\d{4}[^()]*)\)\s*$")
_YEAR = re.compile(r"\d{4}|present")
_PAREN = re.compile(r"\s*\([^)]*\)")
_PAREN_INNER = re.compile(r"\(([^)]*)\)")
_QID = re.compile(r"^Q\d+$")
_ROMAN = re.compile(r"^[ivxl]+$")
# A word among the most frequent this many of a language is a common word (see _rare_word).
_COMMON_RANK = 10_000
_NOT_PEOPLE = frozenset(
    ["council", "committee", "government", "junta", "authority", "congress", "assembly", "party", "front", "military"]
)
_PARTICLES = frozenset(["al", "el", "bin", "ibn", "de", "da", "do", "dos", "das", "del", "van", "von", "der", "den", "le", "la"])
_ROLE_HEADINGS = frozenset(["presidents", "prime", "heads", "head", "kings", "monarchs", "chancellors", "premiers"])
_ARTICLES = frozenset(["the", "le", "la", "les", "l", "die", "der", "das", "el", "los", "las", "il", "lo", "gli", "de", "het"])
_OTHER_STATE_ROLES = ("co-prince", "governor-general", "governor general")


def _git_show(gitdir: Path, commit: str, path: str) -> str | None:
    """The file at ``commit``, or None where that version has no such file."""
    try:
        return GitTree(gitdir, commit).text(path)
    except subprocess.CalledProcessError:
        return None


def _end_year(years: str) -> int:
    found = _YEAR.findall(years)
    if not found:
        return 0
    return 9999 if found[-1] == "present" else int(found[-1])


def parse_state_leaders(text: str) -> Iterator[tuple[str, str, str, int]]:
    """(polity, name, role, end year) for each office-holder line of the Wikipedia list.

    An entry is ``:*Name, Role (years)`` under a ``-   Polity`` line; a name alone on its line takes the
    roles of the deeper lines after it (``::*Michel Djotodia`` / ``:::*President (2013)``).
    """
    polity = ""
    pending: tuple[str, int] | None = None  # a name line without years, and its depth
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("-   "):
            heading = line[4:].split("(complete list)")[0].strip(" –-")
            # "-   Presidents (complete list)" inside a polity is a role heading, not a new polity.
            if heading.split(" ")[0].casefold() not in _ROLE_HEADINGS:
                polity = heading
            pending = None
            continue
        if not line.startswith(":") or not polity:
            continue
        depth = len(line) - len(line.lstrip(":"))
        body = line.lstrip(":").lstrip("*").strip()
        if "(complete list)" in body or body.endswith("–") or body.startswith("_"):
            pending = None
            continue
        years = _YEARS.search(body)
        if pending is not None and depth > pending[1] and years and "," not in body[: years.start()]:
            yield polity, pending[0], body[: years.start()].strip(), _end_year(years["years"])
            continue
        if years is None:
            name = body.rstrip(",").strip()
            pending = (name, depth) if name and "," not in name else None
            continue
        pending = None
        head = body[: years.start()]
        if "," not in head:
            continue
        name, role = head.split(",", 1)
        yield polity, name.strip(), role.strip(), _end_year(years["years"])


def _history_rows(gitdir: Path, commit: str) -> Iterator[tuple[str, str, str, int]]:
    """(country, name, role, end year) from every committed version of the Wikidata and Wikipedia files."""
    for path in _HISTORY_FILES:
        log = subprocess.run(
            ["git", "--git-dir", str(gitdir), "log", "--format=%H", commit, "--", path], capture_output=True, text=True
        )
        for version in log.stdout.split():
            text = _git_show(gitdir, version, path)
            if not text:
                continue
            for row in csv.DictReader(io.StringIO(text)):
                lower = {k.lower().replace("item", ""): (v or "") for k, v in row.items() if k}
                country = lower.get("country", "") if "countryid" in lower else lower.get("countrylabel", "")
                if not country or _QID.match(country):
                    country = lower.get("countrylabel", "") or lower.get("country", "")
                name = lower.get("officeholderlabel", "")
                end = lower.get("end_year", "")
                yield country, name, lower.get("positionlabel", ""), int(end) if end.isdigit() else 9999


def parse_ministers(text: str) -> Iterator[tuple[str, str, str, int]]:
    """(jurisdiction, name, position, end year) for both holders of each row of the ministers query.

    A row is a cabinet post whose holder (``predecessor``) left it on ``after`` and whose successor (``item``)
    Wikidata does not yet list as holding it: the predecessor's term ends in that year, the successor's is open.
    """
    for row in csv.DictReader(io.StringIO(text)):
        where, post, after = row.get("jurisdictionLabel") or "", row.get("positionLabel") or "", row.get("after") or ""
        end = int(after[:4]) if after[:4].isdigit() else 0
        yield where, row.get("itemLabel") or "", post, 9999
        yield where, row.get("predecessorLabel") or "", post, end


def _minister_rows(gitdir: Path, commit: str) -> Iterator[tuple[str, str, str, int]]:
    """(jurisdiction, name, position, end year) from every committed version of the ministers query's results."""
    log = subprocess.run(
        ["git", "--git-dir", str(gitdir), "log", "--format=%H", commit, "--", _MINISTERS_FILE], capture_output=True, text=True
    )
    versions = log.stdout.split()
    if not versions:
        raise ts.SourceError(f"{SOURCES['world_ministers'].repo}: no {_MINISTERS_FILE} up to {commit}")
    for version in versions:
        text = _git_show(gitdir, version, _MINISTERS_FILE)
        if text:
            yield from parse_ministers(text)


def parse_snapshot(text: str) -> Iterator[tuple[str, str, str]]:
    """(ISO code, name, position title) for each holder, English then local name, of one daily snapshot."""
    data = orjson.loads(text)
    for entry in data.get("countries", {}).values():
        iso = str((entry.get("country") or {}).get("iso_code") or "")
        for position in _POSITIONS:
            office = (entry.get("positions") or {}).get(position) or {}
            holder = office.get("current_holder") or {}
            for key in ("name_en", "name_local"):
                name = holder.get(key)
                if iso and name:
                    yield iso, str(name), str(office.get("title_en") or position)


def _snapshot_rows(gitdir: Path, commit: str) -> Iterator[tuple[str, str, str]]:
    """(ISO code, name, title) from every daily snapshot file the pinned commit holds, in path order."""
    tree = GitTree(gitdir, commit)
    paths = sorted(p for p in tree.paths(_SNAPSHOTS) if p.endswith(".json"))
    if not paths:
        raise ts.SourceError(f"{SOURCES['world_leaders_current'].repo}: no {_SNAPSHOTS}/ files at {commit}")
    for _path, data in tree.read_many(paths):
        if data:
            yield from parse_snapshot(data.decode("utf-8"))


def parse_legislators(text: str) -> Iterator[tuple[str, str, str, int]]:
    """(ISO code, name, chamber, end year) for each member of one version of ``legislators-current.yaml``, under
    each name the file gives: the official full name, first + last and nickname + last ("Bernie Sanders")."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for member in yaml.load(text, Loader=loader) or []:
        terms = member.get("terms") or []
        if not terms:
            continue
        last_term = terms[-1]
        state = str(last_term.get("state") or "")
        iso = state if state in _TERRITORIES else "US"
        end = int(str(last_term.get("end") or "0")[:4] or 0)
        names = member.get("name") or {}
        last = str(names.get("last") or "")
        forms = [str(names.get("official_full") or "")]
        forms += [f"{names[k]} {last}" for k in ("first", "nickname") if names.get(k) and last]
        for form in dict.fromkeys(f for f in forms if f):
            yield iso, form, str(last_term.get("type") or ""), end


def _legislator_rows(gitdir: Path, commit: str) -> Iterator[tuple[str, str, str, int, str]]:
    """(ISO code, name, chamber, end year, source) from the versions of the members file as it stood at each 1 January
    and 1 July from :data:`FIRST_YEAR` on, and at the pinned commit: everyone who sat in Congress for half a year."""
    log = subprocess.run(
        ["git", "--git-dir", str(gitdir), "log", "--format=%H %cs", commit, "--", _LEGISLATORS_FILE],
        capture_output=True,
        text=True,
    )
    versions = [line.split() for line in log.stdout.splitlines()]  # newest first
    if not versions:
        raise ts.SourceError(f"{SOURCES['us_congress'].repo}: no {_LEGISLATORS_FILE} up to {commit}")
    chosen = {versions[0][0]}
    for year in range(FIRST_YEAR, int(versions[0][1][:4]) + 1):
        for day in (f"{year}-01-01", f"{year}-07-01"):
            before = next((h for h, d in versions if d <= day), None)
            if before:
                chosen.add(before)
    for version in sorted(chosen):
        text = _git_show(gitdir, version, _LEGISLATORS_FILE)
        if text:
            for row in parse_legislators(text):
                yield (*row, "us_congress")


def _kept(role: str, end: int) -> bool:
    """Rule 2: in office from FIRST_YEAR on, and for this state."""
    return end >= FIRST_YEAR and not any(r in role.casefold() for r in _OTHER_STATE_ROLES)


def _clean_name(name: str) -> str:
    # "João Lourenço (politician)", "Salman bin Hamad, Crown Prince of Bahrain"
    return _PAREN.sub("", name).split(",")[0].strip()


def _person_tokens(name: str) -> list[str] | None:
    """The folded tokens of a person's name, or None when it is no full personal name (rule 3)."""
    stream = TokenStream.of(name)
    if len(stream.texts) < 2 or _QID.match(name):
        return None
    for i, tok in enumerate(stream.texts):
        if tok in _NOT_PEOPLE:
            return None
        at = stream.start(i)
        first = name[at]
        # "Tsai Ing-wen": a lower-case part after a hyphen belongs to the capitalised word.
        joined = at > 0 and name[at - 1] in "-'’"
        if first.islower() and tok not in _PARTICLES and not joined:
            return None
    return stream.texts


@cache
def _top_zipf() -> dict[str, float]:
    """Per language with a full word list in the shipped lexicon, the Zipf frequency of its 10,000th word.

    The lexicon keeps 20,000 words per full list and, for nine languages, sparse lists of every word of
    SIB-200's sentences; the rule below is about the 10,000 most frequent words, so it reads the cut-off and
    leaves the sparse lists out (they hold "safina" and "zveno" as often as "the").
    """
    from stream.language.lexicon import lexicon

    lex = lexicon()
    out = {}
    for code in sorted(lex.full_languages()):
        ranked = sorted(lex.table(code).values(), reverse=True)
        out[code] = ranked[min(_COMMON_RANK, len(ranked)) - 1]
    return out


def _rare_word(name: str, stream: TokenStream) -> bool:
    """Whether a capitalised word of ``name`` is outside every language's 10,000 most frequent words.

    "Bharatiya Janata Party", "Likud", "Fidesz" have one; "Christian Democratic Union", "Law and Justice",
    "Labour Party" are common words that text uses without meaning the party.
    """
    from stream.language.lexicon import lookup

    top = _top_zipf()

    def common(tok: str) -> bool:
        return any(zipf >= top[code] for code, zipf in lookup(tok).items() if code in top)

    return any(len(tok) >= 3 and name[stream.start(i)].isupper() and not common(tok) for i, tok in enumerate(stream.texts))


def _party_rows(gitdir: Path, commit: str) -> Iterator[tuple[str, str]]:
    """(ISO 3166-1 alpha-2, name) for each English and native party name of Party Facts' Wikipedia import."""
    import pycountry

    text = _git_show(gitdir, commit, _PARTIES_FILE)
    if text is None:
        raise ts.SourceError(f"{SOURCES['partyfacts_wikipedia'].repo}: {_PARTIES_FILE} missing at {commit}")
    for row in csv.DictReader(io.StringIO(text)):
        country = pycountry.countries.get(alpha_3=row.get("country") or "")
        if country is None:
            continue
        for name in (row.get("name") or "", row.get("name_native") or ""):
            clean = _PAREN.sub("", name.replace("&nbsp;", " ")).strip()
            if clean and "\n" not in clean:
                yield country.alpha_2, clean


def _tokens_caps(name: str) -> tuple[list[str], list[int]]:
    stream = TokenStream.of(name)
    return stream.texts, [int(name[stream.start(i)].isupper()) for i in range(len(stream.texts))]


def _country(cache: dict[str, str | None], polity: str) -> str | None:
    if polity not in cache:
        cache[polity] = None
        inner = _PAREN_INNER.search(polity)
        # "Republic of China (Taiwan)": the bracketed name first; "Georgia" needs a trigger word to count.
        for part in ([inner[1]] if inner else []) + [polity]:
            for headline in (part, f"the government of {part}"):
                result = locate(Story(id="polity", headline=headline, body=""), "en", people=False)
                found = [str(c["iso2"]) for c in result.countries]
                if len(found) == 1:
                    cache[polity] = found[0]
                    return found[0]
    return cache[polity]


def _resolved(
    rows: Iterable[tuple[str, str, str, int, str]], polities: dict[str, str | None], unresolved: set[str]
) -> Iterator[tuple[str, str, str, int, str]]:
    """(iso2, name, role, end year, source) of the rows kept (rule 2) whose polity names one country; the polities
    that name none go to ``unresolved``."""
    for polity, raw_name, role, end, source in rows:
        if not _kept(role, end):
            continue
        iso2 = _country(polities, polity)
        if iso2 is None:
            unresolved.add(polity)
            continue
        yield iso2, raw_name, role, end, source


def build(gitdirs: dict[str, Path]) -> dict[str, object]:
    """The artifact: leaders' full names, unique surnames and party names with their country, and the sources."""
    rows: list[tuple[str, str, str, int, str]] = []
    src = SOURCES["wikipedia_state_leaders"]
    page = _git_show(gitdirs["wikipedia_state_leaders"], src.commit, _LEADERS_PAGE)
    if page is None:
        raise ts.SourceError(f"{src.repo}: {_LEADERS_PAGE} missing at {src.commit}")
    rows.extend((*r, "wikipedia_state_leaders") for r in parse_state_leaders(page))
    rows.extend(
        (*r, "world_leaders_2021") for r in _history_rows(gitdirs["world_leaders_2021"], SOURCES["world_leaders_2021"].commit)
    )

    polities: dict[str, str | None] = {}
    countries = load_gazetteer().country_index
    unresolved: set[str] = set()
    resolved = list(_resolved(rows, polities, unresolved))  # iso2, name, role, end year, source
    current = SOURCES["world_leaders_current"]
    for iso, raw_name, role in _snapshot_rows(gitdirs["world_leaders_current"], current.commit):
        if iso in countries:  # not the EU or the African Union ("AU_AF")
            resolved.append((iso, raw_name, role, 9999, "world_leaders_current"))
    ministers = _resolved(
        ((*r, "world_ministers") for r in _minister_rows(gitdirs["world_ministers"], SOURCES["world_ministers"].commit)),
        polities,
        unresolved,
    )

    # Ministers (rule 7) are claimed apart: their names join the leaders' (a name two countries claim is dropped),
    # but never give a surname.
    claims: dict[str, set[str]] = defaultdict(set)
    minister_claims: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}  # folded key -> the name as first written
    seen_sources: dict[str, set[str]] = defaultdict(set)
    legislators = _legislator_rows(gitdirs["us_congress"], SOURCES["us_congress"].commit)
    for iso2, raw_name, role, end, source in chain(resolved, ministers, legislators):
        if not _kept(role, end):
            continue
        name = _clean_name(raw_name)
        tokens = _person_tokens(name)
        if tokens is None:
            continue
        minister = source in _NO_SURNAME
        if minister and not _rare_word(name, TokenStream.of(name)):
            continue
        key = " ".join(tokens)
        (minister_claims if minister else claims)[key].add(iso2)
        shown.setdefault(key, name)
        seen_sources[key].add(source)
    party_claims: dict[str, set[str]] = defaultdict(set)
    for iso2, name in _party_rows(gitdirs["partyfacts_wikipedia"], SOURCES["partyfacts_wikipedia"].commit):
        if iso2 not in countries:
            continue  # a territory the gazetteer keeps as a place of its state (French Guiana)
        stream = TokenStream.of(name)
        if not stream.texts or name[stream.start(0)].islower():
            continue  # cased scripts: a party's name starts with a capital
        # One common word, with or without an article ("The Democrats", "Die Linke", "Together"), is ordinary
        # text too often; a one-word name needs a rare word ("Likud", "Fidesz").
        words = [t for t in stream.texts if t not in _ARTICLES]
        if len(words) < 2 and not _rare_word(name, stream):
            continue
        key = " ".join(stream.texts)
        party_claims[key].add(iso2)
        shown.setdefault(key, name)
    all_claims: dict[str, set[str]] = defaultdict(set)
    for source_claims in (claims, minister_claims):
        for key, isos in source_claims.items():
            all_claims[key].update(isos)
    people = {key: iso for key, isos in all_claims.items() if len(isos) == 1 and key not in party_claims for iso in isos}
    parties = {key: iso for key, isos in party_claims.items() if len(isos) == 1 and key not in all_claims for iso in isos}
    surnames: dict[str, set[str]] = defaultdict(set)
    given = {key.split(" ", 1)[0] for key in claims}
    for key, isos in claims.items():
        last = key.rsplit(" ", 1)[-1]
        # A surname that is also some leader's first name ("King Abdullah" of Jordan, "Abdullah Abdullah"
        # of Afghanistan) names no one for sure.
        if len(last) >= 3 and not _ROMAN.match(last) and last not in given:
            surnames[last].update(isos)
    if unresolved:
        print(f"unresolved polities ({len(unresolved)}): {sorted(unresolved)}", file=sys.stderr)
    return {
        "sources": {k: f"{s.repo}@{s.commit} ({s.licence})" for k, s in SOURCES.items()},
        "first_year": FIRST_YEAR,
        # Folded tokens and capitals are stored so loading tokenises nothing.
        "people": [[shown[k], people[k], sorted(seen_sources[k]), *_tokens_caps(shown[k])] for k in sorted(people)],
        "parties": [[shown[k], parties[k], ["partyfacts_wikipedia"], *_tokens_caps(shown[k])] for k in sorted(parties)],
        "surnames": {s: next(iter(isos)) for s, isos in sorted(surnames.items()) if len(isos) == 1},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, help="folder of <owner>+<name>/repo bare git dirs")
    parser.add_argument("--out", type=Path, default=DEFAULT_PEOPLE)
    args = parser.parse_args(argv)
    gitdirs = {sid: ts.locate(src, args.mirrors) for sid, src in SOURCES.items()}
    artifact = build(gitdirs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same commits give the same bytes.
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(orjson.dumps(artifact, option=orjson.OPT_INDENT_2))
    people, parties, surnames = artifact["people"], artifact["parties"], artifact["surnames"]
    assert isinstance(people, list) and isinstance(parties, list) and isinstance(surnames, dict)
    print(f"{args.out}: {len(people)} people, {len(surnames)} unique surnames, {len(parties)} parties")
    return 0


if __name__ == "__main__":
    sys.exit(main())
