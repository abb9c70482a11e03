"""The person/role extractor: the grammar and the word sets it reads from
``rules/persons.toml``, and its scan (the name-first forms, then the
role-first ones); each group of its methods is a mixin of its own module."""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Callable, Iterator, Optional, TypeVar

from ...grammar.levels import NUMBERED, VIETNAMESE_UNITS
from ..base.candidates import Candidate
from ..base.context import Context
from ..base.lexicons import Lexicons
from ..base.matching import opening_test
from ..base.grammar_attributes import GrammarAttributes
from ...grammar.pattern_cache import compile_regex
from .lists import PersonLists
from .name_first import NameFirstForms
from .names import NameShapes
from .org_words import OrganizationWords
from .organizations import OrganizationEnds
from .role_first import RoleFirstForms
from .roles import Roles
from .text_helpers import WordsBefore

_RANK_ENDS = ("tướng", "tá", "úy", "uý", "đốc")

_T = TypeVar("_T")


def _per_word(fn: Callable[[str], _T]) -> Callable[[str], _T]:
    """``fn``, remembering its answer for the words met most recently
    (``fn`` must read nothing but its word: the words of roles repeat)."""
    return lru_cache(maxsize=4096)(fn)


class PersonRoleExtractor(NameFirstForms, PersonLists, RoleFirstForms, Roles, OrganizationEnds, OrganizationWords,
                          NameShapes, WordsBefore, GrammarAttributes):
    name = "person_role"

    def __init__(self, lex: Lexicons):
        self.lex = lex
        p = lex.rules.persons
        self.surnames = set(lex.rules.lexicon("surnames"))
        self.not_names = {n.lower() for n in p.not_names}
        self.stop_caps = set(p.name_stop_words)
        self.honorific_of = {k.lower(): v for k, v in p.honorifics.items()}
        self.org_heads = {h.lower() for h in p.org_heads}
        self.org_words = set(p.org_words) | self.org_heads
        # the level words, and each of their syllables (a name is read one syllable at a time)
        place_before = (*VIETNAMESE_UNITS, *p.place_before)
        self.level_words = {w.lower() for w in place_before} | {s for w in place_before for s in w.lower().split()}
        self.not_credits = {c.lower() for c in p.bylines.not_credits}
        self.credit_heads = {h.lower() for h in p.bylines.not_credit_heads}
        # a one-word name of the Central Highlands peoples, as the grammar's part writes it
        self.apos_name = compile_regex(p.grammar.refs["apos_name"])
        # the grammar is data: [grammar] in persons.toml, validated at load
        g = lex.rules.grammar("person_role")
        self.byline_scan = g["byline"]
        self.byline_bare_scan = g["byline_bare"]
        self.hon_name_scan = g["honorific_name"]
        self.dash_name_scan = g["name_dash"]
        self.list_scan = g["list"]
        self.title_scan = g["title"]
        self.name_card_scan = g["name_card"]
        self._grammar_attributes(g, {"title_re": "title", "list_head": "list", "name_re": "name",
                                     "last_word_re": "last_word", **{name: name for name in (
            "name_sep", "acronym", "name_after_role", "role_sep", "comma_only", "term", "next_word", "paren_acronym",
            "abbrev_dot", "item_sep", "aside", "bullet", "head_words", "org_head_unit", "hon_before",
            "hon_at", "list_colon", "role_then_hon", "list_opener", "list_predicates", "name_comma_before",
            "named_after", "dash_head", "sector_tail", "dash_sector", "post_object", "org_role", "masthead", "dash_org", "name_dash_opening",
            "byline_bare_opening", "more_credit", "signature", "plural_name", "interviewer", "merged_after", "in_charge_post", "form_fields", "item_note", "name_card_opening", "merged_word", "name_photo_before", "field_list")}})
        self.place_before = {w.lower() for w in place_before}
        # the last word of a name that a number ends: a unit of a numbered level ("thôn 2",
        # "khu phố 3"), or a numbered body of the persons rules ("tổ 5", "Ban Chỉ đạo 389")
        self.numbered_words = ({w.split()[-1] for w in NUMBERED}
                               | {w.lower() for w in p.numbered_names if " " not in w})
        # units named by a number whose last word alone is no unit ("Lữ đoàn 168", not "Công đoàn 3"),
        # by their last two words ("Vùng Cảnh sát biển 1" ends in "sát biển")
        self.numbered_pairs = {" ".join(w.lower().split()[-2:]) for w in p.numbered_names if " " in w}
        # numbered areas ("khu vực 2"), whose number a counted noun after it takes back
        self.area_numbered = {w.lower() for w in p.area_numbered_names}
        self.personal_titles = {t.lower() for t in p.personal_titles}
        self.bare_not_posts = set(p.bare_not_posts)
        # the ranks of the army and the police ("Đại tá", "Thiếu tướng", "Chuẩn Đô đốc"), and their first words
        self.ranks = {t.lower() for t in p.personal_titles if t.split()[-1].lower() in _RANK_ENDS}
        self.rank_firsts = {t.split()[0] for t in p.personal_titles if t.lower() in self.ranks}
        # land measures a number may count after a place's name ("xã Tân Lập 2 ha lúa")
        self.area_forms = frozenset(f.lower() for a in lex.rules.units.area if not a.requires_next for f in a.forms)
        self._is_title = _per_word(lambda w: self.title_re.fullmatch(w) is not None)
        self._is_acronym = _per_word(lambda w: self.acronym.fullmatch(w) is not None)
        self._title_word = _per_word(self._bare_title)
        self._word_kind = _per_word(self._read_word_kind)
        self.scan_patterns = [self.byline_scan, self.byline_bare_scan, self.hon_name_scan, self.dash_name_scan,
                              self.list_scan, self.title_scan, self.name_card_scan]

    # The numbers of the groups read once per word or title: a look-up by
    # name costs the regex module as much as building its name table anew.
    @cached_property
    def _word_group(self) -> int:
        return self.next_word.groupindex["w"]

    @cached_property
    def _unit_opens(self) -> Optional[Callable[[str], bool]]:
        """Whether an org_head_unit match can open with a given string."""
        return opening_test(self.org_head_unit)

    @cached_property
    def _title_group(self) -> int:
        return self.title_re.groupindex["title"]

    # ------------------------------------------------------------------
    def __call__(self, ctx: Context) -> Iterator[Candidate]:
        # posts already read as those of a person named before them are not
        # read again as "Role Name" (they would take the next person's name)
        taken: list[tuple[int, int]] = []
        for c in self._name_first(ctx):
            if c.rule != "person_role.byline":
                taken.append((c.start, c.end))
            yield c
        yield from self._role_first(ctx, sorted(taken))
