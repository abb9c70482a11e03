"""Dates, years and clock times (ungraded): "24/01/2022", "tháng 9/2024",
"(27-28/7/2020)", "năm 2020".  They keep their digits out of counts and ratios."""

from __future__ import annotations

from typing import Iterator

from .base.candidates import Candidate
from .base.context import Context
from .base.lexicons import Lexicons
from .base.groups import group_reader

_DATE_GROUPS = group_reader("y", "m", "d")


class DateExtractor:
    name = "date"

    def __init__(self, lex: Lexicons):
        self.patterns = lex.rules.patterns["date"]

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        for pat in self.patterns:
            rule = pat.name
            kind = "year" if rule.startswith("date.year") else "date"
            for m in ctx.scan(pat):
                y, mo, d = _DATE_GROUPS(m)
                if mo and mo.isdigit() and not 1 <= int(mo) <= 12:
                    continue
                if d and not 1 <= int(d) <= 31:
                    continue
                yield Candidate(kind, m.start(), m.end(), rule, {"value": iso_date(y, mo, d)})


def iso_date(y: str | None, mo: str | None, d: str | None) -> str | None:
    """"YYYY-MM-DD" (or shorter) from what groups y, m, d read."""
    if y and mo and d and mo.isdigit():
        return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    if y and mo and mo.isdigit():
        return f"{int(y):04d}-{int(mo):02d}"
    if y:
        return y
    return None
