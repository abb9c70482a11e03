"""The normalization as it was before the speed work (commit fd8115a),
kept verbatim as the reference the faster one must equal character for
character and offset for offset (tests/test_normalize_reference.py)."""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from typing import Optional

import regex

# Characters replaced one for one.  Dashes and minus signs inside document
# numbers ("25–NQ/TW") must look like "-" to the grammars.
_CHAR_MAP = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u3000": " ",
    "\t": " ",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2015": "-",
    "\u2212": "-",  # minus sign
    "\ufe63": "-",
    "\uff0d": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u00b4": "'",
    "\uff05": "%",
    "\u066a": "%",
    "\u2044": "/",
    "\u2215": "/",
    "\r": "\n",
}
# Characters dropped entirely (zero-width, BOM, soft hyphen).
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")

# Tone marks (combining) used to fix "hoà"/"hòa" placement below.
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


@dataclass(frozen=True)
class NormalizedText:
    """A normalized copy of ``original`` with an offset map back into it.

    ``_starts``/``_ends`` are None when every normalized character sits at
    the same index as its original (the common case: one-for-one
    replacements only), so no per-character map is built.
    """

    original: str
    text: str
    _starts: Optional[array]  # original start index of each normalized char
    _ends: Optional[array]  # original end index (exclusive) of each normalized char
    # With _starts but no _ends, each char ends one after its start, except
    # these (the "\n" of a "\r\n", which spans two original characters).
    _wide: frozenset = frozenset()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span ``[start, end)`` to the original string."""
        if self._starts is None:
            return start, end
        if start >= end:
            pos = self._starts[start] if start < len(self.text) else len(self.original)
            return pos, pos
        if self._ends is None:
            last = end - 1
            return self._starts[start], self._starts[last] + (2 if last in self._wide else 1)
        return self._starts[start], self._ends[end - 1]

    def original_slice(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]


# str.translate looks up every character; a class search only stops at the
# few that change, which is several times faster on ordinary text.  (The
# standard library's engine: it skips to a class of literals three times
# as fast as ``regex``.)
_MAPPED = re.compile("[" + re.escape("".join(_CHAR_MAP)) + "]")
# Characters that change the length of the text: "\r" before "\n", and the
# dropped ones.
_NEEDS_MAP = re.compile("[\r" + "".join(_DROP) + "]")
_MARK = regex.compile(r"\p{M}")
_REMOVED = re.compile("\r(?=\n)|[" + "".join(_DROP) + "]")


def normalize(original: str) -> NormalizedText:
    """Normalize ``original`` for matching while keeping an offset map."""
    # Combining marks left in NFC text (letters with no precomposed form)
    # make clusters, which only the general path maps as one piece.
    if unicodedata.is_normalized("NFC", original) and not _MARK.search(original):
        if not _NEEDS_MAP.search(original):
            # One-for-one replacements only: offsets are the identity.
            return NormalizedText(original, _fix_tone_placement(_map_chars(original)), None, None)
        return _normalize_removals(original, _removals(original))
    return _normalize_mapped(original)


def _map_chars(text: str) -> str:
    return _MAPPED.sub(lambda m: _CHAR_MAP[m.group()], text)


def _removals(original: str) -> list[int]:
    """Indices of the characters that CRLF and dropping remove."""
    return [m.start() for m in _REMOVED.finditer(original)]


def _normalize_removals(original: str, removed: list[int]) -> NormalizedText:
    """NFC text with CRLF line ends or zero-width characters: cut them out
    with whole ranges at a time, not one character at a time."""
    pieces: list[str] = []
    starts = array("l")
    wide = set()
    prev = 0
    for i in removed:
        pieces.append(original[prev:i])
        starts.extend(range(prev, i))
        if original[i] == "\r":
            # the "\n" that follows stands for both characters
            wide.add(len(starts))
            pieces.append("\n")
            starts.append(i)
            prev = i + 2
        else:
            prev = i + 1
    pieces.append(original[prev:])
    starts.extend(range(prev, len(original)))
    text = _fix_tone_placement(_map_chars("".join(pieces)))
    return NormalizedText(original, text, starts, None, frozenset(wide))


def _normalize_mapped(original: str) -> NormalizedText:
    """The general path: NFC per cluster, dropped characters, CRLF, with a map."""
    out: list[str] = []
    starts = array("l")
    ends = array("l")
    i = 0
    n = len(original)
    while i < n:
        ch = original[i]
        # Gather a base character with its combining marks (NFD input).
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        if ch == "\r" and j < n and original[j] == "\n":
            # "\r\n" becomes one "\n" that spans both characters.
            out.append("\n")
            starts.append(i)
            ends.append(j + 1)
            i = j + 1
            continue
        if ch in _DROP and j == i + 1:
            i = j
            continue
        cluster = original[i:j]
        if j > i + 1 or not cluster.isascii():
            cluster = unicodedata.normalize("NFC", cluster)
        for c in cluster:
            out.append(_CHAR_MAP.get(c, c))
            starts.append(i)
            ends.append(j)
        i = j
    text = "".join(out)
    text = _fix_tone_placement(text)
    return NormalizedText(original, text, starts, ends)


def _fix_tone_placement(text: str) -> str:
    """Move the tone mark of "oà/oè/uỳ" at a syllable end to the first vowel.

    Works on NFD pieces so the length of the text never changes (two
    precomposed letters in, two out).
    """
    if not any(c in text for c in "oOuU"):
        return text

    def repl(m: regex.Match) -> str:
        piece = unicodedata.normalize("NFD", m.group(0))
        letters = [c for c in piece if c not in _TONES]
        tone = next(c for c in piece if c in _TONES)
        first = unicodedata.normalize("NFC", letters[0] + tone)
        rest = unicodedata.normalize("NFC", "".join(letters[1:]))
        fixed = first + rest
        return fixed if len(fixed) == len(m.group(0)) else m.group(0)

    return _OLD_TONE_NFC.sub(repl, text)


def _build_old_tone_pattern() -> regex.Pattern:
    toned = []
    for base in "aăeAĂEyY":
        for tone in _TONES:
            toned.append(unicodedata.normalize("NFC", base + tone))
    cls = "".join(sorted(set(toned)))
    # "oà", "oè", "uỳ" not followed by another letter ("hoàn" keeps its tone).
    # "quỳ"/"quý" keep theirs: after "q" the "u" is not a vowel nucleus.
    return regex.compile(rf"(?<![qQ])(?:[oO][{cls}]|[uU][{''.join(c for c in cls if c.lower() in 'ỳýỷỹỵ')}])(?!\p{{L}})")


_OLD_TONE_NFC = _build_old_tone_pattern()


def assert_same_normalization(new: NormalizedText, old: NormalizedText) -> None:
    """``new`` has ``old``'s text and maps every span as ``old`` does."""
    assert new.text == old.text
    n = len(old.text)
    for start in range(n + 1):
        for end in range(start, n + 1):
            assert new.to_original(start, end) == old.to_original(start, end), (start, end)
