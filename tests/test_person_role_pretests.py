"""The person_role extractor skips a pattern where a look at one or two
characters shows it cannot match: each such pre-test must only ever skip
a pattern that would have failed there (the patterns are data in
rules/persons.toml, the pre-tests code)."""

from hypothesis import given, settings, strategies as st

from danvan_extract import Pipeline
from danvan_extract.extractors.person_role import organizations, role_first
from danvan_extract.extractors.base.matching import match_at

_EXTRACTOR = next(e for e in Pipeline(context=False).extractors if e.name == "person_role")

# Pieces of organizations, titles and names, and the characters the
# pre-tests look at.
_PIECES = ["Ban", "Trung tâm", "Văn phòng", "Cơ quan", "Bộ", "UBND", "(UBND)", "(TN&MT)", "TN-MT", "tỉnh",
           "Dân vận", "Nguyễn Văn An", "Lê Thị", "ThS", "PGS.TS", "Bí thư", "Đảng ủy", "phụ trách", "khóa", "2",
           "A", "ủ", " ", "  ", "(", ")", "-", "–", ".", ",", ";", ":", "\n", "x"]
_texts = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_organization_pieces_open_as_the_pre_tests_say(text):
    """No piece of an organization matches where the text has no space;
    paren_acronym and dash_head only after their opening (or more spaces)."""
    for pos in range(len(text) + 1):
        _pieces_open_as_said(text, pos)


def _pieces_open_as_said(text: str, pos: int) -> None:
    ex = _EXTRACTOR
    found = {name: match_at(getattr(ex, name), text, pos, window) is not None
             for name, window in (("org_head_unit", 60), ("paren_acronym", 30), ("dash_head", 40), ("next_word", 200))}
    if text[pos:pos + 1] != " ":
        assert not any(found.values())
    opener = text[pos + 1:pos + 2]
    if opener not in organizations._PAREN_OPENERS:
        assert not found["paren_acronym"]
    if opener not in organizations._DASH_OPENERS:
        assert not found["dash_head"]


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_an_abbreviated_title_s_dot_is_read_only_at_a_dot(text):
    for pos in range(len(text) + 1):
        if text[pos:pos + 1] != ".":
            assert match_at(_EXTRACTOR.abbrev_dot, text, pos, 2) is None


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_a_name_before_a_comma_is_searched_only_after_a_comma(text):
    """("Name, Role" and "Name (Role)": after a comma or an opening bracket.)"""
    for pos in range(len(text) + 1):
        lo = max(0, pos - 60)
        if not role_first._pattern_tail(text, lo, pos).rstrip(" ").endswith((",", "(")):
            assert _EXTRACTOR.name_comma_before.search(text, lo, pos) is None


def test_a_name_before_a_comma_and_a_line_break_is_still_found():
    text = "Nguyễn Văn An,\nBí thư"
    pos = text.index("Bí")
    assert _EXTRACTOR.name_comma_before.search(text, 0, pos) is not None
    assert role_first._pattern_tail(text, 0, pos).rstrip(" ").endswith(",")


_WORDS = ["Ban", "Dân", "vận", "Huyện", "ủy", "UBND", "TN-MT", "TỈNH", "PHÁT", "và", "&", "2", "3.", "TP.", "tỉnh.",
          "Bí", "thư", "ThS", "...", "phụ", "trách", "Hà", "Nội", "xã", "thôn", "Nguyễn", "A"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_a_word_s_kind_in_an_organization_depends_on_the_word_only(words):
    """_org_end reads each word's kind through a cache by word: a fresh
    reading gives what the cache gives, whatever was read before."""
    for raw in words:
        assert _EXTRACTOR._word_kind(raw) == _EXTRACTOR._read_word_kind(raw)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_an_organization_head_is_tried_only_where_the_next_word_may_open_one(text):
    """_org_end skips org_head_unit where no match can open with the next
    word (a partial match of the word says so): it never skips a match."""
    opens = _EXTRACTOR._unit_opens
    assert opens is not None  # the bundled pattern reads nothing before it
    for pos in range(len(text) + 1):
        wm = match_at(_EXTRACTOR.next_word, text, pos, 200)
        if wm is not None and not opens(text[pos:min(wm.end(), pos + 60)]):
            assert match_at(_EXTRACTOR.org_head_unit, text, pos, 60) is None


def test_an_opening_test_is_refused_for_a_pattern_that_reads_before_its_start():
    import regex

    from danvan_extract.extractors.base.matching import opening_test

    assert opening_test(regex.compile(r"(?<=x)Ban")) is None
    assert opening_test(regex.compile(r"Ban$")) is None
    test = opening_test(regex.compile(r"\G[ ]+(?:Ban(?: Chấp hành)?|Sở)(?![\p{L}])"))
    assert test(" Ban") and test(" Ban Ch") and test(" Sở.") and not test(" Dân") and not test(" Sởx")
