"""B-cubed precision and recall of benchmarks/eval_events.py, against hand-computed cases."""

from __future__ import annotations

import argparse

import pytest

from benchmarks.eval_events import bcubed, follow_merges


def test_perfect_clustering_scores_one() -> None:
    gold = {"a": "X", "b": "X", "c": "Y"}
    assert bcubed({"a": "1", "b": "1", "c": "2"}, gold) == (1.0, 1.0, 1.0)


def test_all_singletons_have_full_precision_and_recall_one_over_class_size() -> None:
    gold = {"a": "X", "b": "X", "c": "Y"}
    # recall per item: a 1/2, b 1/2, c 1 -> 2/3; precision 1
    p, r, f = bcubed({"a": "1", "b": "2", "c": "3"}, gold)
    assert (p, r) == (1.0, pytest.approx(2 / 3))
    assert f == pytest.approx(2 * (2 / 3) / (1 + 2 / 3))  # 0.8


def test_one_cluster_for_everything_has_full_recall() -> None:
    gold = {"a": "X", "b": "X", "c": "Y", "d": "Y"}
    # every item: precision 2/4, recall 1
    assert bcubed(dict.fromkeys(gold, "1"), gold) == (0.5, 1.0, pytest.approx(2 / 3))


def test_mixed_case_by_hand() -> None:
    # gold X = {a, b, c}, Y = {d, e}; predicted 1 = {a, b}, 2 = {c, d, e}
    gold = {"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y"}
    predicted = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "2"}
    # precision: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 -> (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15
    # recall:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 -> (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15
    p, r, f = bcubed(predicted, gold)
    assert p == pytest.approx(11 / 15) and r == pytest.approx(11 / 15) and f == pytest.approx(11 / 15)


def test_items_missing_from_the_prediction_are_alone_and_extra_ones_are_ignored() -> None:
    gold = {"a": "X", "b": "X"}
    # b unpredicted: its own cluster; z is not in gold and does not count
    p, r, _ = bcubed({"a": "1", "z": "1"}, gold)
    assert (p, r) == (1.0, 0.5)
    assert bcubed({}, {}) == (1.0, 1.0, 1.0)


def test_following_merges_relabels_stories_of_absorbed_events_through_chains() -> None:
    # e2 was absorbed by e1, which was later absorbed by e0: a story that joined e2 now belongs to e0.
    predicted = {"a": "e0", "b": "e1", "c": "e2", "d": "e3"}
    assert follow_merges(predicted, {"e2": "e1", "e1": "e0"}) == {"a": "e0", "b": "e0", "c": "e0", "d": "e3"}
    gold = {"a": "X", "b": "X", "c": "X", "d": "Y"}
    assert bcubed(follow_merges(predicted, {"e2": "e1", "e1": "e0"}), gold) == (1.0, 1.0, 1.0)


def test_diagnose_reports_recall_by_language_and_the_stories_kept_from_their_gold_event(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from benchmarks.eval_events import diagnose
    from stream.events.cluster import JOIN_SCORE, MIN_SPECIFIC, NEAR_RATIO, NEAR_SCORE, WINDOW
    from tests.unit.events_stories import PROTEST, RUGBY, SHELLING, enrich

    args = argparse.Namespace(
        window=WINDOW, join_score=JOIN_SCORE, min_specific=MIN_SPECIFIC, near_score=NEAR_SCORE, near_ratio=NEAR_RATIO
    )
    rows = [{"id": r["id"], "gold": "Q2", "lang": r["language"], "enriched": enrich(r)} for r in SHELLING]
    diagnose(rows, args, min_stories=1)
    out = capsys.readouterr().out
    assert "  ru        1  1.000  1.000    0.0" in out  # one event in five languages: nothing lost
    assert out.rstrip().endswith("against that part:")  # and no story kept apart
    # The rugby match and the protest in Tbilisi stay apart (the topic veto); called one event, the
    # second is reported as kept from the first's part, in another language.
    rows = [{"id": r["id"], "gold": "Q4", "lang": r["language"], "enriched": enrich(r)} for r in (PROTEST, RUGBY)]
    diagnose(rows, args, min_stories=1)
    assert "other languages, candidate" in capsys.readouterr().out


def test_a_language_whose_every_blurb_is_out_of_reach_of_its_events_is_misdated() -> None:
    from benchmarks.eval_events import MISDATED_MIN, misdated

    week = 7 * 24 * 3600.0
    rows = []
    for i in range(MISDATED_MIN):
        event, t = f"Q{i}", i * 10 * week
        rows.append({"gold": event, "lang": "en", "time": t})
        rows.append({"gold": event, "lang": "ru", "time": t + 3600})  # a few hours later: in reach
        rows.append({"gold": event, "lang": "fa", "time": t - 60 * week})  # every one far too early
    rows.append({"gold": "Q0", "lang": "da", "time": -30 * week})  # one misplaced blurb is no pattern
    assert misdated(rows, week) == {"fa": MISDATED_MIN}
    # One fa blurb in reach is enough for the language to count as dated.
    rows.append({"gold": "Q1", "lang": "fa", "time": 10 * week + 60})
    assert misdated(rows, week) == {}
