"""Ungraded quantities that own their digits: measures ("468,281 km") and
durations ("6 tháng", "5 năm").  Emitted as `measure` / `duration`."""

from __future__ import annotations

from typing import Iterator


from .base.candidates import Candidate
from .base.context import Context
from .base.lexicons import Lexicons
from .base.groups import group, group_span
from .numeric import bounds
from ..grammar.pattern_cache import compile_regex


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


# A number between these words names a day of a month or a month of a year.
_CALENDAR_BEFORE = {"năm": "tháng", "tháng": "ngày"}


class DurationExtractor:
    name = "duration"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.patterns = lex.rules.patterns["duration"]
        self.breakers = frozenset(w.lower() for w in lex.rules.units.time.exception_breakers)

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        for pat in self.patterns:
            rule = pat.name
            for m in ctx.scan(pat):
                # by number: a look-up by name costs ten times more
                unit_start, unit_end = group_span(m, "unit")
                unit = ctx.text[unit_start:unit_end].lower()
                after = _word_after(ctx.lower, unit_end)
                if f"{unit} {after}".strip() in self.lex.counted_exceptions and not self._word_goes_on(
                        ctx, after, unit_end + 1 + len(after)):
                    continue  # "ngày công" is counted labour, not time
                if _CALENDAR_BEFORE.get(unit) == ctx.word_before(m.start())[0].lower():
                    continue  # "tháng 9 năm nay", "ngày 15 tháng 9": a date's day or month, no length of time
                spelled = group(m, "sp")
                if spelled:
                    if spelled[0].isupper():
                        continue
                    value = ctx.number(m, "sp")
                else:
                    value = ctx.number(m, "n1")
                yield Candidate("duration", m.start(), m.end(), rule, {"value": value, "unit": unit})

    def _word_goes_on(self, ctx: Context, word: str, end: int) -> bool:
        """True when ``word`` (ending at ``end``) and the syllable after it
        make one of units.toml's time.exception_breakers ("3 ngày công
        tác": "công tác", a length of time; "ngày công lao động" stays
        labour)."""
        nxt = _word_after(ctx.lower, end)
        return bool(nxt) and f"{word} {nxt}" in self.breakers


def _word_after(low: str, pos: int) -> str:
    """The word one space after ``pos`` in the lowered text: its letters,
    without the mark that ends a sentence or clause after it ("ngày
    công." → "công") or a rate's "/" ("ngày công/năm" → "công"); a line
    break ends the word as a space does ("ngày công.\nẢnh: …")."""
    if low[pos:pos + 1] != " ":
        return ""
    word = _LETTERS.match(low, pos + 1, pos + 12)
    return word.group() if word else ""


_LETTERS = compile_regex(r"\p{L}+")

