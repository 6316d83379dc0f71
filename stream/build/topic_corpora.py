"""Per-source readers of the labelled topic corpora, used by :mod:`stream.build.topic_sources`.

Each extractor reads one public repository at a pinned commit through :class:`GitTree` (plain
``git show``/``ls-tree``/``cat-file`` on a bare git dir, so nothing is checked out and the result cannot
depend on a working tree) and yields raw ``(text, lang, label, split)`` rows: ``label`` is an IPTC Media
Topic code or ``None`` (drop the row), ``split`` is ``"train"``/``"test"`` or ``None`` (the caller splits
by hash). Cleaning, de-duplication and capping are the caller's; the label tables live here because
they are the per-source decisions a reviewer has to read (``benchmarks/data/topics/SOURCES.md``).
Standard library plus PyYAML only.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

__all__ = [
    "IPTC",
    "GitTree",
    "Row",
    "antcorpus_jawhara",
    "dikgang_tn",
    "flores_lang",
    "mewsc16_wikinews",
    "ntrex_documents",
    "ntrex_lang",
    "ntrex_parallel",
    "omw_wikt_dictionary",
    "sib200",
    "sib200_parallel",
    "sncd_so",
    "wcep_cec_en",
]

Row = tuple[str | None, str, str | None, str | None]  # text (None: a short CSV row), lang, label, split

IPTC: dict[str, str] = {
    "arts": "medtop:01000000",
    "crime": "medtop:02000000",
    "disaster": "medtop:03000000",
    "economy": "medtop:04000000",
    "education": "medtop:05000000",
    "environment": "medtop:06000000",
    "health": "medtop:07000000",
    "lifestyle": "medtop:10000000",
    "politics": "medtop:11000000",
    "religion": "medtop:12000000",
    "science": "medtop:13000000",
    "society": "medtop:14000000",
    "sport": "medtop:15000000",
    "conflict": "medtop:16000000",
    "weather": "medtop:17000000",
    "diplomacy": "medtop:20000638",  # international relations (second level under politics)
}


@dataclass(frozen=True)
class GitTree:
    """The tree of ``commit`` in the git dir ``gitdir`` (bare, or a ``.git`` folder)."""

    gitdir: Path
    commit: str

    def _git(self, *args: str, data: bytes | None = None) -> bytes:
        return subprocess.run(["git", "--git-dir", str(self.gitdir), *args], input=data, capture_output=True, check=True).stdout

    def paths(self, prefix: str = "") -> list[str]:
        """Every file path under ``prefix`` in git's order (``ls-tree -r --name-only``)."""
        out = self._git("ls-tree", "-r", "-z", "--name-only", self.commit, *([prefix] if prefix else []))
        return [p for p in out.decode("utf-8").split("\0") if p]

    def read(self, path: str) -> bytes:
        return self._git("show", f"{self.commit}:{path}")

    def text(self, path: str) -> str:
        return self.read(path).decode("utf-8", errors="replace")

    def read_many(self, paths: list[str]) -> Iterator[tuple[str, bytes]]:
        """``(path, content)`` for each path, in one ``git cat-file --batch`` call."""
        out = self._git("cat-file", "--batch", data="".join(f"{self.commit}:{p}\n" for p in paths).encode("utf-8"))
        i = 0
        for p in paths:
            j = out.index(b"\n", i)
            header = out[i:j].split()
            if len(header) != 3:
                raise FileNotFoundError(f"{self.gitdir}: {self.commit}:{p} is missing ({out[i:j].decode(errors='replace')})")
            size = int(header[2])
            yield p, out[j + 1 : j + 1 + size]
            i = j + 1 + size + 1


def _words(text: str, sep: str | None = None) -> list[str]:
    """A table written as text: ``text`` split on ``sep`` (whitespace by default), items stripped."""
    return [w.strip() for w in text.split(sep)]


# ------------------------------------------------------------------ dadelani/sib-200 (Flores-200 sentences)
_ISO3_TO_1: dict[str, str] = {
    iso3: iso1
    for iso3, iso1 in (
        pair.split(":")
        for pair in _words(
            "afr:af aka:ak amh:am asm:as bak:ba bam:bm bel:be ben:bn bod:bo bos:bs bul:bg cat:ca ces:cs cym:cy dan:da "
            "deu:de dzo:dz ell:el eng:en epo:eo est:et eus:eu ewe:ee fao:fo fij:fj fin:fi fra:fr gla:gd gle:ga glg:gl "
            "grn:gn guj:gu hat:ht hau:ha heb:he hin:hi hrv:hr hun:hu hye:hy ibo:ig ind:id isl:is ita:it jav:jv jpn:ja "
            "kan:kn kas:ks kat:ka kaz:kk khm:km kik:ki kin:rw kir:ky kon:kg kor:ko lao:lo lim:li lin:ln lit:lt ltz:lb "
            "lug:lg mal:ml mar:mr mkd:mk mlt:mt mri:mi mya:my nld:nl nno:nn nob:nb nya:ny oci:oc pan:pa pol:pl por:pt "
            "ron:ro run:rn rus:ru sag:sg san:sa sin:si slk:sk slv:sl smo:sm sna:sn snd:sd som:so sot:st spa:es srd:sc "
            "srp:sr ssw:ss sun:su swe:sv tam:ta tat:tt tel:te tgk:tg tgl:tl tha:th tir:ti tsn:tn tso:ts tuk:tk tur:tr "
            "twi:tw uig:ug ukr:uk urd:ur vie:vi wol:wo xho:xh yor:yo zho:zh zul:zu "
            # individual languages of macrolanguages -> the macrolanguage's ISO 639-1 code
            "arb:ar azj:az pes:fa swh:sw khk:mn lvs:lv npi:ne zsm:ms uzn:uz plt:mg gaz:om pbt:ps ydd:yi als:sq ory:or "
            "quy:qu ayr:ay kmr:ku"
        )
    )
}
# Flores directories whose script is not the language's usual one keep code + script.
_NONDEFAULT_SCRIPT = {"arb_Latn", "zho_Hant", "kas_Deva"}

SIB_LABELS: dict[str, str | None] = {
    "science/technology": IPTC["science"],
    "travel": IPTC["lifestyle"],
    "politics": IPTC["politics"],
    "sports": IPTC["sport"],
    "health": IPTC["health"],
    "entertainment": IPTC["arts"],
    "geography": None,
}


def flores_lang(code: str) -> str:
    """``hau_Latn`` -> ``ha``; ``zho_Hant`` -> ``zh_Hant``; codes without ISO 639-1 stay as they are (``ace_Arab``)."""
    iso3, script = code.split("_", 1)
    iso1 = _ISO3_TO_1.get(iso3)
    if iso1 is None:
        return code
    return f"{iso1}_{script}" if code in _NONDEFAULT_SCRIPT else iso1


def sib200(tree: GitTree) -> Iterator[Row]:
    """``data/annotated/<lang_Script>/{train,dev,test}.tsv``; dev is folded into train."""
    for path in tree.paths("data/annotated/"):
        parts = path.split("/")
        if len(parts) != 4 or not parts[3].endswith(".tsv"):
            continue
        split = "test" if parts[3] == "test.tsv" else "train"
        lang = flores_lang(parts[2])
        for row in csv.DictReader(io.StringIO(tree.text(path)), delimiter="\t"):
            yield row["text"], lang, SIB_LABELS[row["category"].strip()], split


def sib200_parallel(tree: GitTree) -> Iterator[tuple[str, str, str]]:
    """``(index_id, lang, text)`` of every train and dev sentence, geography included: the same ``index_id`` is the
    same sentence in every language, which is what :mod:`stream.build.topic_align` learns word translations from.
    Test sentences are left out, so no translation of a test sentence is seen in training."""
    for path in tree.paths("data/annotated/"):
        parts = path.split("/")
        if len(parts) != 4 or parts[3] not in ("train.tsv", "dev.tsv"):
            continue
        lang = flores_lang(parts[2])
        for row in csv.DictReader(io.StringIO(tree.text(path)), delimiter="\t"):
            yield row["index_id"].strip(), lang, row["text"]


# ------------------------------------------------------------------ MicrosoftTranslator/NTREX (news test references)
NTREX_DIR = "NTREX-128/"
NTREX_SOURCE = "newstest2019-src.eng.txt"
# NTREX names some languages by their macrolanguage code where Flores names an individual language.
_NTREX_ISO3 = {
    iso3: iso1
    for iso3, iso1 in (
        pair.split(":")
        for pair in _words("fas:fa swa:sw uzb:uz msa:ms aze:az zho:zh lav:lv mlg:mg mon:mn nep:ne orm:om pus:ps sqi:sq")
    )
}
_SCRIPT = re.compile(r"^[A-Z][a-z]{3}$")


def ntrex_lang(code: str) -> str | None:
    """``deu`` -> ``de``, ``aze-Latn`` -> ``az``, ``tgk-Cyrl`` -> ``tg``; ``None`` for a regional second
    reference (``fra-CA``, ``por-BR``, ``eng-GB``), which would count its sentences twice."""
    iso3, _, tail = code.partition("-")
    if tail and not _SCRIPT.match(tail):
        return None
    return _NTREX_ISO3.get(iso3) or _ISO3_TO_1.get(iso3) or code.replace("-", "_")  # ckb-Arab -> ckb_Arab, as Flores


def ntrex_parallel(tree: GitTree) -> Iterator[tuple[str, str, str]]:
    """``(line number, lang, text)`` of NTREX-128: the 1,997 English sentences of WMT newstest2019 (news of
    2019: BBC, Reuters, ...) and their human translations, one file per language, aligned by line. Only the
    first reference of a language is read (``newstest2019-ref.<code>.txt``; not ``ref-2`` nor regional
    variants); when two scripts of one language map to one code the first file in git's order wins."""
    seen: set[str] = set()
    for path in tree.paths(NTREX_DIR):
        name = path.removeprefix(NTREX_DIR)
        if name == NTREX_SOURCE:
            lang: str | None = "en"
        elif name.startswith("newstest2019-ref.") and name.endswith(".txt"):
            lang = ntrex_lang(name.removeprefix("newstest2019-ref.").removesuffix(".txt"))
        else:
            continue
        if lang is None or lang in seen:
            continue
        seen.add(lang)
        for i, line in enumerate(tree.text(path).splitlines(), 1):
            yield str(i), lang, line


# ------------------------------------------------------------------ omwn/omw-data (Wiktionary translations)
OMW_WIKT_DIR = "wns/wikt/"


def omw_wikt_dictionary(tree: GitTree, languages: frozenset[str] | None = None) -> Iterator[tuple[str, str, str]]:
    """``(lang, lemma, English lemma)``: every pair of lemmas that Wiktionary's translation tables put in one
    WordNet synset (the Extended Open Multilingual Wordnet, Bond & Foster 2013: ``wn-wikt-<iso3>.tab``, lines
    ``synset<TAB><iso3>:lemma<TAB>lemma``). English is ``wn-wikt-eng.tab`` of the same data, so both sides come
    from one licence. Only single words on both sides: a phrase is no token the model can look up. ``languages``
    (ISO 639-1 codes) limits the foreign side; files whose code maps to no ISO 639-1 code are skipped."""
    english: dict[str, list[str]] = {}
    for synset, lemma in _omw_lemmas(tree.text(OMW_WIKT_DIR + "wn-wikt-eng.tab")):
        english.setdefault(synset, []).append(lemma)
    for path in tree.paths(OMW_WIKT_DIR):
        name = path.removeprefix(OMW_WIKT_DIR)
        if not (name.startswith("wn-wikt-") and name.endswith(".tab")):
            continue
        iso3 = name.removeprefix("wn-wikt-").removesuffix(".tab")
        lang = _NTREX_ISO3.get(iso3) or _ISO3_TO_1.get(iso3)  # OMW, like NTREX, files some under the macrolanguage
        if lang is None or lang == "en" or (languages is not None and lang not in languages):
            continue
        for synset, lemma in _omw_lemmas(tree.text(path)):
            for word in english.get(synset, ()):
                yield lang, lemma, word


def _omw_lemmas(text: str) -> Iterator[tuple[str, str]]:
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) == 3 and parts[1].endswith(":lemma"):
            lemma = parts[2].strip()
            if lemma and " " not in lemma:
                yield parts[0], lemma


NTREX_DOCUMENTS = "DOCUMENT_IDS.tsv"


def ntrex_documents(tree: GitTree) -> Iterator[tuple[str, str]]:
    """``(line number, document id)`` of NTREX-128 (``DOCUMENT_IDS.tsv``, line-aligned with every language's
    file: ``bbc.381790``): newstest2019's 123 news documents, so that sentences can be read in their story's
    context (:func:`stream.build.topic_model.projection_units`)."""
    for i, line in enumerate(tree.text(NTREX_DOCUMENTS).splitlines(), 1):
        if line.strip():
            yield str(i), line.strip()


# ------------------------------------------------------------------ antcorpus/antcorpus.data (JawharaFM, Arabic)
_ANT_FIELD = {k: re.compile(rf"<{k}>(.*?)</{k}>", re.S) for k in ("CAT", "TITLE", "TEXT", "ABSTRACT")}
ANT_LABELS: dict[str, str] = {
    "culture": IPTC["arts"],
    "economy": IPTC["economy"],
    "politic": IPTC["politics"],
    "society": IPTC["society"],
    "sport": IPTC["sport"],
    "technology": IPTC["science"],
    # diverse, internationalNews, localNews, middleEast: too vague, dropped
}


def antcorpus_jawhara(tree: GitTree) -> Iterator[Row]:
    """``<category>/JA-*.txt``, TREC-style tags; text is TITLE + ". " + TEXT (or ABSTRACT). No split."""
    for path, body in tree.read_many([p for p in tree.paths() if p.endswith(".txt")]):
        xml = body.decode("utf-8", errors="replace")
        field = {}
        for k, rx in _ANT_FIELD.items():
            m = rx.search(xml)
            field[k] = m.group(1).strip() if m else ""
        cat = field["CAT"] or path.split("/")[-2]
        yield f"{field['TITLE']}. {field['TEXT'] or field['ABSTRACT']}", "ar", ANT_LABELS.get(cat), None


# ------------------------------------------------------------------ Mohamed-Qadar/Somali-News-Classification-Dataset
SNCD_PATH = "Dataset/Somali News Classification Dataset (SNCD).csv"
SNCD_LABELS: dict[str, str] = {"Politics": IPTC["politics"], "Sports": IPTC["sport"], "Economy": IPTC["economy"]}  # World dropped


def sncd_so(tree: GitTree) -> Iterator[Row]:
    """Somali headlines; no split. Economy was keyword-labelled by the authors (weak supervision)."""
    for row in csv.DictReader(io.StringIO(tree.text(SNCD_PATH).lstrip("\ufeff"))):
        yield row["text"], "so", SNCD_LABELS.get(row["label"].strip()), None


# ------------------------------------------------------------------ dsfsi/PuoBERTa daily-news-dikgang (Setswana)
DIKGANG_LABELS: dict[str, str] = {
    "arts_culture_entertainment_and_media": IPTC["arts"],
    "crime_law_and_justice": IPTC["crime"],
    "disaster_accident_and_emergency_incident": IPTC["disaster"],
    "economy_business_and_finance": IPTC["economy"],
    "education": IPTC["education"],
    "environment": IPTC["environment"],
    "health": IPTC["health"],
    "politics": IPTC["politics"],
    "religion_and_belief": IPTC["religion"],
    "society": IPTC["society"],
}


def dikgang_tn(tree: GitTree) -> Iterator[Row]:
    """``daily-news-dikgang/daily-news-dikgang-{dev,test}.tsv``: dev -> train, test -> test.

    The train TSV (~9.4 MB) is deliberately not read: the corpus was first built from a size-limited
    snapshot without it, and reading it only when present would make the output depend on the clone.
    """
    csv.field_size_limit(1 << 27)
    for name, split in (("dev", "train"), ("test", "test")):
        text = tree.text(f"daily-news-dikgang/daily-news-dikgang-{name}.tsv")
        for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
            yield f"{row['title']}. {row['text']}", "tn", DIKGANG_LABELS.get(row["orig_label"].strip()), split


# ------------------------------------------------------------------ ianrastall/current-events-context (Wikipedia Current Events Portal)
_WCEP: dict[str, list[str]] = {
    "conflict": [
        "armed conflicts and attacks",
        "armed conflict and attacks",
        "armed attacks and conflicts",
        "attacks and armed conflicts",
        "armed conflicts and incidents",
    ],
    "crime": ["law and crime", "law and crimes", "crime and law"],
    "disaster": ["disasters and accidents", "disasters", "disasters and incidents", "accidents and disasters"],
    "economy": ["business and economy", "business and economics", "businesses and economy", "business", "economy"],
    "diplomacy": ["international relations"],
    "politics": ["politics and elections", "politics", "elections"],
    "arts": ["arts and culture"],
    "sport": ["sports", "sport"],
    "science": ["science and technology", "science"],
    "health": ["health", "health and medicine"],
    "religion": ["religion"],
    # "Health and environment" (mixed), "Uncategorized" and named story lines are dropped.
}
WCEP_LABELS: dict[str, str] = {heading: IPTC[key] for key, headings in _WCEP.items() for heading in headings}
_WCEP_DAY = re.compile(r"^\d{4}/\d{2}/\d{4}-\d{2}-\d{2}\.yaml$")
_CITATIONS = re.compile(r"(\s*\([^()]{1,120}\))+\s*$")


def wcep_cec_en(tree: GitTree) -> Iterator[Row]:
    """``YYYY/MM/YYYY-MM-DD.yaml``, ``Intelligence_Payload: {<portal heading>: [item, ...]}``.

    Items under fewer than 6 words are story-line headings and are dropped; trailing "(Reuters) (BBC)"
    citations are stripped. No split.
    """
    days = [p for p in tree.paths() if _WCEP_DAY.match(p)]
    for _, body in tree.read_many(days):
        try:
            doc = yaml.safe_load(body)
        except yaml.YAMLError:
            continue
        payload = doc.get("Intelligence_Payload") if isinstance(doc, dict) else None
        if not isinstance(payload, dict):
            continue
        for heading, items in payload.items():
            label = WCEP_LABELS.get(str(heading).strip().lower())
            if not label or not isinstance(items, list):
                continue
            for item in items:
                if isinstance(item, str):
                    text = _CITATIONS.sub("", item.replace("\xa0", " ")).strip()
                    if len(text.split()) >= 6:
                        yield text, "en", label, None


# ------------------------------------------------------------------ studio-ousia/ease MewsC-16 (Wikinews)
MEWSC_DIR = "downstreams/text-clustering/data/mewsc16/"
MEWSC_LANGS = _words("ar ca cs de en eo es fa fr ja ko pl pt ru sv tr")
# Wikinews' combined "Politics and conflicts" also holds war stories; it is mapped to politics (flagged in SOURCES.md).
MEWSC_POLITICS_AND_CONFLICTS = _words(
    "Politics and conflicts | Politique et conflits | Polítiques i conflictes | سیاست و منازعات", "|"
)
_MEWSC: dict[str, str] = {  # the main categories of the 16 Wikinews editions, "|"-separated
    "politics": "سياسة | Politika | Themenportal Politik | Politiko | Política | 政治 | 정치 | Polityka | Политика | Politik",
    "arts": (
        "ثقافة | Cultura i esplai | Kultura | Themenportal Kultur | Culture and entertainment | Kulturo | "
        "Arte, cultura y entretenimiento | فرهنگ و سرگرمی | Culture | 文化 | 문화 | Kultura i rozrywka | "
        "Cultura e entretenimento | Культура | Kultur"
    ),
    "health": "صحة | Salut | Zdraví | Health | Sano | Salud | سلامت | Santé | 健康 | 건강 | Medycyna | Saúde | Здоровье | Hälsa | Sağlık",
    "sport": "رياضة | Esports | Sport | Themenportal Sport | Sports | Sporto | Deportes | ورزش | スポーツ | 스포츠 | Desporto | Спорт | Spor",
    "environment": "بيئة | Themenportal Umwelt | Environment | Ecología | Environnement | 環境 | 환경 | Ecologia",
    "science": (
        "علوم وتقنية | Ciència i tecnologia | Věda a technika | Themenportal Wissenschaft | Science and technology | "
        "Ciencia y tecnología | دانش و فناوری | Science et technologie | 科学技術 | 과학기술 | Nauka | "
        "Ciência e tecnologia | Наука и технологии | Bilim ve Teknoloji"
    ),
    "economy": (
        "اقتصاد | Economia | Ekonomika | Themenportal Wirtschaft | Economy and business | Ekonomio | "
        "Economía y Negocios | اقتصاد و تجارت | Économie | 経済 | 경제 | Gospodarka | Economia e negócios | "
        "Экономика | Ekonomi | Ekonomi ve iş"
    ),
    "disaster": (
        "كوارث وحوادث | Desastres i accidents | Katastrofy | Disasters and accidents | Katastrofoj | "
        "Desastres y accidentes | بلایا و حوادث | Catastrophe | 事故 | 사고 | Katastrofy i klęski żywiołowe | "
        "Desastres e acidentes | Катастрофы | Olyckor | Afetler ve kazalar"
    ),
    "weather": "طقس | Počasí | Themenportal Wetter | Weather | Météo | 気象 | 날씨 | Pogoda | Метеорология | Väder",
    "crime": (
        "Crim i llei | Crime and law | Krimoj kaj juro | جرایم و قانون | Justice | 事件 | Prawo i przestępczość | "
        "Crime, Direito e Justiça | Преступность и право | Suç ve hukuk"
    ),
    "education": "Educació | Education | Educación | Éducation | 教育 | 교육 | Edukacja | Educação | Образование",
    # dropped: obituaries (وفيات, Necrologia, Úmrtí, Obituaries, ...) and media (إعلام, Themenportal Medien, СМИ, ...)
}
MEWSC_LABELS: dict[str, str] = {cat: IPTC[key] for key, cats in _MEWSC.items() for cat in _words(cats, "|")} | dict.fromkeys(
    MEWSC_POLITICS_AND_CONFLICTS, IPTC["politics"]
)
_CATEGORY_MARKUP = re.compile(
    r"(Category|Категория|Kategorie|Catégorie|Categoría|Categoria|Kategoria|Kategori|Kategorio|Kategória|Luokka|تصنيف|رده|분류)\s*:",
    re.I,
)


def mewsc16_wikinews(tree: GitTree) -> Iterator[Row]:
    """``<lang>_sentences.txt`` + line-aligned ``<lang>_categories.txt``: an article's first sentence and main category."""
    for lang in MEWSC_LANGS:
        sentences = tree.text(f"{MEWSC_DIR}{lang}_sentences.txt").split("\n")
        categories = tree.text(f"{MEWSC_DIR}{lang}_categories.txt").split("\n")
        if len(sentences) != len(categories):
            raise ValueError(f"MewsC-16 {lang}: {len(sentences)} sentences but {len(categories)} categories")
        for sentence, category in zip(sentences, categories, strict=True):
            label = MEWSC_LABELS.get(category.strip())
            if label and not _CATEGORY_MARKUP.search(sentence) and len(sentence.strip()) >= 15:
                yield sentence, lang, label, None
