"""The topic rule language: load and validate YAML rule files, compile them into matchers.

A rule file describes one Media Topic::

    topic: medtop:20000056        # code from taxonomy.yaml
    threshold: 2.0                # raw score a story needs (see stream.topics.classifier)
    languages:
      common:                     # proper names: applied to every story, matched exactly
        terms: {NATO: 1.0}
      en:
        terms:                    # weighted terms and phrases
          war: 1.0
          "armed conflict": 2.0
          shell*: 0.5             # '*': any token starting with "shell"
          "=arms": 0.5            # '=': exact token(s), no stemming
        groups:                   # AND / OR / NOT with proximity and anchors
          - all: [troops, border] # every term must occur ...
            window: 8             # ... within 8 tokens of the first one
            none: [football]      # ... and none of these anywhere
            anchor: headline      # ... with a match in the headline (or "lead")
            weight: 1.5
    examples:
      - {lang: en, text: "Troops shelled the border town", expect: true}

How a word of a term matches a token (both folded with ``stream.text.normalize.fold``):

* ``stem`` (en fr ru de es hy): equal Snowball stems.
* ``suffix`` (tr az ar fa uk ka sw ha): the token starts with the word and adds at most
  ``SUFFIX_ALLOWANCE[lang]`` letters. Snowball's Turkish and Arabic stemmers
  are not used: they split one lemma into several stems (``bakan``/``bakanı``,
  ``وزير`` -> ``زير``), which a wire-speed matcher cannot afford. Swahili and Hausa
  have no Snowball stemmer; their endings are short (Swahili locative ``-ni``,
  ``jeshi``/``jeshini``; Hausa linkers ``-n``/``-r``, ``zaben``/``zabensa``), but their
  inflection is largely at the front (``wanajeshi``, ``walikamatwa``; Hausa plurals
  ``soja``/``sojoji``), so rule files list those forms as separate terms.
* Arabic tokens are also tried without their proclitics (و ف ب ل ك ال), so
  ``والقتال`` matches ``قتال``.
* ``word*`` is a prefix (at least ``MIN_PREFIX`` letters); ``=word`` is exact; ``=word|words|worded`` is
  one exact word written as its forms (sharing their first two letters), counted as one term.
  ``common`` terms are exact unless they carry ``*``.
* An acronym (one word of two to five letters, all written in capitals: ``WHO``, ``IMF``, ``ВОЗ``) matches
  only a token that starts with a capital ("WHO", British "Nato"), never a small word ("who").
* German capitalises every noun, so a term written there with a capital matches a small token only as an
  adjective made from it (wirtschaftlichen for Wirtschaft), never a verb with its stem (gewinnen for Gewinn).

All terms of one language (plus ``common``) go into one Matcher. Which terms can
start at a token depends only on the token's text, so that is worked out once per
distinct word (an Aho-Corasick pass keyed on a short surface prefix of each term's
first word, then each candidate verified) and cached; a story then costs one dict
lookup per token plus the check of the later words of multi-word terms.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import compress, repeat
from pathlib import Path
from typing import NamedTuple

import ahocorasick
import snowballstemmer
import yaml

from stream.errors import ConfigError
from stream.language.lexicon import entry_key
from stream.text.normalize import TokenStream, fold, strip_arabic_clitics, strip_hebrew_prefixes, tokenize
from stream.topics.features import is_unspaced, snowball_stemmer
from stream.topics.taxonomy import load_taxonomy, normalize_code
from stream.yamlconf import duplicate_keys

__all__ = [
    "ADJECTIVE_SUFFIXES",
    "COMMON",
    "COMPOUNDING",
    "COMPOUND_HEAD",
    "COMPOUND_MODIFIER",
    "DEFAULT_RULES_DIR",
    "FUNCTION_ZIPF",
    "LANGUAGES",
    "LONG_MODIFIER",
    "MIN_PREFIX",
    "NOUN_CAPS",
    "STEMMED",
    "SUFFIX_ALLOWANCE",
    "UNSPACED",
    "Example",
    "Group",
    "Hit",
    "Matcher",
    "RuleFile",
    "Term",
    "WordPattern",
    "check_rules",
    "compile_matcher",
    "compound_head",
    "load_rules",
    "parse_term",
    "stem",
]

DEFAULT_RULES_DIR = Path(__file__).parent / "data" / "rules"
COMMON = "common"
_SNOWBALL = {"en": "english", "fr": "french", "ru": "russian", "de": "german", "es": "spanish", "hy": "armenian"}
# Swahili and Hausa 3: enough for a locative, or a linker plus a possessive (zaɓensa); short words
# that would run into other words are written exact in the rule files ("=vita": vitabu are books,
# "=kura": kurasa are pages, Hausa "=kama": kamar is "like").
# Hebrew 3: a plural (ים, ות) or a possessive (יו, נו). Its prefixes are peeled off as Arabic proclitics are.
# Korean 4: postpositions and verb endings written on the noun (전쟁에서는, 공격했습니다).
SUFFIX_ALLOWANCE = {"tr": 7, "az": 7, "ar": 4, "fa": 4, "uk": 3, "ka": 4, "sw": 3, "ha": 3, "he": 3, "ko": 4}
#: Languages written without spaces between words: a token is a clause, and a term is found anywhere in it
#: (战争 inside 两国战争持续), as the characters it is written with, with its own character offsets.
#: Languages whose terms match by Snowball stem (mode "stem"; the others match by a suffix or inside a clause).
STEMMED = frozenset(_SNOWBALL)
UNSPACED = frozenset({"zh", "ja", "th"})
LANGUAGES = frozenset({*_SNOWBALL, *SUFFIX_ALLOWANCE, *UNSPACED})
MIN_PREFIX = 3
#: Languages that capitalise every noun: a noun term there matches a small token only as an adjective made from it
#: (see Term.noun).
NOUN_CAPS = frozenset({"de"})
ADJECTIVE_SUFFIXES = ("lich", "isch", "ig", "haft", "bar", "sam")
#: Languages that write compound nouns as one word, head last: a Präsidentschaftswahl is a Wahl, a
#: Terroranschlag an Anschlag, a Bürgerkrieg a Krieg. There a stemmed term word of at least COMPOUND_HEAD
#: letters also matches a token whose head (:func:`compound_head`) has its stem.
COMPOUNDING = frozenset({"de"})
COMPOUND_HEAD = 4
COMPOUND_MODIFIER = 3
#: A compound's first part this frequent (Zipf, in the language's word list) is a preposition or a verb
#: particle, not a noun: Auswahl (a choice) is no Wahl, Überfall (a raid) no Fall; wordfreq puts aus, über,
#: nach, gegen, an, ab at 6.0-6.7 and the first nouns (Welt, Stadt, Macht) at 5.7-5.8.
FUNCTION_ZIPF = 6.0
#: A first part the word list lacks counts from this length on (Präsidentschafts-, Unabhängigkeits-).
LONG_MODIFIER = 7
_ANCHORS = ("headline", "lead")
_START_CACHE = 1 << 18  # distinct words remembered per matcher
_FOLLOW_CACHE = 1 << 16  # (multi-word term, following words) answers remembered per matcher
_LEAD_CHARS = 400  # lead = headline + first paragraph of the body, at most this long
# No Snowball stemmer takes 40 letters off a word, so a token that much longer than a stem cannot
# stem to it: not stemming it keeps a 500 KB unspaced "word" from costing a second of pure-Python stemming.
_STEM_SLACK = 40
# Only an Arabic proclitic or a Hebrew prefix (at most this long) may precede a term's key inside a token.
_MAX_KEY_OFFSET = 3
_AT_START = "\x01"  # before a token in Matcher.starting_at, and before the keys that must start it in the automaton
# Where a term's key may sit in a token (Matcher's automaton): at its start; after a proclitic or prefix;
# anywhere (unspaced languages).
_START, _PREFIXED, _INSIDE = 0, 1, 2


def _stemmer(lang: str) -> snowballstemmer.stemmer:
    stemmer = snowball_stemmer(_SNOWBALL[lang])
    if stemmer is None:  # the rules' six languages are in every Snowball release
        raise LookupError(f"Snowball has no {_SNOWBALL[lang]} stemmer")
    return stemmer


@functools.lru_cache(maxsize=200_000)
def stem(lang: str, word: str) -> str:
    """Snowball stem of a folded word (cached: wire vocabulary is Zipfian)."""
    return str(_stemmer(lang).stemWord(word))


@dataclass(frozen=True, slots=True)
class WordPattern:
    form: str  # folded surface
    mode: str  # "stem" | "suffix" | "prefix" | "exact"
    lang: str
    target: str = ""  # the stem, for mode "stem"
    # An exact word written as alternatives ("=import|imports|imported"): the forms it matches; ``form`` is then
    # their common start (the automaton's key). One term, so its forms' hits count as one term's repeats.
    alts: frozenset[str] = frozenset()
    # Set once here: matches() runs for every candidate token of every story.
    # What peels an Arabic proclitic or a Hebrew prefix off a token (None: the token is matched as it is).
    peel: Callable[[str], list[str]] | None = field(init=False, compare=False)
    compound: bool = field(init=False, compare=False)  # may also match as a compound's head

    def __post_init__(self) -> None:
        peel = (
            strip_arabic_clitics
            if self.lang == "ar" or _is_arabic(self.form)
            else strip_hebrew_prefixes
            if self.lang == "he" or _is_hebrew(self.form)
            else None
        )
        object.__setattr__(self, "peel", peel)
        # By the stem's length: Tore (stem tor) would meet Senatoren, Erbe (erb) Wettbewerbe, Ostern (ost) Südosten.
        compound = self.mode == "stem" and self.lang in COMPOUNDING and len(self.target) >= COMPOUND_HEAD
        object.__setattr__(self, "compound", compound)

    def matches(self, token: str) -> bool:
        if self.peel is not None:
            return any(self._match_one(c) for c in self.peel(token))
        return self._match_one(token)

    def _match_one(self, token: str) -> bool:
        if self.mode == "exact":
            return token in self.alts if self.alts else token == self.form
        if self.mode == "prefix":
            return token.startswith(self.form)
        if self.mode == "suffix":
            return token.startswith(self.form) and len(token) - len(self.form) <= SUFFIX_ALLOWANCE[self.lang]
        return len(token) <= len(self.target) + _STEM_SLACK and stem(self.lang, token) == self.target

    @property
    def key(self) -> str:
        """Surface prefix every matching token contains (what the automaton looks for)."""
        if self.mode != "stem":
            return self.form
        common = os.path.commonprefix([self.form, self.target])  # noqa: RUF071 - character prefix wanted
        # Stemmers may rewrite the last letters (policy -> polici); one letter of slack.
        if len(common) >= 5:
            common = common[:-1]
        return common if len(common) >= 2 else self.form[:2]


def compound_head(lang: str, token: str) -> str | None:
    """The head of a compound ``token``: its longest ending, after at least :data:`COMPOUND_MODIFIER`
    letters and of at least :data:`COMPOUND_HEAD`, that the language's word list holds (None: none does,
    or what precedes it is a preposition or particle, :data:`FUNCTION_ZIPF`).

    The longest, so a Nationalauswahl (a national team) has the head Auswahl, not Wahl (an election), and
    a Terroranschlag has Anschlag, not Schlag; the first part must be a listed word (less a linking s, es,
    n...) or at least :data:`LONG_MODIFIER` letters long. Only capitalised tokens (nouns) are read as
    compounds (:meth:`Matcher.scan`): zurückgewinnen is no Gewinn. The list is the short-text lexicon's
    (:mod:`stream.language.lexicon`: wordfreq's 20,000 most frequent words; 10,000 when this rule was
    chosen, and 20,000 read the same on the own dev set and more NTREX heads), so a head the list lacks
    gives no match: recall lost, never a false topic.
    """
    words = _words(lang)
    for i in range(COMPOUND_MODIFIER, len(token) - COMPOUND_HEAD + 1):
        if entry_key(token[i:]) in words:
            modifier = token[:i]
            if words.get(entry_key(modifier), 0.0) >= FUNCTION_ZIPF:
                return None
            # The first part is a listed word (less a linking s, es, n...: Bürger|krieg, Bundes|regierung) or
            # too long to be a chance split (Präsidentschafts|wahl); Sen|atoren, Dün|kirchen are no compounds.
            if len(modifier) < LONG_MODIFIER and not any(entry_key(m) in words for m in _modifier_forms(modifier)):
                return None
            return token[i:]
    return None


@functools.cache
def _words(lang: str) -> dict[int, float]:
    """The language's word list (the short-text lexicon's, loaded by the language stage already), by key.

    Tokens are folded (:func:`stream.text.normalize.fold`) as the list's words are, so no second fold."""
    from stream.language.lexicon import lexicon

    return lexicon().table(lang)


# Linking elements between a German compound's parts: Staat-s-, Bund-es-, Straße-n-, Kind-er-, Name-ns-.
_LINKS = ("s", "es", "n", "en", "e", "er", "ns")


def _modifier_forms(modifier: str) -> list[str]:
    return [
        modifier,
        *(
            modifier[: -len(link)]
            for link in _LINKS
            if modifier.endswith(link) and len(modifier) - len(link) >= COMPOUND_MODIFIER
        ),
    ]


@dataclass(frozen=True, slots=True)
class Term:
    text: str  # as written in the rule file
    lang: str
    words: tuple[WordPattern, ...]
    ident: tuple[str, str] = field(init=False, compare=False)  # (lang, text): the key of a term's hits
    # What the token after the first word must hold for the term to match ("" when that takes a stem to tell): most
    # multi-word terms a story's tokens start fail on their second word, and this tells many of them apart before
    # the scan makes their cache key (see Matcher.scan).
    after: str = field(init=False, compare=False)
    # The second and last word of a two-word term the scan matches directly (None: another length, or a peeled
    # word): stems are cached per word, and the scan's cache of later words cost more than asking again.
    second: WordPattern | None = field(init=False, compare=False)
    # An acronym (one word of 2-5 letters, all capitals in the rule file: WHO, OMS, ВОЗ, IMF) matches only a token
    # that starts with a capital: "who claimed his second title" names no health agency, while British style's "Nato"
    # and "Opec" still count.
    caps: bool = field(init=False, compare=False)
    # Where every noun is capitalised (NOUN_CAPS), a term written with a capital is a noun: a small token it matches
    # must be an adjective made from it (wirtschaftlichen, olympischen: see adjective_of), not a verb Snowball gives
    # the same stem (Gewinn and gewinnen, Gebet and gebeten, Handel and handeln, Richter and richtet).
    noun: bool = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ident", (self.lang, self.text))
        letters = [c for c in self.text if c.isalpha()]
        acronym = len(self.words) == 1 and 2 <= len(letters) <= 5 and all(c.isupper() for c in letters)
        object.__setattr__(self, "caps", acronym)
        object.__setattr__(self, "noun", self.lang in NOUN_CAPS and self.text.lstrip("=")[:1].isupper())

        direct = self.words[1] if len(self.words) == 2 and self.words[1].peel is None else None
        object.__setattr__(self, "second", direct)
        after = ""
        if len(self.words) > 1:
            second = self.words[1]
            # An exact, prefix or suffix word matches only tokens that start with its form, or, peeled, whose
            # ending after a proclitic or prefix does (peel keeps endings of the token): tokens that hold it. A stem
            # may be spelt otherwise (dying -> die).
            if second.mode in ("exact", "prefix", "suffix"):
                after = second.form
        object.__setattr__(self, "after", after)

    def adjective_of(self, token: str) -> bool:
        """Whether a small ``token`` this noun term matched is an adjective made from the noun: after the noun's
        stem (or form) it carries an adjective suffix (-lich, -isch, -ig, -haft, -bar, -sam)."""
        first = self.words[0]
        base = first.target if first.mode == "stem" else first.form
        return token.startswith(base) and any(suffix in token[len(base) :] for suffix in ADJECTIVE_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Group:
    all: tuple[Term, ...] = ()
    any: tuple[Term, ...] = ()
    none: tuple[Term, ...] = ()
    window: int | None = None
    anchor: str | None = None
    weight: float = 1.0
    name: str = ""


@dataclass(frozen=True, slots=True)
class Example:
    lang: str
    text: str
    expect: bool
    line: int


@dataclass(frozen=True, slots=True)
class RuleFile:
    path: str
    code: str
    threshold: float
    terms: dict[str, tuple[tuple[Term, float], ...]]  # per language section
    groups: dict[str, tuple[Group, ...]]
    examples: tuple[Example, ...] = ()

    @property
    def name(self) -> str:
        return Path(self.path).stem


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text[:3])


def _is_hebrew(text: str) -> bool:
    return any("\u0590" <= ch <= "\u05ff" for ch in text[:3])


def parse_term(text: str, lang: str) -> Term:
    """Compile one term string of a language section into word patterns."""
    raw = text.strip()
    exact = raw.startswith("=")
    if exact:
        raw = raw[1:]
    words: list[WordPattern] = []
    pieces = raw.split()
    for piece in pieces:
        if "|" in piece:
            words.append(_alternatives(text, piece, lang, exact=exact))
            continue
        prefix = piece.endswith("*")
        body = piece.rstrip("*")
        toks = tokenize(body)
        if len(toks) != 1 or toks[0].text != fold(body):
            # Hyphens and apostrophes split words the way the tokenizer does.
            if prefix or not toks:
                raise ValueError(f"term {text!r}: {piece!r} is not a single word")
            words.extend(_pattern(t.text, lang, exact=exact, prefix=False) for t in toks)
            continue
        form = toks[0].text
        if prefix and len(form) < MIN_PREFIX:
            raise ValueError(f"term {text!r}: prefix {piece!r} shorter than {MIN_PREFIX} letters")
        words.append(_pattern(form, lang, exact=exact, prefix=prefix))
    if not words:
        raise ValueError(f"empty term {text!r}")
    return Term(text.strip(), lang, tuple(words))


def _alternatives(text: str, piece: str, lang: str, *, exact: bool) -> WordPattern:
    """One exact word written as its forms, ``=import|imports|imported``: a word that stems or extends to
    frequent words of another meaning (important, imports) is written as the forms meant."""
    if not exact:
        raise ValueError(f"term {text!r}: alternatives ({piece!r}) are exact forms: write the term with '='")
    forms = []
    for alt in piece.split("|"):
        toks = tokenize(alt)
        if len(toks) != 1 or toks[0].text != fold(alt) or alt.endswith("*"):
            raise ValueError(f"term {text!r}: {alt!r} is not a single word")
        forms.append(toks[0].text)
    start = os.path.commonprefix(forms)  # noqa: RUF071 - character prefix wanted
    if len(start) < 2:
        raise ValueError(f"term {text!r}: the alternatives of {piece!r} must share their first two letters")
    return WordPattern(start, "exact", lang, alts=frozenset(forms))


def _pattern(form: str, lang: str, *, exact: bool, prefix: bool) -> WordPattern:
    if lang in UNSPACED:
        return WordPattern(form, "exact", lang)
    if prefix:
        return WordPattern(form, "prefix", lang)
    if exact or lang == COMMON:
        return WordPattern(form, "exact", lang)
    if lang in _SNOWBALL:
        return WordPattern(form, "stem", lang, stem(lang, form))
    return WordPattern(form, "suffix", lang)


# --------------------------------------------------------------------------- loading


class _Map(dict):
    """A YAML mapping that remembers the line of each key."""

    line = 0
    lines: dict[object, int]


class _Seq(list):
    line = 0
    lines: list[int]


# libyaml's parser when PyYAML was built with it: the pure-Python one took ~1.4 s of a worker's start for the
# shipped rule files (each detection process parses them again). Both give the nodes the same line marks.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    out = _Map()
    out.line = node.start_mark.line + 1
    out.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = key_node.start_mark.line + 1
    return out


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> _Seq:
    out = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.lines = [child.start_mark.line + 1 for child in node.value]
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


@dataclass
class _Ctx:
    file: str
    errors: list[ConfigError] = field(default_factory=list)

    def error(self, message: str, fld: str, line: int | None) -> None:
        self.errors.append(ConfigError(message, file=self.file, field=fld, line=line))


def _line(container: object, key: object) -> int | None:
    if isinstance(container, _Map):
        return container.lines.get(key, container.line)
    if isinstance(container, _Seq) and isinstance(key, int) and key < len(container.lines):
        return container.lines[key]
    return getattr(container, "line", None)


def _terms_of(ctx: _Ctx, value: object, lang: str, fld: str, line: int | None) -> list[Term]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        ctx.error("expected a term or a non-empty list of terms", fld, line)
        return []
    out: list[Term] = []
    for i, item in enumerate(items):
        if not isinstance(item, str):
            ctx.error("a term must be a string", f"{fld}[{i}]", _line(items, i))
            continue
        try:
            out.append(parse_term(item, lang))
        except ValueError as exc:
            ctx.error(str(exc), f"{fld}[{i}]", _line(items, i))
    return out


def _number(ctx: _Ctx, value: object, fld: str, line: int | None, *, positive: bool = False) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        ctx.error(f"expected a number, got {value!r}", fld, line)
        return None
    if positive and value <= 0:
        ctx.error(f"must be > 0, got {value!r}", fld, line)
        return None
    return float(value)


def _parse_group(ctx: _Ctx, spec: object, lang: str, fld: str, line: int | None) -> Group | None:
    if not isinstance(spec, dict):
        ctx.error("a group must be a mapping", fld, line)
        return None
    unknown = set(spec) - {"all", "any", "none", "window", "anchor", "weight", "name"}
    for key in sorted(unknown, key=str):
        ctx.error(
            f"unknown key {key!r} (allowed: all, any, none, window, anchor, weight, name)", f"{fld}.{key}", _line(spec, key)
        )
    if "all" not in spec and "any" not in spec:
        ctx.error("a group needs 'all' or 'any'", fld, line)
        return None
    parts = {k: tuple(_terms_of(ctx, spec[k], lang, f"{fld}.{k}", _line(spec, k))) for k in ("all", "any", "none") if k in spec}
    window = spec.get("window")
    if window is not None and (isinstance(window, bool) or not isinstance(window, int) or window < 1):
        ctx.error(f"window must be a positive integer, got {window!r}", f"{fld}.window", _line(spec, "window"))
        window = None
    anchor = spec.get("anchor")
    if anchor is not None and anchor not in _ANCHORS:
        ctx.error(f"anchor must be one of {', '.join(_ANCHORS)}, got {anchor!r}", f"{fld}.anchor", _line(spec, "anchor"))
        anchor = None
    weight = _number(ctx, spec.get("weight", 1.0), f"{fld}.weight", _line(spec, "weight"))
    return Group(
        parts.get("all", ()),
        parts.get("any", ()),
        parts.get("none", ()),
        window,
        anchor,
        weight if weight is not None else 1.0,
        str(spec.get("name", "")),
    )


def _load_doc(path: Path, ctx: _Ctx) -> object:
    """The file's document; syntax errors and every duplicate key are recorded in ``ctx``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        ctx.error(f"cannot read: {getattr(exc, 'strerror', None) or exc}", "(file)", None)
        return None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        for dup in duplicate_keys(node):
            ctx.error(dup.message, dup.field, dup.line)
        return loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        ctx.error(f"YAML syntax error: {getattr(exc, 'problem', exc)}", "(file)", mark.line + 1 if mark else None)
        return None
    finally:
        loader.dispose()


def _parse_file(path: Path, ctx: _Ctx) -> RuleFile | None:
    doc = _load_doc(path, ctx)
    if doc is None and ctx.errors:
        return None
    if not isinstance(doc, _Map):
        ctx.error("a rule file must be a mapping", "(file)", 1)
        return None
    for key in sorted(set(doc) - {"topic", "threshold", "languages", "examples", "description"}, key=str):
        ctx.error(f"unknown key {key!r}", str(key), _line(doc, key))
    code = doc.get("topic")
    if not isinstance(code, str | int):
        ctx.error("missing topic code", "topic", doc.line)
        return None
    code = normalize_code(str(code))
    if load_taxonomy().get(code) is None:
        ctx.error(f"unknown Media Topic {code!r} (not in taxonomy.yaml)", "topic", _line(doc, "topic"))
    threshold = _number(ctx, doc.get("threshold"), "threshold", _line(doc, "threshold"), positive=True)
    langs = doc.get("languages")
    terms: dict[str, tuple[tuple[Term, float], ...]] = {}
    groups: dict[str, tuple[Group, ...]] = {}
    if not isinstance(langs, dict) or not langs:
        ctx.error("missing 'languages' mapping", "languages", _line(doc, "languages"))
        langs = {}
    for lang, section in langs.items():
        fld = f"languages.{lang}"
        if lang != COMMON and lang not in LANGUAGES:
            ctx.error(
                f"unsupported language {lang!r} (supported: {', '.join(sorted(LANGUAGES))}, common)", fld, _line(langs, lang)
            )
            continue
        if not isinstance(section, dict) or not (set(section) <= {"terms", "groups"}):
            ctx.error("a language section holds only 'terms' and 'groups'", fld, _line(langs, lang))
            continue
        weighted: list[tuple[Term, float]] = []
        term_map = section.get("terms", {})
        if not isinstance(term_map, dict):
            ctx.error("terms must map term -> weight", f"{fld}.terms", _line(section, "terms"))
            term_map = {}
        for text, weight in term_map.items():
            tfld = f"{fld}.terms.{text}"
            tline = _line(term_map, text)
            w = _number(ctx, weight, tfld, tline)
            try:
                term = parse_term(str(text), lang)
            except ValueError as exc:
                ctx.error(str(exc), tfld, tline)
                continue
            if w is not None:
                weighted.append((term, w))
        parsed_groups: list[Group] = []
        raw_groups = section.get("groups", [])
        if not isinstance(raw_groups, list):
            ctx.error("groups must be a list", f"{fld}.groups", _line(section, "groups"))
            raw_groups = []
        for i, spec in enumerate(raw_groups):
            group = _parse_group(ctx, spec, lang, f"{fld}.groups[{i}]", _line(raw_groups, i))
            if group is not None:
                parsed_groups.append(group)
        terms[lang] = tuple(weighted)
        groups[lang] = tuple(parsed_groups)
    examples: list[Example] = []
    raw_examples = doc.get("examples", [])
    if not isinstance(raw_examples, list):
        ctx.error("examples must be a list", "examples", _line(doc, "examples"))
        raw_examples = []
    for i, ex in enumerate(raw_examples):
        efld = f"examples[{i}]"
        if (
            not isinstance(ex, dict)
            or not isinstance(ex.get("text"), str)
            or not isinstance(ex.get("expect"), bool)
            or not isinstance(ex.get("lang"), str)
        ):
            ctx.error("an example needs lang (str), text (str) and expect (true/false)", efld, _line(raw_examples, i))
            continue
        examples.append(Example(ex["lang"], ex["text"], ex["expect"], _line(raw_examples, i) or 0))
    if threshold is None:
        return None
    return RuleFile(str(path), code, threshold, terms, groups, tuple(examples))


def _rule_paths(rules_dir: Path | None) -> list[Path]:
    return sorted((rules_dir or DEFAULT_RULES_DIR).glob("*.yaml"))


def check_rules(rules_dir: Path | None = None) -> list[ConfigError]:
    """Validate every rule file; each error names the file, line and field."""
    errors: list[ConfigError] = []
    paths = _rule_paths(rules_dir)
    if not paths:
        errors.append(ConfigError("no rule files (*.yaml)", file=str(rules_dir or DEFAULT_RULES_DIR)))
    for path in paths:
        ctx = _Ctx(str(path))
        _parse_file(path, ctx)
        errors.extend(ctx.errors)
    return errors


def load_rules(rules_dir: Path | None = None) -> tuple[RuleFile, ...]:
    """Parse all rule files; raise the first ConfigError if any file is invalid."""
    out: list[RuleFile] = []
    for path in _rule_paths(rules_dir):
        ctx = _Ctx(str(path))
        parsed = _parse_file(path, ctx)
        if ctx.errors:
            raise ctx.errors[0]
        if parsed is not None:
            out.append(parsed)
    if not out:
        raise ConfigError("no rule files (*.yaml)", file=str(rules_dir or DEFAULT_RULES_DIR))
    return tuple(out)


# --------------------------------------------------------------------------- matching


class Hit(NamedTuple):
    """One occurrence of a term: token span (inclusive) and original character offsets.

    A named tuple, not a frozen dataclass: a story makes dozens, and building one this way costs
    a fifth of what a frozen dataclass's ``__init__`` does.
    """

    first: int
    last: int
    start: int
    end: int


# What Matcher.scan's cache lookup answers for a word not seen yet: true, so the scan visits it.
_UNSEEN: tuple[Term, ...] = (Term("", "", ()),)


class Matcher:
    """Every term of one language plus the common names, matched token by token.

    Which terms can start at a given token depends only on the token's text, so
    that answer is computed once per distinct word (one automaton pass over the
    word, then each candidate verified) and cached: wire vocabulary is Zipfian,
    and after warm-up a story costs one dict lookup per token.
    """

    def __init__(self, terms: Iterable[Term]):
        self._automaton = ahocorasick.Automaton()
        by_key: dict[str, list[Term]] = {}
        seen: set[tuple[str, str]] = set()
        for term in terms:
            if term.ident in seen:
                continue
            seen.add(term.ident)
            by_key.setdefault(term.words[0].key, []).append(term)
        # The keys of terms that may match a compound's head (German), alone: heads_of asks only whether
        # one starts inside a token, and the full automaton's many short keys would answer with dozens of hits.
        self._head_keys = ahocorasick.Automaton()
        self._inside_any = False
        for key, bucket in by_key.items():
            # Arabic and Hebrew keys may start after a proclitic or prefix inside a token (_PREFIXED); keys of
            # unspaced-language terms anywhere in a token of those scripts (_INSIDE, see inside()).
            kind = _INSIDE if bucket[0].lang in UNSPACED else _PREFIXED if _is_arabic(key) or _is_hebrew(key) else _START
            # A key that must start the token is added behind _AT_START, which starting_at puts before the token:
            # it can match there only, where it would otherwise also be found (and dropped) inside other words.
            self._automaton.add_word(_AT_START + key if kind == _START else key, (len(key), kind, tuple(bucket)))
            self._inside_any = self._inside_any or kind == _INSIDE
            if any(t.words[0].compound for t in bucket):
                self._head_keys.add_word(key, len(key))
        if by_key:
            self._automaton.make_automaton()
        if len(self._head_keys):
            self._head_keys.make_automaton()
        self._empty = not by_key
        # A key that may count ends within this many characters of a token's start: scanning
        # no further keeps a long unspaced token from yielding a match per character.
        self._reach = _MAX_KEY_OFFSET + max(map(len, by_key), default=0)
        # Terms that may also match as a compound's head (German): their keys sit anywhere in a token.
        self._compound_lang = next((t.lang for bucket in by_key.values() for t in bucket if t.words[0].compound), "")
        self._heads: dict[str, tuple[Term, ...]] = {}
        self._starts: dict[str, tuple[Term, ...]] = {}
        # Whether a multi-word term's later words match the tokens that follow its first: like
        # ``_starts``, it depends only on those tokens' texts, so it is worked out once per word run.
        self._follows: dict[tuple[object, ...], bool] = {}

    def starting_at(self, token: str) -> tuple[Term, ...]:
        """Terms whose first word matches ``token`` (a folded token text)."""
        cached = self._starts.get(token)
        if cached is not None:
            return cached
        out: list[Term] = []
        for end, (length, kind, bucket) in self._automaton.iter(_AT_START + token, 0, min(len(token), self._reach) + 1):
            pos = end - length  # in the token: end is in _AT_START + token, and length leaves _AT_START out
            # Mid-token keys: only an Arabic proclitic or a Hebrew prefix may precede a word. Unspaced
            # languages' terms are found by inside(), wherever they are.
            if kind == _INSIDE or (pos and (kind != _PREFIXED or pos > _MAX_KEY_OFFSET)):
                continue
            for t in bucket:  # a loop, not a generator per key: most buckets hold one term
                if t not in out and t.words[0].matches(token):
                    out.append(t)
        result = tuple(out)
        if len(self._starts) >= _START_CACHE:
            self._starts.clear()
        self._starts[token] = result
        return result

    def inside(self, token: str) -> tuple[tuple[Term, int], ...]:
        """Terms of unspaced languages (:data:`UNSPACED`) written anywhere in ``token``, with their offsets in it.

        A term is its characters (an exact pattern, whose key is its form): Chinese and Japanese do not inflect
        them (a Japanese verb's ending follows the term's characters, which the term leaves out). One-word terms
        only: there are no spaces. Not cached: a token of these scripts is a clause, seldom seen twice.
        """
        return tuple(
            (t, end - length + 1)
            for end, (length, kind, bucket) in self._automaton.iter(token)
            if kind == _INSIDE
            for t in bucket
            if len(t.words) == 1
        )

    def heads_of(self, token: str) -> tuple[Term, ...]:
        """Terms whose first word matches ``token`` only as its compound head (see :func:`compound_head`)."""
        cached = self._heads.get(token)
        if cached is not None:
            return cached
        result: tuple[Term, ...] = ()
        head = None
        # Only a token in which some term's key starts after a first part can have a head a term matches:
        # four in five capitalised words have none, and the automaton says so without a word-list lookup.
        if len(token) >= COMPOUND_MODIFIER + COMPOUND_HEAD and next(self._head_keys.iter(token, COMPOUND_MODIFIER), None):
            head = compound_head(self._compound_lang, token)
        if head is not None:
            # The terms the head alone would start (cached like any token), those that may be heads.
            plain = self.starting_at(token)
            result = tuple(t for t in self.starting_at(head) if t.words[0].compound and t not in plain)
        if len(self._heads) >= _START_CACHE:
            self._heads.clear()
        self._heads[token] = result
        return result

    def _follow(self, key: tuple[object, ...], words: tuple[WordPattern, ...], texts: list[str], idx: int) -> bool:
        ok = _rest_matches(words, texts, idx)
        if len(self._follows) >= _FOLLOW_CACHE:
            self._follows.clear()
        self._follows[key] = ok
        return ok

    def scan(self, stream: TokenStream, limit: int | None = None) -> dict[tuple[str, str], list[Hit]]:
        """All verified term occurrences in ``stream`` (its first ``limit`` tokens), keyed by term identity."""
        found: dict[tuple[str, str], list[Hit]] = {}
        if self._empty or not stream.texts:
            return found
        texts = stream.texts if limit is None or limit >= len(stream.texts) else stream.texts[:limit]
        n = len(texts)
        # Candidates of every token in one pass of cached dict lookups; most tokens start no term
        # (an empty tuple), so the loop below visits only the few that do, and the words not seen yet.
        cands_at = list(map(self._starts.get, texts, repeat(_UNSEEN)))
        begins, ends = stream.begins, stream.ends  # original offsets, read directly: a story has dozens of hits
        if self._compound_lang:
            # As for cands_at, one pass of cached lookups, and only the tokens with heads (or not seen yet) visited.
            heads_at = list(map(self._heads.get, texts, repeat(_UNSEEN)))
            for idx in compress(range(n), heads_at):
                heads = heads_at[idx]
                if heads is _UNSEEN:
                    heads = self.heads_of(texts[idx])
                # Compounds are nouns, and German capitalises nouns: only capitalised tokens are read as compounds.
                if heads and stream.raw[idx][0].isupper():
                    cands = cands_at[idx]
                    cands_at[idx] = (*(self.starting_at(texts[idx]) if cands is _UNSEEN else cands), *heads)
        follows = self._follows
        new = tuple.__new__  # skips NamedTuple's keyword-handling __new__, as tokenize() does
        raw = stream.raw
        for idx in compress(range(n), cands_at):
            cands = cands_at[idx]
            if cands is _UNSEEN:
                cands = self.starting_at(texts[idx])
            for term in cands:
                if term.caps and not raw[idx][:1].isupper():
                    continue
                if term.noun and not raw[idx][:1].isupper() and not term.adjective_of(texts[idx]):
                    continue
                words = term.words
                last = idx + len(words) - 1
                if last > idx:
                    if last >= n or term.after not in texts[idx + 1]:
                        continue
                    second = term.second
                    if second is not None:
                        if not second.matches(texts[last]):
                            continue
                    else:
                        key = (id(words), *texts[idx + 1 : last + 1])
                        ok = follows.get(key)
                        if ok is None:
                            ok = self._follow(key, words, texts, idx)
                        if not ok:
                            continue
                if last == idx:
                    hit = new(Hit, (idx, idx, begins[idx], ends[idx]))
                else:
                    hit = new(Hit, (idx, last, begins[idx], ends[last]))
                bucket = found.get(term.ident)
                if bucket is None:
                    found[term.ident] = [hit]
                else:
                    bucket.append(hit)
        if self._inside_any:
            self._scan_inside(stream, found)
        return found

    def _scan_inside(self, stream: TokenStream, found: dict[tuple[str, str], list[Hit]]) -> None:
        """Hits of unspaced languages' terms inside the tokens, at the characters they are written with."""
        for idx, token in enumerate(stream.texts):
            if not is_unspaced(token):
                continue
            terms = self.inside(token)
            if not terms:
                continue
            for term, pos in terms:
                found.setdefault(term.ident, []).append(Hit(idx, idx, *stream.inner_span(idx, pos, len(term.words[0].form))))


def _rest_matches(words: tuple[WordPattern, ...], texts: list[str], idx: int) -> bool:
    """Whether the second and later words of a term match the tokens after ``idx``."""
    return all(map(WordPattern.matches, words[1:], texts[idx + 1 : idx + len(words)]))


def compile_matcher(terms: Iterable[Term]) -> Matcher:
    return Matcher(terms)


def lead_end(headline_len: int, text: str) -> int:
    """Character offset where the lead (headline + first paragraph) ends."""
    body_start = headline_len + 2 if headline_len else 0
    para = text.find("\n", body_start)
    end = len(text) if para < 0 else para
    return min(end, body_start + _LEAD_CHARS)
