"""The story model every stage shares.

Offsets reported by detectors (places, topic terms, datelines) are character
offsets into :attr:`Story.text`, which is the headline, a blank line, and the
body. Consumers can slice ``story.text[start:end]`` to show the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

__all__ = ["HEADLINE_SEPARATOR", "ProviderPlace", "ProviderSubject", "Story", "iso_utc"]

HEADLINE_SEPARATOR = "\n\n"


def iso_utc(ts: float) -> str:
    """Seconds since the epoch as ISO 8601 UTC with milliseconds (every timestamp wirewatch writes)."""
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class ProviderSubject:
    """A subject code the provider attached (IPTC ``medtop:…`` or other scheme)."""

    code: str
    name: str | None = None


@dataclass(frozen=True, slots=True)
class ProviderPlace:
    """A place the provider attached (ninjs ``places``, NewsML-G2 ``located`` and geoArea subjects ...).

    ``origin``: the place the content was filed from, not a place it is about (NewsML-G2 ``located``, "the
    location from which the content originates"). Reuters sends its editing desk there (Bangalore on a story
    datelined Beirut), so it is no evidence by itself (:mod:`stream.places.geotag`).
    """

    name: str
    code: str | None = None  # ISO 3166 alpha-2 when the provider gives one
    origin: bool = False


@dataclass(frozen=True, slots=True)
class Story:
    """One version of one wire story, as parsed from any input format."""

    id: str
    headline: str
    body: str
    version: int = 1
    language: str | None = None  # as given by the provider, not detected
    versioncreated: str | None = None  # ISO 8601 as given
    urgency: int | None = None  # IPTC 1 (highest) to 9
    pubstatus: str = "usable"  # usable | withheld | canceled
    subjects: tuple[ProviderSubject, ...] = ()
    places: tuple[ProviderPlace, ...] = ()
    source_format: str = "json"
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    #: The dateline as the provider sends it apart from the body (NITF ``body.head/dateline``, NewsML 1
    #: ``NewsLines/DateLine``, NewsML-G2 ``contentMeta/dateline``): "KANSAS CITY, Mo.", "MOSCOW, Monday
    #: (Reuters)". The body then opens without it, so it is read from here (:mod:`stream.places.geotag`).
    dateline: str | None = None

    @property
    def text(self) -> str:
        """Headline and body as one text; the frame for every evidence offset."""
        if not self.headline:
            return self.body
        if not self.body:
            return self.headline
        return self.headline + HEADLINE_SEPARATOR + self.body

    @property
    def body_offset(self) -> int:
        """Offset of the body's first character inside :attr:`text`."""
        if not self.headline:
            return 0
        return len(self.headline) + len(HEADLINE_SEPARATOR)
