"""The qualifier of a number: a sign or a word right before it ("≥",
"khoảng", "trên"), one that reaches it across a copula or from earlier in
its clause ("ước tính là", "ước tăng"), a phrase after its unit ("trở
lên"), and a margin ("vượt 163 hộ so với")."""

from __future__ import annotations

from functools import cached_property
from typing import Optional

import regex

from ...grammar.rules import alternation
from ..tones import fold_tones
from ...grammar.pattern_cache import compile_regex
from .context import Context
from .matching import cores, fold_case, last_words, match_at, may_end_with, search_tail


def _word_list_re(pattern: str, words: list[str]) -> regex.Pattern:
    """``pattern`` (case-insensitive), or a pattern that never matches when
    its word list is empty."""
    return compile_regex(pattern, regex.IGNORECASE) if words else compile_regex(r"(?!)")


class Qualifiers:
    """The qualifiers of :class:`~.lexicons.Lexicons` (a mixin: the word
    sets it reads are made there); its patterns are made on first use."""

    @cached_property
    def qualifier_re(self) -> regex.Pattern:
        return compile_regex(rf"(?<![\p{{L}}])(?P<q>{alternation(self.qualifier_of)})\s+$", regex.IGNORECASE)

    @cached_property
    def longest_qualifier(self) -> int:
        return max(map(len, self.qualifier_of), default=0)

    @cached_property
    def longest_copula(self) -> int:
        return max(map(len, self.rules.qualifiers.clause.copulas), default=0)

    @cached_property
    def qualifier_ends(self) -> Optional[frozenset[str]]:
        return last_words(self.qualifier_of)

    @cached_property
    def copula_ends(self) -> Optional[frozenset[str]]:
        return last_words(self.rules.qualifiers.clause.copulas)

    @cached_property
    def reach_cores(self) -> frozenset[str]:
        return cores(self.rules.qualifiers.clause.reach_words)

    @cached_property
    def copula_re(self) -> regex.Pattern:
        copulas = self.rules.qualifiers.clause.copulas
        return _word_list_re(rf"(?<![\p{{L}}])(?:{alternation(copulas)})\s+$", copulas)

    @cached_property
    def reach_re(self) -> regex.Pattern:
        reach = self.rules.qualifiers.clause.reach_words
        return _word_list_re(rf"(?<![\p{{L}}])(?P<q>{alternation(reach)})(?![\p{{L}}])", reach)

    @cached_property
    def clause_cut_re(self) -> regex.Pattern:
        # A clause ends at punctuation; another figure ends a qualifier's
        # reach.  Searched from the end: the clause is after the last one.
        return compile_regex(r"[,;:.!?()\n]|\p{N}", regex.REVERSE)

    @cached_property
    def clause_stop_re(self) -> regex.Pattern:
        stops = self.rules.qualifiers.clause.stop_words
        return _word_list_re(rf"(?<![\p{{L}}])(?:{alternation(stops)})(?![\p{{L}}])", stops)

    @cached_property
    def trailing_re(self) -> regex.Pattern:
        return compile_regex(rf"\s+(?:{alternation(self.trailing)})(?![\p{{L}}])", regex.IGNORECASE)

    @cached_property
    def margin_re(self) -> regex.Pattern:
        m = self.rules.qualifiers.margin
        return compile_regex(
            rf"^(?:\s+[^\s,;:]+){{0,{m.window_words}}}?\s+(?:{alternation(m.follow_words)})(?![\p{{L}}])",
            regex.IGNORECASE,
        )

    def qualifier_before(self, ctx: Context, pos: int) -> tuple[str, int, str]:
        """(qualifier, start of the qualifier phrase, phrase) before ``pos``
        (read once per number: several families ask for the same one)."""
        found = ctx.qualifiers.get(pos)
        if found is None:
            found = ctx.qualifiers[pos] = self._qualifier_before(ctx, pos)
        return found

    def _qualifier_before(self, ctx: Context, pos: int) -> tuple[str, int, str]:
        sign, sstart = self._sign_before(ctx.text, pos)
        if sign:
            return self.symbol_kinds[sign], sstart, sign
        lo = max(0, pos - 30)
        if not may_end_with(ctx, lo, pos, self.qualifier_ends):
            return "exact", pos, ""
        window = ctx.text[lo:pos]
        m = search_tail(self.qualifier_re, window, self.longest_qualifier)
        if not m:
            return "exact", pos, ""
        phrase = m.group("q").lower()
        qstart = pos - len(window) + m.start("q")
        if self.inside_word(ctx, qstart, phrase):
            return "exact", pos, ""  # "quy ước 5 điều": a convention, no estimate
        return self.qualifier_of[phrase], qstart, phrase

    def _sign_before(self, text: str, pos: int) -> tuple[str, int]:
        """The qualifying sign ("≥", ">", "~") right before ``pos`` (spaces
        allowed) and its start; ("", pos) when none, or when a figure or an
        arrow stands before it."""
        i = pos
        while i > 0 and text[i - 1] == " ":
            i -= 1
        if i == 0 or (text[i - 1] not in self.symbol_kinds and text[i - 1] != "="):
            return "", pos  # a string test first: most numbers follow no sign
        sign = text[max(0, i - 2) : i] if text[max(0, i - 2) : i] in self.symbol_kinds else text[i - 1]
        if sign not in self.symbol_kinds:
            return "", pos
        start = i - len(sign)
        j = start
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if j > 0 and (text[j - 1].isdigit() or text[j - 1] in "-=<>"):
            return "", pos  # "5 > 3", "->": a comparison or an arrow
        return sign, start

    def inside_word(self, ctx: Context, start: int, phrase: str) -> bool:
        """True when a one-syllable qualifier word ends a word with the
        syllable before it ("quy ước", "giám sát", "kích cỡ"), or an
        estimate word opens one with the syllable after it ("ước mơ")."""
        prev, _ = ctx.word_before(start)
        if prev and " " not in phrase and fold_tones(f"{prev.lower()} {phrase}") in self.known_words:
            return True
        if phrase in self.reach_words and " " not in phrase:
            nxt = ctx.text[start + len(phrase) : start + len(phrase) + 12].split()
            if nxt and nxt[0].isalpha() and fold_tones(f"{phrase} {nxt[0].lower()}") in self.known_words:
                return f"{phrase} {nxt[0].lower()}" not in self.reach_words and f"{phrase} {nxt[0].lower()}" not in self.qualifier_of
        return False

    def clause_qualifier(self, ctx: Context, pos: int) -> tuple[str, int]:
        """A qualifier that reaches ``pos`` from further back (FACTS.md):
        across a copula ("ước tính là 245.310") or, for the estimate words,
        from earlier in the clause ("ước tăng 9,7%").  ("exact", pos) when
        none does."""
        lo = max(0, pos - 80)
        window = ctx.text[lo:pos]
        m = may_end_with(ctx, lo, pos, self.copula_ends) and search_tail(self.copula_re, window, self.longest_copula)
        if m:
            q, _, phrase = self.qualifier_before(ctx, pos - len(window) + m.start())
            if phrase:
                return q, pos
        if not self.may_reach(ctx, lo, pos):
            return "exact", pos
        cut = self.clause_cut_re.search(window)
        clause = window[cut.end():] if cut else window
        last = None
        offset = pos - len(clause)
        for m in self.reach_re.finditer(clause):
            if not self.inside_word(ctx, offset + m.start("q"), m.group("q").lower()):
                last = m
        if last is None:
            return "exact", pos
        between = clause[last.end():]
        if self.clause_stop_re.search(between):
            return "exact", pos
        return self.qualifier_of.get(last.group("q").lower(), "approx"), pos

    def may_reach(self, ctx: Context, lo: int, pos: int) -> bool:
        """False when no reach word stands in ``ctx.text[lo:pos]`` (a string
        test: most clauses have none)."""
        folded = fold_case(ctx.text[lo:pos])  # the window only: most of a text is far from any number
        for word in self.reach_cores:
            if word in folded:
                return True
        return False

    def trailing_qualifier(self, ctx: Context, end: int, framed: bool = False) -> Optional[str]:
        """The qualifier a phrase after the unit sets ("trở lên"), or None.
        ``framed``: the figure follows "từ", which "trở lên" closes past the
        counted noun ("từ 50% số hộ trở lên": at most four lower-case words
        between, no mark)."""
        m = match_at(self.trailing_re, ctx.text, end, 80)
        if m is None and framed:
            m = match_at(self.framed_trailing_re, ctx.text, end, 80)
            return self.trailing[" ".join(m.group("q").split()).lower()] if m else None
        return self.trailing[" ".join(m.group(0).split()).lower()] if m else None

    @cached_property
    def framed_trailing_re(self) -> regex.Pattern:
        return compile_regex(rf"(?:[^\S\n]+\p{{Ll}}+){{1,4}}?[^\S\n]+(?P<q>{alternation(self.trailing)})(?![\p{{L}}])")

    def is_margin(self, ctx: Context, end: int) -> bool:
        """"vượt 163 hộ so với ...": the number is a margin, not a bound."""
        return bool(self.margin_re.match(ctx.text[end : end + 60]))
