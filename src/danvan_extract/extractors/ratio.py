"""Ratios "x out of y": "49.800/67.721 người", "5/16 xã, thị trấn"."""

from __future__ import annotations

from functools import cached_property
from typing import Iterator, Optional

import regex

from ..numbers import DIGITS, MULT, MULTIPLIERS, parse_digits
from ..grammar.rules import alternation
from .tones import fold_tones
from .base.candidates import Candidate, Spanned
from .base.context import Context
from .base.lexicons import Lexicons
from .base.groups import group, group_span, has_group
from .base.matching import match_at
from ..grammar.lazy import deferred, settle
from .numeric import compound_lead, elided_currency, phrase_before, qualify
from ..grammar.pattern_cache import compile_regex


class RatioExtractor:
    name = "ratio"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.patterns = lex.rules.patterns["ratio"]
        self.achieve_verbs = frozenset(lex.rules.numeric.words.get("achieve_verb", ()))

    @cached_property
    def unit_tail(self) -> regex.Pattern:
        """"31/35 triệu đồng", "48,2/45ha": achieved against target in a
        unit (compiled on first use: most texts have no ratio)."""
        u = self.lex.rules.units
        units = ([f for c in u.currency for f in c.forms] + [f for a in u.area if not a.requires_next for f in a.forms]
                 + list(u.measure.forms))
        return compile_regex(
            rf"\s*(?:{MULT}(?:\s+(?:{alternation(units)}))?|(?:{alternation(units)}))(?![\p{{L}}\p{{N}}²³])"
        )

    def _unit_after(self, ctx: Context, m) -> Optional[regex.Match]:
        """The unit after the denominator ("31/35 triệu đồng", not "9/9
        đồng chí"); with a unit written before the "/" too ("1.234 ha/1.500
        ha"), only the same one."""
        tail = match_at(self.unit_tail, ctx.text, m.end(), 40)
        if tail is None or self.lex.opens_other_word(ctx.text, tail.group(0), tail.end()):
            return None
        if not has_group(m, "pn"):
            return tail
        before = group(m, "pn")
        if not before or not self.unit_tail.fullmatch(before):
            return None
        written = tail.group(0).split()
        if written == before.split() or [elided_currency(" ".join(written))] == before.split():
            return tail  # "1.234 ha/1.500 ha", "12 tỷ/15 tỷ đồng"
        return None

    def _compound_side(self, ctx: Context, m) -> Optional[tuple]:
        """(start, numerator, tail) when the numerator closes a compound
        amount whose top order is the denominator's ("356 tỷ 780 triệu
        đồng/kế hoạch 400 tỷ đồng": 356,78 against 400, in tỷ đồng, as
        "30 tỷ/kế hoạch 50 tỷ đồng"); None otherwise."""
        tail = match_at(self.unit_tail, ctx.text, m.end(), 40)
        if tail is None:
            return None
        low, written, part = group(m, "pn").split(), tail.group(0).split(), ctx.number(m, "n1")
        lead = compound_lead(ctx.text, m.start("n1"), low[0], part)
        if lead is None or written[0].lower() != lead.group("top").lower() or low[1:] != written[1:]:
            return None
        top = lead.group("top").lower()
        whole = parse_digits(lead.group("n")) + part * MULTIPLIERS[low[0].lower()] / MULTIPLIERS[top]
        return lead.start(), whole, tail

    def _words_ratio(self, ctx: Context, m, noun) -> bool:
        """"x trong y" is a ratio when y counts a noun and x counts the same
        one (written again before "trong", or left out)."""
        if noun is None or self.lex.is_time_noun(noun):
            return False
        between = m.group("pn")
        if not between:
            return True
        if between.split()[-1].lower() in _LINKS:
            return False  # "12 tổ với trên 150 tổ viên": "trên" qualifies the second count
        before, _ = self.lex.noun_after(ctx, m.start("pn"))
        return before is not None and _same_noun(before, noun) and len(between.split()) <= len(noun.split()) + 2

    def _rank(self, ctx: Context, start: int) -> bool:
        """"đứng thứ 12/63 tỉnh", "xếp hạng 5/63": a place in a ranking
        out of a field, not a part of a whole."""
        word, _ = ctx.word_before(start)
        return word.lower() in _RANK_WORDS

    def _achieved(self, ctx: Context, m, noun) -> bool:
        """"kết nạp 45/40 đảng viên": achieved against a target of a
        counted noun, which may exceed it (not "25/12", a date, unless a
        verb of achieving stands before it: "kết nạp 15/12 đảng viên")."""
        return (not has_group(m, "pn") and noun is not None and fold_tones(noun) in self.lex.counted_folded
                and (not _looks_like_date(group(m, "n1"), group(m, "n2")) or self._after_achieving(ctx, m.start())))

    def _after_achieving(self, ctx: Context, start: int) -> bool:
        """True when a verb of achieving (numeric.toml achieve_verb) ends right before ``start``."""
        return phrase_before(ctx, start, self.achieve_verbs) is not None

    def _spelled(self, ctx: Context, m, rule: str) -> Iterator[Candidate]:
        """"mười hai trên mười lăm xã": x out of y said in words, the
        numbers spelled; a part never exceeds its whole, and the noun is
        one the lexicon counts ("ba trên năm" alone is no ratio)."""
        num, den = ctx.number(m, "sp"), ctx.number(m, "sp2")
        noun, end = self.lex.noun_after(ctx, m.end())
        if not 0 < num <= den or noun is None or fold_tones(noun) not in self.lex.counted_folded:
            return
        first = group_span(m, "sp")[0]
        if first > 0 and ctx.text[first].isupper() and not ctx.at_sentence_start(first):
            return  # "Ba Vì trên ...": a name
        noun = Spanned.at(ctx.text, end - len(noun), end, noun)
        qualifier, start = qualify(ctx, self.lex, first, end, noun)
        yield Candidate("ratio", start, end, rule,
                        {"numerator": num, "denominator": den, "noun": noun, "qualifier": qualifier})

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        for pat in self.patterns:
            rule = pat.name
            for m in ctx.scan(pat):
                if rule == _SPELLED:
                    yield from self._spelled(ctx, m, rule)
                    continue
                # "ratio.words" opens at "trong"; by number: a look-up by name costs ten times more
                first = group_span(m, "n1")[0]
                num, den = ctx.number(m, "n1"), ctx.number(m, "n2")
                tail = self._unit_after(ctx, m)
                if tail is None and has_group(m, "pn") and group(m, "pn"):
                    lead = self._compound_side(ctx, m)
                    if lead is not None:
                        first, num, tail = lead  # "356 tỷ 780 triệu đồng/kế hoạch 400 tỷ đồng"
                if tail:
                    qualifier, start = qualify(ctx, self.lex, first, tail.end())
                    yield Candidate("ratio", start, tail.end(), rule,
                                    {"numerator": num, "denominator": den, "noun": None, "qualifier": qualifier})
                    continue
                if den == 0 or self._rank(ctx, first):
                    continue
                noun, end = self.lex.noun_after(ctx, m.end())
                if num > den and not (self._achieved(ctx, m, noun) or group(m, "plan")):
                    continue  # "22/12" is a date; a part never exceeds its whole
                if noun in _TOTAL_WORDS:
                    # "461/465 tổng số đại biểu": the noun follows "tổng số"
                    noun, end = self.lex.noun_after(ctx, end)
                if noun is not None and self.lex.is_time_noun(noun):
                    continue
                if has_group(m, "pn") and not self._words_ratio(ctx, m, noun):
                    continue
                n1, n2 = group(m, "n1"), group(m, "n2")
                if noun is None and _looks_like_date(n1, n2) and not _share_proves(ctx, m.end(), num, den):
                    continue
                if _looks_like_month_year(n1, n2):
                    continue
                if noun is not None:
                    nstart = end - len(noun)  # the noun's syllables are read with single spaces
                    more, end2 = self.lex.coordinated(ctx, end, noun)
                    if more:
                        noun, end = noun + more, end2
                    noun = Spanned.at(ctx.text, nstart, end, noun)
                else:
                    end = m.end()
                qualifier, start = qualify(ctx, self.lex, first, end, noun)
                if has_group(m, "pn") and num == den:
                    continue
                yield Candidate(
                    "ratio", start, end, rule,
                    {"numerator": num, "denominator": den, "noun": noun, "qualifier": qualifier},
                )


_SPELLED = "ratio.spelled"
_TOTAL_WORDS = frozenset({"tổng số", "tổng", "số"})
# words that link a count to the next one ("N A với trên M B"): the "trên"
# after them is a qualifier, no "out of"
_LINKS = frozenset(("với", "và", "có", "gồm", "cùng", "hoặc", "hay"))
_RANK_WORDS = frozenset({"thứ", "hạng"})


def _same_noun(a: str, b: str) -> bool:
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


# A share in brackets right after a figure: "12/12 (100%)", "8/10 (đạt 80%)".
_BRACKET_SHARE = deferred(rf"[^\S\n]*\([^\S\n]*(?:(?:đạt|bằng|chiếm|tỷ lệ|tỉ lệ)[^\S\n]+)?(?P<p>{DIGITS})[^\S\n]*%")


def _share_proves(ctx: Context, end: int, num, den) -> bool:
    """True when a share in brackets after the "x/y" at ``end`` is x out of
    y as written, to its last decimal ("12/12 (100%)", "10/12 (83,3%)"):
    the text's own arithmetic makes it a ratio, no date."""
    m = match_at(_BRACKET_SHARE, ctx.text, end, 40)
    if m is None or not den:
        return False
    written = m.group("p")
    decimals = len(written.partition(",")[2])
    return abs(parse_digits(written) - 100 * num / den) <= 0.5 * 10 ** -decimals + 1e-9


def _looks_like_date(a: str, b: str) -> bool:
    return a.isdigit() and b.isdigit() and 1 <= int(a) <= 31 and 1 <= int(b) <= 12


def _looks_like_month_year(a: str, b: str) -> bool:
    return a.isdigit() and b.isdigit() and len(b) == 4 and 1900 <= int(b) <= 2100 and int(a) <= 12


settle(globals())
