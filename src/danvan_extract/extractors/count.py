"""Counts: "285 mô hình", "1.554 cuộc kiểm tra", "hai văn kiện", "3,3 triệu người"."""

from __future__ import annotations

from typing import Iterator

import regex

from ..numbers import parse_spelled
from .base import Candidate, Context, Lexicons, match_at
from .numeric import bounds, qualify


_SHARE_FOLLOWS = regex.compile(r"\s+chiếm\s+(?:khoảng\s+|gần\s+|trên\s+)?\d")


class CountExtractor:
    name = "count"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.patterns = lex.rules.patterns["count"]

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        lex = self.lex
        for pat in self.patterns:
            rule = pat.name
            for m in ctx.scan(pat):
                spelled = "sp" in m.groupdict() and m.group("sp")
                if spelled:
                    if not _plausible_spelled(ctx, m):
                        continue
                    value, value_max = parse_spelled(m.group("sp")), None
                else:
                    _, _, value, value_max = bounds(m)
                noun, end = lex.noun_after(ctx, m.end())
                if noun is None and not spelled and match_at(_SHARE_FOLLOWS, ctx.text, m.end(), 60):
                    # "số người dùng 20.000 chiếm 40,16%": a quantity whose
                    # noun came before it; the share that follows proves it.
                    if lex.designated(ctx, m.start()) or _is_year(m.group("n1")):
                        continue
                    qualifier, start = qualify(ctx, lex, m.start(), m.end())
                    yield Candidate("count", start, m.end(), "count.before_share",
                                    {"value": value, "noun": None, "qualifier": qualifier})
                    continue
                if noun is None or lex.is_time_noun(noun) or noun.split(" ")[0] in lex.non_count_heads:
                    continue
                if spelled and noun not in lex.counted:
                    continue  # "ba kích", "năm nay": words, not numbers
                if lex.designated(ctx, m.start()):
                    continue
                if not spelled and _is_year(m.group("n1")) and noun not in lex.counted:
                    continue
                more, end2 = lex.coordinated(ctx, end)
                if more:
                    noun, end = noun + more, end2
                qualifier, start = qualify(ctx, lex, m.start(), end, noun)
                fields = {"value": value, "noun": noun, "qualifier": qualifier}
                if value_max is not None:
                    fields["value_max"] = value_max
                yield Candidate("count", start, end, rule, fields)


def _is_year(token: str) -> bool:
    return token.isdigit() and len(token) == 4 and 1900 <= int(token) <= 2100


def _plausible_spelled(ctx: Context, m) -> bool:
    """Spelled numbers in lower case only, or capitalised at a sentence start;
    "Ba Lòng" (a place) and "Hai là," (an enumeration) are not numbers."""
    word = m.group("sp")
    if word[0].isupper() and not ctx.at_sentence_start(m.start()):
        return False
    after = ctx.text[m.end() : m.end() + 4]
    return not after.lstrip().startswith("là")
