"""Build public single-word and two-word language-ID sets from NTREX-128 news sentences (``make public-words``).

The word sets in ``benchmarks/data/lang`` (``words*.tsv``) were written for this project: news keywords
chosen by the people who then tuned the short-text path, so they flatter it. These sets are drawn from
public news text instead: NTREX-128 (newstest2019's 1,997 English news sentences translated into 128
languages), the same 45 languages as the hand-written sets.

For each language, words are its tokens of three or more letters (a run of Han, kana or Thai characters
gives a random 2-4 character piece, 3-6 for Thai: those scripts are written without spaces) that are
*not* found anywhere in another of the 45 languages' NTREX text, compared casefolded: "Berlin" or "de"
would be a coin toss for any identifier, and an item whose answer is not determined by the text
measures nothing. Pairs are two adjacent tokens of one sentence, at least one of them not
shared. Sentences 1-998 give the ``tune`` set (short-text weights may be chosen on it), sentences
999-1,997 the ``test`` set (never used to choose anything): NTREX keeps each document's sentences
together, so the two halves share no document (one may straddle the boundary).

Sampling is seeded per language and half (``random.Random(f"{lang}:{half}")``), so the same commit
gives the same files. Output: ``benchmarks/data/lang/words_ntrex_{tune,test}.tsv`` (``code<TAB>text``),
CC BY-SA 4.0 like their source (attribution in the files' header and ``benchmarks/data/lang/README.md``).

    python -m benchmarks.public_words [--mirrors DIR]
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["LANGUAGES", "build", "main", "ntrex_gitdir", "read_ntrex", "tokens"]

REPO = "MicrosoftTranslator/NTREX"
COMMIT = "8561f6a622db9edad1217683e5c83daefd8bb2bf"
ATTRIBUTION = (
    "NTREX-128 (Federmann, Kocmi, Xin, SUMEval 2022), CC BY-SA 4.0, "
    f"github.com/{REPO} @ {COMMIT[:7]}; English source: WMT19 newstest2019"
)
OUT_DIR = Path(__file__).parent / "data" / "lang"

#: wirewatch code -> NTREX-128 file code (``NTREX-128/newstest2019-ref.<code>.txt``; English is the source).
LANGUAGES: dict[str, str] = {
    "ar": "arb", "az": "aze-Latn", "be": "bel", "bg": "bul", "cs": "ces", "da": "dan", "de": "deu",
    "el": "ell", "en": "eng", "es": "spa", "et": "est", "fa": "fas", "fi": "fin", "fr": "fra",
    "he": "heb", "hi": "hin", "hr": "hrv", "hy": "hye", "id": "ind", "it": "ita", "ja": "jpn",
    "ka": "kat", "kk": "kaz", "ko": "kor", "ku": "kmr", "lt": "lit", "lv": "lav", "mk": "mkd",
    "ms": "msa", "nl": "nld", "pl": "pol", "ps": "pus", "pt": "por", "ru": "rus", "sr": "srp-Cyrl",
    "sv": "swe", "sw": "swa", "tg": "tgk-Cyrl", "th": "tha", "tr": "tur", "uk": "ukr", "ur": "urd",
    "uz": "uzb", "vi": "vie", "zh": "zho-CN",
}  # fmt: skip
#: Items per language, half and kind (single words, pairs).
PER_KIND = 25
#: Sentences of the tune half (the rest are the test half).
TUNE_LINES = 998

_UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_WORD = re.compile(rf"[^\W\d_{_UNSPACED}](?:[^\W\d_{_UNSPACED}]|['’‘ʻʼ\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0dff])*")
_RUN = re.compile(f"[{_UNSPACED}]+")
_THAI = re.compile("[\u0e00-\u0e7f]")


def _path(code: str) -> str:
    return "NTREX-128/newstest2019-src.eng.txt" if code == "eng" else f"NTREX-128/newstest2019-ref.{code}.txt"


def tokens(sentence: str, rng: random.Random | None = None) -> list[str]:
    """The sentence's words of three or more letters, in order; a run of an unspaced script gives one
    random piece of it (2-4 characters, Thai 3-6) when ``rng`` is given, else every such piece's run whole."""
    out: list[tuple[int, str]] = [(m.start(), m.group()) for m in _WORD.finditer(sentence) if len(m.group()) >= 3]
    for m in _RUN.finditer(sentence):
        run = m.group()
        low, high = (3, 6) if _THAI.match(run) else (2, 4)
        if len(run) < low:
            continue
        if rng is None:
            out.append((m.start(), run))
            continue
        size = rng.randint(low, min(high, len(run)))
        start = rng.randint(0, len(run) - size)
        out.append((m.start() + start, run[start : start + size]))
    return [t for _, t in sorted(out)]


def _shared(word: str, lang: str, vocab: dict[str, set[str]], texts: dict[str, str]) -> bool:
    """Whether another language's NTREX text has ``word`` (a whole token; a piece of an unspaced script anywhere)."""
    key = word.casefold()
    if _RUN.fullmatch(word):
        return any(key in text for other, text in texts.items() if other != lang)
    return any(key in words for other, words in vocab.items() if other != lang)


def build(lines: dict[str, list[str]]) -> dict[str, list[tuple[str, str]]]:
    """``{"tune": rows, "test": rows}`` of (code, text) from each language's NTREX sentences (see the module docstring)."""
    vocab = {lang: {t.casefold() for s in sents for t in tokens(s)} for lang, sents in lines.items()}
    texts = {lang: "\n".join(sents).casefold() for lang, sents in lines.items()}
    out: dict[str, list[tuple[str, str]]] = {"tune": [], "test": []}
    for lang in sorted(lines):
        for half, sents in (("tune", lines[lang][:TUNE_LINES]), ("test", lines[lang][TUNE_LINES:])):
            rng = random.Random(f"{lang}:{half}")
            singles: list[str] = []
            pairs: list[str] = []
            seen: set[str] = set()
            order = list(range(len(sents)))
            rng.shuffle(order)
            for i in order:
                toks = tokens(sents[i], rng)
                if not toks:
                    continue
                j = rng.randrange(len(toks))
                word = toks[j]
                if len(singles) < PER_KIND and word.casefold() not in seen and not _shared(word, lang, vocab, texts):
                    singles.append(word)
                    seen.add(word.casefold())
                if len(pairs) < PER_KIND and j + 1 < len(toks):
                    a, b = toks[j], toks[j + 1]
                    sep = "" if _RUN.fullmatch(a) and _RUN.fullmatch(b) and not _THAI.match(a) else " "
                    pair = f"{a}{sep}{b}"
                    if pair.casefold() not in seen and not (_shared(a, lang, vocab, texts) and _shared(b, lang, vocab, texts)):
                        pairs.append(pair)
                        seen.add(pair.casefold())
                if len(singles) >= PER_KIND and len(pairs) >= PER_KIND:
                    break
            out[half] += [(lang, w) for w in singles] + [(lang, p) for p in pairs]
    return out


def read_ntrex(gitdir: Path, codes: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """Every language's NTREX-128 lines (wirewatch code -> lines, English under ``en``); ``codes``: wirewatch code ->
    NTREX code of the languages to read (default :data:`LANGUAGES`)."""
    from stream.build.topic_corpora import GitTree

    tree = GitTree(gitdir, COMMIT)
    paths = {_path(code): lang for lang, code in (LANGUAGES if codes is None else codes).items()}
    return {paths[p]: data.decode("utf-8").splitlines() for p, data in tree.read_many(sorted(paths))}


def ntrex_gitdir(mirrors: Path | None) -> Path:
    """The pinned NTREX-128 commit's git dir: a mirror under ``mirrors``, else a clone (stream.build.topic_sources)."""
    from stream.build import topic_sources as ts

    return ts.locate(ts.Source(REPO, COMMIT, ATTRIBUTION, extractor=lambda tree: iter(())), mirrors)


def _write(rows: Iterable[tuple[str, str]], path: Path, half: str) -> None:
    header = [
        f"# Public {half} words and pairs: drawn from {ATTRIBUTION}.",
        "# Built by benchmarks/public_words.py (make public-words); tokens found in another language's NTREX text left out.",
    ]
    body = [f"{code}\t{text}" for code, text in rows]
    path.write_text("\n".join([*header, *body]) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, help="folder of <owner>+<name>/repo bare git dirs")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    sets = build(read_ntrex(ntrex_gitdir(args.mirrors)))
    for half, rows in sets.items():
        path = args.out_dir / f"words_ntrex_{half}.tsv"
        _write(rows, path, half)
        print(f"{path}: {len(rows)} items, {len({c for c, _ in rows})} languages")


if __name__ == "__main__":
    main()
