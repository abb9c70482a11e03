"""The offset invariant on any input, and the same facts whatever the
surface form (NFD, old tone placement, odd spaces, CRLF, dashes)."""

import unicodedata

from hypothesis import HealthCheck, given, settings, strategies as st

from danvan_extract.text import normalize

SENTENCE = (
    "Huyện có 285 mô hình, chiếm trên 88%; đóng góp 4,22 tỷ đồng, hiến 36.618 m2, "
    "có 3.980/14.778 hộ hòa nhập. Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban chấp hành Trung ương."
)
PIECES = st.sampled_from([
    "285 mô hình", " chiếm 73,53%", "\u00a0", "\u200b", "\r\n", "–", "−", "“", "”", "Nghị quyết số 25–NQ/TW",
    "hoà", "thuỷ", "Uỷ viên", "29,168 ha", "3.980/14.778 hộ", "trên 4,22 tỷ đồng", "x", "\n", " ", "18,912,473",
])


def _check(pipeline, text):
    for f in pipeline.extract(text):
        assert text[f.start : f.end] == f.text, f


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_offsets_hold_on_random_unicode(pipeline, text):
    _check(pipeline, text)


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join))
def test_offsets_hold_on_messy_fragments(pipeline, text):
    _check(pipeline, text)


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, max_size=15).map("".join))
def test_nfd_input_gives_same_facts(pipeline, text):
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    a = [(f.type, unicodedata.normalize("NFC", f.text)) for f in pipeline.extract(nfc)]
    b = [(f.type, unicodedata.normalize("NFC", f.text)) for f in pipeline.extract(nfd)]
    assert a == b
    _check(pipeline, nfd)


def _key(facts):
    return [(f.type, getattr(f, "value", None), getattr(f, "number", None)) for f in facts]


def test_surface_variants_give_same_facts(pipeline):
    clean = _key(pipeline.extract(SENTENCE))
    assert len(clean) >= 7
    variants = [
        unicodedata.normalize("NFD", SENTENCE),
        SENTENCE.replace(" ", "\u00a0"),
        SENTENCE.replace(". ", ".\r\n"),
        SENTENCE.replace("25-NQ", "25–NQ").replace("hòa", "hoà"),
        SENTENCE.replace(" ", " \u200b"),
    ]
    for v in variants:
        facts = pipeline.extract(v)
        assert _key(facts) == clean, v
        for f in facts:
            assert v[f.start : f.end] == f.text


def test_normalize_maps_back():
    original = "Uy\u0309 viên hoa\u0300\r\n25\u201325"
    norm = normalize(original)
    assert norm.text == "Ủy viên hòa\n25-25"
    i = norm.text.index("hòa")
    assert norm.original_slice(i, i + 3) == "hoa\u0300"
    j = norm.text.index("25-25")
    assert norm.original_slice(j, j + 5) == "25\u201325"


_NFC_PIECES = st.sampled_from(["\r\n", "\r", "\n", "\u200b", "\ufeff", "\u00ad", "\u00a0", "hoà", "a", "Đ", " ", "x\u0302"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_NFC_PIECES, max_size=40).map("".join))
def test_fast_crlf_and_zero_width_path_equals_the_general_one(text):
    from danvan_extract.text import _normalize_mapped

    from tests.normalize_reference import assert_same_normalization

    assert_same_normalization(normalize(text), _normalize_mapped(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_NFC_PIECES, st.text(max_size=5)), max_size=30).map("".join))
def test_visible_drops_exactly_the_dropped_characters(text):
    from danvan_extract.text import _DROP, visible

    assert visible(text) == "".join(c for c in text if c not in _DROP)
