"""Detection processes: the same outcomes as inline, in input order; the ingest agent keeps that order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from agents.app import create_app
from agents.enrich import Item, process_batch
from agents.offload import Offload
from agents.runtime import Runtime, runtime_of
from stream.pipeline import Pipeline
from stream.settings import Settings
from tests.agents.conftest import delivered

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

STORIES = [
    {"id": "ru-1", "headline": "Переговоры в Москве", "body": "Министры обсудили прекращение огня в Карабахе."},
    {"id": "fr-1", "headline": "Inondations", "body": "Les rivières ont débordé dans le sud de la France."},
    {"id": "ar-1", "headline": "زلزال", "body": "ضرب زلزال قوي شمال سوريا صباح اليوم."},
]


def _items() -> list[Item]:
    good: list[Item] = [(json.dumps(s).encode(), None, None) for s in STORIES]
    return [*good, (b"\xff\xfe not utf-8", "bad-1", None), (b'{"id": "x", "headline": ', "bad-2", None)]


async def test_detection_process_gives_the_inline_outcomes_in_order() -> None:
    pipeline = Pipeline()
    offload = Offload(pipeline, {}, processes=1, max_output_bytes=1_000_000)
    offload.start()
    try:
        pooled = await offload.submit(_items())
        second = await offload.submit(_items()[:1])
    finally:
        offload.close()
    inline = process_batch(_items(), pipeline)
    assert [o.story_id for o in pooled] == ["ru-1", "fr-1", "ar-1", None, None]
    assert [(o.story_id, o.reason, o.facts.get("language")) for o in pooled] == [
        (o.story_id, o.reason, o.facts.get("language")) for o in inline
    ]
    assert [o.reason for o in pooled[3:]] == ["invalid_utf8", "invalid_format"]
    assert second[0].story_id == "ru-1"


async def test_inline_offload_needs_no_start() -> None:
    offload = Offload(Pipeline(), {}, processes=0, max_output_bytes=1_000_000)
    outcomes = await offload.submit(_items()[:2])
    assert [o.facts["language"] for o in outcomes] == ["ru", "fr"]


async def test_ingest_sends_in_input_order_across_batches(tmp_path: Path) -> None:
    from unittest.mock import AsyncMock

    settings = Settings.from_env({}, state_dir=tmp_path, app_id="wirewatch-order-test", batch_size=2, events="off")
    app = create_app(settings, registry=CollectorRegistry())
    app.conf.store = "memory://"
    app.finalize()
    rt: Runtime = runtime_of(app)
    rt.enriched.send = AsyncMock(name="enriched.send", side_effect=delivered)  # type: ignore[method-assign]
    rt.dlq.send = AsyncMock(name="dlq.send", side_effect=delivered)  # type: ignore[method-assign]
    keys = [f"s-{i}" for i in range(7)]
    agent: Any = app.agents["wirewatch.ingest"]
    async with agent.test_context() as ctx:
        for i, key in enumerate(keys):
            story = {"id": key, "headline": f"Story {i}", "body": "Parliament met today to debate the budget."}
            await ctx.put(json.dumps(story).encode(), key=key.encode())
    # Seven messages in batches of two: the last, partial batch is sent when the agent stops.
    assert [c.kwargs["key"] for c in rt.enriched.send.await_args_list] == [k.encode() for k in keys]
    assert rt.registry.get_sample_value("wirewatch_messages_received_total") == 7


async def test_detection_processes_are_measured_for_the_dashboard() -> None:
    from agents.metrics import Metrics

    registry = CollectorRegistry()
    offload = Offload(Pipeline(), {}, processes=1, max_output_bytes=1_000_000)
    Metrics(registry).detection.pids = offload.pids
    assert registry.get_sample_value("wirewatch_detection_processes") == 0  # inline: none yet
    offload.start()
    try:
        await offload.submit(_items())
        assert registry.get_sample_value("wirewatch_detection_processes") == 1
        assert (registry.get_sample_value("wirewatch_detection_cpu_seconds_total") or 0) > 0
        # A warmed detection process holds its models: far more than a bare interpreter.
        assert (registry.get_sample_value("wirewatch_detection_resident_memory_bytes") or 0) > 100 * 2**20
    finally:
        offload.close()
