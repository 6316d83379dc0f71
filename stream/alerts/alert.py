"""Alert decisions across story versions, and the alert message itself (schema ``wirewatch.alert/1``).

State per story and subscription is ``{"version": int, "active": bool, "tier": str}``.
:func:`decide` is the whole version policy:

- never alerted, the version matches -> ``new``
- same or older version seen again -> nothing (duplicate; also across restarts, since the
  state lives in a changelogged table)
- newer version of an active alert: ``canceled``/``withheld`` -> ``retract``; still matches ->
  ``update``; no longer matches -> ``retract``
- newer version of a retracted alert that matches again -> ``new`` (same ``alert_id``)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from stream.story import iso_utc

__all__ = ["ALERT_SCHEMA", "Decision", "alert_id", "build_alert", "decide", "stable_alert_id"]

ALERT_SCHEMA = "wirewatch.alert/1"


def alert_id(story_id: str, subscription: str) -> str:
    """Stable for a story and a subscription, across versions and workers."""
    return stable_alert_id(subscription, story_id)


def stable_alert_id(*parts: str) -> str:
    """``al-`` and 20 hex digits of the SHA-1 of ``parts`` joined by NUL: every kind of alert id."""
    return "al-" + hashlib.sha1("\x00".join(parts).encode()).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Decision:
    action: str | None  # new | update | retract | None (nothing to send)
    reason: str


def decide(prev: dict[str, Any] | None, version: int, pubstatus: str, matched: bool) -> Decision:
    if prev is not None and version <= int(prev.get("version", 0)):
        return Decision(None, "duplicate")
    active = bool(prev and prev.get("active"))
    if pubstatus in ("canceled", "withheld"):
        return Decision("retract", f"story {pubstatus}") if active else Decision(None, f"story {pubstatus}, nothing alerted")
    if matched:
        return Decision("update" if active else "new", "matches")
    return Decision("retract", "new version no longer matches") if active else Decision(None, "no match")


def _ts(value: Any) -> str | None:
    return iso_utc(value) if isinstance(value, int | float) else value


def build_alert(
    doc: dict[str, Any],
    subscription: str,
    action: str,
    *,
    tier: str,
    evidence: dict[str, Any],
    reason: str,
    previous_version: int | None,
    alerted_at: float,
    published_at: float | None,
) -> dict[str, Any]:
    """The alert message published to ``alerts.<subscription>`` (key: story id)."""
    start = published_at if published_at else None
    latency_ms = round((alerted_at - start) * 1000, 1) if start else None
    return {
        "schema": ALERT_SCHEMA,
        "alert_id": alert_id(str(doc["id"]), subscription),
        "subscription": subscription,
        "tier": tier,
        "action": action,
        "reason": reason,
        "story_id": doc["id"],
        "story_version": doc.get("version"),
        "previous_version": previous_version,
        "headline": doc.get("headline", ""),
        "language": (doc.get("language") or {}).get("code"),
        "topics": [{"code": t["code"], "label": t["label"], "score": t["score"]} for t in doc.get("topics", [])],
        "countries": [{"iso2": c["iso2"], "name": c["name"], "score": c["score"]} for c in doc.get("countries", [])],
        "regions": doc.get("regions", []),
        "focus": doc.get("focus") or {},
        "evidence": evidence,
        "story_created": doc.get("versioncreated"),
        "published_at": _ts(published_at),
        "received_at": doc.get("received_at"),
        "alerted_at": iso_utc(alerted_at),
        "latency_ms": latency_ms,
    }
