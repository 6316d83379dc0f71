"""The news towns table (stream/build/news_towns.py): towns under the gazetteer's floor that Wikipedia's Portal:Current
events names, read from the portal's day files without the public place test row's story lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from stream.build import news_towns as nt
from stream.build.gazetteer import news_towns_table
from stream.places.geotag import locate
from stream.story import Story

_DAY = {
    "Intelligence_Payload": {
        "Armed conflicts and attacks": [
            "Russian invasion of Ukraine",
            "Battle of Bakhmut",
            "Russian forces shell Bakhmut in Ukraine's Donetsk Oblast.",
            "Ukraine says the city still holds.",
            "Gaza war",
            "Israeli strikes hit Deir al-Balah in the Gaza Strip.",
        ],
        "Politics and elections": ["Voters in Georgia go to the polls.", {"nested": "ignored"}],
    }
}


def test_each_event_belongs_to_the_last_run_of_headings_before_it_in_its_section() -> None:
    assert list(nt.events(_DAY)) == [
        (("Russian invasion of Ukraine", "Battle of Bakhmut"), "Russian forces shell Bakhmut in Ukraine's Donetsk Oblast."),
        (("Russian invasion of Ukraine", "Battle of Bakhmut"), "Ukraine says the city still holds."),
        (("Gaza war",), "Israeli strikes hit Deir al-Balah in the Gaza Strip."),
        ((), "Voters in Georgia go to the polls."),
    ]
    assert list(nt.events({"other": 1})) == []


def test_the_test_rows_events_and_story_lines_are_not_read() -> None:
    test = [{"text": "Voters in Georgia go to the polls.", "headings": ["Elections", "Battle of Bakhmut"]}]
    kept = [text for _run, text in nt.kept_events(nt.events(_DAY), test)]
    # The test event itself, and the events of its story line (its last heading), are left out; a story line that
    # shares only a parent heading with it is read.
    assert kept == ["Israeli strikes hit Deir al-Balah in the Gaza Strip."]


def test_a_test_event_is_known_by_its_text_without_its_citation() -> None:
    # The test row's texts are cleaned of their trailing citations (benchmarks/public_places.py), the day file's not.
    day = {"Intelligence_Payload": {"Disasters": ["Floods hit Kherson. (Reuters)", "Floods hit Sderot. (BBC)"]}}
    test = [{"text": "Floods hit Kherson.", "headings": []}]
    assert [text for _run, text in nt.kept_events(nt.events(day), test)] == ["Floods hit Sderot."]


def test_names_are_whole_runs_of_capitalised_words_and_located_after_a_preposition() -> None:
    text = "Fighting near Deir al-Balah; the Jebel Marra talks; oil flows in the Druzhba pipeline to Kherson."
    assert nt.capitalised_runs(text) == {"Fighting", "Deir al-Balah", "Jebel Marra", "Druzhba", "Kherson"}
    # "in the Druzhba pipeline": an article after the preposition is no place's name.
    assert nt.located_runs(text) == {"Deir al-Balah", "Kherson"}


def _town(gid: int, name: str, country: str, *alternates: str) -> dict[str, object]:
    return {"geonameid": gid, "name": name, "countrycode": country, "alternatenames": list(alternates)}


def test_a_town_needs_events_naming_its_country_and_one_naming_it_as_a_place() -> None:
    towns = [
        _town(1, "Kherson", "UA", "Cherson", "kherson"),
        _town(2, "Rawa Mazowiecka", "PL", "Rawa"),
        _town(3, "Lonely", "UA"),
        _town(4, "Northam", "ZA"),
    ]
    others = [_town(9, "Northam", "AU")]
    mentions = {("Kherson", "UA"): 2, ("Cherson", "UA"): 1, ("Rawa", "IQ"): 5, ("Lonely", "UA"): 2, ("Northam", "ZA"): 4}
    located = {("Kherson", "UA"): 1, ("Rawa", "IQ"): 5, ("Northam", "ZA"): 1}
    rows = nt.select(towns, mentions, located, 3, others=others)
    # Kherson: three events under Ukraine, one writing "in Kherson"; Rawa's events name Iraq, not Poland; Lonely is
    # never written after a preposition; Northam is Western Australia's name too.
    assert rows == [(1, "UA", "Kherson", 3, ("Cherson", "Kherson"))]


def test_taken_names_count_for_no_town() -> None:
    towns = [_town(1, "Kherson", "UA", "Police")]
    mentions = {("Kherson", "UA"): 1, ("Police", "UA"): 9}
    located = {("Police", "UA"): 9}
    assert nt.select(towns, mentions, located, 3, taken=lambda name, country: name == "Police") == []
    assert nt.select(towns, mentions, located, 3)[0][3] == 10


def test_the_table_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "towns.tsv"
    path.write_text("geonameid\tcountry\tname\tevents\tnames\n706448\tUA\tKherson\t20\tKherson\n", encoding="utf-8")
    assert news_towns_table(path) == {706448: frozenset({"Kherson"})}
    assert news_towns_table(tmp_path / "none.tsv") == {}


def test_the_shipped_table_lists_the_wars_towns() -> None:
    towns = {name for name, *_ in (line.split("\t")[2:] for line in nt.OUT.read_text(encoding="utf-8").splitlines()[1:])}
    assert {"Kherson", "Bakhmut", "Chasiv Yar", "Sudzha", "Sderot", "Janīn"} <= towns


@pytest.mark.parametrize(
    ("body", "lang", "country"),
    [
        ("Explosions were heard in Kherson overnight.", "en", "UA"),
        ("Ukrainian forces held Avdiivka and Bakhmut.", "en", "UA"),
        ("Взрывы прогремели в Херсоне.", "ru", "UA"),
        ("Вибухи пролунали в Херсоні.", "uk", "UA"),
        ("Rockets hit Sderot on Monday.", "en", "IL"),
        ("Fighting went on around Chasiv Yar and Soledar.", "en", "UA"),
    ],
)
def test_the_gazetteer_reads_the_news_towns(body: str, lang: str, country: str) -> None:
    assert [str(c["iso2"]) for c in locate(Story(id="s", headline="", body=body), lang).countries] == [country]


def test_a_news_towns_old_name_is_not_read() -> None:
    # Krasnogorsk's GeoNames alternate "Ban'ki" is no name the news wrote: "Ban Ki-moon" names no Russian town.
    result = locate(Story(id="s", headline="", body="North Korea cancels an invitation for Ban Ki-moon."), "en")
    assert [str(c["iso2"]) for c in result.countries] == ["KP"]
