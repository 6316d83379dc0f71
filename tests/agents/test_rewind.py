"""ReadOffsets: a pinned read offset holds until the re-read record arrives, then behaves as Faust's."""

from __future__ import annotations

from typing import Any

import pytest

from agents import rewind
from agents.rewind import ReadOffsets

TP = ("wire.stories", 0)


def test_unknown_partition_reads_as_none_like_fausts_defaultdict() -> None:
    assert ReadOffsets()[TP] is None


def test_pinned_offset_holds_against_records_fetched_before_the_seek() -> None:
    reads = ReadOffsets()
    reads.pin(TP, 278)
    for stale in (298, 299, 300):  # the rest of a fetch made before the seek
        reads[TP] = stale
        assert reads[TP] == 278  # so the re-fetched 278.. are not dropped as already read
    reads[TP] = 278  # the re-read arrives
    assert reads[TP] == 278
    reads[TP] = 279
    assert reads[TP] == 279  # back to normal


def test_seek_to_committed_offsets_pins_each_partition() -> None:
    # Faust's perform_seek sets the read offsets with update(); a stale record must not move them.
    reads = ReadOffsets()
    other = ("wire.stories", 1)
    reads.update({TP: 278, other: None})
    reads[TP] = 298
    reads[other] = 5
    assert reads[TP] == 278 and reads[other] == 5


def test_a_pin_that_never_arrives_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(rewind.time, "monotonic", lambda: clock[0])
    reads = ReadOffsets()
    reads.pin(TP, 10)
    reads[TP] = 12
    assert reads[TP] == 10
    clock[0] += 10.0
    reads[TP] = 13
    assert reads[TP] == 13 and not reads.rewinds


async def test_gap_seeks_back_once_then_waits_then_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(rewind.time, "monotonic", lambda: clock[0])
    fallback: list[tuple[int, int]] = []

    async def original(self: Any, tp: Any, start: int, end: int) -> None:
        fallback.append((start, end))

    monkeypatch.setattr(rewind, "_ORIGINAL_ADD_GAP", original)

    class FakeConsumer:
        def __init__(self) -> None:
            self._read_offset = ReadOffsets()
            self.seeks: list[tuple[Any, int]] = []

        async def _seek(self, tp: Any, offset: int) -> None:
            self.seeks.append((tp, offset))

    class Part:
        topic, partition = TP

    consumer, tp = FakeConsumer(), Part()
    counted: list[str] = []
    monkeypatch.setattr(rewind, "_LISTENERS", [counted.append])
    await rewind._add_gap(consumer, tp, 278, 297)
    assert consumer.seeks == [(tp, 278)] and consumer._read_offset[tp] == 278 and not fallback
    assert counted == ["wire.stories"]
    await rewind._add_gap(consumer, tp, 279, 299)  # a stale record of the same fetch: no second seek
    assert len(consumer.seeks) == 1 and not fallback and counted == ["wire.stories"]
    clock[0] += 10.0  # the re-read never came: the offsets really are missing
    await rewind._add_gap(consumer, tp, 279, 300)
    assert fallback == [(279, 300)]
