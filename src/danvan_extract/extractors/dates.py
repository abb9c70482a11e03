"""Dates, years and clock times (ungraded): "24/01/2022", "tháng 9/2024",
"(27-28/7/2020)", "năm 2020".  They keep their digits out of counts and ratios."""

from __future__ import annotations

from typing import Iterator

from .base import Candidate, Context, Lexicons, group


class DateExtractor:
    name = "date"

    def __init__(self, lex: Lexicons):
        self.patterns = lex.rules.patterns["date"]

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        for pat in self.patterns:
            rule = pat.name
            for m in ctx.scan(pat):
                g = {name: group(m, name) for name in ("d", "m", "y")}
                if g.get("m") and g["m"].isdigit() and not 1 <= int(g["m"]) <= 12:
                    continue
                if g.get("d") and not 1 <= int(g["d"]) <= 31:
                    continue
                kind = "year" if rule.startswith("date.year") else "date"
                yield Candidate(kind, m.start(), m.end(), rule, {"value": iso_date(g)})


def iso_date(g: dict) -> str | None:
    """"YYYY-MM-DD" (or shorter) from named groups d, m, y."""
    y, mo, d = g.get("y"), g.get("m"), g.get("d")
    if y and mo and d and mo.isdigit():
        return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    if y and mo and mo.isdigit():
        return f"{int(y):04d}-{int(mo):02d}"
    if y:
        return y
    return None
