"""Ungraded quantities that own their digits: measures ("468,281 km") and
durations ("6 tháng", "5 năm").  Emitted as `measure` / `duration`."""

from __future__ import annotations

from typing import Iterator


from .base import Candidate, Context, Lexicons, group, group_span
from .numeric import bounds


class MeasureExtractor:
    name = "measure"

    def __init__(self, lex: Lexicons):
        self.patterns = lex.rules.patterns["measure"]

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        for pat in self.patterns:
            rule = pat.name
            for m in ctx.scan(pat):
                # the value with its multiplier ("2 triệu tấn": 2,000,000), as every family reads it
                yield Candidate("measure", m.start(), m.end(), rule,
                                {"value": bounds(ctx, m)[2], "unit": m.group("unit")})


class DurationExtractor:
    name = "duration"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.patterns = lex.rules.patterns["duration"]

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        for pat in self.patterns:
            rule = pat.name
            for m in ctx.scan(pat):
                # by number: a look-up by name costs ten times more
                unit_start, unit_end = group_span(m, "unit")
                unit = ctx.text[unit_start:unit_end].lower()
                after = ctx.lower[unit_end : unit_end + 6]
                if f"{unit} {after.split(' ')[1] if ' ' in after else ''}".strip() in self.lex.counted_exceptions:
                    continue  # "ngày công" is counted labour, not time
                spelled = group(m, "sp")
                if spelled:
                    if spelled[0].isupper():
                        continue
                    value = ctx.number(m, "sp")
                else:
                    value = ctx.number(m, "n1")
                yield Candidate("duration", m.start(), m.end(), rule, {"value": value, "unit": unit})
