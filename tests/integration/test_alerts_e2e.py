"""Alerts follow story versions on the real broker, across a worker restart."""

from __future__ import annotations

import json
import time
from pathlib import Path

from agents.tail import tail
from tests.integration.harness import Worker, collect, run_cli

FIXTURES = Path(__file__).parents[1] / "fixtures" / "alerts"


def _version(tmp: Path, version: int, **changes: object) -> Path:
    story = json.loads((FIXTURES / "karabakh-ar-v1.json").read_text(encoding="utf-8"))
    story.update(version=version, **changes)
    path = tmp / f"v{version}-{len(changes)}.json"
    path.write_text(json.dumps(story, ensure_ascii=False), encoding="utf-8")
    return path


def _publish(worker: Worker, path: Path) -> None:
    out = run_cli(worker.env, "publish", "--quiet", str(path))
    assert out.returncode == 0 and "sent 1, failed 0" in out.stdout, out.stdout + out.stderr


def test_new_update_duplicate_restart_and_retract(worker: Worker, tmp_path: Path) -> None:
    settings = worker.settings
    topic = settings.alert_topic("south-caucasus")

    _publish(worker, _version(tmp_path, 1))
    first = collect(settings, topic, 1)[0]
    alert = json.loads(first.value or b"")
    assert first.key == b"kb-ar-2020-10-08"
    assert alert["schema"] == "wirewatch.alert/1"
    assert (alert["action"], alert["story_version"], alert["subscription"]) == ("new", 1, "south-caucasus")
    assert alert["language"] == "ar"
    assert alert["focus"]["region"] == "south-caucasus"
    assert {"AM", "AZ"} <= {c["iso2"] for c in alert["countries"]}
    evidence = alert["evidence"]
    assert evidence["topics"] and all(t["evidence"] for t in evidence["topics"])
    story_text = alert["headline"]
    assert any(m["text"] for p in evidence["places"]["places"] for m in p["mentions"]), evidence
    assert story_text and alert["latency_ms"] is not None and alert["latency_ms"] >= 0
    assert alert["tier"] in ("flash", "urgent", "routine")

    _publish(worker, _version(tmp_path, 1))  # the same version again: nothing new
    _publish(worker, _version(tmp_path, 2, headline="لافروف وجاويش أوغلو يدعوان إلى وقف إطلاق النار في قره باغ"))
    alerts = [json.loads(r.value or b"") for r in collect(settings, topic, 2)]
    assert [a["action"] for a in alerts] == ["new", "update"]
    assert alerts[1]["alert_id"] == alerts[0]["alert_id"]
    assert alerts[1]["previous_version"] == 1

    assert worker.stop() == 0, worker.log_tail()
    worker.start()  # state comes back from the table's changelog topic

    _publish(worker, _version(tmp_path, 2, headline="لافروف وجاويش أوغلو يدعوان إلى وقف إطلاق النار في قره باغ"))
    _publish(worker, _version(tmp_path, 3, pubstatus="canceled"))
    alerts = [json.loads(r.value or b"") for r in collect(settings, topic, 3)]
    assert [a["action"] for a in alerts] == ["new", "update", "retract"]
    assert len({a["alert_id"] for a in alerts}) == 1
    assert alerts[2]["reason"] == "story canceled"

    time.sleep(2)  # nothing else may follow (the duplicate after restart sent nothing)
    assert len(list(tail(settings, topic, from_beginning=True, timeout=2.0))) == 3
    assert worker.metric("wirewatch_alerts_total", {"subscription": "south-caucasus", "action": "retract"}) == 1
    assert worker.metric("wirewatch_alerts_duplicates_total", {"subscription": "south-caucasus"}) >= 1


def test_a_version_that_no_longer_matches_is_retracted(worker: Worker, tmp_path: Path) -> None:
    settings = worker.settings
    topic = settings.alert_topic("south-caucasus")
    _publish(worker, _version(tmp_path, 1))
    collect(settings, topic, 1)
    offtopic = "ارتفعت أسعار الذهب في الأسواق العالمية اليوم مع تراجع الدولار وتوقعات خفض الفائدة."
    _publish(worker, _version(tmp_path, 2, headline="الذهب يرتفع في الأسواق العالمية", body=offtopic))
    alerts = [json.loads(r.value or b"") for r in collect(settings, topic, 2)]
    assert [a["action"] for a in alerts] == ["new", "retract"]
    assert alerts[1]["reason"] == "new version no longer matches"


MALFORMED_NINJS = b'{"uri": "urn:x", "headlines": "not a list", "bodies": [{"value": "b"}]}'
MALFORMED_NEWSML = b'<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"><contentSet>'


def test_malformed_ninjs_and_newsml_are_dead_lettered(worker: Worker, tmp_path: Path) -> None:
    ninjs = tmp_path / "bad-ninjs.json"
    ninjs.write_bytes(MALFORMED_NINJS)
    newsml = tmp_path / "bad.xml"
    newsml.write_bytes(MALFORMED_NEWSML)
    # Sent anyway so the worker dead-letters them; publish names each one and exits 1 (an input error).
    for fmt, path in (("ninjs", ninjs), ("newsml", newsml)):
        done = run_cli(worker.env, "publish", "--quiet", "--format", fmt, str(path))
        assert done.returncode == 1, done.stderr
        assert str(path) in done.stderr and "sent 1" in done.stdout, (done.stdout, done.stderr)
    dead = collect(worker.settings, worker.settings.topic_dlq, 2)
    reasons = sorted(r.header("wirewatch-reason") or "" for r in dead)
    assert reasons == ["invalid_field", "invalid_format"], [
        (r.header("wirewatch-reason"), r.header("wirewatch-error-message")) for r in dead
    ]
    assert all(r.header("wirewatch-error-message") for r in dead)
