"""Anchored scanning: run a pattern only where a match can start.

A pattern whose every match begins with a digit, at a line start, or with
one of a known set of words does not need the regex engine to try it at
every character.  One cheap pass per document finds those anchor
positions (digit runs, line starts, and every anchor word of every
pattern (its key: :func:`anchor_key`), in a single combined scan), and each
anchored pattern is then tried with ``match`` at its anchors only.

The result is exactly what ``pattern.finditer(text)`` gives, provided the
anchor promise holds: every match starts at an anchor.  Tests check that
equality for every bundled rule on the gold articles, the example corpora
and generated text.  A pattern without a promise is scanned in full.

Every pattern runs under the document's time budget, so no pattern can
hang a batch: a full scan with the ``regex`` module's ``timeout``; the
calls at anchors under one SIGALRM timer set to the deadline where the
process allows it (:class:`_Alarm`), else each with the ``timeout``.  The
anchor scan itself is a trie of literals, linear by construction.
"""

from __future__ import annotations

import bisect
from itertools import accumulate, chain, count
from operator import add
import re
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple, Optional

import regex

try:  # the C functions under ``signal``, without its enum conversions (a fifth of a microsecond each)
    import _signal as _sig
except ImportError:  # pragma: no cover - another Python implementation
    _sig = signal

from ..grammar.alternation import word_alternation
from ..grammar.lazy import FirstUse, FirstUseMark, compile_pattern, first_use
from ..grammar.pattern_cache import compile_std
from .budget import StageClock
from ..errors import E_ANCHOR, E_TIMEOUT, ExtractionTimeout, RulesError
from ..grammar.pattern_cache import compile_regex

# the standard library's re.compile, its time counted as first use (the anchor scans' helpers, built when first needed)
_compile_std = first_use(compile_std)

_DIGIT_RUN = compile_regex(r"\d+\s*")  # a run of digits and the white space after it
_SPACE = compile_regex(r"\s*")  # the rules' white space, not str.isspace()
# The rules' white space on one line (the ``regex`` module's ``[^\S\n]``,
# Unicode White_Space) spelled out for the standard library's engine, whose
# ``\s`` differs; a test checks it against ``regex`` for every character.
LINE_WHITE = "\t\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# The characters of the rules' white space (``_SPACE``), for a test by character.
_WHITE = frozenset("\n\t\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
                   + "".join(map(chr, range(0x2000, 0x200B))))


def _past_space(text: str, pos: int) -> int:
    """``_SPACE.match(text, pos).end()``: where the text goes on past the
    white space at ``pos`` (most often none, or one space: told by
    character, without a call of the engine)."""
    if text[pos:pos + 1] not in _WHITE:  # ("" at the end: no white space)
        return pos
    if text[pos + 1:pos + 2] not in _WHITE:
        return pos + 1
    return _SPACE.match(text, pos).end()


# Part of the anchor promise: a match of an anchored pattern is at most this
# long, or, for a "line" anchor, does not go past the end of its line.
MAX_MATCH_CHARS = 300
# With more than one anchor per this many characters, scan in full instead.
_DENSE = 16

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
_NOT_COMMON_LETTER = f"[^{_COMMON_LETTERS}]"
_NO_LETTER_BEFORE = f"(?<![^\\W\\d_{_ranges(_NUMERALS)}])"
_NOT_LETTER = _NOT_COMMON_LETTER + _NO_LETTER_BEFORE

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


def _on_alarm(signum, frame):
    raise TimeoutError


class _Alarm:
    """The document's deadline as one SIGALRM timer around a pattern's calls
    at its anchors.  The regex engine checks for signals while it matches,
    so the timer stops a runaway match as the ``timeout`` argument would,
    without its cost on every call (three times a plain ``match``).  Used
    only where it disturbs nothing: the main thread (signals are delivered
    there), SIGALRM with its default handler and no timer running."""

    usable = hasattr(signal, "setitimer")

    @classmethod
    def free(cls) -> bool:
        # (asked once per document: the C functions, without enum conversions)
        return (cls.usable and threading.get_ident() == threading.main_thread().ident
                and _sig.getsignal(_sig.SIGALRM) == _sig.SIG_DFL
                and _sig.getitimer(_sig.ITIMER_REAL)[0] == 0.0)

    @staticmethod
    def run(deadline: float, fn, *args):
        """``fn(*args)``, raising TimeoutError once ``deadline`` (monotonic)
        has passed: under the open :class:`AlarmSession`, else under a
        handler and timer of its own."""
        session = alarm_session()
        if session.open:
            return session.run(deadline, fn, *args)
        previous = _sig.signal(_sig.SIGALRM, _on_alarm)
        try:
            _sig.setitimer(_sig.ITIMER_REAL, max(deadline - time.monotonic(), 1e-6))  # 0 would disarm it
            return fn(*args)
        finally:
            # nested, so that an alarm arriving right here still restores the handler
            try:
                _sig.setitimer(_sig.ITIMER_REAL, 0)
            finally:
                _sig.signal(_sig.SIGALRM, previous)


class AlarmSession:
    """One SIGALRM handler and timer for all the pattern runs of a document
    (four system calls per pattern otherwise).  The timer is set to the
    deadline, again only when the deadline moves; an alarm raises
    TimeoutError inside a pattern run only (between runs, the next run
    finds its deadline passed).  Opens only where :class:`_Alarm` is free
    (so in the main thread only; one per thread: :func:`alarm_session`);
    handler and timer are gone once the ``with`` block is left."""

    def __init__(self):
        self.open = False
        self._depth = 0
        self._running = False
        self._armed: Optional[float] = None
        self._rang = False
        self._previous = None

    def __enter__(self) -> "AlarmSession":
        self._depth += 1
        if self._depth == 1 and _Alarm.free():
            self._previous = _sig.signal(_sig.SIGALRM, self._on_alarm)
            self._armed, self._running, self._rang, self.open = None, False, False, True
        return self

    def __exit__(self, *exc) -> None:
        self._depth -= 1
        if self._depth == 0 and self.open:
            self.open = False
            try:
                _sig.setitimer(_sig.ITIMER_REAL, 0)
            finally:
                _sig.signal(_sig.SIGALRM, self._previous)

    def _on_alarm(self, signum, frame):
        if self._running:
            raise TimeoutError
        self._rang = True  # between runs: the next run of this deadline stops at once

    def run(self, deadline: float, fn, *args):
        """``fn(*args)``, raising TimeoutError once ``deadline`` has passed."""
        if deadline != self._armed:
            self._armed, self._rang = deadline, False
            _sig.setitimer(_sig.ITIMER_REAL, max(deadline - time.monotonic(), 1e-6))
        elif self._rang or time.monotonic() >= deadline:
            # the alarm rang between runs: no timer is left to stop this one
            raise TimeoutError
        self._running = True
        try:
            return fn(*args)
        finally:
            self._running = False


# Each thread's session.  (A plain object in a ``threading.local`` rather
# than a ``threading.local`` itself: its attributes, read on every pattern
# run, are then plain attributes.)
_SESSIONS = threading.local()


def alarm_session() -> AlarmSession:
    """This thread's :class:`AlarmSession`, to open around one document."""
    try:
        return _SESSIONS.session
    except AttributeError:
        session = _SESSIONS.session = AlarmSession()
        return session


def _all_matches(rx: regex.Pattern, text: str) -> list[regex.Match]:
    return list(rx.finditer(text))


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


class AnchorIndex:
    """One scan per document for the anchor keys of all anchored patterns."""

    def __init__(self, patterns: Iterable[ScanPattern], check: bool = False,
                 number_reader: Optional[ScanPattern] = None):
        # check: also scan in full and fail loudly where an anchor promise
        # is broken (for people writing rules; twice the work)
        self.check = check
        patterns = list(patterns)
        self.number_reader = number_reader
        self._followers: dict[frozenset, re.Pattern] = {}
        self._word_followers: dict[tuple[frozenset, frozenset], re.Pattern] = {}
        self._opens: dict[frozenset, _Opens] = {}
        self._line_openers: dict[tuple, tuple[re.Pattern, re.Pattern]] = {}
        # the ``after`` sets of the line promises: one search finds the lines of all
        self.line_afters = tuple(sorted({p.anchors.after for p in patterns if p.anchors.line and p.anchors.after},
                                        key=sorted))
        self._holders: dict[str, regex.Pattern] = {}
        self._promise_numbers: dict[Anchors, int] = {}
        self._promises: dict[int, _Promise] = {}
        keys = sorted({k for p in patterns for k in p.anchors.words})
        # At every word start (no letter before), the longest key there,
        # any white space between its syllables.  A look-ahead, so a
        # hit of several syllables does not hide a key starting at its
        # second one.  The standard library's engine is twice as fast on this
        # plain trie of literals, which is linear by construction and so
        # needs no time-out.
        trie = word_alternation(keys)
        # Found from the character before the word (anything but a letter:
        # the engine skips to those quickly); a space is put before the text.
        # The trie before the look-behind of :data:`_NOT_LETTER`: the trie
        # fails at once at most separators, the look-behind is slower.
        self.syllable_re = (compile_std(f"{_NOT_COMMON_LETTER}(?=({trie})){_NO_LETTER_BEFORE}")
                            if keys else None)
        # Each key found also stands for the shorter keys it starts with
        # ("nhiệm kỳ" for "nhiệm", "bao" for "ba").
        known = frozenset(keys)
        self.prefixes_of = {k: frozenset(k[:i] for i in range(1, len(k) + 1) if k[:i] in known) for k in keys}
        self._accepting: dict[int, tuple[Anchors, frozenset]] = {}
        # The scan keys of the patterns tried at anchors, by promise: a
        # document tells at once for which of them it has no position
        # (most, on most texts; a short paragraph has none for nearly all).
        groups: dict[int, tuple[_Promise, list]] = {}
        for p in patterns:
            if p.at_anchors:
                promise = self.promise(p.anchors)
                groups.setdefault(promise.key, (promise, []))[1].append(p.scan_key)
        self.anchored = [(promise, tuple(dict.fromkeys(keys))) for promise, keys in groups.values()]

    def follower(self, anchors: Anchors) -> re.Pattern:
        """A pattern matching where one of ``anchors.after`` starts (cached
        by the words: the money rules share theirs)."""
        got = self._followers.get(anchors.after)
        if got is None:
            got = self._followers[anchors.after] = _compile_std(_one_of(anchors.after), re.IGNORECASE)
        return got

    def line_opener(self, afters: tuple) -> tuple[re.Pattern, re.Pattern]:
        """Two patterns for the lines one of the words of ``afters`` (a tuple
        of ``after`` sets) opens past white space: one matching at the text's
        start, one searched for from each line break; group ``i`` of a match
        is set when a word of ``afters[i]`` opens that line (cached)."""
        got = self._line_openers.get(afters)
        if got is None:
            which = "".join(f"(?:(?={_one_of(after)})())?" for after in afters)
            opening = f"[{LINE_WHITE}]*(?={_one_of(frozenset().union(*afters))}){which}"
            got = _compile_std(opening, re.IGNORECASE), _compile_std("\n" + opening, re.IGNORECASE)
            self._line_openers[afters] = got
        return got

    def holder(self, anchors: Anchors) -> regex.Pattern:
        """``anchors.holds`` compiled, any case, ``$`` at each line end (cached)."""
        got = self._holders.get(anchors.holds)
        if got is None:
            got = self._holders[anchors.holds] = compile_pattern(anchors.holds, regex.IGNORECASE | regex.MULTILINE)
        return got

    def word_follower(self, anchors: Anchors) -> re.Pattern:
        """A pattern matching where one of ``anchors.lead`` starts, followed
        past white space by one of ``anchors.word_after`` (cached)."""
        key = (anchors.lead, anchors.word_after)
        got = self._word_followers.get(key)
        if got is None:
            got = self._word_followers[key] = _word_follower(anchors.lead, anchors.word_after)
        return got

    def opens(self, anchors: Anchors) -> "_Opens":
        """Whether a character can open one of ``anchors.after`` (any case,
        as the follower reads it), by character, asked once each (cached
        by the words): a dictionary look-up spares most follower calls."""
        got = self._opens.get(anchors.after)
        if got is None:
            after = anchors.after
            decides = all(len(w) == 1 for w in after - AFTER_CLASSES.keys())
            got = self._opens[after] = _Opens(self._opener(after), decides)
        return got

    @staticmethod
    def _opener(after: frozenset) -> re.Pattern:
        """The first characters of the follower's words (and its classes of
        :data:`AFTER_CLASSES`), with its flags."""
        firsts = sorted({w[0] for w in after - AFTER_CLASSES.keys()})
        parts = [re.escape(c) for c in firsts] + [AFTER_CLASSES[w] for w in sorted(after & AFTER_CLASSES.keys())]
        return _compile_std("|".join(parts), re.IGNORECASE)

    def promise_key(self, anchors: Anchors) -> int:
        """A number per promise, the same for equal promises."""
        return self.promise(anchors).key

    def promise(self, anchors: Anchors) -> "_Promise":
        """What a document needs to know of a promise before its positions
        (looked up by the object's identity: hashing the dataclass is the
        slow part)."""
        got = self._promises.get(id(anchors))
        if got is None:
            key = self._promise_numbers.setdefault(anchors, len(self._promise_numbers))
            reader = self.number_reader is not None
            got = self._promises[id(anchors)] = _Promise(
                anchors, key, words=self.accepting(anchors) if anchors.words else None,
                digits=anchors.digit or (anchors.number and not reader), numbers=anchors.number and reader,
                lines=anchors.line or bool(anchors.holds))
        return got

    def accepting(self, anchors: Anchors) -> frozenset:
        """The keys whose positions are anchors of ``anchors``: its words
        and the longer keys that start with one of them (cached)."""
        got = self._accepting.get(id(anchors))
        if got is None:
            keys = frozenset(k for k, prefixes in self.prefixes_of.items() if not anchors.words.isdisjoint(prefixes))
            got = self._accepting[id(anchors)] = (anchors, keys)  # holds the Anchors, so its id stays its own
        return got[1]


def _one_of(words: frozenset) -> str:
    """A pattern matching one of ``words`` (any white space between their
    syllables; "digit", "letter": :data:`AFTER_CLASSES`)."""
    literal = [w for w in words if w not in AFTER_CLASSES]
    parts = [word_alternation(literal)] if literal else []
    parts += [AFTER_CLASSES[w] for w in sorted(words & AFTER_CLASSES.keys())]
    return "|".join(parts)


def _word_follower(lead: frozenset, after: frozenset) -> re.Pattern | regex.Pattern:
    """A pattern matching one of ``lead`` (any case), white space and one of
    ``after``: words in any case, or, past one white space character at
    least (the next word), a kind of character of :data:`WORD_CLASSES` in
    the case written.  With a kind, a pattern of the ``regex`` module, which
    has the classes (the standard library's engine has no ``\\p{Lu}``, and
    its ignore-case would take a lower-case letter for an upper-case one)."""
    classes = "|".join(WORD_CLASSES[w] for w in sorted(after & WORD_CLASSES.keys()))
    words = after - WORD_CLASSES.keys()
    if not classes:
        return _compile_std(f"(?:{_one_of(lead)})\\s*(?:{_one_of(words)})", re.IGNORECASE)
    follow = [f"\\s+(?:{classes})"] + ([f"\\s*(?i:{_one_of(words)})"] if words else [])
    return compile_regex(f"(?i:{_one_of(lead)})(?:{'|'.join(follow)})")


class _Promise(NamedTuple):
    """A promise's number (equal promises share it) and what tells at once
    that a text has no position for it (most texts, for most promises):
    the keys its anchor words accept (None without words), whether its
    positions are among the digit runs (``digits``) or the numbers read
    (``numbers``), and whether it has lines among them (a text always has
    one).  A text has no position when it has none of these."""

    anchors: Anchors  # held, so that its id stays its own
    key: int
    words: Optional[frozenset]
    digits: bool
    numbers: bool
    lines: bool


class _Opens(dict):
    """Character → whether ``opener`` matches it, filled on first look-up.
    ``decides``: every word of its ``after`` is one character (or a kind of
    character), so the character alone tells whether the follower matches."""

    def __init__(self, opener: re.Pattern, decides: bool = False):
        super().__init__()
        self.opener = opener
        self.decides = decides

    def __missing__(self, ch: str) -> bool:
        got = self[ch] = self.opener.match(ch) is not None
        return got


class DocumentAnchors:
    """The anchor positions of one document, computed lazily."""

    def __init__(self, text: str, lower: str, index: AnchorIndex, budget: float):
        self.text = text
        self.lower = lower
        self.index = index
        self.deadline = time.monotonic() + budget
        self.budget = budget
        self._digits: Optional[list[tuple[int, int]]] = None
        self._lines: Optional[list[int]] = None
        self._words: Optional[dict[str, list[int]]] = None
        self._numbers: Optional[list[regex.Match]] = None
        self._follows: Optional[list[tuple]] = None
        self._openings: Optional[dict[frozenset, list[int]]] = None  # by ``after`` set
        self._merged: dict[int, list[int]] = {}  # by promise key: equal promises share their positions
        self._alarm: Optional[bool] = None  # whether _Alarm may run here (asked once per document)
        self._session: Optional[AlarmSession] = None  # the session open then, if any
        self._first_use = FirstUseMark()
        self.spent: dict[str, float] = {}  # seconds of matching per pattern name

    # -- time budget ----------------------------------------------------------
    def remaining(self, name: str) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self.timeout(name)
        return left

    def timeout(self, current: str) -> ExtractionTimeout:
        """The error for a spent budget, naming the pattern that took most of
        it (not merely the one that was running when it ran out)."""
        guilty = max(self.spent, key=self.spent.get, default=current)
        if self.spent.get(guilty, 0.0) <= 0.0:
            guilty = current
        return ExtractionTimeout(E_TIMEOUT.format(rule=guilty, spent=self.spent.get(guilty, 0.0),
                                                  seconds=self.budget))

    # -- anchor positions ---------------------------------------------------------
    def digits(self) -> list[int]:
        return [start for start, _, _ in self.digit_follows()]

    def digit_follows(self) -> list[tuple[int, int, str]]:
        """(start, follow, character) of each run of digits: where it starts,
        where the text goes on past it and white space, and the character
        there ("" at the end: for :meth:`AnchorIndex.opens`)."""
        if self._digits is None:
            text = self.text
            self.remaining("anchors")
            # linear by construction, so without the engine's time-out (which
            # doubles the scan's cost)
            spans = [m.span() for m in _DIGIT_RUN.finditer(text)]
            self._digits = [(start, follow, text[follow:follow + 1]) for start, follow in spans]
        return self._digits

    def digit_starts(self, anchors: Anchors) -> list[int]:
        """The digit runs' starts, and with ``anchors.after`` only the runs
        followed by one of its words past white space."""
        if not anchors.after:
            return self.digits()
        return self._followed(anchors, self.digit_follows())

    def _followed(self, anchors: Anchors, follows: list[tuple[int, int, str]]) -> list[int]:
        """The starts of ``follows`` ((start, follow, character) each) where
        one of ``anchors.after`` opens the text at ``follow``."""
        if not follows:
            return []
        follower, opens, text = self.index.follower(anchors).match, self.index.opens(anchors), self.text
        decides = opens.decides
        return [start for start, follow, ch in follows if opens[ch] and (decides or follower(text, follow))]

    def numbers(self) -> list[regex.Match]:
        """The number reader's matches: every number of the text, read once."""
        if self._numbers is None:
            reader = self.index.number_reader
            self._numbers = [] if reader is None else self.finditer(reader)
        return self._numbers

    def number_starts(self, anchors: Anchors) -> list[int]:
        """Where the numbers written in digits start, and with
        ``anchors.after`` only those so followed (without a number reader,
        every digit run: a number starts at one)."""
        if self.index.number_reader is None:
            return self.digits()
        if not anchors.after:
            return [m.start() for m in self.numbers()]
        follows = self.follows()
        if not follows:
            return []
        follower, opens, text = self.index.follower(anchors).match, self.index.opens(anchors), self.text
        decides = opens.decides
        if "letter" in anchors.after:
            # a multiplier is a letter after the digits: a match may stop before it
            return [start for start, f1, f2, c1, c2, e1, e2 in follows
                    if opens[e1] or opens[e2] or (opens[c1] and (decides or follower(text, f1)))
                    or (f2 >= 0 and opens[c2] and (decides or follower(text, f2)))]
        return [start for start, f1, f2, c1, c2, _, _ in follows
                if (opens[c1] and (decides or follower(text, f1)))
                or (f2 >= 0 and opens[c2] and (decides or follower(text, f2)))]

    def line_starts(self, anchors: Anchors) -> list[int]:
        """The line starts, and with ``anchors.after`` only the lines that
        open with one of its words past white space, with ``anchors.holds``
        only the lines where it is found."""
        if anchors.holds:
            held = self.holding_lines(anchors)
            if not anchors.after:
                return held
            opening = set(self.opening_lines(anchors))
            return [start for start in held if start in opening]
        if not anchors.after:
            return self.lines()
        return self.opening_lines(anchors)

    def opening_lines(self, anchors: Anchors) -> list[int]:
        """The starts of the lines one of ``anchors.after`` opens past white
        space (found for all the index's line promises at once)."""
        if self._openings is None:
            self._openings = self._opening_scan(self.index.line_afters)
        got = self._openings.get(anchors.after)
        if got is None:  # a promise the index was not built with
            got = self._openings[anchors.after] = self._opening_scan((anchors.after,))[anchors.after]
        return got

    def _opening_scan(self, afters: tuple) -> dict[frozenset, list[int]]:
        """For each ``after`` set of ``afters``, the starts of the lines one
        of its words opens: one search from the line breaks instead of a
        call per line and promise (linear: white space, then literals)."""
        self.remaining("anchors")
        first, rest = self.index.line_opener(afters)
        text = self.text
        found = [(0, m)] if (m := first.match(text)) is not None else []
        found += [(m.start() + 1, m) for m in rest.finditer(text)]
        out: list[list[int]] = [[] for _ in afters]
        for start, m in found:
            for i, opened in enumerate(m.groups()):
                if opened is not None:
                    out[i].append(start)
        return dict(zip(afters, out))

    def holding_lines(self, anchors: Anchors) -> list[int]:
        """The starts of the lines where ``anchors.holds`` is found: one
        search over the text (under the budget: it is a rule's pattern)
        instead of a pattern call at every line."""
        self.remaining("anchors")
        text, out = self.text, []
        for m in self.full_scan(self.index.holder(anchors)):
            start = text.rfind("\n", 0, m.start()) + 1
            if not out or out[-1] != start:
                out.append(start)
        return out

    def follows(self) -> list[tuple[int, int, int, str, str, str, str]]:
        """(start, f1, f2, c1, c2, e1, e2) of each number written in digits:
        where the text goes on past it and white space (f1), and past the
        second number of a range that follows it (f2; -1 without a range),
        the characters there ("" for none), and the last characters of the
        number and of its range (a multiplier's, if it has one)."""
        if self._follows is None:
            text = self.text
            out = []
            numbers = self.numbers()
            # by number: the regex module looks a group's name up slowly
            in_range = numbers[0].re.groupindex["range"] if numbers else 0
            for m in numbers:
                end, f2 = m.end(), m.end(in_range)
                f1, e2 = _past_space(text, end), text[f2 - 1] if f2 > 0 else ""
                f2 = _past_space(text, f2) if f2 >= 0 else -1
                out.append((m.start(), f1, f2, text[f1:f1 + 1], text[f2:f2 + 1] if f2 >= 0 else "",
                            text[end - 1], e2))
            self._follows = out
        return self._follows

    def lines(self) -> list[int]:
        if self._lines is None:
            out, text, i = [0], self.text, self.text.find("\n")
            while i >= 0:
                out.append(i + 1)
                i = text.find("\n", i + 1)
            self._lines = out
        return self._lines

    def words(self) -> dict[str, list[int]]:
        """Positions of each anchor key found (the longest at a position)."""
        if self._words is None:
            self._words = {} if self.index.syllable_re is None else self._word_positions()
        return self._words

    def _word_positions(self) -> dict[str, list[int]]:
        self.remaining("anchors")
        # One split instead of a match object per key: the pieces between
        # the one-character separators, each separator's key between them.
        parts = self.index.syllable_re.split(" " + self.lower)
        # the i-th key starts where its separator stands in the spaced text:
        # the pieces before it and i separators
        starts = map(add, accumulate(map(len, parts[0::2])), count())
        found: dict[str, list[int]] = {}
        known = self.index.prefixes_of
        for key, start in zip(parts[1::2], starts):
            if key not in known:  # white space other than one space between syllables
                key = " ".join(key.split())
            found.setdefault(key, []).append(start)
        return found

    def positions(self, anchors: Anchors) -> list[int]:
        """Where matches of a pattern with promise ``anchors`` can start, in
        order (computed once per document for equal promises)."""
        promise = self.index.promise(anchors)
        got = self._merged.get(promise.key)
        if got is None:
            got = self._merged[promise.key] = [] if self._plainly_none(promise) else self._promised(anchors)
        return got

    def _plainly_none(self, promise: _Promise) -> bool:
        """Whether the text plainly has no position for ``promise`` (see
        :class:`_Promise`), without the calls that find them."""
        if promise.lines:
            return False
        if promise.words is not None and not promise.words.isdisjoint(self.words()):
            return False
        if promise.digits and self.digit_follows():
            return False
        return not (promise.numbers and self.numbers())

    def empty_scans(self) -> list[tuple]:
        """The scan keys of the index's patterns tried at anchors that have
        no position in this text, plainly (see :meth:`_plainly_none`); none
        when the index checks its promises."""
        if self.index.check:
            return []
        out: list[tuple] = []
        merged = self._merged
        for promise, keys in self.index.anchored:
            if promise.key not in merged and self._plainly_none(promise):
                merged[promise.key] = []
                out += keys
        return out

    def _promised(self, anchors: Anchors) -> list[int]:
        """:meth:`positions`, computed: each kind of anchor's positions, merged."""
        parts: list[list[int]] = []  # the non-empty ones, each in order
        if anchors.digit and (got := self.digit_starts(anchors)):
            parts.append(got)
        if anchors.number and (got := self.number_starts(anchors)):
            parts.append(got)
        if anchors.line and (got := self.line_starts(anchors)):
            parts.append(got)
        if anchors.words:
            parts += self.word_starts(anchors)
        if len(parts) > 1:  # only a mix needs a merge
            return sorted(set().union(*parts))
        return parts[0] if parts else []

    def word_starts(self, anchors: Anchors) -> list[list[int]]:
        """The positions of the anchor words of ``anchors``, in order, a
        non-empty list per key found; with ``anchors.word_after`` at most
        one list, of the positions where one of those follows the word past
        white space."""
        words = self.words()
        if not words:
            return []
        found = [words[key] for key in self.index.accepting(anchors).intersection(words)]
        if not found or not anchors.word_after:
            return found
        follower, text = self.index.word_follower(anchors).match, self.text
        # tested first, then sorted: most positions fail the test
        kept = [p for p in chain.from_iterable(found) if follower(text, p)]
        kept.sort()
        return [kept] if kept else []

    def line_start(self, pos: int) -> int:
        """Start of the line that holds ``pos``."""
        lines = self.lines()
        return lines[bisect.bisect_right(lines, pos) - 1]

    def line_end(self, pos: int) -> int:
        """Index of the line break that ends the line of ``pos`` (or the text's end)."""
        lines = self.lines()
        i = bisect.bisect_right(lines, pos)
        return lines[i] - 1 if i < len(lines) else len(self.text)

    def _check(self, pattern: ScanPattern, found: list[regex.Match]) -> None:
        full = list(pattern.regex.finditer(self.text, timeout=self.remaining(pattern.name)))
        got, want = [m.span() for m in found], [m.span() for m in full]
        if got != want:
            at = next((w for g, w in zip(got, want) if g != w), (want + got)[len(min(got, want, key=len))])
            raise RulesError(E_ANCHOR.format(rule=pattern.name, pos=at[0], text=self.text[at[0]:at[0] + 40]))

    # -- scanning -------------------------------------------------------------
    def stage_clock(self, seconds: float) -> StageClock:
        """A clock for a later stage of this document (the context stage):
        the same deadline, moved past the first uses so far."""
        self._discount_compiling()
        return StageClock(self.deadline, seconds)

    def _discount_compiling(self) -> None:
        """Move the deadline by the first-use time (patterns compiled, data
        loaded) since the last look: the rules' cost, not the document's."""
        self.deadline += self._first_use.taken()

    def finditer(self, pattern: ScanPattern) -> list[regex.Match]:
        """Matches of ``pattern`` in the text, as ``finditer`` would give them
        (collected at once, so the time budget covers matching only)."""
        name = pattern.name
        positions = None
        if pattern.at_anchors and not self.index.check:
            positions = self.positions(pattern.anchors)
            if not positions:
                # The anchor scans behind ``positions`` are linear and charged
                # to no pattern; a ``holds`` promise runs a rule's pattern,
                # so it is timed.
                return self.nothing_to_try(name)
        started = time.monotonic()
        try:
            found = self._finditer(pattern, positions, started)
        except TimeoutError:
            self.spent[name] = self.spent.get(name, 0.0) + time.monotonic() - started
            raise self.timeout(name) from None
        self.spent[name] = self.spent.get(name, 0.0) + time.monotonic() - started
        return found

    def nothing_to_try(self, name: str) -> list[regex.Match]:
        """The matches of pattern ``name`` where it has no position (most
        patterns on most texts): none, the deadline being all there is to
        check (not yet reached, it is not reached once moved by compiling
        either)."""
        now = time.monotonic()
        if now >= self.deadline and self._past_deadline(now):
            raise self.timeout(name)
        return []

    def _past_deadline(self, now: float) -> bool:
        """Whether ``now`` is past the deadline (moved first by the time
        patterns took to compile)."""
        if FirstUse.seconds != self._first_use.seen:  # (a call less per scan)
            self._discount_compiling()
        return now >= self.deadline

    def _finditer(self, pattern: ScanPattern, positions: Optional[list[int]], now: float) -> list[regex.Match]:
        """:meth:`finditer` at ``positions`` (None: not computed yet), the
        clock read at ``now``."""
        text = self.text
        if now >= self.deadline and self._past_deadline(now):
            raise TimeoutError
        if positions is None and not pattern.anywhere:
            positions = self.positions(pattern.anchors)
        if positions is not None and not positions:
            if self.index.check:
                self._check(pattern, [])
            return []
        rx = pattern.regex  # compiled on its first use, before any timer runs
        if FirstUse.seconds != self._first_use.seen:
            self._discount_compiling()
        if positions is None or len(positions) * _DENSE > len(text):
            # no promise, or anchors so dense (a page of blank lines)
            # that one engine pass is cheaper than a call per anchor
            return self.full_scan(rx)
        if not (self._alarm if self._alarm is not None else self._alarm_usable()):
            out = self._at_anchors(pattern, positions, timed=True)
        elif pattern.anchors.line:
            out = self._under_alarm(self._at_anchors, pattern, positions, False)
        else:  # the common case, straight to its loop
            out = self._under_alarm(self._at_anchors_fast, rx.match, positions)
        if self.index.check:
            self._check(pattern, out)
        return out

    def _alarm_usable(self) -> bool:
        """Whether :class:`_Alarm` may run here (asked once per document)."""
        if self._alarm is None:
            session = alarm_session()
            self._session = session if session.open else None
            self._alarm = session.open or _Alarm.free()
        return self._alarm

    def _under_alarm(self, fn, *args):
        """``fn(*args)`` under :class:`_Alarm` (straight to the document's
        open session while it is open)."""
        session = self._session
        if session is not None and session.open:
            return session.run(self.deadline, fn, *args)
        return _Alarm.run(self.deadline, fn, *args)

    def full_scan(self, rx: regex.Pattern) -> list[regex.Match]:
        """``rx.finditer`` over the text, stopped at the deadline (by the
        alarm where it may run: the engine's ``timeout`` doubles a scan's
        cost)."""
        if self._alarm_usable():
            return self._under_alarm(_all_matches, rx, self.text)
        return list(rx.finditer(self.text, timeout=self.deadline - time.monotonic()))

    def _at_anchors(self, pattern: ScanPattern, positions: list[int], timed: bool) -> list[regex.Match]:
        """Matches of ``pattern`` tried at ``positions``; with ``timed``, each
        call under the budget left (no alarm runs)."""
        text, match = self.text, pattern.regex.match
        out = []
        last = 0
        deadline, clock = self.deadline, time.monotonic
        by_line = pattern.anchors.line
        for p in positions:
            if p < last:
                continue
            # Bounded look-ahead: the engine would otherwise search the
            # whole rest of the text for a pattern's required character
            # at every anchor, which is quadratic on hostile pages.  (An
            # end past the text is the text's end.)
            end = p + MAX_MATCH_CHARS
            if by_line:
                line_end = text.find("\n", p, end)
                end = line_end if line_end >= 0 else max(end, self.line_end(p))
            if timed:
                # the budget left, for every call: a pattern slow at each
                # of many anchors cannot run past the deadline
                left = deadline - clock()
                if left <= 0:
                    raise TimeoutError
                m = match(text, p, end, timeout=left)
            else:
                m = match(text, p, end)
            if m is not None:
                last = m.end() if m.end() > p else p + 1
                out.append(m)
        return out

    def _at_anchors_fast(self, match, positions: list[int]) -> list[regex.Match]:
        """:meth:`_at_anchors` for the common case (not by line, under the
        alarm): the same calls without the per-anchor tests."""
        text, out, last, width = self.text, [], 0, MAX_MATCH_CHARS
        for p in positions:
            if p >= last:
                m = match(text, p, p + width)
                if m is not None:
                    last = m.end() if m.end() > p else p + 1
                    out.append(m)
        return out

