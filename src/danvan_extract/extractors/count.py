"""Counts: "285 mô hình", "1.554 cuộc kiểm tra", "hai văn kiện", "3,3 triệu người"."""

from __future__ import annotations

from typing import Iterator, Optional

import regex

from ..grammar.lazy import deferred, settle
from ..numbers import SPELLED, compound, parse_digits, parse_spelled, spelled_pair, spelled_range
from .tones import fold_tones
from ..grammar.alternation import alternation
from .base.candidates import Candidate, Spanned
from .base.context import Context
from .base.lexicons import Lexicons
from .base.groups import group, group_reader
from .base.matching import match_at
from .numeric import (ENGLISH_THOUSANDS, bounds, first_of_change, in_unit_size, qualify,
                      rate_base, spaced_figure, year_label)
from .table_cells import (
    colon_label_unit, first_row_figure, header_cell_span, header_cells, header_cells_before, row_label_span,
    says_own_unit, table_unit_span, unit_cell_span,
)
from ..grammar.pattern_cache import compile_regex


# A number spelled out in brackets: "(mười lăm)", "(Năm)"
_SPELLED_BRACKET = deferred(rf"[^\S\n]?\([^\S\n]*(?P<sp>(?i:{SPELLED}))[^\S\n]*\)")

_SHARE = "chiếm"  # the verb of a share after a count

# Words before "năm" that make it "year": "mỗi năm", "hằng năm", "cả năm".
_YEAR_WORDS = frozenset({"mỗi", "hằng", "hàng", "từng", "cả", "trong", "cùng", "nửa", "các", "những", "nhiều", "vài", "mấy", "qua"})



class CountExtractor:
    name = "count"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        self.patterns = lex.rules.patterns["count"]
        words = lex.rules.numeric.words
        self.indicator_heads = frozenset(w.lower() for w in words.get("indicator_head", ()))
        self.plan_heads = frozenset(w.lower() for w in words.get("plan_head", ()))
        self.result_heads = frozenset(w.lower() for w in words.get("result_head", ()))
        self.score_nouns = frozenset(words.get("score_noun", ()))
        self.score_verbs = frozenset(words.get("score_verb", ()))
        self.vague_before = frozenset(words.get("vague_before", ()))
        # "chiếm" and a share, a qualifier word (qualifiers.toml) allowed between
        self.share_follows = deferred(rf"\s+{_SHARE}\s+(?:(?:{alternation(lex.qualifier_of)})\s+)?\d")

    def _share_after(self, ctx: Context, end: int) -> bool:
        """True when a share follows ``end`` ("20.000 chiếm 40,16%"); the
        engine runs only where the word is near (rarely)."""
        return ctx.text.find(_SHARE, end, end + 60) >= 0 and bool(match_at(self.share_follows, ctx.text, end, 60))

    def _table_cells(self, ctx: Context, pat) -> Iterator[Candidate]:
        """Bare numbers in table cells whose column header names a counted
        noun ("STT | Xã | Số hộ |" over "1 | An Phú | 120 |")."""
        for m in ctx.scan(pat):
            noun = self._cell_noun(ctx.text, m.start("n1"))  # the match opens at the cell's bar
            _, _, value, _ = bounds(ctx, m)
            value = _whole(m, value)
            if noun is None or value is None:
                continue
            yield Candidate("count", *m.span("n1"), pat.name, {"value": value, "noun": noun, "qualifier": "exact"})

    def _cell_noun(self, text: str, start: int) -> Optional[str]:
        """The counted noun of the bare number at ``start`` in a table
        cell: from a label's brackets joined by a colon ("Dân số (người):
        123.456"), the column's header ("Số hộ"), the row's label ("Số hộ
        nghèo (hộ) | 1.250"), the row's cell under "ĐVT" or a unit over the
        table ("ĐVT: hộ"), the first that names one; None otherwise."""
        label = colon_label_unit(text, start)
        if label:
            return header_noun(self.lex, text[label[0]:label[1]], label[0])
        cell = header_cell_span(text, start)
        if cell and not self._indicator_table(text, cell):
            noun = header_noun(self.lex, text[cell[0]:cell[1]], cell[0], opening=True)
            if noun is not None:
                return noun
        headless = cell is None and first_row_figure(text, start)
        if headless or cell and "%" not in text[cell[0]:cell[1]]:
            label = row_label_span(text, start)
            noun = header_noun(self.lex, text[label[0]:label[1]], label[0]) if label else None
            if noun is not None:
                return noun
        if cell is None or says_own_unit(text, start):
            return None
        for where in (unit_cell_span, table_unit_span):
            unit = where(text, start)
            noun = header_noun(self.lex, text[unit[0]:unit[1]], unit[0]) if unit else None
            if noun is not None:
                return noun
        return None

    def _score(self, ctx: Context, start: int, end: int) -> bool:
        """True when a verb of reaching or changing stands before the number
        at ``start``, past a qualifier word, and a clause's end or a
        comparison after the noun ending at ``end`` ("đạt 85 điểm,", "tăng
        hơn 3 điểm so với"): the noun is a score."""
        if not _SCORE_END.match(ctx.text, end, end + 10):
            return False
        _, qstart, phrase = self.lex.qualifier_before(ctx, start)
        if phrase and phrase.lower() in self.score_verbs:
            return True  # "đạt" is a qualifier word too
        word, wstart = ctx.word_before(qstart if phrase else start)
        prev, _ = ctx.word_before(wstart)
        return word.lower() in self.score_verbs or f"{prev} {word}".lower() in self.score_verbs

    def _indicator_table(self, text: str, cell: tuple[int, int]) -> bool:
        """True when a header cell before ``cell`` heads the rows'
        indicators ("Chỉ tiêu | Kế hoạch | Thực hiện"), or ``cell`` heads a
        plan beside a column of results: the column's header is a plan or
        a period there, never a counted noun."""
        if any(c in self.indicator_heads for c in header_cells_before(text, cell)):
            return True
        # "Nguồn vốn | Kế hoạch | Giải ngân": a plan column beside results
        return (" ".join(text[cell[0]:cell[1]].lower().split()) in self.plan_heads
                and any(c in self.result_heads for c in header_cells(text, cell)))

    def _change_from(self, ctx: Context, pat) -> Iterator[Candidate]:
        """"giảm từ 456 xuống 312 hộ": the first value counts the noun
        written after the second (a unit there makes it no count)."""
        lex = self.lex
        for m in ctx.scan(pat):
            noun, end = lex.noun_after(ctx, m.end())
            if noun is None or fold_tones(noun) not in lex.counted_folded or lex.is_time_noun(noun):
                continue
            value = _whole(m, ctx.number(m, "n1"))
            if value is None or group(m, "m1") or group(m, "m2"):
                continue  # (a multiplier: "từ 1,2 lên 1,5 triệu hộ" is rare; left to the reader of amounts)
            start, stop = first_of_change(m)
            qualifier, start = qualify(ctx, lex, start, stop)
            noun = Spanned.at(ctx.text, end - len(noun), end, noun)
            yield Candidate("count", start, stop, pat.name, {"value": value, "noun": noun, "qualifier": qualifier})

    def _before_share(self, ctx: Context, m) -> Iterator[Candidate]:
        """"số người dùng 20.000 chiếm 40,16%": a quantity whose noun came
        before it; the share that follows proves it."""
        values = _values(ctx, m, None, group(m, "n3"))
        if values is None or self.lex.designated(ctx, m.start()) or _is_year(group(m, "n1")):
            return
        qualifier, start = qualify(ctx, self.lex, m.start(), m.end())
        yield Candidate("count", start, m.end(), "count.before_share",
                        {"value": values[0], "noun": None, "qualifier": qualifier})

    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        lex = self.lex
        for pat in self.patterns:
            rule = pat.name
            if rule == "count.table_cell":
                yield from self._table_cells(ctx, pat)
                continue
            if rule == "count.change_from":
                yield from self._change_from(ctx, pat)
                continue
            for m in ctx.scan(pat):
                spelled, n1, n3 = _COUNT_GROUPS(m)
                if n1 and len(n1) >= 5 and n1[0] == "0" and n1.isdigit():
                    continue  # "mã số thuế 0123456789 cấp ...": a code or a phone number, no figure
                heading = spelled and _spelled_in_heading(ctx, lex, m)
                if spelled and not heading and not _plausible_spelled(ctx, m, self.vague_before):
                    continue
                # the noun first: most numbers count none, and need no value
                noun, end = lex.noun_after(ctx, m.end())
                tens = None
                if noun is None and not spelled and "(" in ctx.text[m.end() : m.end() + 2]:
                    noun, end = self._noun_past_words(ctx, m, n1)
                elif noun is None and not spelled and not group(m, "m1"):
                    tens = match_at(_TENS_AFTER, ctx.text, m.end(), 12)
                    if tens is not None:  # "3 chục hộ": three tens of households
                        noun, end = lex.noun_after(ctx, tens.end())
                if noun is None:
                    if not spelled and self._share_after(ctx, m.end()):
                        yield from self._before_share(ctx, m)
                    continue
                if lex.is_time_noun(noun) or lex.opens_with_non_count_head(noun):
                    continue
                if lex.is_frequency(ctx, noun, end):
                    continue  # "sinh hoạt 2 buổi/tuần": how often, as "3 lần/năm"
                values = _values(ctx, m, spelled, n3)
                if values is None:
                    continue  # "16,7 tiêu chí/xã": an average, no count
                value, value_max = values
                first = m.start()
                if value_max is not None and not spelled and year_label(ctx, m):
                    # "2023 - 345 hộ": the year labels the count
                    value, value_max, first, n1 = value_max, None, m.start("n2"), group(m, "n2")
                if tens is not None:
                    value, value_max = value * 10, None if value_max is None else value_max * 10
                if spelled and ctx.text[end - len(noun)].isupper() and not (
                        heading and fold_tones(noun) in lex.counted_folded):
                    continue  # "Năm Căn", "Ba Đình": a place's name
                if spelled and not _spelled_noun(lex, m.group("sp"), noun):
                    continue  # "ba kích", "năm nay": words, not numbers
                if _rate_base(ctx, m.start()) and _power_of_ten(value):
                    continue  # "12 bác sỹ/10.000 dân", "đồng/1 người": the base is no fact
                if value_max is None and rate_base(ctx, lex, m.start(), value):
                    continue  # "thu nhập bình quân trên 1 hộ": the base of a rate
                if value_max is None and _per_base(ctx, lex, m.start(), value):
                    continue  # "35 giường bệnh trên 10.000 dân": the base of a rate
                if value == 1 and value_max is None and _norm_base(ctx, m.start(), end):
                    continue  # "định mức hỗ trợ 1 nhà là 50 triệu đồng": "1 nhà" is "each house"
                if noun == "phần trăm":
                    continue  # "năm mươi phần trăm": a percentage
                if noun.split(" ")[0] == "phần" and match_at(_FRACTION_REST, ctx.text, end, 20):
                    continue  # "hai phần ba": a word fraction
                if lex.designated(ctx, first, noun):
                    continue
                if value == 1 and in_unit_size(ctx.text, first):
                    continue  # "(1 công = 1.296 m²)": a land unit's size, no count
                figure = None if spelled else spaced_figure(ctx, lex, first, n1)
                if figure is False:
                    continue  # "tổng đài 1900 9095 hỗ trợ": the tail of a phone number
                if figure and value_max is None and not group(m, "m1"):
                    first, value = figure  # "1 234 hộ"
                if noun in self.score_nouns and self._score(ctx, m.start(), end):
                    continue  # "đạt 85 điểm,": a score ("tăng 5 điểm trường" counts places)
                if not spelled and _is_year(n1) and (noun not in lex.counted or ctx.text[end - len(noun)].isupper()):
                    continue  # "năm 2023 Ban Thường vụ": a year before a name
                classified = False
                nstart = nend = end
                nstart -= len(noun)  # the noun's syllables are read with single spaces
                if noun.split(" ")[0] in lex.classifiers:
                    noun, end, classified = _classified(ctx, lex, noun, end)
                    nend = nstart + len(noun)
                if not classified:
                    noun, end = _repeated_head(ctx, lex, noun, end)
                    nend = end
                more, end2 = lex.coordinated(ctx, end, noun)
                if more:
                    # "1000 lượt cán bộ, đoàn viên": the list is classified too
                    noun, end = (noun if classified else noun + more), end2
                    nend = nend if classified else end2
                noun = Spanned.at(ctx.text, nstart, nend, noun)
                qualifier, start = qualify(ctx, lex, first, end, noun)
                fields = {"value": value, "noun": noun, "qualifier": qualifier}
                if value_max is not None:
                    fields["value_max"] = value_max
                if not spelled and value_max is None:
                    yield from self._listed_before(ctx, start, noun, rule)
                yield Candidate("count", start, end, rule, fields)

    def _noun_past_words(self, ctx: Context, m, n1: Optional[str]) -> tuple[Optional[str], int]:
        """The noun after the same number spelled out in brackets ("15 (mười
        lăm) căn nhà", as official writing restates a figure); (None, end)
        when the brackets hold anything else."""
        words = match_at(_SPELLED_BRACKET, ctx.text, m.end(), 80)
        if words is None or not n1 or parse_spelled(words.group("sp").lower()) != parse_digits(n1):
            return None, m.end()
        return self.lex.noun_after(ctx, words.end())

    def _listed_before(self, ctx: Context, start: int, noun, rule: str) -> Iterator[Candidate]:
        """"lần lượt kết nạp 450, 620 và 380 đảng viên", "12 và 15 mô hình":
        the bare numbers listed before a count's number count its noun too,
        when the last is joined by "và" or the list is said to be respective."""
        found: list[regex.Match] = []
        pos = start
        while len(found) < _MAX_LISTED:
            m = _LISTED_NUMBER.search(ctx.text, max(0, pos - 24), pos)
            if m is None or _is_year(m.group("n")) or self.lex.designated(ctx, m.start()):
                break
            found.append(m)
            pos = m.start()
        word, _ = ctx.word_before(pos)
        if not found or (word and self.lex.is_time_noun(word.lower())):
            return  # ("ngày 12 và 15": days, no list of counts)
        # ("12 và 15 mô hình", "450, 620 và 380 đảng viên": the last joined by "và")
        with_and = "và" in ctx.text[found[0].end("n"):found[0].end()]
        if not with_and and not _RESPECTIVELY.search(ctx.text, max(0, pos - 40), pos):
            return
        for m in reversed(found):
            value = parse_digits(m.group("n"))
            if isinstance(value, int):
                yield Candidate("count", m.start("n"), m.end("n"), rule,
                                {"value": value, "noun": noun, "qualifier": "exact"})


_HEADER_NOUN = deferred(
    r"^(?:(?:tổng\s+)?số(?:\s+lượng)?\s+)?(?P<noun>[\p{L} ,/]+?)\s*(?:\((?P<unit>[\p{L} ]+)\))?$", regex.IGNORECASE
)
# Between the nouns of a coordinated header ("Số thôn, bản", "Số xã/phường")
_HEADER_JOIN = deferred(r"\s*[,/]\s*|\s+và\s+")


def header_noun(lex: Lexicons, header: str, at: int = 0, opening: bool = False) -> Optional[str]:
    """The counted noun a column header names: "Số hộ" → "hộ", "Đảng viên
    (người)" → "người", "Số lượng (hộ)" → "hộ"; with ``opening`` (a column's
    header over its cells) also the noun that opens a longer phrase ("Số
    hộ nghèo" → "hộ"); None for other headers.  With the header's offset
    ``at`` in the text, the noun comes with its span (a header written with
    runs of spaces gives none).  (A row's label names no noun unless whole:
    "Số hộ nghèo | 1.250" is a bare value after a label, FACTS.md.)"""
    flat = " ".join(header.split())
    m = _HEADER_NOUN.match(flat)
    if not m:
        return None
    for name in ("unit", "noun"):
        candidate = m.group(name)
        if candidate and _all_counted(lex, candidate.lower().strip()):
            return _header_span(candidate.lower().strip(), m.start(name), flat != header, at)
    if opening and m.group("unit") is None and m.group("noun"):
        # "Số hộ nghèo", "Số xã đạt NTM": the counted noun heads the phrase
        head = lex.head_noun(m.group("noun"))
        if head is not None:
            return _header_span(head, m.start("noun"), flat != header, at)
    return None


def _all_counted(lex: Lexicons, phrase: str) -> bool:
    """Every noun of ``phrase`` is a counted noun: one ("hộ") or several
    coordinated ("thôn, bản", "xã/phường", FACTS.md: kept whole; "/" joins
    units of one rank only: "hộ/xã" is a rate)."""
    if "," not in phrase and "/" not in phrase and " và " not in phrase:
        return fold_tones(phrase) in lex.counted_folded
    parts = _HEADER_JOIN.split(phrase)
    if "/" in phrase:
        ranks = {lex.unit_ranks.get(part) for part in parts}
        if len(ranks) != 1 or None in ranks:
            return False
    return all(part and fold_tones(part) in lex.counted_folded for part in parts)


def _header_span(noun: str, start: int, spaced: bool, at: int):
    """``noun`` read at ``start`` of a header at offset ``at``, with its span
    (none when the header was written with runs of spaces)."""
    return noun if spaced else Spanned(noun, ((at + start, at + start + len(noun)),))


# The groups every count match is asked for (read in one call).
_COUNT_GROUPS = group_reader("sp", "n1", "n3")


def _values(ctx: Context, m, spelled: Optional[str], n3: Optional[str]) -> Optional[tuple[int, Optional[int]]]:
    """(value, value_max) a count match reads, whole numbers; None when one
    is no whole number.  ``spelled`` and ``n3`` are what groups "sp" and
    "n3" read."""
    if spelled:
        if group(m, "sp2"):  # "từ hai đến ba hộ", "hai đến ba trăm người"
            low, high = spelled_range(spelled, m.group("sp2"))
            return (low, high) if low < high else None
        # "ba bốn hộ", "hai ba chục người": a range said with two digits
        return spelled_pair(spelled) or (ctx.number(m, "sp"), None)
    if n3:
        # "2 triệu 500 nghìn người": a lower order below a thousand of it
        low = ctx.number(m, "n3")
        if low >= 1000:
            return None
        return int(compound([(ctx.number(m, "n1"), m.group("m1")), (low, group(m, "m3"))])), None
    _, upper, value, value_max = bounds(ctx, m)
    value, value_max = _whole(m, value), _whole(m, value_max, "n2")
    if value is None or (upper is not None and value_max is None):  # (upper: group "n2" read a number)
        return None
    return value, value_max


def _whole(m, value, name: str = "n1"):
    """A count's value as a whole number, or None.

    "5,312 người" cannot be five and a third people: the English reading
    (5 312) holds.  Any other fraction ("11,7 tiêu chí" on average) is no
    count.
    """
    if value is None or isinstance(value, int):
        return value
    if abs(value - round(value)) < 1e-9:
        return int(round(value))
    token = m.group(name)
    mult = group(m, "m1") or group(m, "m2")
    if not mult and ENGLISH_THOUSANDS.fullmatch(token):
        return int(token.replace(",", ""))
    return None



def _classified(ctx: Context, lex: Lexicons, noun: str, end: int) -> tuple[str, int, bool]:
    """A classifier counts the noun written after it: the noun is the
    classifier alone and the span runs through the classified noun
    ("200 phần quà", "10 suất học bổng", "28.600 con gia súc")."""
    first = noun.split(" ")[0]
    if noun != first:
        return first, end, True  # "phần quà", "căn nhà": one word list entry
    after, aend = lex.noun_after(ctx, end)
    if after is None or lex.is_time_noun(after) or lex.opens_with_non_count_head(after):
        return first, end, False
    if fold_tones(after) not in lex.counted_folded:
        # "34 căn nhà" but "9.825 căn hoàn thành": only a noun is
        # classified; the tagger decides on the few words after.
        from ..nlp import first_word_is_noun

        window = " ".join(ctx.text[end:aend + 30].split()[:4])
        is_noun, _ = first_word_is_noun(window)
        if not is_noun:
            return first, end, False
    return first, aend, True


# "hai phần ba", "15 phần nghìn" (per mille): a word fraction
# "chục" (ten) between digits and the noun: "3 chục hộ" = 30 hộ
_TENS_AFTER = deferred(r"[^\S\n]+chục(?=[^\S\n]+\p{L})")
_FRACTION_REST = deferred(r"\s+(?:hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|trăm|nghìn|ngàn|vạn|\d)(?![\p{L}])")


def _rate_base(ctx: Context, start: int) -> bool:
    """True for the N of "per N" ("12 bác sỹ/10.000 dân")."""
    i = start
    while i > 0 and ctx.text[i - 1] == " ":
        i -= 1
    return i > 0 and ctx.text[i - 1] == "/"


# A number and the few words after it that run to the end of the window.
_NUMBER_THEN_WORDS = deferred(r"(?<![\p{L}\p{N}])\d[\d.,]*(?=(?:[^\S\n]+\p{L}+){1,4}[^\S\n]+$)")


def _per_base(ctx: Context, lex: Lexicons, start: int, value) -> bool:
    """True for the N of "X <noun> trên N <noun>" with N a power of ten ("35
    giường bệnh trên 10.000 dân"): right after a count, "trên" is "per";
    the base of a rate is no fact.  ("xã có trên 10.000 dân": over.)"""
    if not _power_of_ten(value):
        return False
    _, qstart, phrase = lex.qualifier_before(ctx, start)
    if phrase != "trên":
        return False
    before = _NUMBER_THEN_WORDS.search(ctx.text, max(0, qstart - 50), qstart)
    if before is None:
        return False
    noun, end = lex.noun_after(ctx, before.end())
    return noun is not None and not ctx.text[end:qstart].strip()


# A bare number in a list right before another number ("450, 620 và 380 đảng
# viên"), and what says that the listed values go one by one with something.
_LISTED_NUMBER = deferred(r"(?<![\p{L}\d.,/:-])(?P<n>\d{1,3}(?:\.\d{3})+|\d{1,6})(?:[^\S\n]*,[^\S\n]*|[^\S\n]+và[^\S\n]+)$")
# ("lần lượt", "tương ứng": the context reads them too, from this source)
RESPECTIVELY_SOURCE = r"(?<![\p{L}])(?:lần\s+lượt|tương\s+ứng)(?![\p{L}])"
_RESPECTIVELY = deferred(RESPECTIVELY_SOURCE, regex.I)
_MAX_LISTED = 8


# A norm's word a few words before ("định mức hỗ trợ", "mức chi"), and an
# amount of money after the counted noun in its clause ("ở là 50 triệu đồng").
_NORM_BEFORE = deferred(r"(?<![\p{L}])(?:định[^\S\n]+)?mức(?:[^\S\n]+\p{L}+){0,4}[^\S\n]+$", regex.I)
_MONEY_AFTER = deferred(r"[^,;.\n\d]{0,30}\d[\d.,]*[^\S\n]*(?:(?:nghìn|ngàn|triệu|tỷ)[^\S\n]*)?đồng(?![\p{L}])", regex.I)


def _norm_base(ctx: Context, start: int, end: int) -> bool:
    """True for the "1 <noun>" of a norm: after a norm's word, with an amount
    of money after it in its clause ("định mức hỗ trợ 1 nhà ở là 50 triệu
    đồng"), "1" is "each", the unit the amount is for (no count)."""
    text = ctx.text
    return (ctx.lower.find("mức", max(0, start - 40), start) >= 0
            and _NORM_BEFORE.search(text, max(0, start - 40), start) is not None
            and _MONEY_AFTER.match(text, end, end + 60) is not None)


# What ends a score: a clause's end or a comparison ("đạt 85 điểm, ...",
# "tăng 3 điểm so với ...").
_SCORE_END = deferred(r"[^\S\n]*(?:[,.;:!?)]|\n|$|so\b|trên\b)")

_WORD = compile_regex(r"[ ]+(\p{Ll}+)")
_LIST_JOIN = deferred(r",[ ]*|[ ]+và[ ]+")


def _modifier(ctx: Context, lex: Lexicons, pos: int) -> int:
    """End of up to three lower-case words after ``pos`` that modify a noun
    (no function word, no number): "tạm", "dột nát"."""
    end = pos
    for _ in range(3):
        m = _WORD.match(ctx.text, end)
        if not m or m.group(1) in lex.not_nouns:
            break
        end = m.end()
    return end


def _repeated_head(ctx: Context, lex: Lexicons, noun: str, end: int) -> tuple[str, int]:
    """"3 nhà tạm, nhà dột nát", "5 hộ nghèo và hộ cận nghèo": a head noun
    repeated with its own modifier is one coordinated noun, modifiers
    included (FACTS.md: coordinated nouns stay whole)."""
    mod_end = _modifier(ctx, lex, end)
    if mod_end == end:
        return noun, end
    j = _LIST_JOIN.match(ctx.text, mod_end)
    if not j:
        return noun, end
    again = j.end()
    if ctx.text[again : again + len(noun)].lower() != noun or ctx.text[again + len(noun) : again + len(noun) + 1].isalpha():
        return noun, end
    second_end = _modifier(ctx, lex, again + len(noun))
    if second_end == again + len(noun):
        return noun, end
    start = end - len(noun)
    return " ".join(ctx.text[start:second_end].lower().split()), second_end


def _power_of_ten(value) -> bool:
    """"/10.000 dân", "đồng/1 người" are the base of a rate; "27 xã/6 huyện"
    two counts."""
    return isinstance(value, int) and value >= 1 and str(value).rstrip("0") == "1"


def _spelled_noun(lex: Lexicons, number: str, noun: str) -> bool:
    """A spelled number quantifies a noun of the counted lexicon, or a
    word of several syllables whose first does not make a word with the
    number word ("năm đầu mối", but "ba kích", "năm học" are words).  A
    "năm" after another number word is the noun "year" ("Hai năm gần
    đây", "mười năm qua": five is "lăm" there), except after "linh"/"lẻ"."""
    words = number.lower().split()
    if len(words) > 1 and words[-1] == "năm" and words[-2] not in ("linh", "lẻ"):
        return False
    folded = fold_tones(noun)
    if folded in lex.counted_folded:
        return True
    if " " not in noun or folded not in lex.known_words:
        return False
    last = number.split()[-1].lower()
    if number.strip().lower() == "năm":
        return False  # "năm đầu tiên", "năm tài chính": the year, not five
    return f"{last} {folded.split()[0]}" not in lex.known_words


def _is_year(token: str) -> bool:
    return token.isdigit() and len(token) == 4 and 1900 <= int(token) <= 2100


_LINE_WORD = deferred(r"\p{L}+")


def _spelled_in_heading(ctx: Context, lex: Lexicons, m) -> bool:
    """A capitalised spelled number of a heading written in capitals or in
    title case ("HUYỆN CÓ HAI MƯƠI MÔ HÌNH", "Mười Lăm Hộ Được Hỗ Trợ"),
    where capitals name nothing; a lone "năm" (the year as often), a number
    right after a level word ("HUYỆN NĂM CĂN": a unit's name) or after an
    honorific ("CHỊ BA": a nickname) stay out.  The noun must still be of
    the counted lexicon."""
    word = m.group("sp")
    if not word[0].isupper() or word.lower() == "năm":
        return False
    before, _ = ctx.word_before(m.start())
    if before.lower() in lex.level_words or before.lower() in lex.rules.persons.honorifics:
        return False  # "CHỊ BA", "ANH HAI": a nickname by birth order, no number
    text = ctx.text
    start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
    words = _LINE_WORD.findall(text, start, len(text) if end < 0 else end)
    if word.isupper():
        return all(w.isupper() for w in words)
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _plausible_spelled(ctx: Context, m, vague: frozenset[str]) -> bool:
    """Spelled numbers in lower case only, or capitalised at a sentence start;
    "Ba Lòng" (a place) and "Hai là," (an enumeration) are not numbers, nor
    a number after a word of ``vague`` ("vài ba hộ", "dăm bảy người": a few)."""
    word = m.group("sp")
    if word[0].isupper() and not ctx.at_sentence_start(m.start()):
        return False
    before, _ = ctx.word_before(m.start())
    if before.lower() in vague:
        return False
    if word.split()[0].lower() == "năm" and before.lower() in _YEAR_WORDS:
        return False  # "mỗi năm huyện ...": every year, not five
    after = ctx.text[m.end() : m.end() + 4]
    return not after.lstrip().startswith("là")


settle(globals())
