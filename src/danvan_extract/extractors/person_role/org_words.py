"""What a word read after a title is to its organization (its kind: a
head, a capitalised word, a level word, a number, the end ...), and the
words that two syllables make ("công bố", "Thương mại"), which end or
complete an organization."""

from __future__ import annotations

from typing import Optional

from ..base.matching import match_at
from ..tones import fold_tones
from ..person_names import is_vi_syllable
from ...grammar.pattern_cache import compile_regex

_CONNECTORS = {"và", "&"}
_ROMAN = compile_regex(r"[IVXL]+")
# A lower-case word of an organization: a level word ("thôn", "xã") or
# another head ("báo", "đoàn") that may open a word of its own ("báo cáo").
LOWER_LEVEL, LOWER_HEAD = 1, 2


def _lower_kind(w: str, level_words: set, heads: set) -> int:
    if not w.islower():
        return 0
    if w in level_words:
        return LOWER_LEVEL
    return LOWER_HEAD if w in heads else 0


# What a word read after a title is to the organization (_read_word_kind).
ENDS, DIGITS, CONNECTOR, HEAD, CAPITALISED, LEVEL, ORG_WORD, OTHER = range(8)


class OrganizationWords:
    """The words of an organization (a mixin of the extractor)."""

    def _completes_caps(self, text: str, caps_word: Optional[tuple[str, int, int]], end: int,
                        placed: bool, w: str) -> bool:
        """The lower-case ``w`` completes the capitalised word just read into
        one word of the dictionary ("Thương mại", "Đại diện", "Xi măng"); not
        after a place's name ("thôn Hòa giải thích": the verb after the place)."""
        if caps_word is None or caps_word[2] != end or placed or not self._makes_word(caps_word[0].lower(), w):
            return False
        before = self._last_word(text, caps_word[1])
        # after a level word the capitalised word opens a place's name; an
        # organization's head in title case ("Tổ Công tác") is no level word
        return before.lower() not in self.level_words or (before[:1].isupper() and before.lower() in self.org_heads)

    def _opens_other_word(self, text: str, w: str, pos: int) -> bool:
        """The lower-case head ``w`` makes a word with the syllable at ``pos``
        that names no organization ("báo cáo", "đoàn kết", "ban hành")."""
        nxt = match_at(self.next_word, text, pos, 20)
        if nxt is None or not nxt.group(self._word_group).islower():
            return False
        return self._makes_word(w, nxt.group(self._word_group).rstrip("."))

    def _prefixes_verb(self, text: str, org_word: tuple, w: str, pos: int) -> bool:
        """The lower-case ``w`` and the syllable at ``pos`` make a word of the
        dictionary of which neither syllable is an organization's ("chủ
        trì"): the organization word ``org_word``, read after the unit's level
        word and making no word with it ("khu vực"), is their prefix ("UBND
        tỉnh đồng chủ trì": co-chair)."""
        if w in self.org_words or self._makes_word(self._last_word(text, org_word[1]).lower(), org_word[0]):
            return False
        nxt = match_at(self.next_word, text, pos, 20)
        if nxt is None:
            return False
        second = nxt.group(self._word_group).rstrip(".")
        return second not in self.org_words and self._makes_word(w, second)

    def _makes_word(self, w: str, second: str) -> bool:
        """``w`` and the lower-case ``second`` after it make a word of the
        dictionary that is no word of an organization ("công bố", "báo cáo")."""
        pair = f"{w} {second}"
        return second.islower() and pair not in self.org_words and fold_tones(pair) in self.lex.known_words

    def _read_word_kind(self, raw: str) -> tuple[str, int, bool, int]:
        """What a word of an organization (``raw``, as next_word reads it)
        is to :meth:`_org_end`: (the word without its final dots, its kind,
        whether it ends a sentence, what it is in lower case: a level word
        ("thôn"), another organization head ("báo") or 0)."""
        w = raw.rstrip(".")
        if not w or self._is_title(w):
            return w, ENDS, False, 0  # an ellipsis, or the next role
        return (*self._kind_of(raw, w), _lower_kind(w, self.level_words, self.org_heads))

    def _kind_of(self, raw: str, w: str) -> tuple[str, int, bool]:
        """(word, kind, ends a sentence) for :meth:`_read_word_kind`."""
        sentence_end = raw.endswith(".") and not w.isupper()  # "TP." is no sentence end
        low = w.lower()
        if w[0].isdigit():
            kind = DIGITS
        elif low in _CONNECTORS:
            kind = CONNECTOR
        elif _ROMAN.fullmatch(w):
            kind = CAPITALISED  # "khu vực III", "Quân khu IV": a numbered unit
        elif self._caps_word(w, low):
            kind = ENDS  # a word of an upper-case heading ("… TỈNH ỦY PHÁT BIỂU"), not an acronym
        elif self._is_acronym(w) or low in self.org_heads:
            kind = HEAD
        elif w[0].isupper():
            kind = CAPITALISED
        elif low in self.org_words:
            kind = LEVEL if low in self.level_words else ORG_WORD
        else:
            kind = OTHER
        return w, kind, sentence_end

    def _caps_word(self, w: str, low: str) -> bool:
        """An upper-case Vietnamese word that is no organization word
        ("PHÁT" in a heading), as opposed to an acronym ("UBND", "TU")."""
        return w.isupper() and len(w) > 2 and is_vi_syllable(w) and low not in self.org_words
