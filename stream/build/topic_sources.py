"""Extract the labelled topic corpora that train the topic model, reproducibly, from pinned commits.

Run ``python -m stream.build.topic_sources OUT_DIR [--mirrors DIR] [--only id,id]`` (``make topic-sources``).
It writes ``OUT_DIR/<source>.jsonl``, one ``{"text","lang","label","source","split"}`` object a line, read
by :mod:`stream.build.topic_model`.

Why this exists: the model is only as redistributable and as reviewable as its training data, so every
row must be traceable to a public repository at a fixed commit under a licence that allows shipping a
derived model. :data:`SOURCES` pins each repository to a full commit and states its licence; the
per-source readers and label tables are in :mod:`stream.build.topic_corpora`, and the manifest with the
verdicts, attributions and caveats is ``benchmarks/data/topics/SOURCES.md``. Sources whose licence is
missing, unclear or research-only are not here at all. Repositories are read as bare git dirs at the
pinned commit (no checkout), so the output is byte-for-byte the same on every machine.

Processing, identical for every source: HTML tags stripped, entities unescaped, whitespace collapsed,
texts cut to :data:`MAX_CHARS` at a word boundary, texts shorter than :data:`MIN_CHARS` dropped, exact
duplicates within a (lang, label) group dropped (the first split seen wins), each group capped at
:data:`CAP_PER_GROUP` rows in SHA-1 order, and rows without a split of their own split 80/20 by SHA-1 of
the text. Standard library plus PyYAML only.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from stream.build import topic_corpora as tc

__all__ = [
    "CACHE_DIR",
    "CAP_PER_GROUP",
    "DICTIONARY_SUFFIX",
    "DOCUMENTS_SUFFIX",
    "MAX_CHARS",
    "MIN_CHARS",
    "PARALLEL",
    "PARALLEL_SUFFIX",
    "SOURCES",
    "Source",
    "SourceError",
    "clean",
    "extract",
    "hash_split",
    "locate",
    "main",
    "write_corpus",
    "write_dictionary",
    "write_documents",
    "write_parallel",
]

MAX_CHARS = 3000
MIN_CHARS = 3
CAP_PER_GROUP = 3000  # rows per (lang, label) of one source
TEST_PERCENT = 20
CACHE_DIR = Path.home() / ".cache" / "wirewatch" / "topic-sources"


@dataclass(frozen=True)
class Source:
    repo: str  # GitHub owner/name
    commit: str  # full 40-hex sha
    licence: str
    extractor: Callable[[tc.GitTree], Iterator[tc.Row]] | None  # labelled rows -> <id>.jsonl; None: parallel only
    # (index, lang, text) sentences, the same index the same sentence in every language -> <id>.parallel.tsv
    parallel: Callable[[tc.GitTree], Iterator[tuple[str, str, str]]] | None = None
    # (index, document id) of the parallel sentences -> <id>.documents.tsv (which story each sentence is from)
    documents: Callable[[tc.GitTree], Iterator[tuple[str, str]]] | None = None
    # (lang, word, English word) pairs of a bilingual dictionary -> <id>.dictionary.tsv
    dictionary: Callable[[tc.GitTree], Iterator[tuple[str, str, str]]] | None = None


SOURCES: dict[str, Source] = {
    "sib200": Source(
        "dadelani/sib-200",
        "593cea88519930f776c1a4a1980b6a35b39dca57",
        "Apache-2.0 (repository LICENSE); sentences are FLORES-200, CC BY-SA 4.0 (attribute FLORES-200 and SIB-200)",
        tc.sib200,
        tc.sib200_parallel,
    ),
    "antcorpus_jawhara": Source(
        "antcorpus/antcorpus.data",
        "06f6a10e80c7a0e7aee0bba2f0a6372c35c45c83",
        "Apache-2.0 (repository LICENSE) plus the README's citation licence (cite the ANT corpus paper); "
        'README footer also says "Copyright (C) 2017 All Rights Reserved."',
        tc.antcorpus_jawhara,
    ),
    "sncd_so": Source(
        "Mohamed-Qadar/Somali-News-Classification-Dataset",
        "7ae1d9d45cdb14fc21fa69537c0da00924089e92",
        "MIT (Copyright (c) 2025 MOHAMED IBRAHIM ABDI)",
        tc.sncd_so,
    ),
    "dikgang_tn": Source(
        "dsfsi/PuoBERTa",
        "742f5760618a8c74a3f9b7c4234f00a596b8ef8c",
        "CC BY-SA 4.0 (daily-news-dikgang/LICENSE.data.md)",
        tc.dikgang_tn,
    ),
    "wcep_cec_en": Source(
        "ianrastall/current-events-context",
        "4ff6f7d243c81c1df4a919fb4280d9d7e9559bd8",
        "CC0-1.0 (repository LICENSE); items are Wikipedia Portal:Current events text, CC BY-SA 4.0",
        tc.wcep_cec_en,
    ),
    "mewsc16_wikinews": Source(
        "studio-ousia/ease",
        "eea3b4f2f4aff3e4eb2a769b30f2b4aa2365d1d9",
        "MIT (Copyright (c) 2022 Studio Ousia); sentences are Wikinews, CC BY 2.5",
        tc.mewsc16_wikinews,
    ),
    # No labels: news sentences in 128 languages that extend the word translation table (stream.build.topic_align).
    "ntrex": Source(
        "MicrosoftTranslator/NTREX",
        "8561f6a622db9edad1217683e5c83daefd8bb2bf",
        "CC BY-SA 4.0 (LICENSE.md; attribute NTREX-128, Federmann et al. 2022, and WMT19's newstest2019)",
        None,
        tc.ntrex_parallel,
        tc.ntrex_documents,
    ),
    # No labels: Wiktionary's translations of single words, by WordNet synset, that fill the translation table's
    # gaps (news words the parallel sentences lack; stream.build.topic_align.dictionary_table).
    "omw_wikt": Source(
        "omwn/omw-data",
        "f75be19ec590da12a7a5665e361690b5badb7a25",
        "CC BY-SA 3.0 (wns/wikt/LICENSE: Wiktionary text, dual-licensed CC BY-SA 3.0 / GFDL; attribute Wiktionary and "
        "the Extended Open Multilingual Wordnet, Bond & Foster 2013)",
        None,
        dictionary=tc.omw_wikt_dictionary,
    ),
}


class SourceError(RuntimeError):
    """A source's repository cannot be found, cloned or does not hold the pinned commit."""


_TAG = re.compile(r"<[^>]{0,500}>")
_WS = re.compile(r"\s+")


def clean(text: str | None) -> str:
    """Strip tags, unescape entities, collapse whitespace, cut to :data:`MAX_CHARS` (at a space past 80 %)."""
    if text is None:  # a short CSV row
        return ""
    t = _WS.sub(" ", html.unescape(_TAG.sub(" ", text))).strip()
    if len(t) > MAX_CHARS:
        cut = t.rfind(" ", 0, MAX_CHARS)
        t = t[: cut if cut > MAX_CHARS * 0.8 else MAX_CHARS]
    return t


def _sha1(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)


def hash_split(text: str) -> str:
    """Deterministic 80/20 train/test split by SHA-1 of the (cleaned) text."""
    return "test" if _sha1("split:" + text) % 100 < TEST_PERCENT else "train"


def write_corpus(source_id: str, rows: Iterable[tc.Row], out: Path) -> Counter[tuple[str, str, str]]:
    """Clean, de-duplicate, cap and split ``rows`` into ``out`` (JSON lines); counts per (lang, label, split)."""
    groups: dict[tuple[str, str], dict[str, str]] = {}
    for text, lang, label, split in rows:
        if label is None:
            continue
        t = clean(text)
        if len(t) < MIN_CHARS:
            continue
        group = groups.setdefault((lang, label), {})
        if t not in group:
            group[t] = split if split in ("train", "test") else hash_split(t)
    counts: Counter[tuple[str, str, str]] = Counter()
    with out.open("w", encoding="utf-8") as f:
        for lang, label in sorted(groups):
            kept = sorted(groups[lang, label].items(), key=lambda kv: _sha1("cap:" + kv[0]))[:CAP_PER_GROUP]
            for t, split in kept:
                f.write(
                    json.dumps({"text": t, "lang": lang, "label": label, "source": source_id, "split": split}, ensure_ascii=False)
                    + "\n"
                )
                counts[lang, label, split] += 1
    return counts


def _has_commit(gitdir: Path, commit: str) -> bool:
    probe = ["git", "--git-dir", str(gitdir), "cat-file", "-e", f"{commit}^{{commit}}"]
    return subprocess.run(probe, capture_output=True).returncode == 0


def locate(source: Source, mirrors: Path | None = None, cache: Path = CACHE_DIR) -> Path:
    """The git dir holding ``source.commit``: ``mirrors/<owner>+<name>/repo`` if present, else a bare clone in ``cache``."""
    slug = source.repo.replace("/", "+")
    candidates = [mirrors / slug / "repo" / ".git", mirrors / slug / "repo"] if mirrors else []
    gitdir = next((c for c in candidates if (c / "HEAD").is_file()), None)
    if gitdir is None:
        gitdir = cache / f"{slug}.git"
        url = f"https://github.com/{source.repo}"
        if not (gitdir / "HEAD").is_file():
            gitdir.parent.mkdir(parents=True, exist_ok=True)
            done = subprocess.run(["git", "clone", "--quiet", "--bare", url, str(gitdir)], capture_output=True, text=True)
            if done.returncode != 0:
                where = f"no mirror under {mirrors}, and " if mirrors else ""
                raise SourceError(f"{source.repo}: {where}git clone --bare {url} failed (network?): {done.stderr.strip()}")
        elif not _has_commit(gitdir, source.commit):
            subprocess.run(["git", "--git-dir", str(gitdir), "fetch", "--quiet", url, source.commit], capture_output=True)
    if not _has_commit(gitdir, source.commit):
        raise SourceError(f"{source.repo}: pinned commit {source.commit} is not in {gitdir} (history rewritten or stale mirror)")
    return gitdir


def extract(source_id: str, gitdir: Path, out_dir: Path) -> Counter[tuple[str, str, str]]:
    """Write ``out_dir/<source_id>.jsonl`` from ``gitdir`` at the source's pinned commit."""
    source = SOURCES[source_id]
    out_dir.mkdir(parents=True, exist_ok=True)
    tree = tc.GitTree(gitdir, source.commit)
    if source.parallel is not None:
        write_parallel(source.parallel(tree), out_dir / f"{source_id}{PARALLEL_SUFFIX}")
    if source.documents is not None:
        write_documents(source.documents(tree), out_dir / f"{source_id}{DOCUMENTS_SUFFIX}")
    if source.dictionary is not None:
        write_dictionary(source.dictionary(tree), out_dir / f"{source_id}{DICTIONARY_SUFFIX}")
    if source.extractor is None:
        return Counter()
    return write_corpus(source_id, source.extractor(tree), out_dir / f"{source_id}.jsonl")


# Not *.jsonl: the trainer reads these only to learn word translations, never as labelled rows.
PARALLEL_SUFFIX = ".parallel.tsv"
PARALLEL = "sib200" + PARALLEL_SUFFIX
DOCUMENTS_SUFFIX = ".documents.tsv"
DICTIONARY_SUFFIX = ".dictionary.tsv"


def write_dictionary(rows: Iterable[tuple[str, str, str]], out: Path) -> int:
    """``lang<TAB>word<TAB>English word`` lines, distinct and sorted, so that the file is reproducible."""
    kept = sorted({(lang, word, english) for lang, word, english in rows if "\t" not in word + english})
    with out.open("w", encoding="utf-8") as fh:
        for row in kept:
            fh.write("\t".join(row) + "\n")
    return len(kept)


def write_parallel(rows: Iterable[tuple[str, str, str]], out: Path) -> int:
    """``index_id<TAB>lang<TAB>text`` lines, cleaned, sorted by (lang, index_id) so that the file is reproducible."""
    kept = sorted({(lang, int(index), clean(text)) for index, lang, text in rows})
    with out.open("w", encoding="utf-8") as f:
        for lang, index, text in kept:
            f.write(f"{index}\t{lang}\t{text}\n")
    return len(kept)


def write_documents(rows: Iterable[tuple[str, str]], out: Path) -> int:
    """``index<TAB>document id`` lines sorted by index, so that the file is reproducible."""
    kept = sorted({(int(index), document) for index, document in rows})
    with out.open("w", encoding="utf-8") as f:
        for index, document in kept:
            f.write(f"{index}\t{document}\n")
    return len(kept)


def _summary(counts: Counter[tuple[str, str, str]]) -> str:
    splits: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    langs: set[str] = set()
    for (lang, label, split), n in counts.items():
        splits[split] += n
        labels[label.removeprefix("medtop:")] += n
        langs.add(lang)
    per_label = " ".join(f"{label}:{n}" for label, n in sorted(labels.items()))
    return f"{sum(counts.values())} rows (train {splits['train']}, test {splits['test']}), {len(langs)} languages; {per_label}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stream.build.topic_sources", description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write <source>.jsonl into")
    parser.add_argument("--mirrors", type=Path, help="folder of <owner>+<name>/repo git dirs to read instead of cloning")
    parser.add_argument("--only", help=f"comma-separated source ids (default all: {','.join(SOURCES)})")
    args = parser.parse_args(argv)
    ids = [s.strip() for s in args.only.split(",") if s.strip()] if args.only else list(SOURCES)
    unknown = [s for s in ids if s not in SOURCES]
    if unknown:
        parser.error(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(SOURCES)}")
    for source_id in ids:
        source = SOURCES[source_id]
        try:
            gitdir = locate(source, args.mirrors)
        except SourceError as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
        counts = extract(source_id, gitdir, args.out_dir)
        what = [_summary(counts)] if source.extractor is not None else []
        if source.parallel is not None:
            with (args.out_dir / f"{source_id}{PARALLEL_SUFFIX}").open(encoding="utf-8") as fh:
                what.append(f"{sum(1 for _ in fh)} parallel sentences")
        if source.documents is not None:
            with (args.out_dir / f"{source_id}{DOCUMENTS_SUFFIX}").open(encoding="utf-8") as fh:
                what.append(f"{len({line.split(chr(9))[1] for line in fh})} documents")
        if source.dictionary is not None:
            with (args.out_dir / f"{source_id}{DICTIONARY_SUFFIX}").open(encoding="utf-8") as fh:
                langs = Counter(line.split("\t", 1)[0] for line in fh)
            what.append(f"{sum(langs.values())} dictionary pairs in {len(langs)} languages")
        print(f"{source_id} ({source.repo}@{source.commit[:12]}): {'; '.join(what)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
