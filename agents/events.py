"""The events agent: enriched stories, grouped into events, -> ``wire.enriched``, ``wire.events`` and event alerts.

With ``WIREWATCH_EVENTS=on`` the ingest agent does not write ``wire.enriched`` itself: it sends each
enriched story to the internal topic ``<app id>-events-by-key``, keyed by the story's **blocking key**
(:func:`stream.events.blocking_key`: its focus country, else its first country, else its language).
Stories of one happening share their focus country in every language, so they meet in one partition
of that topic however ``wire.stories`` was keyed, and this agent keeps one
:class:`stream.events.Clusterer` per partition. For each story it

1. assigns it to an event (or finds it a near-duplicate of a recent story),
2. writes it to ``wire.enriched`` (key: story id) with an ``event`` block (``id``, ``new``, ``score``,
   ``duplicate_of``, ``similarity``, and the event's story and language counts so far),
3. writes a ``wirewatch.story-event/1`` record to ``wire.events`` (key: event id),
4. decides the alerts of subscriptions with ``event:`` criteria (``new``, then ``update`` as it grows).

State lives in two changelogged tables, co-partitioned with the by-key topic (a table row goes to the
changelog partition of the record being processed): ``event-stories`` holds each recent story's
clustering features (key: ``<partition>|<story id>``), ``event-alerts`` what was last alerted per event and subscription. A clusterer
is derived state: after a restart or a rebalance, the first record of a partition rebuilds it by
replaying that partition's stories from ``event-stories`` in time order (the clusterer is
deterministic, so the events come back with the same ids). Rows older than the event window are
deleted as the partition's clock (its latest story time) moves on, so the state stays bounded.

Acknowledgement follows the outputs, as in the router: an input is acked only once everything it
produced is with Kafka; a worker killed in between processes it again (a duplicate, never a loss).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any

import orjson
from mode import CrashingSupervisor

from agents.deadletter import dead_letter, dead_letter_refused, too_large
from agents.enrich import EVENTS_HEADER
from stream.alerts.event_alert import build_event_alert, decide_event, higher_tier
from stream.errors import SchemaError
from stream.events import Clusterer, StoryFeatures, event_message, extract, spike_keys

if TYPE_CHECKING:
    import faust

    from agents.runtime import Runtime

__all__ = ["SPIKE_FLUSH_SECONDS", "SpikeCounts", "carry_alert_state", "flush_spike_counts", "install_events"]

log = logging.getLogger("wirewatch.events")

REASON = "events_error"
# Longest run of replay, in seconds, between yields to the event loop while a clusterer is rebuilt: a
# count of stories would not do, since a wire-length story costs about 1 ms to place and a headline 0.1 ms.
_REPLAY_SLICE = 0.02


async def _yield_to_loop() -> None:
    await asyncio.sleep(0)


def _story(raw: bytes | None) -> dict[str, Any]:
    doc = orjson.loads(raw or b"")
    if not isinstance(doc, dict):
        raise SchemaError("an enriched story must be a JSON object")
    if not doc.get("id"):
        raise SchemaError("field 'id' is missing from the enriched story")
    return doc


#: How often the counts per spike key are sent to the spikes agent.
SPIKE_FLUSH_SECONDS = 2.0


class SpikeCounts:
    """New stories per spike key and five-minute bucket, summed between flushes.

    One count record per key, bucket and flush instead of one per key and story: a story has five or
    more keys, and a record each (a send, a read, a table write in the spikes agent) cost more than the
    rest of the events hop together (the bench ran at 322 stories/s with them, 760 without the events
    hop). The price: counts not yet flushed when a worker stops or dies (at most ``SPIKE_FLUSH_SECONDS``
    of them) are not counted, which shifts a spike score a little, never a story or an alert.
    """

    def __init__(self) -> None:
        self.pending: dict[tuple[str, int], dict[str, Any]] = {}

    def add(self, key: str, t: float, latest: dict[str, Any]) -> None:
        count = self.pending.setdefault((key, int(t // 300)), {"t": t, "n": 0})
        count["n"] += 1
        if t >= count["t"]:
            count.update(latest, t=t)

    def drain(self) -> list[tuple[str, dict[str, Any]]]:
        batch, self.pending = self.pending, {}
        return [(key, count) for (key, _), count in batch.items()]

    def restore(self, batch: list[tuple[str, dict[str, Any]]]) -> None:
        """Put back counts drained but not sent: summed with any counted since."""
        for key, count in batch:
            pending = self.pending.setdefault((key, int(count["t"] // 300)), {"t": count["t"], "n": 0})
            pending["n"] += count["n"]
            if count["t"] >= pending["t"]:
                pending.update({k: v for k, v in count.items() if k != "n"})


async def flush_spike_counts(counts: SpikeCounts, send: Callable[[str, dict[str, Any]], Awaitable[Any]]) -> int:
    """Send every pending count (``send(key, count)``) and return how many went.

    ``send`` returns once Kafka has the count. A worker that is stopping closes its producer before Faust
    cancels its timers, so a flush that falls in between meets :class:`faust.exceptions.NotReady`: the counts
    not sent are put back (a stop loses them, as :class:`SpikeCounts` says) and the flush ends quietly, instead
    of crashing the app and turning a clean SIGTERM into exit code 1. A count the broker refuses is put back
    too, with an error logged, and goes again with the next flush: its stories are acked already, so a crash
    would lose it.
    """
    from faust.exceptions import NotReady

    batch = counts.drain()
    for i, (key, count) in enumerate(batch):
        try:
            await send(key, count)
        except NotReady:
            counts.restore(batch[i:])
            log.info("spike counts not flushed: the producer has stopped (%d keys kept)", len(batch) - i)
            return i
        except Exception as exc:
            counts.restore(batch[i:])
            log.error("spike counts not delivered, kept for the next flush (%d keys): %r", len(batch) - i, exc)
            return i
    return len(batch)


class _Story:
    """One record of the by-key topic: what the events agent needs of it, parsed as little as possible.

    Records from the ingest agent carry :data:`agents.enrich.EVENTS_HEADER` (features, spike keys,
    subscription matches, worked out in the detection processes); the enriched JSON itself is parsed
    only to build an event alert, and the ``event`` block is spliced onto its end. A record without the
    header (written by hand, or by an older version) is parsed and its features extracted here.
    """

    __slots__ = ("_doc", "alerts", "features", "id", "pubstatus", "raw", "spike_keys")

    def __init__(self, raw: bytes, info: dict[str, Any], features: StoryFeatures, doc: dict[str, Any] | None) -> None:
        self.raw = raw
        self.id = str(info["id"])
        self.pubstatus = str(info.get("pubstatus") or "usable")
        self.alerts: list[Any] = list(info.get("alerts") or ())
        self.spike_keys: list[str] = list(info.get("spike_keys") or ())
        self.features = features
        self._doc = doc

    @classmethod
    def of(cls, msg: Any) -> _Story:
        raw = msg.value or b""
        header = _header(msg, EVENTS_HEADER)
        if header is not None and raw.rstrip().endswith(b"}"):
            info = orjson.loads(header)
            return cls(raw.rstrip(), info, StoryFeatures.from_dict(info["features"]), None)
        doc = _story(raw)
        info = {"id": doc["id"], "pubstatus": doc.get("pubstatus"), "alerts": doc.get("alerts"), "spike_keys": spike_keys(doc)}
        return cls(orjson.dumps(doc), info, extract(doc, now=msg.timestamp), doc)

    def doc(self) -> dict[str, Any]:
        if self._doc is None:
            self._doc = _story(self.raw)
        return self._doc

    def with_event(self, block: dict[str, Any]) -> bytes:
        """The enriched JSON with ``"event": block`` as its last member (the object ends with ``}``)."""
        return self.raw[:-1] + b',"event":' + orjson.dumps(block) + b"}"


def _header(msg: Any, name: str) -> bytes | None:
    headers = getattr(msg, "headers", None) or ()
    items = headers.items() if isinstance(headers, dict) else headers
    for key, value in items:
        if key == name and value is not None:
            return bytes(value)
    return None


def carry_alert_state(merged: tuple[str, ...], survivor: str, alerted: set[str], table: MutableMapping[str, Any]) -> None:
    """Hand the alert state of events absorbed in a merge to the surviving event, if it has none: the
    subscribers alerted about a part then get an ``update`` of the merged event, not a second ``new``.
    The absorbed rows themselves go when :func:`install_events`'s expiry sees their events gone."""
    if survivor in alerted:
        return
    for eid in sorted(merged):  # sorted: which row is carried must not depend on the order of a set
        row = table.get(eid) if eid in alerted else None
        if isinstance(row, dict):
            table[survivor] = row
            alerted.add(survivor)
            return


class _Partition:
    """One partition's derived state: its clusterer, expiry queue and events with alert state."""

    def __init__(self, window: float) -> None:
        self.clusterer = Clusterer(window=window)
        self.expiry: deque[tuple[float, str]] = deque()  # (story time, story id), oldest first
        self.alerted: set[str] = set()  # event ids with a row in the alert table


def install_events(app: faust.App, rt: Runtime) -> Any:
    import faust

    settings = rt.settings
    window = settings.event_window_hours * 3600.0
    by_key = rt.by_event_key
    events_out = rt.topic(settings.topic_events)
    event_subs = [s for s in rt.pipeline.subscriptions if s.event is not None]
    outputs = {s.name: rt.topic(s.topic_name(settings.alert_topic_prefix)) for s in event_subs}
    schema: Any = faust.Schema(key_serializer="json", value_serializer="json")
    stories = app.Table("event-stories", default=None, schema=schema, partitions=settings.partitions)
    alert_state = app.Table("event-alerts", default=None, schema=schema, partitions=settings.partitions)
    parts: dict[int, _Partition] = {}
    m = rt.metrics
    counts = rt.spike_counts = SpikeCounts()

    async def send_count(key: str, count: dict[str, Any]) -> None:
        await (await rt.spike_keys.send(key=key.encode(), value=orjson.dumps(count)))

    @app.timer(interval=SPIKE_FLUSH_SECONDS)
    async def flush_spikes() -> None:
        await flush_spike_counts(counts, send_count)

    @app.on_partitions_assigned.connect
    async def forget_moved_partitions(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        # A partition that moved away may come back with rows another worker wrote meanwhile:
        # its clusterer is rebuilt from the table when its next record arrives.
        assigned = args[0] if args else kwargs.get("assigned", set())
        mine = {tp.partition for tp in assigned if tp.topic == by_key.get_topic_name()}
        for p in list(parts):
            if p not in mine:
                del parts[p]
        m.events_active.set(sum(len(s.clusterer.events) for s in parts.values()))

    async def partition_state(p: int) -> _Partition:
        state = parts.get(p)
        if state is not None:
            return state
        t0 = time.perf_counter()
        state = _Partition(window)
        rows = sorted(
            ((v["f"]["time"], k, v["f"]) for k, v in stories.items() if isinstance(v, dict) and v.get("p") == p),
            key=lambda row: (row[0], row[1]),
        )
        sliced = time.perf_counter()
        for ts, sid, features in rows:
            state.clusterer.assign(StoryFeatures.from_dict(features))
            state.expiry.append((ts, sid))
            if time.perf_counter() - sliced >= _REPLAY_SLICE:
                await _yield_to_loop()  # a long replay must not starve heartbeats and other agents
                sliced = time.perf_counter()
        state.alerted = {k for k, v in alert_state.items() if isinstance(v, dict) and v.get("p") == p}
        parts[p] = state
        m.event_rebuild_seconds.observe(time.perf_counter() - t0)
        if rows:
            log.info("events: rebuilt partition %s from %s stories into %s events", p, len(rows), len(state.clusterer.events))
        return state

    def expire(state: _Partition) -> None:
        horizon = state.clusterer.watermark - window
        while state.expiry and state.expiry[0][0] < horizon:
            ts, sid = state.expiry.popleft()
            row = stories.get(sid)
            if isinstance(row, dict) and row["f"]["time"] <= ts:  # not stored again by a later version
                del stories[sid]
        gone = [eid for eid in state.alerted if eid not in state.clusterer.events]
        for eid in gone:
            state.alerted.discard(eid)
            del alert_state[eid]

    async def event_alerts(story: _Story, event: dict[str, Any], p: int, state: _Partition) -> list[Any]:
        matched = {a["subscription"]: a for a in story.alerts if isinstance(a, dict)}
        if story.pubstatus != "usable" or not any(sub.name in matched for sub in event_subs):
            return []
        doc = story.doc()
        row = alert_state.get(event["id"]) or {"p": p, "subs": {}}
        subs = dict(row["subs"])
        now = time.time()
        futures = []
        for sub in event_subs:
            if sub.name not in matched:
                continue
            assert sub.event is not None
            prev = subs.get(sub.name)
            decision = decide_event(prev, event, sub.event, now)
            if decision.action is None:
                continue
            tier = higher_tier((prev or {}).get("tier"), matched[sub.name].get("tier", "routine"))
            evidence = {
                "summary": [decision.reason, f"story {doc['id']} matched {sub.name}", f"tier {tier}"],
                "event": {k: event.get(k) for k in ("stories", "languages", "sources", "countries", "topics")},
            }
            alert = build_event_alert(
                event, doc, sub.name, decision.action, tier=tier, reason=decision.reason,
                evidence=evidence, previous=prev, alerted_at=now,
            )  # fmt: skip
            futures.append(await outputs[sub.name].send(key=str(event["id"]).encode(), value=orjson.dumps(alert)))
            m.alerts.labels(sub.name, tier, decision.action).inc()
            subs[sub.name] = {
                "stories": event.get("stories", 0),
                "languages": len(event.get("languages") or {}),
                "at": now,
                "tier": tier,
            }
        if futures:
            alert_state[event["id"]] = {"p": p, "subs": subs}
            state.alerted.add(event["id"])
        return futures

    async def handle(event: Any) -> list[Any]:
        msg = event.message
        t0 = time.perf_counter()
        story = _Story.of(msg)
        features = story.features
        state = await partition_state(msg.partition)
        placed = state.clusterer.assign(features)
        if placed.merged:
            carry_alert_state(placed.merged, placed.event_id, state.alerted, alert_state)
        record = state.clusterer.events[placed.event_id]
        # Rows are keyed by partition too: a new version whose blocking key changed goes to another
        # partition, and each row must only ever be written from the partition whose changelog holds it.
        row_key = f"{msg.partition}|{features.id}"
        known = stories.get(row_key) is not None
        stories[row_key] = {"p": msg.partition, "f": features.to_dict()}
        state.expiry.append((features.time, row_key))
        block = {
            "id": placed.event_id,
            "new": placed.new_event,
            "score": round(placed.score, 4),
            "duplicate_of": placed.duplicate_of,
            "similarity": None if placed.similarity is None else round(placed.similarity, 4),
            "stories": record.stories,
            "languages": sorted(record.languages),
        }
        message = event_message(placed, record)
        futures = [
            await rt.enriched.send(key=story.id.encode(), value=story.with_event(block)),
            await events_out.send(key=placed.event_id.encode(), value=orjson.dumps(message)),
        ]
        futures += await event_alerts(story, message["event"], msg.partition, state)
        if placed.duplicate_of is None and not known:  # a copy or a new version is no new story
            for key in story.spike_keys:
                counts.add(key, features.time, {"story_id": features.id, "event_id": placed.event_id,
                                                "headline": features.headline, "language": features.language})  # fmt: skip
        expire(state)
        if placed.duplicate_of is not None:
            m.event_duplicates.inc()
        if placed.new_event:
            m.events_opened.inc()
        m.events_active.set(sum(len(s.clusterer.events) for s in parts.values()))
        m.stage_seconds.labels("events").observe(time.perf_counter() - t0)
        return futures

    failures: list[BaseException] = []
    refusals: set[asyncio.Future[None]] = set()  # dead letters of stories whose output the broker refused

    def acker(event: Any, owner: asyncio.Task[Any] | None) -> Any:
        """Ack ``event`` once Kafka has all its outputs. Awaiting them before reading the next story would
        cap the agent at one produce round trip per story (~70 stories/s measured); Faust commits only
        the contiguous acked offsets, so acks that complete out of order are safe. Outputs the broker
        refuses for their size dead-letter the story as ``oversized`` (it would be refused after every
        restart); any other failure crashes the worker with the story unacked."""
        sensors = app.sensors
        msg = event.message

        def ack() -> None:
            if event.ack():
                sensors.on_message_out(msg.tp, msg.offset, msg)

        def fail(exc: BaseException) -> None:
            # Left unacked, so never committed: read again after the restart this crash causes.
            failures.append(exc)
            log.error("events: an output of %s[%s]@%s was not delivered: %r", msg.topic, msg.partition, msg.offset, exc)
            if owner is not None:
                owner.cancel()

        def dead_lettered(task: asyncio.Future[None]) -> None:
            exc = asyncio.CancelledError() if task.cancelled() else task.exception()
            if exc is None:
                ack()
            else:
                fail(exc)

        def done(delivered: asyncio.Future[list[Any]]) -> None:
            results = [asyncio.CancelledError()] if delivered.cancelled() else delivered.result()
            errors = [r for r in results if isinstance(r, BaseException)]
            if not errors:
                ack()
            elif all(too_large(exc) for exc in errors):
                log.error(
                    "events: the broker refused an output of %s[%s]@%s: %r", msg.topic, msg.partition, msg.offset, errors[0]
                )
                task = asyncio.ensure_future(dead_letter_refused(rt, msg, errors[0]))
                refusals.add(task)  # the loop keeps only a weak reference to a task
                task.add_done_callback(refusals.discard)
                task.add_done_callback(dead_lettered)
            else:
                fail(next(exc for exc in errors if not too_large(exc)))

        return done

    @app.agent(by_key, name="wirewatch.events", supervisor_strategy=CrashingSupervisor)
    async def events(stream: Any) -> None:
        owner = asyncio.current_task()
        try:
            async for event in stream.events():
                if failures:
                    raise failures[0]
                msg = event.message
                msg.incref()  # released by the acker once every output is with Kafka
                try:
                    futures = await handle(event)
                except Exception as exc:
                    log.exception("events failed on %s[%s]@%s", msg.topic, msg.partition, msg.offset)
                    futures = [await dead_letter(rt, event, exc, REASON)]
                asyncio.gather(*futures, return_exceptions=True).add_done_callback(acker(event, owner))
        except asyncio.CancelledError:
            if failures:  # cancelled by a failed delivery: crash with its error instead
                raise failures[0] from None
            raise

    return events
