"""The router agent under Faust's test_context(): versions, duplicates and retractions."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from unittest.mock import AsyncMock, patch

import faust
import pytest
from aiokafka.errors import KafkaTimeoutError

from agents.runtime import Runtime
from stream.pipeline import Pipeline
from stream.story import Story
from tests.agents.conftest import crashes, delivered, read, refused, timed_out, until

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

HEADLINE = "Azerbaijan and Armenia agree to ceasefire in Karabakh"
BODY = (
    "Fighting between Azerbaijani and Armenian forces in Nagorno-Karabakh stopped after the foreign ministers "
    "agreed a ceasefire in talks. Artillery shelling had killed soldiers on both sides of the front line."
)


def _enriched(version: int, **story: Any) -> bytes:
    fields = {"headline": HEADLINE, "body": BODY, **story}
    doc = Pipeline().enrich(Story(id="kb-1", version=version, **fields)).to_dict()
    return json.dumps(doc).encode()


async def test_new_update_duplicate_and_retract(app_and_runtime: tuple[Any, Runtime]) -> None:
    app, rt = app_and_runtime

    async def delivered(*args: Any, **kwargs: Any) -> asyncio.Future[None]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        future.set_result(None)  # the broker's acknowledgement, which the router awaits
        return future

    sent = AsyncMock(name="Topic.send", side_effect=delivered)
    with patch.object(faust.topics.Topic, "send", sent):
        async with app.agents["wirewatch.router"].test_context() as agent:
            await agent.put(_enriched(1), key=b"kb-1")
            await agent.put(_enriched(1), key=b"kb-1")  # duplicate: nothing
            await agent.put(_enriched(2), key=b"kb-1")
            await agent.put(_enriched(3, pubstatus="canceled"), key=b"kb-1")
    alerts = [json.loads(call.kwargs["value"]) for call in sent.await_args_list]
    caucasus = [a for a in alerts if a.get("subscription") == "south-caucasus"]
    assert [a["action"] for a in caucasus] == ["new", "update", "retract"]
    assert len({a["alert_id"] for a in caucasus}) == 1
    assert all(call.kwargs["key"] == b"kb-1" for call in sent.await_args_list)
    assert rt.registry.get_sample_value("wirewatch_alerts_duplicates_total", {"subscription": "south-caucasus"}) == 1
    assert (
        rt.registry.get_sample_value(
            "wirewatch_alerts_total", {"subscription": "south-caucasus", "tier": caucasus[0]["tier"], "action": "new"}
        )
        == 1
    )


async def test_a_broken_enriched_record_is_dead_lettered(app_and_runtime: tuple[Any, Runtime]) -> None:
    app, rt = app_and_runtime
    async with app.agents["wirewatch.router"].test_context() as agent:
        await agent.put(b"{not json", key=b"x")
    headers = dict(rt.dlq.send.await_args.kwargs["headers"])
    assert headers["wirewatch-reason"] == b"router_error"


async def test_an_alert_kafka_never_gets_leaves_the_story_unacked_and_crashes_the_agent(
    app_and_runtime: tuple[Any, Runtime],
) -> None:
    # A broker fault is not the story's: dead-lettering it would drop a good story's alerts.
    app, rt = app_and_runtime
    with patch.object(faust.topics.Topic, "send", AsyncMock(side_effect=timed_out)):
        async with app.agents["wirewatch.router"].test_context() as ctx:
            event = await crashes(ctx, _enriched(1), KafkaTimeoutError, key=b"kb-1")
    assert not event.message.acked
    assert rt.dlq.send.await_count == 0  # type: ignore[attr-defined]


async def test_an_alert_the_broker_refuses_for_its_size_dead_letters_the_story_as_oversized(
    app_and_runtime: tuple[Any, Runtime],
) -> None:
    app, rt = app_and_runtime
    with patch.object(faust.topics.Topic, "send", AsyncMock(side_effect=refused)):
        async with app.agents["wirewatch.router"].test_context() as ctx:
            event = await read(ctx, _enriched(1), key=b"kb-1")
            await until(lambda: event.message.acked, "the ack")
            assert ctx._crash_reason is None
    headers = dict(rt.dlq.send.await_args.kwargs["headers"])  # type: ignore[attr-defined]
    assert headers["wirewatch-reason"] == b"oversized"
    assert headers["wirewatch-error-class"] == b"MessageSizeTooLargeError"


def _with_event(raw: bytes, story_id: str, duplicate_of: str | None) -> bytes:
    doc = json.loads(raw)
    doc["id"] = story_id
    doc["event"] = {"id": "ev-1", "new": duplicate_of is None, "score": 1.0, "duplicate_of": duplicate_of}
    return json.dumps(doc).encode()


async def test_a_near_duplicate_sends_no_new_alert_unless_the_subscription_wants_them(
    app_and_runtime: tuple[Any, Runtime],
) -> None:
    app, rt = app_and_runtime
    sent = AsyncMock(name="Topic.send", side_effect=delivered)
    with patch.object(faust.topics.Topic, "send", sent):
        async with app.agents["wirewatch.router"].test_context() as agent:
            await agent.put(_with_event(_enriched(1), "orig-1", None), key=b"orig-1")
            await agent.put(_with_event(_enriched(1), "copy-1", "orig-1"), key=b"copy-1")
            # A later version of the copy is no longer flagged (its id is known), and stays quiet.
            await agent.put(_with_event(_enriched(2), "copy-1", None), key=b"copy-1")
    alerts = [json.loads(call.kwargs["value"]) for call in sent.await_args_list]
    caucasus = [a for a in alerts if a.get("subscription") == "south-caucasus"]
    assert [(a["story_id"], a["action"]) for a in caucasus] == [("orig-1", "new")]
    assert rt.registry.get_sample_value(
        "wirewatch_alerts_suppressed_total", {"subscription": "south-caucasus", "reason": "duplicate"}
    ) == 2  # fmt: skip


async def test_a_summary_flush_during_a_stop_logs_the_summary_and_does_not_crash(caplog: pytest.LogCaptureFixture) -> None:
    # A stopping worker closes its producer before Faust cancels the summary timer: the send raises NotReady.
    from faust.exceptions import NotReady

    from agents.router import flush_summaries
    from stream.alerts.throttle import ThrottleSummary, Window

    windows = [Window("caucasus", 1, 60.0), Window("quakes", 1, 60.0), Window("floods", 1, 60.0)]
    for window in windows:
        window.admit(0.0, f"{window.subscription}-1")
        window.admit(1.0, f"{window.subscription}-2")  # held back: the window will close with a summary
    sent: list[ThrottleSummary] = []

    async def send(summary: ThrottleSummary) -> None:
        if sent:
            raise NotReady("Producer service not yet started")
        sent.append(summary)

    with caplog.at_level("WARNING", logger="wirewatch.router"):
        assert await flush_summaries(windows, 120.0, send) == sent
    assert [s.subscription for s in sent] == ["caucasus"]
    assert "throttle summary of quakes not sent" in caplog.text and "quakes-2" in caplog.text
    assert "throttle summary of floods not sent" in caplog.text  # after the first refusal, each is logged


async def test_a_summary_kafka_refuses_is_logged_and_the_flush_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    from agents.router import flush_summaries
    from stream.alerts.throttle import ThrottleSummary, Window

    windows = [Window("caucasus", 1, 60.0), Window("quakes", 1, 60.0)]
    for window in windows:
        window.admit(0.0, f"{window.subscription}-1")
        window.admit(1.0, f"{window.subscription}-2")
    sent: list[ThrottleSummary] = []

    async def send(summary: ThrottleSummary) -> None:
        if summary.subscription == "caucasus":
            await (await refused())
        sent.append(summary)

    with caplog.at_level("WARNING", logger="wirewatch.router"):
        assert await flush_summaries(windows, 120.0, send) == sent
    assert [s.subscription for s in sent] == ["quakes"]
    assert "throttle summary of caucasus not sent, the broker refused it" in caplog.text
    assert "caucasus-2" in caplog.text
