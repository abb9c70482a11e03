from hypothesis import given, settings, strategies as st

from danvan_extract import Pipeline
from danvan_extract.extractors.base.context import Context
from danvan_extract.segment import sentences


def _texts(text):
    return [text[s:e] for s, e in sentences(text)]


def test_splits_on_sentence_ends_and_lines():
    text = "Huyện có 3.980 hộ. Xã đạt 5/16 tiêu chí!\nẢnh: Thanh Lê\n\n“Dân vận khéo” được nhân rộng."
    assert _texts(text) == ["Huyện có 3.980 hộ.", "Xã đạt 5/16 tiêu chí!", "Ảnh: Thanh Lê", "“Dân vận khéo” được nhân rộng."]


def test_abbreviations_and_numbers_do_not_split():
    text = "Hơn 1.000 bạn trẻ TP. Hồ Chí Minh dự, PGS.TS. Nguyễn Văn A phát biểu. Hết."
    assert _texts(text) == ["Hơn 1.000 bạn trẻ TP. Hồ Chí Minh dự, PGS.TS. Nguyễn Văn A phát biểu.", "Hết."]


def test_offsets_cover_text():
    text = "  A b. C d.  \n\nE"
    for s, e in sentences(text):
        assert text[s:e].strip() == text[s:e]



_PIPELINE = Pipeline(context=False)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab AĐ.!?…\n\"“(3", max_size=60), st.integers(min_value=0, max_value=60))
def test_a_sentence_start_read_from_its_line_equals_the_whole_text_s(text, pos):
    pos = min(pos, len(text))
    line_only = Context(text, _PIPELINE.rules).sentence_start(pos)  # nothing segmented yet: the line alone
    whole = Context(text, _PIPELINE.rules)
    assert whole.sentences is not None  # the whole text segmented first
    assert line_only == whole.sentence_start(pos)
