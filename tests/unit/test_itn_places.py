"""benchmarks.itn_places: the agreement counts between a language's blurbs and the English blurb."""

from __future__ import annotations

from benchmarks.itn_places import agreement, blurbs_by_event


def test_agreement_counts_countries_both_blurbs_give_and_either_alone() -> None:
    rows = [
        {"gold": "Q1", "lang": "en", "text": "a"},
        {"gold": "Q1", "lang": "zh", "text": "b"},
        {"gold": "Q1", "lang": "zh", "text": "ignored: a second zh blurb"},
        {"gold": "Q2", "lang": "zh", "text": "c"},  # no English blurb: not counted
    ]
    read = {"a": {"CN", "KZ"}, "b": {"CN", "GE"}, "c": {"FR"}}
    events = blurbs_by_event(rows)
    assert events["Q1"] == {"en": "a", "zh": "b"}
    assert agreement(events, "zh", lambda text, _lang: read[text]) == (1, 1, 1, 1)
    assert agreement(events, "ko", lambda text, _lang: read[text]) == (0, 0, 0, 0)
