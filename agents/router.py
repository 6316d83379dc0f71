"""The router agent: enriched stories -> alerts on ``alerts.<subscription>``.

State (per story id: the last version seen and, per subscription, whether an
alert is active) lives in a Faust table with a changelog topic, so a restarted
worker keeps deduplicating and sends ``update``/``retract`` on the same alert id.
The table is keyed by story id, and ``wire.enriched`` is keyed by story id, so
every version of a story reaches the partition that holds its state.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import orjson
from mode import CrashingSupervisor

from agents.deadletter import broker_fault, dead_letter
from stream.alerts.alert import build_alert, decide
from stream.alerts.routing import route
from stream.alerts.throttle import ThrottleSummary, Window

if TYPE_CHECKING:
    import faust

    from agents.runtime import Runtime

__all__ = ["flush_summaries", "install_router"]

log = logging.getLogger("wirewatch.router")


def _epoch(iso: str | None) -> float | None:
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


async def flush_summaries(
    windows: Iterable[Window], now: float, send: Callable[[ThrottleSummary], Awaitable[Any]]
) -> list[ThrottleSummary]:
    """Roll every throttle window at ``now`` and send the summaries of those that closed; return those sent.

    ``send`` returns once Kafka has the summary. A stopping worker closes its producer before Faust cancels
    its timers: a summary that meets :class:`faust.exceptions.NotReady` then is logged with what it held
    (nothing is dropped silently) and the flush ends, instead of crashing the app and turning a clean SIGTERM
    into exit code 1. A summary the broker refuses is logged the same way, with the error.
    """
    from faust.exceptions import NotReady

    sent: list[ThrottleSummary] = []
    stopping = False
    for window in windows:
        summary = window.roll(now)
        if summary is None:
            continue
        why = "the worker is stopping"
        if not stopping:
            try:
                await send(summary)
            except NotReady:
                stopping = True  # every later summary of this flush is logged, not sent
            except Exception as exc:
                why = f"the broker refused it: {exc!r}"
            else:
                sent.append(summary)
                continue
        log.warning(
            "throttle summary of %s not sent, %s: %d alerted, %d suppressed (%s)",
            summary.subscription,
            why,
            summary.allowed,
            summary.suppressed,
            ", ".join(summary.story_ids),
        )
    return sent


def install_router(app: faust.App, rt: Runtime) -> Any:
    settings = rt.settings
    # Subscriptions with event criteria alert per event, from the events agent.
    # Spike subscriptions alert on counts, from the spikes agent.
    subscriptions = tuple(
        s for s in rt.pipeline.subscriptions if (s.event is None or rt.by_event_key is None) and s.spike is None
    )
    outputs = {s.name: rt.topic(s.topic_name(settings.alert_topic_prefix)) for s in subscriptions}
    windows = {s.name: Window(s.name, s.throttle.max_alerts, s.throttle.per_seconds) for s in subscriptions if s.throttle}
    import faust

    # JSON keys come back from the changelog as the same str we wrote; raw keys would be bytes.
    schema: Any = faust.Schema(key_serializer="json", value_serializer="json")
    state = app.Table("alert-state", default=None, schema=schema, partitions=settings.partitions)

    async def send_summary(summary: ThrottleSummary) -> None:
        sub = summary.subscription
        payload = {
            "schema": "wirewatch.alert-summary/1",
            "subscription": sub,
            "window_start": summary.window_start,
            "window_end": summary.window_end,
            "alerted": summary.allowed,
            "suppressed": summary.suppressed,
            "suppressed_story_ids": list(summary.story_ids),
        }
        await (await outputs[sub].send(key=f"summary:{sub}".encode(), value=orjson.dumps(payload)))

    async def handle(event: Any) -> None:
        msg = event.message
        doc = orjson.loads(msg.value)
        story_id = str(doc["id"])
        version = int(doc.get("version") or 1)
        prev: dict[str, Any] = state.get(story_id) or {"version": 0, "subs": {}}
        m = rt.metrics
        if version <= prev["version"]:
            for sub in prev["subs"]:
                m.alerts_duplicate.labels(sub).inc()
            return
        matches = {mt.subscription.name: mt for mt in route(doc, subscriptions, regions_file=settings.regions_file)}
        published = _epoch(doc.get("published_at"))
        new_subs = dict(prev["subs"])
        duplicate_of = (doc.get("event") or {}).get("duplicate_of")
        delivered: list[Any] = []
        for sub in subscriptions:
            name = sub.name
            before = prev["subs"].get(name)
            decision = decide(before, version, doc.get("pubstatus", "usable"), name in matches)
            if decision.action is None:
                continue
            match = matches.get(name)
            tier = match.tier if match else (before or {}).get("tier", "routine")
            if decision.action == "new" and sub.suppress_duplicates and (duplicate_of or (before or {}).get("duplicate_of")):
                # A syndicated copy or a re-send under a new id: its original alerted (or will) already.
                # Remembered, so that a later version of the copy stays quiet too.
                m.alerts_suppressed.labels(name, "duplicate").inc()
                new_subs[name] = {"version": version, "active": False, "tier": tier,
                                  "duplicate_of": duplicate_of or before["duplicate_of"]}  # fmt: skip
                continue
            if decision.action == "new" and name in windows:
                allowed, summary = windows[name].admit(time.time(), story_id)
                if summary is not None:
                    await send_summary(summary)
                if not allowed:
                    m.alerts_throttled.labels(name).inc()
                    continue
            now = time.time()
            alert = build_alert(
                doc,
                name,
                decision.action,
                tier=tier,
                evidence=match.evidence if match else {"summary": [decision.reason]},
                reason=decision.reason,
                previous_version=int(before["version"]) if before else None,
                alerted_at=now,
                published_at=published,
            )
            delivered.append(await outputs[name].send(key=story_id.encode(), value=orjson.dumps(alert)))
            m.alerts.labels(name, tier, decision.action).inc()
            if published:
                m.publish_to_alert_seconds.observe(max(0.0, now - published))
            new_subs[name] = {"version": version, "active": decision.action != "retract", "tier": tier}
        if delivered:
            # State says "alerted" only once Kafka has the alerts: a worker killed in between
            # re-reads this story and sends them again (a duplicate, never a loss).
            await asyncio.gather(*delivered)
        state[story_id] = {"version": version, "subs": new_subs}

    @app.agent(rt.enriched, name="wirewatch.router", supervisor_strategy=CrashingSupervisor)
    async def router(stream: Any) -> None:
        sensors = app.sensors
        async for event in stream.events():
            msg = event.message
            # Faust acks the current event when the loop is left, also when a stop cancels this task
            # in the middle of handle(): the extra reference keeps an interrupted event unacked, so it is
            # read again after the restart instead of being committed without its alerts.
            msg.incref()
            try:
                await handle(event)
            except Exception as exc:
                if broker_fault(exc):  # an alert Kafka did not take: crash, and read the story again after the restart
                    raise
                log.exception("router failed on %s[%s]@%s", msg.topic, msg.partition, msg.offset)
                # Acked only once Kafka has the dead letter; an output refused for its size makes an oversized one.
                await (await dead_letter(rt, event, exc, "router_error"))
            if event.ack():
                sensors.on_message_out(msg.tp, msg.offset, msg)

    @app.timer(interval=5.0)
    async def flush_throttle_summaries() -> None:
        await flush_summaries(windows.values(), time.time(), send_summary)

    return router
