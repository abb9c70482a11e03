"""Text normalization that remembers where every character came from.

Extractors work on a normalized copy of the input (NFC, one tone placement,
plain spaces, ``-`` for every dash, straight quotes kept apart from curly
ones, ``\\n`` line ends).  :class:`NormalizedText` maps any span of that copy
back to the caller's original string, so facts always report offsets into
what the caller gave us.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate, islice
from typing import Optional

import regex
from .grammar.pattern_cache import compile_regex, compile_std

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

# (a class search: str.translate looks up every character, several times slower)
_INVISIBLE = compile_std("[" + "".join(sorted(_DROP)) + "]")


def visible(s: str) -> str:
    """``s`` without the invisible characters normalization drops (zero-width
    spaces and joiners, BOM, soft hyphen): for fields read "as written"."""
    return _INVISIBLE.sub("", s)


# Tone marks (combining) used to fix "hoà"/"hòa" placement below.
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


@dataclass(frozen=True)
class NormalizedText:
    """A normalized copy of ``original`` with an offset map back into it.

    Three kinds of map, the cheapest that fits: none (``_starts`` and
    ``_shifts`` None) when every normalized character sits at the same
    index as its original (one-for-one replacements only); ``_shifts`` when
    characters were only cut out (CRLF line ends, invisible characters) or
    folded into the letter before them (NFD Vietnamese); ``_starts``/``_ends``
    per character otherwise.
    """

    original: str
    text: str
    _starts: Optional[array]  # original start index of each normalized char
    _ends: Optional[array]  # original end index (exclusive) of each normalized char
    # Cut-out map: one entry per removed character, the normalized index
    # from which the characters after it sit one further in the original.
    _shifts: Optional[list[int]] = None
    # With _shifts: each char ends where the next one starts (its cut
    # characters were marks folded into it), not one after its start.
    _ends_at_next: bool = False

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span ``[start, end)`` to the original string."""
        if self._shifts is not None:
            return self._cut_to_original(start, end)
        if self._starts is None:
            return start, end
        if start >= end:
            pos = self._starts[start] if start < len(self.text) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def _cut_to_original(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            pos = self._shifted(start) if start < len(self.text) else len(self.original)
            return pos, pos
        if self._ends_at_next:
            return self._shifted(start), self._shifted(end) if end < len(self.text) else len(self.original)
        last = self._shifted(end - 1)
        # the "\n" of a "\r\n" stands for both characters
        return self._shifted(start), last + (2 if self.original.startswith("\r\n", last) else 1)

    def _shifted(self, i: int) -> int:
        return i + bisect_right(self._shifts, i)

    def original_slice(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]

    def visible_slice(self, start: int, end: int) -> str:
        """The caller's string at normalized ``[start, end)`` without the
        invisible characters normalization drops (see :func:`visible`)."""
        if self._starts is None and self._shifts is None:
            # the identity map: the original holds no character that
            # normalization drops (dropping one changes the length)
            return self.original[start:end]
        return visible(self.original_slice(start, end))


# Characters that change the length of the text: "\r" before "\n", and the
# dropped ones.  (``c in text`` for each is several times faster than one
# class search: it is a memchr-like scan.)
_LENGTH_CHANGING = "\r" + "".join(sorted(_DROP))
# (no replacement is itself replaced: one str.replace per character)
_REPLACEMENTS = tuple(_CHAR_MAP.items())
_MARK = compile_regex(r"\p{M}")
_REMOVED = compile_std("\r(?=\n)|[" + "".join(sorted(_DROP)) + "]")


def normalize(original: str) -> NormalizedText:
    """Normalize ``original`` for matching while keeping an offset map."""
    if "\t" in original:  # (rare: a memchr scan)
        cells = _tab_cells(original)
        if cells is not original:  # one for one: the offsets hold; the caller's string stays the original
            return replace(_normalize(cells), original=original)
    return _normalize(original)


def _normalize(original: str) -> NormalizedText:
    # Combining marks, in NFD text or left in NFC text (letters with no
    # precomposed form), make clusters, which only the folding and the
    # general path map as one piece.
    if not unicodedata.is_normalized("NFC", original) or _MARK.search(original):
        folded = _normalize_folded(original)
        return folded if folded is not None else _normalize_mapped(original)
    if _contains_any(original, _LENGTH_CHANGING):
        return _normalize_cuts(original)
    # One-for-one replacements only: offsets are the identity.
    return NormalizedText(original, _fix_tone_placement(_map_chars(original)), None, None)


# A table row written with tabs: its cells and the tabs between them (a
# run of tabs is one separator).  A first cell that is a list's marker
# ("1.", "a)", "-") makes a numbered line, not a row.
_LINE_END = compile_std(r"(\r\n?|\n)")
_TAB_ROW = compile_std(r"[^\S\t\r\n]*(?P<first>[^\t\r\n]*?)[^\S\r\n]*\t[^\r\n]*")
_TABS_INSIDE = compile_std(r"(?<=\S)[^\S\t\r\n]*\t+(?=[^\S\r\n]*\S)")
_LIST_MARKER = compile_std(r"(?:\d+(?:\.\d+)*[.)]?|\(?[a-zđ][.)]|[-+•*]|[IVX]+\.)")


def _tab_cells(text: str) -> str:
    """``text`` with each tab between two cells of a table written with tabs
    made "|" (the cell separator every table reader reads), one for one;
    ``text`` itself when it holds no such table.  A line's tabs separate
    cells when it has three cells or more, or two and a line next to it has
    cells too, and its first cell is no list marker ("3.\t56 hộ" is an
    item); a tab before the first cell or after the last is indentation."""
    parts = _LINE_END.split(text)  # lines and, between them, their ends ("\r\n", "\r", "\n")
    lines = parts[::2]
    inner = [len(_TABS_INSIDE.findall(line)) if "\t" in line else 0 for line in lines]
    if not any(inner):
        return text
    for i, line in enumerate(lines):
        n = inner[i]
        row = n >= 2 or (n == 1 and ((i > 0 and inner[i - 1]) or (i + 1 < len(lines) and inner[i + 1]))
                          and not _LIST_MARKER.fullmatch(_TAB_ROW.match(line).group("first")))
        if row:
            parts[2 * i] = _TABS_INSIDE.sub(_bars, line)
    return "".join(parts)


def _bars(m: re.Match) -> str:
    """A cell separator of tabs (and the spaces around them) as one "|" and
    spaces, as long as it was."""
    tabs = m.group()
    return tabs.replace("\t", "|", 1).replace("\t", " ")


def _contains_any(text: str, chars: str) -> bool:
    for c in chars:
        if c in text:
            return True
    return False


def _map_chars(text: str) -> str:
    # str.translate looks up every character, a class search stops at each
    # one it changes; ``in`` and str.replace scan as fast as memchr
    for c, replacement in _REPLACEMENTS:
        if c in text:
            text = text.replace(c, replacement)
    return text


def _normalize_cuts(original: str) -> NormalizedText:
    """NFC text with CRLF line ends or zero-width characters: cut them out,
    remembering only where the cuts are."""
    shifts = []
    for k, m in enumerate(_REMOVED.finditer(original)):
        # of a "\r\n" the "\n" counts as cut: the "\n" left maps to the "\r"
        cut = m.start() + 1 if original[m.start()] == "\r" else m.start()
        shifts.append(cut - k)
    text = _fix_tone_placement(_map_chars(_REMOVED.sub("", original)))
    return NormalizedText(original, text, None, None, shifts)


def _normalize_folded(original: str) -> Optional[NormalizedText]:
    """Decomposed text whose every letter with marks composes into one
    character (NFD Vietnamese): those clusters replaced whole, the map kept
    as the positions of the folded marks.  None for any other text (the
    general path, character by character, takes it)."""
    if _contains_any(original, _LENGTH_CHANGING):
        return None
    parts = _LETTER_WITH_MARKS.split(original)  # plain, cluster, plain, ..., plain
    clusters = parts[1::2]
    folded = [_fold_cluster(c) for c in clusters]
    if None in folded:
        return None
    parts[1::2] = folded
    text = "".join(parts)
    # A character left alone that NFC replaces (the general path would)
    # leaves the text not NFC.
    if not unicodedata.is_normalized("NFC", text):
        return None
    # each cluster's marks are cut after its folded character
    at = accumulate(map(len, parts))
    cuts = [index + 1 for index, cluster in zip(islice(at, 0, None, 2), clusters) for _ in range(len(cluster) - 1)]
    return NormalizedText(original, _fix_tone_placement(_map_chars(text)), None, None, cuts, True)


# A character with the marks after it (every combining character is a mark:
# the cluster ends where the marks do).
_LETTER_WITH_MARKS = compile_regex(r"(?s)(.\p{M}+)")


@lru_cache(maxsize=4096)
def _fold_cluster(cluster: str) -> Optional[str]:
    """The one character NFC makes of a letter and its combining marks, or
    None (a mark that does not combine, or no single character)."""
    if not all(unicodedata.combining(c) for c in cluster[1:]):
        return None
    folded = unicodedata.normalize("NFC", cluster)
    return folded if len(folded) == 1 else None


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
    found = _OLD_TONE_NFC.search(text)
    if found is None:  # most texts: no copy made
        return text
    return _OLD_TONE_NFC.sub(_retone, text, pos=found.start())  # (the text before pos is kept)


def _retone(m: regex.Match) -> str:
    piece = unicodedata.normalize("NFD", m.group(0))
    letters = [c for c in piece if c not in _TONES]
    tone = next(c for c in piece if c in _TONES)
    first = unicodedata.normalize("NFC", letters[0] + tone)
    rest = unicodedata.normalize("NFC", "".join(letters[1:]))
    fixed = first + rest
    return fixed if len(fixed) == len(m.group(0)) else m.group(0)


def _build_old_tone_pattern() -> regex.Pattern:
    toned = []
    for base in "aăeAĂEyY":
        for tone in _TONES:
            toned.append(unicodedata.normalize("NFC", base + tone))
    cls = "".join(sorted(set(toned)))
    # "oà", "oè", "uỳ" not followed by another letter ("hoàn" keeps its tone).
    # "quỳ"/"quý" keep theirs: after "q" the "u" is not a vowel nucleus.
    # (the "q" test after the pair: the engine skips faster to a class)
    return compile_regex(rf"(?:[oO][{cls}]|[uU][{''.join(c for c in cls if c.lower() in 'ỳýỷỹỵ')}])(?<![qQ]..)(?!\p{{L}})")


_OLD_TONE_NFC = _build_old_tone_pattern()
