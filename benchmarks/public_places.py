"""A public, never-tuned country/focus evaluation set from Wikipedia's "Portal:Current events".

Run from the repository root::

    python -m benchmarks.public_places [--mirrors DIR] [OUT]    # (re)build OUT

Source: https://github.com/ianrastall/current-events-context at :data:`COMMIT`, day files
``YYYY/MM/YYYY-MM-DD.yaml`` with ``Intelligence_Payload: {<portal section>: [item, ...]}``. The repository
is CC0 1.0 (its ``LICENSE``); the items are verbatim Wikipedia "Portal:Current events" text, CC BY-SA 4.0
(:data:`ATTRIBUTION`). The git dir is ``--mirrors DIR`` holding ``ianrastall+current-events-context/repo``,
else a bare clone in ``~/.cache/wirewatch`` (as ``make topic-sources`` does). OUT defaults to
:data:`DEFAULT_OUT`, the copy committed with its attribution (``benchmarks/data/places/README.md``).

The label comes from the portal's story-line headings, never from wirewatch's gazetteer (that would be
circular). The rules were fixed before wirewatch was run on the set:

1. **Items.** A section's list is the portal's nested list flattened in order. An item is a *story-line
   heading* (:func:`is_heading`) when it carries no trailing source citation ``(BBC)``, has at most
   :data:`HEADING_WORDS` words and does not end in ``. ! ? : ;``; every other item is an *event*.
2. **Which events.** A heading always has at least one child, so a run of consecutive headings is a chain
   of ancestors (each the first child of the one before), and the event right after the run is a
   descendant of all of them. Later events after the same run may belong to an outer level or to no
   heading at all (the flattening lost the depth), so **only the first event after a run is used**
   (:func:`first_events`). Only day files from :data:`FIRST_YEAR` on: before mid-2014 the portal rarely
   used story-line headings. Trailing citations are stripped from the event (:func:`clean`); events under
   6 words are dropped.
3. **Country names** (:func:`country_names`): for every ISO 3166 country of ``pycountry`` (plus Kosovo,
   ``XK``, from CLDR), its pycountry ``name`` when it has no comma, ``common_name``, ``official_name``
   (without a leading "the "), the English CLDR name from Babel (the parenthesised part of ``Myanmar
   (Burma)`` as its own name; ``Congo - Kinshasa`` style names dropped), and the short table
   :data:`ALIASES` of English forms news headings use that neither list has (``Turkey``, ``Ivory Coast``,
   ``Democratic Republic of the Congo``, ``England``..., with ``U.S.``/``UK``). Matching is
   case-sensitive, on whole words, longest name first. :data:`MASKS` (``New Mexico``, ``Gulf of Mexico``,
   ``South China Sea``, ``Niger Delta``...) are blanked first: names that contain a country name but are
   not that country. ``Georgia`` counts only as ``Georgia (country)``: bare, it is as often the U.S. state
   ("2018 Georgia gubernatorial election"). No demonyms: "Syrian civil war"
   names no country, so such runs give no label (an independent demonym list was not at hand).
4. **Label.** The countries the run's headings name (:func:`heading_countries`, in order). A country that
   is one side of a dash compound ("Israel–Hamas war", "Georgia–European Union relations") is a party,
   not a place, and the other side is a second party even when no country of the list: such runs are
   dropped. The set keeps only events whose run names **exactly one** country and no such compound:
   that country is what the event is about.
5. **Sample.** Events are de-duplicated by text; per calendar year from :data:`FIRST_YEAR`, the
   :data:`PER_YEAR` events with the smallest SHA-1 of their text (deterministic, no seed).
6. **Dev split** (:func:`dev_split`, written to :data:`DEFAULT_DEV_OUT`). The test sample above is drawn
   first, from all candidates, exactly as before (its bytes do not change). The dev set is drawn by rule 5
   from the candidates left when every event is removed whose text is a test event's text or whose heading
   run shares **any** heading (whitespace-normalised, case-folded) with any test event's run: no story line
   is in both sets, so tuning on a story's city or province on dev cannot leak into test. The generic
   parent headings ("COVID-19 pandemic", "Russo-Ukrainian War") that some test event carries thus take
   whole story trees out of dev. At :data:`COMMIT`: 14,188 candidates, 4,657 left, 1,357 sampled (2015 and
   2026 have fewer than :data:`PER_YEAR` left: 69 and 38).

Each output row (JSON lines, gzip): ``id`` (first 12 hex of the text's SHA-1), ``date``, ``section`` (the
portal section, e.g. "Armed conflicts and attacks"), ``headings`` (the run), ``country`` (the label,
ISO 3166-1 alpha-2), ``text`` (the event) and ``text_countries`` (every country the event text itself
names by the same list, in order: the ceiling a reader needs, since many events name only a city).

What the labels can measure (``python -m benchmarks.eval_region``): whether ``country`` is among the
story's countries, among its relevant ones, and is its focus country. Not precision: an event may rightly
name other countries. The nearest sound thing is the subset whose text names no country but the label's
(``text_countries`` within ``[country]``): there, any other country wirewatch reports came from a city,
person, organisation or adjective, and is counted as a false positive, so the precision printed for it
is a lower bound (a city of another country can be a right answer).

The test set is never tuned on: no weight, threshold or gazetteer entry of :mod:`stream.places` may be
chosen by looking at it or its errors; at most its totals may be used to reject a change. The dev set is
the one to look at: ``python -m benchmarks.eval_region --public-dev-errors N`` prints its misses.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from stream.build.portal import DAY_FILE, HEADING_WORDS, clean, day_documents, heading_key, is_heading

__all__ = [
    "ALIASES",
    "ATTRIBUTION",
    "COMMIT",
    "DEFAULT_DEV_OUT",
    "DEFAULT_OUT",
    "FIRST_YEAR",
    "HEADING_WORDS",
    "MASKS",
    "PARTY",
    "PER_YEAR",
    "REPO",
    "build",
    "build_candidates",
    "clean",
    "country_names",
    "dev_split",
    "first_events",
    "heading_countries",
    "heading_key",
    "is_heading",
    "load",
    "main",
    "names_in",
    "sample",
]

REPO = "ianrastall/current-events-context"
COMMIT = "4ff6f7d243c81c1df4a919fb4280d9d7e9559bd8"
ATTRIBUTION = (
    "Wikipedia, Portal:Current events (contributors), CC BY-SA 4.0 "
    "(https://creativecommons.org/licenses/by-sa/4.0/), via ianrastall/current-events-context (CC0 1.0)"
)
DEFAULT_OUT = Path(__file__).parent / "data" / "places" / "wcep_places.jsonl.gz"
DEFAULT_DEV_OUT = DEFAULT_OUT.with_name("wcep_places_dev.jsonl.gz")
FIRST_YEAR = 2015
PER_YEAR = 125
MIN_EVENT_WORDS = 6

#: English forms in news headings that neither pycountry nor CLDR English lists (or that they list in
#: another form); every one names one country without doubt.
ALIASES: dict[str, str] = {
    "Turkey": "TR",
    "Ivory Coast": "CI",
    "Cote d'Ivoire": "CI",
    "Côte d'Ivoire": "CI",
    "Democratic Republic of the Congo": "CD",
    "DR Congo": "CD",
    "Republic of the Congo": "CG",
    "East Timor": "TL",
    "Swaziland": "SZ",
    "Republic of Macedonia": "MK",
    "Vatican": "VA",
    "Holy See": "VA",
    "Palestine": "PS",
    "State of Palestine": "PS",
    "Czech Republic": "CZ",
    "U.S.": "US",
    "United States of America": "US",
    "UK": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
    "The Gambia": "GM",
    "the Gambia": "GM",
    "Federated States of Micronesia": "FM",
    "Republic of China": "TW",  # "People's Republic of China" is longer and wins
}

#: Names that contain a country name but are not that country; blanked before matching.
MASKS: tuple[str, ...] = (
    "New Mexico",
    "Gulf of Mexico",
    "New Jersey",
    "Jersey City",
    "South China Sea",
    "East China Sea",
    "Sea of Japan",
    "Gulf of Guinea",
    "Niger Delta",
    "Niger River",
    "Congo River",
    "Jordan River",
    "Jordan Valley",
    "Northern Cyprus",
    "Lebanon, Pennsylvania",
    "Lebanon, Tennessee",
    "Paris, Texas",
    "Panama Papers",
)

#: Marks a country name that is one side of a dash compound ("Israel–Hamas war", "Gaza-Israel conflict").
PARTY = "?"
_DASH_BEFORE = re.compile(r"[A-Z][\w.']*[-–—]$")
_DASH_AFTER = re.compile(r"[-–—][A-Z]")


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every English country name of the independent lists (pycountry, CLDR via Babel, :data:`ALIASES`) -> ISO2."""
    import pycountry
    from babel import Locale

    cldr = Locale("en").territories
    names: dict[str, str] = {}

    def add(name: str | None, code: str) -> None:
        if not name or "," in name or " - " in name:
            return
        name = name.strip().removeprefix("the ")
        for part in re.split(r"\s*[()]\s*", name):
            if part:
                names.setdefault(part, code)

    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = c.alpha_2
        add(c.name, code)
        add(getattr(c, "common_name", None), code)
        add(getattr(c, "official_name", None), code)
        add(cldr.get(code), code)
    add(cldr.get("XK"), "XK")
    for name, code in ALIASES.items():
        names[name] = code
    # A bare "Congo" or "Korea" is ambiguous between two states: it names neither.
    for ambiguous in ("Congo", "Korea"):
        names.pop(ambiguous, None)
    return names


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted(country_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def names_in(text: str) -> list[str]:
    """The countries ``text`` names by :func:`country_names`, in order of first mention, each once."""
    return [code for code in _mentions(text) if code != PARTY]


def _mentions(text: str) -> list[str]:
    """:func:`names_in`, plus :data:`PARTY` after a name that is one side of a dash compound."""
    for mask in MASKS:
        text = text.replace(mask, " " * len(mask))
    table = country_names()
    found: list[str] = []
    for m in _pattern().finditer(text):
        name = m.group(0)
        # "Georgia" is as often the U.S. state ("2018 Georgia gubernatorial election"); only the
        # Wikipedia disambiguation "Georgia (country)" is sure.
        if name == "Georgia" and not text.startswith(" (country)", m.end()):
            continue
        codes = [table[name]]
        if _DASH_BEFORE.search(text, 0, m.start()) or _DASH_AFTER.match(text, m.end()):
            codes.append(PARTY)
        found.extend(code for code in codes if code not in found)
    return found


def heading_countries(run: Iterable[str]) -> list[str]:
    """The countries a run of story-line headings names, in order, each once (the run read as one text).

    A country that is one side of a dash compound ("Israel–Hamas war", "Indonesia–European Union
    relations") also adds :data:`PARTY`: the other side may be no country of the list but is still a
    second party, so such a run never names exactly one country.
    """
    return _mentions(" | ".join(run))


def first_events(items: Iterable[object]) -> Iterator[tuple[list[str], str]]:
    """``(heading run, first event after it)`` for each run of consecutive headings in one section's list."""
    run: list[str] = []
    for item in items:
        if not isinstance(item, str):
            run = []
            continue
        if is_heading(item):
            run.append(" ".join(item.split()))
            continue
        if run:
            yield run, clean(item)
        run = []


def _day_rows(path: str, doc: object) -> Iterator[dict[str, Any]]:
    m = DAY_FILE.match(path)
    payload = doc.get("Intelligence_Payload") if isinstance(doc, dict) else None
    if m is None or int(m.group(1)) < FIRST_YEAR or not isinstance(payload, dict):
        return
    for section, items in payload.items():
        if not isinstance(items, list):
            continue
        for run, text in first_events(items):
            if len(text.split()) < MIN_EVENT_WORDS:
                continue
            countries = heading_countries(run)
            if len(countries) != 1:
                continue
            yield {
                "id": hashlib.sha1(text.encode("utf-8")).hexdigest()[:12],
                "date": m.group(2),
                "section": str(section),
                "headings": run,
                "country": countries[0],
                "text": text,
                "text_countries": names_in(text),
            }


def sample(rows: Iterable[dict[str, Any]], per_year: int = PER_YEAR) -> list[dict[str, Any]]:
    """Rows de-duplicated by text; per year the ``per_year`` with the smallest text SHA-1; sorted by date and SHA-1."""
    by_year: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in rows:
        digest = hashlib.sha1(row["text"].encode("utf-8")).hexdigest()
        by_year[row["date"][:4]].setdefault(digest, row)
    picked: list[tuple[str, str, dict[str, Any]]] = []
    for year in sorted(by_year):
        group = by_year[year]
        picked.extend((group[d]["date"], d, group[d]) for d in sorted(group)[:per_year])
    # Ordered by date, then text SHA-1: the input order never matters.
    return [row for _, _, row in sorted(picked, key=lambda t: t[:2])]


def dev_split(
    candidates: Iterable[dict[str, Any]], test: Iterable[dict[str, Any]], per_year: int = PER_YEAR
) -> list[dict[str, Any]]:
    """The dev sample (rule 6): :func:`sample` of the candidates sharing no text and no heading with ``test``."""
    test = list(test)
    texts = {row["text"] for row in test}
    headings = {heading_key(h) for row in test for h in row["headings"]}
    rest = (
        row for row in candidates if row["text"] not in texts and not any(heading_key(h) in headings for h in row["headings"])
    )
    return sample(rest, per_year)


def build_candidates(gitdir: Path, commit: str = COMMIT) -> list[dict[str, Any]]:
    """Every candidate row (rules 1-4) from the day files of ``gitdir`` at ``commit``, in path order."""
    candidates: list[dict[str, Any]] = []
    for path, doc in day_documents(gitdir, commit, FIRST_YEAR):
        candidates.extend(_day_rows(path, doc))
    return candidates


def build(gitdir: Path, commit: str = COMMIT) -> tuple[list[dict[str, Any]], int]:
    """The sampled test rows from the day files of ``gitdir`` at ``commit``, and how many candidates there were."""
    candidates = build_candidates(gitdir, commit)
    return sample(candidates), len(candidates)


def load(path: Path) -> list[dict[str, Any]]:
    """The rows of a built set (gzip or plain JSON lines)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        return [orjson.loads(line) for line in fh if line.strip()]


def _gitdir(mirrors: Path | None) -> Path:
    from stream.build import topic_sources as ts

    # The same repository and commit as the topic source wcep_cec_en; located (or cloned) only.
    return ts.locate(ts.Source(REPO, COMMIT, ATTRIBUTION, extractor=lambda tree: iter(())), mirrors)


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same commit gives the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        for row in rows:
            fh.write(orjson.dumps(row) + b"\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, help="the test set")
    parser.add_argument("--dev-out", type=Path, default=DEFAULT_DEV_OUT, help="the dev set (rule 6)")
    parser.add_argument("--mirrors", type=Path, help="folder of <owner>+<name>/repo bare git dirs")
    args = parser.parse_args(argv)
    candidates = build_candidates(_gitdir(args.mirrors))
    rows = sample(candidates)
    dev = dev_split(candidates, rows)
    for path, split in ((args.out, rows), (args.dev_out, dev)):
        _write(path, split)
        named = sum(row["country"] in row["text_countries"] for row in split)
        print(
            f"{path}: {len(split)} events of {len(candidates)} candidates; the text names the label's country in {named}",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
