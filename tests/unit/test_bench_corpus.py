"""The bench corpus: deterministic, every language present, and duplicates near the share it is built with."""

from __future__ import annotations

from collections import Counter

import orjson

from benchmarks.corpus import COPY_SHARE, LANGUAGE_SHARES, generate, stories
from stream.events import Clusterer, extract


def test_same_arguments_same_bytes() -> None:
    assert [s.raw for s in stories(50, seed=3)] == [generate(i, seed=3).raw for i in range(50)]
    assert generate(7).raw != generate(7, seed=8).raw


def test_stories_are_wire_length_in_every_language() -> None:
    corpus = list(stories(600))
    assert set(Counter(s.language for s in corpus)) == set(LANGUAGE_SHARES)
    for s in corpus:
        doc = orjson.loads(s.raw)
        assert len(doc["headline"]) + len(doc["body"]) >= 1800, s.id


def test_duplicates_are_the_copies_not_the_templates() -> None:
    """The events agent's own duplicate test finds about the copies: not the 92 % of near-duplicates
    that padding with template sentences once produced (so the bench measured the cheap path)."""
    clusterer = Clusterer()
    corpus = list(stories(600))
    dups = 0
    for i, s in enumerate(corpus):
        doc = orjson.loads(s.raw)
        doc["versioncreated"] = 1.7e9 + 30.0 * i
        dups += clusterer.assign(extract(doc)).duplicate_of is not None
    assert COPY_SHARE - 0.05 <= dups / len(corpus) <= COPY_SHARE + 0.08
