"""The qualifier look-ups that search only where a match can be give what
the plain searches give."""

import regex
from hypothesis import given, settings, strategies as st

from danvan_extract import Pipeline
from danvan_extract.extractors.base import Lexicons, search_tail

_LEX = Lexicons(Pipeline(context=False).rules)
_PHRASES = sorted(_LEX.qualifier_of) + list(_LEX.rules.qualifiers.clause.copulas)
_piece = st.one_of(st.sampled_from(_PHRASES).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title()])),
                   st.sampled_from(["a", "x", "5", ",", ".", "(", "\n", "\u00a0", "  ", " ", "\u2003", "đ"]))
_window = st.lists(_piece, max_size=12).map(" ".join).map(lambda t: t[-80:])


@settings(max_examples=400, deadline=None)
@given(_window)
def test_search_tail_equals_a_plain_search(window):
    for pattern, longest in ((_LEX.qualifier_re, _LEX.longest_qualifier), (_LEX.copula_re, _LEX.longest_copula)):
        got, want = search_tail(pattern, window, longest), pattern.search(window)
        assert (got and got.span()) == (want and want.span())


@settings(max_examples=300, deadline=None)
@given(_window)
def test_the_clause_is_what_follows_the_last_cut(window):
    cut = _LEX.clause_cut_re.search(window)
    plain = regex.compile(_LEX.clause_cut_re.pattern)
    assert (window[cut.end():] if cut else window) == plain.split(window)[-1]
