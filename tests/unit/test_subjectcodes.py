"""IPTC Subject NewsCodes (subj:) as Media Topics: the shipped table, its parent fallback, and provider topics."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from stream.build.subjectcodes import build_rows, render
from stream.story import ProviderSubject, Story
from stream.topics.classifier import PROVIDER_SCORE, ScoredTopic, classify
from stream.topics.subjectcodes import load_table, subject_number, subject_topics

# A story none of the rules or the model reads a topic from, so every topic below is the provider's.
QUIET = Story(id="q", headline="Notice", body="The next edition follows on Tuesday.")
KARABAKH = (
    "Russian and Turkish foreign ministers call for immediate Karabakh ceasefire",
    "The foreign ministers spoke by phone about the escalation of fighting between Armenian and Azerbaijani "
    "forces and urged an immediate ceasefire. Moscow voiced concern that militants were being moved from Syria "
    "to the battle zone, where artillery shelling continued.",
)


def _provider(*codes: str, story: Story = QUIET) -> dict[str, ScoredTopic]:
    given = Story(id=story.id, headline=story.headline, body=story.body, subjects=tuple(map(ProviderSubject, codes)))
    return {t.code: t for t in classify(given, "en").topics}


@pytest.mark.parametrize(
    ("code", "number"),
    [
        ("subj:09003000", "09003000"),
        ("sttsubj:11011000", "11011000"),
        ("http://cv.iptc.org/newscodes/subjectcode/02003003", "02003003"),
        ("https://cv.iptc.org/newscodes/subjectcode/02003003/", "02003003"),
        (" subj:15039001 ", "15039001"),
        ("subj:0900300", None),  # seven digits
        ("medtop:20000509", None),
        ("stt-subj:11006006", None),  # only schemes known to number by IPTC's subject codes
        ("dpasubject:553", None),
        ("iptc:09003000", None),
    ],
)
def test_subject_number_reads_only_iptc_subject_schemes(code: str, number: str | None) -> None:
    assert subject_number(code) == number


def test_an_exact_match_gives_its_topic() -> None:
    (arrest,) = subject_topics("subj:02003003")  # ANSA's arrest
    assert (arrest.code, arrest.label, arrest.parent, arrest.match, arrest.via) == (
        "medtop:20000130",
        "arrest",
        "medtop:20000129",
        "exact",
        "subj:02003003",
    )
    assert arrest.ancestors == ("medtop:20000129", "medtop:02000000")
    (employment,) = subject_topics("subj:09003000")  # ANA-MPA's labour market story
    assert (employment.code, employment.match) == ("medtop:20000509", "close")
    (refugees,) = subject_topics("sttsubj:11011000")
    assert refugees.code == "medtop:20000645"


def test_the_uri_form_reads_as_the_qcode() -> None:
    assert subject_topics("http://cv.iptc.org/newscodes/subjectcode/16002000") == subject_topics("subj:16002000")
    assert subject_topics("subj:16002000")[0].code == "medtop:20000056"


def test_a_code_the_table_lacks_takes_its_parent_then_its_top_level() -> None:
    # STT's own detail code (one Finnish party) under IPTC's 11010000; a made-up detail under police.
    (party,) = subject_topics("sttsubj:11010992")
    assert party.via == "subj:11010000" and party == subject_topics("subj:11010000")[0]
    (police,) = subject_topics("subj:02003999")
    assert (police.code, police.via) == ("medtop:20000133", "subj:02003000")
    (conflict,) = subject_topics("subj:16999000")
    assert (conflict.code, conflict.via, conflict.match) == ("medtop:16000000", "subj:16000000", "top")


def test_an_unknown_code_is_ignored() -> None:
    assert subject_topics("subj:99999999") == ()
    assert subject_topics("subj:00000000") == ()
    assert _provider("subj:99999999", "subj:abc") == {}


def test_every_top_level_code_is_its_own_topic() -> None:
    table = load_table()
    for top in range(1, 18):
        (topic,) = table[f"{top:02d}000000"]
        assert topic.code == f"medtop:{top:02d}000000" and topic.match == "top"


def test_a_mapped_subject_counts_exactly_as_the_medtop_code_would() -> None:
    via_subject = _provider("subj:16002000")["medtop:20000056"]
    via_medtop = _provider("medtop:20000056")["medtop:20000056"]
    assert via_subject.score == via_medtop.score == PROVIDER_SCORE
    assert (via_subject.label, via_subject.parent, via_subject.source, via_subject.coarse, via_subject.evidence) == (
        via_medtop.label,
        via_medtop.parent,
        via_medtop.source,
        via_medtop.coarse,
        via_medtop.evidence,
    )
    assert via_subject.coarse == "conflict" and via_subject.provider
    # Only the entry's provenance differs: it names the provider's code.
    assert via_medtop.to_dict().keys() == {"code", "label", "score", "parent", "source", "evidence"}
    assert via_subject.to_dict()["provider_codes"] == [{"code": "subj:16002000", "via": "subj:16002000", "match": "exact"}]


def test_a_mapped_subject_merges_with_the_rules_topic() -> None:
    story = Story(id="k", headline=KARABAKH[0], body=KARABAKH[1])
    alone = {t.code: t for t in classify(story, "en").topics}
    assert alone["medtop:20000056"].source == "rules"
    merged = _provider("sttsubj:16002000", "subj:16002000", story=story)["medtop:20000056"]
    assert merged.source == "rules" and merged.evidence == alone["medtop:20000056"].evidence
    assert merged.score == max(alone["medtop:20000056"].score, PROVIDER_SCORE) and merged.provider
    assert [p.code for p in merged.provider_codes] == ["sttsubj:16002000", "subj:16002000"]
    assert list(_provider("subj:16002000", "medtop:20000056", story=story)) == list(_provider("subj:16002000", story=story))


def test_a_topic_outside_the_taxonomy_keeps_iptc_s_label_parent_and_family() -> None:
    topics = _provider("subj:02003003", "subj:09003000")
    arrest, employment = topics["medtop:20000130"], topics["medtop:20000509"]
    assert (arrest.label, arrest.parent, arrest.coarse, arrest.source) == ("arrest", "medtop:20000129", "crime", "provider")
    assert (employment.label, employment.parent, employment.coarse) == ("employment", "medtop:09000000", None)
    # A provider's medtop code outside the taxonomy gets the same label and family from the table.
    direct = _provider("medtop:20000130")["medtop:20000130"]
    assert (direct.label, direct.parent, direct.coarse) == ("arrest", "medtop:20000129", "crime")


def test_the_builder_reads_iptc_s_links_backwards(tmp_path: Path) -> None:
    def concept(code: str, broader: str | None = None, **links: object) -> dict[str, object]:
        out: dict[str, object] = {"qcode": f"medtop:{code}", "prefLabel": {"en-GB": f"label {code}"}}
        if broader:
            out["broader"] = [f"http://cv.iptc.org/newscodes/mediatopic/{broader}"]
        for key, value in links.items():
            out[key] = value
        return out

    def subj(code: str) -> list[str]:
        return [f"http://cv.iptc.org/newscodes/subjectcode/{code}", "http://www.wikidata.org/entity/Q1"]

    vocabulary = {
        "dateReleased": "2025-10-09T12:00:00+00:00",
        "hasTopConcept": ["http://cv.iptc.org/newscodes/mediatopic/04000000"],
        "conceptSet": [
            concept("04000000", broadMatch=subj("04000000")),  # a top level linked only as broadMatch
            concept("20000001", "04000000", exactMatch=subj("04001000")),
            concept("20000002", "04000000", closeMatch=subj("04002000")),
            concept("20000003", "20000001", closeMatch=subj("04001000")),  # an exact match wins over a close one
            concept(
                "20000004",
                "20000001",
                exactMatch=subj("04003000"),
                retired="2020",
                changeNote={"en-GB": "Use medtop:20000002 instead."},
            ),
            concept(
                "20000005",
                "20000001",
                exactMatch=subj("04004000"),
                retired="2020",
                changeNote={"en-GB": "Use medtop:20000002 or medtop:20000003."},
            ),
            concept("20000006", "20000001", broadMatch=subj("04005000")),
            concept("20000007", "20000006", broadMatch=subj("04005000")),
        ],
    }
    rows = build_rows(vocabulary)
    assert {(r[0], r[1], r[2]) for r in rows} == {
        ("04000000", "04000000", "top"),
        ("04001000", "20000001", "exact"),
        ("04002000", "20000002", "close"),
        ("04003000", "20000002", "replaced"),  # the retired concept's note names one successor
        ("04004000", "20000001", "retired"),  # it names two: the nearest live broader concept
        ("04005000", "20000006", "broad"),  # the lowest concept covering both narrower ones
    }
    path = tmp_path / "subjectcodes.tsv"
    path.write_text(render(rows, vocabulary["dateReleased"]), encoding="utf-8")  # type: ignore[arg-type]
    table = load_table.__wrapped__(path)
    assert table["04003000"][0].ancestors == ("medtop:04000000",)
    assert subject_topics("subj:04001999", table)[0].via == "subj:04001000"


def test_a_mapped_subject_merges_with_a_model_topic_which_stays_the_model_s() -> None:
    from stream.topics.model import load

    story = Story(
        id="f",
        headline="Jalkapallo: HJK voitti mestaruuden",
        body="Joukkue voitti lauantaina ottelun kolmella maalilla, ja valmentaja kiitti pelaajia.",
        subjects=(ProviderSubject("sttsubj:15000000"),),
    )
    alone = {t.code: t for t in classify(dataclasses.replace(story, subjects=()), "fi", model=load()).topics}
    assert alone["medtop:15000000"].source == "model"  # Finnish has no rule section: the model reads sport
    merged = {t.code: t for t in classify(story, "fi", model=load()).topics}["medtop:15000000"]
    assert merged.source == "model" and merged.evidence == alone["medtop:15000000"].evidence
    assert merged.score == PROVIDER_SCORE and merged.provider and merged.provider_codes[0].code == "sttsubj:15000000"
