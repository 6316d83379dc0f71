"""What the agents of one app share, in a module of its own so that agents and the app factory
both import it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import faust
    from prometheus_client import CollectorRegistry

    from agents.metrics import Metrics
    from agents.offload import Offload
    from stream.pipeline import Pipeline
    from stream.settings import Settings

__all__ = ["Runtime", "runtime_of"]


@dataclass(slots=True)
class Runtime:
    """What agents share: settings, metrics, the pure pipeline and the declared topics."""

    settings: Settings
    metrics: Metrics
    registry: CollectorRegistry
    pipeline: Pipeline
    stories: Any
    enriched: Any
    dlq: Any
    topic: Any  # name -> Faust topic with wirewatch's serializers and partitions
    by_event_key: Any  # enriched stories keyed by blocking key, for the events agent; None when events are off
    spike_keys: Any  # one count per spike key and story, for the spikes agent; None when events are off
    offload: Offload  # detection processes; inline until start() is called (the worker does)
    spike_counts: Any = None  # the events agent's SpikeCounts, between flushes to the spikes agent


def runtime_of(app: faust.App) -> Runtime:
    """The runtime an app was built with (tests patch its topics and read its metrics)."""
    runtime: Runtime = app.wirewatch_runtime  # type: ignore[attr-defined]
    return runtime
