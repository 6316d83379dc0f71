"""split_file cuts CLI input files into messages and never drops a bad piece."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stream.errors import FormatError, InputError
from stream.formats.parse import parse, split_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "parse"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_json_lines_with_bad_line_in_the_middle() -> None:
    pieces = list(split_file(fixture("stories.jsonl"), name="stories.jsonl"))
    assert [fmt for _, fmt in pieces] == ["json", "json", "json"]
    first, bad, last = (raw for raw, _ in pieces)
    assert parse(first).id == "jl-1"
    assert parse(first).language == "az"
    with pytest.raises(FormatError, match="invalid JSON"):
        parse(bad)
    assert b"broken line" in bad
    assert parse(last).id == "3"


def test_jsonl_format_is_forced_per_line() -> None:
    data = b'{"id": "a", "headline": "x"}\r\n\r\n{"id": "b", "headline": "y"}'
    assert [raw for raw, _ in split_file(data, fmt="jsonl")] == [
        b'{"id": "a", "headline": "x"}',
        b'{"id": "b", "headline": "y"}',
    ]


def test_jsonl_with_invalid_utf8_line() -> None:
    data = b'{"id": "a", "headline": "x"}\n{"id": "b", "headline": "\xff"}\n{"id": "c", "headline": "z"}\n'
    pieces = [raw for raw, _ in split_file(data)]
    assert len(pieces) == 3
    assert [parse(pieces[0]).id, parse(pieces[2]).id] == ["a", "c"]
    with pytest.raises(InputError):
        parse(pieces[1])


def test_json_array_yields_each_element() -> None:
    data = json.dumps(
        [{"id": "a", "headline": "Ερμού"}, {"uri": "u", "headlines": [{"value": "H"}]}, 7], ensure_ascii=False
    ).encode()
    pieces = list(split_file(b"\xef\xbb\xbf  " + data + b"\n"))
    assert [fmt for _, fmt in pieces] == ["json", "json", "json"]
    assert parse(pieces[0][0]).headline == "Ερμού"
    assert parse(pieces[1][0]).source_format == "ninjs"
    assert pieces[2][0] == b"7"
    with pytest.raises(FormatError, match="top-level JSON must be an object"):
        parse(pieces[2][0], fmt=pieces[2][1])


def test_empty_json_array_yields_nothing() -> None:
    assert list(split_file(b"[ ]")) == []


def test_single_json_object_pretty_printed() -> None:
    data = fixture("ninjs1-hy.json")
    assert list(split_file(data)) == [(data, "json")]
    assert list(split_file(data, fmt="ninjs")) == [(data, "ninjs")]


def test_broken_pretty_printed_object_is_one_dead_letter() -> None:
    data = b'{\n  "id": "x",\n  "headline": "h",\n'
    assert list(split_file(data)) == [(data, "json")]


def test_newsml_message_with_several_items() -> None:
    pieces = list(split_file(fixture("newsmessage-3.xml"), name="newsmessage-3.xml"))
    assert [fmt for _, fmt in pieces] == ["newsml"] * 3
    stories = [parse(raw, fmt=fmt) for raw, fmt in pieces]
    assert [s.id for s in stories] == ["urn:ex:fr:1", "urn:ex:tr:1", "urn:ex:ka:1"]
    assert [s.language for s in stories] == ["fr", "tr", "ka"]
    assert stories[0].body == "Aucune victime n'a été signalée pour l'instant, selon les autorités locales."
    assert stories[1].urgency == 1
    assert stories[1].version == 2
    assert stories[1].body == "Politika faizi yüzde elli seviyesinde sabit tutuldu."
    assert stories[2].pubstatus == "withheld"
    assert stories[2].headline == "თბილისში მოსწავლეებმა ახალი სკოლა გახსნეს"


def test_single_newsitem_passes_through() -> None:
    data = fixture("newsitem-ru.xml")
    assert list(split_file(data)) == [(data, "newsml")]


@pytest.mark.parametrize("name", ["billion-laughs.xml", "external-entity.xml"])
def test_hostile_xml_is_yielded_whole_for_dead_lettering(name: str) -> None:
    data = fixture(name)
    assert list(split_file(data)) == [(data, "newsml")]
    with pytest.raises(FormatError, match="refused"):
        parse(data)


def test_plain_text_is_one_story() -> None:
    data = fixture("story-fa.txt")
    assert list(split_file(data)) == [(data, "text")]
    assert list(split_file(b'{"not": "parsed"}', fmt="text")) == [(b'{"not": "parsed"}', "text")]


def test_invalid_utf8_text_file_is_yielded_raw() -> None:
    data = "Заголовок\nтекст".encode("cp1251")
    assert list(split_file(data)) == [(data, "text")]


def test_empty_file_is_not_silently_dropped() -> None:
    assert list(split_file(b"")) == [(b"", "text")]


def test_unknown_format_names_the_file() -> None:
    with pytest.raises(ValueError, match=r"notes\.md: unknown format 'md'"):
        list(split_file(b"x", fmt="md", name="notes.md"))
