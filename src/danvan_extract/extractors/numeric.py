"""Helpers shared by the numeric extractors: values, qualifiers, spans."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ..grammar.lazy import deferred, settle
from ..numbers import COMPOUND_ORDER, DIGITS, DIGITS_RE, MULT, MULTIPLIERS, parse_digits, scale
from .base.context import Context
from .base.lexicons import Lexicons
from .base.groups import group, group_reader
from ..grammar.pattern_cache import compile_regex


_BOUND_GROUPS = group_reader("n1", "h1", "n2", "h2", "m1", "m2")


def bounds(ctx: Context, m: regex.Match) -> tuple[int | float, Optional[int | float], int | float, Optional[int | float]]:
    """(value, value_max, scaled value, scaled max) from groups n1/m1/n2/m2
    ("rưỡi" after a multiplier, groups h1/h2, adds half of it).

    A multiplier written only on the upper bound applies to both ("từ 80
    đến 150 triệu đồng": 80 million to 150 million).
    """
    _, h1, n2, h2, m1, m2 = _BOUND_GROUPS(m)
    v1 = ctx.number(m, "n1") + (0.5 if h1 else 0)
    v2 = ctx.number(m, "n2") + (0.5 if h2 else 0) if n2 else None
    s1 = scale(v1, m1 or m2)
    s2 = scale(v2, m2 or m1) if v2 is not None else None
    return v1, v2, s1, s2


CHANGE_FROM = "amount.change_from"

# A year, a dash and a figure: "2023 - 345 hộ; 2024 - 234 hộ" (a list by year)
_YEAR_DASH = deferred(r"(?:19|20)\d\d[^\S\n]*[-–][^\S\n]*\d")


def year_label(ctx: Context, m: regex.Match) -> bool:
    """True when a range's lower bound is a year and a dash parts it from a
    smaller figure ("Hộ nghèo: 2023 - 345 hộ; 2024 - 234 hộ"): the year
    labels the figure, as a list by year writes it; no range runs down."""
    n1 = group(m, "n1")
    if not n1 or group(m, "m1") or not group(m, "n2") or not _YEAR_DASH.match(ctx.text, m.start("n1")):
        return False
    return ctx.number(m, "n2") < int(n1)

# One comma and three digits after it: a decimal the Vietnamese way,
# thousands the English way ("5,312 người", "150,000 đồng").
ENGLISH_THOUSANDS = deferred(r"[1-9]\d{0,2},\d{3}")


def first_of_change(m: regex.Match) -> tuple[int, int]:
    """The span of the first value of a change over time ("từ 14,58 lên
    44,7 triệu đồng": "14,58"), its multiplier included when written."""
    end = max(m.end(g) for g in ("n1", "m1", "h1") if group(m, g))
    return m.start("n1"), end


def qualify(
    ctx: Context, lex: Lexicons, start: int, end: int, noun: Optional[str] = None
) -> tuple[str, int]:
    """The qualifier of a number at ``start`` and where the fact's span starts.

    Exact qualifier words stay outside the span; the others are inside.
    """
    qualifier, qstart, phrase = lex.qualifier_before(ctx, start)
    if not phrase:
        qualifier, qstart = _before_range(ctx, lex, start) or lex.clause_qualifier(ctx, start)
    if phrase == "trên" and noun is not None and _prepositional_tren(ctx, lex, qstart, noun):
        qualifier = "exact"
    elif phrase in ("vượt", "vượt quá") and lex.is_margin(ctx, end):
        qualifier = "exact"
    elif _comparative(ctx, lex, phrase, qstart) and (lex.is_margin(ctx, end) or _compared_before(ctx, qstart)):
        qualifier = "exact"  # "cao hơn 0,2 điểm phần trăm so với ...": by how much
    framed = (qualifier == "exact" and ctx.lower.find("từ", max(0, start - 4), start) >= 0
              and ctx.word_before(start)[0].lower() == "từ")  # "từ 50% số hộ trở lên"
    trailing = lex.trailing_qualifier(ctx, end, framed)
    if trailing and qualifier == "exact":
        return trailing, start
    if qualifier == "exact":
        return "exact", start
    return qualifier, qstart


def _comparative(ctx: Context, lex: Lexicons, phrase: Optional[str], qstart: int) -> bool:
    """True when the qualifier ``phrase`` at ``qstart`` is a comparative
    "hơn": "cao hơn", "ít hơn" as one phrase, or "hơn" after such an
    adjective ("nhanh hơn")."""
    if not phrase or not phrase.lower().endswith("hơn"):
        return False
    words = phrase.lower().split()
    if words[-1] != "hơn":
        return False
    head = words[0] if len(words) == 2 else ctx.word_before(qstart)[0].lower()
    return head in lex.comparatives


def _compared_before(ctx: Context, pos: int) -> bool:
    """True when "so với" opens the comparison earlier in the clause ("So
    với bình quân toàn tỉnh, thu nhập của xã thấp hơn 12 triệu đồng"):
    the base is written before the comparative, not after the figure."""
    return ctx.lower.find("so với", clause_start(ctx.text, pos, 150), pos) >= 0


def _before_range(ctx: Context, lex: Lexicons, start: int) -> Optional[tuple[str, int]]:
    """"khoảng từ 50 đến 70%": a qualifier before the "từ" that opens a
    range qualifies it; the span starts at the number (FACTS.md: a range's
    span leaves "từ" out).  None when no qualifier stands there."""
    if ctx.lower.find("từ", max(0, start - 4), start) < 0:
        return None  # a string test first: most numbers follow no "từ"
    word, wstart = ctx.word_before(start)
    if word.lower() != "từ":
        return None
    qualifier, _, phrase = lex.qualifier_before(ctx, wstart)
    return (qualifier, start) if phrase else None


def rate_base(ctx: Context, lex: Lexicons, start: int, value) -> bool:
    """"giá trị sản xuất trên 1 ha", "thu nhập trên 1 hộ": "trên" + one
    unit after a word of yield is "per one unit", the base of a rate (no
    fact, like "/10.000 dân"); so is any number after "cứ" ("cứ 10 người
    dân thì có 3 người"), and one unit right after "/" ("150 triệu
    đồng/1 ha", "80 triệu đồng/01 ha/năm": per hectare)."""
    if _after_every(ctx, lex, start):
        return True
    if value != 1:
        return False
    if ctx.text[max(0, start - 2) : start].rstrip(" ")[-1:] == "/":
        return True
    _, qstart, phrase = lex.qualifier_before(ctx, start)
    if phrase != "trên":
        return False
    prev, pstart = ctx.word_before(qstart)
    prev2, _ = ctx.word_before(pstart)
    return prev.lower() in lex.per_one_words or f"{prev2} {prev}".lower() in lex.per_one_words


def _after_every(ctx: Context, lex: Lexicons, start: int) -> bool:
    """True when a word of "for every" ("cứ") stands right before ``start``,
    one space between."""
    for word in lex.every_words:
        at = start - len(word) - 1
        if at >= 0 and ctx.text[start - 1] == " " and ctx.lower.startswith(word, at) and (
                at == 0 or not ctx.text[at - 1].isalpha()):
            return True
    return False


# Thousands grouped with spaces before a group of three ("1 234 567 người":
# "1 234 " before "567"), the first group not inside another figure.
_SPACED_LEAD = deferred(r"(?<![\p{N}.,/:-])(?<!\p{N} )\d{1,3}(?: \d{3}){0,4} \Z")
_THREE_DIGITS = deferred(r"\d{3}(?:,\d{1,12})?")  # the last group, a decimal part after it ("1 234,5 ha")
_DIGITS_ONLY = deferred(r"\d{4,}")


def spaced_figure(ctx: Context, lex: Lexicons, start: int, digits: str) -> Optional[tuple[int, int] | bool]:
    """For the number ``digits`` at ``start`` after a group of digits and one
    space: (start, value) of the whole figure when ``digits`` is the last
    group of thousands written with spaces ("1 234 567 người" = 1 234 567,
    "1 250 tỷ đồng", "1 234,5 ha" with its decimals), as French-style typography groups them, unless its
    first group is designated ("tổ 1 200 hộ" names its group); False when
    ``digits`` is a group of four or more, the tail of a phone number or a
    code ("1900 9095", "0912 345 678"); None otherwise (a figure of its
    own, as is any number with no group of digits right before it)."""
    text = ctx.text
    if start < 2 or text[start - 1] != " " or not text[start - 2].isdigit():
        return None
    if _THREE_DIGITS.fullmatch(digits):
        lead = _SPACED_LEAD.search(text, max(0, start - 24), start)
        if lead is None or lex.designated(ctx, lead.start()):
            return None
        whole = lead.group().replace(" ", "") + digits
        return lead.start(), (float(whole.replace(",", ".")) if "," in whole else int(whole))
    return False if _DIGITS_ONLY.fullmatch(digits) else None


# A land unit's size stated in brackets, in square metres: "(500 m²/sào)",
# "(1 mẫu = 5.000 m2)", "(1 công = 1.296 m²)".
_UNIT_SIZE = deferred(
    rf"\(\s*(?:1\s+(?P<u1>\p{{L}}+)\s*=\s*)?(?P<n>{DIGITS})\s*(?:m2|m²|mét vuông)(?:\s*/\s*(?P<u2>\p{{L}}+))?\s*\)")
# Between a land unit and the bracket that states its size: a land word or two
_TO_SIZE = deferred(r"(?:[^\S\n]+\p{Ll}+){0,3}?[^\S\n]*(?=\()")


def unit_size_after(text: str, end: int, unit: str) -> Optional[int | float]:
    """The square metres a land unit ``unit`` ("sào", "mẫu", "công") is said
    to measure in a bracket after the figure ("10 sào ruộng (500 m²/sào)"),
    FACTS.md: traditional units have their Northern sizes unless the text
    says otherwise; None when the text says nothing."""
    gap = _TO_SIZE.match(text, end, min(len(text), end + 40))
    if gap is None:
        return None
    size = _UNIT_SIZE.match(text, gap.end())
    if size is None or unit not in (size.group("u1"), size.group("u2")):
        return None
    return parse_digits(size.group("n"))


def in_unit_size(text: str, start: int) -> bool:
    """True when the figure at ``start`` states a land unit's size inside
    the bracket that defines it ("(1 công = 1.296 m²)"): a definition, no
    figure of the text's."""
    opening = text.rfind("(", max(0, start - 12), start)
    if opening < 0:
        return False
    size = _UNIT_SIZE.match(text, opening)
    return size is not None and size.end() > start and bool(size.group("u1") or size.group("u2"))


def clause_start(text: str, start: int, reach: int) -> int:
    """Where the clause before ``start`` opens: after the last full stop,
    semicolon or line break at most ``reach`` characters back."""
    lo = max(0, start - reach)
    for stop in ".;\n":
        lo = max(lo, text.rfind(stop, lo, start) + 1)
    return lo


def phrase_before(ctx: Context, start: int, phrases: frozenset[str]) -> Optional[int]:
    """Where a phrase of ``phrases`` (lower case, one word or two) that ends
    right before ``start`` opens, the two-word one first; None for none."""
    word, wstart = ctx.word_before(start)
    prev, pstart = ctx.word_before(wstart)
    if f"{prev} {word}".lower() in phrases:
        return pstart
    return wstart if word.lower() in phrases else None


def _prepositional_tren(ctx: Context, lex: Lexicons, qstart: int, noun: str) -> bool:
    """"trên 74 huyện": "across", when a place noun follows and no verb of
    having or reaching comes before."""
    if noun.split(",")[0].strip() not in lex.place_nouns:
        return False
    prev, pstart = ctx.word_before(qstart)
    prev2, _ = ctx.word_before(pstart)
    if not prev:
        return False
    two = f"{prev2} {prev}".lower()
    return prev.lower() not in lex.quantity_verbs and two not in lex.quantity_verbs


# A figure in digits, its unit (a few words) and an opening bracket, at
# the end of the window.
_FIGURE_THEN_BRACKET = deferred(
    rf"(?<![\p{{L}}\p{{N}}])(?P<num>{DIGITS})[^\S\n]*(?:(?P<mult>{MULT})(?!\p{{L}})[^\S\n]*)?"
    rf"(?:[\p{{L}}%$€]+[^\S\n]*){{0,3}}\([^\S\n]*$",
    regex.IGNORECASE,
)


def spelled_no_figure(ctx: Context, start: int, amount) -> bool:
    """True when the number in words at ``start`` is no figure of its own:
    it restates the figure before it (:func:`restates_figure`), or it
    follows "phẩy", the spoken decimal comma ("sáu phẩy sáu phần trăm":
    the decimal part of a number, not 6 %), or it stands in a note "Bằng
    chữ: ..." (in words), where official writing spells out the figure,
    orders parted by commas ("Hai tỷ, ba trăm triệu đồng")."""
    word, _ = ctx.word_before(start)
    return word.lower() == _DECIMAL_WORD or restates_figure(ctx, start, amount) or _in_words_note(ctx, start)


_DECIMAL_WORD = "phẩy"
_IN_WORDS = "bằng chữ"


def _in_words_note(ctx: Context, start: int) -> bool:
    """True when ``start`` follows "bằng chữ" in the same bracket or line."""
    at = ctx.lower.rfind(_IN_WORDS, max(0, start - 150), start)
    return at >= 0 and not any(c in ctx.text[at:start] for c in ")\n")


def restates_figure(ctx: Context, start: int, amount) -> bool:
    """True when a number in words at ``start`` opens a bracket right after
    the same amount in digits ("500 triệu đồng (năm trăm triệu đồng)"): the
    words restate the figure, as official writing spells an amount out; no
    second fact."""
    m = _FIGURE_THEN_BRACKET.search(ctx.text, max(0, start - 50), start)
    return bool(m) and abs(scale(parse_digits(m.group("num")), m.group("mult")) - amount) < 1e-6 * max(1, abs(amount))


_FIGURE_END = deferred(rf"{DIGITS}$")


@lru_cache(maxsize=256)
def _unit_written(unit: str) -> regex.Pattern:
    """``unit`` as a whole word, any case, any white space, after white space."""
    words = r"\s+".join(map(regex.escape, unit.split()))
    return compile_regex(rf"[^\S\n]*{words}(?![\p{{L}}\p{{N}}²])", regex.IGNORECASE)


def _same_unit_at(text: str, pos: int, unit: str) -> bool:
    """True when ``unit`` is written at ``pos``, after white space."""
    return _unit_written(" ".join(unit.split())).match(text, pos, pos + len(unit) + 10) is not None


def side_of_unit_ratio(ctx: Context, start: int, end: int, unit: str) -> bool:
    """True when the amount [start, end), which ends in ``unit``, is one side
    of "x unit/y unit" ("1.234 ha/1.500 ha", "456 tỷ đồng/kế hoạch 600 tỷ
    đồng"): achieved against target, a ratio (FACTS.md), no amount of its own."""
    text = ctx.text
    if "/" not in text[max(0, start - 12) : start] and "/" not in text[end : end + 3]:
        return False  # a string test first: most amounts stand alone
    of_total = ctx.rules.numeric.refs["of_total"]
    after = _slash_figure(of_total).match(text, end, end + 40)
    if after and _same_unit_at(text, after.end(), compound_unit(text, start, unit) or unit):
        return True
    slash = _slash_before(of_total).search(text, max(0, start - 40), start)
    if slash is None:
        return False
    head, words = text[: slash.start()].rstrip(), " ".join(unit.split())
    closing = _COMPOUND_END.search(head, max(0, len(head) - 60))
    if closing and compound_unit(head, closing.start("low"), closing.group("unit")) == words:
        return True  # "… 356 tỷ 780 triệu đồng/kế hoạch 400 tỷ đồng": the target's side
    low = head.lower()
    for written in (words, elided_currency(words)):
        if written and low.endswith(written.lower()):
            return bool(_FIGURE_END.search(head[: len(head) - len(written)].rstrip()[-30:]))
    return False


# The upper order of a compound amount right before its lower part ("356
# tỷ " of "356 tỷ 780 triệu"); the lower part with its unit closing a text.
_COMPOUND_LEAD = deferred(rf"(?<![\p{{L}}\p{{N}}.,])(?P<n>{DIGITS})[^\S\n]*(?P<top>(?i:{COMPOUND_ORDER}))[^\S\n]+\Z")
_COMPOUND_END = deferred(rf"(?<![\p{{L}}\p{{N}}.,])(?P<low>{DIGITS})[^\S\n]*(?P<unit>(?i:{COMPOUND_ORDER})(?:[^\S\n]+\p{{L}}+)?)\Z")


def compound_lead(text: str, start: int, low: str, part) -> Optional[regex.Match]:
    """The upper part ("356 tỷ ", groups ``n`` and ``top``) of the compound
    amount whose lower part, ``part`` in the multiplier ``low``, opens at
    ``start`` ("780 triệu"); None when no larger order stands right before,
    or the lower part reaches it ("2 tỷ 3.500 triệu" is no compound)."""
    lead = _COMPOUND_LEAD.search(text, max(0, start - 30), start)
    if lead is None:
        return None
    top, low = lead.group("top").lower(), low.lower()
    if low not in MULTIPLIERS or MULTIPLIERS[low] >= MULTIPLIERS[top] or part >= MULTIPLIERS[top] // MULTIPLIERS[low]:
        return None
    return lead


def compound_unit(text: str, start: int, unit: str) -> Optional[str]:
    """The unit of the whole compound amount whose lower part, in ``unit``,
    opens at ``start`` ("tỷ đồng" for "780 triệu đồng" after "356 tỷ "):
    its upper order with the lower's currency; None when no larger order
    stands right before (the compound's own rule reads the whole)."""
    words, part = unit.split(), DIGITS_RE.match(text, start)
    lead = compound_lead(text, start, words[0], parse_digits(part.group(0))) if words and part else None
    return None if lead is None else " ".join([lead.group("top"), *words[1:]])


def elided_currency(unit: str) -> Optional[str]:
    """The multiplier of a unit of money ("tỷ" of "tỷ đồng"), which the
    first side of "x tỷ/y tỷ đồng" writes alone; None for other units."""
    words = unit.split()
    return words[0] if len(words) > 1 and words[0].lower() in MULTIPLIERS else None


@lru_cache(maxsize=4)
def _slash_figure(of_total: str) -> regex.Pattern:
    """"/" and a figure, perhaps the whole or the target named between ("/kế hoạch 1.500")."""
    return compile_regex(rf"[^\S\n]?/[^\S\n]?{of_total}{DIGITS}")


@lru_cache(maxsize=4)
def _slash_before(of_total: str) -> regex.Pattern:
    """"/" ending right before a figure, perhaps with the whole or the target named between."""
    return compile_regex(rf"[^\S\n]?/[^\S\n]*{of_total}$")


settle(globals())
