"""Raw message bytes -> :class:`Story`, for every input format wirewatch accepts.

:func:`parse` is what the worker's ingest agent and ``wirewatch publish|classify``
call for one message; it raises only :class:`InputError` subclasses, whose
``reason`` becomes the dead-letter header. :func:`split_file` cuts a file
(JSON array, JSON lines, one JSON object, a NewsML-G2 or NewsML 1.2 document,
plain text) into messages for the CLI, yielding bad pieces raw so they are
dead-lettered, never silently dropped.

Auto detection never guesses a structured message into plain text: input that
starts with markup and parses as XML goes to the reader its root element names
(``newsItem``/``newsMessage``: NewsML-G2, ``nitf``: NITF, ``NewsML``: NewsML 1.2)
and any other root is refused; a JSON scalar (``42``, ``null``) is refused too.
Bytes are UTF-8 unless a UTF-16/UTF-32 byte order mark or an XML encoding
declaration says otherwise.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping

from stream.errors import DecodeError, FormatError, InputError, OversizedError
from stream.formats import newsml, newsml1, nitf
from stream.formats.fields import MAX_DEPTH, assemble, coerce_id
from stream.formats.html import clean_text, one_line
from stream.formats.ninjs import from_mapping
from stream.formats.xmltree import BOMS, decode_xml, local, read_xml
from stream.story import Story

__all__ = ["FILE_FORMATS", "FORMATS", "XML_FORMATS", "parse", "split_file", "story_id"]

FORMATS = ("auto", "json", "ninjs", "newsml", "nitf", "newsml1", "text")
# split_file also takes "jsonl"; parse takes it too, as a synonym of "json" for one line.
FILE_FORMATS = (*FORMATS, "jsonl")
XML_FORMATS = ("newsml", "nitf", "newsml1")

_BOM = b"\xef\xbb\xbf"
_TAG_START = re.compile(r"<[A-Za-z_?!]")
_JSON_SCALAR_START = re.compile(r'(?:-?[0-9]|"|null\b|true\b|false\b)')
_Reader = Callable[..., Story]
# Root element -> (format label, reader of the parsed element).
_XML_ROOTS: dict[str, tuple[str, _Reader]] = {
    **{name: ("newsml", newsml.from_element) for name in newsml.G2_ITEMS},
    "nitf": ("nitf", nitf.from_element),
    "NewsML": ("newsml1", newsml1.from_element),
}
_XML_READERS: dict[str, _Reader] = {"newsml": newsml.from_xml, "nitf": nitf.from_nitf, "newsml1": newsml1.from_newsml1}


def _check_format(fmt: str, name: str = "message") -> None:
    if fmt not in FILE_FORMATS:
        # A caller bug, not bad input: the CLI validates --format before it gets here.
        raise ValueError(f"{name}: unknown format {fmt!r}; expected one of {', '.join(FILE_FORMATS)}")


def _decode(raw: bytes) -> str:
    """UTF-8, unless a byte order mark or an XML encoding declaration names another encoding.

    A UTF-16/UTF-32 mark is trusted only when what it decodes to is markup or JSON:
    ``FF FE`` also opens random and Latin-1 bytes, which must stay ``invalid_utf8``.
    """
    for bom, codec in BOMS:
        if raw.startswith(bom):
            if codec == "utf-8":
                return _utf8(raw[len(bom) :])
            try:
                text = raw[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                break
            if text.lstrip()[:1] in ("<", "{", "["):
                return text
            break
    declared = decode_xml(raw) if raw.lstrip()[:5] == b"<?xml" else None
    return _utf8(raw) if declared is None else declared


def _utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid UTF-8 at byte {exc.start}: {exc.reason}") from None


def _sniff(text: str) -> str:
    """``json``, ``xml`` (markup a reader must judge by its root), or ``text``."""
    head = text.lstrip()[:256]
    if head[:1] in ("{", "["):
        return "json"
    if _TAG_START.match(head):
        return "xml"
    return "text"


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    return "array" if isinstance(value, list) else type(value).__name__


def _json_scalar_problem(text: str) -> str | None:
    """Why a message that is one whole JSON scalar (``42``, ``"x"``, ``null``) is not a story; None otherwise."""
    stripped = text.strip()
    if not _JSON_SCALAR_START.match(stripped):
        return None
    try:
        value = json.loads(stripped)
    except (json.JSONDecodeError, RecursionError):
        return None  # words that merely begin like JSON: plain text
    except ValueError:  # an integer beyond the interpreter's digit limit
        return "top-level JSON must be an object, got an integer too long to read"
    return f"top-level JSON must be an object, got {_json_kind(value)}"


def _from_xml_auto(text: str, default_id: str | None) -> Story:
    root = read_xml(text)
    name = local(root.tag)
    if name not in _XML_ROOTS:
        raise FormatError(
            f"unsupported XML root <{name[:60]}>: expected NewsML-G2 (newsItem), NITF (nitf) or NewsML 1.2 (NewsML)"
        )
    return _XML_ROOTS[name][1](root, default_id=default_id)


def _depth_exceeds(value: object, limit: int) -> bool:
    """True when containers nest deeper than ``limit``; iterative, stops at the first excess."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _load_json(text: str) -> object:
    try:
        value = json.loads(text)
    except RecursionError:
        raise OversizedError(f"JSON is nested deeper than {MAX_DEPTH} levels") from None
    except json.JSONDecodeError as exc:
        raise FormatError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except ValueError:  # Python's integer-digits limit (CVE-2020-10735 guard)
        raise FormatError(f"invalid JSON: an integer longer than {sys.get_int_max_str_digits()} digits") from None
    if _depth_exceeds(value, MAX_DEPTH):
        raise OversizedError(f"JSON is nested deeper than {MAX_DEPTH} levels")
    return value


def _from_json(text: str, *, ninjs: bool | None, default_id: str | None) -> Story:
    value = _load_json(text)
    if not isinstance(value, dict):
        raise FormatError(f"top-level JSON must be an object, got {_json_kind(value)}")
    return from_mapping(value, ninjs=ninjs, default_id=default_id)


def _from_text(text: str, raw: bytes, *, default_id: str | None) -> Story:
    cleaned = clean_text(text, entities=False)
    headline, _, body = cleaned.partition("\n")
    return assemble(
        story_id=None,
        default_id=default_id,
        headline=one_line(headline),
        body=body.strip(),
        version=1,
        language=None,
        versioncreated=None,
        urgency=None,
        pubstatus="usable",
        subjects=(),
        places=(),
        source_format="text",
        fallback_id="sha1:" + hashlib.sha1(raw).hexdigest(),
    )


def _parse(raw: bytes, fmt: str, default_id: str | None) -> Story:
    text = _decode(raw)
    kind = _sniff(text) if fmt == "auto" else fmt
    if kind in ("json", "jsonl"):
        return _from_json(text, ninjs=None, default_id=default_id)
    if kind == "ninjs":
        return _from_json(text, ninjs=True, default_id=default_id)
    if kind == "xml":
        return _from_xml_auto(text, default_id)
    if kind in _XML_READERS:
        return _XML_READERS[kind](text, default_id=default_id)
    if fmt == "auto" and (problem := _json_scalar_problem(text)) is not None:
        raise FormatError(problem)
    return _from_text(text, raw, default_id=default_id)


def parse(raw: bytes, *, fmt: str = "auto", max_bytes: int = 1_000_000, default_id: str | None = None) -> Story:
    """Parse one raw message into a Story.

    ``fmt="auto"`` picks JSON for ``{``/``[``, the XML reader named by the root
    element for markup (NewsML-G2, NITF, NewsML 1.2; any other root is refused),
    plain text otherwise (a lone JSON scalar is refused); JSON objects with ninjs
    keys are labelled ``ninjs``. ``default_id`` (typically the Kafka key) is used
    when the message carries no id.

    Raises only :class:`InputError` subclasses (``OversizedError``,
    ``DecodeError``, ``FormatError``, ``SchemaError``, ``EmptyStoryError``);
    an unknown ``fmt`` is a caller bug and raises ``ValueError``.
    """
    _check_format(fmt)
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise FormatError(f"expected message bytes, got {type(raw).__name__}")
    if len(raw) > max_bytes:
        raise OversizedError(f"message is {len(raw)} bytes (limit {max_bytes})")
    try:
        return _parse(bytes(raw), fmt, default_id)
    except InputError:
        raise
    except RecursionError:
        raise OversizedError("message is nested too deeply to process") from None
    except Exception as exc:  # every surprise is this message's problem, never the worker's
        raise FormatError(f"unparseable message ({type(exc).__name__}: {exc})"[:300]) from exc


def story_id(story_or_mapping: Story | Mapping[str, object]) -> str | None:
    """The id a Story or a decoded JSON story carries (``id``, ninjs ``uri`` or ``guid``), if any."""
    if isinstance(story_or_mapping, Story):
        return story_or_mapping.id
    for key in ("id", "uri", "guid"):
        try:
            found = coerce_id(story_or_mapping.get(key), key)
        except InputError:
            continue
        if found:
            return found
    return None


# Splitting only needs where each value ends: integers stay digit strings, so one longer than
# Python's integer-digits limit is reported by parse() for its own item instead of failing the file.
_SPLIT_DECODER = json.JSONDecoder(parse_int=str)


def _json_array_items(text: str) -> list[str] | None:
    """Each element's original text when ``text`` is one JSON array, else None."""
    index = text.index("[") + 1
    items: list[str] = []
    length = len(text)
    while True:
        while index < length and text[index].isspace():
            index += 1
        if index < length and text[index] == "]" and not items:
            index += 1
            break
        try:
            _, end = _SPLIT_DECODER.raw_decode(text, index)
        except (json.JSONDecodeError, RecursionError):
            return None
        items.append(text[index:end])
        index = end
        while index < length and text[index].isspace():
            index += 1
        if index < length and text[index] == ",":
            index += 1
            continue
        if index < length and text[index] == "]":
            index += 1
            break
        return None
    return items if not text[index:].strip() else None


def _is_one_json_document(text: str) -> bool:
    try:
        _SPLIT_DECODER.decode(text)
    except (json.JSONDecodeError, RecursionError):
        return False
    return True


def _has_json_object_line(text: str) -> bool:
    """Whether a multi-line text has a line that is a whole JSON object (so it is JSON lines)."""
    if "\n" not in text:
        return False
    for line in text.split("\n"):
        line = line.strip()
        if line.startswith("{") and line.endswith("}"):
            try:
                if isinstance(_SPLIT_DECODER.decode(line), dict):
                    return True
            except (json.JSONDecodeError, RecursionError):
                continue
    return False


def _json_lines(data: bytes, fmt: str) -> Iterator[tuple[bytes, str]]:
    for number, line in enumerate(data.split(b"\n")):
        if number == 0 and line[:3] == _BOM:
            line = line[3:]
        line = line.rstrip(b"\r")
        if line.strip():
            yield line, fmt


def _split_xml(data: bytes, text: str, kind: str) -> Iterator[tuple[bytes, str]]:
    """One message per NewsML-G2 ``newsItem`` or NewsML 1.2 ``NewsItem``; any other XML whole."""
    try:
        root = read_xml(text)
    except InputError:
        yield data, "newsml" if kind == "xml" else kind
        return
    label = _XML_ROOTS.get(local(root.tag), ("auto", None))[0] if kind == "xml" else kind
    splitter = {"newsml": newsml.split_items, "newsml1": newsml1.split_newsitems}.get(label)
    try:
        pieces = splitter(text) if splitter else [text]
    except InputError:
        pieces = [text]
    if pieces == [text]:
        yield data, label  # the original bytes, so a declared encoding still holds
        return
    for piece in pieces:
        yield piece.encode("utf-8"), label


def split_file(data: bytes, *, fmt: str = "auto", name: str = "<stdin>") -> Iterator[tuple[bytes, str]]:
    """Cut a file's bytes into ``(raw message, format)`` pairs for :func:`parse`.

    A JSON array yields each element's own text, JSON lines each non-blank line,
    a single JSON object itself, a NewsML-G2 ``newsMessage`` one XML document per
    ``newsItem``, a NewsML 1.2 document one per ``NewsItem``, other XML (NITF)
    the whole file, and anything else the whole file as one text story. Pieces
    that cannot be split (invalid JSON, broken XML, invalid UTF-8) are yielded
    raw so that parsing them reports, and dead-letters, the error.
    """
    _check_format(fmt, name)
    if fmt == "jsonl":
        yield from _json_lines(data, "json")
        return
    if fmt == "text":
        yield data, "text"
        return
    try:
        text = _decode(data)
    except DecodeError:
        # Only JSON lines can still be salvaged line by line; elsewhere the whole file is the message.
        if fmt in ("json", "ninjs") or (fmt == "auto" and data.lstrip(_BOM + b" \t\r\n")[:1] == b"{"):
            yield from _json_lines(data, "json" if fmt == "auto" else fmt)
        else:
            yield data, "text" if fmt == "auto" else fmt
        return
    kind = _sniff(text) if fmt == "auto" else fmt
    if kind == "xml" or kind in XML_FORMATS:
        yield from _split_xml(data, text, kind)
        return
    if kind == "text":
        # A file that is one JSON scalar (``42``, ``null``) goes to the JSON reader, which refuses it by name.
        yield data, "json" if fmt == "auto" and _json_scalar_problem(text) is not None else "text"
        return
    stripped = text.strip()
    if stripped.startswith("["):
        items = _json_array_items(stripped)
        if items is not None:
            for item in items:
                yield item.encode("utf-8"), kind
            return
    if _is_one_json_document(stripped):
        yield data, kind
        return
    if _has_json_object_line(stripped):
        yield from _json_lines(data, kind)
    else:
        yield data, kind  # one broken document: one dead letter, not one per line
