"""Breaking-news spikes: the count of new stories or events for a key in the last hour against its baseline.

Per key (``region:south-caucasus``, ``country:AM``, ``topic:medtop:20000056``), counts are kept in
five-minute buckets for the short window (:data:`SHORT` = 1 h) and hourly buckets for the baseline
(:data:`LONG` = 14 days). The expected count for the coming hour is seasonal: the mean of the same
hour of day over the baseline's days, blended half and half with the mean of all its hours (so one quiet
night does not make the next one a spike), and never below :data:`FLOOR`. The spike score is the
Poisson upper tail of the observed count under that expectation, as ``-log10 P(X >= k)``; a tier
follows from it (:data:`TIERS`), once at least :data:`MIN_COUNT` stories are in the window.

State is plain dicts of integers per key, at most ``max_keys`` keys (least recently counted dropped).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from stream.topics.taxonomy import load_taxonomy

__all__ = [
    "FLOOR",
    "LONG",
    "MIN_COUNT",
    "SHORT",
    "TIERS",
    "Spike",
    "SpikeDetector",
    "pack",
    "poisson_tail",
    "spike_keys",
    "unpack",
]

SHORT = 3600  # seconds in the short window
LONG = 14 * 86400  # seconds in the baseline
_FINE = 300  # short-window bucket
_HOUR = 3600
#: Lowest expected count per hour (a key never seen before is not a spike at its first story).
FLOOR = 0.5
#: Fewest stories in the short window for any tier.
MIN_COUNT = 3
#: A story counts for a topic key from this topic score up.
TOPIC_SCORE = 0.5
#: Score (-log10 of the Poisson tail) from which each tier holds, strongest first.
TIERS: tuple[tuple[str, float], ...] = (("flash", 9.0), ("urgent", 5.0), ("routine", 3.0))


def poisson_tail(k: int, lam: float) -> float:
    """P(X >= k) for X ~ Poisson(lam), summed from k upward in log space (exact enough for any k)."""
    if k <= 0:
        return 1.0
    if lam <= 0:
        return 0.0
    log_term = -lam + k * math.log(lam) - math.lgamma(k + 1)
    total = 0.0
    i = k
    term = math.exp(log_term)
    while True:
        total += term
        i += 1
        term *= lam / i
        if term < total * 1e-15 or i > k + 10_000:
            break
    return min(1.0, total) if total > 0 else math.exp(log_term)


def pack(counts: dict[int, int]) -> tuple[int, list[int]]:
    """Bucket counts as (first bucket, runs): a count ``n > 0`` for the next bucket, or ``-k`` for the next
    ``k`` buckets empty. ``{7: 2, 8: 1, 12: 5}`` is ``(7, [2, 1, -3, 5])``."""
    buckets = sorted(b for b, n in counts.items() if n > 0)
    if not buckets:
        return 0, []
    runs: list[int] = []
    prev = buckets[0] - 1
    for b in buckets:
        if b - prev > 1:
            runs.append(prev + 1 - b)
        runs.append(counts[b])
        prev = b
    return buckets[0], runs


def unpack(first: int, runs: list[Any]) -> dict[int, int]:
    """The counts :func:`pack` wrote."""
    out: dict[int, int] = {}
    b = first
    for n in runs:
        n = int(n)
        if n < 0:
            b -= n
        else:
            out[b] = n
            b += 1
    return out


@dataclass(frozen=True, slots=True)
class Spike:
    """A key's last hour against its baseline."""

    key: str
    count: int  # stories in the short window
    expected: float  # seasonal baseline for it
    ratio: float  # count / expected
    score: float  # -log10 P(X >= count | expected)
    tier: str | None  # flash | urgent | routine | None


@dataclass(slots=True)
class _Series:
    fine: dict[int, int] = field(default_factory=dict)  # 5-minute bucket -> count (last hour)
    hourly: dict[int, int] = field(default_factory=dict)  # hour -> count (baseline)
    first_hour: int = 0


class SpikeDetector:
    """Counts per key and spike scores; ``observe`` what arrives, ``check`` a key at a time."""

    def __init__(self, *, short: int = SHORT, long: int = LONG, max_keys: int = 20_000) -> None:
        self.short = short
        self.long = long
        self.max_keys = max_keys
        self.series: dict[str, _Series] = {}  # least recently counted first

    def observe(self, key: str, ts: float, n: int = 1) -> None:
        series = self.series.pop(key, None) or _Series(first_hour=int(ts // _HOUR))
        self.series[key] = series
        fine, hour = int(ts // _FINE), int(ts // _HOUR)
        series.fine[fine] = series.fine.get(fine, 0) + n
        series.hourly[hour] = series.hourly.get(hour, 0) + n
        series.first_hour = min(series.first_hour, hour)
        self._trim(series, ts)
        while len(self.series) > self.max_keys:
            del self.series[next(iter(self.series))]

    def export(self, key: str) -> dict[str, Any] | None:
        """``key``'s counts as JSON-ready data (for a table row), or None if it has none.

        Counts are written as runs from a first bucket (:func:`pack`): a key counted in every one of its
        336 baseline hours took 3.8 kB of JSON as ``{"<hour>": n}``, 0.8 kB so (``benchmarks.bench_events``
        prints both), and the row is written on every count the spikes agent receives."""
        series = self.series.get(key)
        if series is None:
            return None
        fine0, fine = pack(series.fine)
        hour0, hourly = pack(series.hourly)
        return {"v": 2, "fine0": fine0, "fine": fine, "hour0": hour0, "hourly": hourly, "first_hour": series.first_hour}

    def load(self, key: str, data: dict[str, Any]) -> None:
        """Restore ``key``'s counts from :meth:`export`'s data (also the first form: ``{"<bucket>": n}`` maps)."""
        if data.get("v") == 2:
            fine = unpack(int(data.get("fine0", 0)), data.get("fine", []))
            hourly = unpack(int(data.get("hour0", 0)), data.get("hourly", []))
        else:
            fine = {int(b): int(n) for b, n in data.get("fine", {}).items()}
            hourly = {int(h): int(n) for h, n in data.get("hourly", {}).items()}
        self.series[key] = _Series(fine=fine, hourly=hourly, first_hour=int(data.get("first_hour", 0)))

    def _trim(self, series: _Series, now: float) -> None:
        oldest_fine = int((now - self.short) // _FINE)
        for b in [b for b in series.fine if b <= oldest_fine]:
            del series.fine[b]
        oldest_hour = int((now - self.long) // _HOUR)
        for h in [h for h in series.hourly if h < oldest_hour]:
            del series.hourly[h]

    def expected(self, key: str, now: float) -> float:
        """Seasonal expected count in the short window ending at ``now``, from whole hours before it."""
        series = self.series.get(key)
        current = int(now // _HOUR)
        scale = self.short / _HOUR
        if series is None:
            return FLOOR * scale
        start = max(series.first_hour, current - self.long // _HOUR)
        hours = current - start  # whole hours of history before the current one
        if hours <= 0:
            return FLOOR * scale
        past = {h: c for h, c in series.hourly.items() if start <= h < current}
        mean_all = sum(past.values()) / hours
        same = [h for h in range(current - 24, start - 1, -24)]
        mean_same = sum(past.get(h, 0) for h in same) / len(same) if same else mean_all
        return max(FLOOR, 0.5 * mean_same + 0.5 * mean_all) * scale

    def check(self, key: str, now: float) -> Spike:
        """The spike score of ``key`` for the short window ending at ``now``."""
        series = self.series.get(key)
        count = 0
        if series is not None:
            self._trim(series, now)
            count = sum(series.fine.values())
        lam = self.expected(key, now)
        tail = poisson_tail(count, lam)
        score = -math.log10(tail) if tail > 0 else 300.0
        tier = None
        if count >= MIN_COUNT:
            tier = next((name for name, minimum in TIERS if score >= minimum), None)
        return Spike(key, count, lam, count / lam, score, tier)


def spike_keys(story: dict[str, Any]) -> list[str]:
    """The keys an enriched story counts for: its focus region and focus country, and each topic it has
    with a score of at least :data:`TOPIC_SCORE` together with that topic's ancestors (so a subscription to a
    broad topic counts its narrower ones)."""
    keys: list[str] = []
    focus = story.get("focus") or {}
    if focus.get("region"):
        keys.append(f"region:{focus['region']}")
    if focus.get("country"):
        keys.append(f"country:{focus['country']}")
    taxonomy = load_taxonomy()
    seen: set[str] = set()
    for topic in story.get("topics") or ():
        if float(topic.get("score", 0)) < TOPIC_SCORE or not topic.get("code"):
            continue
        for code in (topic["code"], *taxonomy.ancestors(topic["code"])):
            if code not in seen:
                seen.add(code)
                keys.append(f"topic:{code}")
    return keys
