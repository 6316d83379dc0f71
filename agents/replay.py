"""Dead letters back to where they came from: ``wirewatch replay``.

A dead letter keeps the original key and bytes and says where they were read (``wirewatch-source-topic``,
``-partition``, ``-offset``) and why they failed (``wirewatch-reason``, ``wirewatch-error-class``). Once the
cause is fixed (a producer's bug, a topic's ``max.message.bytes``, a detector's bug) the chosen dead letters
are sent back to their source topic with their key, so the workers read them again; each carries a
``wirewatch-replayed-from`` header (``topic/partition/offset`` of the dead letter) for the audit trail.

The dead-letter topic is read from the beginning up to its end when the replay starts: a record that
fails again during the replay is dead-lettered again and left for the next replay, never looped on.
Replaying a dead letter twice sends its story twice; alerts follow story versions, so a copy of a story
already alerted on is a duplicate, not a new alert. Every send is awaited: the summary counts what Kafka
acknowledged.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from agents.deadletter import HEADER_PREFIX
from agents.tail import Record, partitions_of
from stream.errors import ConfigError, WirewatchError
from stream.settings import Settings

__all__ = ["REPLAYED_FROM", "ReplaySummary", "Selection", "dead_letters", "parse_since", "replay"]

#: Header on a replayed record: the dead letter it came from, as ``topic/partition/offset``.
REPLAYED_FROM = HEADER_PREFIX + "replayed-from"

# How long the dead-letter topic may give nothing while records are still due before the replay gives up.
_IDLE_SECONDS = 30.0
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)([smhd])$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_since(text: str, now: float) -> float:
    """``--since``: a duration back from ``now`` (``90m``, ``6h``, ``2d``) or an ISO 8601 time (``2026-12-06T10:00Z``;
    without a zone, UTC). Returns epoch seconds."""
    match = _DURATION.match(text.strip())
    if match:
        return now - float(match.group(1)) * _SECONDS[match.group(2)]
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(f"--since {text!r}: expected a duration (90m, 6h, 2d) or an ISO 8601 time") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


@dataclass(frozen=True, slots=True)
class Selection:
    """Which dead letters to replay: every field that is set must match (empty sets match anything)."""

    reasons: frozenset[str] = frozenset()
    error_classes: frozenset[str] = frozenset()
    source_topics: frozenset[str] = frozenset()
    since: float | None = None  # epoch seconds: dead letters written at or after it

    def matches(self, record: Record) -> bool:
        if self.reasons and record.header(HEADER_PREFIX + "reason") not in self.reasons:
            return False
        if self.error_classes and record.header(HEADER_PREFIX + "error-class") not in self.error_classes:
            return False
        if self.source_topics and record.header(HEADER_PREFIX + "source-topic") not in self.source_topics:
            return False
        return self.since is None or record.timestamp_ms >= self.since * 1000


@dataclass(slots=True)
class ReplaySummary:
    read: int = 0  # dead letters read
    matched: int = 0
    sent: int = 0  # acknowledged by Kafka
    failed: int = 0
    not_dead_letters: int = 0  # records without a source-topic header: not written by wirewatch
    by_target: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def line(self, dry_run: bool) -> str:
        verb = "would replay" if dry_run else "replayed"
        done = self.matched if dry_run else self.sent
        targets = ", ".join(f"{t} {n}" for t, n in sorted(self.by_target.items())) or "-"
        text = f"{verb} {done} of {self.read} dead letters ({self.matched} matched"
        if not dry_run:
            text += f", failed {self.failed}"
        if self.not_dead_letters:
            text += f", {self.not_dead_letters} records without wirewatch headers skipped"
        return f"{text}) -> {targets}"


def target_of(record: Record, to: str | None) -> str | None:
    """Where ``record`` goes back to: ``to`` if given, else its source topic (None: not a wirewatch dead letter)."""
    source = record.header(HEADER_PREFIX + "source-topic")
    if source is None:
        return None
    return to or source


def dead_letters(settings: Settings, topic: str) -> Iterator[Record]:
    """Every record of ``topic`` from the beginning up to its end offsets as they are when this is called."""
    from kafka import TopicPartition

    from agents.kafka_client import consumer

    cons = consumer(settings, group_id=None)
    try:
        # A dead-letter topic exists before anyone replays it: a short wait only covers a metadata refresh.
        tps = [TopicPartition(topic, p) for p in partitions_of(cons, topic, wait=2.0)]
        if not tps:
            raise ConfigError(f"topic {topic!r} does not exist")
        ends = cons.end_offsets(tps)
        todo = {tp for tp in tps if ends[tp] > 0}
        cons.assign(sorted(todo, key=lambda tp: tp.partition))
        cons.seek_to_beginning(*todo)
        idle_since = time.monotonic()
        while todo:
            batch = cons.poll(timeout_ms=500)
            if batch:
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since > _IDLE_SECONDS:
                left = ", ".join(
                    f"{tp.partition}: {cons.position(tp)} of {ends[tp]}" for tp in sorted(todo, key=lambda t: t.partition)
                )
                raise WirewatchError(
                    f"{topic}: nothing read for {_IDLE_SECONDS:.0f} s before its end (partition: position of end: {left})"
                )
            for tp, records in batch.items():
                for r in records:
                    if r.offset < ends[tp]:
                        yield Record.of(r)
            for tp in list(todo):
                if cons.position(tp) >= ends[tp]:
                    todo.discard(tp)
                    cons.pause(tp)
    finally:
        cons.close()


def replay(
    settings: Settings,
    records: Iterable[Record],
    selection: Selection,
    *,
    to: str | None = None,
    dry_run: bool = False,
    limit: int | None = None,
    show: Callable[[str], None] | None = None,
) -> ReplaySummary:
    """Send the dead letters ``selection`` matches back to their source topic (or ``to``); ``show`` gets a line each."""
    summary = ReplaySummary()
    from agents.kafka_client import producer

    prod = None if dry_run else producer(settings)
    pending: list[tuple[Record, str, Any]] = []
    try:
        for record in records:
            summary.read += 1
            target = target_of(record, to)
            if target is None:
                summary.not_dead_letters += 1
                continue
            if not selection.matches(record) or (limit is not None and summary.matched >= limit):
                continue
            summary.matched += 1
            if show is not None:
                show(_describe(record, target))
            if prod is None:
                summary.by_target[target] = summary.by_target.get(target, 0) + 1
                continue
            origin = f"{record.topic}/{record.partition}/{record.offset}".encode()
            future = prod.send(target, key=record.key, value=record.value or b"", headers=[(REPLAYED_FROM, origin)])
            pending.append((record, target, future))
        if prod is not None:
            prod.flush()
            for record, target, future in pending:
                try:
                    future.get(timeout=60)
                except Exception as exc:
                    summary.failed += 1
                    summary.errors.append(f"{record.topic}[{record.partition}]@{record.offset} -> {target}: {exc}")
                else:
                    summary.sent += 1
                    summary.by_target[target] = summary.by_target.get(target, 0) + 1
    finally:
        if prod is not None:
            prod.close()
    return summary


def _describe(record: Record, target: str) -> str:
    h = record.header
    p = HEADER_PREFIX
    source = f"{h(p + 'source-topic')}[{h(p + 'source-partition')}]@{h(p + 'source-offset')}"
    key = record.key.decode("utf-8", "replace") if record.key is not None else "-"
    return (
        f"{record.topic}[{record.partition}]@{record.offset} {h(p + 'reason')} {h(p + 'error-class')} key={key} "
        f"({source}) -> {target}"
    )
