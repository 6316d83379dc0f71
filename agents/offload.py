"""Run the CPU-heavy pipeline beside the event loop, in worker processes.

Detection costs around a millisecond of pure-Python CPU per story. Run inline,
that time blocks the event loop (heartbeats, fetches, /metrics) and leaves every
core but one idle. ``Offload`` sends batches of raw messages to a pool of
processes (each with its own warmed-up :class:`~stream.pipeline.Pipeline`) and
hands back, in input order, either the enriched JSON or the dead-letter reason.
With ``processes=0`` it runs the same code inline, which tests use.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import orjson

from stream.errors import InputError
from stream.pipeline import Pipeline

__all__ = ["Item", "Offload", "Outcome", "process_batch"]

log = logging.getLogger("wirewatch.offload")

#: One input message: raw bytes, the id to use when the story has none (the Kafka key), Kafka timestamp.
Item = tuple[bytes, str | None, float | None]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one message. ``facts`` feed the metrics without re-parsing ``payload``."""

    story_id: str | None
    payload: bytes | None  # enriched JSON; None when the message is dead-lettered
    reason: str = ""
    error_class: str = ""
    message: str = ""
    facts: dict[str, Any] = field(default_factory=dict)


_PIPELINE: Pipeline | None = None


def _init(kwargs: dict[str, Any]) -> None:
    global _PIPELINE
    _PIPELINE = Pipeline(**kwargs)
    _PIPELINE.warm_up()


def _facts(result: Any) -> dict[str, Any]:
    extra = result.extra
    return {
        "language": result.language.code,
        "provider": result.language.provider,
        "provider_agrees": result.language.provider_agrees,
        "timings": result.timings,
        "versioncreated": result.story.versioncreated,
        "countries": [c["iso2"] for c in extra.get("countries", ())],
        "focus_region": (extra.get("focus") or {}).get("region"),
        "topics": [t["code"] for t in extra.get("topics", ())],
    }


def process_batch(items: Sequence[Item], pipeline: Pipeline | None = None, max_output_bytes: int = 1_000_000) -> list[Outcome]:
    """Enrich each item; never raises for a bad item (that is what ``Outcome.reason`` is for)."""
    pipe = pipeline or _PIPELINE
    assert pipe is not None, "process_batch runs in an initialised pool process or with a pipeline"
    out = []
    for raw, default_id, published_at in items:
        try:
            result = pipe.process(raw, default_id=default_id, published_at=published_at)
            payload = orjson.dumps(result.to_dict())
            if len(payload) > max_output_bytes:
                # Kafka would refuse it, and retrying a refused send stalls the partition.
                message = f"enriched story is {len(payload)} bytes, over the {max_output_bytes}-byte output limit"
                out.append(Outcome(result.story.id, None, "oversized", "OversizedError", message))
                continue
            out.append(Outcome(result.story.id, payload, facts=_facts(result)))
        except InputError as exc:
            out.append(Outcome(None, None, exc.reason, type(exc).__name__, str(exc)[:1000]))
        except Exception as exc:  # a detector bug on one story must not stop the stream
            log.exception("pipeline failed on one message")
            out.append(Outcome(None, None, "internal_error", type(exc).__name__, str(exc)[:1000]))
    return out


class Offload:
    """Batches of messages in, outcomes out, on ``processes`` worker processes (0: inline)."""

    def __init__(self, pipeline: Pipeline, pipeline_kwargs: dict[str, Any], processes: int, max_output_bytes: int) -> None:
        self.pipeline = pipeline
        self.processes = processes
        self.max_output_bytes = max_output_bytes
        self._kwargs = pipeline_kwargs
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        if self.processes > 0 and self._pool is None:
            # spawn, not fork: the worker already runs aiokafka threads, which fork would copy mid-flight.
            ctx = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self.processes, mp_context=ctx, initializer=_init, initargs=(self._kwargs,))
            # Start and warm every process now, not on the first batch.
            for f in [self._pool.submit(process_batch, []) for _ in range(self.processes)]:
                f.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    async def run(self, items: Sequence[Item]) -> list[Outcome]:
        if not items:
            return []
        if self._pool is None:
            return process_batch(items, self.pipeline, self.max_output_bytes)
        loop = asyncio.get_running_loop()
        size = -(-len(items) // self.processes)  # ceil: one chunk per process
        chunks = [items[i : i + size] for i in range(0, len(items), size)]
        limit = self.max_output_bytes
        parts = await asyncio.gather(*(loop.run_in_executor(self._pool, process_batch, chunk, None, limit) for chunk in chunks))
        return [outcome for part in parts for outcome in part]
