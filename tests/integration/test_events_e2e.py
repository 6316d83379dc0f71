"""Events on the real broker: one earthquake reported in six languages and a syndicated copy.

Published in two waves through the CLI (as ``make demo`` does): the stories share one event id on
``wire.enriched`` and ``wire.events``, the copy is flagged a near-duplicate and sends no story alert,
and the shipped ``developing-events`` subscription alerts once per event (``new`` at 3 stories in 2
languages), then ``update`` as languages join, all under one alert id keyed by the event id.

The stories are keyed by story id, so they land on different ``wire.stories`` partitions (the test
topics have 3): one event id across all of them is the test that re-keying by blocking key brings
them to one clusterer.
"""

from __future__ import annotations

import json
from pathlib import Path

from agents.demo import FOLLOWUPS, SAMPLES
from agents.topology import events_by_key_topic
from stream.events import Clusterer
from tests.integration.harness import Worker, collect, fresh_env, read_all, run_cli, wait_for


def test_an_event_grows_across_languages_with_one_alert_that_follows_it(worker: Worker, tmp_path: Path) -> None:
    settings = worker.settings
    quake = [line for line in (SAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines() if "6,1" in line]
    assert len(quake) == 2  # the French and Turkish first reports
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(quake) + "\n", encoding="utf-8")
    expected = 0
    for path in (first, SAMPLES / FOLLOWUPS):
        out = run_cli(worker.env, "publish", "--quiet", str(path))
        assert out.returncode == 0, out.stdout + out.stderr
        expected += sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        wait_for(lambda n=expected: len(read_all(settings, [settings.topic_enriched])) >= n, 60, "enriched stories")
    enriched = {
        json.loads(r.value or b"")["id"]: json.loads(r.value or b"") for r in read_all(settings, [settings.topic_enriched])
    }
    assert len(enriched) == 8
    events = {doc["event"]["id"] for doc in enriched.values()}
    assert len(events) == 1, {k: d["event"] for k, d in enriched.items()}
    event_id = events.pop()
    assert enriched["partner-7731"]["event"]["duplicate_of"] == "demo-101"
    assert sum(1 for d in enriched.values() if d["event"]["new"]) == 1

    story_events = [json.loads(r.value or b"") for r in read_all(settings, [settings.topic_events])]
    assert len(story_events) == 8 and {r["event_id"] for r in story_events} == {event_id}
    last = max(story_events, key=lambda r: r["event"]["stories"] + r["event"]["duplicates"])
    assert last["event"]["stories"] == 7 and last["event"]["duplicates"] == 1
    assert set(last["event"]["languages"]) == {"fr", "tr", "en", "ar", "ru", "de", "es"}

    records = collect(settings, settings.alert_topic("developing-events"), 1)
    wait_for(lambda: len(read_all(settings, [settings.alert_topic("developing-events")])) >= 2, 30, "an update")
    alerts = [json.loads(r.value or b"") for r in read_all(settings, [settings.alert_topic("developing-events")])]
    assert records[0].key == event_id.encode()
    assert alerts[0]["action"] == "new" and alerts[0]["kind"] == "event" and alerts[0]["stories"] == 3
    assert all(a["action"] == "update" for a in alerts[1:]) and len({a["alert_id"] for a in alerts}) == 1
    assert [a["stories"] for a in alerts] == sorted(a["stories"] for a in alerts)

    disasters = [json.loads(r.value or b"") for r in read_all(settings, [settings.alert_topic("disasters")])]
    alerted = {a["story_id"] for a in disasters}
    assert "partner-7731" not in alerted and "demo-101" in alerted  # the copy is suppressed, its original is not
    suppressed = worker.metric("wirewatch_alerts_suppressed_total", {"reason": "duplicate", "subscription": "disasters"})
    assert suppressed == 1


def test_a_burst_about_one_topic_is_a_spike_alert(bootstrap: str, tmp_path: Path) -> None:
    subs = tmp_path / "subs.yaml"
    subs.write_text(
        "subscriptions:\n  - name: quake-spikes\n    match: {topics: ['medtop:03000000']}\n    spike: {min_tier: routine}\n",
        encoding="utf-8",
    )
    worker = Worker(fresh_env(bootstrap, tmp_path / "state", WIREWATCH_SUBSCRIPTIONS_FILE=str(subs)), tmp_path / "w.log").start()
    try:
        settings = worker.settings
        out = run_cli(worker.env, "publish", "--quiet", str(SAMPLES / FOLLOWUPS))
        assert out.returncode == 0, out.stdout + out.stderr
        # Five new stories (the copy is not counted) within one hour for a key never seen before (expected
        # 0.5 a hour): a routine spike.
        records = collect(settings, settings.alert_topic("quake-spikes"), 1)
        alert = json.loads(records[0].value or b"")
        assert records[0].key == b"topic:medtop:03000000"
        assert (alert["kind"], alert["action"], alert["tier"]) == ("spike", "new", "routine")
        assert alert["count"] == 5 and alert["expected"] == 0.5 and alert["score"] >= 3
        assert worker.metric("wirewatch_spikes_total", {"dimension": "topic", "tier": "routine"}) >= 1
        assert worker.metric("wirewatch_spike_score", {"region": "middle-east"}) > 0
        dead = read_all(settings, [settings.topic_dlq])
        assert not dead, [dict(r.headers).get("wirewatch-error-message") for r in dead]
    finally:
        worker.stop()


def test_events_survive_a_worker_restart(worker: Worker, tmp_path: Path) -> None:
    """The clusterer is rebuilt from the changelogged ``event-stories`` table: after a restart every story
    gets exactly the event a clusterer that never stopped would give it (replayed here, in the order of the
    by-key topic), and a copy of a story read before the restart is still its duplicate."""
    settings = worker.settings
    lines = (SAMPLES / FOLLOWUPS).read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if i == 3:  # en, ar, ru before the restart; de, the English copy, es after it
            assert worker.stop() == 0
            worker.start()
        path = tmp_path / f"{i}.json"
        path.write_text(line, encoding="utf-8")
        assert run_cli(worker.env, "publish", "--quiet", str(path)).returncode == 0
        # One at a time, so the order on the by-key topic is the publishing order.
        wait_for(lambda n=i + 1: len(read_all(settings, [settings.topic_enriched])) >= n, 60, f"story {i + 1} enriched")
    docs = {json.loads(r.value or b"")["id"]: json.loads(r.value or b"") for r in read_all(settings, [settings.topic_enriched])}
    keyed = [json.loads(r.value or b"") for r in read_all(settings, [events_by_key_topic(settings)])]
    assert [d["id"] for d in keyed] == [json.loads(line)["id"] for line in lines]
    clusterer = Clusterer(window=settings.event_window_hours * 3600.0)
    expected = {d["id"]: clusterer.add(d) for d in keyed}
    assert {k: d["event"]["id"] for k, d in docs.items()} == {k: a.event_id for k, a in expected.items()}
    assert docs["partner-7731"]["event"]["duplicate_of"] == "demo-101"
    assert worker.metric("wirewatch_event_rebuild_seconds_count") >= 1
