"""Groups looked up by number (made once per pattern) read what the regex
module's look-ups by name read."""

from danvan_extract import Pipeline
from danvan_extract.extractors.base.context import Context
from danvan_extract.extractors.base.groups import group, has_group
from danvan_extract.text import normalize

from .conftest import GOLD

_PIPELINE = Pipeline(context=False)


def test_group_and_has_group_equal_groupdict_on_gold_for_every_pattern():
    names = {"sp", "n1", "n2", "n3", "n4", "m1", "m2", "cur", "next", "pn", "d", "m", "y", "unit", "nothing"}
    seen = 0
    for path in sorted(GOLD.glob("*.txt"))[:12]:
        ctx = Context(normalize(path.read_text(encoding="utf-8")).text, _PIPELINE.rules, _PIPELINE.anchor_index)
        for pattern in _PIPELINE.scan_patterns:
            for m in ctx.scan(pattern):
                found = m.groupdict()
                for name in names:
                    assert group(m, name) == found.get(name)
                    assert has_group(m, name) == (name in found)
                seen += 1
    assert seen > 100


def test_numbers_parsed_once_per_written_form_equal_a_fresh_parse():
    from hypothesis import given, settings, strategies as st

    from danvan_extract.extractors.base import context
    from danvan_extract.numbers import DIGITS_RE, parse_digits

    @settings(max_examples=300, deadline=None)
    @given(st.from_regex(r"\d{1,3}(?:[.,]\d{3}){0,3}(?:,\d{1,3})?", fullmatch=True).filter(DIGITS_RE.fullmatch))
    def digits(token):
        assert context._parse_digits(token) == parse_digits(token)
        assert type(context._parse_digits(token)) is type(parse_digits(token))

    digits()


def test_the_noun_after_a_number_depends_on_the_syllables_read_only():
    from hypothesis import given, settings, strategies as st

    from danvan_extract.extractors.base.lexicons import Lexicons

    fresh = Lexicons(_PIPELINE.rules)  # its own cache: filled by this test alone
    words = st.sampled_from(["hộ", "nghèo", "mô", "hình", "Ban", "người", "năm", "nay", "tổ", "phụ", "nữ", "CHƯƠNG",
                             "gia", "đình", "căn", "nhà", "đến", "trong", "đó", ",", "và", "5", "\n"])
    after = st.lists(words, min_size=1, max_size=5).map(" ".join)

    @settings(max_examples=300, deadline=None)
    @given(st.sampled_from(["Có 12 ", "Huyện có\n3 ", "", "x 7  "]), st.sampled_from(["Có 4 ", "a "]), after)
    def same_reading(prefix, other, rest):
        one = Context(prefix + rest, _PIPELINE.rules)
        two = Context(other + rest, _PIPELINE.rules)
        noun1, end1 = fresh.noun_after(one, len(prefix))
        noun2, end2 = _PIPELINE_LEX.noun_after(two, len(other))
        assert noun1 == noun2 and end1 - len(prefix) == end2 - len(other)
    same_reading()


_PIPELINE_LEX = next(ex.lex for ex in _PIPELINE.extractors if type(ex).__name__ == "CountExtractor")


def test_group_reader_reads_what_group_reads_on_gold_for_every_pattern():
    from danvan_extract.extractors.base.groups import group_reader

    names = ("sp", "n1", "h1", "n2", "h2", "m1", "m2", "n3", "d", "m", "y", "nothing")
    readers = [group_reader(*names), group_reader("y", "m", "d"), group_reader("nothing", "n1")]
    seen = 0
    for path in sorted(GOLD.glob("*.txt"))[:12]:
        ctx = Context(normalize(path.read_text(encoding="utf-8")).text, _PIPELINE.rules, _PIPELINE.anchor_index)
        for pattern in _PIPELINE.scan_patterns:
            for m in ctx.scan(pattern):
                assert readers[0](m) == tuple(group(m, name) for name in names)
                assert readers[1](m) == (group(m, "y"), group(m, "m"), group(m, "d"))
                assert readers[2](m) == (None, group(m, "n1"))
                seen += 1
    assert seen > 100
