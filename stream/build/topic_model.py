"""Train the topic model (``make topic-model``) from labelled public corpora.

Build time only: needs scikit-learn (the ``topicmodel`` extra) and the source
corpora as JSON lines ``{"text", "lang", "label", "source", "split"}`` made by
:mod:`stream.build.topic_sources` from pinned commits of public repositories
(listed with licences in ``benchmarks/data/topics/SOURCES.md``). It writes
:data:`stream.topics.model.ARTIFACT`; the run time reads only that file.

Choices, each measured (``benchmarks/data/topics/SOURCES.md`` records the runs):

* features are the run time's own (:mod:`stream.topics.features`), binary and
  scaled by ``1/sqrt(n)``, so a headline and a long story score on one scale;
* every story also trains as its first :data:`HEADLINE_TOKENS` tokens, so the
  model has seen headline-length text in every language;
* each (source, language) group weighs ``sqrt(size)``, not ``size``: SIB-200's 205
  small languages are not drowned by one big monolingual source, and one big
  source does not decide a topic alone; the news sources (WCEP, Wikinews) then
  weigh :data:`NEWS_WEIGHT` times that, so news, not FLORES prose, sets the
  weights; classes are then balanced;
* whole sources named with ``--hold-out`` are left out of training entirely, so
  ``make eval-topic`` can report them as never-seen data;
* frequent features whose stories' labels are just those of their stories' languages
  (function words, day numbers: :func:`uninformative`) are dropped before training, so a
  language seen only as FLORES sentences does not vote for FLORES's topics in every story;
* annotation projection through NTREX-128 (``--project ntrex``: the first model's confident topics of its English
  news documents train their translations) is available but off: it did not pay on the transfer-dev set;
* a word translation table into English is learnt from the parallel sentences of
  :data:`TRANSLATE_FROM` (``<id>.parallel.tsv`` in the corpora folder: SIB-200's FLORES
  sentences and NTREX-128's news sentences) for :data:`TRANSLATE_LANGUAGES`
  (:mod:`stream.build.topic_align`) and applied to every training story and at run
  time, so news in one language trains the words of others.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from stream.build import topic_align
from stream.build.topic_sources import DICTIONARY_SUFFIX, DOCUMENTS_SUFFIX, PARALLEL, PARALLEL_SUFFIX
from stream.text.normalize import TokenStream
from stream.topics.features import feature_strings, word_features
from stream.topics.model import ARTIFACT, FORMAT

__all__ = [
    "DROP",
    "EVAL_CAP",
    "EVAL_SIB_LANGUAGES",
    "HEADLINE_TOKENS",
    "KL_MIN_DF",
    "MIN_DF",
    "MIN_EXAMPLES",
    "MIN_KL",
    "NEWS_WEIGHT",
    "PARALLEL",
    "PROJECTED_SUFFIX",
    "PROJECT_MIN_PROB",
    "PROJECT_WINDOW",
    "SOURCE_WEIGHTS",
    "TRANSLATE_DICTIONARIES",
    "TRANSLATE_FROM",
    "TRANSLATE_LANGUAGES",
    "build",
    "confident",
    "english_counts",
    "examples",
    "main",
    "project",
    "projection_units",
    "read_documents",
    "uninformative",
    "write_evalset",
    "write_model_file",
]

HEADLINE_TOKENS = 14
MIN_DF = 2  # a feature seen in one training story only is noise
MIN_DF_PAIR = 4  # word pairs are many and sparse: most of them are seen once or twice
MIN_WEIGHT = 0.3  # features whose every weight is smaller are dropped after training (0.2: 105 MiB resident, 0.3: 68)
# Reporting thresholds. Without rule topics: the highest whose coverage (share of stories given a topic) on the test
# splits of the training sources reaches the 0.95 issue #13 asks for. Before MIN_KL that was 0.2 (0.2/0.25/0.3/0.35/
# 0.4/0.5 gave macro-F1 0.569/0.576/0.576/0.570/0.560/0.537, coverage 0.95/0.89/0.81/0.74/0.68/0.58). With MIN_KL 0.3,
# 0.2 covers 0.944 (both macro-F1 0.623 on those test splits) and 0.18 covers 0.956 (0.618; own dev set 0.845 -> 0.841),
# so 0.18 (`python -m benchmarks.eval_topic --no-cost --threshold T` prints both lines).
# Beside rule topics: 0.8, chosen on the own dev set (0.5/0.6/0.7/0.8/0.9/never: 0.821/0.828/0.836/0.840/0.842/0.841).
THRESHOLD = 0.18
THRESHOLD_WITH_RULES = 0.8
# A further topic beside the best one needs this share of its probability (stream.topics.model.RELATIVE_CUTOFF, the
# value files without one get). Chosen like THRESHOLD: the highest keeping the test splits' coverage at 0.95. On those
# splits (model of 2026-12-05, alone-threshold 0.18), cut-off 0 / 0.5 / 0.7 / 1 (the best topic only) gave both
# macro-F1 0.621 / 0.627 / 0.633 / 0.637 at coverage 0.960 / 0.954 / 0.945 / 0.928 (own dev set 0.853 / 0.855 /
# 0.856 / 0.859): coverage falls because a story whose best topic has no alert topic (lifestyle, education) loses the
# alert topic beside it. Lowering the threshold does not buy it back: at cut-off 0.7 the threshold 0.12 / 0.15 / 0.18
# covers 0.948 / 0.948 / 0.945 (`python -m benchmarks.eval_topic --no-cost --threshold T --relative R`).
RELATIVE_CUTOFF = 0.5
# Features in at least KL_MIN_DF training stories whose labels diverge from their stories' groups' by less than
# MIN_KL nats are dropped before training (uninformative(): function words, day numbers). Chosen on the transfer-dev
# set (SOURCES.md): MIN_KL 0 / 0.05 / 0.15 / 0.3 / 0.5 gave model-alone macro-F1 0.547 / 0.583 / 0.591 / 0.595 / 0.573
# on its held-out rows; KL_MIN_DF 20 instead of 50 (at 0.3) 0.596, for twice the features dropped.
MIN_KL = 0.3
KL_MIN_DF = 50
MIN_EXAMPLES = 100  # a label with fewer training stories is left to the rules
# News sources weigh NEWS_WEIGHT times their sqrt(size) share: without it SIB-200's 205 languages of FLORES
# sentences hold ~90 % of the weight. Chosen on the transfer-dev set (Wikinews pl, pt, es also held out):
# 1/3/6/10 gave model-alone macro-F1 0.454/0.464/0.473/0.480 there (benchmarks/data/topics/SOURCES.md).
NEWS_WEIGHT = 10.0
SOURCE_WEIGHTS = {"wcep_cec_en": NEWS_WEIGHT, "mewsc16_wikinews": NEWS_WEIGHT}
# Parallel corpora the table is learnt from (<id>.parallel.tsv): FLORES alone lacks news words (ru "переговоры",
# tr "ateşkes"); NTREX-128's 1,997 news sentences add them (chosen on the transfer-dev set, SOURCES.md).
TRANSLATE_FROM = ("sib200", "ntrex")
# Bilingual dictionaries whose pairs fill the table's gaps (stream.build.topic_align.dictionary_table): Wiktionary's
# translations (OMW) add the news words neither FLORES nor NTREX has (tr "ateşkes" truce, "maç" match, pl "szpital"
# hospital); +0.021 model alone on the transfer-dev set (SOURCES.md).
TRANSLATE_DICTIONARIES: tuple[str, ...] = ("omw_wikt",)
# Training groups left out: Wikinews's combined "Politics and conflicts" (en, ca, fa; fr is held out) is labelled
# politics but holds war and crime stories, and taught the model to call too much politics (precision 0.33 on the
# transfer-dev rows). Chosen on the transfer-dev set: +0.006 model alone (SOURCES.md); the evaluation file keeps them.
DROP = frozenset(f"mewsc16_wikinews:{lang}:medtop:11000000" for lang in ("en", "ca", "fa", "fr"))
# Inverse L2 strength. C 2 looked better on the transfer-dev set at the 0.2 threshold (model alone 0.604 against 0.595)
# only because it gave fewer stories a topic (test-split coverage 0.926 against 0.945): at thresholds giving both about
# 0.956 coverage (0.16 and 0.18) it was 0.590 against 0.594 (SOURCES.md), so 4 stays.
_C = 4.0
# Annotation projection (build(project_from=...), off by default): the first model labels the English documents of
# a line-aligned news corpus (NTREX-128's 123 newstest2019 stories) and the units of PROJECT_WINDOW consecutive
# sentences of each confidently labelled one train in every language of it. PROJECT_MIN_PROB is the first model's
# least probability for a story's best topic. Projected rows form source "<id>_projected" (--source-weight).
# Measured on the transfer-dev set and not taken (SOURCES.md, projection round): at the shipped coverage the best
# variant (--project-min-prob 0.9, the 35 TRANSLATE_LANGUAGES, ntrex_projected=3) was +0.003 model alone on the
# held-out rows (0.594 -> 0.597, within noise) and -0.019 on all public rows, for 16 MiB more. The defaults are the
# best measured variant's window and threshold, kept so that a rerun starts from them.
PROJECT_WINDOW = 3
PROJECT_MIN_PROB = 0.9  # 0.6 measured too: -0.005 (SOURCES.md)
PROJECTED_SUFFIX = "_projected"


def english_counts(rows: Iterable[dict[str, str]]) -> Counter[str]:
    """Stories of the English training rows that hold each folded word: which sense of a dictionary headword
    is the news sense (:func:`stream.build.topic_align.dictionary_table`)."""
    counts: Counter[str] = Counter()
    for row in rows:
        if row["lang"] == "en":
            counts.update(set(TokenStream.of(row["text"]).texts))
    return counts


def examples(
    paths: Iterable[Path], *, split: str | None = None, hold_out: frozenset[str] = frozenset()
) -> Iterator[dict[str, str]]:
    """Rows of the JSON-lines corpora, optionally of one split, without held-out sources.

    ``hold_out`` names whole sources (``wcep_cec_en``) or one language of a source (``mewsc16_wikinews:fr``).
    """
    for path in sorted(paths):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if split is not None and row["split"] != split:
                    continue
                if row["source"] in hold_out or f"{row['source']}:{row['lang']}" in hold_out:
                    continue
                yield row


def _headline(text: str, stream: TokenStream) -> TokenStream | None:
    """The story's first tokens as a story of their own, when it is much longer than a headline."""
    if len(stream) <= HEADLINE_TOKENS * 2:
        return None
    return TokenStream.of(text[: stream.end(HEADLINE_TOKENS - 1)])


def _featurise(
    rows: list[dict[str, str]], translations: dict[str, str] | None = None
) -> tuple[list[set[str]], list[str], list[tuple[str, str]]]:
    docs: list[set[str]] = []
    labels: list[str] = []
    groups: list[tuple[str, str]] = []
    for row in rows:
        stream = TokenStream.of(row["text"])
        if not len(stream):
            continue
        # Projected rows (project()) are the same sentences in every language: with the table each would add the
        # English words' features again, once per language, and pull them towards the first model's own mistakes.
        table = None if row["source"].endswith(PROJECTED_SUFFIX) else translations
        for part in (stream, _headline(row["text"], stream)):
            if part is None:
                continue
            docs.append(feature_strings(part, translations=table, lang=row["lang"]))
            labels.append(row["label"])
            groups.append((row["source"], row["lang"]))
    return docs, labels, groups


def _matrix(docs: list[set[str]], vocab: dict[str, int]) -> Any:
    from scipy.sparse import csr_matrix

    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for doc in docs:
        cols = sorted(vocab[f] for f in doc if f in vocab)
        scale = 1.0 / math.sqrt(len(cols)) if cols else 0.0
        indices.extend(cols)
        data.extend([scale] * len(cols))
        indptr.append(len(indices))
    return csr_matrix((np.array(data, dtype=np.float32), np.array(indices), np.array(indptr)), shape=(len(docs), len(vocab)))


def _weights(
    labels: list[str], groups: list[tuple[str, str]], source_weights: dict[str, float] | None = None
) -> np.ndarray[Any, Any]:
    size = Counter(groups)
    factor = source_weights or {}
    w = np.array([factor.get(g[0], 1.0) / math.sqrt(size[g]) for g in groups])
    per_class: dict[str, float] = defaultdict(float)
    for label, weight in zip(labels, w, strict=True):
        per_class[label] += weight
    mean = sum(per_class.values()) / len(per_class)
    w *= np.array([mean / per_class[label] for label in labels])
    result: np.ndarray[Any, Any] = w / w.mean()
    return result


def uninformative(
    docs: list[set[str]],
    labels: list[str],
    groups: list[tuple[str, str]],
    vocab: dict[str, int],
    weights: np.ndarray[Any, Any],
    *,
    min_df: int,
    min_kl: float,
) -> set[str]:
    """Features seen in at least ``min_df`` training stories whose labels follow their stories' groups.

    A function word ("der", "den", "am") or a day number occurs in every story of its language, so the labels of
    the stories that hold it are those of its (source, language) groups: German is trained only as FLORES
    sentences, which are mostly science, health and travel, so "der" learns to vote for those in every German
    story. For each feature this compares the label distribution of the stories that hold it (observed) with
    the mixture of their groups' label distributions (expected), both under the training weights; a
    Kullback-Leibler divergence below ``min_kl`` nats says the feature tells nothing its language did not.
    Features seen in fewer stories are left to the regression: their divergence is mostly chance.
    """
    from scipy.sparse import csr_matrix

    names = sorted(set(labels))
    index = {label: k for k, label in enumerate(names)}
    y = np.zeros((len(labels), len(names)))
    y[np.arange(len(labels)), [index[label] for label in labels]] = 1.0
    group_ids = {g: i for i, g in enumerate(sorted(set(groups)))}
    g = np.array([group_ids[x] for x in groups])
    prior = np.zeros((len(group_ids), len(names)))
    np.add.at(prior, g, y * weights[:, None])
    prior /= prior.sum(axis=1, keepdims=True)
    indptr = [0]
    indices: list[int] = []
    for doc in docs:
        indices.extend(vocab[f] for f in doc if f in vocab)
        indptr.append(len(indices))
    x = csr_matrix((np.ones(len(indices), dtype=np.float32), np.array(indices), np.array(indptr)), shape=(len(docs), len(vocab)))
    df = np.asarray(x.sum(axis=0)).ravel()
    observed = np.asarray(x.T @ (y * weights[:, None]))
    expected = np.asarray(x.T @ (prior[g] * weights[:, None]))
    total = observed.sum(axis=1, keepdims=True)
    total[total == 0] = 1.0
    obs = observed / total
    exp = expected / np.maximum(expected.sum(axis=1, keepdims=True), 1e-12)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(obs > 0, obs * np.log(obs / np.maximum(exp, 1e-12)), 0.0)
    kl = np.maximum(terms.sum(axis=1), 0.0)  # rounding can put an exact match a hair below zero
    by_index = sorted(vocab.items(), key=lambda kv: kv[1])
    return {f for f, i in by_index if df[i] >= min_df and kl[i] < min_kl}


def _fit(
    rows: list[dict[str, str]],
    topics: list[str],
    table: dict[str, str],
    *,
    c: float,
    source_weights: dict[str, float] | None,
    min_kl: float,
    kl_min_df: int,
) -> tuple[Any, dict[str, int], int, int]:
    """Fit the regression on ``rows``: ``(classifier, vocabulary, uninformative features dropped, examples)``."""
    from sklearn.linear_model import LogisticRegression

    docs, labels, groups = _featurise(rows, table)
    df = Counter(f for doc in docs for f in doc)
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= (MIN_DF_PAIR if f[0] == "b" else MIN_DF)))}
    sample_weights = _weights(labels, groups, source_weights)
    dropped_features = 0
    if min_kl > 0:
        noise = uninformative(docs, labels, groups, vocab, sample_weights, min_df=kl_min_df, min_kl=min_kl)
        dropped_features = len(noise)
        vocab = {f: i for i, f in enumerate(sorted(f for f in vocab if f not in noise))}
    x = _matrix(docs, vocab)
    y = np.array([topics.index(label) for label in labels])
    clf = LogisticRegression(C=c, max_iter=300, tol=1e-4)
    clf.fit(x, y, sample_weight=sample_weights)
    return clf, vocab, dropped_features, len(docs)


def read_documents(path: Path) -> dict[str, str]:
    """``{line: document id}`` from a ``<id>.documents.tsv`` (:func:`stream.build.topic_sources.write_documents`)."""
    with path.open(encoding="utf-8") as fh:
        return dict(line.rstrip("\n").split("\t", 1) for line in fh if line.strip())


def projection_units(
    lines: dict[str, dict[str, str]], documents: dict[str, str], window: int
) -> dict[str, dict[tuple[str, int], str]]:
    """``{lang: {(document, k): text}}``: each document of a line-aligned parallel file (``lines``, as
    :func:`stream.build.topic_align.read_parallel` reads it) cut into units of ``window`` consecutive lines.

    NTREX-128's lines are the sentences of newstest2019's news documents in order, so a unit of a few lines
    carries a story's context that one sentence lacks ("He said the talks would resume"); a unit never
    straddles two documents. Unit ``k`` of a document is its lines ``k * window`` to ``(k + 1) * window - 1``
    (counted from 0, in line order), the same lines in every language. Lines a language lacks are skipped; a
    unit with no text in a language is left out of that language; lines of no document are not read. A
    ``window`` longer than every document gives one unit per document: the whole story.
    """
    by_document: dict[str, list[str]] = defaultdict(list)
    for index in sorted(documents, key=int):
        by_document[documents[index]].append(index)
    out: dict[str, dict[tuple[str, int], str]] = {}
    for lang in sorted(lines):
        units: dict[tuple[str, int], str] = {}
        for document, indices in sorted(by_document.items()):
            for k in range(0, len(indices), window):
                text = " ".join(t for i in indices[k : k + window] if (t := lines[lang].get(i, "").strip()))
                if text:
                    units[(document, k // window)] = text
        out[lang] = units
    return out


def confident(ids: list[str], probabilities: np.ndarray[Any, Any], topics: list[str], min_prob: float) -> dict[str, str]:
    """``{id: topic}`` for the rows whose best topic has at least ``min_prob`` (the others are left unlabelled)."""
    if len(ids) != len(probabilities):
        raise ValueError(f"{len(probabilities)} probability rows for {len(ids)} ids")
    return {i: topics[int(np.argmax(p))] for i, p in zip(ids, probabilities, strict=True) if float(np.max(p)) >= min_prob}


def project(units: dict[str, dict[tuple[str, int], str]], labels: dict[str, str], *, source: str) -> list[dict[str, str]]:
    """Training rows in every language: each unit of a labelled document gets that document's topic.

    This is annotation projection: the labels come from the English documents (``labels``, the first
    model's confident topics of the whole English stories), where the model is strongest (news in training);
    the units are the same sentences in every language, so they have the same topic and teach the words of
    languages whose news the model never saw.
    """
    return [
        {"text": text, "lang": lang, "label": labels[document], "source": source, "split": "train"}
        for lang in sorted(units)
        for (document, k), text in sorted(units[lang].items())
        if document in labels
    ]


def build(
    data_dir: Path,
    out: Path = ARTIFACT,
    *,
    hold_out: frozenset[str] = frozenset(),
    c: float = _C,
    min_weight: float = MIN_WEIGHT,
    translate_languages: frozenset[str] = frozenset(),
    min_dice: float = topic_align.MIN_DICE,
    min_count: int = topic_align.MIN_COUNT,
    source_weights: dict[str, float] | None = None,
    translate_from: tuple[str, ...] = TRANSLATE_FROM,
    drop: frozenset[str] = frozenset(),
    min_kl: float = MIN_KL,
    kl_min_df: int = KL_MIN_DF,
    project_from: tuple[str, ...] = (),
    project_window: int = PROJECT_WINDOW,
    project_min_prob: float = PROJECT_MIN_PROB,
    project_languages: frozenset[str] | None = None,
    dictionaries: tuple[str, ...] = TRANSLATE_DICTIONARIES,
    min_stem_share: float = topic_align.MIN_STEM_SHARE,
    snowball: bool = True,
) -> dict[str, Any]:
    """Train on every ``*.jsonl`` in ``data_dir`` (train split, minus held-out sources) and write ``out``.

    With ``translate_languages`` the word translation table of those languages is learnt from
    ``data_dir/<id>.parallel.tsv`` for each id of ``translate_from`` (which must exist) and used for
    training and shipped in ``out``. ``drop`` names ``source:lang:label`` groups left out of training only
    (a label whose mapping is noisy); the evaluation file keeps them.

    With ``project_from`` (ids of line-aligned parallel corpora with ``<id>.documents.tsv``, ``ntrex``)
    training runs twice: the first model labels each English document whole, and the units
    (:func:`projection_units`, ``project_window`` lines) of the documents it is at least ``project_min_prob``
    sure of train in every language of the corpus as source ``<id>_projected`` (:func:`project`; weighed by
    ``source_weights`` like any source); the second model, trained on both, is the one written.
    ``project_languages`` limits the languages the units train in (``None``: every language of the corpus).
    """
    started = time.time()
    paths = list(data_dir.glob("*.jsonl"))
    rows = [r for r in examples(paths, split="train", hold_out=hold_out) if f"{r['source']}:{r['lang']}:{r['label']}" not in drop]
    counts = Counter(r["label"] for r in rows)
    topics = sorted(label for label, n in counts.items() if n >= MIN_EXAMPLES)
    rows = [r for r in rows if r["label"] in topics]
    table: dict[str, str] = {}
    if translate_languages:
        parallel = [data_dir / f"{name}{PARALLEL_SUFFIX}" for name in translate_from]
        table = topic_align.learn(
            parallel,
            translate_languages,
            min_count=min_count,
            min_dice=min_dice,
            dictionaries=[data_dir / f"{name}{DICTIONARY_SUFFIX}" for name in dictionaries],
            english_counts=english_counts(rows),
            min_stem_share=min_stem_share,
            snowball=snowball,
        )
    clf, vocab, dropped_features, n_docs = _fit(
        rows, topics, table, c=c, source_weights=source_weights, min_kl=min_kl, kl_min_df=kl_min_df
    )
    projected: list[dict[str, str]] = []
    projection: dict[str, Any] = {}
    for name in project_from:
        lines = topic_align.read_parallel(data_dir / f"{name}{PARALLEL_SUFFIX}")
        documents = read_documents(data_dir / f"{name}{DOCUMENTS_SUFFIX}")
        # The whole English story is labelled (the most context), then cut into units for training.
        stories = projection_units(lines, documents, len(documents) + 1).get("en", {})
        ids = [document for document, _ in sorted(stories)]
        docs = [feature_strings(TokenStream.of(stories[(d, 0)]), translations=table) for d in ids]
        probabilities = clf.predict_proba(_matrix(docs, vocab)) if docs else np.zeros((0, len(topics)))
        labels = confident(ids, probabilities, topics, project_min_prob)
        units = projection_units(lines, documents, project_window)
        if project_languages is not None:
            units = {lang: u for lang, u in units.items() if lang in project_languages}
        new = project(units, labels, source=f"{name}{PROJECTED_SUFFIX}")
        projected.extend(new)
        projection[name] = {
            "documents": len(ids),
            "labelled": len(labels),
            "rows": len(new),
            "languages": len({r["lang"] for r in new}),
            "labels": dict(sorted(Counter(labels.values()).items())),
        }
    if projected:
        # The second model: the same settings, the projected rows beside the corpora's.
        clf, vocab, dropped_features, n_docs = _fit(
            rows + projected, topics, table, c=c, source_weights=source_weights, min_kl=min_kl, kl_min_df=kl_min_df
        )
    weights = clf.coef_.T.astype(np.float32)  # (features, topics)
    bias = clf.intercept_.astype(np.float32)
    # Features whose every weight rounds to nothing only cost memory.
    keep = np.abs(weights).max(axis=1) >= min_weight
    words = [f for f, i in sorted(vocab.items(), key=lambda kv: kv[1]) if keep[i]]
    weights = weights[keep]
    vocab_bytes = "\n".join(words).encode("utf-8")
    # Translations whose English word has no feature left in the model would only cost memory.
    kept = set(words)
    table = {u: e for u, e in table.items() if any(name in kept for name, _ in word_features(e))}
    table_bytes = "\n".join(f"{u}\t{e}" for u, e in sorted(table.items())).encode("utf-8")
    header = {
        "format": FORMAT,
        "topics": topics,
        "features": len(words),
        "vocabulary_bytes": len(vocab_bytes),
        "threshold": THRESHOLD,
        "threshold_with_rules": THRESHOLD_WITH_RULES,
        "relative_cutoff": RELATIVE_CUTOFF,
        "trained_on": sorted({r["source"] for r in rows + projected}),
        "held_out": sorted(hold_out),
        "dropped": sorted(drop),
        "training_stories": len(rows) + len(projected),
        "training_examples": n_docs,
        "languages": len({r["lang"] for r in rows + projected}),
        "c": c,
        "min_weight": min_weight,
        "min_kl": min_kl,
        "kl_min_df": kl_min_df,
        "uninformative_dropped": dropped_features,
        "source_weights": dict(sorted((source_weights or {}).items())),
        "translations": len(table),
        "translations_bytes": len(table_bytes),
        "translation_languages": sorted(translate_languages),
        "translation_min_dice": min_dice if table else None,
        "translation_min_count": min_count if table else None,
        "translation_sources": list(translate_from) if table else [],
        "translation_dictionaries": list(dictionaries) if table else [],
        "translation_min_stem_share": min_stem_share if table and dictionaries else None,
        "translation_snowball": snowball if table else None,
        "built": time.strftime("%Y-%m-%d"),
    }
    if project_from:  # absent otherwise, so a model built without projection keeps its header
        header["projected"] = {
            "window": project_window,
            "min_prob": project_min_prob,
            "languages": sorted(project_languages) if project_languages is not None else "all",
            "from": projection,
        }
    write_model_file(out, header, vocab_bytes, weights.astype("<f2").tobytes(), bias.astype("<f4").tobytes(), table_bytes)
    header["seconds"] = round(time.time() - started, 1)
    header["bytes"] = out.stat().st_size
    return header


def write_model_file(out: Path, header: dict[str, Any], *parts: bytes) -> None:
    """A model file: gzip (no timestamp, so a rebuild is byte-identical) of the JSON header line, then ``parts``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write(json.dumps(header, ensure_ascii=False, sort_keys=True).encode() + b"\n")
        for part in parts:
            fh.write(part)


# Evaluation languages of SIB-200 (its 205 languages would make a 40,000-story file): the product's
# languages, then the big ones of each script and region.
EVAL_SIB_LANGUAGES = frozenset(
    [
        "en",
        "fr",
        "de",
        "es",
        "ru",
        "uk",
        "tr",
        "ar",
        "fa",
        "hy",
        "ka",
        "az",
        "sw",
        "ha",
        "zh",
        "ja",
        "ko",
        "hi",
        "bn",
        "id",
        "vi",
        "pt",
        "it",
        "pl",
        "nl",
        "el",
        "he",
        "am",
        "yo",
        "ig",
        "so",
        "tn",
        "zu",
        "th",
        "ur",
        "uz",
        "kk",
        "tg",
        "ps",
    ]
)
EVAL_CAP = 150  # stories per (source, language, label) in the evaluation file
# Languages whose words are translated into English (the evaluation languages: the product's, then the big ones of
# each script and region); scripts written without spaces are left out, their tokens are whole clauses.
TRANSLATE_LANGUAGES = EVAL_SIB_LANGUAGES - {"en", "zh", "ja", "th"}


def write_evalset(data_dir: Path, out: Path, *, hold_out: frozenset[str]) -> int:
    """Write the public evaluation file: each source's test split and every held-out story (capped per group)."""
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for row in examples(data_dir.glob("*.jsonl")):
        held = row["source"] in hold_out or f"{row['source']}:{row['lang']}" in hold_out
        if not held and row["split"] != "test":
            continue
        if row["source"] == "sib200" and row["lang"] not in EVAL_SIB_LANGUAGES:
            continue
        groups[(row["source"], row["lang"], row["label"])].append(row)
    out.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        for key in sorted(groups):
            for row in groups[key][:EVAL_CAP]:
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True).encode() + b"\n")
                written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stream.build.topic_model", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="folder of <source>.jsonl corpora (python -m stream.build.topic_sources)")
    parser.add_argument("--out", type=Path, default=ARTIFACT)
    parser.add_argument("--hold-out", default="", help="comma-separated source ids kept out of training")
    parser.add_argument("--c", type=float, default=_C, help="inverse L2 regularisation strength")
    parser.add_argument("--evalset", type=Path, help="also write the public evaluation file here (make eval-topic reads it)")
    parser.add_argument("--min-weight", type=float, default=MIN_WEIGHT, help="drop features whose weights are all smaller")
    parser.add_argument(
        "--translate",
        default=",".join(sorted(TRANSLATE_LANGUAGES)),
        help="comma-separated languages whose words are translated into English ('' for none)",
    )
    parser.add_argument(
        "--translate-from",
        default=",".join(TRANSLATE_FROM),
        help=f"comma-separated parallel corpora (<id>{PARALLEL_SUFFIX} in data_dir) the translations are learnt from",
    )
    parser.add_argument("--min-kl", type=float, default=MIN_KL, help="drop frequent features this uninformative (0: none)")
    parser.add_argument("--kl-min-df", type=int, default=KL_MIN_DF, help="--min-kl applies to features in this many stories")
    parser.add_argument("--min-dice", type=float, default=topic_align.MIN_DICE, help="translation: least Dice score")
    parser.add_argument("--min-count", type=int, default=topic_align.MIN_COUNT, help="translation: least shared sentences")
    parser.add_argument(
        "--source-weight",
        action="append",
        default=[],
        metavar="SOURCE=FACTOR",
        help=f"multiply a source's weight (before classes are balanced); repeatable; default {SOURCE_WEIGHTS}",
    )
    parser.add_argument(
        "--drop",
        default=",".join(sorted(DROP)),
        help="comma-separated source:lang:label groups left out of training (not of the evaluation file); '' for none",
    )
    parser.add_argument(
        "--project",
        default="",
        help=f"comma-separated line-aligned parallel corpora (<id>{PARALLEL_SUFFIX}, <id>{DOCUMENTS_SUFFIX}) whose "
        "English documents the first model labels for a second training in every language ('' for none, the default)",
    )
    parser.add_argument(
        "--project-window", type=int, default=PROJECT_WINDOW, help="projection: consecutive lines of a document per unit"
    )
    parser.add_argument(
        "--project-min-prob", type=float, default=PROJECT_MIN_PROB, help="projection: least probability of a document's topic"
    )
    parser.add_argument(
        "--project-languages",
        default="",
        help="projection: comma-separated languages the units train in ('' for every language of the corpus)",
    )
    parser.add_argument(
        "--translate-dictionary",
        default=",".join(TRANSLATE_DICTIONARIES),
        help=f"comma-separated bilingual dictionaries (<id>{DICTIONARY_SUFFIX} in data_dir) that fill the translation "
        "table's gaps ('' for none)",
    )
    parser.add_argument(
        "--min-stem-share",
        type=float,
        default=topic_align.MIN_STEM_SHARE,
        help="dictionary: a stem is translated when more than this share of its headwords agree (1: no stems)",
    )
    parser.add_argument(
        "--no-snowball", action="store_true", help="translation: no Snowball stem units (see stream.topics.features.SNOWBALL)"
    )
    args = parser.parse_args(argv)
    hold = frozenset(s for s in args.hold_out.split(",") if s)
    source_weights = dict(SOURCE_WEIGHTS)
    source_weights.update({k: float(v) for k, _, v in (item.partition("=") for item in args.source_weight)})
    langs = frozenset(s for s in args.translate.split(",") if s)
    translate_from = tuple(s for s in args.translate_from.split(",") if s)
    if langs and not translate_from:
        parser.error("--translate-from names no parallel corpus; or --translate ''")
    for name in translate_from if langs else ():
        if not (args.data_dir / f"{name}{PARALLEL_SUFFIX}").is_file():
            missing = args.data_dir / f"{name}{PARALLEL_SUFFIX}"
            parser.error(f"{missing} missing (python -m stream.build.topic_sources writes it); or --translate ''")
    dictionaries = tuple(s for s in args.translate_dictionary.split(",") if s) if langs else ()
    for name in dictionaries:
        if not (args.data_dir / f"{name}{DICTIONARY_SUFFIX}").is_file():
            parser.error(
                f"{args.data_dir / f'{name}{DICTIONARY_SUFFIX}'} missing (python -m stream.build.topic_sources writes it)"
            )
    project_from = tuple(s for s in args.project.split(",") if s)
    for name in project_from:
        for suffix in (PARALLEL_SUFFIX, DOCUMENTS_SUFFIX):
            if not (args.data_dir / f"{name}{suffix}").is_file():
                parser.error(f"{args.data_dir / f'{name}{suffix}'} missing (python -m stream.build.topic_sources writes it)")
    if args.project_window < 1:
        parser.error("--project-window must be at least 1")
    header = build(
        args.data_dir,
        args.out,
        hold_out=hold,
        c=args.c,
        min_weight=args.min_weight,
        translate_languages=langs,
        min_dice=args.min_dice,
        min_count=args.min_count,
        source_weights=source_weights,
        translate_from=translate_from,
        drop=frozenset(s for s in args.drop.split(",") if s),
        min_kl=args.min_kl,
        kl_min_df=args.kl_min_df,
        project_from=project_from,
        project_window=args.project_window,
        project_min_prob=args.project_min_prob,
        project_languages=frozenset(s for s in args.project_languages.split(",") if s) or None,
        dictionaries=dictionaries,
        min_stem_share=args.min_stem_share,
        snowball=not args.no_snowball,
    )
    print(json.dumps(header, indent=1), file=sys.stderr)
    if args.evalset:
        print(f"{args.evalset}: {write_evalset(args.data_dir, args.evalset, hold_out=hold)} stories", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
