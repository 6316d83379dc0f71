"""Bad input raises the right InputError subclass with a reason that names the problem."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stream.errors import (
    DecodeError,
    EmptyStoryError,
    FormatError,
    InputError,
    OversizedError,
    SchemaError,
)
from stream.formats.parse import FORMATS, parse
from stream.story import Story

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "parse"


def dumps(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def test_oversized_checked_before_decoding() -> None:
    with pytest.raises(OversizedError, match=r"message is 101 bytes \(limit 100\)"):
        parse(b"\xff" * 101, max_bytes=100)


def test_oversized_headline() -> None:
    with pytest.raises(OversizedError, match="field 'headline' is 20000 characters"):
        parse(dumps({"id": "x", "headline": "a" * 20_000}))


def test_too_many_list_entries() -> None:
    with pytest.raises(OversizedError, match="field 'subjects' has 1001 entries"):
        parse(dumps({"id": "x", "headline": "h", "subjects": ["medtop:1"] * 1001}))
    many = "".join(f"<subject qcode='medtop:{n}'/>" for n in range(1001))
    with pytest.raises(OversizedError, match="field 'subjects' has more than 1000 entries"):
        parse(f"<newsItem guid='x'><contentMeta><headline>h</headline>{many}</contentMeta></newsItem>".encode())


def test_oversized_id() -> None:
    with pytest.raises(OversizedError, match="field 'id' is 2000 characters long"):
        parse(dumps({"id": "i" * 2000, "headline": "h"}))


def test_deeply_nested_xhtml_body() -> None:
    deep = "<div>" * 70 + "x" + "</div>" * 70
    raw = f"<newsItem guid='x'><contentSet><inlineXML>{deep}</inlineXML></contentSet></newsItem>"
    with pytest.raises(OversizedError, match="nested deeper than 64 levels"):
        parse(raw.encode())


def test_deeply_nested_json() -> None:
    nested = "[" * 40 + "]" * 40
    with pytest.raises(OversizedError, match="nested deeper than 32 levels"):
        parse(('{"id": "x", "headline": "h", "junk": ' + nested + "}").encode())
    with pytest.raises(OversizedError, match="nested deeper than 32 levels"):
        parse(b'{"a":' * 100_000 + b"1" + b"}" * 100_000, max_bytes=10_000_000)


def test_nesting_at_the_limit_is_fine() -> None:
    nested = "[" * 30 + "]" * 30
    assert parse(('{"id": "x", "headline": "h", "junk": ' + nested + "}").encode()).id == "x"


@pytest.mark.parametrize(
    ("raw", "match"),
    [
        (b"\xff\xfeheadline", "invalid UTF-8 at byte 0"),
        (b'{"id": "x", "headline": "caf\xc3"}', "invalid UTF-8 at byte 28: invalid continuation byte"),
        ("Заголовок".encode("cp1251"), "invalid UTF-8"),
    ],
)
def test_invalid_utf8(raw: bytes, match: str) -> None:
    with pytest.raises(DecodeError, match=match) as info:
        parse(raw)
    assert info.value.reason == "invalid_utf8"


@pytest.mark.parametrize(
    ("raw", "fmt", "match"),
    [
        (b'{"id": "x", "headline": }', "auto", "invalid JSON at line 1 column 25"),
        (b"{not json", "auto", "invalid JSON"),
        (b"headline\nbody", "json", "invalid JSON at line 1 column 1"),
        (b"[1, 2]", "auto", "top-level JSON must be an object, got array"),
        (b'"just a string"', "ninjs", "top-level JSON must be an object, got str"),
        (b"<newsItem><unclosed></newsItem>", "auto", "XML is not well-formed: mismatched tag"),
        (b"plain words", "newsml", "XML is not well-formed"),
        (b'<?xml version="1.0"?><packageItem guid="p"/>', "auto", "unsupported XML root <packageItem>"),
        (b"<newsMessage><itemSet/></newsMessage>", "auto", "newsMessage holds no newsItem"),
        (
            b"<newsMessage><newsItem guid='a'/><newsItem guid='b'/></newsMessage>",
            "auto",
            "holds 2 newsItems",
        ),
    ],
)
def test_format_errors(raw: bytes, fmt: str, match: str) -> None:
    with pytest.raises(FormatError, match=match) as info:
        parse(raw, fmt=fmt)
    assert info.value.reason == "invalid_format"


def test_billion_laughs_is_refused() -> None:
    with pytest.raises(FormatError, match=r"DTD \(<!DOCTYPE ...>\) is refused"):
        parse((FIXTURES / "billion-laughs.xml").read_bytes())


def test_external_entity_is_refused() -> None:
    with pytest.raises(FormatError, match="DTD") as info:
        parse((FIXTURES / "external-entity.xml").read_bytes(), fmt="newsml")
    assert "passwd" not in str(info.value)


def test_undeclared_entity_is_not_well_formed() -> None:
    with pytest.raises(FormatError, match="undefined entity"):
        parse(b'<newsItem guid="x"><contentMeta><headline>&secret;</headline></contentMeta></newsItem>')


@pytest.mark.parametrize(
    ("obj", "match"),
    [
        ({"id": "x", "headline": 5}, "field 'headline' must be a string, got integer"),
        ({"id": "x", "headline": "h", "body": ["a"]}, "field 'body' must be a string, got array"),
        ({"id": "x", "headline": "h", "body_html": {"p": 1}}, "field 'body_html' must be a string"),
        ({"id": "x", "headline": "h", "urgency": 12}, "field 'urgency' must be between 0 and 9, got 12"),
        ({"id": "x", "headline": "h", "urgency": "soon"}, "field 'urgency' must be an integer 0..9"),
        ({"id": "x", "headline": "h", "urgency": 2.5}, "field 'urgency' must be an integer 0..9"),
        ({"id": "x", "headline": "h", "urgency": True}, "field 'urgency' must be an integer, got boolean"),
        ({"id": "x", "headline": "h", "version": "v2"}, "field 'version' must be an integer"),
        ({"id": "x", "headline": "h", "version": -1}, "field 'version' must be between 0"),
        ({"id": "x", "headline": "h", "pubstatus": "draft"}, "field 'pubstatus' must be one of usable"),
        ({"id": "x", "headline": "h", "pubstatus": 1}, "field 'pubstatus' must be a string"),
        (
            {"id": "x", "headline": "h", "subjects": "medtop:1"},
            "field 'subjects' must be an array, got string",
        ),
        (
            {"id": "x", "headline": "h", "subjects": [1]},
            r"field 'subjects\[0\]' must be a string or an object",
        ),
        ({"id": "x", "headline": "h", "places": [{"name": 3}]}, r"field 'places\[0\].name' must be a string"),
        ({"id": "x", "headline": "h", "language": 7}, "field 'language' must be a string"),
        ({"id": "x", "headline": "h", "versioncreated": "yesterday"}, "field 'versioncreated' is not an ISO"),
        ({"id": "x", "headline": "h", "versioncreated": 1700000000}, "field 'versioncreated' must be an ISO"),
        ({"id": ["x"], "headline": "h"}, "field 'id' must be a string, got array"),
        ({"id": "  ", "headline": "h"}, "field 'id' is empty"),
        ({"uri": "u", "headlines": "h"}, "field 'headlines' must be an array"),
        ({"uri": "u", "headlines": [{"value": 1}]}, r"field 'headlines\[0\].value' must be a string"),
        ({"uri": "u", "headline": "h", "bodies": ["b"]}, r"field 'bodies\[0\]' must be an object"),
    ],
)
def test_schema_errors_name_the_field(obj: dict[str, object], match: str) -> None:
    with pytest.raises(SchemaError, match=match) as info:
        parse(dumps(obj))
    assert info.value.reason == "invalid_field"


@pytest.mark.parametrize(
    ("raw", "match"),
    [
        (b'<newsItem guid="x" version="two"/>', "field 'newsItem@version' must be an integer"),
        (
            b'<newsItem guid="x"><itemMeta><pubStatus qcode="stat:draft"/></itemMeta></newsItem>',
            "field 'itemMeta/pubStatus@qcode' must be one of",
        ),
        (
            b'<newsItem guid="x"><contentMeta><urgency>11</urgency><headline>h</headline></contentMeta></newsItem>',
            "field 'contentMeta/urgency' must be between 0 and 9",
        ),
    ],
)
def test_newsml_schema_errors(raw: bytes, match: str) -> None:
    with pytest.raises(SchemaError, match=match):
        parse(raw)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"   \n\t\r\n",
        b'{"id": "x"}',
        b'{"id": "x", "headline": "  ", "body": "<p> </p><script>text()</script>"}',
        b'{"id": "x", "headline": "\\u200f\\u200e", "body": "\\u0000"}',
        b'{"pubstatus": "canceled"}',  # a retraction must say what it retracts
        b'<newsItem guid="x"><contentMeta><headline> </headline></contentMeta></newsItem>',
    ],
)
def test_empty_story(raw: bytes) -> None:
    with pytest.raises(EmptyStoryError, match="story has no text") as info:
        parse(raw)
    assert info.value.reason == "empty_story"


def test_unknown_format_is_a_caller_bug() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        parse(b"x", fmt="xml")


def test_non_bytes_input() -> None:
    with pytest.raises(FormatError, match="expected message bytes, got str"):
        parse("text")  # type: ignore[arg-type]


def test_lone_surrogate_escape_is_dropped() -> None:
    story = parse(b'{"id": "x", "headline": "a\\ud800b"}')
    assert story.headline == "ab"
    story.text.encode("utf-8")


@settings(max_examples=300, deadline=None, database=None)
@given(raw=st.binary(max_size=400), fmt=st.sampled_from(FORMATS))
def test_arbitrary_bytes_only_input_errors(raw: bytes, fmt: str) -> None:
    try:
        story = parse(raw, fmt=fmt)
    except InputError:
        return
    assert isinstance(story, Story)
    assert story.id


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
_story_keys = st.sampled_from(
    ["id", "uri", "headline", "headlines", "body", "body_html", "bodies", "urgency", "version", "pubstatus",
     "subjects", "places", "versioncreated", "language", "subject", "place"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, database=None)
@given(obj=st.dictionaries(_story_keys, _json_values, max_size=8))
def test_arbitrary_json_stories_only_input_errors(obj: dict[str, object]) -> None:
    try:
        story = parse(json.dumps(obj).encode())
    except InputError:
        return
    assert story.text or story.pubstatus != "usable"


@settings(max_examples=200, deadline=None, database=None)
@given(text=st.text(max_size=300))
def test_arbitrary_text_in_any_wrapper(text: str) -> None:
    for raw in (
        text.encode("utf-8", "surrogatepass"),
        dumps({"id": "x", "headline": text, "body_html": text}),
        f"<newsItem guid='g'><contentMeta><headline>{text}</headline></contentMeta></newsItem>".encode("utf-8", "surrogatepass"),
    ):
        with contextlib.suppress(InputError):
            parse(raw)
