"""The rule-gap report compares a language's rule topics with the English ones line by line."""

from __future__ import annotations

from benchmarks.rule_gap import gap

ENGLISH = [
    "Fighting and shelling killed dozens of soldiers near the front line.",
    "The football match was suspended.",
    "The weather was mild.",
]
# The second line's translation is left out and the third holds a football report, so French misses one
# topic English finds and finds one English does not.
FRENCH = [
    "Des combats et des bombardements ont tué des dizaines de soldats près de la ligne de front.",
    "Le temps était doux.",
    "Le match de football a été suspendu.",
]


def test_gap_counts_found_missed_and_extra_topics_with_their_terms() -> None:
    result = gap(ENGLISH, FRENCH, "fr", first_line=10)
    assert result.english == {"medtop:20000056": 1, "medtop:15000000": 1}
    assert result.found == {"medtop:20000056": 1}
    assert result.recall == 0.5
    assert result.misses == [(11, "medtop:15000000", ["football", "match"], FRENCH[1])]
    assert result.extras == [(12, "medtop:15000000", ["match", "football"], FRENCH[2])]
