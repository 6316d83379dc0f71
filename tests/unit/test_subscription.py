from __future__ import annotations

from pathlib import Path

import pytest

from stream.alerts.routing import route
from stream.alerts.subscription import EventCriteria, load_subscriptions
from stream.errors import ConfigError
from stream.pipeline import Pipeline
from stream.story import Story


def test_shipped_subscriptions_load() -> None:
    subs = {s.name: s for s in load_subscriptions()}
    assert {"south-caucasus", "middle-east-conflict", "terrorism", "disasters"} <= set(subs)
    sc = subs["south-caucasus"]
    assert sc.regions == ("south-caucasus",) and sc.scope == "focus"
    assert {t.code for t in sc.topics} == {"medtop:16000000", "medtop:20000638"}


@pytest.mark.parametrize(
    ("body", "field", "line"),
    [
        ("subscriptions:\n  - name: x\n    match:\n      regions: [south-caucasu]\n", "subscriptions[0].match.regions[0]", 4),
        ("subscriptions:\n  - name: Bad Name\n    match: {countries: [AM]}\n", "subscriptions[0].name", 2),
        ("subscriptions:\n  - name: x\n    match:\n      countries: [arm]\n", "subscriptions[0].match.countries[0]", 4),
        (
            "subscriptions:\n  - name: x\n    match:\n      topics: [{code: 'medtop:99999999'}]\n",
            "subscriptions[0].match.topics[0].code",
            4,
        ),
        (
            "subscriptions:\n  - name: x\n    match:\n      scope: nearby\n      countries: [AM]\n",
            "subscriptions[0].match.scope",
            4,
        ),
        (
            "subscriptions:\n  - name: x\n    match: {countries: [AM]}\n    throttle: {max_alerts: 0}\n",
            "subscriptions[0].throttle.max_alerts",
            4,
        ),
        ("subscriptions:\n  - name: x\n    match: {colour: red}\n", "subscriptions[0].match", 3),
        (
            "subscriptions:\n  - name: x\n    match: {countries: [AM]}\n  - name: x\n    match: {countries: [AZ]}\n",
            "subscriptions[1].name",
            4,
        ),
        ("subscriptions:\n  - name: x\n    match: {query: {window: 3}}\n", "subscriptions[0].match.query", 3),
        (
            "subscriptions:\n  - name: x\n    match: {countries: [AM]}\n    suppress_duplicates: maybe\n",
            "subscriptions[0].suppress_duplicates",
            4,
        ),
        (
            "subscriptions:\n  - name: x\n    match: {countries: [AM]}\n    event:\n      min_stories: 0\n",
            "subscriptions[0].event.min_stories",
            5,
        ),
        (
            "subscriptions:\n  - name: x\n    match: {countries: [AM]}\n    event: {growth: 1}\n",
            "subscriptions[0].event.growth",
            4,
        ),
        (
            "subscriptions:\n  - name: x\n    match: {countries: [AM]}\n    event: {min_storys: 3}\n",
            "subscriptions[0].event",
            4,
        ),
    ],
)
def test_invalid_subscriptions_name_file_line_and_field(tmp_path: Path, body: str, field: str, line: int) -> None:
    path = tmp_path / "subs.yaml"
    path.write_text(body)
    with pytest.raises(ConfigError) as info:
        load_subscriptions(path)
    assert info.value.file == str(path.resolve())
    assert info.value.field == field
    assert info.value.line == line
    assert f"{path.resolve()}:{line}: {field}: " in str(info.value)


def test_yaml_syntax_errors_carry_the_line(tmp_path: Path) -> None:
    path = tmp_path / "subs.yaml"
    path.write_text("subscriptions:\n  - name: x\n    match: [unclosed\n")
    with pytest.raises(ConfigError, match="invalid YAML") as info:
        load_subscriptions(path)
    assert info.value.line is not None


def _doc(headline: str, body: str, **story: object) -> dict[str, object]:
    return Pipeline().enrich(Story(id="t", headline=headline, body=body, **story)).to_dict()  # type: ignore[arg-type]


def test_routing_by_focus_region_and_topic_with_evidence() -> None:
    doc = _doc(
        "Azerbaijan and Armenia agree to ceasefire in Karabakh",
        "Fighting between Azerbaijani and Armenian forces in Nagorno-Karabakh stopped after foreign ministers "
        "agreed a ceasefire in talks in Moscow. Artillery shelling had killed soldiers on both sides of the front line.",
    )
    matches = {m.subscription.name: m for m in route(doc, load_subscriptions())}
    assert "south-caucasus" in matches
    ev = matches["south-caucasus"].evidence
    assert ev["places"]["focus"]["region"] == "south-caucasus"
    assert ev["topics"] and ev["topics"][0]["evidence"]
    assert any("tier" in line for line in ev["summary"])


def test_a_passing_mention_does_not_route_to_a_focus_subscription() -> None:
    doc = _doc(
        "Flooding hits northern Italy",
        "Heavy rain flooded towns in Emilia-Romagna; rescuers evacuated thousands. A delegation from Armenia "
        "attending a conference in Bologna was unharmed.",
    )
    names = {m.subscription.name for m in route(doc, load_subscriptions())}
    assert "south-caucasus" not in names
    assert "disasters" in names


def test_query_language_urgency_and_scope_criteria(tmp_path: Path) -> None:
    path = tmp_path / "subs.yaml"
    path.write_text(
        "subscriptions:\n"
        "  - name: pipeline-watch\n"
        "    match:\n"
        "      countries: [AZ, GE, TR]\n"
        "      scope: mention\n"
        "      languages: [en]\n"
        "      min_urgency: 3\n"
        "      query: {all: [pipeline], any: [explosion, leak, attack]}\n"
    )
    subs = load_subscriptions(path)
    hit = _doc("Explosion hits pipeline", "A blast damaged the Baku-Tbilisi-Ceyhan pipeline in Georgia overnight.", urgency=2)
    assert [m.subscription.name for m in route(hit, subs)] == ["pipeline-watch"]
    assert route(hit, subs)[0].evidence["query"]
    low_urgency = _doc(
        "Explosion hits pipeline", "A blast damaged the Baku-Tbilisi-Ceyhan pipeline in Georgia overnight.", urgency=5
    )
    assert route(low_urgency, subs) == []
    no_term = _doc("Explosion hits refinery", "A blast damaged a refinery in Georgia overnight.", urgency=2)
    assert route(no_term, subs) == []


def test_canceled_stories_never_match() -> None:
    doc = _doc(
        "Azerbaijan and Armenia agree to ceasefire in Karabakh", "Fighting in Nagorno-Karabakh stopped.", pubstatus="canceled"
    )
    assert route(doc, load_subscriptions()) == []


def test_event_criteria_and_duplicate_switch_load_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "subs.yaml"
    path.write_text(
        "subscriptions:\n"
        "  - name: a\n    match: {countries: [AM]}\n    event: {min_stories: 3, min_languages: 2}\n"
        "  - name: b\n    match: {countries: [AM]}\n    event: true\n    suppress_duplicates: false\n"
        "  - name: c\n    match: {countries: [AM]}\n"
    )
    a, b, c = load_subscriptions(path)
    assert a.event is not None and (a.event.min_stories, a.event.min_languages, a.event.growth) == (3, 2, 2.0)
    assert b.event == EventCriteria() and b.suppress_duplicates is False
    assert c.event is None and c.suppress_duplicates is True
