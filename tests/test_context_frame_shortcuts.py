"""The context frame's shortcuts (str.find and class-search pre-tests) give
what the plain scans they stand before give."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from danvan_extract.context import attach, document_info

_HEAD_LINES = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "cộng  hòa xã hội", "Độc lập - Tự do - Hạnh phúc", "ĐỘC LẬP", "ſ",
               "İ", "Tin tức", "Huyện đạt 5%", "x" * 130 + " Độc lập - Tự do - Hạnh phúc", ""]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HEAD_LINES), max_size=8))
def test_official_header_as_each_line_tested(lines):
    offsets = [(i, line) for i, line in enumerate(lines)]
    plain = any(len(line) <= document_info._MAX_HEAD_LINE and document_info._MOTTO.search(line) for line in lines)
    assert document_info._is_official(offsets) == plain
