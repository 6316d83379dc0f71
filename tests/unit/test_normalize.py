"""``fold``: the matching form every detector compares, fast on long non-Latin text."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right

from hypothesis import given
from hypothesis import strategies as st

from stream.text.normalize import _DROP, _UNIFY, TokenStream, fold, tokenize, unfolded_ends

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


@given(st.lists(st.one_of(st.sampled_from([*_SPECIAL, "ำ", "ｶﾞ", "㈱", "ﬁ"]), st.characters()), max_size=30).map("".join))
def test_unfolded_ends_maps_every_folded_character_back_to_its_own(text: str) -> None:
    # Where folding changes a run's length, a match inside the folded run is mapped back by these ends: the
    # folded form of the first k original characters is exactly as long as the k-th end says.
    folded = fold(text)
    ends = unfolded_ends(text, folded)
    if ends is None:  # a composition across characters: the caller keeps the whole span
        assert "".join(fold(c) for c in text) != folded
        return
    assert len(ends) == len(text)
    for k in range(1, len(text) + 1):
        assert len("".join(fold(c) for c in text[:k])) == ends[k - 1]
    assert (ends[-1] if ends else 0) == len(folded)


def test_unfolded_ends_of_a_thai_clause() -> None:
    # ำ folds to two characters (ํ + า): a name after it is found one character later in the folded clause.
    run = "ทำให้กรุงเทพ"
    folded = fold(run)
    ends = unfolded_ends(run, folded)
    assert ends is not None and len(folded) == len(run) + 1
    at = folded.index(fold("กรุงเทพ"))
    assert run[bisect_right(ends, at) :] == "กรุงเทพ"


def test_inner_span_maps_a_name_inside_an_unspaced_run_to_its_own_characters() -> None:
    # ำ folds to two characters: the folded run is longer than the original, and the name after it keeps its offsets.
    text = "ทำให้ปักกิ่ง"
    ts = TokenStream.of(text)
    assert len(ts.texts[0]) == len(text) + 1
    pos = ts.texts[0].index(fold("ปักกิ่ง"))
    start, end = ts.inner_span(0, pos, len(fold("ปักกิ่ง")))
    assert text[start:end] == "ปักกิ่ง"
    # A run whose length folding kept maps offsets directly.
    ts = TokenStream.of("中国与哈萨克斯坦")
    assert ts.inner_span(0, 3, 5) == (3, 8)
