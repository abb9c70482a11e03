"""Shapes of Vietnamese personal names: which upper-case words are
Vietnamese syllables ("HÙNG", not "UBND"), how long a name may run, and
where a name starts in a run of capitalised words that follows a place
("tỉnh Sơn La Lò Văn Mừng").  The pattern of a name itself is data
(``name`` in the ``[grammar]`` of ``rules/persons.toml``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Optional

from ..grammar.lazy import deferred, settle

# A Vietnamese syllable (lower case, tone marks stripped): onset, vowel
# nucleus, coda.  Tells "HÙNG" from acronyms such as "UBND", "HĐND".
_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?"
_NUCLEUS = r"[aăâeêioôơuưy]{1,3}"
_CODA = r"(?:ng|nh|ch|[cmnpt])?"
_VI_SYLLABLE = deferred(rf"{_ONSET}{_NUCLEUS}{_CODA}")

# Middle names that almost never start a name: the syllable before them is
# the surname ("xã Khoàng Văn Van" → "Khoàng Văn Van").
MIDDLE_MARKERS = {"Văn", "Thị", "VĂN", "THỊ"}


def max_len(words: list[str], surnames: frozenset[str] | set[str] = frozenset()) -> int:
    """Longest name allowed for a run: Ê Đê and Jrai names run to five
    syllables ("Y Thanh Hà Niê Kđăm"), and so does a name whose family name
    has two words (``surnames``: "Tôn Nữ Thị Minh Châu", "Rơ Mah Thị Kim
    Anh"): the middle and given names after it are those of any name.
    Others run to four."""
    w = words[0] if words else ""
    if w == "Y" or w[:2] in ("H'", "H’"):
        return 5
    return 5 if len(words) > 4 and f"{w} {words[1]}" in surnames else 4


def _base(word: str) -> str:
    nfd = unicodedata.normalize("NFD", word.lower())
    kept = "".join(c for c in nfd if unicodedata.category(c) != "Mn" or c in "\u0306\u0302\u031b")
    return unicodedata.normalize("NFC", kept)


@lru_cache(maxsize=4096)
def is_vi_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable in any case ("HÙNG", "Văn")."""
    return bool(_VI_SYLLABLE.fullmatch(_base(word)))


def is_caps_name(words: list[str]) -> bool:
    """An upper-case run that reads as a name, not as acronyms ("UBND HĐND")."""
    return all(w.isupper() and is_vi_syllable(w) for w in words)


def name_start(words: list[str], surnames: set[str]) -> Optional[int]:
    """Index where the personal name starts in a run of capitalised words
    that follows a place or an organization, or None when no split can be
    told from the words alone.  A middle name ("Văn", "Thị") marks the
    surname before it; else a known surname leaving 3, 4 or 2 syllables."""
    n = len(words)
    for i, w in enumerate(words):
        # Ê Đê and Jrai names open with "Y" (men) or "H'" (women): "Y Thanh
        # Hà Niê Kđăm", "H'Hen Niê"
        if (w == "Y" or w[:2] in ("H'", "H’")) and 2 <= n - i <= 5 and (w != "Y" or n - i >= 2):
            return i
    for k in range(1, n):
        if words[k] in MIDDLE_MARKERS and 2 <= n - (k - 1) <= 4:
            i = k - 1
            if i >= 1 and f"{words[i - 1]} {words[i]}" in surnames and n - i + 1 <= 5:
                return i - 1  # a two-word family name ("Rơ Lan Thị Hà")
            return i
    for i in range(n - 2):
        if f"{_title(words[i])} {_title(words[i + 1])}" in surnames and 3 <= n - i <= 5:
            return i  # "Rơ Châm Long", "Thiên Sanh Cảnh"
    best = None
    for i, w in enumerate(words):
        rest = n - i
        if _title(w) in surnames and 2 <= rest <= 4:
            rank = {3: 0, 4: 1, 2: 2}[rest]
            if best is None or rank < best[0]:
                best = (rank, i)
    return None if best is None else best[1]


def _title(word: str) -> str:
    return word[:1] + word[1:].lower() if word.isupper() else word


settle(globals())
