"""FACTS.md: "28,350" reads the English way where the text's own arithmetic
says so (a share stated right after it, of another figure of its paragraph)."""

from hypothesis import assume, given, settings, strategies as st

from danvan_extract import Pipeline

_PIPELINE = Pipeline(context=False)


def _vn(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@settings(max_examples=60, deadline=None)
@given(thousands=st.integers(1, 999), rest=st.integers(0, 999), percent=st.sampled_from([20, 25, 40, 50, 75, 80, 90]))
def test_a_stated_share_of_a_plan_settles_the_english_reading(thousands, rest, percent):
    part = thousands * 1000 + rest  # "28,350" the English way
    assume(part * 100 % percent == 0)
    plan = part * 100 // percent
    vietnamese = part / 1000
    assume(abs(100 * vietnamese / plan - percent) > 0.5)
    text = f"Kế hoạch năm là {_vn(plan)} triệu đồng; đã giải ngân {thousands},{rest:03d} triệu đồng, đạt {percent}% kế hoạch."
    money = [f for f in _PIPELINE.extract(text) if f.type == "money"]
    assert [f.amount for f in money] == [plan * 1_000_000, part * 1_000_000]


@settings(max_examples=60, deadline=None)
@given(thousands=st.integers(1, 999), rest=st.integers(0, 999), percent=st.integers(1, 99))
def test_without_a_figure_to_be_a_share_of_the_comma_is_a_decimal_comma(thousands, rest, percent):
    text = f"Đã giải ngân {thousands},{rest:03d} triệu đồng, đạt {percent}% kế hoạch."
    money = [f for f in _PIPELINE.extract(text) if f.type == "money"]
    assert [f.value for f in money] == [float(f"{thousands}.{rest:03d}")]
