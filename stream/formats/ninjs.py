"""Stories from decoded JSON objects: plain wirewatch JSON and IPTC ninjs 1.x / 2.x / 3.x.

One reader covers them all because they share most keys: plain JSON uses
``id``/``headline``/``body``; ninjs 1.x adds ``uri``, ``subject`` and ``place`` and
puts text in ``headline_*``, ``body_*`` and ``description_*`` keys with any suffix
(``body_text``, ``body_xhtml``, ``headline_main``); ninjs 2.x moves to
``headlines``/``bodies``/``descriptions``/``subjects``/``places`` lists of objects;
ninjs 3.x spells the same keys in camelCase (``versionCreated``, ``pubStatus``,
``contentType``). Keys are therefore read case-insensitively: a camelCase
``pubStatus: canceled`` read as absent would turn a retraction into a new alert.

A story without a body is told by its descriptions (a picture's caption, a video's
summary); ninjs ``event`` and ``planning`` items announce coverage and are refused.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from stream.errors import FormatError, OversizedError, SchemaError
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
_URI_COMPANIONS = (*_NINJS_ONLY, "headline", "versioncreated", "pubstatus", "descriptions", "standard", "$standard")
_CONSUMED = frozenset(
    {
        "id", "uri", "guid", "headline", "headlines", "body", "bodies", "descriptions", "language",
        "versioncreated", "urgency", "version", "pubstatus", "subjects", "subject", "places", "place", "located", "type",
        "$schema", "representationtype", "profile", "standard", "$standard",
    }
)  # fmt: skip
_TEXT_PREFIXES = ("headline_", "body_", "description_")
# ninjs types that are not news stories (ninjs 3.x: event and planning items).
_NOT_NEWS = {"event": "an event", "planning": "a planning item"}
# Description roles that are the item's own text; credit lines and the like are not.
_TEXT_ROLES = frozenset({"", "text", "caption", "summary", "lead", "abstract", "synopsis", "main", "description", "script"})
_MARKUP_HINTS = ("html", "xml", "nitf", "richtext")
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
    if "uri" not in obj:
        return False
    return any(key in obj for key in _URI_COMPANIONS) or any(key.startswith(_TEXT_PREFIXES) for key in obj)


def _lowered(obj: Mapping[str, object]) -> dict[str, object]:
    """The object with lower-case keys (ninjs 3.x camelCase); an exact lower-case key wins a clash."""
    if all(key == key.lower() for key in obj):
        return dict(obj)
    lowered: dict[str, object] = {key: value for key, value in obj.items() if key == key.lower()}
    for key, value in obj.items():
        lowered.setdefault(key.lower(), value)
    return lowered


def _string(obj: Mapping[str, object], key: str, where: str = "") -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SchemaError(f"field '{where}{key}' must be a string, got {describe(value)}")
    return value


def _entries(obj: Mapping[str, object], key: str) -> Iterator[tuple[str, object]]:
    """``(where, entry)`` for each entry of a list field; object entries get lower-case keys."""
    value = obj.get(key)
    if value is None:
        return
    if not isinstance(value, list):
        raise SchemaError(f"field '{key}' must be an array, got {describe(value)}")
    if len(value) > MAX_LIST_ITEMS:
        raise OversizedError(f"field '{key}' has {len(value)} entries (limit {MAX_LIST_ITEMS})")
    for index, entry in enumerate(value):
        yield f"{key}[{index}]", _lowered(entry) if isinstance(entry, dict) else entry


def _objects(obj: Mapping[str, object], key: str) -> Iterator[tuple[str, Mapping[str, object]]]:
    for where, entry in _entries(obj, key):
        if not isinstance(entry, dict):
            raise SchemaError(f"field '{where}' must be an object, got {describe(entry)}")
        yield where, entry


def _is_markup(*hints: str | None) -> bool:
    return any(hint and any(mark in hint.lower() for mark in _MARKUP_HINTS) for hint in hints)


def _suffixed(obj: Mapping[str, object], prefix: str) -> list[tuple[str, str]]:
    """ninjs 1.x ``<prefix>_<suffix>`` text keys with a value, ``<prefix>_main``/``_text`` first."""
    found = []
    for key in obj:
        if key.startswith(prefix) and len(key) > len(prefix):
            value = _string(obj, key)
            if value and value.strip():
                found.append((key, value))
    order = {f"{prefix}main": 0, f"{prefix}text": 1}
    return sorted(found, key=lambda item: (order.get(item[0], 2), item[0]))


def _headline(obj: Mapping[str, object]) -> str:
    headline = _string(obj, "headline")
    if not headline or not headline.strip():
        chosen: str | None = None
        for where, entry in _objects(obj, "headlines"):
            value = _string(entry, "value", f"{where}.")
            role = _string(entry, "role", f"{where}.")
            if value and (chosen is None or role == "main"):
                chosen = value
                if role == "main":
                    break
        if chosen is None:
            chosen = next((value for _, value in _suffixed(obj, "headline_")), None)
        headline = chosen or ""
    return one_line(text_or_html(headline))


def _best(ranked: list[tuple[int, int, str, bool]]) -> str:
    if not ranked:
        return ""
    _, _, value, is_markup = min(ranked, key=lambda item: item[:2])
    return html_to_text(value) if is_markup else text_or_html(value)


def _text_list(obj: Mapping[str, object], key: str, *, roles: frozenset[str] | None) -> str:
    """ninjs 2.x/3.x ``bodies`` or ``descriptions``: prefer the main text, and plain text over markup."""
    ranked: list[tuple[int, int, str, bool]] = []
    for where, entry in _objects(obj, key):
        value = _string(entry, "value", f"{where}.")
        role = _string(entry, "role", f"{where}.")
        contenttype = _string(entry, "contenttype", f"{where}.") or "text/plain"
        if not value or not value.strip():
            continue
        if roles is not None and (role or "").strip().lower() not in roles:
            continue
        markup = _is_markup(contenttype, role)
        ranked.append((0 if role in (None, "main") else 1, int(markup), value, markup))
    return _best(ranked)


def _suffixed_text(obj: Mapping[str, object], prefix: str) -> str:
    ranked = [(0, int(_is_markup(key)), value, _is_markup(key)) for key, value in _suffixed(obj, prefix)]
    return _best(ranked)


def _body(obj: Mapping[str, object]) -> str:
    for key in ("body_text", "body"):
        body = _string(obj, key)
        if body and body.strip():
            return text_or_html(body)
    return (
        _suffixed_text(obj, "body_")
        or _text_list(obj, "bodies", roles=None)
        or _text_list(obj, "descriptions", roles=_TEXT_ROLES)
        or _suffixed_text(obj, "description_")
    )


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
                ) or subject_code(_string(entry, "literal", f"{where}."))
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
    # ninjs ``located``, "the name of the location from which the content originates", is NewsML-G2's located: where
    # the content was filed from (AP's "Washington" over an impeachment video), not a place it is about. A string
    # such as "Grossetto, Italy": each comma-separated part is an origin place (the places stage keeps those it resolves).
    located = _string(obj, "located")
    for part in (located or "").split(","):
        name = one_line(clean_text(part))
        if name:
            yield ProviderPlace(name=name, origin=True)


def _extra(obj: Mapping[str, object]) -> dict[str, object]:
    """Small unknown scalar fields, kept for display; anything big or nested is dropped."""
    extra: dict[str, object] = {}
    for key, value in obj.items():
        lowered = key.lower()
        if lowered in _CONSUMED or lowered.startswith(_TEXT_PREFIXES) or len(extra) >= _MAX_EXTRA or len(key) > 64:
            continue
        if isinstance(value, str) and len(value) <= _MAX_EXTRA_CHARS:
            extra[key] = clean_text(value)
        elif value is None or isinstance(value, (bool, int, float)):
            extra[key] = value
    return extra


def _check_type(obj: Mapping[str, object]) -> None:
    kind = obj.get("type")
    if isinstance(kind, str) and kind.strip().lower() in _NOT_NEWS:
        what = _NOT_NEWS[kind.strip().lower()]
        raise FormatError(f"ninjs item of type '{kind.strip()}' is {what}, not a news story")


def from_mapping(obj: Mapping[str, object], *, ninjs: bool | None = None, default_id: str | None = None) -> Story:
    """Build a Story from a decoded JSON object.

    ``ninjs`` forces (True) or forbids (False) the ninjs label; None decides by
    the keys. Raises :class:`SchemaError` naming the first wrong field,
    :class:`FormatError` for a ninjs event or planning item and
    :class:`EmptyStoryError` when there is no text.
    """
    fields = _lowered(obj)
    is_ninjs_story = is_ninjs(fields) if ninjs is None else ninjs
    if is_ninjs_story:
        _check_type(fields)
    ids = ("uri", "id", "guid") if is_ninjs_story else ("id", "uri", "guid")
    story_id = None
    for key in ids:
        story_id = coerce_id(fields.get(key), key)
        if story_id:
            break
    return assemble(
        story_id=story_id,
        default_id=default_id,
        headline=_headline(fields),
        body=_body(fields),
        version=coerce_int(fields.get("version"), "version", lo=0, hi=_MAX_MAJOR),
        language=coerce_language(fields.get("language")),
        versioncreated=coerce_versioncreated(fields.get("versioncreated")),
        urgency=coerce_int(fields.get("urgency"), "urgency", lo=0, hi=9),
        pubstatus=coerce_pubstatus(fields.get("pubstatus")),
        subjects=_subjects(fields),
        places=_places(fields),
        source_format="ninjs" if is_ninjs_story else "json",
        extra=_extra(obj),
    )
