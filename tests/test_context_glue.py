"""The context stage's shared per-document work (a text lowered once, head
lines read once) gives what each reader's own computation gives."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from danvan_extract.context.words import Openers, lowered
from danvan_extract.extractors.base.context import Context
from danvan_extract.grammar.rules import load_rules

_RULES = load_rules()
_PARTS = ["Huyện", "tỉnh", "ĐẠT", " ", "\n", "İ", "ſ", "ß", "Σ", "ΑΣ ", "ǅ", "ﬁ", "12", "\u0301", "thị xã", "TP."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=12))
def test_openers_from_the_extractors_lowered_text_as_from_their_own(parts):
    # the pipeline hands the extractors' lowered text (lowered char by char where str.lower() changes length)
    text = "".join(parts)
    low = Context(text, _RULES).lower
    assert lowered(text, low) == lowered(text)
    words = ("huyện", "tỉnh", "thị xã", "tp.", "đạt")
    assert Openers(text, low).starts(words) == Openers(text).starts(words)


_HEAD_PARTS = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐỘC LẬP", "cộng", "độ", "c", "İ",
               "ſ", "Σ", "x" * 40, "\n", " "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_HEAD_PARTS), max_size=10))
def test_official_head_found_as_line_by_line(parts):
    # a head without the motto's words is tested once, not line by line
    from danvan_extract import dateline
    from danvan_extract.context import document_info

    lines = dateline.lines_with_offsets("".join(parts))
    plain = any(len(line) <= document_info._MAX_HEAD_LINE and document_info._MOTTO.search(line) for _, line in lines)
    assert document_info._is_official(lines) == plain



def _section_starts_plain(text: str) -> list[int]:
    """Section starts as read before: the headings' walk, then a walk of its
    own (each line split off) for the list of other stories."""
    from danvan_extract.context import figure

    starts, end, lines = [], 0, figure.clauses.line_starts(text)
    for i, pos in enumerate(lines):
        line_end = lines[i + 1] - 1 if i + 1 < len(lines) else len(text)
        m = figure.sections._HEADING.match(text, pos) if pos >= end and not figure.sections._unlike_heading(text, pos, line_end) else None
        if m is not None:
            end = m.end()
            line, before = m.group("h"), text[max(0, m.start() - 2):m.start()]
            if len(line.split()) >= 3 and "Ảnh" not in line and (m.start() == 0 or before == "\n\n"):
                starts.append(m.end())
    pos = 0
    for line in text.split("\n"):
        pos += len(line) + 1
        if line and len(line) <= 30 and figure.sections._OTHER_STORIES.fullmatch(line):
            starts += [m.end() for m in figure.sections._NON_BLANK_LINE.finditer(text, pos=pos - 1)]
            break
    return sorted(set(starts))


_SECTION_PARTS = ["Tin liên quan", "TIN LIÊN QUAN:", " Xem thêm ", "Có thể bạn quan tâm", "\n", "\n\n", " ", "\t",
                  "Kết quả thực hiện chương trình", "Huyện đạt 5%.", "Ảnh: Văn Hùng", "x" * 25]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SECTION_PARTS), max_size=12))
def test_sections_from_one_walk_over_the_lines_as_from_two(parts):
    from danvan_extract.context import figure

    text = "".join(parts)
    assert figure.sections.section_starts(text) == _section_starts_plain(text)


_DATED_PARTS = ["Thứ ba, ngày 24 tháng 1 năm 2023 | 10:31", "24/01/2022", "date 2025-09-02 Trong giai đoạn", "\n", " ",
                "Tiêu đề của bài báo về kinh tế", "Trang chủ", "Sóc Trăng, ngày 30 tháng 05 năm 2023", "Huyện đạt 5%."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATED_PARTS), max_size=14))
def test_head_lines_read_once_as_by_each_reader(parts):
    # the date line, the date stamps and the headline from the head lines analyse reads once
    from danvan_extract import dateline
    from danvan_extract.context import document_info

    text = "".join(parts)
    head = dateline.lines_with_offsets(text)
    assert dateline.find_date_line(text, head) == dateline.find_date_line(text)
    assert dateline.stamp_lines(text, head) == dateline.stamp_lines(text)
    assert document_info.find_title(text, [], head) == document_info.find_title(text, [])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Tin", "TIN MỚI", "Đạt", "A", " ", "\t", "\n", "\n\n", "Huyện Ba", "Ảnh"]), max_size=10))
def test_lines_too_short_for_a_heading_hold_none(parts):
    # the sections' walk skips the lines shorter than any heading's
    from danvan_extract.context import figure

    text = "".join(parts)
    starts = figure.clauses.line_starts(text)
    for pos, nxt in zip(starts, starts[1:] + [len(text) + 1]):
        if nxt - 1 - pos < figure.sections._HEADING_MIN:
            assert figure.sections._HEADING.match(text, pos) is None
