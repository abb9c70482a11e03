"""The qualifier (and issuing verb) look-ups that search only where a
match can be give what the plain searches give."""

import regex
from hypothesis import given, settings, strategies as st

from danvan_extract import Pipeline
from danvan_extract.extractors.base.context import Context
from danvan_extract.extractors.base.lexicons import Lexicons
from danvan_extract.extractors.base.matching import fold_case, may_end_with, search_tail

_LEX = Lexicons(Pipeline(context=False).rules)
_PHRASES = sorted(_LEX.qualifier_of) + list(_LEX.rules.qualifiers.clause.copulas)
_REACH = list(_LEX.rules.qualifiers.clause.reach_words)
_piece = st.one_of(st.sampled_from(_PHRASES + _REACH).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title()])),
                   st.sampled_from(["a", "x", "5", ",", ".", "(", "\n", "\u00a0", "  ", " ", "\u2003", "đ",
                                    "İ", "ſ", "\u212a", "i\u0307", "\x1c"]))
_window = st.lists(_piece, max_size=12).map(" ".join).map(lambda t: t[-80:])


@settings(max_examples=400, deadline=None)
@given(_window)
def test_search_tail_equals_a_plain_search_and_the_last_word_test_lets_its_matches_through(window):
    ctx = Context(window, _LEX.rules)
    for pattern, longest, ends in ((_LEX.qualifier_re, _LEX.longest_qualifier, _LEX.qualifier_ends),
                                   (_LEX.copula_re, _LEX.longest_copula, _LEX.copula_ends)):
        got, want = search_tail(pattern, window, longest), pattern.search(window)
        assert (got and got.span()) == (want and want.span())
        if want:
            assert may_end_with(ctx, 0, len(window), ends)


@settings(max_examples=300, deadline=None)
@given(_window)
def test_a_window_without_a_reach_word_has_no_reach_match(window):
    if _LEX.reach_re.search(window):
        assert _LEX.may_reach(Context(window, _LEX.rules), 0, len(window))


_DOCS = next(ex for ex in Pipeline(context=False).extractors if ex.name == "document_ref")
_VERBS = list(_LEX.rules.documents.issuer.issue_verbs)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_VERBS + ["đã", "vừa", "Tỉnh ủy"]).flatmap(
    lambda w: st.sampled_from([w, w.upper(), w.title()])), st.sampled_from([" ", "\n", ",", "x", "İ"])), max_size=10).map(" ".join))
def test_an_issuing_verb_found_ends_the_window_with_one_of_its_last_words(window):
    assert _DOCS.verb_ends is not None  # the shipped grammar ends with the verbs
    if _DOCS.verb_before.search(window):
        assert may_end_with(Context(window, _LEX.rules), 0, len(window), _DOCS.verb_ends)


def test_fold_case_folds_what_ignorecase_takes_for_the_same_letter():
    # the string tests above fold; the engine compares case-insensitively
    words = _PHRASES + _REACH + _VERBS
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for ch in sorted(set("".join(words)) - {" "}):
        for same in set(regex.findall(regex.escape(ch), every, flags=regex.IGNORECASE)):
            assert fold_case(same) == fold_case(ch), (ch, same)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAiIİıßẞſKkĐđƯư \u0307"), max_size=12), st.data())
def test_fold_case_keeps_offsets(text, data):
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    assert len(fold_case(text)) == len(text) and fold_case(text)[i:j] == fold_case(text[i:j])


@settings(max_examples=300, deadline=None)
@given(_window)
def test_the_clause_is_what_follows_the_last_cut(window):
    cut = _LEX.clause_cut_re.search(window)
    plain = regex.compile(_LEX.clause_cut_re.pattern)
    assert (window[cut.end():] if cut else window) == plain.split(window)[-1]


_TRAILING = sorted(_LEX.trailing)
_after = st.lists(st.one_of(st.sampled_from(_TRAILING + ["và", "chiếm", "khoảng", "hộ"]).flatmap(
    lambda w: st.sampled_from([w, w.upper(), w.title()])), st.sampled_from([",", " ", "  ", "\n", "5", "a", "İ", "\x1c"])),
    max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(_after)
def test_the_string_tests_before_a_share_and_a_coordinated_noun_miss_no_match(after):
    from danvan_extract.extractors.base import counted_nouns
    from danvan_extract.extractors.base.context import Context
    from danvan_extract.extractors.count import CountExtractor

    ctx = Context("12 hộ" + after, _LEX.rules)
    count = CountExtractor(_LEX)
    plain = count.share_follows.match(ctx.text, 2, 62)
    assert count._share_after(ctx, 2) == bool(plain)
    joined = ctx.text[5:11]
    if counted_nouns._JOINER.match(joined):  # coordinated() tries the engine only then
        assert joined.startswith(",") or "và" in joined


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["0,5", "12", ",", " ", "và", "\n", "\x1c", "%", "a", "Và"]), max_size=10).map("".join))
def test_a_listed_percentage_ends_its_window_as_the_string_test_says(window):
    from danvan_extract.extractors.percentage import _LIST_ITEM, _ends_with_separator

    if _LIST_ITEM.search(window):
        assert _ends_with_separator(window)
