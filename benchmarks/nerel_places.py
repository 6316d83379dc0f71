"""Russian news with every place, nationality and country annotated: NEREL, read for ``benchmarks.eval_toponyms``.

LGL and TR-News are English. Issue #17's independent measurement had Russian agency stories too, and no other
public set here annotates every country a Russian text names. NEREL (Loukachevitch et al., LREC 2022, LRE 2023)
annotates 933 Russian Wikinews articles with nested named entities, ``COUNTRY``, ``CITY``, ``STATE_OR_PROVINCE``,
``DISTRICT``, ``LOCATION`` and ``NATIONALITY`` among them, and links most of them to Wikidata (version 1.1).

**Gold.** NEREL links an entity to a Wikidata item, not to a country. The item's country is taken from the
countries-states-cities database (dr5hn), whose countries, states and cities carry their Wikidata ids: an entity
whose item is a country, a state or a city there has that country (:func:`item_countries`). Its largest city files
(Russia, the United States, Germany, France and eight more) are not in the snapshot read here, so most of their
cities' items stay unknown, as do nationalities (their items are peoples) and historical states (the USSR).
An annotated place span whose item has no country is a **support span**: a country ``locate`` lists with a
mention overlapping it is counted as found, never as false, since a reader marked a real place or nationality
there. A country whose every mention overlaps no annotated place span and which no resolved item names is
false: that is the error issue #17 is about (a person's name, a word or an organisation read as a place).
Missed countries are counted only for resolved items, so recall here is over the countries the items name.

Nothing is vendored. NEREL's repository states no licence (its texts are Russian Wikinews, CC BY 2.5); the
database is ODbL-1.0. Both are read from mirrors (``--mirrors DIR``) or clones in ``~/.cache/wirewatch`` (the
database's full history is several hundred MB; its snapshot mirror here is 167 MB), at the
pinned commits below. The halves are eval_toponyms': even SHA-1 of the document id (the file name) is dev.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path

from benchmarks.eval_toponyms import Article
from stream.build.topic_corpora import GitTree

__all__ = [
    "ATTRIBUTION",
    "COMMIT",
    "DATABASE",
    "DATABASE_COMMIT",
    "PLACE_TYPES",
    "REPO",
    "articles",
    "item_countries",
    "parse",
]

REPO = "nerel-ds/NEREL"
COMMIT = "8f07d3e410f322d5dbf6b68b13fbf4a4aa077fe9"
DATABASE = "dr5hn/countries-states-cities-database"
DATABASE_COMMIT = "7fda0afd3e75391d9480c22ed3a2b91f50e08eb6"
ATTRIBUTION = (
    f"NEREL v1.1 (Loukachevitch et al., LREC 2022), github.com/{REPO} @ {COMMIT[:7]} (Russian Wikinews, CC BY 2.5; "
    f"no licence in the repository, not vendored); Wikidata items' countries from github.com/{DATABASE} @ "
    f"{DATABASE_COMMIT[:7]} (ODbL-1.0)"
)
#: NEREL's entity types that name a place or a nationality.
PLACE_TYPES = frozenset({"COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION", "NATIONALITY"})
_FOLDER = "NEREL-v1.1"
_ENTITY = re.compile(r"(?P<type>[A-Z_]+) (?P<spans>\d+ \d+(?:;\d+ \d+)*)$")
_ITEM = re.compile(r"Q[0-9]+")
_LINK = re.compile(r"Reference (T\d+) Wikidata:(\S+)")


def item_countries(gitdir: Path, commit: str = DATABASE_COMMIT) -> dict[str, str]:
    """Wikidata id -> ISO 3166 alpha-2 for the database's countries, states and cities (files absent skipped).

    An id the database gives to places of two countries is left out: its rows are not all right (Puerto Rico's
    municipality Florida carries the U.S. state's id), and an unresolved item only makes its span a support span.
    """
    tree = GitTree(gitdir, commit)
    rows: list[tuple[str, str]] = []
    for name, column in (("countries", "iso2"), ("states", "country_code")):
        rows.extend(
            (row.get("wikiDataId") or "", row[column]) for row in csv.DictReader(io.StringIO(tree.text(f"csv/{name}.csv")))
        )
    for path in tree.paths("contributions/cities"):
        try:
            blob = tree.read(path)
        except subprocess.CalledProcessError:  # the snapshot leaves its largest files out
            continue
        rows.extend((city.get("wikiDataId") or "", city["country_code"]) for city in json.loads(blob))
    seen: dict[str, set[str]] = defaultdict(set)
    for item, iso in rows:
        if _ITEM.fullmatch(item) and iso:
            seen[item].add(iso)
    return {item: next(iter(isos)) for item, isos in seen.items() if len(isos) == 1}


def parse(docid: str, text: str, ann: str, items: Mapping[str, str]) -> Article:
    """One brat ``.ann`` file (``T`` entities, ``N`` Wikidata references) over ``text``."""
    entities: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    links: dict[str, str] = {}
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            m = _ENTITY.match(fields[1])
            if m and m["type"] in PLACE_TYPES:
                spans = [(int(a), int(b)) for a, b in (s.split() for s in m["spans"].split(";"))]
                entities[fields[0]] = (m["type"], spans, fields[2] if len(fields) > 2 else "")
        elif line.startswith("N") and len(fields) >= 2:
            m = _LINK.match(fields[1])
            if m:
                links[m[1]] = m[2]
    found: dict[str, list[str]] = defaultdict(list)
    supports: list[tuple[int, int]] = []
    for ident, (_kind, spans, phrase) in entities.items():
        iso = items.get(links.get(ident, ""))
        if iso:
            found[iso].append(phrase)
        else:
            supports.extend(spans)
    return Article.of("nerel", docid, text, found, supports=supports, lang="ru")


def articles(gitdir: Path, items: Mapping[str, str], commit: str = COMMIT) -> Iterator[Article]:
    """Every NEREL v1.1 article (train, dev and test folders alike: the halves are eval_toponyms')."""
    tree = GitTree(gitdir, commit)
    texts = sorted(p for p in tree.paths(_FOLDER) if p.endswith(".txt"))
    anns = [p[: -len(".txt")] + ".ann" for p in texts]
    blobs = dict(tree.read_many(texts + anns))  # one git call for both files of all 933 articles
    for text, ann in zip(texts, anns, strict=True):
        docid = text.rsplit("/", 1)[-1][: -len(".txt")]
        yield parse(docid, blobs[text].decode("utf-8"), blobs[ann].decode("utf-8"), items)
