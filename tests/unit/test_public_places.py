"""The extraction rules of the public place set (benchmarks/public_places.py)."""

from __future__ import annotations

from benchmarks import public_places as pp


def test_heading_or_event() -> None:
    assert pp.is_heading("COVID-19 pandemic in Italy")
    assert pp.is_heading("Russo-Ukrainian War")
    # A source citation, a final full stop or too many words make an event.
    assert not pp.is_heading("Italy enters the first day of the lockdown. (BBC News)")
    assert not pp.is_heading("The first COVID-19 case in Turkey is confirmed (NTV)")
    assert not pp.is_heading("Moldova bans flights.")
    assert not pp.is_heading(" ".join(["word"] * (pp.HEADING_WORDS + 1)))


def test_only_the_first_event_after_a_run() -> None:
    items = [
        "COVID-19 pandemic",
        "COVID-19 pandemic in Spain",
        "Spain closes all schools in Madrid. (El País)",
        "A later event that may belong to no heading. (BBC)",
        "COVID-19 pandemic in Iran",
        "Iran reports 881 new cases. (TRT World)",
        {"not": "a string"},
        "An event after a non-string item has no heading. (AP)",
    ]
    assert list(pp.first_events(items)) == [
        (["COVID-19 pandemic", "COVID-19 pandemic in Spain"], "Spain closes all schools in Madrid."),
        (["COVID-19 pandemic in Iran"], "Iran reports 881 new cases."),
    ]


def test_citations_are_stripped() -> None:
    assert pp.clean("Iran reports 881 new cases.\xa0(TRT World) (Reuters)") == "Iran reports 881 new cases."
    assert pp.clean("Talks (in Geneva) resume today.") == "Talks (in Geneva) resume today."


def test_heading_countries() -> None:
    hc = pp.heading_countries
    assert hc(["COVID-19 pandemic in the Czech Republic"]) == ["CZ"]
    assert hc(["Russo-Ukrainian War", "Russian invasion of Ukraine"]) == ["UA"]  # no demonyms
    assert hc(["2020 Democratic Republic of the Congo massacres"]) == ["CD"]
    assert hc(["Crisis in Papua New Guinea"]) == ["PG"]  # longest name wins over Guinea
    assert hc(["COVID-19 pandemic in Northern Ireland"]) == ["GB"]  # not Ireland
    assert hc(["2021 Niger attacks"]) == ["NE"] and hc(["Insurgency in Nigeria"]) == ["NG"]
    assert hc(["COVID-19 pandemic in Turkey"]) == ["TR"] and hc(["Politics of Türkiye"]) == ["TR"]
    assert hc(["Flooding in New Mexico"]) == [] and hc(["South China Sea dispute"]) == []
    assert hc(["Syrian civil war"]) == []
    # Georgia only as "Georgia (country)": bare, it is as often the U.S. state.
    assert hc(["2018 Georgia gubernatorial election"]) == []
    assert hc(["LGBT rights in Georgia (country)"]) == ["GE"]
    # A country on one side of a dash compound is a party: the run never names exactly one country.
    assert hc(["Israel–Hamas war"]) == ["IL", pp.PARTY]
    assert hc(["Indonesia–European Union relations"]) == ["ID", pp.PARTY]
    assert hc(["Armenia–Azerbaijan relations"]) == ["AM", pp.PARTY, "AZ"]
    assert hc(["Israel-based startup funding"]) == ["IL"]  # a lower-case compound is no party


def test_names_in_text_drop_the_party_marker() -> None:
    assert pp.names_in("Israel–Hamas talks in Egypt") == ["IL", "EG"]
    assert pp.names_in("Chad Wolf visits the UK and the U.S.") == ["TD", "GB", "US"]  # known limit: a first name


def test_day_rows_keep_single_country_runs() -> None:
    doc = {
        "Intelligence_Payload": {
            "Health": [
                "COVID-19 pandemic in Italy",
                "Italy enters the first day of the nationwide lockdown. (BBC)",
                "Turkey–PKK conflict",
                "Turkish jets strike targets in northern Iraq, officials say. (AP)",
                "COVID-19 pandemic in Japan",
                "Too short. (NHK)",
            ]
        }
    }
    rows = list(pp._day_rows("2020/03/2020-03-10.yaml", doc))
    assert [(r["country"], r["text_countries"], r["date"], r["section"]) for r in rows] == [
        ("IT", ["IT"], "2020-03-10", "Health")
    ]
    assert list(pp._day_rows("2013/03/2013-03-10.yaml", doc)) == []  # before FIRST_YEAR


def test_sample_is_deterministic_and_per_year() -> None:
    rows = [
        {"id": str(i), "date": f"{2015 + i % 3}-01-01", "text": f"event number {i} happens somewhere", "country": "IT"}
        for i in range(30)
    ]
    dup = dict(rows[0], id="dup")
    a = pp.sample([*rows, dup], per_year=4)
    b = pp.sample(list(reversed([*rows, dup])), per_year=4)
    assert [r["text"] for r in a] == [r["text"] for r in b]
    assert len(a) == 12 and len({r["text"] for r in a}) == 12


def _row(text: str, headings: list[str], date: str = "2020-01-01") -> dict[str, object]:
    return {"date": date, "text": text, "headings": headings, "country": "IT"}


def test_dev_split_shares_no_story_line_with_test() -> None:
    test = [_row("Italy closes its schools in the north.", ["COVID-19 pandemic", "COVID-19 pandemic in Italy"])]
    candidates = [
        *test,
        # The same generic parent heading (case and spacing differ): the same story tree, out.
        _row("Rome bans gatherings of more than ten.", ["Covid-19  Pandemic", "Lockdowns in Rome"]),
        _row("Milan reopens its cathedral to visitors.", ["COVID-19 pandemic in Italy"]),  # the same story line
        _row("Italy closes its schools in the north.", ["Schools in Italy"]),  # the test event's text
        _row("Sicily's Mount Etna erupts again overnight.", ["2020 Etna eruption in Italy"]),  # no shared heading
    ]
    dev = pp.dev_split(candidates, test)
    assert [r["text"] for r in dev] == ["Sicily's Mount Etna erupts again overnight."]


def test_dev_split_samples_like_the_test_set() -> None:
    rows = [_row(f"event number {i} happens in Italy", [f"Story {i} in Italy"], f"{2015 + i % 3}-01-01") for i in range(30)]
    test = pp.sample(rows, per_year=2)
    dev = pp.dev_split(rows, test, per_year=4)
    assert len(dev) == 12 and not {r["text"] for r in dev} & {r["text"] for r in test}
    # The dev rows are the next smallest SHA-1s of each year once the test rows are gone.
    assert dev == pp.sample([r for r in rows if r not in test], per_year=4)
