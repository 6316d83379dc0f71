"""Dead-letter records: the original bytes plus headers that say why and where from."""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any

from aiokafka.errors import KafkaError, MessageSizeTooLargeError

__all__ = [
    "HEADER_PREFIX",
    "DeadLetter",
    "broker_fault",
    "dead_letter",
    "dead_letter_refused",
    "send_dead_letter",
    "too_large",
]

log = logging.getLogger("wirewatch.deadletter")

HEADER_PREFIX = "wirewatch-"
_MAX_MESSAGE = 1000  # exception text can embed input; keep headers small


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """Why one input event could not be processed, and where it came from."""

    reason: str
    error_class: str
    message: str
    topic: str
    partition: int
    offset: int

    @classmethod
    def of(cls, exc: BaseException, reason: str, topic: str, partition: int, offset: int) -> DeadLetter:
        return cls(reason, type(exc).__name__, str(exc)[:_MAX_MESSAGE], topic, partition, offset)

    def headers(self) -> list[tuple[str, bytes]]:
        p = HEADER_PREFIX
        return [
            (p + "reason", self.reason.encode()),
            (p + "error-class", self.error_class.encode()),
            (p + "error-message", self.message.encode("utf-8", "replace")),
            (p + "source-topic", self.topic.encode()),
            (p + "source-partition", str(self.partition).encode()),
            (p + "source-offset", str(self.offset).encode()),
        ]


async def send_dead_letter(rt: Any, msg: Any, record: DeadLetter) -> Awaitable[Any]:
    """Send ``msg``'s original bytes to the dead-letter topic with ``record`` as headers, and count it.

    Returns the delivery future: the producer has the record, Kafka may not yet. A caller acks the
    input only once it resolves, since a dead letter the broker refuses is otherwise lost silently.
    """
    delivered = await rt.dlq.send(key=msg.key, value=msg.value if msg.value is not None else b"", headers=record.headers())
    rt.metrics.dead_letters.labels(record.reason).inc()
    log.warning("dead-lettered %s[%s]@%s: %s: %s", msg.topic, msg.partition, msg.offset, record.reason, record.message)
    return delivered


async def dead_letter(rt: Any, event: Any, exc: BaseException, reason: str) -> Awaitable[Any]:
    """Dead-letter ``event`` because of ``exc``; returns the delivery future (see :func:`send_dead_letter`)."""
    msg = event.message
    return await send_dead_letter(rt, msg, DeadLetter.of(exc, reason, msg.topic, msg.partition, msg.offset))


def too_large(exc: BaseException) -> bool:
    """Whether the broker refused a record for its size (over the topic's ``max.message.bytes``): sending
    it again can never succeed, so a worker that crashed on it would crash on it after every restart."""
    return isinstance(exc, MessageSizeTooLargeError)


def broker_fault(exc: BaseException) -> bool:
    """Whether ``exc`` is Kafka failing, not the event: an agent crashes on it (the event stays
    uncommitted and is read again after the restart) instead of dead-lettering an event that is fine."""
    return isinstance(exc, KafkaError) and not too_large(exc)


async def dead_letter_refused(rt: Any, msg: Any, exc: BaseException) -> None:
    """Dead-letter ``msg`` as ``oversized`` because the broker refused its output for its size (see
    :func:`too_large`), and return once Kafka has the dead letter: its input may be acked then."""
    text = f"the broker refused an output of this input for its size: {exc}"
    record = DeadLetter("oversized", type(exc).__name__, text[:_MAX_MESSAGE], msg.topic, msg.partition, msg.offset)
    await (await send_dead_letter(rt, msg, record))
