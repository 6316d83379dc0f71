"""Dead-letter records: the original bytes plus headers that say why and where from."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["HEADER_PREFIX", "DeadLetter"]

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
