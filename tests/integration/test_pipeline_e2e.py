"""Publish with the CLI -> real worker -> wire.enriched / wire.dlq on the real broker."""

from __future__ import annotations

import json
from pathlib import Path

from kafka import KafkaProducer

from tests.integration.harness import Worker, collect, run_cli

STORIES = [
    {
        "id": "e2e-ar",
        "headline": "وزراء الخارجية يدعون إلى وقف إطلاق النار",
        "body": "دعا وزيرا خارجية البلدين اليوم إلى وقف فوري للقتال في المنطقة الحدودية وبدء محادثات.",
    },
    {
        "id": "e2e-ru",
        "headline": "В Баку прошли переговоры",
        "body": "Министры обсудили прекращение огня и возвращение беженцев в свои дома.",
    },
    {
        "id": "e2e-en",
        "headline": "Central bank holds rates",
        "body": "The central bank kept its main interest rate unchanged on Thursday, citing slowing inflation.",
    },
    {
        "id": "e2e-hy",
        "headline": "Երևանում բանակցություններ են ընթանում",
        "body": "Արտաքին գործերի նախարարները քննարկեցին հրադադարի պայմանները և սահմանային իրավիճակը։",
    },
]


def test_published_stories_are_enriched_with_their_language(worker: Worker, tmp_path: Path) -> None:
    src = tmp_path / "stories.jsonl"
    src.write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in STORIES) + "\n", encoding="utf-8")
    text_story = tmp_path / "bulletin.txt"
    text_story.write_text("Séisme au large du Chili\nUn séisme de magnitude 6,8 a secoué la côte nord du pays mardi matin.\n")
    out = run_cli(worker.env, "publish", "--quiet", str(src), str(text_story))
    assert out.returncode == 0, out.stderr
    assert "sent 5, failed 0" in out.stdout

    records = collect(worker.settings, worker.settings.topic_enriched, 5)
    by_id = {r.key.decode(): json.loads(r.value) for r in records if r.key and r.value}
    assert {by_id[s["id"]]["language"]["code"] for s in STORIES} == {"ar", "ru", "en", "hy"}
    assert by_id["e2e-ar"]["language"]["code"] == "ar"
    assert by_id["e2e-hy"]["language"]["code"] == "hy"
    french = [d for d in by_id.values() if d["headline"].startswith("Séisme")]
    assert len(french) == 1 and french[0]["language"]["code"] == "fr" and french[0]["source_format"] == "text"
    for doc in by_id.values():
        assert doc["schema"] == "wirewatch.enriched/1"
        assert doc["received_at"] <= doc["processed_at"]
    assert worker.metric("wirewatch_stories_enriched_total", {"language": "ar"}) == 1
    assert worker.metric("wirewatch_messages_received_total") == 5


BAD = [
    (b'{"id": "bad-json", "headline": "unterminated', "invalid_format"),
    (b"\xc3\x28 not utf-8 \xff", "invalid_utf8"),
    (b'{"id": "empty", "headline": "  ", "body": ""}', "empty_story"),
    (b'{"id": "types", "headline": 42, "body": "text"}', "invalid_field"),
    (b'{"id": "big", "headline": "h", "body": "' + b"x" * 30_000 + b'"}', "oversized"),
]


def test_bad_input_is_dead_lettered_while_good_stories_flow(worker_env: dict[str, str], tmp_path: Path) -> None:
    worker_env["WIREWATCH_MAX_STORY_BYTES"] = "20000"
    worker = Worker(worker_env, tmp_path / "worker.log").start()
    try:
        settings = worker.settings
        producer = KafkaProducer(bootstrap_servers=settings.bootstrap_list)
        good = 0
        for raw, _reason in BAD:
            producer.send(settings.topic_stories, value=raw, partition=0)
            story = {
                "id": f"good-{good}",
                "headline": "Market update",
                "body": "Shares rose in early trading on strong earnings.",
            }
            producer.send(settings.topic_stories, value=json.dumps(story).encode(), partition=0)
            good += 1
        producer.flush()
        producer.close()

        dead = collect(settings, settings.topic_dlq, len(BAD))
        reasons = [
            r.header("wirewatch-reason") for r in sorted(dead, key=lambda r: int(r.header("wirewatch-source-offset") or -1))
        ]
        assert reasons == [reason for _, reason in BAD]
        for record, (raw, _) in zip(sorted(dead, key=lambda r: int(r.header("wirewatch-source-offset") or -1)), BAD, strict=True):
            assert record.value == raw
            assert record.header("wirewatch-source-topic") == settings.topic_stories
            assert record.header("wirewatch-source-partition") == "0"
            assert record.header("wirewatch-error-class")
        offsets = sorted(int(r.header("wirewatch-source-offset") or -1) for r in dead)
        assert offsets == [0, 2, 4, 6, 8]

        enriched = collect(settings, settings.topic_enriched, good)
        assert sorted(r.key.decode() for r in enriched if r.key) == [f"good-{i}" for i in range(good)]
        assert worker.proc is not None and worker.proc.poll() is None, "worker died on bad input"
        for _, reason in BAD:
            assert worker.metric("wirewatch_dead_letters_total", {"reason": reason}) == 1
        status, body = worker.get("/healthz")
        assert status == 200 and "ok" in body
    finally:
        worker.stop()


def test_web_server_hides_faust_table_and_router_views(worker: Worker) -> None:
    assert worker.get("/table/")[0] == 404
    assert worker.get("/router/")[0] == 404
    status, body = worker.get("/readyz")
    assert status == 200 and json.loads(body)["assigned_partitions"] >= 1
