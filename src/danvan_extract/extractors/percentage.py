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
                if rule == "percentage.table_cell":
                    header = header_cell(ctx.text, m.start())
                    if not header or not _PERCENT_HEADER.search(header):
                        continue
                if m.groupdict().get("sp"):
                    v1, v2 = parse_spelled(m.group("sp")), None
                else:
                    v1, v2, _, _ = bounds(m)
                qualifier, start = qualify(ctx, self.lex, m.start(), m.end())
                yield Candidate(
                    "percentage", start, m.end(), rule,
                    {"value": float(v1), "value_max": None if v2 is None else float(v2), "qualifier": qualifier},
                )
