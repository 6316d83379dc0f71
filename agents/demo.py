"""``wirewatch demo``: local broker, one worker, the bundled sample stories, output as it arrives.

Everything the demo starts (broker, worker) it stops again on Ctrl-C, on SIGTERM (``timeout``, a
supervisor, ``kill``) or when ``--duration`` runs out; a broker that was already running is left running.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from agents.localbroker import LocalBroker
from stream.settings import Settings

__all__ = ["SAMPLES", "run_demo"]

SAMPLES = Path(__file__).resolve().parent.parent / "deploy" / "samples"
FOLLOWUPS = "event-followups.jsonl"  # published a few seconds after the rest


def _wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"worker exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"worker not ready after {timeout:.0f}s ({url})")


def _port_taken(host: str, port: int) -> bool:
    """Whether a server listens on ``port``. SO_REUSEADDR, as the worker's web server binds: connections of a
    worker that has just stopped linger in TIME_WAIT and would otherwise read as a taken port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


def _interrupt(signum: int, frame: object) -> None:
    # SIGTERM ends the demo as Ctrl-C does: through run_demo's finally, which stops the worker (its own
    # session, so no signal reaches it otherwise) and the broker it started.
    raise KeyboardInterrupt


def run_demo(settings: Settings, duration: float | None = None) -> int:
    """Run the demo; see the module docstring. SIGTERM is handled as Ctrl-C while it runs (main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return _run_demo(settings, duration)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return _run_demo(settings, duration)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run_demo(settings: Settings, duration: float | None = None) -> int:
    from agents.kafka_client import ensure_topics
    from agents.publish import publish_paths
    from agents.render import render
    from agents.tail import tail
    from agents.topology import alert_topics, topic_specs

    # A worker left from another run on the web port would answer the readiness check for ours.
    if _port_taken(settings.web_host, settings.web_port):
        raise SystemExit(
            f"port {settings.web_port} on {settings.web_host} is in use (another wirewatch worker?); "
            "stop it or set WIREWATCH_WEB_PORT"
        )
    broker = LocalBroker(settings)
    running_before = broker.status().running
    print(f"starting Apache Kafka {settings.kafka_version} (KRaft) on {broker.bootstrap} ...", flush=True)
    # A broker that already answers on the port but was started from another state dir (another
    # checkout, the test suite) is reused and has no pid here: it is not ours to stop.
    status = broker.start()
    started_broker = not running_before and status.pid is not None
    # A fresh consumer group and topics per run: alert state from an earlier demo would
    # (correctly) suppress the same sample stories as duplicates.
    tag = time.strftime("%Y%m%d%H%M%S")
    settings = settings.replace(
        bootstrap_servers=broker.bootstrap,
        app_id=f"wirewatch-demo-{tag}",
        topic_stories=f"demo-{tag}.wire.stories",
        topic_enriched=f"demo-{tag}.wire.enriched",
        topic_dlq=f"demo-{tag}.wire.dlq",
        topic_events=f"demo-{tag}.wire.events",
        alert_topic_prefix=f"demo-{tag}.alerts.",
    )
    alerts = alert_topics(settings)
    ensure_topics(settings, topic_specs(settings, alerts))

    env = {**os.environ, **settings.to_env()}
    log_path = settings.state_dir / "demo-worker.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_path, "ab")  # noqa: SIM115 - closed in finally
    worker = subprocess.Popen(
        [sys.executable, "-m", "agents.cli", "worker"], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://{settings.web_host}:{settings.web_port}"
    stop = threading.Event()
    thread: threading.Thread | None = None
    try:
        print(f"starting worker (log {log_path}) ...", flush=True)
        _wait_ready(base + "/readyz", worker, 120)
        topics = [settings.topic_enriched, settings.topic_dlq, *alerts]

        def printer() -> None:
            for record in tail(settings, topics, timeout=None, stop=stop):
                kind = "ALERT " if record.topic in alerts else ""
                print(f"{kind}{record.topic} | {render(record)}", flush=True)

        thread = threading.Thread(target=printer, daemon=True)
        thread.start()
        time.sleep(1.0)  # the tail resolves its end offsets before we publish
        print(
            f"topics: {settings.topic_stories} -> {settings.topic_enriched}, {settings.topic_dlq}, {', '.join(alerts)}",
            flush=True,
        )
        first = [str(p) for p in sorted(SAMPLES.iterdir()) if p.name != FOLLOWUPS]
        summary = publish_paths(settings, first, quiet=True)
        print(summary.line(settings.topic_stories), flush=True)
        # The earthquake in the first wave (French, Turkish) grows into an event in more languages.
        time.sleep(4.0)
        print(f"\nfollow-ups of the earthquake story in more languages ({FOLLOWUPS}):", flush=True)
        summary = publish_paths(settings, [str(SAMPLES / FOLLOWUPS)], quiet=True)
        print(summary.line(settings.topic_stories), flush=True)
        print(f"\nmetrics: {base}/metrics   health: {base}/healthz   readiness: {base}/readyz", flush=True)
        print("stories and alerts print as they arrive; Ctrl-C stops the worker and the broker.\n", flush=True)
        end = time.monotonic() + duration if duration else None
        while end is None or time.monotonic() < end:
            if worker.poll() is not None:
                print(f"worker exited with code {worker.returncode}; see {log_path}", file=sys.stderr)
                return 1
            time.sleep(0.5)
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        stop.set()
        if thread is not None:
            # The tail's consumer must be closed before the topics are deleted: its metadata
            # requests would create them again (the local broker auto-creates topics).
            thread.join(timeout=5)
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(30)
            except subprocess.TimeoutExpired:
                worker.kill()
        log.close()
        if started_broker:
            broker.stop()
        else:
            _delete_demo_topics(settings)
        print("demo stopped", file=sys.stderr)


def _delete_demo_topics(settings: Settings) -> None:
    """Remove this run's topics (and Faust's changelog topics) from a broker we did not start."""
    from agents.kafka_client import delete_by_prefix

    try:
        delete_by_prefix(settings, (settings.topic_stories.split(".", 1)[0] + ".", settings.app_id + "-"))
    except Exception as exc:
        print(f"could not delete demo topics: {exc}", file=sys.stderr)
