"""YAML loading that remembers where each value came from, for errors that name file, line and field.

A key written twice in one mapping is an error here, although YAML loaders silently keep the
last value: in a hand-edited file the first one is usually what the author meant to change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from stream.errors import ConfigError

__all__ = ["DuplicateKey", "Located", "duplicate_keys", "load_located"]

_MERGE_TAG = "tag:yaml.org,2002:merge"


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


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    """A key written twice in one mapping."""

    key: object
    field: str  # dotted path of the repeated entry, as in :attr:`Located.lines`
    line: int  # 1-based line of the repeat
    first_line: int  # 1-based line of the first occurrence

    @property
    def message(self) -> str:
        return f"duplicate key {self.key!r} (first at line {self.first_line}; YAML would silently keep only the last)"


def duplicate_keys(node: yaml.Node | None) -> list[DuplicateKey]:
    """Every repeated key of every mapping in a composed document, at any depth, in file order.

    Keys compare as constructed values (``1`` and ``0x1`` are one key, ``1`` and ``"1"`` two);
    merge keys (``<<``), YAML's way of overriding on purpose, are left alone.
    """
    constructor = yaml.constructor.SafeConstructor()
    found: list[DuplicateKey] = []
    stack: list[tuple[yaml.Node, str]] = [] if node is None else [(node, "")]
    while stack:
        current, path = stack.pop()
        if isinstance(current, yaml.SequenceNode):
            stack.extend((item, f"{path}[{i}]") for i, item in enumerate(current.value))
            continue
        if not isinstance(current, yaml.MappingNode):
            continue
        seen: dict[object, int] = {}
        for key_node, value_node in current.value:
            child = f"{path}.{key_node.value}" if path else str(key_node.value)
            stack.append((value_node, child))
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE_TAG:
                continue
            line = key_node.start_mark.line + 1
            try:
                key = constructor.construct_object(key_node)
                first = seen.get(key)
                if first is None:
                    seen[key] = line
                    continue
            except (TypeError, yaml.YAMLError):  # unhashable or not constructible: the loader reports it
                continue
            found.append(DuplicateKey(key, child, line, first))
    return sorted(found, key=lambda d: d.line)


def load_located(path: Path) -> Located:
    """Parse ``path``; syntax errors and duplicate keys become :class:`ConfigError` with the line."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", file=name) from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        duplicates = duplicate_keys(node)
        lines: dict[str, int] = {}
        if node is not None:
            _walk(node, "", lines)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(
            f"invalid YAML: {getattr(exc, 'problem', exc)}", file=name, line=mark.line + 1 if mark else None
        ) from None
    finally:
        loader.dispose()
    if duplicates:
        first = duplicates[0]
        raise ConfigError(first.message, file=name, field=first.field, line=first.line)
    return Located(data, lines, name)
