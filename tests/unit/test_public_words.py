from __future__ import annotations

import random

from benchmarks.public_words import build, tokens


def test_tokens_keep_words_and_cut_unspaced_runs() -> None:
    assert tokens("The 2019 talks in Geneva, at 10 am.") == ["The", "talks", "Geneva"]
    # Without a generator a run of an unspaced script comes whole; with one, a 2-4 character piece of it.
    assert tokens("特朗普说，谈判将继续") == ["特朗普说", "谈判将继续"]
    pieces = tokens("特朗普说，谈判将继续", random.Random(1))
    assert len(pieces) == 2 and all(2 <= len(p) <= 4 for p in pieces)
    assert pieces[0] in "特朗普说" and pieces[1] in "谈判将继续"


def _lines(words: list[str], n: int = 2000) -> list[str]:
    return [" ".join(words[(i + j) % len(words)] for j in range(4)) for i in range(n)]


def test_build_leaves_out_words_other_languages_share() -> None:
    lines = {
        "xa": _lines(["Berlin", "alpha", "alphas", "alphaz", "alphab", "alphac", "alphad"]),
        "xb": _lines(["Berlin", "betaa", "betab", "betac", "betad", "betae", "betaf"]),
    }
    sets = build(lines)
    for half in ("tune", "test"):
        singles = [text for code, text in sets[half] if " " not in text]
        assert singles and "Berlin" not in singles
        assert {code for code, _ in sets[half]} == {"xa", "xb"}
        # A pair needs one word of its own language: "Berlin alpha" may stand, never a pair of shared words alone.
        assert all(any(not w.startswith("Berlin") for w in text.split()) for _, text in sets[half])
    assert build(lines) == sets  # seeded per language and half: the same input gives the same sets
