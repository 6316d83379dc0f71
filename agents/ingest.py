"""The ingest agent: raw input -> pipeline -> ``wire.enriched``, or ``wire.dlq`` with the reason.

No exception escapes the loop for a bad event: input errors and unexpected
errors in the pure pipeline are dead-lettered and counted. Errors while
*sending* (broker faults) propagate, so Faust restarts the agent and the
event is re-read from the last committed offset: nothing is lost silently.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

import orjson

from agents.deadletter import dead_letter
from stream.errors import InputError

if TYPE_CHECKING:
    import faust

    from agents.app import Runtime

__all__ = ["install_ingest", "observe_enriched"]

log = logging.getLogger("wirewatch.ingest")


def install_ingest(app: faust.App, rt: Runtime) -> Any:
    async def handle(event: Any) -> None:
        msg = event.message
        rt.metrics.messages_received.inc()
        started = time.perf_counter()
        key = msg.key
        default_id = key.decode("utf-8", "replace") if key else None
        try:
            result = rt.pipeline.process(msg.value or b"", default_id=default_id, published_at=msg.timestamp)
            payload = orjson.dumps(result.to_dict())
        except InputError as exc:
            await dead_letter(rt, event, exc, exc.reason)
            return
        except Exception as exc:
            log.exception("pipeline failed on %s[%s]@%s", msg.topic, msg.partition, msg.offset)
            await dead_letter(rt, event, exc, "internal_error")
            return
        await rt.enriched.send(key=result.story.id.encode(), value=payload)
        rt.metrics.processing_seconds.observe(time.perf_counter() - started)
        observe_enriched(rt, result, msg.timestamp)

    @app.agent(rt.stories, name="wirewatch.ingest")
    async def ingest(stream: Any) -> None:
        async for event in stream.events():
            await handle(event)

    return ingest


def observe_enriched(rt: Runtime, result: Any, kafka_timestamp: float | None) -> None:
    """Count one enriched story in every metric that describes it."""
    m = rt.metrics
    now = time.time()
    lang = result.language
    m.stories_enriched.labels(lang.code).inc()
    if lang.provider_agrees is False:
        m.language_disagreements.labels(lang.provider or "und", lang.code).inc()
    for stage, seconds in result.timings.items():
        m.stage_seconds.labels(stage).observe(seconds)
    if kafka_timestamp:
        m.publish_to_enriched_seconds.observe(max(0.0, now - kafka_timestamp))
    created = result.story.versioncreated
    if created:
        from datetime import datetime

        try:
            age = now - datetime.fromisoformat(created.replace("Z", "+00:00")).timestamp()
        except ValueError:
            age = -1.0
        if age >= 0:
            m.story_age_seconds.observe(age)
    extra = result.extra
    for country in extra.get("countries", ()):
        m.stories_by_country.labels(country["iso2"]).inc()
    focus_region = (extra.get("focus") or {}).get("region")
    if focus_region:
        m.stories_by_focus_region.labels(focus_region).inc()
    for topic in extra.get("topics", ()):
        m.stories_by_topic.labels(topic["code"]).inc()
