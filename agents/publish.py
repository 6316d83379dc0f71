"""Publish wire stories from files, directories or stdin (``wirewatch publish`` and the demo).

:func:`read_inputs` is what ``publish`` and ``classify`` share: it turns paths into messages and
never raises for a bad input. Whatever cannot be read (a missing path, an unreadable file or
directory, a directory without input files, a file that holds no story such as an empty JSON
array ``[]``) becomes one :class:`Unreadable` line naming the path and the problem, and the
remaining paths are still read. Each such input counts as an input error: the command exits 1.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stream.errors import InputError
from stream.settings import Settings

__all__ = ["Input", "PublishSummary", "Unreadable", "one_line", "publish_paths", "read_inputs"]

_INPUT_SUFFIXES = {".json", ".jsonl", ".ndjson", ".txt", ".xml"}
_LINE_CHARS = 300  # an error line is one terminal line's worth, whatever the input held


def one_line(text: str, limit: int = _LINE_CHARS) -> str:
    """``text`` on one line (newlines folded), cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class Input:
    """One raw message and where it came from.

    ``origin`` is the file, ``FILE:LINE`` for a JSON-lines line, ``FILE[INDEX]`` (0-based) for one
    item of a JSON array or NewsML package, or ``<stdin>`` likewise.
    """

    raw: bytes
    fmt: str
    origin: str


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An input path that yielded no message, and why."""

    origin: str
    problem: str

    def __str__(self) -> str:
        return f"{self.origin}: {one_line(self.problem)}"


def read_inputs(paths: Sequence[str], fmt: str) -> Iterator[Input | Unreadable]:
    """Yield each message found in ``paths`` (files, directories read recursively, ``-`` for stdin),
    or an :class:`Unreadable` for each path, file or directory that yields none; never raises for input.

    JSON-lines files are streamed line by line, so publishing a day of news (300,000
    stories, close to 1 GB) keeps memory flat; other files are read whole.
    """
    for spec in paths:
        if spec == "-":
            try:
                data = sys.stdin.buffer.read()
            except OSError as exc:
                yield Unreadable("<stdin>", f"cannot read: {exc.strerror or exc}")
                continue
            yield from _split(data, fmt, "<stdin>")
            continue
        path = Path(spec)
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except OSError as exc:  # missing, a dangling link, a parent without search permission
            yield Unreadable(spec, _os_problem(exc))
            continue
        yield from _read_dir(path, fmt) if is_dir else _read_file(path, fmt)


def _os_problem(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower() if isinstance(exc, FileNotFoundError) else f"cannot read: {exc.strerror or exc}"


def _read_dir(path: Path, fmt: str) -> Iterator[Input | Unreadable]:
    problems: list[Unreadable] = []

    def unreadable(exc: OSError) -> None:
        problems.append(Unreadable(exc.filename or str(path), f"cannot read directory: {exc.strerror or exc}"))

    files: list[Path] = []
    for root, dirs, names in os.walk(path, onerror=unreadable):
        dirs.sort()
        files.extend(Path(root, name) for name in names if Path(name).suffix in _INPUT_SUFFIXES)
    yield from problems
    if not files and not problems:
        yield Unreadable(str(path), f"no input files ({', '.join(f'*{s}' for s in sorted(_INPUT_SUFFIXES))})")
    for file in sorted(files):
        yield from _read_file(file, fmt)


def _read_file(file: Path, fmt: str) -> Iterator[Input | Unreadable]:
    if fmt == "jsonl" or (fmt == "auto" and file.suffix in (".jsonl", ".ndjson")):
        yield from _read_json_lines(file)
        return
    try:
        data = file.read_bytes()
    except OSError as exc:
        yield Unreadable(str(file), f"cannot read: {exc.strerror or exc}")
        return
    yield from _split(data, fmt, str(file))


def _read_json_lines(file: Path) -> Iterator[Input | Unreadable]:
    found = False
    number = 0
    try:
        with file.open("rb") as fh:
            for number, line in enumerate(fh, 1):
                line = line.strip()
                if line:
                    found = True
                    yield Input(line, "json", f"{file}:{number}")
    except OSError as exc:
        where = f"{file}:{number + 1}" if number else str(file)
        yield Unreadable(where, f"cannot read: {exc.strerror or exc}")
        return
    if not found:
        yield Unreadable(str(file), "no stories (no non-blank lines)")


def _split(data: bytes, fmt: str, name: str) -> Iterator[Input | Unreadable]:
    """The file's messages, each named by line (JSON lines) or item index (arrays, NewsML packages)."""
    from stream.formats.parse import split_file

    try:
        pieces = list(split_file(data, fmt=fmt, name=name))
    except Exception as exc:  # split_file yields bad pieces raw; anything else must not stop the batch
        yield Unreadable(name, f"cannot split into stories: {type(exc).__name__}: {exc}")
        return
    if not pieces:
        empty_array = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"["
        yield Unreadable(name, "no stories (empty array)" if empty_array else "no stories")
        return
    if len(pieces) == 1:
        yield Input(pieces[0][0], pieces[0][1], name)
        return
    array = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"["
    lines = None if array else _line_numbers(data, [raw for raw, _ in pieces])
    for index, (raw, piece_fmt) in enumerate(pieces):
        yield Input(raw, piece_fmt, f"{name}:{lines[index]}" if lines else f"{name}[{index}]")


def _line_numbers(data: bytes, pieces: list[bytes]) -> list[int] | None:
    """The line each piece starts on when the pieces are the file's own lines (JSON lines), else None."""
    numbers: list[int] = []
    pos = line = 0
    for piece in pieces:
        found = data.find(piece, pos)
        if found < 0:
            return None
        line += data.count(b"\n", pos, found)
        numbers.append(line + 1)
        pos = found + len(piece)
    if len(set(numbers)) != len(numbers):
        return None
    return numbers


@dataclass(slots=True)
class PublishSummary:
    sent: int = 0
    failed: int = 0
    unparsed: int = 0  # sent anyway, for the worker to dead-letter with its reason
    unreadable: int = 0  # paths or files that yielded nothing to send
    problems: list[str] = field(default_factory=list)  # one line per input error, in input order
    errors: list[str] = field(default_factory=list)  # delivery failures

    def line(self, topic: str) -> str:
        text = f"sent {self.sent}, failed {self.failed}, not parseable locally (sent for dead-lettering) {self.unparsed}"
        if self.unreadable:
            text += f", unreadable inputs {self.unreadable}"
        return f"{text} -> {topic}"


def publish_paths(
    settings: Settings, paths: Sequence[str], *, fmt: str = "auto", topic: str | None = None, quiet: bool = False
) -> PublishSummary:
    """Publish every story found in ``paths``; key = story id. Waits for every delivery."""
    from agents.kafka_client import producer
    from agents.progress import Progress
    from stream.formats.parse import parse

    topic = topic or settings.topic_stories
    prod = producer(settings)
    summary = PublishSummary()
    futures = []
    with Progress(enabled=not quiet and sys.stderr.isatty()) as progress:
        for item in read_inputs(paths, fmt):
            if isinstance(item, Unreadable):
                summary.unreadable += 1
                summary.problems.append(str(item))
                continue
            try:
                story = parse(item.raw, fmt=item.fmt if item.fmt != "jsonl" else "json", max_bytes=1 << 62)
                key: bytes | None = story.id.encode()
            except Exception as exc:
                # Sent anyway: the worker dead-letters it with the reason, so nothing vanishes here.
                key = None
                summary.unparsed += 1
                reason = exc.reason if isinstance(exc, InputError) else f"internal_error: {type(exc).__name__}"
                summary.problems.append(f"{item.origin}: {reason}: {one_line(str(exc))} (sent for dead-lettering)")
            futures.append(prod.send(topic, key=key, value=item.raw))
            progress.advance()
            if len(futures) >= 5000:
                _settle(futures, summary)
                futures.clear()
        prod.flush()
        _settle(futures, summary)
    prod.close()
    return summary


def _settle(futures: list[Any], summary: PublishSummary) -> None:
    for fut in futures:
        try:
            fut.get(timeout=60)
            summary.sent += 1
        except Exception as exc:
            summary.failed += 1
            summary.errors.append(f"delivery failed: {exc}")
