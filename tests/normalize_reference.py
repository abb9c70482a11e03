"""What the fast normalization must equal, character for character and
offset for offset (tests/test_normalize_reference.py, tests/test_offsets.py).

- The text and its offsets: the general path, ``text._normalize_mapped``
  (NFC cluster by cluster, every character's start and end kept), which
  every other path only shortens, over the text with the tabs between the
  cells of a table made "|" (``text._tab_cells``, one for one, before every
  path).
- The tone fix: one substitution over the whole text with the tone
  pattern as first written (the "q" look-behind before the pair), which
  the fast fix (a search, then a substitution from its match) must equal.
"""

from __future__ import annotations

import unicodedata

import regex

from dataclasses import replace

from danvan_extract.text import _TONES, NormalizedText, _normalize_mapped, _retone, _tab_cells


def normalize(original: str) -> NormalizedText:
    """The general path's normalization of ``original``."""
    return replace(_normalize_mapped(_tab_cells(original)), original=original)


def _first_tone_pattern() -> regex.Pattern:
    toned = sorted({unicodedata.normalize("NFC", base + tone) for base in "aăeAĂEyY" for tone in _TONES})
    cls = "".join(toned)
    y_tones = "".join(c for c in cls if c.lower() in "ỳýỷỹỵ")
    return regex.compile(rf"(?<![qQ])(?:[oO][{cls}]|[uU][{y_tones}])(?!\p{{L}})")


_FIRST_TONE = _first_tone_pattern()


def fix_tone_placement(text: str) -> str:
    """The tone fix as one substitution over ``text``."""
    return _FIRST_TONE.sub(_retone, text)


def assert_same_normalization(new: NormalizedText, old: NormalizedText) -> None:
    """``new`` has ``old``'s text and maps every span as ``old`` does."""
    assert new.text == old.text
    n = len(old.text)
    for start in range(n + 1):
        for end in range(start, n + 1):
            assert new.to_original(start, end) == old.to_original(start, end), (start, end)
