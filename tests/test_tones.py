"""Folding tones: the cached path gives what the plain substitution gives."""

from hypothesis import given, settings, strategies as st

from danvan_extract.extractors import tones

_VOWELS = "oaeuyqOAEUYQ \n" + "".join(tones._TABLE) + "àáảãạòóỏõọùúủũụ"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_VOWELS + "hklnt", max_size=90))
def test_fold_tones_equals_the_plain_substitution(text):
    assert tones.fold_tones(text) == tones._fold(text)
    assert tones.fold_tones(text) == tones.fold_tones(text)  # the cached answer again


def test_fold_tones_folds():
    assert tones.fold_tones("uỷ viên thuỷ lợi") == "ủy viên thủy lợi"
    assert tones.fold_tones("hoà " * 30) == "hòa " * 30  # past the cached length
