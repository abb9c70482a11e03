"""The normalized text of one document and what the rules ask of it: the
value of each number (parsed once), a pattern's matches (scanned once,
under the document's time budget), the page-chrome lines, the sentence
that holds a position and the word before it."""

from __future__ import annotations

import bisect
import time
from functools import cached_property, lru_cache
from typing import Optional

import regex

from ...scan.document import DocumentAnchors
from ...scan.index import AnchorIndex
from ...scan.promises import ScanPattern

from ...numbers import parse_digits, parse_spelled
from ...grammar.rules import Rules
from .groups import group_numbers


# The same numbers recur across texts ("2024", "10", "1.000"): each
# written form parsed once (values are ints and floats, never changed).
_parse_digits = lru_cache(maxsize=8192)(parse_digits)
_parse_spelled = lru_cache(maxsize=8192)(parse_spelled)


# Seconds one document may spend in pattern matching before it is given up
# with an ExtractionTimeout (pathological input, never ordinary articles).
DEFAULT_BUDGET = 60.0


def _match_lines(text: str, matches: list[regex.Match]) -> list[tuple[int, int]]:
    """For each match (in order), from the start of the line where it starts
    to the end of the line where it ends.  Found with ``str.find`` rather
    than the document's line index, which most texts never need otherwise;
    a line that holds many matches is searched once."""
    spans, line = [], (-1, -1)
    for m in matches:
        start, end = m.span()
        if not line[0] <= start <= line[1]:
            line = line_around(text, start)
        first = line[0]
        if not line[0] <= end <= line[1]:
            line = line_around(text, end)
        spans.append((first, line[1]))
    return spans


def line_around(text: str, pos: int) -> tuple[int, int]:
    """The start of the line that holds ``pos`` and the index of the line
    break that ends it (or the text's end)."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, end if end >= 0 else len(text)


class Context:
    """The normalized text of one document with the helpers rules need."""

    def __init__(self, text: str, rules: Rules, index: Optional[AnchorIndex] = None,
                 budget: float = DEFAULT_BUDGET):
        self.text = text
        self.rules = rules
        lower = text.lower()
        # str.lower() can change length for a few characters ("İ"); keep
        # offsets aligned by lowering char by char in that rare case.
        self.lower = lower if len(lower) == len(text) else "".join(c.lower()[0] for c in text)
        self.anchors = DocumentAnchors(text, self.lower, index or AnchorIndex(()), budget)
        # the patterns with nothing to try here found empty at once, not one call chain each
        self._scans: dict[tuple, list[regex.Match]] = {key: [] for key in self.anchors.empty_scans()}
        self.qualifiers: dict[int, tuple[str, int, str]] = {}  # qualifier_before, by position
        self._line_sentence_starts: dict[int, list[int]] = {}  # by line start, before the text is segmented
        self._chrome = self._find_chrome()

    # -- numbers ------------------------------------------------------------
    def number(self, m: regex.Match, group: str) -> int | float:
        """The value of the number that group ``group`` of ``m`` read
        (digits, or spelled out for groups "sp", "sp2").  A number written
        the same way is parsed once, whichever families read it."""
        written = m.group(group_numbers(m.re)[group])
        return _parse_spelled(written) if group[:2] == "sp" else _parse_digits(written)

    def scan(self, pattern: ScanPattern) -> list[regex.Match]:
        """Matches of ``pattern`` over the text, under the time budget.

        Rules of several families may share one pattern ("amount.spelled"
        for money, area and percentage): the text is scanned once for it.
        """
        found = self._scans.get(pattern.scan_key)
        if found is None:
            found = self._scans[pattern.scan_key] = self.anchors.finditer(pattern)
        elif not found and time.monotonic() >= self.anchors.deadline:  # (found empty before any scan)
            self.anchors.nothing_to_try(pattern.name)
        return found

    # -- page chrome -------------------------------------------------------
    def _find_chrome(self) -> list[tuple[int, int]]:
        spans = []
        for pat in self.rules.chrome_patterns:
            spans += _match_lines(self.text, self.scan(pat))
        spans.sort()
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        return merged

    @cached_property
    def _chrome_starts(self) -> list[int]:
        return [s for s, _ in self._chrome]

    def chrome_spans(self) -> list[tuple[int, int]]:
        """The page-chrome lines, as sorted (start, end) spans."""
        return list(self._chrome)

    def in_chrome(self, pos: int) -> bool:
        """True when ``pos`` lies on a page-chrome line."""
        i = bisect.bisect_right(self._chrome_starts, pos) - 1
        return i >= 0 and self._chrome[i][0] <= pos < self._chrome[i][1]

    # -- sentences -----------------------------------------------------------
    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        from ...segment import sentences

        return sentences(self.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_start(self, pos: int) -> int:
        """Start of the sentence that holds ``pos``."""
        if "sentences" not in self.__dict__:
            found = self._sentence_start_on_line(pos)
            if found is not None:
                return found
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[i][0] if i >= 0 else 0

    def _sentence_start_on_line(self, pos: int) -> Optional[int]:
        """:meth:`sentence_start` from the line of ``pos`` alone (sentences
        never cross a line break, so a line is segmented as in the whole
        text; each line once); None when no sentence of that line starts
        by ``pos``."""
        start = self.anchors.line_start(pos)
        starts = self._line_sentence_starts.get(start)
        if starts is None:
            from ...segment import sentences

            line = self.text[start:self.anchors.line_end(pos)]
            starts = self._line_sentence_starts[start] = [start + s for s, _ in sentences(line)]
        i = bisect.bisect_right(starts, pos) - 1
        return starts[i] if i >= 0 else None

    # -- words around a position -------------------------------------------
    def word_before(self, pos: int) -> tuple[str, int]:
        """The word ending right before ``pos`` (one space allowed) and its start."""
        text = self.text
        i = pos
        while i > 0 and text[i - 1] == " ":
            i -= 1
        j = i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        return text[j:i], j

    def at_sentence_start(self, pos: int) -> bool:
        """True when only spaces, or a sentence end, stand before ``pos``."""
        i = pos
        while i > 0 and self.text[i - 1] in " \"'“‘(":
            i -= 1
        return i == 0 or self.text[i - 1] in "\n.!?:;…•-"
