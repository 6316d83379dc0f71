"""Classify a story into IPTC Media Topics with the compiled rule files.

Scoring (per topic, per story):

* each distinct term found adds ``weight * (1 + 0.5 * ln(count))``, plus half
  its weight again if it occurs in the headline; negative weights subtract;
* each group whose conditions hold adds its ``weight`` once;
* the topic is assigned when the raw sum reaches the file's ``threshold``;
  its reported score is ``raw / (raw + threshold)``: 0.5 at the threshold,
  approaching 1, so scores are comparable across topics and stories;
* a topic whose raw sum is below ``RELATIVE_CUTOFF`` times the best topic's
  ratio ``raw / threshold`` is dropped: passing mentions of a second subject
  in a long story are not what the story is about.

The learned model (:mod:`stream.topics.model`), when given, adds recall beside the rules:

* a model topic at or above the model's threshold, and at least ``relative_cutoff``
  (a half) of the best model topic's probability, is added with source ``"model"``,
  its probability as score and the features that voted for it as evidence; beside
  topics the rules found, the model needs a higher probability
  (``threshold_with_rules``): the rules are the precise layer, the model the recall;
* rules win: where a rule file assigned the same code or a descendant of it, the
  rule entry stays (with ``model`` set to the model's probability) and no model
  entry is added; a broader rule topic (politics) does not hide a narrower model
  topic (international relations);
* a rule file whose terms sum to less than zero for a story (negative weights:
  "this is not about X") vetoes the model's topic for that code. That is how a
  user overrides the model: add a negative term to the topic's rule file.

With :data:`BODY_CHARS` set, only the headline and the first that many characters of the body are read
(tokens that start there), by the rules and by the model alike; evidence offsets still point into the
whole text. It is None (the whole body) by default.

Provider subjects (``story.subjects`` with ``medtop:`` codes) are kept with
source ``"provider"``. When the rules find the same code, the two merge into
one entry: source stays ``"rules"`` (it has evidence), ``provider`` is true,
and the score is the higher of the rules score and ``PROVIDER_SCORE``; a model
topic of the same code merges alike and stays ``"model"``.
A provider's IPTC Subject NewsCode (``subj:09003000``, its subjectcode URI, STT's ``sttsubj:``) counts as
the Media Topic IPTC's vocabulary maps it to (:mod:`stream.topics.subjectcodes`; a code the table lacks
takes its parent code's topic), exactly as if the provider had sent that ``medtop:`` code; the entry's
``provider_codes`` name the provider's code, the subject code whose mapping was used and how it matches.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from stream.errors import ConfigError
from stream.story import HEADLINE_SEPARATOR, Story
from stream.text.normalize import TokenStream
from stream.topics.model import ModelGuess, TopicModel
from stream.topics.rules import (
    COMMON,
    DEFAULT_RULES_DIR,
    LANGUAGES,
    Group,
    Hit,
    Matcher,
    RuleFile,
    Term,
    lead_end,
    load_rules,
    parse_term,
)
from stream.topics.subjectcodes import SubjectTopic, mapped_topic, subject_topics
from stream.topics.taxonomy import MEDTOP_URI, Taxonomy, load_taxonomy, normalize_code

__all__ = [
    "BODY_CHARS",
    "MEASURED_BODY_CHARS",
    "MODEL_TOKENS",
    "PROVIDER_SCORE",
    "RELATIVE_CUTOFF",
    "Evidence",
    "ProviderCode",
    "Query",
    "ScoredTopic",
    "TopicResult",
    "classify",
    "compile_query",
    "score_rules",
]

_new = tuple.__new__  # builds a named tuple without its keyword-handling __new__
_START = itemgetter(1)  # Evidence.start
_WEIGHT = itemgetter(3)  # Evidence.weight

PROVIDER_SCORE = 0.9
RELATIVE_CUTOFF = 0.35
_HEADLINE_BONUS = 0.5
# The topic stage reads the headline and this many characters of the body (None: all of it). 1,200 cost
# nothing in topic accuracy and halved the stage's cost (benchmarks/eval_topic.py's docstring), but the
# events clusterer reads the topics too, and with them cut ECB+'s long stories clustered worse (B-cubed F1
# 0.765 -> 0.742, mean of 10 orders 0.754 -> 0.746: benchmarks/eval_events_ecb.py), so the whole body is read.
BODY_CHARS: int | None = None
#: The cut-off :data:`BODY_CHARS` was measured at, for a deployment that wants the cheaper stage.
MEASURED_BODY_CHARS = 1200
#: Tokens the learned model reads (headline first): the headline and lead say what a story is about, and the
#: model's cost is its new words, so it stops where the lead ends (about 1,000 characters of a wire story). The
#: rules still read the whole body, and the events clusterer their topics. Chosen on the training sources' test
#: splits, where only the long Setswana news (dikgang_tn) reach it: both macro-F1 there 0.332 (250 tokens, the
#: trainer's MAX_TOKENS) / 0.382 (150) / 0.367 (100), every other row unchanged; ITN events unchanged, ECB+ (a
#: regression check, never tuned on) 0.743 / 0.744 / 0.742 (``python -m benchmarks.eval_topic --no-cost --model-tokens N``
#: prints the first; ``benchmarks/eval_topic.py`` records the cost).
MODEL_TOKENS = 150


class Evidence(NamedTuple):
    """A matched term or model feature: its text, original character offsets and weight.

    A named tuple, not a frozen dataclass: a story makes dozens, and the rule scorer builds them
    with ``tuple.__new__`` at a fraction of a frozen dataclass's ``__init__``.
    """

    term: str
    start: int
    end: int
    weight: float

    def to_dict(self) -> dict[str, object]:
        return {"term": self.term, "start": self.start, "end": self.end, "weight": self.weight}


class ProviderCode(NamedTuple):
    """A provider subject code in another scheme that gave a topic: the code as the provider sent it, the IPTC
    subject code whose mapping was used (the code itself, or a parent of it) and how IPTC matches the two."""

    code: str  # "sttsubj:11010992"
    via: str  # "subj:11010000"
    match: str  # top | exact | close | replaced | retired | broad (stream.build.subjectcodes.MATCHES)

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "via": self.via, "match": self.match}


@dataclass(frozen=True, slots=True)
class ScoredTopic:
    code: str
    label: str
    score: float
    parent: str | None
    source: str  # "rules" | "model" | "provider"
    evidence: tuple[Evidence, ...] = ()
    provider: bool = False  # also given by the provider (merged entry)
    coarse: str | None = None
    model: float | None = None  # the model's probability for this branch, when it agrees with the rules
    provider_codes: tuple[ProviderCode, ...] = ()  # the provider's subject codes that gave this topic, if not medtop

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "code": self.code,
            "label": self.label,
            "score": round(self.score, 4),
            "parent": self.parent,
            "source": self.source,
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.model is not None:
            out["model"] = self.model
        if self.provider_codes:
            out["provider_codes"] = [p.to_dict() for p in self.provider_codes]
        return out


@dataclass(frozen=True)
class TopicResult:
    topics: tuple[ScoredTopic, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "topics": [t.to_dict() for t in self.topics],
            "subjects": [
                {
                    "uri": "http://cv.iptc.org/newscodes/mediatopic/" + t.code.removeprefix("medtop:"),
                    "code": t.code,
                    "name": t.label,
                }
                for t in self.topics
            ],
        }

    def coarse(self) -> set[str]:
        return {t.coarse for t in self.topics if t.coarse}

    @property
    def codes(self) -> list[str]:
        return [t.code for t in self.topics]


# --------------------------------------------------------------------------- compiled rule set


@dataclass
class _RuleSet:
    files: tuple[RuleFile, ...]
    matchers: dict[str, Matcher] = field(default_factory=dict)
    # Per language key: term identity -> (file index, weight) pairs, and the groups
    # with their file index, so that scoring walks only what a story found.
    weights: dict[str, dict[tuple[str, str], tuple[tuple[int, float], ...]]] = field(default_factory=dict)
    groups: dict[str, tuple[tuple[int, Group], ...]] = field(default_factory=dict)

    @staticmethod
    def key(lang: str | None) -> str:
        return "*" if lang is None else lang if lang in LANGUAGES else COMMON

    def matcher(self, lang: str | None) -> Matcher:
        key = self.key(lang)
        if key not in self.matchers:
            self.matchers[key] = Matcher(self._terms(None if key == "*" else key))
        return self.matchers[key]

    def weight_index(self, lang: str | None) -> dict[tuple[str, str], tuple[tuple[int, float], ...]]:
        key = self.key(lang)
        index = self.weights.get(key)
        if index is None:
            pairs: dict[tuple[str, str], list[tuple[int, float]]] = {}
            groups: list[tuple[int, Group]] = []
            for i, rf in enumerate(self.files):
                for section in self._sections(rf, None if key == "*" else key):
                    for term, weight in rf.terms.get(section, ()):
                        pairs.setdefault(term.ident, []).append((i, weight))
                    groups.extend((i, g) for g in rf.groups.get(section, ()))
            index = self.weights[key] = {k: tuple(v) for k, v in pairs.items()}
            self.groups[key] = tuple(groups)
        return index

    def _terms(self, lang: str | None) -> Iterable[Term]:
        for rf in self.files:
            for section in self._sections(rf, lang):
                yield from (t for t, _ in rf.terms.get(section, ()))
                for g in rf.groups.get(section, ()):
                    yield from (*g.all, *g.any, *g.none)

    @staticmethod
    def _sections(rf: RuleFile, lang: str | None) -> list[str]:
        # No language at all: every section applies (better a noisy topic than none);
        # a language without a section: only the shared proper names apply.
        if lang is None:
            return list(rf.terms)
        return [s for s in dict.fromkeys((COMMON, lang)) if s in rf.terms]


@functools.lru_cache(maxsize=8)
def _ruleset(rules_dir: Path) -> _RuleSet:
    return _RuleSet(load_rules(rules_dir))


@functools.lru_cache(maxsize=16)
def _ruleset_for(rules_dir: Path | None) -> _RuleSet:
    # Path.resolve() costs several lstat calls; classify() runs once per story, so the
    # lookup is cached on the path as given. Only absolute paths (and the default)
    # reach here: a relative one would go stale if the working directory changed.
    return _ruleset((rules_dir or DEFAULT_RULES_DIR).resolve())


def _lookup(rules_dir: Path | None) -> _RuleSet:
    if rules_dir is None or rules_dir.is_absolute():
        return _ruleset_for(rules_dir)
    return _ruleset(rules_dir.resolve())


def _language(story: Story, language: str | None) -> str | None:
    lang = (language or story.language or "").lower().split("-")[0] or None
    return lang


def score_rules(
    rf: RuleFile, sections: list[str], found: Mapping[tuple[str, str], list[Hit]], lead: int, headline: int
) -> tuple[float, list[Evidence]]:
    """Raw score and evidence of one rule file against a story's term hits."""
    raw, matched = _match_rules(rf, sections, found, lead, headline)
    return raw, _evidence(matched)


# What a rule file matched in a story, in scoring order: (term text, hits, weight); a group adds one
# entry per term it used, with that one hit and the group's weight.
_Matched = list[tuple[str, list[Hit], float]]


def _match_rules(
    rf: RuleFile, sections: list[str], found: Mapping[tuple[str, str], list[Hit]], lead: int, headline: int
) -> tuple[float, _Matched]:
    """The raw score of :func:`score_rules` and what it matched, to make evidence of only if the topic stays."""
    raw = 0.0
    matched: _Matched = []
    for section in sections:
        index = _term_index(rf, section)
        # Walk whichever side is smaller: a story finds far fewer terms than a file holds.
        pairs = (
            ((index[i], h) for i, h in found.items() if i in index)
            if len(found) < len(index)
            else (((t, w), found[t.ident]) for t, w in rf.terms.get(section, ()) if t.ident in found)
        )
        for (term, weight), hits in pairs:
            raw += weight * (1.0 + 0.5 * math.log(len(hits)))
            if hits[0].end <= headline:
                raw += weight * _HEADLINE_BONUS
            matched.append((term.text, hits, weight))
        for group in rf.groups.get(section, ()):
            hits_used = _group_fires(group, found, lead, headline)
            if hits_used is not None:
                raw += group.weight
                matched.extend((t, [h], group.weight) for t, h in hits_used)
    return raw, matched


def _evidence(matched: _Matched) -> list[Evidence]:
    """Evidence of what :func:`_match_rules` matched: the first five hits of each term."""
    evidence: list[Evidence] = []
    for text, hits, weight in matched:
        evidence.extend([_new(Evidence, (text, h.start, h.end, weight)) for h in hits[:5]])
    return evidence


_INDEX: dict[tuple[int, str], dict[tuple[str, str], tuple[Term, float]]] = {}


def _term_index(rf: RuleFile, section: str) -> dict[tuple[str, str], tuple[Term, float]]:
    key = (id(rf.terms), section)
    index = _INDEX.get(key)
    if index is None:
        index = _INDEX[key] = {t.ident: (t, w) for t, w in rf.terms.get(section, ())}
    return index


def _group_fires(
    group: Group, found: Mapping[tuple[str, str], list[Hit]], lead: int, headline: int
) -> list[tuple[str, Hit]] | None:
    if any(found.get(t.ident) for t in group.none):
        return None
    limit = {"headline": headline, "lead": lead}.get(group.anchor or "")
    used: list[tuple[str, Hit]] = []
    if group.all:
        first = found.get(group.all[0].ident)
        if not first:
            return None
        for anchor_hit in first:
            chosen = [(group.all[0].text, anchor_hit)]
            for term in group.all[1:]:
                near = [
                    h
                    for h in found.get(term.ident, ())
                    if group.window is None or abs(h.first - anchor_hit.first) <= group.window
                ]
                if not near:
                    break
                chosen.append((term.text, near[0]))
            else:
                if limit is None or any(h.end <= limit for _, h in chosen):
                    used = chosen
                    break
        if not used:
            return None
    if group.any:
        options = [(t.text, h) for t in group.any for h in found.get(t.ident, ())]
        if group.window is not None and used:
            base = used[0][1].first
            options = [(t, h) for t, h in options if abs(h.first - base) <= group.window]
        if limit is not None and not used:
            options = [(t, h) for t, h in options if h.end <= limit]
        if not options:
            return None
        used.append(options[0])
    return used


def _raw_scores(
    ruleset: _RuleSet, lang: str | None, found: Mapping[tuple[str, str], list[Hit]], lead: int, headline: int
) -> list[float]:
    """Raw score of every rule file at once: same sums as score_rules, without evidence."""
    index = ruleset.weight_index(lang)
    raws = [0.0] * len(ruleset.files)
    log = math.log
    for ident, hits in found.items():
        pairs = index.get(ident)
        if pairs is None:
            continue
        factor = 1.0 + 0.5 * log(len(hits)) + (_HEADLINE_BONUS if hits[0].end <= headline else 0.0)
        for i, weight in pairs:
            raws[i] += weight * factor
    for i, group in ruleset.groups[_RuleSet.key(lang)]:
        first = group.all[0] if group.all else None
        if first is not None and first.ident not in found:
            continue
        if first is None and not any(t.ident in found for t in group.any):
            continue
        if _group_fires(group, found, lead, headline) is not None:
            raws[i] += group.weight
    return raws


# How far a quick ratio (_raw_scores) may be from the exact one for _score_passing still to trust it: the two add the
# same terms in another order, so they differ by rounding (~1e-16 of the terms' summed magnitudes); 1 % holds unless
# negative weights cancel all but a 1e-13 part of a file's sum.
_QUICK_SLACK = 0.01


def _score_passing(
    passing: list[tuple[RuleFile, list[str], float]], found: Mapping[tuple[str, str], list[Hit]], lead: int, headline: int
) -> list[tuple[float, _Matched, RuleFile]]:
    """:func:`_match_rules` of the passing files (with their quick ratio ``raw / threshold``), in order, less those
    sure to fall under :data:`RELATIVE_CUTOFF`: nothing of a cut-off file is used, and a wire story passes three
    files for each one it keeps (bench stories: 5.7 passing, 2.1 kept).

    The file with the best quick ratio is scored first; its exact ratio is at most the best, so a file whose quick
    ratio is under the cut-off of it, by more than :data:`_QUICK_SLACK`, is under the cut-off of the best.
    """
    if not passing:
        return []
    top = max(range(len(passing)), key=lambda k: passing[k][2])
    rf, sections, _ = passing[top]
    first = _match_rules(rf, sections, found, lead, headline)
    floor = RELATIVE_CUTOFF * (first[0] / rf.threshold) * (1.0 - _QUICK_SLACK)
    scored: list[tuple[float, _Matched, RuleFile]] = []
    for k, (rf, sections, quick) in enumerate(passing):
        if k == top:
            scored.append((*first, rf))
        elif quick >= floor:
            scored.append((*_match_rules(rf, sections, found, lead, headline), rf))
    return scored


def _read_tokens(stream: TokenStream, headline: int, length: int) -> int:
    """How many of the story's tokens the topic stage reads: those that start in the headline or the
    first :data:`BODY_CHARS` characters of the body."""
    if BODY_CHARS is None:
        return len(stream.texts)
    end = (headline + len(HEADLINE_SEPARATOR) if headline else 0) + BODY_CHARS
    if end >= length:
        return len(stream.texts)
    return bisect_left(stream.begins, end)


def classify(
    story: Story,
    language: str | None = None,
    *,
    rules_dir: Path | None = None,
    stream: TokenStream | None = None,
    model: TopicModel | None = None,
) -> TopicResult:
    """Media Topics of ``story``; ``language`` is the detected ISO 639-1 code.

    ``stream`` may pass ``TokenStream.of(story.text)`` when another stage already built it;
    ``model`` adds the learned model's topics beside the rules (see the module docstring).
    """
    ruleset = _lookup(rules_dir)
    lang = _language(story, language)
    text = story.text
    if stream is None:
        stream = TokenStream.of(text)
    headline = len(story.headline) if story.headline else 0
    limit = _read_tokens(stream, headline, len(text))
    found = ruleset.matcher(lang).scan(stream, limit)
    lead = lead_end(headline, text)
    raws = _raw_scores(ruleset, lang, found, lead, headline)
    key = lang if lang is None or lang in LANGUAGES else COMMON
    passing = [
        (rf, _RuleSet._sections(rf, key), raws[i] / rf.threshold) for i, rf in enumerate(ruleset.files) if raws[i] >= rf.threshold
    ]
    # Scores first (score_rules is the reference scorer); evidence only for the topics that stay.
    scored = _score_passing(passing, found, lead, headline)
    best = max((raw / rf.threshold for raw, _, rf in scored), default=0.0)
    taxonomy = load_taxonomy()
    merged: dict[str, ScoredTopic] = {}
    for raw, matched, rf in scored:
        if raw / rf.threshold < RELATIVE_CUTOFF * best:
            continue
        evidence = _evidence(matched)
        topic = taxonomy.get(rf.code)
        if topic is None:  # validated at load; a stale taxonomy is a config error
            raise ConfigError(f"unknown topic {rf.code}", file=rf.path, field="topic")
        score = raw / (raw + rf.threshold)
        previous = merged.get(rf.code)
        if previous is not None:  # two files for one code: keep the stronger, pool evidence
            score = max(score, previous.score)
            evidence = [*previous.evidence, *evidence]
        # By start, then weight, highest first: two stable sorts on C-level keys order as one on (start, -weight).
        evidence.sort(key=_WEIGHT, reverse=True)
        evidence.sort(key=_START)
        merged[rf.code] = ScoredTopic(rf.code, topic.label, score, topic.parent, "rules", tuple(evidence), coarse=topic.coarse)
    if model is not None:
        vetoed = {rf.code for i, rf in enumerate(ruleset.files) if raws[i] < 0}
        threshold = model.threshold_with_rules if merged else model.threshold
        guesses = model.guesses(stream, text, threshold=threshold, limit=min(limit, MODEL_TOKENS), lang=lang)
        _add_model_topics(merged, guesses, vetoed, taxonomy)
    for subject in story.subjects:
        if subject.code.startswith(("medtop:", MEDTOP_URI)):
            _add_provider_topic(merged, normalize_code(subject.code), subject.name, (), taxonomy)
            continue
        # An older IPTC Subject NewsCode counts as the Media Topic it became, as if the provider had sent that.
        for mapped in subject_topics(subject.code):
            given = (ProviderCode(subject.code, mapped.via, mapped.match),)
            _add_provider_topic(merged, mapped.code, None, given, taxonomy, mapped)
    return TopicResult(tuple(sorted(merged.values(), key=lambda t: (-t.score, t.code))))


def _add_provider_topic(
    merged: dict[str, ScoredTopic],
    code: str,
    name: str | None,
    given: tuple[ProviderCode, ...],
    taxonomy: Taxonomy,
    mapped: SubjectTopic | None = None,
) -> None:
    """Add the provider's topic ``code``, or merge it into the entry the rules (or the model) made for it."""
    previous = merged.get(code)
    if previous is not None:
        # The entry keeps its source and evidence (a model topic stays "model", with the model's probability).
        codes = previous.provider_codes + tuple(g for g in given if g not in previous.provider_codes)
        merged[code] = dataclasses.replace(
            previous, score=max(previous.score, PROVIDER_SCORE), provider=True, provider_codes=codes
        )
        return
    topic = taxonomy.get(code)
    if topic is not None:
        merged[code] = ScoredTopic(
            code, topic.label, PROVIDER_SCORE, topic.parent, "provider", (), True, topic.coarse, provider_codes=given
        )
        return
    # Outside taxonomy.yaml: IPTC's label and broader chain from the subject code table, when it has the code.
    known = mapped or mapped_topic(code)
    label = known.label if known else (name or code)
    parent = known.parent if known else None
    coarse = _coarse_of(known.ancestors) if known else None
    merged[code] = ScoredTopic(code, label, PROVIDER_SCORE, parent, "provider", (), True, coarse, provider_codes=given)


def _add_model_topics(merged: dict[str, ScoredTopic], predicted: list[ModelGuess], vetoed: set[str], taxonomy: Taxonomy) -> None:
    for guess in predicted:
        topic = taxonomy.get(guess.code)
        if topic is None or guess.code in vetoed:
            continue
        # Rules win where they are as specific or more: the same code or a descendant of it. Where rules
        # found only a broader code (politics), the model's narrower one (international relations) adds to it.
        related = [c for c in merged if c == guess.code or guess.code in taxonomy.ancestors(c)]
        if related:
            for code in related:
                if merged[code].model is None:
                    merged[code] = dataclasses.replace(merged[code], model=guess.probability)
            continue
        evidence = tuple(Evidence(term, start, end, weight) for term, start, end, weight in guess.evidence())
        merged[guess.code] = ScoredTopic(
            guess.code, topic.label, guess.probability, topic.parent, "model", evidence, coarse=topic.coarse
        )


def _coarse_of(ancestors: Iterable[str]) -> str | None:
    """The coarse routing topic of a code outside taxonomy.yaml: that of its nearest ancestor inside it
    (arrest, under law enforcement, routes as crime; employment as labour, which routes nowhere)."""
    taxonomy = load_taxonomy()
    return next((topic.coarse for topic in map(taxonomy.get, ancestors) if topic is not None), None)


# --------------------------------------------------------------------------- subscriptions


@dataclass(frozen=True)
class Query:
    """A keyword query in the rule language, for alert subscriptions."""

    source: str
    spec: Mapping[str, object]
    languages: frozenset[str] | None

    def matches(self, story: Story, language: str | None = None) -> tuple[bool, list[Evidence]]:
        lang = _language(story, language)
        if self.languages is not None and lang not in self.languages:
            return False, []
        group = _query_group(self, lang if lang in LANGUAGES else COMMON)
        stream = TokenStream.of(story.text)
        found = _query_matcher(self, lang if lang in LANGUAGES else COMMON).scan(stream)
        headline = len(story.headline) if story.headline else 0
        used = _group_fires(group, found, lead_end(headline, story.text), headline)
        if used is None:
            return False, []
        return True, [Evidence(t, h.start, h.end, 1.0) for t, h in used]


@functools.lru_cache(maxsize=4096)
def _query_group_cached(source: str, key: tuple[object, ...], lang: str) -> Group:
    spec: dict[str, object] = dict(key)  # type: ignore[arg-type]
    parts: dict[str, tuple[Term, ...]] = {}
    for part in ("all", "any", "none"):
        terms = spec.get(part, ())
        parts[part] = tuple(parse_term(str(t), lang) for t in terms)  # type: ignore[attr-defined]
    return Group(parts["all"], parts["any"], parts["none"], spec.get("window"), spec.get("anchor"), 1.0)  # type: ignore[arg-type]


def _freeze(query: Query) -> tuple[object, ...]:
    items = []
    for k, v in sorted(query.spec.items()):
        items.append((k, tuple(v) if isinstance(v, list | tuple) else v))
    return tuple(items)


def _query_group(query: Query, lang: str) -> Group:
    return _query_group_cached(query.source, _freeze(query), lang)


@functools.lru_cache(maxsize=4096)
def _query_matcher_cached(source: str, key: tuple[object, ...], lang: str) -> Matcher:
    group = _query_group_cached(source, key, lang)
    return Matcher((*group.all, *group.any, *group.none))


def _query_matcher(query: Query, lang: str) -> Matcher:
    return _query_matcher_cached(query.source, _freeze(query), lang)


def compile_query(spec: object, *, source: str) -> Query:
    """Compile a subscription keyword query; errors name ``source`` and the field.

    ``spec`` is a term string, a list of terms (any of them), or a mapping with
    ``all`` / ``any`` / ``none`` (term lists), ``window`` (int), ``anchor``
    (headline | lead) and ``languages`` (ISO codes the query applies to).
    Terms use the rule-file syntax; they are stemmed in the story's language.
    """
    if isinstance(spec, str):
        spec = {"any": [spec]}
    elif isinstance(spec, list):
        spec = {"any": spec}
    if not isinstance(spec, dict):
        raise ConfigError("a query must be a term, a list of terms or a mapping", file=source, field="query")
    unknown = set(spec) - {"all", "any", "none", "window", "anchor", "languages"}
    if unknown:
        raise ConfigError(f"unknown key {sorted(unknown)[0]!r}", file=source, field=f"query.{sorted(unknown)[0]}")
    if not spec.get("all") and not spec.get("any"):
        raise ConfigError("a query needs 'all' or 'any' terms", file=source, field="query")
    clean: dict[str, object] = {}
    for part in ("all", "any", "none"):
        value = spec.get(part)
        if value is None:
            continue
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(t, str) for t in items):
            raise ConfigError("expected a list of term strings", file=source, field=f"query.{part}")
        for i, t in enumerate(items):
            try:
                parse_term(t, "en")
            except ValueError as exc:
                raise ConfigError(str(exc), file=source, field=f"query.{part}[{i}]") from None
        clean[part] = list(items)
    window = spec.get("window")
    if window is not None:
        if isinstance(window, bool) or not isinstance(window, int) or window < 1:
            raise ConfigError(f"window must be a positive integer, got {window!r}", file=source, field="query.window")
        clean["window"] = window
    anchor = spec.get("anchor")
    if anchor is not None:
        if anchor not in ("headline", "lead"):
            raise ConfigError(f"anchor must be headline or lead, got {anchor!r}", file=source, field="query.anchor")
        clean["anchor"] = anchor
    langs = spec.get("languages")
    if langs is not None and (not isinstance(langs, list) or not all(isinstance(x, str) for x in langs)):
        raise ConfigError("languages must be a list of ISO 639-1 codes", file=source, field="query.languages")
    return Query(source, clean, frozenset(langs) if langs is not None else None)
