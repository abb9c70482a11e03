"""The trie-built lexicon alternation matches exactly what the plain
longest-first alternation of the same words matches."""

import regex
from hypothesis import given, settings, strategies as st

from danvan_extract.grammar.rules import alternation

_CHARS = "aAbBtTưƯ ởỞ.-"
words = st.lists(st.text(alphabet=_CHARS, min_size=1, max_size=6), min_size=1, max_size=12)
texts = st.text(alphabet=_CHARS + "xX", max_size=60)


def _flat(ws) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(ws), key=len, reverse=True))


@settings(max_examples=300, deadline=None)
@given(words, texts, st.sampled_from([0, regex.IGNORECASE]))
def test_trie_equals_longest_first(ws, text, flags):
    trie = regex.compile(f"(?:{alternation(ws)})", flags)
    flat = regex.compile(f"(?:{_flat(ws)})", flags)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
    # and anchored at every position, with a continuation that forces backtracking
    follow_t = regex.compile(f"(?:{alternation(ws)})(?![aAbB])", flags)
    follow_f = regex.compile(f"(?:{_flat(ws)})(?![aAbB])", flags)
    for i in range(len(text)):
        mt, mf = follow_t.match(text, i), follow_f.match(text, i)
        assert (mt and mt.span()) == (mf and mf.span())


def test_case_variants_keep_the_longest_match_case_insensitively():
    ws = ["Phó trưởng Ban Thường trực", "Phó Trưởng ban", "Phó"]
    m = regex.compile(alternation(ws), regex.IGNORECASE).match("phó trưởng ban thường trực")
    assert m.group(0) == "phó trưởng ban thường trực"


def test_empty_list_matches_nothing():
    assert regex.search(alternation([]), "anything") is None
