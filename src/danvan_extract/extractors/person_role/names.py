"""The shapes and ends of personal names in a text: where a name starts,
whether a capitalised run is one, the name at the end of a run, whether a
name is vouched for; and the honorific a word stands for."""

from __future__ import annotations

from typing import Optional

from ..base.matching import match_at
from ..tones import fold_tones
from ..person_names import MIDDLE_MARKERS, is_caps_name, max_len, name_start


class NameShapes:
    """Names and honorifics (a mixin of the extractor)."""

    def _named_after(self, text: str, pos: int) -> bool:
        """The capitalised run at ``pos`` names a school, a street or a prize."""
        m = self.named_after.search(text, max(0, pos - 24), pos)
        if m is None:
            return False
        # in an organization's title case only a word's first syllable is
        # capitalised: "Sở Nông nghiệp và Môi trường Name" ends in the word
        # "Môi trường", no school ("trường"); a unit's level word ("Thành
        # phố Hồ Chí Minh") still names a place after a person
        w = m.group(0).strip()
        prev = self._last_word(text, m.start())
        pair = f"{prev.lower()} {w}"
        return not (w.islower() and prev[:1].isupper() and pair not in self.level_words
                    and fold_tones(pair) in self.lex.known_words)

    def _name_starts_here(self, text: str, pos: int, min_words: int = 2) -> bool:
        m = self.name_re.match(text[pos:pos + 60])
        if not m:
            return False
        run = m.group(0).split(" ")
        if any(w in self.stop_caps for w in run[:2]):
            return False
        if len(run) >= 2 and f"{run[0]} {run[1]}".lower() in self.org_words:
            return False
        if text.startswith(" (", pos + m.end()) and match_at(self.merged_after, text, pos + m.end(), 10):
            return False  # "huyện Văn Lãng (cũ)": a merged unit's name, no person's
        if text.startswith(" c", pos + m.end()) and match_at(self.merged_word, text, pos + m.end(), 8):
            return False  # "huyện Mai Sơn cũ" likewise
        # the look-behind search last: it costs most, and most runs fail before it
        return (name_start(run, self.surnames) == 0 and min_words <= len(run) <= max_len(run, self.surnames)
                and not self._named_after(text, pos))

    def _name(self, raw: str, start: int) -> tuple[Optional[str], int]:
        words = raw.split(" ")
        if len(words) == 1 and self.apos_name.fullmatch(raw):
            return raw, start + len(raw)  # "K'Brơi": one word, two syllables
        if self._stopped(words) or not 2 <= len(words) <= max_len(words, self.surnames):
            return None, start
        if raw.lower() in self.not_names:
            return None, start
        if raw.isupper() and not is_caps_name(words):
            return None, start
        return raw, start + len(raw)

    def _stopped(self, words: list[str]) -> bool:
        """A word of an organization ("Sở", "Hội", "Ban") in a capitalised
        run: no name.  A given name may be such a word ("Lê Văn Sở", "Kpă
        Ban"): as the last word, in title case, after a known surname."""
        caps, stop = self._cap, self.stop_caps
        if any(caps(w) in stop for w in words[:-1]):
            return True
        last = words[-1]
        return caps(last) in stop and not (len(words) > 1 and last[1:].islower() and words[0] in self.surnames)

    @staticmethod
    def _cap(w: str) -> str:
        return w[:1] + w[1:].lower() if w.isupper() else w

    def _heading_words(self, run: str) -> bool:
        """An upper-case run with no known surname: the words of a heading
        ("… TỈNH PHÁT BIỂU"), where case tells no name."""
        return run.isupper() and name_start(run.split(" "), self.surnames) is None

    def _name_in_run(self, raw: str) -> tuple[Optional[str], int]:
        """The personal name at the end of a capitalised run ("Bộ Y tế" is cut
        before; "Làng Hà Đào Thị Huệ" → "Đào Thị Huệ"): (name, offset in run)."""
        words = raw.split(" ")
        if raw.isupper() and not is_caps_name(words):
            return None, 0
        if self._stopped(words):
            return None, 0
        i = name_start(words, self.surnames)
        if i is None:
            if 2 <= len(words) <= 3:
                return raw, 0
            return None, 0
        if i == 0 and len(words) > max_len(words, self.surnames):
            return None, 0
        offset = len(" ".join(words[:i])) + 1 if i else 0
        return " ".join(words[i:]), offset

    def _vouched(self, name: str, text: str, start: int, end: int) -> bool:
        """A name with a known surname stands on its own; otherwise the
        statistical NER model must tag it as a person in a small window."""
        words = name.split(" ")
        if self._cap(words[0]) in self.surnames:
            return True
        if len(words) >= 3 and words[1] in MIDDLE_MARKERS:
            return True  # "Khoàng Văn Van": a middle name vouches for it
        from ...nlp import looks_like_person

        return looks_like_person(name, text[max(0, start - 40) : end + 40])

    @staticmethod
    def _ner_person(name: str, text: str, start: int, end: int) -> bool:
        from ...nlp import looks_like_person

        return looks_like_person(name, text[max(0, start - 40) : end + 40])

    def _hon(self, word: str) -> Optional[str]:
        return self.honorific_of.get(word.lower())
