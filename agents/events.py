"""The events agents: enriched stories -> the event each joins, on ``wire.events``.

Stories of one event can arrive on different ``wire.enriched`` partitions (they are keyed by story
id). ``wirewatch.events-key`` therefore re-keys each enriched story by its blocking key
(:func:`stream.events.blocking_key`: focus country, else first country, else language) onto the
repartition topic ``<app id>-events-by-key``, so every story sharing a blocking key meets in one
partition; ``wirewatch.events`` keeps one :class:`stream.events.Clusterer` per partition of that
topic and sends, per story, a ``wirewatch.story-event/1`` record keyed by event id.

Limitation: clusterer state is held in memory per partition, not in a table. After a restart or a
rebalance a partition's clusterer starts empty, so a story arriving after it can open a second event
for a happening already under way (and a re-send is not recognised as a duplicate of a story seen
before the restart).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import orjson
from mode import CrashingSupervisor

from agents.deadletter import dead_letter
from agents.topology import events_by_key_topic
from stream.errors import SchemaError
from stream.events import Clusterer, blocking_key, event_message

if TYPE_CHECKING:
    import faust

    from agents.runtime import Runtime

__all__ = ["install_events"]

log = logging.getLogger("wirewatch.events")

REASON = "events_error"


def _story(raw: bytes | None) -> dict[str, Any]:
    doc = orjson.loads(raw or b"")
    if not isinstance(doc, dict):
        raise SchemaError("an enriched story must be a JSON object")
    if not doc.get("id"):
        raise SchemaError("field 'id' is missing from the enriched story")
    return doc


def install_events(app: faust.App, rt: Runtime) -> tuple[Any, Any]:
    by_key = rt.topic(events_by_key_topic(rt.settings))
    events_out = rt.topic(rt.settings.topic_events)
    clusterers: dict[int, Clusterer] = {}
    m = rt.metrics

    async def rekey_one(event: Any) -> None:
        msg = event.message
        doc = _story(msg.value)
        await by_key.send(key=blocking_key(doc).encode(), value=msg.value)

    async def cluster_one(event: Any) -> None:
        msg = event.message
        doc = _story(msg.value)
        clusterer = clusterers.setdefault(msg.partition, Clusterer())
        placed = clusterer.add(doc)
        record = event_message(placed, clusterer.events[placed.event_id])
        await events_out.send(key=placed.event_id.encode(), value=orjson.dumps(record))
        if placed.duplicate_of is not None:
            m.event_duplicates.inc()
        m.events_active.set(sum(len(c.events) for c in clusterers.values()))

    def loop(handle: Any) -> Any:
        async def run(stream: Any) -> None:
            sensors = app.sensors
            async for event in stream.events():
                msg = event.message
                msg.incref()  # as in the router: an event interrupted by a stop stays unacked
                try:
                    await handle(event)
                except Exception as exc:
                    log.exception("events failed on %s[%s]@%s", msg.topic, msg.partition, msg.offset)
                    await dead_letter(rt, event, exc, REASON)
                if event.ack():
                    sensors.on_message_out(msg.tp, msg.offset, msg)

        return run

    rekey = app.agent(rt.enriched, name="wirewatch.events-key", supervisor_strategy=CrashingSupervisor)(loop(rekey_one))
    cluster = app.agent(by_key, name="wirewatch.events", supervisor_strategy=CrashingSupervisor)(loop(cluster_one))
    return rekey, cluster
