"""Breaking-news spike alerts, for subscriptions with ``spike:`` criteria (schema ``wirewatch.alert/1``,
``kind: spike``).

A spike key is ``region:<id>``, ``country:<ISO>`` or ``topic:<medtop code>``
(:func:`stream.events.spike_keys`). State per key and subscription is
``{"tier": str, "at": float, "since": float}``: the tier last alerted, when, and when the burst began.
:func:`decide_spike` is the whole policy:

- the key's tier is below ``min_tier`` (or none) -> nothing
- no alert within ``renotify_seconds`` -> ``new`` (a new burst, a new alert id)
- within it, a stronger tier than last alerted -> ``update`` (same alert id); otherwise nothing.
"""

from __future__ import annotations

from typing import Any

from stream.alerts.alert import ALERT_SCHEMA, Decision, stable_alert_id
from stream.alerts.subscription import SpikeCriteria, Subscription
from stream.alerts.tier import TIERS
from stream.events.spike import Spike
from stream.story import iso_utc

__all__ = ["build_spike_alert", "decide_spike", "spike_alert_id", "spike_matches"]


def spike_matches(sub: Subscription, key: str) -> bool:
    """Whether ``key`` is one ``sub`` lists (a region, a country or a topic code)."""
    kind, _, value = key.partition(":")
    if kind == "region":
        return value in sub.regions
    if kind == "country":
        return value in sub.countries
    if kind == "topic":
        return any(t.code == value for t in sub.topics)
    return False


def _rank(tier: str | None) -> int:
    return TIERS.index(tier) if tier in TIERS else len(TIERS)


def spike_alert_id(subscription: str, key: str, since: float) -> str:
    return stable_alert_id(subscription, "spike", key, f"{since:.0f}")


def decide_spike(prev: dict[str, Any] | None, spike: Spike, crit: SpikeCriteria, now: float) -> Decision:
    if spike.tier is None or _rank(spike.tier) > _rank(crit.min_tier):
        return Decision(None, f"score {spike.score:.1f} is below {crit.min_tier}")
    why = f"{spike.count} stories in the last hour, {spike.expected:.1f} expected ({spike.ratio:.1f}x, score {spike.score:.1f})"
    if prev is None or now - float(prev["at"]) >= crit.renotify_seconds:
        return Decision("new", why)
    if _rank(spike.tier) < _rank(prev.get("tier")):
        return Decision("update", f"rose from {prev.get('tier')} to {spike.tier}: {why}")
    return Decision(None, f"already alerted as {prev.get('tier')} at this burst")


def build_spike_alert(
    spike: Spike,
    subscription: str,
    action: str,
    *,
    reason: str,
    since: float,
    alerted_at: float,
    latest: dict[str, Any],
) -> dict[str, Any]:
    """The alert for a spike (key: the spike key). ``latest`` names the story that tipped it."""
    kind, _, value = spike.key.partition(":")
    assert spike.tier is not None
    return {
        "schema": ALERT_SCHEMA,
        "kind": "spike",
        "alert_id": spike_alert_id(subscription, spike.key, since),
        "subscription": subscription,
        "tier": spike.tier,
        "action": action,
        "reason": reason,
        "key": spike.key,
        "dimension": kind,
        "value": value,
        "count": spike.count,
        "expected": round(spike.expected, 3),
        "ratio": round(spike.ratio, 2),
        "score": round(spike.score, 2),
        "headline": latest.get("headline", ""),
        "story_id": latest.get("story_id"),
        "event_id": latest.get("event_id"),
        "language": latest.get("language"),
        "evidence": {"summary": [reason, f"latest story {latest.get('story_id')}: {latest.get('headline', '')}"]},
        "burst_since": iso_utc(since),
        "alerted_at": iso_utc(alerted_at),
    }
