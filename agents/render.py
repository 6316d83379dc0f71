"""Human-readable one-story summaries for ``tail``, ``classify`` and the demo."""

from __future__ import annotations

from typing import Any

from agents.tail import Record

__all__ = ["render", "render_alert", "render_enriched", "render_story_event"]

_TIER_MARK = {"flash": "!!!", "urgent": "!! ", "routine": "   "}


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_enriched(doc: dict[str, Any]) -> str:
    lang = doc.get("language") or {}
    line = (
        f"[{lang.get('code', '?')} {float(lang.get('confidence', 0)):.2f}] {_short(doc.get('headline') or doc.get('body', ''))}"
    )
    parts = [f"id={doc.get('id')} v{doc.get('version')}"]
    if lang.get("provider_agrees") is False:
        parts.append(f"provider said {lang.get('provider')}")
    countries = [c["iso2"] for c in doc.get("countries", [])[:6]]
    if countries:
        parts.append("countries " + " ".join(countries))
    focus = doc.get("focus") or {}
    if focus.get("region") or focus.get("country"):
        parts.append(f"focus {focus.get('country') or '-'}/{focus.get('region') or '-'}")
    topics = [t["label"] for t in doc.get("topics", [])[:3]]
    if topics:
        parts.append("topics " + ", ".join(topics))
    alerts = [a["subscription"] for a in doc.get("alerts", [])]
    if alerts:
        parts.append("would alert " + ", ".join(alerts))
    event = doc.get("event")
    if isinstance(event, dict):
        if event.get("duplicate_of"):
            parts.append(f"event {event.get('id')}: near-duplicate of {event['duplicate_of']}")
        else:
            state = "new" if event.get("new") else f"joined ({float(event.get('score') or 0):.2f})"
            langs = " ".join(event.get("languages") or ())
            parts.append(f"event {event.get('id')} {state}: {event.get('stories')} stories in {langs}")
    return line + "\n    " + " | ".join(parts)


def render_alert(doc: dict[str, Any]) -> str:
    tier = str(doc.get("tier", "routine"))
    head = f"{_TIER_MARK.get(tier, '   ')} {tier.upper():7} {doc.get('action', '?'):7} [{doc.get('subscription')}] {_short(doc.get('headline', ''), 80)}"
    why = []
    for item in (doc.get("evidence") or {}).get("summary", [])[:6]:
        why.append(str(item))
    focus = doc.get("focus") or {}
    if doc.get("kind") == "event":
        langs = " ".join(doc.get("languages") or {})
        tail = f"alert_id={doc.get('alert_id')} event={doc.get('event_id')} stories={doc.get('stories')} languages={langs}"
        tail += f" (after story {doc.get('story_id')})"
        return head + "\n    why: " + ("; ".join(why) or "-") + "\n    " + tail
    tail = f"alert_id={doc.get('alert_id')} story={doc.get('story_id')} v{doc.get('story_version')} lang={doc.get('language')}"
    tail += f" focus={focus.get('country') or '-'}/{focus.get('region') or '-'} latency={doc.get('latency_ms')}ms"
    return head + "\n    why: " + ("; ".join(why) or "-") + "\n    " + tail


def render_story_event(doc: dict[str, Any]) -> str:
    """A ``wire.events`` record: which event the story went to, and the event as it stands."""
    event = doc.get("event") or {}
    if doc.get("duplicate_of"):
        how = f"near-duplicate of {doc['duplicate_of']}"
    else:
        how = "opened" if doc.get("new_event") else "joined"
    langs = " ".join(event.get("languages") or {})
    focus = event.get("focus") or {}
    headlines = event.get("headlines") or {}
    headline = next(iter(headlines.values()), "")
    return (
        f"EVENT {doc.get('event_id')} {_short(headline, 70)}\n"
        f"    story {doc.get('story_id')} {how} | {event.get('stories')} stories (+{event.get('duplicates')} copies) in {langs}"
        f" | focus {focus.get('country') or '-'}/{focus.get('region') or '-'} | {float(event.get('velocity') or 0):.1f}/h"
    )


def render(record: Record) -> str:
    reason = record.header("wirewatch-reason")
    if reason is not None:
        where = f"{record.header('wirewatch-source-topic')}[{record.header('wirewatch-source-partition')}]@{record.header('wirewatch-source-offset')}"
        return f"DEAD LETTER {reason} from {where}: {record.header('wirewatch-error-message')}"
    doc = record.decoded()
    if isinstance(doc, dict):
        schema = str(doc.get("schema", ""))
        if schema.startswith("wirewatch.alert"):
            return render_alert(doc)
        if schema.startswith("wirewatch.enriched"):
            return render_enriched(doc)
        if schema.startswith("wirewatch.story-event"):
            return render_story_event(doc)
    return f"{record.topic}[{record.partition}]@{record.offset} key={record.key!r}: {str(doc)[:200]}"
