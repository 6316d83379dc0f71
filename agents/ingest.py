"""The ingest agent: raw input -> pipeline -> ``wire.enriched``, or ``wire.dlq`` with the reason.

Messages are gathered into batches (``WIREWATCH_BATCH_SIZE``, or whatever arrived
within ``WIREWATCH_BATCH_WAIT_MS``) and enriched in detection processes by
:class:`agents.offload.Offload`, so the event loop only moves bytes. While one
batch is being enriched the agent keeps reading the next ones (up to
``_WINDOW`` batches in flight), and a single sender task hands the outcomes to
the producer in input order.

Acknowledgement follows the output, not the read: each message gets an extra
reference when it is read and loses it only once Kafka has acknowledged its
enriched story (or dead letter), so an offset is never committed ahead of its
output and a rebalance waits for in-flight batches (Faust's ``wait_empty``).
Being with the producer is not enough: Faust flushes the producer before it
commits, but a record the broker refuses fails only its own future. On a
graceful stop the agent sends what it holds and waits for its delivery before
the consumer commits.

No exception escapes for a bad event: input errors and unexpected errors in the
pure pipeline come back as outcomes with a reason and are dead-lettered and
counted. An enriched story the broker refuses for its size (over the topic's
``max.message.bytes``) is dead-lettered as ``oversized`` too: it would be
refused again after every restart. Other errors while *sending* or
*delivering* (broker faults) or a broken detection pool crash the worker on
purpose, so it restarts from the last committed offset: nothing is lost
silently.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from mode import CrashingSupervisor

from agents.deadletter import DeadLetter, dead_letter_refused, send_dead_letter, too_large
from agents.enrich import EVENTS_HEADER, Item, Outcome

if TYPE_CHECKING:
    import faust

    from agents.runtime import Runtime

__all__ = ["install_ingest", "observe_enriched"]

log = logging.getLogger("wirewatch.ingest")

# Batches enriched or queued at once: enough to keep every detection process busy while the
# sender works, few enough that a rebalance or a stop waits for little.
_WINDOW = 4
# How long a graceful stop waits for in-flight batches before leaving them to be read again.
_DRAIN_SECONDS = 20.0


class _Batcher:
    """Reads become batches, batches become outcomes, outcomes are sent in order and then acked."""

    def __init__(self, app: faust.App, rt: Runtime) -> None:
        self.app = app
        self.rt = rt
        self.size = rt.settings.batch_size
        self.wait = rt.settings.batch_wait_ms / 1000
        self.pending: list[Any] = []
        self.oldest = 0.0
        self.inflight: asyncio.Queue[tuple[list[Any], asyncio.Future[list[Outcome]], float] | None] = asyncio.Queue(_WINDOW)
        # Dispatches from add() and from the flusher must reach the queue in read order.
        self.lock = asyncio.Lock()
        # A helper task that fails cancels the agent's task, which re-raises the failure (see
        # install_ingest): the agent may be waiting for input or for room in the queue, and a
        # failure noticed only on the next message would leave the worker stalled, not crashed.
        self.owner = asyncio.current_task()
        self.failure: BaseException | None = None
        # Batches handed to the producer whose delivery Kafka has not yet acknowledged, and dead letters
        # of stories the broker refused.
        self.delivering: set[asyncio.Future[Any]] = set()
        self.sender = asyncio.ensure_future(self._guard(self._send_loop()))
        self.flusher = asyncio.ensure_future(self._guard(self._flush_loop()))

    async def _guard(self, work: Any) -> None:
        try:
            await work
        except asyncio.CancelledError:
            raise
        except BaseException as exc:
            log.exception("ingest helper task failed; crashing the agent")
            self._fail(exc)
            raise

    def _fail(self, exc: BaseException) -> None:
        if self.failure is None:
            self.failure = exc
        if self.owner is not None:
            self.owner.cancel()

    def check(self) -> None:
        """Re-raise in the agent what failed in a helper task (send error, broken pool)."""
        if self.failure is not None:
            raise self.failure

    async def add(self, event: Any) -> None:
        self.check()
        event.message.incref()  # released in _delivered once Kafka has the output
        self.rt.metrics.messages_received.inc()
        if not self.pending:
            self.oldest = time.monotonic()
        self.pending.append(event)
        if len(self.pending) >= self.size:
            await self.dispatch()

    async def dispatch(self) -> None:
        async with self.lock:
            events, self.pending = self.pending, []
            if not events:
                return
            items: list[Item] = []
            for event in events:
                msg = event.message
                items.append((msg.value or b"", msg.key.decode("utf-8", "replace") if msg.key else None, msg.timestamp))
            await self.inflight.put((events, self.rt.offload.submit(items), time.perf_counter()))

    async def _flush_loop(self) -> None:
        while True:
            await asyncio.sleep(self.wait / 2)
            if self.pending and time.monotonic() - self.oldest >= self.wait:
                await self.dispatch()

    async def _send_loop(self) -> None:
        while True:
            entry = await self.inflight.get()
            if entry is None:
                break
            events, future, started = entry
            outcomes = await future
            # Waiting here for Kafka would cap the agent at one produce round trip per batch; Faust
            # commits only the contiguous acked offsets, so batches acked out of order are safe.
            delivered = asyncio.gather(*await _deliver(self.rt, events, outcomes), return_exceptions=True)
            self._track(delivered, partial(self._delivered, events, outcomes))
            per_message = (time.perf_counter() - started) / len(events)
            for _ in events:
                self.rt.metrics.processing_seconds.observe(per_message)
        while self.delivering:
            await asyncio.wait(set(self.delivering))

    def _track(self, future: asyncio.Future[Any], then: Any) -> None:
        self.delivering.add(future)
        future.add_done_callback(self.delivering.discard)
        future.add_done_callback(then)

    def _delivered(self, events: list[Any], outcomes: list[Outcome], delivered: asyncio.Future[list[Any]]) -> None:
        results: list[Any] = [asyncio.CancelledError()] * len(events) if delivered.cancelled() else delivered.result()
        for event, outcome, result in zip(events, outcomes, results, strict=True):
            msg = event.message
            if not isinstance(result, BaseException):
                if outcome.payload is not None:
                    observe_enriched(self.rt, outcome, msg.timestamp)
                self._ack(event)
            elif outcome.payload is not None and too_large(result):
                log.error(
                    "ingest: the broker refused the enriched story of %s[%s]@%s: %r", msg.topic, msg.partition, msg.offset, result
                )
                self._track(asyncio.ensure_future(dead_letter_refused(self.rt, msg, result)), partial(self._refused, event))
            else:
                # Left unacked, so never committed: read again after the restart this crash causes.
                log.error(
                    "ingest: the output of %s[%s]@%s was not delivered; crashing the agent: %r",
                    msg.topic, msg.partition, msg.offset, result,
                )  # fmt: skip
                self._fail(result)

    def _refused(self, event: Any, dead_lettered: asyncio.Future[None]) -> None:
        exc = asyncio.CancelledError() if dead_lettered.cancelled() else dead_lettered.exception()
        if exc is None:
            self._ack(event)
            return
        msg = event.message
        log.error(
            "ingest: the dead letter of %s[%s]@%s was not delivered; crashing the agent: %r",
            msg.topic,
            msg.partition,
            msg.offset,
            exc,
        )
        self._fail(exc)

    def _ack(self, event: Any) -> None:
        msg = event.message
        if event.ack():
            self.app.sensors.on_message_out(msg.tp, msg.offset, msg)

    async def close(self) -> None:
        """Send what is read but not yet sent (graceful stop), then stop the helper tasks."""
        self.flusher.cancel()
        try:
            if not self.sender.done():
                await self.dispatch()
                await self.inflight.put(None)
                await asyncio.wait_for(asyncio.shield(self.sender), _DRAIN_SECONDS)
        except (TimeoutError, asyncio.CancelledError):
            log.warning("stopped with batches in flight; their messages are read again after restart")
        finally:
            self.sender.cancel()


async def _deliver(rt: Runtime, events: list[Any], outcomes: list[Outcome]) -> list[Awaitable[Any]]:
    """Hand each event's output to the producer; returns their delivery futures."""
    futures: list[Awaitable[Any]] = []
    for event, outcome in zip(events, outcomes, strict=True):
        msg = event.message
        if outcome.payload is None:
            record = DeadLetter(outcome.reason, outcome.error_class, outcome.message, msg.topic, msg.partition, msg.offset)
            futures.append(await send_dead_letter(rt, msg, record))
            continue
        assert outcome.story_id is not None
        if rt.by_event_key is not None:  # the events agent adds the event and writes wire.enriched
            headers = [(EVENTS_HEADER, outcome.events)] if outcome.events is not None else None
            sent = await rt.by_event_key.send(key=outcome.facts["blocking_key"].encode(), value=outcome.payload, headers=headers)
        else:
            sent = await rt.enriched.send(key=outcome.story_id.encode(), value=outcome.payload)
        futures.append(sent)
    return futures


def install_ingest(app: faust.App, rt: Runtime) -> Any:
    @app.agent(rt.stories, name="wirewatch.ingest", supervisor_strategy=CrashingSupervisor)
    async def ingest(stream: Any) -> None:
        batcher = _Batcher(app, rt)
        try:
            async for event in stream.events():
                await batcher.add(event)
        except asyncio.CancelledError:
            batcher.check()  # cancelled by a failed helper task: crash with its error instead
            raise
        finally:
            await batcher.close()
        batcher.check()

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
