"""Percentages: "chiếm 73,53%", "trên 88%", "10-15%", "5 phần trăm"."""

from __future__ import annotations

from typing import Iterator

import regex

from ..grammar.lazy import deferred, settle
from ..numbers import DIGITS, spelled_pair, spelled_range
from .base.candidates import Candidate
from .base.context import Context
from .base.lexicons import Lexicons
from .base.groups import group
from .numeric import (CHANGE_FROM, bounds, clause_start, first_of_change, phrase_before, qualify, spelled_no_figure,
                      year_label)
from .table_cells import colon_label_unit, first_row_figure, header_cell, row_label_span, unit_cell_span
from ..grammar.pattern_cache import compile_regex

# A bare number and the list separator that follows it, right before a
# position ("0,5, " or "0,4 và ").
_LIST_ITEM = compile_regex(rf"(?<![\p{{L}}\p{{N}}.,/])(?P<n>{DIGITS})(?:,\s+|\s+và\s+)$")


def _ends_with_separator(window: str) -> bool:
    """True when ``window`` ends as a :data:`_LIST_ITEM` match must: "," or
    "và", then white space (a string test: most percentages are alone)."""
    head = window.rstrip()
    return len(head) < len(window) and (head.endswith(",") or head.endswith("và"))


_PERCENT_HEADER = deferred(r"%|phần\s+trăm", regex.IGNORECASE)
_PERCENT_UNIT = deferred(r"\(\s*%\s*\)|\(\s*phần\s+trăm\s*\)", regex.IGNORECASE)


def _percent_label(text: str, pos: int) -> bool:
    """True when a label gives "%" in brackets and a colon joins it to the
    figure at ``pos`` ("Tỷ lệ (%): 3,4")."""
    unit = colon_label_unit(text, pos)
    return bool(unit) and text[unit[0]:unit[1]].strip() == "%"


def _percent_row(text: str, pos: int) -> bool:
    """True when the label of the table row holding ``pos`` gives "%" as
    its unit ("Tỷ lệ hộ nghèo (%) | 5,2 | 4,1"), or its cell under "ĐVT"."""
    # not in the header line, unless the table has none
    label = (header_cell(text, pos) is not None or first_row_figure(text, pos)) and row_label_span(text, pos)
    if label and _PERCENT_UNIT.search(text, label[0], label[1]):
        return True
    unit = unit_cell_span(text, pos)  # "Tỷ lệ hộ nghèo | % | 4,1" under "Chỉ tiêu | ĐVT |"
    return bool(unit) and text[unit[0]:unit[1]] == "%"


class PercentageExtractor:
    name = "percentage"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.patterns = lex.rules.patterns["percentage"]
        self.change_verbs = frozenset(lex.rules.numeric.words.get("change_verb", ()))

    def _points_of_rate(self, ctx: Context, start: int) -> bool:
        """True when the number at ``start`` follows a verb of change whose
        subject is a rate: "tỷ lệ" in the clause, and after the clause's
        last comma nothing but that verb, or the rate itself ("tỷ lệ hộ
        nghèo còn 3,2%, giảm 1,1 điểm"; not "…, chỉ số PCI tăng 2 điểm")."""
        wstart = phrase_before(ctx, start, self.change_verbs)
        if wstart is None:
            return False
        clause = ctx.lower[clause_start(ctx.text, start, 120):wstart]
        if "tỷ lệ" not in clause and "tỉ lệ" not in clause:
            return False
        tail = clause[clause.rfind(",") + 1:]
        return not tail.strip() or "tỷ lệ" in tail or "tỉ lệ" in tail

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        for pat in self.patterns:
            rule = pat.name
            for m in ctx.scan(pat):
                if rule in ("amount.spelled", CHANGE_FROM) and not m.group("pct"):
                    continue  # an area or an amount of money
                start, end = first_of_change(m) if rule == CHANGE_FROM else m.span()
                if rule == "percentage.table_cell":
                    start, end = m.span("n1")  # the match opens at the cell's bar
                    header = header_cell(ctx.text, start)
                    if not (header and _PERCENT_HEADER.search(header)) and not _percent_row(ctx.text, start) \
                            and not _percent_label(ctx.text, start):
                        continue
                if rule == "percentage" and group(m, "pts") and not self._points_of_rate(ctx, start):
                    continue  # "chỉ số PCI tăng 2 điểm": points of an index
                if group(m, "sp"):
                    v1, v2 = spelled_pair(m.group("sp")) or (ctx.number(m, "sp"), None)  # "bảy tám phần trăm"
                    if group(m, "sp2"):  # "mười lăm đến hai mươi phần trăm"
                        v1, v2 = spelled_range(m.group("sp"), m.group("sp2"))
                    if spelled_no_figure(ctx, m.start(), v1):
                        continue  # "50% (năm mươi phần trăm)"
                else:
                    v1, v2, _, _ = bounds(ctx, m)
                    if v2 is not None and year_label(ctx, m):
                        v1, v2, start = v2, None, m.start("n2")  # "2023 - 4,5%": the year labels it
                if rule == CHANGE_FROM:
                    v2 = None  # the second value is a fact of its own
                qualifier, qstart = qualify(ctx, self.lex, start, end)
                yield Candidate(
                    "percentage", qstart, end, rule,
                    {"value": float(v1), "value_max": None if v2 is None else float(v2), "qualifier": qualifier},
                )
                if rule == "percentage" and v2 is None:
                    yield from self._list_items(ctx, start)

    def _list_items(self, ctx: Context, start: int) -> Iterator[Candidate]:
        """Bare numbers listed before a percentage share its unit: "giảm
        0,5, 0,4 và 0,7 điểm phần trăm" gives three percentages."""
        text = ctx.text
        for _ in range(5):
            lo = max(0, start - 40)
            m = _ends_with_separator(text[lo:start]) and _LIST_ITEM.search(text, lo, start)
            if not m:
                return
            qualifier, qstart = qualify(ctx, self.lex, m.start("n"), m.end("n"))
            yield Candidate("percentage", qstart, m.end("n"), "percentage.list_item",
                            {"value": float(ctx.number(m, "n")), "value_max": None, "qualifier": qualifier})
            start = m.start("n")


settle(globals())
