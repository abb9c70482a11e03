"""Anchor promises: where the matches of a pattern can start
(:class:`Anchors`, built from the rules' words by their keys:
:func:`anchor_key`), and the pattern that carries one (:class:`ScanPattern`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..grammar.lazy import compile_pattern
from ..grammar.pattern_cache import compile_regex

# Part of the anchor promise: a match of an anchored pattern is at most this
# long, or, for a "line" anchor, does not go past the end of its line.
MAX_MATCH_CHARS = 300

# A slash inside a word stays in its key ("đ/c", not "đ": every word opening
# with "đ"), and so does the dot after a one-letter abbreviation ("q." of
# "Q. Giám đốc", not "q": every word opening with "q").
_LEADING_SYLLABLES = compile_regex(r"\p{L}\.(?!\p{L})|\p{L}+(?:/\p{L}+)*(?:\s+\p{L}+)?")
# A word of letter syllables only: its key is the whole word.
_LETTER_SYLLABLES = compile_regex(r"\p{L}+(?:/\p{L}+)*(?:\s+\p{L}+(?:/\p{L}+)*)*")
# Entries of ``after_word`` that stand for a kind of character opening the
# next word (past one white space character at least), not for a word:
# "capital", an upper-case letter (a name after "ông"); "letter", any letter
# (the noun a spelled number counts).
WORD_CLASSES = {"capital": r"\p{Lu}", "letter": r"\p{L}"}
# Entries of ``after`` that stand for a kind of character, for the standard
# library's engine: "digit", a decimal digit; "letter", a letter (and the
# few numerals ``\w`` also takes: a wider net loses no position).
AFTER_CLASSES = {"digit": r"\d", "letter": r"[^\W\d_]"}


def anchor_key(word: str) -> Optional[str]:
    """``word`` lower-cased, one space between its syllables, if it is made
    of letters only ("bí thư huyện ủy"); else its first one or two
    syllables ("covid" for "Covid-19"); None if it opens with no letter.
    The whole word makes the fewest anchors: "chính trị viên" is rare where
    "chính trị" is everywhere (the scan finds the longest key at a place)."""
    word = word.strip()
    m = _LETTER_SYLLABLES.fullmatch(word) or _LEADING_SYLLABLES.match(word)
    return " ".join(m.group(0).lower().split()) if m else None


def _normal_words(words: Iterable[str]) -> frozenset:
    return frozenset(" ".join(w.split()) for w in words)


@dataclass(frozen=True)
class Anchors:
    """Where matches of a pattern can start.

    ``digit``: at the first digit of a run of digits (with ``after``, a
    run followed by one of those words past white space); ``number``: where
    the number reader found a number written in digits, and with ``after``
    only a number followed by one of those words ("digit": a digit) past
    its multiplier and white space, itself or through a range ("5 - 7
    triệu đồng"); ``line``: at the
    start of a line (and the match stays on that line), with ``after``
    only a line that opens with one of those words past white space, with
    ``holds`` only a line where that pattern (any case, ``$`` at a line's
    end, staying on one line) is found;
    ``words``: at one
    of these words (any case) at the start of a word (no letter before),
    with white space between its syllables, and with ``word_after`` only
    where one of the anchor words in full (``lead``) is followed by one of
    those past white space ("capital", "letter": :data:`WORD_CLASSES`).  Such a match is at most ``MAX_MATCH_CHARS`` long.  An empty promise (nothing set) means
    "anywhere": scan in full.
    """

    digit: bool = False
    line: bool = False
    words: frozenset = frozenset()
    number: bool = False
    after: frozenset = frozenset()
    word_after: frozenset = frozenset()
    lead: frozenset = frozenset()  # the anchor words in full, kept for ``word_after``
    holds: str = ""  # with ``line``: a pattern found on every matching line

    @classmethod
    def of(cls, *, digit: bool = False, line: bool = False, number: bool = False,
           words: Iterable[str] = (), after: Iterable[str] = (), word_after: Iterable[str] = (),
           holds: str = "") -> "Anchors":
        keys, lead = set(), set()
        for w in words:
            k = anchor_key(w)
            if k is None:
                return cls()  # a word that starts with no letter: no promise
            keys.add(k)
            lead.add(" ".join(w.lower().split()))
        word_after = _normal_words(word_after)
        return cls(digit=digit, line=line, words=frozenset(keys), number=number, after=_normal_words(after),
                   word_after=word_after, lead=frozenset(lead) if word_after and keys else frozenset(),
                   holds=holds)

    @property
    def anywhere(self) -> bool:
        return not (self.digit or self.line or self.words or self.number)


@dataclass(frozen=True)
class PatternSource:
    """A pattern and its flags, compiled on the first use of
    :attr:`ScanPattern.regex` (compiling is most of a cold start, and a
    text meets only some of the patterns)."""

    pattern: str
    flags: int = 0


@dataclass
class ScanPattern:
    """A compiled pattern (or its :class:`PatternSource`) with its anchor
    promise and a name for errors."""

    name: str
    regex: regex.Pattern
    anchors: Anchors = field(default_factory=Anchors)

    def __post_init__(self) -> None:
        self.anywhere = self.anchors.anywhere
        # tried at its anchors only, which may be none in a text
        self.at_anchors = not (self.anywhere or self.anchors.holds)
        rx = self.regex
        # equal for patterns that find the same matches: a text is scanned once for them
        self.scan_key = (rx.pattern, rx.flags, repr(self.anchors))
        if isinstance(rx, PatternSource):
            self._source = rx
            del self.regex  # compiled by __getattr__ when first asked for

    def __getattr__(self, name: str):
        # only called for an attribute not set: ``regex`` before its first use
        source = self.__dict__.get("_source")
        if name != "regex" or source is None:
            raise AttributeError(name)
        self.regex = compiled = compile_pattern(source.pattern, source.flags)  # (first-use time)
        return compiled
