"""Every data file the core reads has a schema check here, and every data file is covered.

A file added under ``stream/<room>/data/`` without an entry in ``CHECKS`` fails
``test_every_data_file_has_a_check``: data that users or builders edit must not
ship unchecked.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from stream.alerts.subscription import DEFAULT_SUBSCRIPTIONS, load_subscriptions
from stream.language import ngrams as ngram_model
from stream.language.langcode import languages
from stream.language.lexicon import load as load_lexicon
from stream.places.gazetteer import DEFAULT_ARTIFACT, load_gazetteer
from stream.places.regions import DEFAULT_REGIONS, load_regions
from stream.text.normalize import fold
from stream.text.script import script_of
from stream.topics.model import load as load_topic_model
from stream.topics.rules import DEFAULT_RULES_DIR, check_rules
from stream.topics.subjectcodes import load_table
from stream.topics.taxonomy import load_taxonomy

STREAM = Path(__file__).resolve().parents[2] / "stream"
LANG_DATA = STREAM / "language" / "data"
ISO2 = re.compile(r"^[A-Z]{2}$")


def _codes() -> set[str]:
    return {lang.code for lang in languages()}


def _rows(path: Path, columns: int | tuple[int, ...]) -> list[list[str]]:
    """Non-comment rows split on tabs, each with an allowed number of columns."""
    allowed = (columns,) if isinstance(columns, int) else columns
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) in allowed, f"{path.name}:{number}: {len(cells)} columns, want {allowed}"
        rows.append(cells)
    assert rows, f"{path.name} has no rows"
    return rows


def check_languages(path: Path) -> None:
    seen = set()
    for code, name, scripts in _rows(path, 3):
        assert re.fullmatch(r"[a-z]{2,3}", code), code
        assert code not in seen, f"{code} listed twice"
        seen.add(code)
        assert name.strip() and scripts.split(), code


def check_alphabets(path: Path) -> None:
    for code, *letters in _rows(path, (1, 2, 3)):
        assert code in _codes(), f"alphabets.tsv: unknown language {code}"
        assert all(ch.isalpha() or ch in "'ʼʻ‘’-·" for ch in letters[0] if letters), code
        if len(letters) == 2:  # the letters of a-z the language's own words never use
            assert letters[1] and set(letters[1]) <= set("abcdefghijklmnopqrstuvwxyz"), code
            assert not set(letters[1]) & set(letters[0]), code


def check_markers(path: Path) -> None:
    for code, words in _rows(path, 2):
        assert code in _codes(), f"markers.tsv: unknown language {code}"
        assert len(words.split()) == len(set(words.split())), f"markers.tsv: {code} lists a word twice"


def check_priors(path: Path) -> None:
    for cells in _rows(path, (2, 3)):
        assert cells[0].split("@")[0] in _codes(), f"priors.tsv: unknown language {cells[0]}"
        assert 0 < float(cells[-1]) <= 1.0, cells


def check_affixes(path: Path) -> None:
    for code, kind, forms in _rows(path, 3):
        assert code in _codes(), f"affixes.tsv: unknown language {code}"
        assert kind in {"word", "suffix", "prefix", "infix"}, kind
        assert forms.split(), code


def check_kanji(path: Path) -> None:
    chars = "".join(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    assert len(chars) > 50 and all(script_of(ch) == "Han" for ch in chars)


def check_lexicon(path: Path) -> None:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        assert fh.readline().startswith("#")
    lex = load_lexicon(path)
    assert len(lex.entries) > 100_000 and set(lex.codes) <= _codes()
    keys = [entry >> 16 for entry in lex.entries]
    assert keys == sorted(keys), "lexicon entries must be sorted by word key for bisection"


def check_ngrams(path: Path) -> None:
    model = ngram_model.load(path)
    assert set(model.languages) <= _codes() and len(model.languages) >= 40
    for crcs, values in zip(model.crcs, model.values, strict=True):
        assert len(crcs) == len(values) and list(crcs) == sorted(crcs)


def check_notice(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for source in ("wordfreq", "lingua", "Attribution-ShareAlike", "Apache"):
        assert source in text, f"NOTICE.md does not credit {source}"


def check_places_notice(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for source in (
        "homonyms.tsv",
        "counties.tsv",
        "news_towns.tsv",
        "ianrastall/current-events-context",
        "wordfreq",
        "nam_dict.txt",
        "GNU Free Documentation License",
        "OpenCC",
        "GeoNames",
        "CLDR",
        "chinapedia/wikipedia.abstract.en",
        "every-politician-scrapers/world-leaders-2021",
        "hdigital/partyfactsdata",
    ):
        assert source in text, f"NOTICE.md does not credit {source}"


def check_gazetteer(path: Path) -> None:
    gaz = load_gazetteer(path)
    assert len(gaz.places) > 1000
    kinds = {"country", "territory", "area", "state", "capital", "city", "region", "shared"}
    for place in gaz.places:
        assert place.kind in kinds, place
        assert all(ISO2.match(c) for c in place.countries), place
        if place.kind == "country":
            assert ISO2.match(place.id), place
    for town, iso in gaz.dateline_towns.items():
        assert iso in gaz.country_index, f"gazetteer dateline_towns: {town} -> {iso}"
        assert not gaz.lookup(town), f"gazetteer dateline_towns: {town} is a gazetteer form"
    assert gaz.local_towns, "gazetteer: no local_towns"
    for town, iso in gaz.local_towns.items():
        assert iso in {"US", "CA", "AU", "GB"}, f"gazetteer local_towns: {town} -> {iso}"
        assert not gaz.lookup(town) and town == fold(town), f"gazetteer local_towns: {town} is a gazetteer form"
    assert gaz.first_names, "gazetteer: no first_names"
    for name in gaz.first_names:
        assert len(name) >= 3 and name.isalpha() and name == fold(name), f"gazetteer first_names: {name!r}"


def check_curated(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("places"), list)
    region_ids = set(load_regions(DEFAULT_REGIONS).regions)
    ids = set()
    for i, place in enumerate(data["places"]):
        assert isinstance(place, dict) and place.get("id"), f"curated.yaml places[{i}] has no id"
        assert place["id"] not in ids, f"curated.yaml places[{i}]: duplicate id {place['id']}"
        ids.add(place["id"])
        for code in place.get("countries", ()):
            assert ISO2.match(code), f"curated.yaml places[{i}].countries: {code!r}"
    import pycountry

    for code, names in (data.get("subdivision_names") or {}).items():
        assert pycountry.subdivisions.get(code=code) is not None, f"curated.yaml subdivision_names.{code}: no ISO 3166-2 code"
        assert isinstance(names, dict) and names, f"curated.yaml subdivision_names.{code}: no names"
        for lang, forms in names.items():
            assert isinstance(forms, list) and forms and all(isinstance(f, str) and f for f in forms), (
                f"curated.yaml subdivision_names.{code}.{lang}: a list of names"
            )
    for rid, names in (data.get("regions") or {}).items():
        assert rid in region_ids, f"curated.yaml regions.{rid}: not a region id of regions.yaml"
        assert isinstance(names, dict) and all(isinstance(v, list) and v for v in names.values()), f"curated.yaml regions.{rid}"


def check_homonyms(path: Path) -> None:
    from stream.places.gazetteer import load_gazetteer
    from stream.places.qualifier import QUALIFYING

    text = path.read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "GeoNames" in text, "homonyms.tsv must carry GeoNames' licence"
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    assert len(lines) > 100 and lines == sorted(lines)  # the builder's order: a rebuild gives the same bytes
    gaz = load_gazetteer()
    for line in lines:
        form, countries = line.split("\t")
        towns = set(countries.split(","))
        readings = {c for place, _t, _f in gaz.lookup(form) for c in gaz.places[place].countries}
        assert readings, f"homonyms.tsv: {form} is no gazetteer form"
        assert towns <= QUALIFYING and towns - readings, f"homonyms.tsv: {form} names no town the gazetteer misses"


def check_news_towns(path: Path) -> None:
    from stream.build.news_towns import MIN_MENTIONS
    from stream.places.gazetteer import load_gazetteer
    from stream.places.qualifier import QUALIFYING

    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "geonameid\tcountry\tname\tevents\tnames"
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) > 100 and [int(r[0]) for r in rows] == sorted(int(r[0]) for r in rows)  # the builder's order
    ids = {p.id for p in load_gazetteer().places}
    for gid, country, name, events, names in rows:
        assert len(country) == 2 and country not in QUALIFYING, f"news_towns.tsv: {name}: {country}"
        assert int(events) >= MIN_MENTIONS and name in names.split("|"), f"news_towns.tsv: {name}"
        assert f"gn-{gid}" in ids, f"news_towns.tsv: {name} ({gid}) is no place of the gazetteer"


def check_counties(path: Path) -> None:
    from stream.places.qualifier import COUNTY_NOUNS, US_STATES

    text = path.read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "GeoNames" in text, "counties.tsv must carry GeoNames' licence"
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    assert len(lines) > 1500 and lines == sorted(lines)  # the builder's order: a rebuild gives the same bytes
    from stream.build.counties import ELSEWHERE

    states = set(US_STATES.values())
    for line in lines:
        name, names, elsewhere = line.split("\t")
        assert name.rsplit(" ", 1)[-1] in COUNTY_NOUNS and name[0].isupper(), f"counties.tsv: {name!r}"
        assert set(names.split(",")) <= states, f"counties.tsv: {name}: {names} are not all US states"
        assert not elsewhere or set(elsewhere.split(",")) <= set(ELSEWHERE), f"counties.tsv: {name}: {elsewhere}"
    assert "Kent County\tDelaware,Maryland,Michigan,Rhode Island,Texas\tGB" in lines


def check_regions(path: Path) -> None:
    load_regions(path)


def check_taxonomy(path: Path) -> None:
    load_taxonomy(path)


def check_subjectcodes(path: Path) -> None:
    from stream.build.subjectcodes import MATCHES

    text = path.read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "IPTC" in text, "subjectcodes.tsv must carry IPTC's licence"
    table = load_table.__wrapped__(path)
    assert len(table) > 900
    taxonomy = load_taxonomy()
    for number, topics in table.items():
        assert re.fullmatch(r"[0-9]{8}", number) and topics, number
        for topic in topics:
            assert re.fullmatch(r"medtop:[0-9]{8}", topic.code) and topic.label and topic.match in MATCHES, number
            assert all(re.fullmatch(r"medtop:[0-9]{8}", c) for c in topic.ancestors), number
            # The broader chain ends at a top-level topic, and agrees with taxonomy.yaml where both know the code.
            assert (topic.ancestors[-1] if topic.ancestors else topic.code).endswith("000000"), number
            known = taxonomy.get(topic.code)
            assert known is None or known.parent == topic.parent, (number, topic.code)
    for top in range(1, 18):
        assert table[f"{top:02d}000000"][0].code == f"medtop:{top:02d}000000"


def check_topics_notice(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for source in ("taxonomy.yaml", "subjectcodes.tsv", "CC BY 4.0", "omeralperguzel/GDELT-IPTC-Mapper", "SOURCES.md"):
        assert source in text, f"NOTICE.md does not credit {source}"


def check_rule_file(path: Path) -> None:
    problems = [p for p in check_rules(DEFAULT_RULES_DIR) if path.name in str(p)]
    assert not problems, "\n".join(map(str, problems))


def check_topic_model(path: Path) -> None:
    import numpy as np

    from stream.topics.features import word_features

    model = load_topic_model(path)
    taxonomy = load_taxonomy()
    assert model.topics and all(taxonomy.get(code) for code in model.topics)
    assert model.weights.shape == (len(model.vocabulary), len(model.topics)) and np.isfinite(model.weights).all()
    assert all(f[:1] in {"w", "p", "b", "c"} for f in model.vocabulary), "feature kinds are w, p, b, c"
    assert set(model.header) >= {"trained_on", "held_out", "threshold", "built"}
    # Every translation leads to a feature the model has (the trainer drops the others) and is not an identity.
    features = set(model.vocabulary)
    for unit, english in model.translations.items():
        assert unit != english and english and "\t" not in unit and "\n" not in english, unit
        assert any(name in features for name, _ in word_features(english)), (unit, english)


def check_topic_subwords(path: Path) -> None:
    import numpy as np

    from stream.topics.subwords import load as load_subwords

    sub = load_subwords(path)
    words = load_topic_model(path.parent / "topic_model.bin.gz")
    # The two combine topic for topic, and were trained on the same stories.
    assert sub.topics == words.topics
    assert sub.header["held_out"] == words.header["held_out"] and sub.header["dropped"] == words.header["dropped"]
    assert sub.table.shape == (sub.processor.get_piece_size(), len(sub.topics)) and np.isfinite(sub.table).all()
    assert np.isfinite(sub.base).all() and np.isfinite(sub.bias).all()
    assert sub.languages and sub.languages <= {
        "ar",
        "de",
        "en",
        "es",
        "fr",
        "it",
        "ja",
        "ko",
        "nl",
        "pl",
        "pt",
        "ru",
        "th",
        "tr",
        "zh",
    }
    assert sub.header["encoder"]["sha256"] and sub.header["encoder_code"]
    assert sub.relative_cutoff is not None and 0 < sub.relative_cutoff <= 1


def check_subscriptions(path: Path) -> None:
    assert load_subscriptions(path)


def check_people(path: Path) -> None:
    from stream.places.people import load_people

    people = load_people.__wrapped__(path)
    names = [e for entries in people.by_first.values() for e in entries]
    assert len(names) > 500 and len(people.surnames) > 500
    countries = load_gazetteer().country_index
    for tokens, caps, name, country, kind in names:
        assert (len(tokens) >= 2 or kind == "party") and len(caps) == len(tokens) and name, name
        assert country in countries, (name, country)
    assert all(c in countries and len(s) >= 3 for s, c in people.surnames.items())
    assert set(people.sources) == {
        "wikipedia_state_leaders",
        "world_leaders_2021",
        "world_leaders_current",
        "world_ministers",
        "us_congress",
        "partyfacts_wikipedia",
    }
    kinds = {e[4] for e in names}
    assert kinds == {"person", "party"}


def check_organisations(path: Path) -> None:
    from stream.places.organisations import load_organisations

    orgs = load_organisations.__wrapped__(path)
    assert orgs.suffixes and orgs.prefixes and orgs.names
    assert orgs.covers(["deutsche", "bank"], 0, 0) and orgs.covers(["air", "france"], 1, 1)


CHECKS: dict[str, Callable[[Path], None]] = {
    "language/data/languages.tsv": check_languages,
    "language/data/alphabets.tsv": check_alphabets,
    "language/data/markers.tsv": check_markers,
    "language/data/priors.tsv": check_priors,
    "language/data/affixes.tsv": check_affixes,
    "language/data/kanji_ja.txt": check_kanji,
    "language/data/lexicon.tsv.gz": check_lexicon,
    "language/data/ngrams.bin.gz": check_ngrams,
    "language/data/NOTICE.md": check_notice,
    "places/data/gazetteer.json.gz": check_gazetteer,
    "places/data/NOTICE.md": check_places_notice,
    "places/data/curated.yaml": check_curated,
    "places/data/regions.yaml": check_regions,
    "places/data/organisations.yaml": check_organisations,
    "places/data/people.json.gz": check_people,
    "places/data/homonyms.tsv": check_homonyms,
    "places/data/news_towns.tsv": check_news_towns,
    "places/data/counties.tsv": check_counties,
    "topics/data/taxonomy.yaml": check_taxonomy,
    "topics/data/subjectcodes.tsv": check_subjectcodes,
    "topics/data/NOTICE.md": check_topics_notice,
    "topics/data/rules/*.yaml": check_rule_file,
    "topics/data/topic_model.bin.gz": check_topic_model,
    "topics/data/topic_subwords.bin.gz": check_topic_subwords,
    "alerts/data/subscriptions.yaml": check_subscriptions,
}


def _data_files() -> list[Path]:
    return sorted(p for p in STREAM.glob("*/data/**/*") if p.is_file())


def _check_for(path: Path) -> Callable[[Path], None] | None:
    rel = path.relative_to(STREAM)
    return next((check for pattern, check in CHECKS.items() if rel.match(pattern)), None)


def test_every_data_file_has_a_check() -> None:
    files = _data_files()
    assert len(files) > 20
    unchecked = [str(p.relative_to(STREAM)) for p in files if _check_for(p) is None]
    assert not unchecked, f"data files without a schema check in {__file__}: {unchecked}"


def test_default_paths_point_into_the_rooms() -> None:
    for path in (DEFAULT_ARTIFACT, DEFAULT_REGIONS, DEFAULT_RULES_DIR, DEFAULT_SUBSCRIPTIONS, ngram_model.ARTIFACT):
        assert path.exists() and path.relative_to(STREAM).parts[1] == "data", path


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: str(p.relative_to(STREAM)))
def test_data_file_schema(path: Path) -> None:
    check = _check_for(path)
    assert check is not None
    check(path)


def test_a_broken_file_fails_its_check(tmp_path: Path) -> None:
    bad = tmp_path / "affixes.tsv"
    bad.write_text("kk\tsuffix\tлар\nxx\tending\tfoo\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        check_affixes(bad)
    short = tmp_path / "languages.tsv"
    short.write_text("en\tEnglish\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        check_languages(short)


# -- benchmark data outside stream/ ------------------------------------------------------------------


def check_public_places(path: Path, n: int = 1500) -> None:
    """benchmarks/data/places/wcep_places(_dev).jsonl.gz: the schema, and every label as the extraction rules give it."""
    from benchmarks import public_places as pp

    rows = pp.load(path)
    assert len(rows) == n
    assert len({r["id"] for r in rows}) == len(rows), "duplicate ids"
    fields = {"id", "date", "section", "headings", "country", "text", "text_countries"}
    for r in rows:
        assert set(r) == fields, r.get("id")
        assert re.fullmatch(r"[0-9a-f]{12}", r["id"]) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]), r["id"]
        assert int(r["date"][:4]) >= pp.FIRST_YEAR and all(pp.is_heading(h) for h in r["headings"]), r["id"]
        assert pp.heading_countries(r["headings"]) == [r["country"]] and ISO2.match(r["country"]), r["id"]
        assert r["text_countries"] == pp.names_in(r["text"]) and len(r["text"].split()) >= pp.MIN_EVENT_WORDS, r["id"]
    readme = (path.parent / "README.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in readme and pp.COMMIT in readme, "the set needs its attribution next to it"


BENCHMARK_DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"


def test_public_places_file() -> None:
    check_public_places(BENCHMARK_DATA / "places" / "wcep_places.jsonl.gz")


def check_public_places_dev(path: Path) -> None:
    """benchmarks/data/places/wcep_places_dev.jsonl.gz: the test set's schema, and no text or heading of the test set."""
    from benchmarks import public_places as pp

    check_public_places(path, n=1357)
    test = pp.load(path.with_name(pp.DEFAULT_OUT.name))
    dev = pp.load(path)
    test_headings = {pp.heading_key(h) for r in test for h in r["headings"]}
    test_texts = {r["text"] for r in test}
    for r in dev:
        assert r["text"] not in test_texts, f"{r['id']}: a test event"
        shared = [h for h in r["headings"] if pp.heading_key(h) in test_headings]
        assert not shared, f"{r['id']}: story line {shared} is in the test set too"
    # Per year at most PER_YEAR, ordered by date: the sampling rule of the test set.
    years = [r["date"][:4] for r in dev]
    assert years == sorted(years) and max(years.count(y) for y in set(years)) <= pp.PER_YEAR
    readme = (path.parent / "README.md").read_text(encoding="utf-8")
    assert path.name in readme, "the README must describe the dev file"


def test_public_places_dev_file() -> None:
    check_public_places_dev(BENCHMARK_DATA / "places" / "wcep_places_dev.jsonl.gz")


def test_a_dev_event_sharing_a_test_story_line_fails_its_check(tmp_path: Path) -> None:
    import gzip
    import shutil

    import orjson

    from benchmarks import public_places as pp

    places = BENCHMARK_DATA / "places"
    test = pp.load(places / "wcep_places.jsonl.gz")
    dev = pp.load(places / "wcep_places_dev.jsonl.gz")
    # A test event's heading run put above a dev event of the same country keeps the label valid.
    donor = next(t for t in test if t["country"] == dev[0]["country"])
    dev[0]["headings"] = donor["headings"]
    for name in ("wcep_places.jsonl.gz", "README.md"):
        shutil.copy(places / name, tmp_path / name)
    bad = tmp_path / "wcep_places_dev.jsonl.gz"
    bad.write_bytes(gzip.compress(b"".join(orjson.dumps(r) + b"\n" for r in dev)))
    with pytest.raises(AssertionError, match="story line"):
        check_public_places_dev(bad)


def test_a_relabelled_public_event_fails_its_check(tmp_path: Path) -> None:
    import gzip

    import orjson

    from benchmarks import public_places as pp

    rows = pp.load(BENCHMARK_DATA / "places" / "wcep_places.jsonl.gz")
    rows[0]["country"] = "ZZ"
    bad = tmp_path / "wcep_places.jsonl.gz"
    bad.write_bytes(gzip.compress(b"".join(orjson.dumps(r) + b"\n" for r in rows)))
    (tmp_path / "README.md").write_text((BENCHMARK_DATA / "places" / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(AssertionError):
        check_public_places(bad)
