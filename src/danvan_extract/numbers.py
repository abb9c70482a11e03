"""Vietnamese number parsing: digits with "." thousands and "," decimals,
multipliers (nghìn, triệu, tỷ) and spelled-out numbers ("hai mươi mốt").

>>> parse_number("3.980")
3980
>>> parse_number("73,53")
73.53
>>> parse_number("18,912,473")
18912473
>>> parse_number("1,234.5")
1234.5
>>> parse_spelled("hai mươi mốt nghìn không trăm mười một")
21011
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from .bundled import bundled_rules_dir
from .grammar.lazy import deferred, settle
from .grammar.pattern_cache import parsed_toml
from .errors import E_NOT_A_NUMBER, E_SPELLED_EMPTY, E_SPELLED_WORD, InputError
from .grammar.pattern_cache import compile_regex

# One digit group as Vietnamese writes it.  Alternatives, first match wins:
# 1. "3.980", "1.234.567,89": dots group thousands, optional comma decimal;
# 2. "18,912,473": English grouping (two or more comma groups) in page chrome;
# 3. "1,234.5": English grouping with a decimal point, which no Vietnamese
#    reading allows (a comma before a dot);
# 4. "73,53", "29,168", "3.5", "08": plain integer or one decimal separator.
# Bounded repetitions: no fact needs more than 21 digits, and a run of
# 100,000 digits must neither match as one number nor reach int().
DIGITS = (
    r"(?:\d{1,3}(?:\.\d{3}){1,6}(?:,\d{1,12})?(?![.,]?\d)"
    r"|\d{1,3}(?:,\d{3}){2,6}(?![.,]?\d)"
    r"|\d{1,3}(?:,\d{3}){1,6}\.\d{1,12}(?![.,]?\d)"
    r"|\d{1,18}(?!\d)(?:[.,]\d{1,12}(?!\d))?)"
)
DIGITS_RE = compile_regex(DIGITS)


def _number_words() -> dict:
    """rules/numbers.toml: the multiplier, digit and starting words."""
    data = parsed_toml(bundled_rules_dir() / "numbers.toml")
    nfc = functools.partial(unicodedata.normalize, "NFC")
    return {
        "multipliers": {nfc(w): int(v) for w, v in data["multipliers"].items()},
        "digits": {nfc(w): int(v) for w, v in data["digits"].items()},
        "starts": tuple(nfc(w) for w in data["spelled"]["starts"]),
        "half": nfc(data["spelled"]["half"]),
        "after_ten": frozenset(nfc(w) for w in data["spelled"]["after_ten"]),
        "compound_orders": tuple(nfc(w) for w in data["compound"]["orders"]),
    }


_WORDS = _number_words()
# The one list of multiplier words: the parsers below and the rules' {mult}
# and {mult_word} references (rules.py) are built from it.
MULTIPLIERS: dict[str, int] = _WORDS["multipliers"]
_BILLION = [w for w, v in MULTIPLIERS.items() if v == 1_000_000_000]
_BELOW_BILLION = [w for w, v in MULTIPLIERS.items() if v < 1_000_000_000]
MULT_WORD = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
# A multiplier, or a multiplier of billions ("nghìn tỷ", "triệu tỷ").
MULT = rf"(?:(?:{'|'.join(_BELOW_BILLION)})\s+(?:{'|'.join(_BILLION)})|{MULT_WORD})"

# The orders of a written compound amount ("12 tỷ 275 triệu"): the rules'
# {compound_order} part and the compound readers (extractors/numeric.py).
COMPOUND_ORDER = "|".join(_WORDS["compound_orders"])

_UNITS: dict[str, int] = _WORDS["digits"]
# "chục" counts tens like "mươi" ("ba chục hộ" = 30, "hai chục triệu" = 20 000 000).
_TENS = {"mười": 10, "mươi": 10, "chục": 10}
# "and a half" ("rưỡi"): the parsers below and the rules' {half} part.
HALF: str = _WORDS["half"]
# The decimal point read aloud ("bốn phẩy hai" = 4,2).
_POINT = "phẩy"
# Units spoken only after a ten: "hai mốt" is "hai mươi mốt" (21).
_AFTER_TEN: frozenset[str] = _WORDS["after_ten"]
SPELLED_WORDS = tuple(_UNITS) + tuple(_TENS) + ("trăm", HALF) + tuple(MULTIPLIERS)
# A spelled number starts with a digit from two up, or "mười" (numbers.toml).
SPELLED_START: tuple[str, ...] = _WORDS["starts"]
# One of those words alone: "two" to "ten" ("ba xã", "sau năm năm").
SPELLED_SMALL = "|".join(SPELLED_START)
SPELLED_WORD = "|".join(sorted(SPELLED_WORDS, key=len, reverse=True))
# At most 15 more words ("hai tỷ ba trăm bốn mươi lăm triệu ..."): bounded,
# so a page of "hai hai hai ..." cannot make the matching quadratic.
SPELLED = rf"(?:{'|'.join(SPELLED_START)})(?:\s+(?:{SPELLED_WORD})){{0,15}}"


_DOT_THOUSANDS = deferred(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def parse_digits(token: str) -> int | float:
    """Parse one digit group written the Vietnamese way ("3.980", "73,53")."""
    token = token.strip()
    if not token or not DIGITS_RE.fullmatch(token):
        raise InputError(E_NOT_A_NUMBER.format(token=token))
    if "." in token and _DOT_THOUSANDS.fullmatch(token):
        whole, _, frac = token.replace(".", "").partition(",")
        return float(f"{whole}.{frac}") if frac else int(whole)
    if "," in token and "." in token:  # "1,234.5": the English reading, the only one
        return float(token.replace(",", ""))
    if token.count(",") >= 2:
        return int(token.replace(",", ""))
    if "," in token:
        return float(token.replace(",", "."))
    if "." in token:
        return float(token)
    return int(token)


def parse_spelled(words: str) -> int:
    """Parse a spelled-out Vietnamese number ("ba mươi ba", "hai trăm nghìn").

    A unit word or "rưỡi" right after "trăm" or a multiplier counts the next
    order down, as spoken: "hai nghìn tư" = 2 400, "hai trăm rưỡi" = 250,
    "ba triệu hai" = 3 200 000.

    >>> parse_spelled("hai nghìn tư"), parse_spelled("hai trăm rưỡi"), parse_spelled("một trăm linh năm")
    (2400, 250, 105)
    >>> parse_spelled("hai mốt"), parse_spelled("một trăm ba tư")
    (21, 134)
    """
    tokens = words.lower().split()
    if not tokens:
        raise InputError(E_SPELLED_EMPTY)
    if _POINT in tokens:
        return _spelled_decimal(tokens, words)
    if len(tokens) >= 3 and (_UNITS.get(tokens[-1]) or tokens[-1] == HALF):
        order = 100 if tokens[-2] == "trăm" else MULTIPLIERS.get(tokens[-2])
        if order:
            head = parse_spelled(" ".join(tokens[:-1]))
            tail = 5 if tokens[-1] == HALF else _UNITS[tokens[-1]]
            return head + tail * order // 10
    total = 0  # completed groups (above the current multiplier)
    group = 0  # value below 1000 being built
    current: int | None = None  # last unit digit not yet placed ("không" is 0)
    prev = ""
    for tok in tokens:
        if tok in _UNITS:
            if current is not None and tok in _AFTER_TEN:
                group += current * 10  # "hai mốt" = 21: the "mươi" left unsaid
            current = _UNITS[tok]
        elif tok in _TENS:
            if tok == "mười":
                group += 10
            else:  # "mươi", "chục" multiply the preceding unit ("ba mươi")
                group += (1 if current is None else current) * 10
            current = None
        elif tok == "trăm":
            group += (1 if current is None else current) * 100
            current = None
        elif tok == HALF:
            # "ba trăm rưỡi nghìn" = 350 nghìn: half a hundred; after a bare
            # unit ("hai rưỡi") it adds no whole number
            group += 50 if prev == "trăm" else 0
        elif tok in MULTIPLIERS:
            group += current or 0
            current = None
            mult = MULTIPLIERS[tok]
            if mult == 1_000_000_000:
                # "năm nghìn tỷ": everything before "tỷ" counts billions
                total = ((total + group) or 1) * mult
            else:
                total += (group or 1) * mult
            group = 0
        else:
            raise InputError(E_SPELLED_WORD.format(token=tok, words=words))
        prev = tok
    return total + group + (current or 0)


def _spelled_decimal(tokens: list[str], words: str) -> float | int:
    """A decimal read aloud: "bốn phẩy hai" = 4.2, "chín mươi chín phẩy năm"
    = 99.5, "không phẩy không năm" = 0.05, "hai phẩy năm tỷ" = 2.5·10⁹.
    The words after "phẩy" read as one number, each leading "không" a zero
    before it; multiplier words closing the figure scale the whole."""
    point = tokens.index(_POINT)
    whole, frac = tokens[:point], tokens[point + 1 :]
    mult = []
    while frac and frac[-1] in MULTIPLIERS:
        mult.insert(0, frac.pop())
    zeros = 0
    while zeros < len(frac) - 1 and frac[zeros] == "không":
        zeros += 1
    if not whole or not frac or _POINT in frac:
        raise InputError(E_SPELLED_WORD.format(token=_POINT, words=words))
    head = 0 if whole == ["không"] else parse_spelled(" ".join(whole))
    tail = parse_spelled(" ".join(frac[zeros:]))
    return scale(float(f"{head}.{'0' * zeros}{tail}"), " ".join(mult) or None)


def spelled_pair(words: str) -> tuple[int, int] | None:
    """The bounds of a spelled number that opens with two digits next to
    each other ("ba bốn hộ": three or four; "hai ba chục" = 20 to 30), as
    spoken for an approximate range; None for any other number.  ("bốn
    năm" is left out: "năm" is as often the year.)

    >>> spelled_pair("ba bốn"), spelled_pair("hai ba chục"), spelled_pair("ba mươi")
    ((3, 4), (20, 30), None)
    """
    tokens = words.lower().split()
    if len(tokens) < 2 or tokens[0] not in SPELLED_START or tokens[1] not in SPELLED_START or tokens[1] == "năm":
        return None
    low, high = _UNITS.get(tokens[0]), _UNITS.get(tokens[1])
    if low is None or high != low + 1:
        return None
    rest = tokens[2:]
    return parse_spelled(" ".join([tokens[0], *rest])), parse_spelled(" ".join([tokens[1], *rest]))


def spelled_range(low: str, high: str) -> tuple[int | float, int | float]:
    """The bounds of a range spelled out ("từ hai đến ba hộ"): a lower bound
    of one digit word takes the orders said after the upper's first word, as
    speech says them once ("hai đến ba trăm" = 200 to 300, "hai đến ba
    triệu" = 2 to 3 million, "hai đến ba chục" = 20 to 30).

    >>> spelled_range("hai", "ba trăm"), spelled_range("mười lăm", "hai mươi")
    ((200, 300), (15, 20))
    """
    low_words, high_words = low.lower().split(), high.lower().split()
    high_value = parse_spelled(" ".join(high_words))
    if len(low_words) == 1 and low_words[0] in _UNITS and len(high_words) > 1 and high_words[0] in _UNITS \
            and high_words[1] != "mươi":
        shared = parse_spelled(" ".join(low_words + high_words[1:]))
        if shared < high_value:  # ("năm đến một trăm": 5 to 100, not 500)
            return shared, high_value
    return parse_spelled(" ".join(low_words)), high_value


def scale(value: int | float, multiplier_word: str | None) -> int | float:
    """Apply multiplier words ("triệu", "nghìn tỷ") to a parsed value,
    keeping ints exact.

    >>> scale(418.6, "nghìn tỷ")
    418600000000000
    """
    if not multiplier_word:
        return value
    mult = 1
    for word in multiplier_word.lower().split():
        mult *= MULTIPLIERS[word]
    scaled = value * mult
    if isinstance(scaled, float) and abs(scaled - round(scaled)) < 1e-6 * max(1.0, abs(scaled)):
        return int(round(scaled))
    return scaled


def compound(parts: list[tuple[int | float, str]], half: bool = False) -> int | float:
    """The sum of amounts written in descending units: "12 tỷ 275 triệu"
    is ``compound([(12, "tỷ"), (275, "triệu")])``; ``half`` adds half the
    last unit ("2 tỷ rưỡi").

    >>> compound([(12, "tỷ"), (275, "triệu")])
    12275000000
    >>> compound([(2, "tỷ")], half=True)
    2500000000
    """
    total = sum(scale(v, m) for v, m in parts)
    if half:
        total += scale(1, parts[-1][1]) // 2
    return total


_DIGITS_AND_MULTIPLIER = deferred(rf"({DIGITS})(?:\s*({MULT}))?", regex.IGNORECASE)


def parse_number(text: str) -> int | float:
    """Parse digits with an optional multiplier, or a spelled-out number."""
    text = " ".join(text.split())
    m = _DIGITS_AND_MULTIPLIER.fullmatch(text)
    if m:
        return scale(parse_digits(m.group(1)), m.group(2))
    return parse_spelled(text)


settle(globals())
