"""The provider-topic benchmark climbs each agency subject to its top Media Topic and compares coarse topics."""

from __future__ import annotations

from benchmarks.eval_provider_topics import gold_topics, top_concepts

# A slice of IPTC's export in its own shape: broader links are URIs.
_URI = "http://cv.iptc.org/newscodes/mediatopic/"
VOCABULARY = {
    "conceptSet": [
        {"qcode": "medtop:04000000"},
        {"qcode": "medtop:20000344", "broader": [_URI + "04000000"]},
        {"qcode": "medtop:20000385", "broader": [_URI + "20000344"]},
        {"qcode": "medtop:11000000"},
        {"qcode": "medtop:20000638", "broader": [_URI + "11000000"]},
        {"qcode": "medtop:05000000"},
    ]
}


def test_a_subject_climbs_to_its_top_concept() -> None:
    tops = top_concepts(VOCABULARY)
    assert tops["medtop:20000385"] == "medtop:04000000"
    assert tops["medtop:04000000"] == "medtop:04000000"


def test_gold_is_the_coarse_topics_of_the_subjects_tops() -> None:
    tops = top_concepts(VOCABULARY)
    assert gold_topics(["medtop:20000385", "medtop:20000638"], tops) == {"economy", "politics"}
    # Education has no coarse topic: an item filed only there has no gold.
    assert gold_topics(["medtop:05000000"], tops) == frozenset()
