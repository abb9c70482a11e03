"""The context stage's shared per-document work (a text lowered once, head
lines read once) gives what each reader's own computation gives."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from danvan_extract.context.words import Openers, lowered
from danvan_extract.extractors.base import Context
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
