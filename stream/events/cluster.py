"""Online clustering of enriched stories into events, across languages, with near-duplicate detection.

Single pass, as EMM NewsBrief does it: each story is compared with the events still open (last story
within :attr:`Clusterer.window` seconds, :data:`WINDOW`, a week, by default) that share a specific
term with it, and joins the best one scoring at least :data:`JOIN_SCORE` (:data:`CROSS_JOIN_SCORE`
against an event none of whose stories is in the story's language); otherwise it
opens a new event. The score of a story against an event is the geometric mean of two coverages,
each averaged over families of terms with the family weights
(:data:`stream.events.features.FAMILY_WEIGHT`; words only in the story's language): the idf-weighted
share of the story's terms that the event has, and the share of the event's core terms (those of at
least half its stories) that the story has. The second keeps a short story that shares a capital
city and a weekday from joining a long event. Countries and topics alone never join: the specific
families (places, names, numbers, words) must contribute at least :data:`MIN_SPECIFIC` of the score
(:data:`CROSS_MIN_SPECIFIC` with the cross-language threshold), so two unrelated stories about one
country stay apart. One exception: a story with no name keys (in Chinese, Japanese or Thai script,
say), compared with an event none of whose stories is in its language, has nothing but places and
numbers to show it is the same happening; for it the country counts as specific too, provided it
shares a topic with the event (so a Chinese football report does not join a Swedish election).
Names guessed from Chinese characters (``h:`` terms of :mod:`stream.events.features`) count as names
where the event has that key (as a name or a guess) and are left out of both coverages where it has
not, so a run of characters that was no name, or a name spelt otherwise, costs nothing. And
one veto: a story whose confident topics (found by the rules, ``r:`` terms) fall under other top-level
Media Topics than all of the event's does not join it (a rugby match in Tbilisi and a protest in
Tbilisi, scoring about 0.49), unless it scores at least :data:`VETO_BELOW` against it: then the rules
read one happening two ways (a stadium crush as sport in one report, unrest in another). The topic
model's guesses never veto.

Events split early (the first stories in different languages each opened one, too far apart in words
to join) are merged when a later story joins one of them and also scores at least :data:`MERGE_SCORE`
against another that it qualifies for: the event opened first (then the smaller id) keeps its id, the
others are absorbed, and their stories map to it from then on (:attr:`Assignment.merged` names them).
The choice rests only on the events, so a replay merges the same way. A story may also merge a part it
matches too weakly itself: when it joins an event, the small events (:data:`RECHECK_STORIES`) in other
languages sharing the event's core names, places and numbers are scored against the grown event as if
each were one story, and merged in when they qualify at the cross-language thresholds
(:data:`RECHECK_SCORE`). A story that qualifies for nothing still joins a candidate in other languages
scoring just under the cross-language threshold (:data:`NEAR_SCORE`) when no other candidate comes
within half its score (:data:`NEAR_RATIO`).

``JOIN_SCORE`` and ``MIN_SPECIFIC`` predate any evaluation; the window, the cross-language
thresholds, the rule for stories without name keys, the topic veto, merging, the re-check of small events, near misses and the approximate numbers of
:mod:`stream.events.features` were chosen on the tune half of the ITN corpus only (events with an even
Wikidata number; see :mod:`benchmarks.eval_events`, which also lists what was tried and left out).

Before clustering, a story whose MinHash sketch estimates a Jaccard similarity of 0.4 or more with
a recent story's (:mod:`stream.events.fingerprint`) is a near-duplicate: it gets ``duplicate_of`` and that story's event,
and counts in the event's ``duplicates``, not its ``stories``. A new version of a known story id keeps
its event and is neither.

State is bounded and plain: events (LRU by last story, at most ``max_events``, expired after the
window), the inverted index of their terms, document frequencies (at most ``max_terms``) and recent
fingerprints. :meth:`EventRecord.to_dict` is what ``wire.events`` and a table would carry.

Cost (CPU of :meth:`Clusterer.assign` on the bench's wire-length stories, median of the non-duplicates,
``python -m benchmarks.bench_events``; A/B in one process, alternating, since the machine is shared):
each round below leaves every assignment as it was unless it says otherwise.

- One pass over a story's terms weighs them (idf) and sorts them by family for :class:`_Probe`, and the
  candidate look-ups read the probe's families instead of asking each term its family again; document
  frequencies are a Counter updated in C. 418 -> 394 us (median of six alternating runs; per section
  before: candidates 82, probe scores 77, duplicate look-up 38, re-check 37, event upkeep 36, probe 31,
  idf 26 us). Tried: counting postings into a plain dict with ``collections._count_elements`` (no
  faster than the Counter: ~40 ns an event id either way, ~1,000 ids a story, which is the floor of an
  exact count); a compiled build (``mypyc`` of this module and :mod:`.fingerprint` at e397792: the same
  assignments, median 363 -> 283 us; not taken: every install would need a C compiler and a build step,
  and it does not reach 200 us either). Then (third round) :meth:`_Probe.score` tests the story's terms
  for membership in the event's dict instead of intersecting dict views: the same assignments, about 3 %.
- :data:`COMMON_TERM_EVENTS` 64 -> 8 (assignments move; chosen on the ITN tune half, see there): median
  398 -> 299-354 us in alternating runs, ``bench_events`` 376 us after both rounds (413 before). Tried and
  left: 8 with :data:`CANDIDATES` 3 (another ~15 % off, tune cross-lingual 0.7790 -> 0.7784, ECB+ 0.759,
  mean 0.761: below the tune bar of 0.779, kept at 4). Both rounds together, on the docs ``bench_events``
  builds (its Pipeline over ``benchmarks.corpus``), in one process against main at e397792: 459 -> 393 us
  (medians of five alternating runs; the first round alone, every assignment identical: 431 -> 417).
  Tried and left, cost: ``RECHECK_CANDIDATES`` 1 (tune cross-lingual 0.7787, merges followed 0.7855 ->
  0.7836, no measurable saving), ``RECHECK_STORIES`` 1 (no change, no saving); selecting only the core
  terms' weights in one comprehension before grouping them in :func:`_core`, and one C-level reduce for
  the duplicate index's bit masks: no measurable saving (the second slower); so for adding a story's
  terms to its event in one ``dict.update`` after the new terms' postings (median 365 vs 368 us).
- Third round: stories read from a shorter lead (:data:`stream.events.features.LEAD_CHARS` 1,500 -> 500,
  ``WORD_UNITS`` 80 -> 50; assignments move, see there for the ITN and ECB+ checks): terms a wire story, median,
  113 -> 62, ``bench_events`` 315-350 -> 194-198 us. With it, identical assignments: the duplicate index masks a
  sketch once for ``find`` and ``add`` and takes its bound for every candidate in one comprehension (about
  2 us of 33), and :meth:`Clusterer._count` reads a story's countries and topics from its probe's families.
  Then, also with the same assignments: :class:`_Probe` reads a story's terms as runs of one family (one
  lookup of the family's dict and total per run, not per term: 29 -> 25 us a probe), and a score sums both
  coverages in one pass and reads shared names through ``map`` (12.4 -> 11.6 us a score); 191 -> 185 us in
  one process, alternating. Tried and left (no saving beyond the noise of about 5 us): the core terms
  picked out with ``itertools.compress``. ``CANDIDATES`` 3 would save another 7 % (182-188 us), but the ITN tune half reads
  0.7829 against 0.7835: left at 4, as in the second round. ``INDEXED`` 6 or ``MAX_POSTING`` 64 in
  :mod:`.fingerprint`: no measurable saving.

What was tried for cross-lingual quality in that round, on the ITN tune half only, and left out (tune
cross-lingual 0.7790 with the settings above; monolingual 0.910 in every row):

- ``CROSS_MIN_SPECIFIC`` below 0.1: 0.01-0.06 all give 0.7822 (merges followed 0.7879), 0.07-0.08 0.7815,
  0 gives 0.7882 (0.7936). Left at 0.1: on the bench's wire-length stories (multilingual, templated, no
  gold) 0.06 or 0 lets 41 of 3,000 stories join an event they would have opened, and those read as other
  happenings told alike (a central bank raising its rate to 83 % joining one raising it to 27 %, one final
  score joining another); ITN's sparse week (about one event per country) cannot show that. The gain at 0
  is mostly Chinese and Thai blurbs: dropping the minimum for stories without name keys alone gives 0.7852
  (0.7925), left out for the same reason (they join on a country or a topic alone).
- Scoring, when nothing qualified, 2, 4 or 8 more events by the count of names, places and numbers: 0.7797,
  0.7793, 0.7793 (noise). Numbers or places left out of that count: 0.7790 (no change). Re-checking the
  small events in other languages among all sharing core terms, not just the two sharing most: 0.7790.
- ``CANDIDATES`` 3, 5, 6: 0.7784, 0.7773, 0.7781; ``NAME_CANDIDATES`` 2, 3: 0.7782, 0.7766; ``MERGE_SCORE``
  0.45 and 0.55: 0.7790 (no change).
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import math
import operator
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from stream.events.features import FAMILY_WEIGHT, SPECIFIC, StoryFeatures, extract
from stream.events.fingerprint import DuplicateIndex

__all__ = [
    "CANDIDATES",
    "CROSS_JOIN_SCORE",
    "CROSS_MIN_SPECIFIC",
    "JOIN_SCORE",
    "MERGE_SCORE",
    "MIN_SPECIFIC",
    "NAME_CANDIDATES",
    "RECHECK_CANDIDATES",
    "RECHECK_SCORE",
    "RECHECK_STORIES",
    "VETO_BELOW",
    "WINDOW",
    "Assignment",
    "Clusterer",
    "EventRecord",
    "event_message",
    "score",
]

#: Seconds an event stays open after its last story: a week, since blurbs and follow-ups of one event
#: keep coming for days (48 h, the first default, split events that the ITN tune half shows last longer).
WINDOW = 7 * 24 * 3600.0
#: A story joins the best open event scoring at least this much (0..1).
JOIN_SCORE = 0.4
#: ... of which the specific families (places, names, numbers, words) must bring at least this much.
MIN_SPECIFIC = 0.15
#: The same two thresholds when none of the event's stories is in the story's language and it has at
#: least CROSS_MIN_STORIES stories: words cannot be compared then, so the score rests on places, names
#: and numbers alone and runs lower. Events of one story were first held to the strict ones (its terms
#: are one story's, dateline and all: a football report from Yerevan shares the city with any Yerevan
#: story); since the topic veto, name guesses and merging, the lower ones for them too do better on the
#: ITN tune half (cross-lingual F1 0.754 -> 0.767), and ``cross_min_stories=2`` restores the old rule.
CROSS_JOIN_SCORE = 0.3
CROSS_MIN_SPECIFIC = 0.1
CROSS_MIN_STORIES = 1
#: The specific families, countries included, for a story without name keys (Chinese, Japanese, Thai...)
#: compared with an event in other languages with which it shares a topic.
NAMELESS_SPECIFIC = SPECIFIC | {"c"}
#: The topic veto holds below this score only: a story matching an event this closely is part of it
#: even if the rules file the two under different subjects (tuned on the ITN tune half: 0.6 and 0.7 gave
#: the same F1, 0.8 a little less; the demo's rugby match scores about 0.49 against the protest).
VETO_BELOW = 0.7
#: A story that joins one event and also qualifies for another open one scoring at least this much
#: shows them to be parts of one event, split early (first stories in different languages each opened
#: their own): they are merged. None: never merge.
MERGE_SCORE: float | None = 0.5
#: Events split early stay apart when no single later story matches both well enough to merge them: a
#: one-story Chinese event and a grown event of five languages. So when a story joins an event, the
#: open events of at most RECHECK_STORIES stories, none in a language the grown event has, among the
#: RECHECK_CANDIDATES sharing most of its core names, places and numbers, are scored against it as one
#: story, and merged into it when they score at least RECHECK_SCORE (the cross-language join threshold)
#: with the cross-language minimum of specific evidence. None: never. Chosen on the ITN tune half
#: (cross-lingual F1 0.750 -> 0.754; see benchmarks.eval_events).
RECHECK_STORIES = 2
RECHECK_CANDIDATES = 2  # 4 before the cost round (see CANDIDATES)
RECHECK_SCORE: float | None = 0.3
#: A story that qualifies for no event still joins its best candidate in other languages scoring at
#: least NEAR_SCORE (below CROSS_JOIN_SCORE) with the cross-language minimum of specific evidence, when
#: that score is at least NEAR_RATIO times every other candidate's: a near miss with no rival is the
#: same happening told with fewer shared names. None: never. Chosen on the ITN tune half (cross-lingual
#: F1 0.763 -> 0.768; 0.26-0.29 and ratios 1.5-3 all gave 0.766-0.769; see benchmarks.eval_events);
#: lowering CROSS_JOIN_SCORE itself to 0.28 had lost (0.737): there near misses outbid better matches.
NEAR_SCORE: float | None = 0.27
NEAR_RATIO = 2.0
#: Terms an event keeps (the heaviest); it is trimmed back to this when it holds twice as many.
EVENT_TERMS = 200
#: Events looked at in full per story (those sharing most terms with it). 8 until the cost round on wire-length
#: stories: 4 scores half as many events, and the ITN tune half reads the same (cross-lingual 0.773 -> 0.774,
#: with RECHECK_CANDIDATES 4 -> 2; 6/4: 0.775, 4/4: 0.774); ECB+ (checked, never chosen on) 0.773 -> 0.774.
CANDIDATES = 4
#: ... and besides them the events (at most this many) sharing most names, places and numbers, words left out.
#: Words are shared mostly within a language, so a count that includes them ranks events in the story's own
#: language first: a Thai blurb on the Mahsa Amini protests shares more Thai words with other Thai events
#: than names and places with the event of six languages it belongs to, which then is never scored. Chosen on
#: the ITN tune half: cross-lingual 0.774 -> 0.777 (2: 0.777, 4: 0.776; words at half weight in one count
#: instead: 0.774; 3 + 1: 0.776).
NAME_CANDIDATES = 1
#: A term carried by more open events than this is too common to find candidates by (nor small events to
#: re-check). 64 until the second cost round: counting the event ids of every posting was the floor of
#: :meth:`Clusterer._candidates` (~1,000 ids a wire story, ~40 ns each), most of them from capitals, dates and
#: names in many events. 8, checked on the ITN tune half (chosen there: cross-lingual 0.7786 -> 0.7790, mono
#: 0.910 unchanged; 16 and 12: unchanged, 6: 0.7783, 4: 0.7773) and ECB+ (never chosen on: 0.758 -> 0.759,
#: mean of 10 orders 0.760 -> 0.760), cuts the wire-length median by about a sixth. Both corpora hold a few
#: hundred open events at most; a week of a real wire holds thousands, where a story whose every specific
#: term is in more than 8 of them finds candidates only by its rarer ones (words, numbers).
COMMON_TERM_EVENTS = 8
#: Story timestamps kept per event for its velocity.
RECENT_TIMES = 256


@dataclass(slots=True)
class EventRecord:
    """An event: the stories of one happening, in any language. JSON-ready with :meth:`to_dict`."""

    id: str
    first_seen: float
    last_seen: float
    stories: int = 0
    duplicates: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    regions: Counter[str] = field(default_factory=Counter)
    focus: Counter[str] = field(default_factory=Counter)  # "country/region" of member stories
    topics: Counter[str] = field(default_factory=Counter)
    headlines: dict[str, str] = field(default_factory=dict)  # language -> first headline in it
    terms: dict[str, float] = field(default_factory=dict)  # term -> summed base weight
    recent: list[float] = field(default_factory=list)  # member story times, newest last
    cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # derived, never serialised

    def velocity(self, now: float | None = None, span: float = 3600.0) -> float:
        """Stories per hour over the last ``span`` seconds before ``now`` (default: the last story)."""
        end = self.last_seen if now is None else now
        return sum(1 for t in self.recent if end - span < t <= end) * 3600.0 / span

    def to_dict(self, *, full: bool = True) -> dict[str, Any]:
        """The record; ``full=False`` leaves out the term weights and story times (what ``wire.events``
        carries: its 20 heaviest terms are ``key_terms``)."""
        focus = self.focus.most_common(1)[0][0].split("/") if self.focus else [None, None]
        out = {
            "schema": "wirewatch.event/1",
            "id": self.id,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "stories": self.stories,
            "duplicates": self.duplicates,
            "languages": dict(self.languages.most_common()),
            "sources": dict(self.sources.most_common()),
            "countries": dict(self.countries.most_common()),
            "regions": dict(self.regions.most_common()),
            "focus": {"country": focus[0] or None, "region": focus[1] or None},
            "topics": dict(self.topics.most_common()),
            "headlines": dict(self.headlines),
            "velocity": self.velocity(),
        }
        if full:
            out["terms"] = dict(self.terms)
            out["recent"] = list(self.recent)
        else:
            # nsmallest, not a full sort: an event holds up to 400 terms and this runs for every story.
            out["key_terms"] = [t for t, _ in heapq.nsmallest(20, self.terms.items(), key=lambda kv: (-kv[1], kv[0]))]
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventRecord:
        focus = d.get("focus") or {}
        key = f"{focus.get('country') or ''}/{focus.get('region') or ''}"
        return cls(
            id=d["id"],
            first_seen=d["first_seen"],
            last_seen=d["last_seen"],
            stories=d.get("stories", 0),
            duplicates=d.get("duplicates", 0),
            languages=Counter(d.get("languages", {})),
            sources=Counter(d.get("sources", {})),
            countries=Counter(d.get("countries", {})),
            regions=Counter(d.get("regions", {})),
            focus=Counter({key: d.get("stories", 1)}) if key != "/" else Counter(),
            topics=Counter(d.get("topics", {})),
            headlines=dict(d.get("headlines", {})),
            terms=dict(d.get("terms", {})),
            recent=list(d.get("recent", [])),
        )


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one story went: its event, whether it opened it, and what it duplicates."""

    story_id: str
    event_id: str
    new_event: bool
    score: float  # against the event it joined; 1.0 when it opened it or duplicates a story
    duplicate_of: str | None = None
    similarity: float | None = None  # estimated Jaccard similarity with the story it duplicates
    merged: tuple[str, ...] = ()  # open events this story showed to be parts of its event, absorbed into it


def event_message(assignment: Assignment, event: EventRecord) -> dict[str, Any]:
    """What ``wire.events`` carries for one story placed in an event (schema ``wirewatch.story-event/1``)."""
    return {
        "schema": "wirewatch.story-event/1",
        "story_id": assignment.story_id,
        "event_id": assignment.event_id,
        "new_event": assignment.new_event,
        "duplicate_of": assignment.duplicate_of,
        "merged": list(assignment.merged),
        "event": event.to_dict(full=False),
    }


def _event_id(story_id: str, time: float) -> str:
    return "ev-" + hashlib.blake2b(f"{story_id}@{time:.0f}".encode(), digest_size=8).hexdigest()


def _other_name(term: str) -> str | None:
    """A name key's other form: ``h:`` (guessed from Han characters) for ``n:`` and the reverse."""
    fam = term[0]
    return ("h" if fam == "n" else "n") + term[1:] if fam in "nh" else None


def _core(event: EventRecord) -> dict[str, list[str]]:
    """The event's terms carried by at least half its stories, by family (words by ``w:<language>``)."""
    cached = event.cache.get("core")
    if cached is not None and cached[0] == event.stories:
        return cached[1]
    half = max(event.stories, 1) / 2.0
    out: dict[str, list[str]] = {}
    for term, w in event.terms.items():
        if w >= half and term[0] != "h":  # a guessed name is not something other stories must have
            out.setdefault(term[: term.index(":", 2)] if term[0] == "w" else term[0], []).append(term)
    event.cache["core"] = (event.stories, out)
    return out


def _subjects(event: EventRecord) -> frozenset[str]:
    """The event's ``r:`` terms (confident top-level topics of its stories), cached per story count."""
    cached = event.cache.get("subjects")
    if cached is not None and cached[0] == event.stories:
        return cached[1]
    out = frozenset(t for t in event.terms if t[0] == "r")
    event.cache["subjects"] = (event.stories, out)
    return out


def subjects_differ(story: StoryFeatures, event: EventRecord) -> bool:
    """Whether the story's confident top-level topics and the event's are both known and disjoint: a
    rugby match in Tbilisi is not part of a protest in Tbilisi (see :data:`VETO_BELOW`)."""
    return _disjoint([t for t in story.terms if t[0] == "r"], event)


def _disjoint(mine: list[str], event: EventRecord) -> bool:
    if not mine:
        return False
    theirs = _subjects(event)
    return bool(theirs) and not any(t in theirs for t in mine)


def score(story: StoryFeatures, event: EventRecord, idf: dict[str, float]) -> tuple[float, float]:
    """(total, specific part) of a story's match with an event; see the module docstring."""
    return _Probe(story, {}, 0, idf).score(event)


def _leaders(shared: Counter[str], n: int) -> Iterable[tuple[str, int]]:
    """The events of ``shared`` (event id -> shared terms) that can be among the ``n`` sharing most.

    A long story shares a term with hundreds of events; only those with at least the ``n``-th highest
    count can be chosen, so the full sort key (which looks up each event) is built for those alone."""
    if len(shared) <= n:
        return shared.items()
    floor = heapq.nlargest(n, shared.values())[-1]
    return [kv for kv in shared.items() if kv[1] >= floor]


class _Probe:
    """A story's terms weighed once, then scored against each candidate event.

    A 2,000-character wire story has about 140 terms and meets 8 candidate events: walking every term
    for every event cost about 150 us an event. Here a story's own totals are summed once and each
    event costs a set intersection per family. Shared weights are summed with :func:`math.fsum`, whose
    result does not depend on the order of a set (which changes with the process's string hashing), so
    a replay in another process scores exactly alike.
    """

    __slots__ = ("alt", "families", "language", "mine", "names", "subjects", "totals", "words")

    def __init__(self, story: StoryFeatures, df: dict[str, int], n: int, idf: dict[str, float] | None = None) -> None:
        """Each of the story's terms weighs its base weight times its idf, ``log(1 + n / (1 + df))`` as
        :meth:`Clusterer._idf` has it, computed here in the one pass that sorts the terms by family
        (a separate weighed dict cost a second pass over the ~120 terms of a wire story); ``idf``, when
        given, is used instead (term -> factor, 1.0 for a term it lacks: :func:`score`)."""
        self.language = story.language
        # Per family, what the story brings whatever the event: words count only in the event's
        # language, guessed names (h:) only where they meet a name, so both are added per event.
        families: dict[str, dict[str, float]] = {}
        names: dict[str, float] = {}  # n: and h: terms
        totals: dict[str, float] = {}
        words: float | None = None
        subjects: list[str] = []  # for the topic veto, once per story
        alt: dict[str, str] = {}  # names meet names guessed from Han characters, and the reverse
        guesses = False
        get = df.get
        log = math.log
        # Terms come in runs of one family (extract writes them so; guessed names may sit inside a run of
        # names): each run's family dict and running total are looked up once, not per term. A family met
        # again later (an event's terms read as one story, in _recheck) goes on from its total so far, so
        # each total adds its terms in the story's order either way.
        cur = ""  # the family of the run being read
        run = 0.0
        family: dict[str, float] = {}
        for term, w in story.terms.items():
            weight = w * log(1.0 + n / (1.0 + get(term, 0))) if idf is None else w * idf.get(term, 1.0)
            fam = term[0]
            if fam == "h":
                names[term] = weight
                alt["n" + term[1:]] = term
                guesses = True
                continue  # a guess brings nothing to the totals whatever the event
            if fam != cur:
                if cur == "w":
                    words = run
                elif cur:
                    totals[cur] = run
                cur = fam
                run = (words or 0.0) if fam == "w" else totals.setdefault(fam, 0.0)
                if fam != "n":
                    family = families.setdefault(fam, {})
            run += weight
            if fam == "n":
                names[term] = weight
                alt["h" + term[1:]] = term
            else:
                family[term] = weight
                if fam == "r":
                    subjects.append(term)
        if cur == "w":
            words = run
        elif cur:
            totals[cur] = run
        self.families = families
        self.names = names
        self.totals = totals
        self.words = words
        self.subjects = subjects
        self.alt = alt
        mine = set(story.terms)
        if guesses:  # its Han name guesses meet the event's core names
            mine = {"n" + t[1:] if t[0] == "h" else t for t in mine}
        self.mine = mine

    def score(self, event: EventRecord) -> tuple[float, float]:
        # Membership tests of the story's terms in the event's dict, not ``keys() & keys()``: a set
        # operation with a dict view walks the whole event (up to 2 x EVENT_TERMS terms) once per family,
        # about 8 walks a candidate; the story brings ~120 terms in all. fsum makes the order irrelevant.
        has = event.terms.__contains__
        same_language = self.language in event.languages
        total = dict(self.totals)
        if same_language and self.words is not None:
            total["w"] = self.words
        have: dict[str, float] = {}
        for fam, weights in self.families.items():
            if fam == "w" and not same_language:
                continue
            shared = list(filter(has, weights))
            if shared:
                have[fam] = math.fsum(map(weights.__getitem__, shared))
        names = set(filter(has, self.names))
        names.update(map(self.alt.__getitem__, filter(has, self.alt)))
        if names:
            weigh = self.names.__getitem__
            guesses = [weigh(t) for t in names if t[0] == "h"]
            if guesses:  # a guess is evidence where the event has the key, and nothing where it has not
                total["n"] = total.get("n", 0.0) + math.fsum(guesses)
            have["n"] = math.fsum(map(weigh, names))
        norm = sum(map(FAMILY_WEIGHT.__getitem__, total))
        if not norm:
            return 0.0, 0.0
        specific_families = SPECIFIC
        if not same_language and "n" not in total and have.get("t"):
            specific_families = NAMELESS_SPECIFIC  # see the module docstring
        # Both coverages in one pass over the families, each summing its parts in the same order.
        forward = specific = 0.0
        shared_weight = have.get
        for f, t in total.items():
            if t:
                part = FAMILY_WEIGHT[f] * shared_weight(f, 0.0) / t
                forward += part
                if f in specific_families:
                    specific += part
        specific /= norm
        forward /= norm
        own_words = f"w:{self.language}"
        back_norm = 0.0
        back_sum = 0.0
        for f, ts in _core(event).items():
            if f[0] == "w" and f != own_words:
                continue
            back_norm += FAMILY_WEIGHT[f[0]]
            back_sum += FAMILY_WEIGHT[f[0]] * len(self.mine.intersection(ts)) / len(ts)
        back = back_sum / back_norm if back_norm else 0.0
        return math.sqrt(forward * back), specific


class Clusterer:
    """Assigns stories to events; the whole state lives in this object's plain containers."""

    def __init__(
        self,
        *,
        window: float = WINDOW,
        max_events: int = 50_000,
        max_terms: int = 500_000,
        join_score: float = JOIN_SCORE,
        min_specific: float = MIN_SPECIFIC,
        cross_join_score: float | None = None,
        cross_min_specific: float | None = None,
        merge_score: float | None = MERGE_SCORE,
        cross_min_stories: int = CROSS_MIN_STORIES,
        recheck_stories: int = RECHECK_STORIES,
        recheck_score: float | None = RECHECK_SCORE,
        near_score: float | None = NEAR_SCORE,
        near_ratio: float = NEAR_RATIO,
    ) -> None:
        self.window = window
        self.max_events = max_events
        self.max_terms = max_terms
        self.join_score = join_score
        self.min_specific = min_specific
        self.cross_join_score = CROSS_JOIN_SCORE if cross_join_score is None else cross_join_score
        self.cross_min_specific = CROSS_MIN_SPECIFIC if cross_min_specific is None else cross_min_specific
        self.merge_score = merge_score
        self.cross_min_stories = cross_min_stories
        self.recheck_stories = recheck_stories
        self.recheck_score = recheck_score
        self.near_score = near_score
        self.near_ratio = near_ratio
        self.events: dict[str, EventRecord] = {}  # oldest last story first
        self.index: dict[str, set[str]] = {}  # term -> open events holding it
        # term -> stories seen with it; a Counter so that a story's terms are counted in C (update)
        self.df: Counter[str] = Counter()
        self.seen = 0  # stories counted in df
        self.story_event: dict[str, str] = {}  # story id -> event id, for new versions and duplicates
        self._members: dict[str, list[str]] = {}  # event id -> the story ids story_event maps to it
        self.duplicates = DuplicateIndex()
        self.watermark = 0.0  # latest story time seen

    # -- state upkeep -------------------------------------------------------------------------------

    def _drop(self, event_id: str) -> None:
        event = self.events.pop(event_id)
        for term in event.terms:
            ids = self.index.get(term)
            if ids is not None:
                ids.discard(event_id)
                if not ids:
                    del self.index[term]

    def expire(self, now: float) -> list[str]:
        """Close events whose last story is older than the window (and the LRU overflow); returns their ids."""
        gone: list[str] = []
        horizon = now - self.window
        for eid, event in self.events.items():
            if event.last_seen >= horizon and len(self.events) - len(gone) <= self.max_events:
                break
            gone.append(eid)
        for eid in gone:
            self._drop(eid)
            # Only the closed events' stories: rebuilding story_event cost a pass over every story of
            # the window each time an event closed, which on a steady wire is every few stories.
            for sid in self._members.pop(eid, ()):
                del self.story_event[sid]
        self.duplicates.expire(horizon)
        if len(self.df) > self.max_terms:  # forget the rarest terms; keep the ratio df/seen
            keep = sorted(self.df.items(), key=lambda kv: -kv[1])[: self.max_terms // 2]
            self.df = Counter(dict(keep))
        return gone

    def _idf(self, terms: Iterable[str]) -> dict[str, float]:
        """Each term's idf, ``log(1 + n / (1 + df))``, as :class:`_Probe` weighs it (for :func:`score`)."""
        n = self.seen + 1
        get = self.df.get
        return {t: math.log(1.0 + n / (1.0 + get(t, 0))) for t in terms}

    def _add_terms(self, event: EventRecord, added: dict[str, float]) -> None:
        terms = event.terms
        index = self.index
        eid = event.id
        for term, w in added.items():
            old = terms.get(term)
            if old is None:  # new to the event: one posting more (no empty set built when the term has one)
                ids = index.get(term)
                if ids is None:
                    index[term] = {eid}
                else:
                    ids.add(eid)
                terms[term] = w
            else:
                terms[term] = old + w
        if len(terms) > 2 * EVENT_TERMS:
            # itemgetter with reverse=True: a C-level key, and the sort stays stable (ties keep their order).
            keep = dict(sorted(terms.items(), key=operator.itemgetter(1), reverse=True)[:EVENT_TERMS])
            for term in terms.keys() - keep.keys():
                ids = self.index.get(term)
                if ids is not None:
                    ids.discard(event.id)
                    if not ids:
                        del self.index[term]
            event.terms = keep

    def _count(self, event: EventRecord, story: StoryFeatures, *, duplicate: bool, families: dict[str, dict[str, float]]) -> None:
        """Count a story into its event. ``families`` are its probe's (:attr:`_Probe.families`; empty for a
        duplicate): its countries and topics are read from them, not from a pass over all its terms."""
        event.last_seen = max(event.last_seen, story.time)
        event.first_seen = min(event.first_seen, story.time)
        if story.source:
            event.sources[story.source] += 1
        if duplicate:
            event.duplicates += 1
        else:
            event.stories += 1
            event.languages[story.language] += 1
            event.headlines.setdefault(story.language, story.headline)
            for term in families.get("c", ()):
                event.countries[term[2:]] += 1
            for term in families.get("t", ()):
                event.topics[term[2:]] += 1
            event.regions.update(story.regions)
            if story.focus_country or story.focus_region:
                event.focus[f"{story.focus_country or ''}/{story.focus_region or ''}"] += 1
            self._add_terms(event, story.terms)
        event.recent.append(story.time)
        if len(event.recent) > RECENT_TIMES:
            del event.recent[: len(event.recent) - RECENT_TIMES]
        self.events.pop(event.id, None)
        self.events[event.id] = event  # most recently updated last

    def _place(self, story_id: str, event_id: str) -> None:
        # A story id is placed only while story_event has no open event for it (see assign).
        self.story_event[story_id] = event_id
        self._members.setdefault(event_id, []).append(story_id)

    # -- the work -----------------------------------------------------------------------------------

    def add(self, enriched: dict[str, Any], *, now: float | None = None, source: str | None = None) -> Assignment:
        """Assign an enriched story (``Enriched.to_dict()``) to an event; returns where it went."""
        return self.assign(extract(enriched, now=now, source=source))

    def assign(self, story: StoryFeatures) -> Assignment:
        self.watermark = max(self.watermark, story.time)
        self.expire(self.watermark)
        known = self.story_event.get(story.id)
        if known is not None and known in self.events:  # a new version of a story already placed
            self.duplicates.add(story.id, story.sketch, story.time)
            return Assignment(story.id, known, False, 1.0)
        hit = self.duplicates.find(story.sketch, exclude=story.id)
        if hit is not None and self.story_event.get(hit[0]) in self.events:
            eid = self.story_event[hit[0]]
            self._count(self.events[eid], story, duplicate=True, families={})
            self._place(story.id, eid)
            return Assignment(story.id, eid, False, 1.0, duplicate_of=hit[0], similarity=hit[1])
        probe = _Probe(story, self.df, self.seen + 1)
        best: tuple[float, str] | None = None
        qualified: list[tuple[float, str]] = []
        near: list[tuple[float, str]] = []  # (score, event id) of near misses in other languages
        scores: list[tuple[float, str]] = []  # every candidate's, vetoed ones aside
        for eid in self._candidates(probe):
            event = self.events[eid]
            total, specific = probe.score(event)
            if total < VETO_BELOW and _disjoint(probe.subjects, event):
                continue
            cross = story.language not in event.languages and event.stories >= self.cross_min_stories
            if cross:
                join, min_specific = self.cross_join_score, self.cross_min_specific
            else:
                join, min_specific = self.join_score, self.min_specific
            if total >= join and specific >= min_specific:
                qualified.append((total, eid))
                if best is None or total > best[0]:
                    best = (total, eid)
            elif cross and self.near_score is not None and total >= self.near_score and specific >= min_specific:
                near.append((total, eid))
            scores.append((total, eid))
        if best is None and near:
            top = max(near)
            rival = max((total for total, eid in scores if eid != top[1]), default=0.0)
            if top[0] >= self.near_ratio * rival:
                best = top
        if best is not None:
            absorbed: tuple[str, ...] = ()
            if self.merge_score is not None:
                parts = [best[1], *(eid for total, eid in qualified if eid != best[1] and total >= self.merge_score)]
                if len(parts) > 1:
                    event, absorbed = self._merge(parts)
                else:
                    event = self.events[best[1]]
            else:
                event = self.events[best[1]]
            result = Assignment(story.id, event.id, False, best[0], merged=absorbed)
        else:
            event = EventRecord(id=_event_id(story.id, story.time), first_seen=story.time, last_seen=story.time)
            result = Assignment(story.id, event.id, True, 1.0)
        self._count(event, story, duplicate=False, families=probe.families)
        if best is not None and self.recheck_score is not None:
            event, more = self._recheck(event)
            if more:
                result = Assignment(story.id, event.id, False, best[0], merged=tuple(sorted(result.merged + more)))
        self._place(story.id, event.id)
        self.duplicates.add(story.id, story.sketch, story.time)
        self.seen += 1
        self.df.update(story.terms.keys())  # after the scores and the re-check: they read df before this story
        return result

    def _recheck(self, event: EventRecord) -> tuple[EventRecord, tuple[str, ...]]:
        """Merge into ``event``, which a story has just joined, the open events of at most
        ``recheck_stories`` stories, none in a language it has, that now qualify for it: read as one
        story (their terms averaged), they score at least ``recheck_score`` with the cross-language
        minimum of specific evidence, and the topic veto does not hold. They are looked for among the
        events sharing most of its core names, places and numbers (:data:`RECHECK_CANDIDATES` at most), so the
        cost stays a few scores per story. Returns (survivor, absorbed ids), as :meth:`_merge` does."""
        assert self.recheck_score is not None
        core = _core(event)
        index = self.index
        postings = [
            ids
            for fam in ("n", "p", "d")
            for term in core.get(fam, ())
            if (ids := index.get(term)) and len(ids) <= COMMON_TERM_EVENTS
        ]
        shared: Counter[str] = Counter(itertools.chain.from_iterable(postings))  # as in _candidates
        shared.pop(event.id, None)
        events = self.events
        # Ties as in _candidates: by events only, never by the order of a set.
        nearest = heapq.nsmallest(
            RECHECK_CANDIDATES, _leaders(shared, RECHECK_CANDIDATES), key=lambda kv: (-kv[1], -events[kv[0]].last_seen, kv[0])
        )
        parts = [event.id]
        for eid, _ in nearest:
            small = events[eid]
            if small.stories > self.recheck_stories or any(lang in event.languages for lang in small.languages):
                continue
            n = max(small.stories, 1)
            as_story = StoryFeatures(
                id=eid,
                language=min(small.languages, default="und"),
                time=small.last_seen,
                source=None,
                headline="",
                sketch=(),
                terms={t: w / n for t, w in small.terms.items()},
            )
            total, specific = _Probe(as_story, self.df, self.seen + 1).score(event)
            if total < VETO_BELOW and subjects_differ(as_story, event):
                continue
            if total >= self.recheck_score and specific >= self.cross_min_specific:
                parts.append(eid)
        if len(parts) == 1:
            return event, ()
        return self._merge(parts)

    def _merge(self, parts: list[str]) -> tuple[EventRecord, tuple[str, ...]]:
        """Fold open events one story matched into one: the oldest (first story, then id) survives and
        keeps its id, the others are absorbed (their stories now map to it); returns (survivor, absorbed ids).
        The choice depends only on the events, so a replay merges the same way."""
        ordered = sorted(parts, key=lambda eid: (self.events[eid].first_seen, eid))
        survivor = self.events[ordered[0]]
        absorbed = tuple(sorted(ordered[1:]))
        for eid in absorbed:
            other = self.events[eid]
            self._drop(eid)
            survivor.first_seen = min(survivor.first_seen, other.first_seen)
            survivor.last_seen = max(survivor.last_seen, other.last_seen)
            survivor.stories += other.stories
            survivor.duplicates += other.duplicates
            survivor.languages.update(other.languages)
            survivor.sources.update(other.sources)
            survivor.countries.update(other.countries)
            survivor.regions.update(other.regions)
            survivor.focus.update(other.focus)
            survivor.topics.update(other.topics)
            for lang, headline in other.headlines.items():
                survivor.headlines.setdefault(lang, headline)
            survivor.recent = sorted(survivor.recent + other.recent)[-RECENT_TIMES:]
            self._add_terms(survivor, other.terms)
        members = self._members.setdefault(survivor.id, [])
        for eid in absorbed:
            moved = self._members.pop(eid, [])
            for sid in moved:
                self.story_event[sid] = survivor.id
            members.extend(moved)
        return survivor, absorbed

    def _candidates(self, story: StoryFeatures | _Probe) -> list[str]:
        """The open events to score a story against (:data:`CANDIDATES` and :data:`NAME_CANDIDATES`).

        Read from the story's probe, whose terms are already sorted by family: a pass over the story's
        terms asking each its family cost about a quarter of this method."""
        probe = story if isinstance(story, _Probe) else _Probe(story, self.df, self.seen + 1)
        index = self.index
        families = SPECIFIC if any(t[0] == "n" for t in probe.names) else NAMELESS_SPECIFIC
        words: list[set[str]] = []
        postings: list[set[str]] = []  # the other specific families'
        get = index.get
        for fam, weights in probe.families.items():
            if fam in families:
                found = words if fam == "w" else postings
                for term in weights:
                    ids = get(term)
                    if ids and len(ids) <= COMMON_TERM_EVENTS:
                        found.append(ids)
        # Names, guessed names and each one's other form (see _other_name); counts do not depend on order.
        for term in itertools.chain(probe.names, probe.alt):
            ids = get(term)
            if ids and len(ids) <= COMMON_TERM_EVENTS:
                postings.append(ids)
        # One count over every posting: a long story meets ~100 of them, and Counter.update per set
        # costs a Python call each (about half of this method's time before).
        named: Counter[str] = Counter(itertools.chain.from_iterable(postings))
        shared = named.copy()
        shared.update(itertools.chain.from_iterable(words))
        # Ties go to the latest event, then the smaller id: never to the order of a set, which changes
        # with the process's string hashing and would let a replay after a restart place stories anew.
        events = self.events

        def order(kv: tuple[str, int]) -> tuple[int, float, str]:
            return (-kv[1], -events[kv[0]].last_seen, kv[0])

        out = [eid for eid, _ in heapq.nsmallest(CANDIDATES, _leaders(shared, CANDIDATES), key=order)]
        if NAME_CANDIDATES:
            out.extend(
                eid for eid, _ in heapq.nsmallest(NAME_CANDIDATES, _leaders(named, NAME_CANDIDATES), key=order) if eid not in out
            )
        return out
