"""The faust-streaming and aiokafka internals that agents/rewind.py and agents/fetchwait.py patch.

pyproject caps faust-streaming below the next minor release; when that cap is raised, these
tests say exactly which assumption broke instead of a worker silently losing or skipping
stories. Each assertion names the patch that depends on it.
"""

from __future__ import annotations

import inspect
import re
import tomllib
from importlib import metadata
from pathlib import Path

import aiokafka.consumer.consumer as aiokafka_consumer
from faust.transport import consumer as faust_consumer
from faust.transport.drivers import aiokafka as faust_aiokafka
from packaging.requirements import Requirement
from packaging.version import Version

from agents import fetchwait, rewind

ROOT = Path(__file__).resolve().parents[2]


def _params(func: object) -> list[str]:
    return list(inspect.signature(func).parameters)  # type: ignore[arg-type]


def _source(obj: object) -> str:
    return inspect.getsource(obj)  # type: ignore[arg-type]


def test_installed_faust_is_the_pinned_range_with_an_upper_bound() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    (req,) = [Requirement(d) for d in deps if Requirement(d).name == "faust-streaming"]
    assert any(spec.operator in ("<", "<=", "==", "~=") for spec in req.specifier), "faust-streaming needs an upper bound"
    installed = Version(metadata.version("faust-streaming"))
    assert installed in req.specifier, f"faust-streaming {installed} is outside {req.specifier}"
    lock = (ROOT / "deploy" / "requirements.lock").read_text(encoding="utf-8")
    assert f"faust-streaming=={installed}" in lock, "deploy/requirements.lock pins another faust-streaming: run make lock"


def test_rewind_patch_targets_exist_with_the_expected_signatures() -> None:
    consumer = faust_consumer.Consumer
    # rewind._add_gap replaces Consumer._add_gap and awaits the original with the same arguments.
    original = rewind._ORIGINAL_ADD_GAP
    assert inspect.iscoroutinefunction(original), "Consumer._add_gap is no longer a coroutine"
    assert _params(original) == ["self", "tp", "offset_from", "offset_to"], "Consumer._add_gap changed its signature"
    assert _params(rewind._add_gap) == _params(original)
    # rewind._add_gap seeks the partition back with Consumer._seek(tp, offset).
    assert inspect.iscoroutinefunction(consumer._seek) and _params(consumer._seek) == ["self", "partition", "offset"]
    # rewind._init replaces __init__ and swaps in ReadOffsets for the _read_offset mapping that __init__ creates.
    assert "self._read_offset = defaultdict(lambda: None)" in _source(rewind._ORIGINAL_INIT), (
        "Consumer.__init__ no longer creates _read_offset as a defaultdict: ReadOffsets must match its new type"
    )
    # ReadOffsets.update assumes perform_seek is what sets read offsets after a seek, through .update().
    seek = _source(consumer.perform_seek)
    assert "read_offset = self._read_offset" in seek and "read_offset.update(" in seek, (
        "perform_seek no longer updates _read_offset"
    )
    # ReadOffsets.__setitem__ assumes the fetch loop sets the read offset record by record through __setitem__.
    body = _source(consumer)
    assert "set_read_offset = self._read_offset.__setitem__" in body, "the fetch loop no longer sets read offsets per record"
    assert re.search(r"await self\._add_gap\(tp, [\w +]+, \w+\)", body), "the fetch loop no longer reports gaps through _add_gap"
    # _committed_offset and _gap are what the original _add_gap works on; the fix leaves them to it.
    assert {"_committed_offset", "_gap"} <= set(re.findall(r"self\.(_committed_offset|_gap)\b", _source(original)))


def test_fetchwait_patch_targets_exist_with_the_expected_signatures() -> None:
    create = fetchwait._ORIGINAL
    assert _params(create) == ["self", "transport"], "AIOKafkaConsumerThread._create_worker_consumer changed its signature"
    assert "fetch_max_wait_ms=1500" in _source(create), "faust now sets another fetch_max_wait_ms: revisit agents/fetchwait.py"
    # fetchwait sets consumer._fetch_max_wait_ms after construction; aiokafka must read it when it starts.
    source = _source(aiokafka_consumer.AIOKafkaConsumer)
    assert "self._fetch_max_wait_ms = fetch_max_wait_ms" in source
    assert "fetch_max_wait_ms=self._fetch_max_wait_ms" in _source(aiokafka_consumer.AIOKafkaConsumer.start), (
        "aiokafka no longer builds its Fetcher from _fetch_max_wait_ms at start()"
    )


def test_patches_install_idempotently_on_the_real_classes() -> None:
    rewind.install_rewind()
    rewind.install_rewind()
    assert faust_consumer.Consumer._add_gap is rewind._add_gap
    assert faust_consumer.Consumer.__init__ is rewind._init

    class App:
        pass

    app = App()
    fetchwait.install_fetch_max_wait(app, 50)
    fetchwait.install_fetch_max_wait(app, 50)
    patched = faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer
    assert getattr(patched, "_wirewatch", False) and patched is not fetchwait._ORIGINAL
