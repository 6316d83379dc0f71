"""What every XML reader shares: safe parsing, encodings, element lookup by local name, body text.

Parsing goes through defusedxml: entity declarations (internal or external, general or
parameter) and external references are refused outright, so entity-expansion bombs
("billion laughs") and external-entity reads never run; the error says which was found.
A document type declaration that only names its DTD (``<!DOCTYPE nitf SYSTEM
"nitf-3-2.dtd">``, as NITF and NewsML 1.2 files from agencies carry) is read: the DTD is
never fetched, and an entity the document uses without declaring it is a syntax error. Elements are matched by local
name, so documents with or without a namespace (NewsML-G2's NAR, NITF's) parse alike.

Encodings: XML names its own (``<?xml version="1.0" encoding="ISO-8859-1"?>``) or comes
with a UTF-16/UTF-32 byte order mark. :func:`decode_xml` honours both with Python's
codecs (expat alone knows only four encodings), and the text it returns is then parsed
as text, which makes expat ignore the declaration it has already been decoded by. A
document that declares a single-byte Western encoding (ISO-8859-1, -15, windows-1252) but
whose bytes are valid UTF-8 with multi-byte sequences is read as UTF-8: agency feeds re-wrap
UTF-8 copy under a stale declaration (``KÃ¸benhavn`` for ``København`` otherwise), and
Latin-1 text that happens to be valid UTF-8 needs pairs like "Ã©" on purpose.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import defusedxml  # type: ignore[import-untyped,unused-ignore]
import defusedxml.ElementTree as SafeET  # type: ignore[import-untyped,unused-ignore]

from stream.errors import DecodeError, FormatError, OversizedError
from stream.formats.html import BLOCK_TAGS, SKIP_TAGS, ParagraphSink, clean_text, one_line

__all__ = [
    "BOMS",
    "XML_LANG",
    "child",
    "children",
    "decode_xml",
    "descendants",
    "local",
    "markup_text",
    "plain",
    "read_xml",
]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_MAX_BODY_DEPTH = 64
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._:-]{0,39})["']""")
_UTF8_NAMES = frozenset({"utf-8", "utf8", "utf_8"})
# Codecs (Python's names) a stale declaration names over UTF-8 bytes: see the module docstring.
_STALE_SINGLE_BYTE = frozenset({"latin-1", "iso8859-1", "iso8859-15", "cp1252"})


def decode_xml(raw: bytes) -> str | None:
    """The text of an XML document that declares a non-UTF-8 encoding, else None (read it as UTF-8).

    Raises :class:`FormatError` for an encoding Python does not know and
    :class:`DecodeError` for bytes that are invalid in the declared encoding.
    """
    match = _DECLARED.match(raw[:512])
    if match is None:
        return None
    name = match.group(1).decode("ascii")
    if name.lower() in _UTF8_NAMES:
        return None
    try:
        codec = codecs.lookup(name)
    except LookupError:
        raise FormatError(f"XML declares an unsupported encoding {name!r}") from None
    if codec.name.startswith(("utf-16", "utf-32")):
        # A UTF-16 document whose declaration reads as ASCII has no BOM and is really 8-bit: refuse.
        raise DecodeError(f"XML declares {name} but is not encoded in it (no byte order mark)")
    if codec.name in _STALE_SINGLE_BYTE and not raw.isascii():
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass  # really single-byte text
    try:
        return raw.decode(codec.name)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {name} at byte {exc.start}: {exc.reason}") from None


def read_xml(text: str) -> ET.Element:
    """Parse XML text safely; every refusal or syntax error becomes a :class:`FormatError`."""
    try:
        root: ET.Element = SafeET.fromstring(text, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as exc:
        raise FormatError(
            f"XML entity declaration '{exc.name}' in a DTD (<!DOCTYPE ...>) is refused (no entity expansion)"
        ) from None
    except defusedxml.ExternalReferenceForbidden:
        raise FormatError("XML external reference is refused (no external entities)") from None
    except ET.ParseError as exc:
        raise FormatError(f"XML is not well-formed: {exc}") from None
    except defusedxml.DefusedXmlException as exc:
        raise FormatError(f"XML construct refused: {exc}") from None
    return root


def local(tag: object) -> str:
    """An element's name without its namespace (comments and processing instructions have none)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def child(parent: ET.Element | None, name: str) -> ET.Element | None:
    """The first direct child called ``name``."""
    if parent is not None:
        for elem in parent:
            if local(elem.tag) == name:
                return elem
    return None


def children(parent: ET.Element | None, name: str) -> Iterator[ET.Element]:
    """Every direct child called ``name``."""
    if parent is not None:
        for elem in parent:
            if local(elem.tag) == name:
                yield elem


def descendants(parent: ET.Element | None, name: str) -> Iterator[ET.Element]:
    """Every element called ``name`` below ``parent``, in document order."""
    if parent is not None:
        for elem in parent.iter():
            if elem is not parent and local(elem.tag) == name:
                yield elem


def plain(elem: ET.Element | None) -> str:
    """An element's text on one line (headlines, names)."""
    return one_line(clean_text("".join(elem.itertext()), entities=False)) if elem is not None else ""


def _walk(elem: ET.Element, sink: ParagraphSink, depth: int, blocks: frozenset[str], skip: frozenset[str]) -> None:
    if depth > _MAX_BODY_DEPTH:
        raise OversizedError(f"XML body markup is nested deeper than {_MAX_BODY_DEPTH} levels")
    name = local(elem.tag)
    if name in skip:
        return
    block = name in blocks
    if block:
        sink.brk()
    sink.add(elem.text or "")
    for sub in elem:
        _walk(sub, sink, depth + 1, blocks, skip)
        sink.add(sub.tail or "")
    if block:
        sink.brk()


def markup_text(elem: ET.Element, *, blocks: frozenset[str] = frozenset(), skip: frozenset[str] = frozenset()) -> str:
    """Reader-visible text of XHTML-like markup: paragraphs at block elements, one blank line apart.

    ``blocks`` adds a format's own block elements (NITF ``hl2``) to the HTML ones; the content
    of ``skip`` elements (NITF ``media``) is dropped along with ``<script>``, ``<head>``....
    """
    sink = ParagraphSink()
    _walk(elem, sink, 0, BLOCK_TAGS | blocks, SKIP_TAGS | skip)
    return clean_text(sink.result(), entities=False)
