"""What ``wirewatch tail`` and the demo print for events: story-event records and event alerts."""

from __future__ import annotations

from agents.render import render_alert, render_enriched, render_story_event
from stream.events import Clusterer, event_message
from tests.unit.events_stories import SHELLING, SYNDICATED, enrich


def test_story_event_records_say_where_the_story_went() -> None:
    c = Clusterer()
    first = c.add(enrich(SHELLING[0]))
    opened = render_story_event(event_message(first, c.events[first.event_id]))
    assert opened.startswith(f"EVENT {first.event_id} Azerbaijani artillery shells Stepanakert")
    assert "story ev-en-1 opened | 1 stories (+0 copies) in en | focus AZ/south-caucasus" in opened
    copy = c.add(enrich(SYNDICATED))
    assert "story partner-feed-889213 near-duplicate of ev-en-1 | 1 stories (+1 copies)" in render_story_event(
        event_message(copy, c.events[copy.event_id])
    )


def test_enriched_stories_and_event_alerts_show_the_event() -> None:
    doc = enrich(SHELLING[1])
    doc["event"] = {"id": "ev-1", "new": False, "score": 0.61, "duplicate_of": None, "stories": 2, "languages": ["en", "fr"]}
    assert "event ev-1 joined (0.61): 2 stories in en fr" in render_enriched(doc)
    alert = {"kind": "event", "tier": "urgent", "action": "update", "subscription": "developing-events",
             "headline": "Séisme", "alert_id": "al-1", "event_id": "ev-1", "stories": 4,
             "languages": {"fr": 2, "tr": 2}, "story_id": "s-4", "evidence": {"summary": ["event grew: 2 -> 4 stories"]}}  # fmt: skip
    text = render_alert(alert)
    assert "update  [developing-events] Séisme" in text and "why: event grew: 2 -> 4 stories" in text
    assert "event=ev-1 stories=4 languages=fr tr (after story s-4)" in text
