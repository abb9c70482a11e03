"""Areas: "29,168 ha", "25,653ha", "36.618 m2", "5 sào", with hectares."""

from __future__ import annotations

from functools import cached_property
from typing import Iterator, Optional

import regex

from ..grammar.lazy import deferred, settle
from .base.candidates import Candidate, Spanned
from .base.context import Context
from .base.lexicons import Lexicons
from .base.groups import group, group_span
from .numeric import (CHANGE_FROM, bounds, year_label, first_of_change, in_unit_size, qualify, rate_base,
                      spaced_figure, spelled_no_figure, side_of_unit_ratio, unit_size_after)
from .table_cells import bracketed_unit, header_cell, unit_in_brackets
from ..grammar.alternation import alternation
from ..numbers import HALF, spelled_pair, spelled_range

_COMPOUND = "area.compound"
_LAND_BEFORE = deferred(r"(?<![\p{L}])(đất(?: \p{Ll}+){0,2})\s*:?\s*$")


class AreaExtractor:
    name = "area"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.patterns = lex.rules.patterns["area"]
        self.units = {f.lower(): a for a in lex.rules.units.area for f in a.forms}

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        for pat in self.patterns:
            rule = pat.name
            if rule == "area.table_cell":
                yield from self._table_cells(ctx, pat)
                continue
            for m in ctx.scan(pat):
                if rule == _COMPOUND:
                    found = self._compound(ctx, m)
                    if found is not None:
                        yield found
                    continue
                form = group(m, "unit")
                if rule in ("amount.spelled", CHANGE_FROM) and not form:
                    continue  # a percentage or an amount of money
                if rule == "area.km_as_area":
                    # the measure pattern: only "km" in an area's context
                    if form.lower() != "km" or ctx.text[m.end():m.end() + 1] == "/":
                        continue
                    if not _area_context(ctx.text, m.start()):
                        continue
                    unit = self.units["km2"]
                else:
                    unit = self.units[" ".join(form.lower().split())]
                    if (form[-1:] == "2" and not form[-2:-1].isalnum() and not _flat_square(ctx.text, m)
                            and (group(m, "next") or "").strip().lower() not in self.land_words):
                        continue  # "rộng 7 m 2 làn xe": metres, then a count
                nxt = (group(m, "next") or "").strip().lower()
                if unit.requires_next and nxt not in unit.requires_next:
                    continue
                if nxt and self.lex.opens_other_word(ctx.text, form, group_span(m, "unit")[1]):
                    continue  # "12 mẫu nước xét nghiệm": samples, no land
                first, end = first_of_change(m) if rule == CHANGE_FROM else (m.start(), group_span(m, "unit")[1])
                if group(m, "sp"):
                    v1, v2 = spelled_pair(m.group("sp")) or (ctx.number(m, "sp"), None)  # "hai ba sào"
                    if group(m, "sp2"):  # "từ hai đến ba héc-ta"
                        v1, v2 = spelled_range(m.group("sp"), m.group("sp2"))
                    s1, s2 = v1, v2
                    if spelled_no_figure(ctx, m.start(), s1):
                        continue  # "200 ha (hai trăm héc-ta)"
                else:
                    v1, v2, s1, s2 = bounds(ctx, m)
                    if s2 is not None and year_label(ctx, m):
                        v1, v2, s1, s2, first = v2, None, s2, None, m.start("n2")  # "2023 - 345 ha"
                    if s2 is None and rule != CHANGE_FROM:
                        figure = spaced_figure(ctx, self.lex, first, m.group("n1"))
                        if figure is False:
                            continue  # the tail of a phone number or a code
                        if figure and not group(m, "m1"):
                            first, s1 = figure  # "1 234 ha"
                if rule == CHANGE_FROM:
                    s2 = None  # the second value is a fact of its own
                elif nxt == HALF and s2 is None and not group(m, "m1") and float(s1).is_integer():
                    # "hai mẫu rưỡi", "2 ha rưỡi": and a half of the unit, as
                    # "1 triệu rưỡi" is of a multiplier
                    s1, end, nxt = s1 + 0.5, m.end("next"), ""
                if s2 is None and rate_base(ctx, self.lex, first, s1):
                    continue  # "giá trị sản xuất trên 1 ha": the base of a rate
                if s2 is None and side_of_unit_ratio(ctx, first, end, form):
                    continue  # "1.234 ha/1.500 ha": a ratio
                if in_unit_size(ctx.text, first):
                    continue  # "(1 mẫu = 5.000 m2)": a unit's size, no figure of the text's
                lower, upper = self._lower_unit(m, unit).hectares, unit.hectares
                if unit.unit in self.traditional:
                    stated = unit_size_after(ctx.text, group_span(m, "unit")[1], unit.unit)
                    if stated is not None:  # "10 sào (500 m²/sào)": the size the text gives
                        lower = upper = stated / 10_000
                qualifier, start = qualify(ctx, self.lex, first, end)
                yield Candidate(
                    "area", start, end, rule,
                    {
                        "value": float(s1),
                        "value_max": None if s2 is None else float(s2),
                        "unit": self._unit_of_value(ctx, m, unit, rule),
                        "hectares": in_hectares(s1, lower),
                        "hectares_max": None if s2 is None else in_hectares(s2, upper),
                        "subject": self._subject(ctx, m, nxt, start),
                        "qualifier": qualifier,
                    },
                )

    def _compound(self, ctx: Context, m: regex.Match) -> Optional[Candidate]:
        """"1 mẫu 3 sào": one area in mẫu (1,3) with both parts' hectares;
        None when the lower part reaches the upper unit ("1 mẫu 12 sào")."""
        upper, lower = self.units[m.group("u1").lower()], self.units[m.group("unit").lower()]
        whole, part = ctx.number(m, "n1"), ctx.number(m, "n3")
        if part * lower.hectares >= upper.hectares:
            return None
        end = group_span(m, "unit")[1]
        qualifier, start = qualify(ctx, self.lex, m.start(), end)
        nxt = (group(m, "next") or "").strip().lower()
        return Candidate("area", start, end, _COMPOUND, {
            "value": float(f"{whole + part * lower.hectares / upper.hectares:.12g}"), "value_max": None,
            "unit": upper.unit, "hectares": float(f"{whole * upper.hectares + part * lower.hectares:.12g}"),
            "hectares_max": None, "subject": self._subject(ctx, m, nxt, start), "qualifier": qualifier,
        })

    @cached_property
    def land_words(self) -> frozenset[str]:
        """The land words after a figure that make its unit a land measure
        ("10 công ruộng", "200 m 2 đất vườn"): units.toml's requires_next."""
        return frozenset(w for a in self.lex.rules.units.area for w in a.requires_next)

    @cached_property
    def traditional(self) -> frozenset[str]:
        """The land units of traditional, regional sizes ("mẫu", "sào",
        "công"): not the metric ones."""
        return frozenset(a.unit for a in self.lex.rules.units.area) - _METRIC

    def _unit_of_value(self, ctx: Context, m: regex.Match, unit, rule: str):
        """The unit ``value`` is in: a range's lower bound's when it writes
        its own ("500 m2 đến 1 ha": value 500 is in m2, as money's "500
        triệu đồng đến 1 tỷ đồng" is in "triệu đồng"), else the one after
        the figure; "ha" when a multiplier scaled the value."""
        if group(m, "m1") or group(m, "m2") or rule == CHANGE_FROM:
            return unit.unit
        own = group(m, "u1")
        if own:
            lower = self.units[" ".join(own.lower().split())]
            return Spanned.at(ctx.text, *group_span(m, "u1")) if own in _SYMBOLS else lower.unit
        return _as_written(ctx, m, unit.unit, rule)

    def _lower_unit(self, m: regex.Match, unit):
        """The unit of a range's lower bound: its own when written ("5.000
        m2 - 2 ha"), else the one after the upper."""
        own = group(m, "u1")
        return self.units[" ".join(own.lower().split())] if own else unit

    @cached_property
    def cell_unit(self) -> regex.Pattern:
        """"Diện tích (ha)" over a column, "Đất lúa (ha)" before a row: a land
        measure in brackets (not one that needs a land word after it); made
        on first use."""
        return unit_in_brackets(alternation([f for a in self.lex.rules.units.area if not a.requires_next
                                             for f in a.forms]))

    def _table_cells(self, ctx: Context, pat) -> Iterator[Candidate]:
        """Bare numbers in table cells whose column header or row label
        gives a land measure in brackets ("Diện tích (ha) |" over "| 1.250 |")."""
        for m in ctx.scan(pat):
            found = bracketed_unit(ctx.text, m.start("n1"), self.cell_unit)
            if found is None:
                continue
            unit = self.units[found.group("unit").lower()]
            value = ctx.number(m, "n1")
            yield Candidate("area", m.start("n1"), m.end(), pat.name, {
                "value": float(value), "value_max": None, "unit": unit.unit,
                "hectares": in_hectares(value, unit.hectares), "hectares_max": None,
                "subject": None, "qualifier": "exact",
            })

    def _subject(self, ctx: Context, m: regex.Match, nxt: str, start: int) -> Optional[str]:
        if nxt and nxt not in self.lex.not_nouns and nxt[:1].isalpha():
            return nxt
        before = _LAND_BEFORE.search(ctx.text[max(0, start - 40) : start])
        return before.group(1).lower() if before else None


def in_hectares(value: float, per_unit: float) -> float:
    """``value`` units of ``per_unit`` hectares each, without the binary
    float's noise (1,1 km² is 110 ha, not 110.00000000000001)."""
    return float(f"{float(value) * per_unit:.12g}")


_AREA_WORD = deferred(r"diện\s+tích", regex.IGNORECASE)
_SQUARE_UNIT = deferred(r"km\s*[²2]|diện\s+tích", regex.IGNORECASE)
_CLAUSE_CUT = deferred(r"[.;:!?]|\d")


def _area_context(text: str, start: int) -> bool:
    """True when a "km" figure is an area: "diện tích" earlier in its clause
    with no other figure between, or a table column headed by "km²" or
    "Diện tích"."""
    ls = text.rfind("\n", 0, start) + 1
    if "|" not in text[ls:start]:
        clause = _CLAUSE_CUT.split(text[max(ls, start - 100) : start])[-1]
        return bool(_AREA_WORD.search(clause))
    header = header_cell(text, start)
    return header is not None and bool(_SQUARE_UNIT.search(header))


_AFTER_FLAT_SQUARE = deferred(r"[^\S\n]*(?:[,.;:!?)/|]|\n|$)")


def _flat_square(text: str, m: regex.Match) -> bool:
    """True when "m 2"/"km 2" (a PDF's flattened "m²") is a square unit: it
    closes its clause ("1.250 m 2, gồm …") or its clause is about an area
    ("diện tích … 6.700 km 2"); a word after it may otherwise be counted
    ("rộng 7 m 2 làn xe"), unless it is a land word (the caller checks)."""
    end = group_span(m, "unit")[1]
    return bool(_AFTER_FLAT_SQUARE.match(text, end)) or _area_context(text, m.start())


def _as_written(ctx: Context, m: regex.Match, canonical: str, rule: str = "") -> str:
    """Keep "m²"/"m2" (and a square "km" read from its context) as written,
    with its span; word forms ("héc-ta") become the symbol."""
    form = group(m, "unit")
    if form in _SYMBOLS or rule == "area.km_as_area":
        return Spanned.at(ctx.text, *group_span(m, "unit"))
    return form.lower() if form.lower() in _SYMBOLS else canonical  # "KM2" in a heading: "km2"


_SYMBOLS = frozenset({"m2", "m²", "km2", "km²"})
_METRIC = frozenset({"ha", "m2", "km2"})


settle(globals())
