"""Legacy Vietnamese 8-bit encodings: TCVN3 (ABC) and VNI-Windows.

Older government documents were typed in font encodings: the bytes are plain
8-bit text that only the right font (.VnTime, VNI-Times) shows as Vietnamese.
Read as Windows-1252 they look like "NghÞ quyÕt" (TCVN3) or "Nghò quyeát"
(VNI).  The mapping tables are data in ``rules/encodings/*.toml``.

:func:`best_reading` decodes raw bytes every plausible way (Windows-1258,
TCVN3, VNI) and keeps the reading in which most words are Vietnamese
syllables.  :func:`repair_misdecoded` does the same for text that was already
decoded as Latin-1/Windows-1252 and saved as UTF-8.

TCVN3 maps one byte to one character, so offsets are those of the bytes;
VNI turns two-byte sequences into one letter.  Either way the facts' offsets
refer to the converted text.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..errors import E_ENCODING_BYTE, E_ENCODING_MAP, E_ENCODING_TABLE, RulesError
from ..grammar.pattern_cache import compile_std

# A reading is accepted when at least this share of its non-ASCII words are
# Vietnamese syllables.
THRESHOLD = 0.6
# Fewer non-ASCII words than this is too little evidence to call a file
# undecodable; Windows-1258 is then kept as before.
MIN_EVIDENCE = 3

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_ONSETS = "ngh ng nh ch gh gi kh ph th tr qu b c d đ g h k l m n p r s t v x".split()
_NUCLEI = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy "
    "ưa ưi ươ ưu yê iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu"
).split()
_CODAS = "ch nh ng c m n p t".split()


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Linear in practice: tokens are capped at 12 characters before matching.
_SYLLABLE = compile_std(f"(?:{_alt(_ONSETS)})?(?:{_alt(_NUCLEI)})(?:{_alt(_CODAS)})?")
_EDGE_PUNCT = "\"'()[]{}<>.,;:!?-–—…“”‘’/\\*|_+=~`@#$%^&"
# Letters only Vietnamese uses (outside Latin-1): ă đ ĩ ũ ơ ư, U+1EA0..U+1EF9, combining tones.
_VIETNAMESE_ONLY = compile_std("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
                              "\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]")


def is_syllable(word: str) -> bool:
    """True if ``word`` (any case, NFC or NFD) is a well-formed Vietnamese syllable."""
    if not word or len(word) > 12:
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(decomposed.count(t) for t in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


@dataclass(frozen=True)
class Score:
    """How Vietnamese a reading looks: syllables among the non-ASCII words."""

    valid: int
    total: int

    @property
    def ratio(self) -> float:
        return self.valid / self.total if self.total else 0.0


def score(text: str, limit: int = 200_000) -> Score:
    """Count the non-ASCII words of ``text`` (first ``limit`` characters) that are syllables."""
    valid = total = 0
    for token in text[:limit].split():
        word = token.strip(_EDGE_PUNCT)
        if not word or word.isascii() or any(c.isdigit() for c in word):
            continue
        total += 1
        valid += is_syllable(word)
    return Score(valid, total)


# --- tables --------------------------------------------------------------


def encodings_dir() -> Path:
    """``rules/encodings`` inside the bundled rules folder."""
    from ..grammar.rules import bundled_rules_dir

    return bundled_rules_dir() / "encodings"


def _load(name: str, key: str) -> dict[str, str]:
    path = encodings_dir() / f"{name}.toml"
    try:
        with path.open("rb") as fh:
            table = tomllib.load(fh)[key]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise RulesError(E_ENCODING_TABLE.format(path=path, problem=exc)) from exc
    if not isinstance(table, dict) or not all(isinstance(v, str) and v for v in table.values()):
        raise RulesError(E_ENCODING_MAP.format(path=path, key=key))
    return {k: unicodedata.normalize("NFC", v) for k, v in table.items()}


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined
        return chr(byte)


@lru_cache(maxsize=1)
def _tcvn3() -> tuple[dict[int, str], frozenset[str]]:
    """The byte translation table and the set of converted letters."""
    table = _load("tcvn3", "bytes")
    chars = [_cp1252_char(b) for b in range(256)]
    for key, value in table.items():
        byte = int(key, 16)
        if not 0x80 <= byte <= 0xFF or len(value) != 1:
            raise RulesError(E_ENCODING_BYTE.format(key=key))
        chars[byte] = value
    return _translation("".join(chars)), frozenset(table.values())


@lru_cache(maxsize=1)
def _vni() -> tuple[dict[str, str], re.Pattern]:
    table = _load("vni", "sequences")
    # Literal alternation, longest first: one left-to-right pass, no backtracking.
    return table, compile_std(_alt(list(table)))


def _translation(chart: str) -> dict[int, str]:
    return {i: c for i, c in enumerate(chart) if ord(c) != i}


_CP1252 = _translation("".join(_cp1252_char(b) for b in range(256)))


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes to Unicode, one character per byte (capital headings and
    capitals with a tone at sentence starts restored)."""
    chart, converted = _tcvn3()
    text = data.decode("latin-1").translate(chart)
    return _capitalize_starts(_restore_capitals(text, converted), converted)


# Where a word must start with a capital: at a line start (after a bullet or
# an opening quote), after a sentence end, and after the dash between a name
# and its title ("Phạm Tất Thắng - Ủy viên Trung ương").
_STARTS = compile_std(
    r"(?:^[^\S\n]*(?:[-–+•*][^\S\n]+)?|[.!?][^\S\n]+|(?P<dash>[^\W\d_][^\S\n]+[-–][^\S\n]+))"
    r"[\"'“‘(\[]*(?P<letter>[^\W\d_])", re.M)


def _capitalize_starts(text: str, converted: frozenset[str]) -> str:
    """TCVN3 has no capitals with a tone mark ("Ủ", "Ả"): such a letter was
    typed lower-case.  Make it a capital where a word must start with one
    (line start, sentence start, after a name's dash); the length of the
    text never changes, so offsets stay byte positions."""

    def fix(m: re.Match) -> str:
        letter = m.group("letter")
        # only a letter whose capital TCVN3 cannot write ("đ" was typed
        # lower-case on purpose: "Đ" has its own code)
        if letter not in converted or not letter.islower() or letter.upper() in converted:
            return m.group()
        if len(letter.upper()) != 1:
            return m.group()
        if m.group("dash"):  # only after a capitalized word (a name)
            i = m.start("dash")
            while i > 0 and m.string[i - 1].isalpha():
                i -= 1
            if not m.string[i].isupper():
                return m.group()
        return m.group()[:-1] + letter.upper()

    return _STARTS.sub(fix, text)


def decode_vni(data: bytes) -> str:
    """VNI-Windows bytes to Unicode (two-byte letters become one character)."""
    table, pattern = _vni()
    text = data.decode("latin-1").translate(_CP1252)
    return pattern.sub(lambda m: table[m.group()], text)


_WORD = compile_std(r"\S+")


def _restore_capitals(text: str, converted: frozenset[str]) -> str:
    """Upper-case TCVN3 letters inside capitalized words and all-caps lines
    (and lower-case a capital code inside a lowercase word).

    A heading typed in the uppercase font (.VnTimeH) carries lowercase codes:
    "NGHÞ QUYÕT" reads "NGHị QUYết"; this makes it "NGHỊ QUYẾT".
    """
    out = []
    for line in text.splitlines(keepends=True):
        ascii_letters = [c for c in line if c.isascii() and c.isalpha()]
        caps_line = len(ascii_letters) >= 4 and not any(c.islower() for c in ascii_letters)

        def fix(m: re.Match) -> str:
            word = m.group()
            if not any(c in converted for c in word):
                return word
            letters = [c for c in word if c.isascii() and c.isalpha()]
            if caps_line or (len(letters) >= 2 and all(c.isupper() for c in letters)):
                return "".join(c.upper() if c in converted and len(c.upper()) == 1 else c for c in word)
            # a capital right after a lowercase letter is the lowercase letter
            # ("Tr¦êng" is "Trường": some files use the capital codes inside words)
            return "".join(
                c.lower() if c in converted and c.isupper() and i and word[i - 1].islower() else c
                for i, c in enumerate(word)
            )

        out.append(_WORD.sub(fix, line))
    return "".join(out)


# --- choosing a reading ----------------------------------------------------


@dataclass(frozen=True)
class Reading:
    encoding: str  # "cp1258", "tcvn3" or "vni"
    text: str
    score: Score


def readings(data: bytes) -> list[Reading]:
    """Every way of reading non-UTF-8 bytes, in order of preference on a tie."""
    out = []
    try:
        text = data.decode("cp1258")
        out.append(Reading("cp1258", text, score(unicodedata.normalize("NFC", text))))
    except UnicodeDecodeError:
        pass
    for name, decode in (("tcvn3", decode_tcvn3), ("vni", decode_vni)):
        text = decode(data)
        out.append(Reading(name, text, score(text)))
    return out


def best_reading(data: bytes) -> tuple[Optional[Reading], list[Reading]]:
    """The most Vietnamese reading above :data:`THRESHOLD` (ties keep the earlier), and all readings."""
    all_readings = readings(data)
    best = None
    for r in all_readings:
        if r.score.valid and r.score.ratio >= THRESHOLD and (best is None or r.score.ratio > best.score.ratio):
            best = r
    return best, all_readings


def _bytes_back(text: str) -> Optional[bytes]:
    """The 8-bit bytes that, read as Windows-1252 or Latin-1, gave ``text``."""
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        pass
    out = bytearray()
    for ch in text:
        if ord(ch) < 256:
            out.append(ord(ch))
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                return None
    return bytes(out)


def _decode_cp1258(data: bytes) -> Optional[str]:
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError:
        return None


def repair_misdecoded(text: str) -> Optional[Reading]:
    """A Windows-1258/TCVN3/VNI reading of UTF-8 text that is really a legacy file read as Latin-1.

    Only text with no Vietnamese-only letter and some Latin-1 letters is tried,
    and the legacy reading must beat the text as it is.
    """
    if _VIETNAMESE_ONLY.search(text) or not re.search("[\u00a0-\u00ff]", text):
        return None
    raw = _bytes_back(text)
    if raw is None:
        return None
    as_is = score(unicodedata.normalize("NFC", text))
    best = None
    for name, decode in (("cp1258", _decode_cp1258), ("tcvn3", decode_tcvn3), ("vni", decode_vni)):
        converted = decode(raw)
        if converted is None:
            continue
        s = score(unicodedata.normalize("NFC", converted))
        if s.valid and s.ratio >= THRESHOLD and s.ratio > as_is.ratio and (best is None or s.ratio > best.score.ratio):
            best = Reading(name, converted, s)
    return best
