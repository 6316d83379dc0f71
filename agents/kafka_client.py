"""kafka-python clients for the CLI: admin, producer and consumer built from settings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from agents.topology import TopicSpec
from stream.settings import Settings

__all__ = ["admin", "consumer", "delete_by_prefix", "ensure_topics", "producer", "security_config"]


def security_config(settings: Settings) -> dict[str, Any]:
    """TLS/SASL options shared by every kafka-python client."""
    conf: dict[str, Any] = {"security_protocol": settings.security_protocol}
    if settings.security_protocol.startswith("SASL"):
        conf.update(
            sasl_mechanism=settings.sasl_mechanism,
            sasl_plain_username=settings.sasl_username,
            sasl_plain_password=settings.sasl_password,
        )
    if settings.security_protocol.endswith("SSL"):
        if settings.ssl_cafile:
            conf["ssl_cafile"] = str(settings.ssl_cafile)
        if settings.ssl_certfile:
            conf["ssl_certfile"] = str(settings.ssl_certfile)
        if settings.ssl_keyfile:
            conf["ssl_keyfile"] = str(settings.ssl_keyfile)
        if settings.ssl_password:
            conf["ssl_password"] = settings.ssl_password
    return conf


def admin(settings: Settings) -> KafkaAdminClient:
    return KafkaAdminClient(bootstrap_servers=settings.bootstrap_list, client_id="wirewatch-cli", **security_config(settings))


def producer(settings: Settings, **extra: Any) -> KafkaProducer:
    # Idempotent producer: retries never duplicate a story on the input topic.
    conf: dict[str, Any] = dict(
        bootstrap_servers=settings.bootstrap_list,
        client_id="wirewatch-cli",
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        max_request_size=max(settings.max_story_bytes * 2, 1_048_576),
        **security_config(settings),
    )
    conf.update(extra)
    return KafkaProducer(**conf)


def consumer(settings: Settings, *topics: str, group_id: str | None = None, **extra: Any) -> KafkaConsumer:
    conf: dict[str, Any] = dict(
        bootstrap_servers=settings.bootstrap_list,
        client_id="wirewatch-cli",
        group_id=group_id,
        enable_auto_commit=group_id is not None,
        **security_config(settings),
    )
    conf.update(extra)
    return KafkaConsumer(*topics, **conf)


def ensure_topics(settings: Settings, specs: Iterable[TopicSpec]) -> list[str]:
    """Create missing topics; existing ones are left alone. Returns the names created."""
    client = admin(settings)
    try:
        existing = set(client.list_topics())
        wanted = [s for s in specs if s.name not in existing]
        created = []
        for spec in wanted:
            configs = {"cleanup.policy": "compact"} if spec.compact else {"retention.ms": str(spec.retention_ms)}
            if spec.max_message_bytes is not None:
                configs["max.message.bytes"] = str(spec.max_message_bytes)
            topic = NewTopic(
                name=spec.name,
                num_partitions=spec.partitions,
                replication_factor=spec.replication_factor,
                topic_configs=configs,
            )
            try:
                client.create_topics([topic], validate_only=False)
                created.append(spec.name)
            except TopicAlreadyExistsError:
                pass  # a concurrent worker won the race; same outcome
        return created
    finally:
        client.close()


def delete_by_prefix(settings: Settings, prefixes: Sequence[str], *, groups: bool = False) -> tuple[int, int]:
    """Delete the topics (and, with ``groups``, the consumer groups) whose names start with one of ``prefixes``.

    What the demo, the benchmark and the test session leave behind: a broker kept between runs would
    otherwise gather thousands of partitions, and a KRaft broker loads them all when it starts.
    Returns how many topics and groups were deleted.
    """
    prefix = tuple(prefixes)
    client = KafkaAdminClient(
        bootstrap_servers=settings.bootstrap_list,
        client_id="wirewatch-cli",
        request_timeout_ms=60_000,
        **security_config(settings),
    )
    try:
        topics = [t for t in client.list_topics() if t.startswith(prefix)]
        for i in range(0, len(topics), 200):  # one request for a whole test session's topics can time out
            client.delete_topics(topics[i : i + 200], timeout_ms=60_000)
        names = [str(g["group_id"]) for g in client.list_groups()] if groups else []
        gone = [g for g in names if g.startswith(prefix)]
        if gone:
            client.delete_groups(gone)
        return len(topics), len(gone)
    finally:
        client.close()
