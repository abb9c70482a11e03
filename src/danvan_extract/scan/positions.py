"""Where the matches of a pattern can start in one document: its digit
runs, numbers, lines and anchor words, each found once, and the positions
of each promise, merged."""

from __future__ import annotations

import bisect
from itertools import accumulate, chain, count
from operator import add

import regex

from ..grammar.pattern_cache import compile_regex
from .characters import past_space
from .index import Promise
from .promises import Anchors

_DIGIT_RUN = compile_regex(r"\d+\s*")  # a run of digits and the white space after it


class DocumentPositions:
    """The anchor positions of one document, computed lazily: the half of
    :class:`~.document.DocumentAnchors` that finds them (its state, and the
    budgeted scans it calls: ``remaining``, ``finditer``, ``full_scan``,
    are :class:`~.document.DocumentAnchors`')."""

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
                f1, e2 = past_space(text, end), text[f2 - 1] if f2 > 0 else ""
                f2 = past_space(text, f2) if f2 >= 0 else -1
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

    def _plainly_none(self, promise: Promise) -> bool:
        """Whether the text plainly has no position for ``promise`` (see
        :class:`Promise`), without the calls that find them."""
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
