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
