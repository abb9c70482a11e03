"""Small helpers on the text around a position: a :class:`Spanned` at a
span, and the word or the two words just before a position."""

from __future__ import annotations

from ..base.candidates import Spanned
from ...grammar.pattern_cache import compile_regex

_LAST_PAIR = compile_regex(r"(?<![\p{L}])(\p{L}+)[ ]+(\p{L}+)[ ]*$")


def at(text: str, span: tuple[int, int]) -> Spanned:
    """The :class:`Spanned` of ``text`` at ``span``."""
    return Spanned.at(text, *span)


class WordsBefore:
    """The words just before a position (a mixin of the extractor)."""

    @staticmethod
    def _last_pair(text: str, pos: int) -> str:
        """The last two words before ``pos``, lower case ("lữ đoàn")."""
        m = _LAST_PAIR.search(text, max(0, pos - 30), pos)
        return f"{m.group(1)} {m.group(2)}".lower() if m else ""

    def _last_word(self, text: str, pos: int) -> str:
        m = self.last_word_re.search(text[max(0, pos - 20):pos])
        return m.group(1) if m else ""

    def _place_word_before(self, text: str, pos: int) -> bool:
        word = self.last_word_re.search(text[max(0, pos - 20):pos])
        return bool(word) and word.group(1).lower() in self.place_before
