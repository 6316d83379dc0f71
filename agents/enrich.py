"""Turn raw input messages into outcomes: enriched JSON, or the reason to dead-letter.

:func:`process_batch` runs in the detection processes of :mod:`agents.offload`
(or inline when there are none). Designs measured on the way here
(``python -m benchmarks.bench``, 2-core machine, broker on the same cores):
inline in the event loop, one story at a time, ~600-730 stories/s per worker;
a process pool fed one message at a time, 255/s (per-message IPC); batches from
Faust's ``stream.take_events`` sent to a pool and awaited before the next read,
~770/s, and that one stalled for good after some rebalances (its buffer held
unacknowledged events while Faust waited for them). The shipped design batches
itself and overlaps reading, detection and sending; see :mod:`agents.ingest`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from stream.errors import InputError
from stream.events import blocking_key, extract, spike_keys
from stream.pipeline import Pipeline

__all__ = ["EVENTS_HEADER", "Item", "Outcome", "events_header", "process_batch"]

log = logging.getLogger("wirewatch.enrich")

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
    events: bytes | None = None  # EVENTS_HEADER's value: what the events agent needs, worked out here


#: Header of the records for the events agent. Its value (JSON) carries the story's clustering features,
#: spike keys, dry-run subscription matches and pubstatus, so the events agent in the event loop neither
#: parses the enriched story nor extracts features (that took ~1 ms of the loop per story, measured).
EVENTS_HEADER = "wirewatch-events"


def events_header(doc: dict[str, Any]) -> bytes:
    """The :data:`EVENTS_HEADER` value for an enriched story dict."""
    return orjson.dumps(
        {
            "id": doc["id"],
            "pubstatus": doc.get("pubstatus", "usable"),
            "features": extract(doc).to_dict(),
            "spike_keys": spike_keys(doc),
            "alerts": [{"subscription": a["subscription"], "tier": a["tier"]} for a in doc.get("alerts") or ()],
        }
    )


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
        "blocking_key": blocking_key(
            {"focus": extra.get("focus"), "countries": extra.get("countries"), "language": {"code": result.language.code}}
        ),
    }


def process_batch(
    items: Sequence[Item], pipe: Pipeline, max_output_bytes: int = 1_000_000, *, events: bool = False
) -> list[Outcome]:
    """Enrich each item; never raises for a bad item (that is what ``Outcome.reason`` is for).
    With ``events``, each outcome also carries its :func:`events_header`."""
    out = []
    for raw, default_id, published_at in items:
        try:
            result = pipe.process(raw, default_id=default_id, published_at=published_at)
            doc = result.to_dict()
            payload = orjson.dumps(doc)
            if len(payload) > max_output_bytes:
                # Kafka would refuse it, and retrying a refused send stalls the partition.
                message = f"enriched story is {len(payload)} bytes, over the {max_output_bytes}-byte output limit"
                out.append(Outcome(result.story.id, None, "oversized", "OversizedError", message))
                continue
            header = events_header(doc) if events else None
            out.append(Outcome(result.story.id, payload, facts=_facts(result), events=header))
        except InputError as exc:
            out.append(Outcome(None, None, exc.reason, type(exc).__name__, str(exc)[:1000]))
        except Exception as exc:  # a detector bug on one story must not stop the stream
            log.exception("pipeline failed on one message")
            out.append(Outcome(None, None, "internal_error", type(exc).__name__, str(exc)[:1000]))
    return out
