from __future__ import annotations

import pytest

from stream.alerts.alert import alert_id, build_alert, decide
from stream.alerts.throttle import Window
from stream.alerts.tier import tier_of


@pytest.mark.parametrize(
    ("prev", "version", "pubstatus", "matched", "action"),
    [
        (None, 1, "usable", True, "new"),
        (None, 1, "usable", False, None),
        (None, 2, "canceled", False, None),
        ({"version": 1, "active": True}, 1, "usable", True, None),  # same version again
        ({"version": 3, "active": True}, 2, "usable", True, None),  # older version arrives late
        ({"version": 1, "active": True}, 2, "usable", True, "update"),
        ({"version": 1, "active": True}, 2, "usable", False, "retract"),
        ({"version": 1, "active": True}, 2, "canceled", False, "retract"),
        ({"version": 1, "active": True}, 2, "withheld", True, "retract"),
        ({"version": 2, "active": False}, 3, "usable", True, "new"),  # re-instated after a retraction
        ({"version": 2, "active": False}, 3, "canceled", False, None),
    ],
)
def test_version_policy(prev: dict[str, object] | None, version: int, pubstatus: str, matched: bool, action: str | None) -> None:
    assert decide(prev, version, pubstatus, matched).action == action


def test_alert_id_is_stable_per_story_and_subscription() -> None:
    assert alert_id("s1", "south-caucasus") == alert_id("s1", "south-caucasus")
    assert alert_id("s1", "south-caucasus") != alert_id("s1", "terrorism")
    assert alert_id("s1", "south-caucasus") != alert_id("s2", "south-caucasus")


def test_alert_message_fields_and_latency() -> None:
    doc = {
        "id": "s1",
        "version": 2,
        "headline": "h",
        "language": {"code": "ar"},
        "topics": [{"code": "medtop:20000056", "label": "armed conflict", "score": 0.9, "evidence": []}],
        "countries": [{"iso2": "AZ", "name": "Azerbaijan", "score": 0.5, "mentions": []}],
        "regions": [{"id": "south-caucasus", "name": "South Caucasus", "score": 0.8}],
        "focus": {"country": "AZ", "region": "south-caucasus"},
        "versioncreated": "2026-11-29T00:00:00Z",
        "received_at": "2026-11-29T00:00:01.000Z",
    }
    alert = build_alert(
        doc, "south-caucasus", "update", tier="urgent", evidence={"summary": ["x"]}, reason="matches",
        previous_version=1, alerted_at=1000.25, published_at=1000.0,
    )  # fmt: skip
    for key in (
        "alert_id", "subscription", "tier", "action", "story_id", "story_version", "headline", "language", "topics",
        "countries", "regions", "focus", "evidence", "story_created", "received_at", "alerted_at", "latency_ms",
    ):  # fmt: skip
        assert key in alert, key
    assert alert["latency_ms"] == 250.0
    assert alert["language"] == "ar" and alert["story_version"] == 2 and alert["previous_version"] == 1


@pytest.mark.parametrize(
    ("urgency", "headline", "topics", "tier"),
    [
        (1, "Quake", [], "flash"),
        (2, "Quake", [], "urgent"),
        (3, "Quake", [], "urgent"),
        (5, "FLASH Coup under way in capital", [], "flash"),
        (None, "BREAKING: explosion at station", [], "urgent"),
        (None, "عاجل: انفجار في العاصمة", [], "urgent"),
        (None, "СРОЧНО: взрыв в центре города", [], "urgent"),
        (6, "Talks continue", [{"code": "medtop:20000053", "label": "act of terror", "score": 0.85}], "urgent"),
        (6, "Talks continue", [{"code": "medtop:20000053", "label": "act of terror", "score": 0.6}], "routine"),
        (None, "Markets steady", [{"code": "medtop:04000000", "label": "economy", "score": 0.95}], "routine"),
    ],
)
def test_tiers(urgency: int | None, headline: str, topics: list[dict[str, object]], tier: str) -> None:
    got, reason = tier_of(urgency, headline, topics)
    assert got == tier and reason


def test_throttle_admits_limit_then_summarises_the_rest() -> None:
    window = Window("s", limit=2, seconds=60)
    assert window.admit(0.0, "a") == (True, None)
    assert window.admit(1.0, "b") == (True, None)
    assert window.admit(2.0, "c") == (False, None)
    assert window.admit(3.0, "d") == (False, None)
    allowed, summary = window.admit(61.0, "e")
    assert allowed
    assert summary is not None and (summary.allowed, summary.suppressed, summary.story_ids) == (2, 2, ("c", "d"))
    assert window.roll(200.0) is None  # nothing held back in the second window


def test_alert_ids_stay_the_same_across_releases() -> None:
    # Consumers key alerts by id: a new release must give a story, event or spike burst the id it had.
    from stream.alerts.event_alert import event_alert_id
    from stream.alerts.spike_alert import spike_alert_id

    assert alert_id("kb-ar-2020-10-08", "south-caucasus") == "al-b61738449c7a72492834"
    assert event_alert_id("ev-13cc8396aeb8c800", "developing-events") == "al-8b90dc194ecb8cd4f253"
    assert spike_alert_id("breaking-spikes", "region:levant", 1_700_000_000.0) == "al-9ceeef8746fab9006ec6"
    assert len({alert_id("x", "s"), event_alert_id("x", "s"), spike_alert_id("s", "x", 0.0)}) == 3
