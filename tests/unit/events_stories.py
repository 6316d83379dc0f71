"""Hand-written multilingual stories for the events tests (written for wirewatch; no outside text).

``SHELLING`` is one event (an artillery strike on Stepanakert) reported in five languages;
``SYNDICATED`` re-sends the English one under a new id with a new byline; ``UNRELATED`` are other
stories about Armenia and Azerbaijan the same days, which must open events of their own. ``MINE`` is
a mine blast reported in English and French; ``MINE_UPDATE`` is a later, shorter German report of it
with a higher toll, which shares only the country, a few names and an approximate count with them.
``PROTEST`` (Georgian) and ``RUGBY`` (English) happen in Tbilisi the same evening and share the city,
the country and a few names, but not their subject.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from stream.pipeline import Pipeline
from stream.story import Story

T0 = "2020-10-04T06:10:00Z"

SHELLING: list[dict[str, Any]] = [
    {
        "id": "ev-en-1",
        "language": "en",
        "versioncreated": "2020-10-04T06:10:00Z",
        "headline": "Azerbaijani artillery shells Stepanakert, 3 civilians killed",
        "body": "STEPANAKERT, Oct 4 - Azerbaijani artillery shelled Stepanakert, the main city of Nagorno-Karabakh, "
        "early on Sunday, killing 3 civilians and wounding 14, the Armenian defence ministry said. Shushan "
        "Stepanyan, a spokeswoman for the ministry in Yerevan, said the strikes hit residential streets and "
        "the power station. Baku said it was responding to Armenian fire on Ganja.",
    },
    {
        "id": "ev-fr-1",
        "language": "fr",
        "versioncreated": "2020-10-04T06:40:00Z",
        "headline": "Karabakh : Stepanakert bombardée par l'artillerie azerbaïdjanaise, 3 civils tués",
        "body": "L'artillerie de l'Azerbaïdjan a bombardé dimanche matin Stepanakert, principale ville du "
        "Haut-Karabakh, tuant 3 civils et en blessant 14, selon le ministère arménien de la Défense. Sa "
        "porte-parole Shushan Stepanyan a indiqué à Erevan que des rues résidentielles et la centrale "
        "électrique avaient été touchées. Bakou affirme riposter à des tirs arméniens sur Gandja.",
    },
    {
        "id": "ev-ru-1",
        "language": "ru",
        "versioncreated": "2020-10-04T07:05:00Z",
        "headline": "Азербайджанская артиллерия обстреляла Степанакерт, погибли 3 мирных жителя",
        "body": "Азербайджанская артиллерия в воскресенье утром обстреляла Степанакерт, главный город "
        "Нагорного Карабаха. Погибли 3 мирных жителя, 14 ранены, сообщила пресс-секретарь Минобороны "
        "Армении Шушан Степанян в Ереване. По её словам, снаряды попали в жилые кварталы и электростанцию. "
        "Баку заявил, что отвечает на обстрел Гянджи.",
    },
    {
        "id": "ev-ar-1",
        "language": "ar",
        "versioncreated": "2020-10-04T07:30:00Z",
        "headline": "المدفعية الأذربيجانية تقصف ستيباناكيرت ومقتل 3 مدنيين",
        "body": "قصفت المدفعية الأذربيجانية صباح الأحد مدينة ستيباناكيرت كبرى مدن إقليم ناغورنو قره باغ، ما أسفر "
        "عن مقتل 3 مدنيين وإصابة 14 آخرين، بحسب وزارة الدفاع الأرمينية. وقالت المتحدثة باسم الوزارة شوشان "
        "ستيبانيان في يريفان إن القذائف أصابت أحياء سكنية ومحطة الكهرباء. وقالت باكو إنها ترد على قصف أرميني "
        "لمدينة كنجة.",
    },
    {
        "id": "ev-hy-1",
        "language": "hy",
        "versioncreated": "2020-10-04T07:50:00Z",
        "headline": "Ադրբեջանական հրետանին հրթիռակոծել է Ստեփանակերտը, զոհվել է 3 խաղաղ բնակիչ",
        "body": "Կիրակի առավոտյան ադրբեջանական հրետանին հրթիռակոծել է Լեռնային Ղարաբաղի մայրաքաղաք "
        "Ստեփանակերտը։ Զոհվել է 3 խաղաղ բնակիչ, վիրավորվել է 14-ը, հայտնել է ՊՆ խոսնակ Շուշան "
        "Ստեփանյանը Երևանում։ Արկերը դիպել են բնակելի թաղամասերին և էլեկտրակայանին։",
    },
]

SYNDICATED: dict[str, Any] = {
    **SHELLING[0],
    "id": "partner-feed-889213",
    "versioncreated": "2020-10-04T06:25:00Z",
    "body": SHELLING[0]["body"].replace("STEPANAKERT, Oct 4 - ", "STEPANAKERT, Oct 4 (Partner Wire) - ")
    + " Reporting by the Partner Wire desk.",
}

UNRELATED: list[dict[str, Any]] = [
    {
        "id": "un-en-wine",
        "language": "en",
        "versioncreated": "2020-10-04T08:00:00Z",
        "headline": "Armenian winemakers report record apricot harvest despite pandemic",
        "body": "YEREVAN, Oct 4 - Armenian winemakers in the Ararat valley said on Sunday that the 2020 apricot and "
        "grape harvest was the largest in a decade, with exports to Russia expected to rise 18 percent. The "
        "Armenian Winemakers Union said demand from restaurants had fallen during the pandemic.",
    },
    {
        "id": "un-en-bank",
        "language": "en",
        "versioncreated": "2020-10-04T09:00:00Z",
        "headline": "Azerbaijan central bank keeps refinancing rate at 6.5 percent",
        "body": "BAKU, Oct 4 - Azerbaijan's central bank kept its refinancing rate at 6.5 percent on Sunday, "
        "citing stable inflation and oil prices. Governor Elman Rustamov said the manat would remain pegged "
        "to the dollar through the end of the year.",
    },
    {
        "id": "un-fr-football",
        "language": "fr",
        "versioncreated": "2020-10-04T10:00:00Z",
        "headline": "Football : l'Arménie bat l'Estonie 2-0 en Ligue des nations",
        "body": "L'équipe d'Arménie de football s'est imposée 2-0 face à l'Estonie à Erevan dimanche en Ligue des "
        "nations, grâce à des buts de Tigran Barseghyan et Alexander Karapetyan, et prend la tête de son groupe.",
    },
]

MINE: list[dict[str, Any]] = [
    {
        "id": "mine-en",
        "language": "en",
        "versioncreated": "2022-10-14T18:00:00Z",
        "headline": "Blast at coal mine in Amasra, Turkey, traps dozens of miners",
        "body": "AMASRA, Oct 14 - An explosion tore through a state-run coal mine in Amasra on Turkey's Black Sea "
        "coast on Friday, killing at least 22 miners and trapping about 50 more underground, Energy Minister "
        "Fatih Donmez said. Rescue teams from Zonguldak were sent to the pit.",
    },
    {
        "id": "mine-fr",
        "language": "fr",
        "versioncreated": "2022-10-14T20:30:00Z",
        "headline": "Turquie : explosion dans une mine de charbon à Amasra, au moins 25 morts",
        "body": "Une explosion a ravagé vendredi une mine de charbon publique à Amasra, sur la côte turque de la mer "
        "Noire, tuant au moins 25 mineurs ; une cinquantaine d'autres restent bloqués, selon le ministre de "
        "l'Énergie Fatih Dönmez. Des secouristes de Zonguldak sont sur place.",
    },
]

MINE_UPDATE: dict[str, Any] = {
    "id": "mine-de",
    "language": "de",
    "versioncreated": "2022-10-15T06:00:00Z",
    "headline": "Grubenunglück in der Türkei: Zahl der Toten steigt auf 41",
    "body": "Nach der Explosion in einem Kohlebergwerk in Amasra am Schwarzen Meer ist die Zahl der Toten auf 41 "
    "gestiegen, teilte Innenminister Süleyman Soylu mit.",
}

PROTEST: dict[str, Any] = {
    "id": "ge-ka-1",
    "language": "ka",
    "versioncreated": "2024-05-11T17:00:00Z",
    "headline": "თბილისში ოპოზიციის მხარდამჭერებმა პარლამენტთან საპროტესტო აქცია გამართეს",
    "body": "შაბათს საღამოს თბილისში ათასობით ადამიანი შეიკრიბა პარლამენტის შენობასთან. მომიტინგეები უცხოური "
    "გავლენის შესახებ კანონპროექტის გაწვევას ითხოვდნენ, პოლიციამ რამდენიმე აქციის მონაწილე დააკავა.",
}

RUGBY: dict[str, Any] = {
    "id": "ge-en-2",
    "language": "en",
    "versioncreated": "2024-05-11T19:00:00Z",
    "headline": "Georgia beat Portugal 31-12 in Tbilisi rugby friendly",
    "body": "TBILISI, May 11 - Georgia's rugby team beat Portugal 31-12 in a friendly match in Tbilisi on Saturday, "
    "with two tries from winger Davit Niniashvili in front of a sell-out crowd at the national stadium.",
}


@cache
def _pipeline(subscriptions_file: Path | None = None) -> Pipeline:
    return Pipeline(topic_model="off", subscriptions_file=subscriptions_file)


def enrich(raw: dict[str, Any], subscriptions_file: Path | None = None) -> dict[str, Any]:
    """The enriched dict the worker would publish for ``raw`` (its ``alerts`` from ``subscriptions_file``)."""
    story = Story(
        id=raw["id"],
        headline=raw["headline"],
        body=raw["body"],
        language=raw.get("language"),
        versioncreated=raw.get("versioncreated"),
    )
    return _pipeline(subscriptions_file).enrich(story).to_dict()
