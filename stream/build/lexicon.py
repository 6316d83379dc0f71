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

Languages wordfreq has no list for and that share a script with others (Azerbaijani,
Kazakh, Kurmanji, Pashto, Tajik, Uzbek, Estonian, Swahili, Belarusian: :data:`CORPUS_LANGUAGES`)
were the short-text path's weakest, since only the engines spoke for them. They get a *sparse*
list counted from public sentences: SIB-200's train and dev splits (FLORES-200, ~800 sentences
per language; the test split is never read), words seen at least :data:`MIN_COUNT` times, their
Zipf estimate lowered by :data:`SHRINK` (a count in 16,000 tokens overstates a word's frequency
next to wordfreq's billions). A word a full list also holds is kept only where the sparse estimate
is :data:`MARGIN` or more above it (:func:`sparse_entries`). The file names them in a ``# sparse:`` header line: a word missing
from a sparse list is no evidence against its language (:mod:`stream.language.shorttext`), and the
sentence-level vote leaves them out.

The output is deterministic for a fixed wordfreq version, which is recorded in the
file's header, and the pinned SIB-200 commit. The data is derived from wordfreq's lists and
FLORES-200 sentences and is therefore under CC BY-SA 4.0; see ``stream/language/data/NOTICE.md``.
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

__all__ = [
    "ARTIFACT",
    "CORPUS_LANGUAGES",
    "LANGUAGES",
    "MARGIN",
    "MIN_COUNT",
    "SHRINK",
    "TOP",
    "build",
    "corpus_words",
    "main",
    "sib_sentences",
    "sparse_entries",
    "to_cyrillic",
]

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
#: Words kept per wordfreq list. 10,000 was chosen on half A alone (5k-50k); with the public NTREX tune words, whose
#: words are rarer than headline vocabulary, 10k / 15k / 20k / 30k / 40k / 60k gave A 89.3 / 89.3 / 89.8 / 89.8 /
#: 89.8 / 89.8 and NTREX tune 94.5 / 94.8 / 95.2 / 95.5 / 95.8 / 96.0. 20k takes half A's gain (news words such as
#: "inflacija", "trzęsienie" rank 10-20k in their lists) for +2 MiB resident and ~0.4 s more to load; beyond it each
#: 10k words buys ~0.3 NTREX points for ~2 MiB more of the file and of memory.
TOP = 20_000

#: wirewatch code -> SIB-200 folder, for the languages given a sparse list (see the module docstring).
CORPUS_LANGUAGES: dict[str, str] = {
    "az": "azj_Latn", "be": "bel_Cyrl", "et": "est_Latn", "kk": "kaz_Cyrl", "ku": "kmr_Latn",
    "ps": "pbt_Arab", "sw": "swh_Latn", "tg": "tgk_Cyrl", "uz": "uzn_Latn",
}  # fmt: skip
#: Occurrences a word needs in a language's SIB-200 train + dev sentences to enter its sparse list.
MIN_COUNT = 1
#: Zipf units taken off a sparse list's estimates (see the module docstring). Both chosen by the mean
#: macro accuracy of words.tsv half A and the public NTREX tune words (``python -m benchmarks.tune_short``
#: after ``--shrink S --min-count M``). First with sparse entries for every word: at M 1, S 0 / 0.25 / 0.5 /
#: 1 / 1.5 / 2 gave A 88.9 / 89.3 / 89.3 / 89.3 / 88.4 / 86.7 and NTREX tune 94.5 / 94.4 / 94.4 / 93.7 /
#: 93.0 / 91.6 (M 2 and 3 no better). But a loanword a full list holds then went to the small language
#: ("компьютер" read as Kazakh: the unit tests caught it, the NTREX words cannot, having no shared word), so
#: sparse lists now hold only words no full list has; again at M 1, S 0 / 0.5 / 1: A 89.3 each, NTREX tune
#: 93.8 / 93.8 / 93.6 (M 2: 93.3 at each). Without sparse lists: 88.4 / 92.0.
SHRINK = 0.5
#: A word a full list holds enters a sparse list only where the sparse estimate is at least this many Zipf units
#: above the highest full-list one: Pashto's "او" (and, Zipf 6.9 in SIB-200, 6.1 in Persian's list) or Kurmanji's
#: "ji" (from) are the small language's own function words, while a loanword counted once or twice ("компьютер")
#: stays the big neighbour's. Chosen on words.tsv half A and the NTREX tune words (``--margin``, with the tests'
#: "компьютер" check): 0 / 0.5 / 1 / 1.5 / never gave A 89.3 each and NTREX tune 94.3 / 94.2 / 94.0 / 94.0 /
#: 93.9, but 0 sends "компьютер" to Kazakh.
MARGIN = 0.5

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


def corpus_words(
    sentences: dict[str, list[str]], min_count: int = MIN_COUNT, shrink: float = SHRINK
) -> dict[str, list[tuple[str, int]]]:
    """Sparse lists: per language, (folded word, Zipf x 10) of the words seen ``min_count`` times or more
    in its ``sentences``, the estimate lowered by ``shrink``; most frequent first."""
    from stream.language.lexicon import fold, words

    out: dict[str, list[tuple[str, int]]] = {}
    for code, texts in sorted(sentences.items()):
        counts: dict[str, int] = {}
        for text in texts:
            for word in words(text):
                folded = fold(word)
                if _is_word(folded, code):
                    counts[folded] = counts.get(folded, 0) + 1
        total = sum(counts.values())
        ranked = sorted(((w, n) for w, n in counts.items() if n >= min_count), key=lambda wn: (-wn[1], wn[0]))
        out[code] = [(w, round(10 * (math.log10(n / total) + 9 - shrink))) for w, n in ranked]
    return out


def sparse_entries(words: list[tuple[str, int]], full: dict[str, int], margin: float = MARGIN) -> list[tuple[str, int]]:
    """The entries of a sparse list kept beside the full lists ``full`` (word -> highest Zipf x 10 there).

    A word no full list holds is kept. A shared one only where the sparse estimate is ``margin`` Zipf or more
    above the full lists': a count in 16,000 tokens is no match for wordfreq's estimate, and a loanword the
    big neighbour uses ("компьютер") must stay its, but a function word of the small language that a full
    list also holds, less often (Pashto "او"), is evidence for it.
    """
    return [(w, z) for w, z in words if z > 0 and (w not in full or z >= full[w] + round(10 * margin))]


def sib_sentences(mirrors: Path | None, folders: dict[str, str] = CORPUS_LANGUAGES) -> dict[str, list[str]]:
    """SIB-200's train and dev sentences (never its test split) of each language of ``folders`` (code -> folder)."""
    from stream.build import topic_corpora as tc
    from stream.build import topic_sources as ts

    source = ts.SOURCES["sib200"]
    tree = tc.GitTree(ts.locate(source, mirrors), source.commit)
    paths = [f"data/annotated/{folder}/{split}.tsv" for folder in folders.values() for split in ("train", "dev")]
    by_folder = {folder: code for code, folder in folders.items()}
    out: dict[str, list[str]] = {}
    for path, data in tree.read_many(paths):
        rows = data.decode("utf-8").splitlines()[1:]  # index_id, category, text
        out.setdefault(by_folder[path.split("/")[2]], []).extend(row.split("\t", 2)[2] for row in rows if row.count("\t") >= 2)
    return out


def build(
    top: int = TOP,
    path: Path = ARTIFACT,
    mirrors: Path | None = None,
    shrink: float = SHRINK,
    min_count: int = MIN_COUNT,
    margin: float = MARGIN,
) -> dict[str, int]:
    """Write the lexicon to ``path``; return the number of words per language."""
    from stream.build.topic_sources import SOURCES
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
    sparse = corpus_words(sib_sentences(mirrors), min_count, shrink)
    full = {word: max(int(item.partition(":")[2]) for item in langs) for word, langs in listed.items()}
    for code, words in sparse.items():
        kept = sparse_entries(words, full, margin)
        counts[code] = len(kept)
        for word, zipf in kept:
            listed.setdefault(word, []).append(f"{code}:{zipf}")
    sib = SOURCES["sib200"]
    header = [
        f"# wirewatch short-text lexicon: the top {top} words per language of wordfreq {version} (wordlist 'best').",
        "# Derived from wordfreq's data: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), see NOTICE.md.",
        f"# Sparse lists (words seen {min_count}+ times, Zipf less {shrink}) from SIB-200 train+dev sentences (FLORES-200,",
        f"# CC BY-SA 4.0), github.com/{sib.repo} @ {sib.commit[:7]}, words no full list has or has {margin}+ Zipf",
        "# lower; a word missing from them is no evidence.",
        "# sparse: " + " ".join(sorted(sparse)),
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
    parser.add_argument("--mirrors", type=Path, help="folder of <owner>+<name>/repo bare git dirs (else SIB-200 is cloned)")
    parser.add_argument("--shrink", type=float, default=SHRINK, help="Zipf units taken off the sparse lists' estimates")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help="occurrences a word needs for a sparse list")
    parser.add_argument("--margin", type=float, default=MARGIN, help="Zipf units a shared word needs above the full lists")
    args = parser.parse_args(argv)
    counts = build(args.top, args.out, args.mirrors, args.shrink, args.min_count, args.margin)
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1024:.0f} KiB): " + ", ".join(f"{c} {n}" for c, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
