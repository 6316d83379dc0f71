"""Words that name a country's people or language but, in the sentence, neither: "in English and Spanish",
"a French immersion school", "American Indians".

A demonym counts as weak evidence of its country ("French troops", "a Spanish bank"). Two English uses name no
country at all:

* the **language**: "aired in English and Spanish", "Spanish-speaking residents", "a French immersion school",
  "translated into Arabic". Only where the sentence leaves no other reading: after a verb of speaking or "in", the
  language stands alone (punctuation, a conjunction or a preposition follows it; "in French custody" is France's), or
  a noun of language follows it ("-speaking", "language", "immersion", "lessons");
* the **Native Americans**: "American Indians", "Native Indian", "Caddo and Atakapa Indians" (a people's name before
  "Indians"), and "Indian" before a noun of US federal Indian law ("Indian reservation", "Indian gaming",
  "Bureau of Indian Affairs").

The geotagger drops such a hit (:func:`stream.places.geotag.locate`, English stories and stories of unknown language).

Russian and Ukrainian (:func:`names_a_language_cyrillic`): a country's adjective before the noun "language" (язык,
мова), across a list of such adjectives, names the language ("владеет английским и испанским языками", "на
испанском языке", "англійською мовою"), and so does a list opened by that noun ("на пяти языках — итальянском,
французском"). The geotagger drops such a hit in Russian, Ukrainian and unknown-language stories.
Tokens are :class:`stream.text.normalize.TokenStream`'s (folded, lower case).
"""

from __future__ import annotations

import re

from stream.text.normalize import TokenStream

__all__ = ["LANGUAGE_NAMES", "LANGUAGE_NOUN_STEMS", "names_a_language", "names_a_language_cyrillic", "names_native_americans"]

#: English names of languages that are also a country's demonym or name ("French", "Hindi").
LANGUAGE_NAMES = frozenset(
    [
        *("english", "french", "spanish", "portuguese", "german", "italian", "dutch", "russian", "ukrainian"),
        *("polish", "czech", "slovak", "hungarian", "romanian", "bulgarian", "serbian", "croatian", "greek"),
        *("turkish", "arabic", "hebrew", "persian", "farsi", "urdu", "hindi", "bengali", "chinese", "mandarin"),
        *("cantonese", "japanese", "korean", "vietnamese", "thai", "indonesian", "malay", "swahili", "somali"),
        *("amharic", "armenian", "georgian", "azerbaijani", "kazakh", "uzbek", "swedish", "norwegian", "danish"),
        *("finnish", "estonian", "latvian", "lithuanian", "albanian", "icelandic", "filipino", "tagalog"),
    ]
)
# Nouns after a language's name that make it the language: "Spanish-speaking", "French immersion", "Arabic lessons".
_LANGUAGE_NOUNS = frozenset(
    [
        *("speaking", "speaker", "speakers", "language", "languages", "immersion", "translation", "translations"),
        *("translator", "translators", "interpreter", "interpreters", "subtitles", "subtitled", "dubbed"),
        *("lesson", "lessons", "class", "classes", "course", "courses", "teacher", "teachers", "tutor"),
        *("alphabet", "grammar", "dictionary", "fluency", "proficiency", "literacy", "dialect", "dialects"),
    ]
)
# Words before a language's name that make it the language when it stands alone: "spoke French", "fluent in
# Spanish" ("in" itself is here), "translated into Arabic".
_LANGUAGE_VERBS = frozenset(
    [
        *("speak", "speaks", "spoke", "spoken", "speaking", "fluent", "learn", "learns", "learned", "learning"),
        *("learnt", "teach", "teaches", "taught", "teaching", "study", "studies", "studied", "studying"),
        *("translate", "translated", "translating", "into", "in", "understand", "understands", "read", "reads"),
        *("write", "writes", "wrote", "written", "sing", "sings", "sang", "sung", "broadcast", "broadcasts"),
    ]
)
# What may follow a language's name standing alone: the sentence goes on without a noun for it to qualify.
_AFTER_ALONE = frozenset(
    [
        *("and", "or", "but", "as", "at", "on", "by", "to", "for", "from", "with", "about", "than", "while"),
        *("when", "during", "because", "before", "after", "so", "too", "only", "well", "fluently", "instead"),
    ]
)
# Nouns of US federal Indian law and life after "Indian": "Indian reservation", "Indian gaming", "Indian Affairs".
_NATIVE_NOUNS = frozenset(
    [
        *("tribe", "tribes", "tribal", "reservation", "reservations", "casino", "casinos", "gaming", "affairs"),
        *("country", "agent", "agency", "wars", "mound", "mounds", "boarding", "removal"),
    ]
)


def _alone_after(ts: TokenStream, text: str, i: int) -> bool:
    """Whether token ``i`` ends its phrase: nothing, punctuation or a word of :data:`_AFTER_ALONE` follows."""
    nxt = i + 1
    if nxt >= len(ts.texts):
        return True
    gap = text[ts.end(i) : ts.start(nxt)]
    return bool(gap.strip()) or not ts.texts[nxt].isalpha() or ts.texts[nxt] in _AFTER_ALONE


def names_a_language(ts: TokenStream, text: str, first: int, last: int) -> bool:
    """Whether the one-token name at ``first`` (== ``last``) is used as a language's name (see the module)."""
    texts = ts.texts
    if first != last or texts[first] not in LANGUAGE_NAMES:
        return False
    nxt = last + 1
    if nxt < len(texts) and texts[nxt] in _LANGUAGE_NOUNS and text[ts.end(last) : ts.start(nxt)] in (" ", "-"):
        return True
    if not _alone_after(ts, text, last):
        return False
    # Back over a list of languages: "in English, French and Spanish", within the sentence.
    prev = first - 1
    while prev >= 0 and (texts[prev] in ("and", "or") or texts[prev] in LANGUAGE_NAMES):
        if any(ch in text[ts.end(prev) : ts.start(prev + 1)] for ch in ".!?;:\n"):
            return False
        prev -= 1
    return (
        prev >= 0
        and texts[prev] in _LANGUAGE_VERBS
        and not any(ch in text[ts.end(prev) : ts.start(prev + 1)] for ch in ".!?;:\n")
    )


def names_native_americans(ts: TokenStream, text: str, first: int, last: int, hit_tokens: set[int]) -> bool:
    """Whether "Indian" or "Indians" at ``first`` (== ``last``) names Native Americans (see the module)."""
    texts = ts.texts
    if first != last or texts[first] not in ("indian", "indians"):
        return False
    prev, nxt = first - 1, last + 1
    if prev >= 0 and texts[prev] in ("american", "native", "americans") and text[ts.end(prev) : ts.start(first)] == " ":
        return True
    if texts[first] == "indian":
        return nxt < len(texts) and texts[nxt] in _NATIVE_NOUNS and text[ts.end(last) : ts.start(nxt)] == " "
    # "Caddo and Atakapa Indians", "Cherokee Indians": a people's name, capitalised inside the sentence, no place.
    if prev < 0 or prev in hit_tokens or text[ts.end(prev) : ts.start(first)] != " ":
        return False
    start = ts.start(prev)
    before = text[:start].rstrip(" \"'“‘")
    return text[start].isupper() and texts[prev].isalpha() and bool(before) and before[-1] not in ".!?\n"


#: Russian and Ukrainian nouns "language" (язык, мова) in every case: "на испанском языке", "англійською мовою".
_CYR_LANGUAGE_NOUNS = frozenset(
    [
        *("язык", "языка", "языку", "языком", "языке", "языки", "языков", "языкам", "языками", "языках"),
        *("мова", "мови", "мові", "мову", "мовою", "мов", "мовам", "мовами", "мовах"),
    ]
)
#: What a story must contain for :func:`names_a_language_cyrillic` to be asked at all.
LANGUAGE_NOUN_STEMS = ("язык", "мов")
# Between languages in a list: "английским и испанским", "ні англійської, ні іспанської".
_CYR_LIST_WORDS = frozenset(["и", "или", "ни", "а", "также", "і", "й", "та", "або", "ні"])
_CYR_ADJECTIVE = re.compile(r"\w+(?:ск|цк|зьк|ськ|цьк)\w{1,3}")
_SENTENCE_END = frozenset(".!?;\n")


def _language_list_word(word: str) -> bool:
    return word in _CYR_LIST_WORDS or bool(_CYR_ADJECTIVE.fullmatch(word))


def names_a_language_cyrillic(ts: TokenStream, text: str, first: int, last: int) -> bool:
    """Whether a Russian or Ukrainian adjective of a country at ``first``..``last`` names a language: a noun
    "language" follows it, across a list of such adjectives ("владеет английским и испанским языками", "ни
    английского, ни испанского языка", "англійською мовою"), or ends a list it opens ("на пяти языках —
    итальянском, французском, немецком"). "Испанский рынок" keeps its country."""
    texts = ts.texts
    i = last + 1
    while i < len(texts) and i - last <= 8 and not _SENTENCE_END.intersection(text[ts.end(i - 1) : ts.start(i)]):
        if texts[i] in _CYR_LANGUAGE_NOUNS:
            return True
        if not _language_list_word(texts[i]):
            break
        i += 1
    i = first - 1
    while i >= 0 and first - i <= 10 and not _SENTENCE_END.intersection(text[ts.end(i) : ts.start(i + 1)]):
        if texts[i] in _CYR_LANGUAGE_NOUNS:
            return bool(set("—–-:,").intersection(text[ts.end(i) : ts.start(i + 1)]))
        if not _language_list_word(texts[i]):
            return False
        i -= 1
    return False
