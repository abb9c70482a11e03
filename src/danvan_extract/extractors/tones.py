"""One spelling for the two tone placements of "oa", "oe", "uy".

Vietnamese writes an open syllable ending in these either with the tone on
the first vowel ("hòa", "ủy", "khỏe") or on the second ("hoà", "uỷ",
"khoẻ"); underthesea's word list uses the second, most news the first.
Lookups fold both to the first.

>>> fold_tones("uỷ viên thuỷ lợi")
'ủy viên thủy lợi'
>>> fold_tones("quý")
'quý'
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..grammar.pattern_cache import compile_regex

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _with_tone(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


def _build() -> dict[str, str]:
    table = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
                table[f + _with_tone(s, tone)] = _with_tone(f, tone) + s
    return table


_TABLE = _build()
_SECOND_TONED = compile_regex(
    rf"(?<![qQ])(?:{'|'.join(sorted(_TABLE, key=len, reverse=True))})(?!\p{{L}})"
)


# The toned second vowels: text without any of them needs no folding.
_TONED_SECOND = frozenset(key[-1] for key in _TABLE)


# Longer texts (a word list joined) are folded without the cache.
_CACHED_LENGTH = 64


def fold_tones(text: str) -> str:
    """``text`` with the tone of final "oa"/"oe"/"uy" on the first vowel."""
    if _TONED_SECOND.isdisjoint(text):
        return text
    return _fold_short(text) if len(text) <= _CACHED_LENGTH else _fold(text)


def _fold(text: str) -> str:
    return _SECOND_TONED.sub(lambda m: _TABLE[m.group(0)], text)


# The words and phrases looked up recur (syllables, nouns): folded once each.
_fold_short = lru_cache(maxsize=16384)(_fold)


@lru_cache(maxsize=4)
def folded(words: frozenset[str]) -> frozenset[str]:
    """A word list with every entry folded (cached per list)."""
    # One pass over the words joined by line breaks: a break is no letter
    # and no "q", so each word folds as it would alone; a word that holds a
    # break would split the result, and is folded on its own.
    items = list(words)
    parts = fold_tones("\n".join(items)).split("\n")
    if len(parts) != len(items):
        parts = [fold_tones(w) for w in items]
    return frozenset(parts)
