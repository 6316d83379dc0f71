"""Hostile input against the pure core: every input becomes an ``Enriched`` (whose JSON the worker can
encode) or raises ``InputError`` with a documented reason. Anything else would be an
``internal_error`` dead letter in the worker, i.e. a bug."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stream.errors import InputError
from stream.formats.parse import parse
from stream.pipeline import Enriched, Pipeline

HOSTILE = Path(__file__).parents[1] / "fixtures" / "hostile"
REASONS = {"invalid_utf8", "invalid_format", "invalid_field", "empty_story", "oversized"}
MAX_BYTES = 200_000

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)


@cache
def _pipeline() -> Pipeline:
    pipeline = Pipeline(max_story_bytes=MAX_BYTES)
    pipeline.warm_up()
    return pipeline


def _outcome(raw: bytes, fmt: str = "auto") -> str:
    """'enriched' or the dead-letter reason; fails the test on any other exception."""
    pipeline = _pipeline()
    pipeline.input_format = fmt
    try:
        result = pipeline.process(raw, default_id="key-1")
    except InputError as exc:
        assert exc.reason in REASONS, (exc.reason, exc)
        assert str(exc), "a dead letter needs a message"
        return exc.reason
    finally:
        pipeline.input_format = "auto"
    assert isinstance(result, Enriched)
    payload = orjson.dumps(result.to_dict())  # what the ingest agent publishes; must not raise
    doc = orjson.loads(payload)
    assert doc["id"] and (doc["headline"] or doc["body"])
    return "enriched"


# -- the fixture corpus ------------------------------------------------------------------------

FILES = sorted(p.name for p in HOSTILE.iterdir())


@pytest.mark.parametrize("name", FILES)
def test_every_hostile_fixture_is_enriched_or_dead_lettered(name: str) -> None:
    _outcome((HOSTILE / name).read_bytes())


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("random-bytes.bin", "invalid_utf8"),
        ("invalid-utf8.json", "invalid_utf8"),
        ("truncated.json", "invalid_format"),
        ("deeply-nested-array.json", "oversized"),
        ("deeply-nested-object.json", "oversized"),
        ("xml-billion-laughs.xml", "invalid_format"),
        ("xml-external-entity.xml", "invalid_format"),
        ("xml-quadratic.xml", "invalid_format"),
        ("xml-deep.xml", "oversized"),
        ("empty.json", "empty_story"),
        ("wrong-types.json", "invalid_field"),
    ],
)
def test_known_hostile_inputs_get_their_reason(name: str, reason: str) -> None:
    assert _outcome((HOSTILE / name).read_bytes()) == reason


def test_external_entities_are_never_resolved() -> None:
    # If the entity were expanded, /etc/passwd would appear in the headline.
    raw = (HOSTILE / "xml-external-entity.xml").read_bytes()
    with pytest.raises(InputError):
        parse(raw, fmt="newsml", max_bytes=MAX_BYTES)


def test_bidi_and_control_characters_survive_into_valid_json() -> None:
    assert _outcome((HOSTILE / "bidi-marks.json").read_bytes()) == "enriched"
    assert _outcome((HOSTILE / "nul-and-controls.json").read_bytes()) == "enriched"


def test_enormous_fields_are_oversized_not_processed() -> None:
    huge = json.dumps({"id": "big", "headline": "Big", "body": "word " * (MAX_BYTES // 4)}).encode()
    assert _outcome(huge) == "oversized"
    just_under = json.dumps({"id": "big", "headline": "Big", "body": "слово " * (MAX_BYTES // 20)}, ensure_ascii=False).encode()
    assert len(just_under) < MAX_BYTES
    assert _outcome(just_under) == "enriched"


# -- properties --------------------------------------------------------------------------------


@PROPERTY
@given(st.binary(max_size=4096))
def test_any_bytes(raw: bytes) -> None:
    _outcome(raw)


@PROPERTY
@given(st.binary(max_size=2048), st.sampled_from(["json", "ninjs", "newsml", "text"]))
def test_any_bytes_in_every_declared_format(raw: bytes, fmt: str) -> None:
    _outcome(raw, fmt)


TEXT = st.text(st.characters(codec="utf-8"), max_size=400)  # includes controls, bidi marks, every script
JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT
JSON_VALUES = st.recursive(
    JSON_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4), max_leaves=20
)
STORY_KEYS = ["id", "headline", "body", "version", "language", "urgency", "pubstatus", "versioncreated", "subjects", "places"]


@PROPERTY
@given(st.dictionaries(st.sampled_from(STORY_KEYS) | TEXT, JSON_VALUES | TEXT, max_size=10))
def test_any_json_object_with_story_like_keys(doc: dict[str, object]) -> None:
    _outcome(json.dumps(doc).encode())


@PROPERTY
@given(TEXT, TEXT, st.integers(min_value=0, max_value=4000))
def test_valid_stories_truncated_anywhere(headline: str, body: str, cut: int) -> None:
    raw = json.dumps({"id": "s1", "headline": headline, "body": body}, ensure_ascii=False).encode()
    _outcome(raw)
    _outcome(raw[:cut])


XML_PIECES = st.sampled_from(
    [
        '<?xml version="1.0"?>', '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g">', "</newsItem>",
        "<contentSet>", "</contentSet>", "<inlineXML>", "</inlineXML>", "<p>", "</p>", "<headline>", "</headline>",
        "<contentMeta>", "</contentMeta>", '<!DOCTYPE x [<!ENTITY e "ee">]>', "&e;", "&amp;", "<![CDATA[", "]]>", "<!--", "-->",
    ]
)  # fmt: skip


@PROPERTY
@given(st.lists(XML_PIECES | TEXT, max_size=30))
def test_any_sequence_of_newsml_fragments(pieces: list[str]) -> None:
    _outcome("".join(pieces).encode())
