"""Whether a number names or ranks something rather than counting it
("thứ 22", "số 3", "Covid 19", "Quyết định 1719"), from the words before
it: a designator, a period's edge, a distributive word, a capitalised
name, a heading."""

from __future__ import annotations

from functools import cached_property
from typing import Optional

import regex

from ...numbers import MULT_WORD
from ..tones import fold_tones
from ...grammar.pattern_cache import compile_regex
from .context import Context
from .counted_nouns import title_line


# Words before a unit's noun that make it each or the whole unit, or a level,
# not one named by a number ("mỗi tổ 5 người", "toàn thôn 120 hộ", "cấp ấp 12 người")
_DISTRIBUTIVES = frozenset({"mỗi", "từng", "mọi", "toàn", "cả", "cấp"})
# A designator of a period after a word of its edge is the period's start or
# end, not a name ("số hộ nghèo đầu kỳ 1.245 hộ", "cuối nhiệm kỳ 100 hộ"):
# the figure after it is a level at that time
_PERIODS = frozenset({"kỳ", "nhiệm kỳ", "đợt", "giai đoạn"})
_PERIOD_EDGES = frozenset({"đầu", "cuối", "giữa", "trong"})
# "trong số 45 đại biểu" (among the 45 delegates): "số" there is the number
# of a whole, which the figure counts, not the designator "bão số 3"
_AMONG = "trong số"
# A measured quantity: thousands grouped ("1.234.567"), a decimal ("1,2")
# or a multiplier after ("12 nghìn").  A name's number never looks so
# ("Covid 19", "Tổ 5").
_QUANTITY_FORM = compile_regex(
    rf"\d{{1,3}}(?:\.\d{{3}})+(?![\d.,])|\d+,\d|\d+[^\S\n]*(?:{MULT_WORD})(?!\p{{L}})", regex.IGNORECASE
)


def _upper_after(text: str, start: int, noun: Optional[str]) -> bool:
    """True when ``noun`` is written in capitals after the number at
    ``start`` ("356 ĐẢNG VIÊN" in a heading)."""
    if not noun:
        return False
    i = start
    while i < len(text) and not text[i].isalpha():
        i += 1
    return text[i : i + len(noun)].isupper()


class Designation:
    """Whether a number names something, for :class:`~.lexicons.Lexicons`
    (a mixin: the word sets it reads are made there)."""

    @cached_property
    def designating_verbs(self) -> frozenset[str]:
        """Document types that are verbs in lower case (numeric.toml)."""
        return frozenset(self.rules.numeric.words.get("designating_verb", ()))

    def designated(self, ctx: Context, start: int, noun: Optional[str] = None) -> bool:
        """True when the number names or ranks something ("thứ 22", "số 3").
        After a noun capitalised by convention ("vào Đảng 120 đảng viên"),
        only when ``noun`` is no counted noun of the lexicon ("Đoàn 3 kiểm
        tra": a delegation's number)."""
        word, wstart = ctx.word_before(start)
        if not word:
            return False
        low = word.lower()
        prev2, p2start = ctx.word_before(wstart)
        pair = f"{prev2.lower()} {low}"
        if (pair if pair in _PERIODS else low) in _PERIODS:
            edge, _ = ctx.word_before(p2start if pair in _PERIODS else wstart)
            if edge.lower() in _PERIOD_EDGES:
                return False
        if pair in self.designators:
            if noun is not None and prev2[:1].islower() and pair in self.designating_verbs and fold_tones(noun) in self.counted_folded:
                return False  # "quy định 12 hành vi": the verb, then how many ("Quyết định 1719": a name)
            # "cấp Trung ương 5 hộ": a level, then how many ("nâng cấp Quốc lộ 279": a name)
            return not self._distributive_before(ctx, p2start)
        if pair == _AMONG:
            return False
        # "quốc phòng 32", "tổng số 444": the word ends a compound, it is
        # not the designator "phòng"/"số".
        # ("người dưới 40 tuổi 17 người", "3 thôn 120 hộ": after a number that counts, the word is that
        # number's unit or noun, no designator of the next one; "Lô 12 khoảnh 4": a chain of names)
        if low in self.designators and pair not in self.dictionary and pair not in self.qualifier_of and (
                prev2 or (number := _number_before(ctx.text, wstart)) is None or self.designated(ctx, number)):
            # "mỗi tổ 5 người", "toàn thôn 120 hộ", "cấp ấp 12 người": how many in it;
            # "tặng thôn 3 con bò": a classifier after the number counts, no unit's name goes on so
            return prev2.lower() not in _DISTRIBUTIVES and not (
                noun is not None and noun.split(" ")[0] in self.classifiers)
        # A capitalised word right before: a proper name with a number
        # ("Covid 19", "Vĩnh Phúc 72"), unless it opens the sentence.
        if word[0].isupper() and start - (wstart + len(word)) <= 1 and not ctx.at_sentence_start(wstart):
            # "ngoài Đảng 03 vị": a zero-padded figure is an official count,
            # never part of a name.
            if ctx.text[start] == "0" and start + 1 < len(ctx.text) and ctx.text[start + 1].isdigit():
                return False
            # "thẻ BHYT 1,2 triệu người": a quantity after an abbreviation
            if _QUANTITY_FORM.match(ctx.text, start, start + 40):
                return False
            # "TOÀN TỈNH CÓ 120 MÔ HÌNH": a heading in capitals, whose verb or
            # function word before the number names nothing, nor in a headline
            # in title case ("Năm Nay Kết Nạp 120 Đảng Viên Mới"); "vào Đảng 120
            # đảng viên": a noun capitalised by convention names nothing either
            heading = pair in self.dictionary and (
                _upper_after(ctx.text, start, noun) if word.isupper() else title_line(ctx.text, start))
            if low in self.capitalised_nouns or heading:
                # "KẾT NẠP 356 ĐẢNG VIÊN": in a heading in capitals, a word
                # ("kết nạp") before a noun of the lexicon names nothing
                return noun is None or fold_tones(noun.lower()) not in self.counted_folded
            if noun and fold_tones(noun.lower()) in self.counted_folded and self._named_unit_ends(ctx, wstart):
                return False  # "trong đó: huyện Phong Thổ 5 xã": a unit's name, then its count
            return low not in self.qualifier_of and low not in self.not_nouns
        return False

    def _distributive_before(self, ctx: Context, pos: int) -> bool:
        """True when a word of each or of a level ("cấp", "mỗi", "toàn")
        stands before ``pos`` on its own, not ending a word ("nâng cấp",
        "an toàn")."""
        word, wstart = ctx.word_before(pos)
        if word.lower() not in _DISTRIBUTIVES:
            return False
        prev, _ = ctx.word_before(wstart)
        return f"{prev.lower()} {word.lower()}" not in self.dictionary

    def _named_unit_ends(self, ctx: Context, wstart: int) -> bool:
        """The capitalised word at ``wstart`` ends a unit's name written
        after its level word ("huyện Phong Thổ"), at most four words long."""
        for _ in range(4):
            word, wstart = ctx.word_before(wstart)
            if not word:
                return False
            if word.lower() in self.level_words:
                return True
            if not word[0].isupper():
                return False
        return False


def _number_before(text: str, pos: int) -> Optional[int]:
    """Where the number ends whose digits end right before ``pos`` (one
    space allowed) starts ("40 tuổi" → the "4"), or None."""
    i = pos - 1 if pos > 0 and text[pos - 1] == " " else pos
    if i <= 0 or not text[i - 1].isdigit():
        return None
    j = i - 1
    while j > 0 and (text[j - 1].isdigit() or text[j - 1] in ".," and j > 1 and text[j - 2].isdigit()):
        j -= 1
    return j
