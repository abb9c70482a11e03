"""The word sets of the rules, folded and compiled once for all the numeric
extractors (:class:`Lexicons`), with what they answer about the words
around a number: its qualifier, its counted noun, whether it names."""

from __future__ import annotations

from functools import cached_property
from typing import Optional

import regex

from ...numbers import MULTIPLIERS
from ...grammar.rules import Rules
from ...grammar.levels import VIETNAMESE_UNITS
from ..tones import folded
from ...grammar.pattern_cache import compile_regex
from .matching import match_at
from .qualifiers import Qualifiers
from .counted_nouns import NEXT_SYLLABLE, CountedNouns
from .designation import Designation


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


class Lexicons(Qualifiers, CountedNouns, Designation):
    """Compiled word-level helpers shared by the numeric extractors (the
    qualifiers, the counted noun and the numbers that name something are
    mixins of one module each, reading the word sets made here)."""

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
        nxt = match_at(NEXT_SYLLABLE, text, end, 30)
        if not nxt:
            return False
        word = f"{unit.split()[-1].lower()} {nxt.group(1).lower()}"
        return word in self.not_currency or word in self.not_area

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
