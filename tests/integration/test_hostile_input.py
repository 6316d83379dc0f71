"""Bad input at volume on a real worker: every message becomes an enriched story or a dead letter with a
documented reason, the worker never dies, and its memory stays bounded."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.corpus import stories
from tests.integration.harness import Reliability, Worker, end_count, publish_raw, read_all, wait_for

HOSTILE = Path(__file__).parents[1] / "fixtures" / "hostile"
REASONS = {"invalid_utf8", "invalid_format", "invalid_field", "empty_story", "oversized"}
ROUNDS = 15  # the fixture corpus is sent this many times
GENERATED = 400  # hypothesis-generated messages
RSS_GROWTH_LIMIT_KB = 150_000  # detectors are loaded before the baseline; growth beyond this is a leak


def _generated_bytes(count: int) -> list[bytes]:
    """Messages drawn by hypothesis: raw bytes, JSON objects with story-like keys, and mutated JSON."""
    out: list[bytes] = []
    text = st.text(st.characters(codec="utf-8"), max_size=300)
    doc = st.fixed_dictionaries(
        {"headline": text, "body": text},
        optional={"id": text, "version": st.integers(), "language": text, "urgency": st.integers(), "places": st.lists(text)},
    )
    message = (
        st.binary(max_size=3000)
        | doc.map(lambda d: json.dumps(d, ensure_ascii=False).encode())
        | st.tuples(doc, st.integers(0, 2000)).map(lambda t: json.dumps(t[0]).encode()[: t[1]])
    )

    @settings(max_examples=count, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(message)
    def draw(raw: bytes) -> None:
        out.append(raw)

    draw()
    return out


def _mutated_stories(count: int) -> list[bytes]:
    """Valid bench stories with bytes flipped, cut or spliced: near-misses of real input."""
    rng = random.Random(5)
    out = []
    for s in stories(count, seed=211):
        raw = bytearray(s.raw)
        op = rng.randrange(3)
        if op == 0:
            for _ in range(rng.randint(1, 8)):
                raw[rng.randrange(len(raw))] = rng.randrange(256)
        elif op == 1:
            raw = raw[: rng.randrange(len(raw))]
        else:
            at = rng.randrange(len(raw))
            raw[at:at] = rng.choice([b"\x00", b"\xff\xfe", "\u202e".encode(), b'"}', b"<!DOCTYPE x>"])
        out.append(bytes(raw))
    return out


def test_hostile_input_at_volume(worker: Worker, tmp_path: Path) -> None:
    settings_ = worker.settings
    fixtures = [p.read_bytes() for p in sorted(HOSTILE.iterdir())]
    big = settings_.max_story_bytes + 10_000  # just over the limit, under the broker's message size
    enormous = [
        json.dumps({"id": "enormous", "headline": "x" * big, "body": "y"}).encode(),
    ]
    # Baseline after detectors are loaded: a few real stories first.
    warm = [s.raw for s in stories(50, seed=212)]
    publish_raw(settings_, [(f"w-{i}".encode(), raw) for i, raw in enumerate(warm)])
    wait_for(lambda: end_count(settings_, settings_.topic_enriched) >= len(warm), 60, "warm-up stories enriched")
    rss_before = worker.rss_kb()

    messages = fixtures * ROUNDS + enormous + _generated_bytes(GENERATED) + _mutated_stories(300)
    sent = publish_raw(settings_, [(f"h-{i}".encode(), raw) for i, raw in enumerate(messages)])
    total = len(warm) + sent

    def all_accounted() -> bool:
        return end_count(settings_, settings_.topic_enriched) + end_count(settings_, settings_.topic_dlq) >= total

    wait_for(all_accounted, 180, "every message enriched or dead-lettered")
    rss_after = worker.rss_kb()
    assert worker.alive(), worker.log_tail()
    assert worker.get("/healthz")[0] == 200

    dead = read_all(settings_, [settings_.topic_dlq])
    enriched = end_count(settings_, settings_.topic_enriched)
    reasons: dict[str, int] = {}
    for r in dead:
        reason = r.header("wirewatch-reason") or "(none)"
        reasons[reason] = reasons.get(reason, 0) + 1
    rep = Reliability("hostile-volume", sent=total, enriched_records=enriched, enriched=enriched, dead_lettered=len(dead))
    rep.lost = total - enriched - len(dead)
    print(rep.line())
    print(f"  dead-letter reasons {dict(sorted(reasons.items()))}; RSS {rss_before} kB -> {rss_after} kB")

    assert rep.lost == 0, rep.line()
    assert set(reasons) <= REASONS, f"undocumented or internal reasons: {reasons}"
    assert all(r.header("wirewatch-error-message") for r in dead)
    assert {(r.key or b"").decode() for r in dead} <= {f"h-{i}" for i in range(sent)}
    assert rss_after - rss_before < RSS_GROWTH_LIMIT_KB, (rss_before, rss_after)


def test_outputs_near_the_size_limit_never_stall_the_stream(worker: Worker) -> None:
    # 200 kB of place names was ~5 MB of enriched JSON before evidence was bounded, and a send over the
    # broker's message limit crashed the ingest agent, which then processed nothing more. A 990 kB
    # story (under max_story_bytes) still makes an output over the limit. Each must be enriched or
    # dead-lettered as oversized, and the stories after them must flow.
    settings_ = worker.settings
    wide = json.dumps({"id": "wide", "headline": "Wide", "body": " ".join(["Yerevan Baku"] * 16_000)}).encode()
    long_body = "The talks in Geneva continue. " * (settings_.max_story_bytes // 31)
    heavy = json.dumps({"id": "heavy", "headline": "Heavy", "body": long_body}).encode()
    assert len(heavy) < settings_.max_story_bytes
    after = list(stories(20, seed=213))
    publish_raw(settings_, [(b"wide", wide), (b"heavy", heavy)] + [(s.id.encode(), s.raw) for s in after])

    def all_accounted() -> bool:
        return end_count(settings_, settings_.topic_enriched) + end_count(settings_, settings_.topic_dlq) >= 2 + len(after)

    wait_for(all_accounted, 60, "the large outputs handled and the next stories enriched")
    dead = read_all(settings_, [settings_.topic_dlq])
    assert {r.header("wirewatch-reason") for r in dead} <= {"oversized"}
    enriched = read_all(settings_, [settings_.topic_enriched])
    keys = {(r.key or b"").decode() for r in enriched}
    assert {s.id for s in after} <= keys, "stories after the large ones were not processed"
    assert {"wide", "heavy"} <= keys | {(r.key or b"").decode() for r in dead}
    assert all(len(r.value or b"") <= 1_048_576 for r in enriched)
