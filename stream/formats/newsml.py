"""Stories from IPTC NewsML-G2 ``newsItem`` XML, parsed with defusedxml (see :mod:`xmltree`).

A ``newsItem`` is one story version; a ``newsMessage`` carries several (split them with
:func:`split_items`). Package, concept, planning, knowledge and catalog items carry no
story text and are refused with their name. The body is the ``contentSet``'s inline XML
(NITF read as NITF, XHTML as paragraphs) or inline data; a picture or video item has none,
so its ``contentMeta/description`` (caption, summary, shot list) is its text. Subjects
of type ``cpnat:geoArea`` are places, not topics, and join the ``located`` places (marked as the origin:
where the content was filed from, not what it is about). ``contentMeta/dateline`` ("MOSCOW, Monday (Reuters)") is
the story's printed dateline, which the body does not repeat.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from stream.errors import FormatError
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
from stream.formats.html import html_to_text, one_line, text_or_html
from stream.formats.nitf import nitf_body
from stream.formats.xmltree import XML_LANG, child, children, local, markup_text, plain, read_xml
from stream.story import ProviderPlace, ProviderSubject, Story

__all__ = ["G2_ITEMS", "G2_OTHER_ITEMS", "NAR_NAMESPACE", "from_element", "from_xml", "read_xml", "split_items"]

NAR_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
# NewsML-G2 items that are not news: what each carries instead of a story.
G2_OTHER_ITEMS = {
    "packageItem": "a NewsML-G2 package carries references to items, not story text",
    "conceptItem": "a NewsML-G2 concept item describes a concept, not a story",
    "knowledgeItem": "a NewsML-G2 knowledge item carries concepts, not a story",
    "planningItem": "a NewsML-G2 planning item announces coverage, not a story",
    "catalogItem": "a NewsML-G2 catalog item lists vocabularies, not a story",
}
# Every root element this module answers for.
G2_ITEMS = frozenset({"newsItem", "newsMessage", *G2_OTHER_ITEMS})
_MAX_MAJOR = 2**31 - 1
_GEO_AREA = "cpnat:geoArea"
_COUNTRY_TYPES = ("cptype:country", "cpnat:country")


def _items(root: ET.Element) -> list[ET.Element]:
    name = local(root.tag)
    if name == "newsItem":
        return [root]
    if name in G2_OTHER_ITEMS:
        raise FormatError(f"unsupported XML root <{name}>: {G2_OTHER_ITEMS[name]}")
    if name != "newsMessage":
        raise FormatError(f"XML root is <{name}>, expected a NewsML-G2 newsItem or newsMessage")
    items = [elem for elem in root.iter() if local(elem.tag) == "newsItem"]
    if not items:
        others = sorted({local(elem.tag) for elem in root.iter() if local(elem.tag) in G2_OTHER_ITEMS})
        only = f" (only {', '.join(others)})" if others else ""
        raise FormatError(f"NewsML newsMessage holds no newsItem{only}")
    return items


def split_items(text: str) -> list[str]:
    """Each ``newsItem`` of a document as a standalone XML string (namespaces declared)."""
    root = read_xml(text)
    items = _items(root)
    if items == [root]:
        return [text]
    return [ET.tostring(item, encoding="unicode") for item in items]


def _body(item: ET.Element) -> str:
    content_set = child(item, "contentSet")
    inline_xml = child(content_set, "inlineXML")
    if inline_xml is not None:
        nitf = child(inline_xml, "nitf")
        return nitf_body(nitf) if nitf is not None else markup_text(inline_xml)
    inline_data = child(content_set, "inlineData")
    if inline_data is not None:
        data = inline_data.text or ""
        if "html" in (inline_data.get("contenttype") or "").lower():
            return html_to_text(data)
        return text_or_html(data)
    return ""


def _descriptions(meta: ET.Element | None) -> str:
    """Every ``description`` (caption, summary, script), one paragraph each: the text of media items.

    Plain descriptions are one paragraph whose line breaks are the XML file's wrapping, not the text's.
    """
    parts = []
    for description in children(meta, "description"):
        if len(description):
            parts.append(markup_text(description))
        else:
            parts.append(one_line(text_or_html(description.text or "")))
    return "\n\n".join(part for part in parts if part)


def _subjects(meta: ET.Element | None) -> Iterator[ProviderSubject]:
    for subject in children(meta, "subject"):
        if subject.get("type") == _GEO_AREA:
            continue
        code = subject_code(subject.get("qcode"), uri=subject.get("uri"))
        if code:
            yield ProviderSubject(code=code, name=plain(child(subject, "name")) or None)


def _country_code(concept: ET.Element) -> str | None:
    """The concept's own ISO 3166 code, else that of a broader concept that is a country."""
    code = place_code(concept.get("qcode"), concept.get("uri"))
    if code:
        return code
    for broader in children(concept, "broader"):
        code = place_code(broader.get("qcode"), broader.get("uri"))
        if code and (broader.get("type") in _COUNTRY_TYPES or broader.get("type") is None):
            return code
    return None


def _places(meta: ET.Element | None) -> Iterator[ProviderPlace]:
    # ``located`` is where the content originates (Reuters: the editing desk), a geoArea subject what it is about.
    concepts = [(located, True) for located in children(meta, "located")]
    concepts += [(subject, False) for subject in children(meta, "subject") if subject.get("type") == _GEO_AREA]
    for concept, origin in concepts:
        code = _country_code(concept)
        name = plain(child(concept, "name")) or code or ""
        if name:
            yield ProviderPlace(name=name, code=code, origin=origin)


def from_xml(text: str, *, default_id: str | None = None) -> Story:
    """Build a Story from a ``newsItem`` (or a ``newsMessage`` holding exactly one)."""
    return from_element(read_xml(text), default_id=default_id)


def from_element(root: ET.Element, *, default_id: str | None = None) -> Story:
    """Build a Story from a parsed ``newsItem`` (or ``newsMessage`` holding exactly one) element."""
    items = _items(root)
    if len(items) > 1:
        raise FormatError(f"NewsML newsMessage holds {len(items)} newsItems; publish one message per newsItem")
    item = items[0]
    item_meta = child(item, "itemMeta")
    content_meta = child(item, "contentMeta")
    status = child(item_meta, "pubStatus")
    urgency = child(content_meta, "urgency")
    language = child(content_meta, "language")
    headline = child(content_meta, "headline")
    created = child(item_meta, "versionCreated")
    return assemble(
        story_id=coerce_id(item.get("guid"), "newsItem@guid"),
        default_id=default_id,
        headline=plain(headline),
        body=_body(item) or _descriptions(content_meta),
        version=coerce_int(item.get("version"), "newsItem@version", lo=0, hi=_MAX_MAJOR),
        language=coerce_language(language.get("tag") if language is not None else item.get(XML_LANG), "contentMeta/language@tag"),
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
        dateline=plain(child(content_meta, "dateline")) or None,
    )
