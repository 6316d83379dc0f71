"""Structural checks for the multilingual evaluation dev set.

The dev set is gold data: a malformed line or an invalid label would make every
region/topic evaluation built on it report wrong numbers, so the format is
enforced here rather than trusted.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import pytest

from stream.topics.taxonomy import COARSE_TOPICS

__all__: list[str] = []

DEVSET_DIR = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "devset"

TOPICS = frozenset(COARSE_TOPICS)
REGIONS = frozenset(
    {
        "south-caucasus",
        "middle-east",
        "levant",
        "gulf",
        "maghreb",
        "sahel",
        "horn-of-africa",
        "balkans",
        "central-asia",
        "eastern-europe",
        "western-europe",
        "northern-europe",
        "southern-europe",
        "north-america",
        "latin-america",
        "south-asia",
        "east-asia",
        "southeast-asia",
        "sub-saharan-africa",
        "oceania",
    }
)
MAIN_LANGUAGES = ("en", "fr", "ar", "ru", "tr")
OTHER_LANGUAGES = ("az", "hy", "ka", "fa", "de", "es", "uk")
MIN_MAIN = 60
MIN_OTHER = 20
MIN_TOTAL = 420
MIN_PER_TOPIC_MAIN = 4
KEYS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "language": str,
    "headline": str,
    "body": str,
    "countries": list,
    "focus_country": (str, type(None)),
    "focus_region": (str, type(None)),
    "topics": list,
}
ID_RE = re.compile(r"^(?P<lang>[a-z]{2})-(?P<num>\d{3})$")


@cache
def valid_country_codes() -> frozenset[str]:
    # XK (Kosovo) is a user-assigned code, absent from ISO 3166-1 and pycountry.
    return frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}


@cache
def load() -> dict[str, list[dict[str, Any]]]:
    stories: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(DEVSET_DIR.glob("*.jsonl")):
        rows = []
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert line.strip(), f"{path.name}:{lineno}: blank line"
            obj = json.loads(line)
            assert isinstance(obj, dict), f"{path.name}:{lineno}: not an object"
            obj["_where"] = f"{path.name}:{lineno}"
            rows.append(obj)
        stories[path.stem] = rows
    return stories


def all_stories() -> list[dict[str, Any]]:
    return [s for rows in load().values() for s in rows]


def test_files_exist_for_every_language() -> None:
    assert set(MAIN_LANGUAGES + OTHER_LANGUAGES) <= set(load())


def test_keys_and_types() -> None:
    for s in all_stories():
        where = s["_where"]
        assert set(s) - {"_where"} == set(KEYS), f"{where}: keys {sorted(s)}"
        for key, typ in KEYS.items():
            assert isinstance(s[key], typ), f"{where}: {key} has type {type(s[key]).__name__}"
        assert s["headline"].strip() and s["body"].strip(), f"{where}: empty text"
        assert all(isinstance(c, str) for c in s["countries"]), where
        assert all(isinstance(t, str) for t in s["topics"]), where


def test_ids_unique_and_match_file() -> None:
    seen: set[str] = set()
    for lang, rows in load().items():
        for s in rows:
            m = ID_RE.match(s["id"])
            assert m, f"{s['_where']}: bad id {s['id']!r}"
            assert m["lang"] == lang, f"{s['_where']}: id prefix != file language"
            assert s["language"] == lang, f"{s['_where']}: language {s['language']!r} != {lang!r}"
            assert s["id"] not in seen, f"{s['_where']}: duplicate id {s['id']}"
            seen.add(s["id"])


def test_country_codes_valid() -> None:
    codes = valid_country_codes()
    for s in all_stories():
        countries = s["countries"]
        assert len(set(countries)) == len(countries), f"{s['_where']}: duplicate country"
        bad = [c for c in countries if c not in codes]
        assert not bad, f"{s['_where']}: invalid country codes {bad}"


def test_focus_consistent() -> None:
    for s in all_stories():
        focus = s["focus_country"]
        if focus is not None:
            assert focus in s["countries"], f"{s['_where']}: focus {focus} not in countries"
        region = s["focus_region"]
        if region is not None:
            assert region in REGIONS, f"{s['_where']}: unknown region {region!r}"


def test_topics_from_allowed_set() -> None:
    for s in all_stories():
        topics = s["topics"]
        assert topics, f"{s['_where']}: no topics"
        assert len(set(topics)) == len(topics), f"{s['_where']}: duplicate topic"
        bad = set(topics) - TOPICS
        assert not bad, f"{s['_where']}: unknown topics {sorted(bad)}"


@pytest.mark.parametrize("lang", MAIN_LANGUAGES)
def test_main_language_counts(lang: str) -> None:
    rows = load().get(lang, [])
    assert len(rows) >= MIN_MAIN, f"{lang}: {len(rows)} stories < {MIN_MAIN}"
    per_topic = Counter(t for s in rows for t in s["topics"])
    thin = {t: per_topic[t] for t in TOPICS if per_topic[t] < MIN_PER_TOPIC_MAIN}
    assert not thin, f"{lang}: topics below {MIN_PER_TOPIC_MAIN}: {thin}"


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_other_language_counts(lang: str) -> None:
    rows = load().get(lang, [])
    assert len(rows) >= MIN_OTHER, f"{lang}: {len(rows)} stories < {MIN_OTHER}"


def test_total_count() -> None:
    assert len(all_stories()) >= MIN_TOTAL
