"""``wirewatch demo`` (what ``make demo`` runs) against the running local broker: sample stories in
several languages come out as enriched stories and alerts, the earthquake grows into an event alert,
and the demo leaves none of its topics behind."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from kafka import KafkaAdminClient

from tests.integration.harness import ROOT, fresh_env, run_cli


def test_the_demo_prints_alerts_and_deletes_its_topics(bootstrap: str, tmp_path: Path) -> None:
    out = run_cli(fresh_env(bootstrap, tmp_path / "state"), "demo", "--duration", "20", timeout=240)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    prefix = re.search(r"^topics: (demo-\d+)\.wire\.stories", out.stdout, re.M)
    assert prefix, out.stdout[-3000:]
    alerts = [line for line in out.stdout.splitlines() if line.startswith("ALERT ")]
    assert len({line.split("|")[0].rsplit(".", 1)[-1].strip() for line in alerts}) >= 3, alerts
    event_alerts = [line for line in alerts if ".alerts.developing-events |" in line]
    assert any(" new " in line for line in event_alerts) and any(" update " in line for line in event_alerts), event_alerts
    # Deletion is asynchronous in Kafka; topics a lingering client re-created would stay.
    client = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        deadline = time.monotonic() + 15
        while (left := [t for t in client.list_topics() if t.startswith(prefix.group(1) + ".")]) and time.monotonic() < deadline:
            time.sleep(0.5)
    finally:
        client.close()
    assert left == []


def test_sigterm_stops_the_demo_and_its_worker(bootstrap: str, tmp_path: Path) -> None:
    # `timeout 200 make demo`, a supervisor or `kill` sends SIGTERM: the demo must stop its worker (which
    # runs in its own session) as Ctrl-C does, or the worker keeps the web port and the next demo's
    # readiness check would be answered by it.
    env = fresh_env(bootstrap, tmp_path / "state")
    port = int(env["WIREWATCH_WEB_PORT"])
    proc = subprocess.Popen(
        [sys.executable, "-m", "agents.cli", "demo"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 180
        for line in proc.stdout:
            if line.startswith("stories and alerts print") or time.monotonic() > deadline:
                break
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=90)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err[-3000:]
    assert "demo stopped" in err
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # The worker is gone: a server can listen on its port again (SO_REUSEADDR, as the worker's own web
        # server binds, since the readiness checks' connections may linger in TIME_WAIT).
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen()
