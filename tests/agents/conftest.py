from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from unittest.mock import AsyncMock

import pytest
from prometheus_client import CollectorRegistry

from agents.app import create_app
from agents.runtime import Runtime, runtime_of
from stream.settings import Settings


@pytest.fixture
def app_and_runtime(tmp_path: Path) -> Iterator[tuple[object, Runtime]]:
    """A fresh app with memory tables and its topics' send() replaced by recorders.

    Events are off: the ingest agent writes ``wire.enriched`` itself (``events_app`` has them on).
    """
    yield from _app(tmp_path, events="off")


@pytest.fixture
def events_app(tmp_path: Path) -> Iterator[tuple[object, Runtime]]:
    """As ``app_and_runtime``, with the events agent (and the ingest agent writing to its by-key topic)."""
    yield from _app(tmp_path, events="on")


def _app(tmp_path: Path, **overrides: object) -> Iterator[tuple[object, Runtime]]:
    settings = Settings.from_env({}, state_dir=tmp_path, app_id="wirewatch-agent-test", max_story_bytes=4096, **overrides)
    app = create_app(settings, registry=CollectorRegistry())
    app.conf.store = "memory://"
    app.finalize()
    rt = runtime_of(app)
    rt.enriched.send = AsyncMock(name="enriched.send")  # type: ignore[method-assign]
    rt.dlq.send = AsyncMock(name="dlq.send")  # type: ignore[method-assign]
    yield app, rt
