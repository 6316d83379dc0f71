"""``wirewatch replay`` against a real broker: the chosen dead letters go back to their source topic, as they were."""

from __future__ import annotations

from pathlib import Path

from agents.kafka_client import ensure_topics
from agents.topology import TopicSpec
from stream.settings import Settings
from tests.integration.harness import end_count, fresh_env, publish_raw, read_all, run_cli


def _dead(reason: str, error_class: str, source: str, offset: int) -> list[tuple[str, bytes]]:
    return [
        ("wirewatch-reason", reason.encode()),
        ("wirewatch-error-class", error_class.encode()),
        ("wirewatch-error-message", b"..."),
        ("wirewatch-source-topic", source.encode()),
        ("wirewatch-source-partition", b"0"),
        ("wirewatch-source-offset", str(offset).encode()),
    ]


def test_replay_sends_the_chosen_dead_letters_back_with_their_key_and_bytes_and_a_dry_run_sends_nothing(
    bootstrap: str, tmp_path: Path
) -> None:
    from agents.kafka_client import producer

    env = fresh_env(bootstrap, tmp_path / "state")
    settings = Settings.from_env(env)
    ensure_topics(settings, [TopicSpec(t, 2, 1, "test") for t in (settings.topic_stories, settings.topic_dlq)])
    publish_raw(settings, [(b"before", b'{"id": "before", "headline": "h", "body": "b"}')])
    prod = producer(settings)
    try:
        for key, value, headers in [
            (b"bad-json", b'{"id": "bad-json", "headline": ', _dead("invalid_format", "FormatError", settings.topic_stories, 7)),
            (
                b"big",
                b'{"id": "big", "headline": "h", "body": "b"}',
                _dead("oversized", "MessageSizeTooLargeError", settings.topic_stories, 8),
            ),
            (None, b"\xff\xfe", _dead("invalid_utf8", "DecodeError", settings.topic_stories, 9)),
        ]:
            prod.send(settings.topic_dlq, key=key, value=value, headers=headers).get(timeout=30)
        prod.send(settings.topic_dlq, key=b"stray", value=b"not a dead letter").get(timeout=30)
    finally:
        prod.close()

    dry = run_cli(env, "replay", "--dry-run")
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "would replay 3 of 4 dead letters (3 matched, 1 records without wirewatch headers skipped)" in dry.stdout
    assert "oversized MessageSizeTooLargeError key=big" in dry.stdout
    assert end_count(settings, settings.topic_stories) == 1  # nothing sent

    done = run_cli(env, "replay", "--reason", "oversized", "--reason", "invalid_utf8", "--since", "1h")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        f"replayed 2 of 4 dead letters (2 matched, failed 0, 1 records without wirewatch headers skipped) -> {settings.topic_stories} 2"
        in done.stdout
    )
    replayed = [r for r in read_all(settings, [settings.topic_stories]) if r.key != b"before"]
    assert sorted(((r.key, r.value) for r in replayed), key=repr) == sorted(
        [(b"big", b'{"id": "big", "headline": "h", "body": "b"}'), (None, b"\xff\xfe")], key=repr
    )
    dead_offsets = {r.key: r.offset for r in read_all(settings, [settings.topic_dlq])}
    for r in replayed:
        topic, _, offset = (r.header("wirewatch-replayed-from") or "").split("/")
        assert topic == settings.topic_dlq and int(offset) == dead_offsets[r.key]

    none = run_cli(env, "replay", "--reason", "internal_error")
    assert none.returncode == 0 and "replayed 0 of 4" in none.stdout
    missing = run_cli(env, "replay", "--dlq", settings.topic_dlq + ".nope")
    assert missing.returncode == 2 and "does not exist" in missing.stderr
