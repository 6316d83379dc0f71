"""A read-only string map packed into arrays: the topic model's vocabulary and translation table.

As Python dicts, the model's ~267,000 feature strings and ~276,000 translation units took ~52 MiB, nearly all
of it the key strings' object headers; the issue's budget for the model is 100 MiB. Here the keys are one
UTF-8 blob, found through the sorted array of their string hashes (indexed by the hashes' top bits), and each
key's offsets and value are one row of an integer array (values index a table of labels when they are strings):
~19 MiB for both tables.

A hash match is only a candidate: the key's bytes are compared before a value is returned, so the map answers
exactly what a dict of the same items answers. The hash is this process's ``hash(str)`` (the arrays are built
when the model loads, and a story's tokens keep their hashes cached), so the arrays' order differs from one
process to the next and the answers do not.

A lookup reads the key's run start, a hash or two and, on a match, the key's bytes: a few array items, ~0.4 us a
key against a dict's ~0.05, in one Python loop over all of a story's new words (:meth:`PackedMap.get_many`;
:func:`get_all` for a mapping that may be a plain dict).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar, overload

import numpy as np

__all__ = ["PackedMap", "get_all", "lines", "starting"]

V = TypeVar("V")
_CHUNK = 1 << 16  # bytes of keys decoded together by lines()
_SENTINEL = np.iinfo(np.int64).max  # pads the hashes past the last run
_BUCKET_BITS = 18  # runs of the sorted hashes indexed (~1 key a run for the model's tables; 1 MiB of int32)


class PackedMap(Mapping[str, V], Generic[V]):
    """Keys (UTF-8 ``blob``, each key followed by a line feed, in order) to ``labels[codes[i]]``, or to
    ``codes[i]`` itself when ``labels`` is None; ``codes`` None means each key's value is its index (a row)."""

    __slots__ = ("_blob", "_first", "_hashes", "_labels", "_meta", "_size")

    def __init__(
        self,
        blob: bytes,
        codes: np.ndarray[Any, Any] | None = None,
        labels: Sequence[V] | None = None,
        hashes: np.ndarray[Any, Any] | None = None,
    ) -> None:
        """``hashes``: each key's ``hash``, when the caller has them (they are worked out otherwise)."""
        self._blob = blob
        if blob:
            breaks = (np.frombuffer(blob, dtype=np.uint8) == 0x0A).nonzero()[0]
            if blob[-1:] != b"\n":
                raise ValueError("the blob's last key has no line feed after it")
            if hashes is None:
                hashes = np.fromiter(map(hash, lines(blob)), dtype=np.int64, count=len(breaks))
        else:
            breaks = hashes = np.zeros(0, dtype=np.int64)
        n = len(hashes)
        if codes is not None and len(codes) != n:
            raise ValueError(f"{len(codes)} values for {n} keys")
        order = np.argsort(hashes, kind="stable")
        ordered = hashes[order]
        if n > 1 and not (ordered[1:] != ordered[:-1]).all() and len(set(self._keys())) != n:  # two equal hashes
            raise ValueError("duplicate keys")
        # The sorted hashes fall into 2**_BUCKET_BITS runs by their top bits; ``first[b]`` is where run ``b`` starts.
        # A lookup reads its run's start and then the run itself, two or three cache lines, where a binary search
        # of the whole array read one per halving (~1 us a key from cold memory; a story's new words are cold).
        buckets = (ordered >> (64 - _BUCKET_BITS)) + (1 << (_BUCKET_BITS - 1))
        counts = np.bincount(buckets, minlength=1 << _BUCKET_BITS)
        # Kept as array.array: a lookup reads a few items of each, and indexing one from Python costs a tenth of
        # NumPy's (a story's new words were ~50 us slower looked up through NumPy than through dicts; so they are
        # not). NumPy reads the same memory where it works on all keys (starting).
        self._first = array("i", np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int32).tobytes())
        # Padded with one hash above all others, so that a scan of the last run stops.
        self._hashes = array("q", np.append(ordered, _SENTINEL).tobytes())
        # Per key in the hashes' order, what a hit needs in three items: its first byte, the line feed after its
        # last, and its value's code (its own index when there are no codes). int32: blobs are far below 2 GiB.
        width = np.int32 if len(blob) < 2**31 else np.int64
        meta = np.empty((n, 3), dtype=width)
        meta[:, 0] = np.concatenate(([0], breaks[:-1] + 1))[order] if n else 0
        meta[:, 1] = breaks[order]
        meta[:, 2] = order if codes is None else np.asarray(codes)[order]
        self._meta = array("i" if width is np.int32 else "q", meta.tobytes())
        self._size = n
        self._labels = labels

    @classmethod
    def of(cls, items: Mapping[str, V]) -> PackedMap[V]:
        """The map of a dict's items (for tests and builders; :func:`stream.topics.model.load` packs file bytes)."""
        if any("\n" in key for key in items):
            raise ValueError("a key holds a line feed, which separates the keys")
        if not all(isinstance(value, int) for value in items.values()):
            labels = list(dict.fromkeys(items.values()))
            code = {label: i for i, label in enumerate(labels)}
            codes = np.array([code[value] for value in items.values()], dtype=np.int32)
            return cls(_blob(items), codes, labels)
        return cls(_blob(items), np.array(list(items.values()), dtype=np.int32))

    def _keys(self) -> Iterator[str]:
        return lines(self._blob)

    def _value(self, code: int) -> V:
        return code if self._labels is None else self._labels[code]  # type: ignore[return-value]

    def get_many(self, keys: Sequence[str]) -> list[V | None]:
        """The value of each key (None when absent), as ``list(map(dict.get, keys))`` would give them."""
        first, hashes, meta, size = self._first, self._hashes, self._meta, self._size
        labels, blob = self._labels, self._blob
        shift, offset = 64 - _BUCKET_BITS, 1 << (_BUCKET_BITS - 1)
        out: list[V | None] = []
        append = out.append
        for key in keys:
            h = hash(key)
            p = first[(h >> shift) + offset]
            while hashes[p] < h:  # the run holds the keys of this bucket in order; the next run's are larger
                p += 1
            found: Any = None  # a code or a label: V
            # A hash match is a candidate: two keys, or a key and an absent word, may share a hash.
            while hashes[p] == h and p < size:
                row = 3 * p
                if blob[meta[row] : meta[row + 1]] == key.encode("utf-8"):
                    code = meta[row + 2]
                    found = code if labels is None else labels[code]
                    break
                p += 1
            append(found)
        return out

    @overload
    def get(self, key: str) -> V | None: ...
    @overload
    def get(self, key: str, default: V) -> V: ...
    @overload
    def get(self, key: str, default: Any) -> Any: ...
    def get(self, key: str, default: Any = None) -> Any:
        if not isinstance(key, str):
            return default
        found = self.get_many([key])[0]
        return default if found is None else found

    def __getitem__(self, key: str) -> V:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return self._keys()

    def __len__(self) -> int:
        return self._size

    def _rows(self) -> np.ndarray[Any, Any]:
        """The key rows as one (keys, 3) NumPy view: first byte, line feed, code."""
        return np.frombuffer(self._meta, dtype=np.int32 if self._meta.typecode == "i" else np.int64).reshape(-1, 3)

    def _codes(self) -> list[int]:
        """Each key's code in key order (the rows are in the hashes' order; a key's first byte gives its place)."""
        meta = self._rows()
        return meta[meta[:, 0].argsort(), 2].tolist()

    def items(self) -> Iterator[tuple[str, V]]:  # type: ignore[override]
        """Every (key, value) in key order, decoded once (the mixin's would search for each key)."""
        for key, code in zip(self._keys(), self._codes(), strict=True):
            yield key, self._value(code)

    def values(self) -> Iterator[V]:  # type: ignore[override]
        return map(self._value, self._codes())

    def starting(self, firsts: str, *, but: bool = False) -> Iterator[tuple[str, V]]:
        """(key, value) of the keys whose first character is one of the ASCII ``firsts`` (``but``: is none of
        them), in key order: chosen by their first byte at once, and only those decoded."""
        meta = self._rows()
        if not len(meta):
            return iter(())
        empty = meta[:, 1] == meta[:, 0]
        # An empty key's first byte is the line feed after it; a character outside ASCII has no ASCII byte.
        among = np.isin(np.frombuffer(self._blob, dtype=np.uint8)[meta[:, 0]], np.frombuffer(firsts.encode("ascii"), np.uint8))
        rows = meta[~among if but else among & ~empty]
        rows = rows[rows[:, 0].argsort()]
        # The chosen keys' bytes (each with its line feed) cut out at once and decoded as lines() decodes: a slice
        # and a decode per key took most of a worker's FeatureIndex build.
        # One byte a blob byte (wider arrays left the process larger after loading): +1 where a chosen key starts,
        # -1 past its line feed, so that the running sum is 1 on exactly the chosen bytes.
        size = len(self._blob)
        flags = np.zeros(size + 1, dtype=np.int8)
        flags[rows[:, 0]] += 1
        flags[rows[:, 1] + 1] -= 1
        chosen = np.frombuffer(self._blob, dtype=np.uint8)[np.cumsum(flags, dtype=np.int8)[:size].view(np.bool_)].tobytes()
        return zip(lines(chosen), map(self._value, rows[:, 2].tolist()), strict=True)

    def __repr__(self) -> str:
        return f"PackedMap({len(self):,} keys)"


def _blob(keys: Iterable[str]) -> bytes:
    return "".join(key + "\n" for key in keys).encode("utf-8")


def lines(blob: bytes) -> Iterator[str]:
    """The UTF-8 lines of ``blob``, each ending at a line feed (not yielded) or at the end, decoded a few thousand at a time.

    ``blob.decode().split("\\n")`` would hold every key at once (and the whole text, four bytes a character when one
    key is outside the Basic Multilingual Plane): after loading the model's ~540,000 keys that way the process
    stayed ~40 MiB larger, the allocator keeping what they had used. A line feed byte is never part of another
    character's UTF-8 bytes, so the bytes are split where the text would be."""
    start, size = 0, len(blob)
    while start < size:
        # Up to the last line feed of the next _CHUNK bytes (or of a longer line), split as one piece.
        end = blob.rfind(b"\n", start, start + _CHUNK)
        if end < 0:
            end = blob.find(b"\n", start + _CHUNK)
            if end < 0:
                end = size
        yield from blob[start:end].decode("utf-8").split("\n")
        start = end + 1


def starting(mapping: Mapping[str, V], firsts: str, *, but: bool = False) -> Iterator[tuple[str, V]]:
    """:meth:`PackedMap.starting` of ``mapping``, a dict's items filtered alike."""
    if isinstance(mapping, PackedMap):
        return mapping.starting(firsts, but=but)
    return ((key, value) for key, value in mapping.items() if (key[:1] != "" and key[0] in firsts) != but)


def get_all(mapping: Mapping[str, V], keys: Sequence[str]) -> list[V | None]:
    """``[mapping.get(k) for k in keys]``, in one search when ``mapping`` is a :class:`PackedMap`."""
    if isinstance(mapping, PackedMap):
        return mapping.get_many(keys)
    return list(map(mapping.get, keys))
