"""Where the organization that continues a title ends ("Trưởng Ban Dân
vận Huyện ủy"), read one word at a time: heads, acronyms, level words and
the places they name, numbered units ("thôn 2", "Lữ đoàn 168"), a field's
second name after a dash; not a verb, a heading or the next person."""

from __future__ import annotations

from typing import Optional

from ..base.candidates import Spanned
from ..base.matching import match_at
from ..tones import fold_tones
from ...grammar.pattern_cache import compile_regex
from .org_words import CAPITALISED, CONNECTOR, DIGITS, ENDS, HEAD, LEVEL, LOWER_HEAD, LOWER_LEVEL, ORG_WORD, OTHER

# what follows the number of a numbered place's name: a name (after a dash
# too: "khu vực 1 - Điện Biên"), a mark or the end (not a counted noun: "xã
# Tân Lập 5 năm liền")
_NAME_NUMBER_END = compile_regex(r"[,;:.)]|[ ]+(?:[-–][ ]+)?\p{Lu}|\s*$")
_LOWER_WORD = compile_regex(r"[ ]+(\p{Ll}+)")
# the word before a run of capitalised words that ends a text (a level word
# before a place's name: "thôn Hòa Bình")
_PLACE_NAME_TAIL = compile_regex(r"(?<![\p{L}])(\p{Ll}+)(?:[ ]+\p{Lu}\p{L}*)+$")
# the starts of the fields of a field_list match ("Thể thao", "Du lịch")
_FIELD_SPLIT = compile_regex(r"(?:^|(?<=, )|(?<= và ))\p{Lu}")
# "số 5" after an organization's word: its number (not a document's "số 12/QĐ-…")
_NUMBER_NAME = compile_regex(r"[ ]+số[ ]+\d{1,3}(?![\p{N}\p{L}/\-]|[.,]\p{N})")
# "phụ trách" (in charge of) ends a post only when nothing follows ("Phó
# Trưởng phòng phụ trách,"); before a lower-case word its object was not read
_IN_CHARGE = " phụ trách"
_LOWER_NEXT = compile_regex(r" \p{Ll}")
# The characters after the first space where paren_acronym ("(UBND)") and
# dash_head ("- Cơ quan") may match: their opening, or a second space.
_PAREN_OPENERS = ("(", " ", "")
_DASH_OPENERS = ("-", "–", " ", "")


class OrganizationEnds:
    """Where an organization ends (a mixin of the extractor)."""

    def _org_end(self, text: str, pos: int, stop_before_name: int, unit_named: bool = False) -> int:
        """End of the organization that continues a title ("Ban Dân vận Huyện
        ủy"); with ``unit_named`` a capitalised run right after a level word
        is the unit's name even when a name could start there."""
        end = start = pos
        caps_run = 0  # capitalised non-head words in a row: a proper name
        numbered = False  # "thôn 2": the place's name is given, a name may follow
        # "thôn Bản Lìm": a level word then a name; the organization ends with
        # its place, so a lower-case word after it is none of its own
        after_level = placed = False
        # the last lower-case organization word read, the end before it and
        # after it: with a word after it that is none, it may make another
        # word ("công bố"), which ends the organization before it
        org_word: Optional[tuple[str, int, int, bool]] = None  # (+ whether a level word came right before)
        # the last capitalised word read and its end: organization names
        # capitalise only a word's first syllable ("Ban Đại diện", "Công ty
        # TNHH Thương mại"), so a lower-case syllable completing it goes on
        caps_word: Optional[tuple[str, int, int]] = None
        # the loop's patterns, looked up once (it runs for every word of every role)
        head_unit, next_word, word_group = self.org_head_unit.match, self.next_word.match, self._word_group
        word_kind, unit_opens, rank_firsts = self._word_kind, self._unit_opens, self.rank_firsts
        while True:
            if text[pos:pos + 1] == "," and end == pos:
                fields_end = self._field_list_end(text, pos)
                if fields_end:
                    end = pos = fields_end  # "Sở Văn hóa, Thể thao và Du lịch"
                    caps_run = 0
                    continue
            if text[pos:pos + 1] != " ":
                break  # each piece below (org_head_unit, paren_acronym, dash_head, next_word) opens with spaces
            # one word at a time, each call with a bounded look-ahead (as
            # match_at): a finditer from ``pos`` would go on trying every
            # later position of the text
            wm = next_word(text, pos, pos + 200)
            # most words open no organization head (asked once per word)
            if wm is None or unit_opens is None or unit_opens(text[pos:min(wm.end(), pos + 60)]):
                hm = head_unit(text, pos, pos + 60)
                if hm is not None and placed and text[pos:hm.end()].lstrip()[:1].islower():
                    break  # "Tổ hòa giải thôn Đông hòa giải thành công": the verb after the place
                if hm is not None:
                    end = pos = hm.end()
                    caps_run = 0
                    continue
            opener = text[pos + 1:pos + 2]  # " ": more spaces, any piece may follow
            if end == pos and opener in _PAREN_OPENERS:
                pm = match_at(self.paren_acronym, text, pos, 30)
                if pm is not None:
                    end = pos = pm.end()
                    continue
            if end == pos and opener in _DASH_OPENERS:
                dm = match_at(self.dash_head, text, pos, 40)
                if dm is not None and self._title_opens(text, dm.end()):
                    dm = None  # "… UBND xã - Tổ trưởng Tổ …": the next post, after the dash between posts
                if dm is not None:
                    # "Đảng ủy Bộ Tổng tham mưu - Cơ quan Bộ Quốc phòng"
                    end = pos = dm.end()
                    caps_run = 0
                    continue
                sector_end = self._dash_sector_end(text, pos)
                if sector_end:
                    end = pos = sector_end
                    caps_run = 0
                    continue
            if wm is None:
                break
            w_start, w_end = wm.span(word_group)
            if end == pos and text.startswith("số", w_start):
                nm = _NUMBER_NAME.match(text, pos, pos + 12)
                if nm is not None:
                    # "Chi bộ Khu dân cư số 5", "Trường Tiểu học số 2": the unit's number
                    end = pos = nm.end()
                    continue
            w, kind, sentence_end, lower = word_kind(text[w_start:w_end])
            if kind == ENDS:
                break
            if w[0].isupper() and (numbered or (stop_before_name and not (unit_named and after_level and pos == end)
                                                and self._name_starts_here(text, w_start, stop_before_name))):
                break  # (``pos == end``: the level word right before, no "và" between)
            if w in rank_firsts and self._rank_at(text, w_start):
                break  # "Bộ Chỉ huy Quân sự tỉnh Đại tá Name": the rank of the person named next
            if kind == DIGITS:
                if end == pos and self._names_number(text, pos, w, w_start + len(w), placed):
                    # "thôn 2"; "phường Hà Giang 1" (a place named with a number, 2025)
                    end = pos = w_start + len(w)
                    numbered = True
                    continue
                break
            if kind == CONNECTOR:
                nxt = match_at(self.next_word, text, wm.end(), 60)
                if (nxt and nxt.group("w")[0].isupper() and not self._is_title(nxt.group("w").rstrip("."))
                        and not match_at(self.title_re, text, nxt.start("w"), 60)):  # "và Đại đức …": a new person
                    pos = wm.end()
                    caps_run = 0
                    continue
                break
            if lower == LOWER_HEAD and self._opens_other_word(text, w, wm.end()):
                break  # "Chủ tịch UBND xã báo cáo": the verb "báo cáo", not "Báo"
            if placed and end == pos and kind == OTHER and match_at(self.merged_word, text, pos, 8):
                end = w_start + len(w)  # "xã Chiềng Cơi cũ": the unit before the 2025 merger,
                break  # its name ended (a holder's name may follow)
            if placed and kind == ORG_WORD:
                break  # "Chi hội Phụ nữ thôn Bản Lìm vận động": the verb after the place
            was_placed = placed
            placed = (after_level or placed) and not lower and (kind == HEAD or kind == CAPITALISED)
            level_before, after_level = after_level, lower == LOWER_LEVEL
            if after_level:
                numbered = False  # "ấp 3 xã Vĩnh Thạnh": the next place's name follows
            pos = wm.end()
            if kind == HEAD:
                end = w_start + len(w)
                caps_run = 0
            elif kind == CAPITALISED:
                end = w_start + len(w)
                caps_run += 1
                caps_word = (w, w_start, end)
            elif kind == OTHER and caps_run == 1 and self._completes_caps(text, caps_word, end, was_placed, w):
                end = w_start + len(w)
                caps_run = 0
            elif kind == LEVEL or (kind == ORG_WORD and caps_run <= 1):
                if kind == ORG_WORD and w.islower():
                    org_word = (w, end, w_start + len(w), level_before)
                end = w_start + len(w)
                caps_run = 0
            else:
                if org_word is not None and org_word[2] == end and (
                        self._makes_word(org_word[0], w)
                        or (org_word[3] and self._prefixes_verb(text, org_word, w, wm.end()))):
                    # "Chánh Thanh tra tỉnh công bố": "công bố", not "công" of "công an";
                    # "Chủ tịch UBND tỉnh đồng chủ trì": after the unit's level word,
                    # "đồng" (co-) before the verb "chủ trì"
                    end = org_word[1]
                break
            if sentence_end:
                break
        if text.endswith(_IN_CHARGE, start, end) and _LOWER_NEXT.match(text, end, end + 2):
            end -= len(_IN_CHARGE)  # "… UBND xã phụ trách lĩnh vực …": the field it is in charge of was not read
        return end

    def _title_opens(self, text: str, head_end: int) -> bool:
        """The organization head that ends at ``head_end`` opens a title
        ("Tổ" of "Tổ trưởng", "Đội" of "Đội trưởng")."""
        start = text.rfind(" ", 0, head_end) + 1
        tm = match_at(self.title_re, text, start, 60) if text[head_end:head_end + 1] == " " else None
        return tm is not None and tm.end() > head_end

    def _names_number(self, text: str, pos: int, w: str, w_end: int, placed: bool) -> bool:
        """The number ``w`` after ``pos`` (ending at ``w_end``) is the name's:
        a numbered unit's ("thôn 2", "Lữ đoàn 168"), or that of a place named
        with a number (``placed``: a place's name was read)."""
        if (self._last_word(text, pos).lower() in self.numbered_words
                or self._last_pair(text, pos) in self.numbered_pairs):
            return True
        return (len(w) <= 2 and (placed or self._named_place_ends(text, pos)
                                 or self._last_pair(text, pos) in self.area_numbered)
                and self._name_number_ends(text, w_end))

    def _named_place_ends(self, text: str, pos: int) -> bool:
        """A place's name ends at ``pos``: a run of capitalised words right
        after a level word, which a title may hold ("Trưởng thôn Hòa Bình",
        "Tổ trưởng Tổ dân phố Bắc Sơn")."""
        m = _PLACE_NAME_TAIL.search(text, max(0, pos - 60), pos)
        return m is not None and m.group(1).lower() in self.level_words

    def _name_number_ends(self, text: str, pos: int) -> bool:
        """The number of a place's name ends at ``pos``: a name, a mark or the
        end follows, or a word that no number counts ("thôn Hòa Bình 2 phát
        biểu", "… 2 đã"): a number counts a noun, so a verb or an adverb after
        it leaves the number to the name ("… 2 hộ", "… 2 năm liền" count)."""
        if _NAME_NUMBER_END.match(text, pos):
            return True
        wm = _LOWER_WORD.match(text, pos, pos + 20)
        if wm is None:
            return False
        return not self._counted(wm.group(1), text[wm.start(1):wm.start(1) + 40])

    def _counted(self, first: str, after: str) -> bool:
        """A number may count what ``after`` opens (``first``, its first
        word): a counted noun, a classifier, a time word, a measure, a
        multiplier, or a noun as the tagger reads the few words left."""
        lex = self.lex
        if (first in lex.non_count_heads or first in self.area_forms or first in lex.classifiers
                or lex.is_time_noun(first) or lex.head_noun(after[:30]) is not None):
            return True
        if first in lex.not_nouns:
            return False
        from ...nlp import first_word_is_noun  # a place's number before a word is rare

        return first_word_is_noun(" ".join(after.split()[:4]))[0]

    def _field_list_end(self, text: str, pos: int) -> int:
        """End of the fields listed after the field that ends at ``pos``
        ("Sở Văn hóa, Thể thao và Du lịch"), each in sentence case and none a
        title ("…, Trưởng thôn và …" is the next post); 0 when there are none."""
        if self.sector_tail.search(text, max(0, pos - 30), pos) is None:
            return 0  # the organization does not end in a field
        fm = match_at(self.field_list, text, pos, 80)
        if fm is None:
            return 0
        fields_at = fm.start("fields")
        for field in _FIELD_SPLIT.finditer(fm.group("fields")):
            if match_at(self.title_re, text, fields_at + field.start(), 60):
                return 0
        return fm.end()

    def _dash_sector_end(self, text: str, pos: int) -> int:
        """End of a field's second name after a dash ("Ban Kinh tế - Ngân
        sách"): the organization at ``pos`` ends in a capitalised word of an
        organization, and a word of the dictionary that is no title follows
        the dash (0 when not)."""
        tail = self.sector_tail.search(text, max(0, pos - 30), pos)
        if tail is None or tail.group("w") not in self.org_words:
            return 0
        dm = match_at(self.dash_sector, text, pos, 40)
        if dm is None:
            return 0
        w = dm.group("w")
        if fold_tones(w.lower()) not in self.lex.known_words or match_at(self.title_re, text, dm.start("w"), 60):
            return 0
        return dm.end()

    def _named_org_end(self, text: str, end: int, role: Spanned) -> bool:
        """A capitalised run at ``end`` completes the organization ``role``
        names: the role is an organization alone ("Học viện X" after
        "Trưởng khoa Y,") and ends in a lower-case word that is no level word
        ("… quốc gia Hồ Chí Minh"; after "UBND xã" a place or a person)."""
        last = self._last_word(text, end)
        return (last.islower() and last not in self.level_words
                and match_at(self.title_re, text, role.spans[0][0], 80) is None)
