"""The Faust application factory: ``create_app(settings)`` builds a fresh app.

Tests build their own app with their own settings and metrics registry; the
module-level app used by ``wirewatch worker`` is made in :mod:`agents.cli`.
"""

from __future__ import annotations

from typing import Any

import faust
from faust.sensors.prometheus import setup_prometheus_sensors
from prometheus_client import CollectorRegistry

from agents.events import install_events
from agents.fetchwait import install_fetch_max_wait
from agents.health import install_health
from agents.ingest import install_ingest
from agents.lag import install_lag
from agents.metrics import Metrics
from agents.offload import Offload
from agents.rewind import install_rewind, on_rewind
from agents.router import install_router
from agents.runtime import Runtime
from agents.spikes import install_spikes
from agents.topology import DEAD_LETTER_MAX_BYTES, events_by_key_topic, spike_keys_topic
from stream.pipeline import Pipeline, pipeline_options
from stream.settings import Settings

__all__ = ["create_app"]


def _credentials(settings: Settings) -> Any:
    proto = settings.security_protocol
    if proto == "PLAINTEXT":
        return None
    ssl_context = None
    if proto.endswith("SSL"):
        ssl_context = _ssl_context(settings)
    if proto.startswith("SASL"):
        # PLAIN and SCRAM-SHA-256/512 alike; with an SSL context Faust uses SASL_SSL.
        return faust.SASLCredentials(
            username=settings.sasl_username,
            password=settings.sasl_password,
            ssl_context=ssl_context,
            mechanism=settings.sasl_mechanism,
        )
    return faust.SSLCredentials(ssl_context)


def _ssl_context(settings: Settings) -> Any:
    import ssl

    ctx = ssl.create_default_context(cafile=str(settings.ssl_cafile) if settings.ssl_cafile else None)
    if settings.ssl_certfile:
        ctx.load_cert_chain(
            str(settings.ssl_certfile),
            str(settings.ssl_keyfile) if settings.ssl_keyfile else None,
            settings.ssl_password or None,
        )
    return ctx


def create_app(
    settings: Settings,
    *,
    registry: CollectorRegistry | None = None,
    pipeline: Pipeline | None = None,
) -> faust.App:
    """Build the wirewatch Faust app: topics, agents, metrics and health views."""
    registry = registry if registry is not None else CollectorRegistry()
    (settings.state_dir / "faust").mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.app_id,
        broker=[f"kafka://{h}" for h in settings.bootstrap_list],
        broker_credentials=_credentials(settings),
        autodiscover=False,
        datadir=str(settings.state_dir / "faust" / settings.app_id),
        store="memory://",  # tables are rebuilt from their changelog topics on restart
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        # Enriched stories are several kB: with Faust's 16 kB batches and no linger every
        # story became its own produce request, and socket writes took a quarter of the
        # worker's CPU (py-spy). A few ms of linger and 1 MB batches cut that to a handful.
        producer_linger=0.005,
        producer_max_batch_size=1_048_576,
        web_enabled=True,
        web_bind=settings.web_host,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_router_enabled=False,
        web_tables_enabled=False,
        web_stats_enabled=False,
        broker_commit_interval=1.0,
        # A SIGKILLed worker never leaves the group; its partitions move after the session
        # times out (Faust's default 60 s; measured 84 s to recover in the SIGKILL fault test).
        broker_session_timeout=10.0,
        # Standby replicas of the alert-state table were caught hanging in recovery on takeover
        # (two-worker fault test: "No event received for active tp ... since recovery start").
        # The table is small; a worker that takes partitions over rebuilds them from the changelog.
        table_standby_replicas=0,
        broker_heartbeat_interval=3.0,
        # Enriched stories up to WIREWATCH_MAX_OUTPUT_BYTES, and dead letters as large as their topic takes.
        producer_max_request_size=max(settings.max_output_bytes + 65_536, DEAD_LETTER_MAX_BYTES),
        consumer_max_fetch_size=max(settings.max_story_bytes * 2, 1_048_576),
    )
    setup_prometheus_sensors(app, registry=registry, name_prefix="faust")
    install_fetch_max_wait(app, settings.fetch_max_wait_ms)
    install_rewind()

    def topic(name: str) -> Any:
        return app.topic(
            name,
            partitions=settings.partitions,
            replicas=settings.replication_factor,
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
        )

    pipeline_kwargs = pipeline_options(settings)
    pipeline = pipeline or Pipeline(**pipeline_kwargs)
    runtime = Runtime(
        settings=settings,
        metrics=Metrics(registry),
        registry=registry,
        pipeline=pipeline,
        stories=topic(settings.topic_stories),
        enriched=topic(settings.topic_enriched),
        dlq=topic(settings.topic_dlq),
        topic=topic,
        by_event_key=topic(events_by_key_topic(settings)) if settings.events == "on" else None,
        spike_keys=topic(spike_keys_topic(settings)) if settings.events == "on" else None,
        offload=Offload(
            pipeline, pipeline_kwargs, settings.pipeline_processes, settings.max_output_bytes, events=settings.events == "on"
        ),
    )
    runtime.metrics.detection.pids = runtime.offload.pids
    runtime.metrics.events_enabled.set(1 if settings.events == "on" else 0)
    on_rewind(lambda topic: runtime.metrics.offset_rewinds.labels(topic).inc())
    install_ingest(app, runtime)
    install_router(app, runtime)
    if settings.events == "on":
        install_events(app, runtime)
        install_spikes(app, runtime)
    install_health(app, runtime)
    install_lag(app, runtime)
    app.wirewatch_runtime = runtime  # type: ignore[attr-defined]
    return app
