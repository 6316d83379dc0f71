"""Bound how long the worker's Kafka fetches wait for data.

faust-streaming builds its aiokafka consumer with ``fetch_max_wait_ms=1500`` and has no
setting for it. A fetch request leaves out every partition that still has records
buffered in aiokafka, so a record arriving on such a partition waits until the
in-flight request returns: up to the full wait when nothing else arrives. Capping the
wait at ``WIREWATCH_FETCH_MAX_WAIT_MS`` bounds that case; it costs one empty fetch per
wait interval when idle.

This is not what delayed half of a burst by ~750 ms: that was the first story needing
langid/langdetect loading their models inside the event loop (see
``stream.language.detector.warm_up``). At 100 stories/s, 50 ms and 1500 ms measured the same
(p50 2 ms, p99 52-96 ms, received_at - Kafka timestamp), so this stays a bound, not a fix.
"""

from __future__ import annotations

from typing import Any

from faust.transport.drivers import aiokafka as faust_aiokafka

__all__ = ["install_fetch_max_wait"]

_ORIGINAL = faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer


def install_fetch_max_wait(app: Any, max_wait_ms: int) -> None:
    """Make consumers created for ``app`` wait at most ``max_wait_ms`` per fetch."""
    app.wirewatch_fetch_max_wait_ms = max_wait_ms
    if getattr(faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer, "_wirewatch", False):
        return

    def create(self: Any, transport: Any) -> Any:
        consumer = _ORIGINAL(self, transport)
        wait = getattr(self.app, "wirewatch_fetch_max_wait_ms", None)
        if wait is not None:
            # No constructor argument reaches this (faust passes 1500); aiokafka copies it into
            # its Fetcher when the consumer starts, which is after this returns.
            consumer._fetch_max_wait_ms = int(wait)
        return consumer

    create._wirewatch = True  # type: ignore[attr-defined]
    faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer = create  # type: ignore[method-assign]
