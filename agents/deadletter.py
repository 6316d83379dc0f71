"""Dead-letter records: the original bytes plus headers that say why and where from.

A dead letter is its input plus headers, so an input near the broker's size limit makes a dead letter over
it. Such a dead letter goes again with its value cut to :data:`TRUNCATED_BYTES` and a
``wirewatch-value-truncated`` header giving the original length: the whole input is still on its source
topic at the offset the headers name. Without that, the worker would stop on the input after every restart.
The dead-letter topic is created with room for the headers (``agents.topology``), so this is for topics
made otherwise.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any

from aiokafka.errors import KafkaError, MessageSizeTooLargeError

__all__ = [
    "HEADER_PREFIX",
    "TRUNCATED_BYTES",
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
#: The bytes of an input kept in a dead letter the broker refused whole (see the module's docstring).
TRUNCATED_BYTES = 16_384


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
    value = msg.value if msg.value is not None else b""
    try:
        delivered: Awaitable[Any] = await rt.dlq.send(key=msg.key, value=value, headers=record.headers())
    except MessageSizeTooLargeError as exc:  # over the producer's own limit: refused before the broker is asked
        delivered = _failed(exc)
    rt.metrics.dead_letters.labels(record.reason).inc()
    log.warning("dead-lettered %s[%s]@%s: %s: %s", msg.topic, msg.partition, msg.offset, record.reason, record.message)
    return asyncio.ensure_future(_whole_or_truncated(rt, msg, record, value, delivered))


async def _whole_or_truncated(rt: Any, msg: Any, record: DeadLetter, value: bytes, delivered: Awaitable[Any]) -> Any:
    try:
        return await delivered
    except MessageSizeTooLargeError as exc:
        log.error(
            "the dead letter of %s[%s]@%s (%d bytes) was refused for its size (%r); sent again with its first %d bytes",
            msg.topic, msg.partition, msg.offset, len(value), exc, TRUNCATED_BYTES,
        )  # fmt: skip
        headers = [*record.headers(), (HEADER_PREFIX + "value-truncated", str(len(value)).encode())]
        return await (await rt.dlq.send(key=msg.key, value=value[:TRUNCATED_BYTES], headers=headers))


def _failed(exc: BaseException) -> asyncio.Future[Any]:
    future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    future.set_exception(exc)
    return future


async def dead_letter(rt: Any, event: Any, exc: BaseException, reason: str) -> Awaitable[Any]:
    """Dead-letter ``event`` because of ``exc``; returns the delivery future (see :func:`send_dead_letter`).

    An ``exc`` that is the broker refusing an output for its size makes an ``oversized`` dead letter whatever
    ``reason`` (see :func:`dead_letter_refused`)."""
    msg = event.message
    return await send_dead_letter(rt, msg, _record(msg, exc, reason))


def _record(msg: Any, exc: BaseException, reason: str) -> DeadLetter:
    if too_large(exc):
        text = f"the broker refused an output of this input for its size: {exc}"
        return DeadLetter("oversized", type(exc).__name__, text[:_MAX_MESSAGE], msg.topic, msg.partition, msg.offset)
    return DeadLetter.of(exc, reason, msg.topic, msg.partition, msg.offset)


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
    await (await send_dead_letter(rt, msg, _record(msg, exc, "oversized")))
