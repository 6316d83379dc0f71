"""Read a topic from the end (or the beginning) with kafka-python, without joining a group."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import orjson
from kafka import TopicPartition

from agents.kafka_client import consumer
from stream.settings import Settings

__all__ = ["Record", "partitions_of", "tail"]


@dataclass(frozen=True, slots=True)
class Record:
    topic: str
    partition: int
    offset: int
    timestamp_ms: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...]

    @classmethod
    def of(cls, r: Any) -> Record:
        """A kafka-python ``ConsumerRecord`` as a Record."""
        return cls(r.topic, r.partition, r.offset, r.timestamp, r.key, r.value, tuple(r.headers or ()))

    def decoded(self) -> object:
        """The value as JSON when it is JSON, else as text."""
        if self.value is None:
            return None
        try:
            return orjson.loads(self.value)
        except orjson.JSONDecodeError:
            return self.value.decode("utf-8", "replace")

    def header(self, name: str) -> str | None:
        for k, v in self.headers:
            if k == name:
                return v.decode("utf-8", "replace")
        return None

    def json_line(self) -> str:
        return orjson.dumps(
            {
                "topic": self.topic,
                "partition": self.partition,
                "offset": self.offset,
                "timestamp_ms": self.timestamp_ms,
                "key": self.key.decode("utf-8", "replace") if self.key is not None else None,
                "headers": {k: v.decode("utf-8", "replace") for k, v in self.headers},
                "value": self.decoded(),
            }
        ).decode()


def partitions_of(cons: Any, topic: str, wait: float) -> list[int]:
    """``topic``'s partitions, waiting up to ``wait`` seconds for it to appear (empty: it does not exist)."""
    deadline = time.monotonic() + wait
    partitions = cons.partitions_for_topic(topic)
    while not partitions and time.monotonic() < deadline:
        time.sleep(0.2)
        partitions = cons.partitions_for_topic(topic)
    return sorted(partitions or ())


def tail(
    settings: Settings,
    topics: str | list[str],
    *,
    from_beginning: bool = False,
    timeout: float | None = None,
    max_records: int | None = None,
    stop: threading.Event | None = None,
) -> Iterator[Record]:
    """Yield records of one or more topics until ``max_records`` were read, ``timeout``
    seconds pass without one, or ``stop`` is set (checked at least every 200 ms)."""
    names = [topics] if isinstance(topics, str) else list(topics)
    cons = consumer(settings, group_id=None)
    try:
        tps: list[TopicPartition] = []
        for topic in names:
            tps.extend(TopicPartition(topic, p) for p in partitions_of(cons, topic, wait=30.0))
        if not tps:
            return
        cons.assign(tps)
        (cons.seek_to_beginning if from_beginning else cons.seek_to_end)(*tps)
        for tp in tps:
            cons.position(tp)  # resolve the seek now, so records published after this call are seen
        seen = 0
        idle_since = time.monotonic()
        while stop is None or not stop.is_set():
            batch = cons.poll(timeout_ms=200)
            if not batch:
                if timeout is not None and time.monotonic() - idle_since > timeout:
                    return
                continue
            idle_since = time.monotonic()
            for tp_records in batch.values():
                for r in tp_records:
                    yield Record.of(r)
                    seen += 1
                    if max_records is not None and seen >= max_records:
                        return
    finally:
        cons.close()
