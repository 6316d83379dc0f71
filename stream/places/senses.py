"""English words that name a country's people or language but, in the sentence, neither: "in English and Spanish",
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
Tokens are :class:`stream.text.normalize.TokenStream`'s (folded, lower case).
"""

from __future__ import annotations

from stream.text.normalize import TokenStream

__all__ = ["LANGUAGE_NAMES", "names_a_language", "names_native_americans"]

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
