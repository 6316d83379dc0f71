"""Stories from NewsML 1.2 (``<NewsML>`` at the root), the envelope AFP and others still send.

A NewsML 1.2 document holds one or more ``NewsItem``; each is one story version.
:func:`split_newsitems` gives each its own document (with the envelope, whose
``Priority`` is the urgency fallback), as NewsML-G2 ``newsMessage`` files are split.
What is read, per ``NewsItem``:

- id: ``urn:newsml:<ProviderId>:<DateId>:<NewsItemId>``, i.e. the ``PublicIdentifier``
  without its revision, because the id must stay the same across versions for alerts
  to update, not repeat; the ``PublicIdentifier`` as given when the parts are missing;
- version: ``RevisionId``; time: ``ThisRevisionCreated``, else ``FirstCreated``;
- status: ``Status@FormalName`` (Usable, Withheld, Canceled; Embargoed counts as withheld);
- urgency: ``Urgency@FormalName``, else the envelope's ``Priority``;
- headline: the first ``NewsLines/HeadLine``; dateline: the first ``NewsLines/DateLine``; language: ``Language@FormalName``, else the item's ``xml:lang``,
  else the first component's;
- body: the ``DataContent`` of the component whose ``Role`` is Main or Body (after a Lead beside it), else of the
  first text ``ContentItem`` that is no style sheet or headline part (NITF read as NITF, XHTML or plain text);
- subjects: ``SubjectCode`` ``Subject``/``SubjectMatter``/``SubjectDetail@FormalName`` (``subj:``);
- places: ``Location`` ``Property`` City, CountryArea, Country (an alpha-2 ``Country`` is the code).
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
)
from stream.formats.html import clean_text, one_line, text_or_html
from stream.formats.nitf import nitf_body
from stream.formats.xmltree import XML_LANG, child, children, descendants, local, markup_text, plain, read_xml
from stream.story import ProviderPlace, ProviderSubject, Story

__all__ = ["from_element", "from_newsml1", "split_newsitems"]

_MAX_MAJOR = 2**31 - 1
_STATUS = {"embargoed": "withheld", "cancelled": "canceled"}
_SUBJECT_LEVELS = ("Subject", "SubjectMatter", "SubjectDetail")
_PLACE_LEVELS = ("City", "CountryArea", "Country")
# Component roles that hold the story's text, and roles that hold something else (read only when nothing else is text).
_BODY_ROLES = frozenset({"main", "body", "lead"})
_NOT_BODY_ROLES = frozenset({"stylesheet", "headline", "subheadline", "title", "contact", "caption", "logo", "short"})
_NOT_PROSE = frozenset({"text/css", "text/javascript", "application/javascript"})
_MARKUP = frozenset({"text/vnd.iptc.nitf", "application/nitf+xml", "text/xhtml", "application/xhtml+xml", "text/html"})


def _items(root: ET.Element) -> list[ET.Element]:
    if local(root.tag) != "NewsML":
        raise FormatError(f"XML root is <{local(root.tag)}>, expected a NewsML 1.2 <NewsML> document")
    items = list(children(root, "NewsItem"))
    if not items:
        raise FormatError("NewsML 1.2 document holds no NewsItem")
    return items


def split_newsitems(text: str) -> list[str]:
    """Each ``NewsItem`` as a NewsML document of its own (with the envelope)."""
    root = read_xml(text)
    items = _items(root)
    if len(items) == 1:
        return [text]
    envelope = child(root, "NewsEnvelope")
    pieces = []
    for item in items:
        single = ET.Element(root.tag, root.attrib)
        if envelope is not None:
            single.append(envelope)
        single.append(item)
        pieces.append(ET.tostring(single, encoding="unicode"))
    return pieces


def _formal(elem: ET.Element | None) -> str | None:
    value = elem.get("FormalName") if elem is not None else None
    return value.strip() if value and value.strip() else None


def _first(parent: ET.Element | None, name: str) -> ET.Element | None:
    return next(descendants(parent, name), None)


def _story_id(identifier: ET.Element | None) -> str | None:
    parts = [plain(child(identifier, name)) for name in ("ProviderId", "DateId", "NewsItemId")]
    if all(parts):
        return coerce_id("urn:newsml:" + ":".join(parts), "NewsIdentifier")
    return coerce_id(plain(child(identifier, "PublicIdentifier")) or None, "NewsIdentifier/PublicIdentifier")


def _role(component: ET.Element) -> str:
    return (_formal(child(component, "Role")) or "").lower()


def _text_items(component: ET.Element | None) -> Iterator[ET.Element]:
    """``DataContent`` of the component's own text ``ContentItem``s, less style sheets and scripts, which are
    MediaType text too."""
    for content in children(component, "ContentItem"):
        media = _formal(child(content, "MediaType"))
        mime = (_formal(child(content, "MimeType")) or "").lower()
        data = child(content, "DataContent")
        if data is None or mime in _NOT_PROSE:
            continue
        if media is not None and media.lower() != "text" and mime not in _MARKUP:  # TASS: ComplexData, NITF
            continue
        yield data


def _content_text(data: ET.Element) -> str:
    markup = next(iter(data), None)
    if markup is not None and local(markup.tag) == "nitf":
        return nitf_body(markup)
    if markup is not None:
        return markup_text(data)
    return text_or_html(data.text or "")


def _role_body(component: ET.Element) -> str | None:
    """The text of the first story part (``Role`` Main, Body or Lead) found depth-first: the lead and body parts
    side by side under one component (Belga: Title, Lead, Body per language) are joined, lead first."""
    parts = list(children(component, "NewsComponent"))
    texts = [_content_text(d) for c in parts if _role(c) in _BODY_ROLES for d in _text_items(c)]
    if any(texts):
        return "\n\n".join(t for t in texts if t)
    if _role(component) in _BODY_ROLES:
        own = [_content_text(d) for d in _text_items(component)]
        if any(own):
            return "\n\n".join(t for t in own if t)
    for part in parts:
        found = _role_body(part)
        if found:
            return found
    return None


def _body(component: ET.Element | None) -> str:
    """The story's text: its Main/Body/Lead parts when components carry roles, else the first text ``ContentItem``
    that is no style sheet, headline, contact or caption part (Business Wire sends its CSS first)."""
    if component is None:
        return ""
    found = _role_body(component)
    if found is not None:
        return found
    fallback = None
    for part in (component, *descendants(component, "NewsComponent")):
        for data in _text_items(part):
            if _role(part) not in _NOT_BODY_ROLES:
                return _content_text(data)
            if fallback is None:
                fallback = data
    return _content_text(fallback) if fallback is not None else ""


def _component_lang(component: ET.Element | None) -> str | None:
    """The first ``xml:lang`` of the component or a component in it."""
    for part in (component, *descendants(component, "NewsComponent")) if component is not None else ():
        if part.get(XML_LANG):
            return part.get(XML_LANG)
    return None


def _subjects(component: ET.Element | None) -> Iterator[ProviderSubject]:
    for code_set in descendants(component, "SubjectCode"):
        for elem in code_set:
            code = _formal(elem) if local(elem.tag) in _SUBJECT_LEVELS else None
            if code:
                yield ProviderSubject(code=clean_text(code if ":" in code else f"subj:{code}"))


def _places(component: ET.Element | None) -> Iterator[ProviderPlace]:
    for location in descendants(component, "Location"):
        values: dict[str, str] = {}
        for prop in children(location, "Property"):
            name, value = prop.get("FormalName"), (prop.get("Value") or "").strip()
            if name in _PLACE_LEVELS and value:
                values.setdefault(name, one_line(clean_text(value)))
        code = place_code(values.get("Country"))
        label = next((values[level] for level in _PLACE_LEVELS if level in values), None)
        if label:
            yield ProviderPlace(name=label, code=code)


def from_newsml1(text: str, *, default_id: str | None = None) -> Story:
    """Build a Story from a NewsML 1.2 document holding one ``NewsItem``."""
    return from_element(read_xml(text), default_id=default_id)


def from_element(root: ET.Element, *, default_id: str | None = None) -> Story:
    """Build a Story from a parsed ``<NewsML>`` element holding one ``NewsItem``."""
    items = _items(root)
    if len(items) > 1:
        raise FormatError(f"NewsML 1.2 document holds {len(items)} NewsItems; publish one message per NewsItem")
    item = items[0]
    identifier = child(child(item, "Identification"), "NewsIdentifier")
    management = child(item, "NewsManagement")
    component = child(item, "NewsComponent")
    created = child(management, "ThisRevisionCreated")
    if created is None:
        created = child(management, "FirstCreated")
    status = _formal(child(management, "Status"))
    urgency = _formal(child(management, "Urgency")) or _formal(child(child(root, "NewsEnvelope"), "Priority"))
    # Belga writes the language only as xml:lang on its NewsComponents.
    language = _formal(_first(component, "Language")) or item.get(XML_LANG) or _component_lang(component)
    return assemble(
        story_id=_story_id(identifier),
        default_id=default_id,
        headline=plain(_first(component, "HeadLine")),
        body=_body(component),
        version=coerce_int(plain(child(identifier, "RevisionId")), "NewsIdentifier/RevisionId", lo=0, hi=_MAX_MAJOR),
        language=coerce_language(language, "DescriptiveMetadata/Language@FormalName"),
        versioncreated=coerce_versioncreated(plain(created), "NewsManagement/ThisRevisionCreated"),
        urgency=coerce_int(urgency, "NewsManagement/Urgency@FormalName", lo=0, hi=9),
        pubstatus=coerce_pubstatus(_STATUS.get(status.lower(), status) if status else None, "NewsManagement/Status@FormalName"),
        subjects=_subjects(component),
        places=_places(component),
        source_format="newsml1",
        dateline=plain(_first(component, "DateLine")) or None,
    )
