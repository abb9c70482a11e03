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
