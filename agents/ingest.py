"""The ingest agent: raw input -> pipeline -> ``wire.enriched``, or ``wire.dlq`` with the reason.

Each message is enriched inline by :func:`agents.enrich.process_batch` (see that
module for the designs measured and dropped). No exception escapes the loop for a bad event: input errors
and unexpected errors in the pure pipeline come back as outcomes with a reason
and are dead-lettered and counted. Errors while *sending* (broker faults)
propagate, so Faust restarts the agent and the events are re-read from the
last committed offset: nothing is lost silently.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mode import CrashingSupervisor

from agents.deadletter import DeadLetter, send_dead_letter
from agents.enrich import Item, Outcome, process_batch

if TYPE_CHECKING:
    import faust

    from agents.app import Runtime

__all__ = ["install_ingest", "observe_enriched"]


def install_ingest(app: faust.App, rt: Runtime) -> Any:
    settings = rt.settings

    async def handle(events: list[Any]) -> None:
        started = time.perf_counter()
        items: list[Item] = []
        for event in events:
            msg = event.message
            items.append((msg.value or b"", msg.key.decode("utf-8", "replace") if msg.key else None, msg.timestamp))
        outcomes = process_batch(items, rt.pipeline, settings.max_output_bytes)
        rt.metrics.messages_received.inc(len(events))
        for event, outcome in zip(events, outcomes, strict=True):
            msg = event.message
            if outcome.payload is None:
                record = DeadLetter(outcome.reason, outcome.error_class, outcome.message, msg.topic, msg.partition, msg.offset)
                await send_dead_letter(rt, msg, record)
                continue
            assert outcome.story_id is not None
            await rt.enriched.send(key=outcome.story_id.encode(), value=outcome.payload)
            observe_enriched(rt, outcome, msg.timestamp)
        per_message = (time.perf_counter() - started) / max(1, len(events))
        for _ in events:
            rt.metrics.processing_seconds.observe(per_message)

    @app.agent(rt.stories, name="wirewatch.ingest", supervisor_strategy=CrashingSupervisor)
    async def ingest(stream: Any) -> None:
        async for event in stream.events():
            await handle([event])

    return ingest


def observe_enriched(rt: Runtime, outcome: Outcome, kafka_timestamp: float | None) -> None:
    """Count one enriched story in every metric that describes it."""
    m = rt.metrics
    facts = outcome.facts
    now = time.time()
    m.stories_enriched.labels(facts["language"]).inc()
    if facts["provider_agrees"] is False:
        m.language_disagreements.labels(facts["provider"] or "und", facts["language"]).inc()
    for stage, seconds in facts["timings"].items():
        m.stage_seconds.labels(stage).observe(seconds)
    if kafka_timestamp:
        m.publish_to_enriched_seconds.observe(max(0.0, now - kafka_timestamp))
    created = facts["versioncreated"]
    if created:
        try:
            age = now - datetime.fromisoformat(created.replace("Z", "+00:00")).timestamp()
        except ValueError:
            age = -1.0
        if age >= 0:
            m.story_age_seconds.observe(age)
    for country in facts["countries"]:
        m.stories_by_country.labels(country).inc()
    if facts["focus_region"]:
        m.stories_by_focus_region.labels(facts["focus_region"]).inc()
    for topic in facts["topics"]:
        m.stories_by_topic.labels(topic).inc()
