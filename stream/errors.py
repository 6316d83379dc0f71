"""The wirewatch exception tree.

::

    WirewatchError                 root: catch this to catch everything wirewatch raises
    ├── InputError                 one event is bad; the agent dead-letters it and goes on
    │   ├── DecodeError            bytes invalid in their encoding (UTF-8, a BOM's, or the XML declaration's)
    │   ├── FormatError            not JSON / ninjs / NewsML / NITF / text as declared, or an unsupported root
    │   ├── SchemaError            a field has the wrong type or an illegal value
    │   ├── EmptyStoryError        no headline and no body text
    │   └── OversizedError         larger than ``WIREWATCH_MAX_STORY_BYTES``
    └── ConfigError                a YAML file or setting is invalid; names file and field

Policy: ``InputError`` never stops a worker (the event goes to the dead-letter
topic with ``reason`` in its headers). Broker and network faults are not
wirewatch errors; they propagate so the worker restarts and resumes from its
last committed offset.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DecodeError",
    "EmptyStoryError",
    "FormatError",
    "InputError",
    "OversizedError",
    "SchemaError",
    "WirewatchError",
]


class WirewatchError(Exception):
    """Root of every exception wirewatch raises on purpose."""


class InputError(WirewatchError):
    """One input event cannot be processed. ``reason`` is a short, bounded label."""

    reason = "invalid"


class DecodeError(InputError):
    reason = "invalid_utf8"


class FormatError(InputError):
    reason = "invalid_format"


class SchemaError(InputError):
    reason = "invalid_field"


class EmptyStoryError(InputError):
    reason = "empty_story"


class OversizedError(InputError):
    reason = "oversized"


class ConfigError(WirewatchError):
    """A configuration file or setting is invalid.

    ``str()`` names the file and the dotted field path, for example
    ``subscriptions.yaml: subscriptions[2].match.regions[0]: unknown region 'south-caucasu'``.
    """

    def __init__(self, message: str, *, file: str | None = None, field: str | None = None, line: int | None = None):
        self.file = file
        self.field = field
        self.line = line
        where = ""
        if file:
            where = f"{file}:{line}: " if line else f"{file}: "
        if field:
            where += f"{field}: "
        super().__init__(f"{where}{message}")
