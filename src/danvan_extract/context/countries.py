"""Foreign countries named in a Vietnamese text.

Names come from Babel's CLDR territory names in Vietnamese;
nothing is listed by hand.  Four forms are found:

- a Vietnamese name of two syllables or more ("Thái Lan", "Hàn Quốc"),
  standing alone (not inside a longer capitalized name);
- a one-word name shaped like a Vietnamese syllable ("Lào", "Nga", "Anh")
  only after "nước" ("nước bạn Lào"), since such words are also given
  names and common words; one that no Vietnamese syllable spells
  ("Campuchia", "Myanmar") stands alone;
- a name transliterated syllable by syllable with hyphens
  ("In-đô-nê-xi-a", "Phi-li-pin"), matched to a country's name by sound;
- an official name ("nước Cộng hòa dân chủ nhân dân Lào"): a state form
  word, a few lower-case words and a country's name, taken whole.
"""

from __future__ import annotations

import difflib
import pickle
import re
import unicodedata
from functools import cached_property, lru_cache
from typing import Iterator, Optional

import regex

from ..grammar.alternation import alternation
from ..grammar.lazy import deferred, settle
from .words import finditer_at, finditer_found
from ..grammar.pattern_cache import compile_regex, compile_std

# CLDR codes that name no country: groupings, the UN, test locales, "unknown"
_NOT_COUNTRIES = {"EU", "EZ", "UN", "XA", "XB", "ZZ", "QO", "VN"}
# state forms, in either case (no case-insensitive flag: it slows the scan)
_FORM = r"(?:[Cc]ộng\s+[Hh](?:òa|oà)|[Vv]ương\s+[Qq]uốc|[Ll]iên\s+[Bb]ang|[Hh]ợp\s+[Cc]hủng\s+[Qq]uốc)"
# the form, a few lower-case words of the state's name (no "và": a list), the name
_OFFICIAL_BEFORE = deferred(rf"(?<![\p{{L}}]){_FORM}(?:[^\S\n]+(?!và(?![\p{{L}}]))\p{{Ll}}+){{0,5}}?[^\S\n]+$", regex.V0)
_COUNTRY_WORD_BEFORE = deferred(r"(?<![\p{L}])nước(?:\s+bạn)?\s+$", regex.I)
_HYPHEN_CORE = compile_regex(r"-\p{Ll}+-\p{Ll}")
_HYPHENATED = deferred(r"(?<![\p{L}-])\p{Lu}\p{Ll}*(?:-\p{Ll}+){2,}(?![\p{L}-])")
_CAPITAL_NEXT = deferred(r"[^\S\n]+\p{Lu}")
_CAPITAL_BEFORE = deferred(r"\p{Lu}[\p{L}]*[^\S\n]+$")
# "Tại Lào, …", "Ở Đức, …": a one-word country's name as the place a sentence opens with, or
# a clause after a comma ("Năm 2024, tại Lào, …")
_WHERE_OPENING = deferred(r"(?:(?:^|[.!?:;\n(“\"][^\S\n]*)(?:Tại|Ở)|,[^\S\n]*(?:tại|ở))[^\S\n]+$")
_COMMA_NEXT = deferred(r"[^\S\n]*,")
# a preposition capitalized only because it opens the sentence ("Tại Nhật Bản, …"): no part of a name
_OPENING_PREPOSITION = deferred(r"(?:^|[.!?:;\n(“\"][^\S\n]*)(?:Tại|Ở|Từ|Sang|Đến|Tới|Với|Trong|Ngoài|Như)[^\S\n]+$")
_LETTERS = compile_regex(r"\p{L}+")
_SOUND = (("ph", "f"), ("x", "s"), ("z", "s"), ("y", "i"), ("c", "k"), ("q", "k"), ("w", "u"), ("th", "t"),
          ("gh", "g"), ("ch", "k"), ("kh", "k"), ("h", ""))
# A Vietnamese syllable without its marks: an initial, one to three vowels, a final.
_SYLLABLE = compile_std(r"(?:ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")
_MIN_SOUND_RATIO = 0.85  # below it, names of people and cities begin to match ("Ô-ba-ma" ~ "Bahamas": 0.8)


def after_opening_preposition(text: str, start: int) -> bool:
    """A preposition capitalized only because it opens the sentence ("Tại",
    "Ở", "Từ", …) stands right before ``start``: no part of the name there."""
    return _OPENING_PREPOSITION.search(text, max(0, start - 20), start) is not None


def _sound(name: str) -> str:
    """A rough key of how a name sounds, for Vietnamese and Latin spellings
    alike ("In-đô-nê-xi-a" and "Indonesia" → "indonesia")."""
    s = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    s = regex.sub(r"[^a-z]", "", "".join(ch for ch in s if not unicodedata.combining(ch)).lower())
    for old, new in _SOUND:
        s = s.replace(old, new)
    return regex.sub(r"(.)\1+", r"\1", s)


def _like_a_syllable(word: str) -> bool:
    """``word`` is spelled like one Vietnamese syllable ("Lào", "Đức"; not
    "Campuchia", "Brunei")."""
    plain = "".join(ch for ch in unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
                    if not unicodedata.combining(ch)).lower()
    return _SYLLABLE.fullmatch(plain) is not None


class _Countries:
    def __init__(self, vietnamese: list[str]):
        names = self.names = {n for n in vietnamese if n}
        # one word that a Vietnamese syllable could spell: a given name or a common word too
        self.one_word = {n for n in names if " " not in n and _like_a_syllable(n)}
        # the letters each name opens with, up to its first non-letter
        self.first_words = frozenset(m.group(0) for m in map(_LETTERS.match, names) if m)

    @cached_property
    def _alternation(self) -> str:
        return alternation(self.names)

    @cached_property
    def named(self) -> regex.Pattern:
        """The names, each standing alone (compiled on first use)."""
        # (the look-ahead for a capital lets the engine skip most positions)
        return compile_regex(rf"(?<![\p{{L}}])(?=\p{{Lu}})(?:{self._alternation})(?![\p{{L}}])", regex.V0)

    @cached_property
    def finder(self) -> re.Pattern:
        """The names alone, no look-arounds, for stdlib ``re``'s faster
        scan (see :func:`finditer_found`)."""
        return compile_std(self._alternation)

    def may_name(self, text: str) -> bool:
        """False when :attr:`named` cannot match in ``text``: a match starts
        a run of letters that is some name's first run (asked only until
        :attr:`named` is compiled, which a short text may never need)."""
        if "named" in self.__dict__:
            return True
        return not self.first_words.isdisjoint(_LETTERS.findall(text))

    @cached_property
    def sounds(self) -> set[str]:
        """The keys transliterations are matched to (CLDR's Vietnamese names
        keep the Latin spelling of most countries: "Indonesia",
        "Philippines"); made on the first transliteration met."""
        return {_sound(n) for n in self.names if len(_sound(n)) >= 5}

    @lru_cache(maxsize=4096)
    def sounds_like_country(self, name: str) -> bool:
        """``name`` (a transliteration) sounds like a country's name."""
        key = _sound(name)
        if len(key) < 5:
            return False
        matcher = difflib.SequenceMatcher(None, "", key)  # b is the one analysed once
        for other in self.sounds:
            if abs(len(other) - len(key)) > 4:
                continue
            matcher.set_seq1(other)
            # the cheap upper bounds first
            if (matcher.real_quick_ratio() >= _MIN_SOUND_RATIO and matcher.quick_ratio() >= _MIN_SOUND_RATIO
                    and matcher.ratio() >= _MIN_SOUND_RATIO):
                return True
        return False


@lru_cache(maxsize=1)
def _countries() -> _Countries | None:
    territories = _vietnamese_territories()
    if territories is None:  # pragma: no cover - babel is a dependency
        return None
    # "Myanmar (Miến Điện)": both names
    return _Countries([part.strip(" )") for code, name in territories.items()
                       if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
                       for part in name.split(" (")])


def _vietnamese_territories() -> dict[str, str] | None:
    """CLDR's territory names in Vietnamese, from Babel's "vi" data file
    alone: what ``Locale.parse("vi").territories`` gives (the root locale
    it inherits from names no territory), without loading Babel's global
    and root data (most of the cost of the names)."""
    try:
        from babel import localedata
    except ImportError:  # pragma: no cover - babel is a dependency
        return None
    try:
        with open(localedata.resolve_locale_filename("vi"), "rb") as fh:
            territories = pickle.load(fh)["territories"]
    except Exception:  # pragma: no cover - a Babel whose data is laid out otherwise
        from babel import Locale

        territories = Locale.parse("vi").territories
    return dict(territories)


def find_countries(text: str, starts: Optional[list[int]] = None) -> Iterator[tuple[int, int, str]]:
    """``(start, end, name)`` of each foreign country named in ``text``
    (the name as written; an official name from its form word on).
    ``starts``: every position where one of :func:`country_names`
    starts, if found already."""
    countries = _countries()
    if countries is None:
        return
    for m in _named(text, countries, starts):
        # (the form is looked for before each name found: a scan of the whole
        # text for the forms' alternation would cost more than all the rest)
        official = _OFFICIAL_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if official:
            yield official.start(), m.end(), text[official.start():m.end()]
            continue
        name = m.group(0)
        if name in countries.one_word and not _COUNTRY_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start()) \
                and not (_WHERE_OPENING.search(text, max(0, m.start() - 12), m.start()) and _COMMA_NEXT.match(text, m.end())):
            continue  # "Nga", "Đức" are given names too ("Tại Lào, …" opening a sentence names the country)
        if _CAPITAL_NEXT.match(text, m.end()) or (_CAPITAL_BEFORE.search(text, max(0, m.start() - 20), m.start())
                                                  and not after_opening_preposition(text, m.start())):
            continue  # part of a longer name ("Lào Cai", "Nguyễn Thái Lan")
        yield m.start(), m.end(), name
    yield from _transliterated(text, countries)


def _named(text: str, countries: _Countries, starts: Optional[list[int]]) -> Iterator[regex.Match]:
    """The matches of ``countries.named`` in ``text``, tried where a
    name starts (at ``starts`` when given; none: the pattern, whose
    compiling a short text may never need, is left uncompiled)."""
    if starts is not None:
        return finditer_at(countries.named, text, starts) if starts else iter(())
    return finditer_found(countries.named, text, countries.finder) if countries.may_name(text) else iter(())


def country_names() -> set[str]:
    """The countries' names :func:`find_countries` looks for (empty
    without Babel)."""
    countries = _countries()
    return countries.names if countries is not None else set()


def _transliterated(text: str, countries: _Countries) -> Iterator[tuple[int, int, str]]:
    """Names written syllable by syllable that sound like a country's; found
    from their inner "-syllable-" (a scan for a capital would try every word)."""
    done = 0
    for core in _HYPHEN_CORE.finditer(text):
        start = core.start()
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
            start -= 1
        if start < done:
            continue
        m = _HYPHENATED.match(text, start)
        if m:
            done = m.end()
            if countries.sounds_like_country(m.group(0)):
                yield m.start(), m.end(), m.group(0)


settle(globals())
