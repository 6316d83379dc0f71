"""Score countries, places and regions of a story from its place mentions, and pick its focus.

Each accepted mention adds ``position weight x source weight`` to its place
and to every country the place counts for:

* position: headline 3, lead (first paragraph of the body) 2, rest 1 —
  a story is about what its top says; a story without a headline weighs its
  first sentence as one;
* source: dateline 4, provider metadata 2 (its place of origin, a NewsML-G2 ``located``, only where the text
  agrees: alone it is listed, never relevant and decides no focus; a country only the provider names is no focus
  when the text names another), a name 1, a metonym 0.8, a
  demonym/adjective 0.6 (an adjective is often incidental: "the French
  president said"; not before an organ of the state: "an Egyptian court"),
  an ambiguous name admitted by context 0.8; an abbreviation before a common
  noun ("U.S. envoy") weighs as a demonym, a name hyphened to an attribute
  ("pro-Kremlin", "Saudi-led") x0.25, a place inside a short quotation
  («Сокровища Персии», "Georgian Dream") x0.3 (after a noun of a thing that bears a quoted name, "группа
  «Ленинград»", "крейсер «Москва»", none), a member of a list of three countries
  or more x0.5, a name or abbreviation before a force noun ("United States
  aircraft", "U.S. troops") x0.5, and a demonym there when another country is
  the scene ("Japanese troops land in South Sudan") x0.5, a plural demonym after
  a number ("three Australians") x0.5 (:mod:`stream.places.geotag` applies these).

Repetition adds up, so a story about Karabakh that names Paris once has
France as a minor country, not its focus. A name in a locative form (the scene
of events: "in Karabakh", "в Карабахе", "Karabağ'da") or alone before a colon opening the headline (its
topic: "Haut-Karabakh : ...") weighs more, a capital
or a seat of government named outside one (a government speaking: "Moscow said", "the Pentagon reports")
less. Scores are
reported as shares of the story total (0..1).

Region names ("the Gulf", "Южный Кавказ", "au Maghreb") are evidence for
their region and no country: they add to the region's score, and when the
headline names a region and no country (or region names outweigh every
country ``REGION_DOMINANCE`` times), the story is about the region: focus
country null, focus region that region.

Otherwise the focus country is the top country, ranked without the weight of a name that only repeats the one
before it (``repeats``: a country right after its own city or subdivision and a comma, "in Stockholm, Sweden", an
address of the place already counted; a demonym or metonym right after its country's possessive, "China's National
People's Congress"), which keeps its share and relevance. A tie passes over a country named only as an origin
("tourists returning from Istanbul") or as a leader's ("President
Yoweri Museveni of Uganda") and goes to a target of the
action, a country named right after "against" or "on": "a probe against Lebanon's
prime minister", "an arms embargo on Iran"; else to the one named first. But a country named only by the dateline must hold ``DATELINE_ONLY_SHARE``
of the story (a WHO warning filed from Geneva about six countries has no focus; set aside, it leaves the focus to
a country the headline names that holds ``HEADLINE_LEAD`` times the next one's share: "Syria's Assad says ..." filed
from BEIRUT), unless the headline names the two leaders jointly ("Armenia and
Azerbaijan agree ...") and the runner-up is close enough (closer still needed unless the headline
says they agree, sign or make a deal; a pair that agrees keeps its story when a host ranks between
them): then the story is about both and the focus country is null; so is it when the leader is a
host the headline names only by a city while pairing two other countries
("Armenia and Azerbaijan initial a text in Washington"). The focus region is the home region of the focus
country (``home`` in regions.yaml, a partition of the world into newsroom
regions); with a null focus, the home region that covers most of the leading
countries (AM+AZ -> south-caucasus, IL+IR -> middle-east). A country without a
home region falls back to the region with the highest
``covered score / log2(1 + size)``. A territory far from its state (New
Caledonia for FR) that carries most of the focus country's weight gives its own
region (oceania).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from stream.places.regions import RegionCatalog

__all__ = [
    "DATELINE_ONLY_SHARE",
    "HEADLINE_LEAD",
    "JOINT_PAIR_RATIO",
    "POSITION_WEIGHTS",
    "SOURCE_WEIGHTS",
    "TIE_TOLERANCE",
    "Scored",
    "Scores",
    "TieParts",
    "position_weight",
    "score",
]

POSITION_WEIGHTS = {"headline": 3.0, "lead": 2.0, "body": 1.0}
SOURCE_WEIGHTS = {"dateline": 4.0, "provider": 2.0, "text": 1.0, "metonym": 0.8, "demonym": 0.6}
AMBIGUOUS_WEIGHT = 0.8
LOCATIVE_WEIGHT = 1.5
SPEAKER_WEIGHT = 0.8
# When the headline names the two leading countries jointly ("Armenia and
# Azerbaijan agree ...") and the runner-up has at least this fraction of the
# leader's score, the story is about both (talks, a border deal, a shared
# disaster) and has no focus country. Closeness alone is not enough: a story
# about one country often names its counterpart as often.
PAIR_RATIO = 0.7
# When the headline also says the pair agree, sign or make a deal ("Kyrgyzstan, Tajikistan sign border
# deal", "Україна та Польща домовилися ..."), both are its subjects: a closer runner-up is enough, though
# the dateline of one side's capital adds to that side (a clash on the border filed from Yerevan is
# Armenia's story, an agreement filed from Bishkek is both sides').
JOINT_PAIR_RATIO = 0.55
# Countries within this fraction of the leader decide a null focus's region.
LEAD_RATIO = 0.5
# A territory far from its state (New Caledonia) sets the focus region when it
# carries more than this share of its country's weight.
FAR_SHARE = 0.5
# A country named only by the dateline is the focus only when it holds at least this
# share: "Datelines do not decide focus by themselves" -- GENEVA over a WHO warning about
# six countries, VATICAN CITY over the Pope's message on three wars have no focus country.
DATELINE_ONLY_SHARE = 0.5
# When the dateline-only leader is set aside, a country the headline names becomes the focus if it holds this many
# times the next country's share.
HEADLINE_LEAD = 2.0
# Countries that win a tie at the top and countries that lose one (targets, background), computed on demand:
# see :func:`score`.
TieParts = Callable[[], tuple[frozenset[str], frozenset[str]]]
# Shares this close (relative) are a tie: the same mentions summed in another order.
TIE_TOLERANCE = 1e-9
# Region names outside the headline make the story a region story when they
# weigh this many times the leading country ("... across the Sahel").
REGION_DOMINANCE = 1.5


class Scored(NamedTuple):
    """One piece of evidence ready to score: its place, its countries and its weight.

    A named tuple, not a frozen dataclass: a story makes one per mention, and a frozen dataclass sets each field
    through ``object.__setattr__`` (about 1 us a mention, 3-4% of the region stage)."""

    place_id: str
    countries: tuple[str, ...]
    weight: float
    dateline: bool = False  # the place of filing, not a mention in the text
    origin: bool = False  # only the provider's place of origin (NewsML-G2 ``located``) in a story naming no country
    provider: bool = False  # the provider's metadata (its places, its origin), not the text


@dataclass(frozen=True, slots=True)
class Scores:
    countries: dict[str, float]
    places: dict[str, float]
    regions: dict[str, float]
    focus_country: str | None
    focus_region: str | None
    origin_only: frozenset[str] = frozenset()  # countries named only as the provider's place of origin


def position_weight(start: int, headline_end: int, lead_end: int) -> float:
    """Weight of a mention starting at ``start`` given where headline and lead end."""
    if start < headline_end:
        return POSITION_WEIGHTS["headline"]
    if start < lead_end:
        return POSITION_WEIGHTS["lead"]
    return POSITION_WEIGHTS["body"]


def score(
    evidence: list[Scored],
    catalog: RegionCatalog,
    pairs: frozenset[frozenset[str]] = frozenset(),
    region_hits: Sequence[tuple[str, float, bool]] = (),
    headline_countries: frozenset[str] = frozenset(),
    hosts: frozenset[str] = frozenset(),
    tie_parts: TieParts | None = None,
    joint: bool = False,
    repeats: dict[str, float] | None = None,
    *,
    metadata: bool = False,
) -> Scores:
    """Aggregate weighted evidence into shares, a focus country and a focus region.

    ``pairs`` are countries the headline names jointly ("Armenia and Azerbaijan"):
    when they are the two leaders, the story is about both and has no focus country; ``joint``, the
    headline says they agree or sign (see :data:`JOINT_PAIR_RATIO`).
    ``region_hits`` are region names (region id, weight, in the headline);
    ``headline_countries`` the countries the headline names; ``hosts`` those it names only
    by a city ("... in Washington"): a host of a pair the headline names is not the focus.
    ``repeats`` are weights per country left out when the focus is chosen (not from the shares): names that
    only repeat the place or country named right before them ("Stockholm, Sweden", "China's National People's
    Congress").
    ``metadata``: some evidence is the provider's (``Scored.provider``, ``Scored.origin``); without it those checks are
    skipped.
    ``tie_parts``, called only when the top is tied, gives the countries named as the target of an action
    ("sanctions against Iran"), which win a tie, and those named only as where something came from
    ("returning from Istanbul") or as a leader's ("President Yoweri Museveni of Uganda"), which lose one.
    """
    countries: dict[str, float] = defaultdict(float)
    places: dict[str, float] = defaultdict(float)
    for ev in evidence:
        places[ev.place_id] += ev.weight
        for iso in ev.countries:
            countries[iso] += ev.weight / len(ev.countries)
    named: dict[str, float] = defaultdict(float)
    for rid, weight, _in_headline in region_hits:
        named[rid] += weight
    total = sum(countries.values()) + sum(named.values())
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
    for rid, weight in named.items():
        regions[rid] += weight / total
    region_focus = _named_region(region_hits, headline_countries, countries)
    # Where the content was filed from (a Reuters desk) is no place it is about: alone it decides nothing.
    origin_only: frozenset[str] = frozenset()
    if metadata and any(ev.origin for ev in evidence):
        origin_only = frozenset(c for c in countries if all(ev.origin for ev in evidence if c in ev.countries))
    focus_country: str | None
    focus_region: str | None
    if region_focus is not None:
        focus_country, focus_region = None, region_focus
    elif origin_only and origin_only.issuperset(countries):
        focus_country, focus_region = None, None
    else:
        focus_shares = shares
        if repeats:
            # Rounded, so that equal evidence left after the subtraction ties exactly (3.0 against 4.8 - 1.8).
            focus_shares = {c: round(s - repeats.get(c, 0.0), 9) / total for c, s in countries.items()}
        focus_country = _focus_country(focus_shares, pairs, hosts, tie_parts, joint) if shares else None
        if metadata and focus_country is not None:
            # A place only the provider's metadata names supports the text, it does not overrule it: AP's "Ukraine"
            # on a video about House Democrats and the Trump impeachment. Where the text names countries, the focus is
            # one of them.
            in_text = {c for ev in evidence if not ev.provider for c in ev.countries}
            if in_text and focus_country not in in_text:
                focus_country = _focus_country(
                    {c: s for c, s in focus_shares.items() if c in in_text}, pairs, hosts, tie_parts, joint
                )
        lead_shares = shares
        if focus_country is not None and shares[focus_country] < DATELINE_ONLY_SHARE and _dateline_only(focus_country, evidence):
            # The story is about what it names; the seat it was filed from neither decides
            # the focus country nor the region of the countries it is about.
            focus_country = None
            lead_shares = {c: s for c, s in shares.items() if not _dateline_only(c, evidence)} or shares
            # What the text is about then decides: the headline's country, when it leads the rest clearly ("Syria's
            # Assad says ..." filed from BEIRUT); a WHO warning from Geneva about six countries has none.
            rest = sorted(((c, s) for c, s in lead_shares.items() if not _dateline_only(c, evidence)), key=lambda kv: -kv[1])
            if rest and rest[0][0] in headline_countries and (len(rest) == 1 or rest[0][1] >= HEADLINE_LEAD * rest[1][1]):
                focus_country = rest[0][0]
        focus_region = _far_territory(focus_country, evidence, catalog) or _focus_region(
            lead_shares, regions, focus_country, catalog
        )
    return Scores(
        countries=shares,
        places=place_shares,
        regions={r: min(1.0, s) for r, s in regions.items()},
        focus_country=focus_country,
        focus_region=focus_region,
        origin_only=origin_only,
    )


def _named_region(
    region_hits: Sequence[tuple[str, float, bool]], headline_countries: frozenset[str], countries: dict[str, float]
) -> str | None:
    """A region the story is about as a whole: named in a headline that names no country, or outweighing every country."""
    if headline_countries or not region_hits:
        return None
    in_headline: dict[str, float] = defaultdict(float)
    overall: dict[str, float] = defaultdict(float)
    for rid, weight, headline in region_hits:
        overall[rid] += weight
        if headline:
            in_headline[rid] += weight
    if in_headline:
        return max(sorted(in_headline), key=lambda r: (in_headline[r], overall[r]))
    top = max(sorted(overall), key=lambda r: overall[r])
    return top if overall[top] >= REGION_DOMINANCE * max(countries.values(), default=0.0) else None


def _dateline_only(country: str, evidence: list[Scored]) -> bool:
    """Whether every piece of evidence for ``country`` is the dateline."""
    return all(ev.dateline for ev in evidence if country in ev.countries)


def _far_territory(focus_country: str | None, evidence: list[Scored], catalog: RegionCatalog) -> str | None:
    """The home-type region of a territory far from its state when it carries most of the country's weight.

    New Caledonia counts for FR but lies in Oceania: a story about it has focus
    FR / oceania (regions.yaml lists the territory under the region's places).
    """
    if focus_country is None or focus_country not in catalog.home:
        return None
    own = catalog.home[focus_country]
    homes = catalog.home_regions
    total = 0.0
    elsewhere: dict[str, float] = defaultdict(float)
    for ev in evidence:
        if focus_country in ev.countries:
            total += ev.weight
            for rid in catalog.by_place.get(ev.place_id, ()):
                # Gaza is in levant and middle-east; only a region that leaves out
                # the country itself is "far" (oceania for New Caledonia and FR).
                if rid in homes and rid != own and focus_country not in catalog.regions[rid].countries:
                    elsewhere[rid] += ev.weight
    if not elsewhere:
        return None
    best = max(sorted(elsewhere), key=lambda r: elsewhere[r])
    return best if elsewhere[best] > FAR_SHARE * total else None


def _focus_country(
    shares: dict[str, float],
    pairs: frozenset[frozenset[str]],
    hosts: frozenset[str] = frozenset(),
    tie_parts: TieParts | None = None,
    joint: bool = False,
) -> str | None:
    # A stable sort: on a tie the country named first (dateline, headline) leads, but not a country named
    # only as where someone came from ("a bus carrying tourists returning from Istanbul crashes near ...,
    # Bulgaria": where it happened is the story) or as a leader's ("President Yoweri Museveni of Uganda
    # announces an end to cooperation with North Korea": the speaker), and before a tied country that is the target of the action
    # ("Monaco's authorities close a probe against Lebanon's prime minister": the actor comes first in the
    # sentence, what it acts on is what the story is about).
    ranked = sorted(shares.items(), key=lambda kv: -kv[1])
    if tie_parts is not None and len(ranked) > 1 and math.isclose(ranked[0][1], ranked[1][1], rel_tol=TIE_TOLERANCE):
        targets, background = tie_parts()
        if background:
            ranked = _tie_to(ranked, lambda iso: iso not in background)
        if targets:
            ranked = _tie_to(ranked, lambda iso: iso in targets)
    first = ranked[0][0]
    if first in hosts and any(first not in pair for pair in pairs):
        # "Armenia and Azerbaijan initial a text in Washington", "Moscow hosts talks of Armenia and
        # Azerbaijan": the headline names the leader only by the city where the pair meets.
        return None
    if len(ranked) > 1:
        (first, s1), (second, s2) = ranked[0], ranked[1]
        if s2 >= (JOINT_PAIR_RATIO if joint else PAIR_RATIO) * s1 and frozenset((first, second)) in pairs:
            return None
        if joint and any(s >= JOINT_PAIR_RATIO * s1 and frozenset((first, c)) in pairs for c, s in ranked[2:]):
            # "BUCAREST - ... la Géorgie et l'Azerbaïdjan signent ...": the host filing the story may come
            # between the two who agree.
            return None
    return ranked[0][0]


def _tie_to(ranked: list[tuple[str, float]], prefer: Callable[[str], bool]) -> list[tuple[str, float]]:
    """``ranked`` with the first country tied with the top for which ``prefer`` holds moved to the top, unless it holds for the top."""
    if len(ranked) < 2 or prefer(ranked[0][0]):
        return ranked
    top = ranked[0][1]
    for i, (iso, share) in enumerate(ranked[1:], 1):
        if not math.isclose(share, top, rel_tol=TIE_TOLERANCE):
            break
        if prefer(iso):
            return [ranked[i], *ranked[:i], *ranked[i + 1 :]]
    return ranked


def _focus_region(
    shares: dict[str, float], regions: dict[str, float], focus_country: str | None, catalog: RegionCatalog
) -> str | None:
    """The home region of the focus country, else the home region covering the leading countries."""
    if focus_country is not None and focus_country in catalog.home:
        return catalog.home[focus_country]
    if focus_country is None and catalog.home:
        top = max(shares.values())
        lead = {c: s for c, s in shares.items() if s >= LEAD_RATIO * top}
        candidates = sorted({catalog.home[c] for c in lead if c in catalog.home})
        if candidates:

            def cover(rid: str) -> tuple[float, int]:
                members = catalog.regions[rid].countries
                return sum(s for c, s in lead.items() if c in members), -len(members)

            return max(candidates, key=cover)
    # A country without a home region: the most specific well-covering region.
    best, found = 0.0, None
    for rid in sorted(regions):
        size = max(1, len(catalog.regions[rid].countries))
        value = regions[rid] / math.log2(1 + size)
        if value > best + 1e-9:
            best, found = value, rid
    return found
