"""The events agent under Faust's test_context(): one event across languages, duplicates, state rebuilt
from the table, event alerts that follow the event, dead letters; and the ingest agent feeding it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, patch

import orjson
import pytest
from aiokafka.errors import KafkaTimeoutError, MessageSizeTooLargeError
from faust.topics import Topic

from agents.enrich import EVENTS_HEADER, events_header
from agents.events import SpikeCounts, carry_alert_state, flush_spike_counts
from agents.runtime import Runtime
from agents.topology import spike_keys_topic
from stream.events import blocking_key, extract, spike_keys
from tests.agents.conftest import _app, crashes, delivered, read, refused, timed_out, until
from tests.unit.events_stories import SHELLING, SYNDICATED, UNRELATED, enrich

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def sent() -> Iterator[AsyncMock]:
    """Topic.send of every topic without a per-instance mock (wire.events, alerts, by-key), recorded."""
    with patch.object(Topic, "send", autospec=True, side_effect=delivered) as mock:
        yield mock


def _on(sent: AsyncMock, topic: str) -> list[dict[str, Any]]:
    return [orjson.loads(c.kwargs["value"]) for c in sent.await_args_list if c.args and c.args[0].get_topic_name() == topic]


def _enriched(rt: Runtime) -> list[dict[str, Any]]:
    return [orjson.loads(c.kwargs["value"]) for c in rt.enriched.send.await_args_list]


async def _put(app: Any, docs: list[dict[str, Any]], partition: int = 0) -> None:
    async with app.agents["wirewatch.events"].test_context() as agent:
        for doc in docs:
            await agent.put(orjson.dumps(doc), key=blocking_key(doc).encode(), partition=partition)


async def test_ingest_sends_enriched_stories_to_the_by_key_topic(events_app: tuple[Any, Runtime]) -> None:
    app, rt = events_app
    assert rt.by_event_key is not None
    rt.by_event_key.send = AsyncMock(name="by_event_key.send", side_effect=delivered)
    async with app.agents["wirewatch.ingest"].test_context() as agent:
        for raw in SHELLING[:2]:
            await agent.put(json.dumps(raw).encode(), key=raw["id"].encode())
    calls = rt.by_event_key.send.await_args_list
    assert [orjson.loads(c.kwargs["value"])["id"] for c in calls] == ["ev-en-1", "ev-fr-1"]
    keys = {c.kwargs["key"] for c in calls}
    assert keys == {blocking_key(enrich(SHELLING[0])).encode()} and next(iter(keys)).startswith(b"country:")
    rt.enriched.send.assert_not_awaited()  # type: ignore[attr-defined]
    header = dict(calls[0].kwargs["headers"])[EVENTS_HEADER]
    info = orjson.loads(header)
    doc = orjson.loads(calls[0].kwargs["value"])
    assert info["features"] == extract(doc).to_dict() and info["spike_keys"] == spike_keys(doc)
    assert info["id"] == "ev-en-1" and info["pubstatus"] == "usable"


async def test_the_events_header_spares_the_loop_parsing_and_gives_the_same_output(
    events_app: tuple[Any, Runtime], sent: AsyncMock
) -> None:
    app, rt = events_app
    docs = [enrich(SHELLING[0]), enrich(SHELLING[1]), enrich(SYNDICATED)]
    async with app.agents["wirewatch.events"].test_context() as agent:
        for doc in docs:
            await agent.put(
                orjson.dumps(doc), key=blocking_key(doc).encode(), partition=0, headers=[(EVENTS_HEADER, events_header(doc))]
            )
    with_header = _enriched(rt)
    for app2, rt2 in _app(rt.settings.state_dir / "plain", events="on"):
        await _put(app2, docs)  # no header: parsed and extracted in the agent
        assert with_header == _enriched(rt2)
    assert with_header[2]["event"]["duplicate_of"] == "ev-en-1"
    assert {k: v for k, v in with_header[1].items() if k != "event"} == docs[1]


async def test_one_event_across_languages_and_a_syndicated_copy_is_a_duplicate(
    events_app: tuple[Any, Runtime], sent: AsyncMock
) -> None:
    app, rt = events_app
    docs = [enrich(SHELLING[0]), enrich(SHELLING[1]), enrich(SYNDICATED), enrich(UNRELATED[0])]
    await _put(app, docs)
    en, fr, copy, other = _enriched(rt)
    assert [d["id"] for d in (en, fr, copy, other)] == ["ev-en-1", "ev-fr-1", "partner-feed-889213", UNRELATED[0]["id"]]
    assert en["event"]["id"] == fr["event"]["id"] == copy["event"]["id"] != other["event"]["id"]
    assert en["event"]["new"] and not fr["event"]["new"] and other["event"]["new"]
    assert copy["event"]["duplicate_of"] == "ev-en-1" and copy["event"]["similarity"] >= 0.4
    assert fr["event"]["duplicate_of"] is None
    assert fr["event"]["stories"] == 2 and fr["event"]["languages"] == ["en", "fr"]
    # The enriched story is otherwise what the pipeline made.
    assert {k: v for k, v in fr.items() if k != "event"} == docs[1]
    records = _on(sent, rt.settings.topic_events)
    assert [r["story_id"] for r in records] == ["ev-en-1", "ev-fr-1", "partner-feed-889213", UNRELATED[0]["id"]]
    assert records[2]["schema"] == "wirewatch.story-event/1" and records[2]["duplicate_of"] == "ev-en-1"
    assert records[2]["event"]["stories"] == 2 and records[2]["event"]["duplicates"] == 1
    assert "terms" not in records[2]["event"] and records[2]["event"]["key_terms"]
    on_events = [c for c in sent.await_args_list if c.args[0].get_topic_name() == rt.settings.topic_events]
    assert [c.kwargs["key"] for c in on_events][:3] == [en["event"]["id"].encode()] * 3
    assert {c.args[0].get_topic_name() for c in sent.await_args_list} == {
        rt.settings.topic_events
    }  # spike counts wait for a flush
    assert rt.registry.get_sample_value("wirewatch_event_duplicates_total") == 1
    assert rt.registry.get_sample_value("wirewatch_events_opened_total") == 2
    assert rt.registry.get_sample_value("wirewatch_events_active") == 2
    assert rt.dlq.send.await_count == 0  # type: ignore[attr-defined]


async def test_a_restarted_worker_rebuilds_its_events_from_the_table(
    events_app: tuple[Any, Runtime], sent: AsyncMock, tmp_path: Path
) -> None:
    app, rt = events_app
    await _put(app, [enrich(SHELLING[0]), enrich(SHELLING[1])])
    first_event = _enriched(rt)[0]["event"]["id"]
    rows = dict(app.tables["event-stories"].data)
    assert set(rows) == {"0|ev-en-1", "0|ev-fr-1"} and all(r["p"] == 0 for r in rows.values())
    # A second worker whose table recovered those rows from the changelog (as Faust does on start).
    for restarted, restarted_rt in _app(tmp_path / "again", events="on"):
        restarted.tables["event-stories"].data.update(rows)
        await _put(restarted, [enrich(SHELLING[2]), enrich(SYNDICATED)])
        ru, copy = _enriched(restarted_rt)
        assert ru["event"]["id"] == first_event and not ru["event"]["new"]
        assert ru["event"]["stories"] == 3
        assert copy["event"]["duplicate_of"] == "ev-en-1"  # the original's fingerprint came back too
        assert (restarted_rt.registry.get_sample_value("wirewatch_event_rebuild_seconds_count") or 0) >= 1


@pytest.mark.parametrize(("slice_seconds", "yields"), [(0.0, 2), (3600.0, 0)])
async def test_a_rebuild_yields_to_the_event_loop_by_time_spent(
    events_app: tuple[Any, Runtime], sent: AsyncMock, tmp_path: Path, slice_seconds: float, yields: int
) -> None:
    """The replay hands the loop back after each slice of time, not of stories (a wire-length story
    costs ten times a headline): with no time allowed, after every story replayed."""
    app, _rt = events_app
    await _put(app, [enrich(SHELLING[0]), enrich(SHELLING[1])])
    rows = dict(app.tables["event-stories"].data)
    for restarted, _ in _app(tmp_path / "again", events="on"):
        restarted.tables["event-stories"].data.update(rows)
        pause = AsyncMock()
        with patch("agents.events._REPLAY_SLICE", slice_seconds), patch("agents.events._yield_to_loop", pause):
            await _put(restarted, [enrich(SHELLING[2])])
        assert pause.await_count == yields


async def test_event_subscription_alerts_new_then_update_as_the_event_grows(tmp_path: Path, sent: AsyncMock) -> None:
    subs = tmp_path / "subs.yaml"
    subs.write_text(
        "subscriptions:\n"
        "  - name: caucasus-events\n"
        "    match: {regions: [south-caucasus], scope: focus}\n"
        "    event: {min_stories: 2, min_languages: 2, growth: 2, min_update_seconds: 0}\n",
        encoding="utf-8",
    )
    for app, rt in _app(tmp_path, events="on", subscriptions_file=subs):
        await _put(app, [enrich(SHELLING[0], subs), enrich(SHELLING[1], subs), enrich(SHELLING[2], subs),
                         enrich(SYNDICATED, subs), enrich(SHELLING[3], subs)])  # fmt: skip
        alerts = _on(sent, "alerts.caucasus-events")
        # 1 story: below the minimums; 2 in 2 languages: new; 3rd in a 3rd language: update;
        # the copy adds no story; a 4th story in a 4th language is an update again.
        assert [a["action"] for a in alerts] == ["new", "update", "update"]
        assert len({a["alert_id"] for a in alerts}) == 1 and alerts[0]["kind"] == "event"
        assert [a["stories"] for a in alerts] == [2, 3, 4]
        assert alerts[1]["previous_stories"] == 2
        assert set(alerts[0]["headlines"]) == {"en", "fr"}
        assert alerts[0]["evidence"]["summary"][0].startswith("event reached 2 stories in 2 languages")
        assert rt.registry.get_sample_value(
            "wirewatch_alerts_total", {"subscription": "caucasus-events", "tier": alerts[0]["tier"], "action": "new"}
        ) == 1  # fmt: skip


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b'{"headline": "no id"}'])
async def test_a_bad_record_is_dead_lettered_and_the_stream_goes_on(
    events_app: tuple[Any, Runtime], sent: AsyncMock, raw: bytes
) -> None:
    app, rt = events_app
    good = enrich(SHELLING[0])
    async with app.agents["wirewatch.events"].test_context() as agent:
        await agent.put(raw, key=b"x")
        await agent.put(orjson.dumps(good), key=b"k")
    rt.dlq.send.assert_awaited_once()  # type: ignore[attr-defined]
    kwargs = rt.dlq.send.await_args.kwargs  # type: ignore[attr-defined]
    assert dict(kwargs["headers"])["wirewatch-reason"] == b"events_error"
    assert kwargs["value"] == raw
    assert [d["id"] for d in _enriched(rt)] == ["ev-en-1"]
    assert rt.registry.get_sample_value("wirewatch_dead_letters_total", {"reason": "events_error"}) == 1


@pytest.mark.parametrize("agent", ["wirewatch.events", "wirewatch.spikes", "wirewatch.router"])
async def test_a_dead_letter_kafka_refuses_leaves_the_record_unacked_and_crashes_the_agent(
    events_app: tuple[Any, Runtime], agent: str
) -> None:
    app, rt = events_app
    rt.dlq.send.side_effect = refused  # type: ignore[attr-defined]
    async with app.agents[agent].test_context() as ctx:
        event = await crashes(ctx, b"{not json", MessageSizeTooLargeError, key=b"region:south-caucasus")
    assert not event.message.acked


async def test_new_stories_are_counted_per_spike_key_and_copies_are_not(events_app: tuple[Any, Runtime], sent: AsyncMock) -> None:
    app, rt = events_app
    docs = [
        enrich(SHELLING[0]),
        enrich(SYNDICATED),
        enrich(SHELLING[0]),
        enrich(SHELLING[1]),
    ]  # the copy and the re-read are no new stories
    await _put(app, docs)
    assert not [c for c in sent.await_args_list if c.args[0].get_topic_name() == spike_keys_topic(rt.settings)]  # until a flush
    drained = rt.spike_counts.drain()
    assert {key for key, _ in drained} == set(spike_keys(docs[0])) | set(spike_keys(docs[3]))
    region = [count for key, count in drained if key == "region:south-caucasus"]  # 06:10 and 06:40: two buckets
    assert sorted((c["story_id"], c["n"]) for c in region) == [("ev-en-1", 1), ("ev-fr-1", 1)]
    assert rt.spike_counts.drain() == []


def test_spike_counts_are_summed_per_key_and_five_minute_bucket() -> None:
    counts = SpikeCounts()
    counts.add("country:TR", 1000.0, {"story_id": "a"})
    counts.add("country:TR", 1100.0, {"story_id": "b"})
    counts.add("country:TR", 1050.0, {"story_id": "c"})  # older than b: counted, b stays the latest
    counts.add("country:TR", 1300.0, {"story_id": "d"})  # the next bucket
    assert sorted(counts.drain(), key=lambda kv: kv[1]["t"]) == [
        ("country:TR", {"t": 1100.0, "n": 3, "story_id": "b"}),
        ("country:TR", {"t": 1300.0, "n": 1, "story_id": "d"}),
    ]


async def test_a_flush_during_a_stop_keeps_the_counts_it_could_not_send_and_does_not_crash() -> None:
    # A stopping worker closes its producer before Faust cancels the flush timer: the send raises NotReady.
    from faust.exceptions import NotReady

    counts = SpikeCounts()
    counts.add("country:TR", 1000.0, {"story_id": "a"})
    counts.add("region:south-caucasus", 1000.0, {"story_id": "a"})
    sent: list[str] = []

    async def send(key: str, count: dict[str, Any]) -> None:
        if sent:
            raise NotReady("Producer service not yet started")
        sent.append(key)

    assert await flush_spike_counts(counts, send) == 1
    counts.add("region:south-caucasus", 1100.0, {"story_id": "b"})  # counted after the failed flush
    [(key, count)] = counts.drain()
    assert key != sent[0]
    assert count == {"t": 1100.0, "n": 2, "story_id": "b"}


async def test_an_enriched_story_the_broker_refuses_for_its_size_is_dead_lettered_and_acked(
    events_app: tuple[Any, Runtime], sent: AsyncMock
) -> None:
    app, rt = events_app
    rt.enriched.send.side_effect = refused  # type: ignore[attr-defined]
    doc = enrich(SHELLING[0])
    async with app.agents["wirewatch.events"].test_context() as ctx:
        event = await read(ctx, orjson.dumps(doc), key=blocking_key(doc).encode())
        await until(lambda: event.message.acked, "the ack")
        assert ctx._crash_reason is None
    headers = dict(rt.dlq.send.await_args.kwargs["headers"])  # type: ignore[attr-defined]
    assert headers["wirewatch-reason"] == b"oversized"
    assert headers["wirewatch-error-class"] == b"MessageSizeTooLargeError"


async def test_an_output_kafka_never_gets_leaves_the_story_unacked_and_crashes_the_agent(
    events_app: tuple[Any, Runtime], sent: AsyncMock
) -> None:
    app, rt = events_app
    rt.enriched.send.side_effect = timed_out  # type: ignore[attr-defined]
    doc = enrich(SHELLING[0])
    async with app.agents["wirewatch.events"].test_context() as ctx:
        event = await crashes(ctx, orjson.dumps(doc), KafkaTimeoutError, key=blocking_key(doc).encode())
    assert not event.message.acked
    assert rt.dlq.send.await_count == 0  # type: ignore[attr-defined]


async def test_a_count_kafka_refuses_is_kept_for_the_next_flush(caplog: pytest.LogCaptureFixture) -> None:
    counts = SpikeCounts()
    counts.add("country:TR", 1000.0, {"story_id": "a"})
    counts.add("region:south-caucasus", 1000.0, {"story_id": "a"})

    async def send(key: str, count: dict[str, Any]) -> None:
        await (await refused())

    assert await flush_spike_counts(counts, send) == 0
    assert "spike counts not delivered" in caplog.text
    assert sorted(key for key, _ in counts.drain()) == ["country:TR", "region:south-caucasus"]


def _caucasus_spikes(tmp_path: Path) -> Path:
    subs = tmp_path / "subs.yaml"
    subs.write_text(
        "subscriptions:\n  - name: caucasus-spikes\n    match: {regions: [south-caucasus]}\n    spike: {min_tier: routine}\n",
        encoding="utf-8",
    )
    return subs


async def test_a_burst_of_stories_in_one_region_is_one_spike_alert_that_rises(tmp_path: Path, sent: AsyncMock) -> None:
    for app, rt in _app(tmp_path, events="on", subscriptions_file=_caucasus_spikes(tmp_path)):
        t0 = 1_700_000_000.0
        async with app.agents["wirewatch.spikes"].test_context() as agent:
            # A quiet baseline: one story every six hours for a week, then 40 stories in half an hour.
            for i in range(28):
                await agent.put(orjson.dumps({"t": t0 + i * 6 * 3600, "story_id": f"q{i}"}), key=b"region:south-caucasus")
            burst = t0 + 7 * 86400
            for i in range(40):
                await agent.put(
                    orjson.dumps({"t": burst + i * 45, "story_id": f"b{i}", "headline": f"Shelling {i}"}),
                    key=b"region:south-caucasus",
                )
            await agent.put(orjson.dumps({"t": burst, "story_id": "other"}), key=b"region:levant")
        alerts = _on(sent, "alerts.caucasus-spikes")
        assert [a["action"] for a in alerts] == ["new", "update", "update"]
        assert [a["tier"] for a in alerts] == ["routine", "urgent", "flash"]
        assert len({a["alert_id"] for a in alerts}) == 1 and alerts[0]["kind"] == "spike"
        assert alerts[0]["key"] == "region:south-caucasus" and alerts[0]["count"] >= 3
        assert rt.registry.get_sample_value("wirewatch_spikes_total", {"dimension": "region", "tier": "flash"}) == 1
        assert (rt.registry.get_sample_value("wirewatch_spike_score", {"region": "south-caucasus"}) or 0) > 9
        row = app.tables["spike-series"].data["region:south-caucasus"]
        assert row["tier"] == "flash" and row["subs"]["caucasus-spikes"]["tier"] == "flash"


async def test_a_spike_alert_kafka_never_gets_leaves_the_count_unacked_and_crashes_the_agent(tmp_path: Path) -> None:
    for app, rt in _app(tmp_path, events="on", subscriptions_file=_caucasus_spikes(tmp_path)):
        t0 = 1_700_000_000.0
        counts = [{"t": t0 + i * 6 * 3600, "story_id": f"q{i}"} for i in range(28)]
        counts += [{"t": t0 + 7 * 86400 + i * 45, "story_id": f"b{i}"} for i in range(40)]
        with patch.object(Topic, "send", AsyncMock(side_effect=timed_out)):
            async with app.agents["wirewatch.spikes"].test_context() as ctx:
                events = [await read(ctx, orjson.dumps(c), key=b"region:south-caucasus") for c in counts]
                await until(lambda: ctx._crash_reason is not None, "the crash")
                assert isinstance(ctx._crash_reason, KafkaTimeoutError)
        assert not all(e.message.acked for e in events)
        assert rt.dlq.send.await_count == 0  # type: ignore[attr-defined]


async def test_state_older_than_the_window_expires(tmp_path: Path, sent: AsyncMock) -> None:
    for app, rt in _app(tmp_path, events="on", event_window_hours=1):
        later = {**UNRELATED[0], "versioncreated": "2020-10-04T12:00:00Z"}  # six hours after the shelling reports
        await _put(app, [enrich(SHELLING[0]), enrich(SHELLING[1]), enrich(later)])
        assert set(app.tables["event-stories"].data) == {f"0|{later['id']}"}  # tombstones for the two old rows
        assert rt.registry.get_sample_value("wirewatch_events_active") == 1


def test_a_merged_event_inherits_the_alert_state_of_the_part_it_absorbed() -> None:
    row = {"p": 0, "subs": {"caucasus-events": {"stories": 2, "languages": 2, "at": 1.0, "tier": "routine"}}}
    table: dict[str, Any] = {"ev-b": row}
    alerted = {"ev-b"}
    carry_alert_state(("ev-b",), "ev-a", alerted, table)
    assert table["ev-a"] == row and alerted == {"ev-a", "ev-b"}  # an update of ev-a next, not a second "new"
    own = {"p": 0, "subs": {}}
    table, alerted = {"ev-a": own, "ev-b": row}, {"ev-a", "ev-b"}
    carry_alert_state(("ev-b",), "ev-a", alerted, table)
    assert table["ev-a"] is own  # the survivor's own state stays
    table, alerted = {}, set()
    carry_alert_state(("ev-b",), "ev-a", alerted, table)
    assert table == {} and alerted == set()
