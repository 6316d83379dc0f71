"""``wirewatch demo`` (what ``make demo`` runs) against the running local broker: sample stories in
several languages come out as enriched stories and alerts, the earthquake grows into an event alert,
and the demo leaves none of its topics behind."""

from __future__ import annotations

import re
import time
from pathlib import Path

from kafka import KafkaAdminClient

from tests.integration.harness import fresh_env, run_cli


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
