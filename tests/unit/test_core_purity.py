"""The pure core must not pull in the streaming or Kafka libraries."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import stream

ROOT = Path(__file__).parents[2]


def test_importing_every_core_module_leaves_kafka_and_faust_out() -> None:
    modules = [m.name for m in pkgutil.walk_packages(stream.__path__, "stream.")]
    assert len(modules) > 5
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('faust', 'aiokafka', 'kafka', 'mode'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"pure core imported {out.stdout.strip()}"


def test_public_names_are_declared() -> None:
    import importlib

    for info in pkgutil.walk_packages(stream.__path__, "stream."):
        module = importlib.import_module(info.name)
        exported = getattr(module, "__all__", None)
        assert exported is not None, f"{info.name} has no __all__"
        for name in exported:
            assert hasattr(module, name), f"{info.name}.__all__ names missing {name}"
