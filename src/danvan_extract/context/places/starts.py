"""Where each scan of :mod:`.patterns` can start, from one pass over the
level words of the lowered text (:func:`level_starts`) and one over the
provinces' and countries' names (:func:`name_starts`); and cheap tests of
where a pattern cannot match (:func:`may_describe`, ...).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

from ..countries import country_names
from ..gazetteer import Gazetteer
from ...grammar.lazy import first_use
from ...grammar.levels import WRITTEN
from ..words import LETTER, CharClass, Openers, space_before
from ...grammar.pattern_cache import compile_std
from .patterns import BARE_NOT_NAMED, SEVERAL_WORDS

# the words each scan's matches open with (lower-case; a scan is tried only where one stands)
_NAMED_OPENERS = tuple(sorted(WRITTEN, key=len))  # ("tp" before "tp.": found among its places)
_COMMITTEE_OPENERS = ("tỉnh", "huyện", "thành", "thị", "quận", "đảng")
# (BARE's optional first words, and NATION's, are found back from the word after them)
_BARE_ONE_WORD = ("tỉnh", "huyện", "xã", "phường")
_BARE_TWO_WORDS = ("thị", "thành")
_BARE_SECOND_WORDS = ("xã", "trấn", "phố")  # "thị xã", "thị trấn", "thành phố"
_BARE_BEFORE = ("toàn", "của", "trong", "cấp")
# what may stand right after a level word's spaces where a name follows
_NAME_OR_SPACE = CharClass(r"[\p{Lu}\d]|[^\S\n]")
_CAPITAL = CharClass(r"\p{Lu}")
_SPACE = CharClass(r"\s")
_LOWER_OR_BLANK = CharClass(r"\p{Ll}|[^\S\n]")
_SEVERAL_LAST = CharClass(rf"(?i)[{''.join(sorted({w[-1] for w in SEVERAL_WORDS}))}]")  # their last letters


class _NameStarts:
    """Where the provinces' and the countries' names start in a text, found
    by one stdlib ``re`` scan for both lists instead of one each."""

    @first_use
    def __init__(self, provinces: set[str], countries: set[str]):
        from ...grammar.alternation import alternation

        self._finder = compile_std(alternation(provinces | countries))
        # the scan finds the longest name at a position: the names there are
        # it and those it opens with; which of the lists hold one of them
        self._lists = {n: (_opens_with_one(n, provinces), _opens_with_one(n, countries)) for n in provinces | countries}

    def __call__(self, text: str) -> tuple[list[int], list[int]]:
        """The starts of a province's name and of a country's name."""
        provinces: list[int] = []
        countries: list[int] = []
        search, lists, pos = self._finder.search, self._lists, 0
        while (found := search(text, pos)) is not None:
            pos = found.start()
            province, country = lists[found.group()]
            if province:
                provinces.append(pos)
            if country:
                countries.append(pos)
            pos += 1
        return provinces, countries


def _opens_with_one(name: str, names: set[str]) -> bool:
    """``name`` opens with one of ``names`` (or is one)."""
    return any(name[:k] in names for k in range(1, len(name) + 1))


@lru_cache(maxsize=4)
def name_starts(gaz: Gazetteer) -> _NameStarts:
    """The finder of the provinces' and countries' names of ``gaz``, made once."""
    return _NameStarts(gaz.province_names(), country_names())


def may_follow_capital(text: str, start: int) -> bool:
    """False when _CAPITAL_BEFORE cannot match right before ``start``: no
    white space there, or no capital in the word before it."""
    j = start - 1
    if j < 1 or text[j] == "\n":
        return j >= 1  # ("$" also matches before a last line break)
    if not _SPACE[text[j]]:
        return False
    j -= 1
    while j >= 0 and (LETTER[text[j]] or text[j] == "'"):
        if _CAPITAL[text[j]]:
            return True
        j -= 1
    return False


def may_describe(text: str, end: int) -> bool:
    """False when DESCRIBED cannot match at ``end``: no blank there, or
    after the spaces no lower-case letter (a description's first word)."""
    n = len(text)
    if end >= n or not _SPACE[text[end]] or text[end] == "\n":
        return False
    while end < n and text[end] == " ":
        end += 1
    return end < n and _LOWER_OR_BLANK[text[end]]


def may_be_several(text: str, start: int) -> bool:
    """False when SEVERAL cannot match right before ``start``: no white
    space there, or the word before it does not end as one of its words."""
    j = space_before(text, start)
    return 0 < j < start and _SEVERAL_LAST[text[j - 1]]


def _blanks_end(text: str, end: int) -> int:
    """Where the spaces that start at ``end`` end."""
    n = len(text)
    while end < n and text[end] == " ":
        end += 1
    return end


def _may_be_bare(low: str, end: int, at: int, after: str) -> bool:
    """False when a level word that ends at ``end`` (spaces after it up to
    ``at``, where ``after`` stands: "" at the text's end) cannot be BARE's:
    it goes on as a longer word or a capital (a name: "tỉnh Yên Bái") or a
    word that makes it no unit's ("Tỉnh ủy") follows."""
    return not ((at == end and LETTER[after]) or _CAPITAL[after] or low.startswith(BARE_NOT_NAMED, at))


def _may_be_bare_pair(text: str, low: str, end: int, at: int, after: str) -> bool:
    """As :func:`_may_be_bare` for "thị" or "thành", tested after the second
    word it needs ("thị xã"); True where other white space than spaces
    leaves it to the pattern."""
    if _SPACE[after]:
        return True
    second = next((w for w in _BARE_SECOND_WORDS if low.startswith(w, at)), None) if at > end else None
    if second is None:
        return False
    end = at + len(second)
    at = _blanks_end(text, end)
    return _may_be_bare(low, end, at, text[at] if at < len(text) else "")


def _head(word: str) -> str:
    """The word looked for to find ``word``: its first syllable when that is
    looked for anyway ("thị xã" among the places of "thị"), else itself."""
    head = word.split(" ", 1)[0].rstrip(".")
    return head if head != word and head in _LOOKED_FOR else word


_LOOKED_FOR = frozenset(_NAMED_OPENERS + _BARE_TWO_WORDS + _COMMITTEE_OPENERS)
_HEADS = tuple(dict.fromkeys(_head(w) for w in _NAMED_OPENERS + _BARE_TWO_WORDS + _COMMITTEE_OPENERS))
# each head word: a NAMED opener itself, BARE's one-word level, a pair's
# first word, a COMMITTEE opener, the longer NAMED openers it starts
_ROLES = {h: (h in _NAMED_OPENERS, h in _BARE_ONE_WORD, h in _BARE_TWO_WORDS, h in _COMMITTEE_OPENERS,
              tuple(w for w in _NAMED_OPENERS if w != h and _head(w) == h)) for h in _HEADS}
_COMMITTEE_WORDS = ("ủy", "uỷ", "đoàn")


class _Starts(NamedTuple):
    """Where the level words' scans can start (None: scan in full)."""

    named: Optional[list[int]]
    bare: Optional[list[int]]
    committee: Optional[list[int]]
    cooperative: Optional[list[int]]  # (COOPERATIVE's: the "hợp" before "tác" before a "xã")


def level_starts(openers: Openers) -> _Starts:
    """Where a match of NAMED, of BARE, of COMMITTEE and of COOPERATIVE
    can start, from one pass over the places of the level words (found in
    the lowered text) and a look at what follows each."""
    if openers.low is None:
        return _Starts(None, None, None, None)
    text, low, size = openers.text, openers.low, len(openers.text)
    named: set[int] = set()
    levels: set[int] = set()
    committees: list[int] = []
    heads = _HEAD_FINDER(low)
    for head, places in heads.items():
        is_named, one_word, pair, committee, longer = _ROLES[head]
        n = len(head)
        for p in places:
            end = at = p + n
            while at < size and text[at] == " ":
                at += 1
            after = text[at] if at < size else ""  # (no character class holds "")
            if is_named and (_NAME_OR_SPACE[after] or _number_word(text, at)):
                named.add(p)
            if (one_word and _may_be_bare(low, end, at, after)) or (pair and _may_be_bare_pair(text, low, end, at, after)):
                levels.add(p)
            if committee and _committee_after(text, low, end, at):
                committees.append(p)
            for w in longer:
                if low.startswith(w, p) and _may_name(text, p + len(w)):
                    named.add(p)
    bare = sorted(levels)
    cooperative = openers.before(openers.before(heads.get("xã", []), ("tác",)), ("hợp",))
    return _Starts(sorted(named), sorted(set(bare + openers.before(bare, _BARE_BEFORE))), sorted(committees), cooperative)


class _WordFinder:
    """Where each of some lower-case words starts in a lowered text: words
    that share their first letter with others are found by one stdlib
    ``re`` scan per letter (its search for one letter is faster than a
    ``find`` per word), the other words by ``str.find``."""

    def __init__(self, words: tuple[str, ...]):
        groups: dict[str, list[str]] = {}
        for w in words:
            groups.setdefault(w[0], []).append(w)
        # (a word that holds its first letter further on is found alone: "tt." beside "thành")
        kept = [[w for w in g if w[0] not in w[1:]] for g in groups.values()]
        shared = [g for g in kept if len(g) > 1 and _one_match_each(g)]
        self._scans = tuple(compile_std(re.escape(g[0][0]) + "(?:" + "|".join(re.escape(w[1:]) for w in g) + ")")
                            for g in shared)
        self._alone = tuple(w for w in words if not any(w in g for g in shared))

    def __call__(self, low: str) -> dict[str, list[int]]:
        """The places (sorted) of each word found in ``low``."""
        at: dict[str, list[int]] = {}
        for scan in self._scans:
            for m in scan.finditer(low):
                at.setdefault(m.group(), []).append(m.start())
        for w in self._alone:
            p = low.find(w)
            if p >= 0:
                found = at[w] = []
                while p >= 0:
                    found.append(p)
                    p = low.find(w, p + 1)
        return at


def _one_match_each(words: list[str]) -> bool:
    """A scan for ``words`` (one first letter) finds every place of each:
    none opens another, and none holds that letter further on (where
    another could start inside it)."""
    first = words[0][0]
    return (not any(a != b and b.startswith(a) for a in words for b in words)
            and not any(first in w[1:] for w in words))


_HEAD_FINDER = _WordFinder(_HEADS)


def _may_name(text: str, end: int) -> bool:
    """False when no name can follow a level word that ends at ``end``:
    after its spaces stands no capital, digit or other space."""
    at = _blanks_end(text, end)
    return at < len(text) and (_NAME_OR_SPACE[text[at]] or _number_word(text, at))


def _number_word(text: str, at: int) -> bool:
    """"số" and a digit stand at ``at`` ("Tổ dân phố số 5")."""
    return text[at:at + 3].lower() == "số " and text[at + 3:at + 4].isdigit()


def _committee_after(text: str, low: str, end: int, at: int) -> bool:
    """An "ủy" after white space follows a level word that ends at ``end``
    (its spaces up to ``at``): "Huyện ủy"."""
    n = len(text)
    while at < n and _SPACE[text[at]]:
        at += 1
    return at > end and low.startswith(_COMMITTEE_WORDS, at)


def nation_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of NATION can start, found from the words it cannot
    do without: "nước" ("nước ta", "cả nước"), "quốc" ("(trên) toàn
    quốc"), "việt" ("tại Việt Nam"); None: scan in full."""
    country, whole, viet = (openers.starts((w,)) for w in ("nước", "quốc", "việt"))
    if country is None:
        return None
    toan = openers.before(whole, ("toàn",))
    return sorted(set(country + openers.before(country, ("cả",)) + toan + openers.before(toan, ("trên",))
                      + openers.before(viet, ("tại", "ở", "của", "đến", "vào"))))


def branch_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of BRANCH can start: at the "chi" before a "nhánh";
    None: scan in full."""
    branches = openers.starts(("nhánh",))
    return None if branches is None else openers.before(branches, ("chi",))
