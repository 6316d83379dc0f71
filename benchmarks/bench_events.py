"""Cost of near-duplicate detection and event clustering per story (target: 200 us).

Enriches the dev and held-out stories once (benchmarks/data, 12 languages), then times
:meth:`stream.events.Clusterer.add` (feature extraction, sketch, duplicate lookup, candidate scoring,
state upkeep) over them, repeated with new ids and times so the state holds thousands of events; then
the per-story work of the events path besides Kafka and tables (JSON in, features, clustering, the
``event`` block and JSON out, the story-event record, spike keys; in the worker the features come from the
detection processes, which the third figure times alone). Rounds after the first re-send the same
stories under new ids, so they mostly time the near-duplicate path.

Then the same on wire-length stories: the bench corpus (:mod:`benchmarks.corpus`, ~2,000 characters,
12 languages, 15 % copies), enriched by the pipeline, clustered in order; CPU time (``process_time``,
so other work on the machine moves it less than wall time) of :meth:`stream.events.Clusterer.assign`
per story, for the stories found to be duplicates and for the others: the median of each of three passes
(a fresh clusterer each time), and the median of those.

    .venv/bin/python -m benchmarks.bench_events [--rounds N] [--wire N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from pathlib import Path

import orjson

from stream.events import SpikeDetector, blocking_key, event_message, extract, spike_keys
from stream.events.cluster import Clusterer
from stream.pipeline import Pipeline
from stream.story import Story

DATA = Path(__file__).parent / "data"
#: Passes over the wire-length stories (see :func:`wire`).
PASSES = 3


def _stories() -> list[dict[str, object]]:
    pipeline = Pipeline(topic_model="off")
    out = []
    for path in sorted([*DATA.glob("devset/*.jsonl"), *DATA.glob("heldout/*.jsonl")]):
        for line in path.read_text().splitlines():
            raw = json.loads(line)
            story = Story(id=raw["id"], headline=raw["headline"], body=raw["body"], language=raw.get("language"))
            out.append(pipeline.enrich(story).to_dict())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--wire", type=int, default=3000, help="bench-corpus stories to cluster (0: skip)")
    args = parser.parse_args()
    stories = _stories()
    clusterer = Clusterer()
    per_round = []
    t = 1_600_000_000.0
    for r in range(args.rounds):
        batch = []
        for i, s in enumerate(stories):
            t += 30.0
            batch.append({**s, "id": f"{s['id']}-r{r}", "versioncreated": t, "headline": f"{s['headline']} {r}-{i}"})
        start = time.perf_counter()
        for s in batch:
            clusterer.add(s)
        per_round.append((time.perf_counter() - start) / len(batch) * 1e6)
    print(f"stories per round: {len(stories)}; rounds: {args.rounds}; open events at the end: {len(clusterer.events)}")
    print("us per story by round: " + ", ".join(f"{x:.0f}" for x in per_round))
    print(f"median: {statistics.median(per_round):.0f} us per story (target 200)")

    # The events agent's work per story, as agents/events.py does it.
    clusterer = Clusterer()
    agent_rounds = []
    for r in range(args.rounds):
        payloads = []
        for i, s in enumerate(stories):
            t += 30.0
            doc = {**s, "id": f"{s['id']}-a{r}", "versioncreated": t, "headline": f"{s['headline']} {r}-{i}"}
            payloads.append(orjson.dumps(doc))
        start = time.perf_counter()
        for raw in payloads:
            doc = orjson.loads(raw)
            features = extract(doc)
            placed = clusterer.assign(features)
            record = clusterer.events[placed.event_id]
            orjson.dumps(features.to_dict())  # the table row's changelog value
            doc["event"] = {"id": placed.event_id, "new": placed.new_event, "score": placed.score,
                            "duplicate_of": placed.duplicate_of, "stories": record.stories,
                            "languages": sorted(record.languages)}  # fmt: skip
            orjson.dumps(doc)
            orjson.dumps(event_message(placed, record))
            spike_keys(doc)
        agent_rounds.append((time.perf_counter() - start) / len(payloads) * 1e6)
    print("events agent work, us per story by round: " + ", ".join(f"{x:.0f}" for x in agent_rounds))
    print(f"median: {statistics.median(agent_rounds):.0f} us per story in the event loop (besides Kafka and table I/O)")

    # The features the detection processes compute for the events agent (agents/enrich.py, events_header).
    feature_rounds = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for s in stories:
            extract(s)
        feature_rounds.append((time.perf_counter() - start) / len(stories) * 1e6)
    print(f"features (extract, in the detection processes): median {statistics.median(feature_rounds):.0f} us per story")

    # What the event-stories table holds per story (its changelog value), and how the stories spread
    # over blocking keys (one key is one partition of the by-key topic).
    rows = [len(orjson.dumps(extract(s).to_dict())) for s in stories]
    keys = Counter(blocking_key(s) for s in stories)
    top, n = keys.most_common(1)[0]
    print(f"event-stories row: mean {statistics.mean(rows):,.0f} bytes, max {max(rows):,} bytes (JSON)")
    print(f"spike-series row of a key counted every hour for 14 days: {_busy_spike_row()} (JSON)")
    print(f"blocking keys: {len(keys)} over {len(stories)} stories; the largest, {top}, holds {100 * n / len(stories):.0f}%")

    if args.wire:
        wire(args.wire)


def _busy_spike_row() -> str:
    """The packed row the spikes agent writes on every count, against the ``{"<bucket>": n}`` form before it."""
    detector = SpikeDetector()
    start = 1_700_000_000.0
    for hour in range(14 * 24):
        for i in range(3):
            detector.observe("topic:medtop:11000000", start + hour * 3600 + i * 600)
    series = detector.series["topic:medtop:11000000"]
    first_form = {
        "fine": {str(b): n for b, n in series.fine.items()},
        "hourly": {str(h): n for h, n in series.hourly.items()},
        "first_hour": series.first_hour,
    }
    packed = len(orjson.dumps(detector.export("topic:medtop:11000000")))
    return f"{packed:,} bytes packed, {len(orjson.dumps(first_form)):,} bytes in the first form"


def wire(n: int) -> None:
    """Clusterer cost on wire-length stories, duplicates and the rest apart."""
    from benchmarks.corpus import stories as bench_stories

    pipeline = Pipeline()
    features = []
    for i, s in enumerate(bench_stories(n)):
        doc = pipeline.process(s.raw).to_dict()
        doc["versioncreated"] = 1_700_000_000.0 + 20.0 * i  # in order, a story every 20 s
        features.append(extract(doc))
    # Three passes, each with a fresh clusterer over the same stories (the same assignments): one pass on
    # a shared two-core machine moved its median by 10 % from run to run. Figures are per pass, then the
    # median over passes.
    passes: list[tuple[list[float], list[float]]] = []
    for _ in range(PASSES):
        clusterer = Clusterer()
        dup: list[float] = []
        rest: list[float] = []
        for f in features:
            start = time.process_time()
            placed = clusterer.assign(f)
            (dup if placed.duplicate_of else rest).append((time.process_time() - start) * 1e6)
        passes.append((dup, rest))
    terms = statistics.median(len(f.terms) for f in features)
    print(
        f"wire-length stories (bench corpus): {n}, {len(dup)} duplicates, {len(clusterer.events)} events open, median {terms:.0f} terms a story"
    )
    for i, name in enumerate(("duplicates", "others")):
        medians = [statistics.median(p[i]) for p in passes]
        xs = sorted(passes[0][i])
        print(
            f"  Clusterer.assign CPU, {name}: median {statistics.median(medians):.0f} us "
            f"(passes: {', '.join(f'{m:.0f}' for m in medians)}), first pass p95 {xs[int(0.95 * len(xs))]:.0f} us, "
            f"mean {statistics.mean(xs):.0f} us"
        )


if __name__ == "__main__":
    main()
