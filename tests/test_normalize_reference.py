"""The normalization equals its references (tests/normalize_reference.py):
same text, same offsets for every span, on text made to hit every path;
the tone fix equals one substitution over the whole text."""

import unicodedata

from hypothesis import given, settings, strategies as st

from danvan_extract.text import _fix_tone_placement, normalize
from tests import normalize_reference as reference

# Letters and marks of every kind normalization treats apart: old-style
# tone placement ("hoà", "thuỷ"), NFD pieces, combining marks with no
# precomposed form, line ends, invisible and mapped characters, astral
# characters, and letters whose NFC differs in length.
_PIECES = ["hoà", "hòa", "khoẻ", "thuỷ", "quỳ", "Quý", "toàn", "oà.", "Uỷ", "uý", "OÀ", "q", "Q",
           "a", "e", "y", "o", "u", " ", "\n", "\r", "\r\n", "\t", "\u00a0", "\u202f", "\u2013", "\u2014",
           "\u2019", "\u201c", "\uff05", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
           "\u0300", "\u0301", "\u0309", "\u0303", "\u0323", "\u0302", "\u0306", "\u031b", "\u0331",
           "\u20dd", "\u0903", "q\u0301", "\U0001d400", "\U0001f600", "\U00010400", "\u212b", "\u0958",
           "\u1100\u1161", "\uac00", "1", "²", "x", "ộ", "Đ", "ư"]

_texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


# Vietnamese as a decomposed (NFD) text gives it, with a few of the
# characters that send it down the general path.
_VIETNAMESE = st.lists(st.sampled_from(["hộ", "hoà", "Thuỷ", "quý", "Đức", "ường", "ẫ", "ệ", " ", ".", "\n", "2",
                                        "\u00a0", "\u2013", "q\u0301", "\u0903", "\u212b", "\U0001d400"]),
                       max_size=30).map(lambda pieces: unicodedata.normalize("NFD", "".join(pieces)))


def _variants(text: str) -> list[str]:
    return [text, unicodedata.normalize("NFD", text), unicodedata.normalize("NFC", text)]


def _assert_same(text: str) -> None:
    reference.assert_same_normalization(normalize(text), reference.normalize(text))


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_normalize_equals_the_reference(text):
    for variant in _variants(text):
        _assert_same(variant)


@settings(max_examples=400, deadline=None)
@given(_VIETNAMESE)
def test_normalize_equals_the_reference_on_decomposed_vietnamese(text):
    _assert_same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_normalize_equals_the_reference_on_any_text(text):
    _assert_same(text)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_texts, st.text(max_size=30)))
def test_the_tone_fix_equals_one_substitution_over_the_text(text):
    for variant in _variants(text):
        assert _fix_tone_placement(variant) == reference.fix_tone_placement(variant)


def test_normalize_equals_the_reference_on_the_gold_texts():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "gold"
    for path in sorted(root.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        variants = (text, text.replace("\n", "\r\n"), text.replace(" ", "\u200b ", 50),
                    unicodedata.normalize("NFD", text), text.replace("a", "a\u0301", 3))
        for variant in variants:
            new, old = normalize(variant), reference.normalize(variant)
            assert new.text == old.text
            for start, end in [(0, len(old.text)), (len(old.text), len(old.text))] + [
                    (i, i + 7) for i in range(0, max(len(old.text) - 7, 0), 31)]:
                assert new.to_original(start, end) == old.to_original(start, end)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_texts, _VIETNAMESE, st.text(max_size=30)), st.data())
def test_visible_slice_equals_the_plain_path(text, data):
    """The identity map's short cut gives the caller's text as the offset
    map and :func:`visible` do."""
    from danvan_extract.text import visible

    norm = normalize(text)
    start = data.draw(st.integers(0, len(norm.text)))
    end = data.draw(st.integers(start, len(norm.text)))
    assert norm.visible_slice(start, end) == visible(norm.original_slice(start, end))


@settings(max_examples=300, deadline=None)
@given(st.one_of(_texts, _VIETNAMESE, st.text(max_size=30)), st.data())
def test_written_equals_nfc_of_each_part(text, data):
    """Fields as written: one NFC of the joined parts equals the parts' own
    NFC joined (the join's space composes with nothing)."""
    from danvan_extract.pipeline import _written
    from danvan_extract.text import visible

    norm = normalize(text)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(norm.text)), min_size=2, max_size=6)))
    spans = list(zip(cuts[::2], cuts[1::2]))
    parts = [unicodedata.normalize("NFC", visible(norm.original_slice(s, e))) for s, e in spans]
    assert _written(norm, spans) == (" ".join(" ".join(parts).split()) or None)


def test_no_replacement_is_itself_replaced():
    """The one-for-one map is applied one character at a time: no
    replacement may be a character the map replaces."""
    from danvan_extract.text import _CHAR_MAP

    assert not set(_CHAR_MAP.values()) & set(_CHAR_MAP)
