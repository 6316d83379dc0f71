from __future__ import annotations

from stream.topics.taxonomy import COARSE_TOPICS, load_taxonomy

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


def test_alerting_subtopics_checked_against_the_export() -> None:
    # Codes, labels and parents read from the IPTC 2026-07-02 export (see taxonomy.yaml header).
    tax = load_taxonomy()
    expected = {
        "medtop:20000086": ("cyber crime", "medtop:20000082", "crime"),
        "medtop:20000256": ("energy and resource", "medtop:20000209", "economy"),
        "medtop:20000350": ("central bank", "medtop:20000344", "economy"),
        "medtop:20000449": ("epidemic and pandemic", "medtop:20000448", "health"),
        "medtop:20000448": ("communicable disease", "medtop:20000446", "health"),
        "medtop:20000592": ("human rights", "medtop:20000587", "politics"),
        "medtop:20000587": ("fundamental rights", "medtop:14000000", "politics"),
        "medtop:20000080": ("prisoners of war", "medtop:20001377", "conflict"),
        "medtop:20000209": ("products and services", "medtop:04000000", "economy"),
        "medtop:20000446": ("disease and condition", "medtop:07000000", "health"),
    }
    for code, (label, parent, coarse) in expected.items():
        topic = tax.get(code)
        assert topic is not None, code
        assert (topic.label, topic.parent, topic.coarse) == (label, parent, coarse), code
