"""Organisation names that contain a place: "Deutsche Bank", "Air France", "Qatar Airways".

A place inside such a name is not a place mention; it is a weaker signal for its country
(see :data:`stream.places.geotag.ORGANISATION_WEIGHT`). The patterns are data
(``stream/places/data/organisations.yaml``): token sequences after the place (``suffixes``),
before it (``prefixes``), and whole names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from stream.errors import ConfigError

__all__ = ["DEFAULT_ORGANISATIONS", "OrgPatterns", "load_organisations"]

DEFAULT_ORGANISATIONS = Path(__file__).parent / "data" / "organisations.yaml"


@dataclass(frozen=True)
class OrgPatterns:
    suffixes: tuple[tuple[str, ...], ...]
    prefixes: tuple[tuple[str, ...], ...]
    names: tuple[tuple[str, ...], ...]
    #: The words that may stand right after a place inside an organisation name, right before it, and the one-word
    #: names that are a place's name themselves ("Toyota"): a place with none of them beside it is in no such name.
    after: frozenset[str] = field(init=False)
    before: frozenset[str] = field(init=False)
    whole: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        # A place inside a name stands before one of its later words and after one of its earlier ones.
        later = frozenset(w for n in self.names for w in n[1:])
        earlier = frozenset(w for n in self.names for w in n[:-1])
        object.__setattr__(self, "after", frozenset(s[0] for s in self.suffixes) | later)
        object.__setattr__(self, "before", frozenset(s[-1] for s in self.prefixes) | earlier)
        object.__setattr__(self, "whole", frozenset(n[0] for n in self.names if len(n) == 1))

    def covers(self, texts: list[str], first: int, last: int, *, suffixes: bool = True) -> bool:
        """Whether tokens ``first..last`` (a place name) sit inside an organisation name.

        ``suffixes=False`` leaves the suffix patterns out (the caller saw the word after in lower case).
        """
        after = texts[last + 1] if last + 1 < len(texts) else ""
        before = texts[first - 1] if first > 0 else ""
        if after not in self.after and before not in self.before:
            return first == last and texts[first] in self.whole
        for seq in self.suffixes if suffixes else ():
            if tuple(texts[last + 1 : last + 1 + len(seq)]) == seq:
                return True
        for seq in self.prefixes:
            if first >= len(seq) and tuple(texts[first - len(seq) : first]) == seq:
                return True
        for seq in self.names:
            n = len(seq)
            for at in range(max(0, last - n + 1), first + 1):
                if tuple(texts[at : at + n]) == seq:
                    return True
        return False


def _sequences(data: dict[str, object], key: str, path: Path) -> tuple[tuple[str, ...], ...]:
    items = data.get(key) or []
    if not isinstance(items, list) or not all(isinstance(s, list) and s and all(isinstance(w, str) for w in s) for s in items):
        raise ConfigError(f"{key} must be a list of word lists", file=str(path), field=key)
    return tuple(tuple(w.casefold() for w in s) for s in items)


@cache
def load_organisations(path: Path = DEFAULT_ORGANISATIONS) -> OrgPatterns:
    """Load and cache the organisation patterns; ConfigError if missing or malformed."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"unreadable organisation patterns: {exc}", file=str(path)) from exc
    if not isinstance(data, dict):
        raise ConfigError("organisation patterns must be a mapping", file=str(path))
    return OrgPatterns(_sequences(data, "suffixes", path), _sequences(data, "prefixes", path), _sequences(data, "names", path))
