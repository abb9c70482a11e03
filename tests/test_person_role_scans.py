"""The person_role scans written for speed read what their plain forms read.

"Name - Role" (name_dash) takes the line break or punctuation before it,
"PV Name" (byline_bare) looks behind for the line break, each with a twin
for the text's first line; the plain forms open with "^" or a look-behind.  Per-word answers are
remembered.  Each must give what the plain path gives."""

import regex
from hypothesis import given, settings, strategies as st

from danvan_extract import Pipeline
from danvan_extract.extractors.base.context import Context
from danvan_extract.text import normalize

from .test_anchors import _texts

_PIPELINE = Pipeline(context=False)
_EXTRACTOR = next(e for e in _PIPELINE.extractors if e.name == "person_role")
_GRAMMAR = _PIPELINE.rules.grammar("person_role")


def _plain(name: str, taken: str, opening: str) -> regex.Pattern:
    """The pattern ``name`` as it was written before: ``opening`` instead
    of the character class ``taken`` it now opens with."""
    rx = _GRAMMAR[name].regex
    assert rx.pattern.startswith(taken)
    return regex.compile(opening + rx.pattern[len(taken):], regex.MULTILINE)


_PLAIN_DASH = _plain("name_dash", "[\\n:;]", r"(?:^|(?<=[:;][^\S\n]?)|(?<=\n))")
_PLAIN_BARE = _plain("byline_bare", "(?<=\\n)", "^")


def _context(text: str) -> Context:
    return Context(normalize(text).text, _PIPELINE.rules, _PIPELINE.anchor_index)


def _dash_both_ways(text: str):
    ctx = _context(text)
    fast = _EXTRACTOR._with_opening(ctx, _EXTRACTOR.name_dash_opening, _EXTRACTOR.dash_name_scan)
    plain = _PLAIN_DASH.finditer(ctx.text)
    return [(m.span("name"), m.end()) for m in fast], [(m.span("name"), m.end()) for m in plain]


def _bare_both_ways(text: str):
    ctx = _context(text)
    rule = _EXTRACTOR.byline_bare_scan.name
    fast = [(start, m.span("label"), m.span("name")) for m, start, r in _EXTRACTOR._credit_lines(ctx) if r == rule]
    plain = [(m.start(), m.span("label"), m.span("name")) for m in _PLAIN_BARE.finditer(ctx.text)]
    return fast, plain


def test_name_dash_and_bare_bylines_read_as_their_plain_forms_on_gold_and_corpora():
    for text in _texts():
        fast, plain = _dash_both_ways(text)
        assert fast == plain, text[:80]
        fast, plain = _bare_both_ways(text)
        assert fast == plain, text[:80]


_PIECES = ["Nguyễn Văn An", "Lò Văn Mừng", "HOÀNG THỊ HOA", "Thanh Lê", "Bí thư Huyện ủy", "PV", "Phóng viên",
           "Nhóm PV", "CTV", "ông", " ", "  ", "\t", "\n", "\n\n", ":", ";", ": ", "; ", " - ", "–", "-", ",", "."]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_name_dash_reads_as_its_plain_form(text):
    fast, plain = _dash_both_ways(text)
    assert fast == plain


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_a_bare_byline_reads_as_its_plain_form(text):
    fast, plain = _bare_both_ways(text)
    assert fast == plain


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["GS", "TS", "PGS.TS", "UBND", "TN-MT", "HÙNG", "Ban", "nguyên", "ThS", "Ts", "gs", "ĐBQH"])
       | st.text(alphabet="ABCĐGHNSTUVahinsđư.-&", max_size=8))
def test_remembered_word_answers_equal_the_patterns(word):
    assert _EXTRACTOR._is_title(word) == (_EXTRACTOR.title_re.fullmatch(word) is not None)
    assert _EXTRACTOR._is_acronym(word) == (_EXTRACTOR.acronym.fullmatch(word) is not None)
    assert _EXTRACTOR._title_word(word) == _EXTRACTOR._bare_title(word)
