"""The ingest agent under Faust's test_context(): no broker, real agent code."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from aiokafka.errors import KafkaTimeoutError, MessageSizeTooLargeError

from agents.deadletter import TRUNCATED_BYTES
from agents.runtime import Runtime
from tests.agents.conftest import crashes, delivered, read, refused, timed_out, until

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _agent(app: Any) -> Any:
    return app.agents["wirewatch.ingest"]


def _sample(rt: Runtime, name: str, labels: dict[str, str] | None = None) -> float:
    return rt.registry.get_sample_value(name, labels or {}) or 0.0


async def test_good_story_is_enriched_with_language(app_and_runtime: tuple[Any, Runtime]) -> None:
    app, rt = app_and_runtime
    story = {
        "id": "ru-1",
        "headline": "Переговоры в Москве",
        "body": "Министры иностранных дел встретились в Москве и обсудили прекращение огня.",
    }
    async with _agent(app).test_context() as agent:
        await agent.put(json.dumps(story).encode(), key=b"ru-1")
    rt.enriched.send.assert_awaited_once()
    kwargs = rt.enriched.send.await_args.kwargs
    assert kwargs["key"] == b"ru-1"
    doc = json.loads(kwargs["value"])
    assert doc["schema"] == "wirewatch.enriched/1"
    assert doc["language"]["code"] == "ru"
    assert rt.dlq.send.await_count == 0
    assert _sample(rt, "wirewatch_stories_enriched_total", {"language": "ru"}) == 1


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'{"id": "x", "headline": ', "invalid_format"),
        (b"\xff\xfe\x00bad", "invalid_utf8"),
        (b'{"id": "x", "headline": "", "body": "   "}', "empty_story"),
        (b'{"id": "x", "headline": ["not", "text"], "body": "b"}', "invalid_field"),
        (b'{"id": "x", "headline": "h", "body": "' + b"a" * 5000 + b'"}', "oversized"),
    ],
)
async def test_bad_input_is_dead_lettered_with_reason_and_offset(
    app_and_runtime: tuple[Any, Runtime], raw: bytes, reason: str
) -> None:
    app, rt = app_and_runtime
    good = json.dumps({"id": "ok", "headline": "Flood warning", "body": "Rivers rose overnight across the region."}).encode()
    async with _agent(app).test_context() as agent:
        await agent.put(raw, key=b"k")
        await agent.put(good, key=b"ok")  # the stream carries on after a bad event
    rt.dlq.send.assert_awaited_once()
    kwargs = rt.dlq.send.await_args.kwargs
    headers = dict(kwargs["headers"])
    assert headers["wirewatch-reason"] == reason.encode()
    assert headers["wirewatch-source-offset"] == b"0"
    assert kwargs["value"] == raw
    assert rt.enriched.send.await_count == 1
    assert _sample(rt, "wirewatch_dead_letters_total", {"reason": reason}) == 1


async def test_unexpected_pipeline_error_is_dead_lettered_not_raised(app_and_runtime: tuple[Any, Runtime]) -> None:
    app, rt = app_and_runtime

    def boom(raw: bytes, **kwargs: Any) -> Any:
        raise RuntimeError("detector exploded")

    rt.pipeline.process = boom  # type: ignore[method-assign]
    async with _agent(app).test_context() as agent:
        await agent.put(b'{"id": "a", "headline": "h", "body": "b"}')
    headers = dict(rt.dlq.send.await_args.kwargs["headers"])
    assert headers["wirewatch-reason"] == b"internal_error"
    assert headers["wirewatch-error-class"] == b"RuntimeError"


_STORY = json.dumps({"id": "q-1", "headline": "Earthquake", "body": "A strong earthquake shook the coast."}).encode()


async def test_a_story_is_acked_only_once_kafka_has_its_output(app_and_runtime: tuple[Any, Runtime]) -> None:
    app, rt = app_and_runtime
    kafka_has_it: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def held(*args: Any, **kwargs: Any) -> asyncio.Future[None]:
        return kafka_has_it

    rt.enriched.send.side_effect = held  # type: ignore[attr-defined]
    async with _agent(app).test_context() as ctx:
        event = await read(ctx, _STORY)
        await until(lambda: rt.enriched.send.await_count == 1, "the send")  # type: ignore[attr-defined]
        await asyncio.sleep(0.1)
        assert not event.message.acked  # with the producer is not with Kafka
        kafka_has_it.set_result(None)
        await until(lambda: event.message.acked, "the ack")


async def test_a_story_kafka_never_gets_is_never_acked_and_the_agent_crashes(
    app_and_runtime: tuple[Any, Runtime], caplog: pytest.LogCaptureFixture
) -> None:
    app, rt = app_and_runtime
    rt.enriched.send.side_effect = timed_out  # type: ignore[attr-defined]
    async with _agent(app).test_context() as ctx:
        event = await crashes(ctx, _STORY, KafkaTimeoutError)
    assert not event.message.acked
    assert "was not delivered; crashing the agent" in caplog.text
    assert rt.dlq.send.await_count == 0  # type: ignore[attr-defined]


async def test_a_story_the_broker_refuses_for_its_size_is_dead_lettered_and_acked(
    app_and_runtime: tuple[Any, Runtime],
) -> None:
    # Sent again after a restart it would be refused again: crashing on it would stall its partition for good.
    app, rt = app_and_runtime
    rt.enriched.send.side_effect = refused  # type: ignore[attr-defined]
    async with _agent(app).test_context() as ctx:
        event = await read(ctx, _STORY)
        await until(lambda: event.message.acked, "the ack")
        assert ctx._crash_reason is None
    kwargs = rt.dlq.send.await_args.kwargs  # type: ignore[attr-defined]
    headers = dict(kwargs["headers"])
    assert headers["wirewatch-reason"] == b"oversized"
    assert headers["wirewatch-error-class"] == b"MessageSizeTooLargeError"
    assert kwargs["value"] == _STORY
    assert _sample(rt, "wirewatch_dead_letters_total", {"reason": "oversized"}) == 1
    enriched = [m for m in rt.registry.collect() if m.name == "wirewatch_stories_enriched"]
    assert sum(sample.value for m in enriched for sample in m.samples if sample.name.endswith("_total")) == 0


async def test_a_dead_letter_kafka_refuses_is_never_acked_and_the_agent_crashes(app_and_runtime: tuple[Any, Runtime]) -> None:
    app, rt = app_and_runtime
    rt.dlq.send.side_effect = refused  # type: ignore[attr-defined]
    async with _agent(app).test_context() as ctx:
        event = await crashes(ctx, b'{"id": "x", "headline": ', MessageSizeTooLargeError)
    assert not event.message.acked


async def test_a_refused_story_whose_dead_letter_is_refused_too_is_never_acked_and_the_agent_crashes(
    app_and_runtime: tuple[Any, Runtime],
) -> None:
    app, rt = app_and_runtime
    rt.enriched.send.side_effect = refused  # type: ignore[attr-defined]
    rt.dlq.send.side_effect = refused  # type: ignore[attr-defined]
    async with _agent(app).test_context() as ctx:
        event = await crashes(ctx, _STORY, MessageSizeTooLargeError)
    assert rt.dlq.send.await_count == 2  # type: ignore[attr-defined]  # whole, then truncated: both refused
    assert not event.message.acked


async def test_an_input_whose_dead_letter_is_too_large_is_dead_lettered_truncated_and_acked(
    app_and_runtime: tuple[Any, Runtime],
) -> None:
    # An input near the broker's limit plus the dead letter's headers is over it: refused after every
    # restart, it would stop the partition for good. Its whole bytes stay on the source topic.
    app, rt = app_and_runtime
    tries = iter([refused, delivered])

    async def once_refused(*args: Any, **kwargs: Any) -> asyncio.Future[None]:
        return await next(tries)(*args, **kwargs)

    rt.dlq.send.side_effect = once_refused  # type: ignore[attr-defined]
    raw = b'{"id": "x", "headline": "h", "body": "' + b"a" * 40_000 + b'"}'
    async with _agent(app).test_context() as ctx:
        event = await read(ctx, raw)
        await until(lambda: event.message.acked, "the ack")
        assert ctx._crash_reason is None
    whole, cut = (c.kwargs for c in rt.dlq.send.await_args_list)  # type: ignore[attr-defined]
    assert whole["value"] == raw and "wirewatch-value-truncated" not in dict(whole["headers"])
    assert cut["value"] == raw[:TRUNCATED_BYTES]
    assert dict(cut["headers"])["wirewatch-value-truncated"] == str(len(raw)).encode()
    assert dict(cut["headers"])["wirewatch-reason"] == b"oversized"
    assert _sample(rt, "wirewatch_dead_letters_total", {"reason": "oversized"}) == 1
