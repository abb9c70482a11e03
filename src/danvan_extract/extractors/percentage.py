"""Percentages: "chiếm 73,53%", "trên 88%", "10-15%", "5 phần trăm"."""

from __future__ import annotations

from typing import Iterator

from .base import Candidate, Context, Lexicons
from .numeric import bounds, qualify


class PercentageExtractor:
    name = "percentage"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.patterns = lex.rules.patterns["percentage"]

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        for pat in self.patterns:
            rule = pat.name
            for m in ctx.scan(pat):
                v1, v2, _, _ = bounds(m)
                qualifier, start = qualify(ctx, self.lex, m.start(), m.end())
                yield Candidate(
                    "percentage", start, m.end(), rule,
                    {"value": float(v1), "value_max": None if v2 is None else float(v2), "qualifier": qualifier},
                )
