"""``/healthz`` (the event loop answers) and ``/readyz`` (partitions assigned, tables recovered,
not rebalancing) on the worker's web server, plus the event-loop lag probe."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import faust

    from agents.runtime import Runtime

__all__ = ["install_health", "readiness"]

_LAG_INTERVAL = 0.1


def readiness(app: Any) -> tuple[bool, dict[str, Any]]:
    """Whether the worker is ready, and the facts that decided it."""
    consumer = app.consumer if app.started else None
    assigned = len(consumer.assignment()) if consumer is not None else 0
    recovery = getattr(app.tables, "recovery", None)
    recovered = bool(recovery is not None and recovery.completed.is_set())
    rebalancing = bool(app.rebalancing)
    facts = {
        "started": bool(app.started),
        "assigned_partitions": assigned,
        "tables_recovered": recovered,
        "rebalancing": rebalancing,
    }
    # A worker in a group with more members than partitions is healthy but idle;
    # it is still "ready" once the first assignment has completed.
    ready = bool(app.started) and recovered and not rebalancing
    return ready, facts


def install_health(app: faust.App, rt: Runtime) -> None:
    from faust import web

    # No tick yet means the probe has not run its first round: the loop answering this request is the
    # evidence then. Timing from app creation instead counted the detection processes' start-up (model
    # loading, seconds on a busy machine) as a stalled loop.
    state: dict[str, float | None] = {"last_tick": None}

    @app.page("/healthz")
    async def healthz(self: web.View, request: web.Request) -> web.Response:
        last = state["last_tick"]
        age = 0.0 if last is None else time.monotonic() - last
        ok = age < 10.0
        return self.json({"status": "ok" if ok else "stalled", "loop_tick_age_seconds": round(age, 3)}, status=200 if ok else 503)

    @app.page("/readyz")
    async def readyz(self: web.View, request: web.Request) -> web.Response:
        ready, facts = readiness(app)
        return self.json({"status": "ready" if ready else "not-ready", **facts}, status=200 if ready else 503)

    @app.task
    async def loop_lag_probe() -> None:
        loop = asyncio.get_running_loop()
        while True:
            expected = loop.time() + _LAG_INTERVAL
            await asyncio.sleep(_LAG_INTERVAL)
            lag = max(0.0, loop.time() - expected)
            state["last_tick"] = time.monotonic()
            rt.metrics.event_loop_lag_seconds.observe(lag)
            rt.metrics.assigned_partitions.set(len(app.consumer.assignment()) if app.started else 0)

    def on_rebalance(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        rt.metrics.rebalances.inc()

    app.on_rebalance_complete.connect(on_rebalance)
