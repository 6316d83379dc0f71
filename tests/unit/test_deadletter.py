from __future__ import annotations

from agents.deadletter import DeadLetter
from stream.errors import DecodeError


def test_headers_carry_reason_class_message_and_source_offset() -> None:
    record = DeadLetter.of(DecodeError("byte 0xff at position 3"), "invalid_utf8", "wire.stories", 4, 1234)
    headers = dict(record.headers())
    assert headers["wirewatch-reason"] == b"invalid_utf8"
    assert headers["wirewatch-error-class"] == b"DecodeError"
    assert headers["wirewatch-error-message"] == b"byte 0xff at position 3"
    assert headers["wirewatch-source-topic"] == b"wire.stories"
    assert headers["wirewatch-source-partition"] == b"4"
    assert headers["wirewatch-source-offset"] == b"1234"


def test_long_messages_are_truncated() -> None:
    record = DeadLetter.of(ValueError("x" * 5000), "internal_error", "t", 0, 0)
    assert len(record.message) == 1000
