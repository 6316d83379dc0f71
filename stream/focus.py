"""Score countries, places and regions of a story from its place mentions, and pick its focus.

Each accepted mention adds ``position weight x source weight`` to its place
and to every country the place counts for:

* position: headline 3, lead (first paragraph of the body) 2, rest 1 —
  a story is about what its top says;
* source: dateline 4, provider metadata 2, a name 1, a metonym 0.8, a
  demonym/adjective 0.6 (an adjective is often incidental: "the French
  president said"), an ambiguous name admitted by context 0.8.

Repetition adds up, so a story about Karabakh that names Paris once has
France as a minor country, not its focus. Scores are reported as shares of
the story total (0..1). The focus country is the top country. The focus
region is the region with the highest ``covered score / log2(1 + size)``:
coverage rewards regions that hold all the story's countries, the size
penalty prefers the most specific one, so an Armenia-Azerbaijan story lands
in south-caucasus and not in asia, and an Israel-Iran story in middle-east.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from stream.regions import RegionCatalog

__all__ = ["POSITION_WEIGHTS", "SOURCE_WEIGHTS", "Scored", "Scores", "position_weight", "score"]

POSITION_WEIGHTS = {"headline": 3.0, "lead": 2.0, "body": 1.0}
SOURCE_WEIGHTS = {"dateline": 4.0, "provider": 2.0, "text": 1.0, "metonym": 0.8, "demonym": 0.6}
AMBIGUOUS_WEIGHT = 0.8


@dataclass(frozen=True, slots=True)
class Scored:
    """One piece of evidence ready to score: its place, its countries and its weight."""

    place_id: str
    countries: tuple[str, ...]
    weight: float


@dataclass(frozen=True, slots=True)
class Scores:
    countries: dict[str, float]
    places: dict[str, float]
    regions: dict[str, float]
    focus_country: str | None
    focus_region: str | None


def position_weight(start: int, headline_end: int, lead_end: int) -> float:
    """Weight of a mention starting at ``start`` given where headline and lead end."""
    if start < headline_end:
        return POSITION_WEIGHTS["headline"]
    if start < lead_end:
        return POSITION_WEIGHTS["lead"]
    return POSITION_WEIGHTS["body"]


def score(evidence: list[Scored], catalog: RegionCatalog) -> Scores:
    """Aggregate weighted evidence into shares, a focus country and a focus region."""
    countries: dict[str, float] = defaultdict(float)
    places: dict[str, float] = defaultdict(float)
    for ev in evidence:
        places[ev.place_id] += ev.weight
        for iso in ev.countries:
            countries[iso] += ev.weight / len(ev.countries)
    total = sum(countries.values())
    if total <= 0:
        return Scores({}, {}, {}, None, None)
    shares = {c: s / total for c, s in countries.items()}
    place_shares = {p: s / total for p, s in places.items() if p not in countries}
    regions: dict[str, float] = defaultdict(float)
    for iso, share in shares.items():
        for rid in catalog.of_country(iso):
            regions[rid] += share
    # A place listed in a region whose countries do not include its sovereign
    # still pulls the story there (a region defined by its territories).
    for pid, share in place_shares.items():
        for rid in catalog.by_place.get(pid, ()):
            region = catalog.regions[rid]
            if not any(c in region.countries for ev in evidence if ev.place_id == pid for c in ev.countries):
                regions[rid] += share
    focus_country = max(sorted(shares), key=lambda c: shares[c])
    focus_region = None
    best = 0.0
    for rid in sorted(regions):
        region = catalog.regions[rid]
        size = max(1, len(region.countries))
        value = regions[rid] / math.log2(1 + size)
        if value > best + 1e-9:
            best, focus_region = value, rid
    return Scores(
        countries=shares,
        places=place_shares,
        regions={r: min(1.0, s) for r, s in regions.items()},
        focus_country=focus_country,
        focus_region=focus_region,
    )
