"""Geotagging: morphology, ambiguity, datelines, provider places, focus and offsets."""

from __future__ import annotations

import pytest

from stream.places.gazetteer import SL, load_gazetteer
from stream.places.geotag import _MAX_HITS, GeoResult, _first_sentence_end, _short_quotations, locate
from stream.story import ProviderPlace, Story

# Stories written for these tests: the same Karabakh ceasefire news in six languages.
CAUCASUS = {
    "ar": (
        "موسكو وأنقرة تدعوان إلى وقف القتال في قره باغ",
        "دعت روسيا وتركيا إلى وقف فوري لإطلاق النار في اقليم قره باغ المتنازع عليه بين أرمينيا وأذربيجان.\n"
        "وقالت الخارجية الأرمينية إن القوات الأذربيجانية قصفت مواقع قرب الحدود، فيما اتهمت باكو الجانب "
        "الأرميني بخرق الهدنة. وأكد الوزير أن الوضع في قره باغ لا يزال متوترا.",
    ),
    "ru": (
        "Лавров призвал прекратить огонь в Нагорном Карабахе",
        "Министр иностранных дел России обсудил с турецким коллегой обострение в Карабахе.\n"
        "По данным армянских военных, азербайджанские силы обстреляли позиции у границы Армении. "
        "В Азербайджане заявили, что ереванская сторона нарушила перемирие.",
    ),
    "en": (
        "Armenia and Azerbaijan trade blame as Karabakh fighting continues",
        "YEREVAN, Oct 9 (Reuters) - Armenian officials accused Azerbaijan of shelling towns in "
        "Nagorno-Karabakh on Friday.\nAzerbaijani forces said they responded to Armenian attacks. Russia "
        "called for a ceasefire.",
    ),
    "tr": (
        "Karabağ'da çatışmalar sürüyor",
        "Bakü (AA) - Azerbaycan Savunma Bakanlığı, Ermenistan'ın Karabağ'daki mevzilere saldırdığını açıkladı.\n"
        "Ermeni güçleri ateşkesi ihlal etti. Azerbaycan'ın cephe hattında gerginlik sürüyor.",
    ),
    "hy": (
        "Ղարաբաղում մարտերը շարունակվում են",
        "Հայաստանի պաշտպանության նախարարությունը հայտնել է, որ ադրբեջանական զորքերը հրետակոծել են "
        "Ղարաբաղի բնակավայրերը։\nԱդրբեջանը մեղադրում է Հայաստանին հրադադարի խախտման մեջ։",
    ),
    "az": (
        "Qarabağda döyüşlər davam edir",
        "Azərbaycanın Müdafiə Nazirliyi bildirib ki, Ermənistan silahlı qüvvələri Qarabağda mövqeləri atəşə tutub.\n"
        "Erməni tərəfi atəşkəsi pozub. Azərbaycan ordusu cavab tədbirləri görüb.",
    ),
}


def _story(headline: str, body: str, **kw: object) -> Story:
    return Story(id="t", headline=headline, body=body, **kw)  # type: ignore[arg-type]


def _countries(result: GeoResult) -> set[str]:
    return {str(c["iso2"]) for c in result.countries}


def _focus(body: str, lang: str = "en") -> str | None:
    """The focus country of a story that is only ``body``."""
    return locate(_story("", body), lang).focus_country


@pytest.mark.parametrize("lang", sorted(CAUCASUS))
def test_caucasus_story_focus(lang: str) -> None:
    result = locate(_story(*CAUCASUS[lang]), lang)
    assert {"AM", "AZ"} <= _countries(result)
    assert result.focus_region == "south-caucasus"
    if lang == "en":
        # "Armenia and Azerbaijan trade blame ...": the headline pairs the two, so neither is the focus.
        assert result.focus_country is None
    else:
        assert result.focus_country in {"AM", "AZ"} or lang == "ar"


@pytest.mark.parametrize("lang", sorted(CAUCASUS))
def test_offsets_slice_back(lang: str) -> None:
    story = _story(*CAUCASUS[lang])
    data = locate(story, lang).to_dict()
    for country in data["countries"]:  # type: ignore[union-attr]
        for m in country["mentions"]:
            if m["source"] != "provider":
                assert story.text[m["start"] : m["end"]] == m["text"]


def _forms(text: str, lang: str | None, iso: str) -> list[str]:
    result = locate(_story("", text), lang)
    for c in result.countries:
        if c["iso2"] == iso:
            return [str(m["text"]) for m in c["mentions"]]  # type: ignore[union-attr]
    return []


def test_arabic_clitics_and_nisba() -> None:
    text = "وصل وفد إلى وأذربيجان ثم بالأرمينية والأرمينيين وللأذربيجانيين في اقليم قره باغ"
    assert set(_forms(text, "ar", "AM")) == {"بالأرمينية", "والأرمينيين"}
    assert "وأذربيجان" in _forms(text, "ar", "AZ") and "وللأذربيجانيين" in _forms(text, "ar", "AZ")
    assert "قره باغ" in _forms(text, "ar", "AZ")


def test_arabic_article_contraction() -> None:
    assert _forms("وقدمت المساعدات للصين الشعبية", "ar", "CN") == ["للصين"]


def test_russian_case_endings() -> None:
    text = "Делегация прибыла в Армению, затем в Азербайджана столицу и обсуждала ситуацию в Карабахе и армянских сёлах."
    assert _forms(text, "ru", "AM") == ["Армению", "армянских"]
    assert set(_forms(text, "ru", "AZ")) == {"Азербайджана", "Карабахе"}


def test_russian_multiword_adjective_inflected() -> None:
    result = locate(_story("", "Переговоры о Нагорном Карабахе продолжатся."), "ru")
    assert [p["id"] for p in result.places] == ["nagorno-karabakh"]
    assert result.places[0]["mentions"][0]["text"] == "Нагорном Карабахе"  # type: ignore[index]


def test_turkish_and_azerbaijani_suffixes() -> None:
    assert _forms("Ermenistan'ın açıklaması ve Ermenistanda seçim", "tr", "AM") == ["Ermenistan", "Ermenistanda"]
    assert set(_forms("Qarabağda və Azərbaycanın paytaxtında", "az", "AZ")) == {"Qarabağda", "Azərbaycanın"}


def test_turkic_suffixes_not_applied_to_english() -> None:
    assert _forms("Indiana voters went to the polls.", "en", "IN") == []


# Finnish sentences written for these tests.
def test_finnish_case_endings() -> None:
    assert _forms("Myanmarin armeija pidätti kymmeniä mielenosoittajia.", "fi", "MM") == ["Myanmarin"]
    assert _focus("Myanmarin armeija pidätti kymmeniä mielenosoittajia.", "fi") == "MM"
    assert _forms("Oppositio sanoo, että Venäjällä vaalit eivät ole vapaat.", "fi", "RU") == ["Venäjällä"]
    text = "Ministeri matkustaa Saksaan ja Kiinaan, ja Ruotsiin hän palaa Irakista."
    assert _forms(text, "fi", "DE") == ["Saksaan"]
    assert _forms(text, "fi", "SE") == ["Ruotsiin"]
    assert _forms(text, "fi", "IQ") == ["Irakista"]
    # The inessive is the scene ("in Iraq"), as "in Karabakh" is in English; the genitive is not.
    plain = locate(_story("Raportti", "Virkamiehet keskustelivat.\nIrakin asiaa käsiteltiin. Ranska mainittiin."), "fi")
    scene = locate(_story("Raportti", "Virkamiehet keskustelivat.\nIrakissa taisteltiin. Ranska mainittiin."), "fi")
    share = {r: {c["iso2"]: c["score"] for c in x.countries}["IQ"] for r, x in (("p", plain), ("s", scene))}
    assert share["s"] > share["p"]  # type: ignore[operator]


def test_finnish_stem_changing_names() -> None:
    # Stored as their attested case forms: Suomi -> Suomessa, Helsinki -> Helsingissä, Yhdysvallat -> Yhdysvaltain.
    assert _forms("Suomessa ja Helsingissä satoi lunta.", "fi", "FI") == ["Suomessa", "Helsingissä"]
    assert _forms("Yhdysvaltain ulkoministeri vieraili Kreikassa.", "fi", "US") == ["Yhdysvaltain"]
    assert _forms("Yhdysvaltain ulkoministeri vieraili Kreikassa.", "fi", "GR") == ["Kreikassa"]


def test_finnish_endings_only_in_finnish_stories() -> None:
    assert _forms("The word Saksaan appeared on the sign.", "en", "DE") == []
    assert _forms("The word Saksaan appeared on the sign.", None, "DE") == []
    assert _forms("The word Suomessa appeared on the sign.", "en", "FI") == []


def test_finnish_words_of_another_meaning_need_support() -> None:
    # "Miten" (how) is no Mitte + n, "Sarjan" (of a series) no Sharjah's, "Oman" (own) no Oman.
    assert _countries(locate(_story("", "Miten hallitus aikoo vastata? Sarjan toinen osa julkaistaan."), "fi")) == set()
    assert _countries(locate(_story("", "Oman puolueen jäsenet arvostelivat päätöstä."), "fi")) == set()
    # A form that is a word of other languages only (Matsutō's "Matto", Sano, Caen's "Kana") is checked in Finnish too:
    # "Matto" (carpet), "Sano" (say), "Kana" (hen).
    assert _countries(locate(_story("", "Matto oli kulunut. Kana muni. Sano se ääneen."), "fi")) == set()


def test_armenian_and_georgian_case_endings() -> None:
    assert _forms("Հայաստանում և Ադրբեջանի սահմանին", "hy", "AM") == ["Հայաստանում"]
    assert _forms("Հայաստանում և Ադրբեջանի սահմանին", "hy", "AZ") == ["Ադրբեջանի"]
    assert _forms("სომხეთში და სომხეთის მთავრობამ განაცხადა", "ka", "AM") == ["სომხეთში", "სომხეთის"]


def test_georgian_names_in_a_drop_it_before_case_endings() -> None:
    # კანადა -> კანადის (genitive), კანადით (instrumental); კანადაში keeps the -ა.
    assert _forms("კანადის მთავრობამ და კანადაში მცხოვრებმა", "ka", "CA") == ["კანადის", "კანადაში"]


def test_capital_spellings_that_case_folding_cannot_undo() -> None:
    # Armenian և is ԵՎ in capitals; Turkish capital I is a dotless ı in lower case.
    assert _forms("ԵՐԵՎԱՆ. Քաղաքապետարանը հայտնել է նոր կամրջի մասին։", "hy", "AM") == ["ԵՐԵՎԱՆ"]
    assert _forms("DİYARBAKIR - Belediye yeni köprünün açılışını yaptı.", "tr", "TR") == ["DİYARBAKIR"]


def test_jordan_person_needs_support() -> None:
    assert _forms("Michael Jordan scored 40 points in Chicago on Sunday.", "en", "JO") == []
    assert _forms("Jordan said the border with Syria would stay closed, Amman officials said.", "en", "JO")
    assert _forms("The government of Jordan said on Sunday that talks would resume.", "en", "JO")


def test_person_named_like_country_in_russian() -> None:
    assert _forms("Барабанщик Чад Смит выступил в Москве.", "ru", "TD") == []
    assert _forms("Барабанщик Чад Смит выступил в Москве.", "ru", "RU") == ["Москве"]


def test_city_named_like_word_in_other_language() -> None:
    assert _forms("Un automobiliste a foncé sur une terrasse à Marseille.", "fr", "FR") == ["Marseille"]
    assert _forms("A valley of flowers and a nice view.", "en", "AI") == []


def test_arabic_article_blocks_common_word_readings() -> None:
    assert _countries(locate(_story("", "غمرت السيول الشوارع"), "ar")) == set()
    assert _forms("وصل الوزير إلى سيول", "ar", "KR") == ["سيول"]


def test_a_foreign_spelling_of_a_big_city_is_a_word_in_arabic() -> None:
    # Urdu "غازی" (Ghaziabad, 1.2 million) folds to Arabic "غازي", a given name there: the district
    # Battalgazi of an Arabic earthquake story added India (#17).
    body = "وواصلت فرق الإنقاذ البحث تحت أنقاض مبان منهارة في منطقتي يشيل يورت وباتال غازي."
    result = locate(_story("زلزال يضرب شرق تركيا", body), "ar")
    assert _countries(result) == {"TR"}


def test_a_city_named_like_a_country_in_an_unread_language() -> None:
    # CLDR names Malawi "Marawi" in a language wirewatch does not read; Marawi is a city of the
    # Philippines (#17). Both readings need support: the story decides.
    body = "Troops sealed off the centre of Marawi after a bombing, officials of the Philippines said."
    assert _countries(locate(_story("Curfew in Marawi", body), "en")) == {"PH"}
    assert _countries(locate(_story("Malawi floods", "Floods in Malawi killed 20 people."), "en")) == {"MW"}


def test_two_arabic_words_that_name_towns_of_one_state_do_not_back_each_other() -> None:
    # يشير ("indicates") and وادي ("valley") are both Algerian towns (El Achir, El Oued) (#17).
    body = "ويشير التقرير إلى أن الأمطار الغزيرة أغرقت أحياء في الموصل، وأدى ذلك إلى نزوح مئات الأسر."
    assert _countries(locate(_story("فيضانات في العراق", body), "ar")) == {"IQ"}


def test_a_department_named_like_a_foreign_word_is_found_in_its_own_language() -> None:
    # German "Landes" ("of the country") made the French department a French word too (#17).
    body = "Un nouveau foyer a été détecté dans un élevage de canards des Landes, a annoncé le ministère."
    assert _countries(locate(_story("Grippe aviaire dans les Landes", body), "fr")) == {"FR"}


def test_persian_words_are_not_split_at_arabic_proclitics() -> None:
    # ویران ("ruined") read as و + Iran, کامل ("complete") as ک + Amol (#17).
    body = "ساختمان‌های ویران شده در غزه به طور کامل تخلیه شدند."
    assert _countries(locate(_story("آتش‌بس در غزه", body), "fa")) == {"PS"}


def test_a_roman_ordinal_is_no_paris_arrondissement() -> None:
    body = "La mission a découvert près de Louxor le tombeau d'un roi de la XVIIIe dynastie."
    assert _countries(locate(_story("Un tombeau royal découvert en Égypte", body), "fr")) == {"EG"}


def test_german_plural_country_names_in_the_dative() -> None:
    body = "In den Niederlanden und in den Vereinigten Arabischen Emiraten wurde gewählt."
    assert _countries(locate(_story("Wahlen", body), "de")) == {"NL", "AE"}


def test_german_country_names_after_an_article() -> None:
    body = "Die Vereinigten Arabischen Emirate wollen ihre Förderung drosseln, hieß es im Vereinigten Königreich."
    assert _countries(locate(_story("Ölpreis steigt", body), "de")) == {"AE", "GB"}


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "Tour operators in Britain cancelled flights."),
        ("fr", "La Grande-Bretagne impose des sanctions."),
        ("de", "Großbritannien verhängt Sanktionen."),
        ("tr", "İngiltere'de grev sürüyor."),
        ("ar", "فرضت بريطانيا عقوبات جديدة."),
    ],
)
def test_britain_by_its_everyday_name(lang: str, body: str) -> None:
    # CLDR gives only the formal name (United Kingdom, Royaume-Uni ...); "Grande-Bretagne" was Brittany (#17).
    assert _countries(locate(_story("", body), lang)) == {"GB"}


def test_an_arabic_unit_noun_before_a_country_name_makes_it_a_subdivision() -> None:
    # "ولاية جورجيا" is the state of Georgia, not the country (#17).
    body = "ضربت عاصفة بلدات في ولاية جورجيا الأمريكية، وأعلن حاكم الولاية حالة الطوارئ."
    assert _countries(locate(_story("عاصفة في الولايات المتحدة", body), "ar")) == {"US"}


@pytest.mark.parametrize(
    ("lang", "body", "iso"),
    [
        ("tr", "Beyaz Rusya sınırlarını kapattı.", "BY"),
        ("ru", "В Южной Корее закрыли границы.", "KR"),
        ("ru", "Северная Корея закрыла границы.", "KP"),
        ("de", "Weißrussland schließt die Grenzen.", "BY"),
        ("de", "Die Elfenbeinküste schließt die Grenzen.", "CI"),
        ("fr", "La Centrafrique ferme ses frontières.", "CF"),
        ("es", "EEUU cierra sus fronteras.", "US"),
        ("fr", "Les autorités sud-coréennes ont parlé.", "KR"),
        ("de", "Die nordkoreanische Armee feuerte.", "KP"),
        ("es", "El ejército norcoreano disparó.", "KP"),
    ],
)
def test_everyday_country_names_cldr_lacks(lang: str, body: str, iso: str) -> None:
    # "Beyaz Rusya" (Belarus) was read as Russia; the others found nothing (#17).
    assert _countries(locate(_story("", body), lang)) == {iso}


def test_georgia_state_and_country() -> None:
    us = locate(_story("", "Voters in Georgia lined up in Atlanta suburbs."), "en")
    assert "GE" not in _countries(us) and "US" in _countries(us)
    ge = locate(_story("", "Georgia and Armenia signed the deal in Tbilisi."), "en")
    assert "GE" in _countries(ge) and "US" not in _countries(ge)
    alone = locate(_story("", "Georgia won the match."), "en")
    assert _countries(alone) == set()


def test_common_words_in_lower_case_are_not_places() -> None:
    assert _countries(locate(_story("", "We ate turkey on fine china, it was nice."), "en")) == set()


def test_abbreviations_case_sensitive() -> None:
    assert _forms("The US and UK said", "en", "US") == ["US"]
    assert _forms("Let us go", "en", "US") == []


def test_metonyms() -> None:
    result = locate(_story("", "The Kremlin and the White House traded barbs."), "en")
    sources = {c["iso2"]: c["mentions"][0]["source"] for c in result.countries}  # type: ignore[index]
    assert sources == {"RU": "metonym", "US": "metonym"}
    assert _forms("وقال الكرملين إن المحادثات مستمرة", "ar", "RU") == ["الكرملين"]


def test_provider_places() -> None:
    story = _story("Talks resume", "Negotiators met again.", places=(ProviderPlace("Armenia", "AM"),))
    result = locate(story, "en")
    assert result.countries[0]["iso2"] == "AM"
    assert result.countries[0]["mentions"][0]["source"] == "provider"  # type: ignore[index]


@pytest.mark.parametrize(("name", "iso"), [("UK", "GB"), ("UAE", "AE"), ("NSW", "AU"), ("DRC", "CD")])
def test_provider_place_by_its_abbreviation_without_a_code(name: str, iso: str) -> None:
    # AAP's ninjs sends {"name": "NSW"} with no code; a provider's "UK" is the country as its name would be.
    story = _story("Storm", "The storm brought down power lines overnight.", places=(ProviderPlace(name),))
    result = locate(story, "en")
    assert [(c["iso2"], [m["source"] for m in c["mentions"]]) for c in result.countries] == [(iso, ["provider"])]  # type: ignore[attr-defined]


def test_provider_place_supports_ambiguous_name() -> None:
    story = _story("", "Jordan said talks would resume.", places=(ProviderPlace("Jordan", "JO"),))
    assert len(_forms_of(locate(story, "en"), "JO")) == 2


def _desk(name: str, code: str) -> tuple[ProviderPlace, ...]:
    return (ProviderPlace(name, code, origin=True),)


def test_an_origin_place_alone_is_listed_but_neither_relevant_nor_the_focus() -> None:
    # A wire service's editing desk ("located" in NewsML-G2) on a match report whose text names no place.
    result = locate(
        _story("Coach asks fans for patience", "The manager said the squad needed time.", places=_desk("Pune", "IN")), "en"
    )
    assert [(c["iso2"], c["relevant"]) for c in result.countries] == [("IN", False)]
    assert result.countries[0]["mentions"][0]["source"] == "origin"  # type: ignore[index]
    assert (result.focus_country, result.focus_region) == (None, None)


def test_an_origin_place_the_text_does_not_name_is_left_out() -> None:
    body = "OSLO, May 3 - Norway's central bank kept its key rate unchanged on Thursday."
    result = locate(_story("Norway holds rates", body, places=_desk("Pune", "IN")), "en")
    assert _countries(result) == {"NO"}
    assert result.focus_country == "NO"


def test_an_origin_place_against_the_text_s_dateline_is_left_out_even_when_the_text_names_it() -> None:
    body = "OSLO, May 3 - Norway's central bank kept its key rate unchanged, citing risks from India's slowdown."
    result = locate(_story("Norway holds rates", body, places=_desk("Pune", "IN")), "en")
    assert [m["source"] for m in _forms_of(result, "IN")] == ["text"]  # type: ignore[index]


def test_an_origin_place_the_text_agrees_with_counts_as_a_provider_place() -> None:
    body = "OSLO, May 3 - The central bank kept its key rate unchanged on Thursday."
    result = locate(_story("Rates on hold", body, places=_desk("Oslo", "NO")), "en")
    assert [m["source"] for m in _forms_of(result, "NO")] == ["dateline", "provider"]  # type: ignore[index]


def _forms_of(result: GeoResult, iso: str) -> list[object]:
    return next((list(c["mentions"]) for c in result.countries if c["iso2"] == iso), [])  # type: ignore[arg-type]


def test_focus_weighting_passing_mention() -> None:
    body = (
        "Fighting in Karabakh intensified on Monday.\nShelling hit Karabakh villages overnight and Azerbaijan "
        "said its forces held the line in Karabakh. A diplomat in Paris urged calm."
    )
    result = locate(_story("Karabakh fighting intensifies", body), "en")
    assert result.focus_country == "AZ"
    assert result.focus_region == "south-caucasus"
    scores = {c["iso2"]: c["score"] for c in result.countries}
    assert scores["FR"] < scores["AZ"] / 4  # type: ignore[operator]


def test_headline_outweighs_body() -> None:
    result = locate(_story("Floods hit Pakistan", "Relief teams arrived.\nIndia offered help."), "en")
    assert result.focus_country == "PK"


def test_to_dict_shape() -> None:
    data = locate(_story(*CAUCASUS["en"]), "en").to_dict()
    assert set(data) == {"countries", "regions", "places", "focus"}
    country = data["countries"][0]  # type: ignore[index]
    assert set(country) == {"iso2", "name", "score", "relevant", "mentions"}
    assert set(country["mentions"][0]) == {"text", "start", "end", "form", "source"}
    assert set(data["regions"][0]) == {"id", "name", "score"}  # type: ignore[index]
    assert set(data["places"][0]) == {"id", "name", "kind", "country", "score", "mentions"}  # type: ignore[index]
    scores = [c["score"] for c in data["countries"]]  # type: ignore[union-attr]
    assert scores == sorted(scores, reverse=True)


def test_unknown_language_tries_all_rules() -> None:
    assert _forms("Ermenistan'ın ve Azerbaycanın", None, "AZ") == ["Azerbaycanın"]


def test_empty_story_has_no_focus() -> None:
    result = locate(_story("Markets", "Shares rose."), "en")
    assert result.to_dict()["focus"] == {"country": None, "region": None}


# Written for these tests: two neighbours agreeing on something, headline naming both.
PAIR_HEADLINES = {
    "en": ("Armenia and Azerbaijan agree first stretch of border", "Negotiators met for a day.\nMore talks follow."),
    "ru": ("Армения и Азербайджан согласовали участок границы", "Комиссии встретились на границе.\nРабота продолжится."),
    "tr": ("Ermenistan ile Azerbaycan sınırın ilk bölümünde uzlaştı", "Heyetler bir gün görüştü.\nGörüşmeler sürecek."),
    "ar": ("أرمينيا وأذربيجان تتفقان على أول مقطع من الحدود", "اجتمعت اللجنتان يوما كاملا.\nوستستمر المحادثات."),
    "ka": ("სომხეთი და აზერბაიჯანი საზღვრის პირველ მონაკვეთზე შეთანხმდნენ", "კომისიები შეხვდნენ.\nმოლაპარაკება გაგრძელდება."),
    # "և" is a ligature that folds to two letters.
    "hy": ("Հայաստանը և Ադրբեջանը համաձայնեցին սահմանի առաջին հատվածը", "Հանձնաժողովները հանդիպեցին։\nԱշխատանքը կշարունակվի։"),
    # "and" is the prefix ו on the second name.
    "he": ("ארמניה ואזרבייג׳ן הסכימו על הקטע הראשון של הגבול", "הוועדות נפגשו ליום אחד.\nהשיחות יימשכו."),
}


@pytest.mark.parametrize("lang", sorted(PAIR_HEADLINES))
def test_headline_pair_has_no_focus_country_but_a_region(lang: str) -> None:
    result = locate(_story(*PAIR_HEADLINES[lang]), lang)
    assert {"AM", "AZ"} <= _countries(result)
    assert result.focus_country is None
    assert result.focus_region == "south-caucasus"


def test_names_side_by_side_without_a_conjunction_are_no_pair() -> None:
    # "Tbilisi awaits an explanation from Ankara": subject and object, not "Tbilisi and Ankara".
    result = locate(_story("Tbilisi Ankaradan izahat gözləyir", "Nazirlik bəyanat yayıb."), "az")
    assert result.focus_country == "GE"  # a tie goes to the name first
    # A comma still joins two names.
    result = locate(_story("Tbilisi, Ankara sazişi imzaladı", "Nazirlər görüşüb."), "az")
    assert result.focus_country is None


def test_pair_needs_the_runner_up_to_matter() -> None:
    body = "Azerbaijan reported shelling in Karabakh.\nAzerbaijan closed roads in Karabakh and Azerbaijan mobilised."
    result = locate(_story("Armenia and Azerbaijan trade fire", body), "en")
    assert result.focus_country == "AZ"


# Written for these tests: a capital speaks, events happen elsewhere (locative form).
SPEAKER_VS_SCENE = {
    "en": ("Moscow urges restraint", "Moscow said it was worried.\nFighting went on in Karabakh overnight."),
    "ru": ("Москва призвала к сдержанности", "Москва заявила о тревоге.\nБои продолжались в Карабахе всю ночь."),
    "tr": ("Moskova itidal çağrısı yaptı", "Moskova endişeli olduğunu açıkladı.\nKarabağ'da çatışmalar gece boyu sürdü."),
    "hy": ("Մոսկվան զսպվածության կոչ արեց", "Մոսկվան մտահոգություն հայտնեց։\nՂարաբաղում մարտերը շարունակվեցին։"),
}


@pytest.mark.parametrize("lang", sorted(SPEAKER_VS_SCENE))
def test_scene_outweighs_speaking_capital(lang: str) -> None:
    result = locate(_story(*SPEAKER_VS_SCENE[lang]), lang)
    scores = {c["iso2"]: c["score"] for c in result.countries}
    # One capital mention in the headline and one in the lead against one body
    # mention: without the locative and speaker weights RU would lead 5:1.
    assert scores["AZ"] > scores["RU"] / 3  # type: ignore[operator]


def test_locative_form_weighs_more_than_plain_mention() -> None:
    plain = locate(_story("Report", "Officials talked.\nKarabakh was discussed. France was discussed."), "en")
    scene = locate(_story("Report", "Officials talked.\nShelling in Karabakh. France was discussed."), "en")
    share = {r: {c["iso2"]: c["score"] for c in x.countries}["AZ"] for r, x in (("p", plain), ("s", scene))}
    assert share["s"] > share["p"]  # type: ignore[operator]


def test_focus_region_is_home_region_of_focus_country() -> None:
    # GB is in M49 northern-europe, but newsrooms file it with western Europe.
    result = locate(_story("Floods hit northern England", "Rivers burst their banks across Britain.\nTrains stopped."), "en")
    assert result.focus_country == "GB"
    assert result.focus_region == "western-europe"
    turkey = locate(_story("Türkiye'de deprem", "Malatya'da bir deprem oldu.\nHasar tespiti sürüyor."), "tr")
    assert (turkey.focus_country, turkey.focus_region) == ("TR", "middle-east")


@pytest.mark.parametrize(
    ("lang", "headline", "iso"),
    [
        ("hy", "Իսրայելական զորքերը մտել են քաղաք", "IL"),
        ("hy", "Ղազախստանյան ընկերությունը նոր պայմանագիր է կնքել", "KZ"),
        ("ka", "ეგვიპტელი დიპლომატები შეხვდნენ", "EG"),
        ("ka", "იტალიური კომპანია ახალ ქარხანას აშენებს", "IT"),
    ],
)
def test_armenian_and_georgian_demonyms(lang: str, headline: str, iso: str) -> None:
    assert iso in _countries(locate(_story(headline, "Text."), lang))


# Region names: a headline that names a region and no country gives a null
# focus country and that region (stories written for these tests).
REGION_HEADLINES = [
    (
        "en",
        "Ministers discuss transit routes across the South Caucasus",
        "The talks covered rail links and customs.",
        "south-caucasus",
    ),
    ("ru", "Эксперты обсудили безопасность на Южном Кавказе", "Участники конференции говорили о транспорте.", "south-caucasus"),
    ("tr", "Körfez'de petrol üretimi artıyor", "Üreticiler yeni kotalar üzerinde anlaştı.", "gulf"),
    ("fr", "La sécheresse frappe durement le Sahel", "Les récoltes de mil sont en baisse de moitié.", "sahel"),
    ("ar", "قلق من موجة جفاف في منطقة الساحل", "تراجعت المحاصيل بشكل حاد هذا العام.", "sahel"),
    ("de", "Neue Handelsroute durch Zentralasien geplant", "Die Strecke soll bis 2030 fertig sein.", "central-asia"),
]


@pytest.mark.parametrize(("lang", "headline", "body", "region"), REGION_HEADLINES)
def test_region_headline_gives_region_focus(lang: str, headline: str, body: str, region: str) -> None:
    result = locate(_story(headline, body), lang)
    assert result.focus_country is None
    assert result.focus_region == region
    assert region in {str(r["id"]) for r in result.regions}
    assert not result.countries  # a region name is no country mention


def test_region_in_headline_yields_to_named_country() -> None:
    result = locate(_story("Gulf markets rally as Saudi Arabia lifts output", "Riyadh said output would rise."), "en")
    assert result.focus_country == "SA"


def test_shared_water_is_not_a_region() -> None:
    result = locate(_story("Storm season begins in the Gulf of Mexico", "Forecasters expect a busy year."), "en")
    assert "gulf" not in {str(r["id"]) for r in result.regions}
    assert result.focus_region != "gulf"


def test_overseas_territory_counts_for_france_with_its_own_region() -> None:
    result = locate(_story("Nouvelle-Calédonie : couvre-feu prolongé", "Le couvre-feu est prolongé en Nouvelle-Calédonie."), "fr")
    assert _countries(result) == {"FR"}
    assert result.focus_country == "FR"
    assert result.focus_region == "oceania"


@pytest.mark.parametrize(
    ("headline", "body", "country"),
    [
        # The same Arabic form is Amman (Jordan) or Oman: the rest of the story decides.
        ("الحكومة الأردنية تفتتح محطة جديدة", "افتتح وزير المياه الأردني محطة ضخ قرب عمان يوم الأحد.", "JO"),
        ("مسقط تستضيف معرضا للكتاب", "يشارك ناشرون من سلطنة عمان والكويت في المعرض الذي يقام في مسقط.", "OM"),
    ],
)
def test_ambiguous_form_reading_follows_story_support(headline: str, body: str, country: str) -> None:
    result = locate(_story(headline, body), "ar")
    assert result.focus_country == country
    assert "JO" not in _countries(result) or country == "JO"


@pytest.mark.parametrize(
    ("lang", "headline", "body", "country"),
    [
        ("de", "Unwetter in Bayern: Keller überflutet", "Feuerwehren in Niederbayern waren die ganze Nacht im Einsatz.", "DE"),
        ("fr", "Incendie dans les Pyrénées-Orientales", "Les pompiers luttent contre les flammes depuis mardi.", "FR"),
        ("es", "Un incendio obliga a evacuar pueblos en Andalucía", "Los bomberos trabajan cerca de la costa.", "ES"),
        ("ka", "კახეთში რთველი დაიწყო", "ყურძნის ფასი წელს გაიზარდა.", "GE"),
        ("hy", "Սևանա լճի մակարդակը բարձրացել է", "Նախարարությունը հրապարակել է նոր տվյալներ։", "AM"),
    ],
)
def test_subnational_areas_find_their_country(lang: str, headline: str, body: str, country: str) -> None:
    result = locate(_story(headline, body), lang)
    assert result.focus_country == country


def test_word_like_city_needs_support_only_where_it_is_a_word() -> None:
    # "Nice" is an English word: alone in English copy it is not a place...
    assert locate(_story("A nice day out", "Nice weather brought crowds to the beach."), "en").countries == ()
    # ...but "à Nice" in French copy is the city.
    result = locate(_story("Un festival s'ouvre à Nice", "Le public est attendu en nombre."), "fr")
    assert result.focus_country == "FR"


def test_names_and_organisations_are_not_places() -> None:
    def countries(headline: str, body: str) -> set[str]:
        return {str(c["iso2"]) for c in locate(_story(headline, body), "en").countries}

    assert countries("Paris Hilton opens a shop", "The heiress spoke to fans on Tuesday.") == set()
    assert countries("Strike at Air France", "Pilots walked out on Tuesday.") == set()
    assert countries("West beat East in the final", "The exhibition match raised money.") == set()
    assert "FR" in countries("Strike at Air France", "Flights from Paris were cancelled.")
    # News agencies and broadcasters cited as sources (stop 46, GeoVirus dev half).
    assert countries("Cholera kills 60 in Kenya", "Officials told Agence France-Presse 45 had died.") == {"KE"}
    assert countries("Cholera returns to Zimbabwe", "A spokeswoman told the Voice of America news agency.") == {"ZW"}
    # A club as sports pages shorten it (GeoWebNews dev half): no town Man of Côte d'Ivoire.
    assert countries("Liverpool win 3-0", "Liverpool will play Man City in the second leg.") == {"GB"}
    # An investment fund named after the market it buys, listed elsewhere (1980s agency copy, written for the test).
    assert countries("KOREA FUND NET ASSET VALUE", "NEW YORK, March 3 - The Korea Fund Inc said its value rose.") == {"US"}
    assert countries("", "Investors put money into a Korea fund last year.") == {"KR"}
    # New England is the American region, in capitals too ("England" had been Britain where "NEW" opens a headline);
    # the medical journal is an organisation.
    assert countries("NEW ENGLAND ELECTRIC NET", "The utility said first quarter net rose.") == {"US"}
    assert countries("", "A study in the New England Journal of Medicine tracked cases in Singapore.") == {"SG"}


def test_a_hyphenated_first_name_is_no_place() -> None:
    # Stop 46, GeoVirus dev half: "spokeswoman Kerry-Ann Hamilton" had named the Irish county.
    assert _countries(locate(_story("", "said hospital spokeswoman Kerry-Ann Hamilton on Monday."), "en")) == set()
    # Two places so joined stay places.
    assert _countries(locate(_story("", "Fighting on the Kerry-Cork border."), "en")) == {"IE"}
    assert _countries(locate(_story("", "Bosnia-Herzegovina Foreign Minister spoke."), "en")) == {"BA"}


def test_a_country_named_after_a_town_says_where_the_town_is() -> None:
    # Stop 46, GeoVirus dev half: "Delmas, north-east South Africa" was Delmas, Haiti, and the story's focus.
    text = "After an outbreak of typhoid in Delmas, north-east South Africa, a protest was broken up."
    assert _countries(locate(_story("", text), "en")) == {"ZA"}
    assert _countries(locate(_story("", "He was born in Alexandria, Egypt, in 1950."), "en")) == {"EG"}
    # A list goes on after the country, or the name is a capital: each is a place of its own.
    assert _countries(locate(_story("", "Fans travelled from Lyon, Germany, Italy and Spain."), "en")) == {"FR", "DE", "IT", "ES"}
    assert _countries(locate(_story("", "Talks in Kabul, Pakistan and India failed."), "en")) == {"AF", "PK", "IN"}


def test_zaire_is_the_congo_s_former_name() -> None:
    # Stop 46, GeoVirus dev half: ISO 3166-2 gives "Zaire" to an Angolan province, so the Congo's name until 1997
    # (and the Ebola species' name) had read as Angola.
    assert _countries(locate(_story("", "The Zaire ebolavirus killed 280 people in Zaire in 1976."), "en")) == {"CD"}
    assert _countries(locate(_story("", "Вспышка в Заире в 1995 году."), "ru")) == {"CD"}


def test_inner_mongolia_is_china() -> None:
    # ISO 3166-2 writes it Nei Mongol: "the capital of Inner Mongolia" had named the country Mongolia.
    assert _countries(locate(_story("", "The outbreak was found in a farm in Inner Mongolia."), "en")) == {"CN"}
    assert _countries(locate(_story("", "Вспышка произошла во Внутренней Монголии."), "ru")) == {"CN"}


def test_background_country_is_not_relevant() -> None:
    result = locate(
        _story("Kenya sets run-off date", "Kenya's election board set the run-off date.\n\nIn 2019 Ghana did the same."), "en"
    )
    flags = {str(c["iso2"]): c["relevant"] for c in result.countries}
    assert flags == {"KE": True, "GH": False}


def test_common_first_names_need_support() -> None:
    # Built from the name list (#17): Ahmad (Kuwait), Victoria (Seychelles, Canada) and
    # Sofia are common first names, so alone they are no place...
    assert _countries(locate(_story("", "Ahmad told reporters he would appeal the ruling."), "en")) == set()
    assert _countries(locate(_story("", "Victoria said she was proud of the team."), "en")) == set()
    # ...while a locative or a place of the same country backs them.
    assert "BG" in _countries(locate(_story("", "Talks opened in Sofia on Monday."), "en"))
    assert "BG" in _countries(locate(_story("", "Sofia and Plovdiv voted on Sunday."), "en"))


def test_subnational_names_that_are_own_language_words_need_support() -> None:
    # "Western" and "Eastern" are Fiji divisions, but first of all English words.
    assert _countries(locate(_story("", "Western leaders met Eastern European ministers."), "en")) == set()


def test_a_name_only_other_languages_write_is_a_word_of_a_language_the_country_speaks_too() -> None:
    # German, Danish and Swedish name Iceland "Island"; GeoNames lists English among Iceland's languages, but English
    # names it "Iceland", so the English word needs support ("the North Island" had named Iceland).
    assert _countries(locate(_story("", "Island nations met in Fiji to discuss rising seas."), "en")) == {"FJ"}
    assert _countries(locate(_story("", "They toured the North Island and the South Island last year."), "en")) == set()
    assert _countries(locate(_story("", "Iceland's volcano erupted again on Monday."), "en")) == {"IS"}
    # German's own name stays sure in German text; so does French "Egypte" without its accent, its own name.
    assert _countries(locate(_story("", "Der Vulkan auf Island ist wieder ausgebrochen."), "de")) == {"IS"}
    assert _countries(locate(_story("", "Le président de l'Egypte a reçu son homologue."), "fr")) == {"EG"}


@pytest.mark.parametrize(
    "body",
    [
        "Das Essen in der Kantine war kalt, klagten die Schüler.",
        "Die Löwen im Zoo wurden am Morgen gefüttert.",
        "Der Kanton führte neue Regeln für Schulen ein.",
        "Sturmböen führten in der Eifel und an der Mosel zu Schäden.",
    ],
)
def test_a_german_noun_after_an_article_is_no_town(body: str) -> None:
    # Essen, Leuven ("Löwen"), Guangzhou ("Kanton"), Mosul ("Mosel"): German names no town with an article.
    assert _countries(locate(_story("", body), "de")) == set()


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("In Essen demonstrierten am Samstag Tausende.", "DE"),
        # The article belongs to the compound the name opens, or is a relative pronoun.
        ("Auf dem Honolulu-Flughafen landete die Maschine sicher.", "US"),
        ("Der Wagen hält am Zugende, das Kapstadt am nächsten ist.", "ZA"),
        # A country's name takes one ("die Schweiz").
        ("Die Schweiz verschärft die Regeln.", "CH"),
    ],
)
def test_a_german_town_without_an_article_or_a_country_with_one_stays(body: str, country: str) -> None:
    assert country in _countries(locate(_story("", body), "de"))


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        # Sentence-case headlines: the first word is capitalised whatever it is (Renault, not Reno; a campaign, not
        # Campania; a pony, not Burkina Faso's Poni; a cat, not Kota).
        ("Рено продала свою долю в автомобильном заводе за один евро.", "ru"),
        ("Кампания по вакцинации началась в понедельник.", "ru"),
        ("Пони по кличке Звёздочка победила на выставке.", "ru"),
        ("Кота спасли пожарные после трёх часов поисков.", "ru"),
        ("Кампанія з вакцинації почалася в понеділок.", "uk"),
    ],
)
def test_a_cyrillic_word_opening_a_sentence_is_no_foreign_town(body: str, lang: str) -> None:
    assert _countries(locate(_story("", body), lang)) == set()


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # Washington, a capital of under a million people, is as frequent in Russian as a word: its fame, not a word.
        ("Москва и Вашингтон договорились о встрече.", {"RU", "US"}),
        ("Кремль прокомментировал заявление Вашингтона.", {"RU", "US"}),
        ("Позиция Вашингтона не изменилась, заявил министр.", {"US"}),
    ],
)
def test_washington_in_russian_is_the_capital(body: str, countries: set[str]) -> None:
    assert _countries(locate(_story("", body), "ru")) == countries


def test_bali_in_russian_is_the_island() -> None:
    # Not only India's town Bāli, whose Cyrillic name it also is.
    assert _countries(locate(_story("", "На Бали произошло землетрясение."), "ru")) == {"ID"}
    assert "IN" not in _countries(locate(_story("", "Туристы вернулись с Бали."), "ru"))


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Ситуация в Газе ухудшилась.", "ru"),
        ("Из Газы выпустили ракеты.", "ru"),
        ("Ситуація в Газі погіршилася.", "uk"),
    ],
)
def test_gaza_s_case_forms_name_it(body: str, lang: str) -> None:
    # Its case forms are gas's ("поставки газа"): listed in curated.yaml, read with a capital only.
    assert _countries(locate(_story("", body), lang)) == {"PS"}
    assert _countries(locate(_story("", "Поставки газа в Европу сократились."), "ru")) == set()


def test_a_cyrillic_town_named_like_a_word_is_read_inside_a_sentence_or_with_support() -> None:
    assert _countries(locate(_story("", "В Рено открылся новый завод."), "ru")) == {"US"}
    assert _countries(locate(_story("", "Итальянская Кампания пострадала от наводнения."), "ru")) == {"IT"}
    # A large city's name is the city's wherever it stands.
    assert _countries(locate(_story("", "Стамбул принял саммит."), "ru")) == {"TR"}


@pytest.mark.parametrize(
    "body",
    [
        # Other languages' names of foreign towns that are English words or surnames: Wanning, Cagliari, Trento.
        "Manning threw three touchdown passes in the second half.",
        "The Caller said the fire had started in the kitchen.",
        "Trent scored twice before half-time.",
        # Alternates of towns in countries that speak English too: Lévis, Quebec; Pandi, the Philippines; Joliet.
        "A homeless man and his dog, Levi, have lived on the street for a month.",
        "The zoo said its Panda had given birth to twins.",
        "Juliet was played by a newcomer.",
    ],
)
def test_an_english_word_that_is_another_name_of_a_town_needs_support(body: str) -> None:
    assert _countries(locate(_story("", body), "en")) == set()


def test_an_english_exonym_of_a_large_city_stays_the_city() -> None:
    assert _countries(locate(_story("", "Cologne police arrested two men on Sunday."), "en")) == {"DE"}


def test_subnational_names_more_frequent_as_words_than_their_country_s_name_need_support() -> None:
    # French "Atlantique", "Plateau", "Maritime" (Benin's and Togo's departments and region) and German "Hauptstadt"
    # (pycountry's German name of Honiara's Capital Territory) are words first (stream.build.gazetteer
    # SUBDIVISION_WORD_MARGIN): "l'océan Atlantique" had named Benin, dpa's "in der Hauptstadt" the Solomon Islands.
    assert _countries(locate(_story("", "Le navire a traversé l'océan Atlantique avant d'arriver au port."), "fr")) == set()
    assert _countries(locate(_story("", "Les soldats ont pris position sur le Plateau avant l'aube."), "fr")) == set()
    assert (
        _countries(locate(_story("", "Schlimmer Crash in der Hauptstadt: Zwei Straßenbahnen stießen zusammen."), "de")) == set()
    )
    assert _countries(locate(_story("", "Die Hauptstadt wurde am Abend gesperrt."), "de")) == set()
    # With support they are the places still.
    assert _forms("Les inondations ont touché le département de l'Atlantique, au sud du Bénin.", "fr", "BJ") == [
        "Atlantique",
        "Bénin",
    ]


def test_subnational_names_written_as_often_as_their_country_s_commonest_name_need_support() -> None:
    # English "Unity" and "Lakes" are South Sudan's states, French "Rivières" Nigeria's Rivers, Ukrainian "Кампанія"
    # ("campaign") Campania; each is written at least as often as any name of its country there
    # (stream.build.gazetteer._outnumbers_every_name). CoNLL's "GREAT LAKES" headings had named South Sudan.
    assert _countries(locate(_story("", "Unity is what the party needs now, the senator said."), "en")) == set()
    assert _countries(locate(_story("", "The Lakes region drew record numbers of tourists."), "en")) == set()
    assert _countries(locate(_story("", "Les Rivières sauvages attirent les kayakistes."), "fr")) == set()
    assert _countries(locate(_story("", "Виборча кампанія почалася в понеділок."), "uk")) == set()
    # Names whose country news calls otherwise too ("USA", "UK") stay sure.
    assert _countries(locate(_story("", "Kalifornien verschärft die Regeln."), "de")) == {"US"}
    assert _countries(locate(_story("", "Scotland voted on Thursday."), "en")) == {"GB"}
    # With support they are the places.
    assert _forms("Fighting in Unity state displaced thousands, the UN said in Juba.", "en", "SS") == ["Unity", "Juba"]


@pytest.mark.parametrize(
    "body",
    [
        "Tourists filled the Old Town on Saturday night.",  # Las Vegas
        "Robert Williams scored twice in the second half.",  # Caála, once Vila Robert Williams
        "The choir sang at St James on Sunday.",  # Vũng Tàu, once Cap Saint-Jacques
        "The team met at White Hall before the vote.",  # Atlanta
        "None Such plans were filed, the clerk said.",  # Richmond
    ],
)
def test_a_city_s_alternate_name_of_common_english_words_needs_support(body: str) -> None:
    # GeoNames' nicknames and old names made of frequent English words (stream.build.gazetteer._common_phrase).
    assert _countries(locate(_story("", body), "en")) == set()


def test_a_city_s_own_name_of_common_words_and_its_alternates_with_its_words_stay_sure() -> None:
    assert _countries(locate(_story("", "Police in Little Rock arrested two men."), "en")) == {"US"}
    assert _countries(locate(_story("", "Salt Lake police arrested two men."), "en")) == {"US"}
    # With support the alternate is the city still.
    assert _forms("Fans packed the Old Town in Las Vegas, Nevada.", "en", "US")[0] == "Old Town"


def test_a_capital_s_name_its_language_writes_far_more_often_as_a_word_needs_support() -> None:
    # Arabic كيف ("how") is a spelling of Kyiv, ديلي of Dili; Persian دوشنبه ("Monday") is Dushanbe's name, and a
    # trigger word nearby ("وزیر", minister) does not make the word a place.
    assert _countries(locate(_story("", "كيف ستواجه الحكومة الأزمة الاقتصادية الحالية؟"), "ar")) == set()
    assert _countries(locate(_story("", "نشرت صحيفة ديلي تلغراف تقريرا عن الانتخابات."), "ar")) == set()
    assert _countries(locate(_story("", "روز دوشنبه گذشته وزیر خارجه به مجلس رفت."), "fa")) == set()
    # With a name of the same country they are the capitals.
    assert _forms("وصل الرئيس إلى كيف عاصمة أوكرانيا.", "ar", "UA") == ["كيف", "أوكرانيا"]
    assert _forms("رئیس جمهور تاجیکستان در دوشنبه با وزیر خارجه دیدار کرد.", "fa", "TJ") == ["تاجیکستان", "دوشنبه"]
    # A country's name beside a trigger word stays backed.
    assert _countries(locate(_story("", "Turkey's government said on Monday that talks would resume."), "en")) == {"TR"}


def test_cldr_exemplar_city_names_are_city_names() -> None:
    # GeoNames has only خرطوم for Khartoum, which the article rule leaves unread; CLDR's exemplar city of
    # Africa/Khartoum in Arabic is الخرطوم.
    assert _forms("أعلنت السلطات في الخرطوم حظر التجول.", "ar", "SD") == ["الخرطوم"]
    # A name a country already has is not taken from CLDR's cities: Azerbaijani "Cuba" (Juba) stays Cuba.
    assert _countries(locate(_story("", "Cuba and the United States held talks."), "en")) == {"CU", "US"}


def test_a_borough_named_like_a_word_of_its_language_needs_support() -> None:
    # Berlin's borough Mitte ("Berlin-Mitte" in GeoNames) is German's "middle": "in der Mitte der Woche" names no Germany.
    assert _countries(locate(_story("", "In der Mitte der Woche stiegen die Kurse in Tokio."), "de")) == {"JP"}
    assert _forms("In Berlin und in Mitte wurde gewählt.", "de", "DE") == ["Berlin", "Mitte"]


def test_an_english_word_that_is_a_us_city_s_alternate_name_needs_support() -> None:
    # GeoNames lists "Roles" for Raleigh and "Spoken" for Spokane: frequent English words (Zipf >= 4), they are
    # no US city's own spelling, and a title-case headline had named the United States.
    assert _countries(locate(_story("New Roles for Old Hands", "The company named two veterans to senior posts."), "en")) == set()
    assert _countries(locate(_story("Spoken Word Night Returns", "Poets read their work on Friday evening."), "en")) == set()
    assert "US" in _countries(locate(_story("", "The storm hit Raleigh and Spokane on Monday."), "en"))


def test_an_arabic_word_is_no_proclitic_and_a_name() -> None:
    # كبيرا ("big", in "تقدما كبيرا", great progress) is no ك + Beira, وكيل ("undersecretary") no و + Kiel, بايدن (Biden)
    # no ب + Aden: each is far more frequent than the place's own writing (stream.build.gazetteer AR_PREFIXED_MARGIN).
    assert _countries(locate(_story("", "وقال المتحدث إن الحكومة حققت تقدما كبيرا في المفاوضات."), "ar")) == set()
    assert _countries(locate(_story("", "وقال وكيل وزارة الخارجية إن المحادثات مستمرة."), "ar")) == set()
    assert _countries(locate(_story("", "التقى الرئيس بايدن بالوزير صباح اليوم."), "ar")) == set()
    # A place after its proclitic is read as before: "والعراق" (and Iraq), "للقدس" (to Jerusalem), "وبالسودان".
    assert _forms("زار الوفد القدس وتوجه للقدس مرة أخرى.", "ar", "IL") == ["القدس", "للقدس"]
    assert _forms("ثم عاد إلى بغداد والعراق.", "ar", "IQ") == ["بغداد", "والعراق"]
    assert _forms("وصل إلى بيرا في موزمبيق.", "ar", "MZ") == ["بيرا", "موزمبيق"]


def test_a_german_word_is_no_genitive_of_a_name() -> None:
    # dpa's "Abgas-Skandal": Abgas (exhaust) is no genitive of "Abga", a GeoNames form of Abha (Saudi Arabia).
    assert _countries(locate(_story("", "Der Abgas-Skandal beschäftigt die Gerichte."), "de")) == set()
    # Names whose own form ends so, and real genitives and plurals, are read as before.
    assert _countries(locate(_story("", "Paris und Damaskus verhandeln über Honduras."), "de")) == {"FR", "SY", "HN"}
    assert _countries(locate(_story("", "Die Israelis protestieren, Frankreichs Präsident reist ab."), "de")) == {"IL", "FR"}


def test_a_first_name_before_a_place_name_makes_a_person_in_german_too() -> None:
    # German capitalises every noun, so only a first name before the name tells a person: dpa's "Konkurrentin Simona
    # Halep" (Aleppo's Turkish name), "Minister Martin Jordan".
    assert _countries(locate(_story("", "Ihre Konkurrentin Simona Halep schied früh aus."), "de")) == set()
    assert _countries(locate(_story("", "Der Minister Martin Jordan sprach am Abend."), "de")) == set()
    # A noun before the name is no first name, and a capital needs none.
    assert _countries(locate(_story("", "Kanzlerin Angela Merkel reiste nach Paris."), "de")) == {"FR"}
    assert _countries(locate(_story("", "Die Hauptstadt Berlin wurde am Abend gesperrt."), "de")) == {"DE"}


def test_a_middle_initial_or_a_surname_particle_after_a_first_name_makes_a_person() -> None:
    # George is a South African city: "President George W. Bush" had named South Africa (Wikinews). Jordan is a
    # first name before "van der Berg".
    assert _countries(locate(_story("", "The ruling was welcomed by President George W. Bush on Monday."), "en")) == set()
    assert _countries(locate(_story("", "Minister Jordan van der Berg resigned."), "en")) == set()
    # After a first name and a particle, a place's name is the surname: "senator Leila de Lima" named Peru.
    assert "PE" not in _countries(locate(_story("", "He called on senator Leila de Lima to resign."), "en"))
    # Not after a title or a saint's name.
    assert _countries(locate(_story("", "El Gran Duque de Luxemburgo llegó ayer."), "es")) == {"LU"}
    assert _countries(locate(_story("", "El Hospital Sant Joan de Reus participa en el estudio."), "es")) == {"ES"}
    assert _countries(locate(_story("", "El Príncipe William de Gales contraerá nupcias."), "es")) == {"GB"}
    # A compass initial after another place abbreviates a place's name, and a place after the particle stays one.
    assert _countries(locate(_story("", "He moved from Charleston W. Virginia to Ohio."), "en")) == {"US"}
    assert _forms("Il est arrivé à Salvador de Bahia lundi.", "fr", "BR") == ["Salvador de Bahia"]


def test_a_city_s_name_its_own_language_writes_far_more_often_as_a_word_needs_support() -> None:
    # German is one of Belgium's languages and "Namen" its name of Namur, but first the word "names": "hat sich einen
    # Namen gemacht" named Belgium in 6 of ~1,000 Wikinews place mentions. French "Pire" (worse; Piraeus), "Manger"
    # (to eat; Munger, India), Spanish "Playa" (beach; Oranjestad, Aruba) and English "Reading" opening a sentence are
    # the same (stream.build.gazetteer SUBDIVISION_WORD_MARGIN, applied to one-word city names in their own languages).
    assert _countries(locate(_story("", "Das Unternehmen hat sich einen Namen gemacht."), "de")) == set()
    assert _countries(locate(_story("", "Pire encore, les prix ont augmenté."), "fr")) == set()
    assert _countries(locate(_story("", "Manger sain coûte cher."), "fr")) == set()
    assert _countries(locate(_story("", "Playa y sol atraen a los turistas."), "es")) == set()
    assert _countries(locate(_story("", "Reading is good for children, the study says."), "en")) == set()
    # With support they are the cities.
    assert _forms("Die Stadt Namen liegt in Belgien.", "de", "BE") == ["Namen", "Belgien"]
    assert _countries(locate(_story("", "The fire in Reading closed the station."), "en")) == {"GB"}


def test_a_city_s_name_without_its_marks_is_read_and_another_city_s_alternate_does_not_take_it() -> None:
    # News written in ASCII drops the marks: Köln, São Vicente, Jyväskylä.
    assert _countries(locate(_story("", "Der Dom in Koln wurde am Montag gesperrt."), "de")) == {"DE"}
    assert _countries(locate(_story("", "Police in Sao Vicente arrested two men."), "en")) == {"BR"}
    assert _countries(locate(_story("", "A fire broke out in Jyvaskyla."), "en")) == {"FI"}
    # "Cancun" and "Thai Nguyen" are also GeoNames alternates of Changchun and of a Chinese town: a larger city's
    # alternate no longer takes the name alone (both readings need support), where both had named China.
    assert _countries(locate(_story("", "Cancun hosted the talks."), "en")) == set()
    assert _countries(locate(_story("", "Floods hit Thai Nguyen on Monday."), "en")) == set()
    assert _forms("Tourists returned to Cancun, Mexico, on Friday.", "en", "MX") == ["Cancun", "Mexico"]


def test_a_name_after_a_title_of_office_is_its_holder_s() -> None:
    # Bush is a town of Egypt and no Spanish word: "El presidente Bush" had named Egypt in 4 Spanish Wikinews stories.
    assert _countries(locate(_story("", "El presidente Bush, quien visitó el museo, habló el domingo."), "es")) == set()
    assert _countries(locate(_story("", "Präsident Bush sprach am Montag."), "de")) == set()
    assert _countries(locate(_story("", "Der Außenminister Bush sprach am Montag."), "de")) == set()
    # A place after a title stays one: a country, and a German genitive ("Bürgermeister Berlins").
    assert _countries(locate(_story("", "Der Bürgermeister Berlins sprach am Montag."), "de")) == {"DE"}
    assert _countries(locate(_story("", "Der Präsident Frankreichs sprach am Montag."), "de")) == {"FR"}
    assert _countries(locate(_story("", "El presidente de Egipto habló en Bush."), "es")) == {"EG"}


def test_a_place_arabic_writes_with_the_article_is_no_place_bare_in_arabic() -> None:
    # الرياض and الهند are Riyadh and India; bare, رياض is the first name Riyad and "gardens" (رياض الأطفال,
    # kindergartens), هند the first name Hind, صور "pictures" (Tyre is صور too, and Arabic writes it so: not taken).
    assert _countries(locate(_story("", "وقال الوزير رياض المالكي إن المحادثات مستمرة."), "ar")) == set()
    assert _countries(locate(_story("", "افتتحت رياض الأطفال في المدينة."), "ar")) == set()
    assert _countries(locate(_story("", "أخرجت الفيلم هند بوجمعة."), "ar")) == set()
    # With the article they are the places; Persian writes them bare; an indefinite nisba needs no article.
    assert _countries(locate(_story("", "وصل الرئيس إلى الرياض ثم الهند."), "ar")) == {"SA", "IN"}
    assert _countries(locate(_story("", "سفر رئیس جمهور به هند و ریاض"), "fa")) == {"IN", "SA"}
    assert _countries(locate(_story("", "وقعت شركة برازيلية العقد."), "ar")) == {"BR"}


def test_armenian_names_are_capitalised_and_georgian_which_is_no_roman() -> None:
    # Armenian capitalises names: "կան" ("there are") is no Caen, "գազի" ("of gas") no Gaza; Georgian "რომელი"
    # ("which") is no რომ (Rome) with the demonym ending -ელი, which places no longer take.
    assert _countries(locate(_story("", "Այնտեղ կան երեխաներ։"), "hy")) == set()
    assert _countries(locate(_story("", "Բնական գազի գինը բարձրացել է։"), "hy")) == set()
    assert _countries(locate(_story("", "რომელი ქვეყანა მიიღებს მონაწილეობას?"), "ka")) == set()
    # Adjectives and nouns of people made from a name are written in lower case, and read: "Belgian", "a Canadian".
    assert _countries(locate(_story("", "բելգիական ընկերությունը հայտարարեց։"), "hy")) == {"BE"}
    assert _countries(locate(_story("", "Նադալի կանադացու հետ խաղը։"), "hy")) == {"CA"}
    # Capitalised, in capitals (a dateline) and declined they are the places still.
    assert _countries(locate(_story("", "Վարչապետը մեկնել է Փարիզ, իսկ նախարարը՝ Գազա։"), "hy")) == {"FR", "PS"}
    assert _countries(locate(_story("", "ԵՐԵՎԱՆ, 7 ԴԵԿՏԵՄԲԵՐԻ, ԱՐՄԵՆՊՐԵՍ: Վարչապետը խոսեց։"), "hy")) == {"AM"}
    assert _countries(locate(_story("", "პრემიერი რომში ჩავიდა."), "ka")) == {"IT"}


def test_a_turkish_demonym_s_capitals_spelling_is_read_in_capitals_only() -> None:
    # "IRAKLI" is Turkish "Iraklı" (Iraqi) in a dateline's capitals; "Irakli" is the Georgian first name (Irakli
    # Kobakhidze, Irakli Garibashvili), which had named Iraq in English stories (LGL and GeoWebNews dev halves).
    assert "IQ" not in _countries(locate(_story("", "Irakli Kobakhidze met the delegation on Monday."), "en"))
    assert _countries(locate(_story("", "Iraklı yetkililer açıklama yaptı."), "tr")) == {"IQ"}
    assert _countries(locate(_story("", "IRAKLI YETKİLİLER AÇIKLAMA YAPTI."), "tr")) == {"IQ"}


def test_salvador_and_mauricio_are_first_names_before_they_are_countries() -> None:
    # EFE copy (CoNLL-2002): "Salvador Samayoa", "José Carlos Mauricio" had named El Salvador and Mauritius.
    assert _countries(locate(_story("", "El presidente del Consejo, Salvador Samayoa, declaró hoy a la radio."), "es")) == set()
    assert _countries(locate(_story("", "Los portavoces de CC, José Carlos Mauricio, hablaron ayer."), "es")) == set()
    # With support they are the countries.
    assert _countries(locate(_story("", "Las elecciones en Salvador y Guatemala se celebran hoy."), "es")) >= {"SV", "GT"}
    assert "MU" in _countries(locate(_story("", "El gobierno de Mauricio anunció nuevas medidas."), "es"))


def test_a_short_country_name_only_unread_languages_write_is_no_place_where_it_is_a_word() -> None:
    # Friulian "Cine" (China) is Spanish "cine" (cinema), French "gris" no Greece, Italian "indi" no India: none of
    # the languages that write these names is seen using them (wordfreq), so Spanish writing "China" more often
    # does not make "cine" a borrowed name of China.
    assert _countries(locate(_story("", "El Día del Cine llevó a miles de personas al cine."), "es")) == set()
    # Norwegian "Kina" is in use, and stays China.
    assert "CN" in _countries(locate(_story("", "Norge og Kina har signert en avtale."), "nb"))


def test_historical_names_of_states_are_their_successors() -> None:
    # Wire copy of the time names it in every grain and oil story; it had found nothing.
    assert _countries(locate(_story("", "The Soviet Union bought 500,000 tonnes of U.S. corn."), "en")) == {"RU", "US"}
    assert _countries(locate(_story("", "Exports to the U.S.S.R. rose."), "en")) == {"RU"}
    assert _countries(locate(_story("", "После распада Советского Союза страна обрела независимость."), "ru")) == {"RU"}
    assert _countries(locate(_story("", "L'URSS a acheté du blé."), "fr")) == {"RU"}
    assert _countries(locate(_story("", "Sovyetler Birliği dağıldı."), "tr")) == {"RU"}
    # Kampuchea and Ceylon, Cambodia's and Sri Lanka's names in the wire copy of the 1970s and 1980s.
    assert _countries(locate(_story("", "Vietnamese troops withdrew from Kampuchea."), "en")) == {"VN", "KH"}
    assert _countries(locate(_story("", "Ceylon tea prices rose at the auction."), "en")) == {"LK"}
    # Its abbreviations only in capitals; the adjective is not read ("Soviet-era").
    assert _countries(locate(_story("", "The urss file was opened."), "en")) == set()
    assert _countries(locate(_story("", "Soviet-era tanks were shown."), "en")) == set()


@pytest.mark.parametrize(
    ("lang", "body", "countries"),
    [
        # Short names CLDR gives only in full or in their present form, and Yugoslavia, whose successor Serbia is.
        ("en", "Fighting in Bosnia continued on Monday.", {"BA"}),
        ("fr", "Les combats ont repris en Bosnie.", {"BA"}),
        ("en", "Parliamentary elections in Macedonia were held on Sunday.", {"MK"}),
        ("en", "Yugoslavia said it would join the talks.", {"RS"}),
        ("ru", "Президент Югославии прибыл в Москву.", {"RS", "RU"}),
        # Headline English abbreviations, in capitals and with their full stops only.
        ("en", "S. Korea, Japan agree to hold talks.", {"KR", "JP"}),
        ("en", "The NZ dollar fell against the yen in Tokyo.", {"NZ", "JP"}),
        ("en", "HK shares closed higher.", {"HK"}),
        ("en", "The nz file was opened.", set()),
    ],
)
def test_short_and_historical_names_of_states(lang: str, body: str, countries: set[str]) -> None:
    assert _countries(locate(_story("", body), lang)) == countries


def test_the_paris_club_is_no_mention_of_france() -> None:
    # The creditor governments' group that reschedules a country's debt: the story is the debtor's.
    assert _countries(locate(_story("", "The Paris Club of creditor nations agreed to reschedule Brazil's debt."), "en")) == {
        "BR"
    }
    assert _countries(locate(_story("", "Парижский клуб согласился реструктурировать долг Бразилии."), "ru")) == {"BR"}
    assert _countries(locate(_story("", "Talks on Brazil's debt were held in Paris on Monday."), "en")) == {"BR", "FR"}
    # Names are folded: "London club Arsenal" is a football club of London, no banks' London Club.
    assert "GB" in _countries(locate(_story("", "He joined London club Arsenal on Monday."), "en"))


def test_a_country_s_name_after_a_cyrillic_first_name_is_a_surname() -> None:
    # Russian surnames are often a country's declined name: "Дмитрий Ливанов" (Lebanon's "Ливанов"), "Мартин Куба"
    # (NEREL dev) had named Lebanon and Cuba.
    assert _countries(locate(_story("", "Министр Дмитрий Ливанов заявил, что экзамен сохранят."), "ru")) == set()
    assert _countries(locate(_story("", "Председатель партии Мартин Куба заявил об отставке."), "ru")) == set()
    # A royal's epithet stays the country, as a country after a title does.
    assert "SE" in _countries(locate(_story("", "Он сын короля Леопольда и Астрид Шведской."), "ru"))
    assert "GB" in _countries(locate(_story("", "Премьер-министр Великобритании Борис Джонсон прибыл."), "ru"))
    assert _countries(locate(_story("", "Россия и Куба подписали соглашение."), "ru")) == {"RU", "CU"}


def test_a_trigger_word_that_is_the_name_itself_backs_nothing() -> None:
    # German "Hauptstadt" (capital) is a trigger word for a name beside it, not for itself.
    assert "DE" in _countries(locate(_story("", "Die Hauptstadt Berlin wurde am Abend gesperrt."), "de"))
    assert _countries(locate(_story("", "Die Hauptstadt wurde am Abend gesperrt."), "de")) == set()


def test_country_name_that_is_a_word_elsewhere_stays_sure_in_its_own_language() -> None:
    # "Italien" is a French demonym, but German's name for Italy.
    assert "IT" in _countries(locate(_story("", "Italien und Frankreich einigten sich."), "de"))
    # "Saudi" is part of English's own name for Saudi Arabia.
    assert "SA" in _countries(locate(_story("", "Saudi officials said the talks would resume."), "en"))


def test_turkic_compound_after_a_place_is_not_a_person_name() -> None:
    # The capitalised head noun carries the possessive ending: a museum, a university.
    assert _forms("Trabzon Müzesi yeni sergisini açtı.", "tr", "TR") == ["Trabzon"]
    assert _forms("Gəncə Dövlət Universiteti yeni fakültə açıb.", "az", "AZ") == ["Gəncə"]
    # A first name before a surname still is one.
    assert _forms("Jordan Henderson yeni takımıyla sözleşme imzaladı.", "tr", "JO") == []


def test_dateline_alone_does_not_decide_the_focus() -> None:
    # Filed from a seat, about several other countries: no focus country.
    body = "GENEVA - Health officials said measles cases doubled in Peru, Nepal and Zambia this spring."
    result = locate(_story("Measles cases double in three countries", body), "en")
    assert "CH" in _countries(result)
    assert result.focus_country is None
    # Filed from a place, with one passing mention elsewhere: the dateline's country stays the focus.
    body = "OSLO - The central bank raised its key rate by a quarter point, citing prices in Sweden."
    assert locate(_story("Central bank raises rate", body), "en").focus_country == "NO"


def test_russian_region_names_decline_short_nouns_and_soft_adjectives() -> None:
    # "Азия" is short, "Средняя" a soft adjective: both decline inside a region name.
    for headline in ("Засуха в Центральной Азии", "Засуха охватила страны Средней Азии"):
        result = locate(_story(headline, "Урожай пшеницы упал."), "ru")
        assert result.focus_region == "central-asia", headline


def test_georgian_stems_in_e_and_the_particle_ts() -> None:
    # ყურე -> ყურის: a region named in the headline makes a region story.
    result = locate(_story("სპარსეთის ყურის ქვეყნებში სიცხე იმატებს", "ექიმები გაფრთხილებას ავრცელებენ."), "ka")
    assert result.focus_country is None and result.focus_region == "gulf"
    # -ც "also" after the name: კანადაც, კანადისაც.
    assert _forms("შეთანხმებას კანადაც შეუერთდა.", "ka", "CA") == ["კანადაც"]


@pytest.mark.parametrize(
    ("text", "lang", "iso", "form"),
    [
        # Everyday names CLDR lacks (curated country_names) and abbreviations.
        ("وقعت الإمارات اتفاقا جديدا للطاقة الشمسية.", "ar", "AE", "الإمارات"),
        ("صادرات آمریکا به اروپا افزایش یافت.", "fa", "US", "آمریکا"),
        ("აშშ-ის ელჩმა განცხადება გააკეთა.", "ka", "US", "აშშ"),
        ("ԱՄՆ դեսպանը հանդիպել է նախարարին։", "hy", "US", "ԱՄՆ"),
        ("Делегация из Египта прибыла на переговоры.", "ru", "EG", "Египта"),
        ("Посол ОАЕ зустрівся з міністром.", "uk", "AE", "ОАЕ"),
        # "china" the porcelain is lower case: the capitalised name needs no support.
        ("Exports to China fell for a third month.", "en", "CN", "China"),
    ],
)
def test_everyday_country_names(text: str, lang: str, iso: str, form: str) -> None:
    assert _forms(text, lang, iso) == [form]


def test_armed_institution_speaks_for_its_state() -> None:
    # A metonym like the Pentagon: the Guards seize a ship off another country's port.
    body = "سپاه پاسداران یک کشتی را در نزدیکی بندری در عمان توقیف کرد. واشنگتن این اقدام را محکوم کرد."
    result = locate(_story("سپاه پاسداران یک کشتی را توقیف کرد", body), "fa")
    assert result.focus_country == "IR"
    assert "US" in _countries(result)


def test_arabic_saudi_name_and_feminine_nisba() -> None:
    assert _forms("زار الوزير السعودية الأسبوع الماضي.", "ar", "SA") == ["السعودية"]
    # A nisba stored with its yeh takes the feminine ending: سعودي -> سعودية.
    assert _forms("قالت مصادر سعودية إن الاجتماع تأجل.", "ar", "SA") == ["سعودية"]


@pytest.mark.parametrize(
    ("lang", "headline", "body"),
    [
        ("en", "Serbia and Kosovo resume talks in Brussels", "Negotiators met for a day.\nMore talks follow."),
        ("ru", "Москва принимает переговоры Армении и Азербайджана", "МОСКВА. Министры встретились.\nРабота продолжится."),
    ],
)
def test_host_city_of_a_headline_pair_is_not_the_focus(lang: str, headline: str, body: str) -> None:
    result = locate(_story(headline, body), lang)
    assert result.focus_country is None


def test_washington_is_the_capital_before_the_state() -> None:
    result = locate(_story("", "Officials in Washington said the talks would resume."), "en")
    assert [p["kind"] for p in result.places] == ["capital"]


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("Kenyan runners took the first three places.", "en", "KE"),
        ("Le gouvernement brésilien a annoncé un plan.", "fr", "BR"),
        ("Die kanadische Regierung kündigte Zölle an.", "de", "CA"),
        ("El presidente colombiano viajó a la frontera.", "es", "CO"),
        ("Венесуэльские власти закрыли границу.", "ru", "VE"),
    ],
)
def test_demonyms_of_countries_beyond_the_region(text: str, lang: str, iso: str) -> None:
    assert iso in _countries(locate(_story("", text), lang))


def test_waters_named_after_a_country_are_not_that_country() -> None:
    result = locate(_story("عودة الصيادين إلى بحيرة تشاد", "غادرت القوارب نيجيريا فجرا."), "ar")
    assert _countries(result) == {"NG"}
    result = locate(_story("Рыбаки вернулись на Японское море", "Суда вышли из Владивостока."), "ru")
    assert _countries(result) == {"RU"}


def test_foreign_names_in_o_do_not_decline_in_russian() -> None:
    # Soweto is "Совето": stripping its -о made "Совета" (of the council) a place.
    assert _countries(locate(_story("", "Заседание Совета министров прошло в пятницу."), "ru")) == set()
    # Names in -ово still decline: "Косова".
    assert _forms("Делегация из Косова прибыла в Брюссель.", "ru", "XK") == ["Косова"]


def test_names_far_more_often_something_else_in_news() -> None:
    # GeoNames lists "Hamas" as an alternate name of Hamm (DE).
    result = locate(_story("Hamas says talks stalled", "Negotiators in Cairo said Hamas wanted guarantees."), "en")
    assert _countries(result) == {"EG"}


def test_administrative_and_institution_words_after_a_place_are_no_surname() -> None:
    # Written for #17: a capitalised unit, title or institution after a city or state name
    # ("Kyiv Oblast", "Texas Senator", "Liverpool Crown Court") made it read as a first name.
    assert _forms("Shelling hit villages in Kharkiv Oblast overnight.", "en", "UA") == ["Kharkiv"]
    assert _forms("Texas Senator Ted Cruz names his running mate.", "en", "US") == ["Texas"]
    # (The court itself is Britain's too, a metonym since stop 50.)
    assert _forms("A coach is convicted at Liverpool Crown Court.", "en", "GB") == ["Liverpool", "Crown Court"]
    # A surname after a place-named first name still is one.
    assert _forms("Paris Hilton opens a shop.", "en", "FR") == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Nepalese police open fire on protesters blocking a highway.", "NP"),
        ("Former Thai Prime Minister Yingluck Shinawatra is sentenced in absentia.", "TH"),
        ("Zimbabwean president Emmerson Mnangagwa's cabinet approves the amendments.", "ZW"),
        ("Sri Lankan police arrest a former president.", "LK"),
    ],
)
def test_english_demonyms_of_every_state_name_it(text: str, iso: str) -> None:
    # Written for #17: curated.yaml listed English demonyms for 77 states only.
    result = locate(_story("", text), "en")
    assert result.focus_country == iso


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("La policía griega detuvo a dos sospechosos.", "es", "GR"),
        ("Las autoridades brasileñas identificaron a once víctimas.", "es", "BR"),
        ("Los turistas alemanes llegaron el lunes.", "es", "DE"),
        ("La revista japonesa anunció una nueva serie.", "es", "JP"),
        ("A rede mexicana Televisa renovou o contrato.", "pt", "MX"),  # read before, through "Mexican" + "a"
        # Italian, Portuguese, Dutch and Polish demonyms (curated) with their agreeing forms.
        ("La polizia tedesca ha arrestato due uomini.", "it", "DE"),
        ("Le autorità cinesi hanno detto che il porto è chiuso.", "it", "CN"),
        ("A polícia alemã prendeu dois homens.", "pt", "DE"),
        ("De Duitse politie heeft twee mannen gearresteerd.", "nl", "DE"),
        ("Niemiecka policja zatrzymała dwóch mężczyzn.", "pl", "DE"),
        ("Według rosyjskiego ministerstwa obrony.", "pl", "RU"),
    ],
)
def test_romance_demonyms_agree_in_gender_and_number(text: str, lang: str, iso: str) -> None:
    # The curated layer gives the masculine singular (griego, brasileño, alemán, japonés); make gazetteer stores the
    # feminine and plural forms (stream.build.gazetteer._romance_agreement).
    assert _countries(locate(_story("", text), lang)) == {iso}


def test_an_italian_or_portuguese_demonym_is_a_surname_in_english() -> None:
    # "Russo" and "Tedesco" are surnames in English copy: those languages' demonyms are read in their stories only.
    assert _countries(locate(_story("", "Patrick Russo and Anna Tedesco spoke to reporters."), "en")) == set()
    # Italian "indiana" (an Indian woman) is no form beside the US state Indiana.
    assert _countries(locate(_story("", "A chuva atingiu Indiana e Ohio."), "pt")) == {"US"}


def test_a_demonym_takes_the_endings_of_the_story_language() -> None:
    # French "grec" + o had read the surname Greco as Greece in English copy, even after a first name.
    assert _countries(locate(_story("", "Mayor Tom Greco said the bridge would open in May."), "en")) == set()
    assert _countries(locate(_story("", "Greeks and Americans voted."), "en")) == {"GR", "US"}
    # French and German take their own endings only ("Trainer Greco" is a person); French "grecque" is listed.
    assert _countries(locate(_story("", "Trainer Greco lobte die Mannschaft."), "de")) == set()
    assert _countries(locate(_story("", "Die deutschen Behörden verhandelten mit den Russen."), "de")) == {"DE", "RU"}
    assert _countries(locate(_story("", "La police grecque et les autorités italiennes."), "fr")) == {"GR", "IT"}
    # The same ending still agrees in the languages that inflect so.
    assert _countries(locate(_story("", "Il governo greco ha approvato il bilancio."), "it")) == {"GR"}


def test_soviet_is_the_soviet_union_but_not_after_it() -> None:
    # 1980s agency copy names the state by its adjective ("Soviet buyers purchased U.S. corn"); later news names the
    # states that followed it so, and those stories are not Russia's.
    assert _countries(locate(_story("SOVIETS BUY CORN", "Soviet buyers purchased U.S. corn."), "en")) == {"RU", "US"}
    assert _countries(locate(_story("", "The former Soviet republic of Georgia held elections."), "en")) == {"GE"}
    assert _countries(locate(_story("", "Ukrainian troops used Soviet-era tanks near Kharkiv."), "en")) == {"UA"}
    assert _countries(locate(_story("", "Post-Soviet Estonia joined NATO."), "en")) == {"EE"}


def test_headline_abbreviations_of_demonyms() -> None:
    # All-caps agency headlines abbreviate the compass word of a demonym as of a name ("S. KOREA", "S. KOREAN").
    assert _countries(locate(_story("S. KOREAN EXPORTS RISE", "Shipments grew 12 pct."), "en")) == {"KR"}
    assert _countries(locate(_story("N. KOREAN LEADER VISITS", "He arrived by train."), "en")) == {"KP"}
    # "the state's African-American" (the tokens "s African") is no South African.
    assert _countries(locate(_story("", "The state's African-American Affairs Commission met."), "en")) == {"US"}


def test_a_large_city_shares_its_own_name_with_a_country_named_so_elsewhere() -> None:
    # Spanish "Granada" is Grenada, French "Salvador" El Salvador: the Spanish and Brazilian cities had lost their names.
    assert _countries(locate(_story("", "The festival in Salvador, Brazil, drew two million people."), "en")) == {"BR"}
    assert _countries(locate(_story("", "Tourists flocked to Granada, Spain."), "en")) == {"ES"}
    assert _countries(locate(_story("", "Granada ( EFE ) - El Ayuntamiento aprobó el presupuesto."), "es")) == {"ES"}
    assert _countries(locate(_story("", "Grenada's prime minister spoke."), "en")) == {"GD"}
    # French writes a country's name with its article: "le Salvador" is the country, the article no support for a
    # region's word ("le Centre", "l'Ouest").
    assert _countries(locate(_story("", "Le Salvador a adopté le bitcoin."), "fr")) == {"SV"}
    assert _countries(locate(_story("", "Le vent souffle de l'Ouest vers le Centre."), "fr")) == set()


def test_agreement_forms_are_whole_forms_not_stems() -> None:
    # A stem with the demonym tails would read English "chins" as China.
    assert _countries(locate(_story("", "They rested their chins on their hands."), "en")) == set()


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("Prezydent przyjechał do Warszawy.", "pl", "PL"),
        ("Wojska Rosji weszły na Ukrainę.", "pl", "RU"),
        ("Spotkanie odbyło się w Berlinie.", "pl", "DE"),
        ("W Moskwie zatrzymano dwóch mężczyzn.", "pl", "RU"),
        ("V Německu prší.", "cs", "DE"),
        ("Prezident přijel do Prahy.", "cs", "CZ"),
        ("Na Slovensku prší.", "sk", "SK"),
        ("U Njemačkoj pada kiša.", "hr", "DE"),
        ("Predsjednik je stigao u Zagrebu.", "hr", "HR"),
        # Stems that change before the locative: Polska -> Polsce, Kanada -> Kanadzie, Praga -> Pradze, Praha -> Praze.
        ("W Polsce padał deszcz.", "pl", "PL"),
        ("Premier przebywa w Kanadzie.", "pl", "CA"),
        ("Koncert odbył się w Pradze.", "pl", "CZ"),
        ("Prezident je v Praze.", "cs", "CZ"),
        # Lithuanian and Latvian decline from the same stems.
        ("Prezidentas lankėsi Vokietijoje.", "lt", "DE"),
        ("Rusijos kariuomenė puolė.", "lt", "RU"),
        ("Krievijas armija uzbruka.", "lv", "RU"),
        ("Latvijā lija.", "lv", "LV"),
    ],
)
def test_latin_script_slavic_languages_decline_names(text: str, lang: str, iso: str) -> None:
    # A name in -a or -o declines from its stem (stored flagged SL), one in a consonant from itself.
    assert iso in _countries(locate(_story("", text), lang))


def test_slavic_stems_are_read_in_slavic_stories_only() -> None:
    gaz = load_gazetteer()
    # "rosj" is Rosja's stem: no name by itself, and no reading in an English or German story.
    assert gaz.lookup("rosj") == ()
    assert gaz.slavic_automaton.exists(" rosj") and not gaz.automaton.exists(" rosj")
    assert _countries(locate(_story("", "The Rosji Quartet played in the hall."), "en")) == set()
    assert _countries(locate(_story("", "Wojska Rosji weszły."), "pl")) == {"RU"}


def test_slavic_stems_live_in_their_own_automaton_only() -> None:
    # The scan reads a stem only in Slavic and Baltic stories because make gazetteer stores every SL entry under a key of
    # its own, which the loader puts in slavic_automaton: no key mixes a stem with a name.
    gaz = load_gazetteer()
    assert all(not e[2] & SL for _key, (_k, _f, entries) in gaz.automaton.items() for e in entries)
    stems = [e for _key, (_k, _f, entries) in gaz.slavic_automaton.items() for e in entries]
    assert stems and all(e[2] & SL for e in stems)


def test_a_declined_name_that_is_mostly_a_slavic_word_needs_support() -> None:
    # "Jazda" (riding) had named Iran through Yazd: "jazd" + -a is in sl_words.
    gaz = load_gazetteer()
    assert "jazd|a" in gaz.sl_words
    assert _countries(locate(_story("", "Jazda na monocyklu i żonglerka."), "pl")) == set()
    # A changed stem's form that is mostly a word is not stored: "Morze" (sea) is no locative of Mora, India.
    assert _countries(locate(_story("", "Morze Bałtyckie było spokojne."), "pl")) == set()


def test_a_demonym_shared_by_two_states_names_neither() -> None:
    # "Congolese" is the DR Congo's and the Republic of the Congo's: left out on purpose.
    assert _countries(locate(_story("", "Congolese officials met on Monday."), "en")) == set()


def test_another_state_s_money_beside_a_trigger_word_is_no_town() -> None:
    # "Yen" is a short name of Vĩnh Yên, Vietnam; "ministry" is a trigger word. Agency headlines are in capitals.
    story = _story("JAPAN MINISTRY SAYS YEN RISE HURTS EXPORTS", "TOKYO, March 13 - Japan's trade ministry said exports fell.")
    assert _countries(locate(story, "en")) == {"JP"}
    assert _countries(locate(_story("", "The finance minister said the Yen would stay weak."), "en")) == set()


def test_a_code_against_a_dollar_sign_is_a_currency() -> None:
    # Written for #17: "US$" prices an event anywhere; it named the United States.
    result = locate(_story("", "Kenya's debt surges to KSh 10 trillion (US$70.75 billion), the Treasury says."), "en")
    assert _countries(result) == {"KE"}
    # The code alone still names the country.
    assert "US" in _countries(locate(_story("", "Kenya's debt to US lenders surges."), "en"))


def test_a_demonym_before_a_capitalised_title_is_no_first_name() -> None:
    # Written for #17: "Polish Energy Minister" read as a person called Polish.
    assert _forms("Polish Energy Minister Krzysztof Tchórzewski announces new laws.", "en", "PL") == ["Polish"]


def test_american_in_a_regional_body_is_not_the_united_states() -> None:
    text = "The Organization of American States and the Inter-American Commission back the plan in Venezuela."
    assert _countries(locate(_story("", text), "en")) == {"VE"}


def test_a_province_written_without_its_iso_marks_is_found() -> None:
    # ISO 3166-2 spells it Parwān; news writes Parwan (#17).
    result = locate(_story("", "The Taliban carried out an operation in Parwan Province, killing eight rebels."), "en")
    assert result.focus_country == "AF"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The Bundestag approves a pensions bill.", "DE"),
        ("The Tatmadaw grants amnesty to over 3,000 political prisoners.", "MM"),
        ("The Storting votes down the budget.", "NO"),
    ],
)
def test_a_national_legislature_or_force_names_its_state(text: str, iso: str) -> None:
    # Written for #17: names only one state uses count as metonyms (weight 0.8).
    assert locate(_story("", text), "en").focus_country == iso


def test_a_continent_named_after_america_is_not_the_united_states() -> None:
    # Written for #17: "South America" matched "America", "North" a province of Cameroon.
    assert _countries(locate(_story("", "Drought hits South America and North America."), "en")) == set()
    assert _countries(locate(_story("", "America imposes new tariffs."), "en")) == {"US"}


def test_a_compass_word_before_a_name_is_no_subdivision() -> None:
    # Written for #17: Cameroon's North and Fiji's Central division came from "in North Kosovo"
    # and "in Central Jakarta".
    assert _countries(locate(_story("", "Serbs in North Kosovo dismantle barricades."), "en")) == {"XK"}
    assert _countries(locate(_story("", "A woman is arrested in Central Jakarta, Indonesia."), "en")) == {"ID"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Palestine reports a record 17 deaths.", "en"),
        ("The State of Palestine joins the court.", "en"),
        ("В Палестине зафиксировано 17 смертей.", "ru"),
        ("Filistin'de 17 kişi hayatını kaybetti.", "tr"),
    ],
)
def test_palestine_is_named_as_news_names_it(text: str, lang: str) -> None:
    # Written for #17: CLDR only has "Palestinian Territories"; "Palestine reports ..." named no country.
    assert locate(_story("", text), lang).focus_country == "PS"


def test_a_lone_ambiguous_country_name_opening_a_sentence_is_the_story_country() -> None:
    # Written for #17: Jordan (a first name) and Turkey (a word) without any other place or trigger.
    assert locate(_story("", "Jordan reports 2,648 new cases of the virus."), "en").focus_country == "JO"
    assert locate(_story("", "Turkey's telecoms authority bans advertisements."), "en").focus_country == "TR"


def test_a_lone_ambiguous_name_needs_the_subject_place_and_one_country() -> None:
    # Not opening a sentence: no subject; two candidate countries, or a state reading: undecided.
    assert _countries(locate(_story("", "New cases were reported, said Jordan."), "en")) == set()
    assert _countries(locate(_story("", "Jordan reports new cases; Chad closes schools."), "en")) == set()
    assert _countries(locate(_story("", "Georgia reports new cases."), "en")) == set()
    # With a sure place elsewhere the old rule stands: the ambiguous name needs support.
    assert _countries(locate(_story("", "Jordan reports new cases in Peru."), "en")) == {"PE"}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The Food and Drug Administration authorizes a booster dose for children.", "US"),
        ("Chancellor of the Exchequer Jeremy Hunt delivers the autumn statement.", "GB"),
        ("The Bundesbank cuts its growth forecast.", "DE"),
        ("The Bharatiya Janata Party wins the state election.", "IN"),
        # National programmes local papers write of (stop 50).
        ("Applicants must be 65 or older, or disabled as determined by the Social Security Administration.", "US"),
        ("Include the last four digits of your Social Security number and your signature.", "US"),
        ("Volunteer drivers are needed to help South Central Ambulance Service NHS Foundation Trust.", "GB"),
        ("A carer was jailed for 11 months at the Crown Court yesterday.", "GB"),
    ],
)
def test_a_national_agency_or_party_names_its_state(text: str, iso: str) -> None:
    # Written for #17 (third round): bodies one state alone has count as metonyms.
    assert locate(_story("", text), "en").focus_country == iso


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Houthis confirm the death of their prime minister.", "en"),
        ("أعلن الحوثيون مقتل رئيس الحكومة.", "ar"),
        ("Хуситы атаковали судно.", "ru"),
    ],
)
def test_the_houthis_name_yemen(text: str, lang: str) -> None:
    # Written for #17 (third round): the movement governing northern Yemen acts for it.
    assert locate(_story("", text), lang).focus_country == "YE"


def test_a_province_named_like_a_foreign_town_needs_support_and_then_wins() -> None:
    # Written for #17 (third round): "Ontario" was only the Californian city, "Bali" only a town in India.
    text = "An appeals court in Ontario, Canada overturns the convictions."
    assert _countries(locate(_story("", text), "en")) == {"CA"}
    assert _countries(locate(_story("", "Bali announces a tourist tax."), "en")) == set()
    assert locate(_story("", "Floods hit villages in Bali."), "en").focus_country == "ID"


def test_english_and_irish_counties_are_their_countries_places() -> None:
    # Written for #17 (stop 46, GeoWebNews dev half): "Brands Hatch in Kent" was Kent, Washington, and a Tipperary
    # council's story found no country: ISO 3166-2's English two-tier counties and Irish counties were not read.
    text = "The British Touring Car Championship begins at Brands Hatch in Kent."
    assert locate(_story("", text), "en").focus_country == "GB"
    assert _countries(locate(_story("", "Flooding hit Essex and Suffolk overnight, the Environment Agency said."), "en")) == {
        "GB"
    }
    assert _focus("A Nenagh councillor said the housing scheme in Tipperary is failing.") == "IE"
    # England's historic and metropolitan counties, which ISO 3166-2 does not list (curated.yaml).
    assert _countries(locate(_story("", "Police in West Yorkshire and Greater Manchester said a man was held."), "en")) == {"GB"}
    # An American reading with its state stays American; a surname stays no place.
    assert _countries(locate(_story("", "A student at Kent State University in Kent, Ohio, was hurt."), "en")) == {"US"}
    assert _countries(locate(_story("", "Clark Kent is Superman."), "en")) == set()


def test_a_court_named_after_its_town_is_no_persons_name() -> None:
    # Written for #17 (stop 46, GeoWebNews dev half): "Belfast Magistrate" had read as a person's name.
    assert _focus("Colin Rockett stood in the dock of Belfast Magistrate’s Court on Thursday.") == "GB"
    assert _focus("Leeds Coroner's Court heard the inquest.") == "GB"


def test_the_oxford_astrazeneca_vaccine_names_no_place() -> None:
    # Written for #17 (third round): Oxford made Britain the focus of vaccine deliveries elsewhere.
    text = "The Palestinian National Authority receives 61,440 doses of the Oxford–AstraZeneca vaccine."
    assert _countries(locate(_story("", text), "en")) == {"PS"}
    assert locate(_story("", "Researchers in Oxford test a vaccine."), "en").focus_country == "GB"


def test_another_languages_country_name_before_a_surname_is_a_person() -> None:
    # Written for #17 (third round): "Mauricio" is Spanish for Mauritius, in English a first name.
    text = "President Mauricio Macri announces talks with the International Monetary Fund."
    # No Mauritius; the leader himself (stream.places.people, fourth round) names Argentina, as a person.
    result = locate(_story("", text), "en")
    assert _countries(result) == {"AR"}
    assert [m["source"] for c in result.countries for m in c["mentions"]] == ["person"]  # type: ignore[attr-defined]
    # The story language's own name stays a place before a capitalised word.
    assert _countries(locate(_story("", "France Télévisions broadcasts the debate."), "en")) == {"FR"}
    # A demonym that is also some language's country name ("Israeli" in Swahili) is not affected.
    assert _countries(locate(_story("", "Israeli Arab MP Zouheir Bahloul resigns."), "en")) == {"IL"}


def test_the_red_sea_is_no_sudanese_state() -> None:
    # Written for #17 (third round): the sea matched Sudan's Red Sea state.
    assert _countries(locate(_story("", "The Houthis attack two ships in the Red Sea."), "en")) == {"YE"}
    assert _countries(locate(_story("", "Хуситы атаковали судно в Красном море."), "ru")) == {"YE"}


def test_a_gulf_named_after_a_state_or_a_country_is_no_mention_of_it() -> None:
    body = "Winter lows in the Gulf of Alaska were weaker than usual, bringing cold air to British Columbia."
    assert _countries(locate(_story("", body), "en")) == {"CA"}
    assert _countries(locate(_story("", "Fishing boats sank in the Gulf of Thailand off Cambodia."), "en")) == {"KH"}
    # The state itself is named as ever.
    assert _countries(locate(_story("", "Snow fell across Alaska."), "en")) == {"US"}


def test_where_a_variant_was_first_detected_is_not_the_scene() -> None:
    body = "Ireland reports its first three cases of the variant originally detected in India."
    assert _focus(body) == "IE"
    body = "Denmark reports its first case of the variant first detected in the United Kingdom."
    assert _focus(body) == "DK"
    # Without the provenance words "in India" is the scene, as before.
    body = "Ireland reports three cases of the variant in India."
    assert _focus(body) == "IN"


def test_in_before_an_article_or_compass_word_still_marks_the_scene() -> None:
    # Written for #17 (sixth round): "in northern Iraq", "in the United States" lost the scene's boost.
    body = "The United States military says a drone strike in northern Iraq killed a commander."
    assert _focus(body) == "IQ"
    body = "Canada's retailer files for bankruptcy protection in the United States."
    assert _focus(body) == "US"
    # A capitalised compass word belongs to another name: "in the South China Sea" is no scene in China.
    body = "Vietnam's navy patrols in the South China Sea."
    assert _focus(body) == "VN"


def test_a_story_without_headline_weighs_its_first_sentence_as_one() -> None:
    # Written for #17 (sixth round): a brief names its country first; background comes after.
    body = (
        "Fiji announces that it will join the trade framework. "
        "This comes amid a visit by Chinese foreign minister Wang Yi to Kiribati and new Chinese loans."
    )
    assert _focus(body) == "FJ"
    # An abbreviation's full stop ends no sentence: "U.S." and "Gen." leave Iraq in the first one.
    text = "U.S. officials and Gen. Smith say a strike in Iraq killed him. Later, more."
    assert text[: _first_sentence_end(text, 0, len(text))] == "U.S. officials and Gen. Smith say a strike in Iraq killed him. "
    assert _first_sentence_end("No full stop here", 0, 17) == 17


def test_a_country_name_beside_a_subdivision_noun_names_the_subdivision() -> None:
    # Written for #17 (sixth round): the Congolese province Équateur was read as Ecuador.
    body = "An Ebola outbreak is declared in the Équateur Province of the Democratic Republic of the Congo."
    assert _countries(locate(_story("", body), "en")) == {"CD"}
    body = "Cholera cases rise in the Province of Équateur, Democratic Republic of the Congo."
    assert _countries(locate(_story("", body), "en")) == {"CD"}
    # A state's own bodies keep its name: "Department of Justice", "State of Mexico" are no such units.
    assert _countries(locate(_story("", "The United States Department of Justice sues the firm."), "en")) == {"US"}


def test_a_surname_repeated_alone_is_still_the_person() -> None:
    # Written for #17 (sixth round): "Lloyd Austin ... accusing Austin of" read the second as Austin, Texas.
    body = "U.S. senators accuse Defense Secretary Lloyd Austin of ignoring warnings. Later, Austin denies it."
    result = locate(_story("", body), "en")
    assert [m["text"] for c in result.countries for m in c["mentions"]] == ["U.S"]  # type: ignore[attr-defined]
    # As a scene the name stays a place.
    body = "Defense Secretary Lloyd Austin speaks at a base. Protesters gather in Austin."
    assert _countries(locate(_story("", body), "en")) == {"US"}


def test_a_name_hyphened_to_an_attribute_weighs_less() -> None:
    # Written for #17 (sixth round): "pro-Kremlin politician" made Russia the focus of a Ukrainian decree.
    body = "Ukrainian officials arrest a pro-Kremlin lawmaker for treason."
    assert _focus(body) == "UA"
    body = "Yemeni officials count the dead after a Saudi-led coalition strike."
    assert _focus(body) == "YE"
    # Without the hyphen the name is the actor, as before: "the Kremlin arrests" is Russia's story.
    body = "Ukrainian officials say the Kremlin arrests a lawmaker."
    assert _focus(body) == "RU"


def test_an_english_adjective_that_is_also_a_name_elsewhere_weighs_as_a_demonym() -> None:
    # Written for #17 (sixth round): "Israeli" (a country name in other locales) weighed as a name.
    result = locate(_story("", "The Houthis confirm the death of a minister in an Israeli airstrike."), "en")
    assert result.focus_country == "YE"
    assert [m["source"] for m in result.countries[1]["mentions"]] == ["demonym"]  # type: ignore[attr-defined]


def test_a_lower_case_company_word_after_a_name_is_a_common_noun() -> None:
    # Written for #17 (sixth round): "bank" after "Bangladeshi" was read as a company's name.
    assert _countries(locate(_story("", "Bangladeshi bank officials say hackers stole the funds."), "en")) == {"BD"}
    # Capitalised, it is the company's name, as before: no place named.
    assert _countries(locate(_story("", "Qatar Airways cancels its morning flights."), "en")) == set()


def test_an_abbreviation_before_a_common_noun_weighs_as_a_demonym() -> None:
    # Written for #17 (sixth round): "U.S. envoy for the Qatar dispute" tied and took the focus.
    body = "A retired general resigns as U.S. envoy for the Qatar dispute."
    assert _focus(body) == "QA"
    # Before a capitalised name it is the state acting, a name as before: "the U.S. House ... Puerto Rico".
    # ("for", not "on": since round eight a target after "on" wins a tie.)
    body = "The U.S. House passes a bill for Puerto Rico."
    assert _focus(body) == "US"


def test_a_country_in_a_list_of_three_or_more_weighs_less() -> None:
    # Written for #17 (sixth round): "felt in Thailand, Bangladesh and India" outweighed the quake's Myanmar.
    body = "An earthquake hits central Myanmar and is also felt in Thailand, Bangladesh and India."
    assert _focus(body) == "MM"
    body = "South Korea plans a railway with North Korea, China, Japan and Russia."
    assert _focus(body) == "KR"
    # Two names joined are a pair, not a list: each keeps its weight.
    body = "South Korea plans a railway with North Korea and China in North Korea."
    assert _focus(body) == "KP"


def test_a_demonym_before_a_state_organ_weighs_as_the_name() -> None:
    # Written for #17 (sixth round): "An Egyptian court sentences ..." lost to a deportee's Australia.
    body = "An Egyptian court sentences three journalists. One was deported to Australia earlier."
    court = locate(Story(id="t", headline="", body=body), "en")
    assert court.focus_country == "EG"
    # An adjective elsewhere stays incidental: "Egyptian journalists" are people, not the state.
    body = "Three Egyptian journalists are sentenced. One was deported to Australia earlier."
    people = locate(Story(id="t", headline="", body=body), "en")
    assert people.countries[1]["iso2"] == "EG" and people.countries[1]["score"] < court.countries[0]["score"]


def test_a_place_after_an_indefinite_article_is_no_first_name() -> None:
    # Written for #17 (seventh round): "a Kabul Shiite shrine" read Kabul as the first name of a person.
    body = "Authorities revise the death toll from yesterday's attack on a Kabul Shiite shrine."
    assert _focus(body) == "AF"
    assert _focus("An Arizona Air National Guard jet crashes during a training flight.") == "US"
    # Without the article a capitalised word after the name is still a surname: "Paris Hilton".
    assert _focus("Paris Hilton opens a shop.") is None


def test_a_country_name_before_a_force_noun_weighs_as_an_actor() -> None:
    # Written for #17 (seventh round): "United States aircraft bomb a convoy ..." took a Syrian story.
    assert _focus("United States aircraft bomb a convoy belonging to the Syrian pro-government militia.") == "SY"
    assert _focus("The U.S. military reports a drone attack killed a rocket expert of the Iraqi militia.") == "IQ"
    # Before a capitalised name it is the state's own body, a name as before.
    assert _focus("The United States Army bombs a convoy belonging to the Syrian pro-government militia.") == "US"


def test_a_demonym_before_a_force_noun_is_an_actor_where_another_country_is_the_scene() -> None:
    # Written for #17 (seventh round): "Japanese troops land in South Sudan" took the focus for Japan.
    body = "A detachment of Japanese troops land in South Sudan for peacekeeping, Japan's first such action."
    assert _focus(body) == "SS"
    # With no other country as the scene, the forces are at home: the state's story, as before.
    assert _focus("The Bahraini military reports that 74 Iranian missiles were intercepted.") == "BH"


def test_in_before_a_town_the_gazetteer_lacks_makes_its_country_the_scene() -> None:
    # Written for #17 (seventh round): "a raid in Beit Jinn, Syria" left Syria without the scene's weight.
    assert _focus("The Israeli military launches a raid in Beit Jinn, Syria. Israel says it targeted gunmen.") == "SY"
    # Without "in" the address marks no scene, as before.
    assert _focus("The Israeli military raids Beit Jinn, Syria. Israel says it targeted gunmen.") == "IL"


def test_where_a_meeting_is_held_is_a_host_not_the_scene() -> None:
    # Written for #17 (seventh round): "Cyprus meet in Switzerland to restart talks" took Switzerland.
    body = "The leaders of northern and southern Cyprus meet in Switzerland to restart talks about reuniting the island."
    assert _focus(body) == "CY"
    # "in" after another word still marks the scene.
    assert _focus("Protesters from Cyprus gather in Switzerland.") == "CH"


def test_a_place_after_the_and_before_a_capitalised_word_names_a_thing_of_it() -> None:
    # Written for #17 (seventh round): "The Cleveland Board of Control" read Cleveland as a first name.
    assert _focus("The Cleveland Board of Control approves changes to convention security rules.") == "US"
    # Such a thing (a party, a team, a newspaper) counts for its place's country, less than a place named.
    body = "The leader of the Ulster Unionist Party resigns after a poor result in the Northern Ireland election."
    result = locate(_story("", body), "en")
    assert result.focus_country == "GB"
    assert [str(c["iso2"]) for c in result.countries] == ["GB", "IE"]
    assert float(str(result.countries[1]["score"])) < 0.25  # x0.3 of a name: 0.17, as a place name 0.4


def test_a_tie_at_the_top_goes_to_the_target_of_the_action() -> None:
    # Written for #17 (eighth round): "Monaco's authorities close a probe against Lebanon's prime minister" tied
    # MC and LB, and the tie went to the actor, named first.
    body = "Monaco's judicial authorities close a probe against Lebanon's caretaker prime minister."
    assert _focus(body) == "LB"
    assert _focus("A court in Paris rejects sanctions on Iran. The ruling angers France and Iran.") == "FR"  # no tie
    assert _focus("Britain reports an arms embargo on Iran.") == "IR"
    # Without "against" / "on", the first named leads a tie as before.
    assert _focus("Monaco's judicial authorities close a probe into Lebanon's caretaker prime minister.") == "MC"
    # The target wins a tie only: the actor named more often keeps the focus.
    assert _focus("Israel strikes against Iran. Israel says the strikes are over.") == "IL"


def test_score_breaks_a_tie_for_a_target_only() -> None:
    from stream.places.focus import Scored, score
    from stream.places.regions import load_regions

    catalog = load_regions()
    tied = [Scored("MC", ("MC",), 3.0), Scored("LB", ("LB",), 3.0)]
    assert score(tied, catalog).focus_country == "MC"  # first named
    assert score(tied, catalog, tie_parts=lambda: (frozenset(["LB"]), frozenset())).focus_country == "LB"
    ahead = [Scored("MC", ("MC",), 3.0), Scored("LB", ("LB",), 2.9)]
    assert score(ahead, catalog, tie_parts=lambda: (frozenset(["LB"]), frozenset())).focus_country == "MC"


def test_a_tie_at_the_top_never_goes_to_a_country_named_only_as_an_origin() -> None:
    # Written for #17 (eighth round): "a bus ... returning from Istanbul crashes ... near Bosnek, Pernik Province,
    # Bulgaria" tied TR and BG, and the tie went to Istanbul, named first.
    body = "A bus carrying tourists returning from Istanbul crashes near a village of Bulgaria."
    assert _focus(body) == "BG"
    # A name joined to an origin is one too: "from Colombia and Brazil".
    assert _focus("Aid trucks from Colombia and Brazil reach a village of Venezuela.") == "VE"
    assert _focus("Aid trucks from Colombia and the United States reach a village of Venezuela.") == "VE"


def test_score_passes_over_an_origin_in_a_tie_only() -> None:
    from stream.places.focus import Scored, score
    from stream.places.regions import load_regions

    catalog = load_regions()
    tied = [Scored("gn-745044", ("TR",), 3.0), Scored("BG", ("BG",), 3.0)]
    assert score(tied, catalog).focus_country == "TR"  # first named
    assert score(tied, catalog, tie_parts=lambda: (frozenset(), frozenset(["TR"]))).focus_country == "BG"
    ahead = [Scored("gn-745044", ("TR",), 3.0), Scored("BG", ("BG",), 2.9)]
    assert score(ahead, catalog, tie_parts=lambda: (frozenset(), frozenset(["TR"]))).focus_country == "TR"
    # Both origins: the first named, as before.
    assert score(tied, catalog, tie_parts=lambda: (frozenset(), frozenset(["TR", "BG"]))).focus_country == "TR"


def test_a_tie_at_the_top_passes_over_a_country_named_only_in_a_leaders_title() -> None:
    # Written for #17 (eighth round): "President Yoweri Museveni of Uganda announces an end to ... cooperation with
    # North Korea" and "Prime Minister of Fiji Sitiveni Rabuka confirms that Kiribati will rejoin ..." tied, and
    # the tie went to the leader's country, named first.
    body = "President Yoweri Museveni of Uganda announces an end to military cooperation with North Korea."
    assert _focus(body) == "KP"
    assert _focus("Prime Minister of Fiji Sitiveni Rabuka confirms that Kiribati will rejoin the forum.") == "KI"
    # Not after any "of": "the people of Fiji" are no speaker.
    assert _focus("The people of Fiji welcome that Kiribati will rejoin the forum.") == "FJ"


def test_a_tie_at_the_top_passes_over_a_nationality_of_people() -> None:
    # Written for #17 (eighth round): "Acquitted Finnish national Mikko Vehvilainen, a serving soldier in the British
    # Army, is jailed" tied FI and GB, and the tie went to the nationality, named first.
    body = "Acquitted Finnish national Mikko Vehvilainen, a serving soldier in the British Army, is jailed."
    assert _focus(body) == "GB"
    # A demonym before any other word is no nationality of people: the first named leads the tie as before.
    body = "Acquitted Finnish reporter Mikko Vehvilainen, a serving soldier in the British Army, is jailed."
    assert _focus(body) == "FI"


def _assert_names_in_runs(cases: list[tuple[str, str, str, set[str]]]) -> None:
    """Each (language, headline, body, countries) story names those countries, each mention at the name alone."""
    for lang, headline, body, expected in cases:
        story = Story(id="t", headline=headline, body=body)
        result = locate(story, lang)
        assert {c["iso2"] for c in result.countries} == expected, (lang, headline)
        for country in result.countries:
            for mention in country["mentions"]:
                assert story.text[mention["start"] : mention["end"]] == mention["text"]
                assert len(mention["text"]) == len(mention["form"]), mention  # the name alone, not its run


def test_every_name_inside_a_run_of_chinese_or_japanese_counts_with_its_own_offsets() -> None:
    # Chinese and Japanese write a clause as one run without spaces, so a run is one token: each
    # name inside it is a place of its own, and its mention points at the name, not at the run.
    cases = [
        (
            "zh",
            "中国与哈萨克斯坦签署铁路协议",
            "两国代表在阿斯塔纳签字，货物将经阿塞拜疆和格鲁吉亚运往欧洲。",
            {"CN", "KZ", "AZ", "GE"},
        ),
        ("zh", "南苏丹和苏丹就石油运输达成一致", "双方在喀土穆举行会谈。", {"SS", "SD"}),
        ("ja", "日本とフィリピンが防衛協定に署名", "両国の首脳は東京で会談した。", {"JP", "PH"}),
    ]
    _assert_names_in_runs(cases)


def test_a_longer_name_inside_a_chinese_run_keeps_its_characters() -> None:
    # 南苏丹 (South Sudan) holds 苏丹 (Sudan): the longer name takes its characters, and the
    # shorter one counts only where it stands on its own.
    result = locate(Story(id="t", headline="南苏丹总统访问乌干达", body=""), "zh")
    assert {c["iso2"] for c in result.countries} == {"SS", "UG"}


def test_names_past_the_first_thousand_are_not_read() -> None:
    # A body repeating one name thousands of times (a 500 KB run of 北京, "Paris Paris ...") is read up to
    # a bound, so its cost stays small; a name that only comes after that is not read.
    story = Story(id="t", headline="", body="Paris " * _MAX_HITS + "Berlin")
    assert [c["iso2"] for c in locate(story, "en").countries] == ["FR"]
    story = Story(id="t", headline="", body="Paris " * (_MAX_HITS - 1) + "Berlin")
    assert {c["iso2"] for c in locate(story, "en").countries} == {"FR", "DE"}


def test_a_chinese_city_named_like_a_common_word_needs_support_in_chinese() -> None:
    # 联合 ("unite", in 联合国, the United Nations) is also a GeoNames name of Lianhe (Heilongjiang, 121,000
    # people): a Chinese story about the UN is not about China. Large cities keep their names (南京).
    un = Story(id="t", headline="联合国安理会就苏丹局势举行紧急会议", body="")
    assert {c["iso2"] for c in locate(un, "zh").countries} == {"SD"}
    city = Story(id="t", headline="南京举行马拉松比赛", body="")
    assert {c["iso2"] for c in locate(city, "zh").countries} == {"CN"}


def test_a_chinese_name_is_found_in_simplified_and_traditional_spelling() -> None:
    # GeoNames lists Kyiv as 基輔 (traditional) only; the build adds 基辅 (OpenCC's tables), and the
    # traditional 印度尼西亞 (Indonesia) beside CLDR's 印尼 keeps India out of it.
    for headline in ("总统在基辅会见外宾", "總統在基輔會見外賓"):
        result = locate(Story(id="t", headline=headline, body=""), "zh")
        assert {c["iso2"] for c in result.countries} == {"UA"}, headline
    result = locate(Story(id="t", headline="印度尼西亞發生強烈地震", body=""), "zh")
    assert {c["iso2"] for c in result.countries} == {"ID"}


def test_a_city_name_inside_a_longer_transliterated_name_needs_support() -> None:
    # 尼斯 (Nice) inside 傑尼斯 (Denys), 梅洛 (Merlo) inside 梅洛尼 (Meloni): the characters around them
    # spell the same foreign name on. Standing alone the name is read (在尼斯, in Nice).
    for headline in ("傑尼斯在记者会上发言", "梅洛尼在记者会上发言"):
        assert locate(Story(id="t", headline=headline, body=""), "zh").countries == (), headline
    assert [c["iso2"] for c in locate(Story(id="t", headline="在尼斯发生袭击", body=""), "zh").countries] == ["FR"]


def test_korean_names_take_their_postpositions() -> None:
    # Korean writes postpositions on the noun and most country names have two syllables: 서울에서 "in
    # Seoul", 일본과 "and Japan", 러시아군이 "the Russian forces" (subject). A name running into other
    # syllables is another word: 인도네시아 (Indonesia) holds 인도 (India).
    cases = [
        ("미국 대통령이 서울에서 한국 대통령과 회담했다", {"US", "KR"}),
        ("일본과 중국은 베이징에서 외교 장관 회담을 열었다", {"JP", "CN"}),
        ("러시아군이 우크라이나 동부를 공격했다", {"RU", "UA"}),
        ("인도네시아에서 강진이 발생했다", {"ID"}),
    ]
    for headline, expected in cases:
        assert {c["iso2"] for c in locate(Story(id="t", headline=headline, body=""), "ko").countries} == expected, headline


def test_korean_place_names_that_are_common_words_need_support() -> None:
    # 위해 "for the sake of" is also a GeoNames name of Weihai (China); 수단 "means" is also Sudan.
    for headline in ("정부는 경제 회복을 위해 새로운 정책을 발표했다", "다양한 수단을 동원했다"):
        assert locate(Story(id="t", headline=headline, body=""), "ko").countries == (), headline
    sudan = Story(id="t", headline="수단 수도 하르툼에서 교전이 벌어졌다", body="")
    assert {c["iso2"] for c in locate(sudan, "ko").countries} == {"SD"}


def test_names_inside_thai_khmer_and_myanmar_runs_count_with_their_own_offsets() -> None:
    # These scripts, like Chinese, write a clause without spaces, and their vowel signs sit inside the
    # word: the tokeniser used to cut at every sign, so a name matched, if at all, as pieces of the
    # clause around it ("งปักกิ่งเพ" for ปักกิ่ง, Beijing) or not at all (ภนพญ was Phnom Penh's).
    cases = [
        ("th", "นายกรัฐมนตรีเดินทางไปกรุงปักกิ่งเพื่อพบผู้นำจีน", "และจะเยือนญี่ปุ่นในสัปดาห์หน้า", {"CN", "JP"}),
        ("th", "แผ่นดินไหวรุนแรงในตุรกีและซีเรีย", "มีผู้เสียชีวิตหลายพันคน", {"TR", "SY"}),
        ("km", "នាយករដ្ឋមន្ត្រីកម្ពុជាជួបប្រធានាធិបតីវៀតណាម", "នៅទីក្រុងភ្នំពេញ", {"KH", "VN"}),
        ("my", "ရန်ကုန်မြို့တွင် ငလျင်လှုပ်ခတ်", "ထိုင်းနိုင်ငံ၌လည်း ခံစားရသည်", {"MM", "TH"}),
    ]
    _assert_names_in_runs(cases)


def _mentions(text: str, lang: str) -> dict[str, list[tuple[str, str]]]:
    """Country -> (mention as written, its source) of a story that is only ``text``; offsets checked."""
    out: dict[str, list[tuple[str, str]]] = {}
    for c in locate(_story("", text), lang).countries:
        for m in c["mentions"]:  # type: ignore[attr-defined]
            assert text[m["start"] : m["end"]] == m["text"]
            out.setdefault(str(c["iso2"]), []).append((str(m["text"]), str(m["source"])))
    return out


def test_hebrew_names_written_behind_prefixes() -> None:
    # Hebrew glues "from", "in", "to", "and" to the noun: מלבנון "from Lebanon", בישראל "in Israel", לקהיר
    # "to Cairo". The mention is the whole token as written.
    found = _mentions("טילים נורו מלבנון אל הצפון. בישראל הוכרז מצב כוננות.", "he")
    assert found == {"LB": [("מלבנון", "text")], "IL": [("בישראל", "text")]}
    assert _mentions("השר טס אתמול לקהיר ומשם ללבנון", "he") == {"EG": [("לקהיר", "text")], "LB": [("ללבנון", "text")]}


def test_hebrew_prefix_doubles_a_names_initial_vav() -> None:
    # A name beginning with the consonant ו writes it twice behind a prefix: ורשה (Warsaw) -> מוורשה.
    assert _mentions("המשלחת חזרה מוורשה", "he") == {"PL": [("מוורשה", "text")]}
    assert _mentions("הנשיא נחת בוושינגטון", "he") == {"US": [("בוושינגטון", "metonym")]}


def test_hebrew_tokens_that_are_mostly_words_need_support() -> None:
    # שנים "years" is no ש + Nîmes, מליון "million" no מ + Lyon, לשלם "to pay" no ל + Salem (Jerusalem),
    # הירדן opening a sentence is the river. Two such words do not back each other (Nîmes and Lyon).
    for text in ("לפני שנים רבות גויס מליון שקל", "הוא נאלץ לשלם את החוב", "הירדן זורם דרומה"):
        assert locate(_story("", text), "he").countries == (), text
    # Another name of the same country backs one: Amman with Jordan.
    assert set(_mentions("השרים נפגשו בעמאן ובירדן", "he")) == {"JO"}


def test_hebrew_gentilic_adjectives_and_their_endings() -> None:
    # Derived from the country's Hebrew name (מצרים -> מצרי, רוסיה -> רוסי), with feminine and plural
    # endings and prefixes: מצרית, הישראלים, רוסיים.
    found = _mentions("משלחת מצרית נפגשה עם הישראלים ועם דיפלומטים רוסיים", "he")
    assert found == {"EG": [("מצרית", "demonym")], "IL": [("הישראלים", "demonym")], "RU": [("רוסיים", "demonym")]}


def test_yiddish_writes_no_hebrew_prefixes() -> None:
    # Yiddish, in Hebrew letters, writes its prepositions apart: a glued letter is the word's own.
    assert locate(_story("", "בישראל"), "yi").countries == ()
    assert {c["iso2"] for c in locate(_story("", "בישראל"), "he").countries} == {"IL"}


def test_russian_and_ukrainian_city_adjectives_name_the_citys_country() -> None:
    # Agency copy names a city by its adjective, in any case and gender: a weaker, demonym-like mention.
    found = _mentions("Берлинский суд вынес приговор. Московские власти объявили о мерах. Киевский режим.", "ru")
    assert found == {"DE": [("Берлинский", "demonym")], "RU": [("Московские", "demonym")], "UA": [("Киевский", "demonym")]}
    found = _mentions("В пекинском аэропорту задержан турист. Токийская биржа упала. Решение стамбульского суда.", "ru")
    assert found == {
        "CN": [("пекинском", "demonym")],
        "JP": [("Токийская", "demonym")],
        "TR": [("стамбульского", "demonym")],
    }
    assert _mentions("Київська влада та львівські депутати", "uk") == {"UA": [("Київська", "demonym"), ("львівські", "demonym")]}


def test_city_adjectives_with_another_everyday_sense_are_not_places() -> None:
    # русский (of Ruse), советский (of Soweto), братский (of Bratsk), римский, королевский (of Korolyov),
    # славянский (of Slovyansk): each mostly means something else; берлинский beside them is Berlin's.
    text = "Берлинский суд. Русский язык. Советский период. Братский народ. Римский папа. Королевский дворец. Славянский базар."
    assert _mentions(text, "ru") == {"DE": [("Берлинский", "demonym")]}


def test_a_city_adjective_after_a_name_is_an_epithet() -> None:
    # "Софія Київська", Saint Sophia of Kyiv: the adjective makes the name a person's, not Sofia beside Kyiv.
    assert set(_mentions("Богослужіння відбулося в Софії Київській", "uk")) == {"UA"}


def test_an_ambiguous_name_listed_beside_a_country_is_the_country() -> None:
    # "Georgia" is a country and a US state, "Jordan" a country and a given name: with no other support the
    # name was dropped, and "Russia and Georgia signed a deal" named Russia alone.
    cases = [
        ("en", "Russia and Georgia signed a transit deal.", {"RU", "GE"}),
        ("en", "Goods will travel via Azerbaijan, Georgia and Turkey to Europe.", {"AZ", "GE", "TR"}),
        ("en", "Egypt and Jordan condemned the raid.", {"EG", "JO"}),
        ("es", "Rusia y Georgia firmaron un acuerdo.", {"RU", "GE"}),
        # Listed beside a US state, or a city's address, Georgia stays the state.
        ("en", "Texas and Georgia sued the administration.", {"US"}),
        ("en", "Storms hit Atlanta, Georgia on Sunday.", {"US"}),
    ]
    for lang, body, expected in cases:
        assert _countries(locate(_story("", body), lang)) == expected, body
    # Not a list: a name beside a country in another role gets no support from it.
    assert _countries(locate(_story("", "Russia welcomed Jordan Peterson to Moscow."), "en")) == {"RU"}


def test_an_ambiguous_name_in_a_turkish_locative_after_an_apostrophe_is_a_place() -> None:
    # Written for #17 (tenth round): a Turkish NBA story's only place, "Miami'de", is a name that is also a
    # word elsewhere, and nothing backed it: the story had no country.
    story = _story("Takım galibiyet serisini sürdürdü", "Maçın ardından oyuncular Miami'de antrenman yaptı.")
    assert locate(story, "tr").focus_country == "US"
    # The same name in a team's name, with no case ending, still needs support.
    story = _story("Takım galibiyet serisini sürdürdü", "Maçın ardından oyuncular Miami Heat'i yendi.")
    assert locate(story, "tr").countries == ()


def test_a_place_inside_a_short_quotation_names_a_thing() -> None:
    # Written for #17 (tenth round): an Armenian museum story filed from Yerevan lost its focus to France,
    # named in the exhibition's title and once more in the body.
    head = "Museum opens a new exhibition"
    body = "YEREVAN. The Komitas museum opens the exhibition «Komitas and Paris», with letters from his years in France."
    assert locate(_story(head, body), "en").focus_country == "AM"
    # A longer quotation is speech, and a place in it weighs as anywhere else.
    quote = 'YEREVAN. The curator said "we will take these letters to Paris next spring" at the opening.'
    plain = "YEREVAN. The curator said we will take these letters to Paris next spring at the opening."
    assert (
        _scores(locate(_story(head, quote), "en")) == _scores(locate(_story(head, plain), "en")) == {"AM": 0.7143, "FR": 0.2857}
    )


def _scores(result: GeoResult) -> dict[str, object]:
    return {str(c["iso2"]): c["score"] for c in result.countries}


def test_a_headline_pair_that_agrees_is_the_story_of_both_though_filed_from_one_capital() -> None:
    # Written for #17 (tenth round): "Kyrgyzstan, Tajikistan sign border deal" filed from Bishkek had Kyrgyzstan
    # as its focus: the dateline put the runner-up below the pair ratio.
    body = "OSLO - Norway and Sweden agreed on Tuesday on fishing quotas for the coming year. The two governments will meet again in the spring."
    signed = locate(_story("Norway and Sweden sign fishing deal", body), "en")
    assert (signed.focus_country, signed.focus_region) == (None, "northern-europe")
    # A pair that does not agree keeps the closer ratio: the side filing the story leads.
    blamed = locate(_story("Norway and Sweden trade blame over fishing quotas", body), "en")
    assert blamed.focus_country == "NO"
    # Agreement words in other languages: a Ukrainian verb, inflected.
    uk_body = "ВАРШАВА. Уряди України та Польщі погодили план. Сторони домовилися про механізм контролю."
    assert locate(_story("Україна та Польща домовилися про кордон", uk_body), "uk").focus_country is None
    assert locate(_story("Україна та Польща сперечаються про кордон", uk_body), "uk").focus_country == "PL"


def test_a_place_alone_before_a_headline_colon_is_the_topic() -> None:
    # Written for #17 (tenth round): "Haut-Karabakh : l'exode des Arméniens s'accélère" went to Armenia, named
    # more often in the body than the topic the headline opens with.
    body = "Tens of thousands of Armenians kept arriving in Armenia on Thursday after the offensive launched by Azerbaijan."
    assert locate(_story("Karabakh: the exodus of Armenians speeds up", body), "en").focus_country == "AZ"
    # A name that only opens a longer label before the colon is no topic alone.
    assert locate(_story("Karabakh exodus speeds up: Armenians keep arriving", body), "en").focus_country == "AM"


def test_short_quotations_are_found_between_any_marks_on_one_line() -> None:
    text = 'Die Ausstellung „Kunst aus Baku“ und «Tbilissi» - he said "a sentence that runs on for longer than that".'
    assert [text[a:b] for a, b in _short_quotations(text)] == ["Kunst aus Baku", "Tbilissi"]
    assert _short_quotations('a "split\nline" here') == []


def test_people_counted_by_nationality_weigh_less_than_the_adjective() -> None:
    # Written for #17 (tenth round): "Police in Serbia arrest three Australians ... smuggling of cocaine into
    # Sydney" went to Australia.
    assert _focus("Police in Peru detain four Canadians for smuggling gold into Toronto.") == "PE"
    # Without a count the demonym weighs as before.
    assert _focus("Police in Peru detain Canadian smugglers of gold bound for Toronto.") == "CA"


def test_a_seat_of_government_outside_a_locative_speaks_as_a_capital_does() -> None:
    # Written for #17 (tenth round): "The Pentagon reports it has begun withdrawing U.S. troops from Syria" went to
    # the United States: a seat of government weighed as a full metonym, more than a capital speaking.
    assert _focus("The Pentagon reports that U.S. troops have begun leaving Syria.") == "SY"
    # Other metonyms (a legislature, an agency) keep their weight: the Knesset votes as Israel would.
    assert _scores(locate(_story("", "The Knesset votes on a law about Lebanon."), "en")) == {"LB": 0.5556, "IL": 0.4444}


def test_an_article_after_the_conjunction_keeps_a_headline_pair() -> None:
    # Written for #17 (tenth round): "la Géorgie et l'Azerbaïdjan signent ..." was no pair: "l'" stood between.
    head = "La Norvège et la Suède trouvent un compromis sur la pêche"
    body = "La Norvège et la Suède ont trouvé mardi un compromis sur les quotas de pêche."
    assert locate(_story(head, body), "fr").focus_country is None
    # An article alone joins nothing: the tie goes to the first named, as before.
    assert locate(_story("La Norvège la Suède : un compromis sur la pêche", body), "fr").focus_country == "NO"


def test_a_host_filing_the_story_does_not_split_a_headline_pair_that_agrees() -> None:
    # Written for #17 (tenth round): "BUCAREST - ... la Géorgie et l'Azerbaïdjan signent ..." had Romania, the
    # host, between the two signatories, and Georgia as its focus.
    head = "Norway and Sweden sign a power cable deal"
    body = (
        "BRUSSELS - Norway and Sweden signed a deal on Tuesday for a power cable, and Norwegian engineers will lead"
        " the work.\n\nThe signing took place in Belgium at the request of both governments."
    )
    assert locate(_story(head, body), "en").focus_country is None
    # Without words of agreement the pair's closer ratio holds, and the leader keeps the focus.
    assert locate(_story("Norway and Sweden argue over a power cable", body), "en").focus_country == "NO"


def test_a_headline_pair_that_restores_ties_is_the_story_of_both() -> None:
    # Written for #17 (tenth round): "إيران والسعودية تعيدان فتح سفارتيهما" (Iran and Saudi Arabia reopen their
    # embassies), filed from Tehran, went to Iran.
    body = "OSLO - Norway and Sweden named ambassadors on Tuesday after three years without them. Both will open offices."
    result = locate(_story("Norway and Sweden restore diplomatic ties", body), "en")
    assert (result.focus_country, result.focus_region) == (None, "northern-europe")


def test_a_thai_name_cut_out_of_a_longer_word_needs_support() -> None:
    # Thai writes a clause without spaces, so a name can be found inside another word: ลาว (Laos) in ฟอร์มูลาวัน
    # (Formula One: its ว starts the syllable วัน), วัฒนา (a Bangkok district) in วิวัฒนาการ (evolution).
    assert _countries(locate(_story("", "นักแข่งชาวดัตช์ชนะฟอร์มูลาวันชิงแชมป์โลก"), "th")) == set()
    assert _countries(locate(_story("", "รางวัลโนเบลสาขาพันธุศาสตร์วิวัฒนาการมนุษย์"), "th")) == set()
    # Names that stand between words keep their reading, and a city after a locative or a place word counts.
    cases = [
        ("th", "", "ผู้นำลาวและกัมพูชาพบกันที่เวียงจันทน์", {"LA", "KH"}),
        ("th", "", "นักท่องเที่ยวเดินทางไปเชียงใหม่ช่วงปีใหม่", {"TH"}),
    ]
    _assert_names_in_runs(cases)


def test_persian_continents_and_the_word_for_financial_name_no_country() -> None:
    # Persian writes the Americas with the ezafe on آمریکا ("آمریکای جنوبی", South America), which read as the
    # United States; مالی is "financial" as well as Mali ("فساد مالی", financial corruption).
    assert _countries(locate(_story("", "توفان در سراسر آمریکای جنوبی و مرکزی ده‌ها کشته برجای گذاشت."), "fa")) == set()
    assert _countries(locate(_story("", "رسوایی فساد مالی در پارلمان اروپا به قطر رسید."), "fa")) == {"QA"}
    # Mali with support (its capital) still counts.
    assert "ML" in _countries(locate(_story("", "رئیس جمهور فرانسه به مالی سفر کرد و در باماکو سخنرانی کرد."), "fa"))


def test_mindanao_is_the_philippines_and_its_chinese_name_no_indonesian_city() -> None:
    # 棉兰老 (Mindanao) holds 棉兰 (Medan, Indonesia): a storm on Mindanao named Indonesia.
    cases = [
        ("zh", "强烈热带风暴袭击菲律宾棉兰老岛", "造成至少一百人死亡。", {"PH"}),
        ("en", "", "Floods and landslides hit Mindanao island.", {"PH"}),
        ("ru", "", "Наводнение на Минданао унесло жизни десятков человек.", {"PH"}),
    ]
    _assert_names_in_runs(cases)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Nationality nouns in their cases name the country, as a demonym (Nobel blurbs, ITN).
        ("Француз Ален Аспе, американец Джон Клаузер и австриец Антон Цайлингер удостоены премии.", "ru", {"FR", "US", "AT"}),
        (
            "Премия присуждена американцам Каролин Бертоцци и Барри Шарплессу, а также датчанину Мортену Мельдалю.",
            "ru",
            {"US", "DK"},
        ),
        ("В Тегеране задержали двух французов и британца.", "ru", {"IR", "FR", "GB"}),
        ("Двоє американців загинули, повідомили українці.", "uk", {"US", "UA"}),
        # Capitalised with a surname's ending, even opening a sentence, it is a person: no Poland.
        ("Сергей Поляков заявил, что переговоры продолжатся.", "ru", set()),
        ("Поляков заявил журналистам, что Кузнецов уехал.", "ru", set()),
        # Mongolian names Sweden and Czechia Швед and Чех: in Russian they are nouns, and these are surnames.
        ("Пьесы Чехова ставил режиссёр Шведов.", "ru", set()),
        ("В Праге чехи и шведы сыграли вничью.", "ru", {"CZ", "SE"}),
        ("Поляки вышли на протест.", "ru", {"PL"}),
    ],
)
def test_russian_and_ukrainian_nationality_nouns(text: str, lang: str, expected: set[str]) -> None:
    assert _countries(locate(_story("", text), lang)) == expected
    assert all(
        m["source"] == "demonym"
        for c in locate(_story("", text), lang).countries
        for m in c["mentions"]
        if m["text"][0].islower()
    )


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A Cyrillic place name that is a common first name (Владимир, Vladimir the city) needs support, as
        # Jordan or Victoria do in Latin script: Zelensky's first name alone names no Russian city.
        ("Володимир заявив, що переговори тривають.", "uk", set()),
        ("Владимир сказал журналистам, что переговоры продолжатся.", "ru", set()),
        ("Во Владимире прошёл митинг.", "ru", {"RU"}),
        ("У Софії відбувся саміт.", "uk", {"BG"}),
        # Shevchenko, the poet and a common surname, is also the Soviet name of Aktau: it names nothing.
        ("Шевченко написав вірш.", "uk", set()),
        ("Премія імені Шевченка в Актау.", "uk", {"KZ"}),
        # Frequent words that open sentences (curated ``words:``): no Togo, Rivne or Mali; with a locative they are.
        ("Того же мнения придерживается министр.", "ru", set()),
        ("Ровно в полдень начался митинг.", "ru", set()),
        ("Малі діти гралися.", "uk", set()),
        ("В Того прошли выборы.", "ru", {"TG"}),
        ("В Ровно прошёл митинг.", "ru", {"UA"}),
    ],
)
def test_cyrillic_place_names_that_are_first_names_need_support(text: str, lang: str, expected: set[str]) -> None:
    assert _countries(locate(_story("", text), lang)) == expected


def test_latin_and_cyrillic_forms_match_only_where_a_token_starts() -> None:
    from stream.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    found = {key for _end, (key, _family, _entries) in gaz.automaton.iter(" woman in oman рим жрима")}
    assert "oman" in found and "рим" in found
    assert sum(key == "oman" for _e, (key, _f, _n) in gaz.automaton.iter(" woman")) == 0
    assert gaz.lookup("oman") and gaz.lookup("рим")  # exact lookups see the stored form without its space
    assert locate(Story(id="w", headline="", body="A woman in Oman."), "en").focus_country == "OM"


def test_a_country_after_its_own_city_does_not_decide_the_focus() -> None:
    # Written for #17 (tenth round, branch focus5): "Romania is expelled from ... Eurovision Song Contest in
    # Stockholm, Sweden" went to Sweden, named twice for one place.
    body = "Romania is expelled from this year's song contest in Stockholm, Sweden, after the Romanian broadcaster failed to pay."
    result = locate(_story("", body), "en")
    assert result.focus_country == "RO"
    shares = {c["iso2"]: c for c in result.countries}
    assert shares["SE"]["score"] > shares["RO"]["score"]  # the address keeps its share and relevance
    assert shares["SE"]["relevant"]
    # The end of a longer chain is no mere address: it settles the chain's reading.
    assert _focus("Players are told to surrender to the police in London, Ontario, Canada.") == "CA"


def test_a_demonym_or_metonym_after_its_countrys_possessive_does_not_decide_the_focus() -> None:
    # Written for #17 (tenth round, branch focus5): "Bolivia signs a deal with Russia's Russian Direct Investment
    # Fund" and "... the streets of Hong Kong ... passed by China's National People's Congress" named one state twice.
    result = locate(_story("", "Bolivia signs a deal with Russia's Russian Direct Investment Fund to buy vaccines."), "en")
    assert result.focus_country == "BO"
    shares = {c["iso2"]: c["score"] for c in result.countries}
    assert shares["RU"] > shares["BO"]  # the shares keep the demonym's weight
    # Not after the possessive, the demonym is a second mention.
    assert _focus("Bolivia signs a deal with Russia and the Russian Direct Investment Fund to buy vaccines.") == "RU"


def test_a_german_noun_named_like_a_foreign_city_needs_support_in_german() -> None:
    # German capitalises every noun: "Derby" (a local football derby; a real dpa story's headline
    # "Faktencheck Derby-Elfmeter") was read as the English city, and took the focus from Dortmund.
    derby = "Der Trainer regte sich nach dem Derby über den Handelfmeter auf. Das Derby endete 2:4."
    assert _countries(locate(_story("Derby-Elfmeter: Hat der Schiedsrichter recht?", derby), "de")) == set()
    ruhr = locate(_story("Das Derby", "Das Derby zwischen Schalke und Dortmund in Gelsenkirchen endete 2:4."), "de")
    assert _countries(ruhr) == {"DE"}
    # With support (a locative) the city stays: "in Derby".
    assert _countries(locate(_story("Festnahmen in Derby", "Die Polizei in Derby nahm zwei Männer fest."), "de")) == {"GB"}
    # German cities named like German words keep their own handling: "in Essen", "in Halle".
    essen = locate(_story("Großbrand in Essen", "In Essen brannte in der Nacht eine Lagerhalle."), "de")
    assert (_countries(essen), essen.focus_country) == ({"DE"}, "DE")
    halle = locate(_story("Hochwasser in Halle", "In Halle stieg die Saale über die Ufer."), "de")
    assert (_countries(halle), halle.focus_country) == ({"DE"}, "DE")


def test_a_generic_subdivision_after_a_countrys_possessive_is_that_countrys() -> None:
    # Written for #17 (fourteenth round, branch focus7): "an attack on a Shia mosque in Saudi Arabia's Eastern
    # Province" also named Sri Lanka, whose Eastern Province is the gazetteer's only one of that name.
    body = "Gunmen attack a mosque in Saudi Arabia's Eastern Province, killing three worshippers."
    assert _countries(locate(_story("", body), "en")) == {"SA"}
    assert _countries(locate(_story("", "Floods hit Zambia's Eastern Province after days of rain."), "en")) == {"ZM"}
    # Without the possessive the name keeps its reading, and a proper name keeps it after one.
    assert "LK" in _countries(locate(_story("", "Floods hit the Eastern Province after days of rain."), "en"))
    kursk = locate(_story("", "Ukraine's Kursk incursion enters its second month, officials in Kyiv say."), "en")
    assert "RU" in _countries(kursk)


def test_an_ambiguous_country_name_owning_an_organ_of_a_state_is_the_country() -> None:
    # Written for #17 (fourteenth round, branch focus7): "Jordan's air force intercepts four missiles and one drone
    # launched from Iran" named Iran alone; Jordan, a first name too, had no support beside another country.
    result = locate(_story("", "Jordan's air force shoots down two drones launched from Iran overnight."), "en")
    assert _countries(result) == {"IR", "JO"}
    assert result.focus_country == "JO"
    assert "TD" in _countries(locate(_story("", "Chad's government expels the ambassador of France."), "en"))
    # A person's possessive before anything else is no country.
    assert _countries(locate(_story("", "Jordan's late goal beat Spain in the friendly."), "en")) == {"ES"}


def test_a_central_bank_named_after_its_state_counts_when_no_place_is_named() -> None:
    # Written for #17 (fourteenth round, branch focus7): "The Reserve Bank of Australia slashes its official cash
    # rate ..." named no country: a place inside an organisation's name counted only beside another mention.
    result = locate(_story("", "The Central Bank of Nigeria raises its benchmark rate by half a point."), "en")
    assert (_countries(result), result.focus_country) == ({"NG"}, "NG")
    # A bank named after a place that is no state's central bank stays a company's name.
    assert _countries(locate(_story("", "Bank of Cyprus reports a rise in quarterly profit."), "en")) == set()


def test_a_city_in_a_sports_clubs_name_is_its_home_not_a_surname() -> None:
    # Written for #17 (fifteenth round, branch focus8): "FC Dinamo București will be relegated ..." named no country:
    # the city after a capitalised word read as a surname ("Dinamo" a first name).
    for body, iso in [
        ("FC Rapid București sacks its coach after a third straight defeat.", "RO"),
        ("FK Crvena Zvezda Beograd win the league title on the last day.", "RS"),
        ("FC Sheriff Tiraspol knock out the champions on away goals.", "MD"),
    ]:
        result = locate(_story("", body), "en")
        assert (_countries(result), result.focus_country) == ({iso}, iso), body
    # The club's home weighs as a thing named after a place: the scene named in the story leads.
    result = locate(_story("", "FC Bayern München sign a striker in a deal agreed in Doha."), "en")
    assert result.focus_country == "QA"
    # The mark in lower case or a word that is none leaves the name as it was: a person's.
    assert _countries(locate(_story("", "Fans of Ionuț București and Rapid clash before the match."), "en")) == set()
    # A club's own word before its home is a club without the mark (stop 49): "Dinamo București" is Bucharest's.
    assert _countries(locate(_story("", "Fans of Dinamo București and Rapid clash before the match."), "en")) == {"RO"}


def test_a_name_beside_a_governors_title_is_the_subdivision_it_governs() -> None:
    # Written for #17 (fifteenth round, branch focus8): "The Corruption Eradication Commission arrests Governor of
    # Papua Lukas Enembe ..." named Papua New Guinea; a state has no governor, Indonesia's Papua province has.
    for body in [
        "Anti-graft investigators question the Governor of Papua over a stadium contract.",
        "Papua Governor Lukas Enembe misses a hearing, citing illness.",
    ]:
        result = locate(_story("", body), "en")
        assert (_countries(result), result.focus_country) == ({"ID"}, "ID"), body
    # Without the title the short name stays the country's; a territory with its own code keeps it.
    assert _countries(locate(_story("", "Floods in Papua leave thousands homeless."), "en")) == {"PG"}
    assert _countries(locate(_story("", "The Governor of Puerto Rico declares an emergency."), "en")) == {"PR"}
    assert _countries(locate(_story("", "The Governor of Sint Maarten swears in a new cabinet."), "en")) == {"SX"}


@pytest.mark.parametrize(
    "body",
    [
        # A premier's province: Ontario, not Ontario, California (a name two countries' places bear needs support).
        "Ontario Premier Doug Ford said the plan would go ahead.",
        "Ontario's premier said no to the pipeline.",
        "The premier of Ontario called an early election.",
        # A region of a province: "northern Ontario", not a part of the Californian town.
        "Wildfires spread across northern Ontario on Sunday.",
        "Southwestern Ontario farmers lost their crops to hail.",
    ],
)
def test_a_premiers_province_and_its_regions(body: str) -> None:
    assert _countries(locate(_story("", body), "en")) == {"CA"}


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # Australia's Victoria, which the Seychelles' capital's name had kept out of the English gazetteer.
        ("The Premier of Victoria, Daniel Andrews, resigned on Wednesday.", {"AU"}),
        ("Victoria Police arrested two men in Melbourne.", {"AU"}),
        ("Fires burned across northern Victoria.", {"AU"}),
        # The other Victorias keep their support.
        ("Ferries to Victoria, British Columbia, were cancelled.", {"CA"}),
        ("She flew to Victoria, the capital of Seychelles.", {"SC"}),
    ],
)
def test_victoria_the_australian_state(body: str, countries: set[str]) -> None:
    assert _countries(locate(_story("", body), "en")) == countries


def test_a_premier_of_a_country_and_a_region_of_a_country_stay_as_they_were() -> None:
    assert _countries(locate(_story("", "Chinese Premier Li Keqiang met the premier of Queensland."), "en")) == {"CN", "AU"}
    # A name of a country and a state keeps needing support: "southern Georgia" is either, and so is "Georgia's
    # premier" (the country's prime minister as often).
    assert _countries(locate(_story("", "Storms hit southern Georgia."), "en")) == set()
    assert _countries(locate(_story("", "Georgia's premier resigned on Monday."), "en")) == set()


def test_a_city_that_outnumbers_a_territory_of_its_name_shares_the_name() -> None:
    # Written for this test. Norfolk, Virginia (238,000 people) is no Norfolk Island (1,800): the form needs support,
    # which the state after it gives; the island's full name is still the island.
    from stream.places.geotag import locate
    from stream.story import Story

    city = locate(Story(id="n", headline="", body="Tides in Norfolk, Virginia, ran high on Sunday."), "en")
    assert [str(c["iso2"]) for c in city.countries] == ["US"]
    island = locate(Story(id="i", headline="", body="A cyclone passed close to Norfolk Island on Sunday."), "en")
    assert island.focus_country == "NF"


def test_a_country_only_the_provider_names_is_no_focus_against_the_text() -> None:
    # The provider tags a background country; the text names where the story happens.
    story = _story("Rescue teams reach stranded villagers", "The water was receding.\n\nOfficials in Chennai said so.")
    result = locate(_story(story.headline, story.body, places=(ProviderPlace("Ukraine", "UA"),)), "en")
    assert _countries(result) == {"IN", "UA"}
    assert result.focus_country == "IN"
    assert (
        locate(_story(story.headline, "The water was receding.", places=(ProviderPlace("Ukraine", "UA"),)), "en").focus_country
        == "UA"
    )


def test_a_provider_place_leaves_the_leaders_rule_to_the_text() -> None:
    # "A story that names no place" is about the text: a provider's place is metadata.
    story = _story("", "President Emmanuel Macron said the talks were over.", places=(ProviderPlace("Ukraine", "UA"),))
    result = locate(story, "en")
    assert _countries(result) == {"FR", "UA"}
    assert result.focus_country == "FR"


def test_a_continent_s_english_adjective_is_no_american() -> None:
    # "Latin American", "North American" shadow the demonym inside them, as the continents' names shadow "America".
    result = locate(_story("Cardinal ends his Latin American tour in Chile", "He flew home from Santiago."), "en")
    assert _countries(result) == {"CL"}
    assert _countries(locate(_story("", "North Americans and Latin Americans disagreed."), "en")) == set()
    assert _countries(locate(_story("", "An American tourist was hurt."), "en")) == {"US"}


def test_a_first_name_that_only_an_unread_language_gives_a_country_needs_support() -> None:
    # "Jaana" is Ghana only in Colognian (CLDR) and a Finnish first name: an athletics result names a person.
    result = locate(_story("", "Naisten ammunta: 1) Jaana Virtanen 612, 2) Liisa Koski 610."), "fi")
    assert "GH" not in _countries(result)
    assert "GH" in _countries(locate(_story("", "Ghana voitti ottelun."), "fi"))


def test_a_frequent_word_opening_a_sentence_is_no_town_on_another_name_s_support() -> None:
    # "Can" is also an English name of Caen: opening the headline it is the verb, and Paris named later backs nothing.
    story = _story("Can carbon markets slow the warming?", "Negotiators met in Paris last year.\n\nThey will meet again.")
    result = locate(story, "en")
    assert [m["text"] for m in _forms_of(result, "FR")] == ["Paris"]  # type: ignore[index]


def test_nsw_is_new_south_wales() -> None:
    # Australian copy names the state by its abbreviation, in capitals only.
    result = locate(_story("Fire crews battle blazes across NSW", "Residents were told to leave."), "en")
    assert (_countries(result), result.focus_country) == ({"AU"}, "AU")
    assert _countries(locate(_story("", "He typed nsw by mistake."), "en")) == set()


def test_a_club_and_a_park_named_like_city_alternates_are_no_places() -> None:
    # GeoNames lists "Mets" for Metz and "Zion" for Jerusalem; news means the baseball club and the national park.
    assert _countries(locate(_story("", "The N.Y. Mets beat Atlanta 5-3 in Georgia."), "en")) == {"US"}
    assert _countries(locate(_story("", "Visitors to Zion and Bryce Canyon in Utah rose."), "en")) == {"US"}


def test_a_headline_country_leads_when_the_dateline_alone_is_set_aside() -> None:
    # Filed from one capital about the neighbour the headline names: the dateline's country is no focus, the
    # headline's is when it leads the rest of the text clearly.
    body = "AMMAN, June 4 - The president said outside powers backing rebels would pay.\n\nHe named Iran and Turkey."
    result = locate(_story("Iraq's leader warns foreign backers of militants", body), "en")
    assert result.focus_country == "IQ"
    body2 = "GENEVA, June 4 - Measles cases rose in Chad, Niger, Mali and Sudan, the agency said."
    assert locate(_story("Measles cases climb, agency warns", body2), "en").focus_country is None


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A name before the unit noun is the unit's; the country after "of" is its parent and counts.
        ("Shelling hit the Donetsk region of Ukraine on Monday.", {"UA"}),
        ("Fighting resumed in the Tigray region of Ethiopia.", {"ET"}),
        ("Boko Haram attacked a village in the Far North region of Cameroon.", {"CM"}),
        ("Voters queued in North West province of South Africa.", {"ZA"}),
        # A division's name made of compass words before another name only qualifies it.
        ("Youth crime rose in Far North Queensland, police said.", {"AU"}),
        ("The North East Texas water planning group met on Monday.", {"US"}),
        # ... and alone it is a phrase, no division, unless something backs it.
        ("It always hits the West Coast first, the forecaster said.", set()),
        ("Fighting in Cameroon's Far North killed five soldiers.", {"CM"}),
    ],
)
def test_unit_of_country_and_compass_phrases(body: str, countries: set[str]) -> None:
    assert _countries(locate(_story("", body), "en")) == countries


def test_province_of_a_name_read_as_a_country_is_the_province() -> None:
    assert _countries(locate(_story("", "The Province of Equateur voted on Sunday."), "en")) == {"CD"}


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A city's alternate name that is another country's town's own name: no country from it alone.
        ("Two people were poisoned with a nerve agent in Salisbury, officials in London said.", {"GB"}),  # not Harare
        ("The Masters golf tournament opened in Augusta on Thursday.", set()),  # not Augsburg
        ("Fog closed the airport in Monterey on Friday.", set()),  # not Monterrey
        ("Christmas Mass was held in Bethlehem on Tuesday.", {"PS"}),  # not Belém: the town itself (curated)
        # With its country named, the reading stands.
        ("Mother Teresa worked among the poor of Calcutta, India.", {"IN"}),
        ("Pilgrims travelled from Mecca to Medina.", {"SA"}),
    ],
)
def test_an_alternate_name_of_another_countrys_town(body: str, countries: set[str]) -> None:
    assert _countries(locate(_story("", body), "en")) == countries


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A country's name that is a frequent English word, capitalised inside a body sentence, is the country.
        ("On Wednesday, the ceasefire brokered by Turkey with Russia for eastern Aleppo collapsed.", {"TR", "RU", "SY"}),
        # Not where a capitalised neighbour makes a longer name, nor where the form is also a city.
        ("He ordered the Wild Turkey bourbon at the bar.", set()),
        ("She studied at Columbia before joining the bank.", set()),
    ],
)
def test_a_country_name_that_is_a_word_capitalised_mid_sentence(body: str, countries: set[str]) -> None:
    assert _countries(locate(_story("", body), "en")) == countries


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A street or an immigrants' quarter named after a place is no mention of it.
        ("Officers were called to a banquet hall on Falcon Street in London, Ontario.", {"CA"}),
        ("Crowds gathered on Pennsylvania Avenue outside the White House.", {"US"}),
        ("They spent the evening at a home in Little Portugal, Toronto.", {"CA"}),
        # A square too: Kyiv's Independence Square is no town of Missouri.
        ("Protesters gathered on Independence Square in Kyiv on Sunday.", {"UA"}),
        # One capitalised word between the name and the street noun.
        ("A blaze damaged a home at 9025 Indian Lake Road in Ohio.", {"US"}),
        # "St." or "Saint" before a name makes another place or a church of it; a saint's place the gazetteer
        # knows whole stays ("St. Petersburg" is Russia's, as "Saint Petersburg" is).
        ("ST. PARIS - Mourners filled the gym of the Ohio school on Monday.", {"US"}),
        ("The delegation flew on to St. Petersburg after the talks.", {"RU"}),
        # A state's agency keeps its state: "Highway Patrol" is no street.
        ("The Florida Highway Patrol closed the road.", {"US"}),
        ("Little Rock police said the suspect fled.", {"US"}),
    ],
)
def test_streets_and_quarters_named_after_places(body: str, countries: set[str]) -> None:
    assert _countries(locate(_story("", body), "en")) == countries


@pytest.mark.parametrize(
    ("headline", "body", "lang", "countries"),
    [
        # Short country names only languages wirewatch does not read write, which are words of one it reads:
        # Wolof's "End" (India), Kabyle's "Laws" (Laos), Breton's "Suis" (Switzerland).
        ("The End Of An Era For Apple", "Apple said on Monday its chief executive would step down.", "en", set()),
        ("New Laws Take Effect In Ohio", "Several state measures took effect on Monday.", "en", {"US"}),
        ("", "Je suis Charlie, a dit le maire de Paris.", "fr", {"FR"}),
        # An acronym stays: "USA" (Danish, Swedish) is no word.
        ("", "The USA and Canada signed the pact.", "en", {"US", "CA"}),
    ],
)
def test_short_country_names_of_unread_languages_that_are_words(headline: str, body: str, lang: str, countries: set[str]) -> None:
    assert _countries(locate(_story(headline, body), lang)) == countries


def test_a_frequent_word_opening_a_quoted_sentence_is_no_place_beside_a_trigger() -> None:
    body = 'The chief called for more help for the city\'s addicts. "Can you imagine nine people dying?" he said.'
    assert _countries(locate(_story("", body), "en")) == set()  # "Can" is no Caen
    assert _countries(locate(_story("", "Officials said Can was hit by floods."), "en")) == {"FR"}


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A city's English alternate that is a very frequent English word needs support, even where English is
        # one of the country's languages: "Drug" (Durg, India), "Soul" (Seoul), "Basic" (Henderson, Nevada).
        ("Drug abuse in Canada claimed thousands of lives last year.", {"CA"}),
        ("Soul music fans gathered in Chicago on Saturday.", {"US"}),
        # A primary name that is an English word, where English is not the country's first language: Commonwealth
        # (the Philippines).
        ("The Gambia is to rejoin the Commonwealth of Nations after talks in Banjul.", {"GM"}),
    ],
)
def test_english_alternates_that_are_frequent_words(body: str, countries: set[str]) -> None:
    assert _countries(locate(_story("", body), "en")) == countries


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A short word in capitals is an acronym: "MERS" is no Moers (Germany), "(D-OR)" no Győr (Hungary).
        ("Hospitals affected by the MERS outbreak will get aid, South Korea announces.", {"KR"}),
        ("Police say the man broke into the office of Senator Jeff Merkley (D-OR) in Washington.", {"US"}),
        # A country's acronym stays.
        ("Talks between the USA and Canada resumed on Monday.", {"US", "CA"}),
        # In English, a town's name after a particle ends a longer foreign name: "Castanheira de Pera" is no Pera
        # (Adıyaman, Turkey), while "Banco de México" names Mexico's bank.
        ("Victims were trapped on the road to Castanheira de Pera in central Portugal.", {"PT"}),
        # A region's too: the Gulf Clan is no Gulf province of Papua New Guinea.
        ("Colombian police seized cocaine from the Clan del Golfo on Monday.", {"CO"}),
        ("The Banco de México raised its rate on Thursday.", {"MX"}),
    ],
)
def test_acronyms_and_longer_foreign_names(body: str, countries: set[str]) -> None:
    assert _countries(locate(_story("", body), "en")) == countries


def test_a_company_named_like_its_home_town_is_no_place() -> None:
    # "Toyota" and "Hitachi" (organisations.yaml) are the companies: a weak Japan signal beside a named Japan only.
    assert _countries(locate(_story("", "The Toyota failed to yield and struck a pickup truck, police said."), "en")) == set()
    assert _countries(locate(_story("", "Hitachi said its profit rose, sending shares in Japan higher."), "en")) == {"JP"}
    # Facebook's parent company, not Colombia's Meta department.
    assert _countries(locate(_story("", "Indonesia issued a stern warning to Meta over online gambling."), "en")) == {"ID"}


@pytest.mark.parametrize(
    "body",
    [
        "Guinea pigs were used in the laboratory tests, the report said.",
        "He ordered French fries and a shake.",
        "The German shepherd was trained by police.",
        "Brussels sprouts are in season.",
    ],
)
def test_a_thing_named_after_a_place_or_its_people_is_no_mention(body: str) -> None:
    assert _countries(locate(_story("", body), "en")) == set()


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # Unity, a state of South Sudan, in the names of Libya's and Myanmar's governments and of parties.
        ("The Government of National Unity in Tripoli said the vote would be delayed.", {"LY"}),
        ("Myanmar's National Unity Government called for sanctions.", {"MM"}),
        ("Members of the Unity Party met on Sunday.", set()),
        # The state itself, and a town before a day's name (Independence, Missouri).
        ("Fighting in Unity killed ten, officials in Juba said.", {"SS"}),
        ("Texas Independence Day is celebrated in Austin.", {"US"}),
    ],
)
def test_a_region_s_name_in_a_body_s_name_is_no_place(body: str, countries: set[str]) -> None:
    assert _countries(locate(_story("", body), "en")) == countries


def test_a_facility_named_after_a_person_whose_first_name_is_a_place_s_is_no_place() -> None:
    # "Ben" is a GeoNames name of Bern and a common first name: Ben Gurion Airport is named after a person.
    assert _countries(locate(_story("", "Passengers at Ben Gurion Airport waited for hours."), "en")) == set()
    # A sure place's name opens its facility's.
    assert _countries(locate(_story("", "Flights to Tehran Imam Khomeini International Airport resumed."), "en")) == {"IR"}


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # Named after a place or its people, no place: Molotov was Perm's name; Anglo American is a miner.
        ("Rioters threw Molotov cocktails at a police station in Cincinnati.", {"US"}),
        ("Furnaces at projects owned by miners Anglo American and Vale in Brazil.", {"BR"}),
    ],
)
def test_things_named_after_places(body: str, countries: set[str]) -> None:
    assert _countries(locate(_story("", body), "en")) == countries


@pytest.mark.parametrize(
    ("lang", "body", "country"),
    [
        # Towns under the city floor and regions that international news is about (curated): each had found nothing,
        # or another place ("Venice" an alternate name of Dayton, Ohio; "Bethlehem" of Belém, Brazil).
        ("en", "Floods hit Venice on Sunday.", "IT"),
        ("en", "Pilgrims gathered in Bethlehem for Christmas.", "PS"),
        ("en", "Mourners marked the anniversary of the massacre in Srebrenica.", "BA"),
        ("en", "Radiation levels near Chernobyl rose.", "UA"),
        ("de", "Die Strahlung in Tschernobyl stieg.", "UA"),
        ("en", "Fighting in Tigray displaced thousands.", "ET"),
        ("en", "Allied troops landed in Normandy.", "FR"),
        ("fr", "Des orages ont frappé la Normandie.", "FR"),
        ("en", "Leaders met in Davos this week.", "CH"),
    ],
)
def test_famous_small_places_name_their_country(lang: str, body: str, country: str) -> None:
    assert _countries(locate(_story("", body), lang)) == {country}


@pytest.mark.parametrize(
    ("lang", "body", "country"),
    [
        # A capital's name in the languages CLDR gives it for is no word of theirs, however often their news writes it:
        # wordfreq counts Spanish "Londres" and Italian "Roma" because news names the cities so.
        ("es", "Los ministros viajaron a Londres el martes.", "GB"),
        ("es", "La delegación llegó ayer a París.", "FR"),
        ("it", "Il presidente è tornato a Roma ieri sera.", "IT"),
        ("de", "Die Delegation reiste nach Moskau.", "RU"),
        # The Czech Republic's long name, which CLDR replaced with the short one.
        ("es", "Rumanía, Hungría y la República Checa firmaron el acuerdo.", "CZ"),
    ],
)
def test_a_capitals_name_in_its_languages_is_no_word(lang: str, body: str, country: str) -> None:
    assert country in _countries(locate(_story("", body), lang))


@pytest.mark.parametrize(
    ("lang", "body", "country"),
    [
        # Regions and islands the ISO 3166-2 catalogues give only in their own language, or not at all (curated).
        ("en", "Floods hit Bavaria on Monday.", "DE"),
        ("en", "Tourists returned to Majorca this summer.", "ES"),
        ("en", "The regional government of Catalonia called a vote.", "ES"),
        ("fr", "Les incendies ravagent la Sicile.", "IT"),
        ("de", "Ein Erdbeben erschütterte Kreta.", "GR"),
        ("ru", "Морозы в Сибири усилились.", "RU"),
        ("en", "Wildfires spread across Provence.", "FR"),
    ],
)
def test_regions_by_their_news_names(lang: str, body: str, country: str) -> None:
    assert _countries(locate(_story("", body), lang)) == {country}
