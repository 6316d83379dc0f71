"""YAML loading that remembers where each value came from, for errors that name file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from stream.errors import ConfigError

__all__ = ["Located", "load_located"]


@dataclass(frozen=True, slots=True)
class Located:
    """A parsed YAML document plus a map from dotted field path to 1-based line number."""

    data: Any
    lines: dict[str, int]
    file: str

    def error(self, field: str, message: str) -> ConfigError:
        line = self.lines.get(field)
        probe = field
        while line is None and ("." in probe or "[" in probe):
            probe = probe[: max(probe.rfind("."), probe.rfind("["))]
            line = self.lines.get(probe)
        return ConfigError(message, file=self.file, field=field, line=line)


def _walk(node: yaml.Node, path: str, lines: dict[str, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = f"{path}.{key.value}" if path else str(key.value)
            lines[child] = key.start_mark.line + 1
            _walk(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, f"{path}[{i}]", lines)


def load_located(path: Path) -> Located:
    """Parse ``path``; syntax errors become :class:`ConfigError` with the line."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", file=name) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(
            f"invalid YAML: {getattr(exc, 'problem', exc)}", file=name, line=mark.line + 1 if mark else None
        ) from None
    lines: dict[str, int] = {}
    if node is not None:
        _walk(node, "", lines)
    return Located(data, lines, name)
