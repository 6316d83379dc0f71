"""Valid input in every format becomes the right Story."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from stream.formats.parse import FORMATS, parse, story_id
from stream.story import ProviderPlace, ProviderSubject

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "parse"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def dumps(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def test_formats_constant() -> None:
    assert FORMATS == ("auto", "json", "ninjs", "newsml", "nitf", "newsml1", "text")


def test_plain_json_minimal() -> None:
    story = parse(dumps({"id": "s-1", "headline": "Storm hits the coast", "body": "Winds reached 120 km/h."}))
    assert story.id == "s-1"
    assert story.headline == "Storm hits the coast"
    assert story.body == "Winds reached 120 km/h."
    assert story.version == 1
    assert story.pubstatus == "usable"
    assert story.source_format == "json"
    assert story.text == "Storm hits the coast\n\nWinds reached 120 km/h."


def test_plain_json_all_fields() -> None:
    story = parse(
        dumps(
            {
                "id": 42,
                "headline": "Тбилиси принимает саммит",
                "body": "Делегации прибыли утром.",
                "language": "ru",
                "versioncreated": "2024-02-03T04:05:06.250+03:00",
                "urgency": "2",
                "version": 3,
                "pubstatus": "withheld",
                "subjects": ["medtop:11000000", {"code": "medtop:20000638", "name": "diplomacy"}],
                "places": ["Tbilisi", {"name": "Georgia", "code": "ge"}],
                "desk": "foreign",
                "huge": "x" * 5000,
                "nested": {"a": 1},
            }
        )
    )
    assert story.id == "42"
    assert story.language == "ru"
    assert story.versioncreated == "2024-02-03T01:05:06.250000Z"
    assert story.urgency == 2
    assert story.version == 3
    assert story.pubstatus == "withheld"
    assert story.subjects == (
        ProviderSubject("medtop:11000000"),
        ProviderSubject("medtop:20000638", "diplomacy"),
    )
    assert story.places == (ProviderPlace("Tbilisi"), ProviderPlace("Georgia", "GE"))
    assert story.extra == {"desk": "foreign"}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z"),
        ("2024-05-01T10:00:00+02:00", "2024-05-01T08:00:00Z"),
        ("2024-05-01T10:00:00", "2024-05-01T10:00:00Z"),
        ("2024-05-01", "2024-05-01T00:00:00Z"),
        ("20240501T100000Z", "2024-05-01T10:00:00Z"),
    ],
)
def test_versioncreated_normalised_to_utc(given: str, expected: str) -> None:
    story = parse(dumps({"id": "t", "headline": "h", "versioncreated": given}))
    assert story.versioncreated == expected


def test_body_text_and_body_html_alternatives() -> None:
    assert parse(dumps({"id": "a", "headline": "h", "body_text": "plain body"})).body == "plain body"
    html = "<div>First&nbsp;part</div><ul><li>one</li><li>two &amp; three</li></ul><style>p{}</style>"
    assert parse(dumps({"id": "a", "headline": "h", "body_html": html})).body == (
        "First part\n\none\n\ntwo & three"  # &nbsp; collapses like any space inside a paragraph
    )


def test_html_in_plain_body_is_reduced() -> None:
    body = "<p>Line one<br>line two</p>\r\n<p>Tom &amp; Jerry <b>bold</b></p><script>alert('x')</script>"
    story = parse(dumps({"id": "a", "headline": "<b>Big</b> news", "body": body}))
    assert story.headline == "Big news"
    assert story.body == "Line one\n\nline two\n\nTom & Jerry bold"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("5 < 6 and <a href='x'>a link</a> <b", "5 < 6 and a link <b"),
        ("<p>before<!-- hidden <p>x</p> -->after</p>", "beforeafter"),
        ("<p>kept</p><!-- unterminated <p>gone</p>", "kept"),
        ("<p>x</p>" + "<a" * 2000, "x\n\n" + "<a" * 2000),
        ("<br/><p/>one<br />two<hr>three", "one\n\ntwo\n\nthree"),
        ("<SCRIPT type='x'>var a = '<p>';</SCRIPT><Style>b{}</Style>visible", "visible"),
        ("&lt;tag&gt; &#1329;&#x0531; &bogus; &#0;", "<tag> ԱԱ &bogus; \ufffd"),  # HTML5: NUL ref -> U+FFFD
    ],
)
def test_html_reduction_edge_cases(html: str, expected: str) -> None:
    assert parse(dumps({"id": "a", "headline": "h", "body_html": html})).body == expected


def test_plain_text_with_ampersand_is_kept() -> None:
    story = parse(dumps({"id": "a", "headline": "AT&T and R&D <3", "body": "Fish &amp; chips; 5 < 6 > 4"}))
    assert story.headline == "AT&T and R&D <3"
    assert story.body == "Fish & chips; 5 < 6 > 4"


def test_control_characters_removed_and_nfc() -> None:
    decomposed = "Cafe\u0301"
    story = parse(dumps({"id": "a", "headline": "Bad\x00\x1b head\u0085", "body": f"{decomposed}\r\nline\ttab\x07"}))
    assert story.headline == "Bad head"
    assert story.body == "Caf\u00e9\nline\ttab"


def test_missing_id_is_content_hash_and_stable() -> None:
    one = parse(dumps({"headline": "Same words", "body": "Same body"}))
    two = parse(dumps({"body": "Same body", "headline": "Same words", "urgency": 5}))
    expected = "sha1:" + hashlib.sha1(b"Same words\n\nSame body").hexdigest()
    assert one.id == two.id == expected


def test_default_id_used_when_missing() -> None:
    assert parse(dumps({"headline": "x"}), default_id="kafka-key").id == "kafka-key"
    assert parse(dumps({"id": "own", "headline": "x"}), default_id="kafka-key").id == "own"


def test_guid_is_an_id() -> None:
    assert parse(dumps({"guid": "g-7", "headline": "x"})).id == "g-7"


@pytest.mark.parametrize("status", ["canceled", "withheld", "stat:canceled", "Cancelled"])
def test_retraction_without_text_is_accepted(status: str) -> None:
    story = parse(dumps({"id": "gone-1", "version": 2, "pubstatus": status}))
    assert story.pubstatus in ("canceled", "withheld")
    assert story.headline == story.body == ""


def test_retraction_with_default_id() -> None:
    assert parse(dumps({"pubstatus": "canceled"}), default_id="k").id == "k"


def test_ninjs1_fixture() -> None:
    story = parse(fixture("ninjs1-hy.json"))
    assert story.source_format == "ninjs"
    assert story.id == "urn:newsml:example.am:20240312:hy-border-001"
    assert story.headline.startswith("Երևանը և Բաքուն")
    assert story.body == (
        "Հայաստանի և Ադրբեջանի փոխվարչապետները երեքշաբթի հանդիպեցին սահմանին մոտ։\n\n"
        "Կողմերը պայմանավորվեցին հաջորդ փուլը անցկացնել ապրիլին։"
    )
    assert story.version == 2
    assert story.urgency == 3
    assert story.language == "hy"
    assert story.versioncreated == "2024-03-12T05:15:00Z"
    assert story.subjects == (
        ProviderSubject("medtop:11000000", "politics"),
        ProviderSubject("medtop:20000638", "diplomacy"),
    )
    assert story.places == (ProviderPlace("Yerevan", "AM"), ProviderPlace("Baku", "AZ"))
    assert story.extra == {"slugline": "ARMENIA-AZERBAIJAN/BORDER"}


def test_ninjs2_fixture_arabic_with_rtl_marks() -> None:
    story = parse(fixture("ninjs2-ar.json"))
    assert story.source_format == "ninjs"
    assert story.id == "urn:example.org:ar:2024:gaza-aid-77"
    # The main headline wins over the short one; bidi marks are dropped (invisible, and they split words).
    assert story.headline == "وصول قافلة مساعدات جديدة إلى شمال غزة بعد أسابيع من الانتظار"
    # Plain text is preferred over HTML among main bodies.
    assert story.body == "قالت الأمم المتحدة إن القافلة تضم أكثر من ثلاثين شاحنة.\n\nودعت الوكالة إلى فتح المعابر بشكل دائم."
    assert story.version == 4
    assert story.urgency == 2
    assert story.subjects == (
        ProviderSubject("medtop:16000000", "conflict, war and peace"),
        ProviderSubject("medtop:14000000", "society"),
    )
    assert story.places == (ProviderPlace("Gaza", "PS"), ProviderPlace("غزة"))


def test_ninjs2_html_body_only() -> None:
    raw = dumps(
        {
            "uri": "u",
            "headlines": [{"value": "H"}],
            "bodies": [{"value": "<p>a</p><p>b</p>", "contenttype": "text/html"}],
        }
    )
    assert parse(raw, fmt="ninjs").body == "a\n\nb"


def test_empty_headline_falls_back_to_headlines() -> None:
    raw = dumps({"uri": "u", "headline": "", "headlines": [{"value": "From the list"}], "body_text": "b"})
    assert parse(raw).headline == "From the list"


def test_ninjs_detection_and_forcing() -> None:
    plain = dumps({"id": "x", "headline": "h"})
    assert parse(plain).source_format == "json"
    assert parse(plain, fmt="ninjs").source_format == "ninjs"
    assert parse(dumps({"uri": "x", "headline": "h", "type": "text"})).source_format == "ninjs"
    assert parse(dumps({"headlines": [{"value": "h"}]}), default_id="k").source_format == "ninjs"


def test_subject_scheme_uris() -> None:
    story = parse(
        dumps(
            {
                "uri": "u",
                "headline": "h",
                "subjects": [
                    {"uri": "http://cv.iptc.org/newscodes/subjectcode/04000000/"},
                    {"code": "1234", "scheme": "http://example.org/codes"},
                    {"name": "no code at all"},
                ],
            }
        )
    )
    assert [s.code for s in story.subjects] == ["subj:04000000", "http://example.org/codes:1234"]


def test_newsml_fixture_russian() -> None:
    story = parse(fixture("newsitem-ru.xml"))
    assert story.source_format == "newsml"
    assert story.id == "urn:newsml:example.ru:20240420:flood-orenburg"
    assert story.version == 5
    assert story.urgency == 4
    assert story.language == "ru"
    assert story.pubstatus == "usable"
    assert story.versioncreated == "2024-04-20T01:00:00Z"
    assert story.headline == "Уровень воды в Урале у Оренбурга начал снижаться"
    assert story.body == (
        "Спасатели сообщили, что за сутки уровень воды снизился на двенадцать сантиметров.\n\n"
        "Эвакуированы более двух тысяч человек;\n\nповреждены три моста."
    )
    assert story.subjects == (ProviderSubject("medtop:03000000", "disaster, accident and emergency incident"),)
    assert story.places == (ProviderPlace("Оренбург", "RU", origin=True),)  # located: where it was filed from


def test_newsml_without_namespace_and_canceled() -> None:
    raw = b'<newsItem guid="urn:c" version="2"><itemMeta><pubStatus qcode="stat:canceled"/></itemMeta></newsItem>'
    story = parse(raw)
    assert (story.id, story.version, story.pubstatus, story.text) == ("urn:c", 2, "canceled", "")


def test_newsml_message_with_one_item() -> None:
    raw = (
        b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
        b'<newsItem guid="one"><contentMeta><headline>Only item</headline></contentMeta></newsItem>'
        b"</itemSet></newsMessage>"
    )
    assert parse(raw, fmt="newsml").id == "one"


def test_plain_text_fixture_persian() -> None:
    raw = fixture("story-fa.txt")
    story = parse(raw)
    assert story.source_format == "text"
    assert story.headline == "پارلمان ایران بودجه سال آینده را تصویب کرد"
    assert story.body.startswith("نمایندگان پس از سه روز بحث")
    assert story.body.endswith("اعلام کند.")
    assert story.id == "sha1:" + hashlib.sha1(raw).hexdigest()
    assert story.version == 1


def test_plain_text_leading_blank_lines_and_crlf() -> None:
    story = parse(b"\r\n  \r\nHeadline here  \r\nbody one\r\n\r\n\r\n\r\nbody two\r\n", default_id="k1")
    assert (story.id, story.headline, story.body) == ("k1", "Headline here", "body one\n\nbody two")


def test_text_forced_even_if_it_looks_like_json() -> None:
    assert parse(b'{"id": 1}', fmt="text").headline == '{"id": 1}'


def test_utf8_bom_is_tolerated() -> None:
    raw = "\ufeff" + json.dumps({"id": "b", "headline": "BOM"})
    assert parse(raw.encode("utf-8")).headline == "BOM"
    assert parse("\ufeffТекст".encode()).headline == "Текст"


def test_jsonl_format_alias_in_parse() -> None:
    assert parse(dumps({"id": "x", "headline": "h"}), fmt="jsonl").id == "x"


def test_story_id_helper() -> None:
    assert story_id({"uri": "u-1"}) == "u-1"
    assert story_id({"id": 5}) == "5"
    assert story_id({"id": [1]}) is None
    assert story_id(parse(dumps({"id": "s", "headline": "h"}))) == "s"
