"""Find the dateline that opens wire copy and return the place it names.

Wire stories open the body (or, with no headline, the text) with the place of
filing, in any script and often in capitals, followed by an optional date and
agency and a dash::

    BAKU, Oct 8 (Reuters) -        MOSCOW —              موسكو -
    ANKARA (AA) -                  Bakü (AA) -           PARIS (AFP) -
    ЕРЕВАН, 8 окт — РИА Новости.   MOSCOW, Oct. 8 /TASS/.   BEIJING, Oct. 8 (Xinhua) --

Chinese, Japanese and Korean agency copy puts the place between the agency and
the date, or in brackets with the agency::

    新华社北京12月7日电（记者 ...）    中新社阿斯塔纳11月28日电    路透社伦敦12月7日电
    【北京共同】    【ワシントン＝山田太郎】    (서울=연합뉴스) 김철수 기자 =    [워싱턴=뉴시스]

The regexes only propose a span; the caller accepts it only if the span is a
known place, so an opening like "Officials said - ..." is never a dateline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from stream.story import Story

__all__ = ["Dateline", "find_dateline", "provider_dateline"]

_WORD = r"[^\W\d_][^\W\d_'’.]*"
_DATELINE = re.compile(
    rf"""
    (?P<place>{_WORD}(?:[ \-]{_WORD}){{0,3}}?)   # one to four words
    (?:\s*/\s*{_WORD}(?:\s{_WORD})?)?            # a second city: BAKU/MOSCOW
    (?:[ \t]*\((?P<country>[^()\n]{{1,30}})\)(?=[,،]))?  # AFP's "GORIS (Arménie), 28 sept"
    [ \t]*
    (?:[,،][ \t]*(?P<date>[^\n,،()/—–\-]{{1,30}}?)[ \t]*)?  # date: "Oct 8", "8 окт", Arabic comma "باكو، ١٣ مارس"
    (?:[(/](?P<agency>[^)/\n]{{1,40}})[)/]\.?[ \t]*)?     # (Reuters) or /TASS/; EFE's "(EFE).-"
    # The dash; TASS uses "MOSCOW." and "/TASS/.". A hyphen between letters joins a
    # name ("САНКТ-ПЕТЕРБУРГ."), so it is no dash there.
    (?:[—–]|-{{1,2}}(?![^\W\d_])|:|(?<=/)\.|\.(?=[ \t]))
    """,
    re.VERBOSE,
)


# An agency's name in brackets and a dash before the dateline; the name starts with a Latin capital, so a Korean
# "(서울=연합뉴스)" or a bracketed aside is no such opening.
_AGENCY_FIRST = re.compile(r"\((?P<agency>[A-Z][A-Za-z .&-]{1,19})\)[ \t]*[-—–][ \t]*")
# Agencies that name themselves after the date: "Москва. 7 декабря. ИНТЕРФАКС -", "Bakı, 7 dekabr, AZƏRTAC.",
# "ԵՐԵՎԱՆ, 7 ԴԵԿՏԵՄԲԵՐԻ, ԱՐՄԵՆՊՐԵՍ:", "Baku, December 7, AZERTAC". The date holds a day's number.
_AGENCY_AFTER_DATE = re.compile(
    rf"""
    (?P<place>{_WORD}(?:[ \-]{_WORD}){{0,2}}?)[ \t]*[,.][ \t]*
    (?:\d{{1,2}}[ \t]+[^\W\d_]{{3,14}}|[^\W\d_]{{3,14}}[ \t]+\d{{1,2}})[ \t]*[,.][ \t]*
    (?P<agency>[^\W\d_][^\s,:։]{{1,24}}?(?:[ \-][^\W\d_][^\s,.:։]{{1,24}})?)
    [ \t]*(?:[.:։](?=\s)|[—–]|-{{1,2}}(?=[ \t]))
    """,
    re.VERBOSE,
)
# Arab state agencies write their name after the place with a hyphen: "دمشق-سانا", "الرياض-واس", "عمان-بترا".
_ARABIC_AGENCIES = "سانا|واس|وام|قنا|بترا|كونا|بنا|وفا|سبأ|ومع|واج|وات|العمانية"
_ARABIC_AGENCY_DATELINE = re.compile(
    rf"(?P<place>[\u0621-\u064a]{{2,15}}(?: [\u0621-\u064a]{{2,15}})?)[ \t]*[-–—][ \t]*(?P<agency>{_ARABIC_AGENCIES})(?=[\s،,.:])"
)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_CJK_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# The agency ends in 社 (news agency), 网 (news site), 报 (newspaper: 本报 "this paper"), 台 (broadcaster); the
# place is the shortest run of Han characters before the date for which the whole dateline matches, the caller
# then checking it is a place ("中央社台北": the agency's 社 comes first, so Taipei keeps its 台).
_ZH_DATELINE = re.compile(
    rf"""
    (?P<agency>[{_HAN}]{{1,8}}?[社网網报報台])[ \u3000]?
    (?P<place>[{_HAN}·・]{{2,12}}?)[ \u3000]?
    (?:\d{{4}}年)?{_CJK_NUMBER}月{_CJK_NUMBER}日(?:电|電|讯|訊)
    """,
    re.VERBOSE,
)
# Japanese papers and agencies: 【place + agency】 or 【place＝reporter or agency】.
_JA_AGENCIES = "共同通信|共同|時事通信|時事|ロイター|ＡＦＰ|AFP|ＡＰ|AP|新華社|聯合|ブルームバーグ"
_JA_DATELINE = re.compile(
    rf"【(?P<place>[^【】＝=\s]{{1,15}}?)(?:[＝=](?P<agency>[^】\n]{{1,20}})|(?P<suffix>{_JA_AGENCIES}))?】"
)
# Korean agencies: (place=agency) or [place=agency], a second place after "·" ("서울·세종=연합뉴스").
_KO_DATELINE = re.compile(r"[(\[（](?P<place>[가-힣]{1,12})(?:·[가-힣]{1,12})*[=＝](?P<agency>[^)\]）\n]{1,20})[)\]）]")


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place span of a dateline, as offsets into ``story.text``."""

    text: str
    start: int
    end: int
    agency: str | None


def find_dateline(story: Story) -> Dateline | None:
    """The dateline place of ``story``, if its body (or text) opens with one."""
    text = story.text
    offset = story.body_offset
    return _dateline_at(text, offset if offset < len(text) else 0)


def _dateline_at(text: str, offset: int) -> Dateline | None:
    """The dateline opening ``text`` at ``offset``, with offsets into ``text``."""
    # Skip leading blank space (Chinese paragraphs open with ideographic spaces) but stay on the first line of the body.
    while offset < len(text) and text[offset] in " \t\r\n\u00a0\u3000":
        offset += 1
    # ANSA and AGI put their name first: "(ANSA) - ROMA, 1 LUG -", "(ANSA) - Rome, October 11 -".
    lead = _AGENCY_FIRST.match(text, offset)
    if lead is not None:
        found = _dateline_at(text, lead.end())
        if found is not None:
            return found if found.agency else Dateline(found.text, found.start, found.end, lead.group("agency"))
    window = min(len(text), offset + 120)
    for pattern in _cjk_patterns(text[offset : offset + 1]):
        cjk = pattern.match(text, offset, window)
        if cjk is not None:
            agency = cjk.group("agency") or cjk.groupdict().get("suffix")
            return Dateline(cjk.group("place"), cjk.start("place"), cjk.end("place"), agency)
    m = _DATELINE.match(text, offset, window)
    found = _checked(m) if m is not None else None
    if found is not None:
        return found
    for pattern in (_AGENCY_AFTER_DATE, _ARABIC_AGENCY_DATELINE):
        after = pattern.match(text, offset, window)
        if after is not None:
            return Dateline(after.group("place"), after.start("place"), after.end("place"), after.group("agency"))
    return None


# The place part of a provider's dateline field: the text before its first comma, bracket, slash, dash or digit.
_PLACE_HEAD = re.compile(r"[^,،(（/—–\-\d]{1,60}")
_PARTS = re.compile(r"\s+[-—–]+(?:\s+|$)")


def provider_dateline(text: str, known: Callable[[str], bool] | None = None) -> Dateline | None:
    """The place of a dateline the provider sends apart from the body (:attr:`stream.story.Story.dateline`), with
    offsets into ``text``; ``known`` tells a place's name (every candidate passes without it).

    Read as a body opening with it would be ("MOSCOW, Oct 8 (Reuters) -", "新华社北京12月7日电"); a field holding
    only the place and what follows it ("Unnao", "KANSAS CITY, Mo.", "Gaza City, Palestinian Territories, May 16,
    2021 (AFP) -") gives the text before its first comma, bracket, slash, dash or digit, of at most four words, or
    the longest of its first words that is a place ("SYDNEY March 22 AAP -"); a field of several parts between
    dashes is read part by part ("ANSA TEST - ROMA, 01 LUG -")."""
    found = _dateline_at(text, 0)
    if found is not None and (known is None or known(found.text)):
        return found
    at = 0
    for part in _PARTS.split(text):
        start = text.index(part, at) if part else at
        at = start + len(part)
        head = _PLACE_HEAD.match(part)
        words = head.group(0).strip().rstrip(".:").split() if head else []
        # Without ``known`` the whole head is the place; with it, the longest of its first words that is one.
        if known is None:
            candidates = [" ".join(words)] if 0 < len(words) <= 4 else []
        else:
            candidates = [" ".join(words[:n]) for n in range(min(len(words), 4), 0, -1)]
        for place in candidates:
            if (known is None or known(place)) and place in part:
                begin = start + part.index(place)
                return Dateline(place, begin, begin + len(place), None)
    return None


def _checked(m: re.Match[str]) -> Dateline | None:
    """The dateline ``m`` proposes, unless a bare opening does not look like one."""
    place = m.group("place")
    # A bare "Word -" opening without date or agency must look like a dateline:
    # written in capitals, or in a script without case (Arabic, Georgian...).
    bare = m.group("date") is None and m.group("agency") is None
    if bare and place != place.upper() and any(ch.isupper() for ch in place):
        return None
    # "MOSCOW. The ..." only in capitals: a full stop ends ordinary sentences too.
    if bare and m.group(0).endswith(".") and not any(ch.isupper() for ch in place):
        return None
    return Dateline(place, m.start("place"), m.end("place"), m.group("agency"))


def _cjk_patterns(char: str) -> tuple[re.Pattern[str], ...]:
    """The CJK patterns that may match at a body opening with ``char``: none for Latin, Cyrillic or Arabic script."""
    if char == "【":
        return (_JA_DATELINE,)
    if char in ("(", "[", "（"):
        return (_KO_DATELINE,)
    if "\u3400" <= char <= "\u9fff":
        return (_ZH_DATELINE,)
    return ()
