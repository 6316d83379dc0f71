"""Spike alerts: a burst is alerted once, again only when it grows stronger or after the renotify time."""

from __future__ import annotations

from pathlib import Path

import pytest

from stream.alerts.spike_alert import build_spike_alert, decide_spike, spike_alert_id, spike_matches
from stream.alerts.subscription import SpikeCriteria, load_subscriptions
from stream.errors import ConfigError
from stream.events.spike import Spike


def _spike(tier: str | None, count: int = 12) -> Spike:
    return Spike("region:south-caucasus", count, 1.5, count / 1.5, 7.2 if tier else 1.0, tier)


def test_a_burst_alerts_once_and_again_when_it_grows_stronger() -> None:
    crit = SpikeCriteria(min_tier="routine", renotify_seconds=3600)
    assert decide_spike(None, _spike(None), crit, now=0).action is None
    first = decide_spike(None, _spike("routine"), crit, now=0)
    assert first.action == "new" and "12 stories in the last hour, 1.5 expected" in first.reason
    prev = {"tier": "routine", "at": 0.0, "since": 0.0}
    assert decide_spike(prev, _spike("routine"), crit, now=600).action is None
    assert decide_spike(prev, _spike("urgent"), crit, now=600).action == "update"
    assert decide_spike(prev, _spike("routine"), crit, now=3600).action == "new"  # a new burst


def test_min_tier_holds_back_weaker_spikes() -> None:
    crit = SpikeCriteria(min_tier="urgent")
    assert decide_spike(None, _spike("routine"), crit, now=0).action is None
    assert decide_spike(None, _spike("flash"), crit, now=0).action == "new"


def test_spike_subscriptions_load_and_match_their_keys(tmp_path: Path) -> None:
    path = tmp_path / "subs.yaml"
    path.write_text(
        "subscriptions:\n"
        "  - name: s\n    match: {regions: [south-caucasus], countries: [TR], topics: ['medtop:03000000']}\n"
        "    spike: {min_tier: urgent, renotify_seconds: 600}\n"
    )
    (sub,) = load_subscriptions(path)
    assert sub.spike == SpikeCriteria("urgent", 600.0)
    assert spike_matches(sub, "region:south-caucasus") and spike_matches(sub, "country:TR")
    assert spike_matches(sub, "topic:medtop:03000000") and not spike_matches(sub, "topic:medtop:20000151")
    assert not spike_matches(sub, "region:levant") and not spike_matches(sub, "country:AM")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("  - name: s\n    match: {countries: [TR]}\n    spike: {min_tier: loud}\n", "subscriptions[0].spike.min_tier"),
        ("  - name: s\n    match: {countries: [TR]}\n    spike: {every: 3}\n", "subscriptions[0].spike"),
        ("  - name: s\n    match: {countries: [TR], scope: mention}\n    spike: true\n", "subscriptions[0].match"),
        ("  - name: s\n    match: {countries: [TR]}\n    spike: true\n    event: true\n", "subscriptions[0].spike"),
    ],
)
def test_invalid_spike_subscriptions_name_the_field(tmp_path: Path, body: str, field: str) -> None:
    path = tmp_path / "subs.yaml"
    path.write_text("subscriptions:\n" + body)
    with pytest.raises(ConfigError) as info:
        load_subscriptions(path)
    assert info.value.field == field


def test_spike_alert_record() -> None:
    latest = {"story_id": "s-1", "event_id": "ev-1", "headline": "Shelling resumes", "language": "en"}
    alert = build_spike_alert(
        _spike("urgent"), "sc", "new", reason="r", since=1_600_000_000.0, alerted_at=1_600_000_060.0, latest=latest
    )
    assert (
        alert["kind"] == "spike"
        and alert["tier"] == "urgent"
        and alert["alert_id"] == spike_alert_id("sc", "region:south-caucasus", 1_600_000_000.0)
    )
    assert (alert["dimension"], alert["value"], alert["count"]) == ("region", "south-caucasus", 12)
    assert alert["headline"] == "Shelling resumes" and alert["burst_since"] == "2020-09-13T12:26:40.000Z"
