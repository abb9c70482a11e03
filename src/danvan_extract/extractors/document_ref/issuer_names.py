"""The words of an issuing body's name read from a position ("Sở Nông
nghiệp và Phát triển nông thôn", "Bộ Tư lệnh Quân khu 7"), where it ends,
and how much of it names the office (an office holder's name left out)."""

from __future__ import annotations

from typing import Optional

from ..base.candidates import Spanned
from ..base.matching import match_at
from ..tones import fold_tones


class IssuerNames:
    """The words of an issuing body's name (a mixin of the extractor)."""

    @staticmethod
    def _stretch(text: str, start: int, end: int) -> Spanned:
        """``text[start:end]`` with single spaces, as one stretch."""
        return Spanned(" ".join(text[start:end].split()), ((start, end),))

    def _issuer_run(self, text: str, pos: int) -> tuple[Optional[str], int]:
        """Words of an issuing body from ``pos``: capitalised words and the
        lower-case words of organization names, up to a stop word."""
        end = pos
        words: list[str] = []
        ends: list[int] = []
        p = pos
        while True:
            # the words may stand more than one space apart ("của  UBND  xã")
            q = p + len(text[p:p + 8]) - len(text[p:p + 8].lstrip(" ")) if words else p
            if words and match_at(self.issuer_stop, text, q, 80):
                joined = match_at(self.and_part, text, q, 80)
                if not joined:
                    break
                words.append("và")  # "Sở Nông nghiệp và Phát triển nông thôn"
                p = end = q + 2
                ends.append(end)
                continue
            wm = match_at(self.issuer_word, text, q, 200)
            if not wm and words and text[q:q + 1].isdigit() and self._named_by_number(words):
                # "của Bộ Tư lệnh Quân khu 7", "của Ban Chỉ đạo 35 Tỉnh ủy": its number names the body
                wm = match_at(self.body_number, text, q, 40)
            if not wm and words and (words[-1][0].isupper() or words[-1] in self.inner) and not self._closes_word(words):
                # a lower-case syllable that makes a word with the one
                # before: "Hội đồng", "Bộ trưởng", "Nông nghiệp", "nông thôn"
                # (not with one joined so itself: "Môi trường | hợp nhất",
                # "Bí thư | ký": a syllable is of one word)
                wm = match_at(self.lower_syllable, text, q, 40)
                if wm and fold_tones(f"{words[-1].lower()} {wm.group(0).lower()}") not in self.lex.known_words:
                    wm = None
            if not wm and len(words) > 1 and self._opens_body(words):
                # "Sở Văn hóa, Thể thao và Du lịch": the comma lists the fields of one name
                cm = match_at(self.comma_part, text, p, 40)
                if cm:
                    words[-1] += ","
                    p = cm.end()
                    continue
            if not wm and words:
                # "Sở Văn hóa - Thể thao và Du lịch": the dash joins two parts of one name
                wm = match_at(self.dash_part, text, p, 40)
                if wm:
                    words.append(wm.group(0).strip())
                    p = end = wm.end()
                    ends.append(end)
                    continue
            if not wm:
                break
            w = wm.group(0)
            if not words and not w[0].isupper():
                break
            if words and words[-1] in self.unit_ends and w.islower() and " " not in w and w != "số" \
                    and self._ends_level(words) \
                    and not ((w in self.inner or f"{words[-1].lower()} {w}" in self.area_words)
                             and fold_tones(f"{words[-1]} {w}") in self.lex.known_words):
                # after its level word a body's name goes on with a place's
                # name, not a lower-case word ("của Tỉnh ủy, Đảng ủy xã tổ
                # chức hội nghị"); "Chính sách xã hội", "Tòa án nhân dân khu
                # vực 1" go on with a word of a name or an area word, "xã
                # giao" is a word but none of a name ("của UBND xã giao …");
                # "số" here numbers the unit ("khu phố số 3": issuer_word)
                break
            words.append(w)
            p = end = wm.end()
            ends.append(end)
        keep = self._office_words(words) if words else 0  # "của xã", "của ubnd huyện": no body named
        if not keep:
            return self._office_after_name(text, words, end) if words else (None, pos)
        # words are read one space apart: the name is one stretch
        return Spanned(" ".join(words[:keep]), ((pos, ends[keep - 1]),)), end

    def _named_by_number(self, words: list[str]) -> bool:
        """``words`` end with the name of a body that a number names ("Quân
        khu", "Ban Chỉ đạo", "Lữ đoàn": persons.toml numbered_names)."""
        if not words:
            return False
        last = words[-1].lower()
        return last in self.body_number_words or len(words) > 1 and f"{words[-2].lower()} {last}" in self.body_number_pairs

    def _closes_word(self, words: list[str]) -> bool:
        """The last of ``words`` is in lower case and closes a word begun by
        the one before ("Bí thư"), so it opens no second word ("thư ký")."""
        return len(words) > 1 and words[-1].islower() and \
            fold_tones(f"{words[-2].lower()} {words[-1]}") in self.lex.known_words

    def _ends_level(self, words: list[str]) -> bool:
        """The last of ``words`` is a level word, not the second syllable of
        another word ("Phát triển nông thôn": "nông thôn" is no "thôn")."""
        if len(words) < 2:
            return True
        pair = f"{words[-2].lower()} {words[-1]}"
        return pair in self.unit_words or fold_tones(pair) not in self.lex.known_words

    def _office_after_name(self, text: str, words: list[str], end: int) -> tuple[Optional[str], int]:
        """"của đồng chí Nguyễn Văn Sơn, Bí thư Tỉnh ủy": after a name alone
        (``words``, ending at ``end``), the office set beside it; (None, end)
        when none follows."""
        cm = match_at(self.name_comma, text, end, 10)
        if cm is None:
            return None, end
        office, office_end = self._issuer_run(text, cm.end())
        if office is None or office.split(" ", 1)[0] not in self.title_heads:
            return None, end
        return office, office_end

    def _office_words(self, words: list[str], title_holder: bool = False) -> int:
        """How many of an issuer's ``words`` name the office: an office holder's
        name after the title and body is left out ("Phó Chủ tịch UBND tỉnh
        Nguyễn Văn An"), and a name alone names no body; with
        ``title_holder``, also a name after a title alone (before an
        issuing verb: "Thủ tướng Chính phủ Phạm Minh Chính ký")."""
        if 3 <= len(words) <= 4 and words[0] in self.surnames and all(w[0].isupper() for w in words):
            return 0
        if words[0] not in self.title_heads or not any(" ".join(words[:k]) in self.titles
                                                       for k in range(1, min(4, len(words)) + 1)):
            return len(words)
        keep = len(self._strip_name(words))
        # after a level word a two-word run is as likely a place ("tỉnh Lâm
        # Đồng"), after one written short any run is ("TP. Hồ Chí Minh"); a
        # title alone is no office ("Chủ tịch Hồ Chí Minh")
        if keep < len(words) and (words[keep - 1] in self.level_ends and (len(words) - keep < 3 or words[keep - 1][-1] == ".")
                                  or not title_holder and " ".join(words[:keep]) in self.titles):
            return len(words)
        return keep

    def _opens_body(self, run: list[str]) -> bool:
        """The words ``run`` open with the head of an issuing body ("Ban Bí
        thư", "Bộ"): after "và", a second body, not a part of one name."""
        head = " ".join(run[:3])
        return any(head == h or head.startswith(h + " ") for h in self.lex.rules.documents.issuer.body_heads)

    def _strip_name(self, run: list[str]) -> list[str]:
        for i in range(1, len(run)):
            if run[i] in self.surnames and 2 <= len(run) - i <= 4 and all(w[0].isupper() for w in run[i:]):
                return run[:i]
        return run
