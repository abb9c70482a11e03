"""The characters of the anchor scans: the rules' white space (by
character and for the standard library's engine) and the class of
characters that are not letters, which an anchor word starts after."""

from __future__ import annotations

from ..grammar.pattern_cache import compile_regex

_SPACE = compile_regex(r"\s*")  # the rules' white space, not str.isspace()
# The rules' white space on one line (the ``regex`` module's ``[^\S\n]``,
# Unicode White_Space) spelled out for the standard library's engine, whose
# ``\s`` differs; a test checks it against ``regex`` for every character.
LINE_WHITE = "\t\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# The characters of the rules' white space (``_SPACE``), for a test by character.
WHITE = frozenset("\n\t\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
                   + "".join(map(chr, range(0x2000, 0x200B))))


def past_space(text: str, pos: int) -> int:
    """``_SPACE.match(text, pos).end()``: where the text goes on past the
    white space at ``pos`` (most often none, or one space: told by
    character, without a call of the engine)."""
    if text[pos:pos + 1] not in WHITE:  # ("" at the end: no white space)
        return pos
    if text[pos + 1:pos + 2] not in WHITE:
        return pos + 1
    return _SPACE.match(text, pos).end()


# The characters the standard library's \w takes that are neither letters
# nor decimal digits nor "_": numerals such as "²", "½", "Ⅻ" (Unicode No
# and Nl).  A rule's "no letter before" holds after them, so an anchor word
# can start there ("km²bác sĩ").  tests/test_anchors.py checks the
# table against this Python's Unicode database.
_NUMERALS = (
    (0xB2, 0xB3), (0xB9, 0xB9), (0xBC, 0xBE), (0x9F4, 0x9F9), (0xB72, 0xB77), (0xBF0, 0xBF2),
    (0xC78, 0xC7E), (0xD58, 0xD5E), (0xD70, 0xD78), (0xF2A, 0xF33), (0x1369, 0x137C),
    (0x16EE, 0x16F0), (0x17F0, 0x17F9), (0x19DA, 0x19DA), (0x2070, 0x2070), (0x2074, 0x2079),
    (0x2080, 0x2089), (0x2150, 0x2182), (0x2185, 0x2189), (0x2460, 0x249B), (0x24EA, 0x24FF),
    (0x2776, 0x2793), (0x2CFD, 0x2CFD), (0x3007, 0x3007), (0x3021, 0x3029), (0x3038, 0x303A),
    (0x3192, 0x3195), (0x3220, 0x3229), (0x3248, 0x324F), (0x3251, 0x325F), (0x3280, 0x3289),
    (0x32B1, 0x32BF), (0xA6E6, 0xA6EF), (0xA830, 0xA835), (0x10107, 0x10133), (0x10140, 0x10178),
    (0x1018A, 0x1018B), (0x102E1, 0x102FB), (0x10320, 0x10323), (0x10341, 0x10341),
    (0x1034A, 0x1034A), (0x103D1, 0x103D5), (0x10858, 0x1085F), (0x10879, 0x1087F),
    (0x108A7, 0x108AF), (0x108FB, 0x108FF), (0x10916, 0x1091B), (0x109BC, 0x109BD),
    (0x109C0, 0x109CF), (0x109D2, 0x109FF), (0x10A40, 0x10A48), (0x10A7D, 0x10A7E),
    (0x10A9D, 0x10A9F), (0x10AEB, 0x10AEF), (0x10B58, 0x10B5F), (0x10B78, 0x10B7F),
    (0x10BA9, 0x10BAF), (0x10CFA, 0x10CFF), (0x10E60, 0x10E7E), (0x10F1D, 0x10F26),
    (0x10F51, 0x10F54), (0x10FC5, 0x10FCB), (0x11052, 0x11065), (0x111E1, 0x111F4),
    (0x1173A, 0x1173B), (0x118EA, 0x118F2), (0x11C5A, 0x11C6C), (0x11FC0, 0x11FD4),
    (0x12400, 0x1246E), (0x16B5B, 0x16B61), (0x16E80, 0x16E96), (0x1D2E0, 0x1D2F3),
    (0x1D360, 0x1D378), (0x1E8C7, 0x1E8CF), (0x1EC71, 0x1ECAB), (0x1ECAD, 0x1ECAF),
    (0x1ECB1, 0x1ECB4), (0x1ED01, 0x1ED2D), (0x1ED2F, 0x1ED3D), (0x1F100, 0x1F10C),
)


def _ranges(ranges) -> str:
    return "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


# Letters of most texts (ASCII, Latin-1, Latin Extended-A and -B, the
# Vietnamese block), every one of them a letter: a class of a few ranges
# the engine makes one table of.
_COMMON_LETTERS = "a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1ea0-\u1eff"
# One character that is not a letter.  The first class passes over most of
# a text's letters at one table look-up each; the look-behind then tells
# the characters it lets through apart (a letter of another script, a
# numeral) with the categories, which the engine tests one entry at a time.
# (tests/test_anchors.py checks the whole against ``\p{L}`` over every code point.)
NOT_COMMON_LETTER = f"[^{_COMMON_LETTERS}]"
NO_LETTER_BEFORE = f"(?<![^\\W\\d_{_ranges(_NUMERALS)}])"
_NOT_LETTER = NOT_COMMON_LETTER + NO_LETTER_BEFORE
