"""The ordered automaton matches what any automaton over the same keys matches, and orders its root for speed."""

from __future__ import annotations

import ahocorasick
from hypothesis import given, settings
from hypothesis import strategies as st

from stream.text.automaton import ROOT_FIRST, UNREACHABLE, ordered_automaton

# Few letters from several scripts, so that random keys share prefixes and occur inside the texts.
_LETTERS = st.sampled_from(list("abz ı1ьاש中"))
_KEYS = st.lists(st.text(_LETTERS, min_size=1, max_size=4), min_size=1, max_size=25, unique=True)


def _plain(keys: list[str]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for key in sorted(keys):
        auto.add_word(key, key)
    auto.make_automaton()
    return auto


@settings(max_examples=300, deadline=None)
@given(keys=_KEYS, text=st.text(_LETTERS, max_size=40))
def test_matches_are_those_of_an_automaton_filled_in_code_point_order(keys: list[str], text: str) -> None:
    ordered = ordered_automaton({k: k for k in keys}, lambda key: "filler " + key)
    assert list(ordered.iter(text)) == list(_plain(keys).iter(text))
    assert all(ordered.get(k) == k for k in keys)


def test_a_character_inside_keys_that_starts_none_gets_a_root_child_no_text_reaches() -> None:
    keys = ["kırım", "bakı"]
    ordered = ordered_automaton({k: k for k in keys}, lambda key: "filler")
    # The filler makes "ı" a prefix of a key: its lookup at the root ends at once instead of scanning every child.
    assert ordered.match("ı") and not _plain(keys).match("ı")
    assert ordered.get("ı" + UNREACHABLE) == "filler"
    assert list(ordered.iter("ı ıı kırım" + "".join(ROOT_FIRST))) == [(9, "kırım")]


def test_the_root_tries_the_space_and_digits_first_then_the_characters_keys_hold_most() -> None:
    ordered = ordered_automaton({k: k for k in ["b", "az", "za", "zz"]}, lambda key: "")
    # pyahocorasick's keys() walks the trie depth first, taking a node's children from the last one.
    firsts: list[str] = []
    for key in reversed(list(ordered.keys())):
        if key[0] not in firsts:
            firsts.append(key[0])
    assert firsts == [*ROOT_FIRST, "z", "a", "b"]  # z four times in the keys, a twice, b once


def test_the_space_node_is_ordered_like_the_root() -> None:
    # Keys anchored at a token's start ("paris" stored as " paris") hang under the space: every token's first
    # character is looked up there, so its children are ordered as the root's are.
    keys = [" b", " az", " za", " zz", "q"]
    ordered = ordered_automaton({k: k for k in keys}, lambda key: "")
    seconds: list[str] = []
    for key in reversed(list(ordered.keys())):
        if key[0] == " " and len(key) > 1 and key[1] not in seconds:
            seconds.append(key[1])
    assert seconds == [*ROOT_FIRST, "z", "a", "b", "q"]  # a character that starts no anchored key still gets a child
    assert list(ordered.iter(" zz az q")) == list(_plain(keys).iter(" zz az q"))
