"""Datelines in several languages and scripts."""

from __future__ import annotations

import pytest

from stream.places.dateline import find_dateline, provider_dateline
from stream.places.geotag import locate
from stream.story import Story


@pytest.mark.parametrize(
    ("body", "place", "iso"),
    [
        ("BAKU, Oct 8 (Reuters) - Officials said talks would resume.", "BAKU", "AZ"),
        ("MOSCOW — The ministry said on Tuesday.", "MOSCOW", "RU"),
        ("موسكو - قالت الوزارة إن المحادثات ستستأنف.", "موسكو", "RU"),
        ("ANKARA (AA) - Bakanlık açıklama yaptı.", "ANKARA", "TR"),
        ("ЕРЕВАН, 8 окт — РИА Новости. Министерство сообщило.", "ЕРЕВАН", "AM"),
        ("Bakü (AA) - Bakanlık açıklama yaptı.", "Bakü", "AZ"),
        ("PARIS (AFP) - Le ministère a indiqué.", "PARIS", "FR"),
        ("TBILISI, Oct. 8 /TASS/. The government said.", "TBILISI", "GE"),
        ("МОСКВА. Патриарх совершил богослужение.", "МОСКВА", "RU"),
        # A hyphen inside a name is not the dateline dash.
        ("НИЖНИЙ НОВГОРОД. Завод выпустил новую партию автобусов.", "НИЖНИЙ НОВГОРОД", "RU"),
        ("САНКТ-ПЕТЕРБУРГ. Мост развели на час позже обычного.", "САНКТ-ПЕТЕРБУРГ", "RU"),
        # Arabic-script comma before the date.
        ("تهران، ۲ مهر (ایرنا) - وزارت نیرو اعلام کرد.", "تهران", "IR"),
        ("القاهرة، 5 مايو (رويترز) - قالت الوزارة إن الميناء مفتوح.", "القاهرة", "EG"),
        # AFP names the country of a small place in brackets.
        ("GYUMRI (Arménie), 3 mai (AFP) - Le maire a annoncé des travaux.", "GYUMRI", "AM"),
        # EFE closes its bracket with a full stop before the dash.
        ("MADRID, 7 dic (EFE).- El Gobierno aprobó un plan de vivienda.", "MADRID", "ES"),
        # Agencies that name themselves after the date: Interfax, AZERTAC, Armenpress.
        ("Москва. 7 декабря. ИНТЕРФАКС - Правительство утвердило программу.", "Москва", "RU"),
        ("Bakı, 7 dekabr, AZƏRTAC. Nazirlər Kabineti yeni proqramı təsdiqləyib.", "Bakı", "AZ"),
        ("Baku, December 7, AZERTAC. The cabinet approved a new programme.", "Baku", "AZ"),
        ("ԵՐԵՎԱՆ, 7 ԴԵԿՏԵՄԲԵՐԻ, ԱՐՄԵՆՊՐԵՍ: Կառավարությունը հաստատել է նոր ծրագիր։", "ԵՐԵՎԱՆ", "AM"),
        # Arab state agencies join their name to the place with a hyphen (SANA, SPA).
        ("دمشق-سانا وافقت الحكومة على برنامج جديد.", "دمشق", "SY"),
        ("الرياض - واس أعلنت الوزارة عن برنامج جديد.", "الرياض", "SA"),
    ],
)
def test_dateline(body: str, place: str, iso: str) -> None:
    story = Story(id="d", headline="Talks", body=body)
    dl = find_dateline(story)
    assert dl is not None and dl.text == place
    assert story.text[dl.start : dl.end] == place
    result = locate(story)
    assert result.focus_country == iso
    assert result.countries[0]["mentions"][0]["source"] == "dateline"  # type: ignore[index]


def test_ordinary_opening_is_not_a_dateline() -> None:
    assert find_dateline(Story(id="d", headline="x", body="Officials said - nothing more.")) is None
    assert find_dateline(Story(id="d", headline="x", body="Paris. It was a long day.")) is None
    # A date and a word after it make no agency when no full stop, colon or dash closes them.
    assert find_dateline(Story(id="d", headline="x", body="Paris, 7 December, officials said the talks ended.")) is None
    # A hyphenated pair of Arabic names is no place and agency: the pair is proposed whole, and is no place.
    pair = locate(Story(id="d", headline="x", body="روسيا-أوكرانيا: جولة جديدة من المحادثات."), "ar")
    assert {c["iso2"] for c in pair.countries} == {"RU", "UA"}
    assert not any(m["source"] == "dateline" for c in pair.countries for m in c["mentions"])  # type: ignore[attr-defined]


def test_dateline_supports_ambiguous_name() -> None:
    story = Story(id="d", headline="Talks", body="AMMAN, Oct 8 (Reuters) - Jordan said the border stays open.")
    result = locate(story, "en")
    assert result.countries[0]["iso2"] == "JO"
    assert len(result.countries[0]["mentions"]) == 2  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "headline", "body", "place", "agency", "iso"),
    [
        # Xinhua's dateline: agency, place, date, 电 ("wire").
        (
            "zh",
            "铁路过境能力将提高一倍",
            "新华社阿斯塔纳11月28日电 哈萨克斯坦铁路公司当天表示，与中国的过境能力将提高一倍。",
            "阿斯塔纳",
            "新华社",
            "KZ",
        ),
        ("zh", "恒指收涨", "\u3000\u3000中新社香港12月7日电（记者 王明）香港恒生指数周一收涨。", "香港", "中新社", "HK"),
        # The agency's 社 comes before Taipei's 台.
        ("zh", "台股上涨", "中央社台北12月7日电 台湾股市今天上涨。", "台北", "中央社", "TW"),
        ("zh", "外长会谈", "路透社埃里温12月7日电 亚美尼亚外长与土耳其外长会谈。土耳其方面表示欢迎。", "埃里温", "路透社", "AM"),
        ("ja", "外相会談", "【ワシントン共同】米国務長官は7日、日本の外相と会談した。", "ワシントン", "共同", "US"),
        ("ja", "声明", "【モスクワ＝田中一郎】ロシア外務省は7日、声明を発表した。", "モスクワ", "田中一郎", "RU"),
        ("ko", "경제 대책", "(서울=연합뉴스) 김철수 기자 = 정부는 7일 새로운 경제 대책을 발표했다.", "서울", "연합뉴스", "KR"),
        ("ko", "성명", "[워싱턴=뉴시스] 이영희 기자 = 미국 국무부는 7일 러시아에 대한 성명을 냈다.", "워싱턴", "뉴시스", "US"),
        ("ko", "회의", "(서울·세종=연합뉴스) 박민수 기자 = 정부는 7일 회의를 열었다.", "서울", "연합뉴스", "KR"),
    ],
)
def test_cjk_agency_dateline(lang: str, headline: str, body: str, place: str, agency: str, iso: str) -> None:
    story = Story(id="d", headline=headline, body=body)
    dl = find_dateline(story)
    assert dl is not None and (dl.text, dl.agency) == (place, agency)
    assert story.text[dl.start : dl.end] == place
    result = locate(story, lang)
    assert result.focus_country == iso
    first = result.countries[0]
    assert first["iso2"] == iso and first["mentions"][0]["source"] == "dateline"  # type: ignore[index]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        # A bracketed label, a photo credit and a report citing an agency name no place.
        ("ja", "【速報】政府は7日、新たな対策を発表した。"),
        ("ko", "(사진=연합뉴스) 정부는 7일 회의를 열었다."),
        ("zh", "据新华社报道，北京12月7日举行会议。"),
        ("zh", "中央电视台12月7日消息，北京举行会议。"),
    ],
)
def test_cjk_opening_without_a_dateline(lang: str, body: str) -> None:
    story = Story(id="d", headline="x", body=body)
    dl = find_dateline(story)
    result = locate(story, lang)
    assert dl is None or not any(m["source"] == "dateline" for c in result.countries for m in c["mentions"])  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("field", "place"),
    [
        ("Unnao", "Unnao"),
        ("KANSAS CITY, Mo.", "KANSAS CITY"),
        ("MOSCOW, Monday (Reuters)", "MOSCOW"),
        ("Gaza City, Palestinian Territories, May 16, 2021 (AFP) -", "Gaza City"),
        ("BAKU, Oct 8 (Reuters) -", "BAKU"),
        ("新华社北京12月7日电", "北京"),
    ],
)
def test_provider_dateline_place(field: str, place: str) -> None:
    found = provider_dateline(field)
    assert found is not None and found.text == place and field[found.start : found.end] == place


@pytest.mark.parametrize(
    ("field", "place"),
    [
        # AAP: the place and the date with no comma between them; the longest first words that are a place.
        ("SYDNEY March 22 AAP -", "SYDNEY"),
        # ANSA: parts between dashes, the place in the second.
        ("ANSA TEST - ROMA, 01 LUG -", "ROMA"),
    ],
)
def test_provider_dateline_place_that_the_gazetteer_knows(field: str, place: str) -> None:
    found = provider_dateline(field, lambda name: name in ("SYDNEY", "ROMA"))
    assert found is not None and found.text == place and field[found.start : found.end] == place
    story = Story(id="d", headline="Storm", body="The storm brought down power lines overnight.", dateline=field)
    assert [m["text"] for c in locate(story, "en").countries for m in c["mentions"]] == [place]  # type: ignore[attr-defined]


def test_agency_name_before_the_dateline() -> None:
    # ANSA and AGI open with their name: "(ANSA) - ROMA, 1 LUG -".
    story = Story(id="d", headline="Vertice", body="(ANSA) - ROMA, 1 LUG - Il governo ha approvato il decreto.")
    found = find_dateline(story)
    assert found is not None and (found.text, found.agency) == ("ROMA", "ANSA")
    assert story.text[found.start : found.end] == "ROMA"
    english = Story(id="e", headline="Talks", body="(ANSA) - Rome, October 11 - The minister said talks would go on.")
    assert locate(english, "en").countries[0]["mentions"][0]["source"] == "dateline"  # type: ignore[index]
    # A Reuters web opening names no place after its agency.
    assert find_dateline(Story(id="r", headline="x", body="(Reuters) - The ministry said it would act.")) is None


def test_provider_dateline_of_more_than_a_place_is_none() -> None:
    assert provider_dateline("Staff reporters of the news desk and more") is None


def test_a_provider_dateline_counts_where_the_body_has_none() -> None:
    story = Story(id="d", headline="Talks resume", body="The ministry said talks would resume.", dateline="TBILISI, Oct. 8")
    result = locate(story, "en")
    assert result.focus_country == "GE"
    (mention,) = result.countries[0]["mentions"]  # type: ignore[misc]
    assert (mention["text"], mention["start"], mention["end"], mention["source"]) == ("TBILISI", -1, -1, "dateline")


def test_the_body_s_own_dateline_wins_over_the_provider_s() -> None:
    story = Story(id="d", headline="Talks", body="BAKU, Oct 8 (Reuters) - Officials met.", dateline="LONDON")
    result = locate(story, "en")
    assert [(c["iso2"], m["source"]) for c in result.countries for m in c["mentions"]] == [("AZ", "dateline")]  # type: ignore[attr-defined]
