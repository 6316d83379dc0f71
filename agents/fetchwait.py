"""Bound how long the worker's Kafka fetches wait, which bounds publish-to-output latency.

faust-streaming builds its aiokafka consumer with ``fetch_max_wait_ms=1500`` and no
setting to change it. aiokafka leaves a partition that still has buffered records out
of the next fetch request, so a story arriving on that partition waits for the
in-flight request to time out: ~750 ms on average at low volume (measured with
``wirewatch demo``). Waiting at most ``WIREWATCH_FETCH_MAX_WAIT_MS`` bounds that.
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
            consumer._fetch_max_wait_ms = int(wait)  # read by aiokafka when its Fetcher starts
        return consumer

    create._wirewatch = True  # type: ignore[attr-defined]
    faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer = create  # type: ignore[method-assign]
