"""Alerts that follow an event: new once it meets the minimums, update as it grows, never a storm."""

from __future__ import annotations

from typing import Any

import pytest

from stream.alerts.event_alert import build_event_alert, decide_event, event_alert_id, higher_tier
from stream.alerts.subscription import EventCriteria


def _event(stories: int, languages: tuple[str, ...] = ("en",), sources: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "id": "ev-1",
        "first_seen": 1_600_000_000.0,
        "last_seen": 1_600_000_600.0,
        "stories": stories,
        "languages": {lang: 1 for lang in languages},
        "sources": {s: 1 for s in sources},
        "headlines": {"en": "Shelling of Stepanakert", "fr": "Stepanakert bombardée"},
    }


def test_new_only_once_the_minimums_hold() -> None:
    crit = EventCriteria(min_stories=3, min_languages=2, min_sources=2)
    below = decide_event(None, _event(2, ("en", "fr"), ("AFP", "AP")), crit, now=0)
    assert below.action is None and "2/3 stories" in below.reason
    one_language = decide_event(None, _event(3, ("en",), ("AFP", "AP")), crit, now=0)
    assert one_language.action is None and "1/2 languages" in one_language.reason
    one_source = decide_event(None, _event(3, ("en", "fr"), ("AFP",)), crit, now=0)
    assert one_source.action is None and "1/2 sources" in one_source.reason
    ok = decide_event(None, _event(3, ("en", "fr"), ("AFP", "AP")), crit, now=0)
    assert ok.action == "new" and "3 stories in 2 languages from 2 sources" in ok.reason


def test_a_source_minimum_of_one_holds_for_stories_that_name_no_source() -> None:
    assert decide_event(None, _event(2), EventCriteria(), now=0).action == "new"


@pytest.mark.parametrize(
    ("stories", "languages", "seconds_later", "action"),
    [
        (5, ("en",), 3600, None),  # 4 -> 5 stories: not doubled
        (8, ("en",), 3600, "update"),  # doubled
        (5, ("en", "ar"), 3600, "update"),  # a language joined
        (8, ("en",), 60, None),  # doubled, but within min_update_seconds of the last alert
    ],
)
def test_updates_follow_growth_at_a_bounded_rate(
    stories: int, languages: tuple[str, ...], seconds_later: float, action: str | None
) -> None:
    prev = {"stories": 4, "languages": 1, "at": 1000.0, "tier": "routine"}
    decision = decide_event(prev, _event(stories, languages), EventCriteria(min_update_seconds=600), now=1000.0 + seconds_later)
    assert decision.action == action, decision.reason


def test_a_steadily_growing_event_sends_few_alerts() -> None:
    crit = EventCriteria(min_stories=2, growth=2.0, min_update_seconds=0)
    prev: dict[str, Any] | None = None
    actions = []
    for n in range(1, 101):  # one story a minute for 100 minutes
        d = decide_event(prev, _event(n), crit, now=n * 60.0)
        if d.action:
            actions.append((d.action, n))
            prev = {"stories": n, "languages": 1, "at": n * 60.0}
    assert actions == [("new", 2), ("update", 4), ("update", 8), ("update", 16), ("update", 32), ("update", 64)]


def test_event_alert_record() -> None:
    doc = {"id": "s-9", "version": 2, "language": {"code": "fr"}, "headline": "x"}
    alert = build_event_alert(
        _event(3, ("en", "fr")), doc, "caucasus", "update", tier="urgent", reason="event grew",
        evidence={"summary": ["event grew"]}, previous={"stories": 2}, alerted_at=1_600_000_700.0,
    )  # fmt: skip
    assert alert["schema"] == "wirewatch.alert/1" and alert["kind"] == "event"
    assert alert["alert_id"] == event_alert_id("ev-1", "caucasus") != event_alert_id("ev-1", "other")
    assert (alert["event_id"], alert["stories"], alert["previous_stories"]) == ("ev-1", 3, 2)
    assert alert["headline"] == "Stepanakert bombardée"  # the event's headline in the language of the story
    assert alert["first_seen"] == "2020-09-13T12:26:40.000Z"


def test_an_event_is_as_urgent_as_its_most_urgent_story() -> None:
    assert higher_tier(None, "routine") == "routine"
    assert higher_tier("urgent", "routine") == "urgent"
    assert higher_tier("urgent", "flash") == "flash"
