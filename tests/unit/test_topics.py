from __future__ import annotations

import pytest

from stream.errors import ConfigError
from stream.story import ProviderSubject, Story
from stream.topics import classify, compile_query

CONFLICT, DIPLOMACY = "conflict", "diplomacy"

# Own-words equivalents of the seed story (foreign ministers call for an immediate
# ceasefire in Karabakh; fighters moved from Syria).
SEED = {
    "ar": (
        "موسكو: وزيرا خارجية روسيا وتركيا يدعوان إلى الوقف الفوري للقتال في قره باغ",
        "بحث وزير الخارجية الروسي هاتفيا مع نظيره التركي التصعيد العسكري في الإقليم، حيث تدور معارك بين القوات "
        "الأرمينية والجيش الأذربيجاني. ودعا الجانبان إلى وقف إطلاق النار. وأبدت الخارجية الروسية قلقها من نقل "
        "مسلحين من شمال سورية إلى منطقة القتال.",
    ),
    "ru": (
        "Лавров и Чавушоглу призвали к немедленному прекращению огня в Карабахе",
        "Министр иностранных дел России провёл телефонный разговор с турецким коллегой. Стороны обсудили эскалацию "
        "боевых действий между армянскими и азербайджанскими войсками и призвали к перемирию. В МИД выразили "
        "обеспокоенность переброской боевиков из Сирии в зону конфликта.",
    ),
    "en": (
        "Russian and Turkish foreign ministers call for immediate Karabakh ceasefire",
        "The foreign ministers spoke by phone about the escalation of fighting between Armenian and Azerbaijani "
        "forces and urged an immediate ceasefire. Moscow voiced concern that militants were being moved from Syria "
        "to the battle zone, where artillery shelling continued.",
    ),
    "tr": (
        "Dışişleri bakanları Karabağ'da acil ateşkes çağrısı yaptı",
        "Dışişleri Bakanı, Rus mevkidaşı ile telefonda görüştü. Ermeni ve Azerbaycan askerleri arasındaki "
        "çatışmalar ele alındı, taraflar ateşkes çağrısında bulundu. Suriye'den paralı savaşçıların bölgeye "
        "taşındığı iddia edildi.",
    ),
    "hy": (
        "Ռուսաստանի և Թուրքիայի ԱԳ նախարարները կոչ են արել հրադադարի",
        "Արտաքին գործերի նախարարները հեռախոսազրույց են ունեցել։ Առաջնագծում շարունակվում են մարտերը, "
        "ադրբեջանական զինուժը հրետակոծում է բնակավայրերը։ Սիրիայից վարձկաններ են տեղափոխվել։",
    ),
    "az": (
        "Xarici işlər nazirləri Qarabağda atəşkəsə çağırıb",
        "Rusiya və Türkiyənin xarici işlər nazirləri telefon danışığı aparıb. Cəbhə xəttində döyüşlər davam edir, "
        "ordu hissələri mövqeləri atəşə tutur. Suriyadan muzdlu yaraqlıların gətirildiyi bildirilir.",
    ),
}


@pytest.mark.parametrize("lang", sorted(SEED))
def test_seed_like_story_is_conflict_and_diplomacy(lang: str) -> None:
    headline, body = SEED[lang]
    story = Story(id="seed", headline=headline, body=body)
    result = classify(story, lang)
    assert {CONFLICT, DIPLOMACY} <= result.coarse()
    out = result.to_dict()
    for topic in out["topics"]:
        assert topic["evidence"], topic
        for ev in topic["evidence"]:
            assert story.text[ev["start"] : ev["end"]]
    scores = [t["score"] for t in out["topics"]]
    assert scores == sorted(scores, reverse=True)
    assert all(0.5 <= s < 1 for s in scores)
    subject = out["subjects"][0]
    assert subject["uri"].startswith("http://cv.iptc.org/newscodes/mediatopic/")
    assert subject["code"].startswith("medtop:")


def test_language_gating_skips_foreign_rules() -> None:
    headline, body = SEED["ru"]
    assert classify(Story(id="x", headline=headline, body=body), "en").coarse() == set()


def test_provider_subjects_kept_and_merged() -> None:
    headline, body = SEED["en"]
    story = Story(
        id="p",
        headline=headline,
        body=body,
        subjects=(
            ProviderSubject("medtop:20000639", "diplomacy"),
            ProviderSubject("medtop:15000000"),
            ProviderSubject("subj:16000000"),
        ),
    )
    topics = {t["code"]: t for t in classify(story, "en").to_dict()["topics"]}
    assert topics["medtop:15000000"]["source"] == "provider" and topics["medtop:15000000"]["evidence"] == []
    merged = topics["medtop:20000639"]
    assert merged["source"] == "rules" and merged["evidence"] and merged["score"] >= 0.9
    assert "subj:16000000" not in topics
    assert list(topics).count("medtop:20000639") == 1


def test_unrelated_story_gets_no_topics() -> None:
    story = Story(id="n", headline="Weather", body="Sunny spells and light winds are expected tomorrow.")
    assert classify(story, "en").topics == ()


def test_query_matches_with_stems_and_evidence() -> None:
    query = compile_query({"all": ["ceasefire", "karabakh"], "window": 40}, source="subs.yaml")
    headline, body = SEED["en"]
    ok, evidence = query.matches(Story(id="q", headline=headline, body=body), "en")
    assert ok and {e.term for e in evidence} == {"ceasefire", "karabakh"}
    ok, _ = compile_query({"any": ["ceasefire"], "none": ["syria"]}, source="s").matches(
        Story(id="q", headline=headline, body=body), "en"
    )
    assert not ok
    ok, _ = compile_query(["перемирие"], source="s").matches(Story(id="r", headline="", body="нарушили перемирия"), "ru")
    assert ok


def test_query_errors_name_source_and_field() -> None:
    with pytest.raises(ConfigError, match=r"subs.yaml: query.window"):
        compile_query({"any": ["x"], "window": 0}, source="subs.yaml")
    with pytest.raises(ConfigError, match=r"query.any\[0\]"):
        compile_query({"any": ["ab*"]}, source="subs.yaml")


def test_protests_route_to_politics_not_conflict() -> None:
    story = Story(
        id="p",
        headline="Protesters rally against the foreign agents law",
        body="Thousands of protesters marched to parliament; riot police fired tear gas at the demonstrators "
        "as lawmakers passed the bill in a second reading.",
    )
    coarse = classify(story, "en").coarse()
    assert "politics" in coarse
    assert CONFLICT not in coarse


def test_checked_subtopic_codes_are_emitted_under_their_parent() -> None:
    story = Story(
        id="q",
        headline="Deprem: 6,1 büyüklüğünde sarsıntı",
        body="Malatya'da 6,1 büyüklüğünde deprem meydana geldi, artçı sarsıntılar sürüyor, AFAD enkaz "
        "alanında arama kurtarma çalışması yürütüyor.",
    )
    result = classify(story, "tr")
    by_code = {t.code: t for t in result.topics}
    assert "medtop:20000153" in by_code  # earthquake
    assert by_code["medtop:20000153"].parent == "medtop:20000151"  # natural disaster
    assert by_code["medtop:20000153"].coarse == "disaster"


def test_sport_war_metaphors_are_not_conflict() -> None:
    story = Story(
        id="s",
        headline="«Зенит» штурмом взял «Спартак»",
        body="Атака за атакой: футболисты «Зенита» выиграли матч чемпионата, забив три гола. "
        "Тренер назвал игру настоящей осадой ворот соперника.",
    )
    coarse = classify(story, "ru").coarse()
    assert "sport" in coarse
    assert CONFLICT not in coarse


def test_shared_stream_gives_the_same_result() -> None:
    from stream.normalize import TokenStream

    headline, body = SEED["en"]
    story = Story(id="t", headline=headline, body=body)
    assert classify(story, "en", stream=TokenStream.of(story.text)) == classify(story, "en")
