"""Near-duplicate sketches: deterministic, script-aware, and a threshold that separates copies from stories."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from stream.events.fingerprint import SKETCH_SIZE, DuplicateIndex, hamming, jaccard, simhash, sketch, strip_marks, units
from tests.unit.events_stories import SHELLING, SYNDICATED, UNRELATED

ROOT = Path(__file__).parents[2]


def _text(raw: dict[str, str]) -> str:
    return raw["headline"] + "\n\n" + raw["body"]


def test_units_fold_strip_marks_and_split_unspaced_scripts() -> None:
    assert units("Erdoğan ЁЛКА Ереван") == ["erdogan", "елка", "ереван"]
    assert units("北京时间周四") == ["北", "京", "时", "间", "周", "四"]
    assert units("हिन्दी समाचार") == ["हिन्दी", "समाचार"]  # Indic vowel signs stay
    assert strip_marks("Çağlayan") == "Caglayan"


def test_sketches_are_the_same_in_another_process() -> None:
    mine = sketch(units(_text(SHELLING[0])))
    code = (
        "from stream.events.fingerprint import sketch, units\n"
        "from tests.unit.events_stories import SHELLING\n"
        "r = SHELLING[0]\n"
        "print(sketch(units(r['headline'] + '\\n\\n' + r['body']))[:4])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "123", "PATH": ""},
    )
    assert out.stdout.strip() == str(mine[:4])


def test_a_syndicated_copy_is_a_near_duplicate_and_other_stories_are_not() -> None:
    original = sketch(units(_text(SHELLING[0])))
    assert jaccard(original, sketch(units(_text(SYNDICATED)))) >= 0.6
    for other in [*SHELLING[1:], *UNRELATED]:
        assert jaccard(original, sketch(units(_text(other)))) < 0.1


def test_simhash_moves_few_bits_for_a_copy() -> None:
    a = simhash(units(_text(SHELLING[0])))
    assert hamming(a, simhash(units(_text(SYNDICATED)))) < hamming(a, simhash(units(_text(UNRELATED[0]))))
    assert simhash([]) == 0


def test_the_index_finds_the_copy_expires_and_stays_bounded() -> None:
    index = DuplicateIndex(max_items=3)
    index.add("a", sketch(units(_text(SHELLING[0]))), 100.0)
    index.add("b", sketch(units(_text(UNRELATED[0]))), 200.0)
    hit = index.find(sketch(units(_text(SYNDICATED))))
    assert hit is not None and hit[0] == "a" and hit[1] >= 0.6
    assert index.find(sketch(units(_text(SHELLING[0]))), exclude="a") is None
    assert index.expire(150.0) == 1 and len(index) == 1
    for i in range(5):
        index.add(f"x{i}", sketch(units(f"story number {i} about something else entirely {i}")), 300.0 + i)
    assert len(index) == 3 and "b" not in index.items


@given(
    st.lists(st.integers(0, 300), max_size=80).map(lambda xs: tuple(sorted(set(xs)))),
    st.lists(st.integers(0, 300), max_size=80).map(lambda xs: tuple(sorted(set(xs)))),
)
def test_jaccard_is_the_bottom_k_estimator(a: tuple[int, ...], b: tuple[int, ...]) -> None:
    """Shared hashes among the k smallest of the union, over those k (Broder); 0.0 if either is empty."""
    if not a or not b:
        assert jaccard(a, b) == 0.0
        return
    union = sorted(set(a) | set(b))[:SKETCH_SIZE]
    assert jaccard(a, b) == sum(1 for h in union if h in set(a) and h in set(b)) / len(union)


_sketches = st.lists(st.integers(0, 120), min_size=1, max_size=70).map(lambda xs: tuple(sorted(set(xs))[:SKETCH_SIZE]))


@given(_sketches, st.lists(_sketches, min_size=1, max_size=12))
def test_find_is_the_best_jaccard_over_every_candidate(query: tuple[int, ...], stored: list[tuple[int, ...]]) -> None:
    """The cheap bound that rules most candidates out never rules out the one a full comparison picks."""
    index = DuplicateIndex()
    for i, sk in enumerate(stored):
        index.add(f"s{i}", sk, float(i))
    found = index.find(query)
    postings = set(query[:8])
    scored = [(jaccard(query, sk), -i) for i, sk in enumerate(stored) if postings & set(sk[:8])]
    best = max((s for s in scored if s[0] >= index.threshold), default=None)
    assert found == (None if best is None else (f"s{-best[1]}", best[0]))


# Hashes on 31 bits of the 512-bit masks, about eleven to a bit.
_crowded = st.integers(0, 340).map(lambda x: x % 31 + 512 * (x // 31))


@given(
    st.lists(_crowded, min_size=1, max_size=90),
    st.lists(st.tuples(st.integers(0, 40), st.lists(_crowded, max_size=40)), min_size=1, max_size=8),
)
def test_find_keeps_every_copy_when_hashes_share_mask_bits(base: list[int], edits: list[tuple[int, list[int]]]) -> None:
    """Copies of the query (hashes dropped and added) whose hashes crowd onto a few bits of the masks:
    the case where the common bits alone would undercount the shared hashes and lose the copy."""
    query = tuple(sorted(set(base))[:SKETCH_SIZE])
    stored = [tuple(sorted(set(query[drop:]) | set(extra))[:SKETCH_SIZE]) for drop, extra in edits]
    index = DuplicateIndex()
    for i, sk in enumerate(stored):
        index.add(f"s{i}", sk, float(i))
    postings = set(query[:8])
    scored = [(jaccard(query, sk), -i) for i, sk in enumerate(stored) if postings & set(sk[:8])]
    best = max((s for s in scored if s[0] >= index.threshold), default=None)
    assert index.find(query) == (None if best is None else (f"s{-best[1]}", best[0]))


@given(st.lists(st.tuples(_sketches, _sketches, st.booleans()), min_size=1, max_size=10))
def test_add_after_find_masks_the_sketch_it_is_given(steps: list[tuple[tuple[int, ...], tuple[int, ...], bool]]) -> None:
    """add() reuses the mask find() took only for that very sketch: an index fed finds of other sketches
    between its adds holds the same masks as one fed the adds alone."""
    index, plain = DuplicateIndex(), DuplicateIndex()
    for i, (looked_up, added, same) in enumerate(steps):
        stored = looked_up if same else added
        index.find(looked_up)
        index.add(f"s{i}", stored, float(i))
        plain.add(f"s{i}", stored, float(i))
    assert index._masks == plain._masks
