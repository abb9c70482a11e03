import pytest
from hypothesis import given, strategies as st

from danvan_extract.errors import InputError
from danvan_extract.numbers import parse_digits, parse_number, parse_spelled

# fmt: off
CASES = [
    ("3.980", 3980), ("73,53", 73.53), ("29,168", 29.168), ("08", 8), ("4,22 tỷ", 4_220_000_000),
    ("3,3 triệu", 3_300_000), ("18,912,473", 18_912_473), ("3.5", 3.5), ("1.000", 1000),
    ("1.234.567,89", 1234567.89), ("0,526", 0.526), ("2 nghìn", 2000), ("5 ngàn", 5000), ("1,5 tỉ", 1_500_000_000),
]
SPELLED = [
    ("hai", 2), ("mười", 10), ("mười hai", 12), ("ba mươi ba", 33), ("hai mươi mốt", 21), ("hai mươi lăm", 25),
    ("một trăm linh năm", 105), ("hai trăm nghìn", 200_000), ("hai mươi mốt nghìn không trăm mười một", 21_011),
    ("ba triệu", 3_000_000), ("hai tỷ ba trăm triệu", 2_300_000_000),
]
# fmt: on


@pytest.mark.parametrize("text,value", CASES)
def test_parse_number(text, value):
    got = parse_number(text)
    assert got == pytest.approx(value)
    assert isinstance(got, int) == isinstance(value, int)


@pytest.mark.parametrize("text,value", SPELLED)
def test_parse_spelled(text, value):
    assert parse_spelled(text) == value


@pytest.mark.parametrize("bad", ["", "abc", "3..5", "1,2,3,4x"])
def test_bad_numbers_raise_library_error(bad):
    with pytest.raises(InputError):
        parse_digits(bad)


def vi_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip(n):
    assert parse_digits(vi_int(n)) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_decimals_round_trip(whole, frac):
    text = f"{vi_int(whole)},{frac:02d}"
    assert parse_digits(text) == pytest.approx(whole + frac / 100)


@given(st.integers(min_value=1, max_value=999_999))
def test_spelled_round_trip(n):
    assert parse_spelled(spell(n)) == n


UNITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _below_thousand(n: int, full: bool) -> list[str]:
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    words = []
    if h or full:
        words += [UNITS[h], "trăm"]
    if t == 0:
        if u:
            words += (["linh"] if (h or full) else []) + [UNITS[u]]
    elif t == 1:
        words += ["mười"] + ([{5: "lăm"}.get(u, UNITS[u])] if u else [])
    else:
        words += [UNITS[t], "mươi"] + ([{1: "mốt", 5: "lăm"}.get(u, UNITS[u])] if u else [])
    return words


def spell(n: int) -> str:
    """A plain spelled-out Vietnamese reading of n (test oracle)."""
    thousands, rest = divmod(n, 1000)
    words = []
    if thousands:
        words += _below_thousand(thousands, False) + ["nghìn"]
    if rest or not thousands:
        words += _below_thousand(rest, bool(thousands))
    return " ".join(words)


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=3),
       st.sampled_from(["1.0", "0.0001", "100.0", "0.36", "0.036", "0.1"]))
def test_hectares_have_no_float_noise(whole, decimals, per_unit):
    # the written value times the unit's size, as decimal arithmetic gives it
    from decimal import Decimal
    from danvan_extract.extractors.area import in_hectares
    written = Decimal(whole).scaleb(-decimals)
    assert in_hectares(float(written), float(per_unit)) == float(written * Decimal(per_unit))


def test_a_rules_folder_cannot_replace_the_number_words(tmp_path):
    from danvan_extract import Pipeline
    from danvan_extract.errors import RulesError

    (tmp_path / "numbers.toml").write_text('[multipliers]\n"chục" = 10\n', encoding="utf-8")
    with pytest.raises(RulesError, match=r"E073.*numbers.toml"):
        Pipeline(tmp_path)


def test_the_orders_of_a_compound_amount_are_multipliers_in_the_one_list():
    from danvan_extract.numbers import COMPOUND_ORDER, MULTIPLIERS

    orders = COMPOUND_ORDER.split("|")
    assert orders and set(orders) <= MULTIPLIERS.keys()
    assert {"tỷ", "triệu", "nghìn"} <= set(orders) and "vạn" not in orders
