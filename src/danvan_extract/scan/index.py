"""The anchor index of a pipeline's patterns: the trie of their anchor
words, their promises by number (:class:`Promise`), and the cached helper
patterns (followers, line openers) the documents' anchor scans use."""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple, Optional

import regex

from ..grammar.alternation import word_alternation
from ..grammar.lazy import compile_pattern, first_use
from ..grammar.pattern_cache import compile_regex, compile_std
from .characters import LINE_WHITE, NO_LETTER_BEFORE, NOT_COMMON_LETTER
from .promises import AFTER_CLASSES, WORD_CLASSES, Anchors, ScanPattern

# the standard library's re.compile, its time counted as first use (the anchor scans' helpers, built when first needed)
_compile_std = first_use(compile_std)


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
        self._promises: dict[int, Promise] = {}
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
        # The trie before the look-behind of :data:`.characters._NOT_LETTER`: the trie
        # fails at once at most separators, the look-behind is slower.
        self.syllable_re = (compile_std(f"{NOT_COMMON_LETTER}(?=({trie})){NO_LETTER_BEFORE}")
                            if keys else None)
        # Each key found also stands for the shorter keys it starts with
        # ("nhiệm kỳ" for "nhiệm", "bao" for "ba").
        known = frozenset(keys)
        self.prefixes_of = {k: frozenset(k[:i] for i in range(1, len(k) + 1) if k[:i] in known) for k in keys}
        self._accepting: dict[int, tuple[Anchors, frozenset]] = {}
        # The scan keys of the patterns tried at anchors, by promise: a
        # document tells at once for which of them it has no position
        # (most, on most texts; a short paragraph has none for nearly all).
        groups: dict[int, tuple[Promise, list]] = {}
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

    def promise(self, anchors: Anchors) -> "Promise":
        """What a document needs to know of a promise before its positions
        (looked up by the object's identity: hashing the dataclass is the
        slow part)."""
        got = self._promises.get(id(anchors))
        if got is None:
            key = self._promise_numbers.setdefault(anchors, len(self._promise_numbers))
            reader = self.number_reader is not None
            got = self._promises[id(anchors)] = Promise(
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


class Promise(NamedTuple):
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
