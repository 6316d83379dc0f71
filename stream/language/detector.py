"""Language identification for wire stories: script rules plus an ensemble of offline engines.

How :func:`detect` decides, in order:

1. :func:`stream.text.script.clean` removes markup, links, bylines, digits and
   control characters; :func:`stream.text.script.segment` groups the words by
   script. The group with most letters decides the language; other groups
   with at least 5% of the letters become ``shares`` (a Russian story quoting
   Armenian is ``ru`` with shares ru/hy). Two adjustments pick that group in
   mixed text (:func:`_main_group`): a Han, kana or Hangul character counts as
   two letters (one carries a syllable or a word), and where a cased script
   (Latin, Cyrillic, Greek, Armenian) meets another script, its capitalised
   words count for nothing: names and acronyms are what Thai, Chinese or
   Arabic headlines borrow (``ของ Trump``, ``要塞 ATM``).
2. A script used by one language only (Armenian, Georgian, Greek, Hangul,
   kana, Thai, the Indic scripts...) settles the group: method ``script``.
3. Otherwise the engines vote, restricted to languages written in that
   script: fastText's bundled lid.176 model and langid on a bounded prefix,
   cld2 on a longer one. Each engine's scores are weighted, summed, then
   multiplied by alphabet evidence (a letter outside a language's alphabet
   counts against it) and marker words (:mod:`stream.language.alphabet`); on a sentence
   (under 200 letters) also by word frequencies (:func:`sentence_lexicon_factors`), which
   the engines' letter statistics miss between close neighbours. A weak prior
   per script only breaks ties between engines that abstain.
   Below 30 letters (a word or two) :mod:`stream.language.shorttext` decides instead:
   fastText, cld2 and langid each cast one vote spread over their k-best
   lists, cld2's no-evidence fallback is ignored, word frequencies (:mod:`stream.language.lexicon`) weigh in, and a
   news-volume prior demotes rare languages.
4. langdetect, the slowest engine, is consulted only when the fused answer
   is unsure and the text is short, on a 300-character prefix.
5. Provider metadata is verified, never copied: ``provider_agrees`` records
   the comparison. The single exception is the *provider-confirmed* rule: when
   the detector's own confidence is below 0.6 (in practice headline-sized
   text) and the provider's language is plausible (written in the text's
   script, consistent with its alphabet, and given at least 2% by the engines),
   the provider's language is chosen with method ``provider-confirmed``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from stream.language.alphabet import alphabet_factors, marker_factors
from stream.language.engines import ENGINES, Ranking, run_engine
from stream.language.langcode import languages, languages_for_script, normalize_code, same_language
from stream.language.lexicon import lexicon, words
from stream.language.shorttext import DEFAULT as SHORT_DEFAULT
from stream.language.shorttext import short_scores
from stream.text.script import UNIQUE_SCRIPT_LANGUAGE, ScriptGroup, clean, segment

__all__ = ["UND", "LanguageResult", "detect", "detect_with_engine", "sentence_lexicon_factors", "supported_languages", "warm_up"]

UND = "und"
_FAST_PREFIX = 300
_LANGID_PREFIX = 300
_CLD2_PREFIX = 1000
# Summed weight at which fastText and cld2, agreeing, settle the vote without langid.
_AGREED = 1.2
_SLOW_PREFIX = 300
_WEIGHTS = {"fasttext": 1.0, "cld2": 0.8, "langid": 1.0, "langdetect": 0.5}
_PRIOR_WEIGHT = 0.05
# Relative news volume within a shared script; used only as a tie-breaker.
_PRIORS: dict[str, dict[str, float]] = {
    "Latin": {"en": 1.0, "fr": 0.6, "es": 0.6, "de": 0.6, "pt": 0.4, "it": 0.4, "tr": 0.4},
    "Cyrillic": {"ru": 1.0, "uk": 0.5, "bg": 0.3, "sr": 0.3, "kk": 0.3},
    "Arabic": {"ar": 1.0, "fa": 0.7, "ur": 0.5, "ps": 0.3},
    "Devanagari": {"hi": 1.0, "mr": 0.2, "ne": 0.2},
    "Han": {"zh": 1.0, "ja": 0.3},
    "Ethiopic": {"am": 1.0, "ti": 0.3},
    "Hebrew": {"he": 1.0, "yi": 0.1},
}
_MIN_SHARE = 0.05
# Below this many letters (a word or two) every engine votes with its k-best list: see stream/language/shorttext.py.
_SHORT_LETTERS = 30
_UNSURE = 0.6
# Sentence-sized text (fewer letters than this): word frequencies weigh in as on a word or two, but
# averaged over the words and tempered (``_SENTENCE_LEXICON``), so that fastText and cld2 agreeing on the
# big neighbour (English for "O banco central manteve as taxas de juro", Indonesian for Malay) can be
# overruled by words that one language uses and the other does not, and never by one shared word.
# Only languages with a word list are compared; a language without one keeps its engine score.
_SENTENCE_LETTERS = 200
_SENTENCE_LEXICON = 1.0  # the short-text lexicon weight: one Zipf step of mean gap is a factor of ten
_SENTENCE_WORDS = 24
_PROVIDER_MIN_SCORE = 0.02


@dataclass(frozen=True, slots=True)
class LanguageResult:
    """The language of a text, how sure the detector is, and how it decided."""

    code: str
    confidence: float
    method: str
    alternatives: tuple[tuple[str, float], ...]
    shares: tuple[tuple[str, float], ...]
    provider: str | None = None
    provider_agrees: bool | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "confidence": round(self.confidence, 4),
            "method": self.method,
            "alternatives": [{"code": c, "score": round(s, 4)} for c, s in self.alternatives],
            "shares": [{"code": c, "share": round(s, 4)} for c, s in self.shares],
            "provider": self.provider,
            "provider_agrees": self.provider_agrees,
        }


def supported_languages() -> list[tuple[str, str]]:
    """(code, English name) of every language :func:`detect` can return, sorted by code."""
    return [(lang.code, lang.name) for lang in languages()]


@dataclass(frozen=True, slots=True)
class _Verdict:
    ranking: Ranking  # normalised, best first
    method: str
    confidence: float
    factors: dict[str, float]


@cache
def _shinjitai() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "kanji_ja.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line.strip() for line in lines if not line.startswith("#")))


def _candidates(script: str) -> frozenset[str]:
    if script == "Han":
        return frozenset({"zh", "ja"})
    return languages_for_script(script)


_LIMITS = {
    "fasttext": _FAST_PREFIX,
    "langid": _LANGID_PREFIX,
    "cld2": _CLD2_PREFIX,
    "langdetect": _SLOW_PREFIX,
    "ngram": _SLOW_PREFIX,
}


def _vote(scores: dict[str, float], name: str, text: str, candidates: frozenset[str]) -> str | None:
    """Add engine ``name``'s weighted scores for ``candidates``; return its best candidate."""
    best = None
    for code, score in run_engine(name, text[: _LIMITS[name]]):
        if code in candidates:
            scores[code] = scores.get(code, 0.0) + _WEIGHTS[name] * score
            best = best or code
    return best


def _fuse(text: str, script: str, candidates: frozenset[str], only: str | None) -> dict[str, float]:
    scores: dict[str, float] = {}
    if only is not None:
        _vote(scores, only, text, candidates)
        return scores
    first = _vote(scores, "fasttext", text, candidates)
    second = _vote(scores, "cld2", text, candidates)
    if first != second or first is None or scores[first] < _AGREED:
        # The two fast engines disagree or are lukewarm: langid (slower, pure Python) arbitrates.
        _vote(scores, "langid", text, candidates)
    for code, prior in _PRIORS.get(script, {}).items():
        if code in candidates:
            scores[code] = scores.get(code, 0.0) + _PRIOR_WEIGHT * prior
    return scores


def _normalise(scores: dict[str, float]) -> Ranking:
    total = sum(scores.values())
    if total <= 0:
        return []
    ranked = sorted(((c, s / total) for c, s in scores.items() if s > 0), key=lambda kv: (-kv[1], kv[0]))
    return ranked


def _classify(group: ScriptGroup, text: str, only: str | None = None) -> _Verdict:
    """Language of one script group; ``only`` restricts the vote to a single engine (for evaluation)."""
    unique = UNIQUE_SCRIPT_LANGUAGE.get(group.script)
    if unique is not None and only is None:
        return _Verdict([(unique, 1.0)], "script", 0.99, {})
    candidates = _candidates(group.script)
    if not candidates:
        return _Verdict([], "script", 0.0, {})
    if group.script == "Han" and only is None and not _shinjitai().isdisjoint(text):
        return _Verdict([("ja", 1.0)], "script", 0.95, {})
    length = min(1.0, (group.letters + 10) / 50)
    if only is None and group.letters < _SHORT_LETTERS:
        short, short_factors = short_scores(text, group.script, candidates)
        ranking = _normalise(short)
        return _Verdict(ranking, "ensemble", ranking[0][1] * length if ranking else 0.0, short_factors)
    scores = _fuse(text, group.script, candidates, only)
    factors: dict[str, float] = {}
    if only is None:
        voted = frozenset(scores)
        factors = alphabet_factors(text, group.script, voted)
        for code, gain in marker_factors(text, voted).items():
            factors[code] = factors.get(code, 1.0) * gain
        if group.letters < _SENTENCE_LETTERS:
            for code, gain in sentence_lexicon_factors(text, voted).items():
                factors[code] = factors.get(code, 1.0) * gain
    ranking = _normalise({c: s * factors.get(c, 1.0) for c, s in scores.items()})
    confidence = ranking[0][1] * length if ranking else 0.0
    if only is None and confidence < _UNSURE and group.letters < 200:
        # Unsure on short text: the slow engine gets a vote on a short prefix.
        _vote(scores, "langdetect", text, candidates)
        for code in scores.keys() - factors.keys():
            factors.update(alphabet_factors(text, group.script, [code]))
        ranking = _normalise({c: s * factors.get(c, 1.0) for c, s in scores.items()})
        confidence = ranking[0][1] * length if ranking else 0.0
    method = only if only is not None else "ensemble"
    return _Verdict(ranking, method, confidence, factors)


def sentence_lexicon_factors(text: str, candidates: frozenset[str]) -> dict[str, float]:
    """Multiplier per listed candidate from the mean Zipf gap of the words of ``text``.

    Per word that some candidate's list holds, each listed candidate scores its Zipf frequency
    (a missing word: its list's lowest frequency minus ``lex_absent``, as on short text) minus
    the best candidate's. The mean gap over those words, times ``_SENTENCE_LEXICON``, is a power
    of ten, relative to the best listed candidate. A mean, not a sum: ten shared words must not
    add up to certainty.
    """
    table = lexicon()
    # Sparse lists (a few thousand words from a small corpus) miss too many words for a missing one to count here.
    listed = table.full_languages() & candidates
    if len(listed) < 2:
        return {}
    absent = SHORT_DEFAULT.lex_absent
    gaps = dict.fromkeys(listed, 0.0)
    counted = 0
    # A sentence's first words carry the evidence; the cap bounds the cost (a lookup per word).
    for word in words(text)[:_SENTENCE_WORDS]:
        hits = {code: z for code, z in table.lookup(word).items() if code in listed}
        if not hits:
            continue
        counted += 1
        best = max(hits.values())
        for code in listed:
            gaps[code] += hits.get(code, table.cutoffs[code] - absent) - best
    if not counted:
        return {}
    # Relative to the best listed language, which keeps 1: a language without a list (Azerbaijani
    # beside Turkish) is compared with the engines' scores alone and must not gain from the others' demotion.
    top = max(gaps.values())
    return {code: 10.0 ** (_SENTENCE_LEXICON * (gap - top) / counted) for code, gap in gaps.items()}


def _provider_choice(verdict: _Verdict, provider: str, candidates: frozenset[str]) -> str | None:
    if verdict.confidence >= _UNSURE or not verdict.ranking or provider not in candidates:
        return None
    if verdict.factors.get(provider, 1.0) < 0.5:
        return None
    scores = dict(verdict.ranking)
    if scores.get(provider, 0.0) < _PROVIDER_MIN_SCORE or verdict.ranking[0][0] == provider:
        return None
    return provider


def detect(text: str, *, provider: str | None = None) -> LanguageResult:
    """Detect the language of ``text``; never raises."""
    return _total(text, provider, None)


def detect_with_engine(text: str, engine: str) -> LanguageResult:
    """Detect with one engine alone, after the same cleaning and script rules off (for evaluation)."""
    return _total(text, None, engine)


def _total(text: str, provider: str | None, engine: str | None) -> LanguageResult:
    try:
        return _detect(text, provider, engine)
    except Exception:
        return LanguageResult(UND, 0.0, "error", (), (), _safe_provider(provider), None)


def _safe_provider(provider: str | None) -> str | None:
    try:
        return normalize_code(provider)
    except Exception:
        return None


def _detect(text: str, provider_tag: str | None, only: str | None) -> LanguageResult:
    provider = normalize_code(provider_tag) if provider_tag is not None else None
    cleaned = clean(text if isinstance(text, str) else "")
    groups = segment(cleaned)
    if not groups:
        return LanguageResult(UND, 0.0, "none", (), (), provider, None)
    total = sum(g.letters for g in groups)
    main = _main_group(groups)
    main_text = cleaned if main.letters >= 0.97 * total else main.text
    verdict = _classify(main, main_text, only)
    if not verdict.ranking:
        return LanguageResult(UND, 0.0, verdict.method, (), (), provider, None)
    code, confidence, method = verdict.ranking[0][0], verdict.confidence, verdict.method
    scale = verdict.confidence / verdict.ranking[0][1] if verdict.ranking[0][1] else 0.0
    if provider is not None and only is None:
        chosen = _provider_choice(verdict, provider, _candidates(main.script))
        if chosen is not None:
            # The provider's tag is a second opinion: the result is as sure as the detector's best guess was.
            code, method = chosen, "provider-confirmed"
    alternatives = tuple((c, round(s * scale, 4)) for c, s in verdict.ranking if c != code and s * scale >= 0.01)[:4]
    shares = _shares(code, main, groups, total, only)
    agrees = same_language(code, provider) if provider is not None else None
    return LanguageResult(code, round(confidence, 4), method, alternatives, shares, provider, agrees)


# Scripts whose characters each carry a syllable or a word: a Han character holds as much as two letters.
_DENSE = {"Han": 2, "Kana": 2, "Hangul": 2}
# Scripts with capital letters: there a capitalised word is most likely a name or an acronym.
_CASED = frozenset({"Latin", "Cyrillic", "Greek", "Armenian"})


def _weight(group: ScriptGroup) -> int:
    """A group's letters as evidence in mixed text (see :func:`_main_group`)."""
    if group.script in _CASED:
        # Names and acronyms borrowed into text of another script say nothing of its language.
        return sum(len(w) for w in group.text.split() if not w[0].isupper())
    return group.letters * _DENSE.get(group.script, 1)


def _main_group(groups: list[ScriptGroup]) -> ScriptGroup:
    """The group that decides the language (see the module docstring, step 1): the most letters, with
    dense scripts' characters counted twice and, in mixed text, cased scripts' capitalised words not at all."""
    if len(groups) == 1:
        return groups[0]
    # Ties keep segment()'s order (most letters first), so a text without borrowed names reads as before.
    return max(groups, key=_weight)


def _shares(
    code: str, main: ScriptGroup, groups: list[ScriptGroup], total: int, only: str | None
) -> tuple[tuple[str, float], ...]:
    letters: dict[str, int] = {code: main.letters}
    for group in groups:
        if group is main or not _weight(group):  # borrowed names only: not a share of another language
            continue
        if group.letters < max(6, _MIN_SHARE * total):
            continue
        ranking = _classify(group, group.text, only).ranking
        if ranking:
            letters[ranking[0][0]] = letters.get(ranking[0][0], 0) + group.letters
    if len(letters) < 2:
        return ()
    counted = sum(letters.values())
    return tuple(sorted(((c, round(n / counted, 4)) for c, n in letters.items()), key=lambda kv: -kv[1]))


@cache
def warm_up() -> bool:
    """Load every engine's model and the word lexicon now rather than on the first story (worker start-up, benchmarks)."""
    for name in ENGINES:
        run_engine(name, "warm up")
    lexicon()
    return True
