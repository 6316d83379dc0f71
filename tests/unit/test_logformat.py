"""WIREWATCH_LOG_FORMAT: Faust's text by default, JSON lines for log collectors."""

from __future__ import annotations

import io
import json
import logging
import logging.config

import pytest

from agents.logformat import JsonFormatter, logging_config
from stream.errors import ConfigError
from stream.settings import Settings


def test_the_setting_defaults_to_text_and_refuses_other_formats() -> None:
    assert Settings.from_env({}).log_format == "text"
    assert Settings.from_env({"WIREWATCH_LOG_FORMAT": "json"}).log_format == "json"
    with pytest.raises(ConfigError, match="text, json"):
        Settings.from_env({"WIREWATCH_LOG_FORMAT": "xml"})


def test_text_keeps_fausts_own_logging() -> None:
    assert logging_config("text", "info") is None


def test_json_lines_carry_level_logger_message_and_traceback() -> None:
    config = logging_config("json", "info")
    assert config is not None
    stream = io.StringIO()
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        logging.config.dictConfig(config)
        (handler,) = root.handlers
        assert isinstance(handler.formatter, JsonFormatter) and root.level == logging.INFO
        handler.setStream(stream)  # type: ignore[attr-defined]
        log = logging.getLogger("wirewatch.test")
        log.debug("filtered out")
        log.warning("lag %d on %s", 1200, "wire.stories — ünïcode")
        try:
            raise ValueError("boom")
        except ValueError:
            log.exception("detector failed")
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2, lines
    first, second = (json.loads(line) for line in lines)
    assert first["level"] == "warning" and first["logger"] == "wirewatch.test"
    assert first["message"] == "lag 1200 on wire.stories — ünïcode"
    assert first["time"].endswith("Z") and "T" in first["time"]
    assert "exception" not in first
    assert second["level"] == "error" and "ValueError: boom" in second["exception"]
