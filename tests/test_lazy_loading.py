"""What the cold start defers or takes a shorter way to gives what the
plain way gives."""

from babel import Locale
from hypothesis import given, settings, strategies as st

from danvan_extract.context import countries


def test_country_names_are_babel_s_vietnamese_territories():
    assert countries._vietnamese_territories() == dict(Locale.parse("vi").territories)


_NAMES = sorted(countries._countries().names)
_PIECES = st.one_of(st.sampled_from(_NAMES), st.sampled_from(["Lào Cai", "Ban", "nước", "Ấn", "-", " ", ", ", "\n", "x"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_a_text_no_country_may_be_named_in_has_no_name_match(text):
    fresh = countries._Countries(list(countries._countries().names))
    if not fresh.may_name(text):
        assert not list(fresh.named.finditer(text))
    assert fresh.may_name(text)  # once the pattern is compiled, the check is skipped


_WORDS = st.text(alphabet="ab ", max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.frozensets(_WORDS), st.frozensets(_WORDS), st.lists(_WORDS, max_size=12))
def test_known_words_answer_as_the_union_of_their_sets(first, rest, asked):
    from danvan_extract.extractors.base.lexicons import KnownWords

    known = KnownWords(first, lambda: rest)
    assert [w in known for w in asked] == [w in (first | rest) for w in asked]


def test_the_lexicons_known_words_are_the_folded_counted_nouns_and_dictionary():
    from danvan_extract.extractors.base.lexicons import Lexicons
    from danvan_extract.extractors.tones import folded
    from danvan_extract.grammar.rules import load_rules

    rules = load_rules()
    lex = Lexicons(rules)
    every = folded(lex.counted) | folded(rules.dictionary)
    sample = sorted(every)[::97] + ["mô hình", "không có", "uỷ ban", "ủy ban", "hộ gia đình", "xyz"]
    assert [w in lex.known_words for w in sample] == [w in every for w in sample]
    assert len(rules.dictionary) > 10_000 or not rules.dictionary_path
