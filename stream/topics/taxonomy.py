"""IPTC Media Topics: codes, English labels, parent links and coarse routing topics.

The vocabulary lives in ``data/topics/taxonomy.yaml`` (checked against the IPTC
export; see its header). Alert routing works on eleven coarse topics; a code's
coarse topic is the nearest one declared on it or on an ancestor, so
"diplomacy" (under international relations) routes as ``diplomacy`` while
"government" routes as ``politics``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from stream.errors import ConfigError

__all__ = ["COARSE_TOPICS", "MEDTOP_URI", "Taxonomy", "Topic", "load_taxonomy"]

COARSE_TOPICS = (
    "conflict",
    "diplomacy",
    "politics",
    "economy",
    "disaster",
    "health",
    "crime",
    "sport",
    "science-technology",
    "culture-entertainment",
    "religion",
)
MEDTOP_URI = "http://cv.iptc.org/newscodes/mediatopic/"
_DEFAULT = Path(__file__).parent / "data" / "taxonomy.yaml"


@dataclass(frozen=True, slots=True)
class Topic:
    """One Media Topic concept."""

    code: str  # "medtop:20000056"
    label: str
    parent: str | None
    coarse: str | None  # effective coarse topic (inherited)

    @property
    def uri(self) -> str:
        return MEDTOP_URI + self.code.removeprefix("medtop:")


@dataclass(frozen=True, slots=True)
class Taxonomy:
    topics: dict[str, Topic]
    source: str

    def get(self, code: str) -> Topic | None:
        return self.topics.get(normalize_code(code))

    def ancestors(self, code: str) -> list[str]:
        """Codes from ``code``'s parent up to its top-level concept."""
        out: list[str] = []
        topic = self.get(code)
        while topic is not None and topic.parent is not None:
            out.append(topic.parent)
            topic = self.topics.get(topic.parent)
        return out


def normalize_code(code: str) -> str:
    """Accept ``medtop:16000000``, ``16000000`` or the full concept URI."""
    code = code.strip()
    if code.startswith(MEDTOP_URI):
        code = code[len(MEDTOP_URI) :]
    if not code.startswith("medtop:"):
        code = "medtop:" + code
    return code


@functools.cache
def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Load and validate the taxonomy file (cached per path)."""
    path = path or _DEFAULT
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = raw.get("topics") if isinstance(raw, dict) else None
    if not isinstance(entries, dict):
        raise ConfigError("missing 'topics' mapping", file=str(path), field="topics")
    declared: dict[str, tuple[str, str | None, str | None]] = {}
    for code, spec in entries.items():
        field = f"topics.{code}"
        if not isinstance(code, str) or len(normalize_code(code)) != 15 or not code[7:].isdigit():
            raise ConfigError(f"bad medtop code {code!r}", file=str(path), field=field)
        if not isinstance(spec, dict) or not isinstance(spec.get("label"), str):
            raise ConfigError("each topic needs a 'label'", file=str(path), field=field)
        coarse = spec.get("coarse")
        if coarse is not None and coarse not in COARSE_TOPICS:
            raise ConfigError(f"unknown coarse topic {coarse!r}", file=str(path), field=field + ".coarse")
        declared[code] = (spec["label"], spec.get("parent"), coarse)
    for code, (_, parent, _) in declared.items():
        if parent is not None and parent not in declared:
            raise ConfigError(f"unknown parent {parent!r}", file=str(path), field=f"topics.{code}.parent")

    def effective(code: str, depth: int = 0) -> str | None:
        if depth > 8:
            raise ConfigError("parent cycle", file=str(path), field=f"topics.{code}.parent")
        _, parent, coarse = declared[code]
        if coarse is not None:
            return coarse
        return effective(parent, depth + 1) if parent else None

    topics = {code: Topic(code, label, parent, effective(code)) for code, (label, parent, _) in declared.items()}
    return Taxonomy(topics, str(raw.get("source", MEDTOP_URI)))
