from __future__ import annotations

from stream.taxonomy import COARSE_TOPICS, load_taxonomy

TOP = {
    "01000000": "arts, culture, entertainment and media",
    "02000000": "crime, law and justice",
    "03000000": "disaster, accident and emergency incident",
    "04000000": "economy, business and finance",
    "05000000": "education",
    "06000000": "environment",
    "07000000": "health",
    "08000000": "human interest",
    "09000000": "labour",
    "10000000": "lifestyle and leisure",
    "11000000": "politics and government",
    "12000000": "religion",
    "13000000": "science and technology",
    "14000000": "society",
    "15000000": "sport",
    "16000000": "conflict, war and peace",
    "17000000": "weather",
}


def test_top_level_codes_and_labels() -> None:
    tax = load_taxonomy()
    for code, label in TOP.items():
        topic = tax.get("medtop:" + code)
        assert topic is not None and topic.label == label and topic.parent is None


def test_checked_subtopics_and_parents() -> None:
    tax = load_taxonomy()
    assert tax.get("medtop:20000056").parent == "medtop:16000000"  # armed conflict
    assert tax.get("medtop:20000062").parent == "medtop:20000056"  # war
    assert tax.get("medtop:20000639").parent == "medtop:20000638"  # diplomacy
    assert tax.get("medtop:20000638").parent == "medtop:11000000"
    assert tax.ancestors("medtop:20000063") == ["medtop:20000062", "medtop:20000056", "medtop:16000000"]


def test_every_parent_exists_and_coarse_is_known() -> None:
    tax = load_taxonomy()
    for topic in tax.topics.values():
        assert topic.parent is None or topic.parent in tax.topics
        assert topic.coarse is None or topic.coarse in COARSE_TOPICS
        assert topic.code.startswith("medtop:") and len(topic.code) == 15


def test_coarse_inheritance() -> None:
    tax = load_taxonomy()
    assert tax.get("medtop:20000640").coarse == "diplomacy"
    assert tax.get("medtop:20000574").coarse == "politics"
    assert tax.get("medtop:20000053").coarse == "conflict"
    assert tax.get("medtop:17000000").coarse is None
    assert tax.get("http://cv.iptc.org/newscodes/mediatopic/16000000").code == "medtop:16000000"
