"""IPTC's own example files (ninjs 1.x-3.x, NewsML-G2, NITF, NewsML 1.2) parse to what they say, or are refused.

The files in ``tests/fixtures/iptc/`` are vendored unchanged from IPTC's repositories
(``SOURCES.md``); ``expected.yaml`` holds what each one says, read from the file by
hand. An example is either read exactly as expected or refused with the expected
reason: none may be misread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from stream.errors import InputError
from stream.formats.parse import parse, split_file
from stream.story import Story

IPTC = Path(__file__).resolve().parents[1] / "fixtures" / "iptc"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((IPTC / "expected.yaml").read_text(encoding="utf-8"))
EXAMPLES = sorted(str(path.relative_to(IPTC)) for path in IPTC.glob("*/*") if path.suffix in (".json", ".xml"))


def _check_story(story: Story, want: dict[str, Any]) -> None:
    assert story.source_format == want["format"]
    assert story.id == want["id"]
    assert story.headline == want["headline"]
    assert story.body.startswith(want["body_start"]), story.body[:200]
    if not want["body_start"]:
        assert story.body == ""
    assert story.body.endswith(want.get("body_end", "")), story.body[-200:]
    assert want.get("body_contains", "") in story.body
    assert story.language == want.get("language")
    assert story.version == want.get("version", 1)
    assert story.versioncreated == want.get("versioncreated")
    assert story.pubstatus == want.get("pubstatus", "usable")
    assert story.urgency == want.get("urgency")
    assert [[s.code, s.name] for s in story.subjects] == want.get("subjects", [])
    # The dateline a format sends apart from the body (NITF body.head, NewsML 1 NewsLines, NewsML-G2 contentMeta).
    assert story.dateline == want.get("dateline")
    # A place the content was filed from (NewsML-G2 / ninjs ``located``) carries a third item, ``origin``.
    assert [[p.name, p.code, *(["origin"] if p.origin else [])] for p in story.places] == want.get("places", [])


def _check(raw: bytes, want: dict[str, Any], fmt: str = "auto") -> None:
    refused = want.get("refused")
    if refused is None:
        _check_story(parse(raw, fmt=fmt), want)
        return
    with pytest.raises(InputError, match=refused["match"]) as info:
        parse(raw, fmt=fmt)
    assert info.value.reason == refused["reason"]


def test_every_vendored_example_has_expectations_and_a_source() -> None:
    assert EXAMPLES, "no IPTC examples found"
    assert sorted(EXPECTED) == EXAMPLES
    sources = (IPTC / "SOURCES.md").read_text(encoding="utf-8")
    for name in EXAMPLES:
        assert f"`{name}`" in sources, f"{name} is not in SOURCES.md"
    for licence in ("LICENSE-iptc-newsinjson.txt", "LICENSE-iptc-newsml-g2.txt"):
        assert (IPTC / licence).read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_parses_as_expected_or_is_refused(name: str) -> None:
    _check((IPTC / name).read_bytes(), EXPECTED[name])


@pytest.mark.parametrize("name", [name for name in EXAMPLES if "items" in EXPECTED[name]])
def test_multi_item_example_splits_into_its_items(name: str) -> None:
    pieces = list(split_file((IPTC / name).read_bytes(), name=name))
    wanted = EXPECTED[name]["items"]
    assert len(pieces) == len(wanted)
    for (raw, fmt), want in zip(pieces, wanted, strict=True):
        _check(raw, want, fmt)


@pytest.mark.parametrize("name", [name for name in EXAMPLES if "refused" not in EXPECTED[name]])
def test_example_read_the_same_when_its_format_is_declared(name: str) -> None:
    declared = EXPECTED[name]["format"]
    _check((IPTC / name).read_bytes(), EXPECTED[name], declared)


@pytest.mark.parametrize("name", [name for name in EXAMPLES if "refused" not in EXPECTED[name] and "items" not in EXPECTED[name]])
def test_example_s_provider_subject_codes_become_its_topics(name: str) -> None:
    # AFP's NewsML 1.2 and NTB's NITF sample carry IPTC Subject NewsCodes (subj:), each of which counts as the
    # Media Topic IPTC maps it to; the examples with medtop: codes or none get nothing from this.
    from stream.topics.classifier import classify

    story = parse((IPTC / name).read_bytes())
    got = []
    for topic in classify(story, (story.language or "en")[:2]).topics:
        if topic.provider and topic.provider_codes:
            got.extend([topic.code, given.code] for given in topic.provider_codes)
    assert sorted(got) == EXPECTED[name].get("provider_topics", [])


def test_a_real_german_agency_story_reads_its_nouns_as_nouns() -> None:
    # dpa's "Faktencheck Derby-Elfmeter" is about a Dortmund-Schalke match: German "Derby" (capitalised,
    # as every German noun) is no English city without support (stream.build.gazetteer NOUN_CASE_STEP).
    from stream.places.geotag import locate

    story = parse((IPTC / "ninjs" / "2.1-dpa_text.json").read_bytes())
    result = locate(story, story.language)
    assert {str(c["iso2"]) for c in result.countries} == {"DE"}
    assert result.focus_country == "DE"


@pytest.mark.parametrize(
    ("name", "iso", "place"),
    [
        # NTB's NITF: body.head/dateline "Unnao" (Uttar Pradesh); the body never names the town.
        ("nitf/NTB_nitf_sample.xml", "IN", "Unnao"),
        # Business Wire's NewsML 1.2: NewsLines/DateLine "KANSAS CITY, Mo.", the state's abbreviation after the city.
        ("newsml1/businesswire-newsml-20130731006140.xml", "US", "KANSAS CITY, Mo."),
        # AFP's NewsML 1.2: "Gaza City, Palestinian Territories, May 16, 2021 (AFP) -".
        ("newsml1/afp.com_newsml1.2_sample.xml", "PS", "Gaza City"),
    ],
)
def test_a_real_file_s_dateline_apart_from_the_body_counts_as_its_dateline(name: str, iso: str, place: str) -> None:
    from stream.places.geotag import locate

    story = parse((IPTC / name).read_bytes())
    assert not story.body.startswith(place)
    result = locate(story, (story.language or "en")[:2])
    datelines = [(c["iso2"], m["text"], m["start"]) for c in result.countries for m in c["mentions"] if m["source"] == "dateline"]  # type: ignore[attr-defined]
    assert datelines == [(iso, place, -1)]


def test_a_real_cruise_ship_story_is_no_shipping_business() -> None:
    # AP's Costa Concordia trial story: "ship" is no "shipping" (economy's term is exact, not stemmed to "ship").
    from stream.topics.classifier import classify

    story = parse((IPTC / "ninjs" / "1.6-004_simple_text_article.json").read_bytes())
    codes = set(classify(story, "en").codes)
    assert {"medtop:02000000", "medtop:20000139"} <= codes
    assert "medtop:04000000" not in codes


def test_a_real_sport_story_s_demonstration_of_resolve_is_no_protest() -> None:
    # The Tour Down Under anti-doping story: "a demonstration of what can be achieved" once is no civil unrest
    # ("demonstrators" is exact, so the one word no longer counts for two terms).
    from stream.topics.classifier import classify

    name = "3.0-20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json"
    story = parse((IPTC / "ninjs" / name).read_bytes())
    assert "medtop:20000065" not in set(classify(story, "en").codes)
