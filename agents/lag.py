"""Consumer lag per assigned partition: ``wirewatch_consumer_lag_messages{topic,partition}``.

Lag is the log end offset (highwater) minus the group's committed offset, so it counts
messages read but not yet committed as lag too: that is what a restart would re-read.
A partition never committed yet counts from its earliest offset, matching
``auto_offset_reset=earliest``. Partitions taken away by a rebalance lose their series so a
scaled-out group does not report stale lag from a worker that no longer owns them.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import faust

    from agents.runtime import Runtime

__all__ = ["LAG_INTERVAL_SECONDS", "install_lag", "partition_lags"]

log = logging.getLogger("wirewatch.lag")

# Several scrapes per minute at the usual 15 s scrape interval, one metadata round trip each.
LAG_INTERVAL_SECONDS = 5.0


def partition_lags(
    highwaters: Mapping[Any, int | None], committed: Mapping[Any, int | None], earliest: Mapping[Any, int | None]
) -> dict[Any, int]:
    """Lag for every partition that has a known highwater; never negative."""
    lags = {}
    for tp, high in highwaters.items():
        if high is None:
            continue
        done = committed.get(tp)
        if done is None:
            done = earliest.get(tp) or 0
        lags[tp] = max(0, int(high) - int(done))
    return lags


def install_lag(app: faust.App, rt: Runtime) -> None:
    gauge = rt.metrics.consumer_lag
    shown: set[tuple[str, str]] = set()

    @app.timer(interval=LAG_INTERVAL_SECONDS, name="wirewatch.consumer_lag")
    async def consumer_lag() -> None:
        if not app.started or app.rebalancing:
            return
        consumer: Any = app.consumer
        # Faust's leader-election topic and table changelogs are internal: a changelog is read only
        # while a table recovers and is never committed, so its "lag" would grow forever.
        tps = sorted(tp for tp in consumer.assignment() if not tp.topic.endswith(("__assignor-__leader", "-changelog")))
        if tps:
            try:
                highwaters = await consumer.highwaters(*tps)
                never_committed = [tp for tp in tps if consumer._committed_offset.get(tp) is None]
                earliest = await consumer.earliest_offsets(*never_committed) if never_committed else {}
            except Exception as exc:  # a metadata hiccup must not kill the timer; the next tick retries
                log.debug("consumer lag not refreshed: %s", exc)
                return
            # Faust's consumer keeps the committed offsets it knows; there is no public accessor.
            committed = {tp: consumer._committed_offset.get(tp) for tp in tps}
            lags = partition_lags(highwaters, committed, earliest)
        else:
            lags = {}
        current = set()
        for tp, lag in lags.items():
            labels = (tp.topic, str(tp.partition))
            gauge.labels(*labels).set(lag)
            current.add(labels)
        for labels in shown - current:
            with contextlib.suppress(KeyError):
                gauge.remove(*labels)
        shown.clear()
        shown.update(current)
