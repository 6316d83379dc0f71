"""The packed string map answers what a dict of the same items answers, in less memory."""

from __future__ import annotations

import gzip
import json
import sys

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from stream.topics import packed
from stream.topics.model import ARTIFACT, load
from stream.topics.packed import PackedMap, get_all, lines, starting

# Keys as the model's are: any text but the line break that separates them in the file (a "\r" or "\u2028"
# inside a key must not split it).
_KEY = st.text(st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), max_size=12)


@given(st.dictionaries(_KEY, st.integers(0, 2**31 - 1), max_size=40), st.lists(_KEY, max_size=20))
def test_a_packed_map_of_rows_answers_as_the_dict(items: dict[str, int], others: list[str]) -> None:
    packed = PackedMap.of(items)
    queries = [*items, *others]
    assert packed.get_many(queries) == [items.get(k) for k in queries]
    assert [packed.get(k) for k in queries] == [items.get(k) for k in queries]
    assert [k in packed for k in queries] == [k in items for k in queries]
    assert list(packed) == list(items) and len(packed) == len(items)
    assert list(packed.items()) == list(items.items())


@given(st.dictionaries(_KEY, st.sampled_from(["war", "vote", "flood"]), max_size=40), st.lists(_KEY, max_size=20))
def test_a_packed_map_of_labels_answers_as_the_dict(items: dict[str, str], others: list[str]) -> None:
    packed = PackedMap.of(items)
    queries = [*items, *others]
    assert get_all(packed, queries) == get_all(items, queries) == [items.get(k) for k in queries]
    assert dict(packed.items()) == items and list(packed.values()) == list(items.values())


def test_keys_that_share_a_hash_are_told_apart_by_their_bytes() -> None:
    # Real 64-bit hash collisions are too rare to find; the map is given them instead.
    keys = ["krieg", "wahl", "flut"]
    packed: PackedMap[int] = PackedMap(
        "".join(k + "\n" for k in keys).encode(), hashes=np.array([hash("flut")] * 3, dtype=np.int64)
    )
    assert packed.get_many(["flut", "krieg", "flut"]) == [2, None, 2]  # krieg's own hash is not in the map
    assert packed["flut"] == 2 and "wahl" not in packed


def test_a_missing_key_raises_key_error_and_get_gives_the_default() -> None:
    packed = PackedMap.of({"w war": 0})
    with pytest.raises(KeyError):
        packed["w peace"]
    assert packed.get("w peace", -1) == -1 and packed.get(3, -1) == -1  # type: ignore[call-overload]
    assert PackedMap.of({}).get_many(["x"]) == [None] and len(PackedMap(b"")) == 0
    assert PackedMap.of({"": 5}).get_many(["", "x"]) == [5, None]  # an empty key is a key
    with pytest.raises(ValueError, match="no line feed"):
        PackedMap(b"war")


def test_duplicate_keys_and_keys_with_line_feeds_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate keys"):
        PackedMap(b"war\nvote\nwar\n")
    with pytest.raises(ValueError, match="line feed"):
        PackedMap.of({"war\nvote": 1})


def test_lines_split_at_line_feeds_only() -> None:
    assert list(lines("a\rb\u2028c\nd\n\ne".encode())) == ["a\rb\u2028c", "d", "", "e"]
    assert list(lines(b"")) == [] and list(lines(b"x\n")) == ["x"]


def test_the_shipped_model_loads_its_tables_as_the_file_lists_them() -> None:
    m = load()
    with gzip.open(ARTIFACT, "rb") as fh:
        header = json.loads(fh.readline())
        words = fh.read(header["vocabulary_bytes"]).decode().split("\n")
        fh.read(header["features"] * len(header["topics"]) * 2 + len(header["topics"]) * 4)
        table = [line.split("\t", 1) for line in fh.read(header["translations_bytes"]).decode().split("\n")]
    assert isinstance(m.vocabulary, PackedMap) and isinstance(m.translations, PackedMap)
    step = 97  # a sample: every key would take a second per table one by one
    assert [m.vocabulary.get(w) for w in words[::step]] == list(range(0, len(words), step))
    assert m.vocabulary.get_many(words) == list(range(len(words)))
    assert m.translations.get_many([unit for unit, _ in table]) == [english for _, english in table]
    assert m.vocabulary.get_many([w + "x" for w in words[::step]]).count(None) >= len(words[::step]) - 1


def test_the_packed_tables_take_under_half_the_dicts_memory() -> None:
    """The issue's budget for the model is 100 MiB: as dicts these two tables took ~52 MiB of it."""
    m = load()
    for table in (m.vocabulary, m.translations):
        assert isinstance(table, PackedMap)
        packed_bytes = len(table._blob) + sum(len(a) * a.itemsize for a in (table._first, table._hashes, table._meta))
        as_dict = dict(table.items())
        dict_bytes = sys.getsizeof(as_dict) + sum(map(sys.getsizeof, as_dict))  # the values are shared or small
        assert packed_bytes < dict_bytes / 2, (packed_bytes, dict_bytes)


@given(st.lists(_KEY, max_size=30), st.integers(1, 9), st.booleans())
def test_lines_are_the_same_whatever_the_chunk_they_are_decoded_in(keys: list[str], chunk: int, last_fed: bool) -> None:
    text = "\n".join(keys) + ("\n" if last_fed and keys else "")
    expected = keys if last_fed or not keys or keys[-1] else keys[:-1]  # an empty last line without its feed is no line
    was = packed._CHUNK
    packed._CHUNK = chunk  # smaller than the keys: a chunk ends inside a key, or holds no line feed at all
    try:
        assert list(lines(text.encode())) == expected
    finally:
        packed._CHUNK = was


@given(st.dictionaries(_KEY, st.integers(0, 99), max_size=40), st.text("bwp^~é", max_size=3), st.booleans())
def test_keys_chosen_by_their_first_character_are_the_dicts(items: dict[str, int], firsts: str, but: bool) -> None:
    firsts = "".join(c for c in firsts if c.isascii())
    expected = [(k, v) for k, v in items.items() if (k != "" and k[0] in firsts) != but]
    assert list(PackedMap.of(items).starting(firsts, but=but)) == expected
    assert list(starting(items, firsts, but=but)) == expected


def test_a_word_whose_hash_is_the_paddings_is_absent() -> None:
    padding = int(np.iinfo(np.int64).max)
    packed: PackedMap[int] = PackedMap(b"krieg\n", hashes=np.array([hash("krieg")], dtype=np.int64))

    class Padded(str):
        def __hash__(self) -> int:
            return padding

    assert packed.get_many([Padded("flut"), "krieg"]) == [None, 0]
