"""NITF, NewsML 1.2, auto detection by XML root, encodings, and invisible characters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stream.errors import DecodeError, FormatError
from stream.formats.parse import parse, split_file
from stream.pipeline import Pipeline
from stream.story import ProviderPlace, ProviderSubject

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "parse"
NEWSITEM = '<newsItem guid="g1"><contentMeta><headline>{}</headline></contentMeta></newsItem>'


def dumps(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


# -- NITF ------------------------------------------------------------------------------------------


def test_nitf_latin1_fixture() -> None:
    raw = (FIXTURES / "nitf-latin1.xml").read_bytes()
    assert b"S\xe9isme" in raw  # ISO-8859-1 bytes, as declared
    story = parse(raw)
    assert story.source_format == "nitf"
    assert (story.id, story.version, story.urgency, story.language) == ("afp-fr-0001", 2, 3, "fr")
    assert story.headline == "Séisme près de Bakou"
    assert story.body == "La terre a tremblé mardi.\n\nAucune victime."  # the media caption is not text
    assert story.versioncreated == "2024-01-02T03:04:05Z"
    assert story.pubstatus == "withheld"  # management-status embargoed: not for use yet
    assert story.subjects == (ProviderSubject("subj:16009000", "guerre"),)
    assert story.places == (ProviderPlace("Bakou", "AZ"),)
    assert parse(raw, fmt="nitf") == story
    assert list(split_file(raw)) == [(raw, "nitf")]  # the original bytes: the declaration still holds


def test_nitf_canceled_without_text() -> None:
    raw = b'<nitf><head><docdata management-status="canceled"><doc-id id-string="n-1"/></docdata></head></nitf>'
    story = parse(raw)
    assert (story.id, story.pubstatus, story.text) == ("n-1", "canceled", "")


@pytest.mark.parametrize(
    ("dateline", "want"),
    [
        # AAP writes it as printed; NTB only the town.
        ("<dateline>SYDNEY March 22 AAP -</dateline>", "SYDNEY March 22 AAP -"),
        ("<dateline>Unnao</dateline>", "Unnao"),
        # Canadian Press and IPTC's example give a location's parts.
        (
            "<dateline><location><city>Ottawa</city><state>Ontario</state><country>Canada</country></location>"
            '<story.date norm="20200703T165136-0400"/></dateline>',
            "Ottawa, Ontario, Canada",
        ),
        # EFE sends only the date there: no dateline.
        ('<dateline><!-- date --><story.date norm="20170102T222800+0000">20170102T222800+0000</story.date></dateline>', None),
    ],
)
def test_nitf_dateline_apart_from_the_body(dateline: str, want: str | None) -> None:
    raw = (
        f"<nitf><body><body.head><hedline><hl1>Storm hits the coast</hl1></hedline>{dateline}</body.head>"
        "<body.content><p>The storm brought down power lines overnight.</p></body.content></body></nitf>"
    ).encode()
    story = parse(raw)
    assert story.dateline == want
    assert story.body == "The storm brought down power lines overnight."


def test_nitf_title_is_the_headline_fallback() -> None:
    raw = b"<nitf><head><title>From the head</title></head><body><body.content><p>x</p></body.content></body></nitf>"
    assert parse(raw).headline == "From the head"


# -- NewsML 1.2 ------------------------------------------------------------------------------------


def test_newsml1_split_into_items() -> None:
    data = (FIXTURES / "newsml1-two-items.xml").read_bytes()
    with pytest.raises(FormatError, match="holds 2 NewsItems; publish one message per NewsItem"):
        parse(data)
    pieces = list(split_file(data, name="newsml1-two-items.xml"))
    assert [fmt for _, fmt in pieces] == ["newsml1", "newsml1"]
    first, second = (parse(raw, fmt=fmt) for raw, fmt in pieces)
    assert first.id == "urn:newsml:example.org:20240301:ER-1"  # stable across revisions: no ":3"
    assert (first.version, first.pubstatus, first.language, first.urgency) == (3, "canceled", "ru", 2)
    assert first.versioncreated == "2024-03-01T07:15:00Z"
    assert (first.headline, first.body) == ("Землетрясение в Ереване", "Толчки ощущались в центре города.")
    assert first.subjects == (ProviderSubject("subj:03000000"),)
    assert first.places == (ProviderPlace("Ереван", "AM"),)
    assert second.id == "urn:example:only-public"
    assert (second.body, second.urgency, second.pubstatus) == ("One.\n\nTwo.", 2, "usable")


_NEWSML1 = """<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>example.org</ProviderId>
<DateId>20240301</DateId><NewsItemId>BW-1</NewsItemId><RevisionId>1</RevisionId></NewsIdentifier></Identification>
<NewsComponent><NewsLines><HeadLine>Harbour reopens</HeadLine></NewsLines>{}</NewsComponent></NewsItem></NewsML>"""


def _part(role: str, text: str, mime: str = "text/plain", media: str = "Text") -> str:
    return (
        f'<NewsComponent><Role FormalName="{role}"/><ContentItem><MediaType FormalName="{media}"/>'
        f'<MimeType FormalName="{mime}"/><DataContent>{text}</DataContent></ContentItem></NewsComponent>'
    )


def test_newsml1_reads_the_body_part_not_a_style_sheet_or_headline_part() -> None:
    # Written for this test, laid out as Business Wire sends releases: the style sheet first, then headline parts.
    parts = _part("StyleSheet", ".c {text-align: center}", "text/css") + _part("HeadLine", "Harbour reopens")
    story = parse(_NEWSML1.format(parts + _part("Body", "The harbour reopened on Monday.")).encode())
    assert story.body == "The harbour reopened on Monday."
    # No roles at all: the first text item that is no style sheet.
    story = parse(_NEWSML1.format(_part("", ".c {x: y}", "text/css") + _part("", "Ships sail again.")).encode())
    assert story.body == "Ships sail again."


def test_newsml1_joins_the_lead_and_body_of_the_first_language_only() -> None:
    def version(lang: str, lead: str, body: str) -> str:
        inner = _part("Title", "Title " + lang) + _part("Lead", lead) + _part("Body", body)
        return f'<NewsComponent><Role FormalName="Short"/>{inner}</NewsComponent>'

    raw = _NEWSML1.format(version("nl", "De haven is open.", "Schepen varen weer.") + version("fr", "Le port rouvre.", "x"))
    assert parse(raw.encode()).body == "De haven is open.\n\nSchepen varen weer."
    # The language given only as a component's xml:lang, as Belga writes it.
    tagged = raw.replace(
        '<NewsComponent><Role FormalName="Short"/>', '<NewsComponent xml:lang="nl"><Role FormalName="Short"/>', 1
    )
    assert parse(tagged.encode()).language == "nl"


def test_newsml1_reads_nitf_sent_as_complex_data() -> None:
    nitf = "<nitf><body><body.content><p>Talks resume in the capital.</p></body.content></body></nitf>"
    raw = _NEWSML1.format(_part("Main", nitf, "text/vnd.IPTC.NITF", "ComplexData"))
    assert parse(raw.encode()).body == "Talks resume in the capital."


def test_a_doctype_naming_only_its_dtd_is_read_and_never_fetched() -> None:
    raw = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE nitf SYSTEM "../dtd/nitf-3-2.dtd">\n'
        b"<nitf><head><title>Port strike ends</title></head><body><body.content><p>Dockers return.</p>"
        b"</body.content></body></nitf>"
    )
    story = parse(raw)
    assert (story.headline, story.body) == ("Port strike ends", "Dockers return.")


def test_inline_xhtml_header_is_no_story_text() -> None:
    # Laid out as dpa's NewsML-G2 bodies: a <header> with the slugline keywords, the time and the headline again.
    xhtml = (
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><header><ul class="slugline"><li>Migration</li>'
        "<li>Griechenland</li></ul><time>03.06.2019 15:00</time><h1>Boote erreichen Inseln</h1></header>"
        "<section><p>Athen (dpa) - Mehr Boote erreichten die Inseln.</p></section></body></html>"
    )
    raw = (
        '<newsItem guid="dpa-1" xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta><headline>Boote erreichen '
        'Inseln</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">'
        f"{xhtml}</inlineXML></contentSet></newsItem>"
    )
    assert parse(raw.encode()).body == "Athen (dpa) - Mehr Boote erreichten die Inseln."


# -- auto detection: XML by root, JSON scalars -----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "match"),
    [
        (b'<packageItem guid="p"><groupSet/></packageItem>', r"unsupported XML root <packageItem>"),
        (b"<contentMeta><headline>h</headline></contentMeta>", r"unsupported XML root <contentMeta>"),
        (b"<rss><channel><title>t</title></channel></rss>", r"unsupported XML root <rss>"),
        (b"<p>Storm hits</p>", r"unsupported XML root <p>"),
        (b"<headline>a</headline><body>b</body>", "XML is not well-formed: junk after document element"),
        (b"42", "top-level JSON must be an object, got int"),
        (b"null", "top-level JSON must be an object, got null"),
        (b' "a string" ', "top-level JSON must be an object, got str"),
        (b"true", "top-level JSON must be an object, got bool"),
        (b"1" * 5000, "got an integer too long to read"),
    ],
)
def test_auto_refuses_other_xml_and_json_scalars(raw: bytes, match: str) -> None:
    with pytest.raises(FormatError, match=match) as info:
        parse(raw)
    assert info.value.reason == "invalid_format"


def test_text_that_only_looks_like_json_or_markup_is_text() -> None:
    assert parse(b'"Quoted" said the minister\nbody').headline == '"Quoted" said the minister'
    assert parse(b"2024 budget passes").headline == "2024 budget passes"
    assert parse(b"<3 to all readers").headline == "<3 to all readers"
    assert parse(b"42", fmt="text").headline == "42"


# -- encodings -------------------------------------------------------------------------------------


def test_latin1_declared_newsml() -> None:
    raw = ('<?xml version="1.0" encoding="ISO-8859-1"?>' + NEWSITEM.format("Café à Genève")).encode("latin-1")
    assert parse(raw).headline == "Café à Genève"


@pytest.mark.parametrize("declared", ["ISO-8859-1", "windows-1252", "iso-8859-15"])
def test_utf8_bytes_under_a_stale_single_byte_declaration_read_as_utf8(declared: str) -> None:
    # Feeds re-wrap UTF-8 copy under an old declaration; read as declared it would say "KÃ¸benhavn".
    raw = (f'<?xml version="1.0" encoding="{declared}"?>' + NEWSITEM.format("København får ny havn")).encode("utf-8")
    assert parse(raw).headline == "København får ny havn"
    # Real single-byte text is read as declared ("\xf8" is no UTF-8).
    raw = (f'<?xml version="1.0" encoding="{declared}"?>' + NEWSITEM.format("København")).encode("latin-1")
    assert parse(raw).headline == "København"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    bom = "\ufeff".encode(codec)
    xml = '<?xml version="1.0" encoding="UTF-16"?>' + NEWSITEM.format("Ереван — Ἀθῆναι")
    assert parse(bom + xml.encode(codec)).headline == "Ереван — Ἀθῆναι"
    assert parse(bom + dumps({"id": "j", "headline": "Тбилиси"}).decode().encode(codec)).headline == "Тбилиси"


def test_bom_before_something_else_is_still_invalid_utf8() -> None:
    with pytest.raises(DecodeError, match="invalid UTF-8 at byte 0"):
        parse(b"\xff\xfe\x00bad")


def test_declared_encoding_errors() -> None:
    with pytest.raises(FormatError, match="unsupported encoding 'x-klingon'"):
        parse(b'<?xml version="1.0" encoding="x-klingon"?><newsItem/>')
    with pytest.raises(DecodeError, match="invalid Shift_JIS at byte"):
        parse(b'<?xml version="1.0" encoding="Shift_JIS"?><newsItem guid="g"><x>\x81</x></newsItem>')
    with pytest.raises(DecodeError, match="declares UTF-16 but is not encoded in it"):
        parse(b'<?xml version="1.0" encoding="UTF-16"?><newsItem/>')


def test_dtd_still_refused_in_a_declared_encoding() -> None:
    raw = b'<?xml version="1.0" encoding="ISO-8859-1"?><!DOCTYPE x [<!ENTITY e "ee">]><newsItem/>'
    with pytest.raises(FormatError, match="DTD"):
        parse(raw)


# -- invisible characters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mark", ["\u200b", "\u200e", "\u200f", "\u202a", "\u202e", "\u2060", "\u2066", "\u2069", "\ufeff", "\u00ad"]
)
def test_zero_width_and_bidi_controls_are_stripped(mark: str) -> None:
    story = parse(dumps({"id": "z", "headline": f"Blast in K{mark}abul", "body": f"<p>In K{mark}abul.</p>"}))
    assert (story.headline, story.body) == ("Blast in Kabul", "In Kabul.")


def test_zwnj_and_zwj_are_spelling_and_stay() -> None:
    assert parse(dumps({"id": "p", "headline": "می\u200cخواهم"})).headline == "می\u200cخواهم"


def test_zero_width_space_no_longer_hides_kabul() -> None:
    raw = dumps({"id": "k", "headline": "Blast in K\u200babul", "body": "Officials in K\u2060abul said."})
    doc = Pipeline().process(raw, default_id="k").to_dict()
    text = doc["headline"] + "\n\n" + doc["body"]
    mentions = [m for country in doc["countries"] if country["iso2"] == "AF" for m in country["mentions"]]
    assert len(mentions) == 2
    assert all(text[m["start"] : m["end"]] == "Kabul" for m in mentions)


# -- ninjs 1.x / 3.x ---------------------------------------------------------------------------------


def test_ninjs3_camelcase_cancel_is_a_retraction() -> None:
    story = parse(dumps({"uri": "u-3", "versionCreated": "2024-01-01T00:00:00Z", "pubStatus": "canceled", "version": "2"}))
    assert (story.pubstatus, story.versioncreated, story.version) == ("canceled", "2024-01-01T00:00:00Z", 2)


def test_ninjs_text_variants() -> None:
    assert parse(dumps({"uri": "a", "headline_main": "H", "body_xhtml": "<p>a</p><p>b</p>"})).body == "a\n\nb"
    assert parse(dumps({"uri": "a", "headline": "H", "description_text": "Caption"})).body == "Caption"
    caption = {
        "uri": "a",
        "headlines": [{"value": "H"}],
        "descriptions": [{"role": "creditline", "value": "AP"}, {"role": "caption", "value": "C"}],
    }
    assert parse(dumps(caption)).body == "C"


def test_ninjs_planning_item_is_refused() -> None:
    with pytest.raises(FormatError, match="type 'planning' is a planning item, not a news story"):
        parse(dumps({"uri": "p", "type": "planning", "headlines": [{"value": "Coverage"}]}))


def test_an_alpha3_country_code_gives_the_alpha2() -> None:
    from stream.formats.fields import place_code

    assert place_code("NLD") == "NL"
    assert place_code("iso3166-1a3:arm") == "AM"
    assert place_code("XYZ") is None
    assert place_code("Rio") is None and place_code("nld") is None  # a name, not a code
    raw = _NEWSML1.format(
        '<DescriptiveMetadata><Location><Property FormalName="City" Value="Den Haag"/>'
        '<Property FormalName="Country" Value="NLD"/></Location></DescriptiveMetadata>' + _part("Main", "Postal strike.")
    )
    assert parse(raw.encode()).places == (ProviderPlace("Den Haag", "NL"),)


def test_newsml_g2_located_is_the_origin_and_a_geo_area_subject_a_place_it_is_about() -> None:
    # NewsML-G2: ``located`` is "the location from which the content originates" (Reuters: its editing desk).
    raw = (
        '<newsItem guid="g-origin"><contentMeta><headline>Ceasefire talks stall</headline>'
        '<located type="cptType:5"><name>Gdansk</name><broader qcode="iso3166-1a2:PL"/></located>'
        '<subject type="cpnat:geoArea" qcode="iso3166-1a2:LT"><name>Lithuania</name></subject>'
        "</contentMeta></newsItem>"
    )
    assert parse(raw.encode()).places == (ProviderPlace("Gdansk", "PL", origin=True), ProviderPlace("Lithuania", "LT"))


def test_ninjs_located_is_the_origin_one_place_per_comma_separated_part() -> None:
    # ninjs ``located``: "the name of the location from which the content originates", as NewsML-G2's.
    raw = (
        '{"uri": "urn:x:located", "type": "text", "headline": "Marathon record falls in Adelaide",'
        ' "body_text": "A local runner broke the course record on Sunday.", "located": "Trondheim, Norway",'
        ' "places": [{"name": "Adelaide"}]}'
    )
    assert parse(raw.encode()).places == (
        ProviderPlace("Adelaide"),
        ProviderPlace("Trondheim", origin=True),
        ProviderPlace("Norway", origin=True),
    )
