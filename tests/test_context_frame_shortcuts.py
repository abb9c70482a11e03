"""The context frame's shortcuts (str.find and class-search pre-tests) give
what the plain scans they stand before give."""

from __future__ import annotations

import regex
from hypothesis import given, settings, strategies as st

from danvan_extract.context import figure

_STOP_MARKS = regex.compile(r"[.!?…]+(?=\s+[\p{Lu}\d“\"(-])")
_PROSE = [".", "…", "?", "!", "?!", "!.", "...", "\n", " \n", "\n\n", "\t", " ", "\x1c", "Tỉnh", "đạt", "12", "“", "(", "-",
          "\n \n", ". ", "… "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PROSE), max_size=16))
def test_stop_marks_found_mark_by_mark_as_by_their_class(parts):
    # the sentence bounds from one scan per stop mark: as from the scan of their runs
    text = "".join(parts)
    marks = [m.end() for m in _STOP_MARKS.finditer(text)]
    lines = figure.clauses.line_starts(text)
    breaks = [start for start in lines[1:] if not regex.match(r"\p{Ll}", text[start:start + 1])]
    blank = [m.end() for m in regex.finditer(r"\n[^\S\n]*\n", text)]
    assert figure.clauses.sentence_bounds(text) == ([0] + sorted(marks + breaks), lines, sorted(marks + blank))
