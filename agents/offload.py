"""Run the CPU-heavy pipeline beside the event loop, in detection processes.

Detection costs about a millisecond of pure-Python CPU per story. Run inline it
holds the event loop and leaves every other core idle; here batches of raw
messages go to a pool of processes, each with its own warmed-up
:class:`~stream.pipeline.Pipeline`, and come back in order as
:class:`~agents.enrich.Outcome` lists. With ``processes=0`` the same batches run
inline (tests, and machines with a single core).

A pool process that dies breaks the pool: :meth:`Offload.submit` then raises
``BrokenProcessPool``, the ingest agent crashes the worker on purpose, and its
supervisor restarts it from the last committed offset.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from agents.enrich import Item, Outcome, process_batch
from stream.pipeline import Pipeline

__all__ = ["Offload"]

_PIPELINE: Pipeline | None = None


def _exit_with(parent: int) -> None:
    # A SIGKILLed worker cannot shut its pool down, and the pool's pipes stay open in every
    # detection process: without this watch they would live on as orphans, each holding its models.
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _init(kwargs: dict[str, Any]) -> None:
    global _PIPELINE
    threading.Thread(target=_exit_with, args=(os.getppid(),), name="wirewatch-parent-watch", daemon=True).start()
    _PIPELINE = Pipeline(**kwargs)
    _PIPELINE.warm_up()


def _run(items: Sequence[Item], max_output_bytes: int, events: bool = False) -> list[Outcome]:
    assert _PIPELINE is not None, "the pool initialiser builds the pipeline"
    return process_batch(items, _PIPELINE, max_output_bytes, events=events)


class Offload:
    """Batches of messages in, outcomes out, on ``processes`` detection processes (0: inline)."""

    def __init__(
        self, pipeline: Pipeline, pipeline_kwargs: dict[str, Any], processes: int, max_output_bytes: int, events: bool = False
    ) -> None:
        self.events = events  # also work out what the events agent needs (agents.enrich.events_header)
        self.pipeline = pipeline
        self.processes = processes
        self.max_output_bytes = max_output_bytes
        self._kwargs = pipeline_kwargs
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Start and warm every detection process now, before the worker joins its group."""
        if self.processes > 0 and self._pool is None:
            # spawn, not fork: the worker may already run threads (aiokafka, prometheus), which fork would copy mid-flight.
            ctx = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self.processes, mp_context=ctx, initializer=_init, initargs=(self._kwargs,))
            for f in [self._pool.submit(_run, [], self.max_output_bytes) for _ in range(self.processes)]:
                f.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def pids(self) -> list[int]:
        """Process ids of the running detection processes (none when inline)."""
        pool = self._pool
        # ProcessPoolExecutor keeps its processes by pid; there is no public accessor.
        return list(getattr(pool, "_processes", None) or {}) if pool is not None else []

    def submit(self, items: Sequence[Item]) -> asyncio.Future[list[Outcome]]:
        """A future of the outcomes of ``items``, in order; inline work is done before this returns."""
        loop = asyncio.get_running_loop()
        if self._pool is None:
            done: asyncio.Future[list[Outcome]] = loop.create_future()
            done.set_result(process_batch(items, self.pipeline, self.max_output_bytes, events=self.events))
            return done
        return asyncio.wrap_future(self._pool.submit(_run, list(items), self.max_output_bytes, self.events), loop=loop)
