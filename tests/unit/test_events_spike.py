"""Spikes: a Poisson tail against a seasonal baseline, tiers from strength, bounded keys."""

from __future__ import annotations

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from stream.events.spike import SpikeDetector, pack, poisson_tail, spike_keys, unpack

DAY = 86400.0
T0 = 1_700_000_000.0 - (1_700_000_000.0 % DAY)  # a midnight


def test_poisson_tail() -> None:
    assert poisson_tail(0, 2.0) == 1.0
    assert math.isclose(poisson_tail(1, 2.0), 1 - math.exp(-2.0))
    assert math.isclose(poisson_tail(3, 1.0), 1 - math.exp(-1.0) * (1 + 1 + 0.5))
    assert 0 < poisson_tail(200, 1.0) < 1e-300 or poisson_tail(200, 1.0) == 0.0


def _baseline(d: SpikeDetector, key: str, per_hour: float, days: int = 14) -> None:
    for hour in range(days * 24):
        n = round(per_hour * (3 if hour % 24 == 12 else 1))  # busier at noon every day
        for i in range(n):
            d.observe(key, T0 + hour * 3600 + i * 60)


def test_a_burst_is_a_spike_and_the_usual_noon_peak_is_not() -> None:
    d = SpikeDetector()
    _baseline(d, "region:south-caucasus", 2)
    now = T0 + 14 * DAY + 12 * 3600 + 3599  # noon: expected is high
    for i in range(6):
        d.observe("region:south-caucasus", now - i * 500)
    noon = d.check("region:south-caucasus", now)
    assert noon.tier is None and noon.expected > 2.0
    night = T0 + 15 * DAY + 3 * 3600 + 3599
    for i in range(20):
        d.observe("region:south-caucasus", night - i * 150)
    burst = d.check("region:south-caucasus", night)
    assert burst.count == 20 and burst.tier in {"urgent", "flash"} and burst.ratio > 5


def test_tiers_grow_with_strength_and_need_a_minimum_count() -> None:
    d = SpikeDetector()
    now = T0 + 3599
    d.observe("country:AM", now)
    assert d.check("country:AM", now).tier is None  # one story of a new key
    for i in range(40):
        d.observe("country:AM", now - i * 60)
    assert d.check("country:AM", now).tier == "flash"


def test_keys_are_bounded() -> None:
    d = SpikeDetector(max_keys=10)
    for i in range(50):
        d.observe(f"topic:{i}", T0 + i)
    assert len(d.series) == 10 and "topic:49" in d.series


def _three_quiet_days_then_a_burst() -> tuple[SpikeDetector, float]:
    d = SpikeDetector()
    _baseline(d, "country:AM", 1, days=3)
    now = T0 + 3 * DAY + 1800
    for i in range(5):
        d.observe("country:AM", now - i * 60)
    return d, now


def test_counts_survive_export_and_load() -> None:
    d, now = _three_quiet_days_then_a_burst()
    data = json.loads(json.dumps(d.export("country:AM")))
    again = SpikeDetector()
    again.load("country:AM", data)
    assert again.check("country:AM", now) == d.check("country:AM", now)
    assert d.export("country:XX") is None


@given(st.dictionaries(st.integers(min_value=0, max_value=2_000_000), st.integers(min_value=1, max_value=10_000), max_size=400))
def test_packed_counts_unpack_to_the_same(counts: dict[int, int]) -> None:
    first, runs = pack(counts)
    assert unpack(first, json.loads(json.dumps(runs))) == counts


def test_pack_writes_runs_of_empty_buckets() -> None:
    assert pack({7: 2, 8: 1, 12: 5}) == (7, [2, 1, -3, 5])
    assert pack({}) == (0, [])


def test_rows_of_the_first_form_still_load() -> None:
    d, now = _three_quiet_days_then_a_burst()
    series = d.series["country:AM"]
    old = {  # what export wrote before the packed form
        "fine": {str(b): n for b, n in series.fine.items()},
        "hourly": {str(h): n for h, n in series.hourly.items()},
        "first_hour": series.first_hour,
    }
    again = SpikeDetector()
    again.load("country:AM", json.loads(json.dumps(old)))
    assert again.check("country:AM", now) == d.check("country:AM", now)
    assert again.export("country:AM") == d.export("country:AM")


def test_a_busy_key_row_is_small() -> None:
    # 14 days of counts in every hour: the row is written on every count the spikes agent receives.
    d = SpikeDetector()
    _baseline(d, "topic:medtop:11000000", 3)
    data = d.export("topic:medtop:11000000")
    assert data is not None and len(data["hourly"]) == 14 * 24
    assert len(json.dumps(data)) < 1_500


def test_spike_keys_are_focus_region_country_and_topics_with_their_ancestors() -> None:
    story = {
        "focus": {"country": "TR", "region": "middle-east"},
        "topics": [
            {"code": "medtop:20000153", "score": 0.9},  # earthquake
            {"code": "medtop:20000056", "score": 0.3},  # armed conflict, too weak to count
        ],
    }
    keys = spike_keys(story)
    assert keys[:2] == ["region:middle-east", "country:TR"]
    assert {"topic:medtop:20000153", "topic:medtop:20000151", "topic:medtop:03000000"} <= set(keys)  # and broader ones
    assert not any("20000056" in k for k in keys)
    assert spike_keys({}) == []
