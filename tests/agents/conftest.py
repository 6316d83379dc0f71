from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock

import pytest
from aiokafka.errors import KafkaTimeoutError, MessageSizeTooLargeError
from prometheus_client import CollectorRegistry

from agents.app import create_app
from agents.runtime import Runtime, runtime_of
from stream.settings import Settings


async def delivered(*args: object, **kwargs: object) -> asyncio.Future[None]:
    """What ``Topic.send`` returns once Kafka has the record: a resolved delivery future."""
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    future.set_result(None)
    return future


async def refused(*args: object, **kwargs: object) -> asyncio.Future[None]:
    """What ``Topic.send`` returns for a record the broker refuses for its size: a failed delivery future."""
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    future.set_exception(MessageSizeTooLargeError("over the topic's max.message.bytes"))
    return future


async def timed_out(*args: object, **kwargs: object) -> asyncio.Future[None]:
    """What ``Topic.send`` returns for a record that never reached the broker: a failed delivery future."""
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    future.set_exception(KafkaTimeoutError("the batch expired before the broker answered"))
    return future


async def read(ctx: Any, value: bytes, key: bytes | None = None) -> Any:
    """``ctx.put`` with the reference a Kafka consumer holds for the stream (a test channel holds none), so
    that the message is acked only when both the stream and the agent have let it go."""
    message = ctx.to_message(key, value, offset=ctx.sent_offset)
    message.incref()
    channel = ctx.stream().channel
    event = await channel.decode(message)
    await channel.put(event)
    ctx.sent_offset += 1
    return event


async def crashes(ctx: Any, value: bytes, error: type[BaseException], key: bytes | None = None) -> Any:
    """:func:`read` ``value``, wait until the agent crashes, check it crashed with ``error``; returns the event."""
    event = await read(ctx, value, key=key)
    await until(lambda: ctx._crash_reason is not None, "the crash")
    assert isinstance(ctx._crash_reason, error), ctx._crash_reason
    return event


async def until(check: Callable[[], bool], what: str) -> None:
    for _ in range(500):
        if check():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def app_and_runtime(tmp_path: Path) -> Iterator[tuple[object, Runtime]]:
    """A fresh app with memory tables and its topics' send() replaced by recorders.

    Events are off: the ingest agent writes ``wire.enriched`` itself (``events_app`` has them on).
    """
    yield from _app(tmp_path, events="off")


@pytest.fixture
def events_app(tmp_path: Path) -> Iterator[tuple[object, Runtime]]:
    """As ``app_and_runtime``, with the events agent (and the ingest agent writing to its by-key topic)."""
    yield from _app(tmp_path, events="on")


def _app(tmp_path: Path, **overrides: object) -> Iterator[tuple[object, Runtime]]:
    settings = Settings.from_env({}, state_dir=tmp_path, app_id="wirewatch-agent-test", max_story_bytes=4096, **overrides)
    app = create_app(settings, registry=CollectorRegistry())
    app.conf.store = "memory://"
    app.finalize()
    rt = runtime_of(app)
    rt.enriched.send = AsyncMock(name="enriched.send", side_effect=delivered)  # type: ignore[method-assign]
    rt.dlq.send = AsyncMock(name="dlq.send", side_effect=delivered)  # type: ignore[method-assign]
    yield app, rt
