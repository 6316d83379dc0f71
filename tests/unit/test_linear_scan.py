"""Scanning is linear: a story of one long unspaced token costs what its length costs, not its square.

A 480 KB token made the geotagger copy the rest of the token per automaton match (~14 s of CPU);
the topic matcher stemmed the whole token. These stories are under the default size limit
(``WIREWATCH_MAX_STORY_BYTES``), so the worker must get through each in well under a second.
"""

from __future__ import annotations

import gc
import json
import time
from functools import cache

import pytest

from stream.pipeline import Pipeline
from stream.places.dateline import find_dateline
from stream.places.geotag import locate
from stream.story import Story
from stream.text.normalize import TokenStream
from stream.topics.rules import Matcher, parse_term

STORY_BYTES = 500_000
# CPU seconds per story. Linear scanning takes ~0.1 s here; the quadratic one took 1-14 s.
BOUND = 1.0

# (case, headline, repeated unit, language, country the headline names)
CASES = [
    ("arabic", "بغداد", "بغداد", "ar", "IQ"),
    ("latin", "Paris", "Paris", "en", "FR"),
    ("cjk", "北京", "北京", "zh", "CN"),
    # ำ folds to two characters, so a name's own offsets inside this run are counted per character.
    ("thai", "ปักกิ่ง", "ปักกิ่งทำ", "th", "CN"),
]


@cache
def _pipeline() -> Pipeline:
    pipeline = Pipeline()
    pipeline.warm_up()
    return pipeline


def _story(headline: str, unit: str) -> bytes:
    body = unit * (STORY_BYTES // len(unit.encode()))
    return json.dumps({"id": "long-token", "headline": headline, "body": body}, ensure_ascii=False).encode()


@pytest.mark.slow
@pytest.mark.parametrize(("case", "headline", "unit", "language", "country"), CASES, ids=[c[0] for c in CASES])
def test_a_500kb_unspaced_story_runs_through_the_pipeline_in_under_a_second(
    case: str, headline: str, unit: str, language: str, country: str
) -> None:
    pipeline = _pipeline()
    raw = _story(headline, unit)
    assert STORY_BYTES <= len(raw) < pipeline.max_story_bytes
    started = time.process_time()
    enriched = pipeline.process(raw).to_dict()
    elapsed = time.process_time() - started
    assert elapsed < BOUND, f"{case}: {elapsed:.2f} s of CPU for a {len(raw):,}-byte story"
    # The answers stay sensible: the language of the script, the place the headline names.
    assert enriched["language"]["code"] == language
    assert [c["iso2"] for c in enriched["countries"]] == [country]


@pytest.mark.parametrize("unit", ["بغداد", "Paris", "北京", "ليبيا", "Москва", "9", "ปักกิ่งทำ"])
def test_geotagging_a_long_token_is_linear(unit: str) -> None:
    """Eight times the token, about eight times the time; a quadratic scan took 64 times as long.

    The sizes are 8x apart and the bound is 20x: a busy machine (one CI run measured a 2x step as
    3.9x) would need to skew a timing fivefold to fail it, while quadratic work fails it threefold.
    """

    def cpu(n: int) -> float:
        story = Story(id="t", headline="", body=unit * n)
        tokens = TokenStream.of(story.text)
        best = float("inf")
        gc.collect()
        gc.disable()  # a collection landing inside one timing is the noise this bound must not see
        try:
            for _ in range(5):
                started = time.process_time()
                locate(story, None, tokens=tokens)
                best = min(best, time.process_time() - started)
        finally:
            gc.enable()
        return best

    locate(Story(id="warm", headline="", body=unit), None)  # gazetteer loaded outside the timing
    small, large = cpu(5_000), cpu(40_000)
    assert large < 20 * small + 0.02, (small, large)


def test_the_dateline_regex_stops_within_its_window_on_a_long_token() -> None:
    for unit in ("بغداد", "PARIS", "北京"):
        story = Story(id="t", headline="h", body=unit * 200_000)
        started = time.process_time()
        find_dateline(story)
        assert time.process_time() - started < 0.05


def test_topic_terms_on_a_long_token_are_found_without_scanning_it_whole() -> None:
    matcher = Matcher([parse_term("war", "en"), parse_term("peru*", "en"), parse_term("قتال", "ar")])
    for token, expected in (("war" * 200_000, set()), ("peru" * 200_000, {"peru*"}), ("والقتال" * 100_000, set())):
        started = time.process_time()
        found = {term.text for term in matcher.starting_at(token)}
        assert time.process_time() - started < 0.1
        assert found == expected
