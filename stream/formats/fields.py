"""Field validation shared by every input format, and the final assembly of a :class:`Story`.

Each ``coerce_*`` function takes the raw value and the field's name and either
returns the canonical value or raises :class:`SchemaError` naming the field,
so a dead letter always says which field was wrong and why.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TypeVar

from stream.errors import EmptyStoryError, OversizedError, SchemaError
from stream.formats.html import has_text, one_line
from stream.story import ProviderPlace, ProviderSubject, Story

__all__ = [
    "MAX_DATELINE_CHARS",
    "MAX_DEPTH",
    "MAX_HEADLINE_CHARS",
    "MAX_ID_CHARS",
    "MAX_LIST_ITEMS",
    "PUBSTATUSES",
    "assemble",
    "coerce_id",
    "coerce_int",
    "coerce_language",
    "coerce_pubstatus",
    "coerce_versioncreated",
    "content_id",
    "describe",
    "place_code",
    "subject_code",
]

_Item = TypeVar("_Item", ProviderSubject, ProviderPlace)

MAX_DEPTH = 32
MAX_HEADLINE_CHARS = 10_000
#: Longer text where a dateline should be is not read as one (see :attr:`stream.story.Story.dateline`).
MAX_DATELINE_CHARS = 200
MAX_ID_CHARS = 1_024
MAX_LIST_ITEMS = 1_000
_MAX_LANGUAGE_CHARS = 64
PUBSTATUSES = ("usable", "withheld", "canceled")
_PUBSTATUS_ALIASES = {"cancelled": "canceled"}

# IPTC NewsCodes URIs -> the qcode scheme alias the providers' qcodes use.
_IPTC_CV = re.compile(r"^https?://cv\.iptc\.org/newscodes/([A-Za-z0-9_-]+)/([^/?#]+)/?$")
_SCHEME_ALIASES = {"mediatopic": "medtop", "subjectcode": "subj", "genre": "genre", "scene": "scene"}
_ISO2 = re.compile(r"^[A-Za-z]{2}$")
_ISO2_QCODE = re.compile(r"^(?:iso3166-1a2|iso3166|ISO3166-1a2|country|cntry):([A-Za-z]{2})$")
_ISO2_URI = re.compile(r"^https?://[^ ]*iso3166[^ ]*/([A-Za-z]{2})/?$", re.IGNORECASE)
# ISO 3166-1 alpha-3, in capitals or as an alpha-3 qcode: ANP sends Country "NLD" in NewsML 1.2.
_ISO3 = re.compile(r"^(?:([A-Z]{3})|iso3166-1a3:([A-Za-z]{3}))$")
_DIGITS = re.compile(r"^\s*[+]?[0-9]{1,10}\s*$")


def describe(value: object) -> str:
    """Short type name of a JSON value for error messages."""
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def coerce_id(value: object, field: str = "id") -> str | None:
    """A story id: a non-empty string; integers are accepted and stringified."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise SchemaError(f"field '{field}' must be a string, got {describe(value)}")
    text = str(value).strip()
    if not text:
        raise SchemaError(f"field '{field}' is empty")
    if len(text) > MAX_ID_CHARS:
        raise OversizedError(f"field '{field}' is {len(text)} characters long (limit {MAX_ID_CHARS})")
    return text


def coerce_int(value: object, field: str, *, lo: int, hi: int) -> int | None:
    """An integer in ``lo..hi`` given as a JSON integer or a numeric string."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise SchemaError(f"field '{field}' must be an integer, got boolean")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.match(value):
        number = int(value)
    else:
        raise SchemaError(f"field '{field}' must be an integer {lo}..{hi}, got {describe(value)} {value!r:.40}")
    if not lo <= number <= hi:
        shown = number if len(str(abs(number))) <= 20 else f"an integer of {len(str(abs(number)))} digits"
        raise SchemaError(f"field '{field}' must be between {lo} and {hi}, got {shown}")
    return number


def coerce_pubstatus(value: object, field: str = "pubstatus") -> str:
    """``usable`` / ``withheld`` / ``canceled``; a ``stat:`` qcode prefix is accepted."""
    if value is None or value == "":
        return "usable"
    if not isinstance(value, str):
        raise SchemaError(f"field '{field}' must be a string, got {describe(value)}")
    status = value.strip().lower().removeprefix("stat:")
    status = _PUBSTATUS_ALIASES.get(status, status)
    if status not in PUBSTATUSES:
        raise SchemaError(f"field '{field}' must be one of usable, withheld, canceled; got {value!r:.40}")
    return status


def coerce_language(value: object, field: str = "language") -> str | None:
    """A provider language tag as given (BCP 47); empty means none."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise SchemaError(f"field '{field}' must be a string, got {describe(value)}")
    tag = value.strip()
    if len(tag) > _MAX_LANGUAGE_CHARS:
        raise SchemaError(f"field '{field}' is not a language tag ({len(tag)} characters)")
    return tag or None


def coerce_versioncreated(value: object, field: str = "versioncreated") -> str | None:
    """An ISO 8601 timestamp, normalised to UTC with a ``Z`` suffix; naive times are taken as UTC."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SchemaError(f"field '{field}' must be an ISO 8601 string, got {describe(value)}")
    text = value.strip()
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        raise SchemaError(f"field '{field}' is not an ISO 8601 timestamp: {value!r:.60}") from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    stamp = stamp.astimezone(UTC)
    spec = "microseconds" if stamp.microsecond else "seconds"
    return stamp.replace(tzinfo=None).isoformat(timespec=spec) + "Z"


def subject_code(code: str | None, *, uri: str | None = None, scheme: str | None = None) -> str | None:
    """A subject qcode: IPTC NewsCodes URIs become ``medtop:16000000``-style qcodes."""
    for candidate in (code, uri):
        if not candidate:
            continue
        candidate = candidate.strip()
        match = _IPTC_CV.match(candidate)
        if match:
            return f"{_SCHEME_ALIASES.get(match.group(1), match.group(1))}:{match.group(2)}"
        if ":" in candidate or not scheme:
            return candidate or None
        # ninjs 1.x: {"code": "16000000", "scheme": "http://cv.iptc.org/newscodes/mediatopic/"}
        match = _IPTC_CV.match(scheme.rstrip("/") + "/" + candidate)
        if match:
            return f"{_SCHEME_ALIASES.get(match.group(1), match.group(1))}:{match.group(2)}"
        return f"{scheme.strip()}:{candidate}"
    return None


def place_code(*candidates: str | None) -> str | None:
    """The ISO 3166 alpha-2 code among a place's codes, qcodes and URIs, if there is one (an alpha-3 code in capitals
    or an ``iso3166-1a3:`` qcode gives its alpha-2)."""
    for candidate in candidates:
        if not candidate:
            continue
        candidate = candidate.strip()
        if _ISO2.match(candidate):
            return candidate.upper()
        match = _ISO2_QCODE.match(candidate) or _ISO2_URI.match(candidate)
        if match:
            return match.group(1).upper()
        match = _ISO3.match(candidate)
        if match:
            alpha2 = _alpha3_to_2((match.group(1) or match.group(2)).upper())
            if alpha2:
                return alpha2
    return None


def _alpha3_to_2(code: str) -> str | None:
    import pycountry  # loaded on the first alpha-3 code only

    country = pycountry.countries.get(alpha_3=code)
    return str(country.alpha_2) if country is not None else None


def content_id(headline: str, body: str) -> str:
    """A stable id for a story without one, so republishing the same text deduplicates."""
    digest = hashlib.sha1((headline + "\n\n" + body).encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha1:{digest}"


def _dedupe(items: Iterable[_Item], field: str) -> tuple[_Item, ...]:
    seen: dict[_Item, None] = {}
    for item in items:
        seen.setdefault(item, None)
        if len(seen) > MAX_LIST_ITEMS:
            raise OversizedError(f"field '{field}' has more than {MAX_LIST_ITEMS} entries")
    return tuple(seen)


def assemble(
    *,
    story_id: str | None,
    default_id: str | None,
    headline: str,
    body: str,
    version: int | None,
    language: str | None,
    versioncreated: str | None,
    urgency: int | None,
    pubstatus: str,
    subjects: Iterable[ProviderSubject],
    places: Iterable[ProviderPlace],
    source_format: str,
    extra: dict[str, object] | None = None,
    fallback_id: str | None = None,
    dateline: str | None = None,
) -> Story:
    """Check the cross-field rules (limits, emptiness, id fallback) and build the Story.

    ``fallback_id`` replaces the content hash for formats that define their own
    (plain text hashes its bytes).
    """
    if len(headline) > MAX_HEADLINE_CHARS:
        raise OversizedError(f"field 'headline' is {len(headline)} characters long (limit {MAX_HEADLINE_CHARS})")
    if not has_text(headline):
        headline = ""
    if not has_text(body):
        body = ""
    explicit_id = story_id or default_id
    # A retraction (canceled/withheld) legitimately carries no text, but it must say what it retracts.
    if not headline and not body and (pubstatus == "usable" or not explicit_id):
        raise EmptyStoryError("story has no text: headline and body are both empty")
    return Story(
        id=explicit_id or fallback_id or content_id(headline, body),
        headline=headline,
        body=body,
        version=1 if version is None else version,
        language=language,
        versioncreated=versioncreated,
        urgency=urgency,
        pubstatus=pubstatus,
        subjects=_dedupe(subjects, "subjects"),
        places=_dedupe(places, "places"),
        source_format=source_format,
        extra=extra or {},
        dateline=_dateline(dateline),
    )


def _dateline(value: str | None) -> str | None:
    """``value`` on one line; None when empty or longer than a dateline is (a paragraph there is no dateline)."""
    if not value or len(value) > MAX_DATELINE_CHARS:
        return None
    return one_line(value) or None
