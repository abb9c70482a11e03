"""Percentages: "chiếm 73,53%", "trên 88%", "10-15%", "5 phần trăm"."""

from __future__ import annotations

from typing import Iterator

import regex

from ..numbers import parse_spelled
from .base import Candidate, Context, Lexicons
from .numeric import bounds, qualify
from .table_cells import header_cell

_PERCENT_HEADER = regex.compile(r"%|phần\s+trăm", regex.IGNORECASE)


class PercentageExtractor:
    name = "percentage"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.patterns = lex.rules.patterns["percentage"]

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        for pat in self.patterns:
            rule = pat.name
            for m in ctx.scan(pat):
                if rule == "amount.spelled" and not m.group("pct"):
                    continue  # an area or an amount of money
                start, end = m.start(), m.end()
                if rule == "percentage.table_cell":
                    start, end = m.span("n1")  # the match opens at the cell's bar
                    header = header_cell(ctx.text, start)
                    if not header or not _PERCENT_HEADER.search(header):
                        continue
                if m.groupdict().get("sp"):
                    v1, v2 = parse_spelled(m.group("sp")), None
                else:
                    v1, v2, _, _ = bounds(m)
                qualifier, start = qualify(ctx, self.lex, start, end)
                yield Candidate(
                    "percentage", start, end, rule,
                    {"value": float(v1), "value_max": None if v2 is None else float(v2), "qualifier": qualifier},
                )
