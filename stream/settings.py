"""One frozen settings object, read from ``WIREWATCH_*`` environment variables.

Each field documents its variable in ``metadata``; ``Settings.describe()`` feeds
the README table and ``wirewatch settings``. The environment is read when
:meth:`Settings.from_env` is called, never at import time.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from stream.errors import ConfigError

__all__ = ["SECRET_FIELDS", "Settings"]

_HOME = Path.home()
SECRET_FIELDS = frozenset({"sasl_password", "ssl_password"})


def _f(default: Any, env: str, doc: str, choices: tuple[str, ...] | None = None) -> Any:
    return field(default=default, metadata={"env": env, "doc": doc, "choices": choices})


@dataclass(frozen=True, slots=True)
class Settings:
    """Runtime configuration of the worker and every CLI command."""

    bootstrap_servers: str = _f(
        "127.0.0.1:9092", "WIREWATCH_BOOTSTRAP_SERVERS", "Kafka bootstrap servers, comma-separated host:port."
    )
    app_id: str = _f("wirewatch", "WIREWATCH_APP_ID", "Faust app id; also the consumer group and the prefix of changelog topics.")
    topic_stories: str = _f("wire.stories", "WIREWATCH_TOPIC_STORIES", "Input topic that users publish wire stories to.")
    topic_enriched: str = _f("wire.enriched", "WIREWATCH_TOPIC_ENRICHED", "Every processed story, enriched, keyed by story id.")
    topic_events: str = _f(
        "wire.events",
        "WIREWATCH_TOPIC_EVENTS",
        "Per story, the event it joined and that event's record (wirewatch.story-event/1), keyed by event id.",
    )
    topic_dlq: str = _f("wire.dlq", "WIREWATCH_TOPIC_DLQ", "Dead letters: original bytes plus reason and source offset headers.")
    alert_topic_prefix: str = _f(
        "alerts.", "WIREWATCH_ALERT_TOPIC_PREFIX", "Alert topics are this prefix plus the subscription name."
    )
    partitions: int = _f(
        6, "WIREWATCH_PARTITIONS", "Partitions of every topic wirewatch creates; the ceiling on useful worker processes."
    )
    replication_factor: int = _f(1, "WIREWATCH_REPLICATION_FACTOR", "Replication factor of the topics wirewatch creates.")
    web_host: str = _f(
        "127.0.0.1", "WIREWATCH_WEB_HOST", "Address the worker's web server (/metrics, /healthz, /readyz) binds to."
    )
    web_port: int = _f(6066, "WIREWATCH_WEB_PORT", "Port of the worker's web server.")
    log_level: str = _f("info", "WIREWATCH_LOG_LEVEL", "Worker log level.", ("debug", "info", "warning", "error"))
    log_format: str = _f(
        "text", "WIREWATCH_LOG_FORMAT", "Worker log format; json writes one object per line for log collectors.", ("text", "json")
    )
    pipeline_processes: int = _f(
        2,
        "WIREWATCH_PIPELINE_PROCESSES",
        "Processes that run detection beside the worker's event loop; 0 runs it inline in the event loop.",
    )
    batch_size: int = _f(32, "WIREWATCH_BATCH_SIZE", "Most input messages handed to a detection process at once.")
    batch_wait_ms: int = _f(
        5, "WIREWATCH_BATCH_WAIT_MS", "Longest a message waits for its batch to fill; bounds the latency batching adds."
    )
    fetch_max_wait_ms: int = _f(
        50, "WIREWATCH_FETCH_MAX_WAIT_MS", "Longest a worker's Kafka fetch waits for data; bounds idle-time latency."
    )
    max_story_bytes: int = _f(500_000, "WIREWATCH_MAX_STORY_BYTES", "Larger input messages are dead-lettered as oversized.")
    max_output_bytes: int = _f(
        1_000_000,
        "WIREWATCH_MAX_OUTPUT_BYTES",
        "Larger enriched stories are dead-lettered as oversized; keep it under the broker's message.max.bytes.",
    )
    input_format: str = _f(
        "auto", "WIREWATCH_INPUT_FORMAT", "Format of messages on the input topic.", ("auto", "json", "ninjs", "newsml", "text")
    )
    state_dir: Path = _f(
        _HOME / ".local" / "state" / "wirewatch", "WIREWATCH_STATE_DIR", "Worker data, local broker data, PID and log files."
    )
    cache_dir: Path = _f(
        _HOME / ".cache" / "wirewatch", "WIREWATCH_CACHE_DIR", "Downloaded Kafka broker jars (shared by every checkout)."
    )
    kafka_version: str = _f("4.1.1", "WIREWATCH_KAFKA_VERSION", "Apache Kafka version the local broker runs (Maven Central).")
    broker_port: int = _f(9092, "WIREWATCH_BROKER_PORT", "Client port of the local broker; the controller uses the next port.")
    regions_file: Path | None = _f(None, "WIREWATCH_REGIONS_FILE", "Regions YAML replacing the shipped one.")
    rules_dir: Path | None = _f(None, "WIREWATCH_RULES_DIR", "Directory of topic rule YAML files replacing the shipped ones.")
    topic_model: str = _f(
        "on",
        "WIREWATCH_TOPIC_MODEL",
        "Learned topic model beside the rules: on adds its topics (source model) from the word and subword models"
        " combined, words from the word model alone, off uses the rules alone.",
        ("on", "words", "off"),
    )
    topic_model_file: Path | None = _f(None, "WIREWATCH_TOPIC_MODEL_FILE", "Topic model file replacing the shipped one.")
    events: str = _f(
        "on",
        "WIREWATCH_EVENTS",
        "Events: on groups stories into events (event_id, duplicate_of on wire.enriched; wire.events; event alerts); "
        "off writes enriched stories straight to wire.enriched.",
        ("on", "off"),
    )
    event_window_hours: int = _f(
        168,
        "WIREWATCH_EVENT_WINDOW_HOURS",
        "An event closes this many hours after its last story; state older than this expires.",
    )
    subscriptions_file: Path | None = _f(
        None, "WIREWATCH_SUBSCRIPTIONS_FILE", "Alert subscriptions YAML replacing the shipped one."
    )
    security_protocol: str = _f(
        "PLAINTEXT", "WIREWATCH_SECURITY_PROTOCOL", "Kafka security protocol.", ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
    )
    sasl_mechanism: str = _f(
        "PLAIN",
        "WIREWATCH_SASL_MECHANISM",
        "SASL mechanism when the protocol is SASL_*.",
        ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"),
    )
    sasl_username: str = _f("", "WIREWATCH_SASL_USERNAME", "SASL user name.")
    sasl_password: str = _f("", "WIREWATCH_SASL_PASSWORD", "SASL password (never logged or exported).")
    ssl_cafile: Path | None = _f(None, "WIREWATCH_SSL_CAFILE", "CA bundle that signs the brokers' certificates.")
    ssl_certfile: Path | None = _f(None, "WIREWATCH_SSL_CERTFILE", "Client certificate for mutual TLS.")
    ssl_keyfile: Path | None = _f(None, "WIREWATCH_SSL_KEYFILE", "Client private key for mutual TLS.")
    ssl_password: str = _f("", "WIREWATCH_SSL_PASSWORD", "Password of the client private key (never logged).")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from ``environ`` (default ``os.environ``); ``overrides`` win."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f.metadata["env"])
            if raw is not None and raw != "":
                values[f.name] = _convert(f, raw)
        values.update(overrides)
        settings = cls(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        for f in fields(self):
            choices = f.metadata["choices"]
            value = getattr(self, f.name)
            if choices and value not in choices:
                raise ConfigError(f"{value!r} is not one of {', '.join(choices)}", file="environment", field=f.metadata["env"])
        for name in (
            "partitions",
            "replication_factor",
            "max_story_bytes",
            "max_output_bytes",
            "fetch_max_wait_ms",
            "batch_size",
            "batch_wait_ms",
            "event_window_hours",
        ):
            if getattr(self, name) < 1:
                raise ConfigError("must be at least 1", file="environment", field=_env_of(name))
        if self.pipeline_processes < 0:
            raise ConfigError("must be 0 (inline) or more", file="environment", field="WIREWATCH_PIPELINE_PROCESSES")
        for name in ("web_port", "broker_port"):
            if not 0 < getattr(self, name) < 65535:
                raise ConfigError("must be a TCP port", file="environment", field=_env_of(name))
        if not self.bootstrap_servers.strip():
            raise ConfigError("must name at least one host:port", file="environment", field="WIREWATCH_BOOTSTRAP_SERVERS")

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    def alert_topic(self, subscription: str) -> str:
        return f"{self.alert_topic_prefix}{subscription}"

    @property
    def bootstrap_list(self) -> list[str]:
        return [s.strip() for s in self.bootstrap_servers.split(",") if s.strip()]

    def masked(self) -> dict[str, str]:
        """Every setting as printable text with secrets masked."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.metadata["env"]] = "****" if f.name in SECRET_FIELDS and value else str(value)
        return out

    def to_env(self) -> dict[str, str]:
        """These settings as ``WIREWATCH_*`` variables, to hand to a child process."""
        return {f.metadata["env"]: str(getattr(self, f.name)) for f in fields(self) if getattr(self, f.name) is not None}

    def __repr__(self) -> str:  # secrets must never reach logs through repr()
        return "Settings(" + ", ".join(f"{k}={v}" for k, v in self.masked().items()) + ")"

    @classmethod
    def describe(cls) -> list[tuple[str, str, str]]:
        """(variable, default, description) for every setting, for docs."""
        rows = []
        for f in fields(cls):
            default = f.default
            shown = "(unset)" if default is None else str(default).replace(str(_HOME), "~")
            doc = f.metadata["doc"]
            if f.metadata["choices"]:
                doc += " One of: " + ", ".join(f.metadata["choices"]) + "."
            rows.append((f.metadata["env"], shown, doc))
        return rows


def _env_of(name: str) -> str:
    return str(Settings.__dataclass_fields__[name].metadata["env"])


def _convert(f: dataclasses.Field[Any], raw: str) -> Any:
    kind = str(f.type)
    try:
        if kind == "int":
            return int(raw)
        if "Path" in kind:
            return Path(raw).expanduser()
    except ValueError:
        raise ConfigError(f"{raw!r} is not an integer", file="environment", field=f.metadata["env"]) from None
    return raw.strip()
