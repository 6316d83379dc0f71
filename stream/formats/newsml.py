"""Stories from IPTC NewsML-G2 ``newsItem`` XML, parsed with defusedxml.

DTDs, entity declarations and external references are refused outright, so
entity-expansion bombs ("billion laughs") and external-entity reads never run;
the error says which of them was found. Elements are matched by local name, so
documents with or without the NAR namespace
(``http://iptc.org/std/nar/2006-10-01/``) both parse.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import defusedxml  # type: ignore[import-untyped,unused-ignore]
import defusedxml.ElementTree as SafeET  # type: ignore[import-untyped,unused-ignore]

from stream.errors import FormatError, OversizedError
from stream.formats.fields import (
    assemble,
    coerce_id,
    coerce_int,
    coerce_language,
    coerce_pubstatus,
    coerce_versioncreated,
    place_code,
    subject_code,
)
from stream.formats.html import BLOCK_TAGS, SKIP_TAGS, ParagraphSink, clean_text, html_to_text, one_line, text_or_html
from stream.story import ProviderPlace, ProviderSubject, Story

__all__ = ["NAR_NAMESPACE", "from_xml", "read_xml", "split_items"]

NAR_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_MAX_BODY_DEPTH = 64
_MAX_MAJOR = 2**31 - 1


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def read_xml(text: str) -> ET.Element:
    """Parse XML text safely; every refusal or syntax error becomes a :class:`FormatError`."""
    try:
        root: ET.Element = SafeET.fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DTDForbidden:
        raise FormatError("XML with a DTD (<!DOCTYPE ...>) is refused: DTDs and entity declarations are not allowed") from None
    except defusedxml.EntitiesForbidden as exc:
        raise FormatError(f"XML entity declaration '{exc.name}' is refused (no entity expansion)") from None
    except defusedxml.ExternalReferenceForbidden:
        raise FormatError("XML external reference is refused (no external entities)") from None
    except ET.ParseError as exc:
        raise FormatError(f"XML is not well-formed: {exc}") from None
    except defusedxml.DefusedXmlException as exc:
        raise FormatError(f"XML construct refused: {exc}") from None
    return root


def _items(root: ET.Element) -> list[ET.Element]:
    name = _local(root.tag)
    if name == "newsItem":
        return [root]
    if name != "newsMessage":
        raise FormatError(f"XML root is <{name}>, expected a NewsML-G2 newsItem or newsMessage")
    items = [elem for elem in root.iter() if _local(elem.tag) == "newsItem"]
    if not items:
        raise FormatError("NewsML newsMessage holds no newsItem")
    return items


def split_items(text: str) -> list[str]:
    """Each ``newsItem`` of a document as a standalone XML string (namespaces declared)."""
    root = read_xml(text)
    items = _items(root)
    if items == [root]:
        return [text]
    return [ET.tostring(item, encoding="unicode") for item in items]


def _child(parent: ET.Element | None, name: str) -> ET.Element | None:
    if parent is not None:
        for child in parent:
            if _local(child.tag) == name:
                return child
    return None


def _children(parent: ET.Element | None, name: str) -> Iterator[ET.Element]:
    if parent is not None:
        for child in parent:
            if _local(child.tag) == name:
                yield child


def _plain(elem: ET.Element | None) -> str:
    return one_line(clean_text("".join(elem.itertext()), entities=False)) if elem is not None else ""


def _walk(elem: ET.Element, sink: ParagraphSink, depth: int) -> None:
    if depth > _MAX_BODY_DEPTH:
        raise OversizedError(f"NewsML body markup is nested deeper than {_MAX_BODY_DEPTH} levels")
    name = _local(elem.tag)
    if name in SKIP_TAGS:
        return
    block = name in BLOCK_TAGS
    if block:
        sink.brk()
    sink.add(elem.text or "")
    for child in elem:
        _walk(child, sink, depth + 1)
        sink.add(child.tail or "")
    if block:
        sink.brk()


def _body(item: ET.Element) -> str:
    content_set = _child(item, "contentSet")
    inline_xml = _child(content_set, "inlineXML")
    if inline_xml is not None:
        sink = ParagraphSink()
        _walk(inline_xml, sink, 0)
        return clean_text(sink.result(), entities=False)
    inline_data = _child(content_set, "inlineData")
    if inline_data is not None:
        data = inline_data.text or ""
        if "html" in (inline_data.get("contenttype") or "").lower():
            return html_to_text(data)
        return text_or_html(data)
    return ""


def _subjects(meta: ET.Element | None) -> Iterator[ProviderSubject]:
    for subject in _children(meta, "subject"):
        code = subject_code(subject.get("qcode"), uri=subject.get("uri"))
        if code:
            yield ProviderSubject(code=code, name=_plain(_child(subject, "name")) or None)


def _places(meta: ET.Element | None) -> Iterator[ProviderPlace]:
    for located in _children(meta, "located"):
        qcode = located.get("qcode") or located.get("uri")
        code = place_code(qcode)
        name = _plain(_child(located, "name")) or code or ""
        if name:
            yield ProviderPlace(name=name, code=code)


def from_xml(text: str, *, default_id: str | None = None) -> Story:
    """Build a Story from a ``newsItem`` (or a ``newsMessage`` holding exactly one)."""
    items = _items(read_xml(text))
    if len(items) > 1:
        raise FormatError(f"NewsML newsMessage holds {len(items)} newsItems; publish one message per newsItem")
    item = items[0]
    item_meta = _child(item, "itemMeta")
    content_meta = _child(item, "contentMeta")
    status = _child(item_meta, "pubStatus")
    urgency = _child(content_meta, "urgency")
    language = _child(content_meta, "language")
    headline = _child(content_meta, "headline")
    created = _child(item_meta, "versionCreated")
    return assemble(
        story_id=coerce_id(item.get("guid"), "newsItem@guid"),
        default_id=default_id,
        headline=_plain(headline),
        body=_body(item),
        version=coerce_int(item.get("version"), "newsItem@version", lo=0, hi=_MAX_MAJOR),
        language=coerce_language(
            language.get("tag") if language is not None else item.get(_XML_LANG), "contentMeta/language@tag"
        ),
        versioncreated=coerce_versioncreated(created.text if created is not None else None, "itemMeta/versionCreated"),
        urgency=coerce_int(
            urgency.text.strip() if urgency is not None and urgency.text else None,
            "contentMeta/urgency",
            lo=0,
            hi=9,
        ),
        pubstatus=coerce_pubstatus(status.get("qcode") if status is not None else None, "itemMeta/pubStatus@qcode"),
        subjects=_subjects(content_meta),
        places=_places(content_meta),
        source_format="newsml",
    )
