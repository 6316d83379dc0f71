"""``fold``: the matching form every detector compares, fast on long non-Latin text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from stream.text.normalize import _DROP, _UNIFY, fold, tokenize

# Characters fold drops or unifies, and a few that NFKC or casefold change, mixed into any text.
_SPECIAL = [chr(c) for c in _DROP] + [chr(c) for c in _UNIFY] + ["\u200c", "\u200d", "İ", "ß", "ﬁ", "Ё", "Ǆ"]


def _reference(text: str) -> str:
    """fold as first written, with str.translate: the definition the fast version must keep."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_DROP).translate(_UNIFY)
    return text.replace("\u200c", "").replace("\u200d", "")


@given(st.lists(st.one_of(st.sampled_from(_SPECIAL), st.characters()), max_size=40).map("".join))
def test_fold_equals_its_translate_definition(text: str) -> None:
    assert fold(text) == _reference(text)


def test_fold_examples() -> None:
    assert fold("أحمد إلى مكة") == "احمد الي مكه"
    assert fold("Ёлка\u200cİstanbul’s") == "елкаistanbul's"  # Turkish dotted İ loses its dot
    assert fold("Karabağ") == "karabağ"
    assert fold("ASCII only") == "ascii only"


def test_words_of_scripts_with_inner_vowel_signs_are_one_token() -> None:
    # Thai, Lao, Myanmar and Khmer vowel signs and tone marks are not word characters (\w): a token cut at
    # each of them turned the capital กรุงเทพ into "กร" + "งเทพ", and no place name could match.
    cases = {
        "ข่าวจากกรุงเทพ วันนี้": ["ข่าวจากกรุงเทพ", "วันนี้"],
        "ນະຄອນຫຼວງວຽງຈັນ": ["ນະຄອນຫຼວງວຽງຈັນ"],
        "ရန်ကုန်မြို့၌ ငလျင်": ["ရန်ကုန်မြို့", "ငလျင်"],  # ၌ is a punctuation mark, not a sign
        "ភ្នំពេញ, កម្ពុជា": ["ភ្នំពេញ", "កម្ពុជា"],
    }
    for text, words in cases.items():
        tokens = tokenize(text)
        assert [text[t.start : t.end] for t in tokens] == words, text


def test_hebrew_points_stay_inside_the_word_and_fold_away() -> None:
    # Pointed Hebrew (children's and religious text, some headlines) is the plain word plus marks: one token,
    # folded to the unpointed form that the gazetteer and the rules hold.
    tokens = tokenize("שָׁלוֹם בִּירוּשָׁלַיִם")
    assert [t.text for t in tokens] == ["שלום", "בירושלים"]
    assert [(t.start, t.end) for t in tokens] == [(0, 7), (8, 23)]
