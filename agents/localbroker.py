"""A real single-node Apache Kafka broker (KRaft, combined broker+controller) for development.

The jars come from Maven Central through ``deploy/kafka/pom.xml`` and are cached
under ``WIREWATCH_CACHE_DIR``; storage, PID and logs live under
``WIREWATCH_STATE_DIR/broker``. Every operation is idempotent: ``start`` on a
running broker reports it, ``stop`` on a stopped one does nothing.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from stream.errors import WirewatchError
from stream.settings import Settings

__all__ = ["BrokerError", "BrokerStatus", "LocalBroker", "cluster_id"]

# Brokers this process started. The broker outlives the command that starts it (it runs in its
# own session and is stopped by PID); keeping the handle stops Popen's "still running" warning.
_STARTED: dict[int, subprocess.Popen[bytes]] = {}

_DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
_NO_JAVA = (
    "wirewatch broker needs {what} on PATH to fetch and run Apache Kafka. Install it "
    "(Debian: apt-get install {pkg}) or run Kafka with Docker: docker compose -f deploy/docker-compose.yml up"
)


class BrokerError(WirewatchError):
    """The local broker could not be fetched, formatted, started or stopped."""


@dataclass(frozen=True, slots=True)
class BrokerStatus:
    running: bool
    pid: int | None
    bootstrap: str
    log_file: Path

    def __str__(self) -> str:
        if self.running and self.pid is None:
            return f"a broker started elsewhere already answers on {self.bootstrap}"
        if self.running:
            return f"running (pid {self.pid}) on {self.bootstrap}; log {self.log_file}"
        return f"stopped; log {self.log_file}"


class LocalBroker:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.port = settings.broker_port
        self.home = settings.state_dir / "broker"
        self.data_dir = self.home / "data"
        self.pid_file = self.home / "broker.pid"
        self.log_file = self.home / "kafka.log"
        self.jar_dir = settings.cache_dir / f"kafka-{settings.kafka_version}" / "libs"

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    # -- jars ---------------------------------------------------------------------------------
    def fetch(self) -> Path:
        """Download the broker's jars once; later calls reuse the cache."""
        marker = self.jar_dir / ".complete"
        if marker.exists():
            return self.jar_dir
        _require("mvn", "maven")
        pom = _DEPLOY / "kafka" / "pom.xml"
        if not pom.exists():
            raise BrokerError(f"{pom} not found: run wirewatch from a source checkout (pip install -e .)")
        tmp = self.jar_dir.with_name("libs.partial")
        shutil.rmtree(tmp, ignore_errors=True)
        cmd = [
            "mvn", "-q", "-B", "-f", str(pom), "dependency:copy-dependencies",
            f"-DoutputDirectory={tmp}", "-DincludeScope=runtime", f"-Dkafka.version={self.settings.kafka_version}",
        ]  # fmt: skip
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise BrokerError(
                f"maven could not fetch Kafka {self.settings.kafka_version}:\n{proc.stdout[-3000:]}{proc.stderr[-2000:]}"
            )
        shutil.rmtree(self.jar_dir, ignore_errors=True)
        tmp.rename(self.jar_dir)
        marker.touch()
        return self.jar_dir

    # -- lifecycle ----------------------------------------------------------------------------
    def status(self) -> BrokerStatus:
        pid = self._pid()
        return BrokerStatus(pid is not None, pid, self.bootstrap, self.log_file)

    def start(self, timeout: float = 180.0) -> BrokerStatus:
        current = self.status()
        if current.running:
            self.wait_ready(timeout)
            return current
        if _port_open(self.port):
            # Idempotent across checkouts: a Kafka broker already answering here is reused.
            try:
                if _metadata_ok(self.bootstrap):
                    return BrokerStatus(True, None, self.bootstrap, self.log_file)
            except Exception:
                pass
            raise BrokerError(f"port {self.port} is in use by a process that is not a Kafka broker; set WIREWATCH_BROKER_PORT")
        _require("java", "openjdk-17-jre-headless")
        jars = self.fetch()
        self.home.mkdir(parents=True, exist_ok=True)
        props = self._write_properties()
        classpath = f"{jars}/*"
        if not (self.data_dir / "meta.properties").exists():
            self._format(classpath, props)
        log4j = _DEPLOY / "kafka" / "log4j2.properties"
        cmd = [
            "java", "-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={log4j}", f"-Dwirewatch.log.file={self.log_file}",
            "-cp", classpath, "kafka.Kafka", str(props),
        ]  # fmt: skip
        with open(self.home / "stdout.log", "ab") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        self.pid_file.write_text(str(proc.pid))
        _STARTED[proc.pid] = proc
        try:
            self.wait_ready(timeout, proc=proc)
        except BrokerError:
            self.stop()
            raise
        return self.status()

    def wait_ready(self, timeout: float, proc: subprocess.Popen[bytes] | None = None) -> None:
        """Block until the broker answers a metadata request (not just an open port)."""
        deadline = time.monotonic() + timeout
        last: Exception | None = None
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise BrokerError(
                    f"broker exited with code {proc.returncode}; see {self.log_file} and {self.home / 'stdout.log'}"
                )
            try:
                if _metadata_ok(self.bootstrap):
                    return
            except Exception as exc:
                last = exc
            time.sleep(0.3)
        raise BrokerError(
            f"broker on {self.bootstrap} did not answer metadata within {timeout:.0f}s ({last}); see {self.log_file}"
        )

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the broker by PID (SIGTERM, then SIGKILL). Returns whether one was running."""
        pid = self._pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.1)
        started = _STARTED.pop(pid, None)
        if started is not None:
            started.wait()  # reap our own child
        self.pid_file.unlink(missing_ok=True)
        return True

    def reset(self) -> None:
        """Stop and delete all broker data (topics, offsets)."""
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    # -- internals ----------------------------------------------------------------------------
    def _pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if _alive(pid) and _is_kafka(pid) else None

    def _write_properties(self) -> Path:
        controller = self.port + 1
        props = self.home / "server.properties"
        props.write_text(
            "\n".join(
                [
                    "process.roles=broker,controller",
                    "node.id=1",
                    f"controller.quorum.voters=1@127.0.0.1:{controller}",
                    f"listeners=PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{controller}",
                    f"advertised.listeners=PLAINTEXT://127.0.0.1:{self.port}",
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    f"log.dirs={self.data_dir}",
                    f"num.partitions={self.settings.partitions}",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=6",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    # Without this a new consumer group waits 3 s before its first assignment.
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    "log.retention.hours=168",
                    "",
                ]
            )
        )
        return props

    def _format(self, classpath: str, props: Path) -> None:
        cmd = ["java", "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", cluster_id(), "-c", str(props)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise BrokerError(f"formatting KRaft storage failed:\n{proc.stdout}{proc.stderr}")


def cluster_id() -> str:
    """A random KRaft cluster id: 16 random bytes in URL-safe base64, as ``kafka-storage random-uuid`` makes them.

    One id in 64 would begin with "-", which the storage tool's argument parser reads as an option ("argument
    --cluster-id/-t: expected one argument": a broker start failed so in CI); Kafka's own ``Uuid.randomUuid`` draws
    again then, and so does this."""
    import base64

    while True:
        cid = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cid.startswith("-"):
            return cid


def _require(binary: str, package: str) -> None:
    if shutil.which(binary) is None:
        raise BrokerError(_NO_JAVA.format(what=binary, pkg=package))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); treat it as gone.
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return True


def _is_kafka(pid: int) -> bool:
    try:
        return b"kafka.Kafka" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _metadata_ok(bootstrap: str) -> bool:
    from kafka import KafkaAdminClient

    admin = KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000)
    try:
        admin.describe_cluster()
        return True
    finally:
        admin.close()
