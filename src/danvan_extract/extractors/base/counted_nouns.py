"""The counted noun after a number: the longest noun of the lexicon or the
word list that follows it ("345 tình nguyện viên", "12 hộ | gia đình"),
the nouns coordinated with it ("156 xã, phường, thị trấn", "12 xã/thị
trấn"), and what makes a noun count nothing (a measure, a frequency, a
time)."""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Optional

import regex

from ...grammar.rules import alternation
from ...grammar.levels import RANK, VIETNAMESE_UNITS
from ..tones import fold_tones
from ...grammar.pattern_cache import compile_regex
from .context import Context
from .matching import match_at


# The suffix of persons who do what the word before says ("tình nguyện viên")
_AGENT = "viên"
_JOINER = compile_regex(r"(,\s*|\s+và\s+)")
# A few lower-case words, then a number: the figure of a list item's label
# (a label runs to five syllables: "người dân tộc thiểu số 145 đồng chí").
_LABEL_FIGURE = compile_regex(r"(?:[ ]+\p{Ll}+){0,5}[ ]+\d[\d.,]*[ ]+")


def _counts_again(text: str, pos: int, noun: str) -> bool:
    """True when a figure counting ``noun`` follows ``pos`` within a few
    words: what stands before it labels a new item of a list."""
    m = _LABEL_FIGURE.match(text, pos, pos + 60)
    return bool(m) and text[m.end() : m.end() + len(noun)].lower() == noun


_DIGIT_NEXT = compile_regex(r"\s*\d")
NEXT_SYLLABLE = compile_regex(r"[ ]+(\p{L}+)")  # the syllable after a word, on its line
_NAME_NEXT = compile_regex(r"[^\S\n]+\p{Lu}")  # a capitalised word right after, on the same line


_WORD = compile_regex(r"\p{L}+")


def title_line(text: str, pos: int) -> bool:
    """True when the line before ``pos`` is written in title case: three
    words at least, each capitalised, not all in capitals.  Near the start
    of its line, fewer than three words before ``pos`` ("12 Xã Vùng Cao Về
    Đích", "Hơn 1,2 Triệu Lượt Khách …"), the line is judged by its words
    after ``pos`` alone (what stands before cannot tell)."""
    start = text.rfind("\n", 0, pos) + 1
    words = _WORD.findall(text, start, pos)
    if len(words) < 3:
        end = text.find("\n", pos)
        words = _WORD.findall(text, pos, len(text) if end < 0 else min(end, pos + 200))
    return len(words) >= 3 and all(w[0].isupper() for w in words) and not all(w.isupper() for w in words)


class CountedNouns:
    """The counted noun of :class:`~.lexicons.Lexicons` (a mixin: the word
    sets it reads are made there)."""

    def noun_after(self, ctx: Context, pos: int) -> tuple[Optional[str], int]:
        """The counted noun right after ``pos`` (lower-cased) and its end.

        Longest first: three syllables, then two, from the project lexicon
        or underthesea's word list (either tone placement), else one.  A
        capitalised noun ("34 Nghị quyết", "07 CHƯƠNG", "4 Phó Chủ tịch")
        counts only when the project lexicon lists it: a capital otherwise
        starts a name.  A two-syllable word list entry that a reading "noun
        + word" beats ("tổ | phụ nữ", "hộ | sản xuất") is cut after the noun.
        """
        m = match_at(self.syllables, ctx.text, pos, 200)
        if not m:
            return None, pos
        noun, length = self._noun_of_read(m.group(0))
        if noun is None and m.group(0).lstrip()[:1].isupper() and title_line(ctx.text, pos):
            # "Toàn Huyện Có 12 Xã Đạt Chuẩn": a headline in title case names
            # nothing by its capitals; a noun of the project lexicon counts
            noun, length = self._noun_of_read(m.group(0).lower())
            if noun is not None and fold_tones(noun) not in self.counted_folded:
                noun = None
        return (None, pos) if noun is None else (noun, pos + length)

    def head_noun(self, phrase: str) -> Optional[str]:
        """The counted noun of the project lexicon that opens ``phrase``
        ("hộ nghèo" → "hộ", "xã đạt NTM" → "xã"), as after a number; None
        when the phrase opens with none."""
        m = self.syllables.match(phrase)
        noun = self._noun_of_read(m.group(0))[0] if m else None
        return noun if noun is not None and fold_tones(noun) in self.counted_folded else None

    @cached_property
    def _noun_of_read(self):
        """:meth:`_noun_read`, once per run of syllables (the same words
        follow many numbers)."""
        return lru_cache(maxsize=8192)(self._noun_read)

    def _noun_read(self, read: str) -> tuple[Optional[str], int]:
        """The counted noun that ``read`` (syllables :attr:`syllables` read
        after a number) opens, and its end in ``read``; (None, 0) for none."""
        m = self.syllables.match(read)
        words = [w for w in m.groups() if w]
        low = [fold_tones(w.lower()) for w in words]  # for look-ups
        written = [w.lower() for w in words]  # for the noun as written
        ends = [m.end(i + 1) for i in range(len(words))]
        capital = not words[0][0].islower()
        # Syllables after the first join a noun when they are lower case,
        # or, for a capitalised noun, written in the same case style.
        joinable = 1
        for w in words[1:]:
            if w[0].islower() or (capital and (w[0].isupper() or w.isupper())):
                joinable += 1
            else:
                break
        known = self.counted_folded if capital else self.known_words
        if joinable >= 3 and low[2] == _AGENT and low[0] not in self.classifiers and " ".join(low[:2]) in known:
            # "345 tình nguyện viên", "12 tuyên truyền viên": "-viên" makes a
            # word of two syllables a person who does it, one noun
            return " ".join(written[:3]), ends[2]
        for size in (3, 2):
            if joinable >= size and " ".join(low[:size]) in known:
                phrase = " ".join(low[:size])
                if phrase not in self.counted_folded and low[0] in self.not_nouns:
                    return None, 0  # "đến nay", "trong đó": no noun
                if not capital and phrase not in self.counted_folded and self._head_and_modifier(low, size, joinable):
                    return written[0], ends[0]
                return " ".join(written[:size]), ends[size - 1]
        if capital:
            # "02 Ban", "07 CHƯƠNG"; but "2 Chương Dương" is a name
            name_goes_on = len(words) > 1 and words[1][0].isupper() and not words[0].isupper()
            ok = low[0] in self.counted_folded and (len(words[0]) > 1 or words[0].isupper()) and not name_goes_on
            return (written[0], ends[0]) if ok else (None, 0)
        if low[0] in self.not_nouns:
            return None, 0
        return written[0], ends[0]

    def _head_and_modifier(self, low: list[str], size: int, joinable: int) -> bool:
        """True when a word list entry is better read as a counted noun and
        its modifier: "hộ | gia đình", "cây | công nghiệp" (the rest is a
        word), "hộ | nghèo" (the rest is never a noun), "tổ | phụ nữ" (the
        second syllable opens a word with the next)."""
        if low[0] not in self.counted_folded:
            return False
        rest = " ".join(low[1:size])
        if size == 3:
            return rest in self.known_words
        if low[1] in self.not_nouns or low[1] in self.modifiers:
            return True
        return joinable >= 3 and " ".join(low[1:3]) in self.known_words

    def coordinated(self, ctx: Context, end: int, noun: Optional[str] = None) -> tuple[Optional[str], int]:
        """The nouns joined by "," or "và" after ``end`` that are themselves
        countable, as written ("156 xã, phường, thị trấn": ", phường, thị
        trấn"), and their end; (None, end) for none."""
        more, nend = self._coordinated_one(ctx, end, noun)
        while more:
            further, nend2 = self._coordinated_one(ctx, nend, noun)
            if not further:
                break
            nend = nend2
        return (ctx.text[end:nend].lower(), nend) if nend > end else (None, end)

    def _coordinated_one(self, ctx: Context, end: int, noun: Optional[str] = None) -> tuple[Optional[str], int]:
        """A second noun joined by "," or "và" that is itself countable; not
        the label of the list's next item, which counts ``noun`` again
        ("nữ 98 đồng chí, dân tộc thiểu số 120 đồng chí")."""
        after = ctx.text[end : end + 6]
        if after.startswith("/"):
            return self._slashed_unit(ctx, end, noun)
        m = (after.startswith(",") or "và" in after) and _JOINER.match(after)
        if not m:
            return None, end
        start = end + m.end()
        if (start < len(ctx.text) and ctx.text[start].isupper() and not ctx.text[end - 1].isupper()
                and not title_line(ctx.text, start)):
            return None, end  # "56 người, Ban Thường vụ ...": a new item ("300 Cán Bộ, Chiến Sĩ": a headline)
        second, nend = self.noun_after(ctx, start)
        if second is None or fold_tones(second) not in self.counted_folded or second in self.time_nouns:
            return None, end
        if self._named_unit_at(ctx, second, start, nend):
            return None, end  # "10 xã, huyện Quan Sơn có 8 xã": a level word with its name is one named unit
        # A new number after it means a new fact ("3 xã, 5 thôn").
        if _DIGIT_NEXT.match(ctx.text[nend : nend + 3]):
            return None, end
        if noun and _counts_again(ctx.text, nend, noun):
            return None, end
        if (noun and (second in self.level_words) != (noun.split(",")[0] in self.level_words)
                and match_at(self.verb_and_figure, ctx.text, nend, 40)):
            # "120 hộ, xã có 12 thôn", "15/19 tiêu chí, huyện đạt 7/9 tiêu chí":
            # a unit of another kind than the counted noun, with a verb and a
            # figure of its own, opens a new clause ("15 xã, thị trấn với ..."
            # joins units of one kind)
            return None, end
        return ctx.text[end:nend].lower(), nend

    @cached_property
    def verb_and_figure(self) -> regex.Pattern:
        """A verb of having or reaching right after a noun, then, within two
        words, a figure of something named after it ("có 12 thôn", "đạt 7/9
        tiêu chí"; not a share, "đạt 100%"): made on first use."""
        return compile_regex(rf"[^\S\n]+(?:{alternation(self.quantity_verbs)})(?:[^\S\n]+\p{{Ll}}+){{0,2}}"
                             rf"[^\S\n]+\d[\d.,]*(?:/\d[\d.,]*)?[^\S\n]+\p{{L}}")

    @cached_property
    def unit_ranks(self) -> dict[str, int]:
        """Level word of a Vietnamese unit → its rank (the level registry)."""
        return {word: RANK[word] for word in VIETNAMESE_UNITS}

    def _slashed_unit(self, ctx: Context, end: int, noun: Optional[str]) -> tuple[Optional[str], int]:
        """"12 xã/thị trấn", "45 thôn/bản": a unit of the same rank as
        ``noun`` after "/" is an alternative, one coordinated noun; a unit
        of another rank is a rate's base ("17 xã/huyện") and a number a new
        count ("27 xã/6 huyện")."""
        rank = self.unit_ranks.get(noun) if noun else None
        if rank is None:
            return None, end
        second, nend = self.noun_after(ctx, end + 1)
        if second is None or second == noun or self.unit_ranks.get(second) != rank:
            return None, end
        if _DIGIT_NEXT.match(ctx.text[nend : nend + 3]) or self._named_unit_at(ctx, second, end + 1, nend):
            return None, end  # "12 xã/thị trấn 5 ...", "xã/phường An Lạc": a new figure, a named unit
        return ctx.text[end:nend].lower(), nend

    def _named_unit_at(self, ctx: Context, level: str, start: int, end: int) -> bool:
        """True when the level word ``level`` (at ``start``..``end``) opens a
        unit's name: a capitalised word follows it; in a heading in capitals
        ("12 XÃ, THỊ TRẤN ĐẠT CHUẨN"), a word that is no function word or verb."""
        if level not in self.level_words or not _NAME_NEXT.match(ctx.text, end):
            return False
        if not ctx.text[start:end].isupper():
            return True
        nxt = match_at(NEXT_SYLLABLE, ctx.text, end, 30)
        return nxt is None or nxt.group(1).lower() not in self.not_nouns

    def opens_with_non_count_head(self, noun: str) -> bool:
        """True when ``noun`` opens with a measure, a factor or a multiplier
        ("tấn gạo", "lần", "nghìn"), of one syllable or two ("cây số",
        "mã lực"): a number before it counts nothing."""
        words = noun.split(" ")
        return words[0] in self.non_count_heads or " ".join(words[:2]) in self.non_count_heads

    def is_frequency(self, ctx: Context, noun: str, end: int) -> bool:
        """True when ``noun`` (ending at ``end``) is an occurrence written
        per a time ("2 buổi/tuần", "3 đợt/năm"): how often, no count."""
        if noun not in self.occurrence_nouns:
            return False
        text = ctx.text
        slash = text.find("/", end, end + 3)
        if slash < 0 or text[end:slash].strip():
            return False
        word = _WORD.match(text, slash + 1 + (text[slash + 1 : slash + 2] == " "))
        return word is not None and word.group().lower() in self.time_nouns

    def is_time_noun(self, noun: str) -> bool:
        if noun in self.counted_exceptions:
            return False
        return noun in self.time_nouns or noun.split(" ")[0] in self.time_nouns
