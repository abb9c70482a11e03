"""Money: "4,22 tỷ đồng", "32,5 triệu đồng/năm", "từ 80 đến 150 triệu đồng",
"12 tỷ 275 triệu đồng", "2 tỷ rưỡi", "năm ngàn đồng"."""

from __future__ import annotations

from functools import cached_property
from typing import Iterator, Optional

import regex

from ..grammar.alternation import alternation
from ..grammar.lazy import deferred, settle
from ..numbers import MULT, MULTIPLIERS, compound, scale, spelled_pair, spelled_range
from .table_cells import bracketed_unit, unit_in_brackets
from .tones import fold_tones
from .base.candidates import Candidate, Spanned
from .base.context import Context
from .base.lexicons import Lexicons
from .base.groups import group, group_numbers, group_span
from .base.matching import match_at
from .numeric import (CHANGE_FROM, ENGLISH_THOUSANDS, bounds, clause_start, first_of_change,
                      qualify, side_of_unit_ratio, spaced_figure, spelled_no_figure)
from ..grammar.pattern_cache import compile_regex

# Up to two lower-case syllables after a basis, and more bases after it.
_BASIS_REST = deferred(r"(?:[ ]\p{Ll}+){1,2}")
_MORE_BASES = deferred(r"(?:\s*/\s*(?!\p{N})[\p{L}\p{N}]+)+")
# forms read as money only after a multiplier: "Đồng" in title case (else a
# place's first syllable: "12 Đồng Nai"), "kíp" (else a shift: "3 kíp trực")
_AFTER_MULTIPLIER_ONLY = frozenset({"Đồng", "kíp"})
# the multiplier an abbreviation stands for: "trđ", "tr.đồng"; "ngđ", "ng.đ"
_ABBREVIATED = {"tr": "triệu", "ng": "nghìn"}


# bare multipliers, the đồng left unsaid
_BARE = frozenset({"money.bare_billion", "money.bare_million", "money.bare_per"})
# "$500.000", "US$1,2 triệu": the currency's sign before the amount
_SIGN_BEFORE = "money.sign_before"
# rules whose match opens before the fact's number, or at its multiplier
_FROM_NUMBER = frozenset({"money.between", "money.bare_billion", "money.bare_million", "money.table_cell"})


class MoneyExtractor:
    name = "money"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.patterns = lex.rules.patterns["money"]
        self.currency_of = {f.lower(): c.code for c in lex.rules.units.currency for f in c.forms}

    @cached_property
    def money_cue(self) -> regex.Pattern:
        """A noun of money ("kinh phí", "trị giá"), made on first use."""
        words = self.lex.rules.numeric.words.get("money_cue", ())
        return compile_regex(rf"(?<![\p{{L}}])(?:{alternation(words)})(?![\p{{L}}])")

    @cached_property
    def money_verb(self) -> regex.Pattern:
        """A verb of giving money ending a clause, a word after it at most
        ("được hỗ trợ 1 triệu", "đóng góp thêm 350 triệu"); made on first use."""
        words = self.lex.rules.numeric.words.get("money_verb", ())
        return compile_regex(rf"(?<![\p{{L}}])(?:{alternation(words)})(?:\s+\p{{L}}+)?\s*$")

    def _of_money(self, clause: str) -> bool:
        """True when a noun of money stands in ``clause`` after its last
        comma ("lượt khách đạt 1,2 triệu" after "doanh thu tăng," is none),
        or a verb of giving money ends it."""
        return (self.money_cue.search(clause, clause.rfind(",") + 1) is not None
                or self.money_verb.search(clause) is not None)

    @cached_property
    def cell_unit(self) -> regex.Pattern:
        """A currency in brackets heading a table's column or row ("Thực
        hiện (tỷ đồng)", "(triệu đồng)", "(USD)"); made on first use."""
        return unit_in_brackets(rf"(?:(?P<mult>{MULT})\s+)?(?P<cur>{alternation(self.currency_of)})", basis=True)

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        for pat in self.patterns:
            rule = pat.name
            if rule == _SIGN_BEFORE and not _has_sign(ctx.text):
                continue  # (most texts: the unanchored pattern is not scanned)
            for m in ctx.scan(pat):
                lead = None  # where a figure grouped by spaces opens ("1 250 tỷ đồng")
                cell_per = None  # a column's basis: "(triệu đồng/người/năm)"
                cur = group(m, "cur")
                if rule in ("amount.spelled", CHANGE_FROM) and not cur:
                    continue  # a percentage or an area
                if cur and self.lex.opens_other_word(ctx.text, cur, group_span(m, "cur")[1]):
                    continue  # "5 đồng chí", "215.000 đồng bào", "đồng thời"
                if cur in _AFTER_MULTIPLIER_ONLY and not (group(m, "m1") or group(m, "m2")):
                    continue  # "12 Đồng Nai": a place; "12 Triệu Đồng" is money
                if rule in _BARE or (rule == "money.compound" and not cur):
                    clause = _clause_before(ctx.text, m.start("n1"))
                    if "dân số" in clause:
                        continue  # "dân số thế giới khoảng 8 tỷ": people, not đồng
                    if rule == "money.bare_million" and not self._of_money(clause):
                        continue  # "năm 2020 đạt 1,2 triệu": of what, the clause does not say
                    cur = "đồng"  # the unit left unsaid
                if rule == "money.table_cell":
                    # a bare number in a cell under "(tỷ đồng)": the amount in that unit
                    found = bracketed_unit(ctx.text, m.start("n1"), self.cell_unit)
                    if found is None:
                        continue
                    cur, unit, cell_per = found.group("cur"), found.group("unit"), found.group("per")
                    v1, v2, s2 = ctx.number(m, "n1"), None, None
                    s1 = scale(v1, found.group("mult"))
                elif group(m, "sp"):
                    s1 = ctx.number(m, "sp")
                    if spelled_no_figure(ctx, m.start(), s1):
                        continue  # "500 triệu đồng (năm trăm triệu đồng)"
                    s1, s2 = spelled_pair(m.group("sp")) or (s1, None)  # "bảy tám triệu": 7 to 8
                    v1, mult = _spelled_in_unit(m.group("sp"), s1)
                    if group(m, "sp2"):  # "từ hai đến ba triệu đồng": the upper's multiplier serves both
                        s1, s2 = spelled_range(m.group("sp"), m.group("sp2"))
                        mult = mult or _spelled_in_unit(m.group("sp2"), s2)[1]
                        v1 = s1 / scale(1, mult)
                    v2 = None if s2 is None else s2 / scale(1, mult)
                    unit = _unit(ctx, m, "cur")
                    unit = f"{mult} {unit}" if mult else unit
                elif group(m, "n3"):
                    parts = _orders(ctx, m)
                    if parts is None:
                        continue  # "2 tỷ 3.500 triệu", "5 triệu 2 tỷ" is no compound
                    s1, v2, s2 = compound(parts), None, None
                    # in the largest order; thousands of an order in that order, as written after them
                    top = "m1" if parts[0][1] == m.group("m1").lower() else "m3"
                    v1 = s1 / MULTIPLIERS[m.group(top).lower()]
                    unit = _unit(ctx, m, top, "cur")
                elif rule == "money.half":
                    mult = m.group("m1")
                    if (cur is None and MULTIPLIERS[mult.split()[-1].lower()] < 1_000_000_000
                            and not self._of_money(_clause_before(ctx.text, m.start("n1")))):
                        continue  # "2 triệu rưỡi" alone may be people ("kinh phí 2 triệu rưỡi" is not)
                    value = ctx.number(m, "n1")
                    s1 = compound([(value, mult)], half=True)
                    v1, v2, s2 = s1 / scale(1, mult), None, None
                    cur = cur or "đồng"
                    unit = _unit(ctx, m, "m1", "cur") if m.group("cur") else _unit(ctx, m, "m1")
                elif rule in ("money.bare_billion", "money.bare_million"):
                    v1, v2, s1, s2, unit = _billions(ctx, m)
                elif rule == "money.abbreviated":
                    v1, v2, s2 = ctx.number(m, "n1"), None, None
                    s1 = scale(v1, _ABBREVIATED[m.group("m1").lower()])
                    unit = Spanned.at(ctx.text, group_span(m, "m1")[0], group_span(m, "cur")[1])  # "tr.đồng"
                elif rule == CHANGE_FROM:
                    v1, _, s1, _ = bounds(ctx, m)
                    v2 = s2 = None  # the second value is a fact of its own
                    # the unit as the text gives it, written after the second value
                    unit = " ".join(g for g in (group(m, "m1") or group(m, "m2"), cur) if g)
                else:
                    v1, v2, s1, s2 = _thousandths(m, *bounds(ctx, m))
                    if v2 is None and rule != _SIGN_BEFORE:
                        figure = spaced_figure(ctx, self.lex, m.start(), m.group("n1"))
                        if figure is False:
                            continue  # the tail of a phone number or a code
                        if figure:
                            lead, v1 = figure  # "1 250 tỷ đồng"
                            s1 = scale(v1, group(m, "m1"))
                    if cur is None:
                        cur = group(m, "c1")  # "từ 40 triệu đồng đến 60 triệu"
                    if rule == _SIGN_BEFORE:
                        unit = _unit(ctx, m, "cur", "m1")  # "$ triệu", in the order written
                    else:
                        unit = _range_unit(ctx, m, v2 is not None, "cur" if group(m, "cur") else "c1")
                per = "/".join(" ".join(p.split()) for p in (group(m, "per") or cell_per or "").split("/")
                               if p.strip()) or None
                if rule == CHANGE_FROM:
                    per = None  # the "/" stands after the second value (FACTS.md: per only from a "/" right after)
                    first, end = first_of_change(m)
                else:
                    # not "giữa"; "money.bare_billion" opens at "tỷ", "money.bare_million" at "triệu"
                    first = m.start("n1") if rule in _FROM_NUMBER else m.start()
                    first = first if lead is None else lead
                    end = m.end()
                if per:
                    end, per = self._whole_basis(ctx, end, per)
                if _other_basis(m, per):
                    continue  # "2 triệu đồng/người - 5 triệu đồng/hộ": two amounts
                if v2 is None and not per and unit and side_of_unit_ratio(ctx, first, end, str(unit)):
                    continue  # "456 tỷ đồng/600 tỷ đồng": a ratio
                qualifier, start = qualify(ctx, self.lex, first, end)
                yield Candidate(
                    "money", start, end, rule,
                    {
                        "value": float(v1),
                        "value_max": None if v2 is None else float(v2),
                        "unit": unit,
                        "amount": float(s1),
                        "amount_max": None if s2 is None else float(s2),
                        "currency": self.currency_of.get(cur.lower(), cur.upper()),
                        "per": per,
                        "qualifier": qualifier,
                    },
                )

    def _whole_basis(self, ctx: Context, end: int, per: str) -> tuple[int, str]:
        """(end, per) with a basis after "/" read whole when it is a counted
        noun of several syllables ("đồng/hội viên/năm": "hội viên", then
        "/năm"); the pattern reads a basis as one word."""
        words = match_at(_BASIS_REST, ctx.text, end, 40)
        if not words:
            return end, per
        head, _, last = per.rpartition("/")
        rest = words.group(0).split()
        for size in (2, 1):
            noun = " ".join([last, *rest[:size]])
            if len(rest) >= size and fold_tones(noun.lower()) in self.lex.counted_folded:
                nend = end + sum(1 + len(w) for w in rest[:size])
                more = match_at(_MORE_BASES, ctx.text, nend, 60)
                tail = [" ".join(p.split()) for p in more.group(0).split("/") if p.strip()] if more else []
                return (more.end() if more else nend), "/".join(([head] if head else []) + [noun] + tail)
        return end, per


def _has_sign(text: str) -> bool:
    """True when ``text`` holds a currency sign that may stand before an
    amount (``in`` is a memchr-like scan, far cheaper than the pattern)."""
    return "$" in text or "€" in text or "£" in text


def _other_basis(m, per: Optional[str]) -> bool:
    """True when a range's lower bound has a basis of its own ("/người")
    that is not the upper's."""
    own = group(m, "per1")
    if not own or not own.strip():
        return False
    return not (per or "").startswith("/".join(" ".join(p.split()) for p in own.split("/") if p.strip()))


def _spelled_in_unit(spelled: str, amount) -> tuple:
    """(value, multiplier) of a spelled amount in its largest order, as a
    figure in digits reads: "hai trăm triệu" is 200 (triệu), "hai triệu năm
    trăm nghìn" 2.5 (triệu), "mười lăm nghìn tỷ" 15 (nghìn tỷ); (amount,
    None) without a multiplier word ("tám")."""
    words = spelled.split()
    for i, word in enumerate(words):
        low = word.lower()
        if low in MULTIPLIERS:
            after = words[i + 1].lower() if i + 1 < len(words) else ""
            if MULTIPLIERS.get(after, 0) > MULTIPLIERS[low]:
                low, word = f"{low} {after}", f"{word} {words[i + 1]}"  # "nghìn tỷ"
            return amount / scale(1, low), word
    return amount, None


def _orders(ctx: Context, m) -> Optional[list]:
    """The (number, multiplier) parts of a compound amount in descending
    orders ("12 tỷ 275 triệu"); "1 nghìn 200 tỷ" is thousands of the order
    after it (1 nghìn tỷ + 200 tỷ = 1 200 tỷ).  None when the orders do not descend or
    a lower part reaches the order above it."""
    first, second = m.group("m1").lower(), (group(m, "m3") or "").lower()
    parts = [(ctx.number(m, "n1"), first), (ctx.number(m, "n3"), second or None)]
    if not second:  # "12 nghìn 500 đồng": the units under the thousand
        return parts if parts[1][0] < 1000 else None
    if MULTIPLIERS[first] <= MULTIPLIERS[second]:
        if MULTIPLIERS[first] != 1_000 or MULTIPLIERS[second] < 1_000_000 or group(m, "n4"):
            return None
        parts[0] = (parts[0][0], f"{first} {second}")
    if group(m, "n4"):
        parts.append((ctx.number(m, "n4"), m.group("m4")))
    return parts if all(v < 1000 for v, _ in parts[1:]) else None


def _billions(ctx: Context, m):
    """(value, value_max, amount, amount_max, unit) of "15 nghìn tỷ", "3 - 5
    tỷ": the multiplier read in the look-behind and at the match."""
    mult_start = m.start("mh") if group(m, "mh") else m.start("m1")
    unit = Spanned.at(ctx.text, mult_start, m.end("m1"))
    v1 = ctx.number(m, "n1")
    v2 = ctx.number(m, "n2") if group(m, "n2") else None
    return v1, v2, scale(v1, unit), None if v2 is None else scale(v2, unit), unit


def _thousandths(m, v1, v2, s1, s2) -> tuple:
    """(value, value_max, amount, amount_max) with a bound written "150,000"
    and no multiplier read the English way (150 000): no currency is
    counted in thousandths of its unit ("150,000 đồng", "15,000 USD"), so
    the Vietnamese reading is impossible (FACTS.md)."""
    if group(m, "m1") or group(m, "m2"):
        return v1, v2, s1, s2  # (a multiplier scales both bounds)
    if ENGLISH_THOUSANDS.fullmatch(m.group("n1")):
        v1 = s1 = int(m.group("n1").replace(",", ""))
    n2 = group(m, "n2")
    if n2 and ENGLISH_THOUSANDS.fullmatch(n2):
        v2 = s2 = int(n2.replace(",", ""))
    return v1, v2, s1, s2


def _range_unit(ctx: Context, m, is_range: bool, cur: str) -> Optional[Spanned]:
    """The unit of an amount or a range: the upper bound's multiplier, or
    the lower's when the two differ ("500 triệu đồng đến 1 tỷ đồng": value
    500 is in "triệu đồng", as its amount), with the currency."""
    m1, m2 = group(m, "m1"), group(m, "m2")
    if is_range and m2 and not (m1 and m1.lower() != m2.lower()):
        mult = "m2"
    else:
        mult = "m1"
    return _unit(ctx, m, mult, cur) if group(m, mult) else _unit(ctx, m, cur)


def _unit(ctx: Context, m, *groups: str) -> Optional[Spanned]:
    """The unit as written: the multiplier and currency groups read, joined
    by a space ("tỷ đồng"), with their spans; None when none was read."""
    numbers = group_numbers(m.re)  # by number: a look-up by name costs ten times more
    parts = [Spanned.at(ctx.text, *m.span(numbers[g])) for g in groups if group(m, g)]
    return Spanned.joined(parts) if parts else None


def _clause_before(text: str, start: int) -> str:
    """The clause before ``start`` (at most 60 characters back, to a full
    stop, semicolon or line break), lower-cased: "dân số" there makes a
    bare multiplier count people, a noun of money makes it đồng."""
    return text[clause_start(text, start, 60):start].lower()


settle(globals())

