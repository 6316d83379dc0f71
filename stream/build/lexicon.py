"""Build the short-text word lexicon from the ``wordfreq`` package's frequency lists.

Run ``python -m stream.build.lexicon`` (``make lexicon``; needs the ``gazetteer``
extra, which installs wordfreq). It writes :data:`ARTIFACT`, read at run time by
:mod:`stream.language.lexicon`; wordfreq itself is never imported at run time (its lists
would cost hundreds of MiB resident).

For every language in :data:`LANGUAGES` the file keeps the :data:`TOP` most
frequent words made only of letters (and combining marks; two or more except in
Chinese and Japanese), with their Zipf
frequency (log10 of occurrences per billion words) to one decimal. Serbo-Croatian
(wordfreq's ``sh``, Latin script) is stored twice: as Croatian, and transliterated
to Cyrillic as Serbian, because wirewatch's Serbian is Cyrillic. Languages whose
script settles the answer alone (Greek, Korean, Thai, Hebrew...) are left out:
a lexicon could never change their result.

The output is deterministic for a fixed wordfreq version, which is recorded in the
file's header. The data is derived from wordfreq's lists and is therefore under
CC BY-SA 4.0; see ``stream/language/data/NOTICE.md``.
"""

from __future__ import annotations

import argparse
import gzip
import math
import sys
import unicodedata
from importlib import metadata
from pathlib import Path

from stream.language.lexicon import ARTIFACT

__all__ = ["ARTIFACT", "LANGUAGES", "TOP", "build", "main", "to_cyrillic"]

# wirewatch code -> wordfreq code. Only the target languages that wordfreq covers and that share a
# script with another language; "sh" (Serbo-Croatian, Latin) serves Croatian and, transliterated, Serbian.
LANGUAGES: dict[str, str] = {
    "ar": "ar",
    "fa": "fa",
    "ur": "ur",
    "hi": "hi",
    "ru": "ru",
    "uk": "uk",
    "bg": "bg",
    "mk": "mk",
    "sr": "sh",
    "zh": "zh",
    "ja": "ja",
    "en": "en",
    "fr": "fr",
    "de": "de",
    "es": "es",
    "it": "it",
    "pt": "pt",
    "tr": "tr",
    "pl": "pl",
    "nl": "nl",
    "sv": "sv",
    "fi": "fi",
    "lv": "lv",
    "lt": "lt",
    "id": "id",
    "vi": "vi",
    "ms": "ms",
    "da": "da",
    "cs": "cs",
    "hr": "sh",
}
TOP = 10_000

# Serbian Latin -> Cyrillic (the official one-to-one correspondence; digraphs first).
_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}

_SERBIAN = dict(zip("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж", strict=True))


def to_cyrillic(word: str) -> str | None:
    """Serbian Latin ``word`` in Cyrillic; ``None`` when it has letters outside the Serbian Latin alphabet."""
    out: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in _DIGRAPHS:
            out.append(_DIGRAPHS[pair])
            i += 2
            continue
        char = _SERBIAN.get(word[i])
        if char is None:
            return None
        out.append(char)
        i += 1
    return "".join(out)


def _is_word(word: str, source: str) -> bool:
    # One letter is an initial or a particle in an alphabet, but a whole word in Chinese or Japanese.
    shortest = 1 if source in ("zh", "ja") else 2
    # Apostrophes inside a word stay (Ukrainian "прем'єр", English "don't"): stream.language.lexicon.words keeps them too.
    core = word.replace("'", "")
    return (
        len(core) >= shortest
        and all(unicodedata.category(c)[0] in "LM" for c in core)
        and not word.startswith("'")
        and not word.endswith("'")
        and "''" not in word
    )


def _top_words(source: str, top: int) -> list[tuple[str, int]]:
    import wordfreq

    freqs = wordfreq.get_frequency_dict(source, wordlist="best")
    ranked = sorted(((w, f) for w, f in freqs.items() if _is_word(w, source)), key=lambda wf: (-wf[1], wf[0]))
    return [(w, round(10 * (math.log10(f) + 9))) for w, f in ranked[:top]]


def build(top: int = TOP, path: Path = ARTIFACT) -> dict[str, int]:
    """Write the lexicon to ``path``; return the number of words per language."""
    from stream.language.lexicon import entry_key

    version = metadata.version("wordfreq")
    counts: dict[str, int] = {}
    cache: dict[str, list[tuple[str, int]]] = {}
    listed: dict[str, list[str]] = {}
    for code, source in sorted(LANGUAGES.items()):
        words = cache.get(source) or cache.setdefault(source, _top_words(source, top))
        if code == "sr":
            converted = ((to_cyrillic(w), z) for w, z in words)
            words = [(w, z) for w, z in converted if w is not None]
        counts[code] = len(words)
        for word, zipf in words:
            listed.setdefault(word, []).append(f"{code}:{zipf}")
    header = [
        f"# wirewatch short-text lexicon: the top {top} words per language of wordfreq {version} (wordlist 'best').",
        "# Derived from wordfreq's data: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), see NOTICE.md.",
        "# Rebuild with `make lexicon` (python -m stream.build.lexicon). Columns: word (case-folded), then code:Zipf x 10",
        "# for every language listing it. Rows are in stream.language.lexicon's key order so that loading needs no sort.",
    ]
    rows = sorted(listed.items(), key=lambda item: (entry_key(item[0]), item[0]))
    data = "\n".join([*header, *(f"{word}\t{' '.join(langs)}" for word, langs in rows)]) + "\n"
    # mtime=0 and no file name in the gzip header: the same input always gives the same bytes.
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
        out.write(data.encode("utf-8"))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=TOP, help="words kept per language")
    parser.add_argument("--out", type=Path, default=ARTIFACT)
    args = parser.parse_args(argv)
    counts = build(args.top, args.out)
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1024:.0f} KiB): " + ", ".join(f"{c} {n}" for c, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
