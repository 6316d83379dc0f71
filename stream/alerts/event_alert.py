"""Alerts that follow an event, for subscriptions with ``event:`` criteria (schema ``wirewatch.alert/1``,
``kind: event``).

State per event and subscription is ``{"stories": int, "languages": int, "at": float, "tier": str}``:
what the last alert said and when. :func:`decide_event` is the whole policy:

- never alerted, and the event's stories, languages and sources meet the minimums -> ``new``
- alerted, and the event has grown (stories at least ``growth`` times the count last alerted, or a
  language more) and ``min_update_seconds`` have passed since the last alert -> ``update``
- otherwise nothing: the event is below the minimums, or has not grown enough, or it is too soon.

An event's alert id is stable for the event and the subscription, so every ``update`` replaces the
``new`` it follows in a consumer that keys by ``alert_id``.
"""

from __future__ import annotations

import math
from typing import Any

from stream.alerts.alert import ALERT_SCHEMA, Decision, stable_alert_id
from stream.alerts.subscription import EventCriteria
from stream.alerts.tier import TIERS
from stream.story import iso_utc

__all__ = ["build_event_alert", "decide_event", "event_alert_id", "higher_tier"]


def event_alert_id(event_id: str, subscription: str) -> str:
    return stable_alert_id(subscription, "event", event_id)


def higher_tier(a: str | None, b: str) -> str:
    """The more urgent of two tiers (an event is as urgent as its most urgent story)."""
    if a is None or a not in TIERS:
        return b
    return a if TIERS.index(a) <= TIERS.index(b) else b


def decide_event(prev: dict[str, Any] | None, event: dict[str, Any], crit: EventCriteria, now: float) -> Decision:
    stories = int(event.get("stories", 0))
    languages = len(event.get("languages") or {})
    sources = len(event.get("sources") or {})
    if prev is None:
        short = []
        if stories < crit.min_stories:
            short.append(f"{stories}/{crit.min_stories} stories")
        if languages < crit.min_languages:
            short.append(f"{languages}/{crit.min_languages} languages")
        if crit.min_sources > 1 and sources < crit.min_sources:  # stories may name no source at all
            short.append(f"{sources}/{crit.min_sources} sources")
        if short:
            return Decision(None, "below the event minimums: " + ", ".join(short))
        return Decision("new", f"event reached {stories} stories in {languages} languages from {sources} sources")
    target = max(int(prev["stories"]) + 1, math.ceil(int(prev["stories"]) * crit.growth))
    grown_stories = stories >= target
    grown_languages = languages > int(prev.get("languages", 0))
    if not (grown_stories or grown_languages):
        return Decision(None, f"not grown enough ({stories} stories, next alert at {target})")
    wait = crit.min_update_seconds - (now - float(prev.get("at", 0.0)))
    if wait > 0:
        return Decision(None, f"grown, but the last alert was under {crit.min_update_seconds:.0f} s ago")
    why = []
    if grown_stories:
        why.append(f"{prev['stories']} -> {stories} stories")
    if grown_languages:
        why.append(f"{prev.get('languages', 0)} -> {languages} languages")
    return Decision("update", "event grew: " + ", ".join(why))


def build_event_alert(
    event: dict[str, Any],
    doc: dict[str, Any],
    subscription: str,
    action: str,
    *,
    tier: str,
    reason: str,
    evidence: dict[str, Any],
    previous: dict[str, Any] | None,
    alerted_at: float,
) -> dict[str, Any]:
    """The alert for an event (key: event id). ``doc`` is the enriched story that made it grow."""
    language = (doc.get("language") or {}).get("code")
    headlines = event.get("headlines") or {}
    return {
        "schema": ALERT_SCHEMA,
        "kind": "event",
        "alert_id": event_alert_id(str(event["id"]), subscription),
        "subscription": subscription,
        "tier": tier,
        "action": action,
        "reason": reason,
        "event_id": event["id"],
        "stories": event.get("stories", 0),
        "duplicates": event.get("duplicates", 0),
        "previous_stories": previous.get("stories") if previous else None,
        "languages": event.get("languages") or {},
        "sources": event.get("sources") or {},
        "countries": event.get("countries") or {},
        "regions": event.get("regions") or {},
        "focus": event.get("focus") or {},
        "topics": event.get("topics") or {},
        "headlines": headlines,
        "headline": headlines.get(language) or doc.get("headline", ""),
        "velocity": event.get("velocity"),
        "first_seen": iso_utc(event["first_seen"]) if event.get("first_seen") else None,
        "last_seen": iso_utc(event["last_seen"]) if event.get("last_seen") else None,
        # The story that tipped the decision, as a story alert would name it.
        "story_id": doc.get("id"),
        "story_version": doc.get("version"),
        "language": language,
        "evidence": evidence,
        "alerted_at": iso_utc(alerted_at),
    }
