"""Stories from decoded JSON objects: plain wirewatch JSON and IPTC ninjs 1.x / 2.x.

One reader covers all three because they share most keys: plain JSON uses
``id``/``headline``/``body``, ninjs 1.x adds ``uri``, ``body_text``,
``body_html``, ``subject`` and ``place``, and ninjs 2.x moves to
``headlines``/``bodies``/``subjects``/``places`` lists of objects.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from stream.errors import OversizedError, SchemaError
from stream.formats.fields import (
    MAX_LIST_ITEMS,
    assemble,
    coerce_id,
    coerce_int,
    coerce_language,
    coerce_pubstatus,
    coerce_versioncreated,
    describe,
    place_code,
    subject_code,
)
from stream.formats.html import clean_text, html_to_text, one_line, text_or_html
from stream.story import ProviderPlace, ProviderSubject, Story

__all__ = ["from_mapping", "is_ninjs"]

_NINJS_ONLY = ("headlines", "bodies", "body_text", "body_html", "type", "representationtype", "profile")
_URI_COMPANIONS = (*_NINJS_ONLY, "headline", "versioncreated", "pubstatus")
_CONSUMED = frozenset(
    {
        "id", "uri", "guid", "headline", "headlines", "body", "body_text", "body_html", "bodies", "language",
        "versioncreated", "urgency", "version", "pubstatus", "subjects", "subject", "places", "place", "type",
        "$schema", "representationtype", "profile",
    }
)  # fmt: skip
_MAX_EXTRA = 16
_MAX_EXTRA_CHARS = 200
_MAX_MAJOR = 2**31 - 1


def is_ninjs(obj: Mapping[str, object]) -> bool:
    """Whether a JSON object is ninjs rather than plain wirewatch JSON, judged by its keys."""
    if "headlines" in obj or "bodies" in obj:
        return True
    schema = obj.get("$schema")
    if isinstance(schema, str) and "ninjs" in schema.lower():
        return True
    return "uri" in obj and any(key in obj for key in _URI_COMPANIONS)


def _string(obj: Mapping[str, object], key: str, where: str = "") -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SchemaError(f"field '{where}{key}' must be a string, got {describe(value)}")
    return value


def _entries(obj: Mapping[str, object], key: str) -> Iterator[tuple[str, object]]:
    value = obj.get(key)
    if value is None:
        return
    if not isinstance(value, list):
        raise SchemaError(f"field '{key}' must be an array, got {describe(value)}")
    if len(value) > MAX_LIST_ITEMS:
        raise OversizedError(f"field '{key}' has {len(value)} entries (limit {MAX_LIST_ITEMS})")
    for index, entry in enumerate(value):
        yield f"{key}[{index}]", entry


def _headline(obj: Mapping[str, object]) -> str:
    headline = _string(obj, "headline")
    if not headline or not headline.strip():
        chosen: str | None = None
        for where, entry in _entries(obj, "headlines"):
            if not isinstance(entry, dict):
                raise SchemaError(f"field '{where}' must be an object, got {describe(entry)}")
            value = _string(entry, "value", f"{where}.")
            role = _string(entry, "role", f"{where}.")
            if value and (chosen is None or role == "main"):
                chosen = value
                if role == "main":
                    break
        headline = chosen or ""
    return one_line(text_or_html(headline))


def _bodies(obj: Mapping[str, object]) -> str:
    """ninjs 2.x ``bodies``: prefer the main body, and plain text over HTML."""
    ranked: list[tuple[int, int, str, bool]] = []
    for where, entry in _entries(obj, "bodies"):
        if not isinstance(entry, dict):
            raise SchemaError(f"field '{where}' must be an object, got {describe(entry)}")
        value = _string(entry, "value", f"{where}.")
        role = _string(entry, "role", f"{where}.")
        contenttype = (_string(entry, "contenttype", f"{where}.") or "text/plain").lower()
        if value and value.strip():
            is_html = "html" in contenttype
            ranked.append((0 if role in (None, "main") else 1, int(is_html), value, is_html))
    if not ranked:
        return ""
    _, _, value, is_html = min(ranked, key=lambda item: item[:2])
    return html_to_text(value) if is_html else text_or_html(value)


def _body(obj: Mapping[str, object]) -> str:
    body_text = _string(obj, "body_text")
    body = _string(obj, "body")
    body_html = _string(obj, "body_html")
    if body_text and body_text.strip():
        return text_or_html(body_text)
    if body and body.strip():
        return text_or_html(body)
    if body_html and body_html.strip():
        return html_to_text(body_html)
    return _bodies(obj)


def _subjects(obj: Mapping[str, object]) -> Iterator[ProviderSubject]:
    for key in ("subjects", "subject"):
        for where, entry in _entries(obj, key):
            if isinstance(entry, str):
                code, name = subject_code(entry), None
            elif isinstance(entry, dict):
                name = _string(entry, "name", f"{where}.")
                code = subject_code(
                    _string(entry, "code", f"{where}."),
                    uri=_string(entry, "uri", f"{where}."),
                    scheme=_string(entry, "scheme", f"{where}."),
                )
            else:
                raise SchemaError(f"field '{where}' must be a string or an object, got {describe(entry)}")
            if code:
                yield ProviderSubject(code=clean_text(code), name=one_line(clean_text(name)) if name else None)


def _places(obj: Mapping[str, object]) -> Iterator[ProviderPlace]:
    for key in ("places", "place"):
        for where, entry in _entries(obj, key):
            if isinstance(entry, str):
                name, code = entry, None
            elif isinstance(entry, dict):
                literal = _string(entry, "literal", f"{where}.")
                code = place_code(
                    _string(entry, "code", f"{where}."),
                    _string(entry, "qcode", f"{where}."),
                    _string(entry, "uri", f"{where}."),
                    literal,
                )
                name = _string(entry, "name", f"{where}.") or literal or code or ""
            else:
                raise SchemaError(f"field '{where}' must be a string or an object, got {describe(entry)}")
            name = one_line(clean_text(name))
            if name:
                yield ProviderPlace(name=name, code=code)


def _extra(obj: Mapping[str, object]) -> dict[str, object]:
    """Small unknown scalar fields, kept for display; anything big or nested is dropped."""
    extra: dict[str, object] = {}
    for key, value in obj.items():
        if key in _CONSUMED or len(extra) >= _MAX_EXTRA or len(key) > 64:
            continue
        if isinstance(value, str) and len(value) <= _MAX_EXTRA_CHARS:
            extra[key] = clean_text(value)
        elif value is None or isinstance(value, (bool, int, float)):
            extra[key] = value
    return extra


def from_mapping(obj: Mapping[str, object], *, ninjs: bool | None = None, default_id: str | None = None) -> Story:
    """Build a Story from a decoded JSON object.

    ``ninjs`` forces (True) or forbids (False) the ninjs label; None decides by
    the keys. Raises :class:`SchemaError` naming the first wrong field and
    :class:`EmptyStoryError` when there is no text.
    """
    is_ninjs_story = is_ninjs(obj) if ninjs is None else ninjs
    ids = ("uri", "id", "guid") if is_ninjs_story else ("id", "uri", "guid")
    story_id = None
    for key in ids:
        story_id = coerce_id(obj.get(key), key)
        if story_id:
            break
    return assemble(
        story_id=story_id,
        default_id=default_id,
        headline=_headline(obj),
        body=_body(obj),
        version=coerce_int(obj.get("version"), "version", lo=0, hi=_MAX_MAJOR),
        language=coerce_language(obj.get("language")),
        versioncreated=coerce_versioncreated(obj.get("versioncreated")),
        urgency=coerce_int(obj.get("urgency"), "urgency", lo=0, hi=9),
        pubstatus=coerce_pubstatus(obj.get("pubstatus")),
        subjects=_subjects(obj),
        places=_places(obj),
        source_format="ninjs" if is_ninjs_story else "json",
        extra=_extra(obj),
    )
