"""The spikes agent: per region, country and topic, new stories in the last hour against their baseline.

The events agent counts every story that is neither a near-duplicate nor a new version of a story
already seen under each of its spike keys (:func:`stream.events.spike_keys`: ``region:<id>``,
``country:<ISO>``, ``topic:<code>`` and its broader topics), and every two seconds sends one small
record per key and five-minute bucket (``{"t": latest story time, "n": stories, ...latest story}``) to
the internal topic ``<app id>-spike-keys``, keyed by the spike key. Every count of one key therefore reaches one partition,
where this agent keeps the key's five-minute and hourly counts (:class:`stream.events.SpikeDetector`,
14 days) in the changelogged table ``spike-series`` (written on every count, read back only after a
restart or rebalance: the series of recently counted keys stay parsed in the worker) and scores the last hour against the seasonal
baseline. A subscription with ``spike:`` criteria that lists the key gets an alert (``kind: spike``) when
the tier reaches its ``min_tier``: ``new`` for a burst, ``update`` when the tier rises within
``renotify_seconds``. Times are the stories' own (``versioncreated``, else when Kafka received them),
so a replayed archive spikes where it did then.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

import orjson
from mode import CrashingSupervisor

from agents.deadletter import broker_fault, dead_letter
from stream.alerts.spike_alert import build_spike_alert, decide_spike, spike_matches
from stream.errors import SchemaError
from stream.events import SpikeDetector

if TYPE_CHECKING:
    import faust

    from agents.runtime import Runtime

__all__ = ["install_spikes"]

log = logging.getLogger("wirewatch.spikes")

REASON = "spikes_error"
#: Keys whose series a worker keeps parsed between counts (least recently counted dropped first).
CACHED_KEYS = 20_000


def install_spikes(app: faust.App, rt: Runtime) -> Any:
    import faust

    settings = rt.settings
    spike_subs = [s for s in rt.pipeline.subscriptions if s.spike is not None]
    outputs = {s.name: rt.topic(s.topic_name(settings.alert_topic_prefix)) for s in spike_subs}
    schema: Any = faust.Schema(key_serializer="json", value_serializer="json")
    table = app.Table("spike-series", default=None, schema=schema, partitions=settings.partitions)
    m = rt.metrics
    # Series of the keys this worker counted lately, so a count does not parse its row back from the table
    # first; the table stays the record (written on every count) and refills this after a restart.
    cache = SpikeDetector(max_keys=CACHED_KEYS)

    @app.on_partitions_assigned.connect
    async def forget_cached_series(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        # A partition that moved away may come back with rows another worker wrote meanwhile.
        cache.series.clear()

    async def handle(event: Any) -> None:
        msg = event.message
        key = (msg.key or b"").decode()
        count = orjson.loads(msg.value or b"")
        if not key or not isinstance(count, dict) or not isinstance(count.get("t"), int | float):
            raise SchemaError("a spike count needs a key and a JSON object with a time 't'")
        t = float(count["t"])
        n = count.get("n", 1)
        if not isinstance(n, int) or n < 1:
            raise SchemaError("a spike count's 'n' must be a whole number of at least 1")
        row = table.get(key) or {"series": None, "tier": None, "subs": {}}
        if key not in cache.series and row["series"]:
            cache.load(key, row["series"])
        try:
            await count_in(key, t, n, count, row)
        except Exception:
            cache.series.pop(key, None)  # the count is dead-lettered, not counted: reread the row next time
            raise

    async def count_in(key: str, t: float, n: int, count: dict[str, Any], row: dict[str, Any]) -> None:
        cache.observe(key, t, n)
        spike = cache.check(key, t)
        dimension = key.partition(":")[0]
        if dimension == "region":
            m.spike_score.labels(key.partition(":")[2]).set(spike.score)
        if spike.tier is not None and spike.tier != row.get("tier"):
            m.spikes.labels(dimension, spike.tier).inc()
        subs = dict(row["subs"])
        futures = []
        now = time.time()
        for sub in spike_subs:
            if not spike_matches(sub, key):
                continue
            assert sub.spike is not None
            prev = subs.get(sub.name)
            decision = decide_spike(prev, spike, sub.spike, t)
            if decision.action is None:
                continue
            since = t if decision.action == "new" or prev is None else float(prev["since"])
            alert = build_spike_alert(
                spike, sub.name, decision.action, reason=decision.reason, since=since, alerted_at=now, latest=count
            )
            futures.append(await outputs[sub.name].send(key=key.encode(), value=orjson.dumps(alert)))
            assert spike.tier is not None
            m.alerts.labels(sub.name, spike.tier, decision.action).inc()
            subs[sub.name] = {"tier": spike.tier, "at": t, "since": since}
        table[key] = {"series": cache.export(key), "tier": spike.tier, "subs": subs}
        for future in futures:
            await future

    @app.agent(rt.spike_keys, name="wirewatch.spikes", supervisor_strategy=CrashingSupervisor)
    async def spikes(stream: Any) -> None:
        sensors = app.sensors
        async for event in stream.events():
            msg = event.message
            msg.incref()  # as in the router: an event interrupted by a stop stays unacked
            try:
                await handle(event)
            except Exception as exc:
                if broker_fault(exc):  # as in the router: crash, and read the count again after the restart
                    raise
                log.exception("spikes failed on %s[%s]@%s", msg.topic, msg.partition, msg.offset)
                # Acked only once Kafka has the dead letter; an output refused for its size makes an oversized one.
                await (await dead_letter(rt, event, exc, REASON))
            if event.ack():
                sensors.on_message_out(msg.tp, msg.offset, msg)

    return spikes
