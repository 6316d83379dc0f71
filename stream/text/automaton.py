"""Aho-Corasick automata whose root is ordered for a fast walk over news text.

pyahocorasick keeps a node's children in an array it scans linearly, and nearly every character of a text is
looked up at the root. The place gazetteer's root has a child for each of ~3,100 first letters: filled in
code-point order, a Georgian letter was found after ~2,000 comparisons, and a character that starts no key (a
digit, Turkish "ı", Russian "ь", Armenian "ը") was compared against them all. :func:`ordered_automaton` fills
the root with the space and the digits first, then in the order of how often a character occurs in the keys
(which tracks how often the texts of their languages hold it), and gives a character that occurs in keys but
starts none a child of its own that no text reaches (its key ends in NUL, never a token character), so that its
lookup ends there. The matches are the same as those of an automaton filled in any order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import TypeVar

import ahocorasick

__all__ = ["ROOT_FIRST", "UNREACHABLE", "ordered_automaton"]

V = TypeVar("V")

#: Characters tried first at the root: the space that separates tokens, and the digits that every story holds.
ROOT_FIRST = " 0123456789"
#: Ends the keys that only give a character its own child at the root.
UNREACHABLE = "\0"


def ordered_automaton(values: Mapping[str, V], filler: Callable[[str], V]) -> ahocorasick.Automaton:
    """An automaton over the keys of ``values`` (each mapped to its value), the root ordered for a fast walk.

    The children of the space's node are ordered the same way: keys anchored at a token's start begin with
    the space that joins tokens, so every token's first character is looked up there as every other
    character is at the root. ``filler(key)`` is the value of each key added only to order a node
    (``char + UNREACHABLE`` or ``" " + char + UNREACHABLE``); no text matches it, but
    :meth:`ahocorasick.Automaton.get` and ``len`` see it.
    """
    by_first: dict[str, list[str]] = {}
    anchored: dict[str, list[str]] = {}
    for key in values:
        if key[0] == ROOT_FIRST[0] and len(key) > 1:
            anchored.setdefault(key[1], []).append(key)
        else:
            by_first.setdefault(key[0], []).append(key)
    occurrences = Counter("".join(values))
    for char in ROOT_FIRST:
        occurrences.pop(char, None)
    order = [*ROOT_FIRST, *sorted(occurrences, key=lambda c: (-occurrences[c], c))]
    auto = ahocorasick.Automaton()
    for char in order:
        keys = by_first.pop(char, None)
        if char == ROOT_FIRST[0] and anchored:
            for key in keys or ():
                auto.add_word(key, values[key])
            for second in order:
                group = anchored.pop(second, None)
                if group is None:
                    auto.add_word(char + second + UNREACHABLE, filler(char + second + UNREACHABLE))
                else:
                    for key in group:
                        auto.add_word(key, values[key])
        elif keys is None:
            auto.add_word(char + UNREACHABLE, filler(char + UNREACHABLE))
        else:
            for key in keys:
                auto.add_word(key, values[key])
    auto.make_automaton()
    return auto
