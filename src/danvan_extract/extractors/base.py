"""What every extractor shares: the candidate record and the context.

An extractor is a callable ``extractor(ctx) -> Iterator[Candidate]`` over
the normalized text; the pipeline maps offsets back to the input, orders
candidates and resolves overlaps.  Offsets in a candidate are normalized
offsets.
"""

from __future__ import annotations

import bisect
import time
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import Callable, Optional

import regex

from ..scan.document import DocumentAnchors
from ..scan.index import AnchorIndex
from ..scan.promises import ScanPattern

from ..numbers import MULT_WORD, MULTIPLIERS, parse_digits, parse_spelled
from ..registry import PRIORITIES, UNKNOWN_PRIORITY
from ..grammar.rules import Rules, alternation
from ..grammar.levels import RANK, VIETNAMESE_UNITS
from .tones import fold_tones, folded
from ..grammar.pattern_cache import compile_regex


def match_at(pattern: regex.Pattern, text: str, pos: int, window: int) -> Optional[regex.Match]:
    """``pattern.match(text, pos)`` looking at most ``window`` characters ahead.

    Bounding the look-ahead matters: for a pattern with a required word the
    engine first searches the whole rest of the text for it, which turns a
    page with thousands of candidates quadratic.
    """
    return pattern.match(text, pos, pos + window)  # an end past the text is the text's end


def last_match(pattern: regex.Pattern, text: str, start: int, end: int) -> Optional[regex.Match]:
    """The last of the matches ``pattern.finditer(text, start, end)`` gives, or None."""
    found = None
    for found in pattern.finditer(text, start, end):
        pass
    return found

# What lets a pattern's match at a position depend on the text before it
# or on where the text ends: a probe of the text that follows cannot tell.
_CONTEXT_READERS = ("(?<", "\\B", "$", "\\Z", "\\z")


def opening_test(pattern: regex.Pattern) -> Optional[Callable[[str], bool]]:
    """A test "can a match of ``pattern`` at a position open with this
    string" (the regex module's partial matching: False only when nothing
    the string could go on with matches), remembered by string; None for a
    pattern that reads what stands before its start or where the text ends
    (a look-behind, ``\\B``, ``$``): the test could not tell there."""
    if any(token in pattern.pattern for token in _CONTEXT_READERS):
        return None
    return lru_cache(maxsize=4096)(lambda head: pattern.match(head, partial=True) is not None)


def search_tail(pattern: regex.Pattern, window: str, longest: int) -> Optional[regex.Match]:
    """``pattern.search(window)`` for a pattern that matches a phrase of at
    most ``longest`` characters and white space up to the window's end
    ("...\\s+$"): tried only where such a match can start."""
    return pattern.search(window, max(0, len(window.rstrip()) - longest))


def may_end_with(ctx: "Context", lo: int, pos: int, ends: Optional[frozenset[str]]) -> bool:
    """False when the last word of ``ctx.text[lo:pos]`` is none of ``ends``
    (phrases' :func:`last_words`): a pattern whose phrase never follows a
    letter and ends the window finds nothing there, and the engine need not
    be asked (most numbers have no qualifier).  True for ``ends`` None."""
    if ends is None:
        return True
    start, end = last_word_span(ctx.text, lo, pos)
    return fold_case(ctx.text[start:end]) in ends


def fold_case(text: str) -> str:
    """``text`` case-folded letter for letter, as the regex module's
    IGNORECASE compares letters (of a letter ``str.casefold`` makes two,
    "İ" → "i̇", the first), so that offsets stay those of ``text``."""
    folded = text.casefold()
    return folded if len(folded) == len(text) else "".join(c.casefold()[0] for c in text)


def last_word_span(text: str, lo: int, pos: int) -> tuple[int, int]:
    """The span of the letters that end ``text[lo:pos]`` once its trailing
    white space is cut (empty when another character ends it)."""
    i = pos
    while i > lo and text[i - 1].isspace():
        i -= 1
    j = i
    while j > lo and text[j - 1].isalpha():
        j -= 1
    return j, i


def last_word(window: str) -> str:
    """The letters that end ``window`` once its trailing white space is cut."""
    start, end = last_word_span(window, 0, len(window))
    return window[start:end]


def last_words(phrases) -> Optional[frozenset[str]]:
    """The case-folded last words of ``phrases`` (:func:`may_end_with`'s
    ``ends``); None when a phrase does not end in a letter."""
    ends = set()
    for phrase in phrases:
        if not phrase or not phrase[-1].isalpha():
            return None
        ends.add(fold_case(last_word(phrase)))
    return frozenset(ends)


def cores(words) -> frozenset[str]:
    """The case-folded ``words`` that hold none of the others: a text that
    holds none of these holds none of ``words``."""
    folded = {fold_case(w) for w in words}
    return frozenset(w for w in folded if not any(o != w and o in w for o in folded))


# The same numbers recur across texts ("2024", "10", "1.000"): each
# written form parsed once (values are ints and floats, never changed).
_parse_digits = lru_cache(maxsize=8192)(parse_digits)
_parse_spelled = lru_cache(maxsize=8192)(parse_spelled)


# rx.groupindex by pattern (a plain dict: an lru_cache look-up costs more
# than the rest of a group look-up).
_GROUP_NUMBERS: dict[regex.Pattern, dict[str, int]] = {}


def group_numbers(rx: regex.Pattern) -> dict[str, int]:
    """``rx.groupindex``, made once per pattern: the regex module makes it
    anew for every look-up of a group by name (and for ``groupdict``)."""
    found = _GROUP_NUMBERS.get(rx)
    if found is None:
        if len(_GROUP_NUMBERS) >= 4096:  # patterns of many rule sets
            _GROUP_NUMBERS.clear()
        found = _GROUP_NUMBERS[rx] = rx.groupindex
    return found


def group(m: regex.Match, name: str) -> Optional[str]:
    """``m.groupdict().get(name)``: what group ``name`` read, None when the
    pattern has no such group or it took no part."""
    i = (_GROUP_NUMBERS.get(m.re) or group_numbers(m.re)).get(name)
    return None if i is None else m.group(i)


def group_span(m: regex.Match, name: str) -> tuple[int, int]:
    """``m.span(name)``, the group found by its number (a look-up by name
    costs the regex module ten times more)."""
    return m.span(group_numbers(m.re)[name])


def has_group(m: regex.Match, name: str) -> bool:
    """True when ``m``'s pattern has a group ``name``."""
    return name in group_numbers(m.re)


def group_reader(*names: str) -> Callable[[regex.Match], tuple[Optional[str], ...]]:
    """A function giving ``(group(m, name) for name in names)`` as a tuple
    (at least two names): one call for all, the groups' numbers found once
    per pattern (a look-up by name per group costs several times more)."""
    getters: dict[regex.Pattern, Callable] = {}

    def read(m: regex.Match) -> tuple[Optional[str], ...]:
        get = getters.get(m.re)
        if get is None:
            if len(getters) >= 4096:  # patterns of many rule sets
                getters.clear()
            index = m.re.groupindex
            # a name the pattern lacks reads the None put after its groups
            get = getters[m.re] = itemgetter(*[index[n] - 1 if n in index else -1 for n in names])
        return get((*m.groups(), None))

    return read


# Words before a unit's noun that make it each or the whole unit, or a level,
# not one named by a number ("mỗi tổ 5 người", "toàn thôn 120 hộ", "cấp ấp 12 người")
_DISTRIBUTIVES = frozenset({"mỗi", "từng", "mọi", "toàn", "cả", "cấp"})
# A designator of a period after a word of its edge is the period's start or
# end, not a name ("số hộ nghèo đầu kỳ 1.245 hộ", "cuối nhiệm kỳ 100 hộ"):
# the figure after it is a level at that time
_PERIODS = frozenset({"kỳ", "nhiệm kỳ", "đợt", "giai đoạn"})
_PERIOD_EDGES = frozenset({"đầu", "cuối", "giữa", "trong"})
# "trong số 45 đại biểu" (among the 45 delegates): "số" there is the number
# of a whole, which the figure counts, not the designator "bão số 3"
_AMONG = "trong số"
# The suffix of persons who do what the word before says ("tình nguyện viên")
_AGENT = "viên"
_JOINER = compile_regex(r"(,\s*|\s+và\s+)")
# A few lower-case words, then a number: the figure of a list item's label
# (a label runs to five syllables: "người dân tộc thiểu số 145 đồng chí").
_LABEL_FIGURE = compile_regex(r"(?:[ ]+\p{Ll}+){0,5}[ ]+\d[\d.,]*[ ]+")


def _counts_again(text: str, pos: int, noun: str) -> bool:
    """True when a figure counting ``noun`` follows ``pos`` within a few
    words: what stands before it labels a new item of a list."""
    m = _LABEL_FIGURE.match(text, pos, pos + 60)
    return bool(m) and text[m.end() : m.end() + len(noun)].lower() == noun


_DIGIT_NEXT = compile_regex(r"\s*\d")
_NEXT_SYLLABLE = compile_regex(r"[ ]+(\p{L}+)")  # the syllable after a word, on its line
_NAME_NEXT = compile_regex(r"[^\S\n]+\p{Lu}")  # a capitalised word right after, on the same line
# A measured quantity: thousands grouped ("1.234.567"), a decimal ("1,2")
# or a multiplier after ("12 nghìn").  A name's number never looks so
# ("Covid 19", "Tổ 5").
_QUANTITY_FORM = compile_regex(
    rf"\d{{1,3}}(?:\.\d{{3}})+(?![\d.,])|\d+,\d|\d+[^\S\n]*(?:{MULT_WORD})(?!\p{{L}})", regex.IGNORECASE
)


_WORD = compile_regex(r"\p{L}+")


def _title_line(text: str, pos: int) -> bool:
    """True when the line before ``pos`` is written in title case: three
    words at least, each capitalised, not all in capitals.  Near the start
    of its line, fewer than three words before ``pos`` ("12 Xã Vùng Cao Về
    Đích", "Hơn 1,2 Triệu Lượt Khách …"), the line is judged by its words
    after ``pos`` alone (what stands before cannot tell)."""
    start = text.rfind("\n", 0, pos) + 1
    words = _WORD.findall(text, start, pos)
    if len(words) < 3:
        end = text.find("\n", pos)
        words = _WORD.findall(text, pos, len(text) if end < 0 else min(end, pos + 200))
    return len(words) >= 3 and all(w[0].isupper() for w in words) and not all(w.isupper() for w in words)


def _upper_after(text: str, start: int, noun: Optional[str]) -> bool:
    """True when ``noun`` is written in capitals after the number at
    ``start`` ("356 ĐẢNG VIÊN" in a heading)."""
    if not noun:
        return False
    i = start
    while i < len(text) and not text[i].isalpha():
        i += 1
    return text[i : i + len(noun)].isupper()


# Seconds one document may spend in pattern matching before it is given up
# with an ExtractionTimeout (pathological input, never ordinary articles).
DEFAULT_BUDGET = 60.0


@dataclass
class Candidate:
    """A fact found in the normalized text, before offsets are mapped back."""

    type: str
    start: int
    end: int
    rule: str
    fields: dict = field(default_factory=dict)

    @property
    def priority(self) -> int:
        return PRIORITIES.get(self.type, UNKNOWN_PRIORITY)  # lower wins an overlap

    @property
    def field_spans(self) -> dict:
        """The spans of the fields read from the text, parallel to
        :attr:`fields`: ``{"person": [(s, e)], "roles": [[(s, e)], ...]}``
        (a field built from pieces has one span per piece; None for a list
        item read from nowhere)."""
        out: dict = {}
        for name, value in self.fields.items():
            if isinstance(value, Spanned):
                out[name] = list(value.spans)
            elif isinstance(value, list) and any(isinstance(v, Spanned) for v in value):
                out[name] = [list(v.spans) if isinstance(v, Spanned) else None for v in value]
        return out


class Spanned(str):
    """A field value read from the normalized text, with the spans of the
    pieces it was read from; the record takes the value as written from
    the caller's string through these spans (never by searching again)."""

    spans: tuple[tuple[int, int], ...]

    def __new__(cls, value: str, spans) -> "Spanned":
        obj = super().__new__(cls, value)
        obj.spans = tuple(spans)
        return obj

    @classmethod
    def at(cls, text: str, start: int, end: int, value: Optional[str] = None) -> "Spanned":
        """``text[start:end]`` (or ``value`` read there) with its span."""
        return cls(text[start:end] if value is None else value, ((start, end),))

    @classmethod
    def joined(cls, parts: list, sep: str = " ") -> "Spanned":
        """Pieces that are not one stretch, joined by ``sep``."""
        spans = [span for part in parts for span in getattr(part, "spans", ())]
        return cls(sep.join(parts), spans)


class GrammarAttributes:
    """An extractor whose attributes are patterns of its grammar, each
    compiled on first use (compiling is most of a cold start, and a text
    meets few of them); then a plain attribute."""

    def _grammar_attributes(self, grammar: dict[str, ScanPattern], names: dict[str, str]) -> None:
        """Attribute ``attr`` is ``grammar[name].regex``, for each ``attr: name`` of ``names``."""
        self._pending_patterns = {attr: grammar[name] for attr, name in names.items()}

    def __getattr__(self, attr: str):
        # only called for an attribute not set yet
        pending = self.__dict__.get("_pending_patterns")
        if pending is None or attr not in pending:
            raise AttributeError(attr)
        rx = pending[attr].regex
        setattr(self, attr, rx)
        return rx


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
        self._qualifiers: dict[int, tuple[str, int, str]] = {}  # qualifier_before, by position
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
        from ..segment import sentences

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
            from ..segment import sentences

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


class KnownWords:
    """The folded counted nouns and dictionary words, for ``in``: the
    counted nouns answer first; the dictionary (74 000 lines read and
    folded: a cold start cost) is made part of the set on the first
    look-up they do not answer."""

    __slots__ = ("_first", "_rest", "_all")

    def __init__(self, first: frozenset[str], rest):
        self._first = first
        self._rest = rest  # a function that makes the rest of the words
        self._all: Optional[frozenset[str]] = None

    def __contains__(self, word: str) -> bool:
        words = self._all
        if words is None:
            if word in self._first:
                return True
            words = self._all = self._first | self._rest()
        return word in words


def _word_list_re(pattern: str, words: list[str]) -> regex.Pattern:
    """``pattern`` (case-insensitive), or a pattern that never matches when
    its word list is empty."""
    return compile_regex(pattern, regex.IGNORECASE) if words else compile_regex(r"(?!)")


class Lexicons:
    """Compiled word-level helpers shared by the numeric extractors."""

    def __init__(self, rules: Rules):
        self.rules = rules
        q = rules.qualifiers
        self.qualifier_of = {}
        for kind, words in q.qualifiers.items():
            for w in words:
                self.qualifier_of[w.lower()] = kind
        c = q.clause
        self.reach_words = frozenset(w.lower() for w in c.reach_words)
        self.trailing = {w.lower(): k for k, ws in q.trailing.items() for w in ws}
        self.symbol_kinds = {w: k for k, ws in q.symbols.items() for w in ws}
        self.comparatives = frozenset(w.lower() for w in q.margin.comparatives)
        self.place_nouns = frozenset(q.preposition_tren.place_nouns)
        self.quantity_verbs = frozenset(q.preposition_tren.quantity_verbs)
        self.per_one_words = frozenset(w.lower() for w in q.preposition_tren.per_one_words)
        self.every_words = frozenset(w.lower() for w in q.preposition_tren.every_words)
        self.counted = rules.lexicon("counted_nouns")
        # the level words a unit's name follows ("huyện Quan Sơn")
        self.level_words = frozenset(w.lower() for w in (*VIETNAMESE_UNITS, *rules.persons.place_before))
        self.not_nouns = rules.lexicon("not_nouns")
        self.designators = rules.lexicon("designators")
        self.classifiers = rules.lexicon("classifiers")
        self.modifiers = rules.lexicon("modifiers")
        self.capitalised_nouns = rules.lexicon("capitalised_nouns")
        u = rules.units
        self.time_nouns = frozenset(w.lower() for w in u.time.nouns)
        self.counted_exceptions = frozenset(w.lower() for w in u.time.counted_exceptions)
        self.measure_units = frozenset(u.measure.forms)
        self.factor_nouns = frozenset(u.factor.nouns)
        self.occurrence_nouns = frozenset(u.factor.occurrences)
        # a multiplier the number could not take ("đạt 5 nghìn,") counts nothing
        self.non_count_heads = self.measure_units | self.factor_nouns | frozenset(MULTIPLIERS)

    # The patterns and folded word sets below are made on first use
    # (compiling and folding are most of a cold start; a text meets few).

    @cached_property
    def not_currency(self) -> frozenset[str]:
        """Two-syllable words that open with a currency's form and are not it
        ("đồng chí", "đô thị"), lower case."""
        return frozenset(" ".join(w.lower().split()[:2]) for c in self.rules.units.currency for w in c.not_currency)

    @cached_property
    def not_area(self) -> frozenset[str]:
        """Two-syllable words that open with a land unit's form and are not
        it ("mẫu nước", "mẫu bệnh phẩm": samples), lower case."""
        return frozenset(" ".join(w.lower().split()[:2]) for a in self.rules.units.area for w in a.not_unit)

    def opens_other_word(self, text: str, unit: str, end: int) -> bool:
        """True when the last syllable of ``unit``, which ends at ``end``, and
        the syllable after it make a word that is no currency or land unit
        ("đồng chí", "đồng bào", "đồng thời", "mẫu nước")."""
        nxt = match_at(_NEXT_SYLLABLE, text, end, 30)
        if not nxt:
            return False
        word = f"{unit.split()[-1].lower()} {nxt.group(1).lower()}"
        return word in self.not_currency or word in self.not_area

    @cached_property
    def qualifier_re(self) -> regex.Pattern:
        return compile_regex(rf"(?<![\p{{L}}])(?P<q>{alternation(self.qualifier_of)})\s+$", regex.IGNORECASE)

    @cached_property
    def longest_qualifier(self) -> int:
        return max(map(len, self.qualifier_of), default=0)

    @cached_property
    def longest_copula(self) -> int:
        return max(map(len, self.rules.qualifiers.clause.copulas), default=0)

    @cached_property
    def qualifier_ends(self) -> Optional[frozenset[str]]:
        return last_words(self.qualifier_of)

    @cached_property
    def copula_ends(self) -> Optional[frozenset[str]]:
        return last_words(self.rules.qualifiers.clause.copulas)

    @cached_property
    def reach_cores(self) -> frozenset[str]:
        return cores(self.rules.qualifiers.clause.reach_words)

    @cached_property
    def copula_re(self) -> regex.Pattern:
        copulas = self.rules.qualifiers.clause.copulas
        return _word_list_re(rf"(?<![\p{{L}}])(?:{alternation(copulas)})\s+$", copulas)

    @cached_property
    def reach_re(self) -> regex.Pattern:
        reach = self.rules.qualifiers.clause.reach_words
        return _word_list_re(rf"(?<![\p{{L}}])(?P<q>{alternation(reach)})(?![\p{{L}}])", reach)

    @cached_property
    def clause_cut_re(self) -> regex.Pattern:
        # A clause ends at punctuation; another figure ends a qualifier's
        # reach.  Searched from the end: the clause is after the last one.
        return compile_regex(r"[,;:.!?()\n]|\p{N}", regex.REVERSE)

    @cached_property
    def clause_stop_re(self) -> regex.Pattern:
        stops = self.rules.qualifiers.clause.stop_words
        return _word_list_re(rf"(?<![\p{{L}}])(?:{alternation(stops)})(?![\p{{L}}])", stops)

    @cached_property
    def trailing_re(self) -> regex.Pattern:
        return compile_regex(rf"\s+(?:{alternation(self.trailing)})(?![\p{{L}}])", regex.IGNORECASE)

    @cached_property
    def margin_re(self) -> regex.Pattern:
        m = self.rules.qualifiers.margin
        return compile_regex(
            rf"^(?:\s+[^\s,;:]+){{0,{m.window_words}}}?\s+(?:{alternation(m.follow_words)})(?![\p{{L}}])",
            regex.IGNORECASE,
        )

    @cached_property
    def syllables(self) -> regex.Pattern:
        return compile_regex(r"[ ]*(\p{L}+)(?:[ ](\p{L}+))?(?:[ ](\p{L}+))?")

    @cached_property
    def dictionary(self) -> frozenset[str]:
        return self.rules.dictionary

    @cached_property
    def counted_folded(self) -> frozenset[str]:
        return folded(self.counted)

    @cached_property
    def known_words(self) -> "KnownWords":
        return KnownWords(self.counted_folded, lambda: folded(self.rules.dictionary))

    # -- qualifiers --------------------------------------------------------
    def qualifier_before(self, ctx: Context, pos: int) -> tuple[str, int, str]:
        """(qualifier, start of the qualifier phrase, phrase) before ``pos``
        (read once per number: several families ask for the same one)."""
        found = ctx._qualifiers.get(pos)
        if found is None:
            found = ctx._qualifiers[pos] = self._qualifier_before(ctx, pos)
        return found

    def _qualifier_before(self, ctx: Context, pos: int) -> tuple[str, int, str]:
        sign, sstart = self._sign_before(ctx.text, pos)
        if sign:
            return self.symbol_kinds[sign], sstart, sign
        lo = max(0, pos - 30)
        if not may_end_with(ctx, lo, pos, self.qualifier_ends):
            return "exact", pos, ""
        window = ctx.text[lo:pos]
        m = search_tail(self.qualifier_re, window, self.longest_qualifier)
        if not m:
            return "exact", pos, ""
        phrase = m.group("q").lower()
        qstart = pos - len(window) + m.start("q")
        if self.inside_word(ctx, qstart, phrase):
            return "exact", pos, ""  # "quy ước 5 điều": a convention, no estimate
        return self.qualifier_of[phrase], qstart, phrase

    def _sign_before(self, text: str, pos: int) -> tuple[str, int]:
        """The qualifying sign ("≥", ">", "~") right before ``pos`` (spaces
        allowed) and its start; ("", pos) when none, or when a figure or an
        arrow stands before it."""
        i = pos
        while i > 0 and text[i - 1] == " ":
            i -= 1
        if i == 0 or (text[i - 1] not in self.symbol_kinds and text[i - 1] != "="):
            return "", pos  # a string test first: most numbers follow no sign
        sign = text[max(0, i - 2) : i] if text[max(0, i - 2) : i] in self.symbol_kinds else text[i - 1]
        if sign not in self.symbol_kinds:
            return "", pos
        start = i - len(sign)
        j = start
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if j > 0 and (text[j - 1].isdigit() or text[j - 1] in "-=<>"):
            return "", pos  # "5 > 3", "->": a comparison or an arrow
        return sign, start

    def inside_word(self, ctx: Context, start: int, phrase: str) -> bool:
        """True when a one-syllable qualifier word ends a word with the
        syllable before it ("quy ước", "giám sát", "kích cỡ"), or an
        estimate word opens one with the syllable after it ("ước mơ")."""
        prev, _ = ctx.word_before(start)
        if prev and " " not in phrase and fold_tones(f"{prev.lower()} {phrase}") in self.known_words:
            return True
        if phrase in self.reach_words and " " not in phrase:
            nxt = ctx.text[start + len(phrase) : start + len(phrase) + 12].split()
            if nxt and nxt[0].isalpha() and fold_tones(f"{phrase} {nxt[0].lower()}") in self.known_words:
                return f"{phrase} {nxt[0].lower()}" not in self.reach_words and f"{phrase} {nxt[0].lower()}" not in self.qualifier_of
        return False

    def clause_qualifier(self, ctx: Context, pos: int) -> tuple[str, int]:
        """A qualifier that reaches ``pos`` from further back (FACTS.md):
        across a copula ("ước tính là 245.310") or, for the estimate words,
        from earlier in the clause ("ước tăng 9,7%").  ("exact", pos) when
        none does."""
        lo = max(0, pos - 80)
        window = ctx.text[lo:pos]
        m = may_end_with(ctx, lo, pos, self.copula_ends) and search_tail(self.copula_re, window, self.longest_copula)
        if m:
            q, _, phrase = self.qualifier_before(ctx, pos - len(window) + m.start())
            if phrase:
                return q, pos
        if not self.may_reach(ctx, lo, pos):
            return "exact", pos
        cut = self.clause_cut_re.search(window)
        clause = window[cut.end():] if cut else window
        last = None
        offset = pos - len(clause)
        for m in self.reach_re.finditer(clause):
            if not self.inside_word(ctx, offset + m.start("q"), m.group("q").lower()):
                last = m
        if last is None:
            return "exact", pos
        between = clause[last.end():]
        if self.clause_stop_re.search(between):
            return "exact", pos
        return self.qualifier_of.get(last.group("q").lower(), "approx"), pos

    def may_reach(self, ctx: Context, lo: int, pos: int) -> bool:
        """False when no reach word stands in ``ctx.text[lo:pos]`` (a string
        test: most clauses have none)."""
        folded = fold_case(ctx.text[lo:pos])  # the window only: most of a text is far from any number
        for word in self.reach_cores:
            if word in folded:
                return True
        return False

    def trailing_qualifier(self, ctx: Context, end: int, framed: bool = False) -> Optional[str]:
        """The qualifier a phrase after the unit sets ("trở lên"), or None.
        ``framed``: the figure follows "từ", which "trở lên" closes past the
        counted noun ("từ 50% số hộ trở lên": at most four lower-case words
        between, no mark)."""
        m = match_at(self.trailing_re, ctx.text, end, 80)
        if m is None and framed:
            m = match_at(self.framed_trailing_re, ctx.text, end, 80)
            return self.trailing[" ".join(m.group("q").split()).lower()] if m else None
        return self.trailing[" ".join(m.group(0).split()).lower()] if m else None

    @cached_property
    def framed_trailing_re(self) -> regex.Pattern:
        return compile_regex(rf"(?:[^\S\n]+\p{{Ll}}+){{1,4}}?[^\S\n]+(?P<q>{alternation(self.trailing)})(?![\p{{L}}])")

    def is_margin(self, ctx: Context, end: int) -> bool:
        """"vượt 163 hộ so với ...": the number is a margin, not a bound."""
        return bool(self.margin_re.match(ctx.text[end : end + 60]))

    # -- the counted noun --------------------------------------------------
    def noun_after(self, ctx: Context, pos: int) -> tuple[Optional[str], int]:
        """The counted noun right after ``pos`` (lower-cased) and its end.

        Longest first: three syllables, then two, from the project lexicon
        or underthesea's word list (either tone placement), else one.  A
        capitalised noun ("34 Nghị quyết", "07 CHƯƠNG", "4 Phó Chủ tịch")
        counts only when the project lexicon lists it: a capital otherwise
        starts a name.  A two-syllable word list entry that a reading "noun
        + word" beats ("tổ | phụ nữ", "hộ | sản xuất") is cut after the noun.
        """
        m = match_at(self.syllables, ctx.text, pos, 200)
        if not m:
            return None, pos
        noun, length = self._noun_of_read(m.group(0))
        if noun is None and m.group(0).lstrip()[:1].isupper() and _title_line(ctx.text, pos):
            # "Toàn Huyện Có 12 Xã Đạt Chuẩn": a headline in title case names
            # nothing by its capitals; a noun of the project lexicon counts
            noun, length = self._noun_of_read(m.group(0).lower())
            if noun is not None and fold_tones(noun) not in self.counted_folded:
                noun = None
        return (None, pos) if noun is None else (noun, pos + length)

    def head_noun(self, phrase: str) -> Optional[str]:
        """The counted noun of the project lexicon that opens ``phrase``
        ("hộ nghèo" → "hộ", "xã đạt NTM" → "xã"), as after a number; None
        when the phrase opens with none."""
        m = self.syllables.match(phrase)
        noun = self._noun_of_read(m.group(0))[0] if m else None
        return noun if noun is not None and fold_tones(noun) in self.counted_folded else None

    @cached_property
    def _noun_of_read(self):
        """:meth:`_noun_read`, once per run of syllables (the same words
        follow many numbers)."""
        return lru_cache(maxsize=8192)(self._noun_read)

    def _noun_read(self, read: str) -> tuple[Optional[str], int]:
        """The counted noun that ``read`` (syllables :attr:`syllables` read
        after a number) opens, and its end in ``read``; (None, 0) for none."""
        m = self.syllables.match(read)
        words = [w for w in m.groups() if w]
        low = [fold_tones(w.lower()) for w in words]  # for look-ups
        written = [w.lower() for w in words]  # for the noun as written
        ends = [m.end(i + 1) for i in range(len(words))]
        capital = not words[0][0].islower()
        # Syllables after the first join a noun when they are lower case,
        # or, for a capitalised noun, written in the same case style.
        joinable = 1
        for w in words[1:]:
            if w[0].islower() or (capital and (w[0].isupper() or w.isupper())):
                joinable += 1
            else:
                break
        known = self.counted_folded if capital else self.known_words
        if joinable >= 3 and low[2] == _AGENT and low[0] not in self.classifiers and " ".join(low[:2]) in known:
            # "345 tình nguyện viên", "12 tuyên truyền viên": "-viên" makes a
            # word of two syllables a person who does it, one noun
            return " ".join(written[:3]), ends[2]
        for size in (3, 2):
            if joinable >= size and " ".join(low[:size]) in known:
                phrase = " ".join(low[:size])
                if phrase not in self.counted_folded and low[0] in self.not_nouns:
                    return None, 0  # "đến nay", "trong đó": no noun
                if not capital and phrase not in self.counted_folded and self._head_and_modifier(low, size, joinable):
                    return written[0], ends[0]
                return " ".join(written[:size]), ends[size - 1]
        if capital:
            # "02 Ban", "07 CHƯƠNG"; but "2 Chương Dương" is a name
            name_goes_on = len(words) > 1 and words[1][0].isupper() and not words[0].isupper()
            ok = low[0] in self.counted_folded and (len(words[0]) > 1 or words[0].isupper()) and not name_goes_on
            return (written[0], ends[0]) if ok else (None, 0)
        if low[0] in self.not_nouns:
            return None, 0
        return written[0], ends[0]

    def _head_and_modifier(self, low: list[str], size: int, joinable: int) -> bool:
        """True when a word list entry is better read as a counted noun and
        its modifier: "hộ | gia đình", "cây | công nghiệp" (the rest is a
        word), "hộ | nghèo" (the rest is never a noun), "tổ | phụ nữ" (the
        second syllable opens a word with the next)."""
        if low[0] not in self.counted_folded:
            return False
        rest = " ".join(low[1:size])
        if size == 3:
            return rest in self.known_words
        if low[1] in self.not_nouns or low[1] in self.modifiers:
            return True
        return joinable >= 3 and " ".join(low[1:3]) in self.known_words

    def coordinated(self, ctx: Context, end: int, noun: Optional[str] = None) -> tuple[Optional[str], int]:
        """The nouns joined by "," or "và" after ``end`` that are themselves
        countable, as written ("156 xã, phường, thị trấn": ", phường, thị
        trấn"), and their end; (None, end) for none."""
        more, nend = self._coordinated_one(ctx, end, noun)
        while more:
            further, nend2 = self._coordinated_one(ctx, nend, noun)
            if not further:
                break
            nend = nend2
        return (ctx.text[end:nend].lower(), nend) if nend > end else (None, end)

    def _coordinated_one(self, ctx: Context, end: int, noun: Optional[str] = None) -> tuple[Optional[str], int]:
        """A second noun joined by "," or "và" that is itself countable; not
        the label of the list's next item, which counts ``noun`` again
        ("nữ 98 đồng chí, dân tộc thiểu số 120 đồng chí")."""
        after = ctx.text[end : end + 6]
        if after.startswith("/"):
            return self._slashed_unit(ctx, end, noun)
        m = (after.startswith(",") or "và" in after) and _JOINER.match(after)
        if not m:
            return None, end
        start = end + m.end()
        if (start < len(ctx.text) and ctx.text[start].isupper() and not ctx.text[end - 1].isupper()
                and not _title_line(ctx.text, start)):
            return None, end  # "56 người, Ban Thường vụ ...": a new item ("300 Cán Bộ, Chiến Sĩ": a headline)
        second, nend = self.noun_after(ctx, start)
        if second is None or fold_tones(second) not in self.counted_folded or second in self.time_nouns:
            return None, end
        if self._named_unit_at(ctx, second, start, nend):
            return None, end  # "10 xã, huyện Quan Sơn có 8 xã": a level word with its name is one named unit
        # A new number after it means a new fact ("3 xã, 5 thôn").
        if _DIGIT_NEXT.match(ctx.text[nend : nend + 3]):
            return None, end
        if noun and _counts_again(ctx.text, nend, noun):
            return None, end
        if (noun and (second in self.level_words) != (noun.split(",")[0] in self.level_words)
                and match_at(self.verb_and_figure, ctx.text, nend, 40)):
            # "120 hộ, xã có 12 thôn", "15/19 tiêu chí, huyện đạt 7/9 tiêu chí":
            # a unit of another kind than the counted noun, with a verb and a
            # figure of its own, opens a new clause ("15 xã, thị trấn với ..."
            # joins units of one kind)
            return None, end
        return ctx.text[end:nend].lower(), nend

    @cached_property
    def verb_and_figure(self) -> regex.Pattern:
        """A verb of having or reaching right after a noun, then, within two
        words, a figure of something named after it ("có 12 thôn", "đạt 7/9
        tiêu chí"; not a share, "đạt 100%"): made on first use."""
        return compile_regex(rf"[^\S\n]+(?:{alternation(self.quantity_verbs)})(?:[^\S\n]+\p{{Ll}}+){{0,2}}"
                             rf"[^\S\n]+\d[\d.,]*(?:/\d[\d.,]*)?[^\S\n]+\p{{L}}")

    @cached_property
    def designating_verbs(self) -> frozenset[str]:
        """Document types that are verbs in lower case (numeric.toml)."""
        return frozenset(self.rules.numeric.words.get("designating_verb", ()))

    @cached_property
    def unit_ranks(self) -> dict[str, int]:
        """Level word of a Vietnamese unit → its rank (the level registry)."""
        return {word: RANK[word] for word in VIETNAMESE_UNITS}

    def _slashed_unit(self, ctx: Context, end: int, noun: Optional[str]) -> tuple[Optional[str], int]:
        """"12 xã/thị trấn", "45 thôn/bản": a unit of the same rank as
        ``noun`` after "/" is an alternative, one coordinated noun; a unit
        of another rank is a rate's base ("17 xã/huyện") and a number a new
        count ("27 xã/6 huyện")."""
        rank = self.unit_ranks.get(noun) if noun else None
        if rank is None:
            return None, end
        second, nend = self.noun_after(ctx, end + 1)
        if second is None or second == noun or self.unit_ranks.get(second) != rank:
            return None, end
        if _DIGIT_NEXT.match(ctx.text[nend : nend + 3]) or self._named_unit_at(ctx, second, end + 1, nend):
            return None, end  # "12 xã/thị trấn 5 ...", "xã/phường An Lạc": a new figure, a named unit
        return ctx.text[end:nend].lower(), nend

    def _named_unit_at(self, ctx: Context, level: str, start: int, end: int) -> bool:
        """True when the level word ``level`` (at ``start``..``end``) opens a
        unit's name: a capitalised word follows it; in a heading in capitals
        ("12 XÃ, THỊ TRẤN ĐẠT CHUẨN"), a word that is no function word or verb."""
        if level not in self.level_words or not _NAME_NEXT.match(ctx.text, end):
            return False
        if not ctx.text[start:end].isupper():
            return True
        nxt = match_at(_NEXT_SYLLABLE, ctx.text, end, 30)
        return nxt is None or nxt.group(1).lower() not in self.not_nouns

    def opens_with_non_count_head(self, noun: str) -> bool:
        """True when ``noun`` opens with a measure, a factor or a multiplier
        ("tấn gạo", "lần", "nghìn"), of one syllable or two ("cây số",
        "mã lực"): a number before it counts nothing."""
        words = noun.split(" ")
        return words[0] in self.non_count_heads or " ".join(words[:2]) in self.non_count_heads

    def is_frequency(self, ctx: Context, noun: str, end: int) -> bool:
        """True when ``noun`` (ending at ``end``) is an occurrence written
        per a time ("2 buổi/tuần", "3 đợt/năm"): how often, no count."""
        if noun not in self.occurrence_nouns:
            return False
        text = ctx.text
        slash = text.find("/", end, end + 3)
        if slash < 0 or text[end:slash].strip():
            return False
        word = _WORD.match(text, slash + 1 + (text[slash + 1 : slash + 2] == " "))
        return word is not None and word.group().lower() in self.time_nouns

    def is_time_noun(self, noun: str) -> bool:
        if noun in self.counted_exceptions:
            return False
        return noun in self.time_nouns or noun.split(" ")[0] in self.time_nouns

    def designated(self, ctx: Context, start: int, noun: Optional[str] = None) -> bool:
        """True when the number names or ranks something ("thứ 22", "số 3").
        After a noun capitalised by convention ("vào Đảng 120 đảng viên"),
        only when ``noun`` is no counted noun of the lexicon ("Đoàn 3 kiểm
        tra": a delegation's number)."""
        word, wstart = ctx.word_before(start)
        if not word:
            return False
        low = word.lower()
        prev2, p2start = ctx.word_before(wstart)
        pair = f"{prev2.lower()} {low}"
        if (pair if pair in _PERIODS else low) in _PERIODS:
            edge, _ = ctx.word_before(p2start if pair in _PERIODS else wstart)
            if edge.lower() in _PERIOD_EDGES:
                return False
        if pair in self.designators:
            if noun is not None and prev2[:1].islower() and pair in self.designating_verbs and fold_tones(noun) in self.counted_folded:
                return False  # "quy định 12 hành vi": the verb, then how many ("Quyết định 1719": a name)
            # "cấp Trung ương 5 hộ": a level, then how many ("nâng cấp Quốc lộ 279": a name)
            return not self._distributive_before(ctx, p2start)
        if pair == _AMONG:
            return False
        # "quốc phòng 32", "tổng số 444": the word ends a compound, it is
        # not the designator "phòng"/"số".
        # ("người dưới 40 tuổi 17 người", "3 thôn 120 hộ": after a number that counts, the word is that
        # number's unit or noun, no designator of the next one; "Lô 12 khoảnh 4": a chain of names)
        if low in self.designators and pair not in self.dictionary and pair not in self.qualifier_of and (
                prev2 or (number := _number_before(ctx.text, wstart)) is None or self.designated(ctx, number)):
            # "mỗi tổ 5 người", "toàn thôn 120 hộ", "cấp ấp 12 người": how many in it;
            # "tặng thôn 3 con bò": a classifier after the number counts, no unit's name goes on so
            return prev2.lower() not in _DISTRIBUTIVES and not (
                noun is not None and noun.split(" ")[0] in self.classifiers)
        # A capitalised word right before: a proper name with a number
        # ("Covid 19", "Vĩnh Phúc 72"), unless it opens the sentence.
        if word[0].isupper() and start - (wstart + len(word)) <= 1 and not ctx.at_sentence_start(wstart):
            # "ngoài Đảng 03 vị": a zero-padded figure is an official count,
            # never part of a name.
            if ctx.text[start] == "0" and start + 1 < len(ctx.text) and ctx.text[start + 1].isdigit():
                return False
            # "thẻ BHYT 1,2 triệu người": a quantity after an abbreviation
            if _QUANTITY_FORM.match(ctx.text, start, start + 40):
                return False
            # "TOÀN TỈNH CÓ 120 MÔ HÌNH": a heading in capitals, whose verb or
            # function word before the number names nothing, nor in a headline
            # in title case ("Năm Nay Kết Nạp 120 Đảng Viên Mới"); "vào Đảng 120
            # đảng viên": a noun capitalised by convention names nothing either
            heading = pair in self.dictionary and (
                _upper_after(ctx.text, start, noun) if word.isupper() else _title_line(ctx.text, start))
            if low in self.capitalised_nouns or heading:
                # "KẾT NẠP 356 ĐẢNG VIÊN": in a heading in capitals, a word
                # ("kết nạp") before a noun of the lexicon names nothing
                return noun is None or fold_tones(noun.lower()) not in self.counted_folded
            if noun and fold_tones(noun.lower()) in self.counted_folded and self._named_unit_ends(ctx, wstart):
                return False  # "trong đó: huyện Phong Thổ 5 xã": a unit's name, then its count
            return low not in self.qualifier_of and low not in self.not_nouns
        return False

    def _distributive_before(self, ctx: Context, pos: int) -> bool:
        """True when a word of each or of a level ("cấp", "mỗi", "toàn")
        stands before ``pos`` on its own, not ending a word ("nâng cấp",
        "an toàn")."""
        word, wstart = ctx.word_before(pos)
        if word.lower() not in _DISTRIBUTIVES:
            return False
        prev, _ = ctx.word_before(wstart)
        return f"{prev.lower()} {word.lower()}" not in self.dictionary

    def _named_unit_ends(self, ctx: Context, wstart: int) -> bool:
        """The capitalised word at ``wstart`` ends a unit's name written
        after its level word ("huyện Phong Thổ"), at most four words long."""
        for _ in range(4):
            word, wstart = ctx.word_before(wstart)
            if not word:
                return False
            if word.lower() in self.level_words:
                return True
            if not word[0].isupper():
                return False
        return False


def _number_before(text: str, pos: int) -> Optional[int]:
    """Where the number ends whose digits end right before ``pos`` (one
    space allowed) starts ("40 tuổi" → the "4"), or None."""
    i = pos - 1 if pos > 0 and text[pos - 1] == " " else pos
    if i <= 0 or not text[i - 1].isdigit():
        return None
    j = i - 1
    while j > 0 and (text[j - 1].isdigit() or text[j - 1] in ".," and j > 1 and text[j - 2].isdigit()):
        j -= 1
    return j
