"""Stories from NITF 3.x (News Industry Text Format) documents, ``<nitf>`` at the root.

NITF is the article format many agencies still send on its own, and the body that
NewsML 1.2 ``DataContent`` and NewsML-G2 ``inlineXML`` most often carry, so
:func:`nitf_body` is shared with those readers. What is read:

- headline: ``body.head/hedline/hl1``, else ``head/title``;
- body: the paragraphs of ``body.content`` (``p``, ``hl2`` subheads, lists, tables), without
  ``media`` (photo references and their captions belong to the photo, not the story);
- language: ``xml:lang``, else ``nitf@baselang``; id: ``docdata/doc-id@id-string``;
- version: ``docdata/du-key@version``; time: ``docdata/date.issue@norm``;
- urgency: ``docdata/urgency@ed-urg``; status: ``docdata@management-status``
  (``embargoed`` counts as withheld: not for use yet);
- subjects: ``tobject.subject@tobject.subject.refnum`` as IPTC subject codes (``subj:``),
  named by the most specific of detail, matter and type;
- places: ``docdata/evloc`` (``iso-cc`` is the code; the name is the most specific of city,
  county-dist, state-prov);
- dateline: ``body.head/dateline`` (:func:`nitf_dateline`), which the body does not repeat.
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
from stream.formats.html import clean_text, one_line
from stream.formats.xmltree import XML_LANG, child, children, descendants, local, markup_text, plain, read_xml
from stream.story import ProviderPlace, ProviderSubject, Story

__all__ = ["from_element", "from_nitf", "nitf_body", "nitf_dateline", "nitf_headline", "read_nitf"]

_MAX_MAJOR = 2**31 - 1
_BLOCKS = frozenset({"hl1", "hl2", "nitf-table", "block", "note", "fn", "bq", "credit"})
_SKIP = frozenset({"media", "nitf-table-metadata"})
_STATUS = {"usable": "usable", "embargoed": "withheld", "withheld": "withheld", "canceled": "canceled", "cancelled": "canceled"}


def nitf_body(nitf: ET.Element) -> str:
    """The paragraphs of every ``body.content`` of a ``<nitf>`` element."""
    body = child(nitf, "body")
    parts = [markup_text(content, blocks=_BLOCKS, skip=_SKIP) for content in children(body, "body.content")]
    return "\n\n".join(part for part in parts if part)


def nitf_headline(nitf: ET.Element) -> str:
    """``hedline/hl1`` (every ``hl1``, joined), else the ``head/title``."""
    hedline = child(child(child(nitf, "body"), "body.head"), "hedline")
    headline = " ".join(filter(None, (plain(hl1) for hl1 in children(hedline, "hl1"))))
    return headline or plain(child(child(nitf, "head"), "title"))


def nitf_dateline(nitf: ET.Element) -> str | None:
    """``body.head/dateline``: its ``location`` parts (city, state, region, country) joined with commas when it has
    them, else its text ("Unnao", "BAKU, Oct. 8")."""
    dateline = child(child(child(nitf, "body"), "body.head"), "dateline")
    if dateline is None:
        return None
    location = child(dateline, "location")
    parts = [plain(child(location, name)) for name in ("city", "state", "region", "country")]
    if any(parts):
        return ", ".join(filter(None, parts))
    # Without its story.date: EFE sends only the date there ("20170102T222800+0000").
    text = [dateline.text or ""]
    for elem in dateline:
        if local(elem.tag) != "story.date":
            text.append("".join(elem.itertext()))
        text.append(elem.tail or "")
    return one_line(clean_text("".join(text), entities=False)) or None


def _text(elem: ET.Element | None, attribute: str) -> str | None:
    if elem is None:
        return None
    value = elem.get(attribute)
    return value.strip() if value and value.strip() else None


def _status(docdata: ET.Element | None) -> str:
    given = _text(docdata, "management-status")
    if given is None:
        return "usable"
    return coerce_pubstatus(_STATUS.get(given.lower(), given), "docdata@management-status")


def _subjects(head: ET.Element | None) -> Iterator[ProviderSubject]:
    for subject in descendants(child(head, "tobject"), "tobject.subject"):
        refnum = _text(subject, "tobject.subject.refnum")
        if not refnum:
            continue
        code = refnum if ":" in refnum else f"subj:{refnum}"
        name = next(filter(None, (_text(subject, f"tobject.subject.{part}") for part in ("detail", "matter", "type"))), None)
        yield ProviderSubject(code=clean_text(code), name=one_line(clean_text(name)) if name else None)


def _places(docdata: ET.Element | None) -> Iterator[ProviderPlace]:
    for evloc in children(docdata, "evloc"):
        code = place_code(_text(evloc, "iso-cc"))
        name = next(filter(None, (_text(evloc, key) for key in ("city", "county-dist", "state-prov"))), None)
        name = one_line(clean_text(name)) if name else code
        if name:
            yield ProviderPlace(name=name, code=code)


def read_nitf(nitf: ET.Element, *, default_id: str | None, source_format: str = "nitf") -> Story:
    """A Story from a parsed ``<nitf>`` element."""
    head = child(nitf, "head")
    docdata = child(head, "docdata")
    urgency = child(docdata, "urgency")
    issued = child(docdata, "date.issue")
    language = nitf.get(XML_LANG) or nitf.get("baselang")
    return assemble(
        story_id=coerce_id(_text(child(docdata, "doc-id"), "id-string"), "docdata/doc-id@id-string"),
        default_id=default_id,
        headline=nitf_headline(nitf),
        body=nitf_body(nitf),
        version=coerce_int(_text(child(docdata, "du-key"), "version"), "docdata/du-key@version", lo=0, hi=_MAX_MAJOR),
        language=coerce_language(language, "nitf@baselang"),
        versioncreated=coerce_versioncreated(_text(issued, "norm"), "docdata/date.issue@norm"),
        urgency=coerce_int(_text(urgency, "ed-urg"), "docdata/urgency@ed-urg", lo=0, hi=9),
        pubstatus=_status(docdata),
        subjects=_subjects(head),
        places=_places(docdata),
        source_format=source_format,
        dateline=nitf_dateline(nitf),
    )


def from_nitf(text: str, *, default_id: str | None = None) -> Story:
    """Build a Story from an NITF document."""
    return from_element(read_xml(text), default_id=default_id)


def from_element(root: ET.Element, *, default_id: str | None = None) -> Story:
    """Build a Story from a parsed ``<nitf>`` element."""
    if local(root.tag) != "nitf":
        raise FormatError(f"XML root is <{local(root.tag)}>, expected an NITF <nitf> document")
    return read_nitf(root, default_id=default_id)
