"""Build the character n-gram model for short text from the lingua package's language models.

Run ``python -m stream.build.ngrams`` (``make ngrams``; needs the ``ngrams`` extra,
which installs lingua-language-detector 1.3.5, the last release that ships its
models as data files). It writes :data:`stream.language.ngrams.ARTIFACT`, read at run time by
:mod:`stream.language.ngrams`; lingua itself is never imported at run time (all its models
resident take ~800 MiB).

lingua's models hold, per language and per order 1-5, each n-gram's probability
given its first n-1 letters (the unigram's given all letters), as a fraction of
counts from one million sentences of news per language (Leipzig Wortschatz).
For every language in :data:`LANGUAGES` this keeps every unigram and bigram, and
the trigrams to five-grams seen at least :data:`MIN_COUNT` times: rarer ones
are mostly names and typos, cost most of the space, and a missing n-gram falls
back to its prefix, as lingua itself does. Each kept n-gram is stored as the
CRC-32 of its UTF-8 bytes and 16 bits: the language's index and its negative
natural log-probability in tenths (capped at 255). Per order the file holds the
sorted CRCs as differences from the previous one (small numbers, which gzip
packs well), then the 16-bit values in the same order.

Target languages lingua has no model for (Tajik, Pashto, Kurmanji, Uzbek: :data:`CORPUS_LANGUAGES`) are
counted the same way (:func:`corpus_ngrams`) from SIB-200's train and dev sentences (FLORES-200, the test
split never read; the pinned commit of :mod:`stream.build.topic_sources`), trigrams to five-grams seen at
least :data:`CORPUS_MIN_COUNT` times. Before, only cld2 spoke for them among the short-text engines
(:mod:`stream.language.shorttext`), and on half A of words.tsv and the NTREX tune words the macro accuracy
went 89.8 / 95.2 -> 89.8 / 95.3 with them (Kurmanji, Pashto and Urdu one NTREX word more each).

Languages whose script settles the answer alone (Greek, Korean, Thai...) and
Chinese and Japanese (handled by :mod:`stream.language.lexicon`) are left out. The
output is deterministic for a fixed lingua version, which its header records.
lingua and its models are Apache-2.0, the FLORES-200 sentences CC BY-SA 4.0; see ``stream/language/data/NOTICE.md``.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import math
import re
import sys
from array import array
from fractions import Fraction
from importlib import metadata
from pathlib import Path

from stream.language.ngrams import ARTIFACT, FORMAT, ngram_key

__all__ = ["CORPUS_LANGUAGES", "CORPUS_MIN_COUNT", "LANGUAGES", "MIN_COUNT", "build", "corpus_ngrams", "main"]

# wirewatch code -> lingua's model directory. Only target languages that share a script with another one, and
# not those with the smallest news volume (data/language/priors.tsv: Latin, Esperanto, Welsh, Irish, Somali,
# Yoruba, Zulu): leaving them out left the macro accuracy of every dev word set as it was and saves ~0.6 MiB.
_CODES = "af ar az be bg bs ca cs da de en es et eu fa fi fr hi hr hu id is it kk lt lv mk mn mr ms nl pl pt ro ru sk sl sq sr sv sw tl tr uk ur vi"
LANGUAGES: dict[str, str] = {code: code for code in _CODES.split()} | {"no": "nb"}
# Words as stream.language.ngrams reads them: runs of letters.
_WORD = re.compile(r"[^\W\d_]+")
ORDERS = ("unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams")
MIN_COUNT = 100
#: Target languages lingua has no model for, counted from SIB-200's train and dev sentences instead (FLORES-200,
#: ~900 sentences, ~120,000 letters each; the test split is never read): wirewatch code -> SIB-200 folder.
CORPUS_LANGUAGES: dict[str, str] = {"ku": "kmr_Latn", "ps": "pbt_Arab", "tg": "tgk_Cyrl", "uz": "uzn_Latn"}
#: Occurrences a trigram to five-gram needs in those sentences (a small corpus: 1 / 2 / 3 gave the same macro
#: accuracy on words.tsv half A and the NTREX tune words, 5 one NTREX word less).
CORPUS_MIN_COUNT = 2


def _models_dir() -> Path:
    spec = importlib.util.find_spec("lingua")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("lingua is not installed: pip install -e '.[ngrams]'")
    path = Path(next(iter(spec.submodule_search_locations))) / "language-models"
    if not path.is_dir():
        raise SystemExit(f"{path} not found: the ngrams extra pins lingua-language-detector 1.3.5, which ships it")
    return path


def _read(path: Path) -> dict[str, Fraction]:
    import brotli  # build-time only, from the ngrams extra

    model = json.loads(brotli.decompress(path.read_bytes()))
    table: dict[str, Fraction] = {}
    for fraction, joined in model["ngrams"].items():
        value = Fraction(fraction)
        for ngram in joined.split(" "):
            table[ngram] = value
    return table


def corpus_ngrams(sentences: list[str], min_count: int = CORPUS_MIN_COUNT) -> list[dict[str, Fraction]]:
    """Per order 1-5, each n-gram's probability given its first n-1 letters (the unigram's given all letters),
    counted as lingua counts them: within the lowercased words of ``sentences``; trigrams and longer seen fewer
    than ``min_count`` times are left out."""
    counts: list[dict[str, int]] = [{} for _ in ORDERS]
    for text in sentences:
        for word in _WORD.findall(text.lower()):
            for order in range(1, len(ORDERS) + 1):
                for i in range(len(word) - order + 1):
                    gram = word[i : i + order]
                    counts[order - 1][gram] = counts[order - 1].get(gram, 0) + 1
    letters = sum(counts[0].values())
    tables: list[dict[str, Fraction]] = []
    for order_index, table in enumerate(counts):
        kept = {gram: n for gram, n in table.items() if order_index < 2 or n >= min_count}
        tables.append(
            {gram: Fraction(n, letters if order_index == 0 else counts[order_index - 1][gram[:-1]]) for gram, n in kept.items()}
        )
    return tables


def build(
    models: Path, min_count: int = MIN_COUNT, corpora: dict[str, list[str]] | None = None
) -> tuple[list[str], list[array[int]]]:
    """(language codes, per order one sorted ``array('Q')`` of ``crc << 16 | language << 8 | cost``).

    ``corpora``: sentences of languages lingua has no model for (:data:`CORPUS_LANGUAGES`), counted by
    :func:`corpus_ngrams`.
    """
    counted = {code: corpus_ngrams(texts) for code, texts in (corpora or {}).items()}
    codes = sorted(LANGUAGES.keys() | counted.keys())
    tables: list[array[int]] = []
    for order_index, order in enumerate(ORDERS):
        keys: dict[tuple[int, int], int] = {}
        for lang_index, code in enumerate(codes):
            if code in counted:
                probabilities = counted[code][order_index]
            else:
                # Numerator = the n-gram's count; unigrams and bigrams are few and all kept.
                table = _read(models / LANGUAGES[code] / f"{order}.json.br")
                probabilities = {g: p for g, p in table.items() if order_index < 2 or p.numerator >= min_count}
            for ngram, probability in probabilities.items():
                cost = min(255, round(-10 * math.log(probability)))
                slot = (ngram_key(ngram), lang_index)
                # Two n-grams of one language with the same CRC: keep the likelier (about one pair per million).
                keys[slot] = min(cost, keys.get(slot, 255))
        tables.append(array("Q", sorted(h << 16 | lang << 8 | cost for (h, lang), cost in keys.items())))
    return codes, tables


def write(codes: list[str], tables: list[array[int]], path: Path, source: str) -> None:
    header = {"format": FORMAT, "source": source, "languages": codes, "sizes": [len(t) for t in tables]}
    # mtime=0: the same models give the same bytes.
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as out:
        out.write(json.dumps(header, sort_keys=True).encode("utf-8") + b"\n")
        for table in tables:
            crcs = [key >> 16 for key in table]
            deltas = array("I", (crc - prev for crc, prev in zip(crcs, [0, *crcs], strict=False)))
            values = array("H", (key & 0xFFFF for key in table))
            for part in (deltas, values):
                if sys.byteorder != "little":
                    part.byteswap()
                out.write(part.tobytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stream.build.ngrams", description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=ARTIFACT)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--mirrors", type=Path, help="folder of <owner>+<name>/repo bare git dirs (else SIB-200 is cloned)")
    args = parser.parse_args(argv)
    from stream.build.lexicon import sib_sentences
    from stream.build.topic_sources import SOURCES

    codes, tables = build(_models_dir(), args.min_count, sib_sentences(args.mirrors, CORPUS_LANGUAGES))
    sib = SOURCES["sib200"]
    source = (
        f"lingua-language-detector {metadata.version('lingua-language-detector')}, min count {args.min_count}; "
        f"{' '.join(sorted(CORPUS_LANGUAGES))} from SIB-200 train+dev (github.com/{sib.repo} @ {sib.commit[:7]}), "
        f"min count {CORPUS_MIN_COUNT}"
    )
    write(codes, tables, args.output, source)
    total = sum(len(t) for t in tables)
    print(f"{args.output}: {len(codes)} languages, {total:,} n-grams ({6 * total / 2**20:.1f} MiB resident)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
