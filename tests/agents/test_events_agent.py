"""The events agents under Faust's test_context(): re-keying, one event across languages, duplicates, dead letters."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any
from unittest.mock import AsyncMock, patch

import faust
import orjson
import pytest

from agents.runtime import Runtime
from stream.events import blocking_key
from tests.unit.events_stories import SHELLING, SYNDICATED, enrich

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def sent() -> Iterator[AsyncMock]:
    """Topic.send of every topic but the dead-letter one (patched per instance in conftest), recorded."""

    async def delivered(*args: Any, **kwargs: Any) -> asyncio.Future[None]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        future.set_result(None)
        return future

    mock = AsyncMock(name="Topic.send", side_effect=delivered)
    with patch.object(faust.topics.Topic, "send", mock):
        yield mock


def _records(sent: AsyncMock) -> list[dict[str, Any]]:
    return [orjson.loads(call.kwargs["value"]) for call in sent.await_args_list]


async def test_enriched_stories_are_rekeyed_by_blocking_key(app_and_runtime: tuple[Any, Runtime], sent: AsyncMock) -> None:
    app, _rt = app_and_runtime
    docs = [enrich(raw) for raw in SHELLING[:2]]
    async with app.agents["wirewatch.events-key"].test_context() as agent:
        for doc in docs:
            await agent.put(orjson.dumps(doc), key=doc["id"].encode())
    keys = [call.kwargs["key"] for call in sent.await_args_list]
    assert keys == [blocking_key(d).encode() for d in docs]
    assert len(set(keys)) == 1 and keys[0].startswith(b"country:")
    assert sent.await_args_list[0].kwargs["value"] == orjson.dumps(docs[0])


async def test_one_event_across_languages_and_a_syndicated_copy_is_a_duplicate(
    app_and_runtime: tuple[Any, Runtime], sent: AsyncMock
) -> None:
    app, rt = app_and_runtime
    stories = [SHELLING[0], SHELLING[1], SYNDICATED]  # English, French, the English re-sent under a new id
    async with app.agents["wirewatch.events"].test_context() as agent:
        for raw in stories:
            doc = enrich(raw)
            await agent.put(orjson.dumps(doc), key=blocking_key(doc).encode(), partition=0)
    en, fr, copy = _records(sent)
    assert en["schema"] == "wirewatch.story-event/1"
    assert [r["story_id"] for r in (en, fr, copy)] == ["ev-en-1", "ev-fr-1", "partner-feed-889213"]
    assert en["event_id"] == fr["event_id"] == copy["event_id"]
    assert en["new_event"] and not fr["new_event"]
    assert en["duplicate_of"] is None and fr["duplicate_of"] is None
    assert copy["duplicate_of"] == "ev-en-1"
    assert copy["event"]["id"] == en["event_id"]
    assert copy["event"]["stories"] == 2 and copy["event"]["duplicates"] == 1
    assert set(copy["event"]["languages"]) == {"en", "fr"}
    assert all(call.kwargs["key"] == en["event_id"].encode() for call in sent.await_args_list)
    assert rt.registry.get_sample_value("wirewatch_event_duplicates_total") == 1
    assert rt.registry.get_sample_value("wirewatch_events_active") == 1
    assert rt.dlq.send.await_count == 0


@pytest.mark.parametrize("agent_name", ["wirewatch.events-key", "wirewatch.events"])
@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b'{"headline": "no id"}'])
async def test_a_bad_record_is_dead_lettered_and_the_stream_goes_on(
    app_and_runtime: tuple[Any, Runtime], sent: AsyncMock, agent_name: str, raw: bytes
) -> None:
    app, rt = app_and_runtime
    good = enrich(SHELLING[0])
    async with app.agents[agent_name].test_context() as agent:
        await agent.put(raw, key=b"x")
        await agent.put(orjson.dumps(good), key=b"k")
    rt.dlq.send.assert_awaited_once()
    kwargs = rt.dlq.send.await_args.kwargs
    headers = dict(kwargs["headers"])
    assert headers["wirewatch-reason"] == b"events_error"
    assert kwargs["value"] == raw
    assert sent.await_count == 1
    assert rt.registry.get_sample_value("wirewatch_dead_letters_total", {"reason": "events_error"}) == 1
