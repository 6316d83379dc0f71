"""Read skipped offsets again instead of committing past them (a fix for faust-streaming 0.15.3).

What goes wrong without this, seen in the SIGTERM fault test: a restarted worker's fetcher
runs while the table recovers, and a batch it read then is abandoned by flow control but still
advances Faust's *read offset*. Recovery then seeks back to the committed offset, the re-fetched
records are older than the read offset and Faust drops them, and the next record looks like a
hole in the log: ``Consumer._add_gap`` marks the hole as acknowledged, the next commit moves past
it, and those stories (or their alerts) are never processed. Logged per partition: a gap of about
one fetch (20-30 offsets) right after the committed offset, on wire.stories and wire.enriched.

The fix treats a gap on an acknowledged topic as records not yet delivered: it seeks the
partition back to the gap's start, pins the read offset there so the re-fetched records are
accepted, and lets records fetched before the seek through (their outputs become duplicates,
which at-least-once allows). Only if the re-read has not arrived within ``_PENDING_SECONDS`` is
the gap real (compaction, transaction markers), and Faust's own handling acknowledges it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from faust.transport import consumer as faust_consumer

__all__ = ["ReadOffsets", "install_rewind", "on_rewind"]

log = logging.getLogger("wirewatch.rewind")

_PENDING_SECONDS = 5.0
# Called with the topic name each time a skipped range is read again (the worker counts them).
_LISTENERS: list[Callable[[str], None]] = []
_ORIGINAL_INIT = faust_consumer.Consumer.__init__
_ORIGINAL_ADD_GAP = faust_consumer.Consumer._add_gap


class ReadOffsets(dict[Any, int | None]):
    """Faust's per-partition read offsets, held back at a pending rewind until it arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.rewinds: dict[Any, tuple[int, float]] = {}  # partition -> (first offset to read again, since)

    def __missing__(self, key: Any) -> None:
        return None

    def pin(self, tp: Any, start: int) -> None:
        """Hold ``tp``'s read offset at ``start`` until the record at ``start`` is read again."""
        self.rewinds[tp] = (start, time.monotonic())
        super().__setitem__(tp, start)

    def __setitem__(self, tp: Any, offset: int | None) -> None:
        pending = self.rewinds.get(tp)
        if pending is not None and offset is not None:
            start, since = pending
            if offset == start or time.monotonic() - since > _PENDING_SECONDS:
                del self.rewinds[tp]  # the re-read has arrived (or never will): back to normal
            else:
                offset = start  # a record fetched before the seek: keep the door open for the re-read
        super().__setitem__(tp, offset)

    def update(self, offsets: Any = (), /, **kwargs: Any) -> None:
        """Set the read offsets after a seek to the committed offsets, each one pinned.

        Faust's ``Consumer.perform_seek`` is the only caller. Records of a fetch made before
        the seek may still be on their way through the fetch loop, which sets the read offset
        after each one: pinned, it cannot run ahead of the re-fetched records and make Faust
        drop them as already read.
        """
        for tp, offset in dict(offsets, **kwargs).items():
            if offset is None:
                self.rewinds.pop(tp, None)
                super().__setitem__(tp, None)
            else:
                self.pin(tp, offset)


async def _add_gap(self: Any, tp: Any, offset_from: int, offset_to: int) -> None:
    reads = self._read_offset
    if isinstance(reads, ReadOffsets):
        pending = reads.rewinds.get(tp)
        now = time.monotonic()
        if pending is None:
            log.warning(
                "offsets %s..%s of %s[%s] were not delivered; reading them again", offset_from, offset_to, tp.topic, tp.partition
            )
            await self._seek(tp, offset_from)
            reads.pin(tp, offset_from)
            for listener in _LISTENERS:
                listener(tp.topic)
            return
        if now - pending[1] < _PENDING_SECONDS:
            return  # records fetched before the seek; the re-read is on its way
        del reads.rewinds[tp]
        log.warning(
            "offsets %s..%s of %s[%s] do not exist (compaction or transaction markers)",
            offset_from,
            offset_to,
            tp.topic,
            tp.partition,
        )
    await _ORIGINAL_ADD_GAP(self, tp, offset_from, offset_to)


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    _ORIGINAL_INIT(self, *args, **kwargs)
    self._read_offset = ReadOffsets()


def on_rewind(listener: Callable[[str], None]) -> None:
    """Call ``listener(topic)`` whenever a skipped offset range is read again."""
    _LISTENERS.clear()  # one app per worker process; tests build many, the newest one counts
    _LISTENERS.append(listener)


def install_rewind() -> None:
    """Patch Faust's consumer class (idempotent); consumers created afterwards re-read gaps."""
    if getattr(faust_consumer.Consumer._add_gap, "_wirewatch", False):
        return
    _add_gap._wirewatch = True  # type: ignore[attr-defined]
    faust_consumer.Consumer.__init__ = _init  # type: ignore[method-assign]
    faust_consumer.Consumer._add_gap = _add_gap  # type: ignore[method-assign]
